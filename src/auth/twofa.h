/* Two-factor authentication methods as Twenty keeps them (spec/twenty-api.md §6.6,
 * spec/twenty-datamodel.md §4.9): one core.twoFactorAuthenticationMethod row per userWorkspace
 * and strategy (TOTP only), PENDING from provisioning until a first good code makes it VERIFIED.
 * A VERIFIED method, or a workspace with isTwoFactorAuthenticationEnforced, makes a login token
 * alone insufficient: the sign-in needs a code (session.h, tc_session_tokens_otp). */
#ifndef TC_AUTH_TWOFA_H
#define TC_AUTH_TWOFA_H

#include <stdint.h>

#include "base/arena.h"
#include "base/uuid.h"
#include "db/db.h"

/* A PENDING method younger than this is offered again (same secret) rather than replaced, so a
 * second provisioning request does not invalidate the QR code already scanned (Twenty's
 * PENDING_METHOD_REUSE_WINDOW_MS). */
#define TC_TWOFA_PENDING_REUSE_S (60 * 60)

/* Twenty's messages. The client codes (tc_err.reason) are Twenty's AuthExceptionCode and
 * TwoFactorAuthenticationExceptionCode values. */
#define TC_TWOFA_MSG_VERIFICATION_REQUIRED "Two factor authentication verification required"
#define TC_TWOFA_MSG_PROVISION_REQUIRED "Two factor authentication setup required"
#define TC_TWOFA_MSG_ALREADY_PROVISIONED                                                           \
    "A two factor authentication method has already been set. Please delete it and try again."
/* Too long for tc_err.reason: the HTTP layer writes it for TC_TWOFA_MSG_ALREADY_PROVISIONED. */
#define TC_TWOFA_CODE_ALREADY_PROVISIONED "TWO_FACTOR_AUTHENTICATION_METHOD_ALREADY_PROVISIONED"
#define TC_TWOFA_MSG_NOT_FOUND "Two Factor Authentication Method not found."
#define TC_TWOFA_MSG_INVALID_OTP "Invalid OTP"

/* Starts TOTP provisioning for user_id in workspace_id (initiateStrategyConfiguration): reuses a
 * PENDING method younger than TC_TWOFA_PENDING_REUSE_S, else stores a new secret as PENDING
 * (replacing an older PENDING or deleted row). *uri: the otpauth:// URI for the user's e-mail,
 * issuer "Twenty - <workspace display name>" (or "Twenty"), in arena a.
 * Errors: TC_E_FORBIDDEN when the user is not a member of the workspace, or (message
 * TC_TWOFA_MSG_ALREADY_PROVISIONED) when a VERIFIED method exists. */
int tc_twofa_provision(tc_db *db, tc_arena *a, const char *user_id, const char *workspace_id,
                       char **uri, tc_err *e);

/* Checks otp against the user's TOTP method in the workspace at Unix time now_s (±TC_TOTP_WINDOW
 * steps) and marks the method VERIFIED (validateStrategy). Errors: TC_E_FORBIDDEN
 * TC_TWOFA_MSG_NOT_FOUND (reason INVALID_CONFIGURATION) when there is no method;
 * TC_E_BAD_REQUEST TC_TWOFA_MSG_INVALID_OTP (reason INVALID_OTP) for a wrong or malformed code. */
int tc_twofa_validate(tc_db *db, const char *user_id, const char *workspace_id, const char *otp,
                      int64_t now_s, tc_err *e);

/* Whether a login token alone may sign user_id into workspace_id
 * (validateTwoFactorAuthenticationRequirement). Returns 0, or -1 with TC_E_UNAUTHENTICATED and
 * TC_TWOFA_MSG_VERIFICATION_REQUIRED (reason TWO_FACTOR_AUTHENTICATION_VERIFICATION_REQUIRED)
 * when the user has a VERIFIED method there, else TC_TWOFA_MSG_PROVISION_REQUIRED (reason
 * TWO_FACTOR_AUTHENTICATION_PROVISION_REQUIRED) when the workspace enforces 2FA. */
int tc_twofa_require(tc_db *db, const char *user_id, const char *workspace_id, tc_err *e);

/* A method as Twenty's TwoFactorAuthenticationMethodSummaryDto shows it. */
typedef struct tc_twofa_method {
    char id[TC_UUID_STR_LEN + 1];
    char status[16];   /* "PENDING" or "VERIFIED" */
    char strategy[16]; /* "TOTP" */
} tc_twofa_method;

/* The user's methods in the workspace, oldest first: *out (arena a) and *n. */
int tc_twofa_list(tc_db *db, tc_arena *a, const char *user_id, const char *workspace_id,
                  tc_twofa_method **out, int *n, tc_err *e);

/* Deletes the user's method method_id in workspace_id (deleteTwoFactorAuthenticationMethod).
 * TC_E_BAD_REQUEST "Two-factor authentication method not found" (reason INVALID_INPUT) when
 * there is no such method in the workspace; TC_E_FORBIDDEN "You can only delete your own
 * two-factor authentication methods" when it is another user's. */
int tc_twofa_delete(tc_db *db, const char *user_id, const char *workspace_id, const char *method_id,
                    tc_err *e);

#endif
