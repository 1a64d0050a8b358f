/*
 * agenda.h — the state of one agenda_summary section and the pieces that
 * share it: content.c and topic_index.c build the blocks, flow.c cuts them
 * into pages, draw.c paints a page, section.c ties the phases together.
 */
#ifndef AGENDA_H
#define AGENDA_H

#include "attendees.h"
#include "flow.h"
#include "words.h"

#include <briefpack/plugin.h>

#define AG_ANCHOR_MAX 160

typedef enum ag_kind {
	AK_GROUP,     /* a day or track heading */
	AK_EVENT,     /* an event heading: time column, title, details */
	AK_SUBHEAD,   /* "Topics", "Expected outcomes", "Notes" */
	AK_TEXT,      /* a plain paragraph (attendees, notes, "no agenda") */
	AK_BULLET,    /* a topic */
	AK_CHECK,     /* an expected outcome */
	AK_INDEX_ROW, /* a topic and the events where it comes up */
	AK_MESSAGE    /* a lone line such as "No events to show." */
} ag_kind;

/* One event of the topic index: a line (or two) that links to the event. */
typedef struct ag_entry {
	PangoLayout *text;
	size_t event; /* into agenda.events */
	double height;
} ag_entry;

typedef struct ag_block {
	ag_kind kind;
	PangoLayout *text;    /* the main text; NULL for index rows and when para is set */
	const bp_lines *para; /* a paragraph broken by the host (shared, not owned) */
	double x;             /* left edge of the text column */
	double *lines;        /* heights of the flow units (lines of text, entries) */
	size_t n_lines;
	unsigned flags;
	double space_before;
	int muted;        /* drawn in the theme's muted colour */
	int rtl;          /* right-to-left text: bullet or box on the right */
	int group, event; /* indexes into agenda.groups / .events, or -1 */
	/* AK_EVENT: the time column, status chip and details line. */
	PangoLayout *time, *chip, *meta;
	double meta_y, chip_y, height;
	int time_tbc; /* the time column says "to be confirmed" */
	/* AK_INDEX_ROW */
	ag_entry *entries;
	size_t n_entries;
} ag_block;

typedef struct ag_group {
	char *label;  /* g_malloc'd */
	char key[24]; /* "2025-10-09", "2025-12" or a track id's group */
	char anchor[AG_ANCHOR_MAX];
	const bp_track *track; /* group_by = "track"; NULL for "other events" */
	PangoLayout *cont;     /* "… (continued)"; NULL until needed */
	double cont_height;
} ag_group;

typedef struct ag_event {
	const bp_event *ev;
	char anchor[AG_ANCHOR_MAX];
	PangoLayout *cont; /* "… (continued)"; NULL until needed */
	double cont_height;
	int shown; /* has a heading in this section */
} ag_event;

typedef struct agenda {
	const bp_host *h;
	bp_section *s;
	const bp_dossier *d;
	const bp_theme *theme;
	const char *lang;

	/* Options. */
	int by_track, skip_empty, topic_index, topic_notes, native_names, cancelled, break_groups;
	size_t max_names;
	ag_attendees_mode attendees;

	/* Layout. */
	double width, height, time_col;
	ag_group *groups;
	size_t n_groups;
	ag_event *events;
	size_t n_events;
	ag_block *blocks;
	size_t n_blocks, cap_blocks;
	fl_block *fl;
	fl_result flow;
	GHashTable *shared; /* blocks.c: one layout per distinct text and style */
} agenda;

/* section.c */
int ag_wanted_event(const agenda *a, const bp_event *ev);

/* blocks.c: adding blocks and measuring text. */
ag_block *ag_block_add(agenda *a, ag_kind kind, double space_before, unsigned flags, int group,
                       int event);
/* A text of the given style, its first bold_bytes bytes in bold: the
 * block's lines become the layout's lines. */
int ag_block_set_text(agenda *a, ag_block *b, const char *utf8, const bp_text_style *st, double x,
                      size_t bold_bytes);
/* A layout of utf8 (a new reference: g_object_unref it), shared with
 * every other use of the same text in the same style: never change it. */
PangoLayout *ag_text(agenda *a, const char *utf8, int heading, double size, int bold, int italic,
                     double width, int max_lines);
/* A layout of its own, which setup(l, arg) changes (attributes, indent)
 * before the text goes in, so that it is laid out once. */
PangoLayout *ag_text_own(agenda *a, const char *utf8, int heading, double size, int bold,
                         int italic, double width, int max_lines,
                         void (*setup)(PangoLayout *l, void *arg), void *arg);
double ag_height(agenda *a, PangoLayout *l);
void ag_bold_prefix(PangoLayout *l, size_t bytes);
void ag_blocks_free(agenda *a);

/* content.c: groups, events and their blocks. */
int ag_build_content(agenda *a);
/* Adds a group, taking label (g_malloc'd); anchor_id is made unique to
 * the section. */
int ag_add_group(agenda *a, char *label, const char *key, const char *anchor_id,
                 const bp_track *track);
/* The heading block of group gi. */
int ag_group_heading(agenda *a, int gi);
/* The height of the "continued" heading of a group (level 0) or an event
 * (level 1), made on first use; the flow's fl_cont_height_fn. */
double ag_cont_height(agenda *a, int level, int id);

/* topic_index.c */
int ag_build_topic_index(agenda *a);

/* draw.c */
int ag_draw_page(agenda *a, cairo_t *cr, int page);

#endif
