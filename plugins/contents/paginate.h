/*
 * paginate.h — splits the contents lines over pages.  Pure arithmetic with
 * no drawing, so the unit test compiles it in.
 */
#ifndef CONTENTS_PAGINATE_H
#define CONTENTS_PAGINATE_H

#include <stddef.h>

typedef struct contents_line_box {
	double height; /* the line itself */
	double before; /* space above it, dropped at the top of a page */
	int keep_next; /* never the last line of a page (a section heading
	                  followed by its entries) */
} contents_line_box;

/* Fills start[0..pages] with the first line of each page (start[pages] ==
 * n) and returns the number of pages (at least 1, even for no lines).
 * `room` is the height available for lines on every page.  A page always
 * takes at least one line, so an oversized line cannot loop forever.
 * start must hold n + 2 entries. */
int contents_paginate(const contents_line_box *lines, size_t n, double room, size_t *start);

#endif
