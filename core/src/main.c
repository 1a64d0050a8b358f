/* main.c — the command line: render, check, plugins, --help, --version.
 * Exit status: 0 done, 1 the document could not be produced, 2 bad usage,
 * configuration or data. */
#define _GNU_SOURCE
#include "batch.h"
#include "diag.h"
#include "plugins.h"
#include "render.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
        "usage: briefpack render JOB.cfg [-o OUT] [--data DOSSIER.cfg] [--only ID,...]\n"
        "                        [--skip ID,...] [--set PATH=VALUE]... [--plugin-dir DIR]... "
        "[-q|-v]\n"
        "       briefpack check  JOB.cfg [--data DOSSIER.cfg] [--set PATH=VALUE]... [--plugin-dir "
        "DIR]...\n"
        "       briefpack batch  JOB.cfg... | --job JOB.cfg DOSSIER.cfg... [--out-dir DIR] [-j N] ...\n"
    "       briefpack plugins [--describe NAME] [--plugin-dir DIR]...\n"
        "       briefpack --help | --version\n";

static const char help[] =
        "\n"
        "Turns a job file (which sections, page, theme, output) and a dossier (the facts of\n"
        "a visit or summit) into a PDF briefing pack; .png or .svg outputs give one file a page.\n"
        "\n"
        "  render     lay out and write the pack (JOB.cfg may be - for standard input)\n"
        "  check      check the job, the dossier and every section's options; draw nothing\n"
        "  plugins    list the plugins found, where, and their versions; --describe NAME\n"
        "             prints a plugin's options\n"
        "\n"
        "  -o OUT             output file (- for standard output); default: the job's output.file\n"
        "  --data FILE        use this dossier instead of the job's data\n"
        "  --only ID,...      draw only these sections (even if disabled in the job)\n"
        "  --skip ID,...      leave these sections out\n"
        "  --set PATH=VALUE   override a setting: --set document.classification=SECRET,\n"
        "                     --set sections.[2].enabled=false (list elements count from 0)\n"
        "  --plugin-dir DIR   look for plugins here too (before BRIEFPACK_PLUGIN_PATH)\n"
        "  -q, -v             quieter (errors only) or more verbose\n"
        "\n"
        "Exit status: 0 done; 1 the document could not be produced; 2 bad usage, configuration\n"
        "or data.  Errors are printed as FILE:LINE: message.\n";

typedef struct strv {
	const char **v;
	size_t n;
} strv;

static void push(strv *s, const char *x)
{
	s->v = realloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n++] = x;
}

/* "a,b" → a, b (the strings live as long as the process). */
static void push_split(strv *s, const char *list)
{
	char *copy = strdup(list), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
		push(s, t);
}

static int bad_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "briefpack: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage);
	return 2;
}

/* Matches "--name VALUE" and "--name=VALUE"; advances *i. */
static const char *value_of(int argc, char **argv, int *i, const char *name, int *missing)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n))
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

static int cmd_render(int argc, char **argv, int check_only)
{
	render_opts o = {.check_only = check_only};
	strv only = {0}, skip = {0}, sets = {0}, dirs = {0};
	int verbosity = 0;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i], *v;
		int missing = 0;
		if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
			verbosity = -1;
		else if (!strcmp(a, "-v") || !strcmp(a, "--verbose"))
			verbosity = 1;
		else if ((v = value_of(argc, argv, &i, "-o", &missing)) ||
		         (v = value_of(argc, argv, &i, "--output", &missing)))
			o.out = v;
		else if ((v = value_of(argc, argv, &i, "--data", &missing)))
			o.data = v;
		else if ((v = value_of(argc, argv, &i, "--only", &missing)))
			push_split(&only, v);
		else if ((v = value_of(argc, argv, &i, "--skip", &missing)))
			push_split(&skip, v);
		else if ((v = value_of(argc, argv, &i, "--set", &missing)))
			push(&sets, v);
		else if ((v = value_of(argc, argv, &i, "--plugin-dir", &missing)))
			push(&dirs, v);
		else if (missing)
			return bad_usage("%s needs a value", a);
		else if (a[0] == '-' && a[1])
			return bad_usage("unknown option '%s'", a);
		else if (!o.job_path)
			o.job_path = a;
		else
			return bad_usage("one job file at a time ('%s' is one too many)", a);
		if (missing)
			return bad_usage("%s needs a value", a);
	}
	if (!o.job_path)
		return bad_usage("%s needs a job file", argv[1]);
	diag_set_verbosity(verbosity);
	o.only = only.v, o.n_only = only.n;
	o.skip = skip.v, o.n_skip = skip.n;
	o.sets = sets.v, o.n_sets = sets.n;
	o.plugin_dirs = (char *const *)dirs.v, o.n_plugin_dirs = dirs.n;
	render_result res;
	int rc = render_run(&o, &res);
	if (rc == 0 && check_only && verbosity >= 0)
		fprintf(stderr, "%s: ok\n", o.job_path);
	else if (rc == 0 && verbosity > 0)
		fprintf(stderr, "briefpack: wrote %s (%d pages, %lld bytes)\n", res.output,
		        res.pages, res.bytes);
	free(only.v);
	free(skip.v);
	free(sets.v);
	free(dirs.v);
	return rc;
}

static int cmd_plugins(int argc, char **argv)
{
	strv dirs = {0};
	const char *describe = NULL;
	for (int i = 2; i < argc; i++) {
		const char *v;
		int missing = 0;
		if ((v = value_of(argc, argv, &i, "--describe", &missing)))
			describe = v;
		else if ((v = value_of(argc, argv, &i, "--plugin-dir", &missing)))
			push(&dirs, v);
		else if (missing)
			return bad_usage("%s needs a value", argv[i]);
		else
			return bad_usage("unknown argument '%s'", argv[i]);
	}
	plugin_path pp;
	plugin_path_init(&pp, NULL, 0, (char *const *)dirs.v, dirs.n);
	int rc = describe ? (plugin_describe(&pp, describe, stdout) < 0 ? 2 : 0)
	                  : (plugin_list(&pp, stdout) ? 1 : 0);
	plugin_path_free(&pp);
	free(dirs.v);
	return rc;
}

int main(int argc, char **argv)
{
	/* Numbers in cairo's tag attributes must use '.', whatever the user's
	 * locale (cairo 1.16 parses them with the C library's rules). */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	if (argc < 2)
		return bad_usage("%s", "what should I do?");
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		printf("%s%s", usage, help);
		return 0;
	}
	if (!strcmp(cmd, "--version")) {
		printf("briefpack %s (plugin interface %d.%d)\n", BP_VERSION, BP_ABI_MAJOR,
		       BP_ABI_MINOR);
		return 0;
	}
	if (!strcmp(cmd, "render"))
		return cmd_render(argc, argv, 0);
	if (!strcmp(cmd, "check"))
		return cmd_render(argc, argv, 1);
	if (!strcmp(cmd, "batch"))
		return batch_main(argc, argv);
	if (!strcmp(cmd, "plugins"))
		return cmd_plugins(argc, argv);
	return bad_usage("unknown command '%s'", cmd);
}
