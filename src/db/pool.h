/* A fixed-size pool of PostgreSQL connections shared by the server's threads. Connections are
 * opened on demand; one that comes back broken or inside a transaction is closed and replaced
 * later, so the pool recovers by itself when the database returns. */
#ifndef TC_DB_POOL_H
#define TC_DB_POOL_H

#include "db/db.h"

typedef struct tc_pool tc_pool;

/* A pool of at most size connections to conninfo with search_path schema. Connects nothing yet.
 * The strings are copied. */
tc_pool *tc_pool_new(const char *conninfo, const char *schema, int size);
/* Closes every connection; none may be checked out. */
void tc_pool_free(tc_pool *p);

/* A connection for the caller's exclusive use until tc_pool_release. Waits while all are in
 * use. While the database is unreachable it fails fast (TC_E_DB_UNAVAILABLE) and tries to
 * connect again at most every 250 ms. */
tc_db *tc_pool_acquire(tc_pool *p, tc_err *e);
/* Gives db back; a connection that is not clean (tc_db_is_clean) is closed instead. */
void tc_pool_release(tc_pool *p, tc_db *db);

/* For shutdown: shuts down the sockets of every checked-out connection, so that a thread
 * blocked in a statement that does not return (a hung database) gets an error at once, and
 * makes every later tc_pool_acquire fail (TC_E_DB_UNAVAILABLE). Safe from any thread. */
void tc_pool_interrupt(tc_pool *p);

#endif
