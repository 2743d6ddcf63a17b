/* The name index and everything a built schema answers: lookups by name, type predicates,
 * type references, the meta-fields. All of it reads the schema only, from any thread. */
#include "graphql/schema_int.h"

#include <string.h>

const char *tc_gql_kind_name(tc_gql_kind k)
{
    switch (k) {
    case TC_GQL_SCALAR: return "SCALAR";
    case TC_GQL_OBJECT: return "OBJECT";
    case TC_GQL_INTERFACE: return "INTERFACE";
    case TC_GQL_UNION: return "UNION";
    case TC_GQL_ENUM: return "ENUM";
    case TC_GQL_INPUT_OBJECT: return "INPUT_OBJECT";
    }
    return "?";
}

const char *tc_gql_location_name(tc_gql_location l)
{
    static const char *const names[] = {
#define TC_GQL_LOCATION_NAME(name) #name,
        TC_GQL_DIRECTIVE_LOCATIONS(TC_GQL_LOCATION_NAME)
#undef TC_GQL_LOCATION_NAME
    };
    return (unsigned)l < TC_COUNT(names) ? names[l] : "?";
}

/* ---- Name index ----------------------------------------------------------------------------- */

static uint32_t hash_name(const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static const char *item_name(void *const *items, size_t i)
{
    return *(const char *const *)items[i]; /* every named element starts with its name */
}

static bool name_is(const char *name, const char *s, size_t len)
{
    return strncmp(name, s, len) == 0 && name[len] == '\0';
}

int tc_gql_index_build(tc_arena *a, tc_gql_index *idx, void *const *items, size_t n, size_t *dup)
{
    idx->slots = NULL;
    idx->mask = 0;
    if (n == 0)
        return 0;
    size_t cap = 4;
    while (cap < n * 2)
        cap *= 2;
    idx->slots = tc_arena_calloc(a, cap, sizeof(*idx->slots));
    idx->mask = (uint32_t)(cap - 1);
    for (size_t i = 0; i < n; i++) {
        const char *name = item_name(items, i);
        size_t len = strlen(name);
        uint32_t h = hash_name(name, len) & idx->mask;
        while (idx->slots[h]) {
            if (name_is(item_name(items, idx->slots[h] - 1), name, len)) {
                if (dup)
                    *dup = i;
                return -1;
            }
            h = (h + 1) & idx->mask;
        }
        idx->slots[h] = (uint32_t)(i + 1);
    }
    return 0;
}

long tc_gql_index_find(const tc_gql_index *idx, void *const *items, const char *name, size_t len)
{
    if (!idx->slots || !name)
        return -1;
    uint32_t h = hash_name(name, len) & idx->mask;
    while (idx->slots[h]) {
        uint32_t pos = idx->slots[h] - 1;
        if (name_is(item_name(items, pos), name, len))
            return (long)pos;
        h = (h + 1) & idx->mask;
    }
    return -1;
}

bool tc_gql_name_valid(const char *name)
{
    if (!name || !name[0])
        return false;
    size_t i = 0;
    for (; name[i]; i++) {
        char c = name[i];
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9'))
            return false;
        if (i >= TC_GQL_NAME_MAX)
            return false;
    }
    return true;
}

void tc_gql_schema_free(tc_gql_schema *s)
{
    if (s)
        tc_arena_free(s->arena); /* the schema struct itself lives in its arena */
}

/* ---- Lookups -------------------------------------------------------------------------------- */

const tc_gql_type *tc_gql_schema_typen(const tc_gql_schema *s, const char *name, size_t len)
{
    long i = tc_gql_index_find(&s->type_index, (void *const *)s->types, name, len);
    return i < 0 ? NULL : s->types[i];
}

const tc_gql_type *tc_gql_schema_type(const tc_gql_schema *s, const char *name)
{
    return tc_gql_schema_typen(s, name, strlen(name));
}

const tc_gql_directive *tc_gql_schema_directiven(const tc_gql_schema *s, const char *name,
                                                 size_t len)
{
    for (size_t i = 0; i < s->ndirectives; i++)
        if (name_is(s->directives[i]->name, name, len))
            return s->directives[i];
    return NULL;
}

const tc_gql_field *tc_gql_type_fieldn(const tc_gql_type *t, const char *name, size_t len)
{
    if (t->kind != TC_GQL_OBJECT && t->kind != TC_GQL_INTERFACE)
        return NULL;
    long i = tc_gql_index_find(&t->index, (void *const *)t->fields, name, len);
    return i < 0 ? NULL : t->fields[i];
}

const tc_gql_field *tc_gql_type_field(const tc_gql_type *t, const char *name)
{
    return tc_gql_type_fieldn(t, name, strlen(name));
}

const tc_gql_field *tc_gql_schema_field(const tc_gql_schema *s, const tc_gql_type *parent,
                                        const char *name, size_t len)
{
    if (len > 2 && name[0] == '_' && name[1] == '_') {
        if (parent == s->query && name_is("__schema", name, len))
            return s->schema_field;
        if (parent == s->query && name_is("__type", name, len))
            return s->type_field;
        if (tc_gql_type_is_composite(parent) && name_is("__typename", name, len))
            return s->typename_field;
    }
    return tc_gql_type_fieldn(parent, name, len);
}

const tc_gql_input_value *tc_gql_type_input_fieldn(const tc_gql_type *t, const char *name,
                                                   size_t len)
{
    if (t->kind != TC_GQL_INPUT_OBJECT)
        return NULL;
    long i = tc_gql_index_find(&t->index, (void *const *)t->input_fields, name, len);
    return i < 0 ? NULL : t->input_fields[i];
}

const tc_gql_enum_value *tc_gql_type_enum_valuen(const tc_gql_type *t, const char *name, size_t len)
{
    if (t->kind != TC_GQL_ENUM)
        return NULL;
    long i = tc_gql_index_find(&t->index, (void *const *)t->values, name, len);
    return i < 0 ? NULL : t->values[i];
}

static const tc_gql_input_value *arg_in(tc_gql_input_value *const *args, size_t n, const char *name,
                                        size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (name_is(args[i]->name, name, len))
            return args[i];
    return NULL;
}

const tc_gql_input_value *tc_gql_field_argn(const tc_gql_field *f, const char *name, size_t len)
{
    return arg_in(f->args, f->nargs, name, len);
}

const tc_gql_input_value *tc_gql_directive_argn(const tc_gql_directive *d, const char *name,
                                                size_t len)
{
    return arg_in(d->args, d->nargs, name, len);
}

/* ---- Predicates and references -------------------------------------------------------------- */

bool tc_gql_type_is_input(const tc_gql_type *t)
{
    return t &&
           (t->kind == TC_GQL_SCALAR || t->kind == TC_GQL_ENUM || t->kind == TC_GQL_INPUT_OBJECT);
}

bool tc_gql_type_is_output(const tc_gql_type *t)
{
    return t && t->kind != TC_GQL_INPUT_OBJECT;
}

bool tc_gql_type_is_leaf(const tc_gql_type *t)
{
    return t && (t->kind == TC_GQL_SCALAR || t->kind == TC_GQL_ENUM);
}

bool tc_gql_type_is_composite(const tc_gql_type *t)
{
    return t &&
           (t->kind == TC_GQL_OBJECT || t->kind == TC_GQL_INTERFACE || t->kind == TC_GQL_UNION);
}

bool tc_gql_type_is_abstract(const tc_gql_type *t)
{
    return t && (t->kind == TC_GQL_INTERFACE || t->kind == TC_GQL_UNION);
}

const tc_gql_type *tc_gql_ref_named(const tc_gql_typeref *r)
{
    while (r && r->wrap != TC_GQL_NAMED)
        r = r->of;
    return r ? r->type : NULL;
}

const tc_gql_typeref *tc_gql_ref_nullable(const tc_gql_typeref *r)
{
    return r && r->wrap == TC_GQL_NON_NULL ? r->of : r;
}

const tc_gql_typeref *tc_gql_ref_wrap(tc_arena *a, tc_gql_wrap wrap, const tc_gql_typeref *of)
{
    tc_gql_typeref *r = tc_arena_calloc(a, 1, sizeof(*r));
    r->wrap = wrap;
    r->of = of;
    return r;
}

bool tc_gql_ref_equal(const tc_gql_typeref *a, const tc_gql_typeref *b)
{
    while (a && b && a->wrap == b->wrap && a->wrap != TC_GQL_NAMED) {
        a = a->of;
        b = b->of;
    }
    return a && b && a->wrap == TC_GQL_NAMED && b->wrap == TC_GQL_NAMED && a->type == b->type;
}

bool tc_gql_type_is_possible(const tc_gql_type *abstract, const tc_gql_type *sub)
{
    if (!abstract || !sub)
        return false;
    if (abstract->kind == TC_GQL_UNION) {
        for (size_t i = 0; i < abstract->npossible; i++)
            if (abstract->possible[i] == sub)
                return true;
        return false;
    }
    if (abstract->kind == TC_GQL_INTERFACE &&
        (sub->kind == TC_GQL_OBJECT || sub->kind == TC_GQL_INTERFACE)) {
        /* build checked that interfaces are declared transitively: the direct list is complete */
        for (size_t i = 0; i < sub->ninterfaces; i++)
            if (sub->interfaces[i] == abstract)
                return true;
    }
    return false;
}

bool tc_gql_ref_is_subtype(const tc_gql_typeref *sub, const tc_gql_typeref *super)
{
    if (!sub || !super)
        return false;
    if (tc_gql_ref_equal(sub, super))
        return true;
    if (super->wrap == TC_GQL_NON_NULL)
        return sub->wrap == TC_GQL_NON_NULL && tc_gql_ref_is_subtype(sub->of, super->of);
    if (sub->wrap == TC_GQL_NON_NULL)
        return tc_gql_ref_is_subtype(sub->of, super);
    if (super->wrap == TC_GQL_LIST)
        return sub->wrap == TC_GQL_LIST && tc_gql_ref_is_subtype(sub->of, super->of);
    if (sub->wrap == TC_GQL_LIST)
        return false;
    return tc_gql_type_is_abstract(super->type) && tc_gql_type_is_possible(super->type, sub->type);
}

bool tc_gql_types_overlap(const tc_gql_type *a, const tc_gql_type *b)
{
    if (a == b)
        return true;
    if (tc_gql_type_is_abstract(a)) {
        if (tc_gql_type_is_abstract(b)) {
            /* both abstract: any object possible in both */
            for (size_t i = 0; i < a->npossible; i++)
                if (tc_gql_type_is_possible(b, a->possible[i]))
                    return true;
            return false;
        }
        return tc_gql_type_is_possible(a, b);
    }
    if (tc_gql_type_is_abstract(b))
        return tc_gql_type_is_possible(b, a);
    return false;
}

int tc_gql_ref_print(const tc_gql_typeref *r, tc_buf *out)
{
    switch (r->wrap) {
    case TC_GQL_NAMED: return tc_buf_adds(out, r->name);
    case TC_GQL_LIST:
        tc_buf_addc(out, '[');
        tc_gql_ref_print(r->of, out);
        return tc_buf_addc(out, ']');
    case TC_GQL_NON_NULL: tc_gql_ref_print(r->of, out); return tc_buf_addc(out, '!');
    }
    return -1;
}
