/*
 * descriptor.c — the participant_matrix plugin as the host sees it: its
 * options and its entry points.  The work is in the other files.
 */
#include "matrix.h"

#include <stdlib.h>

static const bp_option opts[] = {
        {"rows", BP_OPT_STRING, "\"people\"", "people|delegations", 0, 0,
         "one row per person (grouped by delegation) or per delegation"},
        {"header_angle", BP_OPT_INT, "90", "45|60|90", 0, 0,
         "angle of the rotated event titles, in degrees"},
        {"order", BP_OPT_STRING, "\"down\"", "down|across", 0, 0,
         "page order when the matrix is split both ways: all rows of the first events "
         "first (down), or all events of the first rows first (across)"},
        {"group_by", BP_OPT_STRING, "\"day\"", "day|track", 0, 0,
         "column groups: events under their day or under their track"},
        {"delegations", BP_OPT_STRING_LIST, NULL, NULL, 0, 0, "only these delegations (ids)"},
        {"events", BP_OPT_STRING_LIST, NULL, NULL, 0, 0, "only these events (ids)"},
        {"tracks", BP_OPT_STRING_LIST, NULL, NULL, 0, 0, "only events of these tracks (ids)"},
        {"min_events", BP_OPT_INT, "0", NULL, 0, 1000000,
         "hide rows attending fewer of the shown events (cancelled ones not counted)"},
        {"hide_empty", BP_OPT_BOOL, "false", NULL, 0, 0, "drop rows and columns with no mark"},
        {"totals", BP_OPT_BOOL, "true", NULL, 0, 0,
         "events attended per row and attendees per event"},
        {"propagate", BP_OPT_BOOL, "true", NULL, 0, 0,
         "a delegation attending marks its members lightly (rows = people); a member "
         "attending marks the delegation lightly (rows = delegations)"},
        {"legend", BP_OPT_BOOL, "true", NULL, 0, 0, "explain the marks under the matrix"},
        {"show_times", BP_OPT_BOOL, "true", NULL, 0, 0,
         "start time before each event title (date too when grouped by track)"},
        {"font_size", BP_OPT_FLOAT, "0", NULL, 0, 24,
         "text size in points; 0: 80% of the theme's body size"},
        {"label_width", BP_OPT_FLOAT, "55", NULL, 15, 200,
         "widest row label, in mm (longer names wrap, then are shortened)"},
        {"label_lines", BP_OPT_INT, "2", NULL, 1, 4, "lines a row label may wrap to"},
        {"header_length", BP_OPT_FLOAT, "0", NULL, 0, 150,
         "longest event header along its slant, in mm (longer titles are shortened); "
         "0: the longest that costs at most a tenth more pages"},
        {"header_lines", BP_OPT_INT, "0", NULL, 0, 3,
         "lines an event title may wrap to; 0: one, or two when that shortens fewer "
         "titles within the same page budget"},
        {NULL, 0, NULL, NULL, 0, 0, NULL},
};

static void destroy(void *self)
{
	pm_state *st = self;
	if (!st)
		return;
	pm_layout_free(st);
	pm_model_free(&st->m);
	free(st->want_delegation);
	free(st->want_event);
	free(st->want_track);
	free(st);
}

static void *create(const bp_host *host, bp_section *s)
{
	pm_state *st = calloc(1, sizeof *st);
	if (!st) {
		host->error(s, "out of memory");
		return NULL;
	}
	st->host = host;
	st->s = s;
	if (pm_options_read(st) != 0) {
		destroy(st);
		return NULL;
	}
	return st;
}

static int layout(void *self, const bp_frame *frame)
{
	return pm_layout(self, frame);
}

static int draw(void *self, cairo_t *cr, int page)
{
	return pm_draw(self, cr, page);
}

BP_PLUGIN_EXPORT(participant_matrix) = {
        BP_PLUGIN_ABI,
        .name = "participant_matrix",
        .version = "1.0.0",
        .summary = "Who attends what: people or delegations against events, with role marks",
        .options = opts,
        .create = create,
        .layout = layout,
        .draw = draw,
        .destroy = destroy,
};
