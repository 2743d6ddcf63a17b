/* The JSON schemas of one object's records for the core OpenAPI document, as Twenty's
 * components.utils.ts names them: <Singular> (create body), <Singular>ForUpdate (update body,
 * nothing required) and <Singular>ForResponse (what reads return, relations included). One switch
 * maps each field type of meta/field_types.h to a schema; composites become nested objects. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "api/openapi_int.h"
#include "base/compiler.h"
#include "meta/field_types.h"

/* FOR_NESTED: a related record inside a response (depth 1 carries no further relations); the
 * relations of FOR_RESPONSE point to it, so the document has no reference cycles, which some
 * validators and generators cannot dereference. */
typedef enum variant { FOR_CREATE, FOR_UPDATE, FOR_RESPONSE, FOR_NESTED } variant;

bool tc_openapi_listed(const tc_object *o)
{
    return o && o->is_active;
}

void tc_openapi_cap(const char *s, char *out, size_t n)
{
    snprintf(out, n, "%s", s);
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 'a' + 'A');
}

void tc_openapi_ref(tc_json *j, const char *section, const char *name, const char *suffix)
{
    char ref[TC_OA_NAME_MAX + 32];
    snprintf(ref, sizeof(ref), "#/components/%s/%s%s", section, name, suffix);
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "$ref", ref);
    tc_json_obj_end(j);
}

static void type_only(tc_json *j, const char *type, const char *format)
{
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", type);
    if (format)
        tc_json_kv_str(j, "format", format);
    tc_json_obj_end(j);
}

/* An enum's values from fieldMetadata.options ([{value,…},…]); a plain string when there are
 * none or the options do not parse. */
static void enum_from_options(tc_json *j, const char *options)
{
    json_t *root = options ? json_loads(options, 0, NULL) : NULL;
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "string");
    if (json_is_array(root) && json_array_size(root) > 0) {
        size_t i;
        json_t *opt;
        tc_json_key(j, "enum");
        tc_json_arr_begin(j);
        json_array_foreach(root, i, opt)
        {
            const char *v = json_string_value(json_object_get(opt, "value"));
            if (v)
                tc_json_str(j, v);
        }
        tc_json_arr_end(j);
    }
    tc_json_obj_end(j);
    json_decref(root);
}

static void string_array(tc_json *j, const char *format)
{
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "array");
    tc_json_key(j, "items");
    type_only(j, "string", format);
    tc_json_obj_end(j);
}

/* An array of objects whose members are all strings. */
static void object_array(tc_json *j, const char *const *members)
{
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "array");
    tc_json_key(j, "items");
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "object");
    tc_json_key(j, "properties");
    tc_json_obj_begin(j);
    for (; *members; members++) {
        tc_json_key(j, *members);
        type_only(j, "string", NULL);
    }
    tc_json_obj_end(j);
    tc_json_obj_end(j);
    tc_json_obj_end(j);
}

/* The JSON sub-fields of composites hold lists (spec api §1.10) or a free object (actor context).
 */
static void json_subfield(tc_json *j, const char *name)
{
    static const char *const links[] = {"url", "label", NULL};
    static const char *const phones[] = {"number", "countryCode", "callingCode", NULL};
    if (strcmp(name, "secondaryLinks") == 0)
        object_array(j, links);
    else if (strcmp(name, "additionalEmails") == 0)
        string_array(j, "email");
    else if (strcmp(name, "additionalPhones") == 0)
        object_array(j, phones);
    else
        type_only(j, "object", NULL);
}

static void subfield_schema(tc_json *j, const tc_subfield *s)
{
    switch (s->type) {
    case TC_FT_SELECT:
        tc_json_obj_begin(j);
        tc_json_kv_str(j, "type", "string");
        tc_json_key(j, "enum");
        tc_json_arr_begin(j);
        for (const char *const *v = s->enum_values; v && *v; v++)
            tc_json_str(j, *v);
        tc_json_arr_end(j);
        tc_json_obj_end(j);
        break;
    case TC_FT_RAW_JSON: json_subfield(j, s->name); break;
    case TC_FT_UUID: type_only(j, "string", "uuid"); break;
    case TC_FT_NUMERIC:
    case TC_FT_NUMBER: type_only(j, "number", NULL); break;
    default: type_only(j, "string", NULL); break;
    }
}

/* The schema of a non-relation field's value. */
static void field_schema(tc_json *j, const tc_field *f)
{
    const tc_field_type_info *t = tc_field_type_info_of(f->type);
    if (t->kind == TC_KIND_COMPOSITE) {
        tc_json_obj_begin(j);
        tc_json_kv_str(j, "type", "object");
        if (f->description && *f->description)
            tc_json_kv_str(j, "description", f->description);
        tc_json_key(j, "properties");
        tc_json_obj_begin(j);
        for (size_t i = 0; i < t->nsubfields; i++) {
            tc_json_key(j, t->subfields[i].name);
            subfield_schema(j, &t->subfields[i]);
        }
        tc_json_obj_end(j);
        tc_json_obj_end(j);
        return;
    }
    switch (f->type) {
    case TC_FT_UUID: type_only(j, "string", "uuid"); break;
    case TC_FT_NUMBER:
    case TC_FT_NUMERIC:
    case TC_FT_POSITION: type_only(j, "number", NULL); break;
    case TC_FT_BOOLEAN: type_only(j, "boolean", NULL); break;
    case TC_FT_DATE_TIME: type_only(j, "string", "date-time"); break;
    case TC_FT_DATE: type_only(j, "string", "date"); break;
    case TC_FT_RAW_JSON: type_only(j, "object", NULL); break;
    case TC_FT_ARRAY: string_array(j, NULL); break;
    case TC_FT_FILES: {
        static const char *const file[] = {"fileId", "label", "extension", NULL};
        object_array(j, file);
        break;
    }
    case TC_FT_SELECT:
    case TC_FT_RATING: enum_from_options(j, f->options); break;
    case TC_FT_MULTI_SELECT:
        tc_json_obj_begin(j);
        tc_json_kv_str(j, "type", "array");
        tc_json_key(j, "items");
        enum_from_options(j, f->options);
        tc_json_obj_end(j);
        break;
    default: type_only(j, "string", NULL); break;
    }
}

static bool is_relation(const tc_field *f)
{
    return f->type == TC_FT_RELATION || f->type == TC_FT_MORPH_RELATION;
}

/* Fields a client sends: the non-system ones, plus id and position (Twenty accepts both). */
static bool writable(const tc_field *f)
{
    if (f->type == TC_FT_TS_VECTOR || !f->is_active)
        return false;
    return !f->is_system || strcmp(f->name, "id") == 0 || f->type == TC_FT_POSITION;
}

static void relation_properties(tc_json *j, const tc_field *f, variant v)
{
    if (f->relation == TC_REL_MANY_TO_ONE && f->join_column) {
        tc_json_key(j, f->join_column);
        type_only(j, "string", "uuid");
    }
    if (v != FOR_RESPONSE || !tc_openapi_listed(f->target_object))
        return;
    char target[TC_OA_NAME_MAX];
    tc_openapi_cap(f->target_object->name_singular, target, sizeof(target));
    tc_json_key(j, f->name);
    if (f->relation == TC_REL_ONE_TO_MANY) {
        tc_json_obj_begin(j);
        tc_json_kv_str(j, "type", "array");
        tc_json_key(j, "items");
        tc_openapi_ref(j, "schemas", target, "ForNestedResponse");
        tc_json_obj_end(j);
    } else {
        tc_openapi_ref(j, "schemas", target, "ForNestedResponse");
    }
}

static void object_schema(tc_json *j, const tc_object *o, variant v)
{
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "type", "object");
    if (o->description && *o->description)
        tc_json_kv_str(j, "description", o->description);
    tc_json_key(j, "properties");
    tc_json_obj_begin(j);
    for (size_t i = 0; i < o->nfields; i++) {
        const tc_field *f = o->fields[i];
        if (!f->is_active || f->type == TC_FT_TS_VECTOR)
            continue;
        if ((v == FOR_CREATE || v == FOR_UPDATE) && !writable(f))
            continue;
        if (is_relation(f)) {
            relation_properties(j, f, v);
            continue;
        }
        tc_json_key(j, f->name);
        field_schema(j, f);
    }
    tc_json_obj_end(j);
    if (v == FOR_CREATE) {
        /* Required on create: what the database refuses to leave empty. */
        bool any = false;
        for (size_t i = 0; i < o->nfields; i++) {
            const tc_field *f = o->fields[i];
            if (!writable(f) || is_relation(f) || f->is_nullable || f->default_value ||
                strcmp(f->name, "id") == 0)
                continue;
            if (!any) {
                tc_json_key(j, "required");
                tc_json_arr_begin(j);
                any = true;
            }
            tc_json_str(j, f->name);
        }
        if (any)
            tc_json_arr_end(j);
    }
    tc_json_obj_end(j);
}

void tc_openapi_object_schemas(tc_json *j, const tc_object *o)
{
    static const char *const suffixes[] = {"", "ForUpdate", "ForResponse", "ForNestedResponse"};
    static const variant variants[] = {FOR_CREATE, FOR_UPDATE, FOR_RESPONSE, FOR_NESTED};
    char name[TC_OA_NAME_MAX], key[TC_OA_NAME_MAX + 16];
    tc_openapi_cap(o->name_singular, name, sizeof(name));
    for (size_t i = 0; i < TC_COUNT(variants); i++) {
        snprintf(key, sizeof(key), "%s%s", name, suffixes[i]);
        tc_json_key(j, key);
        object_schema(j, o, variants[i]);
    }
}
