/* Unit tests for error codes (base/err.h): tc_err_set/detail/clear, and the name, HTTP status and
 * client code of every row of the TC_ERRORS table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/err.h"

static int fail_with(tc_err *e, const char *what, int n)
{
    return tc_err_set(e, TC_E_BAD_REQUEST, "bad %s %d", what, n);
}

static void test_set(void **state)
{
    (void)state;
    tc_err e;
    memset(&e, 'J', sizeof e); /* junk everywhere, as a reused tc_err would have */
    e.sqlstate[sizeof e.sqlstate - 1] = '\0';
    e.detail[sizeof e.detail - 1] = '\0';
    assert_int_equal(fail_with(&e, "field", 7), -1);
    assert_int_equal(e.code, TC_E_BAD_REQUEST);
    assert_string_equal(e.message, "bad field 7");
    assert_string_equal(e.sqlstate, "");
    assert_string_equal(e.detail, "");

    /* NULL e: still -1, nothing else happens. */
    assert_int_equal(tc_err_set(NULL, TC_E_INTERNAL, "%s", "x"), -1);
    tc_err_detail(NULL, "%s", "x");
}

static void test_set_truncates(void **state)
{
    (void)state;
    char long_text[2000];
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    tc_err e;
    assert_int_equal(tc_err_set(&e, TC_E_INTERNAL, "%s", long_text), -1);
    assert_int_equal(strlen(e.message), sizeof e.message - 1);
    tc_err_detail(&e, "%s!", long_text);
    assert_int_equal(strlen(e.detail), sizeof e.detail - 1);
    assert_int_equal(e.detail[0], 'a');
}

static void test_detail_and_clear(void **state)
{
    (void)state;
    tc_err e;
    tc_err_set(&e, TC_E_CONFLICT, "Record already exists");
    tc_err_detail(&e, "duplicate key %s on %s", "email", "person");
    assert_int_equal(e.code, TC_E_CONFLICT);
    assert_string_equal(e.message, "Record already exists");
    assert_string_equal(e.detail, "duplicate key email on person");

    memcpy(e.sqlstate, "23505", 6);
    tc_err_clear(&e);
    assert_int_equal(e.code, TC_OK);
    assert_string_equal(e.message, "");
    assert_string_equal(e.detail, "");
    assert_string_equal(e.sqlstate, "");
}

static void test_table(void **state)
{
    (void)state;
    /* Hand-written rows first, then every row of the X-macro table as declared. */
    static const struct {
        tc_code code;
        const char *name;
        int status;
        const char *client;
    } rows[] = {{TC_E_BAD_REQUEST, "TC_E_BAD_REQUEST", 400, "BAD_REQUEST"},
                {TC_E_ROUTE_NOT_FOUND, "TC_E_ROUTE_NOT_FOUND", 404, NULL},
                {TC_E_NOT_FOUND, "TC_E_NOT_FOUND", 404, "NOT_FOUND"},
                {TC_E_UNAUTHENTICATED, "TC_E_UNAUTHENTICATED", 401, "UNAUTHENTICATED"},
                {TC_E_FORBIDDEN, "TC_E_FORBIDDEN", 403, "FORBIDDEN"},
                {TC_E_INTERNAL, "TC_E_INTERNAL", 500, "INTERNAL_SERVER_ERROR"},
                {TC_E_PAYLOAD_TOO_LARGE, "TC_E_PAYLOAD_TOO_LARGE", 413, NULL},
                {TC_E_DB_UNAVAILABLE, "TC_E_DB_UNAVAILABLE", 503, "SERVICE_UNAVAILABLE"},
                {TC_E_CONFIG, "TC_E_CONFIG", 500, NULL},
#define ROW(name, status, client) {name, #name, status, client},
                TC_ERRORS(ROW)
#undef ROW
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        const char *name = tc_err_name(rows[i].code);
        const char *client = tc_err_client_code(rows[i].code);
        int status = tc_err_status(rows[i].code);
        if (!name || strcmp(name, rows[i].name) != 0)
            fail_msg("code %d: name %s, want %s", (int)rows[i].code, name ? name : "(null)",
                     rows[i].name);
        if (status != rows[i].status)
            fail_msg("%s: status %d, want %d", rows[i].name, status, rows[i].status);
        if (rows[i].client ? !client || strcmp(client, rows[i].client) != 0 : client != NULL)
            fail_msg("%s: client code %s, want %s", rows[i].name, client ? client : "(null)",
                     rows[i].client ? rows[i].client : "(null)");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set),
        cmocka_unit_test(test_set_truncates),
        cmocka_unit_test(test_detail_and_clear),
        cmocka_unit_test(test_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
