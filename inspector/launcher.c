/* SPDX-License-Identifier: MIT */
/* launcher.c - a pty, a shell-like session leader, a foreground job. */
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launcher.h"

/* A step blocks SIGUSR1 as it starts, so that an early continue waits
 * for its pause; blocked from here, one that comes even before that is
 * safe too. Other programs get the signals as a shell gives them. */
static void
block_continue_for(const char *program)
{
	const char *base = strrchr(program, '/');
	sigset_t usr1;

	base = base != NULL ? base + 1 : program;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(strncmp(base, "step-", 5) == 0 ? SIG_BLOCK : SIG_UNBLOCK,
	    &usr1, NULL);
}

/* What a chain inherits, so that step-sigreset has something to reset:
 * SIGQUIT ignored, as a shell without job control starts a background
 * job (POSIX XCU 2.11; nohup does the same to SIGHUP), and SIGUSR2 blocked, as a
 * program that waits for signals with sigwait() or a signalfd leaves its
 * mask to what it execs. Not SIGHUP: the hang-up lesson needs it. */
static void
hand_down_signals_for(const char *program)
{
	const char *base = strrchr(program, '/');
	sigset_t usr2;

	base = base != NULL ? base + 1 : program;
	if (strncmp(base, "step-", 5) != 0)
		return;
	signal(LAUNCH_IGNORED_SIGNAL, SIG_IGN);
	sigemptyset(&usr2);
	sigaddset(&usr2, LAUNCH_BLOCKED_SIGNAL);
	sigprocmask(SIG_BLOCK, &usr2, NULL);
}

void
launch_exec(char *const argv[], char *const env[], const char *forgotten)
{
	int fd;

	for (; env != NULL && *env != NULL; env++)
		putenv(*env);
	close_range(3, ~0U, 0);
	if (forgotten != NULL &&
	    (fd = open(forgotten, O_WRONLY | O_CREAT | O_APPEND, 0600)) != -1 &&
	    fd != LAUNCH_FORGOTTEN_FD) {
		dup2(fd, LAUNCH_FORGOTTEN_FD);
		close(fd);
	}
	block_continue_for(argv[0]);
	hand_down_signals_for(argv[0]);
	execvp(argv[0], argv);
	dprintf(STDERR_FILENO, "daemonlab: cannot run '%s': %s\n", argv[0],
	    strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

/* The shell: what bash does for "$ command" at an interactive prompt,
 * reduced to the calls that matter here. */
static _Noreturn void
shell_run(char *const argv[], char *const env[], const char *forgotten,
    int named)
{
	static const int job_control[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN,
	    SIGTTOU };
	char line[64];
	pid_t job;
	size_t i;
	int status, n;

	prctl(PR_SET_NAME, "shell");    /* in ps and the table */
	/* The inspector's, not the shell's; closing named too tells the
	 * inspector it may look. */
	close_range(3, ~0U, 0);
	(void)named;
	for (i = 0; i < sizeof job_control / sizeof job_control[0]; i++)
		signal(job_control[i], SIG_IGN);
	/* As interactive bash does (bash(1), SIGNALS); and none of the
	 * inspector's handlers, which fork copied. */
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_DFL);
	if ((job = fork()) == 0) {
		setpgid(0, 0);
		tcsetpgrp(STDIN_FILENO, getpid());
		for (i = 0; i < sizeof job_control / sizeof job_control[0]; i++)
			signal(job_control[i], SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		launch_exec(argv, env, forgotten);
	}
	/* Both sides set the group, so neither can race the other. */
	setpgid(job, job);
	tcsetpgrp(STDIN_FILENO, job);
	printf("$ %s ...\n", argv[0]);
	fflush(stdout);
	while (waitpid(job, &status, 0) == -1 && errno == EINTR)
		;
	tcsetpgrp(STDIN_FILENO, getpgrp());
	/* One write, not one per line as a terminal's stdout does: a line
	 * that an orphan of the job prints meanwhile cannot fall between
	 * the report and the prompt. */
	if (WIFEXITED(status))
		n = snprintf(line, sizeof line, "[job %d: exit %d]\n$ ",
		    (int)job, WEXITSTATUS(status));
	else
		n = snprintf(line, sizeof line, "[job %d: signal %d]\n$ ",
		    (int)job, WTERMSIG(status));
	if (write(STDOUT_FILENO, line, (size_t)n) != n) {
		/* the terminal is gone: nobody to tell */
	}
	for (;;)
		pause();
}

int
launch_start(struct launch *l, char *const argv[], char *const env[],
    const char *forgotten, unsigned short rows, unsigned short cols)
{
	struct winsize ws = { .ws_row = rows, .ws_col = cols };
	pid_t parent = getpid();
	struct stat st;
	int named[2];
	char *name, c;

	/* The shell renames itself (no exec): the first look at it must
	 * find "shell", or the rename would read as a change it made. */
	if (pipe2(named, O_CLOEXEC) == -1)
		return -1;
	l->shell = forkpty(&l->master, NULL, NULL, &ws);
	if (l->shell == -1) {
		close(named[0]);
		close(named[1]);
		return -1;
	}
	if (l->shell == 0) {
		/* Die with the inspector, even by SIGKILL. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
		close(named[0]);
		shell_run(argv, env, forgotten, named[1]);
	}
	close(named[1]);
	while (read(named[0], &c, 1) == -1 && errno == EINTR)
		;
	close(named[0]);
	fcntl(l->master, F_SETFD, FD_CLOEXEC);
	fcntl(l->master, F_SETFL, fcntl(l->master, F_GETFL) | O_NONBLOCK);
	l->tty = 0;
	if ((name = ptsname(l->master)) != NULL && stat(name, &st) == 0)
		l->tty = st.st_rdev;
	return 0;
}

void
launch_stop(struct launch *l)
{
	/* The shell is not signalled here: the caller ended it, through a
	 * pidfd, with the rest of the run. */
	l->shell = 0;
	if (l->master >= 0) {
		close(l->master);
		l->master = -1;
	}
}
