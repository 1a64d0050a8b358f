/*
 * pdfpack.h — makes cairo's PDF smaller without touching what it draws.
 *
 * cairo 1.16 writes every dictionary of a PDF as a plain-text object of its
 * own: each page, link, link's structure element, bookmark, destination and
 * font, indexed by a plain-text cross-reference table.  In a pack with
 * navigation that is a third to a half of the file.  PDF 1.5 lets such
 * objects sit in compressed object streams, indexed by a compressed
 * cross-reference stream; pdf_pack() rewrites cairo's file that way.
 * Streams (page contents, fonts, forms) are copied byte for byte; so is
 * every other object's text, only moved into an object stream.
 */
#ifndef BP_PDFPACK_H
#define BP_PDFPACK_H

#include <glib.h>
#include <stddef.h>

/* The packed form of the complete PDF pdf[0..n); NULL when out of memory
 * or when pdf is not laid out as cairo writes it: a PDF 1.5 header,
 * generation-0 objects, one cross-reference table, and a trailer of only
 * /Size, /Root and /Info. */
GByteArray *pdf_pack(const unsigned char *pdf, size_t n);

#endif
