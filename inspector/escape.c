/* SPDX-License-Identifier: MIT */
/* escape.c - make untrusted bytes safe and visible on a terminal. */
#include <locale.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "escape.h"

/* The program's own locale may be "C" (no setlocale() call) or Latin-1;
 * the terminal is assumed UTF-8 either way, so ask C.UTF-8 explicitly.
 * Set up on first use: call from one thread, or once before others. */
static locale_t
escape_locale(void)
{
	static locale_t loc;
	static int tried;

	if (!tried) {
		tried = 1;
		loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	return loc;
}

/* Returns the length (1-4) of the valid UTF-8 character at s, or 0:
 * overlong forms, surrogates and values past U+10FFFF are invalid. */
static size_t
utf8_decode(const unsigned char *s, size_t len, unsigned int *cp)
{
	unsigned int c = s[0], min;
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, c &= 0x1f, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, c &= 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, c &= 0x07, min = 0x10000;
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Characters that print as nothing yet are not controls to glibc:
 * Unicode's format characters (category Cf, Unicode 15) and the Hangul
 * fillers that fonts draw blank. A name holding them would show as
 * another ("a\u200bb" as "ab"). */
static int
escape_invisible(unsigned int cp)
{
	static const unsigned int ranges[][2] = {
		{ 0x00ad, 0x00ad }, { 0x0600, 0x0605 }, { 0x061c, 0x061c },
		{ 0x06dd, 0x06dd }, { 0x070f, 0x070f }, { 0x0890, 0x0891 },
		{ 0x08e2, 0x08e2 }, { 0x115f, 0x1160 }, { 0x180e, 0x180e },
		{ 0x200b, 0x200f }, { 0x202a, 0x202e }, { 0x2060, 0x2064 },
		{ 0x2066, 0x206f }, { 0x3164, 0x3164 }, { 0xfeff, 0xfeff },
		{ 0xffa0, 0xffa0 }, { 0xfff9, 0xfffb }, { 0x110bd, 0x110bd },
		{ 0x110cd, 0x110cd }, { 0x13430, 0x1343f },
		{ 0x1bca0, 0x1bca3 }, { 0x1d173, 0x1d17a },
		{ 0xe0000, 0xe007f },   /* tag characters */
	};
	size_t i;

	for (i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return 1;
	return 0;
}

static int
escape_printable(unsigned int cp)
{
	locale_t loc;

	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return 0;
	/* Bidi controls print as nothing yet reorder the rest of the row
	 * where a terminal honours them ("Trojan Source"). */
	if (cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || escape_invisible(cp))
		return 0;
	if (cp < 0x7f || (loc = escape_locale()) == (locale_t)0)
		return 1;
	return iswprint_l(cp, loc) != 0;
}

/* Four bytes at most: "\ooo". */
static size_t
escape_byte(unsigned char b, char *p)
{
	static const char from[] = "\a\b\t\n\v\f\r", to[] = "abtnvfr";
	const char *c;

	p[0] = '\\';
	if (b != 0 && (c = memchr(from, b, sizeof from - 1)) != NULL) {
		p[1] = to[c - from];
		return 2;
	}
	p[1] = '0' + (b >> 6);
	p[2] = '0' + (b >> 3 & 7);
	p[3] = '0' + (b & 7);
	return 4;
}

size_t
escape_str(const char *in, size_t len, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)in;
	char piece[16];         /* one character's escapes: 4 x "\ooo" */
	size_t i, j, n, k, used = 0, need = 0;
	unsigned int cp;
	int cut = 0;

	for (i = 0; i < len; i += n) {
		if (s[i] >= 0x20 && s[i] < 0x7f && s[i] != '\\') {
			/* A run of plain ASCII is itself, copied at once (the
			 * survey escapes a few thousand names a look). */
			for (n = 1; i + n < len && s[i + n] >= 0x20 &&
			    s[i + n] < 0x7f && s[i + n] != '\\'; n++)
				;
			k = !cut && size > used + 1 ? size - used - 1 : 0;
			if (k > n)
				k = n;
			if (k > 0)
				memcpy(out + used, s + i, k);
			used += k;
			cut |= k < n;
			need += n;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n > 0 && cp == '\\')
			k = 2, piece[0] = piece[1] = '\\';
		else if (n > 0 && escape_printable(cp))
			k = n, memcpy(piece, s + i, n);
		else {
			if (n == 0)
				n = 1;  /* invalid: this byte alone */
			for (j = k = 0; j < n; j++)
				k += escape_byte(s[i + j], piece + k);
		}
		/* Once a piece does not fit, no later one may: the output
		 * stays a prefix of the whole escape. */
		if (!cut && used + k < size) {
			memcpy(out + used, piece, k);
			used += k;
		} else
			cut = 1;
		need += k;
	}
	if (size > 0)
		out[used] = '\0';
	return need;
}

/* The wide ranges of Markus Kuhn's wcwidth(), plus the emoji blocks. */
static int
escape_wide(unsigned int cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) ||
	    (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) ||
	    (cp >= 0x1f300 && cp <= 0x1f64f) ||
	    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
	    (cp >= 0x20000 && cp <= 0x2fffd) ||
	    (cp >= 0x30000 && cp <= 0x3fffd);
}

int
escape_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	locale_t loc = escape_locale(), old = (locale_t)0;
	size_t len = strlen(s), n;
	unsigned int cp;
	int w, width = 0;

	/* wcwidth() has no _l twin: borrow C.UTF-8 for this thread. */
	if (loc != (locale_t)0)
		old = uselocale(loc);
	for (; len > 0; p += n, len -= n) {
		w = 1;      /* ASCII, and bytes escape_str() would not leave */
		if ((n = utf8_decode(p, len, &cp)) == 0)
			n = 1;
		else if (cp >= 0x80 && loc != (locale_t)0)
			w = wcwidth((wchar_t)cp);
		else if (cp >= 0x80)
			w = escape_wide(cp) ? 2 : 1;
		width += w < 0 ? 1 : w;
	}
	if (loc != (locale_t)0)
		uselocale(old);
	return width;
}
