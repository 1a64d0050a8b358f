/*
 * marks.c — how a cell's mark looks.  The attendee's ● is a filled circle
 * drawn with cairo (no glyph lookup, the same size in every font); other
 * roles' marks are text from one layout per role made at layout time.
 * Tentative events get hollow marks (circle outline, glyph outline),
 * cancelled ones a muted mark crossed out; marks that come through the
 * delegation link are drawn in a lighter ink.
 */
#include "matrix.h"

#include <math.h>
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

void pm_draw_dot(const pm_state *st, cairo_t *cr, double cx, double cy, int light, bp_status status)
{
	double r, g, b, lw = st->mark_r * 0.4;
	pm_mark_color(st, light, status, &r, &g, &b);
	cairo_set_source_rgb(cr, r, g, b);
	cairo_new_path(cr);
	if (status == BP_STATUS_TENTATIVE) {
		cairo_arc(cr, cx, cy, st->mark_r - lw / 2, 0, 2 * PM_PI);
		cairo_set_line_width(cr, lw);
		cairo_stroke(cr);
	} else {
		cairo_arc(cr, cx, cy, st->mark_r, 0, 2 * PM_PI);
		cairo_fill(cr);
	}
	if (status == BP_STATUS_CANCELLED)
		pm_stroke_cross(st, cr, cx, cy);
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

/* A role's mark for a tentative event: its glyphs' outline, with its
 * origin at (x, y). */
static void stroke_outline(const pm_state *st, cairo_t *cr, double x, double y, size_t role,
                           int light)
{
	double r, g, b;
	pm_mark_color(st, light, BP_STATUS_TENTATIVE, &r, &g, &b);
	cairo_set_source_rgb(cr, r, g, b);
	cairo_new_path(cr);
	cairo_move_to(cr, x, y);
	pango_cairo_layout_path(cr, st->l_role[role]);
	cairo_set_line_width(cr, st->fs * 0.06);
	cairo_stroke(cr);
}

void pm_draw_mark(pm_state *st, cairo_t *cr, double cx, double cy, size_t role, int light,
                  bp_status status)
{
	PangoLayout *l = role < st->d->n_roles ? st->l_role[role] : NULL;
	if (!l) {
		pm_draw_dot(st, cr, cx, cy, light, status);
		return;
	}
	double x = cx + st->role_dx[role], y = cy + st->role_dy[role];
	if (status == BP_STATUS_TENTATIVE) {
		stroke_outline(st, cr, x, y, role, light);
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
