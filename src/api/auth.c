/* Sign-in over HTTP as JSON endpoints (the operations Twenty exposes as GraphQL mutations on
 * /metadata, spec api §6.1; the GraphQL resolvers will call the same library): /auth/login,
 * /auth/tokens, /auth/otp, /auth/refresh, /auth/logout, and the TOTP methods under /auth/2fa.
 * Failed logins and wrong codes are throttled per e-mail (or user) and per client address. */
#include <ctype.h>
#include <event2/buffer.h>
#include <event2/http.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/api_int.h"
#include "api/handlers.h"
#include "auth/apikey.h"
#include "auth/jwt.h"
#include "auth/session.h"
#include "auth/signup.h"
#include "auth/throttle.h"
#include "auth/twofa.h"
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
    if (strcmp(e->message, TC_TWOFA_MSG_ALREADY_PROVISIONED) == 0) {
        tc_buf b;
        tc_buf_init(&b, 1024);
        tc_http_error_body(&b, 403, e->message, TC_TWOFA_CODE_ALREADY_PROVISIONED);
        tc_reply_json_text(req, 403, tc_buf_cstr(&b), b.len);
        tc_buf_fini(&b);
        return;
    }
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

/* The throttle key of an e-mail address: lower-cased and without spaces, as it is stored. */
static void email_key(const char *email, char *out, size_t n)
{
    size_t o = (size_t)snprintf(out, n, "e:");
    for (const char *p = email; *p && o + 1 < n && o < 302; p++) {
        if (!isspace((unsigned char)*p))
            out[o++] = (char)tolower((unsigned char)*p);
    }
    out[o] = '\0';
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
    email_key(email, by_email, sizeof(by_email));
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

/* --- two-factor authentication ------------------------------------------------------------ */

/* 429 while either key is throttled. by_key may be NULL (only the address counts). */
static bool either_throttled_or_respond(tc_req *req, const char *by_key, const char *by_address)
{
    tc_server *s = req->thread->server;
    int64_t now = time(NULL);
    int64_t wait = by_key ? tc_throttle_wait(s->by_email, by_key, now) : 0;
    int64_t wait_address = tc_throttle_wait(s->by_address, by_address, now);
    return throttled_or_respond(req, wait > wait_address ? wait : wait_address);
}

/* A wrong code counts as a failed sign-in for the account and the address. */
static void count_failure(tc_req *req, const tc_err *e, const char *by_key, const char *by_address)
{
    if (e->code != TC_E_BAD_REQUEST || strcmp(e->reason, "INVALID_OTP") != 0)
        return;
    tc_server *s = req->thread->server;
    int64_t now = time(NULL);
    if (by_key)
        tc_throttle_fail(s->by_email, by_key, now);
    tc_throttle_fail(s->by_address, by_address, now);
}

static void reply_success(tc_req *req)
{
    tc_buf b;
    tc_buf_init(&b, 64);
    tc_buf_adds(&b, "{\"success\":true}");
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

static void reply_uri(tc_req *req, const char *uri)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 8192);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_kv_str(&j, "uri", uri);
    tc_json_obj_end(&j);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

/* The signed-in user behind the request's Bearer ACCESS token (Twenty's AuthPrincipalGuard with
 * a user session only), or false after answering. */
static bool user_or_respond(tc_req *req, tc_db **db, tc_principal *p)
{
    tc_err e;
    tc_err_clear(&e);
    const char *auth = tc_req_header(req, "Authorization");
    if (!auth || !*auth) {
        tc_err_set(&e, TC_E_UNAUTHENTICATED, "Missing authentication token");
        reply_auth_error(req, &e);
        return false;
    }
    if (!(*db = tc_req_db(req, &e)) ||
        tc_principal_from_header(*db, auth, req->thread->server->cfg->app_secret, time(NULL), p,
                                 &e) < 0) {
        reply_auth_error(req, &e);
        return false;
    }
    if (!p->user_id[0]) { /* an API key */
        tc_err_set(&e, TC_E_FORBIDDEN, "Forbidden resource");
        reply_auth_error(req, &e);
        return false;
    }
    return true;
}

void tc_auth_otp(tc_req *req)
{
    json_t *body = tc_req_json_or_respond(req);
    const char *login, *otp, *origin;
    if (!body || !(login = field_or_respond(req, body, "loginToken", true)) ||
        !(otp = field_or_respond(req, body, "otp", true)))
        return;
    origin = json_string_value(json_object_get(body, "origin"));
    tc_session_config cfg = session_config(req);
    /* The account to throttle is the login token's; a token that does not verify is refused
     * below without a code being tried. */
    char by_email[400] = "", by_address[96];
    tc_jwt_claims c;
    tc_err e;
    tc_err_clear(&e);
    if (tc_jwt_verify(login, cfg.app_secret, time(NULL), &c, &e) == 0)
        email_key(c.sub, by_email, sizeof(by_email));
    client_address(req, by_address, sizeof(by_address));
    if (either_throttled_or_respond(req, by_email[0] ? by_email : NULL, by_address))
        return;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    tc_token_pair pair;
    if (!db || tc_session_tokens_otp(db, req->arena, &cfg, login, otp, origin, &pair, &e) < 0) {
        count_failure(req, &e, by_email[0] ? by_email : NULL, by_address);
        reply_auth_error(req, &e);
        return;
    }
    tc_throttle_reset(req->thread->server->by_email, by_email);
    reply_pair(req, &pair);
}

void tc_auth_2fa_provision(tc_req *req)
{
    /* With a login token in the body: initiateOTPProvisioning (sign-in into a workspace that
     * enforces 2FA); otherwise initiateOTPProvisioningForAuthenticatedUser. */
    json_t *body = NULL;
    if (evbuffer_get_length(evhttp_request_get_input_buffer(req->ev)) > 0 &&
        !(body = tc_req_json_or_respond(req)))
        return;
    const char *login = NULL;
    if (body && json_object_get(body, "loginToken") &&
        !(login = field_or_respond(req, body, "loginToken", true)))
        return;
    tc_err e;
    tc_err_clear(&e);
    char *uri = NULL;
    if (login) {
        tc_db *db = tc_req_db(req, &e);
        tc_session_config cfg = session_config(req);
        if (!db || tc_session_provision_otp(db, req->arena, &cfg, login,
                                            json_string_value(json_object_get(body, "origin")),
                                            &uri, &e) < 0) {
            reply_auth_error(req, &e);
            return;
        }
    } else {
        tc_db *db;
        tc_principal p;
        if (!user_or_respond(req, &db, &p))
            return;
        if (tc_twofa_provision(db, req->arena, p.user_id, p.workspace_id, &uri, &e) < 0) {
            reply_auth_error(req, &e);
            return;
        }
    }
    reply_uri(req, uri);
}

void tc_auth_2fa_verify(tc_req *req)
{
    json_t *body = tc_req_json_or_respond(req);
    const char *otp;
    if (!body || !(otp = field_or_respond(req, body, "otp", true)))
        return;
    tc_db *db;
    tc_principal p;
    if (!user_or_respond(req, &db, &p))
        return;
    char by_user[64], by_address[96];
    snprintf(by_user, sizeof(by_user), "u:%s", p.user_id);
    client_address(req, by_address, sizeof(by_address));
    if (either_throttled_or_respond(req, by_user, by_address))
        return;
    tc_err e;
    tc_err_clear(&e);
    if (tc_twofa_validate(db, p.user_id, p.workspace_id, otp, time(NULL), &e) < 0) {
        count_failure(req, &e, by_user, by_address);
        reply_auth_error(req, &e);
        return;
    }
    tc_throttle_reset(req->thread->server->by_email, by_user);
    reply_success(req);
}

void tc_auth_2fa_list(tc_req *req)
{
    tc_db *db;
    tc_principal p;
    if (!user_or_respond(req, &db, &p))
        return;
    tc_err e;
    tc_err_clear(&e);
    tc_twofa_method *m;
    int n;
    if (tc_twofa_list(db, req->arena, p.user_id, p.workspace_id, &m, &n, &e) < 0) {
        reply_auth_error(req, &e);
        return;
    }
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 4096);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "twoFactorAuthenticationMethods");
    tc_json_arr_begin(&j);
    for (int i = 0; i < n; i++) {
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "twoFactorAuthenticationMethodId", m[i].id);
        tc_json_kv_str(&j, "status", m[i].status);
        tc_json_kv_str(&j, "strategy", m[i].strategy);
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    tc_json_obj_end(&j);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

void tc_auth_2fa_delete(tc_req *req)
{
    json_t *body = tc_req_json_or_respond(req);
    const char *id;
    if (!body || !(id = field_or_respond(req, body, "twoFactorAuthenticationMethodId", true)))
        return;
    tc_db *db;
    tc_principal p;
    if (!user_or_respond(req, &db, &p))
        return;
    tc_err e;
    tc_err_clear(&e);
    if (tc_twofa_delete(db, p.user_id, p.workspace_id, id, &e) < 0) {
        reply_auth_error(req, &e);
        return;
    }
    reply_success(req);
}

/* --- sign-up ------------------------------------------------------------------------------- */

void tc_auth_signup(tc_req *req)
{
    json_t *body = tc_req_json_or_respond(req);
    tc_signup su;
    memset(&su, 0, sizeof(su));
    if (!body || !(su.email = field_or_respond(req, body, "email", true)) ||
        !(su.password = field_or_respond(req, body, "password", true)))
        return;
    static const char *const optional[] = {"workspaceInviteHash", "workspaceId", "origin",
                                           "firstName", "lastName"};
    const char **slots[] = {&su.workspace_invite_hash, &su.workspace_id, &su.origin, &su.first_name,
                            &su.last_name};
    for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); i++) {
        json_t *v = json_object_get(body, optional[i]);
        if (v && !json_is_null(v) && !(*slots[i] = field_or_respond(req, body, optional[i], true)))
            return;
    }
    /* An existing e-mail with a wrong password is a password guess: throttled as a sign-in. */
    tc_server *s = req->thread->server;
    char by_email[400], by_address[96];
    email_key(su.email, by_email, sizeof(by_email));
    client_address(req, by_address, sizeof(by_address));
    if (either_throttled_or_respond(req, by_email, by_address))
        return;
    tc_err e;
    tc_err_clear(&e);
    tc_db *db = tc_req_db(req, &e);
    tc_session_config cfg = session_config(req);
    tc_signup_result out;
    if (!db || tc_signup_in_workspace(db, req->arena, &cfg, &su, &out, &e) < 0) {
        if (e.code == TC_E_FORBIDDEN && strcmp(e.message, TC_PASSWORD_MSG_WRONG) == 0) {
            int64_t now = time(NULL);
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
    write_token(&j, "loginToken", &out.login_token);
    tc_json_key(&j, "workspace");
    tc_json_obj_begin(&j);
    tc_json_kv_str(&j, "id", out.workspace_id);
    tc_json_obj_end(&j);
    tc_json_obj_end(&j);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}
