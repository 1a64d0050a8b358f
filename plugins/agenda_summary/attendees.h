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
 */
#ifndef AGENDA_ATTENDEES_H
#define AGENDA_ATTENDEES_H

#include <briefpack/plugin.h>
#include <stddef.h>

typedef struct ag_line {
	char *label; /* "Heads of delegation" (drawn bold, followed by ": ") */
	char *text;
} ag_line;

typedef struct ag_attendee_opts {
	const char *language; /* "en" or "ru" */
	size_t max_names;     /* names listed per delegation before "and N others" */
	int native_names;     /* add "/ native name" after a name */
} ag_attendee_opts;

/* Fills *out with the lines for ev (none when nobody is listed); returns
 * their number, or (size_t)-1 when out of memory. */
size_t ag_attendee_lines(const bp_event *ev, const ag_attendee_opts *o, ag_line **out);
void ag_lines_free(ag_line *lines, size_t n);

#endif
