/* Unit tests for clocks and durations (base/time.h): tc_duration_parse_ms against the npm `ms`
 * package (rows from its parse tests), ISO 8601 timestamps, and the monotonic clock. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "base/compiler.h"
#include "base/time.h"

static void test_duration_valid(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int64_t want;
    } rows[] = {
        /* Twenty's defaults and the brief's rows. */
        {"30m", 1800000},
        {"60d", 5184000000},
        {"30s", 30000},
        {"7d", 604800000},
        {"1h", 3600000},
        {"2 days", 172800000},
        {"1.5h", 5400000},
        {"100", 100},
        {"0", 0},
        {"10s", 10000},
        {"1w", 604800000},
        {"1y", 31557600000}, /* 365.25 days */
        {"5 minutes", 300000},
        {"3 hrs", 10800000},
        {"100ms", 100},
        {"250 ms", 250},
        /* ms parse tests: short units. */
        {"1m", 60000},
        {"2d", 172800000},
        {"3w", 1814400000},
        {"1s", 1000},
        {"1   s", 1000}, /* several spaces */
        {".5m", 30000},  /* number starting with '.' */
        {"0.5s", 500},
        /* ms parse tests: long units. */
        {"53 milliseconds", 53},
        {"1 millisecond", 1},
        {"17 msecs", 17},
        {"1 msec", 1},
        {"1 sec", 1000},
        {"2 secs", 2000},
        {"1 second", 1000},
        {"1 min", 60000},
        {"2 mins", 120000},
        {"1 minute", 60000},
        {"1 hr", 3600000},
        {"1 hour", 3600000},
        {"1.5 hours", 5400000},
        {"1 day", 86400000},
        {"1 week", 604800000},
        {"2 weeks", 1209600000},
        {"1 year", 31557600000},
        {"2 yrs", 63115200000},
        {"1 yr", 31557600000},
        /* ms parse tests: units are case-insensitive. */
        {"53 YeArS", 1672552800000},
        {"53 WeEkS", 32054400000},
        {"53 DaYS", 4579200000},
        {"53 HoUrs", 190800000},
        {"53 MiLliSeCondS", 53},
        {"1H", 3600000},
    };
    int bad = 0;
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        int64_t got = -42;
        int rc = tc_duration_parse_ms(rows[i].in, &got);
        if (rc != 0 || got != rows[i].want) {
            print_error("\"%s\": want 0 and %lld ms, got %d and %lld\n", rows[i].in,
                        (long long)rows[i].want, rc, (long long)got);
            bad++;
        }
    }
    assert_int_equal(bad, 0); /* every failing row is listed above */
}

static void test_duration_invalid(void **state)
{
    (void)state;
    static const char *const rows[] = {
        "",
        "abc",
        "foo",          /* ms parse tests */
        "\xe2\x98\x83", /* "☃", ms parse tests */
        "10-.5",        /* ms parse tests */
        "-1s",          /* negative */
        "-100ms",
        "-.5h",
        "10 parsecs",
        "1e400",
        "1e3", /* ms has no exponents */
        "30 m x",
        "30mm",
        "m",
        "ms",
        "s1",
        "1..5s",
        "1.s",
        "1.",
        "+1s", /* ms accepts no sign but '-' */
        " 1s", /* ms anchors the number at the start */
        "0x10",
        "inf",
        "nan",
        "infinity",
        "1 month",               /* not a unit in ms 2.x, which Twenty uses */
        "1h30m",                 /* one number, one unit */
        "300000000y",            /* 9.47e18 ms: past INT64_MAX */
        "100000000000000000000", /* 1e20 ms */
        "99999999999999999999999999999999999999 days",
    };
    int bad = 0;
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        int64_t got = 0;
        int rc = tc_duration_parse_ms(rows[i], &got);
        if (rc != -1) {
            print_error("\"%s\": want -1, got %d (%lld ms)\n", rows[i], rc, (long long)got);
            bad++;
        }
    }
    assert_int_equal(bad, 0); /* every failing row is listed above */
}

static void test_iso8601(void **state)
{
    (void)state;
    static const struct {
        int64_t us;
        const char *want;
    } rows[] = {
        {0, "1970-01-01T00:00:00.000Z"},
        {999, "1970-01-01T00:00:00.000Z"}, /* sub-millisecond part is dropped */
        {1000, "1970-01-01T00:00:00.001Z"},
        {1700000000123456, "2023-11-14T22:13:20.123Z"},
        {951782400000000, "2000-02-29T00:00:00.000Z"}, /* leap day of a century leap year */
        {1735689599999000, "2024-12-31T23:59:59.999Z"},
        {4107542400000000, "2100-03-01T00:00:00.000Z"}, /* 2100 is not a leap year */
        {253402300799999999, "9999-12-31T23:59:59.999Z"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char out[TC_ISO8601_LEN + 8];
        memset(out, 'X', sizeof out);
        tc_time_iso8601(rows[i].us, out);
        if (strcmp(out, rows[i].want) != 0)
            fail_msg("%lld us: want %s, got %.*s", (long long)rows[i].us, rows[i].want,
                     (int)sizeof out, out);
        assert_int_equal(strlen(out), TC_ISO8601_LEN);
        assert_int_equal(out[TC_ISO8601_LEN + 1], 'X');
    }
}

static void test_clocks(void **state)
{
    (void)state;
    /* After 2020-01-01 and before 2200-01-01. */
    int64_t now = tc_time_now_us();
    assert_true(now > INT64_C(1577836800000000));
    assert_true(now < INT64_C(7258118400000000));

    int64_t prev = tc_time_mono_us();
    for (int i = 0; i < 100000; i++) {
        int64_t t = tc_time_mono_us();
        if (t < prev)
            fail_msg("monotonic clock went back from %lld to %lld", (long long)prev, (long long)t);
        prev = t;
    }
    /* And it advances. */
    int64_t start = tc_time_mono_us();
    struct timespec ts = {0, 2000000};
    nanosleep(&ts, NULL);
    assert_true(tc_time_mono_us() - start >= 2000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_duration_valid),
        cmocka_unit_test(test_duration_invalid),
        cmocka_unit_test(test_iso8601),
        cmocka_unit_test(test_clocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
