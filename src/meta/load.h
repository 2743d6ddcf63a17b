/* Loading a workspace's model from the core tables in one round trip: one statement returns the
 * workspace's objects, fields and indexes as three JSON arrays, which become a tc_model with
 * relations resolved. The metadata snapshot and `twentyc doctor` start here. */
#ifndef TC_META_LOAD_H
#define TC_META_LOAD_H

#include "db/db.h"
#include "meta/model.h"

/* The model of workspace_id (uuid text); *version receives workspace.metadataVersion when not
 * NULL. NULL with e filled: TC_E_NOT_FOUND when there is no such workspace. */
tc_model *tc_model_load(tc_db *db, const char *core_schema, const char *workspace_id, int *version,
                        tc_err *e);

#endif
