/* Loading and stitching to-many relations (see relations.h). Parents and children meet by id
 * text: both come from PostgreSQL's canonical uuid output, so equal ids are equal strings. */
#include "query/relations.h"

#include <stdlib.h>
#include <string.h>

#include "query/sql.h"

static void clear(void *res)
{
    PQclear(res);
}

static int group_cmp(const void *a, const void *b)
{
    return strcmp(((const tc_rel_group *)a)->key, ((const tc_rel_group *)b)->key);
}

static const tc_rel_group *find_group(const tc_rel_group *g, size_t n, const char *key)
{
    tc_rel_group probe = {.key = key};
    return n ? bsearch(&probe, g, n, sizeof(*g), group_cmp) : NULL;
}

/* The ids of rows [0, nrows) as one uuid[] literal: ids from PostgreSQL, nothing to escape. */
static const char *ids_array(tc_arena *a, const PGresult *rows, int nrows, int col)
{
    size_t cap = (size_t)nrows * (TC_UUID_STR_LEN + 1) + 3, len = 0;
    char *out = tc_arena_alloc(a, cap);
    out[len++] = '{';
    for (int i = 0; i < nrows; i++) {
        const char *id = PQgetvalue(rows, i, col);
        size_t n = strnlen(id, TC_UUID_STR_LEN);
        if (i)
            out[len++] = ',';
        memcpy(out + len, id, n);
        len += n;
    }
    out[len++] = '}';
    out[len] = '\0';
    return out;
}

/* Runs of equal tc_parent in a batch ordered by parent, sorted by parent id. */
static void group(tc_arena *a, tc_rel_batch *b, int parent_col)
{
    int n = PQntuples(b->rows);
    b->groups = tc_arena_calloc(a, (size_t)n + 1, sizeof(*b->groups));
    b->ngroups = 0;
    for (int i = 0; i < n; i++) {
        const char *parent = PQgetvalue(b->rows, i, parent_col);
        tc_rel_group *last = b->ngroups ? &b->groups[b->ngroups - 1] : NULL;
        if (last && strcmp(last->key, parent) == 0) {
            last->n++;
            continue;
        }
        b->groups[b->ngroups++] = (tc_rel_group){.key = parent, .first = i, .n = 1};
    }
    qsort(b->groups, b->ngroups, sizeof(*b->groups), group_cmp);
}

int tc_relations_load(tc_relations *s, tc_db *db, tc_arena *a, const tc_find *f, const char *schema,
                      const PGresult *rows, int nrows, tc_err *e)
{
    memset(s, 0, sizeof(*s));
    s->find = f;
    s->rows = rows;
    s->nrows = nrows;
    s->batches = tc_arena_calloc(a, f->nrels + 1, sizeof(*s->batches));
    int id_col = tc_find_id_col(f);
    s->by_id = tc_arena_calloc(a, (size_t)nrows + 1, sizeof(*s->by_id));
    for (int i = 0; i < nrows; i++)
        s->by_id[s->nby_id++] =
            (tc_rel_group){.key = PQgetvalue(rows, i, id_col), .first = i, .n = 1};
    qsort(s->by_id, s->nby_id, sizeof(*s->by_id), group_cmp);
    if (nrows == 0)
        return 0;
    const char *ids = NULL;
    for (size_t k = 0; k < f->nrels; k++) {
        if (!f->rels[k].to_many)
            continue;
        if (!ids)
            ids = ids_array(a, rows, nrows, id_col);
        tc_sql q;
        tc_sql_init(&q, TC_RELATIONS_SQL_MAX);
        tc_find_children_sql(f, k, schema, ids, &q);
        PGresult *res = NULL;
        if (!tc_sql_ok(&q))
            tc_err_set(e, TC_E_BAD_REQUEST, "Query too large");
        else
            res = tc_db_query(db, tc_sql_text(&q), q.nparams, q.params, e);
        tc_sql_fini(&q);
        if (!res)
            return -1;
        tc_arena_defer(a, clear, res);
        s->batches[k].rows = res;
        group(a, &s->batches[k], (int)f->rels[k].target->ncols);
    }
    return 0;
}

int tc_relations_children(const tc_relations *s, size_t k, int row, int *first)
{
    const tc_rel_batch *b = &s->batches[k];
    *first = 0;
    if (!b->rows || row < 0 || row >= s->nrows)
        return 0;
    const char *id = PQgetvalue(s->rows, row, tc_find_id_col(s->find));
    const tc_rel_group *g = find_group(b->groups, b->ngroups, id);
    if (!g)
        return 0;
    *first = g->first;
    return g->n;
}

int tc_relations_row_of(const tc_relations *s, const char *id)
{
    const tc_rel_group *g = find_group(s->by_id, s->nby_id, id);
    return g ? g->first : -1;
}
