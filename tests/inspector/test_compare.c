/* SPDX-License-Identifier: MIT */
/*
 * test_compare.c - --compare lines two chains up: shared steps on one
 * press, a step only one chain has on a press of its own, every step of
 * both chains exactly once and in its chain's order, whichever chain is
 * named first.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chains.h"
#include "compare.h"
#include "lab.h"

/* The plan as text, one column a word: "fork" (both), "fork|-" (only
 * the first), "-|chdir" (only the second); step- left out. */
static const char *
plan_text(const char *a, const char *b)
{
	static char buf[1024];
	const struct chain *ca = chain_find(a), *cb = chain_find(b);
	struct compare c;
	size_t used = 0;
	int i;

	ck_assert_ptr_nonnull(ca);
	ck_assert_ptr_nonnull(cb);
	compare_plan(&c, ca, cb);
	ck_assert_int_eq(c.next, 1);
	for (i = 0; i < c.ncols; i++) {
		const char *sa = c.a[i] >= 0 ? chain_step(ca, c.a[i]) + 5 : "-";
		const char *sb = c.b[i] >= 0 ? chain_step(cb, c.b[i]) + 5 : "-";

		if (c.a[i] >= 0 && c.b[i] >= 0)
			ck_assert_str_eq(sa, sb);
		if (c.a[i] >= 0 && c.b[i] >= 0)
			used += snprintf(buf + used, sizeof buf - used, "%s%s",
			    i ? " " : "", sa);
		else
			used += snprintf(buf + used, sizeof buf - used,
			    "%s%s|%s", i ? " " : "", sa, sb);
	}
	return buf;
}

START_TEST(sysv_bsd_waits_out_the_second_fork)
{
	ck_assert_str_eq(plan_text("sysv", "bsd"), "start umask fork setsid "
	    "fork|- chdir closefds devnull opentty");
	ck_assert_str_eq(plan_text("bsd", "sysv"), "start umask fork setsid "
	    "-|fork chdir closefds devnull opentty");
}
END_TEST

START_TEST(newstyle_skips_what_the_manager_does)
{
	ck_assert_str_eq(plan_text("daemon7", "newstyle"), "start closefds|- "
	    "sigreset|- envclean|- fork|- setsid|- fork|- devnull|- umask|- "
	    "chdir|- pidfile|- dropprivs|- syslog|- notify serve");
	ck_assert_str_eq(plan_text("newstyle", "daemon7"), "start -|closefds "
	    "-|sigreset -|envclean -|fork -|setsid -|fork -|devnull -|umask "
	    "-|chdir -|pidfile -|dropprivs -|syslog notify serve");
}
END_TEST

/* Every pair of chains: each step once, in order, both chains to the end. */
START_TEST(every_pair_runs_every_step_once)
{
	const struct chain *a, *b;
	struct compare c;
	int i, na, nb;

	for (a = chains; a->name != NULL; a++)
		for (b = chains; b->name != NULL; b++) {
			compare_plan(&c, a, b);
			na = nb = 0;
			for (i = 0; i < c.ncols; i++) {
				ck_assert(c.a[i] >= 0 || c.b[i] >= 0);
				if (c.a[i] >= 0)
					ck_assert_int_eq(c.a[i], na++);
				if (c.b[i] >= 0)
					ck_assert_int_eq(c.b[i], nb++);
			}
			ck_assert_int_eq(na, chain_length(a));
			ck_assert_int_eq(nb, chain_length(b));
		}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("plan");

	tcase_add_test(tc, sysv_bsd_waits_out_the_second_fork);
	tcase_add_test(tc, newstyle_skips_what_the_manager_does);
	tcase_add_test(tc, every_pair_runs_every_step_once);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
