/* Unit tests for GraphQL input coercion (graphql/coerce.h): the specification's input coercion
 * tables for Int, Float, String, Boolean, ID, lists and input objects, variables and arguments
 * with graphql-js 16's messages, inspect() and didYouMean(). Expected texts are what graphql-js
 * 16.6 gives for the same input (getVariableValues, getArgumentValues, inspect, suggestionList);
 * tests/api/graphql_introspect.test.js runs many more cases against graphql-js itself. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "graphql/coerce.h"
#include "graphql/parser.h"
#include "graphql/schema.h"

static tc_gql_schema *schema;

/* enum Color, input Point {x: Int!, y: Int = 0, label: String}, input Shape, scalar JSON and one
 * field whose arguments cover every kind. */
static int setup(void **state)
{
    (void)state;
    tc_gql_builder *b = tc_gql_builder_new();
    tc_arena *a = tc_gql_builder_arena(b);
    tc_gql_type *color = tc_gql_builder_add_type(b, TC_GQL_ENUM, "Color", NULL);
    tc_gql_builder_add_enum_value(b, color, "RED", NULL);
    tc_gql_builder_add_enum_value(b, color, "GREEN", NULL);
    tc_gql_builder_add_enum_value(b, color, "BLUE", NULL);
    tc_gql_type *point = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "Point", NULL);
    tc_gql_builder_add_input_field(b, point, "x", "Int!", NULL);
    tc_gql_input_value *y = tc_gql_builder_add_input_field(b, point, "y", "Int", NULL);
    tc_gql_builder_set_default(b, y, tc_gql_value_int(a, 0));
    tc_gql_builder_add_input_field(b, point, "label", "String", NULL);
    tc_gql_type *shape = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "Shape", NULL);
    tc_gql_builder_add_input_field(b, shape, "points", "[Point!]", NULL);
    tc_gql_input_value *c = tc_gql_builder_add_input_field(b, shape, "color", "Color", NULL);
    tc_gql_builder_set_default(b, c, tc_gql_value_enum(a, "RED", 3));
    tc_gql_builder_add_input_field(b, shape, "tags", "[String]", NULL);
    tc_gql_builder_add_type(b, TC_GQL_SCALAR, "JSON", NULL);
    tc_gql_type *query = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Query", NULL);
    tc_gql_field *f = tc_gql_builder_add_field(b, query, "f", "Int", NULL);
    static const char *const args[][2] = {
        {"i", "Int"},      {"fl", "Float"}, {"s", "String"}, {"b", "Boolean"},
        {"id", "ID"},      {"c", "Color"},  {"p", "Point"},  {"l", "[Int]"},
        {"ll", "[[Int]]"}, {"j", "JSON"},   {"sh", "Shape"}, {"nn", "Int"},
    };
    for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
        tc_gql_builder_add_arg(b, f, args[i][0], args[i][1], NULL);
    tc_gql_input_value *d = tc_gql_builder_add_arg(b, f, "d", "Int", NULL);
    tc_gql_builder_set_default(b, d, tc_gql_value_int(a, 42));
    tc_gql_builder_add_arg(b, f, "req", "Point!", NULL);
    tc_err e;
    schema = tc_gql_builder_build(b, &e);
    if (!schema)
        fprintf(stderr, "schema: %s\n", e.message);
    return schema ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    tc_gql_schema_free(schema);
    return 0;
}

static const char *value_json(tc_arena *a, const tc_gql_value *v)
{
    tc_buf out;
    tc_buf_init(&out, 1 << 16);
    tc_json j;
    tc_json_init(&j, &out);
    tc_gql_value_write_json(&j, v);
    const char *s = tc_arena_strdup(a, tc_buf_cstr(&out));
    tc_buf_fini(&out);
    return s;
}

/* Coerces {"v": json} for `query ($v: type)`: the value as JSON, "(absent)", or "!" and every
 * error message joined by " | ". */
static const char *coerce_var(tc_arena *a, const char *type, const char *json)
{
    char query[256];
    snprintf(query, sizeof(query), "query ($v: %s) { f }", type);
    tc_gql_ast_document *doc = tc_gql_parse(a, query, strlen(query), NULL, NULL);
    assert_non_null(doc);
    json_t *vars = NULL;
    if (json) {
        char text[1024];
        snprintf(text, sizeof(text), "{\"v\": %s}", json);
        vars = json_loads(text, 0, NULL);
        assert_non_null(vars);
    }
    tc_gql_variables out;
    tc_gql_exec_errors errors = {0};
    int rc = tc_gql_coerce_variables(a, schema, doc->items[0], vars, &out, &errors);
    json_decref(vars);
    if (rc < 0) {
        assert_true(errors.n > 0);
        char *msg = tc_arena_strdup(a, "!");
        for (size_t i = 0; i < errors.n; i++) {
            assert_string_equal(errors.items[i]->code, "BAD_USER_INPUT");
            msg = tc_arena_printf(a, "%s%s%s", msg, i ? " | " : "", errors.items[i]->message);
        }
        return msg;
    }
    assert_int_equal(errors.n, 0);
    return out.values[0] ? value_json(a, out.values[0]) : "(absent)";
}

typedef struct var_row {
    const char *type;
    const char *json; /* NULL: the variable is not given */
    const char *expected;
} var_row;

static void run_var_rows(const var_row *rows, size_t n)
{
    tc_arena *a = tc_arena_new(1 << 16);
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        const char *got = coerce_var(a, rows[i].type, rows[i].json);
        if (strcmp(got, rows[i].expected) != 0) {
            print_error("row %zu: $v: %s = %s\n  got      %s\n  expected %s\n", i, rows[i].type,
                        rows[i].json ? rows[i].json : "(none)", got, rows[i].expected);
            failed++;
        }
    }
    tc_arena_free(a);
    assert_int_equal(failed, 0);
}

#define V(msg) "!Variable \"$v\" got invalid value " msg

/* The specification's Int, Float, String, Boolean and ID input coercion, as graphql-js does it:
 * Int is 32-bit (a JSON 1.0 or 1e3 is an integer), Float finite, String and Boolean strict, ID a
 * string or an integer. */
static void test_scalars(void **state)
{
    (void)state;
    static const var_row rows[] = {
        {"Int", "1", "1"},
        {"Int", "-1", "-1"},
        {"Int", "1.0", "1"},
        {"Int", "1e3", "1000"},
        {"Int", "2147483647", "2147483647"},
        {"Int", "-2147483648", "-2147483648"},
        {"Int", "2147483648",
         V("2147483648; Int cannot represent non 32-bit signed integer value: 2147483648")},
        {"Int", "-2147483649",
         V("-2147483649; Int cannot represent non 32-bit signed integer value: -2147483649")},
        {"Int", "1.5", V("1.5; Int cannot represent non-integer value: 1.5")},
        {"Int", "\"1\"", V("\"1\"; Int cannot represent non-integer value: \"1\"")},
        {"Int", "true", V("true; Int cannot represent non-integer value: true")},
        {"Int", "[1]", V("[1]; Int cannot represent non-integer value: [1]")},
        {"Int", "null", "null"},
        {"Int", NULL, "(absent)"},
        {"Int!", NULL, "!Variable \"$v\" of required type \"Int!\" was not provided."},
        {"Int!", "null", "!Variable \"$v\" of non-null type \"Int!\" must not be null."},
        {"Int = 7", NULL, "7"},
        {"Int = 7", "null", "null"},
        {"Float", "1", "1"},
        {"Float", "1.5", "1.5"},
        {"Float", "-1e-7", "-1e-7"},
        {"Float", "\"1.5\"", V("\"1.5\"; Float cannot represent non numeric value: \"1.5\"")},
        {"Float", "false", V("false; Float cannot represent non numeric value: false")},
        {"String", "\"abc\"", "\"abc\""},
        {"String", "1", V("1; String cannot represent a non string value: 1")},
        {"String", "{\"a\": 1}",
         V("{ a: 1 }; String cannot represent a non string value: { a: 1 }")},
        {"Boolean", "true", "true"},
        {"Boolean", "false", "false"},
        {"Boolean", "1", V("1; Boolean cannot represent a non boolean value: 1")},
        {"Boolean", "\"true\"",
         V("\"true\"; Boolean cannot represent a non boolean value: \"true\"")},
        {"ID", "\"abc\"", "\"abc\""},
        {"ID", "4", "\"4\""},
        {"ID", "4.0", "\"4\""},
        {"ID", "9007199254740993", "\"9007199254740992\""},
        {"ID", "1.5", V("1.5; ID cannot represent value: 1.5")},
        {"ID", "true", V("true; ID cannot represent value: true")},
        {"JSON", "{\"any\": [1, 2.5, \"x\", null]}", "{\"any\":[1,2.5,\"x\",null]}"},
        {"Color", "\"RED\"", "\"RED\""},
        {"Color", "\"red\"",
         V("\"red\"; Value \"red\" does not exist in \"Color\" enum. Did you mean the enum value "
           "\"RED\"?")},
        {"Color", "1", V("1; Enum \"Color\" cannot represent non-string value: 1.")},
        {"Color", "\"BLU\"",
         V("\"BLU\"; Value \"BLU\" does not exist in \"Color\" enum. Did you mean the enum value "
           "\"BLUE\"?")},
    };
    run_var_rows(rows, sizeof(rows) / sizeof(rows[0]));
}

/* The specification's list input coercion table (graphql-js also makes [[Int]] from [1, 2, 3]
 * item by item, each a list of one). */
static void test_lists(void **state)
{
    (void)state;
    static const var_row rows[] = {
        {"[Int]", "[1, 2, 3]", "[1,2,3]"},
        {"[Int]", "[1, \"b\", true]",
         "!Variable \"$v\" got invalid value \"b\" at \"v[1]\"; Int cannot represent non-integer "
         "value: \"b\" | Variable \"$v\" got invalid value true at \"v[2]\"; Int cannot represent "
         "non-integer value: true"},
        {"[Int]", "1", "[1]"},
        {"[Int]", "null", "null"},
        {"[Int]", "[1, null]", "[1,null]"},
        {"[[Int]]", "[[1], [2, 3]]", "[[1],[2,3]]"},
        {"[[Int]]", "[1, 2, 3]", "[[1],[2],[3]]"},
        {"[[Int]]", "1", "[[1]]"},
        {"[Int!]", "[1, null]",
         V("null at \"v[1]\"; Expected non-nullable type \"Int!\" not to be null.")},
        {"[Int]!", "null", "!Variable \"$v\" of non-null type \"[Int]!\" must not be null."},
        {"[Int]", "[]", "[]"},
    };
    run_var_rows(rows, sizeof(rows) / sizeof(rows[0]));
}

/* Input objects: defaults, required fields, unknown fields with suggestions, nested paths. */
static void test_input_objects(void **state)
{
    (void)state;
    static const var_row rows[] = {
        {"Point", "{\"x\": 1}", "{\"x\":1,\"y\":0}"},
        {"Point", "{\"label\": \"a\", \"x\": 1, \"y\": null}",
         "{\"x\":1,\"y\":null,\"label\":\"a\"}"},
        {"Point", "{}", V("{}; Field \"x\" of required type \"Int!\" was not provided.")},
        {"Point", "{\"x\": null}",
         V("null at \"v.x\"; Expected non-nullable type \"Int!\" not to be null.")},
        {"Point", "{\"x\": 1, \"lable\": \"a\"}",
         V("{ x: 1, lable: \"a\" }; Field \"lable\" is not defined by type \"Point\". Did you mean "
           "\"label\"?")},
        {"Point", "\"abc123\"", V("\"abc123\"; Expected type \"Point\" to be an object.")},
        {"Point", "[1]",
         "!Variable \"$v\" got invalid value [1]; Field \"x\" of required type \"Int!\" was not "
         "provided. | Variable \"$v\" got invalid value [1]; Field \"0\" is not defined by type "
         "\"Point\". Did you mean \"x\" or \"y\"?"},
        {"Shape", "{\"points\": {\"x\": 2}, \"tags\": \"t\"}",
         "{\"points\":[{\"x\":2,\"y\":0}],\"color\":\"RED\",\"tags\":[\"t\"]}"},
        {"Shape", "{\"points\": [{\"x\": 1}, {\"x\": \"2\"}], \"color\": \"GREN\"}",
         "!Variable \"$v\" got invalid value \"2\" at \"v.points[1].x\"; Int cannot represent "
         "non-integer value: \"2\" | Variable \"$v\" got invalid value \"GREN\" at \"v.color\"; "
         "Value \"GREN\" does not exist in \"Color\" enum. Did you mean the enum value "
         "\"GREEN\" or \"RED\"?"},
        {"Shape", "{\"b\": 1, \"2\": 2, \"a\": {\"c\": {\"d\": 1}}}",
         "!Variable \"$v\" got invalid value { 2: 2, b: 1, a: { c: [Object] } }; Field \"2\" is "
         "not defined by type \"Shape\". | Variable \"$v\" got invalid value { 2: 2, b: 1, a: { "
         "c: [Object] } }; Field \"b\" is not defined by type \"Shape\". | Variable \"$v\" got "
         "invalid value { 2: 2, b: 1, a: { c: [Object] } }; Field \"a\" is not defined by type "
         "\"Shape\"."},
        {"Query", "{}",
         "!Variable \"$v\" expected value of type \"Query\" which cannot be used as an input "
         "type."},
        {"[Nope!]", NULL,
         "!Variable \"$v\" expected value of type \"[Nope!]\" which cannot be used as an input "
         "type."},
        {"Point = {x: 3, label: \"d\"}", NULL, "{\"x\":3,\"y\":0,\"label\":\"d\"}"},
    };
    run_var_rows(rows, sizeof(rows) / sizeof(rows[0]));
}

static void test_variable_errors_located(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(1 << 16);
    const char *q = "query Q(\n  $a: Int!,\n  $b: [String!]\n) { f }";
    tc_gql_ast_document *doc = tc_gql_parse(a, q, strlen(q), NULL, NULL);
    json_t *vars = json_loads("{\"b\": [\"x\", 1]}", 0, NULL);
    tc_gql_variables out;
    tc_gql_exec_errors errors = {0};
    assert_int_equal(tc_gql_coerce_variables(a, schema, doc->items[0], vars, &out, &errors), -1);
    assert_int_equal(errors.n, 2);
    assert_int_equal(errors.items[0]->nlocations, 1);
    assert_int_equal(errors.items[0]->locations[0].line, 2);
    assert_int_equal(errors.items[0]->locations[0].column, 3);
    assert_int_equal(errors.items[1]->locations[0].line, 3);
    tc_buf buf;
    tc_buf_init(&buf, 4096);
    tc_json j;
    tc_json_init(&j, &buf);
    tc_gql_exec_error_write(&j, errors.items[1]);
    assert_string_equal(tc_buf_cstr(&buf),
                        "{\"message\":\"Variable \\\"$b\\\" got invalid value 1 at \\\"b[1]\\\"; "
                        "String cannot represent a non string value: 1\",\"locations\":[{\"line\":"
                        "3,\"column\":3}],\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}");
    tc_buf_fini(&buf);

    /* more than 50 errors: 50, then one that says so */
    json_decref(vars);
    vars =
        json_loads("{\"a\": 1, \"b\": [1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,"
                   "9,10,1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10,1,2,3]}",
                   0, NULL);
    errors = (tc_gql_exec_errors){0};
    assert_int_equal(tc_gql_coerce_variables(a, schema, doc->items[0], vars, &out, &errors), -1);
    assert_int_equal(errors.n, TC_GQL_MAX_VARIABLE_ERRORS + 1);
    assert_string_equal(errors.items[TC_GQL_MAX_VARIABLE_ERRORS]->message,
                        "Too many errors processing variables, error limit reached. Execution "
                        "aborted.");
    assert_int_equal(errors.items[TC_GQL_MAX_VARIABLE_ERRORS]->nlocations, 0);

    /* variables that are not an object */
    json_decref(vars);
    vars = json_loads("[1]", 0, NULL);
    errors = (tc_gql_exec_errors){0};
    assert_int_equal(tc_gql_coerce_variables(a, schema, doc->items[0], vars, &out, &errors), -1);
    assert_int_equal(errors.n, 1);
    json_decref(vars);

    /* nesting past the bound is refused, not recursed into */
    char deep[512];
    size_t n = (size_t)snprintf(deep, sizeof(deep), "{\"a\": 1, \"b\": ");
    memset(deep + n, '[', 70);
    memset(deep + n + 70, ']', 70);
    memcpy(deep + n + 140, "}", 2);
    vars = json_loads(deep, 0, NULL);
    assert_non_null(vars);
    errors = (tc_gql_exec_errors){0};
    assert_int_equal(tc_gql_coerce_variables(a, schema, doc->items[0], vars, &out, &errors), -1);
    assert_int_equal(errors.n, 1);
    assert_non_null(strstr(errors.items[0]->message, "deeper than 64 levels"));
    json_decref(vars);
    tc_arena_free(a);
}

/* ---- Arguments ------------------------------------------------------------------------------- */

typedef struct arg_row {
    const char *args;      /* the arguments of f, in GraphQL syntax */
    const char *variables; /* JSON for $vi: Int, $vp: Point, $vl: [Int], $vb: Boolean */
    const char *expected;  /* the present arguments as a JSON object, or "!message" */
} arg_row;

static const char *coerce_args(tc_arena *a, const arg_row *row)
{
    char query[512];
    snprintf(query, sizeof(query),
             "query ($vi: Int, $vp: Point, $vl: [Int], $vb: Boolean) { f(%s) }", row->args);
    tc_gql_ast_document *doc = tc_gql_parse(a, query, strlen(query), NULL, NULL);
    assert_non_null(doc);
    json_t *vars = json_loads(row->variables ? row->variables : "{}", 0, NULL);
    assert_non_null(vars);
    tc_gql_variables values;
    tc_gql_exec_errors errors = {0};
    assert_int_equal(tc_gql_coerce_variables(a, schema, doc->items[0], vars, &values, &errors), 0);
    json_decref(vars);
    const tc_gql_ast_selection *field = doc->items[0]->selection_set->items[0];
    const tc_gql_field *f = tc_gql_type_field(schema->query, "f");
    tc_gql_args args;
    tc_gql_exec_error *err = NULL;
    if (tc_gql_coerce_arguments(a, f->args, f->nargs, &field->arguments, &field->loc, &values,
                                &args, &err) < 0)
        return tc_arena_printf(a, "!%s @%u:%u", err->message, err->locations[0].line,
                               err->locations[0].column);
    char *out = tc_arena_strdup(a, "{");
    bool first = true;
    for (size_t i = 0; i < args.n; i++) {
        if (!args.values[i])
            continue;
        out = tc_arena_printf(a, "%s%s\"%s\":%s", out, first ? "" : ",", args.defs[i]->name,
                              value_json(a, args.values[i]));
        first = false;
    }
    return tc_arena_printf(a, "%s}", out);
}

/* CoerceArgumentValues: defaults, null against missing, variables substituted (an absent one
 * counts as not given), the specification's input object table for literals. */
static void test_arguments(void **state)
{
    (void)state;
    static const arg_row rows[] = {
        {"req: {x: 1}", NULL, "{\"d\":42,\"req\":{\"x\":1,\"y\":0}}"},
        {"req: {x: 1}, d: null", NULL, "{\"d\":null,\"req\":{\"x\":1,\"y\":0}}"},
        {"req: {x: 1}, d: $vi", NULL, "{\"d\":42,\"req\":{\"x\":1,\"y\":0}}"},
        {"req: {x: 1}, d: $vi", "{\"vi\": null}", "{\"d\":null,\"req\":{\"x\":1,\"y\":0}}"},
        {"req: {x: 1}, d: $vi, i: $vi", "{\"vi\": 5}",
         "{\"i\":5,\"d\":5,\"req\":{\"x\":1,\"y\":0}}"},
        {"req: {x: 1}, i: 1, fl: 2, s: \"s\", b: false, id: 7, c: GREEN", NULL,
         "{\"i\":1,\"fl\":2,\"s\":\"s\",\"b\":false,\"id\":\"7\",\"c\":\"GREEN\",\"d\":42,"
         "\"req\":{\"x\":1,\"y\":0}}"},
        {"req: {x: 1}, l: 3, ll: [1, [2]]", NULL,
         "{\"l\":[3],\"ll\":[[1],[2]],\"d\":42,\"req\":{\"x\":1,\"y\":0}}"},
        {"req: {x: 1}, l: [1, $vi, $vb]", "{\"vb\": true}",
         "{\"l\":[1,null,true],\"d\":42,\"req\":{\"x\":1,\"y\":0}}"},
        {"req: {x: 1}, j: {a: [1, ENUM, \"s\", $vi, null], b: $vi, c: 1.5}", NULL,
         "{\"j\":{\"a\":[1,\"ENUM\",\"s\",null,null],\"c\":1.5},\"d\":42,\"req\":{\"x\":1,\"y\":0}"
         "}"},
        {"req: $vp", "{\"vp\": {\"x\": 9}}", "{\"d\":42,\"req\":{\"x\":9,\"y\":0}}"},
        /* the specification's input object literal table */
        {"req: {x: 1, label: \"abc\"}", NULL,
         "{\"d\":42,\"req\":{\"x\":1,\"y\":0,\"label\":\"abc\"}}"},
        {"req: {x: 1, label: null}", NULL, "{\"d\":42,\"req\":{\"x\":1,\"y\":0,\"label\":null}}"},
        {"req: {x: 1, y: $vi}", NULL, "{\"d\":42,\"req\":{\"x\":1,\"y\":0}}"},
        {"req: {x: $vi}", NULL, "!Argument \"req\" has invalid value {x: $vi}. @1:65"},
        {"req: {x: $vi}", "{\"vi\": null}", "!Argument \"req\" has invalid value {x: $vi}. @1:65"},
        {"req: \"abc123\"", NULL, "!Argument \"req\" has invalid value \"abc123\". @1:65"},
        {"req: {x: \"1\"}", NULL, "!Argument \"req\" has invalid value {x: \"1\"}. @1:65"},
        {"req: {label: \"abc\"}", NULL,
         "!Argument \"req\" has invalid value {label: \"abc\"}. @1:65"},
        /* getArgumentValues' own errors */
        {"i: 1", NULL, "!Argument \"req\" of required type \"Point!\" was not provided. @1:58"},
        {"req: null", NULL,
         "!Argument \"req\" of non-null type \"Point!\" must not be null. @1:65"},
        {"req: $vp", NULL,
         "!Argument \"req\" of required type \"Point!\" was provided the variable \"$vp\" which "
         "was "
         "not provided a runtime value. @1:65"},
        {"req: $vp", "{\"vp\": null}",
         "!Argument \"req\" of non-null type \"Point!\" must not be null. @1:65"},
        {"req: {x: 1}, i: 2147483648", NULL, "!Argument \"i\" has invalid value 2147483648. @1:76"},
        {"req: {x: 1}, fl: \"1\"", NULL, "!Argument \"fl\" has invalid value \"1\". @1:77"},
        {"req: {x: 1}, c: \"RED\"", NULL, "!Argument \"c\" has invalid value \"RED\". @1:76"},
        {"req: {x: 1}, c: PURPLE", NULL, "!Argument \"c\" has invalid value PURPLE. @1:76"},
        {"req: {x: 1}, id: 1.5", NULL, "!Argument \"id\" has invalid value 1.5. @1:77"},
        {"req: {x: 1}, l: [1, \"x\"]", NULL, "!Argument \"l\" has invalid value [1, \"x\"]. @1:76"},
        /* the last of a repeated argument wins, as graphql-js keyMap */
        {"req: {x: 1}, i: 1, i: 2", NULL, "{\"i\":2,\"d\":42,\"req\":{\"x\":1,\"y\":0}}"},
    };
    tc_arena *a = tc_arena_new(1 << 16);
    int failed = 0;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        const char *got = coerce_args(a, &rows[i]);
        if (strcmp(got, rows[i].expected) != 0) {
            print_error("row %zu: f(%s)\n  got      %s\n  expected %s\n", i, rows[i].args, got,
                        rows[i].expected);
            failed++;
        }
    }
    tc_arena_free(a);
    assert_int_equal(failed, 0);
}

/* ---- inspect() and didYouMean() -------------------------------------------------------------- */

static void test_inspect(void **state)
{
    (void)state;
    static const char *const rows[][2] = {
        {"null", "null"},
        {"true", "true"},
        {"-0", "0"},
        {"1.5", "1.5"},
        {"1e21", "1e+21"},
        {"1e-7", "1e-7"},
        {"9007199254740993", "9007199254740992"},
        {"\"a\\\"b\\\\c\\n\\t\\u0001\xc3\xa9\"", "\"a\\\"b\\\\c\\n\\t\\u0001\xc3\xa9\""},
        {"[]", "[]"},
        {"{}", "{}"},
        {"[1,[2,[3,[4]]]]", "[1, [2, [Array]]]"},
        {"{\"a\":{\"b\":{\"c\":1}},\"2\":1,\"01\":2,\"1\":3}",
         "{ 1: 3, 2: 1, a: { b: [Object] }, 01: 2 }"},
        {"[0,1,2,3,4,5,6,7,8,9,10]", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... 1 more item]"},
        {"[0,1,2,3,4,5,6,7,8,9,10,11]", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... 2 more items]"},
        {"[[]]", "[[]]"},
        {"[{}]", "[{}]"},
        {"{\"a\":[[1]]}", "{ a: [[Array]] }"},
    };
    tc_arena *a = tc_arena_new(4096);
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        json_t *j = json_loads(rows[i][0], JSON_DECODE_ANY, NULL);
        assert_non_null(j);
        const tc_gql_value *v = tc_gql_coerce_from_json(a, j);
        tc_buf out;
        tc_buf_init(&out, 4096);
        assert_int_equal(tc_gql_inspect(&out, v), 0);
        if (strcmp(tc_buf_cstr(&out), rows[i][1]) != 0)
            fail_msg("row %zu: %s\n  got      %s\n  expected %s", i, rows[i][0], tc_buf_cstr(&out),
                     rows[i][1]);
        tc_buf_fini(&out);
        json_decref(j);
    }
    tc_arena_free(a);
}

static void test_did_you_mean(void **state)
{
    (void)state;
    static const struct {
        const char *input;
        const char *options[8];
        const char *expected;
    } rows[] = {
        {"abc", {"a", "ab", "abc"}, " Did you mean \"abc\", \"ab\", or \"a\"?"},
        {"GraphQl",
         {"graphics", "SQL", "GraphQL", "quarks", "mark"},
         " Did you mean \"GraphQL\" or \"graphics\"?"},
        {"nmae",
         {"name", "names", "nm", "game", "id"},
         " Did you mean \"name\", \"game\", \"names\", or \"nm\"?"},
        {"ascNullsFirst",
         {"AscNullsFirst", "AscNullsLast", "DescNullsFirst", "DescNullsLast"},
         " Did you mean \"AscNullsFirst\", \"DescNullsFirst\", \"AscNullsLast\", or "
         "\"DescNullsLast\"?"},
        {"item10",
         {"item2", "item10", "item1", "item9"},
         " Did you mean \"item10\", \"item1\", \"item2\", or \"item9\"?"},
        {"desc", {"DescNullsFirst", "DescNullsLast"}, ""},
        {"a",
         {"b", "c", "d", "e", "f", "g", "A"},
         " Did you mean \"A\", \"b\", \"c\", \"d\", or \"e\"?"},
        {"", {"a", "ab"}, " Did you mean \"a\"?"},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        size_t n = 0;
        while (n < 8 && rows[i].options[n])
            n++;
        tc_buf out;
        tc_buf_init(&out, 4096);
        tc_gql_did_you_mean(&out, NULL, rows[i].input, strlen(rows[i].input), rows[i].options, n);
        if (strcmp(tc_buf_cstr(&out), rows[i].expected) != 0)
            fail_msg("row %zu: %s\n  got      %s\n  expected %s", i, rows[i].input,
                     tc_buf_cstr(&out), rows[i].expected);
        tc_buf_fini(&out);
    }
    tc_buf out;
    tc_buf_init(&out, 4096);
    const char *opts[] = {"RED", "GREEN"};
    tc_gql_did_you_mean(&out, "the enum value", "REd", 3, opts, 2);
    assert_string_equal(tc_buf_cstr(&out), " Did you mean the enum value \"RED\"?");
    tc_buf_fini(&out);
}

/* typeFromAST and valueFromAST on their own. */
static void test_types_and_literals(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(4096);
    tc_gql_ast_type *t = tc_gql_parse_type(a, "[Point!]!", 9, NULL, NULL);
    const tc_gql_typeref *r = tc_gql_coerce_type(a, schema, t);
    assert_non_null(r);
    tc_buf out;
    tc_buf_init(&out, 256);
    tc_gql_ref_print(r, &out);
    assert_string_equal(tc_buf_cstr(&out), "[Point!]!");
    tc_buf_fini(&out);
    assert_null(tc_gql_coerce_type(a, schema, tc_gql_parse_type(a, "[Nope]", 6, NULL, NULL)));

    tc_gql_ast_value *v = tc_gql_parse_value(a, "{y: 2, x: 1}", 12, true, NULL, NULL);
    const tc_gql_value *cv = tc_gql_coerce_literal(a, v, r, NULL);
    assert_string_equal(value_json(a, cv), "[{\"x\":1,\"y\":2}]");
    v = tc_gql_parse_value(a, "null", 4, true, NULL, NULL);
    assert_null(tc_gql_coerce_literal(a, v, r, NULL));
    assert_non_null(tc_gql_coerce_literal(a, v, r->of, NULL));
    v = tc_gql_parse_value(a, "1e999", 5, true, NULL, NULL);
    assert_null(tc_gql_coerce_literal(a, v, &tc_gql_schema_type(schema, "Float")->ref, NULL));
    tc_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scalars),       cmocka_unit_test(test_lists),
        cmocka_unit_test(test_input_objects), cmocka_unit_test(test_variable_errors_located),
        cmocka_unit_test(test_arguments),     cmocka_unit_test(test_inspect),
        cmocka_unit_test(test_did_you_mean),  cmocka_unit_test(test_types_and_literals),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
