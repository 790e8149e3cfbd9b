/* SPDX-License-Identifier: MIT */
/* pacing.c - why a side waits; what a command runs now. */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "lessons.h"
#include "pacing.h"
#include "text.h"

/* A title up to its colon: "System V: the double fork" -> "System V",
 * in either language's colon. */
static void
short_title(const char *title, char *buf, size_t size)
{
	const char *colon = strstr(title, "："), *ascii = strchr(title, ':');

	if (colon == NULL || (ascii != NULL && ascii < colon))
		colon = ascii;
	snprintf(buf, size, "%.*s", colon != NULL ? (int)(colon - title) :
	    (int)strlen(title), title);
}

static void
chain_short(const struct run *r, char *buf, size_t size)
{
	const char *t = text_chain(r->chain->name);

	short_title(t != NULL ? t : r->chain->title, buf, size);
}

int
pacing_waits(const struct view *v, int i, char *buf, size_t size)
{
	const struct compare *c = &v->compare;
	const struct run *me, *other;
	const struct lesson *l;
	char mine[96], theirs[96], step[96];
	int col = c->next - 1, step_other;

	/* The last press ran a column of the plan (compare.h) in which
	 * this chain has no step and the other has, now reported. */
	if (v->nruns != 2 || col < 1 || col >= c->ncols)
		return 0;
	me = v->runs[i];
	other = v->runs[1 - i];
	step_other = i == 0 ? c->b[col] : c->a[col];
	if ((i == 0 ? c->a[col] : c->b[col]) >= 0 || step_other < 0 ||
	    other->steps_seen <= step_other || me->chain == NULL ||
	    other->chain == NULL)
		return 0;
	l = lesson_find(other->lesson, v->lang);
	short_title(l != NULL ? l->title : other->lesson, step, sizeof step);
	chain_short(me, mine, sizeof mine);
	chain_short(other, theirs, sizeof theirs);
	snprintf(buf, size, text_say(T_COMPARE_WAITS), mine, step, theirs);
	return 1;
}

void
pacing_command(const struct run *r, char *buf, size_t size)
{
	const struct row *f = story_find((struct story *)&r->story,
	    r->story.focus);

	if (f != NULL && f->now.p.comm[0] != '\0')
		escape_str(f->now.p.comm, strlen(f->now.p.comm), buf, size);
	else
		escape_str(r->title, strlen(r->title), buf, size);
}
