/* Unit tests for the JSON writer (base/json.h): exact nested output, string escaping and UTF-8
 * repair (rows from Markus Kuhn's UTF-8 stress test), numbers, and sticky errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"

#define BIG (1 << 20)

static void test_nested_object(void **state)
{
    (void)state;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, BIG);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "a");
    tc_json_int(&j, 1);
    tc_json_key(&j, "b");
    tc_json_arr_begin(&j);
    tc_json_bool(&j, true);
    tc_json_bool(&j, false);
    tc_json_null(&j);
    tc_json_arr_end(&j);
    tc_json_key(&j, "c");
    tc_json_obj_begin(&j);
    tc_json_key(&j, "d");
    tc_json_str(&j, "e");
    tc_json_key(&j, "f");
    tc_json_arr_begin(&j);
    tc_json_arr_end(&j);
    tc_json_obj_end(&j);
    tc_json_key(&j, "g");
    tc_json_obj_begin(&j);
    tc_json_obj_end(&j);
    tc_json_key(&j, "h");
    tc_json_int(&j, -7);
    tc_json_key(&j, "k\"\n");
    tc_json_strn(&j, "value", 3);
    tc_json_obj_end(&j);
    assert_true(tc_json_ok(&j));
    assert_string_equal(tc_buf_cstr(&b),
                        "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\",\"f\":[]},"
                        "\"g\":{},\"h\":-7,\"k\\\"\\n\":\"val\"}");
    tc_buf_fini(&b);
}

static void test_nested_array(void **state)
{
    (void)state;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, BIG);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    tc_json_int(&j, 1);
    tc_json_str(&j, "x");
    tc_json_arr_begin(&j);
    tc_json_int(&j, 2);
    tc_json_int(&j, 3);
    tc_json_arr_end(&j);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "k");
    tc_json_str(&j, NULL);
    tc_json_key(&j, "");
    tc_json_str(&j, "");
    tc_json_obj_end(&j);
    tc_json_arr_begin(&j);
    tc_json_arr_end(&j);
    tc_json_arr_begin(&j);
    tc_json_arr_begin(&j);
    tc_json_arr_end(&j);
    tc_json_obj_begin(&j);
    tc_json_obj_end(&j);
    tc_json_arr_end(&j);
    tc_json_arr_end(&j);
    assert_true(tc_json_ok(&j));
    assert_string_equal(tc_buf_cstr(&b), "[1,\"x\",[2,3],{\"k\":null,\"\":\"\"},[],[[],{}]]");
    tc_buf_fini(&b);
}

static void test_raw(void **state)
{
    (void)state;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, BIG);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    tc_json_int(&j, 1);
    tc_json_raw(&j, "{\"x\":1}", 7);
    tc_json_raw(&j, "[2]ignored", 3);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "r");
    tc_json_raw(&j, "[1,2]", 5);
    tc_json_key(&j, "s");
    tc_json_bool(&j, true);
    tc_json_obj_end(&j);
    tc_json_arr_end(&j);
    assert_true(tc_json_ok(&j));
    assert_string_equal(tc_buf_cstr(&b), "[1,{\"x\":1},[2],{\"r\":[1,2],\"s\":true}]");
    tc_buf_fini(&b);
}

/* One top-level value written by fn; returns the text in a static buffer. */
static char scalar_out[512];

static const char *write_int(int64_t v)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 1024);
    tc_json_init(&j, &b);
    tc_json_int(&j, v);
    assert_true(tc_json_ok(&j));
    snprintf(scalar_out, sizeof scalar_out, "%s", tc_buf_cstr(&b));
    tc_buf_fini(&b);
    return scalar_out;
}

static const char *write_double(double v)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 1024);
    tc_json_init(&j, &b);
    tc_json_double(&j, v);
    assert_true(tc_json_ok(&j));
    snprintf(scalar_out, sizeof scalar_out, "%s", tc_buf_cstr(&b));
    tc_buf_fini(&b);
    return scalar_out;
}

static void test_int(void **state)
{
    (void)state;
    static const struct {
        int64_t v;
        const char *want;
    } rows[] = {
        {0, "0"},
        {1, "1"},
        {-1, "-1"},
        {1234567890123, "1234567890123"},
        {INT64_MAX, "9223372036854775807"},
        {INT64_MIN, "-9223372036854775808"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++)
        assert_string_equal(write_int(rows[i].v), rows[i].want);
}

/* RFC 8259 §6 number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
static bool is_json_number(const char *s)
{
    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (*s >= '1' && *s <= '9')
        while (isdigit((unsigned char)*s))
            s++;
    else
        return false;
    if (*s == '.') {
        s++;
        if (!isdigit((unsigned char)*s))
            return false;
        while (isdigit((unsigned char)*s))
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!isdigit((unsigned char)*s))
            return false;
        while (isdigit((unsigned char)*s))
            s++;
    }
    return *s == '\0';
}

static void test_double_round_trip(void **state)
{
    (void)state;
    static const double rows[] = {
        1.5,           0.0,    -2.25e10, 0.1,      1.0 / 3.0, -1e-300,
        1e300,         5e-324, DBL_MAX,  -DBL_MAX, DBL_MIN,   9007199254740993.0,
        123456789.125, -0.0,   100.0,    1e21,     1e-7,
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        const char *s = write_double(rows[i]);
        if (!is_json_number(s))
            fail_msg("%.17g written as \"%s\", not a JSON number", rows[i], s);
        char *end;
        double back = strtod(s, &end);
        if (*end != '\0' || back != rows[i])
            fail_msg("%.17g written as \"%s\" reads back as %.17g", rows[i], s, back);
    }
}

static void test_double_not_finite(void **state)
{
    (void)state;
    assert_string_equal(write_double(NAN), "null");
    assert_string_equal(write_double(INFINITY), "null");
    assert_string_equal(write_double(-INFINITY), "null");

    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 1024);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    tc_json_double(&j, NAN);
    tc_json_double(&j, 1.5);
    tc_json_double(&j, -INFINITY);
    tc_json_arr_end(&j);
    assert_true(tc_json_ok(&j));
    assert_string_equal(tc_buf_cstr(&b), "[null,1.5,null]");
    tc_buf_fini(&b);
}

static void test_null_string(void **state)
{
    (void)state;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 1024);
    tc_json_init(&j, &b);
    tc_json_str(&j, NULL);
    assert_true(tc_json_ok(&j));
    assert_string_equal(tc_buf_cstr(&b), "null");
    tc_buf_fini(&b);
}

/* The header allows U+FFFD to come out either as the escape \ufffd or as its UTF-8 bytes
 * EF BF BD ("strings are written as UTF-8"); compare in the escaped form. Where how many
 * replacement characters one bad sequence yields is a decoder's choice (Unicode §3.9 "maximal
 * subpart" vs one per byte), runs of them are collapsed to one before comparing. */
static void normalise(const char *s, bool collapse, char *out, size_t n)
{
    static const char rep[] = "\\ufffd";
    size_t o = 0;
    while (*s && o + sizeof rep < n) {
        bool is_rep = false;
        if (memcmp(s, "\xef\xbf\xbd", 3) == 0) {
            s += 3;
            is_rep = true;
        } else if (strncmp(s, rep, 6) == 0) {
            s += 6;
            is_rep = true;
        }
        if (is_rep) {
            if (!(collapse && o >= 6 && memcmp(out + o - 6, rep, 6) == 0)) {
                memcpy(out + o, rep, 6);
                o += 6;
            }
        } else {
            out[o++] = *s++;
        }
    }
    out[o] = '\0';
}

static void test_escape(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t n; /* 0: strlen(in) */
        const char *want;
        bool collapse;
    } rows[] = {
        {"plain ascii", 0, "plain ascii", false},
        {"", 0, "", false},
        {"\"", 0, "\\\"", false},
        {"\\", 0, "\\\\", false},
        {"\n", 0, "\\n", false},
        {"\r", 0, "\\r", false},
        {"\t", 0, "\\t", false},
        {"\b", 0, "\\b", false},
        {"\f", 0, "\\f", false},
        {"\x01", 0, "\\u0001", false},
        {"\x0b", 0, "\\u000b", false},
        {"\x1b", 0, "\\u001b", false},
        {"\x1f", 0, "\\u001f", false},
        {"\0", 1, "\\u0000", false},
        {"a\0b", 3, "a\\u0000b", false},
        {"a\"b\\c\nd\te", 0, "a\\\"b\\\\c\\nd\\te", false},
        {"abc", 2, "ab", false},
        /* Valid UTF-8 passes through unchanged, including the boundaries (Kuhn §2). */
        {"é€😀", 0, "é€😀", false},
        {"\xc2\x80", 0, "\xc2\x80", false},                 /* U+0080 */
        {"\xdf\xbf", 0, "\xdf\xbf", false},                 /* U+07FF */
        {"\xe0\xa0\x80", 0, "\xe0\xa0\x80", false},         /* U+0800 */
        {"\xed\x9f\xbf", 0, "\xed\x9f\xbf", false},         /* U+D7FF */
        {"\xee\x80\x80", 0, "\xee\x80\x80", false},         /* U+E000 */
        {"\xef\xbf\xbf", 0, "\xef\xbf\xbf", false},         /* U+FFFF */
        {"\xf0\x90\x80\x80", 0, "\xf0\x90\x80\x80", false}, /* U+10000 */
        {"\xf4\x8f\xbf\xbf", 0, "\xf4\x8f\xbf\xbf", false}, /* U+10FFFF */
        /* Invalid bytes: exactly one replacement each under any decoder. */
        {"\xff", 0, "\\ufffd", false},
        {"\xfe", 0, "\\ufffd", false},
        {"a\xffz", 0, "a\\ufffdz", false},
        {"\xff\xfe", 0, "\\ufffd\\ufffd", false},
        {"\x80", 0, "\\ufffd", false}, /* lone continuation (Kuhn §3.1) */
        {"a\x80\xbfz", 0, "a\\ufffd\\ufffdz", false},
        {"\xc3", 0, "\\ufffd", false},   /* lead byte at the end */
        {"\xc3(", 0, "\\ufffd(", false}, /* lead byte then ASCII (Kuhn §3.2) */
        /* Invalid sequences: one or more replacements, never eating the next valid character. */
        {"\xe2\x82", 0, "\\ufffd", true}, /* truncated € (Kuhn §3.3) */
        {"\xe2\x82x", 0, "\\ufffdx", true},
        {"\xe2\x82\xc3\xa9", 0, "\\ufffd\xc3\xa9", true}, /* truncated € then é */
        {"\xe2\x82\"", 0, "\\ufffd\\\"", true},
        {"\xf0\x9f\x98", 0, "\\ufffd", true}, /* truncated 😀 */
        {"\xf0\x9f\x98!", 0, "\\ufffd!", true},
        {"\xc0\xaf", 0, "\\ufffd", true}, /* overlong '/' (Kuhn §4.1) */
        {"\xe0\x80\xaf", 0, "\\ufffd", true},
        {"\xf0\x80\x80\xaf", 0, "\\ufffd", true},
        {"\xc1\xbf", 0, "\\ufffd", true},                 /* overlong U+007F (Kuhn §4.2) */
        {"\xe0\x9f\xbf", 0, "\\ufffd", true},             /* overlong U+07FF */
        {"\xed\xa0\x80", 0, "\\ufffd", true},             /* surrogate U+D800 (Kuhn §5.1) */
        {"\xed\xbf\xbf", 0, "\\ufffd", true},             /* surrogate U+DFFF */
        {"\xed\xa0\x80\xed\xb0\x80", 0, "\\ufffd", true}, /* surrogate pair (Kuhn §5.2) */
        {"\xf4\x90\x80\x80", 0, "\\ufffd", true},         /* U+110000 */
        {"\xf8\x88\x80\x80\x80", 0, "\\ufffd", true},     /* 5-byte form (Kuhn §2.1) */
        {"ok\xe2\x82\xac\xe2\x82", 0, "ok\xe2\x82\xac\\ufffd", true},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        size_t n = rows[i].n ? rows[i].n : strlen(rows[i].in);
        char got[256], quoted_want[256];

        tc_buf b;
        tc_buf_init(&b, 4096);
        assert_int_equal(tc_json_escape(&b, rows[i].in, n), 0);
        normalise(tc_buf_cstr(&b), rows[i].collapse, got, sizeof got);
        if (strcmp(got, rows[i].want) != 0)
            fail_msg("escape row %zu: want \"%s\", got \"%s\" (raw \"%s\")", i, rows[i].want, got,
                     tc_buf_cstr(&b));

        /* The same through the writer, which adds the quotes. */
        tc_json j;
        tc_buf_reset(&b);
        tc_json_init(&j, &b);
        if (rows[i].n)
            tc_json_strn(&j, rows[i].in, n);
        else
            tc_json_str(&j, rows[i].in);
        assert_true(tc_json_ok(&j));
        normalise(tc_buf_cstr(&b), rows[i].collapse, got, sizeof got);
        snprintf(quoted_want, sizeof quoted_want, "\"%s\"", rows[i].want);
        if (strcmp(got, quoted_want) != 0)
            fail_msg("str row %zu: want %s, got %s", i, quoted_want, got);
        tc_buf_fini(&b);
    }
}

static void test_escape_full(void **state)
{
    (void)state;
    tc_buf b;
    tc_buf_init(&b, 3);
    assert_int_equal(tc_json_escape(&b, "\n\n", 2), -1); /* needs 4 */
    tc_buf_fini(&b);
    tc_buf_init(&b, 4);
    assert_int_equal(tc_json_escape(&b, "\n\n", 2), 0);
    assert_string_equal(tc_buf_cstr(&b), "\\n\\n");
    tc_buf_fini(&b);
}

/* depth levels of arrays (or objects with key "k") opened, then closed. */
static bool nest(int depth, bool objects, char *text, size_t n)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, BIG);
    tc_json_init(&j, &b);
    for (int i = 0; i < depth; i++) {
        if (objects) {
            if (i > 0)
                tc_json_key(&j, "k");
            tc_json_obj_begin(&j);
        } else {
            tc_json_arr_begin(&j);
        }
    }
    for (int i = 0; i < depth; i++) {
        if (objects)
            tc_json_obj_end(&j);
        else
            tc_json_arr_end(&j);
    }
    bool ok = tc_json_ok(&j);
    if (text)
        snprintf(text, n, "%s", tc_buf_cstr(&b));
    tc_buf_fini(&b);
    return ok;
}

static void test_depth_limit(void **state)
{
    (void)state;
    char text[1024], want[1024];

    assert_true(nest(TC_JSON_MAX_DEPTH, false, text, sizeof text));
    memset(want, '[', TC_JSON_MAX_DEPTH);
    memset(want + TC_JSON_MAX_DEPTH, ']', TC_JSON_MAX_DEPTH);
    want[2 * TC_JSON_MAX_DEPTH] = '\0';
    assert_string_equal(text, want);
    assert_true(nest(TC_JSON_MAX_DEPTH, true, NULL, 0));

    assert_false(nest(TC_JSON_MAX_DEPTH + 1, false, NULL, 0));
    assert_false(nest(TC_JSON_MAX_DEPTH + 1, true, NULL, 0));
    assert_false(nest(TC_JSON_MAX_DEPTH + 50, false, NULL, 0));
    assert_false(nest(1000, true, NULL, 0));
}

static void test_unbalanced(void **state)
{
    (void)state;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 1024);

    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "a");
    tc_json_int(&j, 1);
    assert_false(tc_json_ok(&j)); /* object never closed */

    tc_buf_reset(&b);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    tc_json_arr_begin(&j);
    tc_json_arr_end(&j);
    assert_false(tc_json_ok(&j)); /* outer array never closed */

    tc_buf_reset(&b);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    tc_json_arr_end(&j);
    assert_true(tc_json_ok(&j));
    tc_json_arr_end(&j); /* closes nothing */
    assert_false(tc_json_ok(&j));

    tc_buf_reset(&b);
    tc_json_init(&j, &b);
    tc_json_obj_end(&j);
    assert_false(tc_json_ok(&j));
    tc_buf_fini(&b);
}

static void test_buffer_full(void **state)
{
    (void)state;
    tc_buf b;
    tc_json j;

    tc_buf_init(&b, 10);
    tc_json_init(&j, &b);
    tc_json_str(&j, "twenty characters!!!");
    assert_false(tc_json_ok(&j));
    tc_buf_fini(&b);

    /* [1,2] is exactly 5 bytes. */
    tc_buf_init(&b, 5);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    tc_json_int(&j, 1);
    tc_json_int(&j, 2);
    tc_json_arr_end(&j);
    assert_true(tc_json_ok(&j));
    assert_string_equal(tc_buf_cstr(&b), "[1,2]");
    tc_buf_fini(&b);

    tc_buf_init(&b, 4);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    tc_json_int(&j, 1);
    tc_json_int(&j, 2);
    tc_json_arr_end(&j);
    assert_false(tc_json_ok(&j));
    tc_buf_fini(&b);

    /* Sticky: a failure in the middle stays even when everything after it fits. */
    tc_buf_init(&b, 12);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    tc_json_str(&j, "much too long for twelve");
    tc_json_arr_end(&j);
    assert_false(tc_json_ok(&j));
    tc_buf_fini(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nested_object),
        cmocka_unit_test(test_nested_array),
        cmocka_unit_test(test_raw),
        cmocka_unit_test(test_int),
        cmocka_unit_test(test_double_round_trip),
        cmocka_unit_test(test_double_not_finite),
        cmocka_unit_test(test_null_string),
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_escape_full),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_unbalanced),
        cmocka_unit_test(test_buffer_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
