/*
 * section.c — the life of one agenda_summary section: read and check the
 * options (create), build and flow the blocks and declare the anchors
 * (layout), paint a page (draw), free everything (destroy).
 */
#include "section.h"

#include "agenda.h"

#include <stdlib.h>
#include <string.h>

static int in_list(agenda *a, const char *opt, const char *id)
{
	size_t n = a->h->opt_count(a->s, opt);
	for (size_t i = 0; i < n; i++)
		if (id && strcmp(a->h->opt_string_at(a->s, opt, i), id) == 0)
			return 1;
	return 0;
}

int ag_wanted_event(const agenda *a, const bp_event *ev)
{
	agenda *m = (agenda *)a; /* the host's getters take no const */
	if (!a->cancelled && ev->status == BP_STATUS_CANCELLED)
		return 0;
	if (m->h->opt_count(m->s, "events") && !in_list(m, "events", ev->id))
		return 0;
	if (m->h->opt_count(m->s, "tracks") && !(ev->track && in_list(m, "tracks", ev->track->id)))
		return 0;
	return 1;
}

/* Every id in an option list must name a record: a typo that silently
 * empties the section would be worse than an error. */
static int check_ids(agenda *a, const char *opt, int tracks)
{
	size_t n = a->h->opt_count(a->s, opt);
	for (size_t i = 0; i < n; i++) {
		const char *id = a->h->opt_string_at(a->s, opt, i);
		int found = 0;
		if (tracks)
			for (size_t t = 0; t < a->d->n_tracks && !found; t++)
				found = strcmp(a->d->tracks[t]->id, id) == 0;
		else
			for (size_t e = 0; e < a->d->n_events && !found; e++)
				found = strcmp(a->d->events[e]->id, id) == 0;
		if (!found) {
			a->h->error(a->s, "option %s: the dossier has no %s with id \"%s\"", opt,
			            tracks ? "track" : "event", id);
			return -1;
		}
	}
	return 0;
}

void *ag_create(const bp_host *h, bp_section *s)
{
	agenda *a = calloc(1, sizeof *a);
	if (!a) {
		h->error(s, "out of memory");
		return NULL;
	}
	a->h = h;
	a->s = s;
	a->d = h->dossier(s);
	a->theme = h->theme(s);
	a->lang = h->document(s)->language;
	const char *by = h->opt_string(s, "group_by");
	a->by_track = by && strcmp(by, "track") == 0;
	a->max_names = (size_t)h->opt_int(s, "max_names");
	const char *att = h->opt_string(s, "attendees");
	a->attendees = !att || strcmp(att, "names") == 0 ? AG_ATTENDEES_NAMES
	               : strcmp(att, "delegations") == 0 ? AG_ATTENDEES_DELEGATIONS
	                                                 : AG_ATTENDEES_NONE;
	a->skip_empty = h->opt_bool(s, "skip_empty");
	a->topic_index = h->opt_bool(s, "topic_index");
	a->topic_notes = h->opt_bool(s, "topic_notes");
	a->native_names = h->opt_bool(s, "native_names");
	a->cancelled = h->opt_bool(s, "show_cancelled");
	const char *pb = h->opt_string(s, "page_break");
	a->break_groups = pb && strcmp(pb, "group") == 0;
	if (check_ids(a, "events", 0) != 0 || check_ids(a, "tracks", 1) != 0) {
		free(a);
		return NULL;
	}
	return a;
}

static double cont_height(void *ctx, int level, int id)
{
	return ag_cont_height(ctx, level, id);
}

static void declare_anchors(agenda *a)
{
	for (size_t i = 0; i < a->flow.n_pieces; i++) {
		const fl_piece *p = &a->flow.pieces[i];
		if (p->cont_level >= 0 || p->first != 0)
			continue;
		const ag_block *b = &a->blocks[p->block];
		if (b->kind == AK_GROUP) {
			const ag_group *g = &a->groups[b->group];
			a->h->add_anchor(a->s, p->page, p->y, g->anchor, g->label, 2);
		} else if (b->kind == AK_EVENT) {
			const ag_event *e = &a->events[b->event];
			a->h->add_anchor(a->s, p->page, p->y, e->anchor, e->ev->title, 3);
		}
	}
}

int ag_layout(void *self, const bp_frame *frame)
{
	agenda *a = self;
	ag_blocks_free(a);
	a->width = frame->width;
	a->height = frame->height;
	if (ag_build_content(a) != 0 || ag_build_topic_index(a) != 0) {
		a->h->error(a->s, "could not lay out the agenda (out of memory?)");
		return -1;
	}
	a->fl = calloc(a->n_blocks ? a->n_blocks : 1, sizeof *a->fl);
	if (!a->fl) {
		a->h->error(a->s, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < a->n_blocks; i++) {
		const ag_block *b = &a->blocks[i];
		fl_block *f = &a->fl[i];
		f->space_before = b->space_before;
		f->lines = b->lines;
		f->n_lines = b->n_lines;
		f->flags = b->flags;
		f->owner[0] = b->group;
		f->owner[1] = b->event;
		f->opens = b->kind == AK_GROUP ? 0 : b->kind == AK_EVENT ? 1 : -1;
		if (b->kind == AK_GROUP && a->break_groups)
			f->flags |= FL_BREAK_BEFORE;
		for (size_t l = 0; l < b->n_lines; l++)
			if (b->lines[l] > frame->height) {
				a->h->warn(a->s,
				           "the frame (%.0f pt high) is too short for the agenda",
				           frame->height);
				break;
			}
	}
	if (fl_flow(a->fl, a->n_blocks, frame->height, cont_height, a, &a->flow) != 0) {
		a->h->error(a->s, "could not lay out the agenda (out of memory?)");
		return -1;
	}
	declare_anchors(a);
	return a->flow.pages;
}

int ag_draw(void *self, cairo_t *cr, int page)
{
	agenda *a = self;
	if (ag_draw_page(a, cr, page) != 0) {
		a->h->error(a->s, "drawing page %d failed: %s", page + 1,
		            cairo_status_to_string(cairo_status(cr)));
		return -1;
	}
	return 0;
}

void ag_destroy(void *self)
{
	agenda *a = self;
	if (!a)
		return;
	ag_blocks_free(a);
	free(a);
}
