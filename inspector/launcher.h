/* SPDX-License-Identifier: MIT */
/*
 * launcher.h - start a command the way an interactive shell does: on a pty
 * of our own, whose session leader is a small shell, with the command as
 * a job in a process group of its own (in the foreground, or in the
 * background as after `&`). When the job's first process exits, the
 * shell takes the terminal back and prints a prompt.
 *
 * The shell keeps a job table of one job, as bash does: the job is its
 * child and the child's process group, until the shell has waited for
 * that child (a process the job forked is not a job of the shell), or
 * at once with LAUNCH_DISOWN. What it does, as interactive bash does:
 *
 *   - SIGHUP (its terminal hung up): SIGHUP to the job's process group,
 *     and SIGCONT after it if the job is stopped; then it dies of SIGHUP
 *     (bash(1), SIGNALS; bash's hangup_all_jobs()).
 *   - a plain exit: it sends nothing (bash only with `shopt -s
 *     huponexit`; zsh hangs its jobs up on any exit). The shell never
 *     exits by itself: it waits for its end, SIGKILL from members_end().
 *   - SIGTERM, SIGINT, SIGQUIT and the job control stops are ignored.
 *   - each wait status it collects for the job, it reports to the run
 *     (DAEMONLAB_SOCKET in env): event=reaped with the job's PID, start
 *     time and raw status (protocol.h). The inspector believes it only
 *     because the kernel names the run's shell as the sender.
 *
 * It does not: read the terminal, keep more than one job, or report a
 * job that it has not reaped itself.
 */
#ifndef DAEMONLAB_LAUNCHER_H
#define DAEMONLAB_LAUNCHER_H

#include <signal.h>
#include <sys/types.h>

/* The descriptor on which the job inherits a file its parent "forgot" to
 * close: something for step-closefds to close. */
#define LAUNCH_FORGOTTEN_FD 5

/* A chain of steps starts with one signal ignored and one blocked, as
 * many real starters leave them: something for step-sigreset to undo. */
#define LAUNCH_IGNORED_SIGNAL SIGQUIT
#define LAUNCH_BLOCKED_SIGNAL SIGUSR2

enum launch_how {
	LAUNCH_FOREGROUND,     /* $ prog */
	LAUNCH_BACKGROUND,     /* $ prog & */
	LAUNCH_DISOWN,         /* $ prog & disown */
	LAUNCH_STOP_DISOWN,    /* $ prog, then ^Z (typed by the runner on
	                        * the pty), then $ disown: the shell disowns
	                        * the job as soon as it stops */
};

struct launch {
	int   master;          /* pty master, close-on-exec */
	pid_t shell;           /* the session leader that owns the pty */
	dev_t tty;             /* the pty's device number */
	enum launch_how how;   /* set by the caller before launch_start() */
};

/* A chain's `how` (chains.h: NULL, "&", "& disown", "^Z disown") as a
 * launch_how. */
enum launch_how launch_how_of(const char *how);

/* env adds NAME=VALUE strings (NULL-ended); forgotten, if not NULL, is
 * opened for the job on LAUNCH_FORGOTTEN_FD. Returns 0, or -1 and errno. */
int  launch_start(struct launch *, char *const argv[], char *const env[],
    const char *forgotten, unsigned short rows, unsigned short cols);
/* In a child: environment, descriptors, then exec; never returns.
 * nohup writes nohup.out in the current folder: under a run it starts
 * in the folder of forgotten, the run's own, never the user's. */
_Noreturn void launch_exec(char *const argv[], char *const env[],
    const char *forgotten);
/* Closes the pty. The shell and its jobs are the caller's to end, by
 * pidfd (members_end()): a PID alone may have been reused. */
void launch_stop(struct launch *);

#endif
