/* SPDX-License-Identifier: MIT */
/*
 * test_shell.c - the launcher's shell does what interactive bash does
 * where the hang-up lesson needs it (launcher.h): SIGHUP passed on to
 * its job, nothing to a disowned job, nothing when it ends without
 * SIGHUP, and the job's wait status reported to the run. Its SIGHUP
 * is sent by the test here, not by a hang-up: the pty stays open, so
 * the kernel's own hang-up rules stay out of it (docs-facts tests
 * those). What happened is read from wait statuses and /proc.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "facts.h"
#include "lab.h"

static struct lab lab;

static char *step_start[] = { "step-start", NULL };
static char *nohup_start[] = { "nohup", "step-start", NULL };

/* The job, paused in step-start. */
static pid_t
start(enum launch_how how, char **argv)
{
	struct report r;
	struct facts f;

	lab_init(&lab);
	lab.how = how;
	lab_shell(&lab, argv, NULL);
	ck_assert_msg(lab_next(&lab, &r, 5000), "no report; terminal:\n%s",
	    lab.out);
	ck_assert_int_eq(r.m.event, PROTO_PAUSED);
	ck_assert_int_eq(facts_read_paused(r.sender, &f), 0);
	ck_assert_int_eq(f.ppid, lab.shell);
	ck_assert_int_eq(f.pgid, r.sender);
	return r.sender;
}

/* The wait status of our child or orphan pid, or -1 after ms. */
static int
status_of(pid_t pid, int ms)
{
	long deadline = lab_now_ms() + ms;
	int status;

	do {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		lab_drain(&lab, 10);
	} while (lab_now_ms() < deadline);
	return -1;
}

/* Alive, no zombie, with no SIGHUP or SIGKILL on its way. */
static void
assert_lives(pid_t pid)
{
	struct facts f;

	ck_assert_int_eq(status_of(pid, 500), -1);
	ck_assert_int_eq(facts_read(pid, &f), 0);
	ck_assert_msg(f.state != 'Z', "%d is a zombie", (int)pid);
}

static void
assert_died_of_sighup(pid_t pid, const char *who)
{
	int status = status_of(pid, 5000);

	ck_assert_msg(status != -1, "the %s %d did not end", who, (int)pid);
	ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP,
	    "the %s did not die of SIGHUP: status %#x", who, status);
}

START_TEST(sighup_goes_on_to_a_background_job)
{
	pid_t job = start(LAUNCH_BACKGROUND, step_start);

	ck_assert_ptr_nonnull(strstr(lab.out, "[1] "));
	ck_assert_int_eq(kill(lab.shell, SIGHUP), 0);
	assert_died_of_sighup(lab.shell, "shell");
	/* Not in the foreground, its group not orphaned with a stopped
	 * member: only the shell could have sent it. */
	assert_died_of_sighup(job, "job");
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

START_TEST(nothing_goes_to_a_disowned_job)
{
	pid_t job = start(LAUNCH_DISOWN, step_start);

	ck_assert_int_eq(kill(lab.shell, SIGHUP), 0);
	assert_died_of_sighup(lab.shell, "shell");
	assert_lives(job);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* The shell has no exit of its own: it ends by SIGHUP, or SIGKILL
 * from the inspector. Ended without SIGHUP, it sends nothing, as bash
 * without huponexit. */
START_TEST(nothing_goes_out_without_sighup)
{
	pid_t job = start(LAUNCH_BACKGROUND, step_start);
	int status;

	ck_assert_int_eq(kill(lab.shell, SIGKILL), 0);
	status = status_of(lab.shell, 5000);
	ck_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	assert_lives(job);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* SIGHUP ignored (nohup): the job lives, whatever the shell sent. */
START_TEST(nohup_job_outlives_the_shell)
{
	pid_t job = start(LAUNCH_BACKGROUND, nohup_start);

	ck_assert_int_eq(kill(lab.shell, SIGHUP), 0);
	assert_died_of_sighup(lab.shell, "shell");
	assert_lives(job);
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

/* The job ends while the shell lives: the shell reaps it and reports
 * its wait status; it is not ours to wait for. */
START_TEST(the_shell_reports_its_jobs_status)
{
	pid_t job = start(LAUNCH_FOREGROUND, step_start);
	long deadline;
	int status = -1;

	ck_assert_int_eq(kill(job, SIGTERM), 0);    /* ends with 128+15 */
	deadline = lab_now_ms() + 5000;
	while ((status = lab_collected(&lab, job)) == -1 &&
	    lab_now_ms() < deadline)
		lab_drain(&lab, 10);
	ck_assert_msg(status != -1, "no report of job %d; terminal:\n%s",
	    (int)job, lab.out);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGTERM);
	ck_assert_ptr_nonnull(strstr(lab.out, "exit 143]"));
	ck_assert_int_eq(waitpid(job, NULL, WNOHANG), -1);   /* not ours */
	ck_assert_int_eq(lab_finish(&lab), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("shell");
	TCase *tc = tcase_create("shell");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, sighup_goes_on_to_a_background_job);
	tcase_add_test(tc, nothing_goes_to_a_disowned_job);
	tcase_add_test(tc, nothing_goes_out_without_sighup);
	tcase_add_test(tc, nohup_job_outlives_the_shell);
	tcase_add_test(tc, the_shell_reports_its_jobs_status);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? 0 : 1;
}
