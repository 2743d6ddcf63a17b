/* Unit tests for the bounded string builder (base/buf.h): appends, printf, the empty C string,
 * the maximum enforced to the byte, sticky failure, reset, and fini followed by reuse. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"

static void test_init_empty(void **state)
{
    (void)state;
    tc_buf b;
    tc_buf_init(&b, 100);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.max, 100);
    assert_false(b.failed);
    assert_null(b.data); /* "allocates nothing until the first append" */
    assert_non_null(tc_buf_cstr(&b));
    assert_string_equal(tc_buf_cstr(&b), "");
    tc_buf_fini(&b);
}

static void test_appends(void **state)
{
    (void)state;
    tc_buf b;
    tc_buf_init(&b, 1024);
    assert_int_equal(tc_buf_adds(&b, "hello"), 0);
    assert_int_equal(tc_buf_addc(&b, ' '), 0);
    assert_int_equal(tc_buf_add(&b, "world!!!", 5), 0);
    assert_int_equal(tc_buf_printf(&b, " %d/%s/%05.2f", 42, "x", 3.14159), 0);
    assert_int_equal(tc_buf_adds(&b, ""), 0);
    assert_int_equal(tc_buf_add(&b, "ignored", 0), 0);
    assert_string_equal(tc_buf_cstr(&b), "hello world 42/x/03.14");
    assert_int_equal(b.len, strlen("hello world 42/x/03.14"));
    assert_false(b.failed);
    /* Bytes are bytes: an embedded NUL counts in len. */
    tc_buf_reset(&b);
    assert_int_equal(tc_buf_add(&b, "a\0b", 3), 0);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.data, "a\0b", 4);
    tc_buf_fini(&b);
}

static void test_grows(void **state)
{
    (void)state;
    enum { N = 100000 };
    tc_buf b;
    tc_buf_init(&b, N);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(tc_buf_addc(&b, (char)('a' + i % 26)), 0);
    assert_int_equal(b.len, N);
    assert_true(b.cap > b.len); /* room for the NUL */
    assert_int_equal(strlen(tc_buf_cstr(&b)), N);
    for (size_t i = 0; i < N; i++) {
        if (b.data[i] != (char)('a' + i % 26))
            fail_msg("byte %zu is '%c'", i, b.data[i]);
    }
    tc_buf_fini(&b);
}

static void test_printf_long(void **state)
{
    (void)state;
    /* Longer than any plausible first allocation or stack scratch buffer. */
    enum { LONG = 10000 };
    static char src[LONG + 1];
    memset(src, 'z', LONG);
    tc_buf b;
    tc_buf_init(&b, 2 * LONG);
    assert_int_equal(tc_buf_adds(&b, "<"), 0);
    assert_int_equal(tc_buf_printf(&b, "%s>", src), 0);
    assert_int_equal(b.len, LONG + 2);
    assert_int_equal(b.data[LONG + 1], '>');
    assert_int_equal(b.data[LONG + 2], '\0');
    tc_buf_fini(&b);
}

/* One append of a given kind against a given maximum: the result is exactly at, or one past, it. */
enum op { OP_ADD, OP_ADDS, OP_ADDC, OP_PRINTF };

static int apply(tc_buf *b, enum op op, const char *s)
{
    switch (op) {
    case OP_ADD: return tc_buf_add(b, s, strlen(s));
    case OP_ADDS: return tc_buf_adds(b, s);
    case OP_ADDC: return tc_buf_addc(b, s[0]);
    case OP_PRINTF: return tc_buf_printf(b, "%s", s);
    }
    return -2;
}

static void test_max_exact(void **state)
{
    (void)state;
    static const struct {
        size_t max;
        const char *prefix; /* appended first, must fit */
        enum op op;
        const char *s;
        int want;
    } rows[] = {
        {5, "", OP_ADD, "12345", 0},
        {5, "", OP_ADD, "123456", -1},
        {5, "1234", OP_ADD, "5", 0},
        {5, "1234", OP_ADD, "56", -1},
        {5, "", OP_ADDS, "12345", 0},
        {5, "", OP_ADDS, "123456", -1},
        {5, "1234", OP_ADDC, "5", 0},
        {5, "12345", OP_ADDC, "6", -1},
        {5, "", OP_PRINTF, "12345", 0},
        {5, "", OP_PRINTF, "123456", -1},
        {5, "12", OP_PRINTF, "345", 0},
        {5, "12", OP_PRINTF, "3456", -1},
        {0, "", OP_ADDS, "", 0},
        {0, "", OP_ADDC, "x", -1},
        {0, "", OP_PRINTF, "", 0},
        {1, "", OP_ADDC, "x", 0},
        {1000, "", OP_PRINTF, "", 0},
        {16, "0123456789abcde", OP_ADDC, "f", 0},
        {16, "0123456789abcdef", OP_ADDC, "g", -1},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_buf b;
        tc_buf_init(&b, rows[i].max);
        assert_int_equal(tc_buf_adds(&b, rows[i].prefix), 0);
        int got = apply(&b, rows[i].op, rows[i].s);
        if (got != rows[i].want)
            fail_msg("row %zu: max %zu, \"%s\" + op %d \"%s\": want %d, got %d", i, rows[i].max,
                     rows[i].prefix, (int)rows[i].op, rows[i].s, rows[i].want, got);
        assert_int_equal(b.failed, rows[i].want != 0);
        assert_true(b.len <= rows[i].max);
        if (got == 0) {
            char want[64];
            snprintf(want, sizeof want, "%s%s", rows[i].prefix,
                     rows[i].op == OP_ADDC ? (char[2]){rows[i].s[0], '\0'} : rows[i].s);
            assert_string_equal(tc_buf_cstr(&b), want);
        } else {
            /* Never more than the maximum, still a C string. */
            assert_true(strlen(tc_buf_cstr(&b)) <= rows[i].max);
        }
        tc_buf_fini(&b);
    }
}

static void test_failure_sticky(void **state)
{
    (void)state;
    tc_buf b;
    tc_buf_init(&b, 10);
    assert_int_equal(tc_buf_adds(&b, "abc"), 0);
    assert_int_equal(tc_buf_adds(&b, "0123456789"), -1); /* 13 > 10 */
    assert_true(b.failed);
    /* Each of these would fit on its own, but the buffer has failed. */
    assert_int_equal(tc_buf_addc(&b, 'x'), -1);
    assert_int_equal(tc_buf_adds(&b, "y"), -1);
    assert_int_equal(tc_buf_add(&b, "z", 1), -1);
    assert_int_equal(tc_buf_printf(&b, "%d", 1), -1);
    assert_true(b.failed);
    assert_true(b.len <= 10);
    tc_buf_fini(&b);
}

static void test_reset_clears_failure(void **state)
{
    (void)state;
    tc_buf b;
    tc_buf_init(&b, 4);
    assert_int_equal(tc_buf_adds(&b, "abcde"), -1);
    assert_true(b.failed);
    tc_buf_reset(&b);
    assert_false(b.failed);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.max, 4);
    assert_string_equal(tc_buf_cstr(&b), "");
    assert_int_equal(tc_buf_adds(&b, "abcd"), 0);
    assert_string_equal(tc_buf_cstr(&b), "abcd");
    /* Reset keeps working with content too, and keeps the memory. */
    char *before = b.data;
    tc_buf_reset(&b);
    assert_string_equal(tc_buf_cstr(&b), "");
    assert_int_equal(tc_buf_addc(&b, 'q'), 0);
    assert_ptr_equal(b.data, before);
    assert_string_equal(tc_buf_cstr(&b), "q");
    tc_buf_fini(&b);
}

static void test_fini_then_reuse(void **state)
{
    (void)state;
    tc_buf b;
    tc_buf_init(&b, 8);
    tc_buf_fini(&b); /* nothing was ever allocated */
    tc_buf_init(&b, 8);
    assert_int_equal(tc_buf_adds(&b, "12345678"), 0);
    tc_buf_fini(&b);
    tc_buf_init(&b, 3);
    assert_string_equal(tc_buf_cstr(&b), "");
    assert_int_equal(tc_buf_adds(&b, "abcd"), -1);
    tc_buf_fini(&b);
    tc_buf_init(&b, 3);
    assert_false(b.failed);
    assert_int_equal(tc_buf_adds(&b, "abc"), 0);
    assert_string_equal(tc_buf_cstr(&b), "abc");
    tc_buf_fini(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_empty),
        cmocka_unit_test(test_appends),
        cmocka_unit_test(test_grows),
        cmocka_unit_test(test_printf_long),
        cmocka_unit_test(test_max_exact),
        cmocka_unit_test(test_failure_sticky),
        cmocka_unit_test(test_reset_clears_failure),
        cmocka_unit_test(test_fini_then_reuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
