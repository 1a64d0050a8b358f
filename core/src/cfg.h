/*
 * cfg.h — reading libconfig files the way briefpack needs: paths relative to
 * the file, standard input, integers that libconfig would silently wrap,
 * and typed lookups that report "FILE:LINE: message" on every misuse
 * (wrong type, invalid UTF-8, out of range, unknown key with a suggestion).
 */
#ifndef BP_CFG_H
#define BP_CFG_H

#include <libconfig.h>
#include <stddef.h>

enum { CFG_MAX_FILE = 64 << 20, CFG_MAX_STRING = 1 << 20, CFG_MAX_LIST = 10000 };

/* Reads path ("-" for standard input) into c; @include paths resolve from
 * the file's folder.  Reports problems and returns -1 on failure. */
int cfg_load(config_t *c, const char *path);

/* The folder holding path ("." for a bare name or "-"); malloc'd. */
char *cfg_dirname(const char *path);
/* name resolved against dir unless absolute; malloc'd. */
char *cfg_resolve(const char *dir, const char *name);

/* Reports every member of group whose name is not in known (NULL-ended),
 * with the nearest known name.  Returns the number reported. */
int cfg_check_keys(const config_setting_t *group, const char *const *known, const char *what);
/* The member of known nearest to name, or NULL if none is close. */
const char *cfg_nearest(const char *name, const char *const *known);

/* Typed lookups of a member of group.  Each returns 1 when found and valid
 * (writing *out), 0 when absent (out untouched), -1 after reporting a
 * problem.  A required member that is absent is reported by cfg_require. */
int cfg_string(const config_setting_t *g, const char *name, const char **out);
int cfg_bool(const config_setting_t *g, const char *name, int *out);
int cfg_int(const config_setting_t *g, const char *name, long min, long max, long *out);
int cfg_number(const config_setting_t *g, const char *name, double min, double max, double *out);
/* A list or array of strings: *out is a malloc'd array (free it). */
int cfg_strings(const config_setting_t *g, const char *name, const char ***out, size_t *n);
int cfg_require(const config_setting_t *g, const char *name, const char *what);

/* Checks one string setting's text (UTF-8, length); reports; 0 or -1. */
int cfg_check_text(const config_setting_t *s, const char *text);
/* A setting's value as a number (int or float); 0 if it is neither. */
int cfg_as_number(const config_setting_t *s, double *out);
const char *cfg_type_name(int type);

/* Parses "#RRGGBB" into r, g, b in 0..1; 0 or -1. */
int cfg_parse_color(const char *s, double rgb[3]);

#endif
