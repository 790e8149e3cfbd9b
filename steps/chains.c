/* SPDX-License-Identifier: MIT */
/*
 * chains.c - the named chains: System V double fork, BSD single fork, the
 * classic mistake, daemon(7)'s SysV checklist, a new-style service, and
 * the everyday ways of leaving something running at logout (the hangup
 * lesson; TLPI 34.6.1).
 * The build takes its list of step programs from here (steps/meson.build).
 */
#include <stdio.h>
#include <string.h>

#include "chains.h"

const struct chain chains[] = {
	{ "sysv", "System V: the double fork (APUE 13.3)",
	  { "step-start", "step-umask", "step-fork", "step-setsid",
	    "step-fork", "step-chdir", "step-closefds", "step-devnull",
	    "step-opentty", NULL }, NULL },
	{ "bsd", "BSD daemon(3): a single fork",
	  { "step-start", "step-umask", "step-fork", "step-setsid",
	    "step-chdir", "step-closefds", "step-devnull", "step-opentty",
	    NULL }, NULL },
	{ "mistake", "The classic mistake: setsid() without a fork first",
	  { "step-start", "step-setsid", NULL }, NULL },
	/* daemon(7), "SysV Daemons", steps 1-15 in its order; the first
	 * parent waits for readiness (steps 14 and 15). */
	{ "daemon7", "daemon(7): the SysV checklist, readiness to the parent",
	  { "step-start", "step-closefds", "--keep-stdio", "step-sigreset",
	    "step-envclean", "step-fork", "--ready", "step-setsid",
	    "step-fork", "step-devnull", "step-umask", "step-chdir",
	    "step-pidfile", "step-dropprivs", "step-syslog", "step-notify",
	    "step-serve", NULL }, NULL },
	{ "newstyle", "daemon(7): a new-style daemon, no fork at all",
	  { "step-start", "step-notify", "step-serve", NULL }, NULL },
	{ NULL, NULL, { NULL }, NULL },
};

/* hang-up chains (issue 11), after the daemonization chains and apart
 * from them: steps/meson.build reads chain names only above this line
 * (each daemonization chain has its transcripts); these are launch
 * modes for the hang-up, `H` and --logout. */
const struct chain hangup_chains[] = {
	/* Issue 11: the everyday alternatives, each hung up the same way.
	 * "prog" is step-start, which pauses until it is continued. */
	{ "bg", "prog &: a background job",
	  { "step-start", NULL }, "&" },
	{ "nohup", "nohup prog &: SIGHUP ignored, output to nohup.out",
	  { "nohup", "step-start", NULL }, "&" },
	{ "disown", "prog & disown: no longer a job of the shell",
	  { "step-start", NULL }, "& disown" },
	{ "setsid1", "setsid prog: setsid(1) forks, then setsid() and exec",
	  { "setsid", "step-start", NULL }, NULL },
	/* A group orphaned while a member is stopped (kill_orphaned_pgrp()):
	 * the job is stopped by ^Z, which whoever runs the chain types on
	 * its terminal at the first pause, and the shell disowns it. */
	{ "stopped", "prog, ^Z, disown: stopped when its group is orphaned",
	  { "step-start", NULL }, "^Z disown" },
	{ "nohup-stopped", "nohup prog, ^Z, disown: SIGHUP ignored, SIGCONT "
	  "seen", { "nohup", "step-start", NULL }, "^Z disown" },
	{ NULL, NULL, { NULL }, NULL },
};

const struct chain *
chain_find(const char *name)
{
	const struct chain *c;

	for (c = chains; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	for (c = hangup_chains; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Options ("--ready") belong to the step before them; nohup and
 * setsid are commands a chain runs under, not steps. (Not spelled as
 * one string: steps/meson.build reads this file for step names.) */
static int
is_step(const char *arg)
{
	return strncmp(arg, "step", 4) == 0 && arg[4] == '-';
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

static const char *
names_of(const struct chain *table, const char *sep, char *buf, size_t size)
{
	const struct chain *c;
	size_t used = 0;

	buf[0] = '\0';
	for (c = table; c->name != NULL && used < size; c++)
		used += snprintf(buf + used, size - used, "%s%s",
		    c == table ? "" : sep, c->name);
	return buf;
}

const char *
chain_names(const char *sep)
{
	static char buf[256];

	return names_of(chains, sep, buf, sizeof buf);
}

const char *
chain_hangup_names(const char *sep)
{
	static char buf[256];

	return names_of(hangup_chains, sep, buf, sizeof buf);
}
