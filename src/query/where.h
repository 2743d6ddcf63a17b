/* SQL for a filter AST and for keyset pagination (spec/twenty-api.md §1.5, §1.7): conditions on
 * the main table `t`, values as bind parameters, identifiers from the snapshot through the SQL
 * builder. A condition through a to-one relation is an EXISTS on the related table. */
#ifndef TC_QUERY_WHERE_H
#define TC_QUERY_WHERE_H

#include "db/sql.h"
#include "query/cursor.h"
#include "query/filter.h"
#include "query/order.h"

/* Appends f as one parenthesised boolean expression. schema: the workspace's. */
void tc_where_filter(tc_sql *q, const char *schema, const tc_filter *f);

/* Appends the keyset condition of a cursor under order (values as decoded): records after it
 * (forward) or before it (!forward), NULLs placed as the order's directions say. */
void tc_where_cursor(tc_sql *q, const char *schema, const tc_order *order,
                     const tc_cursor_value *values, bool forward);

/* Appends ORDER BY for order, reversed when !forward (a backward page is read in reverse). */
void tc_order_by_sql(tc_sql *q, const char *schema, const tc_order *order, bool forward);

/* The expression of path p on t (a subquery on the related table for a relation path). */
void tc_path_sql(tc_sql *q, const char *schema, const tc_path *p);

#endif
