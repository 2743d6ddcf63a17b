/* Metadata changes (see change.h). Each operation validates its input against the model loaded
 * inside the transaction, changes the model, queues the DDL and writes or deletes rows; commit
 * runs the DDL and the inserts, bumps the version, logs and notifies. */
#include "meta/change_int.h"

#include <ctype.h>
#include <stdarg.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/die.h"
#include "base/log.h"
#include "base/json.h"
#include "db/sql.h"
#include "meta/catalog.h"
#include "meta/load.h"

static const char lock_sql[] =
    "SELECT pg_advisory_xact_lock(hashtextextended('twentyc.workspace.' || $1, 0))";

/* --- transaction ----------------------------------------------------------------------------- */

int tc_change_begin(tc_change *c, tc_db *db, const char *core_schema, const char *workspace_id,
                    tc_snapshots *cache, tc_err *e)
{
    memset(c, 0, sizeof(*c));
    c->db = db;
    c->cache = cache;
    if (tc_db_exec(db, "BEGIN", e) < 0)
        return -1;
    const char *p[] = {workspace_id};
    PGresult *r = tc_db_query(db, lock_sql, 1, p, e);
    if (!r) {
        tc_db_exec(db, "ROLLBACK", NULL);
        return -1;
    }
    PQclear(r);
    c->m = tc_model_load(db, core_schema, workspace_id, &c->version, e);
    if (!c->m) {
        tc_db_exec(db, "ROLLBACK", NULL);
        return -1;
    }
    tc_ddl_init(&c->ddl, c->m->arena);
    return 0;
}

void tc_change_end(tc_change *c)
{
    if (c->m && tc_db_is_clean(c->db) == false)
        tc_db_exec(c->db, "ROLLBACK", NULL);
    tc_model_free(c->m);
    c->m = NULL;
}

/* A field built here: added to its object and queued for insertion. */
static void adopt_field(tc_change *c, tc_field *f)
{
    tc_object_add_field(c->m, f->object, f);
    tc_arena_append(c->m->arena, (void ***)&c->new_fields, &c->nnew_fields, &c->new_fields_cap, f);
}

tc_index *tc_change_new_index(tc_change *c, tc_object *o, bool unique, tc_index_type type,
                              tc_field **fields, size_t n)
{
    tc_index *x = tc_model_add_index(c->m, o, unique, type, fields, n);
    x->is_custom = o->is_custom;
    tc_arena_append(c->m->arena, (void ***)&c->new_indexes, &c->nnew_indexes, &c->new_indexes_cap,
                    x);
    tc_ddl_create_index(&c->ddl, c->m, x);
    return x;
}

int tc_change_exec(tc_change *c, const char *sql, int n, const char *const *p, tc_err *e)
{
    PGresult *r = tc_db_query(c->db, sql, n, p, e);
    if (!r)
        return -1;
    PQclear(r);
    return 0;
}

int tc_change_commit(tc_change *c, const char *name, tc_err *e)
{
    tc_catalog_rows rows = {c->new_objects, c->nnew_objects, c->new_fields,
                            c->nnew_fields, c->new_indexes,  c->nnew_indexes};
    const char *ws = c->m->workspace_id_text;
    tc_buf log;
    tc_json j;
    tc_buf_init(&log, SIZE_MAX / 2);
    tc_json_init(&j, &log);
    tc_json_arr_begin(&j);
    for (size_t i = 0; i < c->ddl.n; i++)
        tc_json_str(&j, c->ddl.stmts[i]);
    tc_json_arr_end(&j);
    const char *p_log[] = {ws, name, tc_buf_cstr(&log)};
    const char *p_ws[] = {ws};
    PGresult *r = NULL;
    int rc = -1;
    if ((c->ddl.n && tc_db_exec(c->db, tc_ddl_script(&c->ddl), e) < 0) ||
        tc_catalog_insert(c->db, ws, &rows, e) < 0 ||
        tc_change_exec(
            c,
            "INSERT INTO \"workspaceMigration\" (\"workspaceId\", \"name\", \"statements\")"
            " VALUES ($1, $2, $3::jsonb)",
            3, p_log, e) < 0 ||
        !(r = tc_db_query(c->db,
                          "UPDATE \"workspace\" SET \"metadataVersion\" = \"metadataVersion\" + 1,"
                          " \"updatedAt\" = now() WHERE \"id\" = $1 RETURNING \"metadataVersion\"",
                          1, p_ws, e)))
        goto out;
    c->version = (int)strtol(PQgetvalue(r, 0, 0), NULL, 10);
    char payload[64];
    snprintf(payload, sizeof(payload), "%s:%d", ws, c->version);
    const char *p_notify[] = {TC_METADATA_CHANNEL, payload};
    if (tc_change_exec(c, "SELECT pg_notify($1, $2)", 2, p_notify, e) < 0 ||
        tc_db_exec(c->db, "COMMIT", e) < 0)
        goto out;
    if (c->cache)
        tc_snapshots_invalidate(c->cache, ws, c->version);
    rc = 0;
out:
    PQclear(r);
    tc_buf_fini(&log);
    if (rc < 0) {
        tc_db_exec(c->db, "ROLLBACK", NULL);
        /* A failing DDL statement names SQL; the client gets a plain message. */
        char detail[sizeof(e->detail)];
        snprintf(detail, sizeof(detail), "%s", e->detail);
        if (e->code == TC_E_BAD_REQUEST) {
            /* Class 22/23: the records in the table do not allow the change (a NOT NULL column
             * over NULLs, a unique index over duplicates). */
            tc_change_invalid(e, "INVALID_INPUT",
                              "The metadata change is not possible with the existing records");
            tc_err_detail(e, "%s", detail);
            tc_log_debug("metadata change refused by the database: %s", detail);
        } else if (e->code == TC_E_INTERNAL) {
            tc_err_set(e, TC_E_INTERNAL, "Internal server error");
            tc_err_detail(e, "%s", detail);
        }
    }
    return rc;
}

/* --- errors ------------------------------------------------------------------------------- */

/* Twenty's metadata validation failure: 400 METADATA_VALIDATION_ERROR with an inner code. */
int tc_change_invalid(tc_err *e, const char *reason, const char *fmt, ...)
{
    if (!e)
        return -1;
    char msg[sizeof(e->message)];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    tc_err_set(e, TC_E_METADATA_VALIDATION, "%s", msg);
    snprintf(e->reason, sizeof(e->reason), "%s", reason);
    return -1;
}

/* --- input helpers ------------------------------------------------------------------------- */

/* A string member: *out is NULL when absent or null; -1 when present but not a string. */
int tc_change_opt_string(json_t *in, const char *key, const char **out, tc_err *e)
{
    json_t *v = json_object_get(in, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return tc_change_invalid(e, "INVALID_INPUT", "%s must be a string", key);
    *out = json_string_value(v);
    return 0;
}

int tc_change_req_string(json_t *in, const char *key, const char **out, tc_err *e)
{
    if (tc_change_opt_string(in, key, out, e) < 0)
        return -1;
    if (!*out || !**out)
        return tc_change_invalid(e, "INVALID_INPUT", "%s should not be empty", key);
    return 0;
}

int tc_change_opt_bool(json_t *in, const char *key, bool *out, bool absent, tc_err *e)
{
    json_t *v = json_object_get(in, key);
    *out = absent;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_boolean(v))
        return tc_change_invalid(e, "INVALID_INPUT", "%s must be a boolean value", key);
    *out = json_is_true(v);
    return 0;
}

const char *tc_change_dup(tc_change *c, const char *s)
{
    return s ? tc_arena_strdup(c->m->arena, s) : NULL;
}

const char *tc_change_dump(tc_change *c, json_t *v)
{
    if (!v || json_is_null(v))
        return NULL;
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
    if (!s)
        tc_die_oom();
    const char *r = tc_arena_strdup(c->m->arena, s);
    free(s);
    return r;
}

int tc_change_check_name(const char *name, const char *reason, tc_err *e)
{
    const char *why = tc_name_invalid(name);
    if (why)
        return tc_change_invalid(e, reason, "%s", why);
    return 0;
}

void tc_change_capitalized(const char *s, char *out, size_t n)
{
    snprintf(out, n, "%c%s", toupper((unsigned char)s[0]), s + 1);
}

/* --- search vectors and renames -------------------------------------------------------------- */

/* The names of o's fields whose columns its searchVector reads, from the stored expression,
 * NULL-terminated in the model's arena (the expression names columns only through
 * tc_sql_quote_ident, so a quoted column name is a reference). */
const char **tc_change_search_fields(tc_change *c, const tc_object *o)
{
    const char **names = tc_arena_calloc(c->m->arena, o->nfields + 1, sizeof(*names));
    const tc_field *sv = tc_object_field(o, "searchVector");
    json_error_t jerr;
    json_t *s = sv && sv->settings ? json_loads(sv->settings, 0, &jerr) : NULL;
    const char *expr = json_string_value(json_object_get(s, "asExpression"));
    size_t n = 0;
    for (size_t i = 0; expr && i < o->nfields; i++) {
        const tc_field *f = o->fields[i];
        if (f == sv)
            continue;
        tc_column cols[16];
        size_t k = tc_field_columns(o, f, cols, 16);
        for (size_t x = 0; x < k; x++) {
            char quoted[2 * TC_NAME_BUF + 3];
            int len = snprintf(quoted, sizeof(quoted), "\"%s\"", cols[x].name);
            if (len > 0 && (size_t)len < sizeof(quoted) && strstr(expr, quoted)) {
                names[n++] = f->name;
                break;
            }
        }
    }
    json_decref(s);
    return names;
}

/* Stores expr as the searchVector field's settings.asExpression (row and model). */
int tc_change_set_search_expression(tc_change *c, tc_field *sv, const char *expr, tc_err *e)
{
    json_t *s = json_object();
    json_object_set_new(s, "asExpression", json_string(expr));
    json_object_set_new(s, "generatedType", json_string("STORED"));
    sv->settings = tc_change_dump(c, s);
    json_t *set = json_object();
    json_object_set_new(set, "settings", s);
    int rc = tc_change_update_row(c, "fieldMetadata", sv->id, set, e);
    json_decref(set);
    return rc;
}

/* Makes o's searchVector read the fields named in names (NULL-terminated): the generated column
 * is dropped and added again with its indexes (PostgreSQL cannot change a generation
 * expression in place). */
int tc_change_rebuild_search_vector(tc_change *c, tc_object *o, const char *const *names, tc_err *e)
{
    tc_field *sv = tc_object_field(o, "searchVector");
    if (!sv)
        return 0;
    const char *expr = tc_search_expression(c->m, o, names);
    if (tc_change_set_search_expression(c, sv, expr, e) < 0)
        return -1;
    tc_ddl_drop_field(&c->ddl, c->m, o, sv);
    if (tc_ddl_add_field(&c->ddl, c->m, o, sv, e) < 0)
        return -1;
    for (size_t i = 0; i < o->nindexes; i++) {
        for (size_t k = 0; k < o->indexes[i]->nfields; k++) {
            if (o->indexes[i]->fields[k] == sv)
                tc_ddl_create_index(&c->ddl, c->m, o->indexes[i]);
        }
    }
    return 0;
}

/* Gives o's indexes the names Twenty's rule computes from the current table and column names
 * (index names are unique in the schema, so a renamed table must not keep its old ones). */
int tc_change_rename_indexes(tc_change *c, tc_object *o, tc_err *e)
{
    for (size_t i = 0; i < o->nindexes; i++) {
        tc_index *x = o->indexes[i];
        const char *tokens[8];
        size_t n = 0;
        for (size_t k = 0; k < x->nfields && n < TC_COUNT(tokens); k++)
            tokens[n++] =
                x->fields[k]->join_column ? x->fields[k]->join_column : x->fields[k]->name;
        char name[TC_NAME_BUF];
        tc_index_name(o->table, tokens, n, x->is_unique, NULL, name);
        if (strcmp(name, x->name) == 0)
            continue;
        tc_ddl_rename_index(&c->ddl, c->m, x->name, name);
        snprintf(x->name, sizeof(x->name), "%s", name);
        json_t *set = json_object();
        json_object_set_new(set, "name", json_string(name));
        int rc = tc_change_update_row(c, "indexMetadata", x->id, set, e);
        json_decref(set);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Renames field f to name: columns and enum types, the join column and settings of a
 * MANY_TO_ONE, the row, and the search expression that names it. Name checks are the caller's. */
int tc_change_rename_field(tc_change *c, tc_field *f, const char *name, tc_err *e)
{
    tc_object *o = f->object;
    const char **search = tc_change_search_fields(c, o);
    bool searched = false;
    for (size_t i = 0; search[i]; i++) {
        if (strcmp(search[i], f->name) == 0) {
            search[i] = tc_change_dup(c, name);
            searched = true;
        }
    }
    tc_ddl_rename_field(&c->ddl, c->m, o, f, name);
    f->name = tc_change_dup(c, name);
    json_t *set = json_object();
    json_object_set_new(set, "name", json_string(name));
    if (f->join_column) {
        const char *old_join = f->join_column;
        f->join_column = tc_arena_printf(c->m->arena, "%sId", name);
        tc_ddl_rename_foreign_key(&c->ddl, c->m, o, o->table, old_join, f->join_column);
        json_error_t jerr;
        json_t *s = json_loads(f->settings, 0, &jerr);
        json_object_set_new(s, "joinColumnName", json_string(f->join_column));
        f->settings = tc_change_dump(c, s);
        json_object_set_new(set, "settings", s);
    }
    int rc = tc_change_update_row(c, "fieldMetadata", f->id, set, e);
    json_decref(set);
    if (rc == 0)
        rc = tc_change_rename_indexes(c, o, e);
    /* PostgreSQL follows the rename inside the generated column by itself; only the stored
     * expression text needs the new name. */
    tc_field *sv = tc_object_field(o, "searchVector");
    if (rc == 0 && searched && sv)
        rc = tc_change_set_search_expression(c, sv, tc_search_expression(c->m, o, search), e);
    return rc;
}

bool tc_change_searchable_type(tc_field_type t)
{
    return t == TC_FT_TEXT || t == TC_FT_FULL_NAME || t == TC_FT_EMAILS || t == TC_FT_ADDRESS ||
           t == TC_FT_LINKS || t == TC_FT_PHONES || t == TC_FT_RICH_TEXT || t == TC_FT_RICH_TEXT_V2;
}

/* --- shared by objects and fields --------------------------------------------------------- */

tc_field *tc_change_add_decl(tc_change *c, tc_object *o, const tc_std_field *d, tc_err *e)
{
    tc_field *f = tc_field_from_decl(c->m, o, d, e);
    if (!f)
        return NULL;
    adopt_field(c, f);
    return f;
}

/* Pairs a ONE_TO_MANY field on one object with a MANY_TO_ONE field on another. */
void tc_change_pair(tc_field *a, tc_field *b)
{
    a->target_field = b;
    a->target_object = b->object;
    b->target_field = a;
    b->target_object = a->object;
}

/* Deletes the rows of fields (and of the indexes over them). ids: a JSON array of uuids. */
int tc_change_delete_field_rows(tc_change *c, const char *ids, tc_err *e)
{
    const char *p[] = {ids};
    return tc_change_exec(
               c,
               "DELETE FROM \"indexMetadata\" WHERE \"id\" IN (SELECT \"indexMetadataId\" FROM"
               " \"indexFieldMetadata\" WHERE \"fieldMetadataId\" IN (SELECT"
               " jsonb_array_elements_text($1::jsonb)::uuid))",
               1, p, e) < 0
               ? -1
               : tc_change_exec(c,
                                "DELETE FROM \"fieldMetadata\" WHERE \"id\" IN (SELECT"
                                " jsonb_array_elements_text($1::jsonb)::uuid)",
                                1, p, e);
}

/* Updates one metadata row's columns from a JSON object of whitelisted column -> value. */
int tc_change_update_row(tc_change *c, const char *table, const char *id, json_t *set, tc_err *e)
{
    if (json_object_size(set) == 0)
        return 0;
    const char *p[] = {tc_change_dump(c, set), id};
    /* The columns come from the callers' fixed lists; values travel as one JSON parameter and
     * are read back by jsonb_populate_record with the table's own column types. */
    tc_sql q;
    tc_sql_init(&q, 4096);
    tc_sql_add(&q, "UPDATE ");
    tc_sql_ident(&q, table);
    tc_sql_add(&q, " AS t SET ");
    const char *key;
    json_t *v;
    bool first = true;
    json_object_foreach(set, key, v)
    {
        if (!first)
            tc_sql_add(&q, ", ");
        first = false;
        tc_sql_ident(&q, key);
        tc_sql_add(&q, " = r.");
        tc_sql_ident(&q, key);
    }
    tc_sql_add(&q, ", \"updatedAt\" = now() FROM jsonb_populate_record(NULL::");
    tc_sql_ident(&q, table);
    tc_sql_add(&q, ", $1::jsonb) AS r WHERE t.\"id\" = $2::uuid");
    int rc = tc_change_exec(c, tc_sql_text(&q), 2, p, e);
    tc_sql_fini(&q);
    return rc;
}
