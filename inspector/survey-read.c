/* SPDX-License-Identifier: MIT */
/*
 * survey-read.c - one look at every process, cheaply.
 *
 * ps -axj reads stat, status and cmdline of every process and more; the
 * survey reads stat always, the owner of /proc/PID (one fstatat) and,
 * only when that says root, status, for the effective uid; cmdline for a
 * process it has not seen, or whose comm changed; and both again at a
 * slow pace (SURVEY_SLOW), since setproctitle() rewrites the command
 * line without an exec and a uid may change without one. A kernel
 * thread has no command line and runs as root: stat alone.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proc.h"
#include "survey.h"

int
survey_open(struct survey *s)
{
	memset(s, 0, sizeof *s);
	s->procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return s->procfd == -1 ? -1 : 0;
}

void
survey_close(struct survey *s)
{
	if (s->procfd > 0)
		close(s->procfd);
	free(s->procs);
	free(s->old);
	free(s->pids);
	memset(s, 0, sizeof *s);
	s->procfd = -1;
}

static int
grow(void **p, int *cap, int want, size_t size)
{
	void *q;
	int n = *cap > 0 ? *cap : 256;

	if (want <= *cap)
		return 0;
	while (n < want)
		n *= 2;
	if ((q = realloc(*p, (size_t)n * size)) == NULL)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

static int
by_pid(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;

	return (x > y) - (x < y);
}

static void
copy_stat(struct survey_proc *p, const struct proc_info *pi)
{
	p->pid = pi->pid;
	p->ppid = pi->ppid;
	p->pgid = pi->pgid;
	p->sid = pi->sid;
	p->tpgid = pi->tpgid;
	p->tty_nr = (unsigned)pi->tty_nr;
	p->flags = pi->flags;
	p->state = pi->state;
	p->nice = pi->nice;
	p->nlwp = pi->nlwp;
	p->starttime = pi->starttime;
	p->cputime = pi->cputime;
	memcpy(p->comm, pi->comm, sizeof p->comm);
}

/* Command line and uid. Returns -1 when the process turned out gone. */
static int
read_slow(struct survey *s, struct survey_proc *p, struct proc_info *pi,
    long owner)
{
	int r;

	p->args_look = s->looks;
	if (p->flags & PROC_PF_KTHREAD) {
		p->euid = 0;        /* kernel threads run with init_cred */
		p->args[0] = '\0';
		p->vmlck = -1;
		return 0;
	}
	s->read_owner++;
	pi->vmlck = -1;
	if ((r = proc_read_euid(s->procfd, p->pid, owner, pi)) >= 0) {
		p->euid = pi->euid;
		p->vmlck = r == 1 ? pi->vmlck : -1;
		s->read_status += r;
	} else if (errno == ESRCH)
		return -1;
	else
		p->euid = -1;
	s->read_args++;
	if (proc_read_args(s->procfd, p->pid, p->args, sizeof p->args) == -1 &&
	    errno == ESRCH)
		return -1;
	return 0;
}

/* One process: 1 kept, 0 gone. old is its row of the last look, or NULL. */
static int
read_one(struct survey *s, pid_t pid, const struct survey_proc *old,
    struct survey_proc *p)
{
	static struct proc_info pi;   /* large: never on the stack */
	long owner = -1;
	int slow;

	/* Command line and uid again: new, exec'd (comm changed), or this
	 * process's turn at the slow pace. */
	slow = old == NULL || old->starttime == 0 ||
	    (old->pid + s->looks) % SURVEY_SLOW == 0;
	s->read_stat++;
	if ((slow ? proc_read_stat_owner(s->procfd, pid, &pi, &owner) :
	    proc_read_stat(s->procfd, pid, &pi)) == -1 || pi.pid != pid)
		return 0;
	if (!slow && old->starttime == pi.starttime &&
	    strcmp(old->comm, pi.comm) == 0) {
		*p = *old;
		copy_stat(p, &pi);
		return 1;
	}
	/* Every field is set below or by the classifier: no memset of
	 * the whole row (a few thousand a look). */
	p->args_look = 0;
	copy_stat(p, &pi);
	if (read_slow(s, p, &pi, owner) == -1) {
		/* Gone, or gone and its PID reused, since stat: recheck. */
		if (proc_read_stat(s->procfd, pid, &pi) == -1 ||
		    pi.starttime != p->starttime)
			return 0;
		copy_stat(p, &pi);  /* a zombie now: keep what it shows */
	}
	return 1;
}

int
survey_look(struct survey *s)
{
	struct survey_proc *tmp;
	int n, i, j = 0, k = 0, tmpcap;

	/* The last look becomes the old one; reuse its rows. */
	tmp = s->old, s->old = s->procs, s->procs = tmp;
	tmpcap = s->capold, s->capold = s->cap, s->cap = tmpcap;
	s->nold = s->n;
	s->n = 0;
	s->looks++;
	s->vanished = s->read_stat = s->read_args = s->read_status =
	    s->read_owner = 0;

	for (;;) {
		n = proc_list(s->procfd, s->pids, s->cap_pids);
		if (n < 0)
			return -1;
		if (n <= s->cap_pids)
			break;
		if (grow((void **)&s->pids, &s->cap_pids, n + 64,
		    sizeof *s->pids) == -1)
			return -1;
	}
	/* /proc lists by PID already; sorting costs little and makes sure. */
	for (i = 1; i < n && s->pids[i - 1] < s->pids[i]; i++)
		;
	if (i < n)
		qsort(s->pids, n, sizeof *s->pids, by_pid);
	if (grow((void **)&s->procs, &s->cap, n, sizeof *s->procs) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		const struct survey_proc *old = NULL;

		while (j < s->nold && s->old[j].pid < s->pids[i])
			j++;
		if (j < s->nold && s->old[j].pid == s->pids[i])
			old = &s->old[j];
		if (read_one(s, s->pids[i], old, &s->procs[k]))
			k++;
		else
			s->vanished++;
	}
	s->n = k;
	survey_classify(s->procs, s->n);
	return 0;
}
