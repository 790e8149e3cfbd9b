/* step-closefds - close every descriptor it inherited (APUE 13.3, rule 5). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "harness.h"

/* Lists the open descriptors, for the report, before they are gone. */
static int
list_open(char *buf, size_t size)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	size_t used = 0;
	int n = 0;

	buf[0] = '\0';
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || atoi(e->d_name) == dirfd(d))
			continue;
		n++;
		if (used < size)
			used += snprintf(buf + used, size - used, " %s",
			    e->d_name);
	}
	closedir(d);
	return n;
}

int
main(int argc, char *argv[])
{
	char **next = step_begin("closefds", "close_range(0, ~0U, 0): close "
	    "every inherited descriptor, 0, 1 and 2 included.",
	    argc, argv, NULL);
	char fds[256];
	int count = list_open(fds, sizeof fds);
	const char *how = "close_range(0, ~0U, 0)";

	step_note("closing all %d descriptors (%s); from here on this chain "
	    "cannot print on this terminal: watch it with ps, continue with "
	    "kill -USR1 %ld", count, fds + 1, (long)getpid());
	if (close_range(0, ~0U, 0) == -1) {
		/* Before Linux 5.9: every number up to the descriptor limit. */
		struct rlimit rl;
		int fd;

		how = "close() up to RLIMIT_NOFILE";
		getrlimit(RLIMIT_NOFILE, &rl);
		for (fd = 0; fd < (int)rl.rlim_cur; fd++)
			close(fd);
	}
	step_pause("%s: closed %d descriptors (%s); none is open now",
	    how, count, fds + 1);
	step_next(next);
}
