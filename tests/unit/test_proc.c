/* SPDX-License-Identifier: MIT */
/* test_proc.c - /proc parsing on hostile fixtures, and reading live ones. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc.h"
#include "lab.h"

/* Fields 3 to 52 of a real stat line: state S, ppid 1, pgrp and session
 * 4242, tty pts/1 (136 << 8 | 1), tpgid 4242, nice 0, 1 thread, started
 * at 987654. */
#define REST "S 1 4242 4242 34817 4242 4194560 120 0 0 0 1 2 0 0 20 0 1 0 " \
    "987654 4538368 869 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 3 " \
    "0 0 0 0 0 0 0 0 0 0 0 0 0\n"

static struct proc_info pi;
static char line[1024];

static int
parse(const char *comm)
{
	int n = snprintf(line, sizeof line, "4242 (%s) " REST, comm);

	memset(&pi, 0x55, sizeof pi);
	return proc_parse_stat(line, n, &pi);
}

static int
parse_text(const char *text)
{
	memset(&pi, 0x55, sizeof pi);
	return proc_parse_stat(text, strlen(text), &pi);
}

START_TEST(stat_fields)
{
	ck_assert_int_eq(parse("bash"), 0);
	ck_assert_int_eq(pi.pid, 4242);
	ck_assert_str_eq(pi.comm, "bash");
	ck_assert_int_eq(pi.state, 'S');
	ck_assert_int_eq(pi.ppid, 1);
	ck_assert_int_eq(pi.pgid, 4242);
	ck_assert_int_eq(pi.sid, 4242);
	ck_assert_uint_eq(pi.tty_nr, 34817);
	ck_assert_int_eq(pi.tpgid, 4242);
	ck_assert_int_eq(pi.nice, 0);
	ck_assert_int_eq(pi.nlwp, 1);
	ck_assert_uint_eq(pi.starttime, 987654);

	ck_assert_int_eq(parse_text("7 (kworker/0:1-events) I 2 0 0 0 -1 "
	    "69238880 0 0 0 0 0 3 0 0 20 -5 1 0 12 0 0 "
	    "18446744073709551615 0 0\n"), 0);
	ck_assert_str_eq(pi.comm, "kworker/0:1-events");
	ck_assert_int_eq(pi.state, 'I');
	ck_assert_uint_eq(pi.tty_nr, 0);
	ck_assert_int_eq(pi.tpgid, -1);
	ck_assert_int_eq(pi.nice, -5);
	ck_assert_uint_eq(pi.starttime, 12);
}
END_TEST

START_TEST(stat_hostile_names)
{
	static const char *const names[] = {
		"a b", "x)", ")", "(", "((", ") R 1 2", ") Z 0 0 0 0 0 0",
		"a\nb", "\033[2J\033]0;pwned\a",
		/* 15 bytes: the longest a process can name itself
		 * (TASK_COMM_LEN - 1; prctl(2) PR_SET_NAME) */
		"123456789012345",
		"",
		") S 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1)",
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		ck_assert_msg(parse(names[i]) == 0, "name %zu", i);
		ck_assert_str_eq(pi.comm, names[i]);
		ck_assert_int_eq(pi.state, 'S');
		ck_assert_int_eq(pi.ppid, 1);
		ck_assert_int_eq(pi.pgid, 4242);
		ck_assert_uint_eq(pi.starttime, 987654);
	}
}
END_TEST

START_TEST(stat_long_name_is_cut)
{
	char name[200];

	memset(name, 'n', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	ck_assert_int_eq(parse(name), 0);
	ck_assert_uint_eq(strlen(pi.comm), sizeof pi.comm - 1);
	ck_assert_int_eq(pi.ppid, 1);
}
END_TEST

START_TEST(stat_garbage_rejected)
{
	static const char *const bad[] = {
		"", "\n", "4242", "4242 ", "4242 (", "4242 (x", "4242 (x)",
		"4242 (x) ", "4242 (x) S", "4242 (x) S ", "x (y) " REST,
		"-1 (x) " REST, "0 (x) " REST, "4242(x) " REST, "4242 x) " REST,
		"4242 (x)S 1 2",
		"4242 (x) 5 1 4242 4242 0 -1 0 0 0 0 0 0 0 0 0 0 0 1 0 1 0\n",
		"4242 (x) S a 4242 4242 0 -1 0 0 0 0 0 0 0 0 0 0 0 1 0 1 0\n",
		"4242 (x) S 1 4242 4242 0 -1 0 0 0 0 0 0 0 0 0 0 0 1 0 "
		"99999999999999999999999 0\n",
		"4242 (x) S 1 -7 4242 0 -1 0 0 0 0 0 0 0 0 0 0 0 1 0 1 0\n",
		"4242 (x) S 1 4242 4242 0 -2 0 0 0 0 0 0 0 0 0 0 0 1 0 1 0\n",
		"4242 (x) S 1 4242 4242 0 -1 0 0 0 0 0 0 0 0 0 0 0 1 0 -1 0\n",
		"4242 (x) S 1  4242 4242 0 -1 0 0 0 0 0 0 0 0 0 0 0 1 0 1 0\n",
		"4242 (x) S 1 4242 4242 0 -1 0 0 0 0 0 0 0 0 0 0 0 1 0 1",
		"99999999999 (x) S 1 4242 4242 0 -1 0 0 0 0 0 0 0 0 0 0 0 1 0 "
		"1 0\n",
	};
	size_t i, cut, n;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(parse_text(bad[i]) == -1, "accepted %zu", i);

	/* Cut anywhere before field 22 has ended: rejected, never misread. */
	n = snprintf(line, sizeof line, "4242 (a) b) " REST);
	for (cut = 0; cut < n; cut++) {
		if (cut > strlen("4242 (a) b) " "S 1 4242 4242 34817 4242 "
		    "4194560 120 0 0 0 1 2 0 0 20 0 1 0 987654"))
			break;
		ck_assert_msg(proc_parse_stat(line, cut, &pi) == -1,
		    "accepted a cut at %zu", cut);
	}
	ck_assert_int_eq(proc_parse_stat(line, cut, &pi), 0);
	ck_assert_str_eq(pi.comm, "a) b");
}
END_TEST

START_TEST(status_fields)
{
	static const char status[] =
	    "Name:\tbash\nUmask:\t0022\nState:\tS (sleeping)\n"
	    "Uid:\t1000\t1000\t1000\t1000\nGid:\t100\t100\t100\t100\n"
	    "VmLck:\t       4 kB\nThreads:\t1\n";

	memset(&pi, 0, sizeof pi);
	ck_assert_int_eq(proc_parse_status(status, sizeof status - 1, &pi), 0);
	ck_assert_int_eq(pi.uid, 1000);
	ck_assert_int_eq(pi.umask, 022);
	ck_assert_int_eq(pi.vmlck, 4);
}
END_TEST

START_TEST(status_missing_lines)
{
	/* Before Linux 4.7 there is no Umask:; zombies have no VmLck:. */
	static const char old[] = "Name:\tx\nState:\tZ (zombie)\n"
	    "Uid:\t0\t0\t0\t0\n";
	static const char nouid[] = "Name:\tx\nUmask:\t0077\n";
	static const char cut[] = "Name:\tx\nUmask:\t0077\nUid:\t10";

	memset(&pi, 0, sizeof pi);
	ck_assert_int_eq(proc_parse_status(old, sizeof old - 1, &pi), 0);
	ck_assert_int_eq(pi.uid, 0);
	ck_assert_int_eq(pi.umask, -1);
	ck_assert_int_eq(pi.vmlck, -1);
	ck_assert_int_eq(proc_parse_status(nouid, sizeof nouid - 1, &pi), -1);
	ck_assert_int_eq(proc_parse_status(cut, sizeof cut - 1, &pi), -1);
	ck_assert_int_eq(proc_parse_status("", 0, &pi), -1);
}
END_TEST

START_TEST(status_name_cannot_forge)
{
	/* The kernel escapes a newline in Name:; were it raw, the real
	 * Uid: line below still wins. */
	static const char status[] = "Name:\tx\nUid:\t0\t0\t0\t0\n"
	    "Umask:\t0022\nUid:\t1000\t1000\t1000\t1000\n";
	static const char indented[] = "Name:\t Uid:\t0\nUid:\t7\t7\t7\t7\n";

	ck_assert_int_eq(proc_parse_status(status, sizeof status - 1, &pi), 0);
	ck_assert_int_eq(pi.uid, 1000);
	ck_assert_int_eq(proc_parse_status(indented, sizeof indented - 1, &pi),
	    0);
	ck_assert_int_eq(pi.uid, 7);
}
END_TEST

START_TEST(status_euid)
{
	/* The survey's reading: the effective uid (the second number), as
	 * ps -o uid prints it, from the Uid: line after TracerPid:, and
	 * VmLck:. */
	static const char status[] =
	    "Name:\tnginx\nUmask:\t0022\nState:\tS (sleeping)\n"
	    "Tgid:\t7\nNgid:\t0\nPid:\t7\nPPid:\t1\nTracerPid:\t0\n"
	    "Uid:\t0\t33\t33\t33\nGid:\t0\t33\t33\t33\n"
	    "VmPeak:\t  100 kB\nVmLck:\t       8 kB\nThreads:\t1\n";
	/* A name holding a raw newline and a Uid: line (the kernel would
	 * escape it): the real line, after TracerPid:, still wins. */
	static const char forged[] = "Name:\tx\nUid:\t0\t0\t0\t0\n"
	    "TracerPid:\t0\nUid:\t1000\t1001\t1000\t1000\n";
	static const char kernel[] = "Name:\tkthreadd\nState:\tS\n"
	    "TracerPid:\t0\nUid:\t0\t0\t0\t0\n";
	static const char cut[] = "Name:\tx\nTracerPid:\t0\nUid:\t10\t";
	static const char no_tracer[] = "Name:\tx\nUid:\t0\t0\t0\t0\n";

	memset(&pi, 0, sizeof pi);
	ck_assert_int_eq(proc_parse_euid(status, sizeof status - 1, &pi), 0);
	ck_assert_int_eq(pi.uid, 0);
	ck_assert_int_eq(pi.euid, 33);
	ck_assert_int_eq(pi.vmlck, 8);
	ck_assert_int_eq(proc_parse_euid(forged, sizeof forged - 1, &pi), 0);
	ck_assert_int_eq(pi.euid, 1001);
	ck_assert_int_eq(proc_parse_euid(kernel, sizeof kernel - 1, &pi), 0);
	ck_assert_int_eq(pi.euid, 0);
	ck_assert_int_eq(pi.vmlck, -1);
	ck_assert_int_eq(proc_parse_euid(cut, sizeof cut - 1, &pi), -1);
	ck_assert_int_eq(proc_parse_euid(no_tracer, sizeof no_tracer - 1,
	    &pi), -1);
	ck_assert_int_eq(proc_parse_euid("", 0, &pi), -1);
}
END_TEST

START_TEST(stat_flags_and_time)
{
	/* Field 9 (flags) and 14 + 15 (utime + stime), for the survey. */
	static const char kthread[] = "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 "
	    "0 0 7 5 0 0 20 0 1 0 9 0 0\n";

	memset(&pi, 0, sizeof pi);
	ck_assert_int_eq(proc_parse_stat(kthread, sizeof kthread - 1, &pi), 0);
	ck_assert_uint_eq(pi.flags & PROC_PF_KTHREAD, PROC_PF_KTHREAD);
	ck_assert_uint_eq(pi.cputime, 12);
	ck_assert_int_eq(pi.starttime, 9);
}
END_TEST

START_TEST(stat_string_like_ps)
{
	static const struct {
		char state;
		int nice, nlwp;
		long vmlck;
		pid_t sid, tpgid;
		const char *want;
	} t[] = {
		/* pid and pgid are 10 */
		{ 'S',  0, 1, -1,  5,  7, "S" },
		{ 'S',  0, 1,  0, 10,  7, "Ss" },
		{ 'R',  0, 1,  0,  5, 10, "R+" },
		{ 'S',  0, 1,  0, 10, 10, "Ss+" },
		{ 'S', -5, 1,  0,  5, -1, "S<" },
		{ 'S', 19, 1,  0,  5, -1, "SN" },
		{ 'S',  0, 4,  0,  5, -1, "Sl" },
		{ 'D',  0, 1,  8,  5, -1, "DL" },
		{ 'Z',  0, 1, -1,  5, -1, "Z" },
		{ 'S', -1, 2, 16, 10, 10, "S<Lsl+" },
		{ 'T',  1, 2, 16, 10, 10, "TNLsl+" },
	};
	char buf[16];
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		memset(&pi, 0, sizeof pi);
		pi.pid = pi.pgid = 10;
		pi.state = t[i].state;
		pi.nice = t[i].nice;
		pi.nlwp = t[i].nlwp;
		pi.vmlck = t[i].vmlck;
		pi.sid = t[i].sid;
		pi.tpgid = t[i].tpgid;
		proc_stat_string(&pi, buf, sizeof buf);
		ck_assert_str_eq(buf, t[i].want);
	}
	proc_stat_string(&pi, buf, 3);
	ck_assert_str_eq(buf, "TN");
}
END_TEST

/* Live processes. Each child dies with us (PDEATHSIG) and is killed and
 * reaped before any assertion, so a failure leaves nothing behind. */

static int procfd = -1;

static void
open_proc(void)
{
	procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(procfd, 0);
}

static void
close_proc(void)
{
	close(procfd);
}

/* Runs setup() in a child that then waits to be killed. */
static pid_t
spawn(void (*setup)(void))
{
	int p[2];
	char c;
	pid_t parent = getpid(), pid;

	ck_assert_int_eq(pipe(p), 0);
	if ((pid = fork()) == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
		if (setup != NULL)
			setup();
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(p[1]);
	ck_assert_int_gt(pid, 0);
	if (read(p[0], &c, 1) != 1)
		c = 0;
	close(p[0]);
	if (c != 'x') {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		ck_abort_msg("child %ld did not start", (long)pid);
	}
	return pid;
}

/* Reads pid once it sleeps: spawn() returns just before pause(). */
static int
read_asleep(pid_t pid)
{
	int i, rc = -1;

	for (i = 0; i < 400; i++) {
		if ((rc = proc_read(procfd, pid, &pi)) == -1 || pi.state != 'R')
			break;
		usleep(5000);
	}
	return rc;
}

static void
reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* ps's own opinion, one field of one process. */
static void
ps_field(pid_t pid, const char *field, char *buf, size_t size)
{
	char cmd[128];
	FILE *f;
	size_t n;

	snprintf(cmd, sizeof cmd, "ps -o %s= -p %ld", field, (long)pid);
	buf[0] = '\0';
	if ((f = popen(cmd, "r")) != NULL) {
		if (fgets(buf, size, f) == NULL)
			buf[0] = '\0';
		pclose(f);
	}
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
}

START_TEST(read_self)
{
	char cwd[512], want[512];
	mode_t mask;
	int fd, i, found = 0, sorted = 1;

	mask = umask(027);
	fd = open("/dev/null", O_RDONLY);
	ck_assert_int_eq(proc_read(procfd, getpid(), &pi), 0);
	umask(mask);
	close(fd);
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	ck_assert_int_eq(pi.pid, getpid());
	ck_assert_int_eq(pi.ppid, getppid());
	ck_assert_int_eq(pi.pgid, getpgrp());
	ck_assert_int_eq(pi.sid, getsid(0));
	ck_assert_int_eq(pi.uid, getuid());
	ck_assert_int_eq(pi.umask, 027);
	ck_assert_int_eq(pi.state, 'R');
	ck_assert_int_eq(pi.cwd_ok, 1);
	ck_assert_str_eq(pi.cwd, cwd);
	ck_assert_int_eq(pi.exited, 0);
	ck_assert_int_ge(pi.nfds, 1);
	for (i = 0; i < pi.nfds && i < PROC_MAX_FDS; i++) {
		if (pi.fds[i].fd == fd)
			found = strcmp(pi.fds[i].target, "/dev/null") == 0;
		if (i > 0 && pi.fds[i - 1].fd >= pi.fds[i].fd)
			sorted = 0;
	}
	ck_assert(found);
	ck_assert(sorted);
	snprintf(want, sizeof want, "%s", program_invocation_name);
	ck_assert_msg(strncmp(pi.cmdline, want, strlen(want)) == 0,
	    "cmdline \"%s\"", pi.cmdline);
}
END_TEST

START_TEST(many_fds_keep_the_lowest)
{
	int fds[80], i, n, ok = 1;

	for (n = 0; n < 80; n++)
		if ((fds[n] = open("/dev/null", O_RDONLY)) == -1)
			break;
	ck_assert_int_eq(proc_read(procfd, getpid(), &pi), 0);
	for (i = 0; i < n; i++)
		close(fds[i]);
	ck_assert_int_eq(n, 80);
	ck_assert_int_ge(pi.nfds, 80);
	ck_assert_int_eq(pi.fds_truncated, 1);
	for (i = 1; i < PROC_MAX_FDS; i++)
		ok &= pi.fds[i - 1].fd < pi.fds[i].fd;
	ck_assert(ok);
	ck_assert_int_lt(pi.fds[PROC_MAX_FDS - 1].fd, fds[79]);
}
END_TEST

static void
set_hostile_name(void)
{
	/* 15 bytes: the kernel keeps TASK_COMM_LEN - 1. */
	prctl(PR_SET_NAME, ") R 1 2\n\033[2J\a(x", 0, 0, 0);
}

START_TEST(read_hostile_child)
{
	pid_t pid = spawn(set_hostile_name);
	int rc = read_asleep(pid);

	reap(pid);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(pi.comm, ") R 1 2\n\033[2J\a(x");
	ck_assert_int_eq(pi.ppid, getpid());
	ck_assert_int_eq(pi.pgid, getpgrp());
	ck_assert_int_eq(pi.state, 'S');
}
END_TEST

static void
be_nice(void)
{
	if (nice(5) == -1 && errno != 0)
		_exit(1);
}

static void
lead_session(void)
{
	setsid();
}

/* STAT as ps prints it, for a few kinds of sleeping child. */
START_TEST(stat_string_matches_ps)
{
	void (*const setups[])(void) = { NULL, be_nice, lead_session };
	char ours[3][16], theirs[3][16];
	size_t i;
	pid_t pid;
	int rc[3];

	lab_need_program("ps");
	for (i = 0; i < 3; i++) {
		pid = spawn(setups[i]);
		if ((rc[i] = read_asleep(pid)) == 0)
			proc_stat_string(&pi, ours[i], sizeof ours[i]);
		ps_field(pid, "stat", theirs[i], sizeof theirs[i]);
		reap(pid);
	}
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(rc[i], 0);
		ck_assert_str_eq(ours[i], theirs[i]);
	}
	ck_assert_ptr_nonnull(strchr(ours[1], 'N'));
	ck_assert_ptr_nonnull(strchr(ours[2], 's'));
}
END_TEST

START_TEST(zombie_then_gone)
{
	struct proc_info z;
	pid_t pid;
	int i, rc = -1, gone, err;

	if ((pid = fork()) == 0)
		_exit(0);
	ck_assert_int_gt(pid, 0);
	/* Until it has died: a zombie, since we do not reap it yet. */
	for (i = 0; i < 200; i++) {
		if ((rc = proc_read(procfd, pid, &z)) == 0 && z.state == 'Z')
			break;
		usleep(10000);
	}
	waitpid(pid, NULL, 0);
	gone = proc_read(procfd, pid, &pi);
	err = errno;
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(z.state, 'Z');
	ck_assert_str_eq(z.cmdline, "");
	ck_assert_int_eq(z.cwd_ok, 0);
	ck_assert_int_eq(z.nfds, 0);
	ck_assert_int_eq(z.ppid, getpid());
	ck_assert_int_eq(gone, -1);
	ck_assert_int_eq(err, ESRCH);
}
END_TEST

START_TEST(unreadable_fields_stay_unknown)
{
	pid_t target = getpid(), pid;
	int status;

	if (geteuid() != 0)
		lab_skip("needs root, to become another user (65534) who "
		    "cannot read our cwd and fds");
	if ((pid = fork()) == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (setgid(65534) == -1 || setuid(65534) == -1)
			_exit(10);
		if (proc_read(procfd, target, &pi) == -1)
			_exit(11);
		/* Our cwd and fds belong to root; stat and status do not. */
		_exit(pi.cwd_ok != 0 ? 12 : pi.nfds != -1 ? 13 :
		    pi.uid != 0 ? 14 : pi.pid != target ? 15 : 0);
	}
	ck_assert_int_gt(pid, 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

START_TEST(missing_pid)
{
	int rc = proc_read(procfd, INT_MAX, &pi);

	ck_assert_int_eq(rc, -1);
	ck_assert_int_eq(errno, ESRCH);
}
END_TEST

START_TEST(list_has_us)
{
	pid_t pids[8192], one;
	int n, i, self = 0, init = 0;

	n = proc_list(procfd, pids, 8192);
	ck_assert_int_gt(n, 1);
	ck_assert_int_le(n, 8192);
	for (i = 0; i < n; i++) {
		self |= pids[i] == getpid();
		init |= pids[i] == 1;
	}
	ck_assert(self && init);
	ck_assert_int_gt(proc_list(procfd, &one, 1), 1);
	ck_assert_int_gt(proc_list(procfd, pids, 8192), 1);    /* again */
}
END_TEST

/* Kernel threads, zombies, other users' daemons: each reads, or is gone. */
START_TEST(every_process_reads)
{
	static pid_t pids[8192];
	int n, i, read = 0, bad = 0;

	n = proc_list(procfd, pids, 8192);
	ck_assert_int_gt(n, 0);
	for (i = 0; i < n && i < 8192; i++) {
		if (proc_read(procfd, pids[i], &pi) == 0)
			read++;
		else if (errno != ESRCH && bad++ == 0)
			fprintf(stderr, "pid %ld: %s\n", (long)pids[i],
			    strerror(errno));
	}
	ck_assert_int_gt(read, 0);
	ck_assert_int_eq(bad, 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("proc");
	TCase *pure = tcase_create("parse"), *live = tcase_create("live");

	tcase_add_test(pure, stat_fields);
	tcase_add_test(pure, stat_hostile_names);
	tcase_add_test(pure, stat_long_name_is_cut);
	tcase_add_test(pure, stat_garbage_rejected);
	tcase_add_test(pure, status_fields);
	tcase_add_test(pure, status_missing_lines);
	tcase_add_test(pure, status_name_cannot_forge);
	tcase_add_test(pure, status_euid);
	tcase_add_test(pure, stat_flags_and_time);
	tcase_add_test(pure, stat_string_like_ps);
	suite_add_tcase(s, pure);

	tcase_add_checked_fixture(live, open_proc, close_proc);
	tcase_add_test(live, read_self);
	tcase_add_test(live, many_fds_keep_the_lowest);
	tcase_add_test(live, read_hostile_child);
	tcase_add_test(live, stat_string_matches_ps);
	tcase_add_test(live, zombie_then_gone);
	tcase_add_test(live, unreadable_fields_stay_unknown);
	tcase_add_test(live, missing_pid);
	tcase_add_test(live, list_has_us);
	tcase_add_test(live, every_process_reads);
	tcase_set_timeout(live, 30);
	suite_add_tcase(s, live);

	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
