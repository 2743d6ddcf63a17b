/* bcrypt through libxcrypt's crypt_rn, Twenty's password rule, and the pool of threads that keeps
 * bcrypt off the request threads (see password.h). */
#include "auth/password.h"

#include <crypt.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "base/die.h"
#include "base/random.h"

#define SALT_BYTES 16 /* bcrypt's salt is 128 bits */
#define POOL_MAX_THREADS 64

/* Generated once with a random password that was thrown away. */
static const char dummy_hash[] = "$2b$10$bKjr6dfJv0J6VOZjgALPDOk6pkj.1zrewi4QN3ogbJG6oJ/UzxIzK";

const char *tc_password_dummy_hash(void)
{
    return dummy_hash;
}

/* ---- the rule ---------------------------------------------------------------------------- */

/* The code point starting at s (strict UTF-8: no overlong forms, surrogates or values past
 * U+10FFFF), its length in *len; -1 when s does not start a valid sequence. */
static int32_t utf8_next(const unsigned char *s, size_t *len)
{
    unsigned char c = s[0];
    int32_t cp, min;
    size_t n;
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2, cp = c & 0x1f, min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3, cp = c & 0x0f, min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) /* also stops at the NUL */
            return -1;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return -1;
    *len = n;
    return cp;
}

int tc_password_check(const char *password, tc_err *e)
{
    const unsigned char *s = (const unsigned char *)(password ? password : "");
    size_t units = 0;
    while (*s) {
        size_t len = 0;
        int32_t cp = utf8_next(s, &len);
        if (cp < 0) {
            tc_err_set(e, TC_E_BAD_REQUEST, TC_PASSWORD_MSG_TOO_WEAK);
            tc_err_detail(e, "password is not valid UTF-8");
            return -1;
        }
        /* JavaScript's `.` matches any UTF-16 code unit but these four line terminators. */
        if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
            tc_err_set(e, TC_E_BAD_REQUEST, TC_PASSWORD_MSG_TOO_WEAK);
            tc_err_detail(e, "password contains a line terminator");
            return -1;
        }
        units += cp >= 0x10000 ? 2 : 1;
        s += len;
    }
    if (units < TC_PASSWORD_MIN_LEN || units > TC_PASSWORD_MAX_LEN) {
        tc_err_set(e, TC_E_BAD_REQUEST, TC_PASSWORD_MSG_TOO_WEAK);
        tc_err_detail(e, "password has %zu UTF-16 code units, not %d to %d", units,
                      TC_PASSWORD_MIN_LEN, TC_PASSWORD_MAX_LEN);
        return -1;
    }
    return 0;
}

/* ---- bcrypt ------------------------------------------------------------------------------ */

static bool is_b64_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '/';
}

/* "$2[aby]$NN$" + 53 characters of bcrypt's base 64, with NN in 04..31. */
static bool well_formed(const char *h)
{
    if (strlen(h) != TC_PASSWORD_HASH_LEN)
        return false;
    if (h[0] != '$' || h[1] != '2' || (h[2] != 'a' && h[2] != 'b' && h[2] != 'y') || h[3] != '$')
        return false;
    if (h[4] < '0' || h[4] > '9' || h[5] < '0' || h[5] > '9' || h[6] != '$')
        return false;
    int cost = (h[4] - '0') * 10 + (h[5] - '0');
    if (cost < 4 || cost > 31)
        return false;
    for (size_t i = 7; i < TC_PASSWORD_HASH_LEN; i++)
        if (!is_b64_char(h[i]))
            return false;
    return true;
}

/* struct crypt_data is 32 KiB: on the heap, so that any thread's stack will do. */
static struct crypt_data *crypt_data_new(void)
{
    struct crypt_data *cd = calloc(1, sizeof(*cd));
    if (!cd)
        tc_die_oom();
    return cd;
}

static void crypt_data_free(struct crypt_data *cd)
{
    OPENSSL_cleanse(cd, sizeof(*cd)); /* it held the password and the key schedule */
    free(cd);
}

int tc_password_hash(const char *password, char *out, size_t n, tc_err *e)
{
    int rc = -1;
    struct crypt_data *cd = NULL;
    char salt[SALT_BYTES];
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!out || n < TC_PASSWORD_HASH_LEN + 1) {
        tc_err_set(e, TC_E_INTERNAL, "Password could not be hashed");
        tc_err_detail(e, "password hash buffer of %zu bytes, need %d", n, TC_PASSWORD_HASH_LEN + 1);
        goto out;
    }
    tc_random_bytes(salt, sizeof(salt));
    if (!crypt_gensalt_rn("$2b$", TC_PASSWORD_COST, salt, sizeof(salt), setting, sizeof(setting))) {
        tc_err_set(e, TC_E_INTERNAL, "Password could not be hashed");
        tc_err_detail(e, "crypt_gensalt_rn refused $2b$ (libxcrypt without bcrypt?)");
        goto out;
    }
    cd = crypt_data_new();
    const char *h = crypt_rn(password ? password : "", setting, cd, sizeof(*cd));
    if (!h || strlen(h) != TC_PASSWORD_HASH_LEN) {
        tc_err_set(e, TC_E_INTERNAL, "Password could not be hashed");
        tc_err_detail(e, "crypt_rn failed on a $2b$ setting");
        goto out;
    }
    memcpy(out, h, TC_PASSWORD_HASH_LEN + 1);
    rc = 0;
out:
    if (cd)
        crypt_data_free(cd);
    return rc;
}

bool tc_password_verify(const char *password, const char *hash)
{
    if (!password || !hash || !well_formed(hash))
        return false;
    struct crypt_data *cd = crypt_data_new();
    const char *h = crypt_rn(password, hash, cd, sizeof(*cd));
    /* Same length is public (both are TC_PASSWORD_HASH_LEN when well formed). */
    bool ok =
        h && strlen(h) == TC_PASSWORD_HASH_LEN && CRYPTO_memcmp(h, hash, TC_PASSWORD_HASH_LEN) == 0;
    crypt_data_free(cd);
    return ok;
}

/* ---- the pool ---------------------------------------------------------------------------- */

typedef enum job_kind { JOB_VERIFY, JOB_HASH } job_kind;

/* Lives on the caller's stack: the caller waits on cv until a pool thread sets done. */
typedef struct job {
    job_kind kind;
    const char *password, *hash;
    char *out;
    size_t n;
    tc_err *e;
    bool ok;
    int rc;
    bool done;
    pthread_cond_t cv;
} job;

struct tc_password_pool {
    pthread_mutex_t mu;
    pthread_cond_t work; /* a job was queued, or the pool is stopping */
    pthread_cond_t room; /* a job left the queue */
    job *queue[TC_PASSWORD_POOL_QUEUE];
    size_t head, count;
    bool stopping;
    int nthreads;
    pthread_t threads[POOL_MAX_THREADS];
};

static void run_job(job *j)
{
    if (j->kind == JOB_VERIFY)
        j->ok = tc_password_verify(j->password, j->hash);
    else
        j->rc = tc_password_hash(j->password, j->out, j->n, j->e);
}

static void *worker(void *arg)
{
    tc_password_pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->count == 0 && !p->stopping)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->count == 0) /* stopping and drained */
            break;
        job *j = p->queue[p->head];
        p->head = (p->head + 1) % TC_PASSWORD_POOL_QUEUE;
        p->count--;
        pthread_cond_signal(&p->room);
        pthread_mutex_unlock(&p->mu);
        run_job(j);
        pthread_mutex_lock(&p->mu);
        j->done = true;
        pthread_cond_signal(&j->cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

tc_password_pool *tc_password_pool_new(int threads)
{
    tc_password_pool *p = calloc(1, sizeof(*p));
    if (!p)
        tc_die_oom();
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->room, NULL);
    p->nthreads = threads < 1 ? 1 : threads > POOL_MAX_THREADS ? POOL_MAX_THREADS : threads;
    for (int i = 0; i < p->nthreads; i++)
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0)
            tc_die("cannot start a password pool thread");
    return p;
}

void tc_password_pool_free(tc_password_pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stopping = true;
    pthread_cond_broadcast(&p->work);
    pthread_cond_broadcast(&p->room);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->nthreads; i++)
        pthread_join(p->threads[i], NULL);
    pthread_cond_destroy(&p->room);
    pthread_cond_destroy(&p->work);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

/* Queues j, waiting for room if needed, and waits until a pool thread has run it. */
static int submit(tc_password_pool *p, job *j, tc_err *e)
{
    int rc = 0;
    pthread_cond_init(&j->cv, NULL);
    pthread_mutex_lock(&p->mu);
    while (p->count == TC_PASSWORD_POOL_QUEUE && !p->stopping)
        pthread_cond_wait(&p->room, &p->mu);
    if (p->stopping) {
        rc = tc_err_set(e, TC_E_INTERNAL, "Internal server error");
        tc_err_detail(e, "password pool is shutting down");
        goto out;
    }
    p->queue[(p->head + p->count) % TC_PASSWORD_POOL_QUEUE] = j;
    p->count++;
    pthread_cond_signal(&p->work);
    while (!j->done)
        pthread_cond_wait(&j->cv, &p->mu);
out:
    pthread_mutex_unlock(&p->mu);
    pthread_cond_destroy(&j->cv);
    return rc;
}

int tc_password_pool_verify(tc_password_pool *p, const char *password, const char *hash, bool *ok,
                            tc_err *e)
{
    job j = {.kind = JOB_VERIFY, .password = password, .hash = hash};
    *ok = false;
    if (submit(p, &j, e) < 0)
        return -1;
    *ok = j.ok;
    return 0;
}

int tc_password_pool_hash(tc_password_pool *p, const char *password, char *out, size_t n, tc_err *e)
{
    job j = {.kind = JOB_HASH, .password = password, .out = out, .n = n, .e = e};
    if (submit(p, &j, e) < 0)
        return -1;
    return j.rc;
}
