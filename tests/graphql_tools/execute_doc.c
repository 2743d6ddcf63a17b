/* Runs one GraphQL request through twentyc's executor against the Twenty-shaped test schema
 * (graphql/testschema.h), for the differential tests against graphql-js
 * (tests/api/graphql_introspect.test.js). Reads one JSON object on stdin:
 *   {"query": "...", "variables": {...}, "operationName": "...", "rootValue": {...},
 *    "mode": "execute" | "variables" | "arguments"}
 * "execute" (the default) prints the response. Fields resolve as graphql-js's default resolver
 * does over rootValue: a field's value is the parent object's property of the field's name;
 * abstract types take their runtime type from a "__typename" property; {"__error": "message"}
 * stands for a thrown Error. "variables" prints graphql-js getVariableValues' answer for the
 * chosen operation: {"coerced": {...}} or {"errors": [...]}. "arguments" prints each root field's
 * coerced arguments (graphql-js getArgumentValues). An array of such objects on stdin
 * gives one answer per line, in order. Exit 0, or 1 with a message on stderr when the input is
 * not usable. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "graphql/coerce.h"
#include "graphql/execute.h"
#include "graphql/parser.h"
#include "graphql/print.h"
#include "graphql/testschema.h"

#define MAX_INPUT ((size_t)16 << 20)
#define MAX_OUTPUT ((size_t)64 << 20)

typedef struct tool {
    tc_arena *a;
    const tc_gql_schema *s;
} tool;

typedef struct jlist {
    json_t *items;
    const tc_gql_typeref *of;
} jlist;

static tc_gql_result from_json(tool *t, json_t *v, const tc_gql_typeref *type);

static tc_gql_result item(void *ctx, const void *list, size_t i)
{
    const jlist *l = list;
    return from_json(ctx, json_array_get(l->items, i), l->of);
}

static tc_gql_result from_json(tool *t, json_t *v, const tc_gql_typeref *type)
{
    if (!v || json_is_null(v))
        return tc_gql_result_null();
    json_t *thrown = json_is_object(v) ? json_object_get(v, "__error") : NULL;
    if (thrown && json_is_string(thrown))
        return tc_gql_result_error(json_string_value(thrown), NULL);
    while (type->wrap == TC_GQL_NON_NULL)
        type = type->of;
    if (type->wrap == TC_GQL_LIST && json_is_array(v)) {
        jlist *l = tc_arena_calloc(t->a, 1, sizeof(*l));
        l->items = v;
        l->of = type->of;
        return tc_gql_result_list(l, json_array_size(v), item);
    }
    const tc_gql_type *named = tc_gql_ref_named(type);
    if (tc_gql_type_is_composite(named) && type->wrap == TC_GQL_NAMED) {
        const tc_gql_type *runtime = named;
        if (tc_gql_type_is_abstract(named)) {
            json_t *name = json_is_object(v) ? json_object_get(v, "__typename") : NULL;
            runtime = NULL;
            if (name && json_is_string(name)) {
                runtime = tc_gql_schema_type(t->s, json_string_value(name));
                if (!runtime)
                    return tc_gql_result_error(
                        tc_arena_printf(t->a,
                                        "Abstract type \"%s\" was resolved to a type \"%s\" that "
                                        "does not exist inside the schema.",
                                        named->name, json_string_value(name)),
                        NULL);
            }
        }
        return tc_gql_result_object(v, 0, runtime);
    }
    switch (json_typeof(v)) {
    case JSON_INTEGER: return tc_gql_result_int(json_integer_value(v));
    case JSON_REAL: return tc_gql_result_float(json_real_value(v));
    case JSON_STRING: return tc_gql_result_string(json_string_value(v), json_string_length(v));
    case JSON_TRUE: return tc_gql_result_bool(true);
    case JSON_FALSE: return tc_gql_result_bool(false);
    default: break;
    }
    if (tc_gql_type_is_composite(named))
        return tc_gql_result_object(v, 0, NULL); /* an object where a list is expected */
    const tc_gql_value *value = tc_gql_coerce_from_json(t->a, v);
    return value ? tc_gql_result_value(value) : tc_gql_result_error("Too deep.", NULL);
}

static tc_gql_result resolve(void *ctx, tc_gql_obj parent, const tc_gql_resolve_info *info)
{
    json_t *p = (json_t *)parent.ptr;
    if (!json_is_object(p))
        return tc_gql_result_null();
    return from_json(ctx, json_object_get(p, info->field->name), info->field->type);
}

static int print_variables(tool *t, const tc_gql_ast_document *doc, const char *operation,
                           json_t *variables, tc_buf *out)
{
    tc_gql_exec_errors errors = {0};
    tc_gql_exec_error *err = NULL;
    tc_gql_variables vars;
    const tc_gql_ast_definition *op = tc_gql_exec_operation(t->a, doc, operation, &err);
    if (!op)
        tc_gql_exec_errors_add(t->a, &errors, err);
    tc_json j;
    tc_json_init(&j, out);
    tc_json_obj_begin(&j);
    if (op && tc_gql_coerce_variables(t->a, t->s, op, variables, &vars, &errors) == 0) {
        tc_json_key(&j, "coerced");
        tc_json_obj_begin(&j);
        for (size_t i = 0; i < vars.n; i++) {
            if (!vars.values[i])
                continue;
            tc_json_key(&j, vars.names[i]);
            tc_gql_value_write_json(&j, vars.values[i]);
        }
        tc_json_obj_end(&j);
    } else {
        tc_json_key(&j, "errors");
        tc_json_arr_begin(&j);
        for (size_t i = 0; i < errors.n; i++)
            tc_gql_exec_error_write(&j, errors.items[i]);
        tc_json_arr_end(&j);
    }
    tc_json_obj_end(&j);
    return tc_json_ok(&j) ? 0 : -1;
}

/* "arguments": the operation's variables, then each root field's coerced arguments, in order:
 * {"fields": [{"key": ..., "args": {...}} or {"key": ..., "error": {...}}, ...]}, or the
 * variables' {"errors": [...]}. */
static int print_arguments(tool *t, const tc_gql_ast_document *doc, const char *operation,
                           json_t *variables, tc_buf *out)
{
    tc_gql_exec_errors errors = {0};
    tc_gql_exec_error *err = NULL;
    tc_gql_variables vars;
    const tc_gql_ast_definition *op = tc_gql_exec_operation(t->a, doc, operation, &err);
    if (!op || tc_gql_coerce_variables(t->a, t->s, op, variables, &vars, &errors) < 0)
        return print_variables(t, doc, operation, variables, out);
    const tc_gql_type *root = op->operation == TC_GQL_OP_MUTATION ? t->s->mutation : t->s->query;
    tc_json j;
    tc_json_init(&j, out);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "fields");
    tc_json_arr_begin(&j);
    for (size_t i = 0; root && i < op->selection_set->n; i++) {
        const tc_gql_ast_selection *sel = op->selection_set->items[i];
        const tc_gql_field *f = sel->kind == TC_GQL_AST_FIELD
                                    ? tc_gql_schema_field(t->s, root, sel->name.s, sel->name.len)
                                    : NULL;
        if (!f)
            continue;
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "key", sel->alias.s ? sel->alias.s : sel->name.s);
        tc_gql_args args;
        if (tc_gql_coerce_arguments(t->a, f->args, f->nargs, &sel->arguments, &sel->loc, &vars,
                                    &args, &err) < 0) {
            tc_json_key(&j, "error");
            tc_gql_exec_error_write(&j, err);
        } else {
            tc_json_key(&j, "args");
            tc_json_obj_begin(&j);
            for (size_t k = 0; k < args.n; k++) {
                if (!args.values[k])
                    continue;
                tc_json_key(&j, args.defs[k]->name);
                tc_gql_value_write_json(&j, args.values[k]);
            }
            tc_json_obj_end(&j);
        }
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    tc_json_obj_end(&j);
    return tc_json_ok(&j) ? 0 : -1;
}

/* Runs one request object and appends its answer to out; -1 when the request is not usable
 * (a message on stderr) or the answer is too large. */
static int run_one(tool *t, json_t *in, tc_buf *out)
{
    const char *query = json_string_value(json_object_get(in, "query"));
    const char *operation = json_string_value(json_object_get(in, "operationName"));
    const char *mode = json_string_value(json_object_get(in, "mode"));
    json_t *variables = json_object_get(in, "variables");
    json_t *root = json_object_get(in, "rootValue");
    if (!query || strlen(query) > MAX_INPUT) {
        fprintf(stderr, "execute_doc: no query\n");
        return -1;
    }
    if (json_is_null(variables))
        variables = NULL;
    tc_gql_parse_error perr;
    tc_gql_ast_document *doc = tc_gql_parse(t->a, query, strlen(query), NULL, &perr);
    if (!doc) {
        tc_json j;
        tc_json_init(&j, out);
        tc_json_obj_begin(&j);
        tc_json_key(&j, "errors");
        tc_json_arr_begin(&j);
        tc_gql_parse_error_write(&j, &perr);
        tc_json_arr_end(&j);
        tc_json_obj_end(&j);
        return tc_json_ok(&j) ? 0 : -1;
    }
    if (mode && strcmp(mode, "variables") == 0)
        return print_variables(t, doc, operation, variables, out);
    if (mode && strcmp(mode, "arguments") == 0)
        return print_arguments(t, doc, operation, variables, out);
    json_t *empty = json_object();
    tc_gql_request r = {
        .schema = t->s,
        .document = doc,
        .operation_name = operation,
        .variables = variables,
        .root = {root ? root : empty, 0},
        .resolve = resolve,
        .ctx = t,
    };
    int rc = tc_gql_execute(t->a, &r, out);
    json_decref(empty);
    if (rc < 0)
        fprintf(stderr, "execute_doc: the response is too large\n");
    return rc;
}

int main(void)
{
    json_error_t jerr;
    json_t *in = json_loadf(stdin, 0, &jerr);
    if (!json_is_object(in) && !json_is_array(in)) {
        fprintf(stderr, "execute_doc: stdin is not a JSON object or array: %s\n", jerr.text);
        return 1;
    }
    tc_err e;
    tc_gql_schema *s = tc_gql_testschema_new(&e);
    if (!s) {
        fprintf(stderr, "execute_doc: %s\n", e.message);
        return 1;
    }
    int rc = 0;
    size_t n = json_is_array(in) ? json_array_size(in) : 1;
    for (size_t i = 0; i < n && rc == 0; i++) {
        tool t = {tc_arena_new(64 * 1024), s};
        tc_buf out;
        tc_buf_init(&out, MAX_OUTPUT);
        rc = run_one(&t, json_is_array(in) ? json_array_get(in, i) : in, &out);
        if (rc == 0)
            printf("%s\n", tc_buf_cstr(&out));
        tc_buf_fini(&out);
        tc_arena_free(t.a);
    }
    tc_gql_schema_free(s);
    json_decref(in);
    return rc == 0 ? 0 : 1;
}
