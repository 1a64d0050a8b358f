/* pdfpack.c — see pdfpack.h.  The input is read through its own
 * cross-reference table (an object runs from its offset to the next one's),
 * so nothing inside a stream is ever parsed: an object is a stream exactly
 * when its text ends with the keyword endstream. */
#include "pdfpack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Objects in one object stream: a reader inflates a whole stream to reach
 * any object in it, and deflate looks back only 32 KB anyway. */
enum { PER_STREAM = 200 };

typedef struct span {
	size_t num;      /* object number */
	size_t off, end; /* its bytes: "N 0 obj" up to the next object */
	size_t b0, b1;   /* the object's own text, between "obj" and "endobj" */
} span;

/* Where each object of the output is: the cross-reference stream's row. */
typedef struct row {
	unsigned char type; /* 0 free, 1 at an offset, 2 in an object stream */
	size_t a;           /* type 1: offset; type 2: the object stream's number */
	size_t b;           /* type 2: its index there */
} row;

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static size_t skip_space(const unsigned char *s, size_t i, size_t n)
{
	while (i < n && is_space(s[i]))
		i++;
	return i;
}

/* The unsigned decimal at s[*i], *i moved past it; -1 when there is none. */
static long long number(const unsigned char *s, size_t *i, size_t n)
{
	long long v = 0;
	size_t k = *i;
	while (k < n && s[k] >= '0' && s[k] <= '9' && v < (1LL << 40))
		v = v * 10 + (s[k++] - '0');
	if (k == *i || (k < n && s[k] >= '0' && s[k] <= '9'))
		return -1;
	*i = k;
	return v;
}

static int starts(const unsigned char *s, size_t i, size_t n, const char *word)
{
	size_t len = strlen(word);
	return i + len <= n && !memcmp(s + i, word, len);
}

/* The trailer: only what cairo 1.16 writes (no /Encrypt, /ID or /Prev). */
static int trailer(const unsigned char *s, size_t i, size_t n, long long *size, long long *root,
                   long long *info)
{
	i = skip_space(s, i, n);
	if (!starts(s, i, n, "trailer"))
		return -1;
	i = skip_space(s, i + 7, n);
	if (!starts(s, i, n, "<<"))
		return -1;
	i += 2;
	*size = *root = *info = -1;
	for (;;) {
		i = skip_space(s, i, n);
		if (starts(s, i, n, ">>"))
			return *size > 0 && *root > 0 ? 0 : -1;
		long long *to = starts(s, i, n, "/Size ")   ? size
		                : starts(s, i, n, "/Root ") ? root
		                : starts(s, i, n, "/Info ") ? info
		                                            : NULL;
		if (!to)
			return -1;
		i = skip_space(s, i + 6, n);
		*to = number(s, &i, n);
		if (*to < 0)
			return -1;
		if (to != size) {
			i = skip_space(s, i, n);
			if (number(s, &i, n) != 0)
				return -1;
			i = skip_space(s, i, n);
			if (!starts(s, i, n, "R"))
				return -1;
			i++;
		}
	}
}

static int by_offset(const void *a, const void *b)
{
	size_t x = ((const span *)a)->off, y = ((const span *)b)->off;
	return (x > y) - (x < y);
}

/* Reads the cross-reference table at x: spans[] of the objects in use,
 * sorted by offset, and how many numbers there are (*size). */
static span *objects(const unsigned char *s, size_t n, size_t x, size_t *n_spans, size_t *size,
                     long long *root, long long *info)
{
	size_t i = x + 4, cap = 0, k = 0;
	span *sp = NULL;
	long long sz;
	for (;;) {
		i = skip_space(s, i, n);
		long long first = number(s, &i, n);
		if (first < 0)
			break;
		i = skip_space(s, i, n);
		long long count = number(s, &i, n);
		if (count < 0)
			goto fail;
		for (long long e = 0; e < count; e++) {
			i = skip_space(s, i, n);
			long long off = number(s, &i, n);
			i = skip_space(s, i, n);
			long long gen = number(s, &i, n);
			i = skip_space(s, i, n);
			if (off < 0 || gen < 0 || i >= n)
				goto fail;
			char type = (char)s[i++];
			if (type == 'f')
				continue;
			if (type != 'n' || gen != 0 || first + e == 0 || (size_t)off >= x)
				goto fail;
			if (k == cap) {
				cap = cap ? cap * 2 : 256;
				span *m = realloc(sp, cap * sizeof *m);
				if (!m)
					goto fail;
				sp = m;
			}
			sp[k++] = (span){.num = (size_t)(first + e), .off = (size_t)off};
		}
	}
	if (!k || trailer(s, i, n, &sz, root, info) < 0)
		goto fail;
	*size = (size_t)sz;
	/* In file order; the table lists them by number. */
	qsort(sp, k, sizeof *sp, by_offset);
	for (size_t a = 0; a < k; a++) {
		span *o = &sp[a];
		o->end = a + 1 < k ? sp[a + 1].off : x;
		size_t j = o->off;
		if (o->num >= *size || number(s, &j, o->end) != (long long)o->num)
			goto fail;
		j = skip_space(s, j, o->end);
		if (number(s, &j, o->end) != 0)
			goto fail;
		j = skip_space(s, j, o->end);
		if (!starts(s, j, o->end, "obj"))
			goto fail;
		o->b0 = skip_space(s, j + 3, o->end);
		size_t e = o->end;
		while (e > o->b0 && is_space(s[e - 1]))
			e--;
		if (e < o->b0 + 6 || memcmp(s + e - 6, "endobj", 6))
			goto fail;
		e -= 6;
		while (e > o->b0 && is_space(s[e - 1]))
			e--;
		o->b1 = e;
	}
	*n_spans = k;
	return sp;
fail:
	free(sp);
	return NULL;
}

static int is_stream(const unsigned char *s, const span *o)
{
	return o->b1 - o->b0 >= 9 && !memcmp(s + o->b1 - 9, "endstream", 9);
}

/* Appends "NUM 0 obj\n<<DICT /Filter /FlateDecode /Length L>>\nstream\n",
 * data deflated, and the end of the object. */
static int put_stream(GByteArray *out, size_t num, const char *dict, const unsigned char *data,
                      size_t len)
{
	uLongf zlen = compressBound((uLong)len);
	unsigned char *z = malloc(zlen);
	if (!z || compress2(z, &zlen, data, (uLong)len, Z_BEST_SPEED) != Z_OK) {
		free(z);
		return -1;
	}
	char *head =
	        g_strdup_printf("%zu 0 obj\n<< %s /Filter /FlateDecode /Length %lu >>\nstream\n",
	                        num, dict, (unsigned long)zlen);
	g_byte_array_append(out, (const guint8 *)head, (guint)strlen(head));
	g_byte_array_append(out, z, (guint)zlen);
	g_byte_array_append(out, (const guint8 *)"\nendstream\nendobj\n", 18);
	g_free(head);
	free(z);
	return 0;
}

/* The objects that are not streams, PER_STREAM to an object stream,
 * numbered from *next on. */
static int object_streams(const unsigned char *s, const span *sp, size_t k, GByteArray *out,
                          row *rows, size_t *next)
{
	GString *index = g_string_new(NULL);
	GByteArray *body = g_byte_array_new();
	int rc = 0;
	for (size_t a = 0; a < k && !rc;) {
		size_t num = (*next)++, n_in = 0;
		g_string_truncate(index, 0);
		g_byte_array_set_size(body, 0);
		for (; a < k && n_in < PER_STREAM; a++) {
			const span *o = &sp[a];
			if (is_stream(s, o))
				continue;
			g_string_append_printf(index, "%zu %u ", o->num, body->len);
			g_byte_array_append(body, s + o->b0, (guint)(o->b1 - o->b0));
			g_byte_array_append(body, (const guint8 *)"\n", 1);
			rows[o->num] = (row){.type = 2, .a = num, .b = n_in++};
		}
		if (!n_in) {
			(*next)--;
			break;
		}
		char *dict = g_strdup_printf("/Type /ObjStm /N %zu /First %zu", n_in, index->len);
		g_byte_array_prepend(body, (const guint8 *)index->str, (guint)index->len);
		rows[num] = (row){.type = 1, .a = out->len};
		rc = put_stream(out, num, dict, body->data, body->len);
		g_free(dict);
	}
	g_string_free(index, TRUE);
	g_byte_array_free(body, TRUE);
	return rc;
}

/* The cross-reference stream, numbered num, and the end of the file. */
static int xref_stream(GByteArray *out, row *rows, size_t num, long long root, long long info)
{
	size_t size = num + 1, big = 0, w = 1, at = out->len;
	rows[num] = (row){.type = 1, .a = at};
	for (size_t i = 0; i < size; i++)
		if (rows[i].a > big)
			big = rows[i].a;
	while (w < sizeof big && big >> (8 * w))
		w++;
	size_t stride = 1 + w + 2;
	unsigned char *data = calloc(size, stride);
	if (!data)
		return -1;
	for (size_t i = 0; i < size; i++) {
		unsigned char *r = data + i * stride;
		size_t a = rows[i].a, b = rows[i].type ? rows[i].b : (i == 0 ? 65535 : 0);
		r[0] = rows[i].type;
		for (size_t j = 0; j < w; j++)
			r[1 + j] = (unsigned char)(a >> (8 * (w - 1 - j)));
		r[1 + w] = (unsigned char)(b >> 8);
		r[2 + w] = (unsigned char)b;
	}
	char info_ref[32] = "";
	if (info > 0)
		snprintf(info_ref, sizeof info_ref, " /Info %lld 0 R", info);
	char *dict = g_strdup_printf("/Type /XRef /Size %zu /W [1 %zu 2] /Root %lld 0 R%s", size, w,
	                             root, info_ref);
	int rc = put_stream(out, num, dict, data, size * stride);
	g_free(dict);
	free(data);
	if (rc == 0) {
		char *end = g_strdup_printf("startxref\n%zu\n%%%%EOF\n", at);
		g_byte_array_append(out, (const guint8 *)end, (guint)strlen(end));
		g_free(end);
	}
	return rc;
}

GByteArray *pdf_pack(const unsigned char *s, size_t n)
{
	if (n < 32 || memcmp(s, "%PDF-1.", 7) || s[7] < '5' || s[7] > '9')
		return NULL;
	/* "startxref", its offset and "%%EOF" end the file. */
	size_t t = n - 9;
	while (t > 0 && t + 1024 > n && !starts(s, t, n, "startxref"))
		t--;
	size_t i = skip_space(s, t + 9, n);
	long long x = number(s, &i, n);
	if (!starts(s, t, n, "startxref") || x <= 0 || (size_t)x >= t ||
	    !starts(s, (size_t)x, n, "xref"))
		return NULL;
	size_t k = 0, size = 0;
	long long root, info;
	span *sp = objects(s, n, (size_t)x, &k, &size, &root, &info);
	if (!sp)
		return NULL;
	/* Numbers for the object streams and the cross-reference stream. */
	row *rows = calloc(size + (k + PER_STREAM - 1) / PER_STREAM + 1, sizeof *rows);
	GByteArray *out = rows ? g_byte_array_sized_new((guint)(n / 2)) : NULL;
	int rc = out ? 0 : -1;
	if (out) {
		g_byte_array_append(out, s, (guint)sp[0].off); /* the header */
		for (size_t a = 0; a < k; a++)
			if (is_stream(s, &sp[a])) {
				rows[sp[a].num] = (row){.type = 1, .a = out->len};
				g_byte_array_append(out, s + sp[a].off,
				                    (guint)(sp[a].end - sp[a].off));
			}
		size_t next = size;
		rc = object_streams(s, sp, k, out, rows, &next);
		if (rc == 0)
			rc = xref_stream(out, rows, next, root, info);
	}
	if (rc < 0 && out) {
		g_byte_array_free(out, TRUE);
		out = NULL;
	}
	free(rows);
	free(sp);
	return out;
}
