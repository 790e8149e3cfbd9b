/* SPDX-License-Identifier: MIT */
/*
 * hangup.h - hang up a run's terminal as closing its window does, and
 * say who died of it and who lived, and why.
 *
 * hangup_now() first notes, for every living member of the run, which
 * of the kernel's rules (and the shell's) would send it SIGHUP, read
 * from /proc at that moment:
 *
 *   controlling  it leads the session whose controlling terminal this
 *                is: the hang-up sends it SIGHUP and SIGCONT
 *                (drivers/tty/tty_jobctrl.c, tty_signal_session_leader())
 *   foreground   its group is the terminal's foreground group: when the
 *                controlling process then exits, the kernel sends that
 *                group SIGHUP and SIGCONT (disassociate_ctty(), through
 *                tty_old_pgrp, which the hang-up set)
 *   job          its group is a job of the run's shell, which passes
 *                SIGHUP on as interactive bash does (launcher.h)
 *   orphaned     its group becomes orphaned when the shell exits and
 *                has a stopped member: SIGHUP, then SIGCONT, to every
 *                member (kernel/exit.c, kill_orphaned_pgrp(); POSIX
 *                _exit())
 *
 * and whether it ignores, catches or blocks SIGHUP (/proc/PID/status).
 * Then it closes the pty master, the inspector's only descriptor of it:
 * the kernel hangs up the terminal (pty_close() -> tty_vhangup()).
 *
 * The outcome is never guessed: a death and its signal come from the
 * wait status the run collected (members.h: the inspector's own wait,
 * or the shell's report), life from /proc. A survivor that a rule sent
 * SIGHUP is said to have been sent it by the rules, not observed.
 */
#ifndef DAEMONLAB_HANGUP_H
#define DAEMONLAB_HANGUP_H

#include <sys/types.h>

#define HANGUP_MAX 32
#define HANGUP_LEN 512
/* How long a survivor is watched before it is said to live. */
#define HANGUP_SETTLE_MS 500

enum hangup_rule {
	HUP_CONTROLLING = 1u << 0,
	HUP_FOREGROUND  = 1u << 1,
	HUP_JOB         = 1u << 2,
	HUP_ORPHANED    = 1u << 3,
};

/* Why no rule reaches it. */
enum hangup_none { HUP_NONE_BACKGROUND, HUP_NONE_NO_TTY, HUP_NONE_OTHER_TTY };

struct hangup_proc {
	pid_t pid;
	unsigned long long start;
	char  comm[64];             /* raw: escaped when said */
	char  state;                /* stat's state at the hang-up: T stopped */
	unsigned rules;             /* enum hangup_rule bits */
	enum hangup_none none;      /* when rules is 0 */
	int   ignores, catches, blocks;    /* SIGHUP in SigIgn, SigCgt, SigBlk */
};

struct hangup {
	int   asked;                /* hangup_ask(): at the next quiet moment */
	long  asked_ms;
	int   done;                 /* the terminal is hung up */
	int   after;                /* after this many steps */
	long  when_ms;              /* CLOCK_MONOTONIC */
	struct hangup_proc v[HANGUP_MAX];
	int   n;
};

struct run;

/* Asks for a hang-up at the run's next quiet moment (hangup_poll()):
 * when the step has paused and every member that ended meanwhile has
 * its wait status collected, so that a step-fork parent is no longer
 * the shell's job (as a student who reads the screen first would find
 * it); or HANGUP_QUIET_MS after asking, whatever the run does. 0, or -1
 * when it was hung up already. */
#define HANGUP_QUIET_MS 2000
int  hangup_ask(struct run *);
/* Hangs up if asked and the moment has come; 1 when it did now. */
int  hangup_poll(struct run *);
/* Notes the rules for every living member, then hangs up. 0, or -1
 * when the run has no terminal left to hang up. */
int  hangup_now(struct run *);
/* One sentence per process noted, in the chosen language; how many.
 * Until HANGUP_SETTLE_MS after the hang-up a living one is "watched". */
int  hangup_describe(struct run *, char out[][HANGUP_LEN], int max);
/* Whether every noted process has died (with its status collected) or
 * has lived HANGUP_SETTLE_MS past the hang-up. */
int  hangup_settled(struct run *);

#endif
