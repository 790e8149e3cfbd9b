/* SPDX-License-Identifier: MIT */
/* lessons.c - finding a lesson in the generated table. */
#include <stddef.h>
#include <string.h>

#include "lessons.h"

static const struct lesson *
lesson_lookup(const char *key, const char *lang)
{
	const struct lesson *l;

	for (l = lessons; l->key != NULL; l++)
		if (strcmp(l->key, key) == 0 && strcmp(l->lang, lang) == 0)
			return l;
	return NULL;
}

const struct lesson *
lesson_find(const char *key, const char *lang)
{
	const struct lesson *l = NULL;

	if (key == NULL)
		return NULL;
	if (lang != NULL)
		l = lesson_lookup(key, lang);
	if (l == NULL)
		l = lesson_lookup(key, "en");
	return l;
}
