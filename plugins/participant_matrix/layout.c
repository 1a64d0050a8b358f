/*
 * layout.c — measures the matrix for a frame and splits it into pages.
 *
 * Every text is measured once here, through a handful of layouts that are
 * refilled with text_set(), so the cost is one shaping per row label and
 * per event title whatever the size of the matrix.  The geometry of the
 * rotated headers is worked out once: a header is a text block of
 * thickness t and length L turned by the header angle a about the bottom
 * centre of its column, moved up its own baseline by s so that its lowest
 * corner clears the grid:
 *
 *     s = (t/2 cos a + pad) / sin a      header height = (s + L) sin a + t/2 cos a
 *
 * and columns are at least (t + gap) / sin a wide so that neighbouring
 * slanted blocks never touch.  What overhangs the last column to the right
 * is reserved out of the band's width.
 */
#include "matrix.h"
#include "paginate.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static PangoLayout *mk(pm_state *st, double size, int bold, double width, int lines)
{
	bp_text_style ts = {.size = size, .bold = bold, .width = width, .max_lines = lines};
	return st->host->text(st->s, "", &ts);
}

static void measure(pm_state *st, PangoLayout *l, const char *text, double *w, double *h)
{
	st->host->text_set(st->s, l, text);
	st->host->text_size(l, w, h);
}

/* measure() for a layout that wraps at its width: unwrapped first, since
 * text that fits on one line, left to right, draws the same unwrapped and
 * Pango 1.50 shapes a wrapped layout's text twice when it fits.  l keeps
 * the layout that was measured last. */
static void measure_fit(pm_state *st, PangoLayout *l, const char *text, double *w, double *h)
{
	int wrap = pango_layout_get_width(l);
	pango_layout_set_width(l, -1);
	measure(st, l, text, w, h);
	if (wrap < 0 || st->host->text_fits(l, (double)wrap / PANGO_SCALE))
		return;
	pango_layout_set_width(l, wrap);
	st->host->text_size(l, w, h);
}

/* The layout of a total: one per distinct value, made on first use from
 * l_num (totals repeat on every page; there are few distinct ones). */
PangoLayout *pm_num_layout(pm_state *st, int value)
{
	char num[32];
	snprintf(num, sizeof num, "%d", value);
	if (value < 0 || (size_t)value > st->m.n_rows + st->m.n_cols + 1) {
		st->host->text_set(st->s, st->l_num, num);
		return st->l_num;
	}
	if (!st->l_numval) {
		size_t n = st->m.n_rows + st->m.n_cols + 2;
		st->l_numval = calloc(n, sizeof *st->l_numval);
		if (!st->l_numval) {
			st->host->text_set(st->s, st->l_num, num);
			return st->l_num;
		}
		st->n_numval = n;
	}
	PangoLayout **l = &st->l_numval[value];
	if (!*l) {
		*l = pango_layout_copy(st->l_num);
		st->host->text_set(st->s, *l, num);
	}
	return *l;
}

static void set_width(PangoLayout *l, double w)
{
	pango_layout_set_width(l, w > 1 ? (int)(w * PANGO_SCALE) : PANGO_SCALE);
}

void pm_layout_free(pm_state *st)
{
	PangoLayout **ls[] = {&st->l_label, &st->l_cont,    &st->l_head,      &st->l_heading,
	                      &st->l_title, &st->l_prefix,  &st->l_total_hdr, &st->l_num,
	                      &st->l_group, &st->l_caption, &st->l_legend,    &st->l_message};
	for (size_t i = 0; i < sizeof ls / sizeof *ls; i++) {
		if (*ls[i])
			g_object_unref(*ls[i]);
		*ls[i] = NULL;
	}
	if (st->l_role) {
		for (size_t i = 0; i < st->d->n_roles; i++)
			if (st->l_role[i])
				g_object_unref(st->l_role[i]);
	}
	for (size_t i = 0; st->l_col_title && i < st->m.n_cols; i++)
		if (st->l_col_title[i])
			g_object_unref(st->l_col_title[i]);
	for (size_t i = 0; st->l_col_prefix && i < st->m.n_cols; i++)
		if (st->l_col_prefix[i])
			g_object_unref(st->l_col_prefix[i]);
	free(st->l_col_title);
	free(st->l_col_prefix);
	free(st->col_lead);
	free(st->col_bt);
	st->l_col_title = st->l_col_prefix = NULL;
	st->col_lead = st->col_bt = NULL;
	if (st->l_row)
		for (size_t i = 0; i < st->m.n_rows; i++)
			if (st->l_row[i])
				g_object_unref(st->l_row[i]);
	free(st->l_row);
	st->l_row = NULL;
	for (size_t i = 0; i < st->n_forms; i++)
		if (st->forms[i])
			cairo_pattern_destroy(st->forms[i]);
	free(st->forms);
	st->forms = NULL;
	st->n_forms = 0;
	for (size_t i = 0; i < st->n_numval; i++)
		if (st->l_numval[i])
			g_object_unref(st->l_numval[i]);
	free(st->l_numval);
	st->l_numval = NULL;
	st->n_numval = 0;
	for (size_t i = 0; st->l_group_form && i < st->m.n_groups * 3; i++)
		if (st->l_group_form[i])
			g_object_unref(st->l_group_form[i]);
	free(st->l_group_form);
	st->l_group_form = NULL;
	free(st->head_cont);
	free(st->head_cont_w);
	st->head_cont = st->head_cont_w = NULL;
	for (size_t i = 0; st->cont_one && i < st->m.n_rows; i++)
		if (st->cont_one[i])
			g_object_unref(st->cont_one[i]);
	free(st->cont_one);
	st->cont_one = NULL;
	free(st->title_nat);
	for (size_t i = 0; st->title_one && i < st->m.n_cols; i++)
		if (st->title_one[i])
			g_object_unref(st->title_one[i]);
	free(st->title_one);
	if (st->fits)
		for (size_t i = 0; i < st->m.n_cols * PM_FITS; i++)
			if (st->fits[i].l)
				g_object_unref(st->fits[i].l);
	free(st->fits);
	free(st->n_fits);
	st->fits = NULL;
	st->n_fits = NULL;
	st->title_nat = NULL;
	st->title_one = NULL;
	free(st->l_role);
	if (st->mark_font)
		cairo_scaled_font_destroy(st->mark_font);
	free(st->role_ink);
	free(st->row_h);
	free(st->cont_h);
	free(st->row_y);
	free(st->group_dated);
	st->group_dated = NULL;
	free(st->chunks);
	free(st->bands);
	for (size_t i = 0; st->legend_items && i < st->n_legend; i++)
		if (st->legend_items[i].l)
			g_object_unref(st->legend_items[i].l);
	free(st->legend_items);
	st->l_role = NULL;
	st->mark_font = NULL;
	st->role_ink = NULL;
	st->row_h = st->cont_h = st->row_y = NULL;
	st->chunks = st->bands = NULL;
	st->legend_items = NULL;
	st->n_legend = 0;
}

/* "10:00": the time that precedes an event's title in its header.  The
 * date joins it when the column groups are too narrow to name their day,
 * and always when the columns are grouped by track.  (A tentative or
 * cancelled event's status is drawn as its legend mark, not in words:
 * "предварительно" would crowd out the title.)  Column c's prefix layout
 * (NULL: none) is the last plan's if it says the same, else the column
 * before's if that does (events follow each other in time: a day's),
 * else laid out anew. */
static int header_prefix(pm_state *st, size_t c)
{
	char when[96] = "";
	const pm_col *col = &st->m.cols[c];
	const bp_event *e = col->event;
	int date = st->cfg.group == PM_GROUP_TRACK || st->group_dated[col->group];
	if (date)
		st->host->format_time(st->s, &e->start,
		                      e->start.prec == BP_PREC_TIME && st->show_times
		                              ? BP_FMT_DATETIME
		                              : BP_FMT_DATE_SHORT,
		                      when, sizeof when);
	else if (st->show_times && e->start.prec == BP_PREC_TIME)
		st->host->format_time(st->s, &e->start, BP_FMT_TIME, when, sizeof when);
	PangoLayout **l = &st->l_col_prefix[c], *before = c > 0 ? st->l_col_prefix[c - 1] : NULL;
	if (*l && strcmp(pango_layout_get_text(*l), when)) {
		g_object_unref(*l);
		*l = NULL;
	}
	if (*l || !*when)
		return 0;
	if (before && !strcmp(pango_layout_get_text(before), when))
		*l = g_object_ref(before);
	else if ((*l = pango_layout_copy(st->l_prefix)) != NULL)
		st->host->text_set(st->s, *l, when);
	return *l ? 0 : -1;
}

/* A row's height for a label h high: its lines and a little air (the
 * lines' own leading is most of it), in quarter points, so that equal
 * rows step by the same short number in a PDF. */
static double row_height(const pm_state *st, double h)
{
	return ceil((h + 0.1 * st->fs) * 4) / 4;
}

static int make_role_layouts(pm_state *st)
{
	size_t n = st->d->n_roles;
	st->l_role = calloc(n + 1, sizeof *st->l_role);
	st->role_ink = calloc(n + 1, sizeof *st->role_ink);
	if (!st->l_role || !st->role_ink)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const bp_role *r = st->d->roles[i];
		if (pm_role_is_dot(r) || !st->m.role_used[i])
			continue;
		/* Two-character marks a little smaller so they fit the cell. */
		glong chars = g_utf8_strlen(r->mark, -1);
		st->l_role[i] = mk(st, st->fs * (chars > 1 ? 0.78 : 0.95), 1, 0, 0);
		st->host->text_set(st->s, st->l_role[i], r->mark);
		pango_layout_get_extents(st->l_role[i], &st->role_ink[i], NULL);
		if ((double)st->role_ink[i].width / PANGO_SCALE > st->role_w)
			st->role_w = (double)st->role_ink[i].width / PANGO_SCALE;
	}
	return 0;
}

/* Row labels: width, wrapping, and the resulting row heights.  Each row
 * gets its own copy of its style's layout, kept for drawing. */
static int measure_rows(pm_state *st, double text_w)
{
	double maxw = 0, w, h;
	const pm_model *m = &st->m;
	st->l_row = calloc(m->n_rows + 1, sizeof *st->l_row);
	if (!st->l_row)
		return -1;
	for (size_t i = 0; i < m->n_rows; i++) {
		const pm_row *r = &m->rows[i];
		PangoLayout *l;
		if (r->kind == PM_ROW_HEADING) {
			const char *name = r->delegation
			                           ? r->delegation->name
			                           : st->host->label(st->s, BP_LABEL_NO_DELEGATION);
			l = st->l_row[i] = pango_layout_copy(st->l_heading);
			measure_fit(st, l, name, &w, &h);
			w -= st->indent; /* headings may use the indent too */
		} else {
			const char *name = r->person ? r->person->name : r->delegation->name;
			l = st->l_row[i] = pango_layout_copy(r->head ? st->l_head : st->l_label);
			measure_fit(st, l, name, &w, &h);
		}
		if (w > maxw)
			maxw = w;
		st->row_h[i] = row_height(st, h);
	}
	if (maxw > text_w)
		maxw = text_w;
	st->label_w = maxw + st->indent + st->pad + st->fs * 0.5;
	/* Final widths. */
	set_width(st->l_label, maxw);
	set_width(st->l_head, maxw);
	set_width(st->l_heading, maxw + st->indent);
	/* A label on one line, not shortened, is no wider than maxw, so it
	 * lays out (and, left-aligned, draws) the same at the final width, or
	 * unwrapped: only wrapped or shortened ones are laid out again. */
	for (size_t i = 0; i < m->n_rows; i++) {
		PangoLayout *l = st->l_row[i];
		int fin = pango_layout_get_width(m->rows[i].kind == PM_ROW_HEADING ? st->l_heading
		                                                                   : st->l_label);
		if (pango_layout_get_width(l) != fin &&
		    (pango_layout_get_line_count(l) > 1 || pango_layout_is_ellipsized(l)))
			pango_layout_set_width(l, fin);
	}
	return 0;
}

/* The repeated "Alphaland (continued)" heading above a chunk that starts
 * inside delegation g (its heading row), laid out at l_cont's width: its
 * line unwrapped when it fits (left to right, it draws the same), laid
 * out once and kept, since every plan tries another width; else l_cont
 * set to it. */
PangoLayout *pm_cont_layout(pm_state *st, size_t g)
{
	PangoLayout **one = &st->cont_one[g];
	if (!*one) {
		const pm_row *r = &st->m.rows[g];
		const char *name = r->delegation ? r->delegation->name
		                                 : st->host->label(st->s, BP_LABEL_NO_DELEGATION);
		char buf[512];
		snprintf(buf, sizeof buf, "%s %s", name,
		         st->host->label(st->s, BP_LABEL_CONTINUED));
		if (!(*one = pango_layout_copy(st->l_cont))) {
			st->host->text_set(st->s, st->l_cont, buf);
			return st->l_cont;
		}
		pango_layout_set_width(*one, -1);
		st->host->text_set(st->s, *one, buf);
	}
	if (st->host->text_fits(*one, (double)pango_layout_get_width(st->l_cont) / PANGO_SCALE))
		return *one;
	st->host->text_set(st->s, st->l_cont, pango_layout_get_text(*one));
	return st->l_cont;
}

/* The height of that heading: it carries no marks, so it may run across
 * the whole table, and is measured at the narrowest band's width
 * (cont_w), once per width. */
static double continued_h(pm_state *st, size_t g)
{
	if (st->head_cont_w[g] == st->cont_w)
		return st->head_cont[g];
	double w, h;
	st->host->text_size(pm_cont_layout(st, g), &w, &h);
	st->head_cont_w[g] = st->cont_w;
	return st->head_cont[g] = row_height(st, h);
}

/* Rows into page-high chunks.  pm_paginate_rows() reads a row's repeated
 * heading height only where a chunk starts at that row, so the rows go in
 * with the heights known at this width (0 for the others); a chunk found
 * starting inside a delegation not measured yet has its heading measured
 * and the rows are paginated again.  The chunks before the first unknown
 * start are final in every pass, so the last pass gives what paginating
 * with every height known gives, having measured only the starts'. */
static long paginate_rows(pm_state *st, pm_item *items, size_t n_items, double cap, size_t *bad)
{
	const pm_model *m = &st->m;
	size_t narrowest = m->n_cols;
	for (long b = 0; b < st->n_bands; b++)
		if (st->bands[b + 1] - st->bands[b] < narrowest)
			narrowest = st->bands[b + 1] - st->bands[b];
	st->cont_w = st->label_w + narrowest * st->col_w + st->total_w - 2 * st->pad;
	set_width(st->l_cont, st->cont_w);
	for (size_t i = 0; i < m->n_rows; i++) {
		int g = m->rows[i].kind == PM_ROW_PERSON ? m->rows[i].group : -1;
		items[i].cont = g >= 0 && st->head_cont_w[g] == st->cont_w ? st->head_cont[g] : 0;
	}
	long n;
	for (int all = 0;;) {
		free(st->chunks);
		st->chunks = NULL;
		n = pm_paginate_rows(items, n_items, cap, &st->chunks, bad);
		if (n == -1 && !all) {
			/* Which row cannot fit is certain only with every height. */
			for (size_t i = 0; i < m->n_rows; i++)
				if (m->rows[i].kind == PM_ROW_PERSON && m->rows[i].group >= 0)
					items[i].cont = continued_h(st, (size_t)m->rows[i].group);
			all = 1;
			continue;
		}
		if (n < 0)
			return n;
		int again = 0;
		for (long k = 1; k < n; k++) {
			size_t s = st->chunks[k];
			if (s >= m->n_rows || m->rows[s].kind != PM_ROW_PERSON ||
			    m->rows[s].group < 0)
				continue;
			size_t g = (size_t)m->rows[s].group;
			if (st->head_cont_w[g] == st->cont_w && items[s].cont == st->head_cont[g])
				continue;
			double h = continued_h(st, g);
			for (size_t i = g + 1; i < m->n_rows && m->rows[i].group == (int)g; i++)
				if (m->rows[i].kind == PM_ROW_PERSON)
					items[i].cont = h;
			again = 1;
		}
		if (!again)
			break;
	}
	for (size_t i = 0; i < m->n_rows; i++)
		st->cont_h[i] = items[i].cont;
	return n;
}

/* Form i of group g's name in the group row (draw.c: the long date, the
 * short one, the day; or the track), unwrapped, made from text the first
 * time it is asked for and kept: the short date judges the groups in
 * every plan, and every band draws its groups' forms. */
PangoLayout *pm_group_form(pm_state *st, size_t g, int i, const char *text)
{
	PangoLayout **l = &st->l_group_form[g * 3 + (size_t)i];
	if (!*l && (*l = pango_layout_copy(st->l_group)) != NULL) {
		pango_layout_set_width(*l, -1);
		st->host->text_set(st->s, *l, text);
	}
	return *l;
}

/* Marks the day groups too narrow to name their day in the group row:
 * their columns' headers carry the date instead. */
static void date_narrow_groups(pm_state *st)
{
	const pm_model *m = &st->m;
	char buf[128];
	double w = 0, h;
	if (st->cfg.group != PM_GROUP_DAY)
		return;
	for (size_t g = 0; g < m->n_groups; g++) {
		/* The dates do not depend on the plan: made on the first. */
		PangoLayout *l = st->l_group_form[g * 3 + 1];
		if (!l) {
			st->host->format_time(st->s, m->groups[g].day, BP_FMT_DATE_SHORT, buf,
			                      sizeof buf);
			l = pm_group_form(st, g, 1, buf);
		}
		if (l)
			st->host->text_size(l, &w, &h);
		st->group_dated[g] = w > m->groups[g].count * st->col_w - 2 * st->pad;
	}
}

/* Title c laid out at st->l_title's lines and width.  Plans often ask for
 * a width an earlier plan tried (the final plan repeats one), so each
 * column keeps its fits; the layout itself is kept only for the fit asked
 * last, which is the one make_header_layouts() wants when the search ends
 * on the plan it picks. */
static const pm_fit *title_fit(pm_state *st, size_t c)
{
	int lines = st->hdr_lines, width = pango_layout_get_width(st->l_title);
	pm_fit *f = st->fits + c * PM_FITS, *e = NULL;
	for (int i = 0; i < st->n_fits[c] && !e; i++)
		if (f[i].lines == lines && f[i].width == width)
			e = &f[i];
	if (!e) {
		PangoLayout *l = pango_layout_copy(st->l_title);
		if (!l)
			return NULL;
		double w, h;
		measure(st, l, st->m.cols[c].event->title, &w, &h);
		if (st->n_fits[c] < PM_FITS)
			e = &f[st->n_fits[c]++];
		else if ((e = &f[PM_FITS - 1])->l) /* never with the plans tried */
			g_object_unref(e->l);
		*e = (pm_fit){lines, width, w, h, pango_layout_is_ellipsized(l) != 0, l};
	}
	for (int i = 0; i < st->n_fits[c]; i++)
		if (&f[i] != e && f[i].l) {
			g_object_unref(f[i].l);
			f[i].l = NULL;
		}
	return e;
}

/* The rotated headers: each is its prefix, then its title in what is left
 * of the header length; hdr_len is the longest such block.  A probe stops
 * at the first title that has to be shortened and returns 1. */
static int measure_headers(pm_state *st, int probe)
{
	const pm_model *m = &st->m;
	double w, h;
	if (!st->title_nat) {
		st->title_nat = malloc((m->n_cols + 1) * sizeof *st->title_nat);
		st->l_col_prefix = calloc(m->n_cols + 1, sizeof *st->l_col_prefix);
		st->title_one = calloc(m->n_cols + 1, sizeof *st->title_one);
		st->fits = calloc(m->n_cols * PM_FITS + 1, sizeof *st->fits);
		st->n_fits = calloc(m->n_cols + 1, 1);
		if (!st->title_nat || !st->title_one || !st->l_col_prefix || !st->fits ||
		    !st->n_fits)
			return -1;
		for (size_t c = 0; c < m->n_cols; c++)
			st->title_nat[c] = -1;
	}
	double len = 0;
	st->hdr_cut = 0;
	for (size_t c = 0; c < m->n_cols; c++) {
		if (header_prefix(st, c) != 0)
			return -1;
		double pw = 0;
		if (st->l_col_prefix[c])
			st->host->text_size(st->l_col_prefix[c], &pw, &h);
		double lead = pm_header_lead(st, m->cols[c].event->status, pw);
		set_width(st->l_title, pm_title_width(st, lead));
		/* A title that fits on one line is that wide at any width it
		 * fits: measured once, unwrapped, and kept for drawing (its
		 * direction is not automatic: it reads left to right, and draws
		 * the same unwrapped); only longer ones are laid out at each
		 * plan's width. */
		if (st->title_nat[c] < 0) {
			PangoLayout *one = pango_layout_copy(st->l_title);
			if (!one)
				return -1;
			pango_layout_set_width(one, -1);
			st->host->text_set(st->s, one, m->cols[c].event->title);
			PangoRectangle r;
			pango_layout_get_extents(one, NULL, &r);
			if (pango_layout_get_line_count(one) == 1) {
				st->title_nat[c] = r.width;
				st->title_one[c] = one;
			} else {
				st->title_nat[c] = INT_MAX;
				g_object_unref(one);
			}
		}
		if (st->title_nat[c] <= pango_layout_get_width(st->l_title)) {
			w = (double)st->title_nat[c] / PANGO_SCALE;
		} else {
			const pm_fit *f = title_fit(st, c);
			if (!f)
				return -1;
			w = f->w;
			st->hdr_cut += f->cut;
			if (probe && f->cut)
				return 1;
		}
		if (lead + w > len)
			len = lead + w;
	}
	if (st->totals) {
		/* Its text was set once, in pm_layout(). */
		st->host->text_size(st->l_total_hdr, &w, &h);
		if (w > len)
			len = w;
	}
	st->hdr_len = len;
	return 0;
}

/* What precedes the title in a header: the status mark, the time. */
double pm_header_lead(const pm_state *st, bp_status status, double prefix_w)
{
	double gap = st->fs * 0.45, lead = 0;
	if (status != BP_STATUS_CONFIRMED)
		lead += st->mark_r * 2.6 + gap;
	if (prefix_w > 0)
		lead += prefix_w + gap;
	return lead;
}

/* The width left for an event's title after its lead; a long lead
 * lengthens its header rather than leave the title a few letters. */
double pm_title_width(const pm_state *st, double lead)
{
	double w = st->hdr_limit - lead;
	return w > st->hdr_limit * 0.6 ? w : st->hdr_limit * 0.6;
}

/* One title layout per column, laid out at its final width, beside the
 * prefix the plan search laid out: drawing a header is then only showing
 * them. */
static int make_header_layouts(pm_state *st)
{
	const pm_model *m = &st->m;
	size_t n = m->n_cols;
	st->l_col_title = calloc(n + 1, sizeof *st->l_col_title);
	st->col_lead = calloc(n + 1, sizeof *st->col_lead);
	st->col_bt = calloc(n + 1, sizeof *st->col_bt);
	if (!st->l_col_title || !st->col_lead || !st->col_bt)
		return -1;
	for (size_t c = 0; c < n; c++) {
		const bp_event *e = m->cols[c].event;
		double pw = 0, ph = 0, w, th;
		if (st->l_col_prefix[c]) /* the plan search's */
			st->host->text_size(st->l_col_prefix[c], &pw, &ph);
		st->col_lead[c] = pm_header_lead(st, e->status, pw);
		double tw = pm_title_width(st, st->col_lead[c]);
		/* The plan search's own layout of this title: unwrapped when it
		 * fits one line (left to right, it draws the same), else the one
		 * it made at this width if it kept it. */
		const pm_fit *f = NULL;
		int want = tw > 1 ? (int)(tw * PANGO_SCALE) : PANGO_SCALE;
		for (int i = 0; i < st->n_fits[c] && !f; i++)
			if (st->fits[c * PM_FITS + i].lines == st->hdr_lines &&
			    st->fits[c * PM_FITS + i].width == want && st->fits[c * PM_FITS + i].l)
				f = &st->fits[c * PM_FITS + i];
		if (st->title_nat[c] <= want) {
			st->l_col_title[c] = st->title_one[c];
			st->title_one[c] = NULL;
			st->host->text_size(st->l_col_title[c], &w, &th);
		} else if (f) {
			st->l_col_title[c] = g_object_ref(f->l);
			th = f->h;
		} else {
			/* Too long for one line: only wrapped. */
			st->l_col_title[c] = mk(st, st->hfs, 0, tw, st->hdr_lines);
			if (!st->l_col_title[c])
				return -1;
			pango_layout_set_auto_dir(st->l_col_title[c], FALSE);
			measure(st, st->l_col_title[c], e->title, &w, &th);
		}
		st->col_bt[c] = th > ph ? th : ph;
	}
	return 0;
}

static void build_legend(pm_state *st)
{
	const pm_model *m = &st->m;
	size_t n = 0, cap = m->n_roles + 8;
	st->legend_items = calloc(cap, sizeof *st->legend_items);
	if (!st->legend_items || !st->legend) {
		st->legend_h = 0;
		return;
	}
	pm_legend_item *it = st->legend_items;
	for (size_t i = 0; i < m->n_roles; i++)
		if (m->role_used[i])
			it[n++] = (pm_legend_item){
			        .kind = PM_LEG_ROLE, .role = i, .text = st->d->roles[i]->name};
	if (m->light_used)
		it[n++] = (pm_legend_item){
		        .kind = PM_LEG_LIGHT,
		        .text = pm_word_get(st->lang, st->cfg.rows == PM_ROWS_PEOPLE
		                                              ? PM_W_VIA_DELEGATION
		                                              : PM_W_VIA_MEMBER)};
	if (m->tentative_used)
		it[n++] = (pm_legend_item){.kind = PM_LEG_TENTATIVE,
		                           .text = st->host->label(st->s, BP_LABEL_TENTATIVE)};
	if (m->cancelled_used) {
		it[n++] = (pm_legend_item){.kind = PM_LEG_CANCELLED,
		                           .text = st->host->label(st->s, BP_LABEL_CANCELLED)};
		if (st->totals)
			it[n++] = (pm_legend_item){.kind = PM_LEG_TEXT,
			                           .text = pm_word_get(st->lang, PM_W_TOTAL_NOTE)};
	}
	if (st->show_times && m->any_time && st->d->zone_label)
		it[n++] = (pm_legend_item){.kind = PM_LEG_TIMES, .text = st->d->zone_label};
	st->n_legend = n;
	if (n == 0) {
		st->legend_h = 0;
		return;
	}
	/* Flow the items into lines as wide as the frame: each mark, a gap,
	 * its words. */
	double gap = st->fs * 0.35, space = st->fs * 1.4, x = 0, w, h, lh = 0;
	int line = 0;
	char buf[512];
	for (size_t i = 0; i < n; i++) {
		const char *text = it[i].text;
		if (it[i].kind == PM_LEG_TIMES) {
			snprintf(buf, sizeof buf, pm_word_get(st->lang, PM_W_TIMES), text);
			text = buf;
		}
		/* Kept for drawing: the legend repeats on every page. */
		it[i].l = pango_layout_copy(st->l_legend);
		if (!it[i].l) {
			st->n_legend = i;
			st->legend_h = 0;
			return;
		}
		measure(st, it[i].l, text, &w, &h);
		if (h > lh)
			lh = h;
		it[i].mark_w = st->mark_r * 2;
		if (it[i].kind == PM_LEG_ROLE && st->l_role[it[i].role] &&
		    (double)st->role_ink[it[i].role].width / PANGO_SCALE > it[i].mark_w)
			it[i].mark_w = (double)st->role_ink[it[i].role].width / PANGO_SCALE;
		double lead = it[i].kind == PM_LEG_TEXT || it[i].kind == PM_LEG_TIMES
		                      ? 0
		                      : it[i].mark_w + gap;
		double iw = lead + w;
		if (iw > st->frame.width)
			iw = st->frame.width;
		if (x > 0 && x + iw > st->frame.width) {
			line++;
			x = 0;
		}
		it[i].x = x;
		it[i].text_x = x + lead;
		it[i].w = iw;
		it[i].line = line;
		x += iw + space;
	}
	st->legend_line_h = lh;
	st->legend_h = (line + 1) * lh + st->pad * 3;
}

/* The outline entry of band b: "Events 19–36 (Thu 9 Oct – Fri 10 Oct)". */
static void band_title(pm_state *st, long b, char *out, size_t n)
{
	size_t c0 = st->bands[b], c1 = st->bands[b + 1];
	int k = snprintf(out, n, pm_word_get(st->lang, PM_W_BAND_TITLE), c0 + 1, c1);
	if (k < 0 || (size_t)k >= n || c1 <= c0)
		return;
	char a[96], z[96];
	const pm_model *m = &st->m;
	if (st->cfg.group == PM_GROUP_DAY) {
		st->host->format_time(st->s, &m->cols[c0].event->start, BP_FMT_DATE_SHORT, a,
		                      sizeof a);
		st->host->format_time(st->s, &m->cols[c1 - 1].event->start, BP_FMT_DATE_SHORT, z,
		                      sizeof z);
	} else {
		const bp_track *ta = m->cols[c0].event->track, *tz = m->cols[c1 - 1].event->track;
		snprintf(a, sizeof a, "%s", ta ? ta->name : pm_word_get(st->lang, PM_W_NO_TRACK));
		snprintf(z, sizeof z, "%s", tz ? tz->name : pm_word_get(st->lang, PM_W_NO_TRACK));
	}
	if (strcmp(a, z))
		snprintf(out + k, n - (size_t)k, " (%s \u2013 %s)", a, z);
	else
		snprintf(out + k, n - (size_t)k, " (%s)", a);
}

static long page_of(const pm_state *st, long band, long chunk)
{
	return st->across ? chunk * st->n_bands + band : band * st->n_chunks + chunk;
}

static void declare_anchors(pm_state *st)
{
	char name[160], id[96], title[320];
	const char *sid = st->host->section_id(st->s);
	if (st->n_bands > 1) {
		for (long b = 0; b < st->n_bands; b++) {
			snprintf(id, sizeof id, "%s-events-%zu-%zu", sid ? sid : "matrix",
			         st->bands[b] + 1, st->bands[b + 1]);
			st->host->anchor_name("section", id, name, sizeof name);
			band_title(st, b, title, sizeof title);
			st->host->add_anchor(st->s, (int)page_of(st, b, 0), 0, name, title, 2);
		}
	}
	/* Link targets for delegations, where their rows start (first band). */
	double top = st->caption_h + st->header_h + st->group_h;
	for (long c = 0; c < st->n_chunks; c++) {
		double y = top;
		size_t first = st->chunks[c], last = st->chunks[c + 1];
		if (first < st->m.n_rows && st->cont_h[first] > 0)
			y += st->cont_h[first];
		for (size_t i = first; i < last && i < st->m.n_rows; i++) {
			const pm_row *r = &st->m.rows[i];
			if (r->kind != PM_ROW_PERSON && r->delegation) {
				st->host->anchor_name("delegation", r->delegation->id, name,
				                      sizeof name);
				st->host->add_anchor(st->s, (int)page_of(st, 0, c), floor(y), name,
				                     NULL, 2);
			}
			y += st->row_h[i];
		}
	}
}

enum { PLAN_NARROW = -1, PLAN_LOW = -2, PLAN_NOMEM = -3, PLAN_CUT = -4 };

/* Header geometry, bands and chunks for one header length limit.  Returns
 * the page count or a PLAN_* failure; leaves st describing that plan.  A
 * probe gives up with PLAN_CUT as soon as a title has to be shortened. */
static long plan(pm_state *st, int lines, double limit, pm_item *items, size_t n_items, size_t *bad,
                 int probe)
{
	const pm_model *m = &st->m;
	free(st->bands);
	free(st->chunks);
	st->bands = NULL;
	st->chunks = NULL;
	/* Columns: as narrow as the rotated headers allow (t is the thickness
	 * of `lines` lines, whether or not a title needs them all). */
	double fs = st->fs;
	st->hdr_t = st->hdr_line_h * lines;
	st->hdr_lines = lines;
	pango_layout_set_height(st->l_title, -lines);
	double cw = (st->hdr_t + fs * 0.3) / st->sin_a;
	if (cw < st->mark_r * 2 + 2 * st->pad + fs * 0.4)
		cw = st->mark_r * 2 + 2 * st->pad + fs * 0.4;
	if (cw < st->role_w + 2 * st->pad + fs * 0.2) /* a wide mark ("WW") */
		cw = st->role_w + 2 * st->pad + fs * 0.2;
	st->col_w = ceil(cw * 4) / 4;
	date_narrow_groups(st);
	if (st->totals) {
		st->total_w = st->num_row_w + 2 * st->pad + fs * 0.4;
		if (st->total_w < st->col_w)
			st->total_w = st->col_w;
		st->totals_rotated = st->num_col_w > st->col_w - 2 * st->pad;
		st->total_row_h = (st->totals_rotated ? st->num_col_w : st->num_h) + 2 * st->pad;
		if (st->total_label_h + 2 * st->pad > st->total_row_h)
			st->total_row_h = st->total_label_h + 2 * st->pad;
		items[n_items - 1].h = st->total_row_h;
	}

	st->hdr_limit = limit;
	int mh = measure_headers(st, probe);
	if (mh != 0)
		return mh > 0 ? PLAN_CUT : PLAN_NOMEM;
	st->hdr_s = (st->hdr_t / 2 * st->cos_a + st->pad) / st->sin_a;
	st->header_h = (st->hdr_s + st->hdr_len) * st->sin_a + st->hdr_t / 2 * st->cos_a + st->pad;

	/* What the rightmost slanted header and its separator stick out. */
	double last_w = st->totals ? st->total_w : st->col_w;
	double over_text =
	        (st->hdr_s + st->hdr_len) * st->cos_a + st->hdr_t / 2 * st->sin_a - last_w / 2;
	double over_line = st->angle == 90 ? 0 : (st->header_h - st->pad) * st->cos_a / st->sin_a;
	double overhang = over_text > over_line ? over_text : over_line;
	if (overhang < 0)
		overhang = 0;
	double avail_w = st->frame.width - st->label_w - st->total_w - overhang;
	long per_band = avail_w > 0 ? (long)floor(avail_w / st->col_w + 1e-9) : 0;
	if (per_band < 1)
		return PLAN_NARROW;
	unsigned char *gstart = calloc(m->n_cols + 1, 1);
	if (!gstart)
		return PLAN_NOMEM;
	for (size_t g = 0; g < m->n_groups; g++)
		gstart[m->groups[g].first] = 1;
	st->n_bands = pm_split_bands(m->n_cols, (size_t)per_band, gstart, &st->bands);
	free(gstart);
	if (st->n_bands < 0)
		return PLAN_NOMEM;

	double cap = st->frame.height - st->caption_h - st->header_h - st->group_h - st->legend_h;
	st->n_chunks = paginate_rows(st, items, n_items, cap, bad);
	if (st->n_chunks == -1)
		return PLAN_LOW;
	if (st->n_chunks < 0)
		return PLAN_NOMEM;
	return st->n_bands * st->n_chunks;
}

int pm_layout(pm_state *st, const bp_frame *frame)
{
	const bp_host *h = st->host;
	bp_section *s = st->s;
	pm_model *m = &st->m;
	pm_layout_free(st);
	st->frame = *frame;

	double fs = st->font_size > 0 ? st->font_size : st->theme->body_size * 0.8;
	if (fs < 5 && st->font_size <= 0)
		fs = 5;
	st->fs = fs;
	st->pad = fs * 0.16;
	st->indent = st->cfg.rows == PM_ROWS_PEOPLE ? fs * 0.9 : 0;
	st->mark_r = fs * 0.3;
	double rad = st->angle * PM_PI / 180;
	st->sin_a = st->angle == 90 ? 1 : sin(rad);
	st->cos_a = st->angle == 90 ? 0 : cos(rad);
	double hfs = fs * 0.95;
	st->hfs = hfs;

	double text_w = st->label_width_max;
	if (text_w > frame->width * 0.45)
		text_w = frame->width * 0.45;
	text_w -= st->indent + 2 * st->pad;
	if (text_w < fs * 3)
		text_w = fs * 3;

	st->l_label = mk(st, fs, 0, text_w, st->label_lines);
	st->l_head = mk(st, fs, 1, text_w, st->label_lines);
	st->l_heading = mk(st, fs, 1, text_w + st->indent, st->label_lines);
	st->l_cont = mk(st, fs, 1, frame->width, 2);
	st->l_title = mk(st, hfs, 0, 100, st->header_lines > 0 ? st->header_lines : 1);
	st->l_prefix = mk(st, hfs, 0, 0, 0);
	st->l_total_hdr = mk(st, hfs, 1, 0, 0);
	st->l_num = mk(st, fs * 0.9, 0, 0, 0);
	st->l_group = mk(st, hfs, 1, frame->width, 1);
	st->l_caption = mk(st, fs, 1, frame->width, 1);
	st->l_legend = mk(st, fs * 0.95, 0, 0, 0);
	st->l_message = mk(st, 0, 0, frame->width, 0);
	st->row_h = calloc(m->n_rows + 1, sizeof *st->row_h);
	st->cont_h = calloc(m->n_rows + 1, sizeof *st->cont_h);
	st->head_cont = calloc(m->n_rows + 1, sizeof *st->head_cont);
	st->cont_one = calloc(m->n_rows + 1, sizeof *st->cont_one);
	st->head_cont_w = malloc((m->n_rows + 1) * sizeof *st->head_cont_w);
	for (size_t i = 0; st->head_cont_w && i < m->n_rows; i++)
		st->head_cont_w[i] = -1;
	st->row_y = calloc(m->n_rows + 2, sizeof *st->row_y);
	st->group_dated = calloc(m->n_groups + 1, 1);
	st->l_group_form = calloc(m->n_groups * 3 + 1, sizeof *st->l_group_form);
	if (!st->l_label || !st->l_head || !st->l_heading || !st->l_cont || !st->l_title ||
	    !st->l_prefix || !st->l_total_hdr || !st->l_num || !st->l_group || !st->l_caption ||
	    !st->l_legend || !st->l_message || !st->row_h || !st->cont_h || !st->head_cont ||
	    !st->cont_one || !st->head_cont_w || !st->row_y || !st->group_dated ||
	    !st->l_group_form || make_role_layouts(st) != 0) {
		h->error(s, "out of memory laying out the matrix");
		return -1;
	}
	/* Right-to-left names keep the column's left edge (their letters are
	 * still in right-to-left order): a table reads down one edge. */
	PangoLayout *ltr[] = {st->l_label, st->l_head, st->l_heading, st->l_cont, st->l_title};
	for (size_t i = 0; i < sizeof ltr / sizeof *ltr; i++)
		pango_layout_set_auto_dir(ltr[i], FALSE);
	double w, lh;
	/* "Total" heads the totals column on every page: shaped once. */
	st->host->text_set(s, st->l_total_hdr, h->label(s, BP_LABEL_TOTAL));
	measure(st, st->l_caption, "Hg", &w, &lh);
	st->caption_h = lh + st->pad * 3;

	/* Nothing to tabulate: one page that says why. */
	if (m->n_cols == 0 || m->n_entity_rows == 0) {
		st->n_bands = st->n_chunks = 1;
		st->bands = calloc(2, sizeof *st->bands);
		st->chunks = calloc(2, sizeof *st->chunks);
		st->legend_h = 0;
		return st->bands && st->chunks ? 1 : -1;
	}

	if (measure_rows(st, text_w) != 0) {
		h->error(s, "out of memory laying out the matrix");
		return -1;
	}
	build_legend(st);

	measure(st, st->l_prefix, "Hg", &w, &lh);
	st->hdr_line_h = lh;
	measure(st, st->l_group, "Hg", &w, &lh);
	st->group_h = lh + 2 * st->pad;

	/* Totals: the widest number decides the column and the row. */
	double num_h = 0, row_num_w = 0, col_num_w = 0;
	if (st->totals) {
		int max_row = 0, max_col = 0;
		for (size_t i = 0; i < m->n_rows; i++)
			if (m->rows[i].total > max_row)
				max_row = m->rows[i].total;
		for (size_t c = 0; c < m->n_cols; c++)
			if (m->cols[c].total > max_col)
				max_col = m->cols[c].total;
		/* Laid out as drawn: the pages show these numbers too. */
		st->host->text_size(pm_num_layout(st, max_row), &row_num_w, &num_h);
		st->host->text_size(pm_num_layout(st, max_col), &col_num_w, &num_h);
		st->num_row_w = row_num_w;
		st->num_col_w = col_num_w;
		st->num_h = num_h;
		/* l_head keeps "Total" for the totals row of every page. */
		measure_fit(st, st->l_head, h->label(s, BP_LABEL_TOTAL), &w, &lh);
		st->total_label_h = lh;
	} else {
		st->total_w = 0;
		st->total_row_h = 0;
	}

	size_t n_items = m->n_rows + (st->totals ? 1 : 0);
	pm_item *items = malloc((n_items + 1) * sizeof *items);
	if (!items) {
		h->error(s, "out of memory laying out the matrix");
		return -1;
	}
	for (size_t i = 0; i < m->n_rows; i++)
		items[i] = (pm_item){.h = st->row_h[i],
		                     .cont = st->cont_h[i],
		                     .kind = m->rows[i].kind == PM_ROW_HEADING ? PM_ITEM_HEADING
		                                                               : PM_ITEM_ROW};
	/* The totals row's height depends on the column width: set in plan(). */
	if (st->totals)
		items[m->n_rows] = (pm_item){.kind = PM_ITEM_TOTAL};

	/* Header length and lines: as asked; else the plan with the fewest
	 * pages, then the fewest shortened titles, then one line rather than
	 * two, then the longest headers. */
	long pages;
	size_t bad = 0;
	double lmax = st->header_length_max;
	if (lmax <= 0) {
		lmax = frame->height * 0.4 / st->sin_a;
		if (lmax > 62 * PM_MM)
			lmax = 62 * PM_MM;
	}
	static const double share[] = {1, 0.8, 0.65, 0.5, 0.38};
	int n_share = st->header_length_max > 0 ? 1 : 5;
	int lines_lo = st->header_lines > 0 ? st->header_lines : 1;
	int lines_hi = st->header_lines > 0 ? st->header_lines : 2;
	enum { UNTRIED, CUT, PLANNED };
	struct cand {
		int lines;
		double limit;
		long pages;
		size_t cut;
		int state;
	} cand[10];
	int n_cand = 0;
	for (int lines = lines_lo; lines <= lines_hi; lines++)
		for (int k = 0; k < n_share; k++)
			cand[n_cand++] = (struct cand){lines, lmax * share[k], 0, 0, UNTRIED};
	/* A one-page plan with no title cut beats every plan after it and
	 * every plan before it that cuts a title, by the rules below: so first
	 * only probe each plan for a cut title (one or two titles laid out
	 * instead of all), and stop at the first such plan. */
	int last = -1, win = -1;
	for (int i = 0; i < n_cand && win < 0; i++) {
		/* A title cut at one length is cut at every shorter one with as
		 * many lines (narrower lines never take fewer). */
		if (i > 0 && cand[i - 1].state == CUT && cand[i - 1].lines == cand[i].lines) {
			cand[i].state = CUT;
			continue;
		}
		long p = plan(st, cand[i].lines, cand[i].limit, items, n_items, &bad, n_cand > 1);
		if (p == PLAN_CUT) {
			cand[i].state = CUT;
			continue;
		}
		cand[i] = (struct cand){cand[i].lines, cand[i].limit, p, st->hdr_cut, PLANNED};
		last = i;
		if (p == 1 && st->hdr_cut == 0)
			win = i;
	}
	int pick = win;
	if (win < 0) {
		/* None: every plan competes, and those that cut need their pages. */
		long fewest = -1;
		for (int i = 0; i < n_cand; i++) {
			if (cand[i].state == CUT) {
				long p = plan(st, cand[i].lines, cand[i].limit, items, n_items,
				              &bad, 0);
				cand[i] = (struct cand){cand[i].lines, cand[i].limit, p,
				                        st->hdr_cut, PLANNED};
				last = i;
			}
			if (cand[i].pages > 0 && (fewest < 0 || cand[i].pages < fewest))
				fewest = cand[i].pages;
		}
		/* Up to a tenth more pages may buy legible titles; then the fewest
		 * shortened titles, one line rather than two, the longest headers. */
		for (int i = 0; i < n_cand; i++) {
			if (cand[i].pages <= 0 || cand[i].pages > fewest + fewest / 10)
				continue;
			if (pick < 0 || cand[i].cut < cand[pick].cut ||
			    (cand[i].cut == cand[pick].cut && cand[i].lines < cand[pick].lines))
				pick = i;
		}
	}
	/* No plan works: the last one of the first line count says why. */
	if (pick < 0)
		pick = n_share - 1;
	if (pick == last)
		pages = cand[pick].pages; /* st describes it already */
	else
		pages = plan(st, cand[pick].lines, cand[pick].limit, items, n_items, &bad, 0);
	free(items);
	if (pages == PLAN_NARROW) {
		h->error(
		        s,
		        "the frame is %.0f pt wide: after the row labels (%.0f pt), totals and "
		        "headers there is no room for one %.0f pt event column; reduce label_width "
		        "or header_length, or use a landscape page",
		        frame->width, st->label_w, st->col_w);
		return -1;
	}
	if (pages == PLAN_LOW) {
		h->error(s,
		         "the frame is %.0f pt high: after the column headers (%.0f pt) and the "
		         "legend there is no room for row %zu; use a smaller header_length or "
		         "font_size, or a portrait page",
		         frame->height, st->header_h, bad + 1);
		return -1;
	}
	if (pages < 0) {
		h->error(s, "out of memory laying out the matrix");
		return -1;
	}
	if (pages > 100000) {
		h->error(s,
		         "the matrix would take %ld pages; narrow it with delegations, events, "
		         "tracks or min_events",
		         pages);
		return -1;
	}
	if (make_header_layouts(st) != 0) {
		h->error(s, "out of memory laying out the matrix");
		return -1;
	}
	declare_anchors(st);
	return (int)pages;
}
