/* SPDX-License-Identifier: MIT */
/* proc.c - read one process from /proc, as ps does, and parse it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc.h"

#define STAT_MAX    4096    /* the name is at most 64 bytes: ample */
#define STATUS_MAX  8192

/* A decimal number at p that ends in a space or newline before end.
 * Returns the byte after it, or NULL. */
static inline __attribute__((always_inline)) const char *
scan_num(const char *p, const char *end, long long *v)
{
	const char *start, *lim;
	long long n = 0;
	int neg = 0;

	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	/* 18 digits cannot overflow, so a 19th is an error: no check per
	 * digit (the survey parses a few thousand stat lines a look). */
	lim = end - p > 18 ? p + 18 : end;
	for (start = p; p < lim && (unsigned char)(*p - '0') < 10; p++)
		n = n * 10 + (*p - '0');
	/* A number that runs into the end may have been cut short. */
	if (p == start || p == end || (*p != ' ' && *p != '\n'))
		return NULL;
	*v = neg ? -n : n;
	return p;
}
static int
is_int(long long v)
{
	return v >= INT_MIN && v <= INT_MAX;
}

int
proc_parse_stat(const char *buf, size_t len, struct proc_info *pi)
{
	const char *end = buf + len, *p, *open, *close;
	long long pid, f[23];   /* f[4]..f[22]: the field numbers of proc(5) */
	size_t n;
	int i;

	if ((p = scan_num(buf, end, &pid)) == NULL || end - p < 2 ||
	    p[0] != ' ' || p[1] != '(')
		return -1;
	open = p + 1;
	/* Only the kernel's own ')' is followed by numbers alone: search
	 * from the end, since the name may hold ") R 1 2" itself. */
	if ((close = memrchr(open + 1, ')', end - open - 1)) == NULL)
		return -1;
	p = close + 1;
	if (end - p < 3 || p[0] != ' ' || p[2] != ' ' ||
	    !((p[1] >= 'A' && p[1] <= 'Z') || (p[1] >= 'a' && p[1] <= 'z')))
		return -1;
	p += 2;
	for (i = 4; i <= 22; i++) {
		if (p == end || *p != ' ')
			return -1;
		/* Fields nobody reads (faults, children's times, priority,
		 * itrealvalue) are checked for digits, not converted. */
		if ((1u << i & (1u << 10 | 1u << 11 | 1u << 12 | 1u << 13 |
		    1u << 16 | 1u << 17 | 1u << 18 | 1u << 21)) != 0) {
			const char *start;

			f[i] = 0;
			if (++p < end && *p == '-')
				p++;
			for (start = p; p < end &&
			    (unsigned char)(*p - '0') < 10; p++)
				;
			if (p == start || p - start > 18 || p == end ||
			    (*p != ' ' && *p != '\n'))
				return -1;
		} else if ((p = scan_num(p + 1, end, &f[i])) == NULL)
			return -1;
	}
	if (pid <= 0 || !is_int(pid) || f[4] < 0 || !is_int(f[4]) ||
	    f[5] < 0 || !is_int(f[5]) || f[6] < 0 || !is_int(f[6]) ||
	    !is_int(f[7]) || f[8] < -1 || !is_int(f[8]) ||
	    !is_int(f[19]) || !is_int(f[20]) || f[22] < 0)
		return -1;

	pi->pid = pid;
	n = close - open - 1;
	if (n > sizeof pi->comm - 1)
		n = sizeof pi->comm - 1;
	memcpy(pi->comm, open + 1, n);
	pi->comm[n] = '\0';
	pi->state = close[2];
	pi->ppid = f[4];
	pi->pgid = f[5];
	pi->sid = f[6];
	pi->tty_nr = (unsigned int)f[7];    /* printed as %d: 32-bit encoding */
	pi->tpgid = f[8];
	pi->flags = (unsigned int)f[9];
	pi->cputime = (unsigned long long)(f[14] < 0 ? 0 : f[14]) +
	    (unsigned long long)(f[15] < 0 ? 0 : f[15]);
	pi->nice = f[19];
	pi->nlwp = f[20];
	pi->starttime = f[22];
	return 0;
}

/* If the whole line [p, nl) is "key:<blanks>N...", stores N. */
static int
status_field(const char *p, const char *nl, const char *key, int base,
    long long *v)
{
	size_t klen = strlen(key);
	long long n = 0;
	int digits = 0;

	if ((size_t)(nl - p) <= klen || memcmp(p, key, klen) != 0)
		return 0;
	for (p += klen; p < nl && (*p == ' ' || *p == '\t'); p++)
		;
	for (; p < nl && *p >= '0' && *p < '0' + base; p++, digits++) {
		if (n > (LLONG_MAX - (*p - '0')) / base)
			return 0;
		n = n * base + (*p - '0');
	}
	if (digits == 0 || (p < nl && *p != ' ' && *p != '\t'))
		return 0;
	*v = n;
	return 1;
}

int
proc_parse_status(const char *buf, size_t len, struct proc_info *pi)
{
	const char *p, *nl, *end = buf + len;
	long long uid = -1, umask = -1, vmlck = -1;

	/* A later line wins: the only line a process writes itself is
	 * Name:, the first (and the kernel escapes its newlines anyway).
	 * A last line without its newline may be cut short: skipped. */
	for (p = buf; p < end && (nl = memchr(p, '\n', end - p)) != NULL;
	    p = nl + 1) {
		status_field(p, nl, "Uid:", 10, &uid);
		status_field(p, nl, "Umask:", 8, &umask);
		status_field(p, nl, "VmLck:", 10, &vmlck);
	}
	if (uid < 0 || uid > LONG_MAX)
		return -1;
	pi->uid = uid;
	pi->umask = umask > 07777 ? -1 : umask;
	pi->vmlck = vmlck > LONG_MAX ? -1 : vmlck;
	return 0;
}

/* "PID/name" into path (64 bytes), without snprintf: the survey builds
 * a few thousand of these per look. */
static void
proc_path(char *path, pid_t pid, const char *name)
{
	/* The survey asks for two or three files of each PID in a row. */
	static pid_t last = -1;
	static char digits[16];
	static size_t n;
	size_t k, len;

	if (pid != last) {
		char *d = digits + sizeof digits;
		unsigned long v = pid > 0 ? (unsigned long)pid : 0;

		do
			*--d = '0' + v % 10;
		while ((v /= 10) != 0);
		n = digits + sizeof digits - d;
		memmove(digits, d, n);
		last = pid;
	}
	memcpy(path, digits, n);
	len = n;
	if (name != NULL && (k = strlen(name)) < 64 - n - 2) {
		path[len++] = '/';
		memcpy(path + len, name, k);
		len += k;
	}
	path[len] = '\0';
}

/* One open and one read of /proc/PID/NAME. A file that is not there
 * means the process is not there: ESRCH. */
static ssize_t
proc_slurp(int procfd, pid_t pid, const char *name, char *buf, size_t size)
{
	char path[64];
	ssize_t n;
	int fd, saved;

	proc_path(path, pid, name);
	if ((fd = openat(procfd, path, O_RDONLY | O_CLOEXEC)) == -1) {
		if (errno == ENOENT)
			errno = ESRCH;
		return -1;
	}
	n = read(fd, buf, size);
	saved = errno;
	close(fd);
	errno = saved;
	return n;
}

/* A decimal file name in /proc or /proc/PID/fd; -1 for anything else. */
static long
name_number(const char *s)
{
	long n = 0;
	int digits = 0;

	/* Ten digits at most fit a long without overflow checks per digit;
	 * INT_MAX is checked once at the end. */
	for (; *s != '\0'; s++, digits++) {
		if ((unsigned char)(*s - '0') >= 10 || digits == 10)
			return -1;
		n = n * 10 + (*s - '0');
	}
	return digits == 0 || n > INT_MAX ? -1 : n;
}

/* Keeps the lowest PROC_MAX_FDS descriptors, in order, whatever order
 * readdir() gives. Returns -1 with errno: ENOENT (the process went
 * away), EACCES (not ours to look at). */
static int
proc_read_fds(int procfd, pid_t pid, struct proc_info *pi)
{
	struct proc_fd *slot;
	struct dirent *de;
	char path[64], target[sizeof pi->fds[0].target];
	ssize_t len;
	DIR *d;
	int dfd, fd, i, kept = 0, total = 0;

	snprintf(path, sizeof path, "%ld/fd", (long)pid);
	dfd = openat(procfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd == -1)
		return -1;
	if ((d = fdopendir(dfd)) == NULL) {
		close(dfd);
		return -1;
	}
	for (errno = 0; (de = readdir(d)) != NULL; errno = 0) {
		if ((fd = name_number(de->d_name)) < 0)
			continue;
		if (kept == PROC_MAX_FDS && fd > pi->fds[kept - 1].fd) {
			total++;
			continue;
		}
		len = readlinkat(dirfd(d), de->d_name, target,
		    sizeof target - 1);
		if (len == -1)
			continue;   /* closed since readdir(): not open now */
		target[len] = '\0';
		total++;
		if (kept < PROC_MAX_FDS)
			kept++;
		for (i = kept - 1; i > 0 && pi->fds[i - 1].fd > fd; i--)
			pi->fds[i] = pi->fds[i - 1];
		slot = &pi->fds[i];
		slot->fd = fd;
		memcpy(slot->target, target, len + 1);
	}
	if (errno != 0) {
		closedir(d);
		return -1;
	}
	closedir(d);
	pi->nfds = total;
	pi->fds_truncated = total > PROC_MAX_FDS;
	return 0;
}

int
proc_read_args(int procfd, pid_t pid, char *buf, size_t size)
{
	ssize_t n;
	char *p, *end;

	n = proc_slurp(procfd, pid, "cmdline", buf, size - 1);
	if (n < 0) {
		buf[0] = '\0';
		return -1;
	}
	/* Arguments end in NUL; the last one's NUL is not a separator. */
	while (n > 0 && buf[n - 1] == '\0')
		n--;
	end = buf + n;
	for (p = buf; (p = memchr(p, '\0', end - p)) != NULL; p++)
		*p = ' ';
	*end = '\0';
	return 0;
}

/* Returns -1 with errno ESRCH when the process went away. */
static int
proc_read_cmdline(int procfd, pid_t pid, struct proc_info *pi)
{
	return proc_read_args(procfd, pid, pi->cmdline, sizeof pi->cmdline);
}

/* A decimal number at p, before end, ended by a blank or newline. */
static const char *
scan_field(const char *p, const char *end, long long *v)
{
	long long n = 0;
	int digits = 0;

	while (p < end && (*p == '\t' || *p == ' '))
		p++;
	/* 18 digits fit: no overflow check per digit. */
	for (; p < end && (unsigned char)(*p - '0') < 10; p++, digits++) {
		if (digits == 18)
			return NULL;
		n = n * 10 + (*p - '0');
	}
	if (digits == 0 || p == end ||
	    (*p != '\t' && *p != ' ' && *p != '\n'))
		return NULL;
	*v = n;
	return p;
}

/* The line of [buf, end) that starts with key, searching from p on:
 * its start, or NULL. Jumps from one occurrence of key's first byte to
 * the next (few: "Uid:" meets "Umask:" first, "VmLck:" two other Vm
 * lines), not from line to line. */
static const char *
status_line(const char *buf, const char *p, const char *end, const char *key,
    size_t klen)
{
	const char *q;

	for (; p < end && (q = memchr(p, key[0], end - p)) != NULL; p = q + 1)
		if ((q == buf || q[-1] == '\n') && (size_t)(end - q) > klen &&
		    memcmp(q, key, klen) == 0)
			return q;
	return NULL;
}

int
proc_parse_euid(const char *buf, size_t len, struct proc_info *pi)
{
	const char *p, *q, *nl, *end = buf + len;
	long long uid, euid, lck;

	/* The kernel's Uid: line follows its TracerPid: line. Name:, the
	 * one line a process chooses, comes first and holds at most 15
	 * bytes (the kernel escapes a newline in it anyway): too few to
	 * forge both lines. Everything after Uid: is the kernel's. */
	if ((q = status_line(buf, buf, end, "TracerPid:", 10)) == NULL ||
	    (nl = memchr(q, '\n', end - q)) == NULL ||
	    end - (q = nl + 1) <= 4 || memcmp(q, "Uid:", 4) != 0 ||
	    (nl = memchr(q + 4, '\n', end - q - 4)) == NULL ||
	    (p = scan_field(q + 4, nl + 1, &uid)) == NULL ||
	    scan_field(p, nl + 1, &euid) == NULL)
		return -1;
	pi->uid = uid;
	pi->euid = euid;
	pi->vmlck = -1;
	if ((q = status_line(buf, nl + 1, end, "VmLck:", 6)) != NULL &&
	    (nl = memchr(q + 6, '\n', end - q - 6)) != NULL &&
	    scan_field(q + 6, nl + 1, &lck) != NULL)
		pi->vmlck = lck;
	return 0;
}

int
proc_read_euid(int procfd, pid_t pid, long owner, struct proc_info *pi)
{
	char path[64], buf[STATUS_MAX];
	struct stat st;
	ssize_t n;

	if (owner < 0) {
		proc_path(path, pid, NULL);
		if (fstatat(procfd, path, &st, 0) == -1) {
			if (errno == ENOENT)
				errno = ESRCH;
			return -1;
		}
		owner = st.st_uid;
	}
	if (owner != 0) {
		pi->euid = owner;
		return 0;
	}
	if ((n = proc_slurp(procfd, pid, "status", buf, sizeof buf)) <= 0) {
		if (n == 0)
			errno = ESRCH;
		return -1;
	}
	if (proc_parse_euid(buf, n, pi) == -1) {
		errno = EINVAL;
		return -1;
	}
	return 1;
}

/* A file went missing after stat was read: the process died, turned
 * into a zombie, or its PID now names someone else. */
static int
proc_recheck(int procfd, pid_t pid, struct proc_info *pi)
{
	unsigned long long start = pi->starttime;
	char buf[STAT_MAX];
	ssize_t n;

	if ((n = proc_slurp(procfd, pid, "stat", buf, sizeof buf)) <= 0 ||
	    proc_parse_stat(buf, n, pi) == -1 || pi->starttime != start) {
		errno = ESRCH;
		return -1;
	}
	return 0;
}

int
proc_read_stat(int procfd, pid_t pid, struct proc_info *pi)
{
	char buf[STAT_MAX];
	ssize_t n = proc_slurp(procfd, pid, "stat", buf, sizeof buf);

	return n <= 0 ? -1 : proc_parse_stat(buf, n, pi);
}

int
proc_read_stat_owner(int procfd, pid_t pid, struct proc_info *pi,
    long *owner)
{
	char buf[STAT_MAX], path[64];
	struct stat st;
	ssize_t n;
	int fd, saved;

	proc_path(path, pid, "stat");
	if ((fd = openat(procfd, path, O_RDONLY | O_CLOEXEC)) == -1) {
		if (errno == ENOENT)
			errno = ESRCH;
		return -1;
	}
	n = read(fd, buf, sizeof buf);
	saved = errno;
	if (n > 0 && proc_parse_stat(buf, n, pi) == -1) {
		saved = EINVAL;
		n = -1;
	}
	/* Every file of /proc/PID has the owner of the directory; a
	 * kernel thread's is root, and so is its uid: no need to ask. */
	*owner = -1;
	if (n > 0 && !(pi->flags & PROC_PF_KTHREAD) && fstat(fd, &st) == 0)
		*owner = st.st_uid;
	close(fd);
	errno = n == 0 ? ESRCH : saved;
	return n <= 0 ? -1 : 0;
}

int
proc_read(int procfd, pid_t pid, struct proc_info *pi)
{
	char buf[STATUS_MAX], path[64];
	ssize_t n;
	int missing = 0;

	memset(pi, 0, sizeof *pi);
	pi->tpgid = -1;
	pi->uid = -1;
	pi->euid = -1;
	pi->umask = -1;
	pi->vmlck = -1;
	pi->nfds = -1;

	if ((n = proc_slurp(procfd, pid, "stat", buf, STAT_MAX)) < 0)
		return -1;
	if (n == 0) {
		errno = ESRCH;      /* reaped between open and read */
		return -1;
	}
	if (proc_parse_stat(buf, n, pi) == -1 || pi->pid != pid) {
		errno = EINVAL;
		return -1;
	}
	if ((n = proc_slurp(procfd, pid, "status", buf, sizeof buf)) >= 0)
		proc_parse_status(buf, n, pi);
	else if (errno == ESRCH)
		return -1;

	snprintf(path, sizeof path, "%ld/cwd", (long)pid);
	if ((n = readlinkat(procfd, path, pi->cwd, sizeof pi->cwd - 1)) >= 0) {
		pi->cwd[n] = '\0';
		pi->cwd_ok = 1;
	} else if (errno == ENOENT)
		missing = 1;        /* a zombie has no cwd; or it is gone */
	if (proc_read_fds(procfd, pid, pi) == -1 && errno == ENOENT)
		missing = 1;
	if (proc_read_cmdline(procfd, pid, pi) == -1 && errno == ESRCH)
		missing = 1;

	if (missing && pi->state != 'Z')
		return proc_recheck(procfd, pid, pi);
	return 0;
}

static int
stat_high(const struct proc_info *pi)
{
	return pi->nice < 0;
}

static int
stat_low(const struct proc_info *pi)
{
	return pi->nice > 0;
}

static int
stat_locked(const struct proc_info *pi)
{
	return pi->vmlck > 0;
}

static int
stat_leader(const struct proc_info *pi)
{
	return pi->sid == pi->pid;
}

static int
stat_threads(const struct proc_info *pi)
{
	return pi->nlwp > 1;
}

static int
stat_foreground(const struct proc_info *pi)
{
	return pi->pgid == pi->tpgid;
}

const char proc_states[] = "RSDTtXZPI";

/* One table drives the column and its glossary (glossary.c), as the
 * keyword table drives the columns. */
const struct proc_stat_flag proc_stat_flags[] = {
	{ '<', stat_high }, { 'N', stat_low }, { 'L', stat_locked },
	{ 's', stat_leader }, { 'l', stat_threads }, { '+', stat_foreground },
	{ 0, NULL },
};

void
proc_stat_string(const struct proc_info *pi, char *buf, size_t size)
{
	char s[8];
	size_t n = 0;
	int i;

	s[n++] = pi->state;
	for (i = 0; proc_stat_flags[i].letter != 0 && n < sizeof s - 1; i++)
		if (proc_stat_flags[i].holds(pi))
			s[n++] = proc_stat_flags[i].letter;
	s[n] = '\0';
	snprintf(buf, size, "%s", s);
}

int
proc_list(int procfd, pid_t *pids, int max)
{
	struct dirent *de;
	DIR *d;
	long pid;
	int fd, n = 0;

	/* A fresh fd each time: readdir() on procfd itself would leave
	 * its offset at the end for the next call. */
	fd = openat(procfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return -1;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if ((pid = name_number(de->d_name)) <= 0)
			continue;
		if (n < max)
			pids[n] = pid;
		n++;
	}
	closedir(d);
	return n;
}
