/*
 * bpprobe.h — what the test-only section plugins (bbprobe, ccprobe and
 * the SDK's abi_probe) have in common: their state starts with the host
 * and the section, they take one page unless they say otherwise, and they
 * draw a marker line a test can find with pdftotext.  Header-only (static
 * functions): a plugin links cairo and pango, nothing of ours.
 */
#ifndef BPPROBE_H
#define BPPROBE_H

#include <briefpack/plugin.h>

#include <stdlib.h>

typedef struct bp_probe {
	const bp_host *host;
	bp_section *s;
} bp_probe;

/* A zeroed state of `size` bytes (a struct starting with bp_probe). */
static inline void *bp_probe_new(const bp_host *host, bp_section *s, size_t size)
{
	bp_probe *p = calloc(1, size);
	if (!p) {
		host->error(s, "out of memory");
		return NULL;
	}
	p->host = host;
	p->s = s;
	return p;
}

static inline void *bp_probe_create(const bp_host *host, bp_section *s)
{
	return bp_probe_new(host, s, sizeof(bp_probe));
}

static inline int bp_probe_one_page(void *self, const bp_frame *frame)
{
	(void)self;
	(void)frame;
	return 1;
}

/* Draws `text` at the top left of the frame. */
static inline void bp_probe_say(const bp_probe *p, cairo_t *cr, const char *text)
{
	bp_text_style st = {0};
	PangoLayout *l = p->host->text(p->s, text, &st);
	cairo_move_to(cr, 0, 0);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

#endif
