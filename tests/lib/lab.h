/* SPDX-License-Identifier: MIT */
/*
 * lab.h - what the tests share.
 *
 * A lab is one test's world: a temporary folder, a socket that receives
 * the steps' reports (the inspector's side of the protocol), a pty with a
 * shell-like session leader that runs a command as a foreground job, and a
 * tag in the environment of every process it starts, so that the test can
 * prove none is left when it ends. The test process is a child subreaper:
 * orphans of the chain come to it, and it reaps them.
 */
#ifndef DAEMONLAB_LAB_H
#define DAEMONLAB_LAB_H

#include <check.h>
#include <sys/types.h>

#include "launcher.h"
#include "protocol.h"

struct lab {
	char   dir[64];            /* mkdtemp(3) folder */
	char   sock_path[108];
	int    sock;               /* receives reports, with SO_PASSCRED */
	int    master;             /* pty master, -1 before lab_shell/spawn */
	int    hangup;             /* the slave side is closed */
	dev_t  tty;                /* the pty's device number, as in stat */
	pid_t  shell;              /* session leader that owns the pty */
	char   tag[64];            /* DAEMONLAB_TEST_TAG value */
	char   out[32768];         /* everything the pty printed */
	size_t outlen;
	enum launch_how how;       /* lab_shell: foreground (0), or as a chain
	                            * of chains.c says (launch_how_of()) */
	/* The shell's event=reaped reports (launcher.h): how its job ended.
	 * Kept here, never returned by lab_next(). */
	struct { pid_t pid; int status; } collected[8];
	int    ncollected;
};

struct report {
	struct proto_msg m;
	pid_t sender;              /* from the kernel (SCM_CREDENTIALS) */
};

#define LAB_FORGOTTEN_FD LAUNCH_FORGOTTEN_FD

void  lab_init(struct lab *);
/* Runs argv as a foreground job of a shell on a pty (job control as an
 * interactive shell does it). env adds NAME=VALUE entries (NULL-ended). */
void  lab_shell(struct lab *, char *const argv[], char *const env[]);
/* Runs argv directly as our child, leading a session on a pty. */
pid_t lab_spawn(struct lab *, char *const argv[], char *const env[]);
/* Next valid report, draining the pty meanwhile; 0 on timeout. */
int   lab_next(struct lab *, struct report *, int timeout_ms);
/* The wait status the shell reported for pid, reading the reports that
 * have come meanwhile (others are dropped); -1 when none. */
int   lab_collected(struct lab *, pid_t);
/* Waits for our child pid to end; its wait status, or -1 on timeout. */
int   lab_wait(struct lab *, pid_t, int timeout_ms);
/* Reads the pty for a while (so late output is in lab->out). */
void  lab_drain(struct lab *, int ms);
/* Kills and reaps everything the lab started; returns how many processes
 * carrying its tag, or children of ours, were still there afterwards. */
int   lab_finish(struct lab *);
/* Counts the lab's processes alive now (zombies of ours included). */
int   lab_count(const struct lab *);

/* CLOCK_MONOTONIC in milliseconds, for the tests' deadlines. */
long  lab_now_ms(void);

/* Runs a suite and returns how many tests failed. Check ends a failed
 * test with _exit(), past lab_finish() and any atexit handler: the runner
 * is a child subreaper, so what such a test left comes to it, and it
 * kills and reaps all of it at the end. It speaks TAP on standard output
 * (the test programs are meson tests with protocol 'tap'), one line per
 * test, named TCASE/TEST; Check's own summary is silenced. */
int   lab_run(Suite *);
/* Ends the running test as skipped ("ok N name # SKIP reason"): a test
 * that cannot run here says so, and why, instead of passing. */
void  lab_skip(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));
/* Skips the running test unless program is in PATH (e.g. "ps"). */
void  lab_need_program(const char *program);

/* Builds argv for a named chain; "step-opentty" gets extra, if any. */
char **lab_chain_argv(const char *chain, const char *opentty_option);

#endif
