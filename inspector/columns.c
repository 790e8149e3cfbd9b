/* SPDX-License-Identifier: MIT */
/*
 * columns.c - the keyword table:
 * PPID PID PGID SID TTY TPGID STAT UID UMASK CWD FDS COMMAND.
 */
#include <stdio.h>
#include <string.h>

#include "columns.h"
#include "escape.h"

static void
format_number(long v, int known, char *buf, size_t size)
{
	if (known)
		snprintf(buf, size, "%ld", v);
	else
		snprintf(buf, size, "-");
}

static void
format_ppid(const struct look *l, char *buf, size_t size)
{
	snprintf(buf, size, "%s", l->ppid_label);
}

static void
format_pid(const struct look *l, char *buf, size_t size)
{
	format_number(l->p.pid, 1, buf, size);
}

static void
format_pgid(const struct look *l, char *buf, size_t size)
{
	format_number(l->p.pgid, 1, buf, size);
}

static void
format_sid(const struct look *l, char *buf, size_t size)
{
	format_number(l->p.sid, 1, buf, size);
}

static void
format_tty(const struct look *l, char *buf, size_t size)
{
	snprintf(buf, size, "%s", l->tty);
}

static void
format_tpgid(const struct look *l, char *buf, size_t size)
{
	format_number(l->p.tpgid, 1, buf, size);
}

static void
format_stat(const struct look *l, char *buf, size_t size)
{
	if (l->p.exited)
		story_exit_words(l, buf, size);
	else
		proc_stat_string(&l->p, buf, size);
}

static void
format_uid(const struct look *l, char *buf, size_t size)
{
	format_number(l->p.uid, l->p.uid >= 0, buf, size);
}

static void
format_umask(const struct look *l, char *buf, size_t size)
{
	if (l->p.umask >= 0)
		snprintf(buf, size, "%04o", (unsigned)l->p.umask);
	else
		snprintf(buf, size, "-");
}

static void
format_cwd(const struct look *l, char *buf, size_t size)
{
	if (l->p.cwd_ok)
		escape_str(l->p.cwd, strlen(l->p.cwd), buf, size);
	else
		snprintf(buf, size, "-");
}

void
columns_fd_short(const char *target, char *buf, size_t size)
{
	static const char *const kinds[] = { "socket:", "pipe:", "anon_inode:" };
	const char *base;
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strncmp(target, kinds[i], strlen(kinds[i])) == 0) {
			snprintf(buf, size, "%.*s", (int)strlen(kinds[i]) - 1,
			    target);
			return;
		}
	if (strncmp(target, "/dev/", 5) == 0)
		base = target + 5;              /* pts/3, null, ptmx, tty1 */
	else if ((base = strrchr(target, '/')) != NULL && base[1] != '\0')
		base++;
	else
		base = target;
	escape_str(base, strlen(base), buf, size);
}

/* Where 0, 1 and 2 point, and how many others: "0-2 pts/3 +1". */
static void
format_fds(const struct look *l, char *buf, size_t size)
{
	char shown[3][64];
	int fd, i, others = 0;

	if (l->p.nfds < 0) {
		snprintf(buf, size, "-");
		return;
	}
	if (l->p.nfds == 0) {
		snprintf(buf, size, "none");
		return;
	}
	for (fd = 0; fd < 3; fd++)
		snprintf(shown[fd], sizeof shown[fd], "-");
	for (i = 0; i < l->p.nfds && i < PROC_MAX_FDS; i++) {
		if (l->p.fds[i].fd < 3)
			columns_fd_short(l->p.fds[i].target,
			    shown[l->p.fds[i].fd], sizeof shown[0]);
		else
			others++;
	}
	others += l->p.nfds - (l->p.nfds < PROC_MAX_FDS ? l->p.nfds :
	    PROC_MAX_FDS);
	if (strcmp(shown[0], shown[1]) == 0 && strcmp(shown[1], shown[2]) == 0)
		snprintf(buf, size, "0-2 %s", shown[0]);
	else
		snprintf(buf, size, "%s,%s,%s", shown[0], shown[1], shown[2]);
	if (others > 0)
		snprintf(buf + strlen(buf), size - strlen(buf), " +%d", others);
}

static void
format_command(const struct look *l, char *buf, size_t size)
{
	escape_str(l->p.comm, strlen(l->p.comm), buf, size);
}

const struct column columns[NCOLUMNS] = {
	[COL_PPID]    = { "PPID",    0, 6, format_ppid },
	[COL_PID]     = { "PID",     1, 5, format_pid },
	[COL_PGID]    = { "PGID",    1, 5, format_pgid },
	[COL_SID]     = { "SID",     1, 5, format_sid },
	[COL_TTY]     = { "TTY",     0, 5, format_tty },
	[COL_TPGID]   = { "TPGID",   1, 5, format_tpgid },
	[COL_STAT]    = { "STAT",    0, 4, format_stat },
	[COL_UID]     = { "UID",     1, 3, format_uid },
	[COL_UMASK]   = { "UMASK",   0, 5, format_umask },
	[COL_CWD]     = { "CWD",     0, 3, format_cwd },
	[COL_FDS]     = { "FDS",     0, 3, format_fds },
	[COL_COMMAND] = { "COMMAND", 0, 7, format_command },
};

void
columns_cell(int col, const struct look *l, int brief, char *buf,
    size_t size)
{
	if (col == COL_PPID && brief)
		snprintf(buf, size, "%s", l->ppid_brief);
	else
		columns[col].format(l, buf, size);
}

unsigned
columns_changed(const struct look *before, const struct look *after)
{
	char a[512], b[512];
	unsigned mask = 0;
	int i;

	for (i = 0; i < NCOLUMNS; i++) {
		columns[i].format(before, a, sizeof a);
		columns[i].format(after, b, sizeof b);
		if (strcmp(a, b) != 0)
			mask |= 1u << i;
	}
	return mask;
}

int
columns_measure(const struct story *s, int w[NCOLUMNS], columns_cells *cells)
{
	char one[512], *cell;
	int i, r, total = 0;

	for (i = 0; i < NCOLUMNS; i++) {
		w[i] = (int)strlen(columns[i].name);
		for (r = 0; r < s->nrows; r++) {
			cell = cells != NULL ? (*cells)[r][i] : one;
			columns[i].format(&s->rows[r].now, cell, sizeof one);
			if (escape_width(cell) > w[i])
				w[i] = escape_width(cell);
		}
		total += w[i] + 1;
	}
	return total;
}

void
columns_print(const struct story *s)
{
	static columns_cells cell;
	int w[NCOLUMNS], i, r;

	columns_measure(s, w, &cell);
	for (i = 0; i < NCOLUMNS; i++)
		printf(columns[i].right ? "%*s%s" : "%-*s%s",
		    i == NCOLUMNS - 1 ? 0 : w[i], columns[i].name,
		    i == NCOLUMNS - 1 ? "\n" : " ");
	for (r = 0; r < s->nrows; r++)
		for (i = 0; i < NCOLUMNS; i++) {
			int pad = w[i] - escape_width(cell[r][i]);

			if (columns[i].right)
				printf("%*s", pad, "");
			fputs(cell[r][i], stdout);
			if (i == NCOLUMNS - 1)
				printf("%s\n", s->rows[r].exited ? " (exited)" : "");
			else
				printf("%*s ", columns[i].right ? 0 : pad, "");
		}
}
