/* dossier.c — see dossier.h.  Every key, type and reference is checked;
 * all problems are reported, not only the first. */
#include "dossier.h"
#include "cfg.h"
#include "diag.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

typedef struct loader {
	dossier *d;
	GHashTable *parties; /* id → bp_person* or bp_delegation* (one namespace) */
	GHashTable *is_delegation;
	GHashTable *tracks, *topics, *roles;
	int errors;
} loader;

static const char *const top_keys[] = {"version", "title",       "place",  "timezone", "summary",
                                       "sources", "delegations", "people", "tracks",   "topics",
                                       "roles",   "events",      NULL};

static const char *str_or_null(loader *L, const config_setting_t *g, const char *key)
{
	const char *v = NULL;
	if (cfg_string(g, key, &v) < 0)
		L->errors++;
	return v;
}

/* Checks a record group's keys and its id; returns the id or NULL. */
static const char *record_id(loader *L, const config_setting_t *g, const char *what,
                             const char *const *keys, GHashTable *ids)
{
	if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
		diag_error_at(g, "each of the %s must be a group { id = ...; ... }", what);
		L->errors++;
		return NULL;
	}
	L->errors += cfg_check_keys(g, keys, what);
	const char *id = NULL;
	if (cfg_require(g, "id", what) < 0 || cfg_string(g, "id", &id) < 0) {
		L->errors++;
		return NULL;
	}
	if (!id[0]) {
		diag_error_at(config_setting_get_member(g, "id"), "an id may not be empty");
		L->errors++;
		return NULL;
	}
	if (g_hash_table_contains(ids, id)) {
		diag_error_at(config_setting_get_member(g, "id"), "the id '%s' is used twice", id);
		L->errors++;
		return NULL;
	}
	return id;
}

static const char *required_name(loader *L, const config_setting_t *g, const char *key,
                                 const char *what)
{
	const char *v = NULL;
	if (cfg_require(g, key, what) < 0 || cfg_string(g, key, &v) < 0)
		L->errors++;
	return v ? v : "";
}

/* The list member `key` of the root, or NULL; reports a wrong type. */
static const config_setting_t *records(loader *L, const config_setting_t *root, const char *key)
{
	const config_setting_t *s = config_setting_get_member(root, key);
	if (!s)
		return NULL;
	if (config_setting_type(s) != CONFIG_TYPE_LIST) {
		if (config_setting_type(s) == CONFIG_TYPE_ARRAY && config_setting_length(s) == 0)
			return NULL;
		diag_error_at(s, "'%s' must be a list ( { ... }, { ... } )", key);
		L->errors++;
		return NULL;
	}
	if (config_setting_length(s) > DOSSIER_MAX_RECORDS) {
		diag_error_at(s, "'%s' has %d records; at most %d are allowed", key,
		              config_setting_length(s), DOSSIER_MAX_RECORDS);
		L->errors++;
		return NULL;
	}
	return s;
}

static void load_delegations(loader *L, const config_setting_t *root)
{
	static const char *const keys[] = {"id", "name", NULL};
	const config_setting_t *list = records(L, root, "delegations");
	int n = list ? config_setting_length(list) : 0;
	bp_delegation **v = ARENA_ARRAY(&L->d->mem, bp_delegation *, (size_t)n + 1);
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		const char *id = record_id(L, g, "delegations", keys, L->parties);
		if (!id)
			continue;
		bp_delegation *dl = ARENA_NEW(&L->d->mem, bp_delegation);
		dl->size = sizeof *dl;
		dl->id = id;
		dl->name = required_name(L, g, "name", "a delegation");
		dl->index = k;
		g_hash_table_insert(L->parties, (char *)id, dl);
		g_hash_table_add(L->is_delegation, dl);
		v[k++] = dl;
	}
	L->d->pub.delegations = (const bp_delegation *const *)v;
	L->d->pub.n_delegations = k;
}

static void load_people(loader *L, const config_setting_t *root)
{
	static const char *const keys[] = {"id",         "name", "native_name", "role",
	                                   "delegation", "head", NULL};
	const config_setting_t *list = records(L, root, "people");
	int n = list ? config_setting_length(list) : 0;
	bp_person **v = ARENA_ARRAY(&L->d->mem, bp_person *, (size_t)n + 1);
	size_t k = 0;
	size_t *members = calloc(L->d->pub.n_delegations + 1, sizeof *members);
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		const char *id = record_id(L, g, "people", keys, L->parties);
		if (!id)
			continue;
		bp_person *p = ARENA_NEW(&L->d->mem, bp_person);
		p->size = sizeof *p;
		p->id = id;
		p->name = required_name(L, g, "name", "a person");
		p->native_name = str_or_null(L, g, "native_name");
		p->role = str_or_null(L, g, "role");
		p->index = k;
		const char *del = str_or_null(L, g, "delegation");
		if (del) {
			bp_delegation *dl = g_hash_table_lookup(L->parties, del);
			if (!dl || !g_hash_table_contains(L->is_delegation, dl)) {
				diag_error_at(config_setting_get_member(g, "delegation"),
				              "'%s' is not a delegation", del);
				L->errors++;
			} else {
				p->delegation = dl;
				members[dl->index]++;
			}
		}
		if (cfg_bool(g, "head", &p->head) < 0)
			L->errors++;
		if (p->head && !p->delegation) {
			diag_error_at(config_setting_get_member(g, "head"),
			              "head = true needs a delegation to be head of");
			L->errors++;
			p->head = 0;
		} else if (p->head && p->delegation->head) {
			diag_error_at(config_setting_get_member(g, "head"),
			              "delegation '%s' already has a head (%s)", p->delegation->id,
			              p->delegation->head->id);
			L->errors++;
			p->head = 0;
		} else if (p->head) {
			((bp_delegation *)p->delegation)->head = p;
		}
		g_hash_table_insert(L->parties, (char *)id, p);
		v[k++] = p;
	}
	/* Each delegation's members, in file order. */
	for (size_t i = 0; i < L->d->pub.n_delegations; i++) {
		bp_delegation *dl = (bp_delegation *)L->d->pub.delegations[i];
		dl->members = (const bp_person *const *)ARENA_ARRAY(&L->d->mem, bp_person *,
		                                                    members[i] + 1);
		dl->n_members = 0;
	}
	for (size_t i = 0; i < k; i++)
		if (v[i]->delegation) {
			bp_delegation *dl = (bp_delegation *)v[i]->delegation;
			((const bp_person **)dl->members)[dl->n_members++] = v[i];
		}
	free(members);
	L->d->pub.people = (const bp_person *const *)v;
	L->d->pub.n_people = k;
}

static void load_tracks(loader *L, const config_setting_t *root)
{
	static const char *const keys[] = {"id", "name", "color", NULL};
	const config_setting_t *list = records(L, root, "tracks");
	int n = list ? config_setting_length(list) : 0;
	bp_track **v = ARENA_ARRAY(&L->d->mem, bp_track *, (size_t)n + 1);
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		const char *id = record_id(L, g, "tracks", keys, L->tracks);
		if (!id)
			continue;
		bp_track *t = ARENA_NEW(&L->d->mem, bp_track);
		t->size = sizeof *t;
		t->id = id;
		t->name = required_name(L, g, "name", "a track");
		t->index = k;
		const char *color = str_or_null(L, g, "color");
		double rgb[3];
		if (color && cfg_parse_color(color, rgb) < 0) {
			diag_error_at(config_setting_get_member(g, "color"),
			              "color '%s' is not of the form \"#RRGGBB\"", color);
			L->errors++;
		} else if (color) {
			t->has_color = 1;
			t->color = (bp_color){rgb[0], rgb[1], rgb[2]};
		}
		g_hash_table_insert(L->tracks, (char *)id, t);
		v[k++] = t;
	}
	L->d->pub.tracks = (const bp_track *const *)v;
	L->d->pub.n_tracks = k;
}

static void load_topics(loader *L, const config_setting_t *root)
{
	static const char *const keys[] = {"id", "name", "notes", NULL};
	const config_setting_t *list = records(L, root, "topics");
	int n = list ? config_setting_length(list) : 0;
	bp_topic **v = ARENA_ARRAY(&L->d->mem, bp_topic *, (size_t)n + 1);
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		const char *id = record_id(L, g, "topics", keys, L->topics);
		if (!id)
			continue;
		bp_topic *t = ARENA_NEW(&L->d->mem, bp_topic);
		t->size = sizeof *t;
		t->id = id;
		t->name = required_name(L, g, "name", "a topic");
		t->notes = str_or_null(L, g, "notes");
		t->index = k;
		g_hash_table_insert(L->topics, (char *)id, t);
		v[k++] = t;
	}
	L->d->pub.topics = (const bp_topic *const *)v;
	L->d->pub.n_topics = k;
}

static void load_roles(loader *L, const config_setting_t *root)
{
	static const char *const keys[] = {"id", "name", "mark", NULL};
	static const struct {
		const char *id, *name, *mark;
	} builtin[] = {{"attendee", "Attendee", "\u25CF"},
	               {"host", "Host", "H"},
	               {"chair", "Chair", "C"},
	               {"speaker", "Speaker", "S"}};
	const config_setting_t *list = records(L, root, "roles");
	int n = list ? config_setting_length(list) : 0;
	size_t nb = sizeof builtin / sizeof *builtin;
	bp_role **v = ARENA_ARRAY(&L->d->mem, bp_role *, nb + (size_t)n + 1);
	size_t k = 0;
	for (size_t i = 0; i < nb; i++) {
		bp_role *r = ARENA_NEW(&L->d->mem, bp_role);
		*r = (bp_role){sizeof *r, builtin[i].id, builtin[i].name, builtin[i].mark, 1, k};
		g_hash_table_insert(L->roles, (char *)r->id, r);
		v[k++] = r;
	}
	GHashTable *defined = g_hash_table_new(g_str_hash, g_str_equal);
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		const char *id = record_id(L, g, "roles", keys, defined);
		if (!id)
			continue;
		g_hash_table_add(defined, (char *)id);
		bp_role *r = g_hash_table_lookup(L->roles, id);
		if (!r) {
			r = ARENA_NEW(&L->d->mem, bp_role);
			r->size = sizeof *r;
			r->id = id;
			r->index = k;
			v[k++] = r;
			g_hash_table_insert(L->roles, (char *)id, r);
			if (cfg_require(g, "mark", "a role that is not built in") < 0)
				L->errors++;
		}
		r->builtin = 0;
		r->name = required_name(L, g, "name", "a role");
		const char *mark = str_or_null(L, g, "mark");
		if (mark) {
			long len = g_utf8_strlen(mark, -1);
			if (len < 1 || len > 2) {
				diag_error_at(config_setting_get_member(g, "mark"),
				              "a role's mark is one or two characters, not \"%s\"",
				              mark);
				L->errors++;
			} else {
				r->mark = mark;
			}
		}
		if (!r->mark)
			r->mark = "?";
	}
	g_hash_table_destroy(defined);
	/* No two roles share a mark (a hash: a hostile dossier may hold many). */
	GHashTable *marks = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; i < k; i++) {
		const bp_role *other = g_hash_table_lookup(marks, v[i]->mark);
		if (other) {
			const config_setting_t *where = list ? list : root;
			diag_error_at(where, "roles '%s' and '%s' share the mark \"%s\"", other->id,
			              v[i]->id, v[i]->mark);
			L->errors++;
		} else {
			g_hash_table_insert(marks, (char *)v[i]->mark, v[i]);
		}
	}
	g_hash_table_destroy(marks);
	L->d->pub.roles = (const bp_role *const *)v;
	L->d->pub.n_roles = k;
}

static int parse_time(loader *L, const config_setting_t *ev, const char *key, int is_end,
                      bp_time *out)
{
	const char *s = NULL;
	int r = cfg_string(ev, key, &s);
	if (r < 0)
		L->errors++;
	if (r <= 0)
		return r;
	char err[200];
	if (bp_time_parse(s, L->d->zone, is_end, out, err, sizeof err) < 0) {
		diag_error_at(config_setting_get_member(ev, key), "%s: %s", key, err);
		L->errors++;
		return -1;
	}
	return 1;
}

/* The end may not be before the start, compared at the end's precision. */
static int end_before_start(const bp_time *start, const bp_time *end)
{
	if (end->prec >= start->prec)
		return end->epoch < start->epoch;
	int sy = start->year, sm = start->month;
	if (end->prec == BP_PREC_MONTH)
		return end->year * 12 + end->month < sy * 12 + sm;
	return end->days < start->days;
}

static void load_attendees(loader *L, const config_setting_t *ev, bp_event *e)
{
	const config_setting_t *list = config_setting_get_member(ev, "attendees");
	if (!list)
		return;
	int t = config_setting_type(list);
	if (t != CONFIG_TYPE_LIST && t != CONFIG_TYPE_ARRAY) {
		diag_error_at(list, "'attendees' must be a list ( \"id\", { who = \"id\"; role = "
		                    "\"host\"; } )");
		L->errors++;
		return;
	}
	int n = config_setting_length(list);
	if (n > CFG_MAX_LIST) {
		diag_error_at(list, "'attendees' has %d entries; at most %d are allowed", n,
		              CFG_MAX_LIST);
		L->errors++;
		return;
	}
	bp_attendee **v = ARENA_ARRAY(&L->d->mem, bp_attendee *, (size_t)n + 1);
	size_t k = 0;
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	static const char *const keys[] = {"who", "role", NULL};
	const bp_role *attendee = g_hash_table_lookup(L->roles, "attendee");
	for (int i = 0; i < n; i++) {
		const config_setting_t *a = config_setting_get_elem(list, (unsigned)i);
		const config_setting_t *where = a;
		const char *who = NULL, *role = "attendee";
		if (config_setting_type(a) == CONFIG_TYPE_STRING) {
			who = config_setting_get_string(a);
			if (cfg_check_text(a, who) < 0) {
				L->errors++;
				continue;
			}
		} else if (config_setting_type(a) == CONFIG_TYPE_GROUP) {
			L->errors += cfg_check_keys(a, keys, "an attendee");
			if (cfg_require(a, "who", "an attendee") < 0 ||
			    cfg_string(a, "who", &who) < 0 || cfg_string(a, "role", &role) < 0) {
				L->errors++;
				continue;
			}
			where = config_setting_get_member(a, "who");
		} else {
			diag_error_at(a, "an attendee is an id \"putin\" or a group { who = ...; "
			                 "role = ...; }");
			L->errors++;
			continue;
		}
		void *party = g_hash_table_lookup(L->parties, who);
		if (!party) {
			diag_error_at(where, "attendee '%s' is neither a person nor a delegation",
			              who);
			L->errors++;
			continue;
		}
		const bp_role *r = g_hash_table_lookup(L->roles, role);
		if (!r) {
			diag_error_at(config_setting_get_member(a, "role"),
			              "role '%s' is not defined", role);
			L->errors++;
			r = attendee;
		}
		if (g_hash_table_contains(seen, who)) {
			diag_error_at(where, "attendee '%s' is named twice in event '%s'", who,
			              e->id);
			L->errors++;
			continue;
		}
		g_hash_table_add(seen, (char *)who);
		bp_attendee *at = ARENA_NEW(&L->d->mem, bp_attendee);
		at->size = sizeof *at;
		at->role = r;
		if (g_hash_table_contains(L->is_delegation, party))
			at->delegation = party;
		else
			at->person = party;
		v[k++] = at;
	}
	g_hash_table_destroy(seen);
	e->attendees = (const bp_attendee *const *)v;
	e->n_attendees = k;
}

static void load_event_topics(loader *L, const config_setting_t *ev, bp_event *e)
{
	const char **ids;
	size_t n;
	int r = cfg_strings(ev, "topics", &ids, &n);
	if (r < 0)
		L->errors++;
	if (r <= 0)
		return;
	const config_setting_t *list = config_setting_get_member(ev, "topics");
	bp_topic **v = ARENA_ARRAY(&L->d->mem, bp_topic *, n + 1);
	size_t k = 0;
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (size_t i = 0; i < n; i++) {
		const config_setting_t *at = config_setting_type(list) == CONFIG_TYPE_STRING
		                                     ? list
		                                     : config_setting_get_elem(list, (unsigned)i);
		bp_topic *t = g_hash_table_lookup(L->topics, ids[i]);
		if (!t) {
			diag_error_at(at, "topic '%s' is not defined in topics", ids[i]);
			L->errors++;
			continue;
		}
		if (!g_hash_table_add(seen, t)) {
			diag_error_at(at, "topic '%s' is named twice in event '%s'", ids[i], e->id);
			L->errors++;
			continue;
		}
		v[k++] = t;
	}
	g_hash_table_destroy(seen);
	free(ids);
	e->topics = (const bp_topic *const *)v;
	e->n_topics = k;
}

static int compare_events(const void *a, const void *b)
{
	const bp_event *x = *(const bp_event *const *)a, *y = *(const bp_event *const *)b;
	if (x->start.epoch != y->start.epoch)
		return x->start.epoch < y->start.epoch ? -1 : 1;
	return x->file_index < y->file_index ? -1 : x->file_index > y->file_index;
}

static void load_events(loader *L, const config_setting_t *root)
{
	static const char *const keys[] = {"id",       "title",  "track",  "start",     "end",
	                                   "venue",    "format", "status", "attendees", "topics",
	                                   "outcomes", "notes",  NULL};
	const config_setting_t *list = records(L, root, "events");
	int n = list ? config_setting_length(list) : 0;
	bp_event **v = ARENA_ARRAY(&L->d->mem, bp_event *, (size_t)n + 1);
	GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(list, (unsigned)i);
		const char *id = record_id(L, g, "events", keys, ids);
		if (!id)
			continue;
		g_hash_table_add(ids, (char *)id);
		bp_event *e = ARENA_NEW(&L->d->mem, bp_event);
		e->size = sizeof *e;
		e->id = id;
		e->file_index = k;
		e->title = required_name(L, g, "title", "an event");
		if (cfg_require(g, "start", "an event") < 0)
			L->errors++;
		int has_start = parse_time(L, g, "start", 0, &e->start) > 0;
		int has_end = parse_time(L, g, "end", 1, &e->end) > 0;
		if (has_start && has_end && end_before_start(&e->start, &e->end)) {
			diag_error_at(config_setting_get_member(g, "end"),
			              "event '%s' ends before it starts", id);
			L->errors++;
		}
		if (!has_start)
			e->start.prec = BP_PREC_MONTH; /* keeps sorting defined after errors */
		const char *track = str_or_null(L, g, "track");
		if (track) {
			e->track = g_hash_table_lookup(L->tracks, track);
			if (!e->track) {
				diag_error_at(config_setting_get_member(g, "track"),
				              "track '%s' is not defined in tracks", track);
				L->errors++;
			}
		}
		e->venue = str_or_null(L, g, "venue");
		e->format = str_or_null(L, g, "format");
		e->notes = str_or_null(L, g, "notes");
		const char *status = str_or_null(L, g, "status");
		if (!status || !strcmp(status, "confirmed"))
			e->status = BP_STATUS_CONFIRMED;
		else if (!strcmp(status, "tentative"))
			e->status = BP_STATUS_TENTATIVE;
		else if (!strcmp(status, "cancelled"))
			e->status = BP_STATUS_CANCELLED;
		else {
			diag_error_at(config_setting_get_member(g, "status"),
			              "status must be \"confirmed\", \"tentative\" or "
			              "\"cancelled\", not \"%s\"",
			              status);
			L->errors++;
		}
		load_attendees(L, g, e);
		load_event_topics(L, g, e);
		const char **outcomes = NULL;
		size_t n_out = 0;
		int r = cfg_strings(g, "outcomes", &outcomes, &n_out);
		if (r < 0)
			L->errors++;
		if (r > 0) {
			const char **copy = ARENA_ARRAY(&L->d->mem, const char *, n_out + 1);
			memcpy(copy, outcomes, n_out * sizeof *copy);
			e->outcomes = copy;
			e->n_outcomes = n_out;
			free(outcomes);
		}
		v[k++] = e;
	}
	g_hash_table_destroy(ids);
	qsort(v, k, sizeof *v, compare_events);
	for (size_t i = 0; i < k; i++)
		v[i]->index = i;
	L->d->pub.events = (const bp_event *const *)v;
	L->d->pub.n_events = k;
}

static dossier *load(dossier *d, const config_setting_t *root)
{
	loader L = {.d = d};
	L.parties = g_hash_table_new(g_str_hash, g_str_equal);
	L.is_delegation = g_hash_table_new(g_direct_hash, g_direct_equal);
	L.tracks = g_hash_table_new(g_str_hash, g_str_equal);
	L.topics = g_hash_table_new(g_str_hash, g_str_equal);
	L.roles = g_hash_table_new(g_str_hash, g_str_equal);
	bp_dossier *p = &d->pub;
	p->size = sizeof *p;

	L.errors += cfg_check_keys(root, top_keys, "the dossier");
	long version = 0;
	if (cfg_require(root, "version", "the dossier") < 0)
		L.errors++;
	else if (cfg_int(root, "version", 1, 1, &version) < 0)
		L.errors++;
	p->title = str_or_null(&L, root, "title");
	p->place = str_or_null(&L, root, "place");
	p->summary = str_or_null(&L, root, "summary");
	p->timezone = str_or_null(&L, root, "timezone");
	if (p->timezone) {
		d->zone = bp_zone_open(p->timezone);
		if (!d->zone) {
			diag_error_at(
			        config_setting_get_member(root, "timezone"),
			        "unknown time zone '%s' (an IANA name such as \"Asia/Dushanbe\", "
			        "or an offset such as \"+05:00\")",
			        p->timezone);
			L.errors++;
		}
	}
	const char **sources = NULL;
	size_t n_sources = 0;
	if (cfg_strings(root, "sources", &sources, &n_sources) < 0)
		L.errors++;
	if (sources) {
		const char **copy = ARENA_ARRAY(&d->mem, const char *, n_sources + 1);
		memcpy(copy, sources, n_sources * sizeof *copy);
		p->sources = copy;
		p->n_sources = n_sources;
		free(sources);
	}
	load_delegations(&L, root);
	load_people(&L, root);
	load_tracks(&L, root);
	load_topics(&L, root);
	load_roles(&L, root);
	load_events(&L, root);
	if (d->zone && p->n_events) {
		char buf[128];
		bp_zone_label(d->zone, p->events[0]->start.epoch, buf, sizeof buf);
		p->zone_label = arena_strdup(&d->mem, buf);
	}
	g_hash_table_destroy(L.parties);
	g_hash_table_destroy(L.is_delegation);
	g_hash_table_destroy(L.tracks);
	g_hash_table_destroy(L.topics);
	g_hash_table_destroy(L.roles);
	if (L.errors) {
		dossier_free(d);
		return NULL;
	}
	return d;
}

dossier *dossier_load_file(const char *path)
{
	dossier *d = calloc(1, sizeof *d);
	if (cfg_load(&d->cfg, path) < 0) {
		free(d);
		return NULL;
	}
	d->own_cfg = 1;
	return load(d, config_root_setting(&d->cfg));
}

dossier *dossier_load_group(const config_setting_t *group)
{
	dossier *d = calloc(1, sizeof *d);
	return load(d, group);
}

void dossier_free(dossier *d)
{
	if (!d)
		return;
	if (d->own_cfg)
		config_destroy(&d->cfg);
	bp_zone_free(d->zone);
	arena_free(&d->mem);
	free(d);
}
