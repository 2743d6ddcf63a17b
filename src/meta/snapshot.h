/* Metadata snapshots (DESIGN.md §6): the immutable, refcounted model of one workspace at one
 * metadataVersion, shared by every thread. A request takes a reference for its whole life.
 * Every metadata change ends with NOTIFY twentyc_metadata '<workspaceId>:<version>'; a listener
 * thread on its own connection drops stale snapshots, so instances behind a load balancer stay
 * coherent without anything but PostgreSQL. */
#ifndef TC_META_SNAPSHOT_H
#define TC_META_SNAPSHOT_H

#include "db/db.h"
#include "meta/model.h"

#define TC_METADATA_CHANNEL "twentyc_metadata"

typedef struct tc_snapshot {
    const tc_model *model;
    int version; /* workspace.metadataVersion it was loaded at */
} tc_snapshot;

typedef struct tc_snapshots tc_snapshots;

/* A cache whose listener connects to conninfo (search_path core_schema) and LISTENs. Loading
 * happens on the callers' connections. The strings are copied. */
tc_snapshots *tc_snapshots_new(const char *conninfo, const char *core_schema);
/* Stops the listener and frees the cache; every snapshot must have been released. */
void tc_snapshots_free(tc_snapshots *c);

/* The current snapshot of workspace_id (uuid text), loaded through db when not cached. The
 * caller holds a reference until tc_snapshot_release. NULL with e filled (TC_E_NOT_FOUND for
 * an unknown workspace). */
const tc_snapshot *tc_snapshot_get(tc_snapshots *c, tc_db *db, const char *workspace_id,
                                   tc_err *e);
void tc_snapshot_release(const tc_snapshot *s);

/* Drops the cached snapshot of workspace_id if older than version (the instance that made a
 * change calls this at once; others learn it through the listener). */
void tc_snapshots_invalidate(tc_snapshots *c, const char *workspace_id, int version);

#endif
