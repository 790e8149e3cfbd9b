/* SPDX-License-Identifier: MIT */
/* facts.c - read one process's state from /proc, for the tests. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "facts.h"

static int
slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd == -1)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

int
facts_read(pid_t pid, struct facts *f)
{
	char path[64], buf[4096], *p, *q;
	struct dirent *e;
	DIR *d;
	ssize_t n;

	memset(f, 0, sizeof *f);
	f->umask = -1;
	snprintf(path, sizeof path, "/proc/%d/stat", pid);
	if (slurp(path, buf, sizeof buf) == -1)
		return -1;
	if ((p = strchr(buf, '(')) == NULL || (q = strrchr(buf, ')')) == NULL)
		return -1;
	snprintf(f->comm, sizeof f->comm, "%.*s", (int)(q - p - 1), p + 1);
	if (sscanf(q + 2, "%c %d %d %d %u %d", &f->state, &f->ppid, &f->pgid,
	    &f->sid, &f->tty_nr, &f->tpgid) != 6)
		return -1;
	f->pid = pid;

	snprintf(path, sizeof path, "/proc/%d/status", pid);
	if (slurp(path, buf, sizeof buf) == 0 &&
	    (p = strstr(buf, "\nUmask:")) != NULL)
		f->umask = (int)strtol(p + 7, NULL, 8);

	snprintf(path, sizeof path, "/proc/%d/cwd", pid);
	if ((n = readlink(path, f->cwd, sizeof f->cwd - 1)) > 0)
		f->cwd[n] = '\0';

	snprintf(path, sizeof path, "/proc/%d/fd", pid);
	if ((d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL && f->nfds < FACTS_MAX_FDS) {
			char link[400];

			if (e->d_name[0] == '.')
				continue;
			f->fd[f->nfds] = atoi(e->d_name);
			snprintf(link, sizeof link, "%s/%s", path, e->d_name);
			n = readlink(link, f->target[f->nfds],
			    sizeof f->target[0] - 1);
			f->target[f->nfds][n > 0 ? n : 0] = '\0';
			f->nfds++;
		}
		closedir(d);
	}
	return 0;
}

int
facts_read_paused(pid_t pid, struct facts *f)
{
	char path[64], buf[256];
	int i;

	snprintf(path, sizeof path, "/proc/%d/syscall", pid);
	for (i = 0; i < 200; i++) {
		if (slurp(path, buf, sizeof buf) == -1)
			return -1;
		if (atoi(buf) == SYS_rt_sigtimedwait)
			break;
		usleep(10000);
	}
	return facts_read(pid, f);
}

const char *
facts_fd(const struct facts *f, int fd)
{
	int i;

	for (i = 0; i < f->nfds; i++)
		if (f->fd[i] == fd)
			return f->target[i];
	return NULL;
}

int
facts_read_brief(pid_t pid, struct facts_brief *m)
{
	char path[64], buf[4096], *p;
	FILE *f;
	size_t n;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	if ((p = strrchr(buf, ')')) == NULL ||
	    sscanf(p + 2, "%c %d %d %d %u %d %u", &m->state, &m->ppid,
	    &m->pgid, &m->sid, &m->tty, &m->tpgid, &m->flags) != 7)
		return -1;
	m->pid = pid;
	m->euid = -1;
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) != NULL) {
		while (fgets(buf, sizeof buf, f) != NULL)
			if (sscanf(buf, "Uid: %*d %ld", &m->euid) == 1)
				break;
		fclose(f);
	}
	return 0;
}
