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
 *
 * Environment: DAEMONLAB_SOCKET (where reports go), DAEMONLAB_PAUSE
 * (continue by itself after SECONDS), DAEMONLAB_INSPECTOR_PID (exit soon
 * after that process is gone). See daemonlab-steps(7).
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

#endif
