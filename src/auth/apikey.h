/* API keys (spec/twenty-api.md §6.4): a core.apiKey row plus an API_KEY JWT whose jti is the
 * row's id; the token itself is never stored. Requests authenticate with it as a Bearer token;
 * revocation (revokedAt) reaches every instance's principal cache through NOTIFY. */
#ifndef TC_AUTH_APIKEY_H
#define TC_AUTH_APIKEY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/uuid.h"
#include "db/db.h"

/* Who a request acts for. */
typedef struct tc_principal {
    char workspace_id[TC_UUID_STR_LEN + 1];
    char api_key_id[TC_UUID_STR_LEN + 1]; /* an API key's, or "" */
    char user_id[TC_UUID_STR_LEN + 1];    /* a user's (ACCESS token), or "" */
    char user_workspace_id[TC_UUID_STR_LEN + 1];
    char role_id[TC_UUID_STR_LEN + 1]; /* "" when the key has no role */
    bool data_model; /* may read and change the data model (DATA_MODEL, spec api §7) */
    int64_t token_exp; /* the token's exp claim */
} tc_principal;

/* Creates a key named name for workspace_id with the workspace's role labelled role (e.g.
 * "Admin"), expiring at expires_at (Unix seconds; 0 = in 100 years, as Twenty does), and signs
 * its token into *token (arena a). id_out: the key's id (TC_UUID_STR_LEN + 1 bytes).
 * TC_E_NOT_FOUND for an unknown workspace or a role that does not exist or cannot be given to
 * API keys. */
int tc_apikey_create(tc_db *db, tc_arena *a, const char *app_secret, const char *workspace_id,
                     const char *name, const char *role, int64_t expires_at, char **token,
                     char *id_out, tc_err *e);

/* Writes one line per key of workspace_id to out, newest first: id, name, role label, expiresAt
 * and revokedAt (ISO 8601, "-" when not revoked), tab-separated. TC_E_NOT_FOUND for an unknown
 * workspace. */
int tc_apikey_list(tc_db *db, const char *workspace_id, FILE *out, tc_err *e);

/* Sets revokedAt on key id. TC_E_NOT_FOUND when there is no such key. */
int tc_apikey_revoke(tc_db *db, const char *id, tc_err *e);

/* The principal of a request from its Authorization header value (NULL when absent): a Bearer
 * JWT signed with app_secret, either an API key whose row exists, is not revoked or expired and
 * belongs to an existing workspace, or a user's ACCESS token whose user is still an active member
 * of the token's workspace. The role (the key's or the member's) decides data_model.
 * TC_E_UNAUTHENTICATED otherwise (the message says why; the HTTP layer answers with Twenty's
 * shape), TC_E_FORBIDDEN for a revoked key. One query per call: requests go through the cache
 * in principals.h. */
int tc_principal_from_header(tc_db *db, const char *authorization, const char *app_secret,
                             int64_t now_s, tc_principal *out, tc_err *e);

#endif
