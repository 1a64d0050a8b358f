/*
 * bbprobe.c — a test-only section plugin for the batch tests: it misbehaves
 * on cue, chosen by the document's title (the dossier's, when the job sets
 * none): "CRASH" raises SIGSEGV while drawing, "HANG" never returns from
 * drawing, "FAIL" reports an error.  Any other title draws one line.
 */
#include <briefpack/plugin.h>

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct probe {
	const bp_host *host;
	bp_section *s;
} probe;

static void *probe_create(const bp_host *host, bp_section *s)
{
	probe *p = calloc(1, sizeof *p);
	if (!p) {
		host->error(s, "out of memory");
		return NULL;
	}
	p->host = host;
	p->s = s;
	return p;
}

static int probe_layout(void *self, const bp_frame *frame)
{
	(void)self;
	(void)frame;
	return 1;
}

static int probe_draw(void *self, cairo_t *cr, int page)
{
	probe *p = self;
	const char *title = p->host->document(p->s)->title;
	(void)page;
	if (strstr(title, "CRASH"))
		raise(SIGSEGV);
	while (strstr(title, "HANG"))
		sleep(60);
	if (strstr(title, "FAIL")) {
		p->host->error(p->s, "the probe was told to fail");
		return -1;
	}
	bp_text_style st = {0};
	PangoLayout *l = p->host->text(p->s, "BATCH PROBE", &st);
	cairo_move_to(cr, 0, 0);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	return 0;
}

static void probe_destroy(void *self)
{
	free(self);
}

static const bp_option probe_options[] = {{.name = NULL}};

BP_PLUGIN_EXPORT(bbprobe) = {
        BP_PLUGIN_ABI,
        .name = "bbprobe",
        .version = "1.0.0",
        .summary = "test probe for the batch tests: crashes, hangs or fails on cue",
        .options = probe_options,
        .create = probe_create,
        .layout = probe_layout,
        .draw = probe_draw,
        .destroy = probe_destroy,
};
