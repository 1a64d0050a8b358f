/*
 * draw.c — one page of the contents: the heading, then each line as
 * indent, title (ellipsized), dot leaders and the right-aligned page
 * number, the whole line a link to its anchor.  Page numbers are read from
 * host->entries() here, when they are final.
 */
#include "contents.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOT_STEP 4.5 /* leader dots sit on a fixed grid so columns line up */
#define DOT_R    0.55
#define DOT_TILE 2 /* dots a pattern tile is wide: cairo makes its width whole points */

static void set_color(cairo_t *cr, bp_color col)
{
	cairo_set_source_rgb(cr, col.r, col.g, col.b);
}

static void show(cairo_t *cr, PangoLayout *l, double x, double y, bp_color col)
{
	set_color(cr, col);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

static double baseline(PangoLayout *l)
{
	return pango_layout_get_baseline(l) / (double)PANGO_SCALE;
}

/* The leader dots of one line: from the first grid point at or after x0
 * to the last at or before x1, on the line whose baseline is at y. */
typedef struct leader {
	double x0, x1, y;
} leader;

/* Pixels: one dashed stroke with round caps (zero-length dashes) a line. */
static void stroke_leaders(cairo_t *cr, const leader *ls, size_t n, bp_color col)
{
	static const double dash[2] = {0, DOT_STEP};
	cairo_save(cr);
	set_color(cr, col);
	cairo_set_line_width(cr, 2 * DOT_R);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_dash(cr, dash, 2, 0);
	for (size_t i = 0; i < n; i++) {
		/* Half a step past the last dot: it is well inside the line. */
		cairo_move_to(cr, ls[i].x0, ls[i].y - DOT_R);
		cairo_line_to(cr, ls[i].x1 + DOT_STEP / 2, ls[i].y - DOT_R);
		cairo_stroke(cr);
	}
	cairo_restore(cr);
}

/* PDF and SVG: the page's dots as one fill of one tiling pattern, a tile
 * DOT_TILE grid steps wide and as tall as the page that holds a row of
 * dots at the height of each line; each line's stretch is a rectangle of
 * the fill.  A dashed stroke says the same in fewer bytes, but cairo 1.16
 * tessellates every dot of a stroke, three times, to find its extents: a
 * twentieth of the example pack's time went on its ~900 dots. */
static void fill_leaders(contents *c, cairo_t *cr, const leader *ls, size_t n, bp_color col,
                         double h)
{
	cairo_pattern_t **kept = realloc(c->leaders, (c->n_leaders + 1) * sizeof *kept);
	if (!kept)
		return;
	c->leaders = kept;
	cairo_rectangle_t tile = {0, 0, DOT_TILE * DOT_STEP, ceil(h)};
	cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &tile);
	cairo_t *t = cairo_create(rec);
	set_color(t, col);
	cairo_set_line_width(t, 2 * DOT_R);
	cairo_set_line_cap(t, CAIRO_LINE_CAP_ROUND);
	for (size_t i = 0; i < n; i++) /* zero-length strokes: discs */
		for (int k = 0; k < DOT_TILE; k++) {
			cairo_move_to(t, (k + 0.5) * DOT_STEP, ls[i].y - DOT_R);
			cairo_line_to(t, (k + 0.5) * DOT_STEP, ls[i].y - DOT_R);
		}
	cairo_stroke(t);
	cairo_destroy(t);
	cairo_pattern_t *pat = cairo_pattern_create_for_surface(rec);
	cairo_surface_destroy(rec);
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
	cairo_matrix_t m; /* grid point x = k * DOT_STEP to the tile's middle */
	cairo_matrix_init_translate(&m, DOT_STEP / 2, 0);
	cairo_pattern_set_matrix(pat, &m);
	cairo_new_path(cr);
	for (size_t i = 0; i < n; i++)
		cairo_rectangle(cr, ls[i].x0 - DOT_STEP / 2, ls[i].y - DOT_R - DOT_STEP / 2,
		                ls[i].x1 - ls[i].x0 + DOT_STEP, DOT_STEP);
	cairo_set_source(cr, pat);
	cairo_fill(cr);
	c->leaders[c->n_leaders++] = pat;
}

/* Adds the leaders between x0 and x1 to the page's list, if a dot fits. */
static void add_leader(leader *ls, size_t *n, size_t cap, double x0, double x1, double y)
{
	double first = ceil(x0 / DOT_STEP) * DOT_STEP, last = floor(x1 / DOT_STEP) * DOT_STEP;
	if (first <= last && *n < cap)
		ls[(*n)++] = (leader){first, last, y};
}

/* The texts drawn on one page.  Lines that show the same text in the same
 * style (a day listed by two sections, a page number shared by several
 * lines) draw one layout: it is laid out, and shaped, once a page. */
typedef struct page_text {
	PangoLayout *l; /* a reference of the page's own */
	int level;
	double width;
} page_text;

typedef struct page_texts {
	page_text *t;
	size_t n, cap;
} page_texts;

/* The text as a line of `level` (width as contents_style() takes it): a
 * new reference to the page's layout of it, made when there is none. */
static PangoLayout *line_text(contents *c, page_texts *pt, const char *text, int level,
                              double width)
{
	for (size_t i = 0; i < pt->n; i++)
		if (pt->t[i].level == level && pt->t[i].width == width &&
		    strcmp(pango_layout_get_text(pt->t[i].l), text) == 0)
			return g_object_ref(pt->t[i].l);
	bp_text_style st = contents_style(c, level, width);
	PangoLayout *l = c->host->text(c->s, text, &st);
	if (pt->n < pt->cap)
		pt->t[pt->n++] = (page_text){g_object_ref(l), level, width};
	return l;
}

static void draw_line(contents *c, cairo_t *cr, const bp_entry *e, double y, leader *ls,
                      size_t *n_ls, size_t cap, page_texts *pt)
{
	const bp_theme *th = c->host->theme(c->s);
	int lv = e->level > 3 ? 3 : e->level;
	double indent = (lv - 1) * c->b * 1.8;
	char num[24];
	snprintf(num, sizeof num, "%d", e->page);

	PangoLayout *nl = line_text(c, pt, num, lv, 0);
	double nw, nh;
	c->host->text_size(nl, &nw, &nh);

	/* The title leaves room for the number and at least a few dots. */
	double tw = fmax(c->W - indent - nw - c->b * 3, c->b * 4);
	PangoLayout *tl = line_text(c, pt, e->title, lv, tw);
	double title_w, th_h;
	c->host->text_size(tl, &title_w, &th_h);

	int linked = e->anchor && *e->anchor && c->host->link_begin(c->s, cr, e->anchor);
	bp_color col = lv >= 3 ? th->muted : th->text;
	show(cr, tl, indent, y, col);
	double base = y + baseline(tl);
	add_leader(ls, n_ls, cap, indent + title_w + c->b * 0.6, c->W - nw - c->b * 0.6, base);
	show(cr, nl, c->W - nw, base - baseline(nl), col);
	if (linked)
		c->host->link_end(c->s, cr);
	g_object_unref(tl);
	g_object_unref(nl);
}

int contents_draw(void *self, cairo_t *cr, int page)
{
	contents *c = self;
	const bp_theme *th = c->host->theme(c->s);
	if (page < 0 || page >= c->pages)
		return 0;

	/* The heading on every page: the first page's from layout(), later
	 * pages say "(continued)". */
	PangoLayout *hl;
	if (page == 0) {
		hl = g_object_ref(c->head);
	} else {
		char head[512];
		snprintf(head, sizeof head, "%s %s", contents_title(c),
		         c->host->label(c->s, BP_LABEL_CONTINUED));
		hl = contents_heading(c, head);
	}
	double hw, hh;
	c->host->text_size(hl, &hw, &hh);
	show(cr, hl, 0, 0, th->accent);
	g_object_unref(hl);
	set_color(cr, th->accent);
	cairo_rectangle(cr, 0, hh + c->b * 0.5, c->W, 1.2);
	cairo_fill(cr);

	size_t n;
	const bp_entry **picked = contents_pick(c, &n);
	size_t from = c->start[page], to = c->start[page + 1];
	if (to > n)
		to = n; /* the entries changed since layout: draw what is left */
	double y = c->top;
	leader *ls = calloc(to > from ? to - from : 1, sizeof *ls);
	size_t n_ls = 0, cap = ls ? to - from : 0;
	page_texts pt = {calloc(to > from ? 2 * (to - from) : 1, sizeof *pt.t), 0, 0};
	pt.cap = pt.t ? 2 * (to - from) : 0;
	for (size_t i = from; i < to; i++) {
		int lv = picked[i]->level > 3 ? 3 : picked[i]->level;
		if (i > from && lv == 1)
			y += c->before1;
		if (y + c->row[lv] > c->H + 0.01)
			break; /* never below the frame, whatever changed */
		draw_line(c, cr, picked[i], y, ls, &n_ls, cap, &pt);
		y += c->row[lv];
	}
	g_free(picked);
	for (size_t i = 0; i < pt.n; i++)
		g_object_unref(pt.t[i].l);
	free(pt.t);
	/* The lines' links cover their leaders: each spans from its title to
	 * its page number. */
	if (n_ls) {
		cairo_surface_type_t t = cairo_surface_get_type(cairo_get_target(cr));
		if (t == CAIRO_SURFACE_TYPE_PDF || t == CAIRO_SURFACE_TYPE_SVG)
			fill_leaders(c, cr, ls, n_ls, th->muted, c->H);
		else
			stroke_leaders(cr, ls, n_ls, th->muted);
	}
	free(ls);
	return 0;
}
