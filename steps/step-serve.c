/* SPDX-License-Identifier: MIT */
/*
 * step-serve - the daemon's working life. SIGHUP, free since the daemon
 * has no terminal to lose, means "reread your configuration" (APUE 13.6,
 * TLPI 37.4); SIGTERM means "shut down cleanly": release the lock and
 * remove the PID file, where the daemon still may.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

/* The first line of the configuration file, e.g. "greeting=hello". */
static void
read_config(const char *path, char *value, size_t size)
{
	FILE *f;

	if (path == NULL) {
		snprintf(value, size, "(no --config=FILE)");
		return;
	}
	if ((f = fopen(path, "re")) == NULL) {
		snprintf(value, size, "(cannot read %s: %s)", path,
		    strerror(errno));
		return;
	}
	if (fgets(value, (int)size, f) == NULL)
		value[0] = '\0';
	value[strcspn(value, "\n")] = '\0';
	fclose(f);
}

/* Removes the PID file only if it is still the file we hold locked:
 * the name may meanwhile belong to another instance's file. */
static void
remove_pidfile(char *said, size_t size)
{
	const char *path = getenv("DAEMONLAB_PIDFILE");
	int fd = step_env_fd("DAEMONLAB_PIDFILE_FD");
	struct stat held, named;

	if (path == NULL || fd == -1) {
		snprintf(said, size, "no PID file to remove");
		return;
	}
	if (fstat(fd, &held) == -1 || stat(path, &named) == -1 ||
	    held.st_dev != named.st_dev || held.st_ino != named.st_ino)
		snprintf(said, size, "%s is no longer our file; left alone",
		    path);
	else if (unlink(path) == -1)
		snprintf(said, size, "cannot remove %s (%s): uid %ld may not "
		    "write its folder; the lock is released, so the next "
		    "instance takes the stale file over", path,
		    strerror(errno), (long)geteuid());
	else
		snprintf(said, size, "removed %s", path);
	close(fd);    /* releases the lock */
}

int
main(int argc, char *argv[])
{
	const char *config = NULL;
	const struct step_option options[] = {
		{ "config", &config, NULL, "the configuration file that "
		  "SIGHUP rereads" },
		{ NULL, NULL, NULL, NULL },
	};
	char **next = step_begin("serve", "Serve until told: SIGHUP rereads "
	    "the configuration, SIGTERM shuts down cleanly.",
	    argc, argv, options);
	char value[256], said[512];
	int reloads = 0, sig, ready;

	read_config(config, value, sizeof value);
	/* Initialised: now the command that started us may exit 0. */
	ready = step_ready();
	step_serving("serving%s; configuration: %s; kill -HUP %ld rereads it, "
	    "kill -TERM %ld stops it", ready ? " (told the original process "
	    "it is ready)" : "", value, (long)getpid(), (long)getpid());
	for (;;) {
		sig = step_serve_wait();
		if (sig == SIGHUP) {
			read_config(config, value, sizeof value);
			step_serving("SIGHUP: reload %d, configuration: %s",
			    ++reloads, value);
			continue;
		}
		if (sig == SIGUSR1 && *next != NULL)
			step_next(next);
		remove_pidfile(said, sizeof said);
		step_stopped("%s: shut down cleanly after %d reloads; %s",
		    sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" :
		    "continued at the end of the chain", reloads, said);
	}
}
