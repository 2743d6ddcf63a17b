/* Signing up into an existing workspace as Twenty's signUpInWorkspace does (spec/twenty-api.md
 * §6.1): the workspace is chosen by its public invite hash, else its id, else the subdomain of
 * origin; joining it needs the invite hash (with the workspace's public invite link enabled),
 * unless the e-mail is already a member, for whom sign-up is a sign-in. The new member gets the
 * workspace's default role. The answer is a LOGIN token, as /auth/login gives. */
#ifndef TC_AUTH_SIGNUP_H
#define TC_AUTH_SIGNUP_H

#include "auth/session.h"
#include "base/uuid.h"

typedef struct tc_signup {
    const char *email, *password;
    const char *workspace_invite_hash;  /* workspace.inviteHash, or NULL */
    const char *workspace_id;           /* or NULL */
    const char *origin;                 /* "http://apple.localhost:3000", or NULL */
    const char *first_name, *last_name; /* for a new user and member; NULL: "" */
} tc_signup;

typedef struct tc_signup_result {
    tc_auth_token login_token; /* in the caller's arena */
    char workspace_id[TC_UUID_STR_LEN + 1];
    char user_id[TC_UUID_STR_LEN + 1];
} tc_signup_result;

/* Signs s up. Errors (Twenty's messages): TC_E_BAD_REQUEST "Password too weak" or "Invalid
 * email: ..."; TC_E_UNAUTHENTICATED "Workspace not found" (reason WORKSPACE_NOT_FOUND, Twenty's
 * REST status 401: no workspace matches; Twenty would create one); TC_E_FORBIDDEN with reason
 * FORBIDDEN_EXCEPTION: "User does not have access to this workspace" (no invite hash and not a
 * member; the same bcrypt work is done as for a member), "Public invite link is disabled for this
 * workspace", "Wrong password" (an existing user: the password must be theirs); reason
 * OAUTH_ACCESS_DENIED "password auth is not enabled for this workspace"; TC_E_CONFLICT when a
 * concurrent sign-up added the member. */
int tc_signup_in_workspace(tc_db *db, tc_arena *a, const tc_session_config *cfg, const tc_signup *s,
                           tc_signup_result *out, tc_err *e);

#endif
