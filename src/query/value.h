/* Input values checked against a column's field type: the text of a filter value or a cursor
 * value must have the shape the column takes (UUID, number, boolean, ISO 8601 date, enum
 * option) before it becomes a bind parameter. Values stay text; only their shape is checked. */
#ifndef TC_QUERY_VALUE_H
#define TC_QUERY_VALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "meta/field_types.h"

/* How a value is bound: the SQL side casts the parameter by this kind. */
#define TC_VALUE_KINDS(X)                                                                          \
    X(TC_VALUE_NONE, "none") /* no value (`is`) */                                                 \
    X(TC_VALUE_UUID, "uuid")                                                                       \
    X(TC_VALUE_TEXT, "text")                                                                       \
    X(TC_VALUE_NUMBER, "number")       /* a decimal literal: -?digits[.digits][e[+-]digits] */     \
    X(TC_VALUE_BOOLEAN, "boolean")     /* "true" or "false" */                                     \
    X(TC_VALUE_TIMESTAMP, "timestamp") /* ISO 8601 date or date-time */                            \
    X(TC_VALUE_DATE, "date")           /* ISO 8601 date (a date-time is accepted too) */           \
    X(TC_VALUE_ENUM, "enum")           /* one of the column's option values */                     \
    X(TC_VALUE_JSON, "json")           /* jsonb columns: text matched with like */

typedef enum tc_value_kind {
#define TC_VALUE_ENUM_(name, text) name,
    TC_VALUE_KINDS(TC_VALUE_ENUM_)
#undef TC_VALUE_ENUM_
} tc_value_kind;

const char *tc_value_kind_name(tc_value_kind k);

/* The kind values of a column of this type take (a composite sub-field's own type, UUID for a
 * relation's join column). */
tc_value_kind tc_value_kind_of(tc_field_type type);

/* True when s[0..n) has the shape of kind. enum_values (NULL-terminated) or options (the
 * field's options JSON, [{"value":…},…]) give the allowed ENUM values; with neither, any
 * non-empty value passes. */
bool tc_value_valid(tc_value_kind kind, const char *s, size_t n, const char *const *enum_values,
                    const char *options);

#endif
