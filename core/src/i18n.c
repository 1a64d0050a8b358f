/* i18n.c — see i18n.h. */
#include "i18n.h"
#include "bptime.h"

#include <stdio.h>
#include <string.h>

static const char *const labels_en[BP_LABEL_COUNT_] = {
        [BP_LABEL_CONTINUED] = "(continued)",
        [BP_LABEL_TIME_TBC] = "time to be confirmed",
        [BP_LABEL_DATE_TBC] = "date to be confirmed",
        [BP_LABEL_DATES_TBC] = "Dates to be confirmed",
        [BP_LABEL_ALL_DAY] = "All day / time to be confirmed",
        [BP_LABEL_ALL_TIMES] = "All times",
        [BP_LABEL_TENTATIVE] = "tentative",
        [BP_LABEL_CANCELLED] = "cancelled",
        [BP_LABEL_CONFIRMED] = "confirmed",
        [BP_LABEL_VENUE] = "Venue",
        [BP_LABEL_TRACK] = "Track",
        [BP_LABEL_FORMAT] = "Format",
        [BP_LABEL_ATTENDEES] = "Attendees",
        [BP_LABEL_TOPICS] = "Topics",
        [BP_LABEL_OUTCOMES] = "Expected outcomes",
        [BP_LABEL_NOTES] = "Notes",
        [BP_LABEL_NO_DELEGATION] = "No delegation",
        [BP_LABEL_PAGE] = "Page",
        [BP_LABEL_CONTENTS] = "Contents",
        [BP_LABEL_LEGEND] = "Legend",
        [BP_LABEL_EVENTS] = "events",
        [BP_LABEL_TOTAL] = "Total",
};

static const char *const labels_ru[BP_LABEL_COUNT_] = {
        [BP_LABEL_CONTINUED] = "(продолжение)",
        [BP_LABEL_TIME_TBC] = "время уточняется",
        [BP_LABEL_DATE_TBC] = "дата уточняется",
        [BP_LABEL_DATES_TBC] = "Даты уточняются",
        [BP_LABEL_ALL_DAY] = "Весь день / время уточняется",
        [BP_LABEL_ALL_TIMES] = "Время",
        [BP_LABEL_TENTATIVE] = "предварительно",
        [BP_LABEL_CANCELLED] = "отменено",
        [BP_LABEL_CONFIRMED] = "подтверждено",
        [BP_LABEL_VENUE] = "Место",
        [BP_LABEL_TRACK] = "Направление",
        [BP_LABEL_FORMAT] = "Формат",
        [BP_LABEL_ATTENDEES] = "Участники",
        [BP_LABEL_TOPICS] = "Темы",
        [BP_LABEL_OUTCOMES] = "Ожидаемые результаты",
        [BP_LABEL_NOTES] = "Примечания",
        [BP_LABEL_NO_DELEGATION] = "Вне делегаций",
        [BP_LABEL_PAGE] = "Стр.",
        [BP_LABEL_CONTENTS] = "Содержание",
        [BP_LABEL_LEGEND] = "Условные обозначения",
        [BP_LABEL_EVENTS] = "мероприятия",
        [BP_LABEL_TOTAL] = "Всего",
};

static const char *const months_en[12] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
static const char *const months_en_short[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const days_en[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
static const char *const days_en_short[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/* Russian: the genitive after a day number ("9 октября"), the nominative
 * alone ("декабрь 2025"). */
static const char *const months_ru_gen[12] = {"января",   "февраля", "марта",  "апреля",
                                              "мая",      "июня",    "июля",   "августа",
                                              "сентября", "октября", "ноября", "декабря"};
static const char *const months_ru_nom[12] = {"январь",   "февраль", "март",   "апрель",
                                              "май",      "июнь",    "июль",   "август",
                                              "сентябрь", "октябрь", "ноябрь", "декабрь"};
static const char *const months_ru_short[12] = {"янв.", "февр.", "марта", "апр.", "мая",   "июня",
                                                "июля", "авг.",  "сент.", "окт.", "нояб.", "дек."};
static const char *const days_ru[7] = {"понедельник", "вторник", "среда",      "четверг",
                                       "пятница",     "суббота", "воскресенье"};
static const char *const days_ru_short[7] = {"пн", "вт", "ср", "чт", "пт", "сб", "вс"};

static int is_ru(const char *lang)
{
	return lang && !strcmp(lang, "ru");
}

const char *i18n_label(const char *lang, bp_label which)
{
	if ((int)which < 0 || which >= BP_LABEL_COUNT_)
		return "";
	return is_ru(lang) ? labels_ru[which] : labels_en[which];
}

char *i18n_page_of(const char *lang, int page, int total, char *buf, size_t n)
{
	snprintf(buf, n, is_ru(lang) ? "Стр. %d из %d" : "Page %d of %d", page, total);
	return buf;
}

char *i18n_format_time(const char *lang, const bp_time *t, bp_time_format f, char *buf, size_t n)
{
	int ru = is_ru(lang);
	buf[0] = '\0';
	if (!t || t->prec == BP_PREC_NONE || t->month < 1 || t->month > 12)
		return buf;
	int m = t->month - 1, wd = bp_weekday(t->days);
	if (f == BP_FMT_TIME) {
		if (t->prec == BP_PREC_TIME)
			snprintf(buf, n, "%02d:%02d", t->hour, t->minute);
		return buf;
	}
	if (t->prec == BP_PREC_MONTH) {
		if (f == BP_FMT_DATE_SHORT)
			snprintf(buf, n, "%s %d", ru ? months_ru_short[m] : months_en_short[m],
			         t->year);
		else
			snprintf(buf, n, "%s %d", ru ? months_ru_nom[m] : months_en[m], t->year);
		return buf;
	}
	switch (f) {
	case BP_FMT_DATE_LONG:
		if (ru)
			snprintf(buf, n, "%s, %d %s %d", days_ru[wd], t->day, months_ru_gen[m],
			         t->year);
		else
			snprintf(buf, n, "%s %d %s %d", days_en[wd], t->day, months_en[m], t->year);
		break;
	case BP_FMT_DATE_DAY:
		snprintf(buf, n, "%d %s %d", t->day, ru ? months_ru_gen[m] : months_en[m], t->year);
		break;
	case BP_FMT_DATE_SHORT:
	case BP_FMT_DATETIME: {
		int len = snprintf(buf, n, "%s %d %s", ru ? days_ru_short[wd] : days_en_short[wd],
		                   t->day, ru ? months_ru_short[m] : months_en_short[m]);
		if (f == BP_FMT_DATETIME && t->prec == BP_PREC_TIME && len > 0 && (size_t)len < n)
			snprintf(buf + len, n - (size_t)len, " %02d:%02d", t->hour, t->minute);
		break;
	}
	default:
		break;
	}
	return buf;
}

const char *i18n_role_name(const char *lang, const char *id)
{
	static const char *const roles[][3] = {{"attendee", "Attendee", "Участник"},
	                                       {"host", "Host", "Принимающая сторона"},
	                                       {"chair", "Chair", "Председатель"},
	                                       {"speaker", "Speaker", "Выступающий"}};
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (!strcmp(roles[i][0], id))
			return roles[i][is_ru(lang) ? 2 : 1];
	return NULL;
}
