/* SQL for read plans (see sql.h). */
#include "query/sql.h"

#include "query/where.h"

/* FROM and the conditions every statement of f shares: not soft-deleted (unless the filter
 * asks about deletedAt, as Twenty does), and the filter. */
static void from_where(const tc_find *f, const char *schema, tc_sql *q)
{
    tc_sql_add(q, " FROM ");
    tc_sql_ident(q, schema);
    tc_sql_add(q, ".");
    tc_sql_ident(q, f->object->table);
    tc_sql_add(q, " t WHERE ");
    bool soft = tc_object_field(f->object, "deletedAt") &&
                !(f->filter && tc_filter_mentions(f->filter, "deletedAt"));
    tc_sql_add(q, soft ? "t.\"deletedAt\" IS NULL" : "true");
    if (f->filter) {
        tc_sql_add(q, " AND ");
        tc_where_filter(q, schema, f->filter);
    }
}

void tc_find_columns_sql(const tc_find *f, tc_sql *q)
{
    for (size_t i = 0; i < f->ncols; i++) {
        const tc_col *c = &f->cols[i];
        if (i)
            tc_sql_add(q, ", ");
        bool array = c->type == TC_FT_ARRAY || c->type == TC_FT_MULTI_SELECT;
        tc_sql_add(q, array ? "array_to_json(t." : "t.");
        tc_sql_ident(q, c->name);
        if (array)
            tc_sql_add(q, ")");
    }
    if (f->ncols == 0)
        tc_sql_add(q, "t.\"id\"");
}

void tc_find_sql(const tc_find *f, const char *schema, const char *limit_text, tc_sql *q)
{
    tc_sql_add(q, "SELECT ");
    tc_find_columns_sql(f, q);
    if (f->id) {
        from_where(f, schema, q);
        tc_sql_add(q, " AND t.\"id\" = ");
        tc_sql_param(q, f->id);
        tc_sql_add(q, "::uuid");
        return;
    }
    /* The order keys as JSON, after the selection: the page's cursors are made of them. */
    for (size_t i = 0; i < f->order.nkeys; i++) {
        tc_sql_add(q, ", to_jsonb(");
        tc_path_sql(q, schema, &f->order.keys[i].path);
        tc_sql_add(q, ")::text");
    }
    from_where(f, schema, q);
    if (f->cursor) {
        tc_sql_add(q, " AND ");
        tc_where_cursor(q, schema, &f->order, f->cursor, f->forward);
    }
    tc_order_by_sql(q, schema, &f->order, f->forward);
    tc_sql_add(q, " LIMIT ");
    tc_sql_param(q, limit_text);
    tc_sql_add(q, "::int");
}

void tc_find_count_sql(const tc_find *f, const char *schema, tc_sql *q)
{
    tc_sql_add(q, "SELECT count(*)");
    from_where(f, schema, q);
}
