/*
 * test_render.c — the timeline end to end: briefpack renders the test
 * dossiers in tests/timeline/data/ and the PDF's text (pdftotext) shows
 * every event once, on its day, with its times converted, its strips,
 * marks, legend and zone line, paged by days; and the list style flows.
 */
#define _GNU_SOURCE
#include "bptest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Renders one timeline section over data/DOSSIER.cfg; returns the PDF's
 * path, and the run's result in *r (free it). */
static char *render(const char *dossier, const char *orientation, const char *opts, bpt_result *r)
{
	const char *dir = bpt_tmpdir();
	char *job = bpt_path(dir, "job.cfg"), *pdf = bpt_path(dir, "out.pdf"), *text;
	if (asprintf(&text,
	             "version = 1;\n"
	             "document = { title = \"T\"; date = \"2025-10-07\"; language = \"en\"; };\n"
	             "page = { size = \"A4\"; orientation = \"%s\"; };\n"
	             "theme = { font = \"Noto Sans\"; size = 9.5; };\n"
	             "data = \"%s/tests/timeline/data/%s.cfg\";\n"
	             "output = { file = \"%s\"; };\n"
	             "sections = ( { plugin = \"timeline\"; title = \"Programme\"; %s } );\n",
	             orientation, bpt_src(), dossier, pdf, opts) < 0)
		abort();
	bpt_write(job, text);
	free(text);
	*r = bpt_sh("'%s' render '%s'", bpt_bin(), job);
	return pdf;
}

static char *render_ok(const char *dossier, const char *orientation, const char *opts)
{
	bpt_result r;
	char *pdf = render(dossier, orientation, opts, &r);
	ck_assert_msg(r.status == 0, "render %s (%s) failed: %s", dossier, opts, r.err);
	bpt_free(&r);
	return pdf;
}

/* Runs of white space (line ends of wrapped titles) become one space. */
static char *squash(char *t)
{
	char *o = t;
	int space = 0;
	for (const char *p = t; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\f' || *p == '\r') {
			space = 1;
			continue;
		}
		if (space && o != t)
			*o++ = ' ';
		space = 0;
		*o++ = *p;
	}
	*o = '\0';
	return t;
}

/* The whole PDF's text, squashed. */
static char *all_text(const char *pdf)
{
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(t);
	return squash(t);
}

/* Page texts 1..n of a PDF (NULL-terminated array). */
static char **page_texts(const char *pdf, int *n)
{
	*n = bpt_pdf_pages(pdf);
	ck_assert_int_ge(*n, 1);
	char **t = calloc((size_t)*n + 1, sizeof *t);
	for (int i = 0; i < *n; i++) {
		t[i] = bpt_pdf_text(pdf, i + 1, i + 1);
		ck_assert_ptr_nonnull(t[i]);
		squash(t[i]);
	}
	return t;
}

static void free_texts(char **t)
{
	for (char **p = t; *p; p++)
		free(*p);
	free(t);
}

/* The conference's event k is on day k * 14 / 200 from 20 October 2025. */
static const char *conf_day(int i)
{
	static const char *const d[14] = {"Monday 20 October 2025",    "Tuesday 21 October 2025",
	                                  "Wednesday 22 October 2025", "Thursday 23 October 2025",
	                                  "Friday 24 October 2025",    "Saturday 25 October 2025",
	                                  "Sunday 26 October 2025",    "Monday 27 October 2025",
	                                  "Tuesday 28 October 2025",   "Wednesday 29 October 2025",
	                                  "Thursday 30 October 2025",  "Friday 31 October 2025",
	                                  "Saturday 1 November 2025",  "Sunday 2 November 2025"};
	return d[i];
}

static int page_with(char **t, int n, const char *needle)
{
	for (int i = 0; i < n; i++)
		if (strstr(t[i], needle))
			return i;
	return -1;
}

START_TEST(grid_every_event_once)
{
	char *pdf = render_ok("conference", "landscape", "");
	char *all = all_text(pdf);
	for (int k = 0; k < 200; k++) {
		char id[16];
		snprintf(id, sizeof id, "C%03d", k);
		ck_assert_msg(bpt_count(all, id) == 1, "%s appears %d times", id,
		              bpt_count(all, id));
	}
	free(all);
}
END_TEST

START_TEST(grid_events_in_their_day)
{
	/* One day a page: each event on the page headed by its date. */
	char *pdf = render_ok("conference", "portrait", "days_per_page = 1;");
	int n;
	char **t = page_texts(pdf, &n);
	ck_assert_int_eq(n, 14);
	for (int k = 0; k < 200; k++) {
		char id[16];
		snprintf(id, sizeof id, "C%03d", k);
		int p = page_with(t, n, id);
		ck_assert_msg(p >= 0, "%s is missing", id);
		ck_assert_msg(strstr(t[p], conf_day(k * 14 / 200)), "%s is not on %s", id,
		              conf_day(k * 14 / 200));
	}
	for (int i = 0; i < 14; i++)
		ck_assert_int_eq(page_with(t, n, conf_day(i)), i);
	free_texts(t);
}
END_TEST

START_TEST(grid_stress_once)
{
	/* Overlaps, midnight, several days, scripts: each title once (the
	 * continued pieces repeat it as outlines only). */
	char *pdf = render_ok("stress", "portrait", "days_per_page = 1;");
	char *all = all_text(pdf);
	const char *titles[] = {
	        "Overlap one: bilateral talks",      "Overlap eight: youth forum",
	        "Gala dinner past midnight",         "Three-day industrial exhibition",
	        "Overnight flight to Moscow",        "Two-day business forum",
	        "Arrival of the Chinese delegation", "Departure",
	        "中国代表团会谈与合作协议签署",      "Touch A: wreath-laying",
	        "Touch B: walk in the park"};
	for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
		ck_assert_msg(bpt_count(all, titles[i]) == 1, "'%s' appears %d times", titles[i],
		              bpt_count(all, titles[i]));
	ck_assert_int_eq(bpt_count(all, "Российско-таджикские"), 1);
	ck_assert_int_eq(bpt_count(all, "A title of one hundred and fifty characters"), 1);
	free(all);
	int n;
	char **t = page_texts(pdf, &n);
	int p24 = page_with(t, n, "Friday 24 October 2025");
	ck_assert_int_ge(p24, 0);
	ck_assert_ptr_nonnull(strstr(t[p24], "Gala dinner past midnight"));
	ck_assert_ptr_nonnull(strstr(t[p24], "20:00–01:00 (+1)"));
	for (int i = 1; i <= 8; i++) {
		static const char *const w[] = {"one",  "two", "three", "four",
		                                "five", "six", "seven", "eight"};
		char o[32];
		snprintf(o, sizeof o, "Overlap %s", w[i - 1]);
		ck_assert_msg(strstr(t[p24], o), "%s not on 24 October", o);
	}
	int p25 = page_with(t, n, "Saturday 25 October 2025");
	ck_assert_ptr_nonnull(strstr(t[p25], "Three-day industrial exhibition"));
	ck_assert_ptr_nonnull(strstr(t[p25], "10:00–18:00 (+2)"));
	free_texts(t);
}
END_TEST

START_TEST(times_converted)
{
	char *pdf = render_ok("stress", "portrait",
	                      "days_per_page = 1; second_timezone = \"Europe/London\";");
	int n;
	char **t = page_texts(pdf, &n);
	int p25 = page_with(t, n, "Saturday 25 October 2025");
	int p27 = page_with(t, n, "Monday 27 October 2025");
	ck_assert_int_ge(p25, 0);
	ck_assert_int_ge(p27, 0);
	/* Written in the dossier's zone; London still on summer time. */
	ck_assert_ptr_nonnull(strstr(t[p25], "09:00–10:30 (05:00–06:30)"));
	/* Written in UTC (05:00Z) and in Moscow time (12:00+03:00). */
	ck_assert_ptr_nonnull(strstr(t[p25], "10:00–11:00 (06:00–07:00)"));
	ck_assert_ptr_nonnull(strstr(t[p25], "14:00–15:00 (10:00–11:00)"));
	ck_assert_ptr_nonnull(strstr(t[p25], "London, UTC+01:00"));
	/* After London's clock change, five hours apart, not four. */
	ck_assert_ptr_nonnull(strstr(t[p27], "10:00–11:00 (05:00–06:00)"));
	ck_assert_ptr_nonnull(strstr(t[p27], "London, UTC+00:00"));
	ck_assert_ptr_nonnull(strstr(t[p25], "All times: Dushanbe, UTC+05:00"));
	free_texts(t);
}
END_TEST

START_TEST(times_dst_breaks_pages)
{
	/* The second axis holds for a whole page: a change of the distance
	 * between the zones starts a new page. */
	char *pdf = render_ok("conference", "landscape",
	                      "second_timezone = \"America/New_York\"; days_per_page = 4;");
	int n;
	char **t = page_texts(pdf, &n);
	int p25 = page_with(t, n, conf_day(5)), p26 = page_with(t, n, conf_day(6));
	int p1 = page_with(t, n, conf_day(12)), p2 = page_with(t, n, conf_day(13));
	ck_assert_int_ne(p25, p26);
	ck_assert_int_ne(p1, p2);
	ck_assert_ptr_nonnull(strstr(t[p25], "New York, UTC-04:00"));
	ck_assert_ptr_nonnull(strstr(t[p26], "New York, UTC-04:00"));
	ck_assert_ptr_nonnull(strstr(t[p2], "New York, UTC-05:00"));
	ck_assert_ptr_nonnull(strstr(t[p25], "Berlin, UTC+02:00"));
	free_texts(t);
}
END_TEST

START_TEST(strips_date_and_month_only)
{
	char *pdf = render_ok("stress", "portrait", "days_per_page = 1;");
	int n;
	char **t = page_texts(pdf, &n);
	int p25 = page_with(t, n, "Saturday 25 October 2025");
	ck_assert_ptr_nonnull(strstr(t[p25], "All day / time to be confirmed"));
	ck_assert_ptr_nonnull(strstr(t[p25], "Date-only: press accreditation open"));
	int last = n - 1;
	ck_assert_ptr_nonnull(strstr(t[last], "Dates to be confirmed"));
	ck_assert_ptr_nonnull(strstr(t[last], "December 2025"));
	ck_assert_ptr_nonnull(strstr(t[last], "Follow-up summit in St Petersburg"));
	ck_assert_ptr_nonnull(strstr(t[last], "March 2026"));
	ck_assert_ptr_nonnull(strstr(t[last], "Return visit to Moscow"));
	/* The two-day forum: once as text, on its first day. */
	int p26 = page_with(t, n, "Sunday 26 October 2025");
	ck_assert_ptr_nonnull(strstr(t[p26], "Two-day business forum"));
	free_texts(t);

	pdf = render_ok("notimed", "portrait", "");
	char *all = all_text(pdf);
	const char *titles[] = {"Arrival and welcome ceremony",
	                        "Talks in narrow format",
	                        "Talks in expanded format",
	                        "Cultural programme over two days",
	                        "Departure",
	                        "Return visit"};
	for (size_t i = 0; i < 6; i++)
		ck_assert_int_eq(bpt_count(all, titles[i]), 1);
	ck_assert_ptr_nonnull(strstr(all, "All day / time to be confirmed"));
	ck_assert_ptr_null(strstr(all, "12:00")); /* no empty hour grid */
	free(all);

	pdf = render_ok("empty", "portrait", "");
	all = all_text(pdf);
	ck_assert_ptr_nonnull(strstr(all, "No events to show."));
	free(all);
}
END_TEST

START_TEST(marks_legend_zone)
{
	char *pdf = render_ok("stress", "portrait", "");
	char *all = all_text(pdf);
	ck_assert_ptr_nonnull(strstr(all, "All times: Dushanbe, UTC+05:00"));
	ck_assert_int_ge(bpt_count(all, "Legend"), 1);
	const char *words[] = {"State visit", "Economy",   "Culture",      "Travel",
	                       "tentative",   "cancelled", "point in time"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		ck_assert_msg(strstr(all, words[i]), "no '%s'", words[i]);
	/* Status words in the boxes, beyond the legend's. */
	ck_assert_int_ge(bpt_count(all, "· tentative"), 2);
	ck_assert_int_ge(bpt_count(all, "· cancelled"), 1);
	free(all);
	/* Without a legend: gone. */
	pdf = render_ok("stress", "portrait", "show_legend = false;");
	all = all_text(pdf);
	ck_assert_ptr_null(strstr(all, "Legend"));
	free(all);
}
END_TEST

START_TEST(pagination_by_days)
{
	char *pdf = render_ok("conference", "landscape", "days_per_page = 3;");
	ck_assert_int_eq(bpt_pdf_pages(pdf), 5);
	pdf = render_ok("conference", "landscape", "");
	int n;
	char **t = page_texts(pdf, &n);
	ck_assert_int_ge(n, 2);
	ck_assert_int_le(n, 14);
	for (int i = 0; i < 14; i++) {
		int count = 0;
		for (int p = 0; p < n; p++)
			count += bpt_count(t[p], conf_day(i));
		ck_assert_msg(count == 1, "%s heads %d columns", conf_day(i), count);
	}
	free_texts(t);
	/* One outline entry and link target per day. */
	bpt_result r = bpt_sh("pdfinfo -dests '%s'", pdf);
	ck_assert_int_eq(bpt_count(r.out, "day-2025-1"), 14);
	bpt_free(&r);
}
END_TEST

START_TEST(list_flows)
{
	char *pdf = render_ok("conference", "portrait", "style = \"list\";");
	char *all = all_text(pdf);
	ck_assert_int_ge(bpt_pdf_pages(pdf), 4);
	ck_assert_int_ge(bpt_count(all, "(continued)"), 1);
	const char *pos[15];
	for (int i = 0; i < 14; i++) {
		pos[i] = strstr(all, conf_day(i));
		ck_assert_ptr_nonnull(pos[i]);
		if (i)
			ck_assert(pos[i] > pos[i - 1]);
	}
	pos[14] = all + strlen(all);
	for (int k = 0; k < 200; k++) {
		char id[16];
		snprintf(id, sizeof id, "C%03d", k);
		ck_assert_int_eq(bpt_count(all, id), 1);
		const char *at = strstr(all, id);
		int d = k * 14 / 200;
		ck_assert_msg(at > pos[d] && at < pos[d + 1], "%s outside %s", id, conf_day(d));
	}
	free(all);

	pdf = render_ok("stress", "portrait",
	                "style = \"list\"; second_timezone = \"Europe/Moscow\";");
	all = all_text(pdf);
	const char *tbc = strstr(all, "Dates to be confirmed");
	const char *last_day = strstr(all, "Monday 27 October 2025");
	ck_assert_ptr_nonnull(tbc);
	ck_assert(tbc > last_day);
	ck_assert(strstr(all, "Follow-up summit in St Petersburg") > tbc);
	ck_assert(strstr(all, "Return visit to Moscow") > tbc);
	ck_assert_ptr_nonnull(strstr(all, "Attendees: Vladimir Putin, Emomali Rahmon (Host)"));
	ck_assert_ptr_nonnull(strstr(all, "07:00–10:00 Moscow")); /* 09:00-12:00 Dushanbe */
	ck_assert_int_eq(bpt_count(all, "Three-day industrial exhibition"), 1);
	free(all);
}
END_TEST

START_TEST(options_schema_and_errors)
{
	bpt_result r = bpt_sh("'%s' plugins --describe timeline", bpt_bin());
	ck_assert_int_eq(r.status, 0);
	const char *names[] = {"style",    "hours",          "days_per_page",  "second_timezone",
	                       "tracks",   "show_venue",     "show_attendees", "show_legend",
	                       "show_tbc", "show_cancelled", "show_empty_days"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		ck_assert_msg(strstr(r.out, names[i]), "--describe lacks %s", names[i]);
	bpt_free(&r);

	render("stress", "portrait", "second_timezone = \"Mars/Olympus\";", &r);
	ck_assert_int_ne(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.err, "Mars/Olympus"));
	bpt_free(&r);
	render("stress", "portrait", "tracks = [\"state\", \"nope\"];", &r);
	ck_assert_int_ne(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.err, "\"nope\""));
	bpt_free(&r);
	render("stress", "portrait", "hours = [18, 9];", &r);
	ck_assert_int_ne(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.err, "[18, 9]"));
	bpt_free(&r);

	/* tracks keeps only those; hours clamps but loses nothing. */
	char *pdf = render_ok("stress", "portrait", "tracks = [\"travel\"]; hours = [12, 14];");
	char *all = all_text(pdf);
	ck_assert_ptr_nonnull(strstr(all, "Overnight flight to Moscow"));
	ck_assert_ptr_nonnull(strstr(all, "Arrival of the Chinese delegation"));
	ck_assert_ptr_nonnull(strstr(all, "Departure"));
	ck_assert_ptr_null(strstr(all, "Overlap one"));
	free(all);
}
END_TEST

TCase *render_cases(Suite *s);
TCase *render_cases(Suite *s)
{
	struct {
		const char *name;
		const TTest *test;
	} cases[] = {{"grid_events", grid_every_event_once},
	             {"grid_events", grid_stress_once},
	             {"grid_days", grid_events_in_their_day},
	             {"times", times_converted},
	             {"times", times_dst_breaks_pages},
	             {"strips", strips_date_and_month_only},
	             {"marks", marks_legend_zone},
	             {"pagination", pagination_by_days},
	             {"list", list_flows},
	             {"options", options_schema_and_errors}};
	TCase *last = NULL;
	const char *last_name = "";
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		if (!last || strcmp(last_name, cases[i].name) != 0) {
			last_name = cases[i].name;
			last = tcase_create(cases[i].name);
			tcase_set_timeout(last, 120);
			suite_add_tcase(s, last);
		}
		tcase_add_test(last, cases[i].test);
	}
	return last;
}
