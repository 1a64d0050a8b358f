/*
 * fuzz_load.c — libFuzzer target for the job and dossier loaders.  The input
 * is written to a file and read as a job file (with its inline dossier, if
 * any) and as a dossier, through the same code `briefpack check` uses:
 * the 32-bit integer pre-scan, @include, libconfig, every typed lookup and
 * cross-reference check.  A first line "#set PATH=VALUE" is applied as
 * --set, so the override path walker is fuzzed too.
 * Zones are cached by the core for the life of the process, so only the
 * first input naming a zone pays for reading its file.
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
