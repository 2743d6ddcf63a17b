/* Unit tests for TOTP (auth/totp.h): base32 against RFC 4648 §10, codes against RFC 6238 Appendix
 * B (SHA1 rows, the RFC's 8 digits cut to the 6 otplib uses), the verification window, strict
 * code and secret checks, fresh secrets, and the provisioning URI in otplib's exact format. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "auth/totp.h"
#include "base/compiler.h"

/* RFC 6238 Appendix B: the ASCII seed "12345678901234567890", in base32. */
#define RFC_SECRET "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

/* RFC 4648 §10, without the padding. */
static void test_b32_vectors(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t n;
        const char *text;
    } rows[] = {
        {"", 0, ""},
        {"f", 1, "MY"},
        {"fo", 2, "MZXQ"},
        {"foo", 3, "MZXW6"},
        {"foob", 4, "MZXW6YQ"},
        {"fooba", 5, "MZXW6YTB"},
        {"foobar", 6, "MZXW6YTBOI"},
        {"12345678901234567890", 20, RFC_SECRET},
        {"\xff\xff\xff\xff\xff", 5, "77777777"},
        {"\x00\x00\x00\x00\x00", 5, "AAAAAAAA"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char text[64];
        unsigned char bytes[64];
        size_t n = 99;
        assert_int_equal(TC_TOTP_B32_LEN(rows[i].n), strlen(rows[i].text));
        assert_int_equal(tc_totp_b32_encode(rows[i].bytes, rows[i].n, text), strlen(rows[i].text));
        assert_string_equal(text, rows[i].text);
        if (tc_totp_b32_decode(rows[i].text, strlen(rows[i].text), bytes, sizeof(bytes), &n))
            fail_msg("decode(\"%s\") failed", rows[i].text);
        assert_int_equal(n, rows[i].n);
        assert_memory_equal(bytes, rows[i].bytes, n);
    }
}

static void test_b32_rejects(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *why;
    } rows[] = {
        {"MY======", "padding"},
        {"MY=", "padding"},
        {"M", "length % 8 == 1"},
        {"MZX", "length % 8 == 3"},
        {"MZXW6Y", "length % 8 == 6"},
        {"MZ", "non-zero unused bits (MY is canonical)"},
        {"MZXR", "non-zero unused bits (MZXQ is canonical)"},
        {"my", "lower case"},
        {"M1", "digit 1 is not in the alphabet"},
        {"M8", "digit 8 is not in the alphabet"},
        {"MZXW 6YQ", "space"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        unsigned char bytes[64];
        size_t n = 0;
        if (tc_totp_b32_decode(rows[i].text, strlen(rows[i].text), bytes, sizeof(bytes), &n) != -1)
            fail_msg("accepted \"%s\" (%s)", rows[i].text, rows[i].why);
    }
    unsigned char small[4];
    size_t n = 0;
    assert_int_equal(tc_totp_b32_decode("MZXW6YTB", 8, small, sizeof(small), &n), -1);
}

/* RFC 6238 Appendix B, SHA1 column: T (Unix seconds), the RFC's 8-digit TOTP. */
static const struct {
    int64_t t;
    const char *rfc8;
} rfc_rows[] = {
    {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
    {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
};

static void test_rfc6238(void **state)
{
    (void)state;
    for (size_t i = 0; i < TC_COUNT(rfc_rows); i++) {
        const char *want = rfc_rows[i].rfc8 + 2; /* 6 digits = the value mod 10^6 */
        char code[TC_TOTP_DIGITS + 1];
        if (tc_totp_generate(RFC_SECRET, rfc_rows[i].t, code) != 0)
            fail_msg("T=%lld: generate failed", (long long)rfc_rows[i].t);
        if (strcmp(code, want) != 0)
            fail_msg("T=%lld: got %s, RFC says %s", (long long)rfc_rows[i].t, code, want);
        if (!tc_totp_verify(RFC_SECRET, want, rfc_rows[i].t, 0))
            fail_msg("T=%lld: verify(%s) failed", (long long)rfc_rows[i].t, want);
        if (tc_totp_verify(RFC_SECRET, rfc_rows[i].rfc8, rfc_rows[i].t, 0))
            fail_msg("T=%lld: accepted 8 digits", (long long)rfc_rows[i].t);
    }
    /* The step is the whole 30 s: T=30..59 share a code. */
    assert_true(tc_totp_verify(RFC_SECRET, "287082", 30, 0));
    assert_false(tc_totp_verify(RFC_SECRET, "287082", 29, 0));
    assert_false(tc_totp_verify(RFC_SECRET, "287082", 60, 0));
}

static void test_window(void **state)
{
    (void)state;
    const int64_t now = 1111111111; /* step 37037037, 1 s into it */
    char prev[8], next[8], prev2[8], next2[8], cur[8];
    assert_int_equal(tc_totp_generate(RFC_SECRET, now, cur), 0);
    assert_int_equal(tc_totp_generate(RFC_SECRET, now - 30, prev), 0);
    assert_int_equal(tc_totp_generate(RFC_SECRET, now + 30, next), 0);
    assert_int_equal(tc_totp_generate(RFC_SECRET, now - 60, prev2), 0);
    assert_int_equal(tc_totp_generate(RFC_SECRET, now + 60, next2), 0);
    assert_string_equal(prev, "081804"); /* RFC row T=1111111109 is the previous step */

    assert_true(tc_totp_verify(RFC_SECRET, cur, now, TC_TOTP_WINDOW));
    assert_true(tc_totp_verify(RFC_SECRET, prev, now, 1));
    assert_true(tc_totp_verify(RFC_SECRET, next, now, 1));
    assert_false(tc_totp_verify(RFC_SECRET, prev2, now, 1));
    assert_false(tc_totp_verify(RFC_SECRET, next2, now, 1));
    assert_false(tc_totp_verify(RFC_SECRET, prev, now, 0));
    assert_false(tc_totp_verify(RFC_SECRET, next, now, 0));
    assert_true(tc_totp_verify(RFC_SECRET, prev2, now, 2));
    assert_true(tc_totp_verify(RFC_SECRET, next2, now, 2));
    assert_true(tc_totp_verify(RFC_SECRET, cur, now, -1)); /* clamped to 0 */
    assert_false(tc_totp_verify(RFC_SECRET, prev, now, -1));
    /* Near the epoch the window has no steps before 0. */
    assert_true(tc_totp_verify(RFC_SECRET, "287082", 0, 1));
    assert_true(tc_totp_verify(RFC_SECRET, "287082", 89, 1));
    assert_false(tc_totp_verify(RFC_SECRET, "287082", 90, 1));
}

static void test_rejects(void **state)
{
    (void)state;
    static const char *codes[] = {
        "",
        "28708",
        "2870820",
        "28708a",
        " 287082",
        "287082 ",
        "+87082",
        "-87082",
        "287 082",
        "0x1234",
        "28708\n",
        "\xef\xbc\x92\xef\xbc\x98\xef\xbc\x97\xef\xbc\x90\xef\xbc\x98\xef\xbc\x92", /* fullwidth */
    };
    for (size_t i = 0; i < TC_COUNT(codes); i++)
        if (tc_totp_verify(RFC_SECRET, codes[i], 59, 1))
            fail_msg("accepted code \"%s\"", codes[i]);
    assert_false(tc_totp_verify(RFC_SECRET, NULL, 59, 1));
    assert_false(tc_totp_verify(RFC_SECRET, "287082", -1, 1));

    static const char *secrets[] = {
        "",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ",  /* length % 8 == 7 but non-canonical tail */
        "gezdgnbvgy3tqojqgezdgnbvgy3tqojq", /* lower case */
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====",
        "GEZDGNBVGY3TQOJQ GEZDGNBVGY3TQOJQ",
        "GEZDGNBVGY3TQOJ1",
        "GEZDGNBV", /* 5 bytes: shorter than TC_TOTP_SECRET_MIN_BYTES */
    };
    for (size_t i = 0; i < TC_COUNT(secrets); i++) {
        char code[TC_TOTP_DIGITS + 1];
        if (tc_totp_verify(secrets[i], "287082", 59, 1))
            fail_msg("accepted secret \"%s\"", secrets[i]);
        if (tc_totp_generate(secrets[i], 59, code) != -1)
            fail_msg("generated with secret \"%s\"", secrets[i]);
    }
    assert_false(tc_totp_verify(NULL, "287082", 59, 1));
    /* 16 characters (10 bytes), the size of Twenty's own secrets, is enough. */
    char code[TC_TOTP_DIGITS + 1];
    assert_int_equal(tc_totp_generate("JBSWY3DPEHPK3PXP", 59, code), 0);
    assert_true(tc_totp_verify("JBSWY3DPEHPK3PXP", code, 59, 0));
}

static void test_secret(void **state)
{
    (void)state;
    char s1[TC_TOTP_SECRET_LEN + 1], s2[TC_TOTP_SECRET_LEN + 1];
    assert_int_equal(tc_totp_secret(s1, sizeof(s1)), 0);
    assert_int_equal(tc_totp_secret(s2, sizeof(s2)), 0);
    assert_int_equal(strlen(s1), 32);
    assert_int_equal(strspn(s1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), 32);
    assert_string_not_equal(s1, s2);
    unsigned char bytes[64];
    size_t n = 0;
    assert_int_equal(tc_totp_b32_decode(s1, strlen(s1), bytes, sizeof(bytes), &n), 0);
    assert_int_equal(n, TC_TOTP_SECRET_BYTES);
    char again[TC_TOTP_SECRET_LEN + 1];
    tc_totp_b32_encode(bytes, n, again);
    assert_string_equal(again, s1);
    /* A fresh secret works end to end. */
    char code[TC_TOTP_DIGITS + 1];
    assert_int_equal(tc_totp_generate(s1, 1750000000, code), 0);
    assert_true(tc_totp_verify(s1, code, 1750000000, TC_TOTP_WINDOW));
    char small[TC_TOTP_SECRET_LEN];
    assert_int_equal(tc_totp_secret(small, sizeof(small)), -1);
}

/* otplib's keyuri (packages/otplib-core/src/utils.ts), as Twenty calls it
 * (two-factor-authentication.service.ts: account = the user's e-mail, issuer = "Twenty" or
 * "Twenty - <workspace display name>"). */
static void test_uri(void **state)
{
    (void)state;
    static const struct {
        const char *account, *issuer, *uri;
    } rows[] = {
        {"tim@apple.dev", "Twenty",
         "otpauth://totp/Twenty:tim%40apple.dev?secret=" RFC_SECRET
         "&period=30&digits=6&algorithm=SHA1&issuer=Twenty"},
        {"tim@apple.dev", "Twenty - Apple",
         "otpauth://totp/Twenty%20-%20Apple:tim%40apple.dev?secret=" RFC_SECRET
         "&period=30&digits=6&algorithm=SHA1&issuer=Twenty%20-%20Apple"},
        /* encodeURIComponent keeps - _ . ! ~ * ' ( ) and escapes the rest, UTF-8 byte-wise. */
        {"a+b/c?d&e=f#g:h", "Twenty - R&D (\xc3\x89quipe) !~*'_.",
         "otpauth://totp/Twenty%20-%20R%26D%20(%C3%89quipe)%20!~*'_.:a%2Bb%2Fc%3Fd%26e%3Df%23g%3Ah"
         "?secret=" RFC_SECRET "&period=30&digits=6&algorithm=SHA1"
         "&issuer=Twenty%20-%20R%26D%20(%C3%89quipe)%20!~*'_."},
        /* No issuer: the account is the label prefix and there is no issuer parameter. */
        {"tim@apple.dev", "",
         "otpauth://totp/tim%40apple.dev:tim%40apple.dev?secret=" RFC_SECRET
         "&period=30&digits=6&algorithm=SHA1"},
        {"tim@apple.dev", NULL,
         "otpauth://totp/tim%40apple.dev:tim%40apple.dev?secret=" RFC_SECRET
         "&period=30&digits=6&algorithm=SHA1"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char uri[512];
        assert_int_equal(tc_totp_uri(RFC_SECRET, rows[i].account, rows[i].issuer, uri, sizeof(uri)),
                         0);
        assert_string_equal(uri, rows[i].uri);
        /* Exactly the room it needs is enough; one byte less is not. */
        size_t need = strlen(rows[i].uri) + 1;
        assert_int_equal(tc_totp_uri(RFC_SECRET, rows[i].account, rows[i].issuer, uri, need), 0);
        assert_string_equal(uri, rows[i].uri);
        assert_int_equal(tc_totp_uri(RFC_SECRET, rows[i].account, rows[i].issuer, uri, need - 1),
                         -1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_b32_vectors), cmocka_unit_test(test_b32_rejects),
        cmocka_unit_test(test_rfc6238),     cmocka_unit_test(test_window),
        cmocka_unit_test(test_rejects),     cmocka_unit_test(test_secret),
        cmocka_unit_test(test_uri),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
