/*
 * options.h — a section's options checked against its plugin's declared
 * schema (names, types, ranges, choices), with defaults filled in.
 */
#ifndef BP_OPTIONS_H
#define BP_OPTIONS_H

#include "plugins.h"

typedef struct opt_value {
	const bp_option *decl;
	const config_setting_t *set; /* the job's setting, or the default; NULL: unset */
	int given;                   /* set in the job file */
} opt_value;

/* Parses every declared default into p->defaults; -1 with the reason. */
int options_load_defaults(plugin *p, char *why, size_t n);

/* Checks the section group's plugin options; returns one value per declared
 * option (free it), or NULL after reporting each problem. */
opt_value *options_bind(const plugin *p, const config_setting_t *section, const char *id,
                        size_t *n);

/* The value of the declared option name, or NULL. */
const opt_value *options_get(const opt_value *v, size_t n, const char *name);

/* The keys every section takes, whatever its plugin. */
extern const char *const options_common_keys[];

#endif
