/* SPDX-License-Identifier: MIT */
/* test_escape.c - nothing a process chooses may reach the terminal raw. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "lab.h"

static char out[1024];

static const char *
esc(const char *in, size_t len)
{
	escape_str(in, len, out, sizeof out);
	return out;
}

#define ESC(lit) esc(lit, sizeof lit - 1)

/* cp in UTF-8 at p; returns its length. */
static size_t
utf8(unsigned int cp, char *p)
{
	if (cp < 0x80)
		return p[0] = (char)cp, 1;
	if (cp < 0x800)
		return p[0] = (char)(0xc0 | cp >> 6),
		    p[1] = (char)(0x80 | (cp & 0x3f)), 2;
	if (cp < 0x10000)
		return p[0] = (char)(0xe0 | cp >> 12),
		    p[1] = (char)(0x80 | (cp >> 6 & 0x3f)),
		    p[2] = (char)(0x80 | (cp & 0x3f)), 3;
	p[0] = (char)(0xf0 | cp >> 18);
	p[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	p[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	p[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Escaped output holds no C0, DEL or C1 (bytes C2 80..C2 9F). */
static int
is_inert(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 &&
		    p[1] <= 0x9f))
			return 0;
	return 1;
}

START_TEST(terminal_controls_are_shown)
{
	ck_assert_str_eq(ESC("\033[2J"), "\\033[2J");
	ck_assert_str_eq(ESC("\033]0;pwned\a"), "\\033]0;pwned\\a");
	ck_assert_str_eq(ESC("\033[31mred"), "\\033[31mred");
	ck_assert_str_eq(ESC("a\nb\tc\rd\be\vf\fg"),
	    "a\\nb\\tc\\rd\\be\\vf\\fg");
	ck_assert_str_eq(ESC("\x7f"), "\\177");
	ck_assert_str_eq(ESC("\x01\x1f"), "\\001\\037");
	ck_assert_str_eq(ESC("a\0b"), "a\\000b");
}
END_TEST

START_TEST(c1_controls_are_shown)
{
	/* U+009B is CSI on many terminals, as UTF-8 and as a raw byte. */
	ck_assert_str_eq(ESC("\xc2\x9b" "2J"), "\\302\\2332J");
	ck_assert_str_eq(ESC("\xc2\x80\xc2\x9f"), "\\302\\200\\302\\237");
	ck_assert_str_eq(ESC("\x9b" "2J"), "\\2332J");
	ck_assert_str_eq(ESC("\xc2\xa0"), "\xc2\xa0");   /* U+00A0 prints */
}
END_TEST

START_TEST(invalid_utf8_is_shown)
{
	ck_assert_str_eq(ESC("\xff"), "\\377");
	ck_assert_str_eq(ESC("\xc0\xaf"), "\\300\\257");       /* overlong */
	ck_assert_str_eq(ESC("\xed\xa0\x80"), "\\355\\240\\200");  /* U+D800 */
	ck_assert_str_eq(ESC("\xf4\x90\x80\x80"), "\\364\\220\\200\\200");
	ck_assert_str_eq(ESC("x\xe4\xb8"), "x\\344\\270");   /* cut short */
	ck_assert_str_eq(ESC("\xe4" "a"), "\\344a");
}
END_TEST

START_TEST(printable_text_passes)
{
	ck_assert_str_eq(ESC("sshd: root [priv]"), "sshd: root [priv]");
	ck_assert_str_eq(ESC("中文名字"), "中文名字");
	ck_assert_str_eq(ESC("café ☃ 😀"), "café ☃ 😀");
	ck_assert_str_eq(ESC("a\\b"), "a\\\\b");
	ck_assert_str_eq(ESC("\\033"), "\\\\033");   /* not an ESC */
}
END_TEST

START_TEST(bidi_controls_are_shown)
{
	ck_assert_str_eq(ESC("a\xe2\x80\xae" "b"), "a\\342\\200\\256b");
	ck_assert_str_eq(ESC("\xe2\x81\xa6"), "\\342\\201\\246");
	ck_assert_str_eq(ESC("\xe2\x80\xa8"), "\\342\\200\\250");  /* U+2028 */
}
END_TEST

START_TEST(truncation_never_splits)
{
	static const char in[] = "ab\033中\\\xff" "cd";
	char full[128], part[128];
	size_t need, n, size;

	need = escape_str(in, sizeof in - 1, full, sizeof full);
	ck_assert_str_eq(full, "ab\\033中\\\\\\377cd");
	ck_assert_uint_eq(need, strlen(full));
	/* Every size gives a prefix that ends on a whole piece. */
	for (size = 0; size <= need + 1; size++) {
		memset(part, 'X', sizeof part);
		ck_assert_uint_eq(escape_str(in, sizeof in - 1, part, size),
		    need);
		if (size == 0) {
			ck_assert_int_eq(part[0], 'X');
			continue;
		}
		n = strlen(part);
		ck_assert_uint_lt(n, size);
		ck_assert(strncmp(part, full, n) == 0);
		ck_assert_msg(n == 0 || n == 1 || n == 2 || n == 6 || n == 9 ||
		    n == 11 || n == 15 || n == 16 || n == 17, "cut at %zu", n);
	}
	ck_assert_str_eq((escape_str("\033", 1, part, 4), part), "");
	ck_assert_str_eq((escape_str("\033", 1, part, 5), part), "\\033");
	ck_assert_str_eq((escape_str("ab中", 5, part, 5), part), "ab");
	ck_assert_str_eq((escape_str("ab中", 5, part, 6), part), "ab中");
	ck_assert_uint_eq(escape_str("x", 1, NULL, 0), 1);
}
END_TEST

START_TEST(every_byte_is_inert)
{
	char in[4], buf[64];
	unsigned int a, b;

	/* All two-byte inputs, framed by printable ASCII. */
	for (a = 0; a < 256; a++)
		for (b = 0; b < 256; b++) {
			in[0] = 'x';
			in[1] = (char)a;
			in[2] = (char)b;
			in[3] = 'y';
			escape_str(in, 4, buf, sizeof buf);
			ck_assert_msg(is_inert(buf), "%02x %02x: %s", a, b,
			    buf);
		}
}
END_TEST

/* Characters that draw nothing (Unicode category Cf, the Hangul
 * fillers) would make "a\u200bb" look like "ab": each shows as its
 * bytes, in every locale, --once included (one escape function). */
START_TEST(invisible_characters_are_shown)
{
	static const unsigned int invisible[] = {
		0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x3164,
		0x061c, 0x115f, 0x1160, 0xffa0, 0x202a, 0x202e, 0x2066,
		0x2069, 0x2061, 0x2064, 0x206a, 0x206f, 0x0600, 0x06dd,
		0x180e, 0xfff9, 0x110bd, 0x1d173, 0xe0000, 0xe0001, 0xe0020,
		0xe0041, 0xe007f,
	};
	/* Their neighbours print. */
	static const unsigned int visible[] = {
		0x00ac, 0x00ae, 0x2010, 0x2070, 0x3163,
		0x3165, 0xffa1, 0x1161, 0x115e, 0xfe50, 0x4e2d,
	};
	char in[8], want[64];
	size_t i, n, k;

	for (i = 0; i < sizeof invisible / sizeof invisible[0]; i++) {
		n = utf8(invisible[i], in + 1);
		in[0] = 'a';
		in[n + 1] = 'b';
		want[0] = 'a';
		for (k = 0; k < n; k++)
			snprintf(want + 1 + 4 * k, 5, "\\%03o",
			    (unsigned char)in[1 + k]);
		strcat(want, "b");
		ck_assert_msg(strcmp(esc(in, n + 2), want) == 0,
		    "U+%04X: %s, not %s", invisible[i], out, want);
		ck_assert(is_inert(out));
	}
	for (i = 0; i < sizeof visible / sizeof visible[0]; i++) {
		n = utf8(visible[i], in);
		in[n] = '\0';
		ck_assert_msg(strcmp(esc(in, n), in) == 0, "U+%04X: %s",
		    visible[i], out);
	}
	ck_assert_str_eq(ESC("a\xe2\x80\x8b" "b"), "a\\342\\200\\213b");
}
END_TEST

START_TEST(width_counts_columns)
{
	ck_assert_int_eq(escape_width(""), 0);
	ck_assert_int_eq(escape_width("pts/3"), 5);
	ck_assert_int_eq(escape_width("中文"), 4);
	ck_assert_int_eq(escape_width("a中b"), 4);
	ck_assert_int_eq(escape_width(ESC("\033[2J")), 7);
	ck_assert_int_eq(escape_width("😀"), 2);
	ck_assert_int_eq(escape_width("e\xcc\x81"), 1);    /* e + U+0301 */
}
END_TEST

/* The result may not depend on whatever locale the program set. */
START_TEST(locale_does_not_matter)
{
	static const char in[] = "中\xc2\x9b\033é";
	char before[64];

	escape_str(in, sizeof in - 1, before, sizeof before);
	ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));
	ck_assert_str_eq(esc(in, sizeof in - 1), before);
	ck_assert_int_eq(escape_width("中文"), 4);
	if (setlocale(LC_ALL, "C.UTF-8") != NULL) {
		ck_assert_str_eq(esc(in, sizeof in - 1), before);
		ck_assert_int_eq(escape_width("中文"), 4);
	}
	ck_assert_str_eq(before, "中\\302\\233\\033é");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("escape");
	TCase *tc = tcase_create("escape");

	tcase_add_test(tc, terminal_controls_are_shown);
	tcase_add_test(tc, c1_controls_are_shown);
	tcase_add_test(tc, invalid_utf8_is_shown);
	tcase_add_test(tc, printable_text_passes);
	tcase_add_test(tc, bidi_controls_are_shown);
	tcase_add_test(tc, truncation_never_splits);
	tcase_add_test(tc, every_byte_is_inert);
	tcase_add_test(tc, width_counts_columns);
	tcase_add_test(tc, invisible_characters_are_shown);
	tcase_add_test(tc, locale_does_not_matter);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
