/* SPDX-License-Identifier: MIT */
/*
 * step-pidfile - one copy only: a PID file, locked with fcntl() for the
 * daemon's whole life and written only once the lock is held (APUE 13.5,
 * TLPI 55.6). A second instance finds the lock taken and refuses; a stale
 * file, whose process is gone and so holds no lock, is simply taken over.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

/* $XDG_RUNTIME_DIR/daemonlab.pid; /run/daemonlab.pid as root; else
 * /tmp/daemonlab-UID.pid (see daemonlab-steps(7)). */
static const char *
default_path(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_RUNTIME_DIR");

	if (xdg != NULL && xdg[0] == '/')
		snprintf(buf, size, "%s/daemonlab.pid", xdg);
	else if (geteuid() == 0)
		snprintf(buf, size, "/run/daemonlab.pid");
	else
		snprintf(buf, size, "/tmp/daemonlab-%ld.pid", (long)geteuid());
	return buf;
}

/* What the file says, as a PID, or 0 (for the messages only: who holds
 * the lock, the kernel tells). */
static long
file_says(int fd)
{
	char buf[32];
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return strtol(buf, NULL, 10);
}

int
main(int argc, char *argv[])
{
	char defpath[PATH_MAX], num[32];
	const char *path = NULL;
	const struct step_option options[] = {
		{ "path", &path, NULL, "the PID file (default: "
		  "$XDG_RUNTIME_DIR/daemonlab.pid; as root /run/daemonlab.pid; "
		  "else /tmp/daemonlab-UID.pid)" },
		{ NULL, NULL, NULL, NULL },
	};
	char **next = step_begin("pidfile", "Create and lock the PID file "
	    "(fcntl F_SETLK), then write our PID into it; refuse if another "
	    "instance holds the lock.", argc, argv, options);
	struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	struct stat held, named;
	long stale;
	int fd, len;

	if (path == NULL)
		path = default_path(defpath, sizeof defpath);
	for (;;) {
		/* No O_TRUNC: the file may be another instance's, and only
		 * the lock may decide that. No O_CLOEXEC: the lock must
		 * live on through every exec of the chain. */
		fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW, 0644);
		if (fd == -1)
			step_fail(STEP_EXIT_FAILED, "open(\"%s\") failed: %s; "
			    "give a writable place with --path=FILE", path,
			    strerror(errno));
		if (fcntl(fd, F_SETLK, &lock) == -1) {
			int err = errno;

			if (err != EAGAIN && err != EACCES)
				step_fail(STEP_EXIT_FAILED, "fcntl(F_SETLK) on "
				    "%s failed: %s", path, strerror(err));
			lock.l_type = F_WRLCK;
			if (fcntl(fd, F_GETLK, &lock) == 0 &&
			    lock.l_type != F_UNLCK)
				step_fail(STEP_EXIT_FAILED, "already running: "
				    "PID %ld holds the lock on %s (the file "
				    "says %ld); refusing to start a second "
				    "instance", (long)lock.l_pid, path,
				    file_says(fd));
			step_fail(STEP_EXIT_FAILED, "already running: %s is "
			    "locked by another process; refusing to start a "
			    "second instance", path);
		}
		/* The previous owner may have removed the file between our
		 * open() and our lock: then we locked a file nobody sees. */
		if (fstat(fd, &held) == 0 && stat(path, &named) == 0 &&
		    held.st_dev == named.st_dev && held.st_ino == named.st_ino)
			break;
		close(fd);
	}
	if (!S_ISREG(held.st_mode))
		step_fail(STEP_EXIT_FAILED, "%s is not a regular file", path);
	/* In a shared folder such as /tmp, a file someone else made is
	 * theirs to rewrite whenever they like: not a PID file to trust. */
	if (held.st_uid != geteuid())
		step_fail(STEP_EXIT_FAILED, "%s belongs to uid %ld, not to us "
		    "(uid %ld); refusing to use it", path, (long)held.st_uid,
		    (long)geteuid());

	/* Only now, with the lock held, is the file ours to write. */
	stale = file_says(fd);
	len = snprintf(num, sizeof num, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == -1 || pwrite(fd, num, len, 0) != len)
		step_fail(STEP_EXIT_FAILED, "cannot write %s: %s", path,
		    strerror(errno));
	snprintf(num, sizeof num, "%d", fd);
	setenv("DAEMONLAB_PIDFILE", path, 1);
	setenv("DAEMONLAB_PIDFILE_FD", num, 1);
	if (stale != 0 && stale != getpid())
		step_pause("took over the stale PID file %s: it said %ld, but "
		    "nobody held its lock; fcntl(%d, F_SETLK) holds it now "
		    "and the file says %ld", path, stale, fd, (long)getpid());
	else
		step_pause("open(\"%s\") = %d, fcntl(F_SETLK): locked, then "
		    "wrote %ld; the lock lasts as long as this process keeps "
		    "descriptor %d open", path, fd, (long)getpid(), fd);
	step_next(next);
}
