/* SPDX-License-Identifier: MIT */
/*
 * test_diagram.c - the sessions diagram's layout (diagram-layout.c),
 * with rows built by hand as the story holds them at the steps the
 * issue names: fork (a new process in the old group, the parent gone,
 * the terminal's arrow back on the shell's group), setsid (a new
 * session without a terminal), the BSD chain's opentty (the arrow
 * appears on the daemon's session), and a crowd that does not fit.
 * No curses: the grid is read back as text.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "diagram-layout.h"
#include "escape.h"
#include "lab.h"
#include "text.h"

#define SHELL 4100      /* the launcher's shell: session and group */
#define JOB   4102      /* the chain's first process: its group */

static struct story story;
static struct diagram d;
static struct diagram_grid grid;

static void
look(struct look *l, pid_t pid, pid_t pgid, pid_t sid, int tty,
    pid_t tpgid, const char *comm)
{
	memset(l, 0, sizeof *l);
	l->p.pid = pid;
	l->p.ppid = SHELL;
	l->p.pgid = pgid;
	l->p.sid = sid;
	l->p.tty_nr = tty ? makedev(136, tty) : 0;
	l->p.tpgid = tty ? tpgid : -1;
	l->p.state = 'S';
	snprintf(l->p.comm, sizeof l->p.comm, "%s", comm);
	snprintf(l->tty, sizeof l->tty, tty ? "pts/%d" : "?", tty);
}

/* A row that looked like mark at the previous step and like now now. */
static struct row *
row(const struct look *mark, const struct look *now)
{
	struct row *r = &story.rows[story.nrows++];

	memset(r, 0, sizeof *r);
	r->now = *now;
	if (mark != NULL) {
		r->mark = *mark;
		r->has_mark = 1;
	}
	return r;
}

static void
reset(void)
{
	memset(&story, 0, sizeof story);
	text_use("en");
}

/* Line y of the grid, as text. */
static const char *
line(int y)
{
	static char buf[DIAGRAM_COLS * 8];

	diagram_line(&grid, y, buf, sizeof buf);
	return buf;
}

static int
group_of(pid_t pgid)
{
	int i;

	for (i = 0; i < d.ngroups; i++)
		if (d.groups[i].pgid == pgid)
			return i;
	return -1;
}

static int
proc_of(pid_t pid)
{
	int i;

	for (i = 0; i < d.nprocs; i++)
		if (d.procs[i].pid == pid)
			return i;
	return -1;
}

/* Every line fits the width; in ASCII, every byte is ASCII. */
static void
assert_fits(int width, int ascii)
{
	int y;

	for (y = 0; y < grid.lines; y++) {
		ck_assert_msg(escape_width(line(y)) <= width,
		    "line %d is %d columns wide, more than %d: %s", y,
		    escape_width(line(y)), width, line(y));
		if (ascii) {
			const unsigned char *p = (const unsigned char *)line(y);

			for (; *p != '\0'; p++)
				ck_assert_msg(*p < 0x80, "line %d is not "
				    "ASCII: %s", y, line(y));
		}
	}
}

/* The chain at step-fork: the shell; the first parent, exited; the
 * child, whose mark is its parent's. The shell took the terminal back. */
static void
at_fork(void)
{
	struct look m, n;

	reset();
	look(&m, SHELL, SHELL, SHELL, 3, JOB, "shell");
	look(&n, SHELL, SHELL, SHELL, 3, SHELL, "shell");
	row(&m, &n);
	look(&m, JOB, JOB, SHELL, 3, JOB, "step-umask");
	look(&n, JOB, JOB, SHELL, 3, JOB, "step-fork");
	n.p.exited = 1;
	row(&m, &n)->exited = 1;
	look(&n, 4200, JOB, SHELL, 3, SHELL, "step-fork");
	row(&m, &n);
	story.focus = 4200;
}

START_TEST(fork_adds_a_process_to_the_old_group)
{
	int job, shell, child, parent;

	at_fork();
	diagram_layout(&story, &d);
	ck_assert_int_eq(d.nsessions, 1);
	ck_assert_int_eq(d.ngroups, 2);
	shell = group_of(SHELL);
	job = group_of(JOB);
	ck_assert_int_eq(shell, 0);     /* in the order the rows show them */
	ck_assert_int_eq(job, 1);
	ck_assert_int_eq(d.groups[job].n, 2);
	child = proc_of(4200);
	parent = proc_of(JOB);
	ck_assert(child >= d.groups[job].first &&
	    child < d.groups[job].first + d.groups[job].n);
	ck_assert(d.procs[child].changed);
	ck_assert(!d.procs[child].group_leader);
	ck_assert(d.procs[parent].exited);
	ck_assert(d.procs[parent].group_leader);
	ck_assert(!d.procs[proc_of(SHELL)].changed);
	ck_assert(d.procs[proc_of(SHELL)].session_leader);
	ck_assert(!d.groups[job].changed);
	ck_assert(!d.sessions[0].changed);
	/* The terminal's arrow moved from the job's group to the shell's. */
	ck_assert(d.sessions[0].has_tty);
	ck_assert_str_eq(d.sessions[0].tty, "pts/3");
	ck_assert_int_eq(d.sessions[0].fg, shell);
	ck_assert(d.sessions[0].tpgid_changed);
	ck_assert(!d.sessions[0].tty_changed);

	diagram_place(&d, 80, 24, 0, &grid);
	assert_fits(80, 0);
	ck_assert_int_eq(grid.arrow_y[0], grid.gy0[shell]);
	ck_assert_ptr_nonnull(strstr(line(grid.arrow_y[0]), "◄"));
	ck_assert_ptr_nonnull(strstr(line(grid.gy0[job]), "group 4102"));
	ck_assert_ptr_null(strstr(line(grid.gy0[job]), "◄"));
	ck_assert_ptr_nonnull(strstr(line(grid.py[child]), "* 4200 step-fork"));
	ck_assert_ptr_nonnull(strstr(line(grid.py[parent]), "x 4102 step-fork"));
	ck_assert_ptr_nonnull(strstr(line(grid.py[parent]), "exited"));
	/* Boxes nest: the processes inside their group's lines. */
	ck_assert(grid.py[child] > grid.gy0[job] &&
	    grid.py[child] <= grid.gy1[job]);
	ck_assert(grid.gy0[job] > grid.sy0[0] && grid.gy1[job] < grid.sy1[0]);
	ck_assert_int_eq(grid.c[grid.py[child]][6].attr, DIAGRAM_CHANGED);
	ck_assert_int_eq(grid.c[grid.py[parent]][6].attr, DIAGRAM_EXITED);
}
END_TEST

/* Before any step there is nothing to compare with. */
START_TEST(first_look_changes_nothing)
{
	struct look n;
	int i;

	reset();
	look(&n, SHELL, SHELL, SHELL, 3, JOB, "shell");
	row(NULL, &n);
	look(&n, JOB, JOB, SHELL, 3, JOB, "step-start");
	row(NULL, &n);
	diagram_layout(&story, &d);
	for (i = 0; i < d.nprocs; i++)
		ck_assert(!d.procs[i].changed);
	ck_assert(!d.groups[0].changed && !d.groups[1].changed);
	ck_assert(!d.sessions[0].tty_changed && !d.sessions[0].tpgid_changed);
	ck_assert_int_eq(d.sessions[0].fg, group_of(JOB));
	diagram_place(&d, 80, 24, 0, &grid);
	ck_assert_int_eq(grid.arrow_y[0], grid.gy0[group_of(JOB)]);
	/* The arrow reaches the job's group from below the terminal. */
	ck_assert_ptr_nonnull(strstr(line(grid.sy0[0] + 2), "┬"));
	ck_assert_ptr_nonnull(strstr(line(grid.arrow_y[0]), "◄─┼"));
	ck_assert_ptr_nonnull(strstr(line(grid.arrow_y[0]), "┘"));
}
END_TEST

/* setsid: the process moves to a new session box, with no terminal. */
START_TEST(setsid_moves_to_a_new_session_without_terminal)
{
	struct look m, n;
	int p;

	reset();
	look(&n, SHELL, SHELL, SHELL, 3, SHELL, "shell");
	row(&n, &n);
	look(&m, 4200, JOB, SHELL, 3, SHELL, "step-fork");
	look(&n, 4200, 4200, 4200, 0, -1, "step-setsid");
	row(&m, &n);
	story.focus = 4200;
	diagram_layout(&story, &d);
	ck_assert_int_eq(d.nsessions, 2);
	ck_assert_int_eq(d.sessions[1].sid, 4200);
	ck_assert(d.sessions[1].changed);
	ck_assert(!d.sessions[1].has_tty);
	ck_assert_int_eq(d.sessions[1].fg, -1);
	ck_assert(d.groups[group_of(4200)].changed);
	p = proc_of(4200);
	ck_assert(d.procs[p].changed && d.procs[p].session_leader);
	ck_assert_int_eq(group_of(JOB), -1);    /* the old group is empty */
	diagram_place(&d, 80, 24, 1, &grid);
	assert_fits(80, 1);
	ck_assert_int_eq(grid.arrow_y[1], -1);
	ck_assert(grid.py[p] > grid.sy0[1] && grid.py[p] < grid.sy1[1]);
	ck_assert_ptr_nonnull(strstr(line(grid.sy0[1]), "+ session 4200 -"));
	ck_assert_ptr_nonnull(strstr(line(grid.sy0[1] + 1),
	    "no controlling"));
	ck_assert_ptr_nonnull(strstr(line(grid.sy0[1]), "session 4200"));
	/* The shell's session keeps its terminal and arrow, in ASCII. */
	ck_assert_int_eq(grid.arrow_y[0], grid.gy0[group_of(SHELL)]);
	ck_assert_ptr_nonnull(strstr(line(grid.arrow_y[0]), "+<-+"));
}
END_TEST

/* BSD: the session leader opens a fresh terminal and acquires it. */
START_TEST(opentty_gives_the_daemon_session_an_arrow)
{
	struct look m, n;
	int s;

	reset();
	look(&n, SHELL, SHELL, SHELL, 3, SHELL, "shell");
	row(&n, &n);
	look(&m, 4200, 4200, 4200, 0, -1, "step-devnull");
	look(&n, 4200, 4200, 4200, 7, 4200, "step-opentty");
	row(&m, &n);
	story.focus = 4200;
	diagram_layout(&story, &d);
	s = 1;
	ck_assert_int_eq(d.sessions[s].sid, 4200);
	ck_assert(!d.sessions[s].changed);
	ck_assert(d.sessions[s].has_tty && d.sessions[s].tty_changed);
	ck_assert_str_eq(d.sessions[s].tty, "pts/7");
	ck_assert_int_eq(d.sessions[s].fg, group_of(4200));
	ck_assert(!d.procs[proc_of(4200)].changed);
	ck_assert(!d.sessions[0].tty_changed && !d.sessions[0].tpgid_changed);
	diagram_place(&d, 80, 24, 0, &grid);
	ck_assert_int_eq(grid.arrow_y[s], grid.gy0[group_of(4200)]);
	ck_assert_ptr_nonnull(strstr(line(grid.sy0[s]), "pts/7"));
	ck_assert_ptr_nonnull(strstr(line(grid.sy0[s] + 1), "TPGID 4200"));
	/* The arrow and the terminal's name are highlighted. */
	ck_assert_int_eq(grid.c[grid.arrow_y[s]][80 - 17 - 3 - 1 - 2].attr,
	    DIAGRAM_CHANGED);
}
END_TEST

/* Attached processes (-p) are marked only when they change: one that
 * has not is as it was, and its group and terminal are not new. */
START_TEST(unmarked_rows_are_unchanged)
{
	struct look m, n;

	reset();
	look(&n, SHELL, SHELL, SHELL, 3, JOB, "bash");
	row(NULL, &n);
	look(&n, JOB, JOB, SHELL, 3, JOB, "sleep");
	row(NULL, &n);
	look(&m, 4300, JOB, SHELL, 3, JOB, "helper");
	look(&n, 4300, 4300, 4300, 0, -1, "helper");
	row(&m, &n);
	diagram_layout(&story, &d);
	ck_assert(!d.groups[group_of(SHELL)].changed);
	ck_assert(!d.groups[group_of(JOB)].changed);
	ck_assert(!d.sessions[0].changed);
	ck_assert(!d.sessions[0].tty_changed && !d.sessions[0].tpgid_changed);
	ck_assert(!d.procs[proc_of(JOB)].changed);
	ck_assert(d.procs[proc_of(4300)].changed);
	ck_assert(d.sessions[1].changed);
	ck_assert_int_eq(d.sessions[0].fg, group_of(JOB));
}
END_TEST

/* More processes than lines: compact groups, then a cut that says how
 * many are not drawn; never more lines than asked for. */
START_TEST(a_crowd_is_cut_and_counted)
{
	struct look n;
	int i, y, found = 0;

	reset();
	look(&n, SHELL, SHELL, SHELL, 3, SHELL, "shell");
	row(&n, &n);
	for (i = 1; i < STORY_MAX_ROWS; i++) {
		look(&n, 4194300 - i, 4194300 - i + i % 2, SHELL, 3, SHELL,
		    "worker");
		row(&n, &n);
	}
	story.hidden = 5;
	diagram_layout(&story, &d);
	ck_assert_int_eq(d.nprocs, STORY_MAX_ROWS);
	diagram_place(&d, 80, 14, 0, &grid);
	ck_assert_int_le(grid.lines, 14);
	ck_assert(grid.compact);
	ck_assert_int_gt(grid.cut, 0);
	assert_fits(80, 0);
	for (y = 0; y < grid.lines; y++)
		if (strstr(line(y), "more processes not drawn") != NULL) {
			char want[32];

			snprintf(want, sizeof want, "+%d ", grid.cut + 5);
			ck_assert_ptr_nonnull(strstr(line(y), want));
			found = 1;
		}
	ck_assert(found);
	/* Ample room: every box closes, nothing is cut. */
	diagram_place(&d, 80, DIAGRAM_LINES, 0, &grid);
	ck_assert(!grid.compact);
	ck_assert_int_eq(grid.cut, 0);
	for (i = 0; i < d.nprocs; i++)
		ck_assert_int_ge(grid.py[i], 0);
}
END_TEST

/* A name a process chose reaches the grid escaped, never as control
 * bytes, and one too long for its column ends in the ellipsis. */
START_TEST(hostile_names_are_escaped_and_cut)
{
	struct look n;
	const unsigned char *c;
	int y, ascii;

	for (ascii = 0; ascii < 2; ascii++) {
		reset();
		look(&n, SHELL, SHELL, SHELL, 3, SHELL, "\033]0;pwned\a\033[2J");
		row(&n, &n);
		diagram_layout(&story, &d);
		diagram_place(&d, 80, 24, ascii, &grid);
		assert_fits(80, ascii);
		for (y = 0; y < grid.lines; y++)
			for (c = (const unsigned char *)line(y); *c; c++)
				ck_assert_msg(*c >= 0x20 && *c != 0x7f,
				    "line %d holds byte %#x", y, *c);
		y = grid.py[0];
		ck_assert_ptr_nonnull(strstr(line(y), "4100 \\033]0;pwned"));
		ck_assert_ptr_nonnull(strstr(line(y), ascii ? "...  session" :
		    "…  session"));
	}
}
END_TEST

/* diagram_print() prints the grid the screen draws, at 80 columns. */
START_TEST(text_is_the_same_layout)
{
	char *buf = NULL, want[DIAGRAM_COLS * 8 + 2];
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	const char *p;
	int y;

	at_fork();
	diagram_layout(&story, &d);
	diagram_print(f, &d, 0);
	fclose(f);
	diagram_place(&d, 80, DIAGRAM_LINES, 0, &grid);
	for (p = buf, y = 0; y < grid.lines; y++) {
		snprintf(want, sizeof want, "%s\n", line(y));
		ck_assert_msg(strncmp(p, want, strlen(want)) == 0,
		    "line %d printed differs from the grid: %s", y, want);
		p += strlen(want);
	}
	ck_assert_str_eq(p, "");
	free(buf);
}
END_TEST

/* Chinese labels, the same boxes, within 80 columns. */
START_TEST(chinese_keeps_the_layout)
{
	struct diagram_grid *en = malloc(sizeof *en);
	int i;

	at_fork();
	diagram_layout(&story, &d);
	diagram_place(&d, 80, 24, 0, en);
	text_use("zh-CN");
	diagram_place(&d, 80, 24, 0, &grid);
	assert_fits(80, 0);
	ck_assert_int_eq(grid.lines, en->lines);
	for (i = 0; i < d.nprocs; i++)
		ck_assert_int_eq(grid.py[i], en->py[i]);
	ck_assert_int_eq(grid.arrow_y[0], en->arrow_y[0]);
	ck_assert_ptr_nonnull(strstr(line(grid.gy0[1]), "进程组 4102"));
	text_use("en");
	free(en);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("diagram");
	TCase *tc = tcase_create("diagram");

	tcase_add_test(tc, fork_adds_a_process_to_the_old_group);
	tcase_add_test(tc, first_look_changes_nothing);
	tcase_add_test(tc, setsid_moves_to_a_new_session_without_terminal);
	tcase_add_test(tc, opentty_gives_the_daemon_session_an_arrow);
	tcase_add_test(tc, unmarked_rows_are_unchanged);
	tcase_add_test(tc, a_crowd_is_cut_and_counted);
	tcase_add_test(tc, hostile_names_are_escaped_and_cut);
	tcase_add_test(tc, text_is_the_same_layout);
	tcase_add_test(tc, chinese_keeps_the_layout);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
