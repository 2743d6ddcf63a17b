/* Record mutations of the core REST API (spec api §1.2, §1.10, §1.11): create one and many
 * (with upsert), update one and many, delete (soft with soft_delete=true, else destroy) one and
 * many, restore one and many, for every object of the caller's workspace. The engine side is
 * src/query/write.h; here are the REST arguments, permissions per verb and the envelopes. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "api/handlers.h"
#include "api/rest_int.h"
#include "base/json.h"
#include "query/deep.h"
#include "query/shape.h"
#include "query/write.h"

typedef enum verb { CREATE, UPDATE, SOFT_DELETE, DESTROY, RESTORE } verb;

/* "create" + "company" -> "createCompany". */
static const char *operation(tc_req *req, const char *prefix, const char *name)
{
    char *out = tc_arena_printf(req->arena, "%s%s", prefix, name);
    size_t n = strlen(prefix);
    out[n] = (char)toupper((unsigned char)out[n]);
    return out;
}

/* The object-level right a verb needs (spec api §7): creating and updating need update,
 * soft-deleting and restoring need softDelete, destroying needs destroy. */
static bool allowed(const tc_rest *r, verb v)
{
    tc_object_access a = tc_perm_object(r->view, r->object);
    switch (v) {
    case CREATE:
    case UPDATE: return a.update;
    case SOFT_DELETE:
    case RESTORE: return a.soft_delete;
    case DESTROY: return a.destroy;
    }
    return false;
}

static bool open_or_respond(tc_req *req, tc_rest *r, verb v)
{
    return tc_rest_open_or_respond(req, r) && tc_rest_allowed_or_respond(req, allowed(r, v));
}

static bool begin_or_respond(tc_req *req, tc_rest *r, tc_write *w)
{
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    long max = (long)req->thread->server->cfg->mutation_max_records;
    if (db && tc_write_begin(w, req->arena, db, r->model, r->view, r->object, &r->principal, max,
                             &e) == 0)
        return true;
    if (db)
        tc_write_abort(w);
    tc_reply_error(req, &e);
    return false;
}

/* The records a call answers with at depth=1: the changed records read again through the
 * read path (query/deep.h), inside the write's transaction. */
typedef struct answer {
    bool deep;
    tc_deep d;
} answer;

static int load_deep(tc_req *req, const tc_rest *r, const tc_write *w, answer *ans, tc_err *e)
{
    size_t n = tc_write_count(w);
    const char **ids = tc_arena_calloc(req->arena, n + 1, sizeof(*ids));
    for (size_t i = 0; i < n; i++)
        ids[i] = tc_write_id(w, i);
    ans->deep = true;
    return tc_deep_load(&ans->d, req->arena, w->db, r->model, r->view, r->object, ids, n, e);
}

/* Ends the write: at depth=1 reads the answer's records, then commits when rc is 0, else rolls
 * back; false after answering an error. */
static bool end_or_respond(tc_req *req, const tc_rest *r, tc_write *w, int depth, answer *ans,
                           int rc, tc_err *e)
{
    memset(ans, 0, sizeof(*ans));
    if (rc == 0 && depth == 1 && tc_write_count(w) > 0)
        rc = load_deep(req, r, w, ans, e);
    if (rc == 0 && tc_write_commit(w, e) == 0) {
        /* Read-your-writes on this instance: its cached counts are stale at once, before the
         * trigger's notification comes back. */
        tc_counts_changed(req->thread->server->counts, r->model->schema);
        return true;
    }
    tc_write_abort(w);
    tc_reply_error(req, e);
    return false;
}

static void write_record(tc_json *j, const tc_write *w, const answer *ans, size_t i)
{
    const PGresult *r;
    int row;
    tc_write_row(w, i, &r, &row);
    if (!ans->deep || !tc_deep_write(j, &ans->d, tc_write_id(w, i)))
        tc_shape_record(j, &w->shown, r, row);
}

/* Only the id: what delete answers. */
static void write_id(tc_json *j, const tc_write *w, size_t i)
{
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "id", tc_write_id(w, i));
    tc_json_obj_end(j);
}

/* {"data":{"<key>": record or [records]}} with status. */
static void reply(tc_req *req, int status, const tc_write *w, const answer *ans, const char *key,
                  bool many, bool ids_only)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, TC_REST_BODY_MAX);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "data");
    tc_json_obj_begin(&j);
    tc_json_key(&j, key);
    size_t n = tc_write_count(w);
    if (many)
        tc_json_arr_begin(&j);
    for (size_t i = 0; i < n && (many || i == 0); i++) {
        if (ids_only)
            write_id(&j, w, i);
        else
            write_record(&j, w, ans, i);
    }
    if (many)
        tc_json_arr_end(&j);
    else if (n == 0)
        tc_json_null(&j);
    tc_json_obj_end(&j);
    tc_json_obj_end(&j);
    tc_reply_json(req, status, &b);
    tc_buf_fini(&b);
}

static bool bad_or_respond(tc_req *req, const char *message)
{
    tc_reply_errorf(req, TC_E_BAD_REQUEST, "%s", message);
    return false;
}

static bool flag(tc_req *req, const char *name)
{
    const char *v = tc_req_query(req, name);
    return v && strcmp(v, "true") == 0;
}

/* The body's records checked against the object: one object, or (many) an array of at most
 * TC_WRITE_MAX_BATCH objects. */
static bool inputs_or_respond(tc_req *req, const tc_rest *r, bool many, tc_input_mode mode,
                              tc_record_input **out, size_t *n)
{
    json_t *body = tc_req_json_or_respond(req);
    if (!body)
        return false;
    if (many && !json_is_array(body))
        return bad_or_respond(req, "Body must be an array");
    if (!many && !json_is_object(body))
        return bad_or_respond(req, "Body must be a JSON object");
    size_t count = many ? json_array_size(body) : 1;
    if (count > TC_WRITE_MAX_BATCH) {
        tc_reply_errorf(req, TC_E_BAD_REQUEST, "Maximum number of records to upsert is %d.",
                        TC_WRITE_MAX_BATCH);
        return false;
    }
    *out = tc_arena_calloc(req->arena, count + 1, sizeof(**out));
    *n = count;
    for (size_t i = 0; i < count; i++) {
        tc_err e;
        tc_err_clear(&e);
        json_t *record = many ? json_array_get(body, i) : body;
        if (tc_input_record(req->arena, r->view, r->object, record, mode, &(*out)[i], &e) < 0) {
            tc_reply_error(req, &e);
            return false;
        }
    }
    return true;
}

static void create(tc_req *req, bool many)
{
    tc_rest r;
    tc_write w;
    tc_record_input *in;
    size_t n;
    int depth;
    answer ans;
    if (!tc_rest_depth_or_respond(req, &depth) || !open_or_respond(req, &r, CREATE) ||
        !inputs_or_respond(req, &r, many, TC_INPUT_CREATE, &in, &n) ||
        !begin_or_respond(req, &r, &w))
        return;
    tc_err e;
    tc_err_clear(&e);
    int rc = tc_write_create(&w, in, n, flag(req, "upsert"), &e);
    if (!end_or_respond(req, &r, &w, depth, &ans, rc, &e))
        return;
    const char *name = many ? r.object->name_plural : r.object->name_singular;
    reply(req, 201, &w, &ans, operation(req, "create", name), many, false);
}

void tc_rest_create_one(tc_req *req)
{
    create(req, false);
}

void tc_rest_create_many(tc_req *req)
{
    create(req, true);
}

/* A bulk call's filter: mandatory where Twenty says so (spec api §1.4). */
static bool bulk_filter_or_respond(tc_req *req, const tc_rest *r, const char *what,
                                   const tc_filter **filter)
{
    if (!tc_rest_filter_or_respond(req, r, filter))
        return false;
    if (*filter || !what)
        return true;
    tc_reply_errorf(req, TC_E_BAD_REQUEST,
                    "Filters are mandatory for bulk %s operations. Please provide at least one "
                    "filter to prevent accidental deletion of all records.",
                    what);
    return false;
}

static void update(tc_req *req, bool many)
{
    tc_rest r;
    tc_write w;
    tc_record_input *in;
    size_t n;
    const tc_filter *filter = NULL;
    const char *id = many ? NULL : req->params[1];
    int depth;
    answer ans;
    if (!tc_rest_depth_or_respond(req, &depth) || (id && !tc_rest_id_or_respond(req, id)) ||
        !open_or_respond(req, &r, UPDATE) ||
        (many && !bulk_filter_or_respond(req, &r, "update", &filter)) ||
        !inputs_or_respond(req, &r, false, TC_INPUT_UPDATE, &in, &n) ||
        !begin_or_respond(req, &r, &w))
        return;
    tc_err e;
    tc_err_clear(&e);
    int rc = tc_write_update(&w, in, id, filter, &e);
    if (!end_or_respond(req, &r, &w, depth, &ans, rc, &e))
        return;
    const char *name = many ? r.object->name_plural : r.object->name_singular;
    reply(req, 200, &w, &ans, operation(req, "update", name), many, false);
}

void tc_rest_update_one(tc_req *req)
{
    update(req, false);
}

void tc_rest_update_many(tc_req *req)
{
    update(req, true);
}

/* DELETE destroys unless soft_delete=true (Twenty's newest behaviour, spec api §1.2 #7). */
static void delete (tc_req *req, bool many)
{
    tc_rest r;
    tc_write w;
    const tc_filter *filter = NULL;
    const char *id = many ? NULL : req->params[1];
    bool soft = flag(req, "soft_delete");
    if ((id && !tc_rest_id_or_respond(req, id)) ||
        !open_or_respond(req, &r, soft ? SOFT_DELETE : DESTROY) ||
        (many && !bulk_filter_or_respond(req, &r, soft ? "delete" : "destroy", &filter)) ||
        !begin_or_respond(req, &r, &w))
        return;
    tc_err e;
    tc_err_clear(&e);
    int rc = tc_write_delete(&w, soft, id, filter, &e);
    answer ans;
    if (!end_or_respond(req, &r, &w, 0, &ans, rc, &e))
        return;
    const char *name = many ? r.object->name_plural : r.object->name_singular;
    reply(req, 200, &w, &ans, operation(req, "delete", name), many, true);
}

void tc_rest_delete_one(tc_req *req)
{
    delete (req, false);
}

void tc_rest_delete_many(tc_req *req)
{
    delete (req, true);
}

static void restore(tc_req *req, const char *id)
{
    tc_rest r;
    tc_write w;
    const tc_filter *filter = NULL;
    int depth;
    answer ans;
    if (!tc_rest_depth_or_respond(req, &depth) || (id && !tc_rest_id_or_respond(req, id)) ||
        !open_or_respond(req, &r, RESTORE) ||
        (!id && !bulk_filter_or_respond(req, &r, NULL, &filter)) || !begin_or_respond(req, &r, &w))
        return;
    tc_err e;
    tc_err_clear(&e);
    int rc = tc_write_restore(&w, id, filter, &e);
    if (!end_or_respond(req, &r, &w, depth, &ans, rc, &e))
        return;
    const char *name = id ? r.object->name_singular : r.object->name_plural;
    reply(req, 200, &w, &ans, operation(req, "restore", name), id == NULL, false);
}

void tc_rest_restore_one(tc_req *req)
{
    restore(req, req->params[1]);
}

void tc_rest_restore_many(tc_req *req)
{
    restore(req, NULL);
}
