/* Twenty's keyset cursors (spec/twenty-api.md §1.7): standard base64 (with padding) of the
 * compact JSON object of the order keys' values, `id` last, composite and relation keys nested
 * (`{"name":{"firstName":"A"},"id":"…"}`). Decoding is strict: bounded size, valid JSON, exactly
 * the keys of the current order, values of each column's shape. Errors are 400
 * (TC_E_BAD_REQUEST, reason INVALID_CURSOR, message "Invalid cursor: …"). */
#ifndef TC_QUERY_CURSOR_H
#define TC_QUERY_CURSOR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "query/order.h"

#define TC_CURSOR_MAX_LEN 4096 /* bytes of a cursor as received (base64 text) */
#define TC_CURSOR_MAX_JSON (TC_CURSOR_MAX_LEN / 4 * 3) /* bytes of its decoded JSON */

/* One order key's value from a cursor. */
typedef struct tc_cursor_value {
    bool is_null;
    const char *text; /* NUL-terminated (arena): a string's content, a number's literal,
                         "true"/"false", or compact JSON for an object or array; NULL if null */
} tc_cursor_value;

/* The cursor of a record: values[i] is the already-encoded JSON of order->keys[i]'s value
 * ("\"Acme\"", "12.5", "null"), which the caller vouches for. *out is NUL-terminated base64 in
 * a. 0, or -1 with e filled when the cursor would exceed TC_CURSOR_MAX_LEN. */
int tc_cursor_encode(tc_arena *a, const tc_order *order, const char *const *values, char **out,
                     tc_err *e);

/* Decodes s[0..n) against order: *out gets order->nkeys values (arena), in key order. 0, or -1
 * with e filled (400 "Invalid cursor: …"). */
int tc_cursor_decode(tc_arena *a, const tc_order *order, const char *s, size_t n,
                     tc_cursor_value **out, tc_err *e);

#endif
