/* SPDX-License-Identifier: MIT */
/* compare.c - line two chains up step by step for --compare. */
#include <string.h>

#include "compare.h"

void
compare_plan(struct compare *c, const struct chain *a, const struct chain *b)
{
	/* common[i][j]: how many steps a[i..] and b[i..] share, in order
	 * (the longest common subsequence, by program name). */
	unsigned char common[CHAIN_MAX_STEPS + 1][CHAIN_MAX_STEPS + 1];
	int na = chain_length(a), nb = chain_length(b), i, j;

	memset(common, 0, sizeof common);
	for (i = na - 1; i >= 1; i--)
		for (j = nb - 1; j >= 1; j--)
			if (strcmp(chain_step(a, i), chain_step(b, j)) == 0)
				common[i][j] = common[i + 1][j + 1] + 1;
			else if (common[i + 1][j] >= common[i][j + 1])
				common[i][j] = common[i + 1][j];
			else
				common[i][j] = common[i][j + 1];
	c->a[0] = c->b[0] = 0;
	c->ncols = 1;
	for (i = j = 1; i < na || j < nb; c->ncols++) {
		if (i < na && j < nb &&
		    strcmp(chain_step(a, i), chain_step(b, j)) == 0 &&
		    common[i][j] == common[i + 1][j + 1] + 1) {
			c->a[c->ncols] = (signed char)i++;
			c->b[c->ncols] = (signed char)j++;
		} else if (j >= nb || (i < na &&
		    common[i + 1][j] >= common[i][j + 1])) {
			/* The first chain's own step first: the second
			 * waits, as the BSD chain waits out the second fork. */
			c->a[c->ncols] = (signed char)i++;
			c->b[c->ncols] = -1;
		} else {
			c->a[c->ncols] = -1;
			c->b[c->ncols] = (signed char)j++;
		}
	}
	c->next = 1;
	c->b_due = 1;
}
