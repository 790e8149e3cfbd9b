/* text-en.c - the inspector's words in English. */
#include "text.h"

const char *const text_en[TEXT_COUNT] = {
	[T_CHANGED] =
	    "What changed",
	[T_DETAIL] =
	    "Detail",
	[T_LESSON] =
	    "Lesson",
	[T_TERMINAL] =
	    "Terminal",
	[T_LEGEND] =
	    "highlighted: changed by the last step · x, dim: "
	    "exited · >: selected (Up/Down)",
	[T_NOTHING] =
	    "nothing yet",
	[T_WAITING] =
	    "waiting for the first step",
	[T_SAYS] =
	    "step says:",
	[T_ERROR] =
	    "error:",
	[T_START] =
	    "Press n (or space) to start the first step. Each step "
	    "does one system call and pauses; the table shows what it changed.",
	[T_WATCH] =
	    "What to watch",
	[T_ATTACHED] =
	    "Attached: once a second the inspector reads /proc for "
	    "these processes and their descendants. When one changes, the "
	    "change is highlighted and explained above, and the lesson for "
	    "that kind of change shows here.",
	[T_KEYS_ATTACHED] =
	    "            q quit · Up/Down · ? help",
	[T_KEYS] =
	    " n next · r restart · q quit · ? help",
	[T_IGNORED_ONE] =
	    "1 report from outside the run ignored",
	[T_IGNORED] =
	    "%d reports from outside the run ignored",

	/* Locales (issue 8) */
	[T_CHAIN_SYSV] =
	    "System V: the double fork (APUE 13.3)",
	[T_CHAIN_BSD] =
	    "BSD daemon(3): a single fork",
	[T_CHAIN_MISTAKE] =
	    "The classic mistake: setsid() without a fork first",
	[T_TITLE_STEP] =
	    " step %d/%d: %s · %s",
	[T_TITLE_READY] =
	    " step %d/%d · %s",
	[T_TITLE_COMPARE] =
	    " daemonlab · compare: System V (double fork) and BSD "
	    "(single fork)",
	[T_TITLE_COMMAND] =
	    " daemonlab · %s",
	[T_TITLE_ATTACHED] =
	    " daemonlab · attached",
	[T_COMPARE_STEP] =
	    "%s · step %d/%d: %s",
	[T_COMPARE_READY] =
	    "%s · step %d/%d",
	[T_ZOMBIE_CELL] =
	    " (zombie)",
	[T_EXITED_PID] =
	    "PID %d has exited",
	[T_YES] =
	    "yes",
	[T_NO] =
	    "no",
	[T_DETAIL_PROC] =
	    "PID %d %s%s: group leader %s · session leader %s · "
	    "foreground %s · parent %s",
	[T_DETAIL_EXITED] =
	    " (exited)",
	[T_DETAIL_ZOMBIE] =
	    " (zombie)",
	[T_FDS_UNREADABLE] =
	    "descriptors: not readable (another user's process)",
	[T_FDS_NONE] =
	    "descriptors: none open",
	[T_HELP] =
	    "daemonlab - keys\n"
	    "\n"
	    "n, space, Enter   continue the paused step\n"
	    "r                 restart the chain from the beginning\n"
	    "q                 quit (nothing launched stays running)\n"
	    "Up, Down          select a row; its detail shows below\n"
	    "?                 this help; any key closes it\n"
	    "\n"
	    "Highlighted values changed at the last step.\n"
	    "Rows marked x (and dim) have exited; they keep their\n"
	    "last values.\n"
	    "PPID names the parent: \"1 init\", or the subreaper\n"
	    "that adopted the process (this inspector is one).",
	[T_TOO_SMALL] =
	    "daemonlab needs a terminal of at least %dx%d; this one is "
	    "%dx%d. Make it larger (q quits).",
	[T_STATUS_ENDED] =
	    "The chain has ended: r starts it again, q quits.",
	[T_STATUS_NOT_PAUSED] =
	    "Nothing is paused right now; wait for the step to report.",
	[T_STATUS_RESTARTED] =
	    "Restarted.",
	[T_STATUS_NO_UTF8] =
	    "Showing English: Chinese needs a UTF-8 locale; none is "
	    "installed (locale -a).",
	[T_STATUS_ASCII] =
	    "Showing English: --ascii draws in ASCII, and Chinese cannot "
	    "be written in it.",
	[T_CH_ZOMBIE] =
	    "STAT Z: it exited, but its parent has not reaped it yet "
	    "(a zombie)",
	[T_CH_PID_FORK] =
	    "PID %d → %d: a new process (fork); the parent exited, the "
	    "child goes on",
	[T_CH_PPID_INIT] =
	    "PPID %d → 1: its parent exited and init adopted it",
	[T_CH_PPID_SUBREAPER] =
	    "PPID %d → %s: its parent exited; a child subreaper adopted "
	    "it, not init",
	[T_CH_PPID] =
	    "PPID %s → %s",
	[T_CH_PGID_LEADER] =
	    "PGID %d → %d: it leads a new process group",
	[T_CH_PGID] =
	    "PGID %d → %d",
	[T_CH_NOT_GROUP_LEADER] =
	    "PID %d ≠ PGID %d: no longer a group leader, so setsid() can "
	    "succeed",
	[T_CH_SID_LEADER] =
	    "SID %d → %d: it leads a new session",
	[T_CH_SID] =
	    "SID %d → %d",
	[T_CH_NOT_SESSION_LEADER] =
	    "PID %d ≠ SID %d: not a session leader, so it cannot "
	    "acquire a controlling terminal (unless it calls setsid() again)",
	[T_CH_TTY_LOST] =
	    "TTY %s → ?: it has no controlling terminal any more",
	[T_CH_TTY_ACQUIRED] =
	    "TTY ? → %s: it acquired a controlling terminal",
	[T_CH_TTY] =
	    "TTY %s → %s",
	[T_CH_TPGID_FG] =
	    "TPGID %d → %d: its group has the terminal (foreground)",
	[T_CH_TPGID_BG] =
	    "TPGID %d → %d: another group has the terminal; this one is "
	    "in the background",
	[T_CH_UMASK_ZERO] =
	    "UMASK %04o → 0000: what it creates gets exactly the mode it "
	    "asks for",
	[T_CH_UMASK] =
	    "UMASK %s → %s",
	[T_CH_UID] =
	    "UID %ld → %ld",
	[T_CH_CWD_ROOT] =
	    "CWD %s → %s: it keeps no mounted file system busy",
	[T_CH_CWD] =
	    "CWD %s → %s",
	[T_CH_FDS_ALL_CLOSED] =
	    "FDS: all %d descriptors closed (%s), even 0, 1 and 2",
	[T_CH_FDS_CLOSED] =
	    "FDS: descriptors%s closed",
	[T_CH_FDS_OPEN] =
	    "FDS: now open: %s",
	[T_CH_COMMAND_EXEC] =
	    "COMMAND %s → %s: exec ran a new program in the same process",
	[T_CH_COMMAND] =
	    "COMMAND %s → %s",
	/* 80x24 and the modes without steps (issue 8, sections 1 and 3) */
	[T_MORE_ROWS] =
	    "+%d more processes (Up/Down)",
	[T_LEGEND_WATCH] =
	    "highlighted: just changed · x, dim: exited · >: selected "
	    "(Up/Down)",
	[T_START_COMMAND] =
	    "This command reports no steps, so nothing pauses and n has "
	    "nothing to continue. Once a second the inspector reads /proc for "
	    "it and its descendants; each change is highlighted and explained "
	    "above, with its lesson here.",
	[T_JOB_EXEC] =
	    "COMMAND %s → %s: the shell started the job (fork, then exec "
	    "of the command)",
};
