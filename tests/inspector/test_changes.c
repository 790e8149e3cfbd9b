/* SPDX-License-Identifier: MIT */
/*
 * test_changes.c - "What changed": the sentences changes_describe() derives
 * from two hand-made looks at a process, columns_changed()'s bits, and the
 * FDS column. The looks are what /proc shows before and after each step of
 * design.md's table; the sentences that carry the lesson are asserted word
 * for word.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include "changes.h"
#include "columns.h"
#include "lab.h"

#define MAXS 16

static char out[MAXS][CHANGE_LEN];
static int nout;

static void
set_fd(struct look *l, int i, int fd, const char *target)
{
	l->p.fds[i].fd = fd;
	snprintf(l->p.fds[i].target, sizeof l->p.fds[i].target, "%s", target);
}

static void
set_ppid(struct look *l, pid_t ppid, const char *label)
{
	l->p.ppid = ppid;
	snprintf(l->ppid_label, sizeof l->ppid_label, "%s", label);
	snprintf(l->ppid_brief, sizeof l->ppid_brief, "%s", label);
}

/* step-start as bash's job on pts/3: PID 4242 leads its group, in bash's
 * session (812), in the foreground, with the forgotten file on fd 5. */
static struct look
started(void)
{
	struct look l;

	memset(&l, 0, sizeof l);
	l.p.pid = 4242;
	set_ppid(&l, 812, "812 bash");
	l.p.pgid = 4242;
	l.p.sid = 812;
	l.p.tty_nr = makedev(136, 3);
	snprintf(l.tty, sizeof l.tty, "pts/3");
	l.p.tpgid = 4242;
	l.p.state = 'S';
	snprintf(l.p.comm, sizeof l.p.comm, "step-start");
	l.p.nlwp = 1;
	l.p.starttime = 1000;
	l.p.uid = 1000;
	l.p.umask = 022;
	l.p.vmlck = 0;
	snprintf(l.p.cwd, sizeof l.p.cwd, "/home/ann");
	l.p.cwd_ok = 1;
	l.p.nfds = 4;
	set_fd(&l, 0, 0, "/dev/pts/3");
	set_fd(&l, 1, 1, "/dev/pts/3");
	set_fd(&l, 2, 2, "/dev/pts/3");
	set_fd(&l, 3, 5, "/tmp/daemonlab-x/forgotten.log");
	return l;
}

/* After step-fork (first, from a group leader). */
static struct look
forked(const struct look *before, pid_t adopter, const char *label)
{
	struct look l = *before;

	l.p.pid = before->p.pid + 1;
	set_ppid(&l, adopter, label);
	l.p.tpgid = 812;            /* bash took the terminal back */
	l.p.starttime++;
	return l;
}

/* After step-setsid. */
static struct look
setsid_done(const struct look *before)
{
	struct look l = *before;

	l.p.pgid = l.p.sid = l.p.pid;
	l.p.tty_nr = 0;
	snprintf(l.tty, sizeof l.tty, "?");
	l.p.tpgid = -1;
	return l;
}

static void
describe(const struct look *a, const struct look *b)
{
	memset(out, 0, sizeof out);
	nout = changes_describe(a, b, out, MAXS);
	ck_assert_int_ge(nout, 0);
	ck_assert_int_le(nout, MAXS);
}

static int
find(const char *sentence)
{
	int i;

	for (i = 0; i < nout; i++)
		if (strcmp(out[i], sentence) == 0)
			return i;
	return -1;
}

static int
find_part(const char *part)
{
	int i;

	for (i = 0; i < nout; i++)
		if (strstr(out[i], part) != NULL)
			return i;
	return -1;
}

static const char *
all(void)
{
	static char buf[MAXS * (CHANGE_LEN + 3)];
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < nout; i++)
		n += snprintf(buf + n, sizeof buf - n, "\n  [%s]", out[i]);
	return buf;
}

#define HAS(s) ck_assert_msg(find(s) >= 0, "missing \"%s\" in:%s", (s), all())
#define HAS_PART(s) ck_assert_msg(find_part(s) >= 0, \
	"no sentence contains \"%s\":%s", (s), all())
#define LACKS_PART(s) ck_assert_msg(find_part(s) < 0, \
	"a sentence contains \"%s\":%s", (s), all())

static void
no_control_bytes(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		ck_assert_msg(*p >= 0x20 && *p != 0x7f, "control byte 0x%02x "
		    "in \"%s\"", *p, s);
}

static void
format(int col, const struct look *l, char *buf, size_t size)
{
	columns[col].format(l, buf, size);
}

/* ------------------------------------------------------------------ */

START_TEST(nothing_changed_says_nothing)
{
	struct look a = started(), b = started();

	describe(&a, &b);
	ck_assert_int_eq(nout, 0);
	ck_assert_uint_eq(columns_changed(&a, &b), 0);
}
END_TEST

START_TEST(fork_adopted_by_init)
{
	struct look a = started(), b = forked(&a, 1, "1 init");

	describe(&a, &b);
	HAS("PID 4242 → 4243: a new process (fork); the parent exited, "
	    "the child goes on");
	HAS("PPID 812 → 1: its parent exited and init adopted it");
	HAS_PART("init adopted it");
	HAS("PID 4243 ≠ PGID 4242: no longer a group leader, so setsid() can "
	    "succeed");
	HAS("TPGID 4242 → 812: another group has the terminal; this one is "
	    "in the background");
	/* Same program (a fork is no exec), group, session, terminal. */
	LACKS_PART("COMMAND");
	LACKS_PART("SID");
	LACKS_PART("TTY");
	LACKS_PART("exec");
	ck_assert_int_eq(nout, 4);
	ck_assert_int_eq(find_part("PID 4242 → 4243"), 0);   /* PID first */
	ck_assert_uint_eq(columns_changed(&a, &b),
	    1u << COL_PPID | 1u << COL_PID | 1u << COL_TPGID | 1u << COL_STAT);
}
END_TEST

START_TEST(fork_adopted_by_a_subreaper)
{
	struct look a = started(),
	    b = forked(&a, 3412, "3412 daemonlab (subreaper)");

	describe(&a, &b);
	HAS("PPID 812 → 3412 daemonlab (subreaper): its parent exited; a "
	    "child subreaper adopted it, not init");
	LACKS_PART("init adopted it");
	HAS_PART("no longer a group leader");
}
END_TEST

/* step-fork --ready: the parent waits on the readiness pipe, so the
 * child is not adopted and nothing says its parent exited. */
START_TEST(fork_whose_parent_waits)
{
	struct look a = started(), b = forked(&a, 4242, "4242 step-fork");

	describe(&a, &b);
	HAS("PID 4242 → 4243: a new process (fork); the parent lives on and "
	    "waits, the child goes on");
	HAS("PPID 812 bash → 4242 step-fork");
	LACKS_PART("exited");
	HAS_PART("no longer a group leader");
}
END_TEST

START_TEST(ppid_change_without_adoption)
{
	struct look a = started(), b = started();

	set_ppid(&b, 900, "900 sh");
	describe(&a, &b);
	HAS("PPID 812 bash → 900 sh");
	ck_assert_int_eq(nout, 1);
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_PPID);
}
END_TEST

START_TEST(setsid_leads_a_new_session_without_a_terminal)
{
	struct look s = started(), a = forked(&s, 1, "1 init"),
	    b = setsid_done(&a);

	describe(&a, &b);
	HAS("PGID 4242 → 4243: it leads a new process group");
	HAS("SID 812 → 4243: it leads a new session");
	HAS_PART("it leads a new session");
	HAS("TTY pts/3 → ?: it has no controlling terminal any more");
	HAS_PART("it has no controlling terminal any more");
	/* TPGID went to -1 with the terminal: the TTY sentence says it. */
	LACKS_PART("TPGID");
	LACKS_PART("PID 4243 ≠");
	ck_assert_int_eq(nout, 3);
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_PGID |
	    1u << COL_SID | 1u << COL_TTY | 1u << COL_TPGID | 1u << COL_STAT);
}
END_TEST

START_TEST(second_fork_is_no_session_leader)
{
	struct look s = started(), f = forked(&s, 1, "1 init"),
	    a = setsid_done(&f), b = a;

	b.p.pid = a.p.pid + 1;      /* 4244, still in session 4243 */
	b.p.starttime++;
	describe(&a, &b);
	HAS("PID 4243 → 4244: a new process (fork); the parent exited, "
	    "the child goes on");
	HAS("PID 4244 ≠ SID 4243: not a session leader, so it cannot "
	    "acquire a controlling terminal (unless it calls setsid() again)");
	HAS_PART("not a session leader");
	HAS_PART("no longer a group leader");
	LACKS_PART("PPID");         /* init adopted both */
	LACKS_PART("it leads a new session");
	ck_assert_uint_eq(columns_changed(&a, &b),
	    1u << COL_PID | 1u << COL_STAT);
}
END_TEST

START_TEST(umask_cleared)
{
	struct look a = started(), b = started();

	b.p.umask = 0;
	describe(&a, &b);
	HAS("UMASK 0022 → 0000: what it creates gets exactly the mode it "
	    "asks for");
	ck_assert_int_eq(nout, 1);
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_UMASK);

	b.p.umask = 077;
	describe(&a, &b);
	HAS("UMASK 0022 → 0077");
	ck_assert_int_eq(nout, 1);
}
END_TEST

START_TEST(chdir_to_root)
{
	struct look a = started(), b = started();

	snprintf(b.p.cwd, sizeof b.p.cwd, "/");
	describe(&a, &b);
	HAS("CWD /home/ann → /: it keeps no mounted file system busy");
	ck_assert_int_eq(nout, 1);
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_CWD);

	/* Elsewhere than /: no lesson attached. */
	describe(&b, &a);
	HAS("CWD / → /home/ann");
}
END_TEST

START_TEST(closing_every_descriptor)
{
	struct look a = started(), b = started();

	b.p.nfds = 0;
	describe(&a, &b);
	HAS("FDS: all 4 descriptors closed (0 1 2 5), even 0, 1 and 2");
	LACKS_PART("now open");
	ck_assert_int_eq(nout, 1);
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_FDS);

	/* Only the forgotten one. */
	b = started();
	b.p.nfds = 3;
	describe(&a, &b);
	HAS("FDS: descriptors 5 closed");
	ck_assert_int_eq(nout, 1);
}
END_TEST

START_TEST(dev_null_on_0_1_2)
{
	struct look a = started(), b = started();

	a.p.nfds = 0;               /* after step-closefds */
	b.p.nfds = 3;
	set_fd(&b, 0, 0, "/dev/null");
	set_fd(&b, 1, 1, "/dev/null");
	set_fd(&b, 2, 2, "/dev/null");
	describe(&a, &b);
	HAS("FDS: now open: 0 null, 1 null, 2 null");
	LACKS_PART("closed");
	ck_assert_int_eq(nout, 1);

	/* Straight from the terminal to /dev/null: replaced, not closed. */
	a = started();
	b.p.nfds = 4;
	set_fd(&b, 3, 5, a.p.fds[3].target);
	describe(&a, &b);
	HAS("FDS: now open: 0 null, 1 null, 2 null");
	LACKS_PART("closed");
}
END_TEST

START_TEST(acquiring_a_terminal)
{
	struct look s = started(), f = forked(&s, 1, "1 init"),
	    a = setsid_done(&f), b = a;

	/* step-opentty after closefds and devnull: a fresh pty, no
	 * O_NOCTTY, from a session leader (the BSD path). */
	a.p.nfds = 3;
	set_fd(&a, 0, 0, "/dev/null");
	set_fd(&a, 1, 1, "/dev/null");
	set_fd(&a, 2, 2, "/dev/null");
	b = a;
	b.p.tty_nr = makedev(136, 5);
	snprintf(b.tty, sizeof b.tty, "pts/5");
	b.p.tpgid = b.p.pgid;
	b.p.nfds = 5;
	set_fd(&b, 3, 3, "/dev/ptmx");
	set_fd(&b, 4, 4, "/dev/pts/5");
	describe(&a, &b);
	HAS("TTY ? → pts/5: it acquired a controlling terminal");
	HAS("FDS: now open: 3 ptmx, 4 pts/5");
	LACKS_PART("TPGID");        /* said by the TTY sentence */
	ck_assert_int_eq(nout, 2);
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_TTY |
	    1u << COL_TPGID | 1u << COL_STAT | 1u << COL_FDS);

	/* One terminal for another. */
	a = started();
	b = started();
	b.p.tty_nr = makedev(136, 5);
	snprintf(b.tty, sizeof b.tty, "pts/5");
	describe(&a, &b);
	HAS("TTY pts/3 → pts/5");
}
END_TEST

START_TEST(terminal_foreground_and_background)
{
	struct look a = started(), b = started();

	/* bash put another job in the foreground. */
	b.p.tpgid = 5000;
	describe(&a, &b);
	HAS("TPGID 4242 → 5000: another group has the terminal; this one "
	    "is in the background");
	ck_assert_int_eq(nout, 1);
	ck_assert_uint_eq(columns_changed(&a, &b),
	    1u << COL_TPGID | 1u << COL_STAT);   /* "S+" -> "S" */

	/* ...and gave it back (fg). */
	describe(&b, &a);
	HAS("TPGID 5000 → 4242: its group has the terminal (foreground)");
	ck_assert_int_eq(nout, 1);

	/* Without a terminal, TPGID is no news. */
	a.p.tty_nr = b.p.tty_nr = 0;
	snprintf(a.tty, sizeof a.tty, "?");
	snprintf(b.tty, sizeof b.tty, "?");
	describe(&a, &b);
	LACKS_PART("TPGID");
}
END_TEST

/* With "-- CMD", the launcher's shell forks the job, which is "shell"
 * until it execs the command: the shell starting a job, not a step. */
START_TEST(the_shell_starts_the_job)
{
	struct look a = started(), b;

	snprintf(a.p.comm, sizeof a.p.comm, "shell");
	set_ppid(&a, 812, "812 shell");
	b = a;
	snprintf(b.p.comm, sizeof b.p.comm, "sleep");
	describe(&a, &b);
	HAS("COMMAND shell → sleep: the shell started the job (fork, then "
	    "exec of the command)");
	ck_assert_int_eq(nout, 1);
	/* A program called "shell" whose parent is another is exec'd as
	 * any other. */
	set_ppid(&a, 812, "812 bash");
	set_ppid(&b, 812, "812 bash");
	describe(&a, &b);
	HAS("COMMAND shell → sleep: exec ran a new program in the same "
	    "process");
}
END_TEST

START_TEST(exec_keeps_the_pid)
{
	struct look a = started(), b = started();

	snprintf(b.p.comm, sizeof b.p.comm, "step-umask");
	describe(&a, &b);
	HAS("COMMAND step-start → step-umask: exec ran a new program in the "
	    "same process");
	ck_assert_int_eq(nout, 1);
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_COMMAND);

	/* A new program in a new process is no exec of this one. */
	b.p.pid = 4300;
	describe(&a, &b);
	HAS("COMMAND step-start → step-umask");
	LACKS_PART("exec ran");
}
END_TEST

START_TEST(zombie)
{
	struct look a = started(), b = started();

	b.p.state = 'Z';
	describe(&a, &b);
	HAS("STAT Z: it exited, but its parent has not reaped it yet "
	    "(a zombie)");
	ck_assert_int_eq(nout, 1);
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_STAT);
	/* A zombie stays one: no news. */
	describe(&b, &b);
	ck_assert_int_eq(nout, 0);
}
END_TEST

/* Reaped: no longer a zombie, whatever the last look saw. Its STAT
 * says how it ended, as the run collected it, never a running state. */
START_TEST(exited_is_no_zombie)
{
	struct look a = started(), b = started();
	char cell[64];

	b.p.state = 'Z';
	b.p.exited = 1;
	describe(&a, &b);
	LACKS_PART("zombie");
	b.p.state = 'R';
	columns_cell(COL_STAT, &b, 0, cell, sizeof cell);
	ck_assert_str_eq(cell, "exited");
	b.status_known = 1;
	b.status = W_EXITCODE(0, 0);
	columns_cell(COL_STAT, &b, 0, cell, sizeof cell);
	ck_assert_str_eq(cell, "exit 0");
	b.status = W_EXITCODE(1, 0);
	columns_cell(COL_STAT, &b, 0, cell, sizeof cell);
	ck_assert_str_eq(cell, "exit 1");
	b.status = W_EXITCODE(0, SIGHUP);
	columns_cell(COL_STAT, &b, 0, cell, sizeof cell);
	ck_assert_str_eq(cell, "SIGHUP");
}
END_TEST

START_TEST(uid_change)
{
	struct look a = started(), b = started();

	b.p.uid = 0;
	describe(&a, &b);
	HAS("UID 1000 → 0");
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_UID);
}
END_TEST

START_TEST(whole_steps_in_order)
{
	/* The first fork, in one look: sentences come in table order. */
	struct look a = started(), b = forked(&a, 1, "1 init");
	int pid, ppid, pgid, tpgid;

	describe(&a, &b);
	pid = find_part("PID 4242 → 4243");
	ppid = find_part("PPID 812 → 1");
	pgid = find_part("≠ PGID");
	tpgid = find_part("TPGID");
	ck_assert(pid >= 0 && ppid > pid && pgid > ppid && tpgid > pgid);
}
END_TEST

START_TEST(max_is_respected)
{
	struct look s = started(), a = forked(&s, 1, "1 init"), b;
	char few[2][CHANGE_LEN];

	b = setsid_done(&a);
	b.p.pid = 9999;
	b.p.umask = 0;
	snprintf(b.p.cwd, sizeof b.p.cwd, "/");
	b.p.nfds = 0;
	snprintf(b.p.comm, sizeof b.p.comm, "other");
	describe(&a, &b);
	ck_assert_int_ge(nout, 6);
	ck_assert_int_eq(changes_describe(&a, &b, few, 2), 2);
	ck_assert_str_eq(few[0], out[0]);
	ck_assert_str_eq(few[1], out[1]);
	ck_assert_int_eq(changes_describe(&a, &b, few, 0), 0);
}
END_TEST

START_TEST(hostile_bytes_never_reach_a_sentence)
{
	struct look a = started(), b = started();
	int i;

	snprintf(a.p.comm, sizeof a.p.comm, "a) R 1 2\033[2J\n");
	snprintf(b.p.comm, sizeof b.p.comm, "\033]0;owned\007\x7f\x9b""1m");
	snprintf(b.p.cwd, sizeof b.p.cwd, "/tmp/\033[31mred\r\n");
	set_fd(&b, 3, 5, "/tmp/\033[H\033[2Jlog\b");
	describe(&a, &b);
	ck_assert_int_eq(nout, 3);
	for (i = 0; i < nout; i++)
		no_control_bytes(out[i]);
	HAS_PART("COMMAND a) R 1 2\\033[2J\\n → \\033]0;owned\\a\\177");
	HAS_PART("CWD /home/ann → /tmp/\\033[31mred\\r\\n");
	HAS_PART("5 \\033[H\\033[2Jlog\\b");
}
END_TEST

/* ------------------------------------------------------------------ */

START_TEST(fds_column)
{
	struct look l = started();
	char buf[128];
	int i;

	format(COL_FDS, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "0-2 pts/3 +1");

	l.p.nfds = 0;
	format(COL_FDS, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "none");

	l.p.nfds = -1;              /* not ours to read */
	format(COL_FDS, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "-");

	l.p.nfds = 3;
	set_fd(&l, 0, 0, "/dev/null");
	set_fd(&l, 1, 1, "/dev/null");
	set_fd(&l, 2, 2, "/dev/null");
	format(COL_FDS, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "0-2 null");

	/* step-opentty after devnull. */
	l.p.nfds = 5;
	set_fd(&l, 3, 3, "/dev/ptmx");
	set_fd(&l, 4, 4, "/dev/pts/5");
	format(COL_FDS, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "0-2 null +2");

	/* Mixed: each of 0, 1, 2 by its own name. */
	l.p.nfds = 3;
	set_fd(&l, 1, 1, "/dev/pts/3");
	set_fd(&l, 2, 2, "/var/log/app.log");
	format(COL_FDS, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "null,pts/3,app.log");

	/* A hole at 1, a socket beyond. */
	l.p.nfds = 3;
	set_fd(&l, 0, 0, "/dev/null");
	set_fd(&l, 1, 2, "/dev/null");
	set_fd(&l, 2, 3, "socket:[12345]");
	format(COL_FDS, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "null,-,null +1");

	/* Only others: 0, 1, 2 all closed. */
	l.p.nfds = 2;
	set_fd(&l, 0, 3, "pipe:[77]");
	set_fd(&l, 1, 7, "anon_inode:[eventfd]");
	format(COL_FDS, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "0-2 - +2");

	/* More than the look keeps: the rest still count. */
	l.p.nfds = 100;
	l.p.fds_truncated = 1;
	for (i = 0; i < PROC_MAX_FDS; i++)
		set_fd(&l, i, i, "/dev/null");
	format(COL_FDS, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "0-2 null +97");

	/* A hostile file name on 0-2. */
	l.p.nfds = 3;
	set_fd(&l, 0, 0, "/tmp/\033[31mred");
	set_fd(&l, 1, 1, "/tmp/\033[31mred");
	set_fd(&l, 2, 2, "/tmp/\033[31mred");
	format(COL_FDS, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "0-2 \\033[31mred");
}
END_TEST

START_TEST(fd_short_names)
{
	char buf[64];

	columns_fd_short("/dev/pts/3", buf, sizeof buf);
	ck_assert_str_eq(buf, "pts/3");
	columns_fd_short("/dev/null", buf, sizeof buf);
	ck_assert_str_eq(buf, "null");
	columns_fd_short("/dev/ptmx", buf, sizeof buf);
	ck_assert_str_eq(buf, "ptmx");
	columns_fd_short("/dev/tty1", buf, sizeof buf);
	ck_assert_str_eq(buf, "tty1");
	columns_fd_short("socket:[4711]", buf, sizeof buf);
	ck_assert_str_eq(buf, "socket");
	columns_fd_short("pipe:[4711]", buf, sizeof buf);
	ck_assert_str_eq(buf, "pipe");
	columns_fd_short("anon_inode:[eventfd]", buf, sizeof buf);
	ck_assert_str_eq(buf, "anon_inode");
	columns_fd_short("/var/log/x.log", buf, sizeof buf);
	ck_assert_str_eq(buf, "x.log");
	columns_fd_short("/", buf, sizeof buf);
	ck_assert_str_eq(buf, "/");
	columns_fd_short("/tmp/a\nb", buf, sizeof buf);
	ck_assert_str_eq(buf, "a\\nb");
	columns_fd_short("/tmp/x (deleted)", buf, sizeof buf);
	ck_assert_str_eq(buf, "x (deleted)");
	/* Cut short, still terminated and never mid-escape. */
	columns_fd_short("/tmp/\033\033\033\033", buf, 6);
	ck_assert_str_eq(buf, "\\033");
}
END_TEST

START_TEST(changed_bits)
{
	struct look a = started(), b = started();

	ck_assert_uint_eq(columns_changed(&a, &b), 0);

	b.p.nfds = 3;               /* fd 5 closed */
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_FDS);
	b = started();
	set_fd(&b, 3, 5, "/tmp/other");   /* same count, other file */
	/* FDS prints 0-2 and a count: the column stays, a sentence tells. */
	ck_assert_uint_eq(columns_changed(&a, &b), 0);
	describe(&a, &b);
	HAS("FDS: now open: 5 other");
	ck_assert_int_eq(nout, 1);

	/* A value that prints the same is no change: starttime, the
	 * cmdline, a thread count of one either way. */
	b = started();
	b.p.starttime = 99;
	snprintf(b.p.cmdline, sizeof b.p.cmdline, "step-start step-umask");
	b.p.nlwp = 0;
	ck_assert_uint_eq(columns_changed(&a, &b), 0);

	/* Every column at once. */
	b = started();
	b.p.pid = 1; b.p.ppid = 2; b.p.pgid = 3; b.p.sid = 4; b.p.tpgid = 5;
	snprintf(b.ppid_label, sizeof b.ppid_label, "2 x");
	snprintf(b.tty, sizeof b.tty, "?");
	b.p.state = 'R';
	b.p.uid = 0;
	b.p.umask = 0;
	snprintf(b.p.cwd, sizeof b.p.cwd, "/");
	b.p.nfds = 0;
	snprintf(b.p.comm, sizeof b.p.comm, "x");
	ck_assert_uint_eq(columns_changed(&a, &b), (1u << NCOLUMNS) - 1);

	/* Unknown values print as "-". */
	b = started();
	b.p.umask = -1;
	b.p.uid = -1;
	b.p.cwd_ok = 0;
	ck_assert_uint_eq(columns_changed(&a, &b),
	    1u << COL_UMASK | 1u << COL_UID | 1u << COL_CWD);
}
END_TEST

/* A narrow screen draws PPID without the subreaper's name; what changed
 * is still decided on the full label (issue 7: the story must not
 * depend on the width of the last screen). */
START_TEST(brief_ppid_hides_the_name)
{
	struct look a = started(), b = started();
	char buf[64];

	set_ppid(&a, 3412, "3412 daemonlab (subreaper)");
	snprintf(a.ppid_brief, sizeof a.ppid_brief, "3412 (subreaper)");
	b = a;
	snprintf(b.ppid_label, sizeof b.ppid_label, "3412 other (subreaper)");
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_PPID);
	format(COL_PPID, &a, buf, sizeof buf);
	ck_assert_str_eq(buf, "3412 daemonlab (subreaper)");
	columns_cell(COL_PPID, &a, 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "3412 (subreaper)");
	columns_cell(COL_PPID, &a, 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "3412 daemonlab (subreaper)");
	ck_assert_uint_eq(columns_changed(&a, &b), 1u << COL_PPID);
}
END_TEST

START_TEST(other_columns_format)
{
	struct look l = started();
	char buf[128];

	format(COL_PPID, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "812 bash");
	format(COL_PID, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "4242");
	format(COL_TTY, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "pts/3");
	format(COL_TPGID, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "4242");
	format(COL_STAT, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "S+");
	format(COL_UMASK, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "0022");
	format(COL_UID, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "1000");
	format(COL_CWD, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "/home/ann");
	format(COL_COMMAND, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "step-start");

	l = setsid_done(&l);
	format(COL_STAT, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "Ss");
	format(COL_TPGID, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "-1");
	l.p.umask = -1;
	format(COL_UMASK, &l, buf, sizeof buf);
	ck_assert_str_eq(buf, "-");
}
END_TEST

/* A zombie as proc_read() sees it: the kernel no longer shows its Umask:
 * line, its cwd or its descriptors; none of that is news, its death is.
 * (Once a bug: the unknown umask printed as 37777777777.) */
START_TEST(zombie_without_umask_cwd_or_fds)
{
	struct look a = started(), b = started();
	char umask_col[16];
	int i;

	b.p.state = 'Z';
	b.p.umask = -1;
	b.p.cwd_ok = 0;
	b.p.cwd[0] = '\0';
	b.p.nfds = 0;
	b.p.vmlck = -1;
	format(COL_UMASK, &b, umask_col, sizeof umask_col);
	ck_assert_str_eq(umask_col, "-");       /* the column is right */
	describe(&a, &b);
	HAS("STAT Z: it exited, but its parent has not reaped it yet "
	    "(a zombie)");
	for (i = 0; i < nout; i++)
		ck_assert_msg(strstr(out[i], "37777777777") == NULL,
		    "an unknown umask printed as a number: \"%s\"", out[i]);
}
END_TEST

int
main(void)
{
	Suite *s;
	TCase *tc, *cols;

	{
		s = suite_create("changes");
		tc = tcase_create("sentences");
		tcase_add_test(tc, nothing_changed_says_nothing);
		tcase_add_test(tc, fork_adopted_by_init);
		tcase_add_test(tc, fork_adopted_by_a_subreaper);
		tcase_add_test(tc, fork_whose_parent_waits);
		tcase_add_test(tc, ppid_change_without_adoption);
		tcase_add_test(tc, setsid_leads_a_new_session_without_a_terminal);
		tcase_add_test(tc, second_fork_is_no_session_leader);
		tcase_add_test(tc, umask_cleared);
		tcase_add_test(tc, chdir_to_root);
		tcase_add_test(tc, closing_every_descriptor);
		tcase_add_test(tc, dev_null_on_0_1_2);
		tcase_add_test(tc, acquiring_a_terminal);
		tcase_add_test(tc, terminal_foreground_and_background);
		tcase_add_test(tc, exec_keeps_the_pid);
	tcase_add_test(tc, the_shell_starts_the_job);
		tcase_add_test(tc, zombie);
		tcase_add_test(tc, exited_is_no_zombie);
		tcase_add_test(tc, zombie_without_umask_cwd_or_fds);
		tcase_add_test(tc, uid_change);
		tcase_add_test(tc, whole_steps_in_order);
		tcase_add_test(tc, max_is_respected);
		tcase_add_test(tc, hostile_bytes_never_reach_a_sentence);
		suite_add_tcase(s, tc);
		cols = tcase_create("columns");
		tcase_add_test(cols, fds_column);
		tcase_add_test(cols, fd_short_names);
		tcase_add_test(cols, changed_bits);
		tcase_add_test(cols, brief_ppid_hides_the_name);
		tcase_add_test(cols, other_columns_format);
		suite_add_tcase(s, cols);
	}
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
