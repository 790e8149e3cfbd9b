/* SPDX-License-Identifier: MIT */
/*
 * test_glossary.c - the glossary (inspector/glossary.c) explains every
 * column the table has and every STAT letter the STAT function can
 * write, in both languages, each with the /proc field it comes from.
 * The terms are taken from the code's own tables (columns[] and
 * proc_states[], proc_stat_flags[]), so adding a column or a letter
 * there without its words fails here.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "glossary.h"
#include "lab.h"
#include "proc.h"
#include "text.h"

/* Every term the screen can show: the columns, then STAT's letters. */
static int
terms(char out[][16], int max)
{
	int i, n = 0;

	for (i = 0; i < NCOLUMNS && n < max; i++)
		snprintf(out[n++], 16, "%s", columns[i].name);
	for (i = 0; proc_states[i] != '\0' && n < max; i++)
		snprintf(out[n++], 16, "%c", proc_states[i]);
	for (i = 0; proc_stat_flags[i].letter != 0 && n < max; i++)
		snprintf(out[n++], 16, "%c", proc_stat_flags[i].letter);
	return n;
}

/* Where in /proc: a field of stat or status, or a file under /proc. */
static int
names_proc(const char *words)
{
	return strstr(words, "stat") != NULL || strstr(words, "/proc/") != NULL;
}

START_TEST(every_term_has_words_in_both_languages)
{
	char t[64][16];
	int i, n = terms(t, 64), id;
	enum text_lang lang;

	ck_assert_int_ge(n, NCOLUMNS + 6);
	for (i = 0; i < n; i++) {
		id = glossary_find(t[i]);
		ck_assert_msg(id >= 0, "the glossary has no entry for '%s'", t[i]);
		for (lang = 0; lang < TEXT_LANGS; lang++) {
			const char *w = text_in(lang, (enum text_id)id);

			ck_assert_msg(w != NULL && *w != '\0', "'%s' has no words "
			    "in language %d", t[i], lang);
			ck_assert_msg(names_proc(w), "'%s' (language %d) names no "
			    "/proc field: %s", t[i], lang, w);
		}
	}
}
END_TEST

/* The STAT function writes only letters the tables hold, whatever the
 * process: the state, then flags from proc_stat_flags[]. */
START_TEST(stat_writes_only_letters_of_the_tables)
{
	struct proc_info pi;
	char buf[16], term[2] = "";
	int bits, i, s;

	for (s = 0; proc_states[s] != '\0'; s++)
		for (bits = 0; bits < 64; bits++) {
			memset(&pi, 0, sizeof pi);
			pi.state = proc_states[s];
			pi.pid = 100;
			pi.nice = bits & 1 ? -5 : bits & 2 ? 5 : 0;
			pi.vmlck = bits & 4 ? 8 : 0;
			pi.sid = bits & 8 ? 100 : 1;
			pi.nlwp = bits & 16 ? 3 : 1;
			pi.pgid = 100;
			pi.tpgid = bits & 32 ? 100 : -1;
			proc_stat_string(&pi, buf, sizeof buf);
			for (i = 0; buf[i] != '\0'; i++) {
				term[0] = buf[i];
				ck_assert_msg(glossary_find(term) >= 0, "STAT '%s' "
				    "has '%s', which the glossary lacks", buf, term);
			}
		}
}
END_TEST

START_TEST(the_text_has_one_line_per_term)
{
	static char text[16384];
	char t[64][16], line[64];
	int i, n = terms(t, 64), lines = 0;
	const char *p;

	text_use("zh-CN");
	glossary_text(text, sizeof text);
	for (p = text; *p != '\0'; p++)
		lines += *p == '\n';
	ck_assert_int_eq(lines, n);
	for (i = 0; i < n; i++) {
		snprintf(line, sizeof line, i < NCOLUMNS ? "%-8s " : "STAT %-3s ",
		    t[i]);
		ck_assert_msg(strstr(text, line) != NULL, "no line for '%s'",
		    t[i]);
	}
	text_use("en");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("glossary");
	TCase *tc = tcase_create("glossary");

	tcase_add_test(tc, every_term_has_words_in_both_languages);
	tcase_add_test(tc, stat_writes_only_letters_of_the_tables);
	tcase_add_test(tc, the_text_has_one_line_per_term);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
