/* The principal cache (see principals.h): a direct-mapped table of TOKEN_SLOTS slots indexed by
 * a hash of the token, so its size is bounded whatever clients send; a collision replaces the
 * slot. One mutex; the critical sections are a compare and a copy. A generation counter, bumped
 * by every invalidation, keeps a principal resolved before an invalidation from being cached
 * after it. */
#include "auth/principals.h"

#include <openssl/crypto.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "auth/jwt.h"
#include "base/die.h"

#define TOKEN_SLOTS 2048 /* a power of two */

typedef struct slot {
    char *token; /* NULL: empty */
    size_t len;
    tc_principal p;
} slot;

struct tc_principals {
    pthread_mutex_t mu;
    slot slots[TOKEN_SLOTS];
    unsigned long generation;
    bool live;
};

static const char bearer[] = "Bearer ";

static size_t slot_of(const char *token, size_t len)
{
    uint64_t h = 14695981039346656037ULL; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)token[i]) * 1099511628211ULL;
    return (size_t)(h & (TOKEN_SLOTS - 1));
}

static void clear(slot *s)
{
    free(s->token);
    memset(s, 0, sizeof(*s));
}

/* The cached principal of token, if any and still valid at now_s. Locked. */
static bool lookup(tc_principals *c, const char *token, size_t len, int64_t now_s,
                   tc_principal *out)
{
    slot *s = &c->slots[slot_of(token, len)];
    /* Constant-time: the comparison must not tell a forger how much of a token is right. */
    if (!s->token || s->len != len || CRYPTO_memcmp(s->token, token, len) != 0)
        return false;
    if (now_s >= s->p.token_exp + TC_JWT_LEEWAY_S) {
        clear(s);
        return false;
    }
    *out = s->p;
    return true;
}

int tc_principal_resolve(tc_principals *c, tc_db *db, const char *authorization,
                         const char *app_secret, int64_t now_s, tc_principal *out, tc_err *e)
{
    bool bearing = authorization && strncmp(authorization, bearer, sizeof(bearer) - 1) == 0;
    const char *token = bearing ? authorization + sizeof(bearer) - 1 : NULL;
    size_t len = token ? strnlen(token, TC_JWT_MAX_LEN + 1) : 0;
    bool cacheable = token && len <= TC_JWT_MAX_LEN;
    unsigned long generation = 0;
    if (cacheable) {
        pthread_mutex_lock(&c->mu);
        bool hit = lookup(c, token, len, now_s, out);
        generation = c->generation;
        pthread_mutex_unlock(&c->mu);
        if (hit)
            return 0;
    }
    if (tc_principal_from_header(db, authorization, app_secret, now_s, out, e) < 0)
        return -1;
    if (!cacheable)
        return 0;
    char *copy = malloc(len);
    if (!copy)
        tc_die_oom();
    memcpy(copy, token, len);
    pthread_mutex_lock(&c->mu);
    if (c->live && c->generation == generation) {
        slot *s = &c->slots[slot_of(token, len)];
        clear(s);
        s->token = copy;
        s->len = len;
        s->p = *out;
        copy = NULL;
    }
    pthread_mutex_unlock(&c->mu);
    free(copy);
    return 0;
}

void tc_principals_invalidate(tc_principals *c, const char *workspace_id)
{
    bool all = !workspace_id || !workspace_id[0];
    pthread_mutex_lock(&c->mu);
    c->generation++;
    for (size_t i = 0; i < TOKEN_SLOTS; i++) {
        slot *s = &c->slots[i];
        if (s->token && (all || strcmp(s->p.workspace_id, workspace_id) == 0))
            clear(s);
    }
    pthread_mutex_unlock(&c->mu);
}

static void on_notify(void *ctx, const char *payload)
{
    tc_principals_invalidate(ctx, payload);
}

static void on_reset(void *ctx, bool live)
{
    tc_principals *c = ctx;
    tc_principals_invalidate(c, NULL);
    pthread_mutex_lock(&c->mu);
    c->live = live;
    pthread_mutex_unlock(&c->mu);
}

tc_subscription tc_principals_subscription(tc_principals *c)
{
    return (tc_subscription){TC_AUTH_CHANNEL, on_notify, on_reset, c};
}

tc_principals *tc_principals_new(void)
{
    tc_principals *c = calloc(1, sizeof(*c));
    if (!c)
        tc_die_oom();
    pthread_mutex_init(&c->mu, NULL);
    return c;
}

void tc_principals_free(tc_principals *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < TOKEN_SLOTS; i++)
        clear(&c->slots[i]);
    pthread_mutex_destroy(&c->mu);
    free(c);
}
