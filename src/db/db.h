/* PostgreSQL connections: connect with twentyc's session settings, run statements with bind
 * parameters through a per-connection prepared-statement cache, and map failures to tc_err by
 * SQLSTATE class (never by message text). A tc_db belongs to one thread at a time. */
#ifndef TC_DB_DB_H
#define TC_DB_DB_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "base/err.h"

typedef struct tc_db tc_db;

/* Connects to conninfo (a postgres:// URL or key=value string) with search_path set to schema
 * (twentyc's core schema, so core tables are named without a schema in SQL) and
 * application_name twentyc. NULL with e filled (TC_E_DB_UNAVAILABLE) on failure. */
tc_db *tc_db_connect(const char *conninfo, const char *schema, tc_err *e);
void tc_db_close(tc_db *db);

/* The libpq handle, for what this module does not wrap. */
PGconn *tc_db_pg(tc_db *db);
/* True when the connection is up and idle outside a transaction: safe to hand to someone else. */
bool tc_db_is_clean(tc_db *db);

/* Runs sql (a constant string, or text from the SQL builder) with n text parameters (NULL is
 * SQL NULL). The statement is prepared once per connection and reused by SQL text. Returns a
 * result the caller PQclear()s, or NULL with e filled. */
PGresult *tc_db_query(tc_db *db, const char *sql, int n, const char *const *params, tc_err *e);

/* Runs sql through the simple protocol: no parameters, several statements allowed (migrations).
 * 0, or -1 with e filled. */
int tc_db_exec(tc_db *db, const char *sql, tc_err *e);

/* The SQL log (TWENTYC_SQL_LOG, for the tests' grammar check): from now on every distinct SQL
 * text this process sends, prepared (on a cache miss) or through tc_db_exec, is appended to
 * path as one JSON line {"sql":"..."} with one write(2) on an O_APPEND descriptor, so several
 * threads and processes may share the file. Parameter values are never written. An empty path
 * or NULL leaves it off. Call before any thread uses the database; 0, or -1 with e filled
 * (TC_E_CONFIG) when the file cannot be opened. */
int tc_db_sql_log_open(const char *path, tc_err *e);
/* Closes the SQL log and forgets which texts it has written; no thread may use the database. */
void tc_db_sql_log_close(void);

/* Fills e from a failed result (or a NULL one, using the connection's error) by SQLSTATE:
 * class 08, 53, 57P0x and a lost connection -> TC_E_DB_UNAVAILABLE; class 23 and 22 ->
 * TC_E_BAD_REQUEST; 40001, 40P01 -> TC_E_CONFLICT; the rest -> TC_E_INTERNAL. The server's
 * message goes to e->detail only. Returns -1. */
int tc_db_error(tc_db *db, const PGresult *res, tc_err *e);

#endif
