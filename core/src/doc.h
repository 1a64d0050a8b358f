/*
 * doc.h — one document being produced: the job, its dossier, one section
 * per enabled plugin instance, the anchors and outline entries they
 * declare, and the page numbers they end up on.  host.c serves plugins from
 * it; render.c drives it through load, layout, draw and output.
 */
#ifndef BP_DOC_H
#define BP_DOC_H

#include "dossier.h"
#include "job.h"
#include "options.h"

#include <glib.h>

typedef struct doc doc;

struct bp_section {
	doc *d;
	size_t index;
	const job_section *js;
	const plugin *p;
	void *state;
	opt_value *opts;
	size_t n_opts;
	const char *title;
	double page_w, page_h;   /* points */
	double frame_x, frame_y; /* the frame's top-left on the page */
	bp_frame frame;
	int n_pages;
	int first_page; /* 1-based, in the whole document */
	int failed;     /* host->error() was called */
	int in_layout;
	/* Its bands but the page number, recorded once when it has many
	 * vector pages and painted as a form (render.c), or NULL.  Kept until
	 * the document is written: cairo 1.16 copies a pattern's recording
	 * when it is freed while the PDF still refers to it, and the copy
	 * lacks two flags, so the form would come out differently from run
	 * to run. */
	cairo_pattern_t *band_form;
};

typedef struct anchor {
	char *name;
	bp_section *s;
	int page; /* section-relative, 0-based */
	double y;
	char *title; /* NULL: a link target only */
	int level;
} anchor;

struct doc {
	job *j;
	dossier *dos;
	bp_section *secs;
	size_t n_secs;
	GPtrArray *anchors;  /* anchor*, in declaration order */
	GHashTable *by_name; /* name → anchor* (the first declaration) */
	bp_entry **entries;  /* built by doc_number_pages() */
	bp_entry *entry_mem;
	size_t n_entries;
	int total_pages;
	cairo_surface_t *pdf; /* the PDF surface while drawing, else NULL */
	/* The header and footer texts that repeat on every page, shaped once
	 * per band width (render.c): the banner, the document title, the
	 * organisation, and the title of the section band_sec. */
	double band_w;
	PangoLayout *band_banner, *band_title, *band_org, *band_sec_title;
	const bp_section *band_sec;
	GHashTable *missing_reported;
};

extern const bp_host doc_host;

/* Page numbers and the entry list from the sections' page counts. */
void doc_number_pages(doc *d);
/* The header/footer band heights for a page of the job (points). */
void doc_bands(const doc *d, double *header, double *footer);

#endif
