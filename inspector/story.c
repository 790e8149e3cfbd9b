/* SPDX-License-Identifier: MIT */
/* story.c - follow the processes of a story across forks, exits and exec. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "columns.h"
#include "escape.h"
#include "story.h"
#include "text.h"
#include "tty.h"

int
story_init(struct story *s)
{
	/* Not a memset: the rows are large, and --once must stay cheap. */
	s->nrows = s->full = s->hidden = s->nsubreapers = 0;
	s->focus = 0;
	s->members = NULL;
	s->self = getpid();
	s->procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return s->procfd == -1 ? -1 : 0;
}

void
story_free(struct story *s)
{
	if (s->procfd >= 0)
		close(s->procfd);
	s->procfd = -1;
}

struct row *
story_find(struct story *s, pid_t pid)
{
	int i;

	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].now.p.pid == pid)
			return &s->rows[i];
	return NULL;
}

static int
is_subreaper(const struct story *s, pid_t pid)
{
	int i;

	for (i = 0; i < s->nsubreapers; i++)
		if (s->subreapers[i] == pid)
			return 1;
	return 0;
}

void
story_subreaper(struct story *s, pid_t pid)
{
	if (!is_subreaper(s, pid) &&
	    s->nsubreapers < (int)(sizeof s->subreapers / sizeof s->subreapers[0]))
		s->subreapers[s->nsubreapers++] = pid;
}

/* "1 init", "812 bash", "3412 daemonlab (subreaper)". */
static void
label(struct story *s, struct look *l)
{
	struct proc_info parent;
	struct row *r = story_find(s, l->p.ppid);
	char name[64] = "?";

	if (l->p.ppid == 1)
		snprintf(name, sizeof name, "init");
	else if (r != NULL)
		escape_str(r->now.p.comm, strlen(r->now.p.comm), name, sizeof name);
	else if (l->p.ppid > 0 && proc_read_stat(s->procfd, l->p.ppid, &parent) == 0)
		escape_str(parent.comm, strlen(parent.comm), name, sizeof name);
	if (l->p.ppid == 0)
		snprintf(l->ppid_label, sizeof l->ppid_label, "0");
	else
		snprintf(l->ppid_label, sizeof l->ppid_label, "%d %s%s",
		    (int)l->p.ppid, name,
		    is_subreaper(s, l->p.ppid) ? " (subreaper)" : "");
	if (is_subreaper(s, l->p.ppid))
		snprintf(l->ppid_brief, sizeof l->ppid_brief, "%d (subreaper)",
		    (int)l->p.ppid);
	else
		snprintf(l->ppid_brief, sizeof l->ppid_brief, "%s",
		    l->ppid_label);
	tty_name_pid(s->procfd, l->p.pid, l->p.tty_nr, l->tty, sizeof l->tty);
}

struct row *
story_add(struct story *s, pid_t pid, enum row_role role)
{
	struct row *r = story_find(s, pid);

	if (r != NULL)
		return r;
	if (s->nrows == STORY_MAX_ROWS) {
		s->full = 1;
		return NULL;
	}
	r = &s->rows[s->nrows];
	if (proc_read(s->procfd, pid, &r->now.p) == -1)
		return NULL;
	r->has_mark = r->exited = 0;
	r->now.status = r->now.status_known = 0;
	r->role = role;
	s->nrows++;
	label(s, &r->now);
	return r;
}

/* Does a process we do not follow yet belong to the story? */
static int
belongs(struct story *s, const struct proc_info *p)
{
	struct row *r;

	if (p->ppid == s->self && is_subreaper(s, s->self))
		return 1;               /* an orphan we adopted */
	if ((r = story_find(s, p->ppid)) != NULL && !r->exited)
		return 1;               /* a child */
	/* A member of a session or group that a process of ours leads: a
	 * double fork can slip between two looks, this still finds it. */
	if ((r = story_find(s, p->sid)) != NULL && r->now.p.sid == p->sid)
		return 1;
	if ((r = story_find(s, p->pgid)) != NULL && r->now.p.pgid == p->pgid)
		return 1;
	return 0;
}

/* A run's rows: its members, in the order they were proved, as many
 * as there are rows; the rest are counted as hidden. */
static void
from_members(struct story *s)
{
	const struct members *m = s->members;
	int i;

	s->hidden = 0;
	for (i = 0; i < m->n; i++) {
		if (!m->v[i].alive || story_find(s, m->v[i].pid) != NULL)
			continue;
		if (story_add(s, m->v[i].pid, ROLE_CHAIN) == NULL && s->full)
			s->hidden++;
	}
}

static void
discover(struct story *s)
{
	static pid_t pids[65536];
	struct proc_info p;
	int i, n, added;

	if (s->members != NULL) {
		from_members(s);
		return;
	}
	do {
		added = 0;
		n = proc_list(s->procfd, pids, sizeof pids / sizeof pids[0]);
		for (i = 0; i < n && i < (int)(sizeof pids / sizeof pids[0]); i++) {
			if (pids[i] == s->self || story_find(s, pids[i]) != NULL)
				continue;
			if (proc_read_stat(s->procfd, pids[i], &p) == 0 && belongs(s, &p) &&
			    story_add(s, pids[i], ROLE_CHAIN) != NULL)
				added++;
		}
	} while (added > 0 && !s->full);
}

/* The wait status of an exited row, once the run has collected it
 * (the inspector reaped it, or the launcher's shell reported it). */
static void
collect(struct story *s, struct row *r)
{
	const struct member *e;

	if (r->now.status_known || s->members == NULL ||
	    (e = members_find(s->members, r->now.p.pid)) == NULL ||
	    e->start != r->now.p.starttime || !e->reaped)
		return;
	r->now.status = e->status;
	r->now.status_known = 1;
}

void
story_exit_words(const struct look *l, char *buf, size_t size)
{
	const char *name;

	if (!l->status_known)
		snprintf(buf, size, "%s", text_say(T_STAT_GONE));
	else if (WIFEXITED(l->status))
		snprintf(buf, size, text_say(T_STAT_EXIT),
		    WEXITSTATUS(l->status));
	else if (WIFSIGNALED(l->status) &&
	    (name = sigabbrev_np(WTERMSIG(l->status))) != NULL)
		snprintf(buf, size, "SIG%s", name);
	else
		snprintf(buf, size, "%s", text_say(T_STAT_GONE));
}

void
story_refresh(struct story *s)
{
	struct proc_info p;
	int i;

	for (i = 0; i < s->nrows; i++) {
		struct row *r = &s->rows[i];

		if (r->exited) {
			collect(s, r);
			continue;
		}
		/* Gone, or its PID already reused: it exited. Its last
		 * state is no longer true: STAT says exited instead. */
		if (proc_read(s->procfd, r->now.p.pid, &p) == -1 ||
		    p.starttime != r->now.p.starttime) {
			r->exited = 1;
			r->now.p.exited = 1;
			collect(s, r);
			continue;
		}
		/* A parent changes only by adoption, and only init and
		 * child subreapers adopt: whoever took it is one. */
		if (p.ppid != r->now.p.ppid && p.ppid != 1)
			story_subreaper(s, p.ppid);
		r->now.p = p;
		label(s, &r->now);
	}
	discover(s);
}

void
story_mark(struct story *s)
{
	int i;

	story_refresh(s);
	for (i = 0; i < s->nrows; i++) {
		s->rows[i].mark = s->rows[i].now;
		s->rows[i].has_mark = 1;
	}
}

void
story_step(struct story *s, pid_t pid, pid_t parent)
{
	struct row *r, *from;
	int i;

	story_refresh(s);
	/* A process first seen since the last step has nothing to compare
	 * with: it starts unchanged (a forked child is handled below). */
	for (i = 0; i < s->nrows; i++)
		if (!s->rows[i].has_mark) {
			s->rows[i].mark = s->rows[i].now;
			s->rows[i].has_mark = 1;
		}
	r = story_add(s, pid, ROLE_CHAIN);
	if (r != NULL && parent > 0 && (from = story_find(s, parent)) != NULL) {
		r->mark = from->mark;
		r->has_mark = 1;
	}
	s->focus = pid;
}

int
story_watch(struct story *s)
{
	static struct look before[STORY_MAX_ROWS];
	int i, n = s->nrows, changed = 0;

	for (i = 0; i < n; i++)
		before[i] = s->rows[i].now;
	story_refresh(s);
	for (i = 0; i < n; i++)
		if (columns_changed(&before[i], &s->rows[i].now) != 0) {
			s->rows[i].mark = before[i];
			s->rows[i].has_mark = 1;
			s->focus = s->rows[i].now.p.pid;
			changed++;
		}
	return changed;
}

int
story_alive(const struct story *s)
{
	int i, n = 0;

	for (i = 0; i < s->nrows; i++)
		n += !s->rows[i].exited && s->rows[i].now.p.state != 'Z';
	return n;
}
