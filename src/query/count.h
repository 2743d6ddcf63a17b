/* The totalCount cache (DESIGN.md §4): a find's count(*) is the costliest part of a list page
 * (every matching row is visited), yet it changes only when the workspace's records do. Counts
 * are kept per (workspace schema, count statement, parameters) and stamped with the schema's
 * generation; a generation moves on every committed write to the schema: locally at once
 * (tc_counts_changed after a mutation commits), and on every instance through
 * NOTIFY twentyc_records '<schema>', which a statement-level trigger on every workspace table
 * sends for writes from anywhere, psql included (core migration 7, meta/ddl.c). A stamped count
 * is only served while its generation is current, and nothing is cached while the listener is
 * down. Thread-safe. */
#ifndef TC_QUERY_COUNT_H
#define TC_QUERY_COUNT_H

#include <stdbool.h>
#include <stdint.h>

#include "db/listener.h"
#include "db/sql.h"

#define TC_COUNTS_CHANNEL "twentyc_records"
#define TC_COUNTS_MAX 4096 /* cached counts; the cache empties itself when full */

typedef struct tc_counts tc_counts;

tc_counts *tc_counts_new(void);
void tc_counts_free(tc_counts *c); /* stop the listener first */
/* The cache's subscription to TC_COUNTS_CHANNEL, for tc_listener_start. */
tc_subscription tc_counts_subscription(tc_counts *c);

/* The current generation of schema's records: read it before running a count, and store the
 * count with it (a write committed meanwhile makes the stored count stale at once). */
uint64_t tc_counts_generation(tc_counts *c, const char *schema);

/* The count q (a count statement on schema, with its parameters) had at the schema's current
 * generation, if cached. */
bool tc_counts_get(tc_counts *c, const char *schema, const tc_sql *q, int64_t *out);

/* Stores n as q's count at generation gen (from tc_counts_generation); nothing when the
 * listener is down. */
void tc_counts_put(tc_counts *c, const char *schema, const tc_sql *q, uint64_t gen, int64_t n);

/* A write to schema committed: its cached counts are stale from now on. */
void tc_counts_changed(tc_counts *c, const char *schema);

#endif
