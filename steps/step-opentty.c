/* SPDX-License-Identifier: MIT */
/*
 * step-opentty - the terminal experiment: open a terminal that no session
 * owns, and see whether it becomes this process's controlling terminal.
 * A session leader without one acquires it (BSD daemon path); a process
 * that is not a session leader cannot (the System V second fork), until
 * it calls setsid() again, as libdaemon's daemon_fork() does.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "harness.h"

static const char *
why_not(int noctty, int by_ioctl)
{
	if (noctty)
		return "O_NOCTTY forbids it";
	if (getsid(0) != getpid())
		return "it is not a session leader (the second fork), so it "
		    "cannot acquire one unless it calls setsid() again";
	if (by_ioctl)
		return "TIOCSCTTY failed";
	return "it already has one";
}

int
main(int argc, char *argv[])
{
	int noctty = 0, by_ioctl = 0;
	const struct step_option options[] = {
		{ "noctty", NULL, &noctty, "open with O_NOCTTY: never acquire" },
		{ "ioctl", NULL, &by_ioctl, "open with O_NOCTTY, then take it "
		  "the BSD way: ioctl(fd, TIOCSCTTY, 0)" },
		{ NULL, NULL, NULL, NULL },
	};
	char **next = step_begin("opentty", "Open a fresh terminal without "
	    "O_NOCTTY: does it become the controlling terminal?",
	    argc, argv, options);
	int master, slave, ioctl_errno = 0;
	const char *name;

	if (noctty && by_ioctl)
		step_fail(STEP_EXIT_USAGE, "--noctty and --ioctl contradict "
		    "each other; give one of them");

	/* A new pty pair: a terminal that no session owns yet. */
	if ((master = posix_openpt(O_RDWR | O_NOCTTY)) == -1 ||
	    grantpt(master) == -1 || unlockpt(master) == -1 ||
	    (name = ptsname(master)) == NULL)
		step_fail(STEP_EXIT_FAILED, "cannot make a new terminal: %s",
		    strerror(errno));
	/* Opened for reading too: Linux gives no process a terminal it
	 * cannot read as its controlling terminal. */
	slave = open(name, O_RDWR | (noctty || by_ioctl ? O_NOCTTY : 0));
	if (slave == -1)
		step_fail(STEP_EXIT_FAILED, "open(\"%s\") failed: %s", name,
		    strerror(errno));
	if (by_ioctl && ioctl(slave, TIOCSCTTY, 0) == -1)
		ioctl_errno = errno;

	if (tcgetsid(slave) == getsid(0))
		step_pause("opened %s%s: it IS the controlling terminal now; %s",
		    name, by_ioctl ? " and ioctl(TIOCSCTTY)" : "", by_ioctl ?
		    "a session leader without one may take a terminal no "
		    "session owns" : "a session leader without one acquires "
		    "the first terminal it opens");
	else
		step_pause("opened %s%s%s%s: NOT the controlling terminal: %s",
		    name, noctty || by_ioctl ? " with O_NOCTTY" : "",
		    ioctl_errno ? "; ioctl(TIOCSCTTY) failed: " : "",
		    ioctl_errno ? strerror(ioctl_errno) : "",
		    why_not(noctty, by_ioctl));
	step_next(next);
}
