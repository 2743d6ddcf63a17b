/* Typed GraphQL runtime values: constructors, deep copy, equality, the JSON writer and
 * JavaScript's number-to-text rule, so that twentyc prints floats exactly as graphql-js does. */
#include "graphql/value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *tc_gql_value_kind_name(tc_gql_value_kind k)
{
    switch (k) {
    case TC_GQL_VALUE_NULL: return "NULL";
    case TC_GQL_VALUE_INT: return "INT";
    case TC_GQL_VALUE_FLOAT: return "FLOAT";
    case TC_GQL_VALUE_STRING: return "STRING";
    case TC_GQL_VALUE_BOOLEAN: return "BOOLEAN";
    case TC_GQL_VALUE_ENUM: return "ENUM";
    case TC_GQL_VALUE_LIST: return "LIST";
    case TC_GQL_VALUE_OBJECT: return "OBJECT";
    }
    return "?";
}

static tc_gql_value *value_new(tc_arena *a, tc_gql_value_kind kind)
{
    tc_gql_value *v = tc_arena_calloc(a, 1, sizeof(*v));
    v->kind = kind;
    return v;
}

tc_gql_value *tc_gql_value_null(tc_arena *a)
{
    return value_new(a, TC_GQL_VALUE_NULL);
}

tc_gql_value *tc_gql_value_int(tc_arena *a, int64_t i)
{
    tc_gql_value *v = value_new(a, TC_GQL_VALUE_INT);
    v->u.i = i;
    return v;
}

tc_gql_value *tc_gql_value_float(tc_arena *a, double f)
{
    tc_gql_value *v = value_new(a, TC_GQL_VALUE_FLOAT);
    v->u.f = f;
    return v;
}

tc_gql_value *tc_gql_value_bool(tc_arena *a, bool b)
{
    tc_gql_value *v = value_new(a, TC_GQL_VALUE_BOOLEAN);
    v->u.b = b;
    return v;
}

static tc_gql_value *text_value(tc_arena *a, tc_gql_value_kind kind, const char *s, size_t len)
{
    tc_gql_value *v = value_new(a, kind);
    char *copy = tc_arena_alloc(a, len + 1);
    if (len)
        memcpy(copy, s, len);
    copy[len] = '\0';
    v->u.str.s = copy;
    v->u.str.len = len;
    return v;
}

tc_gql_value *tc_gql_value_string(tc_arena *a, const char *s, size_t len)
{
    return text_value(a, TC_GQL_VALUE_STRING, s, len);
}

tc_gql_value *tc_gql_value_enum(tc_arena *a, const char *name, size_t len)
{
    return text_value(a, TC_GQL_VALUE_ENUM, name, len);
}

tc_gql_value *tc_gql_value_list(tc_arena *a, size_t n)
{
    tc_gql_value *v = value_new(a, TC_GQL_VALUE_LIST);
    v->u.list.items = n ? tc_arena_calloc(a, n, sizeof(*v->u.list.items)) : NULL;
    v->u.list.n = n;
    return v;
}

tc_gql_value *tc_gql_value_object(tc_arena *a, size_t n)
{
    tc_gql_value *v = value_new(a, TC_GQL_VALUE_OBJECT);
    v->u.obj.fields = n ? tc_arena_calloc(a, n, sizeof(*v->u.obj.fields)) : NULL;
    v->u.obj.n = n;
    return v;
}

const tc_gql_value *tc_gql_value_get(const tc_gql_value *v, const char *name, size_t len)
{
    if (!v || v->kind != TC_GQL_VALUE_OBJECT)
        return NULL;
    for (size_t i = 0; i < v->u.obj.n; i++) {
        const char *f = v->u.obj.fields[i].name;
        if (f && strncmp(f, name, len) == 0 && f[len] == '\0')
            return v->u.obj.fields[i].value;
    }
    return NULL;
}

static tc_gql_value *copy_at(tc_arena *a, const tc_gql_value *v, int depth)
{
    if (!v || depth > TC_GQL_VALUE_MAX_DEPTH)
        return NULL;
    switch (v->kind) {
    case TC_GQL_VALUE_STRING:
    case TC_GQL_VALUE_ENUM: return text_value(a, v->kind, v->u.str.s, v->u.str.len);
    case TC_GQL_VALUE_LIST: {
        tc_gql_value *c = tc_gql_value_list(a, v->u.list.n);
        for (size_t i = 0; i < v->u.list.n; i++)
            if (!(c->u.list.items[i] = copy_at(a, v->u.list.items[i], depth + 1)))
                return NULL;
        return c;
    }
    case TC_GQL_VALUE_OBJECT: {
        tc_gql_value *c = tc_gql_value_object(a, v->u.obj.n);
        for (size_t i = 0; i < v->u.obj.n; i++) {
            if (!v->u.obj.fields[i].name)
                return NULL;
            c->u.obj.fields[i].name = tc_arena_strdup(a, v->u.obj.fields[i].name);
            if (!(c->u.obj.fields[i].value = copy_at(a, v->u.obj.fields[i].value, depth + 1)))
                return NULL;
        }
        return c;
    }
    default: {
        tc_gql_value *c = value_new(a, v->kind);
        c->u = v->u;
        return c;
    }
    }
}

tc_gql_value *tc_gql_value_copy(tc_arena *a, const tc_gql_value *v)
{
    return copy_at(a, v, 0);
}

static bool equal_at(const tc_gql_value *x, const tc_gql_value *y, int depth)
{
    if (!x || !y || depth > TC_GQL_VALUE_MAX_DEPTH)
        return false;
    if (x->kind != y->kind)
        return false;
    switch (x->kind) {
    case TC_GQL_VALUE_NULL: return true;
    case TC_GQL_VALUE_INT: return x->u.i == y->u.i;
    case TC_GQL_VALUE_FLOAT: return x->u.f == y->u.f;
    case TC_GQL_VALUE_BOOLEAN: return x->u.b == y->u.b;
    case TC_GQL_VALUE_STRING:
    case TC_GQL_VALUE_ENUM:
        return x->u.str.len == y->u.str.len && memcmp(x->u.str.s, y->u.str.s, x->u.str.len) == 0;
    case TC_GQL_VALUE_LIST:
        if (x->u.list.n != y->u.list.n)
            return false;
        for (size_t i = 0; i < x->u.list.n; i++)
            if (!equal_at(x->u.list.items[i], y->u.list.items[i], depth + 1))
                return false;
        return true;
    case TC_GQL_VALUE_OBJECT:
        if (x->u.obj.n != y->u.obj.n)
            return false;
        for (size_t i = 0; i < x->u.obj.n; i++) {
            const char *name = x->u.obj.fields[i].name;
            if (!name)
                return false;
            const tc_gql_value *other = tc_gql_value_get(y, name, strlen(name));
            if (!equal_at(x->u.obj.fields[i].value, other, depth + 1))
                return false;
        }
        return true;
    }
    return false;
}

bool tc_gql_value_equal(const tc_gql_value *a, const tc_gql_value *b)
{
    return equal_at(a, b, 0);
}

size_t tc_gql_value_format_float(double v, char out[TC_GQL_FLOAT_TEXT_MAX])
{
    if (!isfinite(v))
        return (size_t)snprintf(out, TC_GQL_FLOAT_TEXT_MAX, "null");
    if (v == 0)
        return (size_t)snprintf(out, TC_GQL_FLOAT_TEXT_MAX, "0"); /* -0 too, as JavaScript */

    /* The fewest significant digits that read back as v; printf rounds correctly, so that text is
     * also the closest such decimal, which is what ECMA-262 Number::toString asks for. */
    char sci[TC_GQL_FLOAT_TEXT_MAX];
    for (int p = 1; p <= 17; p++) {
        snprintf(sci, sizeof(sci), "%.*e", p - 1, v);
        if (strtod(sci, NULL) == v)
            break;
    }
    /* sci is "-d.ddde+XX": gather the digits and the decimal exponent. */
    char digits[24];
    int k = 0;
    const char *c = sci;
    bool negative = *c == '-';
    if (negative)
        c++;
    for (; *c && *c != 'e'; c++)
        if (*c >= '0' && *c <= '9')
            digits[k++] = *c;
    while (k > 1 && digits[k - 1] == '0')
        k--;
    int n = (int)strtol(c + 1, NULL, 10) + 1; /* v = 0.digits x 10^n */

    size_t len = 0;
    if (negative)
        out[len++] = '-';
    if (k <= n && n <= 21) {
        memcpy(out + len, digits, (size_t)k);
        len += (size_t)k;
        for (int i = k; i < n; i++)
            out[len++] = '0';
    } else if (0 < n && n <= 21) {
        memcpy(out + len, digits, (size_t)n);
        len += (size_t)n;
        out[len++] = '.';
        memcpy(out + len, digits + n, (size_t)(k - n));
        len += (size_t)(k - n);
    } else if (-6 < n && n <= 0) {
        out[len++] = '0';
        out[len++] = '.';
        for (int i = 0; i < -n; i++)
            out[len++] = '0';
        memcpy(out + len, digits, (size_t)k);
        len += (size_t)k;
    } else {
        out[len++] = digits[0];
        if (k > 1) {
            out[len++] = '.';
            memcpy(out + len, digits + 1, (size_t)(k - 1));
            len += (size_t)(k - 1);
        }
        len += (size_t)snprintf(out + len, TC_GQL_FLOAT_TEXT_MAX - len, "e%c%d",
                                n - 1 < 0 ? '-' : '+', abs(n - 1));
    }
    out[len] = '\0';
    return len;
}

static void write_at(tc_json *j, const tc_gql_value *v, int depth)
{
    if (!v || depth > TC_GQL_VALUE_MAX_DEPTH) {
        j->failed = true;
        return;
    }
    switch (v->kind) {
    case TC_GQL_VALUE_NULL: tc_json_null(j); break;
    case TC_GQL_VALUE_INT: tc_json_int(j, v->u.i); break;
    case TC_GQL_VALUE_FLOAT: {
        char text[TC_GQL_FLOAT_TEXT_MAX];
        size_t n = tc_gql_value_format_float(v->u.f, text);
        tc_json_raw(j, text, n);
        break;
    }
    case TC_GQL_VALUE_BOOLEAN: tc_json_bool(j, v->u.b); break;
    case TC_GQL_VALUE_STRING:
    case TC_GQL_VALUE_ENUM: tc_json_strn(j, v->u.str.s, v->u.str.len); break;
    case TC_GQL_VALUE_LIST:
        tc_json_arr_begin(j);
        for (size_t i = 0; i < v->u.list.n; i++)
            write_at(j, v->u.list.items[i], depth + 1);
        tc_json_arr_end(j);
        break;
    case TC_GQL_VALUE_OBJECT:
        tc_json_obj_begin(j);
        for (size_t i = 0; i < v->u.obj.n; i++) {
            if (!v->u.obj.fields[i].name) {
                j->failed = true;
                return;
            }
            tc_json_key(j, v->u.obj.fields[i].name);
            write_at(j, v->u.obj.fields[i].value, depth + 1);
        }
        tc_json_obj_end(j);
        break;
    }
}

void tc_gql_value_write_json(tc_json *j, const tc_gql_value *v)
{
    write_at(j, v, 0);
}
