/*
 * descriptor.c — the timeline plugin's descriptor: its options (what
 * `briefpack plugins --describe timeline` prints) and entry points.
 */
#include "timeline.h"

static int tl_layout(void *self, const bp_frame *frame)
{
	tl_state *st = self;
	st->frame = *frame;
	return st->list ? tl_list_layout(st) : tl_grid_layout(st);
}

static int tl_draw(void *self, cairo_t *cr, int page)
{
	tl_state *st = self;
	return st->list ? tl_list_draw(st, cr, page) : tl_grid_draw(st, cr, page);
}

static const bp_option opts[] = {
        {"style", BP_OPT_STRING, "\"grid\"", "grid|list", 0, 0,
         "grid: a calendar, one column per day; list: a programme, one row per event"},
        {"hours", BP_OPT_INT_LIST, NULL, NULL, 0, 24,
         "grid: the hour axis [from, to], e.g. [8, 22]; default: fitted to the events"},
        {"days_per_page", BP_OPT_INT, "0", NULL, 0, 31,
         "grid: day columns on a page; 0: as many as fit legibly"},
        {"second_timezone", BP_OPT_STRING, NULL, NULL, 0, 0,
         "a second zone (IANA name such as \"Europe/Moscow\", or \"+03:00\"): a second "
         "axis, and every time shown in both zones"},
        {"tracks", BP_OPT_STRING_LIST, NULL, NULL, 0, 0,
         "only the events of these track ids (events without a track are left out)"},
        {"show_venue", BP_OPT_BOOL, "true", NULL, 0, 0, "show each event's venue"},
        {"show_attendees", BP_OPT_BOOL, NULL, NULL, 0, 0,
         "list a short attendee summary (default: true for list, false for grid)"},
        {"show_legend", BP_OPT_BOOL, "true", NULL, 0, 0,
         "grid: a legend of the tracks and of the marks for tentative, cancelled, ..."},
        {"show_tbc", BP_OPT_BOOL, "true", NULL, 0, 0,
         "show events whose time or day is not yet known (all-day strip, "
         "\"dates to be confirmed\")"},
        {"show_cancelled", BP_OPT_BOOL, "true", NULL, 0, 0,
         "show cancelled events (struck through)"},
        {"show_empty_days", BP_OPT_BOOL, "false", NULL, 0, 0,
         "grid and list: also show the days without events between the first and the last"},
        {NULL, 0, NULL, NULL, 0, 0, NULL},
};

static const bp_title titles[] = {
        {"en", "Programme"},
        {"ru", "Программа"},
        {NULL, NULL},
};

BP_PLUGIN_EXPORT(timeline) = {
        BP_PLUGIN_ABI,
        .name = "timeline",
        .version = "1.0.0",
        .summary = "The programme at a glance: a calendar grid by day and hour, or a list",
        .options = opts,
        .titles = titles,
        .create = tl_create,
        .layout = tl_layout,
        .draw = tl_draw,
        .destroy = tl_destroy,
};
