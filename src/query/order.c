/* The `order_by` parser (see order.h): a plain split on commas, each item path[direction] with
 * the direction optional (AscNullsFirst), and `id` appended unless the caller ordered by it. */
#include "query/order.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    bool desc, nulls_first;
} dirs[] = {
#define TC_ORDER_DIR_ROW(name, text, desc, nulls_first) {text, desc, nulls_first},
    TC_ORDER_DIRS(TC_ORDER_DIR_ROW)
#undef TC_ORDER_DIR_ROW
};
#define NDIRS (sizeof(dirs) / sizeof(dirs[0]))

const char *tc_order_dir_name(tc_order_dir d)
{
    return (unsigned)d < NDIRS ? dirs[d].name : "?";
}

bool tc_order_dir_desc(tc_order_dir d)
{
    return (unsigned)d < NDIRS && dirs[d].desc;
}

bool tc_order_dir_nulls_first(tc_order_dir d)
{
    return (unsigned)d < NDIRS && dirs[d].nulls_first;
}

static int fail(tc_err *e, const char *fmt, ...) TC_PRINTF(2, 3);
static int fail(tc_err *e, const char *fmt, ...)
{
    char msg[sizeof(e->message)];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    tc_err_set(e, TC_E_BAD_REQUEST, "%s", msg);
    if (e)
        snprintf(e->reason, sizeof(e->reason), "INVALID_ORDER_BY_QUERY_PARAM");
    return -1;
}

static bool same_key(const tc_path *x, const tc_path *y)
{
    return x->via == y->via && strcmp(x->column, y->column) == 0;
}

static bool is_id(const tc_path *p)
{
    return !p->via && strcmp(p->column, "id") == 0;
}

/* One item s[0..n) into *k. */
static int parse_item(tc_arena *a, const tc_object *o, const char *s, size_t n, tc_order_key *k,
                      tc_err *e)
{
    const char *lb = memchr(s, '[', n);
    size_t plen = lb ? (size_t)(lb - s) : n;
    k->dir = TC_ORDER_ASC_NULLS_FIRST;
    if (lb) {
        const char *d = lb + 1;
        size_t dlen = n - plen - 1;
        bool closed = dlen > 0 && d[dlen - 1] == ']';
        if (closed)
            dlen--;
        size_t i = 0;
        for (; closed && i < NDIRS; i++) {
            if (strlen(dirs[i].name) == dlen && memcmp(dirs[i].name, d, dlen) == 0)
                break;
        }
        if (!closed || i == NDIRS)
            return fail(e,
                        "'order_by' direction '%.*s' invalid. Allowed values are "
                        "'AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. "
                        "eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3",
                        (int)(dlen < 64 ? dlen : 64), d);
        k->dir = (tc_order_dir)i;
    }
    const char *bad = NULL;
    const tc_object *where = NULL;
    switch (tc_path_resolve(a, o, s, plen, &k->path, &bad, &where)) {
    case TC_PATH_OK: return 0;
    case TC_PATH_MALFORMED:
        return fail(e, "'order_by' invalid for '%.*s'. eg: ?order_by=field_1[AscNullsFirst]",
                    (int)(n < 64 ? n : 64), s);
    case TC_PATH_UNKNOWN_FIELD:
        return fail(e, "'order_by' invalid. Object %s doesn't have any \"%s\" field",
                    where->name_singular, bad);
    case TC_PATH_TO_MANY:
        return fail(e, "Cannot filter or order through %s: only to-one relations are supported",
                    bad);
    case TC_PATH_NEEDS_SUBFIELD:
        return fail(e, "'order_by' invalid. '%s' has sub-fields: order by one of them", bad);
    case TC_PATH_UNKNOWN_SUB:
        return fail(e, "'order_by' invalid. '%s' is not a sub-field of '%.*s'", bad,
                    (int)(plen < 64 ? plen : 64), s);
    }
    return fail(e, "'order_by' invalid");
}

int tc_order_parse(tc_arena *a, const tc_object *o, const char *text, size_t len, tc_order *out,
                   tc_err *e)
{
    out->keys = NULL;
    out->nkeys = 0;
    if (!text)
        len = 0;
    if (len > TC_ORDER_MAX_LEN)
        return fail(e, "'order_by' invalid. Longer than %d bytes", TC_ORDER_MAX_LEN);
    if (len && memchr(text, '\0', len))
        return fail(e, "'order_by' invalid. eg: ?order_by=field_1[AscNullsFirst]");
    size_t items = len ? 1 : 0;
    for (size_t i = 0; i < len; i++)
        items += text[i] == ',';
    if (items > TC_ORDER_MAX_KEYS)
        return fail(e, "'order_by' invalid. More than %d fields", TC_ORDER_MAX_KEYS);
    out->keys = tc_arena_calloc(a, items + 1, sizeof(*out->keys));
    bool has_id = false;
    size_t start = 0;
    for (size_t i = 0; len && i <= len; i++) {
        if (i < len && text[i] != ',')
            continue;
        tc_order_key k;
        if (parse_item(a, o, text + start, i - start, &k, e) != 0)
            return -1;
        start = i + 1;
        bool dup = false;
        for (size_t j = 0; j < out->nkeys; j++)
            dup = dup || same_key(&out->keys[j].path, &k.path);
        if (dup)
            continue;
        has_id = has_id || is_id(&k.path);
        out->keys[out->nkeys++] = k;
    }
    if (!has_id) {
        tc_order_key *k = &out->keys[out->nkeys];
        if (tc_path_resolve(a, o, "id", 2, &k->path, NULL, NULL) != TC_PATH_OK)
            return tc_err_set(e, TC_E_INTERNAL, "object %s has no id field", o->name_singular);
        k->dir = TC_ORDER_ASC_NULLS_FIRST;
        out->nkeys++;
    }
    return 0;
}
