/* SPDX-License-Identifier: MIT */
/* history.c - keep each step's screen, and show it again on request. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "detail.h"
#include "history.h"
#include "text.h"

struct history_page {
	time_t  when;
	int     step, total;
	/* The story as drawn: the rows it had, and what the views ask of
	 * it beyond the rows. */
	struct row *rows;
	struct detail *details;         /* the detail pane's ids, per row */
	int    *detail_ok;
	int     nrows, full, hidden;
	pid_t   focus;
	char    lesson[PROTO_STEP_MAX];
	char    message[PROTO_MSG_MAX];
	enum proto_event event;
	int     steps_seen;
	char    term[RUN_TERM_LINES][RUN_TERM_COLS];
	int     term_next;
	struct quiz quiz;
};

/* What history_story() and history_run() hand out: one each, large,
 * and not on the stack. */
static struct story shown_story;
static struct run shown_run;

void
history_init(struct history *h)
{
	h->n = h->at = 0;
}

static void
page_free(struct history_page *p)
{
	if (p != NULL) {
		free(p->rows);
		free(p->details);
		free(p->detail_ok);
	}
	free(p);
}

void
history_clear(struct history *h)
{
	int i;

	for (i = 0; i < h->n; i++)
		page_free(h->pages[i]);
	h->n = h->at = 0;
}

/* Steps of a command typed by hand ("-- step-start step-fork ..."):
 * its step programs, as a chain's length counts them. */
static int
steps_in(char *const *argv)
{
	const char *base;
	int n = 0;

	for (; argv != NULL && *argv != NULL; argv++) {
		base = strrchr(*argv, '/') != NULL ? strrchr(*argv, '/') + 1 :
		    *argv;
		n += strncmp(base, "step-", 5) == 0;
	}
	return n;
}

void
history_take(struct history *h, const struct run *r, const struct quiz *q)
{
	const struct story *s = &r->story;
	struct history_page *p = calloc(1, sizeof *p);
	int i;

	if (p == NULL)
		return;
	if (s->nrows > 0 &&
	    ((p->rows = malloc(s->nrows * sizeof *p->rows)) == NULL ||
	    (p->details = calloc(s->nrows, sizeof *p->details)) == NULL ||
	    (p->detail_ok = calloc(s->nrows, sizeof *p->detail_ok)) == NULL)) {
		page_free(p);
		return;
	}
	if (s->nrows > 0)
		memcpy(p->rows, s->rows, s->nrows * sizeof *p->rows);
	/* The detail pane reads ids and signals live: kept as they were. */
	for (i = 0; i < s->nrows && s->procfd >= 0; i++)
		p->detail_ok[i] = !s->rows[i].exited && detail_read(s->procfd,
		    s->rows[i].now.p.pid, &p->details[i]) == 0;
	p->nrows = s->nrows;
	p->full = s->full;
	p->hidden = s->hidden;
	p->focus = s->focus;
	p->when = time(NULL);
	p->steps_seen = r->steps_seen;
	p->total = r->chain != NULL ? chain_length(r->chain) : steps_in(r->argv);
	if (p->total < p->steps_seen)
		p->total = p->steps_seen;
	if (q != NULL)
		p->quiz = *q;
	memcpy(p->lesson, r->lesson, sizeof p->lesson);
	memcpy(p->message, r->message, sizeof p->message);
	p->event = r->event;
	memcpy(p->term, r->term, sizeof p->term);
	p->term_next = r->term_next;
	if (h->n == HISTORY_MAX) {
		page_free(h->pages[0]);
		memmove(h->pages, h->pages + 1, (HISTORY_MAX - 1) *
		    sizeof h->pages[0]);
		h->n--;
	}
	h->pages[h->n++] = p;
	h->at = h->n;
}

int
history_page(struct history *h, int way)
{
	int to = h->at + way;

	if (to < 0 || to > h->n)
		return -1;
	h->at = to;
	return 0;
}

void
history_now(struct history *h)
{
	h->at = h->n;
}

int
history_showing(const struct history *h)
{
	return h != NULL && h->at < h->n;
}

struct story *
history_story(const struct history *h)
{
	const struct history_page *p = h->pages[h->at];

	shown_story.procfd = -1;
	shown_story.members = NULL;
	memcpy(shown_story.rows, p->rows, p->nrows * sizeof *p->rows);
	shown_story.nrows = p->nrows;
	shown_story.full = p->full;
	shown_story.hidden = p->hidden;
	shown_story.focus = p->focus;
	return &shown_story;
}

struct run *
history_run(const struct history *h, const struct run *live)
{
	const struct history_page *p = h->pages[h->at];

	shown_run.title = live->title;
	shown_run.argv = live->argv;
	shown_run.chain = live->chain;
	shown_run.steps_seen = p->steps_seen;
	memcpy(shown_run.lesson, p->lesson, sizeof p->lesson);
	memcpy(shown_run.message, p->message, sizeof p->message);
	shown_run.event = p->event;
	memcpy(shown_run.term, p->term, sizeof p->term);
	shown_run.term_next = p->term_next;
	shown_run.paused = 0;
	return &shown_run;
}

int
history_detail(const struct history *h, const struct story *s, int row,
    struct detail *d)
{
	const struct history_page *p;

	if (!history_showing(h) || s != &shown_story)
		return -1;
	p = h->pages[h->at];
	if (row < 0 || row >= p->nrows || !p->detail_ok[row])
		return -1;
	*d = p->details[row];
	return 0;
}

const struct quiz *
history_quiz(const struct history *h)
{
	return &h->pages[h->at]->quiz;
}

void
history_title(const struct history *h, char *buf, size_t size)
{
	const struct history_page *p = h->pages[h->at];
	char when[16];
	struct tm tm;

	localtime_r(&p->when, &tm);
	strftime(when, sizeof when, "%H:%M:%S", &tm);
	snprintf(buf, size, text_say(T_HISTORY_TITLE), p->steps_seen,
	    p->total, when);
}
