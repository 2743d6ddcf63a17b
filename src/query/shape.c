/* Writing records (see shape.h). Columns come in the plan's order: one per field, or one per
 * sub-field of a composite, consumed field by field. */
#include "query/shape.h"

#include <string.h>

#include "base/time.h"

static void value(tc_json *j, const tc_col *c, const PGresult *r, int row, int col)
{
    if (PQgetisnull(r, row, col)) {
        tc_json_null(j);
        return;
    }
    const char *v = PQgetvalue(r, row, col);
    switch (c->type) {
    case TC_FT_NUMBER:
    case TC_FT_NUMERIC:
    case TC_FT_POSITION: {
        /* PostgreSQL's text of a number is JSON's, except for NaN and infinities. */
        bool finite = strcmp(v, "NaN") != 0 && !strstr(v, "Infinity");
        if (finite)
            tc_json_raw(j, v, strlen(v));
        else
            tc_json_null(j);
        break;
    }
    case TC_FT_BOOLEAN: tc_json_bool(j, v[0] == 't'); break;
    case TC_FT_DATE_TIME: {
        char iso[TC_ISO8601_LEN + 1];
        tc_json_str(j, tc_time_pg_to_iso(v, iso) == 0 ? iso : v);
        break;
    }
    case TC_FT_RAW_JSON:
    case TC_FT_FILES:
    case TC_FT_ARRAY:
    case TC_FT_MULTI_SELECT: tc_json_raw(j, v, strlen(v)); break;
    default: tc_json_str(j, v); break;
    }
}

/* The fields of f from row `row` of r (object braces not included): column i of f is result
 * column f->at[i] when f->at is set, else base + i. */
static void fields(tc_json *j, const tc_find *f, const PGresult *r, int row, int base)
{
    size_t col = 0;
    while (col < f->ncols) {
        const tc_col *c = &f->cols[col];
        if (!c->sub) {
            tc_json_key(j, c->name);
            value(j, c, r, row, f->at ? f->at[col] : base + (int)col);
            col++;
            continue;
        }
        tc_json_key(j, c->field->name);
        tc_json_obj_begin(j);
        for (const tc_field *field = c->field; col < f->ncols && f->cols[col].field == field;
             col++) {
            tc_json_key(j, f->cols[col].sub->name);
            value(j, &f->cols[col], r, row, f->at ? f->at[col] : base + (int)col);
        }
        tc_json_obj_end(j);
    }
}

void tc_shape_record(tc_json *j, const tc_find *f, const PGresult *r, int row)
{
    tc_json_obj_begin(j);
    fields(j, f, r, row, 0);
    tc_json_obj_end(j);
}

void tc_shape_record_rels(tc_json *j, const tc_find *f, const PGresult *r, int row,
                          const tc_relations *s)
{
    tc_json_obj_begin(j);
    fields(j, f, r, row, 0);
    for (size_t k = 0; k < f->nrels; k++) {
        const tc_find_rel *rel = &f->rels[k];
        tc_json_key(j, rel->field->name);
        if (!rel->to_many) {
            int col = tc_find_rel_col(f, k);
            if (PQgetisnull(r, row, col)) {
                tc_json_null(j);
                continue;
            }
            tc_json_obj_begin(j);
            fields(j, rel->target, r, row, col + 1);
            tc_json_obj_end(j);
            continue;
        }
        tc_json_arr_begin(j);
        int first = 0, n = s ? tc_relations_children(s, k, row, &first) : 0;
        for (int i = 0; i < n; i++)
            tc_shape_record(j, rel->target, s->batches[k].rows, first + i);
        tc_json_arr_end(j);
    }
    tc_json_obj_end(j);
}

void tc_shape_records_by_ids(tc_json *j, const tc_find *f, const tc_relations *s)
{
    tc_json_arr_begin(j);
    for (size_t i = 0; i < f->nids; i++) {
        int row = tc_relations_row_of(s, f->ids[i]);
        if (row >= 0)
            tc_shape_record_rels(j, f, s->rows, row, s);
    }
    tc_json_arr_end(j);
}
