/* fonts.c — see fonts.h. */
#define _GNU_SOURCE
#include "fonts.h"
#include "paths.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static PangoFontMap *map;
/* Family names, lower-cased, listed once per font set: a batch asks for
 * the same families for every pack. */
static GHashTable *families;
static PangoContext *ctx;
static char conf_path[4096];

/* Installed: PREFIX/share/briefpack/fonts/fonts.conf beside PREFIX/bin;
 * in a build tree: <build>/fonts/fonts.conf (fonts/CMakeLists.txt puts the
 * font set there as it is installed). */
static const char *find_config(void)
{
	snprintf(conf_path, sizeof conf_path, "%s/../%s/fonts/fonts.conf", paths_exe_dir(),
	         BP_DATA_INSTALL_REL);
	if (paths_is_file(conf_path))
		return conf_path;
	snprintf(conf_path, sizeof conf_path, "%s/fonts.conf", BP_BUILD_FONTS_DIR);
	if (paths_is_file(conf_path))
		return conf_path;
	snprintf(conf_path, sizeof conf_path, "%s/fonts/fonts.conf", BP_DATA_INSTALL_DIR);
	return paths_is_file(conf_path) ? conf_path : NULL;
}

int fonts_init(void)
{
	if (ctx)
		return 0;
	const char *conf = find_config();
	if (!conf) {
		fprintf(stderr,
		        "briefpack: cannot find fonts/fonts.conf (is briefpack installed?)\n");
		return -1;
	}
	/* Must happen before the first fontconfig call anywhere in the process. */
	setenv("FONTCONFIG_FILE", conf, 1);
	/* The configuration is made here rather than by FcInit() (which Pango
	 * calls): fontconfig 2.14's FcInit() also parses every template in
	 * conf.avail, some 40 files that are never applied, for a list only
	 * fc-conflist shows; that was 17 million instructions, two thirds of
	 * fontconfig's start.  With a current configuration FcInit() does
	 * nothing. */
	FcConfig *cfg = FcConfigCreate();
	if (!cfg || !FcConfigParseAndLoad(cfg, (const FcChar8 *)conf, FcTrue) ||
	    !FcConfigSetCurrent(cfg)) {
		fprintf(stderr, "briefpack: cannot load the font setup %s\n", conf);
		if (cfg)
			FcConfigDestroy(cfg);
		return -1;
	}
	FcConfigDestroy(cfg); /* fontconfig holds its own reference */
	map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (!map)
		return -1;
	ctx = pango_font_map_create_context(map);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(ctx, 72);
	return 0;
}

int fonts_add_dir(const char *dir)
{
	if (!paths_is_dir(dir))
		return -1;
	/* Once per folder: adding it again would rescan it and flush every
	 * font cache, for each pack a batch worker makes. */
	static GHashTable *added;
	char *real = realpath(dir, NULL);
	if (!added)
		added = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	if (!real)
		return -1;
	if (g_hash_table_contains(added, real)) {
		free(real);
		return 0;
	}
	FcConfig *cfg = pango_fc_font_map_get_config(PANGO_FC_FONT_MAP(map));
	if (!cfg)
		cfg = FcConfigGetCurrent();
	if (!FcConfigAppFontAddDir(cfg, (const FcChar8 *)dir)) {
		free(real);
		return -1;
	}
	g_hash_table_add(added, real);
	pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(map));
	if (families) { /* the new folder may bring new families */
		g_hash_table_destroy(families);
		families = NULL;
	}
	return 0;
}

int fonts_have_family(const char *family)
{
	if (!families) {
		families = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		PangoFontFamily **fams;
		int n;
		pango_font_map_list_families(map, &fams, &n);
		for (int i = 0; i < n; i++)
			g_hash_table_add(families,
			                 g_ascii_strdown(pango_font_family_get_name(fams[i]), -1));
		g_free(fams);
	}
	char *key = g_ascii_strdown(family, -1);
	int found = g_hash_table_contains(families, key);
	g_free(key);
	return found;
}

PangoContext *fonts_context(void)
{
	return ctx;
}
