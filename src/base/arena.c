/* Region allocator: a chain of blocks, bump allocation, cleanups run last-in first-out.
 * Reset keeps the first block so a thread's per-request arena allocates nothing in steady state. */
#include "base/arena.h"

#include <stdarg.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"

#define ALIGN alignof(max_align_t)

typedef struct block {
    struct block *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    alignas(max_align_t) unsigned char data[];
} block;

typedef struct defer {
    struct defer *next;
    void (*fn)(void *);
    void *arg;
} defer;

struct tc_arena {
    block *head;  /* current block; its chain ends with the first block */
    block *first; /* kept on reset */
    defer *defers;
    size_t used;
};

static block *block_new(size_t size)
{
    block *b = malloc(sizeof(block) + size);
    if (!b)
        tc_die_oom();
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

tc_arena *tc_arena_new(size_t first_block)
{
    tc_arena *a = malloc(sizeof(*a));
    if (!a)
        tc_die_oom();
    a->first = a->head = block_new(first_block < 256 ? 256 : first_block);
    a->defers = NULL;
    a->used = 0;
    return a;
}

static void run_defers(tc_arena *a)
{
    while (a->defers) {
        defer *d = a->defers;
        a->defers = d->next; /* a cleanup may register another; it runs too */
        d->fn(d->arg);
    }
}

void tc_arena_reset(tc_arena *a)
{
    run_defers(a);
    while (a->head != a->first) {
        block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
    a->first->used = 0;
    a->used = 0;
}

void tc_arena_free(tc_arena *a)
{
    if (!a)
        return;
    tc_arena_reset(a);
    free(a->first);
    free(a);
}

void *tc_arena_alloc(tc_arena *a, size_t n)
{
    size_t need = (n + ALIGN - 1) & ~(ALIGN - 1);
    if (need < n)
        tc_die_oom();
    block *b = a->head;
    if (b->size - b->used < need) {
        /* Grow geometrically so a big response costs O(log n) blocks; oversize requests get a
         * block of their own. */
        size_t size = b->size * 2;
        if (size < need)
            size = need;
        b = block_new(size);
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += need;
    a->used += n;
    return p;
}

void *tc_arena_calloc(tc_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        tc_die_oom();
    void *p = tc_arena_alloc(a, n * size);
    memset(p, 0, n * size);
    return p;
}

char *tc_arena_strndup(tc_arena *a, const char *s, size_t n)
{
    n = strnlen(s, n);
    char *p = tc_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *tc_arena_strdup(tc_arena *a, const char *s)
{
    return tc_arena_strndup(a, s, strlen(s));
}

char *tc_arena_printf(tc_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        tc_die("tc_arena_printf: bad format");
    char *p = tc_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void tc_arena_append(tc_arena *a, void ***items, size_t *n, size_t *cap, void *p)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        void **grown = tc_arena_alloc(a, ncap * sizeof(void *));
        if (*n)
            memcpy(grown, *items, *n * sizeof(void *));
        *items = grown;
        *cap = ncap;
    }
    (*items)[(*n)++] = p;
}

void tc_arena_defer(tc_arena *a, void (*fn)(void *), void *arg)
{
    defer *d = tc_arena_alloc(a, sizeof(*d));
    d->fn = fn;
    d->arg = arg;
    d->next = a->defers;
    a->defers = d;
}

size_t tc_arena_used(const tc_arena *a)
{
    return a->used;
}
