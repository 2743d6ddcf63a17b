/* Input coercion: the specification's CoerceVariableValues (variables given as JSON against an
 * operation's variable definitions) and CoerceArgumentValues (argument literals, with variables
 * substituted, against field or directive argument definitions), producing typed values
 * (graphql/value.h) with graphql-js 16's rules and messages. Also the GraphQL error objects that
 * coercion and execution report ({message, locations, path, extensions}), and graphql-js's
 * inspect() and didYouMean() that their messages are made of.
 *
 * Everything is allocated in the arena the caller passes (a request's); nothing is freed on its
 * own. Nothing here trusts the document to have been validated: what validation would refuse is
 * reported as an error, never a crash. */
#ifndef TC_GRAPHQL_COERCE_H
#define TC_GRAPHQL_COERCE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "graphql/ast.h"
#include "graphql/schema.h"
#include "graphql/value.h"

/* ---- Errors -------------------------------------------------------------------------------- */

/* One step of an error's path: a response key, or a list index when key is NULL. */
typedef struct tc_gql_path_item {
    const char *key;
    size_t index;
} tc_gql_path_item;

/* A GraphQL error as clients see it (spec/twenty-api.md §4.9). */
typedef struct tc_gql_exec_error {
    const char *message;             /* NUL-terminated */
    const tc_gql_ast_loc *locations; /* line and column of each node the error is about */
    size_t nlocations;               /* 0: no "locations" member */
    const tc_gql_path_item *path;    /* from the response root */
    size_t npath;                    /* 0: no "path" member */
    const char *code;                /* extensions.code; NULL: no "extensions" member */
    const char *extensions;          /* more members of "extensions" as already-encoded JSON
                                        ("\"subCode\":\"X\""), or NULL; the caller vouches */
} tc_gql_exec_error;

/* Errors in the order they were raised: the "errors" array of a response. */
typedef struct tc_gql_exec_errors {
    tc_gql_exec_error **items;
    size_t n, cap;
} tc_gql_exec_errors;

/* Extensions codes used by coercion and execution. */
#define TC_GQL_BAD_USER_INPUT "BAD_USER_INPUT"
#define TC_GQL_INTERNAL_ERROR "INTERNAL_SERVER_ERROR"

/* A new error in a with the given extensions code (NULL: none), no locations and no path. */
tc_gql_exec_error *tc_gql_exec_error_new(tc_arena *a, const char *code, const char *message);
/* Adds the line and column of loc to e's locations. */
void tc_gql_exec_error_add_loc(tc_arena *a, tc_gql_exec_error *e, const tc_gql_ast_loc *loc);
/* Appends e to list. */
void tc_gql_exec_errors_add(tc_arena *a, tc_gql_exec_errors *list, tc_gql_exec_error *e);
/* Writes e as one JSON object in graphql-js's member order: message, locations, path,
 * extensions. */
void tc_gql_exec_error_write(tc_json *j, const tc_gql_exec_error *e);

/* ---- Variables ----------------------------------------------------------------------------- */

/* graphql-js execute's maxErrors: past this many variable errors, one more error says
 * "Too many errors processing variables, error limit reached. Execution aborted." */
#define TC_GQL_MAX_VARIABLE_ERRORS 50

/* The coerced variable values of one operation, in definition order. */
typedef struct tc_gql_variables {
    const char **names;          /* NUL-terminated, without the $ */
    const tc_gql_value **values; /* NULL: not provided and no default (the variable is absent) */
    size_t n;
} tc_gql_variables;

/* The value of variable name[0..len), or NULL when it is absent or not defined. vars may be
 * NULL. Linear: an operation defines a few. */
const tc_gql_value *tc_gql_variables_get(const tc_gql_variables *vars, const char *name,
                                         size_t len);

/* CoerceVariableValues for operation op (an OPERATION_DEFINITION): each variable definition
 * against inputs (a JSON object; NULL means {}), with graphql-js 16's rules: a default value when
 * the variable is not given, non-null checks, a single value accepted as a list of one, input
 * objects checked for unknown and missing fields, enums by name, Int within 32 bits, Float
 * finite, String and Boolean strict, ID a string or an integer, custom scalars passed through
 * as JSON. Values nest at most TC_GQL_VALUE_MAX_DEPTH levels. Fills out (in a) and returns 0; or
 * appends errors (code BAD_USER_INPUT, each located at its variable definition, messages such as
 * `Variable "$x" got invalid value 1.5; Int cannot represent non-integer value: 1.5`) to errors
 * and returns -1. */
int tc_gql_coerce_variables(tc_arena *a, const tc_gql_schema *s, const tc_gql_ast_definition *op,
                            const json_t *inputs, tc_gql_variables *out,
                            tc_gql_exec_errors *errors);

/* ---- Arguments ----------------------------------------------------------------------------- */

/* Coerced argument values of one field or directive, in definition order. */
typedef struct tc_gql_args {
    tc_gql_input_value *const *defs;
    const tc_gql_value **values; /* values[i] for defs[i]; NULL: not given and no default */
    size_t n;
} tc_gql_args;

/* The value of argument name, or NULL when it is absent. */
const tc_gql_value *tc_gql_args_get(const tc_gql_args *args, const char *name);

/* CoerceArgumentValues (graphql-js getArgumentValues): the literals in given (variables taken
 * from vars, which may be NULL) against the definitions defs[0..ndefs); defaults fill what is not
 * given; an argument given as a variable that is absent counts as not given. node is the field
 * or directive the arguments belong to (for the location of "not provided" errors). Fills out (in
 * a) and returns 0, or returns -1 with *err set (code BAD_USER_INPUT) to the first problem:
 * `Argument "id" of required type "UUID!" was not provided.`, `... was provided the variable
 * "$v" which was not provided a runtime value.`, `Argument "id" of non-null type "UUID!" must not
 * be null.` or `Argument "n" has invalid value "x".`. */
int tc_gql_coerce_arguments(tc_arena *a, tc_gql_input_value *const *defs, size_t ndefs,
                            const tc_gql_ast_arguments *given, const tc_gql_ast_loc *node,
                            const tc_gql_variables *vars, tc_gql_args *out,
                            tc_gql_exec_error **err);

/* graphql-js valueFromAST: the literal v as a value of type t, variables taken from vars (NULL:
 * none). NULL when it does not fit the type (graphql-js's undefined). */
const tc_gql_value *tc_gql_coerce_literal(tc_arena *a, const tc_gql_ast_value *v,
                                          const tc_gql_typeref *t, const tc_gql_variables *vars);

/* The type an AST type reference names in s (graphql-js typeFromAST), wrappers made in a; NULL
 * when its named type is not in the schema. */
const tc_gql_typeref *tc_gql_coerce_type(tc_arena *a, const tc_gql_schema *s,
                                         const tc_gql_ast_type *t);

/* ---- Helpers shared with execution --------------------------------------------------------- */

/* A JSON value as a typed value in a, as JavaScript would hold it: integers as INT, other
 * numbers as FLOAT, objects in their key order. NULL when it nests deeper than
 * TC_GQL_VALUE_MAX_DEPTH. */
const tc_gql_value *tc_gql_coerce_from_json(tc_arena *a, const json_t *j);

/* Appends graphql-js inspect(v) to out, v read as the JavaScript value it stands for: strings as
 * JSON.stringify writes them, numbers as String(n), objects as `{ a: 1, b: [2] }` with
 * integer-like keys first, nesting past two levels as [Object] or [Array], lists past ten items
 * cut with "... n more items". -1 when out is full. */
int tc_gql_inspect(tc_buf *out, const tc_gql_value *v);

/* Appends graphql-js didYouMean(sub, suggestionList(input, options)) to out: "" or
 * ` Did you mean "a", "b", or "c"?` (sub, when not NULL, goes after "mean "). Options are
 * ranked by graphql-js's lexical distance and natural order, at most five shown. */
int tc_gql_did_you_mean(tc_buf *out, const char *sub, const char *input, size_t input_len,
                        const char *const *options, size_t noptions);

#endif
