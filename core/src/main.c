/* main.c — the command line: render, check, plugins, --help, --version.
 * Exit status: 0 done, 1 the document could not be produced, 2 bad usage,
 * configuration or data. */
#define _GNU_SOURCE
#include "args.h"
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
        "       briefpack batch  JOB.cfg... | --job JOB.cfg DOSSIER.cfg... [--out-dir DIR] [-j N] "
        "...\n"
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

static int bad_usage(const char *fmt, const char *arg)
{
	return args_bad_usage("briefpack", usage, fmt, arg);
}

static int cmd_render(int argc, char **argv, int check_only)
{
	render_opts o = {.check_only = check_only};
	GPtrArray *only = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *skip = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *sets = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
	int verbosity = 0;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i], *v;
		int missing = 0;
		if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
			verbosity = -1;
		else if (!strcmp(a, "-v") || !strcmp(a, "--verbose"))
			verbosity = 1;
		else if ((v = args_value(argc, argv, &i, "-o", &missing)) ||
		         (v = args_value(argc, argv, &i, "--output", &missing)))
			o.out = v;
		else if ((v = args_value(argc, argv, &i, "--data", &missing)))
			o.data = v;
		else if ((v = args_value(argc, argv, &i, "--only", &missing)))
			args_split(only, v);
		else if ((v = args_value(argc, argv, &i, "--skip", &missing)))
			args_split(skip, v);
		else if ((v = args_value(argc, argv, &i, "--set", &missing)))
			g_ptr_array_add(sets, g_strdup(v));
		else if ((v = args_value(argc, argv, &i, "--plugin-dir", &missing)))
			g_ptr_array_add(dirs, g_strdup(v));
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
	o.only = (const char *const *)only->pdata, o.n_only = only->len;
	o.skip = (const char *const *)skip->pdata, o.n_skip = skip->len;
	o.sets = (const char *const *)sets->pdata, o.n_sets = sets->len;
	o.plugin_dirs = (char *const *)dirs->pdata, o.n_plugin_dirs = dirs->len;
	render_result res;
	int rc = render_run(&o, &res);
	if (rc == 0 && check_only && verbosity >= 0)
		fprintf(stderr, "%s: ok\n", o.job_path);
	else if (rc == 0 && verbosity > 0)
		fprintf(stderr, "briefpack: wrote %s (%d pages, %lld bytes)\n", res.output,
		        res.pages, res.bytes);
	g_ptr_array_free(only, TRUE);
	g_ptr_array_free(skip, TRUE);
	g_ptr_array_free(sets, TRUE);
	g_ptr_array_free(dirs, TRUE);
	return rc;
}

static int cmd_plugins(int argc, char **argv)
{
	GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
	const char *describe = NULL;
	for (int i = 2; i < argc; i++) {
		const char *v;
		int missing = 0;
		if ((v = args_value(argc, argv, &i, "--describe", &missing)))
			describe = v;
		else if ((v = args_value(argc, argv, &i, "--plugin-dir", &missing)))
			g_ptr_array_add(dirs, g_strdup(v));
		else if (missing)
			return bad_usage("%s needs a value", argv[i]);
		else
			return bad_usage("unknown argument '%s'", argv[i]);
	}
	plugin_path pp;
	plugin_path_init(&pp, NULL, 0, (char *const *)dirs->pdata, dirs->len);
	int rc = describe ? (plugin_describe(&pp, describe, stdout) < 0 ? 2 : 0)
	                  : (plugin_list(&pp, stdout) ? 1 : 0);
	plugin_path_free(&pp);
	g_ptr_array_free(dirs, TRUE);
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
