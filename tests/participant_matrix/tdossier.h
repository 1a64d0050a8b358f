/*
 * tdossier.h — builds bp_dossier records in memory for the unit tests of
 * the matrix's pure logic (model.c, paginate.c), without the core's
 * parser: small hand-made dossiers and large generated ones.
 */
#ifndef TDOSSIER_H
#define TDOSSIER_H

#include <briefpack/plugin.h>

typedef struct tdossier tdossier;

/* Room for so many records of each kind; the four built-in roles exist. */
tdossier *td_new(size_t people, size_t delegations, size_t events, size_t tracks);
void td_free(tdossier *t);
const bp_dossier *td_get(tdossier *t);

void td_delegation(tdossier *t, const char *id, const char *name);
void td_person(tdossier *t, const char *id, const char *name, const char *delegation, int head);
void td_track(tdossier *t, const char *id, const char *name);
void td_role(tdossier *t, const char *id, const char *name, const char *mark);
/* Events must be added in time order; hour < 0: date only. */
void td_event(tdossier *t, const char *id, const char *title, int day, int hour, bp_status status,
              const char *track);
/* who is a person's or a delegation's id; role NULL: attendee. */
void td_attend(tdossier *t, const char *event, const char *who, const char *role);
/* The same by position, for generated dossiers. */
void td_attend_person(tdossier *t, size_t event, size_t person, size_t role);
void td_attend_delegation(tdossier *t, size_t event, size_t delegation, size_t role);

#endif
