/* The permission view (DESIGN.md §4): what one role may do in one workspace at one
 * metadataVersion, for each object (read, update, soft delete, destroy) and each field (read,
 * update), plus its permission flags. Computed once from core.role, objectPermission,
 * fieldPermission and permissionFlag (spec/twenty-datamodel.md §6) and shared, read-only, by
 * every request; the records API checks every path against it. */
#ifndef TC_PERM_VIEW_H
#define TC_PERM_VIEW_H

#include <stdatomic.h>
#include <stdbool.h>

#include "db/db.h"
#include "meta/snapshot.h"

typedef struct tc_object_access {
    bool read, update, soft_delete, destroy;
} tc_object_access;

/* A fieldPermission value: NULL in the table (inherit), false or true. */
typedef enum tc_override { TC_INHERIT, TC_DENY, TC_ALLOW } tc_override;

typedef struct tc_field_access {
    bool read, update;               /* effective */
    tc_override read_set, update_set; /* as stored, for Twenty's restrictedFields */
} tc_field_access;

typedef struct tc_perm_view {
    const tc_snapshot *snapshot; /* a reference: the view is for this snapshot only */
    const tc_model *model;       /* snapshot->model */
    char role_id[TC_UUID_STR_LEN + 1];
    bool settings_all, tools_all; /* canUpdateAllSettings, canAccessAllTools */
    const char **flags;           /* explicit permissionFlag rows */
    size_t nflags;
    tc_object_access *objects; /* parallel to model->objects */
    tc_field_access **fields;  /* fields[i] parallel to model->objects[i]->fields */
    tc_arena *arena;
    atomic_int refs;
} tc_perm_view;

/* Computes the view of role_id ("" = no role: nothing allowed) over snapshot s, loading the
 * role's rows through db; the view holds a reference to s. The caller holds the one reference
 * to the view. NULL with e filled on a database error. */
tc_perm_view *tc_perm_view_load(tc_db *db, const tc_snapshot *s, const char *role_id, tc_err *e);
/* Another reference to v (returns v); and dropping one, the last frees the view. */
const tc_perm_view *tc_perm_view_retain(const tc_perm_view *v);
void tc_perm_view_release(const tc_perm_view *v);

/* Twenty's newest permission flags (spec/twenty-datamodel.md §6), in its order. */
extern const char *const tc_perm_flags[];
extern const size_t tc_perm_nflags;

/* Whether the role has permission flag (e.g. "DATA_MODEL"): a permissionFlag row, or a settings
 * flag when canUpdateAllSettings, or a tool flag (…_TOOL, IMPORT_CSV, EXPORT_CSV) when
 * canAccessAllTools. */
bool tc_perm_has_flag(const tc_perm_view *v, const char *flag);

/* The access to object o / field f of the view's model (all false for a foreign pointer). */
tc_object_access tc_perm_object(const tc_perm_view *v, const tc_object *o);
tc_field_access tc_perm_field(const tc_perm_view *v, const tc_field *f);

#endif
