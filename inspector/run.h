/* SPDX-License-Identifier: MIT */
/*
 * run.h - one launched chain or command: its pty and shell (launcher),
 * its story, the socket its steps report to, and what its terminal shows.
 */
#ifndef DAEMONLAB_RUN_H
#define DAEMONLAB_RUN_H

#include "chains.h"
#include "hangup.h"
#include "launcher.h"
#include "members.h"
#include "notify.h"
#include "protocol.h"
#include "story.h"

#define RUN_TERM_LINES 64
#define RUN_TERM_COLS  1024     /* bytes; longer lines go on in the next */

struct run {
	const char   *title;
	char        **argv;            /* the command line that runs */
	const struct chain *chain;     /* NULL for "-- CMD" */
	struct launch launch;
	struct story  story;
	struct members members;        /* proved by the kernel, unbounded */
	int           scan_due;        /* something may have forked */
	int           ignored;         /* reports from outside the run */
	int           sock;            /* the steps' reports arrive here */
	struct notify notify;          /* $NOTIFY_SOCKET: we are its manager */
	char          dir[96];         /* private folder: socket, forgotten file */
	int           steps_seen;      /* pauses reported so far */
	int           setsid_done;     /* a fork after it is the second fork */
	char          lesson[PROTO_STEP_MAX];      /* lesson key of the current step */
	char          message[PROTO_MSG_MAX];  /* the step's own words */
	enum proto_event event;
	pid_t         paused;          /* waits for SIGUSR1; 0: none */
	pid_t         serving;         /* step-serve, a member; 0: none */
	int           marked;          /* story marked when we continued it */
	pid_t         fork_child, fork_parent;
	char          term[RUN_TERM_LINES][RUN_TERM_COLS];   /* pty output */
	int           term_next;       /* the line being written */
	int           term_col;
	int           esc_state;       /* control sequence being skipped */
	struct hangup hangup;          /* key H, --hangup-at (hangup.h) */
};

/* Handles up to max sd_notify messages (notify.h); believed only from
 * members of the run, as reports are. Returns how many were believed. */
int   run_notify(struct run *, int max);
/* Starts argv on a new pty; steps_dir goes first on PATH; the run's
 * files go in a new folder in base. 0, or -1 with a message in err. */
int   run_start(struct run *, const char *title, char **argv,
    const struct chain *, const char *steps_dir, const char *base,
    char *err, size_t errsize);
/* Ends every process of the run (SIGTERM, then SIGKILL) and cleans up. */
void  run_stop(struct run *);
/* Told of every member's pidfd as it is proved (the watchdog's copy). */
extern void (*run_hold)(int pidfd, pid_t, unsigned long long start);
/* Handles up to max reports waiting on the socket; returns how many were
 * believed. A report is believed only from a member of the run (the
 * kernel's SCM_CREDENTIALS), the rest are counted in ignored. */
int   run_reports(struct run *, int max);
/* One look: finds new members when something may have changed (always
 * for a command without steps, which may fork at any time), then reads
 * the story's rows again (for such a command, each change it sees
 * counts as a step). */
void  run_look(struct run *);
/* A child of ours was reaped with status: 1 if it was this run's. */
int   run_reaped(struct run *, pid_t, int status);
/* Reads what the pty printed, control sequences stripped; returns bytes. */
int   run_output(struct run *);
/* Sends sig to the run's serving daemon (step-serve) through its pidfd;
 * its PID, or 0 when none serves (or it is gone). */
pid_t run_signal_serving(struct run *, int sig);
/* Whether our child pid is a zombie this run keeps for the screen: an
 * orphan it adopted stays a zombie (STAT Z) until the next step, so a
 * student sees it; run_next() reaps it. Never the shell, and never once
 * the chain has no step left to continue. */
int   run_holds(const struct run *, pid_t);
/* Reaps our zombie children but those a run holds, and tells each of
 * the n runs the statuses of its own: in --compare, one run's shell
 * reaped here is not later taken for alive by the other. */
void  run_reap(struct run *const *runs, int n);
/* Continues the paused step; returns 0 when none was paused. */
int   run_next(struct run *);
/* The step the chain will do next ("" at the end or without a chain). */
const char *run_next_step(const struct run *);
/* Adds a line of our own to the terminal pane (not from the pty). */
void  run_term_say(struct run *, const char *text);
/* Line i of the terminal pane, counting back from the newest (0). */
const char *run_term_line(const struct run *, int back);

#endif
