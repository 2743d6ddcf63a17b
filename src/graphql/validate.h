/* Validation of an executable GraphQL document against a schema: every rule of the October 2021
 * specification's Validation section that applies to executable documents, as graphql-js 16's
 * specifiedRules implements them, with graphql-js's messages, locations and error order, so that
 * a client of twentyc sees what a client of Twenty sees. Work is bounded: at most max_errors
 * errors are kept (then validation stops, as graphql-js does), and what is more than linear in
 * graphql-js (overlapping fields, fragments reached from many operations) has a budget. Memory is
 * linear in the document. Everything lives in the caller's arena. */
#ifndef TC_GRAPHQL_VALIDATE_H
#define TC_GRAPHQL_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/json.h"
#include "graphql/ast.h"
#include "graphql/schema.h"

#define TC_GQL_VALIDATE_MAX_ERRORS 100 /* graphql-js's default maxErrors */
/* Units of work one document may spend, twice, where validation is more than linear: field pairs
 * and fragment pairs compared by the overlapping-fields rule; fragments reached from each
 * operation and the variables they use. A typical query spends a few dozen of each; graphql-js
 * has no such bound (a 100 kB document of 2,500 operations spreading 2,400 fragments takes it
 * 22 s, a 1 kB document with a fragment cycle overflows its stack). */
#define TC_GQL_VALIDATE_MAX_WORK 200000
/* Nesting of the overlapping-fields rule's comparisons through fragments (a chain of fragments,
 * each selecting a field that spreads the next, nests once per fragment; a cycle without end). */
#define TC_GQL_VALIDATE_MAX_OVERLAP_DEPTH 256

/* graphql-js's message once max_errors errors were reported and another one comes. */
#define TC_GQL_VALIDATE_TOO_MANY                                                                   \
    "Too many validation errors, error limit reached. Validation aborted."
/* twentyc's own messages (no location). The overlapping-fields rule past its budget or depth
 * bound gives up on the document with the first, and the other rules go on; past the budget for
 * fragments reached from operations validation stops with the second. */
#define TC_GQL_VALIDATE_TOO_COMPLEX_FIELDS                                                         \
    "The document is too complex to check that its fields can be merged (too many fields or "      \
    "fragments to compare)."
#define TC_GQL_VALIDATE_TOO_COMPLEX                                                                \
    "The document is too complex to validate (too many fragments reached from its operations). "   \
    "Validation aborted."

/* A literal check for a custom scalar (graphql-js parseLiteral). Returns 0 when lit (a literal
 * that may hold variables inside lists and objects) is a valid value of scalar; -1 when it is not,
 * with *detail set to a reason (the message is then `Expected value of type "T", found lit;
 * reason`) or left NULL (`Expected value of type "T", found lit.`). Without a callback every
 * literal is accepted, as for a custom scalar of graphql-js's buildSchema. */
typedef int (*tc_gql_scalar_literal_fn)(void *ctx, const tc_gql_type *scalar,
                                        const tc_gql_ast_value *lit, const char **detail);

/* Options; a zero member takes its default. */
typedef struct tc_gql_validate_options {
    size_t max_errors; /* TC_GQL_VALIDATE_MAX_ERRORS */
    size_t max_work;   /* TC_GQL_VALIDATE_MAX_WORK */
    tc_gql_scalar_literal_fn scalar_literal;
    void *scalar_ctx;
} tc_gql_validate_options;

typedef struct tc_gql_error_location {
    uint32_t line;   /* 1-based */
    uint32_t column; /* 1-based, UTF-16 code units (graphql-js's columns) */
} tc_gql_error_location;

/* One error: a message and the locations of the nodes it names, in graphql-js's order;
 * nlocations is 0 for the limit messages. The message is NUL-terminated but may hold NUL bytes
 * (a block string quoted as written), so message_len is authoritative. */
typedef struct tc_gql_validation_error {
    const char *message;
    size_t message_len;
    const tc_gql_error_location *locations;
    size_t nlocations;
} tc_gql_validation_error;

typedef struct tc_gql_validation {
    tc_gql_validation_error *errors; /* in graphql-js's order */
    size_t n;
    bool aborted; /* a limit stopped validation; the last error says which */
    size_t work;  /* units of both work budgets spent (see TC_GQL_VALIDATE_MAX_WORK) */
} tc_gql_validation;

/* Validates doc (from tc_gql_parse) against s. Every error, message and location goes to a;
 * nothing else is allocated that outlives the call. opt may be NULL for the defaults. Fills out
 * and returns out->n: 0 when the document is valid. */
size_t tc_gql_validate(tc_arena *a, const tc_gql_schema *s, const tc_gql_ast_document *doc,
                       const tc_gql_validate_options *opt, tc_gql_validation *out);

/* Writes one error as a GraphQL error object (spec/twenty-api.md §4.9):
 * {"message":…,"locations":[{"line":…,"column":…}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}
 * (locations left out when there are none). */
void tc_gql_validation_error_write(tc_json *j, const tc_gql_validation_error *e);

/* Writes every error of r as a JSON array of such objects. */
void tc_gql_validation_write(tc_json *j, const tc_gql_validation *r);

#endif
