/* SPDX-License-Identifier: MIT */
/* step-start - nothing yet: the process as an interactive shell started it. */
#include <stdio.h>
#include <unistd.h>

#include "harness.h"

int
main(int argc, char *argv[])
{
	char **next = step_begin("start", "The process as the shell started "
	    "it: a foreground job on a terminal.", argc, argv, NULL);
	pid_t tpgid = tcgetpgrp(STDIN_FILENO);

	step_pause("pid %ld, group %ld, session %ld; terminal %s, foreground "
	    "group %ld%s", (long)getpid(), (long)getpgrp(), (long)getsid(0),
	    ttyname(STDIN_FILENO) ? ttyname(STDIN_FILENO) : "none",
	    (long)tpgid, tpgid == getpgrp() ? " (this job)" : "");
	step_next(next);
}
