/*
 * test_cover_contents.c — the cover and contents plugins.
 *
 * Unit cases compile span.c and paginate.c in directly.  End-to-end cases
 * render data/job.cfg (cover, contents, two ccprobe sections and a disabled
 * one) and read the PDF back: ccprobe prints "PROBE <id> page <k> of <n>"
 * on each of its pages and "PROBE-ENTRY <id> <i>" where each entry it
 * offers sits, so the page numbers the contents prints can be compared
 * with where things really are.
 */
#define _GNU_SOURCE
#include "bptest.h"
#include "paginate.h"
#include "span.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static const char *job_path(void)
{
	return bpt_path(bpt_src(), "tests/cover_contents/data/job.cfg");
}

/* Renders the test job with extra arguments; returns the PDF's path. */
static char *render(const char *extra)
{
	char *pdf = bpt_path(bpt_tmpdir(), "out.pdf");
	bpt_result r = bpt_sh("'%s' render '%s' -o '%s' --plugin-dir '%s' %s", bpt_bin(),
	                      job_path(), pdf, CC_PROBE_DIR, extra ? extra : "");
	ck_assert_msg(r.status == 0, "render failed (%d): %s", r.status, r.err);
	bpt_free(&r);
	return pdf;
}

static char *page_text(const char *pdf, int page)
{
	char *t = bpt_pdf_text(pdf, page, page);
	ck_assert_ptr_nonnull(t);
	return t;
}

/* The first page whose text holds needle, or 0. */
static int page_of(const char *pdf, const char *needle)
{
	int n = bpt_pdf_pages(pdf);
	for (int p = 1; p <= n; p++) {
		char *t = page_text(pdf, p);
		int hit = strstr(t, needle) != NULL;
		free(t);
		if (hit)
			return p;
	}
	return 0;
}

/* The contents pages: from page 2 while the page says "Contents" (or
 * "Содержание") in its heading; their text with -layout. */
static char *contents_text(const char *pdf, const char *heading, int *n_pages)
{
	int n = bpt_pdf_pages(pdf), last = 2;
	for (int p = 3; p <= n; p++) {
		char *t = page_text(pdf, p);
		int is = strstr(t, heading) && !strstr(t, "PROBE ");
		free(t);
		if (!is)
			break;
		last = p;
	}
	bpt_result r = bpt_sh("pdftotext -layout -f 2 -l %d '%s' -", last, pdf);
	ck_assert_int_eq(r.status, 0);
	free(r.err);
	if (n_pages)
		*n_pages = last - 1;
	return r.out;
}

/* The page number printed after `title` on a contents line ("title ...
 * 12" with nothing else on the line), or 0 when no line lists it. */
static int listed_page(const char *text, const char *title)
{
	size_t tl = strlen(title);
	for (const char *p = strstr(text, title); p; p = strstr(p + 1, title)) {
		if (p > text && p[-1] != '\n' && p[-1] != ' ')
			continue;
		const char *q = p + tl;
		if (*q != ' ')
			continue;
		while (*q == ' ')
			q++;
		if (!isdigit((unsigned char)*q))
			continue;
		int n = atoi(q);
		while (isdigit((unsigned char)*q))
			q++;
		if (*q == '\n' || *q == '\0' || *q == '\f')
			return n;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Unit: the dates a dossier spans                                      */
/* ------------------------------------------------------------------ */

static bp_event mkev(int prec, int y, int m, int d, int end_prec, int ey, int em, int ed, int eh)
{
	bp_event e = {.size = sizeof e};
	e.start.prec = prec;
	e.start.year = y;
	e.start.month = m;
	e.start.day = prec == BP_PREC_MONTH ? 1 : d;
	e.start.days = cover_days_from_civil(y, m, e.start.day);
	e.end.prec = end_prec;
	if (end_prec) {
		e.end.year = ey;
		e.end.month = em;
		e.end.day = ed;
		e.end.hour = eh;
		e.end.days = cover_days_from_civil(ey, em, ed);
	}
	return e;
}

START_TEST(span_formats)
{
	char buf[128];
	int64_t d8 = cover_days_from_civil(2025, 10, 8);
	ck_assert_int_eq(d8, 20369);
	int y, m, d;
	cover_civil_from_days(d8, &y, &m, &d);
	ck_assert(y == 2025 && m == 10 && d == 8);

	cover_span_days(d8, d8, "en", buf, sizeof buf);
	ck_assert_str_eq(buf, "8 October 2025");
	cover_span_days(d8, d8 + 2, "en", buf, sizeof buf);
	ck_assert_str_eq(buf, "8\u201310 October 2025");
	cover_span_days(cover_days_from_civil(2025, 9, 30), d8, "en", buf, sizeof buf);
	ck_assert_str_eq(buf, "30 September \u2013 8 October 2025");
	cover_span_days(cover_days_from_civil(2025, 12, 30), cover_days_from_civil(2026, 1, 2),
	                "en", buf, sizeof buf);
	ck_assert_str_eq(buf, "30 December 2025 \u2013 2 January 2026");
	cover_span_days(d8, d8 + 2, "ru", buf, sizeof buf);
	ck_assert_str_eq(buf, "8\u201310 октября 2025");
	cover_span_days(cover_days_from_civil(2025, 9, 30), d8, "ru", buf, sizeof buf);
	ck_assert_str_eq(buf, "30 сентября \u2013 8 октября 2025");
}
END_TEST

START_TEST(span_events)
{
	char buf[128];
	bp_event e[5];
	const bp_event *p[5];
	for (int i = 0; i < 5; i++)
		p[i] = &e[i];

	/* No events, or none with a date at all: no span. */
	ck_assert_int_eq(cover_span(p, 0, "en", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "");

	/* Day events set the span; a month-only event does not widen it. */
	e[0] = mkev(BP_PREC_TIME, 2025, 10, 8, 0, 0, 0, 0, 0);
	e[1] = mkev(BP_PREC_DAY, 2025, 10, 9, 0, 0, 0, 0, 0);
	e[2] = mkev(BP_PREC_MONTH, 2025, 12, 1, 0, 0, 0, 0, 0);
	ck_assert_int_eq(cover_span(p, 3, "en", buf, sizeof buf), 1);
	ck_assert_str_eq(buf, "8\u20139 October 2025");

	/* An end known to the day widens it; 24:00 keeps its own day. */
	e[3] = mkev(BP_PREC_TIME, 2025, 10, 10, BP_PREC_TIME, 2025, 10, 10, 24);
	ck_assert_int_eq(cover_span(p, 4, "en", buf, sizeof buf), 1);
	ck_assert_str_eq(buf, "8\u201310 October 2025");

	/* An end at exactly midnight closes the day before. */
	e[3] = mkev(BP_PREC_TIME, 2025, 10, 10, BP_PREC_TIME, 2025, 10, 11, 0);
	cover_span(p, 4, "en", buf, sizeof buf);
	ck_assert_str_eq(buf, "8\u201310 October 2025");
	e[3] = mkev(BP_PREC_DAY, 2025, 10, 10, BP_PREC_DAY, 2025, 10, 12, 0);
	cover_span(p, 4, "en", buf, sizeof buf);
	ck_assert_str_eq(buf, "8\u201312 October 2025");

	/* Only month-only events: the months, in the nominative in Russian. */
	e[0] = mkev(BP_PREC_MONTH, 2025, 12, 1, 0, 0, 0, 0, 0);
	ck_assert_int_eq(cover_span(p, 1, "en", buf, sizeof buf), 1);
	ck_assert_str_eq(buf, "December 2025");
	e[1] = mkev(BP_PREC_MONTH, 2026, 2, 1, 0, 0, 0, 0, 0);
	cover_span(p, 2, "ru", buf, sizeof buf);
	ck_assert_str_eq(buf, "Декабрь 2025 \u2013 Февраль 2026");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Unit: contents pagination                                            */
/* ------------------------------------------------------------------ */

START_TEST(paginate_basic)
{
	contents_line_box l[10];
	size_t start[12];
	for (int i = 0; i < 10; i++)
		l[i] = (contents_line_box){.height = 10, .before = 0, .keep_next = 0};

	/* Nothing to list is still one (empty) page. */
	ck_assert_int_eq(contents_paginate(l, 0, 100, start), 1);
	ck_assert_uint_eq(start[1], 0);

	/* 10 lines of 10 in 35: 3, 3, 3, 1. */
	ck_assert_int_eq(contents_paginate(l, 10, 35, start), 4);
	ck_assert_uint_eq(start[1], 3);
	ck_assert_uint_eq(start[3], 9);
	ck_assert_uint_eq(start[4], 10);

	/* Space above a line counts, except at the top of a page. */
	l[3].before = 10;
	ck_assert_int_eq(contents_paginate(l, 10, 40, start), 3);
	ck_assert_uint_eq(start[1], 3); /* line 3 needs 20: moves over */
	ck_assert_uint_eq(start[2], 7); /* and starts page 2 without its space */
}
END_TEST

START_TEST(paginate_keep)
{
	contents_line_box l[6];
	size_t start[8];
	for (int i = 0; i < 6; i++)
		l[i] = (contents_line_box){.height = 10};
	/* A heading that would end page 1 goes to page 2 with its entries. */
	l[2].keep_next = 1;
	ck_assert_int_eq(contents_paginate(l, 6, 30, start), 3);
	ck_assert_uint_eq(start[1], 2);
	ck_assert_uint_eq(start[2], 5);

	/* An oversized line still takes a page: no endless loop. */
	l[0].height = 500;
	l[2].keep_next = 0;
	int pages = contents_paginate(l, 6, 30, start);
	ck_assert_uint_eq(start[1], 1);
	ck_assert_uint_eq(start[pages], 6);

	/* A page that is all headings is not emptied line by line. */
	for (int i = 0; i < 6; i++)
		l[i] = (contents_line_box){.height = 10, .keep_next = 1};
	pages = contents_paginate(l, 6, 30, start);
	ck_assert_int_eq(pages, 2);
	ck_assert_uint_eq(start[1], 3);
}
END_TEST

/* ------------------------------------------------------------------ */
/* End to end                                                           */
/* ------------------------------------------------------------------ */

START_TEST(cover_page)
{
	char *pdf = render(NULL);
	char *t = page_text(pdf, 1);
	const char *want[] = {"RESTRICTED",
	                      "Working visit to Samarkand",
	                      "Talks and the regional summit",
	                      "Samarkand, Uzbekistan",
	                      "8\u201310 October 2025", /* December is month-only */
	                      "Regional Desk",
	                      "Briefing Unit of the Ministry",
	                      "Prepared",
	                      "7 October 2025",
	                      "bilateral talks on the first day",
	                      "Regional press digest, 6 October 2025",
	                      "Embassy cable no. 42"};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_msg(strstr(t, want[i]), "cover lacks \"%s\":\n%s", want[i], t);
	ck_assert_msg(!strstr(t, "December"), "a month-only event widened the span:\n%s", t);
	ck_assert_msg(!strstr(t, "PROBE"), "the cover is not alone on page 1");
	free(t);

	/* Switched off, the summary and sources go. */
	pdf = render("--set sections.[0].show_summary=false --set sections.[0].show_sources=false");
	t = page_text(pdf, 1);
	ck_assert(!strstr(t, "bilateral talks"));
	ck_assert(!strstr(t, "Embassy cable"));
	ck_assert(strstr(t, "Regional Desk"));
	free(t);
}
END_TEST

START_TEST(contents_pages)
{
	char *pdf = render(NULL);
	int cpages;
	char *ct = contents_text(pdf, "Contents", &cpages);
	ck_assert_int_eq(cpages, 1);
	int a = page_of(pdf, "PROBE annex-a page 1 of 3");
	int b = page_of(pdf, "PROBE annex-b page 1 of 2");
	ck_assert_int_eq(a, 3);
	ck_assert_int_eq(b, 6);
	ck_assert_int_eq(bpt_pdf_pages(pdf), 7);
	ck_assert_msg(listed_page(ct, "Annex Alpha") == a, "Annex Alpha not listed at %d:\n%s", a,
	              ct);
	ck_assert_msg(listed_page(ct, "Annex Bravo") == b, "Annex Bravo not listed at %d:\n%s", b,
	              ct);
	/* The contents does not list itself; depth 1 lists no entries. */
	ck_assert_msg(listed_page(ct, "Contents") == 0, "contents lists itself:\n%s", ct);
	ck_assert(!strstr(ct, "entry 1"));

	/* Each line is a link (cover, Annex Alpha, Annex Bravo), and the
	 * contents is the only section here that draws links. */
	int links = bpt_pdf_count(pdf, "/Subtype /Link");
	ck_assert_int_eq(listed_page(ct, "Annex Alpha") > 0 && listed_page(ct, "Annex Bravo") > 0,
	                 1);
	ck_assert_msg(links == 3, "%d links for the 3 listed sections", links);
	bpt_result r = bpt_sh("pdfinfo -dests '%s'", pdf);
	ck_assert_msg(strstr(r.out, "section-annex-a"), "no destination for Annex Alpha:\n%s",
	              r.out);
	bpt_free(&r);
	free(ct);
}
END_TEST

START_TEST(contents_depth)
{
	/* depth 2 lists the entries sections offer, at their real pages. */
	char *pdf = render("--set sections.[1].depth=2");
	char *ct = contents_text(pdf, "Contents", NULL);
	for (int i = 1; i <= 3; i++) {
		char title[64], mark[64];
		snprintf(title, sizeof title, "Annex Alpha entry %d", i);
		snprintf(mark, sizeof mark, "PROBE-ENTRY annex-a %d\n", i);
		int real = page_of(pdf, mark);
		ck_assert_int_gt(real, 0);
		ck_assert_msg(listed_page(ct, title) == real, "%s: listed %d, really %d\n%s", title,
		              listed_page(ct, title), real, ct);
	}
	ck_assert_int_eq(listed_page(ct, "Annex Bravo entry 2"),
	                 page_of(pdf, "PROBE-ENTRY annex-b 2\n"));
	free(ct);

	/* 150 entries flow over several contents pages; every number still
	 * matches where the section starts. */
	pdf = render("--set sections.[1].depth=2 --set sections.[2].entries=150");
	int cpages;
	ct = contents_text(pdf, "Contents", &cpages);
	ck_assert_int_ge(cpages, 2);
	int a = page_of(pdf, "PROBE annex-a page 1 of 3");
	int b = page_of(pdf, "PROBE annex-b page 1 of 2");
	ck_assert_int_eq(a, 2 + cpages);
	ck_assert_int_eq(listed_page(ct, "Annex Alpha"), a);
	ck_assert_int_eq(listed_page(ct, "Annex Bravo"), b);
	ck_assert_int_eq(listed_page(ct, "Annex Alpha entry 150"),
	                 page_of(pdf, "PROBE-ENTRY annex-a 150\n"));
	char *second = page_text(pdf, 3);
	ck_assert_msg(strstr(second, "(continued)"), "no continued heading:\n%s", second);
	free(second);
	free(ct);
}
END_TEST

START_TEST(contents_disabled)
{
	char *pdf = render(NULL);
	char *all = bpt_pdf_text(pdf, 0, 0);
	ck_assert_msg(!strstr(all, "Hidden Annex"), "a disabled section shows");
	free(all);

	/* Skipped on the command line: gone from the contents, Bravo moves up. */
	pdf = render("--skip annex-a");
	char *ct = contents_text(pdf, "Contents", NULL);
	ck_assert_int_eq(listed_page(ct, "Annex Alpha"), 0);
	ck_assert_int_eq(listed_page(ct, "Annex Bravo"), 3);
	ck_assert_int_eq(page_of(pdf, "PROBE annex-b page 1 of 2"), 3);
	free(ct);

	/* Enabled: listed, and what follows moves down. */
	pdf = render("--set sections.[3].enabled=true");
	ct = contents_text(pdf, "Contents", NULL);
	ck_assert_int_eq(listed_page(ct, "Hidden Annex"), 6);
	ck_assert_int_eq(listed_page(ct, "Annex Bravo"), 7);
	ck_assert_int_eq(page_of(pdf, "PROBE annex-b page 1 of 2"), 7);
	free(ct);
}
END_TEST

START_TEST(russian)
{
	char *pdf = render("--set document.language=ru --set sections.[1].depth=2 "
	                   "--set sections.[2].entries=150");
	char *t = page_text(pdf, 1);
	const char *want[] = {"8\u201310 октября 2025",
	                      "Подготовлено",
	                      "7 октября 2025",
	                      "Автор",
	                      "Организация",
	                      "ИСТОЧНИКИ"};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_msg(strstr(t, want[i]), "cover lacks \"%s\":\n%s", want[i], t);
	ck_assert(!strstr(t, "Prepared"));
	free(t);
	t = page_text(pdf, 2);
	ck_assert_msg(strstr(t, "Содержание"), "no Russian heading:\n%s", t);
	ck_assert(!strstr(t, "Contents"));
	free(t);
	t = page_text(pdf, 3);
	ck_assert_msg(strstr(t, "Содержание (продолжение)") || strstr(t, "Содержание ("),
	              "no Russian continued heading:\n%s", t);
	free(t);
}
END_TEST

/* Every word of page 1 inside the frame's width (the margins are 15 mm =
 * 42.5 pt left and right on a 595.3 pt page); returns the words checked. */
static int words_inside(const char *pdf, double *max_y)
{
	bpt_result r = bpt_sh("pdftotext -bbox -f 1 -l 1 '%s' -", pdf);
	ck_assert_int_eq(r.status, 0);
	int n = 0;
	*max_y = 0;
	for (const char *p = strstr(r.out, "<word "); p; p = strstr(p + 1, "<word ")) {
		double x0, y0, x1, y1;
		ck_assert_int_eq(sscanf(p,
		                        "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
		                        &x0, &y0, &x1, &y1),
		                 4);
		ck_assert_msg(x0 >= 42.5 - 1 && x1 <= 595.28 - 42.5 + 1,
		              "word at x %.1f..%.1f leaves the frame", x0, x1);
		if (y1 > *max_y)
			*max_y = y1;
		n++;
	}
	bpt_free(&r);
	return n;
}

START_TEST(overflow)
{
	/* A 300-character title, a huge summary and 40 sources: still one
	 * cover page, nothing outside the frame, the footer rows still there. */
	char title[400] = "";
	while (strlen(title) < 290)
		strcat(title, "Extraordinarily long title ");
	title[300] = '\0';
	char extra[1200];
	snprintf(extra, sizeof extra,
	         "--data '%s/tests/cover_contents/data/long.cfg' --set 'document.title=\"%s\"'",
	         bpt_src(), title);
	char *pdf = render(extra);
	ck_assert_int_eq(page_of(pdf, "PROBE annex-a page 1 of 3"), 3);
	char *t = page_text(pdf, 1);
	ck_assert_msg(strstr(t, "Prepared") && strstr(t, "Regional Desk"), "footer rows lost:\n%s",
	              t);
	ck_assert_msg(strstr(t, "and 3") || strstr(t, "more"), "no \"and N more\" for sources");
	free(t);
	double max_y;
	ck_assert_int_gt(words_inside(pdf, &max_y), 50);
	ck_assert_msg(max_y < 841.89, "text below the page: %.1f", max_y);
}
END_TEST

/* The box of the first word `word` on page `page`, in points from the
 * page's top left (pdftotext -bbox); 0 if it is not there. */
static int word_box(const char *pdf, int page, const char *word, double box[4])
{
	bpt_result r = bpt_sh("pdftotext -bbox -f %d -l %d '%s' -", page, page, pdf);
	ck_assert_int_eq(r.status, 0);
	char want[128];
	snprintf(want, sizeof want, "\">%s</word>", word);
	int found = 0;
	for (char *line = strtok(r.out, "\n"); line && !found; line = strtok(NULL, "\n"))
		found = strstr(line, want) &&
		        sscanf(line, " <word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
		               &box[0], &box[1], &box[2], &box[3]) == 4;
	bpt_free(&r);
	return found;
}

START_TEST(contents_leader_dots)
{
	/* Between "Annex Alpha" and its page number: a row of dots one grid
	 * step (4.5 pt) apart, as poppler draws the PDF at 144 dpi. */
	char *pdf = render(NULL);
	double title[4], num[4];
	ck_assert(word_box(pdf, 2, "Alpha", title));
	ck_assert(word_box(pdf, 2, "3", num));
	ck_assert(num[1] > title[1] - 1 && num[1] < title[1] + 1); /* the same line */
	double x0 = title[2] + 1, x1 = num[0] - 1, dpi = 144, px = dpi / 72;
	const char *dir = bpt_tmpdir();
	char *img = bpt_path(dir, "dots");
	bpt_result r = bpt_sh("pdftoppm -gray -r %g -f 2 -l 2 -x %d -y %d -W %d -H %d -singlefile "
	                      "'%s' '%s'",
	                      dpi, (int)(x0 * px), (int)(title[1] * px), (int)((x1 - x0) * px),
	                      (int)((title[3] - title[1]) * px), pdf, img);
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
	char *path = bpt_path(dir, "dots.pgm");
	size_t len;
	char *pgm = bpt_read(path, &len);
	ck_assert_ptr_nonnull(pgm);
	int w, h, max, off;
	ck_assert_int_eq(sscanf(pgm, "P5 %d %d %d%n", &w, &h, &max, &off), 3);
	const unsigned char *px0 = (const unsigned char *)pgm + off + 1;
	ck_assert((size_t)(off + 1 + w * h) <= len);
	/* Dots: runs of columns with a dark pixel; their centres. */
	int runs = 0, in = 0;
	double first = 0, last = 0, start = 0;
	for (int x = 0; x < w; x++) {
		int dark = 0;
		for (int y = 0; y < h; y++)
			dark |= px0[y * w + x] < 200;
		if (dark && !in)
			start = x;
		if (!dark && in) {
			double c = (start + x - 1) / 2.0;
			if (!runs)
				first = c;
			last = c;
			runs++;
		}
		in = dark;
	}
	double step = 4.5 * px, want = (x1 - x0) / 4.5;
	ck_assert_msg(runs >= want - 5 && runs <= want + 1, "%d dots in %.0f pt", runs, x1 - x0);
	double mean = (last - first) / (runs - 1);
	ck_assert_msg(mean > step - 0.2 && mean < step + 0.2, "dots %.2f px apart, not %.2f", mean,
	              step);
	free(pgm);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("cover_contents");
	struct {
		const char *name;
		const TTest *tests[4];
	} cases[] = {
	        {"span", {span_formats, span_events}},
	        {"paginate", {paginate_basic, paginate_keep}},
	        {"cover", {cover_page}},
	        {"contents", {contents_pages, contents_leader_dots}},
	        {"depth", {contents_depth}},
	        {"disabled", {contents_disabled}},
	        {"russian", {russian}},
	        {"overflow", {overflow}},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		TCase *tc = tcase_create(cases[i].name);
		tcase_set_timeout(tc, 120);
		for (int j = 0; j < 4 && cases[i].tests[j]; j++)
			tcase_add_test(tc, cases[i].tests[j]);
		suite_add_tcase(s, tc);
	}
	return s;
}

int main(void)
{
	return bpt_main(make_suite);
}
