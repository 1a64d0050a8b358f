/*
 * words.h — the cover's own fixed words in English and Russian (the host's
 * labels do not cover them).
 */
#ifndef COVER_WORDS_H
#define COVER_WORDS_H

typedef enum cover_word {
	CW_PREPARED,     /* label before the pack's date */
	CW_AUTHOR,       /* label before the author */
	CW_ORGANISATION, /* label before the organisation */
	CW_SUMMARY,      /* heading over the summary */
	CW_SOURCES,      /* heading over the sources */
	CW_MORE_SOURCES, /* printf format: "and %zu more" */
	CW_COUNT_
} cover_word;

/* The word in lang ("ru" gives Russian, anything else English). */
const char *cover_word_get(const char *lang, cover_word w);

#endif
