/*
 * test_timeline.c — the timeline's unit tests: lane assignment, hour
 * fitting, day pagination and list flow (plan.c, compiled in), contrast,
 * and layout + drawing through a mock host on an unclipped recording
 * surface: nothing outside the frame, no box over another, every event
 * placed once.  The end-to-end cases through briefpack are in
 * test_render.c.
 */
#include "bptest.h"
#include "mock_host.h"
#include "plan.h"
#include "timeline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TCase *render_cases(Suite *s); /* test_render.c */

/* ---- lanes ------------------------------------------------------- */

static int depth_at(const tl_lane_in *v, size_t n, int64_t t)
{
	int d = 0;
	for (size_t i = 0; i < n; i++)
		d += v[i].a <= t && t < (v[i].b > v[i].a ? v[i].b : v[i].a + 1);
	return d;
}

START_TEST(lanes_touching_share)
{
	tl_lane_in v[] = {{.a = 0, .b = 10}, {.a = 10, .b = 20}, {.a = 20, .b = 30}};
	ck_assert_int_eq(tl_assign_lanes(v, 3), 1);
	for (int i = 0; i < 3; i++) {
		ck_assert_int_eq(v[i].lane, 0);
		ck_assert_int_eq(v[i].lanes, 1);
	}
}
END_TEST

START_TEST(lanes_eight_at_once)
{
	tl_lane_in v[8];
	for (int i = 0; i < 8; i++)
		v[i] = (tl_lane_in){.a = 600 + 5 * i, .b = 720};
	ck_assert_int_eq(tl_assign_lanes(v, 8), 8);
	for (int i = 0; i < 8; i++) {
		ck_assert_int_eq(v[i].lane, i);
		ck_assert_int_eq(v[i].lanes, 8);
		ck_assert_int_eq(v[i].span, 1);
	}
}
END_TEST

START_TEST(lanes_stable_ties)
{
	/* Equal intervals keep the order given; a later cluster starts over
	 * with one lane of full width. */
	tl_lane_in v[] = {
	        {.a = 0, .b = 60}, {.a = 0, .b = 60}, {.a = 0, .b = 60}, {.a = 100, .b = 160}};
	ck_assert_int_eq(tl_assign_lanes(v, 4), 3);
	ck_assert_int_eq(v[0].lane, 0);
	ck_assert_int_eq(v[1].lane, 1);
	ck_assert_int_eq(v[2].lane, 2);
	ck_assert_int_eq(v[3].lane, 0);
	ck_assert_int_eq(v[3].lanes, 1);
}
END_TEST

START_TEST(lanes_unsorted_input_and_span)
{
	/* Given out of order: sorted by start inside.  [0,30) lane 0,
	 * [0,120) lane 1, [40,80) reuses lane 0 and may not widen (lane 1 is
	 * busy); [130,140) is alone. */
	tl_lane_in v[] = {
	        {.a = 40, .b = 80}, {.a = 0, .b = 30}, {.a = 0, .b = 120}, {.a = 130, .b = 140}};
	ck_assert_int_eq(tl_assign_lanes(v, 4), 2);
	ck_assert_int_eq(v[1].lane, 0);
	ck_assert_int_eq(v[2].lane, 1);
	ck_assert_int_eq(v[0].lane, 0);
	ck_assert_int_eq(v[0].span, 1);
	ck_assert_int_eq(v[3].lanes, 1);
	/* The lowest free lane, whichever side the busy one is on. */
	tl_lane_in w[] = {{.a = 0, .b = 20}, {.a = 0, .b = 100}, {.a = 30, .b = 40}};
	tl_assign_lanes(w, 3);
	ck_assert_int_eq(w[0].lane, 0);
	ck_assert_int_eq(w[1].lane, 1);
	ck_assert_int_eq(w[2].lane, 0);
	tl_lane_in x[] = {{.a = 0, .b = 100}, {.a = 0, .b = 20}, {.a = 50, .b = 60}};
	tl_assign_lanes(x, 3);
	ck_assert_int_eq(x[2].lane, 1);
	ck_assert_int_eq(x[2].span, 1);
	tl_lane_in y[] = {{.a = 0, .b = 20},
	                  {.a = 0, .b = 20},
	                  {.a = 0, .b = 20},
	                  {.a = 30, .b = 50},
	                  {.a = 0, .b = 50}};
	/* [30,50) takes lane 0 and can widen over lane 1 (free then) but not
	 * lane 2... lane 3 holds [0,50). */
	ck_assert_int_eq(tl_assign_lanes(y, 5), 4);
	ck_assert_int_eq(y[4].lane, 3);
	ck_assert_int_eq(y[3].lane, 0);
	ck_assert_int_eq(y[3].span, 3);
}
END_TEST

START_TEST(lanes_random_minimal)
{
	/* Against brute force: lanes == the deepest overlap, overlapping
	 * intervals never share a lane, widened boxes never cover another,
	 * and the same input gives the same answer. */
	unsigned seed = 12345;
	for (int trial = 0; trial < 400; trial++) {
		size_t n = 1 + trial % 30;
		tl_lane_in v[30], w[30];
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			int64_t a = (seed >> 8) % 200;
			seed = seed * 1103515245u + 12345u;
			v[i] = (tl_lane_in){.a = a, .b = a + (int64_t)((seed >> 8) % 60)};
		}
		memcpy(w, v, sizeof v);
		int lanes = tl_assign_lanes(v, n);
		int deepest = 0;
		for (size_t i = 0; i < n; i++) {
			int d = depth_at(v, n, v[i].a);
			deepest = d > deepest ? d : deepest;
		}
		ck_assert_int_eq(lanes, deepest);
		tl_assign_lanes(w, n);
		for (size_t i = 0; i < n; i++) {
			ck_assert_int_eq(v[i].lane, w[i].lane);
			ck_assert_int_lt(v[i].lane + v[i].span - 1, v[i].lanes);
			for (size_t j = 0; j < n; j++) {
				int64_t ei = v[i].b > v[i].a ? v[i].b : v[i].a + 1;
				int64_t ej = v[j].b > v[j].a ? v[j].b : v[j].a + 1;
				if (i == j || !(v[i].a < ej && v[j].a < ei))
					continue;
				ck_assert_int_ne(v[i].lane, v[j].lane);
				/* Widened ranges of overlapping boxes are disjoint. */
				int i0 = v[i].lane, i1 = v[i].lane + v[i].span;
				int j0 = v[j].lane, j1 = v[j].lane + v[j].span;
				ck_assert(i1 <= j0 || j1 <= i0);
			}
		}
	}
}
END_TEST

START_TEST(lanes_empty)
{
	ck_assert_int_eq(tl_assign_lanes(NULL, 0), 0);
}
END_TEST

/* ---- hours ------------------------------------------------------- */

START_TEST(hours_fit)
{
	int f, t;
	tl_fit_hours(NULL, NULL, 0, 6, &f, &t);
	ck_assert_int_eq(f, 9);
	ck_assert_int_eq(t, 18);
	int a1[] = {600}, b1[] = {660};
	tl_fit_hours(a1, b1, 1, 6, &f, &t);
	ck_assert_int_eq(f, 8);
	ck_assert_int_eq(t, 14);
	int a2[] = {450, 900}, b2[] = {500, 1155};
	tl_fit_hours(a2, b2, 2, 6, &f, &t);
	ck_assert_int_eq(f, 7);
	ck_assert_int_eq(t, 20);
	int a3[] = {1200}, b3[] = {1440};
	tl_fit_hours(a3, b3, 1, 6, &f, &t);
	ck_assert_int_eq(f, 18);
	ck_assert_int_eq(t, 24);
	int a4[] = {0}, b4[] = {30};
	tl_fit_hours(a4, b4, 1, 6, &f, &t);
	ck_assert_int_eq(f, 0);
	ck_assert_int_eq(t, 6);
	int a5[] = {540}, b5[] = {540}; /* a point at 09:00 */
	tl_fit_hours(a5, b5, 1, 1, &f, &t);
	ck_assert_int_eq(f, 9);
	ck_assert_int_eq(t, 10);
}
END_TEST

/* ---- pages ------------------------------------------------------- */

START_TEST(pages_balanced)
{
	double need[11];
	size_t first[11];
	for (int i = 0; i < 11; i++)
		need[i] = 50;
	ck_assert_uint_eq(tl_paginate_days(need, NULL, 11, 260, 0, first), 3);
	ck_assert_uint_eq(first[0], 0);
	ck_assert_uint_eq(first[1], 4);
	ck_assert_uint_eq(first[2], 8);
	/* Fixed: exactly as asked, 5 + 5 + 1. */
	ck_assert_uint_eq(tl_paginate_days(need, NULL, 11, 260, 5, first), 3);
	ck_assert_uint_eq(first[1], 5);
	ck_assert_uint_eq(first[2], 10);
	ck_assert_uint_eq(tl_paginate_days(need, NULL, 0, 260, 0, first), 0);
}
END_TEST

START_TEST(pages_breaks_and_wide_days)
{
	double need[6] = {50, 50, 400, 50, 50, 50};
	int brk[6] = {0, 0, 0, 0, 0, 1};
	size_t first[6];
	/* Day 2 needs more than the page: alone; day 5 starts a page. */
	size_t n = tl_paginate_days(need, brk, 6, 300, 0, first);
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(first[0], 0);
	ck_assert_uint_eq(first[1], 2);
	ck_assert_uint_eq(first[2], 3);
	ck_assert_uint_eq(first[3], 5);
}
END_TEST

/* ---- flow -------------------------------------------------------- */

START_TEST(flow_keeps_headings_and_continues)
{
	tl_flow_in v[6] = {
	        {.h = 20, .heading = 1, .cont_h = 25},
	        {.h = 40},
	        {.h = 40},
	        {.h = 20, .heading = 1, .cont_h = 25}, /* would end page 0: moves */
	        {.h = 40},
	        {.h = 60},
	};
	int pages = tl_flow(v, 6, 130);
	ck_assert_int_eq(pages, 2);
	ck_assert_int_eq(v[2].page, 0);
	ck_assert_int_eq(v[3].page, 1);
	ck_assert(v[3].y == 0);
	ck_assert_int_eq(v[4].page, 1);
	ck_assert_int_eq(v[5].page, 1); /* 20 + 40 + 60 = 120 fits */
	ck_assert_int_eq(v[5].cont_above, 0);
	tl_flow_in w[4] = {{.h = 20, .heading = 1, .cont_h = 25}, {.h = 60}, {.h = 60}, {.h = 60}};
	pages = tl_flow(w, 4, 130);
	ck_assert_int_eq(pages, 3);
	ck_assert_int_eq(w[2].page, 1);
	ck_assert_int_eq(w[2].cont_above, 1);
	ck_assert(w[2].y == 25); /* under the "(continued)" heading */
	ck_assert_int_eq(w[3].page, 2);
	ck_assert_int_eq(w[3].cont_above, 1);
	ck_assert(w[3].y == 25);
}
END_TEST

/* ---- colour ------------------------------------------------------ */

START_TEST(colour_contrast)
{
	ck_assert(tl_dark_text_on(0.95, 0.82, 0.42));  /* yellow: black */
	ck_assert(!tl_dark_text_on(0.12, 0.31, 0.47)); /* #1F4E79: white */
	ck_assert(!tl_dark_text_on(0.56, 0.23, 0.27)); /* #8E3B46: white */
	ck_assert(tl_dark_text_on(1, 1, 1));
	ck_assert(!tl_dark_text_on(0, 0, 0));
	int y, m, d;
	tl_civil_from_days(20370, &y, &m, &d);
	ck_assert_int_eq(y, 2025);
	ck_assert_int_eq(m, 10);
	ck_assert_int_eq(d, 9);
}
END_TEST

/* ---- frame: layout and drawing through the mock host --------------- */

#define OFF   (5 * 3600)
#define MAXEV 64

typedef struct fixture {
	bp_track tracks[3];
	const bp_track *track_ptrs[3];
	bp_event ev[MAXEV];
	const bp_event *ev_ptrs[MAXEV];
	char titles[MAXEV][200];
	bp_dossier d;
} fixture;

static bp_event *add(fixture *f, const char *title, bp_time a, bp_time b, int track,
                     bp_status status)
{
	size_t i = f->d.n_events++;
	bp_event *e = &f->ev[i];
	memset(e, 0, sizeof *e);
	e->size = sizeof *e;
	snprintf(f->titles[i], sizeof f->titles[i], "%s", title);
	char *id = malloc(16);
	snprintf(id, 16, "e%zu", i);
	e->id = id;
	e->title = f->titles[i];
	e->track = track >= 0 ? &f->tracks[track] : NULL;
	e->start = a;
	e->end = b;
	e->status = status;
	e->venue = i % 2 ? "Palace of Nations, the great hall on the second floor" : NULL;
	e->index = i;
	f->ev_ptrs[i] = e;
	return e;
}

#define T(d, h, m) mock_time(2025, 10, d, h, m, BP_PREC_TIME, OFF)
#define DAY(d)     mock_time(2025, 10, d, 0, 0, BP_PREC_DAY, OFF)
#define NONE       ((bp_time){0})

static void make_fixture(fixture *f)
{
	memset(f, 0, sizeof *f);
	const char *names[] = {"State visit", "Economy", "Culture"};
	for (int i = 0; i < 3; i++) {
		f->tracks[i] = (bp_track){.size = sizeof(bp_track),
		                          .id = names[i],
		                          .name = names[i],
		                          .has_color = i == 0,
		                          .color = {0.12, 0.31, 0.47},
		                          .index = (size_t)i};
		f->track_ptrs[i] = &f->tracks[i];
	}
	f->d = (bp_dossier){.size = sizeof(bp_dossier),
	                    .title = "Fixture",
	                    .timezone = "+05:00",
	                    .zone_label = "Zone, UTC+05:00",
	                    .tracks = f->track_ptrs,
	                    .n_tracks = 3,
	                    .events = f->ev_ptrs};
	/* Chronological, as the host hands them over. */
	add(f, "Early bird outside the axis", T(8, 6, 0), T(8, 6, 20), 1, BP_STATUS_CONFIRMED);
	for (int i = 0; i < 8; i++) {
		char t[64];
		snprintf(t, sizeof t, "Overlap %d with a fairly long title", i + 1);
		add(f, t, T(8, 10, 5 * i), T(8, 12, 0), i % 3,
		    i == 3   ? BP_STATUS_TENTATIVE
		    : i == 5 ? BP_STATUS_CANCELLED
		             : BP_STATUS_CONFIRMED);
	}
	add(f,
	    "A title of one hundred and fifty characters that must wrap inside its box and be "
	    "ellipsized when it cannot fit, and never leave the box at all!!",
	    T(8, 13, 0), T(8, 13, 10), 0, BP_STATUS_CONFIRMED);
	add(f, "Point at the very end of the day", T(8, 23, 59), NONE, 2, BP_STATUS_CONFIRMED);
	add(f, "Gala past midnight", T(8, 20, 0), T(9, 1, 0), 2, BP_STATUS_CONFIRMED);
	add(f, "All day on the 9th", DAY(9), NONE, 1, BP_STATUS_TENTATIVE);
	add(f, "Three days of exhibition", T(9, 10, 0), T(11, 18, 0), 1, BP_STATUS_CONFIRMED);
	add(f, "Российско-таджикские переговоры", T(9, 9, 0), T(9, 10, 30), 0, BP_STATUS_CONFIRMED);
	add(f, "中国代表团会谈", T(10, 9, 0), T(10, 9, 30), 0, BP_STATUS_CONFIRMED);
	add(f, "Two all-day days", DAY(10), DAY(11), -1, BP_STATUS_CONFIRMED);
	add(f, "Point at 07:00 before the axis", T(11, 7, 0), NONE, -1, BP_STATUS_CANCELLED);
	for (int i = 0; i < 30; i++) {
		char t[64];
		snprintf(t, sizeof t, "Month-only meeting number %d", i + 1);
		add(f, t, mock_time(2025, 12, 1, 0, 0, BP_PREC_MONTH, OFF), NONE, -1,
		    BP_STATUS_TENTATIVE);
	}
}

static void free_fixture(fixture *f)
{
	for (size_t i = 0; i < f->d.n_events; i++)
		free((char *)f->ev[i].id);
}

extern const bp_plugin briefpack_plugin_timeline;

/* Lays the fixture out and draws every page unclipped; checks ink. */
static void run_frame(const mock_opt *opts, double W, double H)
{
	fixture f;
	make_fixture(&f);
	bp_section s;
	mock_section_init(&s, &f.d, opts);
	const bp_plugin *p = &briefpack_plugin_timeline;
	tl_state *st = p->create(mock_host(), &s);
	ck_assert_msg(st != NULL, "create failed: %s", s.last_error);
	bp_frame fr = {.size = sizeof fr, .width = W, .height = H};
	int pages = p->layout(st, &fr);
	ck_assert_int_ge(pages, 1);
	ck_assert_int_eq(s.errors, 0);
	for (int pg = 0; pg < pages; pg++) {
		cairo_surface_t *rec =
		        cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
		cairo_t *cr = cairo_create(rec);
		ck_assert_int_eq(p->draw(st, cr, pg), 0);
		ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
		cairo_destroy(cr);
		double x, y, w, h;
		cairo_recording_surface_ink_extents(rec, &x, &y, &w, &h);
		if (getenv("TL_DUMP")) {
			/* Debugging aid: the page with a 20 pt margin round the frame. */
			cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
			                                                  (int)W + 40, (int)H + 40);
			cairo_t *c2 = cairo_create(img);
			cairo_set_source_rgb(c2, 1, 1, 1);
			cairo_paint(c2);
			cairo_set_source_rgb(c2, 1, 0, 0);
			cairo_rectangle(c2, 19.5, 19.5, W + 1, H + 1);
			cairo_set_line_width(c2, 1);
			cairo_stroke(c2);
			cairo_set_source_surface(c2, rec, 20, 20);
			cairo_paint(c2);
			char name[256];
			snprintf(name, sizeof name, "%s-%.0fx%.0f-%d.png", getenv("TL_DUMP"), W, H,
			         pg);
			cairo_surface_write_to_png(img, name);
			cairo_destroy(c2);
			cairo_surface_destroy(img);
		}
		cairo_surface_destroy(rec);
		/* Ink extents are whole points rounded outwards: any ink past the
		 * edge, however thin, shows as a whole point. */
		ck_assert_msg(x >= 0 && y >= 0 && x + w <= ceil(W) && y + h <= ceil(H),
		              "page %d ink %.1f,%.1f %.1fx%.1f leaves the frame %.0fx%.0f", pg, x,
		              y, w, h, W, H);
		ck_assert_msg(w > 10 && h > 10, "page %d is empty", pg);
	}
	if (!st->list) {
		/* Every item exactly once where its title is shown as text, and
		 * no two boxes of a day over each other. */
		int *seen = calloc(st->nitem, sizeof *seen);
		for (size_t pg = 0; pg < st->npage; pg++) {
			const tl_gpage *gp = &st->pages[pg];
			for (size_t i = 0; i < gp->nseg; i++) {
				const tl_seg *a = &gp->segs[i];
				if (a->first)
					seen[a->it - st->items]++;
				ck_assert(a->place.a >= st->from_min && a->place.b <= st->to_min);
				for (size_t j = 0; j < gp->nseg; j++) {
					const tl_seg *b = &gp->segs[j];
					if (i == j || a->day != b->day ||
					    a->place.a >= b->place.b || b->place.a >= a->place.b)
						continue;
					int a0 = a->place.lane, a1 = a0 + a->place.span;
					int b0 = b->place.lane, b1 = b0 + b->place.span;
					ck_assert_msg(a1 <= b0 || b1 <= a0,
					              "boxes %s and %s overlap", a->it->ev->title,
					              b->it->ev->title);
				}
			}
			for (size_t i = 0; i < gp->nbar; i++)
				if (gp->bars[i].first)
					seen[gp->bars[i].it - st->items]++;
			for (size_t i = gp->tbc0; i < gp->tbc1; i++)
				seen[st->months[i] - st->items]++;
		}
		for (size_t i = 0; i < st->nitem; i++)
			ck_assert_msg(seen[i] == 1, "%s shown %d times", st->items[i].ev->title,
			              seen[i]);
		free(seen);
	}
	p->destroy(st);
	mock_section_free(&s);
	free_fixture(&f);
}

static const mock_opt o_default[] = {{NULL, NULL}};
static const mock_opt o_hours[] = {{"hours", "[9, 18]"}, {NULL, NULL}};
static const mock_opt o_zone2[] = {{"second_timezone", "\"+03:00\""}, {NULL, NULL}};
static const mock_opt o_one[] = {{"days_per_page", "1"}, {"show_attendees", "true"}, {NULL, NULL}};
static const mock_opt o_list[] = {
        {"style", "\"list\""}, {"second_timezone", "\"-04:00\""}, {NULL, NULL}};
static const mock_opt o_tiny[] = {{"hours", "[11, 12]"}, {"days_per_page", "3"}, {NULL, NULL}};

START_TEST(frame_a4_portrait)
{
	run_frame(o_default, 510, 740);
	run_frame(o_hours, 510, 740);
	run_frame(o_zone2, 510, 740);
}
END_TEST

START_TEST(frame_landscape_and_small)
{
	run_frame(o_one, 770, 480);
	run_frame(o_default, 330, 480); /* A6-ish */
	run_frame(o_tiny, 330, 300);
	run_frame(o_list, 330, 480);
	run_frame(o_list, 770, 480);
}
END_TEST

START_TEST(frame_bad_options)
{
	fixture f;
	make_fixture(&f);
	bp_section s;
	static const mock_opt bad_zone[] = {{"second_timezone", "\"Mars/Olympus\""}, {NULL, NULL}};
	static const mock_opt bad_track[] = {{"tracks", "[\"Economy\", \"nope\"]"}, {NULL, NULL}};
	static const mock_opt bad_hours[] = {{"hours", "[18, 9]"}, {NULL, NULL}};
	static const mock_opt few_hours[] = {{"hours", "[9]"}, {NULL, NULL}};
	const mock_opt *bad[] = {bad_zone, bad_track, bad_hours, few_hours};
	const char *says[] = {"Mars/Olympus", "\"nope\"", "[18, 9]", "two hours"};
	for (int i = 0; i < 4; i++) {
		mock_section_init(&s, &f.d, bad[i]);
		void *st = briefpack_plugin_timeline.create(mock_host(), &s);
		ck_assert_ptr_null(st);
		ck_assert_int_eq(s.errors, 1);
		ck_assert_msg(strstr(s.last_error, says[i]), "error '%s' lacks '%s'", s.last_error,
		              says[i]);
		mock_section_free(&s);
	}
	/* tracks filters: only Economy, and the events without a track go. */
	static const mock_opt eco[] = {{"tracks", "[\"Economy\"]"}, {NULL, NULL}};
	mock_section_init(&s, &f.d, eco);
	tl_state *st = briefpack_plugin_timeline.create(mock_host(), &s);
	ck_assert_ptr_nonnull(st);
	for (size_t i = 0; i < st->nitem; i++)
		ck_assert_str_eq(st->items[i].ev->track->id, "Economy");
	ck_assert_uint_gt(st->nitem, 2);
	briefpack_plugin_timeline.destroy(st);
	mock_section_free(&s);
	free_fixture(&f);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("timeline");
	TCase *tc = tcase_create("lanes");
	tcase_add_test(tc, lanes_touching_share);
	tcase_add_test(tc, lanes_eight_at_once);
	tcase_add_test(tc, lanes_stable_ties);
	tcase_add_test(tc, lanes_unsorted_input_and_span);
	tcase_add_test(tc, lanes_random_minimal);
	tcase_add_test(tc, lanes_empty);
	suite_add_tcase(s, tc);
	tc = tcase_create("hours");
	tcase_add_test(tc, hours_fit);
	suite_add_tcase(s, tc);
	tc = tcase_create("pages");
	tcase_add_test(tc, pages_balanced);
	tcase_add_test(tc, pages_breaks_and_wide_days);
	suite_add_tcase(s, tc);
	tc = tcase_create("flow");
	tcase_add_test(tc, flow_keeps_headings_and_continues);
	suite_add_tcase(s, tc);
	tc = tcase_create("colour");
	tcase_add_test(tc, colour_contrast);
	suite_add_tcase(s, tc);
	tc = tcase_create("frame");
	tcase_add_test(tc, frame_a4_portrait);
	tcase_add_test(tc, frame_landscape_and_small);
	tcase_add_test(tc, frame_bad_options);
	suite_add_tcase(s, tc);
	render_cases(s);
	return s;
}

int main(void)
{
	return bpt_main(make_suite);
}
