/* JSON writer: appends compact JSON to a tc_buf, placing commas and escaping strings itself.
 * Strings are written as UTF-8; invalid UTF-8 bytes become U+FFFD so output is always valid JSON.
 * Errors (too deep, buffer full) are sticky: check tc_json_ok() once at the end. */
#ifndef TC_BASE_JSON_H
#define TC_BASE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

#define TC_JSON_MAX_DEPTH 64

typedef struct tc_json {
    tc_buf *out;
    int depth;
    bool failed;
    bool after_key; /* a key was written; the next value needs no comma */
    bool
        has_items[TC_JSON_MAX_DEPTH + 1]; /* per level: something was written, next needs a comma */
} tc_json;

void tc_json_init(tc_json *j, tc_buf *out);
/* True when every call succeeded and every object and array was closed. */
bool tc_json_ok(const tc_json *j);

void tc_json_obj_begin(tc_json *j);
void tc_json_obj_end(tc_json *j);
void tc_json_arr_begin(tc_json *j);
void tc_json_arr_end(tc_json *j);
/* An object member's key; the value follows with any of the value writers. */
void tc_json_key(tc_json *j, const char *key);

void tc_json_str(tc_json *j, const char *s); /* NULL writes null */
void tc_json_strn(tc_json *j, const char *s, size_t n);
void tc_json_int(tc_json *j, int64_t v);
void tc_json_double(tc_json *j, double v); /* NaN and infinities write null */
void tc_json_bool(tc_json *j, bool v);
void tc_json_null(tc_json *j);
/* Already-encoded JSON, written as one value. The caller vouches that it is valid. */
void tc_json_raw(tc_json *j, const char *json, size_t n);

/* A member in one call: key and value (NULL strings and raw JSON write null). */
void tc_json_kv_str(tc_json *j, const char *key, const char *value);
void tc_json_kv_int(tc_json *j, const char *key, int64_t value);
void tc_json_kv_bool(tc_json *j, const char *key, bool value);
void tc_json_kv_raw(tc_json *j, const char *key, const char *json);

/* Appends s to out as the inside of a JSON string (no quotes). 0, or -1 when out is full. */
int tc_json_escape(tc_buf *out, const char *s, size_t n);

#endif
