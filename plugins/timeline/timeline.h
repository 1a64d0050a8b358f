/*
 * timeline.h — the timeline plugin's private types: the events as the
 * section shows them (items), the day columns, and the two layouts (grid
 * pages and list blocks).  Shared by the plugin's files, never installed.
 */
#ifndef TL_TIMELINE_H
#define TL_TIMELINE_H

#include "plan.h"

#include <briefpack/plugin.h>

/* How an event sits on the timeline. */
typedef enum tl_kind {
	TL_TIMED,  /* start and end known to the minute */
	TL_POINT,  /* start known, no end: a marker */
	TL_ALLDAY, /* date known, time not: "all day / time to be confirmed" */
	TL_MONTH   /* only the month known: "dates to be confirmed" */
} tl_kind;

typedef struct tl_item {
	const bp_event *ev;
	tl_kind kind;
	/* TIMED, POINT: wall-clock minutes since 1970-01-01T00:00 in the
	 * dossier's zone, [a, b] (b == a for a point).  ALLDAY: first and last
	 * day number, inclusive.  MONTH: a is the day number of the 1st. */
	int64_t a, b;
	bp_color fill;    /* the track's colour (or the palette's) */
	char anchor[160]; /* the agenda's anchor for this event */
} tl_item;

typedef struct tl_day {
	int64_t days; /* day number (since 1970-01-01) */
	bp_time date; /* the same as a date, for host->format_time() */
	int delta2;   /* second zone minus display zone, minutes, that day */
	char anchor[64];
} tl_day;

/* A piece of a timed item inside one day column. */
typedef struct tl_seg {
	const tl_item *it;
	size_t day;       /* index into the page's days */
	int a, b;         /* true minutes of that day covered (0..1440) */
	int first;        /* 1: the piece where the event starts */
	int cut_top;      /* starts before the axis or the day (continued) */
	int cut_bottom;   /* runs on past the axis or the day */
	tl_lane_in place; /* display minutes [a, b) and the lane */
} tl_seg;

/* An all-day item across day columns d0..d1 of one page. */
typedef struct tl_bar {
	const tl_item *it;
	size_t d0, d1;
	int first; /* the page holds the item's first day */
	int row;
} tl_bar;

typedef struct tl_gpage {
	size_t day0, nday; /* days[day0 .. day0+nday) */
	size_t tbc0, tbc1; /* month-only items listed on this page */
	int grid;          /* 0: a page holding only month-only items */
	double head_y, strip_y, strip_h, grid_y, grid_h, tbc_y, tbc_h, legend_y;
	double col_w;
	int rows; /* all-day rows */
	tl_seg *segs;
	size_t nseg;
	tl_bar *bars;
	size_t nbar;
} tl_gpage;

/* One block of the list style. */
typedef enum tl_block_kind { TL_B_DAY, TL_B_TBC_HEAD, TL_B_ROW, TL_B_EMPTY } tl_block_kind;
typedef struct tl_block {
	tl_block_kind kind;
	const tl_item *it; /* rows */
	size_t day;        /* TL_B_DAY: index into days */
	tl_flow_in flow;
} tl_block;

typedef struct tl_state {
	const bp_host *h;
	bp_section *s;
	const bp_dossier *d;
	const bp_theme *th;
	const char *lang;

	/* Options. */
	int list;
	int hours_set, from_h, to_h;
	int days_per_page;
	const char *zone2;
	int show_venue, show_attendees, show_legend, show_tbc, show_cancelled;
	int show_empty_days;

	tl_item *items;
	size_t nitem;
	const tl_item **months; /* month-only items, in order */
	size_t nmonth;
	tl_day *days;
	size_t nday;
	int any_timed;     /* some TIMED or POINT item */
	int any_untracked; /* an item without track (legend) */
	int any_tentative, any_cancelled, any_point, any_cut;
	const bp_track **tracks; /* tracks shown in the legend, dossier order */
	size_t ntrack;
	bp_color *track_fill; /* per dossier track index */

	struct tl_zcache *zc; /* second-zone offsets by day (model.c) */
	char zone2_name[96];  /* "Moscow": the second zone's place */

	/* Sizes from the theme. */
	double fs, fs_small, line_h, line_small_h, pad;

	bp_frame frame;
	/* Grid. */
	tl_gpage *pages;
	size_t npage;
	double axis_w, axis2_w, zone_h, head_h, legend_h, min_h;
	int from_min, to_min;
	/* List. */
	tl_block *blocks;
	size_t nblock;
	int list_pages;
	double time_w;
} tl_state;

/* Words of our own, in the pack's language. */
typedef enum tl_word {
	TL_W_UNTIL,
	TL_W_FROM,
	TL_W_NO_TRACK,
	TL_W_POINT,
	TL_W_CONTINUES,
	TL_W_SECOND_AXIS,
	TL_W_SECOND_TIMES,
	TL_W_NO_EVENTS,
	TL_W_MORE,
	TL_W_TIMES_AS_WRITTEN,
	TL_W_COUNT_
} tl_word;
const char *tl_word_get(const tl_state *st, tl_word w);

/* model.c: options and items. */
void *tl_create(const bp_host *h, bp_section *s);
void tl_destroy(void *self);
/* Sorts and dedupes day numbers v[0..n) into st->days (with the empty
 * days between when show_empty_days); 0 or -1 after host->error(). */
int tl_set_days(tl_state *st, int64_t *v, size_t n);
/* A bp_time for a day number (DAY precision) or a minute of it (TIME). */
bp_time tl_day_time(const tl_state *st, int64_t days, int minute);
/* "10:00–11:30" (with end) or "10:00", into buf; days_mark adds "(+1)"
 * when the end falls on a later day. */
void tl_format_span(const tl_state *st, const bp_time *a, const bp_time *b, char *buf, size_t n);
/* The same in the second zone, or "" without one. */
void tl_format_span2(const tl_state *st, const bp_time *a, const bp_time *b, char *buf, size_t n);
/* "Moscow" from "Moscow, UTC+03:00" for the second zone (t is unused). */
void tl_zone2_short(const tl_state *st, const bp_time *t, char *buf, size_t n);
/* The time line of an event: span, second zone, status word. */
void tl_time_line(const tl_state *st, const tl_item *it, char *buf, size_t n);

/* paint.c: colours and drawing helpers. */
PangoLayout *tl_text(const tl_state *st, const char *s, double size, int bold, double width,
                     int max_lines);
double tl_text_h(PangoLayout *l);
double tl_text_w(PangoLayout *l);
void tl_strike(PangoLayout *l);
void tl_show(cairo_t *cr, PangoLayout *l, double x, double y, bp_color c);
void tl_show_outline(cairo_t *cr, PangoLayout *l, double x, double y, bp_color c);
/* s as tl_text() sets it, shown at (x, y) in c as tl_show() would (cr NULL:
 * only measured); returns its height.  Shaped once where the host can break
 * its lines. */
double tl_words(const tl_state *st, cairo_t *cr, const char *s, double size, int bold, double width,
                int max_lines, double x, double y, bp_color c);
void tl_set(cairo_t *cr, bp_color c);
bp_color tl_mix(bp_color a, bp_color b, double t);
bp_color tl_ink_on(bp_color fill);
extern const bp_color tl_white, tl_black;
/* The box of an event as its status says: solid, tentative, cancelled. */
void tl_paint_box(const tl_state *st, cairo_t *cr, const tl_item *it, double x, double y, double w,
                  double h);
bp_color tl_box_ink(const tl_item *it);
/* Zone line at y; returns its height (draw with cr NULL to measure). */
double tl_zone_line(const tl_state *st, cairo_t *cr, double y, const bp_time *at);
/* Legend at y across the frame; returns its height (cr NULL: measure). */
double tl_legend(const tl_state *st, cairo_t *cr, double y);
void tl_marker(cairo_t *cr, double x, double y, double r, bp_color c);

/* grid.c and list.c */
int tl_grid_layout(tl_state *st);
int tl_grid_draw(tl_state *st, cairo_t *cr, int page);
int tl_list_layout(tl_state *st);
int tl_list_draw(tl_state *st, cairo_t *cr, int page);

#endif
