/* Twenty's naming rules (spec/twenty-datamodel.md §5, §7): workspace schema names, table and
 * enum type names, deterministic index names, and the validation of object and field names. */
#ifndef TC_META_NAMES_H
#define TC_META_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/uuid.h"

#define TC_IDENT_MAX 63 /* PostgreSQL's NAMEDATALEN - 1 */
#define TC_NAME_BUF (TC_IDENT_MAX + 1)

/* "workspace_" + base 36 of the workspace id into out (TC_NAME_BUF bytes). */
void tc_schema_name(const tc_uuid *workspace_id, char *out);

/* The table of an object: nameSingular, or "_" + nameSingular for a custom object. 0, or -1
 * when it does not fit out (n bytes). */
int tc_table_name(const char *name_singular, bool custom, char *out, size_t n);

/* <table>_<column>_enum with characters outside [a-zA-Z0-9_] removed (removeSqlDDLInjection).
 * 0, or -1 when longer than PostgreSQL keeps (63 bytes). */
int tc_enum_type_name(const char *table, const char *column, char *out, size_t n);

/* IDX_ (or IDX_UNIQUE_) + the first 27 hex digits of sha256(table + token1 + token2 …), where a
 * token is the join column for relation fields and the field name otherwise; the WHERE clause,
 * when given, is hashed last. out: TC_NAME_BUF bytes. */
void tc_index_name(const char *table, const char *const *tokens, size_t ntokens, bool unique,
                   const char *where, char *out);

/* Checks an object or field name as Twenty does, in its order: 1 to 63 characters, equal to its
 * own camelCase, ^[a-z][a-zA-Z0-9]*$, not one of the reserved words (spec §5.3). NULL when valid,
 * else Twenty's message ("Name is too long", "Name should be in camelCase", …). */
const char *tc_name_invalid(const char *name);

/* lodash's camelCase of a label, as Twenty derives names from labels ("Rocket Launches" ->
 * "rocketLaunches", "ARR 2" -> "arr2"): words split at non-alphanumerics and at lower-to-upper
 * changes, the first lower-cased, the others capitalised. ASCII letters and digits only. 0, or -1
 * when nothing is left or it does not fit out (n bytes). */
int tc_camel_case(const char *label, char *out, size_t n);

/* True when name is reserved (spec §5.3). */
bool tc_name_reserved(const char *name);

#endif
