/*
 * matrix.h — the state of one participant_matrix section, shared by the
 * files that read its options (options.c), measure and paginate it
 * (layout.c), and draw its pages (draw.c, marks.c).
 */
#ifndef PM_MATRIX_H
#define PM_MATRIX_H

#include "model.h"
#include <briefpack/plugin.h>

#define PM_PI 3.14159265358979323846
#define PM_MM 2.834645669 /* points per mm */

/* Our own words, in English and Russian (words.c). */
typedef enum pm_word {
	PM_W_EVENTS_RANGE, /* "Events %zu–%zu of %zu" */
	PM_W_BAND_TITLE,   /* "Events %zu–%zu" (outline) */
	PM_W_VIA_DELEGATION,
	PM_W_VIA_MEMBER,
	PM_W_TIMES, /* "Times: %s" */
	PM_W_NO_TRACK,
	PM_W_NO_EVENTS,
	PM_W_NO_ROWS,
	PM_W_TOTAL_NOTE,
	PM_W_COUNT_
} pm_word;
const char *pm_word_get(const char *language, pm_word w);

/* One event title laid out for one header plan (layout.c): its lines and
 * width in Pango units, its block's size and whether it was shortened.  The
 * plan search tries up to ten; the plan finally chosen draws the very
 * layouts its search measured. */
typedef struct pm_fit {
	int lines, width;
	double w, h;
	int cut;
	PangoLayout *l;
} pm_fit;
enum { PM_FITS = 10 };

/* One entry of the legend, placed at layout time. */
typedef struct pm_legend_item {
	int kind;    /* PM_LEG_* */
	size_t role; /* PM_LEG_ROLE: index in dossier->roles */
	const char *text;
	double x, w;
	double mark_w; /* room for its mark (a role's may be wider than a dot) */
	double text_x; /* where its words start */
	int line;
	PangoLayout *l; /* its words, shaped once (layout.c) */
} pm_legend_item;
enum { PM_LEG_ROLE, PM_LEG_LIGHT, PM_LEG_TENTATIVE, PM_LEG_CANCELLED, PM_LEG_TEXT, PM_LEG_TIMES };

typedef struct pm_state {
	const bp_host *host;
	bp_section *s;
	const bp_dossier *d;
	const bp_theme *theme;
	const char *lang;

	/* Options. */
	pm_config cfg;
	unsigned char *want_delegation, *want_event, *want_track;
	int angle; /* degrees */
	int across, totals, legend, show_times, header_lines /* 0: auto */, label_lines;
	double font_size, label_width_max, header_length_max; /* points */

	pm_model m;

	/* Geometry, from layout(). */
	bp_frame frame;
	double fs;      /* matrix text size */
	double pad;     /* cell padding */
	double label_w; /* row label column */
	double indent;  /* person rows under a heading */
	double col_w;   /* one event column */
	double total_w; /* the totals column (0: none) */
	double caption_h, header_h, group_h, legend_h, legend_line_h, total_row_h;
	double hdr_t;      /* thickness of a rotated header block */
	double hdr_s;      /* distance along the baseline to the text start */
	double hdr_len;    /* longest header block */
	double hdr_limit;  /* longest a header may be */
	double hdr_line_h; /* one line of header text */
	size_t hdr_cut;    /* titles shortened to fit */
	double num_row_w, num_col_w, num_h, total_label_h; /* widest totals */
	unsigned char *group_dated; /* per group: too narrow to name its day */
	int totals_rotated;         /* column totals too wide for a column: rotated */
	double mark_r;              /* radius of a drawn ● */
	double role_w;              /* ink width of the widest role mark used */
	double *row_h;              /* per model row */
	double *cont_h;             /* per model row: its "(continued)" heading height */
	double cont_w;              /* width of a "(continued)" heading */
	size_t *chunks;             /* n_chunks + 1 first items (rows; n_rows = totals) */
	long n_chunks;
	size_t *bands; /* n_bands + 1 first columns */
	long n_bands;
	pm_legend_item *legend_items;
	size_t n_legend;
	double *row_y;       /* scratch while drawing: top of each row on the page */
	double sin_a, cos_a; /* of the header angle */

	/* Layouts made once and refilled with text_set() while drawing. */
	PangoLayout *l_label, *l_head, *l_heading, *l_cont, *l_title, *l_prefix, *l_total_hdr,
	        *l_num, *l_group, *l_caption, *l_legend, *l_message;
	PangoLayout **l_role; /* per role: its mark as text (NULL for ●) */
	/* The marks drawn as shapes (the ● and the role marks' outlines for
	 * tentative events): glyphs of a user font, made on first use (NULL
	 * until then; marks.c). */
	cairo_scaled_font_t *mark_font;
	/* Per column, made once: headers repeat on every page of a band. */
	PangoLayout **l_col_title, **l_col_prefix; /* prefix NULL: none */
	double *col_lead, *col_bt;                 /* title offset, block thickness */
	double hfs;                                /* header text size */
	int hdr_lines;                             /* lines a title may take */
	PangoRectangle *role_ink;                  /* per role: its mark's ink, from its origin */
	/* Per model row: its label, shaped once at layout time and shown as
	 * is on every page of the row (reshaping names was a third of the
	 * drawing time). */
	PangoLayout **l_row;
	/* On vector pages, recorded once and painted as one form (NULL: not
	 * recorded yet): per band its headers (on pages after its first),
	 * then the legend (draw.c). */
	cairo_pattern_t **forms;
	size_t n_forms;
	/* Per total value: its number, shaped on first use (few distinct). */
	PangoLayout **l_numval;
	size_t n_numval;
	PangoLayout **l_group_form; /* per group, its 3 name forms (NULL: not made yet) */
	double *head_cont;          /* per heading row: its "(continued)" height... */
	double *head_cont_w;        /* ...measured at this cont_w (< 0: not yet) */
	PangoLayout **cont_one;     /* ...and its line, unwrapped (NULL: not yet) */
	/* Per column, for the header plans tried (layout.c): the title's
	 * width on one line (Pango units, -1: not measured; INT_MAX: more
	 * lines) and that line's layout, unwrapped (NULL: none, or handed on
	 * to l_col_title). */
	int *title_nat;
	PangoLayout **title_one;
	pm_fit *fits;          /* per column, PM_FITS (layout.c) */
	unsigned char *n_fits; /* per column */
} pm_state;

/* options.c */
int pm_options_read(pm_state *st);

/* layout.c */
int pm_layout(pm_state *st, const bp_frame *frame);
void pm_layout_free(pm_state *st);

double pm_header_lead(const pm_state *st, bp_status status, double prefix_w);
double pm_title_width(const pm_state *st, double lead);
PangoLayout *pm_group_form(pm_state *st, size_t g, int i, const char *text);
PangoLayout *pm_num_layout(pm_state *st, int value);
PangoLayout *pm_cont_layout(pm_state *st, size_t g);

/* draw.c */
int pm_draw(pm_state *st, cairo_t *cr, int page);

/* marks.c: one mark centred on (cx, cy); the cross over a cancelled one. */
int pm_role_is_dot(const bp_role *r);
void pm_mark_cross(const pm_state *st, cairo_t *cr, double cx, double cy); /* path only */
void pm_stroke_cross(const pm_state *st, cairo_t *cr, double cx, double cy);
void pm_draw_dot(pm_state *st, cairo_t *cr, double cx, double cy, int light, bp_status status);
/* n ● centred on the glyphs' (x, y), all of one kind (sets the glyphs). */
void pm_show_dots(pm_state *st, cairo_t *cr, cairo_glyph_t *at, size_t n, int light,
                  bp_status status);
void pm_draw_mark(pm_state *st, cairo_t *cr, double cx, double cy, size_t role, int light,
                  bp_status status);
void pm_mark_color(const pm_state *st, int light, bp_status status, double *r, double *g,
                   double *b);

#endif
