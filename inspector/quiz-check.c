/* SPDX-License-Identifier: MIT */
/* quiz-check.c - judge a quiz's right answer on the live look. */
#include <stdio.h>
#include <string.h>

#include "columns.h"
#include "quiz-check.h"

static int
column_named(const char *name, size_t len)
{
	int i;

	for (i = 0; i < NCOLUMNS; i++)
		if (strlen(columns[i].name) == len &&
		    strncmp(columns[i].name, name, len) == 0)
			return i;
	return -1;
}

/* The named check: the terminal of a process that had none. */
static int
acquires_iff_leader(const struct look *before, const struct look *after,
    char *seen, size_t size)
{
	int leader = after->p.sid == after->p.pid;
	int acquired = before->p.tty_nr == 0 && after->p.tty_nr != 0;

	snprintf(seen, size, "TTY %s → %s · SID %d %s PID %d", before->tty,
	    after->tty, (int)after->p.sid, leader ? "=" : "≠",
	    (int)after->p.pid);
	return before->p.tty_nr == 0 && acquired == leader;
}

int
quiz_check(const char *check, const struct look *before,
    const struct look *after, char *seen, size_t size)
{
	char was[512], now[512], pid[16];
	const char *rel = strchr(check, ' ');
	int col;

	seen[0] = '\0';
	if (strcmp(check, "acquires-iff-leader") == 0)
		return acquires_iff_leader(before, after, seen, size);
	if (rel == NULL || (col = column_named(check, rel - check)) < 0)
		return -1;
	rel++;
	columns_cell(col, before, 0, was, sizeof was);
	columns_cell(col, after, 0, now, sizeof now);
	snprintf(seen, size, "%s %s → %s", columns[col].name, was, now);
	snprintf(pid, sizeof pid, "%d", (int)after->p.pid);
	if (strcmp(rel, "same") == 0)
		return strcmp(was, now) == 0;
	if (strcmp(rel, "changed") == 0)
		return strcmp(was, now) != 0;
	if (strcmp(rel, "pid") == 0)
		return strcmp(now, pid) == 0;
	if (strncmp(rel, "is ", 3) == 0)
		return strcmp(now, rel + 3) == 0;
	if (strncmp(rel, "starts ", 7) == 0)
		return strncmp(now, rel + 7, strlen(rel + 7)) == 0;
	seen[0] = '\0';
	return -1;
}
