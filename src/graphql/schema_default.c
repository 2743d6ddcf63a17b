/* Default values of arguments and input fields, coerced at build time to what graphql-js keeps
 * after valueFromAST, so that an executor can use them as they are and the printer prints them
 * as printSchema does. */
#include "graphql/schema_int.h"

#include <string.h>

static const tc_gql_value *coerce(tc_arena *a, const tc_gql_typeref *r, const tc_gql_value *v,
                                  int depth);

/* valueFromASTUntyped: what a custom scalar keeps. */
static const tc_gql_value *untyped(tc_arena *a, const tc_gql_value *v, int depth)
{
    if (depth > TC_GQL_VALUE_MAX_DEPTH)
        return NULL;
    switch (v->kind) {
    case TC_GQL_VALUE_ENUM: return tc_gql_value_string(a, v->u.str.s, v->u.str.len);
    case TC_GQL_VALUE_LIST: {
        tc_gql_value *c = tc_gql_value_list(a, v->u.list.n);
        for (size_t i = 0; i < v->u.list.n; i++)
            if (!(c->u.list.items[i] = untyped(a, v->u.list.items[i], depth + 1)))
                return NULL;
        return c;
    }
    case TC_GQL_VALUE_OBJECT: {
        tc_gql_value *c = tc_gql_value_object(a, v->u.obj.n);
        for (size_t i = 0; i < v->u.obj.n; i++) {
            c->u.obj.fields[i].name = v->u.obj.fields[i].name;
            if (!(c->u.obj.fields[i].value = untyped(a, v->u.obj.fields[i].value, depth + 1)))
                return NULL;
        }
        return c;
    }
    default: return v;
    }
}

static const tc_gql_value *coerce_scalar(tc_arena *a, const tc_gql_type *t, const tc_gql_value *v,
                                         int depth)
{
    if (!t->builtin)
        return untyped(a, v, depth);
    if (strcmp(t->name, "Int") == 0)
        return v->kind == TC_GQL_VALUE_INT && v->u.i >= INT32_MIN && v->u.i <= INT32_MAX ? v : NULL;
    if (strcmp(t->name, "Float") == 0) {
        if (v->kind == TC_GQL_VALUE_INT)
            return tc_gql_value_float(a, (double)v->u.i);
        return v->kind == TC_GQL_VALUE_FLOAT ? v : NULL;
    }
    if (strcmp(t->name, "String") == 0)
        return v->kind == TC_GQL_VALUE_STRING ? v : NULL;
    if (strcmp(t->name, "Boolean") == 0)
        return v->kind == TC_GQL_VALUE_BOOLEAN ? v : NULL;
    if (strcmp(t->name, "ID") == 0) {
        if (v->kind == TC_GQL_VALUE_INT) {
            char *text = tc_arena_printf(a, "%lld", (long long)v->u.i);
            return tc_gql_value_string(a, text, strlen(text));
        }
        return v->kind == TC_GQL_VALUE_STRING ? v : NULL;
    }
    return NULL;
}

static const tc_gql_value *coerce_object(tc_arena *a, const tc_gql_type *t, const tc_gql_value *v,
                                         int depth)
{
    if (v->kind != TC_GQL_VALUE_OBJECT)
        return NULL;
    for (size_t i = 0; i < v->u.obj.n; i++) { /* every given field must exist */
        const char *name = v->u.obj.fields[i].name;
        if (!name || !tc_gql_type_input_fieldn(t, name, strlen(name)))
            return NULL;
    }
    tc_gql_value *c = tc_gql_value_object(a, t->ninput_fields);
    c->u.obj.n = 0;
    for (size_t i = 0; i < t->ninput_fields; i++) {
        const tc_gql_input_value *f = t->input_fields[i];
        const tc_gql_value *fv = tc_gql_value_get(v, f->name, strlen(f->name));
        if (!fv)
            fv = f->default_value;
        if (!fv) {
            if (f->type->wrap == TC_GQL_NON_NULL)
                return NULL;
            continue;
        }
        const tc_gql_value *cv = coerce(a, f->type, fv, depth + 1);
        if (!cv)
            return NULL;
        c->u.obj.fields[c->u.obj.n++] = (tc_gql_value_field){f->name, cv};
    }
    return c;
}

static const tc_gql_value *coerce(tc_arena *a, const tc_gql_typeref *r, const tc_gql_value *v,
                                  int depth)
{
    if (!v || depth > TC_GQL_VALUE_MAX_DEPTH)
        return NULL;
    if (r->wrap == TC_GQL_NON_NULL)
        return v->kind == TC_GQL_VALUE_NULL ? NULL : coerce(a, r->of, v, depth);
    if (v->kind == TC_GQL_VALUE_NULL)
        return v;
    if (r->wrap == TC_GQL_LIST) {
        if (v->kind != TC_GQL_VALUE_LIST) {
            const tc_gql_value *item = coerce(a, r->of, v, depth + 1);
            if (!item)
                return NULL;
            tc_gql_value *one = tc_gql_value_list(a, 1);
            one->u.list.items[0] = item;
            return one;
        }
        tc_gql_value *c = tc_gql_value_list(a, v->u.list.n);
        for (size_t i = 0; i < v->u.list.n; i++)
            if (!(c->u.list.items[i] = coerce(a, r->of, v->u.list.items[i], depth + 1)))
                return NULL;
        return c;
    }
    const tc_gql_type *t = r->type;
    switch (t->kind) {
    case TC_GQL_ENUM:
        return v->kind == TC_GQL_VALUE_ENUM && tc_gql_type_enum_valuen(t, v->u.str.s, v->u.str.len)
                   ? v
                   : NULL;
    case TC_GQL_INPUT_OBJECT: return coerce_object(a, t, v, depth);
    case TC_GQL_SCALAR: return coerce_scalar(a, t, v, depth);
    default: return NULL;
    }
}

const tc_gql_value *tc_gql_default_coerce(tc_arena *a, const tc_gql_typeref *r,
                                          const tc_gql_value *v)
{
    return coerce(a, r, v, 0);
}
