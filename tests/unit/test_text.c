/* SPDX-License-Identifier: MIT */
/*
 * test_text.c - the two tables of the inspector's words (text-en.c,
 * text-zh-CN.c) say the same things: every string in both languages,
 * Chinese that is really Chinese, and format strings that take the same
 * arguments, so that one printf call serves both.
 */
#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changes.h"
#include "lab.h"
#include "chains.h"
#include "text.h"

/* Strings that are the same in every language: kernel and column names
 * and a value, with no word of a language in them. */
static const enum text_id neutral[] = {
	T_TITLE_COMMAND, T_CH_PPID, T_CH_PGID, T_CH_SID, T_CH_TTY,
	T_CH_UMASK, T_CH_UID, T_CH_CWD, T_CH_COMMAND,
	T_SK_INIT,      /* survey: the kind "init", a program's name */
	T_DG_TPGID,     /* diagram: a /proc field and its value */
	/* --logout: command lines as typed at a prompt */
	T_LOGOUT_BG, T_LOGOUT_NOHUP, T_LOGOUT_DISOWN, T_LOGOUT_SETSID,
};

/* The ASCII words a Chinese string may hold: kernel names (system calls,
 * signals, /proc fields, column names), names of programs, keys, and
 * technical names that Chinese texts leave in Latin letters (the
 * lessons in docs/lessons/zh-CN do the same). */
static const char *const kernel_words[] = {
	"PID", "PPID", "PGID", "SID", "TTY", "TPGID", "STAT", "UID",
	"UMASK", "CWD", "FDS", "COMMAND", "Z", "T", "setsid", "fork", "exec",
	"init", "subreaper", "daemon", "daemonlab", "System", "V", "BSD",
	"APUE", "UTF", "C", "locale", "a", "ascii", "ASCII", "n", "r", "q",
	"x", "proc",
	/* survey (issue 9): ps and its options, /proc fields and flags,
	 * signals and calls, programs the kinds are explained by, keys */
	"ps", "axj", "axjf", "flags", "stat", "PF", "KTHREAD", "kthreadd",
	"SIGHUP", "SIGINT", "SIGTSTP", "SIGTTIN", "setpgid", "wait", "POSIX",
	"ID", "shell", "systemd", "nginx", "Apache", "prefork", "sshd",
	"postgres", "nohup", "disown", "t", "k", "c", "l",
	/* keys and the shell's fg */
	"Ctrl", "L", "fg", "p",
	/* the diagram (D): its key and option */
	"d", "diagram", "compare",
	/* the transcript (C) names the options that made it */
	"transcript", "once",
	/* A, issue 10: the notify protocol, the key s, step-serve's signals */
	"READY", "STATUS", "NOTIFY_SOCKET", "s", "step", "serve", "SIGTERM",
	"pidfd", "GID", "SigIgn", "SigBlk", "SigCgt",
	/* hang-up (issue 11): a command line's placeholder, a signal, the
	 * /proc/PID/status masks, nohup's file, key H */
	"prog", "SIGCONT", "SigIgn", "SigCgt", "SigBlk", "pty", "out", "H",
	"TLPI",
	/* E, issue 12: keys, and the /proc fields the glossary names
	 * (proc_pid_stat(5), proc_pid_status(5)) */
	"PgUp", "PgDn", "Home", "End", "Esc", "g", "pid", "ppid", "pgrp",
	"session", "tty", "nr", "tpgid", "state", "nice", "num", "threads",
	"status", "Uid", "Umask", "VmLck", "cwd", "readlink", "fd", "dev",
	"null", "comm", "pts", "N", "K", "I", "O", "SIGSTOP",
};

static int
is_neutral(enum text_id id)
{
	size_t i;

	for (i = 0; i < sizeof neutral / sizeof neutral[0]; i++)
		if (neutral[i] == id)
			return 1;
	return 0;
}

/* The arguments a printf format takes, one letter group per argument:
 * "%-*.*s %ld %04o %%" gives "* * s ld o". */
static void
conversions(const char *f, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (; *f != '\0'; f++) {
		char one[8];
		size_t n = 0;

		if (*f != '%')
			continue;
		if (*++f == '%')
			continue;
		while (*f != '\0' && strchr("-+ #0'", *f) != NULL)
			f++;
		for (; *f != '\0' && (isdigit((unsigned char)*f) || *f == '*' ||
		    *f == '.'); f++)
			if (*f == '*')
				used += snprintf(out + used, size - used, "* ");
		while (*f != '\0' && strchr("hlLqjzt", *f) != NULL && n < 3)
			one[n++] = *f++;
		if (*f == '\0') {
			used += snprintf(out + used, size - used, "(cut) ");
			return;
		}
		one[n++] = *f;
		one[n] = '\0';
		used += snprintf(out + used, size - used, "%s ", one);
	}
}

START_TEST(conversions_are_parsed)
{
	char got[128];

	conversions("%-*.*s %ld %04o %% %d%%x %c", got, sizeof got);
	ck_assert_str_eq(got, "* * s ld o d c ");
	conversions("no conversion", got, sizeof got);
	ck_assert_str_eq(got, "");
	conversions("PID %d %s%s：进程组组长 %s", got, sizeof got);
	ck_assert_str_eq(got, "d s s s ");
}
END_TEST

START_TEST(every_string_in_both_languages)
{
	int id;

	for (id = 0; id < TEXT_COUNT; id++) {
		const char *en = text_in(TEXT_EN, id), *zh = text_in(TEXT_ZH_CN,
		    id);

		ck_assert_msg(en != NULL && *en != '\0',
		    "text %d has no English", id);
		ck_assert_msg(zh != NULL && *zh != '\0',
		    "text %d (\"%s\") has no Chinese", id, en);
	}
}
END_TEST

START_TEST(chinese_is_not_english_copied)
{
	int id;

	for (id = 0; id < TEXT_COUNT; id++) {
		const char *en = text_in(TEXT_EN, id), *zh = text_in(TEXT_ZH_CN,
		    id);

		if (en == NULL || zh == NULL || is_neutral(id))
			continue;
		ck_assert_msg(strcmp(en, zh) != 0, "text %d (\"%s\") is the "
		    "same in Chinese; translate it, or list it as neutral "
		    "here if it has no words", id, en);
	}
}
END_TEST

/* No English word in a Chinese string: every run of ASCII letters is a
 * kernel name or one of the few technical names above. */
START_TEST(chinese_has_no_english_words)
{
	int id;

	for (id = 0; id < TEXT_COUNT; id++) {
		const char *zh = text_in(TEXT_ZH_CN, id), *p;

		if (zh == NULL)
			continue;
		for (p = zh; *p != '\0';) {
			char word[64];
			size_t n = 0, i;
			int known = 0;

			if (*p == '%') {     /* a conversion: "%ld", "%04o" */
				p++;
				while (*p != '\0' && strchr("-+ #0'123456789.*"
				    "hlLqjzt", *p) != NULL)
					p++;
				if (*p != '\0')
					p++;
				continue;
			}
			if (!isalpha((unsigned char)*p)) {
				p++;
				continue;
			}
			while ((isalpha((unsigned char)*p) || *p == '_') &&
			    n < sizeof word - 1)
				word[n++] = *p++;
			word[n] = '\0';
			/* A kernel function, as the hang-up sentences name
			 * them: tty_signal_session_leader(). Else each part
			 * of a name like PF_KTHREAD is a known word. */
			known = strchr(word, '_') != NULL &&
			    strncmp(p, "()", 2) == 0;
			for (i = 0; i < sizeof kernel_words /
			    sizeof kernel_words[0]; i++)
				known |= !strcmp(word, kernel_words[i]);
			if (!known) {
				char parts[64], *part, *save;

				known = 1;
				snprintf(parts, sizeof parts, "%s", word);
				for (part = strtok_r(parts, "_", &save);
				    part != NULL; part = strtok_r(NULL, "_",
				    &save)) {
					int one = 0;

					for (i = 0; i < sizeof kernel_words /
					    sizeof kernel_words[0]; i++)
						one |= !strcmp(part,
						    kernel_words[i]);
					known &= one;
				}
			}
			ck_assert_msg(known, "text %d: \"%s\" is an English "
			    "word in the Chinese \"%s\"", id, word, zh);
		}
	}
}
END_TEST

/* Every chain of steps/chains.c has its title in both languages, so a
 * new chain cannot show an English title on a Chinese screen. */
static void
check_titles(const struct chain *table)
{
	const struct chain *c;

	for (c = table; c->name != NULL; c++) {
		ck_assert_int_eq(text_use("en"), 0);
		ck_assert_msg(text_chain(c->name) != NULL, "chain %s has no "
		    "title in the text tables", c->name);
		ck_assert_int_eq(text_use("zh-CN"), 0);
		ck_assert_msg(text_chain(c->name) != NULL &&
		    strcmp(text_chain(c->name), text_in(TEXT_EN,
		    T_CHAIN_SYSV)) != 0, "chain %s: no Chinese title", c->name);
	}
	text_use("en");
}

START_TEST(every_chain_has_a_title)
{
	check_titles(chains);
	check_titles(hangup_chains);    /* issue 11 */
}
END_TEST

START_TEST(formats_take_the_same_arguments)
{
	int id;

	for (id = 0; id < TEXT_COUNT; id++) {
		const char *en = text_in(TEXT_EN, id), *zh = text_in(TEXT_ZH_CN,
		    id);
		char a[128], b[128];

		if (en == NULL || zh == NULL)
			continue;
		conversions(en, a, sizeof a);
		conversions(zh, b, sizeof b);
		ck_assert_msg(strcmp(a, b) == 0, "text %d: the English \"%s\" "
		    "takes %s, the Chinese \"%s\" takes %s", id, en,
		    *a ? a : "nothing", zh, *b ? b : "nothing");
	}
}
END_TEST

/* The change sentences come from the tables: Chinese when chosen. */
START_TEST(changes_speak_the_chosen_language)
{
	struct look a, b;
	char out[8][CHANGE_LEN];
	int n, i, found = 0;

	memset(&a, 0, sizeof a);
	a.p.pid = a.p.pgid = 4242;
	a.p.ppid = 812;
	a.p.sid = 812;
	a.p.state = b.p.state = 'S';
	a.p.umask = 022;
	a.p.nfds = b.p.nfds = -1;
	snprintf(a.ppid_label, sizeof a.ppid_label, "812 bash");
	snprintf(a.tty, sizeof a.tty, "pts/3");
	b = a;
	b.p.pid = 4243;
	b.p.ppid = 1;
	snprintf(b.ppid_label, sizeof b.ppid_label, "1 init");

	ck_assert_int_eq(text_use("zh-CN"), 0);
	n = changes_describe(&a, &b, out, 8);
	ck_assert_int_gt(n, 0);
	for (i = 0; i < n; i++)
		found |= strcmp(out[i], "PPID 812 → 1：父进程已退出，由 init"
		    "（PID 1）收养") == 0;
	ck_assert_msg(found, "no Chinese PPID sentence; the first: %s",
	    out[0]);
	ck_assert_int_eq(text_use("en"), 0);
	n = changes_describe(&a, &b, out, 8);
	for (i = found = 0; i < n; i++)
		found |= strcmp(out[i], "PPID 812 → 1: its parent exited and "
		    "init adopted it") == 0;
	ck_assert(found);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");

	tcase_add_test(tc, conversions_are_parsed);
	tcase_add_test(tc, every_string_in_both_languages);
	tcase_add_test(tc, chinese_is_not_english_copied);
	tcase_add_test(tc, chinese_has_no_english_words);
	tcase_add_test(tc, formats_take_the_same_arguments);
	tcase_add_test(tc, every_chain_has_a_title);
	tcase_add_test(tc, changes_speak_the_chosen_language);
	suite_add_tcase(s, tc);
	return lab_run(s) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
