/* arena.c — see arena.h. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct arena_block {
	arena_block *next;
	size_t used, cap;
	max_align_t data[];
};

enum { BLOCK = 64 * 1024 };

void *arena_alloc(arena *a, size_t size)
{
	size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	arena_block *b = a->head;
	if (!b || b->cap - b->used < size) {
		size_t cap = size > BLOCK ? size : BLOCK;
		b = malloc(sizeof *b + cap);
		if (!b)
			abort();
		b->cap = cap;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(arena_alloc(a, n), s, n);
}

void arena_free(arena *a)
{
	for (arena_block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}
