/*
 * attendees.c — phrases the attendees of an event (see attendees.h).
 *
 * Heads of delegation are always named in full: they are who the principal
 * meets.  Everyone else is grouped by delegation, in order of first mention,
 * and cut after max_names with "and N others" so a 20-strong delegation
 * stays one line.  A delegation attending as a whole with nobody left to
 * name joins the short "Delegations:" list.
 */
#include "attendees.h"

#include "words.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

static int default_role(const bp_role *r)
{
	return !r || (r->id && strcmp(r->id, "attendee") == 0);
}

/* "Name / native (role; Host)"; delegation name added for heads whose role
 * does not already say where they are from. */
static void put_person(GString *s, const bp_person *p, const bp_role *event_role, int with_country,
                       const ag_attendee_opts *o)
{
	g_string_append(s, p->name);
	if (o->native_names && p->native_name && strcmp(p->native_name, p->name) != 0)
		g_string_append_printf(s, " / %s", p->native_name);
	const char *country = NULL;
	if (with_country && p->delegation && p->delegation->name &&
	    !(p->role && strstr(p->role, p->delegation->name)))
		country = p->delegation->name;
	const char *er = default_role(event_role) ? NULL : event_role->name;
	if (!p->role && !country && !er)
		return;
	g_string_append(s, " (");
	const char *sep = "";
	if (p->role) {
		g_string_append(s, p->role);
		sep = ", ";
	}
	if (country) {
		g_string_append_printf(s, "%s%s", sep, country);
		sep = ", ";
	}
	if (er)
		g_string_append_printf(s, "%s%s", *sep ? "; " : "", er);
	g_string_append(s, ")");
}

/* Joins items as "a, b and c", or "a, b, c and 3 others" when there are
 * more than max (0: no limit). */
static char *join(GPtrArray *items, size_t max, const ag_attendee_opts *o)
{
	GString *s = g_string_new(NULL);
	/* Cutting a single name to say "and 1 other" saves nothing. */
	size_t n = items->len, shown = (max && n > max + 1) ? max : n;
	size_t rest = n - shown;
	for (size_t i = 0; i < shown; i++) {
		if (i > 0 && i + 1 == shown && !rest)
			g_string_append_printf(s, " %s ", ag_word_get(o->language, AG_AND));
		else if (i > 0)
			g_string_append(s, ", ");
		g_string_append(s, g_ptr_array_index(items, i));
	}
	if (rest) {
		g_string_append_c(s, ' ');
		g_string_append_printf(s, ag_word_get(o->language, AG_AND_OTHERS), rest);
	}
	return g_string_free(s, FALSE);
}

typedef struct deleg_group {
	const bp_delegation *d;
	const bp_role *whole_role; /* attends as a whole with this role */
	int whole;
	GPtrArray *names; /* char*, named members in attendee order */
	GPtrArray *named; /* const bp_person*, to leave out of the rest */
} deleg_group;

static deleg_group *group_for(GArray *groups, const bp_delegation *d)
{
	for (guint i = 0; i < groups->len; i++) {
		deleg_group *g = &g_array_index(groups, deleg_group, i);
		if (g->d == d)
			return g;
	}
	deleg_group g = {.d = d,
	                 .names = g_ptr_array_new_with_free_func(g_free),
	                 .named = g_ptr_array_new()};
	g_array_append_val(groups, g);
	return &g_array_index(groups, deleg_group, groups->len - 1);
}

static int contains(GPtrArray *a, const void *p)
{
	for (guint i = 0; i < a->len; i++)
		if (g_ptr_array_index(a, i) == p)
			return 1;
	return 0;
}

static void add_line(GArray *lines, const char *label, char *text)
{
	ag_line l = {.label = g_strdup(label), .text = text};
	g_array_append_val(lines, l);
}

/* The heads of delegation at ev, whether named or present through their
 * delegation, in order of mention: into heads (const bp_person*) and
 * head_names (char*, phrased). */
static void collect_heads(const bp_event *ev, const ag_attendee_opts *o, GPtrArray *heads,
                          GPtrArray *head_names)
{
	for (size_t i = 0; i < ev->n_attendees; i++) {
		const bp_attendee *a = ev->attendees[i];
		const bp_person *h = NULL;
		if (a->person && a->person->head)
			h = a->person;
		else if (a->delegation && a->delegation->head)
			h = a->delegation->head;
		if (!h || contains(heads, h))
			continue;
		/* The person's own event role wins over the delegation's. */
		const bp_role *r = a->role;
		if (!a->person)
			for (size_t j = 0; j < ev->n_attendees; j++)
				if (ev->attendees[j]->person == h)
					r = ev->attendees[j]->role;
		GString *s = g_string_new(NULL);
		put_person(s, h, r, 1, o);
		g_ptr_array_add(heads, (gpointer)h);
		g_ptr_array_add(head_names, g_string_free(s, FALSE));
	}
}

/* A delegation of the counted line and how many of it attend. */
typedef struct deleg_count {
	const bp_delegation *d;
	const bp_role *whole_role; /* attends as a whole with this role */
	size_t n;
} deleg_count;

static deleg_count *count_for(GArray *counts, const bp_delegation *d)
{
	for (guint i = 0; i < counts->len; i++) {
		deleg_count *c = &g_array_index(counts, deleg_count, i);
		if (c->d == d)
			return c;
	}
	deleg_count c = {.d = d};
	g_array_append_val(counts, c);
	return &g_array_index(counts, deleg_count, counts->len - 1);
}

/* attendees = "delegations": after the heads, one line of delegations in
 * order of first mention (a head attending by name mentions his), each
 * with the number of its people present, heads included; then the number
 * of other participants.  Everyone is counted once; a delegation the
 * dossier names nobody of is named without a count. */
static void counted_lines(const bp_event *ev, const ag_attendee_opts *o, GPtrArray *heads,
                          GArray *lines)
{
	GArray *counts = g_array_new(FALSE, FALSE, sizeof(deleg_count));
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	size_t loose = 0;
	for (size_t i = 0; i < ev->n_attendees; i++) {
		const bp_attendee *a = ev->attendees[i];
		if (a->delegation) {
			deleg_count *c = count_for(counts, a->delegation);
			c->whole_role = a->role;
			for (size_t m = 0; m < a->delegation->n_members; m++)
				if (g_hash_table_add(seen, (gpointer)a->delegation->members[m]))
					c->n++;
		} else if (a->person && g_hash_table_add(seen, (gpointer)a->person)) {
			if (a->person->delegation)
				count_for(counts, a->person->delegation)->n++;
			else if (!contains(heads, a->person))
				loose++;
		}
	}
	GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < counts->len; i++) {
		const deleg_count *c = &g_array_index(counts, deleg_count, i);
		const char *er =
		        c->whole_role && !default_role(c->whole_role) ? c->whole_role->name : NULL;
		/* A delegation the dossier names nobody of has no count to
		 * give: "Uzbekistan", as in the names mode. */
		GString *it = g_string_new(c->d->name);
		if (c->n && er)
			g_string_append_printf(it, " (%zu; %s)", c->n, er);
		else if (c->n)
			g_string_append_printf(it, " (%zu)", c->n);
		else if (er)
			g_string_append_printf(it, " (%s)", er);
		g_ptr_array_add(items, g_string_free(it, FALSE));
	}
	if (items->len)
		add_line(lines, ag_word_get(o->language, AG_DELEGATIONS), join(items, 0, o));
	if (loose)
		add_line(lines, ag_word_get(o->language, AG_OTHERS), g_strdup_printf("%zu", loose));
	g_ptr_array_free(items, TRUE);
	g_hash_table_destroy(seen);
	g_array_free(counts, TRUE);
}

/* attendees = "names": everyone but the heads, by delegation in order of
 * first mention, cut after max_names; delegations attending as a whole
 * with nobody left to name on one "Delegations:" line; then the people of
 * no delegation. */
static void named_lines(const bp_event *ev, const ag_attendee_opts *o, GPtrArray *heads,
                        GArray *lines)
{
	GArray *groups = g_array_new(FALSE, FALSE, sizeof(deleg_group));
	GPtrArray *loose = g_ptr_array_new_with_free_func(g_free);

	for (size_t i = 0; i < ev->n_attendees; i++) {
		const bp_attendee *a = ev->attendees[i];
		if (a->delegation) {
			deleg_group *g = group_for(groups, a->delegation);
			g->whole = 1;
			g->whole_role = a->role;
		} else if (a->person && !contains(heads, a->person)) {
			GString *s = g_string_new(NULL);
			put_person(s, a->person, a->role, 0, o);
			if (a->person->delegation) {
				deleg_group *g = group_for(groups, a->person->delegation);
				g_ptr_array_add(g->names, g_string_free(s, FALSE));
				g_ptr_array_add(g->named, (gpointer)a->person);
			} else {
				g_ptr_array_add(loose, g_string_free(s, FALSE));
			}
		}
	}

	GPtrArray *summary = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < groups->len; i++) {
		deleg_group *g = &g_array_index(groups, deleg_group, i);
		if (g->whole)
			for (size_t m = 0; m < g->d->n_members; m++) {
				const bp_person *p = g->d->members[m];
				if (contains(heads, p) || contains(g->named, p))
					continue;
				GString *s = g_string_new(NULL);
				put_person(s, p, NULL, 0, o);
				g_ptr_array_add(g->names, g_string_free(s, FALSE));
			}
		const char *er =
		        g->whole && !default_role(g->whole_role) ? g->whole_role->name : NULL;
		if (g->names->len == 0) {
			if (g->whole)
				g_ptr_array_add(summary,
				                er ? g_strdup_printf("%s (%s)", g->d->name, er)
				                   : g_strdup(g->d->name));
			continue;
		}
		char *label = g->whole
		                      ? g_strdup_printf("%s, %s%s%s%s", g->d->name,
		                                        ag_word_get(o->language, AG_FULL),
		                                        er ? " (" : "", er ? er : "", er ? ")" : "")
		                      : g_strdup(g->d->name);
		add_line(lines, label, join(g->names, o->max_names, o));
		g_free(label);
	}
	if (summary->len)
		add_line(lines, ag_word_get(o->language, AG_DELEGATIONS), join(summary, 0, o));
	if (loose->len)
		add_line(lines, ag_word_get(o->language, AG_OTHERS), join(loose, o->max_names, o));

	for (guint i = 0; i < groups->len; i++) {
		deleg_group *g = &g_array_index(groups, deleg_group, i);
		g_ptr_array_free(g->names, TRUE);
		g_ptr_array_free(g->named, TRUE);
	}
	g_array_free(groups, TRUE);
	g_ptr_array_free(summary, TRUE);
	g_ptr_array_free(loose, TRUE);
}

size_t ag_attendee_lines(const bp_event *ev, const ag_attendee_opts *o, ag_line **out)
{
	*out = NULL;
	if (o->mode == AG_ATTENDEES_NONE)
		return 0;
	GArray *lines = g_array_new(FALSE, FALSE, sizeof(ag_line));
	GPtrArray *heads = g_ptr_array_new();                           /* const bp_person* */
	GPtrArray *head_names = g_ptr_array_new_with_free_func(g_free); /* char* */
	collect_heads(ev, o, heads, head_names);
	if (heads->len)
		add_line(lines, ag_word_get(o->language, heads->len > 1 ? AG_HEADS : AG_HEAD),
		         join(head_names, 0, o));
	if (o->mode == AG_ATTENDEES_DELEGATIONS)
		counted_lines(ev, o, heads, lines);
	else
		named_lines(ev, o, heads, lines);
	g_ptr_array_free(heads, TRUE);
	g_ptr_array_free(head_names, TRUE);
	size_t n = lines->len;
	*out = (ag_line *)(void *)g_array_free(lines, FALSE);
	return n;
}

void ag_lines_free(ag_line *lines, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		g_free(lines[i].label);
		g_free(lines[i].text);
	}
	g_free(lines);
}
