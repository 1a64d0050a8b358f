/*
 * grid_draw.c — paints one page of the calendar grid laid out by
 * grid_layout.c: zone line, day headings, all-day strip, hour axes and
 * lines, event boxes and markers, the month-only box and the legend.
 */
#include "timeline.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static double y_of(const tl_state *st, const tl_gpage *p, double minute)
{
	return p->grid_y + (minute - st->from_min) * p->grid_h / (st->to_min - st->from_min);
}

static void draw_heads(tl_state *st, cairo_t *cr, const tl_gpage *p)
{
	double x0 = st->axis_w, y = p->head_y, hh = st->head_h;
	bp_color band = tl_mix(st->th->accent, tl_white, 0.86);
	tl_set(cr, band);
	cairo_rectangle(cr, x0, y, p->col_w * p->nday, hh);
	cairo_fill(cr);
	for (size_t k = 0; k < p->nday; k++) {
		char buf[96];
		const tl_day *d = &st->days[p->day0 + k];
		double w = p->col_w - 2 * st->pad;
		st->h->format_time(st->s, &d->date, BP_FMT_DATE_LONG, buf, sizeof buf);
		PangoLayout *l = tl_text(st, buf, st->fs, 1, 0, 0);
		if (tl_text_w(l) > w) {
			g_object_unref(l);
			st->h->format_time(st->s, &d->date, BP_FMT_DATE_SHORT, buf, sizeof buf);
			l = tl_text(st, buf, st->fs, 1, w, 1);
		}
		double tw = tl_text_w(l);
		double x = x0 + k * p->col_w + (p->col_w - (tw < w ? tw : w)) / 2;
		tl_show(cr, l, x, y + (hh - tl_text_h(l)) / 2, st->th->accent);
		g_object_unref(l);
	}
	if (st->zone2) {
		char z[96];
		bp_time at = tl_day_time(st, st->days[p->day0].days, 720);
		tl_zone2_short(st, &at, z, sizeof z);
		double w = st->axis2_w - st->pad;
		PangoLayout *l = tl_text(st, z, st->fs_small * 0.9, 0, w, 2);
		tl_show(cr, l, st->frame.width - st->axis2_w + st->pad,
		        y + (hh - tl_text_h(l)) / 2 > y ? y + (hh - tl_text_h(l)) / 2 : y,
		        st->th->muted);
		g_object_unref(l);
	}
}

/* One event's words inside its box of w x h at (x, y). */
static void box_text(tl_state *st, cairo_t *cr, const tl_item *it, int first, double x, double y,
                     double w, double h)
{
	const bp_event *ev = it->ev;
	bp_color ink = tl_box_ink(it);
	double lh = st->line_small_h;
	int n = (int)floor((h - 2 * st->pad + 0.5) / lh);
	if (n < 1)
		n = 1;
	if (w < 4)
		return;
	char tline[256];
	tl_time_line(st, it, tline, sizeof tline);
	int cancelled = ev->status == BP_STATUS_CANCELLED;
	if (!first) {
		/* A continued piece: the title again, as outlines (see paint.c). */
		char buf[1024];
		snprintf(buf, sizeof buf, "\u25b2 %s", ev->title);
		PangoLayout *l = tl_text(st, buf, st->fs_small, 0, w, n);
		tl_show_outline(cr, l, x, y, ink);
		g_object_unref(l);
		return;
	}
	if (n == 1) {
		/* One line: the start and the title; the rest is on the axes. */
		char buf[1400], start[64];
		st->h->format_time(st->s, &ev->start, BP_FMT_TIME, start, sizeof start);
		snprintf(buf, sizeof buf, "%s %s", start, ev->title);
		if (!cancelled) {
			tl_words(st, cr, buf, st->fs_small, 0, w, 1, x, y, ink);
			return;
		}
		PangoLayout *l = tl_text(st, buf, st->fs_small, 0, w, 1);
		tl_strike(l);
		tl_show(cr, l, x, y, ink);
		g_object_unref(l);
		return;
	}
	PangoLayout *t = tl_text(st, tline, st->fs_small, 1, 0, 0);
	if (tl_text_w(t) > w && st->zone2) {
		/* Too narrow for both zones: the second is on its axis. */
		char one[192];
		tl_format_span(st, &ev->start, &ev->end, one, sizeof one);
		if (ev->status != BP_STATUS_CONFIRMED) {
			size_t len = strlen(one);
			snprintf(one + len, sizeof one - len, " \u00b7 %s",
			         st->h->label(st->s, ev->status == BP_STATUS_TENTATIVE
			                                     ? BP_LABEL_TENTATIVE
			                                     : BP_LABEL_CANCELLED));
		}
		st->h->text_set(st->s, t, one);
	}
	if (tl_text_w(t) > w) {
		char keep[512];
		snprintf(keep, sizeof keep, "%s", pango_layout_get_text(t));
		g_object_unref(t);
		t = tl_text(st, keep, st->fs_small, 1, w, n >= 4 ? 2 : 1);
	}
	tl_show(cr, t, x, y, ink);
	double used = tl_text_h(t);
	g_object_unref(t);
	int left = n - (int)lround(used / lh);
	if (left < 1)
		return;
	/* The title first: venue and attendees only where it keeps two lines. */
	int want_venue = st->show_venue && ev->venue && left >= 3;
	int want_people = st->show_attendees && ev->n_attendees > 0 && left >= 3 + want_venue;
	int title_lines = left - want_venue - want_people;
	if (!cancelled) {
		used += tl_words(st, cr, ev->title, st->fs_small, 0, w, title_lines, x, y + used,
		                 ink);
	} else {
		PangoLayout *l = tl_text(st, ev->title, st->fs_small, 0, w, title_lines);
		tl_strike(l);
		tl_show(cr, l, x, y + used, ink);
		used += tl_text_h(l);
		g_object_unref(l);
	}
	if (want_venue) {
		PangoLayout *l = tl_text(st, ev->venue, st->fs_small, 0, w, 1);
		PangoAttrList *a = pango_layout_get_attributes(l);
		a = a ? pango_attr_list_copy(a) : pango_attr_list_new();
		pango_attr_list_insert(a, pango_attr_style_new(PANGO_STYLE_ITALIC));
		pango_layout_set_attributes(l, a);
		pango_attr_list_unref(a);
		tl_show(cr, l, x, y + used, ink);
		used += tl_text_h(l);
		g_object_unref(l);
	}
	if (want_people && y + used + lh <= y + h) {
		char buf[512] = "";
		for (size_t i = 0; i < ev->n_attendees && strlen(buf) < 400; i++) {
			const bp_attendee *at = ev->attendees[i];
			const char *name = at->person ? at->person->name : at->delegation->name;
			size_t len = strlen(buf);
			snprintf(buf + len, sizeof buf - len, "%s%s", i ? ", " : "", name);
		}
		tl_words(st, cr, buf, st->fs_small, 0, w, 1, x, y + used, ink);
	}
}

static void cut_marks(const tl_state *st, cairo_t *cr, const tl_seg *s, double x, double y,
                      double w, double h)
{
	double r = st->fs_small * 0.35;
	if (w < 4 * r || h < 2.5 * r)
		return;
	bp_color ink = tl_box_ink(s->it);
	tl_set(cr, ink);
	double cx = x + w - r - 1.5;
	if (s->cut_top) {
		cairo_move_to(cr, cx - r, y + 1 + r * 1.2);
		cairo_line_to(cr, cx + r, y + 1 + r * 1.2);
		cairo_line_to(cr, cx, y + 1);
		cairo_close_path(cr);
	}
	if (s->cut_bottom) {
		cairo_move_to(cr, cx - r, y + h - 1 - r * 1.2);
		cairo_line_to(cr, cx + r, y + h - 1 - r * 1.2);
		cairo_line_to(cr, cx, y + h - 1);
		cairo_close_path(cr);
	}
	cairo_fill(cr);
}

static void draw_point(tl_state *st, cairo_t *cr, const tl_gpage *p, const tl_seg *s, double x,
                       double w)
{
	const tl_item *it = s->it;
	double t = s->a < st->from_min ? st->from_min : s->a > st->to_min ? st->to_min : s->a;
	double yt = y_of(st, p, t), ya = y_of(st, p, s->place.a), yb = y_of(st, p, s->place.b);
	double r = st->fs_small * 0.4;
	cairo_set_line_width(cr, 1.2);
	tl_set(cr, it->fill);
	cairo_move_to(cr, x, yt);
	cairo_line_to(cr, x + w, yt);
	cairo_stroke(cr);
	tl_marker(cr, x + r + 0.5, yt, r, it->fill);
	char tline[256], buf[1400];
	tl_time_line(st, it, tline, sizeof tline);
	snprintf(buf, sizeof buf, "%s %s", tline, it->ev->title);
	double tx = x + 2 * r + 2, tw = w - 2 * r - 3;
	if (tw < 4)
		return;
	int lines = (int)floor((yb - ya - 2) / st->line_small_h);
	if (lines < 1)
		lines = 1;
	PangoLayout *l = tl_text(st, buf, st->fs_small, 0, tw, lines);
	if (it->ev->status == BP_STATUS_CANCELLED)
		tl_strike(l);
	double th = tl_text_h(l), lw = tl_text_w(l);
	/* Below the rule, or above it when the marker sits at the bottom. */
	double ty = yt + 1 + th <= yb + 0.5 ? yt + 1 : yt - 1 - th;
	if (ty < ya)
		ty = ya;
	cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
	cairo_rectangle(cr, tx - 1, ty, (lw < tw ? lw : tw) + 2, th);
	cairo_fill(cr);
	tl_show(cr, l, tx, ty, st->th->text);
	g_object_unref(l);
}

static void draw_axis(tl_state *st, cairo_t *cr, const tl_gpage *p)
{
	double x0 = st->axis_w, x1 = x0 + p->col_w * p->nday;
	double ppm = p->grid_h / (st->to_min - st->from_min);
	int delta2 = st->days[p->day0].delta2;
	cairo_set_line_width(cr, 0.5);
	for (int m = st->from_min; m <= st->to_min; m += 30) {
		double y = y_of(st, p, m);
		int hour = m % 60 == 0;
		if (!hour && ppm * 30 < 10)
			continue;
		if (hour)
			tl_set(cr, st->th->grid);
		else
			tl_set(cr, tl_mix(st->th->grid, tl_white, 0.55));
		cairo_move_to(cr, x0 - (hour ? 3 : 0), y);
		cairo_line_to(cr, x1 + (hour && st->zone2 ? 3 : 0), y);
		cairo_stroke(cr);
		if (!hour || m == st->to_min || ppm * 60 < st->line_small_h)
			continue;
		char buf[16];
		snprintf(buf, sizeof buf, "%02d:00", m / 60);
		PangoLayout *l = tl_text(st, buf, st->fs_small, 0, 0, 0);
		tl_show(cr, l, x0 - 4 - tl_text_w(l), y + 0.5, st->th->muted);
		if (st->zone2) {
			int m2 = ((m + delta2) % 1440 + 1440) % 1440;
			snprintf(buf, sizeof buf, "%02d:%02d", m2 / 60, m2 % 60);
			st->h->text_set(st->s, l, buf);
			tl_show(cr, l, x1 + 4, y + 0.5, st->th->muted);
		}
		g_object_unref(l);
	}
	/* Day separators, the full height from the headings down. */
	tl_set(cr, st->th->grid);
	for (size_t k = 0; k <= p->nday; k++) {
		double x = x0 + k * p->col_w;
		if (k == p->nday && !st->zone2)
			x -= 0.5; /* the frame's edge: keep the line's width inside */
		int gap = k > 0 && k < p->nday &&
		          st->days[p->day0 + k].days != st->days[p->day0 + k - 1].days + 1;
		cairo_set_line_width(cr, gap ? 2.0 : 0.5);
		cairo_move_to(cr, x, p->head_y);
		cairo_line_to(cr, x, p->grid_y + p->grid_h);
		cairo_stroke(cr);
	}
}

static void draw_strip(tl_state *st, cairo_t *cr, const tl_gpage *p)
{
	if (!p->nbar)
		return;
	double bar_h =
	        st->any_timed ? st->line_small_h + 2 * st->pad : 3 * st->line_small_h + 2 * st->pad;
	PangoLayout *cap = tl_text(st, st->h->label(st->s, BP_LABEL_ALL_DAY), st->fs_small * 0.9, 0,
	                           st->frame.width, 1);
	tl_show(cr, cap, st->axis_w + st->pad, p->strip_y + st->pad / 2, st->th->muted);
	g_object_unref(cap);
	double y0 = p->strip_y + st->line_small_h + st->pad;
	for (size_t i = 0; i < p->nbar; i++) {
		const tl_bar *b = &p->bars[i];
		double x = st->axis_w + b->d0 * p->col_w + 1;
		double w = (b->d1 - b->d0 + 1) * p->col_w - 2;
		double y = y0 + b->row * (bar_h + 2);
		int linked = st->h->link_begin(st->s, cr, b->it->anchor);
		tl_paint_box(st, cr, b->it, x, y, w, bar_h);
		double inset = b->it->ev->status == BP_STATUS_CONFIRMED ? st->pad : st->pad + 3;
		int lines = st->any_timed ? 1 : 3;
		char buf[1400];
		const char *title = b->it->ev->title;
		if (b->it->ev->status != BP_STATUS_CONFIRMED)
			snprintf(buf, sizeof buf, "%s \u00b7 %s", title,
			         st->h->label(st->s, b->it->ev->status == BP_STATUS_TENTATIVE
			                                     ? BP_LABEL_TENTATIVE
			                                     : BP_LABEL_CANCELLED));
		else
			snprintf(buf, sizeof buf, "%s", title);
		if (st->show_venue && b->it->ev->venue && !st->any_timed) {
			size_t l = strlen(buf);
			snprintf(buf + l, sizeof buf - l, " \u00b7 %s", b->it->ev->venue);
		}
		if (!b->first) {
			char c[1410];
			snprintf(c, sizeof c, "\u25c0 %s", title);
			PangoLayout *l =
			        tl_text(st, c, st->fs_small, 0, w - inset - st->pad, lines);
			tl_show_outline(cr, l, x + inset, y + st->pad, tl_box_ink(b->it));
			g_object_unref(l);
		} else if (b->it->ev->status == BP_STATUS_CANCELLED) {
			PangoLayout *l =
			        tl_text(st, buf, st->fs_small, 0, w - inset - st->pad, lines);
			tl_strike(l);
			tl_show(cr, l, x + inset, y + st->pad, tl_box_ink(b->it));
			g_object_unref(l);
		} else {
			tl_words(st, cr, buf, st->fs_small, 0, w - inset - st->pad, lines,
			         x + inset, y + st->pad, tl_box_ink(b->it));
		}
		if (linked)
			st->h->link_end(st->s, cr);
	}
}

static void draw_segments(tl_state *st, cairo_t *cr, const tl_gpage *p)
{
	for (size_t i = 0; i < p->nseg; i++) {
		const tl_seg *s = &p->segs[i];
		double lw = p->col_w / s->place.lanes;
		double x = st->axis_w + s->day * p->col_w + s->place.lane * lw + 1;
		double w = s->place.span * lw - 2;
		int linked = s->first ? st->h->link_begin(st->s, cr, s->it->anchor) : 0;
		if (s->it->kind == TL_POINT) {
			draw_point(st, cr, p, s, x, w);
		} else {
			double y = y_of(st, p, s->place.a) + 0.5;
			double h = y_of(st, p, s->place.b) - y - 0.5;
			tl_paint_box(st, cr, s->it, x, y, w, h);
			double inset =
			        s->it->ev->status == BP_STATUS_CONFIRMED ? st->pad : st->pad + 3;
			double mark = (s->cut_top || s->cut_bottom) ? st->fs_small * 0.9 : 0;
			cairo_save(cr);
			cairo_rectangle(cr, x, y, w, h);
			cairo_clip(cr);
			box_text(st, cr, s->it, s->first, x + inset, y + st->pad,
			         w - inset - st->pad - mark, h - st->pad);
			cairo_restore(cr);
			cut_marks(st, cr, s, x, y, w, h);
		}
		if (linked)
			st->h->link_end(st->s, cr);
	}
}

static void draw_tbc(tl_state *st, cairo_t *cr, const tl_gpage *p)
{
	if (p->tbc1 <= p->tbc0)
		return;
	double W = st->frame.width, y = p->tbc_y, row_h = st->line_small_h * 1.15;
	tl_set(cr, tl_mix(st->th->accent, tl_white, 0.93));
	cairo_rectangle(cr, 0, y, W, p->tbc_h);
	cairo_fill(cr);
	char head[160];
	snprintf(head, sizeof head, "%s%s%s", st->h->label(st->s, BP_LABEL_DATES_TBC),
	         p->tbc0 > 0 ? " " : "",
	         p->tbc0 > 0 ? st->h->label(st->s, BP_LABEL_CONTINUED) : "");
	PangoLayout *l = tl_text(st, head, st->fs_small, 1, W - 2 * st->pad, 1);
	tl_show(cr, l, st->pad, y + st->pad, st->th->accent);
	y += st->pad + st->line_small_h * 1.3;
	g_object_unref(l);
	double sw = st->fs_small * 0.8;
	for (size_t i = p->tbc0; i < p->tbc1; i++) {
		const tl_item *it = st->months[i];
		char when[256], buf[2048];
		tl_time_line(st, it, when, sizeof when);
		snprintf(buf, sizeof buf, "%s \u2014 %s%s%s", when, it->ev->title,
		         st->show_venue && it->ev->venue ? " \u00b7 " : "",
		         st->show_venue && it->ev->venue ? it->ev->venue : "");
		int linked = st->h->link_begin(st->s, cr, it->anchor);
		tl_paint_box(st, cr, it, st->pad, y + (row_h - sw) / 2, sw, sw);
		l = tl_text(st, buf, st->fs_small, 0, W - 3 * st->pad - sw - 4, 1);
		if (it->ev->status == BP_STATUS_CANCELLED)
			tl_strike(l);
		tl_show(cr, l, st->pad + sw + 4, y + (row_h - tl_text_h(l)) / 2, st->th->text);
		g_object_unref(l);
		if (linked)
			st->h->link_end(st->s, cr);
		y += row_h;
	}
}

int tl_grid_draw(tl_state *st, cairo_t *cr, int page)
{
	if (page < 0 || (size_t)page >= st->npage)
		return 0;
	const tl_gpage *p = &st->pages[page];
	bp_time at = st->nday ? tl_day_time(st, st->days[p->grid ? p->day0 : 0].days, 720)
	                      : tl_day_time(st, 0, 720);
	tl_zone_line(st, cr, 0, &at);
	if (p->grid) {
		draw_heads(st, cr, p);
		draw_strip(st, cr, p);
		if (st->any_timed && p->grid_h > 0) {
			draw_axis(st, cr, p);
			draw_segments(st, cr, p);
		}
	}
	draw_tbc(st, cr, p);
	if (!p->grid && p->tbc1 <= p->tbc0) {
		PangoLayout *l =
		        tl_text(st, tl_word_get(st, TL_W_NO_EVENTS), st->fs, 0, st->frame.width, 0);
		tl_show(cr, l, 0, st->zone_h + st->line_h, st->th->muted);
		g_object_unref(l);
	}
	if (st->show_legend && (p->grid || p->tbc1 > p->tbc0))
		tl_legend(st, cr, p->legend_y);
	return 0;
}
