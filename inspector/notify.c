/* SPDX-License-Identifier: MIT */
/* notify.c - receive sd_notify(3) messages for a run, from its members only. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "notify.h"

int
notify_open(struct notify *n, const char *dir)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int on = 1;

	memset(n, 0, sizeof *n);
	n->sock = -1;
	if ((size_t)snprintf(n->path, sizeof n->path, "%s/notify", dir) >=
	    sizeof n->path || strlen(n->path) >= sizeof addr.sun_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(addr.sun_path, n->path, strlen(n->path) + 1);
	n->sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (n->sock == -1 ||
	    bind(n->sock, (struct sockaddr *)&addr, sizeof addr) == -1 ||
	    setsockopt(n->sock, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) == -1 ||
	    chmod(n->path, 0666) == -1)
		return -1;
	return 0;
}

void
notify_close(struct notify *n)
{
	if (n->sock >= 0) {
		close(n->sock);
		unlink(n->path);
	}
	n->sock = -1;
}

void
notify_parse(struct notify *n, const char *msg, size_t len)
{
	const char *p = msg, *end = msg + len, *nl;
	size_t used = 0, l;

	n->last[0] = '\0';
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		l = (size_t)(nl - p);
		if (l == 7 && memcmp(p, "READY=1", 7) == 0)
			n->ready = 1;
		else if (l >= 7 && memcmp(p, "STATUS=", 7) == 0)
			snprintf(n->status, sizeof n->status, "%.*s",
			    (int)(l - 7), p + 7);
		if (l > 0 && used < sizeof n->last)
			used += snprintf(n->last + used, sizeof n->last - used,
			    "%s%.*s", used ? " " : "", (int)l, p);
	}
}

int
notify_read(struct notify *n, int max, int (*member)(void *, pid_t),
    void *ctx)
{
	char buf[NOTIFY_MAX];
	union { struct cmsghdr h; char space[CMSG_SPACE(sizeof(struct ucred))]; } c;
	struct iovec iov = { buf, sizeof buf };
	struct msghdr mh;
	struct cmsghdr *h;
	struct ucred cred;
	ssize_t len;
	int count = 0, turn;

	for (turn = 0; n->sock >= 0 && turn < max; turn++) {
		memset(&mh, 0, sizeof mh);
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		mh.msg_control = &c;
		mh.msg_controllen = sizeof c;
		if ((len = recvmsg(n->sock, &mh, 0)) < 0)
			break;
		cred.pid = 0;
		for (h = CMSG_FIRSTHDR(&mh); h != NULL; h = CMSG_NXTHDR(&mh, h))
			if (h->cmsg_level == SOL_SOCKET &&
			    h->cmsg_type == SCM_CREDENTIALS)
				memcpy(&cred, CMSG_DATA(h), sizeof cred);
		/* Who sent it, the kernel says; not MAINPID=, which any
		 * sender may write. */
		if ((mh.msg_flags & MSG_TRUNC) || cred.pid <= 0 ||
		    !member(ctx, cred.pid)) {
			n->ignored++;
			continue;
		}
		notify_parse(n, buf, (size_t)len);
		n->from = cred.pid;
		n->believed++;
		count++;
	}
	return count;
}
