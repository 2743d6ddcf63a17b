/* Metadata changes to objects: creating custom objects with their default fields and
 * relations, renaming, (de)activating, deleting (see change.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "meta/change_int.h"

/* Object labels: 1 to 63 characters (validate-flat-object-metadata-label.util.ts). */
static int check_label(const char *label, tc_err *e)
{
    size_t n = strlen(label);
    if (n == 0)
        return tc_change_invalid(e, OBJECT_INPUT, "Object label is too short");
    if (n > TC_IDENT_MAX)
        return tc_change_invalid(e, OBJECT_INPUT, "Object label is too long");
    return 0;
}

/* Spec §10: the objects every custom object is related to by default. */
static const char *const default_relation_targets[] = {"timelineActivity", "favorite", "attachment",
                                                       "noteTarget", "taskTarget"};

/* --- objects ----------------------------------------------------------------------------- */

/* The fields of a new custom object (spec §2, §10): system fields, and `name` as its label
 * identifier. createdBy/updatedBy default to an empty name, unlike standard objects' "System". */
#define ACTOR_DEFAULT "{\"source\":\"'MANUAL'\",\"name\":\"''\",\"workspaceMemberId\":null}"
static const tc_std_field custom_fields[] = {
    {.name = "id",
     .type = TC_FT_UUID,
     .label = "Id",
     .icon = "Icon123",
     .flags = TC_STD_NOT_NULL | TC_STD_SYSTEM | TC_STD_UNIQUE | TC_STD_UI_READ_ONLY,
     .default_value = "\"uuid\""},
    {.name = "name", .type = TC_FT_TEXT, .label = "Name", .icon = "IconAbc", .description = "Name"},
    {.name = "createdAt",
     .type = TC_FT_DATE_TIME,
     .label = "Creation date",
     .icon = "IconCalendar",
     .flags = TC_STD_NOT_NULL | TC_STD_UI_READ_ONLY,
     .default_value = "\"now\"",
     .settings = "{\"displayFormat\":\"RELATIVE\"}"},
    {.name = "updatedAt",
     .type = TC_FT_DATE_TIME,
     .label = "Last update",
     .icon = "IconCalendarClock",
     .flags = TC_STD_NOT_NULL | TC_STD_UI_READ_ONLY,
     .default_value = "\"now\"",
     .settings = "{\"displayFormat\":\"RELATIVE\"}"},
    {.name = "deletedAt",
     .type = TC_FT_DATE_TIME,
     .label = "Deleted at",
     .icon = "IconCalendarClock",
     .flags = TC_STD_UI_READ_ONLY,
     .settings = "{\"displayFormat\":\"RELATIVE\"}"},
    {.name = "createdBy",
     .type = TC_FT_ACTOR,
     .label = "Created by",
     .icon = "IconCreativeCommonsSa",
     .flags = TC_STD_NOT_NULL | TC_STD_UI_READ_ONLY,
     .default_value = ACTOR_DEFAULT},
    {.name = "updatedBy",
     .type = TC_FT_ACTOR,
     .label = "Updated by",
     .icon = "IconCreativeCommonsSa",
     .flags = TC_STD_NOT_NULL | TC_STD_UI_READ_ONLY,
     .default_value = ACTOR_DEFAULT},
    {.name = "position",
     .type = TC_FT_POSITION,
     .label = "Position",
     .icon = "IconHierarchy2",
     .flags = TC_STD_NOT_NULL | TC_STD_SYSTEM,
     .default_value = "0"},
    {.name = "searchVector",
     .type = TC_FT_TS_VECTOR,
     .label = "Search vector",
     .icon = "IconUser",
     .flags = TC_STD_SYSTEM},
};

/* The MORPH_RELATION group id of object t, if it has one. */
static const char *morph_group(const tc_object *t)
{
    for (size_t i = 0; i < t->nfields; i++) {
        if (t->fields[i]->type == TC_FT_MORPH_RELATION && t->fields[i]->morph_id)
            return t->fields[i]->morph_id;
    }
    return NULL;
}

/* The default relations of a new custom object with timelineActivity, favorite, attachment,
 * noteTarget and taskTarget: a ONE_TO_MANY field on it, a MANY_TO_ONE on each of those (a morph
 * member target<Name> where the object has a morph group, <name> on favorite). */
static int default_relations(tc_change *c, tc_object *o, tc_err *e)
{
    char cap[TC_NAME_BUF];
    tc_change_capitalized(o->name_singular, cap, sizeof(cap));
    for (size_t i = 0; i < TC_COUNT(default_relation_targets); i++) {
        tc_object *t = tc_model_object(c->m, default_relation_targets[i]);
        if (!t)
            continue;
        const char *morph = morph_group(t);
        const char *m2o_name =
            morph ? tc_arena_printf(c->m->arena, "target%s", cap) : o->name_singular;
        if (strlen(m2o_name) + 2 > TC_IDENT_MAX)
            return tc_change_invalid(e, OBJECT_INPUT, "Name is too long");
        if (tc_object_field(t, m2o_name))
            return tc_change_invalid(
                e, "NOT_AVAILABLE",
                "Name \"%s\" is not available as it is already used by another field", m2o_name);
        tc_std_field one = {.name = t->name_plural,
                            .type = TC_FT_RELATION,
                            .label = t->label_plural,
                            .icon = t->icon,
                            .flags = TC_STD_SYSTEM,
                            .relation = TC_REL_ONE_TO_MANY};
        tc_std_field many = {.name = m2o_name,
                             .type = morph ? TC_FT_MORPH_RELATION : TC_FT_RELATION,
                             .label = o->label_singular,
                             .icon = o->icon,
                             .flags = TC_STD_UI_READ_ONLY,
                             .relation = TC_REL_MANY_TO_ONE,
                             .on_delete = TC_ON_DELETE_CASCADE,
                             .morph_id = morph};
        tc_field *a = tc_change_add_decl(c, o, &one, e);
        tc_field *b = a ? tc_change_add_decl(c, t, &many, e) : NULL;
        if (!b)
            return -1;
        tc_change_pair(a, b);
        if (tc_ddl_add_field(&c->ddl, c->m, t, b, e) < 0)
            return -1;
    }
    return 0;
}

/* When object o is renamed to singular, the fields named after it on other objects follow:
 * target<Old> -> target<New> (morph members) and <old> -> <new> (favorite), as spec §1.4 names
 * them. */
static int rename_relations_elsewhere(tc_change *c, tc_object *o, const char *singular, tc_err *e)
{
    char old_cap[TC_NAME_BUF], new_cap[TC_NAME_BUF];
    tc_change_capitalized(o->name_singular, old_cap, sizeof(old_cap));
    tc_change_capitalized(singular, new_cap, sizeof(new_cap));
    for (size_t i = 0; i < o->nfields; i++) {
        tc_field *b = o->fields[i]->target_field;
        if (!b || b->object == o)
            continue;
        char morph_old[TC_NAME_BUF + 8], name[TC_NAME_BUF + 8];
        snprintf(morph_old, sizeof(morph_old), "target%s", old_cap);
        if (strcmp(b->name, morph_old) == 0)
            snprintf(name, sizeof(name), "target%s", new_cap);
        else if (strcmp(b->name, o->name_singular) == 0)
            snprintf(name, sizeof(name), "%s", singular);
        else
            continue;
        if (strlen(name) + 2 > TC_IDENT_MAX)
            return tc_change_invalid(e, OBJECT_INPUT, "Name is too long");
        if (tc_object_field(b->object, name))
            return tc_change_invalid(
                e, "NOT_AVAILABLE",
                "Name \"%s\" is not available as it is already used by another field", name);
        if (tc_change_rename_field(c, b, name, e) < 0)
            return -1;
    }
    return 0;
}

static int name_taken(const tc_model *m, const tc_object *self, const char *name)
{
    for (size_t i = 0; i < m->nobjects; i++) {
        const tc_object *o = m->objects[i];
        if (o != self && (strcmp(o->name_singular, name) == 0 || strcmp(o->name_plural, name) == 0))
            return 1;
    }
    return 0;
}

static int check_object_names(tc_change *c, const tc_object *self, const char *singular,
                              const char *plural, tc_err *e)
{
    if (tc_change_check_name(singular, OBJECT_INPUT, e) < 0 ||
        tc_change_check_name(plural, OBJECT_INPUT, e) < 0)
        return -1;
    if (strcasecmp(singular, plural) == 0)
        return tc_change_invalid(e, OBJECT_INPUT,
                                 "The singular and plural names cannot be the same for an object");
    if (name_taken(c->m, self, singular) || name_taken(c->m, self, plural))
        return tc_change_invalid(e, "OBJECT_ALREADY_EXISTS", "Object already exists");
    return 0;
}

int tc_change_create_object(tc_change *c, json_t *in, tc_object **out, tc_err *e)
{
    const char *singular, *plural, *label_s, *label_p, *description, *icon, *shortcut;
    if (!json_is_object(in))
        return tc_change_invalid(e, OBJECT_INPUT, "The object to create is missing");
    if (tc_change_req_string(in, "nameSingular", &singular, e) < 0 ||
        tc_change_req_string(in, "namePlural", &plural, e) < 0 ||
        tc_change_req_string(in, "labelSingular", &label_s, e) < 0 ||
        tc_change_req_string(in, "labelPlural", &label_p, e) < 0 ||
        tc_change_opt_string(in, "description", &description, e) < 0 ||
        tc_change_opt_string(in, "icon", &icon, e) < 0 ||
        tc_change_opt_string(in, "shortcut", &shortcut, e) < 0 || check_label(label_s, e) < 0 ||
        check_label(label_p, e) < 0 || check_object_names(c, NULL, singular, plural, e) < 0)
        return -1;
    if (strcasecmp(label_s, label_p) == 0)
        return tc_change_invalid(e, OBJECT_INPUT,
                                 "The singular and plural labels cannot be the same for an object");
    if (json_is_true(json_object_get(in, "isRemote")))
        return tc_change_invalid(e, OBJECT_INPUT, "Remote objects are not supported yet");
    /* Room for the relation names it adds to other objects (target<Name>Id). */
    if (strlen(singular) + 1 > TC_IDENT_MAX - 20)
        return tc_change_invalid(e, OBJECT_INPUT, "Name is too long");

    tc_object *o = tc_arena_calloc(c->m->arena, 1, sizeof(*o));
    tc_uuid id;
    tc_uuid_v4(&id);
    tc_uuid_format(&id, o->id);
    o->name_singular = tc_change_dup(c, singular);
    o->name_plural = tc_change_dup(c, plural);
    o->label_singular = tc_change_dup(c, label_s);
    o->label_plural = tc_change_dup(c, label_p);
    o->description = tc_change_dup(c, description);
    o->icon = tc_change_dup(c, icon);
    o->shortcut = tc_change_dup(c, shortcut);
    o->is_custom = true;
    o->is_active = true;
    o->is_searchable = true;
    o->is_audit_logged = true;
    tc_table_name(singular, true, o->table, sizeof(o->table));
    tc_model_add_object(c->m, o);
    c->new_objects[c->nnew_objects++] = o;

    for (size_t i = 0; i < TC_COUNT(custom_fields); i++) {
        if (!tc_change_add_decl(c, o, &custom_fields[i], e))
            return -1;
    }
    o->label_identifier = tc_object_field(o, "name");
    static const char *const search_name[] = {"name", NULL};
    tc_field *sv = tc_object_field(o, "searchVector");
    json_t *s = json_object();
    json_object_set_new(s, "asExpression", json_string(tc_search_expression(c->m, o, search_name)));
    json_object_set_new(s, "generatedType", json_string("STORED"));
    sv->settings = tc_change_dump(c, s);
    json_decref(s);

    if (tc_ddl_create_object(&c->ddl, c->m, o, e) < 0 || default_relations(c, o, e) < 0)
        return -1;
    for (size_t i = 0; i < o->nfields; i++) {
        tc_field *b = o->fields[i]->target_field;
        if (b && b->relation == TC_REL_MANY_TO_ONE) {
            tc_ddl_foreign_key(&c->ddl, c->m, b->object, b);
            tc_change_new_index(c, b->object, false, TC_INDEX_BTREE, &b, 1);
        }
    }
    tc_change_new_index(c, o, false, TC_INDEX_GIN, &sv, 1);
    tc_field *pos_id[2] = {tc_object_field(o, "position"), tc_object_field(o, "id")};
    tc_change_new_index(c, o, false, TC_INDEX_BTREE, pos_id, 2);
    *out = o;
    return 0;
}

int tc_change_update_object(tc_change *c, const char *id, json_t *up, tc_object **out, tc_err *e)
{
    tc_object *o = tc_model_object_by_id(c->m, id);
    if (!o)
        return tc_err_set(e, TC_E_OBJECT_NOT_FOUND, "Object metadata not found");
    if (!json_is_object(up))
        return tc_change_invalid(e, OBJECT_INPUT, "The update is missing");
    static const char *const text_keys[] = {"labelSingular", "labelPlural", "description", "icon",
                                            "shortcut"};
    json_t *set = json_object();
    int rc = -1;
    for (size_t i = 0; i < TC_COUNT(text_keys); i++) {
        json_t *v = json_object_get(up, text_keys[i]);
        if (!v)
            continue;
        bool label = i < 2; /* labels are required; the rest may be null */
        if (!json_is_string(v) && (label || !json_is_null(v))) {
            tc_change_invalid(e, OBJECT_INPUT, "%s must be a string", text_keys[i]);
            goto out;
        }
        if (label && check_label(json_string_value(v), e) < 0)
            goto out;
        json_object_set(set, text_keys[i], v);
    }
    const char *singular, *plural, *label_id;
    bool active;
    if (tc_change_opt_string(up, "nameSingular", &singular, e) < 0 ||
        tc_change_opt_string(up, "namePlural", &plural, e) < 0 ||
        tc_change_opt_string(up, "labelIdentifierFieldMetadataId", &label_id, e) < 0 ||
        tc_change_opt_bool(up, "isActive", &active, o->is_active, e) < 0)
        goto out;
    if ((singular && strcmp(singular, o->name_singular) != 0) ||
        (plural && strcmp(plural, o->name_plural) != 0)) {
        if (!o->is_custom) {
            tc_err_set(e, TC_E_BAD_REQUEST,
                       "Cannot edit standard object metadata properties: nameSingular, namePlural");
            snprintf(e->reason, sizeof(e->reason), OBJECT_INPUT);
            goto out;
        }
        const char *s = singular ? singular : o->name_singular;
        const char *p = plural ? plural : o->name_plural;
        if (check_object_names(c, o, s, p, e) < 0)
            goto out;
        if (strcmp(s, o->name_singular) != 0) {
            char table[TC_NAME_BUF];
            tc_table_name(s, true, table, sizeof(table));
            char old_table[TC_NAME_BUF];
            snprintf(old_table, sizeof(old_table), "%s", o->table);
            tc_ddl_rename_table(&c->ddl, c->m, o, table);
            snprintf(o->table, sizeof(o->table), "%s", table);
            for (size_t i = 0; i < o->nfields; i++) {
                if (o->fields[i]->join_column)
                    tc_ddl_rename_foreign_key(&c->ddl, c->m, o, old_table,
                                              o->fields[i]->join_column, o->fields[i]->join_column);
            }
            if (tc_change_rename_indexes(c, o, e) < 0)
                goto out;
            json_object_set_new(set, "targetTableName", json_string(table));
        }
        if (rename_relations_elsewhere(c, o, s, e) < 0)
            goto out;
        o->name_singular = tc_change_dup(c, s);
        o->name_plural = tc_change_dup(c, p);
        json_object_set_new(set, "nameSingular", json_string(s));
        json_object_set_new(set, "namePlural", json_string(p));
    }
    if (label_id) {
        tc_field *f = tc_model_field_by_id(c->m, label_id);
        if (!f || f->object != o) {
            tc_change_invalid(e, OBJECT_INPUT, "Label identifier field metadata not found");
            goto out;
        }
        if (o->is_custom && f != o->label_identifier && tc_change_searchable_type(f->type)) {
            const char *names[] = {f->name, NULL};
            if (tc_change_rebuild_search_vector(c, o, names, e) < 0)
                goto out;
        }
        o->label_identifier = f;
        json_object_set_new(set, "labelIdentifierFieldMetadataId", json_string(label_id));
    }
    if (active != o->is_active) {
        if (o->is_system && !active) {
            tc_change_invalid(e, OBJECT_INPUT, "System objects cannot be deactivated");
            goto out;
        }
        o->is_active = active;
        json_object_set_new(set, "isActive", json_boolean(active));
    }
    const char *key;
    json_t *v;
    json_object_foreach(set, key, v)
    {
        const char *s = json_string_value(v);
        if (strcmp(key, "labelSingular") == 0)
            o->label_singular = tc_change_dup(c, s);
        else if (strcmp(key, "labelPlural") == 0)
            o->label_plural = tc_change_dup(c, s);
        else if (strcmp(key, "description") == 0)
            o->description = tc_change_dup(c, s);
        else if (strcmp(key, "icon") == 0)
            o->icon = tc_change_dup(c, s);
        else if (strcmp(key, "shortcut") == 0)
            o->shortcut = tc_change_dup(c, s);
    }
    rc = tc_change_update_row(c, "objectMetadata", o->id, set, e);
    *out = o;
out:
    json_decref(set);
    return rc;
}

int tc_change_delete_object(tc_change *c, const char *id, tc_err *e)
{
    tc_object *o = tc_model_object_by_id(c->m, id);
    if (!o)
        return tc_err_set(e, TC_E_OBJECT_NOT_FOUND, "Object metadata not found");
    if (o->is_system)
        return tc_change_invalid(e, OBJECT_INPUT, "System objects cannot be deleted");
    if (!o->is_custom)
        return tc_change_invalid(e, OBJECT_INPUT, "Standard objects cannot be deleted");
    if (o->is_active)
        return tc_change_invalid(e, OBJECT_INPUT, "Active objects cannot be deleted");
    /* The other side of each relation lives on another object: drop it first. */
    json_t *ids = json_array();
    for (size_t i = 0; i < o->nfields; i++) {
        tc_field *b = o->fields[i]->target_field;
        if (b && b->object != o) {
            tc_ddl_drop_field(&c->ddl, c->m, b->object, b);
            json_array_append_new(ids, json_string(b->id));
        }
    }
    tc_ddl_drop_object(&c->ddl, c->m, o);
    const char *p[] = {o->id};
    int rc = tc_change_delete_field_rows(c, tc_change_dump(c, ids), e);
    json_decref(ids);
    if (rc == 0)
        rc = tc_change_exec(c, "DELETE FROM \"objectMetadata\" WHERE \"id\" = $1", 1, p, e);
    return rc;
}
