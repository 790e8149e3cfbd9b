/* SPDX-License-Identifier: MIT */
/*
 * facts.h - the tests' own reading of /proc, independent of the
 * inspector's: what a test asserts comes from the kernel, not from the
 * program under test.
 */
#ifndef DAEMONLAB_FACTS_H
#define DAEMONLAB_FACTS_H

#include <sys/types.h>

#define FACTS_MAX_FDS 32

struct facts {
	pid_t pid, ppid, pgid, sid, tpgid;
	unsigned tty_nr;            /* 0: no controlling terminal */
	char  state;
	char  comm[32];
	int   umask;
	char  cwd[4096];
	int   nfds;
	int   fd[FACTS_MAX_FDS];
	char  target[FACTS_MAX_FDS][256];
};

/* 0, or -1 when the process does not exist. */
int facts_read(pid_t, struct facts *);
/* The same, once the process waits in its pause (rt_sigtimedwait), so
 * that the descriptor a report opens for a moment is closed again. */
int facts_read_paused(pid_t, struct facts *);
/* Less, for looking at every process on the machine: stat's ids, tty,
 * state and flags, and the effective uid (status Uid:, second field;
 * -1 unreadable). */
struct facts_brief {
	pid_t pid, ppid, pgid, sid, tpgid;
	unsigned tty, flags;
	char state;
	long euid;
};

/* 0, or -1 when the process is gone. */
int facts_read_brief(pid_t, struct facts_brief *);
/* The target of descriptor fd, or NULL when it is not open. */
const char *facts_fd(const struct facts *, int fd);

#endif
