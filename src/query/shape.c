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

void tc_shape_record(tc_json *j, const tc_find *f, const PGresult *r, int row)
{
    tc_json_obj_begin(j);
    size_t col = 0;
    while (col < f->ncols) {
        const tc_col *c = &f->cols[col];
        if (!c->sub) {
            tc_json_key(j, c->name);
            value(j, c, r, row, f->at ? f->at[col] : (int)col);
            col++;
            continue;
        }
        tc_json_key(j, c->field->name);
        tc_json_obj_begin(j);
        for (const tc_field *field = c->field; col < f->ncols && f->cols[col].field == field;
             col++) {
            tc_json_key(j, f->cols[col].sub->name);
            value(j, &f->cols[col], r, row, f->at ? f->at[col] : (int)col);
        }
        tc_json_obj_end(j);
    }
    tc_json_obj_end(j);
}
