/* Names of the syntax tree's enums (graphql/ast.h). */
#include "graphql/ast.h"

static const char *const kind_names[] = {
#define TC_GQL_AST_KIND_NAME(name, text) text,
    TC_GQL_AST_KINDS(TC_GQL_AST_KIND_NAME)
#undef TC_GQL_AST_KIND_NAME
};

const char *tc_gql_ast_kind_name(tc_gql_ast_kind k)
{
    return (unsigned)k < TC_GQL_AST_KIND_COUNT ? kind_names[k] : "?";
}

const char *tc_gql_op_name(tc_gql_op op)
{
    switch (op) {
    case TC_GQL_OP_QUERY: return "query";
    case TC_GQL_OP_MUTATION: return "mutation";
    case TC_GQL_OP_SUBSCRIPTION: return "subscription";
    }
    return "?";
}
