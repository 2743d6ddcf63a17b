/* The resolvers of graphql-js 16's introspection types, over the schema model. Each list is
 * handed to the executor as {array, n, item}: the schema's own arrays where nothing is filtered,
 * a filtered copy in the execution's arena where includeDeprecated is false. */
#include "graphql/introspect.h"

#include <string.h>

#include "graphql/sdl.h"

static tc_gql_result text(const char *s)
{
    return s ? tc_gql_result_string(s, strlen(s)) : tc_gql_result_null();
}

static tc_gql_result object(const void *element)
{
    return element ? tc_gql_result_object(element, 0, NULL) : tc_gql_result_null();
}

/* ---- List items ----------------------------------------------------------------------------- */

static tc_gql_result type_item(void *ctx, const void *list, size_t i)
{
    (void)ctx;
    return object(&((tc_gql_type *const *)list)[i]->ref);
}

static tc_gql_result element_item(void *ctx, const void *list, size_t i)
{
    (void)ctx;
    return object(((const void *const *)list)[i]);
}

static tc_gql_result location_item(void *ctx, const void *list, size_t i)
{
    (void)ctx;
    return text(tc_gql_location_name(((const tc_gql_location *)list)[i]));
}

static tc_gql_result types(tc_gql_type *const *items, size_t n)
{
    return tc_gql_result_list(items, n, type_item);
}

static bool include_deprecated(const tc_gql_resolve_info *info)
{
    const tc_gql_value *v = tc_gql_args_get(info->args, "includeDeprecated");
    return v && v->kind == TC_GQL_VALUE_BOOLEAN && v->u.b;
}

/* The deprecation reason of element i, whatever the element is. */
typedef const char *(*reason_fn)(const void *element);

static const char *field_reason(const void *e)
{
    return ((const tc_gql_field *)e)->deprecation_reason;
}

static const char *input_reason(const void *e)
{
    return ((const tc_gql_input_value *)e)->deprecation_reason;
}

static const char *value_reason(const void *e)
{
    return ((const tc_gql_enum_value *)e)->deprecation_reason;
}

/* items[0..n) as a list, without the deprecated ones unless includeDeprecated. */
static tc_gql_result elements(tc_gql_exec *x, const tc_gql_resolve_info *info, void *const *items,
                              size_t n, reason_fn reason)
{
    if (include_deprecated(info))
        return tc_gql_result_list(items, n, element_item);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        kept += !reason(items[i]);
    if (kept == n)
        return tc_gql_result_list(items, n, element_item);
    const void **copy = tc_arena_calloc(tc_gql_exec_arena(x), kept ? kept : 1, sizeof(*copy));
    kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!reason(items[i]))
            copy[kept++] = items[i];
    return tc_gql_result_list(copy, kept, element_item);
}

/* ---- Resolvers per type ---------------------------------------------------------------------- */

static tc_gql_result schema_field(const tc_gql_schema *s, const char *name)
{
    if (strcmp(name, "description") == 0)
        return text(s->description);
    if (strcmp(name, "types") == 0)
        return types(s->types, s->ntypes);
    if (strcmp(name, "queryType") == 0)
        return object(s->query ? &s->query->ref : NULL);
    if (strcmp(name, "mutationType") == 0)
        return object(s->mutation ? &s->mutation->ref : NULL);
    if (strcmp(name, "subscriptionType") == 0)
        return object(s->subscription ? &s->subscription->ref : NULL);
    if (strcmp(name, "directives") == 0)
        return tc_gql_result_list(s->directives, s->ndirectives, element_item);
    return tc_gql_result_null();
}

static tc_gql_result type_field(tc_gql_exec *x, const tc_gql_typeref *r,
                                const tc_gql_resolve_info *info, const char *name)
{
    const tc_gql_type *t = r->wrap == TC_GQL_NAMED ? r->type : NULL;
    if (strcmp(name, "kind") == 0)
        return text(t ? tc_gql_kind_name(t->kind) : r->wrap == TC_GQL_LIST ? "LIST" : "NON_NULL");
    if (strcmp(name, "ofType") == 0)
        return object(t ? NULL : r->of);
    if (!t)
        return tc_gql_result_null();
    bool composite_fields = t->kind == TC_GQL_OBJECT || t->kind == TC_GQL_INTERFACE;
    if (strcmp(name, "name") == 0)
        return text(t->name);
    if (strcmp(name, "description") == 0)
        return text(t->description);
    if (strcmp(name, "specifiedByURL") == 0)
        return text(t->kind == TC_GQL_SCALAR ? t->specified_by_url : NULL);
    if (strcmp(name, "fields") == 0)
        return composite_fields
                   ? elements(x, info, (void *const *)t->fields, t->nfields, field_reason)
                   : tc_gql_result_null();
    if (strcmp(name, "interfaces") == 0)
        return composite_fields ? types(t->interfaces, t->ninterfaces) : tc_gql_result_null();
    if (strcmp(name, "possibleTypes") == 0)
        return tc_gql_type_is_abstract(t) ? types(t->possible, t->npossible) : tc_gql_result_null();
    if (strcmp(name, "enumValues") == 0)
        return t->kind == TC_GQL_ENUM
                   ? elements(x, info, (void *const *)t->values, t->nvalues, value_reason)
                   : tc_gql_result_null();
    if (strcmp(name, "inputFields") == 0)
        return t->kind == TC_GQL_INPUT_OBJECT ? elements(x, info, (void *const *)t->input_fields,
                                                         t->ninput_fields, input_reason)
                                              : tc_gql_result_null();
    return tc_gql_result_null();
}

/* Shared by __Field, __InputValue and __EnumValue. */
static tc_gql_result deprecation(const char *reason, const char *name)
{
    if (strcmp(name, "isDeprecated") == 0)
        return tc_gql_result_bool(reason != NULL);
    if (strcmp(name, "deprecationReason") == 0)
        return text(reason);
    return tc_gql_result_null();
}

static tc_gql_result field_field(tc_gql_exec *x, const tc_gql_field *f,
                                 const tc_gql_resolve_info *info, const char *name)
{
    if (strcmp(name, "name") == 0)
        return text(f->name);
    if (strcmp(name, "description") == 0)
        return text(f->description);
    if (strcmp(name, "args") == 0)
        return elements(x, info, (void *const *)f->args, f->nargs, input_reason);
    if (strcmp(name, "type") == 0)
        return object(f->type);
    return deprecation(f->deprecation_reason, name);
}

static tc_gql_result input_field(tc_gql_exec *x, const tc_gql_input_value *iv, const char *name)
{
    if (strcmp(name, "name") == 0)
        return text(iv->name);
    if (strcmp(name, "description") == 0)
        return text(iv->description);
    if (strcmp(name, "type") == 0)
        return object(iv->type);
    if (strcmp(name, "defaultValue") == 0) {
        if (!iv->default_value)
            return tc_gql_result_null();
        tc_buf out;
        tc_buf_init(&out, TC_GQL_TEXT_MAX);
        if (tc_gql_sdl_print_value(iv->default_value, iv->type, &out) < 0) {
            tc_buf_fini(&out);
            return tc_gql_result_error("The default value is too large to print.",
                                       "INTERNAL_SERVER_ERROR");
        }
        size_t n = out.len;
        char *copy = tc_arena_strndup(tc_gql_exec_arena(x), tc_buf_cstr(&out), n);
        tc_buf_fini(&out);
        return tc_gql_result_string(copy, n);
    }
    return deprecation(iv->deprecation_reason, name);
}

static tc_gql_result enum_value_field(const tc_gql_enum_value *v, const char *name)
{
    if (strcmp(name, "name") == 0)
        return text(v->name);
    if (strcmp(name, "description") == 0)
        return text(v->description);
    return deprecation(v->deprecation_reason, name);
}

static tc_gql_result directive_field(tc_gql_exec *x, const tc_gql_directive *d,
                                     const tc_gql_resolve_info *info, const char *name)
{
    if (strcmp(name, "name") == 0)
        return text(d->name);
    if (strcmp(name, "description") == 0)
        return text(d->description);
    if (strcmp(name, "isRepeatable") == 0)
        return tc_gql_result_bool(d->repeatable);
    if (strcmp(name, "locations") == 0)
        return tc_gql_result_list(d->locations, d->nlocations, location_item);
    if (strcmp(name, "args") == 0)
        return elements(x, info, (void *const *)d->args, d->nargs, input_reason);
    return tc_gql_result_null();
}

tc_gql_result tc_gql_introspect_resolve(tc_gql_exec *x, tc_gql_obj parent,
                                        const tc_gql_resolve_info *info)
{
    const tc_gql_schema *s = tc_gql_exec_schema(x);
    const char *name = info->field->name;
    if (info->field == s->schema_field)
        return object(s);
    if (info->field == s->type_field) {
        const tc_gql_value *v = tc_gql_args_get(info->args, "name");
        if (!v || v->kind != TC_GQL_VALUE_STRING)
            return tc_gql_result_null();
        const tc_gql_type *t = tc_gql_schema_typen(s, v->u.str.s, v->u.str.len);
        return object(t ? &t->ref : NULL);
    }
    const char *type = info->parent_type->name;
    const void *e = parent.ptr;
    if (!e)
        return tc_gql_result_null();
    if (strcmp(type, "__Schema") == 0)
        return schema_field(e, name);
    if (strcmp(type, "__Type") == 0)
        return type_field(x, e, info, name);
    if (strcmp(type, "__Field") == 0)
        return field_field(x, e, info, name);
    if (strcmp(type, "__InputValue") == 0)
        return input_field(x, e, name);
    if (strcmp(type, "__EnumValue") == 0)
        return enum_value_field(e, name);
    if (strcmp(type, "__Directive") == 0)
        return directive_field(x, e, info, name);
    return tc_gql_result_null();
}
