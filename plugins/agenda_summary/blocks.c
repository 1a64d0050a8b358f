/*
 * blocks.c — making agenda_summary's blocks: text through host->text(),
 * measured line by line so the flow engine can cut between lines.
 *
 * Pango 1.50 itemizes, shapes and breaks a whole layout again on any
 * change (text, width, attributes, indent), and shaping is most of the
 * section's time.  So a layout is set up completely before its text goes
 * in, never changed once measured, and made once per section for each
 * distinct text and style: the same topic, subheading, "time to be
 * confirmed" or attendee line under many events is one shared layout,
 * drawn wherever it appears.  The share lives as long as the section's
 * layout (ag_blocks_free), never across packs.  A paragraph of plain text
 * is shaped once, unwrapped, and broken into lines by the host
 * (host->lines()) instead of by Pango's wrapping, which shapes it about
 * 2.4 times.
 */
#include "agenda.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* One distinct text in one style, measured once. */
typedef struct ag_shared {
	const bp_host *h;
	PangoLayout *l; /* NULL for a paragraph the host broke */
	bp_lines *para; /* a paragraph the host broke, or NULL */
	double *lines;  /* heights of its lines (ag_block_set_text), or NULL */
	size_t n_lines;
} ag_shared;

static void shared_free(gpointer p)
{
	ag_shared *sh = p;
	if (sh->l)
		g_object_unref(sh->l);
	if (sh->para)
		sh->h->lines_free(sh->para);
	free(sh->lines);
	g_free(sh);
}

ag_block *ag_block_add(agenda *a, ag_kind kind, double space_before, unsigned flags, int group,
                       int event)
{
	if (a->n_blocks == a->cap_blocks) {
		size_t cap = a->cap_blocks ? a->cap_blocks * 2 : 64;
		ag_block *nb = realloc(a->blocks, cap * sizeof *nb);
		if (!nb)
			return NULL;
		a->blocks = nb;
		a->cap_blocks = cap;
	}
	ag_block *b = &a->blocks[a->n_blocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->space_before = space_before;
	b->flags = flags;
	b->group = group;
	b->event = event;
	return b;
}

/* A new layout of st, with the first bold_bytes bytes in bold (a label
 * such as "Delegations: "), set up before the text goes in so that it is
 * laid out once, with everything. */
static PangoLayout *fresh(agenda *a, const char *utf8, const bp_text_style *st, size_t bold_bytes)
{
	if (!bold_bytes)
		return a->h->text(a->s, utf8 ? utf8 : "", st);
	PangoLayout *l = a->h->text(a->s, "", st);
	if (l) {
		ag_bold_prefix(l, bold_bytes);
		a->h->text_set(a->s, l, utf8 ? utf8 : "");
	}
	return l;
}

/* A paragraph shaped once, unwrapped, and broken into lines by the host;
 * NULL when Pango must wrap it after all. */
static bp_lines *own_lines(agenda *a, const char *utf8, const bp_text_style *st, size_t bold_bytes)
{
	if (st->width <= 0 || st->max_lines > 0 || st->align != BP_ALIGN_LEFT)
		return NULL;
	bp_text_style one = *st;
	one.width = 0;
	PangoLayout *l = a->h->text(a->s, "", &one);
	if (!l)
		return NULL;
	if (bold_bytes)
		ag_bold_prefix(l, bold_bytes);
	a->h->text_set(a->s, l, utf8);
	bp_lines *p = a->h->lines(l, st->width);
	g_object_unref(l);
	return p;
}

/* The shared layout of utf8 in st (see the top of the file); a paragraph
 * (ag_block_set_text) may be broken into lines here. */
static ag_shared *shared(agenda *a, const char *utf8, const bp_text_style *st, size_t bold_bytes,
                         int paragraph)
{
	if (!a->shared)
		a->shared = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, shared_free);
	/* Every field of the style, exactly (%a), and the text. */
	char *key = g_strdup_printf("%c %d %a %d %d %a %d %d %zu|%s", paragraph ? 'P' : 'L',
	                            st->heading, st->size, st->bold, st->italic, st->width,
	                            st->max_lines, (int)st->align, bold_bytes, utf8 ? utf8 : "");
	ag_shared *sh = g_hash_table_lookup(a->shared, key);
	if (sh) {
		g_free(key);
		return sh;
	}
	bp_lines *para = paragraph ? own_lines(a, utf8, st, bold_bytes) : NULL;
	PangoLayout *l = para ? NULL : fresh(a, utf8, st, bold_bytes);
	if (!l && !para) {
		g_free(key);
		return NULL;
	}
	sh = g_new0(ag_shared, 1);
	sh->h = a->h;
	sh->l = l;
	sh->para = para;
	g_hash_table_insert(a->shared, key, sh);
	return sh;
}

static bp_text_style style(int heading, double size, int bold, int italic, double width,
                           int max_lines)
{
	return (bp_text_style){.heading = heading,
	                       .size = size,
	                       .bold = bold,
	                       .italic = italic,
	                       .width = width,
	                       .max_lines = max_lines,
	                       .align = BP_ALIGN_LEFT};
}

/* Text that fits its width on one line, left to right, draws the same
 * glyphs at the same place unwrapped; and Pango 1.50 shapes a wrapped
 * layout's text twice when it fits, an unwrapped one once.  So such text
 * is measured unwrapped first (the measure is shared as well), and only
 * text that does not fit is laid out again to wrap. */
static PangoLayout *unwrapped_if_fits(agenda *a, const char *utf8, const bp_text_style *wrapped)
{
	bp_text_style st = *wrapped;
	st.width = 0;
	st.max_lines = 0;
	ag_shared *sh = shared(a, utf8, &st, 0, 0);
	if (!sh)
		return NULL;
	return a->h->text_fits(sh->l, wrapped->width) ? g_object_ref(sh->l) : NULL;
}

PangoLayout *ag_text(agenda *a, const char *utf8, int heading, double size, int bold, int italic,
                     double width, int max_lines)
{
	bp_text_style st = style(heading, size, bold, italic, width, max_lines);
	PangoLayout *l = width > 0 ? unwrapped_if_fits(a, utf8, &st) : NULL;
	if (l)
		return l;
	ag_shared *sh = shared(a, utf8, &st, 0, 0);
	return sh ? g_object_ref(sh->l) : NULL;
}

PangoLayout *ag_text_own(agenda *a, const char *utf8, int heading, double size, int bold,
                         int italic, double width, int max_lines,
                         void (*setup)(PangoLayout *l, void *arg), void *arg)
{
	bp_text_style st = style(heading, size, bold, italic, width, max_lines);
	PangoLayout *l = a->h->text(a->s, "", &st);
	if (l) {
		if (setup)
			setup(l, arg);
		a->h->text_set(a->s, l, utf8 ? utf8 : "");
	}
	return l;
}

double ag_height(agenda *a, PangoLayout *l)
{
	double w = 0, h = 0;
	if (l)
		a->h->text_size(l, &w, &h);
	return h;
}

/* The heights of a layout's lines, from one line's top to the next, so
 * that they add up to the layout's height. */
static int measure_lines(PangoLayout *l, double **out, size_t *n)
{
	int count = pango_layout_get_line_count(l);
	double *h = calloc(count > 0 ? (size_t)count : 1, sizeof *h);
	if (!h)
		return -1;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0;
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		h[i++] = (double)(y1 - y0) / PANGO_SCALE;
	} while (i < count && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	if (count <= 0) {
		PangoRectangle log;
		pango_layout_get_extents(l, NULL, &log);
		h[0] = (double)log.height / PANGO_SCALE;
		count = 1;
	}
	*out = h;
	*n = (size_t)count;
	return 0;
}

int ag_block_set_text(agenda *a, ag_block *b, const char *utf8, const bp_text_style *st, double x,
                      size_t bold_bytes)
{
	b->x = x;
	ag_shared *sh = shared(a, utf8, st, bold_bytes, 1);
	if (!sh)
		return -1;
	if (!sh->lines && sh->para) {
		size_t n = a->h->lines_count(sh->para);
		sh->lines = malloc(n * sizeof *sh->lines);
		if (!sh->lines)
			return -1;
		for (size_t i = 0; i < n; i++) {
			PangoRectangle log;
			a->h->lines_extents(sh->para, i, 1, NULL, &log);
			sh->lines[i] = (double)log.height / PANGO_SCALE;
		}
		sh->n_lines = n;
	}
	if (!sh->lines && measure_lines(sh->l, &sh->lines, &sh->n_lines) != 0)
		return -1;
	b->lines = malloc(sh->n_lines * sizeof *b->lines);
	if (!b->lines)
		return -1;
	memcpy(b->lines, sh->lines, sh->n_lines * sizeof *b->lines);
	b->n_lines = sh->n_lines;
	b->text = sh->l ? g_object_ref(sh->l) : NULL;
	b->para = sh->para;
	return 0;
}

/* Makes the first `bytes` bytes bold (a label such as "Delegations: ")
 * without losing the attributes the host put on the layout. */
void ag_bold_prefix(PangoLayout *l, size_t bytes)
{
	PangoAttrList *old = pango_layout_get_attributes(l);
	PangoAttrList *al = old ? pango_attr_list_copy(old) : pango_attr_list_new();
	PangoAttribute *b = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
	b->start_index = 0;
	b->end_index = (guint)bytes;
	pango_attr_list_insert(al, b);
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
}

static void unref(PangoLayout *l)
{
	if (l)
		g_object_unref(l);
}

void ag_blocks_free(agenda *a)
{
	for (size_t i = 0; i < a->n_blocks; i++) {
		ag_block *b = &a->blocks[i];
		unref(b->text);
		unref(b->time);
		unref(b->chip);
		unref(b->meta);
		for (size_t e = 0; e < b->n_entries; e++)
			unref(b->entries[e].text);
		free(b->entries);
		free(b->lines);
	}
	free(a->blocks);
	a->blocks = NULL;
	a->n_blocks = a->cap_blocks = 0;
	for (size_t i = 0; i < a->n_groups; i++) {
		g_free(a->groups[i].label);
		unref(a->groups[i].cont);
	}
	free(a->groups);
	a->groups = NULL;
	a->n_groups = 0;
	for (size_t i = 0; i < a->n_events; i++)
		unref(a->events[i].cont);
	free(a->events);
	a->events = NULL;
	a->n_events = 0;
	free(a->fl);
	a->fl = NULL;
	fl_result_free(&a->flow);
	if (a->shared)
		g_hash_table_destroy(a->shared);
	a->shared = NULL;
}
