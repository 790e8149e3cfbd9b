/* SPDX-License-Identifier: MIT */
/*
 * test_dropprivs.c - step-dropprivs as root: the real drop, read from
 * /proc (Uid:, Gid:, Groups:, CapPrm:), and the chain still reaching its
 * receiver afterwards; and step-pidfile refusing another user's file. Not as root there is nothing to drop: the test
 * says SKIP (exit 77) with the reason.
 */
#include <check.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
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

static const char *
status_field(pid_t pid, const char *name, char *out, size_t size)
{
	char path[64], buf[8192], key[32], *p;
	ssize_t n;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	ck_assert_ptr_nonnull(f = fopen(path, "r"));
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n > 0 ? n : 0] = '\0';
	snprintf(key, sizeof key, "\n%s:", name);
	ck_assert_ptr_nonnull(p = strstr(buf, key));
	p += strlen(key);
	p += strspn(p, " \t");
	snprintf(out, size, "%.*s", (int)strcspn(p, "\n"), p);
	while (size > 0 && *out && out[strlen(out) - 1] == ' ')
		out[strlen(out) - 1] = '\0';
	return out;
}

static struct report
paused_at(const char *step)
{
	struct report r;

	do
		ck_assert_msg(lab_next(&lab, &r, 5000), "no report from step-%s;"
		    " the terminal shows:\n%s", step, lab.out);
	while (r.m.event == PROTO_EXIT && r.m.child != 0);
	ck_assert_msg(r.m.event == PROTO_PAUSED && !strcmp(r.m.step, step),
	    "wanted step-%s's pause, got step-%s's: %s", step, r.m.step,
	    r.m.msg);
	return r;
}

START_TEST(root_drops_for_good_and_still_reports)
{
	char *argv[] = { "step-dropprivs", "step-start", NULL };
	struct passwd *pw = getpwnam("nobody");
	gid_t groups[64];
	int ngroups = 64, i;
	char want[512], v[512];
	struct report r;
	struct facts f;
	pid_t pid;

	ck_assert_ptr_nonnull(pw);
	ck_assert_int_ne(getgrouplist("nobody", pw->pw_gid, groups, &ngroups),
	    -1);
	pid = lab_spawn(&lab, argv, NULL);
	r = paused_at("dropprivs");
	ck_assert_int_eq(r.sender, pid);
	ck_assert_int_eq(facts_read_paused(pid, &f), 0);
	snprintf(want, sizeof want, "%d\t%d\t%d\t%d", (int)pw->pw_uid,
	    (int)pw->pw_uid, (int)pw->pw_uid, (int)pw->pw_uid);
	ck_assert_str_eq(status_field(pid, "Uid", v, sizeof v), want);
	snprintf(want, sizeof want, "%d\t%d\t%d\t%d", (int)pw->pw_gid,
	    (int)pw->pw_gid, (int)pw->pw_gid, (int)pw->pw_gid);
	ck_assert_str_eq(status_field(pid, "Gid", v, sizeof v), want);
	/* Root's own supplementary groups are gone: only nobody's. */
	want[0] = '\0';
	for (i = 0; i < ngroups; i++)
		snprintf(want + strlen(want), sizeof want - strlen(want),
		    "%s%d", i ? " " : "", (int)groups[i]);
	ck_assert_str_eq(status_field(pid, "Groups", v, sizeof v), want);
	/* No way back: no capability is left, not even permitted. */
	ck_assert_str_eq(status_field(pid, "CapPrm", v, sizeof v),
	    "0000000000000000");
	ck_assert_str_eq(status_field(pid, "CapEff", v, sizeof v),
	    "0000000000000000");
	ck_assert_ptr_nonnull(strstr(r.m.msg, "setuid(0) and seteuid(0) "
	    "fail with EPERM"));

	/* The next step still reaches the receiver after the drop. */
	kill(pid, SIGUSR1);
	r = paused_at("start");
	ck_assert_int_eq(r.sender, pid);
}
END_TEST

START_TEST(not_root_there_is_nothing_to_drop)
{
	char *argv[] = { "step-dropprivs", "step-dropprivs", NULL };
	struct report r;
	pid_t pid = lab_spawn(&lab, argv, NULL);

	r = paused_at("dropprivs");
	kill(pid, SIGUSR1);
	/* The second runs as nobody: it says so and goes on. */
	r = paused_at("dropprivs");
	ck_assert_int_eq(r.sender, pid);
	ck_assert_ptr_nonnull(strstr(r.m.msg, "not root"));
	ck_assert_ptr_nonnull(strstr(r.m.msg, "no privileges to drop"));
}
END_TEST

START_TEST(unknown_user_is_refused)
{
	char *argv[] = { "step-dropprivs", "--user=no-such-user-daemonlab",
	    NULL };
	pid_t pid = lab_spawn(&lab, argv, NULL);
	int status = lab_wait(&lab, pid, 5000);

	ck_assert(status != -1 && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 2);
	lab_drain(&lab, 50);
	ck_assert_ptr_nonnull(strstr(lab.out, "no user named "
	    "'no-such-user-daemonlab'"));
}
END_TEST

START_TEST(pidfile_of_another_user_is_refused)
{
	char path[128], opt[160];
	char *argv[] = { "step-pidfile", opt, NULL };
	struct passwd *pw = getpwnam("nobody");
	pid_t pid;
	int fd, status;

	/* As in /tmp: someone else made the file first. */
	ck_assert_ptr_nonnull(pw);
	snprintf(path, sizeof path, "%s/theirs.pid", lab.dir);
	snprintf(opt, sizeof opt, "--path=%s", path);
	ck_assert_int_ne(fd = open(path, O_WRONLY | O_CREAT, 0666), -1);
	ck_assert_int_eq(fchown(fd, pw->pw_uid, pw->pw_gid), 0);
	close(fd);
	pid = lab_spawn(&lab, argv, NULL);
	status = lab_wait(&lab, pid, 5000);
	ck_assert(status != -1 && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 1);
	lab_drain(&lab, 50);
	ck_assert_ptr_nonnull(strstr(lab.out, "belongs to uid"));
	unlink(path);
}
END_TEST

static void
need_root(void)
{
	if (geteuid() != 0)
		lab_skip("not root (uid %d): the real drop of privileges needs "
		    "root; run the suite as root to test it", (int)geteuid());
}

int
main(void)
{
	Suite *s = suite_create("dropprivs");
	TCase *tc = tcase_create("dropprivs");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, need_root, NULL);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, root_drops_for_good_and_still_reports);
	tcase_add_test(tc, not_root_there_is_nothing_to_drop);
	tcase_add_test(tc, unknown_user_is_refused);
	tcase_add_test(tc, pidfile_of_another_user_is_refused);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
