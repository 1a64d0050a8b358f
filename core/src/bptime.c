/*
 * bptime.c — dossier dates, times and zones.
 *
 * Zones come from the system tz database through glibc: we point TZ at the
 * zone's file, ask localtime_r for tm_gmtoff, and put the previous TZ back.
 * Switching TZ makes glibc re-read a zone file (about 27 us), far too slow to
 * do per event, so bp_zone_open switches once and records every offset change
 * between 1900 and 2100 in a table (about 3.5 ms per zone); instants outside
 * that range take the slow path.  Wall-clock to UTC is then pure arithmetic over bp_zone_offset,
 * which keeps the DST gap and overlap rules in one place (bp_zone_to_utc).
 */
#define _DEFAULT_SOURCE /* tm_gmtoff, strdup */

#include "bptime.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define ZONEINFO_DIR "/usr/share/zoneinfo"
#define DAY_SECS     86400
#define SAMPLE_SECS  (7 * DAY_SECS)
#define MAX_OFFSET   (14 * 3600)

/* Range covered by the offset table: 1900-01-01 .. 2100-01-01 UTC. */
#define TABLE_LO (-2208988800LL)
#define TABLE_HI (4102444800LL)

struct bp_zone {
	bp_zone *next;  /* in the cache of opened zones */
	int users;      /* bp_zone_open()s not yet freed */
	char *name;     /* as given to bp_zone_open */
	int fixed;      /* a fixed offset: no tz database */
	int fixed_off;  /* seconds east of UTC when fixed */
	int plain;      /* label without a place name (Etc/GMT-5, CET, ...) */
	char *tz;       /* ":/usr/share/zoneinfo/NAME", the TZ value */
	int64_t *trans; /* instants at which offs[i + 1] starts */
	int *offs;      /* n + 1 offsets; offs[0] from TABLE_LO */
	size_t n;
};

/* ------------------------------------------------------------------ */
/* Calendar                                                            */
/* ------------------------------------------------------------------ */

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Howard Hinnant's days_from_civil: eras of 400 years, March-based years so
 * that the leap day falls at the end. */
int64_t bp_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = floor_div(yy, 400);
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void bp_civil_from_days(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

int bp_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	return (int)((days % 7 + 7 + 3) % 7);
}

int bp_days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 29;
	return dim[m - 1];
}

/* ------------------------------------------------------------------ */
/* Zones                                                               */
/* ------------------------------------------------------------------ */

/* "+05:00", "-03:30": seconds east of UTC, or -1 if s is not one. */
static int parse_fixed(const char *s, int *off)
{
	if ((s[0] != '+' && s[0] != '-') || strlen(s) != 6 || s[3] != ':')
		return -1;
	for (int i = 1; i < 6; i++)
		if (i != 3 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int h = (s[1] - '0') * 10 + (s[2] - '0');
	int mi = (s[4] - '0') * 10 + (s[5] - '0');
	if (mi > 59 || h * 60 + mi > MAX_OFFSET / 60)
		return -1;
	*off = (s[0] == '-' ? -1 : 1) * (h * 3600 + mi * 60);
	return 0;
}

/* A name we are willing to hand to the file system. */
static int safe_zone_name(const char *s)
{
	size_t len = strlen(s);
	if (len == 0 || len > 200 || s[0] == '/' || strstr(s, ".."))
		return 0;
	for (const char *p = s; *p; p++) {
		char c = *p;
		int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		         (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-' || c == '/';
		if (!ok)
			return 0;
	}
	/* right/... zones count leap seconds, which no dossier means. */
	return strncmp(s, "right/", 6) != 0;
}

static int is_tzif(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	char magic[4];
	int ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

/* The caller's TZ, kept while we borrow the variable. */
typedef struct tz_saved {
	char *value; /* NULL: TZ was unset */
	int ok;
} tz_saved;

static tz_saved tz_enter(const char *tz)
{
	tz_saved s = {NULL, 1};
	const char *old = getenv("TZ");
	if (old) {
		s.value = strdup(old);
		if (!s.value) {
			s.ok = 0;
			return s;
		}
	}
	if (setenv("TZ", tz, 1) != 0) {
		free(s.value);
		s.value = NULL;
		s.ok = 0;
		return s;
	}
	tzset();
	return s;
}

static void tz_leave(tz_saved *s)
{
	if (!s->ok)
		return;
	if (s->value)
		setenv("TZ", s->value, 1);
	else
		unsetenv("TZ");
	tzset();
	free(s->value);
	s->value = NULL;
}

/* Offset at t under the TZ currently set. */
static int gmtoff_now(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return 0;
	return (int)tm.tm_gmtoff;
}

/* Records the offset changes in [TABLE_LO, TABLE_HI).  Samples once a week
 * and bisects each change to the second.  Two changes within one week that
 * cancel out would be missed; for all 447 zones of tzdata 2025b the tables are
 * the same as with daily samples, which take ten times as long. */
static int build_table(bp_zone *z)
{
	size_t cap = 64;
	z->trans = malloc(cap * sizeof *z->trans);
	z->offs = malloc((cap + 1) * sizeof *z->offs);
	if (!z->trans || !z->offs)
		return -1;
	tz_saved saved = tz_enter(z->tz);
	if (!saved.ok)
		return -1;
	int rc = 0;
	int64_t a = TABLE_LO;
	int oa = gmtoff_now(a);
	z->offs[0] = oa;
	while (a < TABLE_HI) {
		int64_t b = a + SAMPLE_SECS;
		int ob = gmtoff_now(b);
		/* Several changes inside (a, b] are taken one at a time. */
		while (ob != oa) {
			int64_t lo = a, hi = b; /* off(lo) == oa, change in (lo, hi] */
			while (hi - lo > 1) {
				int64_t mid = lo + (hi - lo) / 2;
				if (gmtoff_now(mid) == oa)
					lo = mid;
				else
					hi = mid;
			}
			if (z->n == cap) {
				cap *= 2;
				int64_t *nt = realloc(z->trans, cap * sizeof *nt);
				if (nt)
					z->trans = nt;
				int *no = realloc(z->offs, (cap + 1) * sizeof *no);
				if (no)
					z->offs = no;
				if (!nt || !no) {
					rc = -1;
					goto out;
				}
			}
			a = hi;
			oa = gmtoff_now(a);
			z->trans[z->n] = a;
			z->offs[++z->n] = oa;
		}
		a = b;
	}
out:
	tz_leave(&saved);
	return rc;
}

static void zone_destroy(bp_zone *z)
{
	if (!z)
		return;
	free(z->name);
	free(z->tz);
	free(z->trans);
	free(z->offs);
	free(z);
}

static bp_zone *zone_load(const char *name)
{
	bp_zone *z = calloc(1, sizeof *z);
	if (!z)
		return NULL;
	z->name = strdup(name);
	if (!z->name)
		goto fail;
	if (strcmp(name, "Z") == 0 || strcmp(name, "UTC") == 0) {
		z->fixed = 1;
		return z;
	}
	if (parse_fixed(name, &z->fixed_off) == 0) {
		z->fixed = 1;
		return z;
	}
	if (!safe_zone_name(name))
		goto fail;
	size_t len = strlen(ZONEINFO_DIR) + strlen(name) + 3;
	z->tz = malloc(len);
	if (!z->tz)
		goto fail;
	/* An absolute path: glibc reads exactly the file we checked, whatever
	 * TZDIR says. */
	snprintf(z->tz, len, ":%s/%s", ZONEINFO_DIR, name);
	if (!is_tzif(z->tz + 1))
		goto fail;
	const char *last = strrchr(name, '/');
	int lower = 0;
	for (const char *p = last ? last + 1 : name; *p; p++)
		lower |= (*p >= 'a' && *p <= 'z');
	/* Etc/GMT-5 means UTC+05:00; CET, EST5EDT, UTC name no place. */
	z->plain = strncmp(name, "Etc/", 4) == 0 || (!last && !lower);
	if (build_table(z) != 0)
		goto fail;
	return z;
fail:
	zone_destroy(z);
	return NULL;
}

/* Opened zones are kept for the life of the process: opening one reads the
 * tz database and builds the offset table (milliseconds), and a batch
 * opens the same few zones for every document. */
static bp_zone *opened;

bp_zone *bp_zone_open(const char *name)
{
	if (!name)
		return NULL;
	for (bp_zone *z = opened; z; z = z->next)
		if (!strcmp(z->name, name)) {
			z->users++;
			return z;
		}
	bp_zone *z = zone_load(name);
	if (z) {
		z->users = 1;
		z->next = opened;
		opened = z;
	}
	return z;
}

void bp_zone_free(bp_zone *z)
{
	if (z)
		z->users--;
}

const char *bp_zone_name(const bp_zone *z)
{
	return z ? z->name : NULL;
}

int bp_zone_offset(const bp_zone *z, int64_t t)
{
	if (!z || z->fixed)
		return z ? z->fixed_off : 0;
	if (t >= TABLE_LO && t < TABLE_HI) {
		/* Last change at or before t. */
		size_t lo = 0, hi = z->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (z->trans[mid] <= t)
				lo = mid + 1;
			else
				hi = mid;
		}
		return z->offs[lo];
	}
	tz_saved saved = tz_enter(z->tz);
	if (!saved.ok)
		return 0;
	int off = gmtoff_now(t);
	tz_leave(&saved);
	return off;
}

int64_t bp_zone_to_utc(const bp_zone *z, int64_t local)
{
	if (!z || z->fixed)
		return local - (z ? z->fixed_off : 0);
	/* Any instant meaning `local` lies within a day of it, so the offsets in
	 * force a day before, at, and a day after are the only candidates. */
	int cand[3] = {bp_zone_offset(z, local - DAY_SECS), bp_zone_offset(z, local),
	               bp_zone_offset(z, local + DAY_SECS)};
	int found = 0;
	int64_t best = 0, earliest = 0;
	for (int i = 0; i < 3; i++) {
		int64_t t = local - cand[i];
		if (i == 0 || t < earliest)
			earliest = t;
		if (bp_zone_offset(z, t) == cand[i] && (!found || t < best)) {
			best = t;
			found = 1;
		}
	}
	if (found)
		return best; /* the earlier instant of an overlap */
	/* A gap: read the wall clock with the offset from before the change,
	 * which lands as far past the gap as it was into it. */
	return local - bp_zone_offset(z, earliest);
}

static void format_offset(int off, char *buf, size_t n)
{
	char sign = off < 0 ? '-' : '+';
	int a = off < 0 ? -off : off;
	if (a % 60)
		snprintf(buf, n, "UTC%c%02d:%02d:%02d", sign, a / 3600, a / 60 % 60, a % 60);
	else
		snprintf(buf, n, "UTC%c%02d:%02d", sign, a / 3600, a / 60 % 60);
}

char *bp_zone_label(const bp_zone *z, int64_t t, char *buf, size_t n)
{
	if (!buf || n == 0)
		return buf;
	char off[24];
	format_offset(bp_zone_offset(z, t), off, sizeof off);
	if (!z || z->fixed || z->plain) {
		snprintf(buf, n, "%s", off);
		return buf;
	}
	const char *place = strrchr(z->name, '/');
	place = place ? place + 1 : z->name;
	size_t i = 0;
	for (; place[i] && i + 1 < n; i++)
		buf[i] = place[i] == '_' ? ' ' : place[i];
	buf[i] = '\0';
	snprintf(buf + i, n - i, ", %s", off);
	return buf;
}

/* ------------------------------------------------------------------ */
/* Times                                                               */
/* ------------------------------------------------------------------ */

/* Fills the shown fields of out from instant t as seen in zone z. */
static void show_at(const bp_zone *z, int64_t t, bp_time *out)
{
	int off = bp_zone_offset(z, t);
	int64_t local = t + off;
	int64_t days = floor_div(local, DAY_SECS);
	int64_t sod = local - days * DAY_SECS;
	out->epoch = t;
	out->offset = off;
	out->days = days;
	bp_civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(sod / 3600);
	out->minute = (int)(sod / 60 % 60);
	out->second = (int)(sod % 60);
}

/* An end written as 24:00 that shows as midnight keeps the day it ends. */
static void keep_end_of_day(bp_time *t)
{
	if (t->hour != 0 || t->minute != 0 || t->second != 0)
		return;
	t->days -= 1;
	bp_civil_from_days(t->days, &t->year, &t->month, &t->day);
	t->hour = 24;
}

static void set_err(char *err, size_t n, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t n, const char *fmt, ...)
{
	if (!err || n == 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
}

static void err_expected(const char *s, char *err, size_t n)
{
	/* Quote at most 40 bytes, cut on a UTF-8 character boundary. */
	size_t len = strlen(s);
	int cut = len > 40;
	if (cut) {
		len = 40;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	set_err(err, n,
	        "expected YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], got \"%.*s%s\"",
	        (int)len, s, cut ? "..." : "");
}

/* Exactly `count` ASCII digits at *p. */
static int digits(const char **p, int count, int *v)
{
	int x = 0;
	for (int i = 0; i < count; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return -1;
		x = x * 10 + (c - '0');
	}
	*p += count;
	*v = x;
	return 0;
}

static const char *const month_names[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

int bp_time_parse(const char *s, const bp_zone *zone, int is_end, bp_time *out, char *err, size_t n)
{
	bp_time t;
	memset(&t, 0, sizeof t);
	if (out)
		*out = t;
	if (!s)
		s = "";
	const char *p = s;
	int y, mo, d = 1, hh = 0, mi = 0, ss = 0, woff = 0, has_off = 0;
	const char *time_at = NULL, *off_at = NULL;
	size_t time_len = 0;
	bp_precision prec;

	if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo))
		goto syntax;
	prec = BP_PREC_MONTH;
	if (*p == '-') {
		p++;
		if (digits(&p, 2, &d))
			goto syntax;
		prec = BP_PREC_DAY;
		if (*p == 'T') {
			p++;
			time_at = p;
			if (digits(&p, 2, &hh) || *p++ != ':' || digits(&p, 2, &mi))
				goto syntax;
			if (*p == ':') {
				p++;
				if (digits(&p, 2, &ss))
					goto syntax;
			}
			time_len = (size_t)(p - time_at);
			prec = BP_PREC_TIME;
			if (*p == 'Z') {
				p++;
				has_off = 1;
			} else if (*p == '+' || *p == '-') {
				off_at = p;
				int sign = *p++ == '-' ? -1 : 1, oh, om;
				if (digits(&p, 2, &oh) || *p++ != ':' || digits(&p, 2, &om))
					goto syntax;
				if (om > 59) {
					set_err(err, n, "%.6s is not a UTC offset", off_at);
					return -1;
				}
				if (oh * 60 + om > MAX_OFFSET / 60) {
					set_err(err, n, "%.6s is not a UTC offset (-14:00..+14:00)",
					        off_at);
					return -1;
				}
				woff = sign * (oh * 3600 + om * 60);
				has_off = 1;
			}
		}
	}
	if (*p != '\0')
		goto syntax;

	if (y < 1) {
		set_err(err, n, "year %04d is out of range (0001..9999)", y);
		return -1;
	}
	if (mo < 1 || mo > 12) {
		set_err(err, n, "%.7s is not a month", s);
		return -1;
	}
	int dim = bp_days_in_month(y, mo);
	if (d < 1 || d > dim) {
		if (d > dim)
			set_err(err, n, "%.10s is not a date (%s %04d has %d days)", s,
			        month_names[mo - 1], y, dim);
		else
			set_err(err, n, "%.10s is not a date", s);
		return -1;
	}
	int end24 = hh == 24 && mi == 0 && ss == 0;
	if ((hh > 23 && !end24) || mi > 59 || ss > 59) {
		set_err(err, n, "%.*s is not a time of day", (int)time_len, time_at);
		return -1;
	}
	if (end24 && !is_end) {
		set_err(err, n, "%.*s is allowed only as an end (the end of that day)",
		        (int)time_len, time_at);
		return -1;
	}

	int64_t days = bp_days_from_civil(y, mo, d);
	int64_t local = days * DAY_SECS + hh * 3600 + mi * 60 + ss;
	t.prec = prec;
	if (zone && (prec != BP_PREC_TIME || !has_off)) {
		show_at(zone, bp_zone_to_utc(zone, local), &t);
	} else if (zone) {
		show_at(zone, local - woff, &t);
	} else {
		/* No display zone: shown as written. */
		t.epoch = local - woff;
		t.offset = woff;
		t.days = days;
		t.year = y;
		t.month = mo;
		t.day = d;
		t.hour = hh;
		t.minute = mi;
		t.second = ss;
	}
	if (prec != BP_PREC_TIME) {
		/* The earliest moment of the day or month, shown as its date even
		 * where midnight falls into a gap. */
		t.year = y;
		t.month = mo;
		t.day = d;
		t.days = days;
		t.hour = t.minute = t.second = 0;
	} else if (end24 && zone) {
		keep_end_of_day(&t);
	}
	if (out)
		*out = t;
	return 0;

syntax:
	err_expected(s, err, n);
	return -1;
}

void bp_time_convert(const bp_time *t, const bp_zone *z, bp_time *out)
{
	if (!z || t->prec != BP_PREC_TIME) {
		*out = *t;
		return;
	}
	bp_time r = *t;
	show_at(z, t->epoch, &r);
	if (t->hour == 24)
		keep_end_of_day(&r);
	*out = r;
}
