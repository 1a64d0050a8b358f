/*
 * lines.c — agenda_summary's own line breaking of simple paragraphs (see
 * lines.h for why and when).
 */
#include "lines.h"

#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

int ag_para_simple(const char *utf8)
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
		/* Soft and Unicode hyphens: Pango may draw a hyphen at a break. */
		if (!ok || c == 0xAD || c == 0x2010 || c == 0x2011 || (c == ' ' && prev == ' '))
			return 0;
		prev = c;
		p = g_utf8_next_char(p);
	}
	return prev != ' ';
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

/* The glyphs of bytes [b0, b1) of the unwrapped line, as runs; each glyph
 * of a run after the first moved right by the width before it, so that
 * every run is drawn from the line's start. */
static GSList *cut(const char *text, PangoLayoutLine *line, int b0, int b1, int zero_last, int *top,
                   int *height)
{
	GSList *runs = NULL;
	int x = 0, lo = 0, hi = 0, any = 0;
	for (GSList *r = line->runs; r; r = r->next) {
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
	for (GSList *r = runs; r; r = r->next) {
		PangoGlyphItem *gi = r->data;
		PangoRectangle log;
		pango_glyph_string_extents(gi->glyphs, gi->item->analysis.font, NULL, &log);
		if (!any || log.y < lo)
			lo = log.y;
		if (!any || log.y + log.height > hi)
			hi = log.y + log.height;
		any = 1;
		int w = pango_glyph_string_get_width(gi->glyphs);
		for (int i = 0; x && i < gi->glyphs->num_glyphs; i++)
			gi->glyphs->glyphs[i].geometry.x_offset += x;
		x += w;
	}
	*top = lo;
	*height = hi - lo;
	return runs;
}

/* Whether the character before character k of `from` is a hyphen-minus. */
static int after_hyphen(const char *from, int k)
{
	return *g_utf8_offset_to_pointer(from, k - 1) == '-';
}

ag_para *ag_para_new(PangoLayout *l, int width)
{
	if (width <= 0 || pango_layout_get_line_count(l) != 1)
		return NULL;
	const char *text = pango_layout_get_text(l);
	int n = pango_layout_get_character_count(l), n_attrs = 0;
	const PangoLogAttr *at = pango_layout_get_log_attrs_readonly(l, &n_attrs);
	PangoLayoutLine *line = pango_layout_get_line_readonly(l, 0);
	if (n <= 0 || n_attrs < n + 1 || !line)
		return NULL;
	int *w = calloc((size_t)n, sizeof *w);
	ag_para *p = calloc(1, sizeof *p);
	if (!w || !p) {
		free(w);
		free(p);
		return NULL;
	}
	for (GSList *r = line->runs; r; r = r->next) {
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
		if (p->n_lines == cap) {
			cap = cap ? cap * 2 : 4;
			ag_pline *nl = realloc(p->lines, cap * sizeof *nl);
			if (!nl)
				goto fail;
			p->lines = nl;
		}
		ag_pline *pl = &p->lines[p->n_lines++];
		const char *end = g_utf8_offset_to_pointer(at_s, best - s);
		int b0 = (int)(at_s - text), b1 = (int)(end - text);
		at_s = end;
		pl->runs = cut(text, line, b0, b1, best < n && at[best - 1].is_white, &pl->top,
		               &pl->height);
		s = best;
	}
	free(w);
	p->text = g_strdup(text);
	return p;
fail:
	free(w);
	for (size_t i = 0; i < p->n_lines; i++)
		free_runs(p->lines[i].runs);
	free(p->lines);
	free(p);
	return NULL;
}

void ag_para_free(ag_para *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n_lines; i++)
		free_runs(p->lines[i].runs);
	free(p->lines);
	g_free(p->text);
	free(p);
}

void ag_para_show(cairo_t *cr, const ag_para *p, double x, double y, size_t first, size_t count)
{
	const char *text = p->text;
	int top = 0; /* Pango units from the top of line `first` */
	for (size_t i = first; i < first + count && i < p->n_lines; i++) {
		const ag_pline *pl = &p->lines[i];
		/* Every run from the same point, as show_layout_line does: its
		 * glyphs already carry their place on the line. */
		double base = (double)(top - pl->top) / PANGO_SCALE;
		for (GSList *r = pl->runs; r; r = r->next) {
			cairo_move_to(cr, x, y + base);
			pango_cairo_show_glyph_item(cr, text, r->data);
		}
		top += pl->height;
	}
}
