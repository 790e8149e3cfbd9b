/* changes.c - the difference of two looks, in sentences a class can read. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "changes.h"
#include "columns.h"

struct sentences {
	char (*out)[CHANGE_LEN];
	int max, n;
};

static void
say(struct sentences *s, const char *fmt, ...)
{
	va_list ap;

	if (s->n == s->max)
		return;
	va_start(ap, fmt);
	vsnprintf(s->out[s->n++], CHANGE_LEN, fmt, ap);
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
		say(s, "FDS: all %d descriptors closed (%s), "
		    "even 0, 1 and 2", a->nfds, closed + 1);
	else if (nclosed > 0)
		say(s, "FDS: descriptors%s closed", closed);
	if (*opened != '\0')
		say(s, "FDS: now open: %s", opened);
}

int
changes_describe(const struct look *a, const struct look *b,
    char out[][CHANGE_LEN], int max)
{
	struct sentences s = { out, max, 0 };
	const struct proc_info *p = &a->p, *q = &b->p;
	unsigned changed = columns_changed(a, b);

	/* A zombie has no umask, cwd or descriptors left to compare: its
	 * one news is that it died. */
	if (q->state == 'Z' && p->state != 'Z') {
		say(&s, "STAT Z: it exited, but its parent has not reaped it "
		    "yet (a zombie)");
		return s.n;
	}

	if (p->pid != q->pid)
		say(&s, "PID %d → %d: a new process (fork); the parent exited, "
		    "the child goes on", (int)p->pid, (int)q->pid);
	if (changed & 1u << COL_PPID) {
		if (q->ppid == 1)
			say(&s, "PPID %d → 1: its parent exited and init "
			    "adopted it", (int)p->ppid);
		else if (strstr(b->ppid_label, "(subreaper)") != NULL)
			say(&s, "PPID %d → %s: its parent exited; a child "
			    "subreaper adopted it, not init", (int)p->ppid,
			    b->ppid_label);
		else
			say(&s, "PPID %s → %s", a->ppid_label, b->ppid_label);
	}
	if (p->pgid != q->pgid && q->pgid == q->pid)
		say(&s, "PGID %d → %d: it leads a new process group",
		    (int)p->pgid, (int)q->pgid);
	else if (p->pgid != q->pgid)
		say(&s, "PGID %d → %d", (int)p->pgid, (int)q->pgid);
	else if (p->pid == p->pgid && q->pid != q->pgid)
		say(&s, "PID %d ≠ PGID %d: no longer a group leader, so "
		    "setsid() can succeed", (int)q->pid, (int)q->pgid);
	if (p->sid != q->sid && q->sid == q->pid)
		say(&s, "SID %d → %d: it leads a new session", (int)p->sid,
		    (int)q->sid);
	else if (p->sid != q->sid)
		say(&s, "SID %d → %d", (int)p->sid, (int)q->sid);
	else if (p->pid == p->sid && q->pid != q->sid)
		say(&s, "PID %d ≠ SID %d: not a session leader, so it can "
		    "never acquire a controlling terminal", (int)q->pid,
		    (int)q->sid);
	if (changed & 1u << COL_TTY) {
		if (q->tty_nr == 0)
			say(&s, "TTY %s → ?: it has no controlling terminal "
			    "any more", a->tty);
		else if (p->tty_nr == 0)
			say(&s, "TTY ? → %s: it acquired a controlling "
			    "terminal", b->tty);
		else
			say(&s, "TTY %s → %s", a->tty, b->tty);
	} else if (p->tpgid != q->tpgid && q->tty_nr != 0) {
		if (q->tpgid == q->pgid)
			say(&s, "TPGID %d → %d: its group has the terminal "
			    "(foreground)", (int)p->tpgid, (int)q->tpgid);
		else
			say(&s, "TPGID %d → %d: another group has the terminal; "
			    "this one is in the background", (int)p->tpgid,
			    (int)q->tpgid);
	}
	if (p->umask > 0 && q->umask == 0)
		say(&s, "UMASK %04o → 0000: what it creates gets exactly the "
		    "mode it asks for", (unsigned)p->umask);
	else if (changed & 1u << COL_UMASK) {
		char was[16], now[16];

		columns[COL_UMASK].format(a, was, sizeof was);
		columns[COL_UMASK].format(b, now, sizeof now);
		say(&s, "UMASK %s → %s", was, now);
	}
	if (changed & 1u << COL_UID)
		say(&s, "UID %ld → %ld", p->uid, q->uid);
	if (changed & 1u << COL_CWD) {
		char was[256], now[256];

		columns[COL_CWD].format(a, was, sizeof was);
		columns[COL_CWD].format(b, now, sizeof now);
		say(&s, "CWD %s → %s%s", was, now, strcmp(now, "/") == 0 ?
		    ": it keeps no mounted file system busy" : "");
	}
	describe_fds(&s, p, q);
	if (changed & 1u << COL_COMMAND) {
		char was[64], now[64];

		columns[COL_COMMAND].format(a, was, sizeof was);
		columns[COL_COMMAND].format(b, now, sizeof now);
		say(&s, "COMMAND %s → %s%s", was, now, p->pid == q->pid ?
		    ": exec ran a new program in the same process" : "");
	}
	return s.n;
}
