/*
 * chains.h - the named chains: the one place they are defined.
 * The inspector, the tests and the docs all take them from here.
 */
#ifndef DAEMONLAB_CHAINS_H
#define DAEMONLAB_CHAINS_H

#define CHAIN_MAX_STEPS 16

struct chain {
	const char *name;
	const char *title;
	const char *argv[CHAIN_MAX_STEPS];    /* NULL-terminated */
};

extern const struct chain chains[];     /* ends with a NULL name */

const struct chain *chain_find(const char *name);
int chain_length(const struct chain *);

#endif
