/* SQL for read plans: the page statement and its count, and the batched statement of a to-many
 * relation, through the SQL builder (identifiers from the snapshot, join aliases from a counter,
 * values as parameters). Soft-deleted records are left out. */
#ifndef TC_QUERY_SQL_H
#define TC_QUERY_SQL_H

#include "db/sql.h"
#include "query/plan.h"

/* The SELECT of f on schema into q, its result columns as plan.h's tc_find_*_col say: the
 * selected columns (arrays as JSON text), each MANY_TO_ONE relation of f->rels by a LEFT JOIN
 * (its soft-deleted record counts as none), the record's id. Find one (f->id) and find by ids
 * (f->ids): those records, no order. Find many: then each order key as JSON text, the filter
 * and the cursor applied, in f's order (reversed when paging backwards), limited to
 * f->limit + 1 rows (the extra row says whether there is another page). limit_text:
 * f->limit + 1 as text, owned by the caller (unused by finds by id). */
void tc_find_sql(const tc_find *f, const char *schema, const char *limit_text, tc_sql *q);
/* The selection list of f (its columns on `t`, arrays as JSON text; t.id when f selects
 * nothing): what a mutation's RETURNING uses so that tc_shape_record reads it like a find. */
void tc_find_columns_sql(const tc_find *f, tc_sql *q);
/* SELECT count(*) of the records f's filter matches (the cursor ignored). */
void tc_find_count_sql(const tc_find *f, const char *schema, tc_sql *q);
/* The records of to-many relation f->rels[k] of the parents whose ids ids_array holds (a uuid[]
 * literal, owned by the caller): the target's selected columns, then the parent's id
 * (`tc_parent`) and the rank (`tc_rn`); at most TC_QUERY_MAX_RECORDS_FROM_RELATION per parent,
 * oldest first (createdAt, then id); soft-deleted ones left out; ordered by parent, then rank. */
void tc_find_children_sql(const tc_find *f, size_t k, const char *schema, const char *ids_array,
                          tc_sql *q);

#endif
