/* SPDX-License-Identifier: MIT */
/*
 * tty.h - terminal names, exactly as `ps -o tty` prints them.
 *
 * procps does not know a terminal's name, it finds a device file whose
 * st_rdev matches tty_nr, in this order (procps-ng 4.0 devname.c):
 *
 *   1. /proc/tty/drivers: the driver owning major/minor gives a path to
 *      try: /dev/NAMEminor, /dev/NAME/minor, /dev/NAME
 *   2. the target of /proc/PID/fd/2
 *   3. a built-in table of majors (tty_guess(): pts/N, ttyN, ttySN, ...)
 *   4. the target of /proc/PID/fd/255 (where bash keeps its terminal)
 *
 * and prints it without "/dev/", with bytes outside '!'..'~' as '?'; "?"
 * when nothing matches, or for tty_nr 0. The answer thus depends on /dev
 * as this process sees it: "pts/3" for a pty, but "?" in a mount
 * namespace without that /dev/pts entry, just as ps would say.
 */
#ifndef DAEMONLAB_TTY_H
#define DAEMONLAB_TTY_H

#include <stddef.h>
#include <sys/types.h>

/* Steps 1 and 3 only: for a device, not a process. */
void	tty_name(dev_t tty_nr, char *buf, size_t size);

/* All four steps; procfd is open("/proc", O_DIRECTORY). */
void	tty_name_pid(int procfd, pid_t pid, dev_t tty_nr, char *buf,
	    size_t size);

/* Step 3 alone, pure: writes the path procps would try for this
 * major/minor ("/dev/pts/3") and returns 1, or returns 0 for a major
 * it has no rule for. */
int	tty_guess(unsigned int major, unsigned int minor, char *buf,
	    size_t size);

#endif
