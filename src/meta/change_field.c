/* Metadata changes to fields: every creatable type, relations and morph relations with their
 * inverse, options and defaults, renames, deletes (see change.h). */
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "meta/change_int.h"

static int check_field_label(const char *label, tc_err *e)
{
    size_t n = strlen(label);
    if (n == 0)
        return tc_change_invalid(e, FIELD_INPUT, "Label is too short");
    if (n > TC_IDENT_MAX)
        return tc_change_invalid(e, FIELD_INPUT, "Label is too long");
    return 0;
}

/* --- fields ------------------------------------------------------------------------------ */

/* Options of a SELECT or MULTI_SELECT field (spec §1.3): values UPPER_SNAKE (no "__"), labels
 * 1-63 characters without commas, no duplicate id, value or position; ids filled in. */
static int check_options(tc_change *c, json_t *opts, const char **out, tc_err *e)
{
    if (!json_is_array(opts) || json_array_size(opts) == 0)
        return tc_change_invalid(e, FIELD_INPUT, "Options are required for enum fields");
    regex_t re;
    regcomp(&re, "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", REG_EXTENDED | REG_NOSUB);
    json_t *copy = json_deep_copy(opts);
    size_t i;
    json_t *opt;
    int rc = 0;
    json_array_foreach(copy, i, opt)
    {
        const char *value = json_string_value(json_object_get(opt, "value"));
        const char *label = json_string_value(json_object_get(opt, "label"));
        const char *id = json_string_value(json_object_get(opt, "id"));
        json_t *pos = json_object_get(opt, "position");
        const char *why = NULL;
        if (!json_is_object(opt) || !value)
            why = "Option value is required";
        else if (!*value)
            why = "Option value must be a string of at least one character";
        else if (strlen(value) > TC_IDENT_MAX)
            why = "Option value exceeds 63 characters";
        else if (regexec(&re, value, 0, NULL, 0) != 0 || strstr(value, "__")) {
            rc = tc_change_invalid(
                e, FIELD_INPUT, "Value must be in UPPER_CASE and follow snake_case \"%s\"", value);
            break;
        } else if (!label)
            why = "Option label is required";
        else if (!*label)
            why = "Option label must be a string of at least one character";
        else if (strlen(label) > TC_IDENT_MAX)
            why = "Option label exceeds 63 characters";
        else if (strchr(label, ','))
            why = "Label must not contain a comma";
        else if (strspn(label, " \t") == strlen(label))
            why = "Label must not be empty";
        tc_uuid u;
        if (!why && id && tc_uuid_parse(id, strlen(id), &u) < 0)
            why = "Option id is invalid";
        if (why) {
            rc = tc_change_invalid(e, FIELD_INPUT, "%s", why);
            break;
        }
        if (!id) {
            char fresh[TC_UUID_STR_LEN + 1];
            tc_uuid_v4(&u);
            tc_uuid_format(&u, fresh);
            json_object_set_new(opt, "id", json_string(fresh));
        }
        if (!pos)
            json_object_set_new(opt, "position", json_integer((json_int_t)i));
        else if (!json_is_number(pos)) {
            rc = tc_change_invalid(e, FIELD_INPUT, "Option position must be a number");
            break;
        }
        for (size_t k = 0; k < i && rc == 0; k++) {
            json_t *prev = json_array_get(copy, k);
            if (json_equal(json_object_get(prev, "position"), json_object_get(opt, "position")))
                rc = tc_change_invalid(e, FIELD_INPUT, "Duplicated option position");
            else if (json_equal(json_object_get(prev, "id"), json_object_get(opt, "id")))
                rc = tc_change_invalid(e, FIELD_INPUT, "Duplicated option id");
            else if (json_equal(json_object_get(prev, "value"), json_object_get(opt, "value")))
                rc = tc_change_invalid(e, FIELD_INPUT, "Duplicated option value");
        }
        if (rc < 0)
            break;
    }
    regfree(&re);
    if (rc == 0)
        *out = tc_change_dump(c, copy);
    json_decref(copy);
    return rc;
}

/* RATING options are the server's: RATING_1..5 labelled "1".."5". */
static const char rating_options[] = "[{\"value\":\"RATING_1\",\"label\":\"1\",\"position\":0},"
                                     "{\"value\":\"RATING_2\",\"label\":\"2\",\"position\":1},"
                                     "{\"value\":\"RATING_3\",\"label\":\"3\",\"position\":2},"
                                     "{\"value\":\"RATING_4\",\"label\":\"4\",\"position\":3},"
                                     "{\"value\":\"RATING_5\",\"label\":\"5\",\"position\":4}]";

/* A SELECT/MULTI_SELECT default must name options: "'VALUE'" or ["'A'","'B'"]. */
static int check_enum_default(const char *options, json_t *def, bool multi, tc_err *e)
{
    if (!def || json_is_null(def))
        return 0;
    json_error_t jerr;
    json_t *opts = json_loads(options, 0, &jerr);
    size_t n = multi && json_is_array(def) ? json_array_size(def) : 1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        json_t *d = multi ? json_array_get(def, i) : def;
        const char *s = json_string_value(d);
        size_t len = s ? strlen(s) : 0;
        bool found = false;
        size_t k;
        json_t *opt;
        json_array_foreach(opts, k, opt)
        {
            const char *v = json_string_value(json_object_get(opt, "value"));
            found |= len >= 2 && s[0] == '\'' && s[len - 1] == '\'' && v && strlen(v) == len - 2 &&
                     strncmp(v, s + 1, len - 2) == 0;
        }
        if (!s)
            rc = tc_change_invalid(e, FIELD_INPUT, "Default value for select must be a string");
        else if (len < 2 || s[0] != '\'' || s[len - 1] != '\'')
            rc = tc_change_invalid(e, FIELD_INPUT, "Default value should be as quoted string");
        else if (!found)
            rc = tc_change_invalid(e, FIELD_INPUT,
                                   "Default value \"%s\" must be one of the option values", s);
    }
    if (multi && !json_is_array(def))
        rc = tc_change_invalid(e, FIELD_INPUT, "Default value for multi-select must be an array");
    else if (multi && json_array_size(def) == 0)
        rc = tc_change_invalid(e, FIELD_INPUT,
                               "If defined default value must contain at least one value");
    json_decref(opts);
    return rc;
}

/* The column names of field f must not collide with o's existing columns. */
static int check_columns_free(const tc_object *o, const tc_field *f, tc_err *e)
{
    tc_column mine[16];
    size_t n = tc_field_columns(o, f, mine, 16);
    for (size_t i = 0; i < o->nfields; i++) {
        if (o->fields[i] == f)
            continue;
        tc_column theirs[16];
        size_t k = tc_field_columns(o, o->fields[i], theirs, 16);
        for (size_t a = 0; a < n; a++) {
            for (size_t b = 0; b < k; b++) {
                if (strcmp(mine[a].name, theirs[b].name) == 0)
                    return tc_change_invalid(e, "RESERVED_KEYWORD",
                                             "Name \"%s\" is reserved composite field name",
                                             f->name);
            }
        }
    }
    return 0;
}

static int field_name_free(const tc_object *o, const char *name, tc_err *e)
{
    if (tc_change_check_name(name, FIELD_INPUT, e) < 0)
        return -1;
    if (tc_object_field(o, name))
        return tc_change_invalid(
            e, "NOT_AVAILABLE",
            "Name \"%s\" is not available as it is already used by another field", name);
    return 0;
}

static const char *const on_delete_names[] = {"CASCADE", "SET_NULL", "RESTRICT", "NO_ACTION"};

/* The relation both ways (createOneField with relationCreationPayload, spec api §5.4). */
static int create_relation(tc_change *c, tc_field *f, json_t *payload, json_t *settings, tc_err *e)
{
    const char *target_id, *target_label, *target_icon, *type;
    static const char malformed[] = "FIELD_METADATA_RELATION_MALFORMED";
    if (!json_is_object(payload) ||
        tc_change_opt_string(payload, "targetObjectMetadataId", &target_id, e) < 0 ||
        tc_change_opt_string(payload, "targetFieldLabel", &target_label, e) < 0 ||
        tc_change_opt_string(payload, "targetFieldIcon", &target_icon, e) < 0 ||
        tc_change_opt_string(payload, "type", &type, e) < 0 || !target_id || !target_label ||
        !type || (strcmp(type, "MANY_TO_ONE") != 0 && strcmp(type, "ONE_TO_MANY") != 0))
        return tc_change_invalid(e, malformed, "Relation creation payload is invalid");
    tc_object *t = tc_model_object_by_id(c->m, target_id);
    if (!t)
        return tc_change_invalid(
            e, malformed,
            "Object metadata relation target not found for relation creation payload");
    bool many_to_one = strcmp(type, "MANY_TO_ONE") == 0;
    char inverse_name[TC_NAME_BUF];
    if (tc_camel_case(target_label, inverse_name, sizeof(inverse_name)) < 0)
        return tc_change_invalid(e, FIELD_INPUT, "Invalid label: \"%s\"", target_label);
    size_t len = strlen(inverse_name);
    if (tc_name_reserved(inverse_name)) /* Twenty's suffix for reserved names from labels */
        snprintf(inverse_name + len, sizeof(inverse_name) - len, "Custom");
    if (field_name_free(t, inverse_name, e) < 0)
        return -1;
    if (t == f->object && strcmp(inverse_name, f->name) == 0)
        return tc_change_invalid(
            e, "NOT_AVAILABLE",
            "Name \"%s\" is not available as it is already used by another field", inverse_name);
    tc_on_delete on_delete = TC_ON_DELETE_SET_NULL;
    const char *od = json_string_value(json_object_get(settings, "onDelete"));
    for (size_t i = 0; od && i < TC_COUNT(on_delete_names); i++) {
        if (strcmp(od, on_delete_names[i]) == 0)
            on_delete = (tc_on_delete)i;
    }
    tc_std_field inv = {.name = tc_arena_strdup(c->m->arena, inverse_name),
                        .type = TC_FT_RELATION,
                        .label = tc_change_dup(c, target_label),
                        .icon = tc_change_dup(c, target_icon),
                        .relation = many_to_one ? TC_REL_ONE_TO_MANY : TC_REL_MANY_TO_ONE,
                        .on_delete = on_delete};
    tc_field *b = tc_change_add_decl(c, t, &inv, e);
    if (!b)
        return -1;
    b->is_custom = true;
    /* Rebuild f's relation settings now that its side is known. */
    tc_std_field self = {.name = f->name,
                         .type = TC_FT_RELATION,
                         .relation = many_to_one ? TC_REL_MANY_TO_ONE : TC_REL_ONE_TO_MANY,
                         .on_delete = on_delete};
    tc_field *rebuilt = tc_field_from_decl(c->m, f->object, &self, e);
    if (!rebuilt)
        return -1;
    f->relation = rebuilt->relation;
    f->on_delete = on_delete;
    f->join_column = rebuilt->join_column;
    f->settings = rebuilt->settings;
    tc_change_pair(f, b);
    tc_field *owner = many_to_one ? f : b;
    if (check_columns_free(owner->object, owner, e) < 0 ||
        tc_ddl_add_field(&c->ddl, c->m, owner->object, owner, e) < 0)
        return -1;
    tc_ddl_foreign_key(&c->ddl, c->m, owner->object, owner);
    tc_change_new_index(c, owner->object, false, TC_INDEX_BTREE, &owner, 1);
    return 0;
}

/* A MORPH_RELATION (morphRelationsCreationPayload, spec api §5.4): one member per target sharing
 * a new morphId, named <name><Target> (<name><Targets> for ONE_TO_MANY, spec §1.4), each with
 * its inverse on the target. *out is the first member. */
static int create_morph(tc_change *c, tc_object *o, const tc_std_field *base, bool active,
                        json_t *payloads, json_t *settings, tc_field **out, tc_err *e)
{
    if (!json_is_array(payloads) || json_array_size(payloads) == 0)
        return tc_change_invalid(e, "FIELD_METADATA_RELATION_MALFORMED",
                                 "Morph relation creation payload is invalid");
    tc_uuid morph;
    char morph_id[TC_UUID_STR_LEN + 1];
    tc_uuid_v4(&morph);
    tc_uuid_format(&morph, morph_id);
    const char *first_type = NULL;
    size_t i;
    json_t *p;
    json_array_foreach(payloads, i, p)
    {
        const char *target_id = json_string_value(json_object_get(p, "targetObjectMetadataId"));
        const char *type = json_string_value(json_object_get(p, "type"));
        tc_object *t = target_id ? tc_model_object_by_id(c->m, target_id) : NULL;
        if (!t)
            return tc_change_invalid(
                e, "FIELD_METADATA_RELATION_MALFORMED",
                "Object metadata relation target not found for relation creation payload");
        if (!type || (first_type && strcmp(type, first_type) != 0))
            return tc_change_invalid(e, "FIELD_METADATA_RELATION_MALFORMED",
                                     "Morph relation members must all have the same relation type");
        first_type = type;
        char target[TC_NAME_BUF], name[2 * TC_NAME_BUF];
        tc_change_capitalized(strcmp(type, "ONE_TO_MANY") == 0 ? t->name_plural : t->name_singular,
                              target, sizeof(target));
        snprintf(name, sizeof(name), "%s%s", base->name, target);
        if (strlen(name) + 2 > TC_IDENT_MAX)
            return tc_change_invalid(e, FIELD_INPUT, "Name is too long");
        if (field_name_free(o, name, e) < 0)
            return -1;
        tc_std_field d = *base;
        d.name = tc_change_dup(c, name);
        d.morph_id = tc_change_dup(c, morph_id);
        tc_field *f = tc_change_add_decl(c, o, &d, e);
        if (!f)
            return -1;
        f->is_active = active;
        f->is_custom = true;
        if (create_relation(c, f, p, settings, e) < 0)
            return -1;
        if (i == 0)
            *out = f;
    }
    return 0;
}

int tc_change_create_field(tc_change *c, json_t *in, tc_field **out, tc_err *e)
{
    const char *object_id, *type_name, *name, *label, *description, *icon;
    bool nullable, unique, active;
    if (!json_is_object(in))
        return tc_change_invalid(e, FIELD_INPUT, "The field to create is missing");
    if (tc_change_req_string(in, "objectMetadataId", &object_id, e) < 0 ||
        tc_change_req_string(in, "type", &type_name, e) < 0 ||
        tc_change_req_string(in, "name", &name, e) < 0 ||
        tc_change_req_string(in, "label", &label, e) < 0 ||
        tc_change_opt_string(in, "description", &description, e) < 0 ||
        tc_change_opt_string(in, "icon", &icon, e) < 0 ||
        tc_change_opt_bool(in, "isNullable", &nullable, true, e) < 0 ||
        tc_change_opt_bool(in, "isUnique", &unique, false, e) < 0 ||
        tc_change_opt_bool(in, "isActive", &active, true, e) < 0 || check_field_label(label, e) < 0)
        return -1;
    tc_object *o = tc_model_object_by_id(c->m, object_id);
    if (!o)
        return tc_change_invalid(e, "OBJECT_METADATA_NOT_FOUND", "Object metadata not found");
    tc_field_type type;
    if (tc_field_type_parse(type_name, &type) < 0)
        return tc_change_invalid(
            e, FIELD_INPUT, "type must be one of the following values: %s",
            "UUID, TEXT, "
            "PHONES, EMAILS, DATE_TIME, DATE, BOOLEAN, NUMBER, NUMERIC, LINKS, CURRENCY, "
            "FULL_NAME, RATING, SELECT, MULTI_SELECT, RELATION, MORPH_RELATION, POSITION, "
            "ADDRESS, RAW_JSON, RICH_TEXT, RICH_TEXT_V2, ACTOR, ARRAY, TS_VECTOR, FILES");
    if (type == TC_FT_TS_VECTOR || type == TC_FT_POSITION)
        return tc_change_invalid(e, FIELD_INPUT, "Fields of type %s cannot be created", type_name);
    if (field_name_free(o, name, e) < 0)
        return -1;
    json_t *settings = json_object_get(in, "settings");
    json_t *def = json_object_get(in, "defaultValue");
    if (settings && !json_is_null(settings) && !json_is_object(settings))
        return tc_change_invalid(e, FIELD_INPUT, "settings must be an object");
    tc_std_field d = {.name = tc_change_dup(c, name),
                      .type = type,
                      .label = tc_change_dup(c, label),
                      .description = tc_change_dup(c, description),
                      .icon = tc_change_dup(c, icon),
                      .flags = (nullable ? 0 : TC_STD_NOT_NULL) | (unique ? TC_STD_UNIQUE : 0),
                      .default_value = tc_change_dump(c, def)};
    tc_type_kind kind = tc_field_type_info_of(type)->kind;
    if (kind != TC_KIND_RELATION)
        d.settings = tc_change_dump(c, settings);
    if (type == TC_FT_RATING) {
        d.options = rating_options;
    } else if (kind == TC_KIND_ENUM || kind == TC_KIND_ENUM_ARRAY) {
        if (check_options(c, json_object_get(in, "options"), &d.options, e) < 0 ||
            check_enum_default(d.options, def, kind == TC_KIND_ENUM_ARRAY, e) < 0)
            return -1;
    }
    if (unique && kind == TC_KIND_RELATION)
        return tc_change_invalid(e, FIELD_INPUT, "Relation fields cannot be unique");
    if (type == TC_FT_MORPH_RELATION)
        return create_morph(c, o, &d, active, json_object_get(in, "morphRelationsCreationPayload"),
                            settings, out, e);
    tc_field *f = tc_change_add_decl(c, o, &d, e);
    if (!f)
        return -1;
    f->is_active = active;
    f->is_custom = true;
    if (kind == TC_KIND_RELATION) {
        if (create_relation(c, f, json_object_get(in, "relationCreationPayload"), settings, e) < 0)
            return -1;
    } else if (check_columns_free(o, f, e) < 0 || tc_ddl_add_field(&c->ddl, c->m, o, f, e) < 0) {
        return -1;
    }
    if (unique)
        tc_change_new_index(c, o, true, TC_INDEX_BTREE, &f, 1);
    *out = f;
    return 0;
}

int tc_change_update_field(tc_change *c, const char *id, json_t *up, tc_field **out, tc_err *e)
{
    tc_field *f = tc_model_field_by_id(c->m, id);
    if (!f)
        return tc_change_invalid(e, "FIELD_METADATA_NOT_FOUND",
                                 "field metadata to update not found");
    if (!json_is_object(up))
        return tc_change_invalid(e, FIELD_INPUT, "The update is missing");
    const char *type = json_string_value(json_object_get(up, "type"));
    if ((json_object_get(up, "type") && !type) ||
        (type && strcmp(type, tc_field_type_info_of(f->type)->name) != 0))
        return tc_change_invalid(e, FIELD_INPUT, "Cannot update field type");
    tc_object *o = f->object;
    tc_field before = *f;
    json_t *set = json_object();
    int rc = -1;
    const char *name, *label, *description, *icon;
    bool active, nullable, unique;
    if (tc_change_opt_string(up, "name", &name, e) < 0 ||
        tc_change_opt_string(up, "label", &label, e) < 0 ||
        tc_change_opt_string(up, "description", &description, e) < 0 ||
        tc_change_opt_string(up, "icon", &icon, e) < 0 ||
        tc_change_opt_bool(up, "isActive", &active, f->is_active, e) < 0 ||
        tc_change_opt_bool(up, "isNullable", &nullable, f->is_nullable, e) < 0 ||
        tc_change_opt_bool(up, "isUnique", &unique, f->is_unique, e) < 0)
        goto out;
    if (f->is_system) {
        /* System fields only change their activation (FIELD_MUTATION_NOT_ALLOWED). */
        const char *key;
        json_t *v;
        char forbidden[256] = "";
        size_t used = 0;
        json_object_foreach(up, key, v)
        {
            if (strcmp(key, "isActive") != 0 && strcmp(key, "id") != 0 && used < sizeof(forbidden))
                used += (size_t)snprintf(forbidden + used, sizeof(forbidden) - used, "%s%s",
                                         used ? ", " : "", key);
        }
        if (forbidden[0]) {
            tc_change_invalid(
                e, "FIELD_MUTATION_NOT_ALLOWED",
                "System fields only allow updating: universalSettings, isActive. Forbidden "
                "properties: %s",
                forbidden);
            goto out;
        }
    }
    if (label) {
        if (check_field_label(label, e) < 0)
            goto out;
        f->label = tc_change_dup(c, label);
        json_object_set_new(set, "label", json_string(label));
    }
    if (json_object_get(up, "description")) {
        f->description = tc_change_dup(c, description);
        json_object_set(set, "description", json_object_get(up, "description"));
    }
    if (json_object_get(up, "icon")) {
        f->icon = tc_change_dup(c, icon);
        json_object_set(set, "icon", json_object_get(up, "icon"));
    }
    if (active != f->is_active) {
        if (!active && o->label_identifier == f) {
            tc_change_invalid(e, "FIELD_MUTATION_NOT_ALLOWED",
                              "Label identifier field metadata cannot be deactivated");
            goto out;
        }
        f->is_active = active;
        json_object_set_new(set, "isActive", json_boolean(active));
    }
    bool schema_change = (name && strcmp(name, f->name) != 0) || nullable != f->is_nullable ||
                         unique != f->is_unique || json_object_get(up, "defaultValue") ||
                         json_object_get(up, "options");
    if (schema_change && !f->is_custom) {
        tc_change_invalid(
            e, "FIELD_MUTATION_NOT_ALLOWED",
            "Only the label, description, icon and activation of a standard field can be "
            "changed");
        goto out;
    }
    tc_type_kind kind = tc_field_type_info_of(f->type)->kind;
    if (name && strcmp(name, f->name) != 0) {
        if (field_name_free(o, name, e) < 0 || tc_change_rename_field(c, f, name, e) < 0)
            goto out;
    }
    if (json_object_get(up, "options") && (kind == TC_KIND_ENUM || kind == TC_KIND_ENUM_ARRAY) &&
        f->type != TC_FT_RATING) {
        if (check_options(c, json_object_get(up, "options"), &f->options, e) < 0)
            goto out;
        json_error_t jerr;
        json_object_set_new(set, "options", json_loads(f->options, 0, &jerr));
    }
    if (json_object_get(up, "defaultValue")) {
        json_t *def = json_object_get(up, "defaultValue");
        if ((kind == TC_KIND_ENUM || kind == TC_KIND_ENUM_ARRAY) &&
            check_enum_default(f->options, def, kind == TC_KIND_ENUM_ARRAY, e) < 0)
            goto out;
        f->default_value = tc_change_dump(c, def);
        json_object_set(set, "defaultValue", def);
    }
    f->is_nullable = nullable;
    if (nullable != before.is_nullable)
        json_object_set_new(set, "isNullable", json_boolean(nullable));
    if (kind != TC_KIND_RELATION && kind != TC_KIND_TS_VECTOR) {
        if (f->options != before.options && (kind == TC_KIND_ENUM || kind == TC_KIND_ENUM_ARRAY)) {
            if (tc_ddl_sync_enum(&c->ddl, c->m, o, &before, f, e) < 0)
                goto out;
        } else if (f->default_value != before.default_value || nullable != before.is_nullable) {
            if (tc_ddl_alter_field(&c->ddl, c->m, o, f, e) < 0)
                goto out;
        }
    }
    if (unique != f->is_unique) {
        if (kind == TC_KIND_RELATION) {
            tc_change_invalid(e, FIELD_INPUT, "Relation fields cannot be unique");
            goto out;
        }
        f->is_unique = unique;
        json_object_set_new(set, "isUnique", json_boolean(unique));
        if (unique) {
            tc_change_new_index(c, o, true, TC_INDEX_BTREE, &f, 1);
        } else {
            for (size_t i = 0; i < o->nindexes; i++) {
                tc_index *x = o->indexes[i];
                if (x->is_unique && x->nfields == 1 && x->fields[0] == f) {
                    const char *p[] = {x->id};
                    tc_ddl_drop_index(&c->ddl, c->m, x);
                    if (tc_change_exec(c, "DELETE FROM \"indexMetadata\" WHERE \"id\" = $1", 1, p,
                                       e) < 0)
                        goto out;
                }
            }
        }
    }
    rc = tc_change_update_row(c, "fieldMetadata", f->id, set, e);
    *out = f;
out:
    json_decref(set);
    return rc;
}

int tc_change_delete_field(tc_change *c, const char *id, tc_err *e)
{
    tc_field *f = tc_model_field_by_id(c->m, id);
    if (!f)
        return tc_err_set(e, TC_E_FIELD_NOT_FOUND, "Field metadata not found");
    if (f->is_system)
        return tc_change_invalid(e, "FIELD_MUTATION_NOT_ALLOWED",
                                 "System fields cannot be deleted");
    if (f->object->label_identifier == f)
        return tc_change_invalid(e, "FIELD_MUTATION_NOT_ALLOWED",
                                 "Cannot delete, please update the label identifier field first");
    const char **search = tc_change_search_fields(c, f->object);
    size_t kept = 0;
    bool searched = false;
    for (size_t i = 0; search[i]; i++) {
        if (strcmp(search[i], f->name) == 0)
            searched = true;
        else
            search[kept++] = search[i];
    }
    search[kept] = NULL;
    /* The generated column must stop reading the field before its columns can go. */
    if (searched && tc_change_rebuild_search_vector(c, f->object, search, e) < 0)
        return -1;
    json_t *ids = json_array();
    json_array_append_new(ids, json_string(f->id));
    tc_ddl_drop_field(&c->ddl, c->m, f->object, f);
    tc_field *b = f->target_field;
    if (b) {
        tc_ddl_drop_field(&c->ddl, c->m, b->object, b);
        json_array_append_new(ids, json_string(b->id));
    }
    int rc = tc_change_delete_field_rows(c, tc_change_dump(c, ids), e);
    json_decref(ids);
    return rc;
}
