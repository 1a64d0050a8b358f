/*
 * test_agenda_summary.c — the agenda_summary plugin end to end.
 *
 * Renders jobs from data/ (and dossiers generated here) through the
 * program and reads the PDFs back with poppler.  What must appear is taken
 * from the dossier itself (read with libconfig), so the order check holds
 * for any dossier, the shipped Dushanbe example included.  Text is compared
 * with all whitespace removed: wrapping, page breaks and long words broken
 * by character then cannot make a check fail or pass by accident.
 */
#define _GNU_SOURCE
#include "test_agenda_summary.h"
#include "bptest.h"

#include <ctype.h>
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static char *data_path(const char *name)
{
	char *rel;
	if (asprintf(&rel, "tests/agenda_summary/data/%s", name) < 0)
		abort();
	return bpt_path(bpt_src(), rel);
}

/* Renders a job with extra arguments; returns the PDF's path, and the
 * run's standard error in *err when asked. */
static char *render(const char *job, const char *extra, char **err)
{
	char *pdf = bpt_path(bpt_tmpdir(), "out.pdf");
	bpt_result r =
	        bpt_sh("'%s' render '%s' -o '%s' %s", bpt_bin(), job, pdf, extra ? extra : "");
	ck_assert_msg(r.status == 0, "render of %s failed (%d): %s", job, r.status, r.err);
	if (err)
		*err = strdup(r.err);
	bpt_free(&r);
	return pdf;
}

/* s without any whitespace (ASCII, and U+00A0). */
static char *squeeze(const char *s)
{
	char *o = malloc(strlen(s) + 1), *p = o;
	for (; *s; s++) {
		if (isspace((unsigned char)*s))
			continue;
		if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s++;
			continue;
		}
		*p++ = *s;
	}
	*p = '\0';
	return o;
}

/* Finds needle in hay from *pos on (both squeezed); moves *pos past it. */
static int find_from(const char *hay, const char *needle, size_t *pos)
{
	char *n = squeeze(needle);
	const char *hit = strstr(hay + *pos, n);
	if (hit)
		*pos = (size_t)(hit - hay) + strlen(n);
	free(n);
	return hit != NULL;
}

static char *squeezed_text(const char *pdf, int first, int last)
{
	char *t = bpt_pdf_text(pdf, first, last);
	ck_assert_ptr_nonnull(t);
	char *s = squeeze(t);
	free(t);
	return s;
}

/* The first page whose text holds needle (squeezed), or 0. */
static int page_of(const char *pdf, const char *needle)
{
	int n = bpt_pdf_pages(pdf);
	char *sq = squeeze(needle);
	for (int p = 1; p <= n; p++) {
		char *t = squeezed_text(pdf, p, p);
		int hit = strstr(t, sq) != NULL;
		free(t);
		if (hit) {
			free(sq);
			return p;
		}
	}
	free(sq);
	return 0;
}

static int cmp_start(const void *a, const void *b)
{
	config_setting_t *const *x = a, *const *y = b;
	const char *sx = "", *sy = "";
	config_setting_lookup_string(*x, "start", &sx);
	config_setting_lookup_string(*y, "start", &sy);
	int c = strcmp(sx, sy);
	/* Ties keep file order. */
	return c ? c : config_setting_index(*x) - config_setting_index(*y);
}

static const char *topic_field(config_t *cfg, const char *id, const char *field)
{
	config_setting_t *topics = config_lookup(cfg, "topics");
	for (int i = 0; topics && i < config_setting_length(topics); i++) {
		config_setting_t *t = config_setting_get_elem(topics, i);
		const char *tid, *v = NULL;
		if (config_setting_lookup_string(t, "id", &tid) && strcmp(tid, id) == 0) {
			config_setting_lookup_string(t, field, &v);
			return v;
		}
	}
	return NULL;
}

/* Every event of the dossier (in start order: the dossiers used here have
 * one zone, so the strings sort as the times do), with its topics and
 * their notes, outcomes and notes, appears in the PDF in that order. */
static void check_all_in_order(const char *dossier, const char *pdf)
{
	config_t cfg;
	config_init(&cfg);
	ck_assert_msg(config_read_file(&cfg, dossier), "%s:%d: %s", dossier,
	              config_error_line(&cfg), config_error_text(&cfg));
	config_setting_t *events = config_lookup(&cfg, "events");
	int n = config_setting_length(events);
	ck_assert_int_gt(n, 0);
	config_setting_t **ev = calloc((size_t)n, sizeof *ev);
	for (int i = 0; i < n; i++)
		ev[i] = config_setting_get_elem(events, i);
	qsort(ev, (size_t)n, sizeof *ev, cmp_start);
	char *text = squeezed_text(pdf, 0, 0);
	size_t pos = 0;
	int items = 0;
	for (int i = 0; i < n; i++) {
		const char *s;
		ck_assert(config_setting_lookup_string(ev[i], "title", &s));
		ck_assert_msg(find_from(text, s, &pos), "event \"%s\" missing or out of order", s);
		items++;
		config_setting_t *list = config_setting_get_member(ev[i], "topics");
		for (int k = 0; list && k < config_setting_length(list); k++) {
			const char *id = config_setting_get_string_elem(list, k);
			const char *name = topic_field(&cfg, id, "name");
			const char *notes = topic_field(&cfg, id, "notes");
			ck_assert_msg(find_from(text, name, &pos), "topic \"%s\" of \"%s\"", name,
			              s);
			if (notes)
				ck_assert_msg(find_from(text, notes, &pos), "notes of topic %s",
				              id);
			items++;
		}
		list = config_setting_get_member(ev[i], "outcomes");
		for (int k = 0; list && k < config_setting_length(list); k++) {
			const char *o = config_setting_get_string_elem(list, k);
			ck_assert_msg(find_from(text, o, &pos), "outcome \"%s\" of \"%s\"", o, s);
			items++;
		}
		const char *notes;
		if (config_setting_lookup_string(ev[i], "notes", &notes)) {
			ck_assert_msg(find_from(text, notes, &pos), "notes of \"%s\"", s);
			items++;
		}
	}
	ck_assert_int_gt(items, n);
	free(text);
	free(ev);
	config_destroy(&cfg);
}

/* ------------------------------------------------------------------ */
/* Content and order                                                    */
/* ------------------------------------------------------------------ */

START_TEST(order_dushanbe)
{
	char *pdf = render(data_path("dushanbe.cfg"), NULL, NULL);
	check_all_in_order(bpt_path(bpt_src(), "config/examples/dushanbe-2025/visit.cfg"), pdf);
	char *t = bpt_pdf_text(pdf, 0, 0);
	/* The summit in words: both heads by name, the rest as delegations. */
	ck_assert_ptr_nonnull(strstr(t, "Delegations: Uzbekistan, Kazakhstan, Kyrgyzstan and "
	                                "Turkmenistan"));
	ck_assert_ptr_nonnull(strstr(t, "Wednesday 8 October 2025"));
	ck_assert_ptr_nonnull(strstr(t, "December 2025 (date to be confirmed)"));
	free(t);
}
END_TEST

START_TEST(order_test_dossier)
{
	char *pdf = render(data_path("order.cfg"), NULL, NULL);
	check_all_in_order(data_path("order-dossier.cfg"), pdf);
	char *t = squeezed_text(pdf, 0, 0);
	size_t pos = 0;
	/* The empty event says so, right after its heading. */
	ck_assert(find_from(t, "Zero: arrival", &pos));
	ck_assert(find_from(t, "No agenda published.", &pos));
	ck_assert(find_from(t, "First: bilateral talks", &pos));
	ck_assert_int_eq(bpt_count(t, "Noagendapublished."), 1);
	free(t);
}
END_TEST

START_TEST(order_skip_empty)
{
	char *pdf = render(data_path("order.cfg"), "--set 'sections.[0].skip_empty=true'", NULL);
	char *t = squeezed_text(pdf, 0, 0);
	ck_assert_ptr_null(strstr(t, "Zero:arrival"));
	ck_assert_ptr_null(strstr(t, "Noagendapublished"));
	ck_assert_ptr_nonnull(strstr(t, "First:bilateraltalks"));
	free(t);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Statuses, times, attendees                                           */
/* ------------------------------------------------------------------ */

START_TEST(statuses_and_times)
{
	char *pdf = render(data_path("order.cfg"), NULL, NULL);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_int_eq(bpt_count(t, "TENTATIVE"), 2);
	ck_assert_int_eq(bpt_count(t, "CANCELLED"), 1);
	ck_assert_ptr_nonnull(strstr(t, "09:30–10:15"));
	ck_assert_ptr_nonnull(strstr(t, "time to be"));
	ck_assert_ptr_nonnull(strstr(t, "date to be"));
	char *sq = squeeze(t);
	ck_assert_ptr_nonnull(strstr(sq, "ZoyaSixand3others"));
	ck_assert_ptr_nonnull(strstr(sq, "KassymHost(PresidentofKazakhstan;Host)"));
	ck_assert_ptr_nonnull(strstr(sq, "Otherparticipants:OlgaExpert(Analyst)"));
	ck_assert_ptr_nonnull(strstr(sq, "Venue:HallA"));
	free(sq);
	free(t);
}
END_TEST

START_TEST(statuses_hide_cancelled)
{
	char *pdf =
	        render(data_path("order.cfg"), "--set 'sections.[0].show_cancelled=false'", NULL);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_null(strstr(t, "Cancelled working lunch"));
	ck_assert_ptr_null(strstr(t, "CANCELLED"));
	ck_assert_ptr_nonnull(strstr(t, "Second: expanded talks"));
	free(t);
}
END_TEST

START_TEST(russian_words)
{
	char *pdf = render(data_path("order.cfg"), "--set document.language=ru", NULL);
	char *t = bpt_pdf_text(pdf, 0, 0);
	const char *ru[] = {"Главы делегаций",
	                    "в полном составе",
	                    "и ещё 3",
	                    "Повестка не опубликована.",
	                    "Указатель тем",
	                    "Другие участники",
	                    "Повестка и ожидаемые результаты"};
	for (size_t i = 0; i < sizeof ru / sizeof *ru; i++)
		ck_assert_msg(strstr(t, ru[i]) != NULL, "\"%s\" missing", ru[i]);
	const char *en[] = {
	        "Heads of delegation", "full delegation", "others", "No agenda published",
	        "Topic index",         "TENTATIVE",       "Venue:", "continued"};
	for (size_t i = 0; i < sizeof en / sizeof *en; i++)
		ck_assert_msg(strstr(t, en[i]) == NULL, "English \"%s\" in a Russian pack", en[i]);
	free(t);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Options                                                              */
/* ------------------------------------------------------------------ */

START_TEST(options_group_by_track)
{
	char *pdf = render(data_path("order.cfg"), "--set 'sections.[0].group_by=\"track\"'", NULL);
	char *t = squeezed_text(pdf, 0, 0);
	size_t pos = 0;
	/* Tracks in dossier order, events without a track last. */
	ck_assert(find_from(t, "Track Alpha", &pos));
	ck_assert(find_from(t, "First: bilateral talks", &pos));
	ck_assert(find_from(t, "Second: expanded talks", &pos));
	ck_assert(find_from(t, "Track Beta", &pos));
	ck_assert(find_from(t, "Third: closing plenary", &pos));
	ck_assert(find_from(t, "Other events", &pos));
	ck_assert(find_from(t, "Zero: arrival", &pos));
	ck_assert(find_from(t, "Cancelled working lunch", &pos));
	/* The date moves into the time column. */
	ck_assert_ptr_nonnull(strstr(t, "Thu9Oct09:30–10:15"));
	ck_assert_ptr_null(strstr(t, "Thursday9October2025"));
	free(t);
}
END_TEST

START_TEST(options_filters_and_max_names)
{
	char *pdf = render(data_path("order.cfg"),
	                   "--set 'sections.[0].events=[\"e2\", \"e3\"]' "
	                   "--set 'sections.[0].max_names=2'",
	                   NULL);
	char *t = squeezed_text(pdf, 0, 0);
	ck_assert_ptr_null(strstr(t, "First:bilateraltalks"));
	ck_assert_ptr_nonnull(strstr(t, "Second:expandedtalks"));
	ck_assert_ptr_nonnull(strstr(t, "VeraTwo(MinisterofWater)and7others"));
	free(t);
	pdf = render(data_path("order.cfg"), "--set 'sections.[0].tracks=[\"beta\"]'", NULL);
	t = squeezed_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "Third:closingplenary"));
	ck_assert_ptr_null(strstr(t, "Second:expandedtalks"));
	free(t);
}
END_TEST

/* attendees = "delegations": the heads by name, then one counted line;
 * nobody else is named, and everything else is still there. */
START_TEST(attendees_delegations)
{
	char *pdf = render(data_path("order.cfg"), "--set 'sections.[0].attendees=\"delegations\"'",
	                   NULL);
	check_all_in_order(data_path("order-dossier.cfg"), pdf);
	char *t = squeezed_text(pdf, 0, 0);
	const char *present[] = {
	        /* e1: two of Russia besides its head, a person of no delegation. */
	        "Headsofdelegation:AnnaHead(President,Russia)andKassymHost(PresidentofKazakhstan;"
	        "Host)",
	        "Delegations:Russia(3)andKazakhstan(1)Otherparticipants:1",
	        /* e2: Russia as a whole (10) and Kazakhstan's head by name. */
	        "Delegations:Russia(10)andKazakhstan(1)",
	        /* e3: Uzbekistan has nobody in the dossier: no count. */
	        "Delegations:Russia(10),Kazakhstan(1)andUzbekistan"};
	for (size_t i = 0; i < sizeof present / sizeof *present; i++)
		ck_assert_msg(strstr(t, present[i]) != NULL, "\"%s\" missing", present[i]);
	const char *absent[] = {"BorisOne",   "VeraTwo", "ZoyaSix",
	                        "OlgaExpert", "others",  "fulldelegation"};
	for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
		ck_assert_msg(strstr(t, absent[i]) == NULL, "\"%s\" is printed", absent[i]);
	free(t);
	pdf = render(data_path("order.cfg"),
	             "--set 'sections.[0].attendees=\"delegations\"' --set document.language=ru",
	             NULL);
	t = squeezed_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "Делегации:Russia(3)иKazakhstan(1)Другиеучастники:1"));
	ck_assert_ptr_nonnull(strstr(t, "Делегации:Russia(10),Kazakhstan(1)иUzbekistan"));
	free(t);
}
END_TEST

/* attendees = "none": no attendee lines; topics, outcomes, notes and the
 * "no agenda" line stay. */
START_TEST(attendees_none)
{
	char *pdf = render(data_path("order.cfg"), "--set 'sections.[0].attendees=\"none\"'", NULL);
	check_all_in_order(data_path("order-dossier.cfg"), pdf);
	char *t = squeezed_text(pdf, 0, 0);
	const char *absent[] = {"AnnaHead",     "KassymHost",  "BorisOne",         "OlgaExpert",
	                        "ofdelegation", "Delegations", "Otherparticipants"};
	for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
		ck_assert_msg(strstr(t, absent[i]) == NULL, "\"%s\" is printed", absent[i]);
	ck_assert_int_eq(bpt_count(t, "Noagendapublished."), 1);
	free(t);
	/* Anything else is refused, naming the choices. */
	bpt_result r =
	        bpt_sh("'%s' render '%s' -o '%s/x.pdf' --set 'sections.[0].attendees=\"all\"'",
	               bpt_bin(), data_path("order.cfg"), bpt_tmpdir());
	ck_assert_int_ne(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.err, "names|delegations|none"));
	bpt_free(&r);
}
END_TEST

START_TEST(options_unknown_ids_fail)
{
	bpt_result r =
	        bpt_sh("'%s' render '%s' -o '%s/x.pdf' --set 'sections.[0].events=[\"nope\"]'",
	               bpt_bin(), data_path("order.cfg"), bpt_tmpdir());
	ck_assert_int_ne(r.status, 0);
	ck_assert_ptr_nonnull(strstr(r.err, "nope"));
	bpt_free(&r);
}
END_TEST

START_TEST(options_page_break)
{
	char *pdf = render(data_path("order.cfg"),
	                   "--set 'sections.[0].page_break=\"group\"' "
	                   "--set 'sections.[0].topic_index=false'",
	                   NULL);
	/* Four days (8, 9, 10 October, December): four pages, one day each. */
	ck_assert_int_eq(bpt_pdf_pages(pdf), 4);
	ck_assert_int_eq(page_of(pdf, "Thursday 9 October 2025"), 2);
	ck_assert_int_eq(page_of(pdf, "Friday 10 October 2025"), 3);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Typesetting at page boundaries                                       */
/* ------------------------------------------------------------------ */

/* A job on small pages over a generated dossier. */
static char *write_case(const char *dir, const char *dossier_body, const char *page)
{
	char *dossier = bpt_path(dir, "dossier.cfg");
	bpt_write(dossier, dossier_body);
	char *job = bpt_path(dir, "job.cfg"), *text;
	if (asprintf(&text,
	             "version = 1;\n"
	             "document = { title = \"Flow\"; date = \"2025-10-07\"; };\n"
	             "page = { size = %s; margins = [12, 12, 12, 12]; };\n"
	             "theme = { font = \"Noto Sans\"; size = 9.5; };\n"
	             "data = \"%s\";\n"
	             "output = { file = \"%s/out.pdf\"; };\n"
	             "sections = ( { plugin = \"agenda_summary\"; } );\n",
	             page, dossier, dir) < 0)
		abort();
	bpt_write(job, text);
	free(text);
	return job;
}

/* Lines of page p (-layout) that hold a filler word "wNNN". */
/* The -layout text of every page of pdf (at most max pages, split at the
 * form feeds poppler puts between pages): one pdftotext run per PDF keeps
 * the sweep below fast. */
static int layout_pages(const char *pdf, char **pages, int max)
{
	bpt_result r = bpt_sh("pdftotext -layout '%s' -", pdf);
	ck_assert_int_eq(r.status, 0);
	int n = 0;
	char *s = r.out;
	while (n < max && *s) {
		char *ff = strchr(s, '\f');
		pages[n++] = ff ? strndup(s, (size_t)(ff - s)) : strdup(s);
		if (!ff)
			break;
		s = ff + 1;
	}
	bpt_free(&r);
	return n;
}

/* Lines of a page's text that hold a filler word "wNNN". */
static int filler_lines(const char *page)
{
	int n = 0;
	for (const char *l = page; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		const char *e = strchr(l, '\n');
		size_t len = e ? (size_t)(e - l) : strlen(l);
		for (size_t i = 0; i + 1 < len; i++)
			if (l[i] == 'w' && isdigit((unsigned char)l[i + 1]) &&
			    (i == 0 || l[i - 1] == ' ')) {
				n++;
				break;
			}
	}
	return n;
}

START_TEST(keep_heading_with_text_and_no_widows)
{
	/* Event A's notes grow word by word until B's heading is pushed over
	 * the page end; at every length B's heading shares its page with the
	 * first lines of B's notes, and A's notes never leave a lone line on
	 * either side of a page break. */
	int on_first = 0, on_second = 0, splits = 0;
	for (int words = 6; words <= 126; words += 6) {
		const char *dir = bpt_tmpdir();
		size_t cap = 64 + (size_t)words * 6;
		char *notes = malloc(cap), *p = notes;
		for (int w = 0; w < words; w++)
			p += sprintf(p, "w%03d ", w);
		char *body;
		if (asprintf(&body,
		             "version = 1; title = \"Flow\";\n"
		             "events = (\n"
		             " { id = \"a\"; title = \"Event A\"; start = \"2025-10-09T09:00\";"
		             "   notes = \"%s\"; },\n"
		             " { id = \"b\"; title = \"BTITLE\"; start = \"2025-10-09T10:00\";"
		             "   notes = \"BSTART and then enough words to make this note run over "
		             "several lines of the narrow page, so that it is a paragraph that may "
		             "be split by the flow; it ends with BEND\"; }\n"
		             ");\n",
		             notes) < 0)
			abort();
		free(notes);
		char *job = write_case(dir, body, "[105, 150]");
		free(body);
		char *pdf = render(job, NULL, NULL);
		char *pages[8];
		int n_pages = layout_pages(pdf, pages, 8);
		int pt = 0, ps = 0, a_pages = 0, lines[8] = {0};
		for (int pg = 0; pg < n_pages; pg++) {
			if (!pt && strstr(pages[pg], "BTITLE"))
				pt = pg + 1;
			if (!ps && strstr(pages[pg], "BSTART"))
				ps = pg + 1;
			a_pages += (lines[pg] = filler_lines(pages[pg])) > 0;
		}
		ck_assert_int_gt(pt, 0);
		ck_assert_msg(ps == pt, "%d words: BTITLE on %d alone", words, pt);
		on_first += pt == 1;
		on_second += pt == 2;
		for (int pg = 0; pg < n_pages && a_pages > 1; pg++)
			ck_assert_msg(lines[pg] == 0 || lines[pg] >= 2,
			              "%d words: page %d holds %d line(s) of A's notes", words,
			              pg + 1, lines[pg]);
		for (int pg = 0; pg < n_pages; pg++)
			free(pages[pg]);
		splits += a_pages > 1;
	}
	/* The sweep really crossed the page end both ways. */
	ck_assert_int_gt(on_first, 0);
	ck_assert_int_gt(on_second, 0);
	ck_assert_int_gt(splits, 0);
}
END_TEST

START_TEST(keep_continued_group_heading)
{
	/* One day whose events fill three small pages: pages 2 and 3 start
	 * with the day's heading marked "(continued)". */
	char ev[8000], *p = ev;
	for (int i = 0; i < 12; i++)
		p += sprintf(p,
		             "%s{ id = \"e%d\"; title = \"Meeting %d\"; start = "
		             "\"2025-10-09T%02d:00\"; notes = \"Notes of meeting %d, long enough "
		             "to take two or three lines on this page.\"; }\n",
		             i ? "," : "", i, i, 8 + i, i);
	char *body;
	if (asprintf(&body, "version = 1; title = \"Flow\"; events = (%s);", ev) < 0)
		abort();
	char *job = write_case(bpt_tmpdir(), body, "[105, 120]");
	free(body);
	char *pdf = render(job, NULL, NULL);
	int pages = bpt_pdf_pages(pdf);
	ck_assert_int_ge(pages, 3);
	for (int pg = 2; pg <= pages; pg++) {
		char *t = bpt_pdf_text(pdf, pg, pg);
		ck_assert_msg(strstr(t, "Thursday 9 October 2025 (continued)") != NULL,
		              "page %d lacks the continued heading", pg);
		free(t);
	}
	char *t = bpt_pdf_text(pdf, 1, 1);
	ck_assert_ptr_null(strstr(t, "(continued)"));
	free(t);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Long text, scripts                                                   */
/* ------------------------------------------------------------------ */

/* Every word poppler finds lies between the left and right margins. */
static void check_inside_margins(const char *pdf, double left, double right)
{
	bpt_result r = bpt_sh("pdftotext -bbox '%s' -", pdf);
	ck_assert_int_eq(r.status, 0);
	double page_w = 0;
	int words = 0;
	for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n")) {
		double a, b, c, d;
		if (sscanf(line, " <page width=\"%lf\" height=\"%lf\">", &a, &b) == 2)
			page_w = a;
		else if (sscanf(line, " <word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
		                &a, &b, &c, &d) == 4) {
			words++;
			ck_assert_msg(a >= left - 0.5 && c <= page_w - right + 0.5,
			              "word outside the frame: %s", line);
		}
	}
	ck_assert_int_gt(words, 100);
	bpt_free(&r);
}

START_TEST(long_note_and_long_words)
{
	/* A 2,000-word note, a 300-letter word in a topic, an outcome and the
	 * title; all of it flows onto A5 pages within the margins. */
	char *note = malloc(2000 * 8 + 1), *p = note;
	for (int w = 0; w < 2000; w++)
		p += sprintf(p, "%sx%04d", w ? " " : "", w);
	char longword[301];
	for (int i = 0; i < 300; i++)
		longword[i] = (char)('a' + i % 26);
	longword[300] = '\0';
	char *body;
	if (asprintf(&body,
	             "version = 1; title = \"Long\";\n"
	             "topics = ( { id = \"t\"; name = \"T%s\"; notes = \"N%s\"; } );\n"
	             "events = ( { id = \"e\"; title = \"E%s\"; start = \"2025-10-09T09:00\";\n"
	             "  topics = [\"t\"]; outcomes = [\"O%s\"]; notes = \"%s\"; } );\n",
	             longword, longword, longword, longword, note) < 0)
		abort();
	free(note);
	const char *dir = bpt_tmpdir();
	char *job = write_case(dir, body, "\"A5\"");
	free(body);
	char *err = NULL;
	char *pdf = render(job, NULL, &err);
	ck_assert_int_ge(bpt_pdf_pages(pdf), 4);
	char *t = squeezed_text(pdf, 0, 0);
	size_t pos = 0;
	for (const char *pre = "ETNO"; *pre; pre++) {
		char needle[310];
		snprintf(needle, sizeof needle, "%c%s", *pre, longword);
		ck_assert_msg(find_from(t, needle, &pos), "long word after %c", *pre);
	}
	/* Every word of the note, in order. */
	for (int w = 0; w < 2000; w++) {
		char word[8];
		snprintf(word, sizeof word, "x%04d", w);
		ck_assert_msg(find_from(t, word, &pos), "note word %s", word);
	}
	free(t);
	check_inside_margins(pdf, 12 * 72 / 25.4, 12 * 72 / 25.4);
	free(err);
}
END_TEST

START_TEST(scripts_rtl_and_chinese)
{
	char *err = NULL;
	char *pdf = render(data_path("scripts.cfg"), NULL, &err);
	ck_assert_msg(strstr(err, "no font") == NULL && strstr(err, "boxes") == NULL,
	              "missing glyphs: %s", err);
	char *t = bpt_pdf_text(pdf, 0, 0);
	ck_assert_ptr_nonnull(strstr(t, "能源合作"));
	ck_assert_ptr_nonnull(strstr(t, "中亚峰会的议程"));
	free(t);
	bpt_result r = bpt_sh("pdffonts '%s'", pdf);
	ck_assert_ptr_nonnull(strstr(r.out, "Arabic"));
	ck_assert_ptr_nonnull(strstr(r.out, "CJK"));
	bpt_free(&r);
	free(err);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Topic index, outline, anchors                                        */
/* ------------------------------------------------------------------ */

/* Checks one index row of -layout text: the topic's line lists event
 * `title` with page number `page` at the end of the line. */
static int index_page_of(const char *layout, const char *topic, const char *title)
{
	const char *row = strstr(layout, topic);
	ck_assert_msg(row != NULL, "topic %s not in the index", topic);
	const char *hit = strstr(row, title);
	ck_assert_msg(hit != NULL, "%s not listed under %s", title, topic);
	const char *eol = strchr(hit, '\n');
	ck_assert_ptr_nonnull(eol);
	const char *num = eol;
	while (num > hit && isdigit((unsigned char)num[-1]))
		num--;
	return atoi(num);
}

START_TEST(index_pages_and_events)
{
	char *pdf = render(data_path("dushanbe.cfg"), NULL, NULL);
	int pages = bpt_pdf_pages(pdf);
	int ip = page_of(pdf, "Topic index");
	ck_assert_int_gt(ip, 1);
	bpt_result r = bpt_sh("pdftotext -layout -f %d -l %d '%s' -", ip, pages, pdf);
	const char *L = r.out;
	struct {
		const char *topic, *title;
	} want[] = {
	        {"Migration", "Russian-Tajik talks, narrow format"},
	        {"Migration", "Russian-Tajik talks, expanded format"},
	        {"Regional security", "Russia-Central Asia summit"},
	        {"The new \"CIS+\" format", "CIS Heads of State Council, narrow format"},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		int shown = index_page_of(L, want[i].topic, want[i].title);
		int real = page_of(pdf, want[i].title);
		ck_assert_msg(shown == real, "%s: index says %d, heading is on %d", want[i].title,
		              shown, real);
	}
	/* Trade comes up only at the summit: its row holds one event. */
	const char *trade = strstr(L, "Trade"), *next = strstr(trade, "Economy");
	ck_assert_ptr_nonnull(next);
	char *row = strndup(trade, (size_t)(next - trade));
	ck_assert_int_eq(bpt_count(row, "·"), 1);
	free(row);
	bpt_free(&r);
	/* Each entry is a link to the event's named destination. */
	ck_assert_int_ge(bpt_pdf_count(pdf, "/Dest (event-"), 20);
}
END_TEST

START_TEST(index_unused_topic)
{
	char *pdf = render(data_path("order.cfg"), NULL, NULL);
	char *t = bpt_pdf_text(pdf, 0, 0);
	const char *row = strstr(t, "Unused topic");
	ck_assert_ptr_nonnull(row);
	ck_assert_ptr_nonnull(strstr(row, "not on the agenda of any event"));
	free(t);
}
END_TEST

START_TEST(outline_groups_and_events)
{
	char *pdf = render(data_path("order.cfg"), NULL, NULL);
	bpt_result r = bpt_sh("pdfinfo -dests '%s'", pdf);
	const char *ids[] = {"event-e0",  "event-e1", "event-e2",
	                     "event-e2b", "event-e3", "event-e4"};
	for (size_t i = 0; i < 6; i++)
		ck_assert_msg(strstr(r.out, ids[i]) != NULL, "no destination %s", ids[i]);
	bpt_free(&r);
	/* The outline: section > day > event. */
	r = bpt_sh("qpdf --json --json-key=outlines '%s' | grep '\"title\"'", pdf);
	char *sq = squeeze(r.out);
	size_t pos = 0;
	/* qpdf prints an entry's kids before its title: an event listed
	 * after Wednesday's title and before Thursday's is Thursday's kid. */
	ck_assert(find_from(sq, "\"title\":\"Wednesday8October2025\"", &pos));
	ck_assert(find_from(sq, "\"title\":\"First:bilateraltalks\"", &pos));
	ck_assert(find_from(sq, "\"title\":\"Cancelledworkinglunch\"", &pos));
	ck_assert(find_from(sq, "\"title\":\"Thursday9October2025\"", &pos));
	ck_assert(find_from(sq, "\"title\":\"Topicindex\"", &pos));
	free(sq);
	bpt_free(&r);
}
END_TEST

/* ------------------------------------------------------------------ */

static Suite *make_suite(void)
{
	Suite *s = suite_create("agenda_summary");
	suite_add_tcase(s, flow_tcase());
	suite_add_tcase(s, attendees_tcase());
	TCase *tc = tcase_create("order");
	tcase_add_test(tc, order_dushanbe);
	tcase_add_test(tc, order_test_dossier);
	tcase_add_test(tc, order_skip_empty);
	suite_add_tcase(s, tc);
	tc = tcase_create("statuses");
	tcase_add_test(tc, statuses_and_times);
	tcase_add_test(tc, statuses_hide_cancelled);
	suite_add_tcase(s, tc);
	tc = tcase_create("russian");
	tcase_add_test(tc, russian_words);
	suite_add_tcase(s, tc);
	tc = tcase_create("options");
	tcase_add_test(tc, options_group_by_track);
	tcase_add_test(tc, options_filters_and_max_names);
	tcase_add_test(tc, options_unknown_ids_fail);
	tcase_add_test(tc, options_page_break);
	suite_add_tcase(s, tc);
	tc = tcase_create("attendee_modes");
	tcase_add_test(tc, attendees_delegations);
	tcase_add_test(tc, attendees_none);
	suite_add_tcase(s, tc);
	tc = tcase_create("keep");
	tcase_add_test(tc, keep_heading_with_text_and_no_widows);
	tcase_add_test(tc, keep_continued_group_heading);
	suite_add_tcase(s, tc);
	tc = tcase_create("long");
	tcase_add_test(tc, long_note_and_long_words);
	suite_add_tcase(s, tc);
	tc = tcase_create("scripts");
	tcase_add_test(tc, scripts_rtl_and_chinese);
	suite_add_tcase(s, tc);
	tc = tcase_create("index");
	tcase_add_test(tc, index_pages_and_events);
	tcase_add_test(tc, index_unused_topic);
	suite_add_tcase(s, tc);
	tc = tcase_create("outline");
	tcase_add_test(tc, outline_groups_and_events);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return bpt_main(make_suite);
}
