/*
 * topic_index.c — the closing "Topic index" of agenda_summary: each topic
 * of the dossier with the events of this section where it comes up.  The
 * page numbers are only known when drawing (host->anchor_page), so a row's
 * height never depends on them: numbers sit in a fixed right-hand column.
 */
#include "agenda.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

static int add_row(agenda *a, int gi, const bp_topic *t)
{
	double S = a->theme->body_size, W = a->width;
	double name_w = W * 0.3, num_w = S * 3.2, entry_x = name_w + S;
	ag_block *b = ag_block_add(a, AK_INDEX_ROW, S * 0.6, 0, gi, -1);
	if (!b)
		return -1;
	b->text = ag_text(a, t->name, 0, S, 1, 0, name_w, 2);
	b->x = entry_x;
	size_t n = 0;
	for (size_t e = 0; e < a->n_events; e++)
		if (a->events[e].shown)
			for (size_t k = 0; k < a->events[e].ev->n_topics; k++)
				n += a->events[e].ev->topics[k] == t;
	b->entries = calloc(n ? n : 1, sizeof *b->entries);
	b->lines = calloc(n ? n : 1, sizeof *b->lines);
	if (!b->text || !b->entries || !b->lines)
		return -1;
	for (size_t e = 0; e < a->n_events; e++) {
		const bp_event *ev = a->events[e].ev;
		int here = 0;
		for (size_t k = 0; k < ev->n_topics; k++)
			here |= ev->topics[k] == t;
		if (!a->events[e].shown || !here)
			continue;
		char date[64];
		a->h->format_time(a->s, &ev->start,
		                  ev->start.prec == BP_PREC_MONTH ? BP_FMT_DATE_LONG
		                                                  : BP_FMT_DATE_SHORT,
		                  date, sizeof date);
		char *s = g_strdup_printf("%s  ·  %s", date, ev->title);
		ag_entry *en = &b->entries[b->n_entries++];
		en->text = ag_text(a, s, 0, S, 0, 0, W - entry_x - num_w, 2);
		g_free(s);
		en->event = e;
		en->height = ag_height(a, en->text) + S * 0.15;
	}
	if (b->n_entries == 0) {
		ag_entry *en = &b->entries[b->n_entries++];
		en->text = ag_text(a, ag_word_get(a->lang, AG_NOT_ON_AGENDA), 0, S, 0, 1,
		                   W - entry_x - num_w, 2);
		en->event = (size_t)-1;
		en->height = ag_height(a, en->text) + S * 0.15;
	}
	for (size_t i = 0; i < b->n_entries; i++)
		b->lines[i] = b->entries[i].height;
	b->n_lines = b->n_entries;
	/* The topic's name (up to two lines) must fit beside the first piece
	 * the flow may leave on a page: one entry, or two when split. */
	double name_h = ag_height(a, b->text);
	double beside = b->n_lines > 1 ? b->lines[0] + b->lines[1] : b->lines[0];
	if (name_h > beside)
		b->lines[0] += name_h - beside;
	return 0;
}

int ag_build_topic_index(agenda *a)
{
	if (!a->topic_index || a->d->n_topics == 0)
		return 0;
	if (ag_add_group(a, g_strdup(ag_word_get(a->lang, AG_TOPIC_INDEX)), "", "topic-index",
	                 NULL) != 0)
		return -1;
	int gi = (int)a->n_groups - 1;
	if (ag_group_heading(a, gi) != 0)
		return -1;
	for (size_t t = 0; t < a->d->n_topics; t++)
		if (add_row(a, gi, a->d->topics[t]) != 0)
			return -1;
	return 0;
}
