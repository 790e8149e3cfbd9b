/* SPDX-License-Identifier: MIT */
/* step-chdir - move to /, so that no file system is kept busy (APUE 13.3). */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

int
main(int argc, char *argv[])
{
	const char *dir = "/";
	const struct step_option options[] = {
		{ "dir", &dir, NULL, "change to DIR instead of /" },
		{ NULL, NULL, NULL, NULL },
	};
	char **next = step_begin("chdir", "chdir(\"/\"): the daemon no longer "
	    "keeps the directory it was started in busy.", argc, argv, options);

	if (chdir(dir) == -1)
		step_fail(STEP_EXIT_FAILED, "chdir(\"%s\") failed: %s; give an "
		    "existing directory with --dir=DIR", dir, strerror(errno));
	step_pause("chdir(\"%s\"): the working directory is %s now", dir, dir);
	step_next(next);
}
