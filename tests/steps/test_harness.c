/* SPDX-License-Identifier: MIT */
/*
 * test_harness.c - pause, continue, give up, and every bad input, each
 * run as a direct child on a pty of its own, so its exit status is ours
 * to read; and errors with stderr a pipe, where no terminal is.
 */
#include <check.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "facts.h"
#include "lab.h"

static struct lab lab;

static void
setup(void)
{
	lab_init(&lab);
}

static void
teardown(void)
{
	ck_assert_int_eq(lab_finish(&lab), 0);
}

/* Runs argv to its end without a continue; returns its wait status. */
static int
run(char *const argv[], char *const env[], int timeout_ms)
{
	pid_t pid = lab_spawn(&lab, argv, env);
	int status = lab_wait(&lab, pid, timeout_ms);

	ck_assert_msg(status != -1, "%s still runs after %d ms; terminal:\n%s",
	    argv[0], timeout_ms, lab.out);
	lab_drain(&lab, 50);
	return status;
}

static int
count(const char *haystack, const char *needle)
{
	int n = 0;

	for (; (haystack = strstr(haystack, needle)) != NULL; haystack++)
		n++;
	return n;
}

static void
expect_error(const char *step, const char *text)
{
	struct report r;
	int got_error = 0;

	while (lab_next(&lab, &r, 200))
		if (r.m.event == PROTO_ERROR) {
			got_error = 1;
			ck_assert_str_eq(r.m.step, step);
			ck_assert_msg(strstr(r.m.msg, text) != NULL,
			    "report '%s' lacks '%s'", r.m.msg, text);
		}
	ck_assert_msg(got_error, "no error report from step-%s", step);
	ck_assert_msg(strstr(lab.out, text) != NULL, "terminal lacks '%s':\n%s",
	    text, lab.out);
	ck_assert_msg(strstr(lab.out, "the chain stops here") != NULL,
	    "terminal:\n%s", lab.out);
}

START_TEST(early_continue_is_neither_lost_nor_fatal)
{
	/* A SIGUSR1 pending before the step even starts (as between two
	 * steps of a chain, where it stays blocked across exec). */
	sigset_t usr1, old;
	pid_t pid;
	int status;

	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, &old);
	if ((pid = fork()) == 0) {
		raise(SIGUSR1);    /* pending, and survives exec */
		execl(STEPS_DIR "/step-start", "step-start", (char *)NULL);
		_exit(127);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	status = lab_wait(&lab, pid, 5000);
	ck_assert_msg(status != -1, "the early SIGUSR1 was lost: still paused");
	ck_assert(WIFEXITED(status));   /* not killed by the signal */
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

START_TEST(early_continue_between_steps)
{
	/* Continue step-start twice in a row: the second SIGUSR1 reaches
	 * step-umask early (during exec) and must continue it, not kill it. */
	char *argv[] = { "step-start", "step-umask", NULL };
	pid_t pid = lab_spawn(&lab, argv, NULL);
	struct report r;
	int status;

	ck_assert(lab_next(&lab, &r, 5000));
	ck_assert_str_eq(r.m.step, "start");
	kill(pid, SIGUSR1);
	/* Wait until the first is taken, then send the next at once. */
	while (lab_next(&lab, &r, 5) == 0) {
		struct facts f;

		if (facts_read(pid, &f) == 0 && strcmp(f.comm, "step-start"))
			break;
	}
	kill(pid, SIGUSR1);
	status = lab_wait(&lab, pid, 5000);
	ck_assert_msg(status != -1, "step-umask waits: the continue was lost");
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

START_TEST(pause_continues_by_itself)
{
	char *argv[] = { "step-start", "step-umask", NULL };
	char *env[] = { "DAEMONLAB_PAUSE=0.2", NULL };
	struct report r;
	int status = run(argv, env, 5000), paused = 0;

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	while (lab_next(&lab, &r, 100))
		paused += r.m.event == PROTO_PAUSED;
	ck_assert_int_eq(paused, 2);
	ck_assert_ptr_nonnull(strstr(lab.out, "continues by itself in 0.2 s"));
}
END_TEST

START_TEST(gone_inspector_ends_a_paused_step)
{
	/* The "inspector" dies but is not reaped: a zombie counts as gone. */
	pid_t inspector = fork();
	char env_pid[64];
	char *argv[] = { "step-start", NULL };
	char *env[] = { env_pid, NULL };
	struct report r;
	pid_t pid;
	int status;

	if (inspector == 0) {
		pause();
		_exit(0);
	}
	snprintf(env_pid, sizeof env_pid, "DAEMONLAB_INSPECTOR_PID=%d",
	    (int)inspector);
	pid = lab_spawn(&lab, argv, env);
	ck_assert(lab_next(&lab, &r, 5000));
	ck_assert_int_eq(r.m.event, PROTO_PAUSED);
	kill(inspector, SIGKILL);
	status = lab_wait(&lab, pid, 3000);
	ck_assert_msg(status != -1, "paused step outlived its inspector by 3 s");
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 4);
	ck_assert_int_eq(waitpid(inspector, NULL, 0), inspector);
}
END_TEST

START_TEST(sigterm_ends_it_cleanly)
{
	char *argv[] = { "step-start", "step-umask", NULL };
	pid_t pid = lab_spawn(&lab, argv, NULL);
	struct report r;
	int status;

	ck_assert(lab_next(&lab, &r, 5000));
	kill(pid, SIGTERM);
	status = lab_wait(&lab, pid, 3000);
	ck_assert(WIFEXITED(status));               /* it exited by itself */
	ck_assert_int_eq(WEXITSTATUS(status), 128 + SIGTERM);
	ck_assert(lab_next(&lab, &r, 1000));
	ck_assert_int_eq(r.m.event, PROTO_EXIT);
	ck_assert_str_eq(r.m.msg, "ended by SIGTERM");
}
END_TEST

/* With nothing open, the report says so: it once printed the byte past
 * an empty list. */
START_TEST(closefds_with_nothing_open)
{
	char script[128];
	char *argv[] = { "sh", "-c", script, NULL };
	char *env[] = { "DAEMONLAB_PAUSE=0", NULL };
	struct report r;
	int status, paused = 0;

	snprintf(script, sizeof script, "exec 0<&- 1>&- 2>&- %d<&- "
	    "step-closefds", LAB_FORGOTTEN_FD);
	status = run(argv, env, 5000);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	while (lab_next(&lab, &r, 200))
		if (r.m.event == PROTO_PAUSED) {
			paused++;
			ck_assert_str_eq(r.m.step, "closefds");
			ck_assert_msg(strstr(r.m.msg, "closed 0 descriptors "
			    "(none); none is open now") != NULL, "report: %s",
			    r.m.msg);
		}
	ck_assert_int_eq(paused, 1);
}
END_TEST

START_TEST(missing_next_program)
{
	char *argv[] = { "step-umask", "step-nosuch", NULL };
	char *env[] = { "DAEMONLAB_PAUSE=0", NULL };
	int status = run(argv, env, 5000);

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 127);
	expect_error("umask", "'step-nosuch': not found in PATH");
}
END_TEST

START_TEST(next_program_cannot_run)
{
	char *argv[] = { "step-umask", "/dev/null", NULL };
	char *env[] = { "DAEMONLAB_PAUSE=0", NULL };
	int status = run(argv, env, 5000);

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 126);
	expect_error("umask", "'/dev/null': Permission denied");
}
END_TEST

START_TEST(unknown_option)
{
	char *argv[] = { "step-chdir", "--to=/tmp", "step-umask", NULL };
	int status = run(argv, NULL, 5000);

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	expect_error("chdir", "unknown option '--to=/tmp'");
}
END_TEST

START_TEST(option_needs_a_value)
{
	char *argv[] = { "step-chdir", "--dir", NULL };
	int status = run(argv, NULL, 5000);

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	expect_error("chdir", "needs a value");
}
END_TEST

START_TEST(contradicting_options)
{
	char *argv[] = { "step-opentty", "--noctty", "--ioctl", NULL };
	int status = run(argv, NULL, 5000);

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	expect_error("opentty", "--noctty and --ioctl contradict");
}
END_TEST

START_TEST(chdir_target_fails)
{
	char *argv[] = { "step-chdir", "--dir=/nonexistent/dir", NULL };
	int status = run(argv, NULL, 5000);

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	expect_error("chdir", "chdir(\"/nonexistent/dir\") failed: No such "
	    "file or directory");
}
END_TEST

START_TEST(bad_pause_value)
{
	char *argv[] = { "step-start", NULL };
	char *env[] = { "DAEMONLAB_PAUSE=abc", NULL };
	int status = run(argv, env, 5000);

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	expect_error("start", "DAEMONLAB_PAUSE='abc' is not a number");
}
END_TEST

START_TEST(bad_inspector_pid)
{
	char *argv[] = { "step-start", NULL };
	char *env[] = { "DAEMONLAB_INSPECTOR_PID=12ab", NULL };
	int status = run(argv, env, 5000);

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	expect_error("start", "DAEMONLAB_INSPECTOR_PID='12ab'");
}
END_TEST

/* Without a reachable socket the chain goes on, and says so once. */
static void
check_unreported(const char *socket_env)
{
	char *argv[] = { "step-start", "step-umask", "step-chdir", NULL };
	char *env[] = { (char *)socket_env, "DAEMONLAB_PAUSE=0", NULL };
	int status = run(argv, env, 5000);

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(count(lab.out, "not reporting to DAEMONLAB_SOCKET"), 1);
	ck_assert_int_eq(count(lab.out, "paused;"), 3);
}

START_TEST(missing_socket)
{
	check_unreported("DAEMONLAB_SOCKET=/tmp/daemonlab-no-such-dir/sock");
}
END_TEST

START_TEST(socket_path_too_long)
{
	static char env[256];

	snprintf(env, sizeof env, "DAEMONLAB_SOCKET=/tmp/%0120d", 0);
	check_unreported(env);
	ck_assert_ptr_nonnull(strstr(lab.out, "longer than a Unix socket"));
}
END_TEST

START_TEST(bad_pause_with_a_socket_path_too_long)
{
	/* The error is reported before anything else is checked: the
	 * overlong path must still never reach a socket address. */
	static char sock[256];
	char *argv[] = { "step-start", NULL };
	char *env[] = { sock, "DAEMONLAB_PAUSE=abc", NULL };
	int status;

	snprintf(sock, sizeof sock, "DAEMONLAB_SOCKET=/tmp/%0200d", 0);
	status = run(argv, env, 5000);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	ck_assert_ptr_nonnull(strstr(lab.out, "DAEMONLAB_PAUSE='abc'"));
	ck_assert_ptr_nonnull(strstr(lab.out, "longer than a Unix socket"));
}
END_TEST

/* Runs argv (a chain, DAEMONLAB_PAUSE=0) as our child with no terminal
 * at all: stdin and stdout /dev/null, stderr a pipe of ours, whose text
 * goes to out. Returns its wait status. */
static int
run_piped(char *const argv[], char *out, size_t size)
{
	static char env_tag[128], env_sock[160], env_pid[64], env_path[4096];
	char *env[] = { env_tag, env_sock, env_pid, env_path,
	    "DAEMONLAB_PAUSE=0", NULL };
	struct pollfd p = { -1, POLLIN, 0 };
	size_t used = 0;
	long deadline = lab_now_ms() + 5000;
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	snprintf(env_tag, sizeof env_tag, "DAEMONLAB_TEST_TAG=%s", lab.tag);
	snprintf(env_sock, sizeof env_sock, "DAEMONLAB_SOCKET=%s",
	    lab.sock_path);
	snprintf(env_pid, sizeof env_pid, "DAEMONLAB_INSPECTOR_PID=%d",
	    (int)getpid());
	snprintf(env_path, sizeof env_path, "PATH=%s:%s", STEPS_DIR,
	    getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	ck_assert_int_eq(pipe2(fds, O_CLOEXEC), 0);
	if ((pid = fork()) == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(null, 0);
		dup2(null, 1);
		dup2(fds[1], 2);
		putenv(env_path);    /* execvpe searches our own PATH */
		execvpe(argv[0], argv, env);
		_exit(127);
	}
	ck_assert_int_ne(pid, -1);
	close(fds[1]);
	p.fd = fds[0];
	/* Until every writer is gone (the chain closes it, or ends). */
	while (lab_now_ms() < deadline && poll(&p, 1, 50) >= 0) {
		if (p.revents == 0)
			continue;
		if ((n = read(fds[0], out + used, size - 1 - used)) <= 0)
			break;
		used += n;
	}
	out[used] = '\0';
	close(fds[0]);
	status = lab_wait(&lab, pid, 5000);
	ck_assert_msg(status != -1, "%s still runs after 5 s", argv[0]);
	return status;
}

/* The error report of step, from the socket: the step really failed. */
static void
expect_error_report(const char *step, const char *text)
{
	struct report r;
	int got_error = 0;

	while (lab_next(&lab, &r, 200))
		if (r.m.event == PROTO_ERROR && strcmp(r.m.step, step) == 0 &&
		    strstr(r.m.msg, text) != NULL)
			got_error = 1;
	ck_assert_msg(got_error, "no error report '%s' from step-%s", text,
	    step);
}

START_TEST(error_reaches_a_piped_stderr)
{
	/* step-chdir --dir=/nonexistent 2>&1 | cat: the error shows, from
	 * the second step too (the first handed the pipe down). */
	char *argv[] = { "step-umask", "step-chdir", "--dir=/nonexistent/dir",
	    NULL };
	char out[4096];
	int status = run_piped(argv, out, sizeof out);

	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	expect_error_report("chdir", "failed: No such file or directory");
	ck_assert_msg(strstr(out, "step-chdir[") != NULL && strstr(out,
	    "chdir(\"/nonexistent/dir\") failed: No such file or directory")
	    != NULL, "stderr (a pipe) got:\n%s", out);
	ck_assert_msg(strstr(out, "the chain stops here (exit status 1)") !=
	    NULL, "stderr (a pipe) got:\n%s", out);
	/* What is not an error stays for terminals. */
	ck_assert_msg(strstr(out, "paused;") == NULL, "%s", out);
}
END_TEST

START_TEST(error_never_reaches_what_the_chain_opened)
{
	/* After step-closefds and step-devnull, the chain itself puts a
	 * terminal on descriptor 2 (a pty of ours), then a step fails: the
	 * error is reported, but written neither to that terminal, which
	 * is not the stderr the chain was given, nor anywhere else. */
	char name[64], out[4096], seen[4096];
	char *argv[] = { "step-closefds", "step-devnull", "sh", "-c",
	    "exec 2<>\"$0\"; exec \"$@\"", name, "step-chdir",
	    "--dir=/nonexistent/dir", NULL };
	struct pollfd p = { -1, POLLIN, 0 };
	size_t used = 0;
	int master, slave, status;
	long deadline;
	ssize_t n;

	ck_assert_int_eq(openpty(&master, &slave, name, NULL, NULL), 0);
	fcntl(master, F_SETFD, FD_CLOEXEC);
	fcntl(slave, F_SETFD, FD_CLOEXEC);
	status = run_piped(argv, out, sizeof out);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	expect_error_report("chdir", "failed: No such file or directory");
	p.fd = master;
	for (deadline = lab_now_ms() + 300; lab_now_ms() < deadline; )
		if (poll(&p, 1, 20) > 0 && (n = read(master, seen + used,
		    sizeof seen - 1 - used)) > 0)
			used += n;
	seen[used] = '\0';
	close(master);
	close(slave);
	ck_assert_msg(used == 0, "the chain's own terminal got:\n%s", seen);
	ck_assert_msg(out[0] == '\0', "the closed pipe got:\n%s", out);
}
END_TEST

START_TEST(end_of_chain_waits_as_the_daemon)
{
	char *argv[] = { "step-umask", NULL };
	pid_t pid = lab_spawn(&lab, argv, NULL);
	struct report r;
	struct facts f;
	int status;

	ck_assert(lab_next(&lab, &r, 5000));
	lab_drain(&lab, 300);
	ck_assert_int_eq(facts_read(pid, &f), 0);
	ck_assert_int_eq(f.state, 'S');               /* waiting, not stopped */
	ck_assert_ptr_nonnull(strstr(lab.out, "this process is the daemon now"));
	kill(pid, SIGUSR1);
	status = lab_wait(&lab, pid, 3000);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("harness");
	TCase *tc = tcase_create("harness");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, early_continue_is_neither_lost_nor_fatal);
	tcase_add_test(tc, early_continue_between_steps);
	tcase_add_test(tc, pause_continues_by_itself);
	tcase_add_test(tc, gone_inspector_ends_a_paused_step);
	tcase_add_test(tc, sigterm_ends_it_cleanly);
	tcase_add_test(tc, closefds_with_nothing_open);
	tcase_add_test(tc, missing_next_program);
	tcase_add_test(tc, next_program_cannot_run);
	tcase_add_test(tc, unknown_option);
	tcase_add_test(tc, option_needs_a_value);
	tcase_add_test(tc, contradicting_options);
	tcase_add_test(tc, chdir_target_fails);
	tcase_add_test(tc, bad_pause_value);
	tcase_add_test(tc, bad_inspector_pid);
	tcase_add_test(tc, missing_socket);
	tcase_add_test(tc, socket_path_too_long);
	tcase_add_test(tc, bad_pause_with_a_socket_path_too_long);
	tcase_add_test(tc, end_of_chain_waits_as_the_daemon);
	tcase_add_test(tc, error_reaches_a_piped_stderr);
	tcase_add_test(tc, error_never_reaches_what_the_chain_opened);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
