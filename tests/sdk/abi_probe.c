/*
 * abi_probe.c — a test-only plugin whose descriptor claims the interface
 * version it is compiled with: PROBE_NAME, PROBE_MAJOR and PROBE_MINOR come
 * from the build (tests/sdk/CMakeLists.txt builds it several times).
 *
 * A plugin really built for another major version would have been compiled
 * against another header, and everything after the first three fields of its
 * descriptor could differ.  That is fine for these tests: the host reads
 * only abi_major, abi_minor and size (which no version may move) before it
 * refuses a plugin, and that is what is being tested.
 */
#include "bpprobe.h"

#define STR_(x) #x
#define STR(x)  STR_(x)
/* One more level so that PROBE_NAME is expanded before ## pastes it. */
#define EXPORT(name) BP_PLUGIN_EXPORT(name)

static int probe_draw(void *self, cairo_t *cr, int page)
{
	(void)page;
	bp_probe_say(self, cr, "ABI PROBE " STR(PROBE_NAME));
	return 0;
}

static const bp_option probe_options[] = {{.name = NULL}};

EXPORT(PROBE_NAME) = {
        .abi_major = PROBE_MAJOR,
        .abi_minor = PROBE_MINOR,
        .size = sizeof(bp_plugin),
        .name = STR(PROBE_NAME),
        .version = "0.0.1",
        .summary = "test probe claiming interface " STR(PROBE_MAJOR) "." STR(PROBE_MINOR),
        .options = probe_options,
        .create = bp_probe_create,
        .layout = bp_probe_one_page,
        .draw = probe_draw,
        .destroy = free,
};
