/*
 * dossier.h — loads and checks the facts (delegations, people, tracks,
 * topics, roles, events) into the read-only model plugins see.
 */
#ifndef BP_DOSSIER_H
#define BP_DOSSIER_H

#include "arena.h"
#include "bptime.h"

#include <briefpack/plugin.h>
#include <libconfig.h>

/* Limits that bound every plugin's work: a briefing with more records than
 * this is not a briefing (100,000 events would take the shipped sections
 * minutes and gigabytes to lay out); the file is refused at load instead. */
enum { DOSSIER_MAX_RECORDS = 20000 };

typedef struct dossier {
	bp_dossier pub;
	arena mem;
	config_t cfg; /* the dossier's own file (unused for an inline dossier) */
	int own_cfg;
	bp_zone *zone; /* NULL: times shown as written */
} dossier;

/* Loads the dossier at path ("-" for standard input). */
dossier *dossier_load_file(const char *path);
/* Loads the dossier held inline in a job file's `data = { ... }` group. */
dossier *dossier_load_group(const config_setting_t *group);
/* Both return NULL after reporting every problem found. */
void dossier_free(dossier *d);

#endif
