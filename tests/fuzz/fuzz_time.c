/*
 * fuzz_time.c — libFuzzer target for the date/time parser.  The first byte
 * picks the display zone (none, an IANA zone with DST, a fixed offset) and
 * whether the text is an end; the rest is the text.  Every accepted time
 * must come back with fields in range, survive conversion to another zone
 * and give a zone label; a violated invariant is a crash.
 */
#define _GNU_SOURCE
#include "bptime.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bp_zone *zones[4];

static void in_range(const bp_time *t)
{
	if (t->month < 1 || t->month > 12 || t->day < 1 ||
	    t->day > bp_days_in_month(t->year, t->month) || t->hour < 0 || t->hour > 24 ||
	    t->minute < 0 || t->minute > 59 || t->second < 0 || t->second > 59)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!zones[1]) {
		zones[1] = bp_zone_open("Asia/Dushanbe");
		zones[2] = bp_zone_open("America/New_York");
		zones[3] = bp_zone_open("-03:30");
		if (!zones[1] || !zones[2] || !zones[3])
			abort();
	}
	if (size < 1 || size > 256)
		return 0;
	const bp_zone *z = zones[data[0] & 3], *other = zones[(data[0] >> 2) & 3];
	int is_end = (data[0] >> 4) & 1;
	char *s = strndup((const char *)data + 1, size - 1);
	bp_time t, u;
	char err[200], label[128];
	if (bp_time_parse(s, z, is_end, &t, err, sizeof err) == 0) {
		in_range(&t);
		bp_time_convert(&t, other, &u);
		in_range(&u);
		bp_zone_label(other ? other : z, t.epoch, label, sizeof label);
		int y, m, d;
		bp_civil_from_days(t.days, &y, &m, &d);
		if (bp_days_from_civil(y, m, d) != t.days)
			__builtin_trap();
	} else if (!memchr(err, '\0', sizeof err) || !err[0]) {
		__builtin_trap(); /* every refusal says why */
	}
	/* Zone names from the text, now and then (opening one reads tzdata). */
	if ((data[0] & 0xE0) == 0xE0 && size < 48)
		bp_zone_free(bp_zone_open(s));
	free(s);
	return 0;
}
