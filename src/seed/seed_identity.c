/* The seed's identities, in one transaction: the "Object-restricted" role of Apple with its
 * object and field permissions, the four users (Twenty's bcrypt hash stored as is), their
 * userWorkspaces and role targets in both workspaces, their workspaceMember records, and
 * Twenty's test API key with the Admin role. Every insert skips rows that exist. */
#include "seed/seed_int.h"

#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "db/sql.h"
#include "meta/names.h"

/* The password of every seed user is tim@apple.dev; this is the hash Twenty's seed stores. */
#define SEED_PASSWORD_HASH "$2b$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6"
#define SEED_API_KEY_ID "20202020-f401-4d8a-a731-64d007c27bad"
#define RESTRICTED_ROLE "Object-restricted"

/* Twenty's DevSeederPermissionsService: every permission, then pet read-only, rocket not
 * readable, person.city not updatable, company.linkedinLink neither readable nor updatable. */
static int seed_restricted_role(tc_db *db, tc_seed_report *r, tc_err *e)
{
    const char *p[] = {SEED_APPLE_ID, RESTRICTED_ROLE};
    if (tc_seed_run(
            db,
            "INSERT INTO \"role\" (\"label\", \"description\", \"icon\", \"canUpdateAllSettings\","
            " \"canAccessAllTools\", \"canReadAllObjectRecords\", \"canUpdateAllObjectRecords\","
            " \"canSoftDeleteAllObjectRecords\", \"canDestroyAllObjectRecords\", \"workspaceId\")"
            " VALUES ($2, 'All permissions except read on Rockets and update on Pets', 'custom',"
            " true, true, true, true, true, true, $1::uuid)"
            " ON CONFLICT (\"label\", \"workspaceId\") DO NOTHING",
            2, p, &r->roles, e) < 0)
        return -1;
    if (tc_seed_run(
            db,
            "INSERT INTO \"objectPermission\" (\"roleId\", \"objectMetadataId\","
            " \"canReadObjectRecords\", \"canUpdateObjectRecords\", \"canSoftDeleteObjectRecords\","
            " \"canDestroyObjectRecords\", \"workspaceId\")"
            " SELECT ro.\"id\", o.\"id\", x.rd, x.up, x.sd, x.ds, ro.\"workspaceId\""
            " FROM (VALUES ('pet', true, false, false, false),"
            " ('rocket', false, false, false, false)) AS x(object, rd, up, sd, ds)"
            " JOIN \"objectMetadata\" o ON o.\"workspaceId\" = $1::uuid"
            " AND o.\"nameSingular\" = x.object"
            " JOIN \"role\" ro ON ro.\"workspaceId\" = $1::uuid AND ro.\"label\" = $2"
            " ON CONFLICT DO NOTHING",
            2, p, &r->permissions, e) < 0)
        return -1;
    return tc_seed_run(
        db,
        "INSERT INTO \"fieldPermission\" (\"roleId\", \"objectMetadataId\", \"fieldMetadataId\","
        " \"canReadFieldValue\", \"canUpdateFieldValue\", \"workspaceId\")"
        " SELECT ro.\"id\", o.\"id\", f.\"id\", x.rd, x.up, ro.\"workspaceId\""
        " FROM (VALUES ('person', 'city', NULL::boolean, false),"
        " ('company', 'linkedinLink', false, false)) AS x(object, field, rd, up)"
        " JOIN \"objectMetadata\" o ON o.\"workspaceId\" = $1::uuid"
        " AND o.\"nameSingular\" = x.object"
        " JOIN \"fieldMetadata\" f ON f.\"objectMetadataId\" = o.\"id\" AND f.\"name\" = x.field"
        " JOIN \"role\" ro ON ro.\"workspaceId\" = $1::uuid AND ro.\"label\" = $2"
        " ON CONFLICT DO NOTHING",
        2, p, &r->permissions, e);
}

static int seed_users(tc_db *db, tc_seed_report *r, tc_err *e)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 1 << 16);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    for (size_t i = 0; i < 4; i++) {
        const seed_user *u = &tc_seed_users[i];
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "id", u->id);
        tc_json_kv_str(&j, "firstName", u->first);
        tc_json_kv_str(&j, "lastName", u->last);
        tc_json_kv_str(&j, "email", u->email);
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    const char *p[] = {tc_buf_cstr(&b), SEED_PASSWORD_HASH};
    int rc = tc_seed_run(
        db,
        "INSERT INTO \"user\" (\"id\", \"firstName\", \"lastName\", \"email\", \"passwordHash\","
        " \"isEmailVerified\", \"canImpersonate\", \"canAccessFullAdminPanel\")"
        " SELECT x.\"id\", x.\"firstName\", x.\"lastName\", x.\"email\", $2, true, true, true"
        " FROM jsonb_to_recordset($1::jsonb)"
        " AS x(\"id\" uuid, \"firstName\" text, \"lastName\" text, \"email\" text)"
        " ON CONFLICT DO NOTHING",
        2, p, &r->users, e);
    PGresult *res = NULL;
    if (rc == 0) {
        /* An e-mail taken by a user with another id would leave the seed's user missing. */
        res = tc_db_query(db,
                          "SELECT x.\"email\" FROM jsonb_to_recordset($1::jsonb)"
                          " AS x(\"id\" uuid, \"email\" text)"
                          " WHERE NOT EXISTS (SELECT 1 FROM \"user\" u WHERE u.\"id\" = x.\"id\")",
                          1, p, e);
        if (!res)
            rc = -1;
        else if (PQntuples(res) > 0)
            rc = tc_err_set(e, TC_E_CONFLICT, "A user %s exists with an id other than Twenty's",
                            PQgetvalue(res, 0, 0));
    }
    PQclear(res);
    tc_buf_fini(&b);
    return rc;
}

/* The userWorkspaces and their role targets, both workspaces; a membership that exists keeps
 * the role it has. */
static int seed_memberships(tc_db *db, tc_seed_report *r, tc_err *e)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 1 << 16);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    for (size_t i = 0; i < 8; i++) {
        const seed_user *u = &tc_seed_users[i / 2];
        bool apple = i % 2 == 0;
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "id", apple ? u->apple_uw : u->yc_uw);
        tc_json_kv_str(&j, "userId", u->id);
        tc_json_kv_str(&j, "workspaceId", apple ? SEED_APPLE_ID : SEED_YC_ID);
        tc_json_kv_str(&j, "role", apple ? u->apple_role : u->yc_role);
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    const char *p[] = {tc_buf_cstr(&b)};
    int rc = tc_seed_run(db,
                         "INSERT INTO \"userWorkspace\" (\"id\", \"userId\", \"workspaceId\")"
                         " SELECT x.\"id\", x.\"userId\", x.\"workspaceId\""
                         " FROM jsonb_to_recordset($1::jsonb)"
                         " AS x(\"id\" uuid, \"userId\" uuid, \"workspaceId\" uuid)"
                         " ON CONFLICT DO NOTHING",
                         1, p, &r->memberships, e);
    if (rc == 0)
        rc = tc_seed_run(
            db,
            "INSERT INTO \"roleTarget\" (\"roleId\", \"userWorkspaceId\", \"workspaceId\")"
            " SELECT ro.\"id\", x.\"id\", x.\"workspaceId\" FROM jsonb_to_recordset($1::jsonb)"
            " AS x(\"id\" uuid, \"workspaceId\" uuid, \"role\" text)"
            " JOIN \"role\" ro ON ro.\"workspaceId\" = x.\"workspaceId\" AND ro.\"label\" = "
            "x.\"role\""
            " JOIN \"userWorkspace\" uw ON uw.\"id\" = x.\"id\""
            " ON CONFLICT DO NOTHING",
            1, p, NULL, e);
    tc_buf_fini(&b);
    return rc;
}

/* The workspaceMember records of one workspace (its schema named from its id). */
static int seed_members(tc_db *db, const char *workspace_id, bool apple, tc_seed_report *r,
                        tc_err *e)
{
    tc_uuid id;
    char schema[TC_NAME_BUF];
    tc_uuid_parse(workspace_id, strlen(workspace_id), &id);
    tc_schema_name(&id, schema);
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 1 << 16);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    for (size_t i = 0; i < 4; i++) {
        const seed_user *u = &tc_seed_users[i];
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "id", apple ? u->apple_member : u->yc_member);
        tc_json_kv_str(&j, "nameFirstName", u->first);
        tc_json_kv_str(&j, "nameLastName", u->last);
        tc_json_kv_str(&j, "userEmail", u->email);
        tc_json_kv_str(&j, "userId", u->id);
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    tc_sql q;
    tc_sql_init(&q, 2048);
    tc_sql_add(&q, "INSERT INTO ");
    tc_sql_ident(&q, schema);
    tc_sql_add(&q, ".");
    tc_sql_ident(&q, "workspaceMember");
    tc_sql_add(&q, " (\"id\", \"nameFirstName\", \"nameLastName\", \"userEmail\", \"userId\","
                   " \"locale\", \"colorScheme\")"
                   " SELECT x.\"id\", x.\"nameFirstName\", x.\"nameLastName\", x.\"userEmail\","
                   " x.\"userId\", 'en', 'Light' FROM jsonb_to_recordset(");
    tc_sql_param(&q, tc_buf_cstr(&b));
    tc_sql_add(&q, "::jsonb) AS x(\"id\" uuid, \"nameFirstName\" text, \"nameLastName\" text,"
                   " \"userEmail\" text, \"userId\" uuid) ON CONFLICT DO NOTHING");
    int rc = tc_seed_run(db, tc_sql_text(&q), q.nparams, q.params, &r->members, e);
    tc_sql_fini(&q);
    tc_buf_fini(&b);
    return rc;
}

static int seed_api_key(tc_db *db, tc_seed_report *r, tc_err *e)
{
    const char *p[] = {SEED_API_KEY_ID, SEED_APPLE_ID};
    if (tc_seed_run(db,
                    "INSERT INTO \"apiKey\" (\"id\", \"name\", \"expiresAt\", \"workspaceId\")"
                    " VALUES ($1::uuid, 'My api key', now() + interval '100 years', $2::uuid)"
                    " ON CONFLICT DO NOTHING",
                    2, p, &r->api_keys, e) < 0)
        return -1;
    return tc_seed_run(db,
                       "INSERT INTO \"roleTarget\" (\"roleId\", \"apiKeyId\", \"workspaceId\")"
                       " SELECT ro.\"id\", $1::uuid, $2::uuid FROM \"role\" ro"
                       " WHERE ro.\"workspaceId\" = $2::uuid AND ro.\"label\" = 'Admin'"
                       " ON CONFLICT DO NOTHING",
                       2, p, NULL, e);
}

int tc_seed_identities(tc_db *db, tc_seed_report *r, tc_err *e)
{
    if (tc_db_exec(db, "BEGIN", e) < 0)
        return -1;
    if (seed_restricted_role(db, r, e) < 0 || seed_users(db, r, e) < 0 ||
        seed_memberships(db, r, e) < 0 || seed_members(db, SEED_APPLE_ID, true, r, e) < 0 ||
        seed_members(db, SEED_YC_ID, false, r, e) < 0 || seed_api_key(db, r, e) < 0 ||
        tc_db_exec(db, "COMMIT", e) < 0) {
        tc_db_exec(db, "ROLLBACK", NULL);
        return -1;
    }
    return 0;
}
