/*
 * text.h - every sentence the inspector shows, one table per language
 * (text-en.c, text-zh-CN.c). A string is added to the enum and to both
 * tables; the unit test text-parity fails when one language lacks it.
 * Format strings take the same conversions in the same order in both.
 */
#ifndef DAEMONLAB_TEXT_H
#define DAEMONLAB_TEXT_H

enum text_id {
	T_CHANGED, T_DETAIL, T_LESSON, T_TERMINAL, T_LEGEND, T_NOTHING,
	T_WAITING, T_SAYS, T_ERROR, T_START, T_WATCH, T_KEYS, T_ATTACHED,
	T_KEYS_ATTACHED,
	/* trust: reports from outside the run */
	T_IGNORED_ONE, T_IGNORED,
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
/* The string in a given language, or NULL where the table lacks it. */
const char *text_in(enum text_lang, enum text_id);

#endif
