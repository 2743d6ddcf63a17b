/* Error codes, declared once: code, HTTP status, and the code string clients see in Twenty's
 * error body ("code"), or NULL where Twenty sends none. Fallible functions return 0 or -1 and
 * fill a tc_err: a short stable message for the client, the detail for the log only. */
#ifndef TC_BASE_ERR_H
#define TC_BASE_ERR_H

#include "base/compiler.h"

#define TC_ERRORS(X)                                                                               \
    X(TC_E_BAD_REQUEST, 400, "BAD_REQUEST")                                                        \
    X(TC_E_MALFORMED, 400, NULL)                                                                   \
    X(TC_E_UNAUTHENTICATED, 401, "UNAUTHENTICATED")                                                \
    X(TC_E_FORBIDDEN, 403, "FORBIDDEN")                                                            \
    X(TC_E_NOT_FOUND, 404, "NOT_FOUND")                                                            \
    X(TC_E_ROUTE_NOT_FOUND, 404, NULL)                                                             \
    X(TC_E_CONFLICT, 409, "CONFLICT")                                                              \
    X(TC_E_TOO_MANY_REQUESTS, 429, "TOO_MANY_REQUESTS")                                            \
    X(TC_E_PAYLOAD_TOO_LARGE, 413, NULL)                                                           \
    X(TC_E_METADATA_VALIDATION, 400, "METADATA_VALIDATION_ERROR")                                  \
    X(TC_E_OBJECT_NOT_FOUND, 404, "OBJECT_METADATA_NOT_FOUND")                                     \
    X(TC_E_FIELD_NOT_FOUND, 404, "FIELD_METADATA_NOT_FOUND")                                       \
    X(TC_E_INTERNAL, 500, "INTERNAL_SERVER_ERROR")                                                 \
    X(TC_E_DB_UNAVAILABLE, 503, "SERVICE_UNAVAILABLE")                                             \
    X(TC_E_CONFIG, 500, NULL)                                                                      \
    X(TC_E_IO, 500, NULL)                                                                          \
    X(TC_E_MIGRATION, 500, NULL)

typedef enum tc_code {
    TC_OK = 0,
#define TC_ERR_ENUM(name, status, client) name,
    TC_ERRORS(TC_ERR_ENUM)
#undef TC_ERR_ENUM
} tc_code;

typedef struct tc_err {
    tc_code code;
    char sqlstate[6]; /* PostgreSQL SQLSTATE when the error came from the database, else "" */
    char reason[48];  /* a finer client code where Twenty has one (INVALID_OBJECT_INPUT), or "" */
    char constraint[64]; /* the constraint a database error names (class 23), or "" */
    char message[256];   /* for the client: short and stable */
    char detail[768];    /* for the log only */
} tc_err;

/* Fills e (when not NULL) with code and a formatted client message; clears sqlstate, reason and
 * detail.
 * Returns -1 so that a caller can write `return tc_err_set(e, ...);`. */
int tc_err_set(tc_err *e, tc_code code, const char *fmt, ...) TC_PRINTF(3, 4);
/* Sets the log-only detail of e (when not NULL). */
void tc_err_detail(tc_err *e, const char *fmt, ...) TC_PRINTF(2, 3);
void tc_err_clear(tc_err *e);

const char *tc_err_name(tc_code code);        /* "TC_E_BAD_REQUEST" */
int tc_err_status(tc_code code);              /* 400 */
const char *tc_err_client_code(tc_code code); /* "BAD_REQUEST" or NULL */

#endif
