/* Workspaces: creating one is a single transaction holding the core.workspace row, the schema
 * workspace_<base36(id)> with every standard object's tables, enum types, foreign keys, indexes
 * and search vectors, their metadata rows and the workspaceMigration log; deleting one drops
 * the schema and its metadata in one transaction. */
#ifndef TC_META_WORKSPACE_H
#define TC_META_WORKSPACE_H

#include <stdint.h>

#include "db/db.h"

typedef struct tc_workspace_new {
    const char *display_name;
    const char *id;        /* uuid text, or NULL for a new one */
    const char *subdomain; /* or NULL: derived from the name */
} tc_workspace_new;

/* Creates the workspace on db (not inside a transaction: this opens its own). core_schema is
 * the connection's core schema. The new id goes into id_out (37 bytes) and the time spent in
 * *elapsed_us. 0, or -1 with e filled (a taken id or subdomain is TC_E_CONFLICT). */
int tc_workspace_create(tc_db *db, const char *core_schema, const tc_workspace_new *w, char *id_out,
                        int64_t *elapsed_us, tc_err *e);

/* Drops the workspace's schema and deletes its rows. TC_E_NOT_FOUND when there is none. */
int tc_workspace_delete(tc_db *db, const char *id, tc_err *e);

#endif
