/* SPDX-License-Identifier: MIT */
/*
 * charset.h - which characters the screen may use: UTF-8 when a UTF-8
 * locale can be had, else ASCII only.
 *
 * setlocale(LC_ALL, "") fails (returns NULL) when the locale the
 * environment names is not installed, e.g. LANG=zh_CN.UTF-8 in a
 * container, and leaves the program in the C locale, where curses shows
 * every byte above 0x7f as ~X or M-x. So the codeset is checked
 * (nl_langinfo(CODESET)) and, when it is not UTF-8, C.UTF-8 is tried for
 * LC_CTYPE (Debian and Ubuntu always ship it). Only when that fails too,
 * or when asked (--ascii), the screen is drawn in ASCII.
 */
#ifndef DAEMONLAB_CHARSET_H
#define DAEMONLAB_CHARSET_H

#include <stddef.h>

/* Sets the locale from the environment, as described above; with
 * force_ascii, LC_CTYPE becomes "C" and the screen ASCII. Returns 1 when
 * the screen may use UTF-8, 0 when it is ASCII only. */
int	charset_setup(int force_ascii);

/* What charset_setup decided (1 before it is called). */
int	charset_utf8(void);

/*
 * Writes in (UTF-8) to out in ASCII: every glyph the screen uses has an
 * ASCII form (• *, → ->, ↓ v, ↑ ^, ≠ !=, · |, … ..., box rules - and
 * |, and a few more); any other non-ASCII character becomes one '?'. out is always
 * NUL-terminated when size > 0; 2 * strlen(in) + 1 bytes are always
 * enough. Returns the length written.
 */
size_t	charset_ascii(const char *in, char *out, size_t size);
/* The text as the screen can show it: itself where UTF-8 can be drawn,
 * else its ASCII form in a new *copy, which the caller frees. */
const char *charset_drawable(const char *text, char **copy);

#endif
