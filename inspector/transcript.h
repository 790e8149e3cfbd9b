/* SPDX-License-Identifier: MIT */
/*
 * transcript.h - a chain's walk as Markdown, without a screen
 * (daemonlab --transcript CHAIN): a handout to print or read offline.
 *
 * The chain runs exactly as the screen runs it (a run: a pty of its own,
 * a small shell, the chain as its foreground job, the inspector as child
 * subreaper), and is continued at every pause once the world has settled.
 * At every pause it prints the step's title, what the step said, the
 * table as `daemonlab --once` prints it (live from /proc), the "What
 * changed" sentences the screen shows (changes.c) and the lesson's "What
 * to watch" (docs/lessons), every word from the text tables of the
 * language chosen with text_use().
 */
#ifndef DAEMONLAB_TRANSCRIPT_H
#define DAEMONLAB_TRANSCRIPT_H

#include <signal.h>

#include "chains.h"

/* Walks chain c to its end and prints it on stdout; lang names the
 * lessons' language. The run's files go in a new folder in base; the
 * step programs are in steps_dir. *quit set (by a signal) ends the walk
 * early. Every process of the run is ended before it returns. Returns
 * 0, or 1 after saying why on stderr. */
int transcript_print(const struct chain *c, const char *lang,
    const char *steps_dir, const char *base, volatile sig_atomic_t *quit);

#endif
