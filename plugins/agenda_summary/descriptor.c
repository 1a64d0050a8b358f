/*
 * descriptor.c — what briefpack sees of agenda_summary: its options and
 * entry points.  Everything else is in the files named for what they do.
 */
#include "section.h"

#include <briefpack/plugin.h>

static const bp_option opts[] = {
        {"group_by", BP_OPT_STRING, "\"day\"", "day|track", 0, 0,
         "Group the events by day or by track"},
        {"attendees", BP_OPT_STRING, "\"names\"", "names|delegations|none", 0, 0,
         "Who attends: names by delegation (up to max_names each), each delegation with its number "
         "of attendees, or none"},
        {"max_names", BP_OPT_INT, "6", NULL, 1, 1000,
         "Names listed per delegation before \"and N others\""},
        {"skip_empty", BP_OPT_BOOL, "false", NULL, 0, 0,
         "Leave out events with no topics, outcomes or notes"},
        {"topic_index", BP_OPT_BOOL, "false", NULL, 0, 0,
         "End with a table of topics, the events where each comes up and their pages"},
        {"topic_notes", BP_OPT_BOOL, "true", NULL, 0, 0,
         "Print each topic's notes from the dossier beside it"},
        {"native_names", BP_OPT_BOOL, "false", NULL, 0, 0,
         "Add people's names in their own script (\"Vladimir Putin / Владимир Путин\")"},
        {"show_cancelled", BP_OPT_BOOL, "true", NULL, 0, 0,
         "Include cancelled events (marked as cancelled)"},
        {"page_break", BP_OPT_STRING, "\"none\"", "none|group", 0, 0,
         "\"group\" starts each day (or track) on a new page"},
        {"events", BP_OPT_STRING_LIST, NULL, NULL, 0, 0, "Only these events (ids); default: all"},
        {"tracks", BP_OPT_STRING_LIST, NULL, NULL, 0, 0,
         "Only events of these tracks (ids); default: all"},
        {NULL, BP_OPT_BOOL, NULL, NULL, 0, 0, NULL},
};

static const bp_title titles[] = {
        {"en", "Agenda and expected outcomes"},
        {"ru", "Повестка и ожидаемые результаты"},
        {NULL, NULL},
};

BP_PLUGIN_EXPORT(agenda_summary) = {
        BP_PLUGIN_ABI,
        .name = "agenda_summary",
        .version = "1.0.0",
        .summary = "What each meeting is for: who attends, topics, expected outcomes, notes",
        .options = opts,
        .titles = titles,
        .create = ag_create,
        .layout = ag_layout,
        .draw = ag_draw,
        .destroy = ag_destroy,
};
