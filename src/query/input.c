/* Checking record input field by field (see input.h). Each type's rule and message follows
 * Twenty's data-arg processor (common-args-processors/data-arg-processor/validator-utils). */
#include "query/input.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/uuid.h"
#include "query/value.h"

#define INSPECT_MAX 120 /* bytes of a value quoted in a message */

typedef struct ctx {
    tc_arena *a;
    const tc_object *o;
    tc_record_input *out;
    size_t cap;
    tc_err *e;
} ctx;

/* A value as Node's util.inspect shows it in Twenty's messages: 'text', 1, true, {}, []. */
static void inspect(const json_t *v, tc_buf *b, int depth)
{
    switch (json_typeof(v)) {
    case JSON_STRING: {
        tc_buf_addc(b, '\'');
        const char *s = json_string_value(v);
        for (size_t i = 0; s[i] && b->len < INSPECT_MAX; i++) {
            if (s[i] == '\'')
                tc_buf_addc(b, '\\');
            tc_buf_addc(b, s[i]);
        }
        tc_buf_addc(b, '\'');
        break;
    }
    case JSON_INTEGER: tc_buf_printf(b, "%lld", (long long)json_integer_value(v)); break;
    case JSON_REAL: tc_buf_printf(b, "%.17g", json_real_value(v)); break;
    case JSON_TRUE: tc_buf_adds(b, "true"); break;
    case JSON_FALSE: tc_buf_adds(b, "false"); break;
    case JSON_NULL: tc_buf_adds(b, "null"); break;
    case JSON_ARRAY: {
        if (json_array_size(v) == 0 || depth > 1) {
            tc_buf_adds(b, json_array_size(v) ? "[Array]" : "[]");
            break;
        }
        tc_buf_adds(b, "[ ");
        size_t i;
        const json_t *x;
        json_array_foreach(v, i, x)
        {
            if (i)
                tc_buf_adds(b, ", ");
            inspect(x, b, depth + 1);
        }
        tc_buf_adds(b, " ]");
        break;
    }
    case JSON_OBJECT: {
        if (json_object_size(v) == 0 || depth > 1) {
            tc_buf_adds(b, json_object_size(v) ? "[Object]" : "{}");
            break;
        }
        tc_buf_adds(b, "{ ");
        const char *k;
        const json_t *x;
        bool first = true;
        json_object_foreach((json_t *)v, k, x)
        {
            tc_buf_printf(b, "%s%s: ", first ? "" : ", ", k);
            inspect(x, b, depth + 1);
            first = false;
        }
        tc_buf_adds(b, " }");
        break;
    }
    }
}

/* 400 INVALID_ARGS_DATA: head, the inspected value, mid, the field's name, tail. */
static int invalid(ctx *c, const char *head, const json_t *v, const char *mid, const char *name,
                   const char *tail)
{
    tc_buf b;
    tc_buf_init(&b, INSPECT_MAX + 64);
    inspect(v, &b, 0);
    tc_err_set(c->e, TC_E_BAD_REQUEST, "%s%s%s%s%s", head, tc_buf_cstr(&b), mid, name, tail);
    tc_buf_fini(&b);
    snprintf(c->e->reason, sizeof(c->e->reason), "INVALID_ARGS_DATA");
    return -1;
}

/* Sets column to value; a column set twice (a relation by name and by join column) keeps the
 * last. */
static void assign(ctx *c, const tc_field *f, const char *column, const char *value)
{
    for (size_t i = 0; i < c->out->n; i++) {
        if (strcmp(c->out->items[i].column, column) == 0) {
            c->out->items[i] = (tc_assign){f, column, value};
            return;
        }
    }
    if (c->out->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        tc_assign *items = tc_arena_calloc(c->a, cap, sizeof(*items));
        if (c->out->n)
            memcpy(items, c->out->items, c->out->n * sizeof(*items));
        c->out->items = items;
        c->cap = cap;
    }
    c->out->items[c->out->n++] = (tc_assign){f, column, value};
}

static const char *number_text(ctx *c, const json_t *v)
{
    if (json_is_integer(v))
        return tc_arena_printf(c->a, "%lld", (long long)json_integer_value(v));
    return tc_arena_printf(c->a, "%.17g", json_real_value(v));
}

/* A string of at most TC_INPUT_MAX_TEXT bytes, or NULL. */
static const char *bounded_string(const json_t *v)
{
    if (!json_is_string(v) || json_string_length(v) > TC_INPUT_MAX_TEXT ||
        strlen(json_string_value(v)) != json_string_length(v))
        return NULL; /* an embedded NUL cannot be a PostgreSQL text value */
    return json_string_value(v);
}

static bool valid_options(const char *s, const tc_field *f, const char *const *fixed)
{
    return tc_value_valid(TC_VALUE_ENUM, s, strlen(s), fixed, fixed ? NULL : f->options);
}

const char *tc_input_pg_array(tc_arena *a, const json_t *list)
{
    tc_buf b;
    tc_buf_init(&b, (size_t)TC_INPUT_MAX_TEXT * 4);
    tc_buf_addc(&b, '{');
    size_t i;
    const json_t *x;
    json_array_foreach(list, i, x)
    {
        if (i)
            tc_buf_addc(&b, ',');
        tc_buf_addc(&b, '"');
        for (const char *s = json_string_value(x); s && *s; s++) {
            if (*s == '"' || *s == '\\')
                tc_buf_addc(&b, '\\');
            tc_buf_addc(&b, *s);
        }
        tc_buf_addc(&b, '"');
    }
    tc_buf_addc(&b, '}');
    char *out = tc_arena_strdup(a, tc_buf_cstr(&b));
    tc_buf_fini(&b);
    return out;
}

static bool strings_only(const json_t *v)
{
    if (!json_is_array(v) || json_array_size(v) > TC_INPUT_MAX_ITEMS)
        return false;
    size_t i;
    const json_t *x;
    json_array_foreach(v, i, x)
    {
        if (!bounded_string(x))
            return false;
    }
    return true;
}

static bool looks_like_email(const char *s)
{
    const char *at = strchr(s, '@');
    return at && at != s && !strchr(at + 1, '@') && strchr(at + 1, '.') && !strpbrk(s, " \t\n") &&
           at[strlen(at) - 1] != '.';
}

static char *lower(tc_arena *a, const char *s)
{
    char *out = tc_arena_strdup(a, s);
    for (char *p = out; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return out;
}

/* A link as Twenty stores it: scheme and host lower-cased, no trailing slash. */
static char *normalise_link(tc_arena *a, const char *url)
{
    char *out = tc_arena_strdup(a, url);
    char *host = strstr(out, "://");
    host = host ? host + 3 : out;
    for (char *p = out; *p && (p < host || (*p != '/' && *p != '?' && *p != '#')); p++)
        *p = (char)tolower((unsigned char)*p); /* the scheme and the host */
    size_t n = strlen(out);
    while (n > 0 && out[n - 1] == '/' && (size_t)(host - out) < n - 1)
        out[--n] = '\0';
    return out;
}

/* A JSON value as text for a jsonb column. */
static const char *json_text(ctx *c, const json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    if (!s)
        return NULL;
    char *out = tc_arena_strdup(c->a, s);
    free(s);
    return out;
}

/* An atomic value (a field of that type, or a composite's sub-field) into its column's text;
 * name is how messages name it. NULL after filling the error. *text is NULL for null. */
static int atomic(ctx *c, const tc_field *f, tc_field_type type, const char *const *fixed,
                  const char *name, const json_t *v, const char **text)
{
    *text = NULL;
    if (json_is_null(v) && type != TC_FT_POSITION)
        return 0;
    const char *s = bounded_string(v);
    switch (type) {
    case TC_FT_UUID:
        if (!s || !tc_value_valid(TC_VALUE_UUID, s, strlen(s), NULL, NULL))
            return invalid(c, "Invalid UUID value ", v, " for field \"", name, "\"");
        *text = tc_arena_strdup(c->a, s);
        return 0;
    case TC_FT_TEXT:
    case TC_FT_RICH_TEXT:
        if (!s)
            return invalid(c, "Invalid string value ", v, " for text field \"", name, "\"");
        *text = tc_arena_strdup(c->a, s);
        return 0;
    case TC_FT_NUMBER:
        if (!json_is_number(v) || !isfinite(json_number_value(v)))
            return invalid(c, "Invalid number value ", v, " for field \"", name, "\"");
        *text = number_text(c, v);
        return 0;
    case TC_FT_NUMERIC:
        if (json_is_number(v)) {
            *text = number_text(c, v);
            return 0;
        }
        if (s && tc_value_valid(TC_VALUE_NUMBER, s, strlen(s), NULL, NULL)) {
            *text = tc_arena_strdup(c->a, s);
            return 0;
        }
        tc_err_set(c->e, TC_E_BAD_REQUEST, "Invalid number value NaN for field \"%s\"", name);
        snprintf(c->e->reason, sizeof(c->e->reason), "INVALID_ARGS_DATA");
        return -1;
    case TC_FT_POSITION:
        if (json_is_number(v) && isfinite(json_number_value(v))) {
            *text = number_text(c, v);
            return 0;
        }
        return invalid(c, "Invalid position value ", v, " for field \"", name, "\"");
    case TC_FT_BOOLEAN:
        if (!json_is_boolean(v))
            return invalid(c, "Invalid boolean value ", v, " for field \"", name, "\"");
        *text = json_is_true(v) ? "true" : "false";
        return 0;
    case TC_FT_DATE_TIME:
        if (!s || !tc_value_valid(TC_VALUE_TIMESTAMP, s, strlen(s), NULL, NULL))
            return invalid(c, "Invalid value ", v, " for date-time field \"", name,
                           "\". Expected format: 'YYYY-MM-DDTHH:mm:ssZ'");
        *text = tc_arena_strdup(c->a, s);
        return 0;
    case TC_FT_DATE:
        if (!s || !tc_value_valid(TC_VALUE_DATE, s, strlen(s), NULL, NULL))
            return invalid(c, "Invalid value ", v, " for date field \"", name,
                           "\". Expected format: 'YYYY-MM-DD'");
        *text = tc_arena_strdup(c->a, s);
        return 0;
    case TC_FT_RAW_JSON:
    case TC_FT_FILES: {
        json_t *parsed = NULL;
        if (s) /* a JSON document given as a string */
            parsed = json_loads(s, JSON_DECODE_ANY, NULL);
        const json_t *doc = parsed ? parsed : v;
        bool ok = json_is_object(doc) || json_is_array(doc);
        *text = ok ? json_text(c, doc) : NULL;
        json_decref(parsed);
        if (!ok || !*text)
            return invalid(c, "Invalid object value ", v, " for field \"", name, "\"");
        return 0;
    }
    case TC_FT_ARRAY:
        if (!strings_only(v))
            return invalid(c, "Invalid value ", v, " for field \"", name,
                           " - Array values need to be string\"");
        *text = tc_input_pg_array(c->a, v);
        return 0;
    case TC_FT_SELECT:
    case TC_FT_RATING:
        if (!s)
            return invalid(c, "Invalid string value ", v, " for text field \"", name, "\"");
        if (!valid_options(s, f, fixed))
            return invalid(c, "Invalid value ", v, " for field \"", name, "\"");
        *text = tc_arena_strdup(c->a, s);
        return 0;
    case TC_FT_MULTI_SELECT: {
        if (json_is_string(v))
            return invalid(c, "Invalid value ", v, " for multi select field \"", name, "\"");
        if (!strings_only(v))
            return invalid(c, "Invalid value ", v, " for field \"", name,
                           " - Array values need to be string\"");
        size_t i;
        const json_t *x;
        json_array_foreach(v, i, x)
        {
            if (!valid_options(json_string_value(x), f, NULL))
                return invalid(c, "Invalid value ", x, " for multi select field \"", name, "\"");
        }
        *text = tc_input_pg_array(c->a, v);
        return 0;
    }
    default: return invalid(c, "Invalid value ", v, " for field \"", name, "\"");
    }
}

/* EMAILS: primaryEmail an e-mail address, additionalEmails an array of them; lower-cased. */
static int check_emails(ctx *c, const tc_field *f, const char *sub, json_t *v, const char **text)
{
    char name[TC_NAME_BUF * 2];
    snprintf(name, sizeof(name), "%s.%s", f->name, sub);
    if (json_is_null(v)) {
        *text = NULL;
        return 0;
    }
    if (strcmp(sub, "primaryEmail") == 0) {
        const char *s = bounded_string(v);
        if (!s || (*s && !looks_like_email(s)))
            return invalid(c, "Invalid string value ", v, " for email field \"", name, "\"");
        *text = lower(c->a, s);
        return 0;
    }
    if (!json_is_array(v) || json_array_size(v) > TC_INPUT_MAX_ITEMS)
        return invalid(c, "Invalid string value ", v, " for email field \"", name, "\"");
    json_t *copy = json_array();
    size_t i;
    json_t *x;
    json_array_foreach(v, i, x)
    {
        const char *s = bounded_string(x);
        if (!s || !looks_like_email(s)) {
            json_decref(copy);
            return invalid(c, "Invalid string value ", x, " for email field \"", name, "\"");
        }
        json_array_append_new(copy, json_string(lower(c->a, s)));
    }
    *text = json_text(c, copy);
    json_decref(copy);
    return 0;
}

/* LINKS' secondaryLinks: [{url, label}], urls normalised. */
static int check_secondary_links(ctx *c, const tc_field *f, json_t *v, const char **text)
{
    char name[TC_NAME_BUF * 2];
    snprintf(name, sizeof(name), "%s.secondaryLinks", f->name);
    if (json_is_null(v)) {
        *text = NULL;
        return 0;
    }
    if (!json_is_array(v) || json_array_size(v) > TC_INPUT_MAX_ITEMS)
        return invalid(c, "Invalid object value ", v, " for field \"", name, "\"");
    json_t *copy = json_deep_copy(v);
    size_t i;
    json_t *x;
    json_array_foreach(copy, i, x)
    {
        json_t *url = json_object_get(x, "url");
        if (!json_is_object(x) || (url && !json_is_null(url) && !bounded_string(url))) {
            json_decref(copy);
            return invalid(c, "Invalid object value ", v, " for field \"", name, "\"");
        }
        if (json_is_string(url))
            json_object_set_new(x, "url",
                                json_string(normalise_link(c->a, json_string_value(url))));
    }
    *text = json_text(c, copy);
    json_decref(copy);
    return 0;
}

static int composite(ctx *c, const tc_field *f, json_t *v)
{
    const tc_field_type_info *t = tc_field_type_info_of(f->type);
    if (!json_is_object(v) && !json_is_null(v))
        return invalid(c, "Invalid object value ", v, " for field \"", f->name, "\"");
    if (json_is_null(v)) { /* every sub-field to null */
        for (size_t k = 0; k < t->nsubfields; k++) {
            char col[TC_NAME_BUF];
            tc_composite_column(f->name, t->subfields[k].name, col, sizeof(col));
            assign(c, f, tc_arena_strdup(c->a, col), NULL);
        }
        return 0;
    }
    const char *key;
    json_t *x;
    json_object_foreach(v, key, x)
    {
        const tc_subfield *sub = NULL;
        for (size_t k = 0; k < t->nsubfields && !sub; k++)
            if (strcmp(t->subfields[k].name, key) == 0)
                sub = &t->subfields[k];
        if (!sub)
            return invalid(c, "Invalid object value ", v, " for field \"", f->name, "\"");
        char col[TC_NAME_BUF], name[TC_NAME_BUF * 2];
        tc_composite_column(f->name, sub->name, col, sizeof(col));
        snprintf(name, sizeof(name), "%s.%s", f->name, sub->name);
        const char *text = NULL;
        int rc;
        if (f->type == TC_FT_EMAILS)
            rc = check_emails(c, f, sub->name, x, &text);
        else if (f->type == TC_FT_LINKS && strcmp(sub->name, "secondaryLinks") == 0)
            rc = check_secondary_links(c, f, x, &text);
        else
            rc = atomic(c, f, sub->type, sub->enum_values, name, x, &text);
        if (rc < 0)
            return -1;
        if (f->type == TC_FT_LINKS && strcmp(sub->name, "primaryLinkUrl") == 0 && text)
            text = normalise_link(c->a, text);
        assign(c, f, tc_arena_strdup(c->a, col), text);
    }
    if (f->type == TC_FT_ACTOR && json_object_get(v, "source"))
        c->out->sets_created_by = strcmp(f->name, "createdBy") == 0;
    return 0;
}

/* A MANY_TO_ONE relation given by its field name: null (or {"disconnect":true}) clears it,
 * {"connect":{"where":{"id":…}}} sets it. */
static int relation_by_name(ctx *c, const tc_field *f, json_t *v)
{
    if (json_is_null(v) || json_is_true(json_object_get(v, "disconnect"))) {
        assign(c, f, f->join_column, NULL);
        return 0;
    }
    json_t *id = json_object_get(json_object_get(json_object_get(v, "connect"), "where"), "id");
    if (!id) {
        tc_err_set(c->e, TC_E_BAD_REQUEST,
                   "Relation \"%s\" requires connect or disconnect operation", f->name);
        snprintf(c->e->reason, sizeof(c->e->reason), "INVALID_ARGS_DATA");
        return -1;
    }
    const char *text;
    if (atomic(c, f, TC_FT_UUID, NULL, f->join_column, id, &text) < 0)
        return -1;
    assign(c, f, f->join_column, text);
    return 0;
}

/* The field a key names: its name, or the join column of a MANY_TO_ONE relation. */
static const tc_field *field_of(const tc_object *o, const char *key, bool *by_join_column)
{
    *by_join_column = false;
    for (size_t i = 0; i < o->nfields; i++) {
        const tc_field *f = o->fields[i];
        if (strcmp(f->name, key) == 0)
            return f;
        if (f->join_column && strcmp(f->join_column, key) == 0) {
            *by_join_column = true;
            return f;
        }
    }
    return NULL;
}

static int one_field(ctx *c, const tc_field *f, const char *key, bool by_join_column, json_t *v)
{
    const tc_field_type_info *t = tc_field_type_info_of(f->type);
    if (json_is_null(v) && !f->is_nullable && !f->default_value) {
        tc_err_set(c->e, TC_E_BAD_REQUEST, "Field %s is not nullable and has no default value.",
                   key);
        snprintf(c->e->reason, sizeof(c->e->reason), "INVALID_ARGS_DATA");
        return -1;
    }
    if (t->kind == TC_KIND_COMPOSITE)
        return composite(c, f, v);
    if (t->kind == TC_KIND_RELATION) {
        if (f->relation != TC_REL_MANY_TO_ONE || !f->join_column) {
            tc_err_set(c->e, TC_E_BAD_REQUEST,
                       "One-to-many relation %s field does not support write operations.", key);
            snprintf(c->e->reason, sizeof(c->e->reason), "INVALID_ARGS_DATA");
            return -1;
        }
        if (!by_join_column)
            return relation_by_name(c, f, v);
        const char *text;
        if (atomic(c, f, TC_FT_UUID, NULL, key, v, &text) < 0)
            return -1;
        assign(c, f, f->join_column, text);
        return 0;
    }
    const char *text;
    if (atomic(c, f, f->type, NULL, key, v, &text) < 0)
        return -1;
    assign(c, f, f->name, text);
    return 0;
}

int tc_input_record(tc_arena *a, const tc_perm_view *v, const tc_object *o, const json_t *record,
                    tc_input_mode mode, tc_record_input *out, tc_err *e)
{
    memset(out, 0, sizeof(*out));
    if (!json_is_object(record)) {
        tc_err_set(e, TC_E_BAD_REQUEST, "Invalid object value for %s: a record must be an object",
                   o->name_singular);
        snprintf(e->reason, sizeof(e->reason), "INVALID_ARGS_DATA");
        return -1;
    }
    ctx c = {a, o, out, 0, e};
    out->fields = tc_arena_calloc(a, json_object_size(record) + 1, sizeof(*out->fields));
    const char *key;
    json_t *x;
    json_object_foreach((json_t *)record, key, x)
    {
        bool by_join_column;
        const tc_field *f = field_of(o, key, &by_join_column);
        if (!f || tc_field_type_info_of(f->type)->kind == TC_KIND_TS_VECTOR) {
            tc_err_set(e, TC_E_BAD_REQUEST, "Object %s doesn't have any \"%s\" field.",
                       o->name_singular, key);
            snprintf(e->reason, sizeof(e->reason), "INVALID_ARGS_DATA");
            return -1;
        }
        if (strcmp(f->name, "id") == 0 && mode == TC_INPUT_UPDATE) {
            tc_err_set(e, TC_E_BAD_REQUEST, "The id of a record cannot be changed");
            snprintf(e->reason, sizeof(e->reason), "INVALID_ARGS_DATA");
            return -1;
        }
        if (strcmp(f->name, "id") == 0 && json_is_null(x))
            continue; /* no id given: the database makes one */
        if (v && !tc_perm_field(v, f).update) {
            tc_err_set(e, TC_E_FORBIDDEN, "User does not have permission to update field %s",
                       f->name);
            snprintf(e->reason, sizeof(e->reason), "PERMISSION_DENIED");
            return -1;
        }
        if (one_field(&c, f, key, by_join_column, x) < 0)
            return -1;
        out->fields[out->nfields++] = f;
        if (strcmp(f->name, "id") == 0)
            out->id = out->items[out->n - 1].value;
        if (f->type == TC_FT_POSITION)
            out->sets_position = true;
    }
    return 0;
}
