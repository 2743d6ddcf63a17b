/* A dotted field path of a filter or order_by (`name.firstName`, `companyId`,
 * `company.name`, `pointOfContact.name.firstName`) resolved against an object of the metadata
 * model to one column. Shared by filter.c and order.c. */
#ifndef TC_QUERY_PATH_H
#define TC_QUERY_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "meta/model.h"

/* At most: relation . field . sub-field */
#define TC_PATH_MAX_SEGMENTS 3
/* Bytes of one path as written. */
#define TC_PATH_MAX_LEN 256

typedef struct tc_path {
    const tc_field *via;     /* the MANY_TO_ONE relation the path goes through, or NULL */
    const tc_object *object; /* whose table holds column: the root object or via's target */
    const tc_field *field;   /* the field of object the column belongs to */
    const tc_subfield *sub;  /* the composite sub-field, or NULL */
    const char *column;      /* column of object's table (arena): field, join column or
                                composite column (nameFirstName) */
    tc_field_type type;      /* the column's type: the sub-field's, UUID for a join column */
    bool join_column;        /* the path named a relation's join column (companyId) */
    const char *segs[TC_PATH_MAX_SEGMENTS]; /* the segments as written (arena), e.g. the keys
                                               of a cursor */
    size_t nsegs;
} tc_path;

typedef enum tc_path_status {
    TC_PATH_OK,
    TC_PATH_MALFORMED,      /* empty segment, too long, too many segments */
    TC_PATH_UNKNOWN_FIELD,  /* *bad = the segment not found */
    TC_PATH_TO_MANY,        /* goes through a ONE_TO_MANY relation: *bad = its name */
    TC_PATH_NEEDS_SUBFIELD, /* a composite or a relation named without a sub-field */
    TC_PATH_UNKNOWN_SUB,    /* *bad = the sub-field not found */
} tc_path_status;

/* Resolves s[0..n) against o. On TC_PATH_OK fills *out (strings in a); otherwise *bad (when
 * not NULL) names the offending segment (arena copy) and *object the object it was looked up
 * on. Never fails on hostile input other than by status. */
tc_path_status tc_path_resolve(tc_arena *a, const tc_object *o, const char *s, size_t n,
                               tc_path *out, const char **bad, const tc_object **object);

/* The field of o called name, or the MANY_TO_ONE field whose join column is name. */
const tc_field *tc_path_field(const tc_object *o, const char *name, bool *join_column);

#endif
