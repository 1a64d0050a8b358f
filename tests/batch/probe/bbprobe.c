/*
 * bbprobe.c — a test-only section plugin for the batch tests: it misbehaves
 * on cue, chosen by the document's title (the dossier's, when the job sets
 * none): "CRASH" raises SIGSEGV while drawing, "HANG" never returns from
 * drawing, "FAIL" reports an error.  Any other title draws one line.
 */
#include "bpprobe.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int probe_draw(void *self, cairo_t *cr, int page)
{
	bp_probe *p = self;
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
	bp_probe_say(p, cr, "BATCH PROBE");
	return 0;
}

static const bp_option probe_options[] = {{.name = NULL}};

BP_PLUGIN_EXPORT(bbprobe) = {
        BP_PLUGIN_ABI,
        .name = "bbprobe",
        .version = "1.0.0",
        .summary = "test probe for the batch tests: crashes, hangs or fails on cue",
        .options = probe_options,
        .create = bp_probe_create,
        .layout = bp_probe_one_page,
        .draw = probe_draw,
        .destroy = free,
};
