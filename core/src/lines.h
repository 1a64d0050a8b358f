/*
 * lines.h — paragraphs broken into lines by the host (bp_host.lines()).
 *
 * Pango 1.50 wraps a paragraph by shaping it whole, then shaping again the
 * piece before every break it considers near the right edge and the rest
 * after every break it takes, and the last line once more: two to three
 * times the shaping of the text once.  For plain text whose wrapping we
 * can reproduce exactly (see lines.c), the paragraph is shaped once,
 * unwrapped, and cut into lines here with Pango's own rule: break at the
 * last opportunity where the line, without the space it ends with, fits
 * the width; that space is then given no width, as Pango does.  The lines
 * hold the same glyphs at the same positions as Pango's wrapped layout
 * would, so the PDF is byte-identical.
 */
#ifndef BP_LINES_H
#define BP_LINES_H

#include <briefpack/plugin.h>

/* Breaks l, a layout of one unwrapped line, as host->text() would wrap its
 * text at width points; NULL when that cannot be promised (see plugin.h). */
bp_lines *lines_break(PangoLayout *l, double width);
size_t lines_count(const bp_lines *p);
void lines_extents(const bp_lines *p, size_t first, size_t count, PangoRectangle *ink,
                   PangoRectangle *logical);
void lines_show(cairo_t *cr, const bp_lines *p, double x, double y, size_t first, size_t count);
void lines_free(bp_lines *p);

#endif
