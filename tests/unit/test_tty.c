/* SPDX-License-Identifier: MIT */
/* test_tty.c - terminal names, against the table and against ps itself. */
#include <check.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc.h"
#include "tty.h"
#include "lab.h"

static struct proc_info pi;
static int procfd = -1;

static void
open_proc(void)
{
	procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(procfd, 0);
}

static void
close_proc(void)
{
	close(procfd);
}

static const char *
guess(unsigned int maj, unsigned int min)
{
	static char buf[64];

	if (!tty_guess(maj, min, buf, sizeof buf))
		snprintf(buf, sizeof buf, "(none)");
	return buf;
}

START_TEST(guess_table)
{
	ck_assert_str_eq(guess(136, 0), "/dev/pts/0");
	ck_assert_str_eq(guess(136, 300), "/dev/pts/300");
	ck_assert_str_eq(guess(137, 5), "/dev/pts/261");
	ck_assert_str_eq(guess(143, 255), "/dev/pts/2047");
	ck_assert_str_eq(guess(4, 1), "/dev/tty1");
	ck_assert_str_eq(guess(4, 63), "/dev/tty63");
	ck_assert_str_eq(guess(4, 64), "/dev/ttyS0");
	ck_assert_str_eq(guess(4, 70), "/dev/ttyS6");
	ck_assert_str_eq(guess(3, 0), "/dev/ttyp0");
	ck_assert_str_eq(guess(3, 0x1f), "/dev/ttyqf");
	ck_assert_str_eq(guess(3, 256), "(none)");
	ck_assert_str_eq(guess(188, 2), "/dev/ttyUSB2");
	ck_assert_str_eq(guess(166, 0), "/dev/ttyACM0");
	ck_assert_str_eq(guess(156, 1), "/dev/ttySR257");
	ck_assert_str_eq(guess(204, 16), "/dev/ttyAM0");
	ck_assert_str_eq(guess(204, 64), "/dev/ttyIOC14");
	ck_assert_str_eq(guess(204, 84), "/dev/ttyIOC84");
	ck_assert_str_eq(guess(204, 186), "/dev/ttyJ0");
	ck_assert_str_eq(guess(204, 211), "/dev/ttyMAX3");
	ck_assert_str_eq(guess(204, 212), "(none)");
	ck_assert_str_eq(guess(229, 1), "/dev/iseries/vtty1");
	ck_assert_str_eq(guess(1, 3), "(none)");     /* /dev/null */
	ck_assert_str_eq(guess(5, 1), "(none)");     /* the drivers know it */
}
END_TEST

START_TEST(no_terminal)
{
	char buf[32];

	tty_name(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "?");
	tty_name(makedev(1, 3), buf, sizeof buf);
	ck_assert_str_eq(buf, "?");
	tty_name_pid(procfd, 1, 0, buf, sizeof buf);
	ck_assert_str_eq(buf, "?");
	tty_name(makedev(136, 1048575), buf, sizeof buf);   /* no such pty */
	ck_assert_str_eq(buf, "?");
}
END_TEST

static int
has_device(const char *path, unsigned int maj, unsigned int min)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISCHR(sb.st_mode) &&
	    major(sb.st_rdev) == maj && minor(sb.st_rdev) == min;
}

/* What ps would say for these devices depends on this machine's /dev. */
START_TEST(devices_here)
{
	char buf[32];

	tty_name(makedev(4, 1), buf, sizeof buf);
	ck_assert_str_eq(buf, has_device("/dev/tty1", 4, 1) ? "tty1" : "?");
	tty_name(makedev(5, 1), buf, sizeof buf);
	ck_assert_str_eq(buf, has_device("/dev/console", 5, 1) ? "console" :
	    "?");
	tty_name(makedev(4, 64), buf, sizeof buf);
	ck_assert_str_eq(buf, has_device("/dev/ttyS0", 4, 64) ? "ttyS0" : "?");
	tty_name(makedev(4, 1), buf, 4);
	ck_assert_str_eq(buf, has_device("/dev/tty1", 4, 1) ? "tty" : "?");
	buf[0] = 'X';
	tty_name(makedev(4, 1), buf, 0);
	ck_assert_int_eq(buf[0], 'X');
}
END_TEST

static void
ps_tty(pid_t pid, char *buf, size_t size)
{
	char cmd[64];
	FILE *f;
	size_t n;

	snprintf(cmd, sizeof cmd, "ps -o tty= -p %ld", (long)pid);
	buf[0] = '\0';
	if ((f = popen(cmd, "r")) != NULL) {
		if (fgets(buf, size, f) == NULL)
			buf[0] = '\0';
		pclose(f);
	}
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
}

static void
reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* Waits up to two seconds for one byte on fd. */
static int
await(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char c;

	return poll(&p, 1, 2000) == 1 && read(fd, &c, 1) == 1;
}

START_TEST(fresh_pty_matches_ps)
{
	char ours[32], ours_pid[32], theirs[32], want[64];
	pid_t parent = getpid(), pid;
	int master, ready, rc = -1;

	lab_need_program("ps");
	pid = forkpty(&master, want, NULL, NULL);
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent || write(1, "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	/* The byte comes after login_tty(): the pty is its terminal now. */
	ready = await(master);
	if (ready && (rc = proc_read(procfd, pid, &pi)) == 0) {
		tty_name(pi.tty_nr, ours, sizeof ours);
		tty_name_pid(procfd, pid, pi.tty_nr, ours_pid, sizeof ours_pid);
		ps_tty(pid, theirs, sizeof theirs);
	}
	reap(pid);
	close(master);
	ck_assert(ready);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(ours_pid, theirs);
	ck_assert_str_eq(ours, theirs);
	ck_assert_str_eq(ours, want + strlen("/dev/"));
}
END_TEST

/* pts/256 and up: minor bits above 8 in tty_nr's odd encoding. */
START_TEST(high_pty_matches_ps)
{
	char name[64] = "/dev/pts/0", ours[32], theirs[32];
	int fds[400], p[2], n, i, rc = -1, ready = 0;
	pid_t parent = getpid(), pid = -1;

	lab_need_program("ps");
	for (n = 0; n < 400; n++) {
		if ((fds[n] = posix_openpt(O_RDWR | O_NOCTTY)) == -1)
			break;
		if (grantpt(fds[n]) == 0 && unlockpt(fds[n]) == 0 &&
		    ptsname_r(fds[n], name, sizeof name) == 0 &&
		    atoi(name + strlen("/dev/pts/")) >= 256) {
			n++;
			break;
		}
	}
	ck_assert_int_eq(pipe(p), 0);
	if (n > 0 && atoi(name + strlen("/dev/pts/")) >= 256 &&
	    (pid = fork()) == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		/* A session leader opening a terminal without O_NOCTTY
		 * acquires it, when nobody owns it yet. */
		if (getppid() != parent || setsid() == -1 ||
		    open(name, O_RDWR) == -1 ||
		    write(p[1], "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(p[1]);
	if (pid > 0 && (ready = await(p[0])) &&
	    (rc = proc_read(procfd, pid, &pi)) == 0) {
		tty_name(pi.tty_nr, ours, sizeof ours);
		ps_tty(pid, theirs, sizeof theirs);
	}
	if (pid > 0)
		reap(pid);
	close(p[0]);
	for (i = 0; i < n; i++)
		close(fds[i]);
	if (pid == -1 && atoi(name + strlen("/dev/pts/")) < 256)
		lab_skip("cannot get a pty numbered 256 or more here (%d "
		    "opened, the last %s; see /proc/sys/kernel/pty/max)", n,
		    name);
	ck_assert_int_gt(pid, 0);
	ck_assert(ready);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_ge(minor(pi.tty_nr), 256);
	ck_assert_str_eq(ours, theirs);
	ck_assert_str_eq(ours, name + strlen("/dev/"));
}
END_TEST

/* Our name for pid's terminal now, or "" when it is gone. */
static void
our_tty(long pid, char *buf, size_t size)
{
	buf[0] = '\0';
	if (proc_read(procfd, pid, &pi) == 0)
		tty_name_pid(procfd, pid, pi.tty_nr, buf, size);
}

/* Every process ps can see, whatever its terminal. */
START_TEST(all_processes_match_ps)
{
	char line[128], tty[64], ours[64], again[64];
	long pid;
	FILE *f;
	int compared = 0, wrong = 0;

	lab_need_program("ps");
	ck_assert_ptr_nonnull(f = popen("ps -e -o pid=,tty=", "r"));
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "%ld %63s", &pid, tty) != 2 ||
		    proc_read(procfd, pid, &pi) == -1)
			continue;   /* gone since, like that ps itself */
		tty_name_pid(procfd, pid, pi.tty_nr, ours, sizeof ours);
		if (strcmp(ours, tty) != 0) {
			/* Another program's process may have changed its
			 * terminal (setsid(), a new one) between ps and us:
			 * ask both again, around one ps; compare only a
			 * process whose terminal held still meanwhile. */
			ps_tty((pid_t)pid, tty, sizeof tty);
			our_tty(pid, again, sizeof again);
			if (strcmp(ours, again) != 0 || tty[0] == '\0')
				continue;
		}
		compared++;
		/* A process may change its terminal between ps's read and
		 * ours (other tests run beside this one: setsid, a hangup):
		 * a difference counts only if ps, asked again, agrees with
		 * its first answer. */
		if (strcmp(ours, tty) != 0) {
			char again[64];

			ps_tty(pid, again, sizeof again);
			if (strcmp(again, tty) != 0)
				continue;
		}
		if (strcmp(ours, tty) != 0 && wrong++ == 0)
			fprintf(stderr, "pid %ld: ps %s, ours %s\n", pid, tty,
			    ours);
	}
	pclose(f);
	ck_assert_int_gt(compared, 0);
	ck_assert_int_eq(wrong, 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("tty");
	TCase *tc = tcase_create("tty");

	tcase_add_checked_fixture(tc, open_proc, close_proc);
	tcase_add_test(tc, guess_table);
	tcase_add_test(tc, no_terminal);
	tcase_add_test(tc, devices_here);
	tcase_add_test(tc, fresh_pty_matches_ps);
	tcase_add_test(tc, high_pty_matches_ps);
	tcase_add_test(tc, all_processes_match_ps);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
