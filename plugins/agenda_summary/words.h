/*
 * words.h — agenda_summary's own fixed words in English and Russian (the
 * common ones come from host->label()).
 */
#ifndef AGENDA_WORDS_H
#define AGENDA_WORDS_H

#include <stddef.h>

typedef enum ag_word {
	AG_HEAD,          /* "Head of delegation" (one) */
	AG_HEADS,         /* "Heads of delegation" */
	AG_DELEGATIONS,   /* "Delegations" */
	AG_FULL,          /* "full delegation" */
	AG_OTHERS,        /* "Other participants" */
	AG_AND,           /* "and" (the last item of a list) */
	AG_AND_OTHERS,    /* "and %zu others" */
	AG_NO_AGENDA,     /* "No agenda published." */
	AG_TOPIC_INDEX,   /* "Topic index" */
	AG_NOT_ON_AGENDA, /* "not on the agenda of any event" */
	AG_NO_TRACK,      /* "Other events" */
	AG_PAGE_ABBR,     /* "p." */
	AG_TOPIC,         /* "Topic" */
	AG_EVENTS,        /* "Events" */
	AG_NOTHING,       /* "No events to show." */
	AG_WORD_COUNT_
} ag_word;

/* The word in the pack's language ("en" or "ru"; anything else: English). */
const char *ag_word_get(const char *language, ag_word w);

#endif
