/* SPDX-License-Identifier: MIT */
/*
 * quiz-check.h - whether /proc agrees with a quiz's right answer: the
 * lesson's "Check:" line judged on the step's process, as it was before
 * the step (its mark) and as it is now. Pure: the tests call it.
 *
 * A check is "COLUMN same", "COLUMN changed", "COLUMN pid" (equal to
 * the process's PID), "COLUMN is VALUE", "COLUMN starts VALUE", with
 * values as the table prints them (columns.c), or the named check
 * "acquires-iff-leader": a terminal opened without O_NOCTTY became the
 * controlling terminal exactly when the process leads its session.
 */
#ifndef DAEMONLAB_QUIZ_CHECK_H
#define DAEMONLAB_QUIZ_CHECK_H

#include <stddef.h>

#include "story.h"

/* 1: the check holds; 0: it does not; -1: check is not one we know.
 * seen gets what /proc shows, in column names and values only (the
 * same in every language), e.g. "PGID 4242 → 4242". */
int quiz_check(const char *check, const struct look *before,
    const struct look *after, char *seen, size_t size);

#endif
