/* Sign-in over HTTP as JSON endpoints (the operations Twenty exposes as GraphQL mutations on
 * /metadata, spec api §6.1; the GraphQL resolvers will call the same library): /auth/login,
 * /auth/tokens, /auth/refresh, /auth/logout. Failed logins are throttled per e-mail and per
 * client address. */
#include <event2/http.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/api_int.h"
#include "api/handlers.h"
#include "auth/session.h"
#include "auth/throttle.h"
#include "base/json.h"
#include "base/time.h"

static tc_session_config session_config(tc_req *req)
{
    const tc_server *s = req->thread->server;
    tc_session_config c = {s->cfg->app_secret, s->cfg->access_token_expires_in / 1000,
                           s->cfg->refresh_token_expires_in / 1000, s->passwords};
    return c;
}

/* A string member of the body, or NULL after answering 400. */
static const char *field_or_respond(tc_req *req, json_t *body, const char *key, bool required)
{
    json_t *v = json_object_get(body, key);
    if (v && json_is_string(v))
        return json_string_value(v);
    if (!required && (!v || json_is_null(v)))
        return NULL;
    tc_reply_errorf(req, TC_E_BAD_REQUEST, "%s must be a string", key);
    return NULL;
}

/* Twenty's AuthException codes on the REST shape. */
static void reply_auth_error(tc_req *req, tc_err *e)
{
    if (!e->reason[0]) {
        const char *reason = e->code == TC_E_UNAUTHENTICATED ? "UNAUTHENTICATED"
                             : e->code == TC_E_FORBIDDEN     ? "FORBIDDEN_EXCEPTION"
                                                             : "";
        snprintf(e->reason, sizeof(e->reason), "%s", reason);
    }
    tc_reply_error(req, e);
}

static void write_token(tc_json *j, const char *key, const tc_auth_token *t)
{
    char iso[TC_ISO8601_LEN + 1];
    tc_time_iso8601(t->expires_at * 1000000, iso);
    tc_json_key(j, key);
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "token", t->token);
    tc_json_kv_str(j, "expiresAt", iso);
    tc_json_obj_end(j);
}

static void reply_pair(tc_req *req, const tc_token_pair *pair)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 16384);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "tokens");
    tc_json_obj_begin(&j);
    write_token(&j, "accessOrWorkspaceAgnosticToken", &pair->access);
    write_token(&j, "refreshToken", &pair->refresh);
    tc_json_obj_end(&j);
    tc_json_obj_end(&j);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

static void client_address(tc_req *req, char *out, size_t n)
{
    char *host = NULL;
    ev_uint16_t port = 0;
    evhttp_connection_get_peer(evhttp_request_get_connection(req->ev), &host, &port);
    snprintf(out, n, "a:%s", host ? host : "");
}

/* 429 with Retry-After while key is throttled. */
static bool throttled_or_respond(tc_req *req, int64_t wait)
{
    if (wait <= 0)
        return false;
    char seconds[32];
    snprintf(seconds, sizeof(seconds), "%lld", (long long)wait);
    evhttp_add_header(evhttp_request_get_output_headers(req->ev), "Retry-After", seconds);
    tc_err e;
    tc_err_set(&e, TC_E_TOO_MANY_REQUESTS, "Too many sign-in attempts, try again later");
    tc_reply_error(req, &e);
    return true;
}

void tc_auth_login(tc_req *req)
{
    json_t *body = tc_req_json_or_respond(req);
    const char *email, *password, *origin = NULL;
    if (!body || !(email = field_or_respond(req, body, "email", true)) ||
        !(password = field_or_respond(req, body, "password", true)))
        return;
    json_t *o = json_object_get(body, "origin");
    if (json_is_string(o))
        origin = json_string_value(o);
    tc_server *s = req->thread->server;
    char by_email[400], by_address[96];
    snprintf(by_email, sizeof(by_email), "e:%.300s", email);
    client_address(req, by_address, sizeof(by_address));
    int64_t now = time(NULL);
    int64_t wait = tc_throttle_wait(s->by_email, by_email, now);
    int64_t wait_address = tc_throttle_wait(s->by_address, by_address, now);
    if (throttled_or_respond(req, wait > wait_address ? wait : wait_address))
        return;
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    tc_session_config cfg = session_config(req);
    tc_auth_token token;
    if (!db || tc_session_login(db, req->arena, &cfg, email, password, origin, &token, &e) < 0) {
        if (e.code == TC_E_FORBIDDEN) {
            tc_throttle_fail(s->by_email, by_email, now);
            tc_throttle_fail(s->by_address, by_address, now);
        }
        reply_auth_error(req, &e);
        return;
    }
    tc_throttle_reset(s->by_email, by_email);
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 8192);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    write_token(&j, "loginToken", &token);
    tc_json_obj_end(&j);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

void tc_auth_tokens(tc_req *req)
{
    json_t *body = tc_req_json_or_respond(req);
    const char *login;
    if (!body || !(login = field_or_respond(req, body, "loginToken", true)))
        return;
    json_t *o = json_object_get(body, "origin");
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    tc_session_config cfg = session_config(req);
    tc_token_pair pair;
    if (!db || tc_session_tokens(db, req->arena, &cfg, login,
                                 json_is_string(o) ? json_string_value(o) : NULL, &pair, &e) < 0) {
        reply_auth_error(req, &e);
        return;
    }
    reply_pair(req, &pair);
}

void tc_auth_refresh(tc_req *req)
{
    json_t *body = tc_req_json_or_respond(req);
    const char *refresh;
    if (!body || !(refresh = field_or_respond(req, body, "refreshToken", true)))
        return;
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    tc_session_config cfg = session_config(req);
    tc_token_pair pair;
    if (!db || tc_session_refresh(db, req->arena, &cfg, refresh, &pair, &e) < 0) {
        reply_auth_error(req, &e);
        return;
    }
    reply_pair(req, &pair);
}

void tc_auth_logout(tc_req *req)
{
    json_t *body = tc_req_json_or_respond(req);
    const char *refresh;
    if (!body || !(refresh = field_or_respond(req, body, "refreshToken", true)))
        return;
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    tc_session_config cfg = session_config(req);
    if (!db || tc_session_logout(db, &cfg, refresh, &e) < 0) {
        reply_auth_error(req, &e);
        return;
    }
    tc_buf b;
    tc_buf_init(&b, 64);
    tc_buf_adds(&b, "{\"success\":true}");
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}
