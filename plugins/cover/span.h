/*
 * span.h — the dates a dossier spans, for the cover ("8–10 October 2025").
 * Pure calendar logic with no drawing, so the unit test compiles it in.
 */
#ifndef COVER_SPAN_H
#define COVER_SPAN_H

#include <briefpack/plugin.h>
#include <stddef.h>

/* Writes the span of the events into buf in the language lang ("en" or
 * "ru").  Events known to the day set the span (their start, and their end
 * when it is known to the day); month-only events widen it only when no
 * event is known to the day.  Returns 1, or 0 (buf "") when no event has a
 * date. */
int cover_span(const bp_event *const *events, size_t n, const char *lang, char *buf, size_t len);

/* Formats the span from day a to day b (days since 1970-01-01, a <= b). */
void cover_span_days(int64_t a, int64_t b, const char *lang, char *buf, size_t len);

/* Days since 1970-01-01 of a civil date, and back (proleptic Gregorian). */
int64_t cover_days_from_civil(int y, int m, int d);
void cover_civil_from_days(int64_t days, int *y, int *m, int *d);

#endif
