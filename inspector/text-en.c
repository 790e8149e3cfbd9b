/* SPDX-License-Identifier: MIT */
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
	[T_CHAIN_DAEMON7] =
	    "daemon(7): the SysV checklist, readiness to the parent",
	[T_CHAIN_NEWSTYLE] =
	    "daemon(7): a new-style daemon, no fork at all",
	[T_TITLE_STEP] =
	    " step %d/%d: %s · %s",
	[T_TITLE_READY] =
	    " step %d/%d · %s",
	[T_TITLE_COMPARE] =
	    " daemonlab · compare: %s and %s",
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
	    "s, t              SIGHUP (reload), SIGTERM to step-serve\n"
	    "q                 quit (nothing launched stays running)\n"
	    "Up, Down          select a row; its detail shows below\n"
	    "d                 sessions diagram / table\n"
	    "[ ], Left, Right  earlier steps; 1-4 answer a --quiz\n"
	    "H                 hang up the terminal, as at logout\n"
	    "PgUp/PgDn, l, g   scroll lesson; whole lesson; glossary\n"
	    "?                 this help; any key closes it\n"
	    "Ctrl-L, Ctrl-Z    repaint; suspend (fg comes back)\n"
	    "\n"
	    "Highlighted values changed at the last step.\n"
	    "Rows marked x (and dim) have exited; they keep their\n"
	    "last values.\n"
	    "PPID names the parent: \"1 init\", or the subreaper\n"
	    "that adopted the process (this inspector is one).",
	[T_HELP_ATTACHED] =
	    "daemonlab -p - keys\n"
	    "\n"
	    "q                 quit (the processes go on running)\n"
	    "Up, Down          select a row; its detail shows below\n"
	    "d                 sessions diagram / table\n"
	    "PgUp/PgDn, l, g   scroll lesson; whole lesson; glossary\n"
	    "?                 this help; any key closes it\n"
	    "Ctrl-L, Ctrl-Z    repaint; suspend (fg comes back)\n"
	    "\n"
	    "Nothing here runs in steps: once a second the inspector\n"
	    "looks, and highlights what changed since its last look.\n"
	    "Rows marked x (and dim) have exited; they keep their\n"
	    "last values.\n"
	    "PPID names the parent: \"1 init\", or the subreaper\n"
	    "that adopted the process.",
	[T_TOO_SMALL] =
	    "daemonlab needs a terminal of at least %dx%d; this one is "
	    "%dx%d. Make it larger (q quits).",
	[T_STATUS_ENDED] =
	    "The chain has ended: r to run it again, q to quit.",
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
	/* survey */
	[T_SK_KTHREAD] = "kthread",
	[T_SK_INIT] = "init",
	[T_SK_MANAGER] = "manager",
	[T_SK_DAEMON_LEADER] = "daemon/sid",
	[T_SK_DAEMON_FORKED] = "daemon/2fork",
	[T_SK_WORKER] = "worker",
	[T_SK_SHELL] = "shell",
	[T_SK_FOREGROUND] = "fg job",
	[T_SK_BACKGROUND] = "bg job",
	[T_SK_ORPHANED] = "orphan grp",
	[T_SK_ZOMBIE] = "zombie",
	[T_SK_UNKNOWN] = "unknown",
	[T_SKN_KTHREAD] = "kernel thread",
	[T_SKN_INIT] = "init (PID 1)",
	[T_SKN_MANAGER] = "service manager",
	[T_SKN_DAEMON_LEADER] = "daemon, session leader",
	[T_SKN_DAEMON_FORKED] = "daemon, double-forked",
	[T_SKN_WORKER] = "daemon worker",
	[T_SKN_SHELL] = "terminal session leader (a shell)",
	[T_SKN_FOREGROUND] = "foreground job",
	[T_SKN_BACKGROUND] = "background job",
	[T_SKN_ORPHANED] = "orphaned process group",
	[T_SKN_ZOMBIE] = "zombie",
	[T_SKN_UNKNOWN] = "unknown",
	[T_SKW_KTHREAD] =
	    "PF_KTHREAD is set in stat field 9 (flags): the kernel runs it. "
	    "Usually a child of kthreadd (PID 2), PGID and SID 0, no "
	    "command line. PPID 2 alone would not prove it: the kernel's "
	    "user-mode helpers have PPID 2 too.",
	[T_SKW_INIT] =
	    "PID 1: the first user-level program, started by the kernel. "
	    "Its PPID is 0 like kthreadd's, yet PF_KTHREAD is not set; "
	    "PGID and SID may be 0 until it calls setsid(). It adopts every "
	    "orphan that no subreaper takes.",
	[T_SKW_MANAGER] =
	    "%d orphans of other processes live under it (a child in a "
	    "session that neither it nor the child leads: only adoption puts "
	    "one there) and %d children without a terminal lead sessions of "
	    "their own (a manager calls setsid() for each service). /proc "
	    "does not show the subreaper flag; this is how it was recognised.",
	[T_SKW_DAEMON_LEADER] =
	    "No controlling terminal (TTY ?, TPGID -1) and SID = PGID = PID: "
	    "what setsid() leaves. BSD daemon(3) does this, and so does a "
	    "manager such as systemd for every service it starts.",
	[T_SKW_DAEMON_FORKED] =
	    "No controlling terminal, and SID != PID: not a session leader, "
	    "in a session whose leader is not its parent: what the System V "
	    "second fork leaves. It can never acquire a terminal.",
	[T_SKW_WORKER] =
	    "No controlling terminal, SID != PID, and its parent (its "
	    "master) is in the same session: a worker the master forked "
	    "(nginx workers, Apache prefork children). sshd's children and "
	    "postgres backends call setsid() and lead sessions instead.",
	[T_SKW_SHELL] =
	    "It has a controlling terminal and SID = PID: it leads the "
	    "terminal's session, as a login shell does. When it exits, the "
	    "terminal's foreground group gets SIGHUP.",
	[T_SKW_FOREGROUND] =
	    "It has a controlling terminal and PGID = TPGID: its group is "
	    "the terminal's foreground group; STAT shows +. Keys typed "
	    "there send it SIGINT and SIGTSTP.",
	[T_SKW_BACKGROUND] =
	    "It has a controlling terminal and PGID != TPGID: a background "
	    "job. Reading the terminal stops it with SIGTTIN.",
	[T_SKW_ORPHANED] =
	    "No member of its group has a parent in the same session but "
	    "another group (POSIX: an orphaned process group): no shell "
	    "controls the job. Without a terminal: a job that outlived its "
	    "session's leader (nohup, disown, a logout).",
	[T_SKW_ZOMBIE] =
	    "STAT Z: it has exited, and its parent, %s, has not yet "
	    "collected its status with wait(); that parent must reap it "
	    "(if the parent exits first, init or a subreaper adopts and "
	    "reaps it).",
	[T_SKW_UNKNOWN] =
	    "None of the kinds fits; the fields are below. SID or PGID 0 "
	    "means it never left the session the kernel started PID 1 in: "
	    "no setsid(), no setpgid().",
	[T_SURVEY_TITLE] =
	    " daemonlab · survey: %d processes · %s · %s",
	[T_SURVEY_FLAT] = "flat (ps -axj)",
	[T_SURVEY_TREE] = "tree (ps -axjf)",
	[T_SURVEY_ALL] = "all kinds",
	[T_SURVEY_KEYS] =
	    " Up/Down · t tree · k kind · c claims · l lesson · a attach · ? kinds · q quit",
	[T_SURVEY_CLAIMS] =
	    "The seed's claims on this machine",
	[T_SURVEY_FACTS] =
	    "flags (stat field 9) 0x%x · %d in its session, %d in its group "
	    "· parent %s",
	[T_SURVEY_NO_PARENT] = "not in this look",
	[T_SURVEY_CL_PPID0] =
	    "processes with PPID 0 are kernel processes: %d of %d",
	[T_SURVEY_EX_PPID0] =
	    "PID %d %s is user-level (no PF_KTHREAD)",
	[T_SURVEY_CL_KTHREAD] =
	    "kernel processes run as root, with no terminal and no command "
	    "line: %d of %d",
	[T_SURVEY_CL_INIT] =
	    "init is PID 1, a user-level program: PID 1 here is %s, %s, "
	    "PGID %d, SID %d",
	[T_SURVEY_CL_ROOT] =
	    "most daemons run as root: %d of %d (UID is the effective uid, "
	    "as ps -axj prints it)",
	[T_SURVEY_EX_UID] = "%d as UID %ld",
	[T_SURVEY_CL_LEAD] =
	    "every user-level daemon leads its group and session: %d of %d",
	[T_SURVEY_EX_KIND] = "%d %s",
	[T_SURVEY_CL_ALONE] =
	    "and is the only process in both: %d of %d leaders",
	[T_SURVEY_EX_CROWD] = "PID %d %s has %d in its session",
	[T_SURVEY_CL_PARENT] =
	    "most daemons' parent is init: %d of %d",
	[T_SURVEY_EX_PARENT] = "%d under %s (PID %d)",
	[T_SURVEY_CL_NOTTY] =
	    "no daemon has a controlling terminal (TTY ?, TPGID -1): not "
	    "checked, true by definition: having none is what makes a "
	    "process a daemon in this survey",
	[T_SURVEY_EMPTY] = "no process of this kind right now",
	[T_SURVEY_GONE] = "PID %d has exited: nothing to attach to",
	[T_SURVEY_HOLDS] = "user-level, no PF_KTHREAD",
	[T_SURVEY_BUT] = " — ",
	/* D diagram: the sessions diagram (issue 12, item 2) */
	[T_DG_SESSION] = "session %d",
	[T_DG_GROUP] = "group %d",
	[T_DG_SLEADER] = "session+group leader",
	[T_DG_GLEADER] = "group leader",
	[T_DG_EXITED] = "exited",
	[T_DG_ZOMBIE] = "zombie",
	[T_DG_NOTTY] = "no controlling\nterminal",
	[T_DG_TPGID] = "TPGID %d",
	[T_DG_MORE] = "+%d more processes not drawn (d: the table)",
	[T_DG_LEGEND] =
	    "%s foreground group of the terminal (TPGID) · * changed · x "
	    "exited",

	/* C, transcript: daemonlab --transcript CHAIN (transcript.c) */
	[T_TR_TITLE] =
	    "Transcript: %s",
	[T_TR_INTRO] =
	    "The `%s` chain ran as the inspector runs it: the foreground job "
	    "of a small shell on a pty of its own, with the inspector as the "
	    "child subreaper that adopts its orphans. `daemonlab --transcript "
	    "%s` continued it at every pause and wrote this page: what the "
	    "step said, the table as `daemonlab --once` prints it (read live "
	    "from /proc), the sentences the screen shows under \"What "
	    "changed\", and what the lesson says to watch. The chain:",
	[T_TR_RAN] =
	    "Run on a live kernel, %s %s (%s), as uid %d, started in `%s`; "
	    "the chain inherited a file that its parent \"forgot\" to close "
	    "on descriptor %d. PIDs and terminal numbers are this run's. The "
	    "tables show the living processes; those that exited during a "
	    "step are named under its table.",
	[T_TR_STEP] =
	    "Step %d/%d: %s",
	[T_TR_PARENT_SAYS] =
	    "the parent says:",
	[T_TR_FAILED] =
	    "The step failed and exited; the chain stops here.",
	[T_TR_NO_CHANGE] =
	    "Nothing that the table shows changed.",
	[T_TR_END] =
	    "The end",
	[T_TR_TERMINAL] =
	    "What the run's terminal showed, from the shell's command line "
	    "to its last prompt. Two processes writing at the same moment "
	    "may appear in either order: the scheduler decides.",
	[T_CH_PID_FORK_WAITS] =
	    "PID %d → %d: a new process (fork); the parent lives on and "
	    "waits, the child goes on",
	[T_TR_DIAGRAM] =
	    "Sessions, groups and the terminal",
	/* A, issue 10: NOTIFY_SOCKET, s and t */
	[T_NOTIFY_READY] =
	    "service manager: READY=1 from PID %d; it last said: %s",
	[T_NOTIFY_NOT_READY] =
	    "service manager: no READY=1 yet; PID %d last said: %s",
	[T_NOTIFY_IGNORED_ONE] =
	    "1 notify message from outside the run ignored",
	[T_NOTIFY_IGNORED] =
	    "%d notify messages from outside the run ignored",
	[T_SERVE_SENT] =
	    "%s to step-serve (PID %d, by its pidfd): %s",
	[T_SERVE_NONE] =
	    "no daemon is serving yet: s and t signal step-serve",
	[T_SERVE_RELOAD] =
	    "reread your configuration",
	[T_SERVE_STOP] =
	    "shut down cleanly",
	/* A, issue 10: the detail pane */
	[T_DETAIL_IDS] =
	    "UID %ld/%ld GID %ld/%ld (real/effective) · SigIgn %s · "
	    "SigBlk %s · SigCgt %s",
	[T_DETAIL_LOCK] =
	    " [%s %s lock held]",
	/* B hangup (issue 11) */
	[T_CHAIN_BG] = "prog &: a background job",
	[T_CHAIN_NOHUP] = "nohup prog &: SIGHUP ignored, output to nohup.out",
	[T_CHAIN_DISOWN] = "prog & disown: no longer a job of the shell",
	[T_CHAIN_SETSID1] = "setsid prog: setsid(1) forks, then setsid() and exec",
	[T_HUP_DIED] = "%d %s died of SIGHUP (wait status, %s): %s",
	[T_HUP_ENDED] = "%d %s ended, %s (wait status, %s): %s",
	[T_HUP_LIVES_SENT] =
	    "%d %s lives: it %s. By the rules (the kernel's, the shell's) "
	    "it was sent SIGHUP (%s); that is not observed: an ignored or "
	    "caught signal leaves no trace",
	[T_HUP_LIVES] = "%d %s lives: %s",
	[T_HUP_UNSEEN] =
	    "%d %s ended; the run has not collected its wait status",
	[T_HUP_WATCHING] = "%d %s: still running; watching",
	[T_HUP_BY_US] = "collected by the inspector",
	[T_HUP_BY_SHELL] = "reported by the shell",
	[T_HUP_R_CONTROLLING] =
	    "the controlling process: the kernel sends it SIGHUP and SIGCONT "
	    "(tty_signal_session_leader())",
	[T_HUP_R_FOREGROUND] =
	    "in the foreground group when the controlling process exited "
	    "(disassociate_ctty())",
	[T_HUP_R_JOB] = "a job of the shell, which passes SIGHUP on",
	[T_HUP_R_ORPHANED] =
	    "its group was orphaned with a stopped member: SIGHUP, then "
	    "SIGCONT (kill_orphaned_pgrp())",
	[T_HUP_R_UNKNOWN] = "no rule of the lesson predicted this",
	[T_HUP_N_NO_TTY] =
	    "no controlling terminal (setsid()): nothing sent it SIGHUP",
	[T_HUP_N_OTHER_TTY] =
	    "its controlling terminal is another one: nothing sent it SIGHUP",
	[T_HUP_N_BACKGROUND] =
	    "a background group, no job of the shell: nothing sent it "
	    "SIGHUP; it lost its controlling terminal",
	[T_HUP_H_IGNORES] = "ignores SIGHUP (SigIgn)",
	[T_HUP_H_CATCHES] = "catches SIGHUP (SigCgt)",
	[T_HUP_H_BLOCKS] = "blocks SIGHUP (SigBlk)",
	[T_HUP_EXIT] = "exit %d",
	[T_HUP_SIGNAL] = "killed by %s",
	[T_HUP_HEAD] =
	    "Hung up after step %d, as closing the window does (the pty "
	    "master closed):",
	[T_HUP_TERM] =
	    "--- hung up: the inspector closed this terminal (r starts over) ---",
	[T_STATUS_HUNG_UP] =
	    "Terminal hung up: who died comes from wait statuses, who lives "
	    "from /proc. r starts over.",
	[T_STATUS_HUNG_UP_ALREADY] = "Already hung up; r starts over.",
	[T_CHAIN_STOPPED] =
	    "prog, ^Z, disown: stopped when its group is orphaned",
	[T_CHAIN_NOHUP_STOPPED] =
	    "nohup prog, ^Z, disown: SIGHUP ignored, SIGCONT seen",
	[T_HUP_CONTINUED] =
	    ". It was stopped (T) at the hang-up and runs again: SIGCONT, "
	    "observed",
	[T_LOGOUT_TITLE] =
	    "Which survive logout, and what each still holds (TLPI 34.6.1):\n"
	    "each started at a prompt on a terminal of its own, then that "
	    "terminal hung up as at logout.",
	[T_LOGOUT_BG] = "prog &",
	[T_LOGOUT_NOHUP] = "nohup prog &",
	[T_LOGOUT_DISOWN] = "prog & disown",
	[T_LOGOUT_SETSID] = "setsid prog",
	[T_LOGOUT_DAEMON] = "the full daemon (the System V chain, to its end)",
	[T_LOGOUT_DIED] = "died of SIGHUP",
	[T_LOGOUT_LIVES] =
	    "lives: session %s (SID %d), TTY %s; fd %s; CWD %s",
	[T_LOGOUT_LOGIN] = "the login's",
	[T_LOGOUT_OWN] = "its own",
	[T_LOGOUT_UNSEEN] = "ended, and its wait status was not collected",
	[T_LOGOUT_STUCK] = "did not reach its hang-up in 20 s",
	[T_LOGOUT_NOTE] =
	    "Deaths come from wait statuses, the rest from /proc after the "
	    "hang-up. Why: daemonlab's lesson hangup (daemonlab --chain bg "
	    "--hangup-at 1, or the key H).",
	/* F: exited rows tell what they are now */
	[T_STAT_GONE] = "exited",
	[T_STAT_EXIT] = "exit %d",
	[T_DETAIL_ZOMBIE_REAP] = " (zombie: its parent %s must reap it "
	    "with wait())",
	[T_DETAIL_EXITED_AS] = " (exited: %s)",
	[T_EXITED_PID_AS] = "PID %d has exited: %s",
	/* F: history */
	[T_HISTORY_TITLE] = "step %d/%d as seen at %s — ] or Right to come "
	    "back",
	[T_HISTORY_FIRST] = "this is the first step seen: ] or Right comes "
	    "back to now",
	[T_HISTORY_NONE] = "no earlier step to look back at yet",
	[T_HISTORY_UNAVAILABLE] = "history needs one chain: not in --compare, "
	    "-p or a command without steps",
	/* F: --quiz */
	[T_QUIZ_RULE] = "Check yourself",
	[T_QUIZ_NEXT] = "Before the next step, %s:",
	[T_QUIZ_HINT] = "Answer with a digit, 1-%d; then n runs the step "
	    "(n without an answer runs it too).",
	[T_QUIZ_ANSWERED] = "Your answer: %d. n runs the step and shows what "
	    "really happens.",
	[T_QUIZ_RIGHT] = "%s: you answered %d, and that is right",
	[T_QUIZ_WRONG] = "%s: you answered %d; the right answer is %d",
	[T_QUIZ_UNANSWERED] = "%s: no answer given; the right answer is %d",
	[T_QUIZ_AGREES] = "/proc after the step: %s, as the answer says.",
	[T_QUIZ_DISAGREES] = "/proc after the step: %s, which is not what the "
	    "answer says: look at the table.",
	[T_QUIZ_UNCHECKED] = "/proc could not be read for this step.",
	[T_QUIZ_NONE] = "No question for the next step: n runs it.",
	[T_QUIZ_NOT_ASKED] = "Digits answer the questions of --quiz; none is "
	    "asked now.",
	[T_QUIZ_BRIEF_RIGHT] = "%s: %d is right. /proc: %s",
	[T_QUIZ_BRIEF_WRONG] = "%s: not %d but %d. /proc: %s",
	[T_QUIZ_BRIEF_NONE] = "%s: the answer is %d. /proc: %s",
	[T_QUIZ_NEXT_BRIEF] = "%s: %s",
	/* E, issue 12: lesson pane, glossary, pacing words */
	[T_LV_WHY] = "Why a daemon does it",
	[T_LV_PITFALLS] = "Pitfalls",
	[T_LV_MORE_UP] = "more ↑",
	[T_LV_MORE_DOWN] = "more ↓",
	[T_LV_FULL_TITLE] = "The whole lesson",
	[T_LV_FULL_KEYS] =
	    " PgUp/PgDn, Up/Down, Home/End scroll · l, q or Esc: back",
	[T_GL_TITLE] = "Glossary: every column and STAT letter, from /proc",
	[T_GL_KEYS] =
	    " PgUp/PgDn, Up/Down scroll · g, q or Esc: back",
	[T_GL_PPID] = "parent's PID: stat field 4 (ppid); beside it the "
	    "parent's name (its stat field 2), init or (subreaper)",
	[T_GL_PID] = "process ID: stat field 1 (pid)",
	[T_GL_PGID] = "process group ID: stat field 5 (pgrp); = PID for a "
	    "group leader",
	[T_GL_SID] = "session ID: stat field 6 (session); = PID for a "
	    "session leader",
	[T_GL_TTY] = "controlling terminal: stat field 7 (tty_nr), named as "
	    "ps names it (pts/N); ? = none",
	[T_GL_TPGID] = "foreground process group of its terminal: stat field "
	    "8 (tpgid); -1 = no terminal",
	[T_GL_STAT] = "state: stat field 3 (state), then letters from nice "
	    "(19), num_threads (20), status VmLck: and SID, TPGID",
	[T_GL_UID] = "user ID: status Uid: (the first, real)",
	[T_GL_UMASK] = "file mode creation mask: status Umask:",
	[T_GL_CWD] = "current directory: readlink of /proc/PID/cwd",
	[T_GL_FDS] = "open descriptors: readlink of each /proc/PID/fd/N; "
	    "0-2 null = 0, 1, 2 on /dev/null, +K = K more",
	[T_GL_COMMAND] = "program name: stat field 2 (comm), escaped",
	[T_GL_ST_RUNNING] = "running or runnable (stat field 3)",
	[T_GL_ST_SLEEPING] = "sleeping, wakes on a signal (stat field 3): "
	    "a paused step waits so",
	[T_GL_ST_DISK] = "sleeping, uninterruptible, usually on I/O (stat "
	    "field 3)",
	[T_GL_ST_STOPPED] = "stopped by job control: SIGSTOP, SIGTSTP "
	    "(stat field 3)",
	[T_GL_ST_TRACED] = "stopped by a debugger (stat field 3)",
	[T_GL_ST_DEAD] = "dead, being removed (stat field 3); hardly ever "
	    "seen",
	[T_GL_ST_ZOMBIE] = "zombie: exited, its parent has not waited for "
	    "it yet (stat field 3)",
	[T_GL_ST_PARKED] = "parked kernel thread (stat field 3)",
	[T_GL_ST_IDLE] = "idle kernel thread (stat field 3)",
	[T_GL_FL_HIGH] = "high priority: nice < 0 (stat field 19)",
	[T_GL_FL_NICE] = "low priority: nice > 0 (stat field 19)",
	[T_GL_FL_LOCKED] = "has pages locked in memory: status VmLck: > 0",
	[T_GL_FL_SESSION] = "session leader: SID = PID (stat fields 6, 1)",
	[T_GL_FL_THREADS] = "more than one thread: num_threads > 1 (stat "
	    "field 20)",
	[T_GL_FL_FOREGROUND] = "in its terminal's foreground group: TPGID = "
	    "PGID (stat fields 8, 5)",
	[T_COMPARE_WAITS] = "%s has no step \"%s\": it waits for %s",
	[T_LV_ABOUT] = "What the step does",
};


