/* SPDX-License-Identifier: MIT */
/*
 * survey-print.c - the survey as text: cells, explanations, the seed's
 * claims, and --survey --once. Everything a process chose (comm, args)
 * goes through escape_str(); every sentence comes from the text tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "columns.h"
#include "escape.h"
#include "proc.h"
#include "survey.h"
#include "text.h"
#include "tty.h"

const char *
survey_tty(int procfd, const struct survey_proc *p)
{
	static struct { unsigned nr; char name[24]; } cache[64];
	static int ncache;
	static char other[24];
	int i;

	if (p->tty_nr == 0)
		return "?";
	for (i = 0; i < ncache; i++)
		if (cache[i].nr == p->tty_nr)
			return cache[i].name;
	/* The driver's name depends on the device alone: cache it. Only a
	 * device no driver names needs the process's descriptors. */
	tty_name(p->tty_nr, other, sizeof other);
	if (strcmp(other, "?") == 0 && procfd >= 0) {
		tty_name_pid(procfd, p->pid, p->tty_nr, other, sizeof other);
		return other;
	}
	if (ncache < (int)(sizeof cache / sizeof cache[0])) {
		cache[ncache].nr = p->tty_nr;
		memcpy(cache[ncache].name, other, sizeof other);
		return cache[ncache++].name;
	}
	return other;
}


void
survey_command(const struct survey_proc *p, int depth, char *buf,
    size_t size)
{
	char name[4 * sizeof p->comm + 16];
	size_t used = 0;
	int d;

	if (size == 0)
		return;
	buf[0] = '\0';
	/* ps -axjf: " \_ " one level down, four more spaces a level. */
	if (depth > 0 && size > (size_t)depth * 4 + 4) {
		buf[used++] = ' ';
		for (d = 1; d < depth; d++, used += 4)
			memcpy(buf + used, "    ", 4);
		memcpy(buf + used, "\\_ ", 3);
		used += 3;
		buf[used] = '\0';
	}
	if (p->args[0] != '\0' && p->state != 'Z') {
		escape_str(p->args, strlen(p->args), buf + used, size - used);
		return;
	}
	escape_str(p->comm, strlen(p->comm), name, sizeof name);
	snprintf(buf + used, size - used, "[%s]%s", name,
	    p->state == 'Z' ? " <defunct>" : "");
}

static void
name_of(const struct survey_proc *all, int n, pid_t pid, char *buf,
    size_t size)
{
	int i = survey_find(all, n, pid);
	char name[4 * sizeof all->comm + 1];

	if (i < 0) {
		snprintf(buf, size, "%d (%s)", (int)pid,
		    text_say(T_SURVEY_NO_PARENT));
		return;
	}
	escape_str(all[i].comm, strlen(all[i].comm), name, sizeof name);
	snprintf(buf, size, "%d %s", (int)pid, name);
}

void
survey_why(const struct survey_proc *p, const struct survey_proc *all, int n,
    char *buf, size_t size)
{
	char parent[320];

	switch (p->kind) {
	case SK_MANAGER:
		snprintf(buf, size, text_say(T_SKW_MANAGER), p->adopted, p->led);
		break;
	case SK_ZOMBIE:
		name_of(all, n, p->ppid, parent, sizeof parent);
		snprintf(buf, size, text_say(T_SKW_ZOMBIE), parent);
		break;
	default:
		snprintf(buf, size, "%s", text_say(T_SKW_KTHREAD + p->kind));
		break;
	}
}

void
survey_facts(const struct survey_proc *p, const struct survey_proc *all,
    int n, char *buf, size_t size)
{
	char parent[320];

	name_of(all, n, p->ppid, parent, sizeof parent);
	snprintf(buf, size, text_say(T_SURVEY_FACTS), p->flags, p->in_session,
	    p->in_group, parent);
}

/* Appends one exception to line, after " — " the first time. */
static void
except(char *line, size_t size, int *first, const char *text)
{
	size_t n = strlen(line);

	snprintf(line + n, size - n, "%s%s", *first ? text_say(T_SURVEY_BUT) :
	    text_lang() == TEXT_ZH_CN ? "，" : ", ", text);
	*first = 0;
}

int
survey_claims(const struct survey_proc *p, int n,
    const struct survey_summary *s, char lines[][512], int max)
{
	char one[512], name[320];
	int k = 0, i, first;

#define LINE(...) snprintf(lines[k], sizeof lines[k], __VA_ARGS__)
	if (k < max) {
		LINE(text_say(T_SURVEY_CL_PPID0), s->ppid0_kthreads, s->ppid0);
		for (i = 0, first = 1; i < SURVEY_TOP && s->ppid0_user[i]; i++) {
			int j = survey_find(p, n, s->ppid0_user[i]);
			char c[4 * sizeof p->comm + 1] = "";

			if (j >= 0)
				escape_str(p[j].comm, strlen(p[j].comm), c,
				    sizeof c);
			snprintf(one, sizeof one, text_say(T_SURVEY_EX_PPID0),
			    (int)s->ppid0_user[i], c);
			except(lines[k], sizeof lines[k], &first, one);
		}
		k++;
	}
	if (k < max)
		LINE(text_say(T_SURVEY_CL_KTHREAD), s->kthreads_plain,
		    s->kthreads), k++;
	if (k < max && s->init_found) {
		i = survey_find(p, n, 1);
		escape_str(p[i].comm, strlen(p[i].comm), name, sizeof name);
		LINE(text_say(T_SURVEY_CL_INIT), name, s->init_kthread ?
		    "PF_KTHREAD" : text_say(T_SURVEY_HOLDS), (int)s->init_pgid,
		    (int)s->init_sid);
		k++;
	}
	if (k < max) {
		LINE(text_say(T_SURVEY_CL_ROOT), s->daemons_root, s->daemons);
		for (i = 0, first = 1; i < SURVEY_TOP && s->other_uid_n[i]; i++) {
			snprintf(one, sizeof one, text_say(T_SURVEY_EX_UID),
			    s->other_uid_n[i], s->other_uid[i]);
			except(lines[k], sizeof lines[k], &first, one);
		}
		k++;
	}
	if (k < max) {
		LINE(text_say(T_SURVEY_CL_LEAD), s->leaders, s->daemons);
		for (i = 0, first = 1; i < SURVEY_NKINDS; i++)
			if (s->not_leading[i] > 0) {
				snprintf(one, sizeof one,
				    text_say(T_SURVEY_EX_KIND),
				    s->not_leading[i], text_say(T_SK_KTHREAD + i));
				except(lines[k], sizeof lines[k], &first, one);
			}
		k++;
	}
	if (k < max) {
		LINE(text_say(T_SURVEY_CL_ALONE), s->alone, s->leaders);
		for (i = 0, first = 1; i < SURVEY_TOP && s->crowded[i]; i++) {
			int j = survey_find(p, n, s->crowded[i]);
			char c[4 * sizeof p->comm + 1] = "";

			if (j < 0)
				continue;
			escape_str(p[j].comm, strlen(p[j].comm), c, sizeof c);
			snprintf(one, sizeof one, text_say(T_SURVEY_EX_CROWD),
			    (int)p[j].pid, c, p[j].in_session);
			except(lines[k], sizeof lines[k], &first, one);
		}
		k++;
	}
	if (k < max) {
		LINE(text_say(T_SURVEY_CL_PARENT), s->under_init, s->daemons);
		for (i = 0, first = 1; i < SURVEY_TOP && s->other_parent_n[i];
		    i++) {
			int j = survey_find(p, n, s->other_parent[i]);
			char c[4 * sizeof p->comm + 1] = "?";

			if (j >= 0)
				escape_str(p[j].comm, strlen(p[j].comm), c,
				    sizeof c);
			snprintf(one, sizeof one, text_say(T_SURVEY_EX_PARENT),
			    s->other_parent_n[i], c, (int)s->other_parent[i]);
			except(lines[k], sizeof lines[k], &first, one);
		}
		k++;
	}
	if (k < max)
		LINE("%s", text_say(T_SURVEY_CL_NOTTY)), k++;
#undef LINE
	return k;
}

/* --- --survey --once: one buffered write, no printf per cell -------- */

struct out {
	char buf[65536];
	size_t len;
};

static void
out_flush(struct out *o)
{
	fwrite(o->buf, 1, o->len, stdout);
	o->len = 0;
}

static void
out_put(struct out *o, const char *s, size_t n)
{
	if (o->len + n > sizeof o->buf) {
		out_flush(o);
		if (n > sizeof o->buf) {
			fwrite(s, 1, n, stdout);
			return;
		}
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

/* Room for n bytes more, flushing first if need be. */
static void
out_room(struct out *o, size_t n)
{
	if (o->len + n > sizeof o->buf)
		out_flush(o);
}

/* A number right-aligned in width w (wide enough: measured over every
 * row first), then a space; straight into the buffer, as a few thousand
 * rows cost a few instructions a cell less that way. */
static void
out_num(struct out *o, long v, int w)
{
	static const char pairs[] =
	    "000102030405060708091011121314151617181920212223242526272829"
	    "303132333435363738394041424344454647484950515253545556575859"
	    "606162636465666768697071727374757677787980818283848586878889"
	    "90919293949596979899";
	char *start = o->buf + o->len, *p = start + w;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	*p = ' ';
	while (u >= 10) {
		p -= 2;
		memcpy(p, pairs + u % 100 * 2, 2);
		u /= 100;
	}
	if (u > 0 || p == start + w)
		*--p = '0' + u;     /* an odd count of digits, or 0 */
	if (v < 0)
		*--p = '-';
	while (p > start)
		*--p = ' ';
	o->len += w + 1;
}

/* A cell aligned in width w (display columns: cw), then a space. The
 * caller made room for the row (out_room). */
static void
out_cell(struct out *o, const char *s, int cw, int w, int right)
{
	size_t n = strlen(s);
	int pad = w > cw ? w - cw : 0;

	if (right) {
		memset(o->buf + o->len, ' ', pad);
		o->len += pad;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	if (!right) {
		memset(o->buf + o->len, ' ', pad);
		o->len += pad;
	}
	o->buf[o->len++] = ' ';
}

static int
itoa10(long v, char *buf)
{
	char d[24], *p = d + sizeof d;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	int n;

	do
		*--p = '0' + u % 10;
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	n = d + sizeof d - p;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}

enum { SC_PPID, SC_PID, SC_PGID, SC_SID, SC_TTY, SC_TPGID, SC_STAT, SC_UID,
	SC_TIME, SC_KIND, SC_COMMAND, SC_N };

/* The survey's columns: the story's names (columns.c) where they are
 * the same column, and TIME and KIND of its own. */
static const char *
col_name(int c, int *right)
{
	static const int shared[] = { COL_PPID, COL_PID, COL_PGID, COL_SID,
	    COL_TTY, COL_TPGID, COL_STAT, COL_UID };

	/* Numbers right-aligned, as ps: PPID too, which the story
	 * labels with its owner's name and so aligns left. */
	*right = 1;
	if (c < SC_TIME) {
		*right = c == SC_PPID || columns[shared[c]].right;
		return columns[shared[c]].name;
	}
	if (c == SC_TIME)
		return "TIME";
	*right = 0;
	return c == SC_KIND ? "KIND" : columns[COL_COMMAND].name;
}

static int
digits(long v)
{
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	unsigned long ten = 10;
	int n = 1;

	while (n < 19 && u >= ten) {
		n++;
		ten *= 10;
	}
	return n + (v < 0);
}

int
survey_stat(const struct survey_proc *p, char *s)
{
	int n = 0;

	s[n++] = p->state;
	if (p->nice < 0)
		s[n++] = '<';
	if (p->nice > 0)
		s[n++] = 'N';
	if (p->vmlck > 0)
		s[n++] = 'L';
	if (p->sid == p->pid)
		s[n++] = 's';
	if (p->nlwp > 1)
		s[n++] = 'l';
	if (p->pgid == p->tpgid)
		s[n++] = '+';
	s[n] = '\0';
	return n;
}

static unsigned long long
seconds(const struct survey_proc *p)
{
	static long hz;

	if (hz <= 0 && (hz = sysconf(_SC_CLK_TCK)) <= 0)
		hz = 100;
	return p->cputime / (unsigned long long)hz;
}

static int
time_cell(const struct survey_proc *p, char *buf)
{
	unsigned long long t = seconds(p);
	int n = itoa10((long)(t / 60), buf);

	buf[n++] = ':';
	buf[n++] = '0' + t % 60 / 10;
	buf[n++] = '0' + t % 10;
	buf[n] = '\0';
	return n;
}

static int kind_w[SURVEY_NKINDS];

/* The display width of each cell of row p but COMMAND, cheaply. */
static void
widths(int procfd, const struct survey_proc *p, int cw[SC_N - 1])
{
	char buf[16];

	cw[SC_PPID] = digits(p->ppid);
	cw[SC_PID] = digits(p->pid);
	cw[SC_PGID] = digits(p->pgid);
	cw[SC_SID] = digits(p->sid);
	cw[SC_TTY] = strlen(survey_tty(procfd, p));
	cw[SC_TPGID] = digits(p->tpgid);
	cw[SC_STAT] = survey_stat(p, buf);
	cw[SC_UID] = p->euid >= 0 ? digits(p->euid) : 1;
	cw[SC_TIME] = digits((long)(seconds(p) / 60)) + 3;
	cw[SC_KIND] = kind_w[p->kind];
}

void
survey_time(const struct survey_proc *p, char *buf, size_t size)
{
	char t[32];

	time_cell(p, t);
	snprintf(buf, size, "%s", t);
}

int
survey_print(struct survey *s, int tree)
{
	static struct out o;
	static struct survey_summary sum;
	static char claims[16][512];
	char num[1][24], cmd[1024];
	const char *c[1];
	int cw[SC_N - 1], w[SC_N], rights[SC_N], *order, *depth, n, i, j, right,
	    k;

	if (survey_look(s) == -1)
		return -1;
	order = malloc(sizeof *order * (s->n + 1));
	depth = malloc(sizeof *depth * (s->n + 1));
	if (order == NULL || depth == NULL) {
		free(order), free(depth);
		return -1;
	}
	n = survey_order(s->procs, s->n, tree, -1, order, depth);
	for (j = 0; j < SURVEY_NKINDS; j++)
		kind_w[j] = escape_width(text_say(T_SK_KTHREAD + j));
	for (j = 0; j < SC_N; j++)
		w[j] = strlen(col_name(j, &right));
	for (i = 0; i < n; i++) {
		widths(s->procfd, &s->procs[order[i]], cw);
		for (j = 0; j < SC_N - 1; j++)
			if (cw[j] > w[j])
				w[j] = cw[j];
	}
	out_room(&o, sizeof cmd + 512);
	for (j = 0; j < SC_N; j++) {
		const char *h = col_name(j, &rights[j]);

		if (j == SC_COMMAND)
			out_put(&o, h, strlen(h));
		else
			out_cell(&o, h, strlen(h), w[j], rights[j]);
	}
	out_put(&o, "\n", 1);
	for (i = 0; i < n; i++) {
		const struct survey_proc *p = &s->procs[order[i]];

		/* A row: at most the cells' widths and the command. */
		out_room(&o, sizeof cmd + 512 + SC_N * 24);
		out_num(&o, p->ppid, w[SC_PPID]);
		out_num(&o, p->pid, w[SC_PID]);
		out_num(&o, p->pgid, w[SC_PGID]);
		out_num(&o, p->sid, w[SC_SID]);
		c[0] = survey_tty(s->procfd, p);
		out_cell(&o, c[0], strlen(c[0]), w[SC_TTY], rights[SC_TTY]);
		out_num(&o, p->tpgid, w[SC_TPGID]);
		cw[0] = survey_stat(p, num[0]);
		out_cell(&o, num[0], cw[0], w[SC_STAT], rights[SC_STAT]);
		if (p->euid >= 0)
			out_num(&o, p->euid, w[SC_UID]);
		else
			out_cell(&o, "-", 1, w[SC_UID], 1);
		cw[0] = time_cell(p, num[0]);
		out_cell(&o, num[0], cw[0], w[SC_TIME], 1);
		out_cell(&o, text_say(T_SK_KTHREAD + p->kind), kind_w[p->kind],
		    w[SC_KIND], 0);
		survey_command(p, depth[i], o.buf + o.len, sizeof cmd);
		o.len += strlen(o.buf + o.len);
		o.buf[o.len++] = '\n';
	}
	survey_summarize(s->procs, s->n, &sum);
	k = survey_claims(s->procs, s->n, &sum, claims, 16);
	out_put(&o, "\n", 1);
	out_put(&o, text_say(T_SURVEY_CLAIMS), strlen(text_say(T_SURVEY_CLAIMS)));
	out_put(&o, ":\n", 2);
	for (i = 0; i < k; i++) {
		out_put(&o, "- ", 2);
		out_put(&o, claims[i], strlen(claims[i]));
		out_put(&o, "\n", 1);
	}
	out_flush(&o);
	free(order);
	free(depth);
	return fflush(stdout) == 0 ? 0 : -1;
}
