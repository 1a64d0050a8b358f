/*
 * model.c — builds the participant matrix from the dossier (see model.h).
 * Everything here is linear in the size of the dossier plus the size of the
 * matrix: rows and columns are chosen with bucket passes, marks are set by
 * walking each shown event's attendees once.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* Day-mode grouping key: the shown day, or the month for events whose day
 * is not known yet (kept apart from any real day). */
static int64_t day_key(const bp_event *e)
{
	if (e->start.prec == BP_PREC_MONTH)
		return INT64_MIN / 2 + (int64_t)e->start.year * 12 + e->start.month;
	return e->start.days;
}

static size_t role_of(const bp_attendee *a, size_t attendee_role)
{
	return a->role ? a->role->index : attendee_role;
}

/* A light mark never hides a direct one; among light marks the first
 * specific role (host, chair, ...) wins over plain attendance. */
static void set_light(pm_cell *c, size_t role, size_t attendee_role)
{
	if (*c == 0)
		*c = (pm_cell)((role + 1) | PM_CELL_LIGHT);
	else if ((*c & PM_CELL_LIGHT) && (size_t)((*c & PM_CELL_ROLE_MASK) - 1) == attendee_role &&
	         role != attendee_role)
		*c = (pm_cell)((role + 1) | PM_CELL_LIGHT);
}

const bp_role *pm_cell_role(const bp_dossier *d, pm_cell c)
{
	size_t r = c & PM_CELL_ROLE_MASK;
	return r && r <= d->n_roles ? d->roles[r - 1] : NULL;
}

/* Chooses the shown events, in column order, into colev (dossier->events
 * positions); returns how many. */
static size_t pick_columns(const bp_dossier *d, const pm_config *cfg, size_t *colev)
{
	size_t nc = 0;
	for (size_t i = 0; i < d->n_events; i++) {
		const bp_event *e = d->events[i];
		if (cfg->want_event && !cfg->want_event[i])
			continue;
		if (cfg->want_track && (!e->track || !cfg->want_track[e->track->index]))
			continue;
		colev[nc++] = i;
	}
	if (cfg->group != PM_GROUP_TRACK || nc == 0)
		return nc;
	/* Stable bucket sort by track, events without a track last. */
	size_t nt = d->n_tracks;
	size_t *start = calloc(nt + 2, sizeof *start);
	size_t *tmp = malloc(nc * sizeof *tmp);
	if (!start || !tmp) {
		free(start);
		free(tmp);
		return (size_t)-1;
	}
	for (size_t j = 0; j < nc; j++) {
		const bp_track *t = d->events[colev[j]]->track;
		start[(t ? t->index : nt) + 1]++;
	}
	for (size_t k = 1; k <= nt + 1; k++)
		start[k] += start[k - 1];
	for (size_t j = 0; j < nc; j++) {
		const bp_track *t = d->events[colev[j]]->track;
		tmp[start[t ? t->index : nt]++] = colev[j];
	}
	memcpy(colev, tmp, nc * sizeof *tmp);
	free(tmp);
	free(start);
	return nc;
}

/* Rows before filtering.  prow/drow map dossier positions to rows. */
static size_t pick_rows(const bp_dossier *d, const pm_config *cfg, pm_row *rows, long *prow,
                        long *drow, size_t *order, size_t *bucket)
{
	size_t np = d->n_people, nd = d->n_delegations, nr = 0;
	if (cfg->rows == PM_ROWS_DELEGATIONS) {
		for (size_t k = 0; k < nd; k++) {
			if (cfg->want_delegation && !cfg->want_delegation[k])
				continue;
			rows[nr] = (pm_row){.kind = PM_ROW_DELEGATION,
			                    .delegation = d->delegations[k],
			                    .group = -1};
			drow[k] = (long)nr++;
		}
		return nr;
	}
	/* People grouped by delegation in dossier order (bucket nd: none). */
	memset(bucket, 0, (nd + 2) * sizeof *bucket);
	for (size_t i = 0; i < np; i++) {
		const bp_delegation *g = d->people[i]->delegation;
		bucket[(g ? g->index : nd) + 1]++;
	}
	for (size_t k = 1; k <= nd + 1; k++)
		bucket[k] += bucket[k - 1];
	for (size_t i = 0; i < np; i++) {
		const bp_delegation *g = d->people[i]->delegation;
		order[bucket[g ? g->index : nd]++] = i;
	}
	/* bucket[k] is now the end of bucket k; its start is bucket[k-1]. */
	for (size_t k = 0; k <= nd; k++) {
		size_t lo = k ? bucket[k - 1] : 0, hi = bucket[k];
		if (k < nd && cfg->want_delegation && !cfg->want_delegation[k])
			continue;
		if (k == nd && (cfg->want_delegation || lo == hi))
			continue;
		size_t heading = nr;
		rows[nr++] = (pm_row){.kind = PM_ROW_HEADING,
		                      .delegation = k < nd ? d->delegations[k] : NULL,
		                      .group = (int)heading};
		if (k < nd)
			drow[k] = (long)heading;
		/* The head of delegation first, then dossier order. */
		for (int pass = 0; pass < 2; pass++) {
			for (size_t i = lo; i < hi; i++) {
				const bp_person *p = d->people[order[i]];
				if ((pass == 0) != (p->head != 0))
					continue;
				rows[nr] = (pm_row){.kind = PM_ROW_PERSON,
				                    .person = p,
				                    .delegation = p->delegation,
				                    .head = p->head != 0,
				                    .group = (int)heading};
				prow[order[i]] = (long)nr++;
			}
		}
	}
	return nr;
}

static void mark_cells(const bp_dossier *d, const pm_config *cfg, const size_t *colev, size_t nc,
                       pm_cell *cells, const long *prow, const long *drow, size_t attendee_role)
{
	for (size_t j = 0; j < nc; j++) {
		const bp_event *e = d->events[colev[j]];
		for (size_t a = 0; a < e->n_attendees; a++) {
			const bp_attendee *at = e->attendees[a];
			size_t role = role_of(at, attendee_role);
			if (at->person) {
				const bp_person *p = at->person;
				long r = prow[p->index];
				if (r >= 0) {
					cells[(size_t)r * nc + j] = (pm_cell)(role + 1);
				} else if (cfg->rows == PM_ROWS_DELEGATIONS && cfg->propagate &&
				           p->delegation && drow[p->delegation->index] >= 0) {
					long dr = drow[p->delegation->index];
					set_light(&cells[(size_t)dr * nc + j], role, attendee_role);
				}
			} else if (at->delegation) {
				const bp_delegation *g = at->delegation;
				long r = drow[g->index];
				if (r >= 0)
					cells[(size_t)r * nc + j] = (pm_cell)(role + 1);
				if (cfg->rows != PM_ROWS_PEOPLE || !cfg->propagate)
					continue;
				for (size_t k = 0; k < g->n_members; k++) {
					long mr = prow[g->members[k]->index];
					if (mr >= 0)
						set_light(&cells[(size_t)mr * nc + j], role,
						          attendee_role);
				}
			}
		}
	}
}

static int entity(const pm_row *r)
{
	return r->kind != PM_ROW_HEADING;
}

int pm_model_build(pm_model *m, const bp_dossier *d, const pm_config *cfg)
{
	memset(m, 0, sizeof *m);
	if (d->n_roles > PM_MAX_ROLES)
		return -1;
	size_t np = d->n_people, nd = d->n_delegations, ne = d->n_events;
	size_t attendee_role = 0;
	for (size_t i = 0; i < d->n_roles; i++)
		if (!strcmp(d->roles[i]->id, "attendee"))
			attendee_role = i;

	int rc = -1;
	size_t *colev = malloc((ne + 1) * sizeof *colev);
	pm_row *rows = malloc((np + nd + 2) * sizeof *rows);
	long *prow = malloc((np + 1) * sizeof *prow);
	long *drow = malloc((nd + 1) * sizeof *drow);
	size_t *order = malloc((np + 1) * sizeof *order);
	size_t *bucket = malloc((nd + 2) * sizeof *bucket);
	pm_cell *cells = NULL;
	unsigned char *keep_row = NULL, *keep_col = NULL;
	if (!colev || !rows || !prow || !drow || !order || !bucket)
		goto out;
	for (size_t i = 0; i < np; i++)
		prow[i] = -1;
	for (size_t i = 0; i < nd; i++)
		drow[i] = -1;

	size_t nc = pick_columns(d, cfg, colev);
	if (nc == (size_t)-1)
		goto out;
	size_t nr = pick_rows(d, cfg, rows, prow, drow, order, bucket);
	cells = calloc(nr * nc + 1, sizeof *cells);
	keep_row = calloc(nr + 1, 1);
	keep_col = calloc(nc + 1, 1);
	if (!cells || !keep_row || !keep_col)
		goto out;
	mark_cells(d, cfg, colev, nc, cells, prow, drow, attendee_role);

	/* Totals count the events a row attends: cancelled ones are not. */
	for (size_t i = 0; i < nr; i++) {
		int total = 0, marked = 0;
		for (size_t j = 0; j < nc; j++) {
			if (!cells[i * nc + j])
				continue;
			marked = 1;
			if (d->events[colev[j]]->status != BP_STATUS_CANCELLED)
				total++;
		}
		rows[i].total = total;
		rows[i].stripe = marked; /* scratch: "has a mark" until compaction */
	}
	/* Rows: people and delegations by their own marks, then headings. */
	for (size_t i = 0; i < nr; i++)
		if (entity(&rows[i]))
			keep_row[i] = rows[i].total >= cfg->min_events &&
			              (!cfg->hide_empty || rows[i].stripe);
	for (size_t i = 0; i < nr; i++) {
		if (entity(&rows[i]))
			continue;
		size_t k = i + 1;
		int members = 0, kept = 0;
		for (; k < nr && rows[k].kind == PM_ROW_PERSON; k++) {
			members++;
			kept |= keep_row[k];
		}
		if (kept)
			keep_row[i] = 1;
		else if (rows[i].stripe)
			keep_row[i] = rows[i].total >= cfg->min_events;
		else
			keep_row[i] = members == 0 && rows[i].delegation && !cfg->hide_empty &&
			              cfg->min_events <= 0;
	}
	/* Columns: with hide_empty, only those with a mark in a kept row. */
	for (size_t j = 0; j < nc; j++) {
		if (!cfg->hide_empty) {
			keep_col[j] = 1;
			continue;
		}
		for (size_t i = 0; i < nr && !keep_col[j]; i++)
			keep_col[j] = keep_row[i] && cells[i * nc + j];
	}

	/* Compaction into the model. */
	size_t kr = 0, kc = 0;
	for (size_t i = 0; i < nr; i++)
		kr += keep_row[i];
	for (size_t j = 0; j < nc; j++)
		kc += keep_col[j];
	m->rows = malloc((kr + 1) * sizeof *m->rows);
	m->cols = calloc(kc + 1, sizeof *m->cols);
	m->groups = calloc(kc + 1, sizeof *m->groups);
	m->cells = malloc((kr * kc + 1) * sizeof *m->cells);
	m->role_used = calloc(d->n_roles + 1, 1);
	m->n_roles = d->n_roles;
	if (!m->rows || !m->cols || !m->groups || !m->cells || !m->role_used)
		goto out;
	for (size_t j = 0, c = 0; j < nc; j++)
		if (keep_col[j])
			m->cols[c++].event = d->events[colev[j]];
	m->n_cols = kc;

	long new_heading = -1;
	int stripe = 0;
	for (size_t i = 0; i < nr; i++) {
		if (!keep_row[i])
			continue;
		pm_row r = rows[i];
		if (r.kind == PM_ROW_HEADING) {
			new_heading = (long)m->n_rows;
			r.group = (int)new_heading;
			r.stripe = 0;
			stripe = 0;
		} else {
			r.group = r.kind == PM_ROW_PERSON ? (int)new_heading : -1;
			r.stripe = stripe;
			stripe ^= 1;
			m->n_entity_rows++;
		}
		pm_cell *dst = m->cells + m->n_rows * kc;
		for (size_t j = 0, c = 0; j < nc; j++) {
			if (!keep_col[j])
				continue;
			pm_cell v = cells[i * nc + j];
			dst[c] = v;
			if (v) {
				const bp_event *e = m->cols[c].event;
				m->role_used[(v & PM_CELL_ROLE_MASK) - 1] = 1;
				m->light_used |= (v & PM_CELL_LIGHT) != 0;
				m->tentative_used |= e->status == BP_STATUS_TENTATIVE;
				m->cancelled_used |= e->status == BP_STATUS_CANCELLED;
				if (entity(&r))
					m->cols[c].total++;
			}
			c++;
		}
		m->rows[m->n_rows++] = r;
	}

	/* Column groups: runs of equal day (or track). */
	for (size_t c = 0; c < kc; c++) {
		const bp_event *e = m->cols[c].event;
		int same = 0;
		if (c > 0) {
			const bp_event *p = m->cols[c - 1].event;
			same = cfg->group == PM_GROUP_TRACK ? p->track == e->track
			                                    : day_key(p) == day_key(e);
		}
		if (!same) {
			pm_group *g = &m->groups[m->n_groups++];
			g->first = c;
			g->track = e->track;
			g->day = &e->start;
		}
		m->groups[m->n_groups - 1].count++;
		m->cols[c].group = (int)m->n_groups - 1;
		m->any_time |= e->start.prec == BP_PREC_TIME;
		/* Headers show the status too, with the legend's marks. */
		m->tentative_used |= e->status == BP_STATUS_TENTATIVE;
		m->cancelled_used |= e->status == BP_STATUS_CANCELLED;
	}
	rc = 0;
out:
	free(colev);
	free(rows);
	free(prow);
	free(drow);
	free(order);
	free(bucket);
	free(cells);
	free(keep_row);
	free(keep_col);
	if (rc != 0)
		pm_model_free(m);
	return rc;
}

void pm_model_free(pm_model *m)
{
	free(m->rows);
	free(m->cols);
	free(m->groups);
	free(m->cells);
	free(m->role_used);
	memset(m, 0, sizeof *m);
}

/* ---- id lookup with a suggestion for typos ---- */

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 200 || lb > 200)
		return (size_t)-1;
	size_t row[201];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* Finds id among n records whose ids are read by get(). */
static long find_id(const void *const *list, size_t n, const char *(*get)(const void *),
                    const char *id, const char **suggest)
{
	size_t best = (size_t)-1;
	const char *near = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *have = get(list[i]);
		if (!strcmp(have, id))
			return (long)i;
		size_t dist = edit_distance(have, id);
		if (dist < best) {
			best = dist;
			near = have;
		}
	}
	size_t len = strlen(id);
	size_t limit = len / 3 > 1 ? len / 3 : 1;
	if (suggest)
		*suggest = best <= limit ? near : NULL;
	return -1;
}

static const char *delegation_id(const void *p)
{
	return ((const bp_delegation *)p)->id;
}
static const char *event_id(const void *p)
{
	return ((const bp_event *)p)->id;
}
static const char *track_id(const void *p)
{
	return ((const bp_track *)p)->id;
}

long pm_find_delegation(const bp_dossier *d, const char *id, const char **suggest)
{
	return find_id((const void *const *)d->delegations, d->n_delegations, delegation_id, id,
	               suggest);
}

long pm_find_event(const bp_dossier *d, const char *id, const char **suggest)
{
	return find_id((const void *const *)d->events, d->n_events, event_id, id, suggest);
}

long pm_find_track(const bp_dossier *d, const char *id, const char **suggest)
{
	return find_id((const void *const *)d->tracks, d->n_tracks, track_id, id, suggest);
}

const bp_person *pm_find_person(const bp_dossier *d, const char *id)
{
	for (size_t i = 0; i < d->n_people; i++)
		if (!strcmp(d->people[i]->id, id))
			return d->people[i];
	return NULL;
}
