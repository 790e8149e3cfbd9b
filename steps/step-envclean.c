/* SPDX-License-Identifier: MIT */
/*
 * step-envclean - cut the environment to a safe set (daemon(7), SysV step
 * 4): what the daemon's starter happened to have set (LD_PRELOAD, IFS,
 * a stray HOME or TMPDIR) must not change how the daemon behaves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

/* Kept: what the chain itself needs (PATH, by which execvp finds the
 * next step; DAEMONLAB_*; NOTIFY_SOCKET), where its runtime files go
 * (XDG_RUNTIME_DIR), and the locale and time zone. */
static int
safe(const char *entry)
{
	static const char *const names[] = { "PATH=", "NOTIFY_SOCKET=",
	    "XDG_RUNTIME_DIR=", "LANG=", "TZ=" };
	static const char *const prefixes[] = { "DAEMONLAB_", "LC_" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strncmp(entry, names[i], strlen(names[i])) == 0)
			return 1;
	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (strncmp(entry, prefixes[i], strlen(prefixes[i])) == 0 &&
		    strchr(entry, '=') != NULL)
			return 1;
	return 0;
}

int
main(int argc, char *argv[])
{
	char **next = step_begin("envclean", "Cut the environment to PATH, "
	    "DAEMONLAB_*, NOTIFY_SOCKET, XDG_RUNTIME_DIR, LANG, LC_* and TZ.",
	    argc, argv, NULL);
	extern char **environ;
	char **kept, removed[256];
	size_t n = 0, used = 0, i, count = 0;

	while (environ[n] != NULL)
		n++;
	if ((kept = calloc(n + 1, sizeof *kept)) == NULL)
		step_fail(STEP_EXIT_FAILED, "out of memory");
	removed[0] = '\0';
	for (i = 0, n = 0; environ[i] != NULL; i++) {
		if (safe(environ[i])) {
			kept[n++] = environ[i];
			continue;
		}
		count++;
		if (used < sizeof removed)
			used += snprintf(removed + used, sizeof removed - used,
			    " %.*s", (int)strcspn(environ[i], "="), environ[i]);
	}
	/* clearenv() drops the list, not the strings it pointed to. */
	clearenv();
	for (i = 0; i < n; i++)
		putenv(kept[i]);

	step_pause("environ cut to %zu safe variables; removed %zu:%s. "
	    "/proc/%ld/environ still shows the old list (the kernel's copy "
	    "from exec); the next step's shows the new one", n, count,
	    count ? removed : " none", (long)getpid());
	step_next(next);
}
