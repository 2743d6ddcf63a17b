/* Cursors as Twenty encodes them (spec §1.7 vector), round trips under composite and relation
 * orders, and strict decoding: every malformed cursor is a 400 "Invalid cursor: …". */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "query/cursor.h"

static tc_model *model;
static tc_arena *arena;

static int setup(void **state)
{
    (void)state;
    tc_uuid ws;
    tc_err e;
    tc_uuid_parse("20202020-1c25-4d02-bf25-6aeccf7ea419", 36, &ws);
    model = tc_model_new(&ws, "core", false);
    arena = tc_arena_new(4096);
    return tc_model_add_standard(model, &e);
}

static int teardown(void **state)
{
    (void)state;
    tc_arena_free(arena);
    tc_model_free(model);
    return 0;
}

static tc_order order_of(const char *object, const char *text)
{
    tc_order o;
    tc_err e;
    if (tc_order_parse(arena, tc_model_object(model, object), text, text ? strlen(text) : 0, &o,
                       &e) != 0)
        fail_msg("%s: %s", text, e.message);
    return o;
}

static const char *b64(const char *json)
{
    char *out = tc_arena_alloc(arena, 4 * strlen(json) / 3 + 8);
    EVP_EncodeBlock((unsigned char *)out, (const unsigned char *)json, (int)strlen(json));
    return out;
}

#define ID "3b5e1234-abcd-0000-0000-000000000001"

static void test_spec_vector(void **state)
{
    (void)state;
    tc_order o = order_of("company", NULL);
    const char *values[] = {"\"" ID "\""};
    char *c;
    tc_err e;
    assert_int_equal(tc_cursor_encode(arena, &o, values, &c, &e), 0);
    assert_string_equal(c, "eyJpZCI6IjNiNWUxMjM0LWFiY2QtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMSJ9");
    tc_cursor_value *v;
    assert_int_equal(tc_cursor_decode(arena, &o, c, strlen(c), &v, &e), 0);
    assert_false(v[0].is_null);
    assert_string_equal(v[0].text, ID);
}

static void test_round_trip(void **state)
{
    (void)state;
    tc_err e;
    char *c;
    tc_cursor_value *v;
    tc_order o = order_of("person", "name.firstName[DescNullsLast],company.name,city,"
                                    "name.lastName,createdAt");
    const char *values[] = {
        "\"Ann\"",   "\"Acme\"", "null", "\"O'Brien \\\"x\\\"\"", "\"2024-01-01T00:00:00.000Z\"",
        "\"" ID "\""};
    assert_int_equal(o.nkeys, 6);
    assert_int_equal(tc_cursor_encode(arena, &o, values, &c, &e), 0);
    /* composite keys share one nested object, in first-appearance order; id last */
    const char *want = b64("{\"name\":{\"firstName\":\"Ann\",\"lastName\":\"O'Brien \\\"x\\\"\"},"
                           "\"company\":{\"name\":\"Acme\"},\"city\":null,"
                           "\"createdAt\":\"2024-01-01T00:00:00.000Z\",\"id\":\"" ID "\"}");
    assert_string_equal(c, want);
    assert_int_equal(tc_cursor_decode(arena, &o, c, strlen(c), &v, &e), 0);
    assert_string_equal(v[0].text, "Ann");
    assert_string_equal(v[1].text, "Acme");
    assert_true(v[2].is_null);
    assert_null(v[2].text);
    assert_string_equal(v[3].text, "O'Brien \"x\"");
    assert_string_equal(v[4].text, "2024-01-01T00:00:00.000Z");
    assert_string_equal(v[5].text, ID);

    tc_order n = order_of("company", "employees[DescNullsFirst],idealCustomerProfile");
    const char *nv[] = {"1250", "true", "\"" ID "\""};
    assert_int_equal(tc_cursor_encode(arena, &n, nv, &c, &e), 0);
    assert_int_equal(tc_cursor_decode(arena, &n, c, strlen(c), &v, &e), 0);
    assert_string_equal(v[0].text, "1250");
    assert_string_equal(v[1].text, "true");

    /* URL-safe alphabet, missing padding and a '+' turned into ' ' are accepted */
    const char *json = "{\"employees\":0.5,\"idealCustomerProfile\":false,\"id\":\"" ID "\"}>";
    char *std = (char *)b64(json);
    assert_int_equal(tc_cursor_decode(arena, &n, std, strlen(std) - 0, &v, &e), -1); /* '>' */
    json = "{\"employees\":0.5,\"idealCustomerProfile\":false,\"id\":\"" ID "\"}";
    std = (char *)b64(json);
    size_t len = strlen(std);
    while (len && std[len - 1] == '=')
        len--;
    assert_int_equal(tc_cursor_decode(arena, &n, std, len, &v, &e), 0);
    assert_string_equal(v[0].text, "0.5");
    assert_string_equal(v[1].text, "false");
}

static void test_invalid(void **state)
{
    (void)state;
    tc_order o = order_of("person", "name.firstName,city");
    const char *const bad_json[] = {
        "[]",
        "\"" ID "\"",
        "{}",
        "not json",
        "{\"name\":{\"firstName\":\"A\"},\"city\":\"x\"}",                 /* no id */
        "{\"name\":{\"firstName\":\"A\"},\"city\":\"x\",\"id\":null}",     /* id null */
        "{\"name\":{\"firstName\":\"A\"},\"city\":\"x\",\"id\":\"nope\"}", /* not a uuid */
        "{\"name\":{\"firstName\":\"A\"},\"city\":\"x\",\"id\":\"" ID "\",\"x\":1}", /* extra */
        "{\"name\":{\"firstName\":\"A\",\"lastName\":\"B\"},\"city\":\"x\",\"id\":\"" ID "\"}",
        "{\"name\":\"A\",\"city\":\"x\",\"id\":\"" ID "\"}",                     /* not nested */
        "{\"city\":\"x\",\"id\":\"" ID "\"}",                                    /* missing key */
        "{\"name\":{\"firstName\":{\"a\":1}},\"city\":\"x\",\"id\":\"" ID "\"}", /* object */
        "{\"name\":{\"firstName\":\"A\"},\"city\":\"x\",\"id\":\"" ID "\",\"id\":\"" ID "\"}",
        "{\"name\":{\"firstName\":\"A\\u0000B\"},\"city\":\"x\",\"id\":\"" ID "\"}",
        "{\"name\":{\"firstName\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]},\"city\":1,\"id\":\"" ID
        "\"}",
    };
    tc_cursor_value *v;
    tc_err e;
    for (size_t i = 0; i < TC_COUNT(bad_json); i++) {
        const char *c = b64(bad_json[i]);
        if (tc_cursor_decode(arena, &o, c, strlen(c), &v, &e) == 0)
            fail_msg("%s: accepted", bad_json[i]);
        assert_int_equal(e.code, TC_E_BAD_REQUEST);
        assert_string_equal(e.reason, "INVALID_CURSOR");
        assert_memory_equal(e.message, "Invalid cursor: ", 16);
    }
    /* a number where the column is a uuid, a string where it is a number */
    tc_order n = order_of("company", "employees");
    const char *c = b64("{\"employees\":\"many\",\"id\":\"" ID "\"}");
    assert_int_equal(tc_cursor_decode(arena, &n, c, strlen(c), &v, &e), -1);

    const char *const bad_b64[] = {"", "a", "!!!!", "eyJp=ZCI6", "ey\n==", "====", "ab=c"};
    for (size_t i = 0; i < TC_COUNT(bad_b64); i++) {
        if (tc_cursor_decode(arena, &o, bad_b64[i], strlen(bad_b64[i]), &v, &e) == 0)
            fail_msg("%s: accepted", bad_b64[i]);
        assert_int_equal(e.code, TC_E_BAD_REQUEST);
    }
    assert_int_equal(tc_cursor_decode(arena, &o, "nope", 4, &v, &e), -1);
    assert_string_equal(e.message, "Invalid cursor: nope");

    static char big[TC_CURSOR_MAX_LEN + 8];
    memset(big, 'A', sizeof(big));
    assert_int_equal(tc_cursor_decode(arena, &o, big, TC_CURSOR_MAX_LEN + 4, &v, &e), -1);
    assert_int_equal(tc_cursor_decode(arena, &o, big, TC_CURSOR_MAX_LEN, &v, &e), -1);

    /* a value too big to encode */
    static char huge[TC_CURSOR_MAX_JSON + 16];
    memset(huge, 'x', sizeof(huge));
    huge[0] = '"';
    huge[sizeof(huge) - 2] = '"';
    huge[sizeof(huge) - 1] = '\0';
    const char *values[] = {huge, "null", "\"" ID "\""};
    char *out;
    assert_int_equal(tc_cursor_encode(arena, &o, values, &out, &e), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_vector),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_invalid),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
