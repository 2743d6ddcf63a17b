/* The validator's machinery shared by every rule: the arena hash map, error reporting, printed
 * types and values, graphql-js's TypeInfo transitions and the ValidationContext queries
 * (fragments by name, fragment spreads, recursively referenced fragments, variable usages), each
 * computed once per definition and kept in the arena. */
#include "graphql/validate_int.h"

#include <string.h>

#include "graphql/print.h"

/* ---- Hash map ------------------------------------------------------------------------------- */

static uint32_t hash_key(const void *k, size_t len)
{
    if (len == 0) {
        uint64_t x = (uint64_t)(uintptr_t)k;
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 33;
        return (uint32_t)x;
    }
    const unsigned char *p = k;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

static bool slot_is(const vmap_slot *s, const void *k, size_t len, uint32_t h)
{
    if (s->hash != h || s->len != len)
        return false;
    return len == 0 ? s->key == k : memcmp(s->key, k, len) == 0;
}

uintptr_t *vmap_get(const vmap *m, const void *k, size_t len)
{
    if (!m->mask)
        return NULL;
    uint32_t h = hash_key(k, len);
    for (uint32_t i = h & m->mask;; i = (i + 1) & m->mask) {
        vmap_slot *s = &m->slots[i];
        if (!s->key)
            return NULL;
        if (slot_is(s, k, len, h))
            return &s->val;
    }
}

static void grow(vmap *m, tc_arena *a)
{
    uint32_t cap = m->mask ? (m->mask + 1) * 2 : 16;
    vmap_slot *old = m->slots;
    uint32_t oldcap = m->mask ? m->mask + 1 : 0;
    m->slots = tc_arena_calloc(a, cap, sizeof(*m->slots));
    m->mask = cap - 1;
    for (uint32_t i = 0; i < oldcap; i++) {
        if (!old[i].key)
            continue;
        uint32_t j = old[i].hash & m->mask;
        while (m->slots[j].key)
            j = (j + 1) & m->mask;
        m->slots[j] = old[i];
    }
}

uintptr_t *vmap_put(vmap *m, tc_arena *a, const void *k, size_t len, bool *added)
{
    if ((m->n + 1) * 2 > (m->mask ? m->mask + 1 : 0))
        grow(m, a);
    uint32_t h = hash_key(k, len);
    uint32_t i = h & m->mask;
    for (;; i = (i + 1) & m->mask) {
        vmap_slot *s = &m->slots[i];
        if (!s->key)
            break;
        if (slot_is(s, k, len, h)) {
            if (added)
                *added = false;
            return &s->val;
        }
    }
    m->slots[i] = (vmap_slot){k, len, h, 0};
    m->n++;
    if (added)
        *added = true;
    return &m->slots[i].val;
}

uint32_t *vfirst_of(vctx *v, const tc_gql_ast_name *const *names, size_t n, uint32_t *small)
{
    uint32_t *first = n <= 8 ? small : tc_arena_alloc(v->a, n * sizeof(*first));
    if (n <= 8) {
        for (size_t i = 0; i < n; i++) {
            first[i] = (uint32_t)i;
            for (size_t j = 0; j < i; j++)
                if (names[j]->len == names[i]->len &&
                    memcmp(names[j]->s, names[i]->s, names[i]->len) == 0) {
                    first[i] = (uint32_t)j;
                    break;
                }
        }
        return first;
    }
    vmap seen = {0};
    for (size_t i = 0; i < n; i++) {
        bool added;
        uintptr_t *slot = vmap_put(&seen, v->a, names[i]->s, names[i]->len, &added);
        if (added)
            *slot = i;
        first[i] = (uint32_t)*slot;
    }
    return first;
}

/* ---- Errors --------------------------------------------------------------------------------- */

tc_buf *verr_begin(vctx *v)
{
    tc_buf_reset(&v->msg);
    return &v->msg;
}

static void push_error(vctx *v, const char *message, size_t len, const tc_gql_ast_loc *locs,
                       size_t n)
{
    if (v->nerrors == v->errors_cap) {
        size_t cap = v->errors_cap ? v->errors_cap * 2 : 8;
        tc_gql_validation_error *grown = tc_arena_alloc(v->a, cap * sizeof(*grown));
        if (v->nerrors)
            memcpy(grown, v->errors, v->nerrors * sizeof(*grown));
        v->errors = grown;
        v->errors_cap = cap;
    }
    tc_gql_error_location *l = n ? tc_arena_alloc(v->a, n * sizeof(*l)) : NULL;
    for (size_t i = 0; i < n; i++)
        l[i] = (tc_gql_error_location){locs[i].line, locs[i].column};
    char *m = tc_arena_alloc(v->a, len + 1);
    memcpy(m, message, len);
    m[len] = '\0';
    v->errors[v->nerrors++] = (tc_gql_validation_error){m, len, l, n};
}

void verr_abort(vctx *v, const char *message)
{
    if (v->aborted)
        return;
    push_error(v, message, strlen(message), NULL, 0);
    v->aborted = true;
}

bool vwork(vctx *v, size_t units)
{
    if (v->aborted)
        return false;
    v->work += units;
    if (v->work <= v->max_work)
        return true;
    verr_abort(v, TC_GQL_VALIDATE_TOO_COMPLEX);
    return false;
}

void verr_report(vctx *v, const tc_gql_ast_loc *locs, size_t n)
{
    if (v->aborted)
        return;
    if (v->nerrors >= v->max_errors) {
        verr_abort(v, TC_GQL_VALIDATE_TOO_MANY);
        return;
    }
    push_error(v, v->msg.data ? v->msg.data : "", v->msg.len, locs, n);
}

void verr_report1(vctx *v, tc_gql_ast_loc l)
{
    verr_report(v, &l, 1);
}

void verr_report2(vctx *v, tc_gql_ast_loc l1, tc_gql_ast_loc l2)
{
    tc_gql_ast_loc l[2] = {l1, l2};
    verr_report(v, l, 2);
}

static const char *tmp_copy(vctx *v, size_t *len)
{
    char *s = tc_arena_alloc(v->a, v->tmp.len + 1);
    memcpy(s, v->tmp.data ? v->tmp.data : "", v->tmp.len);
    s[v->tmp.len] = '\0';
    if (len)
        *len = v->tmp.len;
    return s;
}

const char *vstr_ref(vctx *v, const tc_gql_typeref *r)
{
    tc_buf_reset(&v->tmp);
    tc_gql_ref_print(r, &v->tmp);
    return tmp_copy(v, NULL);
}

const char *vstr_ast_type(vctx *v, const tc_gql_ast_type *t)
{
    tc_buf_reset(&v->tmp);
    tc_gql_print_ast_type(&v->tmp, t);
    return tmp_copy(v, NULL);
}

const char *vstr_value(vctx *v, const tc_gql_ast_value *val, size_t *len)
{
    tc_buf_reset(&v->tmp);
    tc_gql_print_ast_value(&v->tmp, val);
    return tmp_copy(v, len);
}

/* ---- Types ---------------------------------------------------------------------------------- */

const tc_gql_type *vref_named(const tc_gql_typeref *r)
{
    return r ? tc_gql_ref_named(r) : NULL;
}

const tc_gql_type *vnamed(vctx *v, const tc_gql_ast_type *t)
{
    return tc_gql_schema_typen(v->s, t->name.s, t->name.len);
}

const tc_gql_typeref *vtype_from_ast(vctx *v, const tc_gql_ast_type *t)
{
    if (t->kind == TC_GQL_AST_NAMED_TYPE) {
        const tc_gql_type *named = vnamed(v, t);
        return named ? &named->ref : NULL;
    }
    const tc_gql_typeref *of = vtype_from_ast(v, t->of);
    if (!of)
        return NULL;
    return tc_gql_ref_wrap(v->a, t->kind == TC_GQL_AST_LIST_TYPE ? TC_GQL_LIST : TC_GQL_NON_NULL,
                           of);
}

/* ---- TypeInfo ------------------------------------------------------------------------------- */

vti vti_selection_set(vti ti)
{
    const tc_gql_type *named = vref_named(ti.type);
    ti.parent_type = tc_gql_type_is_composite(named) ? named : NULL;
    return ti;
}

vti vti_field(vctx *v, vti ti, const tc_gql_ast_selection *field)
{
    const tc_gql_field *fd =
        ti.parent_type ? tc_gql_schema_field(v->s, ti.parent_type, field->name.s, field->name.len)
                       : NULL;
    ti.field_def = fd;
    ti.type = fd ? fd->type : NULL;
    return ti;
}

vti vti_inline_fragment(vctx *v, vti ti, const tc_gql_ast_selection *frag)
{
    const tc_gql_type *t =
        frag->type_condition ? vnamed(v, frag->type_condition) : vref_named(ti.type);
    ti.type = tc_gql_type_is_output(t) ? &t->ref : NULL;
    return ti;
}

vti vti_directive(vctx *v, vti ti, const tc_gql_ast_directive *d)
{
    ti.directive = tc_gql_schema_directiven(v->s, d->name.s, d->name.len);
    return ti;
}

vti vti_argument(vti ti, const tc_gql_ast_argument *arg)
{
    /* graphql-js: getDirective() ?? getFieldDef(), so the arguments of an unknown directive are
     * looked up among the enclosing field's. */
    const tc_gql_input_value *def = NULL;
    if (ti.directive)
        def = tc_gql_directive_argn(ti.directive, arg->name.s, arg->name.len);
    else if (ti.field_def)
        def = tc_gql_field_argn(ti.field_def, arg->name.s, arg->name.len);
    ti.argument = def;
    ti.default_value = def ? def->default_value : NULL;
    ti.parent_input_type = ti.input_type;
    ti.input_type = def ? def->type : NULL;
    return ti;
}

vti vti_list(vti ti)
{
    const tc_gql_typeref *list = tc_gql_ref_nullable(ti.input_type);
    ti.default_value = NULL;
    ti.parent_input_type = ti.input_type;
    ti.input_type = list && list->wrap == TC_GQL_LIST ? list->of : list;
    return ti;
}

vti vti_object_field(vti ti, const tc_gql_ast_object_field *f)
{
    const tc_gql_type *obj = vref_named(ti.input_type);
    const tc_gql_input_value *iv =
        obj ? tc_gql_type_input_fieldn(obj, f->name.s, f->name.len) : NULL;
    ti.default_value = iv ? iv->default_value : NULL;
    ti.parent_input_type = ti.input_type;
    ti.input_type = iv ? iv->type : NULL;
    return ti;
}

/* ---- ValidationContext ---------------------------------------------------------------------- */

long vfragment(vctx *v, const char *name, size_t len)
{
    uintptr_t *i = vmap_get(&v->fragments, name, len);
    return i ? (long)*i - 1 : -1;
}

uint32_t vmark_next(vctx *v)
{
    return ++v->mark_gen;
}

/* A growable array of pointers in the arena. */
typedef struct pvec {
    void **items;
    size_t n, cap;
} pvec;

static void pvec_push(tc_arena *a, pvec *p, const void *item)
{
    tc_arena_append(a, &p->items, &p->n, &p->cap, (void *)item);
}

vdef *vspreads(vctx *v, size_t index)
{
    vdef *d = &v->defs[index];
    if (d->spreads_done)
        return d;
    d->spreads_done = true;
    pvec spreads = {0}, sets = {0};
    pvec_push(v->a, &sets, d->def->selection_set);
    while (sets.n) {
        const tc_gql_ast_selection_set *set = sets.items[--sets.n];
        for (size_t i = 0; i < set->n; i++) {
            const tc_gql_ast_selection *sel = set->items[i];
            if (sel->kind == TC_GQL_AST_FRAGMENT_SPREAD)
                pvec_push(v->a, &spreads, sel);
            else if (sel->selection_set)
                pvec_push(v->a, &sets, sel->selection_set);
        }
    }
    d->spreads = (const tc_gql_ast_selection **)spreads.items;
    d->nspreads = spreads.n;
    return d;
}

size_t vrefs(vctx *v, size_t index, const uint32_t **refs)
{
    if (!v->stack) {
        v->stack = tc_arena_alloc(v->a, (v->doc->n + 1) * sizeof(*v->stack));
        v->refs = tc_arena_alloc(v->a, (v->doc->n + 1) * sizeof(*v->refs));
    }
    uint32_t gen = vmark_next(v);
    size_t top = 0, n = 0;
    v->stack[top++] = (uint32_t)index;
    while (top && !v->aborted) {
        vdef *from = vspreads(v, v->stack[--top]);
        if (!vwork(v, from->nspreads + 1))
            break;
        for (size_t i = 0; i < from->nspreads; i++) {
            const tc_gql_ast_name *name = &from->spreads[i]->name;
            long f = vfragment(v, name->s, name->len);
            if (f < 0 || v->marks[f] == gen)
                continue;
            v->marks[f] = gen;
            v->reached[f] = true;
            v->refs[n++] = (uint32_t)f;
            v->stack[top++] = (uint32_t)f; /* each fragment once: neither overflows */
        }
    }
    *refs = v->refs;
    return n;
}

void vusage_add(vctx *v, vdef *d, vti ti, const tc_gql_ast_value *var)
{
    if (d->nusages == d->usages_cap) {
        d->usages_cap = d->usages_cap ? d->usages_cap * 2 : 8;
        vusage *grown = tc_arena_alloc(v->a, d->usages_cap * sizeof(*grown));
        if (d->nusages)
            memcpy(grown, d->usages, d->nusages * sizeof(*grown));
        d->usages = grown;
    }
    d->usages[d->nusages++] = (vusage){var, ti.input_type, ti.default_value};
}

typedef struct usage_walk {
    vctx *v;
    vdef *d;
} usage_walk;

static void usage_value(usage_walk *w, vti ti, const tc_gql_ast_value *val)
{
    switch (val->kind) {
    case TC_GQL_AST_VARIABLE: vusage_add(w->v, w->d, ti, val); break;
    case TC_GQL_AST_LIST: {
        vti inside = vti_list(ti);
        for (size_t i = 0; i < val->u.list.n; i++)
            usage_value(w, inside, val->u.list.items[i]);
        break;
    }
    case TC_GQL_AST_OBJECT:
        for (size_t i = 0; i < val->u.object.n; i++) {
            const tc_gql_ast_object_field *f = val->u.object.items[i];
            usage_value(w, vti_object_field(ti, f), f->value);
        }
        break;
    default: break;
    }
}

static void usage_arguments(usage_walk *w, vti ti, const tc_gql_ast_arguments *args)
{
    for (size_t i = 0; i < args->n; i++)
        usage_value(w, vti_argument(ti, args->items[i]), args->items[i]->value);
}

static void usage_directives(usage_walk *w, vti ti, const tc_gql_ast_directives *ds)
{
    for (size_t i = 0; i < ds->n; i++)
        usage_arguments(w, vti_directive(w->v, ti, ds->items[i]), &ds->items[i]->arguments);
}

static void usage_set(usage_walk *w, vti ti, const tc_gql_ast_selection_set *set)
{
    ti = vti_selection_set(ti);
    for (size_t i = 0; i < set->n; i++) {
        const tc_gql_ast_selection *sel = set->items[i];
        if (sel->kind == TC_GQL_AST_FIELD) {
            vti inside = vti_field(w->v, ti, sel);
            usage_arguments(w, inside, &sel->arguments);
            usage_directives(w, inside, &sel->directives);
            if (sel->selection_set)
                usage_set(w, inside, sel->selection_set);
        } else if (sel->kind == TC_GQL_AST_FRAGMENT_SPREAD) {
            usage_directives(w, ti, &sel->directives);
        } else {
            vti inside = vti_inline_fragment(w->v, ti, sel);
            usage_directives(w, inside, &sel->directives);
            usage_set(w, inside, sel->selection_set);
        }
    }
}

/* The root type of an operation, or NULL when the schema has none. */
static const tc_gql_type *root_type(const tc_gql_schema *s, tc_gql_op op)
{
    switch (op) {
    case TC_GQL_OP_QUERY: return s->query;
    case TC_GQL_OP_MUTATION: return s->mutation;
    case TC_GQL_OP_SUBSCRIPTION: return s->subscription;
    }
    return NULL;
}

vti vti_definition(vctx *v, const tc_gql_ast_definition *def)
{
    vti ti = {0};
    const tc_gql_type *t = def->kind == TC_GQL_AST_OPERATION_DEFINITION
                               ? root_type(v->s, def->operation)
                               : vnamed(v, def->type_condition);
    if (def->kind == TC_GQL_AST_OPERATION_DEFINITION)
        ti.type = t && t->kind == TC_GQL_OBJECT ? &t->ref : NULL;
    else
        ti.type = tc_gql_type_is_output(t) ? &t->ref : NULL;
    return ti;
}

vdef *vusages(vctx *v, size_t index)
{
    vdef *d = &v->defs[index];
    if (d->usages_done)
        return d;
    d->usages_done = true;
    d->nusages = 0; /* anything a walk stopped by a limit recorded */
    usage_walk w = {v, d};
    vti ti = vti_definition(v, d->def);
    usage_directives(&w, ti, &d->def->directives);
    usage_set(&w, ti, d->def->selection_set);
    return d;
}
