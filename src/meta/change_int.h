/* What the files of the metadata change module share (change.c: the transaction and the
 * helpers; change_object.c: objects; change_field.c: fields). Not for other modules. */
#ifndef TC_META_CHANGE_INT_H
#define TC_META_CHANGE_INT_H

#include <jansson.h>

#include "meta/change.h"

/* Inner codes of Twenty's metadata validation errors. */
#define OBJECT_INPUT "INVALID_OBJECT_INPUT"
#define FIELD_INPUT "INVALID_FIELD_INPUT"

/* A new index on o (named by Twenty's rule), its DDL queued and its row to be inserted. */
tc_index *tc_change_new_index(tc_change *c, tc_object *o, bool unique, tc_index_type type,
                              tc_field **fields, size_t n);

/* Runs one statement of the change's transaction; 0, or -1 with e filled. */
int tc_change_exec(tc_change *c, const char *sql, int n, const char *const *p, tc_err *e);

/* Twenty's metadata validation failure: 400 METADATA_VALIDATION_ERROR with an inner code. */
int tc_change_invalid(tc_err *e, const char *reason, const char *fmt, ...) TC_PRINTF(3, 4);

/* A string member: *out is NULL when absent or null; -1 when present but not a string. */
int tc_change_opt_string(json_t *in, const char *key, const char **out, tc_err *e);

/* As tc_change_opt_string, and absent or empty is an error ("<key> should not be empty"). */
int tc_change_req_string(json_t *in, const char *key, const char **out, tc_err *e);

/* A boolean member; *out = absent when missing or null; -1 when of another type. */
int tc_change_opt_bool(json_t *in, const char *key, bool *out, bool absent, tc_err *e);

/* s copied into the change's model arena (NULL stays NULL). */
const char *tc_change_dup(tc_change *c, const char *s);

/* v as compact JSON text in the model arena; NULL for NULL or JSON null. */
const char *tc_change_dump(tc_change *c, json_t *v);

/* Twenty's name rules (tc_name_invalid) as a validation error with inner code reason. */
int tc_change_check_name(const char *name, const char *reason, tc_err *e);

/* s with its first letter upper-cased, into out (n bytes). */
void tc_change_capitalized(const char *s, char *out, size_t n);

/* The names of o's fields whose columns its searchVector reads, from the stored expression,
 * NULL-terminated in the model's arena (the expression names columns only through
 * tc_sql_quote_ident, so a quoted column name is a reference). */
const char **tc_change_search_fields(tc_change *c, const tc_object *o);

/* Stores expr as the searchVector field's settings.asExpression (row and model). */
int tc_change_set_search_expression(tc_change *c, tc_field *sv, const char *expr, tc_err *e);

/* Makes o's searchVector read the fields named in names (NULL-terminated): the generated column
 * is dropped and added again with its indexes (PostgreSQL cannot change a generation
 * expression in place). */
int tc_change_rebuild_search_vector(tc_change *c, tc_object *o, const char *const *names,
                                    tc_err *e);

/* Gives o's indexes the names Twenty's rule computes from the current table and column names
 * (index names are unique in the schema, so a renamed table must not keep its old ones). */
int tc_change_rename_indexes(tc_change *c, tc_object *o, tc_err *e);

/* Renames field f to name: columns and enum types, the join column and settings of a
 * MANY_TO_ONE, the row, and the search expression that names it. Name checks are the caller's. */
int tc_change_rename_field(tc_change *c, tc_field *f, const char *name, tc_err *e);

/* Types a search vector can read (spec §8). */
bool tc_change_searchable_type(tc_field_type t);

/* A field of o built from d, added to o and queued for insertion; NULL with e filled. */
tc_field *tc_change_add_decl(tc_change *c, tc_object *o, const tc_std_field *d, tc_err *e);

/* Pairs a ONE_TO_MANY field on one object with a MANY_TO_ONE field on another. */
void tc_change_pair(tc_field *a, tc_field *b);

/* Deletes the rows of fields (and of the indexes over them). ids: a JSON array of uuids. */
int tc_change_delete_field_rows(tc_change *c, const char *ids, tc_err *e);

/* Updates one metadata row's columns from a JSON object of whitelisted column -> value. */
int tc_change_update_row(tc_change *c, const char *table, const char *id, json_t *set, tc_err *e);

#endif
