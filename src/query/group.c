/* groupBy arguments (see group.h): `group_by`, `aggregate` and `order_by` as JSON, checked
 * against the object's metadata and the caller's permission view the way Twenty's group-by arg
 * processor and order parser check them. Nothing here builds SQL (group_sql.c does). */
#include "query/group.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "meta/field_types.h"
#include "query/path.h"

static const char *const gran_names[] = {
#define TC_GROUP_GRAN_NAME(name, unit, tz) #name,
    TC_GROUP_GRANULARITIES(TC_GROUP_GRAN_NAME)
#undef TC_GROUP_GRAN_NAME
};

static const char *const agg_prefixes[] = {
#define TC_GROUP_AGG_PREFIX(name, prefix) prefix,
    TC_GROUP_AGG_OPS(TC_GROUP_AGG_PREFIX)
#undef TC_GROUP_AGG_PREFIX
};

#define NGRAN (sizeof(gran_names) / sizeof(gran_names[0]))

const char *tc_group_gran_name(tc_group_gran g)
{
    return (size_t)g < NGRAN ? gran_names[g] : "?";
}

static const char GROUP_BY_USAGE[] =
    "Invalid group_by query parameter - should be a valid array of objects - ex: [{\"field_2\": "
    "true}, {\"field_3\": {\"subField\": true}}, {\"dateField\": {\"granularity\": 'DAY'}}]";
static const char AGGREGATE_USAGE[] =
    "Invalid aggregate query parameter - should be a valid array of string - ex: "
    "[\"countNotEmptyId\", \"countEmptyField\"]";
static const char ORDER_USAGE[] =
    "Invalid order_by query parameter - should be a valid array of objects - ex: [{\"firstField\": "
    "\"AscNullsFirst\"}, {\"secondField\": {\"subField\": \"DescNullsLast\"}}, {\"aggregate\": "
    "{\"aggregateField\": \"DescNullsLast\"}}, {dateField: {\"orderBy\": \"AscNullsFirst\", "
    "\"granularity\": \"DAY\"}}]";

#define R_GROUP_BY "INVALID_GROUP_BY_QUERY_PARAM"
#define R_AGGREGATE "INVALID_AGGREGATE_FIELDS_QUERY_PARAM"
#define R_ORDER "INVALID_ORDER_BY_WITH_GROUP_BY_QUERY_PARAM"
#define R_INPUT "INVALID_QUERY_INPUT"

/* A 400 with a reason code; returns -1. */
static int bad(tc_err *e, const char *reason, const char *fmt, ...) TC_PRINTF(3, 4);
static int bad(tc_err *e, const char *reason, const char *fmt, ...)
{
    char msg[sizeof(e->message)];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    tc_err_set(e, TC_E_BAD_REQUEST, "%s", msg);
    snprintf(e->reason, sizeof(e->reason), "%s", reason);
    return -1;
}

/* 403 for reading field f, as Twenty's field read check says it. */
static int forbidden_field(tc_err *e, const tc_field *f)
{
    tc_err_set(e, TC_E_FORBIDDEN,
               "User does not have permission: no permission to read field \"%s\" on \"%s\"",
               f->name, f->object ? f->object->name_singular : "");
    snprintf(e->reason, sizeof(e->reason), "PERMISSION_DENIED");
    return -1;
}

static int forbidden_object(tc_err *e)
{
    tc_err_set(e, TC_E_FORBIDDEN, "User does not have permission");
    snprintf(e->reason, sizeof(e->reason), "PERMISSION_DENIED");
    return -1;
}

static bool readable(const tc_group *g, const tc_field *f)
{
    return !g->view || tc_perm_field(g->view, f).read;
}

void tc_group_init(tc_group *g, tc_arena *a, const tc_perm_view *v, const tc_object *o)
{
    memset(g, 0, sizeof(*g));
    g->arena = a;
    g->view = v;
    g->object = o;
    g->limit = TC_GROUP_DEFAULT_LIMIT;
}

static void drop_json(void *p)
{
    json_decref(p);
}

/* text as JSON (held until the arena goes), or NULL when absent, too long or malformed. */
static json_t *load(tc_group *g, const char *text)
{
    if (!text)
        return NULL;
    size_t n = strnlen(text, TC_GROUP_MAX_LEN + 1);
    if (n > TC_GROUP_MAX_LEN)
        return NULL;
    json_t *root = json_loadb(text, n, 0, NULL);
    if (root)
        tc_arena_defer(g->arena, drop_json, root);
    return root;
}

/* The one key of a JSON object and its value; false when it has another count of keys. */
static bool single(json_t *obj, const char **key, json_t **value)
{
    if (!json_is_object(obj) || json_object_size(obj) != 1)
        return false;
    void *it = json_object_iter(obj);
    *key = json_object_iter_key(it);
    *value = json_object_iter_value(it);
    return true;
}

static bool is_relation(const tc_field *f)
{
    return tc_field_type_info_of(f->type)->kind == TC_KIND_RELATION;
}

static bool is_date(tc_field_type t)
{
    return t == TC_FT_DATE || t == TC_FT_DATE_TIME;
}

static bool is_array(tc_field_type t)
{
    return t == TC_FT_ARRAY || t == TC_FT_MULTI_SELECT;
}

/* Types Twenty never groups by (FIELD_METADATA_TYPES_NOT_SUPPORTED_IN_GROUP_BY). */
static bool groupable_type(tc_field_type t)
{
    return t != TC_FT_TS_VECTOR && t != TC_FT_RAW_JSON && t != TC_FT_FILES && t != TC_FT_POSITION;
}

/* isFlatFieldMetadataSupportedInGroupBy: not the system fields an agent never sees (createdAt
 * and updatedAt excepted), and not a to-many relation, which has no column. */
static bool groupable(const tc_field *f)
{
    if (!groupable_type(f->type))
        return false;
    if (is_date(f->type) &&
        (strcmp(f->name, "createdAt") == 0 || strcmp(f->name, "updatedAt") == 0))
        return true;
    static const char *const excluded[] = {"id", "deletedAt", "searchVector", "createdBy"};
    for (size_t i = 0; i < sizeof(excluded) / sizeof(excluded[0]); i++) {
        if (strcmp(f->name, excluded[i]) == 0)
            return false;
    }
    if (f->is_system)
        return false;
    return !is_relation(f) || (f->relation == TC_REL_MANY_TO_ONE && f->join_column);
}

/* The composite sub-fields Twenty groups by: not hidden, not JSON. */
static const tc_subfield *groupable_sub(tc_field_type type, const char *name)
{
    const tc_field_type_info *t = tc_field_type_info_of(type);
    for (size_t i = 0; i < t->nsubfields; i++) {
        const tc_subfield *s = &t->subfields[i];
        if (strcmp(s->name, name) != 0)
            continue;
        if (s->type == TC_FT_RAW_JSON)
            return NULL;
        if (type == TC_FT_ACTOR && strcmp(name, "source") != 0)
            return NULL; /* workspaceMemberId and name are hidden */
        return s;
    }
    return NULL;
}

/* An IANA zone name's shape: letters, digits and "/_+-", 1 to TC_GROUP_MAX_TZ bytes. Digits
 * only under Etc/ or in the few IANA names that have them: PostgreSQL would read "UTC+3" as a
 * POSIX offset (with the sign reversed), which Twenty's IANA list refuses. PostgreSQL's tz
 * database checks the rest. */
static bool tz_shape(const char *s)
{
    static const char *const with_digits[] = {"GMT+0",   "GMT-0",   "GMT0",   "EST5EDT",
                                              "CST6CDT", "MST7MDT", "PST8PDT"};
    size_t n = strnlen(s, TC_GROUP_MAX_TZ + 1);
    if (n == 0 || n > TC_GROUP_MAX_TZ || !isalpha((unsigned char)s[0]))
        return false;
    bool digits = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!isalnum(c) && c != '/' && c != '_' && c != '+' && c != '-')
            return false;
        digits = digits || isdigit(c);
    }
    if (!digits || strncmp(s, "Etc/", 4) == 0)
        return true;
    for (size_t i = 0; i < sizeof(with_digits) / sizeof(with_digits[0]); i++) {
        if (strcmp(s, with_digits[i]) == 0)
            return true;
    }
    return false;
}

static bool needs_tz(tc_group_gran gran)
{
    static const bool tz[] = {
#define TC_GROUP_GRAN_TZ(name, unit, tz) tz,
        TC_GROUP_GRANULARITIES(TC_GROUP_GRAN_TZ)
#undef TC_GROUP_GRAN_TZ
    };
    return tz[gran];
}

/* isGroupByDateFieldDefinition: an object with a granularity. */
static bool date_definition(json_t *v)
{
    return json_is_object(v) && json_object_get(v, "granularity");
}

/* {"granularity": "MONTH", "weekStartDay": "SUNDAY", "timeZone": "Europe/Paris"} into d, whose
 * type is DATE or DATE_TIME. */
static int parse_date(tc_group *g, json_t *v, const char *field, tc_group_dim *d, tc_err *e)
{
    const char *gran = json_string_value(json_object_get(v, "granularity"));
    size_t k = 0;
    while (gran && k < NGRAN && strcmp(gran, gran_names[k]) != 0)
        k++;
    if (!gran || k == NGRAN)
        return bad(e, R_INPUT, "Invalid date granularity for field \"%s\"", field);
    d->gran = (tc_group_gran)k;
    json_t *week = json_object_get(v, "weekStartDay");
    const char *ws = json_string_value(week);
    if (week && !json_is_null(week)) {
        if (ws && strcmp(ws, "MONDAY") == 0)
            d->week_start = TC_WEEK_MONDAY;
        else if (ws && strcmp(ws, "SUNDAY") == 0)
            d->week_start = TC_WEEK_SUNDAY;
        else if (ws && strcmp(ws, "SATURDAY") == 0)
            d->week_start = TC_WEEK_SATURDAY;
        else
            return bad(e, R_INPUT, "Invalid weekStartDay for field \"%s\"", field);
    }
    if (d->type != TC_FT_DATE_TIME || d->gran == TC_GRAN_NONE)
        return 0; /* dates have no time zone */
    json_t *tz = json_object_get(v, "timeZone");
    const char *name = json_string_value(tz);
    bool given = tz && !json_is_null(tz) && !(name && !*name);
    if (!given) {
        if (!needs_tz(d->gran))
            return 0;
        return bad(e, "MISSING_TIMEZONE_FOR_DATE_GROUP_BY",
                   "Time zone should be specified for a group by date on Day, Week, Month, "
                   "Quarter or Year");
    }
    if (!name || !tz_shape(name))
        return bad(e, "INVALID_TIMEZONE", "Invalid timezone: %.64s",
                   name ? name : "(not a string)");
    d->tz = tc_arena_strdup(g->arena, name);
    return 0;
}

/* The column of field f (of its own object) for sub-field sub, into the arena. */
static const char *column_of(tc_group *g, const tc_field *f, const tc_subfield *sub)
{
    if (!sub)
        return is_relation(f) ? f->join_column : f->name;
    char col[TC_NAME_BUF];
    if (tc_composite_column(f->name, sub->name, col, sizeof(col)) < 0)
        return NULL;
    return tc_arena_strdup(g->arena, col);
}

/* A composite field's {"sub": true} into d. */
static int parse_sub(tc_group *g, json_t *v, const tc_field *f, tc_group_dim *d, tc_err *e)
{
    const char *key;
    json_t *val;
    if (json_is_object(v) && json_object_size(v) > 1)
        return bad(e, R_INPUT,
                   "You cannot provide multiple subfields in one GroupByInput, split them into "
                   "multiple GroupByInput");
    if (!single(v, &key, &val))
        return bad(e, R_INPUT, "Composite field \"%s\" requires a subfield to be specified",
                   f->name);
    d->sub = groupable_sub(f->type, key);
    if (!d->sub)
        return bad(e, R_INPUT,
                   "Composite subfield \"%.64s\" is not supported in groupBy for \"%s\"", key,
                   f->name);
    if (!json_is_true(val))
        return bad(e, R_INPUT,
                   "Composite subfield \"%.64s\" must be set to true in groupBy for \"%s\"", key,
                   f->name);
    d->type = d->sub->type;
    d->column = column_of(g, f, d->sub);
    return d->column ? 0 : bad(e, R_INPUT, "Invalid groupBy definition for field \"%s\"", f->name);
}

/* The join index of relation field f, added when new. */
static int join_of(tc_group *g, const tc_field *f)
{
    for (size_t i = 0; i < g->njoins; i++) {
        if (g->joins[i] == f)
            return (int)i;
    }
    g->joins[g->njoins] = f;
    return (int)g->njoins++;
}

/* {"company": {"name": true}}, {"company": {"address": {"addressCity": true}}},
 * {"company": {"createdAt": {"granularity": …}}}: a column of the relation's target. */
static int parse_relation(tc_group *g, json_t *v, const tc_field *f, tc_group_dim *d, tc_err *e)
{
    const tc_object *target = f->target_object;
    const char *key;
    json_t *val;
    if (json_object_size(v) > 1)
        return bad(e, R_INPUT,
                   "You cannot provide multiple nested fields in one relation GroupByInput, split "
                   "them into multiple GroupByInput");
    if (!target || !single(v, &key, &val))
        return bad(e, R_INPUT, "Invalid groupBy definition for field \"%s\"", f->name);
    const tc_field *n = tc_object_field(target, key);
    if (!n)
        return bad(e, R_INPUT, "Nested field \"%.64s\" not found in target object \"%s\"", key,
                   target->name_singular);
    if (is_relation(n))
        return bad(e, R_INPUT,
                   "Cannot group by a relation field of the relation field: \"%s\" is a relation "
                   "field of \"%s\"",
                   n->name, target->name_singular);
    if (!groupable_type(n->type))
        return bad(e, R_INPUT, "Field \"%s.%s\" is not supported in groupBy", f->name, n->name);
    if (g->view && !tc_perm_object(g->view, target).read)
        return forbidden_object(e);
    if (!readable(g, n))
        return forbidden_field(e, n);
    d->nested = n;
    d->type = n->type;
    d->join = join_of(g, f);
    if (is_date(n->type) && date_definition(val)) {
        d->column = n->name;
        return parse_date(g, val, n->name, d, e);
    }
    if (tc_field_type_info_of(n->type)->kind == TC_KIND_COMPOSITE)
        return parse_sub(g, val, n, d, e);
    if (!json_is_true(val))
        return bad(e, R_INPUT, "Invalid groupBy definition for field \"%s\"", f->name);
    d->column = n->name;
    return 0;
}

/* One {"field": definition} of group_by into a new dimension. */
static int parse_dim(tc_group *g, json_t *item, tc_err *e)
{
    const char *name;
    json_t *v;
    if (!json_is_object(item) || json_object_size(item) == 0)
        return bad(e, R_GROUP_BY, "%s", GROUP_BY_USAGE);
    if (!single(item, &name, &v))
        return bad(e, R_INPUT,
                   "You cannot provide multiple fields in one GroupByInput, split them into "
                   "multiple GroupByInput");
    bool join_column = false;
    const tc_field *f = tc_path_field(g->object, name, &join_column);
    if (!f)
        return bad(e, R_INPUT, "Unidentified field in groupBy: %.128s", name);
    if (!groupable(f))
        return bad(e, R_INPUT, "Field \"%s\" is not supported in groupBy", name);
    if (!readable(g, f))
        return forbidden_field(e, f);
    tc_group_dim *d = &g->dims[g->ndims];
    memset(d, 0, sizeof(*d));
    d->field = f;
    d->type = f->type;
    d->join = -1;
    int rc;
    if (is_relation(f)) {
        if (json_is_true(v)) { /* companyId or company: the join column */
            d->type = TC_FT_UUID;
            d->column = f->join_column;
            rc = 0;
        } else if (json_is_object(v) && !join_column) {
            rc = parse_relation(g, v, f, d, e);
        } else {
            rc = bad(e, R_INPUT, "Invalid groupBy definition for field \"%s\"", f->name);
        }
    } else if (is_date(f->type) && date_definition(v)) {
        d->column = f->name;
        rc = parse_date(g, v, f->name, d, e);
    } else if (json_is_object(v) && json_object_get(v, "unnest")) {
        d->column = f->name;
        d->unnest = true;
        rc = is_array(f->type)
                 ? 0
                 : bad(e, R_INPUT, "Field \"%s\" does not support unnest in groupBy", f->name);
    } else if (json_is_true(v) && tc_field_type_info_of(f->type)->kind != TC_KIND_COMPOSITE) {
        d->column = f->name;
        rc = 0;
    } else if (json_is_object(v) || json_is_true(v)) {
        rc = tc_field_type_info_of(f->type)->kind == TC_KIND_COMPOSITE
                 ? parse_sub(g, json_is_true(v) ? NULL : v, f, d, e)
                 : bad(e, R_INPUT, "Field \"%s\" does not support nested subfields in groupBy",
                       f->name);
    } else {
        rc = bad(e, R_INPUT, "Invalid groupBy definition for field \"%s\"", f->name);
    }
    if (rc == 0)
        g->ndims++;
    return rc;
}

int tc_group_parse_by(tc_group *g, const char *text, tc_err *e)
{
    json_t *root = load(g, text);
    if (!json_is_array(root))
        return bad(e, R_GROUP_BY, "%s", GROUP_BY_USAGE);
    size_t n = json_array_size(root);
    if (n > TC_GROUP_MAX_DIMS)
        return bad(e, R_GROUP_BY, "Invalid group_by query parameter - at most %d fields",
                   TC_GROUP_MAX_DIMS);
    g->dims = tc_arena_calloc(g->arena, n + 1, sizeof(*g->dims));
    g->joins = tc_arena_calloc(g->arena, n + 1, sizeof(*g->joins));
    for (size_t i = 0; i < n; i++) {
        if (parse_dim(g, json_array_get(root, i), e) < 0)
            return -1;
    }
    return 0;
}

/* s[0..n) is name with its first letter upper-cased (Twenty's capitalize). */
static bool capitalized(const char *s, size_t n, const char *name)
{
    return n > 0 && strlen(name) == n && s[0] == (char)toupper((unsigned char)name[0]) &&
           memcmp(s + 1, name + 1, n - 1) == 0;
}

/* Whether Twenty offers op on field f (getAvailableAggregationsFromObjectFields) and with which
 * suffix after the capitalised field name. */
static bool offered(tc_group_agg_op op, const tc_field *f, const char **suffix)
{
    *suffix = "";
    if (is_relation(f))
        return false;
    switch (op) {
    case TC_AGG_COUNT_UNIQUE_VALUES:
    case TC_AGG_COUNT_EMPTY:
    case TC_AGG_COUNT_NOT_EMPTY:
    case TC_AGG_PERCENTAGE_EMPTY:
    case TC_AGG_PERCENTAGE_NOT_EMPTY: return true;
    case TC_AGG_COUNT_TRUE:
    case TC_AGG_COUNT_FALSE: return f->type == TC_FT_BOOLEAN;
    case TC_AGG_MIN:
    case TC_AGG_MAX:
        if (is_date(f->type))
            return true;
        /* fallthrough */
    case TC_AGG_AVG:
    case TC_AGG_SUM:
        if (f->type == TC_FT_CURRENCY)
            *suffix = "AmountMicros";
        return f->type == TC_FT_NUMBER || f->type == TC_FT_CURRENCY;
    default: return false;
    }
}

/* Twenty's aggregate name into *out; false when the object offers no such aggregate. */
static bool resolve_agg(const tc_group *g, const char *name, tc_group_agg *out)
{
    memset(out, 0, sizeof(*out));
    out->name = name;
    if (strcmp(name, "totalCount") == 0) {
        out->op = TC_AGG_COUNT;
        return true;
    }
    for (int op = TC_AGG_COUNT + 1; op < TC_AGG_OP_COUNT; op++) {
        size_t p = strlen(agg_prefixes[op]);
        if (strncmp(name, agg_prefixes[op], p) != 0)
            continue;
        const char *tail = name + p;
        size_t n = strlen(tail);
        for (size_t i = 0; i < g->object->nfields; i++) {
            const tc_field *f = g->object->fields[i];
            const char *suffix;
            if (!offered((tc_group_agg_op)op, f, &suffix))
                continue;
            size_t s = strlen(suffix);
            if (n > s && strcmp(tail + n - s, suffix) == 0 && capitalized(tail, n - s, f->name)) {
                out->op = (tc_group_agg_op)op;
                out->field = f;
                return true;
            }
        }
    }
    return false;
}

int tc_group_parse_aggregates(tc_group *g, const char *text, tc_err *e)
{
    if (!text)
        return 0;
    json_t *root = load(g, text);
    if (!json_is_array(root))
        return bad(e, R_AGGREGATE, "%s", AGGREGATE_USAGE);
    size_t n = json_array_size(root);
    if (n > TC_GROUP_MAX_AGGREGATES)
        return bad(e, R_AGGREGATE, "Invalid aggregate query parameter - at most %d names",
                   TC_GROUP_MAX_AGGREGATES);
    g->aggs = tc_arena_calloc(g->arena, n + 1, sizeof(*g->aggs));
    for (size_t i = 0; i < n; i++) {
        const char *name = json_string_value(json_array_get(root, i));
        if (!name)
            return bad(e, R_AGGREGATE, "%s", AGGREGATE_USAGE);
        bool seen = false;
        for (size_t k = 0; k < g->naggs && !seen; k++)
            seen = strcmp(g->aggs[k].name, name) == 0;
        if (seen)
            continue;
        tc_group_agg a;
        if (!resolve_agg(g, tc_arena_strdup(g->arena, name), &a))
            return bad(e, R_AGGREGATE, "Unknown aggregate field: %.128s", name);
        if (a.field && !readable(g, a.field))
            return forbidden_field(e, a.field);
        g->aggs[g->naggs++] = a;
    }
    return 0;
}

static bool parse_dir(json_t *v, tc_order_dir *out)
{
    const char *s = json_string_value(v);
    for (int d = TC_ORDER_ASC_NULLS_FIRST; s && d <= TC_ORDER_DESC_NULLS_LAST; d++) {
        if (strcmp(s, tc_order_dir_name((tc_order_dir)d)) == 0) {
            *out = (tc_order_dir)d;
            return true;
        }
    }
    return false;
}

static int unknown_value(tc_err *e, json_t *v)
{
    const char *s = json_string_value(v);
    return bad(e, R_ORDER, "Unknown orderBy value: %.64s", s ? s : "[object Object]");
}

/* The first dimension on field f (and nested field n, sub-field named sub, granularity gran
 * when not NULL / negative), or -1. */
static int find_dim(const tc_group *g, const tc_field *f, const tc_field *n, const char *sub,
                    int gran)
{
    for (size_t i = 0; i < g->ndims; i++) {
        const tc_group_dim *d = &g->dims[i];
        if (d->field != f || (n && d->nested != n) ||
            (sub && (!d->sub || strcmp(d->sub->name, sub))) || (gran >= 0 && (int)d->gran != gran))
            continue;
        return (int)i;
    }
    return -1;
}

/* {"orderBy": "AscNullsFirst", "granularity": "DAY"}: the direction and the granularity. */
static bool date_order(json_t *v, tc_order_dir *dir, int *gran)
{
    const char *s = json_string_value(json_object_get(v, "granularity"));
    if (!json_is_object(v) || !parse_dir(json_object_get(v, "orderBy"), dir) || !s)
        return false;
    for (size_t k = 0; k < NGRAN; k++) {
        if (strcmp(s, gran_names[k]) == 0) {
            *gran = (int)k;
            return true;
        }
    }
    return false;
}

/* {"company": {"name": dir}}, {"company": {"address": {"addressCity": dir}}},
 * {"company": {"createdAt": {"orderBy": dir, "granularity": "DAY"}}}. */
static int order_relation(tc_group *g, const tc_field *f, json_t *v, tc_group_key *k, tc_err *e)
{
    const char *key, *subkey;
    json_t *val, *subval;
    const tc_field *n =
        f->target_object && single(v, &key, &val) ? tc_object_field(f->target_object, key) : NULL;
    if (!n)
        return unknown_value(e, v);
    int gran = -1, dim;
    if (tc_field_type_info_of(n->type)->kind == TC_KIND_COMPOSITE) {
        if (!single(val, &subkey, &subval))
            return bad(e, R_ORDER, "Composite field \"%s\" requires a subfield to be specified",
                       n->name);
        if (!parse_dir(subval, &k->dir))
            return unknown_value(e, subval);
        dim = find_dim(g, f, n, subkey, -1);
        if (dim < 0)
            return bad(
                e, R_ORDER,
                "Cannot order by a composite subfield that is not in groupBy criteria: %.64s",
                subkey);
    } else if (is_date(n->type) && json_is_object(val)) {
        if (!date_order(val, &k->dir, &gran))
            return unknown_value(e, val);
        dim = find_dim(g, f, n, NULL, gran);
        if (dim < 0)
            return bad(e, R_ORDER,
                       "Cannot order by a date granularity that is not in groupBy criteria: %s",
                       gran_names[gran]);
    } else {
        if (!parse_dir(val, &k->dir))
            return unknown_value(e, val);
        dim = find_dim(g, f, n, NULL, -1);
        if (dim < 0)
            return bad(e, R_ORDER,
                       "Cannot order by a field that is not an aggregate nor in groupBy criteria: "
                       "%s.%s.",
                       f->name, n->name);
    }
    k->dim = (size_t)dim;
    return 0;
}

/* One item of order_by into k (GraphqlQueryOrderGroupByParser). */
static int parse_key(tc_group *g, json_t *item, tc_group_key *k, tc_err *e)
{
    memset(k, 0, sizeof(*k));
    const char *name, *sub;
    json_t *v, *subv;
    json_t *agg = json_is_object(item) ? json_object_get(item, "aggregate") : NULL;
    if (!json_is_object(item))
        return bad(e, R_ORDER, "%s", ORDER_USAGE);
    if (agg && !json_is_null(agg)) {
        if (!single(agg, &name, &v))
            return bad(e, R_ORDER, "Please provide aggregate criteria one by one in orderBy array");
        if (!resolve_agg(g, tc_arena_strdup(g->arena, name), &k->agg))
            return bad(e, R_ORDER, "Unknown aggregate field: %.128s", name);
        if (k->agg.field && !readable(g, k->agg.field))
            return forbidden_field(e, k->agg.field);
        k->aggregate = true;
        return parse_dir(v, &k->dir) ? 0 : unknown_value(e, v);
    }
    if (!single(item, &name, &v))
        return bad(e, R_ORDER, "Please provide orderBy field criteria one by one in orderBy array");
    const tc_field *f = tc_object_field(g->object, name);
    if (!f)
        return bad(e, R_ORDER, "Cannot orderBy unknown field: %.128s.", name);
    int dim;
    if (json_is_string(v)) {
        if (!parse_dir(v, &k->dir))
            return unknown_value(e, v);
        dim = find_dim(g, f, NULL, NULL, -1);
        if (dim < 0)
            return bad(e, R_ORDER,
                       "Cannot order by a field that is not an aggregate nor in groupBy criteria: "
                       "%s.",
                       f->name);
        k->as_text = f->type == TC_FT_SELECT || f->type == TC_FT_MULTI_SELECT;
    } else if (is_date(f->type) && json_is_object(v) && json_object_get(v, "orderBy")) {
        int gran;
        if (!date_order(v, &k->dir, &gran))
            return unknown_value(e, v);
        dim = find_dim(g, f, NULL, NULL, gran);
        if (dim < 0)
            return bad(e, R_ORDER,
                       "Cannot order by a date granularity that is not in groupBy criteria: %s",
                       gran_names[gran]);
    } else if (is_relation(f) && json_is_object(v) && json_object_size(v) > 0) {
        return order_relation(g, f, v, k, e);
    } else if (json_is_object(v)) {
        if (json_object_size(v) > 1)
            return bad(e, R_ORDER, "Subfields must be provided one by one in orderBy array.");
        if (!single(v, &sub, &subv) || !parse_dir(subv, &k->dir))
            return unknown_value(e, single(v, &sub, &subv) ? subv : v);
        dim = find_dim(g, f, NULL, sub, -1);
        if (dim < 0 || g->dims[dim].nested)
            return bad(e, R_ORDER,
                       "Cannot order by a field that is not in groupBy or that is not an aggregate "
                       "field: %.64s",
                       sub);
    } else {
        return unknown_value(e, v);
    }
    k->dim = (size_t)dim;
    return 0;
}

int tc_group_parse_order(tc_group *g, const char *text, tc_err *e)
{
    if (!text)
        return 0;
    json_t *root = load(g, text);
    if (!json_is_array(root))
        return bad(e, R_ORDER, "%s", ORDER_USAGE);
    size_t n = json_array_size(root);
    if (n > TC_GROUP_MAX_ORDER)
        return bad(e, R_ORDER, "Invalid order_by query parameter - at most %d items",
                   TC_GROUP_MAX_ORDER);
    g->order = tc_arena_calloc(g->arena, n + 1, sizeof(*g->order));
    for (size_t i = 0; i < n; i++) {
        if (parse_key(g, json_array_get(root, i), &g->order[g->norder], e) < 0)
            return -1;
        g->norder++;
    }
    return 0;
}

int tc_group_sample(tc_group *g, const char *order_for_records, tc_err *e)
{
    tc_find_init(&g->records, g->arena, g->view, g->object);
    g->with_records = true;
    if (!order_for_records || !*order_for_records)
        return 0;
    return tc_order_parse(g->arena, g->object, order_for_records, strlen(order_for_records),
                          &g->records.order, e);
}

const char *tc_group_error_text(const tc_err *e)
{
    size_t n = strnlen(e->message, sizeof(e->message));
    if (n + 1 == sizeof(e->message) && strncmp(e->message, ORDER_USAGE, n) == 0)
        return ORDER_USAGE;
    return e->message;
}

const char *tc_group_tz(const tc_group *g)
{
    for (size_t i = 0; i < g->ndims; i++) {
        if (g->dims[i].tz)
            return g->dims[i].tz;
    }
    return NULL;
}
