/*
 * bptime.h — dates, times and zones of the dossier: parsing the three
 * precisions, IANA zones (from the system tz database) and fixed offsets,
 * conversion for display, and calendar arithmetic.
 */
#ifndef BP_TIME_H
#define BP_TIME_H

#include <briefpack/plugin.h>
#include <stddef.h>
#include <stdint.h>

typedef struct bp_zone bp_zone;

/* Opens an IANA zone ("Asia/Dushanbe", looked up in the system tz database;
 * names with "..", leading "/" or characters outside [A-Za-z0-9_+-/] are
 * refused) or a fixed offset ("+05:00", "-03:30", "Z", "UTC").  NULL if
 * unknown. */
bp_zone *bp_zone_open(const char *name);
/* Zones are shared and cached for the life of the process, so opening the
 * same name again is free; bp_zone_free() only says this user is done. */
void bp_zone_free(bp_zone *z);
const char *bp_zone_name(const bp_zone *z);

/* Seconds east of UTC in zone z at the UTC instant t. */
int bp_zone_offset(const bp_zone *z, int64_t t);
/* The UTC instant of a wall-clock time in zone z; `local` is seconds since
 * 1970-01-01T00:00 of that wall clock.  In a DST gap the time is moved
 * forward; in an overlap the earlier instant is taken. */
int64_t bp_zone_to_utc(const bp_zone *z, int64_t local);
/* "Dushanbe, UTC+05:00" (the last path element, '_' as space) or
 * "UTC+05:00" for a fixed offset, at instant t.  Returns buf. */
char *bp_zone_label(const bp_zone *z, int64_t t, char *buf, size_t n);

/* Parses a dossier time: "YYYY-MM", "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM[:SS]" with an optional "Z" or "±HH:MM".  Without an
 * offset the time is a wall time in `zone`; the result is shown in `zone`
 * (converted from any written offset).  With zone NULL, times are kept as
 * written (offset as written, or 0).  `is_end` allows 24:00 (end of that
 * day).  Returns 0, or -1 with a one-line reason in err, e.g.
 * "2025-02-30 is not a date", "24:61 is not a time of day",
 * "expected YYYY-MM-DDTHH:MM, got \"10/09/2025\"". */
int bp_time_parse(const char *s, const bp_zone *zone, int is_end, bp_time *out, char *err,
                  size_t n);

/* The same instant shown in another zone (precision kept; DAY and MONTH
 * precision are copied unchanged). */
void bp_time_convert(const bp_time *t, const bp_zone *z, bp_time *out);

/* Proleptic Gregorian calendar. */
int64_t bp_days_from_civil(int y, int m, int d);
void bp_civil_from_days(int64_t days, int *y, int *m, int *d);
int bp_weekday(int64_t days); /* 0 = Monday .. 6 = Sunday */
int bp_days_in_month(int y, int m);

#endif
