/* SQL for filters, cursors and order (see where.h). */
#include "query/where.h"

#include <string.h>

#include "meta/names.h"

/* A value parameter cast to what the column compares with. */
static void param(tc_sql *q, tc_value_kind kind, const char *v)
{
    tc_sql_param(q, v);
    switch (kind) {
    case TC_VALUE_UUID: tc_sql_add(q, "::uuid"); break;
    case TC_VALUE_NUMBER: tc_sql_add(q, "::numeric"); break;
    case TC_VALUE_BOOLEAN: tc_sql_add(q, "::boolean"); break;
    case TC_VALUE_TIMESTAMP: tc_sql_add(q, "::timestamptz"); break;
    case TC_VALUE_DATE: tc_sql_add(q, "::date"); break;
    default: tc_sql_add(q, "::text"); break;
    }
}

/* The column as compared: enums and jsonb as text, so values are option names and patterns. */
static void column(tc_sql *q, const char *table_alias, const tc_path *p)
{
    tc_sql_add(q, table_alias);
    tc_sql_add(q, ".");
    tc_sql_ident(q, p->column);
    tc_value_kind k = tc_value_kind_of(p->type);
    if (k == TC_VALUE_ENUM || k == TC_VALUE_JSON)
        tc_sql_add(q, "::text");
}

static void list(tc_sql *q, const tc_filter_cond *c)
{
    tc_sql_add(q, "(");
    for (size_t i = 0; i < c->nvalues; i++) {
        if (i)
            tc_sql_add(q, ", ");
        param(q, c->kind, c->values[i]);
    }
    tc_sql_add(q, ")");
}

static bool is_array(tc_field_type t)
{
    return t == TC_FT_MULTI_SELECT || t == TC_FT_ARRAY;
}

/* One condition on alias.column. */
static void condition(tc_sql *q, const char *alias, const tc_filter_cond *c)
{
    const tc_path *p = &c->path;
    if (c->op == TC_FILTER_IS) {
        column(q, alias, p);
        tc_sql_add(q, c->is_null ? " IS NULL" : " IS NOT NULL");
        return;
    }
    if (is_array(p->type)) {
        /* MULTI_SELECT and ARRAY: every operator is an overlap with the listed values (neq: no
         * overlap). */
        tc_sql_add(q, alias);
        tc_sql_add(q, ".");
        tc_sql_ident(q, p->column);
        tc_sql_add(q, "::text[] && ARRAY[");
        for (size_t i = 0; i < c->nvalues; i++) {
            if (i)
                tc_sql_add(q, ", ");
            tc_sql_param(q, c->values[i]);
        }
        tc_sql_add(q, "]::text[]");
        if (c->op == TC_FILTER_NEQ) {
            tc_sql_add(q, " IS NOT TRUE");
        }
        return;
    }
    column(q, alias, p);
    switch (c->op) {
    case TC_FILTER_EQ: tc_sql_add(q, " = "); break;
    case TC_FILTER_NEQ: tc_sql_add(q, " <> "); break;
    case TC_FILTER_GT: tc_sql_add(q, " > "); break;
    case TC_FILTER_GTE: tc_sql_add(q, " >= "); break;
    case TC_FILTER_LT: tc_sql_add(q, " < "); break;
    case TC_FILTER_LTE: tc_sql_add(q, " <= "); break;
    case TC_FILTER_IN:
    case TC_FILTER_CONTAINS_ANY:
        tc_sql_add(q, " IN ");
        list(q, c);
        return;
    case TC_FILTER_LIKE:
        tc_sql_add(q, " LIKE ");
        tc_sql_param(q, c->values[0]);
        return;
    case TC_FILTER_ILIKE:
        tc_sql_add(q, " ILIKE ");
        tc_sql_param(q, c->values[0]);
        return;
    case TC_FILTER_STARTS_WITH:
        tc_sql_add(q, " LIKE ");
        tc_sql_param(q, c->values[0]);
        tc_sql_add(q, " || '%'");
        return;
    case TC_FILTER_ENDS_WITH:
        tc_sql_add(q, " LIKE '%' || ");
        tc_sql_param(q, c->values[0]);
        return;
    default: tc_sql_add(q, " = "); break;
    }
    param(q, c->kind, c->values[0]);
}

/* A relation path: EXISTS over the related record joined by the join column. */
static void through(tc_sql *q, const char *schema, const tc_path *p)
{
    tc_sql_add(q, "EXISTS (SELECT 1 FROM ");
    tc_sql_ident(q, schema);
    tc_sql_add(q, ".");
    tc_sql_ident(q, p->object->table);
    tc_sql_add(q, " r WHERE r.\"id\" = t.");
    tc_sql_ident(q, p->via->join_column);
    tc_sql_add(q, " AND ");
}

void tc_where_filter(tc_sql *q, const char *schema, const tc_filter *f)
{
    tc_sql_add(q, "(");
    switch (f->kind) {
    case TC_FILTER_AND:
    case TC_FILTER_OR:
        for (size_t i = 0; i < f->nchildren; i++) {
            if (i)
                tc_sql_add(q, f->kind == TC_FILTER_AND ? " AND " : " OR ");
            tc_where_filter(q, schema, f->children[i]);
        }
        break;
    case TC_FILTER_NOT:
        tc_sql_add(q, "NOT ");
        tc_where_filter(q, schema, f->children[0]);
        break;
    case TC_FILTER_COND:
        if (f->cond.path.via) {
            through(q, schema, &f->cond.path);
            condition(q, "r", &f->cond);
            tc_sql_add(q, ")");
        } else {
            condition(q, "t", &f->cond);
        }
        break;
    }
    tc_sql_add(q, ")");
}

void tc_path_sql(tc_sql *q, const char *schema, const tc_path *p)
{
    if (!p->via) {
        tc_sql_add(q, "t.");
        tc_sql_ident(q, p->column);
        return;
    }
    tc_sql_add(q, "(SELECT r.");
    tc_sql_ident(q, p->column);
    tc_sql_add(q, " FROM ");
    tc_sql_ident(q, schema);
    tc_sql_add(q, ".");
    tc_sql_ident(q, p->object->table);
    tc_sql_add(q, " r WHERE r.\"id\" = t.");
    tc_sql_ident(q, p->via->join_column);
    tc_sql_add(q, ")");
}

void tc_order_by_sql(tc_sql *q, const char *schema, const tc_order *order, bool forward)
{
    tc_sql_add(q, " ORDER BY ");
    for (size_t i = 0; i < order->nkeys; i++) {
        const tc_order_key *k = &order->keys[i];
        bool desc = tc_order_dir_desc(k->dir) != !forward;
        bool nulls_first = tc_order_dir_nulls_first(k->dir) != !forward;
        if (i)
            tc_sql_add(q, ", ");
        tc_path_sql(q, schema, &k->path);
        tc_sql_add(q, desc ? " DESC" : " ASC");
        /* A column that is never NULL (id, NOT NULL fields of the record itself) gets no NULLS
         * clause: it changes nothing there, and with one PostgreSQL could not walk the
         * primary-key index for `ORDER BY id` (it would sort the whole table). */
        const tc_path *p = &k->path;
        bool never_null = !p->via && !p->sub && !p->join_column && !p->field->is_nullable;
        if (!never_null)
            tc_sql_add(q, nulls_first ? " NULLS FIRST" : " NULLS LAST");
    }
}

/* A cursor value compared with an order key's column as the order compares: an enum by its
 * option order (cast to the column's enum type), a jsonb column as jsonb. */
static void key_value(tc_sql *q, const char *schema, const tc_order_key *k, tc_value_kind kind,
                      const char *v)
{
    if (kind == TC_VALUE_JSON) {
        tc_sql_param(q, v);
        tc_sql_add(q, "::jsonb");
        return;
    }
    if (kind != TC_VALUE_ENUM) {
        param(q, kind, v);
        return;
    }
    char type[TC_NAME_BUF];
    tc_enum_type_name(k->path.object->table, k->path.column, type, sizeof(type));
    tc_sql_param(q, v);
    tc_sql_add(q, "::text::");
    tc_sql_ident(q, schema);
    tc_sql_add(q, ".");
    tc_sql_ident(q, type);
}

/* key_i "after" v_i in the page's direction, NULLs where the order puts them. */
static void beyond(tc_sql *q, const char *schema, const tc_order_key *k, const tc_cursor_value *v,
                   bool forward)
{
    bool desc = tc_order_dir_desc(k->dir) != !forward;
    bool nulls_first = tc_order_dir_nulls_first(k->dir) != !forward;
    tc_value_kind kind = tc_value_kind_of(k->path.type);
    if (v->is_null) {
        /* After NULL: only when NULLs come first, every non-NULL value. */
        if (nulls_first) {
            tc_path_sql(q, schema, &k->path);
            tc_sql_add(q, " IS NOT NULL");
        } else {
            tc_sql_add(q, "false");
        }
        return;
    }
    tc_sql_add(q, "(");
    tc_path_sql(q, schema, &k->path);
    tc_sql_add(q, desc ? " < " : " > ");
    key_value(q, schema, k, kind, v->text);
    if (!nulls_first) {
        tc_sql_add(q, " OR ");
        tc_path_sql(q, schema, &k->path);
        tc_sql_add(q, " IS NULL");
    }
    tc_sql_add(q, ")");
}

static void equal(tc_sql *q, const char *schema, const tc_order_key *k, const tc_cursor_value *v)
{
    tc_path_sql(q, schema, &k->path);
    if (v->is_null) {
        tc_sql_add(q, " IS NULL");
        return;
    }
    tc_sql_add(q, " = ");
    key_value(q, schema, k, tc_value_kind_of(k->path.type), v->text);
}

void tc_where_cursor(tc_sql *q, const char *schema, const tc_order *order,
                     const tc_cursor_value *values, bool forward)
{
    tc_sql_add(q, "(");
    for (size_t i = 0; i < order->nkeys; i++) {
        if (i)
            tc_sql_add(q, " OR ");
        tc_sql_add(q, "(");
        for (size_t j = 0; j < i; j++) {
            equal(q, schema, &order->keys[j], &values[j]);
            tc_sql_add(q, " AND ");
        }
        beyond(q, schema, &order->keys[i], &values[i], forward);
        tc_sql_add(q, ")");
    }
    tc_sql_add(q, ")");
}
