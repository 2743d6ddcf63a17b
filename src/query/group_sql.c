/* The groupBy statement and its JSON (see group.h). One statement:
 *
 *   WITH g AS (SELECT s._d0…, <aggregates> AS _a0…, row_number() OVER (<order>) AS _gi
 *              FROM (SELECT t.*, <dimension> AS _d0… FROM <table> t <joins> WHERE …) s
 *              GROUP BY s._d0… ORDER BY <order> LIMIT n)
 *   [, r AS (records of those groups numbered per group by row_number(), at most 10 each)]
 *   SELECT g._gi, [r._rn,] g._d0…, g._a0…, [r._c0…] FROM g [LEFT JOIN r ON same dimensions]
 *   ORDER BY g._gi[, r._rn]
 *
 * Dimensions are computed once, in the inner select, so that bucketing expressions carrying
 * bind parameters (the time zone) are grouped and ordered by name. Aliases start with "_",
 * which no field name does. Identifiers come from the model through tc_sql_ident. */
#include <stdio.h>
#include <string.h>

#include "base/time.h"
#include "query/group.h"
#include "query/shape.h"
#include "query/where.h"

static const char *const gran_units[] = {
#define TC_GROUP_GRAN_UNIT(name, unit, tz) unit,
    TC_GROUP_GRANULARITIES(TC_GROUP_GRAN_UNIT)
#undef TC_GROUP_GRAN_UNIT
};

/* An alias "_<prefix><i>" (constant text, never input). */
static void alias(tc_sql *q, const char *table, const char *prefix, size_t i)
{
    char name[32];
    snprintf(name, sizeof(name), "_%s%zu", prefix, i);
    if (table) {
        tc_sql_add(q, table);
        tc_sql_add(q, ".");
    }
    tc_sql_ident(q, name);
}

/* The dimension's raw column: t.col, j<k>.col (relation target) or u<i>.v (array element). */
static void column(tc_sql *q, const tc_group_dim *d, size_t i)
{
    char table[32];
    if (d->unnest) {
        snprintf(table, sizeof(table), "u%zu.v", i);
        tc_sql_add(q, table);
        return;
    }
    if (d->join >= 0)
        snprintf(table, sizeof(table), "j%d.", d->join);
    else
        snprintf(table, sizeof(table), "t.");
    tc_sql_add(q, table);
    tc_sql_ident(q, d->column);
}

static void tz_param(tc_sql *q, const tc_group_dim *d)
{
    if (d->tz) {
        tc_sql_param(q, d->tz);
        tc_sql_add(q, "::text");
    } else {
        tc_sql_add(q, "'UTC'");
    }
}

/* date_trunc(unit, column[ + shift][, tz]) [- shift], the start of the bucket. */
static void bucket_start(tc_sql *q, const tc_group_dim *d, size_t i, const char *unit)
{
    static const char *const shifts[] = {NULL, "'1 day'", "'2 days'"};
    const char *shift = strcmp(unit, "week") == 0 ? shifts[d->week_start] : NULL;
    bool tz = d->type == TC_FT_DATE_TIME;
    if (shift)
        tc_sql_add(q, "(");
    tc_sql_add(q, "date_trunc('");
    tc_sql_add(q, unit);
    tc_sql_add(q, "', ");
    column(q, d, i);
    tc_sql_add(q, tz ? "" : "::timestamp");
    if (shift) {
        tc_sql_add(q, " + interval ");
        tc_sql_add(q, shift);
    }
    if (tz) {
        tc_sql_add(q, ", ");
        tz_param(q, d);
    }
    tc_sql_add(q, ")");
    if (shift) {
        tc_sql_add(q, " - interval ");
        tc_sql_add(q, shift);
        tc_sql_add(q, ")");
    }
}

/* The value a record gives dimension i (Twenty's getGroupByExpression): the column, a bucket's
 * first day as YYYY-MM-DD, or a weekday, month or quarter name. */
static void dim_expr(tc_sql *q, const tc_group_dim *d, size_t i)
{
    bool tz = d->type == TC_FT_DATE_TIME;
    const char *unit = gran_units[d->gran];
    const char *pattern = NULL;
    switch (d->gran) {
    case TC_GRAN_NONE: column(q, d, i); return;
    case TC_GRAN_DAY_OF_THE_WEEK: pattern = "'FMDay'"; break;
    case TC_GRAN_MONTH_OF_THE_YEAR: pattern = "'FMMonth'"; break;
    case TC_GRAN_QUARTER_OF_THE_YEAR: pattern = "'\"Q\"Q'"; break;
    default: break;
    }
    tc_sql_add(q, "to_char(");
    if (pattern) {
        column(q, d, i);
        if (tz) {
            tc_sql_add(q, " AT TIME ZONE ");
            tz_param(q, d);
        }
        tc_sql_add(q, ", ");
        tc_sql_add(q, pattern);
        tc_sql_add(q, ")");
        return;
    }
    bucket_start(q, d, i, unit);
    if (tz) {
        tc_sql_add(q, " AT TIME ZONE ");
        tz_param(q, d);
    }
    tc_sql_add(q, ", 'YYYY-MM-DD')");
}

/* FROM the object's table, the relation joins, the array unnests, and the filter with
 * soft-deleted records left out unless the filter names deletedAt (as findMany). */
static void from_where(const tc_group *g, const char *schema, tc_sql *q)
{
    tc_sql_add(q, " FROM ");
    tc_sql_ident(q, schema);
    tc_sql_add(q, ".");
    tc_sql_ident(q, g->object->table);
    tc_sql_add(q, " t");
    for (size_t k = 0; k < g->njoins; k++) {
        char alias_text[64];
        snprintf(alias_text, sizeof(alias_text), " j%zu ON j%zu.\"id\" = t.", k, k);
        tc_sql_add(q, " LEFT JOIN ");
        tc_sql_ident(q, schema);
        tc_sql_add(q, ".");
        tc_sql_ident(q, g->joins[k]->target_object->table);
        tc_sql_add(q, alias_text);
        tc_sql_ident(q, g->joins[k]->join_column);
    }
    for (size_t i = 0; i < g->ndims; i++) {
        const tc_group_dim *d = &g->dims[i];
        if (!d->unnest)
            continue;
        /* No element (empty or NULL array): one NULL group, as Twenty's ARRAY[col[1]]. */
        char text[48];
        snprintf(text, sizeof(text), " LEFT JOIN LATERAL unnest(t.");
        tc_sql_add(q, text);
        tc_sql_ident(q, d->column);
        snprintf(text, sizeof(text), ") AS u%zu(v) ON true", i);
        tc_sql_add(q, text);
    }
    bool soft = tc_object_field(g->object, "deletedAt") &&
                !(g->filter && tc_filter_mentions(g->filter, "deletedAt"));
    tc_sql_add(q, soft ? " WHERE t.\"deletedAt\" IS NULL" : " WHERE true");
    if (g->filter) {
        tc_sql_add(q, " AND ");
        tc_where_filter(q, schema, g->filter);
    }
}

/* The columns an emptiness aggregate concatenates (Twenty's getSubfieldsForAggregateOperation),
 * NULL-terminated; NULL for a non-composite field. */
static const char *const *concat_subs(tc_field_type t)
{
    static const char *const currency[] = {"amountMicros", "currencyCode", NULL};
    static const char *const full_name[] = {"firstName", "lastName", NULL};
    static const char *const address[] = {"addressStreet1",  "addressStreet2", "addressCity",
                                          "addressPostcode", "addressState",   "addressCountry",
                                          "addressLat",      "addressLng",     NULL};
    static const char *const links[] = {"primaryLinkUrl", NULL};
    static const char *const actor[] = {"workspaceMemberId", "source", NULL};
    static const char *const emails[] = {"primaryEmail", NULL};
    static const char *const phones[] = {"primaryPhoneNumber", "primaryPhoneCountryCode",
                                         "primaryPhoneCallingCode", NULL};
    static const char *const rich_text[] = {"blocknote", "markdown", NULL};
    switch (t) {
    case TC_FT_CURRENCY: return currency;
    case TC_FT_FULL_NAME: return full_name;
    case TC_FT_ADDRESS: return address;
    case TC_FT_LINKS: return links;
    case TC_FT_ACTOR: return actor;
    case TC_FT_EMAILS: return emails;
    case TC_FT_PHONES: return phones;
    case TC_FT_RICH_TEXT_V2: return rich_text;
    default: return NULL;
    }
}

static void sub_column(tc_sql *q, const tc_field *f, const char *sub)
{
    char col[TC_NAME_BUF];
    tc_sql_add(q, "s.");
    if (tc_composite_column(f->name, sub, col, sizeof(col)) == 0)
        tc_sql_ident(q, col);
    else
        tc_sql_add(q, "NULL");
}

/* NULLIF(CONCAT(columns), ''): the field's value, NULL when empty. */
static void emptiness(tc_sql *q, const tc_field *f)
{
    tc_sql_add(q, "NULLIF(CONCAT(");
    const char *const *subs = concat_subs(f->type);
    if (!subs) {
        tc_sql_add(q, "s.");
        tc_sql_ident(q, f->name);
    }
    for (size_t k = 0; subs && subs[k]; k++) {
        if (k)
            tc_sql_add(q, ", ");
        sub_column(q, f, subs[k]);
    }
    tc_sql_add(q, "), '')");
}

/* An aggregate over the group's records (Twenty's ProcessAggregateHelper). */
static void agg_expr(tc_sql *q, const tc_group_agg *a)
{
    static const char *const open[] = {
        [TC_AGG_COUNT_EMPTY] = "COUNT(*) - COUNT(",
        [TC_AGG_COUNT_NOT_EMPTY] = "COUNT(",
        [TC_AGG_COUNT_UNIQUE_VALUES] = "COUNT(DISTINCT ",
        [TC_AGG_PERCENTAGE_EMPTY] = "CAST(((COUNT(*) - COUNT(",
        [TC_AGG_PERCENTAGE_NOT_EMPTY] = "CAST((COUNT(",
        [TC_AGG_COUNT_TRUE] = "COUNT(CASE WHEN ",
        [TC_AGG_COUNT_FALSE] = "COUNT(CASE WHEN ",
    };
    static const char *const close[] = {
        [TC_AGG_COUNT_EMPTY] = ")",
        [TC_AGG_COUNT_NOT_EMPTY] = ")",
        [TC_AGG_COUNT_UNIQUE_VALUES] = ")",
        [TC_AGG_PERCENTAGE_EMPTY] = ")::decimal) / COUNT(*)) AS DECIMAL)",
        [TC_AGG_PERCENTAGE_NOT_EMPTY] = ")::decimal / COUNT(*)) AS DECIMAL)",
        [TC_AGG_COUNT_TRUE] = "::boolean = TRUE THEN 1 ELSE NULL END)",
        [TC_AGG_COUNT_FALSE] = "::boolean = FALSE THEN 1 ELSE NULL END)",
    };
    switch (a->op) {
    case TC_AGG_COUNT: tc_sql_add(q, "COUNT(s.\"id\")"); return;
    case TC_AGG_MIN:
    case TC_AGG_MAX:
    case TC_AGG_AVG:
    case TC_AGG_SUM: {
        static const char *const fn[] = {[TC_AGG_MIN] = "MIN(",
                                         [TC_AGG_MAX] = "MAX(",
                                         [TC_AGG_AVG] = "AVG(",
                                         [TC_AGG_SUM] = "SUM("};
        tc_sql_add(q, fn[a->op]);
        if (a->field->type == TC_FT_CURRENCY) {
            sub_column(q, a->field, "amountMicros");
        } else {
            tc_sql_add(q, "s.");
            tc_sql_ident(q, a->field->name);
        }
        tc_sql_add(q, ")");
        return;
    }
    default: break;
    }
    tc_sql_add(q, "CASE WHEN COUNT(*) = 0 THEN NULL ELSE ");
    tc_sql_add(q, open[a->op]);
    emptiness(q, a->field);
    tc_sql_add(q, close[a->op]);
    tc_sql_add(q, " END");
}

/* CASE mapping a weekday or month name to its rank (Twenty's getGroupByOrderExpression). */
static void rank_expr(tc_sql *q, const tc_group_dim *d, size_t i)
{
    static const char *const days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    bool week = d->gran == TC_GRAN_DAY_OF_THE_WEEK;
    size_t n = week ? 7 : 12, start = 0;
    if (week)
        start = d->week_start == TC_WEEK_SUNDAY ? 6 : d->week_start == TC_WEEK_SATURDAY ? 5 : 0;
    tc_sql_add(q, "CASE ");
    alias(q, "s", "d", i);
    for (size_t k = 0; k < n; k++) {
        char when[48];
        snprintf(when, sizeof(when), " WHEN '%s' THEN %zu",
                 week ? days[(start + k) % 7] : months[k], k + 1);
        tc_sql_add(q, when);
    }
    tc_sql_add(q, " END");
}

static void dim_order_expr(tc_sql *q, const tc_group *g, size_t i, bool as_text)
{
    const tc_group_dim *d = &g->dims[i];
    if (d->gran == TC_GRAN_DAY_OF_THE_WEEK || d->gran == TC_GRAN_MONTH_OF_THE_YEAR) {
        rank_expr(q, d, i);
        return;
    }
    alias(q, "s", "d", i);
    if (as_text)
        tc_sql_add(q, "::text");
}

static void direction(tc_sql *q, tc_order_dir dir)
{
    tc_sql_add(q, tc_order_dir_desc(dir) ? " DESC" : " ASC");
    tc_sql_add(q, tc_order_dir_nulls_first(dir) ? " NULLS FIRST" : " NULLS LAST");
}

/* The group order: the requested keys, then every dimension ascending so that it is total. */
static void group_order(tc_sql *q, const tc_group *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->norder; i++, n++) {
        const tc_group_key *k = &g->order[i];
        if (n)
            tc_sql_add(q, ", ");
        if (k->aggregate)
            agg_expr(q, &k->agg);
        else
            dim_order_expr(q, g, k->dim, k->as_text);
        direction(q, k->dir);
    }
    for (size_t i = 0; i < g->ndims; i++, n++) {
        if (n)
            tc_sql_add(q, ", ");
        dim_order_expr(q, g, i, false);
        direction(q, TC_ORDER_ASC_NULLS_FIRST);
    }
}

static void groups_cte(const tc_group *g, const char *schema, const char *limit_text, tc_sql *q)
{
    tc_sql_add(q, "WITH g AS (SELECT ");
    for (size_t i = 0; i < g->ndims; i++) {
        alias(q, "s", "d", i);
        tc_sql_add(q, ", ");
    }
    for (size_t i = 0; i < g->naggs; i++) {
        agg_expr(q, &g->aggs[i]);
        tc_sql_add(q, " AS ");
        alias(q, NULL, "a", i);
        tc_sql_add(q, ", ");
    }
    tc_sql_add(q, "row_number() OVER (");
    if (g->norder || g->ndims) {
        tc_sql_add(q, "ORDER BY ");
        group_order(q, g);
    }
    tc_sql_add(q, ") AS \"_gi\" FROM (SELECT t.*");
    for (size_t i = 0; i < g->ndims; i++) {
        tc_sql_add(q, ", ");
        dim_expr(q, &g->dims[i], i);
        tc_sql_add(q, " AS ");
        alias(q, NULL, "d", i);
    }
    from_where(g, schema, q);
    tc_sql_add(q, ") s");
    /* No dimension: one group of every record (GROUP BY () still aggregates). */
    if (g->ndims == 0)
        tc_sql_add(q, " GROUP BY ()");
    for (size_t i = 0; i < g->ndims; i++) {
        tc_sql_add(q, i ? ", " : " GROUP BY ");
        alias(q, "s", "d", i);
    }
    if (g->norder || g->ndims) {
        tc_sql_add(q, " ORDER BY ");
        group_order(q, g);
    }
    tc_sql_add(q, " LIMIT ");
    tc_sql_param(q, limit_text);
    tc_sql_add(q, "::int)");
}

/* r: the filtered records with their dimensions, numbered within each group in the records'
 * order, at most TC_GROUP_RECORDS_PER_GROUP per group. */
static void samples_cte(const tc_group *g, const char *schema, tc_sql *q)
{
    const tc_find *f = &g->records;
    tc_sql_add(q, ", r AS (SELECT * FROM (SELECT ");
    for (size_t i = 0; i < f->ncols; i++) {
        const tc_col *c = &f->cols[i];
        bool array = c->type == TC_FT_ARRAY || c->type == TC_FT_MULTI_SELECT;
        tc_sql_add(q, array ? "array_to_json(t." : "t.");
        tc_sql_ident(q, c->name);
        tc_sql_add(q, array ? ") AS " : " AS ");
        alias(q, NULL, "c", i);
        tc_sql_add(q, ", ");
    }
    for (size_t i = 0; i < g->ndims; i++) {
        dim_expr(q, &g->dims[i], i);
        tc_sql_add(q, " AS ");
        alias(q, NULL, "d", i);
        tc_sql_add(q, ", ");
    }
    tc_sql_add(q, "row_number() OVER (");
    for (size_t i = 0; i < g->ndims; i++) {
        tc_sql_add(q, i ? ", " : "PARTITION BY ");
        dim_expr(q, &g->dims[i], i);
    }
    tc_order_by_sql(q, schema, &f->order, true);
    tc_sql_add(q, ") AS \"_rn\"");
    from_where(g, schema, q);
    char cap[64];
    snprintf(cap, sizeof(cap), ") x WHERE x.\"_rn\" <= %d)", TC_GROUP_RECORDS_PER_GROUP);
    tc_sql_add(q, cap);
}

void tc_group_sql(const tc_group *g, const char *schema, const char *limit_text, tc_sql *q)
{
    groups_cte(g, schema, limit_text, q);
    if (g->with_records)
        samples_cte(g, schema, q);
    tc_sql_add(q, " SELECT g.\"_gi\"");
    if (g->with_records)
        tc_sql_add(q, ", r.\"_rn\"");
    for (size_t i = 0; i < g->ndims; i++) {
        const tc_group_dim *d = &g->dims[i];
        bool array = !d->unnest && (d->type == TC_FT_ARRAY || d->type == TC_FT_MULTI_SELECT);
        tc_sql_add(q, array ? ", array_to_json(" : ", ");
        alias(q, "g", "d", i);
        if (array)
            tc_sql_add(q, ")");
    }
    for (size_t i = 0; i < g->naggs; i++) {
        tc_sql_add(q, ", ");
        alias(q, "g", "a", i);
    }
    for (size_t i = 0; g->with_records && i < g->records.ncols; i++) {
        tc_sql_add(q, ", ");
        alias(q, "r", "c", i);
    }
    tc_sql_add(q, " FROM g");
    if (g->with_records) {
        tc_sql_add(q, " LEFT JOIN r ON true");
        for (size_t i = 0; i < g->ndims; i++) {
            tc_sql_add(q, " AND ");
            alias(q, "g", "d", i);
            tc_sql_add(q, " IS NOT DISTINCT FROM ");
            alias(q, "r", "d", i);
        }
    }
    tc_sql_add(q, " ORDER BY g.\"_gi\"");
    if (g->with_records)
        tc_sql_add(q, ", r.\"_rn\"");
}

static void number(tc_json *j, const char *v)
{
    bool finite = strcmp(v, "NaN") != 0 && !strstr(v, "Infinity");
    if (finite)
        tc_json_raw(j, v, strlen(v));
    else
        tc_json_null(j);
}

static void timestamp(tc_json *j, const char *v)
{
    char iso[TC_ISO8601_LEN + 1];
    tc_json_str(j, tc_time_pg_to_iso(v, iso) == 0 ? iso : v);
}

static void dim_value(tc_json *j, const tc_group_dim *d, const PGresult *r, int row, int col)
{
    if (PQgetisnull(r, row, col)) {
        tc_json_null(j);
        return;
    }
    const char *v = PQgetvalue(r, row, col);
    if (d->gran != TC_GRAN_NONE) {
        tc_json_str(j, v);
        return;
    }
    switch (d->type) {
    case TC_FT_NUMBER:
    case TC_FT_NUMERIC:
    case TC_FT_POSITION: number(j, v); break;
    case TC_FT_BOOLEAN: tc_json_bool(j, v[0] == 't'); break;
    case TC_FT_DATE_TIME: timestamp(j, v); break;
    case TC_FT_ARRAY:
    case TC_FT_MULTI_SELECT:
        if (d->unnest)
            tc_json_str(j, v);
        else
            tc_json_raw(j, v, strlen(v));
        break;
    default: tc_json_str(j, v); break;
    }
}

static void agg_value(tc_json *j, const tc_group_agg *a, const PGresult *r, int row, int col)
{
    if (PQgetisnull(r, row, col)) {
        tc_json_null(j);
        return;
    }
    const char *v = PQgetvalue(r, row, col);
    bool dated = (a->op == TC_AGG_MIN || a->op == TC_AGG_MAX) && a->field &&
                 (a->field->type == TC_FT_DATE_TIME || a->field->type == TC_FT_DATE);
    if (!dated)
        number(j, v);
    else if (a->field->type == TC_FT_DATE_TIME)
        timestamp(j, v);
    else
        tc_json_str(j, v);
}

void tc_group_write(tc_json *j, const tc_group *g, const PGresult *r)
{
    int first_dim = g->with_records ? 2 : 1;
    int first_agg = first_dim + (int)g->ndims;
    int first_col = first_agg + (int)g->naggs;
    tc_find records = g->records;
    int *at = NULL;
    if (g->with_records) {
        at = tc_arena_calloc(g->arena, records.ncols + 1, sizeof(*at));
        for (size_t i = 0; i < records.ncols; i++)
            at[i] = first_col + (int)i;
        records.at = at;
    }
    tc_json_arr_begin(j);
    const char *gi = NULL;
    int n = PQntuples(r);
    for (int row = 0; row < n; row++) {
        bool same = gi && strcmp(gi, PQgetvalue(r, row, 0)) == 0;
        if (!same) {
            if (gi) {
                if (g->with_records)
                    tc_json_arr_end(j);
                tc_json_obj_end(j);
            }
            gi = PQgetvalue(r, row, 0);
            tc_json_obj_begin(j);
            for (size_t i = 0; i < g->naggs; i++) {
                tc_json_key(j, g->aggs[i].name);
                agg_value(j, &g->aggs[i], r, row, first_agg + (int)i);
            }
            tc_json_key(j, "groupByDimensionValues");
            tc_json_arr_begin(j);
            for (size_t i = 0; i < g->ndims; i++)
                dim_value(j, &g->dims[i], r, row, first_dim + (int)i);
            tc_json_arr_end(j);
            if (g->with_records) {
                tc_json_key(j, "records");
                tc_json_arr_begin(j);
            }
        }
        if (g->with_records && !PQgetisnull(r, row, 1))
            tc_shape_record(j, &records, r, row);
    }
    if (gi) {
        if (g->with_records)
            tc_json_arr_end(j);
        tc_json_obj_end(j);
    }
    tc_json_arr_end(j);
}
