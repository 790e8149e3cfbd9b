/* SPDX-License-Identifier: MIT */
/* textwrap.c - fit and break the screen's text by display width. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "textwrap.h"

/* The character at p: returns its length in bytes, the character in *wc
 * and its width in columns in *w. A byte that is no character counts as
 * one column (curses shows it as one cell or more; it is escaped before
 * it gets here anyway). */
static int
walk(const char *p, mbstate_t *st, wchar_t *wc, int *w)
{
	size_t n = mbrtowc(wc, p, MB_CUR_MAX, st);

	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		memset(st, 0, sizeof *st);
		*wc = (unsigned char)*p;
		*w = 1;
		return 1;
	}
	if ((*w = wcwidth(*wc)) < 0)
		*w = 1;
	return (int)n;
}

int
textwrap_fit(const char *s, int width, int *used)
{
	mbstate_t st;
	wchar_t wc;
	int bytes = 0, cols = 0, w, n;

	memset(&st, 0, sizeof st);
	while (s[bytes] != '\0') {
		n = walk(s + bytes, &st, &wc, &w);
		if (cols + w > width)
			break;
		cols += w;
		bytes += n;
	}
	if (used != NULL)
		*used = cols;
	return bytes;
}

/* May not start a line (GB/T 15834 and JIS X 4051 agree on these). */
static int
closing(wchar_t c)
{
	static const wchar_t set[] = L"，。、；：）」』》〉】〕！？．…—"
	    L"”’｝］,.;:!?)]}";

	return c != L'\0' && wcschr(set, c) != NULL;
}

/* May not end a line. */
static int
opening(wchar_t c)
{
	static const wchar_t set[] = L"（「『《〈【〔“‘｛［([{";

	return c != L'\0' && wcschr(set, c) != NULL;
}

/* May a line break between prev (of width prev_w) and c (of width w)? */
static int
may_break(wchar_t prev, int prev_w, wchar_t c, int w)
{
	if (c == L' ')
		return 1;
	if (closing(c) || opening(prev))
		return 0;
	return w == 2 || prev_w == 2;
}

/* A line that breaks after spaces ends before them. */
static int
trim(const char *p, int bytes)
{
	int n = bytes;

	while (n > 0 && p[n - 1] == ' ')
		n--;
	return n > 0 ? n : bytes;
}

int
textwrap_break(const char *p, int width)
{
	mbstate_t st;
	wchar_t wc, prev = L'\0';
	int bytes = 0, cols = 0, w, n, last = 0, prev_w = 0, ok;

	memset(&st, 0, sizeof st);
	while (p[bytes] != '\0' && p[bytes] != '\n') {
		n = walk(p + bytes, &st, &wc, &w);
		ok = bytes > 0 && may_break(prev, prev_w, wc, w);
		if (cols + w > width)
			/* Full: break right here if that is allowed. */
			return ok ? trim(p, bytes) : last > 0 ? trim(p, last) :
			    bytes;
		if (ok)
			last = bytes;
		prev = wc;
		prev_w = w;
		cols += w;
		bytes += n;
	}
	return bytes;
}
