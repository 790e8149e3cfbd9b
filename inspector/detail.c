/* SPDX-License-Identifier: MIT */
/* detail.c - ids, signal masks and held locks of one process, from /proc. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "detail.h"

/* The value after key at the start of a line (p..nl), or NULL. */
static const char *
field(const char *p, const char *nl, const char *key)
{
	size_t k = strlen(key);

	if ((size_t)(nl - p) <= k || memcmp(p, key, k) != 0)
		return NULL;
	return p + k;
}

int
detail_parse_status(const char *buf, size_t len, struct detail *d)
{
	const char *p, *end = buf + len, *nl, *v;
	char line[256];
	int have = 0;

	d->uid = d->euid = d->gid = d->egid = -1;
	d->sig_ign = d->sig_blk = d->sig_cgt = 0;
	d->sig_ok = 0;
	/* Name: comes first and is the process's to choose (the kernel
	 * escapes a newline in it, but nothing on that line is ours). */
	if ((p = memchr(buf, '\n', len)) == NULL)
		return -1;
	for (p++; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		snprintf(line, sizeof line, "%.*s", (int)(nl - p), p);
		if ((v = field(line, line + strlen(line), "Uid:")) != NULL &&
		    sscanf(v, "%ld %ld", &d->uid, &d->euid) == 2)
			have |= 1;
		else if ((v = field(line, line + strlen(line), "Gid:")) != NULL &&
		    sscanf(v, "%ld %ld", &d->gid, &d->egid) == 2)
			have |= 2;
		else if ((v = field(line, line + strlen(line), "SigBlk:")))
			d->sig_blk = strtoull(v, NULL, 16), have |= 4;
		else if ((v = field(line, line + strlen(line), "SigIgn:")))
			d->sig_ign = strtoull(v, NULL, 16), have |= 8;
		else if ((v = field(line, line + strlen(line), "SigCgt:")))
			d->sig_cgt = strtoull(v, NULL, 16), have |= 16;
	}
	d->sig_ok = (have & 28) == 28;
	return (have & 3) == 3 ? 0 : -1;
}

int
detail_parse_locks(const char *buf, size_t len, pid_t pid, const int *fds,
    const dev_t *devs, const ino_t *inos, int nfds, struct detail *d)
{
	const char *p, *end = buf + len, *nl;
	char line[256], kind[16], mode[16], access[16];
	unsigned maj, min;
	unsigned long long ino;
	long lpid;
	int i;

	d->nlocks = 0;
	for (p = buf; p < end && d->nlocks < DETAIL_LOCKS; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		snprintf(line, sizeof line, "%.*s", (int)(nl - p), p);
		/* "1: POSIX  ADVISORY  WRITE 4242 08:01:1234 0 EOF"; a
		 * waiter's line has "->" after the number and holds
		 * nothing. */
		if (sscanf(line, "%*d: %15s %15s %15s %ld %x:%x:%llu", kind, mode,
		    access, &lpid, &maj, &min, &ino) != 7 || lpid != pid ||
		    (strcmp(kind, "POSIX") != 0 && strcmp(kind, "FLOCK") != 0))
			continue;
		for (i = 0; i < nfds && d->nlocks < DETAIL_LOCKS; i++)
			if (inos[i] == (ino_t)ino && major(devs[i]) == maj &&
			    minor(devs[i]) == min) {
				struct detail_lock *l = &d->locks[d->nlocks++];

				l->fd = fds[i];
				snprintf(l->kind, sizeof l->kind, "%s", kind);
				snprintf(l->access, sizeof l->access, "%s", access);
			}
	}
	return d->nlocks;
}

static ssize_t
slurp(int dirfd, const char *path, char *buf, size_t size)
{
	int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC);
	ssize_t n, total = 0;

	if (fd == -1)
		return -1;
	while ((size_t)total < size - 1 &&
	    (n = read(fd, buf + total, size - 1 - total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return total;
}

#define DETAIL_FDS 256

int
detail_read(int procfd, pid_t pid, struct detail *d)
{
	static char locks[1 << 16];
	char buf[4096], path[64];
	int fds[DETAIL_FDS], n = 0, dfd;
	dev_t devs[DETAIL_FDS];
	ino_t inos[DETAIL_FDS];
	struct dirent *e;
	struct stat st;
	ssize_t len;
	DIR *dir;

	memset(d, 0, sizeof *d);
	snprintf(path, sizeof path, "%d/status", (int)pid);
	if ((len = slurp(procfd, path, buf, sizeof buf)) < 0) {
		d->uid = d->euid = d->gid = d->egid = -1;
		return -1;
	}
	detail_parse_status(buf, (size_t)len, d);
	snprintf(path, sizeof path, "%d/fd", (int)pid);
	if ((dfd = openat(procfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    (dir = fdopendir(dfd)) == NULL) {
		if (dfd >= 0)
			close(dfd);
		return 0;     /* another user's descriptors: no locks shown */
	}
	while ((e = readdir(dir)) != NULL && n < DETAIL_FDS)
		if (e->d_name[0] != '.' && fstatat(dfd, e->d_name, &st, 0) == 0 &&
		    S_ISREG(st.st_mode)) {
			fds[n] = atoi(e->d_name);
			devs[n] = st.st_dev;
			inos[n++] = st.st_ino;
		}
	closedir(dir);
	if (n > 0 && (len = slurp(procfd, "locks", locks, sizeof locks)) > 0)
		detail_parse_locks(locks, (size_t)len, pid, fds, devs, inos, n,
		    d);
	return 0;
}

void
detail_signals(unsigned long long mask, char *buf, size_t size)
{
	size_t used = 0;
	const char *name;
	int sig;

	buf[0] = '\0';
	for (sig = 1; sig <= 64 && used < size; sig++) {
		if (!(mask & (1ULL << (sig - 1))))
			continue;
		if ((name = sigabbrev_np(sig)) != NULL)
			used += snprintf(buf + used, size - used, "%s%s",
			    used ? " " : "", name);
		else if (sig >= SIGRTMIN && sig <= SIGRTMAX)
			used += snprintf(buf + used, size - used, "%sRTMIN+%d",
			    used ? " " : "", sig - SIGRTMIN);
		else
			used += snprintf(buf + used, size - used, "%s%d",
			    used ? " " : "", sig);
	}
	if (used == 0)
		snprintf(buf, size, "-");
}

const struct detail_lock *
detail_lock_of(const struct detail *d, int fd)
{
	int i;

	for (i = 0; i < d->nlocks; i++)
		if (d->locks[i].fd == fd)
			return &d->locks[i];
	return NULL;
}
