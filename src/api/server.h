/* The HTTP server: N threads, each with its own event loop and evhttp bound to its own
 * SO_REUSEPORT socket on one port, sharing a pool of PostgreSQL connections. Graceful shutdown
 * on SIGINT/SIGTERM: stop accepting, finish responses in flight (at most 10 s), return. */
#ifndef TC_API_SERVER_H
#define TC_API_SERVER_H

#include "base/config.h"
#include "auth/principals.h"
#include "db/pool.h"
#include "meta/snapshot.h"
#include "perm/cache.h"
#include "query/count.h"

typedef struct tc_server tc_server;

/* Binds the listening sockets on cfg->node_port (all interfaces, IPv6 and IPv4) and prepares
 * cfg's number of threads. cfg, pool and the caches must outlive the server. NULL with e filled
 * when the port is in use or cannot be bound. */
tc_server *tc_server_new(const tc_config *cfg, tc_pool *pool, tc_snapshots *snapshots,
                         tc_principals *principals, tc_perm_cache *perms, tc_counts *counts,
                         tc_err *e);

/* Threads the server would use for cfg (TWENTYC_HTTP_THREADS, or two per core). */
int tc_server_threads(const tc_config *cfg);

/* Serves until SIGINT or SIGTERM, which the caller must have blocked in every thread
 * (tc_server_block_signals) before starting any. Returns 0 after a clean drain. */
int tc_server_run(tc_server *s);

void tc_server_free(tc_server *s);

/* Blocks SIGINT and SIGTERM (to be taken by tc_server_run with sigwait) and ignores SIGPIPE.
 * Call first thing in main, before any thread starts. */
void tc_server_block_signals(void);

#endif
