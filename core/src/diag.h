/*
 * diag.h — how briefpack reports problems: "FILE:LINE: message" on standard
 * error, counted, with a cap so a badly broken file does not flood the
 * terminal.  The first error is kept for batch reports.
 */
#ifndef BP_DIAG_H
#define BP_DIAG_H

#include <libconfig.h>

enum { DIAG_MAX_ERRORS = 50 };

/* Verbosity: -1 quiet (errors only), 0 normal, 1 verbose. */
void diag_set_verbosity(int v);

/* file may be NULL (no location) and line 0 (file only). */
void diag_error(const char *file, int line, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
void diag_warn(const char *file, int line, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* At a libconfig setting's location (its file, or the fallback name). */
void diag_error_at(const config_setting_t *s, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
/* The name used for settings read from a string (standard input, --set). */
void diag_set_fallback_file(const config_t *cfg, const char *name);

int diag_errors(void);
const char *diag_first_error(void); /* "" if none */
/* A new document begins: no errors yet, no fallback names. */
void diag_reset(void);

#endif
