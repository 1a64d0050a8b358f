/*
 * fuzz_load.c — libFuzzer target for the job and dossier loaders.  The input
 * is written to a file and read as a job file (with its inline dossier, if
 * any) and as a dossier, through the same code `briefpack check` uses:
 * the 32-bit integer pre-scan, @include, libconfig, every typed lookup and
 * cross-reference check.  A first line "#set PATH=VALUE" is applied as
 * --set, so the override path walker is fuzzed too.
 *
 * Opening a zone reads the tz database and builds its offset table (tens of
 * ms under the sanitizers), which would leave a few executions a second:
 * the target is linked with --wrap=bp_zone_open,--wrap=bp_zone_free and
 * keeps each zone opened once.
 */
#define _GNU_SOURCE
#include "diag.h"
#include "dossier.h"
#include "job.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[64];

bp_zone *__real_bp_zone_open(const char *name);
void __real_bp_zone_free(bp_zone *z);
bp_zone *__wrap_bp_zone_open(const char *name);
void __wrap_bp_zone_free(bp_zone *z);

enum { CACHE = 64 };
static struct {
	char *name;
	bp_zone *z;
} cache[CACHE];

bp_zone *__wrap_bp_zone_open(const char *name)
{
	int i;
	for (i = 0; i < CACHE && cache[i].name; i++)
		if (!strcmp(cache[i].name, name))
			return cache[i].z;
	bp_zone *z = __real_bp_zone_open(name);
	if (z && i < CACHE) {
		cache[i].name = strdup(name);
		cache[i].z = z;
	}
	return z;
}

void __wrap_bp_zone_free(bp_zone *z)
{
	for (int i = 0; i < CACHE && cache[i].name; i++)
		if (cache[i].z == z)
			return;
	__real_bp_zone_free(z);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!path[0]) {
		char dir[] = "/tmp/bpfuzz-XXXXXX";
		if (!mkdtemp(dir))
			abort();
		snprintf(path, sizeof path, "%s/in.cfg", dir);
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);

	char *set = NULL;
	if (size > 5 && !memcmp(data, "#set ", 5)) {
		const uint8_t *nl = memchr(data, '\n', size);
		size_t n = (nl ? (size_t)(nl - data) : size) - 5;
		set = strndup((const char *)data + 5, n);
	}
	const char *sets[1] = {set};
	diag_reset();
	job *j = job_load(path, sets, set && *set ? 1 : 0);
	if (j && j->data_group)
		dossier_free(dossier_load_group(j->data_group));
	job_free(j);
	diag_reset();
	dossier_free(dossier_load_file(path));
	free(set);
	return 0;
}
