/* SPDX-License-Identifier: MIT */
/*
 * test_textwrap.c - lines break where a reader expects: at spaces,
 * beside Chinese characters, never with closing punctuation first on a
 * line (kinsoku), and never wider than asked.
 */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lab.h"
#include "textwrap.h"

/* text wrapped at width, lines joined with '|', as wrap() in ui.c does
 * it: break, then skip the spaces at the start of the next line. */
static const char *
wrapped(const char *text, int width)
{
	static char out[1024];
	size_t used = 0;
	int len;

	out[0] = '\0';
	while (*text != '\0') {
		len = textwrap_break(text, width);
		ck_assert_int_gt(len, 0);
		used += snprintf(out + used, sizeof out - used, "%s%.*s",
		    used ? "|" : "", len, text);
		text += len;
		if (*text == '\n')
			text++;
		while (*text == ' ')
			text++;
	}
	return out;
}

START_TEST(words_break_at_spaces)
{
	ck_assert_str_eq(wrapped("the parent exited", 10),
	    "the parent|exited");
	/* A word that fills the line exactly stays on it. */
	ck_assert_str_eq(wrapped("a bc def", 4), "a bc|def");
	ck_assert_str_eq(wrapped("hello world foo", 11), "hello world|foo");
	/* No space: a long word is cut. */
	ck_assert_str_eq(wrapped("abcdefghij", 4), "abcd|efgh|ij");
	ck_assert_int_eq(textwrap_break("ab\ncd", 10), 2);
}
END_TEST

START_TEST(chinese_breaks_between_characters)
{
	/* Two columns a character: four fit in 8 or 9. */
	ck_assert_str_eq(wrapped("一二三四五六", 8), "一二三四|五六");
	ck_assert_str_eq(wrapped("一二三四五六", 9), "一二三四|五六");
	/* Beside Latin text, too. */
	ck_assert_str_eq(wrapped("调用 setsid() 可以成功", 14),
	    "调用 setsid()|可以成功");
}
END_TEST

START_TEST(closing_punctuation_never_starts_a_line)
{
	static const char *const closers[] = { "，", "。", "、", "；", "：",
	    "）", "」", "』", "》", "！", "？" };
	char text[64];
	size_t i;

	/* The comma fits the line: it stays there, after 三. */
	ck_assert_str_eq(wrapped("一二三，四五", 8), "一二三，|四五");
	/* The full stop does not fit: 五 goes down with it. */
	ck_assert_str_eq(wrapped("一二三四五。", 10), "一二三四|五。");
	for (i = 0; i < sizeof closers / sizeof closers[0]; i++) {
		const char *out, *bar;

		snprintf(text, sizeof text, "一二三%s四五六七八九", closers[i]);
		out = wrapped(text, 6);
		for (bar = strchr(out, '|'); bar != NULL;
		    bar = strchr(bar + 1, '|'))
			ck_assert_msg(strncmp(bar + 1, closers[i],
			    strlen(closers[i])) != 0, "%s starts a line: %s",
			    closers[i], out);
	}
}
END_TEST

START_TEST(opening_brackets_never_end_a_line)
{
	ck_assert_str_eq(wrapped("一二三（四）", 8), "一二三|（四）");
	ck_assert_str_eq(wrapped("由 init（PID 1）收养", 9),
	    "由 init|（PID 1）|收养");
}
END_TEST

START_TEST(lines_never_exceed_the_width)
{
	static const char *const texts[] = {
		"PPID 812 → 1：父进程已退出，由 init（PID 1）收养",
		"PID 4243 ≠ SID 4242：不是会话首进程，所以再也不能获得控制终端",
		"TTY pts/3 → ?: it has no controlling terminal any more",
		"一，二。三、四；五：六）七」八』九》十！十一？",
	};
	size_t i;
	int width, used;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		for (width = 2; width < 40; width++) {
			const char *p = texts[i];

			while (*p != '\0') {
				int len = textwrap_break(p, width);
				char line[256];

				ck_assert_int_gt(len, 0);
				snprintf(line, sizeof line, "%.*s", len, p);
				ck_assert_int_eq(textwrap_fit(line, width, &used),
				    len);
				ck_assert_int_le(used, width);
				for (p += len; *p == ' '; p++)
					;
			}
		}
}
END_TEST

START_TEST(fit_counts_columns)
{
	int used;

	ck_assert_int_eq(textwrap_fit("一二三", 5, &used), 6);
	ck_assert_int_eq(used, 4);
	ck_assert_int_eq(textwrap_fit("a→b", 3, &used), 5);
	ck_assert_int_eq(used, 3);
	ck_assert_int_eq(textwrap_fit("abc", 0, &used), 0);
	ck_assert_int_eq(used, 0);
}
END_TEST

/* The screen runs in a UTF-8 locale (charset.c); so do we. */
static void
need_utf8(void)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "C.utf8") == NULL)
		lab_skip("no C.UTF-8 locale on this machine");
}

int
main(void)
{
	Suite *s = suite_create("textwrap");
	TCase *tc = tcase_create("textwrap");

	tcase_add_checked_fixture(tc, need_utf8, NULL);
	tcase_add_test(tc, words_break_at_spaces);
	tcase_add_test(tc, chinese_breaks_between_characters);
	tcase_add_test(tc, closing_punctuation_never_starts_a_line);
	tcase_add_test(tc, opening_brackets_never_end_a_line);
	tcase_add_test(tc, lines_never_exceed_the_width);
	tcase_add_test(tc, fit_counts_columns);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
