/* SPDX-License-Identifier: MIT */
/*
 * test_detail.c - the detail pane's facts for one process: real and
 * effective ids, the signals it ignores, blocks and catches by name, and
 * the lock it holds beside its descriptor, each compared with what this
 * test reads from /proc itself.
 */
#include <check.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "detail.h"
#include "lab.h"

#define LOCKED_FD 7
#define PLAIN_FD 8

static void
on_hup(int sig)
{
	(void)sig;
}

/* A child that ignores SIGQUIT and SIGPIPE, blocks SIGUSR2, catches
 * SIGHUP, holds a write lock on path (descriptor LOCKED_FD; PLAIN_FD is
 * the same kind of file, unlocked) and, as root, has real and effective
 * ids that differ. It dies with the test (PR_SET_PDEATHSIG). */
static pid_t
child(const char *path, const char *plain, int drop)
{
	struct sigaction sa = { .sa_handler = on_hup };
	struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int ready[2], fd;
	sigset_t set;
	pid_t pid;
	char c;

	ck_assert_int_eq(pipe(ready), 0);
	ck_assert_int_ne(pid = fork(), -1);
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGPIPE, SIG_IGN);
		sigaction(SIGHUP, &sa, NULL);
		sigemptyset(&set);
		sigaddset(&set, SIGUSR2);
		sigprocmask(SIG_BLOCK, &set, NULL);
		if ((fd = open(path, O_RDWR | O_CREAT, 0600)) == -1 ||
		    dup2(fd, LOCKED_FD) == -1 ||
		    fcntl(LOCKED_FD, F_SETLK, &lock) == -1 ||
		    (fd = open(plain, O_RDWR | O_CREAT, 0600)) == -1 ||
		    dup2(fd, PLAIN_FD) == -1)
			_exit(1);
		if (drop && (setresgid(0, 65534, 0) == -1 ||
		    setresuid(0, 65534, 0) == -1))
			_exit(1);
		if (write(ready[1], "", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(ready[1]);
	ck_assert_int_eq(read(ready[0], &c, 1), 1);
	close(ready[0]);
	return pid;
}

static void
end(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* The test's own reading: the two first numbers of a status line, or
 * its hex mask. */
static void
status_of(pid_t pid, const char *key, long v[2], unsigned long long *mask)
{
	char path[64], line[512];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	ck_assert_ptr_nonnull(f = fopen(path, "r"));
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, key, strlen(key)) == 0) {
			if (v != NULL)
				found = sscanf(line + strlen(key), "%ld %ld",
				    &v[0], &v[1]) == 2;
			else
				found = sscanf(line + strlen(key), "%llx",
				    mask) == 1;
		}
	fclose(f);
	ck_assert_msg(found, "/proc/%d/status has no %s", (int)pid, key);
}

/* Whether /proc/locks says pid holds a POSIX WRITE lock on inode ino. */
static int
locks_say(pid_t pid, ino_t ino)
{
	char kind[16], mode[16], access[16], line[256];
	unsigned long long i;
	long p;
	FILE *f;
	int yes = 0;

	ck_assert_ptr_nonnull(f = fopen("/proc/locks", "r"));
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "%*d: %15s %15s %15s %ld %*x:%*x:%llu", kind,
		    mode, access, &p, &i) == 5 && p == pid && i == ino &&
		    strcmp(kind, "POSIX") == 0 && strcmp(access, "WRITE") == 0)
			yes = 1;
	fclose(f);
	return yes;
}

static int
has_word(const char *list, const char *word)
{
	char buf[512], *w, *save;

	snprintf(buf, sizeof buf, "%s", list);
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
		if (strcmp(w, word) == 0)
			return 1;
	return 0;
}

START_TEST(detail_matches_proc)
{
	char dir[] = "/tmp/dlab-detail-XXXXXX", path[64], plain[64];
	char ign[256], blk[256], cgt[256];
	const struct detail_lock *l;
	unsigned long long mask;
	struct detail d;
	struct stat st;
	long v[2];
	int procfd;
	pid_t pid;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/x.pid", dir);
	snprintf(plain, sizeof plain, "%s/plain", dir);
	pid = child(path, plain, 0);
	ck_assert_int_ge(procfd = open("/proc", O_RDONLY | O_DIRECTORY), 0);
	ck_assert_int_eq(detail_read(procfd, pid, &d), 0);

	status_of(pid, "Uid:", v, NULL);
	ck_assert_int_eq(d.uid, v[0]);
	ck_assert_int_eq(d.euid, v[1]);
	status_of(pid, "Gid:", v, NULL);
	ck_assert_int_eq(d.gid, v[0]);
	ck_assert_int_eq(d.egid, v[1]);
	ck_assert(d.sig_ok);
	status_of(pid, "SigIgn:", NULL, &mask);
	ck_assert_uint_eq(d.sig_ign, mask);
	status_of(pid, "SigBlk:", NULL, &mask);
	ck_assert_uint_eq(d.sig_blk, mask);
	status_of(pid, "SigCgt:", NULL, &mask);
	ck_assert_uint_eq(d.sig_cgt, mask);
	detail_signals(d.sig_ign, ign, sizeof ign);
	detail_signals(d.sig_blk, blk, sizeof blk);
	detail_signals(d.sig_cgt, cgt, sizeof cgt);
	ck_assert_msg(has_word(ign, "QUIT") && has_word(ign, "PIPE"),
	    "ignored: %s", ign);
	ck_assert_msg(has_word(blk, "USR2") && !has_word(blk, "QUIT"),
	    "blocked: %s", blk);
	ck_assert_msg(has_word(cgt, "HUP") && !has_word(cgt, "PIPE"),
	    "caught: %s", cgt);

	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_msg(locks_say(pid, st.st_ino), "/proc/locks: no lock of %d",
	    (int)pid);
	ck_assert_ptr_nonnull(l = detail_lock_of(&d, LOCKED_FD));
	ck_assert_str_eq(l->kind, "POSIX");
	ck_assert_str_eq(l->access, "WRITE");
	ck_assert_ptr_null(detail_lock_of(&d, PLAIN_FD));
	ck_assert_int_eq(d.nlocks, 1);

	end(pid);
	close(procfd);
	unlink(path);
	unlink(plain);
	rmdir(dir);
}
END_TEST

/* As root: real uid 0, effective 65534, shown apart, as /proc has them. */
START_TEST(real_and_effective_apart)
{
	char dir[] = "/tmp/dlab-detail-XXXXXX", path[64], plain[64];
	struct detail d;
	long v[2];
	int procfd;
	pid_t pid;

	if (geteuid() != 0)
		lab_skip("real and effective ids apart need root (setresuid)");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	chmod(dir, 0777);
	snprintf(path, sizeof path, "%s/x.pid", dir);
	snprintf(plain, sizeof plain, "%s/plain", dir);
	pid = child(path, plain, 1);
	ck_assert_int_ge(procfd = open("/proc", O_RDONLY | O_DIRECTORY), 0);
	ck_assert_int_eq(detail_read(procfd, pid, &d), 0);
	status_of(pid, "Uid:", v, NULL);
	ck_assert_int_eq(v[0], 0);
	ck_assert_int_eq(v[1], 65534);
	ck_assert_int_eq(d.uid, v[0]);
	ck_assert_int_eq(d.euid, v[1]);
	status_of(pid, "Gid:", v, NULL);
	ck_assert_int_eq(d.gid, v[0]);
	ck_assert_int_eq(d.egid, 65534);
	end(pid);
	close(procfd);
	unlink(path);
	unlink(plain);
	rmdir(dir);
}
END_TEST

START_TEST(signal_names)
{
	char buf[256];

	detail_signals(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "-");
	detail_signals((1ULL << (SIGHUP - 1)) | (1ULL << (SIGTERM - 1)), buf,
	    sizeof buf);
	ck_assert_str_eq(buf, "HUP TERM");
}
END_TEST

/* A waiter ("->") holds nothing; another process's lock, and a lock on
 * a file none of our descriptors names, are not ours. */
START_TEST(locks_parsed_strictly)
{
	static const char locks[] =
	    "1: POSIX  ADVISORY  WRITE 4242 fe:00:100 0 EOF\n"
	    "1: -> POSIX  ADVISORY  WRITE 4243 fe:00:100 0 EOF\n"
	    "2: POSIX  ADVISORY  WRITE 4243 fe:00:200 0 EOF\n"
	    "3: FLOCK  ADVISORY  READ 4243 fe:00:300 0 EOF\n"
	    "4: OFDLCK ADVISORY  WRITE -1 fe:00:200 0 EOF\n";
	int fds[] = { 3, 4, 5 };
	dev_t devs[] = { makedev(0xfe, 0), makedev(0xfe, 0), makedev(0xfe, 1) };
	ino_t inos[] = { 100, 200, 300 };
	struct detail d;

	ck_assert_int_eq(detail_parse_locks(locks, sizeof locks - 1, 4243,
	    fds, devs, inos, 3, &d), 1);
	ck_assert_int_eq(d.locks[0].fd, 4);
	ck_assert_str_eq(d.locks[0].kind, "POSIX");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("detail");
	TCase *tc = tcase_create("detail");

	tcase_add_test(tc, detail_matches_proc);
	tcase_add_test(tc, real_and_effective_apart);
	tcase_add_test(tc, signal_names);
	tcase_add_test(tc, locks_parsed_strictly);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
