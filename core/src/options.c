/* options.c — see options.h. */
#define _GNU_SOURCE
#include "options.h"
#include "cfg.h"
#include "diag.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const options_common_keys[] = {"plugin", "id",          "title", "enabled",
                                           "size",   "orientation", NULL};

static int in_choices(const char *choices, const char *v)
{
	size_t len = strlen(v);
	for (const char *p = choices; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (n == len && !strncmp(p, v, n))
			return 1;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

static int in_range(const bp_option *o, double v)
{
	return o->min == o->max || (v >= o->min && v <= o->max);
}

/* Checks one value against its declaration; writes the problem into why. */
static int check(const bp_option *o, const config_setting_t *s, char *why, size_t n)
{
	int t = config_setting_type(s);
	double num;
	char buf[32];
	switch (o->type) {
	case BP_OPT_BOOL:
		if (t == CONFIG_TYPE_BOOL)
			return 0;
		break;
	case BP_OPT_INT:
		if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
			break;
		cfg_as_number(s, &num);
		snprintf(buf, sizeof buf, "%lld", (long long)num);
		if (o->choices && !in_choices(o->choices, buf)) {
			snprintf(why, n, "is %s; it must be one of %s", buf, o->choices);
			return -1;
		}
		if (!in_range(o, num)) {
			snprintf(why, n, "is %s; it must be from %g to %g", buf, o->min, o->max);
			return -1;
		}
		return 0;
	case BP_OPT_FLOAT:
		if (!cfg_as_number(s, &num))
			break;
		if (!in_range(o, num)) {
			snprintf(why, n, "is %g; it must be from %g to %g", num, o->min, o->max);
			return -1;
		}
		return 0;
	case BP_OPT_STRING:
		if (t != CONFIG_TYPE_STRING)
			break;
		if (!g_utf8_validate(config_setting_get_string(s), -1, NULL)) {
			snprintf(why, n, "holds invalid UTF-8");
			return -1;
		}
		if (strlen(config_setting_get_string(s)) > CFG_MAX_STRING) {
			snprintf(why, n, "is longer than %d bytes", CFG_MAX_STRING);
			return -1;
		}
		if (o->choices && !in_choices(o->choices, config_setting_get_string(s))) {
			snprintf(why, n, "is \"%s\"; it must be one of %s",
			         config_setting_get_string(s), o->choices);
			return -1;
		}
		return 0;
	case BP_OPT_STRING_LIST:
	case BP_OPT_INT_LIST:
		if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
			break;
		if (config_setting_length(s) > CFG_MAX_LIST) {
			snprintf(why, n, "has %d entries; at most %d are allowed",
			         config_setting_length(s), CFG_MAX_LIST);
			return -1;
		}
		for (int i = 0; i < config_setting_length(s); i++) {
			const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
			int et = config_setting_type(e);
			if (o->type == BP_OPT_STRING_LIST) {
				if (et != CONFIG_TYPE_STRING)
					goto wrong;
				if (!g_utf8_validate(config_setting_get_string(e), -1, NULL)) {
					snprintf(why, n, "holds invalid UTF-8");
					return -1;
				}
			} else {
				if (et != CONFIG_TYPE_INT && et != CONFIG_TYPE_INT64)
					goto wrong;
				cfg_as_number(e, &num);
				if (!in_range(o, num)) {
					snprintf(why, n, "holds %g; each must be from %g to %g",
					         num, o->min, o->max);
					return -1;
				}
			}
		}
		return 0;
	}
wrong:
	snprintf(why, n, "must be %s, not %s", plugin_opt_type_name(o->type), cfg_type_name(t));
	return -1;
}

static int valid_name(const char *s)
{
	if (!s || !g_ascii_islower(*s))
		return 0;
	for (; *s; s++)
		if (!g_ascii_islower(*s) && !g_ascii_isdigit(*s) && *s != '_')
			return 0;
	return 1;
}

int options_load_defaults(plugin *p, char *why, size_t n)
{
	config_init(&p->defaults);
	GString *src = g_string_new(NULL);
	for (const bp_option *o = p->desc->options; o && o->name; o++) {
		if (!valid_name(o->name)) {
			snprintf(why, n, "%s: option name '%s' is not valid", p->path, o->name);
			goto fail;
		}
		for (const char *const *k = options_common_keys; *k; k++)
			if (!strcmp(*k, o->name)) {
				snprintf(why, n, "%s: option '%s' is a key every section has",
				         p->path, o->name);
				goto fail;
			}
		if (o->def)
			g_string_append_printf(src, "%s = %s;\n", o->name, o->def);
	}
	if (!config_read_string(&p->defaults, src->str)) {
		snprintf(why, n, "%s: a default value does not parse (%s)", p->path,
		         config_error_text(&p->defaults));
		goto fail;
	}
	for (const bp_option *o = p->desc->options; o && o->name; o++) {
		const config_setting_t *s = config_lookup(&p->defaults, o->name);
		char msg[256];
		if (s && check(o, s, msg, sizeof msg) < 0) {
			snprintf(why, n, "%s: the default of option '%s' %s", p->path, o->name,
			         msg);
			goto fail;
		}
	}
	g_string_free(src, TRUE);
	return 0;
fail:
	g_string_free(src, TRUE);
	config_destroy(&p->defaults);
	return -1;
}

opt_value *options_bind(const plugin *p, const config_setting_t *section, const char *id,
                        size_t *n_out)
{
	size_t n = 0;
	for (const bp_option *o = p->desc->options; o && o->name; o++)
		n++;
	opt_value *v = calloc(n + 1, sizeof *v);
	int bad = 0;
	/* Unknown keys, with the nearest option or common key. */
	const char **known = calloc(n + 8, sizeof *known);
	size_t k = 0;
	for (const char *const *c = options_common_keys; *c; c++)
		known[k++] = *c;
	for (size_t i = 0; i < n; i++)
		known[k++] = p->desc->options[i].name;
	for (int i = 0; i < config_setting_length(section); i++) {
		const config_setting_t *m = config_setting_get_elem(section, (unsigned)i);
		const char *name = config_setting_name(m);
		int found = 0;
		for (size_t j = 0; j < k && !found; j++)
			found = !strcmp(known[j], name);
		if (found)
			continue;
		const char *near = cfg_nearest(name, known);
		if (near)
			diag_error_at(
			        m,
			        "section '%s': plugin '%s' has no option '%s' (did you mean '%s'?)",
			        id, p->name, name, near);
		else
			diag_error_at(m,
			              "section '%s': plugin '%s' has no option '%s' (see briefpack "
			              "plugins --describe %s)",
			              id, p->name, name, p->name);
		bad++;
	}
	free(known);
	for (size_t i = 0; i < n; i++) {
		const bp_option *o = &p->desc->options[i];
		v[i].decl = o;
		const config_setting_t *s = config_setting_get_member(section, o->name);
		if (s) {
			char why[256];
			if (check(o, s, why, sizeof why) < 0) {
				diag_error_at(s, "section '%s': option '%s' of plugin '%s' %s", id,
				              o->name, p->name, why);
				bad++;
			}
			v[i].set = s;
			v[i].given = 1;
		} else {
			v[i].set = config_lookup(&p->defaults, o->name);
		}
	}
	if (bad) {
		free(v);
		return NULL;
	}
	*n_out = n;
	return v;
}

const opt_value *options_get(const opt_value *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].decl->name, name))
			return &v[i];
	return NULL;
}
