/* Sign-in, tokens, rotation (see session.h). */
#include "auth/session.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/jwt.h"
#include "auth/twofa.h"
#include "db/sql.h"

static int query(tc_db *db, const char *sql, int n, const char *const *p, PGresult **out, tc_err *e)
{
    *out = tc_db_query(db, sql, n, p, e);
    return *out ? 0 : -1;
}

/* "http://apple.localhost:3000" -> "apple": the first label of the host, when the host has more
 * than one. Empty when there is none. */
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

static void lower_trimmed(const char *in, char *out, size_t n)
{
    size_t o = 0;
    for (const char *p = in ? in : ""; *p && o + 1 < n; p++) {
        if (!isspace((unsigned char)*p))
            out[o++] = (char)tolower((unsigned char)*p);
    }
    out[o] = '\0';
}

static int sign(tc_arena *a, const tc_session_config *cfg, tc_jwt_claims *c, int64_t ttl,
                tc_auth_token *out, tc_err *e)
{
    c->iat = (int64_t)time(NULL);
    c->exp = c->iat + ttl;
    out->expires_at = c->exp;
    return tc_jwt_sign(a, c, cfg->app_secret, &out->token, e);
}

int tc_session_login(tc_db *db, tc_arena *a, const tc_session_config *cfg, const char *email,
                     const char *password, const char *origin, tc_auth_token *out, tc_err *e)
{
    char mail[256], sub[64]; /* an e-mail address is at most 254 bytes */
    lower_trimmed(email, mail, sizeof(mail));
    origin_subdomain(origin, sub, sizeof(sub));
    const char *p[] = {mail, sub};
    PGresult *r;
    /* The user's hash and the workspace to log into: the origin's if the user is a member of
     * it, else the first one joined. */
    if (query(db,
              "SELECT u.\"passwordHash\", (SELECT uw.\"workspaceId\" FROM \"userWorkspace\" uw"
              "  JOIN \"workspace\" w ON w.\"id\" = uw.\"workspaceId\""
              "  WHERE uw.\"userId\" = u.\"id\" AND uw.\"deletedAt\" IS NULL"
              "  ORDER BY (w.\"subdomain\" = $2) DESC, uw.\"createdAt\" LIMIT 1)"
              " FROM \"user\" u WHERE u.\"email\" = $1 AND u.\"deletedAt\" IS NULL"
              " AND NOT u.\"disabled\"",
              2, p, &r, e) < 0)
        return -1;
    bool found = PQntuples(r) > 0 && !PQgetisnull(r, 0, 0);
    char hash[128], workspace[TC_UUID_STR_LEN + 1] = "";
    snprintf(hash, sizeof(hash), "%s", found ? PQgetvalue(r, 0, 0) : tc_password_dummy_hash());
    if (found && !PQgetisnull(r, 0, 1))
        snprintf(workspace, sizeof(workspace), "%s", PQgetvalue(r, 0, 1));
    PQclear(r);
    /* The same bcrypt work whether or not the user exists. */
    bool ok = false;
    if (tc_password_pool_verify(cfg->passwords, password ? password : "", hash, &ok, e) < 0)
        return -1;
    if (!found || !ok || !workspace[0])
        return tc_err_set(e, TC_E_FORBIDDEN, TC_PASSWORD_MSG_WRONG);
    return tc_session_login_token(a, cfg, mail, workspace, out, e);
}

int tc_session_login_token(tc_arena *a, const tc_session_config *cfg, const char *email,
                           const char *workspace_id, tc_auth_token *out, tc_err *e)
{
    tc_jwt_claims c;
    memset(&c, 0, sizeof(c));
    snprintf(c.type, sizeof(c.type), "LOGIN");
    snprintf(c.sub, sizeof(c.sub), "%s", email);
    snprintf(c.workspace_id, sizeof(c.workspace_id), "%s", workspace_id);
    snprintf(c.auth_provider, sizeof(c.auth_provider), "password");
    return sign(a, cfg, &c, TC_LOGIN_TOKEN_TTL_S, out, e);
}

/* Issues the pair for user_id in workspace: a REFRESH appToken row, then both JWTs. */
static int issue_pair(tc_db *db, tc_arena *a, const tc_session_config *cfg, const char *user_id,
                      const char *workspace, tc_token_pair *out, tc_err *e)
{
    const char *p[] = {user_id, workspace};
    PGresult *r;
    if (query(db,
              "SELECT uw.\"id\", w.\"databaseSchema\" FROM \"userWorkspace\" uw"
              " JOIN \"workspace\" w ON w.\"id\" = uw.\"workspaceId\""
              " WHERE uw.\"userId\" = $1::uuid AND uw.\"workspaceId\" = $2::uuid"
              " AND uw.\"deletedAt\" IS NULL",
              2, p, &r, e) < 0)
        return -1;
    if (PQntuples(r) == 0) {
        PQclear(r);
        return tc_err_set(e, TC_E_FORBIDDEN, "User is not a member of this workspace");
    }
    char user_workspace[TC_UUID_STR_LEN + 1], schema[128];
    snprintf(user_workspace, sizeof(user_workspace), "%s", PQgetvalue(r, 0, 0));
    snprintf(schema, sizeof(schema), "%s", PQgetvalue(r, 0, 1));
    PQclear(r);
    /* The member record's id, from the workspace schema the workspace row names. */
    tc_sql q;
    tc_sql_init(&q, 512);
    tc_sql_add(&q, "SELECT \"id\" FROM ");
    tc_sql_ident(&q, schema);
    tc_sql_add(&q, ".\"workspaceMember\" WHERE \"userId\" = ");
    tc_sql_param(&q, user_id);
    tc_sql_add(&q, "::uuid AND \"deletedAt\" IS NULL LIMIT 1");
    int rc = query(db, tc_sql_text(&q), q.nparams, q.params, &r, e);
    tc_sql_fini(&q);
    if (rc < 0)
        return -1;
    char member[TC_UUID_STR_LEN + 1] = "";
    if (PQntuples(r) > 0)
        snprintf(member, sizeof(member), "%s", PQgetvalue(r, 0, 0));
    PQclear(r);

    char ttl[32];
    snprintf(ttl, sizeof(ttl), "%lld", (long long)cfg->refresh_ttl_s);
    const char *t[] = {user_id, workspace, ttl};
    if (query(db,
              "INSERT INTO \"appToken\" (\"userId\", \"workspaceId\", \"type\", \"expiresAt\")"
              " VALUES ($1::uuid, $2::uuid, 'REFRESH_TOKEN', now() + $3::bigint * interval '1 "
              "second')"
              " RETURNING \"id\"",
              3, t, &r, e) < 0)
        return -1;
    tc_jwt_claims c;
    memset(&c, 0, sizeof(c));
    snprintf(c.type, sizeof(c.type), "REFRESH");
    snprintf(c.sub, sizeof(c.sub), "%s", user_id);
    snprintf(c.user_id, sizeof(c.user_id), "%s", user_id);
    snprintf(c.workspace_id, sizeof(c.workspace_id), "%s", workspace);
    snprintf(c.jti, sizeof(c.jti), "%s", PQgetvalue(r, 0, 0));
    snprintf(c.auth_provider, sizeof(c.auth_provider), "password");
    snprintf(c.targeted_token_type, sizeof(c.targeted_token_type), "ACCESS");
    PQclear(r);
    if (sign(a, cfg, &c, cfg->refresh_ttl_s, &out->refresh, e) < 0)
        return -1;
    memset(&c, 0, sizeof(c));
    snprintf(c.type, sizeof(c.type), "ACCESS");
    snprintf(c.sub, sizeof(c.sub), "%s", user_id);
    snprintf(c.user_id, sizeof(c.user_id), "%s", user_id);
    snprintf(c.workspace_id, sizeof(c.workspace_id), "%s", workspace);
    snprintf(c.workspace_member_id, sizeof(c.workspace_member_id), "%s", member);
    snprintf(c.user_workspace_id, sizeof(c.user_workspace_id), "%s", user_workspace);
    snprintf(c.auth_provider, sizeof(c.auth_provider), "password");
    return sign(a, cfg, &c, cfg->access_ttl_s, &out->access, e);
}

/* The user and workspace of a LOGIN token (whose workspace must be the origin's, when an origin
 * is given). user_id: TC_UUID_STR_LEN + 1 bytes; c receives the token's claims. */
static int login_subject(tc_db *db, const tc_session_config *cfg, const char *login_token,
                         const char *origin, tc_jwt_claims *c, char *user_id, tc_err *e)
{
    if (tc_jwt_verify(login_token ? login_token : "", cfg->app_secret, time(NULL), c, e) < 0)
        return -1;
    if (strcmp(c->type, "LOGIN") != 0 || !c->workspace_id[0])
        return tc_err_set(e, TC_E_UNAUTHENTICATED, TC_JWT_MSG_INVALID);
    char sub[64];
    origin_subdomain(origin, sub, sizeof(sub));
    const char *p[] = {c->sub, c->workspace_id, sub};
    PGresult *r;
    if (query(db,
              "SELECT u.\"id\", w.\"subdomain\" = $3 OR $3 = '' FROM \"user\" u, \"workspace\" w"
              " WHERE u.\"email\" = $1 AND u.\"deletedAt\" IS NULL AND w.\"id\" = $2::uuid",
              3, p, &r, e) < 0)
        return -1;
    if (PQntuples(r) == 0 || strcmp(PQgetvalue(r, 0, 1), "t") != 0) {
        bool mismatch = PQntuples(r) > 0;
        PQclear(r);
        return tc_err_set(e, mismatch ? TC_E_FORBIDDEN : TC_E_UNAUTHENTICATED,
                          mismatch ? "Token is not valid for this workspace" : TC_JWT_MSG_INVALID);
    }
    snprintf(user_id, TC_UUID_STR_LEN + 1, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    return 0;
}

int tc_session_tokens(tc_db *db, tc_arena *a, const tc_session_config *cfg, const char *login_token,
                      const char *origin, tc_token_pair *out, tc_err *e)
{
    tc_jwt_claims c;
    char user_id[TC_UUID_STR_LEN + 1];
    if (login_subject(db, cfg, login_token, origin, &c, user_id, e) < 0 ||
        tc_twofa_require(db, user_id, c.workspace_id, e) < 0)
        return -1;
    return issue_pair(db, a, cfg, user_id, c.workspace_id, out, e);
}

int tc_session_tokens_otp(tc_db *db, tc_arena *a, const tc_session_config *cfg,
                          const char *login_token, const char *otp, const char *origin,
                          tc_token_pair *out, tc_err *e)
{
    tc_jwt_claims c;
    char user_id[TC_UUID_STR_LEN + 1];
    if (login_subject(db, cfg, login_token, origin, &c, user_id, e) < 0 ||
        tc_twofa_validate(db, user_id, c.workspace_id, otp, time(NULL), e) < 0)
        return -1;
    return issue_pair(db, a, cfg, user_id, c.workspace_id, out, e);
}

int tc_session_provision_otp(tc_db *db, tc_arena *a, const tc_session_config *cfg,
                             const char *login_token, const char *origin, char **uri, tc_err *e)
{
    tc_jwt_claims c;
    char user_id[TC_UUID_STR_LEN + 1];
    if (login_subject(db, cfg, login_token, origin, &c, user_id, e) < 0)
        return -1;
    return tc_twofa_provision(db, a, user_id, c.workspace_id, uri, e);
}

int tc_session_refresh(tc_db *db, tc_arena *a, const tc_session_config *cfg,
                       const char *refresh_token, tc_token_pair *out, tc_err *e)
{
    tc_jwt_claims c;
    if (tc_jwt_verify(refresh_token ? refresh_token : "", cfg->app_secret, time(NULL), &c, e) < 0)
        return -1;
    if (strcmp(c.type, "REFRESH") != 0 || !c.jti[0] || !c.user_id[0] || !c.workspace_id[0])
        return tc_err_set(e, TC_E_UNAUTHENTICATED, TC_JWT_MSG_INVALID);
    char cool[16];
    snprintf(cool, sizeof(cool), "%d", TC_REFRESH_COOL_DOWN_S);
    const char *p[] = {c.jti, c.user_id, cool};
    PGresult *r;
    /* Revoke the token (if it was not already) and say whether it had been revoked before the
     * cool-down: the one statement both checks and rotates, so two renewals cannot both pass. */
    if (query(db,
              "WITH t AS (SELECT \"id\", \"revokedAt\", \"expiresAt\" FROM \"appToken\""
              "  WHERE \"id\" = $1::uuid AND \"userId\" = $2::uuid AND \"type\" = 'REFRESH_TOKEN'"
              "  AND \"deletedAt\" IS NULL FOR UPDATE)"
              " UPDATE \"appToken\" a SET \"revokedAt\" = coalesce(t.\"revokedAt\", now())"
              " FROM t WHERE a.\"id\" = t.\"id\""
              " RETURNING t.\"revokedAt\" IS NOT NULL"
              "  AND t.\"revokedAt\" < now() - $3::int * interval '1 second',"
              "  t.\"expiresAt\" > now()",
              3, p, &r, e) < 0)
        return -1;
    if (PQntuples(r) == 0) {
        PQclear(r);
        return tc_err_set(e, TC_E_UNAUTHENTICATED, TC_JWT_MSG_INVALID);
    }
    bool reused = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    bool live = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
    PQclear(r);
    if (reused) {
        /* Every refresh token of the user, stamped as revoked before the cool-down, so that
         * the newest one is refused as reuse too (a token revoked by rotation stays usable for
         * the cool-down, for concurrent renewals). */
        const char *u[] = {c.user_id, cool};
        if (query(db,
                  "UPDATE \"appToken\" SET \"revokedAt\" = now() - ($2::int + 1) * interval '1 "
                  "second'"
                  " WHERE \"userId\" = $1::uuid AND \"type\" = 'REFRESH_TOKEN'"
                  " AND (\"revokedAt\" IS NULL OR \"revokedAt\" > now() - $2::int * interval '1 "
                  "second')",
                  2, u, &r, e) < 0)
            return -1;
        PQclear(r);
        return tc_err_set(e, TC_E_FORBIDDEN,
                          "Suspicious activity detected, this refresh token has been revoked. All "
                          "tokens have been revoked.");
    }
    if (!live)
        return tc_err_set(e, TC_E_UNAUTHENTICATED, TC_JWT_MSG_EXPIRED);
    return issue_pair(db, a, cfg, c.user_id, c.workspace_id, out, e);
}

int tc_session_logout(tc_db *db, const tc_session_config *cfg, const char *refresh_token, tc_err *e)
{
    tc_jwt_claims c;
    if (tc_jwt_verify(refresh_token ? refresh_token : "", cfg->app_secret, time(NULL), &c, e) < 0)
        return -1;
    if (strcmp(c.type, "REFRESH") != 0 || !c.jti[0])
        return tc_err_set(e, TC_E_UNAUTHENTICATED, TC_JWT_MSG_INVALID);
    const char *p[] = {c.jti};
    PGresult *r;
    if (query(db,
              /* Deleted, not only revoked: a revoked token stays renewable for the cool-down. */
              "UPDATE \"appToken\" SET \"revokedAt\" = coalesce(\"revokedAt\", now()), "
              "\"deletedAt\" = now()"
              " WHERE \"id\" = $1::uuid AND \"type\" = 'REFRESH_TOKEN'",
              1, p, &r, e) < 0)
        return -1;
    PQclear(r);
    return 0;
}
