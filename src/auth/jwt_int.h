/* jwt.c's lower layers, for its tests: strict base64url and HS256 over a caller-given key, with
 * none of Twenty's key derivation or claim rules (so RFC 7515's examples can be checked). */
#ifndef TC_AUTH_JWT_INT_H
#define TC_AUTH_JWT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/* Characters of the unpadded base64url form of n bytes. */
#define TC_B64URL_LEN(n) ((n) / 3 * 4 + ((n) % 3 ? (n) % 3 + 1 : 0))

/* Unpadded base64url (RFC 4648 §5) of p[0..n) and a NUL into out (TC_B64URL_LEN(n) + 1 bytes);
 * returns the length written. */
size_t tc_jwt_b64url_encode(const void *p, size_t n, char *out);

/* Decodes exactly n characters of s into out (at most cap bytes), setting *outlen. Strict: only
 * A-Z a-z 0-9 - _, no padding, n % 4 != 1, unused trailing bits zero (one encoding per value).
 * Returns 0, or -1 when malformed or longer than cap. */
int tc_jwt_b64url_decode(const char *s, size_t n, unsigned char *out, size_t cap, size_t *outlen);

/* 0 when the third segment of token (NUL-terminated, three segments) is the canonical base64url
 * of HMAC-SHA256(key, "<segment 1>.<segment 2>"), compared in constant time; else -1. Checks
 * only the structure and the signature, not the header. */
int tc_jwt_hs256_verify_raw(const char *token, const void *key, size_t keylen);

/* tc_jwt_verify's checks of structure, header, payload, signature (with key) and times, without
 * Twenty's key derivation and claim rules. Returns 0 or -1 with the same messages. */
int tc_jwt_verify_key(const char *token, const void *key, size_t keylen, int64_t now_s, tc_err *e);

#endif
