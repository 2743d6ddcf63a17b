/* The pieces every record route shares (see rest_int.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/rest_int.h"

/* The object named by its plural name, or NULL after answering Twenty's 400s (§1.3). */
static const tc_object *object_or_respond(tc_req *req, const tc_model *m, const char *name)
{
    for (size_t i = 0; i < m->nobjects; i++) {
        if (strcmp(m->objects[i]->name_plural, name) == 0)
            return m->objects[i];
    }
    tc_err e;
    const tc_object *singular = tc_model_object(m, name);
    if (singular)
        tc_err_set(&e, TC_E_BAD_REQUEST, "object '%s' not found. Did you mean '%s'?", name,
                   singular->name_plural);
    else
        tc_err_set(&e, TC_E_BAD_REQUEST, "object '%s' not found. eg: companies", name);
    tc_reply_error(req, &e);
    return NULL;
}

bool tc_rest_open_or_respond(tc_req *req, tc_rest *r)
{
    memset(r, 0, sizeof(*r));
    if (!tc_guard_principal_core(req, &r->principal) ||
        !(r->snapshot = tc_guard_snapshot(req, r->principal.workspace_id)))
        return false;
    r->model = r->snapshot->model;
    return (r->object = object_or_respond(req, r->model, req->params[0])) &&
           (r->view = tc_guard_view(req, &r->principal, r->snapshot));
}

bool tc_rest_allowed_or_respond(tc_req *req, bool allowed)
{
    if (allowed)
        return true;
    tc_err e;
    tc_err_set(&e, TC_E_FORBIDDEN, "User does not have permission");
    snprintf(e.reason, sizeof(e.reason), "PERMISSION_DENIED");
    tc_reply_error(req, &e);
    return false;
}

bool tc_rest_depth_or_respond(tc_req *req, int *depth)
{
    const char *text = tc_req_query(req, "depth");
    *depth = 0;
    if (!text || strcmp(text, "0") == 0)
        return true;
    if (strcmp(text, "1") == 0) {
        *depth = 1;
        return true;
    }
    tc_err e;
    tc_err_set(&e, TC_E_BAD_REQUEST, "'depth=%s' parameter invalid. Allowed values are 0, 1", text);
    snprintf(e.reason, sizeof(e.reason), "INVALID_DEPTH_QUERY_PARAM");
    tc_reply_error(req, &e);
    return false;
}

bool tc_rest_filter_or_respond(tc_req *req, const tc_rest *r, const tc_filter **out)
{
    const char *text = tc_req_query(req, "filter");
    tc_filter *parsed = NULL;
    tc_err e;
    tc_err_clear(&e);
    *out = NULL;
    if (text && *text &&
        tc_filter_parse(req->arena, r->object, text, strlen(text), &parsed, &e) < 0) {
        tc_reply_error(req, &e);
        return false;
    }
    *out = parsed;
    return true;
}

bool tc_rest_id_or_respond(tc_req *req, const char *id)
{
    tc_uuid u;
    if (tc_uuid_parse(id, strlen(id), &u) == 0)
        return true;
    tc_reply_errorf(req, TC_E_BAD_REQUEST, "'%s' is not a valid UUID", id);
    return false;
}

PGresult *tc_rest_run_or_respond(tc_req *req, const tc_sql *q)
{
    tc_err e;
    tc_err_clear(&e);
    if (!tc_sql_ok(q)) {
        tc_reply_errorf(req, TC_E_BAD_REQUEST, "Query too large");
        return NULL;
    }
    tc_db *db = tc_req_db(req, &e);
    PGresult *r = db ? tc_db_query(db, tc_sql_text(q), q->nparams, q->params, &e) : NULL;
    if (!r)
        tc_reply_error(req, &e);
    return r;
}

void tc_rest_not_found(tc_req *req)
{
    tc_err e;
    tc_err_set(&e, TC_E_NOT_FOUND, "Record not found");
    snprintf(e.reason, sizeof(e.reason), "RECORD_NOT_FOUND");
    tc_reply_error(req, &e);
}
