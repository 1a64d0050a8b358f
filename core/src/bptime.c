/*
 * bptime.c — dossier dates, times and zones.
 *
 * Zones come from the system tz database: bp_zone_open reads the zone's
 * file (RFC 8536) into a table of offset changes, continued with the file's
 * footer rule up to 2100.  TZ is never touched: setenv() races with the
 * getenv() calls of Pango's helper threads and crashed the program.
 * Wall-clock to UTC is then pure arithmetic over bp_zone_offset, which
 * keeps the DST gap and overlap rules in one place (bp_zone_to_utc).
 */
#define _DEFAULT_SOURCE /* strdup */

#include "bptime.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define ZONEINFO_DIR "/usr/share/zoneinfo"
#define DAY_SECS     86400
#define MAX_OFFSET   (14 * 3600)

/* Range covered by the offset table: 1900-01-01 .. 2100-01-01 UTC. */
#define TABLE_LO (-2208988800LL)
#define TABLE_HI (4102444800LL)

/* A POSIX TZ rule, as in a zone file's footer: "CET-1CEST,M3.5.0,M10.5.0/3". */
typedef struct posix_rule {
	int std_off, dst_off; /* seconds east of UTC */
	int has_dst;
	int mon[2], week[2], wday[2], secs[2]; /* [0] DST starts, [1] ends */
} posix_rule;

struct bp_zone {
	bp_zone *next; /* in the cache of opened zones */
	int users;     /* bp_zone_open()s not yet freed */
	char *name;    /* as given to bp_zone_open */
	int fixed;     /* a fixed offset: no tz database */
	int fixed_off; /* seconds east of UTC when fixed */
	int plain;     /* label without a place name (Etc/GMT-5, CET, ...) */
	char *tz;      /* ":/usr/share/zoneinfo/NAME", the TZ value */
	int has_rule;  /* the file's footer rule applies after the table */
	posix_rule rule;
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

/* ------------------------------------------------------------------ */
/* Reading a zone file (RFC 8536) without touching TZ: setenv() while   */
/* Pango's helper threads call getenv() crashes the process.            */
/* ------------------------------------------------------------------ */

static int64_t be(const unsigned char *p, int bytes)
{
	uint64_t v = 0;
	for (int i = 0; i < bytes; i++)
		v = v << 8 | p[i];
	if (bytes == 4)
		return (int32_t)(uint32_t)v;
	return (int64_t)v;
}

static int push(bp_zone *z, size_t *cap, int64_t t, int off)
{
	if (z->n > 0 && t <= z->trans[z->n - 1])
		return 0;
	if (off == z->offs[z->n])
		return 0; /* a change of name or of DST flag only */
	if (z->n == *cap) {
		*cap *= 2;
		int64_t *nt = realloc(z->trans, *cap * sizeof *nt);
		if (!nt)
			return -1;
		z->trans = nt;
		int *no = realloc(z->offs, (*cap + 1) * sizeof *no);
		if (!no)
			return -1;
		z->offs = no;
	}
	z->trans[z->n] = t;
	z->offs[++z->n] = off;
	return 0;
}

static const char *posix_name(const char *p)
{
	if (*p == '<') {
		const char *e = strchr(p, '>');
		return e ? e + 1 : NULL;
	}
	const char *q = p;
	while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z'))
		q++;
	return q - p >= 3 ? q : NULL;
}

/* [+-]hh[:mm[:ss]] into seconds. */
static const char *posix_hms(const char *p, int *out)
{
	int sign = 1, h = 0, m = 0, sec = 0;
	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if (*p < '0' || *p > '9')
		return NULL;
	while (*p >= '0' && *p <= '9')
		h = h * 10 + (*p++ - '0');
	if (*p == ':') {
		p++;
		while (*p >= '0' && *p <= '9')
			m = m * 10 + (*p++ - '0');
		if (*p == ':') {
			p++;
			while (*p >= '0' && *p <= '9')
				sec = sec * 10 + (*p++ - '0');
		}
	}
	*out = sign * (h * 3600 + m * 60 + sec);
	return p;
}

/* ",Mm.w.d[/time]" */
static const char *posix_date(const char *p, posix_rule *r, int i)
{
	if (*p++ != ',' || *p++ != 'M')
		return NULL;
	if (sscanf(p, "%d.%d.%d", &r->mon[i], &r->week[i], &r->wday[i]) != 3)
		return NULL;
	while ((*p >= '0' && *p <= '9') || *p == '.')
		p++;
	r->secs[i] = 2 * 3600;
	if (*p == '/')
		p = posix_hms(p + 1, &r->secs[i]);
	return p;
}

static int parse_posix(const char *p, posix_rule *r)
{
	memset(r, 0, sizeof *r);
	int off;
	if (!(p = posix_name(p)) || !(p = posix_hms(p, &off)))
		return -1;
	r->std_off = -off; /* POSIX counts west of UTC */
	if (!*p)
		return 0;
	if (!(p = posix_name(p)))
		return -1;
	r->dst_off = r->std_off + 3600;
	if (*p && *p != ',') {
		if (!(p = posix_hms(p, &off)))
			return -1;
		r->dst_off = -off;
	}
	if (!(p = posix_date(p, r, 0)) || !(p = posix_date(p, r, 1)) || *p)
		return -1;
	r->has_dst = 1;
	return 0;
}

/* The UTC instant of rule date i in year y, its wall time read at `off`. */
static int64_t rule_instant(const posix_rule *r, int i, int y, int off)
{
	int m = r->mon[i];
	int64_t first = bp_days_from_civil(y, m, 1);
	int wd_first = (bp_weekday(first) + 1) % 7; /* 0 = Sunday */
	int day = 1 + (r->wday[i] - wd_first + 7) % 7 + (r->week[i] - 1) * 7;
	while (day > bp_days_in_month(y, m))
		day -= 7;
	return (first + day - 1) * DAY_SECS + r->secs[i] - off;
}

/* Fills z->trans/z->offs from the zone file: its transitions, then the
 * footer's rule for the years after the last one, up to TABLE_HI. */
static int read_tzif(bp_zone *z, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	unsigned char *buf = malloc(1 << 20);
	size_t len = buf ? fread(buf, 1, 1 << 20, f) : 0;
	fclose(f);
	int rc = -1;
	size_t cap = 64;
	if (len < 44 || memcmp(buf, "TZif", 4) != 0)
		goto out;
	/* Version 2+ files repeat the data with 64-bit times after the first
	 * block; use that one. */
	const unsigned char *h = buf;
	int tsize = 4;
	for (int pass = 0; pass < 2; pass++) {
		int64_t isut = be(h + 20, 4), isstd = be(h + 24, 4), leap = be(h + 28, 4),
		        timecnt = be(h + 32, 4), typecnt = be(h + 36, 4), charcnt = be(h + 40, 4);
		size_t body = (size_t)(timecnt * tsize + timecnt + typecnt * 6 + charcnt +
		                       leap * (tsize + 4) + isstd + isut);
		if (timecnt < 0 || typecnt < 1 || (size_t)(h - buf) + 44 + body > len)
			goto out;
		if (pass == 0 && buf[4] >= '2') {
			h += 44 + body;
			tsize = 8;
			continue;
		}
		const unsigned char *times = h + 44, *idx = times + timecnt * tsize,
		                    *types = idx + timecnt;
		z->trans = malloc(cap * sizeof *z->trans);
		z->offs = malloc((cap + 1) * sizeof *z->offs);
		if (!z->trans || !z->offs)
			goto out;
		z->n = 0;
		z->offs[0] = (int)be(types, 4); /* type 0 holds before the first change */
		for (int64_t i = 0; i < timecnt; i++) {
			int k = idx[i];
			if (k >= typecnt || push(z, &cap, be(times + i * tsize, tsize),
			                         (int)be(types + k * 6, 4)) < 0)
				goto out;
		}
		/* The footer: "\nRULE\n" after the 64-bit block. */
		const unsigned char *foot = h + 44 + body;
		posix_rule r;
		char rule[128] = "";
		if (tsize == 8 && foot < buf + len && *foot == '\n') {
			const unsigned char *e =
			        memchr(foot + 1, '\n', (size_t)(buf + len - foot - 1));
			if (e && (size_t)(e - foot - 1) < sizeof rule)
				memcpy(rule, foot + 1, (size_t)(e - foot - 1));
		}
		if (rule[0] && parse_posix(rule, &r) == 0) {
			z->has_rule = r.has_dst;
			z->rule = r;
			int64_t last = z->n ? z->trans[z->n - 1] : TABLE_LO;
			int y0, m0, d0;
			bp_civil_from_days(floor_div(last, DAY_SECS), &y0, &m0, &d0);
			if (!r.has_dst) {
				if (push(z, &cap, last + 1, r.std_off) < 0)
					goto out;
			}
			for (int y = y0; r.has_dst && y <= 2100; y++) {
				int64_t on = rule_instant(&r, 0, y, r.std_off);
				int64_t off = rule_instant(&r, 1, y, r.dst_off);
				int64_t first = on < off ? on : off, second = on < off ? off : on;
				int o1 = on < off ? r.dst_off : r.std_off,
				    o2 = on < off ? r.std_off : r.dst_off;
				if ((first > last && push(z, &cap, first, o1) < 0) ||
				    (second > last && push(z, &cap, second, o2) < 0))
					goto out;
			}
		}
		rc = 0;
		break;
	}
out:
	free(buf);
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
	if (read_tzif(z, z->tz + 1) != 0)
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
	if (z->has_rule && z->n && t > z->trans[z->n - 1]) {
		/* Past the table (2100): the footer rule, year by year. */
		const posix_rule *r = &z->rule;
		int y, m, d;
		bp_civil_from_days(floor_div(t + r->std_off, DAY_SECS), &y, &m, &d);
		int64_t on = rule_instant(r, 0, y, r->std_off),
		        off = rule_instant(r, 1, y, r->dst_off);
		int dst = on < off ? (t >= on && t < off) : !(t >= off && t < on);
		return dst ? r->dst_off : r->std_off;
	}
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
