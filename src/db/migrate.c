/* Core-schema migrations (see migrate.h). The run holds a session advisory lock, so a second
 * instance waits and then finds everything applied; each migration commits with its
 * "_migrations" row, so a crash leaves either both or neither. */
#include "db/migrate.h"

#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"
#include "base/hex.h"
#include "base/log.h"
#include "base/time.h"
#include "db/migrate_int.h"
#include "db/sql.h"

#define CHECKSUM_LEN 64

static void checksum(const tc_migration *m, char *out)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(m->sql, m->len, md, &n, EVP_sha256(), NULL);
    tc_hex_encode(md, n, out);
}

int tc_migrate_latest(void)
{
    return tc_migrations_count ? tc_migrations[tc_migrations_count - 1].version : 0;
}

/* The advisory lock key: fixed per core schema, so separate twentyc installations sharing a
 * database (each in its own schema) do not wait for one another. */
static void lock_key(const char *schema, char *out, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *p = "twentyc.migrate."; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    for (const char *p = schema; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    snprintf(out, n, "%lld", (long long)(int64_t)h);
}

static int run(tc_db *db, const char *schema, int *applied, tc_err *e);

int tc_migrate(tc_db *db, const char *schema, int *applied, tc_err *e)
{
    char key[24];
    lock_key(schema, key, sizeof(key));
    const char *kp[] = {key};
    if (applied)
        *applied = 0;
    PGresult *r = tc_db_query(db, "SELECT pg_advisory_lock($1::bigint)", 1, kp, e);
    if (!r)
        return -1;
    PQclear(r);
    int rc = run(db, schema, applied, e);
    r = tc_db_query(db, "SELECT pg_advisory_unlock($1::bigint)", 1, kp, NULL);
    PQclear(r);
    return rc;
}

static int ensure_schema(tc_db *db, const char *schema, tc_err *e)
{
    const char *p[] = {schema};
    PGresult *r = tc_db_query(db, "SELECT 1 FROM pg_namespace WHERE nspname = $1", 1, p, e);
    if (!r)
        return -1;
    int exists = PQntuples(r) > 0;
    PQclear(r);
    if (exists)
        return 0; /* a role without CREATE on the database can use a schema made for it */
    tc_sql q;
    tc_sql_init(&q, 256);
    tc_sql_add(&q, "CREATE SCHEMA ");
    tc_sql_ident(&q, schema);
    int rc = tc_db_exec(db, tc_sql_text(&q), e);
    tc_sql_fini(&q);
    return rc;
}

static const tc_migration *find(int version)
{
    for (int i = 0; i < tc_migrations_count; i++) {
        if (tc_migrations[i].version == version)
            return &tc_migrations[i];
    }
    return NULL;
}

/* Checks every recorded migration against the compiled ones; fills done[i] for those applied. */
static int verify(PGresult *rows, char *done, tc_err *e)
{
    for (int i = 0; i < PQntuples(rows); i++) {
        int version = (int)strtol(PQgetvalue(rows, i, 0), NULL, 10);
        const char *name = PQgetvalue(rows, i, 1);
        const tc_migration *m = find(version);
        if (!m)
            return tc_err_set(e, TC_E_MIGRATION,
                              "the database has core migration %d (%s), which this twentyc does "
                              "not know: run a newer twentyc",
                              version, name);
        char sum[CHECKSUM_LEN + 1];
        checksum(m, sum);
        if (strcmp(sum, PQgetvalue(rows, i, 2)) != 0)
            return tc_err_set(e, TC_E_MIGRATION,
                              "core migration %d (%s) was applied with a different checksum than "
                              "this twentyc's: the applied schema and the code disagree",
                              version, m->name);
        done[m - tc_migrations] = 1;
    }
    return 0;
}

static int apply(tc_db *db, const tc_migration *m, tc_err *e)
{
    char sum[CHECKSUM_LEN + 1], version[16];
    checksum(m, sum);
    snprintf(version, sizeof(version), "%d", m->version);
    int64_t t0 = tc_time_mono_us();
    if (tc_db_exec(db, "BEGIN", e) < 0)
        return -1;
    const char *p[] = {version, m->name, sum};
    PGresult *r = NULL;
    if (tc_db_exec(db, m->sql, e) < 0 ||
        !(r = tc_db_query(db,
                          "INSERT INTO \"_migrations\" (version, name, checksum) "
                          "VALUES ($1::int, $2, $3)",
                          3, p, e)) ||
        tc_db_exec(db, "COMMIT", e) < 0) {
        PQclear(r);
        tc_db_exec(db, "ROLLBACK", NULL);
        char detail[sizeof(e->detail)];
        snprintf(detail, sizeof(detail), "%s", e->detail);
        tc_err_set(e, TC_E_MIGRATION, "core migration %d (%s) failed", m->version, m->name);
        tc_err_detail(e, "%s", detail);
        return -1;
    }
    PQclear(r);
    if (!tc_log_enabled(TC_LOG_LOG))
        return 0;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 4096);
    tc_log_open(&j, &b, TC_LOG_LOG);
    tc_json_key(&j, "msg");
    tc_json_str(&j, "migration applied");
    tc_json_key(&j, "version");
    tc_json_int(&j, m->version);
    tc_json_key(&j, "name");
    tc_json_str(&j, m->name);
    tc_json_key(&j, "durationUs");
    tc_json_int(&j, tc_time_mono_us() - t0);
    tc_log_close(&j);
    tc_buf_fini(&b);
    return 0;
}

static int run(tc_db *db, const char *schema, int *applied, tc_err *e)
{
    if (ensure_schema(db, schema, e) < 0 ||
        tc_db_exec(db,
                   "CREATE TABLE IF NOT EXISTS \"_migrations\" ("
                   " version integer PRIMARY KEY,"
                   " name text NOT NULL,"
                   " checksum text NOT NULL,"
                   " \"appliedAt\" timestamptz NOT NULL DEFAULT now())",
                   e) < 0)
        return -1;
    PGresult *rows = tc_db_query(
        db, "SELECT version, name, checksum FROM \"_migrations\" ORDER BY version", 0, NULL, e);
    if (!rows)
        return -1;
    char *done = calloc((size_t)tc_migrations_count + 1, 1);
    if (!done)
        tc_die_oom();
    int rc = verify(rows, done, e);
    PQclear(rows);
    for (int i = 0; rc == 0 && i < tc_migrations_count; i++) {
        if (done[i])
            continue;
        rc = apply(db, &tc_migrations[i], e);
        if (rc == 0 && applied)
            (*applied)++;
    }
    free(done);
    return rc;
}
