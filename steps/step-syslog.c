/* SPDX-License-Identifier: MIT */
/*
 * step-syslog - with no terminal left, the system log is where a daemon
 * speaks (APUE 13.4). syslog(3) reports no errors at all: a line sent
 * where no syslog daemon listens is lost without a word. So probe the
 * socket first, and say plainly when nobody is there.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <syslog.h>
#include <unistd.h>

#include "harness.h"

#define LOG_SOCKET "/dev/log"    /* _PATH_LOG: where glibc's syslog() sends */

/* 0 when a syslog daemon accepts datagrams on /dev/log; else errno. */
static int
probe(void)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX,
	    .sun_path = LOG_SOCKET };
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0), err = 0;

	if (fd == -1)
		return errno;
	if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == -1)
		err = errno;
	close(fd);
	return err;
}

int
main(int argc, char *argv[])
{
	char **next = step_begin("syslog", "openlog() and syslog(): one line "
	    "to the system log, after checking that a syslog daemon listens "
	    "on /dev/log.", argc, argv, NULL);
	int err = probe();

	if (err != 0) {
		step_pause("no syslog daemon listens on %s (connect: %s): "
		    "syslog(3) would drop every line without an error, so "
		    "nothing was logged; going on", LOG_SOCKET, strerror(err));
		step_next(next);
	}
	/* LOG_NDELAY: connect now, while we know it works, not at the
	 * first line; LOG_PID: the PID in every line. */
	openlog("daemonlab", LOG_PID | LOG_NDELAY, LOG_DAEMON);
	syslog(LOG_INFO, "step-syslog: pid %ld logs one line", (long)getpid());
	step_pause("openlog(\"daemonlab\", LOG_PID | LOG_NDELAY, LOG_DAEMON), "
	    "syslog(LOG_INFO, ...): one line sent to %s; the socket stays "
	    "open for the next lines (see journalctl -t daemonlab, or "
	    "/var/log/syslog)", LOG_SOCKET);
	step_next(next);
}
