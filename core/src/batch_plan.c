/* batch_plan.c — see batch_plan.h.  No cairo, no I/O but the FILE given. */
#define _GNU_SOURCE
#include "batch_plan.h"

#include <stdlib.h>
#include <string.h>

char *bplan_stem(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(base, '.');
	/* ".hidden" keeps its name: a leading dot is not an extension. */
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return strndup(base, n);
}

char *bplan_ext(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(base, '.');
	return strdup(dot && dot != base && dot[1] ? dot + 1 : "pdf");
}

char *bplan_output_name(const char *out_dir, const char *job, const char *dossier, const char *ext,
                        int with_job)
{
	char *d = bplan_stem(dossier), *j = with_job ? bplan_stem(job) : NULL, *out;
	size_t dl = out_dir ? strlen(out_dir) : 0;
	int slash = dl && out_dir[dl - 1] != '/';
	if (asprintf(&out, "%s%s%s%s%s.%s", out_dir ? out_dir : "", slash ? "/" : "", j ? j : "",
	             j ? "--" : "", d, ext) < 0)
		abort();
	free(d);
	free(j);
	return out;
}

int bplan_parse_shard(const char *s, int *k, int *n)
{
	char *end;
	long a = strtol(s, &end, 10);
	if (end == s || *end != '/')
		return -1;
	const char *t = end + 1;
	long b = strtol(t, &end, 10);
	if (end == t || *end || a < 1 || b < 1 || a > b || b > 1000000)
		return -1;
	*k = (int)a;
	*n = (int)b;
	return 0;
}

int bplan_in_shard(int number, int k, int n)
{
	return (number - 1) % n == k - 1;
}

char *bplan_canonical(const char *path, const char *cwd)
{
	size_t len = strlen(cwd) + strlen(path) + 2;
	char *in = malloc(len), *out = malloc(len + 1);
	if (path[0] == '/')
		strcpy(in, path);
	else
		snprintf(in, len, "%s/%s", cwd, path);
	/* out holds "/a/b" built one component at a time. */
	size_t o = 0;
	for (char *p = in; *p;) {
		while (*p == '/')
			p++;
		char *e = p;
		while (*e && *e != '/')
			e++;
		size_t n = (size_t)(e - p);
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
		} else {
			out[o++] = '/';
			memcpy(out + o, p, n);
			o += n;
		}
		p = e;
	}
	if (o == 0)
		out[o++] = '/';
	out[o] = '\0';
	free(in);
	return out;
}

static const char *const *sort_paths;

static int by_path(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sort_paths[x], sort_paths[y]);
	return c ? c : (x > y) - (x < y);
}

size_t bplan_collisions(char *const *paths, size_t n, void (*clash)(size_t a, size_t b, void *ctx),
                        void *ctx)
{
	size_t *ix = malloc((n + 1) * sizeof *ix), m = 0, found = 0;
	for (size_t i = 0; i < n; i++)
		if (paths[i])
			ix[m++] = i;
	sort_paths = (const char *const *)paths;
	qsort(ix, m, sizeof *ix, by_path);
	sort_paths = NULL;
	/* Within a run of equal paths, each later job clashes with the first. */
	for (size_t i = 1, first = 0; i < m; i++) {
		if (strcmp(paths[ix[i]], paths[ix[first]])) {
			first = i;
			continue;
		}
		clash(ix[first], ix[i], ctx);
		found++;
	}
	free(ix);
	return found;
}

int bplan_manifest_fields(char *line, char **fields, int max)
{
	size_t len = strlen(line);
	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	const char *p = line;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p || *p == '#')
		return 0;
	int n = 0;
	for (char *f = line;;) {
		if (n == max)
			return -1;
		fields[n++] = f;
		char *tab = strchr(f, '\t');
		if (!tab)
			break;
		*tab = '\0';
		f = tab + 1;
	}
	return n;
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if it is not one. */
static int utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	int n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (n == 0 || (n == 3 && s[0] > 0xEF))
		return 0;
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
		return 0;
	return n;
}

void bplan_json_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		int n = utf8_len(p);
		if (n == 0) {
			fputs("\\ufffd", out);
			p++;
			continue;
		}
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p == '\r')
			fputs("\\r", out);
		else if (*p < 0x20 || *p == 0x7F)
			fprintf(out, "\\u%04x", *p);
		else
			fwrite(p, 1, (size_t)n, out);
		p += n;
	}
	fputc('"', out);
}
