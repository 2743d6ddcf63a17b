/* TOTP methods: provisioning, verification, the login requirement, deletion (see twofa.h). */
#include "auth/twofa.h"

#include <stdio.h>
#include <string.h>

#include "auth/totp.h"
#include "base/uuid.h"

static int query(tc_db *db, const char *sql, int n, const char *const *p, PGresult **out, tc_err *e)
{
    *out = tc_db_query(db, sql, n, p, e);
    return *out ? 0 : -1;
}

/* The URI buffer: the label and the issuer parameter each hold the issuer and the e-mail, every
 * byte of which may become %XX. */
#define URI_MAX 4096

int tc_twofa_provision(tc_db *db, tc_arena *a, const char *user_id, const char *workspace_id,
                       char **uri, tc_err *e)
{
    char reuse[16];
    snprintf(reuse, sizeof(reuse), "%d", TC_TWOFA_PENDING_REUSE_S);
    const char *p[] = {user_id, workspace_id, reuse};
    PGresult *r;
    /* The membership, the e-mail and display name for the URI, and the current method if any
     * (a deleted row still holds the (userWorkspaceId, strategy) key, so it is replaced). */
    if (query(db,
              "SELECT uw.\"id\", u.\"email\", coalesce(w.\"displayName\", ''),"
              " m.\"status\", m.\"secret\","
              " m.\"createdAt\" > now() - $3::int * interval '1 second'"
              " FROM \"userWorkspace\" uw"
              " JOIN \"user\" u ON u.\"id\" = uw.\"userId\""
              " JOIN \"workspace\" w ON w.\"id\" = uw.\"workspaceId\""
              " LEFT JOIN \"twoFactorAuthenticationMethod\" m ON m.\"userWorkspaceId\" = uw.\"id\""
              "  AND m.\"strategy\" = 'TOTP' AND m.\"deletedAt\" IS NULL"
              " WHERE uw.\"userId\" = $1::uuid AND uw.\"workspaceId\" = $2::uuid"
              " AND uw.\"deletedAt\" IS NULL",
              3, p, &r, e) < 0)
        return -1;
    if (PQntuples(r) == 0) {
        PQclear(r);
        return tc_err_set(e, TC_E_FORBIDDEN, "User is not a member of this workspace");
    }
    char user_workspace[TC_UUID_STR_LEN + 1], email[320], name[256];
    char secret[TC_TOTP_B32_LEN(TC_TOTP_SECRET_MAX_BYTES) + 1] = "";
    snprintf(user_workspace, sizeof(user_workspace), "%s", PQgetvalue(r, 0, 0));
    snprintf(email, sizeof(email), "%s", PQgetvalue(r, 0, 1));
    snprintf(name, sizeof(name), "%s", PQgetvalue(r, 0, 2));
    bool has_method = !PQgetisnull(r, 0, 3);
    bool verified = has_method && strcmp(PQgetvalue(r, 0, 3), "VERIFIED") == 0;
    bool fresh = has_method && strcmp(PQgetvalue(r, 0, 5), "t") == 0;
    if (has_method && !verified && fresh)
        snprintf(secret, sizeof(secret), "%s", PQgetvalue(r, 0, 4));
    PQclear(r);
    if (verified) {
        tc_err_set(e, TC_E_FORBIDDEN, TC_TWOFA_MSG_ALREADY_PROVISIONED);
        return -1;
    }
    if (!secret[0]) {
        if (tc_totp_secret(secret, sizeof(secret)) < 0)
            return tc_err_set(e, TC_E_INTERNAL, "OTP Auth URL missing");
        const char *q[] = {user_workspace, secret};
        /* The WHERE keeps a method verified meanwhile (by a concurrent request) as it is. */
        if (query(db,
                  "INSERT INTO \"twoFactorAuthenticationMethod\""
                  " (\"userWorkspaceId\", \"secret\", \"status\", \"strategy\")"
                  " VALUES ($1::uuid, $2, 'PENDING', 'TOTP')"
                  " ON CONFLICT (\"userWorkspaceId\", \"strategy\") DO UPDATE"
                  " SET \"secret\" = EXCLUDED.\"secret\", \"status\" = 'PENDING',"
                  " \"createdAt\" = now(), \"updatedAt\" = now(), \"deletedAt\" = NULL"
                  " WHERE \"twoFactorAuthenticationMethod\".\"status\" = 'PENDING'"
                  " OR \"twoFactorAuthenticationMethod\".\"deletedAt\" IS NOT NULL"
                  " RETURNING \"id\"",
                  2, q, &r, e) < 0)
            return -1;
        int stored = PQntuples(r);
        PQclear(r);
        if (!stored)
            return tc_err_set(e, TC_E_FORBIDDEN, TC_TWOFA_MSG_ALREADY_PROVISIONED);
    }
    char issuer[300];
    snprintf(issuer, sizeof(issuer), "%s%s%s", TC_TOTP_ISSUER, name[0] ? " - " : "", name);
    char *out = tc_arena_alloc(a, URI_MAX);
    if (tc_totp_uri(secret, email, issuer, out, URI_MAX) < 0)
        return tc_err_set(e, TC_E_INTERNAL, "OTP Auth URL missing");
    *uri = out;
    return 0;
}

int tc_twofa_validate(tc_db *db, const char *user_id, const char *workspace_id, const char *otp,
                      int64_t now_s, tc_err *e)
{
    const char *p[] = {user_id, workspace_id};
    PGresult *r;
    if (query(db,
              "SELECT m.\"id\", m.\"secret\" FROM \"twoFactorAuthenticationMethod\" m"
              " JOIN \"userWorkspace\" uw ON uw.\"id\" = m.\"userWorkspaceId\""
              " WHERE uw.\"userId\" = $1::uuid AND uw.\"workspaceId\" = $2::uuid"
              " AND uw.\"deletedAt\" IS NULL AND m.\"strategy\" = 'TOTP'"
              " AND m.\"deletedAt\" IS NULL",
              2, p, &r, e) < 0)
        return -1;
    if (PQntuples(r) == 0) {
        PQclear(r);
        tc_err_set(e, TC_E_FORBIDDEN, TC_TWOFA_MSG_NOT_FOUND);
        snprintf(e->reason, sizeof(e->reason), "INVALID_CONFIGURATION");
        return -1;
    }
    char id[TC_UUID_STR_LEN + 1];
    char secret[TC_TOTP_B32_LEN(TC_TOTP_SECRET_MAX_BYTES) + 1];
    snprintf(id, sizeof(id), "%s", PQgetvalue(r, 0, 0));
    snprintf(secret, sizeof(secret), "%s", PQgetvalue(r, 0, 1));
    PQclear(r);
    bool ok = tc_totp_verify(secret, otp ? otp : "", now_s, TC_TOTP_WINDOW);
    memset(secret, 0, sizeof(secret));
    if (!ok) {
        tc_err_set(e, TC_E_BAD_REQUEST, TC_TWOFA_MSG_INVALID_OTP);
        snprintf(e->reason, sizeof(e->reason), "INVALID_OTP");
        return -1;
    }
    const char *u[] = {id};
    if (query(db,
              "UPDATE \"twoFactorAuthenticationMethod\" SET \"status\" = 'VERIFIED',"
              " \"updatedAt\" = now() WHERE \"id\" = $1::uuid",
              1, u, &r, e) < 0)
        return -1;
    PQclear(r);
    return 0;
}

int tc_twofa_require(tc_db *db, const char *user_id, const char *workspace_id, tc_err *e)
{
    const char *p[] = {user_id, workspace_id};
    PGresult *r;
    if (query(db,
              "SELECT EXISTS (SELECT 1 FROM \"twoFactorAuthenticationMethod\" m"
              "  JOIN \"userWorkspace\" uw ON uw.\"id\" = m.\"userWorkspaceId\""
              "  WHERE uw.\"userId\" = $1::uuid AND uw.\"workspaceId\" = w.\"id\""
              "  AND uw.\"deletedAt\" IS NULL AND m.\"deletedAt\" IS NULL"
              "  AND m.\"status\" = 'VERIFIED'),"
              " w.\"isTwoFactorAuthenticationEnforced\""
              " FROM \"workspace\" w WHERE w.\"id\" = $2::uuid",
              2, p, &r, e) < 0)
        return -1;
    bool verified = PQntuples(r) > 0 && strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    bool enforced = PQntuples(r) > 0 && strcmp(PQgetvalue(r, 0, 1), "t") == 0;
    PQclear(r);
    if (verified) {
        tc_err_set(e, TC_E_UNAUTHENTICATED, TC_TWOFA_MSG_VERIFICATION_REQUIRED);
        snprintf(e->reason, sizeof(e->reason), "TWO_FACTOR_AUTHENTICATION_VERIFICATION_REQUIRED");
        return -1;
    }
    if (enforced) {
        tc_err_set(e, TC_E_UNAUTHENTICATED, TC_TWOFA_MSG_PROVISION_REQUIRED);
        snprintf(e->reason, sizeof(e->reason), "TWO_FACTOR_AUTHENTICATION_PROVISION_REQUIRED");
        return -1;
    }
    return 0;
}

int tc_twofa_delete(tc_db *db, const char *user_id, const char *workspace_id, const char *method_id,
                    tc_err *e)
{
    tc_uuid id;
    char canonical[TC_UUID_STR_LEN + 1];
    if (!method_id || tc_uuid_parse(method_id, strlen(method_id), &id) < 0) {
        tc_err_set(e, TC_E_BAD_REQUEST, "Two-factor authentication method not found");
        snprintf(e->reason, sizeof(e->reason), "INVALID_INPUT");
        return -1;
    }
    tc_uuid_format(&id, canonical);
    const char *p[] = {canonical, workspace_id, user_id};
    PGresult *r;
    /* Deleted only when it is the caller's; the row says which case it was. */
    if (query(db,
              "WITH m AS (SELECT m.\"id\", uw.\"userId\" = $3::uuid AS mine"
              "  FROM \"twoFactorAuthenticationMethod\" m"
              "  JOIN \"userWorkspace\" uw ON uw.\"id\" = m.\"userWorkspaceId\""
              "  WHERE m.\"id\" = $1::uuid AND uw.\"workspaceId\" = $2::uuid),"
              " d AS (DELETE FROM \"twoFactorAuthenticationMethod\" t USING m"
              "  WHERE t.\"id\" = m.\"id\" AND m.mine RETURNING t.\"id\")"
              " SELECT m.mine FROM m",
              3, p, &r, e) < 0)
        return -1;
    int found = PQntuples(r);
    bool mine = found && strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    PQclear(r);
    if (!found) {
        tc_err_set(e, TC_E_BAD_REQUEST, "Two-factor authentication method not found");
        snprintf(e->reason, sizeof(e->reason), "INVALID_INPUT");
        return -1;
    }
    if (!mine)
        return tc_err_set(e, TC_E_FORBIDDEN,
                          "You can only delete your own two-factor authentication methods");
    return 0;
}

int tc_twofa_list(tc_db *db, tc_arena *a, const char *user_id, const char *workspace_id,
                  tc_twofa_method **out, int *n, tc_err *e)
{
    const char *p[] = {user_id, workspace_id};
    PGresult *r;
    if (query(
            db,
            "SELECT m.\"id\", m.\"status\", m.\"strategy\" FROM \"twoFactorAuthenticationMethod\" m"
            " JOIN \"userWorkspace\" uw ON uw.\"id\" = m.\"userWorkspaceId\""
            " WHERE uw.\"userId\" = $1::uuid AND uw.\"workspaceId\" = $2::uuid"
            " AND uw.\"deletedAt\" IS NULL AND m.\"deletedAt\" IS NULL"
            " ORDER BY m.\"createdAt\", m.\"id\"",
            2, p, &r, e) < 0)
        return -1;
    *n = PQntuples(r);
    *out = tc_arena_alloc(a, sizeof(tc_twofa_method) * (size_t)(*n ? *n : 1));
    for (int i = 0; i < *n; i++) {
        tc_twofa_method *m = &(*out)[i];
        snprintf(m->id, sizeof(m->id), "%s", PQgetvalue(r, i, 0));
        snprintf(m->status, sizeof(m->status), "%s", PQgetvalue(r, i, 1));
        snprintf(m->strategy, sizeof(m->strategy), "%s", PQgetvalue(r, i, 2));
    }
    PQclear(r);
    return 0;
}
