/* Records as Twenty shows them (spec/twenty-api.md §1.11, §1.8): one JSON object per row, fields
 * by name, composites as nested objects of their sub-fields, dates as ISO 8601 with "Z", numbers
 * as numbers, JSON columns as they are; at depth=1 the related records under relation names. */
#ifndef TC_QUERY_SHAPE_H
#define TC_QUERY_SHAPE_H

#include <libpq-fe.h>

#include "base/json.h"
#include "query/plan.h"
#include "query/relations.h"

/* Writes row `row` of r as a JSON object of f's columns: r's columns in f's order (as
 * tc_find_sql or tc_find_columns_sql select them), or as f->at maps them. f's relations are
 * not written. */
void tc_shape_record(tc_json *j, const tc_find *f, const PGresult *r, int row);

/* Writes row `row` of r, the result of tc_find_sql(f), as a JSON object with f's relations after
 * its fields (depth=1): a MANY_TO_ONE as the related record or null, a ONE_TO_MANY as the array
 * of its records found by tc_relations_load in s (empty when s is NULL). */
void tc_shape_record_rels(tc_json *j, const tc_find *f, const PGresult *r, int row,
                          const tc_relations *s);

/* Writes a JSON array of the records of a find by ids (tc_find_ids) in the order of f->ids,
 * from s (tc_relations_load on tc_find_sql's result); an id with no record is left out, a
 * repeated one written again. */
void tc_shape_records_by_ids(tc_json *j, const tc_find *f, const tc_relations *s);

#endif
