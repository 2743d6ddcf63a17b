/* Unit tests for HS256 JWTs (auth/jwt.h, auth/jwt_int.h): base64url against RFC 4648 §10, HMAC
 * against RFC 7515 Appendix A.1, Twenty's key derivation and tokens made by an independent
 * implementation (Python's hmac/hashlib, rows below), and one rejection row per strictness rule.
 * Tokens for the rejection rows are forged here with OpenSSL directly, so that each row fails for
 * the one reason it names and not for a bad signature. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/jwt.h"
#include "auth/jwt_int.h"
#include "base/arena.h"
#include "base/compiler.h"

#define SECRET "replace_me_with_a_random_string"  /* Twenty's test-suite APP_SECRET */
#define WS "20202020-1c25-4d02-bf25-6aeccf7ea419" /* Apple (spec/twenty-dev-seed.md) */
#define TIM "20202020-9e3b-46d4-a556-88b9ddc2b034"
#define TIM_MEMBER "20202020-0687-4c41-b707-ed1bfca972a7"
#define TIM_USER_WS "20202020-9e3b-46d4-a556-88b9ddc2b035"
#define API_KEY_ID "20202020-f401-4d8a-a731-64d007c27bad"
#define NOW 1750000000 /* 2025-06-15T15:06:40Z */

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* header.payload.signature with HMAC-SHA256 under key, written without jwt.c's signing code. */
static void forge(char *out, size_t cap, const char *header, const char *payload, const char *key)
{
    size_t hl = strlen(header), pl = strlen(payload);
    assert_true(TC_B64URL_LEN(hl) + TC_B64URL_LEN(pl) + 45 < cap);
    size_t n = tc_jwt_b64url_encode(header, hl, out);
    out[n++] = '.';
    n += tc_jwt_b64url_encode(payload, pl, out + n);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int maclen = 0;
    assert_non_null(
        HMAC(EVP_sha256(), key, (int)strlen(key), (const unsigned char *)out, n, mac, &maclen));
    out[n++] = '.';
    tc_jwt_b64url_encode(mac, maclen, out + n);
}

static void expect_fail(const char *token, const char *secret, int64_t now, const char *msg,
                        const char *name)
{
    tc_jwt_claims c;
    tc_err e = {0};
    if (tc_jwt_verify(token, secret, now, &c, &e) != -1)
        fail_msg("%s: accepted, wanted \"%s\"", name, msg);
    if (e.code != TC_E_UNAUTHENTICATED || strcmp(e.message, msg) != 0)
        fail_msg("%s: got %s \"%s\" (%s), wanted \"%s\"", name, tc_err_name(e.code), e.message,
                 e.detail, msg);
}

static void expect_ok(const char *token, const char *secret, int64_t now, tc_jwt_claims *c,
                      const char *name)
{
    tc_err e = {0};
    if (tc_jwt_verify(token, secret, now, c, &e) != 0)
        fail_msg("%s: rejected: \"%s\" (%s)", name, e.message, e.detail);
}

/* RFC 4648 §10 vectors (unpadded, as base64url drops the padding) and bytes that use '-' and '_'
 * (values 62 and 63: RFC 4648 §5's two characters that differ from base64). */
static void test_b64url_vectors(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t n;
        const char *text;
    } rows[] = {
        {"", 0, ""},
        {"f", 1, "Zg"},
        {"fo", 2, "Zm8"},
        {"foo", 3, "Zm9v"},
        {"foob", 4, "Zm9vYg"},
        {"fooba", 5, "Zm9vYmE"},
        {"foobar", 6, "Zm9vYmFy"},
        {"\xfb\xff", 2, "-_8"},
        {"\xff\xfe\xfd", 3, "__79"},
        {"\x00\x00\x00\x3e\x3f", 5, "AAAAPj8"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char text[32];
        unsigned char bytes[32];
        size_t n = 99;
        assert_int_equal(TC_B64URL_LEN(rows[i].n), strlen(rows[i].text));
        assert_int_equal(tc_jwt_b64url_encode(rows[i].bytes, rows[i].n, text),
                         strlen(rows[i].text));
        assert_string_equal(text, rows[i].text);
        if (tc_jwt_b64url_decode(rows[i].text, strlen(rows[i].text), bytes, sizeof(bytes), &n))
            fail_msg("decode(\"%s\") failed", rows[i].text);
        assert_int_equal(n, rows[i].n);
        assert_memory_equal(bytes, rows[i].bytes, n);
    }
}

static void test_b64url_rejects(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t n;
        const char *why;
    } rows[] = {
        {"Zg==", 4, "padding"},
        {"Zg=", 3, "padding"},
        {"Zm9v=", 5, "padding"},
        {"Z", 1, "length % 4 == 1"},
        {"Zm9vY", 5, "length % 4 == 1"},
        {"Zh", 2, "non-zero unused bits (Zg is canonical)"},
        {"Zm9", 3, "non-zero unused bits (Zm8 is canonical)"},
        {"Zm+v", 4, "base64 '+'"},
        {"Zm/v", 4, "base64 '/'"},
        {"Zm9v Zg", 7, "space"},
        {"Zm\0v", 4, "NUL"},
        {"Zm9v.", 5, "dot"},
        {"Zm9v\xc3\xa9", 6, "non-ASCII"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        unsigned char bytes[32];
        size_t n;
        if (tc_jwt_b64url_decode(rows[i].text, rows[i].n, bytes, sizeof(bytes), &n) != -1)
            fail_msg("decode(\"%s\") accepted (%s)", rows[i].text, rows[i].why);
    }
    /* The capacity is a hard limit. */
    unsigned char small[3];
    size_t n;
    assert_int_equal(tc_jwt_b64url_decode("Zm9v", 4, small, 3, &n), 0);
    assert_int_equal(tc_jwt_b64url_decode("Zm9vYg", 6, small, 3, &n), -1);
}

/* Expected keys computed with Python: hashlib.sha256((secret + body + type).encode()).hexdigest().
 */
static void test_key_derivation(void **state)
{
    (void)state;
    static const struct {
        const char *secret, *body, *type, *key;
    } rows[] = {
        {SECRET, WS, "API_KEY", "71911d058adc0c42c13c2351ce1c82d1183f159582e1e4cab11a13e440b3463b"},
        {SECRET, WS, "ACCESS", "94aed9b0647327862c5d8390b2881dff991edd7658ce5f040cbf166e6b7c6555"},
        /* sha256("") */
        {"", "", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char key[TC_JWT_KEY_LEN + 1];
        memset(key, 'X', sizeof(key));
        tc_jwt_key(rows[i].secret, rows[i].body, rows[i].type, key);
        assert_int_equal(key[TC_JWT_KEY_LEN], '\0');
        assert_string_equal(key, rows[i].key);
    }
}

/* RFC 7515 Appendix A.1 (the JWT of RFC 7519 §3.1): its header is {"typ":"JWT",\r\n
 * "alg":"HS256"} and its payload {"iss":"joe",\r\n "exp":1300819380,\r\n
 * "http://example.com/is_root":true}; the key is the JWK "k" below, base64url-decoded. */
static void test_rfc7515_a1(void **state)
{
    (void)state;
    static const char token[] =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0"
        "cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static const char jwk_k[] = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iP"
                                "S4hcgUuTwjAzZr1Z9CAow";
    unsigned char key[64];
    size_t keylen;
    assert_int_equal(tc_jwt_b64url_decode(jwk_k, strlen(jwk_k), key, sizeof(key), &keylen), 0);
    assert_int_equal(keylen, 64);

    assert_int_equal(tc_jwt_hs256_verify_raw(token, key, keylen), 0);
    char bad[sizeof(token)];
    memcpy(bad, token, sizeof(token));
    bad[sizeof(token) - 2] = 'j'; /* last character of the signature: X -> j */
    assert_int_equal(tc_jwt_hs256_verify_raw(bad, key, keylen), -1);
    key[0] ^= 1;
    assert_int_equal(tc_jwt_hs256_verify_raw(token, key, keylen), -1);
    key[0] ^= 1;

    static const struct {
        int64_t now;
        const char *msg; /* NULL: accepted */
    } rows[] = {
        {1300819000, NULL},
        {1300819380, NULL},      /* at exp, within the leeway */
        {1300819380 + 29, NULL}, /* still within */
        {1300819380 + 30, TC_JWT_MSG_EXPIRED},
        {1700000000, TC_JWT_MSG_EXPIRED},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_err e = {0};
        int rc = tc_jwt_verify_key(token, key, keylen, rows[i].now, &e);
        if (!rows[i].msg) {
            if (rc != 0)
                fail_msg("now=%lld: \"%s\" (%s)", (long long)rows[i].now, e.message, e.detail);
        } else {
            assert_int_equal(rc, -1);
            assert_int_equal(e.code, TC_E_UNAUTHENTICATED);
            assert_string_equal(e.message, rows[i].msg);
        }
    }
    /* Twenty's verification derives its key from claims this token lacks (type, workspaceId). */
    expect_fail(token, SECRET, 1300819000, TC_JWT_MSG_INVALID, "RFC 7515 A.1 with APP_SECRET");
}

/* Tokens made by an independent implementation (Python 3 hmac, hashlib, base64, json), laid out
 * as Twenty's jsonwebtoken lays them out, with APP_SECRET SECRET:
 *   k = hashlib.sha256((SECRET + workspaceId + type).encode()).hexdigest().encode()
 *   h = b64(json.dumps({"alg":"HS256","typ":"JWT"}, separators=(',',':')))
 *   token = h + "." + p + "." + b64(hmac.new(k, (h + "." + p).encode(), hashlib.sha256).digest())
 */
static void test_python_tokens(void **state)
{
    (void)state;
    static const struct {
        const char *name, *token;
        int64_t now;
        tc_jwt_claims want;
    } rows[] = {
        {"API key of the dev seed (type API_KEY, API_KEY key)",
         "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
         "eyJzdWIiOiIyMDIwMjAyMC0xYzI1LTRkMDItYmYyNS02YWVjY2Y3ZWE0MTkiLCJ0eXBlIjoiQVBJX0tFWSIsIndvc"
         "m"
         "tzcGFjZUlkIjoiMjAyMDIwMjAtMWMyNS00ZDAyLWJmMjUtNmFlY2NmN2VhNDE5IiwiaWF0IjoxNzM1Njg5NjAwLCJ"
         "l"
         "eHAiOjQxMDI0NDQ4MDAsImp0aSI6IjIwMjAyMDIwLWY0MDEtNGQ4YS1hNzMxLTY0ZDAwN2MyN2JhZCJ9."
         "Xg_Pkp9_--LOoQG5V8AG2zeLH0BXbqytXm7dGx_u_dg",
         NOW,
         {.type = "API_KEY",
          .sub = WS,
          .workspace_id = WS,
          .jti = API_KEY_ID,
          .iat = 1735689600,
          .exp = 4102444800}},
        {"Tim's access token (isImpersonating ignored)",
         "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
         "eyJzdWIiOiIyMDIwMjAyMC05ZTNiLTQ2ZDQtYTU1Ni04OGI5ZGRjMmIwMzQiLCJ1c2VySWQiOiIyMDIwMjAyMC05Z"
         "T"
         "NiLTQ2ZDQtYTU1Ni04OGI5ZGRjMmIwMzQiLCJ3b3Jrc3BhY2VJZCI6IjIwMjAyMDIwLTFjMjUtNGQwMi1iZjI1LTZ"
         "h"
         "ZWNjZjdlYTQxOSIsIndvcmtzcGFjZU1lbWJlcklkIjoiMjAyMDIwMjAtMDY4Ny00YzQxLWI3MDctZWQxYmZjYTk3M"
         "m"
         "E3IiwidXNlcldvcmtzcGFjZUlkIjoiMjAyMDIwMjAtOWUzYi00NmQ0LWE1NTYtODhiOWRkYzJiMDM1IiwidHlwZSI"
         "6"
         "IkFDQ0VTUyIsImF1dGhQcm92aWRlciI6InBhc3N3b3JkIiwiaXNJbXBlcnNvbmF0aW5nIjpmYWxzZSwiaWF0IjoxN"
         "z"
         "M1Njg5NjAwLCJleHAiOjE3MzU2OTE0MDB9.6K6-f6Fk-MZ7axebJGEDOK2UgB3L_1EBAP7CXXuhMcU",
         1735690000,
         {.type = "ACCESS",
          .sub = TIM,
          .user_id = TIM,
          .workspace_id = WS,
          .workspace_member_id = TIM_MEMBER,
          .user_workspace_id = TIM_USER_WS,
          .auth_provider = "password",
          .iat = 1735689600,
          .exp = 1735691400}},
        {"API key minted before 2025-12-12 (type API_KEY, ACCESS key)",
         "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
         "eyJzdWIiOiIyMDIwMjAyMC0xYzI1LTRkMDItYmYyNS02YWVjY2Y3ZWE0MTkiLCJ0eXBlIjoiQVBJX0tFWSIsIndvc"
         "m"
         "tzcGFjZUlkIjoiMjAyMDIwMjAtMWMyNS00ZDAyLWJmMjUtNmFlY2NmN2VhNDE5IiwiaWF0IjoxNzAwMDAwMDAwLCJ"
         "l"
         "eHAiOjQxMDI0NDQ4MDAsImp0aSI6IjIwMjAyMDIwLWY0MDEtNGQ4YS1hNzMxLTY0ZDAwN2MyN2JhZCJ9."
         "KJ7ewUIStxiV-Mtl86J7NB5cozfPuze5RAz0vzHRfqo",
         NOW,
         {.type = "API_KEY",
          .sub = WS,
          .workspace_id = WS,
          .jti = API_KEY_ID,
          .iat = 1700000000,
          .exp = 4102444800}},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_jwt_claims c;
        memset(&c, 0x55, sizeof(c));
        expect_ok(rows[i].token, SECRET, rows[i].now, &c, rows[i].name);
        const tc_jwt_claims *w = &rows[i].want;
        assert_string_equal(c.type, w->type);
        assert_string_equal(c.sub, w->sub);
        assert_string_equal(c.workspace_id, w->workspace_id);
        assert_string_equal(c.user_id, w->user_id);
        assert_string_equal(c.workspace_member_id, w->workspace_member_id);
        assert_string_equal(c.user_workspace_id, w->user_workspace_id);
        assert_string_equal(c.jti, w->jti);
        assert_string_equal(c.auth_provider, w->auth_provider);
        assert_string_equal(c.targeted_token_type, w->targeted_token_type);
        assert_int_equal(c.iat, w->iat);
        assert_int_equal(c.exp, w->exp);
        /* The same token under another APP_SECRET, and after its exp (+ leeway). */
        expect_fail(rows[i].token, SECRET "x", rows[i].now, TC_JWT_MSG_INVALID, rows[i].name);
        expect_fail(rows[i].token, SECRET, w->exp + TC_JWT_LEEWAY_S, TC_JWT_MSG_EXPIRED,
                    rows[i].name);
    }
}

/* tc_jwt_sign's output is fixed by its claims. This row was checked once with Python (hmac over
 * the first two segments with the key of test_key_derivation's first row, compare_digest). */
static void test_sign_fixed(void **state)
{
    (void)state;
    static const char want[] =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        "eyJzdWIiOiIyMDIwMjAyMC0xYzI1LTRkMDItYmYyNS02YWVjY2Y3ZWE0MTkiLCJ3b3Jrc3BhY2VJZCI6IjIwMjAyMD"
        "Iw"
        "LTFjMjUtNGQwMi1iZjI1LTZhZWNjZjdlYTQxOSIsInR5cGUiOiJBUElfS0VZIiwiaWF0IjoxNzM1Njg5NjAwLCJleH"
        "Ai"
        "OjQxMDI0NDQ4MDAsImp0aSI6IjIwMjAyMDIwLWY0MDEtNGQ4YS1hNzMxLTY0ZDAwN2MyN2JhZCJ9."
        "sCr_JX_4BJrcsW9LNi9s-qlnmnfMNqwz0geZ2kdbrPM";
    tc_jwt_claims c = {.type = "API_KEY",
                       .sub = WS,
                       .workspace_id = WS,
                       .jti = API_KEY_ID,
                       .iat = 1735689600,
                       .exp = 4102444800};
    tc_arena *a = tc_arena_new(1024);
    tc_err e = {0};
    char *tok = NULL;
    assert_int_equal(tc_jwt_sign(a, &c, SECRET, &tok, &e), 0);
    assert_string_equal(tok, want);
    tc_arena_free(a);
}

static void assert_claims_equal(const tc_jwt_claims *x, const tc_jwt_claims *y)
{
    assert_string_equal(x->type, y->type);
    assert_string_equal(x->sub, y->sub);
    assert_string_equal(x->workspace_id, y->workspace_id);
    assert_string_equal(x->user_id, y->user_id);
    assert_string_equal(x->workspace_member_id, y->workspace_member_id);
    assert_string_equal(x->user_workspace_id, y->user_workspace_id);
    assert_string_equal(x->jti, y->jti);
    assert_string_equal(x->auth_provider, y->auth_provider);
    assert_string_equal(x->targeted_token_type, y->targeted_token_type);
    assert_int_equal(x->iat, y->iat);
    assert_int_equal(x->exp, y->exp);
}

static void test_sign_round_trip(void **state)
{
    (void)state;
    static const tc_jwt_claims rows[] = {
        {.type = "API_KEY",
         .sub = WS,
         .workspace_id = WS,
         .jti = API_KEY_ID,
         .iat = NOW,
         .exp = NOW + 3600},
        {.type = "ACCESS",
         .sub = TIM,
         .user_id = TIM,
         .workspace_id = WS,
         .workspace_member_id = TIM_MEMBER,
         .user_workspace_id = TIM_USER_WS,
         .auth_provider = "password",
         .iat = NOW,
         .exp = NOW + 1800},
        /* Keyed by userId: no workspaceId. */
        {.type = "WORKSPACE_AGNOSTIC",
         .sub = TIM,
         .user_id = TIM,
         .auth_provider = "password",
         .iat = NOW,
         .exp = NOW + 1800},
        {.type = "REFRESH",
         .sub = TIM,
         .user_id = TIM,
         .jti = "0f9e7c1a-3b2d-4e5f-8a9b-0c1d2e3f4a5b",
         .targeted_token_type = "WORKSPACE_AGNOSTIC",
         .auth_provider = "password",
         .iat = NOW,
         .exp = NOW + 60 * 86400},
        /* LOGIN: sub is an e-mail; a quote and a backslash must survive JSON. No iat. */
        {.type = "LOGIN", .sub = "t\"i\\m@apple.dev", .workspace_id = WS, .exp = NOW + 900},
    };
    tc_arena *a = tc_arena_new(1024);
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_err e = {0};
        char *tok = NULL;
        tc_jwt_claims c;
        if (tc_jwt_sign(a, &rows[i], SECRET, &tok, &e) != 0)
            fail_msg("sign %s: %s (%s)", rows[i].type, e.message, e.detail);
        memset(&c, 0x55, sizeof(c));
        expect_ok(tok, SECRET, NOW, &c, rows[i].type);
        assert_claims_equal(&c, &rows[i]);
        /* Keyed by type: the same token under its type's key only. */
        char key[TC_JWT_KEY_LEN + 1];
        tc_jwt_key(SECRET, rows[i].workspace_id[0] ? rows[i].workspace_id : rows[i].user_id,
                   rows[i].type, key);
        assert_int_equal(tc_jwt_hs256_verify_raw(tok, key, TC_JWT_KEY_LEN), 0);
        expect_fail(tok, "another secret", NOW, TC_JWT_MSG_INVALID, rows[i].type);
    }
    tc_arena_free(a);
}

static void test_sign_rejects(void **state)
{
    (void)state;
    static const struct {
        const char *why;
        tc_jwt_claims c;
    } rows[] = {
        {"no type", {.workspace_id = WS, .exp = NOW}},
        {"lower-case type", {.type = "api_key", .workspace_id = WS, .exp = NOW}},
        {"neither workspaceId nor userId", {.type = "ACCESS", .sub = TIM, .exp = NOW}},
        {"workspaceId not a UUID", {.type = "ACCESS", .workspace_id = "apple", .exp = NOW}},
        {"jti not a UUID", {.type = "API_KEY", .workspace_id = WS, .jti = "1", .exp = NOW}},
        {"no exp", {.type = "API_KEY", .workspace_id = WS}},
    };
    tc_arena *a = tc_arena_new(1024);
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_err e = {0};
        char *tok = NULL;
        if (tc_jwt_sign(a, &rows[i].c, SECRET, &tok, &e) != -1)
            fail_msg("signed despite %s", rows[i].why);
        assert_int_equal(e.code, TC_E_INTERNAL);
        assert_null(tok);
    }
    tc_arena_free(a);
}

/* API_KEY tokens signed with the ACCESS key verify (Twenty's fallback); no other pairing does. */
static void test_key_fallback(void **state)
{
    (void)state;
    static const char api_payload[] =
        "{\"sub\":\"" WS "\",\"type\":\"API_KEY\",\"workspaceId\":\"" WS
        "\",\"iat\":1749990000,\"exp\":1750003600,\"jti\":\"" API_KEY_ID "\"}";
    static const char access_payload[] =
        "{\"sub\":\"" TIM "\",\"userId\":\"" TIM "\",\"workspaceId\":\"" WS
        "\",\"type\":\"ACCESS\",\"iat\":1749990000,\"exp\":1750003600}";
    static const struct {
        const char *payload, *key_type;
        int64_t now;
        const char *msg;
    } rows[] = {
        {api_payload, "API_KEY", NOW, NULL},
        {api_payload, "ACCESS", NOW, NULL},
        {api_payload, "ACCESS", 1750003600 + TC_JWT_LEEWAY_S, TC_JWT_MSG_EXPIRED},
        {api_payload, "REFRESH", NOW, TC_JWT_MSG_INVALID},
        {api_payload, "LOGIN", NOW, TC_JWT_MSG_INVALID},
        {access_payload, "ACCESS", NOW, NULL},
        {access_payload, "API_KEY", NOW, TC_JWT_MSG_INVALID}, /* no fallback the other way */
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char key[TC_JWT_KEY_LEN + 1], tok[1024], name[64];
        tc_jwt_claims c;
        tc_jwt_key(SECRET, WS, rows[i].key_type, key);
        forge(tok, sizeof(tok), "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", rows[i].payload, key);
        snprintf(name, sizeof(name), "row %zu (%s key)", i, rows[i].key_type);
        if (rows[i].msg)
            expect_fail(tok, SECRET, rows[i].now, rows[i].msg, name);
        else
            expect_ok(tok, SECRET, rows[i].now, &c, name);
    }
}

enum mutation {
    M_NONE,
    M_FLIP_SIG,     /* first signature character changed */
    M_SIG_NONCANON, /* last signature character with an unused bit set: same bytes */
    M_SIG_SHORT,    /* last signature character dropped */
    M_PAD,          /* '=' appended */
    M_PLUS,         /* a '-' of the payload turned into base64's '+' (via the first char) */
    M_SLASH,        /* ... or '/' */
    M_TWO_SEGMENTS, /* signature dropped with its dot */
    M_FOUR_SEGMENTS,
    M_EMPTY_HEADER,
    M_EMPTY_PAYLOAD,
    M_EMPTY_SIG,
    M_PAYLOAD_5_MOD_4, /* one character added to the payload segment: length % 4 == 1 */
};

static void mutate(char *tok, size_t cap, enum mutation m)
{
    char *p1 = strchr(tok, '.'), *p2 = strrchr(tok, '.');
    size_t n = strlen(tok);
    switch (m) {
    case M_NONE: break;
    case M_FLIP_SIG: p2[1] = p2[1] == 'A' ? 'B' : 'A'; break;
    case M_SIG_NONCANON: {
        /* 43 characters: the last carries 4 bits and 2 unused ones. */
        assert_int_equal(strlen(p2 + 1), 43);
        size_t v = (size_t)(strchr(alphabet, tok[n - 1]) - alphabet);
        tok[n - 1] = alphabet[v | 1];
        break;
    }
    case M_SIG_SHORT: tok[n - 1] = '\0'; break;
    case M_PAD:
        assert_true(n + 2 < cap);
        memcpy(tok + n, "=", 2);
        break;
    case M_PLUS: p1[1] = '+'; break;
    case M_SLASH: p1[1] = '/'; break;
    case M_TWO_SEGMENTS: *p2 = '\0'; break;
    case M_FOUR_SEGMENTS:
        assert_true(n + 4 < cap);
        memcpy(tok + n, ".abc", 5);
        break;
    case M_EMPTY_HEADER: memmove(tok, p1, strlen(p1) + 1); break;
    case M_EMPTY_PAYLOAD: memmove(p1 + 1, p2, strlen(p2) + 1); break;
    case M_EMPTY_SIG: p2[1] = '\0'; break;
    case M_PAYLOAD_5_MOD_4:
        /* The row's payload is 9 bytes: 12 characters, 13 with this one. */
        memmove(p2 + 1, p2, strlen(p2) + 1);
        *p2 = 'A';
        break;
    }
}

#define HDR "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
/* An API key payload; exp and iat around NOW. */
#define PAYLOAD_WITH(extra)                                                                        \
    "{\"sub\":\"" WS "\",\"type\":\"API_KEY\",\"workspaceId\":\"" WS "\",\"jti\":\"" API_KEY_ID    \
    "\"" extra "}"
#define GOOD PAYLOAD_WITH(",\"iat\":1749990000,\"exp\":1750003600")

static void test_rejections(void **state)
{
    (void)state;
    static const struct {
        const char *name, *header, *payload;
        const char *key_body; /* NULL: WS */
        enum mutation m;
        const char *msg; /* NULL: accepted */
    } rows[] = {
        {"baseline", HDR, GOOD, NULL, M_NONE, NULL},
        /* Header */
        {"alg none", "{\"alg\":\"none\",\"typ\":\"JWT\"}", GOOD, NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"alg none, empty signature", "{\"alg\":\"none\"}", GOOD, NULL, M_EMPTY_SIG,
         TC_JWT_MSG_INVALID},
        {"alg HS512", "{\"alg\":\"HS512\",\"typ\":\"JWT\"}", GOOD, NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"alg hs256", "{\"alg\":\"hs256\",\"typ\":\"JWT\"}", GOOD, NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"alg RS256", "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", GOOD, NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"alg ES256 with kid", "{\"alg\":\"ES256\",\"kid\":\"k1\"}", GOOD, NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"alg missing", "{\"typ\":\"JWT\"}", GOOD, NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"alg not a string", "{\"alg\":[\"HS256\"]}", GOOD, NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"alg twice", "{\"alg\":\"HS256\",\"alg\":\"none\"}", GOOD, NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"typ missing", "{\"alg\":\"HS256\"}", GOOD, NULL, M_NONE, NULL},
        {"typ JWE", "{\"alg\":\"HS256\",\"typ\":\"JWE\"}", GOOD, NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"typ null", "{\"alg\":\"HS256\",\"typ\":null}", GOOD, NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"crit", "{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}", GOOD, NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"header not JSON", "alg=HS256", GOOD, NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"header a JSON array", "[\"HS256\"]", GOOD, NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"header with trailing bytes", HDR "x", GOOD, NULL, M_NONE, TC_JWT_MSG_INVALID},
        /* Structure and alphabet */
        {"signature changed", HDR, GOOD, NULL, M_FLIP_SIG, TC_JWT_MSG_INVALID},
        {"signature non-canonical", HDR, GOOD, NULL, M_SIG_NONCANON, TC_JWT_MSG_INVALID},
        {"signature 31 bytes", HDR, GOOD, NULL, M_SIG_SHORT, TC_JWT_MSG_INVALID},
        {"padding", HDR, GOOD, NULL, M_PAD, TC_JWT_MSG_INVALID},
        {"base64 +", HDR, GOOD, NULL, M_PLUS, TC_JWT_MSG_INVALID},
        {"base64 /", HDR, GOOD, NULL, M_SLASH, TC_JWT_MSG_INVALID},
        {"two segments", HDR, GOOD, NULL, M_TWO_SEGMENTS, TC_JWT_MSG_INVALID},
        {"four segments", HDR, GOOD, NULL, M_FOUR_SEGMENTS, TC_JWT_MSG_INVALID},
        {"empty header", HDR, GOOD, NULL, M_EMPTY_HEADER, TC_JWT_MSG_INVALID},
        {"empty payload", HDR, GOOD, NULL, M_EMPTY_PAYLOAD, TC_JWT_MSG_INVALID},
        {"empty signature", HDR, GOOD, NULL, M_EMPTY_SIG, TC_JWT_MSG_INVALID},
        /* Payload */
        {"payload not base64 (length 1 mod 4)", HDR, "{\"a\":123}", NULL, M_PAYLOAD_5_MOD_4,
         TC_JWT_MSG_NO_PAYLOAD},
        {"payload not JSON", HDR, "sub=" WS, NULL, M_NONE, TC_JWT_MSG_NO_PAYLOAD},
        {"payload truncated JSON", HDR, "{\"sub\":\"" WS "\"", NULL, M_NONE, TC_JWT_MSG_NO_PAYLOAD},
        {"payload a JSON array", HDR, "[1,2]", NULL, M_NONE, TC_JWT_MSG_NO_PAYLOAD},
        {"payload a JSON string", HDR, "\"" WS "\"", NULL, M_NONE, TC_JWT_MSG_NO_PAYLOAD},
        {"payload with a duplicate key", HDR,
         PAYLOAD_WITH(",\"exp\":1750003600,\"exp\":4102444800"), NULL, M_NONE,
         TC_JWT_MSG_NO_PAYLOAD},
        /* Times (NOW = 1750000000, leeway 30 s) */
        {"exp = now - 31", HDR, PAYLOAD_WITH(",\"exp\":1749999969"), NULL, M_NONE,
         TC_JWT_MSG_EXPIRED},
        {"exp = now - 30", HDR, PAYLOAD_WITH(",\"exp\":1749999970"), NULL, M_NONE,
         TC_JWT_MSG_EXPIRED},
        {"exp = now - 29", HDR, PAYLOAD_WITH(",\"exp\":1749999971"), NULL, M_NONE, NULL},
        {"exp fractional, now - 29.5", HDR, PAYLOAD_WITH(",\"exp\":1749999970.5"), NULL, M_NONE,
         NULL},
        {"exp missing", HDR, PAYLOAD_WITH(",\"iat\":1749990000"), NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"exp a string", HDR, PAYLOAD_WITH(",\"exp\":\"1750003600\""), NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"exp null", HDR, PAYLOAD_WITH(",\"exp\":null"), NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"exp beyond 2^53", HDR, PAYLOAD_WITH(",\"exp\":9007199254740993"), NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"exp 1e300", HDR, PAYLOAD_WITH(",\"exp\":1e300"), NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"iat = now + 31", HDR, PAYLOAD_WITH(",\"iat\":1750000031,\"exp\":1750003600"), NULL,
         M_NONE, TC_JWT_MSG_INVALID},
        {"iat = now + 29", HDR, PAYLOAD_WITH(",\"iat\":1750000029,\"exp\":1750003600"), NULL,
         M_NONE, NULL},
        {"iat a string", HDR, PAYLOAD_WITH(",\"iat\":\"x\",\"exp\":1750003600"), NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"nbf = now + 31", HDR, PAYLOAD_WITH(",\"nbf\":1750000031,\"exp\":1750003600"), NULL,
         M_NONE, TC_JWT_MSG_INVALID},
        {"nbf = now + 29", HDR, PAYLOAD_WITH(",\"nbf\":1750000029,\"exp\":1750003600"), NULL,
         M_NONE, NULL},
        {"nbf a string", HDR, PAYLOAD_WITH(",\"nbf\":\"x\",\"exp\":1750003600"), NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"expired and not yet valid", HDR, PAYLOAD_WITH(",\"nbf\":1750000031,\"exp\":1700000000"),
         NULL, M_NONE, TC_JWT_MSG_INVALID},
        /* Claims */
        {"workspaceId not a UUID", HDR,
         "{\"type\":\"API_KEY\",\"workspaceId\":\"apple\",\"exp\":1750003600}", "apple", M_NONE,
         TC_JWT_MSG_INVALID},
        {"workspaceId empty", HDR, "{\"type\":\"API_KEY\",\"workspaceId\":\"\",\"exp\":1750003600}",
         "", M_NONE, TC_JWT_MSG_INVALID},
        {"workspaceId a number", HDR, "{\"type\":\"API_KEY\",\"workspaceId\":7,\"exp\":1750003600}",
         "7", M_NONE, TC_JWT_MSG_INVALID},
        {"workspaceId upper case (key from the token's spelling)", HDR,
         "{\"type\":\"API_KEY\",\"workspaceId\":\"20202020-1C25-4D02-BF25-6AECCF7EA419\","
         "\"exp\":1750003600}",
         "20202020-1C25-4D02-BF25-6AECCF7EA419", M_NONE, NULL},
        {"userId not a UUID", HDR,
         "{\"type\":\"WORKSPACE_AGNOSTIC\",\"userId\":\"tim\",\"exp\":1750003600}", "tim", M_NONE,
         TC_JWT_MSG_INVALID},
        {"neither workspaceId nor userId", HDR, "{\"type\":\"API_KEY\",\"exp\":1750003600}",
         "undefined", M_NONE, TC_JWT_MSG_INVALID},
        {"type missing", HDR, "{\"workspaceId\":\"" WS "\",\"exp\":1750003600}", NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"type lower case", HDR,
         "{\"type\":\"api_key\",\"workspaceId\":\"" WS "\",\"exp\":1750003600}", NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"jti not a UUID", HDR,
         "{\"type\":\"API_KEY\",\"workspaceId\":\"" WS "\",\"jti\":\"42\",\"exp\":1750003600}",
         NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"workspaceMemberId not a UUID", HDR,
         PAYLOAD_WITH(",\"workspaceMemberId\":\"x\",\"exp\":1750003600"), NULL, M_NONE,
         TC_JWT_MSG_INVALID},
        {"workspaceMemberId null (absent)", HDR,
         PAYLOAD_WITH(",\"workspaceMemberId\":null,\"exp\":1750003600"), NULL, M_NONE, NULL},
        {"userWorkspaceId a number", HDR, PAYLOAD_WITH(",\"userWorkspaceId\":1,\"exp\":1750003600"),
         NULL, M_NONE, TC_JWT_MSG_INVALID},
        {"sub an object", HDR,
         "{\"sub\":{},\"type\":\"API_KEY\",\"workspaceId\":\"" WS "\",\"exp\":1750003600}", NULL,
         M_NONE, TC_JWT_MSG_INVALID},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char key[TC_JWT_KEY_LEN + 1], tok[2048];
        tc_jwt_claims c;
        tc_jwt_key(SECRET, rows[i].key_body ? rows[i].key_body : WS, "API_KEY", key);
        forge(tok, sizeof(tok) - 8, rows[i].header, rows[i].payload, key);
        mutate(tok, sizeof(tok), rows[i].m);
        if (rows[i].msg)
            expect_fail(tok, SECRET, NOW, rows[i].msg, rows[i].name);
        else
            expect_ok(tok, SECRET, NOW, &c, rows[i].name);
    }
}

/* Tokens of up to TC_JWT_MAX_LEN characters are decoded; longer ones are not, even when well
 * formed and signed. */
static void test_size_bound(void **state)
{
    (void)state;
    enum { PAD_MAX = TC_JWT_MAX_LEN };
    char *payload = malloc(PAD_MAX + 256), *tok = malloc(2 * PAD_MAX);
    char key[TC_JWT_KEY_LEN + 1];
    int saw_fit = 0, saw_over = 0;
    assert_non_null(payload);
    assert_non_null(tok);
    tc_jwt_key(SECRET, WS, "API_KEY", key);
    for (size_t pad = 5950; pad < 6050; pad++) {
        int n = snprintf(payload, PAD_MAX + 256,
                         "{\"type\":\"API_KEY\",\"workspaceId\":\"" WS
                         "\",\"exp\":1750003600,\"pad\":\"%*s\"}",
                         (int)pad, "");
        assert_true(n > 0);
        forge(tok, 2 * PAD_MAX, HDR, payload, key);
        size_t len = strlen(tok);
        tc_jwt_claims c;
        if (len <= TC_JWT_MAX_LEN) {
            expect_ok(tok, SECRET, NOW, &c, "within the bound");
            saw_fit |= len > TC_JWT_MAX_LEN - 3;
        } else {
            tc_err e = {0};
            assert_int_equal(tc_jwt_verify(tok, SECRET, NOW, &c, &e), -1);
            assert_string_equal(e.message, TC_JWT_MSG_INVALID);
            assert_string_equal(e.detail, "jwt: token too long");
            saw_over |= len < TC_JWT_MAX_LEN + 4;
        }
    }
    assert_true(saw_fit);
    assert_true(saw_over);

    /* A megabyte of base64url: rejected without being read past the bound. */
    enum { BIG = 1 << 20 };
    char *big = malloc(BIG + 1);
    assert_non_null(big);
    memset(big, 'A', BIG);
    big[BIG] = '\0';
    expect_fail(big, SECRET, NOW, TC_JWT_MSG_INVALID, "1 MiB");
    free(big);
    free(payload);
    free(tok);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_b64url_vectors),  cmocka_unit_test(test_b64url_rejects),
        cmocka_unit_test(test_key_derivation),  cmocka_unit_test(test_rfc7515_a1),
        cmocka_unit_test(test_python_tokens),   cmocka_unit_test(test_sign_fixed),
        cmocka_unit_test(test_sign_round_trip), cmocka_unit_test(test_sign_rejects),
        cmocka_unit_test(test_key_fallback),    cmocka_unit_test(test_rejections),
        cmocka_unit_test(test_size_bound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
