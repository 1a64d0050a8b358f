/* args.c — see args.h. */
#include "args.h"

#include <stdio.h>
#include <string.h>

const char *args_value(int argc, char **argv, int *i, const char *name, int *missing)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n))
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

void args_split(GPtrArray *a, const char *list)
{
	char **parts = g_strsplit(list, ",", -1);
	for (char **p = parts; *p; p++)
		if (**p)
			g_ptr_array_add(a, g_strdup(*p));
	g_strfreev(parts);
}

int args_bad_usage(const char *prefix, const char *usage, const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prefix);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage);
	return 2;
}
