/* Merging records (spec api §1.2 #11, §1.10), as Twenty's merge-many query runner does: the
 * record at the conflict-priority index wins, its empty fields are filled from the others
 * (arrays, e-mails, phones and links are united), every MANY_TO_ONE relation of the model that
 * points at the others is re-pointed at it, and the others are destroyed; all in one
 * transaction with the events of every change. */
#ifndef TC_QUERY_MERGE_H
#define TC_QUERY_MERGE_H

#include <jansson.h>

#include "query/write.h"

#define TC_MERGE_MAX_RECORDS 9 /* MUTATION_MAX_MERGE_RECORDS */

/* Whether v holds a value in Twenty's sense (hasRecordFieldValue): not null, a string with
 * something besides spaces, a number, a boolean, a non-empty array, or an object one of whose
 * members holds a value. */
bool tc_merge_has_value(const json_t *v);

/* One field's merged value from the records' values (values[i]: record i's value as
 * tc_shape_record writes it; NULL counts as null), record `priority` winning: ARRAY and
 * MULTI_SELECT united; EMAILS, PHONES and LINKS keep the winner's primary item (else the first
 * record's that has one) and unite every other item into the additional ones; any other type
 * takes the winner's value, else the first value there is. A new reference, or NULL when no
 * record has a value (the field stays as it is). */
json_t *tc_merge_field(tc_field_type type, json_t *const *values, size_t n, size_t priority);

typedef struct tc_merge_args {
    const char *const *ids; /* 2..TC_MERGE_MAX_RECORDS UUIDs, the caller checked */
    size_t n;
    size_t priority; /* index into ids of the record that wins conflicts */
    bool dry_run;
    int depth; /* of the answer: 0, or 1 with the relations the caller may read */
} tc_merge_args;

/* Merges the live records args->ids of w->object inside w (tc_write_begin'd, open) for a caller
 * with view v: the fields v lets the caller read are merged (system fields never), the winner
 * is updated with the fields whose value changes (each one v must let the caller update), the
 * relations pointing at the others are re-pointed (soft-deleted records too; v must let the
 * caller update each relation that has records to re-point) with their events appended to w's
 * transaction, then the others are destroyed and the winner updated in w; the caller commits
 * w. A dry run changes nothing (the caller aborts w); its answer is the merged record with a
 * new id and deletedAt now, as Twenty answers it, and at depth=1 the winner's to-one relations
 * (else the first record's) and every record's to-many relations. *answer: the record the call
 * answers with (the fields v lets the caller read), a new reference for the caller. 0, or -1
 * with e filled (404 RECORD_NOT_FOUND "One or more records not found" when an id is not a live
 * record or is repeated). */
int tc_merge_run(tc_write *w, const tc_perm_view *v, const tc_merge_args *args, json_t **answer,
                 tc_err *e);

#endif
