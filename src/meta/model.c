/* Building a workspace model from the standard declarations: objects and fields with fresh ids,
 * relations paired by (target, inverse), indexes derived by Twenty's rules (spec §7) and search
 * vectors (spec §8). */
#include "meta/model.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/die.h"
#include "db/sql.h"

tc_model *tc_model_new(const tc_uuid *workspace_id, const char *core_schema, bool unaccent)
{
    tc_arena *a = tc_arena_new(64 << 10);
    tc_model *m = tc_arena_calloc(a, 1, sizeof(*m));
    m->arena = a;
    m->workspace_id = *workspace_id;
    tc_uuid_format(workspace_id, m->workspace_id_text);
    tc_schema_name(workspace_id, m->schema);
    snprintf(m->core_schema, sizeof(m->core_schema), "%s", core_schema);
    m->unaccent = unaccent;
    return m;
}

void tc_model_free(tc_model *m)
{
    if (m)
        tc_arena_free(m->arena);
}

void tc_model_add_object(tc_model *m, tc_object *o)
{
    tc_arena_append(m->arena, (void ***)&m->objects, &m->nobjects, &m->objects_cap, o);
}

void tc_object_add_field(tc_model *m, tc_object *o, tc_field *f)
{
    tc_arena_append(m->arena, (void ***)&o->fields, &o->nfields, &o->fields_cap, f);
}

void tc_object_add_index(tc_model *m, tc_object *o, tc_index *x)
{
    tc_arena_append(m->arena, (void ***)&o->indexes, &o->nindexes, &o->indexes_cap, x);
}

tc_object *tc_model_object(const tc_model *m, const char *name_singular)
{
    for (size_t i = 0; i < m->nobjects; i++) {
        if (strcmp(m->objects[i]->name_singular, name_singular) == 0)
            return m->objects[i];
    }
    return NULL;
}

tc_object *tc_model_object_by_id(const tc_model *m, const char *id)
{
    for (size_t i = 0; i < m->nobjects; i++) {
        if (strcmp(m->objects[i]->id, id) == 0)
            return m->objects[i];
    }
    return NULL;
}

tc_field *tc_model_field_by_id(const tc_model *m, const char *id)
{
    for (size_t i = 0; i < m->nobjects; i++) {
        for (size_t k = 0; k < m->objects[i]->nfields; k++) {
            if (strcmp(m->objects[i]->fields[k]->id, id) == 0)
                return m->objects[i]->fields[k];
        }
    }
    return NULL;
}

tc_field *tc_object_field(const tc_object *o, const char *name)
{
    for (size_t i = 0; i < o->nfields; i++) {
        if (strcmp(o->fields[i]->name, name) == 0)
            return o->fields[i];
    }
    return NULL;
}

static void new_id(char *out)
{
    tc_uuid u;
    tc_uuid_v4(&u);
    tc_uuid_format(&u, out);
}

static const char *json_text(tc_arena *a, json_t *j)
{
    char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (!s)
        tc_die_oom();
    const char *r = tc_arena_strdup(a, s);
    free(s);
    return r;
}

static const char *const relation_type_names[] = {"", "MANY_TO_ONE", "ONE_TO_MANY"};
static const char *const on_delete_names[] = {"CASCADE", "SET_NULL", "RESTRICT", "NO_ACTION"};

/* --- search vectors ----------------------------------------------------------------------------
 */

/* COALESCE(unaccent(<expr>), '') with the column quoted by the builder's one quoting function. */
static void search_term(tc_buf *b, const tc_model *m, const char *column, bool email_domain)
{
    tc_buf_adds(b, "COALESCE(");
    if (m->unaccent) {
        tc_sql_quote_ident(b, m->core_schema);
        tc_buf_adds(b, ".\"unaccent_immutable\"(");
    }
    if (email_domain)
        tc_buf_adds(b, "SPLIT_PART(");
    tc_sql_quote_ident(b, column);
    if (email_domain)
        tc_buf_adds(b, ", '@', 2)");
    if (m->unaccent)
        tc_buf_addc(b, ')');
    tc_buf_adds(b, ", '')");
}

static void separator(tc_buf *b, bool *first)
{
    if (!*first)
        tc_buf_adds(b, " || ' ' || ");
    *first = false;
}

/* Spec §8: PHONES index the number, the calling code, and three combined forms; never
 * unaccented. */
static void phone_terms(tc_buf *b, const char *field, bool *first)
{
    char number[2 * TC_NAME_BUF], code[2 * TC_NAME_BUF];
    tc_composite_column(field, "primaryPhoneNumber", number, sizeof(number));
    tc_composite_column(field, "primaryPhoneCallingCode", code, sizeof(code));
    for (int form = 0; form < 5; form++) {
        separator(b, first);
        tc_buf_adds(b, "COALESCE(");
        switch (form) {
        case 0: tc_sql_quote_ident(b, number); break;
        case 1: tc_sql_quote_ident(b, code); break;
        case 2:
            tc_sql_quote_ident(b, code);
            tc_buf_adds(b, " || ");
            tc_sql_quote_ident(b, number);
            break;
        case 3:
            tc_buf_adds(b, "REPLACE(");
            tc_sql_quote_ident(b, code);
            tc_buf_adds(b, ", '+', '') || ");
            tc_sql_quote_ident(b, number);
            break;
        default:
            tc_buf_adds(b, "'0' || ");
            tc_sql_quote_ident(b, number);
            break;
        }
        tc_buf_adds(b, ", '')");
    }
}

const char *tc_search_expression(const tc_model *m, const tc_object *o,
                                 const char *const *search_fields)
{
    tc_buf b;
    tc_buf_init(&b, 64 << 10);
    tc_buf_adds(&b, "to_tsvector('simple', ");
    bool first = true;
    for (const char *const *name = search_fields; name && *name; name++) {
        const tc_field *f = tc_object_field(o, *name);
        if (!f)
            continue;
        const tc_field_type_info *t = tc_field_type_info_of(f->type);
        if (f->type == TC_FT_PHONES) {
            phone_terms(&b, f->name, &first);
        } else if (t->kind == TC_KIND_COMPOSITE) {
            for (size_t i = 0; i < t->nsubfields; i++) {
                if (!t->subfields[i].searchable)
                    continue;
                char col[2 * TC_NAME_BUF];
                tc_composite_column(f->name, t->subfields[i].name, col, sizeof(col));
                separator(&b, &first);
                search_term(&b, m, col, false);
                if (f->type == TC_FT_EMAILS) {
                    tc_buf_adds(&b, " || ' ' || ");
                    search_term(&b, m, col, true);
                }
            }
        } else if (f->type == TC_FT_UUID) {
            /* A uuid is searched by its text, not unaccented (junction objects' id). */
            separator(&b, &first);
            tc_buf_adds(&b, "COALESCE(");
            tc_sql_quote_ident(&b, f->name);
            tc_buf_adds(&b, "::text, '')");
        } else {
            separator(&b, &first);
            search_term(&b, m, f->name, false);
        }
    }
    if (first)
        tc_buf_adds(&b, "''");
    tc_buf_addc(&b, ')');
    const char *r = tc_arena_strdup(m->arena, tc_buf_cstr(&b));
    tc_buf_fini(&b);
    return r;
}

/* --- standard objects --------------------------------------------------------------------------
 */

/* Options with an id on every entry (standard declarations leave them out). */
static const char *options_with_ids(tc_arena *a, const char *options, tc_err *e, const char *what)
{
    json_error_t jerr;
    json_t *j = json_loads(options, 0, &jerr);
    if (!json_is_array(j)) {
        json_decref(j);
        return tc_err_set(e, TC_E_INTERNAL, "%s: options are not a JSON array", what), NULL;
    }
    size_t i;
    json_t *opt;
    json_array_foreach(j, i, opt)
    {
        if (json_is_object(opt) && !json_object_get(opt, "id")) {
            char id[TC_UUID_STR_LEN + 1];
            new_id(id);
            json_object_set_new(opt, "id", json_string(id));
        }
    }
    const char *r = json_text(a, j);
    json_decref(j);
    return r;
}

/* settings of the declaration merged with the relation keys Twenty stores. */
static const char *relation_settings(tc_arena *a, const tc_std_field *d, const char *join_column,
                                     tc_err *e)
{
    json_error_t jerr;
    json_t *j = d->settings ? json_loads(d->settings, 0, &jerr) : json_object();
    if (!json_is_object(j)) {
        json_decref(j);
        return tc_err_set(e, TC_E_INTERNAL, "%s: settings are not a JSON object", d->name), NULL;
    }
    json_object_set_new(j, "relationType", json_string(relation_type_names[d->relation]));
    if (d->relation == TC_REL_MANY_TO_ONE) {
        json_object_set_new(j, "onDelete", json_string(on_delete_names[d->on_delete]));
        json_object_set_new(j, "joinColumnName", json_string(join_column));
    }
    const char *r = json_text(a, j);
    json_decref(j);
    return r;
}

tc_field *tc_field_from_decl(tc_model *m, tc_object *o, const tc_std_field *d, tc_err *e)
{
    tc_arena *a = m->arena;
    tc_field *f = tc_arena_calloc(a, 1, sizeof(*f));
    new_id(f->id);
    f->object = o;
    f->name = d->name;
    f->label = d->label ? d->label : d->name;
    f->description = d->description;
    f->icon = d->icon;
    f->type = d->type;
    f->is_nullable = !(d->flags & TC_STD_NOT_NULL);
    f->is_unique = (d->flags & TC_STD_UNIQUE) != 0;
    f->is_system = (d->flags & TC_STD_SYSTEM) != 0;
    f->is_ui_editable = !(d->flags & TC_STD_UI_READ_ONLY);
    f->is_active = true;
    f->default_value = d->default_value;
    f->settings = d->settings;
    f->relation = d->relation;
    f->on_delete = d->on_delete;
    f->morph_id = d->morph_id;
    if (d->options && !(f->options = options_with_ids(a, d->options, e, d->name)))
        return NULL;
    if (d->relation == TC_REL_MANY_TO_ONE)
        f->join_column = tc_arena_printf(a, "%sId", d->name);
    if (d->relation != TC_REL_NONE && !(f->settings = relation_settings(a, d, f->join_column, e)))
        return NULL;
    return f;
}

static const tc_std_field *own_field(const tc_std_object *so, const char *name)
{
    for (size_t i = 0; i < so->nfields; i++) {
        if (strcmp(so->fields[i].name, name) == 0)
            return &so->fields[i];
    }
    return NULL;
}

static int add_field(tc_model *m, tc_object *o, const tc_std_field *d, tc_err *e)
{
    tc_field *f = tc_field_from_decl(m, o, d, e);
    if (!f)
        return -1;
    tc_object_add_field(m, o, f);
    return 0;
}

static tc_object *object_from_std(tc_model *m, const tc_std_object *so, tc_err *e)
{
    tc_object *o = tc_arena_calloc(m->arena, 1, sizeof(*o));
    new_id(o->id);
    o->name_singular = so->name_singular;
    o->name_plural = so->name_plural;
    o->label_singular = so->label_singular;
    o->label_plural = so->label_plural;
    o->description = so->description;
    o->icon = so->icon;
    o->shortcut = so->shortcut;
    o->universal_identifier = so->universal_identifier;
    o->duplicate_criteria = so->duplicate_criteria;
    o->is_system = so->is_system;
    o->is_searchable = so->is_searchable;
    o->is_audit_logged = so->is_audit_logged;
    o->is_active = true;
    tc_table_name(so->name_singular, false, o->table, sizeof(o->table));
    /* System fields first, each replaced by the object's own field of the same name. */
    for (size_t i = 0; i < tc_std_system_fields_count; i++) {
        const tc_std_field *own = own_field(so, tc_std_system_fields[i].name);
        if (add_field(m, o, own ? own : &tc_std_system_fields[i], e) < 0)
            return NULL;
    }
    for (size_t i = 0; i < so->nfields; i++) {
        if (!tc_object_field(o, so->fields[i].name) && add_field(m, o, &so->fields[i], e) < 0)
            return NULL;
    }
    o->label_identifier = tc_object_field(o, so->label_identifier);
    if (!o->label_identifier)
        return tc_err_set(e, TC_E_INTERNAL, "%s: label identifier %s is not a field",
                          so->name_singular, so->label_identifier),
               NULL;
    tc_field *sv = tc_object_field(o, "searchVector");
    if (sv) {
        json_t *s = json_object();
        json_object_set_new(s, "asExpression",
                            json_string(tc_search_expression(m, o, so->search_fields)));
        json_object_set_new(s, "generatedType", json_string("STORED"));
        sv->settings = json_text(m->arena, s);
        json_decref(s);
    }
    return o;
}

/* Pairs every relation field with its inverse and checks that the pair agrees. */
static int resolve_relations(tc_model *m, tc_err *e)
{
    for (size_t i = 0; i < m->nobjects; i++) {
        tc_object *o = m->objects[i];
        for (size_t k = 0; k < o->nfields; k++) {
            tc_field *f = o->fields[k];
            if (f->relation == TC_REL_NONE)
                continue;
            const tc_std_object *so = NULL;
            for (size_t s = 0; s < tc_std_objects_count; s++) {
                if (strcmp(tc_std_objects[s].name_singular, o->name_singular) == 0)
                    so = &tc_std_objects[s];
            }
            const tc_std_field *d = so ? own_field(so, f->name) : NULL;
            tc_object *t = d ? tc_model_object(m, d->target) : NULL;
            tc_field *inv = t ? tc_object_field(t, d->inverse) : NULL;
            if (!inv || inv->relation == TC_REL_NONE || inv->relation == f->relation)
                return tc_err_set(e, TC_E_INTERNAL, "%s.%s: no matching inverse relation",
                                  o->name_singular, f->name);
            f->target_object = t;
            f->target_field = inv;
        }
    }
    return 0;
}

tc_index *tc_model_add_index(tc_model *m, tc_object *o, bool unique, tc_index_type type,
                             tc_field **fields, size_t n)
{
    tc_index *x = tc_arena_calloc(m->arena, 1, sizeof(*x));
    new_id(x->id);
    x->object = o;
    x->is_unique = unique;
    x->type = type;
    x->fields = tc_arena_alloc(m->arena, n * sizeof(*fields));
    memcpy(x->fields, fields, n * sizeof(*fields));
    x->nfields = n;
    const char *tokens[8];
    for (size_t i = 0; i < n && i < TC_COUNT(tokens); i++)
        tokens[i] = fields[i]->join_column ? fields[i]->join_column : fields[i]->name;
    tc_index_name(o->table, tokens, n, unique, NULL, x->name);
    tc_object_add_index(m, o, x);
    return x;
}

/* Twenty's standard indexes (spec §7): each join column, each unique field, the listed extra
 * fields, the searchVector (GIN), and (position, id) on objects that are not system objects. */
static void derive_indexes(tc_model *m, tc_object *o, const tc_std_object *so)
{
    for (size_t i = 0; i < o->nfields; i++) {
        tc_field *f = o->fields[i];
        if (f->relation == TC_REL_MANY_TO_ONE)
            tc_model_add_index(m, o, false, TC_INDEX_BTREE, &f, 1);
    }
    for (size_t i = 0; i < o->nfields; i++) {
        tc_field *f = o->fields[i];
        if (f->is_unique && f->type != TC_FT_UUID)
            tc_model_add_index(m, o, true, TC_INDEX_BTREE, &f, 1);
    }
    for (const char *const *name = so->indexed_fields; name && *name; name++) {
        tc_field *f = tc_object_field(o, *name);
        if (f)
            tc_model_add_index(m, o, false, TC_INDEX_BTREE, &f, 1);
    }
    tc_field *sv = tc_object_field(o, "searchVector");
    if (sv)
        tc_model_add_index(m, o, false, TC_INDEX_GIN, &sv, 1);
    tc_field *pos_id[2] = {tc_object_field(o, "position"), tc_object_field(o, "id")};
    if (!o->is_system && pos_id[0] && pos_id[1])
        tc_model_add_index(m, o, false, TC_INDEX_BTREE, pos_id, 2);
}

int tc_model_add_standard(tc_model *m, tc_err *e)
{
    for (size_t i = 0; i < tc_std_objects_count; i++) {
        tc_object *o = object_from_std(m, &tc_std_objects[i], e);
        if (!o)
            return -1;
        tc_model_add_object(m, o);
    }
    if (resolve_relations(m, e) < 0)
        return -1;
    for (size_t i = 0; i < m->nobjects; i++)
        derive_indexes(m, m->objects[i], &tc_std_objects[i]);
    return 0;
}
