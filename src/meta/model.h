/* The in-memory metadata of one workspace: objects, fields and indexes with their relations
 * resolved to pointers. Everything lives in the model's arena and dies with tc_model_free; a
 * model is built once (from the standard declarations, or later from the core tables) and not
 * changed by readers. */
#ifndef TC_META_MODEL_H
#define TC_META_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/uuid.h"
#include "meta/names.h"
#include "meta/standard.h"

typedef struct tc_object tc_object;
typedef struct tc_field tc_field;

struct tc_field {
    char id[TC_UUID_STR_LEN + 1];
    tc_object *object;
    const char *name, *label, *description, *icon;
    tc_field_type type;
    bool is_nullable, is_unique, is_system, is_active, is_custom, is_ui_editable;
    const char *default_value; /* JSON text as in fieldMetadata.defaultValue, or NULL */
    const char *options;       /* JSON text, or NULL */
    const char *settings;      /* JSON text, complete (relation keys included), or NULL */
    /* RELATION and MORPH_RELATION */
    tc_relation_type relation;
    tc_on_delete on_delete;
    const char *join_column; /* MANY_TO_ONE: <name>Id */
    tc_field *target_field;
    tc_object *target_object;
    const char *morph_id;
    const char *created_at, *updated_at; /* ISO 8601 (…sssZ); NULL until stored */
};

typedef enum tc_index_type { TC_INDEX_BTREE, TC_INDEX_GIN } tc_index_type;

typedef struct tc_index {
    char id[TC_UUID_STR_LEN + 1];
    tc_object *object;
    char name[TC_NAME_BUF];
    bool is_unique, is_custom;
    tc_index_type type;
    const char *where; /* indexWhereClause, or NULL */
    tc_field **fields;
    size_t nfields;
} tc_index;

struct tc_object {
    char id[TC_UUID_STR_LEN + 1];
    const char *name_singular, *name_plural, *label_singular, *label_plural;
    const char *description, *icon, *shortcut, *universal_identifier;
    const char *duplicate_criteria; /* JSON text, or NULL */
    char table[TC_NAME_BUF];
    bool is_custom, is_system, is_active, is_searchable, is_audit_logged;
    tc_field *label_identifier;
    tc_field **fields;
    size_t nfields, fields_cap;
    tc_index **indexes;
    size_t nindexes, indexes_cap;
    const char *created_at, *updated_at; /* ISO 8601 (…sssZ); NULL until stored */
};

typedef struct tc_model {
    tc_arena *arena;
    tc_uuid workspace_id;
    char workspace_id_text[TC_UUID_STR_LEN + 1];
    char schema[TC_NAME_BUF];
    char core_schema[TC_NAME_BUF]; /* where unaccent_immutable lives, when it exists */
    bool unaccent;                 /* search vectors use core_schema.unaccent_immutable() */
    tc_object **objects;
    size_t nobjects, objects_cap;
} tc_model;

/* An empty model for workspace_id. */
tc_model *tc_model_new(const tc_uuid *workspace_id, const char *core_schema, bool unaccent);
void tc_model_free(tc_model *m);

/* Adds the standard objects of standard.c (all fields, relations paired, indexes derived) with
 * fresh ids. 0, or -1 with e filled when the declarations are inconsistent. */
int tc_model_add_standard(tc_model *m, tc_err *e);

/* Appending to a model (its arena keeps the arrays). */
void tc_model_add_object(tc_model *m, tc_object *o);
void tc_object_add_field(tc_model *m, tc_object *o, tc_field *f);
void tc_object_add_index(tc_model *m, tc_object *o, tc_index *x);

/* A field of o built from a declaration (fresh id, relation settings and option ids filled in),
 * not yet added to o. NULL with e filled when the declaration's JSON is malformed. */
tc_field *tc_field_from_decl(tc_model *m, tc_object *o, const tc_std_field *d, tc_err *e);
/* A new index on o over fields, named by Twenty's rule, added to o. */
tc_index *tc_model_add_index(tc_model *m, tc_object *o, bool unique, tc_index_type type,
                             tc_field **fields, size_t n);

tc_object *tc_model_object(const tc_model *m, const char *name_singular);
tc_object *tc_model_object_by_id(const tc_model *m, const char *id);
tc_field *tc_model_field_by_id(const tc_model *m, const char *id);
tc_field *tc_object_field(const tc_object *o, const char *name);

/* The searchVector expression for the object's search fields (spec §8), SQL text in the model's
 * arena; the same text is stored in the field's settings.asExpression. */
const char *tc_search_expression(const tc_model *m, const tc_object *o,
                                 const char *const *search_fields);

#endif
