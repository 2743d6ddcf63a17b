/* libFuzzer target for the GraphQL parser and printer (src/graphql/): any input either fails
 * with a well-formed syntax error or parses; a parsed document prints, the printed form parses
 * again and prints to the same bytes (print(parse(print(doc))) == print(doc)). The same checks
 * run on the input read as a lone value and as a lone type. Tight limits only ever refuse more:
 * with them a document parses to the same print, fails on a limit, or fails with the very error
 * the default limits give. A broken property aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "graphql/parser.h"
#include "graphql/print.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PRINT_MAX ((size_t)256 << 20)

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_graphql_parse: %s\n", what);
        abort();
    }
}

/* An error must point inside the source (or just past it) with a message, and make valid JSON. */
static void check_error(const tc_gql_parse_error *e, size_t size)
{
    tc_buf json;
    tc_buf_init(&json, 1 << 20);
    tc_json j;
    tc_json_init(&j, &json);
    tc_gql_parse_error_write(&j, e);
    check(tc_json_ok(&j), "the error does not make valid JSON");
    tc_buf_fini(&json);
    check(e->message != NULL && e->message_len > 14, "error without a message");
    check(memcmp(e->message, "Syntax Error: ", 14) == 0, "message without 'Syntax Error: '");
    check(e->message[e->message_len] == '\0', "message not NUL-terminated");
    check(e->line >= 1 && e->column >= 1, "error location below 1:1");
    check(e->offset <= size, "error offset past the end");
}

/* kind: 0 document, 1 value, 2 type. Prints the parse of src into out (reset first). */
static int parse_print(tc_arena *a, int kind, const char *src, size_t len,
                       const tc_gql_parse_limits *lim, tc_buf *out, tc_gql_parse_error *err)
{
    tc_buf_reset(out);
    if (kind == 0) {
        tc_gql_ast_document *doc = tc_gql_parse(a, src, len, lim, err);
        return doc ? tc_gql_print_document(out, doc) : 1;
    }
    if (kind == 1) {
        tc_gql_ast_value *v = tc_gql_parse_value(a, src, len, false, lim, err);
        return v ? tc_gql_print_ast_value(out, v) : 1;
    }
    tc_gql_ast_type *t = tc_gql_parse_type(a, src, len, lim, err);
    return t ? tc_gql_print_ast_type(out, t) : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tc_arena *a = tc_arena_new(4096);
    tc_buf first, second;
    tc_buf_init(&first, PRINT_MAX);
    tc_buf_init(&second, PRINT_MAX);
    /* The printed form is larger than the source (indentation), so the reparse gets room. */
    tc_gql_parse_limits reparse = {PRINT_MAX, 0, 0};
    for (int kind = 0; kind < 3; kind++) {
        tc_gql_parse_error err;
        int rc = parse_print(a, kind, (const char *)data, size, NULL, &first, &err);
        if (rc == 1) {
            check_error(&err, size);
            continue;
        }
        check(rc == 0, "printing failed");
        rc = parse_print(a, kind, first.data, first.len, &reparse, &second, &err);
        if (rc == 1)
            fprintf(stderr, "printed:\n%s\nerror: %d:%d %s\n", first.data, err.line, err.column,
                    err.message);
        check(rc == 0, "the printed form does not parse");
        if (first.len != second.len || memcmp(first.data, second.data, first.len) != 0)
            fprintf(stderr, "first:\n%s\nsecond:\n%s\n", first.data, second.data);
        check(first.len == second.len && memcmp(first.data, second.data, first.len) == 0,
              "print(parse(print(doc))) != print(doc)");
    }

    /* tight limits against the defaults */
    static const tc_gql_parse_limits tight = {2048, 200, 6};
    tc_gql_parse_error def, lim;
    int rc_def = parse_print(a, 0, (const char *)data, size, NULL, &first, &def);
    int rc_lim = parse_print(a, 0, (const char *)data, size, &tight, &second, &lim);
    if (rc_lim == 0) {
        check(rc_def == 0 && first.len == second.len &&
                  memcmp(first.data, second.data, first.len) == 0,
              "a document within tight limits prints differently with the defaults");
    } else if (lim.limit == TC_GQL_LIMIT_NONE) {
        check(rc_def == 1 && def.limit == TC_GQL_LIMIT_NONE && def.offset == lim.offset &&
                  def.message_len == lim.message_len &&
                  memcmp(def.message, lim.message, def.message_len) == 0,
              "a syntax error under tight limits differs from the one under the defaults");
    } else {
        check(lim.limit == TC_GQL_LIMIT_BYTES ? size > tight.max_bytes : 1,
              "the size limit refused a document within it");
    }
    tc_buf_fini(&first);
    tc_buf_fini(&second);
    tc_arena_free(a);
    return 0;
}
