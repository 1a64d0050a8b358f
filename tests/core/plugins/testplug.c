/* testplug.c — a plugin that misbehaves as TP_MODE says, for the plugin host
 * tests.  TP_NAME is its name (the file is TP_NAME.so). */
#include <briefpack/plugin.h>
#include <stdlib.h>

#define UNUSED __attribute__((unused))

#ifndef TP_VERSION
#define TP_VERSION "1.0.0"
#endif

typedef struct state {
	const bp_host *h;
	bp_section *s;
} state;

UNUSED static void *create(const bp_host *h, bp_section *s)
{
	state *st = calloc(1, sizeof *st);
	st->h = h;
	st->s = s;
	return st;
}

UNUSED static int layout(void *self, const bp_frame *f)
{
	state *st = self;
	(void)f;
#if TP_MODE_LAYOUT_FAILS
	st->h->error(st->s, "the layout failed on purpose");
	return -1;
#else
	(void)st;
	return 1;
#endif
}

UNUSED static int draw(void *self, cairo_t *cr, int page)
{
	state *st = self;
	(void)page;
	PangoLayout *l = st->h->text(st->s, "test plugin " TP_VERSION, NULL);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	return 0;
}

UNUSED static const bp_option options[] = {
        {"level", BP_OPT_INT, "2", "1|2|3", 0, 0, "a level"},
        {NULL, 0, NULL, NULL, 0, 0, NULL},
};

#define EXPORT2(n) BP_PLUGIN_EXPORT(n)
#define EXPORT(n)  EXPORT2(n)
#define STR2(n)    #n
#define STR(n)     STR2(n)

#if !TP_MODE_NO_DESCRIPTOR
EXPORT(TP_NAME) = {
#if TP_MODE_OTHER_MAJOR
        .abi_major = BP_ABI_MAJOR + 98,
        .abi_minor = 0,
        .size = sizeof(bp_plugin),
#else
        BP_PLUGIN_ABI,
#endif
        .name = STR(TP_NAME),
        .version = TP_VERSION,
        .summary = "a plugin for tests",
        .options = options,
        .create = create,
        .layout = layout,
        .draw = draw,
        .destroy = free,
};
#endif
