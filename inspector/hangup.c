/* SPDX-License-Identifier: MIT */
/* hangup.c - close the run's terminal; who died of SIGHUP, who lived. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "escape.h"
#include "hangup.h"
#include "run.h"
#include "text.h"

/* SIGHUP's bit in the hexadecimal masks of /proc/PID/status. */
static int
status_has_sighup(const char *buf, const char *key)
{
	const char *p = strstr(buf, key);

	if (p == NULL)
		return 0;
	return (strtoull(p + strlen(key), NULL, 16) >> (SIGHUP - 1)) & 1;
}

static void
read_dispositions(int procfd, struct hangup_proc *h)
{
	char path[32], buf[4096];
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "%d/status", (int)h->pid);
	if ((fd = openat(procfd, path, O_RDONLY | O_CLOEXEC)) == -1)
		return;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	h->ignores = status_has_sighup(buf, "\nSigIgn:");
	h->catches = status_has_sighup(buf, "\nSigCgt:");
	h->blocks = status_has_sighup(buf, "\nSigBlk:");
}

/* The living members' stat, as the rules need it. */
struct seen {
	struct proc_info p;
	int idx;                /* in hangup.v, or -1 */
};

static const struct seen *
seen_find(const struct seen *s, int n, pid_t pid)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i].p.pid == pid)
			return &s[i];
	return NULL;
}

/* Would the shell's exit orphan group pgid, which has a stopped member?
 * (POSIX: orphaned when no member has a parent in another group of the
 * same session; the shell is such a parent until it exits.) */
static int
orphaned_by_shell(const struct seen *s, int n, pid_t pgid, pid_t shell)
{
	const struct seen *parent;
	int i, via_shell = 0, other_link = 0, stopped = 0;

	for (i = 0; i < n; i++) {
		if (s[i].p.pgid != pgid)
			continue;
		stopped |= s[i].p.state == 'T';
		if (s[i].p.ppid == shell)
			via_shell = 1;
		else if ((parent = seen_find(s, n, s[i].p.ppid)) != NULL &&
		    parent->p.sid == s[i].p.sid && parent->p.pgid != pgid)
			other_link = 1;
	}
	return via_shell && !other_link && stopped;
}

int
hangup_now(struct run *r)
{
	struct hangup *h = &r->hangup;
	struct seen *s;
	const struct seen *shell;
	pid_t job = 0;
	int i, n = 0;

	if (h->done || r->launch.master < 0)
		return -1;
	members_discover(&r->members);
	if ((s = calloc(r->members.n + 1, sizeof *s)) == NULL)
		return -1;
	for (i = 0; i < r->members.n; i++) {
		const struct member *e = &r->members.v[i];

		if (e->alive && proc_read_stat(r->story.procfd, e->pid,
		    &s[n].p) == 0 && s[n].p.starttime == e->start &&
		    s[n].p.state != 'Z')
			s[n++].idx = -1;
	}
	shell = seen_find(s, n, r->launch.shell);
	/* The shell's job: its child's group, unless disowned (at once,
	 * or as it stopped). */
	for (i = 0; shell != NULL && i < n; i++)
		if (s[i].p.ppid == shell->p.pid &&
		    r->launch.how != LAUNCH_DISOWN &&
		    !(r->launch.how == LAUNCH_STOP_DISOWN &&
		    s[i].p.state == 'T'))
			job = s[i].p.pgid;
	memset(h->v, 0, sizeof h->v);
	h->n = 0;
	for (i = 0; i < n && h->n < HANGUP_MAX; i++) {
		const struct proc_info *p = &s[i].p;
		struct hangup_proc *hp = &h->v[h->n++];
		int ctty = r->launch.tty != 0 && p->tty_nr == r->launch.tty;

		hp->pid = p->pid;
		hp->start = p->starttime;
		hp->state = p->state;
		snprintf(hp->comm, sizeof hp->comm, "%s", p->comm);
		if (ctty && p->pid == p->sid)
			hp->rules |= HUP_CONTROLLING;
		else if (ctty && p->tpgid == p->pgid)
			hp->rules |= HUP_FOREGROUND;
		if (job != 0 && p->pgid == job)
			hp->rules |= HUP_JOB;
		if (shell != NULL && p->sid == shell->p.sid &&
		    p->pgid != shell->p.pgid &&
		    orphaned_by_shell(s, n, p->pgid, shell->p.pid))
			hp->rules |= HUP_ORPHANED;
		hp->none = p->tty_nr == 0 ? HUP_NONE_NO_TTY : !ctty ?
		    HUP_NONE_OTHER_TTY : HUP_NONE_BACKGROUND;
		read_dispositions(r->story.procfd, hp);
	}
	free(s);
	h->after = r->steps_seen;
	/* The inspector holds the only descriptor of the master: closing
	 * it hangs the terminal up, as a terminal emulator or sshd does. */
	run_output(r);
	close(r->launch.master);
	r->launch.master = -1;
	h->when_ms = clock_ms();
	h->done = 1;
	r->scan_due = 1;
	run_term_say(r, text_say(T_HUP_TERM));
	snprintf(r->lesson, sizeof r->lesson, "hangup");
	return 0;
}

static const struct member *
member_of(struct run *r, const struct hangup_proc *hp)
{
	const struct member *e = members_find(&r->members, hp->pid);

	return e != NULL && e->start == hp->start ? e : NULL;
}

/* The reasons, joined: "a; b". */
static void
reasons(const struct hangup_proc *hp, char *buf, size_t size)
{
	static const struct { unsigned bit; enum text_id id; } rule[] = {
		{ HUP_CONTROLLING, T_HUP_R_CONTROLLING },
		{ HUP_FOREGROUND, T_HUP_R_FOREGROUND },
		{ HUP_JOB, T_HUP_R_JOB },
		{ HUP_ORPHANED, T_HUP_R_ORPHANED },
	};
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof rule / sizeof rule[0]; i++)
		if ((hp->rules & rule[i].bit) && used < size)
			used += snprintf(buf + used, size - used, "%s%s",
			    used ? "; " : "", text_say(rule[i].id));
}

static void describe_alive(struct run *, const struct hangup_proc *,
    const char *, const char *, char *);

static void
describe(struct run *r, const struct hangup_proc *hp, char *out)
{
	const struct member *e = member_of(r, hp);
	char name[96], why[HANGUP_LEN], how[64], sig[32];
	const char *by;
	int st;

	escape_str(hp->comm, strlen(hp->comm), name, sizeof name);
	reasons(hp, why, sizeof why);
	if (e != NULL && e->reaped) {
		st = e->status;
		by = text_say(e->by_shell ? T_HUP_BY_SHELL : T_HUP_BY_US);
		if (WIFSIGNALED(st) && WTERMSIG(st) == SIGHUP) {
			snprintf(out, HANGUP_LEN, text_say(T_HUP_DIED),
			    (int)hp->pid, name, by, why[0] ? why :
			    text_say(T_HUP_R_UNKNOWN));
			return;
		}
		if (WIFSIGNALED(st)) {
			snprintf(sig, sizeof sig, "SIG%s",
			    sigabbrev_np(WTERMSIG(st)) ?
			    sigabbrev_np(WTERMSIG(st)) : "?");
			snprintf(how, sizeof how, text_say(T_HUP_SIGNAL), sig);
		} else
			snprintf(how, sizeof how, text_say(T_HUP_EXIT),
			    WEXITSTATUS(st));
		snprintf(out, HANGUP_LEN, text_say(T_HUP_ENDED), (int)hp->pid,
		    name, how, by, why[0] ? why : text_say(hp->none ==
		    HUP_NONE_NO_TTY ? T_HUP_N_NO_TTY : hp->none ==
		    HUP_NONE_OTHER_TTY ? T_HUP_N_OTHER_TTY :
		    T_HUP_N_BACKGROUND));
		return;
	}
	if (e == NULL || !e->alive) {
		snprintf(out, HANGUP_LEN, text_say(T_HUP_UNSEEN), (int)hp->pid,
		    name);
		return;
	}
	if (clock_ms() - r->hangup.when_ms < HANGUP_SETTLE_MS) {
		snprintf(out, HANGUP_LEN, text_say(T_HUP_WATCHING),
		    (int)hp->pid, name);
		return;
	}
	describe_alive(r, hp, name, why, out);
}

/* A survivor: what the rules say, and the one signal a survivor shows,
 * SIGCONT to a stopped process (T at the hang-up, running now). */
static void
describe_alive(struct run *r, const struct hangup_proc *hp,
    const char *name, const char *why, char *out)
{
	struct proc_info p;
	size_t used;

	if (hp->rules != 0 && !hp->ignores && !hp->blocks && !hp->catches)
		snprintf(out, HANGUP_LEN, text_say(T_HUP_LIVES), (int)hp->pid,
		    name, why);
	else if (hp->rules != 0)
		snprintf(out, HANGUP_LEN, text_say(T_HUP_LIVES_SENT),
		    (int)hp->pid, name, text_say(hp->ignores ? T_HUP_H_IGNORES :
		    hp->blocks ? T_HUP_H_BLOCKS : T_HUP_H_CATCHES), why);
	else
		snprintf(out, HANGUP_LEN, text_say(T_HUP_LIVES), (int)hp->pid,
		    name, text_say(hp->none == HUP_NONE_NO_TTY ?
		    T_HUP_N_NO_TTY : hp->none == HUP_NONE_OTHER_TTY ?
		    T_HUP_N_OTHER_TTY : T_HUP_N_BACKGROUND));
	if (hp->state == 'T' && proc_read_stat(r->story.procfd, hp->pid,
	    &p) == 0 && p.starttime == hp->start && p.state != 'T' &&
	    (used = strlen(out)) < HANGUP_LEN)
		snprintf(out + used, HANGUP_LEN - used, "%s",
		    text_say(T_HUP_CONTINUED));
}

int
hangup_describe(struct run *r, char out[][HANGUP_LEN], int max)
{
	int i, n = 0;

	members_reap_check(&r->members);
	for (i = 0; i < r->hangup.n && n < max; i++)
		describe(r, &r->hangup.v[i], out[n++]);
	return n;
}

int
hangup_settled(struct run *r)
{
	const struct member *e;
	int i;

	members_reap_check(&r->members);
	for (i = 0; i < r->hangup.n; i++) {
		e = member_of(r, &r->hangup.v[i]);
		if (e != NULL && !e->alive && !e->reaped)
			return 0;       /* its status is on its way */
		if (e != NULL && e->alive &&
		    clock_ms() - r->hangup.when_ms < HANGUP_SETTLE_MS)
			return 0;
	}
	return 1;
}

/* Every member but the shell and the paused step has ended, and the
 * run holds its wait status. */
static int
quiet(struct run *r)
{
	struct proc_info p;
	int i;

	members_reap_check(&r->members);
	if (r->paused <= 0)
		return 0;
	for (i = 1; i < r->members.n; i++) {
		const struct member *e = &r->members.v[i];

		if (e->pid == r->paused)
			continue;
		if (!e->alive && !e->reaped)
			return 0;
		if (e->alive && proc_read_stat(r->story.procfd, e->pid,
		    &p) == 0 && p.starttime == e->start)
			return 0;
	}
	return 1;
}

int
hangup_ask(struct run *r)
{
	if (r->hangup.asked || r->hangup.done || r->launch.master < 0)
		return -1;
	r->hangup.asked = 1;
	r->hangup.asked_ms = clock_ms();
	return 0;
}

int
hangup_poll(struct run *r)
{
	if (!r->hangup.asked || r->hangup.done)
		return 0;
	if (!quiet(r) && clock_ms() - r->hangup.asked_ms < HANGUP_QUIET_MS)
		return 0;
	return hangup_now(r) == 0;
}
