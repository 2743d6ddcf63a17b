/* Schema -> SDL, in graphql-js 16's canonical form: tc_gql_sdl_print gives the same text as
 * printSchema() for the same schema, byte for byte. Types print in the schema's type order (the
 * order they were added to the builder), which printSchema(buildSchema(text)) keeps, so the
 * printed text survives that round trip unchanged. */
#ifndef TC_GRAPHQL_SDL_H
#define TC_GRAPHQL_SDL_H

#include "base/buf.h"
#include "graphql/schema.h"
#include "graphql/value.h"

/* Appends the schema's SDL to out without a trailing newline, as printSchema: the schema
 * definition when it has a description or roots not named Query/Mutation/Subscription, the
 * caller's directives, then the caller's types (built-in scalars, specified directives and
 * introspection types left out). 0, or -1 when out is full. */
int tc_gql_sdl_print(const tc_gql_schema *s, tc_buf *out);

/* Appends what graphql-js printIntrospectionSchema prints: the specified directives and the
 * introspection types. 0, or -1 when out is full. */
int tc_gql_sdl_print_introspection(const tc_gql_schema *s, tc_buf *out);

/* Appends one type's definition as printType. 0, or -1 when out is full. */
int tc_gql_sdl_print_type(const tc_gql_type *t, tc_buf *out);

/* Appends v as a GraphQL literal of input type r, as graphql-js print(astFromValue(v, r)) does:
 * input object fields in the type's field order, enum values bare, an ID that looks like an
 * integer unquoted, floats in JavaScript's form (2.0 prints 2). This is also introspection's
 * __InputValue.defaultValue. A value that does not fit r prints as its closest literal. 0, or -1
 * when out is full or v nests past TC_GQL_VALUE_MAX_DEPTH. */
int tc_gql_sdl_print_value(const tc_gql_value *v, const tc_gql_typeref *r, tc_buf *out);

/* Appends a description the way printDescription does: a block string when the text allows it,
 * else a quoted string; every line after the first indented by indent. */
int tc_gql_sdl_print_description(const char *text, const char *indent, tc_buf *out);

#endif
