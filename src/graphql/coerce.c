/* CoerceVariableValues with graphql-js 16's coerceInputValue rules and messages, the built-in
 * scalars' parseValue, the error objects coercion and execution report, and JSON read into
 * typed values. */
#include "graphql/coerce_int.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "graphql/print.h"

/* ---- Errors -------------------------------------------------------------------------------- */

tc_gql_exec_error *tc_gql_exec_error_new(tc_arena *a, const char *code, const char *message)
{
    tc_gql_exec_error *e = tc_arena_calloc(a, 1, sizeof(*e));
    e->message = tc_arena_strdup(a, message);
    e->code = code;
    return e;
}

void tc_gql_exec_error_add_loc(tc_arena *a, tc_gql_exec_error *e, const tc_gql_ast_loc *loc)
{
    tc_gql_ast_loc *locs = tc_arena_calloc(a, e->nlocations + 1, sizeof(*locs));
    if (e->nlocations)
        memcpy(locs, e->locations, e->nlocations * sizeof(*locs));
    locs[e->nlocations++] = *loc;
    e->locations = locs;
}

void tc_gql_exec_errors_add(tc_arena *a, tc_gql_exec_errors *list, tc_gql_exec_error *e)
{
    tc_arena_append(a, (void ***)&list->items, &list->n, &list->cap, e);
}

void tc_gql_exec_error_write(tc_json *j, const tc_gql_exec_error *e)
{
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "message", e->message);
    if (e->nlocations) {
        tc_json_key(j, "locations");
        tc_json_arr_begin(j);
        for (size_t i = 0; i < e->nlocations; i++) {
            tc_json_obj_begin(j);
            tc_json_kv_int(j, "line", e->locations[i].line);
            tc_json_kv_int(j, "column", e->locations[i].column);
            tc_json_obj_end(j);
        }
        tc_json_arr_end(j);
    }
    if (e->npath) {
        tc_json_key(j, "path");
        tc_json_arr_begin(j);
        for (size_t i = 0; i < e->npath; i++) {
            if (e->path[i].key)
                tc_json_str(j, e->path[i].key);
            else
                tc_json_int(j, (int64_t)e->path[i].index);
        }
        tc_json_arr_end(j);
    }
    if (e->code) {
        /* tc_json has no raw members, so the extensions object is written as one raw value. */
        tc_buf ext;
        tc_buf_init(&ext, TC_GQL_MESSAGE_MAX);
        tc_buf_adds(&ext, "{\"code\":\"");
        tc_json_escape(&ext, e->code, strlen(e->code));
        tc_buf_addc(&ext, '"');
        if (e->extensions && *e->extensions) {
            tc_buf_addc(&ext, ',');
            tc_buf_adds(&ext, e->extensions);
        }
        tc_buf_addc(&ext, '}');
        tc_json_key(j, "extensions");
        if (ext.failed)
            tc_json_raw(j, "{}", 2);
        else
            tc_json_raw(j, ext.data, ext.len);
        tc_buf_fini(&ext);
    }
    tc_json_obj_end(j);
}

const char *tc_gql_message_take(tc_arena *a, tc_buf *b)
{
    const char *m = b->failed ? "The error message is too long to show." : tc_buf_cstr(b);
    char *copy = tc_arena_strdup(a, m);
    tc_buf_fini(b);
    return copy;
}

tc_gql_exec_error *tc_gql_exec_error_take(tc_arena *a, const char *code, tc_buf *b,
                                          const tc_gql_ast_loc *loc)
{
    tc_gql_exec_error *e = tc_arena_calloc(a, 1, sizeof(*e));
    e->message = tc_gql_message_take(a, b);
    e->code = code;
    if (loc)
        tc_gql_exec_error_add_loc(a, e, loc);
    return e;
}

/* ---- JSON -> values ------------------------------------------------------------------------ */

static const tc_gql_value *from_json(tc_arena *a, json_t *j, int depth)
{
    if (depth > TC_GQL_VALUE_MAX_DEPTH)
        return NULL;
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        tc_gql_value *v = tc_gql_value_object(a, json_object_size(j));
        size_t i = 0;
        const char *key;
        json_t *item;
        json_object_foreach(j, key, item)
        {
            const tc_gql_value *iv = from_json(a, item, depth + 1);
            if (!iv)
                return NULL;
            v->u.obj.fields[i].name = tc_arena_strdup(a, key);
            v->u.obj.fields[i++].value = iv;
        }
        return v;
    }
    case JSON_ARRAY: {
        tc_gql_value *v = tc_gql_value_list(a, json_array_size(j));
        for (size_t i = 0; i < v->u.list.n; i++)
            if (!(v->u.list.items[i] = from_json(a, json_array_get(j, i), depth + 1)))
                return NULL;
        return v;
    }
    case JSON_STRING: return tc_gql_value_string(a, json_string_value(j), json_string_length(j));
    case JSON_INTEGER: return tc_gql_value_int(a, json_integer_value(j));
    case JSON_REAL: return tc_gql_value_float(a, json_real_value(j));
    case JSON_TRUE: return tc_gql_value_bool(a, true);
    case JSON_FALSE: return tc_gql_value_bool(a, false);
    case JSON_NULL: return tc_gql_value_null(a);
    }
    return NULL;
}

const tc_gql_value *tc_gql_coerce_from_json(tc_arena *a, const json_t *j)
{
    return j ? from_json(a, (json_t *)j, 0) : NULL;
}

/* ---- Leaf types ---------------------------------------------------------------------------- */

static bool is_number(const tc_gql_value *v)
{
    return v->kind == TC_GQL_VALUE_INT || v->kind == TC_GQL_VALUE_FLOAT;
}

static bool is_integer(const tc_gql_value *v)
{
    return v->kind == TC_GQL_VALUE_INT ||
           (v->kind == TC_GQL_VALUE_FLOAT && isfinite(v->u.f) && floor(v->u.f) == v->u.f);
}

static bool fail(tc_buf *msg, const char *text, const tc_gql_value *v)
{
    tc_buf_adds(msg, text);
    tc_gql_inspect(msg, v);
    return false;
}

/* graphql-js GraphQLEnumType.parseValue. */
static const tc_gql_value *enum_parse(tc_arena *a, const tc_gql_type *t, const tc_gql_value *v,
                                      tc_buf *msg)
{
    const char **names = tc_arena_calloc(a, t->nvalues ? t->nvalues : 1, sizeof(*names));
    for (size_t i = 0; i < t->nvalues; i++)
        names[i] = t->values[i]->name;
    if (v->kind != TC_GQL_VALUE_STRING) {
        tc_buf shown;
        tc_buf_init(&shown, TC_GQL_MESSAGE_MAX);
        tc_gql_inspect(&shown, v);
        tc_buf_printf(msg, "Enum \"%s\" cannot represent non-string value: ", t->name);
        tc_buf_add(msg, shown.data ? shown.data : "", shown.len);
        tc_buf_addc(msg, '.');
        tc_gql_did_you_mean(msg, "the enum value", shown.data ? shown.data : "", shown.len, names,
                            t->nvalues);
        tc_buf_fini(&shown);
        return NULL;
    }
    if (!memchr(v->u.str.s, 0, v->u.str.len) &&
        tc_gql_type_enum_valuen(t, v->u.str.s, v->u.str.len))
        return tc_gql_value_enum(a, v->u.str.s, v->u.str.len);
    tc_buf_adds(msg, "Value \"");
    tc_buf_add(msg, v->u.str.s, v->u.str.len);
    tc_buf_printf(msg, "\" does not exist in \"%s\" enum.", t->name);
    tc_gql_did_you_mean(msg, "the enum value", v->u.str.s, v->u.str.len, names, t->nvalues);
    return NULL;
}

const tc_gql_value *tc_gql_leaf_parse(tc_arena *a, const tc_gql_type *t, const tc_gql_value *v,
                                      tc_buf *msg)
{
    if (t->kind == TC_GQL_ENUM)
        return enum_parse(a, t, v, msg);
    if (!t->builtin)
        return v; /* a custom scalar: the JSON value as it is */
    const char *name = t->name;
    if (strcmp(name, "Int") == 0) {
        if (!is_number(v) || !is_integer(v)) {
            fail(msg, "Int cannot represent non-integer value: ", v);
            return NULL;
        }
        double d = v->kind == TC_GQL_VALUE_INT ? (double)v->u.i : v->u.f;
        if (d > 2147483647.0 || d < -2147483648.0) {
            fail(msg, "Int cannot represent non 32-bit signed integer value: ", v);
            return NULL;
        }
        return v->kind == TC_GQL_VALUE_INT ? v : tc_gql_value_int(a, (int64_t)d);
    }
    if (strcmp(name, "Float") == 0) {
        if (!is_number(v) || (v->kind == TC_GQL_VALUE_FLOAT && !isfinite(v->u.f))) {
            fail(msg, "Float cannot represent non numeric value: ", v);
            return NULL;
        }
        return v->kind == TC_GQL_VALUE_FLOAT ? v : tc_gql_value_float(a, (double)v->u.i);
    }
    if (strcmp(name, "String") == 0) {
        if (v->kind != TC_GQL_VALUE_STRING) {
            fail(msg, "String cannot represent a non string value: ", v);
            return NULL;
        }
        return v;
    }
    if (strcmp(name, "Boolean") == 0) {
        if (v->kind != TC_GQL_VALUE_BOOLEAN) {
            fail(msg, "Boolean cannot represent a non boolean value: ", v);
            return NULL;
        }
        return v;
    }
    if (strcmp(name, "ID") == 0) {
        if (v->kind == TC_GQL_VALUE_STRING)
            return v;
        if (is_number(v) && is_integer(v)) {
            tc_buf text;
            tc_buf_init(&text, 64);
            if (v->kind == TC_GQL_VALUE_INT)
                tc_gql_js_int(&text, v->u.i);
            else
                tc_gql_js_float(&text, v->u.f);
            const tc_gql_value *s = tc_gql_value_string(a, tc_buf_cstr(&text), text.len);
            tc_buf_fini(&text);
            return s;
        }
        fail(msg, "ID cannot represent value: ", v);
        return NULL;
    }
    return v; /* a built-in type that is not a scalar graphql-js knows: as a custom one */
}

/* ---- CoerceVariableValues ------------------------------------------------------------------ */

const tc_gql_value *tc_gql_variables_get(const tc_gql_variables *vars, const char *name, size_t len)
{
    if (!vars)
        return NULL;
    for (size_t i = 0; i < vars->n; i++)
        if (strncmp(vars->names[i], name, len) == 0 && vars->names[i][len] == '\0')
            return vars->values[i];
    return NULL;
}

/* A path inside a variable's value, innermost step first. */
typedef struct vpath {
    const struct vpath *prev;
    const char *key; /* NULL: index */
    size_t index;
} vpath;

typedef struct vcx {
    tc_arena *a;
    tc_gql_exec_errors *errors;
    const tc_gql_ast_variable_definition *def;
    const char *var;
    size_t nerrors;
    bool aborted;
} vcx;

/* graphql-js getVariableValues' onError: past maxErrors, one last error and stop. */
static void on_error(vcx *c, tc_gql_exec_error *e)
{
    if (c->aborted)
        return;
    if (c->nerrors >= TC_GQL_MAX_VARIABLE_ERRORS) {
        tc_gql_exec_errors_add(c->a, c->errors,
                               tc_gql_exec_error_new(c->a, TC_GQL_BAD_USER_INPUT,
                                                     "Too many errors processing variables, "
                                                     "error limit reached. Execution aborted."));
        c->aborted = true;
        return;
    }
    tc_gql_exec_errors_add(c->a, c->errors, e);
    c->nerrors++;
}

static void print_path(tc_buf *b, const vpath *p)
{
    if (!p)
        return;
    print_path(b, p->prev);
    if (p->key)
        tc_buf_printf(b, ".%s", p->key);
    else
        tc_buf_printf(b, "[%zu]", p->index);
}

/* `Variable "$x" got invalid value <v>[ at "x.path"]; <reason>`; reason is freed. */
static void report(vcx *c, const vpath *path, const tc_gql_value *invalid, tc_buf *reason)
{
    tc_buf b;
    tc_buf_init(&b, TC_GQL_MESSAGE_MAX);
    tc_buf_printf(&b, "Variable \"$%s\" got invalid value ", c->var);
    tc_gql_inspect(&b, invalid);
    if (path) {
        tc_buf_printf(&b, " at \"%s", c->var);
        print_path(&b, path);
        tc_buf_addc(&b, '"');
    }
    tc_buf_adds(&b, "; ");
    tc_buf_add(&b, reason->data ? reason->data : "", reason->len);
    if (reason->failed)
        b.failed = true;
    tc_buf_fini(reason);
    on_error(c, tc_gql_exec_error_take(c->a, TC_GQL_BAD_USER_INPUT, &b, &c->def->loc));
}

static void type_text(tc_buf *b, const tc_gql_typeref *t)
{
    tc_gql_ref_print(t, b);
}

/* graphql-js coerceInputValueImpl: NULL where it gives undefined (an error was reported). */
static const tc_gql_value *coerce_input(vcx *c, const tc_gql_value *in, const tc_gql_typeref *t,
                                        const vpath *path)
{
    if (c->aborted)
        return NULL;
    tc_buf msg;
    if (t->wrap == TC_GQL_NON_NULL) {
        if (in->kind != TC_GQL_VALUE_NULL)
            return coerce_input(c, in, t->of, path);
        tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
        tc_buf_adds(&msg, "Expected non-nullable type \"");
        type_text(&msg, t);
        tc_buf_adds(&msg, "\" not to be null.");
        report(c, path, in, &msg);
        return NULL;
    }
    if (in->kind == TC_GQL_VALUE_NULL)
        return in;
    if (t->wrap == TC_GQL_LIST) {
        if (in->kind != TC_GQL_VALUE_LIST) { /* a single value is a list of one */
            const tc_gql_value *item = coerce_input(c, in, t->of, path);
            if (!item)
                return NULL;
            tc_gql_value *one = tc_gql_value_list(c->a, 1);
            one->u.list.items[0] = item;
            return one;
        }
        tc_gql_value *out = tc_gql_value_list(c->a, in->u.list.n);
        bool ok = true;
        for (size_t i = 0; i < in->u.list.n; i++) {
            vpath p = {path, NULL, i};
            const tc_gql_value *item = coerce_input(c, in->u.list.items[i], t->of, &p);
            ok = ok && item;
            out->u.list.items[i] = item ? item : in->u.list.items[i];
        }
        return ok ? out : NULL;
    }
    const tc_gql_type *named = t->type;
    if (named->kind == TC_GQL_INPUT_OBJECT) {
        /* JavaScript arrays are objects too: their keys are their indexes. */
        if (in->kind != TC_GQL_VALUE_OBJECT && in->kind != TC_GQL_VALUE_LIST) {
            tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
            tc_buf_printf(&msg, "Expected type \"%s\" to be an object.", named->name);
            report(c, path, in, &msg);
            return NULL;
        }
        tc_gql_value *out = tc_gql_value_object(c->a, named->ninput_fields);
        size_t k = 0;
        bool ok = true;
        for (size_t i = 0; i < named->ninput_fields; i++) {
            const tc_gql_input_value *f = named->input_fields[i];
            const tc_gql_value *fv = tc_gql_value_get(in, f->name, strlen(f->name));
            if (!fv) {
                if (f->default_value) {
                    out->u.obj.fields[k++] = (tc_gql_value_field){f->name, f->default_value};
                } else if (f->type->wrap == TC_GQL_NON_NULL) {
                    tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
                    tc_buf_printf(&msg, "Field \"%s\" of required type \"", f->name);
                    type_text(&msg, f->type);
                    tc_buf_adds(&msg, "\" was not provided.");
                    report(c, path, in, &msg);
                    ok = false;
                }
                continue;
            }
            vpath p = {path, f->name, 0};
            const tc_gql_value *cv = coerce_input(c, fv, f->type, &p);
            if (!cv)
                ok = false;
            else
                out->u.obj.fields[k++] = (tc_gql_value_field){f->name, cv};
        }
        out->u.obj.n = k;
        const char **names =
            tc_arena_calloc(c->a, named->ninput_fields ? named->ninput_fields : 1, sizeof(*names));
        for (size_t i = 0; i < named->ninput_fields; i++)
            names[i] = named->input_fields[i]->name;
        size_t nkeys = in->kind == TC_GQL_VALUE_OBJECT ? in->u.obj.n : in->u.list.n;
        size_t *order = in->kind == TC_GQL_VALUE_OBJECT ? tc_gql_js_key_order(c->a, in) : NULL;
        for (size_t i = 0; i < nkeys && !c->aborted; i++) {
            char index[24];
            const char *key = index;
            if (order)
                key = in->u.obj.fields[order[i]].name;
            else
                snprintf(index, sizeof(index), "%zu", i);
            if (tc_gql_type_input_fieldn(named, key, strlen(key)))
                continue;
            tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
            tc_buf_printf(&msg, "Field \"%s\" is not defined by type \"%s\".", key, named->name);
            tc_gql_did_you_mean(&msg, NULL, key, strlen(key), names, named->ninput_fields);
            report(c, path, in, &msg);
            ok = false;
        }
        return ok ? out : NULL;
    }
    tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
    const tc_gql_value *v = tc_gql_leaf_parse(c->a, named, in, &msg);
    if (!v) {
        report(c, path, in, &msg);
        return NULL;
    }
    tc_buf_fini(&msg);
    return v;
}

/* An error about the variable definition itself (not its value), located at loc. */
static void def_error(vcx *c, const tc_gql_ast_loc *loc, tc_buf *msg)
{
    on_error(c, tc_gql_exec_error_take(c->a, TC_GQL_BAD_USER_INPUT, msg, loc));
}

int tc_gql_coerce_variables(tc_arena *a, const tc_gql_schema *s, const tc_gql_ast_definition *op,
                            const json_t *inputs, tc_gql_variables *out, tc_gql_exec_errors *errors)
{
    size_t n = op->variables.n;
    out->n = n;
    out->names = tc_arena_calloc(a, n ? n : 1, sizeof(*out->names));
    out->values = tc_arena_calloc(a, n ? n : 1, sizeof(*out->values));
    vcx c = {.a = a, .errors = errors};
    if (inputs && !json_is_object(inputs)) {
        tc_gql_exec_errors_add(a, errors,
                               tc_gql_exec_error_new(a, TC_GQL_BAD_USER_INPUT,
                                                     "Variables must be provided as an Object "
                                                     "where each property is a variable value. "
                                                     "Perhaps look to see if an unparsed JSON "
                                                     "string was provided."));
        return -1;
    }
    for (size_t i = 0; i < n && !c.aborted; i++) {
        const tc_gql_ast_variable_definition *d = op->variables.items[i];
        const char *name = d->variable->u.variable.s;
        out->names[i] = name;
        c.def = d;
        c.var = name;
        tc_buf msg;
        tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
        const tc_gql_typeref *t = tc_gql_coerce_type(a, s, d->type);
        if (!t || !tc_gql_type_is_input(tc_gql_ref_named(t))) {
            tc_buf_printf(&msg, "Variable \"$%s\" expected value of type \"", name);
            tc_gql_print_ast_type(&msg, d->type);
            tc_buf_adds(&msg, "\" which cannot be used as an input type.");
            def_error(&c, &d->type->loc, &msg);
            continue;
        }
        json_t *given = inputs ? json_object_get(inputs, name) : NULL;
        if (!given) {
            if (d->default_value) {
                out->values[i] = tc_gql_coerce_literal(a, d->default_value, t, NULL);
            } else if (t->wrap == TC_GQL_NON_NULL) {
                tc_buf_printf(&msg, "Variable \"$%s\" of required type \"", name);
                type_text(&msg, t);
                tc_buf_adds(&msg, "\" was not provided.");
                def_error(&c, &d->loc, &msg);
                continue;
            }
            tc_buf_fini(&msg);
            continue;
        }
        if (json_is_null(given) && t->wrap == TC_GQL_NON_NULL) {
            tc_buf_printf(&msg, "Variable \"$%s\" of non-null type \"", name);
            type_text(&msg, t);
            tc_buf_adds(&msg, "\" must not be null.");
            def_error(&c, &d->loc, &msg);
            continue;
        }
        const tc_gql_value *v = tc_gql_coerce_from_json(a, given);
        if (!v) {
            tc_buf_printf(&msg,
                          "Variable \"$%s\" got invalid value; it nests deeper than %d levels.",
                          name, TC_GQL_VALUE_MAX_DEPTH);
            def_error(&c, &d->loc, &msg);
            continue;
        }
        tc_buf_fini(&msg);
        out->values[i] = coerce_input(&c, v, t, NULL);
    }
    return c.nerrors || c.aborted ? -1 : 0;
}
