/*
 * span.c — the dates a dossier spans, for the cover.  Month names are kept
 * here (genitive for day-month pairs in Russian, nominative for a bare
 * month) so that the span reads like the host's format_time dates.
 */
#include "span.h"

#include <stdio.h>
#include <string.h>

static const char *const month_en[12] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
/* "8 октября": the month after a day number takes the genitive. */
static const char *const month_ru_gen[12] = {"января",   "февраля", "марта",  "апреля",
                                             "мая",      "июня",    "июля",   "августа",
                                             "сентября", "октября", "ноября", "декабря"};
/* A month on its own ("Декабрь 2025") takes the nominative. */
static const char *const month_ru_nom[12] = {"Январь",   "Февраль", "Март",   "Апрель",
                                             "Май",      "Июнь",    "Июль",   "Август",
                                             "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"};

static int is_ru(const char *lang)
{
	return lang && strcmp(lang, "ru") == 0;
}

static const char *month_day(const char *lang, int m)
{
	return is_ru(lang) ? month_ru_gen[m - 1] : month_en[m - 1];
}

static const char *month_alone(const char *lang, int m)
{
	return is_ru(lang) ? month_ru_nom[m - 1] : month_en[m - 1];
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
int64_t cover_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cover_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* "–" (en dash) joins days of one month; " – " joins anything longer. */
void cover_span_days(int64_t a, int64_t b, const char *lang, char *buf, size_t len)
{
	int y1, m1, d1, y2, m2, d2;
	cover_civil_from_days(a, &y1, &m1, &d1);
	cover_civil_from_days(b, &y2, &m2, &d2);
	if (a == b)
		snprintf(buf, len, "%d %s %d", d1, month_day(lang, m1), y1);
	else if (y1 == y2 && m1 == m2)
		snprintf(buf, len, "%d\u2013%d %s %d", d1, d2, month_day(lang, m1), y1);
	else if (y1 == y2)
		snprintf(buf, len, "%d %s \u2013 %d %s %d", d1, month_day(lang, m1), d2,
		         month_day(lang, m2), y1);
	else
		snprintf(buf, len, "%d %s %d \u2013 %d %s %d", d1, month_day(lang, m1), y1, d2,
		         month_day(lang, m2), y2);
}

static void span_months(int y1, int m1, int y2, int m2, const char *lang, char *buf, size_t len)
{
	if (y1 == y2 && m1 == m2)
		snprintf(buf, len, "%s %d", month_alone(lang, m1), y1);
	else if (y1 == y2)
		snprintf(buf, len, "%s \u2013 %s %d", month_alone(lang, m1), month_alone(lang, m2),
		         y1);
	else
		snprintf(buf, len, "%s %d \u2013 %s %d", month_alone(lang, m1), y1,
		         month_alone(lang, m2), y2);
}

/* The last day an end touches: an end at exactly midnight closes the day
 * before it (24:00 already keeps its own day). */
static int64_t end_day(const bp_event *ev)
{
	const bp_time *e = &ev->end;
	if (e->prec == BP_PREC_TIME && e->hour == 0 && e->minute == 0 && e->second == 0 &&
	    e->days > ev->start.days)
		return e->days - 1;
	return e->days;
}

int cover_span(const bp_event *const *events, size_t n, const char *lang, char *buf, size_t len)
{
	int have_day = 0, have_month = 0;
	int64_t lo = 0, hi = 0;
	int64_t mlo = 0, mhi = 0; /* months as year * 12 + month - 1 */
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const bp_event *ev = events[i];
		const bp_time *s = &ev->start;
		if (s->prec >= BP_PREC_DAY) {
			int64_t a = s->days, b = s->days;
			if (ev->end.prec >= BP_PREC_DAY && end_day(ev) > b)
				b = end_day(ev);
			if (!have_day || a < lo)
				lo = a;
			if (!have_day || b > hi)
				hi = b;
			have_day = 1;
		} else if (s->prec == BP_PREC_MONTH) {
			int64_t m = (int64_t)s->year * 12 + s->month - 1;
			if (!have_month || m < mlo)
				mlo = m;
			if (!have_month || m > mhi)
				mhi = m;
			have_month = 1;
		}
	}
	if (have_day) {
		cover_span_days(lo, hi, lang, buf, len);
		return 1;
	}
	if (have_month) {
		span_months((int)(mlo / 12), (int)(mlo % 12) + 1, (int)(mhi / 12),
		            (int)(mhi % 12) + 1, lang, buf, len);
		return 1;
	}
	return 0;
}
