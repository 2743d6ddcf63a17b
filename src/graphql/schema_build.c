/* tc_gql_builder_build: resolves the builder's names, distributes its items into per-element
 * arrays, indexes names, checks the schema as graphql-js validateSchema does, and orders the
 * types as graphql-js's type map would for the same schema. */
#include "graphql/schema_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/die.h"

typedef struct build {
    tc_gql_builder *b;
    tc_gql_type **all; /* caller types, then built-in ones */
    size_t nall;
    tc_gql_index all_index;
    tc_gql_type **order; /* the schema's types */
    size_t norder;
    bool *seen; /* by position in all, while ordering */
} build;

#define FAIL(bd, ...) (tc_gql_builder_fail((bd)->b, __VA_ARGS__), -1)

/* A type reference as text, for messages. */
static const char *ref_text(build *bd, const tc_gql_typeref *r)
{
    tc_buf buf;
    tc_buf_init(&buf, 512);
    tc_gql_ref_print(r, &buf);
    char *s = tc_arena_strdup(bd->b->arena, tc_buf_cstr(&buf));
    tc_buf_fini(&buf);
    return s;
}

static const tc_gql_typeref *leaf_of(const tc_gql_typeref *r)
{
    while (r->wrap != TC_GQL_NAMED)
        r = r->of;
    return r;
}

/* Where an unresolved reference is used, for the message. */
static const char *where_ref(build *bd, const tc_gql_typeref *r)
{
    tc_gql_builder *b = bd->b;
    const tc_gql_item *items = b->items.data;
    for (size_t i = 0; i < b->items.n; i++) {
        const tc_gql_item *it = &items[i];
        switch (it->kind) {
        case TC_GQL_ITEM_FIELD: {
            const tc_gql_field *f = it->elem;
            if (leaf_of(f->type) == r)
                return tc_arena_printf(b->arena, "%s.%s", f->parent->name, f->name);
            break;
        }
        case TC_GQL_ITEM_ARG: {
            const tc_gql_field *f = it->owner;
            const tc_gql_input_value *iv = it->elem;
            if (leaf_of(iv->type) == r)
                return tc_arena_printf(b->arena, "%s.%s(%s:)", f->parent->name, f->name, iv->name);
            break;
        }
        case TC_GQL_ITEM_DIRECTIVE_ARG: {
            const tc_gql_directive *d = it->owner;
            const tc_gql_input_value *iv = it->elem;
            if (leaf_of(iv->type) == r)
                return tc_arena_printf(b->arena, "@%s(%s:)", d->name, iv->name);
            break;
        }
        case TC_GQL_ITEM_INPUT_FIELD: {
            const tc_gql_type *t = it->owner;
            const tc_gql_input_value *iv = it->elem;
            if (leaf_of(iv->type) == r)
                return tc_arena_printf(b->arena, "%s.%s", t->name, iv->name);
            break;
        }
        default: break;
        }
    }
    return "the schema";
}

/* Copies a vector of pointers (which may be empty, its data NULL) to dst. */
static void copy_vec(void *dst, const tc_gql_vec *v)
{
    if (v->n)
        memcpy(dst, v->data, v->n * sizeof(void *));
}

static tc_gql_type *find_all(build *bd, const char *name)
{
    long i = tc_gql_index_find(&bd->all_index, (void *const *)bd->all, name, strlen(name));
    return i < 0 ? NULL : bd->all[i];
}

static int collect_types(build *bd)
{
    tc_gql_builder *b = bd->b;
    bd->nall = b->types.n + b->builtin_types.n;
    bd->all = tc_arena_calloc(b->arena, bd->nall ? bd->nall : 1, sizeof(*bd->all));
    copy_vec(bd->all, &b->types);
    copy_vec(bd->all + b->types.n, &b->builtin_types);
    size_t dup;
    if (tc_gql_index_build(b->arena, &bd->all_index, (void *const *)bd->all, bd->nall, &dup) < 0)
        return FAIL(bd, "There can be only one type named \"%s\".", bd->all[dup]->name);
    for (size_t i = 0; i < bd->nall; i++)
        bd->all[i]->position = (uint32_t)i;
    return 0;
}

static int resolve_refs(build *bd)
{
    tc_gql_typeref **refs = bd->b->refs.data;
    for (size_t i = 0; i < bd->b->refs.n; i++) {
        tc_gql_type *t = find_all(bd, refs[i]->name);
        if (!t)
            return FAIL(bd, "Unknown type \"%s\" (in %s).", refs[i]->name, where_ref(bd, refs[i]));
        refs[i]->type = t;
    }
    return 0;
}

/* The count and array an item adds to, on its owner. */
typedef struct slot {
    size_t *n;
    void ***array;
} slot;

/* The arrays are typed (tc_gql_field **, ...) and filled through void ** (the build uses
 * -fno-strict-aliasing, like the rest of twentyc). */
static slot item_slot(tc_gql_item *it)
{
    tc_gql_type *t = it->owner;
    tc_gql_field *f = it->owner;
    tc_gql_directive *d = it->owner;
    switch (it->kind) {
    case TC_GQL_ITEM_FIELD: return (slot){&t->nfields, (void ***)&t->fields};
    case TC_GQL_ITEM_ARG: return (slot){&f->nargs, (void ***)&f->args};
    case TC_GQL_ITEM_DIRECTIVE_ARG: return (slot){&d->nargs, (void ***)&d->args};
    case TC_GQL_ITEM_INPUT_FIELD: return (slot){&t->ninput_fields, (void ***)&t->input_fields};
    case TC_GQL_ITEM_ENUM_VALUE: return (slot){&t->nvalues, (void ***)&t->values};
    case TC_GQL_ITEM_INTERFACE: return (slot){&t->ninterfaces, (void ***)&t->interfaces};
    case TC_GQL_ITEM_MEMBER: break;
    }
    return (slot){&t->npossible, (void ***)&t->possible};
}

/* Counts, allocates exact arrays, then fills them in the order the items were added. */
static int distribute_items(build *bd)
{
    tc_gql_builder *b = bd->b;
    tc_gql_item *items = b->items.data;
    for (size_t i = 0; i < b->items.n; i++) {
        size_t *n = item_slot(&items[i]).n;
        if (++*n > TC_GQL_MEMBERS_MAX)
            return FAIL(bd, "An element of the schema has more than %d members.",
                        TC_GQL_MEMBERS_MAX);
    }
    for (size_t i = 0; i < b->items.n; i++) {
        slot sl = item_slot(&items[i]);
        if (!*sl.array && *sl.n) {
            *sl.array = tc_arena_calloc(b->arena, *sl.n, sizeof(void *));
            *sl.n = 0; /* refilled below */
        }
    }
    for (size_t i = 0; i < b->items.n; i++) {
        tc_gql_item *it = &items[i];
        slot sl = item_slot(it);
        void *elem = it->elem;
        if (it->kind == TC_GQL_ITEM_INTERFACE || it->kind == TC_GQL_ITEM_MEMBER) {
            elem = find_all(bd, it->name);
            if (!elem)
                return FAIL(bd, "Unknown type \"%s\" (in %s).", it->name,
                            ((tc_gql_type *)it->owner)->name);
        }
        (*sl.array)[(*sl.n)++] = elem;
    }
    return 0;
}

static int index_members(build *bd)
{
    tc_arena *a = bd->b->arena;
    size_t dup;
    for (size_t i = 0; i < bd->nall; i++) {
        tc_gql_type *t = bd->all[i];
        switch (t->kind) {
        case TC_GQL_OBJECT:
        case TC_GQL_INTERFACE:
            if (tc_gql_index_build(a, &t->index, (void *const *)t->fields, t->nfields, &dup) < 0)
                return FAIL(bd, "Field \"%s.%s\" can only be defined once.", t->name,
                            t->fields[dup]->name);
            for (size_t f = 0; f < t->nfields; f++) {
                const tc_gql_field *field = t->fields[f];
                for (size_t x = 0; x < field->nargs; x++)
                    for (size_t y = 0; y < x; y++)
                        if (strcmp(field->args[x]->name, field->args[y]->name) == 0)
                            return FAIL(bd, "Argument \"%s.%s(%s:)\" can only be defined once.",
                                        t->name, field->name, field->args[x]->name);
            }
            break;
        case TC_GQL_ENUM:
            if (tc_gql_index_build(a, &t->index, (void *const *)t->values, t->nvalues, &dup) < 0)
                return FAIL(bd, "Enum value \"%s.%s\" can only be defined once.", t->name,
                            t->values[dup]->name);
            break;
        case TC_GQL_INPUT_OBJECT:
            if (tc_gql_index_build(a, &t->index, (void *const *)t->input_fields, t->ninput_fields,
                                   &dup) < 0)
                return FAIL(bd, "Field \"%s.%s\" can only be defined once.", t->name,
                            t->input_fields[dup]->name);
            break;
        default: break;
        }
    }
    return 0;
}

/* ---- validateSchema ------------------------------------------------------------------------- */

static int check_input_value(build *bd, tc_gql_input_value *iv, const char *owner,
                             const char *kind_word)
{
    if (!tc_gql_type_is_input(tc_gql_ref_named(iv->type)))
        return FAIL(bd, "The type of %s must be Input Type but got: %s.", owner,
                    ref_text(bd, iv->type));
    if (iv->type->wrap == TC_GQL_NON_NULL && !iv->default_value && iv->deprecation_reason)
        return FAIL(bd, "Required %s %s cannot be deprecated.", kind_word, owner);
    if (iv->default_value) {
        const tc_gql_value *v = tc_gql_default_coerce(bd->b->arena, iv->type, iv->default_value);
        if (!v)
            return FAIL(bd, "The default value of %s does not fit its type %s.", owner,
                        ref_text(bd, iv->type));
        iv->default_value = v;
    }
    return 0;
}

static int check_fields(build *bd, const tc_gql_type *t)
{
    tc_arena *a = bd->b->arena;
    if (t->nfields == 0)
        return FAIL(bd, "Type %s must define one or more fields.", t->name);
    for (size_t i = 0; i < t->nfields; i++) {
        const tc_gql_field *f = t->fields[i];
        if (!tc_gql_type_is_output(tc_gql_ref_named(f->type)))
            return FAIL(bd, "The type of %s.%s must be Output Type but got: %s.", t->name, f->name,
                        ref_text(bd, f->type));
        for (size_t j = 0; j < f->nargs; j++) {
            const char *owner =
                tc_arena_printf(a, "%s.%s(%s:)", t->name, f->name, f->args[j]->name);
            if (check_input_value(bd, f->args[j], owner, "argument") < 0)
                return -1;
        }
    }
    return 0;
}

static int check_implements(build *bd, const tc_gql_type *t, const tc_gql_type *iface)
{
    for (size_t i = 0; i < iface->nfields; i++) {
        const tc_gql_field *ifield = iface->fields[i];
        const tc_gql_field *tfield = tc_gql_type_field(t, ifield->name);
        if (!tfield)
            return FAIL(bd, "Interface field %s.%s expected but %s does not provide it.",
                        iface->name, ifield->name, t->name);
        if (!tc_gql_ref_is_subtype(tfield->type, ifield->type))
            return FAIL(bd, "Interface field %s.%s expects type %s but %s.%s is type %s.",
                        iface->name, ifield->name, ref_text(bd, ifield->type), t->name,
                        tfield->name, ref_text(bd, tfield->type));
        for (size_t j = 0; j < ifield->nargs; j++) {
            const tc_gql_input_value *iarg = ifield->args[j];
            const tc_gql_input_value *targ =
                tc_gql_field_argn(tfield, iarg->name, strlen(iarg->name));
            if (!targ)
                return FAIL(bd,
                            "Interface field argument %s.%s(%s:) expected but %s.%s does not "
                            "provide it.",
                            iface->name, ifield->name, iarg->name, t->name, tfield->name);
            if (!tc_gql_ref_equal(iarg->type, targ->type))
                return FAIL(bd,
                            "Interface field argument %s.%s(%s:) expects type %s but %s.%s(%s:) "
                            "is type %s.",
                            iface->name, ifield->name, iarg->name, ref_text(bd, iarg->type),
                            t->name, tfield->name, targ->name, ref_text(bd, targ->type));
        }
        for (size_t j = 0; j < tfield->nargs; j++) {
            const tc_gql_input_value *targ = tfield->args[j];
            if (!tc_gql_field_argn(ifield, targ->name, strlen(targ->name)) &&
                targ->type->wrap == TC_GQL_NON_NULL && !targ->default_value)
                return FAIL(bd,
                            "Object field %s.%s includes required argument %s that is missing "
                            "from the Interface field %s.%s.",
                            t->name, tfield->name, targ->name, iface->name, ifield->name);
        }
    }
    return 0;
}

static int check_interfaces(build *bd, const tc_gql_type *t)
{
    for (size_t i = 0; i < t->ninterfaces; i++) {
        const tc_gql_type *iface = t->interfaces[i];
        if (iface->kind != TC_GQL_INTERFACE)
            return FAIL(bd, "Type %s must only implement Interface types, it cannot implement %s.",
                        t->name, iface->name);
        if (iface == t)
            return FAIL(bd,
                        "Type %s cannot implement itself because it would create a circular "
                        "reference.",
                        t->name);
        for (size_t j = 0; j < i; j++)
            if (t->interfaces[j] == iface)
                return FAIL(bd, "Type %s can only implement %s once.", t->name, iface->name);
        for (size_t k = 0; k < iface->ninterfaces; k++) {
            const tc_gql_type *transitive = iface->interfaces[k];
            bool declared = false;
            for (size_t j = 0; j < t->ninterfaces; j++)
                declared = declared || t->interfaces[j] == transitive;
            if (transitive == t)
                return FAIL(bd,
                            "Type %s cannot implement %s because it would create a circular "
                            "reference.",
                            t->name, iface->name);
            if (!declared)
                return FAIL(bd, "Type %s must implement %s because it is implemented by %s.",
                            t->name, transitive->name, iface->name);
        }
        if (check_implements(bd, t, iface) < 0)
            return -1;
    }
    return 0;
}

static int check_union(build *bd, const tc_gql_type *t)
{
    if (t->npossible == 0)
        return FAIL(bd, "Union type %s must define one or more member types.", t->name);
    for (size_t i = 0; i < t->npossible; i++) {
        for (size_t j = 0; j < i; j++)
            if (t->possible[j] == t->possible[i])
                return FAIL(bd, "Union type %s can only include type %s once.", t->name,
                            t->possible[i]->name);
        if (t->possible[i]->kind != TC_GQL_OBJECT)
            return FAIL(bd, "Union type %s can only include Object types, it cannot include %s.",
                        t->name, t->possible[i]->name);
    }
    return 0;
}

static int check_enum(build *bd, const tc_gql_type *t)
{
    if (t->nvalues == 0)
        return FAIL(bd, "Enum type %s must define one or more values.", t->name);
    for (size_t i = 0; i < t->nvalues; i++) {
        const char *v = t->values[i]->name;
        if (strcmp(v, "true") == 0 || strcmp(v, "false") == 0 || strcmp(v, "null") == 0)
            return FAIL(bd, "Enum type %s cannot include value: %s.", t->name, v);
    }
    return 0;
}

static int check_input_object(build *bd, const tc_gql_type *t)
{
    tc_arena *a = bd->b->arena;
    if (t->ninput_fields == 0)
        return FAIL(bd, "Input Object type %s must define one or more fields.", t->name);
    for (size_t i = 0; i < t->ninput_fields; i++) {
        const char *owner = tc_arena_printf(a, "%s.%s", t->name, t->input_fields[i]->name);
        if (check_input_value(bd, t->input_fields[i], owner, "input field") < 0)
            return -1;
    }
    return 0;
}

/* The field through which an input object refers to another one it cannot do without. */
static const tc_gql_type *non_null_input(const tc_gql_input_value *f)
{
    if (f->type->wrap == TC_GQL_NON_NULL && f->type->of->wrap == TC_GQL_NAMED &&
        f->type->of->type->kind == TC_GQL_INPUT_OBJECT)
        return f->type->of->type;
    return NULL;
}

/* graphql-js's input-object cycle check, as an explicit depth-first walk (no recursion: a chain
 * of input objects may be as long as the schema). */
static int check_input_cycles(build *bd)
{
    typedef struct frame {
        const tc_gql_type *t;
        size_t next; /* next field to look at */
    } frame;
    size_t n = bd->nall;
    bool *visited = calloc(n, sizeof(*visited));
    long *path_at = malloc(n * sizeof(*path_at)); /* type -> its depth on the path, or -1 */
    frame *stack = malloc(n * sizeof(*stack));
    const tc_gql_input_value **path = malloc(n * sizeof(*path));
    if (!visited || !path_at || !stack || !path)
        tc_die_oom();
    for (size_t i = 0; i < n; i++)
        path_at[i] = -1;
    int rc = 0;
    for (size_t root = 0; root < n && rc == 0; root++) {
        if (bd->all[root]->kind != TC_GQL_INPUT_OBJECT || visited[root])
            continue;
        size_t depth = 0;
        stack[0] = (frame){bd->all[root], 0};
        visited[root] = true;
        path_at[root] = 0;
        while (rc == 0) {
            frame *top = &stack[depth];
            if (top->next == top->t->ninput_fields) {
                path_at[top->t->position] = -1;
                if (depth == 0)
                    break;
                depth--; /* the field that led here is path[depth] */
                continue;
            }
            const tc_gql_input_value *f = top->t->input_fields[top->next++];
            const tc_gql_type *to = non_null_input(f);
            if (!to)
                continue;
            path[depth] = f;
            if (path_at[to->position] >= 0) {
                tc_buf cycle;
                tc_buf_init(&cycle, 160);
                for (size_t k = (size_t)path_at[to->position]; k <= depth; k++) {
                    if (k > (size_t)path_at[to->position])
                        tc_buf_addc(&cycle, '.');
                    tc_buf_adds(&cycle, path[k]->name);
                }
                rc = FAIL(bd,
                          "Cannot reference Input Object \"%s\" within itself through a series of "
                          "non-null fields: \"%s\".",
                          to->name, tc_buf_cstr(&cycle));
                tc_buf_fini(&cycle);
            } else if (!visited[to->position]) {
                visited[to->position] = true;
                path_at[to->position] = (long)(depth + 1);
                stack[++depth] = (frame){to, 0};
            }
        }
    }
    free(visited);
    free(path_at);
    free(stack);
    free(path);
    return rc;
}

static int check_directives(build *bd, tc_gql_directive **dirs, size_t n)
{
    tc_arena *a = bd->b->arena;
    for (size_t i = 0; i < n; i++) {
        const tc_gql_directive *d = dirs[i];
        for (size_t j = 0; j < i; j++)
            if (strcmp(dirs[j]->name, d->name) == 0)
                return FAIL(bd, "There can be only one directive named \"@%s\".", d->name);
        if (d->nlocations == 0)
            return FAIL(bd, "Directive @%s must include 1 or more locations.", d->name);
        for (size_t x = 0; x < d->nargs; x++) {
            for (size_t y = 0; y < x; y++)
                if (strcmp(d->args[x]->name, d->args[y]->name) == 0)
                    return FAIL(bd, "Argument \"@%s(%s:)\" can only be defined once.", d->name,
                                d->args[x]->name);
            const char *owner = tc_arena_printf(a, "@%s(%s:)", d->name, d->args[x]->name);
            if (check_input_value(bd, d->args[x], owner, "argument") < 0)
                return -1;
        }
    }
    return 0;
}

static int check_types(build *bd)
{
    for (size_t i = 0; i < bd->nall; i++) {
        const tc_gql_type *t = bd->all[i];
        int rc = 0;
        switch (t->kind) {
        case TC_GQL_OBJECT:
        case TC_GQL_INTERFACE:
            rc = check_fields(bd, t);
            if (rc == 0)
                rc = check_interfaces(bd, t);
            break;
        case TC_GQL_UNION: rc = check_union(bd, t); break;
        case TC_GQL_ENUM: rc = check_enum(bd, t); break;
        case TC_GQL_INPUT_OBJECT: rc = check_input_object(bd, t); break;
        case TC_GQL_SCALAR: break;
        }
        if (rc < 0)
            return -1;
    }
    return check_input_cycles(bd);
}

static int set_roots(build *bd, tc_gql_schema *s)
{
    static const char *const words[3] = {"Query", "Mutation", "Subscription"};
    const tc_gql_type *roots[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++) {
        const char *name = bd->b->roots_set ? bd->b->root_names[i] : words[i];
        if (!name)
            continue;
        const tc_gql_type *t = find_all(bd, name);
        if (!t && bd->b->roots_set)
            return FAIL(bd, "Unknown type \"%s\" (the %s root type).", name, words[i]);
        if (t && t->kind != TC_GQL_OBJECT)
            return FAIL(bd, "%s root type must be Object type, it cannot be %s.", words[i],
                        t->name);
        roots[i] = t;
    }
    if (!roots[0])
        return FAIL(bd, "Query root type must be provided.");
    s->query = roots[0];
    s->mutation = roots[1];
    s->subscription = roots[2];
    return 0;
}

/* ---- Type-map order (graphql-js GraphQLSchema constructor + collectReferencedTypes) --------- */

static void collect(build *bd, tc_gql_type *t);

static void collect_children(build *bd, const tc_gql_type *t)
{
    switch (t->kind) {
    case TC_GQL_UNION:
        for (size_t i = 0; i < t->npossible; i++)
            collect(bd, t->possible[i]);
        break;
    case TC_GQL_OBJECT:
    case TC_GQL_INTERFACE:
        for (size_t i = 0; i < t->ninterfaces; i++)
            collect(bd, t->interfaces[i]);
        for (size_t i = 0; i < t->nfields; i++) {
            collect(bd, (tc_gql_type *)tc_gql_ref_named(t->fields[i]->type));
            for (size_t j = 0; j < t->fields[i]->nargs; j++)
                collect(bd, (tc_gql_type *)tc_gql_ref_named(t->fields[i]->args[j]->type));
        }
        break;
    case TC_GQL_INPUT_OBJECT:
        for (size_t i = 0; i < t->ninput_fields; i++)
            collect(bd, (tc_gql_type *)tc_gql_ref_named(t->input_fields[i]->type));
        break;
    default: break;
    }
}

/* Only built-in types reach the recursion (caller types are all seen from the start), so it
 * is as deep as the introspection types are, a handful of levels. */
static void collect(build *bd, tc_gql_type *t)
{
    if (bd->seen[t->position])
        return;
    bd->seen[t->position] = true;
    bd->order[bd->norder++] = t;
    collect_children(bd, t);
}

static void order_types(build *bd, tc_gql_directive **dirs, size_t ndirs)
{
    tc_gql_builder *b = bd->b;
    bd->seen = calloc(bd->nall ? bd->nall : 1, sizeof(*bd->seen));
    if (!bd->seen)
        tc_die_oom();
    bd->order = tc_arena_calloc(b->arena, bd->nall ? bd->nall : 1, sizeof(*bd->order));
    size_t ncaller = b->types.n;
    for (size_t i = 0; i < ncaller; i++)
        bd->seen[i] = true;
    for (size_t i = 0; i < ncaller; i++) {
        bd->order[bd->norder++] = bd->all[i];
        collect_children(bd, bd->all[i]);
    }
    for (size_t i = 0; i < ndirs; i++)
        for (size_t j = 0; j < dirs[i]->nargs; j++)
            collect(bd, (tc_gql_type *)tc_gql_ref_named(dirs[i]->args[j]->type));
    collect(bd, find_all(bd, "__Schema"));
    free(bd->seen);
    bd->seen = NULL;
}

/* The object types implementing each interface, in type-map order. */
static void set_possible_types(build *bd)
{
    tc_arena *a = bd->b->arena;
    for (size_t pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < bd->norder; i++) {
            tc_gql_type *t = bd->order[i];
            if (t->kind != TC_GQL_OBJECT)
                continue;
            for (size_t j = 0; j < t->ninterfaces; j++) {
                tc_gql_type *iface = t->interfaces[j];
                if (pass == 0)
                    iface->npossible++;
                else
                    iface->possible[iface->npossible++] = t;
            }
        }
        if (pass == 0) {
            for (size_t i = 0; i < bd->nall; i++) {
                tc_gql_type *t = bd->all[i];
                if (t->kind == TC_GQL_INTERFACE && t->npossible) {
                    t->possible = tc_arena_calloc(a, t->npossible, sizeof(*t->possible));
                    t->npossible = 0;
                }
            }
        }
    }
}

tc_gql_schema *tc_gql_builder_build(tc_gql_builder *b, tc_err *e)
{
    build bd = {.b = b};
    tc_gql_schema *s = tc_arena_calloc(b->arena, 1, sizeof(*s));
    size_t ndirs = b->directives.n + b->builtin_dirs.n;
    tc_gql_directive **dirs = tc_arena_calloc(b->arena, ndirs, sizeof(*dirs));
    copy_vec(dirs, &b->directives);
    copy_vec(dirs + b->directives.n, &b->builtin_dirs);

    if (b->failed || collect_types(&bd) < 0 || resolve_refs(&bd) < 0 || distribute_items(&bd) < 0 ||
        index_members(&bd) < 0 || set_roots(&bd, s) < 0 || check_directives(&bd, dirs, ndirs) < 0 ||
        check_types(&bd) < 0)
        goto fail;

    order_types(&bd, dirs, ndirs);
    set_possible_types(&bd);
    for (size_t i = 0; i < bd.norder; i++)
        bd.order[i]->position = (uint32_t)i;
    s->types = bd.order;
    s->ntypes = bd.norder;
    tc_gql_index_build(b->arena, &s->type_index, (void *const *)s->types, s->ntypes, NULL);
    s->description = b->description;
    s->directives = dirs;
    s->ndirectives = ndirs;
    s->schema_field = b->meta_fields[0];
    s->type_field = b->meta_fields[1];
    s->typename_field = b->meta_fields[2];
    s->arena = b->arena;
    b->arena = NULL; /* now the schema's */
    tc_gql_builder_free(b);
    return s;

fail:
    if (e)
        *e = b->err;
    tc_gql_builder_free(b);
    return NULL;
}
