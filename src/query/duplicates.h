/* Finding duplicates (spec api §1.2 #2, §1.10): for each input record (a partial record, or a
 * live record given by id), the live records that match it on one of the object's duplicate
 * criteria (objectMetadata.duplicateCriteria: lists of column names, e.g. person
 * [["nameFirstName","nameLastName"],["emailsPrimaryEmail"]]), as Twenty's find-duplicates query
 * runner does. Every input is answered by one statement. */
#ifndef TC_QUERY_DUPLICATES_H
#define TC_QUERY_DUPLICATES_H

#include <libpq-fe.h>

#include "db/db.h"
#include "query/input.h"
#include "query/plan.h"

#define TC_DUPLICATES_MAX_INPUTS 200 /* records of one call (QUERY_MAX_RECORDS) */
#define TC_DUPLICATES_MAX_FOUND 200  /* duplicates returned per input (QUERY_MAX_RECORDS) */
#define TC_DUPLICATES_MIN_LENGTH 3   /* minLengthOfStringForDuplicateCheck, in characters */

/* One criterion: columns that must all be equal. */
typedef struct tc_dup_criterion {
    const tc_col **cols; /* columns of tc_duplicates.full */
    size_t ncols;
} tc_dup_criterion;

/* One record to find the duplicates of: its column values. */
typedef struct tc_dup_input {
    const char *id;         /* the record's own id (never its own duplicate), or NULL */
    const tc_assign *items; /* column values (NULL value: SQL NULL); criteria read from here */
    size_t n;
} tc_dup_input;

/* The duplicates of input i: rows [first, first + count) of tc_duplicates.rows. */
typedef struct tc_dup_found {
    int first, count;
    long total; /* all matches, of which at most TC_DUPLICATES_MAX_FOUND are rows */
} tc_dup_found;

typedef struct tc_duplicates {
    tc_arena *a; /* the request's: everything below lives in it */
    const tc_model *model;
    const tc_object *object;
    tc_find full;  /* every field: values of records given by id */
    tc_find shown; /* the fields the caller may read: what rows hold, columns 0..ncols */
    tc_dup_criterion *criteria; /* the object's criteria whose columns the caller may read */
    size_t ncriteria;
    PGresult *rows;      /* after tc_duplicates_run (cleared with the arena), or NULL */
    tc_dup_found *found; /* per input, after tc_duplicates_run */
} tc_duplicates;

/* Prepares a search over o for a caller with view v: the selections and o's criteria. A
 * criterion naming a column that is not in the model, or a field v does not let the caller
 * read, is left out (so a match never reveals an unreadable value); an object without
 * criteria has none, and every input then has no duplicates. */
void tc_duplicates_init(tc_duplicates *d, tc_arena *a, const tc_model *m, const tc_perm_view *v,
                        const tc_object *o);

/* The live records of ids[0..n) (UUIDs) as inputs, in the order of their first mention; ids of
 * no live record are left out. *out lives in d's arena. 0, or -1 with e filled. */
int tc_duplicates_by_ids(tc_duplicates *d, tc_db *db, const char *const *ids, size_t n,
                         tc_dup_input **out, size_t *nout, tc_err *e);

/* Finds the duplicates of in[0..n) (n <= TC_DUPLICATES_MAX_INPUTS) with one statement: live
 * records other than the input itself that equal it on every column of some criterion whose
 * columns the input all gives with at least TC_DUPLICATES_MIN_LENGTH characters; ordered by
 * id, at most TC_DUPLICATES_MAX_FOUND each. Fills d->rows and d->found. 0, or -1 with e
 * filled. */
int tc_duplicates_run(tc_duplicates *d, tc_db *db, const tc_dup_input *in, size_t n, tc_err *e);

/* The id of row `row` of d->rows. */
const char *tc_duplicates_id(const tc_duplicates *d, int row);

#endif
