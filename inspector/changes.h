/* SPDX-License-Identifier: MIT */
/*
 * changes.h - "What changed": sentences derived from two looks at a
 * process alone, so they explain attached processes as well as steps.
 */
#ifndef DAEMONLAB_CHANGES_H
#define DAEMONLAB_CHANGES_H

#include "story.h"

/* Room for a sentence that names two working directories, so that
 * "What changed" wraps a long one whole instead of cutting it. */
#define CHANGE_LEN 1024

/* Writes up to max sentences; returns how many. */
int changes_describe(const struct look *before, const struct look *after,
    char out[][CHANGE_LEN], int max);

#endif
