/* Twenty's REST `filter` parameter (spec/twenty-api.md §1.5) parsed into a filter AST checked
 * against one object of the metadata model: fields and composite sub-fields exist, the operator
 * is allowed for the column's type (§4.6), values have the column's shape. Values stay text
 * (bind parameters later). Errors are 400 (TC_E_BAD_REQUEST, reason INVALID_FILTER_QUERY_PARAM)
 * with Twenty's messages where the spec gives them. */
#ifndef TC_QUERY_FILTER_H
#define TC_QUERY_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "meta/model.h"
#include "query/path.h"
#include "query/value.h"

/* Bounds on input (all inclusive); anything larger is a 400. */
#define TC_FILTER_MAX_LEN 16384      /* bytes of the whole parameter (after URL decoding) */
#define TC_FILTER_MAX_DEPTH 16       /* nesting of and(...)/or(...)/not(...) */
#define TC_FILTER_MAX_CONDITIONS 256 /* base conditions (field[op]:value) in one filter */
#define TC_FILTER_MAX_IN 1000        /* values in one in/containsAny list */
#define TC_FILTER_MAX_VALUE 4096     /* bytes of one value */

/* The REST comparators, in Twenty's order (the order of its error message). */
#define TC_FILTER_OPS(X)                                                                           \
    X(EQ, "eq")                                                                                    \
    X(NEQ, "neq")                                                                                  \
    X(IN, "in")                                                                                    \
    X(CONTAINS_ANY, "containsAny")                                                                 \
    X(IS, "is")                                                                                    \
    X(GT, "gt")                                                                                    \
    X(GTE, "gte")                                                                                  \
    X(LT, "lt")                                                                                    \
    X(LTE, "lte")                                                                                  \
    X(STARTS_WITH, "startsWith")                                                                   \
    X(ENDS_WITH, "endsWith")                                                                       \
    X(LIKE, "like")                                                                                \
    X(ILIKE, "ilike")

typedef enum tc_filter_op {
#define TC_FILTER_OP_ENUM(name, text) TC_FILTER_##name,
    TC_FILTER_OPS(TC_FILTER_OP_ENUM)
#undef TC_FILTER_OP_ENUM
        TC_FILTER_OP_COUNT
} tc_filter_op;

const char *tc_filter_op_name(tc_filter_op op); /* "containsAny" */

typedef enum tc_filter_kind {
    TC_FILTER_AND,
    TC_FILTER_OR,
    TC_FILTER_NOT,
    TC_FILTER_COND
} tc_filter_kind;

const char *tc_filter_kind_name(tc_filter_kind k); /* "and", "or", "not", "cond" */

typedef struct tc_filter_cond {
    tc_path path; /* column, its type, the object whose table holds it, relation hop */
    tc_filter_op op;
    tc_value_kind kind;  /* how the values bind; TC_VALUE_NONE for `is` */
    const char **values; /* nvalues NUL-terminated texts: 1, or the list of in/containsAny */
    size_t nvalues;
    bool is_null; /* `is`: true for NULL, false for NOT_NULL */
} tc_filter_cond;

typedef struct tc_filter tc_filter;
struct tc_filter {
    tc_filter_kind kind;
    tc_filter **children; /* AND, OR: one or more; NOT: exactly one */
    size_t nchildren;
    tc_filter_cond cond; /* COND */
};

/* Parses text[0..len) (the URL-decoded parameter) against o into *out, all in a. A filter with
 * no root conjunction is wrapped in AND, as Twenty does. 0, or -1 with e filled (400). */
int tc_filter_parse(tc_arena *a, const tc_object *o, const char *text, size_t len, tc_filter **out,
                    tc_err *e);

/* True when a condition of f is on column of the root object (e.g. "deletedAt", which makes a
 * list include soft-deleted rows, spec §1.5). */
bool tc_filter_mentions(const tc_filter *f, const char *column);

/* Whether op applies to a column of type (the type of a composite's sub-field for
 * sub-columns; parent is the composite type or TC_FT_COUNT). */
bool tc_filter_op_allowed(tc_field_type type, tc_field_type parent, tc_filter_op op);

#endif
