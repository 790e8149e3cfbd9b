/* SPDX-License-Identifier: MIT */
/* members.c - prove a process belongs to the run; signal it by pidfd. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "members.h"
#include "proc.h"

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

/* glibc wraps pidfd_send_signal only from 2.36: call the kernel. */
int
pidfd_signal(int pidfd, int sig)
{
	return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, 0);
}

static int no_pidfds;    /* the kernel has none (before Linux 5.3) */

int
pidfd_for(int procfd, pid_t pid, unsigned long long start)
{
	struct proc_info p;
	int fd, saved;

	if ((fd = (int)syscall(SYS_pidfd_open, pid, 0)) == -1) {
		no_pidfds = errno == ENOSYS;
		return -1;
	}
	/* The pidfd names whoever has the PID now: it is ours only if
	 * that process started when ours did. */
	if (proc_read_stat(procfd, pid, &p) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	if (p.starttime != start) {
		close(fd);
		errno = ESRCH;
		return -1;
	}
	return fd;
}

void
members_init(struct members *m, int procfd, pid_t self)
{
	memset(m, 0, sizeof *m);
	m->procfd = procfd;
	m->self = self;
	m->primary = 1;
}

void
members_free(struct members *m)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].pidfd >= 0)
			close(m->v[i].pidfd);
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}

struct member *
members_find(const struct members *m, pid_t pid)
{
	int i;

	/* Newest first: a PID reused within the run is the later member. */
	for (i = m->n - 1; i >= 0; i--)
		if (m->v[i].pid == pid)
			return &m->v[i];
	return NULL;
}

struct member *
members_add(struct members *m, pid_t pid, unsigned long long start)
{
	struct member *e = members_find(m, pid), *grown;
	struct proc_info p;
	int fd;

	if (e != NULL && e->start == start)
		return e;
	if ((fd = pidfd_for(m->procfd, pid, start)) == -1) {
		/* Without pidfds (before Linux 5.3) the start time alone
		 * proves it; signals then reach only unreaped children. */
		if (errno != ENOSYS || proc_read_stat(m->procfd, pid, &p) == -1 ||
		    p.starttime != start)
			return NULL;
	}
	if (m->n == m->cap) {
		int cap = m->cap ? m->cap * 2 : 16;

		if ((grown = realloc(m->v, cap * sizeof *grown)) == NULL) {
			if (fd >= 0)
				close(fd);
			return NULL;
		}
		m->v = grown;
		m->cap = cap;
	}
	e = &m->v[m->n++];
	memset(e, 0, sizeof *e);
	e->pid = pid;
	e->start = start;
	e->pidfd = fd;
	e->alive = 1;
	if (proc_read_stat(m->procfd, pid, &p) == 0) {
		e->sid = p.sid;
		e->pgid = p.pgid;
	}
	if (fd >= 0 && m->hold != NULL)
		m->hold(fd, pid, start);
	return e;
}

/* A living member of m that leads or shares this session or group. */
static int
shares(const struct members *m, const struct proc_info *p)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].alive && (m->v[i].sid == p->sid ||
		    m->v[i].pgid == p->pgid))
			return 1;
	return 0;
}

static pid_t ignored[4];

/* Our own helpers (the watchdog) are children of ours but of no run. */
void
members_ignore(pid_t pid)
{
	size_t i;

	for (i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
		if (ignored[i] == 0) {
			ignored[i] = pid;
			return;
		}
}

static int
is_ignored(pid_t pid)
{
	size_t i;

	for (i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
		if (ignored[i] == pid)
			return 1;
	return 0;
}

static int
claims(const struct members *m, const struct proc_info *p)
{
	const struct member *parent = members_find(m, p->ppid);
	const struct member *other;

	/* A child of a living member, born after it. */
	if (parent != NULL && parent->alive && parent->start <= p->starttime)
		return 1;
	if (p->ppid != m->self || p->pid == m->self || is_ignored(p->pid))
		return 0;
	/* An orphan came to us, the subreaper: whose is it? */
	if (m->rival == NULL)
		return 1;
	other = members_find(m->rival, p->pid);
	if (other != NULL && other->start == p->starttime)
		return 0;
	if (shares(m, p))
		return 1;
	if (shares(m->rival, p))
		return 0;
	return m->primary;
}

int
members_discover(struct members *m)
{
	static pid_t *pids;
	static int max;
	struct proc_info p;
	struct member *e;
	int i, n, added, total = 0;

	members_reap_check(m);
	do {
		added = 0;
		while ((n = proc_list(m->procfd, pids, max)) > max) {
			pid_t *grown = realloc(pids, (n + 256) * sizeof *pids);

			if (grown == NULL)
				return total;
			pids = grown;
			max = n + 256;
		}
		for (i = 0; i < n; i++) {
			if (pids[i] == m->self ||
			    proc_read_stat(m->procfd, pids[i], &p) == -1)
				continue;
			if ((e = members_find(m, pids[i])) != NULL &&
			    e->start == p.starttime) {
				e->sid = p.sid;
				e->pgid = p.pgid;
				continue;
			}
			if (claims(m, &p) && members_add(m, pids[i],
			    p.starttime) != NULL)
				added++;
		}
		total += added;
	} while (added > 0);    /* a child listed before its parent */
	return total;
}

/* A dead member's pidfd is kept only while we may still reap it (it is
 * our zombie): a command that forks all day must not run us out of
 * descriptors. */
static void
forget_pidfd(struct member *e)
{
	siginfo_t si;

	if (e->pidfd < 0)
		return;
	memset(&si, 0, sizeof si);
	if (!e->reaped && waitid(P_PIDFD, (id_t)e->pidfd, &si,
	    WEXITED | WNOHANG | WNOWAIT) == 0)
		return;                 /* our child, a zombie: reap it first */
	close(e->pidfd);
	e->pidfd = -1;
}

int
members_reap_check(struct members *m)
{
	struct proc_info p;
	struct pollfd pfd;
	int i, ended = 0;

	for (i = 0; i < m->n; i++) {
		struct member *e = &m->v[i];

		if (!e->alive)
			continue;
		if (e->pidfd >= 0) {
			/* A pidfd turns readable when its process exits. */
			pfd = (struct pollfd){ e->pidfd, POLLIN, 0 };
			if (poll(&pfd, 1, 0) == 0)
				continue;
		} else if (proc_read_stat(m->procfd, e->pid, &p) == 0 &&
		    p.starttime == e->start && p.state != 'Z') {
			continue;
		}
		e->alive = 0;
		ended++;
		forget_pidfd(e);
	}
	return ended;
}

int
members_signal(struct members *m, struct member *e, int sig)
{
	struct proc_info p;

	if (!e->alive && sig != 0) {
		errno = ESRCH;
		return -1;
	}
	if (e->pidfd >= 0)
		return pidfd_signal(e->pidfd, sig);
	/* No pidfds: only a child not yet reaped keeps its PID for sure. */
	if (proc_read_stat(m->procfd, e->pid, &p) == 0 &&
	    p.starttime == e->start && p.ppid == m->self)
		return kill(e->pid, sig);
	errno = EPERM;
	return -1;
}

int
members_signal_all(struct members *m, int sig)
{
	int i, reached = 0;

	for (i = 0; i < m->n; i++)
		if (m->v[i].alive && members_signal(m, &m->v[i], sig) == 0)
			reached++;
	return reached;
}

/* Living members from index first on. */
static int
alive_from(struct members *m, int first)
{
	int i, n = 0;

	members_reap_check(m);
	for (i = first; i < m->n; i++)
		n += m->v[i].alive;
	return n;
}

int
members_alive(struct members *m)
{
	return alive_from(m, 0);
}

int
members_reaped(struct members *m, pid_t pid, int status)
{
	struct member *e = members_find(m, pid);

	if (e == NULL || e->reaped)
		return 0;
	e->reaped = 1;
	e->alive = 0;
	e->status = status;
	forget_pidfd(e);
	return 1;
}

int
members_collected(struct members *m, pid_t pid, unsigned long long start,
    int status)
{
	struct member *e = members_find(m, pid);

	if (e == NULL || e->start != start || e->reaped)
		return 0;
	e->reaped = 1;
	e->by_shell = 1;
	e->alive = 0;
	e->status = status;
	forget_pidfd(e);
	return 1;
}

/* Reaps the members that are our children, by pidfd where we can, so
 * a PID reused by another child of ours is never taken for one. */
void
members_reap_own(struct members *m)
{
	siginfo_t si;
	int i, status;

	for (i = 0; i < m->n; i++) {
		struct member *e = &m->v[i];

		if (e->reaped)
			continue;
		memset(&si, 0, sizeof si);
		if (e->pidfd >= 0) {
			if (waitid(P_PIDFD, (id_t)e->pidfd, &si,
			    WEXITED | WNOHANG) == -1 || si.si_pid == 0)
				continue;
			status = si.si_code == CLD_EXITED ?
			    W_EXITCODE(si.si_status, 0) :
			    W_EXITCODE(0, si.si_status);
		} else if (!no_pidfds || waitpid(e->pid, &status, WNOHANG) <= 0) {
			continue;       /* its pidfd is closed: not our child */
		}
		members_reaped(m, e->pid, status);
	}
}

void
members_end(struct members *m, int grace_ms)
{
	long deadline, next_look;
	int round;

	members_discover(m);
	/* SIGTERM first: a paused step ends cleanly and reports. */
	members_signal_all(m, SIGTERM);
	deadline = clock_ms() + grace_ms;
	next_look = clock_ms() + 100;
	/* All but the first member, the run's shell: like an interactive
	 * bash it ignores SIGTERM, and it ends last. */
	while (alive_from(m, 1) > 0 && clock_ms() < deadline) {
		usleep(5000);
		members_reap_own(m);
		if (clock_ms() >= next_look) {
			members_discover(m);
			next_look = clock_ms() + 100;
		}
	}
	/* Whatever is left, and whatever it forks meanwhile: its orphans
	 * come to us, so each look finds them until none is left. */
	for (round = 0; round < 200; round++) {
		members_discover(m);
		if (members_signal_all(m, SIGKILL) == 0)
			break;
		usleep(5000);
		members_reap_own(m);
	}
	members_reap_own(m);
}
