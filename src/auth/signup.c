/* Sign-up into an existing workspace (see signup.h). */
#include "auth/signup.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "auth/password.h"
#include "auth/user.h"

/* "http://apple.localhost:3000" -> "apple", as session.c reads an origin. */
static void origin_subdomain(const char *origin, char *out, size_t n)
{
    out[0] = '\0';
    if (!origin)
        return;
    const char *host = strstr(origin, "://");
    host = host ? host + 3 : origin;
    size_t len = strcspn(host, ".:/");
    if (host[len] != '.' || len == 0 || len >= n)
        return;
    for (size_t i = 0; i < len; i++)
        out[i] = (char)tolower((unsigned char)host[i]);
    out[len] = '\0';
}

static int forbidden(tc_err *e, const char *reason, const char *message)
{
    tc_err_set(e, TC_E_FORBIDDEN, "%s", message);
    snprintf(e->reason, sizeof(e->reason), "%s", reason);
    return -1;
}

int tc_signup_in_workspace(tc_db *db, tc_arena *a, const tc_session_config *cfg, const tc_signup *s,
                           tc_signup_result *out, tc_err *e)
{
    if (tc_password_check(s->password ? s->password : "", e) < 0) {
        snprintf(e->reason, sizeof(e->reason), "INVALID_INPUT");
        return -1;
    }
    char email[320];
    size_t n = 0;
    for (const char *p = s->email ? s->email : ""; *p && n + 1 < sizeof(email); p++) {
        if (!isspace((unsigned char)*p))
            email[n++] = (char)tolower((unsigned char)*p);
    }
    email[n] = '\0';
    if (!n || !strchr(email, '@'))
        return tc_err_set(e, TC_E_BAD_REQUEST, "Invalid email: %s", s->email ? s->email : "");
    const char *hash_in = s->workspace_invite_hash ? s->workspace_invite_hash : "";
    char id[TC_UUID_STR_LEN + 1] = "", sub[64];
    if (!hash_in[0] && s->workspace_id) {
        tc_uuid u;
        if (tc_uuid_parse(s->workspace_id, strlen(s->workspace_id), &u) < 0)
            return tc_err_set(e, TC_E_BAD_REQUEST, "workspaceId must be a UUID");
        tc_uuid_format(&u, id);
    }
    origin_subdomain(s->origin, sub, sizeof(sub));
    if (!hash_in[0] && !id[0] && !sub[0]) {
        tc_err_set(e, TC_E_UNAUTHENTICATED, "Workspace not found");
        snprintf(e->reason, sizeof(e->reason), "WORKSPACE_NOT_FOUND");
        return -1;
    }
    /* The workspace (invite hash first, as Twenty's findWorkspaceForSignInUp, then id, then
     * subdomain) and what the e-mail is to it. */
    const char *p[] = {hash_in, id, sub, email};
    PGresult *r = tc_db_query(
        db,
        "SELECT w.\"id\", w.\"isPublicInviteLinkEnabled\", w.\"isPasswordAuthEnabled\","
        " coalesce(w.\"defaultRoleId\"::text, ''), u.\"id\", coalesce(u.\"passwordHash\", ''),"
        " EXISTS (SELECT 1 FROM \"userWorkspace\" uw WHERE uw.\"userId\" = u.\"id\""
        "  AND uw.\"workspaceId\" = w.\"id\" AND uw.\"deletedAt\" IS NULL)"
        " FROM \"workspace\" w"
        " LEFT JOIN \"user\" u ON u.\"email\" = $4 AND u.\"deletedAt\" IS NULL"
        " WHERE w.\"deletedAt\" IS NULL AND CASE"
        "  WHEN $1 <> '' THEN w.\"inviteHash\" = $1"
        "  WHEN $2 <> '' THEN w.\"id\" = nullif($2, '')::uuid"
        "  ELSE w.\"subdomain\" = $3 END",
        4, p, e);
    if (!r)
        return -1;
    if (PQntuples(r) == 0) {
        PQclear(r);
        tc_err_set(e, TC_E_UNAUTHENTICATED, "Workspace not found");
        snprintf(e->reason, sizeof(e->reason), "WORKSPACE_NOT_FOUND");
        return -1;
    }
    snprintf(out->workspace_id, sizeof(out->workspace_id), "%s", PQgetvalue(r, 0, 0));
    bool public_link = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
    bool password_auth = strcmp(PQgetvalue(r, 0, 2), "t") == 0;
    char role_id[TC_UUID_STR_LEN + 1], stored[128];
    snprintf(role_id, sizeof(role_id), "%s", PQgetvalue(r, 0, 3));
    bool existing = !PQgetisnull(r, 0, 4);
    snprintf(out->user_id, sizeof(out->user_id), "%s", existing ? PQgetvalue(r, 0, 4) : "");
    snprintf(stored, sizeof(stored), "%s", PQgetvalue(r, 0, 5));
    bool member = strcmp(PQgetvalue(r, 0, 6), "t") == 0;
    PQclear(r);

    bool invited = hash_in[0] != '\0';
    if (invited && !public_link)
        return forbidden(e, "FORBIDDEN_EXCEPTION",
                         "Public invite link is disabled for this workspace");
    if (!password_auth)
        return forbidden(e, "OAUTH_ACCESS_DENIED",
                         "password auth is not enabled for this workspace");
    if (member || !invited) {
        /* A member signs in; anyone else without the invite hash is refused after the same
         * bcrypt work, so the time does not say which. */
        bool ok = false;
        if (tc_password_pool_verify(cfg->passwords, s->password,
                                    member ? stored : tc_password_dummy_hash(), &ok, e) < 0)
            return -1;
        if (!member)
            return forbidden(e, "FORBIDDEN_EXCEPTION",
                             "User does not have access to this workspace");
        if (!ok)
            return forbidden(e, "FORBIDDEN_EXCEPTION", TC_PASSWORD_MSG_WRONG);
    } else {
        if (!role_id[0])
            return tc_err_set(e, TC_E_INTERNAL, "Workspace %s has no default role",
                              out->workspace_id);
        tc_user_new u = {email, s->password, out->workspace_id, NULL, s->first_name, s->last_name};
        if (tc_user_create_in(db, &u, role_id, cfg->passwords, out->user_id, e) < 0) {
            if (e->code == TC_E_FORBIDDEN)
                snprintf(e->reason, sizeof(e->reason), "FORBIDDEN_EXCEPTION");
            return -1;
        }
    }
    return tc_session_login_token(a, cfg, email, out->workspace_id, &out->login_token, e);
}
