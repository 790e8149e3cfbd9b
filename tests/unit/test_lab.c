/* SPDX-License-Identifier: MIT */
/*
 * test_lab.c - the tests' own helper: lab_count() finds the processes of
 * a lab by its tag, a whole DAEMONLAB_TEST_TAG=TAG entry wherever it is
 * in an environment of any size, and nothing else. Its count is what
 * every other test's "nothing left" rests on.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "facts.h"
#include "lab.h"

/*
 * Starts sleep with env, as a grandchild: orphaned at once, it goes to
 * the runner (lab_run is the subreaper; a test process is not), so only
 * its tag can make lab_count() see it, never its parentage. Returns its
 * PID, read from a pipe once it is about to exec.
 */
static pid_t
start_orphan(char *const env[])
{
	char *argv[] = { "sleep", "30", NULL };
	pid_t child, grandchild = -1;
	int p[2];

	ck_assert_int_eq(pipe(p), 0);
	if ((child = fork()) == 0) {
		if ((grandchild = fork()) == 0) {
			close(p[0]);
			close(p[1]);
			execve("/bin/sleep", argv, env);
			_exit(127);
		}
		if (write(p[1], &grandchild, sizeof grandchild) !=
		    (ssize_t)sizeof grandchild)
			_exit(1);
		_exit(0);
	}
	close(p[1]);
	ck_assert_int_gt(child, 0);
	ck_assert_int_eq(waitpid(child, NULL, 0), child);
	ck_assert_int_eq(read(p[0], &grandchild, sizeof grandchild),
	    sizeof grandchild);
	close(p[0]);
	ck_assert_int_gt(grandchild, 0);
	/* Until the exec is done it has our environment, and for a moment
	 * (exe already sleep, the new stack not yet set up) none: wait for
	 * the first entry of its own. */
	for (int i = 0; i < 500; i++) {
		char path[64], first[256] = "";
		FILE *f;

		snprintf(path, sizeof path, "/proc/%d/environ", (int)grandchild);
		if ((f = fopen(path, "r")) != NULL) {
			if (fgets(first, sizeof first, f) == NULL)
				first[0] = '\0';
			fclose(f);
		}
		if (strncmp(first, env[0], sizeof first - 1) == 0)
			break;
		usleep(10000);
	}
	return grandchild;
}

static int
count_with(const char *tag, char *const env[])
{
	struct lab lab = { .master = -1 };
	struct facts f;
	pid_t pid;
	int n;

	snprintf(lab.tag, sizeof lab.tag, "%s", tag);
	pid = start_orphan(env);
	n = lab_count(&lab);
	/* The runner reaps it; it must be dead before the next count. */
	kill(pid, SIGKILL);
	for (int i = 0; i < 500 && facts_read(pid, &f) == 0 && f.state != 'Z';
	    i++)
		usleep(10000);
	return n;
}

START_TEST(tag_is_a_whole_entry)
{
	char tag[64], exact[128], suffix[128], longer[128];
	char *env_exact[] = { "A=1", exact, "B=2", NULL };
	char *env_suffix[] = { suffix, NULL };
	char *env_longer[] = { longer, NULL };

	snprintf(tag, sizeof tag, "whole-%d", (int)getpid());
	snprintf(exact, sizeof exact, "DAEMONLAB_TEST_TAG=%s", tag);
	snprintf(suffix, sizeof suffix, "NOT_DAEMONLAB_TEST_TAG=%s", tag);
	snprintf(longer, sizeof longer, "DAEMONLAB_TEST_TAG=%s0", tag);
	ck_assert_int_eq(count_with(tag, env_exact), 1);
	ck_assert_msg(count_with(tag, env_suffix) == 0, "%s counted as the "
	    "tag", suffix);
	ck_assert_msg(count_with(tag, env_longer) == 0, "%s counted as the "
	    "tag", longer);
}
END_TEST

START_TEST(tag_after_a_large_environment)
{
	/* 4 x 60000 bytes: one string may not pass 128 KiB (execve(2),
	 * MAX_ARG_STRLEN), an environment may. */
	static char filler[4][60000];
	char tag[64], exact[128];
	char *env[] = { filler[0], filler[1], filler[2], filler[3], exact,
	    NULL };
	int i;

	snprintf(tag, sizeof tag, "large-%d", (int)getpid());
	snprintf(exact, sizeof exact, "DAEMONLAB_TEST_TAG=%s", tag);
	for (i = 0; i < 4; i++) {
		memset(filler[i], 'x', sizeof filler[i] - 1);
		memcpy(filler[i], "FILLERn=", 8);
		filler[i][6] = (char)('0' + i);
	}
	ck_assert_msg(count_with(tag, env) == 1, "the tag after %zu bytes of "
	    "environment was not found", sizeof filler);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("lab");
	TCase *tc = tcase_create("lab");

	tcase_add_test(tc, tag_is_a_whole_entry);
	tcase_add_test(tc, tag_after_a_large_environment);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
