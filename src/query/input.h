/* Record input (spec api §1.10): a JSON record from a create or update body checked field by
 * field against the object's metadata and the caller's permission view, and turned into column
 * assignments whose values are text for bind parameters. Messages are Twenty's data-arg
 * processor's (`Invalid UUID value 'x' for field "companyId"`), reason INVALID_ARGS_DATA. */
#ifndef TC_QUERY_INPUT_H
#define TC_QUERY_INPUT_H

#include <jansson.h>

#include "base/arena.h"
#include "base/err.h"
#include "meta/model.h"
#include "perm/view.h"

#define TC_INPUT_MAX_TEXT (1 << 20) /* bytes of one text value */
#define TC_INPUT_MAX_ITEMS 10000    /* elements of one array value */

/* One column set by the input. */
typedef struct tc_assign {
    const tc_field *field;
    const char *column; /* the column: the field's, a sub-field's or a relation's join column */
    const char *value;  /* the value's text for the column's type, or NULL for SQL NULL */
} tc_assign;

typedef struct tc_record_input {
    tc_assign *items;
    size_t n;
    const tc_field **fields; /* the fields the input names, in input order (updatedFields) */
    size_t nfields;
    const char *id;       /* the client's id (create), or NULL */
    bool sets_position;   /* the input gives a position */
    bool sets_created_by; /* the input gives createdBy with a source (kept, as Twenty does) */
} tc_record_input;

typedef enum tc_input_mode { TC_INPUT_CREATE, TC_INPUT_UPDATE } tc_input_mode;

/* Checks record (a JSON object) against o: every key a field name or a MANY_TO_ONE join column
 * name, every value of its field's shape; the view must let the caller update every field it
 * names (403 PERMISSION_DENIED otherwise). Links are normalised (lower-case host, no trailing
 * slash), e-mails lower-cased. `id` is accepted on create only. Everything is allocated in a
 * (nothing points into record). */
int tc_input_record(tc_arena *a, const tc_perm_view *v, const tc_object *o, const json_t *record,
                    tc_input_mode mode, tc_record_input *out, tc_err *e);

/* The text of a PostgreSQL array literal of the strings in list (a JSON array of strings), in a.
 */
const char *tc_input_pg_array(tc_arena *a, const json_t *list);

#endif
