/* SPDX-License-Identifier: MIT */
/* step-setsid - start a new session, leaving the terminal behind (APUE 9.5). */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

int
main(int argc, char *argv[])
{
	char **next = step_begin("setsid", "setsid(): a new session and "
	    "process group, with no controlling terminal.", argc, argv, NULL);
	pid_t sid = setsid();

	if (sid == -1 && errno == EPERM)
		step_fail(STEP_EXIT_FAILED, "setsid() failed with EPERM: pid "
		    "%ld leads process group %ld, and a group leader may not "
		    "start a session (its group would span two sessions). "
		    "Fork first: the child is never a group leader",
		    (long)getpid(), (long)getpgrp());
	if (sid == -1)
		step_fail(STEP_EXIT_FAILED, "setsid() failed: %s", strerror(errno));
	step_pause("setsid() = %ld: leader of new session %ld and new group "
	    "%ld; no controlling terminal", (long)sid, (long)sid, (long)sid);
	step_next(next);
}
