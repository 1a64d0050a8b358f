/*
 * job.h — the job file: document details, page, theme, dossier, output,
 * plugin folders and sections, checked and with defaults filled in.
 */
#ifndef BP_JOB_H
#define BP_JOB_H

#include <briefpack/plugin.h>
#include <libconfig.h>
#include <stddef.h>

typedef enum out_format { OUT_PDF, OUT_PNG, OUT_SVG } out_format;

typedef struct job_section {
	const config_setting_t *set; /* the section's group in the job file */
	const char *plugin;
	const char *id;
	const char *title; /* NULL: the plugin's own */
	int enabled;
	double page_w, page_h; /* points, orientation applied */
} job_section;

typedef struct job {
	config_t cfg;
	char *path; /* as given ("-" for standard input) */
	char *dir;  /* relative paths in the job resolve from here */
	bp_document doc;
	const char **keywords;
	int has_date; /* document.date given (else from SOURCE_DATE_EPOCH/today) */
	char date_buf[16];
	double page_w, page_h; /* points */
	double margin[4];      /* points: top, right, bottom, left */
	bp_theme theme;
	char **font_dirs;
	size_t n_font_dirs;
	char *data_path;                    /* NULL when data is inline */
	const config_setting_t *data_group; /* inline dossier */
	char *output;                       /* NULL: not set */
	out_format format;
	double dpi; /* PNG resolution */
	char **plugin_dirs;
	size_t n_plugin_dirs;
	job_section *sections;
	size_t n_sections;
} job;

/* Reads and checks a job file, applying each "PATH=VALUE" override first.
 * Returns NULL after reporting every problem found. */
job *job_load(const char *path, const char *const *sets, size_t n_sets);
void job_free(job *j);

/* Sets the output path (from -o) and its format; 0, or -1 after reporting. */
int job_set_output(job *j, const char *path);

/* Parses a page size ("A4", [210, 297]) and orientation from a group that
 * may hold `size` and `orientation`, starting from *w, *h; 0 or -1. */
int job_page_size(const config_setting_t *g, double *w, double *h);

#endif
