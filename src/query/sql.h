/* SQL for read plans: the page statement and its count, through the SQL builder (identifiers
 * from the snapshot, values as parameters). Soft-deleted records are left out. */
#ifndef TC_QUERY_SQL_H
#define TC_QUERY_SQL_H

#include "db/sql.h"
#include "query/plan.h"

/* The SELECT of f on schema into q: the selected columns (arrays as JSON text), the record id
 * when f->id is set; else, after the selection, each order key as JSON text (ncols + i), the
 * filter and the cursor applied, in f's order (reversed when paging backwards), limited to
 * f->limit + 1 rows (the extra row says whether there is another page). limit_text:
 * f->limit + 1 as text, owned by the caller. */
void tc_find_sql(const tc_find *f, const char *schema, const char *limit_text, tc_sql *q);
/* The selection list of f (its columns on `t`, arrays as JSON text; t.id when f selects
 * nothing): what a mutation's RETURNING uses so that tc_shape_record reads it like a find. */
void tc_find_columns_sql(const tc_find *f, tc_sql *q);
/* SELECT count(*) of the records f's filter matches (the cursor ignored). */
void tc_find_count_sql(const tc_find *f, const char *schema, tc_sql *q);

#endif
