/*
 * loader_next_minor.c — the real plugin loader (core/src/plugins.c), built
 * as if the header said BP_ABI_MINOR + 1.
 *
 * The interface is at its first minor version, so no plugin built against
 * an older minor can exist yet.  To prove now that such a plugin will load,
 * the test builds a second briefpack (briefpack_next_minor: the real main.c
 * and core, with this file standing in for plugins.c) whose loader believes
 * it is one minor version ahead, and feeds it plugins built against today's
 * header.  Only the loader decides whether a plugin loads, so this is the
 * code path a real minor bump would take; nothing in the installed header
 * or program changes.
 */
#define _GNU_SOURCE
#include <briefpack/plugin.h>

enum { BP_REAL_ABI_MINOR = BP_ABI_MINOR };
#undef BP_ABI_MINOR
#define BP_ABI_MINOR (BP_REAL_ABI_MINOR + 1)

#include "plugins.c"
