/*
 * model.h — the participant matrix as data: which rows (people under
 * delegation headings, or delegations), which columns (events, grouped by
 * day or track), and what mark each cell holds.  Pure logic over the
 * dossier: no cairo, no pango, no host, so the unit tests compile it in.
 */
#ifndef PM_MODEL_H
#define PM_MODEL_H

#include <briefpack/plugin.h>
#include <stddef.h>
#include <stdint.h>

typedef enum pm_rows_mode { PM_ROWS_PEOPLE, PM_ROWS_DELEGATIONS } pm_rows_mode;
typedef enum pm_group_mode { PM_GROUP_DAY, PM_GROUP_TRACK } pm_group_mode;

/* What to show.  The want_* arrays hold one flag per dossier record (by
 * position in the dossier's list); NULL means "all". */
typedef struct pm_config {
	pm_rows_mode rows;
	pm_group_mode group;
	const unsigned char *want_delegation; /* n_delegations */
	const unsigned char *want_event;      /* n_events (chronological order) */
	const unsigned char *want_track;      /* n_tracks; an event without track fails */
	long min_events; /* hide rows with fewer marks in non-cancelled events */
	int hide_empty;  /* drop rows and columns without any mark */
	int propagate;   /* delegation <-> member attendance, drawn lightly */
} pm_config;

typedef enum pm_row_kind {
	PM_ROW_HEADING,   /* a delegation (or "no delegation") heading, people mode */
	PM_ROW_PERSON,    /* a person, people mode */
	PM_ROW_DELEGATION /* a delegation, delegations mode */
} pm_row_kind;

typedef struct pm_row {
	pm_row_kind kind;
	const bp_person *person;         /* PERSON */
	const bp_delegation *delegation; /* HEADING (NULL: no delegation), DELEGATION,
	                                    and a PERSON's own delegation */
	int head;                        /* PERSON: head of their delegation */
	int group;                       /* index of the row's heading row; -1: none */
	int total;                       /* marks in non-cancelled columns */
	int stripe;                      /* zebra parity (0 or 1) within its group */
} pm_row;

typedef struct pm_col {
	const bp_event *event;
	int group; /* index into pm_model.groups */
	int total; /* marked person rows (people mode) or delegation rows */
} pm_col;

/* A run of columns under one heading: a day (or month when the day is not
 * known) in day mode, a track in track mode. */
typedef struct pm_group {
	size_t first, count;   /* columns */
	const bp_track *track; /* track mode; NULL: events without a track */
	const bp_time *day;    /* day mode: the start of the group's first event */
} pm_group;

/* A cell is 0 (no mark) or the attendee's role index + 1 (bp_role.index),
 * with PM_CELL_LIGHT when the mark comes through the delegation link
 * rather than from the row's own attendance. */
typedef uint16_t pm_cell;
#define PM_CELL_LIGHT     0x8000u
#define PM_CELL_ROLE_MASK 0x7fffu
#define PM_MAX_ROLES      0x7ffe

typedef struct pm_model {
	pm_row *rows;
	size_t n_rows;
	pm_col *cols;
	size_t n_cols;
	pm_group *groups;
	size_t n_groups;
	pm_cell *cells; /* n_rows x n_cols, row-major */

	/* What the legend has to explain. */
	unsigned char *role_used; /* n_roles flags */
	size_t n_roles;
	int light_used, tentative_used, cancelled_used;
	int any_time;         /* a shown event has a clock time */
	size_t n_entity_rows; /* PERSON or DELEGATION rows (not headings) */
} pm_model;

/* Builds the matrix.  Returns 0, or -1 when out of memory or the dossier has
 * more roles than a cell can name (m is then empty). */
int pm_model_build(pm_model *m, const bp_dossier *d, const pm_config *cfg);
void pm_model_free(pm_model *m);

static inline pm_cell pm_model_cell(const pm_model *m, size_t row, size_t col)
{
	return m->cells[row * m->n_cols + col];
}

/* The role a cell names, or NULL for an empty cell. */
const bp_role *pm_cell_role(const bp_dossier *d, pm_cell c);

/* Looking up ids given in options.  Each returns the index in the dossier's
 * list or -1; on -1, *suggest is set to the nearest id of that list (or NULL
 * when nothing is close). */
long pm_find_delegation(const bp_dossier *d, const char *id, const char **suggest);
long pm_find_event(const bp_dossier *d, const char *id, const char **suggest);
long pm_find_track(const bp_dossier *d, const char *id, const char **suggest);
/* A person with this id, or NULL (to tell "that is a person" apart). */
const bp_person *pm_find_person(const bp_dossier *d, const char *id);

#endif
