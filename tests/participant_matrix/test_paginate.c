/*
 * test_paginate.c — the pagination arithmetic (paginate.c): rows into
 * chunks, columns into bands, the page order, and the promise that every
 * (row, column) cell of a real model lands on exactly one page.
 */
#include "model.h"
#include "paginate.h"
#include "suites.h"
#include "tdossier.h"

#include <stdlib.h>
#include <string.h>

static size_t *chunks_of(const pm_item *it, size_t n, double cap, long *nc)
{
	size_t *s = NULL, bad = 0;
	*nc = pm_paginate_rows(it, n, cap, &s, &bad);
	ck_assert_int_gt(*nc, 0);
	return s;
}

START_TEST(rows_per_page)
{
	/* 10 rows of 10 in 35: 3, 3, 3, 1. */
	pm_item it[10];
	for (int i = 0; i < 10; i++)
		it[i] = (pm_item){.h = 10, .kind = PM_ITEM_ROW};
	long nc;
	size_t *s = chunks_of(it, 10, 35, &nc);
	ck_assert_int_eq(nc, 4);
	size_t want[] = {0, 3, 6, 9, 10};
	for (int k = 0; k <= 4; k++)
		ck_assert_uint_eq(s[k], want[k]);
	free(s);
	/* Exactly full pages: 30 fits 3 rows of 10. */
	s = chunks_of(it, 10, 30, &nc);
	ck_assert_int_eq(nc, 4);
	free(s);
	s = chunks_of(it, 10, 100, &nc);
	ck_assert_int_eq(nc, 1);
	free(s);
	/* Zero rows: one empty chunk. */
	s = chunks_of(it, 0, 100, &nc);
	ck_assert_int_eq(nc, 1);
	ck_assert_uint_eq(s[0], 0);
	ck_assert_uint_eq(s[1], 0);
	free(s);
}
END_TEST

/* Heading H then rows R: a heading never ends a chunk, and a chunk that
 * starts inside a group pays for the repeated heading. */
START_TEST(headings_keep_and_repeat)
{
	/* H R R | H R R R, cap 40, all 10 high, repeated heading 10. */
	pm_item it[7] = {
	        {10, 0, PM_ITEM_HEADING}, {10, 10, PM_ITEM_ROW}, {10, 10, PM_ITEM_ROW},
	        {10, 0, PM_ITEM_HEADING}, {10, 10, PM_ITEM_ROW}, {10, 10, PM_ITEM_ROW},
	        {10, 10, PM_ITEM_ROW},
	};
	long nc;
	size_t *s = chunks_of(it, 7, 40, &nc);
	/* Greedy would put H R R H on page 1: the heading moves on. Page 2:
	 * H R R R fits 40 exactly. */
	ck_assert_int_eq(nc, 2);
	ck_assert_uint_eq(s[1], 3);
	free(s);
	/* cap 30: [H R R] [H R R] [(H) R] — the last chunk starts with a row
	 * and pays 10 for the repeated heading. */
	s = chunks_of(it, 7, 30, &nc);
	ck_assert_int_eq(nc, 3);
	ck_assert_uint_eq(s[1], 3);
	ck_assert_uint_eq(s[2], 6);
	free(s);
	/* cap 25 with rows of 10 and heading 10: [H R] [(H) R] [H R] ... */
	s = chunks_of(it, 7, 25, &nc);
	for (long k = 0; k < nc; k++) {
		double used = it[s[k]].kind == PM_ITEM_ROW ? it[s[k]].cont : 0;
		for (size_t i = s[k]; i < s[k + 1]; i++)
			used += it[i].h;
		ck_assert(used <= 25);
		ck_assert(!(s[k + 1] < 7 && it[s[k + 1] - 1].kind == PM_ITEM_HEADING));
	}
	free(s);
	/* Impossible: a heading and its first row never fit. */
	size_t *none = NULL, bad = 99;
	ck_assert_int_eq(pm_paginate_rows(it, 7, 15, &none, &bad), -1);
	ck_assert_uint_eq(bad, 0);
}
END_TEST

START_TEST(totals_keep_with_last_row)
{
	pm_item it[5] = {
	        {10, 0, PM_ITEM_ROW}, {10, 0, PM_ITEM_ROW},   {10, 0, PM_ITEM_ROW},
	        {10, 0, PM_ITEM_ROW}, {10, 0, PM_ITEM_TOTAL},
	};
	long nc;
	/* cap 40: four rows fit, the total does not: it takes row 4 along. */
	size_t *s = chunks_of(it, 5, 40, &nc);
	ck_assert_int_eq(nc, 2);
	ck_assert_uint_eq(s[1], 3);
	free(s);
	s = chunks_of(it, 5, 50, &nc);
	ck_assert_int_eq(nc, 1);
	free(s);
}
END_TEST

/* Random item lists: every invariant on every chunk. */
START_TEST(rows_random)
{
	srand(4242);
	for (int round = 0; round < 500; round++) {
		size_t n = (size_t)(rand() % 60);
		pm_item it[64];
		double cont = 0;
		for (size_t i = 0; i < n; i++) {
			int heading = i == 0 || rand() % 5 == 0;
			double h = 8 + rand() % 3 * 6;
			if (heading)
				cont = h + rand() % 2 * 4;
			it[i] = (pm_item){h, heading ? 0 : cont,
			                  heading ? PM_ITEM_HEADING : PM_ITEM_ROW};
		}
		if (n && rand() % 2)
			it[n++] = (pm_item){10, 0, PM_ITEM_TOTAL};
		double cap = 60 + rand() % 100;
		size_t *s = NULL, bad;
		long nc = pm_paginate_rows(it, n, cap, &s, &bad);
		ck_assert_int_gt(nc, 0);
		ck_assert_uint_eq(s[0], 0);
		ck_assert_uint_eq(s[nc], n);
		for (long k = 0; k < nc; k++) {
			size_t a = s[k], b = s[k + 1];
			ck_assert(b > a || n == 0);
			double used = a < n && it[a].kind == PM_ITEM_ROW ? it[a].cont : 0;
			for (size_t i = a; i < b; i++)
				used += it[i].h;
			ck_assert_msg(used <= cap + 1e-9, "round %d chunk %ld: %g > %g", round, k,
			              used, cap);
			/* Never a heading alone at the bottom, never a total on top. */
			if (b < n)
				ck_assert(!(it[b - 1].kind == PM_ITEM_HEADING &&
				            it[b].kind == PM_ITEM_ROW));
			ck_assert(n == 0 || it[a].kind != PM_ITEM_TOTAL);
			/* Greedy: the next item would not fit (or a rule held it). */
			if (b < n && it[b].kind == PM_ITEM_ROW && it[b - 1].kind != PM_ITEM_HEADING)
				ck_assert(used + it[b].h > cap - 1e-9 ||
				          (b + 1 < n && it[b + 1].kind == PM_ITEM_TOTAL));
		}
		free(s);
	}
}
END_TEST

START_TEST(band_split)
{
	size_t *s;
	/* 150 events, 36 a band at most: 5 bands of 30. */
	ck_assert_int_eq(pm_split_bands(150, 36, NULL, &s), 5);
	for (int b = 0; b < 5; b++)
		ck_assert_uint_eq(s[b + 1] - s[b], 30);
	free(s);
	ck_assert_int_eq(pm_split_bands(36, 36, NULL, &s), 1);
	free(s);
	ck_assert_int_eq(pm_split_bands(37, 36, NULL, &s), 2);
	ck_assert_uint_eq(s[1], 19);
	free(s);
	ck_assert_int_eq(pm_split_bands(1, 1, NULL, &s), 1);
	free(s);
	ck_assert_int_eq(pm_split_bands(0, 5, NULL, &s), 1);
	ck_assert_uint_eq(s[1], 0);
	free(s);
	ck_assert_int_eq(pm_split_bands(5, 0, NULL, &s), -1);
	/* Days of 9 events: 30 events, 12 a band -> 3 bands, whose
	 * boundaries move to day starts when within a quarter band. */
	unsigned char g[200] = {0};
	for (int i = 0; i < 200; i += 9)
		g[i] = 1;
	ck_assert_int_eq(pm_split_bands(30, 12, g, &s), 3);
	ck_assert_uint_eq(s[1], 9);
	ck_assert_uint_eq(s[2], 18);
	ck_assert_uint_eq(s[3], 30);
	free(s);
	/* Every size 1..200 and width 1..40, with and without groups: the
	 * fewest bands, each within the width, a contiguous cover. */
	for (size_t n = 1; n <= 200; n++)
		for (size_t m = 1; m <= 40; m++) {
			long nb = pm_split_bands(n, m, n % 2 ? g : NULL, &s);
			ck_assert_int_eq(nb, (long)((n + m - 1) / m));
			ck_assert_uint_eq(s[0], 0);
			ck_assert_uint_eq(s[nb], n);
			for (long b = 0; b < nb; b++)
				ck_assert(s[b + 1] > s[b] && s[b + 1] - s[b] <= m);
			free(s);
		}
}
END_TEST

START_TEST(page_order)
{
	long band, chunk;
	/* down: band 0's chunks first. */
	pm_page_position(0, 3, 4, 0, &band, &chunk);
	ck_assert(band == 0 && chunk == 0);
	pm_page_position(4, 3, 4, 0, &band, &chunk);
	ck_assert(band == 1 && chunk == 0);
	/* across: chunk 0 of every band first. */
	pm_page_position(1, 3, 4, 1, &band, &chunk);
	ck_assert(band == 1 && chunk == 0);
	pm_page_position(3, 3, 4, 1, &band, &chunk);
	ck_assert(band == 0 && chunk == 1);
	/* Both orders visit every (band, chunk) exactly once. */
	for (int across = 0; across < 2; across++) {
		int seen[3][4] = {{0}};
		for (long p = 0; p < 12; p++) {
			pm_page_position(p, 3, 4, across, &band, &chunk);
			seen[band][chunk]++;
		}
		for (int b = 0; b < 3; b++)
			for (int c = 0; c < 4; c++)
				ck_assert_int_eq(seen[b][c], 1);
	}
}
END_TEST

/* A 2,000 x 150 model paginated as the plugin does: every cell on exactly
 * one page, every page with its column headers (all of its band's
 * columns) and, when it starts inside a delegation, the repeated heading. */
START_TEST(cells_once)
{
	enum { NP = 2000, ND = 20, NE = 150 };
	tdossier *t = td_new(NP, ND, NE, 0);
	static char names[NP + ND + NE][24];
	for (int k = 0; k < ND; k++) {
		snprintf(names[k], 24, "d%02d", k);
		td_delegation(t, names[k], names[k]);
	}
	for (int i = 0; i < NP; i++) {
		char *id = names[ND + i];
		snprintf(id, 24, "p%04d", i);
		td_person(t, id, id, names[i % ND], i < ND);
	}
	for (int e = 0; e < NE; e++) {
		char *id = names[ND + NP + e];
		snprintf(id, 24, "e%03d", e);
		td_event(t, id, id, 1 + e / 30, 8 + e % 30 / 3, BP_STATUS_CONFIRMED, NULL);
		for (int i = e % 7; i < NP; i += 37)
			td_attend_person(t, (size_t)e, (size_t)i, 0);
		td_attend_delegation(t, (size_t)e, (size_t)(e % ND), 0);
	}
	pm_config cfg = {.rows = PM_ROWS_PEOPLE, .propagate = 1};
	pm_model m;
	ck_assert_int_eq(pm_model_build(&m, td_get(t), &cfg), 0);
	ck_assert_uint_eq(m.n_rows, NP + ND);
	ck_assert_uint_eq(m.n_cols, NE);

	size_t n = m.n_rows + 1;
	pm_item *it = calloc(n, sizeof *it);
	for (size_t i = 0; i < m.n_rows; i++)
		it[i] = (pm_item){12, m.rows[i].kind == PM_ROW_HEADING ? 0 : 12,
		                  m.rows[i].kind == PM_ROW_HEADING ? PM_ITEM_HEADING : PM_ITEM_ROW};
	it[m.n_rows] = (pm_item){12, 0, PM_ITEM_TOTAL};
	size_t *chunks, *bands, bad;
	long nc = pm_paginate_rows(it, n, 600, &chunks, &bad);
	long nb = pm_split_bands(NE, 22, NULL, &bands);
	ck_assert_int_gt(nc, 1);
	ck_assert_int_eq(nb, 7);
	unsigned char *seen = calloc(m.n_rows * NE, 1);
	for (int across = 0; across < 2; across++) {
		memset(seen, 0, m.n_rows * NE);
		for (long p = 0; p < nb * nc; p++) {
			long b, c;
			pm_page_position(p, nb, nc, across, &b, &c);
			size_t i1 = chunks[c + 1] > m.n_rows ? m.n_rows : chunks[c + 1];
			/* Rows per page: within the page. */
			ck_assert_uint_le((i1 - chunks[c]) * 12, 600);
			if (chunks[c] < m.n_rows && m.rows[chunks[c]].kind != PM_ROW_HEADING)
				ck_assert_int_ge(m.rows[chunks[c]].group, 0);
			for (size_t i = chunks[c]; i < i1; i++)
				for (size_t col = bands[b]; col < bands[b + 1]; col++)
					seen[i * NE + col]++;
		}
		for (size_t k = 0; k < m.n_rows * NE; k++)
			ck_assert_msg(seen[k] == 1, "cell %zu seen %d times", k, seen[k]);
	}
	free(seen);
	free(it);
	free(chunks);
	free(bands);
	pm_model_free(&m);
	td_free(t);
}
END_TEST

TCase *pmt_paginate_case(void)
{
	TCase *tc = tcase_create("paginate");
	tcase_add_test(tc, rows_per_page);
	tcase_add_test(tc, headings_keep_and_repeat);
	tcase_add_test(tc, totals_keep_with_last_row);
	tcase_add_test(tc, rows_random);
	tcase_add_test(tc, band_split);
	tcase_add_test(tc, page_order);
	tcase_add_test(tc, cells_once);
	return tc;
}
