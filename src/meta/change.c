/* Metadata changes (see change.h). Each operation validates its input against the model loaded
 * inside the transaction, changes the model, queues the DDL and writes or deletes rows; commit
 * runs the DDL and the inserts, bumps the version, logs and notifies. */
#include "meta/change.h"

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

/* The default relations every custom object gets (spec §10). */
static const char *const default_relation_targets[] = {"timelineActivity", "favorite", "attachment",
                                                       "noteTarget", "taskTarget"};

static int invalid(tc_err *e, const char *reason, const char *fmt, ...) TC_PRINTF(3, 4);
static int update_row(tc_change *c, const char *table, const char *id, json_t *set, tc_err *e);

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

static void push(tc_arena *a, void ***items, size_t *n, size_t *cap, void *p)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        void **grown = tc_arena_alloc(a, ncap * sizeof(void *));
        if (*n)
            memcpy(grown, *items, *n * sizeof(void *));
        *items = grown;
        *cap = ncap;
    }
    (*items)[(*n)++] = p;
}

/* A field built here: added to its object and queued for insertion. */
static void adopt_field(tc_change *c, tc_field *f)
{
    tc_object_add_field(c->m, f->object, f);
    push(c->m->arena, (void ***)&c->new_fields, &c->nnew_fields, &c->new_fields_cap, f);
}

static tc_index *new_index(tc_change *c, tc_object *o, bool unique, tc_index_type type,
                           tc_field **fields, size_t n)
{
    tc_index *x = tc_model_add_index(c->m, o, unique, type, fields, n);
    x->is_custom = o->is_custom;
    push(c->m->arena, (void ***)&c->new_indexes, &c->nnew_indexes, &c->new_indexes_cap, x);
    tc_ddl_create_index(&c->ddl, c->m, x);
    return x;
}

static int exec(tc_change *c, const char *sql, int n, const char *const *p, tc_err *e)
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
        exec(c,
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
    if (exec(c, "SELECT pg_notify($1, $2)", 2, p_notify, e) < 0 ||
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
            invalid(e, "INVALID_INPUT",
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
static int invalid(tc_err *e, const char *reason, const char *fmt, ...)
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

#define OBJECT_INPUT "INVALID_OBJECT_INPUT"
#define FIELD_INPUT "INVALID_FIELD_INPUT"

/* --- input helpers ------------------------------------------------------------------------- */

/* A string member: *out is NULL when absent or null; -1 when present but not a string. */
static int opt_string(json_t *in, const char *key, const char **out, tc_err *e)
{
    json_t *v = json_object_get(in, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return invalid(e, "INVALID_INPUT", "%s must be a string", key);
    *out = json_string_value(v);
    return 0;
}

static int req_string(json_t *in, const char *key, const char **out, tc_err *e)
{
    if (opt_string(in, key, out, e) < 0)
        return -1;
    if (!*out || !**out)
        return invalid(e, "INVALID_INPUT", "%s should not be empty", key);
    return 0;
}

static int opt_bool(json_t *in, const char *key, bool *out, bool absent, tc_err *e)
{
    json_t *v = json_object_get(in, key);
    *out = absent;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_boolean(v))
        return invalid(e, "INVALID_INPUT", "%s must be a boolean value", key);
    *out = json_is_true(v);
    return 0;
}

static const char *dup(tc_change *c, const char *s)
{
    return s ? tc_arena_strdup(c->m->arena, s) : NULL;
}

static const char *dump(tc_change *c, json_t *v)
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

static int check_name(const char *name, const char *reason, tc_err *e)
{
    const char *why = tc_name_invalid(name);
    if (why)
        return invalid(e, reason, "%s", why);
    return 0;
}

/* Object labels: 1 to 63 characters (validate-flat-object-metadata-label.util.ts). */
static int check_label(const char *label, tc_err *e)
{
    size_t n = strlen(label);
    if (n == 0)
        return invalid(e, OBJECT_INPUT, "Object label is too short");
    if (n > TC_IDENT_MAX)
        return invalid(e, OBJECT_INPUT, "Object label is too long");
    return 0;
}

static int check_field_label(const char *label, tc_err *e)
{
    size_t n = strlen(label);
    if (n == 0)
        return invalid(e, FIELD_INPUT, "Label is too short");
    if (n > TC_IDENT_MAX)
        return invalid(e, FIELD_INPUT, "Label is too long");
    return 0;
}

static void capitalized(const char *s, char *out, size_t n)
{
    snprintf(out, n, "%c%s", toupper((unsigned char)s[0]), s + 1);
}

/* --- search vectors and renames -------------------------------------------------------------- */

/* The names of o's fields whose columns its searchVector reads, from the stored expression,
 * NULL-terminated in the model's arena (the expression names columns only through
 * tc_sql_quote_ident, so a quoted column name is a reference). */
static const char **search_fields_of(tc_change *c, const tc_object *o)
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
            snprintf(quoted, sizeof(quoted), "\"%s\"", cols[x].name);
            if (strstr(expr, quoted)) {
                names[n++] = f->name;
                break;
            }
        }
    }
    json_decref(s);
    return names;
}

/* Stores expr as the searchVector field's settings.asExpression (row and model). */
static int set_search_expression(tc_change *c, tc_field *sv, const char *expr, tc_err *e)
{
    json_t *s = json_object();
    json_object_set_new(s, "asExpression", json_string(expr));
    json_object_set_new(s, "generatedType", json_string("STORED"));
    sv->settings = dump(c, s);
    json_t *set = json_object();
    json_object_set_new(set, "settings", s);
    int rc = update_row(c, "fieldMetadata", sv->id, set, e);
    json_decref(set);
    return rc;
}

/* Makes o's searchVector read the fields named in names (NULL-terminated): the generated column
 * is dropped and added again with its indexes (PostgreSQL cannot change a generation
 * expression in place). */
static int rebuild_search_vector(tc_change *c, tc_object *o, const char *const *names, tc_err *e)
{
    tc_field *sv = tc_object_field(o, "searchVector");
    if (!sv)
        return 0;
    const char *expr = tc_search_expression(c->m, o, names);
    if (set_search_expression(c, sv, expr, e) < 0)
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
static int rename_indexes(tc_change *c, tc_object *o, tc_err *e)
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
        int rc = update_row(c, "indexMetadata", x->id, set, e);
        json_decref(set);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Renames field f to name: columns and enum types, the join column and settings of a
 * MANY_TO_ONE, the row, and the search expression that names it. Name checks are the caller's. */
static int rename_field(tc_change *c, tc_field *f, const char *name, tc_err *e)
{
    tc_object *o = f->object;
    const char **search = search_fields_of(c, o);
    bool searched = false;
    for (size_t i = 0; search[i]; i++) {
        if (strcmp(search[i], f->name) == 0) {
            search[i] = dup(c, name);
            searched = true;
        }
    }
    tc_ddl_rename_field(&c->ddl, c->m, o, f, name);
    f->name = dup(c, name);
    json_t *set = json_object();
    json_object_set_new(set, "name", json_string(name));
    if (f->join_column) {
        const char *old_join = f->join_column;
        f->join_column = tc_arena_printf(c->m->arena, "%sId", name);
        tc_ddl_rename_foreign_key(&c->ddl, c->m, o, o->table, old_join, f->join_column);
        json_error_t jerr;
        json_t *s = json_loads(f->settings, 0, &jerr);
        json_object_set_new(s, "joinColumnName", json_string(f->join_column));
        f->settings = dump(c, s);
        json_object_set_new(set, "settings", s);
    }
    int rc = update_row(c, "fieldMetadata", f->id, set, e);
    json_decref(set);
    if (rc == 0)
        rc = rename_indexes(c, o, e);
    /* PostgreSQL follows the rename inside the generated column by itself; only the stored
     * expression text needs the new name. */
    tc_field *sv = tc_object_field(o, "searchVector");
    if (rc == 0 && searched && sv)
        rc = set_search_expression(c, sv, tc_search_expression(c->m, o, search), e);
    return rc;
}

static bool searchable_type(tc_field_type t)
{
    return t == TC_FT_TEXT || t == TC_FT_FULL_NAME || t == TC_FT_EMAILS || t == TC_FT_ADDRESS ||
           t == TC_FT_LINKS || t == TC_FT_PHONES || t == TC_FT_RICH_TEXT || t == TC_FT_RICH_TEXT_V2;
}

/* --- objects ----------------------------------------------------------------------------- */

/* The fields of a new custom object (spec §2, §10): system fields, and `name` as its label
 * identifier. createdBy/updatedBy default to an empty name, unlike standard objects' "System". */
#define ACTOR_DEFAULT "{\"source\":\"'MANUAL'\",\"name\":\"''\",\"workspaceMemberId\":null}"
static const tc_std_field custom_fields[] = {
    {.name = "id",
     .type = TC_FT_UUID,
     .label = "Id",
     .icon = "Icon123",
     .flags = TC_STD_NOT_NULL | TC_STD_SYSTEM | TC_STD_UNIQUE | TC_STD_UI_READ_ONLY,
     .default_value = "\"uuid\""},
    {.name = "name", .type = TC_FT_TEXT, .label = "Name", .icon = "IconAbc", .description = "Name"},
    {.name = "createdAt",
     .type = TC_FT_DATE_TIME,
     .label = "Creation date",
     .icon = "IconCalendar",
     .flags = TC_STD_NOT_NULL | TC_STD_UI_READ_ONLY,
     .default_value = "\"now\"",
     .settings = "{\"displayFormat\":\"RELATIVE\"}"},
    {.name = "updatedAt",
     .type = TC_FT_DATE_TIME,
     .label = "Last update",
     .icon = "IconCalendarClock",
     .flags = TC_STD_NOT_NULL | TC_STD_UI_READ_ONLY,
     .default_value = "\"now\"",
     .settings = "{\"displayFormat\":\"RELATIVE\"}"},
    {.name = "deletedAt",
     .type = TC_FT_DATE_TIME,
     .label = "Deleted at",
     .icon = "IconCalendarClock",
     .flags = TC_STD_UI_READ_ONLY,
     .settings = "{\"displayFormat\":\"RELATIVE\"}"},
    {.name = "createdBy",
     .type = TC_FT_ACTOR,
     .label = "Created by",
     .icon = "IconCreativeCommonsSa",
     .flags = TC_STD_NOT_NULL | TC_STD_UI_READ_ONLY,
     .default_value = ACTOR_DEFAULT},
    {.name = "updatedBy",
     .type = TC_FT_ACTOR,
     .label = "Updated by",
     .icon = "IconCreativeCommonsSa",
     .flags = TC_STD_NOT_NULL | TC_STD_UI_READ_ONLY,
     .default_value = ACTOR_DEFAULT},
    {.name = "position",
     .type = TC_FT_POSITION,
     .label = "Position",
     .icon = "IconHierarchy2",
     .flags = TC_STD_NOT_NULL | TC_STD_SYSTEM,
     .default_value = "0"},
    {.name = "searchVector",
     .type = TC_FT_TS_VECTOR,
     .label = "Search vector",
     .icon = "IconUser",
     .flags = TC_STD_SYSTEM},
};

static tc_field *add_decl(tc_change *c, tc_object *o, const tc_std_field *d, tc_err *e)
{
    tc_field *f = tc_field_from_decl(c->m, o, d, e);
    if (!f)
        return NULL;
    adopt_field(c, f);
    return f;
}

/* Pairs a ONE_TO_MANY field on one object with a MANY_TO_ONE field on another. */
static void pair(tc_field *a, tc_field *b)
{
    a->target_field = b;
    a->target_object = b->object;
    b->target_field = a;
    b->target_object = a->object;
}

/* The MORPH_RELATION group id of object t, if it has one. */
static const char *morph_group(const tc_object *t)
{
    for (size_t i = 0; i < t->nfields; i++) {
        if (t->fields[i]->type == TC_FT_MORPH_RELATION && t->fields[i]->morph_id)
            return t->fields[i]->morph_id;
    }
    return NULL;
}

/* The default relations of a new custom object with timelineActivity, favorite, attachment,
 * noteTarget and taskTarget: a ONE_TO_MANY field on it, a MANY_TO_ONE on each of those (a morph
 * member target<Name> where the object has a morph group, <name> on favorite). */
static int default_relations(tc_change *c, tc_object *o, tc_err *e)
{
    char cap[TC_NAME_BUF];
    capitalized(o->name_singular, cap, sizeof(cap));
    for (size_t i = 0; i < TC_COUNT(default_relation_targets); i++) {
        tc_object *t = tc_model_object(c->m, default_relation_targets[i]);
        if (!t)
            continue;
        const char *morph = morph_group(t);
        const char *m2o_name =
            morph ? tc_arena_printf(c->m->arena, "target%s", cap) : o->name_singular;
        if (strlen(m2o_name) + 2 > TC_IDENT_MAX)
            return invalid(e, OBJECT_INPUT, "Name is too long");
        if (tc_object_field(t, m2o_name))
            return invalid(e, "NOT_AVAILABLE",
                           "Name \"%s\" is not available as it is already used by another field",
                           m2o_name);
        tc_std_field one = {.name = t->name_plural,
                            .type = TC_FT_RELATION,
                            .label = t->label_plural,
                            .icon = t->icon,
                            .flags = TC_STD_SYSTEM,
                            .relation = TC_REL_ONE_TO_MANY};
        tc_std_field many = {.name = m2o_name,
                             .type = morph ? TC_FT_MORPH_RELATION : TC_FT_RELATION,
                             .label = o->label_singular,
                             .icon = o->icon,
                             .flags = TC_STD_UI_READ_ONLY,
                             .relation = TC_REL_MANY_TO_ONE,
                             .on_delete = TC_ON_DELETE_CASCADE,
                             .morph_id = morph};
        tc_field *a = add_decl(c, o, &one, e);
        tc_field *b = a ? add_decl(c, t, &many, e) : NULL;
        if (!b)
            return -1;
        pair(a, b);
        if (tc_ddl_add_field(&c->ddl, c->m, t, b, e) < 0)
            return -1;
    }
    return 0;
}

/* When object o is renamed to singular, the fields named after it on other objects follow:
 * target<Old> -> target<New> (morph members) and <old> -> <new> (favorite), as spec §1.4 names
 * them. */
static int rename_relations_elsewhere(tc_change *c, tc_object *o, const char *singular, tc_err *e)
{
    char old_cap[TC_NAME_BUF], new_cap[TC_NAME_BUF];
    capitalized(o->name_singular, old_cap, sizeof(old_cap));
    capitalized(singular, new_cap, sizeof(new_cap));
    for (size_t i = 0; i < o->nfields; i++) {
        tc_field *b = o->fields[i]->target_field;
        if (!b || b->object == o)
            continue;
        char morph_old[TC_NAME_BUF + 8], name[TC_NAME_BUF + 8];
        snprintf(morph_old, sizeof(morph_old), "target%s", old_cap);
        if (strcmp(b->name, morph_old) == 0)
            snprintf(name, sizeof(name), "target%s", new_cap);
        else if (strcmp(b->name, o->name_singular) == 0)
            snprintf(name, sizeof(name), "%s", singular);
        else
            continue;
        if (strlen(name) + 2 > TC_IDENT_MAX)
            return invalid(e, OBJECT_INPUT, "Name is too long");
        if (tc_object_field(b->object, name))
            return invalid(e, "NOT_AVAILABLE",
                           "Name \"%s\" is not available as it is already used by another field",
                           name);
        if (rename_field(c, b, name, e) < 0)
            return -1;
    }
    return 0;
}

static int name_taken(const tc_model *m, const tc_object *self, const char *name)
{
    for (size_t i = 0; i < m->nobjects; i++) {
        const tc_object *o = m->objects[i];
        if (o != self && (strcmp(o->name_singular, name) == 0 || strcmp(o->name_plural, name) == 0))
            return 1;
    }
    return 0;
}

static int check_object_names(tc_change *c, const tc_object *self, const char *singular,
                              const char *plural, tc_err *e)
{
    if (check_name(singular, OBJECT_INPUT, e) < 0 || check_name(plural, OBJECT_INPUT, e) < 0)
        return -1;
    if (strcasecmp(singular, plural) == 0)
        return invalid(e, OBJECT_INPUT,
                       "The singular and plural names cannot be the same for an object");
    if (name_taken(c->m, self, singular) || name_taken(c->m, self, plural))
        return invalid(e, "OBJECT_ALREADY_EXISTS", "Object already exists");
    return 0;
}

int tc_change_create_object(tc_change *c, json_t *in, tc_object **out, tc_err *e)
{
    const char *singular, *plural, *label_s, *label_p, *description, *icon, *shortcut;
    if (!json_is_object(in))
        return invalid(e, OBJECT_INPUT, "The object to create is missing");
    if (req_string(in, "nameSingular", &singular, e) < 0 ||
        req_string(in, "namePlural", &plural, e) < 0 ||
        req_string(in, "labelSingular", &label_s, e) < 0 ||
        req_string(in, "labelPlural", &label_p, e) < 0 ||
        opt_string(in, "description", &description, e) < 0 ||
        opt_string(in, "icon", &icon, e) < 0 || opt_string(in, "shortcut", &shortcut, e) < 0 ||
        check_label(label_s, e) < 0 || check_label(label_p, e) < 0 ||
        check_object_names(c, NULL, singular, plural, e) < 0)
        return -1;
    if (strcasecmp(label_s, label_p) == 0)
        return invalid(e, OBJECT_INPUT,
                       "The singular and plural labels cannot be the same for an object");
    if (json_is_true(json_object_get(in, "isRemote")))
        return invalid(e, OBJECT_INPUT, "Remote objects are not supported yet");
    /* Room for the relation names it adds to other objects (target<Name>Id). */
    if (strlen(singular) + 1 > TC_IDENT_MAX - 20)
        return invalid(e, OBJECT_INPUT, "Name is too long");

    tc_object *o = tc_arena_calloc(c->m->arena, 1, sizeof(*o));
    tc_uuid id;
    tc_uuid_v4(&id);
    tc_uuid_format(&id, o->id);
    o->name_singular = dup(c, singular);
    o->name_plural = dup(c, plural);
    o->label_singular = dup(c, label_s);
    o->label_plural = dup(c, label_p);
    o->description = dup(c, description);
    o->icon = dup(c, icon);
    o->shortcut = dup(c, shortcut);
    o->is_custom = true;
    o->is_active = true;
    o->is_searchable = true;
    o->is_audit_logged = true;
    tc_table_name(singular, true, o->table, sizeof(o->table));
    tc_model_add_object(c->m, o);
    c->new_objects[c->nnew_objects++] = o;

    for (size_t i = 0; i < TC_COUNT(custom_fields); i++) {
        if (!add_decl(c, o, &custom_fields[i], e))
            return -1;
    }
    o->label_identifier = tc_object_field(o, "name");
    static const char *const search_name[] = {"name", NULL};
    tc_field *sv = tc_object_field(o, "searchVector");
    json_t *s = json_object();
    json_object_set_new(s, "asExpression", json_string(tc_search_expression(c->m, o, search_name)));
    json_object_set_new(s, "generatedType", json_string("STORED"));
    sv->settings = dump(c, s);
    json_decref(s);

    if (tc_ddl_create_object(&c->ddl, c->m, o, e) < 0 || default_relations(c, o, e) < 0)
        return -1;
    for (size_t i = 0; i < o->nfields; i++) {
        tc_field *b = o->fields[i]->target_field;
        if (b && b->relation == TC_REL_MANY_TO_ONE) {
            tc_ddl_foreign_key(&c->ddl, c->m, b->object, b);
            new_index(c, b->object, false, TC_INDEX_BTREE, &b, 1);
        }
    }
    new_index(c, o, false, TC_INDEX_GIN, &sv, 1);
    tc_field *pos_id[2] = {tc_object_field(o, "position"), tc_object_field(o, "id")};
    new_index(c, o, false, TC_INDEX_BTREE, pos_id, 2);
    *out = o;
    return 0;
}

/* Deletes the rows of fields (and of the indexes over them). ids: a JSON array of uuids. */
static int delete_field_rows(tc_change *c, const char *ids, tc_err *e)
{
    const char *p[] = {ids};
    return exec(c,
                "DELETE FROM \"indexMetadata\" WHERE \"id\" IN (SELECT \"indexMetadataId\" FROM"
                " \"indexFieldMetadata\" WHERE \"fieldMetadataId\" IN (SELECT"
                " jsonb_array_elements_text($1::jsonb)::uuid))",
                1, p, e) < 0
               ? -1
               : exec(c,
                      "DELETE FROM \"fieldMetadata\" WHERE \"id\" IN (SELECT"
                      " jsonb_array_elements_text($1::jsonb)::uuid)",
                      1, p, e);
}

/* Updates one metadata row's columns from a JSON object of whitelisted column -> value. */
static int update_row(tc_change *c, const char *table, const char *id, json_t *set, tc_err *e)
{
    if (json_object_size(set) == 0)
        return 0;
    const char *p[] = {dump(c, set), id};
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
    int rc = exec(c, tc_sql_text(&q), 2, p, e);
    tc_sql_fini(&q);
    return rc;
}

int tc_change_update_object(tc_change *c, const char *id, json_t *up, tc_object **out, tc_err *e)
{
    tc_object *o = tc_model_object_by_id(c->m, id);
    if (!o)
        return tc_err_set(e, TC_E_OBJECT_NOT_FOUND, "Object metadata not found");
    if (!json_is_object(up))
        return invalid(e, OBJECT_INPUT, "The update is missing");
    static const char *const text_keys[] = {"labelSingular", "labelPlural", "description", "icon",
                                            "shortcut"};
    json_t *set = json_object();
    int rc = -1;
    for (size_t i = 0; i < TC_COUNT(text_keys); i++) {
        json_t *v = json_object_get(up, text_keys[i]);
        if (!v)
            continue;
        bool label = i < 2; /* labels are required; the rest may be null */
        if (!json_is_string(v) && (label || !json_is_null(v))) {
            invalid(e, OBJECT_INPUT, "%s must be a string", text_keys[i]);
            goto out;
        }
        if (label && check_label(json_string_value(v), e) < 0)
            goto out;
        json_object_set(set, text_keys[i], v);
    }
    const char *singular, *plural, *label_id;
    bool active;
    if (opt_string(up, "nameSingular", &singular, e) < 0 ||
        opt_string(up, "namePlural", &plural, e) < 0 ||
        opt_string(up, "labelIdentifierFieldMetadataId", &label_id, e) < 0 ||
        opt_bool(up, "isActive", &active, o->is_active, e) < 0)
        goto out;
    if ((singular && strcmp(singular, o->name_singular) != 0) ||
        (plural && strcmp(plural, o->name_plural) != 0)) {
        if (!o->is_custom) {
            tc_err_set(e, TC_E_BAD_REQUEST,
                       "Cannot edit standard object metadata properties: nameSingular, namePlural");
            snprintf(e->reason, sizeof(e->reason), OBJECT_INPUT);
            goto out;
        }
        const char *s = singular ? singular : o->name_singular;
        const char *p = plural ? plural : o->name_plural;
        if (check_object_names(c, o, s, p, e) < 0)
            goto out;
        if (strcmp(s, o->name_singular) != 0) {
            char table[TC_NAME_BUF];
            tc_table_name(s, true, table, sizeof(table));
            char old_table[TC_NAME_BUF];
            snprintf(old_table, sizeof(old_table), "%s", o->table);
            tc_ddl_rename_table(&c->ddl, c->m, o, table);
            snprintf(o->table, sizeof(o->table), "%s", table);
            for (size_t i = 0; i < o->nfields; i++) {
                if (o->fields[i]->join_column)
                    tc_ddl_rename_foreign_key(&c->ddl, c->m, o, old_table,
                                              o->fields[i]->join_column, o->fields[i]->join_column);
            }
            if (rename_indexes(c, o, e) < 0)
                goto out;
            json_object_set_new(set, "targetTableName", json_string(table));
        }
        if (rename_relations_elsewhere(c, o, s, e) < 0)
            goto out;
        o->name_singular = dup(c, s);
        o->name_plural = dup(c, p);
        json_object_set_new(set, "nameSingular", json_string(s));
        json_object_set_new(set, "namePlural", json_string(p));
    }
    if (label_id) {
        tc_field *f = tc_model_field_by_id(c->m, label_id);
        if (!f || f->object != o) {
            invalid(e, OBJECT_INPUT, "Label identifier field metadata not found");
            goto out;
        }
        if (o->is_custom && f != o->label_identifier && searchable_type(f->type)) {
            const char *names[] = {f->name, NULL};
            if (rebuild_search_vector(c, o, names, e) < 0)
                goto out;
        }
        o->label_identifier = f;
        json_object_set_new(set, "labelIdentifierFieldMetadataId", json_string(label_id));
    }
    if (active != o->is_active) {
        if (o->is_system && !active) {
            invalid(e, OBJECT_INPUT, "System objects cannot be deactivated");
            goto out;
        }
        o->is_active = active;
        json_object_set_new(set, "isActive", json_boolean(active));
    }
    const char *key;
    json_t *v;
    json_object_foreach(set, key, v)
    {
        const char *s = json_string_value(v);
        if (strcmp(key, "labelSingular") == 0)
            o->label_singular = dup(c, s);
        else if (strcmp(key, "labelPlural") == 0)
            o->label_plural = dup(c, s);
        else if (strcmp(key, "description") == 0)
            o->description = dup(c, s);
        else if (strcmp(key, "icon") == 0)
            o->icon = dup(c, s);
        else if (strcmp(key, "shortcut") == 0)
            o->shortcut = dup(c, s);
    }
    rc = update_row(c, "objectMetadata", o->id, set, e);
    *out = o;
out:
    json_decref(set);
    return rc;
}

int tc_change_delete_object(tc_change *c, const char *id, tc_err *e)
{
    tc_object *o = tc_model_object_by_id(c->m, id);
    if (!o)
        return tc_err_set(e, TC_E_OBJECT_NOT_FOUND, "Object metadata not found");
    if (o->is_system)
        return invalid(e, OBJECT_INPUT, "System objects cannot be deleted");
    if (!o->is_custom)
        return invalid(e, OBJECT_INPUT, "Standard objects cannot be deleted");
    if (o->is_active)
        return invalid(e, OBJECT_INPUT, "Active objects cannot be deleted");
    /* The other side of each relation lives on another object: drop it first. */
    json_t *ids = json_array();
    for (size_t i = 0; i < o->nfields; i++) {
        tc_field *b = o->fields[i]->target_field;
        if (b && b->object != o) {
            tc_ddl_drop_field(&c->ddl, c->m, b->object, b);
            json_array_append_new(ids, json_string(b->id));
        }
    }
    tc_ddl_drop_object(&c->ddl, c->m, o);
    const char *p[] = {o->id};
    int rc = delete_field_rows(c, dump(c, ids), e);
    json_decref(ids);
    if (rc == 0)
        rc = exec(c, "DELETE FROM \"objectMetadata\" WHERE \"id\" = $1", 1, p, e);
    return rc;
}

/* --- fields ------------------------------------------------------------------------------ */

/* Options of a SELECT or MULTI_SELECT field (spec §1.3): values UPPER_SNAKE (no "__"), labels
 * 1-63 characters without commas, no duplicate id, value or position; ids filled in. */
static int check_options(tc_change *c, json_t *opts, const char **out, tc_err *e)
{
    if (!json_is_array(opts) || json_array_size(opts) == 0)
        return invalid(e, FIELD_INPUT, "Options are required for enum fields");
    regex_t re;
    regcomp(&re, "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", REG_EXTENDED | REG_NOSUB);
    json_t *copy = json_deep_copy(opts);
    size_t i;
    json_t *opt;
    int rc = 0;
    json_array_foreach(copy, i, opt)
    {
        const char *value = json_string_value(json_object_get(opt, "value"));
        const char *label = json_string_value(json_object_get(opt, "label"));
        const char *id = json_string_value(json_object_get(opt, "id"));
        json_t *pos = json_object_get(opt, "position");
        const char *why = NULL;
        if (!json_is_object(opt) || !value)
            why = "Option value is required";
        else if (!*value)
            why = "Option value must be a string of at least one character";
        else if (strlen(value) > TC_IDENT_MAX)
            why = "Option value exceeds 63 characters";
        else if (regexec(&re, value, 0, NULL, 0) != 0 || strstr(value, "__")) {
            rc = invalid(e, FIELD_INPUT, "Value must be in UPPER_CASE and follow snake_case \"%s\"",
                         value);
            break;
        } else if (!label)
            why = "Option label is required";
        else if (!*label)
            why = "Option label must be a string of at least one character";
        else if (strlen(label) > TC_IDENT_MAX)
            why = "Option label exceeds 63 characters";
        else if (strchr(label, ','))
            why = "Label must not contain a comma";
        else if (strspn(label, " \t") == strlen(label))
            why = "Label must not be empty";
        tc_uuid u;
        if (!why && id && tc_uuid_parse(id, strlen(id), &u) < 0)
            why = "Option id is invalid";
        if (why) {
            rc = invalid(e, FIELD_INPUT, "%s", why);
            break;
        }
        if (!id) {
            char fresh[TC_UUID_STR_LEN + 1];
            tc_uuid_v4(&u);
            tc_uuid_format(&u, fresh);
            json_object_set_new(opt, "id", json_string(fresh));
        }
        if (!pos)
            json_object_set_new(opt, "position", json_integer((json_int_t)i));
        else if (!json_is_number(pos)) {
            rc = invalid(e, FIELD_INPUT, "Option position must be a number");
            break;
        }
        for (size_t k = 0; k < i && rc == 0; k++) {
            json_t *prev = json_array_get(copy, k);
            if (json_equal(json_object_get(prev, "position"), json_object_get(opt, "position")))
                rc = invalid(e, FIELD_INPUT, "Duplicated option position");
            else if (json_equal(json_object_get(prev, "id"), json_object_get(opt, "id")))
                rc = invalid(e, FIELD_INPUT, "Duplicated option id");
            else if (json_equal(json_object_get(prev, "value"), json_object_get(opt, "value")))
                rc = invalid(e, FIELD_INPUT, "Duplicated option value");
        }
        if (rc < 0)
            break;
    }
    regfree(&re);
    if (rc == 0)
        *out = dump(c, copy);
    json_decref(copy);
    return rc;
}

/* RATING options are the server's: RATING_1..5 labelled "1".."5". */
static const char rating_options[] = "[{\"value\":\"RATING_1\",\"label\":\"1\",\"position\":0},"
                                     "{\"value\":\"RATING_2\",\"label\":\"2\",\"position\":1},"
                                     "{\"value\":\"RATING_3\",\"label\":\"3\",\"position\":2},"
                                     "{\"value\":\"RATING_4\",\"label\":\"4\",\"position\":3},"
                                     "{\"value\":\"RATING_5\",\"label\":\"5\",\"position\":4}]";

/* A SELECT/MULTI_SELECT default must name options: "'VALUE'" or ["'A'","'B'"]. */
static int check_enum_default(const char *options, json_t *def, bool multi, tc_err *e)
{
    if (!def || json_is_null(def))
        return 0;
    json_error_t jerr;
    json_t *opts = json_loads(options, 0, &jerr);
    size_t n = multi && json_is_array(def) ? json_array_size(def) : 1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        json_t *d = multi ? json_array_get(def, i) : def;
        const char *s = json_string_value(d);
        size_t len = s ? strlen(s) : 0;
        bool found = false;
        size_t k;
        json_t *opt;
        json_array_foreach(opts, k, opt)
        {
            const char *v = json_string_value(json_object_get(opt, "value"));
            found |= len >= 2 && s[0] == '\'' && s[len - 1] == '\'' && v && strlen(v) == len - 2 &&
                     strncmp(v, s + 1, len - 2) == 0;
        }
        if (!s)
            rc = invalid(e, FIELD_INPUT, "Default value for select must be a string");
        else if (len < 2 || s[0] != '\'' || s[len - 1] != '\'')
            rc = invalid(e, FIELD_INPUT, "Default value should be as quoted string");
        else if (!found)
            rc =
                invalid(e, FIELD_INPUT, "Default value \"%s\" must be one of the option values", s);
    }
    if (multi && !json_is_array(def))
        rc = invalid(e, FIELD_INPUT, "Default value for multi-select must be an array");
    else if (multi && json_array_size(def) == 0)
        rc = invalid(e, FIELD_INPUT, "If defined default value must contain at least one value");
    json_decref(opts);
    return rc;
}

/* The column names of field f must not collide with o's existing columns. */
static int check_columns_free(const tc_object *o, const tc_field *f, tc_err *e)
{
    tc_column mine[16];
    size_t n = tc_field_columns(o, f, mine, 16);
    for (size_t i = 0; i < o->nfields; i++) {
        if (o->fields[i] == f)
            continue;
        tc_column theirs[16];
        size_t k = tc_field_columns(o, o->fields[i], theirs, 16);
        for (size_t a = 0; a < n; a++) {
            for (size_t b = 0; b < k; b++) {
                if (strcmp(mine[a].name, theirs[b].name) == 0)
                    return invalid(e, "RESERVED_KEYWORD",
                                   "Name \"%s\" is reserved composite field name", f->name);
            }
        }
    }
    return 0;
}

static int field_name_free(const tc_object *o, const char *name, tc_err *e)
{
    if (check_name(name, FIELD_INPUT, e) < 0)
        return -1;
    if (tc_object_field(o, name))
        return invalid(e, "NOT_AVAILABLE",
                       "Name \"%s\" is not available as it is already used by another field", name);
    return 0;
}

static const char *const on_delete_names[] = {"CASCADE", "SET_NULL", "RESTRICT", "NO_ACTION"};

/* The relation both ways (createOneField with relationCreationPayload, spec api §5.4). */
static int create_relation(tc_change *c, tc_field *f, json_t *payload, json_t *settings, tc_err *e)
{
    const char *target_id, *target_label, *target_icon, *type;
    static const char malformed[] = "FIELD_METADATA_RELATION_MALFORMED";
    if (!json_is_object(payload) ||
        opt_string(payload, "targetObjectMetadataId", &target_id, e) < 0 ||
        opt_string(payload, "targetFieldLabel", &target_label, e) < 0 ||
        opt_string(payload, "targetFieldIcon", &target_icon, e) < 0 ||
        opt_string(payload, "type", &type, e) < 0 || !target_id || !target_label || !type ||
        (strcmp(type, "MANY_TO_ONE") != 0 && strcmp(type, "ONE_TO_MANY") != 0))
        return invalid(e, malformed, "Relation creation payload is invalid");
    tc_object *t = tc_model_object_by_id(c->m, target_id);
    if (!t)
        return invalid(e, malformed,
                       "Object metadata relation target not found for relation creation payload");
    bool many_to_one = strcmp(type, "MANY_TO_ONE") == 0;
    char inverse_name[TC_NAME_BUF];
    if (tc_camel_case(target_label, inverse_name, sizeof(inverse_name)) < 0)
        return invalid(e, FIELD_INPUT, "Invalid label: \"%s\"", target_label);
    size_t len = strlen(inverse_name);
    if (tc_name_reserved(inverse_name)) /* Twenty's suffix for reserved names from labels */
        snprintf(inverse_name + len, sizeof(inverse_name) - len, "Custom");
    if (field_name_free(t, inverse_name, e) < 0)
        return -1;
    if (t == f->object && strcmp(inverse_name, f->name) == 0)
        return invalid(e, "NOT_AVAILABLE",
                       "Name \"%s\" is not available as it is already used by another field",
                       inverse_name);
    tc_on_delete on_delete = TC_ON_DELETE_SET_NULL;
    const char *od = json_string_value(json_object_get(settings, "onDelete"));
    for (size_t i = 0; od && i < TC_COUNT(on_delete_names); i++) {
        if (strcmp(od, on_delete_names[i]) == 0)
            on_delete = (tc_on_delete)i;
    }
    tc_std_field inv = {.name = tc_arena_strdup(c->m->arena, inverse_name),
                        .type = TC_FT_RELATION,
                        .label = dup(c, target_label),
                        .icon = dup(c, target_icon),
                        .relation = many_to_one ? TC_REL_ONE_TO_MANY : TC_REL_MANY_TO_ONE,
                        .on_delete = on_delete};
    tc_field *b = add_decl(c, t, &inv, e);
    if (!b)
        return -1;
    b->is_custom = true;
    /* Rebuild f's relation settings now that its side is known. */
    tc_std_field self = {.name = f->name,
                         .type = TC_FT_RELATION,
                         .relation = many_to_one ? TC_REL_MANY_TO_ONE : TC_REL_ONE_TO_MANY,
                         .on_delete = on_delete};
    tc_field *rebuilt = tc_field_from_decl(c->m, f->object, &self, e);
    if (!rebuilt)
        return -1;
    f->relation = rebuilt->relation;
    f->on_delete = on_delete;
    f->join_column = rebuilt->join_column;
    f->settings = rebuilt->settings;
    pair(f, b);
    tc_field *owner = many_to_one ? f : b;
    if (check_columns_free(owner->object, owner, e) < 0 ||
        tc_ddl_add_field(&c->ddl, c->m, owner->object, owner, e) < 0)
        return -1;
    tc_ddl_foreign_key(&c->ddl, c->m, owner->object, owner);
    new_index(c, owner->object, false, TC_INDEX_BTREE, &owner, 1);
    return 0;
}

/* A MORPH_RELATION (morphRelationsCreationPayload, spec api §5.4): one member per target sharing
 * a new morphId, named <name><Target> (<name><Targets> for ONE_TO_MANY, spec §1.4), each with
 * its inverse on the target. *out is the first member. */
static int create_morph(tc_change *c, tc_object *o, const tc_std_field *base, bool active,
                        json_t *payloads, json_t *settings, tc_field **out, tc_err *e)
{
    if (!json_is_array(payloads) || json_array_size(payloads) == 0)
        return invalid(e, "FIELD_METADATA_RELATION_MALFORMED",
                       "Morph relation creation payload is invalid");
    tc_uuid morph;
    char morph_id[TC_UUID_STR_LEN + 1];
    tc_uuid_v4(&morph);
    tc_uuid_format(&morph, morph_id);
    const char *first_type = NULL;
    size_t i;
    json_t *p;
    json_array_foreach(payloads, i, p)
    {
        const char *target_id = json_string_value(json_object_get(p, "targetObjectMetadataId"));
        const char *type = json_string_value(json_object_get(p, "type"));
        tc_object *t = target_id ? tc_model_object_by_id(c->m, target_id) : NULL;
        if (!t)
            return invalid(
                e, "FIELD_METADATA_RELATION_MALFORMED",
                "Object metadata relation target not found for relation creation payload");
        if (!type || (first_type && strcmp(type, first_type) != 0))
            return invalid(e, "FIELD_METADATA_RELATION_MALFORMED",
                           "Morph relation members must all have the same relation type");
        first_type = type;
        char target[TC_NAME_BUF], name[2 * TC_NAME_BUF];
        capitalized(strcmp(type, "ONE_TO_MANY") == 0 ? t->name_plural : t->name_singular, target,
                    sizeof(target));
        snprintf(name, sizeof(name), "%s%s", base->name, target);
        if (strlen(name) + 2 > TC_IDENT_MAX)
            return invalid(e, FIELD_INPUT, "Name is too long");
        if (field_name_free(o, name, e) < 0)
            return -1;
        tc_std_field d = *base;
        d.name = dup(c, name);
        d.morph_id = dup(c, morph_id);
        tc_field *f = add_decl(c, o, &d, e);
        if (!f)
            return -1;
        f->is_active = active;
        f->is_custom = true;
        if (create_relation(c, f, p, settings, e) < 0)
            return -1;
        if (i == 0)
            *out = f;
    }
    return 0;
}

int tc_change_create_field(tc_change *c, json_t *in, tc_field **out, tc_err *e)
{
    const char *object_id, *type_name, *name, *label, *description, *icon;
    bool nullable, unique, active;
    if (!json_is_object(in))
        return invalid(e, FIELD_INPUT, "The field to create is missing");
    if (req_string(in, "objectMetadataId", &object_id, e) < 0 ||
        req_string(in, "type", &type_name, e) < 0 || req_string(in, "name", &name, e) < 0 ||
        req_string(in, "label", &label, e) < 0 ||
        opt_string(in, "description", &description, e) < 0 ||
        opt_string(in, "icon", &icon, e) < 0 ||
        opt_bool(in, "isNullable", &nullable, true, e) < 0 ||
        opt_bool(in, "isUnique", &unique, false, e) < 0 ||
        opt_bool(in, "isActive", &active, true, e) < 0 || check_field_label(label, e) < 0)
        return -1;
    tc_object *o = tc_model_object_by_id(c->m, object_id);
    if (!o)
        return invalid(e, "OBJECT_METADATA_NOT_FOUND", "Object metadata not found");
    tc_field_type type;
    if (tc_field_type_parse(type_name, &type) < 0)
        return invalid(
            e, FIELD_INPUT, "type must be one of the following values: %s",
            "UUID, TEXT, "
            "PHONES, EMAILS, DATE_TIME, DATE, BOOLEAN, NUMBER, NUMERIC, LINKS, CURRENCY, "
            "FULL_NAME, RATING, SELECT, MULTI_SELECT, RELATION, MORPH_RELATION, POSITION, "
            "ADDRESS, RAW_JSON, RICH_TEXT, RICH_TEXT_V2, ACTOR, ARRAY, TS_VECTOR, FILES");
    if (type == TC_FT_TS_VECTOR || type == TC_FT_POSITION)
        return invalid(e, FIELD_INPUT, "Fields of type %s cannot be created", type_name);
    if (field_name_free(o, name, e) < 0)
        return -1;
    json_t *settings = json_object_get(in, "settings");
    json_t *def = json_object_get(in, "defaultValue");
    if (settings && !json_is_null(settings) && !json_is_object(settings))
        return invalid(e, FIELD_INPUT, "settings must be an object");
    tc_std_field d = {.name = dup(c, name),
                      .type = type,
                      .label = dup(c, label),
                      .description = dup(c, description),
                      .icon = dup(c, icon),
                      .flags = (nullable ? 0 : TC_STD_NOT_NULL) | (unique ? TC_STD_UNIQUE : 0),
                      .default_value = dump(c, def)};
    tc_type_kind kind = tc_field_type_info_of(type)->kind;
    if (kind != TC_KIND_RELATION)
        d.settings = dump(c, settings);
    if (type == TC_FT_RATING) {
        d.options = rating_options;
    } else if (kind == TC_KIND_ENUM || kind == TC_KIND_ENUM_ARRAY) {
        if (check_options(c, json_object_get(in, "options"), &d.options, e) < 0 ||
            check_enum_default(d.options, def, kind == TC_KIND_ENUM_ARRAY, e) < 0)
            return -1;
    }
    if (unique && kind == TC_KIND_RELATION)
        return invalid(e, FIELD_INPUT, "Relation fields cannot be unique");
    if (type == TC_FT_MORPH_RELATION)
        return create_morph(c, o, &d, active, json_object_get(in, "morphRelationsCreationPayload"),
                            settings, out, e);
    tc_field *f = add_decl(c, o, &d, e);
    if (!f)
        return -1;
    f->is_active = active;
    f->is_custom = true;
    if (kind == TC_KIND_RELATION) {
        if (create_relation(c, f, json_object_get(in, "relationCreationPayload"), settings, e) < 0)
            return -1;
    } else if (check_columns_free(o, f, e) < 0 || tc_ddl_add_field(&c->ddl, c->m, o, f, e) < 0) {
        return -1;
    }
    if (unique)
        new_index(c, o, true, TC_INDEX_BTREE, &f, 1);
    *out = f;
    return 0;
}

int tc_change_update_field(tc_change *c, const char *id, json_t *up, tc_field **out, tc_err *e)
{
    tc_field *f = tc_model_field_by_id(c->m, id);
    if (!f)
        return invalid(e, "FIELD_METADATA_NOT_FOUND", "field metadata to update not found");
    if (!json_is_object(up))
        return invalid(e, FIELD_INPUT, "The update is missing");
    const char *type = json_string_value(json_object_get(up, "type"));
    if ((json_object_get(up, "type") && !type) ||
        (type && strcmp(type, tc_field_type_info_of(f->type)->name) != 0))
        return invalid(e, FIELD_INPUT, "Cannot update field type");
    tc_object *o = f->object;
    tc_field before = *f;
    json_t *set = json_object();
    int rc = -1;
    const char *name, *label, *description, *icon;
    bool active, nullable, unique;
    if (opt_string(up, "name", &name, e) < 0 || opt_string(up, "label", &label, e) < 0 ||
        opt_string(up, "description", &description, e) < 0 ||
        opt_string(up, "icon", &icon, e) < 0 ||
        opt_bool(up, "isActive", &active, f->is_active, e) < 0 ||
        opt_bool(up, "isNullable", &nullable, f->is_nullable, e) < 0 ||
        opt_bool(up, "isUnique", &unique, f->is_unique, e) < 0)
        goto out;
    if (f->is_system) {
        /* System fields only change their activation (FIELD_MUTATION_NOT_ALLOWED). */
        const char *key;
        json_t *v;
        char forbidden[256] = "";
        size_t used = 0;
        json_object_foreach(up, key, v)
        {
            if (strcmp(key, "isActive") != 0 && strcmp(key, "id") != 0 && used < sizeof(forbidden))
                used += (size_t)snprintf(forbidden + used, sizeof(forbidden) - used, "%s%s",
                                         used ? ", " : "", key);
        }
        if (forbidden[0]) {
            invalid(e, "FIELD_MUTATION_NOT_ALLOWED",
                    "System fields only allow updating: universalSettings, isActive. Forbidden "
                    "properties: %s",
                    forbidden);
            goto out;
        }
    }
    if (label) {
        if (check_field_label(label, e) < 0)
            goto out;
        f->label = dup(c, label);
        json_object_set_new(set, "label", json_string(label));
    }
    if (json_object_get(up, "description")) {
        f->description = dup(c, description);
        json_object_set(set, "description", json_object_get(up, "description"));
    }
    if (json_object_get(up, "icon")) {
        f->icon = dup(c, icon);
        json_object_set(set, "icon", json_object_get(up, "icon"));
    }
    if (active != f->is_active) {
        if (!active && o->label_identifier == f) {
            invalid(e, "FIELD_MUTATION_NOT_ALLOWED",
                    "Label identifier field metadata cannot be deactivated");
            goto out;
        }
        f->is_active = active;
        json_object_set_new(set, "isActive", json_boolean(active));
    }
    bool schema_change = (name && strcmp(name, f->name) != 0) || nullable != f->is_nullable ||
                         unique != f->is_unique || json_object_get(up, "defaultValue") ||
                         json_object_get(up, "options");
    if (schema_change && !f->is_custom) {
        invalid(e, "FIELD_MUTATION_NOT_ALLOWED",
                "Only the label, description, icon and activation of a standard field can be "
                "changed");
        goto out;
    }
    tc_type_kind kind = tc_field_type_info_of(f->type)->kind;
    if (name && strcmp(name, f->name) != 0) {
        if (field_name_free(o, name, e) < 0 || rename_field(c, f, name, e) < 0)
            goto out;
    }
    if (json_object_get(up, "options") && (kind == TC_KIND_ENUM || kind == TC_KIND_ENUM_ARRAY) &&
        f->type != TC_FT_RATING) {
        if (check_options(c, json_object_get(up, "options"), &f->options, e) < 0)
            goto out;
        json_error_t jerr;
        json_object_set_new(set, "options", json_loads(f->options, 0, &jerr));
    }
    if (json_object_get(up, "defaultValue")) {
        json_t *def = json_object_get(up, "defaultValue");
        if ((kind == TC_KIND_ENUM || kind == TC_KIND_ENUM_ARRAY) &&
            check_enum_default(f->options, def, kind == TC_KIND_ENUM_ARRAY, e) < 0)
            goto out;
        f->default_value = dump(c, def);
        json_object_set(set, "defaultValue", def);
    }
    f->is_nullable = nullable;
    if (nullable != before.is_nullable)
        json_object_set_new(set, "isNullable", json_boolean(nullable));
    if (kind != TC_KIND_RELATION && kind != TC_KIND_TS_VECTOR) {
        if (f->options != before.options && (kind == TC_KIND_ENUM || kind == TC_KIND_ENUM_ARRAY)) {
            if (tc_ddl_sync_enum(&c->ddl, c->m, o, &before, f, e) < 0)
                goto out;
        } else if (f->default_value != before.default_value || nullable != before.is_nullable) {
            if (tc_ddl_alter_field(&c->ddl, c->m, o, f, e) < 0)
                goto out;
        }
    }
    if (unique != f->is_unique) {
        if (kind == TC_KIND_RELATION) {
            invalid(e, FIELD_INPUT, "Relation fields cannot be unique");
            goto out;
        }
        f->is_unique = unique;
        json_object_set_new(set, "isUnique", json_boolean(unique));
        if (unique) {
            new_index(c, o, true, TC_INDEX_BTREE, &f, 1);
        } else {
            for (size_t i = 0; i < o->nindexes; i++) {
                tc_index *x = o->indexes[i];
                if (x->is_unique && x->nfields == 1 && x->fields[0] == f) {
                    const char *p[] = {x->id};
                    tc_ddl_drop_index(&c->ddl, c->m, x);
                    if (exec(c, "DELETE FROM \"indexMetadata\" WHERE \"id\" = $1", 1, p, e) < 0)
                        goto out;
                }
            }
        }
    }
    rc = update_row(c, "fieldMetadata", f->id, set, e);
    *out = f;
out:
    json_decref(set);
    return rc;
}

int tc_change_delete_field(tc_change *c, const char *id, tc_err *e)
{
    tc_field *f = tc_model_field_by_id(c->m, id);
    if (!f)
        return tc_err_set(e, TC_E_FIELD_NOT_FOUND, "Field metadata not found");
    if (f->is_system)
        return invalid(e, "FIELD_MUTATION_NOT_ALLOWED", "System fields cannot be deleted");
    if (f->object->label_identifier == f)
        return invalid(e, "FIELD_MUTATION_NOT_ALLOWED",
                       "Cannot delete, please update the label identifier field first");
    const char **search = search_fields_of(c, f->object);
    size_t kept = 0;
    bool searched = false;
    for (size_t i = 0; search[i]; i++) {
        if (strcmp(search[i], f->name) == 0)
            searched = true;
        else
            search[kept++] = search[i];
    }
    search[kept] = NULL;
    /* The generated column must stop reading the field before its columns can go. */
    if (searched && rebuild_search_vector(c, f->object, search, e) < 0)
        return -1;
    json_t *ids = json_array();
    json_array_append_new(ids, json_string(f->id));
    tc_ddl_drop_field(&c->ddl, c->m, f->object, f);
    tc_field *b = f->target_field;
    if (b) {
        tc_ddl_drop_field(&c->ddl, c->m, b->object, b);
        json_array_append_new(ids, json_string(b->id));
    }
    int rc = delete_field_rows(c, dump(c, ids), e);
    json_decref(ids);
    return rc;
}
