/* SPDX-License-Identifier: MIT */
/*
 * diagram.h - the sessions diagram on the screen (key d, --diagram): the
 * grid diagram-layout.c places, drawn with curses into a window.
 */
#ifndef DAEMONLAB_DIAGRAM_H
#define DAEMONLAB_DIAGRAM_H

#include <curses.h>

#include "story.h"

/* The story's diagram at y, x in w, within width columns and at most
 * max_lines lines; changed and exited are the screen's attributes for
 * what the last step changed and what has exited. ASCII where the
 * screen has no UTF-8. Returns the lines used. */
int diagram_draw(WINDOW *w, const struct story *, int y, int x, int width,
    int max_lines, attr_t changed, attr_t exited);

#endif
