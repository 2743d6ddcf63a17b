/* The LISTEN thread (see listener.h). poll() waits on the connection's socket and on a pipe
 * that tc_listener_stop writes to. */
#include "db/listener.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/die.h"
#include "base/log.h"
#include "db/db.h"

#define RECONNECT_MS 1000

struct tc_listener {
    char *conninfo, *core_schema;
    tc_subscription subs[TC_LISTENER_MAX_SUBSCRIPTIONS];
    size_t n;
    pthread_t thread;
    int wake[2]; /* writing to wake[1] stops the thread */
    bool running;
};

static void reset_all(tc_listener *l, bool live)
{
    for (size_t i = 0; i < l->n; i++)
        l->subs[i].reset(l->subs[i].ctx, live);
}

static void dispatch(tc_listener *l, const PGnotify *n)
{
    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(l->subs[i].channel, n->relname) == 0)
            l->subs[i].notify(l->subs[i].ctx, n->extra);
    }
}

static bool listen_all(tc_listener *l, tc_db *db)
{
    for (size_t i = 0; i < l->n; i++) {
        char sql[96];
        tc_err e;
        snprintf(sql, sizeof(sql), "LISTEN %s", l->subs[i].channel);
        if (tc_db_exec(db, sql, &e) < 0)
            return false;
    }
    return true;
}

/* Serves one connection until it is lost (false) or the listener is stopped (true). */
static bool serve(tc_listener *l, tc_db *db)
{
    PGconn *pg = tc_db_pg(db);
    for (;;) {
        struct pollfd fds[2] = {{PQsocket(pg), POLLIN, 0}, {l->wake[0], POLLIN, 0}};
        if (poll(fds, 2, -1) < 0 && errno != EINTR)
            return false;
        if (fds[1].revents)
            return true;
        if (!PQconsumeInput(pg))
            return false;
        for (PGnotify *n; (n = PQnotifies(pg));) {
            dispatch(l, n);
            PQfreemem(n);
        }
    }
}

static void *listener_main(void *arg)
{
    tc_listener *l = arg;
    for (;;) {
        tc_err e;
        tc_db *db = tc_db_connect(l->conninfo, l->core_schema, &e);
        bool stop = false;
        if (db && listen_all(l, db)) {
            /* Listening now; whatever happened before may have been missed. */
            reset_all(l, true);
            stop = serve(l, db);
            if (!stop)
                reset_all(l, false);
        }
        tc_db_close(db);
        if (stop)
            return NULL;
        tc_log_warn("notification listener disconnected; reconnecting");
        struct pollfd w = {l->wake[0], POLLIN, 0};
        if (poll(&w, 1, RECONNECT_MS) > 0)
            return NULL;
    }
}

tc_listener *tc_listener_start(const char *conninfo, const char *core_schema,
                               const tc_subscription *subs, size_t n)
{
    if (n > TC_LISTENER_MAX_SUBSCRIPTIONS)
        tc_die("too many notification subscriptions");
    tc_listener *l = calloc(1, sizeof(*l));
    if (!l)
        tc_die_oom();
    l->conninfo = strdup(conninfo);
    l->core_schema = strdup(core_schema);
    if (!l->conninfo || !l->core_schema || pipe2(l->wake, O_CLOEXEC) < 0)
        tc_die("cannot create the notification listener");
    memcpy(l->subs, subs, n * sizeof(*subs));
    l->n = n;
    l->running = pthread_create(&l->thread, NULL, listener_main, l) == 0;
    if (!l->running)
        tc_log_warn("cannot start the notification listener; caches stay off");
    return l;
}

void tc_listener_stop(tc_listener *l)
{
    if (!l)
        return;
    if (l->running) {
        ssize_t w = write(l->wake[1], "x", 1);
        (void)w;
        pthread_join(l->thread, NULL);
    }
    close(l->wake[0]);
    close(l->wake[1]);
    free(l->conninfo);
    free(l->core_schema);
    free(l);
}
