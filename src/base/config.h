/* Settings: one declarative table (TC_SETTINGS) of name, type, default, bounds, flags and help.
 * Values come from the environment, then from an optional .env file in the working directory,
 * then the default. Twenty's names where Twenty has one; twentyc's own start with TWENTYC_. */
#ifndef TC_BASE_CONFIG_H
#define TC_BASE_CONFIG_H

#include <stdint.h>
#include <stdio.h>

#include "base/err.h"
#include "base/log.h"

/* Types: STR text, URL http(s) URL, PGURL postgres(ql):// URL, IDENT lower-case SQL identifier, INT
 * integer within [min, max], BYTES integer byte count within [min, max], DURATION `ms`-style text
 * held as milliseconds within [min, max], LEVEL a log level. Flags: TC_SECRET masks the value when
 * printed. 0 as default for HTTP threads and pool size means "derive it" (see help). */
#define TC_SECRET 1

#define TC_SETTINGS(X)                                                                             \
    X(pg_database_url, "PG_DATABASE_URL", PGURL, "", 0, 0, TC_SECRET,                              \
      "PostgreSQL URL (postgres://user:password@host:port/db). Unset: the embedded cluster in "    \
      "TWENTYC_DATA_DIR/pg")                                                                       \
    X(app_secret, "APP_SECRET", STR, "", 0, 0, TC_SECRET,                                          \
      "Secret that signs tokens; required with PG_DATABASE_URL, generated and kept in the data "   \
      "directory otherwise")                                                                       \
    X(node_port, "NODE_PORT", INT, "3000", 1, 65535, 0, "TCP port of the HTTP server")             \
    X(server_url, "SERVER_URL", URL, "", 0, 0, 0,                                                  \
      "Public URL of this server. Unset: http://localhost:NODE_PORT")                              \
    X(access_token_expires_in, "ACCESS_TOKEN_EXPIRES_IN", DURATION, "30m", 1000,                   \
      INT64_C(315360000000), 0, "Lifetime of access tokens (30m, 1h, 7d)")                         \
    X(refresh_token_expires_in, "REFRESH_TOKEN_EXPIRES_IN", DURATION, "60d", 1000,                 \
      INT64_C(315360000000), 0, "Lifetime of refresh tokens")                                      \
    X(log_level, "LOG_LEVEL", LEVEL, "log", 0, 0, 0,                                               \
      "error, warn, log (one line per request) or debug")                                          \
    X(data_dir, "TWENTYC_DATA_DIR", STR, "./.twentyc", 0, 0, 0,                                    \
      "Where the embedded PostgreSQL cluster and the generated APP_SECRET live")                   \
    X(http_threads, "TWENTYC_HTTP_THREADS", INT, "0", 0, 256, 0,                                   \
      "HTTP worker threads, each with its own event loop. 0: two per CPU core")                    \
    X(db_pool_size, "TWENTYC_DB_POOL_SIZE", INT, "0", 0, 1000, 0,                                  \
      "PostgreSQL connections the server keeps. 0: one per HTTP thread")                           \
    X(max_body_bytes, "TWENTYC_MAX_BODY_BYTES", BYTES, "10485760", 1024, INT64_C(1073741824), 0,   \
      "Largest request body accepted; larger ones get 413")                                        \
    X(http_timeout, "TWENTYC_HTTP_TIMEOUT", DURATION, "30s", 100, 3600000, 0,                      \
      "A connection silent this long while a request is read or idle is closed")                   \
    X(core_schema, "TWENTYC_CORE_SCHEMA", IDENT, "core", 0, 0, 0,                                  \
      "PostgreSQL schema of twentyc's own tables")                                                 \
    X(pg_bin_dir, "TWENTYC_PG_BIN_DIR", STR, "", 0, 0, 0,                                          \
      "Directory of initdb and postgres for the embedded cluster. Unset: the newest "              \
      "/usr/lib/postgresql/*/bin, else PATH")                                                      \
    X(mutation_max_records, "TWENTYC_MUTATION_MAX_RECORDS", INT, "10000", 1, 1000000, 0,           \
      "Most records one bulk update, delete, destroy or restore call may touch")                   \
    X(sql_log, "TWENTYC_SQL_LOG", STR, "", 0, 0, 0,                                                \
      "File to which each distinct SQL text sent is appended as a JSON line {\"sql\":...} "        \
      "(parameter values never); for the tests' grammar check. Unset: off")

#define TC_CTYPE_STR char *
#define TC_CTYPE_URL char *
#define TC_CTYPE_PGURL char *
#define TC_CTYPE_IDENT char *
#define TC_CTYPE_INT int64_t
#define TC_CTYPE_BYTES int64_t
#define TC_CTYPE_DURATION int64_t
#define TC_CTYPE_LEVEL tc_log_level

typedef enum tc_setting_id {
#define TC_SETTING_ID(field, name, type, def, min, max, flags, help) TC_SET_##field,
    TC_SETTINGS(TC_SETTING_ID)
#undef TC_SETTING_ID
        TC_SETTING_COUNT
} tc_setting_id;

typedef struct tc_config {
#define TC_SETTING_FIELD(field, name, type, def, min, max, flags, help) TC_CTYPE_##type field;
    TC_SETTINGS(TC_SETTING_FIELD)
#undef TC_SETTING_FIELD
    /* Where each value came from: "env", ".env", "default", or what a command set it from. */
    const char *source[TC_SETTING_COUNT];
    char *text[TC_SETTING_COUNT]; /* each value as text, as given or defaulted (heap) */
} tc_config;

/* Loads settings from env (a NULL-terminated NAME=VALUE array such as environ) and then from
 * dotenv (the text of a .env file, or NULL). 0, or -1 with e->message naming the variable and
 * what it expects (code TC_E_CONFIG). The caller owns c and frees it with tc_config_fini. */
int tc_config_load(tc_config *c, char *const *env, const char *dotenv, tc_err *e);

/* Loads from the process environment and ./.env if it exists. */
int tc_config_load_process(tc_config *c, tc_err *e);

void tc_config_fini(tc_config *c);

/* Replaces a string setting's value (e.g. a generated APP_SECRET) and records its source. */
void tc_config_set_str(tc_config *c, tc_setting_id id, const char *value, const char *source);

/* Prints every setting: name, value (secrets masked), source. */
void tc_config_print(const tc_config *c, FILE *out);

/* Prints the table of settings with type, default and help (for --help). */
void tc_config_print_help(FILE *out);

#endif
