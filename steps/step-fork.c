/* SPDX-License-Identifier: MIT */
/* step-fork - fork; the parent exits, the child goes on (APUE 13.3, rule 2). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

/* The child reports once it has been adopted, so that what it shows is
 * the state after its parent's exit, not a race with it. */
static void
wait_for_adoption(pid_t parent)
{
	struct timespec ms = { 0, 1000000 };
	int i;

	for (i = 0; i < 2000 && getppid() == parent; i++)
		nanosleep(&ms, NULL);
}

/* --ready: the parent waits for the daemon's word on the pipe, so that
 * the command that started it learns whether it really started. */
static _Noreturn void
wait_for_ready(int fd)
{
	char buf[1024];
	size_t used = 0;
	ssize_t n;

	while (used < sizeof buf - 1 &&
	    ((n = read(fd, buf + used, sizeof buf - 1 - used)) > 0 ||
	    (n == -1 && errno == EINTR)))
		if (n > 0)
			used += n;
	buf[used] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	if (strncmp(buf, "ready ", 6) == 0) {
		step_note("the daemon says it is ready (pid %s); exiting 0",
		    buf + 6);
		_exit(0);
	}
	if (strncmp(buf, "error ", 6) == 0)
		dprintf(STDERR_FILENO, "step-fork[%ld]: the daemon failed: "
		    "%s\n", (long)getpid(), buf + 6);
	else
		dprintf(STDERR_FILENO, "step-fork[%ld]: the daemon ended "
		    "before it was ready, without a word\n", (long)getpid());
	_exit(1);
}

int
main(int argc, char *argv[])
{
	int ready = 0, pipefd[2] = { -1, -1 }, said[2] = { -1, -1 };
	const struct step_option options[] = {
		{ "ready", NULL, &ready, "the parent waits on a pipe for the "
		  "daemon's \"ready\" and exits 0, or 1 with its failure" },
		{ NULL, NULL, NULL, NULL },
	};
	char **next = step_begin("fork", "fork(): the parent exits at once and "
	    "the child goes on, no longer a process group leader.",
	    argc, argv, options);
	pid_t parent = getpid(), child;
	char num[16];

	/* Made before the fork, so that both ends are inherited; without
	 * O_CLOEXEC, so that the write end lives on through every exec. */
	if (ready && pipe(pipefd) == -1)
		step_fail(STEP_EXIT_FAILED, "pipe() failed: %s", strerror(errno));
	/* The parent's report comes first, as when it exits at once: the
	 * child waits for this pipe's end-of-file before it goes on. */
	if (ready && pipe2(said, O_CLOEXEC) == -1)
		step_fail(STEP_EXIT_FAILED, "pipe2() failed: %s",
		    strerror(errno));
	child = fork();
	if (child == -1)
		step_fail(STEP_EXIT_FAILED, "fork() failed: %s", strerror(errno));
	if (child > 0) {
		if (ready) {
			close(pipefd[1]);
			close(said[0]);
			step_forked(child, "fork() = %ld: parent %ld waits on "
			    "the readiness pipe; child %ld goes on",
			    (long)child, (long)parent, (long)child);
			close(said[1]);
			/* The child may exit first (a second fork): the
			 * kernel reaps it then, no zombie is left. */
			signal(SIGCHLD, SIG_IGN);
			wait_for_ready(pipefd[0]);
		}
		step_forked(child, "fork() = %ld: parent %ld exits; child %ld "
		    "goes on", (long)child, (long)parent, (long)child);
		/* _exit, not exit: stdio buffers and atexit handlers were
		 * copied into the child, and belong to it now. */
		_exit(0);
	}
	if (ready) {
		close(pipefd[0]);
		close(said[1]);
		while (read(said[0], num, 1) == -1 && errno == EINTR)
			;
		close(said[0]);
		snprintf(num, sizeof num, "%d", pipefd[1]);
		setenv("DAEMONLAB_READY_FD", num, 1);
		step_pause("fork() = 0: I am the child, pid %ld; parent %ld "
		    "waits until I write \"ready\" (or my failure) to "
		    "descriptor %d; still in group %ld, but not its leader",
		    (long)getpid(), (long)parent, pipefd[1], (long)getpgrp());
		step_next(next);
	}
	wait_for_adoption(parent);
	step_pause("fork() = 0: I am the child, pid %ld; parent %ld exited and "
	    "%ld adopted me; still in group %ld, but not its leader",
	    (long)getpid(), (long)parent, (long)getppid(), (long)getpgrp());
	step_next(next);
}
