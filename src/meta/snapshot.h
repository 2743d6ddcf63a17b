/* Metadata snapshots (DESIGN.md §6): the immutable, refcounted model of one workspace at one
 * metadataVersion, shared by every thread. A request takes a reference for its whole life.
 * Every metadata change ends with NOTIFY twentyc_metadata '<workspaceId>:<version>'; the
 * process's listener (db/listener.h) drops stale snapshots, so instances behind a load balancer stay
 * coherent without anything but PostgreSQL. */
#ifndef TC_META_SNAPSHOT_H
#define TC_META_SNAPSHOT_H

#include "db/db.h"
#include "db/listener.h"
#include "meta/model.h"

#define TC_METADATA_CHANNEL "twentyc_metadata"

typedef struct tc_snapshot {
    const tc_model *model;
    int version; /* workspace.metadataVersion it was loaded at */
} tc_snapshot;

typedef struct tc_snapshots tc_snapshots;

/* An empty cache; loading happens on the callers' connections (search_path core_schema, which
 * is copied). Snapshots are cached only while the cache's subscription is live. */
tc_snapshots *tc_snapshots_new(const char *core_schema);
/* The cache's subscription to TC_METADATA_CHANNEL, for tc_listener_start. */
tc_subscription tc_snapshots_subscription(tc_snapshots *c);
/* Frees the cache (stop the listener first); every snapshot must have been released. */
void tc_snapshots_free(tc_snapshots *c);

/* The current snapshot of workspace_id (uuid text), loaded through db when not cached. The
 * caller holds a reference until tc_snapshot_release. NULL with e filled (TC_E_NOT_FOUND for
 * an unknown workspace). */
const tc_snapshot *tc_snapshot_get(tc_snapshots *c, tc_db *db, const char *workspace_id,
                                   tc_err *e);
void tc_snapshot_release(const tc_snapshot *s);
/* Another reference to s, for a structure that outlives the caller's (returns s). */
const tc_snapshot *tc_snapshot_retain(const tc_snapshot *s);

/* Drops the cached snapshot of workspace_id if older than version (the instance that made a
 * change calls this at once; others learn it through the listener). */
void tc_snapshots_invalidate(tc_snapshots *c, const char *workspace_id, int version);

#endif
