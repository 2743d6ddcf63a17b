/* SQL for read plans (see sql.h). */
#include "query/sql.h"

#include <stdio.h>

#include "query/where.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/* ", " before every item but the first. */
static void sep(tc_sql *q, bool *first)
{
    if (!*first)
        tc_sql_add(q, ", ");
    *first = false;
}

/* f's columns on alias (a constant, or quoted when it is a generated join alias), arrays as
 * JSON text. */
static void columns(tc_sql *q, const tc_find *f, const char *alias, bool quote, bool *first)
{
    for (size_t i = 0; i < f->ncols; i++) {
        const tc_col *c = &f->cols[i];
        sep(q, first);
        bool array = c->type == TC_FT_ARRAY || c->type == TC_FT_MULTI_SELECT;
        if (array)
            tc_sql_add(q, "array_to_json(");
        if (quote)
            tc_sql_ident(q, alias);
        else
            tc_sql_add(q, alias);
        tc_sql_add(q, ".");
        tc_sql_ident(q, c->name);
        if (array)
            tc_sql_add(q, ")");
    }
}

/* The alias of the join of f->rels[k]: from its index, never from input. */
static void join_alias(size_t k, char *out, size_t n)
{
    snprintf(out, n, "j%zu", k + 1);
}

static void table(tc_sql *q, const char *schema, const tc_object *o)
{
    tc_sql_ident(q, schema);
    tc_sql_add(q, ".");
    tc_sql_ident(q, o->table);
}

/* Whether a statement on o leaves soft-deleted records out. */
static bool soft(const tc_object *o)
{
    return tc_object_field(o, "deletedAt") != NULL;
}

/* FROM (with the joins of the to-one relations when joins is set) and the conditions every
 * statement of f shares: not soft-deleted (unless the filter asks about deletedAt, as Twenty
 * does, or f->with_deleted), and the filter. */
static void from_where(const tc_find *f, const char *schema, bool joins, tc_sql *q)
{
    tc_sql_add(q, " FROM ");
    table(q, schema, f->object);
    tc_sql_add(q, " t");
    for (size_t k = 0; joins && k < f->nrels; k++) {
        const tc_find_rel *rel = &f->rels[k];
        if (rel->to_many)
            continue;
        char alias[24];
        join_alias(k, alias, sizeof(alias));
        tc_sql_add(q, " LEFT JOIN ");
        table(q, schema, rel->target->object);
        tc_sql_add(q, " ");
        tc_sql_ident(q, alias);
        tc_sql_add(q, " ON ");
        tc_sql_ident(q, alias);
        tc_sql_add(q, ".\"id\" = t.");
        tc_sql_ident(q, rel->join_column);
        if (soft(rel->target->object)) {
            tc_sql_add(q, " AND ");
            tc_sql_ident(q, alias);
            tc_sql_add(q, ".\"deletedAt\" IS NULL");
        }
    }
    tc_sql_add(q, " WHERE ");
    bool hide = soft(f->object) && !f->with_deleted &&
                !(f->filter && tc_filter_mentions(f->filter, "deletedAt"));
    tc_sql_add(q, hide ? "t.\"deletedAt\" IS NULL" : "true");
    if (f->filter) {
        tc_sql_add(q, " AND ");
        tc_where_filter(q, schema, f->filter);
    }
}

void tc_find_columns_sql(const tc_find *f, tc_sql *q)
{
    bool first = true;
    columns(q, f, "t", false, &first);
    if (f->ncols == 0)
        tc_sql_add(q, "t.\"id\"");
}

void tc_find_sql(const tc_find *f, const char *schema, const char *limit_text, tc_sql *q)
{
    tc_sql_add(q, "SELECT ");
    bool first = true;
    columns(q, f, "t", false, &first);
    for (size_t k = 0; k < f->nrels; k++) {
        if (f->rels[k].to_many)
            continue;
        char alias[24];
        join_alias(k, alias, sizeof(alias));
        sep(q, &first);
        tc_sql_ident(q, alias);
        tc_sql_add(q, ".\"id\"");
        columns(q, f->rels[k].target, alias, true, &first);
    }
    sep(q, &first);
    tc_sql_add(q, "t.\"id\"");
    if (f->ids) {
        from_where(f, schema, true, q);
        tc_sql_add(q, " AND t.\"id\" = ANY(");
        tc_sql_param(q, f->ids_array);
        tc_sql_add(q, "::uuid[])");
        return;
    }
    if (f->id) {
        from_where(f, schema, true, q);
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
    from_where(f, schema, true, q);
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
    from_where(f, schema, false, q);
}

void tc_find_children_sql(const tc_find *f, size_t k, const char *schema, const char *ids_array,
                          tc_sql *q)
{
    const tc_find_rel *rel = &f->rels[k];
    const tc_find *target = rel->target;
    tc_sql_add(q, "SELECT * FROM (SELECT ");
    bool first = true;
    columns(q, target, "t", false, &first);
    sep(q, &first);
    tc_sql_add(q, "t.");
    tc_sql_ident(q, rel->join_column);
    tc_sql_add(q, " AS tc_parent, row_number() OVER (PARTITION BY t.");
    tc_sql_ident(q, rel->join_column);
    /* Oldest first, as Twenty's unordered read of the heap mostly shows them (docs/compat.md). */
    tc_sql_add(q, tc_object_field(target->object, "createdAt")
                      ? " ORDER BY t.\"createdAt\", t.\"id\") AS tc_rn FROM "
                      : " ORDER BY t.\"id\") AS tc_rn FROM ");
    table(q, schema, target->object);
    tc_sql_add(q, " t WHERE t.");
    tc_sql_ident(q, rel->join_column);
    tc_sql_add(q, " = ANY(");
    tc_sql_param(q, ids_array);
    tc_sql_add(q, "::uuid[])");
    if (soft(target->object))
        tc_sql_add(q, " AND t.\"deletedAt\" IS NULL");
    tc_sql_add(q, ") s WHERE s.tc_rn <= " STR(
                      TC_QUERY_MAX_RECORDS_FROM_RELATION) " ORDER BY s.tc_parent, s.tc_rn");
}
