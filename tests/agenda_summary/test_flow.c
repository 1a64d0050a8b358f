/*
 * test_flow.c — unit tests of agenda_summary's page-flow engine (flow.c is
 * compiled in): exact placements for each typesetting rule, then a
 * property test over many random documents.
 */
#include "../../plugins/agenda_summary/flow.h"
#include "test_agenda_summary.h"

#include <check.h>
#include <stdlib.h>

static const double L10[200] = {
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
static const double H8[1] = {8};

static fl_block para(size_t n, double sb)
{
	fl_block b = {
	        .space_before = sb, .lines = L10, .n_lines = n, .owner = {-1, -1}, .opens = -1};
	return b;
}

static fl_block heading(double sb)
{
	fl_block b = {.space_before = sb,
	              .lines = H8,
	              .n_lines = 1,
	              .flags = FL_KEEP_NEXT,
	              .owner = {-1, -1},
	              .opens = -1};
	return b;
}

/* The i-th piece that is a run of block b's lines. */
static const fl_piece *run(const fl_result *r, size_t b, int nth)
{
	for (size_t i = 0; i < r->n_pieces; i++)
		if (r->pieces[i].cont_level < 0 && r->pieces[i].block == b && nth-- == 0)
			return &r->pieces[i];
	return NULL;
}

START_TEST(flow_fits_one_page)
{
	fl_block b[3] = {para(2, 5), heading(6), para(3, 4)};
	fl_result r;
	ck_assert_int_eq(fl_flow(b, 3, 100, NULL, NULL, &r), 0);
	ck_assert_int_eq(r.pages, 1);
	ck_assert_uint_eq(r.n_pieces, 3);
	ck_assert_double_eq(run(&r, 0, 0)->y, 0); /* space dropped at the top */
	ck_assert_double_eq(run(&r, 1, 0)->y, 26);
	ck_assert_double_eq(run(&r, 2, 0)->y, 38);
	ck_assert_double_eq(run(&r, 2, 0)->height, 30);
	fl_result_free(&r);
}
END_TEST

START_TEST(flow_heading_keeps_with_two_lines)
{
	/* 90 points used; heading 8 + two lines 20 = 118 > 100: moves. */
	fl_block b[3] = {para(9, 0), heading(0), para(5, 0)};
	fl_result r;
	ck_assert_int_eq(fl_flow(b, 3, 100, NULL, NULL, &r), 0);
	ck_assert_int_eq(r.pages, 2);
	ck_assert_int_eq(run(&r, 1, 0)->page, 1);
	ck_assert_double_eq(run(&r, 1, 0)->y, 0);
	ck_assert_int_eq(run(&r, 2, 0)->page, 1);
	ck_assert_uint_eq(run(&r, 2, 0)->count, 5);
	fl_result_free(&r);

	/* Page of 118: exactly room for heading + two lines; the rest (3)
	 * goes over. */
	ck_assert_int_eq(fl_flow(b, 3, 118, NULL, NULL, &r), 0);
	ck_assert_int_eq(run(&r, 1, 0)->page, 0);
	ck_assert_uint_eq(run(&r, 2, 0)->count, 2);
	ck_assert_int_eq(run(&r, 2, 1)->page, 1);
	ck_assert_uint_eq(run(&r, 2, 1)->first, 2);
	ck_assert_uint_eq(run(&r, 2, 1)->count, 3);
	fl_result_free(&r);

	/* One point less: the heading goes with its paragraph. */
	ck_assert_int_eq(fl_flow(b, 3, 117, NULL, NULL, &r), 0);
	ck_assert_int_eq(run(&r, 1, 0)->page, 1);
	fl_result_free(&r);
}
END_TEST

START_TEST(flow_heading_before_short_paragraph)
{
	/* A 3-line paragraph cannot split, so the heading needs all three. */
	fl_block b[3] = {para(7, 0), heading(0), para(3, 0)};
	fl_result r;
	ck_assert_int_eq(fl_flow(b, 3, 105, NULL, NULL, &r), 0); /* 70+8+30 = 108 */
	ck_assert_int_eq(run(&r, 1, 0)->page, 1);
	ck_assert_int_eq(run(&r, 2, 0)->page, 1);
	fl_result_free(&r);
}
END_TEST

START_TEST(flow_heading_chain)
{
	/* Group heading + event heading + paragraph: the whole chain moves. */
	fl_block b[4] = {para(8, 0), heading(0), heading(0), para(6, 0)};
	fl_result r;
	ck_assert_int_eq(fl_flow(b, 4, 110, NULL, NULL, &r), 0); /* 80+8+8+20 = 116 */
	ck_assert_int_eq(run(&r, 1, 0)->page, 1);
	ck_assert_int_eq(run(&r, 2, 0)->page, 1);
	fl_result_free(&r);
	ck_assert_int_eq(fl_flow(b, 4, 116, NULL, NULL, &r), 0);
	ck_assert_int_eq(run(&r, 1, 0)->page, 0);
	ck_assert_int_eq(run(&r, 2, 0)->page, 0);
	ck_assert_uint_eq(run(&r, 3, 0)->count, 2);
	fl_result_free(&r);
}
END_TEST

START_TEST(flow_widow_and_orphan)
{
	fl_result r;
	/* 4 of 5 lines fit: 3 go, so that 2 follow (no widow). */
	fl_block w[2] = {para(6, 0), para(5, 0)};
	ck_assert_int_eq(fl_flow(w, 2, 100, NULL, NULL, &r), 0);
	ck_assert_uint_eq(run(&r, 1, 0)->count, 3);
	ck_assert_uint_eq(run(&r, 1, 1)->count, 2);
	fl_result_free(&r);
	/* 1 of 5 fits: no orphan, the paragraph moves whole. */
	fl_block o[2] = {para(9, 0), para(5, 0)};
	ck_assert_int_eq(fl_flow(o, 2, 100, NULL, NULL, &r), 0);
	ck_assert_int_eq(run(&r, 1, 0)->page, 1);
	ck_assert_uint_eq(run(&r, 1, 0)->count, 5);
	fl_result_free(&r);
	/* 2 of 4 fit: a legal 2 + 2 split. */
	fl_block s[2] = {para(8, 0), para(4, 0)};
	ck_assert_int_eq(fl_flow(s, 2, 100, NULL, NULL, &r), 0);
	ck_assert_uint_eq(run(&r, 1, 0)->count, 2);
	ck_assert_int_eq(run(&r, 1, 0)->page, 0);
	ck_assert_uint_eq(run(&r, 1, 1)->count, 2);
	fl_result_free(&r);
	/* Keep-together blocks never split. */
	s[1].flags = FL_KEEP_TOGETHER;
	ck_assert_int_eq(fl_flow(s, 2, 100, NULL, NULL, &r), 0);
	ck_assert_int_eq(run(&r, 1, 0)->page, 1);
	ck_assert_uint_eq(run(&r, 1, 0)->count, 4);
	fl_result_free(&r);
}
END_TEST

START_TEST(flow_long_paragraph)
{
	/* 195 lines on pages of 10: flows over 20 pages, none over-full, the
	 * last page keeps at least two lines. */
	fl_block b[1] = {para(195, 0)};
	fl_result r;
	ck_assert_int_eq(fl_flow(b, 1, 100, NULL, NULL, &r), 0);
	ck_assert_int_eq(r.pages, 20);
	size_t total = 0;
	for (size_t i = 0; i < r.n_pieces; i++) {
		ck_assert_int_eq(r.pieces[i].page, (int)i);
		ck_assert_uint_eq(r.pieces[i].first, total);
		ck_assert_double_le(r.pieces[i].y + r.pieces[i].height, 100);
		total += r.pieces[i].count;
	}
	ck_assert_uint_eq(total, 195);
	ck_assert_uint_ge(r.pieces[r.n_pieces - 1].count, FL_MIN_LINES);
	fl_result_free(&r);
}
END_TEST

static double cont_h(void *ctx, int level, int id)
{
	(void)ctx;
	(void)id;
	return level == 0 ? 12 : 7;
}

START_TEST(flow_continued_headings)
{
	/* Group 3 heading, event 5 heading, a paragraph of 20 lines: pages 2
	 * and 3 start with "continued" for the group, then for the event. */
	fl_block b[4] = {heading(0), heading(0), para(20, 0), heading(0)};
	b[0].owner[0] = 3, b[0].opens = 0;
	b[1].owner[0] = 3, b[1].owner[1] = 5, b[1].opens = 1;
	b[2].owner[0] = 3, b[2].owner[1] = 5;
	b[3].owner[0] = 3, b[3].owner[1] = 6, b[3].opens = 1; /* next event */
	fl_block tail = para(2, 0);
	tail.owner[0] = 3, tail.owner[1] = 6;
	fl_block all[5] = {b[0], b[1], b[2], b[3], tail};
	fl_result r;
	ck_assert_int_eq(fl_flow(all, 5, 100, cont_h, NULL, &r), 0);
	ck_assert_int_eq(r.pages, 3);
	/* Page 0: 8 + 8 + 8 lines (80) = 96; page 1: 12 + 7 + 8 lines. */
	ck_assert_uint_eq(run(&r, 2, 0)->count, 8);
	int conts = 0;
	for (size_t i = 0; i < r.n_pieces; i++) {
		const fl_piece *p = &r.pieces[i];
		if (p->cont_level < 0)
			continue;
		conts++;
		ck_assert_int_ge(p->page, 1);
		ck_assert_int_eq(p->cont_id, p->cont_level == 0 ? 3 : 5);
		ck_assert_double_eq(p->y, p->cont_level == 0 ? 0 : 12);
	}
	ck_assert_int_eq(conts, 4);
	ck_assert_double_eq(run(&r, 2, 1)->y, 19);
	ck_assert_uint_eq(run(&r, 2, 1)->count, 8);
	/* Page 2: the paragraph's last 4 lines after both "continued"s, then
	 * the next event — which gets no "continued" of its own. */
	ck_assert_int_eq(run(&r, 3, 0)->page, 2);
	fl_result_free(&r);
}
END_TEST

START_TEST(flow_break_before)
{
	fl_block b[3] = {para(2, 0), heading(0), para(2, 0)};
	b[0].flags = FL_BREAK_BEFORE; /* first on a page already: no break */
	b[1].flags |= FL_BREAK_BEFORE;
	fl_result r;
	ck_assert_int_eq(fl_flow(b, 3, 100, NULL, NULL, &r), 0);
	ck_assert_int_eq(r.pages, 2);
	ck_assert_int_eq(run(&r, 0, 0)->page, 0);
	ck_assert_int_eq(run(&r, 1, 0)->page, 1);
	ck_assert_double_eq(run(&r, 1, 0)->y, 0);
	fl_result_free(&r);
}
END_TEST

/* A small deterministic generator: the property test must not depend on
 * the C library's rand(). */
static unsigned lcg(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 8) & 0xffff;
}

START_TEST(flow_random_documents_keep_rules)
{
	static double heights[4000];
	unsigned seed = 42;
	for (size_t i = 0; i < 4000; i++)
		heights[i] = 9 + (double)(lcg(&seed) % 5);
	for (int doc = 0; doc < 300; doc++) {
		fl_block b[40];
		size_t n = 5 + lcg(&seed) % 35, off = 0;
		for (size_t i = 0; i < n; i++) {
			int kind = lcg(&seed) % 3;
			size_t lines = kind == 0 ? 1 : 1 + lcg(&seed) % (kind == 1 ? 6 : 40);
			b[i] = (fl_block){.space_before = lcg(&seed) % 8,
			                  .lines = heights + off,
			                  .n_lines = lines,
			                  .flags = kind == 0 && i + 1 < n ? FL_KEEP_NEXT : 0,
			                  .owner = {-1, -1},
			                  .opens = -1};
			off += lines;
		}
		double page = 120 + lcg(&seed) % 200;
		fl_result r;
		ck_assert_int_eq(fl_flow(b, n, page, NULL, NULL, &r), 0);
		size_t next_block = 0, next_line = 0;
		for (size_t i = 0; i < r.n_pieces; i++) {
			const fl_piece *p = &r.pieces[i];
			/* In order, every line once. */
			ck_assert_uint_eq(p->block, next_block);
			ck_assert_uint_eq(p->first, next_line);
			next_line += p->count;
			if (next_line == b[p->block].n_lines)
				next_block++, next_line = 0;
			ck_assert_double_le(p->y + p->height, page + 0.01);
			const fl_block *pb = &b[p->block];
			int split = p->count < pb->n_lines;
			if (split) {
				ck_assert_uint_ge(p->count, FL_MIN_LINES);
				ck_assert(!(pb->flags & FL_KEEP_NEXT));
			}
			/* A heading is followed on its page by the first piece
			 * of the next block. */
			if (pb->flags & FL_KEEP_NEXT) {
				ck_assert_uint_lt(i + 1, r.n_pieces);
				ck_assert_int_eq(r.pieces[i + 1].page, p->page);
			}
			if (i + 1 < r.n_pieces && r.pieces[i + 1].page != p->page)
				ck_assert_int_eq(r.pieces[i + 1].page, p->page + 1);
		}
		ck_assert_uint_eq(next_block, n);
		fl_result_free(&r);
	}
}
END_TEST

TCase *flow_tcase(void)
{
	TCase *tc = tcase_create("flow");
	tcase_add_test(tc, flow_fits_one_page);
	tcase_add_test(tc, flow_heading_keeps_with_two_lines);
	tcase_add_test(tc, flow_heading_before_short_paragraph);
	tcase_add_test(tc, flow_heading_chain);
	tcase_add_test(tc, flow_widow_and_orphan);
	tcase_add_test(tc, flow_long_paragraph);
	tcase_add_test(tc, flow_continued_headings);
	tcase_add_test(tc, flow_break_before);
	tcase_add_test(tc, flow_random_documents_keep_rules);
	return tc;
}
