/* SPDX-License-Identifier: MIT */
/*
 * ui.h - the curses screen: title, table, what changed, detail, lesson
 * and terminal panes. Drawing only; main.c owns the loop and the keys.
 */
#ifndef DAEMONLAB_UI_H
#define DAEMONLAB_UI_H

#include <curses.h>

#include "chains.h"
#include "compare.h"
#include "history.h"
#include "quiz.h"
#include "lesson-view.h"
#include "run.h"
#include "story.h"

#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

struct view {
	struct run   *runs[2];      /* launched: one, or two to compare */
	int           nruns;
	struct story *attached;     /* -p: a story with no run */
	const char   *lang;         /* "en" or "zh-CN" */
	int           selected;     /* row of the first story; -1: the focus */
	int           help;         /* the help box is open */
	int           diagram;      /* the sessions diagram, not the table */
	char          status[160];  /* one line of news, e.g. "chain ended" */
	struct compare compare;     /* --compare: which steps run together */
	/* F: the steps' earlier screens; one is shown instead of now
	 * while history_showing() (NULL: no history in this mode). */
	struct history *history;
	/* F: --quiz (NULL, or off: the lesson pane as usual) */
	struct quiz  *quiz;
	struct lesson_state lesson;  /* scrolled; l, g (lesson-view.c) */
};

/* Returns 0, or -1 with a message in err (not a terminal, bad TERM). */
int  ui_start(char *err, size_t size);
void ui_end(void);
/* Gives the terminal back and stops (^Z); repaints on fg. */
void ui_suspend(void);
/* The next draw repaints every cell (^L). */
void ui_repaint(void);
void ui_draw(struct view *);
/* Text at y, x within width columns, never past them, in ASCII where the
 * screen has no UTF-8; returns the columns used. For the other views. */
int  ui_put(int y, int x, int width, attr_t attr, const char *text);

#endif
