/* Read plans (DESIGN.md §4): what one find over one object selects, from the metadata snapshot
 * and the caller's permission view, with no per-object code. The selection is a list of columns
 * in the order the SQL selects them and the JSON writer reads them. */
#ifndef TC_QUERY_PLAN_H
#define TC_QUERY_PLAN_H

#include "base/arena.h"
#include "meta/model.h"
#include "perm/view.h"
#include "query/cursor.h"
#include "query/filter.h"
#include "query/order.h"

#define TC_QUERY_MAX_RECORDS 200  /* QUERY_MAX_RECORDS: the largest page */
#define TC_QUERY_DEFAULT_LIMIT 60 /* REST findMany without limit */
/* QUERY_MAX_RECORDS_FROM_RELATION: records of a to-many relation per parent (depth=1). A bare
 * number: relations.c puts it in SQL text as a constant. */
#define TC_QUERY_MAX_RECORDS_FROM_RELATION 60
#define TC_FIND_MAX_IDS 10000 /* ids of one find by ids (the bulk mutation cap) */

/* One selected column: a field's own column, or one sub-field column of a composite. */
typedef struct tc_col {
    const tc_field *field;
    const tc_subfield *sub; /* NULL: the field's own column */
    tc_field_type type;     /* what the column holds */
    char name[TC_NAME_BUF]; /* the column */
} tc_col;

typedef struct tc_find tc_find;

/* A relation field shown at depth=1: the related record (MANY_TO_ONE) or records
 * (ONE_TO_MANY) under the field's name, with target's selection. */
typedef struct tc_find_rel {
    const tc_field *field;   /* the parent object's RELATION or MORPH_RELATION field */
    bool to_many;            /* ONE_TO_MANY: an array, loaded by relations.c */
    const char *join_column; /* MANY_TO_ONE: the parent's (companyId); ONE_TO_MANY: the
                                target's column holding the parent's id */
    tc_find *target;         /* the target object's readable selection (tc_find_init) */
} tc_find_rel;

struct tc_find {
    const tc_object *object;
    const tc_field **fields; /* selected fields, in the object's order */
    size_t nfields;
    tc_col *cols; /* their columns, field by field, sub-fields in the registry's order */
    size_t ncols;
    const int *at;  /* result column of each col, or NULL: col i is result column i */
    const char *id; /* find one: the record's id; NULL: find many */
    int limit;      /* find many: the page size (1..TC_QUERY_MAX_RECORDS, or 0) */
    /* find many */
    const tc_filter *filter;       /* or NULL */
    tc_order order;                /* keys; the last is id */
    const tc_cursor_value *cursor; /* values of order's keys to page from, or NULL */
    bool forward;                  /* after the cursor (first/after), else before it (last) */
    /* depth=1 (tc_find_add_relations): relation fields, in the object's order */
    tc_find_rel *rels;
    size_t nrels;
    /* find by ids (tc_find_ids): every record whose id is listed, no order, limit or count */
    const char *const *ids; /* canonical (lower-case) copies; NULL: not a find by ids */
    size_t nids;
    const char *ids_array; /* ids as one PostgreSQL uuid[] literal, the statement's parameter */
    bool with_deleted;     /* soft-deleted records too (the caller sets it, e.g. after a
                              soft delete); applies to finds by id and by ids */
};

/* A find over o selecting every field the view lets the caller read (every field when v is
 * NULL: events and internal reads) that has a column (the
 * join column of a MANY_TO_ONE relation counts, under its own name; ONE_TO_MANY relations and
 * search vectors do not), ordered by id ascending, forward, unfiltered. Everything is
 * allocated in a. */
void tc_find_init(tc_find *f, tc_arena *a, const tc_perm_view *v, const tc_object *o);

/* depth=1 (spec/twenty-api.md §1.8): adds to f every active relation field of f->object
 * whose field and target object v lets the caller read (all when v is NULL) and whose target has
 * readable fields, each with the target's selection from tc_find_init(a, v, target). A
 * MANY_TO_ONE needs the parent's join column, a ONE_TO_MANY its inverse field's. Call after
 * tc_find_init and before tc_find_pick. */
void tc_find_add_relations(tc_find *f, tc_arena *a, const tc_perm_view *v);

/* Makes f a find by ids: the records whose id is one of ids[0..n) (each a UUID; repeats
 * allowed), with f's selection and relations, in no particular order, without limit, cursor or
 * count; soft-deleted ones only when f->with_deleted. For a mutation's answer at any depth, in
 * the mutation's transaction: tc_find_sql, then tc_relations_load on the result, then
 * tc_shape_records_by_ids writes them in the order of ids. Copies of the ids live in a. 0, or
 * -1 with e filled (400) for more than TC_FIND_MAX_IDS ids or one that is not a UUID. */
int tc_find_ids(tc_find *f, tc_arena *a, const char *const *ids, size_t n, tc_err *e);

/* Result columns of a find's main statement (tc_find_sql), in this order: f's columns
 * [0, ncols); for each MANY_TO_ONE relation of f->rels, the target's id (NULL: no related
 * record) then the target's columns; the record's id (tc_find_id_col); the order keys
 * (tc_find_key_col), for a find many only. */
int tc_find_rel_col(const tc_find *f, size_t k); /* the target's id column of rels[k] */
/* The position in f's selection [0, ncols) of the column named name (a field's own column, a
 * composite's sub-field column or a join column), or -1 when f does not select it: where a
 * RETURNING row of tc_find_columns_sql holds it (tc_find_col(f, "id") for the record id). */
int tc_find_col(const tc_find *f, const char *name);
int tc_find_id_col(const tc_find *f);
int tc_find_key_col(const tc_find *f, size_t i); /* order key i */

#define TC_FIELDS_MAX_LEN 8192 /* bytes of the REST `fields` parameter */

/* Narrows f's selection to id plus the fields named in list (comma-separated field names, or
 * join-column names of MANY_TO_ONE relations, or names of f->rels), keeping the object's
 * order; relations not named are dropped. 400 (reason INVALID_FIELDS_QUERY_PARAM) naming every
 * unknown or unreadable field, or for an empty list. */
int tc_find_pick(tc_find *f, const char *list, tc_err *e);

#endif
