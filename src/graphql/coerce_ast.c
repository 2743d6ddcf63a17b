/* CoerceArgumentValues and the literal rules under it (graphql-js 16's getArgumentValues,
 * valueFromAST, valueFromASTUntyped and the built-in scalars' parseLiteral), and typeFromAST. */
#include "graphql/coerce_int.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graphql/print.h"

const tc_gql_typeref *tc_gql_coerce_type(tc_arena *a, const tc_gql_schema *s,
                                         const tc_gql_ast_type *t)
{
    if (!t)
        return NULL;
    switch (t->kind) {
    case TC_GQL_AST_NAMED_TYPE: {
        const tc_gql_type *named = tc_gql_schema_typen(s, t->name.s, t->name.len);
        return named ? &named->ref : NULL;
    }
    case TC_GQL_AST_LIST_TYPE:
    case TC_GQL_AST_NON_NULL_TYPE: {
        const tc_gql_typeref *of = tc_gql_coerce_type(a, s, t->of);
        if (!of)
            return NULL;
        return tc_gql_ref_wrap(a, t->kind == TC_GQL_AST_LIST_TYPE ? TC_GQL_LIST : TC_GQL_NON_NULL,
                               of);
    }
    default: return NULL;
    }
}

/* parseInt of an IntValue: the exact integer when it fits 64 bits, else JavaScript's double. */
static const tc_gql_value *int_literal(tc_arena *a, const char *text)
{
    errno = 0;
    char *end;
    long long i = strtoll(text, &end, 10);
    if (errno == 0 && *end == '\0')
        return tc_gql_value_int(a, i);
    double d = strtod(text, NULL);
    return isfinite(d) ? tc_gql_value_float(a, d) : NULL;
}

static const tc_gql_value *float_literal(tc_arena *a, const char *text)
{
    double d = strtod(text, NULL);
    /* parseFloat gives Infinity past the double range; a value here is always finite */
    return isfinite(d) ? tc_gql_value_float(a, d) : NULL;
}

/* valueFromASTUntyped: what a custom scalar receives. Enum values become strings; a variable
 * that is absent leaves its object field out and its list item null, as JSON.stringify does
 * with undefined. */
static const tc_gql_value *untyped(tc_arena *a, const tc_gql_ast_value *v,
                                   const tc_gql_variables *vars)
{
    switch (v->kind) {
    case TC_GQL_AST_NULL: return tc_gql_value_null(a);
    case TC_GQL_AST_INT: return int_literal(a, v->u.scalar.s);
    case TC_GQL_AST_FLOAT: return float_literal(a, v->u.scalar.s);
    case TC_GQL_AST_STRING:
    case TC_GQL_AST_ENUM: return tc_gql_value_string(a, v->u.scalar.s, v->u.scalar.len);
    case TC_GQL_AST_BOOLEAN: return tc_gql_value_bool(a, v->u.boolean);
    case TC_GQL_AST_VARIABLE: return tc_gql_variables_get(vars, v->u.variable.s, v->u.variable.len);
    case TC_GQL_AST_LIST: {
        tc_gql_value *out = tc_gql_value_list(a, v->u.list.n);
        for (size_t i = 0; i < v->u.list.n; i++) {
            const tc_gql_value *item = untyped(a, v->u.list.items[i], vars);
            if (!item && v->u.list.items[i]->kind != TC_GQL_AST_VARIABLE)
                return NULL;
            out->u.list.items[i] = item ? item : tc_gql_value_null(a);
        }
        return out;
    }
    case TC_GQL_AST_OBJECT: {
        /* keyValMap: a name given twice keeps its first place and its last value */
        tc_gql_value *out = tc_gql_value_object(a, v->u.object.n);
        size_t k = 0;
        for (size_t i = 0; i < v->u.object.n; i++) {
            const tc_gql_ast_object_field *f = v->u.object.items[i];
            const tc_gql_value *fv = untyped(a, f->value, vars);
            if (!fv && f->value->kind != TC_GQL_AST_VARIABLE)
                return NULL;
            size_t at = k;
            for (size_t j = 0; j < k; j++)
                if (strcmp(out->u.obj.fields[j].name, f->name.s) == 0)
                    at = j;
            if (!fv) {
                if (at < k) { /* undefined replaces the earlier value: drop the field */
                    memmove(&out->u.obj.fields[at], &out->u.obj.fields[at + 1],
                            (k - at - 1) * sizeof(out->u.obj.fields[0]));
                    k--;
                }
                continue;
            }
            out->u.obj.fields[at] = (tc_gql_value_field){f->name.s, fv};
            if (at == k)
                k++;
        }
        out->u.obj.n = k;
        return out;
    }
    default: return NULL;
    }
}

/* parseLiteral of a leaf type; NULL where it throws. */
static const tc_gql_value *leaf_literal(tc_arena *a, const tc_gql_type *t,
                                        const tc_gql_ast_value *v, const tc_gql_variables *vars)
{
    if (t->kind == TC_GQL_ENUM) {
        if (v->kind != TC_GQL_AST_ENUM ||
            !tc_gql_type_enum_valuen(t, v->u.scalar.s, v->u.scalar.len))
            return NULL;
        return tc_gql_value_enum(a, v->u.scalar.s, v->u.scalar.len);
    }
    if (!t->builtin)
        return untyped(a, v, vars);
    const char *name = t->name;
    if (strcmp(name, "Int") == 0) {
        if (v->kind != TC_GQL_AST_INT)
            return NULL;
        const tc_gql_value *i = int_literal(a, v->u.scalar.s);
        if (!i || i->kind != TC_GQL_VALUE_INT || i->u.i > 2147483647 || i->u.i < -2147483648LL)
            return NULL;
        return i;
    }
    if (strcmp(name, "Float") == 0) {
        if (v->kind != TC_GQL_AST_FLOAT && v->kind != TC_GQL_AST_INT)
            return NULL;
        return float_literal(a, v->u.scalar.s);
    }
    if (strcmp(name, "String") == 0)
        return v->kind == TC_GQL_AST_STRING ? tc_gql_value_string(a, v->u.scalar.s, v->u.scalar.len)
                                            : NULL;
    if (strcmp(name, "Boolean") == 0)
        return v->kind == TC_GQL_AST_BOOLEAN ? tc_gql_value_bool(a, v->u.boolean) : NULL;
    if (strcmp(name, "ID") == 0)
        return v->kind == TC_GQL_AST_STRING || v->kind == TC_GQL_AST_INT
                   ? tc_gql_value_string(a, v->u.scalar.s, v->u.scalar.len)
                   : NULL;
    return untyped(a, v, vars);
}

static bool missing_variable(const tc_gql_ast_value *v, const tc_gql_variables *vars)
{
    return v->kind == TC_GQL_AST_VARIABLE &&
           !tc_gql_variables_get(vars, v->u.variable.s, v->u.variable.len);
}

const tc_gql_value *tc_gql_coerce_literal(tc_arena *a, const tc_gql_ast_value *v,
                                          const tc_gql_typeref *t, const tc_gql_variables *vars)
{
    if (!v || !t)
        return NULL;
    if (v->kind == TC_GQL_AST_VARIABLE) {
        const tc_gql_value *value = tc_gql_variables_get(vars, v->u.variable.s, v->u.variable.len);
        if (!value || (value->kind == TC_GQL_VALUE_NULL && t->wrap == TC_GQL_NON_NULL))
            return NULL;
        return value; /* validation checked that the variable's type fits here */
    }
    if (t->wrap == TC_GQL_NON_NULL)
        return v->kind == TC_GQL_AST_NULL ? NULL : tc_gql_coerce_literal(a, v, t->of, vars);
    if (v->kind == TC_GQL_AST_NULL)
        return tc_gql_value_null(a);
    if (t->wrap == TC_GQL_LIST) {
        if (v->kind != TC_GQL_AST_LIST) {
            const tc_gql_value *item = tc_gql_coerce_literal(a, v, t->of, vars);
            if (!item)
                return NULL;
            tc_gql_value *one = tc_gql_value_list(a, 1);
            one->u.list.items[0] = item;
            return one;
        }
        tc_gql_value *out = tc_gql_value_list(a, v->u.list.n);
        for (size_t i = 0; i < v->u.list.n; i++) {
            const tc_gql_ast_value *item = v->u.list.items[i];
            if (missing_variable(item, vars)) {
                if (t->of->wrap == TC_GQL_NON_NULL)
                    return NULL;
                out->u.list.items[i] = tc_gql_value_null(a);
                continue;
            }
            if (!(out->u.list.items[i] = tc_gql_coerce_literal(a, item, t->of, vars)))
                return NULL;
        }
        return out;
    }
    const tc_gql_type *named = t->type;
    if (!named)
        return NULL;
    if (named->kind == TC_GQL_INPUT_OBJECT) {
        if (v->kind != TC_GQL_AST_OBJECT)
            return NULL;
        tc_gql_value *out = tc_gql_value_object(a, named->ninput_fields);
        size_t k = 0;
        for (size_t i = 0; i < named->ninput_fields; i++) {
            const tc_gql_input_value *f = named->input_fields[i];
            const tc_gql_ast_object_field *node = NULL; /* keyMap: the last one given wins */
            for (size_t j = 0; j < v->u.object.n; j++)
                if (strcmp(v->u.object.items[j]->name.s, f->name) == 0)
                    node = v->u.object.items[j];
            if (!node || missing_variable(node->value, vars)) {
                if (f->default_value)
                    out->u.obj.fields[k++] = (tc_gql_value_field){f->name, f->default_value};
                else if (f->type->wrap == TC_GQL_NON_NULL)
                    return NULL;
                continue;
            }
            const tc_gql_value *fv = tc_gql_coerce_literal(a, node->value, f->type, vars);
            if (!fv)
                return NULL;
            out->u.obj.fields[k++] = (tc_gql_value_field){f->name, fv};
        }
        out->u.obj.n = k;
        return out;
    }
    if (!tc_gql_type_is_leaf(named))
        return NULL;
    return leaf_literal(a, named, v, vars);
}

/* ---- CoerceArgumentValues ------------------------------------------------------------------ */

const tc_gql_value *tc_gql_args_get(const tc_gql_args *args, const char *name)
{
    if (!args)
        return NULL;
    for (size_t i = 0; i < args->n; i++)
        if (strcmp(args->defs[i]->name, name) == 0)
            return args->values[i];
    return NULL;
}

static int arg_error(tc_arena *a, tc_buf *msg, const tc_gql_ast_loc *loc, tc_gql_exec_error **err)
{
    *err = tc_gql_exec_error_take(a, TC_GQL_BAD_USER_INPUT, msg, loc);
    return -1;
}

int tc_gql_coerce_arguments(tc_arena *a, tc_gql_input_value *const *defs, size_t ndefs,
                            const tc_gql_ast_arguments *given, const tc_gql_ast_loc *node,
                            const tc_gql_variables *vars, tc_gql_args *out, tc_gql_exec_error **err)
{
    out->defs = defs;
    out->n = ndefs;
    out->values = tc_arena_calloc(a, ndefs ? ndefs : 1, sizeof(*out->values));
    for (size_t i = 0; i < ndefs; i++) {
        const tc_gql_input_value *d = defs[i];
        bool required = d->type->wrap == TC_GQL_NON_NULL;
        const tc_gql_ast_argument *arg = NULL; /* keyMap: the last one given wins */
        for (size_t j = 0; given && j < given->n; j++)
            if (strcmp(given->items[j]->name.s, d->name) == 0)
                arg = given->items[j];
        tc_buf msg;
        if (!arg) {
            if (d->default_value) {
                out->values[i] = d->default_value;
            } else if (required) {
                tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
                tc_buf_printf(&msg, "Argument \"%s\" of required type \"", d->name);
                tc_gql_ref_print(d->type, &msg);
                tc_buf_adds(&msg, "\" was not provided.");
                return arg_error(a, &msg, node, err);
            }
            continue;
        }
        const tc_gql_ast_value *v = arg->value;
        bool is_null = v->kind == TC_GQL_AST_NULL;
        if (v->kind == TC_GQL_AST_VARIABLE) {
            const tc_gql_value *var =
                tc_gql_variables_get(vars, v->u.variable.s, v->u.variable.len);
            if (!var) {
                if (d->default_value) {
                    out->values[i] = d->default_value;
                } else if (required) {
                    tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
                    tc_buf_printf(&msg, "Argument \"%s\" of required type \"", d->name);
                    tc_gql_ref_print(d->type, &msg);
                    tc_buf_printf(&msg,
                                  "\" was provided the variable \"$%s\" which was not provided "
                                  "a runtime value.",
                                  v->u.variable.s);
                    return arg_error(a, &msg, &v->loc, err);
                }
                continue;
            }
            is_null = var->kind == TC_GQL_VALUE_NULL;
        }
        if (is_null && required) {
            tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
            tc_buf_printf(&msg, "Argument \"%s\" of non-null type \"", d->name);
            tc_gql_ref_print(d->type, &msg);
            tc_buf_adds(&msg, "\" must not be null.");
            return arg_error(a, &msg, &v->loc, err);
        }
        const tc_gql_value *cv = tc_gql_coerce_literal(a, v, d->type, vars);
        if (!cv) {
            tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
            tc_buf_printf(&msg, "Argument \"%s\" has invalid value ", d->name);
            tc_gql_print_ast_value(&msg, v);
            tc_buf_addc(&msg, '.');
            return arg_error(a, &msg, &v->loc, err);
        }
        out->values[i] = cv;
    }
    return 0;
}
