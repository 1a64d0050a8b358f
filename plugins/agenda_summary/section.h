/* section.h — the four entry points of agenda_summary (see section.c). */
#ifndef AGENDA_SECTION_H
#define AGENDA_SECTION_H

#include <briefpack/plugin.h>

void *ag_create(const bp_host *h, bp_section *s);
int ag_layout(void *self, const bp_frame *frame);
int ag_draw(void *self, cairo_t *cr, int page);
void ag_destroy(void *self);

#endif
