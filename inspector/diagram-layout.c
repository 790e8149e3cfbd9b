/* SPDX-License-Identifier: MIT */
/* diagram-layout.c - sessions, groups and the terminal, placed in a grid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "diagram-layout.h"
#include "escape.h"
#include "text.h"

/* ------------------------------------------------------------ what */

/* A row's look at the previous step. A row without a mark has not
 * changed since (attached processes are marked only when they change):
 * it looked as it does now. */
static const struct proc_info *
before(const struct row *r)
{
	return r->has_mark ? &r->mark.p : &r->now.p;
}

/* A row alive at the previous step: what "before" means. */
static int
was_alive(const struct row *r)
{
	return r->has_mark ? !r->mark.p.exited : !r->exited;
}

/* Live rows, and those that exited at the last step. */
static int
shown(const struct row *r)
{
	return !r->exited || was_alive(r);
}

static int
live(const struct row *r)
{
	return !r->exited && r->now.p.state != 'Z';
}

/* Was anybody in this session (pgid 0) or group at the last step? And
 * is there a last step at all: before the first, nothing changed. */
static int
was_there(const struct story *s, pid_t sid, pid_t pgid, int *any_mark)
{
	int i;

	*any_mark = 0;
	for (i = 0; i < s->nrows; i++)
		*any_mark |= s->rows[i].has_mark;
	for (i = 0; i < s->nrows; i++) {
		const struct row *r = &s->rows[i];

		if (was_alive(r) && before(r)->sid == sid &&
		    (pgid == 0 || before(r)->pgid == pgid))
			return 1;
	}
	return 0;
}

static int
new_here(const struct story *s, pid_t sid, pid_t pgid)
{
	int any, there = was_there(s, sid, pgid, &any);

	return any && !there;
}

static int
find_session(const struct diagram *d, pid_t sid)
{
	int i;

	for (i = 0; i < d->nsessions; i++)
		if (d->sessions[i].sid == sid)
			return i;
	return -1;
}

static void
add_proc(const struct story *s, const struct row *r, struct diagram *d)
{
	struct diagram_proc *p = &d->procs[d->nprocs++];
	const struct proc_info *now = &r->now.p;

	memset(p, 0, sizeof *p);
	p->pid = now->pid;
	escape_str(now->comm, strlen(now->comm), p->name, sizeof p->name);
	p->session_leader = now->pid == now->sid;
	p->group_leader = now->pid == now->pgid;
	p->exited = r->exited;
	p->zombie = !r->exited && now->state == 'Z';
	p->focus = now->pid == s->focus;
	/* A forked child's mark is its parent's: another PID. */
	if (!r->exited && r->has_mark)
		p->changed = r->mark.p.pid != now->pid || (!r->mark.p.exited &&
		    (r->mark.p.pgid != now->pgid || r->mark.p.sid != now->sid));
}

/* The terminal of session i, read from its live members, and how it
 * was at the last step. */
static void
add_terminal(const struct story *s, struct diagram *d, int i)
{
	struct diagram_session *se = &d->sessions[i];
	const struct row *r = NULL, *was = NULL;
	int k, any = 0;

	se->fg = -1;
	for (k = 0; k < s->nrows && r == NULL; k++)
		if (live(&s->rows[k]) && s->rows[k].now.p.sid == se->sid &&
		    s->rows[k].now.p.tty_nr != 0)
			r = &s->rows[k];
	if (r == NULL)
		return;
	se->has_tty = 1;
	snprintf(se->tty, sizeof se->tty, "%s", r->now.tty);
	se->tpgid = r->now.p.tpgid;
	for (k = 0; k < s->nrows; k++) {
		const struct row *m = &s->rows[k];

		any |= m->has_mark;
		if (was == NULL && was_alive(m) && before(m)->sid == se->sid &&
		    before(m)->tty_nr == r->now.p.tty_nr)
			was = m;
	}
	se->tty_changed = any && was == NULL;
	se->tpgid_changed = was != NULL && before(was)->tpgid != se->tpgid;
	/* The arrow: to the group, a live one if there are two. */
	for (k = se->first; k < se->first + se->n; k++)
		if (d->groups[k].pgid == se->tpgid &&
		    (se->fg < 0 || d->groups[se->fg].gone))
			se->fg = k;
}

void
diagram_layout(const struct story *s, struct diagram *d)
{
	int i, j, k, g;

	d->nsessions = d->ngroups = d->nprocs = 0;
	d->hidden = s->hidden;
	/* Sessions in the order the rows first show them. */
	for (i = 0; i < s->nrows; i++) {
		const struct row *r = &s->rows[i];
		struct diagram_session *se;

		if (!shown(r) || find_session(d, r->now.p.sid) >= 0)
			continue;
		se = &d->sessions[d->nsessions++];
		memset(se, 0, sizeof *se);
		se->sid = r->now.p.sid;
	}
	for (i = 0; i < d->nsessions; i++) {
		struct diagram_session *se = &d->sessions[i];

		se->first = d->ngroups;
		se->changed = new_here(s, se->sid, 0);
		se->gone = 1;
		/* Its groups, in the order the rows first show them. */
		for (j = 0; j < s->nrows; j++) {
			const struct row *r = &s->rows[j];
			struct diagram_group *gr;

			if (!shown(r) || r->now.p.sid != se->sid)
				continue;
			for (g = se->first; g < d->ngroups; g++)
				if (d->groups[g].pgid == r->now.p.pgid)
					break;
			if (g < d->ngroups)
				continue;
			gr = &d->groups[d->ngroups++];
			gr->pgid = r->now.p.pgid;
			gr->first = d->nprocs;
			gr->n = 0;
			gr->changed = new_here(s, se->sid, gr->pgid);
			gr->gone = 1;
			for (k = j; k < s->nrows; k++) {
				const struct row *m = &s->rows[k];

				if (!shown(m) || m->now.p.sid != se->sid ||
				    m->now.p.pgid != gr->pgid)
					continue;
				add_proc(s, m, d);
				gr->n++;
				gr->gone &= m->exited;
			}
			se->gone &= gr->gone;
		}
		se->n = d->ngroups - se->first;
		add_terminal(s, d, i);
	}
}

/* ------------------------------------------------------------ where */

#define TERM_W 17       /* the terminal's box: "TPGID 4194304" and room */
#define TERM_GAP 3      /* between the session box and the terminal's */

struct glyphs {
	const char *h, *v, *tl, *tr, *bl, *br, *cross, *tee_left, *tee_down,
	    *arrow;
};

static const struct glyphs box_utf8 = {
	"─", "│", "┌", "┐", "└", "┘", "┼", "┤", "┬", "◄",
};
static const struct glyphs box_ascii = {
	"-", "|", "+", "+", "+", "+", "+", "+", "+", "<",
};

struct pen {
	struct diagram_grid *g;
	const struct glyphs *box;
	int ascii;
};

static void
cell(struct pen *p, int y, int x, const char *glyph, int attr)
{
	struct diagram_cell *c;

	if (y < 0 || y >= DIAGRAM_LINES || x < 0 || x >= p->g->width)
		return;
	c = &p->g->c[y][x];
	snprintf(c->g, sizeof c->g, "%s", glyph);
	c->w = 1;
	c->attr = (unsigned char)attr;
}

static void
hline(struct pen *p, int y, int x0, int x1, int attr)
{
	for (; x0 <= x1; x0++)
		cell(p, y, x0, p->box->h, attr);
}

/* Text (ours, or escaped) at y, x, never past column limit; in ASCII
 * when the grid is. Returns the columns used. */
static int
text(struct pen *p, int y, int x, int limit, int attr, const char *t)
{
	char ascii[512], one[8];
	const unsigned char *s;
	size_t n;
	int w, x0 = x;

	if (p->ascii) {
		charset_ascii(t, ascii, sizeof ascii);
		t = ascii;
	}
	if (limit > p->g->width)
		limit = p->g->width;
	if (y < 0 || y >= DIAGRAM_LINES)
		return 0;
	for (s = (const unsigned char *)t; *s != '\0' && *s != '\n'; s += n) {
		for (n = 1; n < 4 && (s[n] & 0xc0) == 0x80; n++)
			;
		memcpy(one, s, n);
		one[n] = '\0';
		/* A combining mark would share the cell before it: a
		 * grid of one character per cell leaves it out. */
		if ((w = escape_width(one)) < 1)
			continue;
		if (x + w > limit)
			break;
		snprintf(p->g->c[y][x].g, sizeof p->g->c[y][x].g, "%s", one);
		p->g->c[y][x].w = (unsigned char)w;
		p->g->c[y][x].attr = (unsigned char)attr;
		if (w == 2) {
			p->g->c[y][x + 1].g[0] = '\0';
			p->g->c[y][x + 1].w = 0;
			p->g->c[y][x + 1].attr = (unsigned char)attr;
		}
		x += w;
	}
	return x - x0;
}

/* A process's name in width columns; one too long ends in the
 * ellipsis, as the table's cells do ("..." in ASCII). */
static void
name(struct pen *p, int y, int x, int width, int attr, const char *t)
{
	const char *dots = p->ascii ? "..." : "…";
	char ascii[256], cut[256];
	int dw = p->ascii ? 3 : 1, w;
	size_t i, n, keep = 0;

	if (p->ascii) {
		charset_ascii(t, ascii, sizeof ascii);
		t = ascii;
	}
	if (escape_width(t) <= width) {
		text(p, y, x, x + width, attr, t);
		return;
	}
	/* The longest start, whole characters, that leaves room for the
	 * ellipsis. */
	for (i = 0, w = 0; t[i] != '\0'; i += n) {
		char one[8];

		for (n = 1; n < 4 && ((unsigned char)t[i + n] & 0xc0) == 0x80; n++)
			;
		snprintf(one, sizeof one, "%.*s", (int)n, t + i);
		if ((w += escape_width(one)) > width - dw)
			break;
		keep = i + n;
	}
	snprintf(cut, sizeof cut, "%.*s%s", (int)keep, t, width >= dw ?
	    dots : "");
	text(p, y, x, x + width, attr, cut);
}

/* A box's top rule with a title: "┌ title ───┐". */
static void
top(struct pen *p, int y, int x0, int x1, int line, int attr,
    const char *title)
{
	int used;

	cell(p, y, x0, p->box->tl, line);
	hline(p, y, x0 + 1, x1 - 1, line);
	cell(p, y, x1, p->box->tr, line);
	cell(p, y, x0 + 1, " ", line);
	used = text(p, y, x0 + 2, x1 - 1, attr, title);
	cell(p, y, x0 + 2 + used, " ", line);
}

static void
bottom(struct pen *p, int y, int x0, int x1, int line)
{
	cell(p, y, x0, p->box->bl, line);
	hline(p, y, x0 + 1, x1 - 1, line);
	cell(p, y, x1, p->box->br, line);
}

static int
digits(pid_t pid)
{
	char buf[24];

	return snprintf(buf, sizeof buf, "%d", (int)pid);
}

/* The widths of the PID and name columns, the same in every box. */
static void
columns_of(const struct diagram *d, int *pidw, int *namew)
{
	int i, w;

	*pidw = 1;
	*namew = 1;
	for (i = 0; i < d->nprocs; i++) {
		if ((w = digits(d->procs[i].pid)) > *pidw)
			*pidw = w;
		if ((w = escape_width(d->procs[i].name)) > *namew)
			*namew = w;
	}
	if (*namew > 16)
		*namew = 16;
}

static void
proc_line(struct pen *p, const struct diagram *d, int i, int y, int gx0,
    int gx1, int pidw, int namew)
{
	const struct diagram_proc *pr = &d->procs[i];
	int attr = pr->exited ? DIAGRAM_EXITED : pr->changed ?
	    DIAGRAM_CHANGED : pr->focus ? DIAGRAM_TITLE : DIAGRAM_PLAIN;
	int dim = pr->exited ? DIAGRAM_EXITED : DIAGRAM_PLAIN;
	int x = gx0 + 2;
	char num[24];

	cell(p, y, gx0, p->box->v, dim);
	cell(p, y, gx1, p->box->v, dim);
	text(p, y, x, gx1, dim, pr->exited ? "x" : pr->changed ? "*" : " ");
	x += 2;
	snprintf(num, sizeof num, "%*d", pidw, (int)pr->pid);
	x += text(p, y, x, gx1 - 1, attr, num);
	if (pr->changed)
		cell(p, y, x, " ", attr);
	x++;
	name(p, y, x, namew < gx1 - 1 - x ? namew : gx1 - 1 - x, attr,
	    pr->name);
	x += namew + 2;
	if (pr->session_leader)
		x += text(p, y, x, gx1 - 1, dim, text_say(T_DG_SLEADER)) + 2;
	else if (pr->group_leader)
		x += text(p, y, x, gx1 - 1, dim, text_say(T_DG_GLEADER)) + 2;
	if (pr->exited)
		text(p, y, x, gx1 - 1, dim, text_say(T_DG_EXITED));
	else if (pr->zombie)
		text(p, y, x, gx1 - 1, dim, text_say(T_DG_ZOMBIE));
}

/* The terminal beside session i, whose box starts at line y, and the
 * arrow to its foreground group. */
static void
terminal(struct pen *p, const struct diagram *d, int i, int y, int sx1)
{
	const struct diagram_session *se = &d->sessions[i];
	struct diagram_grid *g = p->g;
	int tx0 = g->width - TERM_W, tx1 = g->width - 1, xc = tx0 + 2;
	int attr = se->tty_changed || se->tpgid_changed ? DIAGRAM_CHANGED :
	    DIAGRAM_PLAIN, ya, x;
	char line[64];
	const char *nl;

	if (se->gone)
		return;
	if (!se->has_tty) {
		/* Two lines at most: "no controlling" / "terminal". */
		const char *t = text_say(T_DG_NOTTY);
		int a = se->changed ? DIAGRAM_CHANGED : DIAGRAM_EXITED;

		nl = strchr(t, '\n');
		snprintf(line, sizeof line, "%.*s",
		    nl ? (int)(nl - t) : (int)strlen(t), t);
		text(p, y + 1, tx0, tx1 + 1, a, line);
		if (nl != NULL)
			text(p, y + 2, tx0, tx1 + 1, a, nl + 1);
		return;
	}
	top(p, y, tx0, tx1, DIAGRAM_PLAIN, se->tty_changed ? DIAGRAM_CHANGED :
	    DIAGRAM_TITLE, se->tty);
	cell(p, y + 1, tx0, p->box->v, DIAGRAM_PLAIN);
	cell(p, y + 1, tx1, p->box->v, DIAGRAM_PLAIN);
	text(p, y + 1, tx0 + 1, tx1, DIAGRAM_PLAIN, attr == DIAGRAM_CHANGED ?
	    "*" : " ");
	snprintf(line, sizeof line, text_say(T_DG_TPGID), (int)se->tpgid);
	text(p, y + 1, tx0 + 2, tx1, attr, line);
	bottom(p, y + 2, tx0, tx1, DIAGRAM_PLAIN);
	g->arrow_y[i] = -1;
	if (se->fg < 0)
		return;
	ya = g->gy0[se->fg];
	g->arrow_y[i] = ya;
	/* ◄ right of the group's box, across the session's border. */
	cell(p, ya, sx1 - 2, p->box->arrow, attr);
	cell(p, ya, sx1 - 1, p->box->h, attr);
	cell(p, ya, sx1, p->box->cross, attr);
	if (ya == y + 1) {
		hline(p, ya, sx1 + 1, tx0 - 1, attr);
		cell(p, ya, tx0, p->box->tee_left, attr);
		return;
	}
	hline(p, ya, sx1 + 1, xc - 1, attr);
	cell(p, ya, xc, p->box->br, attr);
	for (x = y + 3; x < ya; x++)
		cell(p, x, xc, p->box->v, attr);
	cell(p, y + 2, xc, p->box->tee_down, attr);
}

static int
height(const struct diagram *d, int compact)
{
	int i, h = 1;           /* the legend */

	for (i = 0; i < d->nsessions; i++)
		h += 2 + d->sessions[i].n * (compact ? 1 : 2);
	return h + d->nprocs;
}

/* Blanks the lines the diagram can take (not the whole grid: it is
 * drawn at every look). */
static void
clear(struct diagram_grid *g, int width, int lines)
{
	int y, x;

	g->width = width;
	if (lines > DIAGRAM_LINES)
		lines = DIAGRAM_LINES;
	for (y = 0; y < lines; y++)
		for (x = 0; x < width; x++) {
			g->c[y][x].g[0] = ' ';
			g->c[y][x].g[1] = '\0';
			g->c[y][x].w = 1;
			g->c[y][x].attr = DIAGRAM_PLAIN;
		}
	for (y = 0; y < DIAGRAM_MAX; y++)
		g->sy0[y] = g->sy1[y] = g->gy0[y] = g->gy1[y] = g->py[y] =
		    g->arrow_y[y] = -1;
}

int
diagram_place(const struct diagram *d, int width, int max_lines, int ascii,
    struct diagram_grid *g)
{
	struct pen p = { g, ascii ? &box_ascii : &box_utf8, ascii };
	int sx1, gx0 = 2, gx1, pidw, namew, y = 0, i, j, k, last;
	char line[160];

	if (width > DIAGRAM_COLS)
		width = DIAGRAM_COLS;
	/* Boxed, with the lines for "more" and the legend. */
	clear(g, width, height(d, 0) + 2);
	g->cut = g->lines = 0;
	if (max_lines > DIAGRAM_LINES)
		max_lines = DIAGRAM_LINES;
	if (max_lines < 1)
		return 0;
	sx1 = width - TERM_W - TERM_GAP - 1;
	gx1 = sx1 - 3;
	columns_of(d, &pidw, &namew);
	g->compact = height(d, 0) - 1 + (d->hidden > 0) > max_lines;
	for (i = 0; i < d->nsessions; i++) {
		const struct diagram_session *se = &d->sessions[i];
		int line_attr = se->gone ? DIAGRAM_EXITED : DIAGRAM_PLAIN;

		g->sy0[i] = y;
		snprintf(line, sizeof line, text_say(T_DG_SESSION), (int)se->sid);
		top(&p, y++, 0, sx1, line_attr, se->gone ? DIAGRAM_EXITED :
		    se->changed ? DIAGRAM_CHANGED : DIAGRAM_TITLE, line);
		for (j = se->first; j < se->first + se->n; j++) {
			const struct diagram_group *gr = &d->groups[j];
			int ga = gr->gone ? DIAGRAM_EXITED : DIAGRAM_PLAIN;

			cell(&p, y, 0, p.box->v, line_attr);
			cell(&p, y, sx1, p.box->v, line_attr);
			g->gy0[j] = y;
			snprintf(line, sizeof line, text_say(T_DG_GROUP),
			    (int)gr->pgid);
			top(&p, y++, gx0, gx1, ga, gr->gone ? DIAGRAM_EXITED :
			    gr->changed ? DIAGRAM_CHANGED : DIAGRAM_TITLE, line);
			for (k = gr->first; k < gr->first + gr->n; k++) {
				cell(&p, y, 0, p.box->v, line_attr);
				cell(&p, y, sx1, p.box->v, line_attr);
				g->py[k] = y;
				proc_line(&p, d, k, y++, gx0, gx1, pidw, namew);
			}
			if (!g->compact) {
				cell(&p, y, 0, p.box->v, line_attr);
				cell(&p, y, sx1, p.box->v, line_attr);
				bottom(&p, y++, gx0, gx1, ga);
			}
			g->gy1[j] = y - 1;
		}
		g->sy1[i] = y;
		bottom(&p, y++, 0, sx1, line_attr);
		terminal(&p, d, i, g->sy0[i], sx1);
	}
	last = y;
	if (y + (d->hidden > 0) > max_lines && max_lines >= 1) {
		/* Cut: what does not fit is counted on the last line. */
		last = max_lines - 1;
		for (k = 0; k < d->nprocs; k++)
			g->cut += g->py[k] >= last;
		for (j = last; j <= y && j < DIAGRAM_LINES; j++)
			for (k = 0; k < width; k++) {
				g->c[j][k].g[0] = ' ';
				g->c[j][k].g[1] = '\0';
				g->c[j][k].w = 1;
				g->c[j][k].attr = DIAGRAM_PLAIN;
			}
	}
	if (g->cut + d->hidden > 0 && last < max_lines) {
		snprintf(line, sizeof line, text_say(T_DG_MORE),
		    g->cut + d->hidden);
		text(&p, last++, 0, width, DIAGRAM_EXITED, line);
	}
	/* The legend, where there is room for it. */
	if (last < max_lines) {
		snprintf(line, sizeof line, text_say(T_DG_LEGEND),
		    p.box->arrow);
		text(&p, last++, 0, width, DIAGRAM_EXITED, line);
	}
	return g->lines = last;
}

void
diagram_line(const struct diagram_grid *g, int y, char *buf, size_t size)
{
	size_t used = 0, n, end = 0;
	int x;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (x = 0; y >= 0 && y < g->lines && x < g->width; x++) {
		const struct diagram_cell *c = &g->c[y][x];

		if (c->w == 0)
			continue;
		n = strlen(c->g);
		if (used + n >= size)
			break;
		memcpy(buf + used, c->g, n);
		used += n;
		if (strcmp(c->g, " ") != 0)
			end = used;
	}
	buf[end] = '\0';
}

void
diagram_print(FILE *f, const struct diagram *d, int ascii)
{
	struct diagram_grid *g = malloc(sizeof *g);
	char line[DIAGRAM_COLS * 8];
	int y;

	if (g == NULL)
		return;
	diagram_place(d, 80, DIAGRAM_LINES, ascii, g);
	for (y = 0; y < g->lines; y++) {
		diagram_line(g, y, line, sizeof line);
		fprintf(f, "%s\n", line);
	}
	free(g);
}
