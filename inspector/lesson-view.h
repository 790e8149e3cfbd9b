/* SPDX-License-Identifier: MIT */
/*
 * lesson-view.h - the whole lesson, always reachable: the lesson pane
 * scrolls (PgUp/PgDn) and says "more ↓" / "more ↑" when text is
 * hidden; l shows the lesson on a screen of its own. The text is read
 * in the order that matters for the chain being run: its own "What to
 * watch" items first (lessons.h, watch_scope).
 */
#ifndef DAEMONLAB_LESSON_VIEW_H
#define DAEMONLAB_LESSON_VIEW_H

#include <stddef.h>

#include "lessons.h"
#include "text.h"

/* What the reader has scrolled, per view; a new step starts at the top. */
struct lesson_state {
	int         scroll;     /* the pane's first line shown */
	int         page;       /* lines the pane showed last (PgUp/PgDn) */
	int         full;       /* l: the lesson on its own screen */
	int         full_scroll, full_page;
	int         glossary;   /* g: the glossary on its own screen */
	int         gl_scroll, gl_page;
	int         step;       /* the step the scroll belongs to */
	const char *key;        /* and its lesson */
};

#define LESSON_VIEW_TEXT 20480     /* four sections of 4095 bytes, and headings */
#define LESSON_VIEW_LINES 1024     /* at 80 columns, a 38-column pane */

enum lesson_line_kind { LL_TITLE, LL_HEAD, LL_TEXT };

struct lesson_line {
	int off, len;           /* in text */
	int indent;             /* columns: a list item's hanging indent */
	enum lesson_line_kind kind;
};

struct lesson_lines {
	int n;
	struct lesson_line line[LESSON_VIEW_LINES];
	char text[LESSON_VIEW_TEXT];
};

/*
 * The lesson as it is read (no curses): its title, "What to watch",
 * the summary (under "What the step does"), "Why a daemon does it" and
 * "Pitfalls", each heading a line of its own, list items marked "• ";
 * with chain, the watch items about
 * that chain come first, then those about every chain, then those
 * about an option of the chain (e.g. --noctty), then the other chains'
 * (each group in the lesson's order). Without a lesson, intro alone.
 * Broken into lines of at most width columns.
 */
void lesson_view_lines(const struct lesson *, const char *chain,
    enum text_id intro, int width, struct lesson_lines *);

/* A key for the lesson: PgUp/PgDn scroll the pane, l opens the full
 * lesson, g the glossary; on those screens PgUp/PgDn, Up/Down,
 * Home/End scroll and l (g), q, Esc go back. Returns 1 when the key
 * was the lesson's. */
int  lesson_view_key(struct lesson_state *, int key);

/* The pane: the lesson of key (none when key is "-" or empty: intro),
 * at step of the run (a new step scrolls back to the top). The rule
 * line above the pane is at y - 1, from x - 1, width + 2 wide: "more"
 * marks go at its right end. */
void lesson_view_pane(struct lesson_state *, const char *key,
    const char *chain, enum text_id intro, const char *lang, int step,
    int y, int x, int width, int max);

/* The full lesson on the screen below the title line, when open. */
int  lesson_view_full(struct lesson_state *, const char *key,
    const char *chain, enum text_id intro, const char *lang, int step);

/* The glossary (glossary.c) on the screen below the title line, when
 * open; returns whether it is. */
int  lesson_view_glossary(struct lesson_state *);

#endif
