/* SPDX-License-Identifier: MIT */
/*
 * transcribe - a Markdown transcript of one real run of a named chain.
 *
 *   transcribe sysv|bsd|mistake [OUT.md]
 *
 * Runs the chain exactly as tests/steps/test_chains.c does (a pty shell,
 * the chain as its foreground job, reports on a socket; see walk.h) and,
 * at every pause, prints the step's report and the table that
 * `daemonlab --once -p SHELL,PIDS...,FOCUS` prints for the shell and the
 * chain's live processes. PIDs and terminal numbers are the run's own;
 * the private temporary folder is replaced by its mkdtemp template (the
 * same length, so the table stays aligned). docs/transcripts/update
 * runs it for the docs; the output must not be edited by hand.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "chains.h"
#include "facts.h"
#include "walk.h"

#ifndef DAEMONLAB
#error "build with -DDAEMONLAB=\"path/to/daemonlab\""
#endif

#define PLACEHOLDER "/tmp/daemonlab-test-XXXXXX"    /* lab.c's template */
#define TIMEOUT_MS  5000

static struct walk w;
static FILE *out;

static _Noreturn void
die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "transcribe: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (walk_finish(&w) != 0)
		fprintf(stderr, "transcribe: processes were left behind\n");
	exit(1);
}

/* The private folder's name, replaced in place by the template. */
static void
stabilize(char *s)
{
	size_t n = strlen(w.lab.dir);
	char *p;

	if (n != strlen(PLACEHOLDER))
		return;
	for (p = strstr(s, w.lab.dir); p != NULL; p = strstr(p + n, w.lab.dir))
		memcpy(p, PLACEHOLDER, n);
}

/* Report text as one Markdown paragraph: no markup, no HTML. */
static void
put_text(const char *s)
{
	const char *start = s;

	for (; *s != '\0'; s++) {
		/* An underscore inside a word (O_RDWR) is no emphasis. */
		int inword = *s == '_' && s > start && isalnum((unsigned char)
		    s[-1]) && isalnum((unsigned char)s[1]);

		if (strchr("\\`*_<>", *s) != NULL && !inword)
			fputc('\\', out);
		fputc(*s, out);
	}
}

static void
put_report(const char *who, const char *step, pid_t pid, const char *msg)
{
	char text[PROTO_MSG_MAX];

	snprintf(text, sizeof text, "%s", msg);
	stabilize(text);
	fprintf(out, "> %sstep-%s[%d]: ", who, step, (int)pid);
	put_text(text);
	fputs("\n\n", out);
}

/* daemonlab's stdout, through a pipe, without a shell in between. */
static void
table(void)
{
	char arg[512] = "", buf[8192], *argv[5];
	size_t used = 0;
	struct facts f;
	ssize_t n;
	pid_t pid;
	int i, fd[2], status;

	for (i = 0; i < w.nseen; i++) {
		if (w.seen[i] == w.focus || facts_read(w.seen[i], &f) == -1 ||
		    f.state == 'Z')
			continue;
		snprintf(arg + strlen(arg), sizeof arg - strlen(arg), "%d,",
		    (int)w.seen[i]);
	}
	if (facts_read(w.focus, &f) == 0 && f.state != 'Z')
		snprintf(arg + strlen(arg), sizeof arg - strlen(arg), "%d",
		    (int)w.focus);
	else if (arg[0] != '\0')
		arg[strlen(arg) - 1] = '\0';
	argv[0] = DAEMONLAB;
	argv[1] = "--once";
	argv[2] = "-p";
	argv[3] = arg;
	argv[4] = NULL;
	if (pipe(fd) == -1 || (pid = fork()) == -1)
		die("pipe/fork: %s", strerror(errno));
	if (pid == 0) {
		dup2(fd[1], STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf + used, sizeof buf - 1 - used)) > 0)
		used += n;
	close(fd[0]);
	buf[used] = '\0';
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		die("daemonlab --once -p %s failed (status %d)", arg, status);
	stabilize(buf);
	fprintf(out, "`daemonlab --once -p %s`\n\n```text\n%s```\n\n", arg,
	    buf);
}

/* What the pty showed, without carriage returns. */
static void
terminal(void)
{
	char *s = w.lab.out;

	stabilize(s);
	fputs("## The terminal\n\nWhat the chain's pty showed, from the "
	    "shell's command line to its last prompt:\n\n```text\n", out);
	for (; *s != '\0'; s++)
		if (*s != '\r')
			fputc(*s, out);
	if (w.lab.outlen > 0 && w.lab.out[w.lab.outlen - 1] != '\n')
		fputc('\n', out);
	fputs("```\n", out);
}

static void
header(const struct chain *c)
{
	struct utsname u;
	char when[64];
	time_t t = time(NULL);
	int i;

	uname(&u);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", gmtime(&t));
	fprintf(out, "*Produced by `docs/transcripts/update` from a real "
	    "run on a live kernel, %s %s (%s), on %s. Do not edit by hand: "
	    "run it again.*\n\n", u.sysname, u.release, u.machine, when);
	fprintf(out, "# Transcript: %s\n\n", c->title);
	fprintf(out, "The `%s` chain ran as a foreground job of a small "
	    "shell on a pty of its own, as the inspector and the tests run "
	    "it (`daemonlab --print-chain %s` prints it):\n\n```\n",
	    c->name, c->name);
	for (i = 0; c->argv[i] != NULL; i++)
		fprintf(out, "%s%s", i ? " " : "", c->argv[i]);
	fprintf(out, "\n```\n\nAt every pause, `daemonlab --once -p "
	    "SHELL,PID...` printed the table for the shell and the chain's "
	    "live processes. The program that ran the chain, `transcribe`, "
	    "played the inspector's part: it is the child subreaper that "
	    "adopts the chain's orphans. The chain started with umask 0022 "
	    "in a private folder, shown as `%s`, and inherited a file there "
	    "that its parent \"forgot\" on descriptor %d. PIDs and terminal "
	    "numbers are this run's; the rows of exited processes are not "
	    "shown (the inspector greys them out).\n\n", PLACEHOLDER,
	    LAB_FORGOTTEN_FD);
}

int
main(int argc, char *argv[])
{
	const struct chain *c;
	enum walk_event e;
	int step = 0, status;

	if (argc < 2 || argc > 3 || (c = chain_find(argv[1])) == NULL) {
		fprintf(stderr, "usage: transcribe sysv|bsd|mistake "
		    "[OUT.md]\n");
		return 2;
	}
	out = stdout;
	if (argc == 3 && (out = fopen(argv[2], "w")) == NULL) {
		fprintf(stderr, "transcribe: %s: %s\n", argv[2],
		    strerror(errno));
		return 1;
	}
	/* Started in the lab's own folder: a stable placeholder. */
	walk_start(&w, c->name, NULL, WALK_LAB_DIR);
	header(c);
	while ((e = walk_next(&w, TIMEOUT_MS)) == WALK_PAUSED ||
	    e == WALK_ERROR) {
		fprintf(out, "### step %d: %s\n\n", ++step, w.r.m.step);
		if (w.forker != 0)
			put_report("the parent, ", "fork", w.forker,
			    w.fork_msg);
		put_report(e == WALK_ERROR ? "error, " : "", w.r.m.step,
		    w.focus, w.r.m.msg);
		if (e == WALK_ERROR) {
			if (walk_until_exited(&w, w.focus, TIMEOUT_MS) == -1 ||
			    walk_until_job_line(&w, w.focus, 1, TIMEOUT_MS) ==
			    -1)
				die("the failed step %d did not end as a job "
				    "with status 1", (int)w.focus);
			fprintf(out, "The step failed and exited with status "
			    "1; the chain stops. The shell reaped it and took "
			    "the terminal back:\n\n");
			table();
			break;
		}
		table();
		walk_continue(&w);
	}
	if (e == WALK_TIMEOUT)
		die("%s", w.why);
	if (e == WALK_END) {
		status = w.status;
		fprintf(out, "### the end\n\n");
		put_report("", w.r.m.step, w.r.sender, w.r.m.msg);
		fprintf(out, "Continued at the end of the chain, the daemon "
		    "exited with status %d.\n\n", WIFEXITED(status) ?
		    WEXITSTATUS(status) : 128 + WTERMSIG(status));
	}
	lab_drain(&w.lab, 100);
	terminal();
	if (walk_finish(&w) != 0) {
		fprintf(stderr, "transcribe: processes were left behind\n");
		return 1;
	}
	if (out != stdout && fclose(out) != 0) {
		fprintf(stderr, "transcribe: %s: %s\n", argv[2],
		    strerror(errno));
		return 1;
	}
	return 0;
}
