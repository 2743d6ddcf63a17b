/* The model from the core tables (see load.h). */
#include "meta/load.h"

#include <jansson.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "base/die.h"
#include "base/time.h"

static const char load_sql[] =
    "SELECT w.\"metadataVersion\","
    " (SELECT coalesce(json_agg(o ORDER BY o.\"createdAt\", o.\"nameSingular\"), '[]')"
    "  FROM \"objectMetadata\" o WHERE o.\"workspaceId\" = w.\"id\"),"
    " (SELECT coalesce(json_agg(f ORDER BY f.\"createdAt\", f.\"name\"), '[]')"
    "  FROM \"fieldMetadata\" f WHERE f.\"workspaceId\" = w.\"id\"),"
    " (SELECT coalesce(json_agg(json_build_object('id', i.\"id\", 'name', i.\"name\","
    "   'objectMetadataId', i.\"objectMetadataId\", 'isUnique', i.\"isUnique\","
    "   'isCustom', i.\"isCustom\", 'indexWhereClause', i.\"indexWhereClause\","
    "   'indexType', i.\"indexType\", 'fields', (SELECT json_agg(x.\"fieldMetadataId\""
    "   ORDER BY x.\"order\") FROM \"indexFieldMetadata\" x WHERE x.\"indexMetadataId\" = "
    "i.\"id\"))"
    "   ORDER BY i.\"name\"), '[]') FROM \"indexMetadata\" i WHERE i.\"workspaceId\" = w.\"id\"),"
    " (SELECT count(*) > 0 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
    "  WHERE n.nspname = $2 AND p.proname = 'unaccent_immutable')"
    " FROM \"workspace\" w WHERE w.\"id\" = $1::uuid";

/* A string member copied into the arena; NULL when absent or null. */
static const char *str(tc_arena *a, json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? tc_arena_strdup(a, s) : NULL;
}

static bool flag(json_t *o, const char *key, bool absent)
{
    json_t *v = json_object_get(o, key);
    return json_is_boolean(v) ? json_is_true(v) : absent;
}

/* A JSON member as compact text in the arena; NULL when absent or null. */
static const char *json_member(tc_arena *a, json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
    if (!s)
        tc_die_oom();
    const char *r = tc_arena_strdup(a, s);
    free(s);
    return r;
}

/* A timestamptz member as ISO 8601 in the arena; NULL when absent. */
static const char *timestamp(tc_arena *a, json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    char iso[TC_ISO8601_LEN + 1];
    return s && tc_time_pg_to_iso(s, iso) == 0 ? tc_arena_strdup(a, iso) : NULL;
}

static void copy_id(char *dst, json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    snprintf(dst, TC_UUID_STR_LEN + 1, "%s", s ? s : "");
}

static int add_objects(tc_model *m, json_t *rows)
{
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r)
    {
        tc_object *o = tc_arena_calloc(m->arena, 1, sizeof(*o));
        copy_id(o->id, r, "id");
        o->name_singular = str(m->arena, r, "nameSingular");
        o->name_plural = str(m->arena, r, "namePlural");
        o->label_singular = str(m->arena, r, "labelSingular");
        o->label_plural = str(m->arena, r, "labelPlural");
        o->description = str(m->arena, r, "description");
        o->icon = str(m->arena, r, "icon");
        o->shortcut = str(m->arena, r, "shortcut");
        o->universal_identifier = str(m->arena, r, "universalIdentifier");
        o->duplicate_criteria = json_member(m->arena, r, "duplicateCriteria");
        o->is_custom = flag(r, "isCustom", false);
        o->is_system = flag(r, "isSystem", false);
        o->is_active = flag(r, "isActive", false);
        o->is_searchable = flag(r, "isSearchable", false);
        o->is_audit_logged = flag(r, "isAuditLogged", true);
        o->created_at = timestamp(m->arena, r, "createdAt");
        o->updated_at = timestamp(m->arena, r, "updatedAt");
        if (!o->name_singular || !o->name_plural ||
            tc_table_name(o->name_singular, o->is_custom, o->table, sizeof(o->table)) < 0)
            return -1;
        tc_model_add_object(m, o);
    }
    return 0;
}

static const char *const relation_names[] = {"", "MANY_TO_ONE", "ONE_TO_MANY"};
static const char *const on_delete_names[] = {"CASCADE", "SET_NULL", "RESTRICT", "NO_ACTION"};

static int lookup(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; s && i < n; i++) {
        if (strcmp(names[i], s) == 0)
            return (int)i;
    }
    return -1;
}

static int add_fields(tc_model *m, json_t *rows)
{
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r)
    {
        tc_field *f = tc_arena_calloc(m->arena, 1, sizeof(*f));
        copy_id(f->id, r, "id");
        f->object =
            tc_model_object_by_id(m, json_string_value(json_object_get(r, "objectMetadataId")));
        f->name = str(m->arena, r, "name");
        f->label = str(m->arena, r, "label");
        f->description = str(m->arena, r, "description");
        f->icon = str(m->arena, r, "icon");
        const char *type = json_string_value(json_object_get(r, "type"));
        if (!f->object || !f->name || !type || tc_field_type_parse(type, &f->type) < 0)
            return -1;
        f->is_nullable = flag(r, "isNullable", true);
        f->is_unique = flag(r, "isUnique", false);
        f->is_system = flag(r, "isSystem", false);
        f->is_active = flag(r, "isActive", false);
        f->is_custom = flag(r, "isCustom", false);
        f->is_ui_editable = flag(r, "isUIEditable", true);
        f->default_value = json_member(m->arena, r, "defaultValue");
        f->options = json_member(m->arena, r, "options");
        f->settings = json_member(m->arena, r, "settings");
        f->morph_id = str(m->arena, r, "morphId");
        f->created_at = timestamp(m->arena, r, "createdAt");
        f->updated_at = timestamp(m->arena, r, "updatedAt");
        json_t *settings = json_object_get(r, "settings");
        int rel = lookup(relation_names, TC_COUNT(relation_names),
                         json_string_value(json_object_get(settings, "relationType")));
        int del = lookup(on_delete_names, TC_COUNT(on_delete_names),
                         json_string_value(json_object_get(settings, "onDelete")));
        f->relation = rel > 0 ? (tc_relation_type)rel : TC_REL_NONE;
        f->on_delete = del >= 0 ? (tc_on_delete)del : TC_ON_DELETE_CASCADE;
        if (f->relation == TC_REL_MANY_TO_ONE)
            f->join_column = str(m->arena, settings, "joinColumnName");
        tc_object_add_field(m, f->object, f);
    }
    /* Second pass: relation targets, now that every field exists. */
    json_array_foreach(rows, i, r)
    {
        const char *target = json_string_value(json_object_get(r, "relationTargetFieldMetadataId"));
        if (!target)
            continue;
        tc_field *f = tc_model_field_by_id(m, json_string_value(json_object_get(r, "id")));
        f->target_field = tc_model_field_by_id(m, target);
        f->target_object = f->target_field ? f->target_field->object : NULL;
    }
    return 0;
}

static int add_indexes(tc_model *m, json_t *rows)
{
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r)
    {
        tc_index *x = tc_arena_calloc(m->arena, 1, sizeof(*x));
        copy_id(x->id, r, "id");
        x->object =
            tc_model_object_by_id(m, json_string_value(json_object_get(r, "objectMetadataId")));
        const char *name = json_string_value(json_object_get(r, "name"));
        if (!x->object || !name)
            return -1;
        snprintf(x->name, sizeof(x->name), "%s", name);
        x->is_unique = flag(r, "isUnique", false);
        x->is_custom = flag(r, "isCustom", false);
        x->where = str(m->arena, r, "indexWhereClause");
        const char *type = json_string_value(json_object_get(r, "indexType"));
        x->type = type && strcmp(type, "GIN") == 0 ? TC_INDEX_GIN : TC_INDEX_BTREE;
        json_t *fields = json_object_get(r, "fields");
        x->nfields = json_is_array(fields) ? json_array_size(fields) : 0;
        x->fields = tc_arena_calloc(m->arena, x->nfields ? x->nfields : 1, sizeof(*x->fields));
        for (size_t k = 0; k < x->nfields; k++) {
            x->fields[k] = tc_model_field_by_id(m, json_string_value(json_array_get(fields, k)));
            if (!x->fields[k])
                return -1;
        }
        tc_object_add_index(m, x->object, x);
    }
    return 0;
}

tc_model *tc_model_load(tc_db *db, const char *core_schema, const char *workspace_id, int *version,
                        tc_err *e)
{
    tc_uuid id;
    if (tc_uuid_parse(workspace_id, strlen(workspace_id), &id) < 0)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Invalid workspace id: %s", workspace_id), NULL;
    const char *p[] = {workspace_id, core_schema};
    PGresult *r = tc_db_query(db, load_sql, 2, p, e);
    if (!r)
        return NULL;
    if (PQntuples(r) == 0) {
        PQclear(r);
        return tc_err_set(e, TC_E_NOT_FOUND, "Workspace %s not found", workspace_id), NULL;
    }
    tc_model *m = tc_model_new(&id, core_schema, strcmp(PQgetvalue(r, 0, 4), "t") == 0);
    if (version)
        *version = (int)strtol(PQgetvalue(r, 0, 0), NULL, 10);
    json_error_t jerr;
    json_t *objects = json_loads(PQgetvalue(r, 0, 1), 0, &jerr);
    json_t *fields = json_loads(PQgetvalue(r, 0, 2), 0, &jerr);
    json_t *indexes = json_loads(PQgetvalue(r, 0, 3), 0, &jerr);
    PQclear(r);
    int rc = objects && fields && indexes ? 0 : -1;
    if (rc == 0)
        rc = add_objects(m, objects);
    if (rc == 0)
        rc = add_fields(m, fields);
    if (rc == 0)
        rc = add_indexes(m, indexes);
    size_t i;
    json_t *row;
    json_array_foreach(objects, i, row)
    {
        const char *lid = json_string_value(json_object_get(row, "labelIdentifierFieldMetadataId"));
        if (rc == 0 && lid)
            m->objects[i]->label_identifier = tc_model_field_by_id(m, lid);
    }
    json_decref(objects);
    json_decref(fields);
    json_decref(indexes);
    if (rc < 0) {
        tc_model_free(m);
        return tc_err_set(e, TC_E_INTERNAL, "the metadata of workspace %s is inconsistent",
                          workspace_id),
               NULL;
    }
    return m;
}
