/* Route matching: literal and :name segments, method sets, HEAD served by GET, percent-decoding
 * of parameters, and Twenty's error body. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "api/router.h"

static void h_a(tc_req *req)
{
    (void)req;
}
static void h_b(tc_req *req)
{
    (void)req;
}
static void h_c(tc_req *req)
{
    (void)req;
}

static const tc_route routes[] = {
    {TC_GET, "/healthz", h_a},
    {TC_GET, "/healthz/:id", h_b},
    {TC_POST | TC_PATCH, "/rest/:object/:id", h_c},
};

static void test_matching(void **state)
{
    (void)state;
    static const struct {
        tc_method method;
        const char *path;
        tc_match want;
        tc_handler handler;
        const char *p0, *p1;
    } rows[] = {
        {TC_GET, "/healthz", TC_MATCH_OK, h_a, NULL, NULL},
        {TC_HEAD, "/healthz", TC_MATCH_OK, h_a, NULL, NULL},
        {TC_POST, "/healthz", TC_MATCH_NONE, NULL, NULL, NULL},
        {TC_GET, "/healthz/", TC_MATCH_NONE, NULL, NULL, NULL},
        {TC_GET, "/healthz/database", TC_MATCH_OK, h_b, "database", NULL},
        {TC_GET, "/healthz/a%2Fb", TC_MATCH_OK, h_b, "a/b", NULL},
        {TC_GET, "/healthz/%zz", TC_MATCH_BAD_PATH, h_b, NULL, NULL},
        {TC_GET, "/healthz/%00", TC_MATCH_BAD_PATH, h_b, NULL, NULL},
        {TC_GET, "/healthz/%4", TC_MATCH_BAD_PATH, h_b, NULL, NULL},
        {TC_GET, "/healthz/a/b", TC_MATCH_NONE, NULL, NULL, NULL},
        {TC_GET, "/healthzz", TC_MATCH_NONE, NULL, NULL, NULL},
        {TC_GET, "/", TC_MATCH_NONE, NULL, NULL, NULL},
        {TC_PATCH, "/rest/companies/42", TC_MATCH_OK, h_c, "companies", "42"},
        {TC_DELETE, "/rest/companies/42", TC_MATCH_NONE, NULL, NULL, NULL},
        {TC_POST, "/rest//42", TC_MATCH_NONE, NULL, NULL, NULL},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_req req;
        memset(&req, 0, sizeof(req));
        req.arena = tc_arena_new(1024);
        const tc_route *route = NULL;
        tc_match m =
            tc_route_find(routes, TC_COUNT(routes), rows[i].method, rows[i].path, &req, &route);
        assert_int_equal(m, rows[i].want);
        if (m == TC_MATCH_OK) {
            assert_ptr_equal(route->handler, rows[i].handler);
            if (rows[i].p0)
                assert_string_equal(req.params[0], rows[i].p0);
            if (rows[i].p1)
                assert_string_equal(req.params[1], rows[i].p1);
            assert_int_equal(req.nparams, (rows[i].p0 != NULL) + (rows[i].p1 != NULL));
        }
        tc_arena_free(req.arena);
    }
}

static void test_error_body(void **state)
{
    (void)state;
    tc_buf b;
    tc_buf_init(&b, 1024);
    tc_http_error_body(&b, 404, "Cannot GET /x", NULL);
    assert_string_equal(tc_buf_cstr(&b), "{\"statusCode\":404,\"error\":\"NotFoundException\","
                                         "\"messages\":[\"Cannot GET /x\"]}");
    tc_buf_reset(&b);
    tc_http_error_body(&b, 400, "Bad \"id\"", "INVALID_ARGS_DATA");
    assert_string_equal(tc_buf_cstr(&b),
                        "{\"statusCode\":400,\"error\":\"BadRequestException\","
                        "\"messages\":[\"Bad \\\"id\\\"\"],\"code\":\"INVALID_ARGS_DATA\"}");
    tc_buf_fini(&b);
    assert_string_equal(tc_http_exception_name(413), "PayloadTooLargeException");
    assert_string_equal(tc_http_exception_name(503), "ServiceUnavailableException");
    assert_string_equal(tc_http_exception_name(599), "InternalServerErrorException");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matching),
        cmocka_unit_test(test_error_body),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
