/* SPDX-License-Identifier: MIT */
/* step-devnull - /dev/null on 0, 1 and 2 (APUE 13.3, rule 6). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "harness.h"

int
main(int argc, char *argv[])
{
	char **next = step_begin("devnull", "open(\"/dev/null\") onto 0, 1 and "
	    "2: library code that reads or writes them harms nothing.",
	    argc, argv, NULL);
	struct stat st;
	int fd, target;

	step_note("putting /dev/null on descriptors 0, 1 and 2; this is the "
	    "last line this terminal gets from the chain");
	if ((fd = open("/dev/null", O_RDWR)) == -1)
		step_fail(STEP_EXIT_FAILED, "open(\"/dev/null\") failed: %s",
		    strerror(errno));
	/* As glibc's daemon() does: a /dev/null replaced by a file would
	 * silently collect everything the daemon writes. */
	if (fstat(fd, &st) == -1 || !S_ISCHR(st.st_mode) ||
	    st.st_rdev != makedev(1, 3))
		step_fail(STEP_EXIT_FAILED, "/dev/null is not the null device "
		    "(character device 1,3); refusing to use it");
	for (target = 0; target <= 2; target++)
		if (fd != target && dup2(fd, target) == -1)
			step_fail(STEP_EXIT_FAILED, "dup2(%d, %d) failed: %s",
			    fd, target, strerror(errno));
	if (fd > 2)
		close(fd);
	step_pause("open(\"/dev/null\", O_RDWR) = %d: descriptors 0, 1 and 2 "
	    "are /dev/null now", fd);
	step_next(next);
}
