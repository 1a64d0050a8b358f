/*
 * mock_host.h — a small stand-in for briefpack's host table, so that the
 * timeline's layout and drawing can be run inside a unit test on a
 * recording surface (no clip), and checked against the frame.
 */
#ifndef TL_MOCK_HOST_H
#define TL_MOCK_HOST_H

#include <briefpack/plugin.h>

/* One option value: string as libconfig would write it ("true", "3",
 * "\"grid\"", "[8, 10]", "[\"a\"]"). */
typedef struct mock_opt {
	const char *name, *value;
} mock_opt;

struct bp_section {
	const bp_dossier *dossier;
	bp_document doc;
	bp_theme theme;
	const mock_opt *opts;
	int errors;
	char last_error[512];
	int anchors;
	PangoContext *ctx;
};

/* The host table; the section carries dossier, options and a context. */
const bp_host *mock_host(void);
void mock_section_init(bp_section *s, const bp_dossier *d, const mock_opt *opts);
void mock_section_free(bp_section *s);

/* A time in a fixed zone of `offset` seconds, at the given precision. */
bp_time mock_time(int y, int mo, int d, int h, int mi, bp_precision prec, int offset);

#endif
