/* Metadata rows from a model (see catalog.h). Values travel as one JSON parameter per table;
 * the SQL is constant. */
#include "meta/catalog.h"

#include <string.h>

#include "base/json.h"

#define ROWS_MAX (64u << 20)

static void kstr(tc_json *j, const char *k, const char *v)
{
    tc_json_key(j, k);
    tc_json_str(j, v);
}

static void kbool(tc_json *j, const char *k, bool v)
{
    tc_json_key(j, k);
    tc_json_bool(j, v);
}

/* A member holding JSON text already validated by the model (defaults, options, settings). */
static void kraw(tc_json *j, const char *k, const char *json)
{
    tc_json_key(j, k);
    if (json)
        tc_json_raw(j, json, strlen(json));
    else
        tc_json_null(j);
}

static int run(tc_db *db, const char *sql, const tc_buf *rows, tc_err *e)
{
    if (rows->failed)
        return tc_err_set(e, TC_E_INTERNAL, "metadata too large");
    const char *p[] = {tc_buf_cstr(rows)};
    PGresult *r = tc_db_query(db, sql, 1, p, e);
    if (!r)
        return -1;
    PQclear(r);
    return 0;
}

static int insert_objects(tc_db *db, const char *ws, const tc_catalog_rows *rows, tc_err *e)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, ROWS_MAX);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    for (size_t i = 0; i < rows->nobjects; i++) {
        const tc_object *o = rows->objects[i];
        tc_json_obj_begin(&j);
        kstr(&j, "id", o->id);
        kstr(&j, "nameSingular", o->name_singular);
        kstr(&j, "namePlural", o->name_plural);
        kstr(&j, "labelSingular", o->label_singular);
        kstr(&j, "labelPlural", o->label_plural);
        kstr(&j, "description", o->description);
        kstr(&j, "icon", o->icon);
        kstr(&j, "targetTableName", o->table);
        kbool(&j, "isCustom", o->is_custom);
        kbool(&j, "isActive", o->is_active);
        kbool(&j, "isSystem", o->is_system);
        kbool(&j, "isAuditLogged", o->is_audit_logged);
        kbool(&j, "isSearchable", o->is_searchable);
        kraw(&j, "duplicateCriteria", o->duplicate_criteria);
        kstr(&j, "shortcut", o->shortcut);
        kstr(&j, "labelIdentifierFieldMetadataId",
             o->label_identifier ? o->label_identifier->id : NULL);
        kstr(&j, "universalIdentifier", o->universal_identifier);
        kstr(&j, "workspaceId", ws);
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    int rc = run(
        db,
        "INSERT INTO \"objectMetadata\" (\"id\", \"nameSingular\", \"namePlural\","
        " \"labelSingular\", \"labelPlural\", \"description\", \"icon\", \"targetTableName\","
        " \"isCustom\", \"isActive\", \"isSystem\", \"isAuditLogged\", \"isSearchable\","
        " \"duplicateCriteria\", \"shortcut\", \"labelIdentifierFieldMetadataId\","
        " \"universalIdentifier\", \"workspaceId\")"
        " SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(\"id\" uuid, \"nameSingular\" text,"
        " \"namePlural\" text, \"labelSingular\" text, \"labelPlural\" text, \"description\" text,"
        " \"icon\" text, \"targetTableName\" text, \"isCustom\" boolean, \"isActive\" boolean,"
        " \"isSystem\" boolean, \"isAuditLogged\" boolean, \"isSearchable\" boolean,"
        " \"duplicateCriteria\" jsonb, \"shortcut\" text, \"labelIdentifierFieldMetadataId\" uuid,"
        " \"universalIdentifier\" uuid, \"workspaceId\" uuid)",
        &b, e);
    tc_buf_fini(&b);
    return rc;
}

static int insert_fields(tc_db *db, const char *ws, const tc_catalog_rows *rows, tc_err *e)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, ROWS_MAX);
    tc_json_init(&j, &b);
    tc_json_arr_begin(&j);
    for (size_t i = 0; i < rows->nfields; i++) {
        {
            const tc_field *f = rows->fields[i];
            tc_json_obj_begin(&j);
            kstr(&j, "id", f->id);
            kstr(&j, "objectMetadataId", f->object->id);
            kstr(&j, "type", tc_field_type_info_of(f->type)->name);
            kstr(&j, "name", f->name);
            kstr(&j, "label", f->label);
            kraw(&j, "defaultValue", f->default_value);
            kstr(&j, "description", f->description);
            kstr(&j, "icon", f->icon);
            kraw(&j, "options", f->options);
            kraw(&j, "settings", f->settings);
            kbool(&j, "isCustom", f->is_custom);
            kbool(&j, "isActive", f->is_active);
            kbool(&j, "isSystem", f->is_system);
            kbool(&j, "isUIEditable", f->is_ui_editable);
            kbool(&j, "isNullable", f->is_nullable);
            kbool(&j, "isUnique", f->is_unique);
            kstr(&j, "relationTargetFieldMetadataId", f->target_field ? f->target_field->id : NULL);
            kstr(&j, "relationTargetObjectMetadataId",
                 f->target_object ? f->target_object->id : NULL);
            kstr(&j, "morphId", f->morph_id);
            kstr(&j, "workspaceId", ws);
            tc_json_obj_end(&j);
        }
    }
    tc_json_arr_end(&j);
    int rc =
        run(db,
            "INSERT INTO \"fieldMetadata\" (\"id\", \"objectMetadataId\", \"type\", \"name\","
            " \"label\", \"defaultValue\", \"description\", \"icon\", \"options\", \"settings\","
            " \"isCustom\", \"isActive\", \"isSystem\", \"isUIEditable\", \"isNullable\","
            " \"isUnique\", \"relationTargetFieldMetadataId\", \"relationTargetObjectMetadataId\","
            " \"morphId\", \"workspaceId\")"
            " SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(\"id\" uuid,"
            " \"objectMetadataId\" uuid, \"type\" text, \"name\" text, \"label\" text,"
            " \"defaultValue\" jsonb, \"description\" text, \"icon\" text, \"options\" jsonb,"
            " \"settings\" jsonb, \"isCustom\" boolean, \"isActive\" boolean, \"isSystem\" boolean,"
            " \"isUIEditable\" boolean, \"isNullable\" boolean, \"isUnique\" boolean,"
            " \"relationTargetFieldMetadataId\" uuid, \"relationTargetObjectMetadataId\" uuid,"
            " \"morphId\" uuid, \"workspaceId\" uuid)",
            &b, e);
    tc_buf_fini(&b);
    return rc;
}

static int insert_indexes(tc_db *db, const char *ws, const tc_catalog_rows *rows, tc_err *e)
{
    tc_buf b, fb;
    tc_json j, fj;
    tc_buf_init(&b, ROWS_MAX);
    tc_buf_init(&fb, ROWS_MAX);
    tc_json_init(&j, &b);
    tc_json_init(&fj, &fb);
    tc_json_arr_begin(&j);
    tc_json_arr_begin(&fj);
    for (size_t i = 0; i < rows->nindexes; i++) {
        {
            const tc_index *x = rows->indexes[i];
            tc_json_obj_begin(&j);
            kstr(&j, "id", x->id);
            kstr(&j, "name", x->name);
            kstr(&j, "objectMetadataId", x->object->id);
            kbool(&j, "isCustom", x->is_custom);
            kbool(&j, "isUnique", x->is_unique);
            kstr(&j, "indexWhereClause", x->where);
            kstr(&j, "indexType", x->type == TC_INDEX_GIN ? "GIN" : "BTREE");
            kstr(&j, "workspaceId", ws);
            tc_json_obj_end(&j);
            for (size_t f = 0; f < x->nfields; f++) {
                tc_json_obj_begin(&fj);
                kstr(&fj, "indexMetadataId", x->id);
                kstr(&fj, "fieldMetadataId", x->fields[f]->id);
                tc_json_key(&fj, "order");
                tc_json_int(&fj, (int64_t)f);
                tc_json_obj_end(&fj);
            }
        }
    }
    tc_json_arr_end(&j);
    tc_json_arr_end(&fj);
    int rc = run(
        db,
        "INSERT INTO \"indexMetadata\" (\"id\", \"name\", \"objectMetadataId\", \"isCustom\","
        " \"isUnique\", \"indexWhereClause\", \"indexType\", \"workspaceId\")"
        " SELECT \"id\", \"name\", \"objectMetadataId\", \"isCustom\", \"isUnique\","
        " \"indexWhereClause\", \"indexType\"::\"indexMetadata_indextype_enum\", \"workspaceId\""
        " FROM jsonb_to_recordset($1::jsonb) AS r(\"id\" uuid, \"name\" text,"
        " \"objectMetadataId\" uuid, \"isCustom\" boolean, \"isUnique\" boolean,"
        " \"indexWhereClause\" text, \"indexType\" text, \"workspaceId\" uuid)",
        &b, e);
    if (rc == 0)
        rc = run(db,
                 "INSERT INTO \"indexFieldMetadata\" (\"indexMetadataId\", \"fieldMetadataId\", "
                 "\"order\")"
                 " SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(\"indexMetadataId\" uuid,"
                 " \"fieldMetadataId\" uuid, \"order\" integer)",
                 &fb, e);
    tc_buf_fini(&b);
    tc_buf_fini(&fb);
    return rc;
}

int tc_catalog_insert(tc_db *db, const char *workspace_id, const tc_catalog_rows *rows, tc_err *e)
{
    if ((rows->nobjects && insert_objects(db, workspace_id, rows, e) < 0) ||
        (rows->nfields && insert_fields(db, workspace_id, rows, e) < 0) ||
        (rows->nindexes && insert_indexes(db, workspace_id, rows, e) < 0))
        return -1;
    return 0;
}

int tc_catalog_insert_model(tc_db *db, const tc_model *m, tc_err *e)
{
    tc_catalog_rows rows = {m->objects, m->nobjects, NULL, 0, NULL, 0};
    size_t nf = 0, nx = 0;
    for (size_t i = 0; i < m->nobjects; i++) {
        nf += m->objects[i]->nfields;
        nx += m->objects[i]->nindexes;
    }
    rows.fields = tc_arena_alloc(m->arena, (nf + 1) * sizeof(*rows.fields));
    rows.indexes = tc_arena_alloc(m->arena, (nx + 1) * sizeof(*rows.indexes));
    for (size_t i = 0; i < m->nobjects; i++) {
        for (size_t k = 0; k < m->objects[i]->nfields; k++)
            rows.fields[rows.nfields++] = m->objects[i]->fields[k];
        for (size_t k = 0; k < m->objects[i]->nindexes; k++)
            rows.indexes[rows.nindexes++] = m->objects[i]->indexes[k];
    }
    return tc_catalog_insert(db, m->workspace_id_text, &rows, e);
}
