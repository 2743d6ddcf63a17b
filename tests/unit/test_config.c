/* Unit tests for settings (base/config.h): defaults, env over .env, .env syntax, validation errors
 * naming the variable, durations in ms, the derived SERVER_URL, and secrets masked when printed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/config.h"

/* Loads into a zeroed c; the caller always calls tc_config_fini, even after a failure. */
static int load(tc_config *c, char *const *env, const char *dotenv, tc_err *e)
{
    memset(c, 0, sizeof *c);
    memset(e, 0, sizeof *e);
    return tc_config_load(c, env, dotenv, e);
}

static char *const no_env[] = {NULL};

static void test_defaults(void **state)
{
    (void)state;
    tc_config c;
    tc_err e;
    if (load(&c, no_env, NULL, &e) != 0)
        fail_msg("load with nothing set failed: %s", e.message);
    assert_int_equal(c.node_port, 3000);
    assert_int_equal(c.access_token_expires_in, 1800000);
    assert_int_equal(c.refresh_token_expires_in, INT64_C(5184000000));
    assert_int_equal(c.log_level, TC_LOG_LOG);
    assert_string_equal(c.data_dir, "./.twentyc");
    assert_int_equal(c.http_threads, 0);
    assert_int_equal(c.db_pool_size, 0);
    assert_int_equal(c.max_body_bytes, 10485760);
    assert_int_equal(c.http_timeout, 30000);
    assert_string_equal(c.core_schema, "core");
    assert_true(c.pg_database_url == NULL || c.pg_database_url[0] == '\0');
    assert_true(c.app_secret == NULL || c.app_secret[0] == '\0');
    assert_string_equal(c.server_url, "http://localhost:3000");

    /* Every setting says it is a default, and its text is the table's default. */
    static const struct {
        tc_setting_id id;
        const char *name, *def;
    } rows[] = {
#define ROW(field, name, type, def, min, max, flags, help) {TC_SET_##field, name, def},
        TC_SETTINGS(ROW)
#undef ROW
    };
    assert_int_equal(TC_COUNT(rows), TC_SETTING_COUNT);
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        const char *src = c.source[rows[i].id];
        if (!src || strcmp(src, "default") != 0)
            fail_msg("%s: source \"%s\", want \"default\"", rows[i].name, src ? src : "(null)");
        if (rows[i].id == TC_SET_server_url)
            continue; /* derived from NODE_PORT */
        const char *text = c.text[rows[i].id];
        if (!(text ? strcmp(text, rows[i].def) == 0 : rows[i].def[0] == '\0'))
            fail_msg("%s: text \"%s\", want \"%s\"", rows[i].name, text ? text : "(null)",
                     rows[i].def);
    }
    tc_config_fini(&c);

    /* NULL dotenv and an empty one are the same. */
    assert_int_equal(load(&c, no_env, "", &e), 0);
    assert_int_equal(c.node_port, 3000);
    assert_string_equal(c.source[TC_SET_node_port], "default");
    tc_config_fini(&c);
}

static void test_env_wins_over_dotenv(void **state)
{
    (void)state;
    char *const env[] = {"NODE_PORT=4000", "TWENTYC_DATA_DIR=/from/env", NULL};
    const char *dotenv = "NODE_PORT=5000\nLOG_LEVEL=debug\nTWENTYC_DATA_DIR=/from/dotenv\n";
    tc_config c;
    tc_err e;
    if (load(&c, env, dotenv, &e) != 0)
        fail_msg("load failed: %s", e.message);
    assert_int_equal(c.node_port, 4000);
    assert_string_equal(c.source[TC_SET_node_port], "env");
    assert_string_equal(c.text[TC_SET_node_port], "4000");
    assert_string_equal(c.data_dir, "/from/env");
    assert_string_equal(c.source[TC_SET_data_dir], "env");
    assert_int_equal(c.log_level, TC_LOG_DEBUG);
    assert_string_equal(c.source[TC_SET_log_level], ".env");
    assert_string_equal(c.text[TC_SET_log_level], "debug");
    assert_string_equal(c.source[TC_SET_core_schema], "default");
    tc_config_fini(&c);
}

static void test_dotenv_syntax(void **state)
{
    (void)state;
    /* dotenv's rules (the npm package Twenty loads .env with). */
    static const struct {
        const char *dotenv, *want;
    } rows[] = {
        {"TWENTYC_DATA_DIR=/a", "/a"},
        {"# comment\n\nTWENTYC_DATA_DIR=/b\n\n# another\n", "/b"},
        {"   # indented comment\n  TWENTYC_DATA_DIR=/c\n", "/c"},
        {"export TWENTYC_DATA_DIR=/d\n", "/d"},
        {"TWENTYC_DATA_DIR='/e f'\n", "/e f"},
        {"TWENTYC_DATA_DIR=\"/g h\"\n", "/g h"},
        {"TWENTYC_DATA_DIR = /i\n", "/i"},
        {"TWENTYC_DATA_DIR= /j\n", "/j"},
        {"TWENTYC_DATA_DIR =/k\n", "/k"},
        {"TWENTYC_DATA_DIR=/l   \n", "/l"}, /* unquoted values are trimmed */
        {"TWENTYC_DATA_DIR=\"/m#n\"\n", "/m#n"},
        {"TWENTYC_DATA_DIR='say \"hi\"'\n", "say \"hi\""},
        {"TWENTYC_DATA_DIR=/o=p\n", "/o=p"},
        {"TWENTYC_DATA_DIR=/q\r\n", "/q"}, /* CRLF line ends */
        {"FOO=bar\nUNKNOWN_THING=1\nnode_port=1\nTWENTYC_DATA_DIR=/r\n", "/r"},
        {"TWENTYC_DATA_DIR_X=/wrong\nTWENTYC_DATA_DIR=/s\n", "/s"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_config c;
        tc_err e;
        int rc = load(&c, no_env, rows[i].dotenv, &e);
        if (rc != 0)
            fail_msg("row %zu: load failed: %s", i, e.message);
        if (!c.data_dir || strcmp(c.data_dir, rows[i].want) != 0)
            fail_msg("row %zu: want \"%s\", got \"%s\"", i, rows[i].want,
                     c.data_dir ? c.data_dir : "(null)");
        assert_string_equal(c.source[TC_SET_data_dir], ".env");
        assert_int_equal(c.node_port, 3000); /* node_port=1 is not NODE_PORT */
        tc_config_fini(&c);
    }

    /* Quoted secret with spaces, '$' and '='. */
    tc_config c;
    tc_err e;
    assert_int_equal(load(&c, no_env, "APP_SECRET='a b$c=d'\n", &e), 0);
    assert_string_equal(c.app_secret, "a b$c=d");
    assert_string_equal(c.source[TC_SET_app_secret], ".env");
    tc_config_fini(&c);
}

static void test_unknown_env_ignored(void **state)
{
    (void)state;
    char *const env[] = {"PATH=/usr/bin:/bin",
                         "HOME=/root",
                         "NODE_PORTX=1",
                         "node_port=2",
                         "XNODE_PORT=3",
                         "EMPTY=",
                         NULL};
    tc_config c;
    tc_err e;
    assert_int_equal(load(&c, env, NULL, &e), 0);
    assert_int_equal(c.node_port, 3000);
    assert_string_equal(c.source[TC_SET_node_port], "default");
    tc_config_fini(&c);
}

static void test_errors(void **state)
{
    (void)state;
    static const struct {
        const char *env, *name;
    } rows[] = {
        {"NODE_PORT=abc", "NODE_PORT"},
        {"NODE_PORT=0", "NODE_PORT"},
        {"NODE_PORT=70000", "NODE_PORT"},
        {"NODE_PORT=65536", "NODE_PORT"},
        {"NODE_PORT=-1", "NODE_PORT"},
        {"NODE_PORT=1.5", "NODE_PORT"},
        {"NODE_PORT=80abc", "NODE_PORT"},
        {"PG_DATABASE_URL=not-a-url", "PG_DATABASE_URL"},
        {"SERVER_URL=localhost:3000", "SERVER_URL"},
        {"LOG_LEVEL=loud", "LOG_LEVEL"},
        {"ACCESS_TOKEN_EXPIRES_IN=forever", "ACCESS_TOKEN_EXPIRES_IN"},
        {"ACCESS_TOKEN_EXPIRES_IN=999", "ACCESS_TOKEN_EXPIRES_IN"}, /* below 1000 ms */
        {"ACCESS_TOKEN_EXPIRES_IN=-5m", "ACCESS_TOKEN_EXPIRES_IN"},
        {"REFRESH_TOKEN_EXPIRES_IN=3651d", "REFRESH_TOKEN_EXPIRES_IN"}, /* above 315360000000 */
        {"REFRESH_TOKEN_EXPIRES_IN=10y", "REFRESH_TOKEN_EXPIRES_IN"},   /* 315576000000 */
        {"TWENTYC_MAX_BODY_BYTES=12", "TWENTYC_MAX_BODY_BYTES"},        /* below 1024 */
        {"TWENTYC_MAX_BODY_BYTES=1023", "TWENTYC_MAX_BODY_BYTES"},
        {"TWENTYC_MAX_BODY_BYTES=1073741825", "TWENTYC_MAX_BODY_BYTES"},
        {"TWENTYC_MAX_BODY_BYTES=lots", "TWENTYC_MAX_BODY_BYTES"},
        {"TWENTYC_HTTP_THREADS=257", "TWENTYC_HTTP_THREADS"},
        {"TWENTYC_HTTP_THREADS=-1", "TWENTYC_HTTP_THREADS"},
        {"TWENTYC_DB_POOL_SIZE=1001", "TWENTYC_DB_POOL_SIZE"},
        {"TWENTYC_HTTP_TIMEOUT=99", "TWENTYC_HTTP_TIMEOUT"},
        {"TWENTYC_HTTP_TIMEOUT=2h", "TWENTYC_HTTP_TIMEOUT"},
        {"TWENTYC_CORE_SCHEMA=Core;drop", "TWENTYC_CORE_SCHEMA"},
        {"TWENTYC_CORE_SCHEMA=Core", "TWENTYC_CORE_SCHEMA"},
        {"TWENTYC_CORE_SCHEMA=1core", "TWENTYC_CORE_SCHEMA"},
        {"TWENTYC_CORE_SCHEMA=core-x", "TWENTYC_CORE_SCHEMA"},
        {"TWENTYC_CORE_SCHEMA=core x", "TWENTYC_CORE_SCHEMA"},
        {"TWENTYC_CORE_SCHEMA=\"core\"", "TWENTYC_CORE_SCHEMA"}, /* env values are not unquoted */
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char *const env[] = {(char *)rows[i].env, NULL};
        tc_config c;
        tc_err e;
        int rc = load(&c, env, NULL, &e);
        if (rc != -1)
            fail_msg("%s: want -1, got %d", rows[i].env, rc);
        if (e.code != TC_E_CONFIG)
            fail_msg("%s: code %s, want TC_E_CONFIG", rows[i].env, tc_err_name(e.code));
        if (!strstr(e.message, rows[i].name))
            fail_msg("%s: message \"%s\" does not name %s", rows[i].env, e.message, rows[i].name);
        tc_config_fini(&c);
    }
}

static void test_errors_from_dotenv(void **state)
{
    (void)state;
    static const struct {
        const char *dotenv, *name;
    } rows[] = {
        {"NODE_PORT=abc\n", "NODE_PORT"},
        {"# ok\nTWENTYC_CORE_SCHEMA=\"Core;drop\"\n", "TWENTYC_CORE_SCHEMA"},
        {"LOG_LEVEL='loud'\n", "LOG_LEVEL"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_config c;
        tc_err e;
        int rc = load(&c, no_env, rows[i].dotenv, &e);
        if (rc != -1 || e.code != TC_E_CONFIG || !strstr(e.message, rows[i].name))
            fail_msg("row %zu: rc %d, code %s, message \"%s\"", i, rc, tc_err_name(e.code),
                     e.message);
        tc_config_fini(&c);
    }
}

static void test_error_hides_secret(void **state)
{
    (void)state;
    /* A malformed secret URL is reported without echoing its password (errors get logged). */
    char *const env[] = {"PG_DATABASE_URL=postgres://u:hunter2@h:99999/db", NULL};
    tc_config c;
    tc_err e;
    assert_int_equal(load(&c, env, NULL, &e), -1);
    assert_non_null(strstr(e.message, "PG_DATABASE_URL"));
    assert_null(strstr(e.message, "hunter2"));
    assert_null(strstr(e.detail, "hunter2"));
    tc_config_fini(&c);
}

static void test_valid_values(void **state)
{
    (void)state;
    static const struct {
        const char *env;
        size_t off;
        int64_t want;
    } rows[] = {
        {"NODE_PORT=1", offsetof(tc_config, node_port), 1},
        {"NODE_PORT=65535", offsetof(tc_config, node_port), 65535},
        {"NODE_PORT=8080", offsetof(tc_config, node_port), 8080},
        {"TWENTYC_HTTP_THREADS=256", offsetof(tc_config, http_threads), 256},
        {"TWENTYC_DB_POOL_SIZE=1000", offsetof(tc_config, db_pool_size), 1000},
        {"TWENTYC_MAX_BODY_BYTES=1024", offsetof(tc_config, max_body_bytes), 1024},
        {"TWENTYC_MAX_BODY_BYTES=1073741824", offsetof(tc_config, max_body_bytes), 1073741824},
        {"ACCESS_TOKEN_EXPIRES_IN=30m", offsetof(tc_config, access_token_expires_in), 1800000},
        {"ACCESS_TOKEN_EXPIRES_IN=1s", offsetof(tc_config, access_token_expires_in), 1000},
        {"ACCESS_TOKEN_EXPIRES_IN=1000", offsetof(tc_config, access_token_expires_in), 1000},
        {"ACCESS_TOKEN_EXPIRES_IN=1h", offsetof(tc_config, access_token_expires_in), 3600000},
        {"REFRESH_TOKEN_EXPIRES_IN=7d", offsetof(tc_config, refresh_token_expires_in), 604800000},
        {"REFRESH_TOKEN_EXPIRES_IN=3650d", offsetof(tc_config, refresh_token_expires_in),
         INT64_C(315360000000)},
        {"TWENTYC_HTTP_TIMEOUT=100", offsetof(tc_config, http_timeout), 100},
        {"TWENTYC_HTTP_TIMEOUT=1h", offsetof(tc_config, http_timeout), 3600000},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char *const env[] = {(char *)rows[i].env, NULL};
        tc_config c;
        tc_err e;
        if (load(&c, env, NULL, &e) != 0)
            fail_msg("%s: load failed: %s", rows[i].env, e.message);
        int64_t got = *(const int64_t *)(const void *)((const char *)&c + rows[i].off);
        if (got != rows[i].want)
            fail_msg("%s: want %lld, got %lld", rows[i].env, (long long)rows[i].want,
                     (long long)got);
        tc_config_fini(&c);
    }
}

static void test_valid_strings(void **state)
{
    (void)state;
    static const struct {
        const char *env;
        tc_setting_id id;
        const char *want;
    } rows[] = {
        {"TWENTYC_CORE_SCHEMA=core_2", TC_SET_core_schema, "core_2"},
        {"TWENTYC_CORE_SCHEMA=_core", TC_SET_core_schema, "_core"},
        {"TWENTYC_CORE_SCHEMA=c", TC_SET_core_schema, "c"},
        {"PG_DATABASE_URL=postgres://u:p@localhost:5432/twenty", TC_SET_pg_database_url,
         "postgres://u:p@localhost:5432/twenty"},
        {"SERVER_URL=https://crm.example.com", TC_SET_server_url, "https://crm.example.com"},
        {"APP_SECRET=s3cr3t", TC_SET_app_secret, "s3cr3t"},
        {"TWENTYC_PG_BIN_DIR=/usr/lib/postgresql/16/bin", TC_SET_pg_bin_dir,
         "/usr/lib/postgresql/16/bin"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char *const env[] = {(char *)rows[i].env, NULL};
        tc_config c;
        tc_err e;
        if (load(&c, env, NULL, &e) != 0)
            fail_msg("%s: load failed: %s", rows[i].env, e.message);
        const char *got = NULL;
        switch (rows[i].id) {
        case TC_SET_core_schema: got = c.core_schema; break;
        case TC_SET_pg_database_url: got = c.pg_database_url; break;
        case TC_SET_server_url: got = c.server_url; break;
        case TC_SET_app_secret: got = c.app_secret; break;
        case TC_SET_pg_bin_dir: got = c.pg_bin_dir; break;
        default: fail_msg("row %zu: no field", i);
        }
        assert_non_null(got);
        assert_string_equal(got, rows[i].want);
        assert_string_equal(c.text[rows[i].id], rows[i].want);
        assert_string_equal(c.source[rows[i].id], "env");
        tc_config_fini(&c);
    }
}

static void test_log_levels(void **state)
{
    (void)state;
    static const struct {
        const char *env;
        tc_log_level want;
    } rows[] = {
        {"LOG_LEVEL=error", TC_LOG_ERROR},
        {"LOG_LEVEL=warn", TC_LOG_WARN},
        {"LOG_LEVEL=log", TC_LOG_LOG},
        {"LOG_LEVEL=debug", TC_LOG_DEBUG},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char *const env[] = {(char *)rows[i].env, NULL};
        tc_config c;
        tc_err e;
        assert_int_equal(load(&c, env, NULL, &e), 0);
        assert_int_equal(c.log_level, rows[i].want);
        tc_config_fini(&c);
    }
}

static void test_server_url_default(void **state)
{
    (void)state;
    tc_config c;
    tc_err e;

    char *const env[] = {"NODE_PORT=4321", NULL};
    assert_int_equal(load(&c, env, NULL, &e), 0);
    assert_string_equal(c.server_url, "http://localhost:4321");
    tc_config_fini(&c);

    assert_int_equal(load(&c, no_env, "NODE_PORT=4322\n", &e), 0);
    assert_string_equal(c.server_url, "http://localhost:4322");
    tc_config_fini(&c);

    char *const env2[] = {"NODE_PORT=4323", "SERVER_URL=https://crm.example.com/", NULL};
    assert_int_equal(load(&c, env2, NULL, &e), 0);
    assert_string_equal(c.server_url, "https://crm.example.com/");
    assert_string_equal(c.source[TC_SET_server_url], "env");
    tc_config_fini(&c);
}

static char *print_config(const tc_config *c)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    tc_config_print(c, f);
    assert_int_equal(fclose(f), 0);
    assert_non_null(text);
    return text;
}

static void test_print_masks_secrets(void **state)
{
    (void)state;
    char *const env[] = {"APP_SECRET=supersecret", "PG_DATABASE_URL=postgres://u:hunter2@h/db",
                         NULL};
    tc_config c;
    tc_err e;
    assert_int_equal(load(&c, env, NULL, &e), 0);
    char *text = print_config(&c);
    if (strstr(text, "supersecret") || strstr(text, "hunter2"))
        fail_msg("secret printed:\n%s", text);
        /* Every setting is listed, with the values that are not secret. */
#define HAS_NAME(field, name, type, def, min, max, flags, help) assert_non_null(strstr(text, name));
    TC_SETTINGS(HAS_NAME)
#undef HAS_NAME
    assert_non_null(strstr(text, "3000"));
    assert_non_null(strstr(text, "./.twentyc"));
    free(text);

    /* The same from .env, and for a secret set later. */
    tc_config_fini(&c);
    assert_int_equal(load(&c, no_env,
                          "APP_SECRET=\"supersecret\"\nPG_DATABASE_URL=postgres://u:hunter2@h/db\n",
                          &e),
                     0);
    tc_config_set_str(&c, TC_SET_app_secret, "generated-secret", "data dir");
    text = print_config(&c);
    if (strstr(text, "supersecret") || strstr(text, "hunter2") || strstr(text, "generated-secret"))
        fail_msg("secret printed:\n%s", text);
    free(text);
    tc_config_fini(&c);
}

static void test_set_str(void **state)
{
    (void)state;
    tc_config c;
    tc_err e;
    assert_int_equal(load(&c, no_env, NULL, &e), 0);
    tc_config_set_str(&c, TC_SET_app_secret, "first", "generated");
    assert_string_equal(c.app_secret, "first");
    assert_string_equal(c.source[TC_SET_app_secret], "generated");
    assert_string_equal(c.text[TC_SET_app_secret], "first");
    /* Replacing it again frees the old value (ASan would report a leak). */
    char value[] = "second";
    tc_config_set_str(&c, TC_SET_app_secret, value, "data dir");
    value[0] = 'X'; /* the config keeps its own copy */
    assert_string_equal(c.app_secret, "second");
    assert_string_equal(c.source[TC_SET_app_secret], "data dir");
    tc_config_set_str(&c, TC_SET_data_dir, "/var/lib/twentyc", "flag");
    assert_string_equal(c.data_dir, "/var/lib/twentyc");
    tc_config_fini(&c);
}

static void test_print_help(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    tc_config_print_help(f);
    assert_int_equal(fclose(f), 0);
#define HAS_HELP(field, name, type, def, min, max, flags, help) assert_non_null(strstr(text, name));
    TC_SETTINGS(HAS_HELP)
#undef HAS_HELP
    assert_non_null(strstr(text, "TCP port of the HTTP server"));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_env_wins_over_dotenv),
        cmocka_unit_test(test_dotenv_syntax),
        cmocka_unit_test(test_unknown_env_ignored),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_errors_from_dotenv),
        cmocka_unit_test(test_error_hides_secret),
        cmocka_unit_test(test_valid_values),
        cmocka_unit_test(test_valid_strings),
        cmocka_unit_test(test_log_levels),
        cmocka_unit_test(test_server_url_default),
        cmocka_unit_test(test_print_masks_secrets),
        cmocka_unit_test(test_set_str),
        cmocka_unit_test(test_print_help),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
