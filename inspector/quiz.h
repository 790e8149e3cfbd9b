/* SPDX-License-Identifier: MIT */
/*
 * quiz.h - daemonlab --quiz: before each step, the question its lesson
 * asks (docs/lessons/LANG/KEY.md, "## Quiz"); the student answers with
 * a digit key; once the step has run, the answer beside what /proc
 * shows (quiz-check.h), until the next step.
 */
#ifndef DAEMONLAB_QUIZ_H
#define DAEMONLAB_QUIZ_H

#include "protocol.h"
#include "run.h"

struct quiz {
	int   on;                       /* --quiz */
	char  key[PROTO_STEP_MAX];      /* the question asked; "": none */
	int   asked_at;                 /* steps_seen when it was asked */
	int   answer;                   /* 1-4; 0: none yet */
	int   looked_at;                /* the last pause looked at; -1 */
	int   waiting;                  /* a step waits to be continued */
	/* The step that ran last, judged on /proc. */
	char  done[PROTO_STEP_MAX];     /* "": none yet */
	int   done_answer;
	int   verdict;                  /* 1 agrees, 0 does not, -1 unknown */
	char  seen[256];                /* e.g. "PGID 4242 → 4242" */
};

void quiz_init(struct quiz *, int on);
/* Looks at the run after its reports: asks about the next step when
 * one waits, judges the question asked once that step has run. */
void quiz_update(struct quiz *, const struct run *);
/* A digit key: 0, or -1 when no question takes that answer. */
int  quiz_answer(struct quiz *, const char *lang, int digit);
/* The quiz pane: lines y to y + max - 1, width columns from x. */
void quiz_draw(const struct quiz *, const char *lang, int y, int x,
    int width, int max);

#endif
