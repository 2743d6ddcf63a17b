/* String builder with a mandatory maximum size (curl's dynbuf): input can never make it grow past
 * what its owner allowed. Once an append would pass the maximum the buffer is marked failed, and
 * every later append fails too, so a caller may check once at the end. */
#ifndef TC_BASE_BUF_H
#define TC_BASE_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "base/compiler.h"

typedef struct tc_buf {
    char *data;  /* NUL-terminated when not NULL; heap memory owned by the buffer */
    size_t len;  /* bytes used, not counting the NUL */
    size_t cap;  /* bytes allocated */
    size_t max;  /* largest len allowed */
    bool failed; /* an append was refused */
} tc_buf;

/* An empty buffer that may hold up to max bytes. Allocates nothing until the first append. */
void tc_buf_init(tc_buf *b, size_t max);
/* Frees the memory; the buffer may be initialised again. */
void tc_buf_fini(tc_buf *b);
/* Empties the buffer and clears the failed mark, keeping the memory. */
void tc_buf_reset(tc_buf *b);

/* Appends; 0 on success, -1 (and b->failed) when the result would exceed the maximum. */
int tc_buf_add(tc_buf *b, const void *p, size_t n);
int tc_buf_adds(tc_buf *b, const char *s);
int tc_buf_addc(tc_buf *b, char c);
int tc_buf_printf(tc_buf *b, const char *fmt, ...) TC_PRINTF(2, 3);

/* The content as a C string ("" when empty); valid until the next append, reset or fini. */
const char *tc_buf_cstr(const tc_buf *b);

#endif
