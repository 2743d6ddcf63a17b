/* The totalCount cache (see count.h): two string-keyed open-addressing tables under one mutex,
 * one from schema to generation, one from (schema, statement, parameters) to a stamped count. */
#include "query/count.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/die.h"

#define SLOTS 8192 /* a power of two, twice TC_COUNTS_MAX */
#define KEY_MAX (256 * 1024)

typedef struct slot {
    char *key; /* NULL: empty; len bytes, not a C string */
    size_t len;
    uint64_t hash;
    uint64_t gen;  /* schemas: the generation; counts: the generation stamped */
    int64_t count; /* counts only */
} slot;

typedef struct table {
    slot *slots;
    size_t used;
} table;

struct tc_counts {
    pthread_mutex_t mu;
    bool live;
    uint64_t epoch; /* moves on every listener reset: every stamp before it is stale */
    table schemas, counts;
};

static uint64_t hash_of(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static void table_clear(table *t)
{
    for (size_t i = 0; i < SLOTS && t->used; i++) {
        if (t->slots[i].key) {
            free(t->slots[i].key);
            t->slots[i].key = NULL;
            t->used--;
        }
    }
}

/* The slot of key (n bytes), or where it would go (NULL when the table is full). */
static slot *find(table *t, const char *key, size_t n, uint64_t h)
{
    for (size_t i = 0; i < SLOTS; i++) {
        slot *s = &t->slots[(h + i) & (SLOTS - 1)];
        if (!s->key || (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0))
            return s;
    }
    return NULL;
}

/* Sets key's slot, clearing the table first when it holds TC_COUNTS_MAX keys. */
static slot *put(table *t, const char *key, size_t n, uint64_t h)
{
    slot *s = find(t, key, n, h);
    if (s && s->key)
        return s;
    if (t->used >= TC_COUNTS_MAX) {
        table_clear(t);
        s = find(t, key, n, h);
    }
    s->key = malloc(n ? n : 1);
    if (!s->key)
        tc_die_oom();
    memcpy(s->key, key, n);
    s->len = n;
    s->hash = h;
    s->gen = 0;
    t->used++;
    return s;
}

tc_counts *tc_counts_new(void)
{
    tc_counts *c = calloc(1, sizeof(*c));
    if (!c)
        tc_die_oom();
    c->schemas.slots = calloc(SLOTS, sizeof(slot));
    c->counts.slots = calloc(SLOTS, sizeof(slot));
    if (!c->schemas.slots || !c->counts.slots)
        tc_die_oom();
    pthread_mutex_init(&c->mu, NULL);
    return c;
}

void tc_counts_free(tc_counts *c)
{
    if (!c)
        return;
    table_clear(&c->schemas);
    table_clear(&c->counts);
    free(c->schemas.slots);
    free(c->counts.slots);
    pthread_mutex_destroy(&c->mu);
    free(c);
}

/* The generation of schema under c->mu: the epoch in the high half, the schema's own count of
 * changes in the low half. */
static uint64_t generation(tc_counts *c, const char *schema)
{
    size_t n = strlen(schema);
    slot *s = find(&c->schemas, schema, n, hash_of(schema, n));
    return (c->epoch << 32) | (s && s->key ? (s->gen & 0xffffffffu) : 0);
}

uint64_t tc_counts_generation(tc_counts *c, const char *schema)
{
    pthread_mutex_lock(&c->mu);
    uint64_t g = generation(c, schema);
    pthread_mutex_unlock(&c->mu);
    return g;
}

/* Appends the length of s, then s: no two sequences of texts give the same bytes. */
static void add_text(tc_buf *b, const char *s)
{
    tc_buf_printf(b, "%zu:", strlen(s));
    tc_buf_adds(b, s);
}

/* The key of q's count on schema: schema, the statement and its parameters (NULL as "n",
 * a text as "v" and the text), each length-prefixed. */
static int key_of(tc_buf *b, const char *schema, const tc_sql *q)
{
    add_text(b, schema);
    add_text(b, tc_sql_text(q));
    for (int i = 0; i < q->nparams; i++) {
        const char *p = q->params[i];
        tc_buf_addc(b, p ? 'v' : 'n');
        if (p)
            add_text(b, p);
    }
    return b->failed ? -1 : 0;
}

bool tc_counts_get(tc_counts *c, const char *schema, const tc_sql *q, int64_t *out)
{
    tc_buf b;
    tc_buf_init(&b, KEY_MAX);
    bool hit = false;
    if (key_of(&b, schema, q) == 0) {
        pthread_mutex_lock(&c->mu);
        slot *s = find(&c->counts, b.data, b.len, hash_of(b.data, b.len));
        if (c->live && s && s->key && s->gen == generation(c, schema)) {
            *out = s->count;
            hit = true;
        }
        pthread_mutex_unlock(&c->mu);
    }
    tc_buf_fini(&b);
    return hit;
}

void tc_counts_put(tc_counts *c, const char *schema, const tc_sql *q, uint64_t gen, int64_t n)
{
    tc_buf b;
    tc_buf_init(&b, KEY_MAX);
    if (key_of(&b, schema, q) == 0) {
        pthread_mutex_lock(&c->mu);
        if (c->live && gen == generation(c, schema)) {
            slot *s = put(&c->counts, b.data, b.len, hash_of(b.data, b.len));
            s->gen = gen;
            s->count = n;
        }
        pthread_mutex_unlock(&c->mu);
    }
    tc_buf_fini(&b);
}

void tc_counts_changed(tc_counts *c, const char *schema)
{
    size_t n = strlen(schema);
    uint64_t h = hash_of(schema, n);
    pthread_mutex_lock(&c->mu);
    slot *s = find(&c->schemas, schema, n, h);
    if ((!s || !s->key) && c->schemas.used >= TC_COUNTS_MAX) {
        /* Forgetting generations would let old stamps match again: a new epoch instead. */
        table_clear(&c->schemas);
        table_clear(&c->counts);
        c->epoch++;
    }
    s = put(&c->schemas, schema, n, h);
    s->gen++;
    pthread_mutex_unlock(&c->mu);
}

static void on_notify(void *ctx, const char *payload)
{
    tc_counts_changed(ctx, payload);
}

static void on_reset(void *ctx, bool live)
{
    tc_counts *c = ctx;
    pthread_mutex_lock(&c->mu);
    c->live = live;
    c->epoch++;
    table_clear(&c->counts);
    pthread_mutex_unlock(&c->mu);
}

tc_subscription tc_counts_subscription(tc_counts *c)
{
    return (tc_subscription){TC_COUNTS_CHANNEL, on_notify, on_reset, c};
}
