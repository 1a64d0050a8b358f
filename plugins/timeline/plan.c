/*
 * plan.c — see plan.h.  Pure arithmetic: no cairo, no host, no globals.
 */
#include "plan.h"

#include <math.h>
#include <stdlib.h>

typedef struct order {
	int64_t a;
	size_t i;
} order;

/* Start first, then the order given: qsort is not stable, the index is. */
static int by_start(const void *x, const void *y)
{
	const order *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

static int64_t end_of(const tl_lane_in *v)
{
	return v->b > v->a ? v->b : v->a + 1;
}

static int overlaps(const tl_lane_in *p, const tl_lane_in *q)
{
	return p->a < end_of(q) && q->a < end_of(p);
}

/* Lanes of one cluster sorted[c0..c1), all of whose lanes are < lanes. */
static void finish_cluster(tl_lane_in *v, const order *sorted, size_t c0, size_t c1, int lanes)
{
	for (size_t k = c0; k < c1; k++) {
		tl_lane_in *p = &v[sorted[k].i];
		p->lanes = lanes;
		p->span = 1;
		for (int l = p->lane + 1; l < lanes; l++) {
			int free = 1;
			for (size_t m = c0; m < c1 && free; m++) {
				const tl_lane_in *q = &v[sorted[m].i];
				if (q->lane == l && overlaps(p, q))
					free = 0;
			}
			if (!free)
				break;
			p->span++;
		}
	}
}

int tl_assign_lanes(tl_lane_in *v, size_t n)
{
	if (n == 0)
		return 0;
	order *sorted = malloc(n * sizeof *sorted);
	int64_t *lane_end = malloc(n * sizeof *lane_end);
	if (!sorted || !lane_end) {
		/* Out of memory: everything in lane 0 of its own width. */
		for (size_t i = 0; i < n; i++)
			v[i].lane = 0, v[i].lanes = 1, v[i].span = 1;
		free(sorted);
		free(lane_end);
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		sorted[i] = (order){v[i].a, i};
	qsort(sorted, n, sizeof *sorted, by_start);

	int used = 0, cluster_lanes = 0, widest = 0;
	int64_t reach = INT64_MIN; /* latest end in the current cluster */
	size_t c0 = 0;
	for (size_t k = 0; k < n; k++) {
		tl_lane_in *p = &v[sorted[k].i];
		if (k > 0 && p->a >= reach) {
			/* Nothing open: a new cluster starts with all lanes free. */
			finish_cluster(v, sorted, c0, k, cluster_lanes);
			c0 = k;
			used = 0;
			cluster_lanes = 0;
		}
		int lane = 0;
		while (lane < used && lane_end[lane] > p->a)
			lane++;
		if (lane == used)
			used++;
		lane_end[lane] = end_of(p);
		p->lane = lane;
		if (lane + 1 > cluster_lanes)
			cluster_lanes = lane + 1;
		if (cluster_lanes > widest)
			widest = cluster_lanes;
		if (k == c0 || end_of(p) > reach)
			reach = end_of(p);
	}
	finish_cluster(v, sorted, c0, n, cluster_lanes);
	free(sorted);
	free(lane_end);
	return widest;
}

void tl_fit_hours(const int *a, const int *b, size_t n, int min_span, int *from, int *to)
{
	int lo = 9 * 60, hi = 18 * 60;
	if (n > 0) {
		lo = 1440, hi = 0;
		for (size_t i = 0; i < n; i++) {
			int s = a[i] < b[i] ? a[i] : b[i], e = a[i] < b[i] ? b[i] : a[i];
			if (s < lo)
				lo = s;
			if (e > hi)
				hi = e;
		}
	}
	if (lo < 0)
		lo = 0;
	if (hi > 1440)
		hi = 1440;
	int f = lo / 60, t = (hi + 59) / 60;
	if (t <= f)
		t = f + 1;
	if (min_span > 24)
		min_span = 24;
	/* Widen by alternating ends: later first, as days run late more often
	 * than they start early. */
	for (int late = 1; t - f < min_span; late = !late) {
		if (late && t < 24)
			t++;
		else if (!late && f > 0)
			f--;
		else if (t < 24)
			t++;
		else
			f--;
	}
	*from = f;
	*to = t;
}

static size_t greedy_pages(const double *need, const int *brk, size_t n, double avail, int fixed,
                           size_t cap, size_t *first)
{
	size_t pages = 0, i = 0;
	while (i < n) {
		first[pages++] = i;
		size_t j = i, count = 1;
		double widest = need[i];
		while (j + 1 < n && !(brk && brk[j + 1]) && count < cap) {
			if (fixed > 0) {
				if (count >= (size_t)fixed)
					break;
			} else {
				double w = need[j + 1] > widest ? need[j + 1] : widest;
				if ((double)(count + 1) * w > avail)
					break;
				widest = w;
			}
			j++;
			count++;
		}
		i = j + 1;
	}
	return pages;
}

size_t tl_paginate_days(const double *need, const int *brk, size_t n, double avail, int fixed,
                        size_t *first)
{
	if (n == 0)
		return 0;
	size_t pages = greedy_pages(need, brk, n, avail, fixed, n, first);
	if (fixed > 0)
		return pages; /* the user asked for exactly that many */
	for (size_t cap = 1; cap < n; cap++) {
		if (greedy_pages(need, brk, n, avail, fixed, cap, first) == pages)
			return pages;
	}
	return greedy_pages(need, brk, n, avail, fixed, n, first);
}

int tl_flow(tl_flow_in *v, size_t n, double avail)
{
	int page = 0;
	double y = 0, group_cont = 0;
	int in_group = 0;
	for (size_t i = 0; i < n; i++) {
		tl_flow_in *p = &v[i];
		p->cont_above = 0;
		if (p->heading) {
			/* Keep the heading with its first row. */
			double need = p->h;
			if (i + 1 < n && !v[i + 1].heading)
				need += v[i + 1].h;
			if (y > 0 && y + need > avail) {
				page++;
				y = 0;
			}
			in_group = 1;
			group_cont = p->cont_h;
		} else if (y > 0 && y + p->h > avail) {
			page++;
			y = 0;
			if (in_group) {
				y = group_cont;
				p->cont_above = 1;
			}
		}
		p->page = page;
		p->y = y;
		y += p->h;
	}
	return page + 1;
}

void tl_civil_from_days(int64_t days, int *y, int *m, int *d)
{
	/* Howard Hinnant's days-to-civil: eras of 400 years from 0000-03-01. */
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t dd = doy - (153 * mp + 2) / 5 + 1;
	int64_t mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

static double linear(double c)
{
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double tl_luminance(double r, double g, double b)
{
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

int tl_dark_text_on(double r, double g, double b)
{
	double l = tl_luminance(r, g, b);
	return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05);
}
