/*
 * contents.h — state of one contents section.  layout() picks the lines
 * (every outline entry down to `depth`, except this section's own) and
 * splits them over pages; draw() reads the entries again for their final
 * page numbers and draws the lines of one page.
 */
#ifndef CONTENTS_H
#define CONTENTS_H

#include <briefpack/plugin.h>
#include <stddef.h>

typedef struct contents {
	const bp_host *host;
	bp_section *s;
	int depth;
	double W, H;    /* frame */
	double b;       /* body size */
	double top;     /* height of the heading and the space under it */
	double row[4];  /* line height per level 1..depth */
	double before1; /* space above a section line when entries follow */
	size_t n_lines;
	int pages;
	size_t *start;     /* first line of each page, pages + 1 entries */
	PangoLayout *head; /* the first page's heading, measured in layout() */
	/* The leader patterns drawn, kept until the document is written:
	 * cairo 1.16 copies a pattern's recording when it is freed while the
	 * output still refers to it, and the copy lacks two flags. */
	cairo_pattern_t **leaders;
	size_t n_leaders;
} contents;

void *contents_create(const bp_host *host, bp_section *s);
int contents_layout(void *self, const bp_frame *frame);
int contents_draw(void *self, cairo_t *cr, int page);
void contents_destroy(void *self);

/* The entries this contents lists, in order: a new array of borrowed
 * pointers (g_free it), count in *n. */
const bp_entry **contents_pick(contents *c, size_t *n);
/* The text style of a line at level (1..3). */
bp_text_style contents_style(const contents *c, int level, double width);
/* The heading's text: the section's title, else "Contents". */
const char *contents_title(contents *c);
/* A page's heading set in its style. */
PangoLayout *contents_heading(contents *c, const char *text);

#endif
