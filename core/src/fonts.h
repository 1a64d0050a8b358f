/*
 * fonts.h — the process's one font map and Pango context, configured from
 * briefpack's private fontconfig file, plus checks that a theme's families
 * exist.  One per process: batch workers are processes, and a Pango font
 * map must never be shared between threads.
 */
#ifndef BP_FONTS_H
#define BP_FONTS_H

#include <pango/pangocairo.h>
#include <stddef.h>

/* Sets up fontconfig and Pango once (later calls do nothing); 0 or -1. */
int fonts_init(void);
/* Adds house font folders (theme.font_dirs); 0, or -1 with the bad folder. */
int fonts_add_dir(const char *dir);
/* 1 if the family exists in the private set. */
int fonts_have_family(const char *family);
/* The shared context: unrounded glyph positions, no hinting, so the same
 * layout serves PDF, SVG and PNG. */
PangoContext *fonts_context(void);

#endif
