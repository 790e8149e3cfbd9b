/*
 * test_cli.c - daemonlab's command line: every bad input gets a clear
 * error (which argument, what was wrong, what to do) and exit status 2;
 * --print-chain prints the chains of steps/chains.c.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "chains.h"
#include "lab.h"

/* Runs daemonlab with args, stdout and stderr into out; its exit status. */
static int
run(const char *args, char *out, size_t size)
{
	char cmd[512];
	FILE *p;
	size_t n;
	int status;

	snprintf(cmd, sizeof cmd, "%s %s 2>&1 </dev/null", DAEMONLAB, args);
	ck_assert_ptr_nonnull(p = popen(cmd, "r"));
	n = fread(out, 1, size - 1, p);
	out[n] = '\0';
	status = pclose(p);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void
expect(const char *args, int status, const char *what, const char *hint)
{
	char out[2048];

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
	expect("--bogus", 2, "unrecognized option", "usage: daemonlab");
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
		strcat(want, "\n");
		ck_assert_msg(strstr(out, want) != NULL, "%s: %s", c->name, out);
		ck_assert_ptr_nonnull(strstr(out, STEPS_DIR));
	}
}
END_TEST

START_TEST(help_and_version)
{
	char out[4096];

	ck_assert_int_eq(run("--help", out, sizeof out), 0);
	ck_assert_ptr_nonnull(strstr(out, "--print-chain"));
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
	tcase_add_test(tc, not_a_terminal_suggests_once);
	tcase_add_test(tc, unusable_term_suggests_once);
	tcase_add_test(tc, print_chain_is_the_recipe);
	tcase_add_test(tc, help_and_version);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
