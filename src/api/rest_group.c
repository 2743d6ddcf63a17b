/* GET /rest/{plural}/groupBy (spec api §1.2 #4, §1.4, §1.11): groups of the filtered records with
 * their aggregates and, with include_records_sample=true, a sample of records per group, through
 * query/group. The answer is the array of group items itself, as Twenty's handler returns it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/handlers.h"
#include "api/rest_int.h"
#include "base/json.h"
#include "query/group.h"

/* limit: an integer >= 0, clamped to TC_QUERY_MAX_RECORDS; 0 means the default (getGroupLimit). */
static bool limit_or_respond(tc_req *req, tc_group *g)
{
    const char *text = tc_req_query(req, "limit");
    if (!text || !*text)
        return true;
    char *end;
    long n = strtol(text, &end, 10);
    if (*end || n < 0) {
        tc_err e;
        tc_err_set(&e, TC_E_BAD_REQUEST, "limit '%.64s' is invalid. Should be an integer", text);
        snprintf(e.reason, sizeof(e.reason), "INVALID_LIMIT_QUERY_PARAM");
        tc_reply_error(req, &e);
        return false;
    }
    if (n > 0)
        g->limit = n > TC_QUERY_MAX_RECORDS ? TC_QUERY_MAX_RECORDS : (int)n;
    return true;
}

/* view_id (Twenty's handler reads viewId): a UUID. No view has filters in twentyc yet, which is
 * what Twenty applies for a view without filters: nothing. */
static bool view_or_respond(tc_req *req)
{
    const char *id = tc_req_query(req, "view_id");
    if (!id)
        id = tc_req_query(req, "viewId");
    return !id || tc_rest_id_or_respond(req, id);
}

/* An error of query/group, its message whole. */
static void reply_error(tc_req *req, const tc_err *e)
{
    const char *text = tc_group_error_text(e);
    if (text == e->message) {
        tc_reply_error(req, e);
        return;
    }
    tc_buf b;
    tc_buf_init(&b, 4096);
    tc_http_error_body(&b, tc_err_status(e->code), text, e->reason);
    tc_reply_json(req, tc_err_status(e->code), &b);
    tc_buf_fini(&b);
}

/* Every parameter into g; false after answering. */
static bool parse_or_respond(tc_req *req, const tc_rest *r, tc_group *g)
{
    tc_err e;
    tc_err_clear(&e);
    const char *sample = tc_req_query(req, "include_records_sample");
    int rc = tc_group_parse_by(g, tc_req_query(req, "group_by"), &e);
    if (rc == 0)
        rc = tc_group_parse_aggregates(g, tc_req_query(req, "aggregate"), &e);
    if (rc == 0)
        rc = tc_group_parse_order(g, tc_req_query(req, "order_by"), &e);
    if (rc == 0 && sample && strcmp(sample, "true") == 0)
        rc = tc_group_sample(g, tc_req_query(req, "order_by_for_records"), &e);
    if (rc < 0) {
        reply_error(req, &e);
        return false;
    }
    return tc_rest_filter_or_respond(req, r, &g->filter) && limit_or_respond(req, g) &&
           view_or_respond(req);
}

/* Runs q; NULL after answering. A time zone PostgreSQL does not know (22023, the only value
 * of the statement it can refuse) is Twenty's INVALID_TIMEZONE. */
static PGresult *run_or_respond(tc_req *req, const tc_group *g, const tc_sql *q)
{
    if (!tc_sql_ok(q)) {
        tc_reply_errorf(req, TC_E_BAD_REQUEST, "Query too large");
        return NULL;
    }
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    PGresult *res = db ? tc_db_query(db, tc_sql_text(q), q->nparams, q->params, &e) : NULL;
    if (res)
        return res;
    const char *tz = tc_group_tz(g);
    if (strcmp(e.sqlstate, "22023") == 0 && tz) {
        tc_err_set(&e, TC_E_BAD_REQUEST, "Invalid timezone: %s", tz);
        snprintf(e.reason, sizeof(e.reason), "INVALID_TIMEZONE");
    }
    tc_reply_error(req, &e);
    return NULL;
}

void tc_rest_group_by(tc_req *req)
{
    tc_rest r;
    if (!tc_rest_open_or_respond(req, &r) ||
        !tc_rest_allowed_or_respond(req, tc_perm_object(r.view, r.object).read))
        return;
    tc_group g;
    tc_group_init(&g, req->arena, r.view, r.object);
    if (!parse_or_respond(req, &r, &g))
        return;
    char limit_text[16];
    snprintf(limit_text, sizeof(limit_text), "%d", g.limit);
    tc_sql q;
    tc_sql_init(&q, TC_REST_SQL_MAX);
    tc_group_sql(&g, r.model->schema, limit_text, &q);
    PGresult *rows = run_or_respond(req, &g, &q);
    tc_sql_fini(&q);
    if (!rows)
        return;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, TC_REST_BODY_MAX);
    tc_json_init(&j, &b);
    tc_group_write(&j, &g, rows);
    PQclear(rows);
    if (tc_json_ok(&j))
        tc_reply_json(req, 200, &b);
    else
        tc_reply_errorf(req, TC_E_INTERNAL, "Response too large");
    tc_buf_fini(&b);
}
