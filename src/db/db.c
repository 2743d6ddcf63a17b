/* Connections, the prepared-statement cache and SQLSTATE mapping (see db.h). */
#include "db/db.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/die.h"
#include "base/json.h"
#include "base/log.h"

/* Prepared statements by SQL text: open addressing, linear probing, grows at 3/4 full. */
typedef struct stmt {
    char *sql; /* NULL: empty slot */
    uint64_t hash;
    unsigned id;
} stmt;

struct tc_db {
    PGconn *pg;
    stmt *stmts;
    size_t nslots, nused;
    unsigned next_id;
};

static uint64_t hash_text(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* The SQL log (tc_db_sql_log_open): its descriptor, -1 when off, and the hashes of the texts
 * already written (open addressing; 0 marks an empty slot, so a hash of 0 is kept as 1). The
 * descriptor is set before threads start; the set is shared by them under the lock. */
static struct {
    int fd;
    pthread_mutex_t lock;
    uint64_t *seen;
    size_t nslots, nused;
} sql_log = {-1, PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0};

/* A logged line holds the whole statement: the largest DDL batch is far below this. */
#define SQL_LOG_MAX_BYTES (64u << 20)

int tc_db_sql_log_open(const char *path, tc_err *e)
{
    tc_db_sql_log_close();
    if (!path || !*path)
        return 0;
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return tc_err_set(e, TC_E_CONFIG, "TWENTYC_SQL_LOG=%s cannot be opened: %s", path,
                          strerror(errno));
    sql_log.fd = fd;
    return 0;
}

void tc_db_sql_log_close(void)
{
    if (sql_log.fd >= 0)
        close(sql_log.fd);
    free(sql_log.seen);
    sql_log.fd = -1;
    sql_log.seen = NULL;
    sql_log.nslots = sql_log.nused = 0;
}

/* Adds h to the set of logged texts; true when it was not there yet. Caller holds the lock. */
static bool sql_log_add(uint64_t h)
{
    if (sql_log.nused + 1 > sql_log.nslots * 3 / 4) {
        size_t n = sql_log.nslots ? sql_log.nslots * 2 : 1024;
        uint64_t *slots = calloc(n, sizeof(*slots));
        if (!slots)
            tc_die_oom();
        for (size_t i = 0; i < sql_log.nslots; i++) {
            uint64_t v = sql_log.seen[i];
            size_t j = v & (n - 1);
            while (v && slots[j])
                j = (j + 1) & (n - 1);
            if (v)
                slots[j] = v;
        }
        free(sql_log.seen);
        sql_log.seen = slots;
        sql_log.nslots = n;
    }
    size_t i = h & (sql_log.nslots - 1);
    while (sql_log.seen[i] && sql_log.seen[i] != h)
        i = (i + 1) & (sql_log.nslots - 1);
    if (sql_log.seen[i])
        return false;
    sql_log.seen[i] = h;
    sql_log.nused++;
    return true;
}

/* Appends sql (hash h) to the SQL log unless this process wrote it before: one line, one
 * write(2), so lines from several threads and processes never interleave. */
static void sql_log_write(const char *sql, uint64_t h)
{
    pthread_mutex_lock(&sql_log.lock);
    bool first = sql_log_add(h ? h : 1);
    pthread_mutex_unlock(&sql_log.lock);
    if (!first)
        return;
    size_t n = strlen(sql);
    tc_buf b;
    tc_buf_init(&b, SQL_LOG_MAX_BYTES);
    tc_buf_adds(&b, "{\"sql\":\"");
    tc_json_escape(&b, sql, n);
    tc_buf_adds(&b, "\"}\n");
    if (b.failed)
        tc_log_warn("TWENTYC_SQL_LOG: a statement of %zu bytes is too long to log", n);
    else if (write(sql_log.fd, b.data, b.len) != (ssize_t)b.len)
        tc_log_warn("TWENTYC_SQL_LOG: write failed: %s", strerror(errno));
    tc_buf_fini(&b);
}

/* Server notices go to the log as JSON lines (libpq would print them raw on stderr): warnings
 * at warn, the rest (NOTICE, INFO, DEBUG) at debug. */
static void on_notice(void *arg, const PGresult *res)
{
    (void)arg;
    const char *severity = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
    const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    bool warning = severity && strcmp(severity, "WARNING") == 0;
    tc_log(warning ? TC_LOG_WARN : TC_LOG_DEBUG, "postgres %s: %s", severity ? severity : "NOTICE",
           msg ? msg : "");
}

tc_db *tc_db_connect(const char *conninfo, const char *schema, tc_err *e)
{
    char options[128];
    /* The schema name is a validated identifier (config IDENT), so it needs no quoting here. */
    /* UTC: timestamps come back as +00:00 and are written as ISO 8601 "Z" without conversion. */
    snprintf(options, sizeof(options), "-c search_path=%s -c TimeZone=UTC", schema);
    /* Later keywords override what the URL says; dbname is expanded as a full conninfo. */
    const char *keys[] = {"dbname", "application_name", "options", "connect_timeout", NULL};
    const char *vals[] = {conninfo, "twentyc", options, "5", NULL};
    PGconn *pg = PQconnectdbParams(keys, vals, 1);
    if (!pg)
        tc_die_oom();
    if (PQstatus(pg) != CONNECTION_OK) {
        tc_err_set(e, TC_E_DB_UNAVAILABLE, "Database unavailable");
        tc_err_detail(e, "%s", PQerrorMessage(pg));
        PQfinish(pg);
        return NULL;
    }
    PQsetNoticeReceiver(pg, on_notice, NULL);
    tc_db *db = calloc(1, sizeof(*db));
    if (!db)
        tc_die_oom();
    db->pg = pg;
    return db;
}

static void forget_statements(tc_db *db)
{
    for (size_t i = 0; i < db->nslots; i++)
        free(db->stmts[i].sql);
    free(db->stmts);
    db->stmts = NULL;
    db->nslots = db->nused = 0;
}

void tc_db_close(tc_db *db)
{
    if (!db)
        return;
    forget_statements(db);
    PQfinish(db->pg);
    free(db);
}

PGconn *tc_db_pg(tc_db *db)
{
    return db->pg;
}

bool tc_db_is_clean(tc_db *db)
{
    return PQstatus(db->pg) == CONNECTION_OK && PQtransactionStatus(db->pg) == PQTRANS_IDLE;
}

static stmt *find_slot(stmt *slots, size_t nslots, const char *sql, uint64_t h)
{
    size_t i = h & (nslots - 1);
    while (slots[i].sql && !(slots[i].hash == h && strcmp(slots[i].sql, sql) == 0))
        i = (i + 1) & (nslots - 1);
    return &slots[i];
}

static void grow(tc_db *db)
{
    size_t n = db->nslots ? db->nslots * 2 : 64;
    stmt *slots = calloc(n, sizeof(*slots));
    if (!slots)
        tc_die_oom();
    for (size_t i = 0; i < db->nslots; i++) {
        if (db->stmts[i].sql)
            *find_slot(slots, n, db->stmts[i].sql, db->stmts[i].hash) = db->stmts[i];
    }
    free(db->stmts);
    db->stmts = slots;
    db->nslots = n;
}

int tc_db_error(tc_db *db, const PGresult *res, tc_err *e)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *msg = res ? PQresultErrorMessage(res) : "";
    if (!msg || !*msg)
        msg = PQerrorMessage(db->pg);
    if (!state || PQstatus(db->pg) != CONNECTION_OK) {
        tc_err_set(e, TC_E_DB_UNAVAILABLE, "Database unavailable");
    } else if (strncmp(state, "08", 2) == 0 || strncmp(state, "53", 2) == 0 ||
               strncmp(state, "57P0", 4) == 0) {
        tc_err_set(e, TC_E_DB_UNAVAILABLE, "Database unavailable");
    } else if (strcmp(state, "23505") == 0) {
        tc_err_set(e, TC_E_BAD_REQUEST, "Record already exists");
    } else if (strncmp(state, "23", 2) == 0) {
        tc_err_set(e, TC_E_BAD_REQUEST, "Constraint violation");
    } else if (strncmp(state, "22", 2) == 0) {
        tc_err_set(e, TC_E_BAD_REQUEST, "Invalid value");
    } else if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0) {
        tc_err_set(e, TC_E_CONFLICT, "Concurrent change; try again");
    } else {
        tc_err_set(e, TC_E_INTERNAL, "Database error");
    }
    if (e) {
        snprintf(e->sqlstate, sizeof(e->sqlstate), "%s", state ? state : "");
        const char *constraint = res ? PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME) : NULL;
        snprintf(e->constraint, sizeof(e->constraint), "%s", constraint ? constraint : "");
        tc_err_detail(e, "%s", msg);
        /* libpq messages end with a newline; the log line should not. */
        size_t n = strlen(e->detail);
        while (n && (e->detail[n - 1] == '\n' || e->detail[n - 1] == ' '))
            e->detail[--n] = '\0';
    }
    return -1;
}

/* A result is a failure unless it carries rows, a command completion or copy data. */
static bool result_ok(const PGresult *res)
{
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
}

PGresult *tc_db_query(tc_db *db, const char *sql, int n, const char *const *params, tc_err *e)
{
    if (db->nused + 1 > db->nslots * 3 / 4)
        grow(db);
    uint64_t h = hash_text(sql);
    stmt *s = find_slot(db->stmts, db->nslots, sql, h);
    char name[24];
    if (!s->sql) {
        if (sql_log.fd >= 0)
            sql_log_write(sql, h);
        snprintf(name, sizeof(name), "tc_%u", db->next_id);
        PGresult *prep = PQprepare(db->pg, name, sql, n, NULL);
        if (!result_ok(prep)) {
            tc_db_error(db, prep, e);
            PQclear(prep);
            return NULL;
        }
        PQclear(prep);
        s->sql = strdup(sql);
        if (!s->sql)
            tc_die_oom();
        s->hash = h;
        s->id = db->next_id++;
        db->nused++;
    } else {
        snprintf(name, sizeof(name), "tc_%u", s->id);
    }
    PGresult *res = PQexecPrepared(db->pg, name, n, params, NULL, NULL, 0);
    if (!result_ok(res)) {
        tc_db_error(db, res, e);
        PQclear(res);
        /* After a lost connection the server-side statements are gone with it. */
        if (PQstatus(db->pg) != CONNECTION_OK)
            forget_statements(db);
        return NULL;
    }
    return res;
}

int tc_db_exec(tc_db *db, const char *sql, tc_err *e)
{
    if (sql_log.fd >= 0)
        sql_log_write(sql, hash_text(sql));
    PGresult *res = PQexec(db->pg, sql);
    int rc = 0;
    if (!result_ok(res))
        rc = tc_db_error(db, res, e);
    PQclear(res);
    return rc;
}
