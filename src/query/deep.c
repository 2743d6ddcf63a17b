/* Reading records by id at depth=1 (see deep.h). */
#include "query/deep.h"

#include "query/shape.h"
#include "query/sql.h"

#define DEEP_SQL_MAX (1u << 20) /* the statement of 10,000 ids and every relation's join */

static void clear_result(void *r)
{
    PQclear(r);
}

int tc_deep_load(tc_deep *d, tc_arena *a, tc_db *db, const tc_model *m, const tc_perm_view *v,
                 const tc_object *o, const char *const *ids, size_t n, tc_err *e)
{
    d->rows = NULL;
    tc_find_init(&d->find, a, v, o);
    tc_find_add_relations(&d->find, a, v);
    if (tc_find_ids(&d->find, a, ids, n, e) < 0)
        return -1;
    tc_sql q;
    tc_sql_init(&q, DEEP_SQL_MAX);
    tc_find_sql(&d->find, m->schema, NULL, &q);
    PGresult *rows =
        tc_sql_ok(&q) ? tc_db_query(db, tc_sql_text(&q), q.nparams, q.params, e) : NULL;
    bool ok = tc_sql_ok(&q);
    tc_sql_fini(&q);
    if (!ok)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Query too large");
    if (!rows)
        return -1;
    tc_arena_defer(a, clear_result, rows);
    d->rows = rows;
    return tc_relations_load(&d->rels, db, a, &d->find, m->schema, rows, PQntuples(rows), e);
}

bool tc_deep_write(tc_json *j, const tc_deep *d, const char *id)
{
    int row = d->rows ? tc_relations_row_of(&d->rels, id) : -1;
    if (row < 0)
        return false;
    tc_shape_record_rels(j, &d->find, d->rows, row, &d->rels);
    return true;
}
