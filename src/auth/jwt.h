/* HS256 JSON Web Tokens the way Twenty makes them (spec/twenty-api.md §6.2-6.4): the HMAC key is
 * derived per token from APP_SECRET, the workspace (or user) id and the token type, so a token
 * minted by Twenty verifies here and the other way round when both run with the same APP_SECRET.
 * Verification is strict: algorithm pinned to HS256, canonical unpadded base64url, bounded size. */
#ifndef TC_AUTH_JWT_H
#define TC_AUTH_JWT_H

#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/uuid.h"

#define TC_JWT_MAX_LEN 8192 /* longer tokens are rejected before anything is decoded */
#define TC_JWT_LEEWAY_S 30  /* clock skew allowed on exp, nbf and iat */
#define TC_JWT_KEY_LEN 64   /* the derived key: lower-case hex of a SHA-256 */

/* Twenty's messages (all TC_E_UNAUTHENTICATED). */
#define TC_JWT_MSG_EXPIRED "Token has expired."
#define TC_JWT_MSG_INVALID "Token invalid."
#define TC_JWT_MSG_NO_PAYLOAD "No payload"

/* The claims twentyc reads from a token and writes into one. A string is "" when the claim is
 * absent (a JSON null counts as absent); iat and exp are Unix seconds, 0 when absent. */
typedef struct tc_jwt_claims {
    char type[32]; /* "ACCESS", "API_KEY", "REFRESH", "LOGIN", ... (A-Z and _) */
    char sub[256]; /* userId, workspaceId, or an e-mail address (LOGIN) */
    char workspace_id[TC_UUID_STR_LEN + 1]; /* these five are UUIDs, lower-case canonical form */
    char user_id[TC_UUID_STR_LEN + 1];
    char workspace_member_id[TC_UUID_STR_LEN + 1];
    char user_workspace_id[TC_UUID_STR_LEN + 1];
    char jti[TC_UUID_STR_LEN + 1]; /* apiKey id (API_KEY), appToken id (REFRESH) */
    char auth_provider[32];        /* "password", "google", ... */
    char targeted_token_type[32];  /* REFRESH: "ACCESS" or "WORKSPACE_AGNOSTIC" */
    int64_t iat, exp;
} tc_jwt_claims;

/* Verifies token (NUL-terminated) against APP_SECRET app_secret at Unix time now_s and, on
 * success only, fills out.
 * The key is tc_jwt_key(app_secret, workspaceId or else userId, type); an API_KEY token whose
 * signature fails is retried with the ACCESS key (Twenty's keys minted before 2025-12-12).
 * Requires: at most TC_JWT_MAX_LEN bytes; three non-empty segments of canonical base64url without
 * padding; a header object with "alg":"HS256", "typ" absent or "JWT", no "crit"; a payload object
 * with a string "type", a string "workspaceId" or "userId", a numeric "exp"; UUID-shaped
 * workspaceId, userId, workspaceMemberId, userWorkspaceId and jti when present; sub, authProvider
 * and targetedTokenType, when present, strings that fit their fields. Other claims are ignored.
 * Times: expired when now_s >= exp + TC_JWT_LEEWAY_S; invalid when nbf or iat is later than
 * now_s + TC_JWT_LEEWAY_S.
 * Returns 0, or -1 with e = TC_E_UNAUTHENTICATED and message TC_JWT_MSG_EXPIRED (signature good,
 * token expired), TC_JWT_MSG_NO_PAYLOAD (payload segment is not base64url of a JSON object) or
 * TC_JWT_MSG_INVALID (everything else); e->detail says why, for the log. Any token type is
 * accepted: the caller must check out->type against the use it is making of the token. */
int tc_jwt_verify(const char *token, const char *app_secret, int64_t now_s, tc_jwt_claims *out,
                  tc_err *e);

/* Signs claims c: header {"alg":"HS256","typ":"JWT"}, a payload of the non-empty claims of c
 * (sub, userId, workspaceId, workspaceMemberId, userWorkspaceId, type, authProvider,
 * targetedTokenType, iat when not 0, exp, jti), keyed with tc_jwt_key(app_secret,
 * c->workspace_id or else c->user_id, c->type). *out is a NUL-terminated string in arena a.
 * Returns 0, or -1 (TC_E_INTERNAL) when c->type is empty or not A-Z/_, both ids are empty, a
 * UUID claim is malformed, exp is 0, or the token would exceed TC_JWT_MAX_LEN. */
int tc_jwt_sign(tc_arena *a, const tc_jwt_claims *c, const char *app_secret, char **out, tc_err *e);

/* Twenty's key: lower-case hex of SHA-256(app_secret || body || type) into out
 * (TC_JWT_KEY_LEN + 1 bytes). The 64 hex characters themselves are the HMAC key bytes. */
void tc_jwt_key(const char *app_secret, const char *body, const char *type, char *out);

#endif
