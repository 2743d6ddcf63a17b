/* Unit tests for the GraphQL executor (graphql/execute.h) with C resolvers over a small
 * Star Wars-shaped schema: every result kind (scalars, encoded JSON, typed values, objects with
 * their runtime type, lists read item by item, errors), fields with aliases, fragments and inline
 * fragments on interfaces and unions, @skip/@include, CollectFields merging, __typename, null
 * propagation to the nearest nullable parent, errors with paths and locations, mutations in
 * order, operation selection, subscriptions refused, look-ahead, and the bounds. The expected
 * responses were checked against graphql-js 16.6 executing the same schema and documents with
 * resolvers that return the same values (twentyc adds extensions.code to its errors). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "graphql/execute.h"
#include "graphql/parser.h"
#include "graphql/schema.h"

static tc_gql_schema *schema;

typedef struct character {
    const char *type, *id, *name;
    double height;
    const char *friends[4];
    const char *primary;
} character;

static const character cast[] = {
    {"Human", "1000", "Luke Skywalker", 1.72, {"1002", "2001", NULL}, NULL},
    {"Human", "1002", "Han Solo", 1.8, {"1000", "9999", NULL}, NULL},
    {"Droid", "2001", "R2-D2", 0, {"1000", NULL}, "Astromech"},
    {"Human", "1003", NULL, 0, {NULL}, NULL},
    {"Droid", "2002", NULL, 0, {"2001", "9999", NULL}, NULL},
};
#define NCAST (sizeof(cast) / sizeof(cast[0]))

/* ---- Schema ---------------------------------------------------------------------------------- */

static int setup(void **state)
{
    (void)state;
    tc_gql_builder *b = tc_gql_builder_new();
    tc_arena *a = tc_gql_builder_arena(b);
    tc_gql_type *node = tc_gql_builder_add_type(b, TC_GQL_INTERFACE, "Node", NULL);
    tc_gql_builder_add_field(b, node, "id", "ID!", NULL);
    tc_gql_type *human = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Human", NULL);
    tc_gql_builder_add_interface(b, human, "Node");
    tc_gql_builder_add_field(b, human, "id", "ID!", NULL);
    tc_gql_builder_add_field(b, human, "name", "String!", NULL);
    tc_gql_builder_add_field(b, human, "height", "Float", NULL);
    tc_gql_builder_add_field(b, human, "friends", "[Node]", NULL);
    tc_gql_builder_add_field(b, human, "appearsIn", "[Episode!]", NULL);
    tc_gql_type *droid = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Droid", NULL);
    tc_gql_builder_add_interface(b, droid, "Node");
    tc_gql_builder_add_field(b, droid, "id", "ID!", NULL);
    tc_gql_builder_add_field(b, droid, "name", "String", NULL);
    tc_gql_builder_add_field(b, droid, "primaryFunction", "String", NULL);
    tc_gql_builder_add_field(b, droid, "friends", "[Node!]", NULL);
    tc_gql_type *row = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Row", NULL);
    tc_gql_builder_add_field(b, row, "index", "Int!", NULL);
    tc_gql_builder_add_field(b, row, "label", "String", NULL);
    tc_gql_builder_add_field(b, row, "twice", "Int", NULL);
    tc_gql_type *search = tc_gql_builder_add_type(b, TC_GQL_UNION, "SearchResult", NULL);
    tc_gql_builder_add_member(b, search, "Human");
    tc_gql_builder_add_member(b, search, "Droid");
    tc_gql_type *episode = tc_gql_builder_add_type(b, TC_GQL_ENUM, "Episode", NULL);
    tc_gql_builder_add_enum_value(b, episode, "NEWHOPE", NULL);
    tc_gql_builder_add_enum_value(b, episode, "EMPIRE", NULL);
    tc_gql_builder_add_enum_value(b, episode, "JEDI", NULL);
    tc_gql_builder_add_type(b, TC_GQL_SCALAR, "JSON", NULL);
    tc_gql_type *query = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Query", NULL);
    tc_gql_field *f = tc_gql_builder_add_field(b, query, "hero", "Node", NULL);
    tc_gql_input_value *ep = tc_gql_builder_add_arg(b, f, "episode", "Episode", NULL);
    tc_gql_builder_set_default(b, ep, tc_gql_value_enum(a, "JEDI", 4));
    f = tc_gql_builder_add_field(b, query, "human", "Human", NULL);
    tc_gql_builder_add_arg(b, f, "id", "ID!", NULL);
    f = tc_gql_builder_add_field(b, query, "search", "[SearchResult]", NULL);
    tc_gql_builder_add_arg(b, f, "text", "String!", NULL);
    tc_gql_builder_add_field(b, query, "numbers", "[Int!]", NULL);
    f = tc_gql_builder_add_field(b, query, "rows", "[Row!]!", NULL);
    tc_gql_input_value *n = tc_gql_builder_add_arg(b, f, "n", "Int", NULL);
    tc_gql_builder_set_default(b, n, tc_gql_value_int(a, 3));
    f = tc_gql_builder_add_field(b, query, "echo", "JSON", NULL);
    tc_gql_builder_add_arg(b, f, "i", "Int", NULL);
    tc_gql_builder_add_arg(b, f, "s", "[String]", NULL);
    tc_gql_builder_add_arg(b, f, "e", "Episode", NULL);
    tc_gql_builder_add_arg(b, f, "o", "JSON", NULL);
    tc_gql_builder_add_field(b, query, "raw", "JSON", NULL);
    tc_gql_builder_add_field(b, query, "mustHave", "Human!", NULL);
    tc_gql_type *mutation = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Mutation", NULL);
    f = tc_gql_builder_add_field(b, mutation, "add", "Int", NULL);
    tc_gql_builder_add_arg(b, f, "n", "Int!", NULL);
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

/* ---- Resolvers ------------------------------------------------------------------------------- */

typedef struct ctx {
    tc_arena *a;
    int64_t total;       /* Mutation.add */
    char lookahead[256]; /* Query.rows: the response keys selected on Row */
    int rows_resolved;   /* Row fields resolved */
} ctx;

static const character *by_id(const char *id)
{
    for (size_t i = 0; i < NCAST; i++)
        if (strcmp(cast[i].id, id) == 0)
            return &cast[i];
    return NULL;
}

static tc_gql_result character_result(const character *c)
{
    return tc_gql_result_object(c, 0, tc_gql_schema_type(schema, c->type));
}

static tc_gql_result friend_item(void *ctxp, const void *list, size_t i)
{
    (void)ctxp;
    const character *c = list;
    const character *f = by_id(c->friends[i]);
    if (!f)
        return tc_gql_result_error("No friend with that id.", "NOT_FOUND");
    return character_result(f);
}

static tc_gql_result cast_item(void *ctxp, const void *list, size_t i)
{
    (void)ctxp;
    return character_result(&((const character *)list)[i]);
}

static tc_gql_result row_item(void *ctxp, const void *list, size_t i)
{
    (void)ctxp;
    return tc_gql_result_object(list, i, NULL);
}

static tc_gql_result text(const char *s)
{
    return s ? tc_gql_result_string(s, strlen(s)) : tc_gql_result_null();
}

static tc_gql_result query_field(ctx *c, const tc_gql_resolve_info *info, const char *name)
{
    if (strcmp(name, "hero") == 0) {
        const tc_gql_value *ep = tc_gql_args_get(info->args, "episode");
        bool empire = ep && ep->kind == TC_GQL_VALUE_ENUM && strcmp(ep->u.str.s, "EMPIRE") == 0;
        return character_result(by_id(empire ? "1000" : "2001"));
    }
    if (strcmp(name, "human") == 0) {
        const character *h = by_id(tc_gql_args_get(info->args, "id")->u.str.s);
        return h && strcmp(h->type, "Human") == 0 ? character_result(h) : tc_gql_result_null();
    }
    if (strcmp(name, "search") == 0)
        return tc_gql_result_list(cast, NCAST, cast_item);
    if (strcmp(name, "numbers") == 0) {
        tc_gql_value *list = tc_gql_value_list(c->a, 4);
        for (int i = 0; i < 4; i++)
            list->u.list.items[i] =
                i == 2 ? tc_gql_value_null(c->a) : tc_gql_value_int(c->a, i + 1);
        return tc_gql_result_value(list);
    }
    if (strcmp(name, "rows") == 0) {
        const tc_gql_field_groups *sub;
        tc_gql_exec_error *err;
        const tc_gql_type *row = tc_gql_schema_type(schema, "Row");
        if (tc_gql_exec_subfields(info->exec, info->group, row, &sub, &err) == 0) {
            c->lookahead[0] = '\0';
            for (size_t i = 0; i < sub->n; i++) {
                strncat(c->lookahead, sub->items[i].key,
                        sizeof(c->lookahead) - strlen(c->lookahead) - 2);
                strncat(c->lookahead, " ", sizeof(c->lookahead) - strlen(c->lookahead) - 1);
            }
        }
        const tc_gql_value *n = tc_gql_args_get(info->args, "n");
        return tc_gql_result_list("rows", n && n->kind == TC_GQL_VALUE_INT ? (size_t)n->u.i : 0,
                                  row_item);
    }
    if (strcmp(name, "echo") == 0) {
        size_t present = 0;
        for (size_t i = 0; i < info->args->n; i++)
            present += info->args->values[i] != NULL;
        tc_gql_value *o = tc_gql_value_object(c->a, present);
        size_t k = 0;
        for (size_t i = 0; i < info->args->n; i++)
            if (info->args->values[i])
                o->u.obj.fields[k++] =
                    (tc_gql_value_field){info->args->defs[i]->name, info->args->values[i]};
        return tc_gql_result_value(o);
    }
    if (strcmp(name, "raw") == 0) {
        static const char raw[] = "{\"pre\":[\"encoded\",1]}";
        return tc_gql_result_json(raw, strlen(raw));
    }
    return tc_gql_result_null(); /* mustHave */
}

static tc_gql_result resolve(void *ctxp, tc_gql_obj parent, const tc_gql_resolve_info *info)
{
    ctx *c = ctxp;
    const char *type = info->parent_type->name;
    const char *name = info->field->name;
    if (strcmp(type, "Query") == 0)
        return query_field(c, info, name);
    if (strcmp(type, "Mutation") == 0) {
        c->total += tc_gql_args_get(info->args, "n")->u.i;
        return tc_gql_result_int(c->total);
    }
    if (strcmp(type, "Row") == 0) {
        c->rows_resolved++;
        if (strcmp(name, "index") == 0)
            return tc_gql_result_int((int64_t)parent.row);
        if (strcmp(name, "twice") == 0)
            return tc_gql_result_int(2 * (int64_t)parent.row);
        if (parent.row % 2 == 1)
            return tc_gql_result_error("Odd labels are unreadable.", "FORBIDDEN");
        static const char *const labels[] = {"zero", "one", "two", "three", "four"};
        return text(parent.row < 5 ? labels[parent.row] : NULL);
    }
    const character *ch = parent.ptr;
    if (strcmp(name, "id") == 0)
        return text(ch->id);
    if (strcmp(name, "name") == 0)
        return text(ch->name);
    if (strcmp(name, "height") == 0)
        return ch->height ? tc_gql_result_float(ch->height) : tc_gql_result_null();
    if (strcmp(name, "primaryFunction") == 0)
        return text(ch->primary);
    if (strcmp(name, "friends") == 0) {
        size_t n = 0;
        while (ch->friends[n])
            n++;
        return tc_gql_result_list(ch, n, friend_item);
    }
    if (strcmp(name, "appearsIn") == 0)
        return strcmp(ch->id, "1000") == 0 ? tc_gql_result_json("[\"NEWHOPE\",\"EMPIRE\"]", 20)
                                           : tc_gql_result_null(); /* 20: the text's length */
    return tc_gql_result_null();
}

/* ---- Running documents ----------------------------------------------------------------------- */

/* The response to query (variables as JSON text or NULL), in a. */
static const char *run_in(tc_arena *a, ctx *c, const char *query, const char *variables,
                          const char *operation, size_t max)
{
    tc_gql_parse_error perr;
    tc_gql_ast_document *doc = tc_gql_parse(a, query, strlen(query), NULL, &perr);
    if (!doc)
        fail_msg("parse: %s", perr.message);
    json_t *vars = variables ? json_loads(variables, 0, NULL) : NULL;
    if (variables)
        assert_non_null(vars);
    tc_gql_request r = {.schema = schema,
                        .document = doc,
                        .operation_name = operation,
                        .variables = vars,
                        .resolve = resolve,
                        .ctx = c};
    tc_buf out;
    tc_buf_init(&out, max);
    int rc = tc_gql_execute(a, &r, &out);
    json_decref(vars);
    const char *s = rc == 0 ? tc_arena_strdup(a, tc_buf_cstr(&out)) : NULL;
    tc_buf_fini(&out);
    return s;
}

typedef struct row {
    const char *query;
    const char *variables;
    const char *operation;
    const char *expected;
} row;

static void run_rows(const row *rows, size_t n)
{
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        tc_arena *a = tc_arena_new(1 << 16);
        ctx c = {.a = a};
        const char *got =
            run_in(a, &c, rows[i].query, rows[i].variables, rows[i].operation, 1 << 20);
        if (!got || strcmp(got, rows[i].expected) != 0) {
            print_error("row %zu: %s\n  got      %s\n  expected %s\n", i, rows[i].query,
                        got ? got : "(-1)", rows[i].expected);
            failed++;
        }
        tc_arena_free(a);
    }
    assert_int_equal(failed, 0);
}

#define INTERNAL ",\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}"
#define BAD_INPUT ",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}"

/* Aliases, selection order, CollectFields merging, __typename, fragments on interfaces and
 * unions, every result kind. */
static void test_selections(void **state)
{
    (void)state;
    static const row rows[] = {
        {"{ hero { id __typename } }", NULL, NULL,
         "{\"data\":{\"hero\":{\"id\":\"2001\",\"__typename\":\"Droid\"}}}"},
        {"{ b: hero(episode: EMPIRE) { ... on Human { name height } } a: hero { id } hero { id } "
         "hero { ...on Droid { primaryFunction } } __typename }",
         NULL, NULL,
         "{\"data\":{\"b\":{\"name\":\"Luke Skywalker\",\"height\":1.72},\"a\":{\"id\":\"2001\"},"
         "\"hero\":{\"id\":\"2001\",\"primaryFunction\":\"Astromech\"},\"__typename\":"
         "\"Query\"}}"},
        {"query { search(text: \"\") { __typename ... on Node { id } ...H ... on Droid { "
         "primaryFunction } } } fragment H on Human { height ... on Node { id } }",
         NULL, NULL,
         "{\"data\":{\"search\":[{\"__typename\":\"Human\",\"id\":\"1000\",\"height\":1.72},{"
         "\"__typename\":\"Human\",\"id\":\"1002\",\"height\":1.8},{\"__typename\":\"Droid\","
         "\"id\":\"2001\",\"primaryFunction\":\"Astromech\"},{\"__typename\":\"Human\",\"id\":"
         "\"1003\",\"height\":null},{\"__typename\":\"Droid\",\"id\":\"2002\",\"primaryFunction\""
         ":null}]}}"},
        {"{ human(id: 1000) { appearsIn friends { id } } numbers2: raw echo(i: 5, s: \"x\", e: "
         "EMPIRE, o: {a: [1, B, null]}) }",
         NULL, NULL,
         "{\"data\":{\"human\":{\"appearsIn\":[\"NEWHOPE\",\"EMPIRE\"],\"friends\":[{\"id\":"
         "\"1002\"},{\"id\":\"2001\"}]},\"numbers2\":{\"pre\":[\"encoded\",1]},\"echo\":{\"i\":5,"
         "\"s\":[\"x\"],\"e\":\"EMPIRE\",\"o\":{\"a\":[1,\"B\",null]}}}}"},
        {"{ human(id: \"1\") { id } unknown hero { unknown ...Missing ... on Nope { id } id } }",
         NULL, NULL, "{\"data\":{\"human\":null,\"hero\":{\"id\":\"2001\"}}}"},
        {"query ($yes: Boolean!, $no: Boolean = false) { hero { a: id @skip(if: true) b: id "
         "@include(if: false) c: id @skip(if: $no) d: id @include(if: $no) e: id @skip(if: $yes) "
         "@include(if: $yes) ... on Droid @include(if: $yes) { name } ...F @skip(if: $yes) ...F "
         "@include(if: $yes) } } fragment F on Node { id }",
         "{\"yes\": true}", NULL,
         "{\"data\":{\"hero\":{\"c\":\"2001\",\"name\":\"R2-D2\",\"id\":\"2001\"}}}"},
        {"{ echo }", NULL, NULL, "{\"data\":{\"echo\":{}}}"},
    };
    run_rows(rows, sizeof(rows) / sizeof(rows[0]));
}

/* Null propagation: a null or an error in a non-null position nulls the nearest nullable
 * parent; siblings after it are not executed; errors carry path and locations. */
static void test_null_propagation(void **state)
{
    (void)state;
    static const row rows[] = {
        {"{ human(id: \"1003\") { id name } hero { id } }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Human.name.\","
         "\"locations\":[{\"line\":1,\"column\":26}],\"path\":[\"human\",\"name\"]" INTERNAL
         "}],\"data\":{\"human\":null,\"hero\":{\"id\":\"2001\"}}}"},
        {"{ hero { id } mustHave { id } raw }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Query.mustHave.\","
         "\"locations\":[{\"line\":1,\"column\":15}],\"path\":[\"mustHave\"]" INTERNAL
         "}],\"data\":null}"},
        {"{ numbers }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Query.numbers.\","
         "\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"numbers\",2]" INTERNAL
         "}],\"data\":{\"numbers\":null}}"},
        {"{ search(text: \"\") { ... on Human { name } } }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Human.name.\","
         "\"locations\":[{\"line\":1,\"column\":37}],\"path\":[\"search\",3,\"name\"]" INTERNAL
         "}],\"data\":{\"search\":[{\"name\":\"Luke Skywalker\"},{\"name\":\"Han Solo\"},{},null,"
         "{}]}}"},
        {"{ h: human(id: 1002) { friends { id } } d: search(text: \"\") { ... on Droid { "
         "friends { id } } } }",
         NULL, NULL,
         "{\"errors\":[{\"message\":\"No friend with that id.\",\"locations\":[{\"line\":1,"
         "\"column\":24}],\"path\":[\"h\",\"friends\",1],\"extensions\":{\"code\":\"NOT_FOUND\"}},"
         "{\"message\":\"No friend with that id.\",\"locations\":[{\"line\":1,\"column\":78}],"
         "\"path\":[\"d\",4,\"friends\",1],\"extensions\":{\"code\":\"NOT_FOUND\"}}],\"data\":{"
         "\"h\":{\"friends\":[{\"id\":\"1000\"},null]},\"d\":[{},{},{\"friends\":[{\"id\":"
         "\"1000\"}]},{},{\"friends\":null}]}}"},
        {"{ rows(n: 3) { index label twice } }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Odd labels are unreadable.\",\"locations\":[{\"line\":1,"
         "\"column\":22}],\"path\":[\"rows\",1,\"label\"],\"extensions\":{\"code\":"
         "\"FORBIDDEN\"}}],\"data\":{\"rows\":[{\"index\":0,\"label\":\"zero\",\"twice\":0},{"
         "\"index\":1,\"label\":null,\"twice\":2},{\"index\":2,\"label\":\"two\",\"twice\":4}]}}"},
        {"{ a: human(id: 1003) { name } a: human(id: 1003) { name } }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Cannot return null for non-nullable field Human.name.\","
         "\"locations\":[{\"line\":1,\"column\":24},{\"line\":1,\"column\":52}],\"path\":[\"a\","
         "\"name\"]" INTERNAL "}],\"data\":{\"a\":null}}"},
    };
    run_rows(rows, sizeof(rows) / sizeof(rows[0]));
}

/* Operation selection, variables, argument errors at execution, mutations, subscriptions. */
static void test_operations(void **state)
{
    (void)state;
    static const row rows[] = {
        {"query A { hero { id } } query B { raw }", NULL, "B",
         "{\"data\":{\"raw\":{\"pre\":[\"encoded\",1]}}}"},
        {"query A { hero { id } } query B { raw }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Must provide operation name if query contains multiple "
         "operations.\"" BAD_INPUT "}]}"},
        {"query A { raw }", NULL, "C",
         "{\"errors\":[{\"message\":\"Unknown operation named \\\"C\\\".\"" BAD_INPUT "}]}"},
        {"fragment F on Query { raw }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Must provide an operation.\"" BAD_INPUT "}]}"},
        {"subscription S { raw }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Schema is not configured to execute subscription "
         "operation.\",\"locations\":[{\"line\":1,\"column\":1}]" BAD_INPUT "}],\"data\":null}"},
        {"mutation { a: add(n: 2) b: add(n: 3) c: add(n: -10) }", NULL, NULL,
         "{\"data\":{\"a\":2,\"b\":5,\"c\":-5}}"},
        {"query ($id: ID!, $e: Episode) { human(id: $id) { id } hero(episode: $e) { id } }",
         "{\"e\": \"EMPIRE\"}", NULL,
         "{\"errors\":[{\"message\":\"Variable \\\"$id\\\" of required type \\\"ID!\\\" was not "
         "provided.\",\"locations\":[{\"line\":1,\"column\":8}]" BAD_INPUT "}]}"},
        {"query ($id: ID!, $e: Episode) { human(id: $id) { id } hero(episode: $e) { id } }",
         "{\"id\": 1000, \"e\": \"EMPIRE\"}", NULL,
         "{\"data\":{\"human\":{\"id\":\"1000\"},\"hero\":{\"id\":\"1000\"}}}"},
        {"query ($id: ID) { human(id: $id) { id } human2: human { id } hero(episode: MARS) { id } "
         "}",
         NULL, NULL,
         "{\"errors\":[{\"message\":\"Argument \\\"id\\\" of required type \\\"ID!\\\" was "
         "provided the variable \\\"$id\\\" which was not provided a runtime value.\","
         "\"locations\":[{\"line\":1,\"column\":29}],\"path\":[\"human\"]" BAD_INPUT
         "},{\"message\":\"Argument \\\"id\\\" of required type \\\"ID!\\\" was not provided.\","
         "\"locations\":[{\"line\":1,\"column\":41}],\"path\":[\"human2\"]" BAD_INPUT
         "},{\"message\":\"Argument \\\"episode\\\" has invalid value MARS.\",\"locations\":[{"
         "\"line\":1,\"column\":76}],\"path\":[\"hero\"]" BAD_INPUT
         "}],\"data\":{\"human\":null,\"human2\":null,\"hero\":null}}"},
        {"{ hero { id @skip(if: \"no\") } }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Argument \\\"if\\\" has invalid value \\\"no\\\".\","
         "\"locations\":[{\"line\":1,\"column\":23}],\"path\":[\"hero\"]" BAD_INPUT
         "}],\"data\":{\"hero\":null}}"},
        {"{ raw @include(if: 1) }", NULL, NULL,
         "{\"errors\":[{\"message\":\"Argument \\\"if\\\" has invalid value 1.\",\"locations\":[{"
         "\"line\":1,\"column\":20}]" BAD_INPUT "}],\"data\":null}"},
    };
    run_rows(rows, sizeof(rows) / sizeof(rows[0]));
}

/* Resolvers may look ahead at what is selected below them; a list's items are read one by one,
 * and the response is bounded by the buffer's maximum. */
static void test_lookahead_and_bounds(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(1 << 16);
    ctx c = {.a = a};
    const char *got =
        run_in(a, &c, "{ rows(n: 2) { twice ... on Row { index } t2: twice @skip(if: true) } }",
               NULL, NULL, 1 << 20);
    assert_string_equal(got, "{\"data\":{\"rows\":[{\"twice\":0,\"index\":0},{\"twice\":2,"
                             "\"index\":1}]}}");
    assert_string_equal(c.lookahead, "twice index ");
    assert_int_equal(c.rows_resolved, 4);

    /* 10,000 rows stream through one list */
    c = (ctx){.a = a};
    got = run_in(a, &c, "{ rows(n: 10000) { index } }", NULL, NULL, 1 << 20);
    assert_non_null(got);
    assert_int_equal(c.rows_resolved, 10000);
    assert_non_null(strstr(got, "{\"index\":9999}]}}"));

    /* past TC_GQL_EXEC_MAX_ERRORS errors, execution stops and data is null */
    c = (ctx){.a = a};
    got = run_in(a, &c, "{ raw rows(n: 30000) { label } }", NULL, NULL, 1 << 24);
    assert_non_null(got);
    assert_non_null(strstr(got, "{\"message\":\"Too many errors during execution, execution "
                                "aborted.\",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}],"
                                "\"data\":null}"));
    assert_int_equal(c.rows_resolved, 2 * TC_GQL_EXEC_MAX_ERRORS + 2); /* rows 0 to 20001 */

    /* a response past the buffer's maximum is refused as a whole */
    c = (ctx){.a = a};
    assert_null(run_in(a, &c, "{ rows(n: 10000) { index } }", NULL, NULL, 4096));

    /* results nested past the JSON writer's depth become a field error, not a broken response */
    char *query = tc_arena_strdup(a, "{ human(id: 1000) { ...D0 } }");
    for (int i = 0; i < 40; i++)
        query = tc_arena_printf(
            a, "%s fragment D%d on Human { id friends { ... on Human { ...D%d } } }", query, i,
            i + 1);
    query = tc_arena_printf(a, "%s fragment D40 on Human { id }", query);
    c = (ctx){.a = a};
    got = run_in(a, &c, query, NULL, NULL, 1 << 22);
    assert_non_null(got);
    assert_non_null(strstr(got, "The response nests deeper than 64 levels."));
    assert_non_null(strstr(got, "\"data\":{\"human\":{\"id\":\"1000\",\"friends\":[{\"id\":"));

    /* fragment spreads chained past the bound */
    char *doc = tc_arena_strdup(a, "{ ...F0 }");
    for (int i = 0; i < 70; i++)
        doc = tc_arena_printf(a, "%s fragment F%d on Query { raw ...F%d }", doc, i, i + 1);
    c = (ctx){.a = a};
    got = run_in(a, &c, doc, NULL, NULL, 1 << 20);
    assert_non_null(got);
    assert_non_null(strstr(got, "Fragment spreads nest deeper than 64 levels."));
    assert_non_null(strstr(got, "\"data\":null"));
    tc_arena_free(a);
}

/* Leaf values are serialized by their type as graphql-js does. */
static void test_serialize(void **state)
{
    (void)state;
    static const row rows[] = {
        {"{ hero(episode: EMPIRE) { ... on Human { height name } } }", NULL, NULL,
         "{\"data\":{\"hero\":{\"height\":1.72,\"name\":\"Luke Skywalker\"}}}"},
        {"{ rows(n: 1) { index twice label } }", NULL, NULL,
         "{\"data\":{\"rows\":[{\"index\":0,\"twice\":0,\"label\":\"zero\"}]}}"},
    };
    run_rows(rows, sizeof(rows) / sizeof(rows[0]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_selections), cmocka_unit_test(test_null_propagation),
        cmocka_unit_test(test_operations), cmocka_unit_test(test_lookahead_and_bounds),
        cmocka_unit_test(test_serialize),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
