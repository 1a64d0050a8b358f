/*
 * attendees.h — "who is in the room", in words: the attendees of an event
 * turned into a few labelled lines.  Pure text logic (no cairo), so the
 * phrasing can be unit-tested on hand-made records.
 *
 *   Heads of delegation: Vladimir Putin (President of Russia) and
 *                        Emomali Rahmon (President of Tajikistan; Host)
 *   Russia, full delegation: Aleksey Overchuk (Deputy Prime Minister), …
 *                        and 16 others
 *   Delegations: Uzbekistan, Kazakhstan, Kyrgyzstan and Turkmenistan
 *   Other participants: …
 *
 * At summit scale the names are most of the pack, so the attendees option
 * can shorten them to one counted line, or leave them out:
 *   AG_ATTENDEES_DELEGATIONS: the heads line, then
 *     Delegations: Republic of Jorvania (12) and Uzbekistan (9; Host)
 *     Other participants: 3
 *   AG_ATTENDEES_NONE: no lines.
 */
#ifndef AGENDA_ATTENDEES_H
#define AGENDA_ATTENDEES_H

#include <briefpack/plugin.h>
#include <stddef.h>

typedef struct ag_line {
	char *label; /* "Heads of delegation" (drawn bold, followed by ": ") */
	char *text;
} ag_line;

/* How much of the attendees is told (option attendees). */
typedef enum ag_attendees_mode {
	AG_ATTENDEES_NAMES,       /* "names": heads, then names per delegation */
	AG_ATTENDEES_DELEGATIONS, /* "delegations": heads, then counts */
	AG_ATTENDEES_NONE         /* "none": nothing */
} ag_attendees_mode;

typedef struct ag_attendee_opts {
	const char *language;   /* "en" or "ru" */
	ag_attendees_mode mode; /* 0 (names) when not set */
	size_t max_names;       /* names listed per delegation before "and N others" */
	int native_names;       /* add "/ native name" after a name */
} ag_attendee_opts;

/* Fills *out with the lines for ev (none when nobody is listed); returns
 * their number, or (size_t)-1 when out of memory. */
size_t ag_attendee_lines(const bp_event *ev, const ag_attendee_opts *o, ag_line **out);
void ag_lines_free(ag_line *lines, size_t n);

#endif
