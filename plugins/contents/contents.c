/*
 * contents.c — making a contents section, choosing its lines and splitting
 * them over pages.
 */
#include "contents.h"
#include "paginate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void *contents_create(const bp_host *host, bp_section *s)
{
	contents *c = calloc(1, sizeof *c);
	if (!c) {
		host->error(s, "out of memory");
		return NULL;
	}
	c->host = host;
	c->s = s;
	c->depth = (int)host->opt_int(s, "depth");
	if (c->depth < 1)
		c->depth = 1;
	return c;
}

void contents_destroy(void *self)
{
	contents *c = self;
	if (!c)
		return;
	free(c->start);
	if (c->head)
		g_object_unref(c->head);
	for (size_t i = 0; i < c->n_leaders; i++)
		cairo_pattern_destroy(c->leaders[i]);
	free(c->leaders);
	free(c);
}

const char *contents_title(contents *c)
{
	const char *t = c->host->section_title(c->s);
	/* The job's title, else our descriptor's; should a host hand back
	 * nothing, say "Contents" in the pack's language. */
	if (!t || !*t)
		t = c->host->label(c->s, BP_LABEL_CONTENTS);
	return t ? t : "Contents";
}

const bp_entry **contents_pick(contents *c, size_t *n)
{
	size_t all = 0;
	const bp_entry *const *e = c->host->entries(c->s, &all);
	const char *self = c->host->section_id(c->s);
	const bp_entry **out = g_new0(const bp_entry *, all + 1);
	*n = 0;
	for (size_t i = 0; i < all; i++) {
		if (!e[i] || e[i]->level < 1 || e[i]->level > c->depth || !e[i]->title)
			continue;
		if (self && e[i]->section && strcmp(e[i]->section, self) == 0)
			continue; /* the contents does not list itself */
		out[(*n)++] = e[i];
	}
	return out;
}

bp_text_style contents_style(const contents *c, int level, double width)
{
	bp_text_style st = {.size = c->b, .width = width, .max_lines = width > 0 ? 1 : 0};
	if (level <= 1) {
		st.size = c->b * 1.1;
		st.bold = c->depth > 1; /* bold only sets sections apart from entries */
	} else if (level >= 3) {
		st.size = c->b * 0.95;
	}
	return st;
}

static double text_height(contents *c, const char *text, const bp_text_style *st)
{
	PangoLayout *l = c->host->text(c->s, text, st);
	double w, h;
	c->host->text_size(l, &w, &h);
	g_object_unref(l);
	return h;
}

/* A heading usually fits on one line; and Pango 1.50 shapes a wrapped
 * layout's text twice when it fits, an unwrapped one once.  Left-aligned
 * and left to right, it draws the same glyphs at the same place
 * unwrapped, so it is laid out unwrapped first and wrapped only when it
 * does not fit. */
PangoLayout *contents_heading(contents *c, const char *text)
{
	bp_text_style hs = {.heading = 1, .size = c->b * 2, .bold = 1};
	PangoLayout *l = c->host->text(c->s, text, &hs);
	if (c->host->text_fits(l, c->W))
		return l;
	g_object_unref(l);
	hs.width = c->W;
	hs.max_lines = 2;
	return c->host->text(c->s, text, &hs);
}

int contents_layout(void *self, const bp_frame *frame)
{
	contents *c = self;
	const bp_theme *th = c->host->theme(c->s);
	c->W = frame->width;
	c->H = frame->height;
	c->b = th->body_size > 0 ? th->body_size : 10;

	/* The first page's heading is kept for draw(). */
	if (c->head)
		g_object_unref(c->head);
	c->head = contents_heading(c, contents_title(c));
	double hw, hh;
	c->host->text_size(c->head, &hw, &hh);
	c->top = hh + c->b * 1.8;
	/* Only the levels listed (down to depth) are measured. */
	for (int lv = 1; lv <= 3 && lv <= c->depth; lv++) {
		bp_text_style st = contents_style(c, lv, 0);
		c->row[lv] = text_height(c, "Hg", &st) + c->b * (lv == 1 ? 0.5 : 0.28);
	}
	c->before1 = c->depth > 1 ? c->b * 0.6 : 0;

	size_t n;
	const bp_entry **picked = contents_pick(c, &n);
	contents_line_box *boxes = calloc(n + 1, sizeof *boxes);
	free(c->start);
	c->start = calloc(n + 2, sizeof *c->start);
	if (!boxes || !c->start) {
		free(boxes);
		g_free(picked);
		c->host->error(c->s, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		int lv = picked[i]->level > 3 ? 3 : picked[i]->level;
		boxes[i].height = c->row[lv];
		boxes[i].before = lv == 1 ? c->before1 : 0;
		boxes[i].keep_next = i + 1 < n && picked[i + 1]->level > picked[i]->level;
	}
	c->n_lines = n;
	c->pages = contents_paginate(boxes, n, fmax(c->H - c->top, 1), c->start);
	free(boxes);
	g_free(picked);
	return c->pages;
}
