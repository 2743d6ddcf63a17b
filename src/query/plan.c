/* Building read plans (see plan.h). */
#include "query/plan.h"

#include <stdio.h>
#include <string.h>

/* Whether f has a column of its own a record shows. */
static bool selectable(const tc_field *f)
{
    const tc_field_type_info *t = tc_field_type_info_of(f->type);
    if (t->kind == TC_KIND_TS_VECTOR)
        return false;
    if (t->kind == TC_KIND_RELATION)
        return f->relation == TC_REL_MANY_TO_ONE && f->join_column;
    return true;
}

void tc_find_init(tc_find *f, tc_arena *a, const tc_perm_view *v, const tc_object *o)
{
    memset(f, 0, sizeof(*f));
    f->object = o;
    f->fields = tc_arena_calloc(a, o->nfields + 1, sizeof(*f->fields));
    size_t ncols = 0;
    for (size_t i = 0; i < o->nfields; i++) {
        const tc_field *x = o->fields[i];
        if (!selectable(x) || !tc_perm_field(v, x).read)
            continue;
        f->fields[f->nfields++] = x;
        const tc_field_type_info *t = tc_field_type_info_of(x->type);
        ncols += t->kind == TC_KIND_COMPOSITE ? t->nsubfields : 1;
    }
    f->cols = tc_arena_calloc(a, ncols + 1, sizeof(*f->cols));
    for (size_t i = 0; i < f->nfields; i++) {
        const tc_field *x = f->fields[i];
        const tc_field_type_info *t = tc_field_type_info_of(x->type);
        if (t->kind != TC_KIND_COMPOSITE) {
            tc_col *c = &f->cols[f->ncols++];
            c->field = x;
            c->type = x->type;
            snprintf(c->name, sizeof(c->name), "%s",
                     t->kind == TC_KIND_RELATION ? x->join_column : x->name);
            continue;
        }
        for (size_t k = 0; k < t->nsubfields; k++) {
            tc_col *c = &f->cols[f->ncols++];
            c->field = x;
            c->sub = &t->subfields[k];
            c->type = c->sub->type;
            tc_composite_column(x->name, c->sub->name, c->name, sizeof(c->name));
        }
    }
    f->limit = TC_QUERY_DEFAULT_LIMIT;
    f->forward = true;
    tc_err e;
    if (tc_order_parse(a, o, NULL, 0, &f->order, &e) < 0)
        f->order.nkeys = 0; /* cannot happen: the default order is id */
}
