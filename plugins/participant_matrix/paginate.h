/*
 * paginate.h — the pagination arithmetic of the matrix, apart from any
 * drawing so that it can be tested exhaustively: rows into page-high
 * chunks (a delegation heading never ends a page, the totals row never
 * starts one, a chunk that starts inside a delegation pays for the repeated
 * "(continued)" heading), events into page-wide bands (balanced, ending at
 * a day or track boundary when one is near), and the page order.
 */
#ifndef PM_PAGINATE_H
#define PM_PAGINATE_H

#include <stddef.h>

typedef enum pm_item_kind {
	PM_ITEM_HEADING, /* keeps with the next item */
	PM_ITEM_ROW,
	PM_ITEM_TOTAL /* keeps with the item before it */
} pm_item_kind;

typedef struct pm_item {
	double h;    /* height */
	double cont; /* height of the heading repeated above it when it starts
	                a chunk (0: none) */
	pm_item_kind kind;
} pm_item;

/* Splits items into chunks that fit cap.  Returns the number of chunks and
 * sets *starts to a malloc'd array of n_chunks + 1 first-item indices (the
 * last is n); zero items give one empty chunk.  Returns -1 (and sets *bad to
 * the item) if an item, with what must stay with it, cannot fit an empty
 * chunk, or -2 when out of memory. */
long pm_paginate_rows(const pm_item *items, size_t n, double cap, size_t **starts, size_t *bad);

/* Splits n_cols columns into bands of at most max_per_band, as few bands as
 * possible, balanced, each boundary moved to a group start (group_start[i]
 * true) when one lies within a quarter band of it.  Returns the number of
 * bands and a malloc'd array of n_bands + 1 first columns; -1 if
 * max_per_band is 0 (with columns) or out of memory. */
long pm_split_bands(size_t n_cols, size_t max_per_band, const unsigned char *group_start,
                    size_t **starts);

/* The band and chunk shown on a page: "down" shows every chunk of band 0,
 * then band 1; "across" every band of chunk 0, then chunk 1. */
void pm_page_position(long page, long n_bands, long n_chunks, int across, long *band, long *chunk);

#endif
