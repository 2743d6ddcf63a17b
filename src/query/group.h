/* groupBy for records (spec/twenty-api.md §1.2 #4, §1.4, §1.11, §4.5): Twenty's JSON `group_by`,
 * `aggregate` and `order_by` parameters parsed against one object of the metadata model and the
 * caller's permission view, then one statement that groups the filtered records, computes the
 * aggregates, orders and limits the groups and, when asked, samples records per group with a
 * window function. Errors are 400 (TC_E_BAD_REQUEST with Twenty's reason codes) or 403 for an
 * unreadable field. */
#ifndef TC_QUERY_GROUP_H
#define TC_QUERY_GROUP_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/json.h"
#include "db/sql.h"
#include "meta/model.h"
#include "perm/view.h"
#include "query/filter.h"
#include "query/order.h"
#include "query/plan.h"

/* Bounds on input; anything larger is a 400. */
#define TC_GROUP_MAX_LEN 4096         /* bytes of group_by, aggregate or order_by */
#define TC_GROUP_MAX_DIMS 8           /* items of group_by */
#define TC_GROUP_MAX_AGGREGATES 64    /* names in aggregate */
#define TC_GROUP_MAX_ORDER 16         /* items of order_by */
#define TC_GROUP_MAX_TZ 64            /* bytes of a timeZone */
#define TC_GROUP_DEFAULT_LIMIT 50     /* DEFAULT_NUMBER_OF_GROUPS_LIMIT */
#define TC_GROUP_RECORDS_PER_GROUP 10 /* RECORDS_PER_GROUP_LIMIT of include_records_sample */

/* ObjectRecordGroupByDateGranularity: name, the date_trunc unit (or NULL), whether a
 * DATE_TIME needs a time zone (GROUP_BY_DATE_GRANULARITY_THAT_REQUIRE_TIME_ZONE). */
#define TC_GROUP_GRANULARITIES(X)                                                                  \
    X(NONE, NULL, false)                                                                           \
    X(DAY, "day", true)                                                                            \
    X(WEEK, "week", true)                                                                          \
    X(MONTH, "month", true)                                                                        \
    X(QUARTER, "quarter", true)                                                                    \
    X(YEAR, "year", true)                                                                          \
    X(DAY_OF_THE_WEEK, NULL, false)                                                                \
    X(MONTH_OF_THE_YEAR, NULL, false)                                                              \
    X(QUARTER_OF_THE_YEAR, NULL, false)

typedef enum tc_group_gran {
#define TC_GROUP_GRAN_ENUM(name, unit, tz) TC_GRAN_##name,
    TC_GROUP_GRANULARITIES(TC_GROUP_GRAN_ENUM)
#undef TC_GROUP_GRAN_ENUM
} tc_group_gran;

const char *tc_group_gran_name(tc_group_gran g); /* "MONTH" */

/* FirstDayOfTheWeek, for WEEK and DAY_OF_THE_WEEK. */
typedef enum tc_week_start { TC_WEEK_MONDAY, TC_WEEK_SUNDAY, TC_WEEK_SATURDAY } tc_week_start;

/* Twenty's aggregate operations (AggregateOperations): name prefix, what the value is. */
#define TC_GROUP_AGG_OPS(X)                                                                        \
    X(COUNT, "totalCount")                                                                         \
    X(COUNT_UNIQUE_VALUES, "countUniqueValues")                                                    \
    X(COUNT_EMPTY, "countEmpty")                                                                   \
    X(COUNT_NOT_EMPTY, "countNotEmpty")                                                            \
    X(PERCENTAGE_EMPTY, "percentageEmpty")                                                         \
    X(PERCENTAGE_NOT_EMPTY, "percentageNotEmpty")                                                  \
    X(COUNT_TRUE, "countTrue")                                                                     \
    X(COUNT_FALSE, "countFalse")                                                                   \
    X(MIN, "min")                                                                                  \
    X(MAX, "max")                                                                                  \
    X(AVG, "avg")                                                                                  \
    X(SUM, "sum")

typedef enum tc_group_agg_op {
#define TC_GROUP_AGG_ENUM(name, prefix) TC_AGG_##name,
    TC_GROUP_AGG_OPS(TC_GROUP_AGG_ENUM)
#undef TC_GROUP_AGG_ENUM
        TC_AGG_OP_COUNT
} tc_group_agg_op;

/* One dimension of the grouping: a column of the object, of a composite sub-field, of the
 * record a MANY_TO_ONE relation points to, or the elements of an array column. */
typedef struct tc_group_dim {
    const tc_field *field;  /* of the object (the relation field for a relation dimension) */
    const tc_field *nested; /* a field of the relation's target, or NULL */
    const tc_subfield *sub; /* composite sub-field (of nested when set), or NULL */
    const char *column;     /* the column (arena), on the object's or the target's table */
    tc_field_type type;     /* what the column holds (UUID for a join column) */
    tc_group_gran gran;     /* NONE unless a date column is bucketed */
    tc_week_start week_start;
    const char *tz; /* IANA time zone for DATE_TIME buckets, or NULL */
    bool unnest;    /* one group per array element ({"tags":{"unnest":true}}) */
    int join;       /* index of the relation's join in the statement, or -1 */
} tc_group_dim;

/* One aggregate: Twenty's name (countNotEmptyId, sumAmountAmountMicros, totalCount). */
typedef struct tc_group_agg {
    const char *name;
    tc_group_agg_op op;
    const tc_field *field; /* NULL for totalCount */
} tc_group_agg;

/* One key of the group order: a dimension or an aggregate. */
typedef struct tc_group_key {
    bool aggregate;
    size_t dim;       /* !aggregate: index in dims */
    tc_group_agg agg; /* aggregate */
    tc_order_dir dir;
    bool as_text; /* order an enum dimension by its text, as Twenty does */
} tc_group_key;

typedef struct tc_group {
    tc_arena *arena;
    const tc_perm_view *view; /* NULL: every field readable */
    const tc_object *object;
    tc_group_dim *dims;
    size_t ndims;
    const tc_field **joins; /* the relation fields dimensions go through, each joined once */
    size_t njoins;
    tc_group_agg *aggs; /* requested, in request order, without repeats */
    size_t naggs;
    tc_group_key *order;
    size_t norder;
    const tc_filter *filter; /* or NULL */
    int limit;               /* groups: 1..TC_QUERY_MAX_RECORDS */
    bool with_records;       /* include_records_sample */
    tc_find records;         /* with_records: the sample's selection and order */
} tc_group;

/* An empty grouping of o for the caller's view v (NULL: every field readable), everything in
 * a. The limit is TC_GROUP_DEFAULT_LIMIT. */
void tc_group_init(tc_group *g, tc_arena *a, const tc_perm_view *v, const tc_object *o);

/* Parses the `group_by` parameter (text NULL: absent, which is a 400). 0, or -1 with e filled:
 * 400 (INVALID_GROUP_BY_QUERY_PARAM for malformed JSON, INVALID_QUERY_INPUT for a field that
 * cannot be grouped by, MISSING_TIMEZONE_FOR_DATE_GROUP_BY, INVALID_TIMEZONE) or 403
 * (PERMISSION_DENIED: an unreadable field or relation target). */
int tc_group_parse_by(tc_group *g, const char *text, tc_err *e);

/* Parses the `aggregate` parameter (NULL: none). 0, or -1 with e filled: 400
 * (INVALID_AGGREGATE_FIELDS_QUERY_PARAM) or 403 for an unreadable field. */
int tc_group_parse_aggregates(tc_group *g, const char *text, tc_err *e);

/* Parses the JSON `order_by` parameter (NULL: none) against the dimensions, so it comes after
 * tc_group_parse_by. 0, or -1 with e filled: 400 (INVALID_ORDER_BY_WITH_GROUP_BY_QUERY_PARAM)
 * or 403. */
int tc_group_parse_order(tc_group *g, const char *text, tc_err *e);

/* Asks for a sample of records per group, ordered by `order_by_for_records` (findMany's
 * grammar; NULL: by id), each with every field the view lets the caller read. 0, or -1 with e
 * filled (400 INVALID_ORDER_BY_QUERY_PARAM). */
int tc_group_sample(tc_group *g, const char *order_for_records, tc_err *e);

/* The whole client message of e: Twenty's order_by usage text is longer than tc_err.message
 * holds, and is given back whole when e carries its cut copy; otherwise e->message. */
const char *tc_group_error_text(const tc_err *e);

/* The first time zone a dimension buckets dates in, or NULL (a database refusal of the
 * statement with SQLSTATE 22023 is then an unknown time zone). */
const char *tc_group_tz(const tc_group *g);

/* The statement of g on schema into q. limit_text: g->limit as text, owned by the caller. Its
 * rows: one per group, or one per sampled record of a group, groups in order. */
void tc_group_sql(const tc_group *g, const char *schema, const char *limit_text, tc_sql *q);

/* Writes the rows of r (from tc_group_sql) as Twenty's array of group items:
 * {"<aggregate>":…, "groupByDimensionValues":[…], "records":[…] (with a sample)}. */
void tc_group_write(tc_json *j, const tc_group *g, const PGresult *r);

#endif
