/* Twenty's metadata REST API for objects and fields (/rest/metadata/objects,
 * /rest/metadata/fields), in the newest wire format: lists as
 * {"data":[…],"pageInfo":{…},"totalCount":n} ordered by id descending with id cursors, single items
 * bare, POST 201. Reads come from the workspace's snapshot; changes go through meta/change.c, one
 * transaction each. Authentication is by API key (Bearer). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_int.h"
#include "api/handlers.h"
#include "auth/apikey.h"
#include "base/json.h"
#include "meta/change.h"

#define PAGE_DEFAULT 1000 /* Twenty's metadata page ceiling (docs/compat.md) */
#define PAGE_MAX 1000

/* --- answers in the shapes Twenty uses on these routes ---------------------------------------- */

/* NestJS's own shape for HttpExceptions that reach its default filter:
 * {"message","error":"Bad Request","statusCode":400}. */
static void reply_nest_bad_request(tc_req *req, const char *message)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 2048);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "message");
    tc_json_str(&j, message);
    tc_json_key(&j, "error");
    tc_json_str(&j, "Bad Request");
    tc_json_key(&j, "statusCode");
    tc_json_int(&j, 400);
    tc_json_obj_end(&j);
    tc_reply_json(req, 400, &b);
    tc_buf_fini(&b);
}

/* Twenty's metadata validation failure (build-metadata-validation-error-payload.util.ts). */
static void reply_validation(tc_req *req, const tc_err *e, const char *metadata, const char *op)
{
    static const char *const verbs[][2] = {
        {"create", "creating"}, {"update", "updating"}, {"delete", "deleting"}};
    const char *verb = "changing";
    for (size_t i = 0; i < TC_COUNT(verbs); i++) {
        if (strcmp(verbs[i][0], op) == 0)
            verb = verbs[i][1];
    }
    const char *noun = strcmp(metadata, "objectMetadata") == 0 ? "object" : "field";
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 8192);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "statusCode");
    tc_json_int(&j, 400);
    tc_json_key(&j, "error");
    tc_json_str(&j, "METADATA_VALIDATION_ERROR");
    tc_json_key(&j, "message");
    char msg[128];
    snprintf(msg, sizeof(msg), "Multiple validation errors occurred while %s %s", verb, noun);
    tc_json_str(&j, msg);
    tc_json_key(&j, "errors");
    tc_json_obj_begin(&j);
    tc_json_key(&j, metadata);
    tc_json_arr_begin(&j);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "type");
    tc_json_str(&j, op);
    tc_json_key(&j, "metadataName");
    tc_json_str(&j, metadata);
    tc_json_key(&j, "errors");
    tc_json_arr_begin(&j);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "code");
    tc_json_str(&j, e->reason[0] ? e->reason : "INVALID_INPUT");
    tc_json_key(&j, "message");
    tc_json_str(&j, e->message);
    tc_json_key(&j, "userFriendlyMessage");
    tc_json_str(&j, e->message);
    tc_json_obj_end(&j);
    tc_json_arr_end(&j);
    tc_json_obj_end(&j);
    tc_json_arr_end(&j);
    tc_json_obj_end(&j);
    tc_json_key(&j, "summary");
    tc_json_obj_begin(&j);
    tc_json_key(&j, "totalErrors");
    tc_json_int(&j, 1);
    tc_json_key(&j, metadata);
    tc_json_int(&j, 1);
    tc_json_obj_end(&j);
    tc_json_key(&j, "userFriendlyMessage");
    tc_json_str(&j, e->message);
    tc_json_obj_end(&j);
    tc_reply_json(req, 400, &b);
    tc_buf_fini(&b);
}

static void reply_change_error(tc_req *req, const tc_err *e, const char *metadata, const char *op)
{
    if (e->code == TC_E_METADATA_VALIDATION)
        reply_validation(req, e, metadata, op);
    else
        tc_reply_error(req, e);
}

/* --- authentication and the snapshot ------------------------------------------------------- */

/* The request's principal when it may use the metadata API, or false after answering: every
 * route, reads included, is behind SettingsPermissionGuard(DATA_MODEL) (spec api §7). */
static bool principal_or_respond(tc_req *req, tc_principal *p)
{
    if (!tc_guard_principal(req, p))
        return false;
    if (p->data_model)
        return true;
    tc_err e;
    tc_err_set(&e, TC_E_FORBIDDEN, "User does not have permission");
    snprintf(e.reason, sizeof(e.reason), "PERMISSION_DENIED");
    tc_reply_error(req, &e);
    return false;
}

/* The workspace's current model, held until the request ends; NULL after answering. */
static const tc_model *model_or_respond(tc_req *req, const tc_principal *p)
{
    const tc_snapshot *s = tc_guard_snapshot(req, p->workspace_id);
    return s ? s->model : NULL;
}

/* The :id of the route, or NULL after answering Nest's ParseUUIDPipe error. */
static const char *id_or_respond(tc_req *req)
{
    tc_uuid u;
    const char *id = req->params[0];
    if (tc_uuid_parse(id, strlen(id), &u) < 0) {
        reply_nest_bad_request(req, "Validation failed (uuid is expected)");
        return NULL;
    }
    char *lower = tc_arena_alloc(req->arena, TC_UUID_STR_LEN + 1);
    tc_uuid_format(&u, lower);
    return lower;
}

/* --- items ----------------------------------------------------------------------------------- */

/* A key left out when its value is NULL, as Twenty's DTO builders do (`?? undefined`). */
static void kstr_opt(tc_json *j, const char *k, const char *v)
{
    if (v)
        tc_json_kv_str(j, k, v);
}

static void write_field(tc_json *j, const tc_model *m, const tc_field *f)
{
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "id", f->id);
    tc_json_kv_str(j, "universalIdentifier", NULL);
    tc_json_kv_str(j, "label", f->label);
    tc_json_kv_str(j, "name", f->name);
    tc_json_kv_str(j, "objectMetadataId", f->object->id);
    tc_json_kv_str(j, "type", tc_field_type_info_of(f->type)->name);
    tc_json_kv_str(j, "workspaceId", m->workspace_id_text);
    tc_json_kv_raw(j, "defaultValue", f->default_value);
    tc_json_kv_bool(j, "isActive", f->is_active);
    tc_json_kv_bool(j, "isCustom", f->is_custom);
    tc_json_kv_bool(j, "isLabelSyncedWithName", false);
    tc_json_kv_bool(j, "isSystem", f->is_system);
    tc_json_kv_bool(j, "isUIEditable", f->is_ui_editable);
    tc_json_kv_bool(j, "isUIReadOnly", !f->is_ui_editable);
    tc_json_kv_raw(j, "options", f->options);
    tc_json_kv_str(j, "createdAt", f->created_at);
    tc_json_kv_str(j, "updatedAt", f->updated_at);
    kstr_opt(j, "description", f->description);
    kstr_opt(j, "icon", f->icon);
    tc_json_kv_bool(j, "isNullable", f->is_nullable);
    tc_json_kv_bool(j, "isUnique", f->is_unique);
    if (f->settings)
        tc_json_kv_raw(j, "settings", f->settings);
    kstr_opt(j, "morphId", f->morph_id);
    tc_json_obj_end(j);
}

static void write_object(tc_json *j, const tc_model *m, const tc_object *o, bool with_fields)
{
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "id", o->id);
    tc_json_kv_str(j, "universalIdentifier", o->universal_identifier);
    tc_json_kv_bool(j, "isActive", o->is_active);
    tc_json_kv_bool(j, "isCustom", o->is_custom);
    tc_json_kv_bool(j, "isLabelSyncedWithName", false);
    tc_json_kv_bool(j, "isRemote", false);
    tc_json_kv_bool(j, "isSearchable", o->is_searchable);
    tc_json_kv_bool(j, "isSystem", o->is_system);
    tc_json_kv_bool(j, "isUIEditable", true);
    tc_json_kv_bool(j, "isUICreatable", true);
    tc_json_kv_bool(j, "isUIReadOnly", false);
    tc_json_kv_str(j, "labelPlural", o->label_plural);
    tc_json_kv_str(j, "labelSingular", o->label_singular);
    tc_json_kv_str(j, "namePlural", o->name_plural);
    tc_json_kv_str(j, "nameSingular", o->name_singular);
    tc_json_kv_str(j, "workspaceId", m->workspace_id_text);
    tc_json_kv_str(j, "imageIdentifierFieldMetadataId", NULL);
    tc_json_kv_str(j, "labelIdentifierFieldMetadataId",
                   o->label_identifier ? o->label_identifier->id : NULL);
    tc_json_kv_str(j, "createdAt", o->created_at);
    tc_json_kv_str(j, "updatedAt", o->updated_at);
    kstr_opt(j, "description", o->description);
    kstr_opt(j, "icon", o->icon);
    kstr_opt(j, "shortcut", o->shortcut);
    if (o->duplicate_criteria)
        tc_json_kv_raw(j, "duplicateCriteria", o->duplicate_criteria);
    if (with_fields) {
        tc_json_key(j, "fields");
        tc_json_arr_begin(j);
        for (size_t i = 0; i < o->nfields; i++)
            write_field(j, m, o->fields[i]);
        tc_json_arr_end(j);
    }
    tc_json_obj_end(j);
}

static void reply_object(tc_req *req, int status, const tc_model *m, const tc_object *o,
                         bool with_fields)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, TC_RESPONSE_MAX);
    tc_json_init(&j, &b);
    write_object(&j, m, o, with_fields);
    tc_reply_json(req, status, &b);
    tc_buf_fini(&b);
}

static void reply_field(tc_req *req, int status, const tc_model *m, const tc_field *f)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 1 << 20);
    tc_json_init(&j, &b);
    write_field(&j, m, f);
    tc_reply_json(req, status, &b);
    tc_buf_fini(&b);
}

/* --- lists ------------------------------------------------------------------------------------ */

typedef struct item {
    const char *id;
    const void *p;
} item;

static int by_id_desc(const void *a, const void *b)
{
    return strcmp(((const item *)b)->id, ((const item *)a)->id);
}

/* Twenty's id-cursor paging over items sorted by id descending (paginate-metadata-items-by-id):
 * starting_after keeps ids below the cursor, ending_before ids above it (the page nearest the
 * cursor). Writes {"data":[…],"pageInfo":{…},"totalCount":n}. */
static void reply_page(tc_req *req, const tc_model *m, item *items, size_t n,
                       void (*write)(tc_json *, const tc_model *, const void *))
{
    const char *after = tc_req_query(req, "starting_after");
    const char *before = tc_req_query(req, "ending_before");
    const char *limit_text = tc_req_query(req, "limit");
    if (after && before) {
        reply_nest_bad_request(req,
                               "'starting_after' and 'ending_before' cannot be used together.");
        return;
    }
    tc_uuid u;
    const char *cursor = after ? after : before;
    if (cursor && tc_uuid_parse(cursor, strlen(cursor), &u) < 0) {
        char msg[256];
        snprintf(msg, sizeof(msg), "Invalid cursor: %.200s", cursor);
        reply_nest_bad_request(req, msg);
        return;
    }
    long limit = PAGE_DEFAULT;
    if (limit_text) {
        char *end;
        limit = strtol(limit_text, &end, 10);
        if (!*limit_text || *end || limit < 0) {
            tc_err e;
            tc_err_set(&e, TC_E_BAD_REQUEST, "limit '%.100s' is invalid. Should be an integer",
                       limit_text);
            snprintf(e.reason, sizeof(e.reason), "INVALID_LIMIT_QUERY_PARAM");
            tc_reply_error(req, &e);
            return;
        }
        if (limit > PAGE_MAX)
            limit = PAGE_MAX;
    }
    char lower[TC_UUID_STR_LEN + 1] = "";
    if (cursor)
        tc_uuid_format(&u, lower);
    qsort(items, n, sizeof(*items), by_id_desc);
    size_t first = 0, last = n; /* the window of candidates, in descending order */
    if (after) {
        while (first < n && strcmp(items[first].id, lower) >= 0)
            first++;
    } else if (before) {
        while (last > 0 && strcmp(items[last - 1].id, lower) <= 0)
            last--;
    }
    size_t count = last - first, take = count < (size_t)limit ? count : (size_t)limit;
    size_t start = before ? last - take : first; /* backward: the items nearest the cursor */
    bool more = count > take;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, TC_RESPONSE_MAX);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "data");
    tc_json_arr_begin(&j);
    for (size_t i = start; i < start + take; i++)
        write(&j, m, items[i].p);
    tc_json_arr_end(&j);
    tc_json_key(&j, "pageInfo");
    tc_json_obj_begin(&j);
    tc_json_kv_bool(&j, "hasNextPage", before ? true : more);
    tc_json_kv_bool(&j, "hasPreviousPage", before ? more : after != NULL);
    tc_json_kv_str(&j, "startCursor", take ? items[start].id : NULL);
    tc_json_kv_str(&j, "endCursor", take ? items[start + take - 1].id : NULL);
    tc_json_obj_end(&j);
    tc_json_key(&j, "totalCount");
    tc_json_int(&j, (int64_t)n);
    tc_json_obj_end(&j);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

static void write_object_item(tc_json *j, const tc_model *m, const void *p)
{
    write_object(j, m, p, true);
}

static void write_field_item(tc_json *j, const tc_model *m, const void *p)
{
    write_field(j, m, p);
}

/* --- handlers --------------------------------------------------------------------------------- */

void tc_metadata_list_objects(tc_req *req)
{
    tc_principal p;
    const tc_model *m;
    if (!principal_or_respond(req, &p) || !(m = model_or_respond(req, &p)))
        return;
    item *items = tc_arena_calloc(req->arena, m->nobjects + 1, sizeof(*items));
    for (size_t i = 0; i < m->nobjects; i++)
        items[i] = (item){m->objects[i]->id, m->objects[i]};
    reply_page(req, m, items, m->nobjects, write_object_item);
}

void tc_metadata_list_fields(tc_req *req)
{
    tc_principal p;
    const tc_model *m;
    if (!principal_or_respond(req, &p) || !(m = model_or_respond(req, &p)))
        return;
    size_t n = 0;
    for (size_t i = 0; i < m->nobjects; i++)
        n += m->objects[i]->nfields;
    item *items = tc_arena_calloc(req->arena, n + 1, sizeof(*items));
    n = 0;
    for (size_t i = 0; i < m->nobjects; i++) {
        for (size_t k = 0; k < m->objects[i]->nfields; k++)
            items[n++] = (item){m->objects[i]->fields[k]->id, m->objects[i]->fields[k]};
    }
    reply_page(req, m, items, n, write_field_item);
}

void tc_metadata_get_object(tc_req *req)
{
    tc_principal p;
    const tc_model *m;
    const char *id;
    if (!principal_or_respond(req, &p) || !(id = id_or_respond(req)) ||
        !(m = model_or_respond(req, &p)))
        return;
    const tc_object *o = tc_model_object_by_id(m, id);
    if (!o) {
        tc_reply_errorf(req, TC_E_OBJECT_NOT_FOUND, "Object metadata not found");
        return;
    }
    reply_object(req, 200, m, o, true);
}

void tc_metadata_get_field(tc_req *req)
{
    tc_principal p;
    const tc_model *m;
    const char *id;
    if (!principal_or_respond(req, &p) || !(id = id_or_respond(req)) ||
        !(m = model_or_respond(req, &p)))
        return;
    const tc_field *f = tc_model_field_by_id(m, id);
    if (!f) {
        tc_reply_errorf(req, TC_E_FIELD_NOT_FOUND, "Field metadata not found");
        return;
    }
    reply_field(req, 200, m, f);
}

typedef enum { OP_CREATE, OP_UPDATE, OP_DELETE } op;

/* Runs one metadata change and answers with the object or field as it is afterwards (for a
 * delete: as it was). */
static void change(tc_req *req, bool object, op kind)
{
    static const char *const op_names[] = {"create", "update", "delete"};
    const char *metadata = object ? "objectMetadata" : "fieldMetadata";
    tc_principal p;
    const char *id = NULL;
    json_t *body = NULL;
    if (!principal_or_respond(req, &p) || (kind != OP_CREATE && !(id = id_or_respond(req))) ||
        (kind != OP_DELETE && !(body = tc_req_json_or_respond(req))))
        return;
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    tc_change c;
    if (!db || tc_change_begin(&c, db, req->thread->server->cfg->core_schema, p.workspace_id,
                               req->thread->server->snapshots, &e) < 0) {
        tc_reply_error(req, &e);
        return;
    }
    tc_object *o = NULL;
    tc_field *f = NULL;
    int rc;
    tc_buf deleted; /* a deleted item is written before the commit, while the model has it */
    tc_buf_init(&deleted, TC_RESPONSE_MAX);
    if (object) {
        rc = kind == OP_CREATE   ? tc_change_create_object(&c, body, &o, &e)
             : kind == OP_UPDATE ? tc_change_update_object(&c, id, body, &o, &e)
                                 : tc_change_delete_object(&c, id, &e);
    } else {
        rc = kind == OP_CREATE   ? tc_change_create_field(&c, body, &f, &e)
             : kind == OP_UPDATE ? tc_change_update_field(&c, id, body, &f, &e)
                                 : tc_change_delete_field(&c, id, &e);
    }
    if (rc == 0 && kind == OP_DELETE) {
        tc_json j;
        tc_json_init(&j, &deleted);
        if (object)
            write_object(&j, c.m, tc_model_object_by_id(c.m, id), false);
        else
            write_field(&j, c.m, tc_model_field_by_id(c.m, id));
    }
    char changed_id[TC_UUID_STR_LEN + 1] = "";
    if (o || f)
        snprintf(changed_id, sizeof(changed_id), "%s", o ? o->id : f->id);
    char name[96];
    snprintf(name, sizeof(name), "%s %s", op_names[kind], object ? "object" : "field");
    if (rc == 0)
        rc = tc_change_commit(&c, name, &e);
    tc_change_end(&c);
    if (rc < 0) {
        reply_change_error(req, &e, metadata, op_names[kind]);
    } else if (kind == OP_DELETE) {
        tc_reply_json(req, 200, &deleted);
    } else {
        /* Answer from the new snapshot, which carries the stored timestamps. */
        const tc_model *m = model_or_respond(req, &p);
        const tc_object *no = m && object ? tc_model_object_by_id(m, changed_id) : NULL;
        const tc_field *nf = m && !object ? tc_model_field_by_id(m, changed_id) : NULL;
        int status = kind == OP_CREATE ? 201 : 200;
        if (no)
            reply_object(req, status, m, no, true);
        else if (nf)
            reply_field(req, status, m, nf);
        else if (m)
            tc_reply_errorf(req, TC_E_INTERNAL, "Internal server error");
    }
    tc_buf_fini(&deleted);
}

void tc_metadata_create_object(tc_req *req)
{
    change(req, true, OP_CREATE);
}

void tc_metadata_update_object(tc_req *req)
{
    change(req, true, OP_UPDATE);
}

void tc_metadata_delete_object(tc_req *req)
{
    change(req, true, OP_DELETE);
}

void tc_metadata_create_field(tc_req *req)
{
    change(req, false, OP_CREATE);
}

void tc_metadata_update_field(tc_req *req)
{
    change(req, false, OP_UPDATE);
}

void tc_metadata_delete_field(tc_req *req)
{
    change(req, false, OP_DELETE);
}
