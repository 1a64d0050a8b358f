/*
 * words.c — the timeline's own words in English and Russian; the common
 * ones ("All times", "tentative", ...) come from host->label().
 */
#include "timeline.h"

#include <string.h>

static const char *const en[TL_W_COUNT_] = {
        [TL_W_UNTIL] = "until",
        [TL_W_FROM] = "from",
        [TL_W_NO_TRACK] = "No track",
        [TL_W_POINT] = "point in time",
        [TL_W_CONTINUES] = "continues before/after",
        [TL_W_SECOND_AXIS] = "right-hand axis",
        [TL_W_NO_EVENTS] = "No events to show.",
        [TL_W_MORE] = "and %zu more",
        [TL_W_TIMES_AS_WRITTEN] = "Times as given in the dossier",
};

static const char *const ru[TL_W_COUNT_] = {
        [TL_W_UNTIL] = "до",
        [TL_W_FROM] = "с",
        [TL_W_NO_TRACK] = "Без направления",
        [TL_W_POINT] = "момент времени",
        [TL_W_CONTINUES] = "продолжается до/после",
        [TL_W_SECOND_AXIS] = "правая шкала",
        [TL_W_NO_EVENTS] = "Мероприятий нет.",
        [TL_W_MORE] = "и ещё %zu",
        [TL_W_TIMES_AS_WRITTEN] = "Время указано так, как в исходных данных",
};

const char *tl_word_get(const tl_state *st, tl_word w)
{
	const char *const *t = st->lang && !strcmp(st->lang, "ru") ? ru : en;
	return t[w];
}
