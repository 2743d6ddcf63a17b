/* libFuzzer target for GraphQL validation (src/graphql/validate.h): any input that parses is
 * validated against the Twenty-shaped test schema (graphql/testschema.h). Properties: validation
 * terminates within its limits (at most max_errors + 1 errors, the last one the limit message
 * when aborted); every error has a message and locations inside the document; the
 * errors write as valid JSON; validating again with a lower error limit reports the same first
 * errors (so the result does not depend on state left by an earlier error). A broken property
 * aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "graphql/parser.h"
#include "graphql/testschema.h"
#include "graphql/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_graphql_validate: %s\n", what);
        abort();
    }
}

static const tc_gql_schema *schema(void)
{
    static tc_gql_schema *s;
    if (!s) {
        tc_err e;
        s = tc_gql_testschema_new(&e);
        check(s != NULL, "the test schema does not build");
    }
    return s;
}

static void check_result(const tc_gql_validation *r, size_t max_errors, uint32_t lines)
{
    check(r->n <= max_errors + 1, "more errors than the limit allows");
    if (r->n == max_errors + 1)
        check(r->aborted, "past the limit without aborting");
    if (r->aborted)
        check(r->n > 0 && r->errors[r->n - 1].nlocations == 0, "abort without its message");
    for (size_t i = 0; i < r->n; i++) {
        const tc_gql_validation_error *e = &r->errors[i];
        check(e->message && e->message_len && e->message[e->message_len] == '\0',
              "empty or unterminated message");
        for (size_t k = 0; k < e->nlocations; k++)
            check(e->locations[k].line >= 1 && e->locations[k].line <= lines &&
                      e->locations[k].column >= 1,
                  "location outside the document");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tc_arena *a = tc_arena_new(1 << 14);
    tc_gql_parse_error perr;
    tc_gql_ast_document *doc = tc_gql_parse(a, (const char *)data, size, NULL, &perr);
    if (!doc) {
        tc_arena_free(a);
        return 0;
    }
    uint32_t lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'));

    tc_gql_validation full;
    tc_gql_validate(a, schema(), doc, NULL, &full);
    check_result(&full, TC_GQL_VALIDATE_MAX_ERRORS, lines);

    tc_buf out;
    tc_buf_init(&out, (size_t)64 << 20);
    tc_json j;
    tc_json_init(&j, &out);
    tc_gql_validation_write(&j, &full);
    check(tc_json_ok(&j), "the errors do not write as JSON");
    tc_buf_fini(&out);

    tc_gql_validate_options few = {.max_errors = 2};
    tc_gql_validation first;
    tc_gql_validate(a, schema(), doc, &few, &first);
    check_result(&first, 2, lines);
    size_t same = first.aborted ? first.n - 1 : first.n;
    check(same <= full.n, "fewer errors with a higher limit");
    for (size_t i = 0; i < same; i++)
        check(first.errors[i].message_len == full.errors[i].message_len &&
                  memcmp(first.errors[i].message, full.errors[i].message,
                         full.errors[i].message_len) == 0 &&
                  first.errors[i].nlocations == full.errors[i].nlocations,
              "a lower error limit changes the first errors");
    tc_arena_free(a);
    return 0;
}
