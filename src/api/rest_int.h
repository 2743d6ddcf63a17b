/* Shared by the files of the core REST API for records (rest*.c): resolving the object of the
 * path, the caller's rights on it, query parameters every route reads, running a statement.
 * Every `_or_respond` function has answered the request when it returns false or NULL. */
#ifndef TC_API_REST_INT_H
#define TC_API_REST_INT_H

#include <libpq-fe.h>

#include "api/api_int.h"
#include "db/sql.h"
#include "query/filter.h"

#define TC_REST_SQL_MAX (256 * 1024)
#define TC_REST_BODY_MAX (64 * 1024 * 1024) /* a page of TC_QUERY_MAX_RECORDS large records */

/* What a record route works on: who calls, the workspace's snapshot and model, the caller's
 * permission view, and the object named by the path's first parameter. Held until the request
 * ends. */
typedef struct tc_rest {
    tc_principal principal;
    const tc_snapshot *snapshot;
    const tc_model *model;
    const tc_perm_view *view;
    const tc_object *object;
} tc_rest;

/* Principal, snapshot, the object named by req->params[0] (its plural name; Twenty's 400s for
 * a singular or unknown name, spec api §1.3) and the permission view, into r. */
bool tc_rest_open_or_respond(tc_req *req, tc_rest *r);

/* 403 PERMISSION_DENIED unless allowed (spec api §7). */
bool tc_rest_allowed_or_respond(tc_req *req, bool allowed);

/* The `depth` parameter: 0 (absent) or 1; 400 INVALID_DEPTH_QUERY_PARAM otherwise. */
bool tc_rest_depth_or_respond(tc_req *req, int *depth);

/* The `filter` parameter parsed against r->object into *out (NULL when absent or empty). */
bool tc_rest_filter_or_respond(tc_req *req, const tc_rest *r, const tc_filter **out);

/* A record id from the path: 400 "'<id>' is not a valid UUID" otherwise. */
bool tc_rest_id_or_respond(tc_req *req, const char *id);

/* Runs q on the request's connection; NULL after answering (400 "Query too large" when the
 * builder overflowed, the mapped database error otherwise). The caller PQclears the result. */
PGresult *tc_rest_run_or_respond(tc_req *req, const tc_sql *q);

/* 404 RECORD_NOT_FOUND "Record not found". */
void tc_rest_not_found(tc_req *req);

#endif
