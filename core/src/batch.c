/* batch.c — see batch.h.  The steps, in order: read the command line, list
 * the jobs (job files outer, dossiers inner; numbered from 1), read each
 * job file once (its output, dossier, plugins, fonts), refuse clashing
 * outputs, keep this shard's jobs, skip those up to date, warm the fonts,
 * then hand the rest to the worker pool and report each as it ends. */
#define _GNU_SOURCE
#include "batch.h"
#include "args.h"
#include "batch_plan.h"
#include "batch_pool.h"
#include "cfg.h"
#include "diag.h"
#include "fonts.h"
#include "job.h"
#include "output.h"
#include "plugins.h"
#include "render.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glob.h>
#include <malloc.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
        "usage: briefpack batch JOB.cfg...                    (each job with its own dossier)\n"
        "       briefpack batch --job JOB.cfg [--job ...] DOSSIER.cfg...\n"
        "       briefpack batch --manifest FILE               (job, dossier, output a line)\n"
        "         [--out-dir DIR] [-j N] [--shard K/N] [--report FILE] [--fail-fast]\n"
        "         [--force] [--timeout SECONDS] [--only ID,...] [--skip ID,...]\n"
        "         [--set PATH=VALUE]... [--plugin-dir DIR]... [-q|-v]\n";

static const char help[] =
        "\n"
        "Renders many packs in worker processes forked after fonts and plugins are loaded.\n"
        "\n"
        "  --job JOB.cfg      run every DOSSIER.cfg through this job file (repeatable)\n"
        "  --manifest FILE    tab-separated lines: job file, dossier, output (an empty\n"
        "                     dossier means the job's own, an empty output the usual name);\n"
        "                     - reads standard input; # starts a comment line\n"
        "  --out-dir DIR      write <dossier>.<ext> here (with several --job:\n"
        "                     <job>--<dossier>.<ext>); created if missing.  Without it,\n"
        "                     --job outputs go to the current folder and job files write\n"
        "                     their own output.file\n"
        "  -j N               N jobs at a time (default: the number of processors)\n"
        "  --shard K/N        only jobs whose number minus one, modulo N, is K minus one\n"
        "  --report FILE      one JSON object a job: n, job, dossier, output, status\n"
        "                     (ok, failed, skipped), error, pages, bytes, ms\n"
        "  --fail-fast        start no new job after a failure\n"
        "  --force            render even when the output is newer than its inputs\n"
        "  --timeout SECONDS  stop a job that runs longer and fail it\n"
        "  --only, --skip, --set, --plugin-dir   as for render, applied to every job\n"
        "  -q, -v             no progress or summary; or a line for every job\n"
        "\n"
        "Exit status: 0 every job done or up to date; 1 a job failed; 2 bad usage or\n"
        "two jobs that would write the same output.\n";

enum mode { MODE_JOBS, MODE_JOB_X_DOSSIERS, MODE_MANIFEST };
enum state { ST_PENDING, ST_OK, ST_FAILED, ST_SKIPPED };
static const char *const state_name[] = {"pending", "ok", "failed", "skipped"};

typedef struct jobfile {
	char *path;
	int ok;
	char *error;            /* why it could not be read */
	char *ext;              /* of its output.file; "pdf" when none */
	char *output;           /* its own output (what render would write) */
	char *data;             /* its own dossier, resolved; NULL when inline */
	struct timespec newest; /* the job file and the plugins it uses */
	int newest_ok;          /* 0: a plugin is missing, never skip */
	int used;               /* has a job in this shard */
} jobfile;

typedef struct item {
	int number;
	int jf;
	const char *dossier; /* as given; NULL: the job's own */
	const char *report_dossier;
	char *output;       /* NULL when unknown (the job file is broken) */
	char *given_output; /* manifest's third column */
	enum state state;
	int pages;
	long long bytes;
	long ms;
	char *error;
} item;

typedef struct batch {
	enum mode mode;
	GPtrArray *args; /* positional: job files or dossiers */
	GPtrArray *jobs; /* --job */
	const char *manifest, *out_dir, *report_path;
	int workers, shard_k, shard_n, fail_fast, force, verbosity;
	double timeout;
	render_opts ro;
	GPtrArray *only, *skip, *sets, *dirs;

	jobfile *jfs;
	size_t n_jfs;
	item *items;
	size_t n_items;
	size_t *run; /* this shard's items, in order */
	size_t n_run;

	/* While running. */
	size_t next_start, next_report;
	size_t n_ok, n_failed, n_skipped, n_rendered, n_started, n_queue;
	int stop_reason; /* 0, or why no more jobs start */
	FILE *report;
	int progress, progress_shown;
	double t0, last_draw;
	/* Finished packs whose files wait to be put on disk together
	 * (commit_finished), in the order they finished. */
	struct finished {
		size_t item;
		char *files; /* a bpool_result's pairs of paths */
		size_t files_len;
	} finished[16];
	size_t n_finished;
	double first_finished; /* when finished[0] came */
} batch;

/* ---- command line ---------------------------------------------------------- */

static int bad_usage(const char *fmt, const char *arg)
{
	return args_bad_usage("briefpack batch", usage, fmt, arg);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A pattern the shell left alone (quoted, to get round the limit on the
 * length of a command line) is expanded here, sorted byte-wise so every
 * machine of a sharded batch sees the same order. */
static int add_path(GPtrArray *a, const char *arg)
{
	if (!strpbrk(arg, "*?[") || access(arg, F_OK) == 0) {
		g_ptr_array_add(a, g_strdup(arg));
		return 0;
	}
	glob_t g;
	if (glob(arg, 0, NULL, &g) != 0 || g.gl_pathc == 0) {
		fprintf(stderr, "briefpack batch: no file matches '%s'\n", arg);
		return -1;
	}
	qsort(g.gl_pathv, g.gl_pathc, sizeof *g.gl_pathv, cmp_str);
	for (size_t i = 0; i < g.gl_pathc; i++)
		g_ptr_array_add(a, g_strdup(g.gl_pathv[i]));
	globfree(&g);
	return 0;
}

static int processors(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static int parse_args(batch *b, int argc, char **argv)
{
	b->workers = 0;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i], *v;
		int missing = 0;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf("%s%s", usage, help);
			return 0;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			b->verbosity = -1;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			b->verbosity = 1;
		} else if (!strcmp(a, "--fail-fast")) {
			b->fail_fast = 1;
		} else if (!strcmp(a, "--force")) {
			b->force = 1;
		} else if ((v = args_value(argc, argv, &i, "--job", &missing))) {
			if (add_path(b->jobs, v) < 0)
				return 2;
		} else if ((v = args_value(argc, argv, &i, "--manifest", &missing))) {
			b->manifest = v;
		} else if ((v = args_value(argc, argv, &i, "--out-dir", &missing))) {
			b->out_dir = v;
		} else if ((v = args_value(argc, argv, &i, "--report", &missing))) {
			b->report_path = v;
		} else if ((v = args_value(argc, argv, &i, "--shard", &missing))) {
			if (bplan_parse_shard(v, &b->shard_k, &b->shard_n) < 0)
				return bad_usage("--shard wants K/N with 1 <= K <= N, not '%s'", v);
		} else if ((v = args_value(argc, argv, &i, "--timeout", &missing))) {
			char *end;
			b->timeout = strtod(v, &end);
			if (end == v || *end || !(b->timeout > 0) || b->timeout > 1e6)
				return bad_usage("--timeout wants a number of seconds, not '%s'",
				                 v);
		} else if ((v = args_value(argc, argv, &i, "-j", &missing)) ||
		           (v = args_value(argc, argv, &i, "--jobs", &missing)) ||
		           (!strncmp(a, "-j", 2) && a[2] >= '0' && a[2] <= '9' && (v = a + 2))) {
			char *end;
			long n = strtol(v, &end, 10);
			if (end == v || *end || n < 1 || n > 4096)
				return bad_usage(
				        "-j wants a number of workers (1 to 4096), not '%s'", v);
			b->workers = (int)n;
		} else if ((v = args_value(argc, argv, &i, "--only", &missing))) {
			args_split(b->only, v);
		} else if ((v = args_value(argc, argv, &i, "--skip", &missing))) {
			args_split(b->skip, v);
		} else if ((v = args_value(argc, argv, &i, "--set", &missing))) {
			g_ptr_array_add(b->sets, g_strdup(v));
		} else if ((v = args_value(argc, argv, &i, "--plugin-dir", &missing))) {
			g_ptr_array_add(b->dirs, g_strdup(v));
		} else if (missing) {
			return bad_usage("%s needs a value", a);
		} else if (!strcmp(a, "--")) {
			for (i++; i < argc; i++)
				if (add_path(b->args, argv[i]) < 0)
					return 2;
		} else if (a[0] == '-' && a[1]) {
			return bad_usage("unknown option '%s'", a);
		} else if (add_path(b->args, a) < 0) {
			return 2;
		}
	}
	if (b->manifest && (b->args->len || b->jobs->len))
		return bad_usage("%s",
		                 "--manifest lists every job; give no job files or --job with it");
	if (b->jobs->len && !b->args->len)
		return bad_usage("%s", "--job needs dossiers to run through it");
	if (!b->manifest && !b->args->len)
		return bad_usage("%s",
		                 "nothing to do: give job files, --job JOB.cfg DOSSIER.cfg..., "
		                 "or --manifest FILE");
	b->mode = b->manifest ? MODE_MANIFEST : b->jobs->len ? MODE_JOB_X_DOSSIERS : MODE_JOBS;
	if (!b->workers)
		b->workers = processors();
	if (!b->shard_n)
		b->shard_k = b->shard_n = 1;
	return -1; /* go on */
}

/* ---- the job list -------------------------------------------------------- */

static int jobfile_index(batch *b, GHashTable *seen, const char *path)
{
	gpointer v;
	if (g_hash_table_lookup_extended(seen, path, NULL, &v))
		return GPOINTER_TO_INT(v);
	b->jfs = realloc(b->jfs, (b->n_jfs + 1) * sizeof *b->jfs);
	b->jfs[b->n_jfs] = (jobfile){.path = strdup(path)};
	g_hash_table_insert(seen, b->jfs[b->n_jfs].path, GINT_TO_POINTER((int)b->n_jfs));
	return (int)b->n_jfs++;
}

static void add_item(batch *b, int jf, const char *dossier, const char *output)
{
	if (b->n_items % 1024 == 0)
		b->items = realloc(b->items, (b->n_items + 1024) * sizeof *b->items);
	item *it = &b->items[b->n_items];
	*it = (item){.number = (int)b->n_items + 1, .jf = jf};
	it->dossier = dossier && *dossier ? g_intern_string(dossier) : NULL;
	it->given_output = output && *output ? strdup(output) : NULL;
	b->n_items++;
}

static int read_manifest(batch *b, GHashTable *seen)
{
	FILE *f = strcmp(b->manifest, "-") ? fopen(b->manifest, "r") : stdin;
	const char *name = strcmp(b->manifest, "-") ? b->manifest : "<stdin>";
	if (!f) {
		fprintf(stderr, "%s: cannot read: %s\n", name, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	int bad = 0, lineno = 0;
	while (getline(&line, &cap, f) > 0) {
		lineno++;
		char *fld[3];
		int n = bplan_manifest_fields(line, fld, 3);
		if (n == 0)
			continue;
		if (n < 0 || !fld[0][0]) {
			fprintf(stderr, "%s:%d: %s\n", name, lineno,
			        n < 0 ? "too many fields: want job file, dossier, output "
			                "separated by tabs"
			              : "the first field must name a job file");
			bad++;
			continue;
		}
		add_item(b, jobfile_index(b, seen, fld[0]), n > 1 ? fld[1] : NULL,
		         n > 2 ? fld[2] : NULL);
	}
	free(line);
	if (f != stdin)
		fclose(f);
	if (!b->n_items && !bad)
		fprintf(stderr, "%s: lists no jobs\n", name), bad++;
	return bad ? -1 : 0;
}

static int list_jobs(batch *b)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	int rc = 0;
	if (b->mode == MODE_MANIFEST) {
		rc = read_manifest(b, seen);
	} else if (b->mode == MODE_JOB_X_DOSSIERS) {
		for (guint j = 0; j < b->jobs->len; j++) {
			int jf = jobfile_index(b, seen, b->jobs->pdata[j]);
			for (guint d = 0; d < b->args->len; d++)
				add_item(b, jf, b->args->pdata[d], NULL);
		}
	} else {
		for (guint j = 0; j < b->args->len; j++)
			add_item(b, jobfile_index(b, seen, b->args->pdata[j]), NULL, NULL);
	}
	g_hash_table_destroy(seen);
	return rc;
}

/* ---- reading the job files ---------------------------------------------- */

static int ts_after(struct timespec a, struct timespec b)
{
	return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec > b.tv_nsec);
}

static int listed(GPtrArray *a, const char *id)
{
	for (guint i = 0; i < a->len; i++)
		if (!strcmp(a->pdata[i], id))
			return 1;
	return 0;
}

/* Reads one job file: what the jobs need to be named, skipped and warmed
 * up.  Its plugins are loaded here, once, and the workers inherit them. */
static void read_jobfile(batch *b, jobfile *f, GHashTable *families)
{
	f->ext = strdup("pdf");
	if (!strcmp(f->path, "-")) {
		f->error = strdup("a batch cannot read a job from standard input");
		fprintf(stderr, "briefpack batch: %s\n", f->error);
		return;
	}
	diag_reset();
	job *j = job_load(f->path, (const char *const *)b->sets->pdata, b->sets->len);
	if (!j) {
		f->error = strdup(diag_first_error()[0] ? diag_first_error()
		                                        : "the job file could not be read");
		return;
	}
	f->ok = 1;
	if (j->output) {
		free(f->ext);
		f->ext = bplan_ext(j->output);
		f->output = strdup(j->output);
	} else {
		char *stem = bplan_stem(j->path), *name = g_strdup_printf("%s.pdf", stem);
		f->output = cfg_resolve(j->dir, name);
		g_free(name);
		free(stem);
	}
	f->data = j->data_path ? strdup(j->data_path) : NULL;
	for (size_t i = 0; i < j->n_font_dirs; i++)
		fonts_add_dir(j->font_dirs[i]); /* a bad one is reported by the job */
	g_hash_table_add(families, g_strdup(j->theme.font));
	if (j->theme.heading_font)
		g_hash_table_add(families, g_strdup(j->theme.heading_font));

	struct stat st;
	f->newest_ok = stat(f->path, &st) == 0;
	f->newest = st.st_mtim;
	plugin_path pp;
	plugin_path_init(&pp, j->plugin_dirs, j->n_plugin_dirs, (char *const *)b->dirs->pdata,
	                 b->dirs->len);
	for (size_t i = 0; i < j->n_sections; i++) {
		const job_section *js = &j->sections[i];
		int on = b->only->len ? listed(b->only, js->id) : js->enabled;
		if (!on || listed(b->skip, js->id))
			continue;
		char why[1024];
		const plugin *p = plugin_find(&pp, js->plugin, why, sizeof why);
		if (!p || stat(p->path, &st) != 0)
			f->newest_ok = 0;
		else if (ts_after(st.st_mtim, f->newest))
			f->newest = st.st_mtim;
	}
	plugin_path_free(&pp);
	job_free(j);
}

/* Job files none of this shard's jobs use are read only to find clashing
 * outputs; their problems belong to another shard's report. */
static void read_jobfiles(batch *b, GHashTable *families)
{
	int saved = -1;
	for (size_t i = 0; i < b->n_jfs; i++) {
		if (!b->jfs[i].used && saved < 0) {
			fflush(stderr);
			saved = dup(STDERR_FILENO);
			int dn = open("/dev/null", O_WRONLY);
			dup2(dn, STDERR_FILENO);
			close(dn);
		} else if (b->jfs[i].used && saved >= 0) {
			dup2(saved, STDERR_FILENO);
			close(saved);
			saved = -1;
		}
		read_jobfile(b, &b->jfs[i], families);
	}
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
}

static char *join(const char *dir, const char *name)
{
	return g_strdup_printf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
}

static void name_outputs(batch *b)
{
	/* "<job>--<dossier>" when more than one job file is in play. */
	int with_job = b->mode == MODE_JOB_X_DOSSIERS ? b->n_jfs > 1
	               : b->mode == MODE_MANIFEST     ? b->n_jfs > 1
	                                              : 0;
	for (size_t i = 0; i < b->n_items; i++) {
		item *it = &b->items[i];
		const jobfile *f = &b->jfs[it->jf];
		it->report_dossier = it->dossier ? it->dossier : f->data;
		if (it->given_output) {
			it->output = b->out_dir && it->given_output[0] != '/'
			                     ? join(b->out_dir, it->given_output)
			                     : strdup(it->given_output);
		} else if (b->mode == MODE_JOBS && !b->out_dir) {
			it->output = f->ok ? strdup(f->output) : NULL;
		} else {
			const char *d = it->dossier ? it->dossier : f->data ? f->data : f->path;
			it->output = bplan_output_name(b->out_dir, f->path, d, f->ext, with_job);
		}
	}
}

static void report_clash(size_t a, size_t c, void *ctx)
{
	batch *b = ctx;
	const item *x = &b->items[a], *y = &b->items[c];
	fprintf(stderr, "briefpack batch: jobs %d (%s, %s) and %d (%s, %s) would both write %s\n",
	        x->number, b->jfs[x->jf].path,
	        x->report_dossier ? x->report_dossier : "its own dossier", y->number,
	        b->jfs[y->jf].path, y->report_dossier ? y->report_dossier : "its own dossier",
	        x->output);
}

static int check_collisions(batch *b)
{
	char *cwd = g_get_current_dir();
	char **canon = calloc(b->n_items + 1, sizeof *canon);
	for (size_t i = 0; i < b->n_items; i++)
		canon[i] = b->items[i].output ? bplan_canonical(b->items[i].output, cwd) : NULL;
	size_t n = bplan_collisions(canon, b->n_items, report_clash, b);
	for (size_t i = 0; i < b->n_items; i++)
		free(canon[i]);
	free(canon);
	g_free(cwd);
	if (n)
		fprintf(stderr,
		        "briefpack batch: %zu output name clash%s; nothing was run (give the "
		        "dossiers distinct file names, or name each output in a --manifest)\n",
		        n, n == 1 ? "" : "es");
	return n ? -1 : 0;
}

/* The first file an output makes: itself, or NAME-001.png for images. */
static char *first_file(const char *out)
{
	const char *dot = strrchr(out, '.');
	if (dot && (!strcmp(dot, ".png") || !strcmp(dot, ".svg")))
		return g_strdup_printf("%.*s-001%s", (int)(dot - out), out, dot);
	return g_strdup(out);
}

static int up_to_date(const batch *b, const item *it, long long *bytes)
{
	const jobfile *f = &b->jfs[it->jf];
	if (b->force || !f->ok || !f->newest_ok || !it->output)
		return 0;
	struct stat out, in;
	char *first = first_file(it->output);
	int ok = stat(first, &out) == 0 && ts_after(out.st_mtim, f->newest);
	g_free(first);
	const char *dossier = it->dossier ? it->dossier : f->data;
	if (ok && dossier)
		ok = stat(dossier, &in) == 0 && ts_after(out.st_mtim, in.st_mtim);
	if (ok)
		*bytes = out.st_size;
	return ok;
}

/* ---- running --------------------------------------------------------------- */

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void fmt_duration(double s, char *buf, size_t n)
{
	long t = (long)(s + 0.5);
	if (t >= 3600)
		snprintf(buf, n, "%ldh%02ldm", t / 3600, t / 60 % 60);
	else if (t >= 60)
		snprintf(buf, n, "%ldm%02lds", t / 60, t % 60);
	else
		snprintf(buf, n, "%lds", t);
}

static void clear_progress(batch *b)
{
	if (b->progress_shown) {
		fputs("\r\033[K", stderr);
		b->progress_shown = 0;
	}
}

static void draw_progress(batch *b, int force)
{
	if (!b->progress)
		return;
	double t = now_s();
	if (!force && t - b->last_draw < 0.1)
		return;
	b->last_draw = t;
	size_t done = b->n_ok + b->n_failed + b->n_skipped;
	double el = t - b->t0, rate = el > 0 ? b->n_rendered / el : 0;
	char left[32] = "?";
	if (rate > 0)
		fmt_duration((double)b->n_queue / rate, left, sizeof left);
	fprintf(stderr, "\r\033[Kbatch: %zu/%zu done, %zu failed, %.1f/s, %s left", done, b->n_run,
	        b->n_failed, rate, rate > 0 ? left : "?");
	b->progress_shown = 1;
}

static void write_report_line(FILE *f, const item *it, const batch *b)
{
	fprintf(f, "{\"n\":%d,\"job\":", it->number);
	bplan_json_string(f, b->jfs[it->jf].path);
	fputs(",\"dossier\":", f);
	bplan_json_string(f, it->report_dossier);
	fputs(",\"output\":", f);
	bplan_json_string(f, it->output);
	fprintf(f, ",\"status\":\"%s\",\"error\":", state_name[it->state]);
	bplan_json_string(f, it->error);
	if (it->state == ST_SKIPPED && !it->error)
		fputs(",\"pages\":null", f);
	else
		fprintf(f, ",\"pages\":%d", it->pages);
	fprintf(f, ",\"bytes\":%lld,\"ms\":%ld}\n", it->bytes, it->ms);
}

/* Report lines go out in job order as soon as every earlier job of the
 * shard has ended, so an interrupted batch still leaves a usable report. */
static void flush_report(batch *b)
{
	while (b->next_report < b->n_run && b->items[b->run[b->next_report]].state != ST_PENDING) {
		item *it = &b->items[b->run[b->next_report++]];
		if (b->report)
			write_report_line(b->report, it, b);
		free(it->error);
		it->error = NULL;
	}
	if (b->report)
		fflush(b->report);
}

static void end_item(batch *b, item *it, enum state st, const char *error)
{
	it->state = st;
	it->error = error && *error ? strdup(error) : NULL;
	if (st == ST_OK)
		b->n_ok++;
	else if (st == ST_FAILED)
		b->n_failed++;
	else
		b->n_skipped++;
	if (st == ST_FAILED && b->fail_fast && !b->stop_reason)
		b->stop_reason = 'f';
}

static long pool_next(void *ctx)
{
	batch *b = ctx;
	if (b->stop_reason)
		return -1;
	while (b->next_start < b->n_run) {
		size_t i = b->run[b->next_start++];
		if (b->items[i].state == ST_PENDING) {
			b->n_started++;
			b->n_queue--;
			return (long)i;
		}
	}
	return -1;
}

/* Worker: keeps a finished file's temporary and final paths in the result
 * (NUL-terminated, in pairs) for the batch process to finish. */
static int defer_file(const char *tmp, const char *final, void *ctx)
{
	bpool_result *r = ctx;
	size_t a = strlen(tmp) + 1, c = strlen(final) + 1;
	if (r->files_len + a + c > sizeof r->files)
		return -1;
	memcpy(r->files + r->files_len, tmp, a);
	memcpy(r->files + r->files_len + a, final, c);
	r->files_len += a + c;
	return 0;
}

/* The pair of paths at *i in files (defer_file), stepping *i past it; 0
 * at the end. */
static int next_file(const char *files, size_t len, size_t *i, const char **tmp, const char **final)
{
	if (*i >= len)
		return 0;
	*tmp = files + *i;
	*final = *tmp + strlen(*tmp) + 1;
	*i = (size_t)(*final - files) + strlen(*final) + 1;
	return 1;
}

/* Parent: removes the files a failed job left. */
static void remove_files(const bpool_result *r)
{
	const char *tmp, *final;
	for (size_t i = 0; next_file(r->files, r->files_len, &i, &tmp, &final);)
		unlink(tmp);
}

static void pool_run_one(void *ctx, long idx, bpool_result *r)
{
	batch *b = ctx;
	const item *it = &b->items[idx];
	render_opts o = b->ro;
	o.job_path = b->jfs[it->jf].path;
	o.data = it->dossier;
	o.out = it->output;
	render_result res;
	diag_reset();
	afile_defer(defer_file, r);
	r->status = render_run(&o, &res);
	afile_defer(NULL, NULL);
	if (r->status == 0) {
		r->pages = res.pages;
		r->bytes = res.bytes;
	} else {
		snprintf(r->error, sizeof r->error, "%s",
		         diag_first_error()[0] ? diag_first_error()
		                               : "the document could not be produced");
	}
}

/* A worker that died mid-write leaves its temporary file (".NAME.XXXXXX",
 * see output.c) behind; only this batch writes NAME, so remove them. */
static void remove_temporaries(const char *out)
{
	char *dir = cfg_dirname(out), *base = g_path_get_basename(out), *pat;
	const char *dot = strrchr(base, '.');
	if (dot && (!strcmp(dot, ".png") || !strcmp(dot, ".svg")))
		pat = g_strdup_printf("%s/.%.*s-[0-9][0-9][0-9]*%s.??????", dir, (int)(dot - base),
		                      base, dot);
	else
		pat = g_strdup_printf("%s/.%s.??????", dir, base);
	glob_t g;
	if (glob(pat, GLOB_NOESCAPE, NULL, &g) == 0)
		for (size_t i = 0; i < g.gl_pathc; i++)
			unlink(g.gl_pathv[i]);
	globfree(&g);
	g_free(pat);
	g_free(base);
	free(dir);
}

/* An item's end: ok, or failed with err (its own message, or the worker's
 * abnormal end). */
static void item_ended(batch *b, item *it, int ok, const char *err, int abnormal)
{
	if (ok) {
		end_item(b, it, ST_OK, NULL);
		if (b->verbosity > 0) {
			clear_progress(b);
			fprintf(stderr, "briefpack: wrote %s (%d pages, %lld bytes, %ld ms)\n",
			        it->output, it->pages, it->bytes, it->ms);
		}
		return;
	}
	end_item(b, it, ST_FAILED, err);
	clear_progress(b);
	fprintf(stderr, "briefpack: job %d (%s, %s) failed%s%s\n", it->number, b->jfs[it->jf].path,
	        it->report_dossier ? it->report_dossier : "its own dossier", abnormal ? ": " : "",
	        abnormal ? err : "");
}

/* Group commit.  A pack's files are on disk before they take their names,
 * and waiting for the disk once per file (an fsync() each: a journal
 * commit each) cost a twentieth of a small pack's time, in the batch
 * process that hands out the work.  So finished packs wait here until 16
 * have, or until one finishes a fifth of a second after the first of them
 * (and at the end of the batch, interrupted or not); then they are put on
 * disk together (afile_sync_all) and renamed into place in the order they
 * finished. */
static void commit_finished(batch *b)
{
	if (!b->n_finished)
		return;
	GPtrArray *tmps = g_ptr_array_new();
	const char *tmp, *final;
	for (size_t k = 0; k < b->n_finished; k++)
		for (size_t i = 0;
		     next_file(b->finished[k].files, b->finished[k].files_len, &i, &tmp, &final);)
			g_ptr_array_add(tmps, (gpointer)tmp);
	int *errs = calloc(tmps->len ? tmps->len : 1, sizeof *errs);
	if (!errs)
		abort();
	afile_sync_all((const char *const *)tmps->pdata, tmps->len, errs);
	clear_progress(b); /* afile_place may print an error */
	size_t f = 0;
	for (size_t k = 0; k < b->n_finished; k++) {
		struct finished *fin = &b->finished[k];
		int ok = 1;
		char err[sizeof((bpool_result *)0)->error] = "";
		diag_reset();
		for (size_t i = 0; next_file(fin->files, fin->files_len, &i, &tmp, &final); f++) {
			if (!ok) {
				unlink(tmp);
			} else if (afile_place(tmp, final, errs[f]) < 0) {
				snprintf(err, sizeof err, "%s", diag_first_error());
				ok = 0;
			}
		}
		item_ended(b, &b->items[fin->item], ok, err, 0);
		free(fin->files);
	}
	b->n_finished = 0;
	free(errs);
	g_ptr_array_free(tmps, TRUE);
	flush_report(b);
}

static void pool_done(void *ctx, long idx, const bpool_result *r)
{
	batch *b = ctx;
	item *it = &b->items[idx];
	it->ms = r->ms;
	b->n_rendered++;
	if (r->status == 0) {
		it->pages = r->pages;
		it->bytes = r->bytes;
		struct finished *fin = &b->finished[b->n_finished++];
		fin->item = (size_t)idx;
		fin->files = malloc(r->files_len ? r->files_len : 1);
		if (!fin->files)
			abort();
		memcpy(fin->files, r->files, r->files_len);
		fin->files_len = r->files_len;
		double t = now_s();
		if (b->n_finished == 1)
			b->first_finished = t;
		if (b->n_finished == sizeof b->finished / sizeof *b->finished ||
		    t - b->first_finished >= 0.2)
			commit_finished(b);
		draw_progress(b, 0);
		return;
	}
	if (r->abnormal && it->output)
		remove_temporaries(it->output);
	clear_progress(b);
	remove_files(r);
	item_ended(b, it, 0, r->error, r->abnormal);
	flush_report(b);
	draw_progress(b, 0);
}

static void pool_message(void *ctx, const char *line)
{
	batch *b = ctx;
	clear_progress(b);
	fprintf(stderr, "%s\n", line);
}

static void pool_tick(void *ctx)
{
	draw_progress(ctx, 0);
}

/* Loads the faces a theme names and shapes some text with them, so that
 * font files, charset coverage and shaping caches are in memory before the
 * workers fork: each worker inherits them instead of loading them again.
 * Only what packs set as text: no "●" (the matrix draws it as a disc),
 * whose fallback face would be the CJK one (5 MB more in every process). */
static void warm_fonts(GHashTable *families)
{
	static const char sample[] = "Briefing pack 0123456789 Page of: ABCDEFGHIJKLMNOPQRSTUVWXYZ "
	                             "abcdefghijklmnopqrstuvwxyz —–·… Программа визита Ҷ Ӣ Қ Ӯ Ҳ Ғ";
	cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cairo_t *cr = cairo_create(s);
	GHashTableIter it;
	gpointer fam;
	g_hash_table_iter_init(&it, families);
	while (g_hash_table_iter_next(&it, &fam, NULL)) {
		for (int bold = 0; bold < 2; bold++) {
			PangoLayout *l = pango_layout_new(fonts_context());
			PangoFontDescription *fd = pango_font_description_new();
			pango_font_description_set_family(fd, fam);
			pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD
			                                           : PANGO_WEIGHT_NORMAL);
			pango_font_description_set_size(fd, 10 * PANGO_SCALE);
			pango_layout_set_font_description(l, fd);
			pango_layout_set_text(l, sample, -1);
			pango_cairo_show_layout(cr, l);
			pango_font_description_free(fd);
			g_object_unref(l);
		}
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

/* Pango sorts fonts in short-lived threads.  fork copies only the calling
 * thread, so one caught holding a lock would leave every worker stuck on
 * it: wait (briefly) until this process is down to its one thread. */
static void wait_single_threaded(void)
{
	for (int tries = 0; tries < 2000; tries++) {
		FILE *f = fopen("/proc/self/status", "r");
		if (!f)
			return;
		char line[256];
		int threads = 0;
		while (fgets(line, sizeof line, f))
			if (sscanf(line, "Threads: %d", &threads) == 1)
				break;
		fclose(f);
		if (threads <= 1)
			return;
		struct timespec ms = {0, 1000000};
		nanosleep(&ms, NULL);
	}
}

static int mkdir_p(const char *dir)
{
	char *p = strdup(dir);
	for (char *s = p + 1;; s++) {
		if (*s == '/' || !*s) {
			char c = *s;
			*s = '\0';
			if (mkdir(p, 0777) < 0 && errno != EEXIST) {
				free(p);
				return -1;
			}
			if (!c)
				break;
			*s = c;
		}
	}
	free(p);
	struct stat st;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

static void summary(batch *b, double seconds, int sig)
{
	size_t not_started = b->n_queue;
	char shard[48] = "";
	if (b->shard_n > 1)
		snprintf(shard, sizeof shard, " (shard %d/%d of %zu)", b->shard_k, b->shard_n,
		         b->n_items);
	fprintf(stderr, "briefpack batch: %zu job%s%s: %zu ok, %zu failed, %zu skipped", b->n_run,
	        b->n_run == 1 ? "" : "s", shard, b->n_ok, b->n_failed, b->n_skipped - not_started);
	if (not_started)
		fprintf(stderr, ", %zu not started (%s)", not_started,
		        sig ? "interrupted" : "--fail-fast");
	fprintf(stderr, " in %.1f s", seconds);
	if (b->n_rendered && seconds > 0)
		fprintf(stderr, " (%.1f packs/s)", b->n_rendered / seconds);
	fputc('\n', stderr);
}

static void free_batch(batch *b)
{
	for (size_t i = 0; i < b->n_items; i++) {
		free(b->items[i].output);
		free(b->items[i].given_output);
		free(b->items[i].error);
	}
	free(b->items);
	for (size_t i = 0; i < b->n_jfs; i++) {
		jobfile *f = &b->jfs[i];
		free(f->path);
		free(f->error);
		free(f->ext);
		free(f->output);
		free(f->data);
	}
	free(b->jfs);
	free(b->run);
	g_ptr_array_free(b->args, TRUE);
	g_ptr_array_free(b->jobs, TRUE);
	g_ptr_array_free(b->only, TRUE);
	g_ptr_array_free(b->skip, TRUE);
	g_ptr_array_free(b->sets, TRUE);
	g_ptr_array_free(b->dirs, TRUE);
}

static int run_batch(batch *b)
{
	diag_set_verbosity(b->verbosity);
	if (list_jobs(b) < 0)
		return 2;
	b->run = malloc((b->n_items + 1) * sizeof *b->run);
	for (size_t i = 0; i < b->n_items; i++)
		if (bplan_in_shard(b->items[i].number, b->shard_k, b->shard_n)) {
			b->run[b->n_run++] = i;
			b->jfs[b->items[i].jf].used = 1;
		}
	if (fonts_init() < 0)
		return 1;
	GHashTable *families = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	read_jobfiles(b, families);
	name_outputs(b);
	if (check_collisions(b) < 0) {
		g_hash_table_destroy(families);
		return 2;
	}

	/* What is left to do: broken job files fail, fresh outputs skip. */
	for (size_t k = 0; k < b->n_run; k++) {
		item *it = &b->items[b->run[k]];
		const jobfile *f = &b->jfs[it->jf];
		long long bytes = 0;
		if (!f->ok) {
			end_item(b, it, ST_FAILED, f->error);
		} else if (up_to_date(b, it, &bytes)) {
			it->bytes = bytes;
			end_item(b, it, ST_SKIPPED, NULL);
		} else {
			b->n_queue++;
		}
	}
	if (b->report_path) {
		b->report = fopen(b->report_path, "w");
		if (!b->report) {
			fprintf(stderr, "%s: cannot write the report: %s\n", b->report_path,
			        strerror(errno));
			g_hash_table_destroy(families);
			return 2;
		}
	}
	if (b->n_queue && b->out_dir && mkdir_p(b->out_dir) < 0) {
		fprintf(stderr, "%s: cannot create the output folder: %s\n", b->out_dir,
		        strerror(errno));
		g_hash_table_destroy(families);
		if (b->report)
			fclose(b->report);
		return 1;
	}
	/* Folders a manifest names under it are made too (a failure shows
	 * in the job's own error). */
	for (size_t k = 0; k < b->n_run; k++) {
		const item *it = &b->items[b->run[k]];
		if (it->state == ST_PENDING && it->given_output) {
			char *dir = cfg_dirname(it->output);
			mkdir_p(dir);
			free(dir);
		}
	}
	if (b->n_queue) {
		warm_fonts(families);
		wait_single_threaded();
	}
	g_hash_table_destroy(families);
	flush_report(b);

	b->progress = b->verbosity >= 0 && isatty(STDERR_FILENO);
	b->t0 = now_s();
	int workers = (size_t)b->workers < b->n_queue ? b->workers : (int)b->n_queue;
	int sig = 0;
	if (workers > 0) {
		/* Workers free and reuse much the same memory pack after pack:
		 * handing it back to the kernel each time (and the TLB flushes
		 * that go with it) cost a tenth of a small pack's time. */
		mallopt(M_TRIM_THRESHOLD, 64 << 20);
		mallopt(M_TOP_PAD, 16 << 20);
		bpool_ops ops = {pool_next, pool_run_one, pool_done, pool_message,
		                 b->progress ? pool_tick : NULL};
		sig = bpool_run(workers, b->timeout, &ops, b);
		commit_finished(b);
		if (sig && !b->stop_reason)
			b->stop_reason = 'i';
	}
	/* Jobs never started (--fail-fast, or an interrupt). */
	for (size_t k = 0; k < b->n_run; k++) {
		item *it = &b->items[b->run[k]];
		if (it->state == ST_PENDING) {
			it->state = ST_SKIPPED;
			it->error = strdup(sig ? "not started: the batch was interrupted"
			                       : "not started: --fail-fast after a failure");
			b->n_skipped++;
		}
	}
	flush_report(b);
	clear_progress(b);
	if (b->report && fclose(b->report) != 0)
		fprintf(stderr, "%s: cannot write the report: %s\n", b->report_path,
		        strerror(errno));
	b->report = NULL;
	if (b->verbosity >= 0 || sig)
		summary(b, now_s() - b->t0, sig);
	if (sig) {
		free_batch(b);
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return b->n_failed ? 1 : 0;
}

int batch_main(int argc, char **argv)
{
	batch B = {0}, *b = &B;
	b->args = g_ptr_array_new_with_free_func(g_free);
	b->jobs = g_ptr_array_new_with_free_func(g_free);
	b->only = g_ptr_array_new_with_free_func(g_free);
	b->skip = g_ptr_array_new_with_free_func(g_free);
	b->sets = g_ptr_array_new_with_free_func(g_free);
	b->dirs = g_ptr_array_new_with_free_func(g_free);
	int rc = parse_args(b, argc, argv);
	if (rc < 0) {
		b->ro.only = (const char *const *)b->only->pdata;
		b->ro.n_only = b->only->len;
		b->ro.skip = (const char *const *)b->skip->pdata;
		b->ro.n_skip = b->skip->len;
		b->ro.sets = (const char *const *)b->sets->pdata;
		b->ro.n_sets = b->sets->len;
		b->ro.plugin_dirs = (char *const *)b->dirs->pdata;
		b->ro.n_plugin_dirs = b->dirs->len;
		rc = run_batch(b);
	}
	free_batch(b);
	return rc;
}
