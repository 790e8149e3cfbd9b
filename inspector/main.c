/* SPDX-License-Identifier: MIT */
/*
 * daemonlab - watch a process become a daemon, one step at a time.
 *
 * Launches a chain of step programs on a pty of its own (or attaches to
 * running processes), follows every process of the story through /proc,
 * and shows what each step changed. It is a child subreaper, so the
 * chain's orphans come back to it, and it leaves nothing running.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curses.h>

#include "chains.h"
#include "charset.h"
#include "columns.h"
#include "diagram-layout.h"
#include "hangup.h"
#include "logout.h"
#include "run.h"
#include "story.h"
#include "survey.h"
#include "survey-view.h"
#include "text.h"
#include "transcript.h"
#include "ui.h"
#include "watchdog.h"

#define MAX_ATTACH 16
#define MAX_ATTACH_TEXT "16"
#define MAX_PID_LIST 1023
#define MAX_PID_LIST_TEXT "1023"

static volatile sig_atomic_t quit_signal, suspend_signal, repaint_signal;
static int wake_pipe[2] = { -1, -1 };    /* a signal wakes poll() at once */
static pid_t watchdog = -1;

static void
wake(void)
{
	int saved = errno;

	if (wake_pipe[1] != -1 && write(wake_pipe[1], "", 1) == -1) {
		/* full: poll() wakes anyway */
	}
	errno = saved;
}

static void
on_quit(int sig)
{
	quit_signal = sig;
	wake();
}

static void
on_suspend(int sig)
{
	(void)sig;
	suspend_signal = 1;
	wake();
}

/* Continued after a stop we did not make ourselves (kill -STOP): what
 * was drawn over us meanwhile is repainted. */
static void
on_continue(int sig)
{
	(void)sig;
	repaint_signal = 1;
	wake();
}

static volatile sig_atomic_t child_event;

static void
on_child(int sig)
{
	(void)sig;
	child_event = 1;    /* and poll() wakes */
	wake();
}

/* --transcript: a write to a reader gone fails with EPIPE instead. */
static void
on_pipe(int sig)
{
	(void)sig;
}

static void
signals_catch(void)
{
	struct sigaction sa = { .sa_handler = on_quit };

	if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) == -1)
		wake_pipe[0] = wake_pipe[1] = -1;
	/* Caught before the screen starts, so that curses installs none of
	 * its own: each ends the same way, the terminal given back. */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = on_child;
	sa.sa_flags = SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
}

/* ^Z and fg, for loop(): in place of the handler curses installed (the
 * survey's own loop keeps that one). */
static void
signals_catch_suspend(void)
{
	struct sigaction sa = { .sa_handler = on_suspend };

	sigaction(SIGTSTP, &sa, NULL);
	sa.sa_handler = on_continue;
	sigaction(SIGCONT, &sa, NULL);
}

/* After SIGTERM, SIGHUP, SIGINT or SIGQUIT, once all is cleaned up: die
 * of that signal, so that the shell or service manager that started us
 * sees why (a shell's $? is 128 + N). SIGQUIT would dump core: we
 * handled it cleanly, there is nothing to debug. */
static _Noreturn void
signals_die(int sig)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	struct rlimit none = { 0, 0 };
	sigset_t set;

	if (sig == SIGQUIT)
		setrlimit(RLIMIT_CORE, &none);
	sigaction(sig, &dfl, NULL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

static _Noreturn void
usage(int status)
{
	FILE *f = status == 0 ? stdout : stderr;

	fprintf(f,
	    "usage: daemonlab [--chain NAME] [--diagram] [--quiz] [--lang en|zh-CN]\n"
	    "                 [--ascii]\n"
	    "       daemonlab --compare[=CHAIN,CHAIN] [--diagram]\n"
	    "       daemonlab [--once] [--diagram] -p PID[,PID...]\n"
	    "       daemonlab -- COMMAND [ARG...]\n"
	    "       daemonlab --print-chain NAME\n"
	    "       daemonlab --transcript NAME [--lang en|zh-CN]\n"
	    "       daemonlab --logout [--lang en|zh-CN]\n"
	    "       daemonlab --survey [--once] [--tree]\n"
	    "\n"
	    "Shows, live from /proc, how a process becomes a daemon, one step\n"
	    "at a time. Without arguments it runs the System V chain.\n"
	    "\n"
	    "  --chain NAME        run a named chain (default: sysv)\n"
	    "  --compare[=A,B]     two chains side by side, in step (default:\n"
	    "                      sysv,bsd); e.g. --compare=daemon7,newstyle\n"
	    "  -p PID[,PID...]     attach to running processes, follow their\n"
	    "                      descendants\n"
	    "  --once              print one table and exit (with -p or --survey)\n"
	    "  --diagram           start in the sessions diagram (d toggles it\n"
	    "                      with the table); with --once -p, print it\n"
	    "  -- COMMAND [ARG...] run any command on the inspector's pty and\n"
	    "                      follow it\n"
	    "  --print-chain NAME  the command line to run a chain by hand\n"
	    "  --transcript NAME   run a chain without a screen, continuing at\n"
	    "                      every pause, and print the walk as Markdown:\n"
	    "                      tables, diagrams, what changed, what to watch\n"
	    "  --hangup-at N       hang up the run's terminal after the Nth\n"
	    "                      step, as closing its window does (key H)\n"
	    "  --logout            which of prog &, nohup, disown, setsid and\n"
	    "                      the full daemon survive logout: each run and\n"
	    "                      hung up for real, the outcome printed\n"
	    "  --survey            every process on this machine, as ps -axj\n"
	    "                      shows it, with its kind (daemon, kernel\n"
	    "                      thread, job...) and the seed's claims checked;\n"
	    "                      live, or with --once as plain text (--tree:\n"
	    "                      as ps -axjf); a attaches to the selected row\n"
	    "  --lang en|zh-CN     language of the screen and the lessons\n"
	    "                      (default: from LC_ALL, LC_MESSAGES, LANG);\n"
	    "                      Chinese needs a UTF-8 locale (C.UTF-8 is\n"
	    "                      tried when the one asked for is missing)\n"
	    "  --ascii             draw with ASCII characters only, in English,\n"
	    "                      as when no UTF-8 locale is installed\n"
	    "  --quiz              before each step, a question from its\n"
	    "                      lesson, answered with 1-4; after it, the\n"
	    "                      answer beside what /proc shows\n"
	    "  --help, --version\n"
	    "\n"
	    "Keys: n, space or Enter next step; r restart; q quit; Up/Down\n"
	    "select a row; d sessions diagram or table; [ ] earlier steps;\n"
	    "1-4 answer a quiz; H hang up the terminal; ? help.\n"
	    "See daemonlab(1) and daemonlab-steps(7).\n");
	fprintf(f, "\nChains (NAME): %s.\n", chain_names(", "));
	fprintf(f, "Hang-up chains (NAME): %s.\n", chain_hangup_names(", "));
	exit(status);
}

/* Every error ends here, whenever it happens: the terminal is given back
 * (out of the alternate screen, cursor shown) before a word is printed,
 * and the watchdog sweeps what was launched and removes our folder. */
static _Noreturn void
die(const char *fmt, const char *arg, const char *hint)
{
	ui_end();
	fprintf(stderr, "daemonlab: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s%s", hint ? hint : "", hint ? "\n" : "");
	watchdog_stop(watchdog);
	exit(2);
}

/* A word of a command line that names a step program, for execvp() to
 * look up in PATH (not a path, not a shell command in one word). */
static int
is_step(const char *word)
{
	return strncmp(word, "step-", 5) == 0 &&
	    word[strspn(word, "abcdefghijklmnopqrstuvwxyz0123456789-")] == '\0';
}

static int
names_steps(char *const *words)
{
	for (; words != NULL && *words != NULL; words++)
		if (is_step(*words))
			return 1;
	return 0;
}

/* Why dir cannot run the step programs among words (missing, not
 * executable), in why; NULL when it can. */
static const char *
steps_missing(const char *dir, char *const *words, char *why, size_t size)
{
	char path[PATH_MAX + 64];
	struct stat st;

	if (stat(dir, &st) == -1) {
		snprintf(why, size, "%s", strerror(errno));
		return why;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(why, size, "not a folder");
		return why;
	}
	for (; *words != NULL; words++) {
		if (!is_step(*words))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, *words);
		if (access(path, X_OK) == -1) {
			snprintf(why, size, "%s: %s", *words, errno == EACCES ?
			    "not executable" : strerror(errno));
			return why;
		}
	}
	return NULL;
}

/* The step programs: $DAEMONLAB_STEPS_DIR, else beside us in the build
 * tree, else where meson installed them. When words (a chain, or a
 * command) name step programs that are not there, say so now, naming
 * every folder tried: later, it would be a failed exec on the chain's
 * terminal. A command without steps only gets the folder on its PATH. */
static const char *
steps_dir(char *const *words)
{
	static char build[PATH_MAX], msg[3 * PATH_MAX + 512];
	static const char *found;
	static char *const start_only[] = { "step-start", NULL };
	char *const *need = names_steps(words) ? words : start_only;
	const char *env = getenv("DAEMONLAB_STEPS_DIR"), *why;
	char why_build[PATH_MAX + 128] = "", why_installed[PATH_MAX + 128];
	char *slash;
	ssize_t n;

	if (found != NULL && steps_missing(found, need, why_installed,
	    sizeof why_installed) == NULL)
		return found;
	if (env != NULL && *env != '\0') {
		if ((why = steps_missing(env, need, why_installed,
		    sizeof why_installed)) == NULL)
			return found = env;
		if (!names_steps(words))
			return env;
		snprintf(msg, sizeof msg, "the step programs are not in "
		    "DAEMONLAB_STEPS_DIR=%s (%s)", env, why);
		die("%s", msg, "point DAEMONLAB_STEPS_DIR at the folder that "
		    "holds step-start and the other steps (in a build tree: "
		    "BUILD/steps), or unset it to use " DAEMONLAB_STEPS_INSTALLED);
	}
	/* A build tree: BUILD/inspector/daemonlab beside BUILD/steps. */
	if ((n = readlink("/proc/self/exe", build, sizeof build - 1)) > 0) {
		build[n] = '\0';
		if ((slash = strrchr(build, '/')) != NULL)
			*slash = '\0';
		if ((slash = strrchr(build, '/')) != NULL) {
			snprintf(slash, sizeof build - (slash - build), "/steps");
			if (steps_missing(build, need, why_build,
			    sizeof why_build) == NULL)
				return found = build;
		}
	}
	if (steps_missing(DAEMONLAB_STEPS_INSTALLED, need, why_installed,
	    sizeof why_installed) == NULL)
		return found = DAEMONLAB_STEPS_INSTALLED;
	if (!names_steps(words))
		return DAEMONLAB_STEPS_INSTALLED;
	snprintf(msg, sizeof msg, "the step programs are not found; looked in");
	if (why_build[0] != '\0')
		snprintf(msg + strlen(msg), sizeof msg - strlen(msg),
		    "\n  %s (beside daemonlab, as in a build tree): %s", build,
		    why_build);
	snprintf(msg + strlen(msg), sizeof msg - strlen(msg),
	    "\n  %s (where meson install puts them): %s",
	    DAEMONLAB_STEPS_INSTALLED, why_installed);
	die("%s", msg, "set DAEMONLAB_STEPS_DIR to the folder that holds "
	    "step-start and the other steps (in a build tree: BUILD/steps), "
	    "or install them with meson install");
}

static const char *
default_lang(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return strncmp(v, "zh", 2) == 0 ? "zh-CN" : "en";
	}
	return "en";
}

static const struct chain *
named_chain(const char *name)
{
	const struct chain *c = chain_find(name);
	char hint[320];

	snprintf(hint, sizeof hint, "the chains are: %s; for the hang-up: %s",
	    chain_names(", "), chain_hangup_names(", "));
	if (c == NULL)
		die("no chain named '%s'", name, hint);
	return c;
}

/* A token of a -p list, for an error message: whole, or its first 40
 * bytes and "..." (the message still names it; the list is never cut). */
static const char *
token(const char *p, size_t len)
{
	static char buf[48];

	if (len > 40)
		snprintf(buf, sizeof buf, "%.40s...", p);
	else
		snprintf(buf, sizeof buf, "%.*s", (int)len, p);
	return buf;
}

/* --compare=A,B: one argument, since words after the options already
 * mean "-- COMMAND"; --compare alone is System V against BSD. */
static void
compare_chains(const char *arg, const struct chain *out[2])
{
	const char *comma = arg != NULL ? strchr(arg, ',') : NULL;
	char name[2][64], msg[256], hint[320];
	int i;

	snprintf(hint, sizeof hint, "give two chains with a comma, e.g. "
	    "--compare=daemon7,newstyle; the chains are: %s",
	    chain_names(", "));
	if (arg == NULL) {
		out[0] = chain_find("sysv");
		out[1] = chain_find("bsd");
		return;
	}
	if (comma == NULL || strchr(comma + 1, ',') != NULL)
		die("--compare=%s: name two chains, separated by one comma",
		    token(arg, strlen(arg)), hint);
	snprintf(name[0], sizeof name[0], "%.*s", (int)(comma - arg), arg);
	snprintf(name[1], sizeof name[1], "%s", comma + 1);
	for (i = 0; i < 2; i++)
		if ((out[i] = chain_find(name[i])) == NULL) {
			snprintf(msg, sizeof msg, "--compare=%.100s: no chain "
			    "named '%.60s'", arg, name[i]);
			die("%s", msg, hint);
		}
}

/* Adds the PIDs of one -p list to pids[*n]: repeated -p lists merge, a
 * PID named twice counts once. What cannot be attached to whole is
 * refused, never cut. */
static void
parse_pids(const char *list, pid_t *pids, int *n)
{
	const char *p = list, *end;
	char *num_end;
	size_t len;
	int i, found = 0;
	long v;

	if (strlen(list) > MAX_PID_LIST)
		die("-p %s: the list is too long (more than "
		    MAX_PID_LIST_TEXT " bytes)", token(list, strlen(list)),
		    "give at most " MAX_ATTACH_TEXT " PIDs, e.g. -p 812,4242");
	for (; *p != '\0'; p = *end != '\0' ? end + 1 : end) {
		end = p + strcspn(p, ",");
		if ((len = (size_t)(end - p)) == 0)
			continue;
		errno = 0;
		v = strtol(p, &num_end, 10);
		if (num_end != end || errno != 0 || v <= 0 || v > INT_MAX)
			die("-p: '%s' is not a process ID", token(p, len),
			    "give PIDs separated by commas, e.g. -p 812,4242");
		found = 1;
		for (i = 0; i < *n && pids[i] != (pid_t)v; i++)
			;
		if (i < *n)
			continue;
		if (*n == MAX_ATTACH)
			die("-p %s: more than " MAX_ATTACH_TEXT " processes to "
			    "attach to", token(list, strlen(list)), "give at "
			    "most " MAX_ATTACH_TEXT " PIDs, in one -p or many");
		pids[(*n)++] = (pid_t)v;
	}
	if (!found)
		die("-p: '%s' names no process", token(list, strlen(list)),
		    "e.g. -p 812,4242");
}

/* Prints s as one word for sh: as it is when nothing in it is special
 * to the shell, else in single quotes (a quote inside as '\''). */
static void
print_quoted(const char *s)
{
	static const char plain[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789_-./+,@%=";

	if (*s != '\0' && strspn(s, plain) == strlen(s)) {
		fputs(s, stdout);
		return;
	}
	putchar('\'');
	for (; *s != '\0'; s++)
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	putchar('\'');
}

static void
print_chain(const char *name)
{
	const struct chain *c = named_chain(name);
	const char *dir = steps_dir((char *const *)c->argv);
	int i;

	/* PATH splits at ':': no quoting can put such a folder on it. */
	if (strchr(dir, ':') != NULL)
		die("the steps folder '%s' has a ':' in its name, which PATH "
		    "cannot hold", dir, "move the step programs to another "
		    "folder and set DAEMONLAB_STEPS_DIR to it");
	fputs("PATH=", stdout);
	print_quoted(dir);
	fputs(":\"$PATH\"", stdout);
	for (i = 0; c->argv[i] != NULL; i++)
		printf(" %s", c->argv[i]);
	if (c->how != NULL)
		printf(" %s", c->how);      /* "&", "& disown" */
	printf("\n");
}

static void
attach(struct story *s, const pid_t *pids, int n)
{
	char arg[32];
	int i;

	if (story_init(s) == -1)
		die("cannot open /proc: %s", strerror(errno), NULL);
	for (i = 0; i < n; i++)
		if (story_add(s, pids[i], ROLE_ATTACHED) == NULL) {
			snprintf(arg, sizeof arg, "%d", (int)pids[i]);
			die("-p %s: no such process", arg, "ps -e lists the "
			    "running ones");
		}
}

/* --compare: the second chain is continued into each step it is due,
 * as soon as it has paused before it; a continue given while its report
 * is still on the way is owed, not lost. */
static void
follow(struct view *v)
{
	struct run *r = v->nruns == 2 ? v->runs[1] : NULL;

	if (r != NULL && r->paused > 0 && r->steps_seen < v->compare.b_due)
		run_next(r);
}

/* One press in --compare runs one column of the plan (compare.h): the
 * first chain's step, the second's, or both. Past the last column, both
 * daemons are continued to their end. */
static int
next_compare(struct view *v)
{
	struct compare *c = &v->compare;
	int a = c->next < c->ncols ? c->a[c->next] : CHAIN_MAX_STEPS;
	int b = c->next < c->ncols ? c->b[c->next] : CHAIN_MAX_STEPS;

	if (a >= 0 && !run_next(v->runs[0]))
		return 0;
	if (b >= 0 && b + 1 > c->b_due)
		c->b_due = b + 1;
	if (c->next < c->ncols)
		c->next++;
	follow(v);
	return 1;
}

/* Every step of the run's chain has been reported. */
static int
chain_done(const struct run *r)
{
	return r->chain != NULL && r->steps_seen >= chain_length(r->chain);
}

static void
next_step(struct view *v)
{
	int moved, ended = 1, i;

	if (history_showing(v->history)) {
		history_now(v->history);    /* n first comes back to now */
		return;
	}
	if (v->nruns == 1 && v->runs[0]->paused > 0 && v->history != NULL)
		history_take(v->history, v->runs[0], v->quiz);
	moved = v->nruns == 2 ? next_compare(v) : run_next(v->runs[0]);
	if (moved)
		v->status[0] = '\0';
	/* At the last step's continue, and at every n after it, say so. */
	for (i = 0; i < v->nruns; i++)
		ended &= chain_done(v->runs[i]);
	/* A chain run by hand (-- step-...) has no length: it has ended
	 * when only its shell is left. */
	if (!ended && !moved && v->nruns == 1 && v->runs[0]->steps_seen > 0 &&
	    story_alive(&v->runs[0]->story) <= 1)
		ended = 1;
	if (ended)
		snprintf(v->status, sizeof v->status, "%s",
		    text_say(T_STATUS_ENDED));
	else if (!moved)
		snprintf(v->status, sizeof v->status, "%s",
		    text_say(T_STATUS_NOT_PAUSED));
}

/* One private folder for everything the runs create (sockets, the
 * forgotten file), so the watchdog can remove it whatever happens. */
static char base_dir[64];

static void
make_base_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char why[PATH_MAX + 128];

	if (tmp == NULL || *tmp == '\0' || strlen(tmp) >= 40)
		tmp = "/tmp";
	snprintf(base_dir, sizeof base_dir, "%s/daemonlab-XXXXXX", tmp);
	if (mkdtemp(base_dir) == NULL) {
		snprintf(why, sizeof why, "%s: %s", tmp, strerror(errno));
		die("cannot make a folder in %s", why, "set TMPDIR to a writable "
		    "folder");
	}
	/* Passable by a step that dropped root, to reach its run's socket. */
	chmod(base_dir, 0711);
}

struct launch_plan {
	const char *title[2];
	char **argv[2];
	const struct chain *chain[2];
	int n;
};

static void
start_runs(struct view *v, struct run runs[2], const struct launch_plan *plan)
{
	char err[256];
	int i;

	for (i = 0; i < plan->n; i++) {
		if (run_start(&runs[i], plan->title[i], plan->argv[i],
		    plan->chain[i], steps_dir(NULL), base_dir, err, sizeof err) == -1) {
			while (--i >= 0)    /* --compare: the other run */
				run_stop(&runs[i]);
			die("%s", err, NULL);
		}
		v->runs[i] = &runs[i];
	}
	if (plan->n == 2) {
		/* One subreaper adopts for both: each run claims its own. */
		runs[0].members.rival = &runs[1].members;
		runs[1].members.rival = &runs[0].members;
		runs[1].members.primary = 0;
	}
	v->nruns = plan->n;
	if (plan->n == 2)
		compare_plan(&v->compare, plan->chain[0], plan->chain[1]);
	v->selected = -1;
}

static void
stop_runs(struct view *v)
{
	int i;

	for (i = 0; i < v->nruns; i++)
		run_stop(v->runs[i]);
}

/* s and t: SIGHUP ("reload") and SIGTERM to each run's serving daemon,
 * a member proved by the kernel, through its pidfd. */
static void
serve_signal(struct view *v, int sig)
{
	pid_t pid;
	int i, sent = 0;

	for (i = 0; i < v->nruns; i++)
		if ((pid = run_signal_serving(v->runs[i], sig)) > 0) {
			snprintf(v->status, sizeof v->status,
			    text_say(T_SERVE_SENT), sig == SIGHUP ? "SIGHUP" :
			    "SIGTERM", (int)pid, text_say(sig == SIGHUP ?
			    T_SERVE_RELOAD : T_SERVE_STOP));
			sent++;
		}
	if (!sent)
		snprintf(v->status, sizeof v->status, "%s",
		    text_say(T_SERVE_NONE));
}

/* --logout: no screen, the alternatives hung up one by one (logout.h),
 * with a watchdog as for any run. */
static int
logout_run(const char *lang)
{
	int status;

	text_use(lang);
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	make_base_dir();
	if ((watchdog = watchdog_start(base_dir)) == -1)
		die("cannot start the watchdog: %s", strerror(errno), NULL);
	run_hold = watchdog_hold;
	status = logout_print(steps_dir(NULL), base_dir);
	watchdog_stop(watchdog);
	rmdir(base_dir);
	return status;
}

/* H, or --hangup-at: at the run's next quiet moment (hangup.h). */
static void
hang_up(struct view *v)
{
	int i, asked = 0;

	for (i = 0; i < v->nruns; i++)
		asked |= hangup_ask(v->runs[i]) == 0;
	snprintf(v->status, sizeof v->status, "%s", text_say(asked ?
	    T_STATUS_HUNG_UP : T_STATUS_HUNG_UP_ALREADY));
}

static int hangup_at;    /* --hangup-at N: after the Nth step; 0: never */

/* [ and ] (Left, Right): a page of history, while the run waits. */
static void
history_key(struct view *v, int way)
{
	enum text_id why = T_HISTORY_NONE;

	if (v->history == NULL || v->nruns != 1)
		why = T_HISTORY_UNAVAILABLE;
	else if (history_page(v->history, way) == 0) {
		v->status[0] = '\0';
		return;
	} else if (history_showing(v->history))
		why = T_HISTORY_FIRST;
	else if (way > 0)
		return;         /* already now */
	snprintf(v->status, sizeof v->status, "%s", text_say(why));
}

static int
handle_key(struct view *v, int key, struct run runs[2],
    const struct launch_plan *plan)
{
	struct story *s = v->nruns ? &v->runs[0]->story : v->attached;

	if (v->help && key != KEY_RESIZE) {
		v->help = 0;
		if (key != 'g')    /* the help names the glossary's key */
			return 0;
	}
	if (lesson_view_key(&v->lesson, key))
		return 0;
	switch (key) {
	case 'q': case 'Q': case 3:    /* ^C, in raw mode */
		return 1;
	case 'n': case ' ': case '\r': case '\n': case KEY_ENTER:
		if (v->nruns > 0)
			next_step(v);
		break;
	case 'r': case 'R':
		if (v->nruns > 0) {
			if (v->history != NULL)
				history_clear(v->history);
			if (v->quiz != NULL)
				quiz_init(v->quiz, v->quiz->on);
			stop_runs(v);
			start_runs(v, runs, plan);
			snprintf(v->status, sizeof v->status, "%s",
			    text_say(T_STATUS_RESTARTED));
		}
		break;
	case 's': case 't':
		if (v->nruns > 0)
			serve_signal(v, key == 's' ? SIGHUP : SIGTERM);
		break;
	case 12:    /* ^L */
		ui_repaint();
		break;
	case KEY_UP:
	case KEY_DOWN:
		if (v->selected < 0) {    /* the selection followed the focus */
			struct row *f = story_find(s, s->focus);

			v->selected = f != NULL ? (int)(f - s->rows) : 0;
		}
		if (key == KEY_UP && v->selected > 0)
			v->selected--;
		if (key == KEY_DOWN && v->selected < s->nrows - 1)
			v->selected++;
		break;
	case 'd':    /* the sessions diagram, or the table */
		v->diagram = !v->diagram;
		break;
	case '?':
		v->help = 1;
		break;
	case 'H':    /* issue 11: hang up the run's terminal */
		hang_up(v);
		break;
	case '1': case '2': case '3': case '4':
		if (v->quiz == NULL || history_showing(v->history) ||
		    quiz_answer(v->quiz, v->lang, key - '0') == -1)
			snprintf(v->status, sizeof v->status, "%s",
			    text_say(T_QUIZ_NOT_ASKED));
		else
			v->status[0] = '\0';
		break;
	case '[': case KEY_LEFT:
	case ']': case KEY_RIGHT:
		history_key(v, key == '[' || key == KEY_LEFT ? -1 : 1);
		break;
	}
	return 0;
}

/* Reaps our zombie children, after the look (an adopted orphan's last
 * values are read while it is still a zombie); each run is told the
 * statuses of its own, and keeps the zombies it shows (run_reap). */
static void
reap(struct view *v)
{
	run_reap(v->runs, v->nruns);
}

/* Reports from processes outside the run: counted, and said once. */
static void
say_ignored(struct view *v, int *said)
{
	int i, n = 0;

	for (i = 0; i < v->nruns; i++)
		n += v->runs[i]->ignored;
	if (n == *said)
		return;
	*said = n;
	snprintf(v->status, sizeof v->status, text_say(n == 1 ?
	    T_IGNORED_ONE : T_IGNORED), n);
}

static void
loop(struct view *v, struct run runs[2], const struct launch_plan *plan)
{
	struct pollfd fds[8];
	char drain[64];
	int i, n, key, done = 0, ignored = 0;

	while (!done && !quit_signal) {
		if (suspend_signal) {
			suspend_signal = 0;
			ui_suspend();
			continue;
		}
		if (repaint_signal) {
			repaint_signal = 0;
			ui_repaint();
		}
		ui_draw(v);
		n = 0;
		fds[n++] = (struct pollfd){ wake_pipe[0], POLLIN, 0 };
		fds[n++] = (struct pollfd){ STDIN_FILENO, POLLIN, 0 };
		for (i = 0; i < v->nruns; i++) {
			fds[n++] = (struct pollfd){ v->runs[i]->sock, POLLIN, 0 };
			fds[n++] = (struct pollfd){ v->runs[i]->notify.sock,
			    POLLIN, 0 };
			fds[n++] = (struct pollfd){ v->runs[i]->launch.master,
			    POLLIN, 0 };
		}
		poll(fds, n, 1000);    /* a look a second while nothing happens */
		while (read(wake_pipe[0], drain, sizeof drain) > 0)
			;
		if (quit_signal || suspend_signal)
			continue;
		/* Keys first: a flood of reports never delays q. */
		while (!done && (key = getch()) != ERR)
			done = handle_key(v, key, runs, plan);
		if (done)
			break;
		for (i = 0; i < v->nruns; i++) {
			struct run *r = v->runs[i];

			if (child_event)
				r->scan_due = 1;
			run_output(r);
			run_notify(r, 16);
			if (run_reports(r, 16) == 0)
				run_look(r);    /* else the story was just read */
			if (hangup_at > 0 && r->steps_seen >= hangup_at &&
			    !r->hangup.asked)
				hang_up(v);
			hangup_poll(r);
		}
		follow(v);
		if (v->quiz != NULL)
			quiz_update(v->quiz, v->runs[0]);
		child_event = 0;
		reap(v);
		say_ignored(v, &ignored);
		if (v->attached != NULL)
			story_watch(v->attached);
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "chain", required_argument, NULL, 'c' },
		{ "compare", optional_argument, NULL, 'C' },
		{ "once", no_argument, NULL, 'o' },
		{ "survey", no_argument, NULL, 'S' },
		{ "tree", no_argument, NULL, 'T' },
		{ "print-chain", required_argument, NULL, 'P' },
		{ "transcript", required_argument, NULL, 'X' },
		{ "lang", required_argument, NULL, 'l' },
		{ "ascii", no_argument, NULL, 'A' },
		{ "diagram", no_argument, NULL, 'D' },
		{ "quiz", no_argument, NULL, 'Q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "hangup-at", required_argument, NULL, 'U' },
		{ "logout", no_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 },
	};
	static struct run runs[2];
	static struct story attached;
	static struct diagram diagram;
	static struct history history;
	static struct quiz quiz;
	struct view v = { .selected = -1 };
	struct launch_plan plan = { .n = 1 };
	const struct chain *chain = NULL, *transcript = NULL;
	pid_t pids[MAX_ATTACH];
	int opt, npids = 0, once = 0, compare = 0, ascii = 0, survey = 0,
	    tree = 0, logout = 0, quizzing = 0;
	char err[256];
	struct rlimit rl;

	v.lang = default_lang();
	while ((opt = getopt_long(argc, argv, "+p:h", longopts, NULL)) != -1)
		switch (opt) {
		case 'c': chain = named_chain(optarg); break;
		case 'C':
			compare = 1;
			compare_chains(optarg, plan.chain);
			break;
		case 'o': once = 1; break;
		case 'A': ascii = 1; break;
		case 'D': v.diagram = 1; break;
		case 'Q': quizzing = 1; break;
		case 'S': survey = 1; break;
		case 'T': tree = 1; break;
		case 'p': parse_pids(optarg, pids, &npids); break;
		case 'P': print_chain(optarg); return 0;
		case 'X': transcript = named_chain(optarg); break;
		case 'l':
			if (strcmp(optarg, "en") && strcmp(optarg, "zh-CN"))
				die("--lang: '%s' is not a language of the "
				    "lessons", optarg, "use --lang en or "
				    "--lang zh-CN");
			v.lang = optarg;
			break;
		case 'h': usage(0);
		case 'V': printf("daemonlab %s\n", DAEMONLAB_VERSION); return 0;
		case 'L': logout = 1; break;
		case 'U':
			hangup_at = atoi(optarg);
			if (hangup_at < 1 || strspn(optarg, "0123456789") !=
			    strlen(optarg))
				die("--hangup-at: '%s' is not a step number",
				    optarg, "e.g. --hangup-at 3 hangs up after "
				    "the third step");
			break;
		default: usage(2);
		}
	if ((npids > 0) + (optind < argc) + compare + (chain != NULL) > 1)
		die("%s", "choose one of --chain, --compare, -p and -- COMMAND",
		    "see daemonlab --help");
	if (survey && ((npids > 0) + (optind < argc) + compare +
	    (chain != NULL)) > 0)
		die("%s", "--survey looks at every process: it takes no -p, "
		    "--chain, --compare or command", "see daemonlab --help");
	if (logout && (survey || npids > 0 || compare || chain != NULL ||
	    optind < argc || hangup_at > 0))
		die("%s", "--logout runs its own chains: it takes no other mode",
		    "daemonlab --logout [--lang zh-CN]");
	if (logout)
		return logout_run(v.lang);
	if (hangup_at > 0 && (survey || npids > 0))
		die("%s", "--hangup-at hangs up a run's terminal: it takes no "
		    "-p or --survey", "daemonlab --chain sysv --hangup-at 3");
	if (quizzing && (npids > 0 || optind < argc || compare || survey ||
	    once))
		die("%s", "--quiz asks about the steps of one chain: not with "
		    "-p, --compare, --survey, --once or a command",
		    "daemonlab --quiz, or daemonlab --quiz --chain bsd");
	if (tree && !survey)
		die("%s", "--tree is a view of --survey", "daemonlab --survey "
		    "--once --tree");
	if (transcript != NULL) {
		if ((npids > 0) + (optind < argc) + compare + (chain != NULL) +
		    once + survey + ascii + v.diagram + quizzing > 0)
			die("%s", "--transcript runs one chain and prints it: it "
			    "takes only --lang", "daemonlab --transcript sysv "
			    "--lang zh-CN");
		text_use(v.lang);
		steps_dir((char *const *)transcript->argv);
		prctl(PR_SET_CHILD_SUBREAPER, 1);
		if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
			rl.rlim_cur = rl.rlim_max;
			setrlimit(RLIMIT_NOFILE, &rl);
		}
		signals_catch();
		/* A reader that goes away (| head) is an error to report,
		 * after the run is ended, not a death that leaves it to
		 * the watchdog. Caught, not ignored: exec gives the chain
		 * its default back (step-sigreset reports what it finds). */
		sigaction(SIGPIPE, &(struct sigaction){ .sa_handler = on_pipe },
		    NULL);
		make_base_dir();
		/* Without it, a crash of ours would leave the chain running. */
		if ((watchdog = watchdog_start(base_dir)) == -1) {
			int err = errno;

			rmdir(base_dir);
			die("cannot start the watchdog: %s", strerror(err),
			    "too many processes? ulimit -u shows the limit");
		}
		run_hold = watchdog_hold;
		opt = transcript_print(transcript, v.lang, steps_dir(NULL),
		    base_dir, &quit_signal);
		watchdog_stop(watchdog);
		rmdir(base_dir);
		if (quit_signal)
			signals_die(quit_signal);
		return opt;
	}
	if (survey && once) {
		struct survey sv;

		text_use(v.lang);
		if (survey_open(&sv) == -1)
			die("cannot open /proc: %s", strerror(errno), NULL);
		opt = survey_print(&sv, tree);
		survey_close(&sv);
		return opt == 0 ? 0 : 1;
	}
	if (once && npids == 0)
		die("%s", "--once prints attached processes: give -p PID[,PID...]",
		    NULL);

	if (npids > 0) {
		attach(&attached, pids, npids);
		if (once && v.diagram) {
			/* As the screen would draw it: ASCII without UTF-8,
			 * and then English. */
			if (!charset_setup(ascii))
				v.lang = "en";
			text_use(v.lang);
			diagram_layout(&attached, &diagram);
			diagram_print(stdout, &diagram, !charset_utf8());
			return 0;
		}
		if (once) {
			columns_print(&attached);
			return 0;
		}
		v.attached = &attached;
	} else if (!survey) {    /* the survey chooses whom to attach */
		/* Orphans of the chain come to us, not to init: we reap
		 * them, and quitting ends them. One pidfd per process of
		 * the run: as many descriptors as we may have. */
		prctl(PR_SET_CHILD_SUBREAPER, 1);
		if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
			rl.rlim_cur = rl.rlim_max;
			setrlimit(RLIMIT_NOFILE, &rl);
		}
		if (compare) {
			plan.n = 2;
		} else if (optind < argc) {
			plan.title[0] = argv[optind];
			plan.argv[0] = argv + optind;
		} else {
			plan.chain[0] = chain ? chain : named_chain("sysv");
		}
		for (opt = 0; opt < plan.n; opt++)
			if (plan.chain[opt] != NULL) {
				plan.title[opt] = plan.chain[opt]->title;
				plan.argv[opt] = (char **)plan.chain[opt]->argv;
			}
		/* Steps not found: said before the terminal is taken over. */
		for (opt = 0; opt < plan.n; opt++)
			steps_dir(plan.argv[opt]);
	}

	/* Chinese only where it can be drawn; else English, saying why. */
	if (!charset_setup(ascii) && strcmp(v.lang, "zh-CN") == 0) {
		v.lang = "en";
		text_use(v.lang);
		snprintf(v.status, sizeof v.status, "%s", text_say(ascii ?
		    T_STATUS_ASCII : T_STATUS_NO_UTF8));
	}
	text_use(v.lang);
	signals_catch();
	if (ui_start(err, sizeof err) == -1)
		die("%s", err, NULL);
	if (survey) {
		/* `a` on a row: attach to it as -p does; q: done. */
		text_use(v.lang);
		if ((pids[0] = survey_view(v.lang, &quit_signal)) <= 0) {
			ui_end();
			if (quit_signal)
				signals_die(quit_signal);
			return pids[0] < 0 ? 1 : 0;
		}
		attach(&attached, pids, npids = 1);
		v.attached = &attached;
	}
	if (npids == 0) {
		make_base_dir();
		/* Without it, a crash of ours would leave the chain running. */
		if ((watchdog = watchdog_start(base_dir)) == -1) {
			int err = errno;

			rmdir(base_dir);
			errno = err;
			die("cannot start the watchdog: %s", strerror(errno),
			    "too many processes? ulimit -u shows the limit");
		}
		run_hold = watchdog_hold;
		start_runs(&v, runs, &plan);
		if (plan.n == 1) {    /* --compare: one step, two screens */
			history_init(&history);
			v.history = &history;
			quiz_init(&quiz, quizzing);
			v.quiz = &quiz;
		}
	}
	signals_catch_suspend();
	loop(&v, runs, &plan);
	if (v.history != NULL)
		history_clear(v.history);
	stop_runs(&v);
	ui_end();
	watchdog_stop(watchdog);
	if (npids == 0)
		rmdir(base_dir);
	if (quit_signal)
		signals_die(quit_signal);
	return 0;
}
