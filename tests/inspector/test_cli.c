/* SPDX-License-Identifier: MIT */
/*
 * test_cli.c - daemonlab's command line: every bad input gets a clear
 * error (which argument, what was wrong, what to do) and exit status 2;
 * so do step programs that are not where daemonlab looks for them;
 * --print-chain prints the chains of steps/chains.c.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "chains.h"
#include "lab.h"

/* Runs daemonlab (or another copy of it) with args and env (NAME=VALUE
 * words for env(1)), stdout and stderr into out; its exit status. */
static int
run_as(const char *program, const char *env, const char *args, char *out,
    size_t size)
{
	char cmd[4096];
	FILE *p;
	size_t n;
	int status;

	snprintf(cmd, sizeof cmd, "env %s %s %s 2>&1 </dev/null", env, program,
	    args);
	ck_assert_ptr_nonnull(p = popen(cmd, "r"));
	n = fread(out, 1, size - 1, p);
	out[n] = '\0';
	status = pclose(p);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static int
run(const char *args, char *out, size_t size)
{
	return run_as(DAEMONLAB, "", args, out, size);
}

static void
expect(const char *args, int status, const char *what, const char *hint)
{
	char out[8192];    /* the whole usage: a pipe closed early kills it */

	ck_assert_int_eq(run(args, out, sizeof out), status);
	ck_assert_msg(strstr(out, what) != NULL, "%s: no '%s' in:\n%s", args,
	    what, out);
	ck_assert_msg(strstr(out, hint) != NULL, "%s: no '%s' in:\n%s", args,
	    hint, out);
}

START_TEST(bad_arguments)
{
	expect("--chain foo", 2, "no chain named 'foo'", "sysv, bsd, mistake");
	expect("-p abc", 2, "-p: 'abc' is not a process ID", "-p 812,4242");
	expect("-p 12,0", 2, "'0' is not a process ID", "separated by commas");
	expect("--once -p 2147483647", 2, "-p 2147483647: no such process",
	    "ps -e");
	expect("--lang xx", 2, "--lang: 'xx'", "--lang zh-CN");
	expect("--once", 2, "--once prints attached processes", "-p PID");
	expect("--compare --chain bsd", 2, "choose one of", "--help");
	expect("--compare=daemon7,nope", 2, "--compare=daemon7,nope: no chain "
	    "named 'nope'", "sysv, bsd, mistake, daemon7, newstyle");
	expect("--compare=foo,bsd", 2, "no chain named 'foo'",
	    "--compare=daemon7,newstyle");
	expect("--compare=daemon7", 2, "--compare=daemon7: name two chains",
	    "sysv, bsd, mistake");
	expect("--compare=sysv,bsd,mistake", 2, "name two chains, separated "
	    "by one comma", "the chains are");
	expect("--compare=", 2, "--compare=: name two chains", "e.g.");
	expect("--compare=sysv,bsd --chain bsd", 2, "choose one of", "--help");
	expect("--bogus", 2, "unrecognized option", "usage: daemonlab");
	expect("--survey -p 1", 2, "--survey looks at every process",
	    "--help");
	expect("--survey --chain bsd", 2, "--survey looks at every process",
	    "--help");
	expect("--once --tree -p 1", 2, "--tree is a view of --survey",
	    "daemonlab --survey --once --tree");
	expect("--transcript foo", 2, "no chain named 'foo'",
	    "sysv, bsd, mistake");
	expect("--transcript", 2, "requires an argument", "usage: daemonlab");
	expect("--transcript sysv --chain bsd", 2, "--transcript runs one "
	    "chain", "--lang zh-CN");
	expect("--transcript sysv -p 1", 2, "--transcript runs one chain",
	    "--lang zh-CN");
	expect("--transcript sysv --once", 2, "--transcript runs one chain",
	    "--lang zh-CN");
	expect("--transcript sysv --diagram", 2, "--transcript runs one "
	    "chain", "--lang zh-CN");
	expect("--transcript sysv --lang xx", 2, "--lang: 'xx'",
	    "--lang zh-CN");
	/* --quiz asks about the steps of one chain, nothing else. */
	expect("--quiz --compare", 2, "--quiz asks about the steps of one "
	    "chain", "daemonlab --quiz --chain bsd");
	expect("--quiz -p 1", 2, "--quiz asks about the steps of one chain",
	    "daemonlab --quiz");
	expect("--quiz -- sleep 1", 2, "--quiz asks about the steps of one "
	    "chain", "daemonlab --quiz");
	expect("--transcript sysv --quiz", 2, "--transcript runs one chain",
	    "--lang zh-CN");
}
END_TEST

/* The rows of --once output whose PID column is pid: PPID comes first,
 * with its owner's name after it ("812 bash"), then PID. */
static int
rows_of(const char *out, long pid)
{
	char line[512], *tok, *save, *end;
	const char *p = out;
	int n = 0, field;
	size_t len;

	while (*p != '\0') {
		len = strcspn(p, "\n");
		snprintf(line, sizeof line, "%.*s", (int)len, p);
		p += len + (p[len] == '\n');
		for (field = 0, tok = strtok_r(line, " ", &save); tok != NULL;
		    tok = strtok_r(NULL, " ", &save), field++)
			if (field > 0 && strtol(tok, &end, 10) >= 0 &&
			    *end == '\0') {
				n += strtol(tok, NULL, 10) == pid;
				break;
			}
	}
	return n;
}

START_TEST(repeated_pid_lists_merge)
{
	char args[128], out[8192];

	snprintf(args, sizeof args, "--once -p 1 -p %ld -p 1", (long)getpid());
	ck_assert_int_eq(run(args, out, sizeof out), 0);
	ck_assert_msg(rows_of(out, 1) == 1, "no row (or two) for PID 1:\n%s",
	    out);
	ck_assert_msg(rows_of(out, getpid()) == 1, "no row for PID %ld:\n%s",
	    (long)getpid(), out);
}
END_TEST

START_TEST(pid_lists_too_long_are_refused)
{
	static char args[4096];
	char *p;
	int i;

	/* 17 processes, over two -p: more than it can follow. */
	expect("--once -p 1,2,3,4,5,6,7,8 -p 9,10,11,12,13,14,15,16,17", 2,
	    "-p 9,10,11,12,13,14,15,16,17: more than 16 processes",
	    "at most 16");
	expect("--once -p 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17", 2,
	    "more than 16 processes", "at most 16");
	/* Over 1023 bytes: two PIDs of 600 digits (leading zeros), then
	 * one that no longer fit the old copy. */
	p = args + sprintf(args, "--once -p ");
	for (i = 0; i < 2; i++) {
		memset(p, '0', 599);
		p += 599;
		p += sprintf(p, "1,");
	}
	sprintf(p, "%ld", (long)getpid());
	expect(args, 2, "-p 0000000000", "is too long (more than 1023 bytes)");
}
END_TEST

START_TEST(not_a_terminal_suggests_once)
{
	expect("", 2, "must be a terminal", "use --once");
}
END_TEST

START_TEST(unusable_term_suggests_once)
{
	static struct lab lab;
	char *argv[] = { DAEMONLAB, NULL };
	char *env[] = { "TERM=no-such-terminal", NULL };
	int status;

	lab_init(&lab);
	status = lab_wait(&lab, lab_spawn(&lab, argv, env), 5000);
	lab_drain(&lab, 100);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	ck_assert_ptr_nonnull(strstr(lab.out, "TERM=no-such-terminal is not "
	    "a terminal type"));
	ck_assert_ptr_nonnull(strstr(lab.out, "--once"));
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* --logout runs each alternative, hangs it up, and says what happened:
 * as the hangup lesson says (docs-facts checks the lesson against the
 * kernel); and nothing it started is left. */
START_TEST(logout_says_who_survives)
{
	static const char *const want[] = {
		"prog &\n  died of SIGHUP\n",
		"nohup prog &\n  lives: session the login's (SID ",
		"prog & disown\n  lives: session the login's (SID ",
		"setsid prog\n  lives: session its own (SID ",
		"(the System V chain, to its end)\n  lives: session its own "
		"(SID ",
		"TTY ?; fd 0 null, 1 null, 2 null; CWD /\n",
	};
	static struct lab lab;
	char env[256], out[8192];
	const char *at = out;
	size_t i;

	lab_init(&lab);
	snprintf(env, sizeof env, "LC_ALL=C DAEMONLAB_STEPS_DIR=%s "
	    "DAEMONLAB_TEST_TAG=%s", STEPS_DIR, lab.tag);
	ck_assert_int_eq(run_as(DAEMONLAB, env, "--logout", out, sizeof out),
	    0);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		ck_assert_msg((at = strstr(at, want[i])) != NULL, "no \"%s\" "
		    "in its place in:\n%s", want[i], out);
		at += strlen(want[i]);
	}
	ck_assert_int_eq(lab_count(&lab), 0);
	ck_assert_int_eq(lab_finish(&lab), 0);
	expect("--logout -p 1", 2, "--logout runs its own chains",
	    "daemonlab --logout");
}
END_TEST

START_TEST(print_chain_is_the_recipe)
{
	const struct chain *c;
	char args[64], out[2048], want[512];
	int i;

	for (c = chains; c->name != NULL; c++) {
		snprintf(args, sizeof args, "--print-chain %s", c->name);
		ck_assert_int_eq(run(args, out, sizeof out), 0);
		want[0] = '\0';
		for (i = 0; c->argv[i] != NULL; i++)
			snprintf(want + strlen(want), sizeof want - strlen(want),
			    " %s", c->argv[i]);
		if (c->how != NULL)     /* as typed: "&", "& disown" */
			snprintf(want + strlen(want), sizeof want -
			    strlen(want), " %s", c->how);
		strcat(want, "\n");
		ck_assert_msg(strstr(out, want) != NULL, "%s: %s", c->name, out);
		ck_assert_ptr_nonnull(strstr(out, STEPS_DIR));
	}
}
END_TEST

/* TERM=dumb has no cursor addressing: the live view would draw one
 * useless line. Refused as clearly as an unknown TERM; --once, which
 * needs no terminal, still prints its table. */
START_TEST(dumb_term_is_refused)
{
	static struct lab lab;
	char *argv[] = { DAEMONLAB, NULL };
	char *env[] = { "TERM=dumb", NULL };
	char cmd[512], out[4096];
	FILE *p;
	size_t n;
	int status;

	lab_init(&lab);
	status = lab_wait(&lab, lab_spawn(&lab, argv, env), 5000);
	lab_drain(&lab, 100);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	ck_assert_msg(strstr(lab.out, "TERM=dumb cannot move the cursor") !=
	    NULL, "%s", lab.out);
	ck_assert_ptr_nonnull(strstr(lab.out, "set TERM (e.g. "
	    "TERM=xterm-256color), or use --once"));
	ck_assert_int_eq(lab_finish(&lab), 0);

	snprintf(cmd, sizeof cmd, "TERM=dumb %s --once -p %d 2>&1 </dev/null",
	    DAEMONLAB, (int)getpid());
	ck_assert_ptr_nonnull(p = popen(cmd, "r"));
	n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	status = pclose(p);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s", out);
	ck_assert_msg(strncmp(out, "PPID", 4) == 0, "%s", out);
}
END_TEST

/* Does the screen set a background colour (SGR 40-47)? The title bar
 * is white on blue in colour, reverse video without. */
static int
has_background_colour(const char *out)
{
	const char *p;

	for (p = out; (p = strstr(p, "\033[4")) != NULL; p++)
		if (p[3] >= '0' && p[3] <= '7' && p[4] == 'm')
			return 1;
	return 0;
}

static int
screen_in_colour(const char *no_color)
{
	static struct lab lab;
	char *argv[] = { DAEMONLAB, NULL };
	/* lab_spawn names the spawned process itself as the inspector of
	 * its chain; this inspector's watchdog would take that for one of
	 * its own chain's processes. */
	char *env[] = { "TERM=xterm-256color", "LINES=24", "COLUMNS=80",
	    "DAEMONLAB_INSPECTOR_PID=", (char *)no_color, NULL };
	pid_t pid;
	int status, colour;

	lab_init(&lab);
	pid = lab_spawn(&lab, argv, env);
	lab_drain(&lab, 1500);
	ck_assert_msg(strstr(lab.out, "System V") != NULL, "%s", lab.out);
	ck_assert_int_eq(write(lab.master, "q", 1), 1);
	status = lab_wait(&lab, pid, 5000);
	ck_assert_msg(status != -1 && WIFEXITED(status), "status %d, %s: %s",
	    status, no_color, lab.out);
	colour = has_background_colour(lab.out);
	ck_assert_int_eq(lab_finish(&lab), 0);
	return colour;
}

/* no-color.org: NO_COLOR turns colour off only when it holds a value. */
START_TEST(empty_no_color_keeps_colour)
{
	ck_assert_msg(screen_in_colour("NO_COLOR=") == 1,
	    "NO_COLOR= (empty) turned colour off");
	ck_assert_msg(screen_in_colour("NO_COLOR=1") == 0,
	    "NO_COLOR=1 left colour on");
	ck_assert_msg(screen_in_colour("DAEMONLAB_NOTHING=1") == 1,
	    "no colour without NO_COLOR");
}
END_TEST

/* The line --print-chain prints runs the chain from the steps folder
 * when pasted, whatever the folder is called: here a space, a ';' that
 * would end the command, and a quote. The folder's step-start only
 * records how it was run. */
START_TEST(print_chain_quotes_the_folder)
{
	char top[] = "/tmp/dlab-cli-XXXXXX", dir[256], path[300], cmd[1024];
	char line[1024], got[512];
	FILE *f;
	size_t n;
	int status;

	ck_assert_ptr_nonnull(mkdtemp(top));
	snprintf(dir, sizeof dir, "%s/my steps;touch pwned;'x", top);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(path, sizeof path, "%s/step-start", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs("#!/bin/sh\necho \"$0 $*\" >\"$(dirname \"$0\")/ran\"\n", f);
	fclose(f);
	ck_assert_int_eq(chmod(path, 0700), 0);
	/* The rest of the chain's programs, or daemonlab refuses the folder. */
	snprintf(path, sizeof path, "%s/step-setsid", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs("#!/bin/sh\nexit 0\n", f);
	fclose(f);
	ck_assert_int_eq(chmod(path, 0700), 0);

	setenv("DAEMONLAB_STEPS_DIR", dir, 1);
	snprintf(cmd, sizeof cmd, "%s --print-chain mistake", DAEMONLAB);
	ck_assert_ptr_nonnull(f = popen(cmd, "r"));
	n = fread(line, 1, sizeof line - 1, f);
	line[n] = '\0';
	ck_assert_int_eq(pclose(f), 0);
	unsetenv("DAEMONLAB_STEPS_DIR");

	/* Pasted into sh, in the top folder, with nothing else on PATH
	 * that could stand in. */
	ck_assert_int_eq(chdir(top), 0);
	ck_assert_ptr_nonnull(f = popen("PATH=/usr/bin:/bin sh", "w"));
	fputs(line, f);
	status = pclose(f);
	ck_assert_int_eq(chdir("/"), 0);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "sh ran %s", line);
	snprintf(path, sizeof path, "%s/pwned", top);
	ck_assert_msg(access(path, F_OK) != 0, "the folder's name ran as a "
	    "command: %s", line);
	snprintf(path, sizeof path, "%s/ran", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "r"));
	n = fread(got, 1, sizeof got - 1, f);
	got[n] = '\0';
	fclose(f);
	snprintf(cmd, sizeof cmd, "%s/step-start step-setsid\n", dir);
	ck_assert_str_eq(got, cmd);

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* Copies the file from to the path to, executable. */
static void
copy_program(const char *from, const char *to)
{
	char buf[65536];
	ssize_t n;
	int in = open(from, O_RDONLY), out;

	ck_assert_int_ne(in, -1);
	ck_assert_int_ne(out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755), -1);
	while ((n = read(in, buf, sizeof buf)) > 0)
		ck_assert_int_eq(write(out, buf, n), n);
	ck_assert_int_eq(n, 0);
	close(in);
	close(out);
}

START_TEST(steps_dir_named_when_wrong)
{
	char out[2048];

	/* No such folder: the error names the variable and its value. */
	ck_assert_int_eq(run_as(DAEMONLAB, "DAEMONLAB_STEPS_DIR=/nonexistent/"
	    "steps", "--print-chain sysv", out, sizeof out), 2);
	ck_assert_msg(strstr(out, "not in DAEMONLAB_STEPS_DIR=/nonexistent/"
	    "steps (No such file or directory)") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "point DAEMONLAB_STEPS_DIR at the folder")
	    != NULL, "%s", out);
	/* A file, not a folder. */
	ck_assert_int_eq(run_as(DAEMONLAB, "DAEMONLAB_STEPS_DIR=" DAEMONLAB,
	    "--print-chain bsd", out, sizeof out), 2);
	ck_assert_msg(strstr(out, "(not a folder)") != NULL, "%s", out);
	/* A command of steps needs them as a chain does; one without
	 * steps runs whatever the folder holds. */
	ck_assert_int_eq(run_as(DAEMONLAB, "DAEMONLAB_STEPS_DIR=/nonexistent",
	    "-- step-start step-setsid", out, sizeof out), 2);
	ck_assert_msg(strstr(out, "not in DAEMONLAB_STEPS_DIR=/nonexistent ")
	    != NULL, "%s", out);
	ck_assert_int_eq(run_as(DAEMONLAB, "DAEMONLAB_STEPS_DIR=/nonexistent",
	    "-- sh -c 'step-start; true'", out, sizeof out), 2);
	ck_assert_msg(strstr(out, "must be a terminal") != NULL, "%s", out);
}
END_TEST

START_TEST(steps_dir_checked_before_the_screen)
{
	/* A folder with step-start alone: the chain would pause at its
	 * first step and fail at its second, on its own terminal. It must
	 * fail at once, before curses takes the terminal, with no process
	 * started. */
	static struct lab lab;
	char dir[128], start[160], env_dir[160];
	char *argv[] = { DAEMONLAB, NULL };
	char *env[] = { "TERM=xterm", env_dir, NULL };
	int status;

	lab_init(&lab);
	snprintf(dir, sizeof dir, "%s/steps", lab.dir);
	snprintf(start, sizeof start, "%s/step-start", dir);
	snprintf(env_dir, sizeof env_dir, "DAEMONLAB_STEPS_DIR=%s", dir);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	copy_program(STEPS_DIR "/step-start", start);
	status = lab_wait(&lab, lab_spawn(&lab, argv, env), 5000);
	lab_drain(&lab, 100);
	ck_assert_msg(status != -1, "daemonlab still runs; terminal:\n%s",
	    lab.out);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	ck_assert_msg(strstr(lab.out, "step-umask: No such file or directory")
	    != NULL, "%s", lab.out);
	ck_assert_msg(strstr(lab.out, dir) != NULL, "%s", lab.out);
	ck_assert_msg(strstr(lab.out, "\033[") == NULL, "curses drew before "
	    "the error:\n%s", lab.out);
	ck_assert_int_eq(unlink(start), 0);
	ck_assert_int_eq(rmdir(dir), 0);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

START_TEST(steps_not_found_names_every_folder)
{
	/* A daemonlab with no steps beside it and no variable: the error
	 * names the folders it tried, in order, and the variable. */
	static struct lab lab;
	char bin[128], copy[160], out[4096], want[256];
	int status;

	lab_init(&lab);
	snprintf(bin, sizeof bin, "%s/bin", lab.dir);
	snprintf(copy, sizeof copy, "%s/daemonlab", bin);
	ck_assert_int_eq(mkdir(bin, 0700), 0);
	copy_program(DAEMONLAB, copy);
	status = run_as(copy, "-u DAEMONLAB_STEPS_DIR", "--print-chain sysv",
	    out, sizeof out);
	if (access(STEPS_INSTALLED "/step-start", X_OK) == 0) {
		/* Installed on this machine: found there, not an error. */
		ck_assert_int_eq(status, 0);
		ck_assert_msg(strstr(out, "PATH=" STEPS_INSTALLED ":") != NULL,
		    "%s", out);
	} else {
		ck_assert_int_eq(status, 2);
		snprintf(want, sizeof want, "looked in\n  %s/steps (beside "
		    "daemonlab, as in a build tree): No such file or directory"
		    "\n  " STEPS_INSTALLED " (where meson install puts them): ",
		    lab.dir);
		ck_assert_msg(strstr(out, want) != NULL, "no '%s' in:\n%s",
		    want, out);
		ck_assert_msg(strstr(out, "set DAEMONLAB_STEPS_DIR to the "
		    "folder") != NULL, "%s", out);
	}
	ck_assert_int_eq(unlink(copy), 0);
	ck_assert_int_eq(rmdir(bin), 0);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

START_TEST(help_and_version)
{
	char out[4096];

	ck_assert_int_eq(run("--help", out, sizeof out), 0);
	ck_assert_ptr_nonnull(strstr(out, "--print-chain"));
	ck_assert_ptr_nonnull(strstr(out, "--transcript NAME"));
	ck_assert_int_eq(run("--version", out, sizeof out), 0);
	ck_assert_int_eq(strncmp(out, "daemonlab ", 10), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("cli");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, bad_arguments);
	tcase_add_test(tc, repeated_pid_lists_merge);
	tcase_add_test(tc, pid_lists_too_long_are_refused);
	tcase_add_test(tc, not_a_terminal_suggests_once);
	tcase_add_test(tc, unusable_term_suggests_once);
	tcase_add_test(tc, print_chain_is_the_recipe);
	tcase_add_test(tc, logout_says_who_survives);
	tcase_add_test(tc, steps_dir_named_when_wrong);
	tcase_add_test(tc, steps_dir_checked_before_the_screen);
	tcase_add_test(tc, steps_not_found_names_every_folder);
	tcase_add_test(tc, help_and_version);
	tcase_add_test(tc, dumb_term_is_refused);
	tcase_add_test(tc, empty_no_color_keeps_colour);
	tcase_add_test(tc, print_chain_quotes_the_folder);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
