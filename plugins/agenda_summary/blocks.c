/*
 * blocks.c — making agenda_summary's blocks: text through host->text(),
 * measured line by line so the flow engine can cut between lines.
 */
#include "agenda.h"

#include <stdlib.h>
#include <string.h>

ag_block *ag_block_add(agenda *a, ag_kind kind, double space_before, unsigned flags, int group,
                       int event)
{
	if (a->n_blocks == a->cap_blocks) {
		size_t cap = a->cap_blocks ? a->cap_blocks * 2 : 64;
		ag_block *nb = realloc(a->blocks, cap * sizeof *nb);
		if (!nb)
			return NULL;
		a->blocks = nb;
		a->cap_blocks = cap;
	}
	ag_block *b = &a->blocks[a->n_blocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->space_before = space_before;
	b->flags = flags;
	b->group = group;
	b->event = event;
	return b;
}

PangoLayout *ag_text(agenda *a, const char *utf8, int heading, double size, int bold, int italic,
                     double width, int max_lines)
{
	bp_text_style st = {.heading = heading,
	                    .size = size,
	                    .bold = bold,
	                    .italic = italic,
	                    .width = width,
	                    .max_lines = max_lines,
	                    .align = BP_ALIGN_LEFT};
	return a->h->text(a->s, utf8 ? utf8 : "", &st);
}

double ag_height(agenda *a, PangoLayout *l)
{
	double w = 0, h = 0;
	if (l)
		a->h->text_size(l, &w, &h);
	return h;
}

/* The heights of a layout's lines, from one line's top to the next, so
 * that they add up to the layout's height. */
static int measure_lines(PangoLayout *l, double **out, size_t *n)
{
	int count = pango_layout_get_line_count(l);
	double *h = calloc(count > 0 ? (size_t)count : 1, sizeof *h);
	if (!h)
		return -1;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int i = 0;
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		h[i++] = (double)(y1 - y0) / PANGO_SCALE;
	} while (i < count && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	if (count <= 0) {
		PangoRectangle log;
		pango_layout_get_extents(l, NULL, &log);
		h[0] = (double)log.height / PANGO_SCALE;
		count = 1;
	}
	*out = h;
	*n = (size_t)count;
	return 0;
}

int ag_block_set_text(agenda *a, ag_block *b, const char *utf8, const bp_text_style *st, double x,
                      size_t bold_bytes)
{
	b->text = a->h->text(a->s, utf8 ? utf8 : "", st);
	b->x = x;
	if (!b->text)
		return -1;
	/* Before measuring: bold type is wider and may wrap differently. */
	if (bold_bytes)
		ag_bold_prefix(b->text, bold_bytes);
	return measure_lines(b->text, &b->lines, &b->n_lines);
}

/* Makes the first `bytes` bytes bold (a label such as "Delegations: ")
 * without losing the attributes the host put on the layout. */
void ag_bold_prefix(PangoLayout *l, size_t bytes)
{
	PangoAttrList *old = pango_layout_get_attributes(l);
	PangoAttrList *al = old ? pango_attr_list_copy(old) : pango_attr_list_new();
	PangoAttribute *b = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
	b->start_index = 0;
	b->end_index = (guint)bytes;
	pango_attr_list_insert(al, b);
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
}

static void unref(PangoLayout *l)
{
	if (l)
		g_object_unref(l);
}

void ag_blocks_free(agenda *a)
{
	for (size_t i = 0; i < a->n_blocks; i++) {
		ag_block *b = &a->blocks[i];
		unref(b->text);
		unref(b->time);
		unref(b->chip);
		unref(b->meta);
		for (size_t e = 0; e < b->n_entries; e++)
			unref(b->entries[e].text);
		free(b->entries);
		free(b->lines);
	}
	free(a->blocks);
	a->blocks = NULL;
	a->n_blocks = a->cap_blocks = 0;
	for (size_t i = 0; i < a->n_groups; i++) {
		g_free(a->groups[i].label);
		unref(a->groups[i].cont);
	}
	free(a->groups);
	a->groups = NULL;
	a->n_groups = 0;
	for (size_t i = 0; i < a->n_events; i++)
		unref(a->events[i].cont);
	free(a->events);
	a->events = NULL;
	a->n_events = 0;
	free(a->fl);
	a->fl = NULL;
	fl_result_free(&a->flow);
}
