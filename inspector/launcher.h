/* SPDX-License-Identifier: MIT */
/*
 * launcher.h - start a command the way an interactive shell does: on a pty
 * of our own, whose session leader is a small shell, with the command as
 * a foreground job in a process group of its own. When the job's first
 * process exits, the shell takes the terminal back and prints a prompt.
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

struct launch {
	int   master;          /* pty master, close-on-exec */
	pid_t shell;           /* the session leader that owns the pty */
	dev_t tty;             /* the pty's device number */
};

/* env adds NAME=VALUE strings (NULL-ended); forgotten, if not NULL, is
 * opened for the job on LAUNCH_FORGOTTEN_FD. Returns 0, or -1 and errno. */
int  launch_start(struct launch *, char *const argv[], char *const env[],
    const char *forgotten, unsigned short rows, unsigned short cols);
/* In a child: environment, descriptors, then exec; never returns. */
_Noreturn void launch_exec(char *const argv[], char *const env[],
    const char *forgotten);
/* Closes the pty. The shell and its jobs are the caller's to end, by
 * pidfd (members_end()): a PID alone may have been reused. */
void launch_stop(struct launch *);

#endif
