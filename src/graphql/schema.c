/* The schema builder's calls: definitions collected into the builder's lists, type references
 * parsed from GraphQL syntax, strings checked and copied. Resolution and checks are in
 * schema_build.c, the built-in types in schema_meta.c, lookups in schema_lookup.c. */
#include "graphql/schema_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"

/* ---- Bookkeeping ---------------------------------------------------------------------------- */

void *tc_gql_vec_push(tc_gql_vec *v, size_t size)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *data = realloc(v->data, cap * size);
        if (!data)
            tc_die_oom();
        v->data = data;
        v->cap = cap;
    }
    void *slot = (char *)v->data + v->n * size;
    memset(slot, 0, size);
    v->n++;
    return slot;
}

void tc_gql_vec_fini(tc_gql_vec *v)
{
    free(v->data);
    memset(v, 0, sizeof(*v));
}

void tc_gql_builder_fail(tc_gql_builder *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    b->failed = true;
    tc_err_clear(&b->err);
    b->err.code = TC_E_INTERNAL;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->err.message, sizeof(b->err.message), fmt, ap);
    va_end(ap);
}

/* ---- Builder -------------------------------------------------------------------------------- */

tc_gql_builder *tc_gql_builder_new(void)
{
    tc_gql_builder *b = calloc(1, sizeof(*b));
    if (!b)
        tc_die_oom();
    b->arena = tc_arena_new(64 * 1024);
    tc_gql_builder_add_builtins(b);
    return b;
}

void tc_gql_builder_free(tc_gql_builder *b)
{
    if (!b)
        return;
    tc_gql_vec_fini(&b->types);
    tc_gql_vec_fini(&b->builtin_types);
    tc_gql_vec_fini(&b->directives);
    tc_gql_vec_fini(&b->builtin_dirs);
    tc_gql_vec_fini(&b->items);
    tc_gql_vec_fini(&b->refs);
    tc_arena_free(b->arena);
    free(b);
}

tc_arena *tc_gql_builder_arena(tc_gql_builder *b)
{
    return b->arena;
}

/* Whether s is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF):
 * the printer writes descriptions as they are. */
static bool utf8_valid(const unsigned char *s)
{
    while (*s) {
        unsigned c = *s;
        size_t n;
        unsigned cp;
        if (c < 0x80) {
            s++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        for (size_t i = 1; i <= n; i++) {
            if ((s[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        s += n + 1;
    }
    return true;
}

/* A copy of a description, reason or URL (NULL stays NULL). */
static const char *text_copy(tc_gql_builder *b, const char *s, const char *what, const char *of)
{
    if (!s)
        return NULL;
    if (strnlen(s, TC_GQL_TEXT_MAX + 1) > TC_GQL_TEXT_MAX) {
        tc_gql_builder_fail(b, "The %s of %s is longer than %d bytes.", what, of, TC_GQL_TEXT_MAX);
        return NULL;
    }
    if (!utf8_valid((const unsigned char *)s)) {
        tc_gql_builder_fail(b, "The %s of %s is not valid UTF-8.", what, of);
        return NULL;
    }
    return tc_arena_strdup(b->arena, s);
}

/* A copy of a name, checked. */
static const char *name_copy(tc_gql_builder *b, const char *name)
{
    if (!tc_gql_name_valid(name)) {
        tc_gql_builder_fail(b,
                            "Names must match /^[_a-zA-Z][_a-zA-Z0-9]*$/ but \"%.64s\" does not.",
                            name ? name : "(null)");
        return "_";
    }
    if (!b->builtin_mode && name[0] == '_' && name[1] == '_') {
        tc_gql_builder_fail(
            b,
            "Name \"%s\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            name);
    }
    return tc_arena_strdup(b->arena, name);
}

static void add_item(tc_gql_builder *b, tc_gql_item_kind kind, void *owner, void *elem,
                     const char *name)
{
    if (b->items.n >= (size_t)TC_GQL_TYPES_MAX * 64) {
        tc_gql_builder_fail(b, "The schema has too many definitions.");
        return;
    }
    tc_gql_item *it = tc_gql_vec_push(&b->items, sizeof(*it));
    it->kind = kind;
    it->owner = owner;
    it->elem = elem;
    it->name = name;
}

void tc_gql_builder_set_description(tc_gql_builder *b, const char *description)
{
    b->description = text_copy(b, description, "description", "the schema");
}

void tc_gql_builder_set_roots(tc_gql_builder *b, const char *query, const char *mutation,
                              const char *subscription)
{
    const char *names[3] = {query, mutation, subscription};
    b->roots_set = true;
    for (int i = 0; i < 3; i++)
        b->root_names[i] = names[i] ? name_copy(b, names[i]) : NULL;
}

tc_gql_type *tc_gql_builder_add_type(tc_gql_builder *b, tc_gql_kind kind, const char *name,
                                     const char *description)
{
    tc_gql_type *t = tc_arena_calloc(b->arena, 1, sizeof(*t));
    t->kind = kind;
    t->name = name_copy(b, name);
    t->description = text_copy(b, description, "description", t->name);
    t->builtin = b->builtin_mode;
    t->ref.wrap = TC_GQL_NAMED;
    t->ref.type = t;
    t->ref.name = t->name;
    if ((unsigned)kind > TC_GQL_INPUT_OBJECT)
        tc_gql_builder_fail(b, "Type \"%s\" has an unknown kind.", t->name);
    tc_gql_vec *list = b->builtin_mode ? &b->builtin_types : &b->types;
    if (b->types.n + b->builtin_types.n >= TC_GQL_TYPES_MAX)
        tc_gql_builder_fail(b, "The schema has more than %d types.", TC_GQL_TYPES_MAX);
    else
        *(tc_gql_type **)tc_gql_vec_push(list, sizeof(t)) = t;
    return t;
}

void tc_gql_builder_set_specified_by(tc_gql_builder *b, tc_gql_type *scalar, const char *url)
{
    if (scalar->kind != TC_GQL_SCALAR) {
        tc_gql_builder_fail(b, "@specifiedBy is for scalar types; \"%s\" is not one.",
                            scalar->name);
        return;
    }
    scalar->specified_by_url = text_copy(b, url, "specifiedBy URL", scalar->name);
}

/* Parses a type reference such as "[CompanyEdge!]!" at *p. */
static const tc_gql_typeref *parse_ref(tc_gql_builder *b, const char **p, int depth)
{
    tc_gql_typeref *r = tc_arena_calloc(b->arena, 1, sizeof(*r));
    if (depth > TC_GQL_TYPEREF_MAX_DEPTH) {
        tc_gql_builder_fail(b, "A type reference nests more than %d wrappers.",
                            TC_GQL_TYPEREF_MAX_DEPTH);
        r->name = "";
        return r;
    }
    if (**p == '[') {
        (*p)++;
        r->wrap = TC_GQL_LIST;
        r->of = parse_ref(b, p, depth + 1);
        if (**p != ']') {
            tc_gql_builder_fail(b, "A list type reference lacks its \"]\".");
            return r;
        }
        (*p)++;
    } else {
        const char *start = *p;
        while ((**p >= 'a' && **p <= 'z') || (**p >= 'A' && **p <= 'Z') ||
               (**p >= '0' && **p <= '9') || **p == '_')
            (*p)++;
        r->wrap = TC_GQL_NAMED;
        r->name = tc_arena_strndup(b->arena, start, (size_t)(*p - start));
        if (!tc_gql_name_valid(r->name)) {
            tc_gql_builder_fail(b, "A type reference names no valid type.");
            return r;
        }
        *(tc_gql_typeref **)tc_gql_vec_push(&b->refs, sizeof(r)) = r;
    }
    if (**p == '!') {
        (*p)++;
        tc_gql_typeref *nn = tc_arena_calloc(b->arena, 1, sizeof(*nn));
        nn->wrap = TC_GQL_NON_NULL;
        nn->of = r;
        return nn;
    }
    return r;
}

const tc_gql_typeref *tc_gql_builder_ref(tc_gql_builder *b, const char *text, const char *of)
{
    const char *p = text ? text : "";
    const tc_gql_typeref *r = parse_ref(b, &p, 0);
    if (*p)
        tc_gql_builder_fail(b, "The type reference \"%.64s\" of %s is malformed.", text, of);
    return r;
}

tc_gql_field *tc_gql_builder_add_field(tc_gql_builder *b, tc_gql_type *parent, const char *name,
                                       const char *type, const char *description)
{
    tc_gql_field *f = tc_arena_calloc(b->arena, 1, sizeof(*f));
    f->name = name_copy(b, name);
    f->parent = parent;
    f->type = tc_gql_builder_ref(b, type, f->name);
    f->description = text_copy(b, description, "description", f->name);
    if (parent && (parent->kind == TC_GQL_OBJECT || parent->kind == TC_GQL_INTERFACE))
        add_item(b, TC_GQL_ITEM_FIELD, parent, f, NULL);
    else
        tc_gql_builder_fail(b,
                            "Field \"%s\" is added to a type that is not an object or an "
                            "interface.",
                            f->name);
    return f;
}

static tc_gql_input_value *input_value_new(tc_gql_builder *b, const char *name, const char *type,
                                           const char *description)
{
    tc_gql_input_value *iv = tc_arena_calloc(b->arena, 1, sizeof(*iv));
    iv->name = name_copy(b, name);
    iv->type = tc_gql_builder_ref(b, type, iv->name);
    iv->description = text_copy(b, description, "description", iv->name);
    return iv;
}

tc_gql_input_value *tc_gql_builder_add_arg(tc_gql_builder *b, tc_gql_field *field, const char *name,
                                           const char *type, const char *description)
{
    tc_gql_input_value *iv = input_value_new(b, name, type, description);
    if (field)
        add_item(b, TC_GQL_ITEM_ARG, field, iv, NULL);
    else
        tc_gql_builder_fail(b, "Argument \"%s\" is added to no field.", iv->name);
    return iv;
}

tc_gql_input_value *tc_gql_builder_add_input_field(tc_gql_builder *b, tc_gql_type *input,
                                                   const char *name, const char *type,
                                                   const char *description)
{
    tc_gql_input_value *iv = input_value_new(b, name, type, description);
    if (input && input->kind == TC_GQL_INPUT_OBJECT)
        add_item(b, TC_GQL_ITEM_INPUT_FIELD, input, iv, NULL);
    else
        tc_gql_builder_fail(b, "Input field \"%s\" is added to a type that is not an input object.",
                            iv->name);
    return iv;
}

tc_gql_enum_value *tc_gql_builder_add_enum_value(tc_gql_builder *b, tc_gql_type *enum_type,
                                                 const char *name, const char *description)
{
    tc_gql_enum_value *v = tc_arena_calloc(b->arena, 1, sizeof(*v));
    v->name = name_copy(b, name);
    v->description = text_copy(b, description, "description", v->name);
    if (enum_type && enum_type->kind == TC_GQL_ENUM)
        add_item(b, TC_GQL_ITEM_ENUM_VALUE, enum_type, v, NULL);
    else
        tc_gql_builder_fail(b, "Enum value \"%s\" is added to a type that is not an enum.",
                            v->name);
    return v;
}

void tc_gql_builder_add_interface(tc_gql_builder *b, tc_gql_type *type, const char *iface)
{
    const char *name = name_copy(b, iface);
    if (type && (type->kind == TC_GQL_OBJECT || type->kind == TC_GQL_INTERFACE))
        add_item(b, TC_GQL_ITEM_INTERFACE, type, NULL, name);
    else
        tc_gql_builder_fail(b, "Only object and interface types implement interfaces (\"%s\").",
                            name);
}

void tc_gql_builder_add_member(tc_gql_builder *b, tc_gql_type *union_type, const char *member)
{
    const char *name = name_copy(b, member);
    if (union_type && union_type->kind == TC_GQL_UNION)
        add_item(b, TC_GQL_ITEM_MEMBER, union_type, NULL, name);
    else
        tc_gql_builder_fail(b, "Member \"%s\" is added to a type that is not a union.", name);
}

tc_gql_directive *tc_gql_builder_add_directive(tc_gql_builder *b, const char *name,
                                               const char *description, bool repeatable,
                                               const tc_gql_location *locations, size_t nlocations)
{
    tc_gql_directive *d = tc_arena_calloc(b->arena, 1, sizeof(*d));
    d->name = name_copy(b, name);
    d->description = text_copy(b, description, "description", d->name);
    d->repeatable = repeatable;
    d->builtin = b->builtin_mode;
    if (nlocations > TC_GQL_LOC_COUNT) {
        tc_gql_builder_fail(b, "Directive @%s lists too many locations.", d->name);
        nlocations = 0;
    }
    d->locations = tc_arena_calloc(b->arena, nlocations ? nlocations : 1, sizeof(*d->locations));
    for (size_t i = 0; i < nlocations; i++) {
        tc_gql_location l = locations[i];
        if ((unsigned)l >= TC_GQL_LOC_COUNT || (d->location_mask & (1u << l))) {
            tc_gql_builder_fail(b, "Directive @%s lists an unknown or repeated location.", d->name);
            continue;
        }
        d->locations[d->nlocations++] = l;
        d->location_mask |= 1u << l;
    }
    tc_gql_vec *list = b->builtin_mode ? &b->builtin_dirs : &b->directives;
    if (b->directives.n >= TC_GQL_MEMBERS_MAX)
        tc_gql_builder_fail(b, "The schema has too many directives.");
    else
        *(tc_gql_directive **)tc_gql_vec_push(list, sizeof(d)) = d;
    return d;
}

tc_gql_input_value *tc_gql_builder_add_directive_arg(tc_gql_builder *b, tc_gql_directive *d,
                                                     const char *name, const char *type,
                                                     const char *description)
{
    tc_gql_input_value *iv = input_value_new(b, name, type, description);
    if (d)
        add_item(b, TC_GQL_ITEM_DIRECTIVE_ARG, d, iv, NULL);
    else
        tc_gql_builder_fail(b, "Argument \"%s\" is added to no directive.", iv->name);
    return iv;
}

void tc_gql_builder_set_default(tc_gql_builder *b, tc_gql_input_value *iv, const tc_gql_value *v)
{
    const tc_gql_value *copy = tc_gql_value_copy(b->arena, v);
    if (!copy) {
        tc_gql_builder_fail(b, "The default value of \"%s\" is missing or nests too deep.",
                            iv->name);
        return;
    }
    iv->default_value = copy;
}

static const char *reason_copy(tc_gql_builder *b, const char *reason, const char *of)
{
    const char *r =
        text_copy(b, reason ? reason : TC_GQL_DEFAULT_DEPRECATION, "deprecation reason", of);
    return r ? r : TC_GQL_DEFAULT_DEPRECATION;
}

void tc_gql_builder_deprecate_field(tc_gql_builder *b, tc_gql_field *f, const char *reason)
{
    f->deprecation_reason = reason_copy(b, reason, f->name);
}

void tc_gql_builder_deprecate_input(tc_gql_builder *b, tc_gql_input_value *iv, const char *reason)
{
    iv->deprecation_reason = reason_copy(b, reason, iv->name);
}

void tc_gql_builder_deprecate_value(tc_gql_builder *b, tc_gql_enum_value *v, const char *reason)
{
    v->deprecation_reason = reason_copy(b, reason, v->name);
}
