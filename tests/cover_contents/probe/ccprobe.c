/*
 * ccprobe.c — a test-only section plugin for the cover/contents tests.  It
 * takes as many pages as it is told, offers `entries` level-2 outline
 * entries spread over them, and prints a marker on every page
 * ("PROBE <id> page <k> of <n>") so a test can find where each section and
 * each entry really is and compare that with the contents page.
 */
#include "bpprobe.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct probe {
	bp_probe base; /* host, s */
	int pages, entries;
} probe;

static void *probe_create(const bp_host *host, bp_section *s)
{
	probe *p = bp_probe_new(host, s, sizeof *p);
	if (!p)
		return NULL;
	p->pages = (int)host->opt_int(s, "pages");
	p->entries = (int)host->opt_int(s, "entries");
	return p;
}

/* Entry i sits on page i * pages / entries, 20 pt below the last one. */
static int entry_page(const probe *p, int i)
{
	return (int)((long)i * p->pages / p->entries);
}

static int probe_layout(void *self, const bp_frame *frame)
{
	probe *p = self;
	(void)frame;
	for (int i = 0; i < p->entries; i++) {
		char id[128], name[160], title[160];
		snprintf(id, sizeof id, "%s-e%d", p->base.host->section_id(p->base.s), i + 1);
		p->base.host->anchor_name("section", id, name, sizeof name);
		snprintf(title, sizeof title, "%s entry %d", p->base.host->section_title(p->base.s),
		         i + 1);
		p->base.host->add_anchor(p->base.s, entry_page(p, i), 40 + 14.0 * (i % 40), name,
		                         title, 2);
	}
	return p->pages;
}

static int probe_draw(void *self, cairo_t *cr, int page)
{
	probe *p = self;
	bp_text_style st = {0};
	char line[200];
	snprintf(line, sizeof line, "PROBE %s page %d of %d", p->base.host->section_id(p->base.s),
	         page + 1, p->pages);
	PangoLayout *l = p->base.host->text(p->base.s, line, &st);
	cairo_move_to(cr, 0, 0);
	pango_cairo_show_layout(cr, l);
	for (int i = 0; i < p->entries; i++) {
		if (entry_page(p, i) != page)
			continue;
		snprintf(line, sizeof line, "PROBE-ENTRY %s %d",
		         p->base.host->section_id(p->base.s), i + 1);
		p->base.host->text_set(p->base.s, l, line);
		cairo_move_to(cr, 0, 40 + 14.0 * (i % 40));
		pango_cairo_show_layout(cr, l);
	}
	g_object_unref(l);
	return 0;
}

static const bp_option probe_options[] = {
        {.name = "pages",
         .type = BP_OPT_INT,
         .def = "1",
         .min = 1,
         .max = 50,
         .help = "pages to take"},
        {.name = "entries",
         .type = BP_OPT_INT,
         .def = "0",
         .min = 0,
         .max = 400,
         .help = "level-2 entries to offer"},
        {.name = NULL},
};

BP_PLUGIN_EXPORT(ccprobe) = {
        BP_PLUGIN_ABI,
        .name = "ccprobe",
        .version = "1.0.0",
        .summary = "test probe for the cover/contents tests",
        .options = probe_options,
        .create = probe_create,
        .layout = probe_layout,
        .draw = probe_draw,
        .destroy = free,
};
