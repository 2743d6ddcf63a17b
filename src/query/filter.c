/* The `filter` parser (see filter.h). Twenty's grammar is scanned by hand: items split on commas
 * outside parentheses, brackets and quotes; a base is path[comparator]:value with the value
 * running to the end of the item. Recursion is bounded by TC_FILTER_MAX_DEPTH, so hostile input
 * is refused long before the stack matters. */
#include "query/filter.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const op_names[] = {
#define TC_FILTER_OP_NAME(name, text) text,
    TC_FILTER_OPS(TC_FILTER_OP_NAME)
#undef TC_FILTER_OP_NAME
};

#define OP_LIST "eq, neq, in, containsAny, is, gt, gte, lt, lte, startsWith, endsWith, like, ilike"
#define EXAMPLE "eg: price[gte]:10"

const char *tc_filter_op_name(tc_filter_op op)
{
    return (unsigned)op < TC_FILTER_OP_COUNT ? op_names[op] : "?";
}

const char *tc_filter_kind_name(tc_filter_kind k)
{
    switch (k) {
    case TC_FILTER_AND: return "and";
    case TC_FILTER_OR: return "or";
    case TC_FILTER_NOT: return "not";
    case TC_FILTER_COND: return "cond";
    }
    return "?";
}

#define BIT(op) (1u << TC_FILTER_##op)
#define ORDERED (BIT(EQ) | BIT(NEQ) | BIT(IN) | BIT(IS) | BIT(GT) | BIT(GTE) | BIT(LT) | BIT(LTE))

/* Operators per column type, spec §4.6 restricted to the REST comparators. */
static unsigned ops_for(tc_field_type type, tc_field_type parent)
{
    if (parent == TC_FT_RICH_TEXT_V2)
        return BIT(ILIKE);
    if (parent != TC_FT_COUNT && type == TC_FT_SELECT) /* ACTOR's source */
        return BIT(EQ) | BIT(NEQ) | BIT(IN) | BIT(IS);
    switch (type) {
    case TC_FT_UUID:
    case TC_FT_RELATION:
    case TC_FT_MORPH_RELATION:
    case TC_FT_DATE_TIME:
    case TC_FT_DATE:
    case TC_FT_NUMBER:
    case TC_FT_NUMERIC:
    case TC_FT_POSITION: return ORDERED;
    case TC_FT_TEXT:
    case TC_FT_RICH_TEXT:
        return ORDERED | BIT(STARTS_WITH) | BIT(ENDS_WITH) | BIT(LIKE) | BIT(ILIKE);
    case TC_FT_BOOLEAN: return BIT(EQ) | BIT(IS);
    case TC_FT_RAW_JSON:
    case TC_FT_FILES: return BIT(IS) | BIT(LIKE);
    case TC_FT_ARRAY: return BIT(IS) | BIT(CONTAINS_ANY);
    case TC_FT_SELECT:
    case TC_FT_MULTI_SELECT:
    case TC_FT_RATING: return ORDERED | BIT(CONTAINS_ANY);
    default: return 0;
    }
}

bool tc_filter_op_allowed(tc_field_type type, tc_field_type parent, tc_filter_op op)
{
    return (unsigned)op < TC_FILTER_OP_COUNT && (ops_for(type, parent) & (1u << op)) != 0;
}

typedef struct parser {
    tc_arena *a;
    const tc_object *o;
    tc_err *e;
    size_t nconds;
} parser;

static int fail(parser *p, const char *fmt, ...) TC_PRINTF(2, 3);
static int fail(parser *p, const char *fmt, ...)
{
    char msg[sizeof(p->e->message)];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    tc_err_set(p->e, TC_E_BAD_REQUEST, "%s", msg);
    if (p->e)
        snprintf(p->e->reason, sizeof(p->e->reason), "INVALID_FILTER_QUERY_PARAM");
    return -1;
}

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

/* Splits s[0..n) on commas outside (), [] and quotes into a new array of (ptr, len) pairs. */
typedef struct span {
    const char *s;
    size_t n;
} span;

static int split(parser *p, const char *s, size_t n, span **out, size_t *count)
{
    size_t cap = 1, k = 0;
    for (size_t i = 0; i < n; i++)
        cap += s[i] == ',';
    span *v = tc_arena_calloc(p->a, cap, sizeof(*v));
    char quote = 0;
    int paren = 0, bracket = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        char c = i < n ? s[i] : ',';
        if (i < n && quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'')
            quote = c;
        else if (c == '(')
            paren++;
        else if (c == ')' && paren > 0)
            paren--;
        else if (c == '[')
            bracket++;
        else if (c == ']' && bracket > 0)
            bracket--;
        else if (c == ',' && (i == n || (paren == 0 && bracket == 0))) {
            v[k].s = s + start;
            v[k].n = i - start;
            trim(&v[k].s, &v[k].n);
            k++;
            start = i + 1;
        }
    }
    if (k > TC_FILTER_MAX_CONDITIONS)
        return fail(p, "'filter' invalid. More than %d conditions", TC_FILTER_MAX_CONDITIONS);
    *out = v;
    *count = k;
    return 0;
}

/* When s[0..n) is conj(...) with the parenthesis closing at its end: the conjunction, and the
 * inside in *in. Quotes are skipped when matching parentheses. */
static bool conjunction(const char *s, size_t n, tc_filter_kind *kind, span *in)
{
    static const struct {
        const char *name;
        tc_filter_kind kind;
    } conjs[] = {{"and", TC_FILTER_AND}, {"or", TC_FILTER_OR}, {"not", TC_FILTER_NOT}};
    for (size_t c = 0; c < sizeof(conjs) / sizeof(conjs[0]); c++) {
        size_t l = strlen(conjs[c].name);
        if (n < l + 2 || memcmp(s, conjs[c].name, l) != 0 || s[l] != '(' || s[n - 1] != ')')
            continue;
        int depth = 0;
        char quote = 0;
        for (size_t i = l; i < n; i++) {
            if (quote) {
                if (s[i] == quote)
                    quote = 0;
            } else if (s[i] == '"' || s[i] == '\'') {
                quote = s[i];
            } else if (s[i] == '(') {
                depth++;
            } else if (s[i] == ')' && --depth == 0) {
                if (i != n - 1)
                    return false;
                *kind = conjs[c].kind;
                in->s = s + l + 1;
                in->n = n - l - 2;
                return true;
            }
        }
        return false;
    }
    return false;
}

static void strip_quotes(const char **s, size_t *n)
{
    if (*n >= 2 && ((*s)[0] == '"' || (*s)[0] == '\'') && (*s)[*n - 1] == (*s)[0]) {
        (*s)++;
        *n -= 2;
    }
}

static int check_value(parser *p, const span *base, const tc_filter_cond *c, const char *v,
                       size_t n, const char *path)
{
    if (n > TC_FILTER_MAX_VALUE)
        return fail(p, "'filter' invalid for '%.*s'. A value is longer than %d bytes",
                    (int)(base->n < 64 ? base->n : 64), base->s, TC_FILTER_MAX_VALUE);
    const char *const *enum_values = c->path.sub ? c->path.sub->enum_values : NULL;
    const char *options = c->path.sub ? NULL : c->path.field->options;
    if (tc_value_valid(c->kind, v, n, enum_values, options))
        return 0;
    if (c->kind == TC_VALUE_ENUM)
        return fail(p, "'filter' invalid for '%.*s'. '%.*s' is not an option of '%s'", (int)base->n,
                    base->s, (int)n, v, path);
    return fail(p, "'filter' invalid for '%.*s'. '%.*s' is not a valid %s value for '%s'",
                (int)base->n, base->s, (int)n, v, tc_value_kind_name(c->kind), path);
}

static int parse_base(parser *p, span base, tc_filter **out)
{
    const char *s = base.s;
    size_t n = base.n;
    const char *lb = memchr(s, '[', n);
    const char *rb = lb ? memchr(lb + 1, ']', n - (size_t)(lb + 1 - s)) : NULL;
    if (!lb || lb == s || !rb || rb == lb + 1 || (size_t)(rb + 2 - s) >= n || rb[1] != ':')
        return fail(p, "'filter' invalid for '%.*s'. " EXAMPLE, (int)n, s);
    const char *val = rb + 2;
    size_t vlen = n - (size_t)(val - s);
    if (vlen == 0)
        return fail(p, "'filter' invalid for '%.*s'. " EXAMPLE, (int)n, s);

    tc_filter *f = tc_arena_calloc(p->a, 1, sizeof(*f));
    f->kind = TC_FILTER_COND;
    tc_filter_cond *c = &f->cond;
    size_t clen = (size_t)(rb - lb - 1);
    int op = -1;
    for (int i = 0; i < TC_FILTER_OP_COUNT; i++) {
        if (strlen(op_names[i]) == clen && memcmp(op_names[i], lb + 1, clen) == 0)
            op = i;
    }
    if (op < 0)
        return fail(p, "'filter' invalid for '%.*s', comparator %.*s not in " OP_LIST, (int)n, s,
                    (int)clen, lb + 1);
    c->op = (tc_filter_op)op;

    const char *bad = NULL;
    const tc_object *where = NULL;
    size_t plen = (size_t)(lb - s);
    char *path = tc_arena_strndup(p->a, s, plen);
    switch (tc_path_resolve(p->a, p->o, s, plen, &c->path, &bad, &where)) {
    case TC_PATH_OK: break;
    case TC_PATH_MALFORMED: return fail(p, "'filter' invalid for '%.*s'. " EXAMPLE, (int)n, s);
    case TC_PATH_UNKNOWN_FIELD:
        return fail(p, "'filter' invalid for '%.*s'. Object %s doesn't have any \"%s\" field",
                    (int)n, s, where->name_singular, bad);
    case TC_PATH_TO_MANY:
        return fail(p, "Cannot filter or order through %s: only to-one relations are supported",
                    bad);
    case TC_PATH_NEEDS_SUBFIELD:
        return fail(p, "'filter' invalid for '%.*s'. '%s' has sub-fields: filter on one of them",
                    (int)n, s, bad);
    case TC_PATH_UNKNOWN_SUB:
        return fail(p, "'filter' invalid for '%.*s'. '%s' is not a sub-field of '%s'", (int)n, s,
                    bad, path);
    }
    tc_field_type parent = c->path.sub ? c->path.field->type : TC_FT_COUNT;
    if (!tc_filter_op_allowed(c->path.type, parent, c->op))
        return fail(p, "'filter' invalid for '%.*s'. Operator '%s' is not allowed on '%s' (%s)",
                    (int)n, s, op_names[op], path, tc_field_type_info_of(c->path.type)->name);

    if (c->op == TC_FILTER_IS) {
        c->kind = TC_VALUE_NONE;
        if (vlen == 4 && memcmp(val, "NULL", 4) == 0)
            c->is_null = true;
        else if (!(vlen == 8 && memcmp(val, "NOT_NULL", 8) == 0))
            return fail(p, "'filter' invalid for '%.*s'. 'is' takes NULL or NOT_NULL", (int)n, s);
        *out = f;
        return 0;
    }
    c->kind = c->op == TC_FILTER_LIKE || c->op == TC_FILTER_ILIKE ||
                      c->op == TC_FILTER_STARTS_WITH || c->op == TC_FILTER_ENDS_WITH
                  ? TC_VALUE_TEXT
                  : tc_value_kind_of(c->path.type);
    if (c->op == TC_FILTER_IN || c->op == TC_FILTER_CONTAINS_ANY) {
        if (vlen < 2 || val[0] != '[' || val[vlen - 1] != ']')
            return fail(p,
                        "'filter' invalid for '%s' operator. Received '%.*s' but array value "
                        "expected eg: 'field[%s]:[value_1,value_2]'",
                        op_names[op], (int)vlen, val, op_names[op]);
        const char *in = val + 1;
        size_t inlen = vlen - 2, count = 1;
        for (size_t i = 0; i < inlen; i++)
            count += in[i] == ',';
        if (count > TC_FILTER_MAX_IN)
            return fail(p, "'filter' invalid for '%.*s'. More than %d values in the list",
                        (int)(n < 64 ? n : 64), s, TC_FILTER_MAX_IN);
        c->values = tc_arena_calloc(p->a, count, sizeof(*c->values));
        size_t start = 0;
        for (size_t i = 0; i <= inlen; i++) {
            if (i < inlen && in[i] != ',')
                continue;
            const char *v = in + start;
            size_t l = i - start;
            trim(&v, &l);
            strip_quotes(&v, &l);
            if (check_value(p, &base, c, v, l, path) != 0)
                return -1;
            c->values[c->nvalues++] = tc_arena_strndup(p->a, v, l);
            start = i + 1;
        }
    } else {
        strip_quotes(&val, &vlen);
        if (check_value(p, &base, c, val, vlen, path) != 0)
            return -1;
        c->values = tc_arena_calloc(p->a, 1, sizeof(*c->values));
        c->values[0] = tc_arena_strndup(p->a, val, vlen);
        c->nvalues = 1;
    }
    *out = f;
    return 0;
}

static int parse_item(parser *p, span item, int depth, tc_filter **out);

static int parse_list(parser *p, tc_filter_kind kind, span in, int depth, tc_filter **out)
{
    span *items = NULL;
    size_t n = 0;
    if (depth > TC_FILTER_MAX_DEPTH)
        return fail(p, "'filter' invalid. Conjunctions nest deeper than %d levels",
                    TC_FILTER_MAX_DEPTH);
    if (split(p, in.s, in.n, &items, &n) != 0)
        return -1;
    if (kind == TC_FILTER_NOT && n != 1)
        return fail(p, "'filter' invalid. 'not' conjunction should contain only 1 condition. "
                       "eg: not(field[eq]:1)");
    tc_filter *f = tc_arena_calloc(p->a, 1, sizeof(*f));
    f->kind = kind;
    f->children = tc_arena_calloc(p->a, n, sizeof(*f->children));
    for (size_t i = 0; i < n; i++) {
        if (parse_item(p, items[i], depth, &f->children[i]) != 0)
            return -1;
    }
    f->nchildren = n;
    *out = f;
    return 0;
}

static int parse_item(parser *p, span item, int depth, tc_filter **out)
{
    tc_filter_kind kind;
    span in;
    if (conjunction(item.s, item.n, &kind, &in))
        return parse_list(p, kind, in, depth + 1, out);
    if (++p->nconds > TC_FILTER_MAX_CONDITIONS)
        return fail(p, "'filter' invalid. More than %d conditions", TC_FILTER_MAX_CONDITIONS);
    return parse_base(p, item, out);
}

int tc_filter_parse(tc_arena *a, const tc_object *o, const char *text, size_t len, tc_filter **out,
                    tc_err *e)
{
    parser p = {.a = a, .o = o, .e = e};
    *out = NULL;
    if (len > TC_FILTER_MAX_LEN)
        return fail(&p, "'filter' invalid. Longer than %d bytes", TC_FILTER_MAX_LEN);
    if (len == 0 || memchr(text, '\0', len))
        return fail(&p, "'filter' invalid for '%.*s'. " EXAMPLE, (int)len, text);
    long diff = 0;
    for (size_t i = 0; i < len; i++)
        diff += (text[i] == '(') - (text[i] == ')');
    if (diff != 0) {
        long d = diff > 0 ? diff : -diff;
        return fail(&p, "'filter' invalid. %ld %s bracket%s missing in the query", d,
                    diff > 0 ? "close" : "open", d > 1 ? "s are" : " is");
    }
    span root = {text, len};
    trim(&root.s, &root.n);
    tc_filter_kind kind;
    span in;
    if (conjunction(root.s, root.n, &kind, &in))
        return parse_list(&p, kind, in, 1, out);
    return parse_list(&p, TC_FILTER_AND, root, 0, out);
}

bool tc_filter_mentions(const tc_filter *f, const char *column)
{
    if (!f)
        return false;
    if (f->kind == TC_FILTER_COND)
        return !f->cond.path.via && strcmp(f->cond.path.column, column) == 0;
    for (size_t i = 0; i < f->nchildren; i++) {
        if (tc_filter_mentions(f->children[i], column))
            return true;
    }
    return false;
}
