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
};
