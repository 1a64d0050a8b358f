/* job.c — see job.h. */
#define _GNU_SOURCE
#include "job.h"
#include "cfg.h"
#include "diag.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MM (72.0 / 25.4)

static const char *const top_keys[] = {"version", "document",    "page",     "theme", "data",
                                       "output",  "plugin_dirs", "sections", NULL};

/* ---- --set PATH=VALUE ------------------------------------------------ */

/* Copies a parsed value (any type, recursively) into a new member. */
static void copy_value(config_setting_t *dst, const config_setting_t *src)
{
	switch (config_setting_type(src)) {
	case CONFIG_TYPE_INT:
		config_setting_set_int(dst, config_setting_get_int(src));
		break;
	case CONFIG_TYPE_INT64:
		config_setting_set_int64(dst, config_setting_get_int64(src));
		break;
	case CONFIG_TYPE_FLOAT:
		config_setting_set_float(dst, config_setting_get_float(src));
		break;
	case CONFIG_TYPE_BOOL:
		config_setting_set_bool(dst, config_setting_get_bool(src));
		break;
	case CONFIG_TYPE_STRING:
		config_setting_set_string(dst, config_setting_get_string(src));
		break;
	default:
		for (int i = 0; i < config_setting_length(src); i++) {
			const config_setting_t *e = config_setting_get_elem(src, (unsigned)i);
			config_setting_t *ne = config_setting_add(dst, config_setting_name(e),
			                                          config_setting_type(e));
			if (ne)
				copy_value(ne, e);
		}
	}
}

static int apply_set(config_t *c, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg) {
		diag_error("--set", 0, "expected PATH=VALUE, got '%s'", arg);
		return -1;
	}
	char *path = strndup(arg, (size_t)(eq - arg));
	const char *value = eq + 1;
	/* The value in libconfig syntax; anything that does not parse is text. */
	config_t tmp;
	config_init(&tmp);
	char *src;
	if (asprintf(&src, "v = %s;", value) < 0)
		abort();
	int ok = config_read_string(&tmp, src);
	free(src);
	if (!ok) {
		config_destroy(&tmp);
		config_init(&tmp);
		config_setting_set_string(
		        config_setting_add(config_root_setting(&tmp), "v", CONFIG_TYPE_STRING),
		        value);
	}
	const config_setting_t *val = config_lookup(&tmp, "v");

	/* Walk the path, creating groups for missing named members. */
	config_setting_t *cur = config_root_setting(c);
	int rc = 0;
	char *save = NULL;
	char *parts = strdup(path);
	char *tok = strtok_r(parts, ".", &save);
	while (tok) {
		char *next = strtok_r(NULL, ".", &save);
		config_setting_t *child;
		if (tok[0] == '[') {
			char *end;
			long idx = strtol(tok + 1, &end, 10);
			child = (*end == ']' && idx >= 0)
			                ? config_setting_get_elem(cur, (unsigned)idx)
			                : NULL;
			if (!child || !next) {
				diag_error("--set", 0, "'%s': there is no element %s to set", path,
				           tok);
				rc = -1;
				break;
			}
		} else {
			child = config_setting_get_member(cur, tok);
			if (child && !next) {
				config_setting_remove(cur, tok);
				child = NULL;
			}
			if (!child) {
				if (config_setting_type(cur) != CONFIG_TYPE_GROUP) {
					diag_error("--set", 0, "'%s': '%s' is not inside a group",
					           path, tok);
					rc = -1;
					break;
				}
				child = config_setting_add(cur, tok,
				                           next ? CONFIG_TYPE_GROUP
				                                : config_setting_type(val));
				if (!child) {
					diag_error("--set", 0, "'%s': '%s' is not a valid name",
					           path, tok);
					rc = -1;
					break;
				}
				if (!next)
					copy_value(child, val);
			}
		}
		cur = child;
		tok = next;
	}
	free(parts);
	free(path);
	config_destroy(&tmp);
	return rc;
}

/* ---- pieces of the job ------------------------------------------------ */

int job_page_size(const config_setting_t *g, double *w, double *h)
{
	static const struct {
		const char *name;
		double w, h;
	} sizes[] = {{"A3", 297, 420},
	             {"A4", 210, 297},
	             {"A5", 148, 210},
	             {"Letter", 215.9, 279.4},
	             {"Legal", 215.9, 355.6}};
	const config_setting_t *s = config_setting_get_member(g, "size");
	int rc = 0;
	if (s && config_setting_type(s) == CONFIG_TYPE_STRING) {
		const char *name = config_setting_get_string(s);
		size_t i;
		for (i = 0; i < sizeof sizes / sizeof *sizes; i++)
			if (!g_ascii_strcasecmp(name, sizes[i].name))
				break;
		if (i == sizeof sizes / sizeof *sizes) {
			diag_error_at(s,
			              "unknown page size \"%s\" (A3, A4, A5, Letter, Legal, or "
			              "[width, height] in mm)",
			              name);
			rc = -1;
		} else {
			*w = sizes[i].w * MM;
			*h = sizes[i].h * MM;
		}
	} else if (s) {
		double v[2];
		int t = config_setting_type(s);
		if ((t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST) ||
		    config_setting_length(s) != 2 ||
		    !cfg_as_number(config_setting_get_elem(s, 0), &v[0]) ||
		    !cfg_as_number(config_setting_get_elem(s, 1), &v[1])) {
			diag_error_at(s,
			              "page size must be a name (\"A4\") or [width, height] in mm");
			rc = -1;
		} else if (v[0] < 50 || v[1] < 50 || v[0] > 2000 || v[1] > 2000) {
			diag_error_at(s, "page size [%g, %g] mm is out of range (50 to 2000 mm)",
			              v[0], v[1]);
			rc = -1;
		} else {
			*w = v[0] * MM;
			*h = v[1] * MM;
		}
	}
	const char *orient = NULL;
	int r = cfg_string(g, "orientation", &orient);
	if (r < 0)
		rc = -1;
	if (r > 0) {
		int landscape = !strcmp(orient, "landscape");
		if (!landscape && strcmp(orient, "portrait")) {
			diag_error_at(
			        config_setting_get_member(g, "orientation"),
			        "orientation must be \"portrait\" or \"landscape\", not \"%s\"",
			        orient);
			rc = -1;
		} else if (landscape != (*w > *h)) {
			double t = *w;
			*w = *h;
			*h = t;
		}
	}
	return rc;
}

static int load_document(job *j, const config_setting_t *root)
{
	static const char *const keys[] = {"title",        "subtitle",       "author",
	                                   "organisation", "classification", "date",
	                                   "language",     "keywords",       NULL};
	bp_document *d = &j->doc;
	d->size = sizeof *d;
	d->language = "en";
	const config_setting_t *g = config_setting_get_member(root, "document");
	int bad = 0;
	if (g && config_setting_type(g) != CONFIG_TYPE_GROUP) {
		diag_error_at(g, "'document' must be a group { ... }");
		return -1;
	}
	if (g) {
		bad += cfg_check_keys(g, keys, "document");
		bad += cfg_string(g, "title", &d->title) < 0;
		bad += cfg_string(g, "subtitle", &d->subtitle) < 0;
		bad += cfg_string(g, "author", &d->author) < 0;
		bad += cfg_string(g, "organisation", &d->organisation) < 0;
		bad += cfg_string(g, "classification", &d->classification) < 0;
		bad += cfg_string(g, "language", &d->language) < 0;
		if (strcmp(d->language, "en") && strcmp(d->language, "ru")) {
			diag_error_at(config_setting_get_member(g, "language"),
			              "language must be \"en\" or \"ru\", not \"%s\"", d->language);
			bad++;
		}
		const char *date = NULL;
		bad += cfg_string(g, "date", &date) < 0;
		if (date) {
			int y, m, dd, n = 0;
			if (sscanf(date, "%4d-%2d-%2d%n", &y, &m, &dd, &n) == 3 && n == 10 &&
			    !date[n] &&
			    g_date_valid_dmy((GDateDay)dd, (GDateMonth)m, (GDateYear)y)) {
				snprintf(j->date_buf, sizeof j->date_buf, "%s", date);
				j->has_date = 1;
			} else {
				diag_error_at(config_setting_get_member(g, "date"),
				              "date must be a real date YYYY-MM-DD, not \"%s\"",
				              date);
				bad++;
			}
		}
		size_t n;
		int r = cfg_strings(g, "keywords", &j->keywords, &n);
		bad += r < 0;
		if (r > 0) {
			d->keywords = j->keywords;
			d->n_keywords = n;
		}
	}
	if (!j->has_date) {
		const char *sde = getenv("SOURCE_DATE_EPOCH");
		time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(j->date_buf, sizeof j->date_buf, "%Y-%m-%d", &tm);
	}
	d->date = j->date_buf;
	return bad ? -1 : 0;
}

static int load_page(job *j, const config_setting_t *root)
{
	static const char *const keys[] = {"size", "orientation", "margins", NULL};
	j->page_w = 210 * MM;
	j->page_h = 297 * MM;
	double m[4] = {18, 15, 18, 15};
	const config_setting_t *g = config_setting_get_member(root, "page");
	int bad = 0;
	if (g && config_setting_type(g) != CONFIG_TYPE_GROUP) {
		diag_error_at(g, "'page' must be a group { ... }");
		return -1;
	}
	if (g) {
		bad += cfg_check_keys(g, keys, "page");
		bad += job_page_size(g, &j->page_w, &j->page_h) < 0;
		const config_setting_t *ms = config_setting_get_member(g, "margins");
		if (ms) {
			int t = config_setting_type(ms), n = config_setting_length(ms);
			int ok = (t == CONFIG_TYPE_ARRAY || t == CONFIG_TYPE_LIST) &&
			         (n == 4 || n == 1);
			for (int i = 0; ok && i < n; i++)
				ok = cfg_as_number(config_setting_get_elem(ms, (unsigned)i),
				                   &m[i]) &&
				     m[i] >= 0;
			if (ok && n == 1)
				m[1] = m[2] = m[3] = m[0];
			if (!ok) {
				diag_error_at(ms,
				              "margins must be [top, right, bottom, left] in mm");
				bad++;
			}
		}
	}
	for (int i = 0; i < 4; i++)
		j->margin[i] = m[i] * MM;
	return bad ? -1 : 0;
}

/* Checks margins against one page size (the job's or a section's). */
static int check_margins(const job *j, const config_setting_t *where, double w, double h)
{
	if (j->margin[0] + j->margin[2] >= h / 2 || j->margin[1] + j->margin[3] >= w / 2) {
		diag_error_at(where, "the margins take half the page or more");
		return -1;
	}
	return 0;
}

static int color_key(const config_setting_t *g, const char *key, bp_color *out)
{
	const char *s = NULL;
	int r = cfg_string(g, key, &s);
	if (r <= 0)
		return r;
	double rgb[3];
	if (cfg_parse_color(s, rgb) < 0) {
		diag_error_at(config_setting_get_member(g, key),
		              "'%s' must be a colour \"#RRGGBB\", not \"%s\"", key, s);
		return -1;
	}
	*out = (bp_color){rgb[0], rgb[1], rgb[2]};
	return 1;
}

static int load_theme(job *j, const config_setting_t *root)
{
	static const char *const keys[] = {"font",   "heading_font", "size", "accent",
	                                   "colors", "font_dirs",    NULL};
	static const char *const color_keys[] = {"text", "muted", "grid", "banner", NULL};
	bp_theme *t = &j->theme;
	t->size = sizeof *t;
	t->font = "Noto Sans";
	t->body_size = 9.5;
	t->accent = (bp_color){0x1F / 255.0, 0x4E / 255.0, 0x79 / 255.0};
	t->text = (bp_color){0x22 / 255.0, 0x22 / 255.0, 0x22 / 255.0};
	t->muted = (bp_color){0x6B / 255.0, 0x6B / 255.0, 0x6B / 255.0};
	t->grid = (bp_color){0xC8 / 255.0, 0xC8 / 255.0, 0xC8 / 255.0};
	t->banner = (bp_color){0xB0 / 255.0, 0x00 / 255.0, 0x20 / 255.0};
	const config_setting_t *g = config_setting_get_member(root, "theme");
	int bad = 0;
	if (g && config_setting_type(g) != CONFIG_TYPE_GROUP) {
		diag_error_at(g, "'theme' must be a group { ... }");
		return -1;
	}
	if (g) {
		bad += cfg_check_keys(g, keys, "theme");
		bad += cfg_string(g, "font", &t->font) < 0;
		bad += cfg_string(g, "heading_font", &t->heading_font) < 0;
		bad += cfg_number(g, "size", 4, 72, &t->body_size) < 0;
		bad += color_key(g, "accent", &t->accent) < 0;
		const config_setting_t *c = config_setting_get_member(g, "colors");
		if (c && config_setting_type(c) != CONFIG_TYPE_GROUP) {
			diag_error_at(c, "'colors' must be a group { text = \"#222222\"; ... }");
			bad++;
		} else if (c) {
			bad += cfg_check_keys(c, color_keys, "theme.colors");
			bad += color_key(c, "text", &t->text) < 0;
			bad += color_key(c, "muted", &t->muted) < 0;
			bad += color_key(c, "grid", &t->grid) < 0;
			bad += color_key(c, "banner", &t->banner) < 0;
		}
		const char **dirs;
		size_t n;
		int r = cfg_strings(g, "font_dirs", &dirs, &n);
		bad += r < 0;
		if (r > 0) {
			j->font_dirs = calloc(n + 1, sizeof *j->font_dirs);
			for (size_t i = 0; i < n; i++)
				j->font_dirs[i] = cfg_resolve(j->dir, dirs[i]);
			j->n_font_dirs = n;
			free(dirs);
		}
	}
	if (!t->heading_font)
		t->heading_font = t->font;
	return bad ? -1 : 0;
}

int job_set_output(job *j, const char *path)
{
	free(j->output);
	j->output = strdup(path);
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!strcmp(path, "-"))
		j->format = OUT_PDF;
	else if (dot && (!slash || dot > slash) && !g_ascii_strcasecmp(dot, ".pdf"))
		j->format = OUT_PDF;
	else if (dot && (!slash || dot > slash) && !g_ascii_strcasecmp(dot, ".png"))
		j->format = OUT_PNG;
	else if (dot && (!slash || dot > slash) && !g_ascii_strcasecmp(dot, ".svg"))
		j->format = OUT_SVG;
	else {
		diag_error(NULL, 0, "output '%s' must end in .pdf, .png or .svg", path);
		return -1;
	}
	return 0;
}

static int load_output(job *j, const config_setting_t *root)
{
	static const char *const keys[] = {"file", "dpi", NULL};
	j->dpi = 150;
	const config_setting_t *g = config_setting_get_member(root, "output");
	if (!g)
		return 0;
	if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
		diag_error_at(g, "'output' must be a group { file = \"briefing.pdf\"; }");
		return -1;
	}
	int bad = cfg_check_keys(g, keys, "output");
	const char *file = NULL;
	bad += cfg_string(g, "file", &file) < 0;
	bad += cfg_number(g, "dpi", 18, 1200, &j->dpi) < 0;
	if (file) {
		char *p = cfg_resolve(j->dir, file);
		if (job_set_output(j, p) < 0) {
			diag_error_at(config_setting_get_member(g, "file"),
			              "the output file must end in .pdf, .png or .svg");
			bad++;
		}
		free(p);
	}
	return bad ? -1 : 0;
}

static int valid_plugin_name(const char *s)
{
	if (!g_ascii_islower(*s))
		return 0;
	for (; *s; s++)
		if (!g_ascii_islower(*s) && !g_ascii_isdigit(*s) && *s != '_')
			return 0;
	return 1;
}

static int load_sections(job *j, const config_setting_t *root)
{
	const config_setting_t *list = config_setting_get_member(root, "sections");
	if (!list) {
		diag_error_at(root, "the job has no 'sections' (a list of { plugin = \"...\"; })");
		return -1;
	}
	if (config_setting_type(list) != CONFIG_TYPE_LIST) {
		diag_error_at(list, "'sections' must be a list ( { plugin = \"cover\"; }, ... )");
		return -1;
	}
	int n = config_setting_length(list), bad = 0;
	if (n > 1000) {
		diag_error_at(list, "a job has at most 1000 sections");
		return -1;
	}
	j->sections = calloc((size_t)n + 1, sizeof *j->sections);
	GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		job_section *s = &j->sections[j->n_sections];
		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			diag_error_at(g, "each section must be a group { plugin = \"...\"; }");
			bad++;
			continue;
		}
		s->set = g;
		s->enabled = 1;
		if (cfg_require(g, "plugin", "a section") < 0 ||
		    cfg_string(g, "plugin", &s->plugin) < 0) {
			bad++;
			continue;
		}
		if (!valid_plugin_name(s->plugin)) {
			diag_error_at(
			        config_setting_get_member(g, "plugin"),
			        "'%s' is not a plugin name (lower-case letters, digits and _, "
			        "starting with a letter)",
			        s->plugin);
			bad++;
			continue;
		}
		s->id = s->plugin;
		bad += cfg_string(g, "id", &s->id) < 0;
		if (!s->id[0] || strlen(s->id) > 64 ||
		    strspn(s->id, "abcdefghijklmnopqrstuvwxyz"
		                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		                  "0123456789_-") != strlen(s->id)) {
			diag_error_at(g,
			              "section id '%s' may hold only letters, digits, '_' and '-'",
			              s->id);
			bad++;
		}
		if (g_hash_table_contains(ids, s->id)) {
			diag_error_at(g, "two sections have the id '%s'; give one an id = \"...\"",
			              s->id);
			bad++;
		}
		g_hash_table_add(ids, (char *)s->id);
		bad += cfg_string(g, "title", &s->title) < 0;
		bad += cfg_bool(g, "enabled", &s->enabled) < 0;
		s->page_w = j->page_w;
		s->page_h = j->page_h;
		if (job_page_size(g, &s->page_w, &s->page_h) < 0)
			bad++;
		else
			bad += check_margins(j, g, s->page_w, s->page_h) < 0;
		j->n_sections++;
	}
	g_hash_table_destroy(ids);
	return bad ? -1 : 0;
}

static char **resolve_list(job *j, const config_setting_t *root, const char *key, size_t *n,
                           int *bad)
{
	const char **v;
	int r = cfg_strings(root, key, &v, n);
	if (r < 0)
		(*bad)++;
	if (r <= 0)
		return NULL;
	char **out = calloc(*n + 1, sizeof *out);
	for (size_t i = 0; i < *n; i++)
		out[i] = cfg_resolve(j->dir, v[i]);
	free(v);
	return out;
}

job *job_load(const char *path, const char *const *sets, size_t n_sets)
{
	job *j = calloc(1, sizeof *j);
	j->path = strdup(path);
	j->dir = cfg_dirname(path);
	if (cfg_load(&j->cfg, path) < 0) {
		free(j->path);
		free(j->dir);
		free(j);
		return NULL;
	}
	int bad = 0;
	for (size_t i = 0; i < n_sets; i++)
		bad += apply_set(&j->cfg, sets[i]) < 0;
	const config_setting_t *root = config_root_setting(&j->cfg);
	bad += cfg_check_keys(root, top_keys, "the job file");
	long version;
	if (cfg_require(root, "version", "the job file") < 0 ||
	    cfg_int(root, "version", 1, 1, &version) < 0)
		bad++;
	bad += load_document(j, root) < 0;
	bad += load_page(j, root) < 0;
	if (!bad)
		bad += check_margins(j,
		                     config_setting_get_member(root, "page")
		                             ? config_setting_get_member(root, "page")
		                             : root,
		                     j->page_w, j->page_h) < 0;
	bad += load_theme(j, root) < 0;
	bad += load_output(j, root) < 0;
	j->plugin_dirs = resolve_list(j, root, "plugin_dirs", &j->n_plugin_dirs, &bad);
	const config_setting_t *data = config_setting_get_member(root, "data");
	if (data && config_setting_type(data) == CONFIG_TYPE_STRING) {
		const char *p = NULL;
		if (cfg_string(root, "data", &p) < 0)
			bad++;
		else
			j->data_path = cfg_resolve(j->dir, p);
	} else if (data && config_setting_type(data) == CONFIG_TYPE_GROUP) {
		j->data_group = data;
	} else if (data) {
		diag_error_at(data,
		              "'data' must be a file name or a group { ... } holding the dossier");
		bad++;
	}
	bad += load_sections(j, root) < 0;
	if (bad) {
		job_free(j);
		return NULL;
	}
	return j;
}

void job_free(job *j)
{
	if (!j)
		return;
	config_destroy(&j->cfg);
	for (size_t i = 0; i < j->n_font_dirs; i++)
		free(j->font_dirs[i]);
	free(j->font_dirs);
	for (size_t i = 0; i < j->n_plugin_dirs; i++)
		free(j->plugin_dirs[i]);
	free(j->plugin_dirs);
	free(j->keywords);
	free(j->sections);
	free(j->data_path);
	free(j->output);
	free(j->path);
	free(j->dir);
	free(j);
}
