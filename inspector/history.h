/* SPDX-License-Identifier: MIT */
/*
 * history.h - the looks taken at each earlier step of a run, to page
 * back through ([ and ], Left and Right) while the run stays paused.
 *
 * Before a step is continued, its screen as last seen is kept: the
 * story's rows (what the table, "What changed", the detail and the
 * sessions diagram are drawn from), the step's lesson key and words, and the
 * terminal pane. Memory is bounded: at most HISTORY_MAX pages, each as
 * many rows as the story had (the oldest page goes first).
 */
#ifndef DAEMONLAB_HISTORY_H
#define DAEMONLAB_HISTORY_H

#include <time.h>

#include "quiz.h"
#include "run.h"
#include "story.h"

#define HISTORY_MAX 24      /* a chain has fewer steps than that */

struct history_page;

struct history {
	struct history_page *pages[HISTORY_MAX];
	int   n;
	int   at;               /* the page shown; n: now (live) */
};

void  history_init(struct history *);
/* Forgets every page (restart, quit). */
void  history_clear(struct history *);
/* Keeps run's screen as it is now, before its step is continued; with
 * --quiz, the quiz pane too (quiz may be NULL). */
void  history_take(struct history *, const struct run *,
    const struct quiz *);
/* One page back (-1) or forward (+1); forward past the last is now.
 * Returns 0, or -1 when there is nothing that way. */
int   history_page(struct history *, int way);
/* Back to now. */
void  history_now(struct history *);
/* A page is shown (not now). */
int   history_showing(const struct history *);
/* The story and the run as they were on the page shown, to draw with
 * the live views' own functions (the run: its lesson, words and
 * terminal; the rest is live's). Valid until the next call. */
struct story *history_story(const struct history *);
struct run   *history_run(const struct history *, const struct run *live);
/* The detail pane's ids and signals of row as they were, for the story
 * history_story() gave: 0, or -1 (not that story, or none kept). */
struct detail;
int   history_detail(const struct history *, const struct story *, int row,
    struct detail *);
/* The quiz pane as it was on the page shown. */
const struct quiz *history_quiz(const struct history *);
/* "step 3/9 as seen at 12:01:07 — ] or Right to come back". */
void  history_title(const struct history *, char *buf, size_t size);

#endif
