/* twentyc seed dev: the run (workspaces first, then the custom schema, identities and demo
 * records), Twenty's seed users as data, and the report (see seed.h). */
#include "seed/seed_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meta/workspace.h"

/* Ids from spec/twenty-dev-seed.md. The YCombinator workspaceMember ids are twentyc's own
 * (the spec does not give Twenty's; docs/compat.md). */
const seed_user tc_seed_users[4] = {
    {"Tim", "Apple", "tim@apple.dev", "20202020-9e3b-46d4-a556-88b9ddc2b034",
     "20202020-9e3b-46d4-a556-88b9ddc2b035", "20202020-0687-4c41-b707-ed1bfca972a7",
     "Object-restricted", "20202020-e10a-4c27-a90b-b08c57b02d44",
     "20202020-3b8e-4c27-a90b-b08c57b02d01", "Admin"},
    {"Jony", "Ive", "jony.ive@apple.dev", "20202020-3957-4908-9c36-2929a23f8357",
     "20202020-3957-4908-9c36-2929a23f8353", "20202020-77d5-4cb6-b60a-f4a835a85d61", "Member",
     "20202020-e10a-4c27-a90b-b08c57b02d45", "20202020-3b8e-4c27-a90b-b08c57b02d02", "Member"},
    {"Phil", "Schiler", "phil.schiler@apple.dev", "20202020-7169-42cf-bc47-1cfef15264b8",
     "20202020-7169-42cf-bc47-1cfef15264b1", "20202020-1553-45c6-a028-5a9064cce07f", "Guest",
     "20202020-e10a-4c27-a90b-b08c57b02d46", "20202020-3b8e-4c27-a90b-b08c57b02d03", "Member"},
    {"Jane", "Austen", "jane.austen@apple.dev", "20202020-e6b5-4680-8a32-b8209737156b",
     "20202020-1e7c-43d9-a5db-685b5069d816", "20202020-463f-435b-828c-107e007a2711", "Admin",
     "20202020-ae8d-41ea-9469-f74f5d4b002e", "20202020-3b8e-4c27-a90b-b08c57b02d04", "Member"},
};

typedef struct seed_workspace {
    const char *id, *name, *subdomain, *invite_hash, *logo;
} seed_workspace;

static const seed_workspace workspaces[] = {
    {SEED_APPLE_ID, "Apple", "apple", "apple.dev-invite-hash",
     "https://twentyhq.github.io/placeholder-images/workspaces/apple-logo.png"},
    {SEED_YC_ID, "YCombinator", "yc", "yc.dev-invite-hash", NULL},
};

int tc_seed_run(tc_db *db, const char *sql, int n, const char *const *p, int *affected, tc_err *e)
{
    PGresult *r = tc_db_query(db, sql, n, p, e);
    if (!r)
        return -1;
    if (affected)
        *affected += (int)strtol(PQcmdTuples(r), NULL, 10);
    PQclear(r);
    return 0;
}

/* Creates the workspace unless its id exists; a subdomain taken by another workspace is a
 * conflict. The invite hash and logo are set only where they differ, so a second run writes
 * nothing. */
static int seed_workspace_once(tc_db *db, const char *core_schema, const seed_workspace *w,
                               tc_seed_report *r, tc_err *e)
{
    const char *p[] = {w->id};
    PGresult *res = tc_db_query(db, "SELECT 1 FROM \"workspace\" WHERE \"id\" = $1::uuid", 1, p, e);
    if (!res)
        return -1;
    bool exists = PQntuples(res) > 0;
    PQclear(res);
    if (!exists) {
        tc_workspace_new n = {w->name, w->id, w->subdomain};
        char id[TC_UUID_STR_LEN + 1];
        if (tc_workspace_create(db, core_schema, &n, id, NULL, e) < 0)
            return -1;
        r->workspaces++;
    }
    const char *u[] = {w->id, w->invite_hash, w->logo};
    return tc_seed_run(
        db,
        "UPDATE \"workspace\" SET \"inviteHash\" = $2, \"logo\" = coalesce($3::varchar, \"logo\"),"
        " \"updatedAt\" = now() WHERE \"id\" = $1::uuid"
        " AND (\"inviteHash\" IS DISTINCT FROM $2"
        " OR ($3::varchar IS NOT NULL AND \"logo\" IS DISTINCT FROM $3))",
        3, u, NULL, e);
}

int tc_seed_dev(tc_db *db, const char *core_schema, tc_seed_report *r, tc_err *e)
{
    memset(r, 0, sizeof(*r));
    for (size_t i = 0; i < sizeof(workspaces) / sizeof(workspaces[0]); i++) {
        if (seed_workspace_once(db, core_schema, &workspaces[i], r, e) < 0)
            return -1;
    }
    if (tc_seed_schema(db, core_schema, r, e) < 0 || tc_seed_identities(db, r, e) < 0 ||
        tc_seed_demo(db, core_schema, r, e) < 0)
        return -1;
    return 0;
}

void tc_seed_report_print(const tc_seed_report *r, FILE *out)
{
    int demo = r->companies + r->people + r->opportunities + r->tasks + r->notes + r->targets +
               r->custom_records;
    int total = r->workspaces + r->objects + r->fields + r->roles + r->permissions + r->users +
                r->memberships + r->members + r->api_keys + demo;
    if (total == 0) {
        fprintf(out, "already seeded: Apple (%s) and YCombinator (%s), nothing to do\n",
                SEED_APPLE_ID, SEED_YC_ID);
        return;
    }
    fprintf(out, "seeded Apple (%s) and YCombinator (%s):\n", SEED_APPLE_ID, SEED_YC_ID);
    fprintf(out, "  workspaces: %d, custom objects: %d, custom fields: %d\n", r->workspaces,
            r->objects, r->fields);
    fprintf(out,
            "  roles: %d, object/field permissions: %d, users: %d, memberships: %d,"
            " workspace members: %d, API keys: %d\n",
            r->roles, r->permissions, r->users, r->memberships, r->members, r->api_keys);
    fprintf(out,
            "  records: %d companies, %d people, %d opportunities, %d tasks, %d notes,"
            " %d task/note targets, %d pets/rockets/survey results\n",
            r->companies, r->people, r->opportunities, r->tasks, r->notes, r->targets,
            r->custom_records);
}
