/* SPDX-License-Identifier: MIT */
/*
 * test_members.c - membership of a run is proved from the kernel, and
 * ending a run ends all of it.
 *
 * The test process plays the inspector: a child subreaper whose
 * children are the run's roots. Strangers are made by a double fork
 * while the test is briefly not a subreaper, so they go to someone
 * else: they are nobody's member. Every process is found again by a
 * token in its command line, never by what the registry says.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lab.h"
#include "members.h"
#include "proc.h"

static int procfd = -1;

/* A sleep's duration that names it: base ("1001.1") with the runner's
 * PID appended (set in main, before Check forks each test), so that runs
 * of the suite side by side never count each other's processes. */
static int seed;

static const char *
tok(const char *base)
{
	static char buf[16][32];
	static int next;
	char *t = buf[next++ % 16];

	snprintf(t, sizeof buf[0], "%s%d", base, seed);
	return t;
}

static unsigned long long
start_of(pid_t pid)
{
	struct proc_info p;

	ck_assert_int_eq(proc_read_stat(procfd, pid, &p), 0);
	return p.starttime;
}

/* sh -c script, as our child (a root of the run). */
static pid_t
spawn(const char *script)
{
	pid_t pid = fork();

	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", script, (char *)NULL);
		_exit(127);
	}
	return pid;
}

/* Live processes whose argv[1] is token (a sleep's duration). */
static int
count_token(const char *token, pid_t *out, int max)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		char path[300], buf[256];
		struct proc_info p;
		ssize_t len;
		int fd;

		if (atoi(e->d_name) <= 0)
			continue;
		snprintf(path, sizeof path, "/proc/%s/cmdline", e->d_name);
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
			continue;
		len = read(fd, buf, sizeof buf - 1);
		close(fd);
		if (len <= 0)
			continue;
		buf[len] = '\0';
		if (strcmp(buf + strlen(buf) + 1, token) != 0 ||
		    proc_read_stat(procfd, atoi(e->d_name), &p) == -1 ||
		    p.state == 'Z')
			continue;
		if (out != NULL && n < max)
			out[n] = atoi(e->d_name);
		n++;
	}
	closedir(d);
	return n;
}

static void
wait_count(const char *token, int want)
{
	long deadline = lab_now_ms() + 5000;

	while (count_token(token, NULL, 0) < want) {
		ck_assert_msg(lab_now_ms() < deadline, "fewer than %d '%s'",
		    want, token);
		usleep(10000);
	}
}

/* A stranger: a sleep that is not our child and descends from no
 * member (a double fork while we are not a subreaper). */
static pid_t
stranger(const char *token)
{
	pid_t mid, found[2];
	char script[128];

	ck_assert_int_eq(prctl(PR_SET_CHILD_SUBREAPER, 0), 0);
	snprintf(script, sizeof script, "sleep %s &", token);
	mid = spawn(script);
	ck_assert_int_eq(waitpid(mid, NULL, 0), mid);
	ck_assert_int_eq(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
	wait_count(token, 1);
	ck_assert_int_eq(count_token(token, found, 2), 1);
	return found[0];
}

static void
kill_token(const char *token)
{
	pid_t pids[64];
	int i, n = count_token(token, pids, 64);

	for (i = 0; i < n && i < 64; i++) {
		int fd = pidfd_for(procfd, pids[i], start_of(pids[i]));

		if (fd >= 0) {
			pidfd_signal(fd, SIGKILL);
			close(fd);
		}
	}
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

static void
setup(void)
{
	procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(procfd, 0);
	ck_assert_int_eq(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
}

START_TEST(pidfd_refuses_another_start_time)
{
	pid_t pid = spawn("exec sleep 30");
	unsigned long long start = start_of(pid);
	int fd;

	/* The same PID with another start time: a reused PID. */
	ck_assert_int_eq(pidfd_for(procfd, pid, start + 1), -1);
	ck_assert_int_eq(errno, ESRCH);
	fd = pidfd_for(procfd, pid, start);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pidfd_signal(fd, SIGKILL), 0);
	ck_assert_int_eq(waitpid(pid, NULL, 0), pid);
	/* Reaped: the pidfd no longer reaches anyone. */
	ck_assert_int_eq(pidfd_signal(fd, SIGKILL), -1);
	ck_assert_int_eq(errno, ESRCH);
	close(fd);
}
END_TEST

/* The shell's report of its job's status is recorded for the member
 * with that start time only, once, marked as the shell's. */
START_TEST(collected_needs_the_start_time)
{
	static struct members m;
	pid_t pid = spawn("exec sleep 30");
	unsigned long long start = start_of(pid);
	struct member *e;
	int status;

	setup();
	members_init(&m, procfd, getpid());
	ck_assert_ptr_nonnull(e = members_add(&m, pid, start));
	ck_assert_int_eq(members_collected(&m, pid, start + 1, 0), 0);
	ck_assert_int_eq(members_collected(&m, pid + 100000, start, 0), 0);
	ck_assert(!e->reaped && e->alive);
	ck_assert_int_eq(kill(pid, SIGHUP), 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_int_eq(members_collected(&m, pid, start, status), 1);
	ck_assert(e->reaped && e->by_shell && !e->alive);
	ck_assert(WIFSIGNALED(e->status) && WTERMSIG(e->status) == SIGHUP);
	ck_assert_int_eq(e->pidfd, -1);
	/* Once: a second report changes nothing. */
	ck_assert_int_eq(members_collected(&m, pid, start, 0), 0);
	ck_assert(WIFSIGNALED(e->status));
	members_free(&m);
}
END_TEST

START_TEST(descendants_are_members_strangers_are_not)
{
	char script[256];
	static struct members m;
	pid_t root, strange, kids[4];
	int i;

	setup();
	strange = stranger(tok("1001.7"));
	snprintf(script, sizeof script, "sleep %s & sleep %s & wait",
	    tok("1001.1"), tok("1001.1"));
	root = spawn(script);
	wait_count(tok("1001.1"), 2);
	members_init(&m, procfd, getpid());
	ck_assert_ptr_nonnull(members_add(&m, root, start_of(root)));
	members_discover(&m);
	ck_assert_int_eq(count_token(tok("1001.1"), kids, 4), 2);
	for (i = 0; i < 2; i++)
		ck_assert_msg(members_find(&m, kids[i]) != NULL,
		    "child %d of the root is no member", (int)kids[i]);
	ck_assert_msg(members_find(&m, strange) == NULL,
	    "the stranger %d became a member", (int)strange);
	ck_assert_int_eq(m.n, 3);
	/* Ending the run ends all three, and nothing else. */
	members_end(&m, 500);
	ck_assert_int_eq(count_token(tok("1001.1"), NULL, 0), 0);
	ck_assert_int_eq(count_token(tok("1001.7"), NULL, 0), 1);
	members_free(&m);
	kill_token(tok("1001.7"));
}
END_TEST

START_TEST(orphans_go_to_the_run_they_share_a_session_with)
{
	char script[256];
	static struct members a, b;
	pid_t ra, rb, oa[2], ob[2], lone[2], mid;

	setup();
	/* Each root leads a session of its own; its grandchild, orphaned
	 * at once, stays in that session and comes to us. */
	snprintf(script, sizeof script, "exec setsid -w sh -c '(sleep %s &); "
	    "exec sleep %s'", tok("1002.1"), tok("1002.9"));
	ra = spawn(script);
	snprintf(script, sizeof script, "exec setsid -w sh -c '(sleep %s &); "
	    "exec sleep %s'", tok("1002.2"), tok("1002.9"));
	rb = spawn(script);
	wait_count(tok("1002.1"), 1);
	wait_count(tok("1002.2"), 1);
	wait_count(tok("1002.9"), 2);
	members_init(&a, procfd, getpid());
	members_init(&b, procfd, getpid());
	a.rival = &b;
	b.rival = &a;
	b.primary = 0;
	/* setsid -w forks when it leads its group; follow the roots down
	 * by discovery, as the inspector does. */
	ck_assert_ptr_nonnull(members_add(&a, ra, start_of(ra)));
	ck_assert_ptr_nonnull(members_add(&b, rb, start_of(rb)));
	members_discover(&a);
	members_discover(&b);
	/* An orphan of nobody's session: the primary run takes it. */
	snprintf(script, sizeof script, "setsid sleep %s &", tok("1002.3"));
	mid = spawn(script);
	ck_assert_int_eq(waitpid(mid, NULL, 0), mid);
	wait_count(tok("1002.3"), 1);
	members_discover(&b);
	members_discover(&a);
	ck_assert_int_eq(count_token(tok("1002.1"), oa, 2), 1);
	ck_assert_int_eq(count_token(tok("1002.2"), ob, 2), 1);
	ck_assert_int_eq(count_token(tok("1002.3"), lone, 2), 1);
	ck_assert_ptr_nonnull(members_find(&a, oa[0]));
	ck_assert_ptr_null(members_find(&b, oa[0]));
	ck_assert_ptr_nonnull(members_find(&b, ob[0]));
	ck_assert_ptr_null(members_find(&a, ob[0]));
	ck_assert_ptr_nonnull(members_find(&a, lone[0]));
	ck_assert_ptr_null(members_find(&b, lone[0]));
	/* Ending b leaves a's alone. */
	members_end(&b, 500);
	ck_assert_int_eq(count_token(tok("1002.2"), NULL, 0), 0);
	ck_assert_int_eq(count_token(tok("1002.1"), NULL, 0), 1);
	members_end(&a, 500);
	ck_assert_int_eq(count_token(tok("1002.1"), NULL, 0), 0);
	ck_assert_int_eq(count_token(tok("1002.3"), NULL, 0), 0);
	ck_assert_int_eq(count_token(tok("1002.9"), NULL, 0), 0);
	members_free(&a);
	members_free(&b);
}
END_TEST

/* More processes than the story has rows, and a grandchild that clears
 * its environment and leaves the session: none is left. */
START_TEST(end_leaves_nothing)
{
	char script[256];
	static struct members m;
	pid_t root;

	setup();
	snprintf(script, sizeof script, "i=0; while [ $i -lt 40 ]; do sleep %s "
	    "& i=$((i+1)); done; (env -i setsid sleep %s &); wait",
	    tok("1003.1"), tok("1003.2"));
	root = spawn(script);
	wait_count(tok("1003.1"), 40);
	wait_count(tok("1003.2"), 1);
	members_init(&m, procfd, getpid());
	ck_assert_ptr_nonnull(members_add(&m, root, start_of(root)));
	members_discover(&m);
	ck_assert_int_eq(members_alive(&m), 42);
	members_end(&m, 500);
	ck_assert_int_eq(count_token(tok("1003.1"), NULL, 0), 0);
	ck_assert_int_eq(count_token(tok("1003.2"), NULL, 0), 0);
	ck_assert_int_eq(members_alive(&m), 0);
	members_free(&m);
}
END_TEST

/* A member that ignores SIGTERM is killed all the same, and one that
 * forks while being ended takes its children with it. */
START_TEST(end_outlasts_a_stubborn_forker)
{
	char script[256];
	static struct members m;
	pid_t root;

	setup();
	snprintf(script, sizeof script, "trap '' TERM; while :; do sleep %s & "
	    "sleep 0.01; done", tok("1004.1"));
	root = spawn(script);
	wait_count(tok("1004.1"), 3);
	members_init(&m, procfd, getpid());
	ck_assert_ptr_nonnull(members_add(&m, root, start_of(root)));
	members_discover(&m);
	members_end(&m, 300);
	ck_assert_int_eq(count_token(tok("1004.1"), NULL, 0), 0);
	ck_assert_int_eq(members_alive(&m), 0);
	members_free(&m);
}
END_TEST

static void
sweep(void)
{
	kill_token(tok("1001.1"));
	kill_token(tok("1001.7"));
	kill_token(tok("1002.1"));
	kill_token(tok("1002.2"));
	kill_token(tok("1002.3"));
	kill_token(tok("1002.9"));
	kill_token(tok("1003.1"));
	kill_token(tok("1003.2"));
	kill_token(tok("1004.1"));
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

int
main(void)
{
	Suite *su = suite_create("members");
	TCase *tc = tcase_create("members");

	seed = (int)getpid();
	procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (procfd == -1 || prctl(PR_SET_CHILD_SUBREAPER, 1) == -1) {
		perror("test_members");
		return 99;
	}
	tcase_set_timeout(tc, 30);
	tcase_add_unchecked_fixture(tc, NULL, sweep);
	tcase_add_test(tc, pidfd_refuses_another_start_time);
	tcase_add_test(tc, collected_needs_the_start_time);
	tcase_add_test(tc, descendants_are_members_strangers_are_not);
	tcase_add_test(tc, orphans_go_to_the_run_they_share_a_session_with);
	tcase_add_test(tc, end_leaves_nothing);
	tcase_add_test(tc, end_outlasts_a_stubborn_forker);
	suite_add_tcase(su, tc);
	return lab_run(su) == 0 ? 0 : 1;
}
