/* The standard objects of a workspace, declared as data (spec/twenty-datamodel.md §2, §3, §7,
 * §8): one tc_std_object per object, one tc_std_field per field. Workspace creation compiles
 * these tables; there is no per-object code. */
#ifndef TC_META_STANDARD_H
#define TC_META_STANDARD_H

#include <stdbool.h>
#include <stddef.h>

#include "meta/field_types.h"

typedef enum tc_relation_type {
    TC_REL_NONE,
    TC_REL_MANY_TO_ONE, /* owns the join column <name>Id */
    TC_REL_ONE_TO_MANY,
} tc_relation_type;

typedef enum tc_on_delete {
    TC_ON_DELETE_CASCADE, /* Twenty's default when settings.onDelete is unset */
    TC_ON_DELETE_SET_NULL,
    TC_ON_DELETE_RESTRICT,
    TC_ON_DELETE_NO_ACTION,
} tc_on_delete;

/* Field flags. Fields are nullable, not unique, not system unless flagged. */
#define TC_STD_NOT_NULL (1u << 0)
#define TC_STD_UNIQUE (1u << 1)
#define TC_STD_SYSTEM (1u << 2)
#define TC_STD_UI_READ_ONLY (1u << 3)

typedef struct tc_std_field {
    const char *name;
    tc_field_type type;
    const char *label;
    const char *description; /* or NULL */
    const char *icon;        /* Twenty's icon name, e.g. "IconBuildingSkyscraper" */
    unsigned flags;
    /* fieldMetadata.defaultValue as Twenty stores it (JSON text): "'NEW'", "false", "0",
     * "\"now\"", "{\"source\":\"'MANUAL'\",…}"; NULL for none. */
    const char *default_value;
    /* fieldMetadata.options (JSON array of {id,value,label,position,color}) or NULL. Option ids
     * may be left out: they are generated when the workspace is created. */
    const char *options;
    /* fieldMetadata.settings other than the relation keys (JSON object) or NULL. */
    const char *settings;
    /* RELATION and MORPH_RELATION only: */
    const char *target;  /* the target object's nameSingular */
    const char *inverse; /* the field on the target object that pairs with this one */
    tc_relation_type relation;
    tc_on_delete on_delete; /* MANY_TO_ONE only */
    const char *morph_id;   /* MORPH_RELATION: the group's morphId (uuid text) */
} tc_std_field;

typedef struct tc_std_object {
    const char *name_singular, *name_plural;
    const char *label_singular, *label_plural;
    const char *description;
    const char *icon;
    const char *universal_identifier; /* uuid text, or NULL */
    const char *label_identifier;     /* name of the label identifier field */
    const char *shortcut;             /* or NULL */
    const char *duplicate_criteria;   /* JSON array of arrays of column names, or NULL */
    bool is_system, is_searchable, is_audit_logged;
    /* Fields whose searchable sub-columns make up the searchVector, in order (spec §8). */
    const char *const *search_fields;
    /* Fields that get a btree index besides those derived for every object (join columns,
     * unique fields, the searchVector), e.g. opportunity.stage. NULL-terminated or NULL. */
    const char *const *indexed_fields;
    /* The object's own fields. The system fields of tc_std_system_fields come first on every
     * object; a field here with the same name replaces the system one (favorite.position). */
    const tc_std_field *fields;
    size_t nfields;
} tc_std_object;

/* id, createdAt, updatedAt, deletedAt, createdBy, updatedBy, position, searchVector (spec §2). */
extern const tc_std_field tc_std_system_fields[];
extern const size_t tc_std_system_fields_count;

extern const tc_std_object tc_std_objects[];
extern const size_t tc_std_objects_count;

#endif
