/* SPDX-License-Identifier: MIT */
/*
 * compare.h - two chains side by side, in step: the steps they share
 * happen on the same press of n, a step only one of them has happens on
 * a press of its own while the other waits (the System V second fork,
 * all of daemon(7)'s steps that a new-style daemon leaves out).
 */
#ifndef DAEMONLAB_COMPARE_H
#define DAEMONLAB_COMPARE_H

#include "chains.h"

#define COMPARE_COLS (2 * CHAIN_MAX_STEPS)

struct compare {
	/* One column a press: the step index (chain_step) of each chain
	 * that runs on it, or -1 where that chain waits. */
	signed char a[COMPARE_COLS], b[COMPARE_COLS];
	int   ncols;
	int   next;       /* the column the next press runs */
	int   b_due;      /* steps the second chain may have begun */
};

/* Lines the two chains up by their longest common run of steps; column
 * 0 is both chains' step-start, which the launch itself runs. */
void  compare_plan(struct compare *, const struct chain *a,
    const struct chain *b);

#endif
