/* The permission-view cache: one view per (workspace, role) for the workspace's current
 * snapshot, computed on first use and shared by reference. A view is rebuilt when the snapshot
 * it was computed for is no longer the one asked with (a metadata change), and dropped when
 * NOTIFY twentyc_auth (TC_AUTH_CHANNEL) names its workspace (a change to a role, its object or field permissions
 * or its flags; core migration 5). While the listener is down nothing is cached. */
#ifndef TC_PERM_CACHE_H
#define TC_PERM_CACHE_H

#include "db/listener.h"
#include "meta/snapshot.h"
#include "perm/view.h"

typedef struct tc_perm_cache tc_perm_cache;

tc_perm_cache *tc_perm_cache_new(void);
void tc_perm_cache_free(tc_perm_cache *c); /* stop the listener first; views all released */
/* The cache's subscription to twentyc_auth, for tc_listener_start. */
tc_subscription tc_perm_cache_subscription(tc_perm_cache *c);

/* The view of role_id over snapshot s (of workspace s->model). The caller holds a reference
 * until tc_perm_view_release; the view keeps s alive. NULL with e filled on a database error. */
const tc_perm_view *tc_perm_view_get(tc_perm_cache *c, tc_db *db, const tc_snapshot *s,
                                     const char *role_id, tc_err *e);

#endif
