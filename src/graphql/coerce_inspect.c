/* The text that coercion and execution messages are made of, as graphql-js 16 makes it:
 * inspect() of a JavaScript value, didYouMean() over suggestionList() (lexical distance with
 * case changes and transpositions as one edit, natural order on ties), and JavaScript's order
 * of an object's keys. */
#include "graphql/coerce_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARRAY_LENGTH 10   /* inspect.js */
#define MAX_RECURSIVE_DEPTH 2 /* inspect.js */
#define MAX_SUGGESTIONS 5     /* didYouMean.js */

/* ---- Numbers and strings as JavaScript prints them ------------------------------------------ */

void tc_gql_js_int(tc_buf *out, int64_t i)
{
    /* Beyond 2^53 JavaScript holds the nearest double, and prints that. */
    if (i > ((int64_t)1 << 53) || i < -((int64_t)1 << 53)) {
        char text[TC_GQL_FLOAT_TEXT_MAX];
        size_t n = tc_gql_value_format_float((double)i, text);
        tc_buf_add(out, text, n);
        return;
    }
    tc_buf_printf(out, "%lld", (long long)i);
}

void tc_gql_js_float(tc_buf *out, double f)
{
    char text[TC_GQL_FLOAT_TEXT_MAX];
    size_t n = tc_gql_value_format_float(f, text);
    tc_buf_add(out, text, n);
}

/* JSON.stringify of a string: ", \ and control characters escaped, lower-case hex. */
void tc_gql_js_string(tc_buf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    tc_buf_addc(out, '"');
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        tc_buf_add(out, s + from, i - from);
        from = i + 1;
        switch (c) {
        case '"': tc_buf_adds(out, "\\\""); break;
        case '\\': tc_buf_adds(out, "\\\\"); break;
        case '\b': tc_buf_adds(out, "\\b"); break;
        case '\f': tc_buf_adds(out, "\\f"); break;
        case '\n': tc_buf_adds(out, "\\n"); break;
        case '\r': tc_buf_adds(out, "\\r"); break;
        case '\t': tc_buf_adds(out, "\\t"); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            tc_buf_add(out, u, sizeof(u));
        }
        }
    }
    tc_buf_add(out, s + from, n - from);
    tc_buf_addc(out, '"');
}

/* ---- Key order ------------------------------------------------------------------------------ */

/* Whether name is an array index as ECMAScript orders keys: the canonical decimal text of an
 * integer from 0 to 2^32 - 2. */
static bool array_index(const char *name, uint64_t *value)
{
    size_t n = strlen(name);
    if (n == 0 || n > 10 || (n > 1 && name[0] == '0'))
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (name[i] < '0' || name[i] > '9')
            return false;
        v = v * 10 + (uint64_t)(name[i] - '0');
    }
    *value = v;
    return v < 4294967295u;
}

typedef struct keyed {
    uint64_t index;
    size_t pos;
} keyed;

static int by_index(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    return a->index < b->index ? -1 : a->index > b->index;
}

size_t *tc_gql_js_key_order(tc_arena *a, const tc_gql_value *obj)
{
    size_t n = obj->u.obj.n;
    size_t *order = tc_arena_calloc(a, n ? n : 1, sizeof(*order));
    keyed *idx = tc_arena_calloc(a, n ? n : 1, sizeof(*idx));
    size_t nidx = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t v;
        if (array_index(obj->u.obj.fields[i].name, &v))
            idx[nidx++] = (keyed){v, i};
    }
    qsort(idx, nidx, sizeof(*idx), by_index);
    for (size_t i = 0; i < nidx; i++)
        order[k++] = idx[i].pos;
    for (size_t i = 0; i < n; i++) {
        uint64_t v;
        if (!array_index(obj->u.obj.fields[i].name, &v))
            order[k++] = i;
    }
    return order;
}

/* ---- inspect() ------------------------------------------------------------------------------ */

static void inspect_at(tc_buf *out, const tc_gql_value *v, int seen)
{
    switch (v->kind) {
    case TC_GQL_VALUE_NULL: tc_buf_adds(out, "null"); return;
    case TC_GQL_VALUE_INT: tc_gql_js_int(out, v->u.i); return;
    case TC_GQL_VALUE_FLOAT: tc_gql_js_float(out, v->u.f); return;
    case TC_GQL_VALUE_BOOLEAN: tc_buf_adds(out, v->u.b ? "true" : "false"); return;
    case TC_GQL_VALUE_STRING:
    case TC_GQL_VALUE_ENUM: tc_gql_js_string(out, v->u.str.s, v->u.str.len); return;
    case TC_GQL_VALUE_LIST: {
        size_t n = v->u.list.n;
        if (n == 0) {
            tc_buf_adds(out, "[]");
            return;
        }
        if (seen + 1 > MAX_RECURSIVE_DEPTH) {
            tc_buf_adds(out, "[Array]");
            return;
        }
        size_t shown = n < MAX_ARRAY_LENGTH ? n : MAX_ARRAY_LENGTH;
        tc_buf_addc(out, '[');
        for (size_t i = 0; i < shown; i++) {
            if (i)
                tc_buf_adds(out, ", ");
            inspect_at(out, v->u.list.items[i], seen + 1);
        }
        if (n - shown == 1)
            tc_buf_adds(out, ", ... 1 more item");
        else if (n > shown)
            tc_buf_printf(out, ", ... %zu more items", n - shown);
        tc_buf_addc(out, ']');
        return;
    }
    case TC_GQL_VALUE_OBJECT: {
        size_t n = v->u.obj.n;
        if (n == 0) {
            tc_buf_adds(out, "{}");
            return;
        }
        if (seen + 1 > MAX_RECURSIVE_DEPTH) {
            tc_buf_adds(out, "[Object]");
            return;
        }
        tc_arena *a = tc_arena_new(256);
        size_t *order = tc_gql_js_key_order(a, v);
        tc_buf_adds(out, "{ ");
        for (size_t i = 0; i < n; i++) {
            const tc_gql_value_field *f = &v->u.obj.fields[order[i]];
            if (i)
                tc_buf_adds(out, ", ");
            tc_buf_adds(out, f->name);
            tc_buf_adds(out, ": ");
            inspect_at(out, f->value, seen + 1);
        }
        tc_buf_adds(out, " }");
        tc_arena_free(a);
        return;
    }
    }
}

int tc_gql_inspect(tc_buf *out, const tc_gql_value *v)
{
    /* inspect.js counts the values it is inside, the top one included: a container at the top
     * has seen 1, and one with more than MAX_RECURSIVE_DEPTH is elided. */
    inspect_at(out, v, 0);
    return out->failed ? -1 : 0;
}

/* ---- suggestionList() and didYouMean() ------------------------------------------------------ */

/* UTF-16 code units of s, lower-cased (ASCII letters: names are ASCII, and only an input that
 * is not can differ from JavaScript's full toLowerCase). */
static uint16_t *utf16_lower(tc_arena *a, const char *s, size_t n, size_t *len)
{
    uint16_t *u = tc_arena_calloc(a, n + 1, sizeof(*u));
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        const unsigned char *p = (const unsigned char *)s + i;
        size_t l = p[0] < 0x80 ? 1 : p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : 2;
        if (i + l > n)
            break;
        uint32_t cp = l == 1   ? p[0]
                      : l == 2 ? ((p[0] & 31u) << 6) | (p[1] & 63u)
                      : l == 3 ? ((p[0] & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u)
                               : ((p[0] & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) |
                                     (p[3] & 63u);
        if (cp >= 'A' && cp <= 'Z')
            cp += 'a' - 'A';
        if (cp >= 0x10000) {
            cp -= 0x10000;
            u[k++] = (uint16_t)(0xD800 + (cp >> 10));
            u[k++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            u[k++] = (uint16_t)cp;
        }
        i += l;
    }
    *len = k;
    return u;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* LexicalDistance.measure: SIZE_MAX when past threshold. */
static size_t distance(tc_arena *a, const char *input, size_t input_len, const char *option,
                       size_t threshold)
{
    size_t option_len = strlen(option);
    if (input_len == option_len && memcmp(input, option, input_len) == 0)
        return 0;
    size_t na, nb;
    const uint16_t *sa = utf16_lower(a, option, option_len, &na);
    const uint16_t *sb = utf16_lower(a, input, input_len, &nb);
    if (na == nb && memcmp(sa, sb, na * sizeof(*sa)) == 0)
        return 1;
    if (na < nb) {
        const uint16_t *t = sa;
        sa = sb;
        sb = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if (na - nb > threshold)
        return SIZE_MAX;
    size_t *rows[3];
    for (int r = 0; r < 3; r++)
        rows[r] = tc_arena_calloc(a, nb + 1, sizeof(size_t));
    for (size_t j = 0; j <= nb; j++)
        rows[0][j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t *up = rows[(i - 1) % 3], *cur = rows[i % 3];
        size_t smallest = cur[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t cost = sa[i - 1] == sb[j - 1] ? 0 : 1;
            size_t cell = min3(up[j] + 1, cur[j - 1] + 1, up[j - 1] + cost);
            if (i > 1 && j > 1 && sa[i - 1] == sb[j - 2] && sa[i - 2] == sb[j - 1]) {
                size_t diag = rows[(i - 2) % 3][j - 2] + 1;
                if (diag < cell)
                    cell = diag;
            }
            if (cell < smallest)
                smallest = cell;
            cur[j] = cell;
        }
        if (smallest > threshold)
            return SIZE_MAX;
    }
    size_t d = rows[na % 3][nb];
    return d <= threshold ? d : SIZE_MAX;
}

/* naturalCompare.js: digit runs compare by value (a run stops after a leading zero). */
static int natural_compare(const char *x, const char *y)
{
    size_t i = 0, j = 0, nx = strlen(x), ny = strlen(y);
    while (i < nx && j < ny) {
        unsigned char cx = (unsigned char)x[i], cy = (unsigned char)y[j];
        if (cx >= '0' && cx <= '9' && cy >= '0' && cy <= '9') {
            uint64_t vx = 0, vy = 0;
            do {
                vx = vx * 10 + (uint64_t)(x[i++] - '0');
            } while (i < nx && x[i] >= '0' && x[i] <= '9' && vx > 0);
            do {
                vy = vy * 10 + (uint64_t)(y[j++] - '0');
            } while (j < ny && y[j] >= '0' && y[j] <= '9' && vy > 0);
            if (vx != vy)
                return vx < vy ? -1 : 1;
        } else {
            if (cx != cy)
                return cx < cy ? -1 : 1;
            i++;
            j++;
        }
    }
    return (nx > ny) - (nx < ny); /* aStr.length - bStr.length */
}

typedef struct ranked {
    const char *option;
    size_t distance;
} ranked;

static int by_rank(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->distance != b->distance)
        return a->distance < b->distance ? -1 : 1;
    return natural_compare(a->option, b->option);
}

int tc_gql_did_you_mean(tc_buf *out, const char *sub, const char *input, size_t input_len,
                        const char *const *options, size_t noptions)
{
    tc_arena *a = tc_arena_new(4096);
    size_t units;
    utf16_lower(a, input, input_len, &units);
    size_t threshold = units * 2 / 5 + 1; /* Math.floor(input.length * 0.4) + 1 */
    ranked *found = tc_arena_calloc(a, noptions ? noptions : 1, sizeof(*found));
    size_t n = 0;
    for (size_t i = 0; i < noptions; i++) {
        size_t d = distance(a, input, input_len, options[i], threshold);
        if (d != SIZE_MAX)
            found[n++] = (ranked){options[i], d};
    }
    qsort(found, n, sizeof(*found), by_rank);
    if (n > 0) {
        tc_buf_adds(out, " Did you mean ");
        if (sub) {
            tc_buf_adds(out, sub);
            tc_buf_addc(out, ' ');
        }
        if (n == 1) {
            tc_buf_printf(out, "\"%s\"?", found[0].option);
        } else if (n == 2) {
            tc_buf_printf(out, "\"%s\" or \"%s\"?", found[0].option, found[1].option);
        } else {
            size_t shown = n < MAX_SUGGESTIONS ? n : MAX_SUGGESTIONS;
            for (size_t i = 0; i + 1 < shown; i++)
                tc_buf_printf(out, "\"%s\", ", found[i].option);
            tc_buf_printf(out, "or \"%s\"?", found[shown - 1].option);
        }
    }
    tc_arena_free(a);
    return out->failed ? -1 : 0;
}
