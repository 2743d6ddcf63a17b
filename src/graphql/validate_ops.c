/* Rules on operations and variables: UniqueOperationNames, LoneAnonymousOperation,
 * SingleFieldSubscriptions, UniqueVariableNames, VariablesAreInputTypes, and at the end of an
 * operation NoUndefinedVariables, NoUnusedVariables and VariablesInAllowedPosition (over the
 * variables used by the operation and every fragment it reaches). */
#include "graphql/validate_int.h"

#include <string.h>

void r_lone_anonymous_operation(vctx *v, const tc_gql_ast_definition *op)
{
    if (op->name.s || v->noperations <= 1)
        return;
    verr_begin(v);
    tc_buf_adds(&v->msg, "This anonymous operation must be the only defined operation.");
    verr_report1(v, op->loc);
}

void r_unique_operation_names(vctx *v, const tc_gql_ast_definition *op, size_t index)
{
    if (!op->name.s)
        return;
    bool added;
    uintptr_t *first = vmap_put(&v->operation_names, v->a, op->name.s, op->name.len, &added);
    if (added) {
        *first = index;
        return;
    }
    tc_buf_printf(verr_begin(v), "There can be only one operation named \"%s\".", op->name.s);
    verr_report2(v, v->doc->items[*first]->name.loc, op->name.loc);
}

void r_unique_variable_names(vctx *v, const tc_gql_ast_definition *op)
{
    size_t n = op->variables.n;
    if (n < 2)
        return;
    const tc_gql_ast_name **names = tc_arena_alloc(v->a, n * sizeof(*names));
    for (size_t i = 0; i < n; i++)
        names[i] = &op->variables.items[i]->variable->u.variable;
    vreport_groups(v, names, n, "There can be only one variable named \"$", "\".");
}

void r_variables_are_input_types(vctx *v, const tc_gql_ast_variable_definition *vd,
                                 const tc_gql_typeref *t)
{
    if (!t || tc_gql_type_is_input(tc_gql_ref_named(t)))
        return;
    const char *type = vstr_ast_type(v, vd->type);
    tc_buf_printf(verr_begin(v), "Variable \"$%s\" cannot be non-input type \"%s\".",
                  vd->variable->u.variable.s, type);
    verr_report1(v, vd->type->loc);
}

/* ---- SingleFieldSubscriptions --------------------------------------------------------------- */

/* graphql-js getDirectiveValues(@skip or @include) with no variable values, as collectFields
 * calls it: 1 when the node stays, 0 when it is left out, -1 when graphql-js throws (reported
 * here, and validation stops as graphql-js's validate() does when a rule throws). */
static int directive_if(vctx *v, const tc_gql_ast_directives *ds, const char *name, bool *value)
{
    const tc_gql_ast_directive *d = NULL;
    for (size_t i = 0; i < ds->n && !d; i++)
        if (strcmp(ds->items[i]->name.s, name) == 0)
            d = ds->items[i];
    if (!d)
        return 0;
    const tc_gql_ast_argument *arg = NULL;
    for (size_t i = 0; i < d->arguments.n; i++)
        if (strcmp(d->arguments.items[i]->name.s, "if") == 0)
            arg = d->arguments.items[i]; /* keyMap: the last one wins */
    tc_buf *b = verr_begin(v);
    tc_gql_ast_loc at;
    if (!arg) {
        tc_buf_adds(b, "Argument \"if\" of required type \"Boolean!\" was not provided.");
        at = d->loc;
    } else if (arg->value->kind == TC_GQL_AST_VARIABLE) {
        tc_buf_printf(b,
                      "Argument \"if\" of required type \"Boolean!\" was provided the variable "
                      "\"$%s\" which was not provided a runtime value.",
                      arg->value->u.variable.s);
        at = arg->value->loc;
    } else if (arg->value->kind == TC_GQL_AST_NULL) {
        tc_buf_adds(b, "Argument \"if\" of non-null type \"Boolean!\" must not be null.");
        at = arg->value->loc;
    } else if (arg->value->kind != TC_GQL_AST_BOOLEAN) {
        size_t len;
        const char *text = vstr_value(v, arg->value, &len);
        tc_buf_adds(b, "Argument \"if\" has invalid value ");
        tc_buf_add(b, text, len);
        tc_buf_addc(b, '.');
        at = arg->value->loc;
    } else {
        *value = arg->value->u.boolean;
        return 1;
    }
    verr_report1(v, at);
    v->aborted = true;
    return -1;
}

/* shouldIncludeNode: 1 include, 0 skip, -1 thrown. */
static int should_include(vctx *v, const tc_gql_ast_directives *ds)
{
    bool value;
    int rc = directive_if(v, ds, "skip", &value);
    if (rc < 0)
        return -1;
    if (rc > 0 && value)
        return 0;
    rc = directive_if(v, ds, "include", &value);
    if (rc < 0)
        return -1;
    return rc > 0 && !value ? 0 : 1;
}

/* doesFragmentConditionMatch */
static bool condition_matches(vctx *v, const tc_gql_ast_type *cond, const tc_gql_type *type)
{
    if (!cond)
        return true;
    const tc_gql_type *t = vnamed(v, cond);
    if (t == type)
        return true;
    return tc_gql_type_is_abstract(t) && tc_gql_type_is_possible(t, type);
}

typedef struct sub_group {
    const tc_gql_ast_name *key; /* response name */
    const tc_gql_ast_selection **nodes;
    size_t n, cap;
} sub_group;

typedef struct sub_fields {
    sub_group *groups;
    size_t n, cap;
    vmap index;   /* response name -> group + 1 */
    vmap visited; /* fragment names */
} sub_fields;

static void add_field(vctx *v, sub_fields *f, const tc_gql_ast_selection *sel)
{
    const tc_gql_ast_name *key = sel->alias.s ? &sel->alias : &sel->name;
    bool added;
    uintptr_t *slot = vmap_put(&f->index, v->a, key->s, key->len, &added);
    if (added) {
        if (f->n == f->cap) {
            f->cap = f->cap ? f->cap * 2 : 8;
            sub_group *grown = tc_arena_alloc(v->a, f->cap * sizeof(*grown));
            if (f->n)
                memcpy(grown, f->groups, f->n * sizeof(*grown));
            f->groups = grown;
        }
        f->groups[f->n] = (sub_group){key, NULL, 0, 0};
        *slot = ++f->n;
    }
    sub_group *g = &f->groups[*slot - 1];
    tc_arena_append(v->a, (void ***)&g->nodes, &g->n, &g->cap, (void *)sel);
}

/* collectFields over the root selection set, depth first in document order without recursion
 * (a chain of fragment spreads may be as long as the document allows). */
static int collect_root_fields(vctx *v, const tc_gql_type *root,
                               const tc_gql_ast_selection_set *set, sub_fields *f)
{
    typedef struct frame {
        const tc_gql_ast_selection_set *set;
        size_t i;
    } frame;
    size_t cap = 16, top = 0;
    frame *stack = tc_arena_alloc(v->a, cap * sizeof(*stack));
    stack[top++] = (frame){set, 0};
    while (top) {
        frame *fr = &stack[top - 1];
        if (fr->i == fr->set->n) {
            top--;
            continue;
        }
        const tc_gql_ast_selection *sel = fr->set->items[fr->i++];
        const tc_gql_ast_selection_set *next = NULL;
        int inc;
        if (sel->kind == TC_GQL_AST_FIELD) {
            if ((inc = should_include(v, &sel->directives)) < 0)
                return -1;
            if (inc)
                add_field(v, f, sel);
        } else if (sel->kind == TC_GQL_AST_INLINE_FRAGMENT) {
            if ((inc = should_include(v, &sel->directives)) < 0)
                return -1;
            if (inc && condition_matches(v, sel->type_condition, root))
                next = sel->selection_set;
        } else {
            if (vmap_get(&f->visited, sel->name.s, sel->name.len))
                continue;
            if ((inc = should_include(v, &sel->directives)) < 0)
                return -1;
            if (!inc)
                continue;
            vmap_put(&f->visited, v->a, sel->name.s, sel->name.len, NULL);
            long frag = vfragment(v, sel->name.s, sel->name.len);
            if (frag >= 0 && condition_matches(v, v->doc->items[frag]->type_condition, root))
                next = v->doc->items[frag]->selection_set;
        }
        if (!next)
            continue;
        if (top == cap) {
            frame *grown = tc_arena_alloc(v->a, 2 * cap * sizeof(*grown));
            memcpy(grown, stack, cap * sizeof(*grown));
            stack = grown;
            cap *= 2;
        }
        stack[top++] = (frame){next, 0};
    }
    return 0;
}

void r_single_field_subscriptions(vctx *v, const tc_gql_ast_definition *op)
{
    if (op->operation != TC_GQL_OP_SUBSCRIPTION || !v->s->subscription || v->aborted)
        return;
    sub_fields f = {0};
    if (collect_root_fields(v, v->s->subscription, op->selection_set, &f) < 0)
        return;
    if (f.n > 1) {
        size_t n = 0;
        for (size_t g = 1; g < f.n; g++)
            n += f.groups[g].n;
        tc_gql_ast_loc *locs = tc_arena_alloc(v->a, n * sizeof(*locs));
        n = 0;
        for (size_t g = 1; g < f.n; g++)
            for (size_t i = 0; i < f.groups[g].n; i++)
                locs[n++] = f.groups[g].nodes[i]->loc;
        tc_buf *b = verr_begin(v);
        if (op->name.s)
            tc_buf_printf(b, "Subscription \"%s\" must select only one top level field.",
                          op->name.s);
        else
            tc_buf_adds(b, "Anonymous Subscription must select only one top level field.");
        verr_report(v, locs, n);
    }
    for (size_t g = 0; g < f.n; g++) {
        const tc_gql_ast_name *name = &f.groups[g].nodes[0]->name;
        if (name->len < 2 || name->s[0] != '_' || name->s[1] != '_')
            continue;
        tc_gql_ast_loc *locs = tc_arena_alloc(v->a, f.groups[g].n * sizeof(*locs));
        for (size_t i = 0; i < f.groups[g].n; i++)
            locs[i] = f.groups[g].nodes[i]->loc;
        tc_buf *b = verr_begin(v);
        if (op->name.s)
            tc_buf_printf(b,
                          "Subscription \"%s\" must not select an introspection top level field.",
                          op->name.s);
        else
            tc_buf_adds(b,
                        "Anonymous Subscription must not select an introspection top level field.");
        verr_report(v, locs, f.groups[g].n);
    }
}

/* ---- Variables at the end of an operation --------------------------------------------------- */

/* graphql-js allowedVariableUsage */
static bool allowed_usage(const tc_gql_typeref *var_type, const tc_gql_ast_value *var_default,
                          const tc_gql_typeref *loc_type, const tc_gql_value *loc_default)
{
    if (loc_type->wrap == TC_GQL_NON_NULL && var_type->wrap != TC_GQL_NON_NULL) {
        bool var_has_default = var_default && var_default->kind != TC_GQL_AST_NULL;
        if (!var_has_default && !loc_default)
            return false;
        return tc_gql_ref_is_subtype(var_type, loc_type->of);
    }
    return tc_gql_ref_is_subtype(var_type, loc_type);
}

static void undefined_variable(vctx *v, const tc_gql_ast_definition *op, const vusage *u)
{
    tc_buf *b = verr_begin(v);
    if (op->name.s)
        tc_buf_printf(b, "Variable \"$%s\" is not defined by operation \"%s\".",
                      u->node->u.variable.s, op->name.s);
    else
        tc_buf_printf(b, "Variable \"$%s\" is not defined.", u->node->u.variable.s);
    verr_report2(v, u->node->loc, op->loc);
}

static void misplaced_variable(vctx *v, const tc_gql_ast_variable_definition *vd,
                               const tc_gql_typeref *var_type, const vusage *u)
{
    const char *vt = vstr_ref(v, var_type);
    const char *lt = vstr_ref(v, u->type);
    tc_buf_printf(verr_begin(v),
                  "Variable \"$%s\" of type \"%s\" used in position expecting type \"%s\".",
                  u->node->u.variable.s, vt, lt);
    verr_report2(v, vd->loc, u->node->loc);
}

void r_operation_leave(vctx *v, const tc_gql_ast_definition *op, size_t index)
{
    if (v->aborted)
        return;
    /* name -> last definition + 1 (VariablesInAllowedPosition's map; the others need a set) */
    vmap defined = {0};
    for (size_t i = 0; i < op->variables.n; i++) {
        const tc_gql_ast_name *name = &op->variables.items[i]->variable->u.variable;
        *vmap_put(&defined, v->a, name->s, name->len, NULL) = i + 1;
    }
    /* getRecursiveVariableUsages: the operation's own, then each fragment's it reaches */
    const uint32_t *refs;
    size_t nlists = vrefs(v, index, &refs) + 1;
#define LIST(l) vusages(v, (l) ? refs[(l)-1] : index)
    for (size_t l = 0; l < nlists; l++)
        if (!vwork(v, LIST(l)->nusages + 1))
            return;

    /* NoUndefinedVariables */
    vmap used = {0};
    for (size_t l = 0; l < nlists && !v->aborted; l++) {
        const vdef *d = LIST(l);
        for (size_t i = 0; i < d->nusages && !v->aborted; i++) {
            const tc_gql_ast_name *name = &d->usages[i].node->u.variable;
            vmap_put(&used, v->a, name->s, name->len, NULL);
            if (!vmap_get(&defined, name->s, name->len))
                undefined_variable(v, op, &d->usages[i]);
        }
    }

    /* NoUnusedVariables */
    for (size_t i = 0; i < op->variables.n && !v->aborted; i++) {
        const tc_gql_ast_variable_definition *vd = op->variables.items[i];
        const tc_gql_ast_name *name = &vd->variable->u.variable;
        if (vmap_get(&used, name->s, name->len))
            continue;
        tc_buf *b = verr_begin(v);
        if (op->name.s)
            tc_buf_printf(b, "Variable \"$%s\" is never used in operation \"%s\".", name->s,
                          op->name.s);
        else
            tc_buf_printf(b, "Variable \"$%s\" is never used.", name->s);
        verr_report1(v, vd->loc);
    }

    /* VariablesInAllowedPosition */
    const tc_gql_typeref **types = tc_arena_calloc(v->a, op->variables.n + 1, sizeof(*types));
    bool *typed = tc_arena_calloc(v->a, op->variables.n + 1, sizeof(*typed));
    for (size_t l = 0; l < nlists && !v->aborted; l++) {
        const vdef *d = LIST(l);
        for (size_t i = 0; i < d->nusages && !v->aborted; i++) {
            const vusage *u = &d->usages[i];
            const tc_gql_ast_name *name = &u->node->u.variable;
            uintptr_t *slot = vmap_get(&defined, name->s, name->len);
            if (!slot || !u->type)
                continue;
            size_t k = *slot - 1;
            const tc_gql_ast_variable_definition *vd = op->variables.items[k];
            if (!typed[k]) {
                types[k] = vtype_from_ast(v, vd->type);
                typed[k] = true;
            }
            const tc_gql_typeref *vt = types[k];
            if (vt && !allowed_usage(vt, vd->default_value, u->type, u->default_value))
                misplaced_variable(v, vd, vt, u);
        }
    }
#undef LIST
}
