/* Prints the Twenty-shaped test schema (graphql/testschema.h) for the differential test against
 * graphql-js (tests/api/graphql_schema.test.js):
 *   print_test_schema                  its SDL (tc_gql_sdl_print, graphql-js printSchema)
 *   print_test_schema --introspection  printIntrospectionSchema's text
 *   print_test_schema --types          the schema's type names in order, one a line
 *   print_test_schema --possible       each abstract type: "Name: Member Member ...", one a line
 * Exit 0, or 1 with a message on stderr. */
#include <stdio.h>
#include <string.h>

#include "graphql/sdl.h"
#include "graphql/testschema.h"

static int print_lists(const tc_gql_schema *s, tc_buf *out, bool possible)
{
    for (size_t i = 0; i < s->ntypes; i++) {
        const tc_gql_type *t = s->types[i];
        if (!possible) {
            tc_buf_printf(out, "%s\n", t->name);
            continue;
        }
        if (!tc_gql_type_is_abstract(t))
            continue;
        tc_buf_adds(out, t->name);
        tc_buf_addc(out, ':');
        for (size_t j = 0; j < t->npossible; j++)
            tc_buf_printf(out, " %s", t->possible[j]->name);
        tc_buf_addc(out, '\n');
    }
    return out->failed ? -1 : 0;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    tc_err e;
    tc_gql_schema *s = tc_gql_testschema_new(&e);
    if (!s) {
        fprintf(stderr, "print_test_schema: %s\n", e.message);
        return 1;
    }
    tc_buf out;
    tc_buf_init(&out, 16 << 20);
    int rc;
    if (strcmp(mode, "--introspection") == 0)
        rc = tc_gql_sdl_print_introspection(s, &out);
    else if (strcmp(mode, "--types") == 0 || strcmp(mode, "--possible") == 0)
        rc = print_lists(s, &out, strcmp(mode, "--possible") == 0);
    else if (!*mode)
        rc = tc_gql_sdl_print(s, &out);
    else {
        fprintf(stderr, "print_test_schema: unknown option %s\n", mode);
        rc = -1;
    }
    if (rc == 0)
        fwrite(out.data ? out.data : "", 1, out.len, stdout);
    tc_buf_fini(&out);
    tc_gql_schema_free(s);
    return rc == 0 ? 0 : 1;
}
