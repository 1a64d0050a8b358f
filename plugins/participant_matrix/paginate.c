/*
 * paginate.c — see paginate.h.  Greedy filling is optimal here: every
 * chunk takes as many items as fit, then gives back a heading that would
 * end it or the last row that the totals row needs for company.
 */
#include "paginate.h"

#include <stdlib.h>

#define EPS 1e-6

/* A heading keeps with the next item only when that item is one of its
 * rows; a delegation without rows is a complete row of its own. */
static int binds_next(const pm_item *it, size_t i, size_t n)
{
	return it[i].kind == PM_ITEM_HEADING && i + 1 < n && it[i + 1].kind == PM_ITEM_ROW;
}

long pm_paginate_rows(const pm_item *it, size_t n, double cap, size_t **starts, size_t *bad)
{
	size_t *s = malloc((n + 2) * sizeof *s);
	if (!s)
		return -2;
	long k = 0;
	size_t i = 0;
	if (n == 0)
		s[k++] = 0;
	while (i < n) {
		s[k++] = i;
		double used = it[i].kind == PM_ITEM_HEADING ? 0 : it[i].cont;
		size_t j = i;
		while (j < n && used + it[j].h <= cap + EPS)
			used += it[j++].h;
		if (j == i) {
			*bad = i;
			free(s);
			return -1;
		}
		if (j < n) {
			/* The totals row takes the last row with it. */
			if (it[j].kind == PM_ITEM_TOTAL && j - 1 > i)
				j--;
			else if (it[j].kind == PM_ITEM_TOTAL) {
				*bad = j;
				free(s);
				return -1;
			}
			/* Never a heading alone at the bottom. */
			while (j - 1 > i && binds_next(it, j - 1, n))
				j--;
			if (j - 1 == i && binds_next(it, i, n)) {
				*bad = i;
				free(s);
				return -1;
			}
		}
		i = j;
	}
	s[k] = n;
	*starts = s;
	return k;
}

long pm_split_bands(size_t n, size_t m, const unsigned char *group_start, size_t **starts)
{
	if (n > 0 && m == 0)
		return -1;
	size_t nb = n ? (n + m - 1) / m : 1;
	size_t *s = malloc((nb + 1) * sizeof *s);
	if (!s)
		return -1;
	s[0] = 0;
	s[nb] = n;
	for (size_t b = 1; b < nb; b++) {
		/* Balance what is left over the bands that are left. */
		size_t left = n - s[b - 1], bands_left = nb - b + 1;
		size_t ideal = s[b - 1] + (left + bands_left - 1) / bands_left;
		if (ideal - s[b - 1] > m)
			ideal = s[b - 1] + m;
		s[b] = ideal;
		if (!group_start)
			continue;
		size_t slack = (n / nb) / 4;
		if (slack < 1)
			slack = 1;
		for (size_t delta = 0; delta <= slack; delta++) {
			size_t cand[2] = {ideal - delta, ideal + delta};
			int found = 0;
			for (int c = 0; c < 2 && !found; c++) {
				size_t x = cand[c];
				if (delta > ideal && c == 0)
					continue;
				if (x <= s[b - 1] || x >= n || x - s[b - 1] > m)
					continue;
				if (n - x > m * (nb - b))
					continue;
				if (group_start[x]) {
					s[b] = x;
					found = 1;
				}
			}
			if (found)
				break;
		}
	}
	*starts = s;
	return (long)nb;
}

void pm_page_position(long page, long n_bands, long n_chunks, int across, long *band, long *chunk)
{
	if (across) {
		*chunk = page / n_bands;
		*band = page % n_bands;
	} else {
		*band = page / n_chunks;
		*chunk = page % n_chunks;
	}
}
