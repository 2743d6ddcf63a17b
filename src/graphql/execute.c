/* The executor: operation selection, CollectFields, field execution and value completion as
 * graphql-js 16 does them (execute.js, collectFields.js), writing the response as it goes and
 * cutting it back to the nearest nullable position when a null propagates (see execute.h). */
#include "graphql/execute_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "graphql/coerce_int.h"
#include "graphql/introspect.h"

/* Completion outcomes. */
#define DONE 0       /* a value that is not null was written */
#define WROTE_NULL 1 /* null was written */
#define FAILED (-1)  /* an error was recorded: the nearest nullable position becomes null */

/* What a field group remembers once computed: per runtime type, its collected subfields. */
typedef struct subfields {
    const tc_gql_type *type;
    const tc_gql_field_groups *groups;
    tc_gql_exec_error *err;
    struct subfields *next;
} subfields;

struct tc_gql_group_cache {
    bool args_done;
    const tc_gql_args *args;
    tc_gql_exec_error *args_err;
    subfields *subs;
};

/* name -> position + 1, open addressing over a power-of-two table. */
typedef struct name_index {
    uint32_t *slots;
    size_t mask;
    size_t used;
} name_index;

struct tc_gql_exec {
    tc_arena *a;
    const tc_gql_schema *s;
    const tc_gql_ast_definition *op;
    tc_gql_variables vars;
    const tc_gql_ast_definition **frags; /* one per name: the last definition of that name */
    size_t nfrags, frags_cap;
    name_index frag_index;
    tc_gql_resolve_fn resolve;
    void *ctx;
    tc_buf data; /* the "data" member, written as execution goes */
    tc_json j;
    tc_gql_exec_errors errors;
    bool full;    /* the output reached its maximum: execution stops, no response */
    bool aborted; /* TC_GQL_EXEC_MAX_ERRORS reached: execution stops, data is null */
};

tc_arena *tc_gql_exec_arena(const tc_gql_exec *x)
{
    return x->a;
}

const tc_gql_schema *tc_gql_exec_schema(const tc_gql_exec *x)
{
    return x->s;
}

const tc_gql_variables *tc_gql_exec_variables(const tc_gql_exec *x)
{
    return &x->vars;
}

const tc_gql_ast_definition *tc_gql_exec_op(const tc_gql_exec *x)
{
    return x->op;
}

/* ---- Name index ------------------------------------------------------------------------------ */

static uint32_t hash_name(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static void index_init(tc_arena *a, name_index *ix, size_t want)
{
    size_t size = 16;
    while (size < want * 2)
        size <<= 1;
    ix->slots = tc_arena_calloc(a, size, sizeof(*ix->slots));
    ix->mask = size - 1;
    ix->used = 0;
}

/* The slot for name (holding its position + 1, or 0 when absent); names[i] is the name at i. */
static uint32_t *index_slot(const name_index *ix, const char *name, size_t n,
                            const char *(*name_at)(const void *, size_t), const void *items)
{
    for (size_t i = hash_name(name, n) & ix->mask;; i = (i + 1) & ix->mask) {
        uint32_t *slot = &ix->slots[i];
        if (!*slot)
            return slot;
        const char *other = name_at(items, *slot - 1);
        if (strncmp(other, name, n) == 0 && other[n] == '\0')
            return slot;
    }
}

/* Sets the empty slot to pos, growing the table past half full. */
static void index_put(tc_arena *a, name_index *ix, uint32_t *slot, size_t pos,
                      const char *(*name_at)(const void *, size_t), const void *items)
{
    *slot = (uint32_t)pos + 1;
    if (++ix->used * 2 <= ix->mask + 1)
        return;
    name_index bigger;
    index_init(a, &bigger, ix->mask + 1);
    for (size_t i = 0; i <= ix->mask; i++) {
        if (!ix->slots[i])
            continue;
        const char *name = name_at(items, ix->slots[i] - 1);
        *index_slot(&bigger, name, strlen(name), name_at, items) = ix->slots[i];
        bigger.used++;
    }
    *ix = bigger;
}

static const char *frag_name_at(const void *items, size_t i)
{
    return ((const tc_gql_ast_definition *const *)items)[i]->name.s;
}

/* ---- Errors ---------------------------------------------------------------------------------- */

static tc_gql_exec_error *clone_error(tc_arena *a, const tc_gql_exec_error *e)
{
    tc_gql_exec_error *c = tc_arena_alloc(a, sizeof(*c));
    *c = *e;
    return c;
}

/* Adds the error with the group's nodes as locations (unless it has its own) and the path. */
static void record(tc_gql_exec *x, tc_gql_exec_error *e, const tc_gql_field_group *g,
                   const tc_gql_path *p)
{
    if (!e->nlocations && g)
        for (size_t i = 0; i < g->n; i++)
            tc_gql_exec_error_add_loc(x->a, e, &g->nodes[i]->loc);
    size_t n = 0;
    for (const tc_gql_path *q = p; q; q = q->prev)
        n++;
    if (n) {
        tc_gql_path_item *items = tc_arena_calloc(x->a, n, sizeof(*items));
        size_t i = n;
        for (const tc_gql_path *q = p; q; q = q->prev)
            items[--i] = (tc_gql_path_item){q->key, q->index};
        e->path = items;
        e->npath = n;
    }
    if (x->errors.n >= TC_GQL_EXEC_MAX_ERRORS) {
        if (!x->aborted)
            tc_gql_exec_errors_add(x->a, &x->errors,
                                   tc_gql_exec_error_new(x->a, TC_GQL_BAD_USER_INPUT,
                                                         "Too many errors during execution, "
                                                         "execution aborted."));
        x->aborted = true;
        return;
    }
    tc_gql_exec_errors_add(x->a, &x->errors, e);
}

/* A field error with a message built in msg (freed here). */
static int fail_msg(tc_gql_exec *x, const char *code, tc_buf *msg, const tc_gql_field_group *g,
                    const tc_gql_path *p)
{
    record(x, tc_gql_exec_error_take(x->a, code, msg, NULL), g, p);
    return FAILED;
}

/* ---- Output marks ------------------------------------------------------------------------------
 */

/* Where the output stood before a value, to cut back to when that value must become null. */
typedef struct mark {
    size_t len;
    int depth;
    bool after_key;
    bool has_items;
} mark;

static mark mark_at(const tc_json *j)
{
    mark m = {j->out->len, j->depth, j->after_key, j->has_items[j->depth]};
    return m;
}

/* Relies on tc_json's documented state (base/json.h): the buffer length, the depth, whether a
 * key was just written and whether the current level already has an item. */
static void rewind_to(tc_json *j, mark m)
{
    j->out->len = m.len;
    if (j->out->data)
        j->out->data[m.len] = '\0';
    j->depth = m.depth;
    j->after_key = m.after_key;
    j->has_items[m.depth] = m.has_items;
}

/* Whether execution must stop: the output is full, or too many errors were raised. */
static bool check_full(tc_gql_exec *x)
{
    if (x->data.failed || x->j.failed)
        x->full = true;
    return x->full || x->aborted;
}

/* ---- CollectFields ----------------------------------------------------------------------------
 */

typedef struct pending {
    tc_gql_field_group g;
    size_t cap;
} pending;

typedef struct collector {
    tc_gql_exec *x;
    const tc_gql_type *t;
    pending **items;
    size_t n, cap;
    name_index keys;
    bool *visited; /* per fragment */
    tc_gql_exec_error *err;
} collector;

static const char *key_at(const void *items, size_t i)
{
    return ((pending *const *)items)[i]->g.key;
}

/* The value of argument "if" of the first directive called name on the node, or NULL. */
static int directive_if(tc_gql_exec *x, const tc_gql_ast_directives *ds, const char *name,
                        const tc_gql_value **out, tc_gql_exec_error **err)
{
    *out = NULL;
    const tc_gql_directive *d = tc_gql_schema_directiven(x->s, name, strlen(name));
    if (!d)
        return 0;
    for (size_t i = 0; i < ds->n; i++) {
        const tc_gql_ast_directive *node = ds->items[i];
        if (strcmp(node->name.s, name) != 0)
            continue;
        tc_gql_args args;
        if (tc_gql_coerce_arguments(x->a, d->args, d->nargs, &node->arguments, &node->loc, &x->vars,
                                    &args, err) < 0)
            return -1;
        *out = tc_gql_args_get(&args, "if");
        return 0;
    }
    return 0;
}

/* graphql-js shouldIncludeNode: @skip(if: true) wins over @include. */
static int should_include(tc_gql_exec *x, const tc_gql_ast_directives *ds, bool *include,
                          tc_gql_exec_error **err)
{
    const tc_gql_value *v;
    *include = false;
    if (directive_if(x, ds, "skip", &v, err) < 0)
        return -1;
    if (v && v->kind == TC_GQL_VALUE_BOOLEAN && v->u.b)
        return 0;
    if (directive_if(x, ds, "include", &v, err) < 0)
        return -1;
    *include = !(v && v->kind == TC_GQL_VALUE_BOOLEAN && !v->u.b);
    return 0;
}

/* graphql-js doesFragmentConditionMatch. */
static bool condition_matches(tc_gql_exec *x, const tc_gql_ast_type *cond, const tc_gql_type *t)
{
    if (!cond)
        return true;
    if (cond->kind != TC_GQL_AST_NAMED_TYPE)
        return false;
    const tc_gql_type *ct = tc_gql_schema_typen(x->s, cond->name.s, cond->name.len);
    if (!ct)
        return false;
    if (ct == t)
        return true;
    return tc_gql_type_is_abstract(ct) && tc_gql_type_is_possible(ct, t);
}

static void add_field(collector *c, const tc_gql_ast_selection *sel)
{
    const tc_gql_ast_name *key = sel->alias.s ? &sel->alias : &sel->name;
    uint32_t *slot = index_slot(&c->keys, key->s, key->len, key_at, c->items);
    pending *p;
    if (*slot) {
        p = c->items[*slot - 1];
    } else {
        p = tc_arena_calloc(c->x->a, 1, sizeof(*p));
        p->g.key = key->s;
        tc_arena_append(c->x->a, (void ***)&c->items, &c->n, &c->cap, p);
        index_put(c->x->a, &c->keys, slot, c->n - 1, key_at, c->items);
    }
    tc_arena_append(c->x->a, (void ***)&p->g.nodes, &p->g.n, &p->cap, (void *)sel);
}

static int collect_set(collector *c, const tc_gql_ast_selection_set *set, int spreads)
{
    if (!set)
        return 0;
    tc_gql_exec *x = c->x;
    for (size_t i = 0; i < set->n; i++) {
        const tc_gql_ast_selection *sel = set->items[i];
        bool include;
        if (sel->kind == TC_GQL_AST_FIELD) {
            if (should_include(x, &sel->directives, &include, &c->err) < 0)
                return -1;
            if (include)
                add_field(c, sel);
        } else if (sel->kind == TC_GQL_AST_INLINE_FRAGMENT) {
            if (should_include(x, &sel->directives, &include, &c->err) < 0)
                return -1;
            if (include && condition_matches(x, sel->type_condition, c->t) &&
                collect_set(c, sel->selection_set, spreads) < 0)
                return -1;
        } else if (sel->kind == TC_GQL_AST_FRAGMENT_SPREAD) {
            uint32_t pos =
                *index_slot(&x->frag_index, sel->name.s, sel->name.len, frag_name_at, x->frags);
            if (pos && c->visited[pos - 1])
                continue;
            if (should_include(x, &sel->directives, &include, &c->err) < 0)
                return -1;
            if (!include || !pos)
                continue;
            c->visited[pos - 1] = true;
            const tc_gql_ast_definition *frag = x->frags[pos - 1];
            if (!condition_matches(x, frag->type_condition, c->t))
                continue;
            if (spreads >= TC_GQL_EXEC_MAX_SPREAD_DEPTH) {
                tc_buf msg;
                tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
                tc_buf_printf(&msg, "Fragment spreads nest deeper than %d levels.",
                              TC_GQL_EXEC_MAX_SPREAD_DEPTH);
                c->err = tc_gql_exec_error_take(x->a, TC_GQL_BAD_USER_INPUT, &msg, &sel->loc);
                return -1;
            }
            if (collect_set(c, frag->selection_set, spreads + 1) < 0)
                return -1;
        }
    }
    return 0;
}

static void collector_init(collector *c, tc_gql_exec *x, const tc_gql_type *t)
{
    memset(c, 0, sizeof(*c));
    c->x = x;
    c->t = t;
    index_init(x->a, &c->keys, 8);
    c->visited = tc_arena_calloc(x->a, x->nfrags ? x->nfrags : 1, sizeof(*c->visited));
}

static const tc_gql_field_groups *collector_finish(collector *c)
{
    tc_gql_field_groups *out = tc_arena_calloc(c->x->a, 1, sizeof(*out));
    out->n = c->n;
    out->items = tc_arena_calloc(c->x->a, c->n ? c->n : 1, sizeof(*out->items));
    for (size_t i = 0; i < c->n; i++) {
        tc_gql_field_group *g = &out->items[i];
        *g = c->items[i]->g;
        const tc_gql_ast_name *name = &g->nodes[0]->name;
        g->field = tc_gql_schema_field(c->x->s, c->t, name->s, name->len);
    }
    return out;
}

static struct tc_gql_group_cache *group_cache(tc_gql_exec *x, const tc_gql_field_group *g)
{
    tc_gql_field_group *mut = (tc_gql_field_group *)g; /* the cache is the executor's own */
    if (!mut->cache)
        mut->cache = tc_arena_calloc(x->a, 1, sizeof(*mut->cache));
    return mut->cache;
}

int tc_gql_exec_subfields(tc_gql_exec *x, const tc_gql_field_group *group, const tc_gql_type *t,
                          const tc_gql_field_groups **out, tc_gql_exec_error **err)
{
    struct tc_gql_group_cache *cache = group_cache(x, group);
    subfields *sub;
    for (sub = cache->subs; sub; sub = sub->next)
        if (sub->type == t)
            break;
    if (!sub) {
        collector c;
        collector_init(&c, x, t);
        int rc = 0;
        for (size_t i = 0; i < group->n && rc == 0; i++)
            rc = collect_set(&c, group->nodes[i]->selection_set, 0);
        sub = tc_arena_calloc(x->a, 1, sizeof(*sub));
        sub->type = t;
        if (rc < 0)
            sub->err = c.err;
        else
            sub->groups = collector_finish(&c);
        sub->next = cache->subs;
        cache->subs = sub;
    }
    *out = sub->groups;
    *err = sub->err;
    return sub->err ? -1 : 0;
}

int tc_gql_exec_args(tc_gql_exec *x, const tc_gql_field_group *group, const tc_gql_args **out,
                     tc_gql_exec_error **err)
{
    struct tc_gql_group_cache *cache = group_cache(x, group);
    if (!cache->args_done) {
        tc_gql_args *args = tc_arena_calloc(x->a, 1, sizeof(*args));
        const tc_gql_field *f = group->field;
        const tc_gql_ast_selection *node = group->nodes[0];
        if (f && tc_gql_coerce_arguments(x->a, f->args, f->nargs, &node->arguments, &node->loc,
                                         &x->vars, args, &cache->args_err) < 0)
            args = NULL;
        cache->args = args;
        cache->args_done = true;
    }
    *out = cache->args;
    *err = cache->args_err;
    return cache->args ? 0 : -1;
}

/* ---- Value completion -------------------------------------------------------------------------
 */

static int exec_fields(tc_gql_exec *x, const tc_gql_type *t, tc_gql_obj obj,
                       const tc_gql_field_groups *groups, const tc_gql_path *p);

static int complete(tc_gql_exec *x, const tc_gql_typeref *t, const tc_gql_type *ptype,
                    const tc_gql_field_group *g, const tc_gql_path *p, tc_gql_result r);

static int internal(tc_gql_exec *x, const tc_gql_field_group *g, const tc_gql_path *p,
                    const char *fmt, ...) TC_PRINTF(4, 5);
static int internal(tc_gql_exec *x, const tc_gql_field_group *g, const tc_gql_path *p,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = tc_arena_alloc(x->a, n > 0 ? (size_t)n + 1 : 1);
    va_start(ap, fmt);
    vsnprintf(text, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
    va_end(ap);
    tc_gql_exec_error *e = tc_gql_exec_error_new(x->a, TC_GQL_INTERNAL_ERROR, "");
    e->message = text;
    record(x, e, g, p);
    return FAILED;
}

/* Completes a list item: a failure nulls the item unless its type is non-null. */
static int complete_caught(tc_gql_exec *x, const tc_gql_typeref *t, const tc_gql_type *ptype,
                           const tc_gql_field_group *g, const tc_gql_path *p, tc_gql_result r)
{
    mark m = mark_at(&x->j);
    int rc = complete(x, t, ptype, g, p, r);
    if (rc != FAILED)
        return rc;
    if (check_full(x) || t->wrap == TC_GQL_NON_NULL)
        return FAILED;
    rewind_to(&x->j, m);
    tc_json_null(&x->j);
    return WROTE_NULL;
}

static bool too_deep(tc_gql_exec *x, const tc_gql_field_group *g, const tc_gql_path *p)
{
    if (x->j.depth < TC_JSON_MAX_DEPTH)
        return false;
    tc_buf msg;
    tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
    tc_buf_printf(&msg, "The response nests deeper than %d levels.", TC_JSON_MAX_DEPTH);
    fail_msg(x, TC_GQL_BAD_USER_INPUT, &msg, g, p);
    return true;
}

static int complete_list(tc_gql_exec *x, const tc_gql_typeref *t, const tc_gql_type *ptype,
                         const tc_gql_field_group *g, const tc_gql_path *p, tc_gql_result r)
{
    const tc_gql_type *named = tc_gql_ref_named(t);
    if (r.kind == TC_GQL_RESULT_JSON && tc_gql_type_is_leaf(named)) {
        tc_json_raw(&x->j, r.u.str.s, r.u.str.len);
        return DONE;
    }
    const tc_gql_value *values = NULL;
    size_t n;
    if (r.kind == TC_GQL_RESULT_LIST && (r.u.list.item || r.u.list.n == 0)) {
        n = r.u.list.n;
    } else if (r.kind == TC_GQL_RESULT_VALUE && r.u.value->kind == TC_GQL_VALUE_LIST) {
        values = r.u.value;
        n = values->u.list.n;
    } else {
        return internal(x, g, p, "Expected Iterable, but did not find one for field \"%s.%s\".",
                        ptype->name, g->field->name);
    }
    if (too_deep(x, g, p))
        return FAILED;
    tc_json_arr_begin(&x->j);
    for (size_t i = 0; i < n; i++) {
        if (check_full(x))
            return FAILED;
        tc_gql_result item = values ? tc_gql_result_value(values->u.list.items[i])
                                    : r.u.list.item(x->ctx, r.u.list.ptr, i);
        tc_gql_path ip = {p, NULL, i};
        if (complete_caught(x, t->of, ptype, g, &ip, item) == FAILED)
            return FAILED;
    }
    tc_json_arr_end(&x->j);
    return DONE;
}

static int complete_leaf(tc_gql_exec *x, const tc_gql_type *named, const tc_gql_type *ptype,
                         const tc_gql_field_group *g, const tc_gql_path *p, tc_gql_result r)
{
    tc_gql_value tmp;
    const tc_gql_value *v = &tmp;
    memset(&tmp, 0, sizeof(tmp));
    switch (r.kind) {
    case TC_GQL_RESULT_INT: tmp.kind = TC_GQL_VALUE_INT, tmp.u.i = r.u.i; break;
    case TC_GQL_RESULT_FLOAT: tmp.kind = TC_GQL_VALUE_FLOAT, tmp.u.f = r.u.f; break;
    case TC_GQL_RESULT_BOOLEAN: tmp.kind = TC_GQL_VALUE_BOOLEAN, tmp.u.b = r.u.b; break;
    case TC_GQL_RESULT_STRING:
        tmp.kind = TC_GQL_VALUE_STRING;
        tmp.u.str.s = r.u.str.s ? r.u.str.s : "";
        tmp.u.str.len = r.u.str.s ? r.u.str.len : 0;
        break;
    case TC_GQL_RESULT_JSON: tc_json_raw(&x->j, r.u.str.s, r.u.str.len); return DONE;
    case TC_GQL_RESULT_VALUE: v = r.u.value; break;
    default:
        return internal(x, g, p, "%s cannot represent the object or list returned for \"%s.%s\".",
                        named->name, ptype->name, g->field->name);
    }
    tc_buf msg;
    tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
    if (tc_gql_exec_serialize(&x->j, named, v, &msg) == 0) {
        tc_buf_fini(&msg);
        return DONE;
    }
    return fail_msg(x, TC_GQL_INTERNAL_ERROR, &msg, g, p);
}

static int complete_object(tc_gql_exec *x, const tc_gql_type *t, const tc_gql_field_group *g,
                           const tc_gql_path *p, tc_gql_obj obj)
{
    const tc_gql_field_groups *groups;
    tc_gql_exec_error *err;
    if (tc_gql_exec_subfields(x, g, t, &groups, &err) < 0) {
        record(x, clone_error(x->a, err), g, p);
        return FAILED;
    }
    if (too_deep(x, g, p))
        return FAILED;
    tc_json_obj_begin(&x->j);
    if (exec_fields(x, t, obj, groups, p) == FAILED)
        return FAILED;
    tc_json_obj_end(&x->j);
    return DONE;
}

/* graphql-js ensureValidRuntimeType. */
static const tc_gql_type *runtime_type(tc_gql_exec *x, const tc_gql_type *abstract,
                                       const tc_gql_type *ptype, const tc_gql_field_group *g,
                                       const tc_gql_path *p, const tc_gql_type *rt)
{
    if (!rt) {
        internal(x, g, p,
                 "Abstract type \"%s\" must resolve to an Object type at runtime for field "
                 "\"%s.%s\". Either the \"%s\" type should provide a \"resolveType\" function "
                 "or each possible type should provide an \"isTypeOf\" function.",
                 abstract->name, ptype->name, g->field->name, abstract->name);
        return NULL;
    }
    if (rt->kind != TC_GQL_OBJECT) {
        internal(x, g, p, "Abstract type \"%s\" was resolved to a non-object type \"%s\".",
                 abstract->name, rt->name);
        return NULL;
    }
    if (!tc_gql_type_is_possible(abstract, rt)) {
        internal(x, g, p, "Runtime Object type \"%s\" is not a possible type for \"%s\".", rt->name,
                 abstract->name);
        return NULL;
    }
    return rt;
}

static int complete(tc_gql_exec *x, const tc_gql_typeref *t, const tc_gql_type *ptype,
                    const tc_gql_field_group *g, const tc_gql_path *p, tc_gql_result r)
{
    if (check_full(x))
        return FAILED;
    if (r.kind == TC_GQL_RESULT_ERROR) {
        const char *message = r.u.error.message ? r.u.error.message : "Unexpected error.";
        tc_gql_exec_error *e = tc_gql_exec_error_new(x->a, r.u.error.code, message);
        if (r.u.error.code)
            e->code = tc_arena_strdup(x->a, r.u.error.code);
        if (r.u.error.extensions)
            e->extensions = tc_arena_strdup(x->a, r.u.error.extensions);
        record(x, e, g, p);
        return FAILED;
    }
    if (t->wrap == TC_GQL_NON_NULL) {
        int rc = complete(x, t->of, ptype, g, p, r);
        if (rc == WROTE_NULL)
            return internal(x, g, p, "Cannot return null for non-nullable field %s.%s.",
                            ptype->name, g->field->name);
        return rc;
    }
    if (r.kind == TC_GQL_RESULT_NULL ||
        (r.kind == TC_GQL_RESULT_VALUE && (!r.u.value || r.u.value->kind == TC_GQL_VALUE_NULL))) {
        tc_json_null(&x->j);
        return WROTE_NULL;
    }
    if (t->wrap == TC_GQL_LIST)
        return complete_list(x, t, ptype, g, p, r);
    const tc_gql_type *named = t->type;
    if (tc_gql_type_is_leaf(named))
        return complete_leaf(x, named, ptype, g, p, r);
    if (r.kind != TC_GQL_RESULT_OBJECT)
        return internal(x, g, p, "Expected an object of type \"%s\" for field \"%s.%s\".",
                        named->name, ptype->name, g->field->name);
    const tc_gql_type *rt = named;
    if (tc_gql_type_is_abstract(named) &&
        !(rt = runtime_type(x, named, ptype, g, p, r.u.object.type)))
        return FAILED;
    return complete_object(x, rt, g, p, r.u.object.obj);
}

/* ---- Fields ---------------------------------------------------------------------------------- */

static bool introspection_type(const tc_gql_type *t)
{
    return t->builtin && t->name[0] == '_' && t->name[1] == '_';
}

static int resolve_field(tc_gql_exec *x, const tc_gql_type *ptype, tc_gql_obj parent,
                         const tc_gql_field_group *g, const tc_gql_path *p)
{
    const tc_gql_field *f = g->field;
    if (f == x->s->typename_field) {
        tc_json_str(&x->j, ptype->name);
        return DONE;
    }
    const tc_gql_args *args;
    tc_gql_exec_error *err;
    if (tc_gql_exec_args(x, g, &args, &err) < 0) {
        record(x, clone_error(x->a, err), g, p);
        return FAILED;
    }
    tc_gql_resolve_info info = {x, ptype, f, g, args, p};
    tc_gql_result r;
    if (introspection_type(ptype) || f == x->s->schema_field || f == x->s->type_field)
        r = tc_gql_introspect_resolve(x, parent, &info);
    else if (x->resolve)
        r = x->resolve(x->ctx, parent, &info);
    else
        r = tc_gql_result_null();
    return complete(x, f->type, ptype, g, p, r);
}

static int exec_field(tc_gql_exec *x, const tc_gql_type *ptype, tc_gql_obj parent,
                      const tc_gql_field_group *g, const tc_gql_path *parent_path)
{
    if (!g->field)
        return DONE; /* graphql-js leaves out a field the type does not have */
    if (check_full(x))
        return FAILED;
    tc_json_key(&x->j, g->key);
    tc_gql_path p = {parent_path, g->key, 0};
    mark m = mark_at(&x->j);
    int rc = resolve_field(x, ptype, parent, g, &p);
    if (rc != FAILED)
        return rc;
    if (check_full(x) || g->field->type->wrap == TC_GQL_NON_NULL)
        return FAILED;
    rewind_to(&x->j, m);
    tc_json_null(&x->j);
    return WROTE_NULL;
}

static int exec_fields(tc_gql_exec *x, const tc_gql_type *t, tc_gql_obj obj,
                       const tc_gql_field_groups *groups, const tc_gql_path *p)
{
    for (size_t i = 0; i < groups->n; i++)
        if (exec_field(x, t, obj, &groups->items[i], p) == FAILED)
            return FAILED;
    return DONE;
}

/* ---- Operations -------------------------------------------------------------------------------
 */

const tc_gql_ast_definition *tc_gql_exec_operation(tc_arena *a, const tc_gql_ast_document *doc,
                                                   const char *name, tc_gql_exec_error **err)
{
    const tc_gql_ast_definition *op = NULL;
    for (size_t i = 0; i < doc->n; i++) {
        const tc_gql_ast_definition *d = doc->items[i];
        if (d->kind != TC_GQL_AST_OPERATION_DEFINITION)
            continue;
        if (!name) {
            if (op) {
                *err = tc_gql_exec_error_new(a, TC_GQL_BAD_USER_INPUT,
                                             "Must provide operation name if query contains "
                                             "multiple operations.");
                return NULL;
            }
            op = d;
        } else if (d->name.s && strcmp(d->name.s, name) == 0) {
            op = d;
        }
    }
    if (op)
        return op;
    if (name) {
        tc_buf msg;
        tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
        tc_buf_printf(&msg, "Unknown operation named \"%s\".", name);
        *err = tc_gql_exec_error_take(a, TC_GQL_BAD_USER_INPUT, &msg, NULL);
    } else {
        *err = tc_gql_exec_error_new(a, TC_GQL_BAD_USER_INPUT, "Must provide an operation.");
    }
    return NULL;
}

static void index_fragments(tc_gql_exec *x, const tc_gql_ast_document *doc)
{
    index_init(x->a, &x->frag_index, 8);
    for (size_t i = 0; i < doc->n; i++) {
        const tc_gql_ast_definition *d = doc->items[i];
        if (d->kind != TC_GQL_AST_FRAGMENT_DEFINITION || !d->name.s)
            continue;
        uint32_t *slot = index_slot(&x->frag_index, d->name.s, d->name.len, frag_name_at, x->frags);
        if (*slot) {
            x->frags[*slot - 1] = d; /* graphql-js keeps the last of a name */
            continue;
        }
        tc_arena_append(x->a, (void ***)&x->frags, &x->nfrags, &x->frags_cap, (void *)d);
        index_put(x->a, &x->frag_index, slot, x->nfrags - 1, frag_name_at, x->frags);
    }
}

/* Error before any field ran: the whole data is null. */
static void operation_error(tc_gql_exec *x, tc_gql_exec_error *e)
{
    tc_gql_exec_errors_add(x->a, &x->errors, e);
    tc_json_null(&x->j);
}

static void execute_operation(tc_gql_exec *x, tc_gql_obj root_value)
{
    const tc_gql_ast_definition *op = x->op;
    const tc_gql_type *root = op->operation == TC_GQL_OP_QUERY      ? x->s->query
                              : op->operation == TC_GQL_OP_MUTATION ? x->s->mutation
                                                                    : x->s->subscription;
    tc_buf msg;
    if (!root || op->operation == TC_GQL_OP_SUBSCRIPTION) {
        tc_buf_init(&msg, TC_GQL_MESSAGE_MAX);
        if (!root)
            tc_buf_printf(&msg, "Schema is not configured to execute %s operation.",
                          tc_gql_op_name(op->operation));
        else
            tc_buf_adds(&msg, "Subscriptions are not supported by this server.");
        operation_error(x, tc_gql_exec_error_take(x->a, TC_GQL_BAD_USER_INPUT, &msg, &op->loc));
        return;
    }
    collector c;
    collector_init(&c, x, root);
    if (collect_set(&c, op->selection_set, 0) < 0) {
        operation_error(x, c.err);
        return;
    }
    const tc_gql_field_groups *groups = collector_finish(&c);
    mark m = mark_at(&x->j);
    tc_json_obj_begin(&x->j);
    if (exec_fields(x, root, root_value, groups, NULL) == FAILED) {
        if (x->full)
            return;
        rewind_to(&x->j, m);
        tc_json_null(&x->j);
        return;
    }
    tc_json_obj_end(&x->j);
}

static int write_response(tc_gql_exec *x, tc_buf *out, bool with_data)
{
    if (with_data && (x->full || x->data.failed || !tc_json_ok(&x->j))) {
        out->failed = true;
        return -1;
    }
    tc_json j;
    tc_json_init(&j, out);
    tc_json_obj_begin(&j);
    if (x->errors.n) {
        tc_json_key(&j, "errors");
        tc_json_arr_begin(&j);
        for (size_t i = 0; i < x->errors.n; i++)
            tc_gql_exec_error_write(&j, x->errors.items[i]);
        tc_json_arr_end(&j);
    }
    if (with_data) {
        tc_json_key(&j, "data");
        tc_json_raw(&j, x->data.data, x->data.len);
    }
    tc_json_obj_end(&j);
    return tc_json_ok(&j) ? 0 : -1;
}

int tc_gql_execute(tc_arena *a, const tc_gql_request *r, tc_buf *out)
{
    tc_gql_exec *x = tc_arena_calloc(a, 1, sizeof(*x));
    x->a = a;
    x->s = r->schema;
    x->resolve = r->resolve;
    x->ctx = r->ctx;
    tc_gql_exec_error *err = NULL;
    x->op = tc_gql_exec_operation(a, r->document, r->operation_name, &err);
    if (!x->op) {
        tc_gql_exec_errors_add(a, &x->errors, err);
        return write_response(x, out, false);
    }
    index_fragments(x, r->document);
    if (tc_gql_coerce_variables(a, x->s, x->op, r->variables, &x->vars, &x->errors) < 0)
        return write_response(x, out, false);
    tc_buf_init(&x->data, out->max);
    tc_json_init(&x->j, &x->data);
    execute_operation(x, r->root);
    int rc = write_response(x, out, true);
    tc_buf_fini(&x->data);
    return rc;
}
