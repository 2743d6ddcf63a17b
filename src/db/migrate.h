/* Core-schema migrations: the versioned SQL files of src/db/migrations, compiled in, applied in
 * order, each in its own transaction, all under one advisory lock so that instances starting
 * together do not race, and recorded in <core>."_migrations" with a SHA-256 checksum. */
#ifndef TC_DB_MIGRATE_H
#define TC_DB_MIGRATE_H

#include "db/db.h"

/* Brings the core schema (the connection's search_path, named schema) up to date. *applied
 * (when not NULL) receives how many migrations ran. Fails (TC_E_MIGRATION) when an applied
 * migration's checksum differs from the compiled one or the database has versions this binary
 * does not know; nothing is applied then. 0, or -1 with e filled. */
int tc_migrate(tc_db *db, const char *schema, int *applied, tc_err *e);

/* The newest version compiled into this binary. */
int tc_migrate_latest(void);

#endif
