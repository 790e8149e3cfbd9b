/* SPDX-License-Identifier: MIT */
/* walk.c - a chain, pause by pause, as test_chains.c runs it. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "walk.h"

static void
seen_add(struct walk *w, pid_t pid)
{
	int i;

	if (pid <= 0)
		return;
	for (i = 0; i < w->nseen; i++)
		if (w->seen[i] == pid)
			return;
	if (w->nseen < WALK_MAX_SEEN)
		w->seen[w->nseen++] = pid;
}

void
walk_start(struct walk *w, const char *chain, const char *option,
    const char *cwd)
{
	static char xdg[128];
	char **argv, *env[] = { xdg, NULL };
	int here, i;

	memset(w, 0, sizeof *w);
	w->chain = chain;
	w->option = option;
	lab_init(&w->lab);
	if ((argv = lab_chain_argv(chain, option)) == NULL) {
		fprintf(stderr, "walk: no chain named '%s'\n", chain);
		exit(99);
	}
	/* The shell, and so the job, starts in cwd. */
	if (cwd != NULL && strcmp(cwd, WALK_LAB_DIR) == 0)
		cwd = w->lab.dir;
	if ((here = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    (cwd != NULL && chdir(cwd) == -1) ||
	    getcwd(w->cwd, sizeof w->cwd) == NULL)
		perror("walk: cwd"), exit(99);
	/* step-pidfile's file goes into the lab, not /run. */
	snprintf(xdg, sizeof xdg, "XDG_RUNTIME_DIR=%s", w->lab.dir);
	for (i = 0; argv[i] != NULL; i++)
		w->ready |= strcmp(argv[i], "--ready") == 0;
	/* "prog &", "prog & disown": as the chain says. */
	w->lab.how = launch_how_of(chain_find(chain)->how);
	lab_shell(&w->lab, argv, env);
	if (fchdir(here) == -1)
		perror("walk: fchdir"), exit(99);
	close(here);
	seen_add(w, w->lab.shell);
}

int
walk_until_exited(struct walk *w, pid_t pid, int timeout_ms)
{
	long deadline = lab_now_ms() + timeout_ms;
	struct facts f;

	for (;;) {
		if (facts_read(pid, &f) == -1 || f.state == 'Z' ||
		    f.state == 'X')
			return 0;
		if (lab_now_ms() >= deadline)
			return -1;
		lab_drain(&w->lab, 10);
	}
}

int
walk_until_job_line(struct walk *w, pid_t job, int status, int timeout_ms)
{
	long deadline = lab_now_ms() + timeout_ms;
	char line[64];

	snprintf(line, sizeof line, "[job %d: exit %d]\r\n$ ", (int)job,
	    status);
	for (;;) {
		if (strstr(w->lab.out, line) != NULL)
			return 0;
		if (lab_now_ms() >= deadline)
			return -1;
		lab_drain(&w->lab, 10);
	}
}

/* The previous focus forked and exited: wait until it is gone, and, when
 * it was the job, until the shell has the terminal back. */
static int
settle(struct walk *w)
{
	struct facts f;
	long deadline = lab_now_ms() + 5000;
	pid_t prev = w->prev;

	if (prev == 0 || prev == w->focus)
		return 0;
	/* step-fork --ready: the job waits for the daemon's "ready" (at
	 * step-serve), and exits only then. */
	if (w->ready && prev == w->job)
		return 0;
	if (walk_until_exited(w, prev, 5000) == -1) {
		snprintf(w->why, sizeof w->why, "process %d, which forked, "
		    "did not exit", (int)prev);
		return -1;
	}
	/* Adopted by us (the second fork's session leader): we reap it. */
	if (facts_read(prev, &f) == 0 && f.ppid == getpid() &&
	    lab_wait(&w->lab, prev, 5000) == -1) {
		snprintf(w->why, sizeof w->why, "could not reap %d", (int)prev);
		return -1;
	}
	while (facts_read(prev, &f) == 0) {
		if (lab_now_ms() >= deadline) {
			snprintf(w->why, sizeof w->why, "process %d was not "
			    "reaped (state %c)", (int)prev, f.state);
			return -1;
		}
		lab_drain(&w->lab, 10);
	}
	if (prev == w->job &&
	    walk_until_job_line(w, prev, 0, 5000) == -1) {
		const char *tail = w->lab.out + (w->lab.outlen > 600 ?
		    w->lab.outlen - 600 : 0);

		snprintf(w->why, sizeof w->why, "the shell did not report "
		    "job %d; the terminal shows:\n%.600s", (int)prev, tail);
		return -1;
	}
	return 0;
}

enum walk_event
walk_next(struct walk *w, int timeout_ms)
{
	struct report r;

	w->forker = 0;
	w->fork_msg[0] = '\0';
	for (;;) {
		if (!lab_next(&w->lab, &r, timeout_ms)) {
			snprintf(w->why, sizeof w->why, "no report in %d ms "
			    "after %d pauses", timeout_ms, w->pauses);
			return WALK_TIMEOUT;
		}
		if (r.m.event == PROTO_EXIT && r.m.child != 0) {
			/* A step-fork parent names its child, then exits. */
			w->forker = r.sender;
			snprintf(w->fork_msg, sizeof w->fork_msg, "%s",
			    r.m.msg);
			seen_add(w, r.sender);
			seen_add(w, r.m.child);
			continue;
		}
		w->r = r;
		if (r.m.event == PROTO_EXIT) {
			/* A daemon that never forked (newstyle) is still the
			 * shell's job: the shell reaps it and says how. */
			if (r.sender == w->job) {
				w->status = walk_until_job_line(w, r.sender, 0,
				    5000) == 0 ? 0 : -1;
			} else
				w->status = lab_wait(&w->lab, r.sender, 5000);
			if (w->status == -1) {
				snprintf(w->why, sizeof w->why, "the daemon %d "
				    "did not exit", (int)r.sender);
				return WALK_TIMEOUT;
			}
			return WALK_END;
		}
		w->prev = w->focus;
		w->focus = r.sender;
		seen_add(w, r.sender);
		if (w->job == 0)
			w->job = r.sender;
		if (r.m.event == PROTO_ERROR)
			return WALK_ERROR;
		if (r.m.pid != r.sender) {
			snprintf(w->why, sizeof w->why, "pid=%d claimed, sent "
			    "by %d", (int)r.m.pid, (int)r.sender);
			return WALK_TIMEOUT;
		}
		w->pauses++;
		if (settle(w) == -1)
			return WALK_TIMEOUT;
		if (facts_read_paused(w->focus, &w->now) == -1) {
			snprintf(w->why, sizeof w->why, "process %d is gone at "
			    "its pause", (int)w->focus);
			return WALK_TIMEOUT;
		}
		return WALK_PAUSED;
	}
}

void
walk_continue(struct walk *w)
{
	if (w->focus > 0)
		kill(w->focus, SIGUSR1);
}

int
walk_finish(struct walk *w)
{
	return lab_finish(&w->lab);
}
