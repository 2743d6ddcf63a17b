/* A schema shaped like the GraphQL API Twenty generates for a workspace (spec/twenty-api.md §4),
 * built from a small table of objects the way Twenty's generator builds it from metadata: for
 * company, person, opportunity, task, note, taskTarget, noteTarget and workspaceMember (with
 * their relations both ways), the object type, its Edge and Connection (with the
 * aggregate fields), Filter/OrderBy/Create/Update/Relation inputs, SELECT enums with their
 * filters, composites (FullName, Links, Currency, Emails, Phones, Address, Actor, RichTextV2)
 * with their inputs, the shared scalar filters, PageInfo, OrderByDirection, findMany/findOne/
 * findDuplicates queries, the create/update/delete/destroy/restore/merge mutations and search.
 *
 * Beyond Twenty, so that every kind of the model is exercised: an interface Node implemented by
 * an interface Record and by every record type, a union AnyRecord, a `records` query with default
 * values of every kind and deprecated arguments, a repeatable custom directive, descriptions that
 * need every quoting rule of the SDL printer, and deprecated fields, input fields and enum values.
 *
 * Used by the unit tests, the differential test against graphql-js (tests/graphql_tools) and the
 * GraphQL benchmark. */
#ifndef TC_GRAPHQL_TESTSCHEMA_H
#define TC_GRAPHQL_TESTSCHEMA_H

#include "base/err.h"
#include "graphql/schema.h"

/* Builds the schema; free it with tc_gql_schema_free. NULL with e filled if it does not build
 * (a bug: the unit tests build it). */
tc_gql_schema *tc_gql_testschema_new(tc_err *e);

#endif
