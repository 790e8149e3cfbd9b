/* SPDX-License-Identifier: MIT */
/*
 * test_facts.c - the lessons cannot drift: every fact that a lesson's
 * "What to watch" section states, in English and in Chinese, is checked
 * against the live kernel while the chains run.
 *
 * THE GRAMMAR
 *
 * The section ("## What to watch", "## 看什么") is a Markdown list; an
 * item starts with "- " and its indented continuation lines are joined
 * with a space. Each item is exactly one of:
 *
 *   1. A fact:       - SUBJECT [SCOPE] SEP VALUE [TAIL]
 *
 *        SUBJECT  **COL** { JOIN **COL** }
 *                 COL is a column of the table: PPID PID PGID SID TTY
 *                 TPGID STAT UID UMASK CWD FDS COMMAND, or a field of
 *                 /proc/PID/status that the daemon(7) steps change:
 *                 GID (Gid:, the real one), SIGIGN (SigIgn:), SIGBLK
 *                 (SigBlk:; at a pause, in sigtimedwait(), the kernel
 *                 shows the waited-for SIGUSR1, SIGTERM, SIGINT unblocked)
 *        JOIN     ", " | " and " | "、" | " 和 "
 *        SCOPE    " (`S`)" or "（`S`）": which runs the fact is about.
 *                 S is a chain (sysv, bsd, mistake, daemon7, newstyle)
 *                 and/or an option of step-opentty (--noctty, --ioctl),
 *                 e.g. `bsd --ioctl`; or `to the end`; or `root`: only
 *                 when the test runs as root (else not checked, and
 *                 said so). Without a chain: every chain that has
 *                 the lesson's step. Without an option: the runs in which
 *                 the lesson's step has no option (for any step but
 *                 opentty, every run). `to the end`: the state holds at
 *                 this pause and at every later pause of the chain.
 *        SEP      ": " | "："
 *        VALUE    V               the state at this pause, for each COL
 *                 V " → " V       before (at the previous pause, the
 *                                 focus process then) → after (now)
 *        V        ["e.g. " | "例如 "] "`" TOKEN "`"    "e.g." marks an
 *                 example; it is checked like any value, in runs that
 *                 start from umask 0022 (lab_init sets it).
 *        TAIL     nothing, or prose that starts with one of
 *                 : ; . , ! (  ：；。，！（   - not checked.
 *
 *      TOKEN, literal (by column):
 *        PPID PID PGID SID TPGID UID GID   a decimal number: `1`, `-1`;
 *                 UID, GID also `nobody` (that user's, from getpwnam)
 *        SIGIGN SIGBLK  `none`, or signal names joined by commas:
 *                 `SIGQUIT`, `SIGQUIT,SIGUSR2`
 *        TTY      `?`: no controlling terminal
 *        STAT     as ps(1) and the table print it: `S+`, `Ss`, `Ss+`
 *        UMASK    four octal digits: `0000`, `0022`
 *        CWD      an absolute path: `/`
 *        FDS      `none`: no descriptor open; or `0-2 WHAT` or
 *                 `0-2 WHAT +K`: 0, 1 and 2 all open on WHAT, and exactly
 *                 K others; WHAT is `null` (/dev/null), `pts/N` or `pts/M`
 *                 (or `deleted`, in hang-up lessons, see 3)
 *        COMMAND  the process name
 *      TOKEN, symbol:
 *        `same`       as at the previous pause (a state only)
 *        `new`        not as at the previous pause; for PID, and that
 *                     process has exited (a state only)
 *        `PID` `PGID` `SID`  the focus process's own PID, PGID or SID,
 *                     then (before) or now (after)
 *        `shell`      the PID of the shell that started the chain; it
 *                     leads its own session and process group
 *        `subreaper`  the chain's nearest child subreaper: the inspector
 *                     (here, the test process; by hand, 1 or e.g.
 *                     systemd --user)
 *        `pts/N`      TTY, FDS: the terminal the chain was started on
 *        `pts/M`      TTY: a pseudoterminal other than pts/N that the
 *                     process holds open (the one it opened); FDS: any
 *                     pseudoterminal other than pts/N
 *        `$PWD`       CWD: the directory the chain was started in
 *
 *   2. The sentence "Nothing else changes." ("其他都不变。"): every column
 *      but COMMAND and the columns this lesson's facts name for the run
 *      is `same`.
 *
 *   3. A hang-up fact, in the lessons of hangup_lessons[] only (and
 *      only these there, besides prose):
 *
 *      - SUBJECT (`CHAIN N`) SEP VALUE [TAIL]   or   (`CHAIN N-M`)
 *
 *        SUBJECT  **SHELL** (the run's shell, its session leader) and/or
 *                 **FOCUS** (the chain's process that is paused at the
 *                 Nth pause), joined as above
 *        SCOPE    the chain, and the pause after which the terminal is
 *                 hung up: N, or every pause from N to M, each a run
 *        VALUE    `SIGHUP`: it died of SIGHUP, by its wait status (ours
 *                 as its parent or subreaper, or the shell's report);
 *                 `lives`: HANGUP_LIVES_MS after the shell's death it is
 *                 there, no zombie, with no SIGHUP or SIGKILL pending;
 *                 `continued`: it lives, and it was stopped (T) at the
 *                 hang-up and is not now: SIGCONT, seen in /proc
 *
 *      A hang-up lesson may also state an ordinary fact (item 1, a
 *      state, no `same` or `new`) with such a scope: it is about the
 *      FOCUS after the hang-up, once it has been seen to live. FDS may
 *      then name `deleted`: the hung-up terminal pts/N, whose /dev/pts
 *      node went with the master (readlink: "/dev/pts/K (deleted)").
 *
 *      The run: the chain as walk.c runs it (its `how` from chains.c:
 *      foreground, `&`, `& disown`, or `^Z disown`: then the test types
 *      ^Z on the pty at the first pause and waits until the job is
 *      stopped and the shell has disowned it), continued to the Nth
 *      pause, where the world settles; then the test closes the pty
 *      master, its only descriptor of it, as closing a terminal window
 *      does.
 *
 *   4. Prose: any other item. It must be listed in prose_items[] below
 *      (lesson, language, its first words), which says why it is not a
 *      column fact. An item that starts with "**" is never prose: it
 *      must parse as a fact.
 *
 * WHAT IS CHECKED
 *
 * Each lesson is the lesson of one pause of the chains (lesson_steps[]),
 * in the chains it is written for (APUE's steps in sysv, bsd, mistake;
 * daemon(7)'s in daemon7, newstyle); the runs are sysv, bsd, mistake,
 * daemon7 and newstyle, and sysv and bsd with step-opentty --noctty and
 * --ioctl. At that pause each fact whose scope matches the
 * run is checked against /proc (facts_read_paused: the focus process,
 * waiting in its pause) before and after. The mistake's setsid() fails
 * and its process exits: the shell is held stopped (SIGSTOP) meanwhile,
 * so that the exited process stays a zombie whose stat still holds its
 * PID, PGID, SID, TTY and TPGID, and is then continued.
 *
 * The test fails when a fact is false; when an item is neither a fact
 * nor listed prose; when a listed prose item no longer exists; when the
 * two languages state different facts; when a fact was checked in no run;
 * and when a lesson has no checked fact.
 */
#include <check.h>
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "facts.h"
#include "walk.h"

#ifndef LESSONS_DIR
#error "build with -DLESSONS_DIR=\"path/to/docs/lessons\""
#endif

#define MAX_LESSONS 64
#define MAX_ITEMS   40
#define TOK_MAX     64

static const char *const langs[] = { "en", "zh-CN" };
#define NLANGS 2
static const char *const headings[NLANGS] = { "## What to watch",
    "## 看什么" };
static const char *const nothing_else[NLANGS] = { "Nothing else changes.",
    "其他都不变。" };

/* The chains a lesson is written for. */
#define APUE    "sysv bsd mistake"
#define DAEMON7 "daemon7 newstyle"

/* Which pause each lesson is about. */
static const struct {
	const char *key;
	const char *step;     /* the step's name in its report */
	int         nth;      /* its nth pause (or error) in a chain */
	int         error;    /* the step fails: an error, not a pause */
	const char *chains;   /* the runs in which it is checked */
} lesson_steps[] = {
	{ "start",    "start",    1, 0, APUE },
	{ "umask",    "umask",    1, 0, APUE },
	{ "fork",     "fork",     1, 0, APUE },
	{ "setsid",   "setsid",   1, 0, APUE },
	{ "fork2",    "fork",     2, 0, APUE },
	{ "chdir",    "chdir",    1, 0, APUE },
	{ "closefds", "closefds", 1, 0, APUE },
	{ "devnull",  "devnull",  1, 0, APUE },
	{ "opentty",  "opentty",  1, 0, APUE },
	{ "mistake",  "setsid",   1, 1, APUE },
	{ "sigreset", "sigreset", 1, 0, DAEMON7 },
	{ "envclean", "envclean", 1, 0, DAEMON7 },
	{ "pidfile",  "pidfile",  1, 0, DAEMON7 },
	{ "dropprivs", "dropprivs", 1, 0, DAEMON7 },
	{ "syslog",   "syslog",   1, 0, DAEMON7 },
	{ "notify",   "notify",   1, 0, DAEMON7 },
	{ "serve",    "serve",    1, 0, DAEMON7 },
};

/* Lessons about the machine the test runs on, not about a pause of a
 * chain (the survey's). Their facts name a kind of process as scope,
 * and hold for every process of that kind, by the test's own rules:
 *
 *   `kthread`     PF_KTHREAD (0x00200000) in stat field 9
 *   `init`        PID 1
 *   `daemon`      user-level (no PF_KTHREAD), not PID 1, not a zombie,
 *                 no controlling terminal
 *   `daemon/sid`  a daemon with SID = PID
 *
 * Values: numbers, `?` (TTY), and `PID`, `PGID`, `SID`: the process's
 * own. Columns: PPID PID PGID SID TTY TPGID UID. */
static const char *const machine_lessons[] = { "survey" };
/* Lessons about hanging up the terminal (grammar item 3). */
static const char *const hangup_lessons[] = { "hangup" };
#define HANGUP_LIVES_MS 500
static const char *const machine_kinds[] = { "kthread", "init", "daemon",
    "daemon/sid" };

static int
machine_kind(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof machine_kinds / sizeof machine_kinds[0]; i++)
		if (strcmp(s, machine_kinds[i]) == 0)
			return (int)i;
	return -1;
}

/* Whether the word is one of the space-separated words of list. */
static int
has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = list; (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

/* Items that are prose, not column facts, and why. */
static const struct {
	const char *key, *lang, *start, *why;
} prose_items[] = {
	{ "fork", "en", "The terminal pane shows the shell's",
	  "the pty, not a column; walk.c waits for the shell's job line "
	  "at every fork of the job, so a missing one fails the run" },
	{ "fork", "zh-CN", "终端窗格里显示 shell 的",
	  "the same item" },
	{ "closefds", "en", "The terminal pane gets no more messages",
	  "the pty, not a column" },
	{ "closefds", "zh-CN", "终端窗格不再收到链的任何消息",
	  "the same item" },
	{ "mistake", "en", "The row greys out: the process exited with "
	  "status 1", "an exit status, not a column; run() waits for the "
	  "shell's \"[job P: exit 1]\"" },
	{ "mistake", "zh-CN", "这一行变灰：进程以状态 1 退出",
	  "the same item" },
	{ "mistake", "en", "The message gives the reason",
	  "the report's text, not a column; run() checks that it starts "
	  "with the quoted words" },
	{ "mistake", "zh-CN", "消息说明了原因",
	  "the same item" },
	{ "syslog", "en", "Where a syslog daemon listens on /dev/log",
	  "depends on the machine: test_daemon7.c probes /dev/log itself "
	  "and checks the socket (or its absence) from /proc" },
	{ "syslog", "zh-CN", "如果有 syslog 守护进程在 /dev/log 上监听",
	  "the same item" },
	{ "serve", "en", "In daemon7 the readiness pipe closes here",
	  "FDS depends on step-syslog's socket; test_daemon7.c checks the "
	  "pipe and the job's exit 0" },
	{ "serve", "zh-CN", "在 daemon7 链中，就绪管道在这里关闭",
	  "the same item" },
};
#define NPROSE (sizeof prose_items / sizeof prose_items[0])

enum col { C_PPID, C_PID, C_PGID, C_SID, C_TTY, C_TPGID, C_STAT, C_UID,
	C_UMASK, C_CWD, C_FDS, C_COMMAND, C_GID, C_SIGIGN, C_SIGBLK,
	C_SHELL, C_FOCUS, NCOLS };
static const char *const col_names[NCOLS] = { "PPID", "PID", "PGID", "SID",
    "TTY", "TPGID", "STAT", "UID", "UMASK", "CWD", "FDS", "COMMAND", "GID",
    "SIGIGN", "SIGBLK", "SHELL", "FOCUS" };
#define HANGUP_COLS (1u << C_SHELL | 1u << C_FOCUS)

enum kind { ITEM_FACT, ITEM_NOTHING_ELSE, ITEM_PROSE };

struct value {
	int  example;              /* "e.g." */
	char tok[TOK_MAX];
};

struct item {
	enum kind    kind;
	int          line;
	char         text[2048];
	unsigned     cols;         /* bit per enum col */
	char         chain[16];    /* scope; "" any */
	char         option[16];   /* scope; "" none */
	int          to_end;
	int          root;         /* scope `root`: checked only as root */
	int          change;       /* a → b; else the state b */
	struct value a, b;
	int          checked;      /* how many times it held */
	char         pkind[16];    /* machine lessons: the kind of process */
	int          from, to;     /* hang-up facts: after pauses from..to */
};

struct lesson {
	char        key[32];
	const char *lang;
	char        path[512];
	int         step;          /* index in lesson_steps[] */
	int         machine;       /* about this machine, not a pause */
	int         hangup;        /* hang-up facts (hangup_lessons[]) */
	struct item items[MAX_ITEMS];
	int         nitems;
};

static struct lesson lessons[MAX_LESSONS];
static int nlessons;
static int prose_used[NPROSE];
static char errors[16384];     /* what is wrong with the lessons' text */

static void
complain(const char *fmt, ...)
{
	size_t n = strlen(errors);
	va_list ap;

	if (n >= sizeof errors - 2)
		return;
	va_start(ap, fmt);
	vsnprintf(errors + n, sizeof errors - n - 1, fmt, ap);
	va_end(ap);
	strcat(errors, "\n");
}

/* --- Parsing ------------------------------------------------------------ */

/* The bytes of s's first n characters (UTF-8), for "%.*s". */
static int
prefix(const char *s, int n)
{
	int i = 0;

	while (s[i] != '\0' && n-- > 0)
		for (i++; ((unsigned char)s[i] & 0xc0) == 0x80; i++)
			;
	return i;
}

static int
eat(const char **p, const char *s)
{
	size_t n = strlen(s);

	if (strncmp(*p, s, n) != 0)
		return 0;
	*p += n;
	return 1;
}

static int
col_find(const char *name, size_t len)
{
	int i;

	for (i = 0; i < NCOLS; i++)
		if (strlen(col_names[i]) == len &&
		    strncmp(col_names[i], name, len) == 0)
			return i;
	return -1;
}

static int
is_number(const char *s)
{
	if (*s == '-')
		s++;
	if (!isdigit((unsigned char)*s))
		return 0;
	while (isdigit((unsigned char)*s))
		s++;
	return *s == '\0';
}

/* An FDS token: "none", or "0-2 WHAT" [" +K"]; what and others out. */
static int
fds_token(const char *tok, char *what, size_t size, int *others)
{
	const char *p = tok, *sp;
	size_t n;

	*others = 0;
	if (strcmp(tok, "none") == 0) {
		snprintf(what, size, "none");
		return 1;
	}
	if (!eat(&p, "0-2 "))
		return 0;
	sp = strchr(p, ' ');
	n = sp ? (size_t)(sp - p) : strlen(p);
	snprintf(what, size, "%.*s", (int)n, p);
	if (strcmp(what, "null") && strcmp(what, "pts/N") &&
	    strcmp(what, "pts/M") && strcmp(what, "deleted"))
		return 0;
	if (sp == NULL)
		return 1;
	p = sp;
	if (!eat(&p, " +") || !isdigit((unsigned char)*p))
		return 0;
	*others = atoi(p);
	while (isdigit((unsigned char)*p))
		p++;
	return *p == '\0' && *others > 0;
}

/* A SIGIGN/SIGBLK token as a mask: "none" or "SIGQUIT,SIGUSR2"; -1 if
 * it names no signal. */
static long long
signals_token(const char *tok)
{
	char buf[TOK_MAX], *name, *save;
	long long mask = 0;
	int sig;

	if (strcmp(tok, "none") == 0)
		return 0;
	snprintf(buf, sizeof buf, "%s", tok);
	for (name = strtok_r(buf, ",", &save); name != NULL;
	    name = strtok_r(NULL, ",", &save)) {
		for (sig = 1; sig < 32; sig++)
			if (sigabbrev_np(sig) != NULL &&
			    strncmp(name, "SIG", 3) == 0 &&
			    strcmp(name + 3, sigabbrev_np(sig)) == 0)
				break;
		if (sig == 32)
			return -1;
		mask |= 1LL << (sig - 1);
	}
	return mask;
}

static long
nobody_id(int gid)
{
	struct passwd *pw = getpwnam("nobody");

	if (pw == NULL)
		return -2;
	return gid ? (long)pw->pw_gid : (long)pw->pw_uid;
}

static int
stat_token(const char *s)
{
	if (strchr("DRSTtWXZIP", *s) == NULL || *s == '\0')
		return 0;
	for (s++; *s != '\0'; s++)
		if (strchr("<NLsl+", *s) == NULL)
			return 0;
	return 1;
}

/* Whether tok may stand for column c; state: not in a before → after. */
static int
token_ok(enum col c, const char *tok, int state)
{
	char what[16];
	int others, i;

	if (strcmp(tok, "same") == 0 || strcmp(tok, "new") == 0)
		return state;
	switch (c) {
	case C_UID: case C_GID:
		if (!strcmp(tok, "nobody"))
			return 1;
		/* fall through */
	case C_PPID: case C_PID: case C_PGID: case C_SID: case C_TPGID:
		return is_number(tok) || !strcmp(tok, "PID") ||
		    !strcmp(tok, "PGID") || !strcmp(tok, "SID") ||
		    !strcmp(tok, "shell") || !strcmp(tok, "subreaper");
	case C_TTY:
		return !strcmp(tok, "?") || !strcmp(tok, "pts/N") ||
		    !strcmp(tok, "pts/M");
	case C_STAT:
		return stat_token(tok);
	case C_UMASK:
		for (i = 0; i < 4; i++)
			if (tok[i] < '0' || tok[i] > '7')
				return 0;
		return tok[4] == '\0';
	case C_CWD:
		return tok[0] == '/' || !strcmp(tok, "$PWD");
	case C_FDS:
		return fds_token(tok, what, sizeof what, &others);
	case C_COMMAND:
		return tok[0] != '\0' && strchr(tok, ' ') == NULL;
	case C_SIGIGN: case C_SIGBLK:
		return signals_token(tok) != -1;
	case C_SHELL: case C_FOCUS:
		return state && (!strcmp(tok, "SIGHUP") ||
		    !strcmp(tok, "lives") || !strcmp(tok, "continued"));
	default:
		return 0;
	}
}

static int
parse_value(const char **p, struct value *v)
{
	const char *end;

	v->example = eat(p, "e.g. ") || eat(p, "例如 ");
	if (!eat(p, "`") || (end = strchr(*p, '`')) == NULL ||
	    end == *p || end - *p >= TOK_MAX)
		return 0;
	snprintf(v->tok, sizeof v->tok, "%.*s", (int)(end - *p), *p);
	*p = end + 1;
	return 1;
}

static int
parse_scope(struct item *it, const char *s, const char **why)
{
	char buf[64], *word, *save;

	if (strcmp(s, "to the end") == 0) {
		it->to_end = 1;
		return 1;
	}
	if (machine_kind(s) >= 0) {
		snprintf(it->pkind, sizeof it->pkind, "%s",
		    machine_kinds[machine_kind(s)]);
		return 1;
	}
	if (strcmp(s, "root") == 0) {
		it->root = 1;
		return 1;
	}
	snprintf(buf, sizeof buf, "%s", s);
	for (word = strtok_r(buf, " ", &save); word != NULL;
	    word = strtok_r(NULL, " ", &save)) {
		if (chain_find(word) != NULL && it->chain[0] == '\0')
			snprintf(it->chain, sizeof it->chain, "%s", word);
		else if (isdigit((unsigned char)*word) && it->from == 0) {
			char *end;

			it->from = it->to = (int)strtol(word, &end, 10);
			if (*end == '-')
				it->to = (int)strtol(end + 1, &end, 10);
			if (*end != '\0' || it->from < 1 || it->to < it->from) {
				*why = "pauses are N or N-M, from 1";
				return 0;
			}
		} else if ((!strcmp(word, "--noctty") ||
		    !strcmp(word, "--ioctl")) && it->option[0] == '\0')
			snprintf(it->option, sizeof it->option, "%s", word);
		else {
			*why = "a scope is a chain and/or an option of "
			    "step-opentty, or `to the end`";
			return 0;
		}
	}
	return 1;
}

/* An item that starts with "**": a fact, or a complaint. */
static void
parse_fact(struct lesson *l, struct item *it)
{
	const char *p = it->text, *why = NULL, *end;
	char scope[64];
	int c, i;

	it->kind = ITEM_FACT;
	for (;;) {
		if (!eat(&p, "**") || (end = strstr(p, "**")) == NULL ||
		    (c = col_find(p, end - p)) == -1) {
			why = "the subject must be **COLUMN**, COLUMN one of "
			    "PPID PID PGID SID TTY TPGID STAT UID UMASK CWD "
			    "FDS COMMAND GID SIGIGN SIGBLK";
			goto bad;
		}
		it->cols |= 1u << c;
		p = end + 2;
		if (!(eat(&p, ", ") || eat(&p, " and ") || eat(&p, "、") ||
		    eat(&p, " 和 ")))
			break;
	}
	if (eat(&p, " (`") || eat(&p, "（`")) {
		if ((end = strchr(p, '`')) == NULL ||
		    end - p >= (long)sizeof scope) {
			why = "an unclosed scope";
			goto bad;
		}
		snprintf(scope, sizeof scope, "%.*s", (int)(end - p), p);
		p = end + 1;
		if (!(eat(&p, ")") || eat(&p, "）"))) {
			why = "a scope is (`...`), nothing else inside";
			goto bad;
		}
		if (!parse_scope(it, scope, &why))
			goto bad;
	}
	if (!(eat(&p, ": ") || eat(&p, "："))) {
		why = "the subject ends with \": \" (\"：\"), then the value";
		goto bad;
	}
	if (!parse_value(&p, &it->b)) {
		why = "the value is [e.g. ]`TOKEN`";
		goto bad;
	}
	if (eat(&p, " → ")) {
		it->a = it->b;
		if (!parse_value(&p, &it->b)) {
			why = "after \" → \" comes the value after: `TOKEN`";
			goto bad;
		}
		it->change = 1;
	}
	if (!(*p == '\0' || strchr(":;.,!", *p) != NULL ||
	    !strncmp(p, " (", 2) || !strncmp(p, "：", 3) ||
	    !strncmp(p, "；", 3) || !strncmp(p, "。", 3) ||
	    !strncmp(p, "，", 3) || !strncmp(p, "！", 3) ||
	    !strncmp(p, "（", 3))) {
		why = "after the value, the prose starts with punctuation";
		goto bad;
	}
	if (it->to_end && it->change) {
		why = "`to the end` takes a state, not before → after";
		goto bad;
	}
	for (i = 0; i < NCOLS; i++) {
		if (!(it->cols & (1u << i)))
			continue;
		if ((it->change && !token_ok(i, it->a.tok, 0)) ||
		    !token_ok(i, it->b.tok, !it->change)) {
			complain("%s:%d: `%s` is not a value of %s (see the "
			    "grammar in tests/docs/test_facts.c)", l->path,
			    it->line, it->change && !token_ok(i, it->a.tok, 0) ?
			    it->a.tok : it->b.tok, col_names[i]);
			return;
		}
	}
	return;
bad:
	complain("%s:%d: not a fact: %s; at \"%.*s\"", l->path, it->line,
	    why, prefix(p, 40), p);
}

static void
classify(struct lesson *l, struct item *it, int lang)
{
	size_t i;

	if (strncmp(it->text, "**", 2) == 0) {
		parse_fact(l, it);
		return;
	}
	if (strcmp(it->text, nothing_else[lang]) == 0) {
		it->kind = ITEM_NOTHING_ELSE;
		return;
	}
	it->kind = ITEM_PROSE;
	for (i = 0; i < NPROSE; i++)
		if (!strcmp(prose_items[i].key, l->key) &&
		    !strcmp(prose_items[i].lang, l->lang) &&
		    !strncmp(it->text, prose_items[i].start,
		    strlen(prose_items[i].start))) {
			prose_used[i]++;
			return;
		}
	complain("%s:%d: neither a fact (\"- **COLUMN**: `VALUE`\") nor "
	    "\"%s\", nor listed as prose in prose_items[]: \"%.*s\"",
	    l->path, it->line, nothing_else[lang], prefix(it->text, 60),
	    it->text);
}

static void
read_lesson(const char *key, int lang)
{
	struct lesson *l = &lessons[nlessons];
	char line[2048];
	struct item *it = NULL;
	int n = 0, in = 0, found = 0;
	size_t i;
	FILE *f;

	if (nlessons == MAX_LESSONS) {
		complain("more than %d lessons", MAX_LESSONS);
		return;
	}
	memset(l, 0, sizeof *l);
	snprintf(l->key, sizeof l->key, "%s", key);
	l->lang = langs[lang];
	snprintf(l->path, sizeof l->path, "%s/%s/%s.md", LESSONS_DIR,
	    langs[lang], key);
	l->step = -1;
	for (i = 0; i < sizeof lesson_steps / sizeof lesson_steps[0]; i++)
		if (!strcmp(lesson_steps[i].key, key))
			l->step = (int)i;
	for (i = 0; i < sizeof machine_lessons / sizeof machine_lessons[0];
	    i++)
		l->machine |= strcmp(machine_lessons[i], key) == 0;
	for (i = 0; i < sizeof hangup_lessons / sizeof hangup_lessons[0];
	    i++)
		l->hangup |= strcmp(hangup_lessons[i], key) == 0;
	if (l->step == -1 && !l->machine && !l->hangup)
		complain("%s: no pause of a chain is this lesson's: add it to "
		    "lesson_steps[]", l->path);
	if ((f = fopen(l->path, "r")) == NULL) {
		complain("%s: cannot open", l->path);
		return;
	}
	nlessons++;
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		n++;
		if (!strncmp(line, "## ", 3)) {
			in = !strcmp(line, headings[lang]);
			found |= in;
			it = NULL;
			continue;
		}
		if (!in || line[0] == '\0') {
			it = NULL;
			continue;
		}
		if (!strncmp(line, "- ", 2)) {
			if (l->nitems == MAX_ITEMS) {
				complain("%s:%d: too many items", l->path, n);
				break;
			}
			it = &l->items[l->nitems++];
			it->line = n;
			snprintf(it->text, sizeof it->text, "%s", line + 2);
		} else if (it != NULL && (line[0] == ' ' || line[0] == '\t')) {
			const char *s = line + strspn(line, " \t");
			size_t used = strlen(it->text);

			snprintf(it->text + used, sizeof it->text - used, " %s",
			    s);
		} else {
			complain("%s:%d: the section is a list: \"- \" items "
			    "and their indented continuation lines", l->path,
			    n);
		}
	}
	fclose(f);
	if (!found)
		complain("%s: no \"%s\" section", l->path, headings[lang]);
	for (i = 0; i < (size_t)l->nitems; i++)
		classify(l, &l->items[i], lang);
}

static int
same_value(const struct value *a, const struct value *b)
{
	return a->example == b->example && !strcmp(a->tok, b->tok);
}

/* Both languages must state the same facts, in the same order. */
static void
compare_languages(const struct lesson *en, const struct lesson *zh)
{
	int i;

	if (en->nitems != zh->nitems) {
		complain("%s and %s: %d and %d items: the languages must state "
		    "the same facts", en->path, zh->path, en->nitems,
		    zh->nitems);
		return;
	}
	for (i = 0; i < en->nitems; i++) {
		const struct item *a = &en->items[i], *b = &zh->items[i];

		if (a->kind != b->kind || a->cols != b->cols ||
		    strcmp(a->chain, b->chain) || strcmp(a->option, b->option) ||
		    strcmp(a->pkind, b->pkind) || a->to_end != b->to_end ||
		    a->from != b->from || a->to != b->to ||
		    a->root != b->root || a->change != b->change ||
		    (a->change && !same_value(&a->a, &b->a)) ||
		    (a->kind == ITEM_FACT && !same_value(&a->b, &b->b)))
			complain("%s:%d and %s:%d: the two languages state "
			    "different facts here", en->path, a->line,
			    zh->path, b->line);
	}
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every lesson of LESSONS_DIR/en, in both languages. */
static void
read_lessons(void)
{
	char *keys[MAX_LESSONS], path[512];
	struct dirent *e;
	size_t i;
	int n = 0, k, lang;
	DIR *d;

	nlessons = 0;
	errors[0] = '\0';
	memset(prose_used, 0, sizeof prose_used);
	snprintf(path, sizeof path, "%s/en", LESSONS_DIR);
	ck_assert_msg((d = opendir(path)) != NULL, "cannot open %s", path);
	while ((e = readdir(d)) != NULL && n < MAX_LESSONS) {
		size_t len = strlen(e->d_name);

		/* README.md is the folder's index and legend, no lesson. */
		if (len > 3 && !strcmp(e->d_name + len - 3, ".md") &&
		    strcmp(e->d_name, "README.md") != 0)
			keys[n++] = strndup(e->d_name, len - 3);
	}
	closedir(d);
	qsort(keys, n, sizeof keys[0], by_name);
	for (k = 0; k < n; k++) {
		for (lang = 0; lang < NLANGS; lang++)
			read_lesson(keys[k], lang);
		if (nlessons >= 2 && !strcmp(lessons[nlessons - 1].key,
		    lessons[nlessons - 2].key))
			compare_languages(&lessons[nlessons - 2],
			    &lessons[nlessons - 1]);
		free(keys[k]);
	}
	for (i = 0; i < NPROSE; i++)
		if (prose_used[i] != 1)
			complain("prose_items[]: \"%s\" (%s, %s) matches %d "
			    "items, not 1", prose_items[i].start,
			    prose_items[i].key, prose_items[i].lang,
			    prose_used[i]);
	for (k = 0; k < nlessons; k++) {
		int facts = 0, i2;

		for (i2 = 0; i2 < lessons[k].nitems; i2++)
			facts += lessons[k].items[i2].kind != ITEM_PROSE;
		if (facts == 0)
			complain("%s: no fact in its watch section",
			    lessons[k].path);
		for (i2 = 0; i2 < lessons[k].nitems; i2++) {
			const struct item *it = &lessons[k].items[i2];
			unsigned allowed = 1u << C_PPID | 1u << C_PID |
			    1u << C_PGID | 1u << C_SID | 1u << C_TTY |
			    1u << C_TPGID | 1u << C_UID;

			if (it->kind == ITEM_PROSE)
				continue;
			if (lessons[k].machine && (it->kind != ITEM_FACT ||
			    it->pkind[0] == '\0' || it->change ||
			    (it->cols & ~allowed) != 0))
				complain("%s:%d: a fact about this machine is "
				    "**COL** (`KIND`): `VALUE`, COL one of PPID "
				    "PID PGID SID TTY TPGID UID, KIND one of "
				    "kthread init daemon daemon/sid",
				    lessons[k].path, it->line);
			if (!lessons[k].machine && it->pkind[0] != '\0')
				complain("%s:%d: a kind of process as scope "
				    "is for lessons about the machine",
				    lessons[k].path, it->line);
			if (lessons[k].hangup && (it->kind != ITEM_FACT ||
			    it->from == 0 || it->chain[0] == '\0' ||
			    it->option[0] != '\0' || it->change ||
			    it->to_end || it->root ||
			    ((it->cols & HANGUP_COLS) != 0 &&
			    (it->cols & ~HANGUP_COLS) != 0) ||
			    !strcmp(it->b.tok, "same") ||
			    !strcmp(it->b.tok, "new")))
				complain("%s:%d: a hang-up fact is **SHELL** "
				    "and/or **FOCUS** (`CHAIN N` or `CHAIN "
				    "N-M`): `SIGHUP`, `lives` or `continued`; "
				    "or **COLUMN** (`CHAIN N`): `VALUE`, the "
				    "focus after the hang-up",
				    lessons[k].path, it->line);
			if (!lessons[k].hangup && (it->from != 0 ||
			    (it->cols & HANGUP_COLS) != 0))
				complain("%s:%d: **SHELL**, **FOCUS** and "
				    "pauses as scope are for hang-up lessons",
				    lessons[k].path, it->line);
		}
	}
}

/* --- What /proc says -------------------------------------------------- */

struct snap {
	struct facts f;
	int  uid, gid;
	long long sigign, sigblk;
	char stat[16];
};

/* The rest of the table's columns, as the inspector and ps make them. */
static void
snap_complete(struct snap *s)
{
	char path[64], buf[4096], *p, *tok, *save;
	long nice = 0, nlwp = 1, vmlck = 0;
	int field = 3, fd;
	ssize_t n;
	size_t k = 0;

	s->uid = s->gid = -1;
	s->sigign = s->sigblk = -1;
	snprintf(path, sizeof path, "/proc/%d/stat", (int)s->f.pid);
	if ((fd = open(path, O_RDONLY)) != -1) {
		n = read(fd, buf, sizeof buf - 1);
		close(fd);
		buf[n > 0 ? n : 0] = '\0';
		if ((p = strrchr(buf, ')')) != NULL)
			for (tok = strtok_r(p + 2, " ", &save); tok != NULL;
			    tok = strtok_r(NULL, " ", &save), field++) {
				if (field == 19)
					nice = atol(tok);
				if (field == 20)
					nlwp = atol(tok);
			}
	}
	snprintf(path, sizeof path, "/proc/%d/status", (int)s->f.pid);
	if ((fd = open(path, O_RDONLY)) != -1) {
		n = read(fd, buf, sizeof buf - 1);
		close(fd);
		buf[n > 0 ? n : 0] = '\0';
		if ((p = strstr(buf, "\nUid:")) != NULL)
			s->uid = atoi(p + 5);
		if ((p = strstr(buf, "\nGid:")) != NULL)
			s->gid = atoi(p + 5);
		if ((p = strstr(buf, "\nSigIgn:")) != NULL)
			s->sigign = strtoll(p + 8, NULL, 16);
		if ((p = strstr(buf, "\nSigBlk:")) != NULL)
			s->sigblk = strtoll(p + 8, NULL, 16);
		if ((p = strstr(buf, "\nVmLck:")) != NULL)
			vmlck = atol(p + 7);
	}
	s->stat[k++] = s->f.state;
	if (nice < 0)
		s->stat[k++] = '<';
	if (nice > 0)
		s->stat[k++] = 'N';
	if (vmlck > 0)
		s->stat[k++] = 'L';
	if (s->f.sid == s->f.pid)
		s->stat[k++] = 's';
	if (nlwp > 1)
		s->stat[k++] = 'l';
	if (s->f.pgid == s->f.tpgid)
		s->stat[k++] = '+';
	s->stat[k] = '\0';
}

/* What a check needs besides the two snapshots. */
struct ctx {
	const struct walk *w;
	const char        *run;       /* "sysv --noctty", for messages */
};

static unsigned
tty_major(unsigned nr)
{
	return (nr >> 8) & 0xfff;
}

static unsigned
tty_minor(unsigned nr)
{
	return (nr & 0xff) | ((nr >> 12) & 0xfff00);
}

static int
is_shell_tty(const struct ctx *x, unsigned nr)
{
	return nr != 0 && tty_major(nr) == major(x->w->lab.tty) &&
	    tty_minor(nr) == minor(x->w->lab.tty);
}

/* The device of a descriptor's target, when it is a /dev/pts/K. */
static int
pts_dev(const char *target, dev_t *dev)
{
	struct stat st;

	if (target == NULL || strncmp(target, "/dev/pts/", 9) != 0 ||
	    !isdigit((unsigned char)target[9]) || stat(target, &st) == -1 ||
	    !S_ISCHR(st.st_mode))
		return 0;
	*dev = st.st_rdev;
	return 1;
}

static int
is_other_pts(const struct ctx *x, const char *target)
{
	dev_t dev;

	return pts_dev(target, &dev) && dev != x->w->lab.tty;
}

static int
fd_is(const struct ctx *x, const char *target, const char *what)
{
	dev_t dev;

	if (target == NULL)
		return 0;
	if (!strcmp(what, "null"))
		return !strcmp(target, "/dev/null");
	if (!strcmp(what, "pts/N"))
		return pts_dev(target, &dev) && dev == x->w->lab.tty;
	if (!strcmp(what, "deleted")) {     /* pts/N, hung up */
		char gone[64];

		snprintf(gone, sizeof gone, "/dev/pts/%u (deleted)",
		    minor(x->w->lab.tty));
		return !strcmp(target, gone);
	}
	return is_other_pts(x, target);        /* pts/M */
}

/* Column c of s, as text, for the messages. */
static void
show(const struct ctx *x, enum col c, const struct snap *s, char *buf,
    size_t size)
{
	size_t used;
	int i;

	switch (c) {
	case C_PPID:  snprintf(buf, size, "%d", (int)s->f.ppid); break;
	case C_PID:   snprintf(buf, size, "%d", (int)s->f.pid); break;
	case C_PGID:  snprintf(buf, size, "%d", (int)s->f.pgid); break;
	case C_SID:   snprintf(buf, size, "%d", (int)s->f.sid); break;
	case C_TPGID: snprintf(buf, size, "%d", (int)s->f.tpgid); break;
	case C_UID:   snprintf(buf, size, "%d", s->uid); break;
	case C_GID:   snprintf(buf, size, "%d", s->gid); break;
	case C_SIGIGN: case C_SIGBLK: {
		long long m = c == C_SIGIGN ? s->sigign : s->sigblk;
		int sig;

		snprintf(buf, size, "%s", m ? "" : "none");
		for (sig = 1; sig < 64; sig++)
			if (m & (1LL << (sig - 1))) {
				used = strlen(buf);
				snprintf(buf + used, size - used, "%s%s%s",
				    used ? "," : "", sigabbrev_np(sig) ? "SIG" :
				    "", sigabbrev_np(sig) ? sigabbrev_np(sig) :
				    "RT");
			}
		break;
	}
	case C_STAT:  snprintf(buf, size, "%s", s->stat); break;
	case C_UMASK: snprintf(buf, size, "%04o", (unsigned)s->f.umask); break;
	case C_CWD:   snprintf(buf, size, "%.900s", s->f.cwd); break;
	case C_COMMAND: snprintf(buf, size, "%s", s->f.comm); break;
	case C_TTY:
		if (s->f.tty_nr == 0)
			snprintf(buf, size, "?");
		else
			snprintf(buf, size, "device %u:%u%s",
			    tty_major(s->f.tty_nr), tty_minor(s->f.tty_nr),
			    is_shell_tty(x, s->f.tty_nr) ? " (pts/N)" : "");
		break;
	case C_FDS:
		snprintf(buf, size, "%s", s->f.nfds ? "" : "none");
		for (i = 0; i < s->f.nfds; i++) {
			used = strlen(buf);
			snprintf(buf + used, size - used, "%s%d:%s",
			    i ? " " : "", s->f.fd[i], s->f.target[i]);
		}
		break;
	default:
		buf[0] = '\0';
	}
}

static long
number(enum col c, const struct snap *s)
{
	switch (c) {
	case C_PPID:  return s->f.ppid;
	case C_PID:   return s->f.pid;
	case C_PGID:  return s->f.pgid;
	case C_SID:   return s->f.sid;
	case C_TPGID: return s->f.tpgid;
	case C_UID:   return s->uid;
	case C_GID:   return s->gid;
	case C_SIGIGN: return (long)s->sigign;
	case C_SIGBLK: return (long)s->sigblk;
	default:      return 0;
	}
}

static int
fds_equal(const struct facts *a, const struct facts *b)
{
	int i;

	if (a->nfds != b->nfds)
		return 0;
	for (i = 0; i < a->nfds; i++) {
		const char *t = facts_fd(b, a->fd[i]);

		if (t == NULL || strcmp(t, a->target[i]) != 0)
			return 0;
	}
	return 1;
}

static int
same(enum col c, const struct snap *a, const struct snap *b)
{
	switch (c) {
	case C_TTY:     return a->f.tty_nr == b->f.tty_nr;
	case C_STAT:    return !strcmp(a->stat, b->stat);
	case C_UMASK:   return a->f.umask == b->f.umask;
	case C_CWD:     return !strcmp(a->f.cwd, b->f.cwd);
	case C_FDS:     return fds_equal(&a->f, &b->f);
	case C_COMMAND: return !strcmp(a->f.comm, b->f.comm);
	default:        return number(c, a) == number(c, b);
	}
}

/* Whether tok holds for column c of s; before is the previous pause's
 * snapshot (for same and new), or NULL. */
static int
holds(const struct ctx *x, enum col c, const char *tok, const struct snap *s,
    const struct snap *before)
{
	struct facts gone;
	char what[16];
	int others, i, n;

	if (!strcmp(tok, "same") || !strcmp(tok, "new")) {
		if (before == NULL)
			return 0;
		if (!strcmp(tok, "same"))
			return same(c, before, s);
		return !same(c, before, s) && (c != C_PID ||
		    facts_read(before->f.pid, &gone) == -1);
	}
	switch (c) {
	case C_SIGIGN: case C_SIGBLK:
		return number(c, s) == (long)signals_token(tok);
	case C_PPID: case C_PID: case C_PGID: case C_SID: case C_TPGID:
	case C_UID: case C_GID:
		if (!strcmp(tok, "nobody"))
			return number(c, s) == nobody_id(c == C_GID);
		if (!strcmp(tok, "PID"))
			return number(c, s) == s->f.pid;
		if (!strcmp(tok, "PGID"))
			return number(c, s) == s->f.pgid;
		if (!strcmp(tok, "SID"))
			return number(c, s) == s->f.sid;
		if (!strcmp(tok, "shell"))
			return number(c, s) == x->w->lab.shell;
		if (!strcmp(tok, "subreaper"))
			return number(c, s) == getpid();
		return number(c, s) == atol(tok);
	case C_TTY:
		if (!strcmp(tok, "?"))
			return s->f.tty_nr == 0;
		if (!strcmp(tok, "pts/N"))
			return is_shell_tty(x, s->f.tty_nr);
		/* pts/M: another pty, one that the process holds open. */
		if (s->f.tty_nr == 0 || is_shell_tty(x, s->f.tty_nr))
			return 0;
		for (i = 0; i < s->f.nfds; i++) {
			dev_t dev;

			if (pts_dev(s->f.target[i], &dev) &&
			    tty_major(s->f.tty_nr) == major(dev) &&
			    tty_minor(s->f.tty_nr) == minor(dev))
				return 1;
		}
		return 0;
	case C_STAT:
		return !strcmp(s->stat, tok);
	case C_UMASK:
		return s->f.umask == (int)strtol(tok, NULL, 8);
	case C_CWD:
		return !strcmp(s->f.cwd, strcmp(tok, "$PWD") ? tok :
		    x->w->cwd);
	case C_FDS:
		fds_token(tok, what, sizeof what, &others);
		if (!strcmp(what, "none"))
			return s->f.nfds == 0;
		for (i = 0; i < 3; i++)
			if (!fd_is(x, facts_fd(&s->f, i), what))
				return 0;
		for (i = n = 0; i < s->f.nfds; i++)
			n += s->f.fd[i] > 2;
		return n == others;
	case C_COMMAND:
		return !strcmp(s->f.comm, tok);
	default:
		return 0;
	}
}

/* --- Running the chains --------------------------------------------- */

static const struct variant {
	const char *chain, *option;
} variants[] = {
	{ "sysv", NULL }, { "bsd", NULL }, { "mistake", NULL },
	{ "sysv", "--noctty" }, { "bsd", "--noctty" },
	{ "sysv", "--ioctl" }, { "bsd", "--ioctl" },
	{ "daemon7", NULL }, { "newstyle", NULL },
};

/* Whether a lesson's item is about this run. */
static int
in_scope(const struct item *it, const struct lesson *l,
    const struct variant *v)
{
	const char *step = lesson_steps[l->step].step;
	const char *option = strcmp(step, "opentty") == 0 && v->option ?
	    v->option : "";

	if (!has_word(lesson_steps[l->step].chains, v->chain))
		return 0;
	if (it->chain[0] != '\0' && strcmp(it->chain, v->chain) != 0)
		return 0;
	if (it->root && geteuid() != 0)
		return 0;
	return strcmp(it->option, option) == 0;
}

static void
check_fact(const struct ctx *x, const struct lesson *l, struct item *it,
    const struct snap *before, const struct snap *after, int pause)
{
	char now[1024], then[1024];
	int c;

	for (c = 0; c < NCOLS; c++) {
		if (!(it->cols & (1u << c)))
			continue;
		if (it->change) {
			ck_assert_msg(before != NULL, "%s:%d: before → after, "
			    "but the lesson's step is the first", l->path,
			    it->line);
			show(x, c, before, then, sizeof then);
			ck_assert_msg(holds(x, c, it->a.tok, before, NULL),
			    "%s:%d: %s chain, pause %d (%s): %s before: the "
			    "lesson says `%s`, /proc said %s", l->path,
			    it->line, x->run, pause, l->key, col_names[c],
			    it->a.tok, then);
		}
		show(x, c, after, now, sizeof now);
		if (before != NULL)
			show(x, c, before, then, sizeof then);
		else
			snprintf(then, sizeof then, "(none)");
		ck_assert_msg(holds(x, c, it->b.tok, after, before),
		    "%s:%d: %s chain, pause %d (%s): %s%s: the lesson says "
		    "`%s`, /proc says %s (before: %s)", l->path, it->line,
		    x->run, pause, l->key, col_names[c],
		    it->change ? " after" : "", it->b.tok, now, then);
	}
	it->checked++;
}

/* "Nothing else changes": the columns no fact of the lesson names. */
static void
check_nothing_else(const struct ctx *x, const struct lesson *l,
    struct item *it, const struct snap *before, const struct snap *after,
    const struct variant *v, int pause)
{
	unsigned named = 1u << C_COMMAND | HANGUP_COLS;
	char now[1024], then[1024];
	int i, c;

	ck_assert_msg(before != NULL, "%s:%d: nothing else changes, but "
	    "since what?", l->path, it->line);
	for (i = 0; i < l->nitems; i++)
		if (l->items[i].kind == ITEM_FACT &&
		    in_scope(&l->items[i], l, v))
			named |= l->items[i].cols;
	for (c = 0; c < NCOLS; c++) {
		if (named & (1u << c))
			continue;
		show(x, c, before, then, sizeof then);
		show(x, c, after, now, sizeof now);
		ck_assert_msg(same(c, before, after), "%s:%d: %s chain, pause "
		    "%d (%s): \"%s\", but %s changed: %s → %s", l->path,
		    it->line, x->run, pause, l->key, it->text, col_names[c],
		    then, now);
	}
	it->checked++;
}

/* The facts of every lesson about this pause (step's nth pause, or
 * error); `to the end` facts of earlier lessons are kept in later[]. */
struct later {
	struct lesson *l;
	struct item   *it;
};

static void
check_pause(const struct ctx *x, const struct variant *v, const char *step,
    int nth, int error, const struct snap *before, const struct snap *after,
    int pause, struct later *later, int *nlater)
{
	int k, i;

	for (i = 0; i < *nlater; i++)
		check_fact(x, later[i].l, later[i].it, before, after, pause);
	for (k = 0; k < nlessons; k++) {
		struct lesson *l = &lessons[k];

		if (l->step == -1 || strcmp(lesson_steps[l->step].step, step) ||
		    lesson_steps[l->step].nth != nth ||
		    lesson_steps[l->step].error != error ||
		    !has_word(lesson_steps[l->step].chains, v->chain))
			continue;
		for (i = 0; i < l->nitems; i++) {
			struct item *it = &l->items[i];

			if (it->kind == ITEM_PROSE || !in_scope(it, l, v))
				continue;
			if (it->kind == ITEM_NOTHING_ELSE)
				check_nothing_else(x, l, it, before, after, v,
				    pause);
			else
				check_fact(x, l, it, before, after, pause);
			if (it->to_end && *nlater < 64) {
				later[*nlater].l = l;
				later[(*nlater)++].it = it;
			}
		}
	}
}

static void
wait_for_state(pid_t pid, char state)
{
	struct facts f;
	int i;

	for (i = 0; i < 500; i++) {
		if (facts_read(pid, &f) == 0 && f.state == state)
			return;
		usleep(10000);
	}
	ck_abort_msg("process %d did not reach state %c", (int)pid, state);
}

static void
run(const struct variant *v)
{
	static struct walk w;
	struct snap before, after;
	struct later later[64];
	struct ctx x = { &w, NULL };
	char run_name[64], steps[CHAIN_MAX_STEPS][PROTO_STEP_MAX], quote[128];
	int nsteps = 0, nlater = 0, have_before = 0, i, nth;
	enum walk_event e;

	snprintf(run_name, sizeof run_name, "%s%s%s", v->chain,
	    v->option ? " " : "", v->option ? v->option : "");
	x.run = run_name;
	walk_start(&w, v->chain, v->option, WALK_LAB_DIR);
	for (;;) {
		e = walk_next(&w, 5000);
		ck_assert_msg(e != WALK_TIMEOUT, "%s chain: %s", run_name,
		    w.why);
		if (e == WALK_END)
			break;
		for (i = nth = 0; i < nsteps; i++)
			nth += strcmp(steps[i], w.r.m.step) == 0;
		ck_assert_int_lt(nsteps, CHAIN_MAX_STEPS);
		snprintf(steps[nsteps++], sizeof steps[0], "%s", w.r.m.step);
		if (e == WALK_ERROR) {
			/* Only the mistake fails; its shell was stopped, so
			 * the failed step stays a zombie to read. */
			ck_assert_msg(!strcmp(v->chain, "mistake"), "%s chain: "
			    "step %s failed: %s", run_name, w.r.m.step,
			    w.r.m.msg);
			ck_assert_int_eq(walk_until_exited(&w, w.focus, 5000),
			    0);
			ck_assert_int_eq(facts_read(w.focus, &after.f), 0);
			ck_assert_int_eq(after.f.state, 'Z');
			snap_complete(&after);
			check_pause(&x, v, w.r.m.step, nth + 1, 1,
			    have_before ? &before : NULL, &after, nsteps,
			    later, &nlater);
			/* The mistake lesson quotes the message. */
			snprintf(quote, sizeof quote, "setsid() failed with "
			    "EPERM: pid %d leads process group %d", (int)w.focus,
			    (int)w.focus);
			ck_assert_msg(!strncmp(w.r.m.msg, quote, strlen(quote)),
			    "the mistake lesson quotes \"%s\"; the step said "
			    "\"%s\"", quote, w.r.m.msg);
			kill(w.lab.shell, SIGCONT);
			ck_assert_msg(walk_until_job_line(&w, w.focus, 1, 5000)
			    == 0, "the shell did not report exit 1:\n%s",
			    w.lab.out);
			break;
		}
		after.f = w.now;
		snap_complete(&after);
		ck_assert_str_eq(after.f.comm + 5, w.r.m.step);
		check_pause(&x, v, w.r.m.step, nth + 1, 0,
		    have_before ? &before : NULL, &after, nsteps, later,
		    &nlater);
		before = after;
		have_before = 1;
		if (!strcmp(v->chain, "mistake") && nsteps == 1) {
			kill(w.lab.shell, SIGSTOP);
			wait_for_state(w.lab.shell, 'T');
		}
		walk_continue(&w);
	}
	ck_assert_int_eq(walk_finish(&w), 0);
}

/* --- Tests ------------------------------------------------------------ */

START_TEST(every_watch_item_is_a_fact_or_listed_prose)
{
	read_lessons();
	ck_assert_msg(nlessons >= 2, "no lessons in %s", LESSONS_DIR);
	fputs(errors, stderr);
	ck_assert_msg(errors[0] == '\0', "the lessons' watch sections break "
	    "the grammar of tests/docs/test_facts.c (see the lines above)");
}
END_TEST

/* The chain table is the one list of steps: each of its step programs
 * has its lesson, in both languages, and a pause to check it at. */
START_TEST(every_step_of_every_chain_has_a_lesson)
{
	const struct chain *c;
	char path[512];
	size_t i;
	int n, lang, found;

	for (c = chains; c->name != NULL; c++)
		for (n = 0; n < chain_length(c); n++) {
			const char *key = chain_step(c, n) + strlen("step-");

			for (i = found = 0; i < sizeof lesson_steps /
			    sizeof lesson_steps[0]; i++)
				found |= !strcmp(lesson_steps[i].key, key);
			ck_assert_msg(found, "chain %s: step-%s has no entry "
			    "in lesson_steps[]", c->name, key);
			for (lang = 0; lang < NLANGS; lang++) {
				snprintf(path, sizeof path, "%s/%s/%s.md",
				    LESSONS_DIR, langs[lang], key);
				ck_assert_msg(access(path, R_OK) == 0, "chain "
				    "%s: step-%s has no lesson %s", c->name,
				    key, path);
			}
		}
}
END_TEST

START_TEST(every_fact_holds_on_the_live_kernel)
{
	size_t v;
	int k, i;

	read_lessons();
	ck_assert_msg(errors[0] == '\0', "the lessons' watch sections break "
	    "the grammar (see the other test)");
	for (v = 0; v < sizeof variants / sizeof variants[0]; v++)
		run(&variants[v]);
	/* TAP comments: meson keeps them in the log. */
	printf("# facts checked against /proc, by lesson (%zu runs):\n",
	    sizeof variants / sizeof variants[0]);
	for (k = 0; k < nlessons; k++) {
		const struct lesson *l = &lessons[k];
		int facts = 0, columns = 0, checks = 0, prose = 0;

		if (l->machine || l->hangup)
			continue;   /* every_machine_fact_holds_here, and
			             * every_hangup_fact_holds */
		for (i = 0; i < l->nitems; i++) {
			const struct item *it = &l->items[i];

			if (it->kind == ITEM_PROSE) {
				prose++;
				continue;
			}
			if (it->root && geteuid() != 0) {
				printf("  SKIP %s:%d: a fact about root, and "
				    "the test does not run as root\n", l->path,
				    it->line);
				continue;
			}
			ck_assert_msg(it->checked > 0, "%s:%d: this fact "
			    "was checked in no run: does its scope name a "
			    "run in which the lesson's step happens?",
			    l->path, it->line);
			facts++;
			columns += it->kind == ITEM_FACT ?
			    __builtin_popcount(it->cols) : 1;
			checks += it->checked;
		}
		ck_assert_msg(facts > 0, "%s: no checked fact", l->path);
		printf("#   %-9s %-5s %2d fact items (%2d column facts), "
		    "checked %3d times; %d prose items\n", l->key, l->lang,
		    facts, columns, checks, prose);
	}
}
END_TEST

/* --- Hang-up facts (the hangup lesson) ---------------------------------- */

/* What the kernel and the shell did to the two processes of a run. */
struct outcome {
	char shell[48], focus[48];
};

static void
status_word(int status, char *buf, size_t size)
{
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP)
		snprintf(buf, size, "SIGHUP");
	else if (WIFSIGNALED(status))
		snprintf(buf, size, "killed by SIG%s",
		    sigabbrev_np(WTERMSIG(status)) ?
		    sigabbrev_np(WTERMSIG(status)) : "?");
	else
		snprintf(buf, size, "exit %d", WEXITSTATUS(status));
}

/* SIGHUP or SIGKILL pending for pid (SigPnd:, ShdPnd:): a death on its
 * way is not a life. */
static int
death_pending(pid_t pid)
{
	static const char *const keys[] = { "\nSigPnd:", "\nShdPnd:" };
	unsigned long long deadly = 1ULL << (SIGHUP - 1) |
	    1ULL << (SIGKILL - 1);
	char path[64], buf[4096], *p;
	ssize_t n;
	size_t i;
	int fd;

	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if ((p = strstr(buf, keys[i])) == NULL ||
		    (strtoull(p + strlen(keys[i]), NULL, 16) & deadly) != 0)
			return 1;
	return 0;
}

/* The focus's wait status: ours (its parent, or the subreaper that
 * adopted it), or the one the shell reported; -1 while there is none. */
static int
focus_status(struct walk *w, pid_t pid)
{
	int status;

	if (waitpid(pid, &status, WNOHANG) == pid)
		return status;
	return lab_collected(&w->lab, pid);
}

/* The column facts of the hang-up lessons about this run: the focus,
 * which lives on, as /proc shows it after the hang-up. */
static void
check_survivor(const struct walk *w, const char *chain, int nth, pid_t focus)
{
	struct ctx x = { w, chain };
	struct snap now;
	char shown[1024];
	int k, i, c;

	ck_assert_int_eq(facts_read(focus, &now.f), 0);
	snap_complete(&now);
	for (k = 0; k < nlessons; k++)
		for (i = 0; lessons[k].hangup && i < lessons[k].nitems; i++) {
			struct item *it = &lessons[k].items[i];

			if (it->kind != ITEM_FACT ||
			    (it->cols & HANGUP_COLS) != 0 ||
			    strcmp(it->chain, chain) || nth < it->from ||
			    nth > it->to)
				continue;
			for (c = 0; c < C_SHELL; c++) {
				if (!(it->cols & (1u << c)))
					continue;
				show(&x, c, &now, shown, sizeof shown);
				ck_assert_msg(holds(&x, c, it->b.tok, &now,
				    NULL), "%s:%d: %s chain hung up after "
				    "pause %d: %s: the lesson says `%s`, /proc "
				    "says %s", lessons[k].path, it->line,
				    chain, nth, col_names[c], it->b.tok,
				    shown);
			}
			it->checked++;
		}
}

/* The chain to its nth pause, then the terminal hung up as closing its
 * window does: the test closes the pty master, its only descriptor. */
static void
hangup_run(const char *chain, int nth, struct outcome *o)
{
	static struct walk w;
	enum walk_event e;
	struct facts f;
	pid_t focus;
	long deadline;
	int i, status, stopped;

	walk_start(&w, chain, NULL, WALK_LAB_DIR);
	for (i = 1; i <= nth; i++) {
		e = walk_next(&w, 5000);
		ck_assert_msg(e == WALK_PAUSED, "%s chain, pause %d: %s", chain,
		    i, e == WALK_TIMEOUT ? w.why : "no pause there");
		if (i < nth)
			walk_continue(&w);
	}
	focus = w.focus;
	if (w.lab.how == LAUNCH_STOP_DISOWN) {
		/* ^Z, as a user types it; the shell disowns the job. */
		ck_assert_int_eq(write(w.lab.master, "\x1a", 1), 1);
		deadline = lab_now_ms() + 5000;
		while ((facts_read(focus, &f) == -1 || f.state != 'T' ||
		    strstr(w.lab.out, "$ disown") == NULL) &&
		    lab_now_ms() < deadline)
			lab_drain(&w.lab, 10);
		ck_assert_msg(f.state == 'T' && strstr(w.lab.out, "$ disown"),
		    "%s chain: ^Z did not stop and disown the job; the "
		    "terminal shows:\n%s", chain, w.lab.out);
	}
	ck_assert_int_eq(facts_read(focus, &f), 0);
	stopped = f.state == 'T';
	close(w.lab.master);
	w.lab.master = -1;
	status = lab_wait(&w.lab, w.lab.shell, 5000);
	if (status == -1)
		snprintf(o->shell, sizeof o->shell, "lives");
	else
		status_word(status, o->shell, sizeof o->shell);
	/* A death the hang-up causes is on its way by now (the kernel
	 * sends the foreground group's SIGHUP as the shell exits): give it
	 * the time to end, then look. */
	deadline = lab_now_ms() + HANGUP_LIVES_MS;
	while ((status = focus_status(&w, focus)) == -1 &&
	    lab_now_ms() < deadline)
		usleep(10000);
	if (status != -1)
		status_word(status, o->focus, sizeof o->focus);
	else if (facts_read(focus, &f) == -1)
		snprintf(o->focus, sizeof o->focus, "gone, status unseen");
	else if (f.state == 'Z')
		snprintf(o->focus, sizeof o->focus, "a zombie nobody reaped");
	else if (death_pending(focus))
		snprintf(o->focus, sizeof o->focus, "SIGHUP or SIGKILL pending");
	else if (stopped && f.state != 'T')
		snprintf(o->focus, sizeof o->focus, "continued");
	else
		snprintf(o->focus, sizeof o->focus, "lives%s", stopped ?
		    ", still stopped" : "");
	if (strcmp(o->focus, "lives") == 0 || strcmp(o->focus,
	    "continued") == 0)
		check_survivor(&w, chain, nth, focus);
	ck_assert_int_eq(walk_finish(&w), 0);
}

START_TEST(every_hangup_fact_holds)
{
	static struct {
		char chain[16];
		int  nth;
		struct outcome o;
	} runs[64];
	int nruns = 0, k, i, p, r, c, facts = 0;

	read_lessons();
	ck_assert_msg(errors[0] == '\0', "the lessons' watch sections break "
	    "the grammar (see the other test)");
	for (k = 0; k < nlessons; k++)
		for (i = 0; lessons[k].hangup && i < lessons[k].nitems; i++) {
			const struct item *it = &lessons[k].items[i];

			for (p = it->from; it->kind == ITEM_FACT &&
			    p <= it->to; p++) {
				for (r = 0; r < nruns && (runs[r].nth != p ||
				    strcmp(runs[r].chain, it->chain)); r++)
					;
				if (r < nruns)
					continue;
				ck_assert_int_lt(nruns, 64);
				snprintf(runs[nruns].chain,
				    sizeof runs[nruns].chain, "%s", it->chain);
				runs[nruns++].nth = p;
			}
		}
	for (r = 0; r < nruns; r++) {
		hangup_run(runs[r].chain, runs[r].nth, &runs[r].o);
		printf("# hung up after pause %d of %s: shell %s, focus %s\n",
		    runs[r].nth, runs[r].chain, runs[r].o.shell,
		    runs[r].o.focus);
	}
	for (k = 0; k < nlessons; k++)
		for (i = 0; lessons[k].hangup && i < lessons[k].nitems; i++) {
			struct item *it = &lessons[k].items[i];

			for (p = it->from; it->kind == ITEM_FACT &&
			    p <= it->to; p++) {
				for (r = 0; runs[r].nth != p ||
				    strcmp(runs[r].chain, it->chain); r++)
					;
				if ((it->cols & HANGUP_COLS) == 0)
					continue;   /* check_survivor() */
				for (c = C_SHELL; c <= C_FOCUS; c++) {
					const char *did = c == C_SHELL ?
					    runs[r].o.shell : runs[r].o.focus;

					if (!(it->cols & (1u << c)))
						continue;
					ck_assert_msg(!strcmp(did, it->b.tok),
					    "%s:%d: %s chain hung up after "
					    "pause %d: %s: the lesson says "
					    "`%s`, the kernel did: %s",
					    lessons[k].path, it->line,
					    it->chain, p, col_names[c],
					    it->b.tok, did);
				}
				it->checked++;
			}
			facts += it->kind == ITEM_FACT;
			ck_assert_msg(it->kind != ITEM_FACT || it->checked ==
			    it->to - it->from + 1, "%s:%d: checked in %d of "
			    "its %d runs: does the focus live there?",
			    lessons[k].path, it->line, it->checked,
			    it->to - it->from + 1);
		}
	ck_assert_msg(facts > 0, "no hang-up lesson states a hang-up fact");
}
END_TEST

/* --- Facts about this machine (the survey lesson) ---------------------- */

static int
machine_is(const struct facts_brief *m, int kind)
{
	int user = !(m->flags & 0x00200000u);
	int daemon = user && m->pid != 1 && m->state != 'Z' && m->tty == 0;

	switch (kind) {
	case 0: return !user && m->state != 'Z';
	case 1: return m->pid == 1;
	case 2: return daemon;
	case 3: return daemon && m->sid == m->pid;
	}
	return 0;
}

static long
machine_value(const struct facts_brief *m, int col)
{
	switch (col) {
	case C_PPID: return m->ppid;
	case C_PID: return m->pid;
	case C_PGID: return m->pgid;
	case C_SID: return m->sid;
	case C_TTY: return m->tty;
	case C_TPGID: return m->tpgid;
	case C_UID: return m->euid;
	}
	return -1;
}

static int
machine_holds(const struct facts_brief *m, int col, const char *tok)
{
	long v = machine_value(m, col);

	if (!strcmp(tok, "?"))
		return col == C_TTY && v == 0;
	if (!strcmp(tok, "PID"))
		return v == m->pid;
	if (!strcmp(tok, "PGID"))
		return v == m->pgid;
	if (!strcmp(tok, "SID"))
		return v == m->sid;
	return is_number(tok) && col != C_TTY && v == atol(tok);
}

START_TEST(every_machine_fact_holds_here)
{
	struct facts_brief m;
	struct dirent *e;
	DIR *d;
	int k, i, c, kthreads = 0;

	read_lessons();
	ck_assert_msg(errors[0] == '\0', "the lessons' watch sections break "
	    "the grammar (see the first test)");
	ck_assert_ptr_nonnull(d = opendir("/proc"));
	while ((e = readdir(d)) != NULL) {
		if (atoi(e->d_name) <= 0 || facts_read_brief(atoi(e->d_name),
		    &m) == -1)
			continue;
		kthreads += machine_is(&m, 0);
		for (k = 0; k < nlessons; k++)
			for (i = 0; lessons[k].machine &&
			    i < lessons[k].nitems; i++) {
				struct item *it = &lessons[k].items[i];

				if (it->kind != ITEM_FACT ||
				    !machine_is(&m, machine_kind(it->pkind)))
					continue;
				for (c = 0; c < NCOLS; c++)
					ck_assert_msg(!(it->cols & 1u << c) ||
					    machine_holds(&m, c, it->b.tok),
					    "%s:%d: PID %d, a %s: %s is %ld, "
					    "the lesson says `%s`",
					    lessons[k].path, it->line,
					    (int)m.pid, it->pkind, col_names[c],
					    machine_value(&m, c), it->b.tok);
				it->checked++;
			}
	}
	closedir(d);
	for (k = 0; k < nlessons; k++)
		for (i = 0; lessons[k].machine && i < lessons[k].nitems; i++) {
			const struct item *it = &lessons[k].items[i];

			if (it->kind != ITEM_FACT)
				continue;
			if (it->checked == 0 && kthreads == 0 &&
			    !strcmp(it->pkind, "kthread")) {
				printf("%s:%d: not checked: no kernel thread is "
				    "visible here (a PID namespace)\n",
				    lessons[k].path, it->line);
				continue;
			}
			ck_assert_msg(it->checked > 0, "%s:%d: no process of "
			    "kind %s here to check it on", lessons[k].path,
			    it->line, it->pkind);
			printf("  %-9s %-5s line %3d: held for %d processes\n",
			    lessons[k].key, lessons[k].lang, it->line,
			    it->checked);
		}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("docs");
	TCase *tc = tcase_create("facts");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, every_watch_item_is_a_fact_or_listed_prose);
	tcase_add_test(tc, every_step_of_every_chain_has_a_lesson);
	tcase_add_test(tc, every_fact_holds_on_the_live_kernel);
	tcase_add_test(tc, every_machine_fact_holds_here);
	suite_add_tcase(s, tc);
	/* A run per pause of sysv and bsd, and one per alternative. */
	tc = tcase_create("hangup");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, every_hangup_fact_holds);
	suite_add_tcase(s, tc);
	/* A failed test ends with _exit(): lab_run() reaps what it left. */
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
