/*
 * plugins.h — finding, loading and checking section plugins.  A plugin is
 * NAME.so exporting the descriptor briefpack_plugin_NAME; it is opened once
 * with RTLD_NOW | RTLD_LOCAL, checked before any of its code runs, and never
 * closed.
 */
#ifndef BP_PLUGINS_H
#define BP_PLUGINS_H

#include <briefpack/plugin.h>
#include <libconfig.h>
#include <stdio.h>

typedef struct plugin {
	char *name;
	char *path;
	const bp_plugin *desc;
	config_t defaults; /* each option's default, parsed from the descriptor */
} plugin;

typedef struct plugin_path {
	char **dirs; /* in search order */
	size_t n;
} plugin_path;

/* The search order: the job's plugin_dirs, each --plugin-dir, the folders
 * of BRIEFPACK_PLUGIN_PATH, then the built-in folder. */
void plugin_path_init(plugin_path *pp, char *const *job_dirs, size_t n_job, char *const *cli_dirs,
                      size_t n_cli);
void plugin_path_free(plugin_path *pp);

/* The built-in folder (beside the program in a build tree, or
 * PREFIX/lib/briefpack/plugins once installed). */
const char *plugin_builtin_dir(void);

/* Finds and loads the plugin NAME (loaded plugins are kept for the life of
 * the process).  NULL with the reason in why. */
const plugin *plugin_find(const plugin_path *pp, const char *name, char *why, size_t n);

/* `briefpack plugins`: every plugin found, broken ones with the reason. */
int plugin_list(const plugin_path *pp, FILE *out);
/* `briefpack plugins --describe NAME`: its option schema.  0, or -1. */
int plugin_describe(const plugin_path *pp, const char *name, FILE *out);

/* The type of an option in words ("a list of integers"). */
const char *plugin_opt_type_name(bp_opt_type t);

#endif
