/* Computing a permission view (see view.h). Twenty's rules (spec/twenty-datamodel.md §6):
 * an object's permission is its objectPermission value when not NULL, else the role's
 * can…AllObjectRecords; a fieldPermission false restricts, NULL inherits. twentyc adds the two
 * implications Twenty's validators enforce on stored rows: nothing but reading is possible on
 * an object that cannot be read, and a field that cannot be read cannot be updated. */
#include "perm/view.h"

#include <stdlib.h>
#include <string.h>

#include "base/die.h"

static const char role_sql[] =
    "SELECT \"canUpdateAllSettings\", \"canAccessAllTools\", \"canReadAllObjectRecords\","
    " \"canUpdateAllObjectRecords\", \"canSoftDeleteAllObjectRecords\","
    " \"canDestroyAllObjectRecords\" FROM \"role\" WHERE \"id\" = $1::uuid";
static const char objects_sql[] =
    "SELECT \"objectMetadataId\", coalesce(\"canReadObjectRecords\"::text, ''),"
    " coalesce(\"canUpdateObjectRecords\"::text, ''),"
    " coalesce(\"canSoftDeleteObjectRecords\"::text, ''),"
    " coalesce(\"canDestroyObjectRecords\"::text, '')"
    " FROM \"objectPermission\" WHERE \"roleId\" = $1::uuid";
static const char fields_sql[] =
    "SELECT \"fieldMetadataId\", coalesce(\"canReadFieldValue\"::text, ''),"
    " coalesce(\"canUpdateFieldValue\"::text, '')"
    " FROM \"fieldPermission\" WHERE \"roleId\" = $1::uuid";
static const char flags_sql[] =
    "SELECT \"flag\" FROM \"permissionFlag\" WHERE \"roleId\" = $1::uuid ORDER BY \"flag\"";

static bool is_true(const char *text)
{
    return strcmp(text, "t") == 0 || strcmp(text, "true") == 0;
}

/* A nullable boolean column as text ("" = NULL). */
static tc_override override_of(const char *text)
{
    return !text[0] ? TC_INHERIT : is_true(text) ? TC_ALLOW : TC_DENY;
}

static bool apply(tc_override o, bool inherited)
{
    return o == TC_INHERIT ? inherited : o == TC_ALLOW;
}

static ptrdiff_t object_index(const tc_model *m, const char *id)
{
    for (size_t i = 0; i < m->nobjects; i++) {
        if (strcmp(m->objects[i]->id, id) == 0)
            return (ptrdiff_t)i;
    }
    return -1;
}

static PGresult *by_role(tc_db *db, const char *sql, const char *role_id, tc_err *e)
{
    const char *p[] = {role_id};
    return tc_db_query(db, sql, 1, p, e);
}

/* Role-wide flags into v; every object gets the role's defaults. */
static int load_role(tc_db *db, tc_perm_view *v, tc_err *e)
{
    PGresult *r = by_role(db, role_sql, v->role_id, e);
    if (!r)
        return -1;
    tc_object_access all = {false, false, false, false};
    if (PQntuples(r) == 1) {
        v->settings_all = is_true(PQgetvalue(r, 0, 0));
        v->tools_all = is_true(PQgetvalue(r, 0, 1));
        all = (tc_object_access){is_true(PQgetvalue(r, 0, 2)), is_true(PQgetvalue(r, 0, 3)),
                                 is_true(PQgetvalue(r, 0, 4)), is_true(PQgetvalue(r, 0, 5))};
    }
    PQclear(r);
    for (size_t i = 0; i < v->model->nobjects; i++)
        v->objects[i] = all;
    return 0;
}

static int load_objects(tc_db *db, tc_perm_view *v, tc_err *e)
{
    PGresult *r = by_role(db, objects_sql, v->role_id, e);
    if (!r)
        return -1;
    for (int row = 0; row < PQntuples(r); row++) {
        ptrdiff_t i = object_index(v->model, PQgetvalue(r, row, 0));
        if (i < 0)
            continue; /* an object this snapshot does not have */
        tc_object_access *a = &v->objects[i];
        a->read = apply(override_of(PQgetvalue(r, row, 1)), a->read);
        a->update = apply(override_of(PQgetvalue(r, row, 2)), a->update);
        a->soft_delete = apply(override_of(PQgetvalue(r, row, 3)), a->soft_delete);
        a->destroy = apply(override_of(PQgetvalue(r, row, 4)), a->destroy);
    }
    PQclear(r);
    for (size_t i = 0; i < v->model->nobjects; i++) {
        tc_object_access *a = &v->objects[i];
        if (!a->read)
            a->update = a->soft_delete = a->destroy = false;
    }
    return 0;
}

static int load_fields(tc_db *db, tc_perm_view *v, tc_err *e)
{
    const tc_model *m = v->model;
    for (size_t i = 0; i < m->nobjects; i++) {
        v->fields[i] = tc_arena_calloc(v->arena, m->objects[i]->nfields + 1, sizeof(**v->fields));
        for (size_t j = 0; j < m->objects[i]->nfields; j++)
            v->fields[i][j] = (tc_field_access){false, false, TC_INHERIT, TC_INHERIT};
    }
    PGresult *r = by_role(db, fields_sql, v->role_id, e);
    if (!r)
        return -1;
    for (int row = 0; row < PQntuples(r); row++) {
        const tc_field *f = tc_model_field_by_id(m, PQgetvalue(r, row, 0));
        if (!f)
            continue;
        ptrdiff_t i = object_index(m, f->object->id);
        for (size_t j = 0; i >= 0 && j < f->object->nfields; j++) {
            if (f->object->fields[j] == f) {
                v->fields[i][j].read_set = override_of(PQgetvalue(r, row, 1));
                v->fields[i][j].update_set = override_of(PQgetvalue(r, row, 2));
            }
        }
    }
    PQclear(r);
    for (size_t i = 0; i < m->nobjects; i++) {
        for (size_t j = 0; j < m->objects[i]->nfields; j++) {
            tc_field_access *a = &v->fields[i][j];
            a->read = v->objects[i].read && a->read_set != TC_DENY;
            a->update = v->objects[i].update && a->read && a->update_set != TC_DENY;
        }
    }
    return 0;
}

static int load_flags(tc_db *db, tc_perm_view *v, tc_err *e)
{
    PGresult *r = by_role(db, flags_sql, v->role_id, e);
    if (!r)
        return -1;
    v->nflags = (size_t)PQntuples(r);
    v->flags = tc_arena_calloc(v->arena, v->nflags + 1, sizeof(*v->flags));
    for (size_t i = 0; i < v->nflags; i++)
        v->flags[i] = tc_arena_strdup(v->arena, PQgetvalue(r, (int)i, 0));
    PQclear(r);
    return 0;
}

tc_perm_view *tc_perm_view_load(tc_db *db, const tc_snapshot *s, const char *role_id, tc_err *e)
{
    tc_arena *a = tc_arena_new(4096);
    tc_perm_view *v = tc_arena_calloc(a, 1, sizeof(*v));
    const tc_model *model = s->model;
    v->arena = a;
    v->snapshot = tc_snapshot_retain(s);
    v->model = model;
    atomic_init(&v->refs, 1);
    snprintf(v->role_id, sizeof(v->role_id), "%s", role_id);
    v->objects = tc_arena_calloc(a, model->nobjects + 1, sizeof(*v->objects));
    v->fields = tc_arena_calloc(a, model->nobjects + 1, sizeof(*v->fields));
    v->flags = tc_arena_calloc(a, 1, sizeof(*v->flags));
    if (!role_id[0]) {
        for (size_t i = 0; i < model->nobjects; i++)
            v->fields[i] = tc_arena_calloc(a, model->objects[i]->nfields + 1, sizeof(**v->fields));
        return v;
    }
    if (load_role(db, v, e) < 0 || load_objects(db, v, e) < 0 || load_fields(db, v, e) < 0 ||
        load_flags(db, v, e) < 0) {
        tc_perm_view_release(v);
        return NULL;
    }
    return v;
}

const tc_perm_view *tc_perm_view_retain(const tc_perm_view *v)
{
    atomic_fetch_add(&((tc_perm_view *)v)->refs, 1);
    return v;
}

void tc_perm_view_release(const tc_perm_view *v)
{
    tc_perm_view *w = (tc_perm_view *)v;
    if (w && atomic_fetch_sub(&w->refs, 1) == 1) {
        tc_snapshot_release(w->snapshot);
        tc_arena_free(w->arena);
    }
}

const char *const tc_perm_flags[] = {
    "AI",          "AI_SETTINGS",         "API_KEYS_AND_WEBHOOKS", "APPLICATIONS",
    "BILLING",     "CODE_INTERPRETER_TOOL", "CONNECTED_ACCOUNTS",  "DATA_MODEL",
    "DOWNLOAD_FILE", "EXPORT_CSV",        "HTTP_REQUEST_TOOL",     "IMPERSONATE",
    "IMPORT_CSV",  "LAYOUTS",             "MARKETPLACE_APPS",      "PROFILE_INFORMATION",
    "ROLES",       "SECURITY",            "SEND_EMAIL_TOOL",       "SSO_BYPASS",
    "UPLOAD_FILE", "VIEWS",               "WORKFLOWS",             "WORKSPACE",
    "WORKSPACE_MEMBERS",
};
const size_t tc_perm_nflags = sizeof(tc_perm_flags) / sizeof(tc_perm_flags[0]);

static bool is_tool_flag(const char *flag)
{
    size_t n = strlen(flag);
    return (n > 5 && strcmp(flag + n - 5, "_TOOL") == 0) || strcmp(flag, "IMPORT_CSV") == 0 ||
           strcmp(flag, "EXPORT_CSV") == 0;
}

bool tc_perm_has_flag(const tc_perm_view *v, const char *flag)
{
    for (size_t i = 0; i < v->nflags; i++) {
        if (strcmp(v->flags[i], flag) == 0)
            return true;
    }
    return is_tool_flag(flag) ? v->tools_all : v->settings_all;
}

tc_object_access tc_perm_object(const tc_perm_view *v, const tc_object *o)
{
    for (size_t i = 0; i < v->model->nobjects; i++) {
        if (v->model->objects[i] == o)
            return v->objects[i];
    }
    return (tc_object_access){false, false, false, false};
}

tc_field_access tc_perm_field(const tc_perm_view *v, const tc_field *f)
{
    for (size_t i = 0; i < v->model->nobjects; i++) {
        if (v->model->objects[i] != f->object)
            continue;
        for (size_t j = 0; j < f->object->nfields; j++) {
            if (f->object->fields[j] == f)
                return v->fields[i][j];
        }
    }
    return (tc_field_access){false, false, TC_INHERIT, TC_INHERIT};
}
