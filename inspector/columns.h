/* SPDX-License-Identifier: MIT */
/*
 * columns.h - the table's columns: one keyword table drives reading,
 * comparing and printing, as in OpenBSD ps. A value "changed" when its
 * printed text changed.
 */
#ifndef DAEMONLAB_COLUMNS_H
#define DAEMONLAB_COLUMNS_H

#include <stddef.h>

#include "story.h"

enum column_id {
	COL_PPID, COL_PID, COL_PGID, COL_SID, COL_TTY, COL_TPGID, COL_STAT,
	COL_UID, COL_UMASK, COL_CWD, COL_FDS, COL_COMMAND, NCOLUMNS
};

struct column {
	const char *name;
	int         right;      /* numbers are right-aligned */
	int         width;      /* at least; CWD and COMMAND take the rest */
	/* Writes the value, already escaped for the screen. */
	void      (*format)(const struct look *, char *buf, size_t size);
};

extern const struct column columns[NCOLUMNS];

/* The cell of column col for a look, as drawn: brief (a narrow table)
 * drops the subreaper's name from PPID. Drawing only: what changed is
 * always decided on full values (columns_changed), whatever the screen. */
void     columns_cell(int col, const struct look *, int brief, char *buf,
    size_t size);
/* Bit i set when column i differs between the two looks, full values. */
unsigned columns_changed(const struct look *before, const struct look *after);
/* FDS for one descriptor target: "pts/3", "null", "ptmx", a file name. */
void     columns_fd_short(const char *target, char *buf, size_t size);
typedef char columns_cells[STORY_MAX_ROWS][NCOLUMNS][512];

/* Widths that fit every header and value of the story; returns the
 * line's length with one space after each column. The formatted values
 * are left in cells, unless it is NULL. */
int      columns_measure(const struct story *, int w[NCOLUMNS],
    columns_cells *cells);
/* Prints the header and one line per row, plain, for --once. */
void     columns_print(const struct story *);

#endif
