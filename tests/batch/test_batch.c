/*
 * test_batch.c — `briefpack batch`: the planning logic (batch_plan.c,
 * compiled in) and whole batches over copies of the Dushanbe example:
 * outputs byte-identical to single renders, jobs that crash, hang or have a
 * bad dossier failing alone, shards, skipping, collisions, the manifest and
 * the report (checked line by line with Python's json module).
 */
#define _GNU_SOURCE
#include "batch_plan.h"
#include "bptest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers ----------------------------------------------------------------- */

static const char *example(void)
{
	static char *p;
	if (!p)
		p = bpt_path(bpt_src(), "config/examples/dushanbe-2025/visit.cfg");
	return p;
}

static char *data(const char *name)
{
	return bpt_path(bpt_path(bpt_src(), "tests/batch/data"), name);
}

/* A copy of the example dossier as dir/name; title replaces its title and
 * its summary (which the cover shows even when the job sets a title). */
static char *dossier(const char *dir, const char *name, const char *title)
{
	char *path = bpt_path(dir, name);
	bpt_result r = title ? bpt_sh("sed -e 's/^title = .*/title = \"%s\";/' "
	                              "-e 's/^summary = .*/summary = \"%s\";/' '%s' > '%s'",
	                              title, title, example(), path)
	                     : bpt_sh("cp '%s' '%s'", example(), path);
	ck_assert_int_eq(r.status, 0);
	bpt_free(&r);
	return path;
}

static int exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* Runs the program: "batch ..." with the given arguments. */
#define BATCH(...) run_batch(__VA_ARGS__)
static bpt_result run_batch(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static bpt_result run_batch(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *args;
	if (vasprintf(&args, fmt, ap) < 0)
		abort();
	va_end(ap);
	bpt_result r = bpt_sh("'%s' batch %s", bpt_bin(), args);
	free(args);
	return r;
}

/* The report, checked with Python's json module and boiled down to one
 * line a job: "n status output-basename error", or "BAD ..." lines. */
static char *report(const char *path)
{
	static const char py[] =
	        "import json, os, sys\n"
	        "for line in open(sys.argv[1], encoding='utf-8'):\n"
	        "    o = json.loads(line)\n"
	        "    need = ['n', 'job', 'dossier', 'output', 'status', 'error', 'pages',\n"
	        "            'bytes', 'ms']\n"
	        "    miss = [k for k in need if k not in o]\n"
	        "    if miss or o['status'] not in ('ok', 'failed', 'skipped') \\\n"
	        "       or not isinstance(o['bytes'], int) or not isinstance(o['ms'], int) \\\n"
	        "       or not (o['pages'] is None or isinstance(o['pages'], int)) \\\n"
	        "       or (o['status'] == 'ok' and o['error'] is not None) \\\n"
	        "       or (o['status'] == 'failed' and not o['error']):\n"
	        "        print('BAD', line.strip())\n"
	        "        continue\n"
	        "    out = os.path.basename(o['output']) if o['output'] else '-'\n"
	        "    print(o['n'], o['status'], out, o['error'] or '')\n";
	char *script = bpt_path(bpt_tmpdir(), "report.py");
	bpt_write(script, py);
	bpt_result r = bpt_sh("python3 '%s' '%s'", script, path);
	ck_assert_msg(r.status == 0, "report %s is not JSON Lines: %s", path, r.err);
	free(r.err);
	return r.out;
}

/* The line of job n in a boiled-down report ("" if none). */
static char *report_line(const char *rep, int n)
{
	char key[32];
	int kl = snprintf(key, sizeof key, "%d ", n);
	for (const char *p = rep; *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (!strncmp(p, key, (size_t)kl))
			return strndup(p, len);
		p += len + (e != NULL);
	}
	return strdup("");
}

static int count_lines(const char *s)
{
	return bpt_count(s, "\n");
}

/* ---- planning logic ------------------------------------------------------------ */

static void clash(size_t a, size_t b, void *ctx)
{
	char *log = ctx;
	sprintf(log + strlen(log), "%zu=%zu ", a, b);
}

START_TEST(plan)
{
	char *s;
	ck_assert_str_eq(s = bplan_stem("a/b/house.v2.cfg"), "house.v2");
	free(s);
	ck_assert_str_eq(s = bplan_stem(".hidden"), ".hidden");
	free(s);
	ck_assert_str_eq(s = bplan_ext("out/x.svg"), "svg");
	free(s);
	ck_assert_str_eq(s = bplan_ext("out.d/x"), "pdf");
	free(s);
	ck_assert_str_eq(s = bplan_output_name("out", "j/house.cfg", "d/tj.cfg", "pdf", 0),
	                 "out/tj.pdf");
	free(s);
	ck_assert_str_eq(s = bplan_output_name("out/", "j/house.cfg", "d/tj.cfg", "png", 1),
	                 "out/house--tj.png");
	free(s);
	ck_assert_str_eq(s = bplan_output_name(NULL, "house.cfg", "tj.cfg", "pdf", 0), "tj.pdf");
	free(s);

	int k, n;
	ck_assert_int_eq(bplan_parse_shard("2/5", &k, &n), 0);
	ck_assert_int_eq(k, 2);
	ck_assert_int_eq(n, 5);
	ck_assert_int_eq(bplan_parse_shard("0/5", &k, &n), -1);
	ck_assert_int_eq(bplan_parse_shard("6/5", &k, &n), -1);
	ck_assert_int_eq(bplan_parse_shard("1/", &k, &n), -1);
	ck_assert_int_eq(bplan_parse_shard("1/2x", &k, &n), -1);
	/* Every number is in exactly one shard, the one the rule says. */
	for (int num = 1; num <= 50; num++) {
		int in = 0;
		for (int kk = 1; kk <= 4; kk++)
			if (bplan_in_shard(num, kk, 4)) {
				in++;
				ck_assert_int_eq((num - 1) % 4, kk - 1);
			}
		ck_assert_int_eq(in, 1);
	}

	ck_assert_str_eq(s = bplan_canonical("out/./a//../x.pdf", "/w"), "/w/out/x.pdf");
	free(s);
	ck_assert_str_eq(s = bplan_canonical("/a/../../x.pdf", "/w"), "/x.pdf");
	free(s);
	char *paths[] = {"/o/a.pdf", "/o/b.pdf", NULL, "/o/a.pdf", "/o/c.pdf", "/o/a.pdf"};
	char log[200] = "";
	ck_assert_uint_eq(bplan_collisions(paths, 6, clash, log), 2);
	ck_assert_str_eq(log, "0=3 0=5 ");

	char line[] = "job.cfg\t\tout.pdf\r\n", blank[] = "  \n", comment[] = "# x\tb\n",
	     many[] = "a\tb\tc\td\n";
	char *f[3];
	ck_assert_int_eq(bplan_manifest_fields(line, f, 3), 3);
	ck_assert_str_eq(f[0], "job.cfg");
	ck_assert_str_eq(f[1], "");
	ck_assert_str_eq(f[2], "out.pdf");
	ck_assert_int_eq(bplan_manifest_fields(blank, f, 3), 0);
	ck_assert_int_eq(bplan_manifest_fields(comment, f, 3), 0);
	ck_assert_int_eq(bplan_manifest_fields(many, f, 3), -1);

	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	bplan_json_string(m, "a\"b\\c\n\x01Ж\xff");
	fputc(' ', m);
	bplan_json_string(m, NULL);
	fclose(m);
	ck_assert_str_eq(buf, "\"a\\\"b\\\\c\\n\\u0001Ж\\ufffd\" null");
	free(buf);
}
END_TEST

/* ---- whole batches ------------------------------------------------------------ */

/* Several dossiers through the full example job: each output is the same
 * bytes as `render --data` gives. */
START_TEST(identical)
{
	const char *dir = bpt_tmpdir();
	char *job = bpt_path(bpt_src(), "config/examples/dushanbe-2025/briefing.cfg");
	char *d[3] = {dossier(dir, "tj.cfg", NULL), dossier(dir, "kz.cfg", "Visit to Astana"),
	              dossier(dir, "uz.cfg", "Визит в Ташкент")};
	char *out = bpt_path(dir, "out");
	bpt_result r =
	        BATCH("--job '%s' '%s' '%s' '%s' --out-dir '%s' -j 2", job, d[0], d[1], d[2], out);
	ck_assert_msg(r.status == 0, "batch failed: %s", r.err);
	ck_assert_msg(strstr(r.err, "3 ok"), "no summary: %s", r.err);
	bpt_free(&r);
	const char *names[3] = {"tj", "kz", "uz"};
	for (int i = 0; i < 3; i++) {
		char *single = bpt_path(dir, "single.pdf");
		r = bpt_sh("'%s' render '%s' --data '%s' -o '%s'", bpt_bin(), job, d[i], single);
		ck_assert_int_eq(r.status, 0);
		bpt_free(&r);
		char name[32];
		snprintf(name, sizeof name, "%s.pdf", names[i]);
		size_t la, lb;
		char *a = bpt_read(single, &la), *b = bpt_read(bpt_path(out, name), &lb);
		ck_assert_msg(b != NULL, "%s was not written", name);
		ck_assert_msg(la == lb && !memcmp(a, b, la), "%s differs from a single render",
		              name);
		free(a);
		free(b);
	}
	char *text = bpt_pdf_text(bpt_path(out, "uz.pdf"), 1, 1);
	ck_assert_msg(strstr(text, "Визит в Ташкент"), "the cover lacks its dossier's summary");
	free(text);
}
END_TEST

/* With several --job: <job>--<dossier>.pdf; without --out-dir: the current
 * folder; job files given alone write their own output.file. */
START_TEST(names)
{
	const char *dir = bpt_tmpdir();
	char *d = dossier(dir, "tj.cfg", NULL);
	bpt_result r = bpt_sh("cp '%s' '%s/house.cfg' && cp '%s' '%s/other.cfg'", data("fast.cfg"),
	                      dir, data("fast.cfg"), dir);
	bpt_free(&r);
	r = BATCH("--job '%s/house.cfg' --job '%s/other.cfg' '%s' --out-dir '%s/o' -q", dir, dir, d,
	          dir);
	ck_assert_msg(r.status == 0, "%s", r.err);
	ck_assert_str_eq(r.err, ""); /* -q: no summary */
	bpt_free(&r);
	ck_assert(exists(bpt_path(dir, "o/house--tj.pdf")));
	ck_assert(exists(bpt_path(dir, "o/other--tj.pdf")));

	r = bpt_sh("cd '%s' && '%s' batch --job house.cfg tj.cfg", dir, bpt_bin());
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
	ck_assert(exists(bpt_path(dir, "tj.pdf")));

	/* A job file with its own dossier and output. */
	char *job = bpt_path(dir, "own.cfg");
	char *text;
	if (asprintf(&text,
	             "version = 1;\ndata = \"tj.cfg\";\noutput = { file = \"own-out.svg\"; };\n"
	             "sections = ({ plugin = \"cover\"; });\n") < 0)
		abort();
	bpt_write(job, text);
	r = BATCH("'%s' --report '%s/r.jsonl'", job, dir);
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
	ck_assert(exists(bpt_path(dir, "own-out-001.svg")));
	char *rep = report(bpt_path(dir, "r.jsonl"));
	ck_assert_str_eq(rep, "1 ok own-out.svg \n");
}
END_TEST

/* One batch, one job of each kind of failure among good ones: each fails
 * alone with its reason, the others are written, nothing half-written is
 * left behind. */
START_TEST(failures)
{
	const char *dir = bpt_tmpdir();
	char *ok1 = dossier(dir, "ok1.cfg", "Good one"),
	     *crash = dossier(dir, "crash.cfg", "CRASH"), *hang = dossier(dir, "hang.cfg", "HANG"),
	     *fail = dossier(dir, "fail.cfg", "FAIL"), *bad = bpt_path(dir, "bad.cfg"),
	     *ok2 = dossier(dir, "ok2.cfg", "Good two");
	bpt_write(bad,
	          "version = 1;\ntitle = \"Bad\";\npeople = ({ id = \"x\"; nmae = \"X\"; });\n");
	char *out = bpt_path(dir, "out"), *rep = bpt_path(dir, "r.jsonl");
	bpt_result r =
	        BATCH("--job '%s' '%s' '%s' '%s' '%s' '%s' '%s' --plugin-dir '%s' "
	              "--out-dir '%s' -j 2 --timeout 2 --report '%s'",
	              data("probe.cfg"), ok1, crash, hang, bad, fail, ok2, BB_PROBE_DIR, out, rep);
	ck_assert_int_eq(r.status, 1);
	ck_assert_msg(strstr(r.err, "2 ok, 4 failed"), "summary: %s", r.err);
	ck_assert_msg(strstr(r.err, "bad.cfg:3:"), "the bad dossier's error is not shown: %s",
	              r.err);
	bpt_free(&r);
	char *lines = report(rep);
	ck_assert_int_eq(count_lines(lines), 6);
	char *l;
	ck_assert_str_eq(l = report_line(lines, 1), "1 ok ok1.pdf ");
	free(l);
	l = report_line(lines, 2);
	ck_assert_msg(strstr(l, "2 failed crash.pdf crashed: Segmentation fault"), "%s", l);
	free(l);
	l = report_line(lines, 3);
	ck_assert_msg(strstr(l, "3 failed hang.pdf timed out after 2 s"), "%s", l);
	free(l);
	l = report_line(lines, 4);
	ck_assert_msg(strstr(l, "4 failed bad.pdf ") && strstr(l, "bad.cfg:3:") &&
	                      strstr(l, "nmae"),
	              "%s", l);
	free(l);
	l = report_line(lines, 5);
	ck_assert_msg(strstr(l, "5 failed fail.pdf ") && strstr(l, "told to fail"), "%s", l);
	free(l);
	ck_assert_str_eq(l = report_line(lines, 6), "6 ok ok2.pdf ");
	free(l);

	ck_assert_int_eq(bpt_pdf_pages(bpt_path(out, "ok1.pdf")), 1);
	ck_assert_int_eq(bpt_pdf_pages(bpt_path(out, "ok2.pdf")), 1);
	ck_assert(!exists(bpt_path(out, "crash.pdf")));
	ck_assert(!exists(bpt_path(out, "hang.pdf")));
	ck_assert(!exists(bpt_path(out, "bad.pdf")));
	ck_assert(!exists(bpt_path(out, "fail.pdf")));
	r = bpt_sh("ls -A '%s'", out);
	ck_assert_str_eq(r.out, "ok1.pdf\nok2.pdf\n"); /* no temporary files */
	bpt_free(&r);
}
END_TEST

/* The report has one valid JSON line a job, in job order, with the
 * figures of each pack. */
START_TEST(report_lines)
{
	const char *dir = bpt_tmpdir();
	char *list = strdup("");
	for (int i = 1; i <= 5; i++) {
		char name[32];
		snprintf(name, sizeof name, "v%d.cfg", i);
		/* A file name JSON must escape: a quote, a backslash, Cyrillic. */
		if (i == 3)
			snprintf(name, sizeof name, "v\"\\3ж.cfg");
		char *d = dossier(dir, name, NULL), *nl;
		if (asprintf(&nl, "%s '%s'", list, d) < 0)
			abort();
		free(list);
		list = nl;
	}
	char *rep = bpt_path(dir, "r.jsonl");
	bpt_result r = BATCH("--job '%s' %s --out-dir '%s/o' -j 3 --report '%s'", data("fast.cfg"),
	                     list, dir, rep);
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
	char *lines = report(rep);
	ck_assert_str_eq(lines, "1 ok v1.pdf \n2 ok v2.pdf \n3 ok v\"\\3ж.pdf \n4 ok v4.pdf \n"
	                        "5 ok v5.pdf \n");
	/* The figures: pages and bytes of the pack written. */
	r = bpt_sh("python3 -c 'import json,sys\n"
	           "o = json.loads(open(sys.argv[1]).readline())\n"
	           "print(o[\"pages\"], o[\"bytes\"], o[\"ms\"] >= 0)' '%s'",
	           rep);
	int pages = 0;
	long long bytes = 0;
	char ms[8] = "";
	ck_assert_int_eq(sscanf(r.out, "%d %lld %7s", &pages, &bytes, ms), 3);
	ck_assert_int_eq(pages, bpt_pdf_pages(bpt_path(dir, "o/v1.pdf")));
	struct stat st;
	ck_assert_int_eq(stat(bpt_path(dir, "o/v1.pdf"), &st), 0);
	ck_assert_int_eq(bytes, st.st_size);
	ck_assert_str_eq(ms, "True");
	bpt_free(&r);
}
END_TEST

/* --fail-fast: after the first failure no job starts; those are reported
 * as not started. */
START_TEST(fail_fast)
{
	const char *dir = bpt_tmpdir();
	char *fail = dossier(dir, "fail.cfg", "FAIL"), *a = dossier(dir, "a.cfg", NULL),
	     *b = dossier(dir, "b.cfg", NULL), *rep = bpt_path(dir, "r.jsonl");
	bpt_result r = BATCH("--job '%s' '%s' '%s' '%s' --plugin-dir '%s' --out-dir '%s/o' -j 1 "
	                     "--fail-fast --report '%s'",
	                     data("probe.cfg"), fail, a, b, BB_PROBE_DIR, dir, rep);
	ck_assert_int_eq(r.status, 1);
	ck_assert_msg(strstr(r.err, "2 not started"), "%s", r.err);
	bpt_free(&r);
	char *lines = report(rep);
	ck_assert_int_eq(count_lines(lines), 3);
	ck_assert_int_eq(bpt_count(lines, "skipped"), 2);
	ck_assert_int_eq(bpt_count(lines, "not started: --fail-fast"), 2);
	ck_assert(!exists(bpt_path(dir, "o/a.pdf")));
}
END_TEST

/* Shards 1..3 of 7 jobs: each takes the jobs the rule gives it, together
 * exactly the whole batch. */
START_TEST(shards)
{
	const char *dir = bpt_tmpdir();
	char *list = strdup("");
	for (int i = 1; i <= 7; i++) {
		char name[32];
		snprintf(name, sizeof name, "s%d.cfg", i);
		char *d = dossier(dir, name, NULL), *nl;
		if (asprintf(&nl, "%s '%s'", list, d) < 0)
			abort();
		free(list);
		list = nl;
	}
	int seen[8] = {0};
	for (int k = 1; k <= 3; k++) {
		char rname[32];
		snprintf(rname, sizeof rname, "r%d.jsonl", k);
		char *rep = bpt_path(dir, rname);
		bpt_result r =
		        BATCH("--job '%s' %s --only cover --out-dir '%s/o' -j 1 --shard %d/3 "
		              "--report '%s'",
		              data("fast.cfg"), list, dir, k, rep);
		ck_assert_msg(r.status == 0, "%s", r.err);
		bpt_free(&r);
		char *lines = report(rep);
		for (char *p = lines; *p; p = strchr(p, '\n') + 1) {
			int n;
			char out[64];
			ck_assert_int_eq(sscanf(p, "%d ok %63s", &n, out), 2);
			ck_assert_int_eq((n - 1) % 3, k - 1);
			char want[32];
			snprintf(want, sizeof want, "s%d.pdf", n);
			ck_assert_str_eq(out, want);
			seen[n]++;
		}
	}
	for (int n = 1; n <= 7; n++)
		ck_assert_msg(seen[n] == 1, "job %d ran %d times", n, seen[n]);
	bpt_result r = bpt_sh("ls '%s/o' | wc -l", dir);
	ck_assert_int_eq(atoi(r.out), 7);
	bpt_free(&r);
}
END_TEST

/* An output newer than its job file, dossier and plugins is skipped; a
 * newer dossier makes its pack again; --force makes them all. */
START_TEST(skip)
{
	const char *dir = bpt_tmpdir();
	char *job = bpt_path(dir, "house.cfg"), *a = dossier(dir, "a.cfg", NULL),
	     *b = dossier(dir, "b.cfg", NULL), *rep = bpt_path(dir, "r.jsonl");
	bpt_result r = bpt_sh("cp '%s' '%s' && touch -d '2020-01-01' '%s' '%s' '%s'",
	                      data("fast.cfg"), job, job, a, b);
	bpt_free(&r);
#define RUN(extra)                                                                                 \
	BATCH("--job '%s' '%s' '%s' --out-dir '%s/o' -j 1 --report '%s' " extra, job, a, b, dir,   \
	      rep)
	r = RUN("");
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
	ck_assert_str_eq(report(rep), "1 ok a.pdf \n2 ok b.pdf \n");

	r = RUN("");
	ck_assert_int_eq(r.status, 0);
	ck_assert_msg(strstr(r.err, "0 ok, 0 failed, 2 skipped"), "%s", r.err);
	bpt_free(&r);
	ck_assert_str_eq(report(rep), "1 skipped a.pdf \n2 skipped b.pdf \n");

	r = RUN("--force");
	ck_assert_int_eq(r.status, 0);
	bpt_free(&r);
	ck_assert_str_eq(report(rep), "1 ok a.pdf \n2 ok b.pdf \n");

	r = bpt_sh("touch -d '+1 hour' '%s'", b); /* edited after its pack was made */
	bpt_free(&r);
	r = RUN("");
	ck_assert_int_eq(r.status, 0);
	bpt_free(&r);
	ck_assert_str_eq(report(rep), "1 skipped a.pdf \n2 ok b.pdf \n");

	r = bpt_sh("touch -d '+2 hours' '%s'", job); /* the house template changed */
	bpt_free(&r);
	r = RUN("");
	bpt_free(&r);
	ck_assert_str_eq(report(rep), "1 ok a.pdf \n2 ok b.pdf \n");
#undef RUN
}
END_TEST

/* Two jobs that would write one file: an error before anything runs. */
START_TEST(collisions)
{
	const char *dir = bpt_tmpdir();
	mkdir(bpt_path(dir, "x"), 0755);
	mkdir(bpt_path(dir, "y"), 0755);
	char *a = dossier(dir, "x/tj.cfg", NULL), *b = dossier(dir, "y/tj.cfg", NULL),
	     *c = dossier(dir, "kz.cfg", NULL);
	bpt_result r =
	        BATCH("--job '%s' '%s' '%s' '%s' --out-dir '%s/o'", data("fast.cfg"), a, c, b, dir);
	ck_assert_int_eq(r.status, 2);
	ck_assert_msg(strstr(r.err, "jobs 1 (") && strstr(r.err, "and 3 (") &&
	                      strstr(r.err, "would both write"),
	              "%s", r.err);
	bpt_free(&r);
	ck_assert(!exists(bpt_path(dir, "o"))); /* nothing ran */

	/* The same file spelt two ways, and the same pair twice. */
	r = BATCH("--job '%s' '%s' '%s/./kz.cfg' --out-dir '%s/o'", data("fast.cfg"), c, dir, dir);
	ck_assert_int_eq(r.status, 2);
	bpt_free(&r);
	r = BATCH("--job '%s' --job '%s' '%s' --out-dir '%s/o'", data("fast.cfg"), data("fast.cfg"),
	          c, dir);
	ck_assert_int_eq(r.status, 2);
	bpt_free(&r);
}
END_TEST

/* A manifest names every output; an empty output field takes the usual
 * name, comments and blank lines are ignored; patterns are expanded. */
START_TEST(manifest)
{
	const char *dir = bpt_tmpdir();
	char *a = dossier(dir, "a.cfg", NULL), *b = dossier(dir, "b.cfg", NULL);
	(void)b;
	char *m = bpt_path(dir, "list.tsv"), *text;
	if (asprintf(&text, "# job\tdossier\toutput\n%s\t%s\tpacks/first.pdf\n\n%s\t%s/b.cfg\t\n",
	             data("fast.cfg"), a, data("fast.cfg"), dir) < 0)
		abort();
	bpt_write(m, text);
	bpt_result r =
	        BATCH("--manifest '%s' --out-dir '%s/o' -j 1 --report '%s/r.jsonl'", m, dir, dir);
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
	ck_assert_str_eq(report(bpt_path(dir, "r.jsonl")), "1 ok first.pdf \n2 ok b.pdf \n");
	ck_assert(exists(bpt_path(dir, "o/packs/first.pdf")));
	ck_assert(exists(bpt_path(dir, "o/b.pdf")));

	bpt_write(m, "only-a-job.cfg\tx.cfg\tout.pdf\textra\n");
	r = BATCH("--manifest '%s'", m);
	ck_assert_int_eq(r.status, 2);
	ck_assert_msg(strstr(r.err, "list.tsv:1: too many fields"), "%s", r.err);
	bpt_free(&r);

	/* A quoted pattern is expanded by batch itself, in byte order. */
	r = BATCH("--job '%s' '%s/*.cfg' --out-dir '%s/g' --report '%s/g.jsonl' --force",
	          data("fast.cfg"), dir, dir, dir);
	ck_assert_msg(r.status == 0, "%s", r.err);
	bpt_free(&r);
	ck_assert_str_eq(report(bpt_path(dir, "g.jsonl")), "1 ok a.pdf \n2 ok b.pdf \n");
}
END_TEST

START_TEST(usage)
{
	const char *bad[] = {"",
	                     "--job x.cfg",
	                     "x.cfg --shard 0/2",
	                     "x.cfg --shard 3/2",
	                     "x.cfg -j 0",
	                     "x.cfg --timeout soon",
	                     "x.cfg --frobnicate",
	                     "--manifest m.tsv x.cfg",
	                     "--job x.cfg 'nothing-matches-*.cfg'"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		bpt_result r = BATCH("%s", bad[i]);
		ck_assert_msg(r.status == 2, "'batch %s' gave %d", bad[i], r.status);
		ck_assert_msg(strstr(r.err, "briefpack batch: "), "'batch %s': %s", bad[i], r.err);
		bpt_free(&r);
	}
	bpt_result r = BATCH("--help");
	ck_assert_int_eq(r.status, 0);
	ck_assert(strstr(r.out, "--shard K/N"));
	bpt_free(&r);
	/* A missing job file fails its jobs, not the command line. */
	const char *dir = bpt_tmpdir();
	r = BATCH("'%s/missing.cfg' --report '%s/r.jsonl'", dir, dir);
	ck_assert_int_eq(r.status, 1);
	bpt_free(&r);
	char *lines = report(bpt_path(dir, "r.jsonl"));
	ck_assert_msg(strstr(lines, "1 failed - ") && strstr(lines, "missing.cfg"), "%s", lines);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("batch");
	struct {
		const char *name;
		const TTest *fn;
	} cases[] = {{"plan", plan},         {"identical", identical}, {"names", names},
	             {"failures", failures}, {"report", report_lines}, {"fail_fast", fail_fast},
	             {"shards", shards},     {"skip", skip},           {"collisions", collisions},
	             {"manifest", manifest}, {"usage", usage}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		TCase *tc = tcase_create(cases[i].name);
		tcase_add_test(tc, cases[i].fn);
		suite_add_tcase(s, tc);
	}
	return s;
}

int main(void)
{
	return bpt_main(make_suite);
}
