/*
 * model.c — create() and destroy(): reads and checks the options, and turns
 * the dossier's events into the items this section shows (filtered by
 * track and status, sorted into timed, point, all-day and month-only).
 */
#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fill colours for tracks without a colour of their own: mid-dark and
 * distinct, after the Tableau 10 and Okabe-Ito sets. */
static const bp_color palette[] = {
        {0.306, 0.475, 0.655}, /* blue   #4E79A7 */
        {0.882, 0.341, 0.349}, /* red    #E15759 */
        {0.349, 0.631, 0.310}, /* green  #59A14F */
        {0.949, 0.557, 0.169}, /* orange #F28E2B */
        {0.690, 0.478, 0.631}, /* purple #B07AA1 */
        {0.463, 0.718, 0.698}, /* teal   #76B7B2 */
        {0.612, 0.459, 0.373}, /* brown  #9C755F */
        {0.929, 0.788, 0.282}, /* yellow #EDC948 */
        {0.000, 0.447, 0.698}, /* deep blue   #0072B2 */
        {0.800, 0.475, 0.655}, /* pink        #CC79A7 */
        {0.337, 0.306, 0.427}, /* slate       #564E6D */
        {0.835, 0.369, 0.000}, /* vermilion   #D55E00 */
};
static const bp_color untracked = {0.78, 0.78, 0.78};

static int offset_near(const tl_state *st, int64_t days)
{
	/* The display zone's offset on a day, taken from the timed event
	 * nearest to it (the host gives offsets only with times). */
	int best = 0;
	int64_t dist = INT64_MAX;
	for (size_t i = 0; i < st->d->n_events; i++) {
		const bp_time *t = &st->d->events[i]->start;
		if (t->prec != BP_PREC_TIME)
			continue;
		int64_t dd = t->days > days ? t->days - days : days - t->days;
		if (dd < dist)
			dist = dd, best = t->offset;
	}
	return best;
}

bp_time tl_day_time(const tl_state *st, int64_t days, int minute)
{
	bp_time t = {0};
	t.prec = minute < 0 ? BP_PREC_DAY : BP_PREC_TIME;
	tl_civil_from_days(days, &t.year, &t.month, &t.day);
	if (minute > 0) {
		t.hour = minute / 60;
		t.minute = minute % 60;
	}
	t.offset = offset_near(st, days);
	t.days = days;
	t.epoch = days * 86400 + (minute > 0 ? minute * 60 : 0) - t.offset;
	return t;
}

static int64_t minutes_of(const bp_time *t)
{
	return t->days * 1440 + t->hour * 60 + t->minute;
}

static void append(char *buf, size_t n, const char *s)
{
	size_t l = strlen(buf);
	if (l < n)
		snprintf(buf + l, n - l, "%s", s);
}

static void day_mark(int64_t delta, char *buf, size_t n)
{
	char m[48];
	if (delta == 0)
		return;
	snprintf(m, sizeof m, " (%s%lld)", delta > 0 ? "+" : "\u2212",
	         (long long)(delta > 0 ? delta : -delta));
	append(buf, n, m);
}

/* start[–end], each with a day mark against ref_days / the start. */
static void span(const tl_state *st, const bp_time *a, const bp_time *b, int64_t ref_days,
                 char *buf, size_t n)
{
	char t[64];
	st->h->format_time(st->s, a, BP_FMT_TIME, buf, n);
	day_mark(a->days - ref_days, buf, n);
	if (b && b->prec == BP_PREC_TIME) {
		append(buf, n, "\u2013");
		st->h->format_time(st->s, b, BP_FMT_TIME, t, sizeof t);
		append(buf, n, t);
		day_mark(b->days - a->days, buf, n);
	}
}

void tl_format_span(const tl_state *st, const bp_time *a, const bp_time *b, char *buf, size_t n)
{
	span(st, a, b, a->days, buf, n);
}

/* The second zone's offset is fixed over most days: convert_time is asked
 * for the offsets at both ends of the shown day once, and any instant of a
 * day without a change is then converted here; a day with a clock change
 * goes to the host each time. */
typedef struct tl_zday {
	int64_t start; /* UTC instant the shown day begins */
	int off_a, off_b, ok;
} tl_zday;

struct tl_zcache {
	tl_zday *v;
	size_t n, cap;
};

static int convert2(const tl_state *st, const bp_time *t, bp_time *out)
{
	if (t->prec != BP_PREC_TIME || !st->zc)
		return st->h->convert_time(st->s, t, st->zone2, out);
	struct tl_zcache *zc = st->zc;
	int64_t start = t->days * 86400 - t->offset;
	tl_zday *z = NULL;
	for (size_t i = 0; i < zc->n && !z; i++)
		if (zc->v[i].start == start)
			z = &zc->v[i];
	if (!z) {
		if (zc->n == zc->cap) {
			size_t cap = zc->cap ? zc->cap * 2 : 16;
			tl_zday *w = realloc(zc->v, cap * sizeof *w);
			if (!w)
				return st->h->convert_time(st->s, t, st->zone2, out);
			zc->v = w;
			zc->cap = cap;
		}
		z = &zc->v[zc->n++];
		z->start = start;
		bp_time a = *t, b, oa, ob;
		a.epoch = start;
		a.hour = a.minute = a.second = 0;
		b = a;
		b.epoch = start + 86400 - 1;
		b.hour = 23, b.minute = 59, b.second = 59;
		z->ok = !st->h->convert_time(st->s, &a, st->zone2, &oa) &&
		        !st->h->convert_time(st->s, &b, st->zone2, &ob);
		z->off_a = z->ok ? oa.offset : 0;
		z->off_b = z->ok ? ob.offset : 0;
	}
	if (!z->ok || z->off_a != z->off_b)
		return st->h->convert_time(st->s, t, st->zone2, out);
	*out = *t;
	int64_t local = t->epoch + z->off_a;
	int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	int64_t sec = local - days * 86400;
	tl_civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(sec / 3600);
	out->minute = (int)(sec % 3600 / 60);
	out->second = (int)(sec % 60);
	out->days = days;
	out->offset = z->off_a;
	return 0;
}

void tl_format_span2(const tl_state *st, const bp_time *a, const bp_time *b, char *buf, size_t n)
{
	bp_time a2, b2;
	buf[0] = '\0';
	if (!st->zone2 || a->prec != BP_PREC_TIME || convert2(st, a, &a2))
		return;
	int have_b = b && b->prec == BP_PREC_TIME && !convert2(st, b, &b2);
	/* A start on another calendar day there than here gets a mark too. */
	span(st, &a2, have_b ? &b2 : NULL, a->days, buf, n);
}

static int by_day(const void *x, const void *y)
{
	int64_t p = *(const int64_t *)x, q = *(const int64_t *)y;
	return p < q ? -1 : p > q;
}

int tl_set_days(tl_state *st, int64_t *v, size_t n)
{
	qsort(v, n, sizeof *v, by_day);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (m == 0 || v[m - 1] != v[i])
			v[m++] = v[i];
	size_t total = m;
	if (st->show_empty_days && m > 1)
		total = (size_t)(v[m - 1] - v[0] + 1);
	free(st->days);
	st->nday = 0;
	st->days = calloc(total + 1, sizeof *st->days);
	if (!st->days) {
		st->h->error(st->s, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < total; i++) {
		tl_day *d = &st->days[st->nday++];
		d->days = total == m ? v[i] : v[0] + (int64_t)i;
		d->date = tl_day_time(st, d->days, -1);
		char id[16];
		snprintf(id, sizeof id, "%04d-%02d-%02d", d->date.year, d->date.month, d->date.day);
		st->h->anchor_name("day", id, d->anchor, sizeof d->anchor);
		if (st->zone2) {
			bp_time noon = tl_day_time(st, d->days, 720), out;
			if (!convert2(st, &noon, &out))
				d->delta2 = (out.offset - noon.offset) / 60;
		}
	}
	return 0;
}

void tl_zone2_short(const tl_state *st, const bp_time *t, char *buf, size_t n)
{
	/* The place name does not change with the date: asked for once (the
	 * host's zone look-up is not cheap), in create(). */
	(void)t;
	snprintf(buf, n, "%s", st->zone2 ? st->zone2_name : "");
}

void tl_time_line(const tl_state *st, const tl_item *it, char *buf, size_t n)
{
	const bp_event *ev = it->ev;
	buf[0] = '\0';
	if (it->kind == TL_TIMED || it->kind == TL_POINT) {
		tl_format_span(st, &ev->start, it->kind == TL_TIMED ? &ev->end : NULL, buf, n);
		char two[96];
		tl_format_span2(st, &ev->start, it->kind == TL_TIMED ? &ev->end : NULL, two,
		                sizeof two);
		if (two[0]) {
			append(buf, n, " (");
			append(buf, n, two);
			append(buf, n, ")");
		}
	} else if (it->kind == TL_ALLDAY) {
		append(buf, n, st->h->label(st->s, BP_LABEL_TIME_TBC));
	} else {
		st->h->format_time(st->s, &ev->start, BP_FMT_DATE_LONG, buf, n);
	}
	if (ev->status != BP_STATUS_CONFIRMED) {
		append(buf, n, " \u00b7 ");
		append(buf, n,
		       st->h->label(st->s, ev->status == BP_STATUS_TENTATIVE ? BP_LABEL_TENTATIVE
		                                                             : BP_LABEL_CANCELLED));
	}
}

/* Reads and checks the options; 0 or -1 after host->error(). */
static int read_options(tl_state *st)
{
	const bp_host *h = st->h;
	bp_section *s = st->s;
	const char *style = h->opt_string(s, "style");
	st->list = style && !strcmp(style, "list");
	if (h->opt_is_set(s, "hours")) {
		if (h->opt_count(s, "hours") != 2) {
			h->error(s,
			         "hours: expected two hours [from, to], e.g. [8, 22]; got %zu "
			         "values",
			         h->opt_count(s, "hours"));
			return -1;
		}
		st->from_h = (int)h->opt_int_at(s, "hours", 0);
		st->to_h = (int)h->opt_int_at(s, "hours", 1);
		if (st->from_h >= st->to_h) {
			h->error(s,
			         "hours: [%d, %d] is empty; the first hour must be before the "
			         "second, e.g. [8, 22]",
			         st->from_h, st->to_h);
			return -1;
		}
		st->hours_set = 1;
	}
	st->days_per_page = (int)h->opt_int(s, "days_per_page");
	st->zone2 = h->opt_string(s, "second_timezone");
	if (st->zone2 && !*st->zone2)
		st->zone2 = NULL;
	if (st->zone2) {
		bp_time probe = tl_day_time(st, 20000, 720), out;
		for (size_t i = 0; i < st->d->n_events; i++)
			if (st->d->events[i]->start.prec == BP_PREC_TIME) {
				probe = st->d->events[i]->start;
				break;
			}
		if (h->convert_time(s, &probe, st->zone2, &out) != 0) {
			h->error(s,
			         "second_timezone: unknown time zone \"%s\"; expected an IANA name "
			         "such as \"Europe/Moscow\" or an offset such as \"+03:00\"",
			         st->zone2);
			return -1;
		}
	}
	size_t nt = h->opt_count(s, "tracks");
	for (size_t i = 0; i < nt; i++) {
		const char *id = h->opt_string_at(s, "tracks", i);
		int found = 0;
		for (size_t k = 0; k < st->d->n_tracks && !found; k++)
			found = !strcmp(st->d->tracks[k]->id, id);
		if (!found) {
			char known[512] = "";
			for (size_t k = 0; k < st->d->n_tracks; k++) {
				append(known, sizeof known, k ? ", " : "");
				append(known, sizeof known, st->d->tracks[k]->id);
			}
			h->error(s, "tracks: no track \"%s\" in the dossier (its tracks: %s)", id,
			         st->d->n_tracks ? known : "none");
			return -1;
		}
	}
	st->show_venue = h->opt_bool(s, "show_venue");
	st->show_attendees =
	        h->opt_is_set(s, "show_attendees") ? h->opt_bool(s, "show_attendees") : st->list;
	st->show_legend = h->opt_bool(s, "show_legend");
	st->show_tbc = h->opt_bool(s, "show_tbc");
	st->show_cancelled = h->opt_bool(s, "show_cancelled");
	st->show_empty_days = h->opt_bool(s, "show_empty_days");
	return 0;
}

static int wanted(const tl_state *st, const bp_event *ev)
{
	if (ev->status == BP_STATUS_CANCELLED && !st->show_cancelled)
		return 0;
	if (!st->show_tbc && ev->start.prec < BP_PREC_TIME)
		return 0;
	size_t nt = st->h->opt_count(st->s, "tracks");
	if (nt == 0)
		return 1;
	if (!ev->track)
		return 0;
	for (size_t i = 0; i < nt; i++)
		if (!strcmp(st->h->opt_string_at(st->s, "tracks", i), ev->track->id))
			return 1;
	return 0;
}

static void make_item(tl_state *st, const bp_event *ev, tl_item *it)
{
	it->ev = ev;
	it->fill = ev->track ? st->track_fill[ev->track->index] : untracked;
	st->h->anchor_name("event", ev->id, it->anchor, sizeof it->anchor);
	const bp_time *a = &ev->start, *b = &ev->end;
	if (a->prec == BP_PREC_MONTH) {
		it->kind = TL_MONTH;
		it->a = it->b = a->days;
	} else if (a->prec == BP_PREC_DAY) {
		it->kind = TL_ALLDAY;
		it->a = a->days;
		it->b = b->prec >= BP_PREC_DAY && b->days > a->days ? b->days : a->days;
		/* An end of 00:00 closes the day before. */
		if (b->prec == BP_PREC_TIME && b->hour == 0 && b->minute == 0 && it->b > it->a)
			it->b--;
	} else {
		it->a = minutes_of(a);
		if (b->prec == BP_PREC_TIME)
			it->b = minutes_of(b);
		else if (b->prec == BP_PREC_DAY)
			it->b = (b->days + 1) * 1440; /* ends within that day */
		else
			it->b = it->a;
		it->kind = it->b > it->a ? TL_TIMED : TL_POINT;
		if (it->kind == TL_POINT)
			it->b = it->a;
	}
}

void *tl_create(const bp_host *h, bp_section *s)
{
	tl_state *st = calloc(1, sizeof *st);
	if (!st) {
		h->error(s, "out of memory");
		return NULL;
	}
	st->h = h;
	st->s = s;
	st->d = h->dossier(s);
	st->th = h->theme(s);
	st->lang = h->document(s)->language;
	if (read_options(st) != 0) {
		free(st);
		return NULL;
	}
	if (st->zone2) {
		st->zc = calloc(1, sizeof *st->zc); /* NULL: no cache, still right */
		bp_time probe = tl_day_time(st, 20000, 720);
		h->zone_label(s, st->zone2, &probe, st->zone2_name, sizeof st->zone2_name);
		char *comma = strchr(st->zone2_name, ',');
		if (comma)
			*comma = '\0';
	}
	const bp_dossier *d = st->d;
	st->track_fill = calloc(d->n_tracks + 1, sizeof *st->track_fill);
	st->items = calloc(d->n_events + 1, sizeof *st->items);
	st->months = calloc(d->n_events + 1, sizeof *st->months);
	st->tracks = calloc(d->n_tracks + 1, sizeof *st->tracks);
	if (!st->track_fill || !st->items || !st->months || !st->tracks) {
		h->error(s, "out of memory");
		tl_destroy(st);
		return NULL;
	}
	size_t uncoloured = 0;
	for (size_t i = 0; i < d->n_tracks; i++) {
		const bp_track *t = d->tracks[i];
		st->track_fill[t->index] =
		        t->has_color ? t->color
		                     : palette[uncoloured++ % (sizeof palette / sizeof *palette)];
	}
	int *used = calloc(d->n_tracks + 1, sizeof *used);
	for (size_t i = 0; i < d->n_events; i++) {
		const bp_event *ev = d->events[i];
		if (!wanted(st, ev))
			continue;
		tl_item *it = &st->items[st->nitem++];
		make_item(st, ev, it);
		if (it->kind == TL_MONTH)
			st->months[st->nmonth++] = it;
		if (it->kind == TL_TIMED || it->kind == TL_POINT)
			st->any_timed = 1;
		st->any_point |= it->kind == TL_POINT;
		st->any_tentative |= ev->status == BP_STATUS_TENTATIVE;
		st->any_cancelled |= ev->status == BP_STATUS_CANCELLED;
		if (ev->track && used)
			used[ev->track->index] = 1;
		else if (!ev->track)
			st->any_untracked = 1;
	}
	for (size_t i = 0; i < d->n_tracks && used; i++)
		if (used[d->tracks[i]->index])
			st->tracks[st->ntrack++] = d->tracks[i];
	free(used);

	/* Sizes: box text a little under the body size, never below 6 pt. */
	double body = st->th->body_size > 0 ? st->th->body_size : 9.5;
	st->fs = body;
	st->fs_small = body * 0.8 < 6.0 ? 6.0 : body * 0.8;
	st->pad = st->fs_small * 0.3;
	PangoLayout *l = tl_text(st, "Hg", st->fs, 0, 0, 0);
	st->line_h = tl_text_h(l);
	g_object_unref(l);
	l = tl_text(st, "Hg", st->fs_small, 0, 0, 0);
	st->line_small_h = tl_text_h(l);
	g_object_unref(l);
	return st;
}

void tl_destroy(void *self)
{
	tl_state *st = self;
	if (!st)
		return;
	for (size_t i = 0; i < st->npage; i++) {
		free(st->pages[i].segs);
		free(st->pages[i].bars);
	}
	free(st->pages);
	free(st->blocks);
	free(st->days);
	free(st->items);
	free(st->months);
	free(st->tracks);
	free(st->track_fill);
	if (st->zc)
		free(st->zc->v);
	free(st->zc);
	free(st);
}
