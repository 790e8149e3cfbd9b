/* SPDX-License-Identifier: MIT */
/*
 * lessons.h - the lessons of docs/lessons/LANG/KEY.md, compiled in.
 *
 * gen-lessons.py turns the Markdown into the lessons[] table at build
 * time, so the docs and the inspector's lesson pane have one source.
 * The text is plain: inline Markdown removed, paragraphs separated by
 * "\n\n", list items as lines that start with "- ".
 */
#ifndef DAEMONLAB_LESSONS_H
#define DAEMONLAB_LESSONS_H

struct lesson {
	const char *key;        /* "start", "umask", "fork2", "mistake", ... */
	const char *lang;       /* "en" or "zh-CN" */
	const char *title;      /* the "# " line */
	const char *summary;    /* what the call does: text before the first "##" */
	const char *watch;      /* "What to watch": which columns change, to what */
	const char *pitfalls;   /* "Pitfalls" */
	/* "Quiz", optional (NULL): what daemonlab --quiz asks before the
	 * step, its answers one a line, which is right (1-4), and what
	 * /proc must show after the step for it (inspector/quiz.c). */
	const char *quiz_question;
	const char *quiz_options;
	int         quiz_right;
	const char *quiz_check;
	const char *why;        /* "Why a daemon does it" */
	/* One line per "- " item of watch, in order: the chain (and
	 * step-opentty option) the item is about, e.g. "bsd" or
	 * "sysv --ioctl", or empty for every chain (gen-lessons.py). */
	const char *watch_scope;
};

/* Every lesson in every language; the last entry's key is NULL. */
extern const struct lesson lessons[];

/* The lesson KEY in LANG; in English when LANG has none (or is NULL);
 * NULL when there is no such lesson. */
const struct lesson *lesson_find(const char *key, const char *lang);

#endif
