/* descriptor.c — the cover plugin's options and exported descriptor. */
#include "cover.h"

static const bp_option cover_options[] = {
        {.name = "show_summary",
         .type = BP_OPT_BOOL,
         .def = "true",
         .help = "print the dossier's summary (ellipsized if it does not fit the page)"},
        {.name = "show_sources",
         .type = BP_OPT_BOOL,
         .def = "true",
         .help = "list the dossier's sources"},
        {.name = NULL},
};

static const bp_title cover_titles[] = {
        {"en", "Cover"},
        {"ru", "Обложка"},
        {NULL, NULL},
};

BP_PLUGIN_EXPORT(cover) = {
        BP_PLUGIN_ABI,
        .name = "cover",
        .version = "1.0.0",
        .summary = "Title page: title, place, dates, author, summary and sources",
        .options = cover_options,
        .titles = cover_titles,
        .create = cover_create,
        .layout = cover_layout,
        .draw = cover_draw,
        .destroy = cover_destroy,
};
