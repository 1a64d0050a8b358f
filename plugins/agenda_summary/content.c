/*
 * content.c — turns the dossier's events into agenda_summary's blocks:
 * groups (days or tracks), an event heading each, then who attends, the
 * topics, the expected outcomes and the notes.
 */
#include "agenda.h"

#include "attendees.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Vertical rhythm, in multiples of the body size. */
#define GAP_GROUP   1.7
#define GAP_EVENT   1.3
#define GAP_SUBHEAD 0.55
#define GAP_ITEM    0.15

static int is_empty(const bp_event *ev)
{
	return ev->n_topics == 0 && ev->n_outcomes == 0 && !(ev->notes && *ev->notes);
}

/* The key that puts an event in its group, and the group's label. */
static void day_key(agenda *a, const bp_event *ev, char *key, size_t n, char **label)
{
	char buf[128];
	const bp_time *t = &ev->start;
	if (t->prec == BP_PREC_MONTH) {
		snprintf(key, n, "%04d-%02d", t->year, t->month);
		a->h->format_time(a->s, t, BP_FMT_DATE_LONG, buf, sizeof buf);
		*label = g_strdup_printf("%s (%s)", buf, a->h->label(a->s, BP_LABEL_DATE_TBC));
	} else {
		snprintf(key, n, "%04d-%02d-%02d", t->year, t->month, t->day);
		a->h->format_time(a->s, t, BP_FMT_DATE_LONG, buf, sizeof buf);
		*label = g_strdup(buf);
	}
}

/* Adds a group, taking label (g_malloc'd). */
int ag_add_group(agenda *a, char *label, const char *key, const char *anchor_id,
                 const bp_track *track)
{
	ag_group *ng = realloc(a->groups, (a->n_groups + 1) * sizeof *ng);
	if (!ng) {
		g_free(label);
		return -1;
	}
	a->groups = ng;
	ag_group *g = &a->groups[a->n_groups++];
	memset(g, 0, sizeof *g);
	g->label = label;
	g->track = track;
	g_strlcpy(g->key, key, sizeof g->key);
	char id[AG_ANCHOR_MAX];
	snprintf(id, sizeof id, "%s--%s", a->h->section_id(a->s), anchor_id);
	a->h->anchor_name("section", id, g->anchor, sizeof g->anchor);
	return 0;
}

/* Assigns each shown event to a group; returns the group of each event
 * (-1: not shown) in *of, and creates the groups in reading order. */
static int make_groups(agenda *a, int *of)
{
	const bp_dossier *d = a->d;
	if (a->by_track) {
		for (size_t t = 0; t <= d->n_tracks; t++) {
			const bp_track *tr = t < d->n_tracks ? d->tracks[t] : NULL;
			int gi = -1;
			for (size_t e = 0; e < a->n_events; e++) {
				if (!a->events[e].shown || a->events[e].ev->track != tr)
					continue;
				if (gi < 0) {
					char *label = g_strdup(
					        tr ? tr->name : ag_word_get(a->lang, AG_NO_TRACK));
					char id[AG_ANCHOR_MAX];
					snprintf(id, sizeof id, "track-%s", tr ? tr->id : "");
					if (ag_add_group(a, label, id, id, tr) != 0)
						return -1;
					gi = (int)a->n_groups - 1;
				}
				of[e] = gi;
			}
		}
		return 0;
	}
	for (size_t e = 0; e < a->n_events; e++) {
		if (!a->events[e].shown)
			continue;
		char key[16], *label = NULL;
		day_key(a, a->events[e].ev, key, sizeof key, &label);
		/* Events are chronological, so a day's events are together;
		 * searching all groups still keeps one heading per day should
		 * zones ever interleave them. */
		int gi = -1;
		for (size_t g = 0; g < a->n_groups; g++)
			if (strcmp(a->groups[g].key, key) == 0)
				gi = (int)g;
		if (gi < 0) {
			char id[AG_ANCHOR_MAX];
			snprintf(id, sizeof id, "day-%s", key);
			if (ag_add_group(a, label, key, id, NULL) != 0)
				return -1;
			gi = (int)a->n_groups - 1;
		} else {
			g_free(label);
		}
		of[e] = gi;
	}
	return 0;
}

/* "10:00–11:30", "10:00 – Fri 10 Oct 12:00", or a "to be confirmed". */
static char *time_text(agenda *a, const bp_event *ev, int *tbc)
{
	char t0[64], t1[64], date[64];
	const bp_time *s = &ev->start, *e = &ev->end;
	GString *out = g_string_new(NULL);
	*tbc = s->prec != BP_PREC_TIME;
	if (a->by_track) {
		a->h->format_time(a->s, s,
		                  s->prec == BP_PREC_MONTH ? BP_FMT_DATE_LONG : BP_FMT_DATE_SHORT,
		                  date, sizeof date);
		g_string_append_printf(out, "%s\n", date);
	}
	if (s->prec == BP_PREC_MONTH) {
		g_string_append(out, a->h->label(a->s, BP_LABEL_DATE_TBC));
	} else if (s->prec == BP_PREC_DAY) {
		g_string_append(out, a->h->label(a->s, BP_LABEL_TIME_TBC));
		if (e->prec >= BP_PREC_DAY && e->days != s->days) {
			a->h->format_time(a->s, e, BP_FMT_DATE_SHORT, t1, sizeof t1);
			g_string_append_printf(out, "\n– %s", t1);
		}
	} else {
		a->h->format_time(a->s, s, BP_FMT_TIME, t0, sizeof t0);
		g_string_append(out, t0);
		int same_day = e->days == s->days || (e->hour == 24 && e->days == s->days);
		if (e->prec == BP_PREC_TIME && same_day) {
			a->h->format_time(a->s, e, BP_FMT_TIME, t1, sizeof t1);
			g_string_append_printf(out, "–%s", t1);
		} else if (e->prec >= BP_PREC_DAY && e->days != s->days) {
			a->h->format_time(a->s, e,
			                  e->prec == BP_PREC_TIME ? BP_FMT_DATETIME
			                                          : BP_FMT_DATE_SHORT,
			                  t1, sizeof t1);
			g_string_append_printf(out, " –\n%s", t1);
		}
	}
	return g_string_free(out, FALSE);
}

/* ag_text_own setups: run before the text goes in. */
static void strike(PangoLayout *l, void *arg)
{
	(void)arg;
	PangoAttrList *old = pango_layout_get_attributes(l);
	PangoAttrList *al = old ? pango_attr_list_copy(old) : pango_attr_list_new();
	pango_attr_list_insert(al, pango_attr_strikethrough_new(TRUE));
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
}

static void indent(PangoLayout *l, void *arg)
{
	pango_layout_set_indent(l, (int)(*(const double *)arg * PANGO_SCALE));
}

static int event_heading(agenda *a, int gi, int ei)
{
	const bp_event *ev = a->events[ei].ev;
	double S = a->theme->body_size, col = a->width - a->time_col;
	ag_block *b = ag_block_add(a, AK_EVENT, S * GAP_EVENT, FL_KEEP_NEXT, gi, ei);
	if (!b)
		return -1;
	b->x = a->time_col;
	char *tt = time_text(a, ev, &b->time_tbc);
	b->time = ag_text(a, tt, 0, b->time_tbc ? S * 0.85 : S, !b->time_tbc, b->time_tbc,
	                  a->time_col - S, 0);
	g_free(tt);
	double time_h = ag_height(a, b->time);
	b->text = ev->status == BP_STATUS_CANCELLED
	                  ? ag_text_own(a, ev->title, 1, S * 1.12, 1, 0, col, 3, strike, NULL)
	                  : ag_text(a, ev->title, 1, S * 1.12, 1, 0, col, 3);
	double right_h = ag_height(a, b->text);
	/* The status chip opens the details line, which is indented for it. */
	double chip_w = 0, chip_h = 0;
	if (ev->status != BP_STATUS_CONFIRMED) {
		char *w = g_utf8_strup(a->h->label(a->s, ev->status == BP_STATUS_CANCELLED
		                                                 ? BP_LABEL_CANCELLED
		                                                 : BP_LABEL_TENTATIVE),
		                       -1);
		b->chip = ag_text(a, w, 0, S * 0.72, 1, 0, 0, 0);
		g_free(w);
		if (b->chip)
			a->h->text_size(b->chip, &chip_w, &chip_h);
		chip_w += 2 * S * 0.4;
	}
	GString *meta = g_string_new(NULL);
	if (ev->venue && *ev->venue)
		g_string_append_printf(meta, "%s: %s", a->h->label(a->s, BP_LABEL_VENUE),
		                       ev->venue);
	if (ev->format && *ev->format)
		g_string_append_printf(meta, "%s%s: %s", meta->len ? "  ·  " : "",
		                       a->h->label(a->s, BP_LABEL_FORMAT), ev->format);
	if (!a->by_track && ev->track)
		g_string_append_printf(meta, "%s%s: %s", meta->len ? "  ·  " : "",
		                       a->h->label(a->s, BP_LABEL_TRACK), ev->track->name);
	b->meta_y = right_h + S * 0.2;
	b->chip_y = b->meta_y;
	if (meta->len) {
		double in = chip_w + S * 0.5;
		b->meta = b->chip ? ag_text_own(a, meta->str, 0, S * 0.9, 0, 0, col, 3, indent, &in)
		                  : ag_text(a, meta->str, 0, S * 0.9, 0, 0, col, 3);
		if (b->meta && b->chip) {
			double first = ag_height(a, b->meta) / pango_layout_get_line_count(b->meta);
			b->chip_y = b->meta_y + (first - chip_h) / 2;
		}
		double mh = ag_height(a, b->meta);
		right_h = b->meta_y + (mh > chip_h ? mh : chip_h);
	} else if (b->chip) {
		right_h = b->chip_y + chip_h;
	}
	g_string_free(meta, TRUE);
	b->height = (time_h > right_h ? time_h : right_h) + S * 0.35;
	b->lines = malloc(sizeof *b->lines);
	if (!b->lines || !b->text || !b->time)
		return -1;
	b->lines[0] = b->height;
	b->n_lines = 1;
	return 0;
}

static int text_block(agenda *a, ag_kind kind, int gi, int ei, double sb, unsigned flags,
                      const char *text, size_t bold_bytes, double indent, double size, int italic,
                      int muted)
{
	ag_block *b = ag_block_add(a, kind, sb, flags, gi, ei);
	if (!b)
		return -1;
	bp_text_style st = {.size = size,
	                    .italic = italic,
	                    .bold = kind == AK_SUBHEAD,
	                    .width = a->width - a->time_col - indent};
	b->muted = muted;
	if (ag_block_set_text(a, b, text, &st, a->time_col + indent, bold_bytes) != 0)
		return -1;
	/* A right-to-left item reads from the right: pango aligns it there,
	 * so its marker goes there too, in the indent moved to that side. */
	/* (A paragraph the host broke, host->lines(), is left to right.) */
	PangoLayoutLine *first = b->text ? pango_layout_get_line_readonly(b->text, 0) : NULL;
	if ((kind == AK_BULLET || kind == AK_CHECK) && first &&
	    first->resolved_dir == PANGO_DIRECTION_RTL) {
		b->rtl = 1;
		b->x = a->time_col;
	}
	return 0;
}

static int subhead(agenda *a, int gi, int ei, bp_label which)
{
	char *up = g_utf8_strup(a->h->label(a->s, which), -1);
	int rc = text_block(a, AK_SUBHEAD, gi, ei, a->theme->body_size * GAP_SUBHEAD, FL_KEEP_NEXT,
	                    up, 0, 0, a->theme->body_size * 0.78, 0, 0);
	g_free(up);
	return rc;
}

static int event_body(agenda *a, int gi, int ei)
{
	const bp_event *ev = a->events[ei].ev;
	double S = a->theme->body_size;
	ag_attendee_opts o = {.language = a->lang,
	                      .mode = a->attendees,
	                      .max_names = a->max_names,
	                      .native_names = a->native_names};
	ag_line *lines = NULL;
	size_t n = ag_attendee_lines(ev, &o, &lines);
	if (n == (size_t)-1)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char *t = g_strdup_printf("%s: %s", lines[i].label, lines[i].text);
		int rc = text_block(a, AK_TEXT, gi, ei, S * (i ? GAP_ITEM : 0.3), 0, t,
		                    strlen(lines[i].label) + 1, 0, S, 0, 0);
		g_free(t);
		if (rc != 0) {
			ag_lines_free(lines, n);
			return -1;
		}
	}
	ag_lines_free(lines, n);

	if (is_empty(ev))
		return text_block(a, AK_TEXT, gi, ei, S * 0.3, 0,
		                  ag_word_get(a->lang, AG_NO_AGENDA), 0, 0, S, 1, 1);
	if (ev->n_topics && subhead(a, gi, ei, BP_LABEL_TOPICS) != 0)
		return -1;
	for (size_t i = 0; i < ev->n_topics; i++) {
		const bp_topic *t = ev->topics[i];
		int with_notes = a->topic_notes && t->notes && *t->notes;
		char *s = with_notes ? g_strdup_printf("%s — %s", t->name, t->notes)
		                     : g_strdup(t->name);
		int rc = text_block(a, AK_BULLET, gi, ei, S * GAP_ITEM, 0, s,
		                    with_notes ? strlen(t->name) : 0, S * 1.1, S, 0, 0);
		g_free(s);
		if (rc != 0)
			return -1;
	}
	if (ev->n_outcomes && subhead(a, gi, ei, BP_LABEL_OUTCOMES) != 0)
		return -1;
	for (size_t i = 0; i < ev->n_outcomes; i++)
		if (text_block(a, AK_CHECK, gi, ei, S * GAP_ITEM, 0, ev->outcomes[i], 0, S * 1.4, S,
		               0, 0) != 0)
			return -1;
	if (ev->notes && *ev->notes) {
		if (subhead(a, gi, ei, BP_LABEL_NOTES) != 0)
			return -1;
		if (text_block(a, AK_TEXT, gi, ei, S * GAP_ITEM, 0, ev->notes, 0, 0, S, 0, 0) != 0)
			return -1;
	}
	return 0;
}

int ag_group_heading(agenda *a, int gi)
{
	ag_group *g = &a->groups[gi];
	double S = a->theme->body_size;
	ag_block *b = ag_block_add(a, AK_GROUP, S * GAP_GROUP, FL_KEEP_NEXT, gi, -1);
	if (!b)
		return -1;
	double swatch = g->track && g->track->has_color ? S * 1.3 : 0;
	b->x = swatch;
	b->text = ag_text(a, g->label, 1, S * 1.35, 1, 0, a->width - swatch, 2);
	b->lines = malloc(sizeof *b->lines);
	if (!b->text || !b->lines)
		return -1;
	b->height = ag_height(a, b->text) + S * 0.6;
	b->lines[0] = b->height;
	b->n_lines = 1;
	return 0;
}

/* "Thursday 9 October 2025 (continued)" and "Talks (continued)" for pages
 * that start inside a group or an event: made only when the flow asks for
 * one, as most are never needed. */
double ag_cont_height(agenda *a, int level, int id)
{
	double S = a->theme->body_size;
	if (level == 0) {
		ag_group *g = &a->groups[id];
		if (!g->cont) {
			double swatch = g->track && g->track->has_color ? S * 1.3 : 0;
			char *c = g_strdup_printf("%s %s", g->label,
			                          a->h->label(a->s, BP_LABEL_CONTINUED));
			g->cont = ag_text(a, c, 1, S * 1.1, 1, 0, a->width - swatch, 1);
			g_free(c);
			g->cont_height = ag_height(a, g->cont) + S * 0.9;
		}
		return g->cont_height;
	}
	ag_event *ae = &a->events[id];
	if (!ae->cont) {
		char *c = g_strdup_printf("%s %s", ae->ev->title,
		                          a->h->label(a->s, BP_LABEL_CONTINUED));
		ae->cont = ag_text(a, c, 0, S * 0.9, 0, 1, a->width - a->time_col, 1);
		g_free(c);
		ae->cont_height = ag_height(a, ae->cont) + S * 0.5;
	}
	return ae->cont_height;
}

/* The time column fits the widest exact time (and date, by track) of the
 * events shown, "00:00–00:00" at least; "to be confirmed" wraps in it. */
static void measure_time_column(agenda *a)
{
	double S = a->theme->body_size, w = 0, h = 0, best = 0;
	PangoLayout *l = ag_text(a, "00:00–00:00", 0, S, 1, 0, 0, 0);
	if (l) {
		a->h->text_size(l, &best, &h);
		g_object_unref(l);
	}
	for (size_t e = 0; e < a->n_events; e++) {
		int tbc;
		if (!a->events[e].shown)
			continue;
		char *tt = time_text(a, a->events[e].ev, &tbc);
		l = tbc ? NULL : ag_text(a, tt, 0, S, 1, 0, 0, 0);
		g_free(tt);
		if (l) {
			a->h->text_size(l, &w, &h);
			g_object_unref(l);
			best = w > best ? w : best;
		}
	}
	a->time_col = best + S * 1.4;
	if (a->time_col > a->width * 0.3)
		a->time_col = a->width * 0.3;
}

int ag_build_content(agenda *a)
{
	const bp_dossier *d = a->d;
	double S = a->theme->body_size;
	a->events = calloc(d->n_events ? d->n_events : 1, sizeof *a->events);
	int *of = malloc((d->n_events ? d->n_events : 1) * sizeof *of);
	if (!a->events || !of) {
		free(of);
		return -1;
	}
	a->n_events = d->n_events;
	for (size_t e = 0; e < d->n_events; e++) {
		ag_event *ae = &a->events[e];
		ae->ev = d->events[e];
		ae->shown = ag_wanted_event(a, ae->ev) && !(a->skip_empty && is_empty(ae->ev));
		a->h->anchor_name("event", ae->ev->id, ae->anchor, sizeof ae->anchor);
		of[e] = -1;
	}
	measure_time_column(a);
	if (make_groups(a, of) != 0) {
		free(of);
		return -1;
	}
	int rc = 0;
	for (size_t g = 0; g < a->n_groups && rc == 0; g++) {
		rc = ag_group_heading(a, (int)g);
		for (size_t e = 0; e < a->n_events && rc == 0; e++) {
			if (of[e] != (int)g)
				continue;
			rc = event_heading(a, (int)g, (int)e);
			if (rc == 0)
				rc = event_body(a, (int)g, (int)e);
		}
	}
	free(of);
	if (rc == 0 && a->n_groups == 0)
		rc = text_block(a, AK_MESSAGE, -1, -1, 0, 0, ag_word_get(a->lang, AG_NOTHING), 0,
		                -a->time_col, S, 1, 1);
	return rc;
}
