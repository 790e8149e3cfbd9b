/* SPDX-License-Identifier: MIT */
/*
 * protocol.h - the one-line datagrams a step sends to an inspector.
 *
 *   v=1 event=paused step=setsid pid=4242 msg=setsid() = 4242: ...
 *
 * Space-separated key=value pairs, version first, free text (msg) last.
 * Both sides use these two functions, so there is one grammar.
 */
#ifndef DAEMONLAB_PROTOCOL_H
#define DAEMONLAB_PROTOCOL_H

#include <stddef.h>
#include <sys/types.h>

#define PROTO_VERSION  1
#define PROTO_MAX      1024    /* bytes in a datagram; longer: rejected */
#define PROTO_STEP_MAX 32
#define PROTO_MSG_MAX  (PROTO_MAX - 128)

/* PROTO_REAPED comes from the launcher's shell, not a step: it waited
 * for its job (child=) and says how the job ended:
 *   v=1 event=reaped step=shell pid=SHELL child=JOB status=W start=T msg=
 * W is the raw wait status, T the job's start time (stat field 22, read
 * from its zombie), so a receiver never takes a reused PID for it. */
enum proto_event { PROTO_PAUSED, PROTO_EXIT, PROTO_ERROR, PROTO_REAPED };

struct proto_msg {
	enum proto_event event;
	char  step[PROTO_STEP_MAX];    /* "setsid", no spaces */
	pid_t pid;                     /* as claimed; receivers trust SO_PASSCRED */
	pid_t child;                   /* step-fork's parent names its child; else 0 */
	int   status;                  /* PROTO_REAPED: the child's wait status */
	unsigned long long start;      /* PROTO_REAPED: the child's start time */
	char  msg[PROTO_MSG_MAX];      /* free text, control characters removed */
};

const char *proto_event_name(enum proto_event);

/* A step name: one or more of a-z, 0-9, '-', '_'. */
int proto_step_valid(const char *);

/* Returns the length written (without NUL), or -1 if buf is too small. */
int proto_format(char *buf, size_t size, const struct proto_msg *);

/* Returns 0, or -1 for anything malformed, oversized or of another version. */
int proto_parse(const char *buf, size_t len, struct proto_msg *);

#endif
