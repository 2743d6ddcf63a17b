/* Introspection answered from the schema model (graphql-js 16's type/introspection.js): the
 * meta-fields __schema and __type(name:) on the query type and every field of __Schema, __Type,
 * __Field, __InputValue, __EnumValue and __Directive, so that getIntrospectionQuery() with every
 * option (descriptions, specifiedByUrl, directiveIsRepeatable, schemaDescription,
 * inputValueDeprecation) loads a twentyc schema in GraphiQL, graphql-codegen or Apollo tooling.
 * Deprecated fields, arguments, input fields and enum values are left out unless
 * includeDeprecated is true. The executor (graphql/execute.h) calls this; __typename it answers
 * itself. */
#ifndef TC_GRAPHQL_INTROSPECT_H
#define TC_GRAPHQL_INTROSPECT_H

#include "graphql/execute.h"

/* Resolves info->field on parent, where info->parent_type is an introspection type or the field
 * is __schema or __type. Objects are schema elements, {element, 0}: the schema for __Schema, a
 * tc_gql_typeref for __Type (wrappers included), a tc_gql_field, tc_gql_input_value,
 * tc_gql_enum_value or tc_gql_directive for the others. Lists it filters are allocated in the
 * execution's arena; strings point into the schema (or the arena for default values). */
tc_gql_result tc_gql_introspect_resolve(tc_gql_exec *x, tc_gql_obj parent,
                                        const tc_gql_resolve_info *info);

#endif
