/*
 * cover.c — making and freeing a cover section, and the block list that
 * layout.c fills and draw.c paints.
 */
#include "cover.h"

#include <stdlib.h>
#include <string.h>

void *cover_create(const bp_host *host, bp_section *s)
{
	cover *c = calloc(1, sizeof *c);
	if (!c) {
		host->error(s, "out of memory");
		return NULL;
	}
	c->host = host;
	c->s = s;
	c->show_summary = host->opt_bool(s, "show_summary");
	c->show_sources = host->opt_bool(s, "show_sources");
	return c;
}

void cover_clear(cover *c)
{
	for (size_t i = 0; i < c->n_blocks; i++) {
		if (c->blocks[i].layout)
			g_object_unref(c->blocks[i].layout);
		if (c->blocks[i].lines)
			c->host->lines_free(c->blocks[i].lines);
	}
	c->n_blocks = 0;
}

cover_block *cover_add(cover *c, cover_block_kind kind)
{
	if (c->n_blocks == c->cap_blocks) {
		size_t cap = c->cap_blocks ? c->cap_blocks * 2 : 32;
		cover_block *b = realloc(c->blocks, cap * sizeof *b);
		if (!b)
			return NULL;
		c->blocks = b;
		c->cap_blocks = cap;
	}
	cover_block *b = &c->blocks[c->n_blocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

void cover_destroy(void *self)
{
	cover *c = self;
	if (!c)
		return;
	cover_clear(c);
	free(c->blocks);
	free(c);
}
