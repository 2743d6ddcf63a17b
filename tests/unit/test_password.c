/* Unit tests for passwords (auth/password.h): the hash of Twenty's development seed (written by
 * Node's bcrypt) verifies, hashes round-trip and are salted, malformed hashes are refused without
 * a crash, Twenty's /^.{8,50}$/ rule counted in UTF-16 code units, and the thread pool under
 * concurrent callers, including more callers than its queue holds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "auth/password.h"
#include "base/compiler.h"

/* spec/twenty-dev-seed.md: every seeded user's password is "tim@apple.dev". */
#define SEED_HASH "$2b$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6"
#define SEED_PASSWORD "tim@apple.dev"

static void test_seed_hash(void **state)
{
    (void)state;
    assert_true(tc_password_verify(SEED_PASSWORD, SEED_HASH));
    assert_false(tc_password_verify("tim@apple.de", SEED_HASH));
    assert_false(tc_password_verify("", SEED_HASH));
    assert_false(tc_password_verify("Tim@apple.dev", SEED_HASH));
    /* The same hash under the other bcrypt prefixes (identical for ASCII passwords). */
    char other[] = SEED_HASH;
    other[2] = 'a';
    assert_true(tc_password_verify(SEED_PASSWORD, other));
    other[2] = 'y';
    assert_true(tc_password_verify(SEED_PASSWORD, other));
}

static void test_round_trip(void **state)
{
    (void)state;
    static const char *passwords[] = {
        "correct horse battery staple",
        "12345678",
        "\xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80 caf\xc3\xa9", /* été 😀 café */
        "01234567890123456789012345678901234567890123456789",
    };
    for (size_t i = 0; i < TC_COUNT(passwords); i++) {
        char h1[TC_PASSWORD_HASH_LEN + 1], h2[TC_PASSWORD_HASH_LEN + 1];
        tc_err e = {0};
        if (tc_password_hash(passwords[i], h1, sizeof(h1), &e) != 0)
            fail_msg("hash(%zu): %s (%s)", i, e.message, e.detail);
        assert_int_equal(tc_password_hash(passwords[i], h2, sizeof(h2), &e), 0);
        assert_int_equal(strlen(h1), TC_PASSWORD_HASH_LEN);
        assert_memory_equal(h1, "$2b$10$", 7);
        assert_memory_equal(h2, "$2b$10$", 7);
        assert_string_not_equal(h1, h2); /* fresh salt each time */
        if (!tc_password_verify(passwords[i], h1) || !tc_password_verify(passwords[i], h2))
            fail_msg("round trip %zu", i);
        assert_false(tc_password_verify("wrong password", h1));
    }
}

static void test_hash_buffer(void **state)
{
    (void)state;
    char small[TC_PASSWORD_HASH_LEN];
    tc_err e = {0};
    assert_int_equal(tc_password_hash("password", small, sizeof(small), &e), -1);
    assert_int_equal(e.code, TC_E_INTERNAL);
    assert_int_equal(tc_password_hash("password", small, sizeof(small), NULL), -1);
}

static void test_malformed_hashes(void **state)
{
    (void)state;
    static const char *rows[] = {
        "",
        "$2b$",
        "$2b$10$",
        "$1$abc$OGyl6dDvZCDiGmIVbeuCq/",                                 /* MD5-crypt */
        "$2b$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT",   /* one short */
        "$2b$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6x", /* one long */
        "$2b$10$3LwXjJRtLsfx4hLuuXhxt",                                  /* salt only */
        "$2x$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6",  /* buggy-era $2x$ */
        "$2$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6a",  /* $2$ */
        "$2b$03$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6",  /* cost below 4 */
        "$2b$32$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6",  /* cost above 31 */
        "$2b$1a$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6",  /* cost not digits */
        "$2b$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT=",  /* not bcrypt base 64 */
        "$2b$10$3LwXjJRtLsfx4hLuuXhxt+3mWgismTiZFCZSG3z9kDrSfsrBl0fT6",  /* '+' */
        "$2b$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0f 6",  /* space */
        "2b$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6$",  /* no leading '$' */
        "tim@apple.dev",                                                 /* a plain password */
        "*0",                                                            /* crypt's failure token */
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        if (tc_password_verify(SEED_PASSWORD, rows[i]))
            fail_msg("accepted malformed hash \"%s\"", rows[i]);
        if (tc_password_verify("", rows[i]))
            fail_msg("accepted malformed hash \"%s\" with an empty password", rows[i]);
    }
    assert_false(tc_password_verify(NULL, SEED_HASH));
    assert_false(tc_password_verify(SEED_PASSWORD, NULL));
}

static void test_dummy_hash(void **state)
{
    (void)state;
    const char *d = tc_password_dummy_hash();
    assert_int_equal(strlen(d), TC_PASSWORD_HASH_LEN);
    assert_memory_equal(d, "$2b$10$", 7);
    assert_ptr_equal(d, tc_password_dummy_hash());
    /* Well formed, so it costs a full bcrypt, and no obvious password matches it. */
    static const char *guesses[] = {"", "password", SEED_PASSWORD, "dummy", "12345678"};
    for (size_t i = 0; i < TC_COUNT(guesses); i++)
        assert_false(tc_password_verify(guesses[i], d));
}

/* Twenty's PASSWORD_REGEX = /^.{8,50}$/ (packages/twenty-server/src/engine/core-modules/auth/
 * auth.util.ts): JavaScript counts UTF-16 code units, and `.` refuses LF, CR, U+2028, U+2029. */
static void test_rule(void **state)
{
    (void)state;
    static const struct {
        const char *password;
        bool ok;
        const char *why;
    } rows[] = {
        {"", false, "empty"},
        {"abcdefg", false, "7 characters"},
        {"abcdefgh", true, "8 characters"},
        {"01234567890123456789012345678901234567890123456789", true, "50 characters"},
        {"012345678901234567890123456789012345678901234567890", false, "51 characters"},
        {"        ", true, "8 spaces"},
        {"abc\tdefg", true, "a tab is a character"},
        {"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", false,
         "7 x U+00E9 (14 bytes)"},
        {"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", true,
         "8 x U+00E9 (16 bytes)"},
        {"\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"
         "\xe2\x82\xac",
         true, "8 x U+20AC (24 bytes)"},
        {"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80", true,
         "4 x U+1F600 = 8 UTF-16 units"},
        {"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"
         "a",
         false, "3 x U+1F600 + 1 = 7 units"},
        {"abcdefgh\n", false, "LF"},
        {"abcd\nefgh", false, "LF inside"},
        {"abcd\refgh", false, "CR"},
        {"abcd\xe2\x80\xa8"
         "efgh",
         false, "U+2028"},
        {"abcd\xe2\x80\xa9"
         "efgh",
         false, "U+2029"},
        {"abcd\xc2\x85"
         "efgh",
         true, "U+0085 is not a JavaScript line terminator"},
        {"abcdefg\xff", false, "invalid byte"},
        {"abcdefgh\xc3", false, "truncated sequence"},
        {"abcdefg\xc0\xaf", false, "overlong"},
        {"abcdefg\xed\xa0\x80", false, "UTF-8 surrogate"},
        {"abcdefg\xf4\x90\x80\x80", false, "past U+10FFFF"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_err e = {0};
        int rc = tc_password_check(rows[i].password, &e);
        if (rows[i].ok && rc != 0)
            fail_msg("%s: refused (%s)", rows[i].why, e.detail);
        if (!rows[i].ok) {
            if (rc != -1)
                fail_msg("%s: accepted", rows[i].why);
            assert_int_equal(e.code, TC_E_BAD_REQUEST);
            assert_string_equal(e.message, "Password too weak");
            assert_true(e.detail[0] != '\0');
        }
    }
    /* 50 and 51 x U+00E9: the upper bound counts characters, not bytes. */
    char buf[256];
    size_t n = 0;
    for (int i = 0; i < 50; i++, n += 2)
        memcpy(buf + n, "\xc3\xa9", 2);
    buf[n] = '\0';
    assert_int_equal(tc_password_check(buf, NULL), 0);
    memcpy(buf + n, "\xc3\xa9", 3);
    assert_int_equal(tc_password_check(buf, NULL), -1);
    /* 25 x U+1F600 is 50 units; one more 'a' is 51. */
    n = 0;
    for (int i = 0; i < 25; i++, n += 4)
        memcpy(buf + n, "\xf0\x9f\x98\x80", 4);
    buf[n] = '\0';
    assert_int_equal(tc_password_check(buf, NULL), 0);
    memcpy(buf + n, "a", 2);
    assert_int_equal(tc_password_check(buf, NULL), -1);
    assert_int_equal(tc_password_check(NULL, NULL), -1);
}

/* ---- the pool ---------------------------------------------------------------------------- */

typedef struct caller {
    tc_password_pool *pool;
    int id;
    const char *hash; /* NULL: verify the seed hash with right and wrong passwords */
    int errors;       /* answers that were wrong or calls that failed */
} caller;

static void *verify_seed(void *arg)
{
    caller *c = arg;
    for (int round = 0; round < 2; round++) {
        bool want = (c->id + round) % 2 == 0;
        bool ok = !want;
        tc_err e = {0};
        if (tc_password_pool_verify(c->pool, want ? SEED_PASSWORD : "tim@apple.de", SEED_HASH, &ok,
                                    &e) != 0 ||
            ok != want)
            c->errors++;
    }
    return NULL;
}

static void test_pool_verify(void **state)
{
    (void)state;
    tc_password_pool *p = tc_password_pool_new(3);
    pthread_t t[8];
    caller c[8];
    for (int i = 0; i < 8; i++) {
        c[i] = (caller){.pool = p, .id = i};
        assert_int_equal(pthread_create(&t[i], NULL, verify_seed, &c[i]), 0);
    }
    for (int i = 0; i < 8; i++) {
        pthread_join(t[i], NULL);
        if (c[i].errors)
            fail_msg("caller %d: %d wrong answers", i, c[i].errors);
    }
    tc_password_pool_free(p);
}

static void test_pool_hash(void **state)
{
    (void)state;
    tc_password_pool *p = tc_password_pool_new(2);
    char h[TC_PASSWORD_HASH_LEN + 1];
    tc_err e = {0};
    assert_int_equal(tc_password_pool_hash(p, "a new password", h, sizeof(h), &e), 0);
    assert_memory_equal(h, "$2b$10$", 7);
    bool ok = false;
    assert_int_equal(tc_password_pool_verify(p, "a new password", h, &ok, &e), 0);
    assert_true(ok);
    assert_int_equal(tc_password_pool_verify(p, "another password", h, &ok, &e), 0);
    assert_false(ok);
    /* Errors of the hash come back to the caller. */
    char small[8];
    assert_int_equal(tc_password_pool_hash(p, "a new password", small, sizeof(small), &e), -1);
    assert_int_equal(e.code, TC_E_INTERNAL);
    tc_password_pool_free(p);
    tc_password_pool_free(NULL);
}

static void *verify_malformed(void *arg)
{
    caller *c = arg;
    for (int round = 0; round < 20; round++) {
        bool ok = true;
        tc_err e = {0};
        if (tc_password_pool_verify(c->pool, SEED_PASSWORD, c->hash, &ok, &e) != 0 || ok)
            c->errors++;
    }
    return NULL;
}

/* More callers than the queue holds, on one pool thread: callers past TC_PASSWORD_POOL_QUEUE wait
 * for room and every call still gets its answer. Malformed hashes keep each job instant; one
 * caller does real bcrypt work so that the queue fills behind it. */
static void test_pool_queue_full(void **state)
{
    (void)state;
    enum { CALLERS = TC_PASSWORD_POOL_QUEUE * 2 };
    tc_password_pool *p = tc_password_pool_new(1);
    static pthread_t t[CALLERS + 1];
    static caller c[CALLERS + 1];
    c[CALLERS] = (caller){.pool = p, .id = 0};
    assert_int_equal(pthread_create(&t[CALLERS], NULL, verify_seed, &c[CALLERS]), 0);
    for (int i = 0; i < CALLERS; i++) {
        c[i] = (caller){.pool = p, .id = i, .hash = "$2b$10$short"};
        assert_int_equal(pthread_create(&t[i], NULL, verify_malformed, &c[i]), 0);
    }
    for (int i = 0; i <= CALLERS; i++) {
        pthread_join(t[i], NULL);
        if (c[i].errors)
            fail_msg("caller %d: %d wrong answers", i, c[i].errors);
    }
    tc_password_pool_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_hash),       cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_hash_buffer),     cmocka_unit_test(test_malformed_hashes),
        cmocka_unit_test(test_dummy_hash),      cmocka_unit_test(test_rule),
        cmocka_unit_test(test_pool_verify),     cmocka_unit_test(test_pool_hash),
        cmocka_unit_test(test_pool_queue_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
