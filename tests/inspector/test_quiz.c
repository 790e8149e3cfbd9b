/* SPDX-License-Identifier: MIT */
/*
 * test_quiz.c - daemonlab --quiz: every quiz exists in both languages and
 * asks the same (answers, right answer, check); every step of the sysv,
 * bsd and mistake chains after the first has one; and /proc's verdict
 * (quiz_check) on the looks a step leaves.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "chains.h"
#include "lab.h"
#include "lessons.h"
#include "quiz-check.h"

static int
count_options(const char *o)
{
	int n = 1;

	for (; *o != '\0'; o++)
		n += *o == '\n';
	return n;
}

static const struct lesson *
exact(const char *key, const char *lang)
{
	const struct lesson *l;

	for (l = lessons; l->key != NULL; l++)
		if (strcmp(l->key, key) == 0 && strcmp(l->lang, lang) == 0)
			return l;
	return NULL;
}

START_TEST(every_quiz_in_both_languages)
{
	const struct lesson *l, *other;
	struct look a, b;
	char seen[256];
	int n = 0;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	for (l = lessons; l->key != NULL; l++) {
		other = exact(l->key, strcmp(l->lang, "en") ? "en" : "zh-CN");
		ck_assert_msg(other != NULL, "%s has no other language", l->key);
		ck_assert_msg((l->quiz_question == NULL) ==
		    (other->quiz_question == NULL), "lesson %s: a quiz in %s "
		    "only", l->key, l->quiz_question ? l->lang : other->lang);
		if (l->quiz_question == NULL)
			continue;
		n++;
		ck_assert_int_eq(count_options(l->quiz_options),
		    count_options(other->quiz_options));
		ck_assert_int_ge(count_options(l->quiz_options), 2);
		ck_assert_int_le(count_options(l->quiz_options), 4);
		ck_assert_int_eq(l->quiz_right, other->quiz_right);
		ck_assert_str_eq(l->quiz_check, other->quiz_check);
		ck_assert_msg(quiz_check(l->quiz_check, &a, &b, seen,
		    sizeof seen) != -1, "lesson %s: the check '%s' is not one "
		    "the inspector knows", l->key, l->quiz_check);
	}
	ck_assert_int_ge(n, 2 * 9);
}
END_TEST

/* The lesson key of each step, as the inspector names it (run.c). */
START_TEST(every_step_but_the_first_has_a_quiz)
{
	static const char *const names[] = { "sysv", "bsd", "mistake" };
	char key[32];
	size_t c;
	int i, setsid_done;

	for (c = 0; c < sizeof names / sizeof names[0]; c++) {
		const struct chain *ch = chain_find(names[c]);

		ck_assert_ptr_nonnull(ch);
		setsid_done = 0;
		for (i = 1; i < chain_length(ch); i++) {
			const struct lesson *en, *zh;

			snprintf(key, sizeof key, "%s", chain_step(ch, i) + 5);
			if (!strcmp(key, "fork") && setsid_done)
				snprintf(key, sizeof key, "fork2");
			if (!strcmp(key, "setsid"))
				setsid_done = 1;
			if (!strcmp(key, "setsid") && !strcmp(names[c], "mistake"))
				snprintf(key, sizeof key, "mistake");
			en = exact(key, "en");
			zh = exact(key, "zh-CN");
			ck_assert_msg(en != NULL && en->quiz_question != NULL &&
			    zh != NULL && zh->quiz_question != NULL,
			    "chain %s, step %d (%s): no quiz", names[c], i + 1,
			    key);
		}
	}
}
END_TEST

static struct look
look(pid_t pid, pid_t pgid, pid_t sid, int tty)
{
	struct look l;

	memset(&l, 0, sizeof l);
	l.p.pid = pid;
	l.p.pgid = pgid;
	l.p.sid = sid;
	l.p.tty_nr = tty ? makedev(136, tty) : 0;
	snprintf(l.tty, sizeof l.tty, tty ? "pts/%d" : "?", tty);
	l.p.tpgid = tty ? pgid : -1;
	l.p.state = 'S';
	l.p.umask = 022;
	l.p.uid = 1000;
	return l;
}

START_TEST(proc_judges_the_answer)
{
	struct look parent = look(4242, 4242, 812, 3),
	    child = look(4300, 4242, 812, 3), leader = look(4300, 4300, 4300, 0),
	    daemon = look(4301, 4300, 4300, 0), acquired;
	char seen[256];

	/* fork: PGID same, as the right answer says. */
	ck_assert_int_eq(quiz_check("PGID same", &parent, &child, seen,
	    sizeof seen), 1);
	ck_assert_str_eq(seen, "PGID 4242 → 4242");
	ck_assert_int_eq(quiz_check("PGID changed", &parent, &child, seen,
	    sizeof seen), 0);
	/* setsid */
	ck_assert_int_eq(quiz_check("TTY is ?", &child, &leader, seen,
	    sizeof seen), 1);
	ck_assert_str_eq(seen, "TTY pts/3 → ?");
	ck_assert_int_eq(quiz_check("TTY is ?", &parent, &child, seen,
	    sizeof seen), 0);
	ck_assert_int_eq(quiz_check("SID pid", &child, &leader, seen,
	    sizeof seen), 1);
	ck_assert_int_eq(quiz_check("UMASK starts 00", &child, &leader, seen,
	    sizeof seen), 1);
	ck_assert_int_eq(quiz_check("UMASK is 0000", &child, &leader, seen,
	    sizeof seen), 0);
	/* opentty: the session leader acquires, the double-forked daemon
	 * does not; either way the check holds. Not the other way round. */
	acquired = leader;
	acquired.p.tty_nr = makedev(136, 9);
	ck_assert_int_eq(quiz_check("acquires-iff-leader", &leader, &acquired,
	    seen, sizeof seen), 1);
	ck_assert_int_eq(quiz_check("acquires-iff-leader", &daemon, &daemon,
	    seen, sizeof seen), 1);
	ck_assert_int_eq(quiz_check("acquires-iff-leader", &leader, &leader,
	    seen, sizeof seen), 0);
	acquired = daemon;
	acquired.p.tty_nr = makedev(136, 9);
	ck_assert_int_eq(quiz_check("acquires-iff-leader", &daemon, &acquired,
	    seen, sizeof seen), 0);
	/* Not checks. */
	ck_assert_int_eq(quiz_check("PGID", &parent, &child, seen,
	    sizeof seen), -1);
	ck_assert_int_eq(quiz_check("NICE same", &parent, &child, seen,
	    sizeof seen), -1);
	ck_assert_int_eq(quiz_check("PGID bigger", &parent, &child, seen,
	    sizeof seen), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("quiz");
	TCase *tc = tcase_create("quiz");

	tcase_add_test(tc, every_quiz_in_both_languages);
	tcase_add_test(tc, every_step_but_the_first_has_a_quiz);
	tcase_add_test(tc, proc_judges_the_answer);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
