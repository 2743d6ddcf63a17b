/* Building read plans (see plan.h). */
#include "query/plan.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/uuid.h"

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

/* The relation rel of f shown at depth 1, or false when the caller may not see it. */
static bool relation(tc_find_rel *rel, tc_arena *a, const tc_perm_view *v, const tc_field *x)
{
    const tc_object *target = x->target_object;
    if (tc_field_type_info_of(x->type)->kind != TC_KIND_RELATION || !x->is_active || !target ||
        !target->is_active)
        return false;
    if (v && (!tc_perm_field(v, x).read || !tc_perm_object(v, target).read))
        return false;
    if (x->relation == TC_REL_MANY_TO_ONE)
        rel->join_column = x->join_column;
    else if (x->relation == TC_REL_ONE_TO_MANY && x->target_field)
        rel->join_column = x->target_field->join_column;
    if (!rel->join_column)
        return false;
    rel->field = x;
    rel->to_many = x->relation == TC_REL_ONE_TO_MANY;
    rel->target = tc_arena_alloc(a, sizeof(*rel->target));
    tc_find_init(rel->target, a, v, target);
    return rel->target->nfields > 0;
}

void tc_find_add_relations(tc_find *f, tc_arena *a, const tc_perm_view *v)
{
    const tc_object *o = f->object;
    f->rels = tc_arena_calloc(a, o->nfields + 1, sizeof(*f->rels));
    f->nrels = 0;
    for (size_t i = 0; i < o->nfields; i++) {
        tc_find_rel *rel = &f->rels[f->nrels];
        memset(rel, 0, sizeof(*rel));
        if (relation(rel, a, v, o->fields[i]))
            f->nrels++;
    }
}

int tc_find_ids(tc_find *f, tc_arena *a, const char *const *ids, size_t n, tc_err *e)
{
    if (n > TC_FIND_MAX_IDS)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Too many records: at most %d", TC_FIND_MAX_IDS);
    /* Canonical (lower-case) copies, as PostgreSQL writes ids: the answer matches rows by text.
     * The array literal is {id,id,...}: validated ids need no quoting. */
    const char **canon = tc_arena_calloc(a, n + 1, sizeof(*canon));
    char *array = tc_arena_alloc(a, n * (TC_UUID_STR_LEN + 1) + 3);
    size_t len = 0;
    array[len++] = '{';
    for (size_t i = 0; i < n; i++) {
        size_t idlen = strnlen(ids[i], TC_UUID_STR_LEN + 1);
        tc_uuid u;
        if (idlen != TC_UUID_STR_LEN || tc_uuid_parse(ids[i], idlen, &u) < 0)
            return tc_err_set(e, TC_E_BAD_REQUEST, "'%.64s' is not a valid UUID", ids[i]);
        char *id = tc_arena_alloc(a, TC_UUID_STR_LEN + 1);
        tc_uuid_format(&u, id);
        canon[i] = id;
        if (i)
            array[len++] = ',';
        memcpy(array + len, id, TC_UUID_STR_LEN);
        len += TC_UUID_STR_LEN;
    }
    array[len++] = '}';
    array[len] = '\0';
    f->ids = canon;
    f->nids = n;
    f->ids_array = array;
    f->id = NULL;
    f->cursor = NULL;
    f->filter = NULL;
    return 0;
}

int tc_find_rel_col(const tc_find *f, size_t k)
{
    size_t col = f->ncols;
    for (size_t i = 0; i < k; i++) {
        if (!f->rels[i].to_many)
            col += 1 + f->rels[i].target->ncols;
    }
    return (int)col;
}

int tc_find_col(const tc_find *f, const char *name)
{
    for (size_t i = 0; i < f->ncols; i++)
        if (strcmp(f->cols[i].name, name) == 0)
            return (int)i;
    return -1;
}

int tc_find_id_col(const tc_find *f)
{
    return tc_find_rel_col(f, f->nrels);
}

int tc_find_key_col(const tc_find *f, size_t i)
{
    return tc_find_id_col(f) + 1 + (int)i;
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
    for (size_t i = 0; i < f->nrels; i++) {
        const char *name = f->rels[i].field->name;
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
        /* A relation's own column is its join column; its name is the related record's. */
        const char *col = tc_field_type_info_of(x->type)->kind == TC_KIND_RELATION && x->join_column
                              ? x->join_column
                              : x->name;
        if (strcmp(x->name, "id") == 0 || listed(list, col))
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
    size_t nr = 0;
    for (size_t i = 0; i < f->nrels; i++) {
        if (listed(list, f->rels[i].field->name))
            f->rels[nr++] = f->rels[i];
    }
    f->nrels = nr;
    return 0;
}
