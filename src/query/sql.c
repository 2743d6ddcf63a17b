/* SQL for read plans (see sql.h). */
#include "query/sql.h"

static void table(const tc_find *f, const char *schema, tc_sql *q)
{
    tc_sql_add(q, " FROM ");
    tc_sql_ident(q, schema);
    tc_sql_add(q, ".");
    tc_sql_ident(q, f->object->table);
    if (tc_object_field(f->object, "deletedAt"))
        tc_sql_add(q, " WHERE \"deletedAt\" IS NULL");
    else
        tc_sql_add(q, " WHERE true");
}

void tc_find_sql(const tc_find *f, const char *schema, const char *limit_text, tc_sql *q)
{
    tc_sql_add(q, "SELECT ");
    for (size_t i = 0; i < f->ncols; i++) {
        const tc_col *c = &f->cols[i];
        if (i)
            tc_sql_add(q, ", ");
        bool array = c->type == TC_FT_ARRAY || c->type == TC_FT_MULTI_SELECT;
        if (array)
            tc_sql_add(q, "array_to_json(");
        tc_sql_ident(q, c->name);
        if (array)
            tc_sql_add(q, ")");
    }
    if (f->ncols == 0)
        tc_sql_add(q, "\"id\"");
    table(f, schema, q);
    if (f->id) {
        tc_sql_add(q, " AND \"id\" = ");
        tc_sql_param(q, f->id);
        tc_sql_add(q, "::uuid");
        return;
    }
    tc_sql_add(q, " ORDER BY \"id\" ASC LIMIT ");
    tc_sql_param(q, limit_text);
    tc_sql_add(q, "::int");
}

void tc_find_count_sql(const tc_find *f, const char *schema, tc_sql *q)
{
    tc_sql_add(q, "SELECT count(*)");
    table(f, schema, q);
}
