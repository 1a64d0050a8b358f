/*
 * layout.c — plans the cover page.  Everything is measured here and stored
 * as blocks at fixed positions (cover.h), so draw() cannot overflow what
 * was planned.
 *
 * The page, top to bottom: the classification in a box; the title block
 * (accent stripe, title, subtitle); place and dates; a rule; the summary
 * and sources (the flexible middle); and, anchored at the bottom, author,
 * organisation and the pack's date.  When the middle does not fit, the
 * sources keep at most about a third of the room (the rest counted as
 * "… and N more") and the summary is ellipsized to the lines left: the
 * cover is always exactly one page.  A title too long for its box shrinks
 * step by step and is finally ellipsized.
 */
#include "cover.h"
#include "span.h"
#include "words.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define STRIPE_W     5.0  /* accent stripe beside the title */
#define TEXT_X       22.0 /* left edge of every text column */
#define TITLE_LINES  4    /* a title longer than this shrinks...  */
#define TITLE_MAX    7    /* ...up to this many lines, cut at the smallest size */
#define SOURCE_LINES 2    /* lines per source before ellipsizing */

/* What the plan needs while it is being made. */
typedef struct plan {
	cover *c;
	const bp_theme *th;
	const char *lang;
	double W, H, b, tw; /* frame, body size, text column width */
} plan;

static int nonempty(const char *s)
{
	return s && *s;
}

static PangoLayout *mk(plan *p, const char *text, int heading, double size, int bold, double width,
                       int max_lines)
{
	bp_text_style st = {.heading = heading,
	                    .size = size,
	                    .bold = bold,
	                    .width = width,
	                    .max_lines = max_lines,
	                    .align = BP_ALIGN_LEFT};
	return p->c->host->text(p->c->s, text, &st);
}

/* Text that fits its width on one line, left to right, draws the same
 * glyphs at the same place unwrapped; and Pango 1.50 shapes a wrapped
 * layout's text twice when it fits on one line (once when it may only
 * have one, max_lines 1: that line is laid out unwrapped and ellipsized).
 * So texts that usually fit are laid out unwrapped first, and wrapped only
 * when they do not fit: one shaping saved when they fit, one spent when
 * they do not. */
static PangoLayout *mk_short(plan *p, const char *text, int heading, double size, int bold,
                             double width, int max_lines)
{
	PangoLayout *l = mk(p, text, heading, size, bold, 0, 0);
	if (p->c->host->text_fits(l, width))
		return l;
	g_object_unref(l);
	return mk(p, text, heading, size, bold, width, max_lines);
}

static double height_of(plan *p, PangoLayout *l)
{
	double w, h;
	p->c->host->text_size(l, &w, &h);
	return h;
}

static double width_of(plan *p, PangoLayout *l)
{
	double w, h;
	p->c->host->text_size(l, &w, &h);
	return w;
}

/* A new block at (x, y), h high; NULL when out of memory. */
static cover_block *place(plan *p, cover_block_kind kind, double x, double y, double h,
                          bp_color col)
{
	cover_block *b = cover_add(p->c, kind);
	if (b) {
		b->x = x;
		b->y = y;
		b->h = h;
		b->color = col;
	}
	return b;
}

/* Hands l to the plan at (x, y); returns 0, or -1 when out of memory. */
static int put_text(plan *p, PangoLayout *l, double x, double y, bp_color col)
{
	cover_block *b = place(p, CB_TEXT, x, y, height_of(p, l), col);
	if (!b) {
		g_object_unref(l);
		return -1;
	}
	b->layout = l;
	return 0;
}

static int put_rect(plan *p, cover_block_kind kind, double x, double y, double w, double h,
                    double lw, bp_color col)
{
	cover_block *b = place(p, kind, x, y, h, col);
	if (!b)
		return -1;
	b->w = w;
	b->lw = lw;
	return 0;
}

/* The title at the largest size (from 3.2× body down) where it takes at
 * most TITLE_LINES lines; from 2× body down it may take up to max_lines,
 * and at the smallest size (1.5× body) it is cut there.  A title usually
 * fits on one line at the largest size, or wraps there: only that size
 * tries it unwrapped first. */
static PangoLayout *title_layout(plan *p, const char *title, int max_lines)
{
	double size = fmin(fmax(p->b * 3.2, 18.0), 36.0);
	double many = p->b * 2.0; /* from here on, many lines beat a tiny title */
	double min = fmax(p->b * 1.5, 12.0);
	for (int first = 1;; first = 0) {
		PangoLayout *l = first ? mk_short(p, title, 1, size, 1, p->tw, 0)
		                       : mk(p, title, 1, size, 1, p->tw, 0);
		int lines = pango_layout_get_line_count(l);
		if (lines <= max_lines && (lines <= TITLE_LINES || size <= many))
			return l;
		g_object_unref(l);
		if (size <= min)
			return mk(p, title, 1, min, 1, p->tw, max_lines);
		size = fmax(size * 0.9, min);
	}
}

/* The pack's date "YYYY-MM-DD" as the host writes a day; the raw text when
 * it is not a date. */
static void pack_date(plan *p, const char *date, char *buf, size_t n)
{
	int y, m, d;
	char tail;
	if (!date || sscanf(date, "%d-%d-%d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 ||
	    d < 1 || d > 31) {
		snprintf(buf, n, "%s", date ? date : "");
		return;
	}
	bp_time t = {.prec = BP_PREC_DAY, .year = y, .month = m, .day = d};
	t.days = cover_days_from_civil(y, m, d);
	t.epoch = t.days * 86400;
	p->c->host->format_time(p->c->s, &t, BP_FMT_DATE_DAY, buf, n);
}

/* A small upper-case heading ("SUMMARY") in the accent colour. */
static PangoLayout *small_heading(plan *p, cover_word w)
{
	char *up = g_utf8_strup(cover_word_get(p->lang, w), -1);
	PangoLayout *l = mk(p, up, 1, p->b * 0.85, 1, p->tw, 1);
	g_free(up);
	return l;
}

/* The fixed top and bottom of the page, measured. */
typedef struct parts {
	PangoLayout *cls, *title, *sub, *place, *dates;
	double cls_h, title_h, sub_h, place_h, dates_h;
	PangoLayout *meta_label[3], *meta_value[3];
	const char *meta_text[3];
	int n_meta;
	double meta_label_w, meta_h;
} parts;

static void parts_free(parts *q)
{
	PangoLayout **all[] = {&q->cls, &q->title, &q->sub, &q->place, &q->dates};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (*all[i]) {
			g_object_unref(*all[i]);
			*all[i] = NULL;
		}
	for (int i = 0; i < q->n_meta; i++) {
		g_object_unref(q->meta_label[i]);
		g_object_unref(q->meta_value[i]);
	}
	q->n_meta = 0;
}

static void add_meta(plan *p, parts *q, cover_word label, const char *value)
{
	if (!nonempty(value))
		return;
	q->meta_label[q->n_meta] = mk(p, cover_word_get(p->lang, label), 0, p->b * 0.9, 0, 0, 0);
	q->meta_text[q->n_meta] = value;
	q->n_meta++;
}

/* Label column, values wrapped beside it, rows 0.35 body apart. */
static void measure_meta(plan *p, parts *q)
{
	q->meta_label_w = 0;
	for (int i = 0; i < q->n_meta; i++)
		q->meta_label_w = fmax(q->meta_label_w, width_of(p, q->meta_label[i]));
	double vx = TEXT_X + q->meta_label_w + p->b * 1.6;
	q->meta_h = 0;
	for (int i = 0; i < q->n_meta; i++) {
		q->meta_value[i] = mk_short(p, q->meta_text[i], 0, p->b, 0, fmax(p->W - vx, 40), 2);
		q->meta_h += fmax(height_of(p, q->meta_label[i]), height_of(p, q->meta_value[i]));
		if (i > 0)
			q->meta_h += p->b * 0.35;
	}
}

static double top_height(plan *p, const parts *q)
{
	double g = p->b, h = 0;
	if (q->cls)
		h += q->cls_h + 6 + 2 * g;
	h += q->title_h;
	if (q->sub)
		h += 0.6 * g + q->sub_h;
	if (q->place || q->dates)
		h += 1.6 * g;
	if (q->place)
		h += q->place_h;
	if (q->dates)
		h += (q->place ? 0.2 * g : 0) + q->dates_h;
	return h;
}

static double bottom_height(plan *p, const parts *q)
{
	return q->n_meta ? q->meta_h + 1.2 * p->b : 0;
}

/* The flexible middle: summary and sources. */
typedef struct middle {
	PangoLayout *sum_head, *sum, *src_head, *more;
	bp_lines *sum_lines; /* the whole summary, when the host broke it; else sum */
	PangoLayout **src;
	size_t n_src; /* sources kept */
	double h;
} middle;

/* Drops the summary, however it was laid out. */
static void sum_free(plan *p, middle *m)
{
	if (m->sum_lines)
		p->c->host->lines_free(m->sum_lines);
	if (m->sum)
		g_object_unref(m->sum);
	m->sum_lines = NULL;
	m->sum = NULL;
}

static void middle_free(plan *p, middle *m)
{
	sum_free(p, m);
	PangoLayout **all[] = {&m->sum_head, &m->src_head, &m->more};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (*all[i]) {
			g_object_unref(*all[i]);
			*all[i] = NULL;
		}
	for (size_t i = 0; i < m->n_src; i++)
		g_object_unref(m->src[i]);
	g_free(m->src);
	m->src = NULL;
	m->n_src = 0;
}

/* The summary at width (0: unwrapped), spaced before its text goes in:
 * laid out once. */
static PangoLayout *summary_layout(plan *p, const char *text, double width, int max_lines)
{
	PangoLayout *l = mk(p, "", 0, p->b * 1.05, 0, width, max_lines);
	pango_layout_set_line_spacing(l, 1.3f);
	p->c->host->text_set(p->c->s, l, text);
	return l;
}

/* The whole summary, shaped once and broken into lines by the host (Pango
 * shapes a wrapped paragraph two or three times); NULL when it declines. */
static bp_lines *summary_lines(plan *p, const char *text)
{
	PangoLayout *one = summary_layout(p, text, 0, 0);
	bp_lines *ln = p->c->host->lines(one, p->tw);
	g_object_unref(one);
	return ln;
}

static double lines_height(plan *p, const bp_lines *ln)
{
	PangoRectangle log;
	p->c->host->lines_extents(ln, 0, p->c->host->lines_count(ln), NULL, &log);
	return (double)log.height / PANGO_SCALE;
}

/* The summary's height, however it was laid out. */
static double sum_height(plan *p, const middle *m)
{
	return m->sum_lines ? lines_height(p, m->sum_lines) : height_of(p, m->sum);
}

#define SRC_INDENT (p->b * 1.3)

/* Lays out the middle within `room` points. */
static void plan_middle(plan *p, const bp_dossier *d, double room, middle *m)
{
	double g = p->b;
	memset(m, 0, sizeof *m);
	int want_sum = p->c->show_summary && nonempty(d->summary);
	int want_src = p->c->show_sources && d->n_sources > 0;
	double sum_full = 0, src_full = 0, head_h = 0;
	double *src_h = NULL;
	if (want_sum) {
		m->sum_head = small_heading(p, CW_SUMMARY);
		head_h = height_of(p, m->sum_head);
		m->sum_lines = summary_lines(p, d->summary);
		if (!m->sum_lines)
			m->sum = summary_layout(p, d->summary, p->tw, 0);
		sum_full = head_h + 0.5 * g + sum_height(p, m);
	}
	if (want_src) {
		m->src_head = small_heading(p, CW_SOURCES);
		head_h = height_of(p, m->src_head);
		m->src = g_new0(PangoLayout *, d->n_sources);
		src_h = g_new0(double, d->n_sources);
		src_full = head_h + 0.5 * g;
		for (size_t i = 0; i < d->n_sources; i++) {
			m->src[i] = mk_short(p, d->sources[i], 0, p->b * 0.9, 0, p->tw - SRC_INDENT,
			                     SOURCE_LINES);
			src_h[i] = height_of(p, m->src[i]);
			src_full += src_h[i] + (i ? 0.3 * g : 0);
		}
		m->n_src = d->n_sources;
	}
	double between = want_sum && want_src ? 1.6 * g : 0;
	if (sum_full + between + src_full <= room) {
		m->h = sum_full + between + src_full;
		g_free(src_h);
		return;
	}

	/* Too much: sources keep what the summary leaves, but at least a
	 * third of the room (all of it without a summary), whole items only,
	 * then a "… and N more". */
	double src_used = 0;
	if (want_src) {
		double budget =
		        want_sum ? fmax(fmin(src_full, room / 3), room - sum_full - between) : room;
		char more[64];
		PangoLayout *more_l = mk(p, "\u2026", 0, p->b * 0.9, 0, p->tw - SRC_INDENT, 1);
		double more_h = height_of(p, more_l);
		g_object_unref(more_l);
		double used = head_h + 0.5 * g;
		size_t keep = 0;
		while (keep < d->n_sources) {
			double next = used + (keep ? 0.3 * g : 0) + src_h[keep];
			int last = keep + 1 == d->n_sources;
			if (next + (last ? 0 : 0.3 * g + more_h) > budget)
				break;
			used = next;
			keep++;
		}
		if (keep == 0 && used + more_h > budget) {
			want_src = 0; /* not even one line: leave the sources out */
			g_object_unref(m->src_head);
			m->src_head = NULL;
		} else if (keep < d->n_sources) {
			snprintf(more, sizeof more, cover_word_get(p->lang, CW_MORE_SOURCES),
			         d->n_sources - keep);
			m->more = mk(p, more, 0, p->b * 0.9, 0, p->tw - SRC_INDENT, 1);
			used += (keep ? 0.3 * g : 0) + height_of(p, m->more);
		}
		for (size_t i = want_src ? keep : 0; i < m->n_src; i++)
			g_object_unref(m->src[i]);
		m->n_src = want_src ? keep : 0;
		src_used = want_src ? used : 0;
	}
	g_free(src_h);

	if (want_sum) {
		double budget = room - src_used - (want_src ? 1.6 * g : 0) - head_h - 0.5 * g;
		int lines = m->sum_lines ? (int)p->c->host->lines_count(m->sum_lines)
		                         : pango_layout_get_line_count(m->sum);
		double per_line = sum_height(p, m) / (lines > 0 ? lines : 1);
		int fit = per_line > 0 ? (int)floor(budget / per_line) : 0;
		sum_free(p, m);
		while (fit >= 2) {
			m->sum = summary_layout(p, d->summary, p->tw, fit);
			if (height_of(p, m->sum) <= budget)
				break;
			g_object_unref(m->sum);
			m->sum = NULL;
			fit--;
		}
		if (!m->sum) { /* fewer than two lines: a summary cut that short says nothing */
			g_object_unref(m->sum_head);
			m->sum_head = NULL;
			want_sum = 0;
		}
	}
	m->h = src_used;
	if (want_sum)
		m->h += head_h + 0.5 * g + height_of(p, m->sum) + (want_src ? 1.6 * g : 0);
}

/* Hands the host's lines to the plan at (x, y); returns 0, or -1 when out
 * of memory. */
static int put_lines(plan *p, bp_lines *ln, double x, double y, bp_color col)
{
	cover_block *b = place(p, CB_LINES, x, y, lines_height(p, ln), col);
	if (!b) {
		p->c->host->lines_free(ln);
		return -1;
	}
	b->lines = ln;
	return 0;
}

/* Moves the middle's layouts onto the page from y. */
static int place_middle(plan *p, middle *m, double y)
{
	double g = p->b;
	int rc = 0;
	if (m->sum || m->sum_lines) {
		double hh = height_of(p, m->sum_head);
		rc |= put_text(p, m->sum_head, TEXT_X, y, p->th->accent);
		y += hh + 0.5 * g;
		double sh = sum_height(p, m);
		if (m->sum_lines)
			rc |= put_lines(p, m->sum_lines, TEXT_X, y, p->th->text);
		else
			rc |= put_text(p, m->sum, TEXT_X, y, p->th->text);
		y += sh + 1.6 * g;
		m->sum_head = m->sum = NULL;
		m->sum_lines = NULL;
	}
	if (m->src_head) {
		double hh = height_of(p, m->src_head);
		rc |= put_text(p, m->src_head, TEXT_X, y, p->th->accent);
		y += hh + 0.5 * g;
		m->src_head = NULL;
		/* One bullet for all sources: each block holds a reference. */
		PangoLayout *bullet = m->n_src ? mk(p, "\u2022", 0, p->b * 0.9, 0, 0, 0) : NULL;
		for (size_t i = 0; i <= m->n_src; i++) {
			PangoLayout *l = i < m->n_src ? m->src[i] : m->more;
			if (!l)
				break;
			double h = height_of(p, l);
			if (i < m->n_src)
				rc |= put_text(p, g_object_ref(bullet), TEXT_X, y, p->th->accent);
			rc |= put_text(p, l, TEXT_X + SRC_INDENT, y,
			               i < m->n_src ? p->th->text : p->th->muted);
			y += h + 0.3 * g;
		}
		if (bullet)
			g_object_unref(bullet);
		g_free(m->src);
		m->src = NULL;
		m->n_src = 0;
		m->more = NULL;
	}
	return rc;
}

int cover_layout(void *self, const bp_frame *frame)
{
	cover *c = self;
	const bp_host *host = c->host;
	const bp_document *doc = host->document(c->s);
	const bp_dossier *d = host->dossier(c->s);
	plan p = {.c = c, .th = host->theme(c->s), .lang = doc->language};
	p.W = frame->width;
	p.H = frame->height;
	p.b = p.th->body_size > 0 ? p.th->body_size : 10;
	p.tw = fmax(p.W - TEXT_X, 40);
	double g = p.b;
	cover_clear(c);

	parts q = {0};
	if (nonempty(doc->classification)) {
		q.cls = mk_short(&p, doc->classification, 1, p.b * 1.25, 1, p.W - 24, 2);
		q.cls_h = height_of(&p, q.cls);
	}
	const char *sub = nonempty(doc->subtitle) ? doc->subtitle : NULL;
	if (sub) {
		q.sub = mk_short(&p, sub, 1, p.b * 1.45, 0, p.tw, 3);
		q.sub_h = height_of(&p, q.sub);
	}
	if (nonempty(d->place)) {
		q.place = mk_short(&p, d->place, 0, p.b * 1.2, 1, p.tw, 2);
		q.place_h = height_of(&p, q.place);
	}
	char span[160];
	if (cover_span(d->events, d->n_events, p.lang, span, sizeof span)) {
		q.dates = mk(&p, span, 0, p.b * 1.2, 0, p.tw, 1);
		q.dates_h = height_of(&p, q.dates);
	}
	char date[96];
	pack_date(&p, doc->date, date, sizeof date);
	add_meta(&p, &q, CW_AUTHOR, doc->author);
	add_meta(&p, &q, CW_ORGANISATION, doc->organisation);
	add_meta(&p, &q, CW_PREPARED, date);
	measure_meta(&p, &q);

	/* The title shrinks first; on a tiny frame it is cut line by line. */
	int title_max = TITLE_MAX;
	for (;;) {
		q.title = title_layout(&p, doc->title, title_max);
		q.title_h = height_of(&p, q.title);
		double fixed = top_height(&p, &q) + 2.4 * g + bottom_height(&p, &q);
		if (fixed <= p.H || title_max == 1)
			break;
		g_object_unref(q.title);
		title_max--;
	}

	double top = top_height(&p, &q);
	double bottom = bottom_height(&p, &q);
	/* After the top: gap, rule, gap; before the bottom: at least 2 body. */
	double room = p.H - top - 2.4 * g - 2 * g - bottom;
	middle m;
	plan_middle(&p, d, fmax(room, 0), &m);
	if (top + 2.4 * g + bottom > p.H)
		host->warn(c->s, "the cover does not fit its frame (%.0f x %.0f pt): parts are cut",
		           p.W, p.H);

	/* Spare room lowers the title block towards a fifth of the page. */
	double spare = fmax(room - m.h, 0);
	double y = 0;
	int rc = 0;
	if (q.cls) {
		double bw = fmin(width_of(&p, q.cls) + 24, p.W);
		rc |= put_rect(&p, CB_STROKE, 0, 0, bw, q.cls_h + 6, 1.5, p.th->banner);
		rc |= put_text(&p, q.cls, 12, 3, p.th->banner);
		q.cls = NULL;
		y = q.cls_h + 6 + 2 * g;
	}
	y += fmin(spare * 0.5, fmax(p.H * 0.2 - y, 0));
	double block_top = y;
	rc |= put_text(&p, q.title, TEXT_X, y, p.th->text);
	q.title = NULL;
	y += q.title_h;
	if (q.sub) {
		y += 0.6 * g;
		rc |= put_text(&p, q.sub, TEXT_X, y, p.th->muted);
		q.sub = NULL;
		y += q.sub_h;
	}
	rc |= put_rect(&p, CB_FILL, 0, block_top, STRIPE_W, y - block_top, 0, p.th->accent);
	if (q.place || q.dates)
		y += 1.6 * g;
	if (q.place) {
		rc |= put_text(&p, q.place, TEXT_X, y, p.th->text);
		q.place = NULL;
		y += q.place_h;
	}
	if (q.dates) {
		y += q.place_h > 0 ? 0.2 * g : 0;
		rc |= put_text(&p, q.dates, TEXT_X, y, p.th->accent);
		q.dates = NULL;
		y += q.dates_h;
	}
	if (m.h > 0) { /* a rule over an empty middle would only double the one below */
		y += 1.2 * g;
		rc |= put_rect(&p, CB_FILL, 0, y, p.W, 0.75, 0, p.th->grid);
		y += 1.2 * g;
		rc |= place_middle(&p, &m, y);
	}

	if (q.n_meta) {
		double yb = p.H - q.meta_h;
		rc |= put_rect(&p, CB_FILL, 0, yb - 1.2 * g, p.W, 0.75, 0, p.th->grid);
		double vx = TEXT_X + q.meta_label_w + p.b * 1.6;
		for (int i = 0; i < q.n_meta; i++) {
			double lh = height_of(&p, q.meta_label[i]);
			double vh = height_of(&p, q.meta_value[i]);
			/* labels are smaller: sit them on the value's first baseline */
			double base_v =
			        pango_layout_get_baseline(q.meta_value[i]) / (double)PANGO_SCALE;
			double base_l =
			        pango_layout_get_baseline(q.meta_label[i]) / (double)PANGO_SCALE;
			rc |= put_text(&p, q.meta_label[i], TEXT_X, yb + base_v - base_l,
			               p.th->muted);
			rc |= put_text(&p, q.meta_value[i], vx, yb, p.th->text);
			yb += fmax(lh, vh) + p.b * 0.35;
		}
		q.n_meta = 0;
	}
	middle_free(&p, &m);
	parts_free(&q);
	if (rc) {
		host->error(c->s, "out of memory");
		return -1;
	}
	return 1;
}
