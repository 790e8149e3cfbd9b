/* SPDX-License-Identifier: MIT */
/* lesson-view.c - the lesson pane that scrolls, and the full lesson (l). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chains.h"
#include "charset.h"
#include "glossary.h"
#include "lesson-view.h"
#include "textwrap.h"
#include "ui.h"

/* How much an item of "What to watch" is about chain: 0 its own, 1
 * every chain's, 2 one of its options' (step-opentty --noctty), 3
 * another chain's. */
static int
scope_rank(const char *scope, int len, const char *chain)
{
	char word[64];
	int mine = 0, other = 0, option = 0, n;

	while (len > 0) {
		for (n = 0; n < len && scope[n] != ' '; n++)
			;
		snprintf(word, sizeof word, "%.*s", n, scope);
		if (strncmp(word, "--", 2) == 0)
			option = 1;
		else if (strcmp(word, chain) == 0)
			mine = 1;
		else if (chain_find(word) != NULL)
			other = 1;
		scope += n, len -= n;
		while (len > 0 && *scope == ' ')
			scope++, len--;
	}
	if (other && !mine)
		return 3;
	if (option)
		return 2;
	return mine ? 0 : 1;
}

/* The line-th line of lines (each ends at '\n'): start and length. */
static int
nth_line(const char *lines, int line, const char **start)
{
	const char *p = lines, *nl;

	for (; line > 0 && p != NULL; line--)
		p = (nl = strchr(p, '\n')) != NULL ? nl + 1 : NULL;
	if (p == NULL) {
		*start = "";
		return 0;
	}
	*start = p;
	return (nl = strchr(p, '\n')) != NULL ? (int)(nl - p) : (int)strlen(p);
}

/* Appends watch to out, each run of list items ordered for chain. */
static size_t
add_watch(char *out, size_t used, size_t size, const char *watch,
    const char *scopes, const char *chain)
{
	const char *p = watch, *item[64], *scope;
	int len[64], rank[64], n, i, want, k = 0, sl;

	while (*p != '\0' && used < size) {
		/* A run of "- " lines, or one line of anything else. */
		for (n = 0; n < 64 && strncmp(p, "- ", 2) == 0; n++) {
			const char *nl = strchr(p, '\n');

			item[n] = p;
			len[n] = nl != NULL ? (int)(nl - p) : (int)strlen(p);
			sl = nth_line(scopes, k++, &scope);
			rank[n] = chain != NULL ? scope_rank(scope, sl, chain) : 1;
			p += len[n] + (nl != NULL);
		}
		for (want = 0; n > 0 && want < 4; want++)
			for (i = 0; i < n; i++)
				if (rank[i] == want)
					used += snprintf(out + used, size - used,
					    "%.*s\n", len[i], item[i]);
		if (n == 0) {
			const char *nl = strchr(p, '\n');
			int l = nl != NULL ? (int)(nl - p) : (int)strlen(p);

			used += snprintf(out + used, size - used, "%.*s\n", l, p);
			p += l + (nl != NULL);
		}
		if (used >= size)
			used = size - 1;
	}
	return used;
}

/* Breaks one line of the text (up to its '\n') into screen lines. */
static void
add_lines(struct lesson_lines *ll, int off, enum lesson_line_kind kind,
    int width, int indent)
{
	const char *p = ll->text + off;
	int len;

	if (*p == '\n' || *p == '\0') {         /* a blank line */
		if (ll->n < LESSON_VIEW_LINES)
			ll->line[ll->n++] = (struct lesson_line){ off, 0, 0, kind };
		return;
	}
	if (indent < 0)
		indent = strncmp(p, "• ", strlen("• ")) == 0 ? 2 : 0;
	while (*p != '\0' && *p != '\n' && ll->n < LESSON_VIEW_LINES) {
		int w = width - (p == ll->text + off ? 0 : indent);

		len = textwrap_break(p, w > 4 ? w : 4);
		if (len == 0)
			len = 1;
		ll->line[ll->n++] = (struct lesson_line){ (int)(p - ll->text),
		    len, p == ll->text + off ? 0 : indent, kind };
		p += len;
		while (*p == ' ')
			p++;
	}
}

/* Appends a section: text, its "- " lines as "• ". */
static size_t
add_text(char *out, size_t used, size_t size, const char *text)
{
	const char *p = text;

	while (*p != '\0' && used < size) {
		const char *nl = strchr(p, '\n');
		int l = nl != NULL ? (int)(nl - p) : (int)strlen(p);

		if (strncmp(p, "- ", 2) == 0)
			used += snprintf(out + used, size - used, "• %.*s\n",
			    l - 2, p + 2);
		else
			used += snprintf(out + used, size - used, "%.*s\n", l, p);
		p += l + (nl != NULL);
	}
	return used < size ? used : size - 1;
}

void
lesson_view_lines(const struct lesson *l, const char *chain,
    enum text_id intro, int width, struct lesson_lines *ll)
{
	char watch[LESSON_VIEW_TEXT];
	size_t used = 0, size = sizeof ll->text;
	struct {
		const char *head, *body;
	} part[4];
	int i, start;

	ll->n = 0;
	ll->text[0] = '\0';
	if (l == NULL) {
		add_text(ll->text, 0, size, text_say(intro));
		for (start = 0; ll->text[start] != '\0'; ) {
			add_lines(ll, start, LL_TEXT, width, -1);
			start += strcspn(ll->text + start, "\n");
			if (ll->text[start] == '\n')
				start++;
		}
		return;
	}
	add_watch(watch, 0, sizeof watch, l->watch, l->watch_scope, chain);
	/* What to watch first: what the step changed is on the screen
	 * now; then what the call does, why, and the pitfalls. */
	part[0].head = text_say(T_WATCH), part[0].body = watch;
	part[1].head = text_say(T_LV_ABOUT), part[1].body = l->summary;
	part[2].head = text_say(T_LV_WHY), part[2].body = l->why;
	part[3].head = text_say(T_LV_PITFALLS), part[3].body = l->pitfalls;
	used = snprintf(ll->text, size, "%s\n", l->title);
	add_lines(ll, 0, LL_TITLE, width, -1);
	for (i = 0; i < 4 && used < size - 1; i++) {
		if (part[i].head != NULL) {
			start = used;
			used += snprintf(ll->text + used, size - used, "\n%s\n",
			    part[i].head);
			if (used >= size)
				break;
			add_lines(ll, start, LL_TEXT, width, -1);
			add_lines(ll, start + 1, LL_HEAD, width, -1);
		}
		start = used;
		used = add_text(ll->text, used, size, part[i].body);
		while (start < (int)used) {
			add_lines(ll, start, LL_TEXT, width, -1);
			start += strcspn(ll->text + start, "\n");
			if (ll->text[start] == '\n')
				start++;
		}
	}
}

int
lesson_view_key(struct lesson_state *ls, int key)
{
	int *scroll = ls->glossary ? &ls->gl_scroll : ls->full ?
	    &ls->full_scroll : &ls->scroll;
	int page = ls->glossary ? ls->gl_page : ls->full ? ls->full_page :
	    ls->page;
	int *open = ls->glossary ? &ls->glossary : &ls->full;

	/* Scrolled past the end is clamped when drawn. */
	switch (key) {
	case KEY_NPAGE:
		*scroll += page > 1 ? page - 1 : 1;
		return 1;
	case KEY_PPAGE:
		*scroll -= page > 1 ? page - 1 : 1;
		if (*scroll < 0)
			*scroll = 0;
		return 1;
	case 'l': case 'L':
		ls->full = !ls->full;
		ls->glossary = 0;
		ls->full_scroll = 0;
		return 1;
	case 'g': case 'G':
		ls->glossary = !ls->glossary;
		ls->full = 0;
		ls->gl_scroll = 0;
		return 1;
	}
	if (!ls->full && !ls->glossary)
		return 0;
	switch (key) {
	case KEY_DOWN:
		(*scroll)++;
		return 1;
	case KEY_UP:
		if (*scroll > 0)
			(*scroll)--;
		return 1;
	case KEY_HOME:
		*scroll = 0;
		return 1;
	case KEY_END:
		*scroll = LESSON_VIEW_LINES;
		return 1;
	case 'q': case 'Q': case 27:    /* Esc */
		*open = 0;
		return 1;
	}
	return 0;
}

/* Draws lines from *scroll (clamped) into max lines; returns whether
 * lines are hidden above (bit 0) and below (bit 1). */
static int
draw_lines(const struct lesson_lines *ll, int *scroll, int y, int x,
    int width, int max)
{
	int i;

	if (*scroll > ll->n - max)
		*scroll = ll->n - max;
	if (*scroll < 0)
		*scroll = 0;
	for (i = 0; i < max && *scroll + i < ll->n; i++) {
		const struct lesson_line *ln = &ll->line[*scroll + i];
		char piece[1024];

		snprintf(piece, sizeof piece, "%.*s", ln->len,
		    ll->text + ln->off);
		ui_put(y + i, x + ln->indent, width - ln->indent,
		    ln->kind == LL_TEXT ? A_NORMAL : ln->kind == LL_TITLE ?
		    A_BOLD : A_BOLD | A_UNDERLINE, piece);
	}
	return (*scroll > 0) | (*scroll + max < ll->n) << 1;
}

/* "more ↑ · more ↓", right-aligned on the rule at y; returns the
 * columns it takes. */
static int
draw_more(int hidden, int y, int right, int room)
{
	char text[160], *copy;
	int w;

	if (hidden == 0)
		return 0;
	snprintf(text, sizeof text, " %s%s%s ",
	    hidden & 1 ? text_say(T_LV_MORE_UP) : "",
	    hidden == 3 ? " · " : "",
	    hidden & 2 ? text_say(T_LV_MORE_DOWN) : "");
	/* Its width as drawn: the ASCII arrows are as wide. */
	textwrap_fit(charset_drawable(text, &copy), room, &w);
	free(copy);
	return ui_put(y, right - w, w, A_BOLD, text);
}

/* A screen of its own: a rule with its title and "more", the keys at
 * the bottom. */
static void
draw_frame(int hidden, enum text_id title, enum text_id keys)
{
	char head[256];
	int more;

	attron(A_BOLD);
	mvhline(1, 0, charset_utf8() ? ACS_HLINE : '-', COLS);
	attroff(A_BOLD);
	more = draw_more(hidden, 1, COLS - 1, COLS / 2);
	snprintf(head, sizeof head, " %s ", text_say(title));
	ui_put(1, 2, COLS - 4 - more, A_BOLD, head);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	attroff(A_REVERSE);
	ui_put(LINES - 1, 0, COLS, A_REVERSE, text_say(keys));
}

/* A new step, or another lesson: back to the top. */
static void
follow_step(struct lesson_state *ls, const char *key, int step)
{
	if (ls->step != step || ls->key == NULL || key == NULL ||
	    strcmp(ls->key, key) != 0) {
		ls->step = step;
		ls->key = key;
		ls->scroll = ls->full_scroll = 0;
	}
}

static const struct lesson *
find(const char *key, const char *lang)
{
	return key != NULL && key[0] != '\0' && key[0] != '-' ?
	    lesson_find(key, lang) : NULL;
}

void
lesson_view_pane(struct lesson_state *ls, const char *key,
    const char *chain, enum text_id intro, const char *lang, int step,
    int y, int x, int width, int max)
{
	static struct lesson_lines ll;

	if (width <= 0 || max <= 0)
		return;
	follow_step(ls, key, step);
	lesson_view_lines(find(key, lang), chain, intro, width, &ll);
	ls->page = max;
	draw_more(draw_lines(&ll, &ls->scroll, y, x, width, max), y - 1,
	    x + width, width - 8);
}

int
lesson_view_full(struct lesson_state *ls, const char *key,
    const char *chain, enum text_id intro, const char *lang, int step)
{
	static struct lesson_lines ll;
	int max = LINES - 3, hidden;    /* title, rule, keys */

	follow_step(ls, key, step);
	if (!ls->full)
		return 0;
	lesson_view_lines(find(key, lang), chain, intro, COLS - 2, &ll);
	ls->full_page = max;
	hidden = draw_lines(&ll, &ls->full_scroll, 2, 1, COLS - 2, max);
	draw_frame(hidden, T_LV_FULL_TITLE, T_LV_FULL_KEYS);
	return 1;
}

int
lesson_view_glossary(struct lesson_state *ls)
{
	static struct lesson_lines ll;
	int max = LINES - 3, start = 0;

	if (!ls->glossary)
		return 0;
	ll.n = 0;
	glossary_text(ll.text, sizeof ll.text);
	/* Each entry one line, its words under its words when wrapped. */
	while (ll.text[start] != '\0') {
		add_lines(&ll, start, LL_TEXT, COLS - 2, 9);
		start += strcspn(ll.text + start, "\n");
		if (ll.text[start] == '\n')
			start++;
	}
	ls->gl_page = max;
	draw_frame(draw_lines(&ll, &ls->gl_scroll, 2, 1, COLS - 2, max),
	    T_GL_TITLE, T_GL_KEYS);
	return 1;
}
