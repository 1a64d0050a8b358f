/*
 * test_model.c — the matrix as data (plugins/participant_matrix/model.c):
 * row order, every attendance as the right mark, delegation propagation
 * both ways, totals, filters.  The dossier is data/small.cfg rebuilt in
 * memory; its expected matrix is written out in full below.
 */
#include "model.h"
#include "suites.h"
#include "tdossier.h"

#include <stdio.h>
#include <string.h>

tdossier *pmt_small(void)
{
	tdossier *t = td_new(8, 4, 8, 2);
	td_delegation(t, "aa", "Alphaland");
	td_delegation(t, "bb", "Betaland");
	td_delegation(t, "cc", "Gammaland");
	td_person(t, "a2", "Anna Second", "aa", 0);
	td_person(t, "a1", "Adam Head", "aa", 1);
	td_person(t, "b1", "Boris Head", "bb", 1);
	td_person(t, "b2", "Berta Member", "bb", 0);
	td_person(t, "x1", "Xenia Free", NULL, 0);
	td_track(t, "t1", "Main track");
	td_track(t, "t2", "Side track");
	td_role(t, "interpreter", "Interpreter", "In");
	td_event(t, "e1", "Opening plenary", 9, 9, BP_STATUS_CONFIRMED, "t1");
	td_event(t, "e2", "Bilateral Alpha-Beta", 9, 11, BP_STATUS_CONFIRMED, "t2");
	td_event(t, "e3", "Working lunch", 10, 13, BP_STATUS_TENTATIVE, "t1");
	td_event(t, "e4", "Press conference", 10, 16, BP_STATUS_CANCELLED, "t2");
	td_event(t, "e5", "Empty reception", 11, -1, BP_STATUS_CONFIRMED, NULL);
	td_attend(t, "e1", "a1", "chair");
	td_attend(t, "e1", "a2", NULL);
	td_attend(t, "e1", "bb", NULL);
	td_attend(t, "e2", "a1", "host");
	td_attend(t, "e2", "b1", NULL);
	td_attend(t, "e2", "x1", "interpreter");
	td_attend(t, "e3", "aa", NULL);
	td_attend(t, "e3", "b2", "speaker");
	td_attend(t, "e4", "a1", NULL);
	td_attend(t, "e4", "b1", NULL);
	return t;
}

/* A row's label as the matrix would print it ("#Alphaland" for headings,
 * "#-" for the no-delegation heading). */
static void row_name(const pm_row *r, char *buf, size_t n)
{
	if (r->kind == PM_ROW_HEADING)
		snprintf(buf, n, "#%s", r->delegation ? r->delegation->name : "-");
	else if (r->kind == PM_ROW_PERSON)
		snprintf(buf, n, "%s%s", r->head ? "*" : "", r->person->name);
	else
		snprintf(buf, n, "%s", r->delegation->name);
}

/* The whole matrix as text: one line a row, "name|cell|cell|...|total",
 * a cell being the mark, "~" before it when light, "." when empty. */
char *pmt_dump(const pm_model *m, const bp_dossier *d)
{
	static char out[1 << 16];
	size_t k = 0;
	out[0] = 0;
	for (size_t c = 0; c < m->n_cols; c++)
		k += (size_t)snprintf(out + k, sizeof out - k, "%s%s",
		                      c ? " " : "cols:", m->cols[c].event->id);
	k += (size_t)snprintf(out + k, sizeof out - k, "\n");
	for (size_t i = 0; i < m->n_rows; i++) {
		char name[128];
		row_name(&m->rows[i], name, sizeof name);
		k += (size_t)snprintf(out + k, sizeof out - k, "%s", name);
		for (size_t c = 0; c < m->n_cols; c++) {
			pm_cell v = pm_model_cell(m, i, c);
			const bp_role *r = pm_cell_role(d, v);
			const char *mark = !r ? "." : !strcmp(r->id, "attendee") ? "o" : r->mark;
			k += (size_t)snprintf(out + k, sizeof out - k, "|%s%s",
			                      v & PM_CELL_LIGHT ? "~" : "", mark);
		}
		k += (size_t)snprintf(out + k, sizeof out - k, "|=%d\n", m->rows[i].total);
	}
	k += (size_t)snprintf(out + k, sizeof out - k, "totals:");
	for (size_t c = 0; c < m->n_cols; c++)
		k += (size_t)snprintf(out + k, sizeof out - k, " %d", m->cols[c].total);
	return out;
}

static pm_config people(void)
{
	return (pm_config){.rows = PM_ROWS_PEOPLE, .propagate = 1};
}

static const char *build(tdossier *t, const pm_config *cfg, pm_model *m)
{
	ck_assert_int_eq(pm_model_build(m, td_get(t), cfg), 0);
	return pmt_dump(m, td_get(t));
}

/* Every attendance of the dossier, as the right mark in the right cell. */
START_TEST(people_matrix)
{
	tdossier *t = pmt_small();
	pm_config cfg = people();
	pm_model m;
	const char *got = build(t, &cfg, &m);
	const char *want = "cols:e1 e2 e3 e4 e5\n"
	                   "#Alphaland|.|.|o|.|.|=1\n"
	                   "*Adam Head|C|H|~o|o|.|=3\n"
	                   "Anna Second|o|.|~o|.|.|=2\n"
	                   "#Betaland|o|.|.|.|.|=1\n"
	                   "*Boris Head|~o|o|.|o|.|=2\n"
	                   "Berta Member|~o|.|S|.|.|=2\n"
	                   "#Gammaland|.|.|.|.|.|=0\n"
	                   "#-|.|.|.|.|.|=0\n"
	                   "Xenia Free|.|In|.|.|.|=1\n"
	                   "totals: 4 3 3 2 0";
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(m.n_entity_rows, 5);
	/* Head of delegation first although second in the file. */
	ck_assert_str_eq(m.rows[1].person->id, "a1");
	ck_assert_int_eq(m.rows[1].head, 1);
	/* Zebra parity restarts under each heading. */
	ck_assert_int_eq(m.rows[1].stripe, 0);
	ck_assert_int_eq(m.rows[2].stripe, 1);
	ck_assert_int_eq(m.rows[4].stripe, 0);
	/* What the legend must explain. */
	ck_assert(m.light_used && m.tentative_used && m.cancelled_used && m.any_time);
	for (size_t r = 0; r < 5; r++)
		ck_assert_int_eq(m.role_used[r], 1);
	/* Day groups: 9th (2), 10th (2), 11th (1). */
	ck_assert_uint_eq(m.n_groups, 3);
	ck_assert_uint_eq(m.groups[0].count, 2);
	ck_assert_uint_eq(m.groups[1].first, 2);
	ck_assert_uint_eq(m.groups[2].count, 1);
	pm_model_free(&m);
	td_free(t);
}
END_TEST

START_TEST(propagation_off)
{
	tdossier *t = pmt_small();
	pm_config cfg = people();
	cfg.propagate = 0;
	pm_model m;
	const char *got = build(t, &cfg, &m);
	ck_assert_ptr_null(strchr(got, '~'));
	ck_assert_ptr_nonnull(strstr(got, "#Alphaland|.|.|o|.|.|=1\n"));
	ck_assert_ptr_nonnull(strstr(got, "*Adam Head|C|H|.|o|.|=2\n"));
	ck_assert_ptr_nonnull(strstr(got, "totals: 2 3 1 2 0"));
	ck_assert_int_eq(m.light_used, 0);
	pm_model_free(&m);
	td_free(t);
}
END_TEST

/* A direct mark always wins over the delegation's, whatever the order of
 * the attendees; among light marks a specific role wins over attendance. */
START_TEST(direct_beats_light)
{
	tdossier *t = td_new(4, 2, 2, 0);
	td_delegation(t, "aa", "A");
	td_person(t, "p", "P", "aa", 0);
	td_person(t, "q", "Q", "aa", 0);
	td_event(t, "e1", "one", 1, 9, BP_STATUS_CONFIRMED, NULL);
	td_event(t, "e2", "two", 1, 10, BP_STATUS_CONFIRMED, NULL);
	td_attend(t, "e1", "p", "speaker");
	td_attend(t, "e1", "aa", NULL);
	td_attend(t, "e2", "aa", NULL);
	td_attend(t, "e2", "q", "chair");
	pm_config cfg = people();
	pm_model m;
	const char *got = build(t, &cfg, &m);
	ck_assert_str_eq(got, "cols:e1 e2\n#A|o|o|=2\nP|S|~o|=2\nQ|~o|C|=2\ntotals: 2 2");
	pm_model_free(&m);
	cfg.rows = PM_ROWS_DELEGATIONS;
	got = build(t, &cfg, &m);
	ck_assert_str_eq(got, "cols:e1 e2\nA|o|o|=2\ntotals: 1 1");
	pm_model_free(&m);
	/* Members only: the delegation row shows the most specific role. */
	tdossier *u = td_new(4, 2, 1, 0);
	td_delegation(u, "aa", "A");
	td_person(u, "p", "P", "aa", 0);
	td_person(u, "q", "Q", "aa", 0);
	td_event(u, "e1", "one", 1, 9, BP_STATUS_CONFIRMED, NULL);
	td_attend(u, "e1", "p", NULL);
	td_attend(u, "e1", "q", "host");
	got = build(u, &cfg, &m);
	ck_assert_str_eq(got, "cols:e1\nA|~H|=1\ntotals: 1");
	pm_model_free(&m);
	td_free(u);
	td_free(t);
}
END_TEST

START_TEST(delegation_rows)
{
	tdossier *t = pmt_small();
	pm_config cfg = people();
	cfg.rows = PM_ROWS_DELEGATIONS;
	pm_model m;
	const char *got = build(t, &cfg, &m);
	ck_assert_str_eq(got, "cols:e1 e2 e3 e4 e5\n"
	                      "Alphaland|~C|~H|o|~o|.|=3\n"
	                      "Betaland|o|~o|~S|~o|.|=3\n"
	                      "Gammaland|.|.|.|.|.|=0\n"
	                      "totals: 2 2 2 2 0");
	pm_model_free(&m);
	cfg.propagate = 0;
	got = build(t, &cfg, &m);
	ck_assert_str_eq(got, "cols:e1 e2 e3 e4 e5\n"
	                      "Alphaland|.|.|o|.|.|=1\n"
	                      "Betaland|o|.|.|.|.|=1\n"
	                      "Gammaland|.|.|.|.|.|=0\n"
	                      "totals: 1 0 1 0 0");
	pm_model_free(&m);
	td_free(t);
}
END_TEST

START_TEST(filters)
{
	tdossier *t = pmt_small();
	const bp_dossier *d = td_get(t);
	pm_model m;
	pm_config cfg = people();

	/* min_events counts non-cancelled events: only Adam Head has 3. */
	cfg.min_events = 3;
	ck_assert_str_eq(build(t, &cfg, &m), "cols:e1 e2 e3 e4 e5\n"
	                                     "#Alphaland|.|.|o|.|.|=1\n"
	                                     "*Adam Head|C|H|~o|o|.|=3\n"
	                                     "totals: 1 1 1 1 0");
	pm_model_free(&m);

	/* hide_empty: Gammaland and the empty reception go. */
	cfg = people();
	cfg.hide_empty = 1;
	const char *got = build(t, &cfg, &m);
	ck_assert_ptr_null(strstr(got, "Gammaland"));
	ck_assert_ptr_nonnull(strstr(got, "cols:e1 e2 e3 e4\n"));
	ck_assert_ptr_nonnull(strstr(got, "Xenia Free|.|In|.|.|=1\n"));
	pm_model_free(&m);

	/* delegations = ["bb"]: Betaland only, nobody without delegation. */
	unsigned char want_del[3] = {0, 1, 0};
	cfg = people();
	cfg.want_delegation = want_del;
	ck_assert_str_eq(build(t, &cfg, &m), "cols:e1 e2 e3 e4 e5\n"
	                                     "#Betaland|o|.|.|.|.|=1\n"
	                                     "*Boris Head|~o|o|.|o|.|=2\n"
	                                     "Berta Member|~o|.|S|.|.|=2\n"
	                                     "totals: 2 1 1 1 0");
	pm_model_free(&m);

	/* tracks = ["t1"]: e1 and e3; events without track go too. */
	unsigned char want_tr[2] = {1, 0};
	cfg = people();
	cfg.want_track = want_tr;
	got = build(t, &cfg, &m);
	ck_assert_ptr_nonnull(strstr(got, "cols:e1 e3\n"));
	ck_assert_ptr_nonnull(strstr(got, "*Adam Head|C|~o|=2\n"));
	pm_model_free(&m);

	/* events = ["e4", "e2"]: in time order whatever the list's order. */
	unsigned char want_ev[5] = {0, 1, 0, 1, 0};
	cfg = people();
	cfg.want_event = want_ev;
	cfg.hide_empty = 1;
	ck_assert_str_eq(build(t, &cfg, &m), "cols:e2 e4\n"
	                                     "#Alphaland|.|.|=0\n"
	                                     "*Adam Head|H|o|=1\n"
	                                     "#Betaland|.|.|=0\n"
	                                     "*Boris Head|o|o|=1\n"
	                                     "#-|.|.|=0\n"
	                                     "Xenia Free|In|.|=1\n"
	                                     "totals: 3 2");
	pm_model_free(&m);

	/* Grouped by track: t1's events, t2's, then those without a track. */
	cfg = people();
	cfg.group = PM_GROUP_TRACK;
	got = build(t, &cfg, &m);
	ck_assert_ptr_nonnull(strstr(got, "cols:e1 e3 e2 e4 e5\n"));
	ck_assert_uint_eq(m.n_groups, 3);
	ck_assert_ptr_eq(m.groups[0].track, d->tracks[0]);
	ck_assert_ptr_null(m.groups[2].track);
	pm_model_free(&m);
	td_free(t);
}
END_TEST

START_TEST(find_ids)
{
	tdossier *t = pmt_small();
	const bp_dossier *d = td_get(t);
	const char *near = "x";
	ck_assert_int_eq(pm_find_delegation(d, "bb", &near), 1);
	ck_assert_int_eq(pm_find_delegation(d, "bx", &near), -1);
	ck_assert_ptr_nonnull(near);
	ck_assert_int_eq(pm_find_event(d, "e4", &near), 3);
	ck_assert_int_eq(pm_find_event(d, "completely-else", &near), -1);
	ck_assert_ptr_null(near);
	ck_assert_int_eq(pm_find_track(d, "t3", &near), -1);
	ck_assert_ptr_nonnull(near);
	ck_assert_ptr_nonnull(pm_find_person(d, "a1"));
	ck_assert_ptr_null(pm_find_person(d, "aa"));
	td_free(t);
}
END_TEST

TCase *pmt_model_case(void)
{
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, people_matrix);
	tcase_add_test(tc, propagation_off);
	tcase_add_test(tc, direct_beats_light);
	tcase_add_test(tc, delegation_rows);
	tcase_add_test(tc, find_ids);
	return tc;
}

TCase *pmt_filters_case(void)
{
	TCase *tc = tcase_create("filters");
	tcase_add_test(tc, filters);
	return tc;
}
