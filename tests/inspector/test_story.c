/* SPDX-License-Identifier: MIT */
/*
 * test_story.c - the story follows real processes: a chain on a pty as the
 * inspector runs it, arbitrary double-forking commands, attached processes,
 * processes that vanish or linger as zombies, and processes with hostile
 * names. What the story says is checked against the test's own reading of
 * /proc (facts.h), never against the story itself.
 *
 * The test process is a child subreaper (lab_init): orphans of what it
 * starts come to it, and lab_finish kills and reaps every one of them.
 * A failed test never gets that far (Check ends it with _exit()): the
 * runner is a subreaper too and sweeps after every test (see main).
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "changes.h"
#include "chains.h"
#include "columns.h"
#include "facts.h"
#include "lab.h"
#include "story.h"

#ifndef STORY_HELPER
#error STORY_HELPER must name the story-helper program
#endif

/* A story is large (every row holds two looks with 64 descriptors):
 * not on the stack. Each test runs in a process of its own. */
static struct story s;

/* ------------------------------------------------------------------ */
/* The test's own view of /proc. */

/* The name ps -o tty prints for a pty's device number. */
static void
pts_name(unsigned tty_nr, char *buf, size_t size)
{
	unsigned maj = major(tty_nr), min = minor(tty_nr);

	if (tty_nr == 0)
		snprintf(buf, size, "?");
	else if (maj >= 136 && maj <= 143)
		snprintf(buf, size, "pts/%u", (maj - 136) * 256 + min);
	else
		snprintf(buf, size, "%s", "");     /* not a pty: not checked */
}

/* The row's look equals the kernel's, field by field. */
static void
row_is_facts(const struct row *r, const struct facts *f)
{
	const struct proc_info *p = &r->now.p;
	char tty[32];
	int i, j;

	ck_assert_int_eq(p->pid, f->pid);
	ck_assert_int_eq(p->ppid, f->ppid);
	ck_assert_int_eq(p->pgid, f->pgid);
	ck_assert_int_eq(p->sid, f->sid);
	ck_assert_int_eq(p->tpgid, f->tpgid);
	ck_assert_uint_eq((unsigned)p->tty_nr, f->tty_nr);
	ck_assert_int_eq(p->state, f->state);
	ck_assert_str_eq(p->comm, f->comm);
	ck_assert_int_eq(p->umask, f->umask);
	if (f->state != 'Z') {
		ck_assert(p->cwd_ok);
		ck_assert_str_eq(p->cwd, f->cwd);
	}
	ck_assert_int_eq(p->nfds, f->nfds);
	for (i = 0; i < f->nfds; i++) {
		for (j = 0; j < p->nfds && p->fds[j].fd != f->fd[i]; j++)
			;
		ck_assert_msg(j < p->nfds, "fd %d of %d is not in the story",
		    f->fd[i], (int)f->pid);
		ck_assert_str_eq(p->fds[j].target, f->target[i]);
	}
	pts_name(f->tty_nr, tty, sizeof tty);
	if (*tty != '\0')
		ck_assert_str_eq(r->now.tty, tty);
}

static const struct row *
row_of(pid_t pid)
{
	const struct row *r = story_find(&s, pid);

	ck_assert_msg(r != NULL, "the story has no row for %d", (int)pid);
	return r;
}

/* Reads the facts of a live process and checks its row against them. */
static const struct row *
row_matches(pid_t pid)
{
	const struct row *r = row_of(pid);
	struct facts f;

	ck_assert_int_eq(facts_read(pid, &f), 0);
	ck_assert_msg(!r->exited, "row %d is marked exited, but /proc has "
	    "it (state %c)", (int)pid, f.state);
	row_is_facts(r, &f);
	return r;
}

static void
wait_until_gone(pid_t pid)
{
	struct facts f;
	long deadline = lab_now_ms() + 3000;

	while (facts_read(pid, &f) == 0 && lab_now_ms() < deadline)
		usleep(5000);
	ck_assert_msg(facts_read(pid, &f) == -1, "process %d is still there "
	    "(state %c)", (int)pid, f.state);
}

static void
wait_for_state(pid_t pid, char state)
{
	struct facts f;
	long deadline = lab_now_ms() + 3000;

	while ((facts_read(pid, &f) == -1 || f.state != state) &&
	    lab_now_ms() < deadline)
		usleep(5000);
	ck_assert_int_eq(facts_read(pid, &f), 0);
	ck_assert_int_eq(f.state, state);
}

#ifdef SYS_pause
#define PAUSE_NR SYS_pause
#else
#define PAUSE_NR SYS_ppoll      /* pause() is ppoll() where there is none */
#endif

/* Waits until pid sits in the call it waits in for good (sleep(1)'s
 * nanosleep, story-helper's sigwait, pause), so that its state cannot
 * change between the story's look and ours. */
static void
wait_settled(pid_t pid)
{
	char path[64], buf[256];
	long deadline = lab_now_ms() + 3000, nr = -1;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
	while (lab_now_ms() < deadline) {
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
			break;
		n = read(fd, buf, sizeof buf - 1);
		close(fd);
		buf[n > 0 ? n : 0] = '\0';
		nr = buf[0] >= '0' && buf[0] <= '9' ? atol(buf) : -1;
		if (nr == SYS_rt_sigtimedwait || nr == SYS_clock_nanosleep ||
		    nr == SYS_nanosleep || nr == PAUSE_NR)
			return;
		usleep(2000);
	}
	ck_abort_msg("process %d does not settle (syscall \"%s\")", (int)pid,
	    buf);
}

/* The first live process (not a zombie) named comm, with this parent and
 * in this session (0: any), leading its session or not (-1: either); 0
 * when there is none. */
static pid_t
find_process(const char *comm, pid_t ppid, pid_t sid, int session_leader)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	struct facts f;
	pid_t found = 0;

	ck_assert_ptr_nonnull(d);
	while (found == 0 && (e = readdir(d)) != NULL) {
		pid_t pid = atoi(e->d_name);

		if (pid <= 0 || facts_read(pid, &f) == -1 || f.state == 'Z')
			continue;
		if (strcmp(f.comm, comm) == 0 && (ppid == 0 || f.ppid == ppid) &&
		    (sid == 0 || f.sid == sid) &&
		    (session_leader < 0 || (f.sid == f.pid) == session_leader))
			found = pid;
	}
	closedir(d);
	return found;
}

/* Reaps every zombie child (adopted orphans that exited). */
static void
reap_zombies(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

static const char *
my_comm(void)
{
	static struct facts me;

	ck_assert_int_eq(facts_read(getpid(), &me), 0);
	return me.comm;
}

/* ------------------------------------------------------------------ */
/* Helpers that speak on a pipe (descriptor 3 in the helper). */

static char tag_env[96];

/* Starts story-helper (or a copy of it, or any program) as our child,
 * with the lab's tag, in dir if not NULL, with the pipe's write end on
 * descriptor 3. */
static pid_t
start(const struct lab *lab, const char *path, char *const argv[],
    const char *dir, int pipe_out)
{
	char *env[] = { tag_env, "PATH=/usr/bin:/bin", NULL };
	pid_t pid;

	snprintf(tag_env, sizeof tag_env, "DAEMONLAB_TEST_TAG=%s", lab->tag);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		if (dir != NULL && chdir(dir) == -1)
			_exit(126);
		if (pipe_out >= 0 && (pipe_out == 3 ? fcntl(3, F_SETFD, 0) :
		    dup2(pipe_out, 3)) == -1)
			_exit(126);
		execve(path, argv, env);
		_exit(127);
	}
	return pid;
}

/* Reads "WORD PID\n" from the helper; returns PID. */
static pid_t
hear(int fd, const char *word)
{
	char line[64];
	size_t n = 0;
	struct pollfd p = { fd, POLLIN, 0 };
	long deadline = lab_now_ms() + 5000;
	int pid = 0;

	while (n < sizeof line - 1 && lab_now_ms() < deadline) {
		if (poll(&p, 1, 100) <= 0)
			continue;
		if (read(fd, line + n, 1) != 1)
			break;
		if (line[n++] == '\n')
			break;
	}
	line[n] = '\0';
	ck_assert_msg(n > 0 && line[n - 1] == '\n', "the helper did not say "
	    "\"%s\" (got \"%s\")", word, line);
	ck_assert_msg(strncmp(line, word, strlen(word)) == 0 &&
	    line[strlen(word)] == ' ', "expected \"%s\", got \"%s\"", word,
	    line);
	pid = atoi(line + strlen(word) + 1);
	ck_assert_int_gt(pid, 0);
	return pid;
}

static int
helper_pipe(int p[2])
{
	ck_assert_int_eq(pipe2(p, O_CLOEXEC), 0);
	return p[1];
}

static void
story_begin(void)
{
	ck_assert_int_eq(story_init(&s), 0);
}

/* Changes between a row's mark and its look now, as sentences. */
static char said[16][CHANGE_LEN];
static int nsaid;

static void
describe_row(const struct row *r)
{
	memset(said, 0, sizeof said);
	nsaid = changes_describe(&r->mark, &r->now, said, 16);
}

static int
said_it(const char *sentence)
{
	int i;

	for (i = 0; i < nsaid; i++)
		if (strcmp(said[i], sentence) == 0)
			return 1;
	return 0;
}

static const char *
all_said(void)
{
	static char buf[16 * (CHANGE_LEN + 4)];
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < nsaid; i++)
		n += snprintf(buf + n, sizeof buf - n, "\n  [%s]", said[i]);
	return buf;
}

#define SAID(...) do { \
	char want_[8192]; \
	snprintf(want_, sizeof want_, __VA_ARGS__); \
	ck_assert_msg(said_it(want_), "not said: \"%s\"; said:%s", want_, \
	    all_said()); \
} while (0)

/* ------------------------------------------------------------------ */
/* (a) Following a chain, as the inspector does (run.c): the story is
 * marked when a step is continued, and stepped when it reports. */

#define CHAIN_PIDS 8

struct follow {
	struct lab lab;
	pid_t  fork_parent, fork_child;
	int    setsid_done;
	int    forks;
	int    marked;
	/* Refresh between the continue and the report, as the inspector's
	 * loop does on a tick or on the step's terminal output: the last
	 * look at a process that exits may then come after its pause. */
	int    ticks;
	/* Every chain process seen paused, with the kernel's facts then. */
	pid_t  pid[CHAIN_PIDS];
	struct facts last[CHAIN_PIDS];
	int    npids;
	struct facts prev;          /* at the previous pause */
	char   subreaper_label[64];
};

static void
remember(struct follow *w, const struct facts *f)
{
	int i;

	for (i = 0; i < w->npids && w->pid[i] != f->pid; i++)
		;
	ck_assert_int_lt(i, CHAIN_PIDS);
	w->pid[i] = f->pid;
	w->last[i] = *f;
	if (i == w->npids)
		w->npids++;
}

/* Rows for every earlier process of the chain: a live one as /proc has
 * it; one that exited, marked exited with the values it had at its last
 * pause (the story last looked at it then). */
static void
check_earlier(const struct follow *w)
{
	struct facts f;
	int i;

	for (i = 0; i < w->npids; i++) {
		const struct row *r = row_of(w->pid[i]);
		const struct proc_info *p = &r->now.p;
		const struct facts *l = &w->last[i];

		ck_assert_int_eq(r->role, ROLE_CHAIN);
		if (facts_read(w->pid[i], &f) == 0) {
			ck_assert(!r->exited);
			continue;
		}
		ck_assert_msg(r->exited, "row %d is gone from /proc but not "
		    "marked exited", (int)w->pid[i]);
		ck_assert(p->exited);
		ck_assert_int_eq(p->pid, l->pid);
		if (w->ticks)
			continue;
		ck_assert_int_eq(p->ppid, l->ppid);
		ck_assert_int_eq(p->pgid, l->pgid);
		ck_assert_int_eq(p->sid, l->sid);
		ck_assert_uint_eq((unsigned)p->tty_nr, l->tty_nr);
		ck_assert_str_eq(p->comm, l->comm);
		ck_assert_int_eq(p->umask, l->umask);
		ck_assert_str_eq(p->cwd, l->cwd);
		ck_assert_int_eq(p->nfds, l->nfds);
	}
}

#define BIT(c) (1u << (c))

static void
check_changes(struct follow *w, const char *step, const struct row *r,
    const struct facts *f)
{
	const struct facts *prev = &w->prev;
	unsigned changed = columns_changed(&r->mark, &r->now), want = 0;
	char tty[32];

	ck_assert(r->has_mark);
	describe_row(r);
	if (strcmp(step, "start") == 0) {
		want = 0;
	} else if (strcmp(step, "umask") == 0) {
		want = BIT(COL_UMASK) | BIT(COL_COMMAND);
		SAID("UMASK 0022 → 0000: what it creates gets exactly the mode "
		    "it asks for");
		SAID("COMMAND step-start → step-umask: exec ran a new program "
		    "in the same process");
	} else if (strcmp(step, "fork") == 0 && w->forks == 1) {
		const struct row *sh = row_of(w->lab.shell);

		want = BIT(COL_PPID) | BIT(COL_PID) | BIT(COL_TPGID) |
		    BIT(COL_STAT) | BIT(COL_COMMAND);
		SAID("PID %d → %d: a new process (fork); the parent exited, the "
		    "child goes on", (int)prev->pid, (int)f->pid);
		SAID("PPID %d → %s: its parent exited; a child subreaper "
		    "adopted it, not init", (int)w->lab.shell,
		    w->subreaper_label);
		SAID("PID %d ≠ PGID %d: no longer a group leader, so setsid() "
		    "can succeed", (int)f->pid, (int)f->pgid);
		SAID("TPGID %d → %d: another group has the terminal; this one "
		    "is in the background", (int)prev->pid, (int)w->lab.shell);
		ck_assert_str_eq(r->now.ppid_label, w->subreaper_label);
		/* The shell has its terminal back: the prompt. */
		describe_row(sh);
		SAID("TPGID %d → %d: its group has the terminal (foreground)",
		    (int)prev->pid, (int)w->lab.shell);
	} else if (strcmp(step, "setsid") == 0) {
		want = BIT(COL_PGID) | BIT(COL_SID) | BIT(COL_TTY) |
		    BIT(COL_TPGID) | BIT(COL_STAT) | BIT(COL_COMMAND);
		pts_name(prev->tty_nr, tty, sizeof tty);
		SAID("PGID %d → %d: it leads a new process group",
		    (int)prev->pgid, (int)f->pid);
		SAID("SID %d → %d: it leads a new session", (int)prev->sid,
		    (int)f->pid);
		SAID("TTY %s → ?: it has no controlling terminal any more", tty);
	} else if (strcmp(step, "fork") == 0) {
		want = BIT(COL_PID) | BIT(COL_STAT) | BIT(COL_COMMAND);
		SAID("PID %d → %d: a new process (fork); the parent exited, the "
		    "child goes on", (int)prev->pid, (int)f->pid);
		SAID("PID %d ≠ SID %d: not a session leader, so it cannot "
		    "acquire a controlling terminal (unless it calls setsid() "
		    "again)", (int)f->pid, (int)f->sid);
	} else if (strcmp(step, "chdir") == 0) {
		want = BIT(COL_CWD) | BIT(COL_COMMAND);
		SAID("CWD %s → /: it keeps no mounted file system busy",
		    prev->cwd);
	} else if (strcmp(step, "closefds") == 0) {
		want = BIT(COL_FDS) | BIT(COL_COMMAND);
		SAID("FDS: all 4 descriptors closed (0 1 2 %d), even 0, 1 and 2",
		    LAB_FORGOTTEN_FD);
	} else if (strcmp(step, "devnull") == 0) {
		want = BIT(COL_FDS) | BIT(COL_COMMAND);
		SAID("FDS: now open: 0 null, 1 null, 2 null");
	} else if (strcmp(step, "opentty") == 0) {
		want = BIT(COL_FDS) | BIT(COL_COMMAND);
		pts_name(f->tty_nr, tty, sizeof tty);
		ck_assert_str_eq(tty, "?");     /* System V: never acquired */
		ck_assert_str_eq(r->now.tty, "?");
		ck_assert_ptr_nonnull(facts_fd(f, 4));
		SAID("FDS: now open: 3 ptmx, 4 %s", facts_fd(f, 4) + 5);
	} else {
		ck_abort_msg("unexpected step %s", step);
	}
	ck_assert_msg(changed == want, "step %s changed columns 0x%x, the "
	    "step changes 0x%x", step, changed, want);
}

/* One pause: what the inspector does on a report, then the checks. */
static void
on_pause(struct follow *w, const struct report *rep)
{
	const char *step = rep->m.step;
	pid_t pid = rep->sender;
	const struct row *r, *sh;
	struct facts f;
	int status;

	ck_assert_int_eq(rep->m.pid, pid);
	ck_assert_int_eq(facts_read_paused(pid, &f), 0);
	if (strcmp(step, "fork") == 0) {
		ck_assert_int_eq(pid, w->fork_child);
		w->forks++;
		if (!w->setsid_done) {
			/* The shell reaps the job's first process and takes
			 * the terminal back, beside the chain. */
			long deadline = lab_now_ms() + 3000;

			wait_until_gone(w->fork_parent);
			while (f.tpgid != w->lab.shell && lab_now_ms() < deadline) {
				usleep(5000);
				ck_assert_int_eq(facts_read(pid, &f), 0);
			}
		} else {
			/* We adopted the session leader: we reap it. */
			ck_assert_int_eq(waitpid(w->fork_parent, &status, 0),
			    w->fork_parent);
			ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		}
	}
	if (!w->marked)
		story_mark(&s);        /* as run.c does for the first report */
	if (w->ticks)
		story_refresh(&s);     /* a tick just before the report */
	story_step(&s, pid, pid == w->fork_child ? w->fork_parent : 0);

	ck_assert_int_eq(s.focus, pid);
	r = row_matches(pid);
	ck_assert_int_eq(r->role, ROLE_CHAIN);
	ck_assert_int_eq(facts_read(pid, &f), 0);
	check_earlier(w);
	check_changes(w, step, r, &f);

	/* The shell: a row of its own, never exited. */
	sh = row_of(w->lab.shell);
	ck_assert_int_eq(sh->role, ROLE_SHELL);
	ck_assert(!sh->exited);
	ck_assert_str_eq(sh->now.p.comm, "shell");
	ck_assert_int_eq(sh->now.p.sid, w->lab.shell);

	if (strcmp(step, "setsid") == 0)
		w->setsid_done = 1;
	if (strcmp(step, "fork") == 0 && w->forks == 2) {
		/* After the second fork the session leader is gone. */
		const struct row *leader = row_of(w->fork_parent);

		ck_assert(leader->exited);
		ck_assert_int_eq(leader->now.p.sid, w->fork_parent);
		if (!w->ticks)
			ck_assert_str_eq(leader->now.p.comm, "step-setsid");
		ck_assert_int_eq(f.sid, w->fork_parent);
	}
	if (strcmp(step, "fork") == 0 && w->forks == 1 && !w->ticks) {
		/* The first process of the chain: exited, with the PID and
		 * the COMMAND it had when the story last saw it, paused as
		 * step-umask (it exec'd step-fork, forked and exited before
		 * the next look). */
		const struct row *first = row_of(w->fork_parent);

		ck_assert(first->exited);
		ck_assert_int_eq(first->now.p.pid, w->fork_parent);
		ck_assert_int_eq(first->now.p.pgid, w->fork_parent);
		ck_assert_str_eq(first->now.p.comm, "step-umask");
	}
	remember(w, &f);
	w->prev = f;
	w->fork_child = w->fork_parent = 0;
}

static const char *
rows_text(void)
{
	static char buf[STORY_MAX_ROWS * 96];
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < s.nrows && n < sizeof buf; i++)
		n += snprintf(buf + n, sizeof buf - n, "\n  %d ppid %d %.15s%s",
		    (int)s.rows[i].now.p.pid, (int)s.rows[i].now.p.ppid,
		    s.rows[i].now.p.comm, s.rows[i].exited ? " (exited)" : "");
	return buf;
}

static void
follow_sysv(int ticks)
{
	static struct follow w;
	const struct chain *c = chain_find("sysv");
	struct report rep;
	int pauses = 0, status, i;
	pid_t daemon = 0;

	w.ticks = ticks;
	lab_init(&w.lab);
	/* The chain starts where we are: somewhere step-chdir can leave. */
	ck_assert_int_eq(chdir(w.lab.dir), 0);
	lab_shell(&w.lab, lab_chain_argv("sysv", NULL), NULL);

	story_begin();
	story_subreaper(&s, getpid());
	ck_assert_ptr_nonnull(story_add(&s, w.lab.shell, ROLE_SHELL));
	snprintf(w.subreaper_label, sizeof w.subreaper_label,
	    "%d %s (subreaper)", (int)getpid(), my_comm());

	for (;;) {
		ck_assert_msg(lab_next(&w.lab, &rep, 5000), "no report in 5 s; "
		    "terminal shows:\n%s", w.lab.out);
		ck_assert_int_ne(rep.m.event, PROTO_ERROR);
		if (rep.m.event == PROTO_EXIT && rep.m.child != 0) {
			/* step-fork's parent: the child goes on. */
			w.fork_parent = rep.sender;
			w.fork_child = rep.m.child;
			ck_assert_ptr_nonnull(story_add(&s, rep.m.child,
			    ROLE_CHAIN));
			continue;
		}
		if (rep.m.event == PROTO_EXIT)
			break;
		on_pause(&w, &rep);
		pauses++;
		daemon = rep.sender;
		story_mark(&s);        /* the next step is measured from here */
		w.marked = 1;
		ck_assert_int_eq(kill(rep.sender, SIGUSR1), 0);
		if (ticks) {
			/* Looks while the step runs: they must not move
			 * the mark. */
			story_refresh(&s);
			usleep(2000);
			story_refresh(&s);
		}
	}
	ck_assert_int_eq(pauses, chain_length(c));

	/* Continued at the end, the daemon exits: to us. */
	ck_assert_int_eq(waitpid(daemon, &status, 0), daemon);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	story_refresh(&s);
	/* A row for the shell and each of the chain's three processes;
	 * nothing else crept in. Only looks while a step runs can catch a
	 * short-lived child of a chain process (a sanitizer build's leak
	 * checker is one, as the daemon exits): gone now, and the chain's. */
	ck_assert_int_eq(w.npids, 3);
	for (i = 0; i < s.nrows; i++) {
		const struct row *x = &s.rows[i];
		int j, ours = x->now.p.pid == w.lab.shell, parent = 0;

		for (j = 0; j < w.npids; j++) {
			ours |= x->now.p.pid == w.pid[j];
			parent |= x->now.p.ppid == w.pid[j];
		}
		ck_assert_msg(ours || (ticks && parent && x->exited),
		    "a row not of the chain; %d rows:%s", s.nrows, rows_text());
	}
	if (!ticks)
		ck_assert_msg(s.nrows == 4, "%d rows:%s", s.nrows, rows_text());
	ck_assert_int_eq(story_alive(&s), 1);
	for (i = 0; i < w.npids; i++)
		ck_assert(row_of(w.pid[i])->exited);
	check_earlier(&w);
	story_free(&s);
	ck_assert_int_eq(chdir("/"), 0);
	ck_assert_int_eq(lab_finish(&w.lab), 0);
}

START_TEST(follows_the_sysv_chain)
{
	follow_sysv(0);
}
END_TEST

/* What a step changed is measured from the moment it was continued,
 * however often the story looks in between. */
START_TEST(looks_between_steps_keep_the_mark)
{
	follow_sysv(1);
}
END_TEST

/* A fork parent refreshed while it still exists (our zombie, since we
 * adopted it) keeps the COMMAND it exited with. */
START_TEST(session_leader_exits_as_step_fork)
{
	static struct lab lab;
	struct report rep;
	const struct row *r;
	pid_t leader = 0;
	int status;

	lab_init(&lab);
	lab_shell(&lab, lab_chain_argv("sysv", NULL), NULL);
	story_begin();
	story_subreaper(&s, getpid());
	ck_assert_ptr_nonnull(story_add(&s, lab.shell, ROLE_SHELL));
	for (;;) {
		ck_assert_msg(lab_next(&lab, &rep, 5000), "no report");
		ck_assert_int_eq(rep.m.event != PROTO_ERROR, 1);
		if (rep.m.event == PROTO_PAUSED) {
			if (strcmp(rep.m.step, "setsid") == 0)
				leader = rep.sender;
			story_step(&s, rep.sender, 0);
			story_mark(&s);
			kill(rep.sender, SIGUSR1);
			continue;
		}
		if (rep.m.event == PROTO_EXIT && rep.sender == leader)
			break;
	}
	/* The leader sent its child's PID and exits; we have not reaped it,
	 * so it is still in /proc, alive or a zombie. */
	story_refresh(&s);
	r = row_of(leader);
	ck_assert(!r->exited);
	ck_assert_str_eq(r->now.p.comm, "step-fork");
	ck_assert_int_eq(waitpid(leader, &status, 0), leader);
	story_refresh(&s);
	r = row_of(leader);
	ck_assert(r->exited);
	ck_assert_str_eq(r->now.p.comm, "step-fork");
	ck_assert_int_eq(r->now.p.sid, leader);
	ck_assert_ptr_nonnull(story_find(&s, rep.m.child));
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* (b) Arbitrary double-forking commands, no steps: the grandchild is
 * found however fast the middle process went. */

static void
story_for_shell(const struct lab *lab)
{
	story_begin();
	story_subreaper(&s, getpid());
	ck_assert_ptr_nonnull(story_add(&s, lab->shell, ROLE_SHELL));
}

/* Every live row is one of these. A zombie is not alive: the middle
 * process of a double fork may still wait to be reaped. */
static void
only_these_alive(const pid_t *pids, int n)
{
	int i, j;

	for (i = 0; i < s.nrows; i++) {
		if (s.rows[i].exited || s.rows[i].now.p.state == 'Z')
			continue;
		for (j = 0; j < n && pids[j] != s.rows[i].now.p.pid; j++)
			;
		ck_assert_msg(j < n, "row %d (%s) is alive but not ours",
		    (int)s.rows[i].now.p.pid, s.rows[i].now.p.comm);
	}
}

START_TEST(follows_a_shell_double_fork)
{
	static struct lab lab;
	char *argv[] = { "sh", "-c",
	    "sh -c 'setsid sleep 30 &'; exec sleep 30", NULL };
	const struct row *r;
	pid_t job = 0, daemon = 0, alive[3];
	long deadline;

	lab_init(&lab);
	lab_shell(&lab, argv, NULL);
	story_for_shell(&lab);
	/* Refresh as the inspector does, until /proc shows the end state:
	 * the job exec'd sleep, its grandchild leads a session of its own
	 * and was adopted by us; no sh is left. */
	deadline = lab_now_ms() + 5000;
	while (lab_now_ms() < deadline) {
		story_refresh(&s);
		reap_zombies();
		job = find_process("sleep", lab.shell, 0, 0);
		daemon = find_process("sleep", getpid(), 0, 1);
		if (job != 0 && daemon != 0 &&
		    find_process("sh", 0, lab.shell, -1) == 0)
			break;
		usleep(10000);
	}
	ck_assert_msg(job != 0 && daemon != 0, "no double fork seen; the "
	    "terminal shows:\n%s", lab.out);
	wait_settled(job);
	wait_settled(daemon);
	story_refresh(&s);

	r = row_matches(job);
	ck_assert_int_eq(r->role, ROLE_CHAIN);
	ck_assert_str_eq(r->now.p.comm, "sleep");
	ck_assert_int_eq(r->now.p.pgid, job);
	ck_assert_int_eq(r->now.p.sid, lab.shell);

	r = row_matches(daemon);
	ck_assert_int_eq(r->role, ROLE_CHAIN);
	ck_assert_int_eq(r->now.p.sid, daemon);
	ck_assert_uint_eq((unsigned)r->now.p.tty_nr, 0);
	ck_assert_str_eq(r->now.tty, "?");
	ck_assert_ptr_nonnull(strstr(r->now.ppid_label, "(subreaper)"));

	alive[0] = lab.shell;
	alive[1] = job;
	alive[2] = daemon;
	only_these_alive(alive, 3);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* Runs the shell double fork and looks only once it is over: the
 * middle sh came and went between two looks, so the grandchild can be
 * found only as an orphan we adopted (subreaper, and the run's
 * DAEMONLAB_SOCKET in its environment). Returns the grandchild. */
static pid_t
double_fork_unseen(struct lab *lab)
{
	char *argv[] = { "sh", "-c",
	    "sh -c 'setsid sleep 30 &'; exec sleep 30", NULL };
	pid_t job = 0, daemon = 0;
	long deadline;

	lab_shell(lab, argv, NULL);
	story_for_shell(lab);
	deadline = lab_now_ms() + 5000;
	while (lab_now_ms() < deadline) {
		reap_zombies();
		job = find_process("sleep", lab->shell, 0, 0);
		daemon = find_process("sleep", getpid(), 0, 1);
		if (job != 0 && daemon != 0 &&
		    find_process("sh", 0, lab->shell, -1) == 0)
			break;
		usleep(10000);
	}
	ck_assert_msg(job != 0 && daemon != 0, "no double fork seen; the "
	    "terminal shows:\n%s", lab->out);
	wait_settled(job);
	wait_settled(daemon);
	story_refresh(&s);              /* the first look */
	ck_assert_ptr_nonnull(story_find(&s, job));
	return daemon;
}

START_TEST(double_fork_between_two_looks)
{
	static struct lab lab;
	static struct members ours, theirs;
	struct proc_info shell;
	const struct row *r;
	pid_t daemon;

	lab_init(&lab);
	daemon = double_fork_unseen(&lab);
	r = row_matches(daemon);
	ck_assert_int_eq(r->now.p.sid, daemon);
	ck_assert_int_eq(r->now.p.ppid, getpid());
	ck_assert_int_eq(s.nrows, 3);           /* shell, job, daemon */
	story_free(&s);

	/* Another run of the same inspector (--compare: one subreaper, two
	 * runs) does not claim it: the orphan shares no session or group
	 * with that run's members, and the run it came from is primary. */
	story_begin();
	story_subreaper(&s, getpid());
	members_init(&ours, s.procfd, getpid());
	members_init(&theirs, s.procfd, getpid());
	ours.rival = &theirs;
	theirs.rival = &ours;
	theirs.primary = 0;
	ck_assert_int_eq(proc_read_stat(s.procfd, lab.shell, &shell), 0);
	ck_assert_ptr_nonnull(members_add(&ours, lab.shell, shell.starttime));
	s.members = &theirs;
	members_discover(&theirs);
	members_discover(&ours);
	story_refresh(&s);
	ck_assert_ptr_null(story_find(&s, daemon));
	ck_assert_ptr_null(members_find(&theirs, daemon));
	ck_assert_int_eq(s.nrows, 0);
	ck_assert_ptr_nonnull(members_find(&ours, daemon));
	members_free(&ours);
	members_free(&theirs);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

START_TEST(follows_a_c_double_fork)
{
	static struct lab lab;
	char *argv[] = { STORY_HELPER, "dfork", NULL };
	const struct row *r;
	struct facts f;
	pid_t daemon = 0, alive[2];
	long deadline;

	lab_init(&lab);
	lab_shell(&lab, argv, NULL);
	story_for_shell(&lab);
	deadline = lab_now_ms() + 5000;
	while (lab_now_ms() < deadline) {
		story_refresh(&s);
		reap_zombies();
		daemon = find_process("story-helper", getpid(), 0, 0);
		/* ...and the two before it are gone. */
		if (daemon != 0 && facts_read(daemon, &f) == 0 &&
		    f.umask == 0 && strcmp(f.cwd, "/") == 0 &&
		    find_process("story-helper", getpid(), 0, 1) == 0 &&
		    find_process("story-helper", lab.shell, 0, -1) == 0)
			break;
		daemon = 0;
		usleep(10000);
	}
	ck_assert_msg(daemon != 0, "no daemon; the terminal shows:\n%s",
	    lab.out);
	ck_assert_int_eq(facts_read_paused(daemon, &f), 0);
	story_refresh(&s);
	r = row_matches(daemon);
	ck_assert_int_eq(r->role, ROLE_CHAIN);
	ck_assert_int_ne(r->now.p.sid, daemon);      /* not a session leader */
	ck_assert_int_eq(r->now.p.pgid, r->now.p.sid);
	ck_assert_int_eq(r->now.p.ppid, getpid());
	ck_assert_str_eq(r->now.tty, "?");
	ck_assert_int_eq(r->now.p.umask, 0);
	ck_assert_str_eq(r->now.p.cwd, "/");
	alive[0] = lab.shell;
	alive[1] = daemon;
	only_these_alive(alive, 2);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* (c) Attaching to running processes. */

START_TEST(attached_change_is_watched)
{
	static struct lab lab;
	char *argv[] = { "story-helper", "watch", NULL };
	struct row *r;
	struct facts before, after;
	int p[2];
	pid_t pid;
	unsigned changed;

	lab_init(&lab);
	pid = start(&lab, STORY_HELPER, argv, lab.dir, helper_pipe(p));
	close(p[1]);
	ck_assert_int_eq(hear(p[0], "ready"), pid);
	ck_assert_int_eq(facts_read_paused(pid, &before), 0);

	story_begin();
	r = story_add(&s, pid, ROLE_ATTACHED);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->role, ROLE_ATTACHED);
	row_matches(pid);
	ck_assert_int_eq(story_watch(&s), 0);   /* nothing happened yet */
	ck_assert_int_eq(s.focus, 0);

	ck_assert_int_eq(kill(pid, SIGUSR1), 0);
	ck_assert_int_eq(hear(p[0], "changed"), pid);
	ck_assert_int_eq(facts_read_paused(pid, &after), 0);

	ck_assert_int_eq(story_watch(&s), 1);
	r = story_find(&s, pid);
	ck_assert_ptr_nonnull(r);
	ck_assert(r->has_mark);
	ck_assert_int_eq(s.focus, pid);
	row_matches(pid);
	ck_assert_int_eq(r->mark.p.umask, 022);
	ck_assert_int_eq(r->now.p.umask, 077);
	ck_assert_str_eq(r->mark.p.cwd, before.cwd);
	ck_assert_str_eq(r->now.p.cwd, "/");
	ck_assert_int_eq(r->mark.p.sid, before.sid);
	ck_assert_int_eq(r->now.p.sid, pid);

	changed = columns_changed(&r->mark, &r->now);
	ck_assert_uint_eq(changed & (BIT(COL_UMASK) | BIT(COL_CWD) |
	    BIT(COL_PGID) | BIT(COL_SID) | BIT(COL_STAT)),
	    BIT(COL_UMASK) | BIT(COL_CWD) | BIT(COL_PGID) | BIT(COL_SID) |
	    BIT(COL_STAT));
	ck_assert_uint_eq(changed & (BIT(COL_PID) | BIT(COL_PPID) |
	    BIT(COL_UID) | BIT(COL_FDS) | BIT(COL_COMMAND)), 0);
	describe_row(r);
	SAID("UMASK 0022 → 0077");
	SAID("CWD %s → /: it keeps no mounted file system busy", before.cwd);
	SAID("PGID %d → %d: it leads a new process group", (int)before.pgid,
	    (int)pid);
	SAID("SID %d → %d: it leads a new session", (int)before.sid,
	    (int)pid);

	/* Nothing more: no new mark. */
	ck_assert_int_eq(story_watch(&s), 0);
	close(p[0]);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* Attached to a session leader that then double-forks and exits: the
 * grandchild is ours by its session (and group) alone: the story is told
 * of no subreaper here, and the grandchild's parent is gone. With
 * newgroup the grandchild leads a group of its own: the session alone. */
static void
leader_double_forks(int newgroup)
{
	static struct lab lab;
	char *argv[] = { "story-helper", "dfork", "hold",
	    newgroup ? "newgroup" : NULL, NULL };
	const struct row *r;
	struct facts f;
	int p[2], status;
	pid_t first, leader, daemon;

	lab_init(&lab);
	first = start(&lab, STORY_HELPER, argv, NULL, helper_pipe(p));
	close(p[1]);
	leader = hear(p[0], "leader");
	ck_assert_int_eq(waitpid(first, &status, 0), first);
	ck_assert_int_eq(facts_read_paused(leader, &f), 0);
	ck_assert_int_eq(f.sid, leader);

	story_begin();
	ck_assert_ptr_nonnull(story_add(&s, leader, ROLE_ATTACHED));
	ck_assert_int_eq(kill(leader, SIGUSR1), 0);
	daemon = hear(p[0], "daemon");
	/* The leader exits; we adopted it, we reap it. */
	ck_assert_int_eq(waitpid(leader, &status, 0), leader);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(facts_read_paused(daemon, &f), 0);
	ck_assert_int_eq(f.ppid, getpid());
	ck_assert_int_eq(f.sid, leader);
	ck_assert_int_eq(f.pgid, newgroup ? daemon : leader);

	story_refresh(&s);
	r = row_of(leader);
	ck_assert(r->exited);
	ck_assert_int_eq(r->role, ROLE_ATTACHED);
	ck_assert_int_eq(r->now.p.sid, leader);
	r = row_matches(daemon);
	ck_assert_int_eq(r->role, ROLE_CHAIN);
	ck_assert_int_eq(r->now.p.umask, 0);
	ck_assert_int_eq(s.nrows, 2);
	close(p[0]);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}

START_TEST(attached_leader_double_forks)
{
	leader_double_forks(0);
}
END_TEST

START_TEST(attached_leader_double_forks_new_group)
{
	leader_double_forks(1);
}
END_TEST

/* Attached to a group leader (not a session leader) that forks and
 * exits: the child, adopted by us, is ours by its group alone. */
START_TEST(attached_group_leader_forks)
{
	static struct lab lab;
	char *argv[] = { "story-helper", "gfork", NULL };
	const struct row *r;
	struct facts f;
	int p[2], status;
	pid_t leader, child;

	lab_init(&lab);
	leader = start(&lab, STORY_HELPER, argv, NULL, helper_pipe(p));
	close(p[1]);
	ck_assert_int_eq(hear(p[0], "group"), leader);
	ck_assert_int_eq(facts_read_paused(leader, &f), 0);
	ck_assert_int_eq(f.pgid, leader);
	ck_assert_int_ne(f.sid, leader);

	story_begin();
	ck_assert_ptr_nonnull(story_add(&s, leader, ROLE_ATTACHED));
	ck_assert_int_eq(kill(leader, SIGUSR1), 0);
	child = hear(p[0], "child");
	ck_assert_int_eq(waitpid(leader, &status, 0), leader);
	ck_assert_int_eq(facts_read_paused(child, &f), 0);
	ck_assert_int_eq(f.ppid, getpid());
	ck_assert_int_eq(f.pgid, leader);

	story_refresh(&s);
	ck_assert(row_of(leader)->exited);
	r = row_matches(child);
	ck_assert_int_eq(r->role, ROLE_CHAIN);
	ck_assert_int_eq(s.nrows, 2);
	close(p[0]);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* An attached child whose parent dies is adopted by the nearest child
 * subreaper (here the test itself): the story learns that from the PPID
 * change alone, and the label says "(subreaper)". */
START_TEST(adopter_is_named_a_subreaper)
{
	static struct lab lab;
	char *argv[] = { "story-helper", "family", NULL };
	const struct row *r;
	struct facts f;
	char want[64];
	int p[2];
	pid_t parent, child;

	lab_init(&lab);
	parent = start(&lab, STORY_HELPER, argv, NULL, helper_pipe(p));
	close(p[1]);
	child = hear(p[0], "child");
	wait_settled(child);

	story_begin();
	ck_assert_ptr_nonnull(story_add(&s, parent, ROLE_ATTACHED));
	story_refresh(&s);
	ck_assert_ptr_null(strstr(row_matches(child)->now.ppid_label,
	    "subreaper"));
	ck_assert_int_eq(kill(parent, SIGKILL), 0);
	ck_assert_int_eq(waitpid(parent, NULL, 0), parent);
	ck_assert_int_eq(facts_read(child, &f), 0);
	ck_assert_int_eq(f.ppid, getpid());
	story_refresh(&s);
	r = row_matches(child);
	snprintf(want, sizeof want, "%d %s (subreaper)", (int)getpid(),
	    my_comm());
	ck_assert_str_eq(r->now.ppid_label, want);
	close(p[0]);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* (d) Vanishing processes. */

static pid_t
start_sleeper(void)
{
	pid_t pid = fork();

	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		alarm(60);
		for (;;)
			pause();
	}
	return pid;
}

START_TEST(exit_between_add_and_refresh)
{
	static struct lab lab;
	struct row *r;
	char comm[64];
	pid_t pid;
	int status;

	lab_init(&lab);
	pid = start_sleeper();
	story_begin();
	r = story_add(&s, pid, ROLE_ATTACHED);
	ck_assert_ptr_nonnull(r);
	ck_assert(!r->exited);
	snprintf(comm, sizeof comm, "%s", r->now.p.comm);
	ck_assert_int_eq(story_alive(&s), 1);

	ck_assert_int_eq(kill(pid, SIGKILL), 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	story_refresh(&s);
	r = story_find(&s, pid);
	ck_assert_ptr_nonnull(r);               /* the row is kept */
	ck_assert(r->exited);
	ck_assert(r->now.p.exited);
	ck_assert_int_eq(r->now.p.pid, pid);    /* with its last values */
	ck_assert_str_eq(r->now.p.comm, comm);
	ck_assert_int_eq(r->now.p.ppid, getpid());
	ck_assert_int_eq(story_alive(&s), 0);
	ck_assert_int_eq(s.nrows, 1);
	/* Gone is gone: more looks change nothing. */
	ck_assert_int_eq(story_watch(&s), 0);
	story_refresh(&s);
	ck_assert(story_find(&s, pid)->exited);
	ck_assert_int_eq(s.nrows, 1);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

START_TEST(zombie_is_not_exited)
{
	static struct lab lab;
	static struct look before;
	struct row *r;
	char stat[16];
	pid_t pid;

	lab_init(&lab);
	pid = start_sleeper();
	story_begin();
	r = story_add(&s, pid, ROLE_ATTACHED);
	ck_assert_ptr_nonnull(r);
	before = r->now;

	ck_assert_int_eq(kill(pid, SIGKILL), 0);
	wait_for_state(pid, 'Z');               /* killed, not reaped */
	story_refresh(&s);
	r = story_find(&s, pid);
	ck_assert_ptr_nonnull(r);
	ck_assert(!r->exited);
	ck_assert_int_eq(r->now.p.state, 'Z');
	row_matches(pid);
	columns[COL_STAT].format(&r->now, stat, sizeof stat);
	ck_assert_int_eq(stat[0], 'Z');
	ck_assert_int_eq(story_alive(&s), 0);   /* a zombie does not count */
	nsaid = changes_describe(&before, &r->now, said, 16);
	SAID("STAT Z: it exited, but its parent has not reaped it yet "
	    "(a zombie)");

	/* Reaped: now it has exited, and still shows what it was. */
	ck_assert_int_eq(waitpid(pid, NULL, 0), pid);
	story_refresh(&s);
	r = story_find(&s, pid);
	ck_assert(r->exited);
	ck_assert_int_eq(r->now.p.state, 'Z');
	ck_assert_int_eq(r->now.p.pid, pid);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

START_TEST(no_such_process)
{
	static struct lab lab;
	char buf[32];
	long pid_max = 4194304;
	pid_t pid;
	FILE *fp;

	lab_init(&lab);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0)
		_exit(0);
	ck_assert_int_eq(waitpid(pid, NULL, 0), pid);
	if ((fp = fopen("/proc/sys/kernel/pid_max", "r")) != NULL) {
		if (fgets(buf, sizeof buf, fp) != NULL)
			pid_max = atol(buf);
		fclose(fp);
	}
	story_begin();
	ck_assert_ptr_null(story_add(&s, pid, ROLE_ATTACHED));
	ck_assert_ptr_null(story_add(&s, (pid_t)pid_max, ROLE_ATTACHED));
	ck_assert_ptr_null(story_add(&s, 0, ROLE_ATTACHED));
	ck_assert_ptr_null(story_add(&s, -1, ROLE_ATTACHED));
	ck_assert_int_eq(s.nrows, 0);
	ck_assert(!s.full);
	story_refresh(&s);
	ck_assert_int_eq(s.nrows, 0);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* Children that exit and are reaped while the story reads them: every
 * read may find a process half gone. Nothing crashes, and in the end
 * every row has exited. */
#define CHURN 12

struct churn {
	pid_t pids[CHURN];
	int   n;
};

static void *
reap_all(void *arg)
{
	struct churn *c = arg;
	int i;

	for (i = 0; i < c->n; i++)
		waitpid(c->pids[i], NULL, 0);
	return NULL;
}

START_TEST(vanishing_while_reading)
{
	static struct lab lab;
	struct churn c;
	pthread_t reaper;
	int round, i, added;

	lab_init(&lab);
	for (round = 0; round < 30; round++) {
		story_begin();
		c.n = CHURN;
		for (i = 0; i < CHURN; i++) {
			c.pids[i] = fork();
			ck_assert_int_ne(c.pids[i], -1);
			if (c.pids[i] == 0) {
				/* Gone after 0 to 2 ms. */
				struct timespec t = { 0, (i % 3) * 1000000L };

				nanosleep(&t, NULL);
				_exit(0);
			}
		}
		added = 0;
		for (i = 0; i < CHURN; i++)
			added += story_add(&s, c.pids[i], ROLE_ATTACHED) != NULL;
		ck_assert_int_eq(pthread_create(&reaper, NULL, reap_all, &c), 0);
		for (i = 0; i < 20; i++) {
			story_refresh(&s);
			story_watch(&s);
		}
		pthread_join(reaper, NULL);
		story_refresh(&s);
		ck_assert_int_eq(s.nrows, added);
		for (i = 0; i < s.nrows; i++) {
			ck_assert_msg(s.rows[i].exited, "row %d not exited",
			    (int)s.rows[i].now.p.pid);
			ck_assert_int_gt(s.rows[i].now.p.pid, 0);
		}
		ck_assert_int_eq(story_alive(&s), 0);
		story_free(&s);
	}
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

START_TEST(more_processes_than_rows)
{
	static struct lab lab;
	pid_t pids[STORY_MAX_ROWS + 1];
	int i;

	lab_init(&lab);
	story_begin();
	for (i = 0; i <= STORY_MAX_ROWS; i++)
		pids[i] = start_sleeper();
	for (i = 0; i < STORY_MAX_ROWS; i++)
		ck_assert_ptr_nonnull(story_add(&s, pids[i], ROLE_ATTACHED));
	ck_assert(!s.full);
	ck_assert_ptr_null(story_add(&s, pids[STORY_MAX_ROWS], ROLE_ATTACHED));
	ck_assert(s.full);
	ck_assert_int_eq(s.nrows, STORY_MAX_ROWS);
	story_refresh(&s);
	ck_assert_int_eq(story_alive(&s), STORY_MAX_ROWS);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* (e) Hostile names: nothing a process chose reaches the screen raw. */

static void
inert(const char *what, const char *s_)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s_; *p != '\0'; p++)
		ck_assert_msg(*p >= 0x20 && *p != 0x7f, "%s holds byte 0x%02x: "
		    "\"%s\"", what, *p, s_);
}

static void
copy_file(const char *from, const char *to)
{
	char buf[65536];
	ssize_t n;
	int in = open(from, O_RDONLY | O_CLOEXEC), out;

	ck_assert_int_ne(in, -1);
	out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0755);
	ck_assert_int_ne(out, -1);
	while ((n = read(in, buf, sizeof buf)) > 0)
		ck_assert_int_eq(write(out, buf, n), n);
	ck_assert_int_eq(n, 0);
	close(in);
	ck_assert_int_eq(close(out), 0);
}

/* Waits until pid runs the program named comm (its exec is done). */
static void
wait_for_comm(pid_t pid, const char *comm)
{
	struct facts f;
	long deadline = lab_now_ms() + 3000;

	while ((facts_read(pid, &f) == -1 || strcmp(f.comm, comm) != 0) &&
	    lab_now_ms() < deadline)
		usleep(2000);
	ck_assert_int_eq(facts_read(pid, &f), 0);
	ck_assert_str_eq(f.comm, comm);
}

static void
every_column_inert(const struct row *r)
{
	char buf[1024], what[32];
	int i;

	for (i = 0; i < NCOLUMNS; i++) {
		columns[i].format(&r->now, buf, sizeof buf);
		snprintf(what, sizeof what, "column %s", columns[i].name);
		inert(what, buf);
	}
	inert("ppid_label", r->now.ppid_label);
	inert("ppid_brief", r->now.ppid_brief);
	inert("tty", r->now.tty);
}

START_TEST(hostile_name_from_exec)
{
	static struct lab lab;
	/* The name a stat line could be confused by, and a screen clear. */
	static const char name[] = "a) R 1 2\033[2J\n";
	static const char dirname[] = "d\033]0;owned\007\n";
	char path[256], dir[256], cmd[256], cwd[1024];
	char *argv[] = { (char *)name, "30", NULL };
	const struct row *r;
	pid_t pid;

	lab_init(&lab);
	snprintf(path, sizeof path, "%s/%s", lab.dir, name);
	snprintf(dir, sizeof dir, "%s/%s", lab.dir, dirname);
	copy_file("/bin/sleep", path);
	ck_assert_int_eq(mkdir(dir, 0755), 0);
	pid = start(&lab, path, argv, dir, -1);
	wait_for_comm(pid, name);
	wait_settled(pid);
	/* It runs: the names can go (its cwd then ends in " (deleted)"). */
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0);

	story_begin();
	ck_assert_ptr_nonnull(story_add(&s, pid, ROLE_ATTACHED));
	r = row_matches(pid);
	ck_assert_uint_eq(strlen(name), 13);
	ck_assert_str_eq(r->now.p.comm, name);      /* raw, whole */
	columns[COL_COMMAND].format(&r->now, cmd, sizeof cmd);
	ck_assert_str_eq(cmd, "a) R 1 2\\033[2J\\n");
	columns[COL_CWD].format(&r->now, cwd, sizeof cwd);
	ck_assert_ptr_nonnull(strstr(cwd, "d\\033]0;owned\\a\\n"));
	every_column_inert(r);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* Longer than the kernel keeps (15 bytes), and the parent of a child:
 * the child's PPID label names it. The table printed for --once holds
 * no control character but its newlines. */
START_TEST(hostile_name_cut_and_in_the_ppid_label)
{
	static struct lab lab;
	static const char name[] = "b) Z 9 9\033[31m\033]0;pwned\007";
	char path[256], comm[16], label[64], *argv[] = { (char *)name,
	    "family", NULL };
	const struct row *r;
	FILE *out;
	char table[65536];
	size_t n, i;
	int p[2], saved;
	pid_t parent, child;

	ck_assert_uint_gt(strlen(name), 15);
	snprintf(comm, sizeof comm, "%.15s", name);

	lab_init(&lab);
	snprintf(path, sizeof path, "%s/%s", lab.dir, name);
	copy_file(STORY_HELPER, path);
	parent = start(&lab, path, argv, NULL, helper_pipe(p));
	close(p[1]);
	child = hear(p[0], "child");
	wait_for_comm(parent, comm);
	wait_settled(parent);
	wait_settled(child);
	ck_assert_int_eq(unlink(path), 0);

	story_begin();
	ck_assert_ptr_nonnull(story_add(&s, parent, ROLE_ATTACHED));
	story_refresh(&s);                        /* finds the child */
	r = row_matches(parent);
	ck_assert_str_eq(r->now.p.comm, comm);   /* the kernel's 15 bytes */
	every_column_inert(r);
	r = row_matches(child);
	ck_assert_int_eq(r->role, ROLE_CHAIN);
	ck_assert_str_eq(r->now.p.comm, comm);
	every_column_inert(r);
	snprintf(label, sizeof label, "%d b) Z 9 9\\033[31m\\033]",
	    (int)parent);
	ck_assert_str_eq(r->now.ppid_label, label);

	/* --once prints the same table: capture it. */
	out = tmpfile();
	ck_assert_ptr_nonnull(out);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	ck_assert_int_ne(saved, -1);
	ck_assert_int_ne(dup2(fileno(out), STDOUT_FILENO), -1);
	columns_print(&s);
	fflush(stdout);
	ck_assert_int_ne(dup2(saved, STDOUT_FILENO), -1);
	close(saved);
	rewind(out);
	n = fread(table, 1, sizeof table - 1, out);
	fclose(out);
	table[n] = '\0';
	ck_assert_uint_gt(n, 0);
	for (i = 0; i < n; i++)
		ck_assert_msg(table[i] == '\n' ||
		    ((unsigned char)table[i] >= 0x20 && table[i] != 0x7f),
		    "--once table holds byte 0x%02x at %zu",
		    (unsigned char)table[i], i);
	ck_assert_ptr_nonnull(strstr(table, "b) Z 9 9\\033[31m\\033]"));

	close(p[0]);
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* launch_exec() puts DAEMONLAB_SOCKET at the END of the environment:
 * launched from a big environment, a double-forked orphan must still be
 * ours. (Once a bug: has_env() read only the first 32 KiB; membership
 * no longer reads the environment at all.) */
START_TEST(big_environment_keeps_orphans)
{
	static struct lab lab;
	static char padding[40000];
	pid_t daemon;
	int found;

	memset(padding, 'x', sizeof padding - 1);
	ck_assert_int_eq(setenv("DAEMONLAB_TEST_PADDING", padding, 1), 0);
	lab_init(&lab);
	daemon = double_fork_unseen(&lab);
	found = story_find(&s, daemon) != NULL;
	/* Expected to fail: clean up first, so the failure leaves nothing. */
	story_free(&s);
	ck_assert_int_eq(lab_finish(&lab), 0);
	ck_assert_msg(found, "the double-forked daemon %d was adopted by the "
	    "inspector but is not in the story", (int)daemon);
}
END_TEST

/* ------------------------------------------------------------------ */
/* No strays, even when a test fails. Check ends a failed or timed-out
 * test's process with _exit() or SIGKILL, so lab_finish() (and lab.c's
 * atexit handler) never runs then. This runner is a subreaper too: what
 * a dead test left behind comes to it, and after every test it kills and
 * reaps all of that. */

static void
no_setup(void)
{
}

static void
sweep(void)
{
	long deadline = lab_now_ms() + 5000;
	DIR *d;
	struct dirent *e;
	int left;

	do {
		left = 0;
		if ((d = opendir("/proc")) == NULL)
			break;
		while ((e = readdir(d)) != NULL) {
			char path[300], buf[512], *p;
			int fd, ppid = 0;
			ssize_t n;

			if (atoi(e->d_name) <= 0)
				continue;
			snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
			if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
				continue;
			n = read(fd, buf, sizeof buf - 1);
			close(fd);
			buf[n > 0 ? n : 0] = '\0';
			if ((p = strrchr(buf, ')')) != NULL &&
			    sscanf(p + 1, " %*c %d", &ppid) == 1 &&
			    ppid == getpid()) {
				kill(atoi(e->d_name), SIGKILL);
				left++;
			}
		}
		closedir(d);
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		if (left > 0)
			usleep(10000);
	} while (left > 0 && lab_now_ms() < deadline);
	if (left > 0)
		fprintf(stderr, "test_story: %d processes left\n", left);
}

/* One TCase per test, so that the sweep runs after each. */
static void
add(Suite *su, const char *name, const TTest *test, int timeout)
{
	TCase *tc = tcase_create(name);

	tcase_set_timeout(tc, timeout);
	tcase_add_unchecked_fixture(tc, no_setup, sweep);
	tcase_add_test(tc, test);
	suite_add_tcase(su, tc);
}

int
main(void)
{
	Suite *su;

	if (prctl(PR_SET_CHILD_SUBREAPER, 1) == -1) {
		perror("PR_SET_CHILD_SUBREAPER");
		return 99;
	}
	{
		su = suite_create("story");
		add(su, "cmd-big-env", big_environment_keeps_orphans, 30);
		add(su, "chain", follows_the_sysv_chain, 60);
		add(su, "chain-ticks", looks_between_steps_keep_the_mark, 60);
		add(su, "chain-leader", session_leader_exits_as_step_fork, 60);
		add(su, "cmd-sh", follows_a_shell_double_fork, 30);
		add(su, "cmd-unseen", double_fork_between_two_looks, 30);
		add(su, "cmd-c", follows_a_c_double_fork, 30);
		add(su, "attach-watch", attached_change_is_watched, 30);
		add(su, "attach-dfork", attached_leader_double_forks, 30);
		add(su, "attach-dfork-group", attached_leader_double_forks_new_group,
		    30);
		add(su, "attach-gfork", attached_group_leader_forks, 30);
		add(su, "attach-adopted", adopter_is_named_a_subreaper, 30);
		add(su, "vanish-exit", exit_between_add_and_refresh, 30);
		add(su, "vanish-zombie", zombie_is_not_exited, 30);
		add(su, "vanish-nosuch", no_such_process, 30);
		add(su, "vanish-churn", vanishing_while_reading, 60);
		add(su, "vanish-full", more_processes_than_rows, 30);
		add(su, "hostile-exec", hostile_name_from_exec, 30);
		add(su, "hostile-cut", hostile_name_cut_and_in_the_ppid_label, 30);
	}
	return lab_run(su) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
