/* SPDX-License-Identifier: MIT */
/* ui.c - draw the inspector's screen with curses (wide characters). */
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "changes.h"
#include "charset.h"
#include "columns.h"
#include "detail.h"
#include "diagram.h"
#include "escape.h"
#include "layout.h"
#include "lesson-view.h"
#include "lessons.h"
#include "pacing.h"
#include "text.h"
#include "textwrap.h"
#include "ui.h"

enum { PAIR_CHANGED = 1, PAIR_EXITED, PAIR_TITLE, PAIR_HEAD };

static attr_t attr_changed, attr_exited, attr_title, attr_head;
static const struct history *shown_history;    /* the view's, for the detail */
static int started;    /* the screen is ours: give it back before exiting */

/* Whether the terminal can put the cursor anywhere (cup), which every
 * frame needs. */
static int
can_address(void)
{
	char *cup = tigetstr("cup");

	return cup != NULL && cup != (char *)-1;
}

int
ui_start(char *err, size_t size)
{
	const char *term = getenv("TERM"), *no_color = getenv("NO_COLOR");
	SCREEN *scr;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, size, "standard input and output must be a "
		    "terminal for the live view; use --once for a plain table");
		return -1;
	}
	if (term == NULL || *term == '\0' ||
	    (scr = newterm(NULL, stdout, stdin)) == NULL) {
		snprintf(err, size, "TERM=%s is not a terminal type this system "
		    "knows; set TERM (e.g. TERM=xterm-256color), or use --once",
		    term ? term : "(unset)");
		return -1;
	}
	if (!can_address()) {
		/* TERM=dumb: curses would draw every line on one. */
		endwin();
		delscreen(scr);
		snprintf(err, size, "TERM=%s cannot move the cursor, which the "
		    "live view needs; set TERM (e.g. TERM=xterm-256color), or use "
		    "--once", term);
		return -1;
	}
	set_term(scr);
	started = 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	/* Without colours (NO_COLOR, a monochrome terminal) a change is
	 * still plain to see: reverse and bold. */
	attr_changed = A_REVERSE | A_BOLD;
	attr_exited = A_DIM;
	attr_title = A_REVERSE;
	attr_head = A_BOLD | A_UNDERLINE;
	/* no-color.org: only a value that is not empty asks for none. */
	if (has_colors() && (no_color == NULL || *no_color == '\0')) {
		start_color();
		use_default_colors();
		init_pair(PAIR_CHANGED, COLOR_BLACK, COLOR_YELLOW);
		init_pair(PAIR_EXITED, COLORS >= 16 ? 8 : COLOR_WHITE, -1);
		init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_HEAD, COLOR_CYAN, -1);
		attr_changed = COLOR_PAIR(PAIR_CHANGED) | A_BOLD;
		attr_exited = COLOR_PAIR(PAIR_EXITED) | A_DIM;
		attr_title = COLOR_PAIR(PAIR_TITLE) | A_BOLD;
		attr_head = COLOR_PAIR(PAIR_HEAD) | A_BOLD;
	}
	return 0;
}

/* Leaves the alternate screen and shows the cursor again; safe to call
 * on any exit path, started or not, more than once. */
void
ui_end(void)
{
	if (started && !isendwin())
		endwin();
	fflush(stdout);
}

/* ^Z: the terminal as the shell left it, stopped until fg, then every
 * cell drawn again (what was on the screen meanwhile is not ours). The
 * stop is the default action of SIGTSTP, raised again as top and vi do:
 * the kernel discards it in an orphaned process group, where nobody
 * could ever continue us. */
void
ui_suspend(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL }, old;
	sigset_t tstp, mask;

	ui_end();
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	sigaction(SIGTSTP, &dfl, &old);
	sigprocmask(SIG_UNBLOCK, &tstp, &mask);
	raise(SIGTSTP);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	sigaction(SIGTSTP, &old, NULL);
	ui_repaint();
}

/* The next ui_draw() redraws every cell, not only what changed (^L, and
 * after a suspend). */
void
ui_repaint(void)
{
	if (started)
		clearok(curscr, TRUE);
}

/* Bytes of s that fit in width columns, never splitting a character
 * (textwrap.c walks the text for fitting and wrapping alike). */
static int
fit(const char *s, int width, int *used)
{
	return textwrap_fit(s, width, used);
}

/* Writes escaped text at y, x within width columns; returns columns used. */
static int
put(int y, int x, int width, attr_t attr, const char *text)
{
	char *copy;
	int used, bytes;

	if (width <= 0 || y < 0 || y >= LINES)
		return 0;
	text = charset_drawable(text, &copy);
	bytes = fit(text, width, &used);
	attron(attr);
	mvaddnstr(y, x, text, bytes);
	attroff(attr);
	free(copy);
	return used;
}

int
ui_put(int y, int x, int width, attr_t attr, const char *text)
{
	return put(y, x, width, attr, text);
}

/* As put(), but a text that does not fit ends in the ellipsis. */
static int
put_cut(int y, int x, int width, attr_t attr, const char *text)
{
	const char *dots = layout_ellipsis();
	char *copy;
	int used, dw, bytes;

	if (width <= 0)
		return 0;
	text = charset_drawable(text, &copy);
	bytes = fit(text, width, &used);
	if (text[bytes] != '\0') {
		fit(dots, width, &dw);
		bytes = fit(text, width - dw, &used);
	}
	attron(attr);
	mvaddnstr(y, x, text, bytes);
	attroff(attr);
	if (text[bytes] != '\0')
		used += put(y, x + used, width - used, attr, dots);
	free(copy);
	return used;
}

static void
fill(int y, int x, int width, attr_t attr)
{
	attron(attr);
	mvhline(y, x, ' ', width);
	attroff(attr);
}

/* A section title: "── What changed ─────". */
static void
rule(int y, int x, int width, const char *title)
{
	int used;

	attron(attr_head);
	mvhline(y, x, charset_utf8() ? ACS_HLINE : '-', width);
	attroff(attr_head);
	if (title != NULL && width > 6) {
		put(y, x + 2, 1, attr_head, " ");
		used = put_cut(y, x + 3, width - 5, attr_head, title);
		put(y, x + 3 + used, 1, attr_head, " ");
	}
}

/* Word-wraps text into lines of width columns, from line y, at most max
 * lines (where to break: textwrap_break); text left over shows as the
 * ellipsis at the end of the last line. The text is ours or already
 * escaped: a newline in it starts a new line. */
static int
wrap(int y, int x, int width, int max, attr_t attr, const char *text)
{
	char *copy;
	const char *p = charset_drawable(text, &copy), *last = p;
	int lines = 0, len;

	if (width <= 0)
		return 0;
	while (*p != '\0' && lines < max) {
		last = p;
		len = textwrap_break(p, width);
		attron(attr);
		mvaddnstr(y + lines, x, p, len);
		attroff(attr);
		lines++;
		p += len;
		if (*p == '\n')
			p++;
		while (*p == ' ')
			p++;
	}
	if (*p != '\0' && lines > 0) {
		/* Cut: the last line again, marked. */
		const char *dots = layout_ellipsis();
		char piece[1024];
		int dw, used, bytes;

		fit(dots, width, &dw);
		bytes = textwrap_break(last, width - dw);
		snprintf(piece, sizeof piece, "%.*s", bytes, last);
		fill(y + lines - 1, x, width, A_NORMAL);
		used = put(y + lines - 1, x, width - dw, attr, piece);
		put(y + lines - 1, x + used, width - used, attr, dots);
	}
	free(copy);
	return lines;
}

static attr_t
cell_attr(const struct row *r, unsigned changed, int col)
{
	if (r->exited)
		return attr_exited;
	if (changed & (1u << col))
		return attr_changed;
	return A_NORMAL;
}

/* The table: header at y, at most max lines of rows below; row show
 * (the selected row, or the focus) is always among them, marked '>' when
 * selected. When rows are hidden, the last line says how many. Returns
 * lines used. */
static int
draw_table(const struct story *s, int y, int x, int width, int max,
    int show, int selected)
{
	const char *zombie = text_say(T_ZOMBIE_CELL);
	struct layout lo;
	char cell[512], cut[600], more[160];
	unsigned keep = 0;
	int i, r, first = 0, nshow, hidden;

	/* A column the last step changed is dropped last. */
	for (r = 0; r < s->nrows; r++)
		if (s->rows[r].has_mark)
			keep |= columns_changed(&s->rows[r].mark, &s->rows[r].now);
	layout_fit(s, width, keep, escape_width(zombie), &lo);
	for (i = 0; i < NCOLUMNS; i++) {
		int room = width - lo.x[i], pad;

		if (!lo.shown[i] || room <= 0)
			continue;
		pad = columns[i].right ? lo.w[i] - (int)strlen(columns[i].name) : 0;
		put(y, x + lo.x[i] + pad, room - pad, A_NORMAL, columns[i].name);
	}
	mvchgat(y, x, width, attr_head, attr_head & A_COLOR ?
	    PAIR_HEAD : 0, NULL);
	if (max < 1)
		max = 1;
	/* Members the story holds no row for are counted too. */
	nshow = s->nrows + (s->hidden > 0) <= max ? s->nrows : max - 1;
	if (show >= nshow)
		first = show - nshow + 1;
	if (first > s->nrows - nshow)
		first = s->nrows - nshow;
	for (r = first; r < first + nshow; r++) {
		const struct row *row = &s->rows[r];
		unsigned changed = row->has_mark ?
		    columns_changed(&row->mark, &row->now) : 0;
		int yy = y + 1 + r - first;

		/* The gutter, a column of its own: > selected, x exited
		 * (dim too, where a terminal can show dim). */
		if (r == show && selected)
			put(yy, x, 1, A_NORMAL, ">");
		if (row->exited)
			put(yy, x + 1, 1, attr_exited, "x");
		for (i = 0; i < NCOLUMNS; i++) {
			int used, pad, room;

			if (!lo.shown[i] || (room = width - lo.x[i]) <= 0)
				continue;
			if (room > lo.w[i])
				room = lo.w[i];
			columns_cell(i, &row->now, lo.brief, cell, sizeof cell);
			if (i == COL_COMMAND && row->now.p.state == 'Z' &&
			    !row->exited)
				snprintf(cell + strlen(cell),
				    sizeof cell - strlen(cell), "%s", zombie);
			used = layout_cut(cell, room, cut, sizeof cut);
			pad = columns[i].right ? room - used : 0;
			put(yy, x + lo.x[i] + pad, room - pad,
			    cell_attr(row, changed, i), cut);
		}
	}
	hidden = s->nrows - nshow + s->hidden;
	if (hidden > 0) {
		snprintf(more, sizeof more, text_say(T_MORE_ROWS), hidden);
		put_cut(y + 1 + nshow, x + LAYOUT_GUTTER, width - LAYOUT_GUTTER,
		    attr_exited, more);
	}
	return 1 + nshow + (hidden > 0);
}

/* A run whose steps report: a chain, or "-- step-..." by hand (what
 * the launcher also asks, to block the continue signal). */
static int
reports_steps(const struct run *r)
{
	const char *base;

	if (r->chain != NULL || r->steps_seen > 0)
		return 1;
	base = strrchr(r->argv[0], '/');
	base = base != NULL ? base + 1 : r->argv[0];
	return strncmp(base, "step-", 5) == 0;
}

/* What the run's service manager (we) received on NOTIFY_SOCKET: the
 * daemon's own words, escaped, and how many forgeries were ignored. */
static int
draw_notify(const struct notify *n, int y, int x, int width, int max)
{
	char escaped[NOTIFY_SHOWN * 4], line[sizeof escaped + 256];
	size_t len = 0;

	if (n->believed == 0 && n->ignored == 0)
		return 0;
	line[0] = '\0';
	if (n->believed > 0) {
		escape_str(n->last, strlen(n->last), escaped, sizeof escaped);
		len = snprintf(line, sizeof line, text_say(n->ready ?
		    T_NOTIFY_READY : T_NOTIFY_NOT_READY), (int)n->from,
		    escaped);
	}
	if (n->ignored > 0 && len < sizeof line)
		snprintf(line + len, sizeof line - len, "%s", len ? " · " : "");
	if (n->ignored > 0 && (len = strlen(line)) < sizeof line)
		snprintf(line + len, sizeof line - len, text_say(n->ignored == 1 ?
		    T_NOTIFY_IGNORED_ONE : T_NOTIFY_IGNORED), n->ignored);
	return wrap(y, x, width, max, A_NORMAL, line);
}

/* After a hang-up (hangup.h): who died of it and who lived, and why. */
static int
draw_hangup(struct run *run, int y, int x, int width, int max)
{
	static char out[HANGUP_MAX][HANGUP_LEN];
	char head[160];
	int n, i, lines = 0;

	snprintf(head, sizeof head, text_say(T_HUP_HEAD), run->hangup.after);
	lines += wrap(y, x, width, 1, A_BOLD, head);
	n = hangup_describe(run, out, HANGUP_MAX);
	for (i = 0; i < n && lines < max; i++) {
		put(y + lines, x, 2, A_NORMAL, "• ");
		lines += wrap(y + lines, x + 2, width - 2, max - lines < 4 ?
		    max - lines : 4, A_NORMAL, out[i]);
	}
	return lines;
}

static int
draw_step_changes(const struct story *s, const struct run *run, int y,
    int x, int width, int max)
{
	char out[10][CHANGE_LEN], escaped[PROTO_MSG_MAX * 4];
	const struct row *focus = story_find((struct story *)s, s->focus);
	int n = 0, i, lines = 0;

	if (focus != NULL && focus->has_mark)
		n = changes_describe(&focus->mark, &focus->now, out, 10);
	if (focus != NULL && focus->exited && n < 10) {
		char how[32];

		story_exit_words(&focus->now, how, sizeof how);
		if (focus->now.status_known)
			snprintf(out[n++], CHANGE_LEN, text_say(T_EXITED_PID_AS),
			    (int)focus->now.p.pid, how);
		else
			snprintf(out[n++], CHANGE_LEN, text_say(T_EXITED_PID),
			    (int)focus->now.p.pid);
	}
	if (run != NULL && run->message[0] != '\0' && lines < max) {
		char line[sizeof escaped + 64];

		escape_str(run->message, strlen(run->message), escaped,
		    sizeof escaped);
		snprintf(line, sizeof line, "%s %s",
		    text_say(run->event == PROTO_ERROR ? T_ERROR : T_SAYS), escaped);
		lines += wrap(y + lines, x, width, run->event == PROTO_ERROR ?
		    3 : 2, run->event == PROTO_ERROR ? attr_changed : A_BOLD,
		    line);
	}
	if (run != NULL && lines < max)
		lines += draw_notify(&run->notify, y + lines, x, width,
		    max - lines < 2 ? max - lines : 2);
	/* A sentence wraps into the lines left, and is never cut
	 * unmarked. */
	for (i = 0; i < n && lines < max; i++) {
		put(y + lines, x, 2, A_NORMAL, "• ");
		lines += wrap(y + lines, x + 2, width - 2, max - lines,
		    A_NORMAL, out[i]);
	}
	if (n == 0 && lines < max)
		lines += wrap(y + lines, x, width, 1, attr_exited,
		    text_say(s->focus || run == NULL || !reports_steps(run) ?
		    T_NOTHING : T_WAITING));
	return lines;
}

static int
draw_changes(const struct story *s, const struct run *run, int y, int x,
    int width, int max)
{
	if (run != NULL && run->hangup.done)
		return draw_hangup((struct run *)run, y, x, width, max);
	return draw_step_changes(s, run, y, x, width, max);
}

static const char *
yes_no(int v)
{
	return text_say(v ? T_YES : T_NO);
}

/* Real and effective ids, and the signal masks by name: read for the
 * selected process alone, when it is drawn. */
static int
draw_ids(const struct detail *d, int y, int x, int width, int max)
{
	char ign[256], blk[256], cgt[256], line[1024];

	if (max <= 0)
		return 0;
	detail_signals(d->sig_ign, ign, sizeof ign);
	detail_signals(d->sig_blk, blk, sizeof blk);
	detail_signals(d->sig_cgt, cgt, sizeof cgt);
	snprintf(line, sizeof line, text_say(T_DETAIL_IDS), d->uid, d->euid,
	    d->gid, d->egid, d->sig_ok ? ign : "?", d->sig_ok ? blk : "?",
	    d->sig_ok ? cgt : "?");
	return wrap(y, x, width, max, A_NORMAL, line);
}

static void
draw_detail(const struct story *s, int selected, int y, int x, int width,
    int max)
{
	const struct row *row;
	const struct detail_lock *lock;
	struct detail d = { .nlocks = 0 };
	char line[1024], target[512], name[64], state[160], words[32];
	size_t len;
	int i, pass, lines = 0;

	if (selected < 0 || selected >= s->nrows)
		return;
	row = &s->rows[selected];
	escape_str(row->now.p.comm, strlen(row->now.p.comm), name, sizeof name);
	state[0] = '\0';
	if (row->exited && !row->now.status_known)
		snprintf(state, sizeof state, "%s", text_say(T_DETAIL_EXITED));
	else if (row->exited) {
		story_exit_words(&row->now, words, sizeof words);
		snprintf(state, sizeof state, text_say(T_DETAIL_EXITED_AS),
		    words);
	} else if (row->now.p.state == 'Z')
		snprintf(state, sizeof state, text_say(T_DETAIL_ZOMBIE_REAP),
		    row->now.ppid_label);
	snprintf(line, sizeof line, text_say(T_DETAIL_PROC), (int)row->now.p.pid,
	    name, state, yes_no(row->now.p.pid == row->now.p.pgid),
	    yes_no(row->now.p.pid == row->now.p.sid),
	    yes_no(row->now.p.tty_nr != 0 &&
	    row->now.p.tpgid == row->now.p.pgid), row->now.ppid_label);
	lines += wrap(y + lines, x, width, max < 2 ? max : 2, A_BOLD, line);
	/* In history, the ids as they were then (history.c kept them). */
	if (!row->exited && (s->procfd < 0 ? history_detail(shown_history, s,
	    selected, &d) : detail_read(s->procfd, row->now.p.pid, &d)) == 0)
		lines += draw_ids(&d, y + lines, x, width, max - lines - 1);
	len = 0;
	line[0] = '\0';
	if (row->now.p.nfds < 0)
		snprintf(line, sizeof line, "%s", text_say(T_FDS_UNREADABLE));
	else if (row->now.p.nfds == 0)
		snprintf(line, sizeof line, "%s", text_say(T_FDS_NONE));
	/* A locked file (the PID file) first, so that its lock shows even
	 * where the line is cut. */
	for (pass = 0; pass < 2 && len < sizeof line; pass++)
		for (i = 0; i < row->now.p.nfds && i < PROC_MAX_FDS; i++) {
			const struct proc_fd *f = &row->now.p.fds[i];

			lock = detail_lock_of(&d, f->fd);
			if ((lock != NULL) != (pass == 0))
				continue;
			escape_str(f->target, strlen(f->target), target,
			    sizeof target);
			len += snprintf(line + len, sizeof line - len,
			    "%s%d → %s", len ? "   " : "fd ", f->fd, target);
			if (lock != NULL && len < sizeof line)
				len += snprintf(line + len, sizeof line - len,
				    text_say(T_DETAIL_LOCK), lock->kind,
				    lock->access);
			if (len >= sizeof line)
				break;
		}
	lines += wrap(y + lines, x, width, max - lines, A_NORMAL, line);
}

/* The pty's last lines, newest at the bottom, long lines wrapped at the
 * pane's width (never cut). */
static void
draw_terminal(const struct run *r, int y, int x, int width, int max)
{
	static char escaped[RUN_TERM_COLS * 4];
	const char *line, *p;
	int back, bottom = y + max, n, i, len;

	if (width <= 0)
		return;
	for (back = 0; bottom > y && (line = run_term_line(r, back)) != NULL;
	    back++) {
		escape_str(line, strlen(line), escaped, sizeof escaped);
		/* How many screen lines it takes, then draw them from
		 * the top of its place, dropping those above the pane. */
		for (n = 0, p = escaped; n == 0 || *p != '\0'; n++, p += len)
			if ((len = fit(p, width, NULL)) == 0)
				len = strlen(p);    /* nothing fits: stop */
		for (i = 0, p = escaped; i < n; i++, p += len) {
			len = fit(p, width, NULL);
			if (bottom - n + i >= y)
				put(bottom - n + i, x, width, A_NORMAL, p);
			if (len == 0)
				break;
		}
		bottom -= n;
	}
}

/* A chain's title in the chosen language. */
static const char *
chain_title(const struct run *r)
{
	const char *t = text_chain(r->chain->name);

	return t != NULL ? t : r->chain->title;
}

static void
draw_title(const struct view *v, int y)
{
	const struct run *r = v->nruns > 0 ? v->runs[0] : NULL;
	char text[256], title[160];
	int len;

	if (v->nruns == 1 && history_showing(v->history)) {
		history_title(v->history, text, sizeof text);
		fill(y, 0, COLS, attr_changed);
		put_cut(y, 0, COLS, attr_changed, text);
		return;
	}
	/* "-- COMMAND": the title is what it runs now, escaped. */
	if (r != NULL)
		pacing_command(r, title, sizeof title);
	fill(y, 0, COLS, attr_title);
	if (r != NULL && r->chain != NULL && v->nruns == 1 && r->steps_seen)
		len = snprintf(text, sizeof text, text_say(T_TITLE_STEP),
		    r->steps_seen, chain_length(r->chain), r->lesson,
		    chain_title(r));
	else if (r != NULL && r->chain != NULL && v->nruns == 1)
		len = snprintf(text, sizeof text, text_say(T_TITLE_READY),
		    r->steps_seen, chain_length(r->chain), chain_title(r));
	else if (v->nruns == 2)
		len = snprintf(text, sizeof text, text_say(T_TITLE_COMPARE),
		    r->chain->name, v->runs[1]->chain->name);
	else if (r != NULL)
		len = snprintf(text, sizeof text, text_say(T_TITLE_COMMAND),
		    title);
	else
		len = snprintf(text, sizeof text, "%s",
		    text_say(T_TITLE_ATTACHED));
	put_cut(y, 0, COLS - 38, attr_title, text);
	(void)len;
	put_cut(y, COLS - 38, 38, attr_title, text_say(v->nruns ? T_KEYS :
	    T_KEYS_ATTACHED));
}

static void
draw_help(const struct view *v)
{
	char text[22][80];
	const char *p = text_say(v->nruns ? T_HELP : T_HELP_ATTACHED), *nl;
	int i, n = 0, h, w = 62, y, x;

	/* One line of the box per line of the text; 22 and the box's
	 * edges fill the 24 lines of the smallest screen. */
	for (; n < 22 && n < LINES - 2 && *p != '\0'; n++,
	    p = *nl ? nl + 1 : nl) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		snprintf(text[n], sizeof text[n], "%.*s", (int)(nl - p), p);
	}
	h = n + 2;
	/* Low on the screen, above the status line: the table above it
	 * stays in sight while the keys are read. */
	y = LINES - h - 1 > 0 ? LINES - h - 1 : 0;
	x = (COLS - w) / 2;
	for (i = 0; i < h; i++)
		fill(y + i, x, w, A_REVERSE);
	for (i = 0; i < h - 2; i++)
		put(y + 1 + i, x + 2, w - 4, A_REVERSE | (i == 0 ? A_BOLD : 0),
		    text[i]);
}

/* For an attached process, the lesson of the kind of change it made
 * last; "-" (no lesson) before any. */
static const char *
lesson_for(struct story *s)
{
	const struct row *f = story_find(s, s->focus);
	const struct proc_info *a, *b;

	if (f == NULL || !f->has_mark)
		return "-";
	a = &f->mark.p;
	b = &f->now.p;
	if (a->sid != b->sid && b->sid == b->pid)
		return "setsid";
	if (a->tty_nr == 0 && b->tty_nr != 0)
		return "opentty";
	if (a->umask != b->umask)
		return "umask";
	if (strcmp(a->cwd, b->cwd) != 0)
		return "chdir";
	if (b->nfds == 0 && a->nfds > 0)
		return "closefds";
	if (a->ppid != b->ppid)
		return "fork";
	return "-";
}

/* The lesson the screen is at, and the words for the mode without
 * one: without steps, each change is the lesson's cue, as for -p. */
static const char *
lesson_of(struct view *v, enum text_id *intro)
{
	struct run *r = v->nruns > 0 ? v->runs[0] : NULL;
	int steps;

	if (v->nruns == 1 && history_showing(v->history))
		r = history_run(v->history, r);    /* the lesson as it was */
	steps = r != NULL && reports_steps(r);

	*intro = r == NULL ? T_ATTACHED : steps ? T_START : T_START_COMMAND;
	if (steps)
		return r->lesson;
	if (r == NULL && v->attached == NULL)
		return "-";
	return lesson_for(r != NULL ? &r->story : v->attached);
}

/* Whose "What to watch" items come first: the (first) chain's. */
static const char *
chain_name(const struct view *v)
{
	return v->nruns > 0 && v->runs[0]->chain != NULL ?
	    v->runs[0]->chain->name : NULL;
}

static void
draw_one(struct view *v, struct story *s, struct run *r)
{
	enum text_id intro;
	const char *key;
	int y = 1, rows, sel, bottom, left, steps = r != NULL &&
	    reports_steps(r);

	sel = v->selected;
	if (sel < 0 || sel >= s->nrows) {
		const struct row *f = story_find(s, s->focus);

		sel = f != NULL ? (int)(f - s->rows) : 0;
	}
	if (v->diagram) {
		/* In place of the table and the detail: what changed and
		 * the lesson keep a few lines each. */
		y += diagram_draw(stdscr, s, y, 0, COLS, LINES - 10,
		    attr_changed, attr_exited);
	} else {
		rows = s->nrows < LINES / 3 ? s->nrows : LINES / 3;
		y += draw_table(s, y, 0, COLS, rows, sel, 1);
		put_cut(y++, 2, COLS - 2, attr_exited, text_say(steps ?
		    T_LEGEND : T_LEGEND_WATCH));
	}
	rule(y++, 0, COLS, text_say(T_CHANGED));
	y += draw_changes(s, r, y, 1, COLS - 2, v->diagram ? 3 :
	    r != NULL && r->hangup.done ? 8 : 6);
	if (!v->diagram) {
		/* --quiz: one line of detail, so that every answer shows. */
		int detail = v->quiz != NULL && v->quiz->on && r != NULL ? 1 : 4;

		rule(y++, 0, COLS, text_say(T_DETAIL));
		draw_detail(s, sel, y, 1, COLS - 2, detail);
		y += detail;
	}
	bottom = LINES - y - 1;
	if (v->quiz != NULL && v->quiz->on && r != NULL) {
		/* --quiz: the question and the answers need the width. */
		rule(y, 0, COLS, text_say(T_QUIZ_RULE));
		quiz_draw(history_showing(v->history) ?
		    history_quiz(v->history) : v->quiz, v->lang, y + 1, 1,
		    COLS - 2, bottom);
		return;
	}
	left = r != NULL ? COLS / 2 : COLS;
	rule(y, 0, COLS, text_say(T_LESSON));
	if (r != NULL) {
		char title[64];

		snprintf(title, sizeof title, "%s (%s)", text_say(T_TERMINAL),
		    s->nrows > 0 ? s->rows[0].now.tty : "?");
		rule(y, left, COLS - left, title);
		draw_terminal(r, y + 1, left + 1, COLS - left - 1, bottom);
		mvvline(y + 1, left, charset_utf8() ? ACS_VLINE : '|', bottom);
	}
	key = lesson_of(v, &intro);
	lesson_view_pane(&v->lesson, key, chain_name(v), intro, v->lang,
	    r != NULL ? r->steps_seen : 0, y + 1, 1, left - 2, bottom);
}

static void
draw_compare(struct view *v)
{
	int half = (LINES - 1 - 4) / 2, i, y;

	/* Two diagrams take the lesson's lines too. */
	if (v->diagram)
		half = (LINES - 2) / 2;
	for (i = 0; i < 2; i++) {
		struct run *r = v->runs[i];
		const struct row *f;
		char title[160];

		y = 1 + i * half;
		if (r->steps_seen)
			snprintf(title, sizeof title, text_say(T_COMPARE_STEP),
			    chain_title(r), r->steps_seen,
			    chain_length(r->chain), r->lesson);
		else
			snprintf(title, sizeof title,
			    text_say(T_COMPARE_READY), chain_title(r),
			    r->steps_seen, chain_length(r->chain));
		rule(y++, 0, COLS, title);
		/* The row the step is about always shows. */
		f = story_find(&r->story, r->story.focus);
		if (v->diagram)
			y += diagram_draw(stdscr, &r->story, y, 0, COLS,
			    half - 1, attr_changed, attr_exited);
		else
			y += draw_table(&r->story, y, 0, COLS, half - 5,
			    f != NULL ? (int)(f - r->story.rows) : -1, 0);
		/* A side that waits says why, above its last changes. */
		if (pacing_waits(v, i, title, sizeof title))
			y += wrap(y, 1, COLS - 2, 2, A_BOLD, title);
		draw_changes(&r->story, r, y, 1, COLS - 2,
		    1 + half * (i + 1) - y);
	}
	if (v->diagram)
		return;
	y = 1 + 2 * half;
	rule(y, 0, COLS, text_say(T_LESSON));
	lesson_view_pane(&v->lesson, v->runs[0]->lesson, chain_name(v),
	    T_START, v->lang, v->runs[0]->steps_seen, y + 1, 1, COLS - 2,
	    LINES - y - 2);
}

void
ui_draw(struct view *v)
{
	enum text_id intro;
	const char *key;

	shown_history = v->history;
	text_use(v->lang);
	erase();
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
		char text[160];

		snprintf(text, sizeof text, text_say(T_TOO_SMALL), UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
		wrap(0, 0, COLS, LINES, A_BOLD, text);
		refresh();
		return;
	}
	draw_title(v, 0);
	key = lesson_of(v, &intro);
	if (lesson_view_glossary(&v->lesson) || lesson_view_full(&v->lesson,
	    key, chain_name(v), intro, v->lang,
	    v->nruns > 0 ? v->runs[0]->steps_seen : 0))
		;       /* a screen of its own */
	else if (v->nruns == 2)
		draw_compare(v);
	else if (v->nruns == 1 && history_showing(v->history))
		draw_one(v, history_story(v->history),
		    history_run(v->history, v->runs[0]));
	else if (v->nruns == 1)
		draw_one(v, &v->runs[0]->story, v->runs[0]);
	else if (v->attached != NULL)
		draw_one(v, v->attached, NULL);
	if (v->status[0] != '\0') {
		fill(LINES - 1, 0, COLS, A_REVERSE);
		put_cut(LINES - 1, 0, COLS, A_REVERSE | A_BOLD, v->status);
	}
	if (v->help)
		draw_help(v);
	refresh();
}
