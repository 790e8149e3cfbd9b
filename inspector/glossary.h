/* SPDX-License-Identifier: MIT */
/*
 * glossary.h - every column and every STAT letter the screen can show,
 * one line each, with the /proc fields it is read or derived from (the
 * words are in the text tables). The terms come from the code's own
 * tables, columns[] (columns.c) and proc_states[], proc_stat_flags[]
 * (proc.c), so a column or letter added there without its words is
 * found (tests/unit/test_glossary.c).
 */
#ifndef DAEMONLAB_GLOSSARY_H
#define DAEMONLAB_GLOSSARY_H

#include <stddef.h>

#include "text.h"

/* The words for a column name ("TPGID") or a STAT letter ("s"); -1 when
 * the glossary has none. */
int    glossary_find(const char *term);

/* The glossary in the chosen language (text_use), as lines "TERM  words"
 * in the order of the tables, columns first, then STAT's letters.
 * Returns the length, as snprintf does. */
size_t glossary_text(char *buf, size_t size);

#endif
