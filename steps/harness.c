/* SPDX-License-Identifier: MIT */
/* harness.c - report, pause and chain-load, shared by every step program. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "protocol.h"

static const char *step_name = "step";  /* "setsid", without "step-" */
static char      **step_rest;           /* the rest of the chain */
static double      pause_seconds = -1;  /* DAEMONLAB_PAUSE, or -1 */
static pid_t       inspector_pid;       /* DAEMONLAB_INSPECTOR_PID, or 0 */
static sigset_t    control_signals;     /* SIGUSR1, SIGTERM, SIGINT */

/*
 * The standard error the user gave the chain, as the first step found it
 * (-1: none, descriptor 2 was closed). It is handed down the chain in
 * DAEMONLAB_STDERR=PID:DEV:INODE, where PID is the process that execs the
 * next program: a step that finds its own PID there is a later step of
 * the same chain; any other process is the first step of a chain of its
 * own. After step-closefds and step-devnull, descriptor 2 is something
 * the chain opened itself: a step writes there only while it is still
 * the same file as at the start.
 */
#define STDERR_ENV "DAEMONLAB_STDERR"
static int   user_stderr = -1;
static dev_t user_stderr_dev;
static ino_t user_stderr_ino;

static void
stderr_remember(void)
{
	const char *s = getenv(STDERR_ENV);
	unsigned long long dev, ino;
	struct stat st;
	long pid;
	int end = 0;

	if (s != NULL && sscanf(s, "%ld:%llu:%llu%n", &pid, &dev, &ino,
	    &end) == 3 && s[end] == '\0' && pid == (long)getpid()) {
		user_stderr = 1;
		user_stderr_dev = (dev_t)dev;
		user_stderr_ino = (ino_t)ino;
	} else if (s != NULL && sscanf(s, "%ld:-%n", &pid, &end) == 1 &&
	    s[end] == '\0' && pid == (long)getpid()) {
		user_stderr = -1;
	} else if (fstat(STDERR_FILENO, &st) == 0) {
		user_stderr = 1;
		user_stderr_dev = st.st_dev;
		user_stderr_ino = st.st_ino;
	} else {
		user_stderr = -1;
	}
}

/* Hands the identity down to the next program, under our PID (which
 * step-fork's child has just changed). */
static void
stderr_hand_down(void)
{
	char value[96];

	if (user_stderr == 1)
		snprintf(value, sizeof value, "%ld:%llu:%llu", (long)getpid(),
		    (unsigned long long)user_stderr_dev,
		    (unsigned long long)user_stderr_ino);
	else
		snprintf(value, sizeof value, "%ld:-", (long)getpid());
	setenv(STDERR_ENV, value, 1);
}

static int
stderr_is_users(void)
{
	struct stat st;

	return user_stderr == 1 && fstat(STDERR_FILENO, &st) == 0 &&
	    st.st_dev == user_stderr_dev && st.st_ino == user_stderr_ino;
}

/* A reader that has gone away must not end the step with SIGPIPE: the
 * write fails instead, and the step goes on or exits with its status. */
static void
write_stderr(const char *line)
{
	sigset_t pipe_only, old, pending;
	struct timespec zero = { 0, 0 };
	int was_pending;

	sigemptyset(&pipe_only);
	sigaddset(&pipe_only, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_only, &old);
	sigpending(&pending);
	was_pending = sigismember(&pending, SIGPIPE);
	if (write(STDERR_FILENO, line, strlen(line)) == -1 && errno == EPIPE &&
	    !was_pending)
		sigtimedwait(&pipe_only, NULL, &zero);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* A human line on stderr. An error (loud) goes to the stderr the user
 * gave the chain, whatever it is: a terminal, a pipe, a file. The rest
 * only to a terminal: once stderr is /dev/null or closed, the inspector
 * and ps are the only way to see the step. */
static void
say(int loud, const char *fmt, va_list ap)
{
	char text[PROTO_MSG_MAX], line[PROTO_MSG_MAX + 64];
	int saved_errno = errno;

	if (!stderr_is_users() || (!loud && !isatty(STDERR_FILENO))) {
		errno = saved_errno;
		return;
	}
	vsnprintf(text, sizeof text, fmt, ap);
	snprintf(line, sizeof line, "step-%s[%ld]: %s\n", step_name,
	    (long)getpid(), text);
	write_stderr(line);
	errno = saved_errno;
}

static void
say_now(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(0, fmt, ap);
	va_end(ap);
}

static void
say_loud(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(1, fmt, ap);
	va_end(ap);
}

/* Reporting must never stop a chain: an unreachable inspector is said
 * once, and the chain goes on without it. */
static void
give_up_reporting(const char *why)
{
	say_loud("not reporting to DAEMONLAB_SOCKET=%s (%s); going on without "
	    "an inspector", getenv("DAEMONLAB_SOCKET"), why);
	unsetenv("DAEMONLAB_SOCKET");  /* so the next steps do not say it again */
}

static void
send_report(enum proto_event event, pid_t child, const char *text)
{
	const char *path = getenv("DAEMONLAB_SOCKET");
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	struct proto_msg m = { .event = event, .pid = getpid(), .child = child };
	char buf[PROTO_MAX + 1];
	int fd, len, saved_errno = errno;

	if (path == NULL || *path == '\0')
		return;
	if (strlen(path) >= sizeof addr.sun_path) {
		give_up_reporting("the path is longer than a Unix socket "
		    "address can hold (107 bytes)");
		return;
	}
	snprintf(m.step, sizeof m.step, "%s", step_name);
	snprintf(m.msg, sizeof m.msg, "%s", text);
	if ((len = proto_format(buf, sizeof buf, &m)) < 0)
		return;
	memcpy(addr.sun_path, path, strlen(path) + 1);
	/* Opened and closed per report, so the harness holds no descriptor
	 * that the descriptor steps would have to explain. */
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd == -1 || sendto(fd, buf, len, MSG_DONTWAIT,
	    (struct sockaddr *)&addr, sizeof addr) == -1) {
		if (errno == ENOENT || errno == ECONNREFUSED ||
		    errno == ENOTDIR || errno == EACCES || errno == EPROTOTYPE)
			give_up_reporting(strerror(errno));
	}
	if (fd != -1)
		close(fd);
	errno = saved_errno;
}

static void
report(enum proto_event event, pid_t child, const char *fmt, va_list ap)
{
	char text[PROTO_MSG_MAX];

	vsnprintf(text, sizeof text, fmt, ap);
	if (event == PROTO_ERROR)
		say_loud("%s", text);
	else
		say_now("%s", text);
	send_report(event, child, text);
}

void
step_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(0, fmt, ap);
	va_end(ap);
}

void
step_forked(pid_t child, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(PROTO_EXIT, child, fmt, ap);
	va_end(ap);
}

int
step_env_fd(const char *name)
{
	const char *s = getenv(name);
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || v > 0x7fffffff ||
	    fcntl((int)v, F_GETFD) == -1)
		return -1;
	return (int)v;
}

/* One line to the original process: "ready", or "error REASON". */
static int
tell_original(const char *word, const char *text)
{
	int fd = step_env_fd("DAEMONLAB_READY_FD");

	if (fd == -1)
		return 0;
	dprintf(fd, "%s%s%s\n", word, *text ? " " : "", text);
	close(fd);
	unsetenv("DAEMONLAB_READY_FD");
	return 1;
}

int
step_ready(void)
{
	char pid[16];

	snprintf(pid, sizeof pid, "%ld", (long)getpid());
	return tell_original("ready", pid);
}

void
step_fail(int status, const char *fmt, ...)
{
	char text[PROTO_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	say_loud("%s", text);
	send_report(PROTO_ERROR, 0, text);
	/* A daemon that fails before it is ready makes the command that
	 * started it fail, with the reason (daemon(7), step 14). */
	tell_original("error", text);
	say_loud("the chain stops here (exit status %d)", status);
	exit(status);
}

void
step_stopped(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(PROTO_EXIT, 0, fmt, ap);
	va_end(ap);
	exit(STEP_EXIT_OK);
}

static void
usage(const char *summary, const struct step_option *options)
{
	const struct step_option *o;

	printf("usage: step-%s [OPTION]... [NEXT-PROGRAM [ARG]...]\n%s\n",
	    step_name, summary);
	for (o = options; o != NULL && o->name != NULL; o++)
		printf("  --%s%s\t%s\n", o->name, o->value ? "=VALUE" : "", o->help);
	printf("  --help\tshow this help\n\n"
	    "Does its step, reports, waits for SIGUSR1 (kill -USR1 PID), then\n"
	    "execs NEXT-PROGRAM. See daemonlab-steps(7).\n");
}

static const struct step_option *
find_option(const struct step_option *options, const char *arg, size_t len)
{
	for (; options != NULL && options->name != NULL; options++)
		if (strlen(options->name) == len &&
		    strncmp(options->name, arg, len) == 0)
			return options;
	return NULL;
}

static char **
parse_options(int argc, char *argv[], const char *summary,
    const struct step_option *options)
{
	const struct step_option *o;
	int i;

	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		const char *arg = argv[i] + 2, *eq = strchr(arg, '=');
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);

		if (*arg == '\0')
			return argv + i + 1;    /* "--": the next program follows */
		if (strcmp(arg, "help") == 0) {
			usage(summary, options);
			exit(STEP_EXIT_OK);
		}
		if ((o = find_option(options, arg, len)) == NULL)
			step_fail(STEP_EXIT_USAGE, "unknown option '%s'; "
			    "see step-%s --help", argv[i], step_name);
		if (o->value != NULL) {
			if (eq != NULL)
				*o->value = eq + 1;
			else if (i + 1 < argc)
				*o->value = argv[++i];
			else
				step_fail(STEP_EXIT_USAGE, "option '--%s' needs "
				    "a value: --%s=VALUE", o->name, o->name);
			if (**o->value == '\0')
				step_fail(STEP_EXIT_USAGE, "option '--%s' has "
				    "an empty value", o->name);
		} else if (eq != NULL) {
			step_fail(STEP_EXIT_USAGE, "option '--%s' takes no "
			    "value", o->name);
		} else {
			*o->flag = 1;
		}
	}
	if (i < argc && argv[i][0] == '-')
		step_fail(STEP_EXIT_USAGE, "unknown option '%s'; see step-%s "
		    "--help", argv[i], step_name);
	return argv + i;
}

static void
read_environment(void)
{
	const char *s = getenv("DAEMONLAB_PAUSE");
	char *end;

	if (s != NULL) {
		errno = 0;
		pause_seconds = strtod(s, &end);
		if (errno != 0 || end == s || *end != '\0' ||
		    !isfinite(pause_seconds) || pause_seconds < 0 ||
		    pause_seconds > 86400)
			step_fail(STEP_EXIT_USAGE, "DAEMONLAB_PAUSE='%s' is not "
			    "a number of seconds from 0 to 86400; use e.g. "
			    "DAEMONLAB_PAUSE=2, or unset it to wait for "
			    "kill -USR1", s);
	}
	if ((s = getenv("DAEMONLAB_INSPECTOR_PID")) != NULL) {
		long v;

		errno = 0;
		v = strtol(s, &end, 10);
		if (errno != 0 || end == s || *end != '\0' || v <= 0 ||
		    v > 0x3fffffff)
			step_fail(STEP_EXIT_USAGE, "DAEMONLAB_INSPECTOR_PID='%s' "
			    "is not a process ID; unset it, or give the PID of "
			    "the inspector", s);
		inspector_pid = (pid_t)v;
	}
}

char **
step_begin(const char *step, const char *summary, int argc, char *argv[],
    const struct step_option *options)
{
	step_name = step;
	/* Blocked, an early SIGUSR1 stays pending until step_pause() takes
	 * it: never lost, never fatal. The mask survives exec, so it also
	 * covers the gap between two steps. */
	sigemptyset(&control_signals);
	sigaddset(&control_signals, SIGUSR1);
	sigaddset(&control_signals, SIGTERM);
	sigaddset(&control_signals, SIGINT);
	sigprocmask(SIG_BLOCK, &control_signals, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);

	stderr_remember();
	read_environment();
	step_rest = parse_options(argc, argv, summary, options);
	return step_rest;
}

/* Gone means no such process, or a zombie: kill(pid, 0) succeeds on a
 * zombie, so read its state from /proc instead. */
static int
inspector_gone(void)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)inspector_pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return errno == ENOENT || errno == ESRCH;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 1;
	buf[n] = '\0';
	if ((p = strrchr(buf, ')')) == NULL || p[1] != ' ')
		return 0;
	return p[2] == 'Z' || p[2] == 'X' || p[2] == 'x';
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Waits for SIGUSR1 without stopping the process: a stopped member of an
 * orphaned process group would get SIGHUP and SIGCONT from the kernel. */
static int
wait_for(const sigset_t *set, int serving)
{
	double start = now(), limit = -1, left;
	struct timespec tick;
	int sig;

	if (pause_seconds >= 0 && !serving)
		limit = pause_seconds;
	else if (inspector_pid == 0)
		limit = STEP_IDLE_LIMIT;
	for (;;) {
		left = limit < 0 ? 1 : fmin(1, limit - (now() - start));
		if (left <= 0)
			break;
		tick.tv_sec = (time_t)left;
		tick.tv_nsec = (long)((left - tick.tv_sec) * 1e9);
		sig = sigtimedwait(set, NULL, &tick);
		if (sig > 0 && serving)
			return sig;
		if (sig == SIGUSR1)
			return sig;
		if (sig == SIGTERM || sig == SIGINT) {
			send_report(PROTO_EXIT, 0, sig == SIGTERM ?
			    "ended by SIGTERM" : "ended by SIGINT");
			say_now("ended by %s", strsignal(sig));
			exit(128 + sig);
		}
		if (inspector_pid != 0 && inspector_gone()) {
			send_report(PROTO_EXIT, 0, "its inspector is gone");
			say_now("inspector %ld is gone; exiting",
			    (long)inspector_pid);
			exit(STEP_EXIT_GONE);
		}
	}
	if (pause_seconds >= 0 && !serving)
		return 0;  /* DAEMONLAB_PAUSE: continue by itself */
	send_report(PROTO_EXIT, 0, "nobody continued it; giving up");
	say_loud("nobody continued me for %d seconds; giving up so that no "
	    "forgotten daemon stays behind", STEP_IDLE_LIMIT);
	exit(STEP_EXIT_IDLE);
}

static void
wait_for_continue(void)
{
	wait_for(&control_signals, 0);
}

static void
block_sighup(sigset_t *set)
{
	*set = control_signals;
	sigaddset(set, SIGHUP);
	sigprocmask(SIG_BLOCK, set, NULL);
}

void
step_serving(const char *fmt, ...)
{
	sigset_t set;
	va_list ap;

	/* Blocked from the first report on, so that a SIGHUP sent as soon
	 * as it arrives waits for the loop instead of killing the daemon. */
	block_sighup(&set);
	va_start(ap, fmt);
	report(PROTO_PAUSED, 0, fmt, ap);
	va_end(ap);
}

int
step_serve_wait(void)
{
	sigset_t set;

	/* SIGHUP is blocked and waited for, so that one which comes while
	 * the daemon rereads its configuration waits its turn. */
	block_sighup(&set);
	return wait_for(&set, 1);
}

void
step_pause(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(PROTO_PAUSED, 0, fmt, ap);
	va_end(ap);
	if (*step_rest == NULL)
		say_now("end of the chain: this process is the daemon now");
	if (pause_seconds >= 0)
		say_now("paused; continues by itself in %g s, or now with: "
		    "kill -USR1 %ld", pause_seconds, (long)getpid());
	else
		say_now("paused; continue with: kill -USR1 %ld",
		    (long)getpid());
	wait_for_continue();
}

/* A program that is not a step gets the signals as a shell would give
 * them; any SIGUSR1 still pending is taken first, or it would kill it. */
static void
unblock_for(const char *program)
{
	const char *base = strrchr(program, '/');
	struct timespec zero = { 0, 0 };
	sigset_t usr1;

	base = base ? base + 1 : program;
	if (strncmp(base, "step-", 5) == 0)
		return;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	while (sigtimedwait(&usr1, NULL, &zero) == SIGUSR1)
		;
	sigprocmask(SIG_UNBLOCK, &control_signals, NULL);
}

void
step_next(char **next)
{
	if (*next == NULL) {
		send_report(PROTO_EXIT, 0, "continued at the end of the chain; "
		    "the daemon exits 0");
		say_now("continued at the end of the chain; exiting 0");
		exit(STEP_EXIT_OK);
	}
	unblock_for(next[0]);
	stderr_hand_down();
	execvp(next[0], next);
	sigprocmask(SIG_BLOCK, &control_signals, NULL);
	if (errno == ENOENT)
		step_fail(STEP_EXIT_NOTFOUND, "cannot run the next program "
		    "'%s': not found%s; check its name, or put the step "
		    "programs' folder on PATH", next[0],
		    strchr(next[0], '/') ? "" : " in PATH");
	step_fail(STEP_EXIT_NOEXEC, "cannot run the next program '%s': %s",
	    next[0], strerror(errno));
}
