/* SPDX-License-Identifier: MIT */
/*
 * text.h - every sentence the inspector shows, one table per language
 * (text-en.c, text-zh-CN.c). A string is added to the enum and to both
 * tables; the unit test unit-text (tests/unit/test_text.c) fails when one
 * language lacks it, when the Chinese is the English copied (unless the
 * test lists it as language-neutral: kernel names and values only), and
 * when a format string's conversions differ: both take the same
 * arguments in the same order.
 */
#ifndef DAEMONLAB_TEXT_H
#define DAEMONLAB_TEXT_H

enum text_id {
	T_CHANGED, T_DETAIL, T_LESSON, T_TERMINAL, T_LEGEND, T_NOTHING,
	T_WAITING, T_SAYS, T_ERROR, T_START, T_WATCH, T_KEYS, T_ATTACHED,
	T_KEYS_ATTACHED,
	/* trust: reports from outside the run */
	T_IGNORED_ONE, T_IGNORED,
	/* Locales (issue 8): every sentence the screen writes. Those named
	 * T_CH_ are the "What changed" sentences (changes.c). */
	T_CHAIN_SYSV, T_CHAIN_BSD, T_CHAIN_MISTAKE, T_CHAIN_DAEMON7,
	T_CHAIN_NEWSTYLE,
	T_TITLE_STEP, T_TITLE_READY, T_TITLE_COMPARE, T_TITLE_COMMAND,
	T_TITLE_ATTACHED, T_COMPARE_STEP, T_COMPARE_READY,
	T_ZOMBIE_CELL, T_EXITED_PID, T_YES, T_NO, T_DETAIL_PROC,
	T_DETAIL_EXITED, T_DETAIL_ZOMBIE, T_FDS_UNREADABLE, T_FDS_NONE,
	T_HELP, T_TOO_SMALL,
	T_STATUS_ENDED, T_STATUS_NOT_PAUSED, T_STATUS_RESTARTED,
	T_STATUS_NO_UTF8, T_STATUS_ASCII,
	T_CH_ZOMBIE, T_CH_PID_FORK, T_CH_PPID_INIT, T_CH_PPID_SUBREAPER,
	T_CH_PPID, T_CH_PGID_LEADER, T_CH_PGID, T_CH_NOT_GROUP_LEADER,
	T_CH_SID_LEADER, T_CH_SID, T_CH_NOT_SESSION_LEADER, T_CH_TTY_LOST,
	T_CH_TTY_ACQUIRED, T_CH_TTY, T_CH_TPGID_FG, T_CH_TPGID_BG,
	T_CH_UMASK_ZERO, T_CH_UMASK, T_CH_UID, T_CH_CWD_ROOT, T_CH_CWD,
	T_CH_FDS_ALL_CLOSED, T_CH_FDS_CLOSED, T_CH_FDS_OPEN,
	T_CH_COMMAND_EXEC, T_CH_COMMAND,
	/* 80x24 and the modes without steps (issue 8, sections 1 and 3) */
	T_MORE_ROWS, T_LEGEND_WATCH, T_START_COMMAND, T_JOB_EXEC,
	/* survey: daemonlab --survey (issue 9). The three runs of kind
	 * strings follow enum survey_kind (survey.h) in its order. */
	T_SK_KTHREAD, T_SK_INIT, T_SK_MANAGER, T_SK_DAEMON_LEADER,
	T_SK_DAEMON_FORKED, T_SK_WORKER, T_SK_SHELL, T_SK_FOREGROUND,
	T_SK_BACKGROUND, T_SK_ORPHANED, T_SK_ZOMBIE, T_SK_UNKNOWN,
	T_SKN_KTHREAD, T_SKN_INIT, T_SKN_MANAGER, T_SKN_DAEMON_LEADER,
	T_SKN_DAEMON_FORKED, T_SKN_WORKER, T_SKN_SHELL, T_SKN_FOREGROUND,
	T_SKN_BACKGROUND, T_SKN_ORPHANED, T_SKN_ZOMBIE, T_SKN_UNKNOWN,
	T_SKW_KTHREAD, T_SKW_INIT, T_SKW_MANAGER, T_SKW_DAEMON_LEADER,
	T_SKW_DAEMON_FORKED, T_SKW_WORKER, T_SKW_SHELL, T_SKW_FOREGROUND,
	T_SKW_BACKGROUND, T_SKW_ORPHANED, T_SKW_ZOMBIE, T_SKW_UNKNOWN,
	T_SURVEY_TITLE, T_SURVEY_FLAT, T_SURVEY_TREE, T_SURVEY_ALL,
	T_SURVEY_KEYS, T_SURVEY_CLAIMS, T_SURVEY_FACTS, T_SURVEY_NO_PARENT,
	T_SURVEY_CL_PPID0, T_SURVEY_EX_PPID0, T_SURVEY_CL_KTHREAD,
	T_SURVEY_CL_INIT, T_SURVEY_CL_ROOT, T_SURVEY_EX_UID,
	T_SURVEY_CL_LEAD, T_SURVEY_EX_KIND, T_SURVEY_CL_ALONE,
	T_SURVEY_EX_CROWD, T_SURVEY_CL_PARENT, T_SURVEY_EX_PARENT,
	T_SURVEY_CL_NOTTY, T_SURVEY_EMPTY, T_SURVEY_GONE, T_SURVEY_HOLDS,
	T_SURVEY_BUT,
	/* help for attached processes (issue 8: words for modes without
	 * steps) */
	T_HELP_ATTACHED,
	/* D diagram: the sessions diagram, key d and --diagram (issue 12,
	 * item 2; diagram-layout.c) */
	T_DG_SESSION, T_DG_GROUP, T_DG_SLEADER, T_DG_GLEADER, T_DG_EXITED,
	T_DG_ZOMBIE, T_DG_NOTTY, T_DG_TPGID, T_DG_MORE, T_DG_LEGEND,
	/* C, transcript: daemonlab --transcript CHAIN (transcript.c) */
	T_TR_TITLE, T_TR_INTRO, T_TR_RAN, T_TR_STEP, T_TR_PARENT_SAYS,
	T_TR_FAILED, T_TR_NO_CHANGE, T_TR_END, T_TR_TERMINAL,
	T_CH_PID_FORK_WAITS,    /* the transcript said a waiting parent exited */
	T_TR_DIAGRAM,           /* the heading of each step's diagram */
	/* A, issue 10: the inspector as the run's service manager
	 * (NOTIFY_SOCKET), and s/t to the serving daemon */
	T_NOTIFY_READY, T_NOTIFY_NOT_READY, T_NOTIFY_IGNORED_ONE,
	T_NOTIFY_IGNORED, T_SERVE_SENT, T_SERVE_NONE, T_SERVE_RELOAD,
	T_SERVE_STOP,
	/* A, issue 10: the detail pane's ids, signals and locks */
	T_DETAIL_IDS, T_DETAIL_LOCK,
	/* B hangup (issue 11): key H, --hangup-at N (hangup.c), and the
	 * everyday alternatives' chains */
	T_CHAIN_BG, T_CHAIN_NOHUP, T_CHAIN_DISOWN, T_CHAIN_SETSID1,
	T_HUP_DIED, T_HUP_ENDED, T_HUP_LIVES_SENT, T_HUP_LIVES, T_HUP_UNSEEN,
	T_HUP_WATCHING, T_HUP_BY_US, T_HUP_BY_SHELL,
	T_HUP_R_CONTROLLING, T_HUP_R_FOREGROUND, T_HUP_R_JOB,
	T_HUP_R_ORPHANED, T_HUP_R_UNKNOWN, T_HUP_N_NO_TTY, T_HUP_N_OTHER_TTY,
	T_HUP_N_BACKGROUND, T_HUP_H_IGNORES, T_HUP_H_CATCHES, T_HUP_H_BLOCKS,
	T_HUP_EXIT, T_HUP_SIGNAL, T_HUP_HEAD, T_HUP_TERM, T_STATUS_HUNG_UP,
	T_STATUS_HUNG_UP_ALREADY, T_CHAIN_STOPPED, T_CHAIN_NOHUP_STOPPED,
	T_HUP_CONTINUED,
	T_LOGOUT_TITLE, T_LOGOUT_BG, T_LOGOUT_NOHUP, T_LOGOUT_DISOWN,
	T_LOGOUT_SETSID, T_LOGOUT_DAEMON, T_LOGOUT_DIED, T_LOGOUT_LIVES,
	T_LOGOUT_LOGIN, T_LOGOUT_OWN, T_LOGOUT_UNSEEN, T_LOGOUT_STUCK,
	T_LOGOUT_NOTE,
	/* F: exited rows tell what they are now (issue 12, item 5) */
	T_STAT_GONE, T_STAT_EXIT, T_DETAIL_ZOMBIE_REAP, T_DETAIL_EXITED_AS,
	T_EXITED_PID_AS,
	/* F: history, [ ] Left Right (issue 12, item 3) */
	T_HISTORY_TITLE, T_HISTORY_FIRST, T_HISTORY_NONE, T_HISTORY_UNAVAILABLE,
	/* F: --quiz, the digit keys (issue 12, item 7) */
	T_QUIZ_RULE, T_QUIZ_NEXT, T_QUIZ_HINT, T_QUIZ_ANSWERED, T_QUIZ_RIGHT,
	T_QUIZ_WRONG, T_QUIZ_UNANSWERED, T_QUIZ_AGREES, T_QUIZ_DISAGREES,
	T_QUIZ_UNCHECKED, T_QUIZ_NONE, T_QUIZ_NOT_ASKED, T_QUIZ_BRIEF_RIGHT,
	T_QUIZ_BRIEF_WRONG, T_QUIZ_BRIEF_NONE, T_QUIZ_NEXT_BRIEF,
	/* E, issue 12: the lesson that scrolls (lesson-view.c), the
	 * glossary (glossary.c: one per column, then one per STAT letter,
	 * in the order of its tables), pacing words (pacing.c) */
	T_LV_WHY, T_LV_PITFALLS, T_LV_MORE_UP, T_LV_MORE_DOWN,
	T_LV_FULL_TITLE, T_LV_FULL_KEYS, T_GL_TITLE, T_GL_KEYS,
	T_GL_PPID, T_GL_PID, T_GL_PGID, T_GL_SID, T_GL_TTY, T_GL_TPGID,
	T_GL_STAT, T_GL_UID, T_GL_UMASK, T_GL_CWD, T_GL_FDS, T_GL_COMMAND,
	T_GL_ST_RUNNING, T_GL_ST_SLEEPING, T_GL_ST_DISK, T_GL_ST_STOPPED,
	T_GL_ST_TRACED, T_GL_ST_DEAD, T_GL_ST_ZOMBIE, T_GL_ST_PARKED,
	T_GL_ST_IDLE, T_GL_FL_HIGH, T_GL_FL_NICE, T_GL_FL_LOCKED,
	T_GL_FL_SESSION, T_GL_FL_THREADS, T_GL_FL_FOREGROUND,
	T_COMPARE_WAITS, T_LV_ABOUT,
	TEXT_COUNT
};

enum text_lang { TEXT_EN, TEXT_ZH_CN, TEXT_LANGS };

extern const char *const text_en[TEXT_COUNT];
extern const char *const text_zh_cn[TEXT_COUNT];

/* Chooses the language: "en" or "zh-CN"; returns -1 for another name. */
int         text_use(const char *lang);
enum text_lang text_lang(void);
/* The string in the chosen language (English until text_use). */
const char *text_say(enum text_id);
/* A chain's title (steps/chains.c names the chains) in the chosen
 * language; NULL for a chain the tables do not know, which the parity
 * test does not allow. */
const char *text_chain(const char *name);
/* The string in a given language, or NULL where the table lacks it. */
const char *text_in(enum text_lang, enum text_id);

#endif
