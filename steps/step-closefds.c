/* SPDX-License-Identifier: MIT */
/* step-closefds - close every descriptor it inherited (APUE 13.3, rule 5). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "harness.h"

#define MAX_KEEP 8

/* Lists the open descriptors, for the report, before they are gone:
 * "0 1 2 5", or "none". */
static int
list_open(char *buf, size_t size)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	size_t used = 0;
	int n = 0;

	snprintf(buf, size, "none");
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || atoi(e->d_name) == dirfd(d))
			continue;
		if (used < size)
			used += snprintf(buf + used, size - used, "%s%s",
			    n > 0 ? " " : "", e->d_name);
		n++;
	}
	closedir(d);
	return n;
}

static int
by_number(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Closes every descriptor from lo to hi: close_range(), or before Linux
 * 5.9 one close() per number up to the descriptor limit. */
static const char *
close_from_to(unsigned lo, unsigned hi)
{
	struct rlimit rl;
	unsigned fd;

	if (close_range(lo, hi, 0) == 0)
		return NULL;
	getrlimit(RLIMIT_NOFILE, &rl);
	for (fd = lo; fd <= hi && fd < rl.rlim_cur; fd++)
		close((int)fd);
	return "close() up to RLIMIT_NOFILE";
}

int
main(int argc, char *argv[])
{
	int keep_stdio = 0;
	const struct step_option options[] = {
		{ "keep-stdio", NULL, &keep_stdio, "keep 0, 1 and 2, as "
		  "daemon(7) step 1 does: close only from 3 up" },
		{ NULL, NULL, NULL, NULL },
	};
	char **next = step_begin("closefds", "close_range(0, ~0U, 0): close "
	    "every inherited descriptor, 0, 1 and 2 included, but those the "
	    "chain names (DAEMONLAB_READY_FD, DAEMONLAB_PIDFILE_FD).",
	    argc, argv, options);
	char fds[256], kept_list[64] = "";
	int count = list_open(fds, sizeof fds);
	int keep[MAX_KEEP], nkeep = 0, fd, i;
	unsigned lo = 0;
	const char *how = NULL, *fallback;

	if (keep_stdio)
		for (fd = 0; fd <= 2; fd++)
			keep[nkeep++] = fd;
	/* Kept by name, never by accident: the readiness pipe and the
	 * locked PID file, which closing would release. */
	if ((fd = step_env_fd("DAEMONLAB_READY_FD")) != -1)
		keep[nkeep++] = fd;
	if ((fd = step_env_fd("DAEMONLAB_PIDFILE_FD")) != -1)
		keep[nkeep++] = fd;
	qsort(keep, nkeep, sizeof keep[0], by_number);
	for (i = 0; i < nkeep; i++)
		snprintf(kept_list + strlen(kept_list), sizeof kept_list -
		    strlen(kept_list), " %d", keep[i]);

	step_note("closing %s %d descriptors (%s)%s%s%s", nkeep ? "the" :
	    "all", count, fds, nkeep ? ", keeping" : "",
	    kept_list, keep_stdio ? "" : "; from here on this chain cannot "
	    "print on this terminal: watch it with ps");
	for (i = 0; i < nkeep; i++) {
		if ((unsigned)keep[i] > lo &&
		    (fallback = close_from_to(lo, keep[i] - 1)) != NULL)
			how = fallback;
		lo = keep[i] + 1;
	}
	if ((fallback = close_from_to(lo, ~0U)) != NULL)
		how = fallback;
	if (nkeep == 0)
		step_pause("%s: closed %d descriptors (%s); none is open now",
		    how ? how : "close_range(0, ~0U, 0)", count, fds);
	else
		step_pause("%s: closed the descriptors open before (%s) but%s, "
		    "which the chain keeps", how ? how : "close_range()",
		    fds, kept_list);
	step_next(next);
}
