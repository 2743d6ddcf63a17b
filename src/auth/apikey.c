/* API keys: rows, tokens, and resolving a request's principal (see apikey.h). */
#include "auth/apikey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/jwt.h"

#define HUNDRED_YEARS_S (100LL * 365 * 24 * 3600 + 25LL * 24 * 3600)

int tc_apikey_create(tc_db *db, tc_arena *a, const char *app_secret, const char *workspace_id,
                     const char *name, const char *role, int64_t expires_at, char **token,
                     char *id_out, tc_err *e)
{
    tc_uuid ws;
    if (tc_uuid_parse(workspace_id, strlen(workspace_id), &ws) < 0)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Invalid workspace id: %s", workspace_id);
    int64_t now = 0;
    PGresult *r = tc_db_query(db, "SELECT extract(epoch FROM now())::bigint", 0, NULL, e);
    if (!r)
        return -1;
    now = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    if (expires_at == 0)
        expires_at = now + HUNDRED_YEARS_S;
    char exp_text[32];
    snprintf(exp_text, sizeof(exp_text), "%lld", (long long)expires_at);
    const char *rp[] = {workspace_id, role};
    r = tc_db_query(db,
                    "SELECT r.\"id\" FROM \"role\" r WHERE r.\"workspaceId\" = $1::uuid"
                    " AND r.\"label\" = $2 AND r.\"canBeAssignedToApiKeys\"",
                    2, rp, e);
    if (!r)
        return -1;
    if (PQntuples(r) == 0) {
        PQclear(r);
        return tc_err_set(e, TC_E_NOT_FOUND, "Role %s not found in workspace %s", role,
                          workspace_id);
    }
    char role_id[TC_UUID_STR_LEN + 1];
    snprintf(role_id, sizeof(role_id), "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    /* The key and its role in one statement, so neither exists without the other. */
    const char *p[] = {workspace_id, name, exp_text, role_id};
    r = tc_db_query(db,
                    "WITH k AS (INSERT INTO \"apiKey\" (\"workspaceId\", \"name\", \"expiresAt\")"
                    " VALUES ($1::uuid, $2, to_timestamp($3::bigint)) RETURNING \"id\")"
                    " INSERT INTO \"roleTarget\" (\"roleId\", \"apiKeyId\", \"workspaceId\")"
                    " SELECT $4::uuid, k.\"id\", $1::uuid FROM k RETURNING \"apiKeyId\"",
                    4, p, e);
    if (!r)
        return -1;
    if (PQntuples(r) == 0) {
        PQclear(r);
        return tc_err_set(e, TC_E_INTERNAL, "API key not created");
    }
    snprintf(id_out, TC_UUID_STR_LEN + 1, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    tc_jwt_claims c;
    memset(&c, 0, sizeof(c));
    snprintf(c.type, sizeof(c.type), "API_KEY");
    snprintf(c.sub, sizeof(c.sub), "%s", workspace_id);
    snprintf(c.workspace_id, sizeof(c.workspace_id), "%s", workspace_id);
    snprintf(c.jti, sizeof(c.jti), "%s", id_out);
    c.iat = now;
    c.exp = expires_at;
    return tc_jwt_sign(a, &c, app_secret, token, e);
}

int tc_apikey_list(tc_db *db, const char *workspace_id, FILE *out, tc_err *e)
{
    tc_uuid ws;
    if (tc_uuid_parse(workspace_id, strlen(workspace_id), &ws) < 0)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Invalid workspace id: %s", workspace_id);
    const char *p[] = {workspace_id};
    PGresult *r = tc_db_query(
        db,
        "SELECT w.\"id\" IS NOT NULL, k.\"id\", k.\"name\", coalesce(r.\"label\", '-'),"
        " to_char(k.\"expiresAt\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
        " coalesce(to_char(k.\"revokedAt\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "'-')"
        " FROM (SELECT $1::uuid AS id) q LEFT JOIN \"workspace\" w ON w.\"id\" = q.\"id\""
        " LEFT JOIN \"apiKey\" k ON k.\"workspaceId\" = w.\"id\" AND k.\"deletedAt\" IS NULL"
        " LEFT JOIN \"roleTarget\" t ON t.\"apiKeyId\" = k.\"id\""
        " LEFT JOIN \"role\" r ON r.\"id\" = t.\"roleId\""
        " ORDER BY k.\"createdAt\" DESC, k.\"id\"",
        1, p, e);
    if (!r)
        return -1;
    int rc = 0;
    if (strcmp(PQgetvalue(r, 0, 0), "t") != 0) {
        rc = tc_err_set(e, TC_E_NOT_FOUND, "Workspace %s not found", workspace_id);
    } else {
        for (int i = 0; i < PQntuples(r); i++) {
            if (PQgetisnull(r, i, 1))
                continue; /* a workspace without keys */
            fprintf(out, "%s\t%s\t%s\t%s\t%s\n", PQgetvalue(r, i, 1), PQgetvalue(r, i, 2),
                    PQgetvalue(r, i, 3), PQgetvalue(r, i, 4), PQgetvalue(r, i, 5));
        }
    }
    PQclear(r);
    return rc;
}

int tc_apikey_revoke(tc_db *db, const char *id, tc_err *e)
{
    tc_uuid u;
    if (tc_uuid_parse(id, strlen(id), &u) < 0)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Invalid API key id: %s", id);
    const char *p[] = {id};
    PGresult *r =
        tc_db_query(db,
                    "UPDATE \"apiKey\" SET \"revokedAt\" = coalesce(\"revokedAt\", now()),"
                    " \"updatedAt\" = now() WHERE \"id\" = $1::uuid RETURNING \"id\"",
                    1, p, e);
    if (!r)
        return -1;
    int n = PQntuples(r);
    PQclear(r);
    return n ? 0 : tc_err_set(e, TC_E_NOT_FOUND, "API key %s not found", id);
}

/* A user's ACCESS token: the user must still be an active member of the token's workspace. */
static int user_principal(tc_db *db, const tc_jwt_claims *c, tc_principal *out, tc_err *e)
{
    if (!c->user_id[0] || !c->workspace_id[0])
        return tc_err_set(e, TC_E_UNAUTHENTICATED, "Token invalid.");
    const char *p[] = {c->user_id, c->workspace_id};
    PGresult *r = tc_db_query(
        db,
        "SELECT uw.\"id\", coalesce(r.\"id\"::text, ''),"
        " coalesce(r.\"canUpdateAllSettings\" OR EXISTS (SELECT 1 FROM \"permissionFlag\" f"
        " WHERE f.\"roleId\" = r.\"id\" AND f.\"flag\" = 'DATA_MODEL'), false)"
        " FROM \"userWorkspace\" uw JOIN \"user\" u ON u.\"id\" = uw.\"userId\""
        " AND u.\"deletedAt\" IS NULL AND NOT u.\"disabled\""
        " LEFT JOIN \"roleTarget\" t ON t.\"userWorkspaceId\" = uw.\"id\""
        " LEFT JOIN \"role\" r ON r.\"id\" = t.\"roleId\""
        " WHERE uw.\"userId\" = $1::uuid AND uw.\"workspaceId\" = $2::uuid AND uw.\"deletedAt\" IS "
        "NULL",
        2, p, e);
    if (!r)
        return -1;
    int rc = 0;
    if (PQntuples(r) == 0) {
        rc = tc_err_set(e, TC_E_UNAUTHENTICATED, "Token invalid.");
    } else {
        snprintf(out->workspace_id, sizeof(out->workspace_id), "%s", c->workspace_id);
        snprintf(out->user_id, sizeof(out->user_id), "%s", c->user_id);
        snprintf(out->user_workspace_id, sizeof(out->user_workspace_id), "%s", PQgetvalue(r, 0, 0));
        snprintf(out->role_id, sizeof(out->role_id), "%s", PQgetvalue(r, 0, 1));
        out->data_model = strcmp(PQgetvalue(r, 0, 2), "t") == 0;
    }
    PQclear(r);
    return rc;
}

int tc_principal_from_header(tc_db *db, const char *authorization, const char *app_secret,
                             int64_t now_s, tc_principal *out, tc_err *e)
{
    static const char bearer[] = "Bearer ";
    if (!authorization || strncmp(authorization, bearer, sizeof(bearer) - 1) != 0)
        return tc_err_set(e, TC_E_UNAUTHENTICATED, "Missing authentication token");
    tc_jwt_claims c;
    if (tc_jwt_verify(authorization + sizeof(bearer) - 1, app_secret, now_s, &c, e) < 0)
        return -1;
    memset(out, 0, sizeof(*out));
    out->token_exp = c.exp;
    if (strcmp(c.type, "ACCESS") == 0)
        return user_principal(db, &c, out, e);
    if (strcmp(c.type, "API_KEY") != 0 || !c.jti[0] || !c.workspace_id[0])
        return tc_err_set(e, TC_E_UNAUTHENTICATED, "Token invalid.");
    const char *p[] = {c.jti, c.workspace_id};
    /* The key, its role, and whether the role grants DATA_MODEL: the role's settings flag, or a
     * DATA_MODEL permission flag (spec datamodel §6). */
    PGresult *r = tc_db_query(
        db,
        "SELECT k.\"revokedAt\" IS NULL, k.\"expiresAt\" > now(), coalesce(r.\"id\"::text, ''),"
        " coalesce(r.\"canUpdateAllSettings\" OR EXISTS (SELECT 1 FROM \"permissionFlag\" f"
        " WHERE f.\"roleId\" = r.\"id\" AND f.\"flag\" = 'DATA_MODEL'), false)"
        " FROM \"apiKey\" k JOIN \"workspace\" w ON w.\"id\" = k.\"workspaceId\""
        " LEFT JOIN \"roleTarget\" t ON t.\"apiKeyId\" = k.\"id\""
        " LEFT JOIN \"role\" r ON r.\"id\" = t.\"roleId\""
        " WHERE k.\"id\" = $1::uuid AND k.\"workspaceId\" = $2::uuid AND k.\"deletedAt\" IS NULL",
        2, p, e);
    if (!r)
        return -1;
    int rc = 0;
    if (PQntuples(r) == 0)
        rc = tc_err_set(e, TC_E_UNAUTHENTICATED, "API key not found");
    else if (strcmp(PQgetvalue(r, 0, 0), "t") != 0)
        rc = tc_err_set(e, TC_E_FORBIDDEN, "This API Key is revoked");
    else if (strcmp(PQgetvalue(r, 0, 1), "t") != 0)
        rc = tc_err_set(e, TC_E_UNAUTHENTICATED, "This API Key has expired");
    if (rc == 0) {
        snprintf(out->workspace_id, sizeof(out->workspace_id), "%s", c.workspace_id);
        snprintf(out->api_key_id, sizeof(out->api_key_id), "%s", c.jti);
        snprintf(out->role_id, sizeof(out->role_id), "%s", PQgetvalue(r, 0, 2));
        out->data_model = strcmp(PQgetvalue(r, 0, 3), "t") == 0;
    }
    PQclear(r);
    return rc;
}
