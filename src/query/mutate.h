/* SQL for record mutations (DESIGN.md §4, spec api §1.2): insert, update, soft delete, destroy
 * and restore over one object, every statement returning the changed records' full rows (every
 * field, tc_find_init with no view) so that events carry whole records and responses are shaped
 * from the same rows. Values are bind parameters; identifiers come from the model. */
#ifndef TC_QUERY_MUTATE_H
#define TC_QUERY_MUTATE_H

#include "db/sql.h"
#include "query/filter.h"
#include "query/input.h"
#include "query/plan.h"

/* Who changes records: what createdBy/updatedBy say (spec api §1.11 Actor). */
typedef struct tc_actor {
    const char *source;              /* "API" (API key) or "MANUAL" (a user) */
    const char *workspace_member_id; /* the user's workspace member, or NULL */
    const char *name;                /* the API key's name, or the member's full name */
} tc_actor;

/* Which records a bulk statement may touch. */
typedef enum tc_scope {
    TC_SCOPE_LIVE,    /* not soft-deleted (update, soft delete) */
    TC_SCOPE_DELETED, /* soft-deleted (restore) */
    TC_SCOPE_ANY,     /* both (destroy) */
} tc_scope;

/* INSERT of n records of full->object. A record without a position is put first (below the
 * smallest position, in input order); createdBy (unless the record gives its source) and
 * updatedBy come from actor. RETURNING full's columns. Parameter texts it makes live in a. */
void tc_insert_sql(tc_arena *a, const char *schema, const tc_find *full, const tc_record_input *in,
                   size_t n, const tc_actor *actor, tc_sql *q);

/* UPDATE of the records whose ids are in ids (a PostgreSQL array literal) with in's
 * assignments, updatedAt and updatedBy. RETURNING full's columns. */
void tc_update_sql(const char *schema, const tc_find *full, const tc_record_input *in,
                   const tc_actor *actor, const char *ids, tc_sql *q);

/* SELECT full's columns of the records in scope matching filter (or NULL) and ids (or NULL),
 * ordered by id, at most limit_text rows, locked FOR UPDATE: the records a mutation is about
 * to change, as they are before it. */
void tc_lock_sql(const char *schema, const tc_find *full, tc_scope scope, const tc_filter *filter,
                 const char *ids, const char *limit_text, tc_sql *q);

/* Soft delete (deletedAt = now()), restore (deletedAt = NULL) and destroy (DELETE) of the
 * records whose ids are in ids. RETURNING full's columns. */
void tc_soft_delete_sql(const char *schema, const tc_find *full, const char *ids, tc_sql *q);
void tc_restore_sql(const char *schema, const tc_find *full, const char *ids, tc_sql *q);
void tc_destroy_sql(const char *schema, const tc_find *full, const char *ids, tc_sql *q);

#endif
