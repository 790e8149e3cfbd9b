/* SPDX-License-Identifier: MIT */
/*
 * members.h - the processes a run has proved its own, and the only way
 * the inspector signals them.
 *
 * A process is a member when the kernel says so: it is the run's shell,
 * a child of a living member, or an orphan the inspector (a child
 * subreaper) adopted. Never by what a process says about itself (a PID
 * in a report, a variable in its environment). Each member is recorded
 * with its start time, which tells a reused PID apart, and a pidfd
 * opened and then checked against that start time, so a signal never
 * reaches another process that got the PID later.
 *
 * The registry has no size limit: the story's rows limit only what the
 * screen draws, never what is cleaned up.
 */
#ifndef DAEMONLAB_MEMBERS_H
#define DAEMONLAB_MEMBERS_H

#include <sys/types.h>

struct member {
	pid_t pid;
	unsigned long long start;   /* stat field 22 */
	pid_t sid, pgid;            /* as last seen */
	int   pidfd;                /* -1: closed, or no pidfds (Linux < 5.3) */
	int   alive;                /* not seen to exit yet (zombies count) */
	/* How it ended, when the run knows: reaped is set and status holds
	 * its wait status (sys/wait.h: WIFSIGNALED(), WTERMSIG() ...),
	 * collected by the inspector itself (its child, or an orphan it
	 * adopted as the subreaper) or, with by_shell set, by the run's
	 * shell for its job (members_collected()). Never guessed: a member
	 * that ended unseen (another process reaped it) has reaped 0. */
	int   status;
	int   reaped;
	int   by_shell;
};

struct members {
	struct member *v;
	int   n, cap;
	int   procfd;
	pid_t self;                 /* the inspector, a child subreaper */
	/* In --compare both runs' orphans come to one subreaper: an orphan
	 * goes to the run whose member it shares a session or group with;
	 * the primary run takes one that matches neither. */
	struct members *rival;
	int   primary;
	/* Told of each new member's pidfd (the watchdog keeps a copy). */
	void (*hold)(int pidfd, pid_t, unsigned long long start);
};

void  members_init(struct members *, int procfd, pid_t self);
void  members_free(struct members *);
/* Records pid if it still has this start time; returns the member or
 * NULL (gone, or another process now has the PID). */
struct member *members_add(struct members *, pid_t, unsigned long long start);
/* The member with this PID, alive or not. */
struct member *members_find(const struct members *, pid_t);
/* One look at /proc: every descendant of a living member, and every
 * orphan this run may claim, becomes a member. Returns how many were
 * added. Costs one read per process on the machine: call it when
 * something may have changed, not on every tick of a paused chain. */
int   members_discover(struct members *);
/* Marks members that exited (their pidfd became readable, or their PID
 * is gone); returns how many did since the last call. */
int   members_reap_check(struct members *);
/* Signals one living member through its pidfd. 0, or -1 and errno. */
int   members_signal(struct members *, struct member *, int sig);
/* Signals every living member; returns how many it reached. */
int   members_signal_all(struct members *, int sig);
/* Living members, zombies not counted. */
int   members_alive(struct members *);
/* Our child pid was reaped with status: remember it if it is ours. */
int   members_reaped(struct members *, pid_t, int status);
/* The run's shell reaped its job pid, which started at start, with
 * status (its event=reaped report; the caller has proved the sender is
 * the run's shell). Recorded as members_reaped() does, with by_shell
 * set; 1 if it was a member with that start time. */
int   members_collected(struct members *, pid_t, unsigned long long start,
    int status);
/* Reaps the members that are our zombie children (by pidfd where the
 * kernel has them), recording each status. */
void  members_reap_own(struct members *);
/* Our own helpers (the watchdog) are children of ours but no run's. */
void  members_ignore(pid_t);
/* Ends every member: SIGTERM, up to grace_ms to end cleanly, then
 * SIGKILL until nothing of the run is left (new descendants included).
 * Reaps only its own members among the inspector's children. */
void  members_end(struct members *, int grace_ms);

/* A pidfd for pid, checked against start: -1 when the process is gone
 * or the PID now belongs to another process. errno ENOSYS: no pidfds. */
int   pidfd_for(int procfd, pid_t, unsigned long long start);
int   pidfd_signal(int pidfd, int sig);

#endif
