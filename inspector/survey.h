/* SPDX-License-Identifier: MIT */
/*
 * survey.h - every process on the machine, as the seed's `ps -axj` shows
 * them, each with its kind and the fields that decided it, and the
 * seed's claims checked on this machine.
 *
 *   survey-read.c   one look at the machine, cheaply: survey_look()
 *   survey-kind.c   kinds and claims: a pure function of one look
 *   survey-print.c  the rows and claims as text (--survey --once)
 *   survey-view.c   the live ncurses view
 *
 * The story (one run) and the survey (everything, once) share only the
 * /proc reader (proc.c) and the column names (columns.c).
 */
#ifndef DAEMONLAB_SURVEY_H
#define DAEMONLAB_SURVEY_H

#include <stddef.h>
#include <sys/types.h>

enum survey_kind {
	SK_KTHREAD, SK_INIT, SK_MANAGER, SK_DAEMON_LEADER, SK_DAEMON_FORKED,
	SK_WORKER, SK_SHELL, SK_FOREGROUND, SK_BACKGROUND, SK_ORPHANED,
	SK_ZOMBIE, SK_UNKNOWN, SURVEY_NKINDS
};

struct survey_proc {
	pid_t    pid, ppid, pgid, sid, tpgid;
	unsigned tty_nr;        /* 0: no controlling terminal */
	unsigned flags;         /* stat field 9: PF_KTHREAD */
	char     state;
	int      nice, nlwp;
	long     vmlck;         /* kB; -1 unknown (status not read) */
	long     euid;          /* effective uid; -1 unknown */
	unsigned long long starttime, cputime;
	char     comm[64];      /* raw: escape to print */
	char     args[192];     /* raw, arguments joined; "" none */

	/* The reader's: the look that last read args and uid. */
	unsigned args_look;

	/* The classifier's (survey_classify). */
	enum survey_kind kind;
	int      parent;        /* index of the parent in the look; -1 */
	int      adopted;       /* SK_MANAGER: children in a session that
	                         * neither they nor it lead (orphans) */
	int      led;           /* SK_MANAGER: children without a terminal
	                         * that lead sessions of their own */
	int      in_session;    /* processes in its session */
	int      in_group;      /* processes in its group */
};

struct survey {
	int      procfd;
	struct survey_proc *procs;      /* by PID, ascending */
	int      n, cap;
	struct survey_proc *old;        /* the previous look, for reuse */
	int      nold, capold;
	pid_t   *pids;
	int      cap_pids;
	unsigned looks;
	int      vanished;      /* went away between listing and reading */
	/* Cost of the last look, for the benchmarks and daemonlab(1). */
	int      read_stat, read_args, read_status, read_owner;
};

/* Reread command line and uid of a process seen before at every
 * SURVEY_SLOW-th look (spread over the looks by PID), and at once when
 * its comm changed (an exec) or its PID names a new process. */
#define SURVEY_SLOW 8

int   survey_open(struct survey *);
void  survey_close(struct survey *);
/* One look at the machine: every process in /proc, stat each time, the
 * rest only where it may have changed (see SURVEY_SLOW). A process
 * that vanishes mid-look is left out. Then classifies. 0, or -1. */
int   survey_look(struct survey *);

/* The kinds of every process of a look: pure, no /proc. */
void  survey_classify(struct survey_proc *, int n);
/* Index of pid in a look sorted by PID, or -1. */
int   survey_find(const struct survey_proc *, int n, pid_t pid);

/* The seed's claims, counted over one classified look. Daemons here:
 * user-level processes (no PF_KTHREAD) without a controlling terminal,
 * PID 1 and zombies aside. */
#define SURVEY_TOP 3
struct survey_summary {
	int total, kinds[SURVEY_NKINDS];
	int ppid0, ppid0_kthreads;          /* "PPID 0: kernel processes" */
	pid_t ppid0_user[SURVEY_TOP];       /* the exceptions */
	int kthreads, kthreads_plain;       /* root, no tty, no args */
	int init_found, init_kthread;
	pid_t init_pgid, init_sid;
	int daemons;
	int daemons_root;                   /* effective uid 0 */
	long other_uid[SURVEY_TOP];
	int other_uid_n[SURVEY_TOP];
	int leaders;                        /* lead their session and group */
	int not_leading[SURVEY_NKINDS];     /* the others, by kind */
	int alone;                          /* leaders alone in both */
	pid_t crowded[SURVEY_TOP];          /* leaders with company */
	int under_init;                     /* parent is PID 1 */
	pid_t other_parent[SURVEY_TOP];
	int other_parent_n[SURVEY_TOP];
};

void  survey_summarize(const struct survey_proc *, int n,
    struct survey_summary *);

/* Rows to show, as indexes into the look: flat (by PID, as ps -axj) or
 * tree (as ps -axjf: each process under its parent, depth in depth[]);
 * only kind filter, or all with filter -1. Returns how many. */
int   survey_order(const struct survey_proc *, int n, int tree, int filter,
    int *order, int *depth);

/* Text: the COMMAND cell (args, or [comm] for a kernel thread, "[comm]
 * <defunct>" for a zombie), escaped, with the tree's indentation. */
void  survey_command(const struct survey_proc *, int depth, char *buf,
    size_t size);
/* The TTY cell as ps prints it, cached by device. */
const char *survey_tty(int procfd, const struct survey_proc *);
/* STAT as proc_stat_string() writes it (ps -o stat), without a struct
 * proc_info: the survey keeps less. s holds 8 bytes; returns its length. */
int         survey_stat(const struct survey_proc *, char *s);
/* The TIME cell: cumulative CPU time, M:SS, as ps -axj. */
void  survey_time(const struct survey_proc *, char *buf, size_t size);
/* The kind's explanation, with this process's facts filled in. */
void  survey_why(const struct survey_proc *, const struct survey_proc *all,
    int n, char *buf, size_t size);
/* The facts line: every field the classifier read. */
void  survey_facts(const struct survey_proc *, const struct survey_proc *all,
    int n, char *buf, size_t size);
/* One line per claim, in the current language; returns how many. */
int   survey_claims(const struct survey_proc *, int n,
    const struct survey_summary *, char lines[][512], int max);
/* --survey --once: the table (flat or tree) and the claims on stdout. */
int   survey_print(struct survey *, int tree);

#endif
