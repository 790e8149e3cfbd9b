/* SPDX-License-Identifier: MIT */
/*
 * notify.h - the inspector as a run's service manager: the datagram
 * socket a daemon finds in $NOTIFY_SOCKET, and what arrived on it in
 * systemd's notify protocol (sd_notify(3): NAME=VALUE lines, READY=1,
 * STATUS=...).
 *
 * As for reports, a message proves nothing by arriving: it counts only
 * when the kernel's credentials of its sender (SCM_CREDENTIALS) name a
 * process of the run. The caller decides that; the rest are counted as
 * ignored and never read further.
 */
#ifndef DAEMONLAB_NOTIFY_H
#define DAEMONLAB_NOTIFY_H

#include <stddef.h>
#include <sys/types.h>

#define NOTIFY_MAX 4096          /* a longer datagram is ignored whole */
#define NOTIFY_SHOWN 256

struct notify {
	int   sock;                  /* -1: none */
	char  path[128];
	int   ready;                 /* READY=1 came from a member */
	pid_t from;                  /* the member that sent the last one */
	char  status[NOTIFY_SHOWN];  /* the last STATUS=, as sent */
	char  last[NOTIFY_SHOWN];    /* the last message, lines as spaces */
	int   believed, ignored;
};

/* Binds dir/notify, writable by anyone (a daemon that dropped root
 * still reaches it; the credentials decide). 0, or -1 and errno. */
int   notify_open(struct notify *, const char *dir);
void  notify_close(struct notify *);
/* Handles up to max waiting datagrams; member(ctx, pid) says whether the
 * kernel's sender pid is one of the run's. Returns how many counted. */
int   notify_read(struct notify *, int max,
    int (*member)(void *ctx, pid_t), void *ctx);
/* One message's fields into n (ready, status, last); for tests too. */
void  notify_parse(struct notify *, const char *msg, size_t len);

#endif
