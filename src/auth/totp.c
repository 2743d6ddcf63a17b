/* RFC 6238 TOTP with liboath for the HOTP arithmetic, strict base32 secrets, and otplib's
 * provisioning URI (see totp.h). */
#include "auth/totp.h"

#include <liboath/oath.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "base/buf.h"
#include "base/random.h"

#define MAX_WINDOW 10

static const char b32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

static pthread_once_t oath_once = PTHREAD_ONCE_INIT;
static int oath_status = OATH_CRYPTO_ERROR; /* until oath_init has run */

static void oath_start(void)
{
    oath_status = oath_init();
}

static bool oath_ready(void)
{
    pthread_once(&oath_once, oath_start);
    return oath_status == OATH_OK;
}

/* ---- base32 ------------------------------------------------------------------------------ */

size_t tc_totp_b32_encode(const void *p, size_t n, char *out)
{
    const unsigned char *s = p;
    size_t o = 0;
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        acc = (acc << 8) | s[i];
        bits += 8;
        while (bits >= 5) {
            out[o++] = b32_alphabet[(acc >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0)
        out[o++] = b32_alphabet[(acc << (5 - bits)) & 31];
    out[o] = '\0';
    return o;
}

static int b32_value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= '2' && c <= '7')
        return c - '2' + 26;
    return -1;
}

int tc_totp_b32_decode(const char *text, size_t len, void *out, size_t cap, size_t *n)
{
    /* 8 characters carry 5 bytes; a tail of 1, 3 or 6 characters is never written. */
    size_t tail = len % 8;
    if (tail == 1 || tail == 3 || tail == 6)
        return -1;
    if (len * 5 / 8 > cap)
        return -1;
    unsigned char *d = out;
    size_t o = 0;
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < len; i++) {
        int v = b32_value(text[i]);
        if (v < 0)
            return -1;
        acc = (acc << 5) | (unsigned)v;
        bits += 5;
        if (bits >= 8) {
            d[o++] = (unsigned char)(acc >> (bits - 8));
            bits -= 8;
        }
        acc &= (1u << bits) - 1; /* keep only the bits not yet written */
    }
    if (acc != 0) /* one spelling per secret */
        return -1;
    *n = o;
    return 0;
}

/* ---- secrets and URIs -------------------------------------------------------------------- */

int tc_totp_secret(char *out, size_t n)
{
    if (!out || n < TC_TOTP_SECRET_LEN + 1)
        return -1;
    unsigned char key[TC_TOTP_SECRET_BYTES];
    tc_random_bytes(key, sizeof(key));
    tc_totp_b32_encode(key, sizeof(key), out);
    OPENSSL_cleanse(key, sizeof(key));
    return 0;
}

/* JavaScript's encodeURIComponent on the bytes of s. */
static void add_uri_component(tc_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            strchr("-_.!~*'()", c)) {
            tc_buf_addc(b, (char)c);
        } else {
            char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
            tc_buf_add(b, esc, sizeof(esc));
        }
    }
}

int tc_totp_uri(const char *secret_b32, const char *account, const char *issuer, char *out,
                size_t n)
{
    if (!out || n == 0 || !secret_b32 || !account)
        return -1;
    bool has_issuer = issuer && issuer[0];
    tc_buf b;
    tc_buf_init(&b, n - 1);
    tc_buf_adds(&b, "otpauth://totp/");
    add_uri_component(&b, has_issuer ? issuer : account);
    tc_buf_addc(&b, ':');
    add_uri_component(&b, account);
    tc_buf_adds(&b, "?secret=");
    tc_buf_adds(&b, secret_b32); /* as given, like otplib */
    tc_buf_printf(&b, "&period=%d&digits=%d&algorithm=SHA1", TC_TOTP_STEP_S, TC_TOTP_DIGITS);
    if (has_issuer) {
        tc_buf_adds(&b, "&issuer=");
        add_uri_component(&b, issuer);
    }
    int rc = -1;
    if (!b.failed) {
        memcpy(out, tc_buf_cstr(&b), b.len + 1);
        rc = 0;
    }
    tc_buf_fini(&b);
    return rc;
}

/* ---- codes ------------------------------------------------------------------------------- */

static int decode_secret(const char *secret_b32, unsigned char *key, size_t *n)
{
    if (!secret_b32)
        return -1;
    if (tc_totp_b32_decode(secret_b32, strlen(secret_b32), key, TC_TOTP_SECRET_MAX_BYTES, n) < 0)
        return -1;
    return *n >= TC_TOTP_SECRET_MIN_BYTES ? 0 : -1;
}

/* The code of step counter `step` (>= 0). */
static int code_at(const unsigned char *key, size_t n, int64_t step, char *out)
{
    int r = oath_totp_generate((const char *)key, n, (time_t)(step * TC_TOTP_STEP_S),
                               TC_TOTP_STEP_S, OATH_TOTP_DEFAULT_START_TIME, TC_TOTP_DIGITS, out);
    return r == OATH_OK ? 0 : -1;
}

int tc_totp_generate(const char *secret_b32, int64_t t_s, char *out)
{
    unsigned char key[TC_TOTP_SECRET_MAX_BYTES];
    size_t n = 0;
    int rc = -1;
    if (t_s < 0 || !oath_ready() || decode_secret(secret_b32, key, &n) < 0)
        goto out;
    rc = code_at(key, n, t_s / TC_TOTP_STEP_S, out);
out:
    OPENSSL_cleanse(key, sizeof(key));
    return rc;
}

static bool is_code(const char *code)
{
    if (!code)
        return false;
    for (int i = 0; i < TC_TOTP_DIGITS; i++)
        if (code[i] < '0' || code[i] > '9')
            return false;
    return code[TC_TOTP_DIGITS] == '\0';
}

bool tc_totp_verify(const char *secret_b32, const char *code, int64_t now_s, int window)
{
    unsigned char key[TC_TOTP_SECRET_MAX_BYTES];
    size_t n = 0;
    bool ok = false;
    if (now_s < 0 || !is_code(code) || !oath_ready() || decode_secret(secret_b32, key, &n) < 0)
        goto out;
    window = window < 0 ? 0 : window > MAX_WINDOW ? MAX_WINDOW : window;
    int64_t now_step = now_s / TC_TOTP_STEP_S;
    unsigned match = 0;
    for (int64_t step = now_step - window; step <= now_step + window; step++) {
        char want[TC_TOTP_DIGITS + 1];
        if (step < 0)
            continue;
        if (code_at(key, n, step, want) < 0)
            goto out;
        match |= CRYPTO_memcmp(want, code, TC_TOTP_DIGITS) == 0;
    }
    ok = match != 0;
out:
    OPENSSL_cleanse(key, sizeof(key));
    return ok;
}
