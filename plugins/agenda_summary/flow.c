/*
 * flow.c — cuts agenda_summary's blocks into pages (see flow.h for the
 * rules).  A greedy pass: each block goes on the current page if it fits,
 * keeping the rules; otherwise a new page starts.  Greedy is enough here
 * because every rule looks at most one chain of headings ahead.
 */
#include "flow.h"

#include <stdlib.h>
#include <string.h>

#define EPS 0.01 /* points; absorbs rounding in the measured heights */

typedef struct flow_state {
	const fl_block *blocks;
	size_t n;
	double height;
	fl_cont_height_fn cont;
	void *ctx;
	fl_result *r;
	size_t cap;
	int page;
	double y;
	int fresh; /* nothing on the page, not even "continued" headings */
	int top;   /* no content yet (continued headings may be there) */
	int open_id[FL_LEVELS];
	int open_page[FL_LEVELS];
} flow_state;

static double sum_lines(const fl_block *b, size_t first, size_t count)
{
	double h = 0;
	for (size_t i = first; i < first + count; i++)
		h += b->lines[i];
	return h;
}

static int atomic(const fl_block *b)
{
	return (b->flags & (FL_KEEP_NEXT | FL_KEEP_TOGETHER)) || b->n_lines < 2 * FL_MIN_LINES;
}

/* The smallest piece a block may start with at the bottom of a page. */
static double first_chunk(const fl_block *b)
{
	return atomic(b) ? sum_lines(b, 0, b->n_lines) : sum_lines(b, 0, FL_MIN_LINES);
}

/* What a heading at i must find room for below itself: the first piece of
 * each following block as long as the chain of headings goes on. */
static double chain_after(const flow_state *st, size_t i)
{
	double h = 0;
	for (size_t j = i + 1; j < st->n; j++) {
		h += st->blocks[j].space_before + first_chunk(&st->blocks[j]);
		if (!(st->blocks[j].flags & FL_KEEP_NEXT))
			break;
	}
	return h;
}

static int push(flow_state *st, fl_piece p)
{
	fl_result *r = st->r;
	if (r->n_pieces == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 64;
		fl_piece *np = realloc(r->pieces, cap * sizeof *np);
		if (!np)
			return -1;
		r->pieces = np;
		st->cap = cap;
	}
	r->pieces[r->n_pieces++] = p;
	return 0;
}

static void new_page(flow_state *st)
{
	st->page++;
	st->y = 0;
	st->fresh = 1;
	st->top = 1;
}

/* Puts the "continued" headings a fresh page needs before block b. */
static int begin(flow_state *st, const fl_block *b)
{
	if (!st->fresh)
		return 0;
	st->fresh = 0;
	for (int lv = 0; lv < FL_LEVELS; lv++) {
		int id = b->owner[lv];
		if (id < 0 || b->opens == lv || id != st->open_id[lv] ||
		    st->open_page[lv] >= st->page)
			continue;
		double h = st->cont ? st->cont(st->ctx, lv, id) : 0;
		fl_piece p = {
		        .page = st->page, .y = st->y, .height = h, .cont_level = lv, .cont_id = id};
		if (push(st, p) != 0)
			return -1;
		st->y += h;
	}
	return 0;
}

static int place(flow_state *st, size_t bi, size_t first, size_t count, double gap)
{
	const fl_block *b = &st->blocks[bi];
	double h = sum_lines(b, first, count);
	fl_piece p = {.page = st->page,
	              .y = st->y + gap,
	              .height = h,
	              .cont_level = -1,
	              .cont_id = -1,
	              .block = bi,
	              .first = first,
	              .count = count};
	if (push(st, p) != 0)
		return -1;
	if (first == 0 && b->opens >= 0 && b->opens < FL_LEVELS) {
		st->open_id[b->opens] = b->owner[b->opens];
		st->open_page[b->opens] = st->page;
		for (int lv = b->opens + 1; lv < FL_LEVELS; lv++)
			st->open_id[lv] = -1;
	}
	st->y += gap + h;
	st->top = 0;
	return 0;
}

/* How many lines from `first` fit into `avail` points. */
static size_t lines_fitting(const fl_block *b, size_t first, double avail)
{
	size_t k = 0;
	double h = 0;
	while (first + k < b->n_lines && h + b->lines[first + k] <= avail + EPS)
		h += b->lines[first + k++];
	return k;
}

static int flow_lines(flow_state *st, size_t bi)
{
	const fl_block *b = &st->blocks[bi];
	size_t n = b->n_lines, k = 0;
	while (k < n) {
		if (begin(st, b) != 0)
			return -1;
		double gap = (k == 0 && !st->top) ? b->space_before : 0;
		size_t left = n - k;
		size_t fit = lines_fitting(b, k, st->height - st->y - gap);
		if (fit >= left)
			return place(st, bi, k, left, gap);
		size_t take = 0;
		if (!atomic(b)) {
			/* Leave FL_MIN_LINES for the next page (widow); the first
			 * piece has at least FL_MIN_LINES too (orphan). */
			take = left >= FL_MIN_LINES ? left - FL_MIN_LINES : 0;
			if (fit < take)
				take = fit;
			if (k == 0 && take < FL_MIN_LINES)
				take = 0;
		}
		if (take == 0) {
			if (!st->top) {
				new_page(st);
				continue;
			}
			/* Nothing placed yet on this page and still no legal
			 * cut: the page is too short for the rules, so fill
			 * it rather than loop forever. */
			take = fit ? fit : 1;
		}
		if (place(st, bi, k, take, gap) != 0)
			return -1;
		k += take;
		new_page(st);
	}
	return 0;
}

static int flow_block(flow_state *st, size_t bi)
{
	const fl_block *b = &st->blocks[bi];
	if ((b->flags & FL_BREAK_BEFORE) && !st->top)
		new_page(st);
	if (!atomic(b))
		return flow_lines(st, bi);
	if (begin(st, b) != 0)
		return -1;
	double total = sum_lines(b, 0, b->n_lines);
	double need = total + ((b->flags & FL_KEEP_NEXT) ? chain_after(st, bi) : 0);
	if (!st->top && st->y + b->space_before + need > st->height + EPS) {
		new_page(st);
		if (begin(st, b) != 0)
			return -1;
	}
	if (st->y + total > st->height + EPS && b->n_lines > 1)
		return flow_lines(st, bi); /* taller than a page: split after all */
	return place(st, bi, 0, b->n_lines, st->top ? 0 : b->space_before);
}

int fl_flow(const fl_block *blocks, size_t n, double page_height, fl_cont_height_fn cont, void *ctx,
            fl_result *out)
{
	memset(out, 0, sizeof *out);
	out->pages = 1;
	if (page_height <= 0 || (n && !blocks))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (blocks[i].n_lines == 0 || !blocks[i].lines)
			return -1;
	flow_state st = {.blocks = blocks,
	                 .n = n,
	                 .height = page_height,
	                 .cont = cont,
	                 .ctx = ctx,
	                 .r = out,
	                 .fresh = 1,
	                 .top = 1};
	for (int lv = 0; lv < FL_LEVELS; lv++)
		st.open_id[lv] = -1;
	for (size_t i = 0; i < n; i++) {
		if (flow_block(&st, i) != 0) {
			fl_result_free(out);
			return -1;
		}
	}
	out->pages = st.page + 1;
	return 0;
}

void fl_result_free(fl_result *r)
{
	free(r->pieces);
	memset(r, 0, sizeof *r);
	r->pages = 1;
}

int fl_block_page(const fl_result *r, size_t b)
{
	for (size_t i = 0; i < r->n_pieces; i++)
		if (r->pieces[i].cont_level < 0 && r->pieces[i].block == b &&
		    r->pieces[i].first == 0)
			return r->pieces[i].page;
	return -1;
}
