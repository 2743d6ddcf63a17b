/* twentyc: command dispatch. Exit status 0 on success, 1 when a command fails, 2 for a usage
 * or configuration error (one line naming the problem). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/server.h"
#include "base/config.h"
#include "base/log.h"
#include "base/time.h"
#include "base/uuid.h"
#include "base/url.h"
#include "db/embedded.h"
#include "db/listener.h"
#include "db/migrate.h"
#include "auth/apikey.h"
#include "auth/role.h"
#include "auth/user.h"
#include "db/pool.h"
#include "graphql/parser.h"
#include "graphql/print.h"
#include "meta/doctor.h"
#include "meta/load.h"
#include "meta/workspace.h"
#include "seed/seed.h"

#define EXIT_USAGE 2

static const char usage[] =
    "usage: twentyc <command>\n"
    "\n"
    "A Twenty-compatible CRM server.\n"
    "\n"
    "commands:\n"
    "  serve      serve the HTTP API on NODE_PORT (applies core migrations first)\n"
    "  migrate    apply core-schema migrations and exit\n"
    "  workspace create --name NAME [--id UUID] [--subdomain SUB]\n"
    "             create a workspace with every standard object; prints its id\n"
    "  workspace list\n"
    "  workspace delete ID\n"
    "  apikey create --workspace ID --name NAME [--role ROLE] [--expires YYYY-MM-DD]\n"
    "             create an API key; prints its id and token\n"
    "  apikey list --workspace ID\n"
    "             id, name, role, expiry and revocation of each key\n"
    "  apikey revoke ID\n"
    "  user create --email E --password P --workspace ID [--role ROLE] [--first-name F]\n"
    "             [--last-name L]   add a user to a workspace (role Member unless told)\n"
    "  role create --workspace ID --label L [--like ROLE]\n"
    "             a custom role with ROLE's permissions (Member unless told); prints its id\n"
    "  role assign --workspace ID --role L (--user EMAIL | --apikey ID)\n"
    "             give a member or an API key another role\n"
    "  seed dev   Twenty's development seed: Apple and YCombinator, tim@apple.dev and the\n"
    "             other seed users (password tim@apple.dev), demo records; idempotent\n"
    "  doctor [--workspace ID]\n"
    "             compare each workspace's metadata with its schema; exit 1 on drift\n"
    "  graphql print\n"
    "             read a GraphQL document on stdin and print its canonical form (graphql-js's\n"
    "             print()); on a syntax error exit 2 with the GraphQL error as JSON on stderr\n"
    "  config     print every setting with its value and where it came from\n"
    "  version    print the version\n"
    "  help       this text\n"
    "\n"
    "Settings are environment variables, or lines of ./.env:\n";

/* The database a command works on: PG_DATABASE_URL, or the embedded cluster. */
typedef struct database {
    tc_embedded *embedded;
    char *data_dir;
    const char *conninfo;
} database;

static int fail(const tc_err *e)
{
    fprintf(stderr, "twentyc: %s\n", e->message);
    if (e->detail[0])
        fprintf(stderr, "twentyc: %s\n", e->detail);
    return e->code == TC_E_CONFIG ? EXIT_USAGE : EXIT_FAILURE;
}

static int open_database(tc_config *cfg, database *d, tc_err *e)
{
    memset(d, 0, sizeof(*d));
    if (*cfg->pg_database_url) {
        if (!*cfg->app_secret)
            return tc_err_set(e, TC_E_CONFIG,
                              "APP_SECRET is required when PG_DATABASE_URL is set: a random "
                              "string that signs tokens");
        d->conninfo = cfg->pg_database_url;
        return 0;
    }
    d->data_dir = tc_embedded_data_dir(cfg->data_dir, e);
    if (!d->data_dir)
        return -1;
    if (!*cfg->app_secret) {
        char *secret = tc_embedded_app_secret(d->data_dir, e);
        if (!secret)
            return -1;
        tc_config_set_str(cfg, TC_SET_app_secret, secret, "data dir");
        free(secret);
    }
    d->embedded = tc_embedded_start(d->data_dir, cfg->pg_bin_dir, e);
    if (!d->embedded)
        return -1;
    d->conninfo = tc_embedded_conninfo(d->embedded);
    return 0;
}

static void close_database(database *d)
{
    tc_embedded_stop(d->embedded);
    free(d->data_dir);
}

static int migrate(const tc_config *cfg, const database *d, tc_err *e)
{
    tc_db *db = tc_db_connect(d->conninfo, cfg->core_schema, e);
    if (!db)
        return -1;
    int applied = 0;
    int rc = tc_migrate(db, cfg->core_schema, &applied, e);
    tc_db_close(db);
    if (rc == 0)
        tc_log_info("core schema at version %d (%d migration%s applied)", tc_migrate_latest(),
                    applied, applied == 1 ? "" : "s");
    return rc;
}

static void print_banner(const tc_config *cfg, const database *d, int threads)
{
    printf("twentyc %s listening on http://localhost:%lld (%d threads)\n", TC_VERSION,
           (long long)cfg->node_port, threads);
    if (d->embedded) {
        printf("data: %s (embedded PostgreSQL in %s/pg)\n", d->data_dir, d->data_dir);
    } else {
        char shown[1024];
        tc_url_redact(cfg->pg_database_url, shown, sizeof(shown));
        printf("database: %s\n", shown);
    }
    fflush(stdout);
}

static int serve(tc_config *cfg)
{
    int64_t t0 = tc_time_mono_us();
    tc_err e;
    tc_err_clear(&e);
    database d;
    if (open_database(cfg, &d, &e) < 0) {
        close_database(&d);
        return fail(&e);
    }
    int rc = EXIT_FAILURE;
    tc_pool *pool = NULL;
    tc_snapshots *snapshots = NULL;
    tc_principals *principals = NULL;
    tc_perm_cache *perms = NULL;
    tc_counts *counts = NULL;
    tc_listener *listener = NULL;
    tc_server *server = NULL;
    int threads = tc_server_threads(cfg);
    int pool_size = cfg->db_pool_size > 0 ? (int)cfg->db_pool_size : threads;
    if (migrate(cfg, &d, &e) < 0)
        goto out;
    pool = tc_pool_new(d.conninfo, cfg->core_schema, pool_size);
    snapshots = tc_snapshots_new(cfg->core_schema);
    principals = tc_principals_new();
    perms = tc_perm_cache_new();
    counts = tc_counts_new();
    tc_subscription subs[] = {tc_snapshots_subscription(snapshots),
                              tc_principals_subscription(principals),
                              tc_perm_cache_subscription(perms), tc_counts_subscription(counts)};
    listener = tc_listener_start(d.conninfo, cfg->core_schema, subs, TC_COUNT(subs));
    server = tc_server_new(cfg, pool, snapshots, principals, perms, counts, &e);
    if (!server)
        goto out;
    print_banner(cfg, &d, threads);
    tc_log_info("ready in %lld ms: port %lld, %d HTTP threads, %d database connections",
                (long long)((tc_time_mono_us() - t0) / 1000), (long long)cfg->node_port, threads,
                pool_size);
    rc = tc_server_run(server) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
out:
    if (rc != EXIT_SUCCESS && e.code != TC_OK)
        rc = fail(&e);
    tc_server_free(server);
    tc_listener_stop(listener);
    tc_principals_free(principals);
    tc_perm_cache_free(perms);
    tc_counts_free(counts);
    tc_snapshots_free(snapshots);
    tc_pool_free(pool);
    close_database(&d);
    if (rc == EXIT_SUCCESS)
        tc_log_info("stopped");
    return rc;
}

/* Opens the database, brings the core schema up to date and connects: the start of every
 * administration command. */
static tc_db *admin_connect(tc_config *cfg, database *d, tc_err *e)
{
    if (open_database(cfg, d, e) < 0 || migrate(cfg, d, e) < 0)
        return NULL;
    return tc_db_connect(d->conninfo, cfg->core_schema, e);
}

/* The value of --name style options; NULL when absent. Unknown options are an error. */
static int parse_options(int argc, char **argv, int first, const char *const *names,
                         const char **values, size_t n)
{
    for (int i = first; i < argc; i++) {
        size_t k;
        for (k = 0; k < n; k++) {
            if (strcmp(argv[i], names[k]) == 0)
                break;
        }
        if (k == n || i + 1 == argc) {
            fprintf(stderr, "twentyc: %s '%s'; see twentyc --help\n",
                    k == n ? "unknown option" : "missing value for", argv[i]);
            return -1;
        }
        values[k] = argv[++i];
    }
    return 0;
}

static int workspace_list(tc_db *db, tc_err *e)
{
    PGresult *r = tc_db_query(
        db,
        "SELECT \"id\", \"subdomain\", \"activationStatus\", \"databaseSchema\","
        " coalesce(\"displayName\", '') FROM \"workspace\" ORDER BY \"createdAt\", \"id\"",
        0, NULL, e);
    if (!r)
        return -1;
    for (int i = 0; i < PQntuples(r); i++)
        printf("%s  %-20s %-16s %s  %s\n", PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
               PQgetvalue(r, i, 2), PQgetvalue(r, i, 3), PQgetvalue(r, i, 4));
    PQclear(r);
    return 0;
}

static int workspace_command(tc_config *cfg, int argc, char **argv)
{
    const char *sub = argc > 2 ? argv[2] : "";
    static const char *const names[] = {"--name", "--id", "--subdomain"};
    const char *values[3] = {NULL, NULL, NULL};
    bool create = strcmp(sub, "create") == 0, list = strcmp(sub, "list") == 0,
         del = strcmp(sub, "delete") == 0;
    if ((!create && !list && !del) || (list && argc != 3) || (del && argc != 4) ||
        (create && (parse_options(argc, argv, 3, names, values, 3) < 0 || !values[0]))) {
        fprintf(stderr, "twentyc: usage: twentyc workspace create --name NAME [--id UUID] "
                        "[--subdomain SUB] | list | delete ID\n");
        return EXIT_USAGE;
    }
    tc_err e;
    tc_err_clear(&e);
    database d;
    int rc = EXIT_SUCCESS;
    tc_db *db = admin_connect(cfg, &d, &e);
    if (!db) {
        rc = fail(&e);
    } else if (create) {
        tc_workspace_new w = {values[0], values[1], values[2]};
        char id[TC_UUID_STR_LEN + 1];
        int64_t us = 0;
        if (tc_workspace_create(db, cfg->core_schema, &w, id, &us, &e) < 0) {
            rc = fail(&e);
        } else {
            printf("%s\n", id);
            tc_log_info("workspace %s created in %.1f ms", id, (double)us / 1000.0);
        }
    } else if (list) {
        if (workspace_list(db, &e) < 0)
            rc = fail(&e);
    } else if (tc_workspace_delete(db, argv[3], &e) < 0) {
        rc = fail(&e);
    } else {
        tc_log_info("workspace %s deleted", argv[3]);
    }
    tc_db_close(db);
    close_database(&d);
    return rc;
}

static int doctor_command(tc_config *cfg, int argc, char **argv)
{
    static const char *const names[] = {"--workspace"};
    const char *only[1] = {NULL};
    if (parse_options(argc, argv, 2, names, only, 1) < 0)
        return EXIT_USAGE;
    tc_err e;
    tc_err_clear(&e);
    database d;
    int rc = EXIT_SUCCESS, drifted = 0;
    tc_db *db = admin_connect(cfg, &d, &e);
    PGresult *ids = NULL;
    if (db) {
        const char *p[] = {only[0]};
        ids = tc_db_query(
            db,
            "SELECT \"id\" FROM \"workspace\" WHERE $1::uuid IS NULL OR \"id\" = $1::uuid"
            " ORDER BY \"createdAt\", \"id\"",
            1, p, &e);
    }
    if (!ids) {
        rc = fail(&e);
    } else if (only[0] && PQntuples(ids) == 0) {
        tc_err_set(&e, TC_E_NOT_FOUND, "workspace %s not found", only[0]);
        rc = fail(&e);
    }
    for (int i = 0; rc == EXIT_SUCCESS && ids && i < PQntuples(ids); i++) {
        const char *id = PQgetvalue(ids, i, 0);
        tc_model *m = tc_model_load(db, cfg->core_schema, id, NULL, &e);
        int n = m ? tc_doctor_workspace(db, m, stdout, &e) : -1;
        if (n < 0)
            rc = fail(&e);
        else if (n == 0)
            printf("workspace %s (%s): no drift\n", id, m->schema);
        else
            drifted++;
        tc_model_free(m);
    }
    PQclear(ids);
    tc_db_close(db);
    close_database(&d);
    return rc == EXIT_SUCCESS && drifted ? EXIT_FAILURE : rc;
}

/* "YYYY-MM-DD" (midnight UTC) as Unix seconds; -1 when malformed. */
static int64_t parse_date(const char *s)
{
    struct tm tm;
    memset(&tm, 0, sizeof(tm));
    char *end = strptime(s, "%Y-%m-%d", &tm);
    if (!end || *end)
        return -1;
    return (int64_t)timegm(&tm);
}

static int apikey_command(tc_config *cfg, int argc, char **argv)
{
    const char *sub = argc > 2 ? argv[2] : "";
    static const char *const names[] = {"--workspace", "--name", "--expires", "--role"};
    const char *values[4] = {NULL, NULL, NULL, NULL};
    bool create = strcmp(sub, "create") == 0, revoke = strcmp(sub, "revoke") == 0,
         list = strcmp(sub, "list") == 0;
    int64_t expires = 0;
    if ((!create && !revoke && !list) || (revoke && argc != 4) ||
        (list && (argc != 5 || strcmp(argv[3], "--workspace") != 0)) ||
        (create && (parse_options(argc, argv, 3, names, values, 4) < 0 || !values[0] ||
                    !values[1] || (values[2] && (expires = parse_date(values[2])) < 0)))) {
        fprintf(stderr, "twentyc: usage: twentyc apikey create --workspace ID --name NAME "
                        "[--role ROLE] [--expires YYYY-MM-DD] | list --workspace ID | revoke ID\n");
        return EXIT_USAGE;
    }
    tc_err e;
    tc_err_clear(&e);
    database d;
    int rc = EXIT_SUCCESS;
    tc_db *db = admin_connect(cfg, &d, &e);
    tc_arena *a = tc_arena_new(4096);
    if (!db) {
        rc = fail(&e);
    } else if (create) {
        char *token = NULL, id[TC_UUID_STR_LEN + 1];
        if (tc_apikey_create(db, a, cfg->app_secret, values[0], values[1],
                             values[3] ? values[3] : "Admin", expires, &token, id, &e) < 0)
            rc = fail(&e);
        else
            printf("%s\n%s\n", id, token);
    } else if (list) {
        if (tc_apikey_list(db, argv[4], stdout, &e) < 0)
            rc = fail(&e);
    } else if (tc_apikey_revoke(db, argv[3], &e) < 0) {
        rc = fail(&e);
    } else {
        tc_log_info("API key %s revoked", argv[3]);
    }
    tc_arena_free(a);
    tc_db_close(db);
    close_database(&d);
    return rc;
}

static int user_command(tc_config *cfg, int argc, char **argv)
{
    static const char *const names[] = {"--email", "--password",   "--workspace",
                                        "--role",  "--first-name", "--last-name"};
    const char *v[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    if (argc < 3 || strcmp(argv[2], "create") != 0 ||
        parse_options(argc, argv, 3, names, v, 6) < 0 || !v[0] || !v[1] || !v[2]) {
        fprintf(stderr, "twentyc: usage: twentyc user create --email E --password P --workspace ID "
                        "[--role ROLE] [--first-name F] [--last-name L]\n");
        return EXIT_USAGE;
    }
    tc_err e;
    tc_err_clear(&e);
    database d;
    int rc = EXIT_SUCCESS;
    tc_db *db = admin_connect(cfg, &d, &e);
    tc_user_new u = {v[0], v[1], v[2], v[3] ? v[3] : "Member", v[4], v[5]};
    char id[TC_UUID_STR_LEN + 1];
    if (!db || tc_user_create(db, &u, id, &e) < 0)
        rc = fail(&e);
    else
        printf("%s\n", id);
    tc_db_close(db);
    close_database(&d);
    return rc;
}

static int role_command(tc_config *cfg, int argc, char **argv)
{
    const char *sub = argc > 2 ? argv[2] : "";
    static const char *const names[] = {"--workspace", "--label", "--like",
                                        "--role",      "--user",  "--apikey"};
    const char *v[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    bool create = strcmp(sub, "create") == 0, assign = strcmp(sub, "assign") == 0;
    if ((!create && !assign) || parse_options(argc, argv, 3, names, v, 6) < 0 || !v[0] ||
        (create && (!v[1] || v[3] || v[4] || v[5])) ||
        (assign && (!v[3] || v[1] || v[2] || !v[4] == !v[5]))) {
        fprintf(stderr, "twentyc: usage: twentyc role create --workspace ID --label L "
                        "[--like ROLE] | assign --workspace ID --role L (--user EMAIL | "
                        "--apikey ID)\n");
        return EXIT_USAGE;
    }
    tc_err e;
    tc_err_clear(&e);
    database d;
    int rc = EXIT_SUCCESS;
    tc_db *db = admin_connect(cfg, &d, &e);
    char id[TC_UUID_STR_LEN + 1];
    if (!db)
        rc = fail(&e);
    else if (create && tc_role_create(db, v[0], v[1], v[2] ? v[2] : "Member", id, &e) < 0)
        rc = fail(&e);
    else if (create)
        printf("%s\n", id);
    else if (tc_role_assign(db, v[0], v[3], v[4], v[5], &e) < 0)
        rc = fail(&e);
    tc_db_close(db);
    close_database(&d);
    return rc;
}

static int seed_command(tc_config *cfg, int argc, char **argv)
{
    static const char seed_usage[] =
        "usage: twentyc seed dev\n"
        "Creates Twenty's development seed (spec/twenty-dev-seed.md) with Twenty's ids: the Apple\n"
        "and YCombinator workspaces, tim@apple.dev, jony.ive@apple.dev, phil.schiler@apple.dev "
        "and\n"
        "jane.austen@apple.dev (password tim@apple.dev), their roles, the API key\n"
        "20202020-f401-4d8a-a731-64d007c27bad, custom objects pet, rocket and surveyResult, and\n"
        "demo companies, people, opportunities, tasks and notes in Apple. What exists is left\n"
        "as it is, so running it again changes nothing.\n";
    const char *last = argv[argc - 1];
    if (strcmp(last, "--help") == 0 || strcmp(last, "-h") == 0) {
        fputs(seed_usage, stdout);
        return EXIT_SUCCESS;
    }
    if (argc != 3 || strcmp(argv[2], "dev") != 0) {
        fputs(seed_usage, stderr);
        return EXIT_USAGE;
    }
    tc_err e;
    tc_err_clear(&e);
    database d;
    int rc = EXIT_SUCCESS;
    tc_seed_report report;
    tc_db *db = admin_connect(cfg, &d, &e);
    if (!db || tc_seed_dev(db, cfg->core_schema, &report, &e) < 0)
        rc = fail(&e);
    else
        tc_seed_report_print(&report, stdout);
    tc_db_close(db);
    close_database(&d);
    return rc;
}

/* twentyc graphql print: stdin -> canonical document on stdout (exit 0), or the GraphQL error
 * JSON on stderr (exit 2). Needs no settings. */
static int graphql_command(int argc, char **argv)
{
    if (argc != 3 || strcmp(argv[2], "print") != 0) {
        fprintf(stderr, "twentyc: usage: twentyc graphql print < document.graphql\n");
        return EXIT_USAGE;
    }
    /* One byte past the limit is enough for the parser to refuse the document. */
    size_t max = TC_GQL_DEFAULT_MAX_BYTES, len = 0;
    char *src = malloc(max + 1);
    if (!src)
        return EXIT_FAILURE;
    size_t n;
    while (len <= max && (n = fread(src + len, 1, max + 1 - len, stdin)) > 0)
        len += n;
    if (ferror(stdin)) {
        fprintf(stderr, "twentyc: cannot read standard input\n");
        free(src);
        return EXIT_FAILURE;
    }
    tc_arena *a = tc_arena_new(len + 4096);
    tc_gql_parse_error err;
    tc_gql_ast_document *doc = tc_gql_parse(a, src, len, NULL, &err);
    tc_buf out;
    tc_buf_init(&out, (size_t)64 << 20);
    int rc = EXIT_SUCCESS;
    if (!doc) {
        tc_json j;
        tc_json_init(&j, &out);
        tc_gql_parse_error_write(&j, &err);
        fprintf(stderr, "%s\n", tc_buf_cstr(&out));
        rc = EXIT_USAGE;
    } else if (tc_gql_print_document(&out, doc) < 0) {
        fprintf(stderr, "twentyc: the printed document is larger than %zu bytes\n", out.max);
        rc = EXIT_FAILURE;
    } else {
        fwrite(out.data, 1, out.len, stdout);
        fputc('\n', stdout);
    }
    tc_buf_fini(&out);
    tc_arena_free(a);
    free(src);
    return rc;
}

static int migrate_command(tc_config *cfg)
{
    tc_err e;
    tc_err_clear(&e);
    database d;
    int rc = EXIT_SUCCESS;
    if (open_database(cfg, &d, &e) < 0 || migrate(cfg, &d, &e) < 0)
        rc = fail(&e);
    close_database(&d);
    return rc;
}

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : "help";
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(usage, stdout);
        tc_config_print_help(stdout);
        return argc > 1 ? EXIT_SUCCESS : EXIT_USAGE;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("twentyc %s\n", TC_VERSION);
        return EXIT_SUCCESS;
    }
    if (strcmp(cmd, "graphql") == 0)
        return graphql_command(argc, argv);
    bool workspace = strcmp(cmd, "workspace") == 0, doctor = strcmp(cmd, "doctor") == 0,
         apikey = strcmp(cmd, "apikey") == 0, user = strcmp(cmd, "user") == 0,
         seed = strcmp(cmd, "seed") == 0, role = strcmp(cmd, "role") == 0;
    bool known = workspace || doctor || apikey || user || seed || role ||
                 strcmp(cmd, "serve") == 0 || strcmp(cmd, "migrate") == 0 ||
                 strcmp(cmd, "config") == 0;
    if (!known || (argc > 2 && !workspace && !doctor && !apikey && !user && !seed && !role)) {
        fprintf(stderr, "twentyc: %s '%s'; see twentyc --help\n",
                known ? "unexpected argument" : "unknown command", known ? argv[2] : cmd);
        return EXIT_USAGE;
    }
    if (strcmp(cmd, "serve") == 0)
        tc_server_block_signals();

    tc_config cfg;
    tc_err e;
    if (tc_config_load_process(&cfg, &e) < 0)
        return fail(&e);
    tc_log_set_level(cfg.log_level);
    if (tc_db_sql_log_open(cfg.sql_log, &e) < 0) {
        tc_config_fini(&cfg);
        return fail(&e);
    }
    int rc;
    if (strcmp(cmd, "config") == 0) {
        tc_config_print(&cfg, stdout);
        rc = EXIT_SUCCESS;
    } else if (strcmp(cmd, "migrate") == 0) {
        rc = migrate_command(&cfg);
    } else if (workspace) {
        rc = workspace_command(&cfg, argc, argv);
    } else if (doctor) {
        rc = doctor_command(&cfg, argc, argv);
    } else if (apikey) {
        rc = apikey_command(&cfg, argc, argv);
    } else if (user) {
        rc = user_command(&cfg, argc, argv);
    } else if (role) {
        rc = role_command(&cfg, argc, argv);
    } else if (seed) {
        rc = seed_command(&cfg, argc, argv);
    } else {
        rc = serve(&cfg);
    }
    tc_db_sql_log_close();
    tc_config_fini(&cfg);
    return rc;
}
