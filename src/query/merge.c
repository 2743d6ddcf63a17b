/* Running a merge (see merge.h): lock the records, merge their fields in memory (merge_values.c),
 * then re-point the relations through writes joined to the caller's transaction, destroy the
 * others and update the winner. */
#include "query/merge.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/time.h"
#include "base/uuid.h"
#include "query/deep.h"
#include "query/shape.h"

#define MERGE_SQL_MAX (1u << 20) /* a lock over 9 records with every column */
#define RECORD_MAX (16u << 20)   /* one record's JSON */

static void clear_result(void *r)
{
    PQclear(r);
}

static void decref(void *j)
{
    json_decref(j);
}

static int not_found(tc_err *e)
{
    tc_err_set(e, TC_E_NOT_FOUND, "One or more records not found");
    snprintf(e->reason, sizeof(e->reason), "RECORD_NOT_FOUND");
    return -1;
}

static int denied(tc_err *e)
{
    tc_err_set(e, TC_E_FORBIDDEN, "User does not have permission");
    snprintf(e->reason, sizeof(e->reason), "PERMISSION_DENIED");
    return -1;
}

/* A record as the shaper writes it (row `row` of r shaped by f, or with deep the record id
 * read at depth=1), parsed; released with the arena. */
static json_t *record(tc_arena *a, const tc_find *f, const PGresult *r, int row,
                      const tc_deep *deep, const char *id)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, RECORD_MAX);
    tc_json_init(&j, &b);
    bool written = true;
    if (deep)
        written = tc_deep_write(&j, deep, id);
    else
        tc_shape_record(&j, f, r, row);
    json_t *out = written && tc_json_ok(&j) ? json_loadb(b.data, b.len, 0, NULL) : NULL;
    tc_buf_fini(&b);
    if (!out)
        out = json_object();
    tc_arena_defer(a, decref, out);
    return out;
}

/* The live records of args->ids locked FOR UPDATE, as rows[i] of *r for ids[i]. */
static int lock_records(tc_write *w, const tc_merge_args *args, PGresult **r, int *rows, tc_err *e)
{
    tc_buf ids;
    tc_buf_init(&ids, (TC_UUID_STR_LEN + 1) * TC_MERGE_MAX_RECORDS + 3);
    tc_buf_addc(&ids, '{');
    for (size_t i = 0; i < args->n; i++)
        tc_buf_printf(&ids, "%s%s", i ? "," : "", args->ids[i]);
    tc_buf_addc(&ids, '}');
    const char *literal = tc_arena_strdup(w->a, tc_buf_cstr(&ids));
    tc_buf_fini(&ids);
    char limit[24];
    snprintf(limit, sizeof(limit), "%zu", args->n);
    tc_sql q;
    tc_sql_init(&q, MERGE_SQL_MAX);
    tc_lock_sql(w->model->schema, &w->full, TC_SCOPE_LIVE, NULL, literal, limit, &q);
    *r = tc_sql_ok(&q) ? tc_db_query(w->db, tc_sql_text(&q), q.nparams, q.params, e) : NULL;
    if (!tc_sql_ok(&q))
        tc_err_set(e, TC_E_BAD_REQUEST, "Query too large");
    tc_sql_fini(&q);
    if (!*r)
        return -1;
    tc_arena_defer(w->a, clear_result, *r);
    /* Every id must be a distinct live record (Twenty compares the counts). */
    if ((size_t)PQntuples(*r) != args->n)
        return not_found(e);
    int col = tc_find_col(&w->full, "id");
    for (size_t i = 0; i < args->n; i++) {
        rows[i] = -1;
        for (int k = 0; k < PQntuples(*r) && rows[i] < 0; k++)
            if (strcasecmp(PQgetvalue(*r, k, col), args->ids[i]) == 0)
                rows[i] = k;
        if (rows[i] < 0)
            return not_found(e);
    }
    return 0;
}

/* The key of field f in a shaped record: a MANY_TO_ONE relation's join column, else its name. */
static const char *key_of(const tc_field *f)
{
    return tc_field_type_info_of(f->type)->kind == TC_KIND_RELATION ? f->join_column : f->name;
}

/* The merged value of every field the caller may read (not system ones) that some record
 * holds, into merged; the ones that differ from the winner's, into changes. */
static void merge_fields(const tc_write *w, json_t *const *records, const tc_merge_args *args,
                         json_t *merged, json_t *changes)
{
    const tc_find *shown = &w->shown;
    for (size_t i = 0; i < shown->nfields; i++) {
        const tc_field *f = shown->fields[i];
        const char *key = key_of(f);
        if (f->is_system || !key)
            continue;
        json_t *values[TC_MERGE_MAX_RECORDS];
        for (size_t k = 0; k < args->n; k++)
            values[k] = json_object_get(records[k], key);
        json_t *value = tc_merge_field(f->type, values, args->n, args->priority);
        if (!value)
            continue;
        json_t *now = json_object_get(records[args->priority], key);
        if (!now || !json_equal(now, value))
            json_object_set(changes, key, value);
        json_object_set_new(merged, key, value);
    }
}

/* The condition `column IN (values)` on o, or NULL when the model has no such column. */
static tc_filter *in_filter(tc_arena *a, const tc_object *o, const char *column,
                            const char **values, size_t n)
{
    tc_filter *f = tc_arena_calloc(a, 1, sizeof(*f));
    if (tc_path_resolve(a, o, column, strlen(column), &f->cond.path, NULL, NULL) != TC_PATH_OK)
        return NULL;
    f->kind = TC_FILTER_COND;
    f->cond.op = TC_FILTER_IN;
    f->cond.kind = TC_VALUE_UUID;
    f->cond.values = values;
    f->cond.nvalues = n;
    return f;
}

/* Whether f is a live MANY_TO_ONE relation to target (RELATION or MORPH_RELATION). */
static bool points_at(const tc_field *f, const tc_object *target)
{
    return tc_field_type_info_of(f->type)->kind == TC_KIND_RELATION && f->is_active &&
           f->relation == TC_REL_MANY_TO_ONE && f->join_column && f->target_object == target;
}

/* Re-points every relation of object o that points at the losers to the winner, in a write
 * joined to w's transaction whose events are appended there. */
static int repoint_object(tc_write *w, const tc_perm_view *v, const tc_object *o,
                          const char **losers, size_t nlosers, const char *winner, tc_err *e)
{
    tc_write jw;
    bool joined = false;
    int rc = 0;
    for (size_t i = 0; i < o->nfields && rc == 0; i++) {
        const tc_field *f = o->fields[i];
        if (!points_at(f, w->object))
            continue;
        tc_filter *filter = in_filter(w->a, o, f->join_column, losers, nlosers);
        if (!filter)
            continue;
        if (!joined) {
            tc_write_join(&jw, w, v, o);
            jw.with_deleted = true; /* a restored record must not point at a destroyed one */
            joined = true;
        }
        tc_assign *set = tc_arena_calloc(w->a, 1, sizeof(*set));
        *set = (tc_assign){f, f->join_column, winner};
        const tc_field **fields = tc_arena_calloc(w->a, 1, sizeof(*fields));
        fields[0] = f;
        tc_record_input in = {.items = set, .n = 1, .fields = fields, .nfields = 1};
        size_t before = tc_write_count(&jw);
        rc = tc_write_update(&jw, &in, NULL, filter, e);
        if (rc == 0 && tc_write_count(&jw) > before &&
            (!tc_perm_object(v, o).update || !tc_perm_field(v, f).update))
            rc = denied(e);
    }
    if (!joined)
        return 0;
    if (rc == 0)
        return tc_write_commit(&jw, e);
    tc_write_abort(&jw);
    return -1;
}

/* depth=1 of a dry run (mergeRelationFieldValuesForDryRunRecord): each to-one relation is the
 * winner's related record (else the first record's), each to-many relation every record's
 * related records, once each by id. */
static void merge_relations(const tc_find *f, json_t *const *records, size_t n, size_t priority,
                            json_t *out)
{
    for (size_t k = 0; k < f->nrels; k++) {
        const char *name = f->rels[k].field->name;
        if (!f->rels[k].to_many) {
            json_t *values[TC_MERGE_MAX_RECORDS];
            for (size_t i = 0; i < n; i++)
                values[i] = json_object_get(records[i], name);
            json_t *value = tc_merge_field(TC_FT_RELATION, values, n, priority);
            json_object_set_new(out, name, value ? value : json_null());
            continue;
        }
        json_t *all = json_array();
        for (size_t i = 0; i < n; i++) {
            size_t x;
            json_t *item;
            json_array_foreach(json_object_get(records[i], name), x, item)
            {
                json_t *id = json_object_get(item, "id");
                bool seen = !json_is_string(id) || !tc_merge_has_value(item);
                size_t y;
                json_t *other;
                json_array_foreach(all, y, other)
                {
                    seen = seen || json_equal(json_object_get(other, "id"), id);
                }
                if (!seen)
                    json_array_append(all, item);
            }
        }
        json_object_set_new(out, name, all);
    }
}

/* The dry run's answer: the winner's readable fields (and at depth=1 relations) with the
 * merged values, a new id and deletedAt now (Twenty's createDryRunResponse). */
static json_t *preview_of(tc_write *w, const tc_perm_view *v, const tc_merge_args *args,
                          const PGresult *r, const int *rows, json_t *merged, tc_err *e)
{
    json_t *out;
    if (args->depth == 1) {
        int col = tc_find_col(&w->full, "id");
        const char *ids[TC_MERGE_MAX_RECORDS];
        for (size_t i = 0; i < args->n; i++)
            ids[i] = PQgetvalue(r, rows[i], col);
        tc_deep deep;
        if (tc_deep_load(&deep, w->a, w->db, w->model, v, w->object, ids, args->n, e) < 0)
            return NULL;
        json_t *records[TC_MERGE_MAX_RECORDS];
        for (size_t i = 0; i < args->n; i++)
            records[i] = record(w->a, NULL, NULL, 0, &deep, ids[i]);
        out = json_deep_copy(records[args->priority]);
        merge_relations(&deep.find, records, args->n, args->priority, out);
    } else {
        out = json_incref(record(w->a, &w->shown, r, rows[args->priority], NULL, NULL));
    }
    json_object_update_existing(out, merged);
    tc_uuid id;
    char text[TC_UUID_STR_LEN + 1], iso[TC_ISO8601_LEN + 1];
    tc_uuid_v4(&id);
    tc_uuid_format(&id, text);
    tc_time_iso8601(tc_time_now_us(), iso);
    json_object_set_new(out, "id", json_string(text));
    json_object_set_new(out, "deletedAt", json_string(iso));
    return out;
}

/* The winner as the call answers it, read again inside the transaction at depth=1. */
static json_t *answer_of(tc_write *w, const tc_perm_view *v, const tc_merge_args *args,
                         const char *winner, tc_err *e)
{
    if (args->depth != 1) {
        const PGresult *r;
        int row;
        tc_write_row(w, tc_write_count(w) - 1, &r, &row);
        return json_incref(record(w->a, &w->shown, r, row, NULL, NULL));
    }
    tc_deep deep;
    if (tc_deep_load(&deep, w->a, w->db, w->model, v, w->object, &winner, 1, e) < 0)
        return NULL;
    return json_incref(record(w->a, NULL, NULL, 0, &deep, winner));
}

int tc_merge_run(tc_write *w, const tc_perm_view *v, const tc_merge_args *args, json_t **answer,
                 tc_err *e)
{
    *answer = NULL;
    if (args->n < 2 || args->n > TC_MERGE_MAX_RECORDS || args->priority >= args->n)
        return tc_err_set(e, TC_E_BAD_REQUEST, "Invalid merge arguments");
    PGresult *r;
    int rows[TC_MERGE_MAX_RECORDS];
    if (lock_records(w, args, &r, rows, e) < 0)
        return -1;
    json_t *records[TC_MERGE_MAX_RECORDS];
    for (size_t i = 0; i < args->n; i++)
        records[i] = record(w->a, &w->full, r, rows[i], NULL, NULL);
    json_t *merged = json_object(), *changes = json_object();
    tc_arena_defer(w->a, decref, merged);
    tc_arena_defer(w->a, decref, changes);
    merge_fields(w, records, args, merged, changes);
    if (args->dry_run)
        return (*answer = preview_of(w, v, args, r, rows, merged, e)) ? 0 : -1;
    /* The winner's new values, checked as an update's input (field write permissions too). */
    tc_record_input in;
    if (tc_input_record(w->a, v, w->object, changes, TC_INPUT_UPDATE, &in, e) < 0)
        return -1;
    const char *winner = PQgetvalue(r, rows[args->priority], tc_find_col(&w->full, "id"));
    const char **losers = tc_arena_calloc(w->a, args->n, sizeof(*losers));
    size_t nlosers = 0;
    for (size_t i = 0; i < args->n; i++)
        if (i != args->priority)
            losers[nlosers++] = PQgetvalue(r, rows[i], tc_find_col(&w->full, "id"));
    for (size_t i = 0; i < w->model->nobjects; i++)
        if (repoint_object(w, v, w->model->objects[i], losers, nlosers, winner, e) < 0)
            return -1;
    tc_filter *others = in_filter(w->a, w->object, "id", losers, nlosers);
    if (!others || tc_write_delete(w, false, NULL, others, e) < 0)
        return others ? -1 : tc_err_set(e, TC_E_INTERNAL, "Record ids cannot be filtered");
    if (tc_write_update(w, &in, winner, NULL, e) < 0)
        return -1;
    return (*answer = answer_of(w, v, args, winner, e)) ? 0 : -1;
}
