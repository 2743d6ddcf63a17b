/* HTTP server threads (see server.h). Each thread owns an event_base, an evhttp and one
 * SO_REUSEPORT listening socket, so the kernel spreads connections and threads share nothing
 * but the connection pool. Handlers run synchronously on their thread. */
#include "api/api_int.h"

#include <errno.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <event2/listener.h>
#include <event2/thread.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "api/router.h"
#include "auth/password.h"
#include "auth/throttle.h"
#include "base/die.h"
#include "base/hex.h"
#include "base/log.h"
#include "base/random.h"
#include "base/time.h"

#define MAX_HEADERS_BYTES (64 << 10)
#define LISTEN_BACKLOG 1024
#define ARENA_FIRST_BLOCK (16 << 10)

void tc_server_block_signals(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN); /* a client that hangs up must not kill the server */
}

int tc_server_threads(const tc_config *cfg)
{
    if (cfg->http_threads > 0)
        return (int)cfg->http_threads;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int n = cores > 0 ? (int)(2 * cores) : 2;
    return n > 256 ? 256 : n;
}

/* --- sockets ---------------------------------------------------------------------------------- */

/* A listening socket on port, IPv6 dual-stack when the host has IPv6, else IPv4. */
static int listen_socket(int port, bool reuseport, int *err)
{
    int one = 1, zero = 0;
    int fd = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    bool v6 = fd >= 0;
    if (!v6)
        fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *err = errno;
        return -1;
    }
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (reuseport)
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
    /* Accepted sockets inherit it (Linux): a response larger than one segment is sent at once
     * instead of waiting out the client's delayed ACK (40 ms) under Nagle's algorithm. */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    int rc;
    if (v6) {
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof(zero));
        struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port)};
        a.sin6_addr = in6addr_any;
        rc = bind(fd, (struct sockaddr *)&a, sizeof(a));
    } else {
        struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        a.sin_addr.s_addr = htonl(INADDR_ANY);
        rc = bind(fd, (struct sockaddr *)&a, sizeof(a));
    }
    if (rc < 0 || listen(fd, LISTEN_BACKLOG) < 0) {
        *err = errno;
        close(fd);
        return -1;
    }
    return fd;
}

/* --- requests --------------------------------------------------------------------------------- */

static const struct {
    enum evhttp_cmd_type ev;
    tc_method method;
    const char *name;
} methods[] = {
    {EVHTTP_REQ_GET, TC_GET, "GET"},
    {EVHTTP_REQ_POST, TC_POST, "POST"},
    {EVHTTP_REQ_PUT, TC_PUT, "PUT"},
    {EVHTTP_REQ_PATCH, TC_PATCH, "PATCH"},
    {EVHTTP_REQ_DELETE, TC_DELETE, "DELETE"},
    {EVHTTP_REQ_HEAD, TC_HEAD, "HEAD"},
    {EVHTTP_REQ_OPTIONS, TC_OPTIONS, "OPTIONS"},
};

static bool sane_request_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > TC_REQ_ID_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

static void on_sent(struct evhttp_request *ev, void *arg)
{
    (void)ev;
    tc_http_thread *t = arg;
    t->busy--;
    if (t->draining && t->busy == 0)
        event_active(t->drain_ev, 0, 0); /* finish the drain outside libevent's stack */
}

static void on_request(struct evhttp_request *ev, void *arg)
{
    tc_http_thread *t = arg;
    tc_req req;
    memset(&req, 0, sizeof(req));
    req.arena = t->arena;
    req.ev = ev;
    req.thread = t;
    req.start_us = tc_time_mono_us();
    req.method_name = "OTHER";
    enum evhttp_cmd_type type = evhttp_request_get_command(ev);
    for (size_t i = 0; i < TC_COUNT(methods); i++) {
        if (methods[i].ev == type) {
            req.method = methods[i].method;
            req.method_name = methods[i].name;
        }
    }
    const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(ev);
    const char *path = uri ? evhttp_uri_get_path(uri) : NULL;
    req.path = path && *path ? path : "/";
    req.query = uri ? evhttp_uri_get_query(uri) : NULL;
    const char *client_id =
        evhttp_find_header(evhttp_request_get_input_headers(ev), "X-Request-Id");
    if (client_id && sane_request_id(client_id))
        snprintf(req.id, sizeof(req.id), "%s", client_id);
    else
        snprintf(req.id, sizeof(req.id), "%s%08llx", t->id_prefix, ++t->requests);

    t->busy++;
    evhttp_request_set_on_complete_cb(ev, on_sent, t);

    const tc_route *route = NULL;
    tc_match match = TC_MATCH_NONE;
    if (req.method)
        match = tc_route_find(tc_routes, tc_routes_count, req.method, req.path, &req, &route);
    switch (match) {
    case TC_MATCH_OK: route->handler(&req); break;
    case TC_MATCH_BAD_PATH: tc_reply_errorf(&req, TC_E_MALFORMED, "Malformed path"); break;
    case TC_MATCH_NONE:
        tc_reply_errorf(&req, TC_E_ROUTE_NOT_FOUND, "Cannot %s %s", req.method_name, req.path);
        break;
    }
    if (!req.status) {
        tc_log_error("handler for %s %s did not answer", req.method_name, req.path);
        tc_reply_errorf(&req, TC_E_INTERNAL, "Internal server error");
    }
    tc_req_db_release(&req);
    if (tc_log_enabled(TC_LOG_LOG))
        tc_http_access_log(&t->log_buf, req.id, req.method_name, req.path, req.query, req.status,
                           tc_time_mono_us() - req.start_us);
    tc_arena_reset(t->arena);
}

tc_db *tc_req_db(tc_req *req, tc_err *e)
{
    if (!req->db)
        req->db = tc_pool_acquire(req->thread->server->pool, e);
    return req->db;
}

void tc_req_db_release(tc_req *req)
{
    if (req->db)
        tc_pool_release(req->thread->server->pool, req->db);
    req->db = NULL;
}

/* --- threads and draining --------------------------------------------------------------------- */

static void finish_drain(tc_http_thread *t)
{
    event_del(t->deadline_ev);
    /* Frees every remaining connection (idle keep-alive ones, half-read requests); with no
     * listener and no timers left the event loop then returns. */
    evhttp_free(t->http);
    t->http = NULL;
}

static void on_deadline(evutil_socket_t fd, short what, void *arg)
{
    (void)fd, (void)what;
    tc_http_thread *t = arg;
    tc_log_warn("thread %d: %d responses still unsent after %d s; closing them", t->index, t->busy,
                TC_DRAIN_SECONDS);
    finish_drain(t);
}

static void on_drain(evutil_socket_t fd, short what, void *arg)
{
    (void)fd, (void)what;
    tc_http_thread *t = arg;
    if (!t->http)
        return;
    if (!t->draining) {
        t->draining = true;
        evhttp_del_accept_socket(t->http, t->bound); /* closes the listening socket */
        t->bound = NULL;
        struct timeval tv = {TC_DRAIN_SECONDS, 0};
        evtimer_add(t->deadline_ev, &tv);
    }
    if (t->busy == 0)
        finish_drain(t);
}

static void *thread_main(void *arg)
{
    tc_http_thread *t = arg;
    event_base_dispatch(t->base);
    pthread_mutex_lock(&t->server->mu);
    t->server->stopped++;
    pthread_cond_signal(&t->server->thread_done);
    pthread_mutex_unlock(&t->server->mu);
    return NULL;
}

/* Waits until every thread's loop has returned or the monotonic deadline passes; true when all
 * have. */
static bool wait_threads(tc_server *s, const struct timespec *deadline)
{
    pthread_mutex_lock(&s->mu);
    while (s->stopped < s->nthreads &&
           pthread_cond_timedwait(&s->thread_done, &s->mu, deadline) != ETIMEDOUT)
        ;
    bool all = s->stopped == s->nthreads;
    pthread_mutex_unlock(&s->mu);
    return all;
}

static int thread_init(tc_server *s, tc_http_thread *t, int fd, tc_err *e)
{
    const tc_config *cfg = s->cfg;
    t->server = s;
    t->base = event_base_new();
    t->http = t->base ? evhttp_new(t->base) : NULL;
    if (!t->http)
        return tc_err_set(e, TC_E_INTERNAL, "cannot create an event loop");
    evhttp_set_allowed_methods(t->http, EVHTTP_REQ_GET | EVHTTP_REQ_POST | EVHTTP_REQ_PUT |
                                            EVHTTP_REQ_PATCH | EVHTTP_REQ_DELETE | EVHTTP_REQ_HEAD |
                                            EVHTTP_REQ_OPTIONS);
    evhttp_set_max_body_size(t->http, (ev_ssize_t)cfg->max_body_bytes);
    evhttp_set_max_headers_size(t->http, MAX_HEADERS_BYTES);
    struct timeval tv = {(time_t)(cfg->http_timeout / 1000),
                         (suseconds_t)(cfg->http_timeout % 1000 * 1000)};
    evhttp_set_timeout_tv(t->http, &tv);
    /* Read and discard an oversized body before answering 413, so the client sees the answer
     * instead of a reset connection. */
    evhttp_set_flags(t->http, EVHTTP_SERVER_LINGERING_CLOSE);
    evhttp_set_gencb(t->http, on_request, t);
    struct evconnlistener *l = evconnlistener_new(
        t->base, NULL, NULL, LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC, -1, fd);
    t->bound = l ? evhttp_bind_listener(t->http, l) : NULL;
    if (!t->bound)
        return tc_err_set(e, TC_E_INTERNAL, "cannot listen");
    t->drain_ev = event_new(t->base, -1, 0, on_drain, t);
    t->deadline_ev = evtimer_new(t->base, on_deadline, t);
    t->arena = tc_arena_new(ARENA_FIRST_BLOCK);
    tc_buf_init(&t->log_buf, 16384);
    unsigned char r[4];
    tc_random_bytes(r, sizeof(r));
    tc_hex_encode(r, sizeof(r), t->id_prefix);
    return 0;
}

tc_server *tc_server_new(const tc_config *cfg, tc_pool *pool, tc_snapshots *snapshots,
                         tc_principals *principals, tc_perm_cache *perms, tc_counts *counts,
                         tc_err *e)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, (void (*)(void))evthread_use_pthreads);
    int port = (int)cfg->node_port, err = 0;
    /* A socket without SO_REUSEPORT cannot bind beside another process's listener, so this
     * probe turns "port taken" into an error instead of silently sharing the port. */
    int probe = listen_socket(port, false, &err);
    if (probe < 0)
        return tc_err_set(e, TC_E_IO, "cannot listen on port %d: %s", port, strerror(err)), NULL;
    close(probe);

    tc_server *s = calloc(1, sizeof(*s));
    if (!s)
        tc_die_oom();
    s->cfg = cfg;
    s->pool = pool;
    s->snapshots = snapshots;
    s->principals = principals;
    s->perms = perms;
    s->counts = counts;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    s->passwords = tc_password_pool_new(cores > 0 ? (int)cores : 1);
    s->by_email = tc_throttle_new(TC_LOGIN_FAILURES_PER_EMAIL, TC_LOGIN_THROTTLE_WINDOW_S);
    s->by_address = tc_throttle_new(TC_LOGIN_FAILURES_PER_ADDRESS, TC_LOGIN_THROTTLE_WINDOW_S);
    pthread_mutex_init(&s->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->thread_done, &ca);
    pthread_condattr_destroy(&ca);
    s->nthreads = tc_server_threads(cfg);
    s->threads = calloc((size_t)s->nthreads, sizeof(*s->threads));
    if (!s->threads)
        tc_die_oom();
    for (int i = 0; i < s->nthreads; i++) {
        s->threads[i].index = i;
        int fd = listen_socket(port, true, &err);
        if (fd < 0) {
            tc_err_set(e, TC_E_IO, "cannot listen on port %d: %s", port, strerror(err));
            tc_server_free(s);
            return NULL;
        }
        if (thread_init(s, &s->threads[i], fd, e) < 0) {
            close(fd);
            tc_server_free(s);
            return NULL;
        }
    }
    return s;
}

int tc_server_run(tc_server *s)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    for (int i = 0; i < s->nthreads; i++) {
        if (pthread_create(&s->threads[i].tid, NULL, thread_main, &s->threads[i]) != 0)
            tc_die("cannot start HTTP threads");
    }
    int sig = 0;
    sigwait(&set, &sig);
    tc_log_info("%s received: draining (at most %d s)", sig == SIGINT ? "SIGINT" : "SIGTERM",
                TC_DRAIN_SECONDS);
    for (int i = 0; i < s->nthreads; i++)
        event_active(s->threads[i].drain_ev, 0, 0);
    /* A thread blocked in a database call cannot see its own drain deadline: after it, cut the
     * connections in use so those calls fail and the threads finish. */
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += TC_DRAIN_SECONDS;
    if (!wait_threads(s, &deadline)) {
        tc_log_warn("requests still waiting on the database after %d s; interrupting them",
                    TC_DRAIN_SECONDS);
        tc_pool_interrupt(s->pool);
    }
    for (int i = 0; i < s->nthreads; i++)
        pthread_join(s->threads[i].tid, NULL);
    return 0;
}

void tc_server_free(tc_server *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->nthreads; i++) {
        tc_http_thread *t = &s->threads[i];
        if (t->http)
            evhttp_free(t->http);
        if (t->drain_ev)
            event_free(t->drain_ev);
        if (t->deadline_ev)
            event_free(t->deadline_ev);
        if (t->base)
            event_base_free(t->base);
        tc_arena_free(t->arena);
        tc_buf_fini(&t->log_buf);
    }
    free(s->threads);
    tc_password_pool_free(s->passwords);
    tc_throttle_free(s->by_email);
    tc_throttle_free(s->by_address);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->thread_done);
    free(s);
}
