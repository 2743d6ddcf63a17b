/* The principal cache (DESIGN.md §4: "no DB hit when cached"): Bearer token -> principal,
 * filled by tc_principal_from_header and emptied, per workspace, by NOTIFY twentyc_auth, which
 * triggers on apiKey, role, roleTarget, permissionFlag, userWorkspace and user send (core
 * migration 5). A revoked key or a changed role is therefore refused by every instance as soon
 * as its listener hears the notification, within milliseconds. While the listener is not
 * connected nothing is cached. */
#ifndef TC_AUTH_PRINCIPALS_H
#define TC_AUTH_PRINCIPALS_H

#include "auth/apikey.h"
#include "db/listener.h"

#define TC_AUTH_CHANNEL "twentyc_auth" /* payload: a workspace id, or "" for every workspace */

typedef struct tc_principals tc_principals;

tc_principals *tc_principals_new(void);
void tc_principals_free(tc_principals *c); /* stop the listener first */
/* The cache's subscription to TC_AUTH_CHANNEL, for tc_listener_start. */
tc_subscription tc_principals_subscription(tc_principals *c);

/* tc_principal_from_header through the cache: a token seen before, not expired (its exp plus
 * TC_JWT_LEEWAY_S, as the JWT check) and not invalidated since, costs no query and no HMAC.
 * Failures are not cached. */
int tc_principal_resolve(tc_principals *c, tc_db *db, const char *authorization,
                         const char *app_secret, int64_t now_s, tc_principal *out, tc_err *e);

/* Drops the cached principals of workspace_id ("" or NULL: all). */
void tc_principals_invalidate(tc_principals *c, const char *workspace_id);

#endif
