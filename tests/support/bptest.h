/*
 * bptest.h — helpers shared by briefpack's Check suites: run the program,
 * capture its output and exit status, and read PDFs through poppler.
 */
#ifndef BPTEST_H
#define BPTEST_H

#include <check.h>
#include <stddef.h>

/* What a finished command left behind. */
typedef struct bpt_result {
	int status; /* exit status, or 128 + signal */
	char *out;  /* standard output, NUL-terminated */
	size_t out_len;
	char *err; /* standard error, NUL-terminated */
} bpt_result;

/* Runs a shell command line (sh -c) and captures everything. */
bpt_result bpt_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void bpt_free(bpt_result *r);

/* Paths handed in by ctest: the program, the source and build trees. */
const char *bpt_bin(void);
const char *bpt_src(void);
const char *bpt_build(void);
const char *bpt_plugin_dir(void);

/* A fresh empty folder under /tmp (removed at exit). */
const char *bpt_tmpdir(void);
/* Joins folder and name into a static-lifetime string (leaks, tests only). */
char *bpt_path(const char *dir, const char *name);

char *bpt_read(const char *path, size_t *len); /* NULL if missing */
void bpt_write(const char *path, const char *text);

/* Text of pages first..last (1-based; 0, 0 for all) via pdftotext. */
char *bpt_pdf_text(const char *pdf, int first, int last);
int bpt_pdf_pages(const char *pdf); /* pdfinfo's page count, -1 on error */
/* One pdfinfo field ("Title", "Author", ...) or NULL. */
char *bpt_pdf_info(const char *pdf, const char *field);

/* Occurrences of needle in the PDF's objects, all written out as plain
 * text (qpdf --qdf: briefpack packs dictionaries into compressed object
 * streams, and cairo compresses page contents). */
int bpt_pdf_count(const char *pdf, const char *needle);

/* Fails the test unless qpdf --check finds the PDF clean (no warnings). */
void bpt_assert_qpdf_clean(const char *pdf);

/* Counts occurrences of needle in hay. */
int bpt_count(const char *hay, const char *needle);

/* Runs the suite made by make() and returns the process exit status. */
int bpt_main(Suite *(*make)(void));

#endif
