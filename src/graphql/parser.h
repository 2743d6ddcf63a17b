/* Recursive-descent parser for executable GraphQL documents (October 2021 specification):
 * operations (query, mutation, subscription, the { ... } shorthand), variable definitions,
 * directives, fields, fragments, every value and type form. Type system definitions (schema,
 * type, extend ...) are a syntax error. Errors have graphql-js 16's messages and locations.
 * Bounded: document size, token count and nesting depth are limits, and all recursion is bounded
 * by the depth limit. Everything is allocated in the caller's arena. */
#ifndef TC_GRAPHQL_PARSER_H
#define TC_GRAPHQL_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "graphql/ast.h"
#include "graphql/lexer.h"

#define TC_GQL_DEFAULT_MAX_BYTES ((size_t)1 << 20) /* 1 MiB of source */
#define TC_GQL_DEFAULT_MAX_TOKENS 50000            /* tokens, comments not counted */
#define TC_GQL_DEFAULT_MAX_DEPTH 64 /* nested selection sets, list/object values, list types */

/* Limits on one document; a zero member takes its default. Exceeding one is a syntax error
 * naming the limit, with tc_gql_parse_error.limit set. */
typedef struct tc_gql_parse_limits {
    size_t max_bytes;
    size_t max_tokens;
    unsigned max_depth;
} tc_gql_parse_limits;

/* Parses src[0..len) (UTF-8; it need not be NUL-terminated and may be freed afterwards) into a
 * document in arena a. limits may be NULL for the defaults. Returns the document, or NULL with
 * err (when not NULL) filled, its message in a. */
tc_gql_ast_document *tc_gql_parse(tc_arena *a, const char *src, size_t len,
                                  const tc_gql_parse_limits *limits, tc_gql_parse_error *err);

/* One value literal alone (graphql-js parseValue / parseConstValue): src holds exactly one value
 * and nothing else. is_const refuses variables. Returns NULL with err filled on error. */
tc_gql_ast_value *tc_gql_parse_value(tc_arena *a, const char *src, size_t len, bool is_const,
                                     const tc_gql_parse_limits *limits, tc_gql_parse_error *err);

/* One type reference alone (graphql-js parseType), e.g. "[String!]!". */
tc_gql_ast_type *tc_gql_parse_type(tc_arena *a, const char *src, size_t len,
                                   const tc_gql_parse_limits *limits, tc_gql_parse_error *err);

#endif
