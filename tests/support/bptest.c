/* bptest.c — see bptest.h. */
#define _GNU_SOURCE
#include "bptest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *slurp_fd(FILE *f, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n - 1 == 0)
			buf = realloc(buf, cap *= 2);
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

bpt_result bpt_sh(const char *fmt, ...)
{
	bpt_result r = {0};
	char *cmd, errpath[] = "/tmp/bpt-err-XXXXXX";
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&cmd, fmt, ap) < 0)
		abort();
	va_end(ap);
	int efd = mkstemp(errpath);
	close(efd);
	char *full;
	if (asprintf(&full, "( %s ) 2>%s", cmd, errpath) < 0)
		abort();
	FILE *p = popen(full, "r");
	r.out = slurp_fd(p, &r.out_len);
	int st = pclose(p);
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	r.err = bpt_read(errpath, NULL);
	unlink(errpath);
	free(full);
	free(cmd);
	return r;
}

void bpt_free(bpt_result *r)
{
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof *r);
}

static const char *env_or(const char *name, const char *def)
{
	const char *v = getenv(name);
	return v && *v ? v : def;
}

const char *bpt_bin(void)
{
	return env_or("BP_BIN", "briefpack");
}
const char *bpt_src(void)
{
	return env_or("BP_SOURCE_DIR", ".");
}
const char *bpt_build(void)
{
	return env_or("BP_BUILD_DIR", ".");
}
const char *bpt_plugin_dir(void)
{
	return env_or("BP_PLUGIN_DIR", "plugins");
}

static char tmp_root[64];
static pid_t tmp_owner;

static void remove_tmp(void)
{
	/* Only the process that made the folder removes it (Check forks). */
	if (tmp_root[0] && tmp_owner == getpid()) {
		char *cmd;
		if (asprintf(&cmd, "rm -rf '%s'", tmp_root) >= 0) {
			if (system(cmd) != 0)
				fprintf(stderr, "could not remove %s\n", tmp_root);
			free(cmd);
		}
	}
}

const char *bpt_tmpdir(void)
{
	static int serial;
	if (!tmp_root[0] || tmp_owner != getpid()) {
		strcpy(tmp_root, "/tmp/bpt-XXXXXX");
		if (!mkdtemp(tmp_root))
			abort();
		tmp_owner = getpid();
		atexit(remove_tmp);
	}
	char *dir;
	if (asprintf(&dir, "%s/%d", tmp_root, ++serial) < 0 || mkdir(dir, 0755) != 0)
		abort();
	return dir;
}

char *bpt_path(const char *dir, const char *name)
{
	char *p;
	if (asprintf(&p, "%s/%s", dir, name) < 0)
		abort();
	return p;
}

char *bpt_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *s = slurp_fd(f, len);
	fclose(f);
	return s;
}

void bpt_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		abort();
}

char *bpt_pdf_text(const char *pdf, int first, int last)
{
	bpt_result r;
	if (first > 0)
		r = bpt_sh("pdftotext -f %d -l %d '%s' -", first, last, pdf);
	else
		r = bpt_sh("pdftotext '%s' -", pdf);
	free(r.err);
	if (r.status != 0) {
		free(r.out);
		return NULL;
	}
	return r.out;
}

char *bpt_pdf_info(const char *pdf, const char *field)
{
	bpt_result r = bpt_sh("pdfinfo '%s'", pdf);
	char *val = NULL;
	size_t fl = strlen(field);
	for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strncmp(line, field, fl) && line[fl] == ':') {
			char *v = line + fl + 1;
			while (*v == ' ')
				v++;
			val = strdup(v);
			break;
		}
	}
	bpt_free(&r);
	return val;
}

int bpt_pdf_pages(const char *pdf)
{
	char *v = bpt_pdf_info(pdf, "Pages");
	int n = v ? atoi(v) : -1;
	free(v);
	return n;
}

int bpt_pdf_count(const char *pdf, const char *needle)
{
	bpt_result r = bpt_sh("qpdf --qdf --object-streams=disable '%s' -", pdf);
	ck_assert_msg(r.status == 0 && r.out_len > 0, "qpdf cannot read %s: %s", pdf, r.err);
	int n = 0;
	size_t nl = strlen(needle);
	for (const char *p = r.out, *end = r.out + r.out_len;
	     (p = memmem(p, (size_t)(end - p), needle, nl)) != NULL; p += nl)
		n++;
	bpt_free(&r);
	return n;
}

void bpt_assert_qpdf_clean(const char *pdf)
{
	bpt_result r = bpt_sh("qpdf --check '%s'", pdf);
	ck_assert_msg(r.status == 0 && !strstr(r.out, "WARNING") && !strstr(r.err, "WARNING"),
	              "%.300s%.300s", r.out, r.err);
	bpt_free(&r);
}

int bpt_count(const char *hay, const char *needle)
{
	int n = 0;
	size_t nl = strlen(needle);
	if (!hay || !nl)
		return 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + nl, needle))
		n++;
	return n;
}

/* Under LeakSanitizer (BP_SANITIZE) the test drivers themselves are not
 * leak-checked: they leak by design (bpt_path, bpt_tmpdir), and glibc's
 * asprintf defeats the fast unwinder that suppressions would need.  The
 * program they run is checked as usual. */
int __lsan_is_turned_off(void);
int __lsan_is_turned_off(void)
{
	return 1;
}

int bpt_main(Suite *(*make)(void))
{
	SRunner *sr = srunner_create(make());
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
