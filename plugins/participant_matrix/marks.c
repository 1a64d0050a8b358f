/*
 * marks.c — how a cell's mark looks.  The attendee's ● is a disc (a ring
 * for a tentative event) of the same size in every font; other roles'
 * marks are text from one layout per role made at layout time, and their
 * outline for a tentative event.  Cancelled events' marks are muted and
 * crossed out; marks that come through the delegation link are drawn in
 * a lighter ink.  The disc, the ring and the outlines are glyphs of one
 * small user font (below).
 */
#include "matrix.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int pm_role_is_dot(const bp_role *r)
{
	return r && r->mark && !strcmp(r->mark, "\u25CF");
}

static void mix(const bp_color *c, double toward_white, double *r, double *g, double *b)
{
	*r = c->r + (1 - c->r) * toward_white;
	*g = c->g + (1 - c->g) * toward_white;
	*b = c->b + (1 - c->b) * toward_white;
}

void pm_mark_color(const pm_state *st, int light, bp_status status, double *r, double *g, double *b)
{
	const bp_color *base = status == BP_STATUS_CANCELLED ? &st->theme->muted : &st->theme->text;
	mix(base, light ? 0.55 : 0, r, g, b);
}

void pm_mark_cross(const pm_state *st, cairo_t *cr, double cx, double cy)
{
	double k = st->mark_r * 1.25;
	cairo_move_to(cr, cx - k, cy - k);
	cairo_line_to(cr, cx + k, cy + k);
	cairo_move_to(cr, cx - k, cy + k);
	cairo_line_to(cr, cx + k, cy - k);
}

void pm_stroke_cross(const pm_state *st, cairo_t *cr, double cx, double cy)
{
	const bp_color *t = &st->theme->text;
	cairo_new_path(cr);
	cairo_set_source_rgb(cr, t->r, t->g, t->b);
	cairo_set_line_width(cr, st->fs * 0.07);
	pm_mark_cross(st, cr, cx, cy);
	cairo_stroke(cr);
}

/* The mark font.  Marks drawn as shapes are glyphs of a small cairo user
 * font (a Type 3 font in a PDF), each defined once and then shown like a
 * letter: a large matrix has thousands of discs and hundreds of outlines,
 * and as glyphs each costs a few bytes of a text run instead of a path.
 * (A form painted in every cell would be as small for an outline, but
 * cairo 1.16 lists a form in a page's resources once for each time it is
 * painted there.)  Glyph i < n_roles is role i's outline, for tentative
 * events: its glyphs' outline, stroked.  Glyph DISC is the ● and glyph
 * RING its tentative form.  In a Type 3 glyph only a fill takes the
 * text's colour (a stroke would take whatever the page last stroked
 * with), so everything is filled: the ring as two circles wound in
 * opposite directions, an outline as the union of a thin quadrilateral
 * along each segment of the flattened glyph outline and an octagon at
 * each corner. */

enum { DISC, RING, N_SHAPES }; /* after the roles' outlines */

typedef struct mark_glyphs {
	double em;            /* points: 4 columns, so that a row's discs are placed
	                       * with round numbers in one run */
	size_t n;             /* glyphs: n_roles + N_SHAPES */
	cairo_path_t **paths; /* per glyph, in points from its origin */
	double *advance;      /* per glyph, points */
} mark_glyphs;

static const cairo_user_data_key_t mark_key;

static void glyphs_free(void *p)
{
	mark_glyphs *h = p;
	for (size_t i = 0; i < h->n; i++)
		if (h->paths[i])
			cairo_path_destroy(h->paths[i]);
	free(h->paths);
	free(h->advance);
	free(h);
}

static cairo_status_t glyph_render(cairo_scaled_font_t *sf, unsigned long glyph, cairo_t *cr,
                                   cairo_text_extents_t *ext)
{
	const mark_glyphs *h =
	        cairo_font_face_get_user_data(cairo_scaled_font_get_font_face(sf), &mark_key);
	if (!h || glyph >= h->n || !h->paths[glyph])
		return CAIRO_STATUS_SUCCESS;
	ext->x_advance = h->advance[glyph] / h->em;
	cairo_scale(cr, 1 / h->em, 1 / h->em);
	cairo_append_path(cr, h->paths[glyph]);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
	cairo_fill(cr);
	return CAIRO_STATUS_SUCCESS;
}

/* Adds the quadrilateral of width w along (x0, y0)-(x1, y1), wound the same
 * way as every other piece so that the winding fill is their union. */
static void add_segment(cairo_t *cr, double w, double x0, double y0, double x1, double y1)
{
	double dx = x1 - x0, dy = y1 - y0, len = hypot(dx, dy);
	if (len < 1e-9)
		return;
	double nx = -dy / len * w / 2, ny = dx / len * w / 2;
	cairo_move_to(cr, x0 - nx, y0 - ny);
	cairo_line_to(cr, x1 - nx, y1 - ny);
	cairo_line_to(cr, x1 + nx, y1 + ny);
	cairo_line_to(cr, x0 + nx, y0 + ny);
	cairo_close_path(cr);
}

/* An octagon around (x, y) as wide as w across its flats, wound as
 * add_segment's quadrilaterals are. */
static void add_corner(cairo_t *cr, double w, double x, double y)
{
	double r = w / 2 / cos(PM_PI / 8);
	for (int i = 0; i < 8; i++) {
		double a = i * PM_PI / 4;
		if (i)
			cairo_line_to(cr, x + r * cos(a), y + r * sin(a));
		else
			cairo_move_to(cr, x + r * cos(a), y + r * sin(a));
	}
	cairo_close_path(cr);
}

/* The filled outline of layout l, stroked w wide, with its baseline's left
 * end at (pad, 0). */
static cairo_path_t *outline_path(PangoLayout *l, double w, double pad)
{
	cairo_surface_t *scratch = cairo_recording_surface_create(CAIRO_CONTENT_ALPHA, NULL);
	cairo_t *cr = cairo_create(scratch);
	cairo_set_tolerance(cr, 0.01);
	cairo_move_to(cr, pad, -(double)pango_layout_get_baseline(l) / PANGO_SCALE);
	pango_cairo_layout_path(cr, l);
	cairo_path_t *flat = cairo_copy_path_flat(cr);
	cairo_new_path(cr);
	double sx = 0, sy = 0, px = 0, py = 0, dx0 = 0, dy0 = 0;
	for (int i = 0; i < flat->num_data; i += flat->data[i].header.length) {
		const cairo_path_data_t *d = &flat->data[i];
		double x = sx, y = sy;
		if (d->header.type == CAIRO_PATH_MOVE_TO) {
			sx = px = d[1].point.x;
			sy = py = d[1].point.y;
			dx0 = dy0 = 0;
			continue;
		}
		if (d->header.type == CAIRO_PATH_LINE_TO) {
			x = d[1].point.x;
			y = d[1].point.y;
		}
		add_segment(cr, w, px, py, x, y);
		/* A corner where a contour starts and where it turns by more than
		 * about 10 degrees; along a gentle curve the segments' ends
		 * overlap. */
		double dx = x - px, dy = y - py, cross = dx0 * dy - dy0 * dx,
		       dot = dx0 * dx + dy0 * dy;
		if ((dx0 == 0 && dy0 == 0) || fabs(cross) > 0.17 * fabs(dot) || dot < 0)
			add_corner(cr, w, px, py);
		if (dx != 0 || dy != 0) {
			dx0 = dx;
			dy0 = dy;
		}
		px = x;
		py = y;
	}
	cairo_path_destroy(flat);
	cairo_path_t *out = cairo_copy_path(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(scratch);
	return out;
}

/* The width of an outline's line. */
static double hollow_line(const pm_state *st)
{
	return st->fs * 0.06;
}

/* The ● glyph's advance: the disc and a little space either side. */
static double disc_advance(const pm_state *st)
{
	return 2 * st->mark_r + 2 * hollow_line(st);
}

/* The ● (ring: its tentative form) as a glyph: a disc sitting on the
 * baseline, centred in its advance, as a font's ● would (so that text
 * extraction finds it on its row's line). */
static cairo_path_t *disc_path(const pm_state *st, int ring)
{
	cairo_surface_t *scratch = cairo_recording_surface_create(CAIRO_CONTENT_ALPHA, NULL);
	cairo_t *cr = cairo_create(scratch);
	double x = disc_advance(st) / 2, y = -st->mark_r;
	cairo_arc(cr, x, y, st->mark_r, 0, 2 * PM_PI);
	if (ring) {
		cairo_new_sub_path(cr);
		cairo_arc_negative(cr, x, y, st->mark_r * 0.6, 2 * PM_PI, 0);
	}
	cairo_path_t *out = cairo_copy_path(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(scratch);
	return out;
}

/* The mark font (see the top of this part), made on first use; NULL if
 * it cannot be.  An outline glyph's origin is its layout's baseline,
 * hollow_line() left of the layout's left edge. */
static cairo_scaled_font_t *mark_font(pm_state *st)
{
	if (st->mark_font)
		return st->mark_font;
	size_t n = st->d->n_roles + N_SHAPES;
	double w = hollow_line(st);
	mark_glyphs *h = calloc(1, sizeof *h);
	if (!h || !(h->paths = calloc(n, sizeof *h->paths)) ||
	    !(h->advance = calloc(n, sizeof *h->advance))) {
		if (h)
			free(h->paths);
		free(h);
		return NULL;
	}
	h->n = n;
	/* Outlines of the roles marked at a tentative event only. */
	const pm_model *m = &st->m;
	for (size_t c = 0; c < m->n_cols; c++) {
		if (m->cols[c].event->status != BP_STATUS_TENTATIVE)
			continue;
		for (size_t r = 0; r < m->n_rows; r++) {
			size_t i = (size_t)(pm_model_cell(m, r, c) & PM_CELL_ROLE_MASK);
			if (i-- == 0 || i >= st->d->n_roles || !st->l_role[i] || h->paths[i])
				continue;
			h->paths[i] = outline_path(st->l_role[i], w, w);
			PangoRectangle ink = st->role_ink[i];
			h->advance[i] = (double)(ink.x + ink.width) / PANGO_SCALE + 1.5 * w;
		}
	}
	for (int ring = 0; ring < 2; ring++) {
		size_t g = st->d->n_roles + (ring ? RING : DISC);
		h->paths[g] = disc_path(st, ring);
		h->advance[g] = disc_advance(st);
	}
	h->em = 4 * st->col_w;
	cairo_font_face_t *face = cairo_user_font_face_create();
	cairo_user_font_face_set_render_glyph_func(face, glyph_render);
	if (cairo_font_face_set_user_data(face, &mark_key, h, glyphs_free) !=
	    CAIRO_STATUS_SUCCESS) {
		glyphs_free(h);
		cairo_font_face_destroy(face);
		return NULL;
	}
	cairo_matrix_t size, ctm;
	cairo_matrix_init_scale(&size, h->em, h->em);
	cairo_matrix_init_identity(&ctm);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	st->mark_font = cairo_scaled_font_create(face, &size, &ctm, fo);
	cairo_font_options_destroy(fo);
	cairo_font_face_destroy(face);
	if (cairo_scaled_font_status(st->mark_font) != CAIRO_STATUS_SUCCESS) {
		cairo_scaled_font_destroy(st->mark_font);
		st->mark_font = NULL;
	}
	return st->mark_font;
}

/* Shows n glyphs of the mark font, each standing for the text mark. */
static void show_marks(pm_state *st, cairo_t *cr, cairo_glyph_t *glyphs, size_t n, const char *mark)
{
	cairo_scaled_font_t *sf = mark_font(st);
	size_t len = strlen(mark);
	char *text = malloc(n * len + 1);
	cairo_text_cluster_t *clusters = malloc(n * sizeof *clusters);
	if (sf && text && clusters) {
		for (size_t i = 0; i < n; i++) {
			memcpy(text + i * len, mark, len);
			clusters[i] = (cairo_text_cluster_t){(int)len, 1};
		}
		cairo_save(cr);
		cairo_set_scaled_font(cr, sf);
		cairo_show_text_glyphs(cr, text, (int)(n * len), glyphs, (int)n, clusters, (int)n,
		                       0);
		cairo_restore(cr);
	}
	free(text);
	free(clusters);
}

void pm_show_dots(pm_state *st, cairo_t *cr, cairo_glyph_t *at, size_t n, int light,
                  bp_status status)
{
	double r, g, b;
	pm_mark_color(st, light, status, &r, &g, &b);
	cairo_set_source_rgb(cr, r, g, b);
	unsigned long glyph = st->d->n_roles + (status == BP_STATUS_TENTATIVE ? RING : DISC);
	for (size_t i = 0; i < n; i++) {
		at[i].index = glyph;
		at[i].x -= disc_advance(st) / 2;
		at[i].y += st->mark_r;
	}
	show_marks(st, cr, at, n, "\u25CF");
}

void pm_draw_dot(pm_state *st, cairo_t *cr, double cx, double cy, int light, bp_status status)
{
	cairo_glyph_t at = {0, cx, cy};
	pm_show_dots(st, cr, &at, 1, light, status);
	if (status == BP_STATUS_CANCELLED)
		pm_stroke_cross(st, cr, cx, cy);
}

/* A role's mark for a tentative event, the layout's top left at (x, y). */
static void draw_hollow(pm_state *st, cairo_t *cr, double x, double y, size_t role, int light)
{
	double r, g, b;
	pm_mark_color(st, light, BP_STATUS_TENTATIVE, &r, &g, &b);
	cairo_set_source_rgb(cr, r, g, b);
	cairo_glyph_t glyph = {role, x - hollow_line(st),
	                       y + (double)pango_layout_get_baseline(st->l_role[role]) /
	                                       PANGO_SCALE};
	show_marks(st, cr, &glyph, 1, st->d->roles[role]->mark);
}

void pm_draw_mark(pm_state *st, cairo_t *cr, double cx, double cy, size_t role, int light,
                  bp_status status)
{
	PangoLayout *l = role < st->d->n_roles ? st->l_role[role] : NULL;
	if (!l) {
		pm_draw_dot(st, cr, cx, cy, light, status);
		return;
	}
	const PangoRectangle *ink = &st->role_ink[role]; /* its ink centred on (cx, cy) */
	double x = cx - (ink->x + ink->width / 2.0) / PANGO_SCALE,
	       y = cy - (ink->y + ink->height / 2.0) / PANGO_SCALE;
	if (status == BP_STATUS_TENTATIVE) {
		draw_hollow(st, cr, x, y, role, light);
	} else {
		double r, g, b;
		pm_mark_color(st, light, status, &r, &g, &b);
		cairo_set_source_rgb(cr, r, g, b);
		cairo_new_path(cr);
		cairo_move_to(cr, x, y);
		pango_cairo_show_layout(cr, l);
	}
	if (status == BP_STATUS_CANCELLED)
		pm_stroke_cross(st, cr, cx, cy);
}
