/* Private to the executor (execute.c, execute_leaf.c) and its tests. */
#ifndef TC_GRAPHQL_EXECUTE_INT_H
#define TC_GRAPHQL_EXECUTE_INT_H

#include "graphql/execute.h"

/* graphql-js serialize() of leaf type t (a scalar or an enum) on v, which stands for the
 * JavaScript value a resolver returned (not null): writes the serialized value with j and
 * returns 0, or appends graphql-js's message ("Int cannot represent non-integer value: 1.5") to
 * msg and returns -1. Custom scalars write v as JSON (-1 when that would nest past the
 * writer's depth). */
int tc_gql_exec_serialize(tc_json *j, const tc_gql_type *t, const tc_gql_value *v, tc_buf *msg);

/* JavaScript's Number(s) for a string: NaN (returned as false) for text that is not a number. */
bool tc_gql_js_to_number(const char *s, size_t n, double *out);

#endif
