/* The snapshot cache (see snapshot.h): a small table of workspace -> snapshot under one mutex,
 * plus the highest version each workspace is known to have reached, so a load that raced with
 * a change is not cached as current. */
#include "meta/snapshot.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"
#include "meta/load.h"

typedef struct shared {
    tc_snapshot s;
    atomic_int refs;
} shared;

typedef struct entry {
    char workspace_id[TC_UUID_STR_LEN + 1];
    shared *current;   /* NULL when dropped */
    int known_version; /* the newest version announced */
} entry;

struct tc_snapshots {
    pthread_mutex_t mu;
    entry *entries;
    size_t n, cap;
    char *core_schema;
    bool live; /* the listener is listening: what is cached stays current */
};

static void unref(shared *sh)
{
    if (sh && atomic_fetch_sub(&sh->refs, 1) == 1) {
        tc_model_free((tc_model *)sh->s.model);
        free(sh);
    }
}

const tc_snapshot *tc_snapshot_retain(const tc_snapshot *s)
{
    atomic_fetch_add(&((shared *)(void *)s)->refs, 1);
    return s;
}

void tc_snapshot_release(const tc_snapshot *s)
{
    /* s is the first member of its shared block. */
    unref((shared *)(void *)s);
}

static entry *find(tc_snapshots *c, const char *workspace_id, bool create)
{
    for (size_t i = 0; i < c->n; i++) {
        if (strcmp(c->entries[i].workspace_id, workspace_id) == 0)
            return &c->entries[i];
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
    return x;
}

const tc_snapshot *tc_snapshot_get(tc_snapshots *c, tc_db *db, const char *workspace_id, tc_err *e)
{
    pthread_mutex_lock(&c->mu);
    entry *x = find(c, workspace_id, false);
    if (x && x->current) {
        atomic_fetch_add(&x->current->refs, 1);
        const tc_snapshot *s = &x->current->s;
        pthread_mutex_unlock(&c->mu);
        return s;
    }
    pthread_mutex_unlock(&c->mu);

    /* Load outside the lock; two threads may load at once, the second result wins or is
     * dropped, both are correct. */
    int version = 0;
    tc_model *m = tc_model_load(db, c->core_schema, workspace_id, &version, e);
    if (!m)
        return NULL;
    shared *sh = malloc(sizeof(*sh));
    if (!sh)
        tc_die_oom();
    sh->s.model = m;
    sh->s.version = version;
    atomic_init(&sh->refs, 1); /* the caller's */

    pthread_mutex_lock(&c->mu);
    x = find(c, workspace_id, true);
    if (c->live && version >= x->known_version && (!x->current || x->current->s.version < version)) {
        unref(x->current);
        atomic_fetch_add(&sh->refs, 1); /* the cache's */
        x->current = sh;
        x->known_version = version;
    }
    pthread_mutex_unlock(&c->mu);
    return &sh->s;
}

void tc_snapshots_invalidate(tc_snapshots *c, const char *workspace_id, int version)
{
    pthread_mutex_lock(&c->mu);
    entry *x = find(c, workspace_id, true);
    if (version > x->known_version)
        x->known_version = version;
    if (x->current && x->current->s.version < x->known_version) {
        unref(x->current);
        x->current = NULL;
    }
    pthread_mutex_unlock(&c->mu);
}

/* The listener's connection came or went: notifications may have been missed, so drop
 * everything, and cache again only while listening. */
static void on_reset(void *ctx, bool live)
{
    tc_snapshots *c = ctx;
    pthread_mutex_lock(&c->mu);
    c->live = live;
    for (size_t i = 0; i < c->n; i++) {
        unref(c->entries[i].current);
        c->entries[i].current = NULL;
    }
    pthread_mutex_unlock(&c->mu);
}

/* Payload "<workspaceId>:<version>". */
static void on_notify(void *ctx, const char *payload)
{
    const char *colon = strchr(payload, ':');
    if (!colon || colon - payload != TC_UUID_STR_LEN)
        return;
    char id[TC_UUID_STR_LEN + 1];
    memcpy(id, payload, TC_UUID_STR_LEN);
    id[TC_UUID_STR_LEN] = '\0';
    tc_snapshots_invalidate(ctx, id, (int)strtol(colon + 1, NULL, 10));
}

tc_subscription tc_snapshots_subscription(tc_snapshots *c)
{
    return (tc_subscription){TC_METADATA_CHANNEL, on_notify, on_reset, c};
}

tc_snapshots *tc_snapshots_new(const char *core_schema)
{
    tc_snapshots *c = calloc(1, sizeof(*c));
    if (!c)
        tc_die_oom();
    pthread_mutex_init(&c->mu, NULL);
    c->core_schema = strdup(core_schema);
    if (!c->core_schema)
        tc_die_oom();
    return c;
}

void tc_snapshots_free(tc_snapshots *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        unref(c->entries[i].current);
    free(c->entries);
    free(c->core_schema);
    pthread_mutex_destroy(&c->mu);
    free(c);
}
