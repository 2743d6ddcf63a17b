/* The embedded PostgreSQL cluster used when PG_DATABASE_URL is unset: $data_dir/pg, created by
 * initdb on first use, listening only on a Unix socket inside it (no TCP port), database
 * "twentyc". Several twentyc processes may share it: each holds a shared lock on
 * $data_dir/pg.users while it uses the cluster, and the last one to leave stops it. A cluster
 * left running by a crashed twentyc is adopted; a stale postmaster.pid is removed. As root,
 * initdb and postgres run as the `postgres` system user. */
#ifndef TC_DB_EMBEDDED_H
#define TC_DB_EMBEDDED_H

#include <stdbool.h>

#include "base/err.h"

typedef struct tc_embedded tc_embedded;

/* Starts the cluster, or joins the one already running. data_dir must be absolute (see
 * tc_embedded_data_dir); bin_dir is where initdb and postgres are ("" = find them). NULL with e
 * filled on failure. */
tc_embedded *tc_embedded_start(const char *data_dir, const char *bin_dir, tc_err *e);

/* libpq conninfo (key=value) of the cluster's database; owned by em. */
const char *tc_embedded_conninfo(const tc_embedded *em);
/* True when this process started postgres (rather than joining a running cluster). */
bool tc_embedded_started_here(const tc_embedded *em);

/* Leaves the cluster: stops it (fast shutdown) when no other twentyc uses it. Frees em. */
void tc_embedded_stop(tc_embedded *em);

/* Makes dir absolute and creates it (mode 0700) if missing. Returns a heap string, or NULL with
 * e filled. */
char *tc_embedded_data_dir(const char *dir, tc_err *e);

/* The APP_SECRET kept in $data_dir/app_secret (mode 0600), generated on first call. Concurrent
 * first calls agree on one value. Returns a heap string, or NULL with e filled. */
char *tc_embedded_app_secret(const char *data_dir, tc_err *e);

#endif
