/* SPDX-License-Identifier: MIT */
/* logout.c - the everyday alternatives hung up one by one, summed up. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "chains.h"
#include "clock.h"
#include "columns.h"
#include "escape.h"
#include "logout.h"
#include "run.h"
#include "text.h"
#include "tty.h"

#define LOGOUT_LIMIT_MS 20000     /* a run that takes longer is broken */

static const struct {
	const char *chain;
	enum text_id as;            /* as typed at the prompt */
} alternatives[] = {
	{ "bg", T_LOGOUT_BG }, { "nohup", T_LOGOUT_NOHUP },
	{ "disown", T_LOGOUT_DISOWN }, { "setsid1", T_LOGOUT_SETSID },
	{ "sysv", T_LOGOUT_DAEMON },
};

/* The run, continued to its last pause, hung up, settled; the PID of
 * the program at the hang-up, or -1. */
static pid_t
walk_to_hangup(struct run *r)
{
	struct pollfd fds[2];
	long deadline = clock_ms() + LOGOUT_LIMIT_MS;
	pid_t pid, program = -1;
	int status;

	while (clock_ms() < deadline) {
		fds[0] = (struct pollfd){ r->sock, POLLIN, 0 };
		fds[1] = (struct pollfd){ r->launch.master, POLLIN, 0 };
		poll(fds, 2, 50);
		run_output(r);
		if (run_reports(r, 16) == 0)
			run_look(r);
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			run_reaped(r, pid, status);
		if (!r->hangup.asked && r->paused > 0) {
			if (r->steps_seen < chain_length(r->chain)) {
				run_next(r);
			} else {
				program = r->paused;
				hangup_ask(r);
			}
		}
		hangup_poll(r);
		if (r->hangup.done && hangup_settled(r))
			return program;
	}
	return -1;
}

/* "0 /dev/null, 1 nohup.out, 2 nohup.out" */
static void
fds_text(const struct proc_info *p, char *buf, size_t size)
{
	char shown[300], escaped[1200];
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < p->nfds && i < PROC_MAX_FDS && used < size; i++) {
		if (p->fds[i].fd > 2)
			continue;
		columns_fd_short(p->fds[i].target, shown, sizeof shown);
		escape_str(shown, strlen(shown), escaped, sizeof escaped);
		used += snprintf(buf + used, size - used, "%s%d %s",
		    used ? ", " : "", p->fds[i].fd, escaped);
	}
	if (buf[0] == '\0')
		snprintf(buf, size, "%s", text_say(T_FDS_NONE));
}

static void
say_outcome(struct run *r, pid_t program)
{
	const struct member *e = members_find(&r->members, program);
	pid_t login = r->launch.shell;
	struct proc_info p;
	char fds[1024], cwd[2048], how[64], tty[24];

	if (e != NULL && e->reaped) {
		if (WIFSIGNALED(e->status) && WTERMSIG(e->status) == SIGHUP)
			snprintf(how, sizeof how, "%s", text_say(T_LOGOUT_DIED));
		else if (WIFSIGNALED(e->status))
			snprintf(how, sizeof how, text_say(T_HUP_SIGNAL),
			    strsignal(WTERMSIG(e->status)));
		else
			snprintf(how, sizeof how, text_say(T_HUP_EXIT),
			    WEXITSTATUS(e->status));
		printf("  %s\n", how);
		return;
	}
	if (e == NULL || !e->alive ||
	    proc_read(r->story.procfd, program, &p) == -1 ||
	    p.starttime != e->start) {
		printf("  %s\n", text_say(T_LOGOUT_UNSEEN));
		return;
	}
	fds_text(&p, fds, sizeof fds);
	tty_name_pid(r->story.procfd, program, p.tty_nr, tty, sizeof tty);
	escape_str(p.cwd, strlen(p.cwd), cwd, sizeof cwd);
	printf("  ");
	printf(text_say(T_LOGOUT_LIVES), text_say(p.sid == login ?
	    T_LOGOUT_LOGIN : T_LOGOUT_OWN), (int)p.sid, tty, fds,
	    p.cwd_ok ? cwd : "?");
	printf("\n");
}

int
logout_print(const char *steps_dir, const char *base)
{
	static struct run r;
	const struct chain *c;
	char err[256];
	size_t i;
	pid_t program;
	int failed = 0;

	printf("%s\n\n", text_say(T_LOGOUT_TITLE));
	fflush(stdout);
	for (i = 0; i < sizeof alternatives / sizeof alternatives[0]; i++) {
		c = chain_find(alternatives[i].chain);
		printf("%s\n", text_say(alternatives[i].as));
		if (c == NULL || run_start(&r, c->title, (char **)c->argv, c,
		    steps_dir, base, err, sizeof err) == -1) {
			printf("  %s\n", c == NULL ? "?" : err);
			failed = 1;
			continue;
		}
		if ((program = walk_to_hangup(&r)) == -1) {
			printf("  %s\n", text_say(T_LOGOUT_STUCK));
			failed = 1;
		} else
			say_outcome(&r, program);
		fflush(stdout);
		run_stop(&r);
	}
	printf("\n%s\n", text_say(T_LOGOUT_NOTE));
	return failed;
}
