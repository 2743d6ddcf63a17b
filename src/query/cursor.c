/* The cursor codec (see cursor.h). JSON is written with twentyc's writer so values go in as the
 * caller encoded them (numbers keep their text); decoding uses jansson with duplicate keys
 * refused, then walks the order's key paths. */
#include "query/cursor.h"

#include <jansson.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "query/value.h"

static int invalid(tc_err *e, const char *s, size_t n)
{
    tc_err_set(e, TC_E_BAD_REQUEST, "Invalid cursor: %.*s", (int)(n < 128 ? n : 128), s);
    if (e)
        snprintf(e->reason, sizeof(e->reason), "INVALID_CURSOR");
    return -1;
}

static bool same_prefix(const tc_order_key *k, const tc_order_key *l, size_t d)
{
    if (k->path.nsegs <= d || l->path.nsegs <= d)
        return false;
    for (size_t i = 0; i <= d; i++) {
        if (strcmp(k->path.segs[i], l->path.segs[i]) != 0)
            return false;
    }
    return true;
}

/* Writes the keys idx[0..m) (which share segments 0..d-1) at nesting level d. */
static void emit(tc_json *j, const tc_order *order, const char *const *values, const size_t *idx,
                 size_t m, size_t d)
{
    bool done[TC_ORDER_MAX_KEYS + 1] = {false};
    for (size_t x = 0; x < m; x++) {
        if (done[x])
            continue;
        const tc_order_key *k = &order->keys[idx[x]];
        if (k->path.nsegs == d + 1) {
            tc_json_key(j, k->path.segs[d]);
            tc_json_raw(j, values[idx[x]], strlen(values[idx[x]]));
            done[x] = true;
            continue;
        }
        size_t group[TC_ORDER_MAX_KEYS + 1], g = 0;
        for (size_t y = x; y < m; y++) {
            if (!done[y] && same_prefix(k, &order->keys[idx[y]], d) &&
                order->keys[idx[y]].path.nsegs > d + 1) {
                group[g++] = idx[y];
                done[y] = true;
            }
        }
        tc_json_key(j, k->path.segs[d]);
        tc_json_obj_begin(j);
        emit(j, order, values, group, g, d + 1);
        tc_json_obj_end(j);
    }
}

int tc_cursor_encode(tc_arena *a, const tc_order *order, const char *const *values, char **out,
                     tc_err *e)
{
    size_t idx[TC_ORDER_MAX_KEYS + 1];
    if (order->nkeys > TC_ORDER_MAX_KEYS + 1)
        return tc_err_set(e, TC_E_INTERNAL, "cursor: too many order keys");
    for (size_t i = 0; i < order->nkeys; i++)
        idx[i] = i;
    tc_buf b;
    tc_buf_init(&b, TC_CURSOR_MAX_JSON);
    tc_json j;
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    emit(&j, order, values, idx, order->nkeys, 0);
    tc_json_obj_end(&j);
    int rc = -1;
    if (!tc_json_ok(&j)) {
        tc_err_set(e, TC_E_BAD_REQUEST, "Cursor too large");
        goto out;
    }
    *out = tc_arena_alloc(a, 4 * ((b.len + 2) / 3) + 1);
    EVP_EncodeBlock((unsigned char *)*out, (const unsigned char *)b.data, (int)b.len);
    rc = 0;
out:
    tc_buf_fini(&b);
    return rc;
}

static int b64_value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-' || c == ' ') /* ' ': a '+' that went through form decoding */
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

/* Standard or URL-safe base64, padding optional; NULL when malformed. */
static unsigned char *b64_decode(tc_arena *a, const char *s, size_t n, size_t *outlen)
{
    while (n && s[n - 1] == '=')
        n--;
    if (n % 4 == 1)
        return NULL;
    unsigned char *out = tc_arena_alloc(a, n / 4 * 3 + 3);
    size_t o = 0;
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = b64_value(s[i]);
        if (v < 0)
            return NULL;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (unsigned char)(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    *outlen = o;
    return out;
}

/* Every member of obj (at nesting level d under prefix) is a key path of the order. */
static bool only_order_keys(json_t *obj, const tc_order *order, const char **prefix, size_t d)
{
    const char *name;
    json_t *v;
    json_object_foreach(obj, name, v)
    {
        bool leaf = false, inner = false;
        for (size_t i = 0; i < order->nkeys; i++) {
            const tc_path *p = &order->keys[i].path;
            bool match = p->nsegs > d && strcmp(p->segs[d], name) == 0;
            for (size_t s = 0; match && s < d; s++)
                match = strcmp(p->segs[s], prefix[s]) == 0;
            if (match && p->nsegs == d + 1)
                leaf = true;
            else if (match)
                inner = true;
        }
        if (leaf)
            continue;
        if (!inner || !json_is_object(v) || d + 1 >= TC_PATH_MAX_SEGMENTS)
            return false;
        prefix[d] = name;
        if (!only_order_keys(v, order, prefix, d + 1))
            return false;
    }
    return true;
}

static const char *value_text(tc_arena *a, json_t *v)
{
    char num[64];
    switch (json_typeof(v)) {
    case JSON_STRING:
        if (memchr(json_string_value(v), '\0', json_string_length(v)))
            return NULL;
        return tc_arena_strndup(a, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return tc_arena_strdup(a, num);
    case JSON_REAL:
        snprintf(num, sizeof(num), "%.17g", json_real_value(v));
        return tc_arena_strdup(a, num);
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    default: {
        char *d = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        const char *r = d ? tc_arena_strdup(a, d) : NULL;
        free(d);
        return r;
    }
    }
}

int tc_cursor_decode(tc_arena *a, const tc_order *order, const char *s, size_t n,
                     tc_cursor_value **out, tc_err *e)
{
    json_t *root = NULL;
    int rc = -1;
    size_t len;
    unsigned char *raw;
    *out = NULL;
    if (n == 0 || n > TC_CURSOR_MAX_LEN || !(raw = b64_decode(a, s, n, &len)))
        return invalid(e, s, n);
    json_error_t jerr;
    root = json_loadb((const char *)raw, len, JSON_REJECT_DUPLICATES, &jerr);
    const char *prefix[TC_PATH_MAX_SEGMENTS];
    if (!json_is_object(root) || !only_order_keys(root, order, prefix, 0))
        goto out;
    tc_cursor_value *vals = tc_arena_calloc(a, order->nkeys ? order->nkeys : 1, sizeof(*vals));
    for (size_t i = 0; i < order->nkeys; i++) {
        const tc_path *p = &order->keys[i].path;
        json_t *v = root;
        for (size_t d = 0; v && d < p->nsegs; d++)
            v = json_is_object(v) ? json_object_get(v, p->segs[d]) : NULL;
        if (!v)
            goto out;
        if (json_is_null(v)) {
            if (strcmp(p->column, "id") == 0 && !p->via)
                goto out;
            vals[i].is_null = true;
            continue;
        }
        const char *t = value_text(a, v);
        tc_value_kind kind = tc_value_kind_of(p->type);
        if (t && json_is_array(v) && (p->type == TC_FT_MULTI_SELECT || p->type == TC_FT_ARRAY)) {
            vals[i].text = t;
            continue;
        }
        if (!t || (kind != TC_VALUE_JSON && (json_is_object(v) || json_is_array(v))))
            goto out;
        if (!tc_value_valid(kind, t, strlen(t), p->sub ? p->sub->enum_values : NULL,
                            p->sub ? NULL : p->field->options))
            goto out;
        vals[i].text = t;
    }
    *out = vals;
    rc = 0;
out:
    json_decref(root);
    if (rc != 0)
        invalid(e, s, n);
    return rc;
}
