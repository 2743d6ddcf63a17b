/* Unit tests for the GraphQL parser and printer (graphql/parser.h, graphql/print.h). Rows come
 * from graphql-js 16's parser and printer tests and the specification's examples; every expected
 * printed document, message and location was checked against graphql-js 16.6 (Debian's
 * node-graphql). Limits, the refusal of type system definitions and the tree's locations are
 * twentyc's own contract. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "graphql/parser.h"
#include "graphql/print.h"

#define S(lit) lit, sizeof(lit) - 1

/* print(parse(src)), or `message line:col` when it does not parse. */
static void parse_print(const char *src, size_t len, tc_buf *out)
{
    tc_arena *a = tc_arena_new(1024);
    tc_gql_parse_error e;
    tc_gql_ast_document *doc = tc_gql_parse(a, src, len, NULL, &e);
    if (doc) {
        assert_int_equal(tc_gql_print_document(out, doc), 0);
    } else {
        tc_buf_add(out, e.message, e.message_len);
        tc_buf_printf(out, " %u:%u", e.line, e.column);
    }
    tc_arena_free(a);
}

static int check(size_t row, const char *src, size_t len, const char *want)
{
    tc_buf b;
    tc_buf_init(&b, 1 << 20);
    parse_print(src, len, &b);
    int bad = strcmp(tc_buf_cstr(&b), want) != 0;
    if (bad)
        print_error("row %zu: %s\n  want %s\n  got  %s\n", row, src, want, tc_buf_cstr(&b));
    tc_buf_fini(&b);
    return bad;
}

static void test_print(void **state)
{
    (void)state;
    static const struct {
        const char *src;
        size_t len;
        const char *printed;
    } rows[] = {
        {S("{ id, name }"), "{\n  id\n  name\n}"},
        {S("query { id, name }"), "{\n  id\n  name\n}"},
        {S("query Q($foo: TestType) @testDirective { id, name }"),
         "query Q($foo: TestType) @testDirective {\n  id\n  name\n}"},
        {S("mutation { id, name }"), "mutation {\n  id\n  name\n}"},
        {S("query ($foo: TestType) { id }"), "query ($foo: TestType) {\n  id\n}"},
        {S("mutation ($foo: TestType) @d { id }"), "mutation ($foo: TestType) @d {\n  id\n}"},
        {S("query ($foo: TestType = { a: 123 } @testDirective(if: true) @test) { id }"),
         "query ($foo: TestType = {a: 123} @testDirective(if: true) @test) {\n  id\n}"},
        {S("subscription S { a }"), "subscription S {\n  a\n}"},
        {S("query Q { a: b(c: [1, 2.5e3, \"x\", true, false, null, ENUM, {k: $v}, []]) }"),
         "query Q {\n  a: b(c: [1, 2.5e3, \"x\", true, false, null, ENUM, {k: $v}, []])\n}"},
        {S("{trip(wheelchair:false arriveBy:false includePlannedCancellations:true "
           "transitDistanceReluctance:2000){dateTime}}"),
         "{\n  trip(\n    wheelchair: false\n    arriveBy: false\n    includePlannedCancellations: "
         "true\n    transitDistanceReluctance: 2000\n  ) {\n    dateTime\n  }\n}"},
        {S("{ a(x: \"\"\"\n  block\n    indented\n\"\"\") { b } }"),
         "{\n  a(x: \"\"\"\n  block\n    indented\n  \"\"\") {\n    b\n  }\n}"},
        {S("fragment F on T @d { ... on U { a } ...G @e ... @f { b } ... { c } }"),
         "fragment F on T @d {\n  ... on U {\n    a\n  }\n  ...G @e\n  ... @f {\n    b\n  }\n  ... "
         "{\n    c\n  }\n}"},
        {S("query Q($a: [[Int!]!]! = [[1]], $b: String = \"s\" @dir) { x(a: $a) }"),
         "query Q($a: [[Int!]!]! = [[1]], $b: String = \"s\" @dir) {\n  x(a: $a)\n}"},
        {S("{ nearestThing(location: { lon: 12.43, lat: -53.211 }) }"),
         "{\n  nearestThing(location: {lon: 12.43, lat: -53.211})\n}"},
        {S("{ a { b { c { d } } } }"),
         "{\n  a {\n    b {\n      c {\n        d\n      }\n    }\n  }\n}"},
        {S("{ __typename, alias: field @include(if: true) @skip(if: false) }"),
         "{\n  __typename\n  alias: field @include(if: true) @skip(if: false)\n}"},
        {S("{ user(id: 4) { id, name, smallPic: profilePic(size: 64), bigPic: profilePic(size: "
           "1024) } }"),
         "{\n  user(id: 4) {\n    id\n    name\n    smallPic: profilePic(size: 64)\n    bigPic: "
         "profilePic(size: 1024)\n  }\n}"},
        {S("query myQuery($someTest: Boolean! = false) { experimentalField @skip(if: $someTest) }"),
         "query myQuery($someTest: Boolean! = false) {\n  experimentalField @skip(if: "
         "$someTest)\n}"},
        {S("{ f(s: \"\\u00e9 \\uD83D\\uDE00 \\u0001 \\u007F \\u0085 \\\" \\\\ \\/ \\b \\f \\n \\r "
           "\\t\") }"),
         "{\n  f(s: \"\xc3\xa9 \xf0\x9f\x98\x80 \\u0001 \\u007F \\u0085 \\\" \\\\ / \\b \\f \\n "
         "\\r \\t\")\n}"},
        {S("{ f(s: \"\"\" leading space\"\"\") }"), "{\n  f(s: \"\"\" leading space\"\"\")\n}"},
        {S("{ f(s: \"\"\"trailing quote\\\"\"\"\"\"\") }"),
         "{\n  f(s: \"\"\"\n  trailing quote\\\"\"\"\n  \"\"\")\n}"},
        {S("{ f(s: \"\"\"a\\\\\n\"\"\") }"), "{\n  f(s: \"\"\"\n  a\\\\\n  \"\"\")\n}"},
        {S("{ f(s: \"\"\"   \n    x\n  y\n\"\"\") }"),
         "{\n  f(s: \"\"\"\n    x\n  y\n  \"\"\")\n}"},
        {S("{ f(s: \"\"\"\"\"\") }"), "{\n  f(s: \"\"\"\"\"\")\n}"},
        {S("{ f(long: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\") "
           "}"),
         "{\n  f(long: "
         "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")\n}"},
        {S("{ f(long: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\") "
           "}"),
         "{\n  f(\n    long: "
         "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n  )\n}"},
        {S("{ fieldWithLongArgs(a: \"\"\"\nline one\nline two\"\"\", b: 1) { x } }"),
         "{\n  fieldWithLongArgs(a: \"\"\"\n  line one\n  line two\n  \"\"\", b: 1) {\n    x\n  "
         "}\n}"},
        {S("query { a }\n\nmutation M { b }\n\n{ c }"),
         "{\n  a\n}\n\nmutation M {\n  b\n}\n\n{\n  c\n}"},
        {S("{ a(obj: {nested: {deep: [1, [2, [3]]]}}) }"),
         "{\n  a(obj: {nested: {deep: [1, [2, [3]]]}})\n}"},
        {S("query Q @d(a: $v) { a }"), "query Q @d(a: $v) {\n  a\n}"},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        failed += check(i, rows[i].src, rows[i].len, rows[i].printed);
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
        {S("{"), "Syntax Error: Expected Name, found <EOF>.", 1, 2},
        {S("{ ...MissingOn }\nfragment MissingOn Type"),
         "Syntax Error: Expected \"on\", found Name \"Type\".", 2, 20},
        {S("{ field: {} }"), "Syntax Error: Expected Name, found \"{\".", 1, 10},
        {S("notAnOperation Foo { field }"), "Syntax Error: Unexpected Name \"notAnOperation\".", 1,
         1},
        {S("..."), "Syntax Error: Unexpected \"...\".", 1, 1},
        {S("{ \"\""), "Syntax Error: Expected Name, found String \"\".", 1, 3},
        {S("query Foo($a: Int = $b) { f }"),
         "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 21},
        {S("query ($a: [Int] = [1, {x: $b}]) { x }"),
         "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 28},
        {S("fragment on on on { on }"), "Syntax Error: Unexpected Name \"on\".", 1, 10},
        {S("{ ...on }"), "Syntax Error: Expected Name, found \"}\".", 1, 9},
        {S("\"Description\" query Foo { a }"),
         "Syntax Error: Unexpected description, descriptions are supported only on type "
         "definitions.",
         1, 1},
        {S("\"\"\"Desc\"\"\" { a }"), "Syntax Error: Unexpected \"{\".", 1, 12},
        {S("\"Desc\" fragment F on T { a }"),
         "Syntax Error: Unexpected description, descriptions are supported only on type "
         "definitions.",
         1, 1},
        {S("query Q($a: Int = $) { a }"), "Syntax Error: Unexpected \"$\".", 1, 19},
        {S(""), "Syntax Error: Unexpected <EOF>.", 1, 1},
        {S("   # only a comment\n"), "Syntax Error: Unexpected <EOF>.", 2, 1},
        {S("query"), "Syntax Error: Expected \"{\", found <EOF>.", 1, 6},
        {S("query Q"), "Syntax Error: Expected \"{\", found <EOF>.", 1, 8},
        {S("query Q("), "Syntax Error: Expected \"$\", found <EOF>.", 1, 9},
        {S("query Q() { a }"), "Syntax Error: Expected \"$\", found \")\".", 1, 9},
        {S("{ a(b: ) }"), "Syntax Error: Unexpected \")\".", 1, 8},
        {S("{ a(b) }"), "Syntax Error: Expected \":\", found \")\".", 1, 6},
        {S("{ a() }"), "Syntax Error: Expected Name, found \")\".", 1, 5},
        {S("{ a(b: 1 }"), "Syntax Error: Expected Name, found \"}\".", 1, 10},
        {S("{ a: }"), "Syntax Error: Expected Name, found \"}\".", 1, 6},
        {S("{ a: b: c }"), "Syntax Error: Expected Name, found \":\".", 1, 7},
        {S("{ ... on }"), "Syntax Error: Expected Name, found \"}\".", 1, 10},
        {S("{ ... on T }"), "Syntax Error: Expected \"{\", found \"}\".", 1, 12},
        {S("fragment F on T"), "Syntax Error: Expected \"{\", found <EOF>.", 1, 16},
        {S("fragment F T { a }"), "Syntax Error: Expected \"on\", found Name \"T\".", 1, 12},
        {S("fragment \"on\" on T { a }"), "Syntax Error: Unexpected String \"on\".", 1, 10},
        {S("query Q($a) { a }"), "Syntax Error: Expected \":\", found \")\".", 1, 11},
        {S("query Q($a: ) { a }"), "Syntax Error: Expected Name, found \")\".", 1, 13},
        {S("query Q(a: Int) { a }"), "Syntax Error: Expected \"$\", found Name \"a\".", 1, 9},
        {S("query Q($a: [Int) { a }"), "Syntax Error: Expected \"]\", found \")\".", 1, 17},
        {S("query Q($a: Int!!) { a }"), "Syntax Error: Expected \"$\", found \"!\".", 1, 17},
        {S("query Q($a: Int = 1 = 2) { a }"), "Syntax Error: Expected \"$\", found \"=\".", 1, 21},
        {S("{ a @ }"), "Syntax Error: Expected Name, found \"}\".", 1, 7},
        {S("{ a @d( }"), "Syntax Error: Expected Name, found \"}\".", 1, 9},
        {S("{ a(x: [1, 2) }"), "Syntax Error: Unexpected \")\".", 1, 13},
        {S("{ a(x: {a 1}) }"), "Syntax Error: Expected \":\", found Int \"1\".", 1, 11},
        {S("{ a(x: {a: 1) }"), "Syntax Error: Expected Name, found \")\".", 1, 13},
        {S("{ a(x: $) }"), "Syntax Error: Expected Name, found \")\".", 1, 9},
        {S("{ a(x: $1) }"), "Syntax Error: Expected Name, found Int \"1\".", 1, 9},
        {S("{ a } }"), "Syntax Error: Unexpected \"}\".", 1, 7},
        {S("{ a } b"), "Syntax Error: Unexpected Name \"b\".", 1, 7},
        {S("mutation { a } subscription"), "Syntax Error: Expected \"{\", found <EOF>.", 1, 28},
        {S("{ a(x: \"a\x00"
           "b\" \"c\") }"),
         "Syntax Error: Expected Name, found String \"c\".", 1, 14},
        {S("{ a \"str\" }"), "Syntax Error: Expected Name, found String \"str\".", 1, 5},
        {S("{ a(x: 1.5) 2 }"), "Syntax Error: Expected Name, found Int \"2\".", 1, 13},
        {S("{ a(x: true) @d(y: \"\"\"b\"\"\") \"\"\"c\"\"\" }"),
         "Syntax Error: Expected Name, found BlockString \"c\".", 1, 29},
        {S("subscription ($a: Int = $b) { a }"),
         "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 25},
        {S("{ a }\n# comment\n!"), "Syntax Error: Unexpected \"!\".", 3, 1},
        {S("{ a(b: ENUM c: 1 d) }"), "Syntax Error: Expected \":\", found \")\".", 1, 19},
        {S("query Q($a: Int @dir(x: $a)) { b }"),
         "Syntax Error: Unexpected variable \"$a\" in constant value.", 1, 25},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        char want[512];
        snprintf(want, sizeof(want), "%s %u:%u", rows[i].message, rows[i].line, rows[i].column);
        failed += check(i, rows[i].src, rows[i].len, want);
    }
    assert_int_equal(failed, 0);
}

/* graphql-js parses type system definitions (and validation refuses them); twentyc refuses them
 * while parsing, at their keyword. */
static void test_type_system_refused(void **state)
{
    (void)state;
    static const char tail[] = "; twentyc parses executable definitions only (operations and "
                               "fragments). ";
    static const struct {
        const char *src;
        const char *keyword;
        const char *at;
    } rows[] = {
        {"type Foo { a: Int }", "type", "1:1"},
        {"\"desc\" type Foo { a: Int }", "type", "1:8"},
        {"\"\"\"desc\"\"\"\n# c\nscalar Date", "scalar", "3:1"},
        {"{ a }\nextend type Foo @d", "extend", "2:1"},
        {"schema { query: Q }", "schema", "1:1"},
        {"directive @d on FIELD", "directive", "1:1"},
        {"interface I { a: Int }", "interface", "1:1"},
        {"union U = A | B", "union", "1:1"},
        {"enum E { A }", "enum", "1:1"},
        {"input I { a: Int }", "input", "1:1"},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        char want[512];
        snprintf(want, sizeof(want), "Syntax Error: Unexpected Name \"%s\"%s%s", rows[i].keyword,
                 tail, rows[i].at);
        failed += check(i, rows[i].src, strlen(rows[i].src), want);
    }
    assert_int_equal(failed, 0);
}

static char *repeat(const char *open, const char *middle, const char *close, int n)
{
    size_t len = strlen(open) * n + strlen(middle) + strlen(close) * n + 1;
    char *s = malloc(len);
    assert_non_null(s);
    s[0] = '\0';
    for (int i = 0; i < n; i++)
        strcat(s, open);
    strcat(s, middle);
    for (int i = 0; i < n; i++)
        strcat(s, close);
    return s;
}

/* Each limit is exact: at the limit the document parses, one past it fails at the token that
 * passes it, naming the limit, with `limit` set. */
static void test_limits(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(1024);
    tc_gql_parse_error e;
    tc_gql_parse_limits lim = {0, 0, 3};
    /* depth: selection sets, list and object values and list types count together */
    assert_non_null(tc_gql_parse(a, S("{ a { b { c } } }"), &lim, &e));
    assert_null(tc_gql_parse(a, S("{ a { b { c { d } } } }"), &lim, &e));
    assert_string_equal(e.message,
                        "Syntax Error: Document is nested deeper than 3 levels. Parsing aborted.");
    assert_int_equal(e.line, 1);
    assert_int_equal(e.column, 13);
    assert_int_equal(e.limit, TC_GQL_LIMIT_DEPTH);
    assert_non_null(tc_gql_parse(a, S("{ a(x: [{y: 1}]) }"), &lim, &e));
    assert_null(tc_gql_parse(a, S("{ a(x: [{y: [1]}]) }"), &lim, &e));
    assert_int_equal(e.column, 13);
    assert_non_null(tc_gql_parse(a, S("query ($a: [[[Int]]]) { a }"), &lim, &e));
    assert_null(tc_gql_parse(a, S("query ($a: [[[[Int]]]]) { a }"), &lim, &e));
    assert_int_equal(e.column, 15);
    assert_int_equal(e.limit, TC_GQL_LIMIT_DEPTH);
    /* the default depth, 64, and recursion far past it */
    char *deep = repeat("{a", "", "}", 64);
    assert_non_null(tc_gql_parse(a, deep, strlen(deep), NULL, &e));
    free(deep);
    deep = repeat("{a", "", "}", 65);
    assert_null(tc_gql_parse(a, deep, strlen(deep), NULL, &e));
    assert_int_equal(e.limit, TC_GQL_LIMIT_DEPTH);
    assert_int_equal(e.column, 2 * 64 + 1);
    free(deep);
    deep = repeat("[", "1", "]", 100000);
    char *doc = malloc(strlen(deep) + 16);
    assert_non_null(doc);
    snprintf(doc, strlen(deep) + 16, "{ a(x: %s) }", deep);
    tc_gql_parse_limits big = {1 << 22, 1 << 22, 0};
    assert_null(tc_gql_parse(a, doc, strlen(doc), &big, &e));
    assert_int_equal(e.limit, TC_GQL_LIMIT_DEPTH);
    free(deep);
    free(doc);

    /* tokens: { a b c } is five tokens; comments and <EOF> do not count */
    tc_gql_parse_limits tokens = {0, 5, 0};
    assert_non_null(tc_gql_parse(a, S("{ a b c } # comment"), &tokens, &e));
    tokens.max_tokens = 4;
    assert_null(tc_gql_parse(a, S("{ a b c }"), &tokens, &e));
    assert_string_equal(e.message,
                        "Syntax Error: Document contains more than 4 tokens. Parsing aborted.");
    assert_int_equal(e.column, 9);
    assert_int_equal(e.limit, TC_GQL_LIMIT_TOKENS);

    /* bytes: the whole source, before anything is read */
    tc_gql_parse_limits bytes = {9, 0, 0};
    assert_non_null(tc_gql_parse(a, S("{ a b c }"), &bytes, &e));
    assert_null(tc_gql_parse(a, S("{ a b c } "), &bytes, &e));
    assert_string_equal(e.message,
                        "Syntax Error: Document is larger than 9 bytes. Parsing aborted.");
    assert_int_equal(e.line, 1);
    assert_int_equal(e.column, 1);
    assert_int_equal(e.limit, TC_GQL_LIMIT_BYTES);

    /* an ordinary syntax error names no limit */
    assert_null(tc_gql_parse(a, S("{"), NULL, &e));
    assert_int_equal(e.limit, TC_GQL_LIMIT_NONE);
    tc_arena_free(a);
}

static void expect_loc(const tc_gql_ast_loc *l, unsigned line, unsigned column, unsigned start,
                       unsigned end)
{
    assert_int_equal(l->line, line);
    assert_int_equal(l->column, column);
    assert_int_equal(l->start, start);
    assert_int_equal(l->end, end);
}

/* The tree: kinds, names, values and locations (graphql-js's loc.start/end and getLocation()). */
static void test_tree(void **state)
{
    (void)state;
    static const char src[] = "query Q($v: Int = 3) @dir(a: 1) {\n"
                              "  alias: field(arg: [1, \"two\"]) {\n"
                              "    ...Frag @skip(if: $v)\n"
                              "    ... on T { x }\n"
                              "  }\n"
                              "}\n"
                              "fragment Frag on T { y }";
    tc_arena *a = tc_arena_new(1024);
    tc_gql_parse_error e;
    tc_gql_ast_document *doc = tc_gql_parse(a, S(src), NULL, &e);
    assert_non_null(doc);
    assert_int_equal(doc->n, 2);
    expect_loc(&doc->loc, 1, 1, 0, 143);
    assert_int_equal(doc->tokens, 55); /* graphql-js's maxTokens: 55 passes, 54 fails */

    const tc_gql_ast_definition *op = doc->items[0];
    assert_int_equal(op->kind, TC_GQL_AST_OPERATION_DEFINITION);
    assert_int_equal(op->operation, TC_GQL_OP_QUERY);
    assert_false(op->shorthand);
    expect_loc(&op->loc, 1, 1, 0, 118);
    assert_string_equal(op->name.s, "Q");
    expect_loc(&op->name.loc, 1, 7, 6, 7);
    assert_int_equal(op->variables.n, 1);
    const tc_gql_ast_variable_definition *vd = op->variables.items[0];
    expect_loc(&vd->loc, 1, 9, 8, 19);
    assert_int_equal(vd->variable->kind, TC_GQL_AST_VARIABLE);
    expect_loc(&vd->variable->loc, 1, 9, 8, 10);
    assert_string_equal(vd->variable->u.variable.s, "v");
    assert_int_equal(vd->type->kind, TC_GQL_AST_NAMED_TYPE);
    expect_loc(&vd->type->loc, 1, 13, 12, 15);
    assert_string_equal(vd->type->name.s, "Int");
    assert_int_equal(vd->default_value->kind, TC_GQL_AST_INT);
    assert_string_equal(vd->default_value->u.scalar.s, "3");
    expect_loc(&vd->default_value->loc, 1, 19, 18, 19);
    assert_int_equal(op->directives.n, 1);
    expect_loc(&op->directives.items[0]->loc, 1, 22, 21, 31);
    assert_string_equal(op->directives.items[0]->name.s, "dir");

    const tc_gql_ast_selection *f = op->selection_set->items[0];
    assert_int_equal(f->kind, TC_GQL_AST_FIELD);
    expect_loc(&f->loc, 2, 3, 36, 116);
    assert_string_equal(f->alias.s, "alias");
    expect_loc(&f->alias.loc, 2, 3, 36, 41);
    assert_string_equal(f->name.s, "field");
    assert_int_equal(f->name.len, 5);
    expect_loc(&f->name.loc, 2, 10, 43, 48);
    const tc_gql_ast_argument *arg = f->arguments.items[0];
    expect_loc(&arg->loc, 2, 16, 49, 64);
    assert_int_equal(arg->value->kind, TC_GQL_AST_LIST);
    expect_loc(&arg->value->loc, 2, 21, 54, 64);
    assert_int_equal(arg->value->u.list.n, 2);
    const tc_gql_ast_value *two = arg->value->u.list.items[1];
    assert_int_equal(two->kind, TC_GQL_AST_STRING);
    assert_false(two->u.scalar.block);
    assert_string_equal(two->u.scalar.s, "two");
    expect_loc(&two->loc, 2, 25, 58, 63);
    expect_loc(&f->selection_set->loc, 2, 33, 66, 116);
    const tc_gql_ast_selection *spread = f->selection_set->items[0];
    assert_int_equal(spread->kind, TC_GQL_AST_FRAGMENT_SPREAD);
    assert_string_equal(spread->name.s, "Frag");
    assert_null(spread->selection_set);
    expect_loc(&spread->loc, 3, 5, 72, 93);
    const tc_gql_ast_value *cond = spread->directives.items[0]->arguments.items[0]->value;
    assert_int_equal(cond->kind, TC_GQL_AST_VARIABLE);
    const tc_gql_ast_selection *inl = f->selection_set->items[1];
    assert_int_equal(inl->kind, TC_GQL_AST_INLINE_FRAGMENT);
    assert_string_equal(inl->type_condition->name.s, "T");
    expect_loc(&inl->loc, 4, 5, 98, 112);
    assert_null(inl->selection_set->items[0]->selection_set);

    const tc_gql_ast_definition *frag = doc->items[1];
    assert_int_equal(frag->kind, TC_GQL_AST_FRAGMENT_DEFINITION);
    assert_string_equal(frag->name.s, "Frag");
    assert_string_equal(frag->type_condition->name.s, "T");
    expect_loc(&frag->loc, 7, 1, 119, 143);

    /* the shorthand query, mutation and subscription, and every literal kind */
    doc = tc_gql_parse(a,
                       S("{ a(i: -1, f: 1e3, b: true, n: null, e: RED, o: {k: []}) }\n"
                         "mutation { m }\nsubscription { s }"),
                       NULL, &e);
    assert_non_null(doc);
    assert_true(doc->items[0]->shorthand);
    assert_int_equal(doc->items[0]->operation, TC_GQL_OP_QUERY);
    assert_int_equal(doc->items[1]->operation, TC_GQL_OP_MUTATION);
    assert_int_equal(doc->items[2]->operation, TC_GQL_OP_SUBSCRIPTION);
    const tc_gql_ast_arguments *args = &doc->items[0]->selection_set->items[0]->arguments;
    static const tc_gql_ast_kind kinds[] = {TC_GQL_AST_INT,  TC_GQL_AST_FLOAT, TC_GQL_AST_BOOLEAN,
                                            TC_GQL_AST_NULL, TC_GQL_AST_ENUM,  TC_GQL_AST_OBJECT};
    assert_int_equal(args->n, 6);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(args->items[i]->value->kind, kinds[i]);
    assert_string_equal(args->items[0]->value->u.scalar.s, "-1");
    assert_true(args->items[2]->value->u.boolean);
    assert_string_equal(args->items[4]->value->u.scalar.s, "RED");
    const tc_gql_ast_object_field *of = args->items[5]->value->u.object.items[0];
    assert_string_equal(of->name.s, "k");
    assert_int_equal(of->value->kind, TC_GQL_AST_LIST);
    assert_int_equal(of->value->u.list.n, 0);
    assert_null(of->value->u.list.items);
    tc_arena_free(a);
}

/* The tree does not point into the source: it may be freed after parsing. */
static void test_source_freed(void **state)
{
    (void)state;
    static const char text[] = "query Q($v: [Int!] = [1]) { a: b(c: \"\\u00e9\", d: ENUM) @x }";
    char *src = malloc(sizeof(text));
    assert_non_null(src);
    memcpy(src, text, sizeof(text));
    tc_arena *a = tc_arena_new(1024);
    tc_gql_parse_error e;
    tc_gql_ast_document *doc = tc_gql_parse(a, src, sizeof(text) - 1, NULL, &e);
    assert_non_null(doc);
    memset(src, '#', sizeof(text));
    free(src);
    tc_buf b;
    tc_buf_init(&b, 4096);
    assert_int_equal(tc_gql_print_document(&b, doc), 0);
    assert_string_equal(tc_buf_cstr(&b),
                        "query Q($v: [Int!] = [1]) {\n  a: b(c: \"\xc3\xa9\", d: ENUM) @x\n}");
    tc_buf_fini(&b);
    tc_arena_free(a);
}

static void test_value_and_type(void **state)
{
    (void)state;
    static const struct {
        int what; /* 0 value, 1 const value, 2 type */
        const char *src;
        const char *want;
    } rows[] = {
        {2, "[Int!]!", "[Int!]!"},
        {2, "[[[a]!]]", "[[[a]!]]"},
        {2, "Int Int", "Syntax Error: Expected <EOF>, found Name \"Int\". 1:5"},
        {2, "!", "Syntax Error: Expected Name, found \"!\". 1:1"},
        {0, "[1, $a, {b: \"c\"}]", "[1, $a, {b: \"c\"}]"},
        {1, "[1, $a]", "Syntax Error: Unexpected variable \"$a\" in constant value. 1:5"},
        {0, "1 2", "Syntax Error: Expected <EOF>, found Int \"2\". 1:3"},
        {0, "", "Syntax Error: Unexpected <EOF>. 1:1"},
        {1, "\"\"\"\n  block\n\"\"\"", "\"\"\"block\"\"\""},
    };
    int failed = 0;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        tc_arena *a = tc_arena_new(256);
        tc_gql_parse_error e;
        tc_buf b;
        tc_buf_init(&b, 4096);
        size_t len = strlen(rows[i].src);
        if (rows[i].what == 2) {
            tc_gql_ast_type *t = tc_gql_parse_type(a, rows[i].src, len, NULL, &e);
            if (t)
                tc_gql_print_ast_type(&b, t);
        } else {
            tc_gql_ast_value *v =
                tc_gql_parse_value(a, rows[i].src, len, rows[i].what == 1, NULL, &e);
            if (v)
                tc_gql_print_ast_value(&b, v);
        }
        if (!b.len) {
            tc_buf_add(&b, e.message, e.message_len);
            tc_buf_printf(&b, " %u:%u", e.line, e.column);
        }
        if (strcmp(tc_buf_cstr(&b), rows[i].want) != 0) {
            print_error("row %zu: %s\n  want %s\n  got  %s\n", i, rows[i].src, rows[i].want,
                        tc_buf_cstr(&b));
            failed++;
        }
        tc_buf_fini(&b);
        tc_arena_free(a);
    }
    assert_int_equal(failed, 0);
}

/* graphql-js's printBlockString() and printString() on values no parser produces as well. */
static void test_print_strings(void **state)
{
    (void)state;
    static const struct {
        const char *value;
        size_t len;
        const char *printed;
    } block[] =
        {
            {S(""), "\"\"\"\"\"\""},
            {S("one liner"), "\"\"\"one liner\"\"\""},
            {S("\" \\ / \x08 \x0c \n \r \t"), "\"\"\"\n\" \\ / \x08 \x0c \n \r \t\n\"\"\""},
            {S("triple quotation \"\"\""), "\"\"\"\ntriple quotation \\\"\"\"\n\"\"\""},
            {S("    space-led string"), "\"\"\"    space-led string\"\"\""},
            {S("    space-led value \"quoted string\""),
             "\"\"\"    space-led value \"quoted string\"\n\"\"\""},
            {S("backslash \\"), "\"\"\"\nbackslash \\\n\"\"\""},
            {S("no indent\n with indent"), "\"\"\"\nno indent\n with indent\n\"\"\""},
            {S("    first  \n  line     \nindentation\n     string"),
             "\"\"\"\n    first  \n  line     \nindentation\n     string\n\"\"\""},
            {S("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
             "\"\"\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\"\""},
            {S("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
             "\"\"\"\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n\"\""
             "\""},
            {S("a\n\nb"), "\"\"\"\na\n\nb\n\"\"\""},
            {S("\ta"), "\"\"\"\ta\"\"\""},
            {S("ends \"\"\"\""), "\"\"\"\nends \\\"\"\"\"\n\"\"\""},
            {S("ends \"\"\"\"\"\""), "\"\"\"\nends \\\"\"\"\\\"\"\"\n\"\"\""},
            {S("a\"\"\"b"), "\"\"\"a\\\"\"\"b\"\"\""},
            {S("line\n"), "\"\"\"\nline\n\n\"\"\""},
            {S("\nlead"), "\"\"\"\n\nlead\n\"\"\""},
        },
      quoted[] = {
          {S(""), "\"\""},
          {S("hello world"), "\"hello world\""},
          {S("first\nsecond"), "\"first\\nsecond\""},
          {S("\x00\x01\x1f"), "\"\\u0000\\u0001\\u001F\""},
          {S("\"quoted\" \\back"), "\"\\\"quoted\\\" \\\\back\""},
          {S("\x7f\xc2\x80\xc2\x9f\xc2\xa0"), "\"\\u007F\\u0080\\u009F\xc2\xa0\""},
          {S("\xc3\xa9\xf0\x9f\x98\x80"), "\"\xc3\xa9\xf0\x9f\x98\x80\""},
          {S("\x08\t\n\x0c\r"), "\"\\b\\t\\n\\f\\r\""},
      };
    int failed = 0;
    for (int which = 0; which < 2; which++) {
        size_t n = which ? sizeof(quoted) / sizeof(quoted[0]) : sizeof(block) / sizeof(block[0]);
        for (size_t i = 0; i < n; i++) {
            const char *v = which ? quoted[i].value : block[i].value;
            size_t len = which ? quoted[i].len : block[i].len;
            const char *want = which ? quoted[i].printed : block[i].printed;
            tc_buf b;
            tc_buf_init(&b, 4096);
            if (which)
                tc_gql_print_string(&b, v, len);
            else
                tc_gql_print_block_string(&b, v, len);
            if (strcmp(tc_buf_cstr(&b), want) != 0) {
                print_error("%s row %zu\n  want %s\n  got  %s\n", which ? "quoted" : "block", i,
                            want, tc_buf_cstr(&b));
                failed++;
            }
            tc_buf_fini(&b);
        }
    }
    /* longer than 70 UTF-16 units goes on its own lines: 35 emoji are 70 units, 36 are 72 */
    for (int n = 35; n <= 36; n++) {
        tc_buf v, b;
        tc_buf_init(&v, 4096);
        tc_buf_init(&b, 4096);
        for (int i = 0; i < n; i++)
            tc_buf_adds(&v, "\xf0\x9f\x98\x80");
        tc_gql_print_block_string(&b, v.data, v.len);
        assert_int_equal(b.data[3] == '\n', n == 36);
        tc_buf_fini(&v);
        tc_buf_fini(&b);
    }
    assert_int_equal(failed, 0);
}

/* A printer given a small buffer fails cleanly. */
static void test_print_bounded(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(256);
    tc_gql_parse_error e;
    tc_gql_ast_document *doc = tc_gql_parse(a, S("{ a(x: \"\"\"\nlong block\n\"\"\") }"), NULL, &e);
    assert_non_null(doc);
    tc_buf b;
    tc_buf_init(&b, 10);
    assert_int_equal(tc_gql_print_document(&b, doc), -1);
    assert_true(b.failed);
    tc_buf_fini(&b);
    tc_arena_free(a);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(tc_gql_ast_kind_name(TC_GQL_AST_DOCUMENT), "Document");
    assert_string_equal(tc_gql_ast_kind_name(TC_GQL_AST_NULL), "NullValue");
    assert_string_equal(tc_gql_ast_kind_name(TC_GQL_AST_NON_NULL_TYPE), "NonNullType");
    assert_string_equal(tc_gql_ast_kind_name(TC_GQL_AST_KIND_COUNT), "?");
    assert_string_equal(tc_gql_op_name(TC_GQL_OP_SUBSCRIPTION), "subscription");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_print),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_type_system_refused),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_tree),
        cmocka_unit_test(test_source_freed),
        cmocka_unit_test(test_value_and_type),
        cmocka_unit_test(test_print_strings),
        cmocka_unit_test(test_print_bounded),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
