/* Metadata rows from a model (see catalog.h). Values travel as one JSON parameter per table;
 * the SQL is constant. */
#include "meta/catalog.h"

#include <string.h>

#include "base/json.h"

#define ROWS_MAX (64u << 20)

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
        tc_json_kv_str(&j, "id", o->id);
        tc_json_kv_str(&j, "nameSingular", o->name_singular);
        tc_json_kv_str(&j, "namePlural", o->name_plural);
        tc_json_kv_str(&j, "labelSingular", o->label_singular);
        tc_json_kv_str(&j, "labelPlural", o->label_plural);
        tc_json_kv_str(&j, "description", o->description);
        tc_json_kv_str(&j, "icon", o->icon);
        tc_json_kv_str(&j, "targetTableName", o->table);
        tc_json_kv_bool(&j, "isCustom", o->is_custom);
        tc_json_kv_bool(&j, "isActive", o->is_active);
        tc_json_kv_bool(&j, "isSystem", o->is_system);
        tc_json_kv_bool(&j, "isAuditLogged", o->is_audit_logged);
        tc_json_kv_bool(&j, "isSearchable", o->is_searchable);
        tc_json_kv_raw(&j, "duplicateCriteria", o->duplicate_criteria);
        tc_json_kv_str(&j, "shortcut", o->shortcut);
        tc_json_kv_str(&j, "labelIdentifierFieldMetadataId",
                       o->label_identifier ? o->label_identifier->id : NULL);
        tc_json_kv_str(&j, "universalIdentifier", o->universal_identifier);
        tc_json_kv_str(&j, "workspaceId", ws);
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
            tc_json_kv_str(&j, "id", f->id);
            tc_json_kv_str(&j, "objectMetadataId", f->object->id);
            tc_json_kv_str(&j, "type", tc_field_type_info_of(f->type)->name);
            tc_json_kv_str(&j, "name", f->name);
            tc_json_kv_str(&j, "label", f->label);
            tc_json_kv_raw(&j, "defaultValue", f->default_value);
            tc_json_kv_str(&j, "description", f->description);
            tc_json_kv_str(&j, "icon", f->icon);
            tc_json_kv_raw(&j, "options", f->options);
            tc_json_kv_raw(&j, "settings", f->settings);
            tc_json_kv_bool(&j, "isCustom", f->is_custom);
            tc_json_kv_bool(&j, "isActive", f->is_active);
            tc_json_kv_bool(&j, "isSystem", f->is_system);
            tc_json_kv_bool(&j, "isUIEditable", f->is_ui_editable);
            tc_json_kv_bool(&j, "isNullable", f->is_nullable);
            tc_json_kv_bool(&j, "isUnique", f->is_unique);
            tc_json_kv_str(&j, "relationTargetFieldMetadataId",
                           f->target_field ? f->target_field->id : NULL);
            tc_json_kv_str(&j, "relationTargetObjectMetadataId",
                           f->target_object ? f->target_object->id : NULL);
            tc_json_kv_str(&j, "morphId", f->morph_id);
            tc_json_kv_str(&j, "workspaceId", ws);
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
            tc_json_kv_str(&j, "id", x->id);
            tc_json_kv_str(&j, "name", x->name);
            tc_json_kv_str(&j, "objectMetadataId", x->object->id);
            tc_json_kv_bool(&j, "isCustom", x->is_custom);
            tc_json_kv_bool(&j, "isUnique", x->is_unique);
            tc_json_kv_str(&j, "indexWhereClause", x->where);
            tc_json_kv_str(&j, "indexType", x->type == TC_INDEX_GIN ? "GIN" : "BTREE");
            tc_json_kv_str(&j, "workspaceId", ws);
            tc_json_obj_end(&j);
            for (size_t f = 0; f < x->nfields; f++) {
                tc_json_obj_begin(&fj);
                tc_json_kv_str(&fj, "indexMetadataId", x->id);
                tc_json_kv_str(&fj, "fieldMetadataId", x->fields[f]->id);
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
