/* Twenty's REST `order_by` parameter (spec/twenty-api.md §1.6): `field[AscNullsFirst],
 * name.firstName[DescNullsLast],company.name` parsed into order keys checked against one object,
 * with the `id` tie-breaker appended as Twenty does. Errors are 400 (TC_E_BAD_REQUEST, reason
 * INVALID_ORDER_BY_QUERY_PARAM). */
#ifndef TC_QUERY_ORDER_H
#define TC_QUERY_ORDER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "meta/model.h"
#include "query/path.h"

#define TC_ORDER_MAX_LEN 2048 /* bytes of the parameter */
#define TC_ORDER_MAX_KEYS 16  /* keys in one order_by, not counting the id tie-breaker */

#define TC_ORDER_DIRS(X)                                                                           \
    X(ASC_NULLS_FIRST, "AscNullsFirst", false, true)                                               \
    X(ASC_NULLS_LAST, "AscNullsLast", false, false)                                                \
    X(DESC_NULLS_FIRST, "DescNullsFirst", true, true)                                              \
    X(DESC_NULLS_LAST, "DescNullsLast", true, false)

typedef enum tc_order_dir {
#define TC_ORDER_DIR_ENUM(name, text, desc, nulls_first) TC_ORDER_##name,
    TC_ORDER_DIRS(TC_ORDER_DIR_ENUM)
#undef TC_ORDER_DIR_ENUM
} tc_order_dir;

const char *tc_order_dir_name(tc_order_dir d); /* "AscNullsFirst" */
bool tc_order_dir_desc(tc_order_dir d);
bool tc_order_dir_nulls_first(tc_order_dir d);

typedef struct tc_order_key {
    tc_path path; /* column, type, relation hop; path.segs are the cursor's keys */
    tc_order_dir dir;
} tc_order_key;

typedef struct tc_order {
    tc_order_key *keys; /* in the arena; the last one is always the root object's id */
    size_t nkeys;
} tc_order;

/* Parses text[0..len) against o into *out (keys in a). text NULL or empty means the parameter
 * is absent: the order is then [{id: AscNullsFirst}]. A key repeated later is dropped. 0, or -1
 * with e filled (400). */
int tc_order_parse(tc_arena *a, const tc_object *o, const char *text, size_t len, tc_order *out,
                   tc_err *e);

#endif
