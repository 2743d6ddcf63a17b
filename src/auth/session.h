/* Signing in as Twenty does (spec/twenty-api.md §6.1, §6.2, §6.5): e-mail and password give a
 * LOGIN token for a workspace; the login token gives an ACCESS + REFRESH pair; a refresh token
 * is an appToken row that rotates on every renewal, and a reused one (revoked more than a minute
 * ago) revokes every refresh token of its user. */
#ifndef TC_AUTH_SESSION_H
#define TC_AUTH_SESSION_H

#include <stdint.h>

#include "auth/password.h"
#include "base/arena.h"
#include "db/db.h"

#define TC_LOGIN_TOKEN_TTL_S (15 * 60) /* LOGIN_TOKEN_EXPIRES_IN */
#define TC_REFRESH_COOL_DOWN_S 60      /* REFRESH_TOKEN_COOL_DOWN */

/* What sessions need from the settings. */
typedef struct tc_session_config {
    const char *app_secret;
    int64_t access_ttl_s, refresh_ttl_s;
    tc_password_pool *passwords; /* bcrypt runs here, not on the caller's thread */
} tc_session_config;

typedef struct tc_auth_token {
    char *token; /* in the caller's arena */
    int64_t expires_at;
} tc_auth_token;

typedef struct tc_token_pair {
    tc_auth_token access, refresh;
} tc_token_pair;

/* A LOGIN token for email and password. The workspace: the one whose subdomain origin names
 * (http://apple.localhost:3000 -> "apple") when the user is a member of it, else the user's first
 * workspace. An unknown e-mail and a wrong password give the same error, after the same work
 * (TC_E_FORBIDDEN "Wrong password"). */
int tc_session_login(tc_db *db, tc_arena *a, const tc_session_config *cfg, const char *email,
                     const char *password, const char *origin, tc_auth_token *out, tc_err *e);

/* A LOGIN token for email (lower-case, as stored) in workspace_id, password provider, valid
 * TC_LOGIN_TOKEN_TTL_S (what sign-up returns). */
int tc_session_login_token(tc_arena *a, const tc_session_config *cfg, const char *email,
                           const char *workspace_id, tc_auth_token *out, tc_err *e);

/* The access and refresh tokens for a LOGIN token (whose workspace must be the origin's, when
 * an origin is given; TC_E_FORBIDDEN "Token is not valid for this workspace" otherwise).
 * TC_E_UNAUTHENTICATED with Twenty's token messages, or with a two-factor requirement
 * (twofa.h, tc_twofa_require): then the sign-in goes on with tc_session_tokens_otp. */
int tc_session_tokens(tc_db *db, tc_arena *a, const tc_session_config *cfg, const char *login_token,
                      const char *origin, tc_token_pair *out, tc_err *e);

/* Twenty's getAuthTokensFromOTP: the pair for a LOGIN token and a TOTP code of the user's method
 * in the token's workspace, PENDING or VERIFIED (a PENDING one becomes VERIFIED: the way through
 * a workspace that enforces 2FA). Errors: those of tc_session_tokens but the 2FA requirement,
 * and those of tc_twofa_validate. */
int tc_session_tokens_otp(tc_db *db, tc_arena *a, const tc_session_config *cfg,
                          const char *login_token, const char *otp, const char *origin,
                          tc_token_pair *out, tc_err *e);

/* Twenty's initiateOTPProvisioning: tc_twofa_provision for the user and workspace of a LOGIN
 * token (for a user whose workspace enforces 2FA and who has no method yet). *uri in arena a. */
int tc_session_provision_otp(tc_db *db, tc_arena *a, const tc_session_config *cfg,
                             const char *login_token, const char *origin, char **uri, tc_err *e);

/* A new pair for a refresh token, which is revoked. Reuse: TC_E_FORBIDDEN "Suspicious activity
 * detected, this refresh token has been revoked. All tokens have been revoked." */
int tc_session_refresh(tc_db *db, tc_arena *a, const tc_session_config *cfg,
                       const char *refresh_token, tc_token_pair *out, tc_err *e);

/* Revokes a refresh token (sign-out). */
int tc_session_logout(tc_db *db, const tc_session_config *cfg, const char *refresh_token,
                      tc_err *e);

#endif
