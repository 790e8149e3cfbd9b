/* SPDX-License-Identifier: MIT */
/* layout.c - fit the table's columns to the width of the screen. */
#include <stdio.h>
#include <string.h>

#include "charset.h"
#include "escape.h"
#include "layout.h"

/* Shrunk no further than this, before they are dropped. */
#define LEAST_CWD 8
#define LEAST_FDS 9

const char *
layout_ellipsis(void)
{
	return charset_utf8() ? "…" : "...";
}

int
layout_cut(const char *cell, int width, char *out, size_t size)
{
	const char *dots = layout_ellipsis();
	int whole = escape_width(cell), room, w, best = 0;
	size_t i, cut = 0;
	char piece[512];

	if (width <= 0) {
		if (size > 0)
			out[0] = '\0';
		return 0;
	}
	if (whole <= width) {
		snprintf(out, size, "%s", cell);
		return whole;
	}
	/* The longest prefix, whole characters, that leaves room for the
	 * ellipsis. */
	room = width - escape_width(dots);
	for (i = 1; cell[i - 1] != '\0' && i < sizeof piece; i++) {
		if (((unsigned char)cell[i] & 0xc0) == 0x80)
			continue;       /* inside a UTF-8 character */
		memcpy(piece, cell, i);
		piece[i] = '\0';
		if ((w = escape_width(piece)) > room)
			break;
		cut = i;
		best = w;
	}
	if (room < 0)
		return layout_cut("", 0, out, size);
	snprintf(out, size, "%.*s%s", (int)cut, cell, dots);
	return best + escape_width(dots);
}

static int
line_width(const struct layout *l)
{
	int i, total = LAYOUT_GUTTER - 1;

	for (i = 0; i < NCOLUMNS; i++)
		if (l->shown[i])
			total += l->w[i] + 1;
	return total;
}

/* The widest cell of each column (and its header): all of it shows. */
static void
measure(const struct story *s, int brief, int zombie_extra, int w[NCOLUMNS])
{
	char cell[512];
	int i, r, cw;

	for (i = 0; i < NCOLUMNS; i++) {
		w[i] = (int)strlen(columns[i].name);
		for (r = 0; r < s->nrows; r++) {
			columns_cell(i, &s->rows[r].now, brief, cell, sizeof cell);
			cw = escape_width(cell);
			if (i == COL_COMMAND && s->rows[r].now.p.state == 'Z' &&
			    !s->rows[r].exited)
				cw += zombie_extra;
			if (cw > w[i])
				w[i] = cw;
		}
	}
}

static void
shrink(struct layout *l, int col, int least, int width)
{
	int over = line_width(l) - width, take;

	if (over <= 0 || !l->shown[col])
		return;
	take = l->w[col] - least;
	if (take > over)
		take = over;
	if (take > 0)
		l->w[col] -= take;
}

/* Tries the layout with the first ndrop columns of order dropped and,
 * with cut, CWD and FDS shrunk as far as needed; returns whether it
 * fits. */
static int
try_drop(struct layout *l, const int natural[NCOLUMNS], const int *order,
    int ndrop, int cut, int width)
{
	int i;

	for (i = 0; i < NCOLUMNS; i++) {
		l->shown[i] = 1;
		l->w[i] = natural[i];
	}
	for (i = 0; i < ndrop; i++)
		l->shown[order[i]] = 0;
	if (cut) {
		shrink(l, COL_CWD, LEAST_CWD, width);
		shrink(l, COL_FDS, LEAST_FDS, width);
	}
	return line_width(l) <= width;
}

void
layout_fit(const struct story *s, int width, unsigned keep, int zombie_extra,
    struct layout *l)
{
	static const int optional[] = { COL_UID, COL_CWD, COL_FDS, COL_UMASK };
	enum { NOPT = sizeof optional / sizeof optional[0] };
	int natural[NCOLUMNS], order[NOPT], n = 0, i, k, digits, r, x;
	char num[16];

	memset(l, 0, sizeof *l);
	/* What the last step changed drops last. */
	for (k = 0; k < 2; k++)
		for (i = 0; i < NOPT; i++)
			if (!(keep & 1u << optional[i]) == !k)
				order[n++] = optional[i];
	measure(s, 0, zombie_extra, natural);
	if (!try_drop(l, natural, order, 0, 0, width)) {
		l->brief = 1;
		measure(s, 1, zombie_extra, natural);
		/* Each column goes whole before the next is cut, but UID
		 * (the same for a whole run, mostly) goes before CWD and
		 * FDS are cut at all. */
		for (k = 0; k <= NOPT; k++)
			if (try_drop(l, natural, order, k, 0, width) ||
			    ((k > 0 || order[0] != COL_UID) &&
			    try_drop(l, natural, order, k, 1, width)))
				break;
		if (k > NOPT) {
			/* Still too wide: cut PPID's name (its number
			 * stays), then COMMAND. */
			digits = (int)strlen(columns[COL_PPID].name);
			for (r = 0; r < s->nrows; r++) {
				int len = snprintf(num, sizeof num, "%d",
				    (int)s->rows[r].now.p.ppid) + 2;

				if (len > digits)
					digits = len;
			}
			shrink(l, COL_PPID, digits, width);
			shrink(l, COL_COMMAND,
			    (int)strlen(columns[COL_COMMAND].name), width);
		}
	}
	for (i = 0, x = LAYOUT_GUTTER; i < NCOLUMNS; i++) {
		l->x[i] = l->shown[i] ? x : -1;
		if (l->shown[i])
			x += l->w[i] + 1;
	}
	/* COMMAND, last, takes the rest of the line. */
	if (width - l->x[COL_COMMAND] > l->w[COL_COMMAND])
		l->w[COL_COMMAND] = width - l->x[COL_COMMAND];
	l->width = line_width(l);
}
