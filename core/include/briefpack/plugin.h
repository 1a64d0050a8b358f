/*
 * briefpack/plugin.h — the whole interface between briefpack and a section
 * plugin.  A plugin includes this header, links cairo and pango only, and
 * never calls a briefpack symbol by name: everything the host offers comes
 * through the bp_host table handed to create().
 *
 * Rules for plugins
 *   - Export exactly one descriptor with BP_PLUGIN_EXPORT(name); the name is
 *     the file name without ".so" (timeline.so exports briefpack_plugin_timeline).
 *     Renaming the file therefore makes the plugin unloadable, by design.
 *   - No global mutable state, no threads, no constructors: one plugin .so
 *     serves several sections (two timelines with different options), each
 *     with its own state made by create().
 *   - Two phases.  layout() decides how many pages the section needs for the
 *     frame it is given and declares its anchors (outline entries and link
 *     targets); draw() then paints one page on a cairo_t that the host has
 *     already translated and clipped to the frame.  The host owns surfaces and
 *     show_page, so the same plugin serves PDF, PNG and SVG.
 *   - Draw only inside the frame.  Draw user text only through host->text()
 *     (plain text, never markup; missing glyphs are reported for you).
 *   - Report failures through host->error() and return failure; never exit().
 *
 * The life of a section
 *   1. The host finds NAME.so (job's plugin_dirs, --plugin-dir,
 *      BRIEFPACK_PLUGIN_PATH, the built-in folder), dlopens it once, reads
 *      the descriptor, checks its interface version and its option table
 *      (names and defaults), and checks the job's options against that table.
 *      None of the plugin's code has run yet.
 *   2. create() once per section, before any layout().
 *   3. layout() once per section, all sections in job order; then sections
 *      flagged BP_PLUGIN_LAYOUT_LAST, once every other page number is known.
 *   4. draw() for each page of the section.  Draw each page from the state
 *      layout() left: do not rely on the order of draw() calls or on a page
 *      being drawn only once.
 *   5. destroy() once for every state create() returned, also when the
 *      document failed.  The .so is never unloaded.
 *   Any callback may call host->error() or host->warn().
 *
 * Memory: everything the host hands out (this table, the records, strings,
 * option values, labels, entries) belongs to the host, is read-only, and
 * stays valid until destroy() returns.  Everything create() allocates is the
 * plugin's, to free in destroy().  Layouts from host->text() are the
 * plugin's (g_object_unref them).
 *
 * Building: cc -shared -fPIC -fvisibility=hidden -Wl,-z,defs and
 * `pkg-config --cflags --libs briefpack-plugin` (or the CMake package:
 * find_package(briefpack), briefpack_add_plugin()); plugins/contacts/ in
 * the source tree is a complete example to copy.
 *
 * Versioning (BP_ABI_MAJOR.BP_ABI_MINOR, printed by `briefpack --version`):
 *   - A plugin loads when its major equals the host's and its minor is at
 *     most the host's; otherwise it is refused before any of its code runs,
 *     with a message naming both versions.  So a plugin may use everything
 *     of the minor it was built with, without checks.
 *   - A minor version only adds: members at the end of bp_host, of the
 *     records (bp_event, bp_person, ...) and of bp_plugin; new values at the
 *     end of enums; new functions.  Records carry `size` (sizeof as built by
 *     the host) and lists are arrays of pointers, so records can grow.
 *   - The first three members of bp_plugin (abi_major, abi_minor, size) never
 *     move in any version: they are how a host reads the version of a plugin
 *     built for another major, to refuse it.
 *   - Frozen for the whole of major 1, because they have no size of their
 *     own and live in memory sized by the other side: bp_time and bp_color
 *     (embedded by value in records; convert_time writes a bp_time into the
 *     plugin's memory), and bp_option, bp_title and bp_text_style (arrays and
 *     structs the plugin hands to the host).  Anything more goes into new
 *     types or new host functions.
 */
#ifndef BRIEFPACK_PLUGIN_H
#define BRIEFPACK_PLUGIN_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BP_ABI_MAJOR 1
#define BP_ABI_MINOR 1

/* ------------------------------------------------------------------ */
/* The data model: the dossier's facts, checked, typed and read-only.  */
/* Lists are arrays of pointers so that records can grow in later      */
/* minor versions without changing a plugin's stride.                  */
/*                                                                      */
/* Every string is UTF-8 and never NULL unless its comment says so.     */
/* Ids are unique within their list (people and delegations share one   */
/* namespace); references between records are already resolved to     */
/* pointers.  `index` is a record's position in its list as the host   */
/* holds it, for arrays a plugin indexes by record.                    */
/* ------------------------------------------------------------------ */

/* An sRGB colour, for cairo_set_source_rgb(). */
typedef struct bp_color {
	double r, g, b; /* 0..1 */
} bp_color;

/* How much of a date/time the dossier knows. */
typedef enum bp_precision {
	BP_PREC_NONE = 0,  /* not given (an event without end) */
	BP_PREC_MONTH = 1, /* "2025-12": the day is not yet known */
	BP_PREC_DAY = 2,   /* "2025-10-09": the time is not yet known */
	BP_PREC_TIME = 3   /* "2025-10-09T10:00": exact */
} bp_precision;

/* A point in time as it is shown: already converted to the dossier's
 * timezone (or kept as written when the dossier names none). */
typedef struct bp_time {
	bp_precision prec;
	int year, month, day;     /* shown date; day is 1 for BP_PREC_MONTH */
	int hour, minute, second; /* shown time for BP_PREC_TIME; an end of
	                             24:00 keeps its day with hour 24 */
	int offset;               /* seconds east of UTC of the shown time */
	int64_t epoch;            /* UTC seconds of the earliest moment meant */
	int64_t days;             /* shown date as days since 1970-01-01 */
} bp_time;

/* An event's status in the dossier. */
typedef enum bp_status {
	BP_STATUS_CONFIRMED = 0,
	BP_STATUS_TENTATIVE = 1,
	BP_STATUS_CANCELLED = 2
} bp_status;

typedef struct bp_person bp_person;
typedef struct bp_delegation bp_delegation;

/* A delegation: a country or organisation and its people. */
struct bp_delegation {
	size_t size; /* sizeof(bp_delegation) as built by the host */
	const char *id;
	const char *name;
	size_t index;                    /* position in the dossier */
	const bp_person *head;           /* NULL if no head = true */
	const bp_person *const *members; /* file order */
	size_t n_members;
};

/* A person; people keep the dossier's order. */
struct bp_person {
	size_t size;
	const char *id;
	const char *name;
	const char *native_name;         /* NULL if not given */
	const char *role;                /* the person's office; NULL if not given */
	const bp_delegation *delegation; /* NULL: no delegation */
	int head;                        /* head of their delegation */
	size_t index;                    /* position in the dossier */
};

/* A strand of the programme ("State visit", "CIS summit"). */
typedef struct bp_track {
	size_t size;
	const char *id;
	const char *name;
	int has_color;  /* 0: the dossier gives none; pick one yourself */
	bp_color color; /* valid when has_color */
	size_t index;
} bp_track;

/* A subject discussed at events. */
typedef struct bp_topic {
	size_t size;
	const char *id;
	const char *name;
	const char *notes; /* NULL if none */
	size_t index;
} bp_topic;

/* Built-in roles come first: attendee (●), host (H), chair (C), speaker (S);
 * a dossier's roles redefine them by id or add to them. */
typedef struct bp_role {
	size_t size;
	const char *id;
	const char *name;
	const char *mark; /* one or two characters (UTF-8) */
	int builtin;      /* 1: one of the four built-in roles (possibly renamed) */
	size_t index;
} bp_role;

/* One attendee of an event: exactly one of person and delegation is set. */
typedef struct bp_attendee {
	size_t size;
	const bp_person *person;
	const bp_delegation *delegation;
	const bp_role *role;
} bp_attendee;

/* One item of the programme. */
typedef struct bp_event {
	size_t size;
	const char *id;
	const char *title;
	const bp_track *track; /* NULL if none */
	bp_time start;
	bp_time end;        /* prec BP_PREC_NONE: a point in time */
	const char *venue;  /* NULL if none */
	const char *format; /* NULL if none */
	bp_status status;
	const bp_attendee *const *attendees;
	size_t n_attendees;
	const bp_topic *const *topics;
	size_t n_topics;
	const char *const *outcomes; /* expected outcomes, in file order */
	size_t n_outcomes;
	const char *notes; /* NULL if none */
	size_t index;      /* position in chronological order */
	size_t file_index; /* position in the dossier file */
} bp_event;

/* The whole dossier: host->dossier(). */
typedef struct bp_dossier {
	size_t size;
	const char *title;
	const char *place;      /* NULL if none */
	const char *timezone;   /* IANA name or "+05:00"; NULL: times as written */
	const char *zone_label; /* e.g. "Dushanbe, UTC+05:00"; NULL without zone */
	const char *summary;    /* NULL if none */
	const char *const *sources;
	size_t n_sources;
	const bp_delegation *const *delegations;
	size_t n_delegations;
	const bp_person *const *people;
	size_t n_people;
	const bp_track *const *tracks;
	size_t n_tracks;
	const bp_topic *const *topics;
	size_t n_topics;
	const bp_role *const *roles; /* built-in ones included */
	size_t n_roles;
	const bp_event *const *events; /* chronological; ties keep file order */
	size_t n_events;
} bp_dossier;

/* The job file's document group, with defaults filled in. */
typedef struct bp_document {
	size_t size;
	const char *title;           /* never NULL */
	const char *subtitle;        /* NULL if none */
	const char *author;          /* NULL if none */
	const char *organisation;    /* NULL if none */
	const char *classification;  /* NULL: no banner */
	const char *date;            /* the pack's date, "YYYY-MM-DD" */
	const char *language;        /* "en" or "ru" */
	const char *const *keywords; /* PDF metadata */
	size_t n_keywords;
} bp_document;

/* The job's theme.  host->text() already uses the fonts; the colours are
 * for cairo_set_source_rgb(): accent for headings and highlights, text for
 * body text (the source colour when draw() starts), muted for secondary
 * text, grid for rules and grid lines, banner for the classification
 * banner (the host draws it; a plugin rarely needs it). */
typedef struct bp_theme {
	size_t size;
	const char *font;         /* body family */
	const char *heading_font; /* heading family */
	double body_size;         /* points */
	bp_color accent, text, muted, grid, banner;
} bp_theme;

/* The section's frame: the drawable area in points, origin top-left: the
 * section's page (its own size and orientation) less the margins and the
 * host's header and footer.  The same for every page of the section. */
typedef struct bp_frame {
	size_t size;
	double width, height;
} bp_frame;

/* One outline/contents entry of the whole document (host->entries). */
typedef struct bp_entry {
	size_t size;
	const char *title;
	const char *anchor;  /* link target name */
	int level;           /* 1: a section, 2..: entries inside it */
	int page;            /* absolute page number, 1-based */
	const char *section; /* the section's id */
} bp_entry;

/* ------------------------------------------------------------------ */
/* Options: each plugin declares its own; the host checks the job file  */
/* against them (type, range, choices, unknown names with a suggestion) */
/* before any plugin code runs, and fills in defaults.                  */
/* ------------------------------------------------------------------ */

typedef enum bp_opt_type {
	BP_OPT_BOOL,        /* true / false */
	BP_OPT_INT,         /* integer within [min, max] */
	BP_OPT_FLOAT,       /* number within [min, max]; an integer is accepted */
	BP_OPT_STRING,      /* any text; with choices, one of them */
	BP_OPT_STRING_LIST, /* ["a", "b"] */
	BP_OPT_INT_LIST     /* [8, 22]; each within [min, max] */
} bp_opt_type;

/* One option of a plugin.  A plugin's options are a static array ending
 * with {.name = NULL}.  The host checks the table when it loads the plugin:
 * a name that is not valid or is one of the keys every section has
 * (plugin, id, title, enabled, size, orientation), or a default that does
 * not parse or fails its own type, range or choices, makes the plugin
 * refused (`briefpack plugins` shows why).
 *
 * Without a default and not given in the job, an option is unset:
 * opt_is_set() is 0, opt_string() NULL, opt_count() 0, opt_bool() 0 and
 * the numbers 0.  `briefpack plugins --describe NAME` prints the table. */
typedef struct bp_option {
	const char *name; /* [a-z][a-z0-9_]*; NULL ends the list */
	bp_opt_type type;
	const char *def;     /* default in libconfig syntax ("true", "90",
	                        "\"grid\"", "[8, 22]"); NULL: unset */
	const char *choices; /* for strings and ints: "grid|list" or "45|60|90";
	                        NULL: any value */
	double min, max;     /* for numbers and int lists; min == max means no
	                        range check */
	const char *help;    /* one line */
} bp_option;

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

/* Alignment of lines within the style's width (left and right are swapped
 * by pango for right-to-left paragraphs). */
typedef enum bp_align { BP_ALIGN_LEFT, BP_ALIGN_CENTER, BP_ALIGN_RIGHT } bp_align;

/* How host->text() sets a text.  A zeroed style is one unwrapped line of
 * body text at the theme's size. */
typedef struct bp_text_style {
	int heading; /* 1: theme heading font, 0: body font */
	double size; /* points; 0: the theme's body size */
	int bold, italic;
	double width;  /* wrap width in points; 0: one unwrapped line */
	int max_lines; /* with width: ellipsize after this many lines; 0: no limit */
	bp_align align;
} bp_text_style;

/* Ways to print a bp_time (host->format_time), in the pack's language. */
typedef enum bp_time_format {
	BP_FMT_DATE_LONG,  /* "Thursday 9 October 2025" / month-only: "December 2025" */
	BP_FMT_DATE_SHORT, /* "Thu 9 Oct" */
	BP_FMT_DATE_DAY,   /* "9 October 2025" */
	BP_FMT_TIME,       /* "10:00"; "" when the time is unknown */
	BP_FMT_DATETIME    /* "Thu 9 Oct 10:00", "Thu 9 Oct", "December 2025" */
} bp_time_format;

/* Words every section needs, localised by host->label(). */
typedef enum bp_label {
	BP_LABEL_CONTINUED,     /* "(continued)" */
	BP_LABEL_TIME_TBC,      /* "time to be confirmed" */
	BP_LABEL_DATE_TBC,      /* "date to be confirmed" */
	BP_LABEL_DATES_TBC,     /* "Dates to be confirmed" */
	BP_LABEL_ALL_DAY,       /* "All day / time to be confirmed" */
	BP_LABEL_ALL_TIMES,     /* "All times" */
	BP_LABEL_TENTATIVE,     /* "tentative" */
	BP_LABEL_CANCELLED,     /* "cancelled" */
	BP_LABEL_CONFIRMED,     /* "confirmed" */
	BP_LABEL_VENUE,         /* "Venue" */
	BP_LABEL_TRACK,         /* "Track" */
	BP_LABEL_FORMAT,        /* "Format" */
	BP_LABEL_ATTENDEES,     /* "Attendees" */
	BP_LABEL_TOPICS,        /* "Topics" */
	BP_LABEL_OUTCOMES,      /* "Expected outcomes" */
	BP_LABEL_NOTES,         /* "Notes" */
	BP_LABEL_NO_DELEGATION, /* "No delegation" */
	BP_LABEL_PAGE,          /* "Page" */
	BP_LABEL_CONTENTS,      /* "Contents" */
	BP_LABEL_LEGEND,        /* "Legend" */
	BP_LABEL_EVENTS,        /* "events" */
	BP_LABEL_TOTAL,         /* "Total" */
	BP_LABEL_COUNT_         /* number of labels; not a label */
} bp_label;

/* ------------------------------------------------------------------ */
/* The host table                                                       */
/* ------------------------------------------------------------------ */

typedef struct bp_section bp_section; /* opaque: one section of the job */
typedef struct bp_lines bp_lines;     /* opaque: a paragraph broken by the host (lines()) */

typedef struct bp_host {
	uint32_t abi_major, abi_minor;
	size_t size; /* sizeof(bp_host) as built by the host */

	/* The interface version and size of this table as built by the host;
	 * the host's minor is at least the plugin's (see Versioning). */

	/* Messages, printf-style, one line without a trailing newline, to
	 * standard error.  error() makes the document fail (exit status 1, no
	 * output written) once the current callback returns: return failure
	 * from it.  warn() only informs.  The host prefixes the job file, the
	 * section id and the plugin name. */
	void (*error)(bp_section *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
	void (*warn)(bp_section *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

	/* The section, the document, the facts and the theme; the same
	 * pointers for the whole run. */
	const char *(*section_id)(bp_section *s);
	const char *(*section_title)(bp_section *s); /* job's title or plugin's */
	const bp_document *(*document)(bp_section *s);
	const bp_dossier *(*dossier)(bp_section *s);
	const bp_theme *(*theme)(bp_section *s);

	/* Options, already checked against the plugin's schema, defaults
	 * filled.  Asking for an undeclared name or the wrong type is a plugin
	 * bug: it is reported and a zero value returned. */
	int (*opt_bool)(bp_section *s, const char *name);
	long (*opt_int)(bp_section *s, const char *name);
	double (*opt_float)(bp_section *s, const char *name);
	const char *(*opt_string)(bp_section *s, const char *name); /* NULL if unset */
	size_t (*opt_count)(bp_section *s, const char *name);       /* list length; 0 if unset */
	const char *(*opt_string_at)(bp_section *s, const char *name, size_t i);
	long (*opt_int_at)(bp_section *s, const char *name, size_t i);
	int (*opt_is_set)(bp_section *s, const char *name); /* given in the job */

	/* Text.  text() returns a new layout (g_object_unref it) holding plain
	 * text in the theme's fonts, wrapped by word then by character,
	 * ellipsized as the style says; characters no font has are reported
	 * once per text.  text_set() puts new text into such a layout and
	 * keeps its style: reuse it in loops.  Draw one with cairo_move_to(cr,
	 * x, y) (its top-left corner) and pango_cairo_show_layout(cr, l) in the
	 * current source colour.  Usable in any callback; a layout made in
	 * layout() may be kept and drawn in draw(). */
	PangoLayout *(*text)(bp_section *s, const char *utf8, const bp_text_style *st);
	void (*text_set)(bp_section *s, PangoLayout *l, const char *utf8);
	/* Size of a layout in points (logical extents). */
	void (*text_size)(PangoLayout *l, double *width, double *height);

	/* Words in the pack's language (host-owned; see bp_label).  A plugin's
	 * own words: a small table keyed by document(s)->language. */
	const char *(*label)(bp_section *s, bp_label which);
	/* Writes t as f says into buf (always NUL-terminated; 128 bytes hold
	 * any format in any language); returns buf. */
	char *(*format_time)(bp_section *s, const bp_time *t, bp_time_format f, char *buf,
	                     size_t n);
	/* Converts t to another IANA zone or "±HH:MM" offset.  Returns 0, or -1
	 * (and *out untouched) when the zone is unknown. */
	int (*convert_time)(bp_section *s, const bp_time *t, const char *zone, bp_time *out);
	/* Short name of a zone for a legend: "Moscow, UTC+03:00" at time t (the
	 * offset can differ with the date); "" when the zone is unknown.
	 * Returns buf. */
	char *(*zone_label)(bp_section *s, const char *zone, const bp_time *t, char *buf, size_t n);

	/* Anchors, during layout(): a link target at (page, y) of this section,
	 * with an outline/contents entry when title is not NULL (level 2 is
	 * directly under the section).  Names are [A-Za-z0-9_-]; make them
	 * with anchor_name().  The first section to declare a name owns it: a
	 * later declaration neither moves it nor fails, so prefix names of your
	 * own outline entries with section_id() (see plugins/contacts).  y is
	 * in points from the frame's top.  Calling it outside layout() is an
	 * error. */
	void (*add_anchor)(bp_section *s, int page, double y, const char *name, const char *title,
	                   int level);
	/* "event-talks-narrow" style names for records: kind is "event",
	 * "person", "delegation", "topic", "day" (id "2025-10-09") or
	 * "section"; unsafe characters are encoded as _XX, so buf needs up to
	 * strlen(kind) + 3 * strlen(id) + 5 bytes (160 is ample for usual
	 * ids); a longer name is cut short.  Needs no section: callable from
	 * anywhere.  Returns buf. */
	char *(*anchor_name)(const char *kind, const char *id, char *buf, size_t n);

	/* During draw() (and during layout() of a BP_PLUGIN_LAYOUT_LAST
	 * section, when every other section is laid out): page numbers and
	 * links.  page_number() maps this section's page (0-based) to the
	 * document's page (1-based); page_total() is the document's pages. */
	int (*page_number)(bp_section *s, int page);
	int (*page_total)(bp_section *s);
	/* The page an anchor is on, or 0 if no section declared it. */
	int (*anchor_page)(bp_section *s, const char *name);
	/* Every outline entry of the document, in order (for a contents page). */
	const bp_entry *const *(*entries)(bp_section *s, size_t *n);
	/* Everything drawn between link_begin and link_end links to the anchor.
	 * Returns 0 (and draws no link) if no section declared it, or when the
	 * output is PNG or SVG; call link_end only after a link_begin that
	 * returned 1.  During draw() only. */
	int (*link_begin)(bp_section *s, cairo_t *cr, const char *anchor);
	void (*link_end)(bp_section *s, cairo_t *cr);

	/* Lines broken by the host (interface 1.1).  Pango 1.50 wraps a
	 * layout by shaping its text again at each break it weighs near the
	 * right edge and once more when the rest fits: two to three times
	 * the shaping of the text once.  lines() takes a layout of one
	 * unwrapped line (from text() with width 0; attributes that only
	 * choose the font, such as a bold label, and a line spacing,
	 * pango_layout_set_line_spacing(), may be on it) and breaks it
	 * where text() would wrap the same text at `width` points, without
	 * shaping it again: the same lines, glyphs and places.  NULL when it
	 * cannot promise that (text other than Latin, Greek, Cyrillic and
	 * common punctuation; a word wider than the line; any other
	 * attribute or layout setting): make the text with text() then.  No
	 * ellipsis: compare lines_count() with a line limit yourself.  The
	 * lines keep what they need; the layout may be dropped. */
	bp_lines *(*lines)(PangoLayout *unwrapped, double width);
	size_t (*lines_count)(const bp_lines *p);
	/* Extents of lines first..first+count-1 as a layout of them would give
	 * them (pango_layout_get_extents(): Pango units, from the top-left
	 * corner of line `first`); ink may be NULL. */
	void (*lines_extents)(const bp_lines *p, size_t first, size_t count, PangoRectangle *ink,
	                      PangoRectangle *logical);
	/* Draws lines first..first+count-1, the top-left corner of line
	 * `first` at (x, y), in the current source colour. */
	void (*lines_show)(cairo_t *cr, const bp_lines *p, double x, double y, size_t first,
	                   size_t count);
	void (*lines_free)(bp_lines *p);
	/* Whether l, a layout of one unwrapped line (text() with width 0),
	 * fits `width` points on one left-to-right line (interface 1.1).
	 * Such a line draws the same unwrapped as wrapped at that width, and
	 * Pango 1.50 shapes a wrapped layout's text twice when it fits, an
	 * unwrapped one once: lay out unwrapped first a text that usually
	 * fits, and wrap it only when it does not. */
	int (*text_fits)(PangoLayout *unwrapped, double width);
} bp_host;

/* ------------------------------------------------------------------ */
/* The descriptor a plugin exports                                      */
/* ------------------------------------------------------------------ */

/* A default section title in one language. */
typedef struct bp_title {
	const char *lang; /* "en", "ru" */
	const char *text;
} bp_title;

/* bp_plugin.flags: laid out after every other section, so entries() and
 * page numbers are final when layout() runs (the contents section).  Its
 * own page count must not change what it lists. */
#define BP_PLUGIN_LAYOUT_LAST 0x1u

typedef struct bp_plugin {
	uint32_t abi_major;       /* BP_ABI_MAJOR the plugin was built with */
	uint32_t abi_minor;       /* BP_ABI_MINOR the plugin was built with */
	size_t size;              /* sizeof(bp_plugin) the plugin was built with */
	const char *name;         /* must equal the file name without ".so" */
	const char *version;      /* the plugin's own version, "1.0.0" */
	const char *summary;      /* one line for `briefpack plugins` */
	const bp_option *options; /* ends with an entry whose name is NULL; NULL:
	                             no options */
	uint32_t flags;           /* BP_PLUGIN_* */
	/* The section title used when the job gives none, per language:
	 * { {"en", "Programme"}, {"ru", "Программа"}, {NULL, NULL} }.  The
	 * English one stands in for a missing language; NULL: the plugin name. */
	const bp_title *titles;

	/* Makes the state of one section; NULL after host->error() on failure.
	 * Check options against the facts here (an unknown track id, say):
	 * a failure here is a configuration error (exit status 2), and
	 * `briefpack check` runs create() too.  The host table and section
	 * outlive the state. */
	void *(*create)(const bp_host *host, bp_section *s);
	/* Lays the section out for the frame: returns its page count (>= 1, at
	 * most 10000), or -1 after host->error().  Declares anchors with
	 * host->add_anchor().  Decide here everything that affects pages;
	 * draw() only paints. */
	int (*layout)(void *self, const bp_frame *frame);
	/* Draws page `page` (0-based) into cr, already clipped to the frame with
	 * (0, 0) at its top-left, the source set to the theme's text colour.
	 * The host saves and restores cr around the call and ends the page:
	 * never call cairo_show_page(), cairo_reset_clip() or touch the
	 * surface.  Returns 0, or -1 after host->error(). */
	int (*draw)(void *self, cairo_t *cr, int page);
	/* Frees the state; may be NULL. */
	void (*destroy)(void *self);
} bp_plugin;

#define BP_PLUGIN_SYMBOL_PREFIX "briefpack_plugin_"

/* Declares the exported descriptor of the plugin `name` (a bare word); the
 * host finds it as briefpack_plugin_NAME in NAME.so and checks it before it
 * calls any plugin code:
 *
 *   BP_PLUGIN_EXPORT(timeline) = {
 *       BP_PLUGIN_ABI, .name = "timeline", .version = "1.0.0", ...
 *   };
 */
#define BP_PLUGIN_EXPORT(name)                                                                     \
	__attribute__((visibility("default"))) extern const bp_plugin briefpack_plugin_##name;     \
	const bp_plugin briefpack_plugin_##name

/* The first three fields of every descriptor. */
#define BP_PLUGIN_ABI                                                                              \
	.abi_major = BP_ABI_MAJOR, .abi_minor = BP_ABI_MINOR, .size = sizeof(bp_plugin)

#ifdef __cplusplus
}
#endif
#endif
