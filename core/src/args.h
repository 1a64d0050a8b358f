/*
 * args.h — the small pieces of command-line parsing `render`, `check`,
 * `plugins` and `batch` share.
 */
#ifndef BP_ARGS_H
#define BP_ARGS_H

#include <glib.h>

/* Matches argv[*i] as "--name VALUE" or "--name=VALUE" and returns the
 * value (advancing *i past it), or NULL; sets *missing when the value is
 * absent. */
const char *args_value(int argc, char **argv, int *i, const char *name, int *missing);

/* Appends each non-empty item of "a,b,c" (copies) to a. */
void args_split(GPtrArray *a, const char *list);

/* Prints "PREFIX: message" and the usage text; returns 2 (bad usage). */
int args_bad_usage(const char *prefix, const char *usage, const char *fmt, const char *arg)
        __attribute__((format(printf, 3, 0)));

#endif
