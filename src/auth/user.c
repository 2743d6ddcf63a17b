/* Users and their workspace memberships (see user.h). */
#include "auth/user.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "auth/password.h"
#include "db/sql.h"

static int exec(tc_db *db, const char *sql, int n, const char *const *p, PGresult **out, tc_err *e)
{
    PGresult *r = tc_db_query(db, sql, n, p, e);
    if (!r)
        return -1;
    if (out)
        *out = r;
    else
        PQclear(r);
    return 0;
}

static int add_user(tc_db *db, const tc_user_new *u, tc_password_pool *passwords, const char *email,
                    char *id, tc_err *e)
{
    const char *p[] = {email};
    PGresult *r = NULL;
    if (exec(db,
             "SELECT \"id\", coalesce(\"passwordHash\", '') FROM \"user\""
             " WHERE \"email\" = $1 AND \"deletedAt\" IS NULL",
             1, p, &r, e) < 0)
        return -1;
    if (PQntuples(r) > 0) {
        char stored[128];
        snprintf(stored, sizeof(stored), "%s", PQgetvalue(r, 0, 1));
        snprintf(id, TC_UUID_STR_LEN + 1, "%s", PQgetvalue(r, 0, 0));
        PQclear(r);
        bool ok = false;
        if (!passwords)
            ok = tc_password_verify(u->password, stored);
        else if (tc_password_pool_verify(passwords, u->password, stored, &ok, e) < 0)
            return -1;
        return ok ? 0 : tc_err_set(e, TC_E_FORBIDDEN, TC_PASSWORD_MSG_WRONG);
    }
    PQclear(r);
    char hash[TC_PASSWORD_HASH_LEN + 1];
    if ((passwords ? tc_password_pool_hash(passwords, u->password, hash, sizeof(hash), e)
                   : tc_password_hash(u->password, hash, sizeof(hash), e)) < 0)
        return -1;
    const char *q[] = {email, hash, u->first_name ? u->first_name : "",
                       u->last_name ? u->last_name : ""};
    if (exec(db,
             "INSERT INTO \"user\" (\"email\", \"passwordHash\", \"firstName\", \"lastName\","
             " \"isEmailVerified\") VALUES ($1, $2, $3, $4, true) RETURNING \"id\"",
             4, q, &r, e) < 0)
        return -1;
    snprintf(id, TC_UUID_STR_LEN + 1, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    return 0;
}

static int add_membership(tc_db *db, const tc_user_new *u, const char *role_id_in,
                          const char *email, const char *user_id, tc_err *e)
{
    /* The role by id when given, else by label. */
    const char *p[] = {u->workspace_id, role_id_in ? "" : u->role, role_id_in ? role_id_in : ""};
    PGresult *r = NULL;
    if (exec(db,
             "SELECT w.\"databaseSchema\", r.\"id\" FROM \"workspace\" w LEFT JOIN \"role\" r"
             " ON r.\"workspaceId\" = w.\"id\" AND r.\"canBeAssignedToUsers\""
             " AND (r.\"label\" = $2 OR r.\"id\" = nullif($3, '')::uuid)"
             " WHERE w.\"id\" = $1::uuid",
             3, p, &r, e) < 0)
        return -1;
    if (PQntuples(r) == 0 || PQgetisnull(r, 0, 1)) {
        int missing_workspace = PQntuples(r) == 0;
        PQclear(r);
        return missing_workspace
                   ? tc_err_set(e, TC_E_NOT_FOUND, "Workspace %s not found", u->workspace_id)
                   : tc_err_set(e, TC_E_NOT_FOUND, "Role %s not found in workspace %s",
                                role_id_in ? role_id_in : u->role, u->workspace_id);
    }
    char schema[128], role_id[TC_UUID_STR_LEN + 1];
    snprintf(schema, sizeof(schema), "%s", PQgetvalue(r, 0, 0));
    snprintf(role_id, sizeof(role_id), "%s", PQgetvalue(r, 0, 1));
    PQclear(r);
    const char *m[] = {user_id, u->workspace_id, role_id};
    if (exec(db,
             "WITH uw AS (INSERT INTO \"userWorkspace\" (\"userId\", \"workspaceId\")"
             " VALUES ($1::uuid, $2::uuid) RETURNING \"id\")"
             " INSERT INTO \"roleTarget\" (\"roleId\", \"userWorkspaceId\", \"workspaceId\")"
             " SELECT $3::uuid, uw.\"id\", $2::uuid FROM uw",
             3, m, NULL, e) < 0) {
        if (strcmp(e->sqlstate, "23505") == 0)
            tc_err_set(e, TC_E_CONFLICT, "The user is already a member of this workspace");
        return -1;
    }
    /* The workspaceMember record in the workspace schema (named from the row: a schema the
     * workspace row names, quoted by the SQL builder). */
    tc_sql q;
    tc_sql_init(&q, 1024);
    tc_sql_add(&q, "INSERT INTO ");
    tc_sql_ident(&q, schema);
    tc_sql_add(&q, ".\"workspaceMember\" (\"nameFirstName\", \"nameLastName\", \"userEmail\","
                   " \"userId\") VALUES (");
    tc_sql_param(&q, u->first_name ? u->first_name : "");
    tc_sql_add(&q, ", ");
    tc_sql_param(&q, u->last_name ? u->last_name : "");
    tc_sql_add(&q, ", ");
    tc_sql_param(&q, email);
    tc_sql_add(&q, ", ");
    tc_sql_param(&q, user_id);
    tc_sql_add(&q, "::uuid)");
    int rc = exec(db, tc_sql_text(&q), q.nparams, q.params, NULL, e);
    tc_sql_fini(&q);
    return rc;
}

int tc_user_create(tc_db *db, const tc_user_new *u, char *id_out, tc_err *e)
{
    return tc_user_create_in(db, u, NULL, NULL, id_out, e);
}

int tc_user_create_in(tc_db *db, const tc_user_new *u, const char *role_id,
                      tc_password_pool *passwords, char *id_out, tc_err *e)
{
    if (tc_password_check(u->password, e) < 0)
        return -1;
    /* Twenty stores e-mail addresses lower-cased and trimmed. */
    char email[320];
    size_t n = 0;
    for (const char *p = u->email; *p && n + 1 < sizeof(email); p++) {
        if (!isspace((unsigned char)*p))
            email[n++] = (char)tolower((unsigned char)*p);
    }
    email[n] = '\0';
    if (!n || !strchr(email, '@'))
        return tc_err_set(e, TC_E_BAD_REQUEST, "Invalid email: %s", u->email);
    if (tc_db_exec(db, "BEGIN", e) < 0)
        return -1;
    if (add_user(db, u, passwords, email, id_out, e) < 0 ||
        add_membership(db, u, role_id, email, id_out, e) < 0 || tc_db_exec(db, "COMMIT", e) < 0) {
        tc_db_exec(db, "ROLLBACK", NULL);
        return -1;
    }
    return 0;
}
