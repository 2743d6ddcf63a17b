/* Region allocator: every request, job and command gets one; everything derived from it lives
 * there and dies with it. Non-memory resources register a cleanup with tc_arena_defer(). Not
 * thread-safe: an arena belongs to one thread at a time. */
#ifndef TC_BASE_ARENA_H
#define TC_BASE_ARENA_H

#include <stddef.h>

#include "base/compiler.h"

typedef struct tc_arena tc_arena;

/* A new arena whose first block holds about first_block bytes. Aborts when out of memory. */
tc_arena *tc_arena_new(size_t first_block);

/* Runs the deferred cleanups (last registered first) and frees every block. NULL is a no-op. */
void tc_arena_free(tc_arena *a);

/* Like tc_arena_free, but keeps the arena and its first block for reuse. */
void tc_arena_reset(tc_arena *a);

/* n bytes aligned for any type, valid until the arena is reset or freed. Never NULL. */
void *tc_arena_alloc(tc_arena *a, size_t n);

/* Zeroed room for n items of size bytes; aborts when n * size overflows. */
void *tc_arena_calloc(tc_arena *a, size_t n, size_t size);

/* Copies of s; strndup copies at most n bytes and stops at a NUL, like strndup(3). */
char *tc_arena_strdup(tc_arena *a, const char *s);
char *tc_arena_strndup(tc_arena *a, const char *s, size_t n);
char *tc_arena_printf(tc_arena *a, const char *fmt, ...) TC_PRINTF(2, 3);

/* Appends p to a growable array of pointers kept in the arena (*items, *n used, *cap
 * allocated); growing copies the array into a larger block of the arena. */
void tc_arena_append(tc_arena *a, void ***items, size_t *n, size_t *cap, void *p);

/* Calls fn(arg) when the arena is reset or freed. */
void tc_arena_defer(tc_arena *a, void (*fn)(void *), void *arg);

/* Bytes handed out since the arena was created or last reset. */
size_t tc_arena_used(const tc_arena *a);

#endif
