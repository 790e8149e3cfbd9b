/* SPDX-License-Identifier: MIT */
/*
 * test_daemon7.c - daemon(7)'s steps beyond APUE: each effect read from
 * /proc at the step's pause (status, environ, locks, fd), the PID file's
 * second instance and stale file, readiness to the launching command, the
 * notify protocol with the test as the service manager, SIGHUP reload and
 * SIGTERM cleanup; and the chains daemon7 and newstyle walked to the end.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "chains.h"
#include "facts.h"
#include "lab.h"

static struct lab lab;

static void
setup(void)
{
	lab_init(&lab);
}

static void
teardown(void)
{
	ck_assert_int_eq(lab_finish(&lab), 0);
}

static void
slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = fd == -1 ? -1 : read(fd, buf, size - 1);

	if (fd != -1)
		close(fd);
	buf[n > 0 ? n : 0] = '\0';
}

/* A field of /proc/PID/status, e.g. "SigIgn", as its text. */
static const char *
status_field(pid_t pid, const char *name, char *out, size_t size)
{
	char path[64], buf[8192], key[32], *p;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	slurp(path, buf, sizeof buf);
	snprintf(key, sizeof key, "\n%s:", name);
	ck_assert_msg((p = strstr(buf, key)) != NULL, "no %s in %s", name,
	    path);
	p += strlen(key);
	p += strspn(p, " \t");
	snprintf(out, size, "%.*s", (int)strcspn(p, "\n"), p);
	return out;
}

static unsigned long long
sigmask_of(pid_t pid, const char *name)
{
	char v[64];

	return strtoull(status_field(pid, name, v, sizeof v), NULL, 16);
}

static unsigned long long
bit(int sig)
{
	return 1ULL << (sig - 1);
}

/* Whether /proc/PID/environ holds an entry that starts with entry. */
static int
environ_has(pid_t pid, const char *entry)
{
	char path[64], buf[65536];
	ssize_t n, i;
	int fd;

	snprintf(path, sizeof path, "/proc/%d/environ", (int)pid);
	ck_assert_int_ne(fd = open(path, O_RDONLY), -1);
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	ck_assert_int_gt(n, 0);
	buf[n] = '\0';
	for (i = 0; i < n; i += strlen(buf + i) + 1)
		if (strncmp(buf + i, entry, strlen(entry)) == 0)
			return 1;
	return 0;
}

/* The next pause (or error, or exit) of the chain; fails after 5 s. */
static void
next_report(struct report *r, enum proto_event want, const char *step)
{
	do
		ck_assert_msg(lab_next(&lab, r, 5000), "no report from step-%s "
		    "in 5 s; the terminal shows:\n%s", step, lab.out);
	while (r->m.event == PROTO_EXIT && r->m.child != 0);
	ck_assert_msg(r->m.event == want && strcmp(r->m.step, step) == 0,
	    "wanted step-%s's %s report, got step-%s's (event %d): %s", step,
	    want == PROTO_PAUSED ? "pause" : "other", r->m.step, r->m.event,
	    r->m.msg);
	ck_assert_int_eq(r->m.pid, r->sender);
}

static void
paused_at(struct report *r, const char *step)
{
	struct facts f;

	next_report(r, PROTO_PAUSED, step);
	ck_assert_int_eq(facts_read_paused(r->sender, &f), 0);
}

static void
contains(const char *text, const char *part)
{
	ck_assert_msg(strstr(text, part) != NULL, "'%s' lacks '%s'", text,
	    part);
}

/* --- step-sigreset ---------------------------------------------------- */

START_TEST(sigreset_resets_what_the_launcher_handed_down)
{
	char *argv[] = { "step-start", "step-sigreset", "step-start", NULL };
	pid_t pid = lab_spawn(&lab, argv, NULL);
	struct report r;
	struct facts f;
	int status, i;

	paused_at(&r, "start");
	/* What the launcher handed down, as nohup or a shell would. */
	ck_assert(sigmask_of(pid, "SigIgn") & bit(LAUNCH_IGNORED_SIGNAL));
	ck_assert(sigmask_of(pid, "SigBlk") & bit(LAUNCH_BLOCKED_SIGNAL));
	kill(pid, SIGUSR1);

	paused_at(&r, "sigreset");
	ck_assert_int_eq(r.sender, pid);
	ck_assert_uint_eq(sigmask_of(pid, "SigIgn"), 0);
	ck_assert_uint_eq(sigmask_of(pid, "SigCgt"), 0);
	/* Waiting in sigtimedwait(), the kernel shows the waited-for
	 * signals unblocked; nothing else is blocked. */
	ck_assert_uint_eq(sigmask_of(pid, "SigBlk"), 0);
	contains(r.m.msg, "no longer ignored: SIGQUIT");
	contains(r.m.msg, "no longer blocked: SIGUSR2");
	contains(r.m.msg, "stay blocked");

	/* The control signals stay blocked across the exec: a continue
	 * that reaches the next step before its own step_begin() waits for
	 * its pause instead of killing it. */
	kill(pid, SIGUSR1);
	for (i = 0; i < 5000; i++)
		if (facts_read(pid, &f) == 0 && strcmp(f.comm, "step-start")
		    == 0)
			break;
	kill(pid, SIGUSR1);
	status = lab_wait(&lab, pid, 5000);
	ck_assert_msg(status != -1, "the early continue was lost");
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "status %#x: killed by the early continue?", status);
}
END_TEST

/* --- step-envclean ---------------------------------------------------- */

START_TEST(envclean_shows_at_the_next_exec)
{
	char *argv[] = { "step-envclean", "step-start", NULL };
	char *env[] = { "SECRET_TOKEN=leak", "HOME=/root", "IFS=x",
	    "DAEMONLAB_EXTRA=kept", "LC_TIME=C", NULL };
	pid_t pid = lab_spawn(&lab, argv, env);
	struct report r;

	paused_at(&r, "envclean");
	/* /proc/PID/environ is the kernel's copy from exec: unchanged. */
	ck_assert(environ_has(pid, "SECRET_TOKEN=leak"));
	contains(r.m.msg, "removed");
	kill(pid, SIGUSR1);

	paused_at(&r, "start");
	ck_assert(!environ_has(pid, "SECRET_TOKEN="));
	ck_assert(!environ_has(pid, "HOME="));
	ck_assert(!environ_has(pid, "IFS="));
	ck_assert(environ_has(pid, "PATH="));
	ck_assert(environ_has(pid, "LC_TIME=C"));
	ck_assert(environ_has(pid, "DAEMONLAB_EXTRA=kept"));
	ck_assert(environ_has(pid, "DAEMONLAB_SOCKET="));
}
END_TEST

/* --- step-pidfile ----------------------------------------------------- */

/* Whether /proc/locks shows pid holding a POSIX write lock on file. */
static int
holds_lock(pid_t pid, const char *file)
{
	char buf[65536], *line, *save;
	struct stat st;

	if (stat(file, &st) == -1)
		return 0;
	slurp("/proc/locks", buf, sizeof buf);
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char kind[16], mode[16], type[16];
		unsigned maj, min;
		unsigned long ino;
		int lpid;

		if (sscanf(line, "%*d: %15s %15s %15s %d %x:%x:%lu", kind, mode,
		    type, &lpid, &maj, &min, &ino) == 7 &&
		    !strcmp(kind, "POSIX") && !strcmp(type, "WRITE") &&
		    lpid == pid && ino == st.st_ino)
			return 1;
	}
	return 0;
}

static void
pidfile_path(char *buf, size_t size)
{
	snprintf(buf, size, "%s/daemonlab.pid", lab.dir);
}

static void
xdg_env(char *var, size_t size)
{
	snprintf(var, size, "XDG_RUNTIME_DIR=%s", lab.dir);
}

static void
expect_pidfile_of(pid_t pid, const char *path)
{
	char content[64], want[32];
	struct facts f;
	int i, found = 0;

	slurp(path, content, sizeof content);
	snprintf(want, sizeof want, "%d\n", (int)pid);
	ck_assert_str_eq(content, want);
	ck_assert_msg(holds_lock(pid, path), "/proc/locks: %d holds no lock "
	    "on %s", (int)pid, path);
	ck_assert_int_eq(facts_read(pid, &f), 0);
	for (i = 0; i < f.nfds; i++)
		found |= strcmp(f.target[i], path) == 0;
	ck_assert_msg(found, "%d holds no descriptor of %s", (int)pid, path);
}

START_TEST(pidfile_locked_then_second_instance_refused)
{
	char *argv[] = { "step-pidfile", NULL };
	char xdg[128], *env[] = { xdg, NULL }, path[128], want[64];
	struct report r;
	pid_t first, second;
	int status;

	xdg_env(xdg, sizeof xdg);
	pidfile_path(path, sizeof path);
	first = lab_spawn(&lab, argv, env);
	paused_at(&r, "pidfile");
	expect_pidfile_of(first, path);

	second = lab_spawn(&lab, argv, env);
	next_report(&r, PROTO_ERROR, "pidfile");
	ck_assert_int_eq(r.sender, second);
	snprintf(want, sizeof want, "already running: PID %d holds the lock",
	    (int)first);
	contains(r.m.msg, want);
	status = lab_wait(&lab, second, 5000);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	contains(lab.out, want);
	/* The first is untouched: still its file, still its lock. */
	expect_pidfile_of(first, path);
}
END_TEST

START_TEST(pidfile_stale_file_taken_over)
{
	char path[128], opt[160], stale[32];
	char *argv[] = { "step-pidfile", opt, NULL };
	struct report r;
	pid_t dead, pid;
	int fd;

	/* A PID that surely is no process now: our own reaped child. */
	if ((dead = fork()) == 0)
		_exit(0);
	ck_assert_int_eq(waitpid(dead, NULL, 0), dead);
	snprintf(path, sizeof path, "%s/stale.pid", lab.dir);
	snprintf(opt, sizeof opt, "--path=%s", path);
	snprintf(stale, sizeof stale, "%d\n", (int)dead);
	ck_assert_int_ne(fd = open(path, O_WRONLY | O_CREAT, 0644), -1);
	ck_assert_int_eq(write(fd, stale, strlen(stale)), (ssize_t)strlen(stale));
	close(fd);

	pid = lab_spawn(&lab, argv, NULL);
	paused_at(&r, "pidfile");
	contains(r.m.msg, "took over the stale PID file");
	expect_pidfile_of(pid, path);
}
END_TEST

/* --- readiness -------------------------------------------------------- */

/* The one descriptor that is a pipe, or -1. */
static int
pipe_fd(const struct facts *f)
{
	int i;

	for (i = 0; i < f->nfds; i++)
		if (strncmp(f->target[i], "pipe:", 5) == 0)
			return f->fd[i];
	return -1;
}

START_TEST(readiness_original_waits_for_ready)
{
	/* setsid: once the original, leading the pty's session, exits,
	 * its foreground group would get SIGHUP. */
	char *argv[] = { "step-fork", "--ready", "step-setsid",
	    "step-closefds", "step-serve", NULL };
	pid_t original = lab_spawn(&lab, argv, NULL), daemon;
	struct report r;
	struct facts f;
	int status, fd;

	paused_at(&r, "fork");
	daemon = r.sender;
	ck_assert_int_ne(daemon, original);
	ck_assert_int_eq(facts_read(daemon, &f), 0);
	ck_assert_int_eq(f.ppid, original);     /* not gone: it waits */
	ck_assert_int_ne(fd = pipe_fd(&f), -1);
	ck_assert_int_eq(waitpid(original, &status, WNOHANG), 0);
	kill(daemon, SIGUSR1);
	paused_at(&r, "setsid");
	kill(daemon, SIGUSR1);

	paused_at(&r, "closefds");
	ck_assert_int_eq(facts_read(daemon, &f), 0);
	ck_assert_int_eq(f.nfds, 1);            /* only the pipe, by name */
	ck_assert_int_eq(pipe_fd(&f), fd);
	ck_assert_int_eq(waitpid(original, &status, WNOHANG), 0);
	kill(daemon, SIGUSR1);

	paused_at(&r, "serve");
	status = lab_wait(&lab, original, 5000);
	ck_assert_msg(status != -1, "the original did not exit once ready");
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(facts_read(daemon, &f), 0);
	ck_assert_int_eq(pipe_fd(&f), -1);      /* said, and closed */
	kill(daemon, SIGTERM);
}
END_TEST

START_TEST(readiness_failure_fails_the_launching_command)
{
	char *argv[] = { "step-fork", "--ready", "step-chdir",
	    "--dir=/nonexistent-daemonlab", "step-serve", NULL };
	char *env[] = { "DAEMONLAB_PAUSE=0", NULL };
	pid_t original = lab_spawn(&lab, argv, env);
	int status = lab_wait(&lab, original, 5000);

	ck_assert_msg(status != -1, "the original still waits");
	lab_drain(&lab, 100);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	contains(lab.out, "the daemon failed: chdir(\"/nonexistent-daemonlab\")"
	    " failed: No such file or directory");
}
END_TEST

START_TEST(readiness_silent_death_fails_too)
{
	char *argv[] = { "step-fork", "--ready", "step-serve", NULL };
	pid_t original = lab_spawn(&lab, argv, NULL);
	struct report r;
	int status;

	paused_at(&r, "fork");
	kill(r.sender, SIGKILL);
	status = lab_wait(&lab, original, 5000);
	ck_assert_msg(status != -1, "the original still waits");
	lab_drain(&lab, 100);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	contains(lab.out, "ended before it was ready");
}
END_TEST

/* --- step-notify: the test is the service manager --------------------- */

static int
manager_socket(struct sockaddr_un *addr, socklen_t len)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0), on = 1;

	ck_assert_int_ne(fd, -1);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)addr, len), 0);
	ck_assert_int_eq(setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &on,
	    sizeof on), 0);
	return fd;
}

/* One datagram, and the sender's PID from the kernel. */
static void
manager_receive(int fd, char *buf, size_t size, pid_t *sender)
{
	union { struct cmsghdr h; char space[CMSG_SPACE(sizeof(struct ucred))]; } c;
	struct iovec iov = { buf, size - 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
	    .msg_control = &c, .msg_controllen = sizeof c };
	struct cmsghdr *h;
	ssize_t n;
	int i;

	for (i = 0; i < 500 && (n = recvmsg(fd, &mh, MSG_DONTWAIT)) < 0; i++)
		lab_drain(&lab, 10);
	ck_assert_msg(n > 0, "nothing arrived on NOTIFY_SOCKET");
	buf[n] = '\0';
	*sender = 0;
	for (h = CMSG_FIRSTHDR(&mh); h != NULL; h = CMSG_NXTHDR(&mh, h))
		if (h->cmsg_type == SCM_CREDENTIALS) {
			struct ucred cred;

			memcpy(&cred, CMSG_DATA(h), sizeof cred);
			*sender = cred.pid;
		}
}

static void
notify_to(const char *where, struct sockaddr_un *addr, socklen_t len)
{
	char *argv[] = { "step-notify", "--status=warming up", NULL };
	char var[160], *env[] = { var, NULL }, msg[512];
	int fd = manager_socket(addr, len);
	struct report r;
	pid_t pid, sender;

	snprintf(var, sizeof var, "NOTIFY_SOCKET=%s", where);
	pid = lab_spawn(&lab, argv, env);
	manager_receive(fd, msg, sizeof msg, &sender);
	ck_assert_int_eq(sender, pid);
	contains(msg, "READY=1\n");
	contains(msg, "STATUS=warming up\n");
	paused_at(&r, "notify");
	contains(r.m.msg, "READY=1");
	close(fd);
}

START_TEST(notify_to_a_path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };

	snprintf(addr.sun_path, sizeof addr.sun_path, "%s/notify", lab.dir);
	notify_to(addr.sun_path, &addr, sizeof addr);
	unlink(addr.sun_path);
}
END_TEST

START_TEST(notify_to_an_abstract_address)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	char name[64];
	size_t len;

	len = snprintf(name, sizeof name, "@daemonlab-test-%d", (int)getpid());
	memcpy(addr.sun_path, name, len);
	addr.sun_path[0] = '\0';
	notify_to(name, &addr, offsetof(struct sockaddr_un, sun_path) + len);
}
END_TEST

START_TEST(notify_without_a_manager_goes_on)
{
	char *argv[] = { "step-notify", NULL };
	struct report r;

	lab_spawn(&lab, argv, NULL);
	paused_at(&r, "notify");
	contains(r.m.msg, "NOTIFY_SOCKET is not set");
}
END_TEST

/* --- step-serve ------------------------------------------------------- */

static void
write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	ck_assert_int_ne(fd, -1);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

START_TEST(serve_reloads_on_sighup_and_cleans_up_on_sigterm)
{
	char conf[128], opt[160], xdg[128], path[128];
	char *argv[] = { "step-pidfile", "step-serve", opt, NULL };
	char *env[] = { xdg, NULL };
	struct report r;
	pid_t pid;
	int status;

	snprintf(conf, sizeof conf, "%s/daemonlab.conf", lab.dir);
	snprintf(opt, sizeof opt, "--config=%s", conf);
	xdg_env(xdg, sizeof xdg);
	pidfile_path(path, sizeof path);
	write_file(conf, "greeting=one\n");
	pid = lab_spawn(&lab, argv, env);
	paused_at(&r, "pidfile");
	kill(pid, SIGUSR1);
	paused_at(&r, "serve");
	contains(r.m.msg, "greeting=one");
	expect_pidfile_of(pid, path);

	write_file(conf, "greeting=two\n");
	kill(pid, SIGHUP);
	paused_at(&r, "serve");
	ck_assert_int_eq(r.sender, pid);        /* the same daemon, alive */
	contains(r.m.msg, "reload 1");
	contains(r.m.msg, "greeting=two");
	kill(pid, SIGHUP);
	paused_at(&r, "serve");
	contains(r.m.msg, "reload 2");

	kill(pid, SIGTERM);
	next_report(&r, PROTO_EXIT, "serve");
	contains(r.m.msg, "shut down cleanly after 2 reloads; removed");
	status = lab_wait(&lab, pid, 5000);
	ck_assert(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_int_eq(errno, ENOENT);
	unlink(conf);
}
END_TEST

START_TEST(serve_leaves_a_file_that_is_no_longer_its_own)
{
	char xdg[128], path[128], moved[160];
	char *argv[] = { "step-pidfile", "step-serve", NULL };
	char *env[] = { xdg, NULL };
	struct report r;
	pid_t pid;

	xdg_env(xdg, sizeof xdg);
	pidfile_path(path, sizeof path);
	pid = lab_spawn(&lab, argv, env);
	paused_at(&r, "pidfile");
	kill(pid, SIGUSR1);
	paused_at(&r, "serve");
	/* Someone replaced the file: not ours to remove any more. */
	snprintf(moved, sizeof moved, "%s.old", path);
	ck_assert_int_eq(rename(path, moved), 0);
	write_file(path, "1\n");
	kill(pid, SIGTERM);
	next_report(&r, PROTO_EXIT, "serve");
	contains(r.m.msg, "no longer our file");
	ck_assert_int_eq(access(path, F_OK), 0);
	unlink(path);
	unlink(moved);
}
END_TEST

/* --- step-syslog ------------------------------------------------------ */

START_TEST(syslog_probes_dev_log)
{
	char *argv[] = { "step-syslog", NULL };
	struct sockaddr_un addr = { .sun_family = AF_UNIX,
	    .sun_path = "/dev/log" };
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0), listens, i, sockets = 0;
	pid_t pid;
	struct report r;
	struct facts f;

	listens = connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0;
	close(fd);
	pid = lab_spawn(&lab, argv, NULL);
	paused_at(&r, "syslog");
	ck_assert_int_eq(facts_read(pid, &f), 0);
	for (i = 0; i < f.nfds; i++)
		sockets += strncmp(f.target[i], "socket:", 7) == 0;
	if (listens) {
		contains(r.m.msg, "one line sent to /dev/log");
		ck_assert_int_eq(sockets, 1);
	} else {
		contains(r.m.msg, "no syslog daemon listens on /dev/log");
		ck_assert_int_eq(sockets, 0);
	}
}
END_TEST

/* --- the chains ------------------------------------------------------- */

/* Walks a chain to its serving end, checking each pause's program; the
 * daemon is then stopped with SIGTERM. */
static pid_t
walk_to_serve(const char *name, char *const env[], pid_t *daemon)
{
	const struct chain *c = chain_find(name);
	struct report r;
	char comm[32];
	struct facts f;
	int i;

	ck_assert_ptr_nonnull(c);
	lab_shell(&lab, lab_chain_argv(name, NULL), env);
	for (i = 0; i < chain_length(c); i++) {
		paused_at(&r, chain_step(c, i) + 5);
		ck_assert_int_eq(facts_read(r.sender, &f), 0);
		snprintf(comm, sizeof comm, "%s", chain_step(c, i));
		ck_assert_str_eq(f.comm, comm);
		if (i + 1 < chain_length(c))
			kill(r.sender, SIGUSR1);
	}
	*daemon = r.sender;
	return r.sender;
}

START_TEST(daemon7_walks_to_a_ready_serving_daemon)
{
	char xdg[128], path[128], *env[] = { xdg, NULL };
	struct report r;
	struct facts f;
	pid_t daemon;
	int i;

	xdg_env(xdg, sizeof xdg);
	pidfile_path(path, sizeof path);
	walk_to_serve("daemon7", env, &daemon);
	ck_assert_int_eq(facts_read(daemon, &f), 0);
	ck_assert_int_ne(f.sid, f.pid);          /* the second fork */
	ck_assert_uint_eq(f.tty_nr, 0);
	ck_assert_str_eq(f.cwd, "/");
	ck_assert_int_eq(f.umask, 0);
	ck_assert_str_eq(facts_fd(&f, 0), "/dev/null");
	ck_assert_uint_eq(sigmask_of(daemon, "SigIgn"), 0);
	expect_pidfile_of(daemon, path);
	if (geteuid() == 0) {
		char v[64];

		ck_assert_str_ne(status_field(daemon, "Uid", v, sizeof v),
		    "0\t0\t0\t0");
	}
	/* The job's first process waited for "ready", then exited 0. */
	for (i = 0; i < 500 && strstr(lab.out, ": exit 0]\r\n$ ") == NULL; i++)
		lab_drain(&lab, 10);
	contains(lab.out, "the daemon says it is ready");
	contains(lab.out, ": exit 0]\r\n$ ");
	kill(daemon, SIGTERM);
	next_report(&r, PROTO_EXIT, "serve");
}
END_TEST

START_TEST(newstyle_notifies_the_manager_and_serves)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	char var[160], *env[] = { var, NULL }, msg[512];
	struct report r;
	pid_t daemon, sender;
	int fd;

	snprintf(addr.sun_path, sizeof addr.sun_path, "%s/notify", lab.dir);
	snprintf(var, sizeof var, "NOTIFY_SOCKET=%s", addr.sun_path);
	fd = manager_socket(&addr, sizeof addr);
	walk_to_serve("newstyle", env, &daemon);
	manager_receive(fd, msg, sizeof msg, &sender);
	ck_assert_int_eq(sender, daemon);       /* no fork: the same PID */
	contains(msg, "READY=1\n");
	kill(daemon, SIGTERM);
	next_report(&r, PROTO_EXIT, "serve");
	close(fd);
	unlink(addr.sun_path);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("daemon7");
	TCase *tc = tcase_create("daemon7");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, sigreset_resets_what_the_launcher_handed_down);
	tcase_add_test(tc, envclean_shows_at_the_next_exec);
	tcase_add_test(tc, pidfile_locked_then_second_instance_refused);
	tcase_add_test(tc, pidfile_stale_file_taken_over);
	tcase_add_test(tc, readiness_original_waits_for_ready);
	tcase_add_test(tc, readiness_failure_fails_the_launching_command);
	tcase_add_test(tc, readiness_silent_death_fails_too);
	tcase_add_test(tc, notify_to_a_path);
	tcase_add_test(tc, notify_to_an_abstract_address);
	tcase_add_test(tc, notify_without_a_manager_goes_on);
	tcase_add_test(tc, serve_reloads_on_sighup_and_cleans_up_on_sigterm);
	tcase_add_test(tc, serve_leaves_a_file_that_is_no_longer_its_own);
	tcase_add_test(tc, syslog_probes_dev_log);
	tcase_add_test(tc, daemon7_walks_to_a_ready_serving_daemon);
	tcase_add_test(tc, newstyle_notifies_the_manager_and_serves);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
