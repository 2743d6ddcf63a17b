/* Rules on value literals: ValuesOfCorrectType (lists, input objects with their required and
 * unknown fields, null, and leaf literals through the built-in scalars' and enums' parseLiteral
 * with graphql-js's messages, custom scalars through the caller's callback) and
 * UniqueInputFieldNames. */
#include "graphql/validate_int.h"

#include <string.h>

static void expected(vctx *v, const tc_gql_typeref *type, const tc_gql_ast_value *val,
                     const char *detail)
{
    const char *t = vstr_ref(v, type);
    size_t len;
    const char *text = vstr_value(v, val, &len);
    tc_buf *b = verr_begin(v);
    tc_buf_printf(b, "Expected value of type \"%s\", found ", t);
    tc_buf_add(b, text, len);
    if (detail)
        tc_buf_printf(b, "; %s", detail);
    else
        tc_buf_addc(b, '.');
    verr_report1(v, val->loc);
}

/* Whether an Int literal ("-12") lies within 32 bits, as parseInt() and the bounds compare it. */
static bool int32_literal(const char *s, size_t len)
{
    bool neg = len && s[0] == '-';
    if (neg) {
        s++;
        len--;
    }
    if (len != 10)
        return len < 10;
    return memcmp(s, neg ? "2147483648" : "2147483647", 10) <= 0;
}

static void enum_literal(vctx *v, const tc_gql_type *t, const tc_gql_ast_value *val)
{
    if (val->kind == TC_GQL_AST_ENUM &&
        tc_gql_type_enum_valuen(t, val->u.scalar.s, val->u.scalar.len))
        return;
    size_t len;
    const char *text = vstr_value(v, val, &len);
    const char **options = tc_arena_alloc(v->a, (t->nvalues + 1) * sizeof(*options));
    for (size_t i = 0; i < t->nvalues; i++)
        options[i] = t->values[i]->name;
    size_t *idx;
    size_t k = vsuggest(v, text, len, options, t->nvalues, &idx);
    tc_buf *b = verr_begin(v);
    if (val->kind != TC_GQL_AST_ENUM) {
        tc_buf_printf(b, "Enum \"%s\" cannot represent non-enum value: ", t->name);
        tc_buf_add(b, text, len);
        tc_buf_addc(b, '.');
    } else {
        tc_buf_printf(b, "Value \"%s\" does not exist in \"%s\" enum.", text, t->name);
    }
    vdid_you_mean(b, "the enum value", options, idx, k);
    verr_report1(v, val->loc);
}

/* The built-in scalars' parseLiteral: NULL when the literal is accepted, else the message's
 * beginning, to which the literal is appended (printed, or as written for an Int out of range:
 * *raw is then set). */
static const char *builtin_literal(const tc_gql_type *t, const tc_gql_ast_value *val, bool *raw)
{
    tc_gql_ast_kind k = val->kind;
    const char *name = t->name;
    *raw = false;
    if (strcmp(name, "Int") == 0) {
        if (k != TC_GQL_AST_INT)
            return "Int cannot represent non-integer value: ";
        if (int32_literal(val->u.scalar.s, val->u.scalar.len))
            return NULL;
        *raw = true;
        return "Int cannot represent non 32-bit signed integer value: ";
    }
    if (strcmp(name, "Float") == 0)
        return k == TC_GQL_AST_INT || k == TC_GQL_AST_FLOAT
                   ? NULL
                   : "Float cannot represent non numeric value: ";
    if (strcmp(name, "String") == 0)
        return k == TC_GQL_AST_STRING ? NULL : "String cannot represent a non string value: ";
    if (strcmp(name, "Boolean") == 0)
        return k == TC_GQL_AST_BOOLEAN ? NULL : "Boolean cannot represent a non boolean value: ";
    if (strcmp(name, "ID") == 0)
        return k == TC_GQL_AST_STRING || k == TC_GQL_AST_INT
                   ? NULL
                   : "ID cannot represent a non-string and non-integer value: ";
    return NULL;
}

/* graphql-js isValidValueNode at the state ti. */
static void valid_value_node(vctx *v, vti ti, const tc_gql_ast_value *val)
{
    const tc_gql_typeref *loc = ti.input_type;
    if (!loc)
        return;
    const tc_gql_type *t = tc_gql_ref_named(loc);
    if (!tc_gql_type_is_leaf(t)) {
        expected(v, loc, val, NULL);
        return;
    }
    if (t->kind == TC_GQL_ENUM) {
        enum_literal(v, t, val);
        return;
    }
    if (t->builtin) {
        bool raw;
        const char *message = builtin_literal(t, val, &raw);
        if (!message)
            return;
        size_t len = val->u.scalar.len;
        const char *text = raw ? val->u.scalar.s : vstr_value(v, val, &len);
        tc_buf *b = verr_begin(v);
        tc_buf_adds(b, message);
        tc_buf_add(b, text, len);
        verr_report1(v, val->loc);
        return;
    }
    const char *detail = NULL;
    if (v->scalar_literal && v->scalar_literal(v->scalar_ctx, t, val, &detail) < 0)
        expected(v, loc, val, detail);
}

void r_list_value(vctx *v, vti inside, const tc_gql_ast_value *list, bool *check)
{
    const tc_gql_typeref *t = tc_gql_ref_nullable(inside.parent_input_type);
    if (t && t->wrap == TC_GQL_LIST)
        return;
    valid_value_node(v, inside, list);
    *check = false;
}

/* Whether the object literal has a field named name. */
static bool has_field(vctx *v, const tc_gql_ast_value *obj, vmap *index, const char *name)
{
    size_t len = strlen(name);
    if (obj->u.object.n <= 8) {
        for (size_t i = 0; i < obj->u.object.n; i++) {
            const tc_gql_ast_name *n = &obj->u.object.items[i]->name;
            if (n->len == len && memcmp(n->s, name, len) == 0)
                return true;
        }
        return false;
    }
    if (!index->mask)
        for (size_t i = 0; i < obj->u.object.n; i++)
            vmap_put(index, v->a, obj->u.object.items[i]->name.s, obj->u.object.items[i]->name.len,
                     NULL);
    return vmap_get(index, name, len) != NULL;
}

void r_object_value(vctx *v, vti ti, const tc_gql_ast_value *obj, bool *check)
{
    const tc_gql_type *t = vref_named(ti.input_type);
    if (!t || t->kind != TC_GQL_INPUT_OBJECT) {
        valid_value_node(v, ti, obj);
        *check = false;
        return;
    }
    vmap index = {0};
    for (size_t i = 0; i < t->ninput_fields && !v->aborted; i++) {
        const tc_gql_input_value *f = t->input_fields[i];
        if (f->type->wrap != TC_GQL_NON_NULL || f->default_value ||
            has_field(v, obj, &index, f->name))
            continue;
        const char *type = vstr_ref(v, f->type);
        tc_buf_printf(verr_begin(v), "Field \"%s.%s\" of required type \"%s\" was not provided.",
                      t->name, f->name, type);
        verr_report1(v, obj->loc);
    }
}

void r_object_field(vctx *v, vti inside, const tc_gql_ast_value *obj, size_t i, bool check,
                    const uint32_t *first)
{
    const tc_gql_ast_object_field *f = obj->u.object.items[i];
    const tc_gql_type *parent = vref_named(inside.parent_input_type);
    if (check && !inside.input_type && parent && parent->kind == TC_GQL_INPUT_OBJECT) {
        const char **options = tc_arena_alloc(v->a, (parent->ninput_fields + 1) * sizeof(*options));
        for (size_t k = 0; k < parent->ninput_fields; k++)
            options[k] = parent->input_fields[k]->name;
        size_t *idx;
        size_t k = vsuggest(v, f->name.s, f->name.len, options, parent->ninput_fields, &idx);
        tc_buf *b = verr_begin(v);
        tc_buf_printf(b, "Field \"%s\" is not defined by type \"%s\".", f->name.s, parent->name);
        vdid_you_mean(b, NULL, options, idx, k);
        verr_report1(v, f->loc);
    }
    if (first[i] != i) {
        tc_buf_printf(verr_begin(v), "There can be only one input field named \"%s\".", f->name.s);
        verr_report2(v, obj->u.object.items[first[i]]->name.loc, f->name.loc);
    }
}

void r_leaf_value(vctx *v, vti ti, const tc_gql_ast_value *val)
{
    if (val->kind != TC_GQL_AST_NULL) {
        valid_value_node(v, ti, val);
        return;
    }
    if (ti.input_type && ti.input_type->wrap == TC_GQL_NON_NULL)
        expected(v, ti.input_type, val, NULL);
}
