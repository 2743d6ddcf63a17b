/* Unit tests for the GraphQL lexer (graphql/lexer.h). The rows are graphql-js 16's lexer tests
 * (src/language/__tests__/lexer-test.ts) and the specification's lexical examples; every expected
 * token, message and location was checked against graphql-js 16.6 (Debian's node-graphql), whose
 * columns count UTF-16 code units. Rows for bytes that are not UTF-8 are twentyc's own. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "graphql/lexer.h"

#define S(lit) lit, sizeof(lit) - 1

/* Renders every token up to <EOF> as `Kind "value" line:col | ...` (value bytes outside printable
 * ASCII, '\' and '"' as \xNN), or the error as `message line:col`. */
static void render(const char *src, size_t len, tc_buf *out)
{
    tc_arena *a = tc_arena_new(1024);
    tc_gql_lexer lx;
    tc_gql_lexer_init(&lx, src, len, a);
    for (int n = 0;;) {
        tc_gql_token t;
        tc_gql_parse_error e;
        if (tc_gql_lexer_next(&lx, &t, &e) < 0) {
            tc_buf_reset(out);
            tc_buf_add(out, e.message, e.message_len);
            tc_buf_printf(out, " %u:%u", e.line, e.column);
            break;
        }
        if (t.kind == TC_GQL_TOK_COMMENT)
            continue;
        if (n++)
            tc_buf_adds(out, " | ");
        tc_buf_adds(out, tc_gql_token_kind_name(t.kind));
        if (t.value) {
            tc_buf_adds(out, " \"");
            for (size_t i = 0; i < t.len; i++) {
                unsigned char c = (unsigned char)t.value[i];
                if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"')
                    tc_buf_addc(out, (char)c);
                else
                    tc_buf_printf(out, "\\x%02x", c);
            }
            tc_buf_addc(out, '"');
        }
        tc_buf_printf(out, " %u:%u", t.line, t.column);
        if (t.kind == TC_GQL_TOK_EOF)
            break;
    }
    tc_arena_free(a);
}

static void test_tokens(void **state)
{
    (void)state;
    static const struct {
        const char *src;
        size_t len;
        const char *tokens;
    } rows[] = {
        {S("\xef\xbb\xbf foo"), "Name \"foo\" 1:3 | <EOF> 1:6"},
        {S("\n\n    foo\n\n\n"), "Name \"foo\" 3:5 | <EOF> 6:1"},
        {S("\r\n\r\n  foo\r\n\r\n"), "Name \"foo\" 3:3 | <EOF> 5:1"},
        {S("\r\r\r\r  foo"), "Name \"foo\" 5:3 | <EOF> 5:6"},
        {S("\t\tfoo\t\t"), "Name \"foo\" 1:3 | <EOF> 1:8"},
        {S("\n    #comment\n    foo#comment\n"), "Name \"foo\" 3:5 | <EOF> 4:1"},
        {S(",,,foo,,,"), "Name \"foo\" 1:4 | <EOF> 1:10"},
        {S("\"\xf0\x9f\x98\x80\xc3\xa9\" foo"),
         "String \"\\xf0\\x9f\\x98\\x80\\xc3\\xa9\" 1:1 | Name \"foo\" 1:7 | <EOF> 1:10"},
        {S("\"simple\""), "String \"simple\" 1:1 | <EOF> 1:9"},
        {S("\" white space \""), "String \" white space \" 1:1 | <EOF> 1:16"},
        {S("\"quote \\\"\""), "String \"quote \\x22\" 1:1 | <EOF> 1:11"},
        {S("\"escaped \\n\\r\\b\\t\\f\""),
         "String \"escaped \\x0a\\x0d\\x08\\x09\\x0c\" 1:1 | <EOF> 1:21"},
        {S("\"slashes \\\\ \\/\""), "String \"slashes \\x5c /\" 1:1 | <EOF> 1:16"},
        {S("\"unescaped unicode outside BMP \xf0\x9f\x98\x80\""),
         "String \"unescaped unicode outside BMP \\xf0\\x9f\\x98\\x80\" 1:1 | <EOF> 1:35"},
        {S("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\""),
         "String \"unicode \\xe1\\x88\\xb4\\xe5\\x99\\xb8\\xe9\\x82\\xab\\xec\\xb7\\xaf\" 1:1 | "
         "<EOF> 1:35"},
        {S("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\""),
         "String \"unicode \\xe1\\x88\\xb4\\xe5\\x99\\xb8\\xe9\\x82\\xab\\xec\\xb7\\xaf\" 1:1 | "
         "<EOF> 1:43"},
        {S("\"string with unicode escape outside BMP \\u{1F600}\""),
         "String \"string with unicode escape outside BMP \\xf0\\x9f\\x98\\x80\" 1:1 | <EOF> 1:51"},
        {S("\"string with minimal unicode escape \\u{0}\""),
         "String \"string with minimal unicode escape \\x00\" 1:1 | <EOF> 1:43"},
        {S("\"string with maximal unicode escape \\u{10FFFF}\""),
         "String \"string with maximal unicode escape \\xf4\\x8f\\xbf\\xbf\" 1:1 | <EOF> 1:48"},
        {S("\"string with maximal minimal unicode escape \\u{00000000}\""),
         "String \"string with maximal minimal unicode escape \\x00\" 1:1 | <EOF> 1:58"},
        {S("\"string with unicode surrogate pair escape \\uD83D\\uDE00\""),
         "String \"string with unicode surrogate pair escape \\xf0\\x9f\\x98\\x80\" 1:1 | <EOF> "
         "1:57"},
        {S("\"string with unicode surrogate pair escape \\uDBFF\\uDFFF\""),
         "String \"string with unicode surrogate pair escape \\xf4\\x8f\\xbf\\xbf\" 1:1 | <EOF> "
         "1:57"},
        {S("\"nul \\u0000 byte\""), "String \"nul \\x00 byte\" 1:1 | <EOF> 1:18"},
        {S("\"\"\"simple\"\"\""), "BlockString \"simple\" 1:1 | <EOF> 1:13"},
        {S("\"\"\" white space \"\"\""), "BlockString \" white space \" 1:1 | <EOF> 1:20"},
        {S("\"\"\"contains \" quote\"\"\""),
         "BlockString \"contains \\x22 quote\" 1:1 | <EOF> 1:23"},
        {S("\"\"\"contains \\\"\"\" triple quote\"\"\""),
         "BlockString \"contains \\x22\\x22\\x22 triple quote\" 1:1 | <EOF> 1:33"},
        {S("\"\"\"multi\nline\"\"\""), "BlockString \"multi\\x0aline\" 1:1 | <EOF> 2:8"},
        {S("\"\"\"multi\rline\r\nnormalized\"\"\""),
         "BlockString \"multi\\x0aline\\x0anormalized\" 1:1 | <EOF> 3:14"},
        {S("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\""),
         "BlockString \"unescaped \\x5cn\\x5cr\\x5cb\\x5ct\\x5cf\\x5cu1234\" 1:1 | <EOF> 1:33"},
        {S("\"\"\"unescaped unicode outside BMP \xf0\x9f\x98\x80\"\"\""),
         "BlockString \"unescaped unicode outside BMP \\xf0\\x9f\\x98\\x80\" 1:1 | <EOF> 1:39"},
        {S("\"\"\"slashes \\\\ \\/\"\"\""),
         "BlockString \"slashes \\x5c\\x5c \\x5c/\" 1:1 | <EOF> 1:20"},
        {S("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\""),
         "BlockString \"spans\\x0a  multiple\\x0a    lines\" 1:1 | <EOF> 7:12"},
        {S("\"\"\"  \n  a\n   b\n  \"\"\""), "BlockString \"a\\x0a b\" 1:1 | <EOF> 4:6"},
        {S("\"\"\"   \"\"\""), "BlockString \"\" 1:1 | <EOF> 1:10"},
        {S("4"), "Int \"4\" 1:1 | <EOF> 1:2"},
        {S("4.123"), "Float \"4.123\" 1:1 | <EOF> 1:6"},
        {S("-4"), "Int \"-4\" 1:1 | <EOF> 1:3"},
        {S("9"), "Int \"9\" 1:1 | <EOF> 1:2"},
        {S("0"), "Int \"0\" 1:1 | <EOF> 1:2"},
        {S("-4.123"), "Float \"-4.123\" 1:1 | <EOF> 1:7"},
        {S("0.123"), "Float \"0.123\" 1:1 | <EOF> 1:6"},
        {S("123e4"), "Float \"123e4\" 1:1 | <EOF> 1:6"},
        {S("123E4"), "Float \"123E4\" 1:1 | <EOF> 1:6"},
        {S("123e-4"), "Float \"123e-4\" 1:1 | <EOF> 1:7"},
        {S("123e+4"), "Float \"123e+4\" 1:1 | <EOF> 1:7"},
        {S("-1.123e4"), "Float \"-1.123e4\" 1:1 | <EOF> 1:9"},
        {S("-1.123E4"), "Float \"-1.123E4\" 1:1 | <EOF> 1:9"},
        {S("-1.123e-4"), "Float \"-1.123e-4\" 1:1 | <EOF> 1:10"},
        {S("-1.123e+4"), "Float \"-1.123e+4\" 1:1 | <EOF> 1:10"},
        {S("-1.123e4567"), "Float \"-1.123e4567\" 1:1 | <EOF> 1:12"},
        {S("-0"), "Int \"-0\" 1:1 | <EOF> 1:3"},
        {S("!"), "! 1:1 | <EOF> 1:2"},
        {S("$"), "$ 1:1 | <EOF> 1:2"},
        {S("&"), "& 1:1 | <EOF> 1:2"},
        {S("("), "( 1:1 | <EOF> 1:2"},
        {S(")"), ") 1:1 | <EOF> 1:2"},
        {S("..."), "... 1:1 | <EOF> 1:4"},
        {S(":"), ": 1:1 | <EOF> 1:2"},
        {S("="), "= 1:1 | <EOF> 1:2"},
        {S("@"), "@ 1:1 | <EOF> 1:2"},
        {S("["), "[ 1:1 | <EOF> 1:2"},
        {S("]"), "] 1:1 | <EOF> 1:2"},
        {S("{"), "{ 1:1 | <EOF> 1:2"},
        {S("|"), "| 1:1 | <EOF> 1:2"},
        {S("}"), "} 1:1 | <EOF> 1:2"},
        {S("_name9"), "Name \"_name9\" 1:1 | <EOF> 1:7"},
        {S(""), "<EOF> 1:1"},
        {S("   \t,,\n"), "<EOF> 2:1"},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        tc_buf b;
        tc_buf_init(&b, 1 << 16);
        render(rows[i].src, rows[i].len, &b);
        if (strcmp(tc_buf_cstr(&b), rows[i].tokens) != 0) {
            print_error("row %zu: %s\n  want %s\n  got  %s\n", i, rows[i].src, rows[i].tokens,
                        tc_buf_cstr(&b));
            failed++;
        }
        tc_buf_fini(&b);
    }
    assert_int_equal(failed, 0);
}

static void test_errors(void **state)
{
    (void)state;
    static const struct {
        const char *src;
        size_t len;
        const char *message;
        unsigned line, column;
    } rows[] = {
        {S("\x07"), "Syntax Error: Unexpected character: U+0007.", 1, 1},
        {S("\n\n    \?\n\n\n"), "Syntax Error: Unexpected character: \"\?\".", 3, 5},
        {S("\""), "Syntax Error: Unterminated string.", 1, 2},
        {S("\"\"\""), "Syntax Error: Unterminated string.", 1, 4},
        {S("\"\"\"\""), "Syntax Error: Unterminated string.", 1, 5},
        {S("\"no end quote"), "Syntax Error: Unterminated string.", 1, 14},
        {S("'single quotes'"),
         "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote "
         "(\")\?",
         1, 1},
        {S("\"multi\nline\""), "Syntax Error: Unterminated string.", 1, 7},
        {S("\"multi\rline\""), "Syntax Error: Unterminated string.", 1, 7},
        {S("\"bad \\z esc\""), "Syntax Error: Invalid character escape sequence: \"\\z\".", 1, 6},
        {S("\"bad \\x esc\""), "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 6},
        {S("\"bad \\u1 esc\""), "Syntax Error: Invalid Unicode escape sequence: \"\\u1 es\".", 1,
         6},
        {S("\"bad \\u0XX1 esc\""), "Syntax Error: Invalid Unicode escape sequence: \"\\u0XX1\".", 1,
         6},
        {S("\"bad \\uXXXX esc\""), "Syntax Error: Invalid Unicode escape sequence: \"\\uXXXX\".", 1,
         6},
        {S("\"bad \\uFXXX esc\""), "Syntax Error: Invalid Unicode escape sequence: \"\\uFXXX\".", 1,
         6},
        {S("\"bad \\uXXXF esc\""), "Syntax Error: Invalid Unicode escape sequence: \"\\uXXXF\".", 1,
         6},
        {S("\"bad \\u{} esc\""), "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".", 1, 6},
        {S("\"bad \\u{FXXX} esc\""), "Syntax Error: Invalid Unicode escape sequence: \"\\u{FX\".",
         1, 6},
        {S("\"bad \\u{FFFF esc\""), "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFF \".",
         1, 6},
        {S("\"bad \\u{FFFF\""), "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFF\"\".", 1,
         6},
        {S("\"too high \\u{110000} esc\""),
         "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 11},
        {S("\"way too high \\u{12345678} esc\""),
         "Syntax Error: Invalid Unicode escape sequence: \"\\u{12345678}\".", 1, 15},
        {S("\"too long \\u{000000000} esc\""),
         "Syntax Error: Invalid Unicode escape sequence: \"\\u{000000000\".", 1, 11},
        {S("\"bad surrogate \\uDEAD esc\""),
         "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 16},
        {S("\"bad high surrogate pair \\uDEAD\\uDEAD esc\""),
         "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\".", 1, 26},
        {S("\"bad low surrogate pair \\uD800\\uD800 esc\""),
         "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".", 1, 25},
        {S("\"cannot use braces for surrogate pair \\u{D83D}\\u{DE00} esc\""),
         "Syntax Error: Invalid Unicode escape sequence: \"\\u{D83D}\".", 1, 39},
        {S("\"bad \\"), "Syntax Error: Invalid character escape sequence: \"\\\".", 1, 6},
        {S("\"\xc3\xa9 \\u{\xc3\xa9}\""),
         "Syntax Error: Invalid Unicode escape sequence: \"\\u{\xc3\xa9\".", 1, 4},
        {S("00"), "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 1, 2},
        {S("01"), "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 2},
        {S("01.23"), "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 2},
        {S("+1"), "Syntax Error: Unexpected character: \"+\".", 1, 1},
        {S("1."), "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3},
        {S("1e"), "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3},
        {S("1.e1"), "Syntax Error: Invalid number, expected digit but got: \"e\".", 1, 3},
        {S(".123"), "Syntax Error: Unexpected character: \".\".", 1, 1},
        {S("1.A"), "Syntax Error: Invalid number, expected digit but got: \"A\".", 1, 3},
        {S("-A"), "Syntax Error: Invalid number, expected digit but got: \"A\".", 1, 2},
        {S("1.0e"), "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 5},
        {S("1.0eA"), "Syntax Error: Invalid number, expected digit but got: \"A\".", 1, 5},
        {S("1.0e\""), "Syntax Error: Invalid number, expected digit but got: '\"'.", 1, 5},
        {S("1.2e3e"), "Syntax Error: Invalid number, expected digit but got: \"e\".", 1, 6},
        {S("1.2e3.4"), "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 6},
        {S("1.23.4"), "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 5},
        {S("0xF1"), "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 2},
        {S("0b10"), "Syntax Error: Invalid number, expected digit but got: \"b\".", 1, 2},
        {S("123abc"), "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 4},
        {S("1_234"), "Syntax Error: Invalid number, expected digit but got: \"_\".", 1, 2},
        {S("1\xc3\x9f"), "Syntax Error: Unexpected character: U+00DF.", 1, 2},
        {S("1.23f"), "Syntax Error: Invalid number, expected digit but got: \"f\".", 1, 5},
        {S("1.234_5"), "Syntax Error: Invalid number, expected digit but got: \"_\".", 1, 6},
        {S("-"), "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 2},
        {S(".."), "Syntax Error: Unexpected character: \".\".", 1, 1},
        {S("~"), "Syntax Error: Unexpected character: \"~\".", 1, 1},
        {S("\x00"), "Syntax Error: Unexpected character: U+0000.", 1, 1},
        {S("\xe2\x80\xbb"), "Syntax Error: Unexpected character: U+203B.", 1, 1},
        {S("\xf0\x9f\x98\x80"), "Syntax Error: Unexpected character: U+1F600.", 1, 1},
        {S("\xc2\xa0"), "Syntax Error: Unexpected character: U+00A0.", 1, 1},
        {S("\xf0\x9f\x98\x80\xc3\xa9 \?"), "Syntax Error: Unexpected character: U+1F600.", 1, 1},
        {S("\"\"\"a\n\n  b\n ~"), "Syntax Error: Unterminated string.", 4, 3},
        {S("a\r\n\r\n  #x\r  \?"), "Syntax Error: Unexpected character: \"\?\".", 4, 3},
        /* twentyc's rows: input that is not UTF-8, and surrogates written in UTF-8 (graphql-js
         * sees those as lone surrogates: "Invalid character"). */
        {S("\xff"), "Syntax Error: Invalid UTF-8 byte: 0xFF.", 1, 1},
        {S("{ a }\n  \xc3("), "Syntax Error: Invalid UTF-8 byte: 0xC3.", 2, 3},
        {S("\"ab\xc3\""), "Syntax Error: Invalid UTF-8 byte within String: 0xC3.", 1, 4},
        {S("\"\"\"ab\n\xe0\x80\x80\"\"\""), "Syntax Error: Invalid UTF-8 byte within String: 0xE0.",
         2, 1},
        {S("\xf4\x90\x80\x80"), "Syntax Error: Invalid UTF-8 byte: 0xF4.", 1, 1},
        {S("\xed\xba\xad"), "Syntax Error: Invalid character: U+DEAD.", 1, 1},
        {S("\"bad surrogate \xed\xba\xad\""),
         "Syntax Error: Invalid character within String: U+DEAD.", 1, 16},
        {S("# comment \xed\xa0\x80 ends here"), "Syntax Error: Invalid character: U+D800.", 1, 11},
        {S("\"\xf0\x9f\x98\x80\" \xe2\x80\xa8"), "Syntax Error: Unexpected character: U+2028.", 1,
         6},
        {S("\"\xf0\x9f\x98\x80\" \xf0"), "Syntax Error: Invalid UTF-8 byte: 0xF0.", 1, 6},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        char want[512];
        snprintf(want, sizeof(want), "%s %u:%u", rows[i].message, rows[i].line, rows[i].column);
        tc_buf b;
        tc_buf_init(&b, 1 << 16);
        render(rows[i].src, rows[i].len, &b);
        if (strcmp(tc_buf_cstr(&b), want) != 0) {
            print_error("row %zu: %s\n  want %s\n  got  %s\n", i, rows[i].src, want,
                        tc_buf_cstr(&b));
            failed++;
        }
        tc_buf_fini(&b);
    }
    assert_int_equal(failed, 0);
}

/* Comments are tokens of their own (the parser skips them); their value is the text after '#'. */
static void test_comments(void **state)
{
    (void)state;
    static const char src[] = "# first\r\nfoo # second\n#\n";
    tc_arena *a = tc_arena_new(256);
    tc_gql_lexer lx;
    tc_gql_lexer_init(&lx, src, sizeof(src) - 1, a);
    static const struct {
        tc_gql_token_kind kind;
        const char *value;
        unsigned line, column, start, end;
    } want[] = {
        {TC_GQL_TOK_COMMENT, " first", 1, 1, 0, 7},    {TC_GQL_TOK_NAME, "foo", 2, 1, 9, 12},
        {TC_GQL_TOK_COMMENT, " second", 2, 5, 13, 21}, {TC_GQL_TOK_COMMENT, "", 3, 1, 22, 23},
        {TC_GQL_TOK_EOF, NULL, 4, 1, 24, 24},          {TC_GQL_TOK_EOF, NULL, 4, 1, 24, 24},
    };
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        tc_gql_token t;
        assert_int_equal(tc_gql_lexer_next(&lx, &t, NULL), 0);
        assert_int_equal(t.kind, want[i].kind);
        assert_int_equal(t.line, want[i].line);
        assert_int_equal(t.column, want[i].column);
        assert_int_equal(t.start, want[i].start);
        assert_int_equal(t.end, want[i].end);
        if (want[i].value) {
            assert_int_equal(t.len, strlen(want[i].value));
            assert_memory_equal(t.value, want[i].value, t.len);
        } else {
            assert_null(t.value);
        }
    }
    tc_arena_free(a);
}

/* The source is read by length: bytes past it are never looked at, and a NUL inside it is a
 * character like any other. */
static void test_length_bound(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(256);
    tc_gql_lexer lx;
    tc_gql_token t;
    tc_gql_parse_error e;
    tc_gql_lexer_init(&lx, "abc{", 3, a);
    assert_int_equal(tc_gql_lexer_next(&lx, &t, &e), 0);
    assert_int_equal(t.kind, TC_GQL_TOK_NAME);
    assert_int_equal(t.len, 3);
    assert_int_equal(tc_gql_lexer_next(&lx, &t, &e), 0);
    assert_int_equal(t.kind, TC_GQL_TOK_EOF);
    static const char nul[] = "\"a\0b\" 1.5";
    tc_gql_lexer_init(&lx, nul, sizeof(nul) - 1, a);
    assert_int_equal(tc_gql_lexer_next(&lx, &t, &e), 0);
    assert_int_equal(t.kind, TC_GQL_TOK_STRING);
    assert_int_equal(t.len, 3);
    assert_memory_equal(t.value, "a\0b", 4);
    assert_int_equal(tc_gql_lexer_next(&lx, &t, &e), 0);
    assert_int_equal(t.kind, TC_GQL_TOK_FLOAT);
    assert_int_equal(t.column, 7);
    /* "1." cut by the length is an unfinished number, whatever follows in memory */
    tc_gql_lexer_init(&lx, "1.5", 2, a);
    assert_int_equal(tc_gql_lexer_next(&lx, &t, &e), -1);
    assert_string_equal(e.message, "Syntax Error: Invalid number, expected digit but got: <EOF>.");
    tc_arena_free(a);
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(tc_gql_token_kind_name(TC_GQL_TOK_SOF), "<SOF>");
    assert_string_equal(tc_gql_token_kind_name(TC_GQL_TOK_SPREAD), "...");
    assert_string_equal(tc_gql_token_kind_name(TC_GQL_TOK_BLOCK_STRING), "BlockString");
    assert_string_equal(tc_gql_token_kind_name(TC_GQL_TOK_COMMENT), "Comment");
    assert_string_equal(tc_gql_token_kind_name(TC_GQL_TOK_COUNT), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens),     cmocka_unit_test(test_errors),
        cmocka_unit_test(test_comments),   cmocka_unit_test(test_length_bound),
        cmocka_unit_test(test_kind_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
