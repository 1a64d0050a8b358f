/* render.c — see render.h.  The order is fixed: check everything, create
 * the sections, lay them out (contents-like sections last), number the
 * pages, then draw each page and write the output. */
#define _GNU_SOURCE
#include "render.h"
#include "cfg.h"
#include "diag.h"
#include "doc.h"
#include "fonts.h"
#include "i18n.h"
#include "output.h"
#include "pdfpack.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_SECTION_PAGES = 10000 };

/* ---- bands: header and footer ------------------------------------------ */

static double small_size(const doc *d)
{
	double s = d->j->theme.body_size * 0.8;
	return s < 6 ? 6 : s;
}

void doc_bands(const doc *d, double *header, double *footer)
{
	double line = small_size(d) * 1.45;
	int banner = d->j->doc.classification != NULL;
	*header = line * (banner ? 2 : 1) + 8;
	*footer = line * (banner ? 2 : 1) + 8;
}

static void text_at(cairo_t *cr, PangoLayout *l, double x, double y, bp_align align, double width)
{
	double w;
	doc_host.text_size(l, &w, NULL);
	if (align == BP_ALIGN_CENTER)
		x += (width - w) / 2;
	else if (align == BP_ALIGN_RIGHT)
		x += width - w;
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

static void set_color(cairo_t *cr, bp_color c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Drops the band layouts kept for the pages drawn so far. */
static void bands_forget(doc *d)
{
	PangoLayout **all[] = {&d->band_banner, &d->band_title, &d->band_org, &d->band_sec_title};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		if (*all[i]) {
			g_object_unref(*all[i]);
			*all[i] = NULL;
		}
	d->band_sec = NULL;
	d->band_w = 0;
}

/* *slot, made with `text` and `st` unless it already is. */
static PangoLayout *band_text(bp_section *s, PangoLayout **slot, const char *text,
                              const bp_text_style *st)
{
	if (!*slot)
		*slot = doc_host.text(s, text, st);
	return *slot;
}

/* The bands' geometry on a page of section s. */
typedef struct band_geo {
	double fs, line, head, foot, x, w, top, bottom;
	double foot_rule; /* the footer's rule; its texts 3 pt below */
} band_geo;

static band_geo band_geometry(const doc *d, const bp_section *s)
{
	const job *j = d->j;
	band_geo g = {.fs = small_size(d)};
	g.line = g.fs * 1.45;
	doc_bands(d, &g.head, &g.foot);
	g.x = j->margin[3];
	g.w = s->page_w - j->margin[1] - j->margin[3];
	g.top = j->margin[0];
	g.bottom = s->page_h - j->margin[2];
	g.foot_rule = g.bottom - g.foot + 4;
	return g;
}

/* Everything in the bands but the page number: the classification banner,
 * then the document title (left) and the section title (right) over a
 * rule; below, a rule, the organisation (left) and the banner again. */
static void draw_band_texts(doc *d, bp_section *s, cairo_t *cr, const band_geo *g)
{
	const job *j = d->j;
	/* Half the width each, so long titles are cut rather than collide. */
	bp_text_style st = {.size = g->fs, .width = g->w * 0.58, .max_lines = 1};
	bp_text_style banner = {.size = g->fs * 1.05,
	                        .bold = 1,
	                        .width = g->w,
	                        .max_lines = 1,
	                        .align = BP_ALIGN_CENTER};
	double y = g->top;
	if (j->doc.classification) {
		PangoLayout *b = band_text(s, &d->band_banner, j->doc.classification, &banner);
		set_color(cr, j->theme.banner);
		cairo_move_to(cr, g->x, y);
		pango_cairo_show_layout(cr, b);
		cairo_move_to(cr, g->x, g->bottom - g->line);
		pango_cairo_show_layout(cr, b);
		y += g->line;
	}
	set_color(cr, j->theme.muted);
	text_at(cr, band_text(s, &d->band_title, j->doc.title, &st), g->x, y, BP_ALIGN_LEFT, g->w);
	st.width = g->w * 0.4;
	st.align = BP_ALIGN_RIGHT;
	text_at(cr, band_text(s, &d->band_sec_title, s->title, &st), g->x + g->w * 0.6, y,
	        BP_ALIGN_LEFT, g->w * 0.4);
	set_color(cr, j->theme.grid);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, g->x, g->top + g->head - 4);
	cairo_line_to(cr, g->x + g->w, g->top + g->head - 4);
	cairo_move_to(cr, g->x, g->foot_rule);
	cairo_line_to(cr, g->x + g->w, g->foot_rule);
	cairo_stroke(cr);
	if (j->doc.organisation || j->doc.author) {
		st.align = BP_ALIGN_LEFT;
		st.width = g->w * 0.5;
		set_color(cr, j->theme.muted);
		text_at(cr,
		        band_text(s, &d->band_org,
		                  j->doc.organisation ? j->doc.organisation : j->doc.author, &st),
		        g->x, g->foot_rule + 3, BP_ALIGN_LEFT, g->w);
	}
}

/* The header and footer bands of a page.  Only "Page X of Y" changes from
 * page to page: the other texts are shaped once for each band width (and
 * the section title once per section), and on a section's vector pages,
 * when it has many, drawn once into a form painted on each (at most
 * once a page: cairo 1.16 lists a form in a page's resources once for
 * each time it is painted there). */
static void draw_bands(doc *d, bp_section *s, cairo_t *cr, int page_abs)
{
	const job *j = d->j;
	band_geo g = band_geometry(d, s);
	if (g.w != d->band_w) {
		bands_forget(d);
		d->band_w = g.w;
	}
	if (s != d->band_sec) {
		if (d->band_sec_title)
			g_object_unref(d->band_sec_title);
		d->band_sec_title = NULL;
	}
	d->band_sec = s;
	/* A form (its object, resources and the page's reference) costs
	 * about as many bytes as the bands of five pages. */
	if (s->n_pages <= 5 ||
	    cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE) {
		draw_band_texts(d, s, cr, &g);
	} else {
		if (!s->band_form) {
			/* Bounded: cairo 1.16's SVG output places an unbounded
			 * recording by extents it never sets. */
			cairo_rectangle_t page = {0, 0, s->page_w, s->page_h};
			cairo_surface_t *rec =
			        cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &page);
			cairo_t *rc = cairo_create(rec);
			draw_band_texts(d, s, rc, &g);
			cairo_destroy(rc);
			s->band_form = cairo_pattern_create_for_surface(rec);
			cairo_surface_destroy(rec);
		}
		/* Painted within a clip: cairo 1.16 takes an unclipped paint
		 * onto a page with nothing drawn yet for a fresh start and drops
		 * what was recorded before it (the page's link targets). */
		cairo_save(cr);
		cairo_rectangle(cr, 0, 0, s->page_w, s->page_h);
		cairo_clip(cr);
		cairo_set_source(cr, s->band_form);
		cairo_paint(cr);
		cairo_restore(cr);
	}
	char buf[64];
	bp_text_style st = {.size = g.fs, .width = g.w * 0.5, .max_lines = 1};
	set_color(cr, j->theme.muted);
	PangoLayout *l = doc_host.text(
	        s, i18n_page_of(j->doc.language, page_abs, d->total_pages, buf, sizeof buf), &st);
	text_at(cr, l, g.x, g.foot_rule + 3, BP_ALIGN_RIGHT, g.w);
	g_object_unref(l);
}

/* ---- numbering and entries ---------------------------------------------- */

void doc_number_pages(doc *d)
{
	int page = 1;
	for (size_t i = 0; i < d->n_secs; i++) {
		d->secs[i].first_page = page;
		page += d->secs[i].n_pages > 0 ? d->secs[i].n_pages : 1;
	}
	d->total_pages = page - 1;
	/* One level-1 entry per section, then its anchors that have titles. */
	size_t n = d->n_secs;
	for (guint i = 0; i < d->anchors->len; i++)
		n += ((anchor *)d->anchors->pdata[i])->title != NULL;
	free(d->entries);
	free(d->entry_mem);
	d->entries = calloc(n + 1, sizeof *d->entries);
	d->entry_mem = calloc(n + 1, sizeof *d->entry_mem);
	size_t k = 0;
	for (size_t i = 0; i < d->n_secs; i++) {
		bp_section *s = &d->secs[i];
		bp_entry *e = &d->entry_mem[k];
		char name[160];
		doc_host.anchor_name("section", s->js->id, name, sizeof name);
		const anchor *a = g_hash_table_lookup(d->by_name, name);
		*e = (bp_entry){sizeof *e, s->title, a ? a->name : "", 1, s->first_page, s->js->id};
		d->entries[k++] = e;
		for (guint m = 0; m < d->anchors->len; m++) {
			const anchor *x = d->anchors->pdata[m];
			if (x->s != s || !x->title)
				continue;
			e = &d->entry_mem[k];
			*e = (bp_entry){
			        sizeof *e, x->title, x->name, x->level, s->first_page + x->page,
			        s->js->id};
			d->entries[k++] = e;
		}
	}
	d->n_entries = k;
}

/* ---- the pipeline ---------------------------------------------------------- */

static int find_section(const job *j, const char *id)
{
	for (size_t i = 0; i < j->n_sections; i++)
		if (!strcmp(j->sections[i].id, id))
			return (int)i;
	return -1;
}

static int listed(const char *const *ids, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(ids[i], id))
			return 1;
	return 0;
}

/* Splits "a,b" lists given to --only/--skip and checks each id. */
static int check_ids(const job *j, const char *const *ids, size_t n, const char *flag)
{
	int bad = 0;
	for (size_t i = 0; i < n; i++)
		if (find_section(j, ids[i]) < 0) {
			diag_error(flag, 0, "the job has no section with id '%s'", ids[i]);
			bad++;
		}
	return bad;
}

static int check_fonts(const job *j)
{
	int bad = 0;
	const config_setting_t *theme = config_lookup(&j->cfg, "theme");
	for (size_t i = 0; i < j->n_font_dirs; i++)
		if (fonts_add_dir(j->font_dirs[i]) < 0) {
			diag_error_at(config_setting_get_member(theme, "font_dirs"),
			              "font folder '%s' does not exist", j->font_dirs[i]);
			bad++;
		}
	const char *fams[2] = {j->theme.font, j->theme.heading_font};
	const char *keys[2] = {"font", "heading_font"};
	for (int i = 0; i < 2; i++) {
		if (i == 1 && !strcmp(fams[0], fams[1]))
			break;
		if (fonts_have_family(fams[i]))
			continue;
		const config_setting_t *where =
		        theme ? config_setting_get_member(theme, keys[i]) : NULL;
		if (!where && theme && i == 1)
			where = config_setting_get_member(theme, "font");
		if (where)
			diag_error_at(where,
			              "font family '%s' is not installed (add its folder to "
			              "theme.font_dirs)",
			              fams[i]);
		else
			diag_error(j->path, 0, "font family '%s' is not installed", fams[i]);
		bad++;
	}
	return bad;
}

static void free_doc(doc *d)
{
	for (size_t i = 0; i < d->n_secs; i++) {
		bp_section *s = &d->secs[i];
		if (s->state && s->p->desc->destroy)
			s->p->desc->destroy(s->state);
		if (s->band_form)
			cairo_pattern_destroy(s->band_form);
		free(s->opts);
	}
	free(d->secs);
	if (d->anchors) {
		for (guint i = 0; i < d->anchors->len; i++) {
			anchor *a = d->anchors->pdata[i];
			free(a->name);
			free(a->title);
			free(a);
		}
		g_ptr_array_free(d->anchors, TRUE);
	}
	if (d->by_name)
		g_hash_table_destroy(d->by_name);
	if (d->missing_reported)
		g_hash_table_destroy(d->missing_reported);
	bands_forget(d);
	free(d->entries);
	free(d->entry_mem);
	dossier_free(d->dos);
	job_free(d->j);
}

static int layout_section(doc *d, bp_section *s)
{
	double head, foot;
	doc_bands(d, &head, &foot);
	const double *m = d->j->margin;
	s->frame_x = m[3];
	s->frame_y = m[0] + head;
	s->frame = (bp_frame){sizeof(bp_frame), s->page_w - m[1] - m[3],
	                      s->page_h - m[0] - m[2] - head - foot};
	char name[160];
	doc_host.anchor_name("section", s->js->id, name, sizeof name);
	s->in_layout = 1;
	if (d->anchors->len == 0 || !g_hash_table_contains(d->by_name, name)) {
		/* The section's own target, for the contents and the outline. */
		anchor *a = calloc(1, sizeof *a);
		a->name = strdup(name);
		a->s = s;
		a->level = 1;
		g_ptr_array_add(d->anchors, a);
		g_hash_table_insert(d->by_name, a->name, a);
	}
	s->n_pages = s->p->desc->layout(s->state, &s->frame);
	s->in_layout = 0;
	if (s->n_pages < 1 || s->failed) {
		if (!s->failed)
			doc_host.error(s, "layout produced no pages");
		return -1;
	}
	if (s->n_pages > MAX_SECTION_PAGES) {
		doc_host.error(s, "layout wants %d pages; the limit is %d", s->n_pages,
		               MAX_SECTION_PAGES);
		return -1;
	}
	return 0;
}

static void pdf_metadata(doc *d, cairo_surface_t *pdf)
{
	const bp_document *dd = &d->j->doc;
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, dd->title);
	if (dd->author)
		cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_AUTHOR, dd->author);
	if (dd->subtitle)
		cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_SUBJECT, dd->subtitle);
	if (dd->n_keywords) {
		GString *k = g_string_new(NULL);
		for (size_t i = 0; i < dd->n_keywords; i++)
			g_string_append_printf(k, "%s%s", i ? ", " : "", dd->keywords[i]);
		cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_KEYWORDS, k->str);
		g_string_free(k, TRUE);
	}
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "briefpack " BP_VERSION);
	/* Never the clock: the pack's date, else SOURCE_DATE_EPOCH, else none. */
	char iso[32] = "";
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (d->j->has_date) {
		snprintf(iso, sizeof iso, "%sT00:00:00Z", dd->date);
	} else if (sde && *sde) {
		time_t t = (time_t)strtoll(sde, NULL, 10);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, iso[0] ? iso : NULL);
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE, iso[0] ? iso : NULL);
}

static void pdf_outline(doc *d, cairo_surface_t *pdf)
{
	int parent[16] = {CAIRO_PDF_OUTLINE_ROOT};
	for (size_t i = 0; i < d->n_entries; i++) {
		const bp_entry *e = d->entries[i];
		if (!e->anchor[0])
			continue;
		int level = e->level < 1 ? 1 : e->level > 15 ? 15 : e->level;
		char attr[300];
		snprintf(attr, sizeof attr, "dest='%s'", e->anchor);
		int id =
		        cairo_pdf_surface_add_outline(pdf, parent[level - 1], e->title, attr,
		                                      level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		for (int k = level; k < 16; k++)
			parent[k] = id;
	}
}

/* Draws one page of section s onto cr (a fresh page of the right size). */
static int draw_page(doc *d, bp_section *s, cairo_t *cr, int page)
{
	if (!d->pdf) { /* PDF pages are white already; images are not */
		cairo_save(cr);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		cairo_restore(cr);
	} else {
		for (guint i = 0; i < d->anchors->len; i++) {
			const anchor *a = d->anchors->pdata[i];
			if (a->s != s || a->page != page ||
			    g_hash_table_lookup(d->by_name, a->name) != a)
				continue;
			char attr[300];
			snprintf(attr, sizeof attr, "name='%s' x=%d y=%d", a->name, (int)s->frame_x,
			         (int)(s->frame_y + a->y));
			cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
			cairo_tag_end(cr, CAIRO_TAG_DEST);
		}
	}
	draw_bands(d, s, cr, s->first_page + page);
	cairo_save(cr);
	/* The frame's clip on whole points: cairo rounds a drawing's extents
	 * out to whole units and clips (in a PDF: ends the text object, sets
	 * the clip, then colour and state again) whatever those reach past
	 * the clip, such as any text set flush with a frame's edge. */
	double x0 = floor(s->frame_x), y0 = floor(s->frame_y);
	cairo_rectangle(cr, x0, y0, ceil(s->frame_x + s->frame.width) - x0,
	                ceil(s->frame_y + s->frame.height) - y0);
	cairo_clip(cr);
	cairo_translate(cr, s->frame_x, s->frame_y);
	cairo_new_path(cr);
	set_color(cr, d->j->theme.text);
	int rc = s->p->desc->draw(s->state, cr, page);
	cairo_restore(cr);
	if (rc < 0 || s->failed) {
		if (!s->failed)
			doc_host.error(s, "drawing page %d failed", page + 1);
		return -1;
	}
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		doc_host.error(s, "drawing page %d failed: %s", page + 1,
		               cairo_status_to_string(cairo_status(cr)));
		return -1;
	}
	return 0;
}

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* cairo's PDF collects in memory, to be packed (pdfpack.h) on its way to
 * the file. */
static int write_pdf(doc *d, render_result *res)
{
	afile out;
	if (afile_open(&out, d->j->output) < 0)
		return 1;
	bp_section *s0 = &d->secs[0];
	GByteArray *raw = g_byte_array_new();
	cairo_surface_t *pdf =
	        cairo_pdf_surface_create_for_stream(collect, raw, s0->page_w, s0->page_h);
	d->pdf = pdf;
	cairo_t *cr = cairo_create(pdf);
	pdf_metadata(d, pdf);
	pdf_outline(d, pdf);
	int rc = 0;
	for (size_t i = 0; i < d->n_secs && !rc; i++) {
		bp_section *s = &d->secs[i];
		for (int p = 0; p < s->n_pages && !rc; p++) {
			cairo_pdf_surface_set_size(pdf, s->page_w, s->page_h);
			/* Without a structure tag cairo 1.16 writes an orphan object
			 * that qpdf calls damage once links are present; the tag only
			 * takes when opened after the first page's size is set and
			 * before anything is drawn (verified with qpdf --check). */
			if (i == 0 && p == 0)
				cairo_tag_begin(cr, "Document", NULL);
			rc = draw_page(d, s, cr, p);
			cairo_show_page(cr);
		}
	}
	cairo_tag_end(cr, "Document");
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	cairo_status_t st = cairo_surface_status(pdf);
	cairo_surface_destroy(pdf);
	d->pdf = NULL;
	if (!rc && st == CAIRO_STATUS_SUCCESS) {
		GByteArray *packed = pdf_pack(raw->data, raw->len);
		const GByteArray *b = packed ? packed : raw;
		afile_write(&out, b->data, b->len);
		if (packed)
			g_byte_array_free(packed, TRUE);
	}
	g_byte_array_free(raw, TRUE);
	if (rc || st != CAIRO_STATUS_SUCCESS || out.failed) {
		if (!rc && !out.failed)
			diag_error(d->j->output, 0, "cannot produce the PDF: %s",
			           cairo_status_to_string(st));
		if (out.failed)
			diag_error(d->j->output, 0, "cannot write: %s", strerror(out.err));
		afile_abort(&out);
		return 1;
	}
	res->bytes = out.bytes;
	if (afile_commit(&out) < 0)
		return 1;
	return 0;
}

/* PNG and SVG: one file a page, NAME-001.png, all written before any is
 * renamed into place. */
static int write_pages(doc *d, render_result *res)
{
	const char *outp = d->j->output;
	const char *dot = strrchr(outp, '.');
	int png = d->j->format == OUT_PNG;
	afile *files = calloc((size_t)d->total_pages, sizeof *files);
	int rc = 0, n = 0;
	double scale = png ? d->j->dpi / 72.0 : 1;
	for (size_t i = 0; i < d->n_secs && !rc; i++) {
		bp_section *s = &d->secs[i];
		for (int p = 0; p < s->n_pages && !rc; p++) {
			char *path;
			if (asprintf(&path, "%.*s-%03d%s", (int)(dot - outp), outp,
			             s->first_page + p, dot) < 0)
				abort();
			if (n == 0)
				snprintf(res->output, sizeof res->output, "%s", path);
			if (afile_open(&files[n], path) < 0) {
				free(path);
				rc = 1;
				break;
			}
			free(path);
			cairo_surface_t *surf =
			        png ? cairo_image_surface_create(CAIRO_FORMAT_RGB24,
			                                         (int)(s->page_w * scale + 0.5),
			                                         (int)(s->page_h * scale + 0.5))
			            : cairo_svg_surface_create_for_stream(afile_write, &files[n],
			                                                  s->page_w, s->page_h);
			cairo_t *cr = cairo_create(surf);
			cairo_scale(cr, scale, scale);
			if (draw_page(d, s, cr, p) < 0)
				rc = 1;
			cairo_destroy(cr);
			if (png && !rc &&
			    cairo_surface_write_to_png_stream(surf, afile_write, &files[n]))
				rc = 1;
			cairo_surface_finish(surf);
			if (!rc && (cairo_surface_status(surf) || files[n].failed)) {
				diag_error(files[n].final, 0, "cannot write the page");
				rc = 1;
			}
			cairo_surface_destroy(surf);
			res->bytes += files[n].bytes;
			n++;
		}
	}
	for (int i = 0; i < n; i++) {
		if (rc)
			afile_abort(&files[i]);
		else if (afile_commit(&files[i]) < 0)
			rc = 1;
	}
	free(files);
	return rc;
}

static const char *default_title(const bp_plugin *p, const char *lang)
{
	const char *en = NULL;
	for (const bp_title *t = p->titles; t && t->lang; t++) {
		if (!strcmp(t->lang, lang))
			return t->text;
		if (!strcmp(t->lang, "en"))
			en = t->text;
	}
	return en ? en : p->name;
}

int render_run(const render_opts *o, render_result *res)
{
	memset(res, 0, sizeof *res);
	doc D = {0}, *d = &D;
	int status = 2;
	if (fonts_init() < 0)
		return 1;
	d->j = job_load(o->job_path, o->sets, o->n_sets);
	if (!d->j)
		return 2;
	job *j = d->j;
	int bad = 0;
	if (o->out)
		bad += job_set_output(j, o->out) < 0;
	else if (!j->output && !strcmp(j->path, "-"))
		diag_error("<stdin>", 0, "the job names no output.file; give -o FILE"), bad++;
	else if (!j->output) {
		char *base = g_path_get_basename(j->path);
		char *dot = strrchr(base, '.');
		if (dot)
			*dot = '\0';
		char *name = g_strdup_printf("%s.pdf", base);
		char *p = cfg_resolve(j->dir, name);
		job_set_output(j, p);
		free(p);
		g_free(name);
		g_free(base);
	}
	if (o->data)
		d->dos = dossier_load_file(o->data);
	else if (j->data_path)
		d->dos = dossier_load_file(j->data_path);
	else if (j->data_group)
		d->dos = dossier_load_group(j->data_group);
	else
		diag_error(j->path, 0,
		           "no dossier: set data = \"FILE\"; in the job or give --data FILE");
	bad += !d->dos;
	bad += check_ids(j, o->only, o->n_only, "--only");
	bad += check_ids(j, o->skip, o->n_skip, "--skip");
	bad += check_fonts(j);
	if (d->dos && !j->doc.title)
		j->doc.title = d->dos->pub.title ? d->dos->pub.title : "Briefing";
	/* Built-in roles the dossier did not redefine speak the pack's language. */
	for (size_t i = 0; d->dos && i < d->dos->pub.n_roles; i++) {
		bp_role *r = (bp_role *)d->dos->pub.roles[i];
		if (r->builtin)
			r->name = i18n_role_name(j->doc.language, r->id);
	}

	/* The sections that will be drawn, each with its plugin and options. */
	plugin_path pp;
	plugin_path_init(&pp, j->plugin_dirs, j->n_plugin_dirs, o->plugin_dirs, o->n_plugin_dirs);
	d->secs = calloc(j->n_sections + 1, sizeof *d->secs);
	for (size_t i = 0; i < j->n_sections; i++) {
		const job_section *js = &j->sections[i];
		int on = o->n_only ? listed(o->only, o->n_only, js->id) : js->enabled;
		if (!on || listed(o->skip, o->n_skip, js->id))
			continue;
		char why[1024];
		const plugin *p = plugin_find(&pp, js->plugin, why, sizeof why);
		if (!p) {
			diag_error_at(config_setting_get_member(js->set, "plugin"),
			              "section '%s': %s", js->id, why);
			bad++;
			continue;
		}
		bp_section *s = &d->secs[d->n_secs];
		s->opts = options_bind(p, js->set, js->id, &s->n_opts);
		if (!s->opts) {
			bad++;
			continue;
		}
		s->d = d;
		s->index = d->n_secs++;
		s->js = js;
		s->p = p;
		s->title = js->title ? js->title : NULL;
		s->page_w = js->page_w;
		s->page_h = js->page_h;
	}
	plugin_path_free(&pp);
	if (!bad && d->n_secs == 0) {
		diag_error(j->path, 0, "no section is enabled; there is nothing to draw");
		bad++;
	}
	if (bad)
		goto done;

	/* create() checks options against the facts (unknown track ids and the
	 * like): its failures are configuration errors, and `check` runs it. */
	d->anchors = g_ptr_array_new();
	d->by_name = g_hash_table_new(g_str_hash, g_str_equal);
	d->missing_reported = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (size_t i = 0; i < d->n_secs; i++) {
		bp_section *s = &d->secs[i];
		if (!s->title)
			s->title = default_title(s->p->desc, j->doc.language);
		s->state = s->p->desc->create(&doc_host, s);
		if (!s->state || s->failed) {
			if (!s->failed)
				doc_host.error(s, "could not start");
			goto done;
		}
	}
	if (o->check_only) {
		status = 0;
		goto done;
	}

	status = 1;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < d->n_secs; i++) {
			bp_section *s = &d->secs[i];
			int last = (s->p->desc->flags & BP_PLUGIN_LAYOUT_LAST) != 0;
			if (last != pass)
				continue;
			if (pass == 1)
				doc_number_pages(d);
			if (layout_section(d, s) < 0)
				goto done;
		}
	doc_number_pages(d);
	if (j->format == OUT_PDF) {
		snprintf(res->output, sizeof res->output, "%s", j->output);
		status = write_pdf(d, res);
	} else {
		status = write_pages(d, res);
	}
	if (status == 0)
		res->pages = d->total_pages;
done:
	free_doc(d);
	return status;
}
