/*
 * test_bad.c — the bad-input corpus driver.  Every folder under
 * tests/bad/cases/GROUP/CASE is one hostile input: a job file and/or a
 * dossier, an optional setup.sh that generates what is too big or too odd to
 * commit, and an `expect` file:
 *
 *   run: render job.cfg -o out.pdf      arguments after the program (default)
 *   status: 2                           exact exit status
 *   message: job.cfg:3: unknown key     a piece stderr must hold (repeatable)
 *   check: 2 | no                       status of the same run as `check`
 *                                       (default: 2 when status is 2, else 0)
 *   out: out.pdf | none                 the output to guard (default out.pdf)
 *
 * Each case runs in a fresh copy of its folder.  The output is created first
 * with known bytes; after a failed run it must be byte-identical, and no new
 * file (a temporary, a partial PDF) may be left anywhere in the folder.  A
 * signal, a sanitizer report or a wrong status fails the case.  Each GROUP is
 * one Check TCase (one ctest entry); each case one loop iteration.
 */
#define _GNU_SOURCE
#include "bptest.h"

#include <dirent.h>
#include <ftw.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef BP_BAD_SANITIZE
#define BP_BAD_SANITIZE 0
#endif

#define PREVIOUS "previous output: must survive a failed run\n"

enum { MAX_CASES = 256, MAX_GROUPS = 16, MAX_MSGS = 16 };

typedef struct group {
	char *name;
	char *cases[MAX_CASES]; /* full paths */
	int n;
} group;

static group groups[MAX_GROUPS];
static int n_groups;

typedef struct expect {
	char run[1024];
	int status;
	int check; /* -1: do not run check */
	char out[512];
	char *msgs[MAX_MSGS];
	int n_msgs;
} expect;

static int compare_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted subfolder names of dir. */
static int subdirs(const char *dir, char **out, int max)
{
	DIR *d = opendir(dir);
	int n = 0;
	if (!d)
		return 0;
	for (struct dirent *e; (e = readdir(d)) && n < max;) {
		if (e->d_name[0] == '.')
			continue;
		char *p = bpt_path(dir, e->d_name);
		struct stat st;
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			out[n++] = strdup(e->d_name);
		free(p);
	}
	closedir(d);
	qsort(out, (size_t)n, sizeof *out, compare_str);
	return n;
}

static void read_expect(const char *casedir, expect *x)
{
	memset(x, 0, sizeof *x);
	snprintf(x->run, sizeof x->run, "render job.cfg -o out.pdf");
	snprintf(x->out, sizeof x->out, "out.pdf");
	x->status = -1;
	x->check = -2;
	char *path = bpt_path(casedir, "expect");
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "%s: cannot read", path);
	char line[2048];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		char *colon = strchr(line, ':');
		if (line[0] == '#' || !colon)
			continue;
		*colon = '\0';
		char *v = colon + 1;
		while (*v == ' ')
			v++;
		if (!strcmp(line, "run"))
			snprintf(x->run, sizeof x->run, "%s", v);
		else if (!strcmp(line, "status"))
			x->status = atoi(v);
		else if (!strcmp(line, "check"))
			x->check = !strcmp(v, "no") ? -1 : atoi(v);
		else if (!strcmp(line, "out"))
			snprintf(x->out, sizeof x->out, "%s", v);
		else if (!strcmp(line, "message") && x->n_msgs < MAX_MSGS)
			x->msgs[x->n_msgs++] = strdup(v);
		else
			ck_abort_msg("%s: unknown line '%s'", path, line);
	}
	fclose(f);
	ck_assert_msg(x->status >= 0, "%s: no status", path);
	if (x->check == -2)
		x->check = x->status == 2 ? 2 : 0;
	free(path);
}

/* Every file under dir with its type, one a line, sorted (walked here:
 * a shell pipeline per listing made the corpus slow under the sanitizers). */
static GPtrArray *walk_names;
static int walk_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)ftw;
	g_ptr_array_add(walk_names, g_strdup_printf("%s %s", path,
	                                            flag == FTW_SL         ? "link"
	                                            : S_ISDIR(st->st_mode) ? "dir"
	                                            : S_ISREG(st->st_mode) ? "file"
	                                                                   : "other"));
	return 0;
}

static char *listing(const char *dir)
{
	walk_names = g_ptr_array_new_with_free_func(g_free);
	nftw(dir, walk_one, 16, FTW_PHYS);
	g_ptr_array_sort(walk_names, (GCompareFunc)compare_str);
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < walk_names->len; i++)
		g_string_append_printf(s, "%s\n", (char *)walk_names->pdata[i]);
	g_ptr_array_free(walk_names, TRUE);
	return g_string_free(s, FALSE);
}

static int is_special(const char *out)
{
	return !strcmp(out, "none");
}

/* One run of the program; asserts everything but the messages' content. */
static bpt_result run(const char *name, const char *work, const char *args, int want,
                      const expect *x)
{
	bpt_result r = bpt_sh("cd '%s' && exec '%s' %s", work, bpt_bin(), args);
	ck_assert_msg(r.status < 128, "%s: '%s' died of signal %d\n%s", name, args, r.status - 128,
	              r.err);
	ck_assert_msg(!strstr(r.err, "Sanitizer") && !strstr(r.err, "runtime error:"),
	              "%s: '%s': sanitizer report\n%s", name, args, r.err);
	ck_assert_msg(r.status == want, "%s: '%s' exited %d, expected %d\nstderr:\n%s", name, args,
	              r.status, want, r.err);
	(void)x;
	return r;
}

static void check_messages(const char *name, const char *args, const bpt_result *r, const expect *x)
{
	for (int i = 0; i < x->n_msgs; i++)
		ck_assert_msg(strstr(r->err, x->msgs[i]) != NULL,
		              "%s: '%s': stderr lacks \"%s\"\nstderr:\n%s", name, args, x->msgs[i],
		              r->err);
	/* Every failure says something. */
	if (x->status != 0)
		ck_assert_msg(r->err[0], "%s: '%s' failed in silence", name, args);
}

static void run_case(const char *casedir)
{
	const char *name = strrchr(casedir, '/') + 1;
	expect x;
	read_expect(casedir, &x);
	const char *work = bpt_tmpdir();
	bpt_result c = bpt_sh("cp -R '%s'/. '%s' && rm -f '%s/expect'", casedir, work, work);
	ck_assert_int_eq(c.status, 0);
	bpt_free(&c);
	char *setup = bpt_path(work, "setup.sh");
	struct stat st;
	if (stat(setup, &st) == 0) {
		c = bpt_sh("cd '%s' && BP_BAD_PLUGINS='%s' sh ./setup.sh && rm setup.sh", work,
		           BP_BAD_PLUGINS);
		ck_assert_msg(c.status == 0, "%s: setup.sh failed: %s", name, c.err);
		bpt_free(&c);
	}
	free(setup);
	char *out = NULL;
	if (!is_special(x.out)) {
		out = x.out[0] == '/' ? strdup(x.out) : bpt_path(work, x.out);
		bpt_write(out, PREVIOUS);
	}
	char *before = listing(work);

	bpt_result r = run(name, work, x.run, x.status, &x);
	check_messages(name, x.run, &r, &x);
	bpt_free(&r);
	if (out) {
		size_t len;
		char *now = bpt_read(out, &len);
		ck_assert_msg(now != NULL, "%s: the output %s was removed", name, x.out);
		if (x.status != 0)
			ck_assert_msg(len == strlen(PREVIOUS) && !memcmp(now, PREVIOUS, len),
			              "%s: the previous output %s was changed", name, x.out);
		else
			ck_assert_msg(len > 4 && !memcmp(now, "%PDF", 4),
			              "%s: the output %s is not a PDF", name, x.out);
		free(now);
	}
	char *after = listing(work);
	ck_assert_msg(!strcmp(before, after),
	              "%s: files changed in the case folder\nbefore:\n%s\nafter:\n%s", name, before,
	              after);
	free(after);

	/* check follows render's path up to the first error, so for a status-2
	 * case the re-run adds little under the (slow) sanitizers. */
	if (x.check >= 0 && !strncmp(x.run, "render ", 7) && !(BP_BAD_SANITIZE && x.status == 2)) {
		char *args;
		ck_assert_int_ge(asprintf(&args, "check %s", x.run + 7), 0);
		r = run(name, work, args, x.check, &x);
		if (x.check == 2)
			check_messages(name, args, &r, &x);
		bpt_free(&r);
		after = listing(work);
		ck_assert_msg(!strcmp(before, after), "%s: check changed files", name);
		free(after);
		free(args);
	}
	free(before);
	free(out);
	free((char *)work); /* bpt_tmpdir's string is malloc'd */
	for (int i = 0; i < x.n_msgs; i++)
		free(x.msgs[i]);
}

/* Loop tests get only an index: _i counts through all cases of all groups
 * in the order the TCases were made, each TCase taking its own range. */
START_TEST(one_case)
{
	int k = _i;
	for (int g = 0; g < n_groups; g++) {
		if (k < groups[g].n) {
			run_case(groups[g].cases[k]);
			return;
		}
		k -= groups[g].n;
	}
	ck_abort_msg("no case %d", _i);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("bad");
	char *root = bpt_path(bpt_src(), "tests/bad/cases");
	char *names[MAX_GROUPS];
	n_groups = subdirs(root, names, MAX_GROUPS);
	int first = 0;
	for (int g = 0; g < n_groups; g++) {
		group *G = &groups[g];
		G->name = names[g];
		char *gdir = bpt_path(root, names[g]);
		char *cases[MAX_CASES];
		G->n = subdirs(gdir, cases, MAX_CASES);
		for (int i = 0; i < G->n; i++) {
			G->cases[i] = bpt_path(gdir, cases[i]);
			free(cases[i]);
		}
		free(gdir);
		TCase *tc = tcase_create(G->name);
		tcase_set_timeout(tc, 120);
		tcase_add_loop_test(tc, one_case, first, first + G->n);
		suite_add_tcase(s, tc);
		first += G->n;
	}
	free(root);
	return s;
}

int main(void)
{
	return bpt_main(make_suite);
}
