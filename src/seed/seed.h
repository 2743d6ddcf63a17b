/* Twenty's development seed (spec/twenty-dev-seed.md): the Apple and YCombinator workspaces,
 * Tim, Jony, Phil and Jane with Twenty's ids and password hash, their memberships and roles
 * (the custom "Object-restricted" role included), Twenty's test API key, the custom objects and
 * fields of Twenty's seed, and a deterministic set of demo records in Apple. Idempotent: every
 * step skips what exists, so a second run leaves the database as it was. */
#ifndef TC_SEED_SEED_H
#define TC_SEED_SEED_H

#include <stdio.h>

#include "db/db.h"

/* What one run created; all zero when the database was already seeded. */
typedef struct tc_seed_report {
    int workspaces, objects, fields, roles, permissions;
    int users, memberships, members, api_keys;
    int companies, people, opportunities, tasks, notes, targets, custom_records;
} tc_seed_report;

/* Seeds db (outside a transaction: each step opens its own) whose core schema is core_schema.
 * r is filled with what was created. 0, or -1 with e filled; steps committed before a failure
 * stay, and a new run completes them. A user or workspace that exists under another id
 * (same e-mail or subdomain) is TC_E_CONFLICT. */
int tc_seed_dev(tc_db *db, const char *core_schema, tc_seed_report *r, tc_err *e);

/* A few lines on r for a person at a terminal ("already seeded" when nothing was created). */
void tc_seed_report_print(const tc_seed_report *r, FILE *out);

#endif
