/* The permission-view cache (see cache.h): a small array of entries under one mutex. A
 * generation counter bumped by every invalidation keeps a view computed before an invalidation
 * out of the cache. */
#include "perm/cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "auth/principals.h"
#include "base/die.h"

typedef struct entry {
    char workspace_id[TC_UUID_STR_LEN + 1];
    char role_id[TC_UUID_STR_LEN + 1];
    const tc_perm_view *view; /* the cache's reference; NULL when dropped */
} entry;

struct tc_perm_cache {
    pthread_mutex_t mu;
    entry *entries;
    size_t n, cap;
    unsigned long generation;
    bool live;
};

static entry *find(tc_perm_cache *c, const char *workspace_id, const char *role_id, bool create)
{
    for (size_t i = 0; i < c->n; i++) {
        entry *x = &c->entries[i];
        if (strcmp(x->workspace_id, workspace_id) == 0 && strcmp(x->role_id, role_id) == 0)
            return x;
    }
    if (!create)
        return NULL;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->entries = realloc(c->entries, c->cap * sizeof(*c->entries));
        if (!c->entries)
            tc_die_oom();
    }
    entry *x = &c->entries[c->n++];
    memset(x, 0, sizeof(*x));
    snprintf(x->workspace_id, sizeof(x->workspace_id), "%s", workspace_id);
    snprintf(x->role_id, sizeof(x->role_id), "%s", role_id);
    return x;
}

const tc_perm_view *tc_perm_view_get(tc_perm_cache *c, tc_db *db, const tc_snapshot *s,
                                     const char *role_id, tc_err *e)
{
    const char *ws = s->model->workspace_id_text;
    pthread_mutex_lock(&c->mu);
    entry *x = find(c, ws, role_id, false);
    if (x && x->view && x->view->snapshot == s) {
        const tc_perm_view *v = tc_perm_view_retain(x->view);
        pthread_mutex_unlock(&c->mu);
        return v;
    }
    unsigned long generation = c->generation;
    pthread_mutex_unlock(&c->mu);

    tc_perm_view *v = tc_perm_view_load(db, s, role_id, e);
    if (!v)
        return NULL;
    pthread_mutex_lock(&c->mu);
    if (c->live && c->generation == generation) {
        x = find(c, ws, role_id, true);
        /* Keep the newer snapshot's view when two threads raced across a metadata change. */
        if (!x->view || x->view->snapshot->version <= s->version) {
            tc_perm_view_release(x->view);
            x->view = tc_perm_view_retain(v);
        }
    }
    pthread_mutex_unlock(&c->mu);
    return v;
}

/* Drops the views of workspace_id ("" or NULL: all). */
static void invalidate(tc_perm_cache *c, const char *workspace_id)
{
    bool all = !workspace_id || !workspace_id[0];
    pthread_mutex_lock(&c->mu);
    c->generation++;
    for (size_t i = 0; i < c->n; i++) {
        entry *x = &c->entries[i];
        if (all || strcmp(x->workspace_id, workspace_id) == 0) {
            tc_perm_view_release(x->view);
            x->view = NULL;
        }
    }
    pthread_mutex_unlock(&c->mu);
}

static void on_notify(void *ctx, const char *payload)
{
    invalidate(ctx, payload);
}

static void on_reset(void *ctx, bool live)
{
    tc_perm_cache *c = ctx;
    invalidate(c, NULL);
    pthread_mutex_lock(&c->mu);
    c->live = live;
    pthread_mutex_unlock(&c->mu);
}

tc_subscription tc_perm_cache_subscription(tc_perm_cache *c)
{
    return (tc_subscription){TC_AUTH_CHANNEL, on_notify, on_reset, c};
}

tc_perm_cache *tc_perm_cache_new(void)
{
    tc_perm_cache *c = calloc(1, sizeof(*c));
    if (!c)
        tc_die_oom();
    pthread_mutex_init(&c->mu, NULL);
    return c;
}

void tc_perm_cache_free(tc_perm_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        tc_perm_view_release(c->entries[i].view);
    free(c->entries);
    pthread_mutex_destroy(&c->mu);
    free(c);
}
