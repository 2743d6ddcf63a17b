/* Records as Twenty shows them (spec/twenty-api.md §1.11): one JSON object per row, fields by
 * name, composites as nested objects of their sub-fields, dates as ISO 8601 with "Z", numbers as
 * numbers, JSON columns as they are. */
#ifndef TC_QUERY_SHAPE_H
#define TC_QUERY_SHAPE_H

#include <libpq-fe.h>

#include "base/json.h"
#include "query/plan.h"

/* Writes row `row` of r, selected by tc_find_sql for f, as a JSON object. */
void tc_shape_record(tc_json *j, const tc_find *f, const PGresult *r, int row);

#endif
