/*
 * render.h — one document from a job file: load and check everything, lay
 * the sections out, draw the pages and write the output atomically.
 * `check` stops after the checks; `batch` calls this once per job.
 */
#ifndef BP_RENDER_H
#define BP_RENDER_H

#include <stddef.h>

typedef struct render_opts {
	const char *job_path;
	const char *out;  /* -o, or NULL for the job's output.file */
	const char *data; /* --data, or NULL for the job's data */
	const char *const *only;
	size_t n_only;
	const char *const *skip;
	size_t n_skip;
	const char *const *sets;
	size_t n_sets;
	char *const *plugin_dirs;
	size_t n_plugin_dirs;
	int check_only;
} render_opts;

typedef struct render_result {
	int pages;
	long long bytes;
	char output[4096]; /* the path written (PDF), or the first page's */
} render_result;

/* Exit status: 0 done, 1 the document could not be produced, 2 bad usage,
 * configuration or data.  Problems are reported through diag. */
int render_run(const render_opts *o, render_result *res);

#endif
