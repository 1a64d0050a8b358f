/*
 * arena.h — one allocation pool per loaded document, freed at once: the data
 * model is built once and read until the document is done.
 */
#ifndef BP_ARENA_H
#define BP_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
	arena_block *head;
} arena;

/* Zeroed memory, aligned for any type; aborts when memory runs out. */
void *arena_alloc(arena *a, size_t size);
#define ARENA_NEW(a, type)      ((type *)arena_alloc((a), sizeof(type)))
#define ARENA_ARRAY(a, type, n) ((type *)arena_alloc((a), sizeof(type) * (n)))
char *arena_strdup(arena *a, const char *s);
void arena_free(arena *a);

#endif
