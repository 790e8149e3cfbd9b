/* SPDX-License-Identifier: MIT */
/*
 * chains.c - the named chains: System V double fork, BSD single fork, the
 * classic mistake, daemon(7)'s SysV checklist, and a new-style service.
 * The build takes its list of step programs from here (steps/meson.build).
 */
#include <stdio.h>
#include <string.h>

#include "chains.h"

const struct chain chains[] = {
	{ "sysv", "System V: the double fork (APUE 13.3)",
	  { "step-start", "step-umask", "step-fork", "step-setsid",
	    "step-fork", "step-chdir", "step-closefds", "step-devnull",
	    "step-opentty", NULL } },
	{ "bsd", "BSD daemon(3): a single fork",
	  { "step-start", "step-umask", "step-fork", "step-setsid",
	    "step-chdir", "step-closefds", "step-devnull", "step-opentty",
	    NULL } },
	{ "mistake", "The classic mistake: setsid() without a fork first",
	  { "step-start", "step-setsid", NULL } },
	/* daemon(7), "SysV Daemons", steps 1-15 in its order; the first
	 * parent waits for readiness (steps 14 and 15). */
	{ "daemon7", "daemon(7): the SysV checklist, readiness to the parent",
	  { "step-start", "step-closefds", "--keep-stdio", "step-sigreset",
	    "step-envclean", "step-fork", "--ready", "step-setsid",
	    "step-fork", "step-devnull", "step-umask", "step-chdir",
	    "step-pidfile", "step-dropprivs", "step-syslog", "step-notify",
	    "step-serve", NULL } },
	{ "newstyle", "daemon(7): a new-style daemon, no fork at all",
	  { "step-start", "step-notify", "step-serve", NULL } },
	{ NULL, NULL, { NULL } },
};

const struct chain *
chain_find(const char *name)
{
	const struct chain *c;

	for (c = chains; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Options ("--ready") belong to the step before them. */
static int
is_step(const char *arg)
{
	return strncmp(arg, "--", 2) != 0;
}

int
chain_length(const struct chain *c)
{
	int i, n = 0;

	for (i = 0; c->argv[i] != NULL; i++)
		n += is_step(c->argv[i]);
	return n;
}

const char *
chain_step(const struct chain *c, int n)
{
	int i;

	for (i = 0; c->argv[i] != NULL; i++)
		if (is_step(c->argv[i]) && n-- == 0)
			return c->argv[i];
	return NULL;
}

const char *
chain_names(const char *sep)
{
	static char buf[256];
	const struct chain *c;
	size_t used = 0;

	buf[0] = '\0';
	for (c = chains; c->name != NULL && used < sizeof buf; c++)
		used += snprintf(buf + used, sizeof buf - used, "%s%s",
		    c == chains ? "" : sep, c->name);
	return buf;
}
