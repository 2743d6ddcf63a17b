/* Mutation statements (see mutate.h). */
#include "query/mutate.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/compiler.h"
#include "query/sql.h"
#include "query/where.h"

static void table(tc_sql *q, const char *schema, const tc_object *o)
{
    tc_sql_ident(q, schema);
    tc_sql_add(q, ".");
    tc_sql_ident(q, o->table);
}

static void returning(tc_sql *q, const tc_find *full)
{
    tc_sql_add(q, " RETURNING ");
    tc_find_columns_sql(full, q);
}

static bool has_field(const tc_object *o, const char *name)
{
    return tc_object_field(o, name) != NULL;
}

/* The columns an actor fills, in the order actor_values binds them. */
static const char *const actor_subs[] = {"Source", "WorkspaceMemberId", "Name", "Context"};

static void actor_column(char *out, size_t n, const char *field, size_t k)
{
    snprintf(out, n, "%s%s", field, actor_subs[k]);
}

static void actor_value(tc_sql *q, const tc_actor *actor, size_t k)
{
    switch (k) {
    case 0: tc_sql_param(q, actor->source); break;
    case 1: tc_sql_param(q, actor->workspace_member_id); break;
    case 2: tc_sql_param(q, actor->name); break;
    default: tc_sql_add(q, "'{}'"); break;
    }
}

/* The value record in gives column, or NULL when it does not set it (*set false). */
static const char *value_of(const tc_record_input *in, const char *column, bool *set)
{
    for (size_t i = 0; i < in->n; i++) {
        if (strcmp(in->items[i].column, column) == 0) {
            *set = true;
            return in->items[i].value;
        }
    }
    *set = false;
    return NULL;
}

/* What fills an insert's column for a record that does not set it. */
typedef enum fill { FILL_DEFAULT, FILL_POSITION, FILL_CREATED_BY, FILL_UPDATED_BY } fill;

/* The insert's column list: every column some record sets, then position and the actors, each
 * with what fills it otherwise (and, for an actor's column, which sub-field it is). */
typedef struct columns {
    const char **names;
    fill *fills;
    size_t *subs;
    size_t n;
} columns;

static size_t add_column(tc_arena *a, columns *c, const char *name, fill how, size_t sub)
{
    size_t i = 0;
    while (i < c->n && strcmp(c->names[i], name) != 0)
        i++;
    if (i == c->n)
        c->names[c->n++] = tc_arena_strdup(a, name);
    c->fills[i] = how;
    c->subs[i] = sub;
    return i;
}

void tc_insert_sql(tc_arena *a, const char *schema, const tc_find *full, const tc_record_input *in,
                   size_t n, const tc_actor *actor, tc_sql *q)
{
    const tc_object *o = full->object;
    size_t cap = 9; /* position and the two actors' four columns */
    for (size_t r = 0; r < n; r++)
        cap += in[r].n;
    columns cols = {tc_arena_calloc(a, cap, sizeof(char *)), tc_arena_calloc(a, cap, sizeof(fill)),
                    tc_arena_calloc(a, cap, sizeof(size_t)), 0};
    for (size_t r = 0; r < n; r++)
        for (size_t i = 0; i < in[r].n; i++)
            add_column(a, &cols, in[r].items[i].column, FILL_DEFAULT, 0);
    if (has_field(o, "position"))
        add_column(a, &cols, "position", FILL_POSITION, 0);
    static const char *const actors[] = {"createdBy", "updatedBy"};
    for (size_t f = 0; f < 2; f++) {
        for (size_t k = 0; has_field(o, actors[f]) && k < TC_COUNT(actor_subs); k++) {
            char col[TC_NAME_BUF];
            actor_column(col, sizeof(col), actors[f], k);
            add_column(a, &cols, col, f == 0 ? FILL_CREATED_BY : FILL_UPDATED_BY, k);
        }
    }
    tc_sql_add(q, "INSERT INTO ");
    table(q, schema, o);
    tc_sql_add(q, " AS t (");
    for (size_t i = 0; i < cols.n; i++) {
        if (i)
            tc_sql_add(q, ", ");
        tc_sql_ident(q, cols.names[i]);
    }
    tc_sql_add(q, ") VALUES ");
    for (size_t r = 0; r < n; r++) {
        tc_sql_add(q, r ? ", (" : "(");
        for (size_t i = 0; i < cols.n; i++) {
            if (i)
                tc_sql_add(q, ", ");
            bool set;
            const char *v = value_of(&in[r], cols.names[i], &set);
            fill how = cols.fills[i];
            if (set) {
                tc_sql_param(q, v);
            } else if (how == FILL_POSITION) {
                /* First, in input order: below the smallest position. */
                tc_sql_add(q, "(SELECT COALESCE(min(p.\"position\"), 0) FROM ");
                table(q, schema, o);
                tc_sql_add(q, " p) - ");
                tc_sql_param(q, tc_arena_printf(a, "%zu", n - r));
                tc_sql_add(q, "::float8");
            } else if (how == FILL_UPDATED_BY ||
                       (how == FILL_CREATED_BY && !in[r].sets_created_by)) {
                actor_value(q, actor, cols.subs[i]);
            } else {
                tc_sql_add(q, "DEFAULT");
            }
        }
        tc_sql_add(q, ")");
    }
    returning(q, full);
}

void tc_update_sql(const char *schema, const tc_find *full, const tc_record_input *in,
                   const tc_actor *actor, const char *ids, tc_sql *q)
{
    const tc_object *o = full->object;
    tc_sql_add(q, "UPDATE ");
    table(q, schema, o);
    tc_sql_add(q, " t SET ");
    bool first = true;
    for (size_t i = 0; i < in->n; i++) {
        tc_sql_add(q, first ? "" : ", ");
        tc_sql_ident(q, in->items[i].column);
        tc_sql_add(q, " = ");
        tc_sql_param(q, in->items[i].value);
        first = false;
    }
    if (has_field(o, "updatedAt")) {
        tc_sql_add(q, first ? "" : ", ");
        tc_sql_add(q, "\"updatedAt\" = now()");
        first = false;
    }
    for (size_t k = 0; has_field(o, "updatedBy") && k < TC_COUNT(actor_subs); k++) {
        char col[TC_NAME_BUF];
        actor_column(col, sizeof(col), "updatedBy", k);
        tc_sql_add(q, first ? "" : ", ");
        tc_sql_ident(q, col);
        tc_sql_add(q, " = ");
        actor_value(q, actor, k);
        first = false;
    }
    if (first) /* nothing to set: touch id so that the statement still returns the rows */
        tc_sql_add(q, "\"id\" = t.\"id\"");
    tc_sql_add(q, " WHERE t.\"id\" = ANY(");
    tc_sql_param(q, ids);
    tc_sql_add(q, "::uuid[])");
    returning(q, full);
}

void tc_lock_sql(const char *schema, const tc_find *full, tc_scope scope, const tc_filter *filter,
                 const char *ids, const char *limit_text, tc_sql *q)
{
    const tc_object *o = full->object;
    tc_sql_add(q, "SELECT ");
    tc_find_columns_sql(full, q);
    tc_sql_add(q, " FROM ");
    table(q, schema, o);
    tc_sql_add(q, " t WHERE ");
    bool soft = has_field(o, "deletedAt");
    if (soft && scope == TC_SCOPE_LIVE)
        tc_sql_add(q, "t.\"deletedAt\" IS NULL");
    else if (soft && scope == TC_SCOPE_DELETED)
        tc_sql_add(q, "t.\"deletedAt\" IS NOT NULL");
    else
        tc_sql_add(q, "true");
    if (ids) {
        tc_sql_add(q, " AND t.\"id\" = ANY(");
        tc_sql_param(q, ids);
        tc_sql_add(q, "::uuid[])");
    }
    if (filter) {
        tc_sql_add(q, " AND ");
        tc_where_filter(q, schema, filter);
    }
    tc_sql_add(q, " ORDER BY t.\"id\" LIMIT ");
    tc_sql_param(q, limit_text);
    tc_sql_add(q, "::int FOR UPDATE OF t");
}

static void set_deleted_at(const char *schema, const tc_find *full, const char *ids,
                           const char *value, tc_sql *q)
{
    tc_sql_add(q, "UPDATE ");
    table(q, schema, full->object);
    tc_sql_add(q, " t SET \"deletedAt\" = ");
    tc_sql_add(q, value);
    tc_sql_add(q, " WHERE t.\"id\" = ANY(");
    tc_sql_param(q, ids);
    tc_sql_add(q, "::uuid[])");
    returning(q, full);
}

void tc_soft_delete_sql(const char *schema, const tc_find *full, const char *ids, tc_sql *q)
{
    set_deleted_at(schema, full, ids, "now()", q);
}

void tc_restore_sql(const char *schema, const tc_find *full, const char *ids, tc_sql *q)
{
    set_deleted_at(schema, full, ids, "NULL", q);
}

void tc_destroy_sql(const char *schema, const tc_find *full, const char *ids, tc_sql *q)
{
    tc_sql_add(q, "DELETE FROM ");
    table(q, schema, full->object);
    tc_sql_add(q, " t WHERE t.\"id\" = ANY(");
    tc_sql_param(q, ids);
    tc_sql_add(q, "::uuid[])");
    returning(q, full);
}
