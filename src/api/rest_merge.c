/* POST /rest/{plural}/duplicates and PATCH /rest/{plural}/merge (spec api §1.2 #2, #11, §1.10,
 * §1.11): the REST arguments with Twenty's checks and messages, permissions and envelopes, at
 * depth 0 or 1. The engine side is src/query/duplicates.h and src/query/merge.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/rest_int.h"
#include "base/json.h"
#include "query/cursor.h"
#include "query/deep.h"
#include "query/duplicates.h"
#include "query/merge.h"
#include "query/shape.h"

static bool invalid_or_respond(tc_req *req, const char *message)
{
    tc_err e;
    tc_err_set(&e, TC_E_BAD_REQUEST, "%s", message);
    snprintf(e.reason, sizeof(e.reason), "INVALID_QUERY_INPUT");
    tc_reply_error(req, &e);
    return false;
}

/* A present argument: not missing, not null. */
static bool given(const json_t *v)
{
    return v && !json_is_null(v);
}

/* Empty in lodash's sense for the values a body holds: an empty array, object or string. */
static bool empty(const json_t *v)
{
    return (json_is_array(v) && json_array_size(v) == 0) ||
           (json_is_object(v) && json_object_size(v) == 0) ||
           (json_is_string(v) && json_string_length(v) == 0) || !given(v);
}

/* ids: an array of at most max UUIDs (copies in the request arena). */
static bool ids_or_respond(tc_req *req, const json_t *list, size_t max, const char ***out,
                           size_t *n)
{
    if (!json_is_array(list))
        return invalid_or_respond(req, "\"ids\" must be an array of UUIDs");
    if (json_array_size(list) > max) {
        char message[96];
        snprintf(message, sizeof(message), "At most %zu ids are accepted at once", max);
        return invalid_or_respond(req, message);
    }
    *n = json_array_size(list);
    *out = tc_arena_calloc(req->arena, *n + 1, sizeof(**out));
    for (size_t i = 0; i < *n; i++) {
        const json_t *x = json_array_get(list, i);
        tc_uuid u;
        if (!json_is_string(x) ||
            tc_uuid_parse(json_string_value(x), json_string_length(x), &u) != 0) {
            char *text = json_dumps(x, JSON_COMPACT | JSON_ENCODE_ANY);
            tc_reply_errorf(req, TC_E_BAD_REQUEST, "'%.64s' is not a valid UUID",
                            json_is_string(x) ? json_string_value(x) : (text ? text : "?"));
            free(text);
            return false;
        }
        char *id = tc_arena_alloc(req->arena, TC_UUID_STR_LEN + 1);
        tc_uuid_format(&u, id);
        (*out)[i] = id;
    }
    return true;
}

/* The cursor of one record in the default order (id). NULL on failure. */
static char *id_cursor(tc_req *req, const tc_find *f, const char *id)
{
    const char *values[] = {tc_arena_printf(req->arena, "\"%s\"", id)};
    char *out = NULL;
    tc_err e;
    if (f->order.nkeys != 1)
        return NULL;
    return tc_cursor_encode(req->arena, &f->order, values, &out, &e) == 0 ? out : NULL;
}

static int by_text(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* depth=1: every duplicate found, read again with its relations (each once). */
static bool deep_or_respond(tc_req *req, const tc_rest *r, const tc_duplicates *d, tc_deep *deep)
{
    int rows = d->rows ? PQntuples(d->rows) : 0;
    const char **ids = tc_arena_calloc(req->arena, (size_t)rows + 1, sizeof(*ids));
    for (int row = 0; row < rows; row++)
        ids[row] = tc_duplicates_id(d, row);
    qsort(ids, (size_t)rows, sizeof(*ids), by_text);
    size_t n = 0;
    for (int row = 0; row < rows; row++)
        if (n == 0 || strcmp(ids[n - 1], ids[row]) != 0)
            ids[n++] = ids[row];
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    if (db && tc_deep_load(deep, req->arena, db, r->model, r->view, r->object, ids, n, &e) == 0)
        return true;
    tc_reply_error(req, &e);
    return false;
}

static void write_duplicates(tc_req *req, const tc_duplicates *d, const tc_deep *deep, size_t n)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, TC_REST_BODY_MAX);
    tc_json_init(&j, &b);
    const char *key = tc_arena_printf(req->arena, "%sDuplicates", d->object->name_singular);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "data");
    tc_json_arr_begin(&j);
    for (size_t i = 0; i < n; i++) {
        const tc_dup_found *found = &d->found[i];
        tc_json_obj_begin(&j);
        tc_json_key(&j, key);
        tc_json_arr_begin(&j);
        for (int k = 0; k < found->count; k++) {
            int row = found->first + k;
            if (!deep || !tc_deep_write(&j, deep, tc_duplicates_id(d, row)))
                tc_shape_record(&j, &d->shown, d->rows, row);
        }
        tc_json_arr_end(&j);
        tc_json_kv_int(&j, "totalCount", found->total);
        tc_json_key(&j, "pageInfo");
        tc_json_obj_begin(&j);
        tc_json_kv_bool(&j, "hasNextPage", false);
        tc_json_kv_bool(&j, "hasPreviousPage", false);
        const char *start = NULL, *end = NULL;
        if (found->count) {
            start = id_cursor(req, &d->shown, tc_duplicates_id(d, found->first));
            end = id_cursor(req, &d->shown, tc_duplicates_id(d, found->first + found->count - 1));
        }
        tc_json_kv_str(&j, "startCursor", start);
        tc_json_kv_str(&j, "endCursor", end);
        tc_json_obj_end(&j);
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    tc_json_obj_end(&j);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

/* The inputs of a duplicates body: its `data` records checked as creates (no write permission
 * needed: nothing is written), or the live records of its `ids`. */
static bool inputs_or_respond(tc_req *req, const tc_rest *r, tc_duplicates *d, const json_t *data,
                              const json_t *ids, tc_dup_input **in, size_t *n)
{
    tc_err e;
    tc_err_clear(&e);
    if (given(ids)) {
        const char **list;
        size_t count;
        if (!ids_or_respond(req, ids, TC_DUPLICATES_MAX_INPUTS, &list, &count))
            return false;
        tc_db *db = tc_req_db(req, &e);
        if (db && tc_duplicates_by_ids(d, db, list, count, in, n, &e) == 0)
            return true;
        tc_reply_error(req, &e);
        return false;
    }
    if (!json_is_array(data))
        return invalid_or_respond(req, "\"data\" must be an array of records");
    if (json_array_size(data) > TC_DUPLICATES_MAX_INPUTS) {
        char message[96];
        snprintf(message, sizeof(message), "At most %d records are accepted at once",
                 TC_DUPLICATES_MAX_INPUTS);
        return invalid_or_respond(req, message);
    }
    *n = json_array_size(data);
    *in = tc_arena_calloc(req->arena, *n + 1, sizeof(**in));
    for (size_t i = 0; i < *n; i++) {
        tc_record_input record;
        if (tc_input_record(req->arena, NULL, r->object, json_array_get(data, i), TC_INPUT_CREATE,
                            &record, &e) < 0) {
            tc_reply_error(req, &e);
            return false;
        }
        (*in)[i] = (tc_dup_input){record.id, record.items, record.n};
    }
    return true;
}

void tc_rest_find_duplicates(tc_req *req)
{
    tc_rest r;
    int depth;
    if (!tc_rest_depth_or_respond(req, &depth) || !tc_rest_open_or_respond(req, &r))
        return;
    json_t *body = tc_req_json_or_respond(req);
    if (!body)
        return;
    const json_t *data = json_object_get(body, "data"), *ids = json_object_get(body, "ids");
    if (!given(data) && !given(ids)) {
        invalid_or_respond(req, "You have to provide either \"data\" or \"ids\" argument");
        return;
    }
    if (given(data) && given(ids)) {
        invalid_or_respond(req, "You cannot provide both \"data\" and \"ids\" arguments");
        return;
    }
    if (!given(ids) && empty(data)) {
        invalid_or_respond(
            req, "The \"data\" condition can not be empty when \"ids\" input not provided");
        return;
    }
    if (!tc_rest_allowed_or_respond(req, tc_perm_object(r.view, r.object).read))
        return;
    tc_duplicates d;
    tc_dup_input *in;
    size_t n;
    tc_duplicates_init(&d, req->arena, r.model, r.view, r.object);
    if (!inputs_or_respond(req, &r, &d, data, ids, &in, &n))
        return;
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    if (!db || tc_duplicates_run(&d, db, in, n, &e) < 0) {
        tc_reply_error(req, &e);
        return;
    }
    tc_deep deep;
    if (depth == 1 && !deep_or_respond(req, &r, &d, &deep))
        return;
    write_duplicates(req, &d, depth == 1 ? &deep : NULL, n);
}

/* "merge" + "company" -> "mergeCompany". */
static const char *merge_key(tc_req *req, const char *name)
{
    char *out = tc_arena_printf(req->arena, "merge%s", name);
    out[5] = (char)toupper((unsigned char)out[5]);
    return out;
}

/* The merge body (Twenty's validate order and messages) into *args. */
static bool merge_args_or_respond(tc_req *req, const tc_rest *r, const json_t *body,
                                  tc_merge_args *args)
{
    char message[256];
    if (!json_is_object(body)) {
        tc_reply_errorf(req, TC_E_BAD_REQUEST, "Body must be a JSON object");
        return false;
    }
    if (!r->object->duplicate_criteria) {
        snprintf(message, sizeof(message),
                 "Merge is only available for objects with duplicate criteria. Object '%s' does "
                 "not have duplicate criteria defined.",
                 r->object->name_singular);
        return invalid_or_respond(req, message);
    }
    const json_t *ids = json_object_get(body, "ids");
    if (!json_is_array(ids) || json_array_size(ids) < 2)
        return invalid_or_respond(req, "At least 2 record IDs are required for merge");
    if (json_array_size(ids) > TC_MERGE_MAX_RECORDS) {
        snprintf(message, sizeof(message), "Maximum %d records can be merged at once",
                 TC_MERGE_MAX_RECORDS);
        return invalid_or_respond(req, message);
    }
    const char **list;
    if (!ids_or_respond(req, ids, TC_MERGE_MAX_RECORDS, &list, &args->n))
        return false;
    args->ids = list;
    const json_t *index = json_object_get(body, "conflictPriorityIndex");
    if (!json_is_integer(index) || json_integer_value(index) < 0 ||
        json_integer_value(index) >= (json_int_t)args->n) {
        char *text = index ? json_dumps(index, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
        snprintf(message, sizeof(message),
                 "Invalid conflict priority '%.32s'. Valid options for %zu records: 0-%zu",
                 text ? text : "undefined", args->n, args->n - 1);
        free(text);
        return invalid_or_respond(req, message);
    }
    args->priority = (size_t)json_integer_value(index);
    const json_t *dry = json_object_get(body, "dryRun");
    if (given(dry) && !json_is_boolean(dry))
        return invalid_or_respond(req, "\"dryRun\" must be a boolean");
    args->dry_run = json_is_true(dry);
    return true;
}

/* {"data":{"merge<Singular>": record}}. */
static void reply_merge(tc_req *req, const tc_rest *r, const json_t *record)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, TC_REST_BODY_MAX);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "data");
    tc_json_obj_begin(&j);
    tc_json_key(&j, merge_key(req, r->object->name_singular));
    char *text = json_dumps(record, JSON_COMPACT);
    tc_json_raw(&j, text ? text : "null", text ? strlen(text) : 4);
    free(text);
    tc_json_obj_end(&j);
    tc_json_obj_end(&j);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

void tc_rest_merge(tc_req *req)
{
    tc_rest r;
    int depth;
    tc_merge_args args;
    if (!tc_rest_depth_or_respond(req, &depth) || !tc_rest_open_or_respond(req, &r))
        return;
    json_t *body = tc_req_json_or_respond(req);
    if (!body || !merge_args_or_respond(req, &r, body, &args))
        return;
    args.depth = depth;
    /* A dry run only reads; a merge updates the winner and destroys the others (spec api §7). */
    tc_object_access access = tc_perm_object(r.view, r.object);
    bool allowed = args.dry_run ? access.read : access.read && access.update && access.destroy;
    if (!tc_rest_allowed_or_respond(req, allowed))
        return;
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    tc_write w;
    long max = (long)req->thread->server->cfg->mutation_max_records;
    if (!db ||
        tc_write_begin(&w, req->arena, db, r.model, r.view, r.object, &r.principal, max, &e) < 0) {
        if (db)
            tc_write_abort(&w);
        tc_reply_error(req, &e);
        return;
    }
    json_t *answer = NULL;
    int rc = tc_merge_run(&w, r.view, &args, &answer, &e);
    if (rc == 0 && args.dry_run)
        tc_write_abort(&w); /* nothing to keep: the records were only read */
    else if (rc < 0 || tc_write_commit(&w, &e) < 0)
        rc = -1;
    if (rc < 0) {
        tc_write_abort(&w);
        tc_reply_error(req, &e);
    } else {
        if (!args.dry_run) /* read-your-writes for totalCount (query/count.h) */
            tc_counts_changed(req->thread->server->counts, r.model->schema);
        reply_merge(req, &r, answer);
    }
    json_decref(answer);
}
