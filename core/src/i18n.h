/*
 * i18n.h — every fixed word the core and host->label() print, and dates and
 * times written out, in the pack's language ("en" or "ru").
 */
#ifndef BP_I18N_H
#define BP_I18N_H

#include <briefpack/plugin.h>

const char *i18n_label(const char *lang, bp_label which);
char *i18n_format_time(const char *lang, const bp_time *t, bp_time_format f, char *buf, size_t n);
/* "Page 3 of 12" */
char *i18n_page_of(const char *lang, int page, int total, char *buf, size_t n);

/* The name of a built-in role ("host") in the pack's language, or NULL. */
const char *i18n_role_name(const char *lang, const char *id);

#endif
