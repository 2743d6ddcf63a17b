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
/* The foreign key of one MANY_TO_ONE field. */
void tc_ddl_foreign_key(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *f);
/* CREATE [UNIQUE] INDEX for x. */
void tc_ddl_create_index(tc_ddl *d, const tc_model *m, const tc_index *x);

/* Adds field f's columns (and enum types) to o's existing table. 0, or -1 with e filled. */
int tc_ddl_add_field(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *f,
                     tc_err *e);
/* Drops field f's columns and enum types (its foreign key and indexes go with the columns). */
void tc_ddl_drop_field(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *f);
/* Renames the columns and enum types of field f (of object o) to those of new_name. */
void tc_ddl_rename_field(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *f,
                         const char *new_name);
/* Renames o's table to new_table, and its enum types with it. */
void tc_ddl_rename_table(tc_ddl *d, const tc_model *m, const tc_object *o, const char *new_table);
/* Drops o's table and its enum types. */
void tc_ddl_drop_object(tc_ddl *d, const tc_model *m, const tc_object *o);
/* Brings an enum column's type to the values of after (a field whose options changed): values
 * kept by name keep their rows; rows holding a removed value become NULL (SELECT, RATING) or
 * lose it (MULTI_SELECT). before is the field as it was. */
int tc_ddl_sync_enum(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *before,
                     const tc_field *after, tc_err *e);
/* Sets or drops the columns' DEFAULT and NOT NULL to match f. */
int tc_ddl_alter_field(tc_ddl *d, const tc_model *m, const tc_object *o, const tc_field *f,
                       tc_err *e);
/* Renames the foreign key of o's join column, named after old_table and old_join, to the name
 * of o's current table and new_join (constraint names follow table and column renames). */
void tc_ddl_rename_foreign_key(tc_ddl *d, const tc_model *m, const tc_object *o,
                               const char *old_table, const char *old_join, const char *new_join);
/* ALTER INDEX … RENAME TO new_name. */
void tc_ddl_rename_index(tc_ddl *d, const tc_model *m, const char *old_name, const char *new_name);
/* DROP INDEX. */
void tc_ddl_drop_index(tc_ddl *d, const tc_model *m, const tc_index *x);

/* Every statement joined by ";\n", for one simple-protocol round trip. In the arena. */
const char *tc_ddl_script(const tc_ddl *d);

#endif
