/* Connection pool: a mutex-protected stack of idle connections plus a count of open ones. */
#include "db/pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <string.h>

#include "base/die.h"
#include "base/log.h"
#include "base/time.h"

#define RETRY_US 250000

struct tc_pool {
    pthread_mutex_t mu;
    pthread_cond_t freed;
    char *conninfo, *schema;
    int size, open; /* open counts idle and checked-out connections */
    int nidle;
    tc_db **idle;
    tc_db **out;      /* checked-out connections, size slots, NULL where free */
    int64_t retry_at; /* monotonic us before which connecting is not tried again */
    bool down;        /* the last attempt failed; logged once per outage */
    bool interrupted; /* tc_pool_interrupt was called: hand out nothing more */
};

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        tc_die_oom();
    return p;
}

tc_pool *tc_pool_new(const char *conninfo, const char *schema, int size)
{
    tc_pool *p = calloc(1, sizeof(*p));
    if (!p)
        tc_die_oom();
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->freed, NULL);
    p->conninfo = xstrdup(conninfo);
    p->schema = xstrdup(schema);
    p->size = size < 1 ? 1 : size;
    p->idle = calloc((size_t)p->size, sizeof(*p->idle));
    p->out = calloc((size_t)p->size, sizeof(*p->out));
    if (!p->idle || !p->out)
        tc_die_oom();
    return p;
}

void tc_pool_free(tc_pool *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->nidle; i++)
        tc_db_close(p->idle[i]);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->freed);
    free(p->idle);
    free(p->out);
    free(p->conninfo);
    free(p->schema);
    free(p);
}

/* Replaces from with to in the checked-out slots (NULL marks a free slot). Lock held. */
static void track(tc_pool *p, tc_db *from, tc_db *to)
{
    for (int i = 0; i < p->size; i++) {
        if (p->out[i] == from) {
            p->out[i] = to;
            return;
        }
    }
}

tc_db *tc_pool_acquire(tc_pool *p, tc_err *e)
{
    pthread_mutex_lock(&p->mu);
    while (!p->interrupted && p->nidle == 0 && p->open == p->size)
        pthread_cond_wait(&p->freed, &p->mu);
    if (p->interrupted) {
        pthread_mutex_unlock(&p->mu);
        return tc_err_set(e, TC_E_DB_UNAVAILABLE, "Database unavailable"), NULL;
    }
    if (p->nidle > 0) {
        tc_db *db = p->idle[--p->nidle];
        track(p, NULL, db);
        pthread_mutex_unlock(&p->mu);
        return db;
    }
    int64_t now = tc_time_mono_us();
    if (now < p->retry_at) {
        pthread_mutex_unlock(&p->mu);
        return tc_err_set(e, TC_E_DB_UNAVAILABLE, "Database unavailable"), NULL;
    }
    p->open++; /* reserve the slot, connect without holding the lock */
    pthread_mutex_unlock(&p->mu);

    tc_err err;
    tc_db *db = tc_db_connect(p->conninfo, p->schema, &err);

    pthread_mutex_lock(&p->mu);
    if (db && p->interrupted) { /* opened while shutting down: give it up */
        p->open--;
        pthread_cond_signal(&p->freed);
        pthread_mutex_unlock(&p->mu);
        tc_db_close(db);
        return tc_err_set(e, TC_E_DB_UNAVAILABLE, "Database unavailable"), NULL;
    }
    bool was_down = p->down;
    if (!db) {
        p->open--;
        p->retry_at = tc_time_mono_us() + RETRY_US;
        p->down = true;
        pthread_cond_signal(&p->freed);
    } else {
        p->down = false;
        track(p, NULL, db);
    }
    pthread_mutex_unlock(&p->mu);
    if (!db) {
        if (!was_down)
            tc_log_error("database unreachable: %s", err.detail);
        if (e)
            *e = err;
        return NULL;
    }
    if (was_down)
        tc_log_info("database reachable again");
    return db;
}

void tc_pool_release(tc_pool *p, tc_db *db)
{
    if (!db)
        return;
    bool clean = tc_db_is_clean(db);
    if (!clean)
        tc_db_close(db);
    pthread_mutex_lock(&p->mu);
    track(p, db, NULL);
    if (clean)
        p->idle[p->nidle++] = db;
    else
        p->open--;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->mu);
}

void tc_pool_interrupt(tc_pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->interrupted = true;
    for (int i = 0; i < p->size; i++) {
        if (p->out[i])
            shutdown(PQsocket(tc_db_pg(p->out[i])), SHUT_RDWR);
    }
    pthread_cond_broadcast(&p->freed);
    pthread_mutex_unlock(&p->mu);
}
