/* SPDX-License-Identifier: MIT */
/*
 * escape.h - the one way bytes taken from a process reach the screen.
 *
 * A process chooses its name, its arguments and the paths of its files;
 * none of them may move the cursor, retitle the window or change colours.
 * The style is OpenBSD vis -c with octal:
 *
 *   printable ASCII and printable UTF-8 (CJK too)    themselves
 *   backslash                                        \\
 *   BEL BS TAB LF VT FF CR                           \a \b \t \n \v \f \r
 *   every other byte that is not part of a
 *   printable character: C0, DEL, C1 (U+0080..9F,
 *   which terminals take as CSI and friends), bidi
 *   controls, invisible format characters (Unicode
 *   category Cf: U+200B, U+FEFF, U+00AD, tags...)
 *   and the Hangul fillers, invalid UTF-8            \ooo, e.g. ESC \033,
 *                                                    U+009B \302\233
 *
 * "Printable" is decided by glibc's C.UTF-8 character classes, whatever
 * locale the program set (or did not set). Without C.UTF-8, every valid
 * character from U+00A0 up counts as printable.
 *
 * The output is meant for a UTF-8 terminal. An 8-bit one would take a
 * UTF-8 continuation byte 0x80-0x9F as a C1 control: a caller that cannot
 * count on UTF-8 must not pass those bytes through.
 */
#ifndef DAEMONLAB_ESCAPE_H
#define DAEMONLAB_ESCAPE_H

#include <stddef.h>

/* Escapes len bytes of in (NULs included) into out, always
 * NUL-terminated when size > 0. A cut never splits an escape or a UTF-8
 * character. Returns the length the whole result needs, as snprintf():
 * a return >= size means out was cut. */
size_t	escape_str(const char *in, size_t len, char *out, size_t size);

/* Columns an escaped string takes on a UTF-8 terminal: 2 for wide (CJK)
 * characters, 0 for combining ones, by C.UTF-8's wcwidth(); without
 * C.UTF-8, a built-in table of the wide ranges and 1 for the rest. */
int	escape_width(const char *s);

#endif
