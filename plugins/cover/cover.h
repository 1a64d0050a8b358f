/*
 * cover.h — state of one cover section.  layout() plans the whole page as
 * a list of blocks (text layouts, rules, boxes) at fixed positions; draw()
 * only paints that list, so what was measured is exactly what is drawn.
 */
#ifndef COVER_H
#define COVER_H

#include <briefpack/plugin.h>

typedef enum cover_block_kind {
	CB_TEXT,   /* a layout at (x, y) */
	CB_LINES,  /* lines broken by the host (host->lines()) at (x, y) */
	CB_FILL,   /* a filled rectangle */
	CB_STROKE, /* a stroked rectangle, line width lw */
} cover_block_kind;

typedef struct cover_block {
	cover_block_kind kind;
	PangoLayout *layout; /* CB_TEXT only; owned */
	bp_lines *lines;     /* CB_LINES only; owned */
	double x, y, w, h, lw;
	bp_color color;
} cover_block;

typedef struct cover {
	const bp_host *host;
	bp_section *s;
	int show_summary, show_sources;
	cover_block *blocks;
	size_t n_blocks, cap_blocks;
} cover;

void *cover_create(const bp_host *host, bp_section *s);
int cover_layout(void *self, const bp_frame *frame);
int cover_draw(void *self, cairo_t *cr, int page);
void cover_destroy(void *self);

/* Drops every planned block (layout() may run more than once). */
void cover_clear(cover *c);
/* Appends a block; returns it, or NULL when out of memory. */
cover_block *cover_add(cover *c, cover_block_kind kind);

#endif
