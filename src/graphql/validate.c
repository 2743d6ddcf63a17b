/* The validation walk: one depth-first pass over the document in graphql-js's visiting order,
 * tracking type information, and at each node the rules that look at that node kind, in
 * specifiedRules order, so errors come out in graphql-js's order. graphql-js runs the rules "in
 * parallel" and lets a rule skip a subtree; the two skips that change anything are kept here:
 * KnownArgumentNames does not look at directive arguments through its field-argument check, and
 * ValuesOfCorrectType stops below a list or object that does not fit its type. */
#include "graphql/validate_int.h"

#include <string.h>

static void walk_selection_set(vctx *v, vti ti, const tc_gql_ast_selection_set *set);

static void walk_value(vctx *v, vti ti, const tc_gql_ast_value *val, bool check)
{
    if (v->aborted)
        return;
    switch (val->kind) {
    case TC_GQL_AST_VARIABLE:
        if (v->recording)
            vusage_add(v, &v->defs[v->recording - 1], ti, val);
        break;
    case TC_GQL_AST_LIST: {
        vti inside = vti_list(ti);
        if (check)
            r_list_value(v, inside, val, &check);
        for (size_t i = 0; i < val->u.list.n; i++)
            walk_value(v, inside, val->u.list.items[i], check);
        break;
    }
    case TC_GQL_AST_OBJECT: {
        if (check)
            r_object_value(v, ti, val, &check);
        size_t n = val->u.object.n;
        const tc_gql_ast_name *small_names[8];
        const tc_gql_ast_name **names =
            n <= 8 ? small_names : tc_arena_alloc(v->a, n * sizeof(*names));
        for (size_t i = 0; i < n; i++)
            names[i] = &val->u.object.items[i]->name;
        uint32_t small[8];
        const uint32_t *first = vfirst_of(v, names, n, small);
        for (size_t i = 0; i < n && !v->aborted; i++) {
            const tc_gql_ast_object_field *f = val->u.object.items[i];
            vti inside = vti_object_field(ti, f);
            r_object_field(v, inside, val, i, check, first);
            walk_value(v, inside, f->value, check);
        }
        break;
    }
    default:
        if (check)
            r_leaf_value(v, ti, val);
        break;
    }
}

static void walk_arguments(vctx *v, vti ti, const tc_gql_ast_arguments *args, bool field)
{
    for (size_t i = 0; i < args->n && !v->aborted; i++) {
        vti inside = vti_argument(ti, args->items[i]);
        if (field)
            r_known_argument_names(v, inside, args->items[i]);
        walk_value(v, inside, args->items[i]->value, true);
    }
}

static void walk_directives(vctx *v, vti ti, const tc_gql_ast_directives *ds, tc_gql_location where)
{
    for (size_t i = 0; i < ds->n && !v->aborted; i++) {
        const tc_gql_ast_directive *d = ds->items[i];
        vti inside = vti_directive(v, ti, d);
        r_known_directive(v, d, where);
        r_known_directive_arguments(v, d);
        r_unique_argument_names(v, &d->arguments);
        walk_arguments(v, inside, &d->arguments, false);
        r_required_directive_arguments(v, d);
    }
}

/* KnownTypeNames looks at the named type under the wrappers. */
static void walk_type(vctx *v, const tc_gql_ast_type *t)
{
    while (t->kind != TC_GQL_AST_NAMED_TYPE)
        t = t->of;
    r_known_type_names(v, t);
}

static void walk_field(vctx *v, vti ti, const tc_gql_ast_selection *sel)
{
    vti inside = vti_field(v, ti, sel);
    r_scalar_leafs(v, inside, sel);
    r_fields_on_correct_type(v, inside, sel);
    r_unique_directives_per_location(v, &sel->directives);
    r_unique_argument_names(v, &sel->arguments);
    walk_arguments(v, inside, &sel->arguments, true);
    walk_directives(v, inside, &sel->directives, TC_GQL_LOC_FIELD);
    if (sel->selection_set)
        walk_selection_set(v, inside, sel->selection_set);
    r_required_field_arguments(v, inside, sel);
}

static void walk_spread(vctx *v, vti ti, const tc_gql_ast_selection *sel)
{
    r_known_fragment_names(v, sel);
    r_possible_fragment_spread(v, ti, sel);
    r_unique_directives_per_location(v, &sel->directives);
    walk_directives(v, ti, &sel->directives, TC_GQL_LOC_FRAGMENT_SPREAD);
}

static void walk_inline(vctx *v, vti ti, const tc_gql_ast_selection *sel)
{
    vti inside = vti_inline_fragment(v, ti, sel);
    if (sel->type_condition)
        r_fragment_on_composite(v, sel->type_condition, NULL);
    r_possible_inline_fragment(v, ti, inside, sel);
    r_unique_directives_per_location(v, &sel->directives);
    if (sel->type_condition)
        walk_type(v, sel->type_condition);
    walk_directives(v, inside, &sel->directives, TC_GQL_LOC_INLINE_FRAGMENT);
    walk_selection_set(v, inside, sel->selection_set);
}

static void walk_selection_set(vctx *v, vti ti, const tc_gql_ast_selection_set *set)
{
    vti inside = vti_selection_set(ti);
    r_overlapping_fields(v, inside.parent_type, set);
    for (size_t i = 0; i < set->n && !v->aborted; i++) {
        const tc_gql_ast_selection *sel = set->items[i];
        switch (sel->kind) {
        case TC_GQL_AST_FIELD: walk_field(v, inside, sel); break;
        case TC_GQL_AST_FRAGMENT_SPREAD: walk_spread(v, inside, sel); break;
        default: walk_inline(v, inside, sel); break;
        }
    }
}

static void walk_variable_definition(vctx *v, vti ti, const tc_gql_ast_variable_definition *vd)
{
    const tc_gql_typeref *t = vtype_from_ast(v, vd->type);
    vti inside = ti;
    inside.parent_input_type = ti.input_type;
    inside.input_type = t && tc_gql_type_is_input(tc_gql_ref_named(t)) ? t : NULL;
    r_variables_are_input_types(v, vd, t);
    r_unique_directives_per_location(v, &vd->directives);
    walk_type(v, vd->type);
    if (vd->default_value)
        walk_value(v, inside, vd->default_value, true);
    walk_directives(v, inside, &vd->directives, TC_GQL_LOC_VARIABLE_DEFINITION);
}

static const tc_gql_location op_location[] = {
    [TC_GQL_OP_QUERY] = TC_GQL_LOC_QUERY,
    [TC_GQL_OP_MUTATION] = TC_GQL_LOC_MUTATION,
    [TC_GQL_OP_SUBSCRIPTION] = TC_GQL_LOC_SUBSCRIPTION,
};

/* getVariableUsages of the definition being walked, from this walk, unless an operation needed
 * them before the walk reached it (a fragment defined after the operation spreading it). */
static void record_usages(vctx *v, size_t index)
{
    v->recording = v->defs[index].usages_done ? 0 : index + 1;
}

static void recorded_usages(vctx *v)
{
    if (v->recording && !v->aborted)
        v->defs[v->recording - 1].usages_done = true;
    v->recording = 0;
}

static void walk_operation(vctx *v, size_t index)
{
    const tc_gql_ast_definition *op = v->doc->items[index];
    vti ti = vti_definition(v, op);
    r_unique_operation_names(v, op, index);
    r_lone_anonymous_operation(v, op);
    r_single_field_subscriptions(v, op);
    r_unique_variable_names(v, op);
    r_unique_directives_per_location(v, &op->directives);
    for (size_t i = 0; i < op->variables.n && !v->aborted; i++)
        walk_variable_definition(v, ti, op->variables.items[i]);
    record_usages(v, index);
    walk_directives(v, ti, &op->directives, op_location[op->operation]);
    walk_selection_set(v, ti, op->selection_set);
    recorded_usages(v);
    r_operation_leave(v, op, index);
}

static void walk_fragment(vctx *v, size_t index)
{
    const tc_gql_ast_definition *frag = v->doc->items[index];
    vti ti = vti_definition(v, frag);
    r_fragment_on_composite(v, frag->type_condition, &frag->name);
    r_unique_fragment_names(v, frag, index);
    r_no_fragment_cycles(v, index);
    r_unique_directives_per_location(v, &frag->directives);
    walk_type(v, frag->type_condition);
    record_usages(v, index);
    walk_directives(v, ti, &frag->directives, TC_GQL_LOC_FRAGMENT_DEFINITION);
    walk_selection_set(v, ti, frag->selection_set);
    recorded_usages(v);
}

size_t tc_gql_validate(tc_arena *a, const tc_gql_schema *s, const tc_gql_ast_document *doc,
                       const tc_gql_validate_options *opt, tc_gql_validation *out)
{
    vctx v = {0};
    v.a = a;
    v.s = s;
    v.doc = doc;
    v.max_errors = opt && opt->max_errors ? opt->max_errors : TC_GQL_VALIDATE_MAX_ERRORS;
    v.max_work = opt && opt->max_work ? opt->max_work : TC_GQL_VALIDATE_MAX_WORK;
    v.scalar_literal = opt ? opt->scalar_literal : NULL;
    v.scalar_ctx = opt ? opt->scalar_ctx : NULL;
    /* Messages and printed values are within a constant factor of the source (printing adds
     * separators and escapes), which the parser bounded. */
    v.print_max = (size_t)16 * doc->loc.end + 65536;
    tc_buf_init(&v.msg, v.print_max);
    tc_buf_init(&v.tmp, v.print_max);

    v.defs = tc_arena_calloc(a, doc->n, sizeof(*v.defs));
    v.marks = tc_arena_calloc(a, doc->n, sizeof(*v.marks));
    v.cycle_visited = tc_arena_calloc(a, doc->n, sizeof(*v.cycle_visited));
    v.reached = tc_arena_calloc(a, doc->n, sizeof(*v.reached));
    for (size_t i = 0; i < doc->n; i++) {
        const tc_gql_ast_definition *d = doc->items[i];
        v.defs[i].def = d;
        if (d->kind == TC_GQL_AST_OPERATION_DEFINITION)
            v.noperations++;
        else /* getFragment: the last definition of a name wins */
            *vmap_put(&v.fragments, a, d->name.s, d->name.len, NULL) = i + 1;
    }

    for (size_t i = 0; i < doc->n && !v.aborted; i++) {
        if (doc->items[i]->kind == TC_GQL_AST_OPERATION_DEFINITION)
            walk_operation(&v, i);
        else
            walk_fragment(&v, i);
    }
    r_no_unused_fragments(&v);

    tc_buf_fini(&v.msg);
    tc_buf_fini(&v.tmp);
    out->errors = v.errors;
    out->n = v.nerrors;
    out->aborted = v.aborted;
    out->work = v.work + v.overlap_work;
    return v.nerrors;
}

void tc_gql_validation_error_write(tc_json *j, const tc_gql_validation_error *e)
{
    tc_json_obj_begin(j);
    tc_json_key(j, "message");
    tc_json_strn(j, e->message, e->message_len);
    if (e->nlocations) {
        tc_json_key(j, "locations");
        tc_json_arr_begin(j);
        for (size_t i = 0; i < e->nlocations; i++) {
            tc_json_obj_begin(j);
            tc_json_kv_int(j, "line", e->locations[i].line);
            tc_json_kv_int(j, "column", e->locations[i].column);
            tc_json_obj_end(j);
        }
        tc_json_arr_end(j);
    }
    tc_json_key(j, "extensions");
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "code", "GRAPHQL_VALIDATION_FAILED");
    tc_json_obj_end(j);
    tc_json_obj_end(j);
}

void tc_gql_validation_write(tc_json *j, const tc_gql_validation *r)
{
    tc_json_arr_begin(j);
    for (size_t i = 0; i < r->n; i++)
        tc_gql_validation_error_write(j, &r->errors[i]);
    tc_json_arr_end(j);
}
