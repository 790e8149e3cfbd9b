/* step-fork - fork; the parent exits, the child goes on (APUE 13.3, rule 2). */
#include <errno.h>
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

int
main(int argc, char *argv[])
{
	char **next = step_begin("fork", "fork(): the parent exits at once and "
	    "the child goes on, no longer a process group leader.",
	    argc, argv, NULL);
	pid_t parent = getpid();
	pid_t child = fork();

	if (child == -1)
		step_fail(STEP_EXIT_FAILED, "fork() failed: %s", strerror(errno));
	if (child > 0) {
		step_forked(child, "fork() = %ld: parent %ld exits; child %ld "
		    "goes on", (long)child, (long)parent, (long)child);
		/* _exit, not exit: stdio buffers and atexit handlers were
		 * copied into the child, and belong to it now. */
		_exit(0);
	}
	wait_for_adoption(parent);
	step_pause("fork() = 0: I am the child, pid %ld; parent %ld exited and "
	    "%ld adopted me; still in group %ld, but not its leader",
	    (long)getpid(), (long)parent, (long)getppid(), (long)getpgrp());
	step_next(next);
}
