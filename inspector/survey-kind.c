/* SPDX-License-Identifier: MIT */
/*
 * survey-kind.c - what each process is, from one look at the machine:
 * a pure function of the look (the tests feed it recorded looks).
 *
 * The rules, in order (the first that fits decides):
 *
 *   zombie          state Z: exited, its parent has not called wait()
 *   kernel thread   PF_KTHREAD in stat field 9 (not PPID 2: the kernel's
 *                   user-mode helpers have PPID 2 too, without the flag)
 *   init            PID 1
 *   unknown         SID or PGID 0 for anything else: it never left the
 *                   session the kernel started PID 1 in
 *   service manager another process's orphans live under it (a child in
 *                   a session that neither it nor the child leads: only
 *                   adoption, by a subreaper, puts one there), or at
 *                   least three children without a terminal lead
 *                   sessions of their own (a manager that calls setsid()
 *                   for each service); /proc does not show the
 *                   subreaper flag itself
 *   no controlling terminal (a daemon, in this survey):
 *     daemon, session leader   SID = PID
 *     daemon worker            its parent is in its session (the master
 *                              that forked it)
 *     orphaned group           leads its group in a session whose leader
 *                              is gone, no tie to a parent in the session
 *                              (a job that outlived its logout: nohup)
 *     daemon, double-forked    the rest: in a session it does not lead,
 *                              its parent outside it
 *   a controlling terminal:
 *     terminal session leader  SID = PID (a shell)
 *     orphaned group           no member has a parent in the same session
 *                              but another group (POSIX: such a group's
 *                              stopped members get SIGHUP)
 *     foreground job           PGID = TPGID
 *     background job           the rest
 */
#include <stdlib.h>
#include <string.h>

#include "proc.h"
#include "survey.h"

#define MANAGER_LEADS 3

int
survey_find(const struct survey_proc *p, int n, pid_t pid)
{
	int lo = 0, hi = n - 1, mid;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		if (p[mid].pid == pid)
			return mid;
		if (p[mid].pid < pid)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* PID -> its row and the counts keyed by it (as a session ID, a group
 * ID): open addressing, built once per look, so that classifying stays
 * linear in the machine. */
struct slot {
	pid_t key;              /* 0: empty */
	int   idx;              /* its row, or -1: no such process */
	int   in_session, in_group, ties;
};

struct pidmap {
	struct slot *slots;
	unsigned mask;
};

static struct slot *
map_get(struct pidmap *m, pid_t key)
{
	unsigned h = (unsigned)key * 2654435761u;

	for (;; h++) {
		struct slot *sl = &m->slots[h & m->mask];

		if (sl->key == key)
			return sl;
		if (sl->key == 0) {
			sl->key = key;
			sl->idx = -1;
			return sl;
		}
	}
}

static int
user_level(const struct survey_proc *p)
{
	return !(p->flags & PROC_PF_KTHREAD);
}

void
survey_classify(struct survey_proc *p, int n)
{
	static struct slot zero;    /* when memory runs out: no counts */
	struct pidmap m;
	struct slot *sl, *ps, *gs;
	unsigned size = 16;
	int i;

	/* Keys: every PID, SID and PGID; at most 3n, kept under half full. */
	while (size < 6u * (unsigned)n + 16)
		size *= 2;
	m.mask = size - 1;
	m.slots = calloc(size, sizeof *m.slots);
	for (i = 0; m.slots != NULL && i < n; i++)
		map_get(&m, p[i].pid)->idx = i;
	for (i = 0; i < n; i++) {
		if (m.slots != NULL) {
			sl = map_get(&m, p[i].ppid);
			p[i].parent = sl->idx;
			if (p[i].sid > 0)
				map_get(&m, p[i].sid)->in_session++;
			if (p[i].pgid > 0)
				map_get(&m, p[i].pgid)->in_group++;
		} else
			p[i].parent = survey_find(p, n, p[i].ppid);
		p[i].adopted = p[i].led = 0;
	}
	for (i = 0; i < n; i++) {
		const struct survey_proc *c = &p[i];
		struct survey_proc *par = c->parent >= 0 ? &p[c->parent] : NULL;

		if (par == NULL || !user_level(c) || c->state == 'Z')
			continue;
		/* A tie: a parent in the same session, another group. */
		if (m.slots != NULL && c->pgid > 0 && par->sid == c->sid &&
		    par->pgid != c->pgid)
			map_get(&m, c->pgid)->ties++;
		if (par->pid == 1 || !user_level(par) || c->sid == 0)
			continue;
		if (c->sid != par->sid && c->sid != c->pid)
			par->adopted++;
		else if (c->sid == c->pid && c->tty_nr == 0 &&
		    c->sid != par->sid)
			par->led++;
	}

	for (i = 0; i < n; i++) {
		struct survey_proc *c = &p[i];
		const struct survey_proc *par = c->parent >= 0 ?
		    &p[c->parent] : NULL;
		int orphaned;

		ps = m.slots != NULL && c->sid > 0 ? map_get(&m, c->sid) : &zero;
		gs = m.slots != NULL && c->pgid > 0 ? map_get(&m, c->pgid) :
		    &zero;
		orphaned = gs->ties == 0;
		c->in_session = ps->in_session;
		c->in_group = gs->in_group;
		if (c->state == 'Z')
			c->kind = SK_ZOMBIE;
		else if (!user_level(c))
			c->kind = SK_KTHREAD;
		else if (c->pid == 1)
			c->kind = SK_INIT;
		else if (c->sid == 0 || c->pgid == 0)
			c->kind = SK_UNKNOWN;
		else if (c->adopted > 0 || c->led >= MANAGER_LEADS)
			c->kind = SK_MANAGER;
		else if (c->tty_nr == 0) {
			if (c->sid == c->pid)
				c->kind = SK_DAEMON_LEADER;
			else if (par != NULL && par->sid == c->sid)
				c->kind = SK_WORKER;
			else if (c->pgid == c->pid && orphaned &&
			    ps->idx < 0)
				c->kind = SK_ORPHANED;
			else
				c->kind = SK_DAEMON_FORKED;
		} else {
			if (c->sid == c->pid)
				c->kind = SK_SHELL;
			else if (orphaned)
				c->kind = SK_ORPHANED;
			else if (c->pgid == c->tpgid)
				c->kind = SK_FOREGROUND;
			else
				c->kind = SK_BACKGROUND;
		}
	}
	free(m.slots);
}

static int
is_daemon(const struct survey_proc *p)
{
	return user_level(p) && p->pid != 1 && p->state != 'Z' &&
	    p->tty_nr == 0;
}

/* The SURVEY_TOP most frequent values of v, most frequent first (a tie
 * goes to the value met first): counted in a hash table, linear. */
static void
top(const long *v, int n, long *out, int *outn)
{
	struct { long key; int count, used; } *t;
	unsigned size = 16, mask, h;
	int i, j, k;

	memset(outn, 0, sizeof *outn * SURVEY_TOP);
	memset(out, 0, sizeof *out * SURVEY_TOP);
	while (size < 2u * (unsigned)n + 16)
		size *= 2;
	mask = size - 1;
	if ((t = calloc(size, sizeof *t)) == NULL)
		return;
	for (i = 0; i < n; i++) {
		for (h = (unsigned)v[i] * 2654435761u; ; h++)
			if (!t[h & mask].used || t[h & mask].key == v[i])
				break;
		t[h & mask].used = 1;
		t[h & mask].key = v[i];
		t[h & mask].count++;
	}
	for (i = 0; i < (int)size; i++) {
		if (!t[i].used)
			continue;
		for (k = 0; k < SURVEY_TOP && outn[k] >= t[i].count; k++)
			;
		if (k == SURVEY_TOP)
			continue;
		for (j = SURVEY_TOP - 1; j > k; j--) {
			out[j] = out[j - 1];
			outn[j] = outn[j - 1];
		}
		out[k] = t[i].key;
		outn[k] = t[i].count;
	}
	free(t);
}

void
survey_summarize(const struct survey_proc *p, int n, struct survey_summary *s)
{
	long *uv = malloc(sizeof *uv * (n + 1)), *pv = malloc(sizeof *pv * (n + 1));
	long tv[SURVEY_TOP];
	int nu = 0, np = 0, i, nppid0 = 0, ncrowd = 0;

	memset(s, 0, sizeof *s);
	s->total = n;
	for (i = 0; i < n; i++) {
		const struct survey_proc *c = &p[i];

		s->kinds[c->kind]++;
		if (c->ppid == 0) {
			s->ppid0++;
			if (!user_level(c))
				s->ppid0_kthreads++;
			else if (nppid0 < SURVEY_TOP)
				s->ppid0_user[nppid0++] = c->pid;
		}
		if (!user_level(c) && c->state != 'Z') {
			s->kthreads++;
			if (c->euid == 0 && c->tty_nr == 0 && c->args[0] == '\0')
				s->kthreads_plain++;
		}
		if (c->pid == 1) {
			s->init_found = 1;
			s->init_kthread = !user_level(c);
			s->init_pgid = c->pgid;
			s->init_sid = c->sid;
		}
		if (!is_daemon(c))
			continue;
		s->daemons++;
		if (c->euid == 0)
			s->daemons_root++;
		else if (uv != NULL)
			uv[nu++] = c->euid;
		if (c->sid == c->pid) {
			s->leaders++;
			if (c->in_session == 1 && c->in_group == 1)
				s->alone++;
			else if (ncrowd < SURVEY_TOP)
				s->crowded[ncrowd++] = c->pid;
		} else
			s->not_leading[c->kind]++;
		if (c->ppid == 1)
			s->under_init++;
		else if (pv != NULL)
			pv[np++] = c->ppid;
	}
	if (uv != NULL)
		top(uv, nu, s->other_uid, s->other_uid_n);
	if (pv != NULL) {
		top(pv, np, tv, s->other_parent_n);
		for (i = 0; i < SURVEY_TOP; i++)
			s->other_parent[i] = (pid_t)tv[i];
	}
	free(uv);
	free(pv);
}

/* Tree order: each process under its parent, children by PID. */
static int
walk(const struct survey_proc *p, int n, const int *first, const int *next,
    int i, int d, int filter, int *order, int *depth, int k, char *done)
{
	int c;

	/* Iterative over siblings, recursive over depth (bounded by the
	 * look: a parent loop cannot happen, done[] guards anyway). */
	if (done[i])
		return k;
	done[i] = 1;
	if (filter < 0 || (int)p[i].kind == filter) {
		order[k] = i;
		if (depth != NULL)
			depth[k] = d;
		k++;
	}
	for (c = first[i]; c >= 0; c = next[c])
		k = walk(p, n, first, next, c, d + 1, filter, order, depth, k,
		    done);
	return k;
}

int
survey_order(const struct survey_proc *p, int n, int tree, int filter,
    int *order, int *depth)
{
	int *first, *next, *last, i, k = 0;
	char *done;

	if (!tree) {
		for (i = 0; i < n; i++)
			if (filter < 0 || (int)p[i].kind == filter) {
				if (depth != NULL)
					depth[k] = 0;
				order[k++] = i;
			}
		return k;
	}
	first = malloc(sizeof *first * (n + 1));
	next = malloc(sizeof *next * (n + 1));
	last = malloc(sizeof *last * (n + 1));
	done = calloc(n + 1, 1);
	if (first == NULL || next == NULL || last == NULL || done == NULL) {
		free(first), free(next), free(last), free(done);
		return survey_order(p, n, 0, filter, order, depth);
	}
	for (i = 0; i < n; i++)
		first[i] = next[i] = last[i] = -1;
	/* By PID ascending, so appending keeps children in PID order. */
	for (i = 0; i < n; i++) {
		int par = survey_find(p, n, p[i].ppid);

		if (par < 0 || par == i)
			continue;
		if (last[par] < 0)
			first[par] = i;
		else
			next[last[par]] = i;
		last[par] = i;
	}
	for (i = 0; i < n; i++)
		if (survey_find(p, n, p[i].ppid) < 0)
			k = walk(p, n, first, next, i, 0, filter, order, depth,
			    k, done);
	/* Anything in a parent loop (impossible in one kernel look, but
	 * a recorded look may hold one) still shows. */
	for (i = 0; i < n; i++)
		if (!done[i])
			k = walk(p, n, first, next, i, 0, filter, order, depth,
			    k, done);
	free(first), free(next), free(last), free(done);
	return k;
}
