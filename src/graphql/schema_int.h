/* Private to the schema module (schema.c, schema_build.c, schema_meta.c) and its tests: the
 * builder's bookkeeping and the name index. */
#ifndef TC_GRAPHQL_SCHEMA_INT_H
#define TC_GRAPHQL_SCHEMA_INT_H

#include "graphql/schema.h"

/* graphql-js's DEFAULT_DEPRECATION_REASON: printed as a bare @deprecated. */
#define TC_GQL_DEFAULT_DEPRECATION "No longer supported"

/* What an item of the builder's list adds to its owner at build time. */
typedef enum tc_gql_item_kind {
    TC_GQL_ITEM_FIELD,         /* owner: tc_gql_type, elem: tc_gql_field */
    TC_GQL_ITEM_ARG,           /* owner: tc_gql_field, elem: tc_gql_input_value */
    TC_GQL_ITEM_DIRECTIVE_ARG, /* owner: tc_gql_directive, elem: tc_gql_input_value */
    TC_GQL_ITEM_INPUT_FIELD,   /* owner: tc_gql_type, elem: tc_gql_input_value */
    TC_GQL_ITEM_ENUM_VALUE,    /* owner: tc_gql_type, elem: tc_gql_enum_value */
    TC_GQL_ITEM_INTERFACE,     /* owner: tc_gql_type, name: the interface */
    TC_GQL_ITEM_MEMBER,        /* owner: tc_gql_type (a union), name: the member */
} tc_gql_item_kind;

typedef struct tc_gql_item {
    tc_gql_item_kind kind;
    void *owner;
    void *elem;
    const char *name;
} tc_gql_item;

/* A growable array on the heap (the builder's bookkeeping, freed by build). */
typedef struct tc_gql_vec {
    void *data;
    size_t n, cap;
} tc_gql_vec;

struct tc_gql_builder {
    tc_arena *arena; /* becomes the schema's */
    tc_err err;      /* the first misuse */
    bool failed;
    bool builtin_mode; /* adding the built-in types: "__" names allowed, types flagged builtin */
    const char *description;
    bool roots_set;
    const char *root_names[3];    /* query, mutation, subscription */
    tc_gql_vec types;             /* tc_gql_type *: caller types in order */
    tc_gql_vec builtin_types;     /* tc_gql_type *: specified scalars, then introspection types */
    tc_gql_vec directives;        /* tc_gql_directive *: caller directives in order */
    tc_gql_vec builtin_dirs;      /* tc_gql_directive *: @include, @skip, @deprecated, ... */
    tc_gql_vec items;             /* tc_gql_item */
    tc_gql_vec refs;              /* tc_gql_typeref *: NAMED references to resolve */
    tc_gql_field *meta_fields[3]; /* __schema, __type, __typename (parents: none) */
};

/* Appends one element of size bytes; aborts when out of memory. */
void *tc_gql_vec_push(tc_gql_vec *v, size_t size);
void tc_gql_vec_fini(tc_gql_vec *v);

/* Records the builder's first error (later ones are dropped). */
void tc_gql_builder_fail(tc_gql_builder *b, const char *fmt, ...) TC_PRINTF(2, 3);

/* A type reference parsed from GraphQL syntax ("[Company!]!"), resolved by build; of names the
 * element it belongs to, for the error message. */
const tc_gql_typeref *tc_gql_builder_ref(tc_gql_builder *b, const char *text, const char *of);

/* Adds the specified scalars, the introspection types, the meta-fields and the specified
 * directives to a new builder (schema_meta.c). */
void tc_gql_builder_add_builtins(tc_gql_builder *b);

/* Indexes n named elements (each struct starts with its const char *name) in a; returns -1 and
 * sets *dup to the position of the first name seen twice, else 0. */
int tc_gql_index_build(tc_arena *a, tc_gql_index *idx, void *const *items, size_t n, size_t *dup);
/* The position of name[0..len) in items, or -1. */
long tc_gql_index_find(const tc_gql_index *idx, void *const *items, const char *name, size_t len);

/* A default value as graphql-js keeps it after valueFromAST: coerced to its type r (a single
 * item for a list type becomes a list of one, an input object gets the type's field order with
 * the fields' own defaults filled in, an Int for a Float becomes a float, an Int for an ID its
 * decimal text, enum literals inside a custom scalar strings), in a. NULL when v does not fit r
 * or nests past TC_GQL_VALUE_MAX_DEPTH (schema_default.c). */
const tc_gql_value *tc_gql_default_coerce(tc_arena *a, const tc_gql_typeref *r,
                                          const tc_gql_value *v);

/* Whether name is a GraphQL Name: [_A-Za-z][_0-9A-Za-z]* and at most TC_GQL_NAME_MAX bytes. */
bool tc_gql_name_valid(const char *name);

#endif
