/* Finding duplicates (see duplicates.h): the criteria from the object's metadata, the inputs
 * given by id, and one UNION ALL statement with a branch per input that has a usable
 * criterion. */
#include "query/duplicates.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "query/sql.h"

#define DUP_SQL_MAX (8u << 20) /* 200 inputs of a few criteria each, and the selection */
#define DUP_MAX_CRITERIA 32    /* criteria of one object, and columns of one criterion */
#define DUP_INDEX_TEXT 12      /* "199" and its NUL, with room */
#define STR_(x) #x
#define STR(x) STR_(x)

static void clear_result(void *r)
{
    PQclear(r);
}

/* The column of full called name, or NULL. */
/* One criterion (a JSON array of column names), or false when a column is unknown or
 * unreadable by v. */
static bool criterion(tc_duplicates *d, const tc_perm_view *v, const json_t *names,
                      tc_dup_criterion *out)
{
    size_t n = json_array_size(names);
    if (n == 0 || n > DUP_MAX_CRITERIA)
        return false;
    out->cols = tc_arena_calloc(d->a, n, sizeof(*out->cols));
    out->ncols = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = json_string_value(json_array_get(names, i));
        int at = name ? tc_find_col(&d->full, name) : -1;
        const tc_col *c = at >= 0 ? &d->full.cols[at] : NULL;
        if (!c || (v && !tc_perm_field(v, c->field).read))
            return false;
        out->cols[out->ncols++] = c;
    }
    return true;
}

void tc_duplicates_init(tc_duplicates *d, tc_arena *a, const tc_model *m, const tc_perm_view *v,
                        const tc_object *o)
{
    memset(d, 0, sizeof(*d));
    d->a = a;
    d->model = m;
    d->object = o;
    tc_find_init(&d->full, a, NULL, o);
    tc_find_init(&d->shown, a, v, o);
    json_t *all = o->duplicate_criteria ? json_loads(o->duplicate_criteria, 0, NULL) : NULL;
    size_t n = json_array_size(all);
    if (n > DUP_MAX_CRITERIA)
        n = DUP_MAX_CRITERIA;
    d->criteria = tc_arena_calloc(a, n + 1, sizeof(*d->criteria));
    for (size_t i = 0; i < n; i++)
        if (criterion(d, v, json_array_get(all, i), &d->criteria[d->ncriteria]))
            d->ncriteria++;
    json_decref(all);
}

static void table(tc_sql *q, const tc_duplicates *d)
{
    tc_sql_ident(q, d->model->schema);
    tc_sql_add(q, ".");
    tc_sql_ident(q, d->object->table);
}

static bool soft(const tc_object *o)
{
    return tc_object_field(o, "deletedAt") != NULL;
}

/* The ids as a PostgreSQL uuid[] literal (they are UUIDs: no quoting needed). */
static const char *ids_literal(tc_arena *a, const char *const *ids, size_t n)
{
    char *out = tc_arena_alloc(a, n * (TC_UUID_STR_LEN + 1) + 3);
    size_t len = 0;
    out[len++] = '{';
    for (size_t i = 0; i < n; i++) {
        if (i)
            out[len++] = ',';
        memcpy(out + len, ids[i], TC_UUID_STR_LEN);
        len += TC_UUID_STR_LEN;
    }
    out[len++] = '}';
    out[len] = '\0';
    return out;
}

int tc_duplicates_by_ids(tc_duplicates *d, tc_db *db, const char *const *ids, size_t n,
                         tc_dup_input **out, size_t *nout, tc_err *e)
{
    *out = tc_arena_calloc(d->a, n + 1, sizeof(**out));
    *nout = 0;
    if (n == 0)
        return 0;
    tc_sql q;
    tc_sql_init(&q, DUP_SQL_MAX);
    tc_sql_add(&q, "SELECT ");
    tc_find_columns_sql(&d->full, &q);
    tc_sql_add(&q, " FROM ");
    table(&q, d);
    tc_sql_add(&q, " t WHERE t.\"id\" = ANY(");
    tc_sql_param(&q, ids_literal(d->a, ids, n));
    tc_sql_add(&q, "::uuid[])");
    if (soft(d->object))
        tc_sql_add(&q, " AND t.\"deletedAt\" IS NULL");
    PGresult *r = tc_sql_ok(&q) ? tc_db_query(db, tc_sql_text(&q), q.nparams, q.params, e) : NULL;
    if (!tc_sql_ok(&q))
        tc_err_set(e, TC_E_BAD_REQUEST, "Query too large");
    tc_sql_fini(&q);
    if (!r)
        return -1;
    tc_arena_defer(d->a, clear_result, r);
    int idcol = tc_find_col(&d->full, "id");
    int rows = PQntuples(r);
    bool *used = tc_arena_calloc(d->a, (size_t)rows + 1, sizeof(*used));
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < rows; k++) {
            if (used[k] || strcasecmp(PQgetvalue(r, k, idcol), ids[i]) != 0)
                continue;
            used[k] = true;
            tc_assign *items = tc_arena_calloc(d->a, d->full.ncols + 1, sizeof(*items));
            for (size_t c = 0; c < d->full.ncols; c++) {
                items[c].field = d->full.cols[c].field;
                items[c].column = d->full.cols[c].name;
                items[c].value = PQgetisnull(r, k, (int)c) ? NULL : PQgetvalue(r, k, (int)c);
            }
            (*out)[(*nout)++] = (tc_dup_input){PQgetvalue(r, k, idcol), items, d->full.ncols};
        }
    }
    return 0;
}

/* The value the input gives column, or NULL. */
static const char *value_of(const tc_dup_input *in, const char *column)
{
    for (size_t i = 0; i < in->n; i++)
        if (strcmp(in->items[i].column, column) == 0)
            return in->items[i].value;
    return NULL;
}

/* Characters (UTF-8 code points) of s. */
static size_t characters(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Whether the input gives every column of criterion c with enough characters. */
static bool usable(const tc_dup_input *in, const tc_dup_criterion *c)
{
    for (size_t i = 0; i < c->ncols; i++) {
        const char *v = value_of(in, c->cols[i]->name);
        if (!v || characters(v) < TC_DUPLICATES_MIN_LENGTH)
            return false;
    }
    return true;
}

/* The branch of input k: its duplicates, or false when no criterion applies. */
static bool branch(tc_duplicates *d, const tc_dup_input *in, size_t k, bool first, tc_sql *q)
{
    size_t usable_count = 0;
    for (size_t i = 0; i < d->ncriteria; i++)
        usable_count += usable(in, &d->criteria[i]);
    if (usable_count == 0)
        return false;
    char index[DUP_INDEX_TEXT];
    snprintf(index, sizeof(index), "%zu", k);
    tc_sql_add(q, first ? "(SELECT " : " UNION ALL (SELECT ");
    tc_find_columns_sql(&d->shown, q);
    tc_sql_add(q, ", ");
    tc_sql_param(q, tc_arena_strdup(d->a, index));
    tc_sql_add(q, "::int AS \"tc_input\", count(*) OVER () AS \"tc_total\", t.\"id\" AS \"tc_id\""
                  " FROM ");
    table(q, d);
    tc_sql_add(q, " t WHERE ");
    tc_sql_add(q, soft(d->object) ? "t.\"deletedAt\" IS NULL" : "true");
    if (in->id) {
        tc_sql_add(q, " AND t.\"id\" <> ");
        tc_sql_param(q, in->id);
        tc_sql_add(q, "::uuid");
    }
    tc_sql_add(q, " AND (");
    bool any = false;
    for (size_t i = 0; i < d->ncriteria; i++) {
        const tc_dup_criterion *c = &d->criteria[i];
        if (!usable(in, c))
            continue;
        tc_sql_add(q, any ? " OR (" : "(");
        any = true;
        for (size_t j = 0; j < c->ncols; j++) {
            tc_sql_add(q, j ? " AND t." : "t.");
            tc_sql_ident(q, c->cols[j]->name);
            tc_sql_add(q, " = ");
            tc_sql_param(q, value_of(in, c->cols[j]->name));
        }
        tc_sql_add(q, ")");
    }
    tc_sql_add(q, ") ORDER BY t.\"id\" LIMIT " STR(TC_DUPLICATES_MAX_FOUND) ")");
    return true;
}

int tc_duplicates_run(tc_duplicates *d, tc_db *db, const tc_dup_input *in, size_t n, tc_err *e)
{
    d->rows = NULL;
    d->found = tc_arena_calloc(d->a, n + 1, sizeof(*d->found));
    if (n > TC_DUPLICATES_MAX_INPUTS)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Too many records to find duplicates of");
    tc_sql q;
    tc_sql_init(&q, DUP_SQL_MAX);
    tc_sql_add(&q, "SELECT * FROM (");
    size_t branches = 0;
    for (size_t k = 0; k < n; k++)
        branches += branch(d, &in[k], k, branches == 0, &q);
    tc_sql_add(&q, ") u ORDER BY u.\"tc_input\", u.\"tc_id\"");
    if (branches == 0) {
        tc_sql_fini(&q);
        return 0;
    }
    PGresult *r = tc_sql_ok(&q) ? tc_db_query(db, tc_sql_text(&q), q.nparams, q.params, e) : NULL;
    if (!tc_sql_ok(&q))
        tc_err_set(e, TC_E_BAD_REQUEST, "Query too large");
    tc_sql_fini(&q);
    if (!r)
        return -1;
    tc_arena_defer(d->a, clear_result, r);
    d->rows = r;
    int input = PQfnumber(r, "tc_input"), total = PQfnumber(r, "tc_total");
    for (int row = 0; row < PQntuples(r); row++) {
        size_t k = (size_t)strtoul(PQgetvalue(r, row, input), NULL, 10);
        if (k >= n)
            continue;
        if (d->found[k].count++ == 0) {
            d->found[k].first = row;
            d->found[k].total = strtol(PQgetvalue(r, row, total), NULL, 10);
        }
    }
    return 0;
}

const char *tc_duplicates_id(const tc_duplicates *d, int row)
{
    return PQgetvalue(d->rows, row, PQfnumber(d->rows, "tc_id"));
}
