/* words.c — the cover's en/ru word table (see words.h). */
#include "words.h"

#include <string.h>

static const char *const words_en[CW_COUNT_] = {
        [CW_PREPARED] = "Prepared",         [CW_AUTHOR] = "Author",
        [CW_ORGANISATION] = "Organisation", [CW_SUMMARY] = "Summary",
        [CW_SOURCES] = "Sources",           [CW_MORE_SOURCES] = "\u2026 and %zu more",
};

static const char *const words_ru[CW_COUNT_] = {
        [CW_PREPARED] = "Подготовлено",    [CW_AUTHOR] = "Автор",
        [CW_ORGANISATION] = "Организация", [CW_SUMMARY] = "Краткое содержание",
        [CW_SOURCES] = "Источники",        [CW_MORE_SOURCES] = "\u2026 и ещё %zu",
};

const char *cover_word_get(const char *lang, cover_word w)
{
	if (w < 0 || w >= CW_COUNT_)
		return "";
	return lang && strcmp(lang, "ru") == 0 ? words_ru[w] : words_en[w];
}
