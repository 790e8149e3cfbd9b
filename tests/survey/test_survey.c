/* SPDX-License-Identifier: MIT */
/*
 * test_survey.c - daemonlab --survey: kinds, columns, claims.
 *
 *   recorded_*     the classifier is a pure function of a look: looks
 *                  written here by hand, no /proc
 *   population     processes this test starts, one of each kind, each
 *                  classified right in a live look
 *   ps_agrees      PPID PID PGID SID TTY TPGID equal to ps -axj for every
 *                  process stable across two looks
 *   kthreads       the real kernel threads of this machine, decided by
 *                  PF_KTHREAD as this test reads it from stat itself
 *   hostile        a process name and arguments full of escape codes
 *                  print as inert text, flat and tree
 *   vanishing      processes dying in mid-look never break a look
 *   claims         the summary's counts equal counts this test makes
 *                  itself from /proc
 *
 * Every process is killed and reaped, by lab_finish() and lab_run().
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "facts.h"
#include "lab.h"
#include "proc.h"
#include "survey.h"
#include "text.h"

#define KTHREAD 0x00200000u     /* PF_KTHREAD, include/linux/sched.h */

/* --- Recorded looks ---------------------------------------------------- */

static struct survey_proc
rec(pid_t pid, pid_t ppid, pid_t pgid, pid_t sid, unsigned tty, pid_t tpgid,
    char state, unsigned flags)
{
	struct survey_proc p;

	memset(&p, 0, sizeof p);
	p.pid = pid;
	p.ppid = ppid;
	p.pgid = pgid;
	p.sid = sid;
	p.tty_nr = tty;
	p.tpgid = tpgid;
	p.state = state;
	p.flags = flags;
	p.euid = 0;
	p.vmlck = -1;
	p.nlwp = 1;
	snprintf(p.comm, sizeof p.comm, "p%d", (int)pid);
	return p;
}

static enum survey_kind
kind_of(struct survey_proc *look, int n, pid_t pid)
{
	int i = survey_find(look, n, pid);

	ck_assert_msg(i >= 0, "PID %d not in the look", (int)pid);
	return look[i].kind;
}

#define PTS 0x8800u     /* /dev/pts/0: major 136 */

START_TEST(recorded_kinds)
{
	/* A machine as a book would draw it; sorted by PID. */
	struct survey_proc look[] = {
		rec(1, 0, 1, 1, 0, -1, 'S', 0),                 /* init */
		rec(2, 0, 0, 0, 0, -1, 'S', KTHREAD),           /* kthreadd */
		rec(3, 2, 0, 0, 0, -1, 'I', KTHREAD),           /* kworker */
		rec(40, 2, 0, 0, 0, -1, 'S', 0),                /* usermode helper */
		rec(100, 1, 100, 100, 0, -1, 'S', 0),           /* setsid daemon */
		rec(200, 1, 200, 200, 0, -1, 'S', 0),           /* nginx master */
		rec(201, 200, 200, 200, 0, -1, 'S', 0),         /* its worker */
		rec(300, 1, 299, 299, 0, -1, 'S', 0),           /* double fork */
		rec(400, 1, 400, 400, PTS, 420, 'S', 0),        /* a shell */
		rec(410, 400, 410, 400, PTS, 420, 'T', 0),      /* bg job */
		rec(420, 400, 420, 400, PTS, 420, 'S', 0),      /* fg job */
		rec(430, 1, 425, 400, PTS, 420, 'S', 0),        /* (cmd &): orphaned */
		rec(440, 400, 440, 400, PTS, 420, 'Z', 0),      /* zombie */
		rec(500, 1, 500, 500, 0, -1, 'S', 0),           /* subreaper */
		rec(510, 500, 505, 505, 0, -1, 'S', 0),         /* its adoptee */
		rec(600, 1, 600, 590, 0, -1, 'S', 0),           /* nohup, logged out */
		rec(700, 1, 700, 700, 0, -1, 'S', 0),           /* systemd --user */
		rec(701, 700, 701, 701, 0, -1, 'S', 0),
		rec(702, 700, 702, 702, 0, -1, 'S', 0),
		rec(703, 700, 703, 703, 0, -1, 'S', 0),
	};
	int n = sizeof look / sizeof look[0];

	survey_classify(look, n);
	ck_assert_int_eq(kind_of(look, n, 1), SK_INIT);
	ck_assert_int_eq(kind_of(look, n, 2), SK_KTHREAD);
	ck_assert_int_eq(kind_of(look, n, 3), SK_KTHREAD);
	/* PPID 2 alone proves nothing: no PF_KTHREAD, so not a kernel
	 * thread; SID 0: no kind of the book fits. */
	ck_assert_int_eq(kind_of(look, n, 40), SK_UNKNOWN);
	ck_assert_int_eq(kind_of(look, n, 100), SK_DAEMON_LEADER);
	ck_assert_int_eq(kind_of(look, n, 200), SK_DAEMON_LEADER);
	ck_assert_int_eq(kind_of(look, n, 201), SK_WORKER);
	ck_assert_int_eq(kind_of(look, n, 300), SK_DAEMON_FORKED);
	ck_assert_int_eq(kind_of(look, n, 400), SK_SHELL);
	ck_assert_int_eq(kind_of(look, n, 410), SK_BACKGROUND);
	ck_assert_int_eq(kind_of(look, n, 420), SK_FOREGROUND);
	ck_assert_int_eq(kind_of(look, n, 430), SK_ORPHANED);
	ck_assert_int_eq(kind_of(look, n, 440), SK_ZOMBIE);
	ck_assert_int_eq(kind_of(look, n, 500), SK_MANAGER);
	ck_assert_int_eq(kind_of(look, n, 510), SK_DAEMON_FORKED);
	ck_assert_int_eq(kind_of(look, n, 600), SK_ORPHANED);
	ck_assert_int_eq(kind_of(look, n, 700), SK_MANAGER);
	ck_assert_int_eq(kind_of(look, n, 701), SK_DAEMON_LEADER);
}
END_TEST

START_TEST(recorded_claims)
{
	struct survey_proc look[] = {
		rec(1, 0, 1, 1, 0, -1, 'S', 0),
		rec(2, 0, 0, 0, 0, -1, 'S', KTHREAD),
		rec(3, 2, 0, 0, 0, -1, 'I', KTHREAD),
		rec(100, 1, 100, 100, 0, -1, 'S', 0),
		rec(200, 1, 200, 200, 0, -1, 'S', 0),
		rec(201, 200, 200, 200, 0, -1, 'S', 0),
		rec(202, 200, 200, 200, 0, -1, 'S', 0),
		rec(300, 1, 299, 299, 0, -1, 'S', 0),
		rec(400, 1, 400, 400, PTS, 400, 'S', 0),
	};
	int n = sizeof look / sizeof look[0];
	struct survey_summary s;
	char lines[12][512];
	int k;

	look[5].euid = 33;     /* the workers dropped privileges */
	look[6].euid = 33;
	survey_classify(look, n);
	survey_summarize(look, n, &s);
	ck_assert_int_eq(s.total, n);
	ck_assert_int_eq(s.ppid0, 2);
	ck_assert_int_eq(s.ppid0_kthreads, 1);
	ck_assert_int_eq(s.ppid0_user[0], 1);
	ck_assert_int_eq(s.kthreads, 2);
	ck_assert_int_eq(s.daemons, 5);         /* 100 200 201 202 300 */
	ck_assert_int_eq(s.daemons_root, 3);
	ck_assert_int_eq(s.other_uid[0], 33);
	ck_assert_int_eq(s.other_uid_n[0], 2);
	ck_assert_int_eq(s.leaders, 2);
	ck_assert_int_eq(s.not_leading[SK_WORKER], 2);
	ck_assert_int_eq(s.not_leading[SK_DAEMON_FORKED], 1);
	ck_assert_int_eq(s.alone, 1);           /* 200 has its workers */
	ck_assert_int_eq(s.crowded[0], 200);
	ck_assert_int_eq(s.under_init, 3);
	ck_assert_int_eq(s.other_parent[0], 200);
	ck_assert_int_eq(s.other_parent_n[0], 2);

	text_use("en");
	k = survey_claims(look, n, &s, lines, 12);
	ck_assert_int_ge(k, 7);
	ck_assert_ptr_nonnull(strstr(lines[4], "leads its group and session: "
	    "2 of 5 — 1 daemon/2fork, 2 worker"));
	ck_assert_ptr_nonnull(strstr(lines[3], "3 of 5"));
	ck_assert_ptr_nonnull(strstr(lines[3], "2 as UID 33"));
	ck_assert_ptr_nonnull(strstr(lines[3], "effective uid"));
	text_use("zh-CN");
	k = survey_claims(look, n, &s, lines, 12);
	ck_assert_ptr_nonnull(strstr(lines[4], "2 / 5"));
	ck_assert_ptr_nonnull(strstr(lines[3], "有效用户 ID"));
	text_use("en");
}
END_TEST

START_TEST(recorded_tree)
{
	struct survey_proc look[] = {
		rec(1, 0, 1, 1, 0, -1, 'S', 0),
		rec(2, 0, 0, 0, 0, -1, 'S', KTHREAD),
		rec(3, 2, 0, 0, 0, -1, 'I', KTHREAD),
		rec(10, 1, 10, 10, 0, -1, 'S', 0),
		rec(11, 10, 10, 10, 0, -1, 'S', 0),
		rec(12, 1, 12, 12, 0, -1, 'S', 0),
	};
	int n = sizeof look / sizeof look[0], order[8], depth[8], k;
	static const int want[] = { 0, 3, 4, 5, 1, 2 };
	static const int want_depth[] = { 0, 1, 2, 1, 0, 1 };
	char cmd[64];

	survey_classify(look, n);
	k = survey_order(look, n, 1, -1, order, depth);
	ck_assert_int_eq(k, n);
	for (k = 0; k < n; k++) {
		ck_assert_int_eq(order[k], want[k]);
		ck_assert_int_eq(depth[k], want_depth[k]);
	}
	survey_command(&look[4], 2, cmd, sizeof cmd);
	ck_assert_str_eq(cmd, "     \\_ [p11]");
	k = survey_order(look, n, 0, SK_KTHREAD, order, depth);
	ck_assert_int_eq(k, 2);
	ck_assert_int_eq(order[0], 1);
}
END_TEST

/* --- A live population ------------------------------------------------ */

static void
sleep_forever(void)
{
	for (;;)
		pause();
}

/* Writes the PID of a grandchild to fd, for the test to find it. */
static void
tell(int fd, pid_t pid)
{
	if (write(fd, &pid, sizeof pid) != sizeof pid)
		_exit(98);
}

static pid_t
hear(int fd)
{
	pid_t pid = 0;

	ck_assert_int_eq(read(fd, &pid, sizeof pid), sizeof pid);
	return pid;
}

/* Waits until the test's own reading of pid satisfies ok(). */
static void
wait_for(pid_t pid, int (*ok)(const struct facts_brief *), const char *what)
{
	long deadline = lab_now_ms() + 5000;
	struct facts_brief m;

	while (lab_now_ms() < deadline) {
		if (facts_read_brief(pid, &m) == 0 && ok(&m))
			return;
		usleep(10000);
	}
	ck_abort_msg("PID %d: never %s", (int)pid, what);
}

static int no_tty(const struct facts_brief *m) { return m->tty == 0; }
static int sleeping(const struct facts_brief *m) { return m->state == 'S'; }
static int zombie(const struct facts_brief *m) { return m->state == 'Z'; }

/* A process on a pty of its own, leading its session; job control as a
 * shell does it. The leader forks jobs as the tests ask through a pipe. */
struct pty_shell {
	pid_t leader;
	int master, ask, answer;
};

enum job { JOB_FG, JOB_BG, JOB_ORPHAN, JOB_NOHUP };

static void
leader_main(int ask, int answer)
{
	char what;
	pid_t job, inner;
	int p[2];

	signal(SIGTTOU, SIG_IGN);
	while (read(ask, &what, 1) == 1) {
		if (pipe(p) == -1)
			_exit(97);
		if ((job = fork()) == 0) {
			setpgid(0, 0);
			if (what == JOB_FG)
				tcsetpgrp(0, getpid());
			if (what == JOB_ORPHAN) {
				/* (cmd &): the job's first process forks
				 * and exits; its child stays in the group. */
				if ((inner = fork()) == 0) {
					close(p[0]);
					sleep_forever();
				}
				tell(p[1], inner);
				_exit(0);
			}
			tell(p[1], getpid());
			if (what == JOB_NOHUP) {
				/* Output not to the terminal: no nohup.out. */
				int null = open("/dev/null", O_WRONLY);

				close(p[1]);
				dup2(null, 1);
				dup2(null, 2);
				execlp("nohup", "nohup", "sleep", "1000", (char *)NULL);
				_exit(96);
			}
			sleep_forever();
		}
		setpgid(job, job);
		close(p[1]);
		if (read(p[0], &inner, sizeof inner) != sizeof inner)
			_exit(95);
		close(p[0]);
		if (what == JOB_ORPHAN)
			waitpid(job, NULL, 0);
		if (write(answer, &inner, sizeof inner) != sizeof inner)
			_exit(94);
	}
	_exit(0);
}

static void
pty_shell_start(struct pty_shell *s)
{
	int ask[2], answer[2];

	ck_assert_int_eq(pipe(ask), 0);
	ck_assert_int_eq(pipe(answer), 0);
	s->leader = forkpty(&s->master, NULL, NULL, NULL);
	ck_assert_int_ge(s->leader, 0);
	if (s->leader == 0) {
		close(ask[1]);
		close(answer[0]);
		leader_main(ask[0], answer[1]);
	}
	close(ask[0]);
	close(answer[1]);
	s->ask = ask[1];
	s->answer = answer[0];
}

static pid_t
pty_job(struct pty_shell *s, enum job what)
{
	char c = what;

	ck_assert_int_eq(write(s->ask, &c, 1), 1);
	return hear(s->answer);
}

static enum survey_kind
live_kind(struct survey *sv, pid_t pid)
{
	int i = survey_find(sv->procs, sv->n, pid);

	ck_assert_msg(i >= 0, "PID %d not in the look", (int)pid);
	return sv->procs[i].kind;
}

#define EXPECT_KIND(sv, pid, kind) \
	ck_assert_msg(live_kind(sv, pid) == (kind), \
	    "PID %d (%s): %s, expected %s", (int)(pid), #kind, \
	    text_say(T_SKN_KTHREAD + live_kind(sv, pid)), \
	    text_say(T_SKN_KTHREAD + (kind)))

START_TEST(population)
{
	struct lab lab;
	struct pty_shell sh, gone;
	struct survey sv;
	pid_t forked, leader, master, worker, zomb, reaper, adoptee;
	pid_t fg, bg, orphan, nohup, middle;
	int p[2];
	char why[1024], me[32];

	lab_init(&lab);
	text_use("en");
	ck_assert_int_eq(pipe(p), 0);

	/* Double fork: setsid, fork again, the middle exits. */
	if ((middle = fork()) == 0) {
		setsid();
		if ((forked = fork()) == 0)
			sleep_forever();
		tell(p[1], forked);
		_exit(0);
	}
	forked = hear(p[0]);
	waitpid(middle, NULL, 0);

	/* setsid() daemon: one fork, setsid, stays. */
	if ((leader = fork()) == 0) {
		setsid();
		sleep_forever();
	}

	/* A master and its worker, in the master's session and group. */
	if ((master = fork()) == 0) {
		setsid();
		if ((worker = fork()) == 0)
			sleep_forever();
		tell(p[1], worker);
		sleep_forever();
	}
	worker = hear(p[0]);

	/* A zombie: exited, not reaped (by us: its parent). */
	if ((zomb = fork()) == 0)
		_exit(0);

	/* A subreaper that adopts a double-forked grandchild. */
	if ((reaper = fork()) == 0) {
		prctl(PR_SET_CHILD_SUBREAPER, 1);
		if ((middle = fork()) == 0) {
			setsid();
			if ((adoptee = fork()) == 0)
				sleep_forever();
			tell(p[1], adoptee);
			_exit(0);
		}
		waitpid(middle, NULL, 0);
		sleep_forever();
	}
	adoptee = hear(p[0]);

	/* Jobs on a pty: fg, bg, an orphaned group. */
	pty_shell_start(&sh);
	bg = pty_job(&sh, JOB_BG);
	orphan = pty_job(&sh, JOB_ORPHAN);
	fg = pty_job(&sh, JOB_FG);

	/* nohup'd, then its session's leader exits: logged out. */
	pty_shell_start(&gone);
	nohup = pty_job(&gone, JOB_NOHUP);
	wait_for(nohup, sleeping, "asleep in nohup's sleep");
	kill(gone.leader, SIGKILL);
	ck_assert_int_eq(waitpid(gone.leader, NULL, 0), gone.leader);
	wait_for(nohup, no_tty, "without its terminal after the logout");
	wait_for(zomb, zombie, "a zombie");
	wait_for(adoptee, sleeping, "asleep");

	ck_assert_int_eq(survey_open(&sv), 0);
	ck_assert_int_eq(survey_look(&sv), 0);
	EXPECT_KIND(&sv, forked, SK_DAEMON_FORKED);
	EXPECT_KIND(&sv, leader, SK_DAEMON_LEADER);
	EXPECT_KIND(&sv, master, SK_DAEMON_LEADER);
	EXPECT_KIND(&sv, worker, SK_WORKER);
	EXPECT_KIND(&sv, zomb, SK_ZOMBIE);
	EXPECT_KIND(&sv, reaper, SK_MANAGER);
	EXPECT_KIND(&sv, adoptee, SK_DAEMON_FORKED);
	EXPECT_KIND(&sv, sh.leader, SK_SHELL);
	EXPECT_KIND(&sv, fg, SK_FOREGROUND);
	EXPECT_KIND(&sv, bg, SK_BACKGROUND);
	EXPECT_KIND(&sv, orphan, SK_ORPHANED);
	EXPECT_KIND(&sv, nohup, SK_ORPHANED);

	/* The zombie's explanation names who must reap it: us. */
	survey_why(&sv.procs[survey_find(sv.procs, sv.n, zomb)], sv.procs,
	    sv.n, why, sizeof why);
	snprintf(me, sizeof me, "%d ", (int)getpid());
	ck_assert_msg(strstr(why, me) != NULL, "%s does not name %s", why, me);
	/* The manager's says how it was recognised: one adoption. */
	survey_why(&sv.procs[survey_find(sv.procs, sv.n, reaper)], sv.procs,
	    sv.n, why, sizeof why);
	ck_assert_msg(strncmp(why, "1 orphans", 9) == 0, "%s", why);
	survey_close(&sv);
	close(sh.master);
	close(gone.master);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* --- Against ps -axj --------------------------------------------------- */

struct psrow {
	pid_t ppid, pid, pgid, sid, tpgid;
	char tty[32];
};

START_TEST(ps_agrees)
{
	static struct psrow ps[65536];
	struct survey a, b;
	char line[4096];
	FILE *f;
	int nps = 0, i, j, compared = 0;

	ck_assert_int_eq(survey_open(&a), 0);
	ck_assert_int_eq(survey_open(&b), 0);
	ck_assert_int_eq(survey_look(&a), 0);
	f = popen("ps -axj", "r");
	if (f == NULL || fgets(line, sizeof line, f) == NULL) {
		if (f != NULL)
			pclose(f);
		ck_abort_msg("SKIP would hide this: ps -axj did not run");
	}
	while (nps < 65536 && fgets(line, sizeof line, f) != NULL) {
		struct psrow *r = &ps[nps];

		if (sscanf(line, "%d %d %d %d %31s %d", &r->ppid, &r->pid,
		    &r->pgid, &r->sid, r->tty, &r->tpgid) == 6)
			nps++;
	}
	ck_assert_int_eq(pclose(f), 0);
	ck_assert_int_eq(survey_look(&b), 0);
	for (i = 0; i < nps; i++) {
		int ia = survey_find(a.procs, a.n, ps[i].pid);
		int ib = survey_find(b.procs, b.n, ps[i].pid);
		const struct survey_proc *x, *y;

		if (ia < 0 || ib < 0)
			continue;
		x = &a.procs[ia];
		y = &b.procs[ib];
		/* Stable: the same in both looks around ps. */
		if (x->starttime != y->starttime || x->ppid != y->ppid ||
		    x->pgid != y->pgid || x->sid != y->sid ||
		    x->tty_nr != y->tty_nr || x->tpgid != y->tpgid)
			continue;
		ck_assert_msg(x->ppid == ps[i].ppid && x->pgid == ps[i].pgid &&
		    x->sid == ps[i].sid && x->tpgid == ps[i].tpgid &&
		    strcmp(survey_tty(a.procfd, x), ps[i].tty) == 0,
		    "PID %d: survey %d %d %d %s %d, ps %d %d %d %s %d",
		    (int)x->pid, x->ppid, x->pgid, x->sid,
		    survey_tty(a.procfd, x), x->tpgid, ps[i].ppid, ps[i].pgid,
		    ps[i].sid, ps[i].tty, ps[i].tpgid);
		compared++;
	}
	/* ps itself and its shell at least are not stable; the rest is. */
	ck_assert_int_gt(compared, nps / 2);
	for (j = 0; j < a.n; j++)
		ck_assert_int_gt(a.procs[j].pid, 0);
	survey_close(&a);
	survey_close(&b);
}
END_TEST

/* --- Kernel threads ----------------------------------------------------- */

START_TEST(kthreads)
{
	struct survey sv;
	struct facts_brief m;
	int i, seen = 0;

	ck_assert_int_eq(survey_open(&sv), 0);
	ck_assert_int_eq(survey_look(&sv), 0);
	for (i = 0; i < sv.n; i++) {
		const struct survey_proc *p = &sv.procs[i];

		if (facts_read_brief(p->pid, &m) == -1 || m.state == 'Z')
			continue;
		if (m.flags & KTHREAD) {
			ck_assert_msg(p->kind == SK_KTHREAD, "PID %d (%s) has "
			    "PF_KTHREAD, classified %d", (int)p->pid, p->comm,
			    p->kind);
			ck_assert_str_eq(p->args, "");
			seen++;
		} else
			ck_assert_msg(p->kind != SK_KTHREAD, "PID %d (%s): no "
			    "PF_KTHREAD, classified a kernel thread",
			    (int)p->pid, p->comm);
	}
	/* Outside a container, kthreadd (PID 2) and its children exist. */
	if (seen == 0) {
		fprintf(stderr, "kthreads: no kernel thread visible here (a "
		    "PID namespace?)\n");
		ck_assert_int_eq(survey_find(sv.procs, sv.n, 2), -1);
	} else
		ck_assert_int_eq(sv.procs[survey_find(sv.procs, sv.n, 2)].kind,
		    SK_KTHREAD);
	survey_close(&sv);
}
END_TEST

/* --- Hostile names ------------------------------------------------------ */

/* Runs daemonlab args; its output. */
static size_t
run_daemonlab(const char *args, char *out, size_t size)
{
	char cmd[256];
	FILE *p;
	size_t n;

	snprintf(cmd, sizeof cmd, "%s %s </dev/null", DAEMONLAB, args);
	ck_assert_ptr_nonnull(p = popen(cmd, "r"));
	n = fread(out, 1, size - 1, p);
	out[n] = '\0';
	ck_assert_int_eq(pclose(p), 0);
	return n;
}

START_TEST(hostile)
{
	static char out[4 << 20];
	static const char *const args[] = { "--survey --once",
	    "--survey --once --tree", "--survey --once --lang zh-CN" };
	struct lab lab;
	pid_t evil, ghost;
	size_t n, i, k;
	char want[64];

	lab_init(&lab);
	if ((evil = fork()) == 0) {
		prctl(PR_SET_NAME, "\033]0;pwn\a\033[2J");
		execl("/bin/sleep", "\033[31m\033]2;owned\a\r\b", "1000",
		    (char *)NULL);
		_exit(127);
	}
	/* A zombie has no command line: its comm shows, "[comm]". */
	if ((ghost = fork()) == 0) {
		prctl(PR_SET_NAME, "\033]0;pwn\a\033[2J");
		_exit(0);
	}
	wait_for(evil, sleeping, "asleep");
	wait_for(ghost, zombie, "a zombie");
	for (k = 0; k < sizeof args / sizeof args[0]; k++) {
		n = run_daemonlab(args[k], out, sizeof out);
		for (i = 0; i < n; i++)
			ck_assert_msg(out[i] == '\n' || (unsigned char)out[i] >=
			    0x20, "%s: control byte 0x%02x at %zu", args[k],
			    (unsigned char)out[i], i);
		snprintf(want, sizeof want, " %d ", (int)evil);
		ck_assert_msg(strstr(out, want) != NULL, "%s: no row", args[k]);
		ck_assert_msg(strstr(out, "\\033[31m\\033]2;owned\\a\\r\\b "
		    "1000") != NULL, "%s: the arguments are not shown escaped",
		    args[k]);
		ck_assert_msg(strstr(out, "[\\033]0;pwn\\a\\033[2J] <defunct>") !=
		    NULL, "%s: the zombie's name is not shown escaped", args[k]);
	}
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* --- Vanishing processes ---------------------------------------------- */

START_TEST(vanishing)
{
	struct lab lab;
	struct survey sv;
	pid_t churn;
	int i, j;

	lab_init(&lab);
	/* Forks children that die at once, as fast as it can. */
	if ((churn = fork()) == 0) {
		signal(SIGCHLD, SIG_IGN);   /* reaped by the kernel */
		for (;;)
			if (fork() == 0)
				_exit(0);
	}
	ck_assert_int_eq(survey_open(&sv), 0);
	for (i = 0; i < 200; i++) {
		ck_assert_int_eq(survey_look(&sv), 0);
		for (j = 0; j < sv.n; j++) {
			ck_assert_int_gt(sv.procs[j].pid, 0);
			ck_assert_int_lt(sv.procs[j].kind, SURVEY_NKINDS);
			ck_assert(j == 0 ||
			    sv.procs[j - 1].pid < sv.procs[j].pid);
		}
	}
	survey_close(&sv);
	kill(churn, SIGKILL);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* --- The claims against the test's own count --------------------------- */

struct counts {
	int total, ppid0, kthreads, daemons, root, leaders, under_init;
};

static int
same(const struct counts *a, const struct counts *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

static void
from_summary(const struct survey_summary *s, struct counts *c)
{
	c->total = s->total;
	c->ppid0 = s->ppid0;
	c->kthreads = s->kthreads;
	c->daemons = s->daemons;
	c->root = s->daemons_root;
	c->leaders = s->leaders;
	c->under_init = s->under_init;
}

/* The rules of survey.h, applied to what this test reads itself. */
static void
count_mine(struct counts *c)
{
	pid_t pids[65536];
	struct survey sv;
	struct facts_brief m;
	int n, i;

	memset(c, 0, sizeof *c);
	ck_assert_int_eq(survey_open(&sv), 0);
	n = proc_list(sv.procfd, pids, 65536);
	survey_close(&sv);
	for (i = 0; i < n; i++) {
		if (facts_read_brief(pids[i], &m) == -1)
			continue;
		c->total++;
		c->ppid0 += m.ppid == 0;
		if (m.flags & KTHREAD) {
			c->kthreads += m.state != 'Z';
			continue;
		}
		if (m.pid == 1 || m.state == 'Z' || m.tty != 0)
			continue;
		c->daemons++;
		c->root += m.euid == 0;
		c->leaders += m.sid == m.pid;
		c->under_init += m.ppid == 1;
	}
}

START_TEST(claims)
{
	struct survey_summary sum;
	struct survey sv;
	struct counts before, mine, after;
	char last[512] = "the machine never held still for two looks";
	int attempt, agreed = 0;

	ck_assert_int_eq(survey_open(&sv), 0);
	static unsigned long long seen[65536][2];
	int n, i, still;

	for (attempt = 0; attempt < 100 && !agreed; attempt++) {
		if (attempt > 0)
			usleep(100000);     /* let a burst of forks pass */
		ck_assert_int_eq(survey_look(&sv), 0);
		survey_summarize(sv.procs, sv.n, &sum);
		from_summary(&sum, &before);
		for (n = 0; n < sv.n && n < 65536; n++) {
			seen[n][0] = sv.procs[n].pid;
			seen[n][1] = sv.procs[n].starttime;
		}
		count_mine(&mine);
		ck_assert_int_eq(survey_look(&sv), 0);
		survey_summarize(sv.procs, sv.n, &sum);
		from_summary(&sum, &after);
		/* Only a machine that held still across the three reads can
		 * be compared (other tests fork): the same processes, by PID
		 * and start time, in both looks. */
		still = sv.n == n && same(&before, &after);
		for (i = 0; still && i < n; i++)
			still = seen[i][0] == (unsigned long long)sv.procs[i].pid &&
			    seen[i][1] == sv.procs[i].starttime;
		if (!still)
			continue;
		agreed = same(&before, &mine);
		snprintf(last, sizeof last, "survey: %d processes, PPID 0 %d, "
		    "kernel %d, daemons %d (root %d, leaders %d, under init "
		    "%d); the test: %d, %d, %d, %d (%d, %d, %d)",
		    before.total, before.ppid0, before.kthreads,
		    before.daemons, before.root, before.leaders,
		    before.under_init, mine.total, mine.ppid0, mine.kthreads,
		    mine.daemons, mine.root, mine.leaders, mine.under_init);
	}
	ck_assert_msg(agreed, "in 100 tries: %s", last);
	survey_close(&sv);
}
END_TEST

int
main(void)
{
	Suite *su = suite_create("survey");
	TCase *tc = tcase_create("survey");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, recorded_kinds);
	tcase_add_test(tc, recorded_claims);
	tcase_add_test(tc, recorded_tree);
	tcase_add_test(tc, population);
	tcase_add_test(tc, ps_agrees);
	tcase_add_test(tc, kthreads);
	tcase_add_test(tc, hostile);
	tcase_add_test(tc, vanishing);
	tcase_add_test(tc, claims);
	suite_add_tcase(su, tc);
	return lab_run(su) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
