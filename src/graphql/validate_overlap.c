/* OverlappingFieldsCanBeMerged, as graphql-js 16 computes it: for each selection set, the fields
 * of each response name (through inline fragments) and the fragments it spreads, compared pair
 * by pair, through sub-selections and through fragments. Each selection set's fields are
 * collected once, each field's arguments printed once, and each pair of fragments compared once
 * per mutual-exclusion state (graphql-js's PairSet), with the same side effects on what later
 * comparisons skip, so the same conflicts come out in the same order. The work is counted and
 * stops at the caller's budget, the nesting through fragments at a depth bound: graphql-js has
 * neither, and a hostile document makes it quadratic or worse, or recurse without end through a
 * fragment cycle. */
#include "graphql/validate_int.h"

#include <string.h>

#include "graphql/print.h"

_Static_assert(sizeof(uintptr_t) >= 8, "fragment pair keys need 64-bit pointers");

/* The rule gives up on the document (once past its budget or its depth bound): one error says
 * so, and the other rules go on, so a document with a fragment cycle (on which graphql-js
 * recurses until its stack overflows) still gets NoFragmentCycles' error. */
static void give_up(vctx *v)
{
    if (v->overlap_off)
        return;
    v->overlap_off = true;
    tc_buf_adds(verr_begin(v), TC_GQL_VALIDATE_TOO_COMPLEX_FIELDS);
    verr_report(v, NULL, 0);
}

static bool stopped(const vctx *v)
{
    return v->aborted || v->overlap_off;
}

/* Counts work on the rule's own budget; false once the rule gave up. */
static bool spend(vctx *v, size_t units)
{
    if (stopped(v))
        return false;
    v->overlap_work += units;
    if (v->overlap_work <= v->max_work)
        return true;
    give_up(v);
    return false;
}

typedef struct ov_field {
    const tc_gql_type *parent;
    const tc_gql_ast_selection *node;
    const tc_gql_field *def;
} ov_field;

typedef struct ov_group {
    const tc_gql_ast_name *key; /* response name */
    ov_field *items;
    size_t n, cap;
} ov_group;

/* getFieldsAndFragmentNames of one selection set */
typedef struct ov_set {
    ov_group *groups; /* in order of first appearance */
    size_t n, cap;
    vmap index; /* response name -> group + 1, once there are more than 8 */
    const tc_gql_ast_name **frags;
    size_t nfrags, fcap;
    vmap frag_index;
} ov_set;

typedef struct ov_conflict ov_conflict;

typedef struct ov_list {
    ov_conflict **items;
    size_t n, cap;
} ov_list;

struct ov_conflict {
    const tc_gql_ast_name *key;
    const char *reason; /* NULL: the sub-conflicts are the reason */
    ov_list subs;
    const tc_gql_ast_selection **f1, **f2;
    size_t n1, n2;
};

static ov_group *find_group(const ov_set *s, const tc_gql_ast_name *key)
{
    if (s->index.mask) {
        uintptr_t *i = vmap_get(&s->index, key->s, key->len);
        return i ? &s->groups[*i - 1] : NULL;
    }
    for (size_t i = 0; i < s->n; i++)
        if (s->groups[i].key->len == key->len && memcmp(s->groups[i].key->s, key->s, key->len) == 0)
            return &s->groups[i];
    return NULL;
}

static void add_field(vctx *v, ov_set *s, ov_field f)
{
    const tc_gql_ast_name *key = f.node->alias.s ? &f.node->alias : &f.node->name;
    ov_group *g = find_group(s, key);
    if (!g) {
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 8;
            ov_group *grown = tc_arena_alloc(v->a, s->cap * sizeof(*grown));
            if (s->n)
                memcpy(grown, s->groups, s->n * sizeof(*grown));
            s->groups = grown;
        }
        g = &s->groups[s->n++];
        *g = (ov_group){key, NULL, 0, 0};
        if (s->index.mask)
            *vmap_put(&s->index, v->a, key->s, key->len, NULL) = s->n;
        else if (s->n > 8)
            for (size_t i = 0; i < s->n; i++)
                *vmap_put(&s->index, v->a, s->groups[i].key->s, s->groups[i].key->len, NULL) =
                    i + 1;
    }
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 2;
        ov_field *grown = tc_arena_alloc(v->a, g->cap * sizeof(*grown));
        if (g->n)
            memcpy(grown, g->items, g->n * sizeof(*grown));
        g->items = grown;
    }
    g->items[g->n++] = f;
}

static void add_fragment(vctx *v, ov_set *s, const tc_gql_ast_name *name)
{
    bool added;
    vmap_put(&s->frag_index, v->a, name->s, name->len, &added);
    if (added)
        tc_arena_append(v->a, (void ***)&s->frags, &s->nfrags, &s->fcap, (void *)name);
}

static void collect(vctx *v, const tc_gql_type *parent, const tc_gql_ast_selection_set *set,
                    ov_set *s)
{
    for (size_t i = 0; i < set->n; i++) {
        const tc_gql_ast_selection *sel = set->items[i];
        if (sel->kind == TC_GQL_AST_FIELD) {
            /* the type's own fields: __typename has no definition here */
            const tc_gql_field *def =
                parent ? tc_gql_type_fieldn(parent, sel->name.s, sel->name.len) : NULL;
            add_field(v, s, (ov_field){parent, sel, def});
        } else if (sel->kind == TC_GQL_AST_FRAGMENT_SPREAD) {
            add_fragment(v, s, &sel->name);
        } else {
            const tc_gql_type *t = sel->type_condition ? vnamed(v, sel->type_condition) : parent;
            collect(v, t, sel->selection_set, s);
        }
    }
}

/* getFieldsAndFragmentNames: cached by selection set (the first parent type given wins). */
static ov_set *fields_of(vctx *v, const tc_gql_type *parent, const tc_gql_ast_selection_set *set)
{
    bool added;
    uintptr_t *slot = vmap_put(&v->overlap_sets, v->a, set, 0, &added);
    if (!added)
        return (ov_set *)*slot;
    ov_set *s = tc_arena_calloc(v->a, 1, sizeof(*s));
    *slot = (uintptr_t)s;
    collect(v, parent, set, s);
    return s;
}

/* getReferencedFieldsAndFragmentNames of the fragment named name, or NULL when unknown. */
static ov_set *fragment_fields(vctx *v, const tc_gql_ast_name *name)
{
    long f = vfragment(v, name->s, name->len);
    if (f < 0)
        return NULL;
    const tc_gql_ast_definition *d = v->doc->items[f];
    return fields_of(v, vnamed(v, d->type_condition), d->selection_set);
}

/* ---- PairSet -------------------------------------------------------------------------------- */

static uint32_t name_id(vctx *v, const tc_gql_ast_name *name)
{
    bool added;
    uintptr_t *slot = vmap_put(&v->overlap_names, v->a, name->s, name->len, &added);
    if (added)
        *slot = ++v->overlap_nnames;
    return (uint32_t)*slot;
}

static const void *pair_key(vctx *v, const tc_gql_ast_name *a, const tc_gql_ast_name *b)
{
    uint64_t x = name_id(v, a), y = name_id(v, b);
    return (const void *)(uintptr_t)(x < y ? x << 32 | y : y << 32 | x);
}

static bool pair_has(vctx *v, const tc_gql_ast_name *a, const tc_gql_ast_name *b, bool mutex)
{
    uintptr_t *val = vmap_get(&v->overlap_pairs, pair_key(v, a, b), 0);
    if (!val)
        return false;
    return mutex ? true : *val == 1; /* stored 1 + areMutuallyExclusive */
}

static void pair_add(vctx *v, const tc_gql_ast_name *a, const tc_gql_ast_name *b, bool mutex)
{
    *vmap_put(&v->overlap_pairs, v->a, pair_key(v, a, b), 0, NULL) = 1 + (uintptr_t)mutex;
}

/* ---- Comparing fields ----------------------------------------------------------------------- */

static bool same_name(const tc_gql_ast_name *a, const tc_gql_ast_name *b)
{
    return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static int field_order(const void *a, const void *b)
{
    const tc_gql_ast_object_field *x = *(tc_gql_ast_object_field *const *)a;
    const tc_gql_ast_object_field *y = *(tc_gql_ast_object_field *const *)b;
    return vnatural_compare(x->name.s, x->name.len, y->name.s, y->name.len);
}

/* sortValueNode: object fields in naturalCompare order (stable), recursively. */
static tc_gql_ast_value *sorted(vctx *v, const tc_gql_ast_value *val)
{
    tc_gql_ast_value *c = tc_arena_alloc(v->a, sizeof(*c));
    *c = *val;
    if (val->kind == TC_GQL_AST_LIST) {
        c->u.list.items = tc_arena_alloc(v->a, (val->u.list.n + 1) * sizeof(*c->u.list.items));
        for (size_t i = 0; i < val->u.list.n; i++)
            c->u.list.items[i] = sorted(v, val->u.list.items[i]);
    } else if (val->kind == TC_GQL_AST_OBJECT) {
        size_t n = val->u.object.n;
        tc_gql_ast_object_field **f = tc_arena_alloc(v->a, (n + 1) * sizeof(*f));
        for (size_t i = 0; i < n; i++) {
            f[i] = tc_arena_alloc(v->a, sizeof(**f));
            *f[i] = *val->u.object.items[i];
            f[i]->value = sorted(v, val->u.object.items[i]->value);
        }
        /* insertion sort: stable; argument lists are short */
        for (size_t i = 1; i < n; i++) {
            tc_gql_ast_object_field *x = f[i];
            size_t j = i;
            while (j > 0 && field_order(&f[j - 1], &x) > 0) {
                f[j] = f[j - 1];
                j--;
            }
            f[j] = x;
        }
        c->u.object.items = f;
    }
    return c;
}

typedef struct ov_args {
    const char *s;
    size_t len;
} ov_args;

/* stringifyArguments: the arguments as an object literal, sorted and printed; once per field. */
static const ov_args *args_of(vctx *v, const tc_gql_ast_selection *field)
{
    bool added;
    uintptr_t *slot = vmap_put(&v->overlap_args, v->a, field, 0, &added);
    if (!added)
        return (const ov_args *)*slot;
    ov_args *r = tc_arena_alloc(v->a, sizeof(*r));
    *slot = (uintptr_t)r;
    tc_gql_ast_value obj = {.kind = TC_GQL_AST_OBJECT};
    tc_gql_ast_object_field *fields =
        tc_arena_alloc(v->a, (field->arguments.n + 1) * sizeof(*fields));
    tc_gql_ast_object_field **items =
        tc_arena_alloc(v->a, (field->arguments.n + 1) * sizeof(*items));
    for (size_t i = 0; i < field->arguments.n; i++) {
        const tc_gql_ast_argument *arg = field->arguments.items[i];
        fields[i] = (tc_gql_ast_object_field){arg->loc, arg->name, arg->value};
        items[i] = &fields[i];
    }
    obj.u.object.items = items;
    obj.u.object.n = field->arguments.n;
    r->s = vstr_value(v, sorted(v, &obj), &r->len);
    return r;
}

/* doTypesConflict */
static bool types_conflict(const tc_gql_typeref *a, const tc_gql_typeref *b)
{
    while (a->wrap != TC_GQL_NAMED || b->wrap != TC_GQL_NAMED) {
        if (a->wrap == TC_GQL_LIST || b->wrap == TC_GQL_LIST) {
            if (a->wrap != b->wrap)
                return true;
        } else if (a->wrap != b->wrap) {
            return true; /* one non-null, the other named */
        }
        a = a->of;
        b = b->of;
    }
    if (tc_gql_type_is_leaf(a->type) || tc_gql_type_is_leaf(b->type))
        return a->type != b->type;
    return false;
}

static void push(vctx *v, ov_list *l, ov_conflict *c)
{
    tc_arena_append(v->a, (void ***)&l->items, &l->n, &l->cap, c);
}

static ov_conflict *leaf_conflict(vctx *v, const tc_gql_ast_name *key, const char *reason,
                                  const tc_gql_ast_selection *n1, const tc_gql_ast_selection *n2)
{
    ov_conflict *c = tc_arena_calloc(v->a, 1, sizeof(*c));
    c->key = key;
    c->reason = reason;
    c->f1 = tc_arena_alloc(v->a, sizeof(*c->f1));
    c->f2 = tc_arena_alloc(v->a, sizeof(*c->f2));
    c->f1[0] = n1;
    c->f2[0] = n2;
    c->n1 = c->n2 = 1;
    return c;
}

/* subfieldConflicts */
static ov_conflict *sub_conflict(vctx *v, ov_list subs, const tc_gql_ast_name *key,
                                 const tc_gql_ast_selection *n1, const tc_gql_ast_selection *n2)
{
    if (!subs.n)
        return NULL;
    ov_conflict *c = tc_arena_calloc(v->a, 1, sizeof(*c));
    c->key = key;
    c->subs = subs;
    c->n1 = c->n2 = 1;
    for (size_t i = 0; i < subs.n; i++) {
        c->n1 += subs.items[i]->n1;
        c->n2 += subs.items[i]->n2;
    }
    c->f1 = tc_arena_alloc(v->a, c->n1 * sizeof(*c->f1));
    c->f2 = tc_arena_alloc(v->a, c->n2 * sizeof(*c->f2));
    c->f1[0] = n1;
    c->f2[0] = n2;
    size_t k1 = 1, k2 = 1;
    for (size_t i = 0; i < subs.n; i++) {
        memcpy(c->f1 + k1, subs.items[i]->f1, subs.items[i]->n1 * sizeof(*c->f1));
        memcpy(c->f2 + k2, subs.items[i]->f2, subs.items[i]->n2 * sizeof(*c->f2));
        k1 += subs.items[i]->n1;
        k2 += subs.items[i]->n2;
    }
    return c;
}

static void between(vctx *v, ov_list *out, bool mutex, ov_set *s1, ov_set *s2);
static void fields_and_fragment(vctx *v, ov_list *out, bool mutex, ov_set *s,
                                const tc_gql_ast_name *frag);
static void fragments(vctx *v, ov_list *out, bool mutex, const tc_gql_ast_name *f1,
                      const tc_gql_ast_name *f2);

static bool deeper(vctx *v)
{
    if (++v->overlap_depth <= TC_GQL_VALIDATE_MAX_OVERLAP_DEPTH)
        return true;
    give_up(v);
    return false;
}

/* findConflictsBetweenSubSelectionSets */
static ov_list between_sets(vctx *v, bool mutex, const tc_gql_type *t1,
                            const tc_gql_ast_selection_set *set1, const tc_gql_type *t2,
                            const tc_gql_ast_selection_set *set2)
{
    ov_list out = {0};
    if (!deeper(v)) {
        v->overlap_depth--;
        return out;
    }
    ov_set *s1 = fields_of(v, t1, set1), *s2 = fields_of(v, t2, set2);
    between(v, &out, mutex, s1, s2);
    for (size_t j = 0; j < s2->nfrags && !stopped(v); j++)
        fields_and_fragment(v, &out, mutex, s1, s2->frags[j]);
    for (size_t i = 0; i < s1->nfrags && !stopped(v); i++)
        fields_and_fragment(v, &out, mutex, s2, s1->frags[i]);
    for (size_t i = 0; i < s1->nfrags && !stopped(v); i++)
        for (size_t j = 0; j < s2->nfrags && !stopped(v); j++)
            fragments(v, &out, mutex, s1->frags[i], s2->frags[j]);
    v->overlap_depth--;
    return out;
}

/* findConflict */
static ov_conflict *find_conflict(vctx *v, bool parents_mutex, const tc_gql_ast_name *key,
                                  const ov_field *a, const ov_field *b)
{
    if (!spend(v, 1))
        return NULL;
    bool mutex =
        parents_mutex || (a->parent != b->parent && a->parent && b->parent &&
                          a->parent->kind == TC_GQL_OBJECT && b->parent->kind == TC_GQL_OBJECT);
    if (!mutex) {
        if (!same_name(&a->node->name, &b->node->name))
            return leaf_conflict(v, key,
                                 tc_arena_printf(v->a, "\"%s\" and \"%s\" are different fields",
                                                 a->node->name.s, b->node->name.s),
                                 a->node, b->node);
        const ov_args *x = args_of(v, a->node), *y = args_of(v, b->node);
        if (x->len != y->len || memcmp(x->s, y->s, x->len) != 0)
            return leaf_conflict(v, key, "they have differing arguments", a->node, b->node);
    }
    const tc_gql_typeref *t1 = a->def ? a->def->type : NULL;
    const tc_gql_typeref *t2 = b->def ? b->def->type : NULL;
    if (t1 && t2 && types_conflict(t1, t2)) {
        const char *s1 = vstr_ref(v, t1), *s2 = vstr_ref(v, t2);
        return leaf_conflict(
            v, key,
            tc_arena_printf(v->a, "they return conflicting types \"%s\" and \"%s\"", s1, s2),
            a->node, b->node);
    }
    if (!a->node->selection_set || !b->node->selection_set)
        return NULL;
    ov_list subs = between_sets(v, mutex, vref_named(t1), a->node->selection_set, vref_named(t2),
                                b->node->selection_set);
    return sub_conflict(v, subs, key, a->node, b->node);
}

/* Whether every field of g is ref's twin: the same field name and definition, no arguments and
 * no sub-selection. findConflict finds nothing between twins whatever their parent types, and
 * changes nothing on the way, so pairs of twins need not be compared: a document repeating one
 * leaf field thousands of times stays linear. */
static bool twins(const ov_group *g, const ov_field *ref)
{
    for (size_t i = 0; i < g->n; i++) {
        const ov_field *f = &g->items[i];
        if (f->def != ref->def || f->node->arguments.n || f->node->selection_set ||
            !same_name(&f->node->name, &ref->node->name))
            return false;
    }
    return true;
}

/* collectConflictsBetween */
static void between(vctx *v, ov_list *out, bool mutex, ov_set *s1, ov_set *s2)
{
    if (!spend(v, s1->n))
        return;
    for (size_t g = 0; g < s1->n && !stopped(v); g++) {
        ov_group *g1 = &s1->groups[g];
        ov_group *g2 = find_group(s2, g1->key);
        if (!g2 || !spend(v, g1->n + g2->n) ||
            (twins(g1, &g1->items[0]) && twins(g2, &g1->items[0])))
            continue;
        for (size_t i = 0; i < g1->n && !stopped(v); i++)
            for (size_t j = 0; j < g2->n && !stopped(v); j++) {
                ov_conflict *c = find_conflict(v, mutex, g1->key, &g1->items[i], &g2->items[j]);
                if (c)
                    push(v, out, c);
            }
    }
}

/* collectConflictsWithin */
static void within(vctx *v, ov_list *out, ov_set *s)
{
    if (!spend(v, s->n))
        return;
    for (size_t g = 0; g < s->n && !stopped(v); g++) {
        ov_group *gr = &s->groups[g];
        if (gr->n < 2 || !spend(v, gr->n) || twins(gr, &gr->items[0]))
            continue;
        for (size_t i = 0; i < gr->n && !stopped(v); i++)
            for (size_t j = i + 1; j < gr->n && !stopped(v); j++) {
                ov_conflict *c = find_conflict(v, false, gr->key, &gr->items[i], &gr->items[j]);
                if (c)
                    push(v, out, c);
            }
    }
}

/* collectConflictsBetweenFieldsAndFragment */
static void fields_and_fragment(vctx *v, ov_list *out, bool mutex, ov_set *s,
                                const tc_gql_ast_name *frag)
{
    if (!spend(v, 1))
        return;
    ov_set *s2 = fragment_fields(v, frag);
    if (!s2 || s2 == s)
        return;
    if (!deeper(v)) {
        v->overlap_depth--;
        return;
    }
    between(v, out, mutex, s, s2);
    for (size_t i = 0; i < s2->nfrags && spend(v, 1); i++) {
        const tc_gql_ast_name *ref = s2->frags[i];
        if (pair_has(v, ref, frag, mutex))
            continue;
        pair_add(v, ref, frag, mutex);
        fields_and_fragment(v, out, mutex, s, ref);
    }
    v->overlap_depth--;
}

/* collectConflictsBetweenFragments */
static void fragments(vctx *v, ov_list *out, bool mutex, const tc_gql_ast_name *f1,
                      const tc_gql_ast_name *f2)
{
    if (!spend(v, 1) || same_name(f1, f2) || pair_has(v, f1, f2, mutex))
        return;
    pair_add(v, f1, f2, mutex);
    ov_set *s1 = fragment_fields(v, f1), *s2 = fragment_fields(v, f2);
    if (!s1 || !s2)
        return;
    if (!deeper(v)) {
        v->overlap_depth--;
        return;
    }
    between(v, out, mutex, s1, s2);
    for (size_t j = 0; j < s2->nfrags && !stopped(v); j++)
        fragments(v, out, mutex, f1, s2->frags[j]);
    for (size_t i = 0; i < s1->nfrags && !stopped(v); i++)
        fragments(v, out, mutex, s1->frags[i], f2);
    v->overlap_depth--;
}

static void reason_message(tc_buf *b, const ov_conflict *c)
{
    if (c->reason) {
        tc_buf_adds(b, c->reason);
        return;
    }
    for (size_t i = 0; i < c->subs.n; i++) {
        if (i)
            tc_buf_adds(b, " and ");
        tc_buf_printf(b, "subfields \"%s\" conflict because ", c->subs.items[i]->key->s);
        reason_message(b, c->subs.items[i]);
    }
}

void r_overlapping_fields(vctx *v, const tc_gql_type *parent, const tc_gql_ast_selection_set *set)
{
    if (stopped(v))
        return;
    /* findConflictsWithinSelectionSet */
    ov_list out = {0};
    ov_set *s = fields_of(v, parent, set);
    within(v, &out, s);
    for (size_t i = 0; i < s->nfrags && !stopped(v); i++) {
        fields_and_fragment(v, &out, false, s, s->frags[i]);
        for (size_t j = i + 1; j < s->nfrags && !stopped(v); j++)
            fragments(v, &out, false, s->frags[i], s->frags[j]);
    }
    for (size_t i = 0; i < out.n && !stopped(v); i++) {
        const ov_conflict *c = out.items[i];
        tc_buf *b = verr_begin(v);
        tc_buf_printf(b, "Fields \"%s\" conflict because ", c->key->s);
        reason_message(b, c);
        tc_buf_adds(b, ". Use different aliases on the fields to fetch both if this was "
                       "intentional.");
        tc_gql_ast_loc *locs = tc_arena_alloc(v->a, (c->n1 + c->n2) * sizeof(*locs));
        for (size_t k = 0; k < c->n1; k++)
            locs[k] = c->f1[k]->loc;
        for (size_t k = 0; k < c->n2; k++)
            locs[c->n1 + k] = c->f2[k]->loc;
        verr_report(v, locs, c->n1 + c->n2);
    }
}
