/* The Twenty-shaped test schema: the tables of testschema_data.c turned into types the way
 * Twenty's workspace schema generator names and shapes them (spec/twenty-api.md §4.2-4.8), plus
 * the extras listed in testschema.h. */
#include "graphql/testschema_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- Helpers -------------------------------------------------------------------------------- */

typedef struct gen {
    tc_gql_builder *b;
    tc_arena *tmp; /* names being composed; the builder copies what it keeps */
} gen;

static const char *fmt(gen *g, const char *f, ...) TC_PRINTF(2, 3);
static const char *fmt(gen *g, const char *f, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, f);
    vsnprintf(text, sizeof(text), f, ap);
    va_end(ap);
    return tc_arena_strdup(g->tmp, text);
}

/* "company" -> "Company" */
static const char *upper_first(gen *g, const char *s)
{
    char *c = tc_arena_strdup(g->tmp, s);
    if (c[0] >= 'a' && c[0] <= 'z')
        c[0] = (char)(c[0] - 'a' + 'A');
    return c;
}

static const ts_composite *composite_named(const char *name)
{
    for (size_t i = 0; i < tc_gql_ts_ncomposites; i++)
        if (strcmp(tc_gql_ts_composites[i].name, name) == 0)
            return &tc_gql_ts_composites[i];
    return NULL;
}

static tc_gql_type *type(gen *g, tc_gql_kind kind, const char *name, const char *description)
{
    return tc_gql_builder_add_type(g->b, kind, name, description);
}

static tc_gql_field *field(gen *g, tc_gql_type *t, const char *name, const char *ref)
{
    return tc_gql_builder_add_field(g->b, t, name, ref, NULL);
}

static tc_gql_input_value *in(gen *g, tc_gql_type *t, const char *name, const char *ref)
{
    return tc_gql_builder_add_input_field(g->b, t, name, ref, NULL);
}

static void arg(gen *g, tc_gql_field *f, const char *name, const char *ref)
{
    tc_gql_builder_add_arg(g->b, f, name, ref, NULL);
}

/* The enum of a SELECT / MULTI_SELECT field: <Singular><Field>Enum. */
static const char *enum_name(gen *g, const ts_object *o, const ts_field *f)
{
    return fmt(g, "%s%sEnum", upper_first(g, o->singular), upper_first(g, f->name));
}

static const char *scalar_of(ts_kind k)
{
    switch (k) {
    case TS_UUID: return "UUID";
    case TS_TEXT: return "String";
    case TS_NUMBER: return "Float";
    case TS_NUMERIC: return "BigFloat";
    case TS_BOOLEAN: return "Boolean";
    case TS_DATE_TIME: return "DateTime";
    case TS_DATE: return "Date";
    case TS_POSITION: return "Position";
    case TS_RAW_JSON: return "RawJSONScalar";
    case TS_ARRAY: return "[String]";
    case TS_SELECT: return "FieldActorSource"; /* only composites reach here (Actor.source) */
    default: return "String";
    }
}

static const char *filter_of(ts_kind k)
{
    switch (k) {
    case TS_UUID: return "UUIDFilter";
    case TS_TEXT: return "StringFilter";
    case TS_NUMBER:
    case TS_POSITION: return "FloatFilter";
    case TS_NUMERIC: return "BigFloatFilter";
    case TS_BOOLEAN: return "BooleanFilter";
    case TS_DATE_TIME: return "DateTimeFilter";
    case TS_DATE: return "DateFilter";
    case TS_RAW_JSON: return "RawJsonFilter";
    case TS_ARRAY: return "ArrayFilter";
    case TS_SELECT: return "SelectFilter";
    case TS_MULTI_SELECT: return "MultiSelectFilter";
    default: return "StringFilter";
    }
}

/* The GraphQL type of a non-relation field; input is "" for the object type, "Create" or
 * "Update" for those inputs (composites differ). */
static const char *value_type(gen *g, const ts_object *o, const ts_field *f, const char *input)
{
    switch (f->kind) {
    case TS_SELECT: return enum_name(g, o, f);
    case TS_MULTI_SELECT: return fmt(g, "[%s]", enum_name(g, o, f));
    case TS_COMPOSITE: return *input ? fmt(g, "%s%sInput", f->ref, input) : f->ref;
    default: return scalar_of(f->kind);
    }
}

/* ---- Shared types --------------------------------------------------------------------------- */

static void add_scalars(gen *g)
{
    static const char *const rows[][2] = {
        {"UUID", "A UUID scalar type"},
        {"DateTime",
         "A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the "
         "`date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO "
         "8601 standard for representation of dates and times using the Gregorian "
         "calendar.This scalar is serialized to a string in ISO 8601 format and parsed "
         "from a string in ISO 8601 format."},
        {"Date", NULL},
        {"BigFloat", "A string representation of a big float number"},
        {"BigInt", NULL},
        {"Position", "A custom scalar type for representing record position in a list"},
        {"RawJSONScalar", "The `JSON` scalar type represents JSON values as specified by "
                          "[ECMA-404](http://www.ecma-international.org/publications/files/"
                          "ECMA-ST/ECMA-404.pdf)."},
        {"JSON", NULL},
        {"TSVector", NULL},
        {"Cursor", "A custom scalar that represents a cursor for pagination"},
        {"ConnectionCursor", "Cursor for paging through collections"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_gql_type *t = type(g, TC_GQL_SCALAR, rows[i][0], rows[i][1]);
        if (i == 0)
            tc_gql_builder_set_specified_by(g->b, t, "https://www.rfc-editor.org/rfc/rfc9562");
    }
}

static void add_enum(gen *g, const char *name, const char *description, const char *const *values)
{
    tc_gql_type *t = type(g, TC_GQL_ENUM, name, description);
    for (size_t i = 0; values[i]; i++)
        tc_gql_builder_add_enum_value(g->b, t, values[i], NULL);
}

/* A filter with the comparison operators over one scalar. */
static void comparison_filter(gen *g, const char *name, const char *scalar)
{
    static const char *const ops[] = {"eq", "gt", "gte", "in", "lt", "lte", "neq"};
    tc_gql_type *t = type(g, TC_GQL_INPUT_OBJECT, name, NULL);
    for (size_t i = 0; i < TC_COUNT(ops); i++)
        in(g, t, ops[i], strcmp(ops[i], "in") == 0 ? fmt(g, "[%s]", scalar) : scalar);
    in(g, t, "is", "FilterIs");
}

static void add_filters(gen *g)
{
    static const char *const text_ops[] = {"startsWith", "endsWith", "like", "ilike",
                                           "regex",      "iregex",   NULL};
    tc_gql_type *t = type(g, TC_GQL_INPUT_OBJECT, "StringFilter", NULL);
    static const char *const ops[] = {"eq", "gt", "gte", "in", "lt", "lte", "neq"};
    for (size_t i = 0; i < TC_COUNT(ops); i++)
        in(g, t, ops[i], strcmp(ops[i], "in") == 0 ? "[String]" : "String");
    for (size_t i = 0; text_ops[i]; i++)
        in(g, t, text_ops[i], "String");
    in(g, t, "is", "FilterIs");

    comparison_filter(g, "UUIDFilter", "UUID");
    comparison_filter(g, "IDFilter", "ID");
    comparison_filter(g, "DateTimeFilter", "DateTime");
    comparison_filter(g, "DateFilter", "Date");
    comparison_filter(g, "FloatFilter", "Float");
    comparison_filter(g, "IntFilter", "Int");
    comparison_filter(g, "BigIntFilter", "BigInt");
    comparison_filter(g, "BigFloatFilter", "BigFloat");

    t = type(g, TC_GQL_INPUT_OBJECT, "BooleanFilter", NULL);
    in(g, t, "eq", "Boolean");
    in(g, t, "is", "FilterIs");
    t = type(g, TC_GQL_INPUT_OBJECT, "RawJsonFilter", NULL);
    in(g, t, "is", "FilterIs");
    in(g, t, "like", "String");
    t = type(g, TC_GQL_INPUT_OBJECT, "ArrayFilter", NULL);
    in(g, t, "containsIlike", "String");
    in(g, t, "is", "FilterIs");
    in(g, t, "isEmptyArray", "Boolean");
    t = type(g, TC_GQL_INPUT_OBJECT, "SelectFilter", NULL);
    in(g, t, "in", "[String]");
    in(g, t, "is", "FilterIs");
    t = type(g, TC_GQL_INPUT_OBJECT, "MultiSelectFilter", NULL);
    in(g, t, "containsAny", "[String]");
    in(g, t, "is", "FilterIs");
    in(g, t, "isEmptyArray", "Boolean");
    t = type(g, TC_GQL_INPUT_OBJECT, "TSVectorFilter", NULL);
    in(g, t, "search", "String");
    t = type(g, TC_GQL_INPUT_OBJECT, "RichTextV2LeafFilter", NULL);
    in(g, t, "ilike", "String");
}

static void add_shared(gen *g)
{
    add_scalars(g);
    tc_gql_type *t = type(g, TC_GQL_OBJECT, "PageInfo", NULL);
    field(g, t, "startCursor", "ConnectionCursor");
    field(g, t, "endCursor", "ConnectionCursor");
    field(g, t, "hasNextPage", "Boolean!");
    field(g, t, "hasPreviousPage", "Boolean!");

    static const char *const directions[] = {"AscNullsFirst", "AscNullsLast", "DescNullsFirst",
                                             "DescNullsLast", NULL};
    static const char *const is[] = {"NULL", "NOT_NULL", NULL};
    add_enum(g, "OrderByDirection", "This enum is used to specify the order of results",
             directions);
    add_enum(g, "FilterIs", "This enum to filter by nullability", is);
    add_filters(g);
}

static void add_composite(gen *g, const ts_composite *c)
{
    tc_gql_type *out = type(g, TC_GQL_OBJECT, c->name, NULL);
    for (size_t i = 0; i < c->nsubs; i++)
        field(g, out, c->subs[i].name, scalar_of(c->subs[i].kind));
    static const char *const verbs[] = {"Create", "Update"};
    for (size_t v = 0; v < 2; v++) {
        tc_gql_type *t = type(g, TC_GQL_INPUT_OBJECT, fmt(g, "%s%sInput", c->name, verbs[v]), NULL);
        for (size_t i = 0; i < c->nsubs; i++)
            if (!c->subs[i].hidden_on_input)
                in(g, t, c->subs[i].name, scalar_of(c->subs[i].kind));
    }
    tc_gql_type *filter = type(g, TC_GQL_INPUT_OBJECT, c->filter, NULL);
    for (size_t i = 0; i < c->nsubs; i++) {
        const char *f = strcmp(c->name, "RichTextV2") == 0 ? "RichTextV2LeafFilter"
                                                           : filter_of(c->subs[i].kind);
        in(g, filter, c->subs[i].name, f);
    }
    tc_gql_type *order = type(g, TC_GQL_INPUT_OBJECT, fmt(g, "%sOrderByInput", c->name), NULL);
    for (size_t i = 0; i < c->nsubs; i++)
        in(g, order, c->subs[i].name, "OrderByDirection");
}

static void add_interfaces(gen *g)
{
    tc_gql_type *node = type(g, TC_GQL_INTERFACE, "Node", "An object with an id (twentyc tests).");
    tc_gql_builder_add_field(g->b, node, "id", "UUID!", "The record's id");
    tc_gql_type *record = type(g, TC_GQL_INTERFACE, "Record",
                               "What every record has: an id, timestamps and a position.");
    tc_gql_builder_add_interface(g->b, record, "Node");
    tc_gql_builder_add_field(g->b, record, "id", "UUID!", "The record's id");
    tc_gql_builder_add_field(g->b, record, "position", "Position", NULL);
    tc_gql_builder_add_field(g->b, record, "createdAt", "DateTime!", NULL);
    tc_gql_builder_add_field(g->b, record, "updatedAt", "DateTime!", NULL);
    tc_gql_builder_add_field(g->b, record, "deletedAt", "DateTime", NULL);
}

/* ---- Per object ----------------------------------------------------------------------------- */

/* The arguments of findMany and of a one-to-many relation field (spec §4.3 order). */
static void find_many_args(gen *g, tc_gql_field *f, const char *S)
{
    arg(g, f, "first", "Int");
    arg(g, f, "last", "Int");
    arg(g, f, "offset", "Int");
    arg(g, f, "before", "String");
    arg(g, f, "after", "String");
    arg(g, f, "filter", fmt(g, "%sFilterInput", S));
    arg(g, f, "orderBy", fmt(g, "[%sOrderByInput]", S));
}

static void add_enums(gen *g, const ts_object *o)
{
    for (size_t i = 0; i < o->nfields; i++) {
        const ts_field *f = &o->fields[i];
        if (f->kind != TS_SELECT && f->kind != TS_MULTI_SELECT)
            continue;
        const char *E = enum_name(g, o, f);
        tc_gql_type *t = type(g, TC_GQL_ENUM, E, NULL);
        for (size_t v = 0; f->options[v]; v++) {
            /* the option label is the value's description, as in Twenty */
            tc_gql_enum_value *ev =
                tc_gql_builder_add_enum_value(g->b, t, f->options[v], fmt(g, "%s", f->options[v]));
            if (strcmp(f->options[v], "SCREENING") == 0)
                tc_gql_builder_deprecate_value(g->b, ev, NULL);
        }
        tc_gql_type *filter = type(g, TC_GQL_INPUT_OBJECT, fmt(g, "%sFilter", E), NULL);
        in(g, filter, "eq", E);
        in(g, filter, "neq", E);
        in(g, filter, "in", fmt(g, "[%s]", E));
        in(g, filter, "containsAny", fmt(g, "[%s]", E));
        in(g, filter, "is", "FilterIs");
        in(g, filter, "isEmptyArray", "Boolean");
        static const char *const cmp[] = {"gt", "gte", "lt", "lte"};
        for (size_t c = 0; c < TC_COUNT(cmp); c++)
            in(g, filter, cmp[c], E);
    }
}

static void add_object_type(gen *g, const ts_object *o, const char *S)
{
    tc_gql_type *t = type(g, TC_GQL_OBJECT, S, o->description);
    tc_gql_builder_add_interface(g->b, t, "Node");
    tc_gql_builder_add_interface(g->b, t, "Record");
    for (size_t i = 0; i < o->nfields; i++) {
        const ts_field *f = &o->fields[i];
        if (f->kind == TS_REL_MANY) {
            const char *T = upper_first(g, f->ref);
            tc_gql_field *rel = tc_gql_builder_add_field(g->b, t, f->name,
                                                         fmt(g, "%sConnection", T), f->description);
            find_many_args(g, rel, T);
            continue;
        }
        if (f->kind == TS_REL_ONE) {
            tc_gql_builder_add_field(g->b, t, f->name, upper_first(g, f->ref), f->description);
            tc_gql_builder_add_field(g->b, t, fmt(g, "%sId", f->name), "ID",
                                     fmt(g, "%s id foreign key", f->description));
            continue;
        }
        const char *ref = value_type(g, o, f, "");
        tc_gql_field *out = tc_gql_builder_add_field(
            g->b, t, f->name, f->required ? fmt(g, "%s!", ref) : ref, f->description);
        if (f->deprecated)
            tc_gql_builder_deprecate_field(g->b, out, f->deprecated);
    }
}

/* The aggregate fields of a connection (spec §4.5). */
static void add_aggregates(gen *g, tc_gql_type *conn, const ts_object *o)
{
    field(g, conn, "totalCount", "Int");
    for (size_t i = 0; i < o->nfields; i++) {
        const ts_field *f = &o->fields[i];
        if (f->kind == TS_REL_ONE || f->kind == TS_REL_MANY)
            continue;
        const char *F = upper_first(g, f->name);
        field(g, conn, fmt(g, "countUniqueValues%s", F), "Int");
        field(g, conn, fmt(g, "countEmpty%s", F), "Int");
        field(g, conn, fmt(g, "countNotEmpty%s", F), "Int");
        field(g, conn, fmt(g, "percentageEmpty%s", F), "Float");
        field(g, conn, fmt(g, "percentageNotEmpty%s", F), "Float");
        if (f->kind == TS_DATE_TIME || f->kind == TS_DATE) {
            field(g, conn, fmt(g, "min%s", F), "DateTime");
            field(g, conn, fmt(g, "max%s", F), "DateTime");
        } else if (f->kind == TS_BOOLEAN) {
            field(g, conn, fmt(g, "countTrue%s", F), "Int");
            field(g, conn, fmt(g, "countFalse%s", F), "Int");
        } else if (f->kind == TS_NUMBER || f->kind == TS_NUMERIC) {
            static const char *const ops[] = {"min", "max", "avg", "sum"};
            for (size_t k = 0; k < TC_COUNT(ops); k++)
                field(g, conn, fmt(g, "%s%s", ops[k], F), "Float");
        } else if (f->kind == TS_COMPOSITE && strcmp(f->ref, "Currency") == 0) {
            static const char *const ops[] = {"min", "max", "sum", "avg"};
            for (size_t k = 0; k < TC_COUNT(ops); k++)
                field(g, conn, fmt(g, "%s%sAmountMicros", ops[k], F), "Float");
        }
    }
}

static void add_connection(gen *g, const ts_object *o, const char *S)
{
    tc_gql_type *edge = type(g, TC_GQL_OBJECT, fmt(g, "%sEdge", S), NULL);
    field(g, edge, "node", fmt(g, "%s!", S));
    field(g, edge, "cursor", "Cursor!");
    tc_gql_type *conn = type(g, TC_GQL_OBJECT, fmt(g, "%sConnection", S), NULL);
    field(g, conn, "edges", fmt(g, "[%sEdge!]!", S));
    field(g, conn, "pageInfo", "PageInfo!");
    add_aggregates(g, conn, o);
}

static void add_filter_input(gen *g, const ts_object *o, const char *S)
{
    tc_gql_type *t = type(g, TC_GQL_INPUT_OBJECT, fmt(g, "%sFilterInput", S), NULL);
    for (size_t i = 0; i < o->nfields; i++) {
        const ts_field *f = &o->fields[i];
        switch (f->kind) {
        case TS_REL_MANY: break;
        case TS_REL_ONE: in(g, t, fmt(g, "%sId", f->name), "UUIDFilter"); break;
        case TS_SELECT:
        case TS_MULTI_SELECT: in(g, t, f->name, fmt(g, "%sFilter", enum_name(g, o, f))); break;
        case TS_COMPOSITE: in(g, t, f->name, composite_named(f->ref)->filter); break;
        default: in(g, t, f->name, filter_of(f->kind)); break;
        }
    }
    in(g, t, "and", fmt(g, "[%sFilterInput]", S));
    in(g, t, "or", fmt(g, "[%sFilterInput]", S));
    in(g, t, "not", fmt(g, "%sFilterInput", S));
}

static void add_order_input(gen *g, const ts_object *o, const char *S)
{
    tc_gql_type *t = type(g, TC_GQL_INPUT_OBJECT, fmt(g, "%sOrderByInput", S), NULL);
    for (size_t i = 0; i < o->nfields; i++) {
        const ts_field *f = &o->fields[i];
        switch (f->kind) {
        case TS_REL_MANY: break;
        case TS_REL_ONE:
            in(g, t, fmt(g, "%sId", f->name), "OrderByDirection");
            in(g, t, f->name, fmt(g, "%sOrderByInput", upper_first(g, f->ref)));
            break;
        case TS_COMPOSITE: in(g, t, f->name, fmt(g, "%sOrderByInput", f->ref)); break;
        default: in(g, t, f->name, "OrderByDirection"); break;
        }
    }
}

static void add_write_inputs(gen *g, const ts_object *o, const char *S)
{
    static const char *const verbs[] = {"Create", "Update"};
    for (size_t v = 0; v < 2; v++) {
        tc_gql_type *t = type(g, TC_GQL_INPUT_OBJECT, fmt(g, "%s%sInput", S, verbs[v]), NULL);
        for (size_t i = 0; i < o->nfields; i++) {
            const ts_field *f = &o->fields[i];
            if (f->kind == TS_REL_MANY)
                continue;
            if (f->kind == TS_REL_ONE) {
                in(g, t, fmt(g, "%sId", f->name), "ID");
                in(g, t, f->name, fmt(g, "%sRelationInput", upper_first(g, f->ref)));
                continue;
            }
            tc_gql_input_value *iv = tc_gql_builder_add_input_field(
                g->b, t, f->name, value_type(g, o, f, verbs[v]), v == 0 ? f->description : NULL);
            if (f->deprecated)
                tc_gql_builder_deprecate_input(g->b, iv, f->deprecated);
        }
    }
}

/* <S>RelationInput {connect, disconnect} and what connect takes (spec §4.4, §4.8). */
static void add_relation_inputs(gen *g, const ts_object *o, const char *S)
{
    tc_gql_type *rel = type(g, TC_GQL_INPUT_OBJECT, fmt(g, "%sRelationInput", S), NULL);
    in(g, rel, "connect", fmt(g, "%sConnectInput", S));
    in(g, rel, "disconnect", "Boolean");
    tc_gql_type *connect = type(g, TC_GQL_INPUT_OBJECT, fmt(g, "%sConnectInput", S), NULL);
    in(g, connect, "where", fmt(g, "%sWhereUniqueInput!", S));
    tc_gql_type *where = type(g, TC_GQL_INPUT_OBJECT, fmt(g, "%sWhereUniqueInput", S), NULL);
    in(g, where, "id", "UUID");
    if (o->unique_composite) {
        const char *W = fmt(g, "%s%sWhereInput", S, upper_first(g, o->unique_composite));
        in(g, where, o->unique_composite, W);
        tc_gql_type *w = type(g, TC_GQL_INPUT_OBJECT, W, NULL);
        in(g, w, o->unique_sub, "String");
    }
}

static void add_object(gen *g, const ts_object *o)
{
    const char *S = upper_first(g, o->singular);
    add_enums(g, o);
    add_object_type(g, o, S);
    add_connection(g, o, S);
    add_filter_input(g, o, S);
    add_order_input(g, o, S);
    add_write_inputs(g, o, S);
    add_relation_inputs(g, o, S);
}

/* ---- Roots ---------------------------------------------------------------------------------- */

static void add_queries(gen *g, tc_gql_type *query, const ts_object *o)
{
    const char *S = upper_first(g, o->singular);
    tc_gql_field *f = field(g, query, o->plural, fmt(g, "%sConnection!", S));
    find_many_args(g, f, S);
    f = field(g, query, o->singular, S);
    arg(g, f, "filter", fmt(g, "%sFilterInput!", S));
    f = field(g, query, fmt(g, "%sDuplicates", o->singular), fmt(g, "[%sConnection]", S));
    arg(g, f, "ids", "[UUID]");
    arg(g, f, "data", fmt(g, "[%sCreateInput]", S));
}

static void add_mutations(gen *g, tc_gql_type *mutation, const ts_object *o)
{
    const char *S = upper_first(g, o->singular);
    const char *P = upper_first(g, o->plural);
    tc_gql_field *f = field(g, mutation, fmt(g, "create%s", S), S);
    arg(g, f, "data", fmt(g, "%sCreateInput!", S));
    arg(g, f, "upsert", "Boolean");
    f = field(g, mutation, fmt(g, "create%s", P), fmt(g, "[%s]", S));
    arg(g, f, "data", fmt(g, "[%sCreateInput]!", S));
    arg(g, f, "upsert", "Boolean");
    f = field(g, mutation, fmt(g, "update%s", S), S);
    arg(g, f, "id", "UUID!");
    arg(g, f, "data", fmt(g, "%sUpdateInput!", S));
    f = field(g, mutation, fmt(g, "update%s", P), fmt(g, "[%s]", S));
    arg(g, f, "data", fmt(g, "%sUpdateInput!", S));
    arg(g, f, "filter", fmt(g, "%sFilterInput!", S));
    static const char *const by_id[] = {"delete", "destroy", "restore"};
    for (size_t i = 0; i < TC_COUNT(by_id); i++) {
        f = field(g, mutation, fmt(g, "%s%s", by_id[i], S), S);
        arg(g, f, "id", "UUID!");
        f = field(g, mutation, fmt(g, "%s%s", by_id[i], P), fmt(g, "[%s]", S));
        arg(g, f, "filter", fmt(g, "%sFilterInput!", S));
    }
    f = field(g, mutation, fmt(g, "merge%s", P), S);
    arg(g, f, "ids", "[UUID]!");
    arg(g, f, "conflictPriorityIndex", "Int!");
    arg(g, f, "dryRun", "Boolean");
}

static void add_search(gen *g)
{
    tc_gql_type *t = type(g, TC_GQL_OBJECT, "SearchRecord", NULL);
    field(g, t, "recordId", "UUID!");
    field(g, t, "objectNameSingular", "String!");
    field(g, t, "objectLabelSingular", "String!");
    field(g, t, "label", "String!");
    field(g, t, "imageUrl", "String");
    field(g, t, "tsRankCD", "Float!");
    field(g, t, "tsRank", "Float!");
    t = type(g, TC_GQL_OBJECT, "SearchResultEdge", NULL);
    field(g, t, "node", "SearchRecord!");
    field(g, t, "cursor", "String!");
    t = type(g, TC_GQL_OBJECT, "SearchResultPageInfo", NULL);
    field(g, t, "endCursor", "String");
    field(g, t, "hasNextPage", "Boolean!");
    t = type(g, TC_GQL_OBJECT, "SearchResultConnection", NULL);
    field(g, t, "edges", "[SearchResultEdge!]!");
    field(g, t, "pageInfo", "SearchResultPageInfo!");
    t = type(g, TC_GQL_INPUT_OBJECT, "ObjectRecordFilterInput", NULL);
    in(g, t, "and", "[ObjectRecordFilterInput!]");
    in(g, t, "not", "ObjectRecordFilterInput");
    in(g, t, "or", "[ObjectRecordFilterInput!]");
    in(g, t, "id", "UUIDFilter");
    in(g, t, "createdAt", "DateFilter");
    in(g, t, "updatedAt", "DateFilter");
    in(g, t, "deletedAt", "DateFilter");
}

/* Test-only: a union, a custom directive, and a query whose arguments have a default value of
 * every kind (the SDL printer's astFromValue rules) and descriptions that need quoting. */
static void add_extras(gen *g)
{
    tc_gql_type *u = type(g, TC_GQL_UNION, "AnyRecord", "Any record (twentyc tests).");
    for (size_t i = 0; i < tc_gql_ts_nobjects; i++)
        tc_gql_builder_add_member(g->b, u, upper_first(g, tc_gql_ts_objects[i].singular));

    static const char *const scopes[] = {"PUBLIC", "PRIVATE", NULL};
    add_enum(g, "CacheControlScope", NULL, scopes);
    static const tc_gql_location where[] = {TC_GQL_LOC_FIELD_DEFINITION, TC_GQL_LOC_OBJECT,
                                            TC_GQL_LOC_INTERFACE, TC_GQL_LOC_UNION};
    tc_gql_directive *d =
        tc_gql_builder_add_directive(g->b, "cacheControl", NULL, true, where, TC_COUNT(where));
    tc_gql_builder_add_directive_arg(g->b, d, "maxAge", "Int", NULL);
    tc_gql_input_value *scope =
        tc_gql_builder_add_directive_arg(g->b, d, "scope", "CacheControlScope", NULL);
    tc_arena *a = tc_gql_builder_arena(g->b);
    tc_gql_builder_set_default(g->b, scope, tc_gql_value_enum(a, "PUBLIC", 6));
    static const tc_gql_location on_query[] = {TC_GQL_LOC_QUERY, TC_GQL_LOC_MUTATION};
    d = tc_gql_builder_add_directive(g->b, "workspace", "Runs the operation in another workspace.",
                                     false, on_query, TC_COUNT(on_query));
    tc_gql_builder_add_directive_arg(g->b, d, "id", "UUID!",
                                     "The workspace's id; the token must be valid there too.");
}

static void add_records_query(gen *g, tc_gql_type *query)
{
    tc_arena *a = tc_gql_builder_arena(g->b);
    tc_gql_field *f = tc_gql_builder_add_field(
        g->b, query, "records", "[AnyRecord!]!",
        "Records of any type by id (twentyc tests).\n\nExercises \"\"\"block\"\"\" quoting.");
    tc_gql_builder_add_arg(g->b, f, "ids", "[UUID!]!", "The ids to look up");
    tc_gql_input_value *iv = tc_gql_builder_add_arg(g->b, f, "limit", "Int", NULL);
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_int(a, 60));
    iv = tc_gql_builder_add_arg(g->b, f, "minRank", "Float", "Lowest rank kept, 0 to 1");
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_float(a, 0.5));
    iv = tc_gql_builder_add_arg(g->b, f, "boost", "Float!", NULL);
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_float(a, 2.0)); /* prints 2 */
    iv = tc_gql_builder_add_arg(g->b, f, "label", "String", "A label\twith a tab");
    const char *label = "any \"quoted\" \\ text\n";
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_string(a, label, strlen(label)));
    iv = tc_gql_builder_add_arg(g->b, f, "exact", "Boolean", NULL);
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_bool(a, false));
    tc_gql_builder_deprecate_input(g->b, iv, NULL);
    iv = tc_gql_builder_add_arg(g->b, f, "stage", "OpportunityStageEnum", NULL);
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_enum(a, "NEW", 3));
    iv = tc_gql_builder_add_arg(g->b, f, "cursor", "ID", NULL);
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_string(a, "42", 2)); /* prints bare */
    iv = tc_gql_builder_add_arg(g->b, f, "after", "ID", NULL);
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_string(a, "c-42", 4));
    iv = tc_gql_builder_add_arg(g->b, f, "since", "DateTime", NULL);
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_string(a, "2024-01-01T00:00:00Z", 20));
    iv = tc_gql_builder_add_arg(g->b, f, "nothing", "String", NULL);
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_null(a));
    tc_gql_builder_deprecate_input(g->b, iv, "Use `label`.");

    /* a list of input objects whose fields are given out of the type's order */
    tc_gql_value *order = tc_gql_value_list(a, 2);
    tc_gql_value *first = tc_gql_value_object(a, 1);
    first->u.obj.fields[0] =
        (tc_gql_value_field){"dueAt", tc_gql_value_enum(a, "AscNullsLast", 12)};
    tc_gql_value *second = tc_gql_value_object(a, 2);
    second->u.obj.fields[0] =
        (tc_gql_value_field){"position", tc_gql_value_enum(a, "DescNullsFirst", 14)};
    second->u.obj.fields[1] = (tc_gql_value_field){"id", tc_gql_value_enum(a, "AscNullsFirst", 13)};
    order->u.list.items[0] = first;
    order->u.list.items[1] = second;
    iv = tc_gql_builder_add_arg(g->b, f, "orderBy", "[TaskOrderByInput!]", NULL);
    tc_gql_builder_set_default(g->b, iv, order);

    /* a nested filter, and a list default given as a single item */
    tc_gql_value *ilike = tc_gql_value_object(a, 1);
    ilike->u.obj.fields[0] = (tc_gql_value_field){"ilike", tc_gql_value_string(a, "%a%", 3)};
    tc_gql_value *gte = tc_gql_value_object(a, 1);
    gte->u.obj.fields[0] = (tc_gql_value_field){"gte", tc_gql_value_int(a, 10)};
    tc_gql_value *employees = tc_gql_value_object(a, 1);
    employees->u.obj.fields[0] = (tc_gql_value_field){"employees", gte};
    tc_gql_value *and = tc_gql_value_list(a, 1);
    and->u.list.items[0] = employees;
    tc_gql_value *filter = tc_gql_value_object(a, 2);
    filter->u.obj.fields[0] = (tc_gql_value_field){"and", and};
    filter->u.obj.fields[1] = (tc_gql_value_field){"name", ilike};
    iv = tc_gql_builder_add_arg(g->b, f, "companyFilter", "CompanyFilterInput", NULL);
    tc_gql_builder_set_default(g->b, iv, filter);
    iv = tc_gql_builder_add_arg(g->b, f, "kinds", "[String!]", NULL);
    tc_gql_builder_set_default(g->b, iv, tc_gql_value_string(a, "company", 7));

    f = tc_gql_builder_add_field(g->b, query, "node", "Node", NULL);
    arg(g, f, "id", "UUID!");
}

tc_gql_schema *tc_gql_testschema_new(tc_err *e)
{
    gen g = {.b = tc_gql_builder_new(), .tmp = tc_arena_new(16 * 1024)};
    add_shared(&g);
    for (size_t i = 0; i < tc_gql_ts_ncomposites; i++)
        add_composite(&g, &tc_gql_ts_composites[i]);
    add_enum(&g, "FieldActorSource", NULL, tc_gql_ts_actor_sources);
    add_interfaces(&g);
    for (size_t i = 0; i < tc_gql_ts_nobjects; i++)
        add_object(&g, &tc_gql_ts_objects[i]);
    add_search(&g);
    add_extras(&g);

    tc_gql_type *query = type(&g, TC_GQL_OBJECT, "Query", NULL);
    for (size_t i = 0; i < tc_gql_ts_nobjects; i++)
        add_queries(&g, query, &tc_gql_ts_objects[i]);
    tc_gql_field *search = field(&g, query, "search", "SearchResultConnection!");
    arg(&g, search, "searchInput", "String!");
    arg(&g, search, "limit", "Int!");
    arg(&g, search, "after", "String");
    arg(&g, search, "filter", "ObjectRecordFilterInput");
    arg(&g, search, "includedObjectNameSingulars", "[String!]");
    arg(&g, search, "excludedObjectNameSingulars", "[String!]");
    add_records_query(&g, query);

    tc_gql_type *mutation = type(&g, TC_GQL_OBJECT, "Mutation", NULL);
    for (size_t i = 0; i < tc_gql_ts_nobjects; i++)
        add_mutations(&g, mutation, &tc_gql_ts_objects[i]);

    tc_arena_free(g.tmp);
    return tc_gql_builder_build(g.b, e);
}
