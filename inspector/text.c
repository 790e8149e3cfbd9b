/* SPDX-License-Identifier: MIT */
/* text.c - choose a language, look a sentence up. */
#include <string.h>

#include "text.h"

static enum text_lang current = TEXT_EN;

int
text_use(const char *lang)
{
	if (strcmp(lang, "en") == 0)
		current = TEXT_EN;
	else if (strcmp(lang, "zh-CN") == 0)
		current = TEXT_ZH_CN;
	else
		return -1;
	return 0;
}

enum text_lang
text_lang(void)
{
	return current;
}

const char *
text_in(enum text_lang lang, enum text_id id)
{
	if ((unsigned)id >= TEXT_COUNT)
		return NULL;
	return lang == TEXT_ZH_CN ? text_zh_cn[id] : text_en[id];
}

const char *
text_say(enum text_id id)
{
	const char *s = text_in(current, id);

	/* A missing string is a bug the parity test catches; never crash
	 * the screen over it. */
	return s != NULL ? s : text_en[id] != NULL ? text_en[id] : "";
}

const char *
text_chain(const char *name)
{
	static const struct {
		const char *name;
		enum text_id id;
	} known[] = {
		{ "sysv", T_CHAIN_SYSV }, { "bsd", T_CHAIN_BSD },
		{ "mistake", T_CHAIN_MISTAKE }, { "daemon7", T_CHAIN_DAEMON7 },
		{ "newstyle", T_CHAIN_NEWSTYLE }, { "bg", T_CHAIN_BG },
		{ "nohup", T_CHAIN_NOHUP }, { "disown", T_CHAIN_DISOWN },
		{ "setsid1", T_CHAIN_SETSID1 }, { "stopped", T_CHAIN_STOPPED },
		{ "nohup-stopped", T_CHAIN_NOHUP_STOPPED },
	};
	size_t i;

	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(name, known[i].name) == 0)
			return text_say(known[i].id);
	return NULL;
}
