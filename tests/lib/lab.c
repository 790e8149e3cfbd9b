/* SPDX-License-Identifier: MIT */
/* lab.c - a test's world: pty shell, report socket, and no strays. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "chains.h"
#include "lab.h"
#include "launcher.h"

static struct lab *current;     /* for the atexit cleanup */

long
lab_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/* A failed assertion exits the test process: still leave nothing behind. */
static void
cleanup_at_exit(void)
{
	if (current != NULL)
		lab_finish(current);
}

/* lab_run() names a file in DAEMONLAB_TEST_DIRS; every lab's folder is
 * written there, so the runner can remove what a failed test left. */
static void
note_dir(const char *dir)
{
	const char *list = getenv("DAEMONLAB_TEST_DIRS");
	FILE *f;

	if (list != NULL && (f = fopen(list, "a")) != NULL) {
		fprintf(f, "%s\n", dir);
		fclose(f);
	}
}

static int
remove_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void
remove_noted_dirs(const char *list)
{
	char dir[256];
	FILE *f = fopen(list, "r");

	while (f != NULL && fgets(dir, sizeof dir, f) != NULL) {
		dir[strcspn(dir, "\n")] = '\0';
		if (strncmp(dir, "/tmp/daemonlab-test-", 20) == 0)
			nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
	}
	if (f != NULL)
		fclose(f);
	unlink(list);
}

void
lab_init(struct lab *lab)
{
	static int serial;
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int on = 1;

	memset(lab, 0, sizeof *lab);
	lab->master = -1;
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) == -1)
		perror("PR_SET_CHILD_SUBREAPER"), exit(99);
	snprintf(lab->dir, sizeof lab->dir, "/tmp/daemonlab-test-XXXXXX");
	if (mkdtemp(lab->dir) == NULL)
		perror("mkdtemp"), exit(99);
	note_dir(lab->dir);
	snprintf(lab->sock_path, sizeof lab->sock_path, "%s/sock", lab->dir);
	snprintf(addr.sun_path, sizeof addr.sun_path, "%s", lab->sock_path);
	lab->sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (lab->sock == -1 ||
	    bind(lab->sock, (struct sockaddr *)&addr, sizeof addr) == -1 ||
	    setsockopt(lab->sock, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) == -1)
		perror("lab socket"), exit(99);
	/* Reachable by a step that dropped root (step-dropprivs): the
	 * sender's credentials are the guard, not the folder's mode. */
	if (chmod(lab->dir, 0711) == -1 || chmod(lab->sock_path, 0666) == -1)
		perror("lab chmod"), exit(99);
	snprintf(lab->tag, sizeof lab->tag, "lab-%d-%d", (int)getpid(),
	    ++serial);
	umask(022);    /* what the chains start with */
	if (current == NULL)
		atexit(cleanup_at_exit);
	current = lab;
}

/* The environment every chain of a test starts with. */
static char **
chain_env(struct lab *lab, char *const extra[])
{
	static char vars[4][4096];
	static char *env[16];
	int n = 0;

	snprintf(vars[0], sizeof vars[0], "DAEMONLAB_TEST_TAG=%s", lab->tag);
	snprintf(vars[1], sizeof vars[1], "DAEMONLAB_SOCKET=%s", lab->sock_path);
	snprintf(vars[2], sizeof vars[2], "DAEMONLAB_INSPECTOR_PID=%d",
	    (int)getpid());
	snprintf(vars[3], sizeof vars[3], "PATH=%s:%s", STEPS_DIR,
	    getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	for (; n < 4; n++)
		env[n] = vars[n];
	for (; extra != NULL && *extra != NULL && n < 15; extra++)
		env[n++] = *extra;
	env[n] = NULL;
	return env;
}

static void
forgotten_path(const struct lab *lab, char *buf, size_t size)
{
	snprintf(buf, size, "%s/forgotten", lab->dir);
}

void
lab_shell(struct lab *lab, char *const argv[], char *const env[])
{
	struct launch l = { .how = lab->how };
	char forgotten[128];

	forgotten_path(lab, forgotten, sizeof forgotten);
	if (launch_start(&l, argv, chain_env(lab, env), forgotten, 24, 80) == -1)
		perror("launch_start"), exit(99);
	lab->master = l.master;
	lab->shell = l.shell;
	lab->tty = l.tty;
}

pid_t
lab_spawn(struct lab *lab, char *const argv[], char *const env[])
{
	char forgotten[128];
	struct stat st;
	pid_t pid;

	forgotten_path(lab, forgotten, sizeof forgotten);
	if ((pid = forkpty(&lab->master, NULL, NULL, NULL)) == -1)
		perror("forkpty"), exit(99);
	if (pid == 0)
		launch_exec(argv, chain_env(lab, env), forgotten);
	fcntl(lab->master, F_SETFD, FD_CLOEXEC);
	if (stat(ptsname(lab->master), &st) == 0)
		lab->tty = st.st_rdev;
	return pid;
}

/* Once nobody holds the slave open, the master reports a hangup for
 * ever: stop watching it, but keep it so the pty stays ours. */
static void
read_pty(struct lab *lab)
{
	ssize_t n = read(lab->master, lab->out + lab->outlen,
	    sizeof lab->out - 1 - lab->outlen);

	if (n > 0) {
		lab->outlen += n;
		lab->out[lab->outlen] = '\0';
	} else if (n == 0 || errno == EIO) {
		lab->hangup = 1;
	}
}

static int
pty_fd(const struct lab *lab)
{
	return lab->master == -1 || lab->hangup ? -1 : lab->master;
}

static int
receive(struct lab *lab, struct report *r)
{
	char buf[PROTO_MAX + 2];
	union { struct cmsghdr h; char space[CMSG_SPACE(sizeof(struct ucred))]; } c;
	struct iovec iov = { buf, sizeof buf };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
	    .msg_control = &c, .msg_controllen = sizeof c };
	struct cmsghdr *h;
	ssize_t n = recvmsg(lab->sock, &mh, MSG_DONTWAIT);

	if (n < 0 || (mh.msg_flags & MSG_TRUNC))
		return 0;
	r->sender = 0;
	for (h = CMSG_FIRSTHDR(&mh); h != NULL; h = CMSG_NXTHDR(&mh, h))
		if (h->cmsg_level == SOL_SOCKET &&
		    h->cmsg_type == SCM_CREDENTIALS) {
			struct ucred cred;

			memcpy(&cred, CMSG_DATA(h), sizeof cred);
			r->sender = cred.pid;
		}
	if (r->sender <= 0 || proto_parse(buf, n, &r->m) != 0)
		return 0;
	/* The shell's news of its job, not a step's report. */
	if (r->m.event == PROTO_REAPED) {
		if (r->sender == lab->shell && lab->ncollected <
		    (int)(sizeof lab->collected / sizeof lab->collected[0])) {
			lab->collected[lab->ncollected].pid = r->m.child;
			lab->collected[lab->ncollected++].status = r->m.status;
		}
		return 0;
	}
	return 1;
}

int
lab_collected(struct lab *lab, pid_t pid)
{
	struct report r;
	int i;

	/* Whatever waits on the socket (receive() never blocks). */
	for (i = 0; i < 64; i++)
		receive(lab, &r);
	for (i = 0; i < lab->ncollected; i++)
		if (lab->collected[i].pid == pid)
			return lab->collected[i].status;
	return -1;
}

static void
wait_io(struct lab *lab, int ms, struct report *r, int *got)
{
	struct pollfd p[2] = { { lab->sock, POLLIN, 0 },
	    { pty_fd(lab), POLLIN, 0 } };

	if (poll(p, 2, ms) <= 0)
		return;
	if (p[1].revents & (POLLIN | POLLHUP))
		read_pty(lab);
	if ((p[0].revents & POLLIN) && r != NULL)
		*got = receive(lab, r);
}

int
lab_next(struct lab *lab, struct report *r, int timeout_ms)
{
	long deadline = lab_now_ms() + timeout_ms;
	int got = 0;

	while (!got && lab_now_ms() < deadline)
		wait_io(lab, (int)(deadline - lab_now_ms()), r, &got);
	return got;
}

void
lab_drain(struct lab *lab, int ms)
{
	long deadline = lab_now_ms() + ms;
	struct pollfd p = { -1, POLLIN, 0 };

	do {
		p.fd = pty_fd(lab);
		if (poll(&p, 1, 10) > 0)
			read_pty(lab);
	} while (lab_now_ms() < deadline);
}

int
lab_wait(struct lab *lab, pid_t pid, int timeout_ms)
{
	long deadline = lab_now_ms() + timeout_ms;
	int status;

	do {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		lab_drain(lab, 10);
	} while (lab_now_ms() < deadline);
	return -1;
}

/* The whole environment of a process, however large (an environment
 * may be far over 64 KiB), malloc'ed; its length in *len. NULL when it
 * cannot be read. */
static char *
read_environ(const char *pid, size_t *len)
{
	char path[300], *buf = NULL, *bigger;
	size_t size = 0, used = 0;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/%s/environ", pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	do {
		if (used == size) {
			size = size == 0 ? 65536 : size * 2;
			if ((bigger = realloc(buf, size)) == NULL) {
				free(buf);
				close(fd);
				return NULL;
			}
			buf = bigger;
		}
		if ((n = read(fd, buf + used, size - used)) > 0)
			used += (size_t)n;
	} while (n > 0);
	close(fd);
	*len = used;
	return buf;
}

/* The tag is one whole entry, DAEMONLAB_TEST_TAG=TAG: not the end of
 * another (NOT_DAEMONLAB_TEST_TAG=TAG), not the start of a longer one. */
static int
has_tag(const char *pid, const char *tag)
{
	char want[96], *env;
	size_t len, off, entry, wlen;
	int found = 0;

	wlen = (size_t)snprintf(want, sizeof want, "DAEMONLAB_TEST_TAG=%s",
	    tag);
	if ((env = read_environ(pid, &len)) == NULL)
		return 0;
	for (off = 0; off < len && !found; off += entry + 1) {
		entry = strnlen(env + off, len - off);
		found = entry == wlen && memcmp(env + off, want, wlen) == 0;
	}
	free(env);
	return found;
}

static pid_t
parent_of(const char *pid)
{
	char path[64], buf[512], *p;
	int fd, ppid = 0;
	ssize_t n;

	snprintf(path, sizeof path, "/proc/%s/stat", pid);
	if ((fd = open(path, O_RDONLY)) == -1)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	if ((p = strrchr(buf, ')')) != NULL)
		sscanf(p + 2, "%*c %d", &ppid);
	return ppid;
}

static pid_t
parent_of_pid(pid_t pid)
{
	char name[16];

	snprintf(name, sizeof name, "%d", (int)pid);
	return parent_of(name);
}

/* Calls fn for every process that carries the tag or is our child. */
static int
each_ours(const struct lab *lab, void (*fn)(pid_t))
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int count = 0;

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] < '1' || e->d_name[0] > '9' ||
		    atoi(e->d_name) == getpid())
			continue;
		if (has_tag(e->d_name, lab->tag) ||
		    parent_of(e->d_name) == getpid()) {
			count++;
			if (fn != NULL)
				fn(atoi(e->d_name));
		}
	}
	if (d != NULL)
		closedir(d);
	return count;
}

static void
kill_hard(pid_t pid)
{
	kill(pid, SIGKILL);
}

int
lab_count(const struct lab *lab)
{
	return each_ours(lab, NULL);
}

int
lab_finish(struct lab *lab)
{
	long deadline = lab_now_ms() + 5000;
	int left;
	char path[128];

	if (lab->sock == 0 && lab->master == 0)
		return 0;    /* never started, or finished already */
	if (lab->shell > 0)
		kill(lab->shell, SIGKILL);
	do {
		each_ours(lab, kill_hard);
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		if ((left = lab_count(lab)) == 0)
			break;
		usleep(20000);
	} while (lab_now_ms() < deadline);
	if (lab->master != -1)
		close(lab->master);
	close(lab->sock);
	unlink(lab->sock_path);
	snprintf(path, sizeof path, "%s/forgotten", lab->dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/nohup.out", lab->dir);
	unlink(path);
	rmdir(lab->dir);
	lab->sock = lab->master = 0;
	if (current == lab)
		current = NULL;
	return left;
}

static void
kill_child(pid_t pid)
{
	if (parent_of_pid(pid) == getpid())
		kill(pid, SIGKILL);
}

#define SKIP_MARK "lab_skip: "

void
lab_skip(const char *fmt, ...)
{
	char reason[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	/* Check knows no skip: a failure with a mark that tap_print()
	 * turns into "ok N name # SKIP reason". */
	ck_abort_msg("%s%s", SKIP_MARK, reason);
}

void
lab_need_program(const char *name)
{
	const char *path = getenv("PATH"), *end;
	char file[4096];

	for (; path != NULL && *path != '\0'; path = *end ? end + 1 : end) {
		end = path + strcspn(path, ":");
		snprintf(file, sizeof file, "%.*s/%s", (int)(end - path),
		    end == path ? "." : path, name);
		if (access(file, X_OK) == 0)
			return;
	}
	lab_skip("no %s in PATH to compare with", name);
}

/* "# " before every line of text, for TAP diagnostics. */
static void
tap_comment(const char *text)
{
	const char *nl;

	do {
		nl = strchr(text, '\n');
		printf("# %.*s\n", nl ? (int)(nl - text) : (int)strlen(text),
		    text);
		text = nl + 1;
	} while (nl != NULL);
}

/* The test's own name, from Check's TAP log (its results have no
 * accessor for it): the log says "ok N - FILE:TCASE:NAME: MESSAGE\n"
 * for each result in order, and all but NAME is known. Advances *at
 * past the entry. */
static void
tap_name(TestResult *tr, int n, const char **at, char *name, size_t size)
{
	char prefix[1024];
	const char *p = *at, *end;
	int len = snprintf(prefix, sizeof prefix, "%s %d - %s:%s:",
	    tr_rtype(tr) == CK_PASS ? "ok" : "not ok", n, tr_lfile(tr),
	    tr_tcname(tr));

	snprintf(name, size, "%s/test %d", tr_tcname(tr), n);
	if (p == NULL || strncmp(p, prefix, len) != 0 ||
	    (end = strchr(p + len, ':')) == NULL)
		return;
	snprintf(name, size, "%s/%.*s", tr_tcname(tr), (int)(end - p - len),
	    p + len);
	p = end + 2 + strlen(tr_msg(tr));
	*at = *p == '\n' ? p + 1 : p;
}

/* Speaks TAP to meson, one line per test: ok, not ok (with Check's
 * message as diagnostics), ok # SKIP. Returns how many failed. */
static int
tap_print(SRunner *sr, const char *log)
{
	static char text[1 << 20];
	TestResult **results = srunner_results(sr);
	int i, n = srunner_ntests_run(sr), failed = 0;
	const char *at = text, *msg;
	char name[256];
	FILE *f = fopen(log, "r");
	size_t len = f != NULL ? fread(text, 1, sizeof text - 1, f) : 0;

	text[len] = '\0';
	if (f != NULL)
		fclose(f);
	printf("1..%d\n", n);
	for (i = 0; i < n; i++) {
		tap_name(results[i], i + 1, &at, name, sizeof name);
		msg = tr_msg(results[i]);
		if (tr_rtype(results[i]) == CK_PASS) {
			printf("ok %d %s\n", i + 1, name);
		} else if (strncmp(msg, SKIP_MARK, strlen(SKIP_MARK)) == 0) {
			msg += strlen(SKIP_MARK);
			printf("ok %d %s # SKIP %.*s\n", i + 1, name,
			    (int)strcspn(msg, "\n"), msg);
		} else {
			failed++;
			printf("not ok %d %s\n", i + 1, name);
			printf("# %s:%d:%s\n", tr_lfile(results[i]),
			    tr_lno(results[i]), tr_ctx(results[i]) ==
			    CK_CTX_TEST ? "" : " in a fixture");
			tap_comment(msg);
		}
	}
	free(results);
	fflush(stdout);
	return failed;
}

int
lab_run(Suite *s)
{
	struct lab none = { .tag = "-" };
	char list[64], log[64];
	SRunner *sr;
	int failed;

	prctl(PR_SET_CHILD_SUBREAPER, 1);
	snprintf(list, sizeof list, "/tmp/daemonlab-test-dirs-%d", (int)getpid());
	setenv("DAEMONLAB_TEST_DIRS", list, 1);
	snprintf(log, sizeof log, "/tmp/daemonlab-test-tap-%d", (int)getpid());
	sr = srunner_create(s);
	srunner_set_tap(sr, log);
	/* Check's own report off: meson reads ours, one line per test. */
	srunner_run_all(sr, CK_SILENT);
	failed = tap_print(sr, log);
	unlink(log);
	srunner_free(sr);
	do {
		each_ours(&none, kill_child);
	} while (waitpid(-1, NULL, 0) > 0 || lab_count(&none) > 0);
	remove_noted_dirs(list);
	return failed;
}

char **
lab_chain_argv(const char *name, const char *opentty_option)
{
	static char *argv[CHAIN_MAX_STEPS + 2];
	const struct chain *c = chain_find(name);
	int i, n = 0;

	if (c == NULL)
		return NULL;
	for (i = 0; c->argv[i] != NULL; i++) {
		argv[n++] = (char *)c->argv[i];
		if (opentty_option != NULL &&
		    strcmp(c->argv[i], "step-opentty") == 0)
			argv[n++] = (char *)opentty_option;
	}
	argv[n] = NULL;
	return argv;
}
