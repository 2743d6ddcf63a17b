/* One LISTEN connection per process (DESIGN.md §3, §6): a thread that LISTENs on a few channels
 * and hands each notification to its subscriber. Caches built on it must stay correct when
 * notifications are missed: the subscriber's reset is called with live = false when the
 * connection is lost and with live = true once it is listening again, and a subscriber drops
 * everything on either. */
#ifndef TC_DB_LISTENER_H
#define TC_DB_LISTENER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct tc_subscription {
    const char *channel; /* a constant lower-case identifier */
    void (*notify)(void *ctx, const char *payload);
    void (*reset)(void *ctx, bool live);
    void *ctx;
} tc_subscription;

typedef struct tc_listener tc_listener;

#define TC_LISTENER_MAX_SUBSCRIPTIONS 8

/* Starts the thread; it connects to conninfo (search_path core_schema), reconnecting every
 * second while the database is unreachable. subs (at most TC_LISTENER_MAX_SUBSCRIPTIONS) are
 * copied. Callbacks run on the listener's thread. */
tc_listener *tc_listener_start(const char *conninfo, const char *core_schema,
                               const tc_subscription *subs, size_t n);
/* Stops the thread and frees the listener (NULL is a no-op). */
void tc_listener_stop(tc_listener *l);

#endif
