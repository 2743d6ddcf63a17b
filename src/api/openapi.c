/* Twenty's OpenAPI 3.1 documents (spec api §3): GET /open-api/core, /rest/open-api/core and the
 * metadata pair. Public routes: a valid Bearer token personalises the document to the caller's
 * workspace (paths, schemas, parameters, webhooks per object); without one, or with an invalid
 * one, the answer is the base document. Record schemas come from openapi_schema.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api_int.h"
#include "api/handlers.h"
#include "api/openapi_int.h"

#define SCHEMAS "#/components/schemas/"
#define PARAMS "#/components/parameters/"
#define PAGE_INFO                                                                                  \
    "{\"type\":\"object\",\"properties\":{\"hasNextPage\":{\"type\":\"boolean\"},"                 \
    "\"hasPreviousPage\":{\"type\":\"boolean\"},\"startCursor\":{\"type\":[\"string\",\"null\"]}," \
    "\"endCursor\":{\"type\":[\"string\",\"null\"]}}}"
#define UUID_SCHEMA "{\"type\":\"string\",\"format\":\"uuid\"}"

typedef enum doc_kind { DOC_CORE, DOC_METADATA } doc_kind;

/* --- the caller's workspace, when the token is good ----------------------------------------- */

static void release_snapshot(void *s)
{
    tc_snapshot_release(s);
}

/* The workspace model of a valid Bearer token, or NULL (no token, a bad one, or no database):
 * the document is public, so nothing here answers the request. */
static const tc_model *caller_model(tc_req *req)
{
    const char *auth = tc_req_header(req, "Authorization");
    if (!auth || !*auth)
        return NULL;
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    if (!db)
        return NULL;
    tc_server *s = req->thread->server;
    tc_principal p;
    if (tc_principal_resolve(s->principals, db, auth, s->cfg->app_secret, time(NULL), &p, &e) < 0)
        return NULL;
    const tc_snapshot *snap = tc_snapshot_get(s->snapshots, db, p.workspace_id, &e);
    if (!snap)
        return NULL;
    tc_arena_defer(req->arena, release_snapshot, (void *)snap);
    return snap->model;
}

/* --- the base document ----------------------------------------------------------------------- */

static const char description[] =
    "This API lets you read and change the records (core) or the data model (metadata) of a "
    "Twenty workspace.\n\n"
    "## Authentication\nSend an API key or an access token as `Authorization: Bearer <token>`. "
    "Called with a valid token, this document describes the caller's workspace.\n\n"
    "## Filtering\n`filter=and(field[eq]:value,or(...))`, comparators eq, neq, in, containsAny, "
    "is, gt, gte, lt, lte, startsWith, endsWith, like, ilike.\n\n"
    "## Pagination\n`limit` (default: 60, max: 200), `starting_after` and `ending_before` "
    "take the cursors of `pageInfo`.\n\n"
    "## Ordering\n`order_by=field_1[AscNullsFirst],field_2[DescNullsLast]`.";

static void write_head(tc_json *j, const char *server_url, doc_kind kind)
{
    tc_json_kv_str(j, "openapi", "3.1.1");
    tc_json_key(j, "info");
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "title", "Twenty Api");
    tc_json_kv_str(j, "description", description);
    tc_json_kv_str(j, "version", "v0.1");
    tc_json_kv_str(j, "termsOfService",
                   "https://github.com/twentyhq/twenty?tab=coc-ov-file#readme");
    tc_json_kv_raw(j, "contact", "{\"email\":\"felix@twenty.com\"}");
    tc_json_kv_raw(j, "license",
                   "{\"name\":\"AGPL-3.0\",\"url\":\"https://github.com/twentyhq/"
                   "twenty?tab=AGPL-3.0-1-ov-file#readme\"}");
    tc_json_obj_end(j);
    tc_json_key(j, "servers");
    tc_json_arr_begin(j);
    tc_json_obj_begin(j);
    size_t n = strlen(server_url);
    while (n > 0 && server_url[n - 1] == '/')
        n--;
    char url[1024];
    snprintf(url, sizeof(url), "%.*s%s", (int)n, server_url,
             kind == DOC_CORE ? "/rest/" : "/rest/metadata");
    tc_json_kv_str(j, "url", url);
    tc_json_kv_str(j, "description", "Production Development");
    tc_json_obj_end(j);
    tc_json_arr_end(j);
    tc_json_kv_raw(j, "security", "[{\"bearerAuth\":[]}]");
    tc_json_kv_raw(j, "externalDocs",
                   "{\"description\":\"Find out more about Twenty\","
                   "\"url\":\"https://twenty.com\"}");
}

/* The one path of the base document: this document itself. */
static void write_self_path(tc_json *j, doc_kind kind)
{
    tc_json_key(j, kind == DOC_CORE ? "/open-api/core" : "/open-api/metadata");
    tc_json_obj_begin(j);
    tc_json_kv_raw(j, "get",
                   "{\"summary\":\"Get the OpenAPI document\",\"security\":[],"
                   "\"responses\":{\"200\":{\"description\":\"The OpenAPI document\","
                   "\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\"}}}}}}");
    tc_json_obj_end(j);
}

static const char security_schemes[] =
    "{\"bearerAuth\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\","
    "\"description\":\"An API key or an access token\"}}";

static const char error_responses[] =
    "{\"400\":{\"description\":\"Bad Request\",\"content\":{\"application/json\":{\"schema\":"
    "{\"type\":\"object\",\"properties\":{\"error\":{\"type\":\"string\"}}}}}},"
    "\"401\":{\"description\":\"Unauthorized\",\"content\":{\"application/json\":{\"schema\":"
    "{\"type\":\"object\",\"properties\":{\"error\":{\"type\":\"string\"}}}}}}}";

/* --- operations ------------------------------------------------------------------------------ */

static void op_begin(tc_json *j, const char *method, const char *tag, const char *id_prefix,
                     const char *id_name, const char *summary)
{
    char op_id[TC_OA_NAME_MAX * 2];
    snprintf(op_id, sizeof(op_id), "%s%s", id_prefix, id_name);
    tc_json_key(j, method);
    tc_json_obj_begin(j);
    tc_json_key(j, "tags");
    tc_json_arr_begin(j);
    tc_json_str(j, tag);
    tc_json_arr_end(j);
    tc_json_kv_str(j, "summary", summary);
    tc_json_kv_str(j, "operationId", op_id);
}

/* "parameters": [$ref…] from a space-separated list of component names. */
static void params(tc_json *j, const char *names)
{
    tc_json_key(j, "parameters");
    tc_json_arr_begin(j);
    while (*names) {
        size_t n = strcspn(names, " ");
        char ref[128];
        snprintf(ref, sizeof(ref), PARAMS "%.*s", (int)n, names);
        tc_json_obj_begin(j);
        tc_json_kv_str(j, "$ref", ref);
        tc_json_obj_end(j);
        names += n;
        while (*names == ' ')
            names++;
    }
    tc_json_arr_end(j);
}

/* "requestBody" whose schema is components.schemas.<schema> (or an array of it). */
static void body_ref(tc_json *j, const char *schema, bool array)
{
    tc_json_key(j, "requestBody");
    tc_json_obj_begin(j);
    tc_json_kv_bool(j, "required", true);
    tc_json_key(j, "content");
    tc_json_obj_begin(j);
    tc_json_key(j, "application/json");
    tc_json_obj_begin(j);
    tc_json_key(j, "schema");
    if (array) {
        tc_json_obj_begin(j);
        tc_json_kv_str(j, "type", "array");
        tc_json_key(j, "items");
        tc_openapi_ref(j, "schemas", schema, "");
        tc_json_obj_end(j);
    } else {
        tc_openapi_ref(j, "schemas", schema, "");
    }
    tc_json_obj_end(j);
    tc_json_obj_end(j);
    tc_json_obj_end(j);
}

static void body_raw(tc_json *j, const char *schema)
{
    tc_json_key(j, "requestBody");
    tc_json_obj_begin(j);
    tc_json_kv_bool(j, "required", true);
    tc_json_key(j, "content");
    tc_json_obj_begin(j);
    tc_json_key(j, "application/json");
    tc_json_obj_begin(j);
    tc_json_kv_raw(j, "schema", schema);
    tc_json_obj_end(j);
    tc_json_obj_end(j);
    tc_json_obj_end(j);
}

/* Opens "responses" and the success entry up to its schema; the caller writes the schema and
 * closes with responses_end. */
static void responses_begin(tc_json *j, const char *status, const char *what)
{
    tc_json_key(j, "responses");
    tc_json_obj_begin(j);
    tc_json_key(j, status);
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "description", what);
    tc_json_key(j, "content");
    tc_json_obj_begin(j);
    tc_json_key(j, "application/json");
    tc_json_obj_begin(j);
    tc_json_key(j, "schema");
}

/* Closes the success entry, adds 400 and 401, closes responses and the operation. */
static void responses_end(tc_json *j)
{
    tc_json_obj_end(j);
    tc_json_obj_end(j);
    tc_json_obj_end(j);
    tc_json_key(j, "400");
    tc_openapi_ref(j, "responses", "400", "");
    tc_json_key(j, "401");
    tc_openapi_ref(j, "responses", "401", "");
    tc_json_obj_end(j);
    tc_json_obj_end(j);
}

typedef enum shape { ONE, MANY, ID_ONE, ID_MANY } shape;

/* {"data":{key: <shape of schema>}} plus totalCount and pageInfo when paged (spec api §1.11). */
static void envelope(tc_json *j, const char *key, shape s, const char *schema, bool paged)
{
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "object");
    tc_json_key(j, "properties");
    tc_json_obj_begin(j);
    tc_json_key(j, "data");
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "object");
    tc_json_key(j, "properties");
    tc_json_obj_begin(j);
    tc_json_key(j, key);
    if (s == MANY || s == ID_MANY) {
        tc_json_obj_begin(j);
        tc_json_kv_str(j, "type", "array");
        tc_json_key(j, "items");
    }
    if (s == ONE || s == MANY)
        tc_openapi_ref(j, "schemas", schema, "");
    else
        tc_json_raw(j, "{\"type\":\"object\",\"properties\":{\"id\":" UUID_SCHEMA "}}",
                    strlen("{\"type\":\"object\",\"properties\":{\"id\":" UUID_SCHEMA "}}"));
    if (s == MANY || s == ID_MANY)
        tc_json_obj_end(j);
    tc_json_obj_end(j);
    tc_json_obj_end(j);
    if (paged) {
        tc_json_kv_raw(j, "totalCount", "{\"type\":\"integer\"}");
        tc_json_kv_raw(j, "pageInfo", PAGE_INFO);
    }
    tc_json_obj_end(j);
    tc_json_obj_end(j);
}

/* --- the core document ----------------------------------------------------------------------- */

typedef struct names {
    char singular[TC_OA_NAME_MAX], plural[TC_OA_NAME_MAX]; /* capitalised */
    char create[TC_OA_NAME_MAX], update[TC_OA_NAME_MAX], response[TC_OA_NAME_MAX];
    char key[TC_OA_NAME_MAX * 2];
} names;

static void names_of(const tc_object *o, names *n)
{
    tc_openapi_cap(o->name_singular, n->singular, sizeof(n->singular));
    tc_openapi_cap(o->name_plural, n->plural, sizeof(n->plural));
    snprintf(n->create, sizeof(n->create), "%s", n->singular);
    snprintf(n->update, sizeof(n->update), "%.140sForUpdate", n->singular);
    snprintf(n->response, sizeof(n->response), "%.140sForResponse", n->singular);
}

static const char *k(names *n, const char *prefix, const char *name, const char *suffix)
{
    snprintf(n->key, sizeof(n->key), "%s%s%s", prefix, name, suffix);
    return n->key;
}

static void path_key(tc_json *j, const char *before, const char *plural, const char *after)
{
    char p[TC_OA_NAME_MAX * 2];
    snprintf(p, sizeof(p), "%s%s%s", before, plural, after);
    tc_json_key(j, p);
}

static void object_paths(tc_json *j, const tc_object *o)
{
    names n;
    names_of(o, &n);
    const char *tag = o->name_plural;
    char summary[TC_OA_NAME_MAX * 2];

    path_key(j, "/", o->name_plural, "");
    tc_json_obj_begin(j);
    snprintf(summary, sizeof(summary), "Find Many %s", o->name_plural);
    op_begin(j, "get", tag, "findMany", n.plural, summary);
    params(j, "orderBy filter limit depth startingAfter endingBefore");
    responses_begin(j, "200", "Successful operation");
    envelope(j, o->name_plural, MANY, n.response, true);
    responses_end(j);
    snprintf(summary, sizeof(summary), "Create One %s", o->name_singular);
    op_begin(j, "post", tag, "createOne", n.singular, summary);
    params(j, "depth upsert");
    body_ref(j, n.create, false);
    responses_begin(j, "201", "Successful operation");
    envelope(j, k(&n, "create", n.singular, ""), ONE, n.response, false);
    responses_end(j);
    snprintf(summary, sizeof(summary), "Delete Many %s", o->name_plural);
    op_begin(j, "delete", tag, "deleteMany", n.plural, summary);
    params(j, "filter softDelete");
    responses_begin(j, "200", "Successful operation");
    envelope(j, k(&n, "delete", n.plural, ""), ID_MANY, NULL, false);
    responses_end(j);
    snprintf(summary, sizeof(summary), "Update Many %s", o->name_plural);
    op_begin(j, "patch", tag, "updateMany", n.plural, summary);
    params(j, "filter depth");
    body_ref(j, n.update, false);
    responses_begin(j, "200", "Successful operation");
    envelope(j, k(&n, "update", n.plural, ""), MANY, n.response, false);
    responses_end(j);
    tc_json_obj_end(j);

    path_key(j, "/batch/", o->name_plural, "");
    tc_json_obj_begin(j);
    snprintf(summary, sizeof(summary), "Create Many %s", o->name_plural);
    op_begin(j, "post", tag, "createMany", n.plural, summary);
    params(j, "depth upsert");
    body_ref(j, n.create, true);
    responses_begin(j, "201", "Successful operation");
    envelope(j, k(&n, "create", n.plural, ""), MANY, n.response, false);
    responses_end(j);
    tc_json_obj_end(j);

    path_key(j, "/", o->name_plural, "/{id}");
    tc_json_obj_begin(j);
    snprintf(summary, sizeof(summary), "Find One %s", o->name_singular);
    op_begin(j, "get", tag, "findOne", n.singular, summary);
    params(j, "idPath depth");
    responses_begin(j, "200", "Successful operation");
    envelope(j, o->name_singular, ONE, n.response, false);
    responses_end(j);
    snprintf(summary, sizeof(summary), "Delete One %s", o->name_singular);
    op_begin(j, "delete", tag, "deleteOne", n.singular, summary);
    params(j, "idPath softDelete");
    responses_begin(j, "200", "Successful operation");
    envelope(j, k(&n, "delete", n.singular, ""), ID_ONE, NULL, false);
    responses_end(j);
    snprintf(summary, sizeof(summary), "Update One %s", o->name_singular);
    op_begin(j, "patch", tag, "UpdateOne", n.singular, summary);
    params(j, "idPath depth");
    body_ref(j, n.update, false);
    responses_begin(j, "200", "Successful operation");
    envelope(j, k(&n, "update", n.singular, ""), ONE, n.response, false);
    responses_end(j);
    tc_json_obj_end(j);

    path_key(j, "/", o->name_plural, "/duplicates");
    tc_json_obj_begin(j);
    snprintf(summary, sizeof(summary), "Find %s Duplicates", o->name_singular);
    op_begin(j, "post", tag, k(&n, "find", n.singular, "Duplicates"), "", summary);
    params(j, "depth");
    {
        char schema[TC_OA_NAME_MAX * 3];
        snprintf(schema, sizeof(schema),
                 "{\"type\":\"object\",\"properties\":{\"data\":{\"type\":\"array\",\"items\":"
                 "{\"$ref\":\"" SCHEMAS "%s\"}},\"ids\":{\"type\":\"array\",\"items\":" UUID_SCHEMA
                 "}}}",
                 n.update);
        body_raw(j, schema);
    }
    responses_begin(j, "200", "Successful operation");
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "object");
    tc_json_key(j, "properties");
    tc_json_obj_begin(j);
    tc_json_key(j, "data");
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "array");
    tc_json_key(j, "items");
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "object");
    tc_json_key(j, "properties");
    tc_json_obj_begin(j);
    tc_json_key(j, k(&n, o->name_singular, "", "Duplicates"));
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "array");
    tc_json_key(j, "items");
    tc_openapi_ref(j, "schemas", n.response, "");
    tc_json_obj_end(j);
    tc_json_kv_raw(j, "totalCount", "{\"type\":\"integer\"}");
    tc_json_kv_raw(j, "pageInfo", PAGE_INFO);
    tc_json_obj_end(j);
    tc_json_obj_end(j);
    tc_json_obj_end(j);
    tc_json_obj_end(j);
    tc_json_obj_end(j);
    responses_end(j);
    tc_json_obj_end(j);

    /* Both restore forms are served; the document lists the one Twenty's documents list. */
    path_key(j, "/restore/", o->name_plural, "/{id}");
    tc_json_obj_begin(j);
    snprintf(summary, sizeof(summary), "Restore One %s", o->name_singular);
    op_begin(j, "patch", tag, "restoreOne", n.singular, summary);
    params(j, "idPath depth");
    responses_begin(j, "200", "Successful operation");
    envelope(j, k(&n, "restore", n.singular, ""), ONE, n.response, false);
    responses_end(j);
    tc_json_obj_end(j);

    path_key(j, "/restore/", o->name_plural, "");
    tc_json_obj_begin(j);
    snprintf(summary, sizeof(summary), "Restore Many %s", o->name_plural);
    op_begin(j, "patch", tag, "restoreMany", n.plural, summary);
    params(j, "filter depth");
    responses_begin(j, "200", "Successful operation");
    envelope(j, k(&n, "restore", n.plural, ""), MANY, n.response, false);
    responses_end(j);
    tc_json_obj_end(j);

    path_key(j, "/", o->name_plural, "/merge");
    tc_json_obj_begin(j);
    snprintf(summary, sizeof(summary), "Merge Many %s", o->name_plural);
    op_begin(j, "patch", tag, "merge", n.plural, summary);
    params(j, "depth");
    body_raw(j, "{\"type\":\"object\",\"required\":[\"ids\",\"conflictPriorityIndex\"],"
                "\"properties\":{\"ids\":{\"type\":\"array\",\"minItems\":2,\"maxItems\":9,"
                "\"items\":" UUID_SCHEMA "},\"conflictPriorityIndex\":{\"type\":\"integer\","
                "\"minimum\":0},\"dryRun\":{\"type\":\"boolean\",\"default\":false}}}");
    responses_begin(j, "200", "Successful operation");
    /* The key the server sends (merge<Singular>, docs/compat.md). */
    envelope(j, k(&n, "merge", n.singular, ""), ONE, n.response, false);
    responses_end(j);
    tc_json_obj_end(j);

    path_key(j, "/", o->name_plural, "/groupBy");
    tc_json_obj_begin(j);
    snprintf(summary, sizeof(summary), "Group By %s", o->name_plural);
    op_begin(j, "get", tag, "groupBy", n.plural, summary);
    params(j, "groupBy filter orderBy orderByForRecords aggregate includeRecordsSample viewId "
              "limit");
    responses_begin(j, "200", "Successful operation");
    tc_json_raw(j,
                "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":"
                "{\"groupByDimensionValues\":{\"type\":\"array\",\"items\":{}},"
                "\"records\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}},"
                "\"additionalProperties\":true}}",
                strlen("{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":"
                       "{\"groupByDimensionValues\":{\"type\":\"array\",\"items\":{}},"
                       "\"records\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}},"
                       "\"additionalProperties\":true}}"));
    responses_end(j);
    tc_json_obj_end(j);

    if (strcmp(o->name_plural, "dashboards") == 0) {
        tc_json_key(j, "/dashboards/{id}/duplicate");
        tc_json_obj_begin(j);
        op_begin(j, "post", tag, "duplicateDashboard", "", "Duplicate One dashboard");
        params(j, "idPath");
        responses_begin(j, "201", "Successful operation");
        tc_openapi_ref(j, "schemas", n.response, "");
        responses_end(j);
        tc_json_obj_end(j);
    }
}

static const char core_parameters[] =
    "{\"orderBy\":{\"name\":\"order_by\",\"in\":\"query\",\"description\":\"Sorts objects "
    "returned. eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3\","
    "\"required\":false,\"schema\":{\"type\":\"string\"}},"
    "\"filter\":{\"name\":\"filter\",\"in\":\"query\",\"description\":\"Filters objects returned. "
    "eg: ?filter=and(price[gte]:10,not(name[eq]:\\\"x\\\"))\",\"required\":false,"
    "\"schema\":{\"type\":\"string\"}},"
    "\"limit\":{\"name\":\"limit\",\"in\":\"query\",\"description\":\"Limits the number of objects "
    "returned.\",\"required\":false,\"schema\":{\"type\":\"integer\",\"minimum\":0,"
    "\"maximum\":200,\"default\":60}},"
    "\"depth\":{\"name\":\"depth\",\"in\":\"query\",\"description\":\"Determines the level of "
    "nested related objects to include in the response: 0 (primary records only) or 1 (with "
    "their direct relations).\",\"required\":false,\"schema\":{\"type\":\"integer\","
    "\"enum\":[0,1],\"default\":1}},"
    "\"startingAfter\":{\"name\":\"starting_after\",\"in\":\"query\",\"description\":\"Returns "
    "objects starting after a specific cursor (pageInfo.endCursor).\",\"required\":false,"
    "\"schema\":{\"type\":\"string\"}},"
    "\"endingBefore\":{\"name\":\"ending_before\",\"in\":\"query\",\"description\":\"Returns "
    "objects ending before a specific cursor (pageInfo.startCursor).\",\"required\":false,"
    "\"schema\":{\"type\":\"string\"}},"
    "\"idPath\":{\"name\":\"id\",\"in\":\"path\",\"description\":\"Object id.\",\"required\":true,"
    "\"schema\":" UUID_SCHEMA "},"
    "\"upsert\":{\"name\":\"upsert\",\"in\":\"query\",\"description\":\"If true, updates the "
    "record that matches on id or a unique field instead of creating one.\",\"required\":false,"
    "\"schema\":{\"type\":\"boolean\",\"default\":false}},"
    "\"softDelete\":{\"name\":\"soft_delete\",\"in\":\"query\",\"description\":\"If true, soft "
    "deletes the objects. If false, objects are permanently deleted.\",\"required\":false,"
    "\"schema\":{\"type\":\"boolean\",\"default\":false}},"
    "\"groupBy\":{\"name\":\"group_by\",\"in\":\"query\",\"description\":\"Fields to group by, a "
    "JSON array. eg: [{\\\"stage\\\":true}]\",\"required\":true,\"schema\":{\"type\":\"string\"}},"
    "\"viewId\":{\"name\":\"view_id\",\"in\":\"query\",\"description\":\"Applies the filters of "
    "this view.\",\"required\":false,\"schema\":" UUID_SCHEMA "},"
    "\"aggregate\":{\"name\":\"aggregate\",\"in\":\"query\",\"description\":\"Aggregates to "
    "compute per group, a JSON array. eg: [\\\"countNotEmptyId\\\"]\",\"required\":false,"
    "\"schema\":{\"type\":\"string\"}},"
    "\"includeRecordsSample\":{\"name\":\"include_records_sample\",\"in\":\"query\","
    "\"description\":\"If true, each group carries a sample of its records.\",\"required\":false,"
    "\"schema\":{\"type\":\"boolean\",\"default\":false}},"
    "\"orderByForRecords\":{\"name\":\"order_by_for_records\",\"in\":\"query\",\"description\":"
    "\"Sorts the records of each group's sample, as order_by.\",\"required\":false,"
    "\"schema\":{\"type\":\"string\"}}}";

static int by_plural(const void *a, const void *b)
{
    const tc_object *x = *(const tc_object *const *)a, *y = *(const tc_object *const *)b;
    return strcmp(x->name_plural, y->name_plural);
}

/* The webhook a subscriber receives for each event of o (spec api §8). */
static void object_webhooks(tc_json *j, const tc_object *o)
{
    static const char *const events[][2] = {
        {"Created", "created"}, {"Updated", "updated"}, {"Deleted", "deleted"}};
    names n;
    names_of(o, &n);
    for (size_t i = 0; i < 3; i++) {
        char name[TC_OA_NAME_MAX * 2], event[TC_OA_NAME_MAX * 2], schema[1024];
        snprintf(name, sizeof(name), "%s %s", n.singular, events[i][0]);
        snprintf(event, sizeof(event), "%s.%s", o->name_singular, events[i][1]);
        tc_json_key(j, name);
        tc_json_obj_begin(j);
        tc_json_key(j, "post");
        tc_json_obj_begin(j);
        tc_json_kv_str(j, "summary", name);
        tc_json_kv_str(j, "operationId", k(&n, o->name_singular, events[i][0], "Webhook"));
        snprintf(schema, sizeof(schema),
                 "{\"type\":\"object\",\"properties\":{\"targetUrl\":{\"type\":\"string\"},"
                 "\"eventName\":{\"type\":\"string\",\"const\":\"%s\"},\"objectMetadata\":"
                 "{\"type\":\"object\",\"properties\":{\"id\":" UUID_SCHEMA ",\"nameSingular\":"
                 "{\"type\":\"string\"}}},\"workspaceId\":" UUID_SCHEMA
                 ",\"webhookId\":" UUID_SCHEMA
                 ",\"eventDate\":{\"type\":\"string\",\"format\":\"date-time\"},"
                 "\"record\":{\"$ref\":\"" SCHEMAS "%s\"}}}",
                 event, n.response);
        body_raw(j, schema);
        tc_json_kv_raw(j, "responses",
                       "{\"200\":{\"description\":\"Return a 200 status to "
                       "indicate that the data was received successfully\"}}");
        tc_json_obj_end(j);
        tc_json_obj_end(j);
    }
}

static void write_core(tc_json *j, const tc_model *m, const char *server_url)
{
    tc_json_obj_begin(j);
    write_head(j, server_url, DOC_CORE);
    const tc_object **list = NULL;
    size_t n = 0;
    if (m) {
        list = calloc(m->nobjects ? m->nobjects : 1, sizeof(*list));
        if (!list)
            abort();
        for (size_t i = 0; i < m->nobjects; i++) {
            if (tc_openapi_listed(m->objects[i]))
                list[n++] = m->objects[i];
        }
        qsort(list, n, sizeof(*list), by_plural);
    }
    if (m) {
        tc_json_key(j, "tags");
        tc_json_arr_begin(j);
        for (size_t i = 0; i < n; i++) {
            tc_json_obj_begin(j);
            tc_json_kv_str(j, "name", list[i]->name_plural);
            if (list[i]->description && *list[i]->description)
                tc_json_kv_str(j, "description", list[i]->description);
            tc_json_obj_end(j);
        }
        tc_json_arr_end(j);
    }
    tc_json_key(j, "paths");
    tc_json_obj_begin(j);
    write_self_path(j, DOC_CORE);
    for (size_t i = 0; i < n; i++)
        object_paths(j, list[i]);
    tc_json_obj_end(j);
    tc_json_key(j, "components");
    tc_json_obj_begin(j);
    tc_json_kv_raw(j, "securitySchemes", security_schemes);
    if (m) {
        tc_json_key(j, "schemas");
        tc_json_obj_begin(j);
        for (size_t i = 0; i < n; i++)
            tc_openapi_object_schemas(j, list[i]);
        tc_json_obj_end(j);
        tc_json_kv_raw(j, "parameters", core_parameters);
        tc_json_kv_raw(j, "responses", error_responses);
    }
    tc_json_obj_end(j);
    if (m) {
        tc_json_key(j, "webhooks");
        tc_json_obj_begin(j);
        for (size_t i = 0; i < n; i++)
            object_webhooks(j, list[i]);
        tc_json_obj_end(j);
    }
    tc_json_obj_end(j);
    free(list);
}

/* --- the metadata document ------------------------------------------------------------------- */

#define STR "{\"type\":\"string\"}"
#define BOOL "{\"type\":\"boolean\"}"
#define NSTR "{\"type\":[\"string\",\"null\"]}"

static const char metadata_schemas[] =
    "{\"Object\":{\"type\":\"object\",\"required\":[\"nameSingular\",\"namePlural\","
    "\"labelSingular\",\"labelPlural\"],\"properties\":{\"nameSingular\":" STR
    ",\"namePlural\":" STR ",\"labelSingular\":" STR ",\"labelPlural\":" STR ",\"description\":" STR
    ",\"icon\":" STR ",\"shortcut\":" STR "}},"
    "\"ObjectForUpdate\":{\"type\":\"object\",\"properties\":{\"nameSingular\":" STR
    ",\"namePlural\":" STR ",\"labelSingular\":" STR ",\"labelPlural\":" STR ",\"description\":" STR
    ",\"icon\":" STR ",\"shortcut\":" STR ",\"isActive\":" BOOL
    ",\"labelIdentifierFieldMetadataId\":" UUID_SCHEMA "}},"
    "\"ObjectForResponse\":{\"type\":\"object\",\"properties\":{\"id\":" UUID_SCHEMA
    ",\"universalIdentifier\":" NSTR ",\"isActive\":" BOOL ",\"isCustom\":" BOOL
    ",\"isLabelSyncedWithName\":" BOOL ",\"isRemote\":" BOOL ",\"isSearchable\":" BOOL
    ",\"isSystem\":" BOOL ",\"isUIEditable\":" BOOL ",\"isUICreatable\":" BOOL
    ",\"isUIReadOnly\":" BOOL ",\"labelPlural\":" STR ",\"labelSingular\":" STR
    ",\"namePlural\":" STR ",\"nameSingular\":" STR ",\"workspaceId\":" UUID_SCHEMA
    ",\"imageIdentifierFieldMetadataId\":" NSTR ",\"labelIdentifierFieldMetadataId\":" NSTR
    ",\"createdAt\":{\"type\":\"string\",\"format\":\"date-time\"},\"updatedAt\":{\"type\":"
    "\"string\",\"format\":\"date-time\"},\"description\":" NSTR ",\"icon\":" NSTR
    ",\"shortcut\":" NSTR ",\"duplicateCriteria\":{\"type\":\"array\"},\"fields\":{\"type\":"
    "\"array\",\"items\":{\"$ref\":\"" SCHEMAS "FieldForResponse\"}}}},"
    "\"Field\":{\"type\":\"object\",\"required\":[\"objectMetadataId\",\"type\",\"name\","
    "\"label\"],\"properties\":{\"objectMetadataId\":" UUID_SCHEMA ",\"type\":" STR ",\"name\":" STR
    ",\"label\":" STR ",\"description\":" STR ",\"icon\":" STR ",\"isNullable\":" BOOL
    ",\"isUnique\":" BOOL ",\"defaultValue\":{},\"options\":{},"
    "\"settings\":{},\"relationCreationPayload\":{\"type\":\"object\"}}},"
    "\"FieldForUpdate\":{\"type\":\"object\",\"properties\":{\"name\":" STR ",\"label\":" STR
    ",\"description\":" STR ",\"icon\":" STR ",\"isActive\":" BOOL ",\"isNullable\":" BOOL
    ",\"isUnique\":" BOOL ",\"defaultValue\":{},\"options\":{},\"settings\":{}}},"
    "\"FieldForResponse\":{\"type\":\"object\",\"properties\":{\"id\":" UUID_SCHEMA
    ",\"universalIdentifier\":" NSTR ",\"label\":" STR ",\"name\":" STR
    ",\"objectMetadataId\":" UUID_SCHEMA ",\"type\":" STR ",\"workspaceId\":" UUID_SCHEMA
    ",\"defaultValue\":{},\"isActive\":" BOOL ",\"isCustom\":" BOOL
    ",\"isLabelSyncedWithName\":" BOOL ",\"isSystem\":" BOOL ",\"isUIEditable\":" BOOL
    ",\"isUIReadOnly\":" BOOL ",\"options\":{},\"createdAt\":{\"type\":\"string\",\"format\":"
    "\"date-time\"},\"updatedAt\":{\"type\":\"string\",\"format\":\"date-time\"},"
    "\"isNullable\":" BOOL ",\"isUnique\":" BOOL ",\"settings\":{},\"description\":" NSTR
    ",\"icon\":" NSTR "}}}";

static const char metadata_parameters[] =
    "{\"limit\":{\"name\":\"limit\",\"in\":\"query\",\"description\":\"Limits the number of items "
    "returned.\",\"required\":false,\"schema\":{\"type\":\"integer\",\"minimum\":0,"
    "\"maximum\":1000,\"default\":1000}},"
    "\"startingAfter\":{\"name\":\"starting_after\",\"in\":\"query\",\"description\":\"Returns "
    "items after this id (pageInfo.endCursor).\",\"required\":false,\"schema\":" UUID_SCHEMA "},"
    "\"endingBefore\":{\"name\":\"ending_before\",\"in\":\"query\",\"description\":\"Returns "
    "items before this id (pageInfo.startCursor).\",\"required\":false,\"schema\":" UUID_SCHEMA "},"
    "\"idPath\":{\"name\":\"id\",\"in\":\"path\",\"description\":\"Item id.\",\"required\":true,"
    "\"schema\":" UUID_SCHEMA "}}";

/* /objects and /objects/{id} (or fields), answered as metadata.c does: lists in the newest
 * {"data":[…],"pageInfo","totalCount"} format, single items bare (docs/compat.md). */
static void metadata_paths(tc_json *j, const char *plural, const char *singular)
{
    char cap_p[32], cap_s[32], ref[96], schema[512];
    tc_openapi_cap(plural, cap_p, sizeof(cap_p));
    tc_openapi_cap(singular, cap_s, sizeof(cap_s));
    snprintf(ref, sizeof(ref), "%sForResponse", cap_s);

    path_key(j, "/", plural, "");
    tc_json_obj_begin(j);
    op_begin(j, "get", plural, "findMany", cap_p, "Find Many");
    params(j, "limit startingAfter endingBefore");
    responses_begin(j, "200", "Successful operation");
    snprintf(schema, sizeof(schema),
             "{\"type\":\"object\",\"properties\":{\"data\":{\"type\":\"array\",\"items\":"
             "{\"$ref\":\"" SCHEMAS "%s\"}},\"pageInfo\":" PAGE_INFO
             ",\"totalCount\":{\"type\":\"integer\"}}}",
             ref);
    tc_json_raw(j, schema, strlen(schema));
    responses_end(j);
    op_begin(j, "post", plural, "createOne", cap_s, "Create One");
    body_ref(j, cap_s, false);
    responses_begin(j, "201", "Successful operation");
    tc_openapi_ref(j, "schemas", ref, "");
    responses_end(j);
    tc_json_obj_end(j);

    path_key(j, "/", plural, "/{id}");
    tc_json_obj_begin(j);
    op_begin(j, "get", plural, "findOne", cap_s, "Find One");
    params(j, "idPath");
    responses_begin(j, "200", "Successful operation");
    tc_openapi_ref(j, "schemas", ref, "");
    responses_end(j);
    op_begin(j, "delete", plural, "deleteOne", cap_s, "Delete One");
    params(j, "idPath");
    responses_begin(j, "200", "Successful operation");
    tc_openapi_ref(j, "schemas", ref, "");
    responses_end(j);
    op_begin(j, "patch", plural, "updateOne", cap_s, "Update One");
    params(j, "idPath");
    snprintf(schema, sizeof(schema), "%sForUpdate", cap_s);
    body_ref(j, schema, false);
    responses_begin(j, "200", "Successful operation");
    tc_openapi_ref(j, "schemas", ref, "");
    responses_end(j);
    tc_json_obj_end(j);
}

static void write_metadata(tc_json *j, bool personal, const char *server_url)
{
    tc_json_obj_begin(j);
    write_head(j, server_url, DOC_METADATA);
    if (personal)
        tc_json_kv_raw(j, "tags", "[{\"name\":\"objects\"},{\"name\":\"fields\"}]");
    tc_json_key(j, "paths");
    tc_json_obj_begin(j);
    write_self_path(j, DOC_METADATA);
    if (personal) {
        metadata_paths(j, "objects", "object");
        metadata_paths(j, "fields", "field");
    }
    tc_json_obj_end(j);
    tc_json_key(j, "components");
    tc_json_obj_begin(j);
    tc_json_kv_raw(j, "securitySchemes", security_schemes);
    if (personal) {
        tc_json_kv_raw(j, "schemas", metadata_schemas);
        tc_json_kv_raw(j, "parameters", metadata_parameters);
        tc_json_kv_raw(j, "responses", error_responses);
    }
    tc_json_obj_end(j);
    tc_json_obj_end(j);
}

/* --- handlers -------------------------------------------------------------------------------- */

static void answer(tc_req *req, doc_kind kind)
{
    const tc_model *m = caller_model(req);
    const char *url = req->thread->server->cfg->server_url;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, TC_RESPONSE_MAX);
    tc_json_init(&j, &b);
    if (kind == DOC_CORE)
        write_core(&j, m, url);
    else
        write_metadata(&j, m != NULL, url);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

void tc_openapi_core(tc_req *req)
{
    answer(req, DOC_CORE);
}

void tc_openapi_metadata(tc_req *req)
{
    answer(req, DOC_METADATA);
}
