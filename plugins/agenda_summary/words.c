/*
 * words.c — the en/ru table behind words.h.  One row per word so that a
 * missing translation is visible at a glance.
 */
#include "words.h"

#include <string.h>

static const char *const table[AG_WORD_COUNT_][2] = {
        [AG_HEAD] = {"Head of delegation", "Глава делегации"},
        [AG_HEADS] = {"Heads of delegation", "Главы делегаций"},
        [AG_DELEGATIONS] = {"Delegations", "Делегации"},
        [AG_FULL] = {"full delegation", "делегация в полном составе"},
        [AG_OTHERS] = {"Other participants", "Другие участники"},
        [AG_AND] = {"and", "и"},
        [AG_AND_OTHERS] = {"and %zu others", "и ещё %zu"},
        [AG_NO_AGENDA] = {"No agenda published.", "Повестка не опубликована."},
        [AG_TOPIC_INDEX] = {"Topic index", "Указатель тем"},
        [AG_NOT_ON_AGENDA] = {"not on the agenda of any event", "нет в повестке мероприятий"},
        [AG_NO_TRACK] = {"Other events", "Другие мероприятия"},
        [AG_PAGE_ABBR] = {"p.", "с."},
        [AG_TOPIC] = {"Topic", "Тема"},
        [AG_EVENTS] = {"Events", "Мероприятия"},
        [AG_NOTHING] = {"No events to show.", "Нет мероприятий."},
};

const char *ag_word_get(const char *language, ag_word w)
{
	int ru = language && strcmp(language, "ru") == 0;
	if ((int)w < 0 || w >= AG_WORD_COUNT_)
		return "";
	return table[w][ru];
}
