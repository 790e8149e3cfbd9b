/* watchdog.c - sweep up after the inspector, however it ended. */
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "proc.h"
#include "watchdog.h"

static int guard_fd = -1;    /* the inspector's end of the pipe */

/* Kills what carries the tag; returns how many it found. */
static int
sweep(int procfd, const char *tag)
{
	static pid_t pids[65536];
	int i, n, found = 0;

	n = proc_list(procfd, pids, sizeof pids / sizeof pids[0]);
	for (i = 0; i < n && i < (int)(sizeof pids / sizeof pids[0]); i++)
		if (pids[i] != getpid() &&
		    proc_environ_has(procfd, pids[i], tag)) {
			kill(pids[i], SIGKILL);
			found++;
		}
	return found;
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static _Noreturn void
watch(int fd, pid_t inspector, const char *dir)
{
	struct timespec tick = { 0, 50 * 1000000 };
	char tag[64], byte;
	int procfd, quiet = 0;

	/* The terminal closing, ^C, or a kill of the whole group must not
	 * end the watchdog before it has done its one job. */
	signal(SIGHUP, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	prctl(PR_SET_NAME, "daemonlab-watch");
	snprintf(tag, sizeof tag, "DAEMONLAB_INSPECTOR_PID=%d", (int)inspector);
	while (read(fd, &byte, 1) != 0)
		;
	/* Sweep until nothing has been found for a while: a process may be
	 * forking while we look. */
	procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	while (procfd != -1 && quiet < 4) {
		quiet = sweep(procfd, tag) ? 0 : quiet + 1;
		nanosleep(&tick, NULL);
	}
	if (dir != NULL)
		nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
	_exit(0);
}

pid_t
watchdog_start(const char *dir)
{
	int p[2];
	pid_t pid, inspector = getpid();

	if (pipe2(p, O_CLOEXEC) == -1)
		return -1;
	if ((pid = fork()) == -1) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[1]);
		watch(p[0], inspector, dir);
	}
	close(p[0]);
	guard_fd = p[1];
	return pid;
}

void
watchdog_stop(pid_t pid)
{
	if (guard_fd >= 0)
		close(guard_fd);
	guard_fd = -1;
	if (pid > 0)
		waitpid(pid, NULL, 0);
}
