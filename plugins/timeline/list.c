/*
 * list.c — the `list` style: a programme with a heading per day and one row
 * per event (time, title, venue, track, format, status, attendees), flowing
 * over as many pages as it needs, the day heading repeated "(continued)";
 * month-only events close it under "Dates to be confirmed".
 */
#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAMES 4 /* attendees named before "and N more" */

static void append(char *buf, size_t n, const char *s)
{
	size_t l = strlen(buf);
	if (l < n)
		snprintf(buf + l, n - l, "%s", s);
}

static void attendee_summary(const tl_state *st, const bp_event *ev, char *buf, size_t n)
{
	buf[0] = '\0';
	size_t shown = ev->n_attendees < MAX_NAMES + 1 ? ev->n_attendees : MAX_NAMES;
	for (size_t i = 0; i < shown; i++) {
		const bp_attendee *a = ev->attendees[i];
		append(buf, n, i ? ", " : "");
		append(buf, n, a->person ? a->person->name : a->delegation->name);
		if (a->role && strcmp(a->role->id, "attendee") != 0) {
			append(buf, n, " (");
			append(buf, n, a->role->name);
			append(buf, n, ")");
		}
	}
	if (ev->n_attendees > shown) {
		char more[64];
		snprintf(more, sizeof more, tl_word_get(st, TL_W_MORE), ev->n_attendees - shown);
		append(buf, n, " ");
		append(buf, n, more);
	}
}

static void details(const tl_state *st, const bp_event *ev, char *buf, size_t n)
{
	buf[0] = '\0';
	const char *parts[4] = {st->show_venue ? ev->venue : NULL,
	                        ev->track ? ev->track->name : NULL, ev->format, NULL};
	parts[3] = st->h->label(st->s, ev->status == BP_STATUS_TENTATIVE   ? BP_LABEL_TENTATIVE
	                               : ev->status == BP_STATUS_CANCELLED ? BP_LABEL_CANCELLED
	                                                                   : BP_LABEL_CONFIRMED);
	for (int i = 0; i < 4; i++) {
		if (!parts[i] || !*parts[i])
			continue;
		append(buf, n, buf[0] ? "  \u00b7  " : "");
		append(buf, n, parts[i]);
	}
}

/* Draws (cr != NULL) or measures one event row at y; returns its height. */
static double row(tl_state *st, cairo_t *cr, const tl_item *it, double y)
{
	const bp_event *ev = it->ev;
	double W = st->frame.width, pad = st->pad, gap = st->fs * 0.8;
	double tx = 7, mx = tx + st->time_w + gap, mw = W - mx;
	char buf[2048];
	double th = 0, mh = 0;
	int cancelled = ev->status == BP_STATUS_CANCELLED;
	bp_color ink = cancelled ? st->th->muted : st->th->text;
	int linked = cr ? st->h->link_begin(st->s, cr, it->anchor) : 0;

	/* Time column. */
	if (it->kind == TL_TIMED || it->kind == TL_POINT)
		tl_format_span(st, &ev->start, it->kind == TL_TIMED ? &ev->end : NULL, buf,
		               sizeof buf);
	else if (it->kind == TL_ALLDAY)
		snprintf(buf, sizeof buf, "%s", st->h->label(st->s, BP_LABEL_TIME_TBC));
	else
		st->h->format_time(st->s, &ev->start, BP_FMT_DATE_LONG, buf, sizeof buf);
	if (it->kind == TL_ALLDAY && it->b > it->a) {
		char until[96];
		bp_time last = tl_day_time(st, it->b, -1);
		st->h->format_time(st->s, &last, BP_FMT_DATE_SHORT, until, sizeof until);
		append(buf, sizeof buf, ", ");
		append(buf, sizeof buf, tl_word_get(st, TL_W_UNTIL));
		append(buf, sizeof buf, " ");
		append(buf, sizeof buf, until);
	}
	th = tl_words(st, cr, buf, st->fs, 1, st->time_w, 3, tx, y + pad, ink);
	if (it->kind == TL_TIMED || it->kind == TL_POINT) {
		tl_format_span2(st, &ev->start, it->kind == TL_TIMED ? &ev->end : NULL, buf,
		                sizeof buf);
		if (buf[0]) {
			char z[96];
			tl_zone2_short(st, &ev->start, z, sizeof z);
			append(buf, sizeof buf, " ");
			append(buf, sizeof buf, z);
			th += tl_words(st, cr, buf, st->fs_small, 0, st->time_w, 2, tx,
			               y + pad + th, st->th->muted);
		}
	}

	/* Title, details, attendees. */
	if (!cancelled) {
		mh = tl_words(st, cr, ev->title, st->fs, 1, mw, 4, mx, y + pad, ink);
	} else {
		PangoLayout *l = tl_text(st, ev->title, st->fs, 1, mw, 4);
		tl_strike(l);
		if (cr)
			tl_show(cr, l, mx, y + pad, ink);
		mh = tl_text_h(l);
		g_object_unref(l);
	}
	details(st, ev, buf, sizeof buf);
	if (buf[0])
		mh += tl_words(st, cr, buf, st->fs_small, 0, mw, 2, mx, y + pad + mh,
		               st->th->muted);
	if (st->show_attendees && ev->n_attendees) {
		char names[1024];
		attendee_summary(st, ev, names, sizeof names);
		snprintf(buf, sizeof buf, "%s: %s", st->h->label(st->s, BP_LABEL_ATTENDEES), names);
		mh += tl_words(st, cr, buf, st->fs_small, 0, mw, 2, mx, y + pad + mh, st->th->text);
	}
	double h = (th > mh ? th : mh) + 2 * pad;
	if (cr) {
		/* The track's colour (status-styled) as a bar down the left. */
		tl_paint_box(st, cr, it, 1, y + pad, 4, h - 2 * pad);
		if (linked)
			st->h->link_end(st->s, cr);
		tl_set(cr, tl_mix(st->th->grid, tl_white, 0.4));
		cairo_set_line_width(cr, 0.4);
		cairo_move_to(cr, 0, y + h);
		cairo_line_to(cr, W, y + h);
		cairo_stroke(cr);
	} else if (linked) {
		st->h->link_end(st->s, cr);
	}
	return h + 0.5;
}

/* A day (or "dates to be confirmed") heading; returns its height. */
static double heading(tl_state *st, cairo_t *cr, const tl_block *b, int cont, double y)
{
	char buf[256];
	if (b->kind == TL_B_DAY)
		st->h->format_time(st->s, &st->days[b->day].date, BP_FMT_DATE_LONG, buf,
		                   sizeof buf);
	else
		snprintf(buf, sizeof buf, "%s", st->h->label(st->s, BP_LABEL_DATES_TBC));
	if (cont) {
		append(buf, sizeof buf, " ");
		append(buf, sizeof buf, st->h->label(st->s, BP_LABEL_CONTINUED));
	}
	double top = st->fs * 0.6;
	PangoLayout *l = tl_text(st, buf, st->fs * 1.15, 1, st->frame.width, 1);
	double h = tl_text_h(l);
	if (cr) {
		tl_show(cr, l, 0, y + top, st->th->accent);
		tl_set(cr, st->th->accent);
		cairo_set_line_width(cr, 0.8);
		cairo_move_to(cr, 0, y + top + h + 1.5);
		cairo_line_to(cr, st->frame.width, y + top + h + 1.5);
		cairo_stroke(cr);
	}
	g_object_unref(l);
	return top + h + 4;
}

int tl_list_layout(tl_state *st)
{
	free(st->blocks);
	st->blocks = NULL;
	st->nblock = 0;
	/* Days: where an event starts (a long one is listed once, there). */
	int64_t *v = calloc(st->nitem + 1, sizeof *v);
	size_t nv = 0;
	for (size_t i = 0; v && i < st->nitem; i++) {
		const tl_item *it = &st->items[i];
		if (it->kind == TL_ALLDAY)
			v[nv++] = it->a;
		else if (it->kind != TL_MONTH)
			v[nv++] = it->a >= 0 ? it->a / 1440 : -((-it->a + 1439) / 1440);
	}
	int rc = v ? tl_set_days(st, v, nv) : -1;
	free(v);
	if (rc)
		return -1;

	/* Widest time column text, within a third of the frame. */
	double tw = 0;
	const char *probe[] = {"00:00\u201300:00 (+1)", st->h->label(st->s, BP_LABEL_TIME_TBC)};
	for (int i = 0; i < 2; i++) {
		PangoLayout *l = tl_text(st, probe[i], st->fs, 1, 0, 0);
		if (tl_text_w(l) > tw)
			tw = tl_text_w(l);
		g_object_unref(l);
	}
	st->time_w = tw < st->frame.width / 3 ? tw : st->frame.width / 3;
	if (st->time_w < st->fs * 6)
		st->time_w = st->fs * 6;

	size_t cap = st->nday + st->nitem + 3;
	st->blocks = calloc(cap, sizeof *st->blocks);
	if (!st->blocks) {
		st->h->error(st->s, "out of memory");
		return -1;
	}
	for (size_t d = 0; d < st->nday; d++) {
		tl_block *hb = &st->blocks[st->nblock++];
		hb->kind = TL_B_DAY;
		hb->day = d;
		for (size_t i = 0; i < st->nitem; i++) {
			const tl_item *it = &st->items[i];
			int64_t day = it->kind == TL_ALLDAY ? it->a
			              : it->a >= 0          ? it->a / 1440
			                                    : -((-it->a + 1439) / 1440);
			if (it->kind == TL_MONTH || day != st->days[d].days)
				continue;
			tl_block *b = &st->blocks[st->nblock++];
			b->kind = TL_B_ROW;
			b->it = it;
		}
	}
	if (st->nmonth) {
		st->blocks[st->nblock++].kind = TL_B_TBC_HEAD;
		for (size_t i = 0; i < st->nmonth; i++) {
			tl_block *b = &st->blocks[st->nblock++];
			b->kind = TL_B_ROW;
			b->it = st->months[i];
		}
	}
	if (st->nblock == 0)
		st->blocks[st->nblock++].kind = TL_B_EMPTY;

	bp_time at = st->nday ? tl_day_time(st, st->days[0].days, 720) : tl_day_time(st, 0, 720);
	st->zone_h = tl_zone_line(st, NULL, 0, &at) + st->fs * 0.4;
	tl_flow_in *flow = calloc(st->nblock, sizeof *flow);
	if (!flow) {
		st->h->error(st->s, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < st->nblock; i++) {
		tl_block *b = &st->blocks[i];
		if (b->kind == TL_B_ROW) {
			flow[i].h = row(st, NULL, b->it, 0);
		} else if (b->kind == TL_B_EMPTY) {
			flow[i].h = st->line_h * 2;
		} else {
			flow[i].heading = 1;
			flow[i].h = heading(st, NULL, b, 0, 0);
			flow[i].cont_h = heading(st, NULL, b, 1, 0);
		}
	}
	st->list_pages = tl_flow(flow, st->nblock, st->frame.height - st->zone_h);
	for (size_t i = 0; i < st->nblock; i++) {
		st->blocks[i].flow = flow[i];
		if (st->blocks[i].kind == TL_B_DAY) {
			char title[128];
			tl_day *d = &st->days[st->blocks[i].day];
			st->h->format_time(st->s, &d->date, BP_FMT_DATE_LONG, title, sizeof title);
			st->h->add_anchor(st->s, flow[i].page, st->zone_h + flow[i].y, d->anchor,
			                  title, 2);
		}
	}
	free(flow);
	return st->list_pages;
}

int tl_list_draw(tl_state *st, cairo_t *cr, int page)
{
	const tl_block *group = NULL;
	int zone_drawn = 0;
	for (size_t i = 0; i < st->nblock; i++) {
		const tl_block *b = &st->blocks[i];
		if (b->kind == TL_B_DAY || b->kind == TL_B_TBC_HEAD)
			group = b;
		if (b->flow.page != page)
			continue;
		if (!zone_drawn) {
			bp_time at = tl_day_time(st,
			                         group && group->kind == TL_B_DAY
			                                 ? st->days[group->day].days
			                                 : (st->nday ? st->days[0].days : 0),
			                         720);
			tl_zone_line(st, cr, 0, &at);
			zone_drawn = 1;
		}
		double y = st->zone_h + b->flow.y;
		if (b->flow.cont_above && group)
			heading(st, cr, group, 1, y - heading(st, NULL, group, 1, 0));
		if (b->kind == TL_B_ROW) {
			row(st, cr, b->it, y);
		} else if (b->kind == TL_B_EMPTY) {
			PangoLayout *l = tl_text(st, tl_word_get(st, TL_W_NO_EVENTS), st->fs, 0,
			                         st->frame.width, 0);
			tl_show(cr, l, 0, y + st->line_h / 2, st->th->muted);
			g_object_unref(l);
		} else {
			heading(st, cr, b, 0, y);
		}
	}
	return 0;
}
