/*
 * flow.h — the page-flow engine of agenda_summary, kept free of cairo and
 * pango so the typesetting rules can be unit-tested with plain numbers.
 *
 * The caller describes the content as a list of blocks, each a stack of
 * "lines" (units that may not be split) with known heights.  The engine cuts
 * the list into pages of a fixed height and obeys four rules:
 *   - a block marked FL_KEEP_NEXT (a heading) stays on the page with the
 *     smallest first piece of what follows (chains of headings included);
 *   - a paragraph splits only with at least FL_MIN_LINES lines on each side,
 *     so a paragraph shorter than 2 * FL_MIN_LINES lines never splits;
 *   - a paragraph taller than a page still flows, page after page;
 *   - when a page starts inside a group (level 0: a day or track; level 1:
 *     an event), a "continued" heading for that group is put first.
 * Vertical space before a block is dropped at the top of a page.
 */
#ifndef AGENDA_FLOW_H
#define AGENDA_FLOW_H

#include <stddef.h>

#define FL_LEVELS    2 /* group nesting the engine repeats: day/track, event */
#define FL_MIN_LINES 2 /* widow and orphan limit */

enum {
	FL_KEEP_NEXT = 1u << 0,     /* a heading: never last on a page */
	FL_KEEP_TOGETHER = 1u << 1, /* never split, whatever its line count */
	FL_BREAK_BEFORE = 1u << 2,  /* starts a new page unless one just began */
};

typedef struct fl_block {
	double space_before; /* dropped at the top of a page */
	const double *lines; /* height of each line; n_lines >= 1 */
	size_t n_lines;
	unsigned flags;       /* FL_* */
	int owner[FL_LEVELS]; /* the group of each level it belongs to; -1 none */
	int opens;            /* the level it is the heading of; -1 none */
} fl_block;

/* One thing on one page: a run of a block's lines, or a "continued" heading
 * (cont_level >= 0) for group cont_id of that level. */
typedef struct fl_piece {
	int page;
	double y, height; /* top and height within the page */
	int cont_level;   /* -1 for a run of lines */
	int cont_id;
	size_t block;
	size_t first, count; /* the lines of the block */
} fl_piece;

typedef struct fl_result {
	fl_piece *pieces;
	size_t n_pieces;
	int pages; /* >= 1 */
} fl_result;

/* Height of the "continued" heading of group id at a level, including the
 * space that follows it. */
typedef double (*fl_cont_height_fn)(void *ctx, int level, int id);

/* Flows n blocks into pages of page_height.  Returns 0, or -1 when out of
 * memory or when the arguments make no sense (then *out is empty). */
int fl_flow(const fl_block *blocks, size_t n, double page_height, fl_cont_height_fn cont, void *ctx,
            fl_result *out);
void fl_result_free(fl_result *r);

/* The page on which block b starts (its first line), or -1. */
int fl_block_page(const fl_result *r, size_t b);

#endif
