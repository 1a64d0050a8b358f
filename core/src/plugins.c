/* plugins.c — see plugins.h. */
#define _GNU_SOURCE
#include "plugins.h"
#include "cfg.h"
#include "options.h"
#include "paths.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <glib.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Loaded plugins by real path, and failures, for the life of the process;
 * and by the path plugin_find() found them at (DIR/NAME.so), so that a
 * batch asks the file system once, not for every pack. */
static GHashTable *loaded, *found;

const char *plugin_opt_type_name(bp_opt_type t)
{
	switch (t) {
	case BP_OPT_BOOL:
		return "true or false";
	case BP_OPT_INT:
		return "an integer";
	case BP_OPT_FLOAT:
		return "a number";
	case BP_OPT_STRING:
		return "a string";
	case BP_OPT_STRING_LIST:
		return "a list of strings";
	case BP_OPT_INT_LIST:
		return "a list of integers";
	}
	return "?";
}

const char *plugin_builtin_dir(void)
{
	static char dir[4096];
	/* Build tree: plugins/ beside the program; installed:
	 * PREFIX/bin/briefpack and PREFIX/lib/briefpack/plugins. */
	snprintf(dir, sizeof dir, "%s/plugins", paths_exe_dir());
	if (paths_is_dir(dir))
		return dir;
	snprintf(dir, sizeof dir, "%s/../%s", paths_exe_dir(), BP_PLUGIN_INSTALL_REL);
	char *real = realpath(dir, NULL);
	if (real) {
		snprintf(dir, sizeof dir, "%s", real);
		free(real);
		return dir;
	}
	snprintf(dir, sizeof dir, "%s", BP_PLUGIN_INSTALL_DIR);
	return dir;
}

static void add_dir(plugin_path *pp, const char *d)
{
	if (!d[0])
		return;
	pp->dirs = realloc(pp->dirs, (pp->n + 1) * sizeof *pp->dirs);
	pp->dirs[pp->n++] = strdup(d);
}

void plugin_path_init(plugin_path *pp, char *const *job_dirs, size_t n_job, char *const *cli_dirs,
                      size_t n_cli)
{
	memset(pp, 0, sizeof *pp);
	for (size_t i = 0; i < n_job; i++)
		add_dir(pp, job_dirs[i]);
	for (size_t i = 0; i < n_cli; i++)
		add_dir(pp, cli_dirs[i]);
	const char *env = getenv("BRIEFPACK_PLUGIN_PATH");
	if (env) {
		char *copy = strdup(env), *save = NULL;
		for (char *t = strtok_r(copy, ":", &save); t; t = strtok_r(NULL, ":", &save))
			add_dir(pp, t);
		free(copy);
	}
	add_dir(pp, plugin_builtin_dir());
}

void plugin_path_free(plugin_path *pp)
{
	for (size_t i = 0; i < pp->n; i++)
		free(pp->dirs[i]);
	free(pp->dirs);
	memset(pp, 0, sizeof *pp);
}

/* Refuses files and folders anyone may write to, as ssh refuses such keys. */
static int unsafe(const char *path, char *why, size_t n)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		snprintf(why, n, "%s: %s", path, strerror(errno));
		return 1;
	}
	if ((st.st_mode & S_IWOTH) && !(S_ISDIR(st.st_mode) && (st.st_mode & S_ISVTX))) {
		snprintf(why, n,
		         "%s is writable by anyone; refusing to load plugins from it "
		         "(chmod o-w)",
		         path);
		return 1;
	}
	return 0;
}

/* Checks the descriptor before any plugin code runs. */
static int check_descriptor(const bp_plugin *d, const char *name, const char *path, char *why,
                            size_t n)
{
	if (d->abi_major != BP_ABI_MAJOR || d->abi_minor > BP_ABI_MINOR) {
		snprintf(why, n,
		         "%s was built for plugin interface %u.%u; this briefpack has interface "
		         "%d.%d",
		         path, d->abi_major, d->abi_minor, BP_ABI_MAJOR, BP_ABI_MINOR);
		return -1;
	}
	if (d->size < offsetof(bp_plugin, destroy) + sizeof d->destroy) {
		snprintf(why, n, "%s: its descriptor is %zu bytes, smaller than interface %u.%u's",
		         path, d->size, d->abi_major, d->abi_minor);
		return -1;
	}
	if (!d->name || strcmp(d->name, name)) {
		snprintf(why, n, "%s: its descriptor names it '%s', not '%s'", path,
		         d->name ? d->name : "(null)", name);
		return -1;
	}
	if (!d->create || !d->layout || !d->draw) {
		snprintf(why, n, "%s: its descriptor lacks create, layout or draw", path);
		return -1;
	}
	return 0;
}

static plugin *load(const char *path, const char *name, char *why, size_t n)
{
	if (!loaded)
		loaded = g_hash_table_new(g_str_hash, g_str_equal);
	char *real = realpath(path, NULL);
	if (!real) {
		snprintf(why, n, "%s: %s", path, strerror(errno));
		return NULL;
	}
	plugin *p = g_hash_table_lookup(loaded, real);
	if (p) {
		free(real);
		return p;
	}
	char *dir = cfg_dirname(real);
	int bad = unsafe(dir, why, n) || unsafe(real, why, n);
	free(dir);
	if (bad) {
		free(real);
		return NULL;
	}
	void *h = dlopen(real, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		snprintf(why, n, "%s", dlerror());
		free(real);
		return NULL;
	}
	char sym[128];
	snprintf(sym, sizeof sym, BP_PLUGIN_SYMBOL_PREFIX "%s", name);
	dlerror();
	const bp_plugin *d = dlsym(h, sym);
	if (dlerror() || !d) {
		snprintf(why, n,
		         "%s exports no descriptor %s (the file name must be the plugin's name)",
		         real, sym);
		free(real);
		return NULL; /* never dlclose: see style notes */
	}
	if (check_descriptor(d, name, real, why, n) < 0) {
		free(real);
		return NULL;
	}
	p = calloc(1, sizeof *p);
	p->name = strdup(name);
	p->path = real;
	p->desc = d;
	if (options_load_defaults(p, why, n) < 0) {
		free(p->name);
		free(p->path);
		free(p);
		return NULL;
	}
	g_hash_table_insert(loaded, p->path, p);
	return p;
}

const plugin *plugin_find(const plugin_path *pp, const char *name, char *why, size_t n)
{
	for (size_t i = 0; i < pp->n; i++) {
		char *path = g_strdup_printf("%s/%s.so", pp->dirs[i], name);
		const plugin *p = found ? g_hash_table_lookup(found, path) : NULL;
		if (p) {
			g_free(path);
			return p;
		}
		int exists = access(path, F_OK) == 0;
		p = exists ? load(path, name, why, n) : NULL;
		if (p) {
			if (!found)
				found = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
				                              NULL);
			g_hash_table_insert(found, path, (gpointer)p);
		} else {
			g_free(path);
		}
		if (exists)
			return p;
	}
	GString *where = g_string_new(NULL);
	for (size_t i = 0; i < pp->n; i++)
		g_string_append_printf(where, "%s%s", i ? ", " : "", pp->dirs[i]);
	snprintf(why, n, "no plugin '%s' (looked in %s)", name, where->str);
	g_string_free(where, TRUE);
	return NULL;
}

static int compare_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int plugin_list(const plugin_path *pp, FILE *out)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	int broken = 0;
	for (size_t i = 0; i < pp->n; i++) {
		DIR *d = opendir(pp->dirs[i]);
		if (!d)
			continue;
		GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
		for (struct dirent *e; (e = readdir(d));) {
			size_t len = strlen(e->d_name);
			if (len > 3 && !strcmp(e->d_name + len - 3, ".so"))
				g_ptr_array_add(names, g_strndup(e->d_name, len - 3));
		}
		closedir(d);
		qsort(names->pdata, names->len, sizeof(char *), compare_str);
		for (guint k = 0; k < names->len; k++) {
			const char *name = names->pdata[k];
			char *path = g_strdup_printf("%s/%s.so", pp->dirs[i], name);
			if (g_hash_table_contains(seen, name)) {
				fprintf(out, "%-20s (hidden by the one above)  %s\n", name, path);
			} else {
				char why[1024];
				const plugin *p = load(path, name, why, sizeof why);
				if (p)
					fprintf(out, "%-20s %-8s interface %u.%u  %s\n%20s %s\n",
					        name, p->desc->version ? p->desc->version : "?",
					        p->desc->abi_major, p->desc->abi_minor, p->path, "",
					        p->desc->summary ? p->desc->summary : "");
				else {
					fprintf(out, "%-20s BROKEN: %s\n", name, why);
					broken++;
				}
				g_hash_table_add(seen, g_strdup(name));
			}
			g_free(path);
		}
		g_ptr_array_free(names, TRUE);
	}
	g_hash_table_destroy(seen);
	fprintf(out, "searched: ");
	for (size_t i = 0; i < pp->n; i++)
		fprintf(out, "%s%s", i ? ":" : "", pp->dirs[i]);
	fputc('\n', out);
	return broken;
}

int plugin_describe(const plugin_path *pp, const char *name, FILE *out)
{
	char why[1024];
	const plugin *p = plugin_find(pp, name, why, sizeof why);
	if (!p) {
		fprintf(stderr, "briefpack: %s\n", why);
		return -1;
	}
	const bp_plugin *d = p->desc;
	fprintf(out,
	        "%s %s (interface %u.%u)\n%s\n%s\n\nOptions (besides plugin, id, title, "
	        "enabled, size, orientation):\n",
	        d->name, d->version ? d->version : "?", d->abi_major, d->abi_minor, p->path,
	        d->summary ? d->summary : "");
	int any = 0;
	for (const bp_option *o = d->options; o && o->name; o++) {
		any = 1;
		fprintf(out, "  %-18s %s", o->name, plugin_opt_type_name(o->type));
		if (o->choices)
			fprintf(out, ", one of %s", o->choices);
		if (o->min != o->max)
			fprintf(out, ", %g to %g", o->min, o->max);
		fprintf(out, "; default %s\n      %s\n", o->def ? o->def : "unset",
		        o->help ? o->help : "");
	}
	if (!any)
		fprintf(out, "  (none)\n");
	return 0;
}
