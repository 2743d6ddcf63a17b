/* Building read plans (see plan.h). */
#include "query/plan.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"

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
        if (!selectable(x) || (v && !tc_perm_field(v, x).read))
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

/* Whether the comma-separated list names the column name or the field name. */
static bool listed(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && memcmp(p, name, n) == 0)
            return true;
        p += len + (end ? 1 : 0);
    }
    return false;
}

static bool selected(const tc_find *f, const char *item, size_t len)
{
    for (size_t i = 0; i < f->ncols; i++) {
        const tc_col *c = &f->cols[i];
        const char *name = c->sub ? c->field->name : c->name;
        if (strlen(name) == len && memcmp(name, item, len) == 0)
            return true;
    }
    return false;
}

int tc_find_pick(tc_find *f, const char *list, tc_err *e)
{
    size_t total = strnlen(list, TC_FIELDS_MAX_LEN + 1);
    if (total > TC_FIELDS_MAX_LEN)
        return tc_err_set(e, TC_E_BAD_REQUEST, "'fields' parameter invalid: too long");
    tc_buf bad;
    tc_buf_init(&bad, TC_FIELDS_MAX_LEN);
    bool any = false;
    for (const char *p = list; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len) {
            any = true;
            if (!selected(f, p, len)) {
                if (bad.len)
                    tc_buf_add(&bad, ", ", 2);
                tc_buf_add(&bad, p, len);
            }
        }
        p += len + (end ? 1 : 0);
    }
    int rc = 0;
    if (!any)
        rc = tc_err_set(e, TC_E_BAD_REQUEST, "'fields' parameter is empty");
    else if (bad.len)
        rc = tc_err_set(e, TC_E_BAD_REQUEST,
                        "'fields' parameter invalid. Unknown or unreadable fields on '%s': %.*s",
                        f->object->name_singular, (int)bad.len, bad.data);
    tc_buf_fini(&bad);
    if (rc < 0) {
        snprintf(e->reason, sizeof(e->reason), "INVALID_FIELDS_QUERY_PARAM");
        return rc;
    }
    /* Keep id and the listed fields, columns in place. */
    size_t nf = 0, nc = 0;
    for (size_t i = 0; i < f->nfields; i++) {
        const tc_field *x = f->fields[i];
        const char *col = x->join_column && tc_field_type_info_of(x->type)->kind == TC_KIND_RELATION
                              ? x->join_column
                              : x->name;
        if (strcmp(x->name, "id") == 0 || listed(list, x->name) || listed(list, col))
            f->fields[nf++] = x;
    }
    for (size_t i = 0; i < f->ncols; i++) {
        const tc_field *x = f->cols[i].field;
        for (size_t k = 0; k < nf; k++) {
            if (f->fields[k] == x) {
                f->cols[nc++] = f->cols[i];
                break;
            }
        }
    }
    f->nfields = nf;
    f->ncols = nc;
    return 0;
}
