/* Records given by id read again through the read path at depth=1 (spec api §1.8: to-one
 * relations joined, to-many relations batched), for the answers of calls that found or changed
 * them another way (duplicates, merge). Inside a write's transaction the read sees its changes. */
#ifndef TC_QUERY_DEEP_H
#define TC_QUERY_DEEP_H

#include <libpq-fe.h>

#include "base/json.h"
#include "db/db.h"
#include "query/plan.h"
#include "query/relations.h"

typedef struct tc_deep {
    tc_find find; /* o's readable fields and relations, a find by the ids */
    const PGresult *rows;
    tc_relations rels;
} tc_deep;

/* Reads the live records ids[0..n) (UUIDs, repeats allowed, at most TC_FIND_MAX_IDS) of o in
 * m's schema with every field and relation v lets the caller read: one statement, then one per
 * to-many relation. Everything lives in a (results cleared with it). 0, or -1 with e filled. */
int tc_deep_load(tc_deep *d, tc_arena *a, tc_db *db, const tc_model *m, const tc_perm_view *v,
                 const tc_object *o, const char *const *ids, size_t n, tc_err *e);

/* Writes the record id with its relations (tc_shape_record_rels); false, writing nothing, when
 * it was not read. */
bool tc_deep_write(tc_json *j, const tc_deep *d, const char *id);

#endif
