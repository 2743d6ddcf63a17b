/* Typed GraphQL runtime values: what input coercion produces (argument and variable values,
 * default values in the schema) and what an executor consumes. A value is a tree allocated in an
 * arena; containers keep their items in order (an input object keeps the order its fields were
 * given in). Values are immutable once built and may be read from any thread. */
#ifndef TC_GRAPHQL_VALUE_H
#define TC_GRAPHQL_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/json.h"

/* Deepest nesting of lists and objects that copy, compare and the writers accept. */
#define TC_GQL_VALUE_MAX_DEPTH 64

typedef enum tc_gql_value_kind {
    TC_GQL_VALUE_NULL,
    TC_GQL_VALUE_INT,    /* GraphQL Int: always within int32; custom scalars may use all 64 bits */
    TC_GQL_VALUE_FLOAT,  /* finite double */
    TC_GQL_VALUE_STRING, /* String and ID (ID from an Int literal is its decimal text) */
    TC_GQL_VALUE_BOOLEAN,
    TC_GQL_VALUE_ENUM,   /* an enum value's name */
    TC_GQL_VALUE_LIST,   /* items in order */
    TC_GQL_VALUE_OBJECT, /* input object: ordered name -> value, names unique */
} tc_gql_value_kind;

/* "NULL", "INT", ... for messages and tests. */
const char *tc_gql_value_kind_name(tc_gql_value_kind k);

typedef struct tc_gql_value tc_gql_value;

typedef struct tc_gql_value_field {
    const char *name; /* NUL-terminated */
    const tc_gql_value *value;
} tc_gql_value_field;

struct tc_gql_value {
    tc_gql_value_kind kind;
    union {
        int64_t i;
        double f;
        bool b;
        struct {
            const char *s; /* NUL-terminated copy; may also hold NULs (U+0000), hence len */
            size_t len;
        } str; /* STRING and ENUM */
        struct {
            const tc_gql_value **items;
            size_t n;
        } list;
        struct {
            tc_gql_value_field *fields;
            size_t n;
        } obj;
    } u;
};

/* Constructors: every result lives in a. Strings and names are copied. */
tc_gql_value *tc_gql_value_null(tc_arena *a);
tc_gql_value *tc_gql_value_int(tc_arena *a, int64_t v);
tc_gql_value *tc_gql_value_float(tc_arena *a, double v);
tc_gql_value *tc_gql_value_bool(tc_arena *a, bool v);
tc_gql_value *tc_gql_value_string(tc_arena *a, const char *s, size_t len);
tc_gql_value *tc_gql_value_enum(tc_arena *a, const char *name, size_t len);
/* A list of n items, every item set to NULL: the caller fills u.list.items[0..n). */
tc_gql_value *tc_gql_value_list(tc_arena *a, size_t n);
/* An input object of n fields, every name and value NULL: the caller fills u.obj.fields[0..n). */
tc_gql_value *tc_gql_value_object(tc_arena *a, size_t n);

/* The value of field name[0..len) of an input object, or NULL when absent or v is not an object.
 * Linear: input objects are small. */
const tc_gql_value *tc_gql_value_get(const tc_gql_value *v, const char *name, size_t len);

/* A deep copy of v in a, or NULL when v nests deeper than TC_GQL_VALUE_MAX_DEPTH. */
tc_gql_value *tc_gql_value_copy(tc_arena *a, const tc_gql_value *v);

/* Structural equality: same kind, same scalars (floats by ==), same items in the same order,
 * same object fields in any order. False past TC_GQL_VALUE_MAX_DEPTH. */
bool tc_gql_value_equal(const tc_gql_value *a, const tc_gql_value *b);

/* Writes v as one JSON value: null, numbers (floats as JavaScript prints them: 1, 0.1, 1e+21),
 * strings, booleans, enum values as strings, lists as arrays, input objects as objects in their
 * order. Errors are the writer's own and sticky (tc_json_ok). */
void tc_gql_value_write_json(tc_json *j, const tc_gql_value *v);

/* Formats a finite double as JavaScript's Number.prototype.toString does (the shortest text that
 * reads back as the same double: "1", "0.1", "-1.5e-7", "1e+21"); this is how graphql-js prints
 * a Float default value and how JSON.stringify writes a number. Non-finite values give "null".
 * Writes a NUL-terminated string into out and returns its length (at most 25). */
#define TC_GQL_FLOAT_TEXT_MAX 32
size_t tc_gql_value_format_float(double v, char out[TC_GQL_FLOAT_TEXT_MAX]);

#endif
