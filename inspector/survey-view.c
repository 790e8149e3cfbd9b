/* SPDX-License-Identifier: MIT */
/*
 * survey-view.c - the live survey: every process, its kind, the fields
 * that decided it, and the seed's claims; a look every two seconds.
 * Drawing and keys only: survey-read.c looks, survey-kind.c decides.
 */
#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "charset.h"
#include "clock.h"
#include "escape.h"
#include "lessons.h"
#include "survey.h"
#include "survey-view.h"
#include "text.h"
#include "textwrap.h"
#include "ui.h"

#define REFRESH_MS 2000

enum { V_PPID, V_PID, V_PGID, V_SID, V_TTY, V_TPGID, V_STAT, V_UID,
	V_TIME, V_KIND, V_N };
static const char *const heads[V_N] = { "PPID", "PID", "PGID", "SID",
    "TTY", "TPGID", "STAT", "UID", "TIME", "KIND" };
static const int right[V_N] = { 1, 1, 1, 1, 0, 1, 0, 1, 1, 0 };

struct sview {
	struct survey s;
	int *order, *depth, norder, cap;
	int tree, filter, claims, help, lesson, scroll;
	const char *lang;
	int top, sel;           /* first row shown; selected, in order[] */
	pid_t sel_pid;
	char status[160];
};

static int
fit(const char *s, int width, int *used)
{
	return textwrap_fit(s, width, used);
}

static void
rule_line(int y, int x, int width, attr_t attr)
{
	attron(attr);
	mvhline(y, x, charset_utf8() ? ACS_HLINE : '-', width);
	attroff(attr);
}

/* Word-wraps our own (or escaped) text from line y, at most max lines,
 * leaving out the first skip lines (scrolling); returns the lines the
 * whole text takes, less skip. A newline in the text ends a line. */
static int
wrap_from(int y, int x, int width, int max, int skip, attr_t attr,
    const char *text)
{
	char *copy;
	const char *p;
	int lines = 0, len, room = max + skip;

	p = text = charset_drawable(text, &copy);
	while (*p != '\0' && lines < room) {
		if ((len = textwrap_break(p, width)) == 0 && *p != '\n')
			len = 1;
		if (lines >= skip && len > 0) {
			attron(attr);
			mvaddnstr(y + lines - skip, x, p, len);
			attroff(attr);
		}
		lines++;
		p += len;
		if (*p == '\n')
			p++;
		else
			while (*p == ' ')
				p++;
	}
	free(copy);
	return lines - skip;
}

static int
wrap(int y, int x, int width, int max, attr_t attr, const char *text)
{
	return wrap_from(y, x, width, max, 0, attr, text);
}

static void
cell(const struct sview *v, const struct survey_proc *p, int c, char *buf,
    size_t size)
{
	switch (c) {
	case V_PPID: snprintf(buf, size, "%d", (int)p->ppid); break;
	case V_PID: snprintf(buf, size, "%d", (int)p->pid); break;
	case V_PGID: snprintf(buf, size, "%d", (int)p->pgid); break;
	case V_SID: snprintf(buf, size, "%d", (int)p->sid); break;
	case V_TTY: snprintf(buf, size, "%s", survey_tty(v->s.procfd, p)); break;
	case V_TPGID: snprintf(buf, size, "%d", (int)p->tpgid); break;
	case V_STAT: {
		char s[8];

		survey_stat(p, s);
		snprintf(buf, size, "%s", s);
		break;
	}
	case V_UID:
		if (p->euid >= 0)
			snprintf(buf, size, "%ld", p->euid);
		else
			snprintf(buf, size, "-");
		break;
	case V_TIME: survey_time(p, buf, size); break;
	case V_KIND:
		snprintf(buf, size, "%s", text_say(T_SK_KTHREAD + p->kind));
		break;
	}
}

static void
reorder(struct sview *v)
{
	int i;

	if (v->cap < v->s.n + 1) {
		free(v->order);
		free(v->depth);
		v->cap = v->s.n + 64;
		v->order = malloc(sizeof *v->order * v->cap);
		v->depth = malloc(sizeof *v->depth * v->cap);
		if (v->order == NULL || v->depth == NULL) {
			v->norder = v->cap = 0;
			return;
		}
	}
	v->norder = survey_order(v->s.procs, v->s.n, v->tree, v->filter,
	    v->order, v->depth);
	/* The selection follows its process. */
	for (i = 0; i < v->norder; i++)
		if (v->s.procs[v->order[i]].pid == v->sel_pid) {
			v->sel = i;
			return;
		}
	if (v->sel >= v->norder)
		v->sel = v->norder > 0 ? v->norder - 1 : 0;
}

static void
draw_table(struct sview *v, int y, int rows)
{
	char buf[1024];
	int w[V_N], c, i, x, used;

	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + rows)
		v->top = v->sel - rows + 1;
	/* Widths of the rows on the screen only, as top(1) does: at 80
	 * columns, COMMAND keeps room that one wide UID elsewhere would
	 * take. (Cells cost little for one screen, not for every row.) */
	for (c = 0; c < V_N; c++) {
		w[c] = escape_width(heads[c]);
		for (i = v->top; i < v->norder && i < v->top + rows; i++) {
			int cw;

			cell(v, &v->s.procs[v->order[i]], c, buf, sizeof buf);
			if ((cw = escape_width(buf)) > w[c])
				w[c] = cw;
		}
	}
	attron(A_BOLD | A_UNDERLINE);
	mvhline(y, 0, ' ', COLS);
	for (c = 0, x = 1; c < V_N && x < COLS; x += w[c] + 1, c++)
		ui_put(y, x + (right[c] ? w[c] - (int)strlen(heads[c]) : 0),
		    COLS - x, A_BOLD | A_UNDERLINE, heads[c]);
	if (x < COLS)
		ui_put(y, x, COLS - x, A_BOLD | A_UNDERLINE, "COMMAND");
	attroff(A_BOLD | A_UNDERLINE);
	if (v->norder == 0)
		ui_put(y + 1, 1, COLS - 1, A_DIM, text_say(T_SURVEY_EMPTY));
	for (i = v->top; i < v->norder && i < v->top + rows; i++) {
		const struct survey_proc *p = &v->s.procs[v->order[i]];
		int yy = y + 1 + i - v->top;
		attr_t a = i == v->sel ? A_REVERSE : A_NORMAL;

		if (i == v->sel)
			mvhline(yy, 0, ' ' | A_REVERSE, COLS);
		ui_put(yy, 0, 1, a, i == v->sel ? ">" : " ");
		for (c = 0, x = 1; c < V_N && x < COLS; x += w[c] + 1, c++) {
			cell(v, p, c, buf, sizeof buf);
			fit(buf, w[c], &used);
			ui_put(yy, x + (right[c] ? w[c] - used : 0), COLS - x, a,
			    buf);
		}
		if (x < COLS) {
			/* Three levels of indentation at most: deeper
			 * trees would leave COMMAND no room at 80 columns. */
			survey_command(p, v->depth[i] < 3 ? v->depth[i] : 3,
			    buf, sizeof buf);
			ui_put(yy, x, COLS - x, a, buf);
		}
	}
}

static void
draw_detail(struct sview *v, int y, int lines)
{
	char why[1024], facts[512], title[160];
	const struct survey_proc *p;

	rule_line(y, 0, COLS, A_BOLD);
	if (v->norder == 0)
		return;
	p = &v->s.procs[v->order[v->sel]];
	snprintf(title, sizeof title, " PID %d: %s ", (int)p->pid,
	    text_say(T_SKN_KTHREAD + p->kind));
	ui_put(y, 2, COLS - 4, A_BOLD, title);
	survey_why(p, v->s.procs, v->s.n, why, sizeof why);
	survey_facts(p, v->s.procs, v->s.n, facts, sizeof facts);
	y++;
	y += wrap(y, 1, COLS - 2, lines - 1, A_NORMAL, why);
	wrap(y, 1, COLS - 2, 1, A_DIM, facts);
}

static void
draw_claims(struct sview *v, int y, int max)
{
	static struct survey_summary sum;
	static char lines[16][512];
	int k, i, used = 0;

	survey_summarize(v->s.procs, v->s.n, &sum);
	k = survey_claims(v->s.procs, v->s.n, &sum, lines, 16);
	ui_put(y, 1, COLS - 2, A_BOLD, text_say(T_SURVEY_CLAIMS));
	used++;
	for (i = 0; i < k && used < max; i++) {
		ui_put(y + used, 1, 2, A_NORMAL, "-");
		used += wrap(y + used, 3, COLS - 4, max - used, A_NORMAL,
		    lines[i]);
	}
}

/* The survey lesson: title, summary, what to watch, pitfalls; scrolled
 * by PgUp/PgDn. Drawn off screen (lines before scroll) and clipped. */
static void
draw_lesson(struct sview *v, int y, int max)
{
	const struct lesson *l = lesson_find("survey", v->lang);
	char text[16384];
	int n;

	if (l == NULL)
		return;
	snprintf(text, sizeof text, "%s\n\n%s\n\n%s\n%s\n\n%s", l->title,
	    l->summary, text_say(T_WATCH), l->watch, l->pitfalls);
	n = wrap_from(y, 1, COLS - 2, max, v->scroll, A_NORMAL, text);
	if (n <= 0 && v->scroll > 0)
		v->scroll = v->scroll > max ? v->scroll - max : 0;
}

static void
draw_help(int y, int max)
{
	char line[256];
	int k, used = 0;

	for (k = 0; k < SURVEY_NKINDS && used < max; k++) {
		int w, pad;

		snprintf(line, sizeof line, "%s", text_say(T_SK_KTHREAD + k));
		w = escape_width(line);
		pad = w < 14 ? 14 - w : 1;
		snprintf(line + strlen(line), sizeof line - strlen(line),
		    "%*s%s", pad, "", text_say(T_SKN_KTHREAD + k));
		used += wrap(y + used, 2, COLS - 4, 1, A_NORMAL, line);
	}
}

static void
draw(struct sview *v)
{
	char title[256];
	int body, detail = 5;

	erase();
	if (COLS < 80 || LINES < 24) {
		snprintf(title, sizeof title, text_say(T_TOO_SMALL), 80, 24,
		    COLS, LINES);
		wrap(0, 0, COLS, LINES, A_BOLD, title);
		refresh();
		return;
	}
	snprintf(title, sizeof title, text_say(T_SURVEY_TITLE), v->s.n,
	    text_say(v->tree ? T_SURVEY_TREE : T_SURVEY_FLAT), v->filter < 0 ?
	    text_say(T_SURVEY_ALL) : text_say(T_SKN_KTHREAD + v->filter));
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	attroff(A_REVERSE);
	ui_put(0, 0, COLS, A_REVERSE | A_BOLD, title);
	body = LINES - 2 - detail;
	if (v->lesson)
		draw_lesson(v, 1, body);
	else if (v->claims)
		draw_claims(v, 1, body);
	else if (v->help)
		draw_help(1, body);
	else
		draw_table(v, 1, body - 1);
	draw_detail(v, 1 + body, detail);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	attroff(A_REVERSE);
	ui_put(LINES - 1, 0, COLS, A_REVERSE, v->status[0] ? v->status :
	    text_say(T_SURVEY_KEYS));
	refresh();
}

/* The next kind with processes after the filter; -1 (all) after the last. */
static int
next_filter(const struct survey *s, int filter)
{
	int k, i;

	for (k = filter + 1; k < SURVEY_NKINDS; k++)
		for (i = 0; i < s->n; i++)
			if ((int)s->procs[i].kind == k)
				return k;
	return -1;
}

/* Returns what the key asks: 1 quit, 2 attach, 0 else. */
static int
key(struct sview *v, int ch, int page)
{
	v->status[0] = '\0';
	switch (ch) {
	case 'q': case 'Q': case 3:
		return 1;
	case 12:    /* ^L: a line noise or another program's output */
		ui_repaint();
		break;
	case KEY_UP:
		if (v->sel > 0)
			v->sel--;
		break;
	case KEY_DOWN:
		if (v->sel < v->norder - 1)
			v->sel++;
		break;
	case KEY_PPAGE:
		if (v->lesson)
			v->scroll = v->scroll > page ? v->scroll - page : 0;
		else
			v->sel = v->sel > page ? v->sel - page : 0;
		break;
	case KEY_NPAGE:
		if (v->lesson)
			v->scroll += page;
		else
			v->sel = v->sel + page < v->norder ? v->sel + page :
			    (v->norder > 0 ? v->norder - 1 : 0);
		break;
	case KEY_HOME: case 'g':
		v->sel = 0;
		break;
	case KEY_END: case 'G':
		v->sel = v->norder > 0 ? v->norder - 1 : 0;
		break;
	case 't': case 'T':
		v->tree = !v->tree;
		break;
	case 'k': case 'K':
		v->filter = next_filter(&v->s, v->filter);
		v->sel = 0;
		v->sel_pid = 0;
		break;
	case 'c': case 'C':
		v->claims = !v->claims;
		v->help = v->lesson = 0;
		break;
	case 'l': case 'L':
		v->lesson = !v->lesson;
		v->help = v->claims = 0;
		v->scroll = 0;
		break;
	case '?':
		v->help = !v->help;
		v->claims = v->lesson = 0;
		break;
	case 'a': case 'A':
		if (v->norder > 0)
			return 2;
		break;
	}
	if (v->norder > 0)
		v->sel_pid = v->s.procs[v->order[v->sel]].pid;
	return 0;
}

pid_t
survey_view(const char *lang, volatile sig_atomic_t *quit)
{
	static struct sview v;
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	long next = 0, t;
	pid_t attach = 0;
	int ch, done = 0, what;

	memset(&v, 0, sizeof v);
	v.filter = -1;
	v.lang = lang;
	if (survey_open(&v.s) == -1)
		return -1;
	while (!done && !*quit) {
		if ((t = clock_ms()) >= next) {
			survey_look(&v.s);
			next = t + REFRESH_MS;
			reorder(&v);
		}
		draw(&v);
		poll(&pfd, 1, (int)(next - clock_ms() > 0 ? next - clock_ms() : 0));
		while (!done && (ch = getch()) != ERR) {
			what = key(&v, ch, LINES - 8);
			if (what == 1)
				done = 1;
			else if (what == 2) {
				pid_t pid = v.s.procs[v.order[v.sel]].pid;

				if (kill(pid, 0) == 0 || errno == EPERM) {
					attach = pid;
					done = 1;
				} else
					snprintf(v.status, sizeof v.status,
					    text_say(T_SURVEY_GONE), (int)pid);
			}
			reorder(&v);
		}
	}
	free(v.order);
	free(v.depth);
	survey_close(&v.s);
	return attach;
}
