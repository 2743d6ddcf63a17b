/* The field-type registry: every FieldMetadataType of spec/twenty-datamodel.md §1 as one row
 * (TC_FIELD_TYPES), with how it is stored. Adding a type is adding a row (and, for a composite,
 * its sub-field table in field_types.c). */
#ifndef TC_META_FIELD_TYPES_H
#define TC_META_FIELD_TYPES_H

#include <stdbool.h>
#include <stddef.h>

typedef enum tc_type_kind {
    TC_KIND_ATOMIC,     /* one column of a fixed SQL type */
    TC_KIND_COMPOSITE,  /* one column per sub-field: <field><SubField> */
    TC_KIND_ENUM,       /* one column of the enum type <table>_<column>_enum */
    TC_KIND_ENUM_ARRAY, /* one column, an array of that enum type */
    TC_KIND_RELATION,   /* MANY_TO_ONE: a uuid join column <field>Id with a foreign key;
                           ONE_TO_MANY: no column */
    TC_KIND_TS_VECTOR,  /* a generated tsvector column */
} tc_type_kind;

/* name, kind, SQL type of the column (atomic kinds), composite sub-fields (or NONE) */
#define TC_FIELD_TYPES(X)                                                                          \
    X(UUID, ATOMIC, "uuid", NONE)                                                                  \
    X(TEXT, ATOMIC, "text", NONE)                                                                  \
    X(RICH_TEXT, ATOMIC, "text", NONE)                                                             \
    X(RICH_TEXT_V2, COMPOSITE, NULL, RICH_TEXT_V2)                                                 \
    X(NUMBER, ATOMIC, "double precision", NONE)                                                    \
    X(NUMERIC, ATOMIC, "numeric", NONE)                                                            \
    X(BOOLEAN, ATOMIC, "boolean", NONE)                                                            \
    X(DATE_TIME, ATOMIC, "timestamp with time zone", NONE)                                         \
    X(DATE, ATOMIC, "date", NONE)                                                                  \
    X(POSITION, ATOMIC, "double precision", NONE)                                                  \
    X(RAW_JSON, ATOMIC, "jsonb", NONE)                                                             \
    X(ARRAY, ATOMIC, "text[]", NONE)                                                               \
    X(FILES, ATOMIC, "jsonb", NONE)                                                                \
    X(SELECT, ENUM, NULL, NONE)                                                                    \
    X(MULTI_SELECT, ENUM_ARRAY, NULL, NONE)                                                        \
    X(RATING, ENUM, NULL, NONE)                                                                    \
    X(TS_VECTOR, TS_VECTOR, "tsvector", NONE)                                                      \
    X(RELATION, RELATION, "uuid", NONE)                                                            \
    X(MORPH_RELATION, RELATION, "uuid", NONE)                                                      \
    X(LINKS, COMPOSITE, NULL, LINKS)                                                               \
    X(CURRENCY, COMPOSITE, NULL, CURRENCY)                                                         \
    X(FULL_NAME, COMPOSITE, NULL, FULL_NAME)                                                       \
    X(ADDRESS, COMPOSITE, NULL, ADDRESS)                                                           \
    X(ACTOR, COMPOSITE, NULL, ACTOR)                                                               \
    X(EMAILS, COMPOSITE, NULL, EMAILS)                                                             \
    X(PHONES, COMPOSITE, NULL, PHONES)

typedef enum tc_field_type {
#define TC_FT_ENUM(name, kind, sql, subs) TC_FT_##name,
    TC_FIELD_TYPES(TC_FT_ENUM)
#undef TC_FT_ENUM
        TC_FT_COUNT
} tc_field_type;

/* A sub-field of a composite type (spec §1.1). */
typedef struct tc_subfield {
    const char *name;               /* "firstName"; the column is <field>FirstName */
    tc_field_type type;             /* an atomic type, or SELECT for ACTOR's source */
    bool required;                  /* NOT NULL when the field itself is not nullable */
    bool unique_key;                /* the column a unique index on the field covers */
    bool searchable;                /* part of the searchVector when the field is searched */
    const char *const *enum_values; /* SELECT sub-fields: the fixed values, NULL-terminated */
} tc_subfield;

typedef struct tc_field_type_info {
    const char *name; /* "FULL_NAME", as in fieldMetadata.type */
    tc_type_kind kind;
    const char *sql_type; /* atomic, relation and ts_vector kinds */
    const tc_subfield *subfields;
    size_t nsubfields;
} tc_field_type_info;

const tc_field_type_info *tc_field_type_info_of(tc_field_type type);
/* Parses fieldMetadata.type; 0, or -1 when unknown. */
int tc_field_type_parse(const char *name, tc_field_type *out);

/* The column of a composite's sub-field: field + sub-field with its first letter upper-cased
 * ("name" + "firstName" -> "nameFirstName") into out (size n); -1 when it does not fit. */
int tc_composite_column(const char *field, const char *subfield, char *out, size_t n);

/* The values of ACTOR's source sub-field, in Twenty's order (NULL-terminated). */
extern const char *const tc_actor_sources[];

#endif
