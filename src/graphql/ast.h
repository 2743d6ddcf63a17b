/* The syntax tree of an executable GraphQL document (October 2021 specification), as built by
 * tc_gql_parse (graphql/parser.h) and read by the printer, validation and execution. Every node
 * lives in the arena the parser was given and records where it starts in the source; every name
 * and value is a NUL-terminated copy in that arena, so the source may be freed after parsing. */
#ifndef TC_GRAPHQL_AST_H
#define TC_GRAPHQL_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Node kinds with graphql-js's Kind names (the "kind" of its AST nodes). */
#define TC_GQL_AST_KINDS(X)                                                                        \
    X(DOCUMENT, "Document")                                                                        \
    X(OPERATION_DEFINITION, "OperationDefinition")                                                 \
    X(VARIABLE_DEFINITION, "VariableDefinition")                                                   \
    X(SELECTION_SET, "SelectionSet")                                                               \
    X(FIELD, "Field")                                                                              \
    X(ARGUMENT, "Argument")                                                                        \
    X(FRAGMENT_SPREAD, "FragmentSpread")                                                           \
    X(INLINE_FRAGMENT, "InlineFragment")                                                           \
    X(FRAGMENT_DEFINITION, "FragmentDefinition")                                                   \
    X(VARIABLE, "Variable")                                                                        \
    X(INT, "IntValue")                                                                             \
    X(FLOAT, "FloatValue")                                                                         \
    X(STRING, "StringValue")                                                                       \
    X(BOOLEAN, "BooleanValue")                                                                     \
    X(NULL, "NullValue")                                                                           \
    X(ENUM, "EnumValue")                                                                           \
    X(LIST, "ListValue")                                                                           \
    X(OBJECT, "ObjectValue")                                                                       \
    X(OBJECT_FIELD, "ObjectField")                                                                 \
    X(DIRECTIVE, "Directive")                                                                      \
    X(NAMED_TYPE, "NamedType")                                                                     \
    X(LIST_TYPE, "ListType")                                                                       \
    X(NON_NULL_TYPE, "NonNullType")

typedef enum tc_gql_ast_kind {
#define TC_GQL_AST_KIND_ENUM(name, text) TC_GQL_AST_##name,
    TC_GQL_AST_KINDS(TC_GQL_AST_KIND_ENUM)
#undef TC_GQL_AST_KIND_ENUM
        TC_GQL_AST_KIND_COUNT
} tc_gql_ast_kind;

/* graphql-js's name of a kind ("OperationDefinition"); "?" for a value outside the enum. */
const char *tc_gql_ast_kind_name(tc_gql_ast_kind k);

typedef enum tc_gql_op { TC_GQL_OP_QUERY, TC_GQL_OP_MUTATION, TC_GQL_OP_SUBSCRIPTION } tc_gql_op;

/* "query", "mutation", "subscription" (the keyword); "?" outside the enum. */
const char *tc_gql_op_name(tc_gql_op op);

/* Where a node starts and ends. line and column are 1-based; columns count UTF-16 code units
 * from the start of the line, as graphql-js does, so locations in errors match Twenty's. start
 * and end are byte offsets in the source (end is one past the node's last token). */
typedef struct tc_gql_ast_loc {
    uint32_t line;
    uint32_t column;
    uint32_t start;
    uint32_t end;
} tc_gql_ast_loc;

/* A name: s is NULL when the name is absent (an alias, an anonymous operation). */
typedef struct tc_gql_ast_name {
    const char *s; /* NUL-terminated; names are ASCII [_A-Za-z][_0-9A-Za-z]* */
    size_t len;
    tc_gql_ast_loc loc;
} tc_gql_ast_name;

typedef struct tc_gql_ast_value tc_gql_ast_value;
typedef struct tc_gql_ast_type tc_gql_ast_type;
typedef struct tc_gql_ast_directive tc_gql_ast_directive;
typedef struct tc_gql_ast_argument tc_gql_ast_argument;
typedef struct tc_gql_ast_object_field tc_gql_ast_object_field;
typedef struct tc_gql_ast_selection tc_gql_ast_selection;
typedef struct tc_gql_ast_selection_set tc_gql_ast_selection_set;
typedef struct tc_gql_ast_variable_definition tc_gql_ast_variable_definition;
typedef struct tc_gql_ast_definition tc_gql_ast_definition;

/* Lists are arrays of node pointers in source order; n == 0 (items NULL) when empty. */
typedef struct tc_gql_ast_arguments {
    tc_gql_ast_argument **items;
    size_t n;
} tc_gql_ast_arguments;

typedef struct tc_gql_ast_directives {
    tc_gql_ast_directive **items;
    size_t n;
} tc_gql_ast_directives;

/* A value literal. kind is one of VARIABLE, INT, FLOAT, STRING, BOOLEAN, NULL, ENUM, LIST,
 * OBJECT. */
struct tc_gql_ast_value {
    tc_gql_ast_kind kind;
    tc_gql_ast_loc loc;
    union {
        /* VARIABLE: the name after '$' (its loc is the name's; the value's loc starts at '$') */
        tc_gql_ast_name variable;
        /* INT, FLOAT: the literal as written ("-12", "1.5e3"); ENUM: the name; STRING: the
         * value after escapes and (for block strings) the spec's BlockStringValue(), UTF-8 that
         * may contain NUL bytes, so len is authoritative. NUL-terminated in every case. */
        struct {
            const char *s;
            size_t len;
            bool block; /* STRING written as a """block string""" */
        } scalar;
        bool boolean; /* BOOLEAN */
        struct {
            tc_gql_ast_value **items;
            size_t n;
        } list; /* LIST */
        struct {
            tc_gql_ast_object_field **items;
            size_t n;
        } object; /* OBJECT */
    } u;
};

/* name: value inside an object literal (kind OBJECT_FIELD). */
struct tc_gql_ast_object_field {
    tc_gql_ast_loc loc;
    tc_gql_ast_name name;
    tc_gql_ast_value *value;
};

/* name: value in a field's or directive's arguments (kind ARGUMENT). */
struct tc_gql_ast_argument {
    tc_gql_ast_loc loc;
    tc_gql_ast_name name;
    tc_gql_ast_value *value;
};

/* @name(arguments) (kind DIRECTIVE). */
struct tc_gql_ast_directive {
    tc_gql_ast_loc loc;
    tc_gql_ast_name name;
    tc_gql_ast_arguments arguments;
};

/* A type reference: NAMED_TYPE (name), LIST_TYPE or NON_NULL_TYPE (of). A NON_NULL_TYPE never
 * wraps another NON_NULL_TYPE. */
struct tc_gql_ast_type {
    tc_gql_ast_kind kind;
    tc_gql_ast_loc loc;
    tc_gql_ast_name name; /* NAMED_TYPE */
    tc_gql_ast_type *of;  /* LIST_TYPE, NON_NULL_TYPE */
};

/* One selection: kind FIELD, FRAGMENT_SPREAD or INLINE_FRAGMENT. Members that a kind does not
 * have are zero (absent names have s == NULL). */
struct tc_gql_ast_selection {
    tc_gql_ast_kind kind;
    tc_gql_ast_loc loc;
    tc_gql_ast_name alias;                   /* FIELD, optional */
    tc_gql_ast_name name;                    /* FIELD: the field; FRAGMENT_SPREAD: the fragment */
    tc_gql_ast_arguments arguments;          /* FIELD */
    tc_gql_ast_type *type_condition;         /* INLINE_FRAGMENT, optional (a NAMED_TYPE) */
    tc_gql_ast_directives directives;        /* every kind */
    tc_gql_ast_selection_set *selection_set; /* FIELD (NULL for a leaf), INLINE_FRAGMENT */
};

/* { selections } (kind SELECTION_SET); never empty when parsed. */
struct tc_gql_ast_selection_set {
    tc_gql_ast_loc loc;
    tc_gql_ast_selection **items;
    size_t n;
};

/* $name: Type = default @directives (kind VARIABLE_DEFINITION). */
struct tc_gql_ast_variable_definition {
    tc_gql_ast_loc loc;
    tc_gql_ast_value *variable; /* a VARIABLE value; its loc starts at '$' */
    tc_gql_ast_type *type;
    tc_gql_ast_value *default_value; /* NULL when absent; constant (no variables) when parsed */
    tc_gql_ast_directives directives;
};

typedef struct tc_gql_ast_variable_definitions {
    tc_gql_ast_variable_definition **items;
    size_t n;
} tc_gql_ast_variable_definitions;

/* An executable definition: OPERATION_DEFINITION or FRAGMENT_DEFINITION. */
struct tc_gql_ast_definition {
    tc_gql_ast_kind kind;
    tc_gql_ast_loc loc;
    tc_gql_op operation;                       /* OPERATION_DEFINITION */
    bool shorthand;                            /* OPERATION_DEFINITION written as a bare { ... } */
    tc_gql_ast_name name;                      /* optional for operations, required for fragments */
    tc_gql_ast_variable_definitions variables; /* OPERATION_DEFINITION */
    tc_gql_ast_type *type_condition;           /* FRAGMENT_DEFINITION (a NAMED_TYPE) */
    tc_gql_ast_directives directives;
    tc_gql_ast_selection_set *selection_set;
};

/* A whole document (kind DOCUMENT): at least one definition when parsed. */
typedef struct tc_gql_ast_document {
    tc_gql_ast_loc loc;
    tc_gql_ast_definition **items;
    size_t n;
    size_t tokens; /* tokens read (comments and <EOF> not counted) */
} tc_gql_ast_document;

#endif
