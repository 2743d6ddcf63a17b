/* Drift detection (see doctor.h): the expected catalog is what the schema compiler would build
 * from the metadata (tc_field_columns, the model's indexes and relations); the actual catalog
 * is read from pg_catalog in five statements. Both are compared as sets, both ways. */
#include "meta/doctor.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "meta/ddl.h"

static const char columns_sql[] =
    "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
    " CASE WHEN t.typtype = 'e' THEN t.typname WHEN et.typtype = 'e' THEN et.typname END,"
    " t.typcategory = 'A', a.attgenerated, coalesce(pg_get_expr(d.adbin, d.adrelid), '')"
    " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
    " LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'"
    " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
    " WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
    " ORDER BY 1, a.attnum";

static const char enums_sql[] =
    "SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
    " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
    " JOIN pg_enum e ON e.enumtypid = t.oid WHERE n.nspname = $1 GROUP BY 1 ORDER BY 1";

static const char fks_sql[] =
    "SELECT c.relname, a.attname, rc.relname, con.confdeltype"
    " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class rc ON rc.oid = con.confrelid"
    " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]"
    " WHERE n.nspname = $1 AND con.contype = 'f' ORDER BY 1, 2";

static const char indexes_sql[] =
    "SELECT i.relname, c.relname, x.indisunique, am.amname,"
    " (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(x.indkey) WITH ORDINALITY"
    "  AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum),"
    " coalesce(pg_get_expr(x.indpred, x.indrelid), '')"
    " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = i.relam"
    " WHERE n.nspname = $1 AND NOT x.indisprimary ORDER BY 1";

/* One query result kept for lookups, with a "seen" mark per row for the reverse check. */
typedef struct rows {
    PGresult *r;
    char *seen;
} rows;

static int fetch(tc_db *db, const char *sql, const char *schema, rows *out, tc_err *e)
{
    const char *p[] = {schema};
    out->r = tc_db_query(db, sql, 1, p, e);
    if (!out->r)
        return -1;
    out->seen = calloc((size_t)PQntuples(out->r) + 1, 1);
    return 0;
}

static void drop_rows(rows *x)
{
    PQclear(x->r);
    free(x->seen);
}

/* The row whose first columns equal the given keys, or -1. */
static int find(rows *x, const char *k0, const char *k1)
{
    for (int i = 0; i < PQntuples(x->r); i++) {
        if (strcmp(PQgetvalue(x->r, i, 0), k0) == 0 &&
            (!k1 || strcmp(PQgetvalue(x->r, i, 1), k1) == 0)) {
            x->seen[i] = 1;
            return i;
        }
    }
    return -1;
}

typedef struct report {
    FILE *out;
    const char *schema;
    int count;
} report;

static void drift(report *rep, const char *fmt, ...) TC_PRINTF(2, 3);
static void drift(report *rep, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(rep->out, "%s: ", rep->schema);
    vfprintf(rep->out, fmt, ap);
    fputc('\n', rep->out);
    va_end(ap);
    rep->count++;
}

/* The enum values a column should have, comma-separated, into out. */
static void expected_enum(const tc_column *c, char *out, size_t n)
{
    size_t o = 0;
    out[0] = '\0';
    if (c->enum_values) {
        for (size_t i = 0; c->enum_values[i]; i++)
            o += (size_t)snprintf(out + o, o < n ? n - o : 0, "%s%s", i ? "," : "",
                                  c->enum_values[i]);
        return;
    }
    if (!c->options) {
        snprintf(out, n, "RATING_1,RATING_2,RATING_3,RATING_4,RATING_5");
        return;
    }
    json_error_t jerr;
    json_t *opts = json_loads(c->options, 0, &jerr);
    size_t i;
    json_t *opt;
    json_array_foreach(opts, i, opt)
    {
        const char *v = json_string_value(json_object_get(opt, "value"));
        o += (size_t)snprintf(out + o, o < n ? n - o : 0, "%s%s", i ? "," : "", v ? v : "?");
    }
    json_decref(opts);
}

/* The generated expression PostgreSQL shows (normalised: casts added, simple identifiers
 * unquoted) matches the field's settings.asExpression when both use unaccent alike and every
 * column the expected one names appears in it. */
static bool search_vector_matches(const tc_model *m, const tc_field *f, const char *actual)
{
    json_error_t jerr;
    json_t *settings = f->settings ? json_loads(f->settings, 0, &jerr) : NULL;
    const char *want = json_string_value(json_object_get(settings, "asExpression"));
    bool ok = want && strstr(actual, "to_tsvector") &&
              (strstr(want, "unaccent_immutable") != NULL) ==
                  (strstr(actual, "unaccent_immutable") != NULL);
    /* Every "quoted" column of the expected expression, by name (not the function's schema
     * and name: PostgreSQL leaves out a schema on the search_path). */
    for (const char *p = want; ok && p && (p = strchr(p, '"'));) {
        const char *end = strchr(p + 1, '"');
        if (!end)
            break;
        char name[2 * TC_NAME_BUF];
        snprintf(name, sizeof(name), "%.*s", (int)(end - p - 1), p + 1);
        if (strcmp(name, m->core_schema) != 0 && strcmp(name, "unaccent_immutable") != 0)
            ok = strstr(actual, name) != NULL;
        p = end + 1;
    }
    json_decref(settings);
    return ok;
}

static void check_columns(report *rep, const tc_model *m, rows *cols, rows *enums)
{
    for (size_t i = 0; i < m->nobjects; i++) {
        const tc_object *o = m->objects[i];
        bool table_found = false;
        for (int r = 0; r < PQntuples(cols->r); r++)
            table_found |= strcmp(PQgetvalue(cols->r, r, 0), o->table) == 0;
        if (!table_found) {
            drift(rep, "table %s of object %s is missing", o->table, o->name_singular);
            continue;
        }
        for (size_t k = 0; k < o->nfields; k++) {
            const tc_field *f = o->fields[k];
            tc_column cs[16];
            size_t n = tc_field_columns(o, f, cs, 16);
            for (size_t c = 0; c < n; c++) {
                int row = find(cols, o->table, cs[c].name);
                if (row < 0) {
                    drift(rep, "%s.%s: column of field %s is missing", o->table, cs[c].name,
                          f->name);
                    continue;
                }
                const char *type = PQgetvalue(cols->r, row, 2);
                const char *enum_name = PQgetvalue(cols->r, row, 4);
                bool is_array = strcmp(PQgetvalue(cols->r, row, 5), "t") == 0;
                const tc_field_type_info *t = tc_field_type_info_of(cs[c].type);
                if (cs[c].enum_type[0]) {
                    bool want_array = t->kind == TC_KIND_ENUM_ARRAY;
                    if (strcmp(enum_name, cs[c].enum_type) != 0 || is_array != want_array)
                        drift(rep, "%s.%s: type is %s, expected %s%s", o->table, cs[c].name, type,
                              cs[c].enum_type, want_array ? "[]" : "");
                    char want[4096];
                    expected_enum(&cs[c], want, sizeof(want));
                    int e = find(enums, cs[c].enum_type, NULL);
                    if (e < 0)
                        drift(rep, "enum type %s is missing", cs[c].enum_type);
                    else if (strcmp(PQgetvalue(enums->r, e, 1), want) != 0)
                        drift(rep, "enum type %s has values (%s), expected (%s)", cs[c].enum_type,
                              PQgetvalue(enums->r, e, 1), want);
                } else if (strcmp(type, t->sql_type) != 0) {
                    drift(rep, "%s.%s: type is %s, expected %s", o->table, cs[c].name, type,
                          t->sql_type);
                }
                bool not_null = strcmp(PQgetvalue(cols->r, row, 3), "t") == 0;
                if (cs[c].name[0] && strcmp(cs[c].name, "id") != 0 && not_null != cs[c].not_null)
                    drift(rep, "%s.%s: is %s, expected %s", o->table, cs[c].name,
                          not_null ? "NOT NULL" : "nullable",
                          cs[c].not_null ? "NOT NULL" : "nullable");
                if (f->type == TC_FT_TS_VECTOR) {
                    const char *gen = PQgetvalue(cols->r, row, 6);
                    const char *expr = PQgetvalue(cols->r, row, 7);
                    if (strcmp(gen, "s") != 0)
                        drift(rep, "%s.%s: is not a stored generated column", o->table, cs[c].name);
                    else if (!search_vector_matches(m, f, expr))
                        drift(rep, "%s.%s: generated as %s", o->table, cs[c].name, expr);
                }
            }
        }
    }
    for (int r = 0; r < PQntuples(cols->r); r++) {
        if (!cols->seen[r])
            drift(rep, "%s.%s: column is not in the metadata", PQgetvalue(cols->r, r, 0),
                  PQgetvalue(cols->r, r, 1));
    }
    for (int r = 0; r < PQntuples(enums->r); r++) {
        if (!enums->seen[r])
            drift(rep, "enum type %s is not in the metadata", PQgetvalue(enums->r, r, 0));
    }
}

static void check_foreign_keys(report *rep, const tc_model *m, rows *fks)
{
    static const char actions[] = {'c', 'n', 'r', 'a'}; /* confdeltype per tc_on_delete */
    for (size_t i = 0; i < m->nobjects; i++) {
        const tc_object *o = m->objects[i];
        for (size_t k = 0; k < o->nfields; k++) {
            const tc_field *f = o->fields[k];
            if (f->relation != TC_REL_MANY_TO_ONE || !f->join_column)
                continue;
            int row = find(fks, o->table, f->join_column);
            if (row < 0) {
                drift(rep, "%s.%s: foreign key is missing", o->table, f->join_column);
                continue;
            }
            const char *target = f->target_object ? f->target_object->table : "?";
            if (strcmp(PQgetvalue(fks->r, row, 2), target) != 0 ||
                PQgetvalue(fks->r, row, 3)[0] != actions[f->on_delete])
                drift(rep, "%s.%s: foreign key references %s (on delete %s), expected %s (%c)",
                      o->table, f->join_column, PQgetvalue(fks->r, row, 2),
                      PQgetvalue(fks->r, row, 3), target, actions[f->on_delete]);
        }
    }
    for (int r = 0; r < PQntuples(fks->r); r++) {
        if (!fks->seen[r])
            drift(rep, "%s.%s: foreign key is not in the metadata", PQgetvalue(fks->r, r, 0),
                  PQgetvalue(fks->r, r, 1));
    }
}

static void check_indexes(report *rep, const tc_model *m, rows *idx)
{
    for (size_t i = 0; i < m->nobjects; i++) {
        const tc_object *o = m->objects[i];
        for (size_t k = 0; k < o->nindexes; k++) {
            const tc_index *x = o->indexes[k];
            int row = find(idx, x->name, NULL);
            if (row < 0) {
                drift(rep, "%s: index %s is missing", o->table, x->name);
                continue;
            }
            char want[1024] = "";
            size_t w = 0;
            for (size_t f = 0; f < x->nfields; f++) {
                tc_column cs[16];
                size_t n = tc_field_columns(o, x->fields[f], cs, 16);
                const tc_field_type_info *t = tc_field_type_info_of(x->fields[f]->type);
                for (size_t c = 0; c < n; c++) {
                    if (t->kind == TC_KIND_COMPOSITE && !t->subfields[c].unique_key)
                        continue;
                    w += (size_t)snprintf(want + w, w < sizeof(want) ? sizeof(want) - w : 0, "%s%s",
                                          w ? "," : "", cs[c].name);
                }
            }
            const char *method = x->type == TC_INDEX_GIN ? "gin" : "btree";
            bool unique = strcmp(PQgetvalue(idx->r, row, 2), "t") == 0;
            if (strcmp(PQgetvalue(idx->r, row, 1), o->table) != 0 || unique != x->is_unique ||
                strcmp(PQgetvalue(idx->r, row, 3), method) != 0 ||
                strcmp(PQgetvalue(idx->r, row, 4), want) != 0)
                drift(rep, "%s: index %s is %s%s on %s (%s), expected %s%s on %s (%s)", o->table,
                      x->name, unique ? "unique " : "", PQgetvalue(idx->r, row, 3),
                      PQgetvalue(idx->r, row, 1), PQgetvalue(idx->r, row, 4),
                      x->is_unique ? "unique " : "", method, o->table, want);
        }
    }
    for (int r = 0; r < PQntuples(idx->r); r++) {
        if (!idx->seen[r])
            drift(rep, "%s: index %s is not in the metadata", PQgetvalue(idx->r, r, 1),
                  PQgetvalue(idx->r, r, 0));
    }
}

int tc_doctor_workspace(tc_db *db, const tc_model *m, FILE *out, tc_err *e)
{
    rows cols = {0}, enums = {0}, fks = {0}, idx = {0};
    report rep = {out, m->schema, 0};
    int rc = -1;
    if (fetch(db, columns_sql, m->schema, &cols, e) < 0 ||
        fetch(db, enums_sql, m->schema, &enums, e) < 0 ||
        fetch(db, fks_sql, m->schema, &fks, e) < 0 ||
        fetch(db, indexes_sql, m->schema, &idx, e) < 0)
        goto out;
    if (PQntuples(cols.r) == 0 && m->nobjects > 0) {
        drift(&rep, "schema is missing or empty");
    } else {
        check_columns(&rep, m, &cols, &enums);
        check_foreign_keys(&rep, m, &fks);
        check_indexes(&rep, m, &idx);
    }
    rc = rep.count;
out:
    drop_rows(&cols);
    drop_rows(&enums);
    drop_rows(&fks);
    drop_rows(&idx);
    return rc;
}
