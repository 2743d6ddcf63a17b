/* Writing a model's metadata rows into the core tables (objectMetadata, fieldMetadata,
 * indexMetadata, indexFieldMetadata): one statement per table, the rows passed as one JSON
 * parameter and expanded by jsonb_to_recordset, so a whole workspace is four round trips. */
#ifndef TC_META_CATALOG_H
#define TC_META_CATALOG_H

#include "db/db.h"
#include "meta/model.h"

/* Inserts every object, field and index of m. Runs inside the caller's transaction. */
int tc_catalog_insert_model(tc_db *db, const tc_model *m, tc_err *e);

#endif
