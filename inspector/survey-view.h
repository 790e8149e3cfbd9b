/* SPDX-License-Identifier: MIT */
/*
 * survey-view.h - the live survey (daemonlab --survey), on the screen
 * ui_start() made. main.c owns the modes: the view returns the process
 * to attach to, and main.c attaches as with -p.
 */
#ifndef DAEMONLAB_SURVEY_VIEW_H
#define DAEMONLAB_SURVEY_VIEW_H

#include <signal.h>
#include <sys/types.h>

/* Runs until q, a signal (*quit set), or `a` on a row: returns that
 * row's PID; 0 to quit; -1 when /proc cannot be opened. */
pid_t survey_view(const char *lang, volatile sig_atomic_t *quit);

#endif
