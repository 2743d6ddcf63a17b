/* Custom roles and their assignment (see role.h). */
#include "auth/role.h"

#include <stdio.h>
#include <string.h>

static int check_uuid(const char *text, const char *what, tc_err *e)
{
    tc_uuid u;
    if (!text || tc_uuid_parse(text, strlen(text), &u) < 0)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Invalid %s id: %s", what, text ? text : "");
    return 0;
}

int tc_role_create(tc_db *db, const char *workspace_id, const char *label, const char *like,
                   char *id_out, tc_err *e)
{
    if (check_uuid(workspace_id, "workspace", e) < 0)
        return -1;
    if (!label[0])
        return tc_err_set(e, TC_E_BAD_REQUEST, "A role needs a label");
    const char *p[] = {workspace_id, label, like};
    PGresult *r = tc_db_query(
        db,
        "INSERT INTO \"role\" (\"label\", \"workspaceId\", \"canUpdateAllSettings\","
        " \"canAccessAllTools\", \"canReadAllObjectRecords\", \"canUpdateAllObjectRecords\","
        " \"canSoftDeleteAllObjectRecords\", \"canDestroyAllObjectRecords\", \"isEditable\")"
        " SELECT $2, r.\"workspaceId\", r.\"canUpdateAllSettings\", r.\"canAccessAllTools\","
        " r.\"canReadAllObjectRecords\", r.\"canUpdateAllObjectRecords\","
        " r.\"canSoftDeleteAllObjectRecords\", r.\"canDestroyAllObjectRecords\", true"
        " FROM \"role\" r WHERE r.\"workspaceId\" = $1::uuid AND r.\"label\" = $3 RETURNING \"id\"",
        3, p, e);
    if (!r) {
        if (e->code == TC_E_CONFLICT)
            tc_err_set(e, TC_E_CONFLICT, "A role labelled %s already exists", label);
        return -1;
    }
    int n = PQntuples(r);
    if (n)
        snprintf(id_out, TC_UUID_STR_LEN + 1, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    return n ? 0
             : tc_err_set(e, TC_E_NOT_FOUND, "Role %s not found in workspace %s", like,
                          workspace_id);
}

/* One statement: find the role and the target, check the role may be given to it, and move
 * the target's roleTarget to it (or add one). Columns: role found, target found, assignable. */
static const char assign_sql[] =
    "WITH r AS (SELECT \"id\", CASE WHEN $3::text IS NOT NULL THEN \"canBeAssignedToUsers\""
    "  ELSE \"canBeAssignedToApiKeys\" END AS ok"
    "  FROM \"role\" WHERE \"workspaceId\" = $1::uuid AND \"label\" = $2),"
    " uw AS (SELECT uw.\"id\" FROM \"userWorkspace\" uw JOIN \"user\" u ON u.\"id\" = uw.\"userId\""
    "  WHERE uw.\"workspaceId\" = $1::uuid AND lower(u.\"email\") = lower($3)"
    "  AND uw.\"deletedAt\" IS NULL AND u.\"deletedAt\" IS NULL),"
    " k AS (SELECT \"id\" FROM \"apiKey\" WHERE \"workspaceId\" = $1::uuid AND \"id\" = $4::uuid"
    "  AND \"deletedAt\" IS NULL),"
    " moved AS (UPDATE \"roleTarget\" t SET \"roleId\" = r.\"id\", \"updatedAt\" = now() FROM r"
    "  WHERE r.ok AND t.\"workspaceId\" = $1::uuid AND (t.\"userWorkspaceId\" IN (SELECT \"id\" "
    "FROM uw)"
    "  OR t.\"apiKeyId\" IN (SELECT \"id\" FROM k)) RETURNING 1),"
    " added AS (INSERT INTO \"roleTarget\" (\"roleId\", \"userWorkspaceId\", \"apiKeyId\","
    "  \"workspaceId\") SELECT r.\"id\", (SELECT \"id\" FROM uw), (SELECT \"id\" FROM k), $1::uuid"
    "  FROM r WHERE r.ok AND EXISTS (SELECT 1 FROM uw UNION ALL SELECT 1 FROM k)"
    "  AND NOT EXISTS (SELECT 1 FROM moved) RETURNING 1)"
    " SELECT EXISTS (SELECT 1 FROM r), EXISTS (SELECT 1 FROM uw UNION ALL SELECT 1 FROM k),"
    " coalesce((SELECT ok FROM r), false), (SELECT count(*) FROM added)";

int tc_role_assign(tc_db *db, const char *workspace_id, const char *role, const char *user_email,
                   const char *api_key_id, tc_err *e)
{
    if (check_uuid(workspace_id, "workspace", e) < 0 ||
        (!user_email && check_uuid(api_key_id, "API key", e) < 0))
        return -1;
    const char *p[] = {workspace_id, role, user_email, user_email ? NULL : api_key_id};
    PGresult *r = tc_db_query(db, assign_sql, 4, p, e);
    if (!r)
        return -1;
    bool role_found = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    bool target_found = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
    bool assignable = strcmp(PQgetvalue(r, 0, 2), "t") == 0;
    PQclear(r);
    const char *target = user_email ? user_email : api_key_id;
    if (!role_found)
        return tc_err_set(e, TC_E_NOT_FOUND, "Role %s not found in workspace %s", role,
                          workspace_id);
    if (!target_found)
        return tc_err_set(e, TC_E_NOT_FOUND, "%s %s not found in workspace %s",
                          user_email ? "Member" : "API key", target, workspace_id);
    if (!assignable)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Role %s cannot be assigned to %s", role,
                          user_email ? "users" : "API keys");
    return 0;
}
