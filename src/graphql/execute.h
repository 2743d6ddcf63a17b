/* The GraphQL executor (the specification's "Execution" section, graphql-js 16's execute): picks
 * the operation, coerces the variables, walks the selection set over the schema and asks the
 * caller's resolver for each field's value, and writes the response {"errors":[…],"data":…}
 * straight into a buffer with twentyc's JSON writer, keys in selection order.
 *
 * Design: results are written as they are resolved, never built as a tree.
 *  - A resolver returns a tc_gql_result by value: a scalar (pointers may borrow the caller's
 *    memory, e.g. a PGresult cell, until tc_gql_execute returns), already-encoded JSON, a typed
 *    value tree, an opaque object handle {ptr, row} (with its runtime type when the field's type
 *    is abstract), a list as {ptr, n, item()} that the executor reads one item at a time, or an
 *    error. The records API can thus hand the executor a whole page as one handle and each row
 *    as {page, row}: the executor asks for each selected column of each row and writes it at
 *    once, with no per-row allocation.
 *  - Null propagation without a tree: before each nullable field or list item the executor
 *    remembers where the output stood; when a non-null field below turns out null (or fails),
 *    it cuts the output back to that point and writes null there. graphql-js stops executing the
 *    rest of an object or list whose non-null member failed; so does this executor, so errors
 *    come out in graphql-js's order.
 *  - Resolvers may look ahead (tc_gql_exec_subfields, tc_gql_exec_args) to plan one query for a
 *    whole sub-tree, as the records API does for relations. Collected fields and coerced
 *    arguments are cached per field group and type, so each row costs no collection work.
 *  - Introspection (__schema, __type, the fields of the __ types) and __typename are answered by
 *    the executor and graphql/introspect.h; the resolver never sees them.
 *
 * Bounds: the response is at most the output buffer's maximum (execution stops when it is full,
 * and tc_gql_execute returns -1); results nest at most TC_JSON_MAX_DEPTH levels (deeper values
 * become a field error); fragment spreads inside one selection set nest at most
 * TC_GQL_EXEC_MAX_SPREAD_DEPTH levels; at most TC_GQL_EXEC_MAX_ERRORS errors are raised. Everything
 * is allocated in the arena the caller passes. */
#ifndef TC_GRAPHQL_EXECUTE_H
#define TC_GRAPHQL_EXECUTE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "graphql/ast.h"
#include "graphql/coerce.h"
#include "graphql/schema.h"
#include "graphql/value.h"

#define TC_GQL_EXEC_MAX_SPREAD_DEPTH 64
/* Errors one execution may raise; the next one ends it: "Too many errors during execution,
 * execution aborted." is the last error and data is null. */
#define TC_GQL_EXEC_MAX_ERRORS 10000

/* An object as the executor carries it: opaque to it, meaningful to the resolver (a row of a
 * result set: {result, row}; a schema element for introspection: {element, 0}). */
typedef struct tc_gql_obj {
    const void *ptr;
    size_t row;
} tc_gql_obj;

typedef enum tc_gql_result_kind {
    TC_GQL_RESULT_NULL,
    TC_GQL_RESULT_ERROR,   /* a field error: the field becomes null (or its parent, if non-null) */
    TC_GQL_RESULT_INT,     /* serialized by the field's type (graphql-js serialize rules) */
    TC_GQL_RESULT_FLOAT,   /* finite */
    TC_GQL_RESULT_STRING,  /* also an enum value's name */
    TC_GQL_RESULT_BOOLEAN, /* */
    TC_GQL_RESULT_JSON,    /* encoded JSON written as it is: leaf values or lists of them only */
    TC_GQL_RESULT_VALUE,   /* a typed value: a leaf, or a list completed item by item */
    TC_GQL_RESULT_OBJECT,  /* for object, interface and union types */
    TC_GQL_RESULT_LIST,    /* for list types: n items, each from item(ctx, ptr, i) */
} tc_gql_result_kind;

typedef struct tc_gql_result tc_gql_result;

/* Item i (< n) of a list result. ctx is the request's resolver context. */
typedef tc_gql_result (*tc_gql_item_fn)(void *ctx, const void *list, size_t i);

struct tc_gql_result {
    tc_gql_result_kind kind;
    union {
        int64_t i;
        double f;
        bool b;
        struct {
            const char *s; /* STRING: UTF-8 (invalid bytes written as U+FFFD); JSON: valid JSON */
            size_t len;
        } str;
        const tc_gql_value *value;
        struct {
            tc_gql_obj obj;
            const tc_gql_type *type; /* the runtime object type; required for abstract types */
        } object;
        struct {
            const void *ptr;
            size_t n;
            tc_gql_item_fn item;
        } list;
        struct {
            const char *message;    /* copied by the executor */
            const char *code;       /* extensions.code, e.g. "NOT_FOUND"; NULL: none */
            const char *extensions; /* more extensions members, encoded ("\"subCode\":\"X\"") */
        } error;
    } u;
};

/* Constructors, for resolvers. */
static inline tc_gql_result tc_gql_result_null(void)
{
    tc_gql_result r = {.kind = TC_GQL_RESULT_NULL};
    return r;
}
static inline tc_gql_result tc_gql_result_int(int64_t i)
{
    tc_gql_result r = {.kind = TC_GQL_RESULT_INT, .u.i = i};
    return r;
}
static inline tc_gql_result tc_gql_result_float(double f)
{
    tc_gql_result r = {.kind = TC_GQL_RESULT_FLOAT, .u.f = f};
    return r;
}
static inline tc_gql_result tc_gql_result_bool(bool b)
{
    tc_gql_result r = {.kind = TC_GQL_RESULT_BOOLEAN, .u.b = b};
    return r;
}
static inline tc_gql_result tc_gql_result_string(const char *s, size_t len)
{
    tc_gql_result r = {.kind = TC_GQL_RESULT_STRING, .u.str = {s, len}};
    return r;
}
static inline tc_gql_result tc_gql_result_json(const char *json, size_t len)
{
    tc_gql_result r = {.kind = TC_GQL_RESULT_JSON, .u.str = {json, len}};
    return r;
}
static inline tc_gql_result tc_gql_result_value(const tc_gql_value *v)
{
    tc_gql_result r = {.kind = TC_GQL_RESULT_VALUE, .u.value = v};
    return r;
}
static inline tc_gql_result tc_gql_result_object(const void *ptr, size_t row,
                                                 const tc_gql_type *type)
{
    tc_gql_result r = {.kind = TC_GQL_RESULT_OBJECT, .u.object = {{ptr, row}, type}};
    return r;
}
static inline tc_gql_result tc_gql_result_list(const void *ptr, size_t n, tc_gql_item_fn item)
{
    tc_gql_result r = {.kind = TC_GQL_RESULT_LIST, .u.list = {ptr, n, item}};
    return r;
}
static inline tc_gql_result tc_gql_result_error(const char *message, const char *code)
{
    tc_gql_result r = {.kind = TC_GQL_RESULT_ERROR, .u.error = {message, code, NULL}};
    return r;
}

/* The execution in progress (opaque). */
typedef struct tc_gql_exec tc_gql_exec;

/* Fields of one selection set gathered under one response key (the specification's
 * CollectFields): graphql-js's fieldNodes. */
typedef struct tc_gql_field_group {
    const char *key;                    /* the response key: alias, else name */
    const tc_gql_field *field;          /* on the runtime type; NULL when it has none (an
                                           unvalidated document): the key is left out */
    const tc_gql_ast_selection **nodes; /* the FIELD selections, in document order */
    size_t n;
    struct tc_gql_group_cache *cache; /* private to the executor */
} tc_gql_field_group;

typedef struct tc_gql_field_groups {
    tc_gql_field_group *items; /* in the order their keys first appear */
    size_t n;
} tc_gql_field_groups;

/* Where a value is in the response: innermost step first (key NULL: list index). */
typedef struct tc_gql_path {
    const struct tc_gql_path *prev;
    const char *key;
    size_t index;
} tc_gql_path;

/* What a resolver is told about the field it resolves (graphql-js's info plus the arguments). */
typedef struct tc_gql_resolve_info {
    tc_gql_exec *exec;
    const tc_gql_type *parent_type; /* the runtime object type */
    const tc_gql_field *field;
    const tc_gql_field_group *group;
    const tc_gql_args *args; /* coerced, in definition order */
    const tc_gql_path *path;
} tc_gql_resolve_info;

/* Resolves info->field on parent (the root value for root fields). ctx is the request's. */
typedef tc_gql_result (*tc_gql_resolve_fn)(void *ctx, tc_gql_obj parent,
                                           const tc_gql_resolve_info *info);

/* One request. */
typedef struct tc_gql_request {
    const tc_gql_schema *schema;
    const tc_gql_ast_document *document; /* parsed; validation is the caller's (not trusted) */
    const char *operation_name;          /* NULL: the document's only operation */
    const json_t *variables;             /* a JSON object, or NULL */
    tc_gql_obj root;                     /* the root value */
    tc_gql_resolve_fn resolve;           /* every field that is not introspection (NULL: null) */
    void *ctx;                           /* passed to resolve and to list item functions */
} tc_gql_request;

/* Picks the operation to run (graphql-js buildExecutionContext): the one named name, or the only
 * one when name is NULL. Returns it, or NULL with *err (code BAD_USER_INPUT) set to "Must
 * provide operation name if query contains multiple operations.", "Unknown operation named
 * \"x\"." or "Must provide an operation.". */
const tc_gql_ast_definition *tc_gql_exec_operation(tc_arena *a, const tc_gql_ast_document *doc,
                                                   const char *name, tc_gql_exec_error **err);

/* Runs the request and appends the response to out: {"data":…} or {"errors":[…],"data":…}, or
 * {"errors":[…]} alone when no operation could start (operation selection, variables).
 * Queries and mutations run (a mutation's root fields in order, one after the other);
 * subscriptions are refused ("Schema is not configured to execute subscription operation." or,
 * when the schema has a subscription type, "Subscriptions are not supported by this server.",
 * with data null). Returns 0, or -1 when the response would pass out's maximum (out is then
 * marked failed and holds no usable response). */
int tc_gql_execute(tc_arena *a, const tc_gql_request *r, tc_buf *out);

/* ---- For resolvers: look-ahead and context -------------------------------------------------- */

/* The fields selected under group (every node's selection set merged, fragments expanded for
 * the runtime type t, @skip/@include applied): graphql-js collectSubfields. Cached per group and
 * type. Returns 0 with *out set, or -1 with *err set (a directive argument that does not
 * coerce). */
int tc_gql_exec_subfields(tc_gql_exec *x, const tc_gql_field_group *group, const tc_gql_type *t,
                          const tc_gql_field_groups **out, tc_gql_exec_error **err);

/* The coerced arguments of a group's field (from its first node), cached per group. Returns 0,
 * or -1 with *err set. */
int tc_gql_exec_args(tc_gql_exec *x, const tc_gql_field_group *group, const tc_gql_args **out,
                     tc_gql_exec_error **err);

tc_arena *tc_gql_exec_arena(const tc_gql_exec *x);
const tc_gql_schema *tc_gql_exec_schema(const tc_gql_exec *x);
const tc_gql_variables *tc_gql_exec_variables(const tc_gql_exec *x);
const tc_gql_ast_definition *tc_gql_exec_op(const tc_gql_exec *x);

#endif
