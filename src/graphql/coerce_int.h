/* Private to the coercion files (coerce.c, coerce_ast.c, coerce_inspect.c), execution and their
 * tests: JavaScript's ways of printing values, used to build graphql-js's messages. */
#ifndef TC_GRAPHQL_COERCE_INT_H
#define TC_GRAPHQL_COERCE_INT_H

#include "graphql/coerce.h"

/* Largest message coercion and execution build (a message quotes the value it refuses). */
#define TC_GQL_MESSAGE_MAX ((size_t)1 << 20)

/* String(n) of the JavaScript number an int64 or a double stands for. */
void tc_gql_js_int(tc_buf *out, int64_t i);
void tc_gql_js_float(tc_buf *out, double f);
/* JSON.stringify(s). */
void tc_gql_js_string(tc_buf *out, const char *s, size_t n);

/* Positions of obj's fields in Object.keys() order: array-index keys ("0", "12") ascending,
 * then the others in insertion order. Allocated in a. */
size_t *tc_gql_js_key_order(tc_arena *a, const tc_gql_value *obj);

/* Copies the text of b into a as a message (a placeholder when b overflowed) and frees b. */
const char *tc_gql_message_take(tc_arena *a, tc_buf *b);

/* The message built in b, as a new error with code, located at loc (NULL: nowhere). */
tc_gql_exec_error *tc_gql_exec_error_take(tc_arena *a, const char *code, tc_buf *b,
                                          const tc_gql_ast_loc *loc);

/* graphql-js parseValue of a leaf type on value v (not null): the coerced value, or NULL with
 * the message appended to msg. */
const tc_gql_value *tc_gql_leaf_parse(tc_arena *a, const tc_gql_type *t, const tc_gql_value *v,
                                      tc_buf *msg);

#endif
