/*
 * paint.c — drawing pieces shared by the grid and the list: text through
 * the host, colours with readable ink, event boxes by status, the time-zone
 * line and the legend.
 */
#include "timeline.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const bp_color tl_white = {1, 1, 1}, tl_black = {0.08, 0.08, 0.08};

PangoLayout *tl_text(const tl_state *st, const char *s, double size, int bold, double width,
                     int max_lines)
{
	bp_text_style ts = {0};
	ts.size = size;
	ts.bold = bold;
	ts.width = width > 1 ? width : (width > 0 ? 1 : 0);
	ts.max_lines = width > 0 ? max_lines : 0;
	ts.align = BP_ALIGN_LEFT;
	return st->h->text(st->s, s ? s : "", &ts);
}

double tl_text_h(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

double tl_text_w(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

void tl_strike(PangoLayout *l)
{
	PangoAttrList *old = pango_layout_get_attributes(l);
	PangoAttrList *attrs = old ? pango_attr_list_copy(old) : pango_attr_list_new();
	pango_attr_list_insert(attrs, pango_attr_strikethrough_new(TRUE));
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
}

void tl_set(cairo_t *cr, bp_color c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Glyphs such as a bold "A" reach a hair left of their logical box: move
 * them in so that text placed at the frame's edge stays inside it. */
static double left_overhang(PangoLayout *l)
{
	PangoRectangle ink;
	pango_layout_get_extents(l, &ink, NULL);
	return ink.x < 0 ? (double)-ink.x / PANGO_SCALE : 0;
}

void tl_show(cairo_t *cr, PangoLayout *l, double x, double y, bp_color c)
{
	tl_set(cr, c);
	cairo_move_to(cr, x + left_overhang(l), y);
	pango_cairo_show_layout(cr, l);
}

/* Pango 1.50 shapes a wrapped text two or three times over (again at each
 * break it weighs, and once more when the rest fits); the host's lines()
 * breaks the text shaped once, unwrapped, into the same lines.  Text it
 * declines, or that needs more than max_lines lines (Pango ellipsizes the
 * last), is wrapped by Pango. */
double tl_words(const tl_state *st, cairo_t *cr, const char *s, double size, int bold, double width,
                int max_lines, double x, double y, bp_color c)
{
	if (width > 0) {
		PangoLayout *one = tl_text(st, s, size, bold, 0, 0);
		bp_lines *p = st->h->lines(one, width > 1 ? width : 1); /* tl_text()'s width */
		g_object_unref(one);
		size_t n = p ? st->h->lines_count(p) : 0;
		if (p && (max_lines <= 0 || n <= (size_t)max_lines)) {
			PangoRectangle ink, log;
			st->h->lines_extents(p, 0, n, &ink, &log);
			if (cr) {
				tl_set(cr, c);
				/* As left_overhang(). */
				double over = ink.x < 0 ? (double)-ink.x / PANGO_SCALE : 0;
				st->h->lines_show(cr, p, x + over, y, 0, n);
			}
			st->h->lines_free(p);
			return (double)log.height / PANGO_SCALE;
		}
		if (p)
			st->h->lines_free(p);
	}
	PangoLayout *l = tl_text(st, s, size, bold, width, max_lines);
	if (cr)
		tl_show(cr, l, x, y, c);
	double h = tl_text_h(l);
	g_object_unref(l);
	return h;
}

/* Text drawn as glyph outlines: used where an event's title is repeated
 * (a piece continued from the day before), so that the title is shown
 * for the reader yet the document's text holds each event exactly once
 * and a search for it lands on the event's own box. */
void tl_show_outline(cairo_t *cr, PangoLayout *l, double x, double y, bp_color c)
{
	tl_set(cr, c);
	cairo_new_path(cr);
	cairo_move_to(cr, x + left_overhang(l), y);
	pango_cairo_layout_path(cr, l);
	cairo_fill(cr);
}

bp_color tl_mix(bp_color a, bp_color b, double t)
{
	return (bp_color){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

bp_color tl_ink_on(bp_color fill)
{
	return tl_dark_text_on(fill.r, fill.g, fill.b) ? tl_black : tl_white;
}

bp_color tl_box_ink(const tl_item *it)
{
	if (it->ev->status == BP_STATUS_CONFIRMED)
		return tl_ink_on(it->fill);
	return it->ev->status == BP_STATUS_CANCELLED ? (bp_color){0.35, 0.35, 0.35} : tl_black;
}

void tl_paint_box(const tl_state *st, cairo_t *cr, const tl_item *it, double x, double y, double w,
                  double h)
{
	(void)st;
	if (w <= 0 || h <= 0)
		return;
	cairo_save(cr);
	cairo_new_path(cr);
	bp_status status = it->ev->status;
	if (status == BP_STATUS_CONFIRMED) {
		tl_set(cr, it->fill);
		cairo_rectangle(cr, x, y, w, h);
		cairo_fill(cr);
		cairo_restore(cr);
		return;
	}
	double bar = w > 12 ? 3.0 : w / 4;
	if (status == BP_STATUS_TENTATIVE) {
		/* Pale fill, diagonal hatching and a dashed outline. */
		tl_set(cr, tl_mix(it->fill, tl_white, 0.78));
		cairo_rectangle(cr, x, y, w, h);
		cairo_fill_preserve(cr);
		/* Inside save/restore: reset_clip would drop the host's clip too. */
		cairo_save(cr);
		cairo_clip(cr);
		cairo_set_source_rgba(cr, it->fill.r, it->fill.g, it->fill.b, 0.28);
		cairo_set_line_width(cr, 0.8);
		for (double d = -h; d < w; d += 5.0) {
			cairo_move_to(cr, x + d, y + h);
			cairo_line_to(cr, x + d + h, y);
		}
		cairo_stroke(cr);
		cairo_restore(cr);
		tl_set(cr, it->fill);
		double dash[] = {3.0, 2.0};
		cairo_set_dash(cr, dash, 2, 0);
		cairo_set_line_width(cr, 1.0);
		cairo_rectangle(cr, x + 0.5, y + 0.5, w - 1, h - 1);
		cairo_stroke(cr);
	} else {
		/* Cancelled: washed out, thin grey outline; the text is struck. */
		tl_set(cr, tl_mix(it->fill, tl_white, 0.88));
		cairo_rectangle(cr, x, y, w, h);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
		cairo_set_line_width(cr, 0.6);
		cairo_rectangle(cr, x + 0.3, y + 0.3, w - 0.6, h - 0.6);
		cairo_stroke(cr);
	}
	/* The track colour stays visible down the left edge. */
	tl_set(cr, it->fill);
	cairo_rectangle(cr, x, y, bar, h);
	cairo_fill(cr);
	cairo_restore(cr);
}

void tl_marker(cairo_t *cr, double x, double y, double r, bp_color c)
{
	tl_set(cr, c);
	cairo_new_path(cr);
	cairo_move_to(cr, x, y - r);
	cairo_line_to(cr, x + r, y);
	cairo_line_to(cr, x, y + r);
	cairo_line_to(cr, x - r, y);
	cairo_close_path(cr);
	cairo_fill(cr);
}

double tl_zone_line(const tl_state *st, cairo_t *cr, double y, const bp_time *at)
{
	char buf[512], z2[160];
	if (st->d->zone_label)
		snprintf(buf, sizeof buf, "%s: %s", st->h->label(st->s, BP_LABEL_ALL_TIMES),
		         st->d->zone_label);
	else
		snprintf(buf, sizeof buf, "%s", tl_word_get(st, TL_W_TIMES_AS_WRITTEN));
	if (st->zone2 && at) {
		st->h->zone_label(st->s, st->zone2, at, z2, sizeof z2);
		size_t l = strlen(buf);
		snprintf(buf + l, sizeof buf - l, "  \u00b7  %s: %s",
		         tl_word_get(st, st->list ? TL_W_SECOND_TIMES : TL_W_SECOND_AXIS), z2);
	}
	return tl_words(st, cr, buf, st->fs_small, 1, st->frame.width, 2, 0, y, st->th->text);
}

/* One legend entry: a sample drawn by kind, then its words. */
enum { SAMPLE_TRACK, SAMPLE_TENTATIVE, SAMPLE_CANCELLED, SAMPLE_POINT, SAMPLE_CUT };

static double legend_entry(const tl_state *st, cairo_t *cr, double *x, double *y, double row_h,
                           int kind, bp_color c, const char *words)
{
	double sw = st->fs_small * 1.6, sh = st->fs_small * 1.0, gap = st->fs_small * 0.5;
	PangoLayout *l = tl_text(st, words, st->fs_small, 0, 0, 0);
	if (kind == SAMPLE_CANCELLED)
		tl_strike(l);
	double tw = tl_text_w(l);
	double maxw = st->frame.width - sw - gap;
	if (tw > maxw) {
		g_object_unref(l);
		l = tl_text(st, words, st->fs_small, 0, maxw, 1);
		tw = maxw;
	}
	double w = sw + gap + tw + 2 * gap;
	if (*x > 0 && *x + w > st->frame.width) {
		*x = 0;
		*y += row_h;
	}
	if (cr) {
		double sy = *y + (row_h - sh) / 2;
		tl_item fake = {0};
		bp_event ev = {0};
		fake.ev = &ev;
		fake.fill = c;
		switch (kind) {
		case SAMPLE_TRACK:
			tl_paint_box(st, cr, &fake, *x, sy, sw, sh);
			break;
		case SAMPLE_TENTATIVE:
			ev.status = BP_STATUS_TENTATIVE;
			tl_paint_box(st, cr, &fake, *x, sy, sw, sh);
			break;
		case SAMPLE_CANCELLED:
			ev.status = BP_STATUS_CANCELLED;
			tl_paint_box(st, cr, &fake, *x, sy, sw, sh);
			break;
		case SAMPLE_POINT:
			cairo_set_line_width(cr, 1.0);
			tl_set(cr, c);
			cairo_move_to(cr, *x, *y + row_h / 2);
			cairo_line_to(cr, *x + sw, *y + row_h / 2);
			cairo_stroke(cr);
			tl_marker(cr, *x + sh / 2, *y + row_h / 2, sh / 2, c);
			break;
		case SAMPLE_CUT: {
			tl_set(cr, c);
			double cx = *x + sw / 2, r = sh / 2;
			cairo_move_to(cr, cx - r, sy + r * 0.9);
			cairo_line_to(cr, cx + r, sy + r * 0.9);
			cairo_line_to(cr, cx, sy);
			cairo_close_path(cr);
			cairo_move_to(cr, cx - r, sy + sh - r * 0.9);
			cairo_line_to(cr, cx + r, sy + sh - r * 0.9);
			cairo_line_to(cr, cx, sy + sh);
			cairo_close_path(cr);
			cairo_fill(cr);
			break;
		}
		}
		tl_show(cr, l, *x + sw + gap, *y + (row_h - tl_text_h(l)) / 2, st->th->text);
	}
	g_object_unref(l);
	*x += w;
	return w;
}

double tl_legend(const tl_state *st, cairo_t *cr, double y0)
{
	if (!st->show_legend)
		return 0;
	double x = 0, y = y0, row_h = st->line_small_h * 1.25;
	PangoLayout *l = tl_text(st, st->h->label(st->s, BP_LABEL_LEGEND), st->fs_small, 1, 0, 0);
	if (cr)
		tl_show(cr, l, 0, y + (row_h - tl_text_h(l)) / 2, st->th->text);
	x = tl_text_w(l) + st->fs_small;
	g_object_unref(l);
	for (size_t i = 0; i < st->ntrack; i++)
		legend_entry(st, cr, &x, &y, row_h, SAMPLE_TRACK,
		             st->track_fill[st->tracks[i]->index], st->tracks[i]->name);
	if (st->any_untracked)
		legend_entry(st, cr, &x, &y, row_h, SAMPLE_TRACK, (bp_color){0.78, 0.78, 0.78},
		             tl_word_get(st, TL_W_NO_TRACK));
	bp_color grey = {0.45, 0.45, 0.45};
	if (st->any_tentative)
		legend_entry(st, cr, &x, &y, row_h, SAMPLE_TENTATIVE, grey,
		             st->h->label(st->s, BP_LABEL_TENTATIVE));
	if (st->any_cancelled)
		legend_entry(st, cr, &x, &y, row_h, SAMPLE_CANCELLED, grey,
		             st->h->label(st->s, BP_LABEL_CANCELLED));
	if (st->any_point)
		legend_entry(st, cr, &x, &y, row_h, SAMPLE_POINT, grey,
		             tl_word_get(st, TL_W_POINT));
	if (st->any_cut)
		legend_entry(st, cr, &x, &y, row_h, SAMPLE_CUT, grey,
		             tl_word_get(st, TL_W_CONTINUES));
	return y + row_h - y0;
}
