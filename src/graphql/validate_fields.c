/* Rules on fields, arguments, directives and type names: KnownTypeNames, ScalarLeafs,
 * FieldsOnCorrectType (with graphql-js's type and field suggestions), UniqueDirectivesPerLocation,
 * UniqueArgumentNames, KnownArgumentNames (fields and directives), KnownDirectives and
 * ProvidedRequiredArguments (fields and directives). */
#include "graphql/validate_int.h"

#include <string.h>

void vreport_groups(vctx *v, const tc_gql_ast_name *const *names, size_t n, const char *prefix,
                    const char *suffix)
{
    if (n < 2)
        return;
    uint32_t small[8];
    uint32_t *first = vfirst_of(v, names, n, small);
    bool dup = false;
    for (size_t i = 0; i < n && !dup; i++)
        dup = first[i] != i;
    if (!dup)
        return;
    /* members of each group chained in order: next[i] is the next occurrence of names[i] */
    uint32_t *count = tc_arena_calloc(v->a, n, sizeof(*count));
    uint32_t *next = tc_arena_alloc(v->a, n * sizeof(*next));
    uint32_t *last = tc_arena_alloc(v->a, n * sizeof(*last));
    for (size_t i = 0; i < n; i++) {
        next[i] = UINT32_MAX;
        if (first[i] == i)
            last[i] = (uint32_t)i;
        else
            next[last[first[i]]] = (uint32_t)i, last[first[i]] = (uint32_t)i;
        count[first[i]]++;
    }
    for (size_t i = 0; i < n && !v->aborted; i++) {
        if (first[i] != i || count[i] < 2)
            continue;
        tc_gql_ast_loc *locs = tc_arena_alloc(v->a, count[i] * sizeof(*locs));
        size_t k = 0;
        for (uint32_t j = (uint32_t)i; j != UINT32_MAX; j = next[j])
            locs[k++] = names[j]->loc;
        tc_buf *b = verr_begin(v);
        tc_buf_adds(b, prefix);
        tc_buf_adds(b, names[i]->s);
        tc_buf_adds(b, suffix);
        verr_report(v, locs, k);
    }
}

void r_known_type_names(vctx *v, const tc_gql_ast_type *named)
{
    if (vnamed(v, named))
        return;
    const char **options = tc_arena_alloc(v->a, v->s->ntypes * sizeof(*options));
    for (size_t i = 0; i < v->s->ntypes; i++)
        options[i] = v->s->types[i]->name;
    size_t *idx;
    size_t k = vsuggest(v, named->name.s, named->name.len, options, v->s->ntypes, &idx);
    tc_buf *b = verr_begin(v);
    tc_buf_printf(b, "Unknown type \"%s\".", named->name.s);
    vdid_you_mean(b, NULL, options, idx, k);
    verr_report1(v, named->loc);
}

void r_scalar_leafs(vctx *v, vti ti, const tc_gql_ast_selection *field)
{
    if (!ti.type)
        return;
    if (tc_gql_type_is_leaf(tc_gql_ref_named(ti.type))) {
        if (!field->selection_set)
            return;
        const char *type = vstr_ref(v, ti.type);
        tc_buf_printf(verr_begin(v),
                      "Field \"%s\" must not have a selection since type \"%s\" has no subfields.",
                      field->name.s, type);
        verr_report1(v, field->selection_set->loc);
    } else if (!field->selection_set) {
        const char *type = vstr_ref(v, ti.type);
        tc_buf_printf(verr_begin(v),
                      "Field \"%s\" of type \"%s\" must have a selection of subfields. Did you "
                      "mean \"%s { ... }\"?",
                      field->name.s, type, field->name.s);
        verr_report1(v, field->loc);
    }
}

/* getSuggestedTypeNames' order: more usages first, an interface before its implementations,
 * then naturalCompare. */
static int type_order(const tc_gql_type *a, uint32_t ca, const tc_gql_type *b, uint32_t cb)
{
    if (ca != cb)
        return ca > cb ? -1 : 1;
    if (a->kind == TC_GQL_INTERFACE && tc_gql_type_is_possible(a, b))
        return -1;
    if (b->kind == TC_GQL_INTERFACE && tc_gql_type_is_possible(b, a))
        return 1;
    return vnatural_compare(a->name, strlen(a->name), b->name, strlen(b->name));
}

/* The types of an abstract type's possible types (and of their interfaces) that have the field,
 * as names in *out; returns how many. */
static size_t suggested_types(vctx *v, const tc_gql_type *t, const tc_gql_ast_name *field,
                              const char ***out)
{
    if (!tc_gql_type_is_abstract(t))
        return 0;
    size_t cap = t->npossible;
    for (size_t i = 0; i < t->npossible; i++)
        cap += t->possible[i]->ninterfaces;
    const tc_gql_type **types = tc_arena_alloc(v->a, (cap + 1) * sizeof(*types));
    uint32_t *count = tc_arena_alloc(v->a, (cap + 1) * sizeof(*count));
    size_t n = 0;
    for (size_t i = 0; i < t->npossible; i++) {
        const tc_gql_type *p = t->possible[i];
        if (!tc_gql_type_fieldn(p, field->s, field->len))
            continue;
        types[n] = p;
        count[n++] = 1;
        for (size_t j = 0; j < p->ninterfaces; j++) {
            const tc_gql_type *iface = p->interfaces[j];
            if (!tc_gql_type_fieldn(iface, field->s, field->len))
                continue;
            size_t k = 0;
            while (k < n && types[k] != iface)
                k++;
            if (k == n) {
                types[n] = iface;
                count[n++] = 0;
            }
            count[k]++;
        }
    }
    /* stable insertion sort (V8's sort is stable; the order is total for real schemas) */
    for (size_t i = 1; i < n; i++) {
        const tc_gql_type *ti = types[i];
        uint32_t ci = count[i];
        size_t j = i;
        while (j > 0 && type_order(types[j - 1], count[j - 1], ti, ci) > 0) {
            types[j] = types[j - 1];
            count[j] = count[j - 1];
            j--;
        }
        types[j] = ti;
        count[j] = ci;
    }
    const char **names = tc_arena_alloc(v->a, (n + 1) * sizeof(*names));
    for (size_t i = 0; i < n; i++)
        names[i] = types[i]->name;
    *out = names;
    return n;
}

void r_fields_on_correct_type(vctx *v, vti ti, const tc_gql_ast_selection *field)
{
    if (!ti.parent_type || ti.field_def)
        return;
    const tc_gql_type *t = ti.parent_type;
    const char **types = NULL;
    size_t ntypes = suggested_types(v, t, &field->name, &types);
    const char **options = NULL;
    size_t *idx = NULL, k = 0;
    if (!ntypes && (t->kind == TC_GQL_OBJECT || t->kind == TC_GQL_INTERFACE)) {
        options = tc_arena_alloc(v->a, (t->nfields + 1) * sizeof(*options));
        for (size_t i = 0; i < t->nfields; i++)
            options[i] = t->fields[i]->name;
        k = vsuggest(v, field->name.s, field->name.len, options, t->nfields, &idx);
    }
    tc_buf *b = verr_begin(v);
    tc_buf_printf(b, "Cannot query field \"%s\" on type \"%s\".", field->name.s, t->name);
    if (ntypes)
        vdid_you_mean(b, "to use an inline fragment on", types, NULL, ntypes);
    else
        vdid_you_mean(b, NULL, options, idx, k);
    verr_report1(v, field->loc);
}

void r_unique_directives_per_location(vctx *v, const tc_gql_ast_directives *ds)
{
    if (ds->n < 2)
        return;
    const tc_gql_ast_name *small_names[8];
    const tc_gql_ast_name **names =
        ds->n <= 8 ? small_names : tc_arena_alloc(v->a, ds->n * sizeof(*names));
    for (size_t i = 0; i < ds->n; i++)
        names[i] = &ds->items[i]->name;
    uint32_t small[8];
    const uint32_t *first = vfirst_of(v, names, ds->n, small);
    for (size_t i = 0; i < ds->n && !v->aborted; i++) {
        if (first[i] == i)
            continue;
        const tc_gql_ast_directive *d = ds->items[i];
        const tc_gql_directive *def = tc_gql_schema_directiven(v->s, d->name.s, d->name.len);
        if (!def || def->repeatable)
            continue;
        tc_buf_printf(verr_begin(v),
                      "The directive \"@%s\" can only be used once at this location.", d->name.s);
        verr_report2(v, ds->items[first[i]]->loc, d->loc);
    }
}

void r_unique_argument_names(vctx *v, const tc_gql_ast_arguments *args)
{
    if (args->n < 2)
        return;
    const tc_gql_ast_name *small[8];
    const tc_gql_ast_name **names =
        args->n <= 8 ? small : tc_arena_alloc(v->a, args->n * sizeof(*names));
    for (size_t i = 0; i < args->n; i++)
        names[i] = &args->items[i]->name;
    vreport_groups(v, names, args->n, "There can be only one argument named \"", "\".");
}

/* "Unknown argument" with suggestions among args[0..n). */
static void unknown_argument(vctx *v, const tc_gql_ast_argument *arg,
                             tc_gql_input_value *const *args, size_t n, const char *owner)
{
    const char **options = tc_arena_alloc(v->a, (n + 1) * sizeof(*options));
    for (size_t i = 0; i < n; i++)
        options[i] = args[i]->name;
    size_t *idx;
    size_t k = vsuggest(v, arg->name.s, arg->name.len, options, n, &idx);
    tc_buf *b = verr_begin(v);
    tc_buf_printf(b, "Unknown argument \"%s\" on %s.", arg->name.s, owner);
    vdid_you_mean(b, NULL, options, idx, k);
    verr_report1(v, arg->loc);
}

void r_known_argument_names(vctx *v, vti ti, const tc_gql_ast_argument *arg)
{
    if (ti.argument || !ti.field_def || !ti.parent_type)
        return;
    const char *owner =
        tc_arena_printf(v->a, "field \"%s.%s\"", ti.parent_type->name, ti.field_def->name);
    unknown_argument(v, arg, ti.field_def->args, ti.field_def->nargs, owner);
}

void r_known_directive(vctx *v, const tc_gql_ast_directive *d, tc_gql_location where)
{
    const tc_gql_directive *def = tc_gql_schema_directiven(v->s, d->name.s, d->name.len);
    if (!def) {
        tc_buf_printf(verr_begin(v), "Unknown directive \"@%s\".", d->name.s);
        verr_report1(v, d->loc);
    } else if (!(def->location_mask & (1u << where))) {
        tc_buf_printf(verr_begin(v), "Directive \"@%s\" may not be used on %s.", d->name.s,
                      tc_gql_location_name(where));
        verr_report1(v, d->loc);
    }
}

void r_known_directive_arguments(vctx *v, const tc_gql_ast_directive *d)
{
    const tc_gql_directive *def = tc_gql_schema_directiven(v->s, d->name.s, d->name.len);
    if (!def)
        return;
    for (size_t i = 0; i < d->arguments.n && !v->aborted; i++) {
        const tc_gql_ast_argument *arg = d->arguments.items[i];
        if (!tc_gql_directive_argn(def, arg->name.s, arg->name.len))
            unknown_argument(v, arg, def->args, def->nargs,
                             tc_arena_printf(v->a, "directive \"@%s\"", def->name));
    }
}

static bool is_required(const tc_gql_input_value *iv)
{
    return iv->type->wrap == TC_GQL_NON_NULL && !iv->default_value;
}

static bool provided(const tc_gql_ast_arguments *args, const char *name)
{
    for (size_t i = 0; i < args->n; i++)
        if (strcmp(args->items[i]->name.s, name) == 0)
            return true;
    return false;
}

void r_required_field_arguments(vctx *v, vti ti, const tc_gql_ast_selection *field)
{
    const tc_gql_field *fd = ti.field_def;
    if (!fd)
        return;
    for (size_t i = 0; i < fd->nargs && !v->aborted; i++) {
        const tc_gql_input_value *a = fd->args[i];
        if (!is_required(a) || provided(&field->arguments, a->name))
            continue;
        const char *type = vstr_ref(v, a->type);
        tc_buf_printf(verr_begin(v),
                      "Field \"%s\" argument \"%s\" of type \"%s\" is required, but it was not "
                      "provided.",
                      fd->name, a->name, type);
        verr_report1(v, field->loc);
    }
}

void r_required_directive_arguments(vctx *v, const tc_gql_ast_directive *d)
{
    const tc_gql_directive *def = tc_gql_schema_directiven(v->s, d->name.s, d->name.len);
    if (!def)
        return;
    for (size_t i = 0; i < def->nargs && !v->aborted; i++) {
        const tc_gql_input_value *a = def->args[i];
        if (!is_required(a) || provided(&d->arguments, a->name))
            continue;
        const char *type = vstr_ref(v, a->type);
        tc_buf_printf(verr_begin(v),
                      "Directive \"@%s\" argument \"%s\" of type \"%s\" is required, but it was "
                      "not provided.",
                      def->name, a->name, type);
        verr_report1(v, d->loc);
    }
}
