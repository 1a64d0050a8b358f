/* cfg.c — see cfg.h. */
#define _GNU_SOURCE
#include "cfg.h"
#include "diag.h"

#include <errno.h>
#include <glib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *cfg_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || !strcmp(path, "-"))
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

char *cfg_resolve(const char *dir, const char *name)
{
	if (name[0] == '/' || !dir || !strcmp(dir, "."))
		return strdup(name);
	char *p;
	if (asprintf(&p, "%s/%s", dir, name) < 0)
		abort();
	return p;
}

static char *read_all(FILE *f, size_t *len, int *too_big)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	size_t got;
	*too_big = 0;
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n > CFG_MAX_FILE) {
			*too_big = 1;
			break;
		}
		if (cap - n - 1 == 0)
			buf = realloc(buf, cap *= 2);
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Included files are scanned too (libconfig reads them relative to the
 * include dir, 10 levels deep at most); the count of @include directives is
 * capped, as nested fan-out would otherwise make libconfig read a handful of
 * small files an exponential number of times. */
enum { CFG_MAX_INCLUDE_DEPTH = 10, CFG_MAX_INCLUDES = 200 };
typedef struct scan_ctx {
	const char *dir;
	int includes;
} scan_ctx;

static char *read_all(FILE *f, size_t *len, int *too_big);
static int check_integers(const char *text, const char *file, scan_ctx *cx, int depth);

/* Scans the file named by an @include directive at p (just past the word);
 * -1 when a problem was reported. */
static int check_include(const char *p, const char *file, int line, scan_ctx *cx, int depth)
{
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '"')
		return 0;
	const char *end = strchr(p + 1, '"');
	if (!end)
		return 0;
	if (++cx->includes > CFG_MAX_INCLUDES) {
		diag_error(file, line, "more than %d @include directives", CFG_MAX_INCLUDES);
		return -1;
	}
	if (depth >= CFG_MAX_INCLUDE_DEPTH)
		return 0; /* libconfig reports the nesting */
	/* An empty name would have libconfig read the folder itself. */
	if (end == p + 1) {
		diag_error(file, line, "@include \"\" names no file");
		return -1;
	}
	char *name = strndup(p + 1, (size_t)(end - p - 1));
	char *path = cfg_resolve(cx->dir, name);
	FILE *f = fopen(path, "rb");
	int rc = 0;
	if (f) {
		size_t len;
		int too_big;
		errno = 0;
		char *text = read_all(f, &len, &too_big);
		int err = errno;
		/* libconfig's scanner would end the process on a file it
		 * cannot read (a folder), so these are reported here. */
		if (ferror(f)) {
			diag_error(file, line, "@include \"%s\": cannot read: %s", name,
			           strerror(err ? err : EIO));
			rc = -1;
		} else if (memchr(text, '\0', len)) {
			diag_error(file, line,
			           "@include \"%s\": not a text file (it contains NUL bytes)",
			           name);
			rc = -1;
		} else if (too_big) {
			diag_error(name, 0, "file is larger than %d MB", CFG_MAX_FILE >> 20);
			rc = -1;
		} else {
			rc = check_integers(text, name, cx, depth + 1);
		}
		fclose(f);
		free(text);
	}
	free(path);
	free(name);
	return rc;
}

/* libconfig 1.5 wraps integer literals past 32 bits without a word: scan the
 * text (outside strings and comments) for such literals first. */
static int check_integers(const char *text, const char *file, scan_ctx *cx, int depth)
{
	int line = 1, bad = 0;
	for (const char *p = text; *p;) {
		if (*p == '\n') {
			line++, p++;
		} else if (*p == '"') {
			/* A string too long to be accepted is refused here, before
			 * libconfig copies it several times over. */
			const char *open = p;
			int open_line = line;
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1])
					p++;
				else if (*p == '\n')
					line++;
			}
			if ((size_t)(p - open) > CFG_MAX_STRING + 1) {
				diag_error(file, open_line, "text is longer than %d bytes",
				           CFG_MAX_STRING);
				return -1;
			}
			if (*p)
				p++;
		} else if (*p == '#' || (p[0] == '/' && p[1] == '/')) {
			while (*p && *p != '\n')
				p++;
		} else if (p[0] == '/' && p[1] == '*') {
			for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++)
				if (*p == '\n')
					line++;
			if (*p)
				p += 2;
		} else if (g_ascii_isalpha(*p) || *p == '*' || *p == '@') {
			const char *word = p;
			while (g_ascii_isalnum(*p) || *p == '_' || *p == '-' || *p == '*' ||
			       *p == '@')
				p++;
			if (p - word == 8 && !strncmp(word, "@include", 8) &&
			    check_include(p, file, line, cx, depth) < 0)
				return -1;
		} else if (g_ascii_isdigit(*p)) {
			const char *start = p;
			int hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
			if (hex)
				p += 2;
			while (g_ascii_isxdigit(*p) && (hex || g_ascii_isdigit(*p)))
				p++;
			int is_float = !hex && (*p == '.' || *p == 'e' || *p == 'E');
			if (is_float) {
				while (g_ascii_isalnum(*p) || *p == '.' || *p == '+' || *p == '-')
					p++;
				continue;
			}
			if (*p == 'L') {
				while (*p == 'L')
					p++;
				continue;
			}
			errno = 0;
			unsigned long long v = strtoull(start, NULL, hex ? 16 : 10);
			if (errno == ERANGE ||
			    v > (hex ? 0xFFFFFFFFull : (unsigned long long)INT_MAX)) {
				diag_error(
				        file, line,
				        "the number %.*s is too large (at most %d; write it with "
				        "a trailing L if a 64-bit value is really meant)",
				        (int)(p - start), start, INT_MAX);
				bad++;
			}
		} else {
			p++;
		}
	}
	return bad ? -1 : 0;
}

int cfg_load(config_t *c, const char *path)
{
	int is_stdin = !strcmp(path, "-");
	const char *shown = is_stdin ? "<stdin>" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		diag_error(path, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	size_t len;
	int too_big;
	char *text = read_all(f, &len, &too_big);
	int read_error = ferror(f);
	if (!is_stdin)
		fclose(f);
	if (read_error) {
		diag_error(shown, 0, "cannot read: %s", strerror(EISDIR));
		free(text);
		return -1;
	}
	if (too_big) {
		diag_error(shown, 0, "file is larger than %d MB", CFG_MAX_FILE >> 20);
		free(text);
		return -1;
	}
	if (memchr(text, '\0', len)) {
		diag_error(shown, 0, "this is not a text file (it contains NUL bytes)");
		free(text);
		return -1;
	}
	char *dir = cfg_dirname(path);
	scan_ctx cx = {dir, 0};
	if (check_integers(text, shown, &cx, 0) < 0) {
		free(dir);
		free(text);
		return -1;
	}
	config_init(c);
	config_set_include_dir(c, dir);
	diag_set_fallback_file(c, shown);
	int ok = config_read_string(c, text);
	free(dir);
	free(text);
	if (!ok) {
		const char *ef = config_error_file(c);
		diag_error(ef ? ef : shown, config_error_line(c), "%s", config_error_text(c));
		config_destroy(c);
		return -1;
	}
	return 0;
}

/* Levenshtein distance, small strings only (key names). */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 63 || lb > 63)
		return 99;
	size_t row[64];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t sub =
			        prev + (g_ascii_tolower(a[i - 1]) != g_ascii_tolower(b[j - 1]));
			size_t best = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
			row[j] = sub < best ? sub : best;
			prev = cur;
		}
	}
	return row[lb];
}

const char *cfg_nearest(const char *name, const char *const *known)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (; *known; known++) {
		size_t d = distance(name, *known);
		if (d < best_d) {
			best_d = d;
			best = *known;
		}
	}
	size_t limit = strlen(name) < 4 ? 1 : strlen(name) / 3 + 1;
	return best_d <= limit ? best : NULL;
}

int cfg_check_keys(const config_setting_t *group, const char *const *known, const char *what)
{
	int bad = 0;
	int n = config_setting_length(group);
	for (int i = 0; i < n; i++) {
		const config_setting_t *m = config_setting_get_elem(group, (unsigned)i);
		const char *name = config_setting_name(m);
		int found = 0;
		for (const char *const *k = known; *k && !found; k++)
			found = !strcmp(*k, name);
		if (found)
			continue;
		const char *near = cfg_nearest(name, known);
		if (near)
			diag_error_at(m, "unknown key '%s' in %s (did you mean '%s'?)", name, what,
			              near);
		else
			diag_error_at(m, "unknown key '%s' in %s", name, what);
		bad++;
	}
	return bad;
}

const char *cfg_type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP:
		return "a group { ... }";
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return "an integer";
	case CONFIG_TYPE_FLOAT:
		return "a number";
	case CONFIG_TYPE_STRING:
		return "a string";
	case CONFIG_TYPE_BOOL:
		return "true or false";
	case CONFIG_TYPE_ARRAY:
		return "an array [ ... ]";
	case CONFIG_TYPE_LIST:
		return "a list ( ... )";
	default:
		return "nothing";
	}
}

static int wrong_type(const config_setting_t *s, const char *want)
{
	diag_error_at(s, "'%s' must be %s, not %s",
	              config_setting_name(s) ? config_setting_name(s) : "value", want,
	              cfg_type_name(config_setting_type(s)));
	return -1;
}

int cfg_check_text(const config_setting_t *s, const char *text)
{
	const char *end;
	if (!g_utf8_validate(text, -1, &end)) {
		diag_error_at(s, "invalid UTF-8 in text (byte %ld: 0x%02X)", (long)(end - text),
		              (unsigned char)*end);
		return -1;
	}
	if (strlen(text) > CFG_MAX_STRING) {
		diag_error_at(s, "text is longer than %d bytes", CFG_MAX_STRING);
		return -1;
	}
	return 0;
}

int cfg_string(const config_setting_t *g, const char *name, const char **out)
{
	const config_setting_t *s = config_setting_get_member(g, name);
	if (!s)
		return 0;
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return wrong_type(s, "a string");
	const char *v = config_setting_get_string(s);
	if (cfg_check_text(s, v) < 0)
		return -1;
	*out = v;
	return 1;
}

int cfg_bool(const config_setting_t *g, const char *name, int *out)
{
	const config_setting_t *s = config_setting_get_member(g, name);
	if (!s)
		return 0;
	if (config_setting_type(s) != CONFIG_TYPE_BOOL)
		return wrong_type(s, "true or false");
	*out = config_setting_get_bool(s);
	return 1;
}

int cfg_as_number(const config_setting_t *s, double *out)
{
	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
		*out = config_setting_get_int(s);
		return 1;
	case CONFIG_TYPE_INT64:
		*out = (double)config_setting_get_int64(s);
		return 1;
	case CONFIG_TYPE_FLOAT:
		*out = config_setting_get_float(s);
		return 1;
	default:
		return 0;
	}
}

int cfg_int(const config_setting_t *g, const char *name, long min, long max, long *out)
{
	const config_setting_t *s = config_setting_get_member(g, name);
	if (!s)
		return 0;
	long long v;
	if (config_setting_type(s) == CONFIG_TYPE_INT)
		v = config_setting_get_int(s);
	else if (config_setting_type(s) == CONFIG_TYPE_INT64)
		v = config_setting_get_int64(s);
	else
		return wrong_type(s, "an integer");
	if (v < min || v > max) {
		diag_error_at(s, "'%s' is %lld; it must be from %ld to %ld", name, v, min, max);
		return -1;
	}
	*out = (long)v;
	return 1;
}

int cfg_number(const config_setting_t *g, const char *name, double min, double max, double *out)
{
	const config_setting_t *s = config_setting_get_member(g, name);
	if (!s)
		return 0;
	double v;
	if (!cfg_as_number(s, &v))
		return wrong_type(s, "a number");
	if (!(v >= min && v <= max)) {
		diag_error_at(s, "'%s' is %g; it must be from %g to %g", name, v, min, max);
		return -1;
	}
	*out = v;
	return 1;
}

int cfg_strings(const config_setting_t *g, const char *name, const char ***out, size_t *n)
{
	const config_setting_t *s = config_setting_get_member(g, name);
	if (!s)
		return 0;
	int t = config_setting_type(s);
	if (t == CONFIG_TYPE_STRING) {
		/* A single string where a list is expected is taken as a list of one. */
		const char *v = config_setting_get_string(s);
		if (cfg_check_text(s, v) < 0)
			return -1;
		*out = malloc(sizeof **out);
		(*out)[0] = v;
		*n = 1;
		return 1;
	}
	if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return wrong_type(s, "a list of strings [\"a\", \"b\"]");
	int len = config_setting_length(s);
	if (len > CFG_MAX_LIST) {
		diag_error_at(s, "'%s' has %d entries; at most %d are allowed", name, len,
		              CFG_MAX_LIST);
		return -1;
	}
	const char **v = malloc(sizeof *v * (size_t)(len ? len : 1));
	for (int i = 0; i < len; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (config_setting_type(e) != CONFIG_TYPE_STRING) {
			diag_error_at(e, "'%s' must hold only strings, not %s", name,
			              cfg_type_name(config_setting_type(e)));
			free(v);
			return -1;
		}
		v[i] = config_setting_get_string(e);
		if (cfg_check_text(e, v[i]) < 0) {
			free(v);
			return -1;
		}
	}
	*out = v;
	*n = (size_t)len;
	return 1;
}

int cfg_require(const config_setting_t *g, const char *name, const char *what)
{
	if (config_setting_get_member(g, name))
		return 0;
	diag_error_at(g, "%s has no '%s' (it is required)", what, name);
	return -1;
}

int cfg_parse_color(const char *s, double rgb[3])
{
	if (s[0] != '#' || strlen(s) != 7)
		return -1;
	for (int i = 0; i < 3; i++) {
		int hi = g_ascii_xdigit_value(s[1 + 2 * i]),
		    lo = g_ascii_xdigit_value(s[2 + 2 * i]);
		if (hi < 0 || lo < 0)
			return -1;
		rgb[i] = (hi * 16 + lo) / 255.0;
	}
	return 0;
}
