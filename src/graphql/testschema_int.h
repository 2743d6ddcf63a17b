/* Private to the test schema (testschema.c, testschema_data.c): the tables of objects, fields and
 * composites the generator turns into GraphQL types, as Twenty's metadata describes them. */
#ifndef TC_GRAPHQL_TESTSCHEMA_INT_H
#define TC_GRAPHQL_TESTSCHEMA_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "graphql/testschema.h"

typedef enum ts_kind {
    TS_UUID,
    TS_TEXT,
    TS_NUMBER,
    TS_NUMERIC,
    TS_BOOLEAN,
    TS_DATE_TIME,
    TS_DATE,
    TS_POSITION,
    TS_SELECT,
    TS_MULTI_SELECT,
    TS_RAW_JSON,
    TS_ARRAY,
    TS_COMPOSITE, /* ref: the composite */
    TS_REL_ONE,   /* ref: the target object (MANY_TO_ONE: a join column <name>Id) */
    TS_REL_MANY,  /* ref: the target object (ONE_TO_MANY: a connection) */
} ts_kind;

typedef struct ts_field {
    const char *name;
    ts_kind kind;
    const char *ref;
    bool required; /* non-null in the object type */
    const char *description;
    const char *const *options; /* SELECT, MULTI_SELECT: values, NULL-terminated */
    const char *deprecated;     /* a deprecation reason, or NULL */
} ts_field;

typedef struct ts_sub {
    const char *name;
    ts_kind kind; /* TEXT, NUMERIC, UUID, RAW_JSON or SELECT */
    bool hidden_on_input;
} ts_sub;

typedef struct ts_composite {
    const char *name;   /* FullName */
    const char *filter; /* the filter input's name */
    const ts_sub *subs;
    size_t nsubs;
} ts_composite;

typedef struct ts_object {
    const char *singular, *plural; /* company, companies */
    const char *description;
    const ts_field *fields;
    size_t nfields;
    const char *unique_composite, *unique_sub; /* a composite unique key, or NULL */
} ts_object;

extern const ts_composite tc_gql_ts_composites[];
extern const size_t tc_gql_ts_ncomposites;
extern const ts_object tc_gql_ts_objects[];
extern const size_t tc_gql_ts_nobjects;
extern const char *const tc_gql_ts_actor_sources[]; /* FieldActorSource, NULL-terminated */

#endif
