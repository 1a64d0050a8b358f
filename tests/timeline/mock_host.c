/*
 * mock_host.c — see mock_host.h.  Only what the timeline asks for, done
 * simply: fixed-offset zones ("+03:00") only, English words, Noto Sans;
 * the host's own line breaking (core/src/lines.c) as it is.
 */
#define _GNU_SOURCE
#include "mock_host.h"
#include "lines.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
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

bp_time mock_time(int y, int mo, int d, int h, int mi, bp_precision prec, int offset)
{
	bp_time t = {0};
	t.prec = prec;
	t.year = y, t.month = mo, t.day = prec == BP_PREC_MONTH ? 1 : d;
	if (prec == BP_PREC_TIME)
		t.hour = h, t.minute = mi;
	t.offset = offset;
	t.days = days_from_civil(y, mo, t.day);
	t.epoch = t.days * 86400 + t.hour * 3600 + t.minute * 60 - offset;
	return t;
}

static void m_error(bp_section *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->last_error, sizeof s->last_error, fmt, ap);
	va_end(ap);
	s->errors++;
}

static void m_warn(bp_section *s, const char *fmt, ...)
{
	(void)s;
	(void)fmt;
}

static const char *m_section_id(bp_section *s)
{
	(void)s;
	return "timeline";
}

static const bp_document *m_document(bp_section *s)
{
	return &s->doc;
}

static const bp_dossier *m_dossier(bp_section *s)
{
	return s->dossier;
}

static const bp_theme *m_theme(bp_section *s)
{
	return &s->theme;
}

/* The value given for name, else the plugin's default (NULL: unset). */
static const char *value_of(bp_section *s, const char *name)
{
	for (const mock_opt *o = s->opts; o && o->name; o++)
		if (!strcmp(o->name, name))
			return o->value;
	static const struct {
		const char *n, *v;
	} defs[] = {{"style", "\"grid\""},       {"days_per_page", "0"}, {"show_venue", "true"},
	            {"show_legend", "true"},     {"show_tbc", "true"},   {"show_cancelled", "true"},
	            {"show_empty_days", "false"}};
	for (size_t i = 0; i < sizeof defs / sizeof *defs; i++)
		if (!strcmp(defs[i].n, name))
			return defs[i].v;
	return NULL;
}

static int m_opt_bool(bp_section *s, const char *name)
{
	const char *v = value_of(s, name);
	return v && !strcmp(v, "true");
}

static long m_opt_int(bp_section *s, const char *name)
{
	const char *v = value_of(s, name);
	return v ? strtol(v, NULL, 10) : 0;
}

static double m_opt_float(bp_section *s, const char *name)
{
	const char *v = value_of(s, name);
	return v ? strtod(v, NULL) : 0;
}

/* Strings are returned from a small ring of static buffers (test only). */
static const char *m_opt_string(bp_section *s, const char *name)
{
	static char ring[8][256];
	static int k;
	const char *v = value_of(s, name);
	if (!v)
		return NULL;
	char *b = ring[k++ % 8];
	snprintf(b, sizeof ring[0], "%s", v[0] == '"' ? v + 1 : v);
	size_t l = strlen(b);
	if (l && b[l - 1] == '"')
		b[l - 1] = '\0';
	return b;
}

/* The i-th element of "[a, b, c]" (quotes removed) into buf; -1 if none. */
static int element(const char *v, size_t i, char *buf, size_t n)
{
	if (!v || v[0] != '[')
		return -1;
	const char *p = v + 1;
	for (size_t k = 0;; k++) {
		while (*p == ' ' || *p == '"')
			p++;
		const char *e = p;
		while (*e && *e != ',' && *e != ']')
			e++;
		const char *end = e;
		while (end > p && (end[-1] == ' ' || end[-1] == '"'))
			end--;
		if (end == p && *e == ']' && k == 0)
			return -1;
		if (k == i) {
			snprintf(buf, n, "%.*s", (int)(end - p), p);
			return 0;
		}
		if (*e != ',')
			return -1;
		p = e + 1;
	}
}

static size_t m_opt_count(bp_section *s, const char *name)
{
	char b[128];
	size_t n = 0;
	while (element(value_of(s, name), n, b, sizeof b) == 0)
		n++;
	return n;
}

static const char *m_opt_string_at(bp_section *s, const char *name, size_t i)
{
	static char ring[8][128];
	static int k;
	char *b = ring[k++ % 8];
	return element(value_of(s, name), i, b, sizeof ring[0]) == 0 ? b : NULL;
}

static long m_opt_int_at(bp_section *s, const char *name, size_t i)
{
	char b[64];
	return element(value_of(s, name), i, b, sizeof b) == 0 ? strtol(b, NULL, 10) : 0;
}

static int m_opt_is_set(bp_section *s, const char *name)
{
	for (const mock_opt *o = s->opts; o && o->name; o++)
		if (!strcmp(o->name, name))
			return 1;
	return 0;
}

static PangoLayout *m_text(bp_section *s, const char *utf8, const bp_text_style *st)
{
	PangoLayout *l = pango_layout_new(s->ctx);
	PangoFontDescription *fd = pango_font_description_from_string("Noto Sans");
	pango_font_description_set_size(fd, (int)((st->size > 0 ? st->size : 9.5) * PANGO_SCALE));
	if (st->bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (st->width > 0) {
		pango_layout_set_width(l, (int)(st->width * PANGO_SCALE));
		if (st->max_lines > 0) {
			pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
			pango_layout_set_height(l, -st->max_lines);
		}
	}
	pango_layout_set_text(l, utf8, -1);
	return l;
}

static void m_text_set(bp_section *s, PangoLayout *l, const char *utf8)
{
	(void)s;
	pango_layout_set_text(l, utf8, -1);
}

static void m_text_size(PangoLayout *l, double *w, double *h)
{
	int a, b;
	pango_layout_get_size(l, &a, &b);
	*w = (double)a / PANGO_SCALE;
	*h = (double)b / PANGO_SCALE;
}

static const char *m_label(bp_section *s, bp_label which)
{
	(void)s;
	static const char *const en[BP_LABEL_COUNT_] = {"(continued)",
	                                                "time to be confirmed",
	                                                "date to be confirmed",
	                                                "Dates to be confirmed",
	                                                "All day / time to be confirmed",
	                                                "All times",
	                                                "tentative",
	                                                "cancelled",
	                                                "confirmed",
	                                                "Venue",
	                                                "Track",
	                                                "Format",
	                                                "Attendees",
	                                                "Topics",
	                                                "Expected outcomes",
	                                                "Notes",
	                                                "No delegation",
	                                                "Page",
	                                                "Contents",
	                                                "Legend",
	                                                "events",
	                                                "Total"};
	return en[which];
}

static char *m_format_time(bp_section *s, const bp_time *t, bp_time_format f, char *buf, size_t n)
{
	(void)s;
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	switch (f) {
	case BP_FMT_TIME:
		if (t->prec == BP_PREC_TIME)
			snprintf(buf, n, "%02d:%02d", t->hour, t->minute);
		else
			snprintf(buf, n, "%s", "");
		break;
	case BP_FMT_DATETIME:
		snprintf(buf, n, "%d %s %02d:%02d", t->day, mon[t->month - 1], t->hour, t->minute);
		break;
	default:
		if (t->prec == BP_PREC_MONTH)
			snprintf(buf, n, "%s %d", mon[t->month - 1], t->year);
		else
			snprintf(buf, n, "Day %d %s %d", t->day, mon[t->month - 1], t->year);
	}
	return buf;
}

static int m_convert_time(bp_section *s, const bp_time *t, const char *zone, bp_time *out)
{
	(void)s;
	int hh, mm;
	char sign;
	if (sscanf(zone, "%c%d:%d", &sign, &hh, &mm) != 3 || (sign != '+' && sign != '-'))
		return -1;
	int off = (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
	*out = *t;
	if (t->prec != BP_PREC_TIME)
		return 0;
	int64_t local = t->epoch + off;
	int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	int64_t sec = local - days * 86400;
	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(sec / 3600);
	out->minute = (int)(sec % 3600 / 60);
	out->days = days;
	out->offset = off;
	return 0;
}

static char *m_zone_label(bp_section *s, const char *zone, const bp_time *t, char *buf, size_t n)
{
	(void)s;
	(void)t;
	snprintf(buf, n, "Zone, UTC%s", zone);
	return buf;
}

static void m_add_anchor(bp_section *s, int page, double y, const char *name, const char *title,
                         int level)
{
	(void)page, (void)y, (void)name, (void)title, (void)level;
	s->anchors++;
}

static char *m_anchor_name(const char *kind, const char *id, char *buf, size_t n)
{
	snprintf(buf, n, "%s-%s", kind, id);
	return buf;
}

static int m_page_number(bp_section *s, int page)
{
	(void)s;
	return page + 1;
}

static int m_page_total(bp_section *s)
{
	(void)s;
	return 1;
}

static int m_anchor_page(bp_section *s, const char *name)
{
	(void)s, (void)name;
	return 0;
}

static const bp_entry *const *m_entries(bp_section *s, size_t *n)
{
	(void)s;
	*n = 0;
	return NULL;
}

static int m_link_begin(bp_section *s, cairo_t *cr, const char *anchor)
{
	(void)s, (void)cr, (void)anchor;
	return 0;
}

static void m_link_end(bp_section *s, cairo_t *cr)
{
	(void)s, (void)cr;
}

static const char *m_section_title(bp_section *s)
{
	(void)s;
	return "Programme";
}

const bp_host *mock_host(void)
{
	static const bp_host h = {
	        .abi_major = BP_ABI_MAJOR,
	        .abi_minor = BP_ABI_MINOR,
	        .size = sizeof(bp_host),
	        .error = m_error,
	        .warn = m_warn,
	        .section_id = m_section_id,
	        .section_title = m_section_title,
	        .document = m_document,
	        .dossier = m_dossier,
	        .theme = m_theme,
	        .opt_bool = m_opt_bool,
	        .opt_int = m_opt_int,
	        .opt_float = m_opt_float,
	        .opt_string = m_opt_string,
	        .opt_count = m_opt_count,
	        .opt_string_at = m_opt_string_at,
	        .opt_int_at = m_opt_int_at,
	        .opt_is_set = m_opt_is_set,
	        .text = m_text,
	        .text_set = m_text_set,
	        .text_size = m_text_size,
	        .label = m_label,
	        .format_time = m_format_time,
	        .convert_time = m_convert_time,
	        .zone_label = m_zone_label,
	        .add_anchor = m_add_anchor,
	        .anchor_name = m_anchor_name,
	        .page_number = m_page_number,
	        .page_total = m_page_total,
	        .anchor_page = m_anchor_page,
	        .entries = m_entries,
	        .link_begin = m_link_begin,
	        .link_end = m_link_end,
	        .lines = lines_break,
	        .lines_count = lines_count,
	        .lines_extents = lines_extents,
	        .lines_show = lines_show,
	        .lines_free = lines_free,
	};
	return &h;
}

void mock_section_init(bp_section *s, const bp_dossier *d, const mock_opt *opts)
{
	memset(s, 0, sizeof *s);
	s->dossier = d;
	s->opts = opts;
	s->doc = (bp_document){
	        .size = sizeof(bp_document), .title = "T", .date = "2025-10-07", .language = "en"};
	s->theme = (bp_theme){.size = sizeof(bp_theme),
	                      .font = "Noto Sans",
	                      .heading_font = "Noto Sans",
	                      .body_size = 9.5,
	                      .accent = {0.12, 0.31, 0.47},
	                      .text = {0.13, 0.13, 0.13},
	                      .muted = {0.42, 0.42, 0.42},
	                      .grid = {0.78, 0.78, 0.78},
	                      .banner = {0.69, 0, 0.13}};
	s->ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	pango_context_set_round_glyph_positions(s->ctx, FALSE);
}

void mock_section_free(bp_section *s)
{
	g_object_unref(s->ctx);
}
