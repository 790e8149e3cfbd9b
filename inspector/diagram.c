/* SPDX-License-Identifier: MIT */
/* diagram.c - draw the sessions diagram with curses. */
#include <curses.h>
#include <string.h>

#include "charset.h"
#include "diagram-layout.h"
#include "diagram.h"

int
diagram_draw(WINDOW *w, const struct story *s, int y, int x, int width,
    int max_lines, attr_t changed, attr_t exited)
{
	/* Large, and drawn once a look: kept, not on the stack. */
	static struct diagram d;
	static struct diagram_grid g;
	attr_t attrs[] = {
		[DIAGRAM_PLAIN] = A_NORMAL, [DIAGRAM_CHANGED] = changed,
		[DIAGRAM_EXITED] = exited, [DIAGRAM_TITLE] = A_BOLD,
	};
	char run[DIAGRAM_COLS * 8];
	int yy, xx, lines, start, used;

	diagram_layout(s, &d);
	lines = diagram_place(&d, width, max_lines, !charset_utf8(), &g);
	/* Runs of one attribute, each put with one call. */
	for (yy = 0; yy < lines; yy++)
		for (xx = 0; xx < g.width; ) {
			int a = g.c[yy][xx].attr;

			start = xx;
			used = 0;
			for (; xx < g.width && g.c[yy][xx].attr == a; xx++) {
				size_t n = strlen(g.c[yy][xx].g);

				memcpy(run + used, g.c[yy][xx].g, n);
				used += (int)n;
			}
			run[used] = '\0';
			wattron(w, attrs[a]);
			mvwaddstr(w, y + yy, x + start, run);
			wattroff(w, attrs[a]);
		}
	return lines;
}
