/* `twentyc doctor`: compares a workspace's metadata with the real catalog of its schema
 * (tables, columns and their types, nullability, enum types and values, foreign keys, indexes,
 * the search vector) and reports every difference. */
#ifndef TC_META_DOCTOR_H
#define TC_META_DOCTOR_H

#include <stdio.h>

#include "db/db.h"
#include "meta/model.h"

/* Writes one line per difference to out, each starting with the workspace schema. Returns how
 * many differences were found, or -1 with e filled when the catalog cannot be read. */
int tc_doctor_workspace(tc_db *db, const tc_model *m, FILE *out, tc_err *e);

#endif
