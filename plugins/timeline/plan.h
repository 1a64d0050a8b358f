/*
 * plan.h — the timeline's arithmetic, free of cairo and of the host: lane
 * assignment for overlapping intervals, fitting the hour axis, splitting
 * days into pages and flowing list rows into pages.  Kept apart so that the
 * unit tests compile plan.c directly and prove it.
 */
#ifndef TL_PLAN_H
#define TL_PLAN_H

#include <stddef.h>
#include <stdint.h>

/* One interval to place: [a, b) in any unit (minutes, day numbers).  An
 * interval with b <= a is taken as [a, a + 1) so that it still occupies
 * its place.  The output fields are filled by tl_assign_lanes(). */
typedef struct tl_lane_in {
	int64_t a, b;
	int lane;  /* 0-based lane, lowest free one when the interval starts */
	int lanes; /* lanes of its cluster (overlap-connected group) */
	int span;  /* lanes it may widen into to its right (>= 1) */
} tl_lane_in;

/* Assigns lanes to v[0..n-1] using as few lanes as possible: intervals are
 * taken by start, ties in the order given (so a chronological list gives a
 * stable, deterministic result), each into the lowest lane that is free;
 * one that starts exactly when another ends reuses its lane.  Returns the
 * largest lane count of any cluster (0 for n == 0).  Allocates nothing. */
int tl_assign_lanes(tl_lane_in *v, size_t n);

/* The hour axis [*from, *to] (whole hours, 0..24) covering every interval
 * [a[i], b[i]] given in minutes of the day (0..1440), at least min_span
 * hours long (widened evenly, inside 0..24).  With n == 0: 9..18. */
void tl_fit_hours(const int *a, const int *b, size_t n, int min_span, int *from, int *to);

/* Splits n day columns into pages.  need[i] is the width day i needs to be
 * legible; a page of days i..j takes (j - i + 1) * max(need[i..j]) and
 * must fit in avail (a day that alone needs more gets a page of its own).
 * brk[i] != 0 forces day i to start a page (NULL: none).  fixed > 0 puts
 * exactly that many days on a page (breaks still apply).  Pages are then
 * evened out: the smallest per-page cap that keeps the page count is used,
 * so 11 days at 5 a page become 4 + 4 + 3, not 5 + 5 + 1.  Writes the first
 * day of each page into first[] (room for n entries) and returns the page
 * count (0 for n == 0). */
size_t tl_paginate_days(const double *need, const int *brk, size_t n, double avail, int fixed,
                        size_t *first);

/* One block of a flowing list: a heading starts a group (a day) whose
 * later blocks are rows; a row continuing a group on a new page gets the
 * group's heading repeated ("(continued)"), cont_h high. */
typedef struct tl_flow_in {
	double h;       /* height of the block */
	int heading;    /* 1: starts a group */
	double cont_h;  /* for headings: height of its "(continued)" repeat */
	int page;       /* out: 0-based page */
	double y;       /* out: top of the block on its page */
	int cont_above; /* out: 1 if a "(continued)" heading precedes it on
	                   its page (it is then the first row there) */
} tl_flow_in;

/* Flows the blocks down pages of height avail; a heading never ends a
 * page (it moves to the next with its first row), a block taller than a
 * page gets a page of its own and overflows it.  Returns the page count
 * (>= 1). */
int tl_flow(tl_flow_in *v, size_t n, double avail);

/* Proleptic Gregorian calendar: days since 1970-01-01 to y-m-d. */
void tl_civil_from_days(int64_t days, int *y, int *m, int *d);

/* WCAG relative luminance of an sRGB colour (0..1 components). */
double tl_luminance(double r, double g, double b);
/* 1 when black text reads better than white on this background. */
int tl_dark_text_on(double r, double g, double b);

#endif
