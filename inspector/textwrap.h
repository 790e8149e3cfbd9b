/* SPDX-License-Identifier: MIT */
/*
 * textwrap.h - fitting text into columns and breaking it into lines, by
 * display width: the one walker over the screen's multibyte text. It
 * uses the program's LC_CTYPE (mbrtowc, wcwidth), so the caller sets a
 * UTF-8 locale first (charset_setup) or passes plain ASCII.
 */
#ifndef DAEMONLAB_TEXTWRAP_H
#define DAEMONLAB_TEXTWRAP_H

/* Bytes of s that fit in width columns, never splitting a character;
 * the columns they take in *used, unless it is NULL. */
int textwrap_fit(const char *s, int width, int *used);

/*
 * Where a line of at most width columns may end in p (which ends at NUL
 * or a newline): the number of bytes to put on this line. A line breaks
 * before a space, or beside a wide (CJK) character; never before closing
 * punctuation (，。、；：）」』》！？ and their ASCII kin) nor after an
 * opening bracket (（「『《“), as Chinese typesetting (kinsoku) wants.
 * When no such place fits, all that fits: a long word is cut.
 */
int textwrap_break(const char *p, int width);

#endif
