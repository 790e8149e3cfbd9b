/* SPDX-License-Identifier: MIT */
/* transcript.c - a chain's walk as Markdown, pause by pause, no screen. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "changes.h"
#include "clock.h"
#include "columns.h"
#include "diagram-layout.h"
#include "escape.h"
#include "lessons.h"
#include "run.h"
#include "text.h"
#include "transcript.h"

/* Generous: the machine may be shared and slow. A step that takes this
 * long is broken, and the transcript says so rather than hang. */
#define REPORT_MS 30000
#define SETTLE_MS 15000
#define MAX_PARENT_MSGS 4

enum pending { NONE, PAUSED, FAILED, ENDED };

struct walk {
	struct run   r;
	FILE        *out;
	volatile sig_atomic_t *quit;
	enum pending pending;
	pid_t        pid;                       /* who reported it */
	char         msg[PROTO_MSG_MAX];
	char         lesson[PROTO_STEP_MAX];
	/* What step-fork's parents said since the last pause. */
	pid_t        parent[MAX_PARENT_MSGS];
	char         parent_msg[MAX_PARENT_MSGS][PROTO_MSG_MAX];
	int          nparents;
	int          output;                    /* pty bytes at the last pump */
	/* Every process that reported: the steps' processes. */
	pid_t        reported[2 * CHAIN_MAX_STEPS];
	int          nreported;
};

/* One report, just handled by run.c: what the transcript keeps of it
 * (run.c keeps only the latest words). */
static void
note(struct walk *w)
{
	struct run *r = &w->r;
	pid_t who = r->event == PROTO_EXIT && r->fork_child > 0 ?
	    r->fork_parent : r->story.focus;
	int i;

	for (i = 0; i < w->nreported && w->reported[i] != who; i++)
		;
	if (i == w->nreported && i < 2 * CHAIN_MAX_STEPS)
		w->reported[w->nreported++] = who;

	if (r->event == PROTO_EXIT && r->fork_child > 0) {
		if (w->nparents < MAX_PARENT_MSGS) {
			w->parent[w->nparents] = r->fork_parent;
			snprintf(w->parent_msg[w->nparents++], PROTO_MSG_MAX,
			    "%s", r->message);
		}
		return;
	}
	w->pending = r->event == PROTO_PAUSED ? PAUSED :
	    r->event == PROTO_ERROR ? FAILED : ENDED;
	w->pid = r->story.focus;
	snprintf(w->msg, sizeof w->msg, "%s", r->message);
	snprintf(w->lesson, sizeof w->lesson, "%s", r->lesson);
}

/* As the screen's loop does, without the screen: the pty drained, the
 * reports read one by one (each is noted), our children reaped, one
 * look. Returns how many reports were believed. */
static int
pump(struct walk *w, int ms)
{
	struct run *r = &w->r;
	struct pollfd fds[2] = {
		{ r->sock, POLLIN, 0 }, { r->launch.master, POLLIN, 0 },
	};
	int n = 0, status;
	pid_t pid;

	poll(fds, 2, ms);
	w->output = run_output(r);
	while (run_reports(r, 1) == 1) {
		note(w);
		n++;
	}
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
		run_reaped(r, pid, status);
	run_look(r);
	return n;
}

/* Asleep in a system call, not about to do anything: state S (or
 * stopped), and /proc/PID/syscall names a call rather than "running";
 * when call is not -1, that call (the pause's sigtimedwait: a step
 * that has reported may still be writing its "paused" line). A process
 * that cannot be read that closely (another user's, when we are not
 * root) is judged by its state alone. */
static int
asleep(int procfd, pid_t pid, char state, long call)
{
	char path[32], buf[64];
	ssize_t n;
	int fd;

	if (state != 'S' && state != 'T' && state != 't')
		return 0;
	snprintf(path, sizeof path, "%d/syscall", (int)pid);
	if ((fd = openat(procfd, path, O_RDONLY | O_CLOEXEC)) == -1)
		return 1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 1;
	buf[n] = '\0';
	if (strncmp(buf, "running", 7) == 0)
		return 0;
	return call == -1 || strtol(buf, NULL, 10) == call;
}

/* The world after a report has settled when every process of the run
 * that still exists sleeps in a system call: a parent that forked has
 * exited and been reaped (by the shell, or by us), a shell that reaped
 * its job has printed its line and taken the terminal back, the focus
 * waits in its pause. Then what the table shows does not depend on
 * timing. A zombie, a running or runnable process: not yet. */
static int
settled(struct walk *w)
{
	struct members *m = &w->r.members;
	struct proc_info p;
	int i;

	for (i = 0; i < m->n; i++) {
		if (proc_read_stat(m->procfd, m->v[i].pid, &p) == -1 ||
		    p.starttime != m->v[i].start)
			continue;    /* gone: reaped */
		/* A step that failed or ended exits: until it is reaped,
		 * its exit is under way (a sanitizer's leak check sleeps
		 * in it), and the shell has not taken the terminal back. */
		if (w->pending != PAUSED && m->v[i].pid == w->pid)
			return 0;
		if (!asleep(m->procfd, m->v[i].pid, p.state,
		    w->pending == PAUSED && m->v[i].pid == w->pid ?
		    SYS_rt_sigtimedwait : -1))
			return 0;
	}
	return 1;
}

static int
alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static int
fail(struct walk *w, const char *fmt, ...)
{
	va_list ap;

	fflush(w->out);
	fprintf(stderr, "daemonlab: --transcript %s: ", w->r.chain->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

/* Waits for the next step's report (or the end), then until the world
 * has settled: twice in a row, with no report in between (a report
 * sent just before its sender exited is read before we trust that). */
static int
wait_step(struct walk *w)
{
	long deadline = clock_ms() + REPORT_MS;
	int calm = 0;

	w->pending = NONE;
	w->nparents = 0;
	while (w->pending == NONE) {
		if (*w->quit)
			return -1;
		if (clock_ms() > deadline)
			return fail(w, "no report from the chain for %d s after "
			    "step %d", REPORT_MS / 1000, w->r.steps_seen), -1;
		pump(w, 50);
	}
	deadline = clock_ms() + SETTLE_MS;
	while (calm < 2) {
		if (*w->quit)
			return -1;
		if (clock_ms() > deadline)
			return fail(w, "the processes of the run did not settle "
			    "within %d s after step %d", SETTLE_MS / 1000,
			    w->r.steps_seen), -1;
		calm = pump(w, calm ? 5 : 10) == 0 && settled(w) ? calm + 1 : 0;
	}
	return 0;
}

/* Text as Markdown prose: characters that would be markup escaped (an
 * underscore inside a word, as in O_RDWR, is no emphasis). */
static void
put_text(FILE *out, const char *s)
{
	const char *start = s;

	for (; *s != '\0'; s++) {
		int inword = *s == '_' && s > start &&
		    alnum(s[-1]) && alnum(s[1]);

		if (strchr("\\`*_<>[]#|", *s) != NULL && !inword)
			fputc('\\', out);
		fputc(*s, out);
	}
}

/* Words a process chose, made safe to print, then to render. */
static void
put_words(FILE *out, const char *s)
{
	char safe[PROTO_MSG_MAX * 4];

	escape_str(s, strlen(s), safe, sizeof safe);
	put_text(out, safe);
}

/* "step-fork[4242]: words" as a quote, as the step printed it. */
static void
put_report(FILE *out, const char *lead, const char *step, pid_t pid,
    const char *msg)
{
	fprintf(out, "> %s ", lead);
	fprintf(out, "step-%s[%d]: ", step, (int)pid);
	put_words(out, msg);
	fputs("\n\n", out);
}

static int
reported(const struct walk *w, pid_t pid)
{
	int i;

	for (i = 0; i < w->nreported; i++)
		if (w->reported[i] == pid)
			return 1;
	return 0;
}

/* The table of `daemonlab --once`: the run's living processes. Exited
 * rows are left out and the steps' processes among them named below it
 * instead: their last look (even their COMMAND, around an exec)
 * depends on when it was taken. Others that came and went are no
 * step's (LeakSanitizer's tracer, in a sanitized build). */
static const struct story *
living(const struct walk *w)
{
	static struct story live;
	const struct story *s = &w->r.story;
	int i;

	live = *s;
	live.nrows = 0;
	for (i = 0; i < s->nrows; i++)
		if (!s->rows[i].exited)
			live.rows[live.nrows++] = s->rows[i];
	return &live;
}

static void
put_table(struct walk *w)
{
	const struct story *s = &w->r.story;
	int i, exited = 0;

	fputs("```text\n", w->out);
	columns_print(living(w));    /* as --once prints it */
	fputs("```\n", w->out);
	for (i = 0; i < s->nrows; i++) {
		const struct row *row = &s->rows[i];

		if (!row->exited || (row->has_mark && row->mark.p.exited) ||
		    !reported(w, row->now.p.pid))
			continue;
		fputs(exited++ ? "- " : "\n- ", w->out);
		fprintf(w->out, text_say(T_EXITED_PID), (int)row->now.p.pid);
		fputs("\n", w->out);
	}
	fputs("\n", w->out);
}

/* The "What changed" sentences of the screen, for the focus. */
static void
put_changes(struct walk *w)
{
	char out[10][CHANGE_LEN];
	const struct row *f = story_find(&w->r.story, w->r.story.focus);
	int i, n = 0;

	if (f != NULL && f->has_mark)
		n = changes_describe(&f->mark, &f->now, out, 10);
	fprintf(w->out, "### %s\n\n", text_say(T_CHANGED));
	if (n == 0) {
		put_text(w->out, text_say(T_TR_NO_CHANGE));
		fputs("\n\n", w->out);
		return;
	}
	for (i = 0; i < n; i++) {
		fputs("- ", w->out);
		put_text(w->out, out[i]);
		fputs("\n", w->out);
	}
	fputs("\n", w->out);
}

/* The sessions diagram (diagram-layout.c) of the same living
 * processes, as `daemonlab --diagram --once` prints it. */
static void
put_diagram(struct walk *w)
{
	static struct diagram d;

	diagram_layout(living(w), &d);
	fprintf(w->out, "### %s\n\n```text\n", text_say(T_TR_DIAGRAM));
	diagram_print(w->out, &d, 0);
	fputs("```\n\n", w->out);
}

/* The lesson's "What to watch": paragraphs, and lines that start with
 * "- " as list items (docs/lessons.h). */
static void
put_watch(struct walk *w, const struct lesson *l)
{
	const char *p = l->watch, *nl;

	fprintf(w->out, "### %s\n\n", text_say(T_WATCH));
	for (; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		char line[2048];

		nl = p + strcspn(p, "\n");
		snprintf(line, sizeof line, "%.*s", (int)(nl - p), p);
		if (strncmp(line, "- ", 2) == 0) {
			fputs("- ", w->out);
			put_text(w->out, line + 2);
		} else
			put_text(w->out, line);
		fputs("\n", w->out);
	}
	fputs("\n", w->out);
}

/* The step that ran last, without "step-": "fork", "setsid". */
static const char *
last_step(const struct walk *w)
{
	const char *name = chain_step(w->r.chain, w->r.steps_seen - 1);

	if (name == NULL)
		return "?";
	return strncmp(name, "step-", 5) == 0 ? name + 5 : name;
}

static void
put_step(struct walk *w, const char *lang)
{
	const struct lesson *l = lesson_find(w->lesson, lang);
	int i;

	fprintf(w->out, "## ");
	fprintf(w->out, text_say(T_TR_STEP), w->r.steps_seen,
	    chain_length(w->r.chain), last_step(w));
	if (l != NULL) {
		fputs(" · ", w->out);
		put_text(w->out, l->title);
	}
	fputs("\n\n", w->out);
	for (i = 0; i < w->nparents; i++)
		put_report(w->out, text_say(T_TR_PARENT_SAYS), "fork",
		    w->parent[i], w->parent_msg[i]);
	put_report(w->out, text_say(w->pending == FAILED ? T_ERROR : T_SAYS),
	    last_step(w), w->pid, w->msg);
	if (w->pending == FAILED) {
		put_text(w->out, text_say(T_TR_FAILED));
		fputs("\n\n", w->out);
	}
	put_table(w);
	/* A failed step's last look is a race with its exit: its words
	 * and the table say what happened. */
	if (w->pending != FAILED)
		put_changes(w);
	put_diagram(w);
	if (l != NULL)
		put_watch(w, l);
}

static void
put_end(struct walk *w)
{
	int i;

	fprintf(w->out, "## %s\n\n", text_say(T_TR_END));
	for (i = 0; i < w->nparents; i++)
		put_report(w->out, text_say(T_TR_PARENT_SAYS), "fork",
		    w->parent[i], w->parent_msg[i]);
	put_report(w->out, text_say(T_SAYS), last_step(w), w->pid, w->msg);
	put_table(w);
}

/* What the run's terminal showed, oldest line first. */
static void
put_terminal(struct walk *w)
{
	static char safe[RUN_TERM_COLS * 4];
	const char *line;
	int back = 0;

	while (back + 1 < RUN_TERM_LINES && run_term_line(&w->r, back + 1))
		back++;
	fprintf(w->out, "## %s\n\n", text_say(T_TERMINAL));
	put_text(w->out, text_say(T_TR_TERMINAL));
	fputs("\n\n```text\n", w->out);
	for (; back >= 0; back--) {
		line = run_term_line(&w->r, back);
		if (back == 0 && line[0] == '\0')
			break;
		escape_str(line, strlen(line), safe, sizeof safe);
		fprintf(w->out, "%s\n", safe);
	}
	fputs("```\n", w->out);
}

static void
put_header(struct walk *w)
{
	const struct chain *c = w->r.chain;
	const char *title = text_chain(c->name);
	char cwd[4096] = "?", safe[4096 * 4];
	struct utsname u;
	int i;

	if (uname(&u) == -1)
		snprintf(u.sysname, sizeof u.sysname, "?");
	if (getcwd(cwd, sizeof cwd) == NULL)
		snprintf(cwd, sizeof cwd, "?");
	escape_str(cwd, strlen(cwd), safe, sizeof safe);
	fprintf(w->out, "# ");
	fprintf(w->out, text_say(T_TR_TITLE), title != NULL ? title :
	    c->title);
	fputs("\n\n", w->out);
	fprintf(w->out, text_say(T_TR_INTRO), c->name, c->name);
	fputs("\n\n```\n", w->out);
	for (i = 0; c->argv[i] != NULL; i++)
		fprintf(w->out, "%s%s", i ? " " : "", c->argv[i]);
	fputs("\n```\n\n", w->out);
	fprintf(w->out, text_say(T_TR_RAN), u.sysname, u.release, u.machine,
	    (int)geteuid(), safe, LAUNCH_FORGOTTEN_FD);
	fputs("\n\n", w->out);
}

int
transcript_print(const struct chain *c, const char *lang,
    const char *steps_dir, const char *base, volatile sig_atomic_t *quit)
{
	FILE *out = stdout;
	static struct walk w;
	char err[256];
	int rc = 0;

	memset(&w, 0, sizeof w);
	w.out = out;
	w.quit = quit;
	if (run_start(&w.r, c->title, (char **)c->argv, c, steps_dir, base,
	    err, sizeof err) == -1) {
		fprintf(stderr, "daemonlab: --transcript %s: %s\n", c->name,
		    err);
		return 1;    /* the watchdog sweeps what was started */
	}
	put_header(&w);
	for (;;) {
		if (wait_step(&w) == -1) {
			rc = 1;
			break;
		}
		if (w.pending == ENDED) {
			put_end(&w);
			break;
		}
		put_step(&w, lang);
		/* A reader gone (| head): no use walking on. */
		if (fflush(out) == EOF) {
			rc = fail(&w, "cannot write the transcript: %s",
			    strerror(errno));
			break;
		}
		if (w.pending == FAILED)
			break;
		if (!run_next(&w.r)) {
			rc = fail(&w, "step %d (PID %d) could not be continued",
			    w.r.steps_seen, (int)w.pid);
			break;
		}
	}
	if (rc == 0) {
		/* The shell's last lines, which the kernel passes on to
		 * the pty's master a moment after the shell wrote them. */
		int quiet = 0;

		while (quiet < 3 && !*quit)
			quiet = pump(&w, 100) == 0 && w.output == 0 ?
			    quiet + 1 : 0;
		put_terminal(&w);
	}
	run_stop(&w.r);
	if (*quit)
		return 1;
	if (rc == 0 && (fflush(out) == EOF || ferror(out)))
		return fail(&w, "cannot write the transcript: %s",
		    strerror(errno));
	return rc;
}
