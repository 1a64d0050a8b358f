/* descriptor.c — the contents plugin's options and exported descriptor. */
#include "contents.h"

static const bp_option contents_options[] = {
        {.name = "depth",
         .type = BP_OPT_INT,
         .def = "1",
         .min = 1,
         .max = 3,
         .help = "1: sections only; 2: also the entries sections offer (days, events...); 3: "
                 "one level deeper"},
        {.name = NULL},
};

static const bp_title contents_titles[] = {
        {"en", "Contents"},
        {"ru", "Содержание"},
        {NULL, NULL},
};

BP_PLUGIN_EXPORT(contents) = {
        BP_PLUGIN_ABI,
        .name = "contents",
        .version = "1.0.0",
        .summary = "Table of contents: every section with its page number, each line a link",
        .options = contents_options,
        .flags = BP_PLUGIN_LAYOUT_LAST,
        .titles = contents_titles,
        .create = contents_create,
        .layout = contents_layout,
        .draw = contents_draw,
        .destroy = contents_destroy,
};
