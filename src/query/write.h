/* Record mutations as the engine runs them, for REST now and GraphQL next (DESIGN.md §4): one
 * transaction per call holding the change and its events (core.event), the actor from the
 * principal, the records' rows before and after, bulk limits, and database errors mapped to
 * Twenty's messages. The caller checks object-level permissions and parses its own arguments;
 * field-level write permissions are checked by tc_input_record. */
#ifndef TC_QUERY_WRITE_H
#define TC_QUERY_WRITE_H

#include <libpq-fe.h>

#include "auth/apikey.h"
#include "db/db.h"
#include "query/event.h"
#include "query/mutate.h"

#define TC_WRITE_MAX_BATCH 200 /* records of one create-many call (QUERY_MAX_RECORDS) */

typedef struct tc_write {
    tc_arena *a; /* the request's: everything below lives in it */
    tc_db *db;
    const tc_model *model;
    const tc_object *object;
    const tc_principal *principal;
    long max_records; /* the most records one update/delete/restore call may touch */
    tc_find full;     /* every field: what statements return and events carry */
    tc_find shown;    /* the fields the caller may read, mapped onto full's columns */
    tc_actor actor;
    tc_event_actor event_actor;
    tc_events events;
    bool open;         /* inside the transaction */
    bool joined;       /* tc_write_join: the transaction belongs to another write */
    bool with_deleted; /* updates reach soft-deleted records too (the caller sets it) */
    /* The changed records, in order: every row of every result (full's columns). Cleared with
     * the arena. */
    PGresult **results;
    size_t nresults, results_cap;
} tc_write;

/* Starts a write over o in workspace model m for principal p (view v gives `shown`): BEGIN,
 * then the actor (the API key's name, or the user's workspace member). 0, or -1 with e filled. */
int tc_write_begin(tc_write *w, tc_arena *a, tc_db *db, const tc_model *m, const tc_perm_view *v,
                   const tc_object *o, const tc_principal *p, long max_records, tc_err *e);

/* Starts a write over o inside parent's transaction (same connection, principal and actor),
 * for a call that changes records of several objects at once (merge): its statements run in
 * parent's transaction; tc_write_commit appends its events there without committing, and
 * tc_write_abort leaves the transaction to parent. parent must be open. */
void tc_write_join(tc_write *w, const tc_write *parent, const tc_perm_view *v, const tc_object *o);

/* Creates n records (in order). With upsert, a record whose id or unique field values match
 * one live record updates it instead (two matches: 400 UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT).
 */
int tc_write_create(tc_write *w, const tc_record_input *in, size_t n, bool upsert, tc_err *e);

/* Updates the live record id (404 RECORD_NOT_FOUND when there is none), or with id NULL every
 * live record filter matches (at most max_records: 400 TOO_MANY_RECORDS_TO_UPDATE). */
int tc_write_update(tc_write *w, const tc_record_input *in, const char *id, const tc_filter *filter,
                    tc_err *e);

/* Soft-deletes (soft) or destroys the record id or the records filter matches, as update. */
int tc_write_delete(tc_write *w, bool soft, const char *id, const tc_filter *filter, tc_err *e);

/* Restores the soft-deleted record id or the soft-deleted records filter matches. */
int tc_write_restore(tc_write *w, const char *id, const tc_filter *filter, tc_err *e);

/* Appends the events and commits (a joined write: appends its events only). 0, or -1 with e
 * filled (the transaction rolled back, or for a joined write left to its parent). */
int tc_write_commit(tc_write *w, tc_err *e);

/* Rolls back when still open (after a failure); harmless otherwise. */
void tc_write_abort(tc_write *w);

/* The changed records: how many, and the result and row of the i-th. */
size_t tc_write_count(const tc_write *w);
void tc_write_row(const tc_write *w, size_t i, const PGresult **r, int *row);
/* The id of the i-th changed record (in its result). */
const char *tc_write_id(const tc_write *w, size_t i);

#endif
