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
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launcher.h"
#include "protocol.h"

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

	char dir[256], *slash;

	for (; env != NULL && *env != NULL; env++)
		putenv(*env);
	close_range(3, ~0U, 0);
	/* nohup's nohup.out goes into the run's folder. */
	if (strcmp(argv[0], "nohup") == 0 && forgotten != NULL) {
		snprintf(dir, sizeof dir, "%s", forgotten);
		if ((slash = strrchr(dir, '/')) != NULL) {
			*slash = '\0';
			if (chdir(dir) == -1) {
				/* nohup falls back to $HOME itself */
			}
		}
	}
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

enum launch_how
launch_how_of(const char *how)
{
	if (how != NULL && strcmp(how, "& disown") == 0)
		return LAUNCH_DISOWN;
	if (how != NULL && strcmp(how, "^Z disown") == 0)
		return LAUNCH_STOP_DISOWN;
	if (how != NULL && strcmp(how, "&") == 0)
		return LAUNCH_BACKGROUND;
	return LAUNCH_FOREGROUND;
}

/* The job table, as the SIGHUP handler reads it: the job's process
 * group (0: no job) and whether the job is stopped. */
static volatile sig_atomic_t job_group, job_stopped;

/* bash's hangup_all_jobs(): SIGHUP to each job, SIGCONT to a stopped
 * one, so that it can act on the SIGHUP; then die of the signal, as
 * bash does (its kill_shell()). Raised with SIGHUP blocked in the
 * handler, it is delivered, by the default action, as the handler
 * returns. */
static void
shell_hangup(int sig)
{
	if (job_group > 0) {
		killpg(job_group, SIGHUP);
		if (job_stopped)
			killpg(job_group, SIGCONT);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Field 22 of /proc/PID/stat, the start time; 0 when unreadable. */
static unsigned long long
start_of(pid_t pid)
{
	char path[32], buf[1024], *p;
	unsigned long long start = 0;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	if ((p = strrchr(buf, ')')) == NULL || sscanf(p + 1, " %*c %*d %*d "
	    "%*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d "
	    "%llu", &start) != 1)
		return 0;
	return start;
}

/* Tells the run how the job ended: one datagram, as a step reports. */
static void
shell_report(const char *sock, pid_t job, unsigned long long start,
    int status)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	struct proto_msg m = { .event = PROTO_REAPED, .pid = getpid(),
	    .child = job, .status = status, .start = start };
	char buf[PROTO_MAX + 1];
	int fd, n;

	if (sock == NULL || strlen(sock) >= sizeof addr.sun_path)
		return;
	snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock);
	snprintf(m.step, sizeof m.step, "shell");
	if ((n = proto_format(buf, sizeof buf, &m)) < 0 ||
	    (fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1)
		return;
	if (sendto(fd, buf, (size_t)n, 0, (struct sockaddr *)&addr,
	    sizeof addr) == -1) {
		/* nobody listens: the run has ended */
	}
	close(fd);
}

static void
shell_say(const char *text, int n)
{
	if (n > 0 && write(STDOUT_FILENO, text, (size_t)n) != n) {
		/* the terminal is gone: nobody to tell */
	}
}

/* Waits for the job to end, keeping job_stopped as it stops and goes
 * on; reaps it and returns its wait status and start time. */
static int
shell_wait(pid_t job, enum launch_how how, unsigned long long *start)
{
	char line[64];
	siginfo_t si;
	int status;

	for (;;) {
		memset(&si, 0, sizeof si);
		if (waitid(P_PID, (id_t)job, &si, WEXITED | WSTOPPED |
		    WCONTINUED | WNOWAIT) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (si.si_code == CLD_STOPPED) {
			waitpid(job, &status, WUNTRACED | WNOHANG);
			job_stopped = 1;
			if (how == LAUNCH_FOREGROUND ||
			    how == LAUNCH_STOP_DISOWN)
				tcsetpgrp(STDIN_FILENO, getpgrp());
			/* ^Z, then `disown`: out of the table, stopped. */
			if (how == LAUNCH_STOP_DISOWN)
				job_group = 0;
			shell_say(line, snprintf(line, sizeof line,
			    "[job %d: stopped]\n$ %s", (int)job,
			    how == LAUNCH_STOP_DISOWN ? "disown\n$ " : ""));
		} else if (si.si_code == CLD_CONTINUED) {
			waitpid(job, &status, WCONTINUED | WNOHANG);
			job_stopped = 0;
		} else {
			/* A zombie still has its start time. */
			*start = start_of(job);
			while (waitpid(job, &status, 0) == -1 && errno == EINTR)
				;
			return status;
		}
	}
}

/* The shell: what bash does for "$ command" (or "$ command &") at an
 * interactive prompt, reduced to the calls that matter here. */
static _Noreturn void
shell_run(char *const argv[], char *const env[], const char *forgotten,
    int named, enum launch_how how)
{
	static const int job_control[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN,
	    SIGTTOU };
	static const char *const typed[] = { [LAUNCH_FOREGROUND] = "",
	    [LAUNCH_BACKGROUND] = " &", [LAUNCH_DISOWN] = " & disown",
	    [LAUNCH_STOP_DISOWN] = "" };
	int fg = how == LAUNCH_FOREGROUND || how == LAUNCH_STOP_DISOWN;
	struct sigaction hup = { .sa_handler = shell_hangup };
	const char *sock = NULL;
	char line[160];
	unsigned long long start = 0;
	pid_t job;
	size_t i;
	int status;

	prctl(PR_SET_NAME, "shell");    /* in ps and the table */
	/* The inspector's, not the shell's; closing named too tells the
	 * inspector it may look. */
	close_range(3, ~0U, 0);
	(void)named;
	for (i = 0; env != NULL && env[i] != NULL; i++)
		if (strncmp(env[i], "DAEMONLAB_SOCKET=", 17) == 0)
			sock = env[i] + 17;
	for (i = 0; i < sizeof job_control / sizeof job_control[0]; i++)
		signal(job_control[i], SIG_IGN);
	/* As interactive bash does (bash(1), SIGNALS); and none of the
	 * inspector's handlers, which fork copied. */
	signal(SIGTERM, SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGCONT, SIG_DFL);
	sigaction(SIGHUP, &hup, NULL);
	if ((job = fork()) == 0) {
		setpgid(0, 0);
		if (fg)
			tcsetpgrp(STDIN_FILENO, getpid());
		for (i = 0; i < sizeof job_control / sizeof job_control[0]; i++)
			signal(job_control[i], SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		launch_exec(argv, env, forgotten);
	}
	/* Both sides set the group, so neither can race the other. */
	setpgid(job, job);
	if (fg) {
		tcsetpgrp(STDIN_FILENO, job);
		shell_say(line, snprintf(line, sizeof line, "$ %s ...\n",
		    argv[0]));
	} else {
		/* A background job: bash prints its number and PID and
		 * prompts at once. disown takes it out of the table. */
		shell_say(line, snprintf(line, sizeof line, "$ %s ...%s\n"
		    "[1] %d\n$ ", argv[0], typed[how], (int)job));
	}
	job_group = how == LAUNCH_DISOWN ? 0 : job;
	status = shell_wait(job, how, &start);
	job_group = 0;
	job_stopped = 0;
	if (fg)
		tcsetpgrp(STDIN_FILENO, getpgrp());
	if (status != -1)
		shell_report(sock, job, start, status);
	if (how == LAUNCH_STOP_DISOWN)
		how = LAUNCH_DISOWN;    /* disowned at its stop: no news */
	/* One write, not one per line as a terminal's stdout does: a line
	 * that an orphan of the job prints meanwhile cannot fall between
	 * the report and the prompt. A disowned job is nobody's news. */
	if (status != -1 && how != LAUNCH_DISOWN && WIFEXITED(status))
		shell_say(line, snprintf(line, sizeof line,
		    "[job %d: exit %d]\n$ ", (int)job, WEXITSTATUS(status)));
	else if (status != -1 && how != LAUNCH_DISOWN)
		shell_say(line, snprintf(line, sizeof line,
		    "[job %d: signal %d]\n$ ", (int)job, WTERMSIG(status)));
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
		shell_run(argv, env, forgotten, named[1], l->how);
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
