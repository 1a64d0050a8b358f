/*
 * options.c — turns the section's options into a pm_config and builds the
 * model.  The host has already checked types, ranges and choices; what is
 * left is what only the dossier can tell: that the ids in `delegations`,
 * `events` and `tracks` exist.  Every bad id is reported, not just the
 * first, with the nearest id when one is close.
 */
#include "matrix.h"

#include <stdlib.h>
#include <string.h>

typedef long (*finder)(const bp_dossier *d, const char *id, const char **suggest);

/* Reads a list option into a flag array; NULL (and *flags NULL) when the
 * option is unset.  Returns the number of unknown ids. */
static int read_ids(pm_state *st, const char *opt, size_t n, finder find, unsigned char **flags)
{
	const bp_host *h = st->host;
	*flags = NULL;
	if (!h->opt_is_set(st->s, opt))
		return 0;
	size_t count = h->opt_count(st->s, opt);
	*flags = calloc(n + 1, 1);
	if (!*flags) {
		h->error(st->s, "out of memory");
		return 1;
	}
	int bad = 0;
	for (size_t i = 0; i < count; i++) {
		const char *id = h->opt_string_at(st->s, opt, i);
		const char *near = NULL;
		long k = id ? find(st->d, id, &near) : -1;
		if (k >= 0) {
			(*flags)[k] = 1;
			continue;
		}
		bad++;
		const bp_person *p = NULL;
		if (id && !strcmp(opt, "delegations"))
			p = pm_find_person(st->d, id);
		if (p)
			h->error(
			        st->s,
			        "%s: \"%s\" is a person, not a delegation (%s is in delegation %s)",
			        opt, id, p->name, p->delegation ? p->delegation->id : "none");
		else if (near)
			h->error(st->s, "%s: no %s has the id \"%s\"; did you mean \"%s\"?", opt,
			         !strcmp(opt, "delegations") ? "delegation"
			         : !strcmp(opt, "events")    ? "event"
			                                     : "track",
			         id ? id : "", near);
		else
			h->error(st->s, "%s: no %s has the id \"%s\"", opt,
			         !strcmp(opt, "delegations") ? "delegation"
			         : !strcmp(opt, "events")    ? "event"
			                                     : "track",
			         id ? id : "");
	}
	return bad;
}

static int is(const char *a, const char *b)
{
	return a && !strcmp(a, b);
}

int pm_options_read(pm_state *st)
{
	const bp_host *h = st->host;
	bp_section *s = st->s;
	st->d = h->dossier(s);
	st->theme = h->theme(s);
	const bp_document *doc = h->document(s);
	st->lang = doc && doc->language ? doc->language : "en";

	st->cfg.rows =
	        is(h->opt_string(s, "rows"), "delegations") ? PM_ROWS_DELEGATIONS : PM_ROWS_PEOPLE;
	st->cfg.group = is(h->opt_string(s, "group_by"), "track") ? PM_GROUP_TRACK : PM_GROUP_DAY;
	st->across = is(h->opt_string(s, "order"), "across");
	st->angle = (int)h->opt_int(s, "header_angle");
	if (st->angle != 45 && st->angle != 60)
		st->angle = 90;
	st->cfg.min_events = h->opt_int(s, "min_events");
	st->cfg.hide_empty = h->opt_bool(s, "hide_empty");
	st->cfg.propagate = h->opt_bool(s, "propagate");
	st->totals = h->opt_bool(s, "totals");
	st->legend = h->opt_bool(s, "legend");
	st->show_times = h->opt_bool(s, "show_times");
	st->font_size = h->opt_float(s, "font_size");
	st->label_width_max = h->opt_float(s, "label_width") * PM_MM;
	st->label_lines = (int)h->opt_int(s, "label_lines");
	st->header_length_max = h->opt_float(s, "header_length") * PM_MM;
	st->header_lines = (int)h->opt_int(s, "header_lines");
	if (st->label_lines < 1)
		st->label_lines = 1;
	if (st->header_lines < 0)
		st->header_lines = 0;

	int bad = 0;
	if (st->font_size != 0 && st->font_size < 4) {
		h->error(s,
		         "font_size: %g pt is too small to read; use 4 pt or more (0: automatic)",
		         st->font_size);
		bad++;
	}
	if (st->header_length_max != 0 && st->header_length_max < 10 * PM_MM) {
		h->error(s,
		         "header_length: %g mm leaves no room for a title; use 10 mm or more "
		         "(0: automatic)",
		         st->header_length_max / PM_MM);
		bad++;
	}
	bad += read_ids(st, "delegations", st->d->n_delegations, pm_find_delegation,
	                &st->want_delegation);
	bad += read_ids(st, "events", st->d->n_events, pm_find_event, &st->want_event);
	bad += read_ids(st, "tracks", st->d->n_tracks, pm_find_track, &st->want_track);
	if (bad)
		return -1;
	st->cfg.want_delegation = st->want_delegation;
	st->cfg.want_event = st->want_event;
	st->cfg.want_track = st->want_track;

	if (pm_model_build(&st->m, st->d, &st->cfg) != 0) {
		if (st->d->n_roles > PM_MAX_ROLES)
			h->error(s, "the dossier has %zu roles; the matrix can tell %d apart",
			         st->d->n_roles, PM_MAX_ROLES);
		else
			h->error(s, "out of memory building a %zu x %zu matrix", st->d->n_people,
			         st->d->n_events);
		return -1;
	}
	return 0;
}
