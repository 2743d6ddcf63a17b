/* Metadata changes (custom objects and fields): each is one transaction under the workspace's
 * advisory lock holding the metadata rows, the DDL they compile to, a workspaceMigration row,
 * metadataVersion + 1 and NOTIFY twentyc_metadata. A failure at any step rolls everything
 * back. Inputs are the JSON bodies of Twenty's metadata API (CreateObjectInput, UpdateObjectInput,
 * CreateFieldInput, UpdateFieldInput), validated here before any SQL runs. */
#ifndef TC_META_CHANGE_H
#define TC_META_CHANGE_H

#include <jansson.h>

#include "db/db.h"
#include "meta/ddl.h"
#include "meta/model.h"
#include "meta/snapshot.h"

typedef struct tc_change {
    tc_db *db;
    tc_model *m; /* the workspace as it is inside the transaction; changed in place */
    tc_ddl ddl;
    int version; /* metadataVersion after the change */
    tc_snapshots *cache;
    /* rows to insert when the change commits */
    tc_object *new_objects[4];
    size_t nnew_objects;
    tc_field **new_fields;
    size_t nnew_fields, new_fields_cap;
    tc_index **new_indexes;
    size_t nnew_indexes, new_indexes_cap;
} tc_change;

/* BEGIN, take the workspace's lock, load its model. cache (may be NULL) learns of the commit. */
int tc_change_begin(tc_change *c, tc_db *db, const char *core_schema, const char *workspace_id,
                    tc_snapshots *cache, tc_err *e);
/* Runs the DDL, writes the new rows, bumps metadataVersion, logs the change as name, notifies,
 * COMMITs. On failure everything is rolled back. The change's model stays readable until
 * tc_change_end. */
int tc_change_commit(tc_change *c, const char *name, tc_err *e);
/* Rolls back if not committed and frees the model. */
void tc_change_end(tc_change *c);

int tc_change_create_object(tc_change *c, json_t *input, tc_object **out, tc_err *e);
int tc_change_update_object(tc_change *c, const char *id, json_t *update, tc_object **out,
                            tc_err *e);
int tc_change_delete_object(tc_change *c, const char *id, tc_err *e);
int tc_change_create_field(tc_change *c, json_t *input, tc_field **out, tc_err *e);
int tc_change_update_field(tc_change *c, const char *id, json_t *update, tc_field **out,
                           tc_err *e);
int tc_change_delete_field(tc_change *c, const char *id, tc_err *e);

#endif
