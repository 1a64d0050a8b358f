/*
 * draw.c — paints one page of the matrix: the caption ("Events 19–36 of
 * 150"), the rotated event headers with their links to the agenda (on
 * the band's first page), the day or track groups, the rows with their
 * labels, marks and totals, and the legend.  Backgrounds first, then
 * rules, then ink, so that nothing hides a mark.  The cell loop allocates
 * nothing and shapes no text: ● marks are circles collected into one path
 * per style, and the few text marks reuse their role's layout.
 */
#include "matrix.h"
#include "paginate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void rgb(cairo_t *cr, const bp_color *c, double toward_white)
{
	cairo_set_source_rgb(cr, c->r + (1 - c->r) * toward_white, c->g + (1 - c->g) * toward_white,
	                     c->b + (1 - c->b) * toward_white);
}

static void show(pm_state *st, cairo_t *cr, PangoLayout *l, const char *text, double x, double y)
{
	st->host->text_set(st->s, l, text);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

/* Layout l centred on (cx, cy), optionally turned a quarter to read
 * upwards. */
static void show_centred(pm_state *st, cairo_t *cr, PangoLayout *l, double cx, double cy,
                         int upright)
{
	double w, h;
	st->host->text_size(l, &w, &h);
	if (!upright) {
		cairo_move_to(cr, cx - w / 2, cy - h / 2);
		pango_cairo_show_layout(cr, l);
		return;
	}
	int raster = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
	cairo_save(cr);
	cairo_translate(cr, cx, cy);
	cairo_rotate(cr, -PM_PI / 2);
	if (raster)
		pango_cairo_update_layout(cr, l);
	cairo_move_to(cr, -w / 2, -h / 2);
	pango_cairo_show_layout(cr, l);
	cairo_restore(cr);
	if (raster)
		pango_cairo_update_layout(cr, l);
}

static int draw_message(pm_state *st, cairo_t *cr)
{
	pm_word w = st->m.n_cols == 0 ? PM_W_NO_EVENTS : PM_W_NO_ROWS;
	rgb(cr, &st->theme->muted, 0);
	show(st, cr, st->l_message, pm_word_get(st->lang, w), 0, 0);
	return 0;
}

/* One page's geometry. */
typedef struct page_geo {
	size_t c0, c1; /* columns of the band */
	size_t i0, i1; /* model rows on the page */
	int cont;      /* starts with a repeated heading */
	int first;     /* the band's first page: its headers link to the agenda */
	int total_row; /* ends with the totals row */
	double x_cols, x_tot, x_end;
	double hb, yg; /* header bottom, grid top */
	double y_cont, y_total, y_end;
} page_geo;

static void draw_caption(pm_state *st, cairo_t *cr, const page_geo *g, long chunk)
{
	char buf[256];
	int k = snprintf(buf, sizeof buf, pm_word_get(st->lang, PM_W_EVENTS_RANGE), g->c0 + 1,
	                 g->c1, st->m.n_cols);
	if (chunk > 0 && k > 0 && (size_t)k < sizeof buf)
		snprintf(buf + k, sizeof buf - (size_t)k, " %s",
		         st->host->label(st->s, BP_LABEL_CONTINUED));
	rgb(cr, &st->theme->text, 0);
	show(st, cr, st->l_caption, buf, 0, st->pad);
}

static void draw_backgrounds(pm_state *st, cairo_t *cr, const page_geo *g)
{
	const pm_model *m = &st->m;
	/* Zebra stripes, each filled on its own: a PDF then says "x y w h
	 * re" rather than a rectangle's four corners. */
	rgb(cr, &st->theme->grid, 0.72);
	for (size_t i = g->i0; i < g->i1; i++)
		if (m->rows[i].kind != PM_ROW_HEADING && m->rows[i].stripe) {
			cairo_rectangle(cr, 0, st->row_y[i], g->x_end, st->row_h[i]);
			cairo_fill(cr);
		}
	/* Delegation headings, the repeated one included. */
	if (g->cont)
		cairo_rectangle(cr, 0, g->y_cont, g->x_end, st->cont_h[g->i0]);
	for (size_t i = g->i0; i < g->i1; i++)
		if (m->rows[i].kind == PM_ROW_HEADING)
			cairo_rectangle(cr, 0, st->row_y[i], g->x_end, st->row_h[i]);
	rgb(cr, &st->theme->accent, 0.86);
	cairo_fill(cr);
	if (g->total_row) {
		cairo_rectangle(cr, 0, g->y_total, g->x_end, st->total_row_h);
		rgb(cr, &st->theme->grid, 0.55);
		cairo_fill(cr);
	}
}

static void draw_rules(pm_state *st, cairo_t *cr, const page_geo *g)
{
	const pm_model *m = &st->m;
	size_t nc = g->c1 - g->c0;
	/* Thin rules: under every row and between every column (the headers'
	 * separators are drawn with the headers). */
	cairo_new_path(cr);
	for (size_t i = g->i0; i < g->i1; i++) {
		cairo_move_to(cr, 0, st->row_y[i] + st->row_h[i]);
		cairo_line_to(cr, g->x_end, st->row_y[i] + st->row_h[i]);
	}
	if (g->cont) {
		cairo_move_to(cr, 0, g->y_cont + st->cont_h[g->i0]);
		cairo_line_to(cr, g->x_end, g->y_cont + st->cont_h[g->i0]);
	}
	if (st->totals) {
		cairo_move_to(cr, g->x_end, g->yg);
		cairo_line_to(cr, g->x_end, g->y_end);
	}
	rgb(cr, &st->theme->grid, 0);
	cairo_set_line_width(cr, 0.3);
	cairo_stroke(cr);
	/* The column rules as one dashed line across the grid, as thick as
	 * the grid is tall: each dash is a rule.  Drawn one by one, they
	 * were a tenth of a large matrix's bytes. */
	const double dash[2] = {0.3, st->col_w - 0.3};
	cairo_save(cr);
	cairo_set_dash(cr, dash, 2, 0);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	cairo_set_line_width(cr, g->y_end - g->yg);
	cairo_move_to(cr, g->x_cols - 0.15, (g->yg + g->y_end) / 2);
	cairo_line_to(cr, g->x_cols + nc * st->col_w + 0.15, (g->yg + g->y_end) / 2);
	cairo_stroke(cr);
	cairo_restore(cr);

	/* Strong rules: the grid's outline and the group boundaries, which run
	 * through the group row. */
	cairo_move_to(cr, 0, g->yg);
	cairo_line_to(cr, g->x_end, g->yg);
	cairo_move_to(cr, 0, g->y_end);
	cairo_line_to(cr, g->x_end, g->y_end);
	if (g->total_row) {
		cairo_move_to(cr, 0, g->y_total);
		cairo_line_to(cr, g->x_end, g->y_total);
	}
	for (size_t c = g->c0; c <= g->c1; c++) {
		if (c < g->c1 && c > g->c0 && m->groups[m->cols[c].group].first != c)
			continue;
		double x = g->x_cols + (c - g->c0) * st->col_w;
		cairo_move_to(cr, x, g->hb);
		cairo_line_to(cr, x, g->y_end);
	}
	rgb(cr, &st->theme->grid, 0);
	cairo_set_line_width(cr, 0.8);
	cairo_stroke(cr);
}

/* The names a group may go by, longest first; returns how many. */
static int group_forms(pm_state *st, const pm_group *gr, char forms[3][128])
{
	int n = 0;
	if (st->cfg.group == PM_GROUP_TRACK) {
		snprintf(forms[n++], 128, "%s",
		         gr->track ? gr->track->name : pm_word_get(st->lang, PM_W_NO_TRACK));
		return n;
	}
	st->host->format_time(st->s, gr->day, BP_FMT_DATE_LONG, forms[n++], 128);
	st->host->format_time(st->s, gr->day, BP_FMT_DATE_SHORT, forms[n++], 128);
	if (gr->day->prec >= BP_PREC_DAY)
		snprintf(forms[n++], 128, "%d", gr->day->day);
	return n;
}

/* Form i of group gi, unwrapped, and its width (avail + 1 if none).  The
 * forms are laid out once (layout.c): every page of a band asks again,
 * twice. */
static PangoLayout *group_form(pm_state *st, size_t gi, char forms[3][128], int i, double avail,
                               double *w)
{
	PangoLayout *l = pm_group_form(st, gi, i, forms[i]);
	double h;
	*w = avail + 1;
	if (l)
		st->host->text_size(l, w, &h);
	return l;
}

/* Index of the first form of group gi that fits avail, or -1. */
static int group_fit(pm_state *st, size_t gi, char forms[3][128], int n, double avail)
{
	double w;
	for (int i = 0; i < n; i++)
		if (group_form(st, gi, forms, i, avail, &w) && w <= avail)
			return i;
	return -1;
}

/* The groups' headings: every group of the page in the same form (all
 * long dates, or all short) unless one is too narrow even for that. */
static void draw_groups(pm_state *st, cairo_t *cr, const page_geo *g)
{
	const pm_model *m = &st->m;
	PangoLayout *l = st->l_group;
	char forms[3][128];
	int page_form = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t c = g->c0; c < g->c1;) {
			const pm_group *gr = &m->groups[m->cols[c].group];
			size_t end = gr->first + gr->count < g->c1 ? gr->first + gr->count : g->c1;
			double x0 = g->x_cols + (c - g->c0) * st->col_w;
			double x1 = g->x_cols + (end - g->c0) * st->col_w;
			double avail = x1 - x0 - 2 * st->pad;
			size_t gi = m->cols[c].group;
			int n = group_forms(st, gr, forms);
			int pick = group_fit(st, gi, forms, n, avail);
			int dated = st->group_dated[gi];
			c = end;
			if (pass == 0) {
				/* A group that can only show its day number sets
				 * no standard for the others. */
				if (pick > page_form && pick < n - 1)
					page_form = pick;
				continue;
			}
			if (pick >= 0 && pick < page_form)
				pick = page_form < n ? page_form : n - 1;
			/* Shortened past recognition: the headers carry the date. */
			if (pick >= 0 || !dated) {
				/* A form that fits on one line, left to right,
				 * draws the same unwrapped. */
				int k = pick >= 0 ? pick : n - 1;
				double w;
				PangoLayout *fl = group_form(st, gi, forms, k, avail, &w);
				if (!fl || !st->host->text_fits(fl, avail)) {
					st->host->text_set(st->s, l, forms[k]);
					pango_layout_set_width(
					        l, (int)((avail > 1 ? avail : 1) * PANGO_SCALE));
					fl = l;
				}
				rgb(cr, &st->theme->accent, 0);
				cairo_move_to(cr, x0 + st->pad, g->hb + st->pad);
				pango_cairo_show_layout(cr, fl);
			}
			if (st->cfg.group == PM_GROUP_TRACK && gr->track && gr->track->has_color) {
				rgb(cr, &gr->track->color, 0);
				cairo_rectangle(cr, x0 + 0.6, g->yg - st->pad * 0.8, x1 - x0 - 1.2,
				                st->pad * 0.8);
				cairo_fill(cr);
			}
		}
	}
}

/* The slanted (or upright) separators between the headers: the same on
 * every page of a band, so they belong to its form (draw_via_form). */
static void draw_separators(pm_state *st, cairo_t *cr, const page_geo *g)
{
	double sep = (st->header_h - st->pad) / st->sin_a;
	size_t nc = g->c1 - g->c0;
	cairo_new_path(cr);
	for (size_t k = 0; k <= nc + (st->totals != 0); k++) {
		double x = k <= nc ? g->x_cols + k * st->col_w : g->x_end;
		cairo_move_to(cr, x, g->hb);
		cairo_line_to(cr, x + sep * st->cos_a, g->hb - sep * st->sin_a);
	}
	rgb(cr, &st->theme->grid, 0);
	cairo_set_line_width(cr, 0.3);
	cairo_stroke(cr);
}

/* The column headers, their separators and the groups' headings: the
 * same on every page of a band. */
static void draw_headers(pm_state *st, cairo_t *cr, const page_geo *g)
{
	const pm_model *m = &st->m;
	char anchor[160];
	draw_separators(st, cr, g);
	/* Vector output has no hinting, so a layout shaped upright draws
	 * rotated as it is; only pixels need the context turned (which makes
	 * every layout of the context lay itself out again). */
	int raster = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
	for (size_t c = g->c0; c < g->c1; c++) {
		const bp_event *e = m->cols[c].event;
		PangoLayout *title = st->l_col_title[c], *prefix = st->l_col_prefix[c];
		double bt = st->col_bt[c];
		double mark =
		        e->status != BP_STATUS_CONFIRMED ? st->mark_r * 2.6 + st->fs * 0.45 : 0;
		double xc = g->x_cols + (c - g->c0 + 0.5) * st->col_w;
		/* Linked once, where the band first appears: on continuation
		 * pages the same links (an annotation and a structure element
		 * each in cairo 1.16) were a megabyte of a 90-page matrix. */
		int linked = 0;
		if (g->first) {
			st->host->anchor_name("event", e->id, anchor, sizeof anchor);
			linked = st->host->link_begin(st->s, cr, anchor);
		}
		/* The status dot ahead of the title, placed along the title's
		 * baseline but drawn upright: a disc turned is the same disc,
		 * and the mark font shown turned would be a second font. */
		double d = st->hdr_s + st->mark_r * 1.3;
		if (mark > 0)
			pm_draw_dot(st, cr, xc + d * st->cos_a, g->hb - d * st->sin_a, 0,
			            e->status);
		cairo_save(cr);
		cairo_translate(cr, xc, g->hb);
		cairo_rotate(cr, -st->angle * PM_PI / 180);
		if (prefix) {
			if (raster)
				pango_cairo_update_layout(cr, prefix);
			rgb(cr, &st->theme->muted, 0);
			cairo_move_to(cr, st->hdr_s + mark, -bt / 2);
			pango_cairo_show_layout(cr, prefix);
		}
		if (raster)
			pango_cairo_update_layout(cr, title);
		rgb(cr, e->status == BP_STATUS_CANCELLED ? &st->theme->muted : &st->theme->text, 0);
		cairo_move_to(cr, st->hdr_s + st->col_lead[c], -bt / 2);
		pango_cairo_show_layout(cr, title);
		cairo_restore(cr);
		if (linked)
			st->host->link_end(st->s, cr);
	}
	if (st->totals) {
		double w, h; /* "Total" since layout() */
		st->host->text_size(st->l_total_hdr, &w, &h);
		cairo_save(cr);
		cairo_translate(cr, g->x_tot + st->total_w / 2, g->hb);
		cairo_rotate(cr, -st->angle * PM_PI / 180);
		if (raster)
			pango_cairo_update_layout(cr, st->l_total_hdr);
		rgb(cr, &st->theme->text, 0);
		cairo_move_to(cr, st->hdr_s, -h / 2);
		pango_cairo_show_layout(cr, st->l_total_hdr);
		cairo_restore(cr);
	}
	if (raster)
		pango_cairo_update_layout(cr, st->l_total_hdr);
	draw_groups(st, cr, g);
}

typedef void draw_fn(pm_state *st, cairo_t *cr, const page_geo *g);

/* What draw() draws, the same on many pages and h high, through form k of
 * st->forms in PDF and SVG: recorded the first time and painted as one
 * form from then on (the headers were about half of each page's content
 * and of the time spent writing it).  Pixels, and a matrix of one page,
 * are drawn directly.  cairo 1.16 lists a form in a page's resources
 * once for each time it is painted there (duplicate keys, which qpdf
 * --check reports), so a form must be painted at most once a page:
 * these are. */
static void draw_via_form(pm_state *st, cairo_t *cr, const page_geo *g, size_t k, double h,
                          draw_fn *draw)
{
	if (cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE ||
	    st->n_bands * st->n_chunks < 2) { /* a form pays from its second page */
		draw(st, cr, g);
		return;
	}
	if (!st->forms) {
		size_t n = (size_t)st->n_bands + 1;
		st->forms = calloc(n, sizeof *st->forms);
		if (!st->forms) {
			draw(st, cr, g);
			return;
		}
		st->n_forms = n;
	}
	if (!st->forms[k]) {
		/* Bounded, frame wide and h high: cairo 1.16's SVG output
		 * places an unbounded recording by extents it never sets. */
		cairo_rectangle_t box = {0, 0, st->frame.width, h};
		cairo_surface_t *rec =
		        cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box);
		cairo_t *rc = cairo_create(rec);
		draw(st, rc, g);
		cairo_destroy(rc);
		st->forms[k] = cairo_pattern_create_for_surface(rec);
		cairo_surface_destroy(rec);
	}
	cairo_save(cr);
	cairo_set_source(cr, st->forms[k]);
	cairo_paint(cr);
	cairo_restore(cr);
}

static void draw_labels(pm_state *st, cairo_t *cr, const page_geo *g)
{
	const pm_model *m = &st->m;
	if (g->cont) { /* as measured (layout.c) */
		rgb(cr, &st->theme->accent, 0);
		cairo_move_to(cr, st->pad, g->y_cont + st->pad);
		pango_cairo_show_layout(cr, pm_cont_layout(st, (size_t)m->rows[g->i0].group));
	}
	/* Each row's label was shaped at layout time (layout.c). */
	for (size_t i = g->i0; i < g->i1; i++) {
		const pm_row *r = &m->rows[i];
		double y = st->row_y[i] + st->pad;
		rgb(cr, r->kind == PM_ROW_HEADING ? &st->theme->accent : &st->theme->text, 0);
		cairo_move_to(cr, r->kind == PM_ROW_PERSON ? st->indent + st->pad : st->pad, y);
		pango_cairo_show_layout(cr, st->l_row[i]);
	}
}

static void draw_marks(pm_state *st, cairo_t *cr, const page_geo *g)
{
	const pm_model *m = &st->m;
	size_t nc = m->n_cols;
	/* Which dot styles occur: bit (light * 3 + status). */
	unsigned present = 0;
	int crosses = 0;
	for (size_t i = g->i0; i < g->i1; i++) {
		const pm_cell *row = m->cells + i * nc;
		double cy = st->row_y[i] + st->row_h[i] / 2;
		for (size_t c = g->c0; c < g->c1; c++) {
			pm_cell v = row[c];
			if (!v)
				continue;
			size_t role = (v & PM_CELL_ROLE_MASK) - 1;
			bp_status status = m->cols[c].event->status;
			int light = (v & PM_CELL_LIGHT) != 0;
			if (st->l_role[role]) {
				double cx = g->x_cols + (c - g->c0 + 0.5) * st->col_w;
				pm_draw_mark(st, cr, cx, cy, role, light, status);
				continue;
			}
			present |= 1u << (light * 3 + (int)status);
			crosses |= status == BP_STATUS_CANCELLED;
		}
	}
	/* The ● of each kind as one run of glyphs. */
	size_t n_max = (g->i1 - g->i0) * (g->c1 - g->c0);
	cairo_glyph_t *at = present ? malloc(n_max * sizeof *at) : NULL;
	for (unsigned key = 0; at && key < 6; key++) {
		if (!(present & (1u << key)))
			continue;
		int light = key >= 3;
		bp_status status = (bp_status)(key % 3);
		size_t n = 0;
		for (size_t i = g->i0; i < g->i1; i++) {
			const pm_cell *row = m->cells + i * nc;
			double cy = st->row_y[i] + st->row_h[i] / 2;
			for (size_t c = g->c0; c < g->c1; c++) {
				pm_cell v = row[c];
				if (!v || st->l_role[(v & PM_CELL_ROLE_MASK) - 1] ||
				    ((v & PM_CELL_LIGHT) != 0) != light ||
				    m->cols[c].event->status != status)
					continue;
				at[n++] = (cairo_glyph_t){
				        0, g->x_cols + (c - g->c0 + 0.5) * st->col_w, cy};
			}
		}
		pm_show_dots(st, cr, at, n, light, status);
	}
	free(at);
	if (!crosses)
		return;
	cairo_new_path(cr);
	for (size_t i = g->i0; i < g->i1; i++) {
		const pm_cell *row = m->cells + i * nc;
		double cy = st->row_y[i] + st->row_h[i] / 2;
		for (size_t c = g->c0; c < g->c1; c++) {
			pm_cell v = row[c];
			if (v && !st->l_role[(v & PM_CELL_ROLE_MASK) - 1] &&
			    m->cols[c].event->status == BP_STATUS_CANCELLED)
				pm_mark_cross(st, cr, g->x_cols + (c - g->c0 + 0.5) * st->col_w,
				              cy);
		}
	}
	rgb(cr, &st->theme->text, 0);
	cairo_set_line_width(cr, st->fs * 0.07);
	cairo_stroke(cr);
}

static void draw_totals(pm_state *st, cairo_t *cr, const page_geo *g)
{
	const pm_model *m = &st->m;
	for (size_t i = g->i0; i < g->i1; i++) {
		const pm_row *r = &m->rows[i];
		if (r->kind == PM_ROW_HEADING && r->total == 0)
			continue;
		rgb(cr, r->kind == PM_ROW_HEADING ? &st->theme->accent : &st->theme->text, 0);
		show_centred(st, cr, pm_num_layout(st, r->total), g->x_tot + st->total_w / 2,
		             st->row_y[i] + st->row_h[i] / 2, 0);
	}
	if (!g->total_row)
		return;
	double w, h; /* l_head says "Total" since layout() */
	st->host->text_size(st->l_head, &w, &h);
	rgb(cr, &st->theme->text, 0);
	cairo_move_to(cr, st->pad, g->y_total + (st->total_row_h - h) / 2);
	pango_cairo_show_layout(cr, st->l_head);
	for (size_t c = g->c0; c < g->c1; c++)
		show_centred(st, cr, pm_num_layout(st, m->cols[c].total),
		             g->x_cols + (c - g->c0 + 0.5) * st->col_w,
		             g->y_total + st->total_row_h / 2, st->totals_rotated);
}

/* The legend, its top at y = 0. */
static void draw_legend(pm_state *st, cairo_t *cr, const page_geo *g)
{
	(void)g;
	double lh = st->legend_line_h;
	for (size_t i = 0; i < st->n_legend; i++) {
		const pm_legend_item *it = &st->legend_items[i];
		double y = it->line * lh, cy = y + lh / 2, cx = it->x + it->mark_w / 2;
		switch (it->kind) {
		case PM_LEG_ROLE:
			pm_draw_mark(st, cr, cx, cy, it->role, 0, BP_STATUS_CONFIRMED);
			break;
		case PM_LEG_LIGHT:
			pm_draw_dot(st, cr, cx, cy, 1, BP_STATUS_CONFIRMED);
			break;
		case PM_LEG_TENTATIVE:
			pm_draw_dot(st, cr, cx, cy, 0, BP_STATUS_TENTATIVE);
			break;
		case PM_LEG_CANCELLED:
			pm_draw_dot(st, cr, cx, cy, 0, BP_STATUS_CANCELLED);
			break;
		default:
			break;
		}
		rgb(cr, &st->theme->muted, 0);
		cairo_move_to(cr, it->text_x, y);
		pango_cairo_show_layout(cr, it->l);
	}
}

int pm_draw(pm_state *st, cairo_t *cr, int page)
{
	const pm_model *m = &st->m;
	if (m->n_cols == 0 || m->n_entity_rows == 0)
		return draw_message(st, cr);
	if (page < 0 || page >= st->n_bands * st->n_chunks) {
		st->host->error(st->s, "asked for page %d of %ld", page + 1,
		                st->n_bands * st->n_chunks);
		return -1;
	}
	long band, chunk;
	pm_page_position(page, st->n_bands, st->n_chunks, st->across, &band, &chunk);

	page_geo g = {0};
	g.c0 = st->bands[band];
	g.c1 = st->bands[band + 1];
	g.i0 = st->chunks[chunk];
	g.i1 = st->chunks[chunk + 1];
	g.total_row = st->totals && g.i1 > m->n_rows;
	if (g.i1 > m->n_rows)
		g.i1 = m->n_rows;
	g.cont = g.i0 < m->n_rows && st->cont_h[g.i0] > 0;
	g.first = chunk == 0;
	g.x_cols = st->label_w;
	g.x_tot = g.x_cols + (g.c1 - g.c0) * st->col_w;
	g.x_end = g.x_tot + st->total_w;
	g.hb = st->caption_h + st->header_h;
	g.yg = g.hb + st->group_h;
	double y = g.yg;
	g.y_cont = y;
	if (g.cont)
		y += st->cont_h[g.i0];
	for (size_t i = g.i0; i < g.i1; i++) {
		st->row_y[i] = y;
		y += st->row_h[i];
	}
	g.y_total = y;
	if (g.total_row)
		y += st->total_row_h;
	g.y_end = y;

	draw_caption(st, cr, &g, chunk);
	draw_backgrounds(st, cr, &g);
	draw_rules(st, cr, &g);
	if (g.first)
		draw_headers(st, cr, &g); /* with its links */
	else
		draw_via_form(st, cr, &g, (size_t)band, g.yg, draw_headers);
	draw_labels(st, cr, &g);
	draw_marks(st, cr, &g);
	if (st->totals)
		draw_totals(st, cr, &g);
	if (st->n_legend) {
		cairo_save(cr);
		cairo_translate(cr, 0, g.y_end + st->pad * 2);
		draw_via_form(st, cr, &g, (size_t)st->n_bands, st->legend_h, draw_legend);
		cairo_restore(cr);
	}
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		st->host->error(st->s, "drawing page %d: %s", page + 1,
		                cairo_status_to_string(cairo_status(cr)));
		return -1;
	}
	return 0;
}
