/* HS256 JWTs with Twenty's key derivation (see jwt.h). A token is checked from the outside in:
 * size, segment structure and alphabet, header, payload, then the claims that choose the key,
 * the signature, the times and the remaining claims. Nothing is trusted before its signature
 * except what is needed to find the key. */
#include "auth/jwt.h"
#include "auth/jwt_int.h"

#include <jansson.h>
#include <math.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string.h>

#include "base/buf.h"
#include "base/die.h"
#include "base/hex.h"
#include "base/json.h"

#define SIG_LEN 32                  /* HMAC-SHA256 */
#define TIME_MAX ((int64_t)1 << 53) /* JavaScript's exact integers; keeps time arithmetic safe */
#define SEG_MAX (TC_JWT_MAX_LEN / 4 * 3) /* decoded size of any segment of a bounded token */

typedef struct jwt_tok {
    const char *seg[3]; /* header, payload, signature: base64url text inside the token */
    size_t len[3];
    json_t *header, *payload;
} jwt_tok;

static int invalid(tc_err *e, const char *why)
{
    tc_err_set(e, TC_E_UNAUTHENTICATED, "%s", TC_JWT_MSG_INVALID);
    tc_err_detail(e, "jwt: %s", why);
    return -1;
}

static int b64url_value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

size_t tc_jwt_b64url_encode(const void *p, size_t n, char *out)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const unsigned char *b = p;
    size_t o = 0, i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)b[i] << 16 | (uint32_t)b[i + 1] << 8 | b[i + 2];
        out[o++] = alphabet[v >> 18];
        out[o++] = alphabet[v >> 12 & 63];
        out[o++] = alphabet[v >> 6 & 63];
        out[o++] = alphabet[v & 63];
    }
    if (n - i == 1) {
        out[o++] = alphabet[b[i] >> 2];
        out[o++] = alphabet[(b[i] & 3) << 4];
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)b[i] << 8 | b[i + 1];
        out[o++] = alphabet[v >> 10];
        out[o++] = alphabet[v >> 4 & 63];
        out[o++] = alphabet[(v & 15) << 2];
    }
    out[o] = '\0';
    return o;
}

int tc_jwt_b64url_decode(const char *s, size_t n, unsigned char *out, size_t cap, size_t *outlen)
{
    if (n % 4 == 1 || n / 4 * 3 + (n % 4 ? n % 4 - 1 : 0) > cap)
        return -1;
    uint32_t acc = 0;
    unsigned bits = 0;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int v = b64url_value(s[i]);
        if (v < 0)
            return -1;
        acc = acc << 6 | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (unsigned char)(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    /* Left-over bits must be zero, or two texts would decode to the same bytes. */
    if (acc != 0)
        return -1;
    *outlen = o;
    return 0;
}

void tc_jwt_key(const char *app_secret, const char *body, const char *type, char *out)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    /* SHA-256 cannot fail short of running out of memory; a fallback key would be a known one. */
    if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) ||
        !EVP_DigestUpdate(ctx, app_secret, strlen(app_secret)) ||
        !EVP_DigestUpdate(ctx, body, strlen(body)) || !EVP_DigestUpdate(ctx, type, strlen(type)) ||
        !EVP_DigestFinal_ex(ctx, md, &mdlen) || mdlen != 32)
        tc_die("jwt: SHA-256 failed");
    EVP_MD_CTX_free(ctx);
    tc_hex_encode(md, mdlen, out);
    OPENSSL_cleanse(md, sizeof(md));
}

/* Splits token into its three segments; checks the size bound and the alphabet (which also rules
 * out padding). The segments are not decoded. */
static int split(const char *token, jwt_tok *t, tc_err *e)
{
    size_t n = strnlen(token, TC_JWT_MAX_LEN + 1);
    if (n > TC_JWT_MAX_LEN)
        return invalid(e, "token too long");
    size_t k = 0, start = 0;
    t->seg[0] = token;
    for (size_t i = 0; i < n; i++) {
        if (token[i] == '.') {
            if (k == 2)
                return invalid(e, "more than three segments");
            t->len[k++] = i - start;
            start = i + 1;
            t->seg[k] = token + start;
        } else if (b64url_value(token[i]) < 0) {
            return invalid(e, "character outside base64url");
        }
    }
    if (k != 2)
        return invalid(e, "fewer than three segments");
    t->len[2] = n - start;
    for (k = 0; k < 3; k++)
        if (t->len[k] == 0)
            return invalid(e, "empty segment");
    return 0;
}

static json_t *decode_object(const char *s, size_t n)
{
    unsigned char buf[SEG_MAX];
    size_t len;
    if (tc_jwt_b64url_decode(s, n, buf, sizeof(buf), &len) != 0)
        return NULL;
    json_error_t jerr;
    json_t *v = json_loadb((const char *)buf, len, JSON_REJECT_DUPLICATES, &jerr);
    if (v && !json_is_object(v)) {
        json_decref(v);
        return NULL;
    }
    return v;
}

/* split, then the header (alg pinned) and the payload as JSON objects; tok_fini frees them. */
static int parse(const char *token, jwt_tok *t, tc_err *e)
{
    if (split(token, t, e) != 0)
        return -1;
    t->header = decode_object(t->seg[0], t->len[0]);
    if (!t->header)
        return invalid(e, "header is not base64url of a JSON object");
    json_t *alg = json_object_get(t->header, "alg");
    if (!json_is_string(alg) || strcmp(json_string_value(alg), "HS256") != 0)
        return invalid(e, "alg is not HS256");
    json_t *typ = json_object_get(t->header, "typ");
    if (typ && !(json_is_string(typ) && strcmp(json_string_value(typ), "JWT") == 0))
        return invalid(e, "typ is not JWT");
    /* RFC 7515 §4.1.11: extensions we do not implement must make the token fail. */
    if (json_object_get(t->header, "crit"))
        return invalid(e, "crit header");
    t->payload = decode_object(t->seg[1], t->len[1]);
    if (!t->payload) {
        tc_err_set(e, TC_E_UNAUTHENTICATED, "%s", TC_JWT_MSG_NO_PAYLOAD);
        tc_err_detail(e, "jwt: payload is not base64url of a JSON object");
        return -1;
    }
    return 0;
}

static void tok_fini(jwt_tok *t)
{
    json_decref(t->header);
    json_decref(t->payload);
}

static int check_sig(const jwt_tok *t, const void *key, size_t keylen)
{
    unsigned char got[SIG_LEN], want[EVP_MAX_MD_SIZE];
    unsigned int wantlen = 0;
    size_t gotlen;
    if (keylen > INT32_MAX ||
        tc_jwt_b64url_decode(t->seg[2], t->len[2], got, sizeof(got), &gotlen) != 0 ||
        gotlen != SIG_LEN)
        return -1;
    /* The signed input is "<header>.<payload>" exactly as it appears in the token. */
    size_t signed_len = t->len[0] + 1 + t->len[1];
    if (!HMAC(EVP_sha256(), key, (int)keylen, (const unsigned char *)t->seg[0], signed_len, want,
              &wantlen) ||
        wantlen != SIG_LEN)
        return -1;
    return CRYPTO_memcmp(got, want, SIG_LEN) == 0 ? 0 : -1;
}

/* Numeric claim k: 1 when absent, 0 with *out set (rounded up, so that a fractional time is
 * compared as jsonwebtoken compares it with whole seconds), -1 when not a number within
 * ±2^53 (null included, as jsonwebtoken rejects it). */
static int num_claim(const json_t *o, const char *k, int64_t *out)
{
    json_t *v = json_object_get(o, k);
    if (!v)
        return 1;
    if (json_is_integer(v)) {
        json_int_t x = json_integer_value(v);
        if (x > TIME_MAX || x < -TIME_MAX)
            return -1;
        *out = (int64_t)x;
        return 0;
    }
    if (json_is_real(v)) {
        double d = json_real_value(v);
        if (!(d >= (double)-TIME_MAX && d <= (double)TIME_MAX))
            return -1;
        *out = (int64_t)ceil(d);
        return 0;
    }
    return -1;
}

/* exp is required; nbf and iat are optional. Order as jsonwebtoken's: a token that is both
 * malformed and expired is reported invalid. */
static int check_times(const json_t *p, int64_t now_s, int64_t *iat, int64_t *exp, tc_err *e)
{
    int64_t nbf = 0;
    int r_exp = num_claim(p, "exp", exp), r_nbf = num_claim(p, "nbf", &nbf),
        r_iat = num_claim(p, "iat", iat);
    if (r_exp > 0)
        return invalid(e, "no exp");
    if (r_exp < 0 || r_nbf < 0 || r_iat < 0)
        return invalid(e, "exp, nbf or iat is not a number");
    if (r_iat > 0)
        *iat = 0;
    if (r_nbf == 0 && nbf - TC_JWT_LEEWAY_S > now_s)
        return invalid(e, "not valid yet (nbf)");
    if (r_iat == 0 && *iat - TC_JWT_LEEWAY_S > now_s)
        return invalid(e, "issued in the future (iat)");
    if (now_s >= *exp + TC_JWT_LEEWAY_S) {
        tc_err_set(e, TC_E_UNAUTHENTICATED, "%s", TC_JWT_MSG_EXPIRED);
        tc_err_detail(e, "jwt: expired at %lld", (long long)*exp);
        return -1;
    }
    return 0;
}

/* String claim k into out (cap bytes): 1 and "" when absent or null, 0 when copied, -1 when not
 * a string or too long. */
static int str_claim(const json_t *o, const char *k, char *out, size_t cap)
{
    json_t *v = json_object_get(o, k);
    out[0] = '\0';
    if (!v || json_is_null(v))
        return 1;
    size_t n = json_is_string(v) ? json_string_length(v) : cap;
    if (n >= cap)
        return -1;
    /* jansson refuses \u0000 unless asked, so the string has no NUL inside. */
    memcpy(out, json_string_value(v), n + 1);
    return 0;
}

/* UUID claim k: raw gets the token's spelling (the key is derived from it), canon the lower-case
 * canonical form. 1 when absent, 0 when valid, -1 when present and not a UUID. */
static int uuid_claim(const json_t *o, const char *k, char *raw, char *canon)
{
    int r = str_claim(o, k, raw, TC_UUID_STR_LEN + 1);
    if (r != 0)
        return r;
    tc_uuid u;
    if (tc_uuid_parse(raw, strlen(raw), &u) != 0)
        return -1;
    tc_uuid_format(&u, canon);
    return 0;
}

static int valid_type(const char *type, size_t cap)
{
    size_t n = strnlen(type, cap);
    if (n == 0 || n == cap)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((type[i] >= 'A' && type[i] <= 'Z') || type[i] == '_'))
            return 0;
    return 1;
}

int tc_jwt_hs256_verify_raw(const char *token, const void *key, size_t keylen)
{
    jwt_tok t = {0};
    return split(token, &t, NULL) == 0 && check_sig(&t, key, keylen) == 0 ? 0 : -1;
}

int tc_jwt_verify_key(const char *token, const void *key, size_t keylen, int64_t now_s, tc_err *e)
{
    jwt_tok t = {0};
    int64_t iat, exp;
    int rc = -1;
    if (parse(token, &t, e) != 0)
        goto out;
    if (check_sig(&t, key, keylen) != 0) {
        invalid(e, "bad signature");
        goto out;
    }
    rc = check_times(t.payload, now_s, &iat, &exp, e);
out:
    tok_fini(&t);
    return rc;
}

int tc_jwt_verify(const char *token, const char *app_secret, int64_t now_s, tc_jwt_claims *out,
                  tc_err *e)
{
    jwt_tok t = {0};
    tc_jwt_claims c;
    char ws_raw[TC_UUID_STR_LEN + 1], user_raw[TC_UUID_STR_LEN + 1], key[TC_JWT_KEY_LEN + 1];
    char scratch[TC_UUID_STR_LEN + 1];
    int rc = -1;
    memset(&c, 0, sizeof(c));
    if (parse(token, &t, e) != 0)
        goto out;
    const json_t *p = t.payload;

    /* What the key is made of: type and workspaceId, else userId (Twenty: 'workspaceId' in
     * payload ? payload.workspaceId : payload.userId). */
    if (str_claim(p, "type", c.type, sizeof(c.type)) != 0 || !valid_type(c.type, sizeof(c.type))) {
        invalid(e, "type claim missing or malformed");
        goto out;
    }
    int r_ws = uuid_claim(p, "workspaceId", ws_raw, c.workspace_id);
    int r_user = uuid_claim(p, "userId", user_raw, c.user_id);
    if (r_ws < 0 || r_user < 0 || (r_ws > 0 && r_user > 0)) {
        invalid(e, "workspaceId/userId missing or not a UUID");
        goto out;
    }
    const char *body = r_ws == 0 ? ws_raw : user_raw;

    tc_jwt_key(app_secret, body, c.type, key);
    int sig = check_sig(&t, key, TC_JWT_KEY_LEN);
    if (sig != 0 && strcmp(c.type, "API_KEY") == 0) {
        tc_jwt_key(app_secret, body, "ACCESS", key);
        sig = check_sig(&t, key, TC_JWT_KEY_LEN);
    }
    OPENSSL_cleanse(key, sizeof(key));
    if (sig != 0) {
        invalid(e, "bad signature");
        goto out;
    }
    if (check_times(p, now_s, &c.iat, &c.exp, e) != 0)
        goto out;

    if (str_claim(p, "sub", c.sub, sizeof(c.sub)) < 0 ||
        uuid_claim(p, "workspaceMemberId", scratch, c.workspace_member_id) < 0 ||
        uuid_claim(p, "userWorkspaceId", scratch, c.user_workspace_id) < 0 ||
        uuid_claim(p, "jti", scratch, c.jti) < 0 ||
        str_claim(p, "authProvider", c.auth_provider, sizeof(c.auth_provider)) < 0 ||
        str_claim(p, "targetedTokenType", c.targeted_token_type, sizeof(c.targeted_token_type)) <
            0) {
        invalid(e, "malformed claim");
        goto out;
    }
    *out = c;
    rc = 0;
out:
    tok_fini(&t);
    return rc;
}

static int sign_error(tc_err *e, const char *why)
{
    tc_err_set(e, TC_E_INTERNAL, "Token could not be signed.");
    tc_err_detail(e, "jwt sign: %s", why);
    return -1;
}

static int uuid_ok(const char *s)
{
    tc_uuid u;
    size_t n = strnlen(s, TC_UUID_STR_LEN + 1);
    return n == 0 || tc_uuid_parse(s, n, &u) == 0;
}

static void put_str(tc_json *j, const char *key, const char *v, size_t cap)
{
    size_t n = strnlen(v, cap);
    if (n == 0)
        return;
    tc_json_key(j, key);
    tc_json_strn(j, v, n);
}

int tc_jwt_sign(tc_arena *a, const tc_jwt_claims *c, const char *app_secret, char **out, tc_err *e)
{
    static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    const size_t id = TC_UUID_STR_LEN + 1;
    if (!valid_type(c->type, sizeof(c->type)))
        return sign_error(e, "type missing or not A-Z/_");
    if (!uuid_ok(c->workspace_id) || !uuid_ok(c->user_id) || !uuid_ok(c->workspace_member_id) ||
        !uuid_ok(c->user_workspace_id) || !uuid_ok(c->jti))
        return sign_error(e, "malformed UUID claim");
    const char *body = c->workspace_id[0] ? c->workspace_id : c->user_id;
    if (!body[0])
        return sign_error(e, "neither workspaceId nor userId");
    if (c->exp == 0)
        return sign_error(e, "no exp");

    tc_buf b;
    tc_json j;
    tc_buf_init(&b, TC_JWT_MAX_LEN);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    put_str(&j, "sub", c->sub, sizeof(c->sub));
    put_str(&j, "userId", c->user_id, id);
    put_str(&j, "workspaceId", c->workspace_id, id);
    put_str(&j, "workspaceMemberId", c->workspace_member_id, id);
    put_str(&j, "userWorkspaceId", c->user_workspace_id, id);
    put_str(&j, "type", c->type, sizeof(c->type));
    put_str(&j, "authProvider", c->auth_provider, sizeof(c->auth_provider));
    put_str(&j, "targetedTokenType", c->targeted_token_type, sizeof(c->targeted_token_type));
    if (c->iat) {
        tc_json_key(&j, "iat");
        tc_json_int(&j, c->iat);
    }
    tc_json_key(&j, "exp");
    tc_json_int(&j, c->exp);
    put_str(&j, "jti", c->jti, id);
    tc_json_obj_end(&j);

    size_t hl = TC_B64URL_LEN(sizeof(header) - 1), pl = TC_B64URL_LEN(b.len);
    size_t total = hl + 1 + pl + 1 + TC_B64URL_LEN(SIG_LEN);
    if (!tc_json_ok(&j) || total > TC_JWT_MAX_LEN) {
        tc_buf_fini(&b);
        return sign_error(e, "token too long");
    }
    char *s = tc_arena_alloc(a, total + 1);
    tc_jwt_b64url_encode(header, sizeof(header) - 1, s);
    s[hl] = '.';
    tc_jwt_b64url_encode(b.data, b.len, s + hl + 1);
    s[hl + 1 + pl] = '.';
    tc_buf_fini(&b);

    char key[TC_JWT_KEY_LEN + 1];
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int maclen = 0;
    tc_jwt_key(app_secret, body, c->type, key);
    const unsigned char *ok = HMAC(EVP_sha256(), key, TC_JWT_KEY_LEN, (const unsigned char *)s,
                                   hl + 1 + pl, mac, &maclen);
    OPENSSL_cleanse(key, sizeof(key));
    if (!ok || maclen != SIG_LEN)
        return sign_error(e, "HMAC failed");
    tc_jwt_b64url_encode(mac, SIG_LEN, s + hl + 1 + pl + 1);
    *out = s;
    return 0;
}
