/* SPDX-License-Identifier: MIT */
/*
 * pacing.h - words that say where a run stands: why one side of
 * --compare waits, and what a "-- CMD" run runs now (its title).
 */
#ifndef DAEMONLAB_PACING_H
#define DAEMONLAB_PACING_H

#include <stddef.h>

#include "ui.h"

/* Whether run i of the view waits in --compare for a step the other
 * chain has and it has not; then the sentence that says so, in buf
 * ("BSD daemon(3) has no step "The second fork": it waits for System
 * V"), from the chain and lesson titles in the chosen language. */
int  pacing_waits(const struct view *, int i, char *buf, size_t size);

/* What the run's focus process runs now, escaped (its name, as the
 * COMMAND column shows it); the run's title before there is one. */
void pacing_command(const struct run *, char *buf, size_t size);

#endif
