#define _GNU_SOURCE
/*
 * test_core.c — the core: loading and checking job files and dossiers
 * (messages with FILE:LINE), dates and zones through the loader, plugin
 * options against a schema, the plugin host (discovery order, listing,
 * refusal of broken plugins), the host's line breaking (test_lines.c), the
 * packing of cairo's PDF, and end-to-end renders of the example.
 */
#include "bptest.h"
#include "diag.h"
#include "dossier.h"
#include "output.h"
#include "pdfpack.h"

TCase *lines_tcase(void); /* test_lines.c */

#include <cairo-pdf.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *job_text =
        "version = 1;\n"
        "data = \"visit.cfg\";\n"
        "output = { file = \"out.pdf\"; };\n"
        "sections = ( { plugin = \"cover\"; }, { plugin = \"contents\"; } );\n";

/* A dossier whose line 1 is version, line 2 onwards as given. */
static const char *dossier_head = "version = 1;\n"                                           /* 1 */
                                  "title = \"T\";\n"                                         /* 2 */
                                  "timezone = \"Asia/Dushanbe\";\n"                          /* 3 */
                                  "delegations = ( { id = \"ru\"; name = \"Russia\"; } );\n" /* 4 */
                                  "people = ( { id = \"putin\"; name = \"V. Putin\"; delegation = "
                                  "\"ru\"; head = true; } );\n"                              /* 5 */
                                  "topics = ( { id = \"mig\"; name = \"Migration\"; } );\n"; /* 6 */

/* Writes job + dossier (head + events) into a fresh folder; returns it. */
static const char *setup(const char *events)
{
	const char *dir = bpt_tmpdir();
	bpt_write(bpt_path(dir, "job.cfg"), job_text);
	char *dos;
	if (asprintf(&dos, "%s%s", dossier_head, events) < 0)
		abort();
	bpt_write(bpt_path(dir, "visit.cfg"), dos);
	free(dos);
	return dir;
}

static bpt_result check_events(const char *events)
{
	const char *dir = setup(events);
	return bpt_sh("cd %s && %s check job.cfg", dir, bpt_bin());
}

#define EXPECT_ERR(r, text)                                                                        \
	do {                                                                                       \
		ck_assert_int_eq((r).status, 2);                                                   \
		ck_assert_msg(strstr((r).err, text), "expected \"%s\" in:\n%s", text, (r).err);    \
	} while (0)

/* ---- loader ---------------------------------------------------------- */

START_TEST(unknown_key_suggests)
{
	bpt_result r =
	        check_events("events = ( { id = \"e\"; title = \"T\"; start = \"2025-10-09\";\n"
	                     "  venu = \"Palace\"; } );\n");
	EXPECT_ERR(r, "visit.cfg:8: unknown key 'venu' in events (did you mean 'venue'?)");
	bpt_free(&r);
}
END_TEST

START_TEST(dangling_reference)
{
	bpt_result r = check_events(
	        "events = ( { id = \"e\"; title = \"T\"; start = \"2025-10-09\";\n"
	        "  attendees = ( \"putin\", \"rahmon\" ); topics = [\"mig\", \"x\"]; } );\n");
	EXPECT_ERR(r, "visit.cfg:8: attendee 'rahmon' is neither a person nor a delegation");
	EXPECT_ERR(r, "topic 'x' is not defined");
	bpt_free(&r);
}
END_TEST

START_TEST(duplicate_ids_and_attendees)
{
	bpt_result r =
	        check_events("events = ( { id = \"e\"; title = \"T\"; start = \"2025-10-09\"; },\n"
	                     "  { id = \"e\"; title = \"U\"; start = \"2025-10-09\"; },\n"
	                     "  { id = \"f\"; title = \"U\"; start = \"2025-10-09\"; attendees = "
	                     "(\"putin\", { who = \"putin\"; role = \"host\"; }); } );\n");
	EXPECT_ERR(r, "visit.cfg:8: the id 'e' is used twice");
	EXPECT_ERR(r, "visit.cfg:9: attendee 'putin' is named twice in event 'f'");
	bpt_free(&r);
}
END_TEST

START_TEST(impossible_dates)
{
	bpt_result r =
	        check_events("events = ( { id = \"a\"; title = \"T\"; start = \"2025-02-30\"; },\n"
	                     "  { id = \"b\"; title = \"T\"; start = \"2025-10-09T24:61\"; },\n"
	                     "  { id = \"c\"; title = \"T\"; start = \"2025-10-09T12:00\"; end = "
	                     "\"2025-10-09T11:00\"; } );\n");
	EXPECT_ERR(r, "visit.cfg:7: start: 2025-02-30 is not a date");
	EXPECT_ERR(r, "visit.cfg:8: start: 24:61 is not a time of day");
	EXPECT_ERR(r, "visit.cfg:9: event 'c' ends before it starts");
	bpt_free(&r);
}
END_TEST

START_TEST(required_types_utf8)
{
	bpt_result r = check_events(
	        "events = ( { id = \"a\"; start = \"2025-10-09\"; },\n"
	        "  { id = \"b\"; title = 5; start = \"2025-10-09\"; },\n"
	        "  { id = \"c\"; title = \"bad \xC3\x28 text\"; start = \"2025-10-09\"; } );\n");
	EXPECT_ERR(r, "visit.cfg:7: an event has no 'title' (it is required)");
	EXPECT_ERR(r, "visit.cfg:8: 'title' must be a string, not an integer");
	EXPECT_ERR(r, "visit.cfg:9: invalid UTF-8");
	bpt_free(&r);
}
END_TEST

START_TEST(unknown_zone_and_big_integer)
{
	const char *dir = bpt_tmpdir();
	bpt_write(bpt_path(dir, "job.cfg"), job_text);
	bpt_write(bpt_path(dir, "visit.cfg"), "version = 1;\ntimezone = \"Mars/Olympus\";\n");
	bpt_result r = bpt_sh("cd %s && %s check job.cfg", dir, bpt_bin());
	EXPECT_ERR(r, "visit.cfg:2: unknown time zone 'Mars/Olympus'");
	bpt_free(&r);
	bpt_write(bpt_path(dir, "visit.cfg"), "version = 1;\n\nversion2 = 9999999999;\n");
	r = bpt_sh("cd %s && %s check job.cfg", dir, bpt_bin());
	EXPECT_ERR(r, "visit.cfg:3: the number 9999999999 is too large");
	bpt_free(&r);
}
END_TEST

START_TEST(syntax_error_and_missing_file)
{
	const char *dir = bpt_tmpdir();
	bpt_write(bpt_path(dir, "job.cfg"), "version = 1;\nsections = ( { plugin = \"cover\" } \n");
	bpt_result r = bpt_sh("cd %s && %s check job.cfg", dir, bpt_bin());
	EXPECT_ERR(r, "job.cfg:");
	ck_assert(strstr(r.err, "syntax error"));
	bpt_free(&r);
	r = bpt_sh("cd %s && %s render nothing.cfg", dir, bpt_bin());
	EXPECT_ERR(r, "nothing.cfg: cannot read: No such file or directory");
	bpt_free(&r);
}
END_TEST

START_TEST(job_errors_all_reported)
{
	const char *dir = setup("");
	bpt_write(bpt_path(dir, "job.cfg"),
	          "version = 1;\n"
	          "data = \"visit.cfg\";\n"
	          "documnet = { title = \"x\"; };\n"
	          "page = { size = \"A9\"; margins = [100, 15, 100, 15]; };\n"
	          "theme = { size = 100; accent = \"blue\"; };\n"
	          "sections = ( { plugin = \"../evil\"; }, { plugin = \"cover\"; }, { plugin = "
	          "\"cover\"; } );\n");
	bpt_result r = bpt_sh("cd %s && %s check job.cfg", dir, bpt_bin());
	EXPECT_ERR(r,
	           "job.cfg:3: unknown key 'documnet' in the job file (did you mean 'document'?)");
	EXPECT_ERR(r, "job.cfg:4: unknown page size \"A9\"");
	EXPECT_ERR(r, "job.cfg:5: 'size' is 100; it must be from 4 to 72");
	EXPECT_ERR(r, "job.cfg:5: 'accent' must be a colour");
	EXPECT_ERR(r, "job.cfg:6: '../evil' is not a plugin name");
	EXPECT_ERR(r, "job.cfg:6: two sections have the id 'cover'");
	bpt_free(&r);
}
END_TEST

/* ---- dates and zones through the loader ------------------------------- */

START_TEST(zones_and_dst)
{
	const char *dir = bpt_tmpdir();
	char *path = bpt_path(dir, "d.cfg");
	bpt_write(path, "version = 1;\ntimezone = \"Europe/Berlin\";\n"
	                "events = (\n"
	                " { id = \"late\"; title = \"L\"; start = \"2025-10-26T12:00Z\"; },\n"
	                " { id = \"early\"; title = \"E\"; start = \"2025-10-25T12:00Z\"; },\n"
	                " { id = \"month\"; title = \"M\"; start = \"2025-12\"; },\n"
	                " { id = \"day\"; title = \"D\"; start = \"2025-10-25\"; end = "
	                "\"2025-10-25T24:00\"; } );\n");
	dossier *d = dossier_load_file(path);
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(d->pub.n_events, 4);
	/* Sorted by time; day-only sorts at its local midnight. */
	ck_assert_str_eq(d->pub.events[0]->id, "day");
	ck_assert_str_eq(d->pub.events[1]->id, "early");
	ck_assert_str_eq(d->pub.events[2]->id, "late");
	ck_assert_str_eq(d->pub.events[3]->id, "month");
	/* Summer time on the 25th (UTC+2), winter time on the 26th (UTC+1). */
	ck_assert_int_eq(d->pub.events[1]->start.hour, 14);
	ck_assert_int_eq(d->pub.events[1]->start.offset, 7200);
	ck_assert_int_eq(d->pub.events[2]->start.hour, 13);
	ck_assert_int_eq(d->pub.events[2]->start.offset, 3600);
	ck_assert_int_eq(d->pub.events[0]->start.prec, BP_PREC_DAY);
	ck_assert_int_eq(d->pub.events[0]->end.hour, 24);
	ck_assert_int_eq(d->pub.events[3]->start.prec, BP_PREC_MONTH);
	ck_assert_str_eq(d->pub.zone_label, "Berlin, UTC+02:00");
	dossier_free(d);
}
END_TEST

START_TEST(model_links)
{
	const char *dir = bpt_tmpdir();
	char *path = bpt_path(dir, "d.cfg");
	bpt_write(path, "version = 1;\n"
	                "delegations = ( { id = \"ru\"; name = \"Russia\"; }, { id = \"tj\"; name "
	                "= \"Tajikistan\"; } );\n"
	                "people = ( { id = \"a\"; name = \"A\"; delegation = \"ru\"; },\n"
	                "  { id = \"b\"; name = \"B\"; delegation = \"ru\"; head = true; }, { id = "
	                "\"c\"; name = \"C\"; } );\n"
	                "roles = ( { id = \"host\"; name = \"Hosting\"; }, { id = \"obs\"; name = "
	                "\"Observer\"; mark = \"O\"; } );\n"
	                "events = ( { id = \"e\"; title = \"E\"; start = \"2025-10-09\"; status = "
	                "\"tentative\";\n"
	                "  attendees = ( \"tj\", { who = \"a\"; role = \"obs\"; }, { who = \"c\"; "
	                "role = \"host\"; } ); } );\n");
	dossier *d = dossier_load_file(path);
	ck_assert_ptr_nonnull(d);
	const bp_delegation *ru = d->pub.delegations[0];
	ck_assert_int_eq(ru->n_members, 2);
	ck_assert_str_eq(ru->head->id, "b");
	ck_assert_ptr_null(d->pub.people[2]->delegation);
	ck_assert_int_eq(d->pub.n_roles, 5);
	const bp_event *e = d->pub.events[0];
	ck_assert_int_eq(e->status, BP_STATUS_TENTATIVE);
	ck_assert_int_eq(e->n_attendees, 3);
	ck_assert_str_eq(e->attendees[0]->delegation->id, "tj");
	ck_assert_str_eq(e->attendees[0]->role->mark, "\u25CF");
	ck_assert_str_eq(e->attendees[1]->role->mark, "O");
	ck_assert_str_eq(e->attendees[2]->role->name, "Hosting");
	ck_assert_str_eq(e->attendees[2]->role->mark, "H");
	dossier_free(d);
}
END_TEST

/* ---- options against a plugin's schema --------------------------------- */

START_TEST(option_errors)
{
	const char *dir = setup("");
	bpt_write(bpt_path(dir, "job.cfg"),
	          "version = 1;\ndata = \"visit.cfg\";\n"
	          "sections = (\n"
	          "  { plugin = \"okplug\"; levle = 2; },\n"
	          "  { plugin = \"okplug\"; id = \"two\"; level = 7; },\n"
	          "  { plugin = \"okplug\"; id = \"three\"; level = \"high\"; } );\n");
	bpt_result r =
	        bpt_sh("cd %s && %s check job.cfg --plugin-dir %s/a", dir, bpt_bin(), TP_DIR);
	EXPECT_ERR(r, "job.cfg:4: section 'okplug': plugin 'okplug' has no option 'levle' (did you "
	              "mean 'level'?)");
	EXPECT_ERR(r, "job.cfg:5: section 'two': option 'level' of plugin 'okplug' is 7; it must "
	              "be one of 1|2|3");
	EXPECT_ERR(r, "job.cfg:6: section 'three': option 'level' of plugin 'okplug' must be an "
	              "integer, not a string");
	bpt_free(&r);
	r = bpt_sh("%s plugins --describe okplug --plugin-dir %s/a", bpt_bin(), TP_DIR);
	ck_assert_int_eq(r.status, 0);
	ck_assert(strstr(r.out, "level"));
	ck_assert(strstr(r.out, "one of 1|2|3; default 2"));
	bpt_free(&r);
}
END_TEST

/* ---- the plugin host ---------------------------------------------------- */

START_TEST(discovery_order)
{
	const char *dir = setup("");
	bpt_write(bpt_path(dir, "job.cfg"), "version = 1;\ndata = \"visit.cfg\";\n"
	                                    "sections = ( { plugin = \"okplug\"; } );\n");
	/* --plugin-dir comes before BRIEFPACK_PLUGIN_PATH; the first match wins. */
	bpt_result r = bpt_sh(
	        "cd %s && BRIEFPACK_PLUGIN_PATH=%s/b %s render job.cfg -o a.pdf --plugin-dir %s/a "
	        "&& pdftotext a.pdf -",
	        dir, TP_DIR, bpt_bin(), TP_DIR);
	ck_assert_int_eq(r.status, 0);
	ck_assert_msg(strstr(r.out, "test plugin 1.0.0-a"), "%s", r.out);
	bpt_free(&r);
	r = bpt_sh("cd %s && BRIEFPACK_PLUGIN_PATH=%s/b:%s/a %s render job.cfg -o b.pdf && "
	           "pdftotext b.pdf -",
	           dir, TP_DIR, TP_DIR, bpt_bin());
	ck_assert_int_eq(r.status, 0);
	ck_assert_msg(strstr(r.out, "test plugin 1.0.0-b"), "%s", r.out);
	bpt_free(&r);
	r = bpt_sh("BRIEFPACK_PLUGIN_PATH=%s/b %s plugins --plugin-dir %s/a", TP_DIR, bpt_bin(),
	           TP_DIR);
	ck_assert(strstr(r.out, "1.0.0-a"));
	ck_assert(strstr(r.out, "hidden by the one above"));
	ck_assert(strstr(r.out, "timeline") || strstr(r.out, "cover"));
	bpt_free(&r);
}
END_TEST

START_TEST(broken_plugins_listed_and_refused)
{
	bpt_result r = bpt_sh("%s plugins --plugin-dir %s/broken", bpt_bin(), TP_DIR);
	ck_assert_int_eq(r.status, 1);
	ck_assert_msg(strstr(r.out, "badabi               BROKEN:"), "%s", r.out);
	char want[128];
	snprintf(want, sizeof want,
	         "was built for plugin interface 99.0; this briefpack has interface %d.%d",
	         BP_ABI_MAJOR, BP_ABI_MINOR);
	ck_assert_msg(strstr(r.out, want), "%s", r.out);
	ck_assert(strstr(r.out, "exports no descriptor briefpack_plugin_nodesc"));
	bpt_free(&r);
	const char *dir = setup("");
	bpt_write(bpt_path(dir, "job.cfg"), "version = 1;\ndata = \"visit.cfg\";\n"
	                                    "sections = ( { plugin = \"badabi\"; } );\n");
	r = bpt_sh("cd %s && %s render job.cfg --plugin-dir %s/broken", dir, bpt_bin(), TP_DIR);
	EXPECT_ERR(r, "job.cfg:3: section 'badabi': ");
	ck_assert(strstr(r.err, "interface 99.0"));
	bpt_free(&r);
	/* A folder anyone may write to is refused, as ssh refuses such keys. */
	r = bpt_sh("mkdir -p %s/ww && cp %s/a/okplug.so %s/ww/ && chmod 777 %s/ww && "
	           "%s plugins --plugin-dir %s/ww",
	           dir, TP_DIR, dir, dir, bpt_bin(), dir);
	ck_assert(strstr(r.out, "writable by anyone"));
	bpt_free(&r);
}
END_TEST

START_TEST(failing_layout_keeps_output)
{
	const char *dir = setup("");
	bpt_write(bpt_path(dir, "job.cfg"),
	          "version = 1;\ndata = \"visit.cfg\";\n"
	          "sections = ( { plugin = \"cover\"; }, { plugin = \"failing\"; } );\n");
	bpt_write(bpt_path(dir, "out.pdf"), "previous pack");
	bpt_result r = bpt_sh("cd %s && %s render job.cfg -o out.pdf --plugin-dir %s/broken; ls -A",
	                      dir, bpt_bin(), TP_DIR);
	ck_assert_msg(strstr(r.err, "job.cfg:3: section 'failing' (plugin failing): the layout "
	                            "failed on purpose"),
	              "%s", r.err);
	ck_assert_msg(!strstr(r.out, ".out.pdf"), "temporary file left: %s", r.out);
	bpt_free(&r);
	r = bpt_sh("cd %s && %s render job.cfg -o out.pdf --plugin-dir %s/broken", dir, bpt_bin(),
	           TP_DIR);
	ck_assert_int_eq(r.status, 1);
	bpt_free(&r);
	char *kept = bpt_read(bpt_path(dir, "out.pdf"), NULL);
	ck_assert_str_eq(kept, "previous pack");
	free(kept);
}
END_TEST

/* ---- end to end on the example ------------------------------------------- */

static char *example_job(void)
{
	return bpt_path(bpt_src(), "config/examples/dushanbe-2025/briefing.cfg");
}

/* Every page of pdf has its bands: the banner above and below, the
 * document title, "Page X of Y". */
static void check_bands(const char *pdf, int pages, const char *title)
{
	for (int p = 1; p <= pages; p++) {
		char *t = bpt_pdf_text(pdf, p, p);
		char want[64];
		snprintf(want, sizeof want, "Page %d of %d", p, pages);
		ck_assert_msg(strstr(t, want), "page %d lacks \"%s\"", p, want);
		ck_assert_msg(bpt_count(t, "OFFICIAL") >= 2, "page %d: %d banners", p,
		              bpt_count(t, "OFFICIAL"));
		ck_assert_msg(strstr(t, title), "page %d lacks its title", p);
		free(t);
	}
}

START_TEST(example_pages_text_outline)
{
	const char *dir = bpt_tmpdir();
	char *out = bpt_path(dir, "pack.pdf");
	bpt_result r = bpt_sh("%s render %s -o %s", bpt_bin(), example_job(), out);
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
	int pages = bpt_pdf_pages(out);
	ck_assert_int_ge(pages, 4);
	check_bands(out, pages, "State visit to Tajikistan");
	char *cover = bpt_pdf_text(out, 1, 1);
	ck_assert(strstr(cover, "Dushanbe, Tajikistan"));
	ck_assert(strstr(cover, "8–10 October 2025"));
	free(cover);
	char *all = bpt_pdf_text(out, 0, 0);
	ck_assert(strstr(all, "Russian-Tajik talks, narrow format"));
	ck_assert(strstr(all, "St Petersburg"));
	free(all);
	char *v = bpt_pdf_info(out, "Title");
	ck_assert_str_eq(v, "State visit to Tajikistan");
	free(v);
	v = bpt_pdf_info(out, "Creator");
	ck_assert(strstr(v, "briefpack"));
	free(v);
	v = bpt_pdf_info(out, "CreationDate");
	ck_assert(strstr(v, "Oct  7 00:00:00 2025"));
	free(v);
	/* Outline and named destinations: one per section at least. */
	r = bpt_sh("pdfinfo -dests '%s'", out);
	ck_assert(strstr(r.out, "section-cover"));
	ck_assert(strstr(r.out, "section-timeline"));
	bpt_free(&r);
	ck_assert_int_ge(bpt_pdf_count(out, "/Title (Programme)"), 1);
	/* Packed (pdfpack.h): no plain cross-reference table. */
	size_t len = 0;
	char *bytes = bpt_read(out, &len);
	ck_assert(memmem(bytes, len, "/Type /ObjStm", strlen("/Type /ObjStm")));
	ck_assert(!memmem(bytes, len, "\ntrailer\n", strlen("\ntrailer\n")));
	free(bytes);
	/* Words are drawn letter by letter ("confirmed", "Official"): no
	 * ligature glyph that only an ActualText span maps back to "fi", and
	 * so one subset per face (fonts/fonts.conf). */
	ck_assert_int_eq(bpt_pdf_count(out, "ActualText <feff0066"), 0);
	r = bpt_sh("pdffonts '%s' | grep -c 'NotoSans-'", out);
	ck_assert_int_eq(atoi(r.out), 3); /* regular, bold, italic */
	bpt_free(&r);
	bpt_assert_qpdf_clean(out);
}
END_TEST

START_TEST(example_reproducible_and_stdout)
{
	const char *dir = bpt_tmpdir();
	bpt_result r = bpt_sh(
	        "cd %s && %s render %s -o a.pdf && sleep 1 && TZ=America/New_York LC_ALL=C.UTF-8 "
	        "%s render %s -o b.pdf && %s render %s -o - > c.pdf && cmp a.pdf b.pdf && cmp "
	        "a.pdf c.pdf",
	        dir, bpt_bin(), example_job(), bpt_bin(), example_job(), bpt_bin(), example_job());
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	bpt_free(&r);
	/* Without a date anywhere, the PDF carries none (never the clock). */
	r = bpt_sh("cd %s && env -u SOURCE_DATE_EPOCH %s render %s -o d.pdf --set "
	           "document.date=2025-10-07 && cmp a.pdf d.pdf",
	           dir, bpt_bin(), example_job());
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
}
END_TEST

/* A synthetic pack whose matrix and agenda run over many pages: their
 * bands are forms (render.c), the matrix's followed by another section.
 * Every page keeps its bands, and two renders are the same bytes (cairo
 * 1.16 copied a form freed before the PDF was written, without its
 * drawing and with two flags left unset). */
START_TEST(long_sections_bands_reproducible)
{
	const char *dir = bpt_tmpdir();
	bpt_result r = bpt_sh("python3 '%s/tests/bench/gen.py' -o '%s' n200-m40", bpt_src(), dir);
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
	r = bpt_sh("cd '%s' && %s render n200-m40-job.cfg -o a.pdf && %s render n200-m40-job.cfg "
	           "-o b.pdf && cmp a.pdf b.pdf",
	           dir, bpt_bin(), bpt_bin());
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	bpt_free(&r);
	char *out = bpt_path(dir, "a.pdf");
	int pages = bpt_pdf_pages(out);
	ck_assert_int_gt(pages, 20);
	check_bands(out, pages, "Synthetic briefing pack");
	free(out);
	/* The same forms in SVG: placed where they belong (cairo 1.16 put an
	 * unbounded recording at coordinates of uninitialised memory), the
	 * same bytes twice. */
	r = bpt_sh("cd '%s' && mkdir a b && %s render n200-m40-job.cfg -o a/p.svg && %s render "
	           "n200-m40-job.cfg -o b/p.svg && diff -r a b && ls a | wc -l && cat a/*.svg | "
	           "grep -c '[0-9]\\{12\\}'",
	           dir, bpt_bin(), bpt_bin());
	int files = -1, absurd = -1;
	ck_assert_msg(sscanf(r.out, "%d %d", &files, &absurd) == 2, "%s%s", r.out, r.err);
	ck_assert_int_eq(files, pages);
	ck_assert_int_eq(absurd, 0);
	bpt_free(&r);
}
END_TEST

START_TEST(exit_codes_and_untouched_output)
{
	const char *dir = bpt_tmpdir();
	char *out = bpt_path(dir, "pack.pdf");
	bpt_write(out, "previous pack");
	/* Bad configuration through --set: 2, and the old output stays. */
	bpt_result r =
	        bpt_sh("%s render %s -o %s --set theme.size=100", bpt_bin(), example_job(), out);
	ck_assert_int_eq(r.status, 2);
	ck_assert(strstr(r.err, "'size' is 100"));
	bpt_free(&r);
	/* No such folder for the output: 1. */
	r = bpt_sh("%s render %s -o %s/no/such/dir/x.pdf", bpt_bin(), example_job(), dir);
	ck_assert_int_eq(r.status, 1);
	ck_assert(strstr(r.err, "cannot write"));
	bpt_free(&r);
	/* An unknown section id for --only, and bad usage: 2. */
	r = bpt_sh("%s render %s -o %s --only nothing", bpt_bin(), example_job(), out);
	ck_assert_int_eq(r.status, 2);
	ck_assert(strstr(r.err, "--only: the job has no section with id 'nothing'"));
	bpt_free(&r);
	r = bpt_sh("%s render --frobnicate", bpt_bin());
	ck_assert_int_eq(r.status, 2);
	bpt_free(&r);
	char *kept = bpt_read(out, NULL);
	ck_assert_str_eq(kept, "previous pack");
	free(kept);
	/* --only and --skip choose sections; the job from standard input. */
	r = bpt_sh("cd %s/config/examples/dushanbe-2025 && %s render - -o %s --only cover,contents "
	           "< briefing.cfg",
	           bpt_src(), bpt_bin(), out);
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
	ck_assert_int_eq(bpt_pdf_pages(out), 2);
}
END_TEST

/* A deferred file stays under its temporary name until afile_finish(),
 * which renames it; finishing a file that is gone fails with a message. */
static char deferred[2][512];

static int take(const char *tmp, const char *final, void *ctx)
{
	(void)ctx;
	snprintf(deferred[0], sizeof deferred[0], "%s", tmp);
	snprintf(deferred[1], sizeof deferred[1], "%s", final);
	return 0;
}

START_TEST(deferred_commit)
{
	char *out = bpt_path(bpt_tmpdir(), "d.pdf");
	afile a;
	ck_assert_int_eq(afile_open(&a, out), 0);
	ck_assert_int_eq(afile_write(&a, (const unsigned char *)"%PDF", 4), CAIRO_STATUS_SUCCESS);
	afile_defer(take, NULL);
	ck_assert_int_eq(afile_commit(&a), 0);
	afile_defer(NULL, NULL);
	ck_assert_str_eq(deferred[1], out);
	ck_assert_int_ne(access(out, F_OK), 0);         /* not yet in place */
	ck_assert_int_eq(access(deferred[0], F_OK), 0); /* complete, aside */
	ck_assert_int_eq(afile_finish(deferred[0], deferred[1]), 0);
	ck_assert_int_ne(access(deferred[0], F_OK), 0);
	size_t n = 0;
	char *got = bpt_read(out, &n);
	ck_assert_uint_eq(n, 4);
	free(got);
	diag_reset();
	ck_assert_int_eq(afile_finish(deferred[0], deferred[1]), -1);
	ck_assert(strstr(diag_first_error(), "cannot write"));
	ck_assert_int_eq(access(out, F_OK), 0); /* the finished file is untouched */
	free(out);
}
END_TEST

/* Files put on disk together (a batch's group commit): errors per file,
 * then each placed under its name, or removed with a message after its
 * error. */
START_TEST(sync_all_then_place)
{
	const char *dir = bpt_tmpdir();
	char *a = bpt_path(dir, ".a.tmp"), *b = bpt_path(dir, ".b.tmp"),
	     *gone = bpt_path(dir, ".gone.tmp");
	bpt_write(a, "A");
	bpt_write(b, "B");
	const char *tmps[] = {a, gone, b};
	int errs[3] = {-1, -1, -1};
	afile_sync_all(tmps, 3, errs);
	ck_assert_int_eq(errs[0], 0);
	ck_assert_int_eq(errs[1], ENOENT);
	ck_assert_int_eq(errs[2], 0);
	char *fa = bpt_path(dir, "a.pdf"), *fb = bpt_path(dir, "b.pdf");
	ck_assert_int_eq(afile_place(a, fa, errs[0]), 0);
	ck_assert_int_eq(access(fa, F_OK), 0);
	ck_assert_int_ne(access(a, F_OK), 0);
	diag_reset();
	ck_assert_int_eq(afile_place(b, fb, EIO), -1); /* as if the disk had failed */
	ck_assert(strstr(diag_first_error(), "cannot write"));
	ck_assert_int_ne(access(fb, F_OK), 0);
	ck_assert_int_ne(access(b, F_OK), 0); /* removed */
	free(a);
	free(b);
	free(gone);
	free(fa);
	free(fb);
}
END_TEST

START_TEST(png_and_svg)
{
	const char *dir = bpt_tmpdir();
	bpt_result r = bpt_sh(
	        "cd %s && %s render %s -o p.png --only cover,contents --set output.dpi=30 && "
	        "%s render %s -o s.svg --only cover && ls",
	        dir, bpt_bin(), example_job(), bpt_bin(), example_job());
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert(strstr(r.out, "p-001.png"));
	ck_assert(strstr(r.out, "p-002.png"));
	ck_assert(strstr(r.out, "s-001.svg"));
	bpt_free(&r);
	char *svg = bpt_read(bpt_path(dir, "s-001.svg"), NULL);
	ck_assert(strstr(svg, "<svg"));
	free(svg);
}
END_TEST

/* ---- pack ------------------------------------------------------------ */

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* A PDF as cairo writes it for render.c, with what a pack has: text on
 * three pages, links to named destinations, an outline and metadata.  (The
 * "Document" tag, as in render.c: without it cairo 1.16 lists an object it
 * never writes, and pdf_pack refuses the file.) */
static GByteArray *cairo_pdf(void)
{
	GByteArray *raw = g_byte_array_new();
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(collect, raw, 300, 200);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Packed (test)");
	cairo_t *cr = cairo_create(s);
	cairo_tag_begin(cr, "Document", NULL);
	for (int p = 0; p < 3; p++) {
		char name[32], attr[64];
		snprintf(name, sizeof name, "Page %d", p + 1);
		snprintf(attr, sizeof attr, "dest='d%d'", p);
		cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, name, attr, 0);
		snprintf(attr, sizeof attr, "name='d%d' x=10 y=20", p);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		snprintf(attr, sizeof attr, "dest='d%d'", (p + 1) % 3);
		cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
		cairo_move_to(cr, 20, 50);
		cairo_show_text(cr, name);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		cairo_rectangle(cr, 20, 100, 50 + p * 20, 30);
		cairo_fill(cr);
		cairo_show_page(cr);
	}
	cairo_tag_end(cr, "Document");
	cairo_destroy(cr);
	cairo_surface_finish(s);
	ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	return raw;
}

static void write_bytes(const char *path, const guint8 *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, n, f), n);
	fclose(f);
}

/* The packed file is the same document: qpdf writes both out the same
 * way, object for object; its dictionaries are in object streams. */
START_TEST(pack_same_document)
{
	GByteArray *raw = cairo_pdf();
	GByteArray *packed = pdf_pack(raw->data, raw->len);
	ck_assert_ptr_nonnull(packed);
	ck_assert_uint_lt(packed->len, raw->len);
	ck_assert(memmem(raw->data, raw->len, "\ntrailer\n", strlen("\ntrailer\n")));
	ck_assert(!memmem(packed->data, packed->len, "\ntrailer\n", strlen("\ntrailer\n")));
	ck_assert(memmem(packed->data, packed->len, "/Type /ObjStm", strlen("/Type /ObjStm")));
	ck_assert(memmem(packed->data, packed->len, "/Type /XRef", strlen("/Type /XRef")));
	const char *dir = bpt_tmpdir();
	char *a = bpt_path(dir, "raw.pdf"), *b = bpt_path(dir, "packed.pdf");
	write_bytes(a, raw->data, raw->len);
	write_bytes(b, packed->data, packed->len);
	bpt_assert_qpdf_clean(b);
	bpt_result r = bpt_sh("cd '%s' && qpdf --qdf --object-streams=disable --static-id raw.pdf "
	                      "a.qdf && qpdf --qdf --object-streams=disable --static-id packed.pdf "
	                      "b.qdf && cmp a.qdf b.qdf",
	                      dir);
	ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
	bpt_free(&r);
	r = bpt_sh("pdfinfo -dests '%s'", b);
	ck_assert_msg(strstr(r.out, "d0") && strstr(r.out, "d2"), "%s", r.out);
	bpt_free(&r);
	ck_assert_int_eq(bpt_pdf_count(b, "/Subtype /Link"), 3);
	char *title = bpt_pdf_info(b, "Title");
	ck_assert_str_eq(title, "Packed (test)");
	free(title);
	g_byte_array_free(packed, TRUE);
	g_byte_array_free(raw, TRUE);
}
END_TEST

/* Returns pdf_pack() of raw with its first `find` replaced by `put`. */
static GByteArray *pack_edited(const GByteArray *raw, const char *find, const char *put)
{
	GString *s = g_string_new_len((const char *)raw->data, raw->len);
	char *at = memmem(s->str, s->len, find, strlen(find));
	ck_assert_msg(at != NULL, "no %s in cairo's PDF", find);
	size_t pos = (size_t)(at - s->str);
	g_string_erase(s, pos, strlen(find));
	g_string_insert(s, pos, put);
	GByteArray *out = pdf_pack((const unsigned char *)s->str, s->len);
	g_string_free(s, TRUE);
	return out;
}

/* Anything laid out otherwise than cairo's PDF is refused, not packed
 * wrongly (render.c then writes cairo's file as it is). */
START_TEST(pack_refuses_other_files)
{
	GByteArray *raw = cairo_pdf();
	GByteArray *ok = pack_edited(raw, "%PDF-1.5", "%PDF-1.5");
	ck_assert_ptr_nonnull(ok);
	g_byte_array_free(ok, TRUE);
	ck_assert_ptr_null(pack_edited(raw, "%PDF-1.5", "%PDF-1.4"));
	ck_assert_ptr_null(pack_edited(raw, "/Info", "/Encrypt"));
	ck_assert_ptr_null(pack_edited(raw, " 00000 n", " 00001 n")); /* generation 1 */
	ck_assert_ptr_null(pack_edited(raw, "endobj", "endobk"));
	ck_assert_ptr_null(pack_edited(raw, "startxref", "startxrex"));
	/* Cut short anywhere before the end's "startxref". */
	const unsigned char *sx = memmem(raw->data, raw->len, "startxref", 9);
	ck_assert_ptr_nonnull(sx);
	for (size_t cut = 0, end = (size_t)(sx - raw->data); cut < end; cut += end / 50 + 1)
		ck_assert_ptr_null(pdf_pack(raw->data, cut));
	const char *junk = "%PDF-1.5\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>"
	                   "\nstartxref\n9\n%%EOF\n";
	ck_assert_ptr_null(pdf_pack((const unsigned char *)junk, strlen(junk)));
	g_byte_array_free(raw, TRUE);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("core");
	TCase *tc = tcase_create("loader");
	tcase_add_test(tc, unknown_key_suggests);
	tcase_add_test(tc, dangling_reference);
	tcase_add_test(tc, duplicate_ids_and_attendees);
	tcase_add_test(tc, impossible_dates);
	tcase_add_test(tc, required_types_utf8);
	tcase_add_test(tc, unknown_zone_and_big_integer);
	tcase_add_test(tc, syntax_error_and_missing_file);
	tcase_add_test(tc, job_errors_all_reported);
	suite_add_tcase(s, tc);
	tc = tcase_create("dates");
	tcase_add_test(tc, zones_and_dst);
	tcase_add_test(tc, model_links);
	suite_add_tcase(s, tc);
	tc = tcase_create("options");
	tcase_add_test(tc, option_errors);
	suite_add_tcase(s, tc);
	tc = tcase_create("host");
	tcase_add_test(tc, discovery_order);
	tcase_add_test(tc, broken_plugins_listed_and_refused);
	tcase_add_test(tc, failing_layout_keeps_output);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, lines_tcase());
	tc = tcase_create("pack");
	tcase_add_test(tc, pack_same_document);
	tcase_add_test(tc, pack_refuses_other_files);
	suite_add_tcase(s, tc);
	tc = tcase_create("e2e");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, example_pages_text_outline);
	tcase_add_test(tc, example_reproducible_and_stdout);
	tcase_add_test(tc, long_sections_bands_reproducible);
	tcase_add_test(tc, exit_codes_and_untouched_output);
	tcase_add_test(tc, png_and_svg);
	tcase_add_test(tc, deferred_commit);
	tcase_add_test(tc, sync_all_then_place);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return bpt_main(make_suite);
}
