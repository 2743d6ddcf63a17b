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

/* One selected column: a field's own column, or one sub-field column of a composite. */
typedef struct tc_col {
    const tc_field *field;
    const tc_subfield *sub; /* NULL: the field's own column */
    tc_field_type type;     /* what the column holds */
    char name[TC_NAME_BUF]; /* the column */
} tc_col;

typedef struct tc_find {
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
} tc_find;

/* A find over o selecting every field the view lets the caller read (every field when v is
 * NULL: events and internal reads) that has a column (the
 * join column of a MANY_TO_ONE relation counts, under its own name; ONE_TO_MANY relations and
 * search vectors do not), ordered by id ascending, forward, unfiltered. Everything is
 * allocated in a. */
void tc_find_init(tc_find *f, tc_arena *a, const tc_perm_view *v, const tc_object *o);

#define TC_FIELDS_MAX_LEN 8192 /* bytes of the REST `fields` parameter */

/* Narrows f's selection to id plus the fields named in list (comma-separated field names, or
 * join-column names of MANY_TO_ONE relations), keeping the object's order. 400 (reason
 * INVALID_FIELDS_QUERY_PARAM) naming every unknown or unreadable field, or for an empty list. */
int tc_find_pick(tc_find *f, const char *list, tc_err *e);

#endif
