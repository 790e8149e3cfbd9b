/* SPDX-License-Identifier: MIT */
/*
 * story.h - the processes in the story and what each step changed.
 *
 * A story starts from seeds (the launcher's shell, or PIDs to attach to)
 * and follows their descendants: children, orphans the inspector adopts
 * as a subreaper, and members of a session or group that a process in
 * the story leads (which catches a double fork that happened between two
 * looks). A process that exits keeps its row, greyed, with its last values.
 *
 * Each row keeps two looks: now, and mark, its look at the previous step.
 * What a step changed is mark against now. The focus is the process the
 * story is about at this step; a forked child inherits its parent's mark,
 * so that a fork shows as a change of PID, PPID and group leadership.
 */
#ifndef DAEMONLAB_STORY_H
#define DAEMONLAB_STORY_H

#include "members.h"
#include "proc.h"

#define STORY_MAX_ROWS 24

/* One look at a process, with the names the table shows for it. */
struct look {
	struct proc_info p;
	char ppid_label[48];    /* "1 init", "3412 daemonlab (subreaper)" */
	char ppid_brief[48];    /* for a narrow table: "3412 (subreaper)" */
	char tty[24];           /* as ps -o tty prints it */
	/* Once it has exited: the wait status, if the run collected it
	 * (members_reaped); STAT then shows that, never its last state. */
	int  status;
	int  status_known;
};

enum row_role { ROLE_SHELL, ROLE_CHAIN, ROLE_ATTACHED };

struct row {
	struct look now;
	struct look mark;       /* at the previous step */
	int  has_mark;
	int  exited;            /* gone: now holds its last values */
	enum row_role role;
};

struct story {
	int        procfd;      /* open("/proc", O_DIRECTORY) */
	pid_t      self;        /* the inspector: never a row */
	struct row rows[STORY_MAX_ROWS];
	int        nrows;
	int        full;        /* more processes than rows: some not shown */
	int        hidden;      /* living members without a row */
	pid_t      focus;       /* the process the story is at; 0: none yet */
	pid_t      subreapers[8];
	int        nsubreapers;
	/* A launched run's members: the rows are drawn from them. NULL
	 * for attached processes, whose descendants the story finds
	 * itself (and then every orphan we adopt as a subreaper). */
	struct members *members;
};

int   story_init(struct story *);
void  story_free(struct story *);
struct row *story_add(struct story *, pid_t, enum row_role);
struct row *story_find(struct story *, pid_t);
/* Reads every row again and adds the descendants found since. */
void  story_refresh(struct story *);
/* A step is about to run: every row's mark becomes its look now. */
void  story_mark(struct story *);
/* A step has run at pid, which becomes the focus. A process first seen
 * since the mark starts unchanged, except a forked child: parent, if not
 * 0, is the process pid was forked from, and the child's mark is the
 * parent's, so the fork shows as a change of PID, PPID and so on. */
void  story_step(struct story *, pid_t pid, pid_t parent);
/* For attached processes: rows whose look changed since the last call
 * get a new mark, as if a step had happened; returns how many. */
int   story_watch(struct story *);
/* The words of an exited process's STAT: "exit 0", "SIGHUP", or the
 * word for gone when nobody told us its status. */
void  story_exit_words(const struct look *, char *buf, size_t size);
/* Remembers that pid adopts orphans (PR_SET_CHILD_SUBREAPER). */
void  story_subreaper(struct story *, pid_t);
int   story_alive(const struct story *);

#endif
