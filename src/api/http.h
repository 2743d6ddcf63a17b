/* What a route handler sees: the request (method, path, parameters, its arena, a database
 * connection on demand) and the ways to answer it. A handler answers exactly once; JSON bodies
 * and Twenty's error shape are written here. */
#ifndef TC_API_HTTP_H
#define TC_API_HTTP_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "db/db.h"

#define TC_ROUTE_MAX_PARAMS 4
#define TC_REQ_ID_MAX 64
#define TC_RESPONSE_MAX (256u << 20) /* largest body a handler may build */

typedef enum tc_method {
    TC_GET = 1 << 0,
    TC_POST = 1 << 1,
    TC_PUT = 1 << 2,
    TC_PATCH = 1 << 3,
    TC_DELETE = 1 << 4,
    TC_HEAD = 1 << 5,
    TC_OPTIONS = 1 << 6,
} tc_method;

struct evhttp_request;
struct tc_http_thread;

typedef struct tc_req {
    tc_arena *arena; /* released when the response has been handed to libevent */
    struct evhttp_request *ev;
    struct tc_http_thread *thread;
    tc_method method;
    const char *method_name;
    const char *path;                        /* as received, without the query; not decoded */
    const char *query;                       /* raw query string, or NULL */
    const char *params[TC_ROUTE_MAX_PARAMS]; /* the route's :name segments, percent-decoded */
    int nparams;
    char id[TC_REQ_ID_MAX + 1]; /* request id: the client's X-Request-Id if sane, else ours */
    int64_t start_us;
    int status; /* 0 until answered */
    tc_db *db;  /* checked out by tc_req_db, given back when the request ends */
} tc_req;

/* The request's database connection, checked out of the pool on first use and kept until the
 * request ends. NULL with e filled (TC_E_DB_UNAVAILABLE) when the database cannot be reached. */
tc_db *tc_req_db(tc_req *req, tc_err *e);
/* Gives the connection back now (closing it if broken); the next tc_req_db takes another. */
void tc_req_db_release(tc_req *req);

/* A request header's value, or NULL. */
const char *tc_req_header(tc_req *req, const char *name);
/* A query parameter's decoded value (the first occurrence), or NULL. In the request arena. */
const char *tc_req_query(tc_req *req, const char *name);
/* The body parsed as JSON (owned by the request: released with it). NULL after answering 400
 * with Twenty's shape when the body is not JSON. */
struct json_t *tc_req_json_or_respond(tc_req *req);

/* Answers with status and the JSON in body (application/json; charset=utf-8). A body whose
 * builder failed becomes a 500. */
void tc_reply_json(tc_req *req, int status, const tc_buf *body);
/* Answers with Twenty's error body for e: {"statusCode","error","messages":[message]} plus
 * "code" when e's code has a client code. Logs e->detail when there is one. */
void tc_reply_error(tc_req *req, const tc_err *e);
/* Shorthand: tc_reply_error with a code and a formatted message. */
void tc_reply_errorf(tc_req *req, tc_code code, const char *fmt, ...) TC_PRINTF(3, 4);

/* Answers with status and an already-built JSON body (for the error shapes that are not
 * Twenty's usual one: NestJS's own, the auth middleware's, metadata validation). */
void tc_reply_json_text(tc_req *req, int status, const char *json, size_t n);

/* Twenty's (NestJS's) exception name for an HTTP status: 404 -> "NotFoundException". */
const char *tc_http_exception_name(int status);

/* Writes Twenty's error body {"statusCode","error","messages":[message][,"code"]} into out. */
void tc_http_error_body(tc_buf *out, int status, const char *message, const char *code);

#endif
