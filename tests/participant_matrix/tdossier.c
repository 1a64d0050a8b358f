/* tdossier.c — see tdossier.h.  Tests only: aborts on misuse. */
#include "tdossier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tdossier {
	bp_dossier d;
	size_t cap_p, cap_d, cap_e, cap_t;
	bp_delegation *dels;
	const bp_delegation **delp;
	const bp_person ***members;
	bp_person *ppl;
	const bp_person **pplp;
	bp_track *trk;
	const bp_track **trkp;
	bp_role roles[16];
	const bp_role *rolep[16];
	bp_event *evs;
	const bp_event **evp;
	const bp_attendee ***att; /* per event */
	bp_attendee **att_store;  /* per event */
};

static void *must(void *p)
{
	if (!p)
		abort();
	return p;
}

tdossier *td_new(size_t np, size_t nd, size_t ne, size_t nt)
{
	tdossier *t = must(calloc(1, sizeof *t));
	t->cap_p = np;
	t->cap_d = nd;
	t->cap_e = ne;
	t->cap_t = nt;
	t->dels = must(calloc(nd + 1, sizeof *t->dels));
	t->delp = must(calloc(nd + 1, sizeof *t->delp));
	t->members = must(calloc(nd + 1, sizeof *t->members));
	t->ppl = must(calloc(np + 1, sizeof *t->ppl));
	t->pplp = must(calloc(np + 1, sizeof *t->pplp));
	t->trk = must(calloc(nt + 1, sizeof *t->trk));
	t->trkp = must(calloc(nt + 1, sizeof *t->trkp));
	t->evs = must(calloc(ne + 1, sizeof *t->evs));
	t->evp = must(calloc(ne + 1, sizeof *t->evp));
	t->att = must(calloc(ne + 1, sizeof *t->att));
	t->att_store = must(calloc(ne + 1, sizeof *t->att_store));
	t->d.size = sizeof t->d;
	t->d.title = "test";
	t->d.delegations = t->delp;
	t->d.people = t->pplp;
	t->d.tracks = t->trkp;
	t->d.events = t->evp;
	t->d.roles = t->rolep;
	td_role(t, "attendee", "Attendee", "\u25CF");
	td_role(t, "host", "Host", "H");
	td_role(t, "chair", "Chair", "C");
	td_role(t, "speaker", "Speaker", "S");
	for (size_t i = 0; i < 4; i++)
		t->roles[i].builtin = 1;
	return t;
}

void td_free(tdossier *t)
{
	for (size_t i = 0; i < t->cap_d; i++)
		free(t->members[i]);
	for (size_t i = 0; i < t->cap_e; i++) {
		free(t->att[i]);
		free(t->att_store[i]);
	}
	free(t->dels);
	free(t->delp);
	free(t->members);
	free(t->ppl);
	free(t->pplp);
	free(t->trk);
	free(t->trkp);
	free(t->evs);
	free(t->evp);
	free(t->att);
	free(t->att_store);
	free(t);
}

const bp_dossier *td_get(tdossier *t)
{
	return &t->d;
}

void td_delegation(tdossier *t, const char *id, const char *name)
{
	size_t i = t->d.n_delegations++;
	if (i >= t->cap_d)
		abort();
	t->members[i] = must(calloc(t->cap_p + 1, sizeof **t->members));
	t->dels[i] = (bp_delegation){.size = sizeof(bp_delegation),
	                             .id = id,
	                             .name = name,
	                             .index = i,
	                             .members = t->members[i]};
	t->delp[i] = &t->dels[i];
}

static bp_delegation *find_del(tdossier *t, const char *id)
{
	for (size_t i = 0; i < t->d.n_delegations; i++)
		if (!strcmp(t->dels[i].id, id))
			return &t->dels[i];
	return NULL;
}

static bp_person *find_person(tdossier *t, const char *id)
{
	for (size_t i = 0; i < t->d.n_people; i++)
		if (!strcmp(t->ppl[i].id, id))
			return &t->ppl[i];
	return NULL;
}

void td_person(tdossier *t, const char *id, const char *name, const char *delegation, int head)
{
	size_t i = t->d.n_people++;
	if (i >= t->cap_p)
		abort();
	bp_delegation *g = delegation ? must(find_del(t, delegation)) : NULL;
	t->ppl[i] = (bp_person){.size = sizeof(bp_person),
	                        .id = id,
	                        .name = name,
	                        .delegation = g,
	                        .head = head,
	                        .index = i};
	t->pplp[i] = &t->ppl[i];
	if (g) {
		t->members[g->index][g->n_members++] = &t->ppl[i];
		if (head)
			g->head = &t->ppl[i];
	}
}

void td_track(tdossier *t, const char *id, const char *name)
{
	size_t i = t->d.n_tracks++;
	if (i >= t->cap_t)
		abort();
	t->trk[i] = (bp_track){.size = sizeof(bp_track), .id = id, .name = name, .index = i};
	t->trkp[i] = &t->trk[i];
}

void td_role(tdossier *t, const char *id, const char *name, const char *mark)
{
	size_t i = t->d.n_roles++;
	if (i >= 16)
		abort();
	t->roles[i] = (bp_role){
	        .size = sizeof(bp_role), .id = id, .name = name, .mark = mark, .index = i};
	t->rolep[i] = &t->roles[i];
}

void td_event(tdossier *t, const char *id, const char *title, int day, int hour, bp_status status,
              const char *track)
{
	size_t i = t->d.n_events++;
	if (i >= t->cap_e)
		abort();
	const bp_track *tr = NULL;
	for (size_t k = 0; track && k < t->d.n_tracks; k++)
		if (!strcmp(t->trk[k].id, track))
			tr = &t->trk[k];
	if (track && !tr)
		abort();
	bp_time st = {.prec = hour >= 0 ? BP_PREC_TIME : BP_PREC_DAY,
	              .year = 2025,
	              .month = 10,
	              .day = day,
	              .hour = hour >= 0 ? hour : 0,
	              .days = 20364 + day};
	st.epoch = st.days * 86400 + st.hour * 3600;
	size_t cap = t->cap_p + t->cap_d + 1;
	t->att[i] = must(calloc(cap, sizeof **t->att));
	t->att_store[i] = must(calloc(cap, sizeof **t->att_store));
	t->evs[i] = (bp_event){.size = sizeof(bp_event),
	                       .id = id,
	                       .title = title,
	                       .track = tr,
	                       .start = st,
	                       .status = status,
	                       .attendees = t->att[i],
	                       .index = i,
	                       .file_index = i};
	t->evp[i] = &t->evs[i];
}

static void add(tdossier *t, size_t e, const bp_person *p, const bp_delegation *g, size_t role)
{
	bp_event *ev = &t->evs[e];
	size_t k = ev->n_attendees++;
	t->att_store[e][k] = (bp_attendee){
	        .size = sizeof(bp_attendee), .person = p, .delegation = g, .role = &t->roles[role]};
	t->att[e][k] = &t->att_store[e][k];
}

void td_attend(tdossier *t, const char *event, const char *who, const char *role)
{
	size_t e = 0, r = 0;
	while (e < t->d.n_events && strcmp(t->evs[e].id, event))
		e++;
	if (e == t->d.n_events)
		abort();
	if (role) {
		while (r < t->d.n_roles && strcmp(t->roles[r].id, role))
			r++;
		if (r == t->d.n_roles)
			abort();
	}
	bp_person *p = find_person(t, who);
	bp_delegation *g = p ? NULL : must(find_del(t, who));
	add(t, e, p, g, r);
}

void td_attend_person(tdossier *t, size_t event, size_t person, size_t role)
{
	add(t, event, &t->ppl[person], NULL, role);
}

void td_attend_delegation(tdossier *t, size_t event, size_t delegation, size_t role)
{
	add(t, event, NULL, &t->dels[delegation], role);
}
