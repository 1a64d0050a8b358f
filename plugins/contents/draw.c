/*
 * draw.c — one page of the contents: the heading, then each line as
 * indent, title (ellipsized), dot leaders and the right-aligned page
 * number, the whole line a link to its anchor.  Page numbers are read from
 * host->entries() here, when they are final.
 */
#include "contents.h"

#include <math.h>
#include <stdio.h>

#define DOT_STEP 4.5 /* leader dots sit on a fixed grid so columns line up */
#define DOT_R    0.55

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

/* Leader dots between x0 and x1 on the line whose baseline is at y: one
 * dashed stroke with round caps (zero-length dashes), not a path per dot,
 * so a long contents stays small. */
static void leaders(cairo_t *cr, double x0, double x1, double y, bp_color col)
{
	static const double dash[2] = {0, DOT_STEP};
	double start = ceil(x0 / DOT_STEP) * DOT_STEP;
	if (start > x1)
		return;
	cairo_save(cr);
	set_color(cr, col);
	cairo_set_line_width(cr, 2 * DOT_R);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_dash(cr, dash, 2, 0);
	/* A PDF or SVG just says "dashed, round caps", yet cairo tessellates
	 * every dot, three times a stroke, to find the stroke's extents: at the
	 * default tolerance that was 7% of an example pack's time.  With a
	 * tolerance between the dot's radius and four times it, each cap is a
	 * four-point pen with the disc's own extents; the output is unchanged.
	 * Elsewhere (PNG) the tolerance shapes the dots, so it stays. */
	cairo_surface_type_t t = cairo_surface_get_type(cairo_get_target(cr));
	if (t == CAIRO_SURFACE_TYPE_PDF || t == CAIRO_SURFACE_TYPE_SVG) {
		double rx = DOT_R, ry = 0;
		cairo_user_to_device_distance(cr, &rx, &ry);
		cairo_set_tolerance(cr, 2 * hypot(rx, ry));
	}
	cairo_move_to(cr, start, y - DOT_R);
	cairo_line_to(cr, x1, y - DOT_R);
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void draw_line(contents *c, cairo_t *cr, const bp_entry *e, double y)
{
	const bp_theme *th = c->host->theme(c->s);
	int lv = e->level > 3 ? 3 : e->level;
	double indent = (lv - 1) * c->b * 1.8;
	char num[24];
	snprintf(num, sizeof num, "%d", e->page);

	bp_text_style ns = contents_style(c, lv, 0);
	PangoLayout *nl = c->host->text(c->s, num, &ns);
	double nw, nh;
	c->host->text_size(nl, &nw, &nh);

	/* The title leaves room for the number and at least a few dots. */
	double tw = fmax(c->W - indent - nw - c->b * 3, c->b * 4);
	bp_text_style ts = contents_style(c, lv, tw);
	PangoLayout *tl = c->host->text(c->s, e->title, &ts);
	double title_w, th_h;
	c->host->text_size(tl, &title_w, &th_h);

	int linked = e->anchor && *e->anchor && c->host->link_begin(c->s, cr, e->anchor);
	bp_color col = lv >= 3 ? th->muted : th->text;
	show(cr, tl, indent, y, col);
	double base = y + baseline(tl);
	leaders(cr, indent + title_w + c->b * 0.6, c->W - nw - c->b * 0.6, base, th->muted);
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

	/* The heading on every page: later pages say "(continued)". */
	char head[512];
	if (page == 0)
		snprintf(head, sizeof head, "%s", contents_title(c));
	else
		snprintf(head, sizeof head, "%s %s", contents_title(c),
		         c->host->label(c->s, BP_LABEL_CONTINUED));
	bp_text_style hs = {
	        .heading = 1, .size = c->b * 2, .bold = 1, .width = c->W, .max_lines = 2};
	PangoLayout *hl = c->host->text(c->s, head, &hs);
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
	for (size_t i = from; i < to; i++) {
		int lv = picked[i]->level > 3 ? 3 : picked[i]->level;
		if (i > from && lv == 1)
			y += c->before1;
		if (y + c->row[lv] > c->H + 0.01)
			break; /* never below the frame, whatever changed */
		draw_line(c, cr, picked[i], y);
		y += c->row[lv];
	}
	g_free(picked);
	return 0;
}
