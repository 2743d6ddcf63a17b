/* Unit tests for the region allocator (base/arena.h): alignment, growth past the first block,
 * string helpers, zeroing, deferred cleanups in LIFO order on reset and free, and tc_arena_used. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

#define ALIGN _Alignof(max_align_t)

static bool is_aligned(const void *p)
{
    return ((uintptr_t)p % ALIGN) == 0;
}

static void test_alloc_alignment(void **state)
{
    (void)state;
    /* Odd sizes in a row: each allocation must start aligned whatever the previous one took. */
    static const size_t sizes[] = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 100, 1, 255, 1000, 3};
    tc_arena *a = tc_arena_new(256);
    assert_true(ALIGN >= 8);
    for (int round = 0; round < 4; round++) {
        for (size_t i = 0; i < TC_COUNT(sizes); i++) {
            unsigned char *p = tc_arena_alloc(a, sizes[i]);
            assert_non_null(p);
            if (!is_aligned(p))
                fail_msg("round %d size %zu: %p not aligned to %zu", round, sizes[i], (void *)p,
                         (size_t)ALIGN);
            memset(p, 0x5a, sizes[i]); /* ASan reports it if the block is shorter than asked */
        }
    }
    tc_arena_free(a);
}

static void test_alloc_zero_is_not_null(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(64);
    void *p = tc_arena_alloc(a, 0);
    assert_non_null(p);
    assert_true(is_aligned(p));
    tc_arena_free(a);
}

static void test_many_small_allocations(void **state)
{
    (void)state;
    enum { N = 20000, SZ = 24 };
    tc_arena *a = tc_arena_new(512);
    unsigned char **ptrs = tc_arena_alloc(a, N * sizeof *ptrs);
    for (size_t i = 0; i < N; i++) {
        ptrs[i] = tc_arena_alloc(a, SZ);
        assert_true(is_aligned(ptrs[i]));
        memset(ptrs[i], (int)(i & 0xff), SZ);
    }
    /* Every allocation keeps its own bytes: no two overlap. */
    for (size_t i = 0; i < N; i++) {
        for (size_t k = 0; k < SZ; k++) {
            if (ptrs[i][k] != (unsigned char)(i & 0xff))
                fail_msg("allocation %zu byte %zu was overwritten", i, k);
        }
    }
    tc_arena_free(a);
}

static void test_huge_allocation(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(1024);
    char *small = tc_arena_strdup(a, "before");
    size_t n = (size_t)4 << 20; /* far bigger than the first block */
    unsigned char *big = tc_arena_alloc(a, n);
    assert_non_null(big);
    assert_true(is_aligned(big));
    memset(big, 0xab, n);
    assert_int_equal(big[0], 0xab);
    assert_int_equal(big[n - 1], 0xab);
    char *after = tc_arena_strdup(a, "after");
    assert_string_equal(small, "before");
    assert_string_equal(after, "after");
    assert_true(tc_arena_used(a) >= n);
    tc_arena_reset(a);
    /* And again after a reset, which must not have kept a stale huge block around as "first". */
    big = tc_arena_alloc(a, n);
    memset(big, 0xcd, n);
    tc_arena_free(a);
}

static void test_strdup(void **state)
{
    (void)state;
    static const char *const rows[] = {"", "a", "hello", "é€😀", "with\ttab and spaces  "};
    tc_arena *a = tc_arena_new(64);
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char *s = tc_arena_strdup(a, rows[i]);
        assert_non_null(s);
        assert_ptr_not_equal(s, rows[i]);
        assert_string_equal(s, rows[i]);
    }
    tc_arena_free(a);
}

static void test_strndup(void **state)
{
    (void)state;
    /* At most n bytes, always terminated, stopping at a NUL as strndup(3) does (so n may be a
     * bound larger than the string). */
    static const struct {
        const char *in;
        size_t n;
        const char *want;
    } rows[] = {
        {"hello", 3, "hel"},
        {"hello", 5, "hello"},
        {"hello", 0, ""},
        {"", 0, ""},
        {"hi", 10, "hi"},
        {"", 4, ""},
        {"a\0bc", 4, "a"},
    };
    tc_arena *a = tc_arena_new(128);
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char *s = tc_arena_strndup(a, rows[i].in, rows[i].n);
        assert_non_null(s);
        if (strcmp(s, rows[i].want) != 0)
            fail_msg("strndup(\"%s\", %zu): want \"%s\", got \"%s\"", rows[i].in, rows[i].n,
                     rows[i].want, s);
    }
    /* Not NUL-terminated input: only n bytes may be read. */
    static const char raw[5] = {'a', 'b', 'c', 'd', 'e'};
    assert_string_equal(tc_arena_strndup(a, raw, 3), "abc");
    assert_string_equal(tc_arena_strndup(a, raw, 5), "abcde");
    tc_arena_free(a);
}

static void test_printf(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(64);
    assert_string_equal(tc_arena_printf(a, "%s-%d", "x", 42), "x-42");
    assert_string_equal(tc_arena_printf(a, "%s", ""), "");
    assert_string_equal(
        tc_arena_printf(a, "%05.1f|%-3s|%lld", 3.14159, "ab", -9223372036854775807LL - 1),
        "003.1|ab |-9223372036854775808");

    /* Longer than the first block. */
    enum { LONG = 5000 };
    char *src = tc_arena_alloc(a, LONG + 1);
    memset(src, 'q', LONG);
    src[LONG] = '\0';
    char *s = tc_arena_printf(a, "[%s]", src);
    assert_int_equal(strlen(s), LONG + 2);
    assert_int_equal(s[0], '[');
    assert_int_equal(s[LONG + 1], ']');
    assert_int_equal(s[LONG / 2], 'q');
    tc_arena_free(a);
}

static void test_calloc_zeroes(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(4096);
    /* Dirty the first block, then reset so calloc is served from reused memory. */
    memset(tc_arena_alloc(a, 2048), 0xee, 2048);
    tc_arena_reset(a);
    static const struct {
        size_t n, size;
    } rows[] = {{1, 1}, {10, 4}, {256, 8}, {3, 7}, {1, 3000}, {100000, 1}};
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        unsigned char *p = tc_arena_calloc(a, rows[i].n, rows[i].size);
        assert_true(is_aligned(p));
        for (size_t k = 0; k < rows[i].n * rows[i].size; k++) {
            if (p[k] != 0)
                fail_msg("calloc(%zu, %zu): byte %zu is 0x%02x", rows[i].n, rows[i].size, k, p[k]);
        }
        memset(p, 0xee, rows[i].n * rows[i].size);
    }
    tc_arena_free(a);
}

/* Cleanups append their tag here so a test can check the order they ran in. */
static int ran[16];
static size_t nran;

static void record(void *arg)
{
    assert_true(nran < TC_COUNT(ran));
    ran[nran++] = *(const int *)arg;
}

static void test_defer_lifo_on_reset_and_free(void **state)
{
    (void)state;
    static const int tags[] = {1, 2, 3, 4};
    tc_arena *a = tc_arena_new(256);

    nran = 0;
    for (size_t i = 0; i < 3; i++)
        tc_arena_defer(a, record, (void *)&tags[i]);
    assert_int_equal(nran, 0);
    tc_arena_reset(a);
    assert_int_equal(nran, 3);
    assert_int_equal(ran[0], 3);
    assert_int_equal(ran[1], 2);
    assert_int_equal(ran[2], 1);

    /* A reset must not run the same cleanups again; new ones run on free, last first. */
    nran = 0;
    tc_arena_defer(a, record, (void *)&tags[3]);
    tc_arena_defer(a, record, (void *)&tags[0]);
    tc_arena_reset(a);
    assert_int_equal(nran, 2);
    assert_int_equal(ran[0], 1);
    assert_int_equal(ran[1], 4);

    nran = 0;
    tc_arena_reset(a); /* nothing registered: nothing runs */
    assert_int_equal(nran, 0);

    for (size_t i = 0; i < 4; i++)
        tc_arena_defer(a, record, (void *)&tags[i]);
    tc_arena_free(a);
    assert_int_equal(nran, 4);
    assert_int_equal(ran[0], 4);
    assert_int_equal(ran[1], 3);
    assert_int_equal(ran[2], 2);
    assert_int_equal(ran[3], 1);
}

/* A cleanup that frees heap memory, as non-memory resources do: ASan reports a leak if it never
 * runs. */
static void free_it(void *p)
{
    free(p);
}

static void test_defer_many(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(128);
    for (int i = 0; i < 1000; i++)
        tc_arena_defer(a, free_it, malloc(16));
    tc_arena_reset(a);
    for (int i = 0; i < 1000; i++)
        tc_arena_defer(a, free_it, malloc(16));
    tc_arena_free(a);
}

static void test_reset_keeps_working(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(256);
    for (int round = 0; round < 50; round++) {
        char *s = tc_arena_printf(a, "round %d", round);
        unsigned char *p = tc_arena_alloc(a, 1000 + (size_t)round * 100);
        memset(p, round, 1000 + (size_t)round * 100);
        char *t = tc_arena_strdup(a, "still here");
        char want[32];
        snprintf(want, sizeof want, "round %d", round);
        assert_string_equal(s, want);
        assert_string_equal(t, "still here");
        tc_arena_reset(a);
        assert_int_equal(tc_arena_used(a), 0);
    }
    tc_arena_free(a);
}

static void test_used(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(1024);
    assert_int_equal(tc_arena_used(a), 0);
    size_t prev = 0;
    static const size_t sizes[] = {10, 1, 100, 500, 4000, 3};
    size_t total = 0;
    for (size_t i = 0; i < TC_COUNT(sizes); i++) {
        tc_arena_alloc(a, sizes[i]);
        total += sizes[i];
        size_t used = tc_arena_used(a);
        if (used <= prev || used < total)
            fail_msg("after %zu bytes more (total %zu): used %zu, before %zu", sizes[i], total,
                     used, prev);
        prev = used;
    }
    tc_arena_reset(a);
    assert_int_equal(tc_arena_used(a), 0);
    tc_arena_alloc(a, 8);
    assert_true(tc_arena_used(a) >= 8);
    tc_arena_free(a);
}

static void test_free_null(void **state)
{
    (void)state;
    tc_arena_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_alignment),
        cmocka_unit_test(test_alloc_zero_is_not_null),
        cmocka_unit_test(test_many_small_allocations),
        cmocka_unit_test(test_huge_allocation),
        cmocka_unit_test(test_strdup),
        cmocka_unit_test(test_strndup),
        cmocka_unit_test(test_printf),
        cmocka_unit_test(test_calloc_zeroes),
        cmocka_unit_test(test_defer_lifo_on_reset_and_free),
        cmocka_unit_test(test_defer_many),
        cmocka_unit_test(test_reset_keeps_working),
        cmocka_unit_test(test_used),
        cmocka_unit_test(test_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
