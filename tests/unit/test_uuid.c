/* Unit tests for UUIDs (base/uuid.h): canonical parse and format, malformed input, the base-36 form
 * of spec/twenty-datamodel.md §5.1 (its worked examples as rows), and random v4 UUIDs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/compiler.h"
#include "base/uuid.h"

static void test_round_trip(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *canonical;
        uint8_t b0, b15;
    } rows[] = {
        {"20202020-1c25-4d02-bf25-6aeccf7ea419", "20202020-1c25-4d02-bf25-6aeccf7ea419", 0x20,
         0x19},
        {"3b8e6458-5fc1-4e63-8563-008ccddaa6db", "3b8e6458-5fc1-4e63-8563-008ccddaa6db", 0x3b,
         0xdb},
        {"00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000", 0x00,
         0x00},
        {"ffffffff-ffff-ffff-ffff-ffffffffffff", "ffffffff-ffff-ffff-ffff-ffffffffffff", 0xff,
         0xff},
        /* Upper and mixed case are accepted; the output is lower case. */
        {"3B8E6458-5FC1-4E63-8563-008CCDDAA6DB", "3b8e6458-5fc1-4e63-8563-008ccddaa6db", 0x3b,
         0xdb},
        {"AbCdEf01-2345-6789-aBcD-eF0123456789", "abcdef01-2345-6789-abcd-ef0123456789", 0xab,
         0x89},
        /* The v4 example of RFC 9562 Appendix A. */
        {"919108f7-52d1-4320-9bac-f847db4148a8", "919108f7-52d1-4320-9bac-f847db4148a8", 0x91,
         0xa8},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_uuid u;
        char out[TC_UUID_STR_LEN + 1];
        memset(&u, 0x55, sizeof u);
        if (tc_uuid_parse(rows[i].in, strlen(rows[i].in), &u) != 0)
            fail_msg("parse(\"%s\") failed", rows[i].in);
        assert_int_equal(u.b[0], rows[i].b0);
        assert_int_equal(u.b[15], rows[i].b15);
        memset(out, 'X', sizeof out);
        tc_uuid_format(&u, out);
        assert_int_equal(out[TC_UUID_STR_LEN], '\0');
        assert_string_equal(out, rows[i].canonical);
    }

    /* Byte order: the text is the 16 bytes in order, big-endian. */
    tc_uuid u;
    assert_int_equal(tc_uuid_parse("00112233-4455-6677-8899-aabbccddeeff", 36, &u), 0);
    for (int k = 0; k < 16; k++)
        assert_int_equal(u.b[k], (uint8_t)(k * 0x11));
}

static void test_parse_exactly_n(void **state)
{
    (void)state;
    /* Exactly n bytes are read: a longer string parsed with n = 36 is fine, a shorter n is not. */
    static const char s[] = "20202020-1c25-4d02-bf25-6aeccf7ea419/trailing";
    tc_uuid u;
    char out[TC_UUID_STR_LEN + 1];
    assert_int_equal(tc_uuid_parse(s, TC_UUID_STR_LEN, &u), 0);
    tc_uuid_format(&u, out);
    assert_string_equal(out, "20202020-1c25-4d02-bf25-6aeccf7ea419");
    assert_int_equal(tc_uuid_parse(s, TC_UUID_STR_LEN - 1, &u), -1);
    assert_int_equal(tc_uuid_parse(s, TC_UUID_STR_LEN + 1, &u), -1);
    assert_int_equal(tc_uuid_parse(s, 0, &u), -1);
}

static void test_parse_malformed(void **state)
{
    (void)state;
    static const char *const rows[] = {
        "",
        "20202020-1c25-4d02-bf25-6aeccf7ea41",           /* 35: one digit short */
        "20202020-1c25-4d02-bf25-6aeccf7ea4190",         /* 37: one digit more */
        "202020201c254d02bf256aeccf7ea419",              /* no dashes */
        "{20202020-1c25-4d02-bf25-6aeccf7ea419}",        /* braces */
        "urn:uuid:20202020-1c25-4d02-bf25-6aeccf7ea419", /* URN */
        "g0202020-1c25-4d02-bf25-6aeccf7ea419",          /* bad hex */
        "20202020-1c25-4d02-bf25-6aeccf7ea41g",
        "20202020-1c25-4d02-bf25-6aeccf7ea41 ",
        " 0202020-1c25-4d02-bf25-6aeccf7ea419",
        "20202020-1c25-4d02-bf25-6aeccf7ea4+9",
        "2020202-01c25-4d02-bf25-6aeccf7ea419", /* dash one early */
        "202020201-c25-4d02-bf25-6aeccf7ea419", /* dash one late */
        "20202020-1c254-d02-bf25-6aeccf7ea419",
        "20202020-1c25-4d02b-f25-6aeccf7ea419",
        "20202020-1c25-4d02-bf256-aeccf7ea419",
        "20202020_1c25_4d02_bf25_6aeccf7ea419", /* wrong separator */
        "20202020-1c25-4d02-bf25-6aeccf7ea-19",
        "------------------------------------",
        "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_uuid u;
        if (tc_uuid_parse(rows[i], strlen(rows[i]), &u) != -1)
            fail_msg("parse(\"%s\") accepted", rows[i]);
    }
    /* An embedded NUL within the n bytes. */
    tc_uuid u;
    assert_int_equal(tc_uuid_parse("20202020-1c25-4d02-bf25-6aeccf7e"
                                   "\0"
                                   "419",
                                   36, &u),
                     -1);
}

static void test_base36(void **state)
{
    (void)state;
    static const struct {
        const char *uuid;
        const char *want;
    } rows[] = {
        /* spec/twenty-datamodel.md §5.1 worked examples (seed workspaces "Apple", "YCombinator").
         */
        {"20202020-1c25-4d02-bf25-6aeccf7ea419", "1wgvd1injqtife6y4rvfbu3h5"},
        {"3b8e6458-5fc1-4e63-8563-008ccddaa6db", "3ixj3i1a5avy16ptijtb3lae3"},
        {"00000000-0000-0000-0000-000000000000", "0"},
        {"00000000-0000-0000-0000-000000000001", "1"},
        {"00000000-0000-0000-0000-000000000023", "z"},  /* 35 */
        {"00000000-0000-0000-0000-000000000024", "10"}, /* 36 */
        /* 2^128 - 1, checked with python3: int('f' * 32, 16) in base 36. */
        {"ffffffff-ffff-ffff-ffff-ffffffffffff", "f5lxx1zz5pnorynqglhzmsp33"},
        /* 2^64: a carry across the two 64-bit halves. */
        {"00000000-0000-0001-0000-000000000000", "3w5e11264sgsg"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_uuid u;
        char out[TC_UUID_BASE36_MAX + 1 + 8];
        assert_int_equal(tc_uuid_parse(rows[i].uuid, TC_UUID_STR_LEN, &u), 0);
        memset(out, 'X', sizeof out);
        size_t n = tc_uuid_base36(&u, out);
        if (strcmp(out, rows[i].want) != 0)
            fail_msg("base36(%s): want %s, got %s", rows[i].uuid, rows[i].want, out);
        assert_int_equal(n, strlen(rows[i].want));
        assert_true(n <= TC_UUID_BASE36_MAX);
        assert_int_equal(out[TC_UUID_BASE36_MAX + 1], 'X'); /* nothing past the documented size */
    }
}

static void test_v4(void **state)
{
    (void)state;
    tc_uuid a, b;
    char sa[TC_UUID_STR_LEN + 1], sb[TC_UUID_STR_LEN + 1];
    for (int round = 0; round < 100; round++) {
        tc_uuid_v4(&a);
        tc_uuid_v4(&b);
        assert_int_equal(a.b[6] >> 4, 4);      /* version 4 */
        assert_int_equal(a.b[8] & 0xc0, 0x80); /* variant 10xx (RFC 9562 §4.1) */
        assert_int_equal(b.b[6] >> 4, 4);
        assert_int_equal(b.b[8] & 0xc0, 0x80);
        assert_memory_not_equal(a.b, b.b, sizeof a.b);
        tc_uuid_format(&a, sa);
        tc_uuid_format(&b, sb);
        assert_int_equal(sa[14], '4');
        assert_non_null(strchr("89ab", sa[19]));
        assert_string_not_equal(sa, sb);
        /* The formatted form parses back to the same bytes. */
        tc_uuid back;
        assert_int_equal(tc_uuid_parse(sa, TC_UUID_STR_LEN, &back), 0);
        assert_memory_equal(back.b, a.b, sizeof a.b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_parse_exactly_n),
        cmocka_unit_test(test_parse_malformed),
        cmocka_unit_test(test_base36),
        cmocka_unit_test(test_v4),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
