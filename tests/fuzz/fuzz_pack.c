/*
 * fuzz_pack.c — libFuzzer target for pdfpack.  pdf_pack() only ever reads
 * cairo's own PDF, so the input is not a file but damage done to one: a
 * PDF that cairo writes here once (links, destinations, an outline),
 * cut short by the first two bytes' count, with each following group of
 * three bytes overwriting one byte (a position, then the new byte).  A
 * packed result must be a whole file: the header, and a startxref that
 * names a cross-reference stream; anything else is a crash.
 */
#define _GNU_SOURCE
#include "pdfpack.h"

#include <cairo-pdf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static GByteArray *seed;

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static void make_seed(void)
{
	seed = g_byte_array_new();
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(collect, seed, 200, 100);
	cairo_t *cr = cairo_create(s);
	cairo_tag_begin(cr, "Document", NULL); /* as render.c does */
	for (int p = 0; p < 2; p++) {
		char attr[32];
		snprintf(attr, sizeof attr, "name='d%d' x=0 y=0", p);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		snprintf(attr, sizeof attr, "dest='d%d'", 1 - p);
		cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, "Entry", attr, 0);
		cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
		cairo_rectangle(cr, 10, 40, 30 + 10 * p, 12);
		cairo_fill(cr);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		cairo_show_page(cr);
	}
	cairo_tag_end(cr, "Document");
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	GByteArray *ok = pdf_pack(seed->data, seed->len);
	if (!ok)
		abort(); /* the undamaged file must pack */
	g_byte_array_free(ok, TRUE);
}

static void check(const GByteArray *out)
{
	const char *s = (const char *)out->data;
	size_t n = out->len;
	if (n < 64 || memcmp(s, "%PDF-1.", 7) || memcmp(s + n - 6, "%%EOF\n", 6))
		__builtin_trap();
	const char *sx = memmem(s + n - 40, 40, "startxref\n", 10);
	if (!sx)
		__builtin_trap();
	size_t at = strtoul(sx + 10, NULL, 10);
	if (at >= n || !memmem(s + at, n - at < 80 ? n - at : 80, " 0 obj\n<< /Type /XRef", 21))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!seed)
		make_seed();
	if (size < 2 || size > 2 + 3 * 64)
		return 0;
	size_t cut = ((size_t)data[0] << 8 | data[1]) % 512;
	size_t n = seed->len > cut ? seed->len - cut : 0;
	unsigned char *pdf = malloc(n + 1);
	memcpy(pdf, seed->data, n);
	for (size_t i = 2; i + 3 <= size && n; i += 3)
		pdf[((size_t)data[i] << 8 | data[i + 1]) * n / 65536] = data[i + 2];
	GByteArray *out = pdf_pack(pdf, n);
	if (out) {
		check(out);
		g_byte_array_free(out, TRUE);
	}
	free(pdf);
	return 0;
}
