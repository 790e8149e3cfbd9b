/* SPDX-License-Identifier: MIT */
/* quiz.c - ask before a step, judge after it on /proc (daemonlab --quiz). */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "lessons.h"
#include "quiz-check.h"
#include "quiz.h"
#include "text.h"
#include "textwrap.h"
#include "ui.h"

void
quiz_init(struct quiz *q, int on)
{
	memset(q, 0, sizeof *q);
	q->on = on;
	q->looked_at = -1;
	q->verdict = -1;
}

/* The lesson key of the step the run will do next, as the run will name
 * it once it has run (run.c, lesson_key): the second fork is fork2, and
 * setsid in a group leader is the mistake, which /proc tells now. */
static const char *
next_key(const struct run *r)
{
	const char *next = run_next_step(r);
	const struct row *f;

	if (strcmp(next, "fork") == 0 && r->setsid_done)
		return "fork2";
	if (strcmp(next, "setsid") == 0 &&
	    (f = story_find((struct story *)&r->story, r->story.focus)) != NULL &&
	    f->now.p.pgid == f->now.p.pid)
		return "mistake";
	return next;
}

static const struct lesson *
asked(const char *key, const char *lang)
{
	const struct lesson *l = key[0] ? lesson_find(key, lang) : NULL;

	return l != NULL && l->quiz_question != NULL ? l : NULL;
}

static void
judge(struct quiz *q, const struct run *r)
{
	const struct lesson *l = asked(q->key, "en");
	const struct row *f = story_find((struct story *)&r->story,
	    r->story.focus);

	snprintf(q->done, sizeof q->done, "%s", q->key);
	q->done_answer = q->answer;
	q->verdict = -1;
	q->seen[0] = '\0';
	if (l != NULL && f != NULL && f->has_mark)
		q->verdict = quiz_check(l->quiz_check, &f->mark, &f->now,
		    q->seen, sizeof q->seen);
	q->key[0] = '\0';
	q->answer = 0;
}

void
quiz_update(struct quiz *q, const struct run *r)
{
	const char *key;

	if (!q->on || r == NULL)
		return;
	q->waiting = r->paused > 0;
	if (q->key[0] && r->steps_seen > q->asked_at)
		judge(q, r);
	/* A step waits: ask about the next one, once per pause. */
	if (r->paused > 0 && q->looked_at != r->steps_seen) {
		q->looked_at = r->steps_seen;
		key = next_key(r);
		if (asked(key, "en") != NULL) {
			snprintf(q->key, sizeof q->key, "%s", key);
			q->asked_at = r->steps_seen;
			q->answer = 0;
		}
	}
}

/* The answers, one a line: the n-th (from 1), or NULL. */
static const char *
option(const struct lesson *l, int n, int *len)
{
	const char *p = l->quiz_options, *nl;

	for (; n > 1 && p != NULL; n--)
		p = (nl = strchr(p, '\n')) != NULL ? nl + 1 : NULL;
	if (p == NULL || n != 1)
		return NULL;
	*len = (nl = strchr(p, '\n')) != NULL ? (int)(nl - p) : (int)strlen(p);
	return p;
}

static int
options(const struct lesson *l)
{
	int n = 0, len;

	while (option(l, n + 1, &len) != NULL)
		n++;
	return n;
}

int
quiz_answer(struct quiz *q, const char *lang, int digit)
{
	const struct lesson *l = asked(q->key, lang);

	if (!q->on || l == NULL || digit < 1 || digit > options(l))
		return -1;
	q->answer = digit;
	return 0;
}

/* Word-wrapped text from line y, at most max lines; text left over
 * ends the last line in the ellipsis, never cut unmarked. Returns the
 * lines used. */
static int
say(int y, int x, int width, int max, attr_t attr, const char *text)
{
	char piece[1024];
	int lines = 0, len;

	while (*text != '\0' && lines < max) {
		len = textwrap_break(text, width);
		if (len <= 0)
			break;
		if (lines == max - 1 && text[len] != '\0' && text[len] != '\n')
			layout_cut(text, width, piece, sizeof piece);
		else
			snprintf(piece, sizeof piece, "%.*s", len, text);
		ui_put(y + lines, x, width, attr, piece);
		lines++;
		text += len;
		while (*text == ' ' || *text == '\n')
			text++;
	}
	return lines;
}

/* The last step's result: its verdict, the right answer's words and
 * what /proc shows, in up to max lines; in one line (verdict and /proc)
 * when max is 1. Returns the lines used. */
static int
draw_done(const struct quiz *q, const char *lang, int y, int x, int width,
    int max)
{
	const struct lesson *l = asked(q->done, lang);
	char verdict[512], proc[512], line[1100];
	const char *right;
	int lines = 0, len = 0;

	if (l == NULL || max < 1)
		return 0;
	right = option(l, l->quiz_right, &len);
	if (q->done_answer == l->quiz_right)
		snprintf(verdict, sizeof verdict, text_say(T_QUIZ_RIGHT),
		    q->done, q->done_answer);
	else if (q->done_answer > 0)
		snprintf(verdict, sizeof verdict, text_say(T_QUIZ_WRONG),
		    q->done, q->done_answer, l->quiz_right);
	else
		snprintf(verdict, sizeof verdict, text_say(T_QUIZ_UNANSWERED),
		    q->done, l->quiz_right);
	if (q->verdict < 0)
		snprintf(proc, sizeof proc, "%s", text_say(T_QUIZ_UNCHECKED));
	else
		snprintf(proc, sizeof proc, text_say(q->verdict ?
		    T_QUIZ_AGREES : T_QUIZ_DISAGREES), q->seen);
	if (max == 1) {
		if (q->done_answer == l->quiz_right)
			snprintf(line, sizeof line, text_say(T_QUIZ_BRIEF_RIGHT),
			    q->done, q->done_answer, q->seen);
		else if (q->done_answer > 0)
			snprintf(line, sizeof line, text_say(T_QUIZ_BRIEF_WRONG),
			    q->done, q->done_answer, l->quiz_right, q->seen);
		else
			snprintf(line, sizeof line, text_say(T_QUIZ_BRIEF_NONE),
			    q->done, l->quiz_right, q->seen);
		return say(y, x, width, 1, q->verdict == 0 ? A_REVERSE :
		    A_BOLD, line);
	}
	lines += say(y, x, width, 1, A_BOLD, verdict);
	/* The right answer's words where there is room; /proc always. */
	snprintf(line, sizeof line, "%d. %.*s", l->quiz_right, len,
	    right != NULL ? right : "");
	if (max - lines >= 2)
		lines += say(y + lines, x, width, max - lines >= 4 ? 2 : 1,
		    A_NORMAL, line);
	lines += say(y + lines, x, width, max - lines, q->verdict == 0 ?
	    A_REVERSE : A_NORMAL, proc);
	return lines;
}

void
quiz_draw(const struct quiz *q, const char *lang, int y, int x, int width,
    int max)
{
	const struct lesson *l = asked(q->key, lang);
	char line[1024];
	const char *o;
	int lines, i, len, n, each, room, header;

	/* What the last step did comes first: it is what the table shows.
	 * Yet the next question and all its answers must fit below it:
	 * when lines are short, the result shrinks to one line, and the
	 * question's own heading goes. */
	n = l != NULL ? options(l) : 0;
	room = max - (l != NULL ? 2 + n : 1);
	header = l != NULL && (room >= 3 || (room >= 2 && !q->done[0]));
	if (header)
		room--;
	if (room < 1)
		room = 1;
	lines = draw_done(q, lang, y, x, width, room > 3 ? room - 1 : room);
	if (lines > 0 && lines < room)
		lines++;                /* a blank line between */
	if (l == NULL) {
		if (q->waiting)
			say(y + lines, x, width, max - lines, A_DIM,
			    text_say(T_QUIZ_NONE));
		return;
	}
	snprintf(line, sizeof line, text_say(T_QUIZ_NEXT), q->key);
	if (header)
		lines += say(y + lines, x, width, 1, A_BOLD, line);
	else {
		/* The step's name and the question on one line. */
		snprintf(line, sizeof line, text_say(T_QUIZ_NEXT_BRIEF), q->key,
		    l->quiz_question);
	}
	lines += say(y + lines, x, width, max - lines - n > 1 ? 2 : 1,
	    header ? A_NORMAL : A_BOLD, header ? l->quiz_question : line);
	/* Every answer must show: two lines each where there is room. */
	each = max - lines - 1 >= 2 * n ? 2 : 1;
	for (i = 1; i <= n && lines < max; i++) {
		attr_t a = q->answer == i ? A_REVERSE : A_NORMAL;

		o = option(l, i, &len);
		snprintf(line, sizeof line, "%c %d", q->answer == i ? '>' : ' ',
		    i);
		ui_put(y + lines, x, 4, a, line);
		snprintf(line, sizeof line, "%.*s", len, o);
		lines += say(y + lines, x + 5, width - 5, each, a, line);
	}
	if (lines < max) {
		if (q->answer > 0)
			snprintf(line, sizeof line, text_say(T_QUIZ_ANSWERED),
			    q->answer);
		else
			snprintf(line, sizeof line, text_say(T_QUIZ_HINT), n);
		say(y + lines, x, width, max - lines, A_DIM, line);
	}
}
