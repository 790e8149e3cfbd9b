/* SPDX-License-Identifier: MIT */
/*
 * diagram-layout.h - the sessions diagram (APUE figure 9.7): a box per
 * session, inside it a box per process group, inside those the
 * processes; the controlling terminal beside its session, with an arrow
 * to its foreground group (TPGID). Pure: no curses, no /proc.
 *
 *   diagram_layout()  which box holds what, the arrow's target and what
 *                     the last step changed, from the story's rows
 *   diagram_place()   where each thing goes in a grid of cells of a
 *                     given width, in UTF-8 or ASCII line drawing
 *   diagram_print()   the grid as plain text (--diagram --once, and the
 *                     transcripts); diagram.c draws the same grid with
 *                     curses
 *
 * What the diagram shows: every live process of the story, and those
 * that exited at the last step (dim, "x", where they were last seen:
 * the parent a fork left behind, the step that failed). Processes that
 * exited earlier are in no session any more and are not drawn.
 *
 * What changed is the story's mark against now: a process is changed
 * when it is new (a forked child: its mark is its parent's) or moved to
 * another group or session; a group or session when nobody was in it at
 * the mark; the terminal when its session acquired it, its arrow when
 * TPGID moved.
 */
#ifndef DAEMONLAB_DIAGRAM_LAYOUT_H
#define DAEMONLAB_DIAGRAM_LAYOUT_H

#include <stdio.h>
#include <sys/types.h>

#include "story.h"

#define DIAGRAM_MAX STORY_MAX_ROWS

struct diagram_proc {
	pid_t pid;
	char  name[80];         /* comm, escaped */
	int   session_leader, group_leader;
	int   exited;           /* exited at the last step: its last values */
	int   zombie;
	int   changed;          /* new, or moved to another group/session */
	int   focus;            /* the process the story is at */
};

struct diagram_group {
	pid_t pgid;
	int   first, n;         /* procs[first .. first + n) */
	int   changed;          /* nobody was in it before the last step */
	int   gone;             /* all its processes have exited */
};

struct diagram_session {
	pid_t sid;
	int   first, n;         /* groups[first .. first + n) */
	int   changed;          /* nobody was in it before the last step */
	int   gone;
	int   has_tty;          /* a controlling terminal */
	char  tty[24];          /* its name, as ps -o tty prints it */
	pid_t tpgid;            /* its foreground group */
	int   fg;               /* the group the arrow points to; -1: none */
	int   tty_changed;      /* the session acquired it at the last step */
	int   tpgid_changed;    /* the arrow moved at the last step */
};

struct diagram {
	struct diagram_session sessions[DIAGRAM_MAX];
	struct diagram_group   groups[DIAGRAM_MAX];
	struct diagram_proc    procs[DIAGRAM_MAX];
	int nsessions, ngroups, nprocs;
	int hidden;             /* processes of the story without a row */
};

void diagram_layout(const struct story *, struct diagram *);

/* The grid: one cell per screen column. A wide character takes two
 * cells, the second with w == 0. */
#define DIAGRAM_COLS 256
/* Every process in a box of its own, and the legend: room for all. */
#define DIAGRAM_LINES (5 * DIAGRAM_MAX + 8)

enum diagram_attr {
	DIAGRAM_PLAIN, DIAGRAM_CHANGED, DIAGRAM_EXITED, DIAGRAM_TITLE
};

struct diagram_cell {
	char          g[8];     /* one character, UTF-8 */
	unsigned char w;        /* columns: 1, 2, or 0 after a wide one */
	unsigned char attr;     /* enum diagram_attr */
};

struct diagram_grid {
	struct diagram_cell c[DIAGRAM_LINES][DIAGRAM_COLS];
	int width, lines;
	int compact;            /* groups without bottom rules, to fit */
	int cut;                /* processes that did not fit */
	/* Where things went, for the tests: top and bottom line of each
	 * session and group box, the line of each process, the line the
	 * terminal's arrow points at (-1: none). */
	int sy0[DIAGRAM_MAX], sy1[DIAGRAM_MAX];
	int gy0[DIAGRAM_MAX], gy1[DIAGRAM_MAX];
	int py[DIAGRAM_MAX];
	int arrow_y[DIAGRAM_MAX];
};

/* Places the diagram in width columns (at most DIAGRAM_COLS) and at most
 * max_lines lines: boxed groups when they fit, else compact ones, else
 * cut with a line saying how many processes did not fit; then the
 * legend, where a line is left for it. ascii: line drawing and text in
 * ASCII. Returns the lines used. Labels come from the text tables. */
int  diagram_place(const struct diagram *, int width, int max_lines,
    int ascii, struct diagram_grid *);

/* The diagram as text, 80 columns, as many lines as it takes. */
void diagram_print(FILE *, const struct diagram *, int ascii);
/* One line of a placed grid as text (trailing blanks dropped). */
void diagram_line(const struct diagram_grid *, int y, char *buf, size_t size);

#endif
