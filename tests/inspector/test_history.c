/* SPDX-License-Identifier: MIT */
/*
 * test_history.c - the pages [ and ] turn: each keeps the run's screen
 * as it was (rows, lesson, words, terminal, quiz pane), paging stops at
 * both ends, and memory is bounded: the oldest page goes when
 * HISTORY_MAX are kept (ASan's leak check runs this too).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "lab.h"
#include "text.h"

static struct run r;

/* The run at step k: k rows, the focus the last, its own words. */
static void
at_step(int k)
{
	int i;

	r.chain = chain_find("sysv");
	r.steps_seen = k;
	r.story.nrows = k < STORY_MAX_ROWS ? k : STORY_MAX_ROWS;
	for (i = 0; i < r.story.nrows; i++) {
		memset(&r.story.rows[i], 0, sizeof r.story.rows[i]);
		r.story.rows[i].now.p.pid = 1000 * k + i;
	}
	r.story.focus = 1000 * k + r.story.nrows - 1;
	snprintf(r.lesson, sizeof r.lesson, "step%d", k);
	snprintf(r.message, sizeof r.message, "words of step %d", k);
	snprintf(r.term[0], sizeof r.term[0], "terminal at %d", k);
	r.term_next = 0;
}

START_TEST(pages_as_they_were)
{
	struct history h;
	struct quiz q;
	char title[256];
	int k;

	text_use("en");
	history_init(&h);
	ck_assert(!history_showing(&h));
	ck_assert_int_eq(history_page(&h, -1), -1);    /* nothing yet */
	memset(&q, 0, sizeof q);
	for (k = 1; k <= 3; k++) {
		at_step(k);
		q.answer = k;
		history_take(&h, &r, &q);
	}
	at_step(4);                                  /* now: step 4 */
	ck_assert(!history_showing(&h));
	ck_assert_int_eq(history_page(&h, +1), -1);    /* already now */
	for (k = 3; k >= 1; k--) {
		struct story *s;
		struct run *shown;

		ck_assert_int_eq(history_page(&h, -1), 0);
		ck_assert(history_showing(&h));
		s = history_story(&h);
		ck_assert_int_eq(s->nrows, k);
		ck_assert_int_eq(s->focus, 1000 * k + k - 1);
		ck_assert_int_eq(s->rows[k - 1].now.p.pid, 1000 * k + k - 1);
		shown = history_run(&h, &r);
		ck_assert_str_eq(shown->lesson, k == 1 ? "step1" : k == 2 ?
		    "step2" : "step3");
		ck_assert_int_eq(shown->steps_seen, k);
		ck_assert_str_eq(shown->term[shown->term_next], k == 1 ?
		    "terminal at 1" : k == 2 ? "terminal at 2" :
		    "terminal at 3");
		ck_assert_int_eq(history_quiz(&h)->answer, k);
		history_title(&h, title, sizeof title);
		ck_assert_msg(strncmp(title, k == 1 ? "step 1/9 as seen at " :
		    k == 2 ? "step 2/9 as seen at " : "step 3/9 as seen at ",
		    20) == 0, "title: %s", title);
		ck_assert_msg(strstr(title, "] or Right to come back") != NULL,
		    "title: %s", title);
	}
	ck_assert_int_eq(history_page(&h, -1), -1);    /* the first */
	ck_assert_int_eq(history_story(&h)->nrows, 1);
	/* The live run is untouched by looking back. */
	ck_assert_int_eq(r.steps_seen, 4);
	ck_assert_str_eq(r.lesson, "step4");
	for (k = 0; k < 3; k++)
		ck_assert_int_eq(history_page(&h, +1), 0);
	ck_assert(!history_showing(&h));
	history_page(&h, -1);
	history_now(&h);
	ck_assert(!history_showing(&h));
	history_clear(&h);
	ck_assert_int_eq(h.n, 0);
	ck_assert_int_eq(history_page(&h, -1), -1);
}
END_TEST

START_TEST(bounded)
{
	struct history h;
	int k;

	history_init(&h);
	for (k = 1; k <= HISTORY_MAX + 10; k++) {
		at_step(k);
		history_take(&h, &r, NULL);
	}
	ck_assert_int_eq(h.n, HISTORY_MAX);
	for (k = 0; k < HISTORY_MAX; k++)
		ck_assert_int_eq(history_page(&h, -1), 0);
	ck_assert_int_eq(history_page(&h, -1), -1);
	/* The oldest pages went first. */
	ck_assert_int_eq(history_run(&h, &r)->steps_seen, 11);
	history_clear(&h);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("history");

	tcase_add_test(tc, pages_as_they_were);
	tcase_add_test(tc, bounded);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
