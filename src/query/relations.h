/* depth=1, the to-many side (DESIGN.md §4): after a find's main statement, one batched
 * statement per ONE_TO_MANY relation of the plan (never one per record), its rows grouped by
 * parent id so that each parent finds its children in O(log n); and the main rows by id, for
 * answers in a given id order. To-one relations need nothing here: they are joined in the main
 * statement (sql.h). */
#ifndef TC_QUERY_RELATIONS_H
#define TC_QUERY_RELATIONS_H

#include <libpq-fe.h>

#include "base/arena.h"
#include "base/err.h"
#include "db/db.h"
#include "query/plan.h"

#define TC_RELATIONS_SQL_MAX (256 * 1024) /* bytes of one to-many statement */

/* A run of rows sharing one key: a parent's children, or a main row by id. */
typedef struct tc_rel_group {
    const char *key; /* a parent id, or a record id (in the result) */
    int first, n;
} tc_rel_group;

/* One relation of the plan: for a ONE_TO_MANY, its batch and the batch's groups sorted by
 * parent id; nothing for a MANY_TO_ONE. */
typedef struct tc_rel_batch {
    PGresult *rows; /* the target's columns, tc_parent, tc_rn (tc_find_children_sql), or NULL */
    tc_rel_group *groups;
    size_t ngroups;
} tc_rel_batch;

typedef struct tc_relations {
    const tc_find *find;
    const PGresult *rows;  /* the main statement's result (not owned) */
    int nrows;             /* its rows the answer shows: [0, nrows) */
    tc_rel_batch *batches; /* parallel to find->rels */
    tc_rel_group *by_id;   /* the main rows by id, sorted, one row each (n = 1) */
    size_t nby_id;
} tc_relations;

/* Loads the to-many relations of f for rows [0, nrows) of rows, the result of tc_find_sql(f):
 * one statement per ONE_TO_MANY relation of f->rels, run in order through db (libpq pipelines
 * nothing here: db.h has no pipeline API), none when nrows is 0. Results are PQclear()ed when a
 * is reset; everything else lives in a. 0, or -1 with e filled from the database. */
int tc_relations_load(tc_relations *s, tc_db *db, tc_arena *a, const tc_find *f, const char *schema,
                      const PGresult *rows, int nrows, tc_err *e);

/* The children of main row `row` in relation f->rels[k] (a ONE_TO_MANY): how many, and in
 * *first the first of them in s->batches[k].rows. 0 when none (or when k is a MANY_TO_ONE). */
int tc_relations_children(const tc_relations *s, size_t k, int row, int *first);

/* The main row whose id is id, or -1. */
int tc_relations_row_of(const tc_relations *s, const char *id);

#endif
