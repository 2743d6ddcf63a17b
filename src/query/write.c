/* Running record mutations (see write.h). */
#include "query/write.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "query/sql.h"

#define WRITE_SQL_MAX (64u << 20) /* a batch of 200 large records, or the events of 10,000 */

static void clear_result(void *r)
{
    PQclear(r);
}

/* Adds r (already cleared with the arena by run) to the changed records. */
static void keep(tc_write *w, PGresult *r)
{
    tc_arena_append(w->a, (void ***)&w->results, &w->nresults, &w->results_cap, r);
}

/* Twenty's message for a database error of this write (its query-runner exception handler):
 * a unique violation names the fields of the index, other constraint errors say what the
 * statement could not do. The SQL and the server's text stay in e->detail (the log). */
static void explain(const tc_write *w, const char *verb, tc_err *e)
{
    if (strcmp(e->sqlstate, "23505") == 0) {
        const tc_index *x = NULL;
        for (size_t i = 0; i < w->object->nindexes && !x; i++)
            if (strcmp(w->object->indexes[i]->name, e->constraint) == 0)
                x = w->object->indexes[i];
        tc_buf labels;
        tc_buf_init(&labels, 512);
        size_t n = 0;
        for (size_t i = 0; x && i < x->nfields; i++) {
            if (strcmp(x->fields[i]->name, "deletedAt") == 0)
                continue;
            tc_buf_printf(&labels, "%s%s", n++ ? ", " : "", x->fields[i]->label);
        }
        char detail[sizeof(e->detail)];
        memcpy(detail, e->detail, sizeof(detail));
        if (n == 1)
            tc_err_set(e, TC_E_BAD_REQUEST, "Duplicate %s. Please set a unique one.",
                       tc_buf_cstr(&labels));
        else if (n > 1)
            tc_err_set(e, TC_E_BAD_REQUEST,
                       "A duplicate entry was detected. The combination of %s must be unique.",
                       tc_buf_cstr(&labels));
        else
            tc_err_set(e, TC_E_BAD_REQUEST, "A duplicate entry was detected");
        tc_buf_fini(&labels);
        memcpy(e->detail, detail, sizeof(detail));
        snprintf(e->reason, sizeof(e->reason), "QUERY_VIOLATES_UNIQUE_CONSTRAINT");
        return;
    }
    const char *message = NULL, *reason = NULL;
    if (strcmp(e->sqlstate, "23503") == 0) {
        message = " because it violates a foreign key constraint.";
        reason = "QUERY_VIOLATES_FOREIGN_KEY_CONSTRAINT";
    } else if (strcmp(e->sqlstate, "23502") == 0 || strcmp(e->sqlstate, "23514") == 0) {
        message = ": a required field is missing or a value is not allowed.";
        reason = "INVALID_ARGS_DATA";
    } else if (strncmp(e->sqlstate, "22", 2) == 0) {
        message = ": a value is out of range or malformed.";
        reason = "INVALID_ARGS_DATA";
    }
    if (!message)
        return;
    char detail[sizeof(e->detail)];
    memcpy(detail, e->detail, sizeof(detail));
    tc_err_set(e, TC_E_BAD_REQUEST, "Cannot %s %s%s", verb, w->object->name_singular, message);
    memcpy(e->detail, detail, sizeof(detail));
    snprintf(e->reason, sizeof(e->reason), "%s", reason);
}

/* Runs q; the result is kept until the arena goes. NULL with e filled (mapped for verb). */
static PGresult *run(tc_write *w, const tc_sql *q, const char *verb, tc_err *e)
{
    if (!tc_sql_ok(q)) {
        tc_err_set(e, TC_E_BAD_REQUEST, "Query too large");
        return NULL;
    }
    PGresult *r = tc_db_query(w->db, tc_sql_text(q), q->nparams, q->params, e);
    if (!r) {
        explain(w, verb, e);
        return NULL;
    }
    tc_arena_defer(w->a, clear_result, r);
    return r;
}

/* `shown`'s columns located in `full`'s row: shown is a subsequence of full. */
static void map_shown(tc_write *w)
{
    int *at = tc_arena_calloc(w->a, w->shown.ncols + 1, sizeof(*at));
    size_t k = 0;
    for (size_t i = 0; i < w->shown.ncols; i++) {
        while (k < w->full.ncols && (w->full.cols[k].field != w->shown.cols[i].field ||
                                     w->full.cols[k].sub != w->shown.cols[i].sub))
            k++;
        at[i] = (int)k;
    }
    w->shown.at = at;
}

static int load_actor(tc_write *w, tc_err *e)
{
    const tc_principal *p = w->principal;
    w->actor = (tc_actor){"API", NULL, ""};
    w->event_actor = (tc_event_actor){NULL, NULL, NULL, NULL};
    if (p->api_key_id[0]) {
        w->event_actor.api_key_id = p->api_key_id;
        const char *params[] = {p->api_key_id};
        PGresult *r =
            tc_db_query(w->db, "SELECT \"name\" FROM \"apiKey\" WHERE \"id\" = $1", 1, params, e);
        if (!r)
            return -1;
        if (PQntuples(r) == 1)
            w->actor.name = tc_arena_strdup(w->a, PQgetvalue(r, 0, 0));
        PQclear(r);
        return 0;
    }
    w->actor.source = "MANUAL";
    w->event_actor.user_id = p->user_id[0] ? p->user_id : NULL;
    w->event_actor.user_workspace_id = p->user_workspace_id[0] ? p->user_workspace_id : NULL;
    const tc_object *member = tc_model_object(w->model, "workspaceMember");
    if (!member || !p->user_id[0])
        return 0;
    tc_sql q;
    tc_sql_init(&q, 4096);
    tc_sql_add(&q,
               "SELECT m.\"id\", concat_ws(' ', m.\"nameFirstName\", m.\"nameLastName\") FROM ");
    tc_sql_ident(&q, w->model->schema);
    tc_sql_add(&q, ".");
    tc_sql_ident(&q, member->table);
    tc_sql_add(&q, " m WHERE m.\"userId\" = ");
    tc_sql_param(&q, p->user_id);
    tc_sql_add(&q, "::uuid AND m.\"deletedAt\" IS NULL LIMIT 1");
    PGresult *r = tc_db_query(w->db, tc_sql_text(&q), q.nparams, q.params, e);
    tc_sql_fini(&q);
    if (!r)
        return -1;
    if (PQntuples(r) == 1) {
        w->actor.workspace_member_id = tc_arena_strdup(w->a, PQgetvalue(r, 0, 0));
        w->actor.name = tc_arena_strdup(w->a, PQgetvalue(r, 0, 1));
        w->event_actor.workspace_member_id = w->actor.workspace_member_id;
    }
    PQclear(r);
    return 0;
}

int tc_write_begin(tc_write *w, tc_arena *a, tc_db *db, const tc_model *m, const tc_perm_view *v,
                   const tc_object *o, const tc_principal *p, long max_records, tc_err *e)
{
    memset(w, 0, sizeof(*w));
    w->a = a;
    w->db = db;
    w->model = m;
    w->object = o;
    w->principal = p;
    w->max_records = max_records;
    tc_find_init(&w->full, a, NULL, o);
    tc_find_init(&w->shown, a, v, o);
    map_shown(w);
    tc_events_init(&w->events, &w->full);
    if (tc_db_exec(db, "BEGIN", e) < 0)
        return -1;
    w->open = true;
    return load_actor(w, e);
}

void tc_write_join(tc_write *w, const tc_write *parent, const tc_perm_view *v, const tc_object *o)
{
    memset(w, 0, sizeof(*w));
    w->a = parent->a;
    w->db = parent->db;
    w->model = parent->model;
    w->object = o;
    w->principal = parent->principal;
    w->max_records = parent->max_records;
    tc_find_init(&w->full, w->a, NULL, o);
    tc_find_init(&w->shown, w->a, v, o);
    map_shown(w);
    tc_events_init(&w->events, &w->full);
    w->actor = parent->actor;
    w->event_actor = parent->event_actor;
    w->joined = true; /* never open: commit and abort leave the transaction alone */
}

void tc_write_abort(tc_write *w)
{
    if (w->open)
        tc_db_exec(w->db, "ROLLBACK", NULL);
    w->open = false;
    tc_events_fini(&w->events);
}

int tc_write_commit(tc_write *w, tc_err *e)
{
    int rc = 0;
    if (w->events.n) {
        tc_sql q;
        tc_sql_init(&q, WRITE_SQL_MAX);
        tc_events_sql(&w->events, w->model->workspace_id_text, &w->event_actor, &q);
        rc = run(w, &q, "record events of", e) ? 0 : -1;
        tc_sql_fini(&q);
    }
    if (rc == 0 && !w->joined && tc_db_exec(w->db, "COMMIT", e) < 0)
        rc = -1;
    if (rc == 0)
        w->open = false;
    tc_write_abort(w);
    return rc;
}

static int events_or_fail(tc_write *w, tc_event_action action, const PGresult *before,
                          const PGresult *after, const tc_record_input *in, tc_err *e)
{
    if (tc_events_add(&w->events, action, before, after, in) == 0)
        return 0;
    return tc_err_set(e, TC_E_BAD_REQUEST, "Too many records changed at once");
}

/* The ids of r's rows as a PostgreSQL array literal (uuids need no quoting). */
static const char *ids_of(tc_write *w, const PGresult *r)
{
    int col = tc_find_col(&w->full, "id");
    int n = PQntuples(r);
    char *out = tc_arena_alloc(w->a, (size_t)n * 37 + 3);
    size_t len = 0;
    out[len++] = '{';
    for (int i = 0; i < n && col >= 0; i++) {
        if (i)
            out[len++] = ',';
        memcpy(out + len, PQgetvalue(r, i, col), 36);
        len += 36;
    }
    out[len++] = '}';
    out[len] = '\0';
    return out;
}

/* The records id names, or filter matches, in scope, locked: at most max_records (or 404 for
 * an id that matches nothing). */
static PGresult *lock(tc_write *w, tc_scope scope, const char *id, const tc_filter *filter,
                      const char *verb, tc_err *e)
{
    char limit[24];
    snprintf(limit, sizeof(limit), "%ld", id ? 1 : w->max_records + 1);
    const char *ids = id ? tc_arena_printf(w->a, "{%s}", id) : NULL;
    tc_sql q;
    tc_sql_init(&q, WRITE_SQL_MAX);
    tc_lock_sql(w->model->schema, &w->full, scope, filter, ids, limit, &q);
    PGresult *r = run(w, &q, verb, e);
    tc_sql_fini(&q);
    if (!r)
        return NULL;
    if (id && PQntuples(r) == 0) {
        tc_err_set(e, TC_E_NOT_FOUND, "Record not found");
        snprintf(e->reason, sizeof(e->reason), "RECORD_NOT_FOUND");
        return NULL;
    }
    if (PQntuples(r) > w->max_records) {
        tc_err_set(e, TC_E_BAD_REQUEST, "Cannot %s more than %ld records at once", verb,
                   w->max_records);
        snprintf(e->reason, sizeof(e->reason), "TOO_MANY_RECORDS_TO_UPDATE");
        return NULL;
    }
    return r;
}

/* The live records an upsert's input matches by id or by a unique field's value. */
static PGresult *upsert_matches(tc_write *w, const tc_record_input *in, tc_err *e)
{
    tc_sql q;
    tc_sql_init(&q, WRITE_SQL_MAX);
    tc_sql_add(&q, "SELECT ");
    tc_find_columns_sql(&w->full, &q);
    tc_sql_add(&q, " FROM ");
    tc_sql_ident(&q, w->model->schema);
    tc_sql_add(&q, ".");
    tc_sql_ident(&q, w->object->table);
    tc_sql_add(&q, " t WHERE ");
    tc_sql_add(&q, tc_object_field(w->object, "deletedAt") ? "t.\"deletedAt\" IS NULL" : "true");
    tc_sql_add(&q, " AND (false");
    size_t keys = 0;
    for (size_t i = 0; i < in->n; i++) {
        const tc_assign *x = &in->items[i];
        const tc_field_type_info *t = tc_field_type_info_of(x->field->type);
        bool key = strcmp(x->field->name, "id") == 0;
        if (!key && x->field->is_unique && t->kind != TC_KIND_COMPOSITE)
            key = true;
        for (size_t k = 0; !key && x->field->is_unique && k < t->nsubfields; k++) {
            char col[TC_NAME_BUF];
            tc_composite_column(x->field->name, t->subfields[k].name, col, sizeof(col));
            key = t->subfields[k].unique_key && strcmp(col, x->column) == 0;
        }
        if (!key || !x->value || !*x->value)
            continue;
        tc_sql_add(&q, " OR t.");
        tc_sql_ident(&q, x->column);
        tc_sql_add(&q, "::text = ");
        tc_sql_param(&q, x->value);
        keys++;
    }
    tc_sql_add(&q, ") ORDER BY t.\"id\" LIMIT 2 FOR UPDATE OF t");
    PGresult *r = keys ? run(w, &q, "upsert", e) : NULL;
    tc_sql_fini(&q);
    if (keys && !r)
        return NULL;
    if (r && PQntuples(r) > 1) {
        tc_err_set(e, TC_E_BAD_REQUEST,
                   "Multiple records found with the same unique field values: cannot upsert");
        snprintf(e->reason, sizeof(e->reason), "UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT");
        return NULL;
    }
    if (!r)
        tc_err_clear(e);
    return r;
}

static int update_rows(tc_write *w, const tc_record_input *in, const PGresult *before, tc_err *e)
{
    tc_sql q;
    tc_sql_init(&q, WRITE_SQL_MAX);
    tc_update_sql(w->model->schema, &w->full, in, &w->actor, ids_of(w, before), &q);
    PGresult *after = run(w, &q, "update", e);
    tc_sql_fini(&q);
    if (!after || events_or_fail(w, TC_EVENT_UPDATED, before, after, in, e) < 0)
        return -1;
    keep(w, after);
    return 0;
}

static int insert_rows(tc_write *w, const tc_record_input *in, size_t n, tc_err *e)
{
    tc_sql q;
    tc_sql_init(&q, WRITE_SQL_MAX);
    tc_insert_sql(w->a, w->model->schema, &w->full, in, n, &w->actor, &q);
    PGresult *after = run(w, &q, "create", e);
    tc_sql_fini(&q);
    if (!after || events_or_fail(w, TC_EVENT_CREATED, NULL, after, NULL, e) < 0)
        return -1;
    keep(w, after);
    return 0;
}

int tc_write_create(tc_write *w, const tc_record_input *in, size_t n, bool upsert, tc_err *e)
{
    if (!upsert)
        return n ? insert_rows(w, in, n, e) : 0;
    for (size_t i = 0; i < n; i++) {
        tc_err_clear(e);
        PGresult *match = upsert_matches(w, &in[i], e);
        if (!match && e->code != TC_OK)
            return -1;
        int rc = match && PQntuples(match) == 1 ? update_rows(w, &in[i], match, e)
                                                : insert_rows(w, &in[i], 1, e);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int tc_write_update(tc_write *w, const tc_record_input *in, const char *id, const tc_filter *filter,
                    tc_err *e)
{
    tc_scope scope = w->with_deleted ? TC_SCOPE_ANY : TC_SCOPE_LIVE;
    PGresult *before = lock(w, scope, id, filter, "update", e);
    if (!before)
        return -1;
    return PQntuples(before) ? update_rows(w, in, before, e) : 0;
}

int tc_write_delete(tc_write *w, bool soft, const char *id, const tc_filter *filter, tc_err *e)
{
    PGresult *before = lock(w, soft ? TC_SCOPE_LIVE : TC_SCOPE_ANY, id, filter, "delete", e);
    if (!before)
        return -1;
    if (!PQntuples(before))
        return 0;
    tc_sql q;
    tc_sql_init(&q, WRITE_SQL_MAX);
    if (soft)
        tc_soft_delete_sql(w->model->schema, &w->full, ids_of(w, before), &q);
    else
        tc_destroy_sql(w->model->schema, &w->full, ids_of(w, before), &q);
    PGresult *r = run(w, &q, "delete", e);
    tc_sql_fini(&q);
    if (!r)
        return -1;
    int rc = soft ? events_or_fail(w, TC_EVENT_DELETED, before, r, NULL, e)
                  : events_or_fail(w, TC_EVENT_DESTROYED, r, NULL, NULL, e);
    if (rc < 0)
        return -1;
    keep(w, r);
    return 0;
}

int tc_write_restore(tc_write *w, const char *id, const tc_filter *filter, tc_err *e)
{
    PGresult *before = lock(w, TC_SCOPE_DELETED, id, filter, "restore", e);
    if (!before)
        return -1;
    if (!PQntuples(before))
        return 0;
    tc_sql q;
    tc_sql_init(&q, WRITE_SQL_MAX);
    tc_restore_sql(w->model->schema, &w->full, ids_of(w, before), &q);
    PGresult *r = run(w, &q, "restore", e);
    tc_sql_fini(&q);
    if (!r || events_or_fail(w, TC_EVENT_RESTORED, NULL, r, NULL, e) < 0)
        return -1;
    keep(w, r);
    return 0;
}

size_t tc_write_count(const tc_write *w)
{
    size_t n = 0;
    for (size_t i = 0; i < w->nresults; i++)
        n += (size_t)PQntuples(w->results[i]);
    return n;
}

void tc_write_row(const tc_write *w, size_t i, const PGresult **r, int *row)
{
    for (size_t k = 0; k < w->nresults; k++) {
        size_t n = (size_t)PQntuples(w->results[k]);
        if (i < n) {
            *r = w->results[k];
            *row = (int)i;
            return;
        }
        i -= n;
    }
    *r = NULL;
    *row = -1;
}

const char *tc_write_id(const tc_write *w, size_t i)
{
    const PGresult *r;
    int row;
    tc_write_row(w, i, &r, &row);
    return r ? PQgetvalue(r, row, tc_find_col(&w->full, "id")) : NULL;
}
