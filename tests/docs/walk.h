/* SPDX-License-Identifier: MIT */
/*
 * walk.h - walk a named chain the way tests/steps/test_chains.c does (a
 * pty shell, the chain as its foreground job, reports on the lab's
 * socket), pause by pause, for the docs-facts test.
 *
 * At a pause, walk_next() first lets the world settle, so that what is
 * read then does not depend on timing: the process that forked and
 * exited is gone (reaped by the shell, or by us when we adopted it), and
 * when it was the job's first process, the shell has taken the terminal
 * back and printed its "[job P: exit 0]" line and prompt. Then it waits
 * until the focus really waits in its pause (facts_read_paused), so the
 * descriptor a report opens for a moment is closed again.
 */
#ifndef DAEMONLAB_WALK_H
#define DAEMONLAB_WALK_H

#include <limits.h>
#include <sys/types.h>

#include "chains.h"
#include "facts.h"
#include "lab.h"

#define WALK_MAX_SEEN (2 * CHAIN_MAX_STEPS)

enum walk_event {
	WALK_PAUSED,    /* focus pauses after its step; the world settled */
	WALK_ERROR,     /* focus reported an error: the chain stops */
	WALK_END,       /* the daemon was continued at the end and exited */
	WALK_TIMEOUT,   /* no report, or the world did not settle; see why */
};

struct walk {
	struct lab    lab;
	const char   *chain;
	const char   *option;        /* for step-opentty, or NULL */
	char          cwd[PATH_MAX]; /* where the chain was started */
	pid_t         job;           /* the job's first process */
	int           ready;         /* the chain has step-fork --ready */
	pid_t         focus;         /* the process at this pause */
	pid_t         prev;          /* the focus at the previous pause, or 0 */
	int           pauses;
	struct report r;             /* this pause's (or error's) report */
	struct facts  now;           /* WALK_PAUSED: the focus, paused */
	pid_t         forker;        /* a step-fork parent since the last pause */
	char          fork_msg[PROTO_MSG_MAX];
	pid_t         seen[WALK_MAX_SEEN];    /* every PID of the chain so far */
	int           nseen;
	int           status;        /* WALK_END: the daemon's wait status */
	char          why[1024];      /* WALK_TIMEOUT: what did not happen */
};

/* For walk_start: start the chain in the lab's own private folder. */
#define WALK_LAB_DIR "<the lab's folder>"

/* lab_init, then the chain as a foreground job of a pty shell, started
 * in the directory cwd (NULL: ours; WALK_LAB_DIR). Exits 99 when it
 * cannot. */
void walk_start(struct walk *, const char *chain, const char *option,
    const char *cwd);
enum walk_event walk_next(struct walk *, int timeout_ms);
/* Continues the focus (SIGUSR1). */
void walk_continue(struct walk *);
/* Kills and reaps everything; the number of processes left (0). */
int  walk_finish(struct walk *);
/* Waits until pid is gone or a zombie; 0, or -1 after timeout_ms. */
int  walk_until_exited(struct walk *, pid_t, int timeout_ms);
/* Waits until the shell has printed "[job P: exit S]" and its prompt. */
int  walk_until_job_line(struct walk *, pid_t job, int status,
    int timeout_ms);

#endif
