/* Time-based one-time passwords (RFC 6238) as Twenty's two-factor authentication uses them:
 * otplib's `authenticator` defaults, i.e. HMAC-SHA1, 6 digits, 30 s steps, a base32 secret, and
 * otplib's otpauth:// provisioning URI. The HOTP arithmetic is liboath's; secrets and codes are
 * checked strictly here, and codes are compared in constant time. */
#ifndef TC_AUTH_TOTP_H
#define TC_AUTH_TOTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TC_TOTP_DIGITS 6
#define TC_TOTP_STEP_S 30
/* Steps accepted on each side of the current one. Twenty accepts only the current step (otplib's
 * default window 0; its TOTP_DEFAULT_CONFIGURATION.window = 3 is never applied); twentyc's login
 * allows one step of clock drift either way (RFC 6238 §5.2). */
#define TC_TOTP_WINDOW 1
#define TC_TOTP_SECRET_BYTES 20 /* 160 bits (RFC 4226 §4); Twenty's own secrets are 10 bytes */
#define TC_TOTP_SECRET_LEN 32   /* TC_TOTP_SECRET_BYTES in base32 */
#define TC_TOTP_SECRET_MIN_BYTES 10
#define TC_TOTP_SECRET_MAX_BYTES 64
#define TC_TOTP_ISSUER "Twenty" /* Twenty's issuer: "Twenty", or "Twenty - <workspace name>" */

/* The base32 text of n bytes: RFC 4648 §6 alphabet, upper case, no padding. */
#define TC_TOTP_B32_LEN(n) (((n)*8 + 4) / 5)

/* Writes the RFC 4648 base32 of p[0..n) (upper case, no '=' padding) and a NUL into out
 * (TC_TOTP_B32_LEN(n) + 1 bytes); returns the number of characters. */
size_t tc_totp_b32_encode(const void *p, size_t n, char *out);

/* Decodes len characters of text, which must be canonical unpadded base32 as tc_totp_b32_encode
 * writes it (A-Z and 2-7 only; a length that a whole number of bytes gives; unused trailing bits
 * zero), into out (cap bytes). Returns 0 with *n set, or -1 (nothing is promised about out). */
int tc_totp_b32_decode(const char *text, size_t len, void *out, size_t cap, size_t *n);

/* A new secret: TC_TOTP_SECRET_BYTES random bytes in base32 (TC_TOTP_SECRET_LEN characters) and a
 * NUL into out. Returns 0, or -1 when n < TC_TOTP_SECRET_LEN + 1. */
int tc_totp_secret(char *out, size_t n);

/* The provisioning URI for secret_b32, exactly as otplib's authenticator.keyuri(account, issuer,
 * secret) writes it:
 *   otpauth://totp/<issuer>:<account>?secret=<secret>&period=30&digits=6&algorithm=SHA1&issuer=<issuer>
 * where issuer and account are percent-encoded like JavaScript's encodeURIComponent (every byte
 * but A-Z a-z 0-9 - _ . ! ~ * ' ( ) becomes %XX). With issuer NULL or "", the label prefix is the
 * account and the issuer parameter is left out (as otplib does). Twenty passes the user's e-mail
 * and TC_TOTP_ISSUER, or TC_TOTP_ISSUER " - " and the workspace's display name when it has one.
 * Returns 0 with the NUL-terminated URI in out, or -1 when it does not fit in n bytes. */
int tc_totp_uri(const char *secret_b32, const char *account, const char *issuer, char *out,
                size_t n);

/* The TC_TOTP_DIGITS-digit code of secret_b32 for the step that contains Unix time t_s (>= 0) into
 * out (TC_TOTP_DIGITS + 1 bytes). Returns 0, or -1 when the secret is not canonical base32 of
 * TC_TOTP_SECRET_MIN_BYTES..TC_TOTP_SECRET_MAX_BYTES bytes, t_s < 0, or liboath fails. */
int tc_totp_generate(const char *secret_b32, int64_t t_s, char *out);

/* Whether code is the code of secret_b32 for the step containing now_s or one of the window
 * steps before or after it (window clamped to 0..10; TC_TOTP_WINDOW for logins). code must be
 * exactly TC_TOTP_DIGITS ASCII digits (otplib also refuses anything but digits). Every step of
 * the window is computed and compared in constant time, so the time taken does not say which
 * matched. false for a malformed secret or code, or now_s < 0. Thread-safe. */
bool tc_totp_verify(const char *secret_b32, const char *code, int64_t now_s, int window);

#endif
