/* Building a mutation's events (see event.h): each record is shaped as Twenty's record JSON
 * with the JSON writer, then compared field by field for an update's diff. */
#include "query/event.h"

#include <stdlib.h>
#include <string.h>

#include "base/die.h"
#include "base/json.h"
#include "query/shape.h"

#define EVENTS_MAX (512u << 20) /* the JSON of one mutation's events */
#define RECORD_MAX (16u << 20)  /* one record's JSON */

static const char *const action_names[] = {
#define TC_EVENT_NAME_(name, text) text,
    TC_EVENT_ACTIONS(TC_EVENT_NAME_)
#undef TC_EVENT_NAME_
};

const char *tc_event_action_name(tc_event_action a)
{
    return action_names[a];
}

void tc_events_init(tc_events *ev, const tc_find *full)
{
    ev->full = full;
    ev->n = 0;
    tc_buf_init(&ev->json, EVENTS_MAX);
    tc_buf_addc(&ev->json, '[');
}

void tc_events_fini(tc_events *ev)
{
    tc_buf_fini(&ev->json);
}

/* Row `row` of r as a record, appended to out. */
static void record(tc_buf *out, const tc_find *full, const PGresult *r, int row)
{
    tc_json j;
    tc_json_init(&j, out);
    tc_shape_record(&j, full, r, row);
}

/* Row `row` of r as a record, parsed (the caller decrefs): an update's diff compares them. */
static json_t *parsed_record(const tc_find *full, const PGresult *r, int row)
{
    tc_buf b;
    tc_buf_init(&b, RECORD_MAX);
    record(&b, full, r, row);
    json_t *out = b.failed ? NULL : json_loadb(b.data, b.len, 0, NULL);
    tc_buf_fini(&b);
    return out ? out : json_object();
}

/* Appends v as compact JSON and releases it. */
static void add_json(tc_buf *out, json_t *v)
{
    char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    json_decref(v);
    if (!text) /* a value built here always serialises: only memory can run out */
        tc_die_oom();
    tc_buf_adds(out, text);
    free(text);
}

/* The row of r whose id is id, or -1. r's rows are ordered by id (tc_lock_sql's ORDER BY; a
 * uuid's order is its text's). */
static int find_row(const PGresult *r, int col, const char *id)
{
    int lo = 0, hi = PQntuples(r) - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(PQgetvalue(r, mid, col), id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* The fields whose values differ between before and after (updatedAt left out, as Twenty's
 * diff leaves it out), as {field: {before, after}}. */
static json_t *diff_of(const json_t *before, const json_t *after)
{
    json_t *diff = json_object();
    const char *k;
    json_t *a;
    json_object_foreach((json_t *)after, k, a)
    {
        json_t *b = json_object_get(before, k);
        if (strcmp(k, "updatedAt") == 0 || (b && json_equal(a, b)))
            continue;
        json_t *change = json_object();
        json_object_set(change, "before", b ? b : json_null());
        json_object_set(change, "after", a);
        json_object_set_new(diff, k, change);
    }
    return diff;
}

static json_t *updated_fields(const tc_record_input *in, tc_event_action action)
{
    json_t *list = json_array();
    if (action == TC_EVENT_DELETED) {
        json_array_append_new(list, json_string("deletedAt"));
        return list;
    }
    for (size_t i = 0; in && i < in->nfields; i++)
        json_array_append_new(list, json_string(in->fields[i]->name));
    return list;
}

/* Appends one event: {"recordId","action","properties":{…}}. The records are shaped straight
 * into the events' JSON; only an update's pair is parsed, for its diff. before_row: before's row
 * of the record, or -1. */
static void append(tc_events *ev, const char *record_id, tc_event_action action,
                   const PGresult *before, int before_row, const PGresult *after, int after_row,
                   const tc_record_input *in)
{
    tc_buf *out = &ev->json;
    if (ev->n++)
        tc_buf_addc(out, ',');
    /* A record id is a UUID and an action one of ours: nothing to escape. */
    tc_buf_printf(out, "{\"recordId\":\"%s\",\"action\":\"%s\",\"properties\":{", record_id,
                  tc_event_action_name(action));
    const tc_find *full = ev->full;
    if (before && after) {
        json_t *b = before_row >= 0 ? parsed_record(full, before, before_row) : json_object();
        json_t *a = parsed_record(full, after, after_row);
        tc_buf_adds(out, "\"updatedFields\":");
        add_json(out, updated_fields(in, action));
        tc_buf_adds(out, ",\"diff\":");
        add_json(out, diff_of(b, a));
        tc_buf_adds(out, ",\"before\":");
        add_json(out, b);
        tc_buf_adds(out, ",\"after\":");
        add_json(out, a);
    } else if (before) {
        tc_buf_adds(out, "\"before\":");
        record(out, full, before, before_row);
    } else {
        tc_buf_adds(out, "\"after\":");
        record(out, full, after, after_row);
    }
    tc_buf_adds(out, "}}");
}

int tc_events_add(tc_events *ev, tc_event_action action, const PGresult *before,
                  const PGresult *after, const tc_record_input *in)
{
    int col = tc_find_col(ev->full, "id");
    if (col < 0)
        return -1;
    const PGresult *main = after ? after : before;
    int n = PQntuples(main);
    for (int i = 0; i < n && !ev->json.failed; i++) {
        const char *id = PQgetvalue(main, i, col);
        int before_row = before && after ? find_row(before, col, id) : i;
        append(ev, id, action, before, before_row, after, i, in);
    }
    return ev->json.failed ? -1 : 0;
}

void tc_events_sql(tc_events *ev, const char *workspace_id, const tc_event_actor *actor, tc_sql *q)
{
    tc_buf *json = &ev->json;
    tc_buf_addc(json, ']');
    const tc_object *o = ev->full->object;
    tc_sql_add(q, "INSERT INTO \"event\" (\"workspaceId\", \"objectMetadataId\", \"objectName\", "
                  "\"action\", \"name\", \"recordId\", \"properties\", \"userId\", "
                  "\"userWorkspaceId\", \"workspaceMemberId\", \"apiKeyId\") SELECT ");
    tc_sql_param(q, workspace_id);
    tc_sql_add(q, "::uuid, ");
    tc_sql_param(q, o->id);
    tc_sql_add(q, "::uuid, ");
    tc_sql_param(q, o->name_singular);
    tc_sql_add(q, "::text, e.\"action\", ");
    tc_sql_param(q, o->name_singular);
    tc_sql_add(q, "::text || '.' || e.\"action\", e.\"recordId\", e.\"properties\", ");
    tc_sql_param(q, actor->user_id);
    tc_sql_add(q, "::uuid, ");
    tc_sql_param(q, actor->user_workspace_id);
    tc_sql_add(q, "::uuid, ");
    tc_sql_param(q, actor->workspace_member_id);
    tc_sql_add(q, "::uuid, ");
    tc_sql_param(q, actor->api_key_id);
    tc_sql_add(q, "::uuid FROM jsonb_to_recordset(");
    tc_sql_param(q, tc_buf_cstr(json));
    tc_sql_add(q, "::jsonb) AS e(\"recordId\" uuid, \"action\" text, \"properties\" jsonb)");
}
