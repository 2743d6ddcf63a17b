/* Workspace creation and deletion (see workspace.h). */
#include "meta/workspace.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "base/time.h"
#include "db/sql.h"
#include "meta/catalog.h"
#include "meta/ddl.h"
#include "meta/model.h"

/* Serialises metadata changes of one workspace across sessions and instances. */
static const char lock_sql[] =
    "SELECT pg_advisory_xact_lock(hashtextextended('twentyc.workspace.' || $1, 0))";

static bool has_unaccent(tc_db *db, const char *core_schema)
{
    const char *p[] = {core_schema};
    PGresult *r =
        tc_db_query(db,
                    "SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    " WHERE n.nspname = $1 AND p.proname = 'unaccent_immutable'",
                    1, p, NULL);
    bool yes = r && PQntuples(r) > 0;
    PQclear(r);
    return yes;
}

/* A subdomain from the display name: lower-case letters and digits, runs of anything else as
 * one '-', at most 30 characters; "workspace" when nothing is left. */
static void subdomain_from(const char *name, char *out, size_t n)
{
    size_t o = 0;
    bool dash = false;
    for (const char *p = name; *p && o + 2 < n && o < 30; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) && c < 0x80) {
            if (dash && o)
                out[o++] = '-';
            out[o++] = (char)tolower(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    out[o] = '\0';
    if (!o)
        snprintf(out, n, "workspace");
}

static int exec(tc_db *db, const char *sql, int n, const char *const *p, tc_err *e)
{
    PGresult *r = tc_db_query(db, sql, n, p, e);
    if (!r)
        return -1;
    PQclear(r);
    return 0;
}

static int log_migration(tc_db *db, const char *workspace_id, const char *name, const tc_ddl *d,
                         tc_err *e)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, SIZE_MAX / 2);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    for (size_t i = 0; i < d->n; i++)
        tc_json_str(&j, d->stmts[i]);
    tc_json_arr_end(&j);
    const char *p[] = {workspace_id, name, tc_buf_cstr(&b)};
    int rc = exec(db,
                  "INSERT INTO \"workspaceMigration\" (\"workspaceId\", \"name\", \"statements\")"
                  " VALUES ($1, $2, $3::jsonb)",
                  3, p, e);
    tc_buf_fini(&b);
    return rc;
}

int tc_workspace_create(tc_db *db, const char *core_schema, const tc_workspace_new *w, char *id_out,
                        int64_t *elapsed_us, tc_err *e)
{
    int64_t t0 = tc_time_mono_us();
    tc_uuid id;
    if (w->id) {
        if (tc_uuid_parse(w->id, strlen(w->id), &id) < 0)
            return tc_err_set(e, TC_E_BAD_REQUEST, "Invalid workspace id: %s", w->id);
    } else {
        tc_uuid_v4(&id);
    }
    char subdomain[64];
    if (w->subdomain)
        snprintf(subdomain, sizeof(subdomain), "%s", w->subdomain);
    else
        subdomain_from(w->display_name, subdomain, sizeof(subdomain));

    tc_model *m = tc_model_new(&id, core_schema, has_unaccent(db, core_schema));
    tc_ddl d;
    tc_ddl_init(&d, m->arena);
    int rc = tc_model_add_standard(m, e);
    if (rc == 0) {
        tc_ddl_create_schema(&d, m);
        for (size_t i = 0; i < m->nobjects && rc == 0; i++)
            rc = tc_ddl_create_object(&d, m, m->objects[i], e);
        for (size_t i = 0; i < m->nobjects && rc == 0; i++)
            tc_ddl_foreign_keys(&d, m, m->objects[i]);
        for (size_t i = 0; i < m->nobjects && rc == 0; i++) {
            for (size_t k = 0; k < m->objects[i]->nindexes; k++)
                tc_ddl_create_index(&d, m, m->objects[i]->indexes[k]);
        }
    }
    if (rc < 0) {
        tc_model_free(m);
        return -1;
    }

    const char *ws[] = {m->workspace_id_text, w->display_name, subdomain, m->schema};
    const char *lock[] = {m->workspace_id_text};
    if (tc_db_exec(db, "BEGIN", e) < 0)
        goto fail;
    if (exec(db, lock_sql, 1, lock, e) < 0 ||
        exec(
            db,
            "INSERT INTO \"workspace\" (\"id\", \"displayName\", \"subdomain\", \"databaseSchema\","
            " \"activationStatus\") VALUES ($1, $2, $3, $4, 'PENDING_CREATION')",
            4, ws, e) < 0 ||
        tc_db_exec(db, tc_ddl_script(&d), e) < 0 || tc_catalog_insert_model(db, m, e) < 0 ||
        log_migration(db, m->workspace_id_text, "create workspace", &d, e) < 0 ||
        exec(db,
             "UPDATE \"workspace\" SET \"activationStatus\" = 'ACTIVE',"
             " \"defaultRoleId\" = create_standard_roles(\"id\") WHERE \"id\" = $1",
             1, lock, e) < 0 ||
        tc_db_exec(db, "COMMIT", e) < 0) {
        tc_db_exec(db, "ROLLBACK", NULL);
        goto fail;
    }
    snprintf(id_out, TC_UUID_STR_LEN + 1, "%s", m->workspace_id_text);
    tc_model_free(m);
    if (elapsed_us)
        *elapsed_us = tc_time_mono_us() - t0;
    return 0;

fail:
    if (e->code == TC_E_BAD_REQUEST && strcmp(e->sqlstate, "23505") == 0)
        tc_err_set(e, TC_E_CONFLICT, "A workspace with this id or subdomain already exists");
    tc_model_free(m);
    return -1;
}

int tc_workspace_delete(tc_db *db, const char *id, tc_err *e)
{
    tc_uuid u;
    if (tc_uuid_parse(id, strlen(id), &u) < 0)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Invalid workspace id: %s", id);
    const char *p[] = {id};
    if (tc_db_exec(db, "BEGIN", e) < 0)
        return -1;
    PGresult *r = NULL;
    if (exec(db, lock_sql, 1, p, e) < 0 ||
        !(r = tc_db_query(
              db, "SELECT \"databaseSchema\" FROM \"workspace\" WHERE \"id\" = $1 FOR UPDATE", 1, p,
              e)))
        goto fail;
    if (PQntuples(r) == 0) {
        tc_err_set(e, TC_E_NOT_FOUND, "Workspace %s not found", id);
        goto fail;
    }
    char schema[TC_NAME_BUF];
    tc_schema_name(&u, schema);
    /* Drop the schema by the name computed from the id, not by whatever a row says. */
    tc_sql q;
    tc_sql_init(&q, 256);
    tc_sql_add(&q, "DROP SCHEMA IF EXISTS ");
    tc_sql_ident(&q, schema);
    tc_sql_add(&q, " CASCADE");
    int rc = tc_db_exec(db, tc_sql_text(&q), e);
    tc_sql_fini(&q);
    if (rc < 0 || exec(db, "DELETE FROM \"workspace\" WHERE \"id\" = $1", 1, p, e) < 0 ||
        tc_db_exec(db, "COMMIT", e) < 0)
        goto fail;
    PQclear(r);
    return 0;
fail:
    PQclear(r);
    tc_db_exec(db, "ROLLBACK", NULL);
    return -1;
}
