/* The schema compiler's output: the DDL statements a metadata change needs, in execution order,
 * built with the SQL builder from the model (identifiers quoted by tc_sql_ident, the rare
 * literal by tc_sql_literal; nothing from outside the model enters the text). */
#ifndef TC_META_DDL_H
#define TC_META_DDL_H

#include "meta/model.h"

typedef struct tc_ddl {
    tc_arena *arena; /* statements live here */
    const char **stmts;
    size_t n, cap;
} tc_ddl;

void tc_ddl_init(tc_ddl *d, tc_arena *a);

/* A physical column a field owns, as the compiler creates it. */
typedef struct tc_column {
    char name[2 * TC_NAME_BUF];
    tc_field_type type;             /* the column's own type: the field's, or the sub-field's */
    const char *const *enum_values; /* fixed values (ACTOR source), else NULL */
    const char *options;            /* the field's options JSON for enum columns, else NULL */
    bool not_null;
    char enum_type[TC_NAME_BUF]; /* enum columns: <table>_<column>_enum, else "" */
} tc_column;

/* The columns of field f of object o (none for a ONE_TO_MANY relation); at most max. */
size_t tc_field_columns(const tc_object *o, const tc_field *f, tc_column *out, size_t max);

/* CREATE SCHEMA for the model's workspace. */
void tc_ddl_create_schema(tc_ddl *d, const tc_model *m);
/* The object's enum types and its table with every column (foreign keys come separately, once
 * all tables exist). 0, or -1 with e filled (TC_E_BAD_REQUEST) when a default or option does
 * not fit its field. */
int tc_ddl_create_object(tc_ddl *d, const tc_model *m, const tc_object *o, tc_err *e);
/* The foreign keys of the object's MANY_TO_ONE fields. */
void tc_ddl_foreign_keys(tc_ddl *d, const tc_model *m, const tc_object *o);
/* CREATE [UNIQUE] INDEX for x. */
void tc_ddl_create_index(tc_ddl *d, const tc_model *m, const tc_index *x);

/* Every statement joined by ";\n", for one simple-protocol round trip. In the arena. */
const char *tc_ddl_script(const tc_ddl *d);

#endif
