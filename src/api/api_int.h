/* Shared by the files of src/api: the server and its threads. */
#ifndef TC_API_INT_H
#define TC_API_INT_H

#include <pthread.h>
#include <stdbool.h>

#include "api/http.h"
#include "api/server.h"
#include "base/buf.h"

struct event_base;
struct event;
struct evhttp;
struct evhttp_bound_socket;

typedef struct tc_http_thread {
    struct tc_server *server;
    int index;
    pthread_t tid;
    struct event_base *base;
    struct evhttp *http; /* NULL once drained */
    struct evhttp_bound_socket *bound;
    struct event *drain_ev;    /* activated from the main thread to start draining */
    struct event *deadline_ev; /* ends the drain after TC_DRAIN_SECONDS */
    tc_arena *arena;           /* the current request's; reset after each */
    tc_buf log_buf;            /* scratch for access lines */
    unsigned long long requests;
    char id_prefix[9];
    int busy;      /* responses handed to libevent and not yet fully sent */
    bool draining; /* no new connections; responses close their connection */
} tc_http_thread;

struct tc_server {
    const tc_config *cfg;
    tc_pool *pool;
    tc_snapshots *snapshots;
    tc_principals *principals;
    tc_perm_cache *perms;
    tc_counts *counts;                         /* totalCount cache */
    struct tc_password_pool *passwords;        /* bcrypt off the HTTP threads */
    struct tc_throttle *by_email, *by_address; /* failed sign-ins */
    int nthreads;
    tc_http_thread *threads;
    pthread_mutex_t mu; /* guards stopped */
    pthread_cond_t thread_done;
    int stopped; /* threads whose event loop has returned */
};

/* One access line: {"msg":"request","reqId","method","path","status","durationUs"}; the path
 * keeps query parameter names and drops their values. scratch is reused. */
void tc_http_access_log(tc_buf *scratch, const char *id, const char *method, const char *path,
                        const char *query, int status, int64_t duration_us);

/* Adds the headers every response carries (Content-Type JSON, X-Request-Id, and
 * Connection: close while draining) to ev's output headers. */
void tc_http_common_headers(struct evhttp_request *ev, const char *id, bool closing);

#define TC_DRAIN_SECONDS 10

/* Sign-in throttling (issue: 5 failures per e-mail, 20 per address, in 15 minutes). */
#define TC_LOGIN_FAILURES_PER_EMAIL 5
#define TC_LOGIN_FAILURES_PER_ADDRESS 20
#define TC_LOGIN_THROTTLE_WINDOW_S (15 * 60)

/* guard.c: who is calling and what they may see, for every authenticated route. Each answers
 * the request itself (Twenty's shapes) when it returns false or NULL. */
/* The principal from the Authorization header (never from the query string), through the
 * principal cache. */
bool tc_guard_principal(tc_req *req, tc_principal *p);
/* The same for the core REST API, whose guard answers every failure with Nest's 403
 * "Forbidden resource" (spec api §1.1). */
bool tc_guard_principal_core(tc_req *req, tc_principal *p);
/* The current snapshot of workspace_id, held until the request ends. */
const tc_snapshot *tc_guard_snapshot(tc_req *req, const char *workspace_id);
/* The permission view of p's role over s, held until the request ends. */
const tc_perm_view *tc_guard_view(tc_req *req, const tc_principal *p, const tc_snapshot *s);

#endif
