/* Failure counting (see throttle.h): an open-addressing table probed a few slots deep; a key that
 * finds neither itself nor room takes the slot of the oldest window in its probe range. */
#include "auth/throttle.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"

#define SLOTS 4096 /* a power of two */
#define PROBE 8
#define KEY_MAX 320 /* an e-mail address (254) with a prefix */

typedef struct slot {
    char key[KEY_MAX]; /* "" when free */
    int count;
    int64_t since; /* start of the window */
} slot;

struct tc_throttle {
    pthread_mutex_t mu;
    int limit;
    int64_t window;
    slot slots[SLOTS];
};

tc_throttle *tc_throttle_new(int limit, int64_t window_s)
{
    tc_throttle *t = calloc(1, sizeof(*t));
    if (!t)
        tc_die_oom();
    pthread_mutex_init(&t->mu, NULL);
    t->limit = limit;
    t->window = window_s;
    return t;
}

void tc_throttle_free(tc_throttle *t)
{
    if (!t)
        return;
    pthread_mutex_destroy(&t->mu);
    free(t);
}

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* The key's slot, or NULL; with create, a free, expired or oldest slot claimed for it. Lock held.
 */
static slot *find(tc_throttle *t, const char *key, int64_t now, bool create)
{
    size_t base = hash(key) & (SLOTS - 1);
    slot *victim = NULL;
    bool victim_free = false;
    for (size_t i = 0; i < PROBE; i++) {
        slot *s = &t->slots[(base + i) & (SLOTS - 1)];
        if (s->key[0] && strcmp(s->key, key) == 0)
            return s;
        /* A free or expired slot beats an occupied one; otherwise the oldest window goes. */
        bool free_slot = !s->key[0] || now - s->since >= t->window;
        if (!victim || (free_slot && !victim_free) ||
            (free_slot == victim_free && s->since < victim->since)) {
            victim = s;
            victim_free = free_slot;
        }
    }
    if (!create)
        return NULL;
    snprintf(victim->key, sizeof(victim->key), "%s", key);
    victim->count = 0;
    victim->since = now;
    return victim;
}

int64_t tc_throttle_wait(tc_throttle *t, const char *key, int64_t now_s)
{
    pthread_mutex_lock(&t->mu);
    slot *s = find(t, key, now_s, false);
    int64_t wait = 0;
    if (s && s->count >= t->limit && now_s - s->since < t->window)
        wait = s->since + t->window - now_s;
    pthread_mutex_unlock(&t->mu);
    return wait;
}

void tc_throttle_fail(tc_throttle *t, const char *key, int64_t now_s)
{
    pthread_mutex_lock(&t->mu);
    slot *s = find(t, key, now_s, true);
    if (now_s - s->since >= t->window) {
        s->count = 0;
        s->since = now_s;
    }
    s->count++;
    pthread_mutex_unlock(&t->mu);
}

void tc_throttle_reset(tc_throttle *t, const char *key)
{
    pthread_mutex_lock(&t->mu);
    slot *s = find(t, key, 0, false);
    if (s)
        s->key[0] = '\0';
    pthread_mutex_unlock(&t->mu);
}
