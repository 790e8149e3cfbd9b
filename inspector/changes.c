/* SPDX-License-Identifier: MIT */
/* changes.c - the difference of two looks, in sentences a class can read. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "changes.h"
#include "columns.h"
#include "text.h"

struct sentences {
	char (*out)[CHANGE_LEN];
	int max, n;
};

/* The sentence is looked up in the table of the chosen language; the
 * tables keep the same conversions in the same order (tests/unit). */
static void
say(struct sentences *s, enum text_id id, ...)
{
	va_list ap;

	if (s->n == s->max)
		return;
	va_start(ap, id);
	vsnprintf(s->out[s->n++], CHANGE_LEN, text_say(id), ap);
	va_end(ap);
}

static const char *
target(const struct proc_info *p, int fd)
{
	int i;

	for (i = 0; i < p->nfds && i < PROC_MAX_FDS; i++)
		if (p->fds[i].fd == fd)
			return p->fds[i].target;
	return NULL;
}

/* "fd 0 1 2 5 closed", "fd 3 opened: ptmx". */
static void
describe_fds(struct sentences *s, const struct proc_info *a,
    const struct proc_info *b)
{
	char closed[CHANGE_LEN] = "", opened[CHANGE_LEN] = "", name[64];
	size_t lc = 0, lo = 0;
	int i, nclosed = 0;

	if (a->nfds < 0 || b->nfds < 0)
		return;
	for (i = 0; i < a->nfds && i < PROC_MAX_FDS; i++)
		if (target(b, a->fds[i].fd) == NULL && lc < sizeof closed) {
			lc += snprintf(closed + lc, sizeof closed - lc, " %d",
			    a->fds[i].fd);
			nclosed++;
		}
	for (i = 0; i < b->nfds && i < PROC_MAX_FDS; i++) {
		const char *was = target(a, b->fds[i].fd);

		if ((was == NULL || strcmp(was, b->fds[i].target) != 0) &&
		    lo < sizeof opened) {
			columns_fd_short(b->fds[i].target, name, sizeof name);
			lo += snprintf(opened + lo, sizeof opened - lo, "%s%d %s",
			    lo ? ", " : "", b->fds[i].fd, name);
		}
	}
	if (b->nfds == 0 && a->nfds > 0)
		say(s, T_CH_FDS_ALL_CLOSED, a->nfds, closed + 1);
	else if (nclosed > 0)
		say(s, T_CH_FDS_CLOSED, closed);
	if (*opened != '\0')
		say(s, T_CH_FDS_OPEN, opened);
}

/* The launcher's shell forks a job that is "shell" until it execs the
 * command: how a shell starts every job, not a step of the command. */
static int
job_starts(const struct look *a)
{
	const char *name = strchr(a->ppid_label, ' ');

	return strcmp(a->p.comm, "shell") == 0 && name != NULL &&
	    strcmp(name + 1, "shell") == 0;
}

int
changes_describe(const struct look *a, const struct look *b,
    char out[][CHANGE_LEN], int max)
{
	struct sentences s = { out, max, 0 };
	const struct proc_info *p = &a->p, *q = &b->p;
	unsigned changed = columns_changed(a, b);

	/* A zombie has no umask, cwd or descriptors left to compare: its
	 * one news is that it died. One already reaped is no zombie: the
	 * caller says it exited. */
	if (q->exited)
		return s.n;
	if (q->state == 'Z' && p->state != 'Z') {
		say(&s, T_CH_ZOMBIE);
		return s.n;
	}

	/* The parent may live on: step-fork --ready waits for the daemon
	 * (the child's PPID is then still the parent). */
	if (p->pid != q->pid)
		say(&s, q->ppid == p->pid ? T_CH_PID_FORK_WAITS :
		    T_CH_PID_FORK, (int)p->pid, (int)q->pid);
	if (changed & 1u << COL_PPID) {
		if (q->ppid == 1)
			say(&s, T_CH_PPID_INIT, (int)p->ppid);
		else if (strstr(b->ppid_label, "(subreaper)") != NULL)
			say(&s, T_CH_PPID_SUBREAPER, (int)p->ppid,
			    b->ppid_label);
		else
			say(&s, T_CH_PPID, a->ppid_label, b->ppid_label);
	}
	if (p->pgid != q->pgid && q->pgid == q->pid)
		say(&s, T_CH_PGID_LEADER, (int)p->pgid, (int)q->pgid);
	else if (p->pgid != q->pgid)
		say(&s, T_CH_PGID, (int)p->pgid, (int)q->pgid);
	else if (p->pid == p->pgid && q->pid != q->pgid)
		say(&s, T_CH_NOT_GROUP_LEADER, (int)q->pid, (int)q->pgid);
	if (p->sid != q->sid && q->sid == q->pid)
		say(&s, T_CH_SID_LEADER, (int)p->sid, (int)q->sid);
	else if (p->sid != q->sid)
		say(&s, T_CH_SID, (int)p->sid, (int)q->sid);
	else if (p->pid == p->sid && q->pid != q->sid)
		say(&s, T_CH_NOT_SESSION_LEADER, (int)q->pid, (int)q->sid);
	if (changed & 1u << COL_TTY) {
		if (q->tty_nr == 0)
			say(&s, T_CH_TTY_LOST, a->tty);
		else if (p->tty_nr == 0)
			say(&s, T_CH_TTY_ACQUIRED, b->tty);
		else
			say(&s, T_CH_TTY, a->tty, b->tty);
	} else if (p->tpgid != q->tpgid && q->tty_nr != 0) {
		if (q->tpgid == q->pgid)
			say(&s, T_CH_TPGID_FG, (int)p->tpgid, (int)q->tpgid);
		else
			say(&s, T_CH_TPGID_BG, (int)p->tpgid, (int)q->tpgid);
	}
	if (p->umask > 0 && q->umask == 0)
		say(&s, T_CH_UMASK_ZERO, (unsigned)p->umask);
	else if (changed & 1u << COL_UMASK) {
		char was[16], now[16];

		columns[COL_UMASK].format(a, was, sizeof was);
		columns[COL_UMASK].format(b, now, sizeof now);
		say(&s, T_CH_UMASK, was, now);
	}
	if (changed & 1u << COL_UID)
		say(&s, T_CH_UID, p->uid, q->uid);
	if (changed & 1u << COL_CWD) {
		char was[CHANGE_LEN / 2 - 64], now[CHANGE_LEN / 2 - 64];

		columns[COL_CWD].format(a, was, sizeof was);
		columns[COL_CWD].format(b, now, sizeof now);
		say(&s, strcmp(now, "/") == 0 ? T_CH_CWD_ROOT : T_CH_CWD, was,
		    now);
	}
	describe_fds(&s, p, q);
	if (changed & 1u << COL_COMMAND) {
		char was[64], now[64];

		columns[COL_COMMAND].format(a, was, sizeof was);
		columns[COL_COMMAND].format(b, now, sizeof now);
		if (p->pid == q->pid && job_starts(a))
			say(&s, T_JOB_EXEC, was, now);
		else
			say(&s, p->pid == q->pid ? T_CH_COMMAND_EXEC :
			    T_CH_COMMAND, was, now);
	}
	return s.n;
}
