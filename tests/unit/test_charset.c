/* SPDX-License-Identifier: MIT */
/*
 * test_charset.c - the screen is UTF-8 whenever a UTF-8 locale can be
 * had, even when the one the environment names is not installed, and
 * ASCII otherwise, with an ASCII form for every glyph it draws.
 */
#include <check.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "lab.h"

static const char *const locale_vars[] = {
	"LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LC_COLLATE", "LC_NUMERIC",
	"LC_TIME", "LC_MONETARY", "LANG", "LANGUAGE",
};

/* The environment names only LANG (NULL: nothing at all). Each test runs
 * in a child of its own (Check forks), so this does not leak. */
static void
only_lang(const char *lang)
{
	size_t i;

	for (i = 0; i < sizeof locale_vars / sizeof locale_vars[0]; i++)
		unsetenv(locale_vars[i]);
	if (lang != NULL)
		setenv("LANG", lang, 1);
}

static int
codeset_utf8(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

START_TEST(missing_locale_falls_back_to_c_utf8)
{
	/* No machine has this one: setlocale(LC_ALL, "") fails, as it does
	 * for zh_CN.UTF-8 in a container without it. */
	only_lang("xx_XX.UTF-8");
	ck_assert_ptr_null(setlocale(LC_ALL, ""));
	ck_assert_int_eq(charset_setup(0), 1);
	ck_assert(codeset_utf8());
	ck_assert_int_eq(charset_utf8(), 1);
}
END_TEST

START_TEST(c_locale_falls_back_to_c_utf8)
{
	only_lang("C");
	ck_assert_int_eq(charset_setup(0), 1);
	ck_assert(codeset_utf8());
	only_lang(NULL);
	ck_assert_int_eq(charset_setup(0), 1);
	ck_assert(codeset_utf8());
}
END_TEST

START_TEST(utf8_locale_is_kept)
{
	only_lang("C.UTF-8");
	ck_assert_int_eq(charset_setup(0), 1);
	ck_assert(codeset_utf8());
	ck_assert_str_eq(setlocale(LC_CTYPE, NULL), "C.UTF-8");
}
END_TEST

START_TEST(ascii_when_asked)
{
	only_lang("C.UTF-8");
	ck_assert_int_eq(charset_setup(1), 0);
	ck_assert_int_eq(charset_utf8(), 0);
	ck_assert(!codeset_utf8());
}
END_TEST

static const char *
ascii(const char *in)
{
	static char out[512];

	charset_ascii(in, out, sizeof out);
	return out;
}

START_TEST(every_glyph_has_an_ascii_form)
{
	ck_assert_str_eq(ascii("• PPID 812 → 1"), "* PPID 812 -> 1");
	ck_assert_str_eq(ascii("PID 4243 ≠ SID 4242"), "PID 4243 != SID 4242");
	ck_assert_str_eq(ascii("x · y … z"), "x | y ... z");
	ck_assert_str_eq(ascii("──│"), "--|");
	ck_assert_str_eq(ascii("APUE 3e §13.3 – “quoted”"),
	    "APUE 3e sec.13.3 - \"quoted\"");
	/* What has none is one '?': never a byte above 0x7f. */
	ck_assert_str_eq(ascii("中文 é"), "?? ?");
	ck_assert_str_eq(ascii("\xff\x80 a"), "? a");
}
END_TEST

START_TEST(ascii_is_ascii_and_fits)
{
	static const char in[] = "•→←≠≤≥·…─━│┃┌┐└┘├┤┬┴┼–—‘’“”§×\u00a0中é\xff";
	char out[2 * sizeof in], small[8];
	size_t n, i;

	n = charset_ascii(in, out, sizeof out);
	ck_assert_uint_eq(n, strlen(out));
	ck_assert_uint_le(n, 2 * strlen(in));
	for (i = 0; i < n; i++)
		ck_assert_msg((unsigned char)out[i] < 0x80, "byte %zu: %#x",
		    i, (unsigned char)out[i]);
	/* Cut short, it stops before a form that does not fit. */
	n = charset_ascii("a → b …", small, sizeof small);
	ck_assert_str_eq(small, "a -> b ");
	ck_assert_uint_eq(n, 7);
}
END_TEST

/* The fallback tests need the locale they fall back to. */
static void
need_c_utf8(void)
{
	locale_t probe = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);

	if (probe == (locale_t)0)
		lab_skip("no C.UTF-8 locale on this machine to fall back to");
	freelocale(probe);
}

int
main(void)
{
	Suite *s = suite_create("charset");
	TCase *tc = tcase_create("charset"), *fb = tcase_create("fallback");

	tcase_add_test(tc, every_glyph_has_an_ascii_form);
	tcase_add_test(tc, ascii_is_ascii_and_fits);
	tcase_add_test(tc, ascii_when_asked);
	tcase_add_checked_fixture(fb, need_c_utf8, NULL);
	tcase_add_test(fb, missing_locale_falls_back_to_c_utf8);
	tcase_add_test(fb, c_locale_falls_back_to_c_utf8);
	tcase_add_test(fb, utf8_locale_is_kept);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, fb);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
