/* SPDX-License-Identifier: MIT */
/*
 * step-notify - tell the service manager "ready" in systemd's notify
 * protocol (sd_notify(3)): one datagram of NAME=VALUE lines to the Unix
 * socket named in $NOTIFY_SOCKET, a path, or an abstract address when it
 * starts with "@". The new-style daemon's only readiness signal.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "harness.h"

int
main(int argc, char *argv[])
{
	const char *status = "serving";
	const struct step_option options[] = {
		{ "status", &status, NULL, "the STATUS= text (default: "
		  "serving)" },
		{ NULL, NULL, NULL, NULL },
	};
	char **next = step_begin("notify", "sendto($NOTIFY_SOCKET, "
	    "\"READY=1\\nSTATUS=...\"): tell the service manager the daemon "
	    "is ready.", argc, argv, options);
	const char *where = getenv("NOTIFY_SOCKET");
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	char msg[512];
	socklen_t addrlen;
	size_t len;
	int fd, n;

	if (where == NULL || where[0] == '\0') {
		step_pause("NOTIFY_SOCKET is not set: no service manager "
		    "listens for READY=1; nothing to send, going on");
		step_next(next);
	}
	len = strlen(where);
	if ((where[0] != '/' && where[0] != '@') || len >= sizeof addr.sun_path)
		step_fail(STEP_EXIT_USAGE, "NOTIFY_SOCKET='%s' is neither an "
		    "absolute path nor an abstract address (@NAME) that fits "
		    "a Unix socket address", where);
	memcpy(addr.sun_path, where, len);
	if (where[0] == '@')
		addr.sun_path[0] = '\0';    /* abstract: no file at all */
	addrlen = offsetof(struct sockaddr_un, sun_path) + len;

	n = snprintf(msg, sizeof msg, "READY=1\nSTATUS=%s\nMAINPID=%ld\n",
	    status, (long)getpid());
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd == -1 || sendto(fd, msg, n, 0, (struct sockaddr *)&addr,
	    addrlen) != n)
		step_fail(STEP_EXIT_FAILED, "sending READY=1 to %s failed: "
		    "%s", where, strerror(errno));
	close(fd);
	step_pause("sendto(\"%s\", \"READY=1\\nSTATUS=%s\\nMAINPID=%ld\"): "
	    "the service manager knows the daemon is ready", where, status,
	    (long)getpid());
	step_next(next);
}
