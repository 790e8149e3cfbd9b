/* SPDX-License-Identifier: MIT */
/* charset.c - UTF-8 when the locale allows it, else ASCII. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "charset.h"

static int utf8 = 1;

static int
codeset_is_utf8(void)
{
	const char *set = nl_langinfo(CODESET);

	return strcasecmp(set, "UTF-8") == 0 || strcasecmp(set, "utf8") == 0;
}

int
charset_setup(int force_ascii)
{
	static const char *const fallbacks[] = { "C.UTF-8", "C.utf8" };
	const char *set = setlocale(LC_ALL, "");
	size_t i;

	if (force_ascii) {
		/* The branch a machine without C.UTF-8 takes: curses in
		 * the C locale, where any byte of UTF-8 that slipped
		 * through would show as ~X or M-x. */
		setlocale(LC_CTYPE, "C");
		return utf8 = 0;
	}
	if (set == NULL || !codeset_is_utf8())
		for (i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++)
			if (setlocale(LC_CTYPE, fallbacks[i]) != NULL &&
			    codeset_is_utf8())
				break;
	return utf8 = codeset_is_utf8();
}

int
charset_utf8(void)
{
	return utf8;
}

/* The ASCII forms, none longer than twice its UTF-8 form. */
static const struct {
	const char *utf8, *ascii;
} forms[] = {
	{ "•", "*" }, { "→", "->" }, { "←", "<-" }, { "≠", "!=" },
	{ "≤", "<=" }, { "≥", ">=" }, { "·", "|" }, { "…", "..." },
	{ "─", "-" }, { "━", "-" }, { "│", "|" }, { "┃", "|" },
	{ "┌", "+" }, { "┐", "+" }, { "└", "+" }, { "┘", "+" },
	{ "├", "+" }, { "┤", "+" }, { "┬", "+" }, { "┴", "+" },
	{ "┼", "+" }, { "–", "-" }, { "—", "--" }, { "‘", "'" },
	{ "’", "'" }, { "“", "\"" }, { "”", "\"" }, { "§", "sec." },
	{ "×", "x" }, { "\u00a0", " " }, { "↓", "v" }, { "↑", "^" },
};

size_t
charset_ascii(const char *in, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)in;
	const char *put;
	size_t used = 0, n, k, i;
	char one[2] = "?";

	if (size == 0)
		return 0;
	while (*s != '\0') {
		if (*s < 0x80) {
			one[0] = (char)*s;
			put = one, n = 1;
		} else {
			put = "?";
			/* One character: a lead byte and its continuation
			 * bytes (or a run of stray continuation bytes). */
			for (n = 1; (s[n] & 0xc0) == 0x80 && n < 4; n++)
				;
			for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
				if (strlen(forms[i].utf8) == n &&
				    memcmp(forms[i].utf8, s, n) == 0) {
					put = forms[i].ascii;
					break;
				}
		}
		k = strlen(put);
		if (used + k >= size)
			break;
		memcpy(out + used, put, k);
		used += k;
		s += n;
	}
	out[used] = '\0';
	return used;
}

const char *
charset_drawable(const char *text, char **copy)
{
	size_t size;

	*copy = NULL;
	if (charset_utf8())
		return text;
	size = 2 * strlen(text) + 1;
	if ((*copy = malloc(size)) == NULL)
		return "";
	charset_ascii(text, *copy, size);
	return *copy;
}
