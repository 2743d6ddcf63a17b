/* Authentication and authorisation for the REST routes (see api_int.h): the Bearer principal
 * with the answers of Twenty's REST auth middleware, the workspace's snapshot, and the role's
 * permission view, each released when the request's arena is. */
#include <stdio.h>
#include <time.h>

#include "api/api_int.h"
#include "base/json.h"

/* The auth middleware's shape: {"statusCode","messages","error":<AuthExceptionCode>}. */
static void reply_auth_error(tc_req *req, int status, const char *code, const char *message)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 2048);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "statusCode");
    tc_json_int(&j, status);
    tc_json_key(&j, "messages");
    tc_json_arr_begin(&j);
    tc_json_str(&j, message);
    tc_json_arr_end(&j);
    tc_json_key(&j, "error");
    tc_json_str(&j, code);
    tc_json_obj_end(&j);
    tc_reply_json(req, status, &b);
    tc_buf_fini(&b);
}

/* The principal of the request's Authorization header; -1 with e filled. */
static int resolve(tc_req *req, const char *auth, tc_principal *p, tc_err *e)
{
    tc_db *db = tc_req_db(req, e);
    tc_server *s = req->thread->server;
    return db ? tc_principal_resolve(s->principals, db, auth, s->cfg->app_secret, time(NULL), p, e)
              : -1;
}

static bool server_side(const tc_err *e)
{
    return e->code == TC_E_DB_UNAVAILABLE || e->code == TC_E_INTERNAL;
}

bool tc_guard_principal_core(tc_req *req, tc_principal *p)
{
    tc_err e;
    tc_err_clear(&e);
    const char *auth = tc_req_header(req, "Authorization");
    if (auth && *auth && resolve(req, auth, p, &e) == 0)
        return true;
    if (server_side(&e)) {
        tc_reply_error(req, &e);
        return false;
    }
    /* JwtAuthGuard answers false, whatever the reason: Nest's 403 (spec api §1.1). */
    tc_buf b;
    tc_buf_init(&b, 256);
    tc_http_error_body(&b, 403, "Forbidden resource", NULL);
    tc_reply_json(req, 403, &b);
    tc_buf_fini(&b);
    return false;
}

bool tc_guard_principal(tc_req *req, tc_principal *p)
{
    tc_err e;
    tc_err_clear(&e);
    const char *auth = tc_req_header(req, "Authorization");
    if (!auth || !*auth) {
        reply_auth_error(req, 403, "FORBIDDEN_EXCEPTION", "Missing authentication token");
        return false;
    }
    if (resolve(req, auth, p, &e) == 0)
        return true;
    if (server_side(&e))
        tc_reply_error(req, &e);
    else if (e.code == TC_E_FORBIDDEN)
        reply_auth_error(req, 403, "FORBIDDEN_EXCEPTION", e.message);
    else
        reply_auth_error(req, 401, "UNAUTHENTICATED", e.message);
    return false;
}

static void release_snapshot(void *s)
{
    tc_snapshot_release(s);
}

const tc_snapshot *tc_guard_snapshot(tc_req *req, const char *workspace_id)
{
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    const tc_snapshot *s =
        db ? tc_snapshot_get(req->thread->server->snapshots, db, workspace_id, &e) : NULL;
    if (!s) {
        tc_reply_error(req, &e);
        return NULL;
    }
    tc_arena_defer(req->arena, release_snapshot, (void *)s);
    return s;
}

static void release_view(void *v)
{
    tc_perm_view_release(v);
}

const tc_perm_view *tc_guard_view(tc_req *req, const tc_principal *p, const tc_snapshot *s)
{
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    const tc_perm_view *v =
        db ? tc_perm_view_get(req->thread->server->perms, db, s, p->role_id, &e) : NULL;
    if (!v) {
        tc_reply_error(req, &e);
        return NULL;
    }
    tc_arena_defer(req->arena, release_view, (void *)v);
    return v;
}
