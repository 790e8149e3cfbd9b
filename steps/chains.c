/* chains.c - System V double fork, BSD single fork, and the classic mistake. */
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

int
chain_length(const struct chain *c)
{
	int n = 0;

	while (c->argv[n] != NULL)
		n++;
	return n;
}
