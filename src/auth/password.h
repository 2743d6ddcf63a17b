/* Passwords the way Twenty stores them: bcrypt, cost 10, "$2b$" hashes (Node's bcrypt package), so
 * a hash written by Twenty verifies here and the other way round. Twenty's one password rule
 * (8 to 50 characters) and a small fixed pool of threads that bounds how many bcrypt computations
 * (about 50 ms of CPU each) run at once, so a burst of logins cannot take every core. */
#ifndef TC_AUTH_PASSWORD_H
#define TC_AUTH_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"

#define TC_PASSWORD_HASH_LEN 60 /* "$2b$10$" + 22 salt + 31 hash characters */
#define TC_PASSWORD_COST 10     /* Twenty's saltRounds */
#define TC_PASSWORD_MIN_LEN 8   /* Twenty's PASSWORD_REGEX /^.{8,50}$/, in UTF-16 code units */
#define TC_PASSWORD_MAX_LEN 50
#define TC_PASSWORD_POOL_QUEUE 64 /* requests waiting for a pool thread before callers block */

/* Twenty's messages: a password refused by the rule (AuthExceptionCode.INVALID_INPUT, GraphQL
 * BAD_USER_INPUT) and a password that does not match (FORBIDDEN_EXCEPTION; the caller's). */
#define TC_PASSWORD_MSG_TOO_WEAK "Password too weak"
#define TC_PASSWORD_MSG_WRONG "Wrong password"

/* Checks password against Twenty's rule, JavaScript's /^.{8,50}$/: 8 to 50 UTF-16 code units
 * (a character outside the BMP counts 2) and no line terminator (LF, CR, U+2028, U+2029), which
 * `.` does not match. password must be valid UTF-8.
 * Returns 0, or -1 with e = TC_E_BAD_REQUEST, message TC_PASSWORD_MSG_TOO_WEAK and a detail that
 * says which part failed (never the password). */
int tc_password_check(const char *password, tc_err *e);

/* Hashes password with bcrypt "$2b$", cost TC_PASSWORD_COST and 16 fresh random salt bytes into
 * out (n >= TC_PASSWORD_HASH_LEN + 1 bytes), NUL-terminated. Does not apply the rule: call
 * tc_password_check first. As in every bcrypt, only the first 72 bytes of password count.
 * Runs bcrypt on the calling thread: request handlers use tc_password_pool_hash.
 * Returns 0, or -1 with e = TC_E_INTERNAL (out too small, or libcrypt refused). */
int tc_password_hash(const char *password, char *out, size_t n, tc_err *e);

/* Whether password matches hash, a bcrypt hash "$2a$", "$2b$" or "$2y$" with a two-digit cost
 * 04..31 and 53 characters of bcrypt's base 64 (exactly TC_PASSWORD_HASH_LEN in all). The
 * computed hash is compared with the stored one in constant time. false for NULL or a malformed
 * hash, without running bcrypt. Runs on the calling thread: request handlers use
 * tc_password_pool_verify. */
bool tc_password_verify(const char *password, const char *hash);

/* A fixed, valid "$2b$10$" hash of a password nobody knows, to verify against when the e-mail is
 * unknown, so that an unknown e-mail and a wrong password take the same time. Static storage. */
const char *tc_password_dummy_hash(void);

/* A fixed-size pool of threads that run bcrypt for request threads. Callers block until their
 * computation is done; at most `threads` computations run at once. When TC_PASSWORD_POOL_QUEUE
 * requests are already waiting, a new caller blocks until there is room (no error: a login
 * burst is slowed down, never refused here; rate limiting is the caller's). */
typedef struct tc_password_pool tc_password_pool;

/* Starts a pool of threads threads (clamped to 1..64). Aborts when a thread cannot be created. */
tc_password_pool *tc_password_pool_new(int threads);

/* Lets the threads finish the requests already queued, joins them and frees the pool. No call may
 * be in progress or start on p once this is called. NULL is a no-op. */
void tc_password_pool_free(tc_password_pool *p);

/* tc_password_verify(password, hash) on a pool thread; *ok receives the result. The strings must
 * stay valid until the call returns (they are not copied). Returns 0, or -1 with e = TC_E_INTERNAL
 * when the pool is being freed. */
int tc_password_pool_verify(tc_password_pool *p, const char *password, const char *hash, bool *ok,
                            tc_err *e);

/* tc_password_hash(password, out, n, e) on a pool thread; same contract and errors, plus
 * TC_E_INTERNAL when the pool is being freed. */
int tc_password_pool_hash(tc_password_pool *p, const char *password, char *out, size_t n,
                          tc_err *e);

#endif
