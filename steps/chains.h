/* SPDX-License-Identifier: MIT */
/*
 * chains.h - the named chains: the one place they are defined.
 * The inspector, the tests and the docs all take them from here.
 */
#ifndef DAEMONLAB_CHAINS_H
#define DAEMONLAB_CHAINS_H

#define CHAIN_MAX_STEPS 24    /* argv entries: programs and options */

struct chain {
	const char *name;
	const char *title;
	/* Programs, each followed by its options ("--ready"); NULL-ended.
	 * A word that is not a step program (nohup, setsid) is a command
	 * the chain runs under, not a step. */
	const char *argv[CHAIN_MAX_STEPS];
	/* How the shell starts it, as typed after the command at a prompt:
	 * NULL (a foreground job), "&" (a background job), "& disown" (a
	 * background job the shell then forgets) or "^Z disown" (in the
	 * foreground; whoever runs the chain types ^Z on its terminal at
	 * the first pause, and the shell disowns the stopped job). */
	const char *how;
};

extern const struct chain chains[];     /* ends with a NULL name */
/* Launch modes for the hang-up (issue 11): prog &, nohup, disown,
 * setsid(1), and a job stopped and disowned; chain_find() finds them
 * too, chain_names() does not list them. */
extern const struct chain hangup_chains[];

const struct chain *chain_find(const char *name);
/* How many steps (step programs, not options or other commands). */
int chain_length(const struct chain *);
/* The nth step program (from 0), e.g. "step-fork", or NULL. */
const char *chain_step(const struct chain *, int n);
/* Every chain's name, e.g. "sysv, bsd, mistake, ...", for help texts. */
const char *chain_names(const char *sep);
/* The hang-up chains' names, e.g. "bg, nohup, ...". */
const char *chain_hangup_names(const char *sep);

#endif
