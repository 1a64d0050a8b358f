/*
 * draw.c — paints one page of agenda_summary from the flow's pieces.
 * Paragraphs are drawn line by line (pango_cairo_show_layout_line) so a
 * piece shows exactly its lines; nothing needs clipping.
 */
#include "agenda.h"

#include <glib.h>
#include <stdio.h>

static void color(cairo_t *cr, bp_color c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static void show(cairo_t *cr, PangoLayout *l, double x, double y)
{
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

/* Draws lines first..first+count-1 of l with the top of line `first` at y. */
static void show_lines(cairo_t *cr, PangoLayout *l, double x, double y, size_t first, size_t count)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	size_t i = 0;
	int top = 0;
	do {
		if (i < first)
			continue;
		if (i >= first + count)
			break;
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		if (i == first)
			top = y0;
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		double base = (double)(pango_layout_iter_get_baseline(it) - top) / PANGO_SCALE;
		cairo_move_to(cr, x + (double)log.x / PANGO_SCALE, y + base);
		pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
	} while (++i, pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* A paragraph block's lines first..first+count-1, however it was broken. */
static void show_block(agenda *a, cairo_t *cr, const ag_block *b, double y, size_t first,
                       size_t count)
{
	if (b->para)
		a->h->lines_show(cr, b->para, b->x, y, first, count);
	else
		show_lines(cr, b->text, b->x, y, first, count);
}

static double first_line_height(const ag_block *b)
{
	return b->n_lines ? b->lines[0] : 0;
}

/* The wrap width of a block's text. */
static double col_width(const ag_block *b)
{
	return (double)pango_layout_get_width(b->text) / PANGO_SCALE;
}

static void hairline(agenda *a, cairo_t *cr, double y, double x0, double x1)
{
	color(cr, a->theme->grid);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, x0, y);
	cairo_line_to(cr, x1, y);
	cairo_stroke(cr);
}

static void draw_group(agenda *a, cairo_t *cr, const ag_block *b, double y)
{
	const ag_group *g = &a->groups[b->group];
	double S = a->theme->body_size;
	if (g->track && g->track->has_color) {
		cairo_set_source_rgb(cr, g->track->color.r, g->track->color.g, g->track->color.b);
		double line = ag_height(a, b->text) / pango_layout_get_line_count(b->text);
		cairo_rectangle(cr, 0, y + (line - S * 0.8) / 2, S * 0.8, S * 0.8);
		cairo_fill(cr);
	}
	color(cr, a->theme->accent);
	show(cr, b->text, b->x, y);
	double ry = y + b->height - S * 0.35;
	cairo_set_line_width(cr, 0.8);
	cairo_move_to(cr, 0, ry);
	cairo_line_to(cr, a->width, ry);
	cairo_stroke(cr);
}

static void draw_chip(agenda *a, cairo_t *cr, const ag_block *b, double y)
{
	double S = a->theme->body_size, w, h;
	a->h->text_size(b->chip, &w, &h);
	const bp_event *ev = a->events[b->event].ev;
	double pad = S * 0.4;
	cairo_rectangle(cr, b->x, y + b->chip_y, w + 2 * pad, h);
	if (ev->status == BP_STATUS_CANCELLED) {
		color(cr, a->theme->banner);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 1, 1, 1);
	} else {
		/* Tentative: amber, outlined, so it reads as "not yet". */
		cairo_set_source_rgb(cr, 0.72, 0.43, 0.0);
		cairo_set_line_width(cr, 0.8);
		cairo_stroke(cr);
		cairo_set_source_rgb(cr, 0.60, 0.35, 0.0);
	}
	show(cr, b->chip, b->x + pad, y + b->chip_y);
}

static void draw_event(agenda *a, cairo_t *cr, const ag_block *b, double y, int rule)
{
	const bp_event *ev = a->events[b->event].ev;
	double S = a->theme->body_size;
	if (rule)
		hairline(a, cr, y - b->space_before / 2, 0, a->width);
	if (!a->by_track && ev->track && ev->track->has_color) {
		cairo_set_source_rgb(cr, ev->track->color.r, ev->track->color.g,
		                     ev->track->color.b);
		cairo_rectangle(cr, a->time_col - S * 0.75, y + 1, S * 0.22,
		                b->height - S * 0.35 - 1);
		cairo_fill(cr);
	}
	color(cr, b->time_tbc ? a->theme->muted : a->theme->text);
	show(cr, b->time, 0, y);
	if (b->chip)
		draw_chip(a, cr, b, y);
	color(cr, ev->status == BP_STATUS_CANCELLED ? a->theme->muted : a->theme->text);
	show(cr, b->text, b->x, y);
	if (b->meta) {
		color(cr, a->theme->muted);
		show(cr, b->meta, b->x, y + b->meta_y);
	}
}

/* rule: a hairline above the row (not right under a heading's own rule). */
static void draw_index_row(agenda *a, cairo_t *cr, const ag_block *b, const fl_piece *p, int rule)
{
	double S = a->theme->body_size, y = p->y;
	if (p->first == 0 && rule)
		hairline(a, cr, y - b->space_before / 2, 0, a->width);
	color(cr, p->first == 0 ? a->theme->text : a->theme->muted);
	show(cr, b->text, 0, y);
	for (size_t i = p->first; i < p->first + p->count; i++) {
		const ag_entry *en = &b->entries[i];
		if (en->event == (size_t)-1) {
			color(cr, a->theme->muted);
			show(cr, en->text, b->x, y);
			y += b->lines[i];
			continue;
		}
		const char *anchor = a->events[en->event].anchor;
		int linked = a->h->link_begin(a->s, cr, anchor);
		color(cr, a->theme->text);
		show(cr, en->text, b->x, y);
		int page = a->h->anchor_page(a->s, anchor);
		char buf[32];
		snprintf(buf, sizeof buf, "%d", page);
		PangoLayout *l = ag_text(a, page > 0 ? buf : "–", 0, S, 0, 0, 0, 0);
		if (l) {
			double w, h;
			a->h->text_size(l, &w, &h);
			color(cr, a->theme->accent);
			show(cr, l, a->width - w, y);
			g_object_unref(l);
		}
		if (linked)
			a->h->link_end(a->s, cr);
		y += b->lines[i];
	}
}

static void draw_cont(agenda *a, cairo_t *cr, const fl_piece *p)
{
	double S = a->theme->body_size;
	ag_cont_height(a, p->cont_level, p->cont_id); /* made by now, unless out of memory */
	if (p->cont_level == 0) {
		const ag_group *g = &a->groups[p->cont_id];
		if (!g->cont)
			return;
		double x = g->track && g->track->has_color ? S * 1.3 : 0;
		if (x > 0) {
			cairo_set_source_rgb(cr, g->track->color.r, g->track->color.g,
			                     g->track->color.b);
			double line = ag_height(a, g->cont);
			cairo_rectangle(cr, 0, p->y + (line - S * 0.7) / 2, S * 0.7, S * 0.7);
			cairo_fill(cr);
		}
		color(cr, a->theme->accent);
		show(cr, g->cont, x, p->y);
		hairline(a, cr, p->y + p->height - S * 0.45, 0, a->width);
	} else if (a->events[p->cont_id].cont) {
		color(cr, a->theme->muted);
		show(cr, a->events[p->cont_id].cont, a->time_col, p->y);
	}
}

int ag_draw_page(agenda *a, cairo_t *cr, int page)
{
	double S = a->theme->body_size;
	const fl_piece *prev = NULL;
	for (size_t i = 0; i < a->flow.n_pieces; i++) {
		const fl_piece *p = &a->flow.pieces[i];
		if (p->page != page)
			continue;
		if (p->cont_level >= 0) {
			draw_cont(a, cr, p);
			prev = p;
			continue;
		}
		const ag_block *b = &a->blocks[p->block];
		switch (b->kind) {
		case AK_GROUP:
			draw_group(a, cr, b, p->y);
			break;
		case AK_EVENT: {
			/* A rule between events, not under a group heading. */
			int rule = prev && prev->cont_level < 0 &&
			           a->blocks[prev->block].kind != AK_GROUP;
			draw_event(a, cr, b, p->y, rule);
			break;
		}
		case AK_SUBHEAD:
			color(cr, a->theme->accent);
			show_block(a, cr, b, p->y, p->first, p->count);
			break;
		case AK_BULLET:
			if (p->first == 0) {
				color(cr, a->theme->text);
				cairo_new_path(cr); /* no line from the last text */
				double cx =
				        b->rtl ? b->x + col_width(b) + S * 0.65 : b->x - S * 0.65;
				cairo_arc(cr, cx, p->y + first_line_height(b) / 2, S * 0.17, 0,
				          2 * G_PI);
				cairo_fill(cr);
			}
			color(cr, a->theme->text);
			show_block(a, cr, b, p->y, p->first, p->count);
			break;
		case AK_CHECK:
			if (p->first == 0) {
				/* A drawn box: a ☐ glyph may be missing from the font. */
				double side = S * 0.72;
				color(cr, a->theme->text);
				cairo_set_line_width(cr, 0.7);
				double bx = b->rtl ? b->x + col_width(b) + S * 1.25 - side
				                   : b->x - S * 1.25;
				cairo_rectangle(cr, bx, p->y + (first_line_height(b) - side) / 2,
				                side, side);
				cairo_stroke(cr);
			}
			color(cr, a->theme->text);
			show_block(a, cr, b, p->y, p->first, p->count);
			break;
		case AK_TEXT:
		case AK_MESSAGE:
			color(cr, b->muted ? a->theme->muted : a->theme->text);
			show_block(a, cr, b, p->y, p->first, p->count);
			break;
		case AK_INDEX_ROW:
			draw_index_row(a, cr, b, p,
			               prev && prev->cont_level < 0 &&
			                       a->blocks[prev->block].kind != AK_GROUP);
			break;
		}
		prev = p;
	}
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
}
