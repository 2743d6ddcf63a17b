/* Leaf values on the way out: graphql-js 16's serialize() of Int, Float, String, Boolean, ID,
 * enums and custom scalars, with JavaScript's Number() for numeric strings. */
#include "graphql/execute_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graphql/coerce_int.h"

/* ---- Number(string) ------------------------------------------------------------------------ */

/* Length of the JavaScript white space or line terminator at s (0: none). */
static size_t js_space(const unsigned char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')))
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) /* U+00A0 */
        return 2;
    if (n >= 3) {
        unsigned cp = ((s[0] & 15u) << 12) | ((s[1] & 63u) << 6) | (s[2] & 63u);
        if ((s[0] & 0xF0) == 0xE0 &&
            (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
             cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF))
            return 3;
    }
    return 0;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

bool tc_gql_js_to_number(const char *str, size_t n, double *out)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t k;
    while (n && (k = js_space(s, n))) {
        s += k;
        n -= k;
    }
    while (n) {
        size_t back = 0;
        for (size_t l = 1; l <= 3 && l <= n && !back; l++)
            if (js_space(s + n - l, l) == l)
                back = l;
        if (!back)
            break;
        n -= back;
    }
    if (n == 0) {
        *out = 0;
        return true;
    }
    if (n > 2 && s[0] == '0' && strchr("xXoObB", s[1])) {
        int base = s[1] == 'x' || s[1] == 'X' ? 16 : s[1] == 'o' || s[1] == 'O' ? 8 : 2;
        double v = 0;
        for (size_t i = 2; i < n; i++) {
            int d = digit_value((char)s[i]);
            if (d >= base)
                return false;
            v = v * base + d;
        }
        *out = v;
        return true;
    }
    size_t i = 0;
    bool negative = false;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        i++;
    }
    if (n - i == 8 && memcmp(s + i, "Infinity", 8) == 0) {
        *out = negative ? -INFINITY : INFINITY;
        return true;
    }
    /* StrUnsignedDecimalLiteral: digits [. digits] | . digits, then [eE][+-]digits */
    size_t start = i, int_digits = 0, frac_digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, int_digits++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, frac_digits++;
    }
    if (int_digits + frac_digits == 0)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t exp_digits = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, exp_digits++;
        if (!exp_digits)
            return false;
    }
    if (i != n)
        return false;
    char *text = malloc(n - start + 1);
    if (!text)
        abort();
    memcpy(text, s + start, n - start);
    text[n - start] = '\0';
    double v = strtod(text, NULL);
    free(text);
    *out = negative ? -v : v;
    return true;
}

/* ---- serialize() ---------------------------------------------------------------------------- */

static int refuse(tc_buf *msg, const char *text, const tc_gql_value *v)
{
    tc_buf_adds(msg, text);
    tc_gql_inspect(msg, v);
    return -1;
}

static void write_js_number(tc_json *j, double d)
{
    char text[TC_GQL_FLOAT_TEXT_MAX];
    size_t n = tc_gql_value_format_float(d, text);
    tc_json_raw(j, text, n);
}

/* The number a value stands for after Int's and Float's serialize rules (booleans as 1 and 0,
 * non-empty strings through Number()); false when it is not a number. */
static bool numeric(const tc_gql_value *v, double *d)
{
    switch (v->kind) {
    case TC_GQL_VALUE_BOOLEAN: *d = v->u.b ? 1 : 0; return true;
    case TC_GQL_VALUE_INT: *d = (double)v->u.i; return true;
    case TC_GQL_VALUE_FLOAT: *d = v->u.f; return true;
    case TC_GQL_VALUE_STRING:
        if (v->u.str.len == 0)
            return false;
        return tc_gql_js_to_number(v->u.str.s, v->u.str.len, d);
    default: return false;
    }
}

/* Levels of lists and objects in v (0 for a scalar), up to limit + 1. */
static int depth_of(const tc_gql_value *v, int limit)
{
    if (limit < 0)
        return 1;
    int deepest = 0;
    if (v->kind == TC_GQL_VALUE_LIST) {
        for (size_t i = 0; i < v->u.list.n && deepest <= limit; i++) {
            int d = depth_of(v->u.list.items[i], limit - 1);
            deepest = d > deepest ? d : deepest;
        }
        return deepest + 1;
    }
    if (v->kind == TC_GQL_VALUE_OBJECT) {
        for (size_t i = 0; i < v->u.obj.n && deepest <= limit; i++) {
            int d = depth_of(v->u.obj.fields[i].value, limit - 1);
            deepest = d > deepest ? d : deepest;
        }
        return deepest + 1;
    }
    return 0;
}

int tc_gql_exec_serialize(tc_json *j, const tc_gql_type *t, const tc_gql_value *v, tc_buf *msg)
{
    if (t->kind == TC_GQL_ENUM) {
        if ((v->kind == TC_GQL_VALUE_STRING || v->kind == TC_GQL_VALUE_ENUM) &&
            !memchr(v->u.str.s, 0, v->u.str.len) &&
            tc_gql_type_enum_valuen(t, v->u.str.s, v->u.str.len)) {
            tc_json_strn(j, v->u.str.s, v->u.str.len);
            return 0;
        }
        tc_buf_printf(msg, "Enum \"%s\" cannot represent value: ", t->name);
        return refuse(msg, "", v);
    }
    if (!t->builtin) {
        int room = TC_JSON_MAX_DEPTH - j->depth;
        if (depth_of(v, room) > room) {
            tc_buf_printf(msg, "The value of custom scalar \"%s\" nests too deeply to write.",
                          t->name);
            return -1;
        }
        tc_gql_value_write_json(j, v);
        return 0;
    }
    const char *name = t->name;
    double d;
    if (strcmp(name, "Int") == 0) {
        if (!numeric(v, &d) || !isfinite(d) || floor(d) != d)
            return refuse(msg, "Int cannot represent non-integer value: ", v);
        if (d > 2147483647.0 || d < -2147483648.0)
            return refuse(msg, "Int cannot represent non 32-bit signed integer value: ", v);
        tc_json_int(j, (int64_t)d);
        return 0;
    }
    if (strcmp(name, "Float") == 0) {
        if (!numeric(v, &d) || !isfinite(d))
            return refuse(msg, "Float cannot represent non numeric value: ", v);
        write_js_number(j, d);
        return 0;
    }
    if (strcmp(name, "String") == 0 || strcmp(name, "ID") == 0) {
        bool id = name[0] == 'I';
        tc_buf text;
        switch (v->kind) {
        case TC_GQL_VALUE_STRING:
        case TC_GQL_VALUE_ENUM: tc_json_strn(j, v->u.str.s, v->u.str.len); return 0;
        case TC_GQL_VALUE_BOOLEAN:
            if (id)
                break;
            tc_json_str(j, v->u.b ? "true" : "false");
            return 0;
        case TC_GQL_VALUE_INT:
        case TC_GQL_VALUE_FLOAT:
            d = v->kind == TC_GQL_VALUE_INT ? (double)v->u.i : v->u.f;
            if (!isfinite(d) || (id && floor(d) != d))
                break;
            tc_buf_init(&text, 64);
            if (v->kind == TC_GQL_VALUE_INT)
                tc_gql_js_int(&text, v->u.i);
            else
                tc_gql_js_float(&text, v->u.f);
            tc_json_strn(j, tc_buf_cstr(&text), text.len);
            tc_buf_fini(&text);
            return 0;
        default: break;
        }
        return refuse(msg,
                      id ? "ID cannot represent value: " : "String cannot represent value: ", v);
    }
    if (strcmp(name, "Boolean") == 0) {
        if (v->kind == TC_GQL_VALUE_BOOLEAN) {
            tc_json_bool(j, v->u.b);
            return 0;
        }
        if ((v->kind == TC_GQL_VALUE_INT || v->kind == TC_GQL_VALUE_FLOAT) && numeric(v, &d) &&
            isfinite(d)) {
            tc_json_bool(j, d != 0);
            return 0;
        }
        return refuse(msg, "Boolean cannot represent a non boolean value: ", v);
    }
    tc_gql_value_write_json(j, v);
    return 0;
}
