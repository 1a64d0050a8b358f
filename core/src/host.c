/* host.c — the bp_host table: everything a plugin may ask of briefpack. */
#define _GNU_SOURCE
#include "bptime.h"
#include "cfg.h"
#include "diag.h"
#include "doc.h"
#include "fonts.h"
#include "i18n.h"
#include "lines.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void report(bp_section *s, int is_error, const char *fmt, va_list ap)
{
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	const char *file = config_setting_source_file(s->js->set);
	int line = (int)config_setting_source_line(s->js->set);
	if (!file)
		file = s->d->j->path;
	if (is_error) {
		s->failed = 1;
		diag_error(file, line, "section '%s' (plugin %s): %s", s->js->id, s->p->name, msg);
	} else {
		diag_warn(file, line, "section '%s' (plugin %s): %s", s->js->id, s->p->name, msg);
	}
}

static void h_error(bp_section *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(s, 1, fmt, ap);
	va_end(ap);
}

static void h_warn(bp_section *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(s, 0, fmt, ap);
	va_end(ap);
}

static const char *h_section_id(bp_section *s)
{
	return s->js->id;
}

static const char *h_section_title(bp_section *s)
{
	return s->title;
}

static const bp_document *h_document(bp_section *s)
{
	return &s->d->j->doc;
}

static const bp_dossier *h_dossier(bp_section *s)
{
	return &s->d->dos->pub;
}

static const bp_theme *h_theme(bp_section *s)
{
	return &s->d->j->theme;
}

/* The option's setting if it is declared with one of the given types. */
static const config_setting_t *opt(bp_section *s, const char *name, bp_opt_type t1, bp_opt_type t2)
{
	const opt_value *v = options_get(s->opts, s->n_opts, name);
	if (!v) {
		h_error(s, "asked for option '%s', which the plugin does not declare", name);
		return NULL;
	}
	if (v->decl->type != t1 && v->decl->type != t2) {
		h_error(s, "asked for option '%s' as the wrong type", name);
		return NULL;
	}
	return v->set;
}

static int h_opt_bool(bp_section *s, const char *name)
{
	const config_setting_t *v = opt(s, name, BP_OPT_BOOL, BP_OPT_BOOL);
	return v ? config_setting_get_bool(v) : 0;
}

static long h_opt_int(bp_section *s, const char *name)
{
	const config_setting_t *v = opt(s, name, BP_OPT_INT, BP_OPT_INT);
	double x = 0;
	if (v)
		cfg_as_number(v, &x);
	return (long)x;
}

static double h_opt_float(bp_section *s, const char *name)
{
	const config_setting_t *v = opt(s, name, BP_OPT_FLOAT, BP_OPT_INT);
	double x = 0;
	if (v)
		cfg_as_number(v, &x);
	return x;
}

static const char *h_opt_string(bp_section *s, const char *name)
{
	const config_setting_t *v = opt(s, name, BP_OPT_STRING, BP_OPT_STRING);
	return v ? config_setting_get_string(v) : NULL;
}

static size_t h_opt_count(bp_section *s, const char *name)
{
	const config_setting_t *v = opt(s, name, BP_OPT_STRING_LIST, BP_OPT_INT_LIST);
	return v ? (size_t)config_setting_length(v) : 0;
}

static const char *h_opt_string_at(bp_section *s, const char *name, size_t i)
{
	const config_setting_t *v = opt(s, name, BP_OPT_STRING_LIST, BP_OPT_STRING_LIST);
	const config_setting_t *e = v ? config_setting_get_elem(v, (unsigned)i) : NULL;
	return e ? config_setting_get_string(e) : NULL;
}

static long h_opt_int_at(bp_section *s, const char *name, size_t i)
{
	const config_setting_t *v = opt(s, name, BP_OPT_INT_LIST, BP_OPT_INT_LIST);
	const config_setting_t *e = v ? config_setting_get_elem(v, (unsigned)i) : NULL;
	double x = 0;
	if (e)
		cfg_as_number(e, &x);
	return (long)x;
}

static int h_opt_is_set(bp_section *s, const char *name)
{
	const opt_value *v = options_get(s->opts, s->n_opts, name);
	return v && v->given;
}

/* ---- text ---- */

/* Latin, Greek, Cyrillic and general punctuation: the private font set
 * always has them (Noto Sans and DejaVu Sans are in it), so text made only
 * of these needs no coverage check, which would force a layout. */
static int surely_covered(const char *utf8)
{
	for (const unsigned char *p = (const unsigned char *)utf8; *p;) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		gunichar c = g_utf8_get_char((const char *)p);
		if (!(c < 0x0530 || (c >= 0x2000 && c <= 0x206F)))
			return 0;
		p = (const unsigned char *)g_utf8_next_char(p);
	}
	return 1;
}

static void check_glyphs(bp_section *s, PangoLayout *l, const char *utf8)
{
	if (!utf8 || surely_covered(utf8) || pango_layout_get_unknown_glyphs_count(l) == 0)
		return;
	GHashTable *seen = s->d->missing_reported;
	if (g_hash_table_contains(seen, utf8))
		return;
	g_hash_table_add(seen, g_strdup(utf8));
	char shown[120];
	g_utf8_strncpy(shown, utf8, 40);
	h_warn(s, "no font has some characters of \"%s%s\"; they show as boxes", shown,
	       g_utf8_strlen(utf8, -1) > 40 ? "…" : "");
}

/* The theme family alone: fonts/fonts.conf appends the families known to
 * cover the scripts it may lack, so fallback is the same on every machine.
 * (Pango hashes and compares a description's whole family string each time
 * it looks up a font set, a few hundred times a pack.) */
static PangoFontDescription *font_for(bp_section *s, const bp_text_style *st)
{
	const bp_theme *t = &s->d->j->theme;
	const char *fam = st && st->heading ? t->heading_font : t->font;
	PangoFontDescription *d = pango_font_description_new();
	pango_font_description_set_family(d, fam);
	/* Sizes snap to half points: each distinct size costs Pango a font sort
	 * (and a thread), and 7.41 pt cannot be told from 7.5 pt on paper. */
	double size = st && st->size > 0 ? st->size : t->body_size;
	size = size < 1 ? 1 : (double)(long)(size * 2 + 0.5) / 2;
	pango_font_description_set_absolute_size(d, size * PANGO_SCALE);
	if (st && st->bold)
		pango_font_description_set_weight(d, PANGO_WEIGHT_BOLD);
	if (st && st->italic)
		pango_font_description_set_style(d, PANGO_STYLE_ITALIC);
	return d;
}

static PangoLayout *h_text(bp_section *s, const char *utf8, const bp_text_style *st)
{
	PangoLayout *l = pango_layout_new(fonts_context());
	PangoFontDescription *fd = font_for(s, st);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (st && st->width > 0) {
		pango_layout_set_width(l, (int)(st->width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		if (st->max_lines > 0) {
			pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
			pango_layout_set_height(l, -st->max_lines);
		}
	}
	if (st && st->align == BP_ALIGN_CENTER)
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	else if (st && st->align == BP_ALIGN_RIGHT)
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	pango_layout_set_text(l, utf8 ? utf8 : "", -1);
	check_glyphs(s, l, utf8);
	return l;
}

static void h_text_set(bp_section *s, PangoLayout *l, const char *utf8)
{
	pango_layout_set_text(l, utf8 ? utf8 : "", -1);
	check_glyphs(s, l, utf8);
}

static void h_text_size(PangoLayout *l, double *w, double *h)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	if (w)
		*w = (double)r.width / PANGO_SCALE;
	if (h)
		*h = (double)r.height / PANGO_SCALE;
}

static int h_text_fits(PangoLayout *l, double width)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return r.width <= (int)(width * PANGO_SCALE) && pango_layout_get_line_count(l) == 1 &&
	       pango_layout_get_line_readonly(l, 0)->resolved_dir == PANGO_DIRECTION_LTR;
}

/* ---- words and times ---- */

static const char *h_label(bp_section *s, bp_label which)
{
	return i18n_label(s->d->j->doc.language, which);
}

static char *h_format_time(bp_section *s, const bp_time *t, bp_time_format f, char *buf, size_t n)
{
	return i18n_format_time(s->d->j->doc.language, t, f, buf, n);
}

/* bp_zone_open() caches zones for the process: this is a lookup. */
static const bp_zone *zone(bp_section *s, const char *name)
{
	(void)s;
	return bp_zone_open(name);
}

static int h_convert_time(bp_section *s, const bp_time *t, const char *name, bp_time *out)
{
	const bp_zone *z = zone(s, name);
	if (!z)
		return -1;
	bp_time_convert(t, z, out);
	return 0;
}

static char *h_zone_label(bp_section *s, const char *name, const bp_time *t, char *buf, size_t n)
{
	const bp_zone *z = zone(s, name);
	buf[0] = '\0';
	if (z)
		bp_zone_label(z, t ? t->epoch : 0, buf, n);
	return buf;
}

/* ---- anchors, pages, links ---- */

static char *h_anchor_name(const char *kind, const char *id, char *buf, size_t n)
{
	/* Dest names must be ASCII (cairo 1.16 stores them inconsistently
	 * otherwise): unsafe bytes become _XX. */
	size_t k = (size_t)snprintf(buf, n, "%s-", kind);
	for (const unsigned char *p = (const unsigned char *)id; *p && k + 4 < n; p++) {
		if (g_ascii_isalnum(*p) || *p == '-')
			buf[k++] = (char)*p;
		else
			k += (size_t)snprintf(buf + k, n - k, "_%02X", *p);
	}
	if (k < n)
		buf[k] = '\0';
	return buf;
}

static void h_add_anchor(bp_section *s, int page, double y, const char *name, const char *title,
                         int level)
{
	if (!s->in_layout) {
		h_error(s, "add_anchor is for layout(), not draw()");
		return;
	}
	if (!name || !*name ||
	    strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                 "0123456789_-") != strlen(name)) {
		h_error(s, "anchor name '%s' is not made of [A-Za-z0-9_-]", name ? name : "");
		return;
	}
	anchor *a = calloc(1, sizeof *a);
	a->name = strdup(name);
	a->s = s;
	a->page = page < 0 ? 0 : page;
	a->y = y;
	a->title = title ? strdup(title) : NULL;
	a->level = level < 2 ? 2 : level;
	g_ptr_array_add(s->d->anchors, a);
	if (!g_hash_table_contains(s->d->by_name, a->name))
		g_hash_table_insert(s->d->by_name, a->name, a);
}

static int h_page_number(bp_section *s, int page)
{
	return s->first_page + page;
}

static int h_page_total(bp_section *s)
{
	return s->d->total_pages;
}

static int h_anchor_page(bp_section *s, const char *name)
{
	const anchor *a = g_hash_table_lookup(s->d->by_name, name);
	return a ? a->s->first_page + a->page : 0;
}

static const bp_entry *const *h_entries(bp_section *s, size_t *n)
{
	*n = s->d->n_entries;
	return (const bp_entry *const *)s->d->entries;
}

static int h_link_begin(bp_section *s, cairo_t *cr, const char *name)
{
	if (!s->d->pdf || !g_hash_table_contains(s->d->by_name, name))
		return 0;
	char attr[300];
	snprintf(attr, sizeof attr, "dest='%s'", name);
	cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
	return 1;
}

static void h_link_end(bp_section *s, cairo_t *cr)
{
	if (s->d->pdf)
		cairo_tag_end(cr, CAIRO_TAG_LINK);
}

const bp_host doc_host = {
        .abi_major = BP_ABI_MAJOR,
        .abi_minor = BP_ABI_MINOR,
        .size = sizeof(bp_host),
        .error = h_error,
        .warn = h_warn,
        .section_id = h_section_id,
        .section_title = h_section_title,
        .document = h_document,
        .dossier = h_dossier,
        .theme = h_theme,
        .opt_bool = h_opt_bool,
        .opt_int = h_opt_int,
        .opt_float = h_opt_float,
        .opt_string = h_opt_string,
        .opt_count = h_opt_count,
        .opt_string_at = h_opt_string_at,
        .opt_int_at = h_opt_int_at,
        .opt_is_set = h_opt_is_set,
        .text = h_text,
        .text_set = h_text_set,
        .text_size = h_text_size,
        .label = h_label,
        .format_time = h_format_time,
        .convert_time = h_convert_time,
        .zone_label = h_zone_label,
        .add_anchor = h_add_anchor,
        .anchor_name = h_anchor_name,
        .page_number = h_page_number,
        .page_total = h_page_total,
        .anchor_page = h_anchor_page,
        .entries = h_entries,
        .link_begin = h_link_begin,
        .link_end = h_link_end,
        .lines = lines_break,
        .lines_count = lines_count,
        .lines_extents = lines_extents,
        .lines_show = lines_show,
        .lines_free = lines_free,
        .text_fits = h_text_fits,
};
