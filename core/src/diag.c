/* diag.c — see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int verbosity;
static int n_errors;
static char first_error[512];

/* Settings read from a string have no file name; libconfig gives NULL.  A
 * few configs (stdin, --set) register the name to show instead. */
static struct {
	const config_t *cfg;
	const char *name;
} fallback[4];

void diag_set_verbosity(int v)
{
	verbosity = v;
}

static void emit(const char *kind, const char *file, int line, const char *fmt, va_list ap)
{
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	char loc[600] = "";
	if (file && line > 0)
		snprintf(loc, sizeof loc, "%s:%d: ", file, line);
	else if (file)
		snprintf(loc, sizeof loc, "%s: ", file);
	if (kind == NULL) {
		if (!first_error[0])
			snprintf(first_error, sizeof first_error, "%.200s%.300s", loc, msg);
		if (++n_errors == DIAG_MAX_ERRORS + 1)
			fprintf(stderr, "briefpack: too many errors; stopping the list here\n");
		if (n_errors > DIAG_MAX_ERRORS)
			return;
		fprintf(stderr, "%s%s\n", loc, msg);
	} else if (verbosity >= 0) {
		fprintf(stderr, "%s%s: %s\n", loc, kind, msg);
	}
}

void diag_error(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(NULL, file, line, fmt, ap);
	va_end(ap);
}

void diag_warn(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("warning", file, line, fmt, ap);
	va_end(ap);
}

void diag_set_fallback_file(const config_t *cfg, const char *name)
{
	for (size_t i = 0; i < sizeof fallback / sizeof *fallback; i++) {
		if (!fallback[i].cfg || fallback[i].cfg == cfg) {
			fallback[i].cfg = cfg;
			fallback[i].name = name;
			return;
		}
	}
}

static const char *file_of(const config_setting_t *s)
{
	const char *f = config_setting_source_file(s);
	if (f)
		return f;
	for (size_t i = 0; i < sizeof fallback / sizeof *fallback; i++)
		if (fallback[i].cfg && fallback[i].cfg == s->config)
			return fallback[i].name;
	return "<input>";
}

void diag_error_at(const config_setting_t *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(NULL, file_of(s), (int)config_setting_source_line(s), fmt, ap);
	va_end(ap);
}

int diag_errors(void)
{
	return n_errors;
}

const char *diag_first_error(void)
{
	return first_error;
}

void diag_reset(void)
{
	n_errors = 0;
	first_error[0] = '\0';
	/* The configs named belong to the document just finished; a batch
	 * worker would otherwise fill the table with stale ones. */
	memset(fallback, 0, sizeof fallback);
}
