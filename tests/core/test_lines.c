/*
 * test_lines.c — the host's own line breaking (lines.c, host->lines())
 * against Pango's: on many generated paragraphs at many widths, the same
 * lines, the same glyphs, the same heights and extents, and the same PDF
 * bytes when drawn; and what it declines.  And host->text_fits().
 */
#include "doc.h"
#include "lines.h"

#include <cairo-pdf.h>
#include <check.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

static const char *const words[] = {
        "Republic", "of",         "Jorvania", "(12),",     "Karakumia",     "Minister",
        "Economy;", "Aziz",       "I.",       "—",         "and",           "7",
        "others",   "Ambassador", "(Deputy",  "Affairs),", "Aziz—Lola",     "well–known",
        "a/b",      "p.)",        "Юсуф",     "Министр",   "«слово»",       "Ærø",
        "Ελλάδα",   "naïve",      "“quoted”", "x…",        "Russian-Tajik", "8-10"};

static PangoContext *context(void)
{
	PangoContext *ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	pango_context_set_round_glyph_positions(ctx, FALSE);
	return ctx;
}

/* "Label: w w w …", the label bold, as agenda_summary sets attendee lines;
 * width -1: one unwrapped line. */
static PangoLayout *make(PangoContext *ctx, const char *text, int width, int label_bytes)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_from_string("Noto Sans 9.5");
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (width > 0)
		pango_layout_set_width(l, width);
	PangoAttrList *al = pango_attr_list_new();
	PangoAttribute *b = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
	b->start_index = 0;
	b->end_index = (guint)label_bytes;
	pango_attr_list_insert(al, b);
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
	pango_layout_set_text(l, text, -1);
	return l;
}

static void paragraph(char *buf, size_t n, unsigned *seed)
{
	g_strlcpy(buf, "Delegations:", n);
	int len = 3 + (int)(rand_r(seed) % 50);
	for (int k = 0; k < len; k++) {
		g_strlcat(buf, " ", n);
		g_strlcat(buf, words[rand_r(seed) % (sizeof words / sizeof *words)], n);
	}
	/* A doubled space from "Affairs)," is not simple: keep the test's
	 * paragraphs simple. */
	for (char *p; (p = strstr(buf, "  "));)
		memmove(p, p + 1, strlen(p));
}

static cairo_status_t sink(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* The PDF of a paragraph drawn by Pango's lines or by ours. */
static GByteArray *pdf(PangoLayout *wrapped, const bp_lines *para)
{
	GByteArray *out = g_byte_array_new();
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(sink, out, 595, 842);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2025-10-07T00:00:00Z");
	cairo_t *cr = cairo_create(s);
	double x = 37.7, y = 101.3;
	cairo_move_to(cr, x, y);
	if (para)
		lines_show(cr, para, x, y, 0, lines_count(para));
	else
		pango_cairo_show_layout(cr, wrapped);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	return out;
}

START_TEST(lines_match_pango)
{
	PangoContext *ctx = context();
	unsigned seed = 7;
	char buf[2048];
	int multi = 0, declined = 0, spaced = 0;
	for (int i = 0; i < 300; i++) {
		paragraph(buf, sizeof buf, &seed);
		int width = (int)(120 + rand_r(&seed) % 380) * PANGO_SCALE;
		PangoLayout *wrapped = make(ctx, buf, width, 12);
		PangoLayout *one = make(ctx, buf, -1, 12);
		/* A third with line spacing, as the cover's summary has. */
		float spacing = i % 3 == 2 ? 1.3f : 0.0f;
		pango_layout_set_line_spacing(wrapped, spacing);
		pango_layout_set_line_spacing(one, spacing);
		bp_lines *p = lines_break(one, (double)width / PANGO_SCALE);
		if (!p) { /* declined: a hyphen near the end of a line */
			ck_assert_ptr_nonnull(strchr(buf, '-'));
			declined++;
			g_object_unref(one);
			g_object_unref(wrapped);
			continue;
		}
		size_t n = lines_count(p);
		ck_assert_int_eq((int)n, pango_layout_get_line_count(wrapped));
		multi += n > 1;
		spaced += n > 1 && spacing != 0.0f;
		PangoLayoutIter *it = pango_layout_get_iter(wrapped);
		size_t k = 0;
		do {
			if (spacing != 0.0f) /* the stack's extents below are checked */
				break;
			int y0, y1;
			pango_layout_iter_get_line_yrange(it, &y0, &y1);
			PangoRectangle ink, log, pink, plog;
			lines_extents(p, k, 1, NULL, &log);
			ck_assert_int_eq(y1 - y0, log.height);
			/* Lines 0..k stacked reach the bottom of line k. */
			lines_extents(p, 0, k + 1, NULL, &log);
			ck_assert_int_eq(y1, log.height);
			pango_layout_iter_get_line_extents(it, &pink, &plog);
			lines_extents(p, k, 1, &ink, &log);
			ck_assert_int_eq(log.width, plog.width);
			if (pink.width > 0) {
				ck_assert_int_eq(ink.x, pink.x);
				ck_assert_int_eq(ink.width, pink.width);
				ck_assert_int_eq(ink.y + y0, pink.y);
				ck_assert_int_eq(ink.height, pink.height);
			}
			k++;
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		/* The whole paragraph's extents, as the layout's. */
		PangoRectangle ink, pink, log, plog;
		pango_layout_get_extents(wrapped, &pink, &plog);
		lines_extents(p, 0, n, &ink, &log);
		ck_assert_int_eq(ink.x, pink.x);
		ck_assert_int_eq(ink.y, pink.y);
		ck_assert_int_eq(ink.width, pink.width);
		ck_assert_int_eq(ink.height, pink.height);
		ck_assert_int_eq(log.y, plog.y);
		ck_assert_int_eq(log.height, plog.height);
		ck_assert_int_eq(log.width, plog.width);
		/* Drawn, byte for byte the same PDF. */
		GByteArray *a = pdf(wrapped, NULL), *b = pdf(NULL, p);
		ck_assert_msg(a->len == b->len && memcmp(a->data, b->data, a->len) == 0,
		              "PDF differs for width %d: %s", width / PANGO_SCALE, buf);
		g_byte_array_unref(a);
		g_byte_array_unref(b);
		lines_free(p);
		g_object_unref(one);
		g_object_unref(wrapped);
	}
	ck_assert_int_gt(multi, 150);    /* the test does wrap */
	ck_assert_int_gt(spaced, 50);    /* with line spacing too */
	ck_assert_int_lt(declined, 120); /* and ours takes most of them */
	g_object_unref(ctx);
}
END_TEST

/* Whether text, as one unwrapped line, is broken at 600 pt. */
static int taken(PangoContext *ctx, const char *text)
{
	PangoLayout *one = make(ctx, text, -1, 0);
	bp_lines *p = lines_break(one, 600);
	int ok = p != NULL;
	lines_free(p);
	g_object_unref(one);
	return ok;
}

START_TEST(lines_declined)
{
	PangoContext *ctx = context();
	ck_assert(taken(ctx, "Heads of delegation: Vladimir Putin (President of Russia)"));
	ck_assert(taken(ctx, "Делегации: Russia (3) и Kazakhstan (1)"));
	ck_assert(taken(ctx, "Russian-Tajik talks"));
	ck_assert(!taken(ctx, ""));
	ck_assert(!taken(ctx, "co\xc2\xadoperate"));     /* soft hyphen */
	ck_assert(!taken(ctx, "two  spaces"));           /* doubled space */
	ck_assert(!taken(ctx, "trailing "));             /* trailing space */
	ck_assert(!taken(ctx, "line\nbreak"));           /* control */
	ck_assert(!taken(ctx, "מדינת ישראל"));           /* right to left */
	ck_assert(!taken(ctx, "中文 text"));             /* CJK */
	ck_assert(!taken(ctx, "zero\xe2\x80\x8bwidth")); /* U+200B */
	/* A word wider than the line: Pango breaks it between characters,
	 * so ours declines. */
	PangoLayout *one = make(ctx, "Label: Pneumonoultramicroscopicsilicovolcanoconiosis", -1, 6);
	ck_assert_ptr_null(lines_break(one, 60));
	bp_lines *p = lines_break(one, 600);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(lines_count(p), 1);
	lines_free(p);
	/* Settings or attributes the glyphs do not carry. */
	pango_layout_set_alignment(one, PANGO_ALIGN_CENTER);
	ck_assert_ptr_null(lines_break(one, 600));
	pango_layout_set_alignment(one, PANGO_ALIGN_LEFT);
	pango_layout_set_width(one, 600 * PANGO_SCALE);
	ck_assert_ptr_null(lines_break(one, 600));
	pango_layout_set_width(one, -1);
	PangoAttrList *al = pango_attr_list_copy(pango_layout_get_attributes(one));
	pango_attr_list_insert(al, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
	pango_layout_set_attributes(one, al);
	pango_attr_list_unref(al);
	ck_assert_ptr_null(lines_break(one, 600));
	g_object_unref(one);
	g_object_unref(ctx);
}
END_TEST

/* One unwrapped line fits a width when it is no wider and left to right. */
START_TEST(text_fits_one_line)
{
	PangoContext *ctx = context();
	PangoLayout *l = make(ctx, "Delegations: Russia", -1, 12);
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	double w = (double)r.width / PANGO_SCALE;
	ck_assert(doc_host.text_fits(l, w));
	ck_assert(doc_host.text_fits(l, w + 0.01));
	ck_assert(!doc_host.text_fits(l, w - 0.01));
	g_object_unref(l);
	l = make(ctx, "two\nlines", -1, 0); /* two lines never fit one */
	ck_assert(!doc_host.text_fits(l, 600));
	g_object_unref(l);
	l = make(ctx, "מדינת ישראל", -1, 0); /* right to left: placed otherwise when wrapped */
	ck_assert(!doc_host.text_fits(l, 600));
	g_object_unref(l);
	g_object_unref(ctx);
}
END_TEST

TCase *lines_tcase(void)
{
	TCase *tc = tcase_create("lines");
	tcase_add_test(tc, lines_match_pango);
	tcase_add_test(tc, lines_declined);
	tcase_add_test(tc, text_fits_one_line);
	return tc;
}
