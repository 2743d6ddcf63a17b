/* Prints a syntax tree (graphql/ast.h) in canonical form: byte for byte what graphql-js 16's
 * print() produces for the same document, so print(parse(doc)) can be compared with graphql-js
 * and reparsing a printed document prints it again unchanged. */
#ifndef TC_GRAPHQL_PRINT_H
#define TC_GRAPHQL_PRINT_H

#include "base/buf.h"
#include "base/json.h"
#include "graphql/ast.h"
#include "graphql/lexer.h"

/* Appends the canonical form of doc to out (no trailing newline). Returns 0, or -1 when out
 * reached its maximum (out->failed is then set). */
int tc_gql_print_document(tc_buf *out, const tc_gql_ast_document *doc);

/* One value literal or type reference, as graphql-js prints it inside a document. */
int tc_gql_print_ast_value(tc_buf *out, const tc_gql_ast_value *v);
int tc_gql_print_ast_type(tc_buf *out, const tc_gql_ast_type *t);

/* A string value as graphql-js's printString() (a "quoted" literal with control characters, '"'
 * and '\' escaped) and printBlockString() ("""block""" form). s holds n bytes of UTF-8. */
int tc_gql_print_string(tc_buf *out, const char *s, size_t n);
int tc_gql_print_block_string(tc_buf *out, const char *s, size_t n);

/* A syntax error as one GraphQL error object (spec/twenty-api.md §4.9):
 * {"message":…,"locations":[{"line":…,"column":…}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}} */
void tc_gql_parse_error_write(tc_json *j, const tc_gql_parse_error *e);

#endif
