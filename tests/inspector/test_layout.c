/* SPDX-License-Identifier: MIT */
/*
 * test_layout.c - the table fitted to the screen (layout.c), with looks
 * built by hand: PIDs of seven digits (pid_max is 4194304 on many
 * machines, and a test cannot make the kernel hand one out), a working
 * directory of 60 characters, a pts number of three digits. At 80
 * columns, the documented minimum, every row keeps PPID PID PGID SID TTY
 * TPGID STAT and COMMAND whole, and no line is wider than the screen.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "columns.h"
#include "layout.h"
#include "lab.h"

static struct story story;

static const char cwd60[] =
    "/home/student/courses/systems-programming/week-07/daemonlab";

static void
look(struct look *l, pid_t pid, pid_t ppid, pid_t pgid, pid_t sid,
    const char *label, const char *brief, const char *tty, pid_t tpgid,
    const char *comm)
{
	memset(l, 0, sizeof *l);
	l->p.pid = pid;
	l->p.ppid = ppid;
	l->p.pgid = pgid;
	l->p.sid = sid;
	l->p.tpgid = tpgid;
	l->p.tty_nr = strcmp(tty, "?") ? makedev(136, 123) : 0;
	l->p.state = 'S';
	l->p.nlwp = 1;
	l->p.uid = 1000;
	l->p.umask = 022;
	l->p.cwd_ok = 1;
	snprintf(l->p.cwd, sizeof l->p.cwd, "%s", cwd60);
	l->p.nfds = 4;
	l->p.fds[0].fd = 0;
	l->p.fds[1].fd = 1;
	l->p.fds[2].fd = 2;
	l->p.fds[3].fd = 5;
	snprintf(l->p.fds[0].target, sizeof l->p.fds[0].target, "/dev/pts/123");
	snprintf(l->p.fds[1].target, sizeof l->p.fds[1].target, "/dev/pts/123");
	snprintf(l->p.fds[2].target, sizeof l->p.fds[2].target, "/dev/pts/123");
	snprintf(l->p.fds[3].target, sizeof l->p.fds[3].target,
	    "/tmp/daemonlab-abcdef/run-ghijkl/forgotten.log");
	snprintf(l->p.comm, sizeof l->p.comm, "%s", comm);
	snprintf(l->ppid_label, sizeof l->ppid_label, "%s", label);
	snprintf(l->ppid_brief, sizeof l->ppid_brief, "%s", brief);
	snprintf(l->tty, sizeof l->tty, "%s", tty);
}

/* The System V chain after its second fork, every PID seven digits;
 * five with small. */
static void
sysv_story(int small)
{
	memset(&story, 0, sizeof story);
	story.nrows = 4;
	look(&story.rows[0].now, 4194001, 4194000, 4194001, 4194001,
	    "4194000 daemonlab (subreaper)", "4194000 (subreaper)", "pts/123",
	    4194001, "shell");
	look(&story.rows[1].now, 4194002, 4194001, 4194002, 4194001,
	    "4194001 shell", "4194001 shell", "pts/123", 4194001,
	    "step-fork");
	story.rows[1].exited = 1;
	look(&story.rows[2].now, 4194203, 4194000, 4194203, 4194203,
	    "4194000 daemonlab (subreaper)", "4194000 (subreaper)", "?", -1,
	    "step-setsid");
	story.rows[2].exited = 1;
	look(&story.rows[3].now, 4194304, 4194000, 4194203, 4194203,
	    "4194000 daemonlab (subreaper)", "4194000 (subreaper)", "?", -1,
	    "step-closefds");
	story.rows[3].now.p.nfds = 0;
	if (small)
		for (int r = 0; r < story.nrows; r++) {
			struct look *l = &story.rows[r].now;
			char *p, name[32];

			l->p.pid -= 4170000;
			l->p.ppid -= 4170000;
			l->p.pgid -= 4170000;
			l->p.sid -= 4170000;
			if (l->p.tpgid > 0)
				l->p.tpgid -= 4170000;
			/* "4194000 shell" becomes "24000 shell". */
			p = strchr(l->ppid_label, ' ');
			snprintf(name, sizeof name, "%s", p);
			snprintf(l->ppid_label, sizeof l->ppid_label, "%d%s",
			    (int)l->p.ppid, name);
			p = strchr(l->ppid_brief, ' ');
			snprintf(name, sizeof name, "%s", p);
			snprintf(l->ppid_brief, sizeof l->ppid_brief, "%d%s",
			    (int)l->p.ppid, name);
		}
}

static const int always[] = { COL_PPID, COL_PID, COL_PGID, COL_SID, COL_TTY,
    COL_TPGID, COL_STAT, COL_COMMAND };

/* Each row's cells of the columns that always show fit whole, and the
 * columns do not overlap. */
static void
assert_whole(const struct layout *lo, int width)
{
	char cell[512];
	int i, r, c;

	ck_assert_int_le(lo->width, width);
	for (i = 0; i < (int)(sizeof always / sizeof always[0]); i++) {
		c = always[i];
		ck_assert_msg(lo->shown[c], "%s dropped at %d columns",
		    columns[c].name, width);
		ck_assert_int_le(lo->x[c] + lo->w[c], width);
		for (r = 0; r < story.nrows; r++) {
			columns_cell(c, &story.rows[r].now, lo->brief, cell,
			    sizeof cell);
			if (c == COL_PPID) {
				/* Its number, at least, shows. */
				ck_assert_int_ge(lo->w[c], 7);
				continue;
			}
			ck_assert_msg((int)strlen(cell) <= lo->w[c], "%s %s in "
			    "%d columns at width %d", columns[c].name, cell,
			    lo->w[c], width);
		}
	}
	for (c = 1; c < NCOLUMNS; c++)
		if (lo->shown[c] && lo->shown[c - 1])
			ck_assert_int_eq(lo->x[c], lo->x[c - 1] + lo->w[c - 1] + 1);
	ck_assert_int_eq(lo->x[COL_PPID], LAYOUT_GUTTER);
}

START_TEST(seven_digits_fit_80_columns)
{
	struct layout lo;
	int width;

	sysv_story(0);
	for (width = 80; width <= 240; width++) {
		layout_fit(&story, width, 0, 9, &lo);
		assert_whole(&lo, width);
	}
	layout_fit(&story, 80, 0, 9, &lo);
	/* The optional ones gave way: UID first. */
	ck_assert_int_eq(lo.shown[COL_UID], 0);
	ck_assert_int_eq(lo.brief, 1);
	/* Wide enough, every value whole. */
	layout_fit(&story, 240, 0, 9, &lo);
	ck_assert_int_eq(lo.brief, 0);
	for (width = 0; width < NCOLUMNS; width++)
		ck_assert(lo.shown[width]);
	ck_assert_int_ge(lo.w[COL_CWD], (int)strlen(cwd60));
}
END_TEST

/* A column the last step changed stays longest: at the chdir step CWD
 * shows (cut) where otherwise it would go. */
START_TEST(changed_columns_drop_last)
{
	struct layout plain, kept;

	sysv_story(1);
	layout_fit(&story, 80, 0, 9, &plain);
	layout_fit(&story, 80, 1u << COL_CWD, 9, &kept);
	ck_assert_int_eq(plain.shown[COL_CWD], 0);
	ck_assert_int_eq(kept.shown[COL_CWD], 1);
	assert_whole(&kept, 80);
	layout_fit(&story, 80, 1u << COL_UID, 9, &kept);
	ck_assert_int_eq(kept.shown[COL_UID], 1);
	assert_whole(&kept, 80);
}
END_TEST

/* Narrower than the minimum, the names of PPID and COMMAND give way
 * before the numbers. */
START_TEST(below_the_minimum_numbers_stay)
{
	struct layout lo;

	sysv_story(0);
	layout_fit(&story, 70, 0, 9, &lo);
	ck_assert_int_le(lo.width, 70);
	ck_assert_int_ge(lo.w[COL_PPID], 7);
	ck_assert_int_ge(lo.w[COL_COMMAND], 7);
}
END_TEST

START_TEST(cut_values_end_in_the_ellipsis)
{
	char out[64];

	ck_assert_int_eq(layout_cut("step-closefds", 20, out, sizeof out), 13);
	ck_assert_str_eq(out, "step-closefds");
	ck_assert_int_eq(layout_cut("step-closefds", 8, out, sizeof out), 8);
	ck_assert_str_eq(out, "step-cl…");
	ck_assert_int_eq(layout_cut("中文中文", 5, out, sizeof out), 5);
	ck_assert_str_eq(out, "中文…");
	ck_assert_int_eq(layout_cut("中文中文", 4, out, sizeof out), 3);
	ck_assert_str_eq(out, "中…");
	ck_assert_int_eq(layout_cut("abc", 0, out, sizeof out), 0);
	ck_assert_str_eq(out, "");
	/* An escape is never split: cut before it. */
	ck_assert_int_eq(layout_cut("ab\\033", 5, out, sizeof out), 5);
	ck_assert_str_eq(out, "ab\\0…");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("layout");

	tcase_add_test(tc, seven_digits_fit_80_columns);
	tcase_add_test(tc, changed_columns_drop_last);
	tcase_add_test(tc, below_the_minimum_numbers_stay);
	tcase_add_test(tc, cut_values_end_in_the_ellipsis);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
