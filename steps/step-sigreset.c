/* SPDX-License-Identifier: MIT */
/*
 * step-sigreset - every signal disposition back to its default, and the
 * signal mask emptied (daemon(7), SysV steps 2 and 3): both are inherited
 * through fork and exec from whoever started the daemon.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

/* The names of the signals in set, e.g. " SIGQUIT SIGUSR2". */
static int
names(const sigset_t *set, char *buf, size_t size)
{
	size_t used = 0;
	int sig, n = 0;

	buf[0] = '\0';
	for (sig = 1; sig < NSIG; sig++)
		if (sigismember(set, sig) == 1) {
			const char *abbrev = sigabbrev_np(sig);

			n++;
			if (used >= size)
				continue;
			if (abbrev != NULL)
				used += snprintf(buf + used, size - used,
				    " SIG%s", abbrev);
			else
				used += snprintf(buf + used, size - used,
				    " %d", sig);
		}
	if (n == 0)
		snprintf(buf, size, " none");
	return n;
}

int
main(int argc, char *argv[])
{
	char **next = step_begin("sigreset", "Every signal disposition back to "
	    "SIG_DFL and the signal mask emptied, but for the harness's "
	    "SIGUSR1, SIGTERM and SIGINT.", argc, argv, NULL);
	struct sigaction dfl = { .sa_handler = SIG_DFL }, old;
	sigset_t ignored, blocked, keep;
	char was_ignored[256], was_blocked[256];
	int sig;

	sigemptyset(&ignored);
	sigemptyset(&dfl.sa_mask);
	for (sig = 1; sig < NSIG; sig++) {
		if (sig == SIGKILL || sig == SIGSTOP)
			continue;    /* no disposition of their own */
		if (sigaction(sig, &dfl, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			sigaddset(&ignored, sig);
	}

	/* The harness's control signals stay blocked: across the next exec
	 * an early SIGUSR1 must wait for the pause, not kill the step. */
	sigemptyset(&keep);
	sigaddset(&keep, SIGUSR1);
	sigaddset(&keep, SIGTERM);
	sigaddset(&keep, SIGINT);
	sigprocmask(SIG_SETMASK, &keep, &blocked);
	sigdelset(&blocked, SIGUSR1);
	sigdelset(&blocked, SIGTERM);
	sigdelset(&blocked, SIGINT);

	names(&ignored, was_ignored, sizeof was_ignored);
	names(&blocked, was_blocked, sizeof was_blocked);
	step_pause("sigaction(SIG_DFL) for every signal, then "
	    "sigprocmask(SIG_SETMASK): no longer ignored:%s; no longer "
	    "blocked:%s; SIGUSR1, SIGTERM and SIGINT stay blocked for the "
	    "harness (it waits for them with sigtimedwait)", was_ignored,
	    was_blocked);
	step_next(next);
}
