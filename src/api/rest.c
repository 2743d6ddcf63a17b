/* Twenty's core REST API for records (spec/twenty-api.md §1), read side: GET /rest/{plural}
 * (findMany) and GET /rest/{plural}/{id} (findOne) for every object of the caller's workspace,
 * from its snapshot and the caller's permission view, with no per-object code, at depth 0 or 1
 * (§1.8). Unreadable objects answer 403, unreadable fields and relations are left out (§7). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/rest_int.h"
#include "base/json.h"
#include "query/relations.h"
#include "query/shape.h"
#include "query/sql.h"

/* The caller's rights on the object, and the selection (depth, `fields`) into f; false after
 * answering. */
static bool readable_or_respond(tc_req *req, tc_find *f, tc_rest *r)
{
    int depth;
    if (!tc_rest_open_or_respond(req, r) || !tc_rest_depth_or_respond(req, &depth) ||
        !tc_rest_allowed_or_respond(req, tc_perm_object(r->view, r->object).read))
        return false;
    tc_find_init(f, req->arena, r->view, r->object);
    if (depth == 1)
        tc_find_add_relations(f, req->arena, r->view);
    const char *fields = tc_req_query(req, "fields");
    tc_err e;
    if (fields && tc_find_pick(f, fields, &e) < 0) {
        tc_reply_error(req, &e);
        return false;
    }
    return true;
}

/* limit: an integer >= 0, clamped to TC_QUERY_MAX_RECORDS (§1.4). */
static bool limit_or_respond(tc_req *req, tc_find *f)
{
    const char *text = tc_req_query(req, "limit");
    if (!text)
        return true;
    char *end;
    long n = strtol(text, &end, 10);
    if (!*text || *end || n < 0) {
        tc_err e;
        tc_err_set(&e, TC_E_BAD_REQUEST, "limit '%s' is invalid. Should be an integer", text);
        snprintf(e.reason, sizeof(e.reason), "INVALID_LIMIT_QUERY_PARAM");
        tc_reply_error(req, &e);
        return false;
    }
    f->limit = n > TC_QUERY_MAX_RECORDS ? TC_QUERY_MAX_RECORDS : (int)n;
    return true;
}

/* filter, order_by and a cursor (§1.4-1.7) into f; false after answering 400. */
static bool paging_or_respond(tc_req *req, const tc_rest *r, tc_find *f)
{
    tc_err e;
    tc_err_clear(&e);
    const char *order = tc_req_query(req, "order_by");
    const char *after = tc_req_query(req, "starting_after");
    const char *before = tc_req_query(req, "ending_before");
    int rc = 0;
    if (after && before) {
        rc = tc_err_set(&e, TC_E_BAD_REQUEST, "Cannot provide both before and after");
        snprintf(e.reason, sizeof(e.reason), "ARGS_CONFLICT");
    }
    if (rc == 0 && !tc_rest_filter_or_respond(req, r, &f->filter))
        return false;
    if (rc == 0 && order)
        rc = tc_order_parse(req->arena, f->object, order, strlen(order), &f->order, &e);
    const char *cursor = after ? after : before;
    tc_cursor_value *values = NULL;
    if (rc == 0 && cursor)
        rc = tc_cursor_decode(req->arena, &f->order, cursor, strlen(cursor), &values, &e);
    if (rc < 0) {
        tc_reply_error(req, &e);
        return false;
    }
    f->cursor = values;
    f->forward = before == NULL;
    return true;
}

/* The cursor of row `row` from its order-key columns. NULL on failure. */
static char *cursor_of(tc_req *req, const tc_find *f, const PGresult *r, int row)
{
    const char **values = tc_arena_calloc(req->arena, f->order.nkeys + 1, sizeof(*values));
    for (size_t i = 0; i < f->order.nkeys; i++) {
        int col = tc_find_key_col(f, i);
        /* to_jsonb(NULL) is SQL NULL, which libpq shows as "": the cursor says null. */
        values[i] = PQgetisnull(r, row, col) ? "null" : PQgetvalue(r, row, col);
    }
    char *out = NULL;
    tc_err e;
    return tc_cursor_encode(req->arena, &f->order, values, &out, &e) == 0 ? out : NULL;
}

/* The to-many relations of rows [0, nrows) of page into s; false after answering. */
static bool relations_or_respond(tc_req *req, const tc_rest *r, const tc_find *f,
                                 const PGresult *page, int nrows, tc_relations *s)
{
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    if (db && tc_relations_load(s, db, req->arena, f, r->model->schema, page, nrows, &e) == 0)
        return true;
    tc_reply_error(req, &e);
    return false;
}

static void write_cursor(tc_json *j, const char *cursor)
{
    if (cursor)
        tc_json_str(j, cursor);
    else
        tc_json_null(j);
}

/* totalCount (§1.7): from the count cache while no write touched the workspace since it was
 * counted (query/count.h), else counted now. False after answering. */
static bool total_or_respond(tc_req *req, const tc_rest *r, const tc_sql *count, int64_t *total)
{
    tc_counts *cache = req->thread->server->counts;
    const char *schema = r->model->schema;
    if (tc_counts_get(cache, schema, count, total))
        return true;
    uint64_t gen = tc_counts_generation(cache, schema);
    PGresult *res = tc_rest_run_or_respond(req, count);
    if (!res)
        return false;
    *total = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    tc_counts_put(cache, schema, count, gen, *total);
    return true;
}

void tc_rest_find_many(tc_req *req)
{
    tc_rest r;
    tc_find f;
    if (!readable_or_respond(req, &f, &r) || !limit_or_respond(req, &f) ||
        !paging_or_respond(req, &r, &f))
        return;
    char limit_text[16];
    snprintf(limit_text, sizeof(limit_text), "%d", f.limit + 1);
    tc_sql page, count;
    tc_sql_init(&page, TC_REST_SQL_MAX);
    tc_sql_init(&count, TC_REST_SQL_MAX);
    tc_find_sql(&f, r.model->schema, limit_text, &page);
    tc_find_count_sql(&f, r.model->schema, &count);
    PGresult *rows = tc_rest_run_or_respond(req, &page);
    /* The extra row is the last one in either direction; it is not shown. */
    int n = rows ? PQntuples(rows) : 0, shown = n > f.limit ? f.limit : n;
    tc_relations rels;
    bool related = rows && relations_or_respond(req, &r, &f, rows, shown, &rels);
    int64_t total = 0;
    bool counted = related && total_or_respond(req, &r, &count, &total);
    tc_sql_fini(&page);
    tc_sql_fini(&count);
    if (!counted) {
        PQclear(rows);
        return;
    }
    /* A backward page was read in reverse order: show it in natural order. */
    bool more = n > f.limit;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, TC_REST_BODY_MAX);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "data");
    tc_json_obj_begin(&j);
    tc_json_key(&j, f.object->name_plural);
    tc_json_arr_begin(&j);
    for (int i = 0; i < shown; i++)
        tc_shape_record_rels(&j, &f, rows, f.forward ? i : shown - 1 - i, &rels);
    tc_json_arr_end(&j);
    tc_json_obj_end(&j);
    tc_json_key(&j, "totalCount");
    tc_json_int(&j, total);
    tc_json_key(&j, "pageInfo");
    tc_json_obj_begin(&j);
    tc_json_kv_bool(&j, "hasNextPage", f.forward ? more : f.cursor != NULL);
    tc_json_kv_bool(&j, "hasPreviousPage", f.forward ? f.cursor != NULL : more);
    int first = f.forward ? 0 : shown - 1, last = f.forward ? shown - 1 : 0;
    tc_json_key(&j, "startCursor");
    write_cursor(&j, shown ? cursor_of(req, &f, rows, first) : NULL);
    tc_json_key(&j, "endCursor");
    write_cursor(&j, shown ? cursor_of(req, &f, rows, last) : NULL);
    tc_json_obj_end(&j);
    tc_json_obj_end(&j);
    PQclear(rows);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

void tc_rest_find_one(tc_req *req)
{
    tc_rest r;
    tc_find f;
    const char *id = req->params[1];
    if (!tc_rest_id_or_respond(req, id) || !readable_or_respond(req, &f, &r))
        return;
    f.id = id;
    tc_sql q;
    tc_sql_init(&q, TC_REST_SQL_MAX);
    tc_find_sql(&f, r.model->schema, NULL, &q);
    PGresult *rows = tc_rest_run_or_respond(req, &q);
    tc_sql_fini(&q);
    if (!rows)
        return;
    if (PQntuples(rows) == 0) {
        PQclear(rows);
        tc_rest_not_found(req);
        return;
    }
    tc_relations rels;
    if (!relations_or_respond(req, &r, &f, rows, 1, &rels)) {
        PQclear(rows);
        return;
    }
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, TC_REST_BODY_MAX);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "data");
    tc_json_obj_begin(&j);
    tc_json_key(&j, f.object->name_singular);
    tc_shape_record_rels(&j, &f, rows, 0, &rels);
    tc_json_obj_end(&j);
    tc_json_obj_end(&j);
    PQclear(rows);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}
