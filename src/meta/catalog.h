/* Writing a model's metadata rows into the core tables (objectMetadata, fieldMetadata,
 * indexMetadata, indexFieldMetadata): one statement per table, the rows passed as one JSON
 * parameter and expanded by jsonb_to_recordset, so a whole workspace is four round trips. */
#ifndef TC_META_CATALOG_H
#define TC_META_CATALOG_H

#include "db/db.h"
#include "meta/model.h"

/* Rows to insert for one change: any of the lists may be empty. */
typedef struct tc_catalog_rows {
    tc_object **objects;
    size_t nobjects;
    tc_field **fields;
    size_t nfields;
    tc_index **indexes;
    size_t nindexes;
} tc_catalog_rows;

/* Inserts the rows of workspace_id. Runs inside the caller's transaction. */
int tc_catalog_insert(tc_db *db, const char *workspace_id, const tc_catalog_rows *rows, tc_err *e);

/* Inserts every object, field and index of m. Runs inside the caller's transaction. */
int tc_catalog_insert_model(tc_db *db, const tc_model *m, tc_err *e);

#endif
