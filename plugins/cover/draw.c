/*
 * draw.c — paints the cover's planned blocks (see layout.c).  Nothing is
 * measured here.
 */
#include "cover.h"

int cover_draw(void *self, cairo_t *cr, int page)
{
	cover *c = self;
	(void)page; /* the cover is always one page */
	for (size_t i = 0; i < c->n_blocks; i++) {
		const cover_block *b = &c->blocks[i];
		cairo_set_source_rgb(cr, b->color.r, b->color.g, b->color.b);
		switch (b->kind) {
		case CB_TEXT:
			cairo_move_to(cr, b->x, b->y);
			pango_cairo_show_layout(cr, b->layout);
			break;
		case CB_LINES:
			c->host->lines_show(cr, b->lines, b->x, b->y, 0,
			                    c->host->lines_count(b->lines));
			break;
		case CB_FILL:
			cairo_rectangle(cr, b->x, b->y, b->w, b->h);
			cairo_fill(cr);
			break;
		case CB_STROKE:
			cairo_set_line_width(cr, b->lw);
			cairo_rectangle(cr, b->x + b->lw / 2, b->y + b->lw / 2, b->w - b->lw,
			                b->h - b->lw);
			cairo_stroke(cr);
			break;
		}
	}
	return 0;
}
