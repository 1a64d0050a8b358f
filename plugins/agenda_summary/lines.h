/*
 * lines.h — paragraphs broken into lines by agenda_summary itself.
 *
 * Pango 1.50 wraps a paragraph by shaping it whole, then shaping again the
 * piece before every break it considers near the right edge and the rest
 * after every break it takes: on the agenda's long attendee lines that is
 * about 2.4 times the shaping of the text once.  For plain text whose
 * wrapping we can reproduce exactly (see ag_para_simple), the paragraph is
 * shaped once, unwrapped, and cut into lines here with Pango's own rule:
 * break at the last opportunity where the line, without the space it ends
 * with, fits the width; that space is then given no width, as Pango does.
 * The lines hold the same glyphs at the same positions as Pango's wrapped
 * layout would, so the PDF is byte-identical.
 */
#ifndef AGENDA_LINES_H
#define AGENDA_LINES_H

#include <cairo.h>
#include <pango/pango.h>
#include <stddef.h>

typedef struct ag_pline {
	GSList *runs; /* PangoGlyphItem*, left to right, positioned from the line's start */
	int top;      /* Pango units: the line's logical top above its baseline (<= 0) */
	int height;   /* Pango units */
} ag_pline;

typedef struct ag_para {
	char *text; /* the paragraph (the runs' items index into it) */
	ag_pline *lines;
	size_t n_lines;
} ag_para;

/* Whether the wrapping of utf8 can be reproduced: text Pango shapes
 * without context across a break (Latin, Greek, Cyrillic and common
 * punctuation), no control characters, no soft or Unicode hyphens (Pango
 * may draw a hyphen at a break), no doubled or trailing space. */
int ag_para_simple(const char *utf8);

/* Breaks l, which must hold simple text in one unwrapped line, as
 * PANGO_WRAP_WORD_CHAR would at width (Pango units).  The lines own copies
 * of their glyphs: l may be dropped.  NULL when a word is wider than the
 * line (Pango would break it between characters), when a line would end
 * after a hyphen-minus or one is near its end (Pango measures such breaks
 * without the kerning across them), or out of memory. */
ag_para *ag_para_new(PangoLayout *l, int width);
void ag_para_free(ag_para *p);

/* Draws lines first..first+count-1 with the top of line `first` at y, as
 * pango_cairo_show_layout_line would draw them. */
void ag_para_show(cairo_t *cr, const ag_para *p, double x, double y, size_t first, size_t count);

#endif
