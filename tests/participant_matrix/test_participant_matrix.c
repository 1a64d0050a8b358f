/*
 * test_participant_matrix.c — the participant_matrix suite.  The pure
 * logic is tested in test_model.c and test_paginate.c; the cases here
 * render real PDFs through the program and read them back with poppler:
 * marks, totals, legend, filters, both row modes, every header angle,
 * Russian, errors for unknown ids, and matrices of 1 x 1 and 2,000 x 150.
 */
#define _GNU_SOURCE
#include "bptest.h"
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *small_dossier(void)
{
	return bpt_path(bpt_src(), "tests/participant_matrix/data/small.cfg");
}

/* Renders a job holding one matrix section with extra option text `opts`
 * over `dossier`; *pdf is the output. */
static bpt_result render(const char *dossier, const char *opts, const char *orientation,
                         const char *lang, char **pdf)
{
	const char *dir = bpt_tmpdir();
	char *job = bpt_path(dir, "job.cfg");
	*pdf = bpt_path(dir, "out.pdf");
	char *text;
	if (asprintf(&text,
	             "version = 1;\n"
	             "document = { title = \"Matrix test\"; language = \"%s\"; date = "
	             "\"2025-10-07\"; };\n"
	             "page = { size = \"A4\"; orientation = \"%s\"; };\n"
	             "theme = { font = \"Noto Sans\"; size = 9.5; };\n"
	             "data = \"%s\";\n"
	             "output = { file = \"%s\"; };\n"
	             "sections = ( { plugin = \"participant_matrix\"; title = \"Who attends "
	             "what\"; %s } );\n",
	             lang, orientation, dossier, *pdf, opts) < 0)
		abort();
	bpt_write(job, text);
	free(text);
	return bpt_sh("'%s' render '%s'", bpt_bin(), job);
}

/* A word of a page and its box, from pdftotext -bbox. */
typedef struct word {
	double x0, y0, x1, y1;
	char text[64];
} word;

static int by_x(const void *a, const void *b)
{
	double d = ((const word *)a)->x0 - ((const word *)b)->x0;
	return (d > 0) - (d < 0);
}

/* Every word of page 1 with its box (pdftotext -bbox); *n is how many. */
static word *words_of(const char *pdf, size_t *n)
{
	bpt_result r = bpt_sh("pdftotext -f 1 -l 1 -bbox '%s' -", pdf);
	size_t cap = 4096;
	word *w = malloc(cap * sizeof *w);
	*n = 0;
	for (char *p = strstr(r.out, "<word "); p && *n < cap; p = strstr(p + 1, "<word ")) {
		word x;
		if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%63[^<]",
		           &x.x0, &x.y0, &x.x1, &x.y1, x.text) == 5)
			w[(*n)++] = x;
	}
	bpt_free(&r);
	return w;
}

/* The words of the row whose label starts with `name`, left to right
 * ("Adam Head C H 3"): every word of the page whose vertical centre lies
 * within the label's first word. */
static char *row_of(const char *pdf, const char *name)
{
	size_t n;
	word *w = words_of(pdf, &n);
	char first[64];
	sscanf(name, "%63s", first);
	/* The label, not a rotated header of the same word: the flattest. */
	size_t k = n;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(w[i].text, first) && (k == n || w[i].y1 - w[i].y0 < w[k].y1 - w[k].y0))
			k = i;
	ck_assert_msg(k < n, "no word %s on page 1", first);
	double lo = w[k].y0, hi = w[k].y1;
	word *row = malloc(n * sizeof *row);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		double c = (w[i].y0 + w[i].y1) / 2;
		if (c >= lo && c <= hi && w[i].y1 - w[i].y0 < 2 * (hi - lo))
			row[m++] = w[i];
	}
	qsort(row, m, sizeof *row, by_x);
	char *out = calloc(1, m * 64 + 1);
	for (size_t i = 0; i < m; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, row[i].text);
	}
	free(row);
	free(w);
	return out;
}

START_TEST(small_people)
{
	char *pdf;
	bpt_result r = render(small_dossier(), "", "landscape", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	ck_assert_int_eq(bpt_pdf_pages(pdf), 1);
	char *t = bpt_pdf_text(pdf, 0, 0);
	const char *must[] = {
	        "Events 1–5 of 5", "Alphaland", "Betaland", "Gammaland", "No delegation",
	        "Adam Head", "Anna Second", "Boris Head", "Berta Member", "Xenia Free",
	        "Opening plenary", "Bilateral Alpha-Beta", "Working lunch", "Press conference",
	        "Empty reception", "09:00", "tentative", "cancelled", "Total",
	        /* legend */
	        "Attendee", "Host", "Chair", "Speaker", "Interpreter", "through the delegation",
	        "Totals leave out cancelled events", "Times: "};
	for (size_t i = 0; i < sizeof must / sizeof *must; i++)
		ck_assert_msg(strstr(t, must[i]), "missing \"%s\"", must[i]);
	free(t);
	/* Marks sit in their rows, with the row's total last.  A ● is a glyph
	 * of the mark font, read as ●; whether it is light, hollow or crossed
	 * out is its colour and shape (checked in the model tests). */
	char *row = row_of(pdf, "Adam Head");
	ck_assert_str_eq(row, "Adam Head C H ● ● 3");
	free(row);
	/* Berta's S at the tentative lunch is hollow: a glyph of the outline
	 * font (Type 3), read as its letter. */
	row = row_of(pdf, "Berta Member");
	ck_assert_str_eq(row, "Berta Member ● S 2");
	free(row);
	bpt_result f = bpt_sh("pdffonts '%s' | grep -c 'Type 3'", pdf);
	ck_assert_int_eq(atoi(f.out), 1);
	bpt_free(&f);
	row = row_of(pdf, "Xenia Free");
	ck_assert_str_eq(row, "Xenia Free In 1");
	free(row);
	row = row_of(pdf, "Anna Second");
	ck_assert_str_eq(row, "Anna Second ● ● 2");
	free(row);
	/* Column totals, in column order. */
	row = row_of(pdf, "Total");
	ck_assert_str_eq(row, "Total 4 3 3 2 0");
	free(row);
}
END_TEST

START_TEST(delegation_rows)
{
	char *pdf;
	bpt_result r = render(small_dossier(), "rows = \"delegations\";", "landscape", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_null(strstr(t, "Adam Head"));
	ck_assert_ptr_nonnull(strstr(t, "through a member"));
	free(t);
	/* Alphaland: light C (e1), light H (e2), own ● (e3), light ● (e4). */
	char *row = row_of(pdf, "Alphaland");
	ck_assert_str_eq(row, "Alphaland C H ● ● 3");
	free(row);
	/* Betaland: own ● (e1), light ● (e2, e4), hollow light S (e3). */
	row = row_of(pdf, "Betaland");
	ck_assert_str_eq(row, "Betaland ● ● S ● 3");
	free(row);
}
END_TEST

START_TEST(no_totals_no_legend)
{
	char *pdf;
	bpt_result r =
	        render(small_dossier(), "totals = false; legend = false;", "landscape", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_null(strstr(t, "Total"));
	ck_assert_ptr_null(strstr(t, "Interpreter"));
	free(t);
	char *row = row_of(pdf, "Adam Head");
	ck_assert_str_eq(row, "Adam Head C H ● ●");
	free(row);
}
END_TEST

START_TEST(header_angles)
{
	static const char *angles[] = {"45", "60", "90"};
	for (int a = 0; a < 3; a++) {
		for (int o = 0; o < 2; o++) {
			char opts[64], *pdf;
			snprintf(opts, sizeof opts, "header_angle = %s;", angles[a]);
			bpt_result r = render(small_dossier(), opts, o ? "portrait" : "landscape",
			                      "en", &pdf);
			ck_assert_msg(r.status == 0, "angle %s: %s", angles[a], r.err);
			ck_assert_msg(!strstr(r.err, "warning"), "angle %s: %s", angles[a], r.err);
			bpt_free(&r);
			ck_assert_int_eq(bpt_pdf_pages(pdf), 1);
			/* Slanted text comes out a glyph a line: compare without
			 * white space. */
			r = bpt_sh("pdftotext -raw '%s' - | tr -d ' \\n'", pdf);
			ck_assert_msg(strstr(r.out, "Openingplenary") &&
			                      strstr(r.out, "Pressconference"),
			              "angle %s: titles missing", angles[a]);
			bpt_free(&r);
			/* Nothing leaves the page: poppler draws it without errors. */
			r = bpt_sh("pdftoppm -r 20 -png '%s' '%s.img' 2>&1", pdf, pdf);
			ck_assert_int_eq(r.status, 0);
			ck_assert_str_eq(r.out, "");
			bpt_free(&r);
		}
	}
}
END_TEST

START_TEST(russian)
{
	char *pdf;
	bpt_result r = render(small_dossier(), "", "landscape", "ru", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_msg(strstr(t, "Мероприятия 1–5 из 5"), "%s", t);
	ck_assert_ptr_nonnull(strstr(t, "в составе делегации"));
	ck_assert_ptr_null(strstr(t, "Events 1"));
	free(t);
}
END_TEST

START_TEST(one_by_one)
{
	const char *dir = bpt_tmpdir();
	char *dos = bpt_path(dir, "one.cfg");
	bpt_write(dos, "version = 1; title = \"One\";\n"
	               "people = ( { id = \"p\"; name = \"Only Person\"; } );\n"
	               "events = ( { id = \"e\"; title = \"Only event\"; start = \"2025-10-09\";\n"
	               "  attendees = ( { who = \"p\"; role = \"chair\"; } ); } );\n");
	char *pdf;
	bpt_result r = render(dos, "", "portrait", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	ck_assert_int_eq(bpt_pdf_pages(pdf), 1);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "Events 1–1 of 1"));
	ck_assert_ptr_nonnull(strstr(t, "Only event"));
	/* No clock time in the dossier: no zone in the legend. */
	ck_assert_ptr_null(strstr(t, "Times:"));
	free(t);
	char *row = row_of(pdf, "Only Person");
	ck_assert_str_eq(row, "Only Person C 1");
	free(row);
}
END_TEST

START_TEST(nothing_to_show)
{
	char *pdf;
	bpt_result r = render(small_dossier(), "events = [\"e5\"]; hide_empty = true;", "landscape",
	                      "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	ck_assert_int_eq(bpt_pdf_pages(pdf), 1);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "No events match this section's filters."));
	free(t);
}
END_TEST

START_TEST(filters_in_pdf)
{
	char *pdf;
	bpt_result r = render(small_dossier(), "min_events = 3;", "landscape", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "Adam Head"));
	ck_assert_ptr_null(strstr(t, "Anna Second"));
	ck_assert_ptr_null(strstr(t, "Betaland"));
	free(t);

	r = render(small_dossier(), "hide_empty = true; tracks = [\"t1\", \"t2\"];", "landscape",
	           "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_null(strstr(t, "Empty reception"));
	ck_assert_ptr_null(strstr(t, "Gammaland"));
	ck_assert_ptr_nonnull(strstr(t, "Events 1–4 of 4"));
	free(t);

	r = render(small_dossier(), "delegations = [\"bb\"]; group_by = \"track\";", "landscape",
	           "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_null(strstr(t, "Alphaland"));
	ck_assert_ptr_null(strstr(t, "Xenia Free"));
	ck_assert_ptr_nonnull(strstr(t, "Boris Head"));
	ck_assert_ptr_nonnull(strstr(t, "Main track"));
	free(t);
}
END_TEST

START_TEST(unknown_ids)
{
	char *pdf;
	bpt_result r = render(small_dossier(),
	                      "delegations = [\"aa\", \"zz\", \"a1\"]; events = [\"e9\"]; "
	                      "tracks = [\"t3\"];",
	                      "landscape", "en", &pdf);
	ck_assert_int_ne(r.status, 0);
	ck_assert_msg(strstr(r.err, "\"zz\""), "%s", r.err);
	ck_assert_msg(strstr(r.err, "\"a1\" is a person, not a delegation"), "%s", r.err);
	ck_assert_msg(strstr(r.err, "\"e9\""), "%s", r.err);
	ck_assert_msg(strstr(r.err, "did you mean \"t1\"") || strstr(r.err, "did you mean \"t2\""),
	              "%s", r.err);
	bpt_free(&r);
	/* The host checks choices before the plugin runs. */
	r = render(small_dossier(), "header_angle = 30;", "landscape", "en", &pdf);
	ck_assert_int_eq(r.status, 2);
	bpt_free(&r);
	r = render(small_dossier(), "font_size = 2.0;", "landscape", "en", &pdf);
	ck_assert_int_ne(r.status, 0);
	ck_assert_msg(strstr(r.err, "font_size"), "%s", r.err);
	bpt_free(&r);
}
END_TEST

/* Writes a generated dossier: np people in nd delegations (the first of
 * each its head), ne events over five days, each attended by every 37th
 * person from a shifting start, one delegation as a whole, and a host. */
static char *big_dossier(int np, int nd, int ne)
{
	const char *dir = bpt_tmpdir();
	char *path = bpt_path(dir, "big.cfg");
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "version = 1; title = \"Big\"; timezone = \"+05:00\";\ndelegations = (\n");
	for (int k = 0; k < nd; k++)
		fprintf(f, "%s{ id = \"d%d\"; name = \"Delegation %02d\"; }\n", k ? "," : "", k, k);
	fprintf(f, ");\npeople = (\n");
	for (int i = 0; i < np; i++)
		fprintf(f,
		        "%s{ id = \"p%d\"; name = \"Delegate %04d\"; delegation = \"d%d\";%s }\n",
		        i ? "," : "", i, i, i % nd, i < nd ? " head = true;" : "");
	fprintf(f, ");\nevents = (\n");
	for (int e = 0; e < ne; e++) {
		fprintf(f,
		        "%s{ id = \"e%d\"; title = \"Session %03d on a subject of some length\"; "
		        "start = \"2025-10-%02dT%02d:%02d\"; attendees = ( \"d%d\", { who = "
		        "\"p%d\"; role = \"host\"; }",
		        e ? "," : "", e, e, 6 + e * 5 / ne, 8 + e % 30 / 3, e % 3 * 20, e % nd,
		        (e * 13) % np);
		for (int i = e % 37; i < np; i += 37)
			if (i != (e * 13) % np)
				fprintf(f, ", \"p%d\"", i);
		fprintf(f, " ); }\n");
	}
	fprintf(f, ");\n");
	fclose(f);
	return path;
}

/* 2,000 people x 150 events on portrait A4: every row on every band once,
 * every page with its caption and headers, bands in the outline. */
START_TEST(big_matrix)
{
	enum { NP = 2000, ND = 20, NE = 150 };
	char *dos = big_dossier(NP, ND, NE), *pdf;
	bpt_result r = render(dos, "", "portrait", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	int pages = bpt_pdf_pages(pdf);
	ck_assert_int_gt(pages, 20);
	char *t = bpt_pdf_text(pdf, 0, 0);
	/* Bands: the captions on page 1 of each band name its events. */
	int bands = bpt_count(t, "Events 1–");
	ck_assert_int_ge(bands, 1);
	int first_pages = 0, p = 0;
	/* pdftotext ends every page with a form feed. */
	for (char *pt = t, *end; (end = strchr(pt, '\f')) != NULL; pt = end + 1) {
		*end = 0;
		p++;
		ck_assert_msg(strstr(pt, " of 150"), "page %d has no caption", p);
		ck_assert_msg(strstr(pt, "Total"), "page %d has no totals column", p);
		ck_assert_msg(strstr(pt, "Session "), "page %d has no column headers", p);
		/* On pages after a band's first, day headings and the legend
		 * come from forms painted there. */
		ck_assert_msg(strstr(pt, "October 2025"), "page %d has no day headings", p);
		ck_assert_msg(strstr(pt, "Attendee"), "page %d has no legend", p);
		/* The page's bands (a form on a section this long). */
		ck_assert_msg(strstr(pt, "Matrix test") && strstr(pt, "Who attends what"),
		              "page %d has no header", p);
		first_pages += strstr(pt, "(continued)") == NULL;
		*end = '\f';
	}
	ck_assert_int_eq(p, pages);
	/* Pages = bands x chunks, and only each band's first page is not
	 * "(continued)". */
	int n_bands = first_pages;
	ck_assert_int_eq(pages % n_bands, 0);
	ck_assert_int_gt(n_bands, 1);
	/* Every person on exactly one page per band. */
	char name[32];
	for (int i = 0; i < NP; i += 1) {
		snprintf(name, sizeof name, "Delegate %04d", i);
		ck_assert_msg(bpt_count(t, name) == n_bands, "%s appears %d times, %d bands", name,
		              bpt_count(t, name), n_bands);
	}
	/* Every event title in exactly one band (rotated headers repeat on
	 * each page of the band). */
	int chunks = pages / n_bands;
	for (int e = 0; e < NE; e++) {
		snprintf(name, sizeof name, "Session %03d ", e);
		ck_assert_msg(bpt_count(t, name) == chunks, "%s appears %d times, %d chunks", name,
		              bpt_count(t, name), chunks);
	}
	free(t);
	/* One outline entry per band. */
	r = bpt_sh("pdfinfo -dests '%s' | grep -c 'matrix-events-'", pdf);
	ck_assert_int_eq(atoi(r.out), n_bands);
	bpt_free(&r);
	/* Each form painted at most once a page: no duplicate resources. */
	bpt_assert_qpdf_clean(pdf);
}
END_TEST

/* A tentative event where everyone is a host: one page with 30 hollow H
 * marks.  cairo 1.16 lists a form once in a page's resources for every
 * time it is painted there, so marks painted as one shared form gave a
 * PDF that qpdf --check reports (duplicate keys); they are glyphs of one
 * Type 3 font, each found as the letter H. */
START_TEST(tentative_marks_valid_pdf)
{
	const char *dir = bpt_tmpdir();
	char *dos = bpt_path(dir, "tentative.cfg");
	FILE *f = fopen(dos, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "version = 1; title = \"Tentative\"; timezone = \"+05:00\";\n"
	           "delegations = ( { id = \"d\"; name = \"Delegation\"; } );\npeople = (\n");
	for (int i = 0; i < 30; i++)
		fprintf(f, "%s{ id = \"p%d\"; name = \"P%02d Delegate\"; delegation = \"d\"; }\n",
		        i ? "," : "", i, i);
	fprintf(f, ");\nevents = (\n{ id = \"e1\"; title = \"Plenary\"; status = \"tentative\"; "
	           "start = \"2025-10-09T09:00\"; attendees = (");
	for (int i = 0; i < 30; i++)
		fprintf(f, "%s{ who = \"p%d\"; role = \"host\"; }", i ? ", " : " ", i);
	fprintf(f, " ); }\n);\n");
	fclose(f);
	char *pdf;
	bpt_result r = render(dos, "", "portrait", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	ck_assert_int_eq(bpt_pdf_pages(pdf), 1);
	char *row = row_of(pdf, "P07");
	ck_assert_str_eq(row, "P07 Delegate H 1");
	free(row);
	r = bpt_sh("pdftotext -layout '%s' - | grep -c 'P[0-9][0-9] Delegate *H *1'", pdf);
	ck_assert_int_eq(atoi(r.out), 30);
	bpt_free(&r);
	bpt_assert_qpdf_clean(pdf);
}
END_TEST

/* The boxes of every word `text` on page 1, in page order; returns how
 * many (at most max). */
static int boxes_of(const char *pdf, const char *text, word *out, int max)
{
	size_t n;
	word *w = words_of(pdf, &n);
	int k = 0;
	for (size_t i = 0; i < n && k < max; i++)
		if (!strcmp(w[i].text, text))
			out[k++] = w[i];
	free(w);
	return k;
}

/* A two-letter mark as wide as "WW": its column is wide enough for it
 * (outlined in the tentative event's column beside), and in the legend
 * its name starts after it. */
START_TEST(wide_marks)
{
	const char *dir = bpt_tmpdir();
	char *dos = bpt_path(dir, "wide.cfg");
	bpt_write(dos, "version = 1; title = \"Wide\"; timezone = \"+05:00\";\n"
	               "roles = ( { id = \"w\"; name = \"Wide\"; mark = \"WW\"; } );\n"
	               "people = ( { id = \"p\"; name = \"Pat Person\"; } );\n"
	               "events = (\n"
	               "{ id = \"e1\"; title = \"One\"; start = \"2025-10-09T09:00\";\n"
	               "  attendees = ( { who = \"p\"; role = \"w\"; } ); },\n"
	               "{ id = \"e2\"; title = \"Two\"; status = \"tentative\";\n"
	               "  start = \"2025-10-09T10:00\"; attendees = ( { who = \"p\"; role = \"w\"; "
	               "} ); }\n"
	               ");\n");
	char *pdf;
	bpt_result r = render(dos, "", "landscape", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	word ww[4], wide[2];
	ck_assert_int_eq(boxes_of(pdf, "WW", ww, 4), 3); /* two cells, the legend */
	ck_assert_int_eq(boxes_of(pdf, "Wide", wide, 2), 1);
	word *cell0 = &ww[0], *cell1 = &ww[1], *legend = &ww[2];
	for (int i = 0; i < 3; i++)
		if (ww[i].y0 > legend->y0)
			legend = &ww[i];
	if (legend == cell0)
		cell0 = &ww[2];
	else if (legend == cell1)
		cell1 = &ww[2];
	if (cell0->x0 > cell1->x0) {
		word *t = cell0;
		cell0 = cell1;
		cell1 = t;
	}
	ck_assert_msg(cell0->x1 <= cell1->x0, "cells' marks overlap: %g > %g", cell0->x1,
	              cell1->x0);
	ck_assert_msg(legend->x1 < wide[0].x0, "legend mark ends at %g, its name starts at %g",
	              legend->x1, wide[0].x0);
	free(dos);
}
END_TEST

/* order = "across": page 2 is the second band of the first rows. */
START_TEST(order_across)
{
	char *dos = big_dossier(300, 5, 60), *pdf;
	bpt_result r = render(dos, "order = \"across\";", "portrait", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	int pages = bpt_pdf_pages(pdf);
	ck_assert_int_ge(pages, 4);
	char *p1 = bpt_pdf_text(pdf, 1, 1), *p2 = bpt_pdf_text(pdf, 2, 2);
	ck_assert_ptr_nonnull(strstr(p1, "Events 1–"));
	ck_assert_ptr_null(strstr(p2, "Events 1–"));
	/* Same rows on both. */
	ck_assert_ptr_nonnull(strstr(p1, "Delegate 0000"));
	ck_assert_ptr_nonnull(strstr(p2, "Delegate 0000"));
	free(p1);
	free(p2);
	r = render(dos, "order = \"down\";", "portrait", "en", &pdf);
	bpt_free(&r);
	p2 = bpt_pdf_text(pdf, 2, 2);
	ck_assert_ptr_nonnull(strstr(p2, "Events 1–"));
	ck_assert_ptr_nonnull(strstr(p2, "(continued)"));
	ck_assert_ptr_null(strstr(p2, "Delegate 0000"));
	free(p2);
}
END_TEST

/* Counts the links to event anchors in a PDF (cairo writes them as
 * named destinations). */
static int event_links(const char *pdf)
{
	return bpt_pdf_count(pdf, "/Dest (event-");
}

/* Each column header links to the agenda's entry for its event when a
 * section declares one, and links nowhere otherwise. */
START_TEST(header_links)
{
	char *pdf;
	bpt_result r = render(small_dossier(), "", "landscape", "en", &pdf);
	ck_assert_int_eq(r.status, 0);
	bpt_free(&r);
	ck_assert_int_eq(event_links(pdf), 0);
	r = render(small_dossier(), "}, { plugin = \"agenda_summary\";", "landscape", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	int with = event_links(pdf);
	r = render(small_dossier(), "enabled = false; }, { plugin = \"agenda_summary\";",
	           "landscape", "en", &pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	int without = event_links(pdf);
	ck_assert_int_eq(with - without, 5);
}
END_TEST

/* A matrix of several pages per band links each header once, on the
 * band's first page (the same link on every continuation page cost cairo
 * an annotation and a structure element each), in either page order. */
START_TEST(header_links_once)
{
	char *dos = big_dossier(150, 5, 40), *pdf;
	const char *orders[] = {"order = \"down\";", "order = \"across\";"};
	for (int o = 0; o < 2; o++) {
		/* The matrix alone: several bands of several pages. */
		bpt_result r = render(dos, orders[o], "portrait", "en", &pdf);
		ck_assert_msg(r.status == 0, "render failed: %s", r.err);
		bpt_free(&r);
		int pages = bpt_pdf_pages(pdf), firsts = 0;
		for (int p = 1; p <= pages; p++) {
			char *t = bpt_pdf_text(pdf, p, p);
			firsts += strstr(t, " of 40 (continued)") == NULL;
			free(t);
		}
		ck_assert_int_gt(firsts, 1);
		ck_assert_int_gt(pages, firsts);
		char opts[160];
		snprintf(opts, sizeof opts, "%s }, { plugin = \"agenda_summary\";", orders[o]);
		r = render(dos, opts, "portrait", "en", &pdf);
		ck_assert_msg(r.status == 0, "render failed: %s", r.err);
		bpt_free(&r);
		int with = event_links(pdf);
		snprintf(opts, sizeof opts, "%s enabled = false; }, { plugin = \"agenda_summary\";",
		         orders[o]);
		r = render(dos, opts, "portrait", "en", &pdf);
		ck_assert_msg(r.status == 0, "render failed: %s", r.err);
		bpt_free(&r);
		ck_assert_int_eq(with - event_links(pdf), 40);
	}
}
END_TEST

/* The shipped example's matrix: one landscape page. */
START_TEST(example)
{
	char *job = bpt_path(bpt_src(), "config/examples/dushanbe-2025/briefing.cfg");
	char *pdf = bpt_path(bpt_tmpdir(), "example.pdf");
	bpt_result r =
	        bpt_sh("'%s' render '%s' --only participant_matrix -o '%s'", bpt_bin(), job, pdf);
	ck_assert_msg(r.status == 0, "render failed: %s", r.err);
	bpt_free(&r);
	ck_assert_int_eq(bpt_pdf_pages(pdf), 1);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "Events 1–"));
	ck_assert_ptr_nonnull(strstr(t, "Vladimir Putin"));
	ck_assert_ptr_nonnull(strstr(t, "Emomali Rahmon"));
	ck_assert_ptr_null(strstr(t, "(continued)"));
	free(t);
}
END_TEST

TCase *pmt_render_case(void)
{
	TCase *tc = tcase_create("render");
	tcase_add_test(tc, small_people);
	tcase_add_test(tc, delegation_rows);
	tcase_add_test(tc, no_totals_no_legend);
	tcase_add_test(tc, header_angles);
	tcase_add_test(tc, russian);
	tcase_add_test(tc, one_by_one);
	tcase_add_test(tc, nothing_to_show);
	tcase_add_test(tc, header_links);
	tcase_add_test(tc, tentative_marks_valid_pdf);
	tcase_add_test(tc, wide_marks);
	tcase_add_test(tc, example);
	return tc;
}

TCase *pmt_options_case(void)
{
	TCase *tc = tcase_create("options");
	tcase_add_test(tc, filters_in_pdf);
	tcase_add_test(tc, unknown_ids);
	return tc;
}

TCase *pmt_big_case(void)
{
	TCase *tc = tcase_create("big");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, big_matrix);
	tcase_add_test(tc, order_across);
	tcase_add_test(tc, header_links_once);
	return tc;
}

static Suite *make_suite(void)
{
	Suite *s = suite_create("participant_matrix");
	suite_add_tcase(s, pmt_model_case());
	suite_add_tcase(s, pmt_filters_case());
	suite_add_tcase(s, pmt_paginate_case());
	suite_add_tcase(s, pmt_render_case());
	suite_add_tcase(s, pmt_options_case());
	suite_add_tcase(s, pmt_big_case());
	return s;
}

int main(void)
{
	return bpt_main(make_suite);
}
