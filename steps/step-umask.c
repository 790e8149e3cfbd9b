/* SPDX-License-Identifier: MIT */
/* step-umask - clear the file mode creation mask (APUE 13.3, rule 1). */
#include <sys/stat.h>

#include "harness.h"

int
main(int argc, char *argv[])
{
	char **next = step_begin("umask", "umask(0): files the daemon creates "
	    "get exactly the mode it asks for.", argc, argv, NULL);
	mode_t old = umask(0);

	step_pause("umask(0): the mask was %04o, now 0000; an inherited mask "
	    "can no longer take permissions away", (unsigned)old);
	step_next(next);
}
