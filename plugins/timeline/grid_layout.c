/*
 * grid_layout.c — lays out the calendar grid: fits the hour axis, picks
 * the day columns, splits them into pages, and places every event of
 * every page (segments in lanes, all-day bars in rows, the month-only
 * list on the last page or pages after it).  Declares the day anchors.
 */
#include "timeline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SPAN_DAYS 62 /* a longer timed event is shown on its first 62 days */

static void free_pages(tl_state *st)
{
	for (size_t i = 0; i < st->npage; i++) {
		free(st->pages[i].segs);
		free(st->pages[i].bars);
	}
	free(st->pages);
	st->pages = NULL;
	st->npage = 0;
}

static int64_t floor_day(int64_t minutes)
{
	return minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
}

static void fit_axis(tl_state *st)
{
	if (st->hours_set) {
		st->from_min = st->from_h * 60;
		st->to_min = st->to_h * 60;
		return;
	}
	int *a = calloc(st->nitem + 1, sizeof *a), *b = calloc(st->nitem + 1, sizeof *b);
	size_t n = 0;
	for (size_t i = 0; a && b && i < st->nitem; i++) {
		const tl_item *it = &st->items[i];
		if (it->kind != TL_TIMED && it->kind != TL_POINT)
			continue;
		int64_t day = floor_day(it->a);
		a[n] = (int)(it->a - day * 1440);
		/* Only the first day's part counts: a dinner ending at 01:00
		 * stretches the axis to midnight, not over the whole night. */
		int64_t end = it->kind == TL_POINT ? it->a + 30 : it->b;
		b[n] = (int)((end > (day + 1) * 1440 ? (day + 1) * 1440 : end) - day * 1440);
		n++;
	}
	int f, t;
	tl_fit_hours(a, b, n, 6, &f, &t);
	free(a);
	free(b);
	st->from_min = f * 60;
	st->to_min = t * 60;
}

/* The days that get a column: where something is shown. */
static int choose_days(tl_state *st)
{
	size_t cap = 16, n = 0;
	int64_t *v = malloc(cap * sizeof *v);
	for (size_t i = 0; v && i < st->nitem; i++) {
		const tl_item *it = &st->items[i];
		int64_t d0, d1;
		if (it->kind == TL_ALLDAY) {
			d0 = it->a, d1 = it->b;
		} else if (it->kind == TL_TIMED || it->kind == TL_POINT) {
			d0 = floor_day(it->a);
			d1 = it->kind == TL_TIMED ? floor_day(it->b - 1) : d0;
		} else {
			continue;
		}
		if (d1 - d0 >= MAX_SPAN_DAYS)
			d1 = d0 + MAX_SPAN_DAYS - 1;
		for (int64_t d = d0; d <= d1; d++) {
			if (it->kind != TL_ALLDAY && d > d0) {
				/* A later day of a timed event gets a column only if the
				 * event shows within that day's axis. */
				int64_t s = d * 1440 + st->from_min, e = d * 1440 + st->to_min;
				if (!(it->a < e && it->b > s))
					continue;
			}
			if (n == cap) {
				int64_t *w = realloc(v, (cap *= 2) * sizeof *v);
				if (!w)
					break;
				v = w;
			}
			v[n++] = d;
		}
	}
	int rc = tl_set_days(st, v ? v : (int64_t[1]){0}, v ? n : 0);
	free(v);
	return rc;
}

/* All-day bars of page p, in rows; returns the row count. */
static int place_bars(tl_state *st, tl_gpage *p)
{
	p->bars = calloc(st->nitem + 1, sizeof *p->bars);
	tl_lane_in *lanes = calloc(st->nitem + 1, sizeof *lanes);
	if (!p->bars || !lanes) {
		free(lanes);
		return 0;
	}
	for (size_t i = 0; i < st->nitem; i++) {
		const tl_item *it = &st->items[i];
		if (it->kind != TL_ALLDAY)
			continue;
		long d0 = -1, d1 = -1;
		for (size_t k = 0; k < p->nday; k++) {
			int64_t d = st->days[p->day0 + k].days;
			if (d >= it->a && d <= it->b) {
				if (d0 < 0)
					d0 = (long)k;
				d1 = (long)k;
			}
		}
		if (d0 < 0)
			continue;
		tl_bar *b = &p->bars[p->nbar];
		b->it = it;
		b->d0 = (size_t)d0;
		b->d1 = (size_t)d1;
		b->first = st->days[p->day0 + (size_t)d0].days == it->a;
		lanes[p->nbar] = (tl_lane_in){.a = d0, .b = d1 + 1};
		p->nbar++;
	}
	int rows = tl_assign_lanes(lanes, p->nbar);
	for (size_t i = 0; i < p->nbar; i++)
		p->bars[i].row = lanes[i].lane;
	free(lanes);
	return rows;
}

/* Timed segments of page p with display extents of at least min_min. */
static void place_segments(tl_state *st, tl_gpage *p, int min_min)
{
	size_t cap = 16;
	if (min_min > st->to_min - st->from_min)
		min_min = st->to_min - st->from_min; /* a tiny axis: full height */
	p->segs = calloc(cap, sizeof *p->segs);
	for (size_t i = 0; p->segs && i < st->nitem; i++) {
		const tl_item *it = &st->items[i];
		if (it->kind != TL_TIMED && it->kind != TL_POINT)
			continue;
		int64_t first_day = floor_day(it->a);
		int64_t last_day = it->kind == TL_TIMED ? floor_day(it->b - 1) : first_day;
		for (size_t k = 0; k < p->nday; k++) {
			int64_t d = st->days[p->day0 + k].days;
			if (d < first_day || d > last_day)
				continue;
			int64_t a = it->a > d * 1440 ? it->a - d * 1440 : 0;
			int64_t b = it->b < (d + 1) * 1440 ? it->b - d * 1440 : 1440;
			int first = d == first_day;
			if (!first && !(a < st->to_min && b > st->from_min))
				continue;
			if (p->nseg == cap) {
				tl_seg *w = realloc(p->segs, (cap *= 2) * sizeof *w);
				if (!w)
					return;
				p->segs = w;
			}
			tl_seg *s = &p->segs[p->nseg++];
			memset(s, 0, sizeof *s);
			s->it = it;
			s->day = k;
			s->a = (int)a;
			s->b = (int)b;
			s->first = first;
			s->cut_top = !first || a < st->from_min;
			s->cut_bottom = it->b > (d + 1) * 1440 || b > st->to_min ||
			                (it->kind == TL_POINT && a > st->to_min);
			int da = a < st->from_min ? st->from_min
			         : a > st->to_min ? st->to_min
			                          : (int)a;
			int db = b < st->from_min ? st->from_min
			         : b > st->to_min ? st->to_min
			                          : (int)b;
			if (it->kind == TL_POINT)
				db = da;
			if (db - da < min_min) {
				if (da + min_min <= st->to_min)
					db = da + min_min;
				else
					da = st->to_min - min_min, db = st->to_min;
			}
			s->place.a = da;
			s->place.b = db;
		}
	}
	/* Lanes, day by day. */
	tl_lane_in *tmp = calloc(p->nseg + 1, sizeof *tmp);
	size_t *idx = calloc(p->nseg + 1, sizeof *idx);
	for (size_t k = 0; tmp && idx && k < p->nday; k++) {
		size_t n = 0;
		for (size_t i = 0; i < p->nseg; i++)
			if (p->segs[i].day == k) {
				idx[n] = i;
				tmp[n++] = p->segs[i].place;
			}
		tl_assign_lanes(tmp, n);
		for (size_t i = 0; i < n; i++)
			p->segs[idx[i]].place = tmp[i];
	}
	free(tmp);
	free(idx);
}

/* How many lanes day d needs at this scale, for choosing days per page. */
static int lanes_of_day(tl_state *st, size_t d, int min_min)
{
	tl_gpage probe = {.day0 = d, .nday = 1};
	place_segments(st, &probe, min_min);
	int lanes = 1;
	for (size_t i = 0; i < probe.nseg; i++)
		if (probe.segs[i].place.lanes > lanes)
			lanes = probe.segs[i].place.lanes;
	free(probe.segs);
	return lanes;
}

static int min_minutes(const tl_state *st, double grid_h)
{
	double ppm = grid_h / (double)(st->to_min - st->from_min);
	double min_h = st->line_small_h + 2 * st->pad;
	int m = ppm > 0 ? (int)ceil(min_h / ppm) : 60;
	return m < 1 ? 1 : m;
}

static double tbc_row_h(const tl_state *st)
{
	return st->line_small_h * 1.15;
}

int tl_grid_layout(tl_state *st)
{
	const bp_host *h = st->h;
	double W = st->frame.width, H = st->frame.height;
	free_pages(st);
	fit_axis(st);
	if (choose_days(st) != 0)
		return -1;

	/* Things outside the axis or past midnight get continuation marks. */
	st->any_cut = 0;
	for (size_t i = 0; i < st->nitem; i++) {
		const tl_item *it = &st->items[i];
		if (it->kind != TL_TIMED && it->kind != TL_POINT)
			continue;
		int64_t day = floor_day(it->a);
		int64_t a = it->a - day * 1440, b = it->b - day * 1440;
		if (a < st->from_min || b > st->to_min)
			st->any_cut = 1;
	}

	bp_time at = st->nday ? tl_day_time(st, st->days[0].days, 720) : tl_day_time(st, 0, 720);
	double gap = st->fs_small * 0.6;
	st->zone_h = tl_zone_line(st, NULL, 0, &at) + gap;
	st->head_h = st->line_h + 2 * st->pad;
	st->legend_h = st->show_legend ? tl_legend(st, NULL, 0) + gap : 0;
	PangoLayout *l = tl_text(st, "00:00", st->fs_small, 0, 0, 0);
	st->axis_w = tl_text_w(l) + 2 * st->pad + 2;
	g_object_unref(l);
	st->axis2_w = 0;
	if (st->zone2) {
		/* Wide enough for the zone's short name over it, within reason. */
		char z[96];
		tl_zone2_short(st, &at, z, sizeof z);
		l = tl_text(st, z, st->fs_small * 0.9, 0, 0, 0);
		double zw = tl_text_w(l) + 2 * st->pad;
		g_object_unref(l);
		st->axis2_w = zw > st->axis_w ? (zw < st->fs * 7 ? zw : st->fs * 7) : st->axis_w;
	}
	double grid_w = W - st->axis_w - st->axis2_w;
	double bar_h =
	        st->any_timed ? st->line_small_h + 2 * st->pad : 3 * st->line_small_h + 2 * st->pad;
	double row_h = tbc_row_h(st);

	/* Pages of days. */
	size_t nd = st->nday;
	size_t *first = calloc(nd + 1, sizeof *first);
	double *need = calloc(nd + 1, sizeof *need);
	int *brk = calloc(nd + 1, sizeof *brk);
	if (!first || !need || !brk) {
		free(first), free(need), free(brk);
		h->error(st->s, "out of memory");
		return -1;
	}
	double est_grid = H - st->zone_h - st->head_h - st->legend_h - 2 * bar_h;
	int est_min = min_minutes(st, est_grid > 50 ? est_grid : 50);
	double min_col = st->fs * 7.5, min_lane = st->fs * 4.2;
	for (size_t i = 0; i < nd; i++) {
		int lanes = st->any_timed ? lanes_of_day(st, i, est_min) : 1;
		need[i] = lanes * min_lane > min_col ? lanes * min_lane : min_col;
		brk[i] = i > 0 && st->days[i].delta2 != st->days[i - 1].delta2;
	}
	size_t ngrid = tl_paginate_days(need, brk, nd, grid_w, st->days_per_page, first);
	free(need);
	free(brk);

	/* Month-only items: on the last grid page if they fit in under a
	 * third of it, then on pages of their own. */
	size_t nmonth = st->show_tbc ? st->nmonth : 0;
	double tbc_head = st->line_small_h * 1.3 + st->pad;
	size_t fit_last = 0;
	if (ngrid > 0 && nmonth > 0) {
		double room = H * 0.33 - tbc_head - 2 * st->pad;
		fit_last = room > row_h ? (size_t)(room / row_h) : 0;
		if (fit_last > nmonth)
			fit_last = nmonth;
		if (fit_last < nmonth && fit_last < 3)
			fit_last = 0; /* a stub of two lines helps nobody */
	}
	size_t rest = nmonth - fit_last;
	double per_page = (H - st->zone_h - st->legend_h - tbc_head - 2 * st->pad) / row_h;
	size_t cap_page = per_page >= 1 ? (size_t)per_page : 1;
	size_t nextra = rest ? (rest + cap_page - 1) / cap_page : 0;
	size_t npage = ngrid + nextra;
	if (npage == 0)
		npage = 1; /* nothing to show: one page that says so */
	st->pages = calloc(npage, sizeof *st->pages);
	if (!st->pages) {
		free(first);
		h->error(st->s, "out of memory");
		return -1;
	}
	st->npage = npage;
	size_t m = 0;
	for (size_t pi = 0; pi < npage; pi++) {
		tl_gpage *p = &st->pages[pi];
		p->head_y = st->zone_h;
		if (pi < ngrid) {
			p->grid = 1;
			p->day0 = first[pi];
			p->nday = (pi + 1 < ngrid ? first[pi + 1] : nd) - p->day0;
			p->col_w = grid_w / (double)p->nday;
			p->rows = place_bars(st, p);
			double caption = p->rows ? st->line_small_h + st->pad : 0;
			p->strip_y = p->head_y + st->head_h;
			p->strip_h = p->rows ? caption + p->rows * (bar_h + 2) + st->pad : 0;
			p->grid_y = p->strip_y + p->strip_h;
			if (pi == ngrid - 1 && fit_last) {
				p->tbc0 = 0;
				p->tbc1 = m = fit_last;
				p->tbc_h = tbc_head + fit_last * row_h + 2 * st->pad;
			}
			p->legend_y = H - st->legend_h + gap;
			p->tbc_y = H - st->legend_h - p->tbc_h;
			p->grid_h =
			        st->any_timed ? p->tbc_y - (p->tbc_h > 0 ? gap : 0) - p->grid_y : 0;
			if (p->grid_h < 0)
				p->grid_h = 0;
			if (st->any_timed)
				place_segments(st, p,
				               min_minutes(st, p->grid_h > 20 ? p->grid_h : 20));
			for (size_t k = 0; k < p->nday; k++) {
				char title[128];
				tl_day *d = &st->days[p->day0 + k];
				h->format_time(st->s, &d->date, BP_FMT_DATE_LONG, title,
				               sizeof title);
				h->add_anchor(st->s, (int)pi, p->head_y, d->anchor, title, 2);
			}
		} else if (nmonth > 0) {
			p->tbc0 = m;
			p->tbc1 = m + cap_page < nmonth ? m + cap_page : nmonth;
			m = p->tbc1;
			p->tbc_y = st->zone_h;
			p->tbc_h = tbc_head + (p->tbc1 - p->tbc0) * row_h + 2 * st->pad;
			p->legend_y = H - st->legend_h + gap;
		}
	}
	free(first);
	return (int)npage;
}
