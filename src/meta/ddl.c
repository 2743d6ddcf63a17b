/* The schema compiler: columns, enum types, defaults, generated search vectors, foreign keys
 * and indexes of spec/twenty-datamodel.md §1, §1.2–1.4, §7, §8. */
#include "meta/ddl.h"

#include <jansson.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"
#include "base/hex.h"
#include "db/sql.h"

#define STMT_MAX (1 << 20)

void tc_ddl_init(tc_ddl *d, tc_arena *a)
{
    memset(d, 0, sizeof(*d));
    d->arena = a;
}

/* Moves the builder's text into the list. */
static void emit(tc_ddl *d, tc_sql *q)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 64;
        const char **grown = tc_arena_alloc(d->arena, cap * sizeof(*grown));
        if (d->n)
            memcpy(grown, d->stmts, d->n * sizeof(*grown));
        d->stmts = grown;
        d->cap = cap;
    }
    if (!tc_sql_ok(q))
        tc_die("DDL statement too long"); /* bounded by metadata limits; a bug if reached */
    d->stmts[d->n++] = tc_arena_strdup(d->arena, tc_sql_text(q));
    tc_sql_fini(q);
}

static void qualified(tc_sql *q, const tc_model *m, const char *name)
{
    tc_sql_ident(q, m->schema);
    tc_sql_add(q, ".");
    tc_sql_ident(q, name);
}

const char *tc_ddl_script(const tc_ddl *d)
{
    tc_buf b;
    tc_buf_init(&b, SIZE_MAX / 2);
    for (size_t i = 0; i < d->n; i++) {
        tc_buf_adds(&b, d->stmts[i]);
        tc_buf_adds(&b, ";\n");
    }
    const char *s = tc_arena_strdup(d->arena, tc_buf_cstr(&b));
    tc_buf_fini(&b);
    return s;
}

void tc_ddl_create_schema(tc_ddl *d, const tc_model *m)
{
    tc_sql q;
    tc_sql_init(&q, STMT_MAX);
    tc_sql_add(&q, "CREATE SCHEMA ");
    tc_sql_ident(&q, m->schema);
    emit(d, &q);
}

/* --- columns -----------------------------------------------------------------------------------
 */

/* A column being created: its description and its default. */
typedef struct column {
    tc_column c;
    json_t *default_value; /* borrowed from the parsed field default; NULL for none */
} column;

static bool is_enum(tc_field_type t)
{
    tc_type_kind k = tc_field_type_info_of(t)->kind;
    return k == TC_KIND_ENUM || k == TC_KIND_ENUM_ARRAY;
}

size_t tc_field_columns(const tc_object *o, const tc_field *f, tc_column *out, size_t max)
{
    const tc_field_type_info *t = tc_field_type_info_of(f->type);
    size_t n = 0;
    if (t->kind == TC_KIND_COMPOSITE) {
        for (size_t i = 0; i < t->nsubfields && n < max; i++) {
            const tc_subfield *s = &t->subfields[i];
            tc_column *c = &out[n++];
            memset(c, 0, sizeof(*c));
            tc_composite_column(f->name, s->name, c->name, sizeof(c->name));
            c->type = s->type;
            c->enum_values = s->enum_values;
            c->not_null = !f->is_nullable && s->required;
        }
    } else if (n < max && (t->kind != TC_KIND_RELATION || f->relation == TC_REL_MANY_TO_ONE)) {
        tc_column *c = &out[n++];
        memset(c, 0, sizeof(*c));
        snprintf(c->name, sizeof(c->name), "%s", f->join_column ? f->join_column : f->name);
        c->type = f->type;
        c->options = f->options;
        c->not_null =
            !f->is_nullable && t->kind != TC_KIND_RELATION && t->kind != TC_KIND_TS_VECTOR;
    }
    for (size_t i = 0; i < n; i++) {
        if (is_enum(out[i].type))
            tc_enum_type_name(o->table, out[i].name, out[i].enum_type, sizeof(out[i].enum_type));
    }
    return n;
}

/* The columns of f with their defaults (from def, f's parsed default). */
static size_t columns_of(const tc_object *o, const tc_field *f, json_t *def, column *out,
                         size_t max)
{
    tc_column cols[16];
    size_t n = tc_field_columns(o, f, cols, max < 16 ? max : 16);
    const tc_field_type_info *t = tc_field_type_info_of(f->type);
    for (size_t i = 0; i < n; i++) {
        out[i].c = cols[i];
        if (t->kind == TC_KIND_COMPOSITE)
            out[i].default_value =
                json_is_object(def) ? json_object_get(def, t->subfields[i].name) : NULL;
        else
            out[i].default_value = t->kind == TC_KIND_RELATION ? NULL : def;
    }
    return n;
}

/* The column's SQL type. */
static void column_type(tc_sql *q, const tc_model *m, const tc_column *c)
{
    if (is_enum(c->type)) {
        qualified(q, m, c->enum_type);
        if (tc_field_type_info_of(c->type)->kind == TC_KIND_ENUM_ARRAY)
            tc_sql_add(q, "[]");
        return;
    }
    tc_sql_add(q, tc_field_type_info_of(c->type)->sql_type);
}

/* A quoted default ("'NEW'") without its quotes, '' undoubled; NULL when not of that form. */
static char *unquote(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || s[0] != '\'' || s[n - 1] != '\'')
        return NULL;
    char *out = malloc(n), *o = out;
    if (!out)
        tc_die_oom();
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] == '\'' && s[i + 1] == '\'' && i + 2 < n)
            i++;
        *o++ = s[i];
    }
    *o = '\0';
    return out;
}

/* DEFAULT <expr> for a column (spec §1.2); -1 with e filled when the value does not fit. */
static int column_default(tc_sql *q, const tc_model *m, const column *col, tc_err *e)
{
    const tc_column *c = &col->c;
    json_t *v = col->default_value;
    if (!v || json_is_null(v))
        return 0;
    tc_sql_add(q, " DEFAULT ");
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        if (strcmp(s, "uuid") == 0 && c->type == TC_FT_UUID) {
            tc_sql_add(q, "gen_random_uuid()");
            return 0;
        }
        if (strcmp(s, "now") == 0 && (c->type == TC_FT_DATE_TIME || c->type == TC_FT_DATE)) {
            tc_sql_add(q, "now()");
            return 0;
        }
        char *text = unquote(s);
        if (!text)
            return tc_err_set(e, TC_E_BAD_REQUEST,
                              "Default value for %s must be a quoted string such as \"'VALUE'\"",
                              c->name);
        tc_sql_literal(q, text);
        free(text);
        tc_sql_add(q, "::");
        column_type(q, m, c);
        return 0;
    }
    if (json_is_number(v) || json_is_boolean(v)) {
        /* jansson prints numbers and booleans only with digits, sign, '.', 'e' or true/false. */
        char *s = json_dumps(v, JSON_ENCODE_ANY);
        tc_sql_add(q, s);
        free(s);
        return 0;
    }
    if (json_is_array(v) && tc_field_type_info_of(c->type)->kind == TC_KIND_ENUM_ARRAY) {
        tc_sql_add(q, "ARRAY[");
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item)
        {
            char *text = json_is_string(item) ? unquote(json_string_value(item)) : NULL;
            if (!text)
                return tc_err_set(e, TC_E_BAD_REQUEST,
                                  "Default value for %s must be an array of quoted strings",
                                  c->name);
            if (i)
                tc_sql_add(q, ", ");
            tc_sql_literal(q, text);
            free(text);
        }
        tc_sql_add(q, "]::");
        column_type(q, m, c);
        return 0;
    }
    /* Objects and arrays for JSON columns. */
    char *json = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    tc_sql_literal(q, json);
    free(json);
    tc_sql_add(q, "::jsonb");
    return 0;
}

/* The values of an enum column: options' values, RATING_1..5, or the fixed list. */
static int enum_values(const tc_column *c, tc_sql *q, tc_err *e)
{
    if (c->enum_values) {
        for (size_t i = 0; c->enum_values[i]; i++) {
            if (i)
                tc_sql_add(q, ", ");
            tc_sql_literal(q, c->enum_values[i]);
        }
        return 0;
    }
    json_error_t jerr;
    json_t *opts = c->options ? json_loads(c->options, 0, &jerr) : NULL;
    size_t n = json_is_array(opts) ? json_array_size(opts) : 0;
    if (n == 0 && c->type == TC_FT_RATING) {
        tc_sql_add(q, "'RATING_1', 'RATING_2', 'RATING_3', 'RATING_4', 'RATING_5'");
        json_decref(opts);
        return 0;
    }
    if (n == 0) {
        json_decref(opts);
        return tc_err_set(e, TC_E_BAD_REQUEST, "Options are required for enum fields");
    }
    for (size_t i = 0; i < n; i++) {
        const char *value = json_string_value(json_object_get(json_array_get(opts, i), "value"));
        if (!value) {
            json_decref(opts);
            return tc_err_set(e, TC_E_BAD_REQUEST, "Option value is required");
        }
        if (i)
            tc_sql_add(q, ", ");
        tc_sql_literal(q, value);
    }
    json_decref(opts);
    return 0;
}

int tc_ddl_create_object(tc_ddl *d, const tc_model *m, const tc_object *o, tc_err *e)
{
    tc_sql table;
    tc_sql_init(&table, STMT_MAX);
    tc_sql_add(&table, "CREATE TABLE ");
    qualified(&table, m, o->table);
    tc_sql_add(&table, " (");
    bool first = true;
    for (size_t i = 0; i < o->nfields; i++) {
        const tc_field *f = o->fields[i];
        json_error_t jerr;
        json_t *def =
            f->default_value ? json_loads(f->default_value, JSON_DECODE_ANY, &jerr) : NULL;
        column cols[16];
        size_t n = columns_of(o, f, def, cols, TC_COUNT(cols));
        for (size_t k = 0; k < n; k++) {
            const tc_column *c = &cols[k].c;
            if (is_enum(c->type)) {
                tc_sql q;
                tc_sql_init(&q, STMT_MAX);
                tc_sql_add(&q, "CREATE TYPE ");
                qualified(&q, m, c->enum_type);
                tc_sql_add(&q, " AS ENUM (");
                if (enum_values(c, &q, e) < 0) {
                    tc_sql_fini(&q);
                    goto fail;
                }
                tc_sql_add(&q, ")");
                emit(d, &q);
            }
            if (!first)
                tc_sql_add(&table, ", ");
            first = false;
            tc_sql_ident(&table, c->name);
            tc_sql_add(&table, " ");
            column_type(&table, m, c);
            if (f->type == TC_FT_TS_VECTOR) {
                json_t *s = f->settings ? json_loads(f->settings, 0, &jerr) : NULL;
                const char *expr = json_string_value(json_object_get(s, "asExpression"));
                /* The expression was built by tc_search_expression from metadata identifiers. */
                tc_sql_add(&table, " GENERATED ALWAYS AS (");
                tc_sql_add(&table, expr ? expr : "to_tsvector('simple', '')");
                tc_sql_add(&table, ") STORED");
                json_decref(s);
                continue;
            }
            if (c->not_null)
                tc_sql_add(&table, " NOT NULL");
            if (column_default(&table, m, &cols[k], e) < 0)
                goto fail;
        }
        json_decref(def);
        continue;
    fail:
        json_decref(def);
        tc_sql_fini(&table);
        return -1;
    }
    tc_sql_add(&table, ", PRIMARY KEY (\"id\"))");
    emit(d, &table);
    /* Writes from anywhere tell the totalCount caches (core migration 7, query/count.h). */
    tc_sql trigger;
    tc_sql_init(&trigger, STMT_MAX);
    tc_sql_add(&trigger, "CREATE TRIGGER \"twentyc_records_changed\" AFTER INSERT OR UPDATE OR "
                         "DELETE OR TRUNCATE ON ");
    qualified(&trigger, m, o->table);
    tc_sql_add(&trigger, " FOR EACH STATEMENT EXECUTE FUNCTION ");
    tc_sql_ident(&trigger, m->core_schema);
    tc_sql_add(&trigger, ".\"records_changed\"()");
    emit(d, &trigger);
    return 0;
}

static void fk_name(const char *table, const char *join_column, char *out)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    char input[3 * TC_NAME_BUF], hex[2 * EVP_MAX_MD_SIZE + 1];
    snprintf(input, sizeof(input), "%s%s", table, join_column);
    EVP_Digest(input, strlen(input), md, &n, EVP_sha256(), NULL);
    tc_hex_encode(md, n, hex);
    snprintf(out, TC_NAME_BUF, "FK_%.27s", hex);
}

void tc_ddl_foreign_key(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *f)
{
    static const char *const actions[] = {"CASCADE", "SET NULL", "RESTRICT", "NO ACTION"};
    if (f->relation != TC_REL_MANY_TO_ONE || !f->target_object)
        return;
    char name[TC_NAME_BUF];
    fk_name(o->table, f->join_column, name);
    tc_sql q;
    tc_sql_init(&q, STMT_MAX);
    tc_sql_add(&q, "ALTER TABLE ");
    qualified(&q, m, o->table);
    tc_sql_add(&q, " ADD CONSTRAINT ");
    tc_sql_ident(&q, name);
    tc_sql_add(&q, " FOREIGN KEY (");
    tc_sql_ident(&q, f->join_column);
    tc_sql_add(&q, ") REFERENCES ");
    qualified(&q, m, f->target_object->table);
    tc_sql_add(&q, " (\"id\") ON DELETE ");
    tc_sql_add(&q, actions[f->on_delete]);
    emit(d, &q);
}

void tc_ddl_foreign_keys(tc_ddl *d, const tc_model *m, const tc_object *o)
{
    for (size_t i = 0; i < o->nfields; i++)
        tc_ddl_foreign_key(d, m, o, o->fields[i]);
}

void tc_ddl_create_index(tc_ddl *d, const tc_model *m, const tc_index *x)
{
    tc_sql q;
    tc_sql_init(&q, STMT_MAX);
    tc_sql_add(&q, x->is_unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
    tc_sql_ident(&q, x->name);
    tc_sql_add(&q, " ON ");
    qualified(&q, m, x->object->table);
    tc_sql_add(&q, x->type == TC_INDEX_GIN ? " USING GIN (" : " (");
    bool first = true;
    for (size_t i = 0; i < x->nfields; i++) {
        const tc_field *f = x->fields[i];
        const tc_field_type_info *t = tc_field_type_info_of(f->type);
        if (t->kind == TC_KIND_COMPOSITE) {
            /* A composite is indexed on the sub-field its unique constraint covers. */
            for (size_t k = 0; k < t->nsubfields; k++) {
                if (!t->subfields[k].unique_key)
                    continue;
                char col[2 * TC_NAME_BUF];
                tc_composite_column(f->name, t->subfields[k].name, col, sizeof(col));
                if (!first)
                    tc_sql_add(&q, ", ");
                first = false;
                tc_sql_ident(&q, col);
            }
            continue;
        }
        if (!first)
            tc_sql_add(&q, ", ");
        first = false;
        tc_sql_ident(&q, f->join_column ? f->join_column : f->name);
    }
    tc_sql_add(&q, ")");
    if (x->where) {
        /* indexWhereClause comes from Twenty's fixed clauses ('"deletedAt" IS NULL'), never
         * from a request. */
        tc_sql_add(&q, " WHERE ");
        tc_sql_add(&q, x->where);
    }
    emit(d, &q);
}

/* ALTER <kind> "<schema>"."<old>" RENAME TO "<new>" for a type or an index of the schema. */
static void rename_in_schema(tc_ddl *d, const tc_model *m, const char *kind, const char *old_name,
                             const char *new_name)
{
    tc_sql q;
    tc_sql_init(&q, STMT_MAX);
    tc_sql_add(&q, "ALTER ");
    tc_sql_add(&q, kind);
    tc_sql_add(&q, " ");
    qualified(&q, m, old_name);
    tc_sql_add(&q, " RENAME TO ");
    tc_sql_ident(&q, new_name);
    emit(d, &q);
}

/* --- changes to existing tables ----------------------------------------------------------------
 */

/* CREATE TYPE for an enum column. */
static int create_enum(tc_ddl *d, const tc_model *m, const tc_column *c, tc_err *e)
{
    tc_sql q;
    tc_sql_init(&q, STMT_MAX);
    tc_sql_add(&q, "CREATE TYPE ");
    qualified(&q, m, c->enum_type);
    tc_sql_add(&q, " AS ENUM (");
    if (enum_values(c, &q, e) < 0) {
        tc_sql_fini(&q);
        return -1;
    }
    tc_sql_add(&q, ")");
    emit(d, &q);
    return 0;
}

static void alter_table(tc_sql *q, const tc_model *m, const tc_object *o)
{
    tc_sql_init(q, STMT_MAX);
    tc_sql_add(q, "ALTER TABLE ");
    qualified(q, m, o->table);
}

int tc_ddl_add_field(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *f, tc_err *e)
{
    json_error_t jerr;
    json_t *def = f->default_value ? json_loads(f->default_value, JSON_DECODE_ANY, &jerr) : NULL;
    column cols[16];
    size_t n = columns_of(o, f, def, cols, TC_COUNT(cols));
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        const tc_column *c = &cols[k].c;
        if (is_enum(c->type) && create_enum(d, m, c, e) < 0) {
            rc = -1;
            break;
        }
        tc_sql q;
        alter_table(&q, m, o);
        tc_sql_add(&q, " ADD COLUMN ");
        tc_sql_ident(&q, c->name);
        tc_sql_add(&q, " ");
        column_type(&q, m, c);
        if (f->type == TC_FT_TS_VECTOR) {
            json_t *s = f->settings ? json_loads(f->settings, 0, &jerr) : NULL;
            const char *expr = json_string_value(json_object_get(s, "asExpression"));
            tc_sql_add(&q, " GENERATED ALWAYS AS (");
            tc_sql_add(&q, expr ? expr : "to_tsvector('simple', '')");
            tc_sql_add(&q, ") STORED");
            json_decref(s);
        } else {
            /* The default first: NOT NULL on a table with rows needs it. */
            if (column_default(&q, m, &cols[k], e) < 0) {
                tc_sql_fini(&q);
                rc = -1;
                break;
            }
            if (c->not_null)
                tc_sql_add(&q, " NOT NULL");
        }
        emit(d, &q);
    }
    json_decref(def);
    return rc;
}

static void drop_type(tc_ddl *d, const tc_model *m, const char *name)
{
    tc_sql q;
    tc_sql_init(&q, STMT_MAX);
    tc_sql_add(&q, "DROP TYPE IF EXISTS ");
    qualified(&q, m, name);
    emit(d, &q);
}

void tc_ddl_drop_field(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *f)
{
    tc_column cols[16];
    size_t n = tc_field_columns(o, f, cols, TC_COUNT(cols));
    for (size_t k = 0; k < n; k++) {
        tc_sql q;
        alter_table(&q, m, o);
        tc_sql_add(&q, " DROP COLUMN IF EXISTS ");
        tc_sql_ident(&q, cols[k].name);
        emit(d, &q);
    }
    for (size_t k = 0; k < n; k++) {
        if (cols[k].enum_type[0])
            drop_type(d, m, cols[k].enum_type);
    }
}

void tc_ddl_rename_field(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *f,
                         const char *new_name)
{
    tc_field renamed = *f;
    renamed.name = new_name;
    char join[TC_NAME_BUF];
    if (f->join_column) {
        snprintf(join, sizeof(join), "%sId", new_name);
        renamed.join_column = join;
    }
    tc_column before[16], after[16];
    size_t n = tc_field_columns(o, f, before, TC_COUNT(before));
    tc_field_columns(o, &renamed, after, TC_COUNT(after));
    for (size_t k = 0; k < n; k++) {
        tc_sql q;
        alter_table(&q, m, o);
        tc_sql_add(&q, " RENAME COLUMN ");
        tc_sql_ident(&q, before[k].name);
        tc_sql_add(&q, " TO ");
        tc_sql_ident(&q, after[k].name);
        emit(d, &q);
        if (before[k].enum_type[0])
            rename_in_schema(d, m, "TYPE", before[k].enum_type, after[k].enum_type);
    }
}

void tc_ddl_rename_table(tc_ddl *d, const tc_model *m, const tc_object *o, const char *new_table)
{
    tc_sql q;
    alter_table(&q, m, o);
    tc_sql_add(&q, " RENAME TO ");
    tc_sql_ident(&q, new_table);
    emit(d, &q);
    tc_object renamed = *o;
    snprintf(renamed.table, sizeof(renamed.table), "%s", new_table);
    for (size_t i = 0; i < o->nfields; i++) {
        tc_column before[16], after[16];
        size_t n = tc_field_columns(o, o->fields[i], before, TC_COUNT(before));
        tc_field_columns(&renamed, o->fields[i], after, TC_COUNT(after));
        for (size_t k = 0; k < n; k++) {
            if (before[k].enum_type[0])
                rename_in_schema(d, m, "TYPE", before[k].enum_type, after[k].enum_type);
        }
    }
}

void tc_ddl_drop_object(tc_ddl *d, const tc_model *m, const tc_object *o)
{
    tc_sql q;
    tc_sql_init(&q, STMT_MAX);
    tc_sql_add(&q, "DROP TABLE ");
    qualified(&q, m, o->table);
    emit(d, &q);
    for (size_t i = 0; i < o->nfields; i++) {
        tc_column cols[16];
        size_t n = tc_field_columns(o, o->fields[i], cols, TC_COUNT(cols));
        for (size_t k = 0; k < n; k++) {
            if (cols[k].enum_type[0])
                drop_type(d, m, cols[k].enum_type);
        }
    }
}

/* The option values of a field's options JSON, as a JSON array of strings (owned). */
static json_t *option_values(const char *options)
{
    json_error_t jerr;
    json_t *opts = options ? json_loads(options, 0, &jerr) : NULL, *values = json_array();
    size_t i;
    json_t *opt;
    json_array_foreach(opts, i, opt)
    {
        json_t *v = json_object_get(opt, "value");
        if (json_is_string(v))
            json_array_append(values, v);
    }
    json_decref(opts);
    return values;
}

int tc_ddl_sync_enum(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *before,
                     const tc_field *after, tc_err *e)
{
    tc_column cols[1];
    if (tc_field_columns(o, after, cols, 1) != 1 || !cols[0].enum_type[0])
        return 0;
    const tc_column *c = &cols[0];
    bool array = tc_field_type_info_of(after->type)->kind == TC_KIND_ENUM_ARRAY;
    const char *text_type = array ? "text[]" : "text";
    char old_type[TC_NAME_BUF];
    snprintf(old_type, sizeof(old_type), "%.55s_old", c->enum_type);
    tc_sql q;
    /* Through text: rename the old type away and create the new one, turn the column into text,
     * clear the values that no longer exist (an UPDATE: ALTER ... USING allows no subquery),
     * turn it into the new type, drop the old type, restore default and NOT NULL. */
    rename_in_schema(d, m, "TYPE", c->enum_type, old_type);
    if (create_enum(d, m, c, e) < 0)
        return -1;
    alter_table(&q, m, o);
    tc_sql_add(&q, " ALTER COLUMN ");
    tc_sql_ident(&q, c->name);
    tc_sql_add(&q, " DROP DEFAULT, ALTER COLUMN ");
    tc_sql_ident(&q, c->name);
    tc_sql_add(&q, " DROP NOT NULL, ALTER COLUMN ");
    tc_sql_ident(&q, c->name);
    tc_sql_add(&q, " TYPE ");
    tc_sql_add(&q, text_type);
    tc_sql_add(&q, " USING ");
    tc_sql_ident(&q, c->name);
    tc_sql_add(&q, "::");
    tc_sql_add(&q, text_type);
    emit(d, &q);

    /* The values both before and after, as a text[] literal list. */
    json_t *kept = option_values(after->options), *previous = option_values(before->options);
    tc_sql list;
    tc_sql_init(&list, STMT_MAX);
    tc_sql_add(&list, "ARRAY[");
    size_t i, nkept = 0;
    json_t *v;
    json_array_foreach(kept, i, v)
    {
        bool was = false;
        size_t k;
        json_t *p;
        json_array_foreach(previous, k, p) was |= json_equal(p, v);
        if (!was)
            continue;
        if (nkept++)
            tc_sql_add(&list, ", ");
        tc_sql_literal(&list, json_string_value(v));
    }
    tc_sql_add(&list, "]::text[]");
    json_decref(kept);
    json_decref(previous);

    tc_sql_init(&q, STMT_MAX);
    tc_sql_add(&q, "UPDATE ");
    qualified(&q, m, o->table);
    tc_sql_add(&q, " SET ");
    tc_sql_ident(&q, c->name);
    if (array) {
        tc_sql_add(&q, " = ARRAY(SELECT v FROM unnest(");
        tc_sql_ident(&q, c->name);
        tc_sql_add(&q, ") AS v WHERE v = ANY (");
        tc_sql_add(&q, tc_sql_text(&list));
        tc_sql_add(&q, ")) WHERE ");
        tc_sql_ident(&q, c->name);
        tc_sql_add(&q, " IS NOT NULL");
    } else {
        tc_sql_add(&q, " = NULL WHERE ");
        tc_sql_ident(&q, c->name);
        tc_sql_add(&q, " <> ALL (");
        tc_sql_add(&q, tc_sql_text(&list));
        tc_sql_add(&q, ")");
    }
    emit(d, &q);
    tc_sql_fini(&list);

    alter_table(&q, m, o);
    tc_sql_add(&q, " ALTER COLUMN ");
    tc_sql_ident(&q, c->name);
    tc_sql_add(&q, " TYPE ");
    column_type(&q, m, c);
    tc_sql_add(&q, " USING ");
    tc_sql_ident(&q, c->name);
    tc_sql_add(&q, "::");
    column_type(&q, m, c);
    emit(d, &q);
    drop_type(d, m, old_type);
    return tc_ddl_alter_field(d, m, o, after, e);
}

int tc_ddl_alter_field(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *f,
                       tc_err *e)
{
    if (f->type == TC_FT_TS_VECTOR)
        return 0;
    json_error_t jerr;
    json_t *def = f->default_value ? json_loads(f->default_value, JSON_DECODE_ANY, &jerr) : NULL;
    column cols[16];
    size_t n = columns_of(o, f, def, cols, TC_COUNT(cols));
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        tc_sql q;
        alter_table(&q, m, o);
        tc_sql_add(&q, " ALTER COLUMN ");
        tc_sql_ident(&q, cols[k].c.name);
        if (!cols[k].default_value || json_is_null(cols[k].default_value)) {
            tc_sql_add(&q, " DROP DEFAULT");
        } else {
            tc_sql_add(&q, " SET");
            rc = column_default(&q, m, &cols[k], e);
        }
        tc_sql_add(&q, ", ALTER COLUMN ");
        tc_sql_ident(&q, cols[k].c.name);
        tc_sql_add(&q, cols[k].c.not_null ? " SET NOT NULL" : " DROP NOT NULL");
        if (rc == 0)
            emit(d, &q);
        else
            tc_sql_fini(&q);
    }
    json_decref(def);
    return rc;
}

void tc_ddl_rename_foreign_key(tc_ddl *d, const tc_model *m, const tc_object *o,
                               const char *old_table, const char *old_join, const char *new_join)
{
    char before[TC_NAME_BUF], after[TC_NAME_BUF];
    fk_name(old_table, old_join, before);
    fk_name(o->table, new_join, after);
    if (strcmp(before, after) == 0)
        return;
    tc_sql q;
    alter_table(&q, m, o);
    tc_sql_add(&q, " RENAME CONSTRAINT ");
    tc_sql_ident(&q, before);
    tc_sql_add(&q, " TO ");
    tc_sql_ident(&q, after);
    emit(d, &q);
}

void tc_ddl_rename_index(tc_ddl *d, const tc_model *m, const char *old_name, const char *new_name)
{
    rename_in_schema(d, m, "INDEX", old_name, new_name);
}

void tc_ddl_drop_index(tc_ddl *d, const tc_model *m, const tc_index *x)
{
    tc_sql q;
    tc_sql_init(&q, STMT_MAX);
    tc_sql_add(&q, "DROP INDEX IF EXISTS ");
    qualified(&q, m, x->name);
    emit(d, &q);
}
