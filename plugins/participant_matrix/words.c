/*
 * words.c — the matrix's own words in the pack's two languages.  The
 * common ones ("(continued)", "Total", "tentative", ...) come from
 * host->label(); these are the ones only the matrix says.
 */
#include "matrix.h"

#include <string.h>

static const char *const en[PM_W_COUNT_] = {
        [PM_W_EVENTS_RANGE] = "Events %zu\u2013%zu of %zu",
        [PM_W_BAND_TITLE] = "Events %zu\u2013%zu",
        [PM_W_VIA_DELEGATION] = "through the delegation",
        [PM_W_VIA_MEMBER] = "through a member",
        [PM_W_TIMES] = "Times: %s",
        [PM_W_NO_TRACK] = "No track",
        [PM_W_NO_EVENTS] = "No events match this section's filters.",
        [PM_W_NO_ROWS] = "No participants match this section's filters.",
        [PM_W_TOTAL_NOTE] = "Totals leave out cancelled events",
};

static const char *const ru[PM_W_COUNT_] = {
        [PM_W_EVENTS_RANGE] = "Мероприятия %zu\u2013%zu из %zu",
        [PM_W_BAND_TITLE] = "Мероприятия %zu\u2013%zu",
        [PM_W_VIA_DELEGATION] = "в составе делегации",
        [PM_W_VIA_MEMBER] = "через члена делегации",
        [PM_W_TIMES] = "Время: %s",
        [PM_W_NO_TRACK] = "Без направления",
        [PM_W_NO_EVENTS] = "Нет мероприятий, подходящих под фильтры раздела.",
        [PM_W_NO_ROWS] = "Нет участников, подходящих под фильтры раздела.",
        [PM_W_TOTAL_NOTE] = "Итоги без отменённых мероприятий",
};

const char *pm_word_get(const char *language, pm_word w)
{
	const char *const *t = language && !strcmp(language, "ru") ? ru : en;
	return (unsigned)w < PM_W_COUNT_ ? t[w] : "";
}
