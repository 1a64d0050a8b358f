/*
 * hostile.c — test-only section plugins for the bad-input corpus, never
 * installed.  Built twice:
 *   hostile.so  misbehaves as its `mode` option says (an error from layout,
 *               no pages, an absurd page count, no state from create, a
 *               failing draw, invalid UTF-8 handed to text(), a crash);
 *   badabi.so   the same code declaring another interface major version,
 *               which the host must refuse before running any of it.
 */
#include <briefpack/plugin.h>

#include <stdlib.h>
#include <string.h>

#ifndef HOSTILE_NAME
#define HOSTILE_NAME hostile
#endif
#ifndef HOSTILE_ABI_MAJOR
#define HOSTILE_ABI_MAJOR BP_ABI_MAJOR
#endif
#define STR_(x)   #x
#define STR(x)    STR_(x)
#define EXPORT(x) BP_PLUGIN_EXPORT(x) /* expands HOSTILE_NAME first */

typedef struct hostile {
	const bp_host *host;
	bp_section *s;
	const char *mode;
	long pages;
} hostile;

static int is(const hostile *h, const char *mode)
{
	return !strcmp(h->mode, mode);
}

static void *hostile_create(const bp_host *host, bp_section *s)
{
	const char *mode = host->opt_string(s, "mode");
	if (!strcmp(mode, "create-null"))
		return NULL;
	hostile *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	*h = (hostile){host, s, mode, host->opt_int(s, "pages")};
	return h;
}

static int hostile_layout(void *self, const bp_frame *frame)
{
	hostile *h = self;
	(void)frame;
	if (is(h, "layout-error")) {
		h->host->error(h->s, "layout refused on purpose");
		return -1;
	}
	if (is(h, "no-pages"))
		return 0;
	/* SIGILL: AddressSanitizer leaves it alone (it turns SIGSEGV into a
	 * report and exit status 1), so the crash is a crash in every build. */
	if (is(h, "crash"))
		__builtin_trap();
	return (int)h->pages;
}

static int hostile_draw(void *self, cairo_t *cr, int page)
{
	hostile *h = self;
	if (is(h, "draw-error") && page == h->pages - 1)
		return -1;
	bp_text_style st = {0};
	/* Invalid UTF-8 must not silently end the page (platform notes, 4). */
	PangoLayout *l = h->host->text(h->s, is(h, "bad-utf8") ? "caf\xC3 \xFF end" : "page", &st);
	cairo_move_to(cr, 10, 10);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	return 0;
}

static void hostile_destroy(void *self)
{
	free(self);
}

static const bp_option opts[] = {
        {"mode", BP_OPT_STRING, "\"ok\"",
         "ok|layout-error|no-pages|create-null|draw-error|bad-utf8|crash", 0, 0,
         "how to misbehave"},
        {"pages", BP_OPT_INT, "1", NULL, 0, 1000000, "pages layout() asks for"},
        {NULL, 0, NULL, NULL, 0, 0, NULL}};

EXPORT(HOSTILE_NAME) = {
        .abi_major = HOSTILE_ABI_MAJOR,
        .abi_minor = 0,
        .size = sizeof(bp_plugin),
        .name = STR(HOSTILE_NAME),
        .version = "0.0.1",
        .summary = "test-only: misbehaves on purpose",
        .options = opts,
        .create = hostile_create,
        .layout = hostile_layout,
        .draw = hostile_draw,
        .destroy = hostile_destroy,
};
