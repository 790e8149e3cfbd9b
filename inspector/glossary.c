/* SPDX-License-Identifier: MIT */
/* glossary.c - the words for each column and STAT letter. */
#include <stdio.h>
#include <string.h>

#include "columns.h"
#include "glossary.h"
#include "proc.h"

static const struct {
	const char   *term;
	enum text_id  words;
} entries[] = {
	{ "PPID", T_GL_PPID }, { "PID", T_GL_PID }, { "PGID", T_GL_PGID },
	{ "SID", T_GL_SID }, { "TTY", T_GL_TTY }, { "TPGID", T_GL_TPGID },
	{ "STAT", T_GL_STAT }, { "UID", T_GL_UID }, { "UMASK", T_GL_UMASK },
	{ "CWD", T_GL_CWD }, { "FDS", T_GL_FDS },
	{ "COMMAND", T_GL_COMMAND },
	{ "R", T_GL_ST_RUNNING }, { "S", T_GL_ST_SLEEPING },
	{ "D", T_GL_ST_DISK }, { "T", T_GL_ST_STOPPED },
	{ "t", T_GL_ST_TRACED }, { "X", T_GL_ST_DEAD },
	{ "Z", T_GL_ST_ZOMBIE }, { "P", T_GL_ST_PARKED },
	{ "I", T_GL_ST_IDLE },
	{ "<", T_GL_FL_HIGH }, { "N", T_GL_FL_NICE }, { "L", T_GL_FL_LOCKED },
	{ "s", T_GL_FL_SESSION }, { "l", T_GL_FL_THREADS },
	{ "+", T_GL_FL_FOREGROUND },
};

int
glossary_find(const char *term)
{
	size_t i;

	for (i = 0; i < sizeof entries / sizeof entries[0]; i++)
		if (strcmp(entries[i].term, term) == 0)
			return (int)entries[i].words;
	return -1;
}

static size_t
add(char *buf, size_t size, size_t used, const char *term, const char *pre)
{
	char label[16];
	int id = glossary_find(term);

	if (id < 0 || used >= size)
		return used;
	snprintf(label, sizeof label, "%s%s", pre, term);
	used += snprintf(buf + used, size - used, "%-8s %s\n", label,
	    text_say((enum text_id)id));
	return used < size ? used : size;
}

size_t
glossary_text(char *buf, size_t size)
{
	char letter[2] = "";
	size_t used = 0;
	int i;

	if (size > 0)
		buf[0] = '\0';
	for (i = 0; i < NCOLUMNS; i++)
		used = add(buf, size, used, columns[i].name, "");
	for (i = 0; proc_states[i] != '\0'; i++) {
		letter[0] = proc_states[i];
		used = add(buf, size, used, letter, "STAT ");
	}
	for (i = 0; proc_stat_flags[i].letter != 0; i++) {
		letter[0] = proc_stat_flags[i].letter;
		used = add(buf, size, used, letter, "STAT ");
	}
	return used;
}
