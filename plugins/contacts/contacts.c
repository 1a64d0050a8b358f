/*
 * contacts.c — the example section plugin: every delegation's people with
 * their role, one group per delegation, paginated, with an outline entry per
 * delegation.  It is deliberately one file so it can be copied as the start
 * of a new plugin (see README.md, "Writing a plugin", and the Makefile
 * beside this file).
 *
 * Read it top to bottom; it follows the life of a section:
 *   1. words      — its own fixed words in the pack's language
 *   2. create()   — read options and the dossier into the section's state
 *   3. layout()   — measure text, cut the list into pages, declare anchors
 *   4. draw()     — paint one page of what layout() decided
 *   5. destroy()  — free the state
 *   6. the option table and the exported descriptor
 *
 * The rules it follows are those of <briefpack/plugin.h>:
 *   - no global mutable state (only const tables): the state of a section
 *     lives in the struct create() returns, so two "contacts" sections with
 *     different options can share this .so;
 *   - no threads and no constructors; nothing runs before create();
 *   - everything comes through the bp_host table: the plugin links cairo and
 *     pango only and never calls a briefpack function by name;
 *   - user text is drawn through host->text() (plain text, never markup);
 *   - only inside the frame, (0, 0)-(frame.width, frame.height);
 *   - failures go to host->error() and the callback returns failure.
 */
#include <briefpack/plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* 1. Words                                                            */
/* ------------------------------------------------------------------ */

/* Words common to all sections come from host->label(); a plugin keeps its
 * own words in a small table keyed by the pack's language ("en" or "ru"). */
enum word { W_NAME, W_ROLE, W_HEAD, W_NOBODY, W_COUNT_ };

static const char *const words_en[W_COUNT_] = {"Name", "Role", "Head of delegation",
                                               "Nobody to list."};
static const char *const words_ru[W_COUNT_] = {"Имя", "Должность", "Глава делегации",
                                               "Список пуст."};

static const char *const *words_for(const char *language)
{
	return language && !strcmp(language, "ru") ? words_ru : words_en;
}

/* ------------------------------------------------------------------ */
/* 2. The state of one section                                          */
/* ------------------------------------------------------------------ */

/* One group of the list: a delegation, or the people without one. */
typedef struct group {
	const char *name;         /* the delegation's name, or "No delegation" */
	char anchor[160];         /* link target of the outline entry */
	PangoLayout *heading;     /* the name as a heading */
	PangoLayout *continued;   /* "Name (continued)", atop a later page */
	double heading_h, cont_h; /* their heights */
} group;

/* One person's line; page and y are filled in by layout(). */
typedef struct row {
	const bp_person *person;
	size_t group;
	PangoLayout *name, *native, *role, *head; /* native, role, head may be NULL */
	double height;
	int heading;      /* 0: none; 1: the group's heading above; 2: "(continued)" */
	double heading_y; /* where that heading goes */
	int page;         /* 0-based page of this section */
	double y;         /* top of the row within the frame */
} row;

typedef struct contacts {
	const bp_host *host; /* keep both: every host call takes the section */
	bp_section *s;
	const bp_theme *theme;
	const char *const *words;

	/* Options, read once in create(). */
	int show_native;
	long role_lines;

	/* What to list, in dossier order, decided in create(). */
	group *groups;
	size_t n_groups;
	row *rows;
	size_t n_rows;

	/* Made by layout(), used by draw(). */
	double width, name_w, role_x, role_w, pad, top;
	PangoLayout *col_name, *col_role, *nobody;
	int n_pages;
} contacts;

/* Is id one of the strings of the list option `name`? */
static int option_lists(contacts *c, const char *name, const char *id)
{
	size_t n = c->host->opt_count(c->s, name);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(c->host->opt_string_at(c->s, name, i), id))
			return 1;
	return 0;
}

/* Adds a group and the rows of its people (the head first, then the others
 * in dossier order). */
static void add_group(contacts *c, const char *name, const char *anchor_id,
                      const bp_person *const *people, size_t n, const bp_person *head)
{
	group *g = &c->groups[c->n_groups];
	memset(g, 0, sizeof *g);
	g->name = name;
	/* Anchor names must be unique in the whole document and made of
	 * [A-Za-z0-9_-]: prefix them with the section id and let the host
	 * encode the rest.  The first section to declare a name owns it, so a
	 * plain "delegation-ru" might already belong to another section. */
	char id[200];
	snprintf(id, sizeof id, "%s--%s", c->host->section_id(c->s), anchor_id);
	c->host->anchor_name("section", id, g->anchor, sizeof g->anchor);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			if ((people[i] == head) == (pass == 0)) {
				row *r = &c->rows[c->n_rows++];
				memset(r, 0, sizeof *r);
				r->person = people[i];
				r->group = c->n_groups;
			}
	c->n_groups++;
}

static void *contacts_create(const bp_host *host, bp_section *s)
{
	const bp_dossier *d = host->dossier(s);
	contacts *c = calloc(1, sizeof *c);
	/* Room for every delegation plus "no delegation", and every person. */
	if (c) {
		c->groups = calloc(d->n_delegations + 1, sizeof *c->groups);
		c->rows = calloc(d->n_people + 1, sizeof *c->rows);
	}
	if (!c || !c->groups || !c->rows) {
		host->error(s, "out of memory");
		if (c) {
			free(c->groups);
			free(c->rows);
		}
		free(c);
		return NULL;
	}
	c->host = host;
	c->s = s;
	c->theme = host->theme(s);
	c->words = words_for(host->document(s)->language);

	/* The host has already checked every option against the table at the
	 * end of this file and filled in defaults; reading one that is not
	 * declared there is a bug the host reports. */
	c->show_native = host->opt_bool(s, "show_native");
	c->role_lines = host->opt_int(s, "role_lines");

	/* A typo in the filter would otherwise print an empty section: say
	 * which id is unknown and fail (the document is not written). */
	int filtered = host->opt_is_set(s, "delegations");
	size_t n_filter = host->opt_count(s, "delegations");
	for (size_t i = 0; i < n_filter; i++) {
		const char *want = host->opt_string_at(s, "delegations", i);
		size_t k = 0;
		while (k < d->n_delegations && strcmp(d->delegations[k]->id, want))
			k++;
		if (k == d->n_delegations) {
			host->error(s, "delegations: the dossier has no delegation '%s'", want);
			free(c->groups);
			free(c->rows);
			free(c);
			return NULL;
		}
	}

	for (size_t k = 0; k < d->n_delegations; k++) {
		const bp_delegation *del = d->delegations[k];
		if (del->n_members == 0 || (filtered && !option_lists(c, "delegations", del->id)))
			continue;
		char anchor_id[160];
		snprintf(anchor_id, sizeof anchor_id, "delegation-%s", del->id);
		add_group(c, del->name, anchor_id, del->members, del->n_members, del->head);
	}

	/* People without a delegation come last, as the spec orders them. */
	if (host->opt_bool(s, "show_unaffiliated")) {
		size_t first = c->n_rows;
		for (size_t i = 0; i < d->n_people; i++)
			if (!d->people[i]->delegation) {
				row *r = &c->rows[c->n_rows++];
				memset(r, 0, sizeof *r);
				r->person = d->people[i];
				r->group = c->n_groups;
			}
		if (c->n_rows > first) {
			group *g = &c->groups[c->n_groups];
			g->name = host->label(s, BP_LABEL_NO_DELEGATION);
			char id[200];
			snprintf(id, sizeof id, "%s--unaffiliated", host->section_id(s));
			host->anchor_name("section", id, g->anchor, sizeof g->anchor);
			c->n_groups++;
		}
	}
	return c;
}

/* ------------------------------------------------------------------ */
/* 3. Layout                                                            */
/* ------------------------------------------------------------------ */

static void unref(PangoLayout **l)
{
	if (*l)
		g_object_unref(*l);
	*l = NULL;
}

/* Frees what a previous layout() made: the host may lay a section out more
 * than once, so layout() starts from scratch each time. */
static void free_layouts(contacts *c)
{
	for (size_t i = 0; i < c->n_groups; i++) {
		unref(&c->groups[i].heading);
		unref(&c->groups[i].continued);
	}
	for (size_t i = 0; i < c->n_rows; i++) {
		unref(&c->rows[i].name);
		unref(&c->rows[i].native);
		unref(&c->rows[i].role);
		unref(&c->rows[i].head);
	}
	unref(&c->col_name);
	unref(&c->col_role);
	unref(&c->nobody);
}

/* host->text() makes a PangoLayout in the theme's fonts; text_size() gives
 * its size in points.  A width wraps the text (by word, then by character
 * for words longer than a line) and max_lines ellipsizes it, so a long name
 * can never leave its column. */
static PangoLayout *text(contacts *c, const char *utf8, const bp_text_style *st, double *h)
{
	PangoLayout *l = c->host->text(c->s, utf8, st);
	c->host->text_size(l, NULL, h);
	return l;
}

/* Makes the layouts of one row and returns its height.  They are kept for
 * draw(): drawing the very layout that was measured means what was measured
 * is what is drawn. */
static double measure_row(contacts *c, row *r)
{
	double size = c->theme->body_size;
	bp_text_style name_st = {.bold = 1, .width = c->name_w, .max_lines = 2};
	bp_text_style small_st = {.size = size * 0.9, .width = c->name_w, .max_lines = 2};
	bp_text_style role_st = {.width = c->role_w, .max_lines = (int)c->role_lines};
	bp_text_style head_st = {
	        .size = size * 0.9, .italic = 1, .width = c->role_w, .max_lines = 1};
	double h, left = 0, right = 0;

	r->name = text(c, r->person->name, &name_st, &h);
	left += h;
	if (c->show_native && r->person->native_name) {
		r->native = text(c, r->person->native_name, &small_st, &h);
		left += h;
	}
	if (r->person->role) {
		r->role = text(c, r->person->role, &role_st, &h);
		right += h;
	}
	if (r->person->head) {
		r->head = text(c, c->words[W_HEAD], &head_st, &h);
		right += h;
	}
	return (left > right ? left : right) + 2 * c->pad;
}

/* Returns the number of pages.  Each row goes on the current page if it
 * fits.  A group's heading never ends a page: it moves to the next one
 * unless its first two rows (or its only row) fit under it.  A group that
 * runs onto a new page gets its heading again, "(continued)". */
static int contacts_layout(void *self, const bp_frame *frame)
{
	contacts *c = self;
	const bp_host *h = c->host;
	double size = c->theme->body_size, col_h, y;

	free_layouts(c);
	c->width = frame->width;
	c->pad = size * 0.35;
	c->name_w = frame->width * 0.42;
	c->role_x = c->name_w + size;
	c->role_w = frame->width - c->role_x;

	/* Column captions on every page: small, one line each. */
	bp_text_style cap = {.size = size * 0.85, .bold = 1, .width = c->name_w, .max_lines = 1};
	c->col_name = text(c, c->words[W_NAME], &cap, &col_h);
	cap.width = c->role_w;
	c->col_role = text(c, c->words[W_ROLE], &cap, NULL);
	c->top = col_h + c->pad;

	if (c->n_rows == 0) {
		bp_text_style st = {.italic = 1, .width = frame->width};
		c->nobody = text(c, c->words[W_NOBODY], &st, NULL);
		return c->n_pages = 1; /* a section always has at least one page */
	}

	/* First measure everything... */
	bp_text_style heading = {
	        .heading = 1, .bold = 1, .size = size * 1.2, .width = frame->width, .max_lines = 2};
	for (size_t i = 0; i < c->n_groups; i++) {
		group *g = &c->groups[i];
		char cont[512];
		snprintf(cont, sizeof cont, "%s %s", g->name, h->label(c->s, BP_LABEL_CONTINUED));
		g->heading = text(c, g->name, &heading, &g->heading_h);
		g->continued = text(c, cont, &heading, &g->cont_h);
	}
	for (size_t i = 0; i < c->n_rows; i++)
		c->rows[i].height = measure_row(c, &c->rows[i]);

	/* ...then cut the rows into pages. */
	int page = 0;
	y = c->top;
	for (size_t i = 0; i < c->n_rows; i++) {
		row *r = &c->rows[i];
		const group *g = &c->groups[r->group];
		int first = i == 0 || c->rows[i - 1].group != r->group;

		/* What must fit: the heading (with a gap unless at the top of
		 * the page) and two rows, or this row alone inside a group. */
		double gap = y > c->top ? size : 0;
		double need = r->height;
		if (first) {
			need += gap + g->heading_h;
			if (i + 1 < c->n_rows && c->rows[i + 1].group == r->group)
				need += c->rows[i + 1].height;
		}
		if (y + need > frame->height && y > c->top) {
			page++;
			y = c->top;
			gap = 0;
		}
		r->heading = first ? 1 : (y == c->top ? 2 : 0);
		if (r->heading) {
			r->heading_y = y + gap;
			y = r->heading_y + (first ? g->heading_h : g->cont_h) + c->pad * 0.5;
		}
		if (first) /* a level-2 outline entry, under the section's own */
			h->add_anchor(c->s, page, r->heading_y, g->anchor, g->name, 2);

		/* A link target per person without an outline entry (title NULL),
		 * so another section could link a name here. */
		char person[160];
		h->anchor_name("person", r->person->id, person, sizeof person);
		h->add_anchor(c->s, page, y, person, NULL, 2);

		r->page = page;
		r->y = y;
		y += r->height;
	}
	return c->n_pages = page + 1;
}

/* ------------------------------------------------------------------ */
/* 4. Draw                                                              */
/* ------------------------------------------------------------------ */

static void set_color(cairo_t *cr, bp_color col)
{
	cairo_set_source_rgb(cr, col.r, col.g, col.b);
}

static void show(cairo_t *cr, PangoLayout *l, double x, double y)
{
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

static void rule(cairo_t *cr, double y, double width, bp_color col)
{
	set_color(cr, col);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, 0, y);
	cairo_line_to(cr, width, y);
	cairo_stroke(cr);
}

/* cr is already translated and clipped to the frame; the host draws the
 * header, footer and page number and ends the page. */
static int contacts_draw(void *self, cairo_t *cr, int page)
{
	contacts *c = self;
	const bp_theme *t = c->theme;

	set_color(cr, t->muted);
	show(cr, c->col_name, 0, 0);
	show(cr, c->col_role, c->role_x, 0);
	rule(cr, c->top - c->pad * 0.5, c->width, t->grid);

	if (c->nobody) {
		set_color(cr, t->muted);
		show(cr, c->nobody, 0, c->top + c->pad);
		return 0;
	}
	for (size_t i = 0; i < c->n_rows; i++) {
		const row *r = &c->rows[i];
		const group *g = &c->groups[r->group];
		if (r->page != page)
			continue;
		if (r->heading) {
			set_color(cr, t->accent);
			show(cr, r->heading == 1 ? g->heading : g->continued, 0, r->heading_y);
		} else {
			rule(cr, r->y, c->width, t->grid);
		}
		double y = r->y + c->pad, h;
		set_color(cr, t->text);
		show(cr, r->name, 0, y);
		if (r->native) {
			c->host->text_size(r->name, NULL, &h);
			set_color(cr, t->muted);
			show(cr, r->native, 0, y + h);
		}
		set_color(cr, t->text);
		h = 0;
		if (r->role) {
			show(cr, r->role, c->role_x, y);
			c->host->text_size(r->role, NULL, &h);
		}
		if (r->head) {
			set_color(cr, t->accent);
			show(cr, r->head, c->role_x, y + h);
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* 5. Destroy                                                           */
/* ------------------------------------------------------------------ */

static void contacts_destroy(void *self)
{
	contacts *c = self;
	free_layouts(c);
	free(c->groups);
	free(c->rows);
	free(c);
}

/* ------------------------------------------------------------------ */
/* 6. Options and the descriptor                                        */
/* ------------------------------------------------------------------ */

/* The host checks a job's section against this table before any plugin
 * code runs (type, range, unknown names with a suggestion), fills in the
 * defaults, and prints it for `briefpack plugins --describe contacts`.
 * Defaults are written in libconfig syntax. */
static const bp_option contacts_options[] = {
        {.name = "delegations",
         .type = BP_OPT_STRING_LIST,
         .help = "only these delegations (ids), listed in dossier order; unset: all"},
        {.name = "show_native",
         .type = BP_OPT_BOOL,
         .def = "true",
         .help = "print each person's name in their own script under the name"},
        {.name = "show_unaffiliated",
         .type = BP_OPT_BOOL,
         .def = "true",
         .help = "list the people without a delegation last"},
        {.name = "role_lines",
         .type = BP_OPT_INT,
         .def = "2",
         .min = 1,
         .max = 6,
         .help = "lines a role may take before it is cut short with an ellipsis"},
        {.name = NULL},
};

static const bp_title contacts_titles[] = {
        {"en", "Contacts"},
        {"ru", "Контакты"},
        {NULL, NULL},
};

/* The one exported symbol: its name, briefpack_plugin_contacts, comes from
 * the file name contacts.so.  BP_PLUGIN_ABI records the interface version
 * this file was compiled against; the host checks it before calling
 * anything here. */
BP_PLUGIN_EXPORT(contacts) = {
        BP_PLUGIN_ABI,
        .name = "contacts",
        .version = "1.0.0",
        .summary = "Contacts: each delegation's people with their role (the example plugin)",
        .options = contacts_options,
        .titles = contacts_titles,
        .create = contacts_create,
        .layout = contacts_layout,
        .draw = contacts_draw,
        .destroy = contacts_destroy,
};
