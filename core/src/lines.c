/*
 * lines.c — the host's own line breaking of plain paragraphs (see lines.h
 * for why, plugin.h for the promise).
 */
#include "lines.h"

#include <stdlib.h>
#include <string.h>

typedef struct line {
	GSList *runs;       /* PangoGlyphItem*, left to right, positioned from the line's start */
	PangoRectangle ink; /* from the line's start on its baseline */
	int top;            /* the line's logical top above its baseline (<= 0) */
	int height, width;  /* logical */
	int font_height;    /* its fonts' tallest metrics height (with line spacing only) */
} line;

struct bp_lines {
	char *text; /* the paragraph (the runs' items index into it) */
	line *lines;
	size_t n;
	float spacing; /* the layout's line spacing factor; 0: lines touch */
};

/* Text Pango shapes without context across a break (Latin, Greek, Cyrillic
 * and common punctuation), no control characters, no soft or Unicode
 * hyphens (Pango may draw a hyphen at a break), no doubled or trailing
 * space. */
static int simple_text(const char *utf8)
{
	if (!utf8 || !*utf8)
		return 0;
	const char *p = utf8;
	gunichar prev = 0;
	while (*p) {
		gunichar c = g_utf8_get_char(p);
		int ok = (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x0300) ||
		         (c >= 0x0370 && c < 0x0483) || (c >= 0x048A && c < 0x0530) ||
		         (c >= 0x2010 && c < 0x2028) || (c >= 0x2030 && c < 0x2045);
		if (!ok || c == 0xAD || c == 0x2010 || c == 0x2011 || (c == ' ' && prev == ' '))
			return 0;
		prev = c;
		p = g_utf8_next_char(p);
	}
	return prev != ' ';
}

/* Whether l is laid out as text() lays out a left-aligned text, with no
 * attribute but those that choose the font (the glyphs then carry them
 * all; a colour or an underline they would not). */
static int plain_layout(PangoLayout *l)
{
	if (pango_layout_get_width(l) != -1 || pango_layout_get_alignment(l) != PANGO_ALIGN_LEFT ||
	    pango_layout_get_justify(l) || pango_layout_get_indent(l) != 0 ||
	    pango_layout_get_spacing(l) != 0 || pango_layout_get_line_spacing(l) < 0.0f)
		return 0;
	PangoAttrList *al = pango_layout_get_attributes(l);
	if (!al)
		return 1;
	GSList *all = pango_attr_list_get_attributes(al);
	int ok = 1;
	for (GSList *a = all; a && ok; a = a->next) {
		switch (((PangoAttribute *)a->data)->klass->type) {
		case PANGO_ATTR_FAMILY:
		case PANGO_ATTR_STYLE:
		case PANGO_ATTR_WEIGHT:
		case PANGO_ATTR_SIZE:
		case PANGO_ATTR_ABSOLUTE_SIZE:
		case PANGO_ATTR_FONT_DESC:
			break;
		default:
			ok = 0;
		}
	}
	g_slist_free_full(all, (GDestroyNotify)pango_attribute_destroy);
	return ok;
}

/* a becomes the smallest rectangle holding a and b. */
static void unite(PangoRectangle *a, const PangoRectangle *b)
{
	int x1 = MAX(a->x + a->width, b->x + b->width);
	int y1 = MAX(a->y + a->height, b->y + b->height);
	a->x = MIN(a->x, b->x);
	a->y = MIN(a->y, b->y);
	a->width = x1 - a->x;
	a->height = y1 - a->y;
}

static void free_runs(GSList *runs)
{
	g_slist_free_full(runs, (GDestroyNotify)pango_glyph_item_free);
}

/* Bytes [b0, b1) of run gi: a new glyph item, as pango_glyph_item_split()
 * would cut it, but copying only its own glyphs (splitting a copy of the
 * whole run for every line made long paragraphs quadratic). */
static PangoGlyphItem *slice(const char *text, const PangoGlyphItem *gi, int b0, int b1)
{
	const PangoItem *it = gi->item;
	int i0 = it->offset, i1 = i0 + it->length;
	b0 = b0 > i0 ? b0 : i0;
	b1 = b1 < i1 ? b1 : i1;
	PangoItem *item = pango_item_copy((PangoItem *)it);
	if (b0 > i0) {
		int chars = (int)g_utf8_pointer_to_offset(text + i0, text + b0);
		pango_item_free(pango_item_split(item, b0 - i0, chars));
	}
	if (b1 < i1) {
		int chars = (int)g_utf8_pointer_to_offset(text + b0, text + b1);
		PangoItem *head = pango_item_split(item, b1 - b0, chars);
		pango_item_free(item);
		item = head;
	}
	/* Left to right: glyphs in text order, clusters as byte offsets. */
	const PangoGlyphString *g = gi->glyphs;
	int g0 = 0, g1;
	while (g0 < g->num_glyphs && g->log_clusters[g0] < b0 - i0)
		g0++;
	g1 = g0;
	while (g1 < g->num_glyphs && g->log_clusters[g1] < b1 - i0)
		g1++;
	PangoGlyphItem *out = g_slice_new0(PangoGlyphItem);
	out->item = item;
	out->glyphs = pango_glyph_string_new();
	pango_glyph_string_set_size(out->glyphs, g1 - g0);
	for (int i = g0; i < g1; i++) {
		out->glyphs->glyphs[i - g0] = g->glyphs[i];
		out->glyphs->log_clusters[i - g0] = g->log_clusters[i] - (b0 - i0);
	}
	out->y_offset = gi->y_offset;
	out->start_x_offset = b0 == i0 ? gi->start_x_offset : 0;
	out->end_x_offset = b1 == i1 ? gi->end_x_offset : 0;
	return out;
}

/* Line ln: the glyphs of bytes [b0, b1) of the unwrapped line, as runs;
 * each glyph of a run after the first moved right by the width before it,
 * so that every run is drawn from the line's start. */
static void cut(const char *text, PangoLayoutLine *whole, int b0, int b1, int zero_last, int spaced,
                line *ln)
{
	GSList *runs = NULL;
	for (GSList *r = whole->runs; r; r = r->next) {
		PangoGlyphItem *gi = r->data;
		int i0 = gi->item->offset, i1 = i0 + gi->item->length;
		if (i1 <= b0 || i0 >= b1)
			continue;
		runs = g_slist_prepend(runs, slice(text, gi, b0, b1));
	}
	runs = g_slist_reverse(runs);
	/* Pango gives the space a wrapped line ends with no width and no
	 * glyph (zero_line_final_space). */
	if (zero_last && runs) {
		PangoGlyphString *g = ((PangoGlyphItem *)g_slist_last(runs)->data)->glyphs;
		if (g->num_glyphs > 0) {
			g->glyphs[g->num_glyphs - 1].geometry.width = 0;
			g->glyphs[g->num_glyphs - 1].glyph = PANGO_GLYPH_EMPTY;
		}
	}
	int x = 0, lo = 0, hi = 0, any = 0, fh = 0;
	PangoRectangle ink = {0};
	for (GSList *r = runs; r; r = r->next) {
		PangoGlyphItem *gi = r->data;
		for (int i = 0; x && i < gi->glyphs->num_glyphs; i++)
			gi->glyphs->glyphs[i].geometry.x_offset += x;
		PangoRectangle in, log;
		pango_glyph_string_extents(gi->glyphs, gi->item->analysis.font, &in, &log);
		if (!any || log.y < lo)
			lo = log.y;
		if (!any || log.y + log.height > hi)
			hi = log.y + log.height;
		/* Ink of runs with ink, as Pango adds up a line's. */
		if (in.width > 0 && in.height > 0) {
			if (ink.width <= 0 || ink.height <= 0)
				ink = in;
			else
				unite(&ink, &in);
		}
		any = 1;
		x += log.width;
		/* What Pango steps a spaced line by (pango_layout_run_get_extents). */
		if (spaced) {
			PangoFontMetrics *m = pango_font_get_metrics(gi->item->analysis.font,
			                                             gi->item->analysis.language);
			fh = MAX(fh, pango_font_metrics_get_height(m));
			pango_font_metrics_unref(m);
		}
	}
	*ln = (line){.runs = runs,
	             .ink = ink,
	             .top = lo,
	             .height = hi - lo,
	             .width = x,
	             .font_height = fh};
}

/* Whether the character before character k of `from` is a hyphen-minus. */
static int after_hyphen(const char *from, int k)
{
	return *g_utf8_offset_to_pointer(from, k - 1) == '-';
}

bp_lines *lines_break(PangoLayout *l, double width_pt)
{
	/* Checked before anything lays l out: on a refusal it was not shaped. */
	const char *text = pango_layout_get_text(l);
	int width = (int)(width_pt * PANGO_SCALE); /* as text() sets it */
	if (width <= 0 || !plain_layout(l) || !simple_text(text) ||
	    pango_layout_get_line_count(l) != 1)
		return NULL;
	int n = pango_layout_get_character_count(l), n_attrs = 0;
	const PangoLogAttr *at = pango_layout_get_log_attrs_readonly(l, &n_attrs);
	PangoLayoutLine *whole = pango_layout_get_line_readonly(l, 0);
	if (n <= 0 || n_attrs < n + 1 || !whole)
		return NULL;
	int *w = calloc((size_t)n, sizeof *w);
	bp_lines *p = calloc(1, sizeof *p);
	if (!w || !p) {
		free(w);
		free(p);
		return NULL;
	}
	p->spacing = pango_layout_get_line_spacing(l);
	for (GSList *r = whole->runs; r; r = r->next) {
		PangoGlyphItem *gi = r->data;
		long off = g_utf8_pointer_to_offset(text, text + gi->item->offset);
		pango_glyph_item_get_logical_widths(gi, text, w + off);
	}
	/* Near the right edge (Pango looks about three characters either
	 * side) Pango measures a break by shaping the line up to it, which,
	 * after a hyphen, loses the kerning with the next letter that our
	 * unwrapped widths have: there, it is Pango's to decide. */
	const PangoFontDescription *fd = pango_layout_get_font_description(l);
	int near = fd ? 4 * pango_font_description_get_size(fd) : width;
	size_t cap = 0;
	int s = 0;
	const char *at_s = text; /* character s */
	while (s < n) {
		/* The last break where the line, less its final space, fits. */
		int sum = 0, best = -1;
		for (int c = s; c < n; c++) {
			sum += w[c];
			int q = c + 1;
			if (q == n) {
				if (sum <= width)
					best = n;
				break;
			}
			if (!at[q].is_line_break)
				continue;
			int line_w = sum - (at[q - 1].is_white ? w[q - 1] : 0);
			if (line_w > width - near && after_hyphen(at_s, q - s))
				goto fail;
			if (line_w <= width)
				best = q;
			else if (line_w > width + near)
				break;
		}
		if (best < 0)
			goto fail; /* a word wider than the line */
		if (best < n && after_hyphen(at_s, best - s))
			goto fail; /* the line would end without its kerning */
		if (p->n == cap) {
			cap = cap ? cap * 2 : 4;
			line *nl = realloc(p->lines, cap * sizeof *nl);
			if (!nl)
				goto fail;
			p->lines = nl;
		}
		const char *end = g_utf8_offset_to_pointer(at_s, best - s);
		cut(text, whole, (int)(at_s - text), (int)(end - text),
		    best < n && at[best - 1].is_white, p->spacing != 0.0f, &p->lines[p->n++]);
		at_s = end;
		s = best;
	}
	free(w);
	p->text = g_strdup(text);
	return p;
fail:
	free(w);
	lines_free(p);
	return NULL;
}

size_t lines_count(const bp_lines *p)
{
	return p ? p->n : 0;
}

/* The baseline of line i in a stack from line `first` (Pango units from
 * the top of line first), as get_line_extents_layout_coords() in
 * pango-layout.c places a layout's: under the line above (which ends at
 * `bottom`), or, with line spacing, the spacing times its fonts' height
 * below the baseline above (prev) in Pango's float arithmetic. */
static int baseline(const bp_lines *p, size_t first, size_t i, int prev, int bottom)
{
	const line *ln = &p->lines[i];
	if (i == first || p->spacing == 0.0f)
		return bottom - ln->top;
	return prev + p->spacing * ln->font_height;
}

void lines_extents(const bp_lines *p, size_t first, size_t count, PangoRectangle *ink,
                   PangoRectangle *logical)
{
	PangoRectangle in = {0};
	int b = 0, bottom = 0, width = 0;
	for (size_t i = first; p && i < p->n && i - first < count; i++) {
		const line *ln = &p->lines[i];
		b = baseline(p, first, i, b, bottom);
		PangoRectangle r = ln->ink;
		r.y += b;
		/* The first line's ink, then the union with each line's, as
		 * pango_layout_get_extents() adds them up. */
		if (i == first)
			in = r;
		else
			unite(&in, &r);
		width = MAX(width, ln->width);
		bottom = b + ln->top + ln->height;
	}
	if (ink)
		*ink = in;
	if (logical)
		*logical = (PangoRectangle){0, 0, width, bottom};
}

/* As pango_cairo_show_layout() draws a layout: every run from the one
 * cairo point (x, y), its line's baseline carried by its glyphs in Pango
 * units.  (cairo keeps a point to 1/256 of a unit: a point on each
 * baseline would round each line's place.) */
void lines_show(cairo_t *cr, const bp_lines *p, double x, double y, size_t first, size_t count)
{
	const char *text = p->text;
	int b = 0, bottom = 0;
	for (size_t i = first; i < p->n && i - first < count; i++) {
		const line *ln = &p->lines[i];
		b = baseline(p, first, i, b, bottom);
		bottom = b + ln->top + ln->height;
		for (GSList *r = ln->runs; r; r = r->next) {
			PangoGlyphString *g = ((PangoGlyphItem *)r->data)->glyphs;
			for (int k = 0; k < g->num_glyphs; k++)
				g->glyphs[k].geometry.y_offset += b;
			cairo_move_to(cr, x, y);
			pango_cairo_show_glyph_item(cr, text, r->data);
			for (int k = 0; k < g->num_glyphs; k++)
				g->glyphs[k].geometry.y_offset -= b;
		}
	}
}

void lines_free(bp_lines *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		free_runs(p->lines[i].runs);
	free(p->lines);
	g_free(p->text);
	free(p);
}
