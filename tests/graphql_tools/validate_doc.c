/* Validates GraphQL documents against the Twenty-shaped test schema (graphql/testschema.h) for
 * the differential test against graphql-js (tests/api/graphql_validate.test.js):
 *   validate_doc            one document on stdin
 *   validate_doc --batch    documents on stdin, each framed as "<byte length>\n<bytes>"
 * For each document one JSON line on stdout: {"errors":[...],"work":n} (graphql-js's validate()
 * result in GraphQL's error shape, [] when valid; the units of the work budget spent) or
 * {"parse":{...}} when it does not parse. Exit 0, or 1
 * with a message on stderr when the input or the schema is broken. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graphql/parser.h"
#include "graphql/print.h"
#include "graphql/testschema.h"
#include "graphql/validate.h"

#define INPUT_MAX ((size_t)256 << 20)

static char *read_all(size_t *len)
{
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, stdin)) > 0) {
        n += got;
        if (n == cap) {
            if (cap >= INPUT_MAX) {
                free(buf);
                return NULL;
            }
            cap *= 2;
            char *grown = realloc(buf, cap);
            if (!grown)
                free(buf);
            buf = grown;
        }
    }
    *len = n;
    return buf;
}

static void validate_one(const tc_gql_schema *s, const char *src, size_t len, tc_buf *out)
{
    tc_arena *a = tc_arena_new(1 << 16);
    tc_gql_parse_error perr;
    tc_gql_ast_document *doc = tc_gql_parse(a, src, len, NULL, &perr);
    tc_json j;
    tc_buf_reset(out);
    tc_json_init(&j, out);
    tc_json_obj_begin(&j);
    if (!doc) {
        tc_json_key(&j, "parse");
        tc_gql_parse_error_write(&j, &perr);
    } else {
        tc_gql_validation r;
        tc_gql_validate(a, s, doc, NULL, &r);
        tc_json_key(&j, "errors");
        tc_gql_validation_write(&j, &r);
        tc_json_kv_int(&j, "work", (int64_t)r.work);
    }
    tc_json_obj_end(&j);
    tc_buf_addc(out, '\n');
    fwrite(out->data, 1, out->len, stdout);
    tc_arena_free(a);
}

int main(int argc, char **argv)
{
    bool batch = argc > 1 && strcmp(argv[1], "--batch") == 0;
    tc_err e;
    tc_gql_schema *s = tc_gql_testschema_new(&e);
    if (!s) {
        fprintf(stderr, "validate_doc: %s\n", e.message);
        return 1;
    }
    size_t len;
    char *in = read_all(&len);
    if (!in) {
        fprintf(stderr, "validate_doc: cannot read stdin\n");
        tc_gql_schema_free(s);
        return 1;
    }
    tc_buf out;
    tc_buf_init(&out, INPUT_MAX);
    int rc = 0;
    if (!batch) {
        validate_one(s, in, len, &out);
    } else {
        size_t pos = 0;
        while (pos < len) {
            char *end;
            unsigned long long n = strtoull(in + pos, &end, 10);
            if (end == in + pos || *end != '\n' || n > len - (size_t)(end + 1 - in)) {
                fprintf(stderr, "validate_doc: bad frame at byte %zu\n", pos);
                rc = 1;
                break;
            }
            pos = (size_t)(end + 1 - in);
            validate_one(s, in + pos, (size_t)n, &out);
            pos += (size_t)n;
        }
    }
    fflush(stdout);
    tc_buf_fini(&out);
    free(in);
    tc_gql_schema_free(s);
    return rc;
}
