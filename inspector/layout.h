/* SPDX-License-Identifier: MIT */
/*
 * layout.h - the table's columns fitted to a width: which columns show,
 * how wide each is, and whether PPID is brief. Drawing only: nothing here
 * changes the story or what it reports as changed.
 *
 * Every row keeps PPID PID PGID SID TTY TPGID STAT and COMMAND (the
 * seed's ps -axj columns but UID and TIME). When the line is too narrow,
 * PPID first drops the subreaper's name; then UID, CWD, FDS and UMASK
 * shrink or drop (a column the last step changed goes last); then PPID's
 * name and COMMAND are cut, ending in the ellipsis.
 */
#ifndef DAEMONLAB_LAYOUT_H
#define DAEMONLAB_LAYOUT_H

#include "columns.h"

/* Before the columns: '>' (selected), 'x' (exited), a space. */
#define LAYOUT_GUTTER 3

struct layout {
	int shown[NCOLUMNS];    /* 0: dropped at this width */
	int w[NCOLUMNS];        /* COMMAND: the rest of the line */
	int x[NCOLUMNS];        /* from the table's left edge */
	int brief;              /* PPID without the subreaper's name */
	int width;              /* columns the line takes */
};

/* The mark of a value cut short: the one place to swap it (e.g. for an
 * ASCII terminal). */
const char *layout_ellipsis(void);

/* Fits the story's rows into width columns. keep: bits of columns to drop
 * last (those the last step changed). zombie_extra: columns COMMAND needs
 * after the name of a zombie row. */
void layout_fit(const struct story *, int width, unsigned keep,
    int zombie_extra, struct layout *);

/* Writes cell into out, cut to at most width columns; a cut value ends
 * in the ellipsis. Returns the columns it takes. */
int  layout_cut(const char *cell, int width, char *out, size_t size);

#endif
