/* SPDX-License-Identifier: MIT */
/*
 * harness.h - what every step program shares.
 *
 * A step's main() makes its one system call in plain sight; the harness
 * does the rest:
 *
 *   step_begin()  parse options, check the environment, block the
 *                 continue/stop signals so an early one waits for us
 *   step_note()   a human line on stderr, while stderr is a terminal
 *   step_pause()  report "paused", wait for SIGUSR1 (or time out)
 *   step_fail()   report "error", end the chain
 *   step_next()   exec the rest of the command line, or end as the daemon
 *   step_ready()  tell the original process, waiting on the readiness
 *                 pipe (step-fork --ready), that the daemon is ready
 *   step_serve_wait()  the daemon's working life: wait for a signal
 *
 * Environment: DAEMONLAB_SOCKET (where reports go), DAEMONLAB_PAUSE
 * (continue by itself after SECONDS), DAEMONLAB_INSPECTOR_PID (exit soon
 * after that process is gone), DAEMONLAB_READY_FD (the write end of the
 * readiness pipe), DAEMONLAB_PIDFILE and DAEMONLAB_PIDFILE_FD (the PID
 * file and its locked descriptor). See daemonlab-steps(7).
 */
#ifndef DAEMONLAB_HARNESS_H
#define DAEMONLAB_HARNESS_H

#include <stddef.h>
#include <sys/types.h>

/* How a chain can end; the last step's status is the chain's. */
#define STEP_EXIT_OK        0    /* the daemon was continued at the end */
#define STEP_EXIT_FAILED    1    /* the step's system call failed */
#define STEP_EXIT_USAGE     2    /* a bad option or environment value */
#define STEP_EXIT_IDLE      3    /* nobody continued it for STEP_IDLE_LIMIT */
#define STEP_EXIT_GONE      4    /* its inspector went away */
#define STEP_EXIT_NOEXEC    126  /* the next program cannot be run */
#define STEP_EXIT_NOTFOUND  127  /* the next program does not exist */
/* ...and 128 + N when ended by SIGTERM or SIGINT, as a shell reports it. */

/* With neither DAEMONLAB_PAUSE nor DAEMONLAB_INSPECTOR_PID, a paused step
 * gives up after this long, so a forgotten demo leaves no daemon behind. */
#define STEP_IDLE_LIMIT     (15 * 60)

/* One option of a step: --NAME, or --NAME=VALUE when value is non-NULL. */
struct step_option {
	const char  *name;
	const char **value;     /* set to the argument, for --NAME=VALUE */
	int         *flag;      /* set to 1, for a plain --NAME */
	const char  *help;
};

/* Returns the rest of argv: the next program and its arguments. */
char **step_begin(const char *step, const char *summary, int argc,
    char *argv[], const struct step_option *options);

void step_note(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
void step_pause(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
void step_forked(pid_t child, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void step_fail(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void step_next(char **next);
/* Reports "exit" with the text and exits 0: a daemon that was told to
 * stop and did so cleanly. */
_Noreturn void step_stopped(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* The descriptor an environment variable names (DAEMONLAB_READY_FD,
 * DAEMONLAB_PIDFILE_FD), when it is set, a number, and open; else -1. */
int  step_env_fd(const char *name);
/* Writes "ready" to the readiness pipe, if there is one, and closes it;
 * 1 when there was one. step_fail() writes the failure there instead. */
int  step_ready(void);
/* Waits, as a serving daemon, for SIGHUP, SIGTERM, SIGINT or SIGUSR1 and
 * returns which; DAEMONLAB_PAUSE does not end it, but a gone inspector
 * or STEP_IDLE_LIMIT without any signal does (exit 4 or 3). */
int  step_serve_wait(void);
/* Reports "paused" without waiting: the serving daemon's report, before
 * each step_serve_wait(). */
void step_serving(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

#endif
