/* The standard-object tables (meta/standard.h) checked as a whole: names, types, both sides of
 * every relation, morph groups, JSON of defaults/options/settings, search and index fields, and
 * spot checks against spec/twenty-datamodel.md §2, §3, §8. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "meta/standard.h"

/* The objects of spec §3.3-3.12, in the order workspace creation walks them. */
static const char *const expected_objects[] = {
    "company",    "person",     "opportunity",      "task",     "note",           "taskTarget",
    "noteTarget", "attachment", "timelineActivity", "favorite", "favoriteFolder", "workspaceMember",
};

static const tc_std_object *find_object(const char *name)
{
    for (size_t i = 0; i < tc_std_objects_count; i++)
        if (strcmp(tc_std_objects[i].name_singular, name) == 0)
            return &tc_std_objects[i];
    return NULL;
}

/* A field of the object as the workspace sees it: its own fields first, since an own field with
 * a system name replaces the system one (favorite.position). */
static const tc_std_field *find_field(const tc_std_object *o, const char *name)
{
    for (size_t i = 0; i < o->nfields; i++)
        if (strcmp(o->fields[i].name, name) == 0)
            return &o->fields[i];
    for (size_t i = 0; i < tc_std_system_fields_count; i++)
        if (strcmp(tc_std_system_fields[i].name, name) == 0)
            return &tc_std_system_fields[i];
    return NULL;
}

static int is_relation(const tc_std_field *f)
{
    return f->type == TC_FT_RELATION || f->type == TC_FT_MORPH_RELATION;
}

static void test_objects_in_order(void **state)
{
    (void)state;
    assert_int_equal(tc_std_objects_count, sizeof(expected_objects) / sizeof(expected_objects[0]));
    for (size_t i = 0; i < tc_std_objects_count; i++)
        assert_string_equal(tc_std_objects[i].name_singular, expected_objects[i]);
}

static void test_names_unique(void **state)
{
    (void)state;
    for (size_t i = 0; i < tc_std_objects_count; i++) {
        const tc_std_object *a = &tc_std_objects[i];
        assert_non_null(a->name_plural);
        assert_non_null(a->label_singular);
        assert_non_null(a->label_plural);
        assert_string_not_equal(a->name_singular, a->name_plural);
        for (size_t j = i + 1; j < tc_std_objects_count; j++) {
            const tc_std_object *b = &tc_std_objects[j];
            if (strcmp(a->name_singular, b->name_singular) == 0 ||
                strcmp(a->name_plural, b->name_plural) == 0 ||
                strcmp(a->name_singular, b->name_plural) == 0 ||
                strcmp(a->name_plural, b->name_singular) == 0)
                fail_msg("objects %s and %s share a name", a->name_singular, b->name_singular);
        }
        for (size_t k = 0; k < a->nfields; k++)
            for (size_t m = k + 1; m < a->nfields; m++)
                if (strcmp(a->fields[k].name, a->fields[m].name) == 0)
                    fail_msg("%s declares field %s twice", a->name_singular, a->fields[k].name);
    }
    for (size_t k = 0; k < tc_std_system_fields_count; k++)
        for (size_t m = k + 1; m < tc_std_system_fields_count; m++)
            assert_string_not_equal(tc_std_system_fields[k].name, tc_std_system_fields[m].name);
}

static void test_system_fields(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        tc_field_type type;
        unsigned flags; /* NOT_NULL and SYSTEM only */
        const char *default_value;
    } rows[] = {
        {"id", TC_FT_UUID, TC_STD_NOT_NULL | TC_STD_SYSTEM, "\"uuid\""},
        {"createdAt", TC_FT_DATE_TIME, TC_STD_NOT_NULL, "\"now\""},
        {"updatedAt", TC_FT_DATE_TIME, TC_STD_NOT_NULL, "\"now\""},
        {"deletedAt", TC_FT_DATE_TIME, 0, NULL},
        {"createdBy", TC_FT_ACTOR, TC_STD_NOT_NULL,
         "{\"source\":\"'MANUAL'\",\"name\":\"'System'\",\"workspaceMemberId\":null}"},
        {"updatedBy", TC_FT_ACTOR, TC_STD_NOT_NULL,
         "{\"source\":\"'MANUAL'\",\"name\":\"'System'\",\"workspaceMemberId\":null}"},
        {"position", TC_FT_POSITION, TC_STD_NOT_NULL | TC_STD_SYSTEM, "0"},
        {"searchVector", TC_FT_TS_VECTOR, TC_STD_SYSTEM, NULL},
    };
    assert_int_equal(tc_std_system_fields_count, sizeof(rows) / sizeof(rows[0]));
    for (size_t i = 0; i < tc_std_system_fields_count; i++) {
        const tc_std_field *f = &tc_std_system_fields[i];
        assert_string_equal(f->name, rows[i].name);
        assert_int_equal(f->type, rows[i].type);
        if ((f->flags & (TC_STD_NOT_NULL | TC_STD_SYSTEM)) != rows[i].flags)
            fail_msg("%s: flags %#x", f->name, f->flags);
        if (rows[i].default_value)
            assert_string_equal(f->default_value, rows[i].default_value);
        else
            assert_null(f->default_value);
    }
    for (size_t i = 1; i <= 3; i++) /* the three timestamps */
        assert_string_equal(tc_std_system_fields[i].settings, "{\"displayFormat\":\"RELATIVE\"}");

    static const char *const number_position[] = {"favorite", "favoriteFolder"};
    for (size_t i = 0; i < 2; i++) {
        const tc_std_field *f = find_field(find_object(number_position[i]), "position");
        assert_int_equal(f->type, TC_FT_NUMBER);
        assert_true(f->flags & TC_STD_NOT_NULL);
        assert_true(f->flags & TC_STD_SYSTEM);
        assert_string_equal(f->default_value, "0");
    }
}

static void test_label_identifier(void **state)
{
    (void)state;
    for (size_t i = 0; i < tc_std_objects_count; i++) {
        const tc_std_object *o = &tc_std_objects[i];
        assert_non_null(o->label_identifier);
        const tc_std_field *f = find_field(o, o->label_identifier);
        if (!f || is_relation(f))
            fail_msg("%s: label identifier %s is not a plain field", o->name_singular,
                     o->label_identifier);
    }
}

static void test_field_types(void **state)
{
    (void)state;
    for (size_t i = 0; i < tc_std_objects_count; i++) {
        const tc_std_object *o = &tc_std_objects[i];
        assert_non_null(o->fields);
        for (size_t k = 0; k < o->nfields; k++) {
            const tc_std_field *f = &o->fields[k];
            if ((int)f->type < 0 || f->type >= TC_FT_COUNT || !f->label || !*f->label)
                fail_msg("%s.%s: bad type or label", o->name_singular, f->name);
            if (is_relation(f)) {
                if (!f->target || !f->inverse || f->relation == TC_REL_NONE)
                    fail_msg("%s.%s: relation without target/inverse/type", o->name_singular,
                             f->name);
                if (f->default_value || f->options || (f->flags & TC_STD_UNIQUE))
                    fail_msg("%s.%s: relation with default/options/unique", o->name_singular,
                             f->name);
            } else if (f->target || f->inverse || f->relation != TC_REL_NONE || f->morph_id) {
                fail_msg("%s.%s: relation keys on a %d field", o->name_singular, f->name,
                         (int)f->type);
            }
        }
    }
}

static void test_relations_pair(void **state)
{
    (void)state;
    for (size_t i = 0; i < tc_std_objects_count; i++) {
        const tc_std_object *o = &tc_std_objects[i];
        for (size_t k = 0; k < o->nfields; k++) {
            const tc_std_field *f = &o->fields[k];
            if (!is_relation(f))
                continue;
            const tc_std_object *t = find_object(f->target);
            if (!t)
                fail_msg("%s.%s: target %s is not a standard object", o->name_singular, f->name,
                         f->target);
            const tc_std_field *inv = find_field(t, f->inverse);
            if (!inv || !is_relation(inv))
                fail_msg("%s.%s: inverse %s.%s missing or not a relation", o->name_singular,
                         f->name, f->target, f->inverse);
            if (strcmp(inv->target, o->name_singular) != 0 || strcmp(inv->inverse, f->name) != 0)
                fail_msg("%s.%s: inverse %s.%s points to %s.%s", o->name_singular, f->name,
                         f->target, f->inverse, inv->target, inv->inverse);
            /* exactly one side of the pair owns the join column */
            if (!((f->relation == TC_REL_MANY_TO_ONE && inv->relation == TC_REL_ONE_TO_MANY) ||
                  (f->relation == TC_REL_ONE_TO_MANY && inv->relation == TC_REL_MANY_TO_ONE)))
                fail_msg("%s.%s and %s.%s are not one MANY_TO_ONE and one ONE_TO_MANY",
                         o->name_singular, f->name, f->target, f->inverse);
            /* the ONE_TO_MANY side of a morph member is a plain relation */
            if (f->relation == TC_REL_ONE_TO_MANY && f->type != TC_FT_RELATION)
                fail_msg("%s.%s: ONE_TO_MANY side must be RELATION", o->name_singular, f->name);
        }
    }
}

/* No join column <name>Id may collide with another field of the object. */
static void test_join_columns_free(void **state)
{
    (void)state;
    char col[128];
    for (size_t i = 0; i < tc_std_objects_count; i++) {
        const tc_std_object *o = &tc_std_objects[i];
        for (size_t k = 0; k < o->nfields; k++) {
            if (o->fields[k].relation != TC_REL_MANY_TO_ONE)
                continue;
            snprintf(col, sizeof(col), "%sId", o->fields[k].name);
            if (find_field(o, col))
                fail_msg("%s: join column %s is also a field", o->name_singular, col);
        }
    }
}

static void test_morph_groups(void **state)
{
    (void)state;
    for (size_t i = 0; i < tc_std_objects_count; i++) {
        const tc_std_object *o = &tc_std_objects[i];
        const char *morph = NULL;
        for (size_t k = 0; k < o->nfields; k++) {
            const tc_std_field *f = &o->fields[k];
            if (f->type != TC_FT_MORPH_RELATION)
                continue;
            if (f->relation != TC_REL_MANY_TO_ONE || !f->morph_id || strlen(f->morph_id) != 36)
                fail_msg("%s.%s: morph member without MANY_TO_ONE or morph id", o->name_singular,
                         f->name);
            if (morph && strcmp(morph, f->morph_id) != 0)
                fail_msg("%s.%s: morph id %s, group has %s", o->name_singular, f->name, f->morph_id,
                         morph);
            morph = f->morph_id;
            /* member name = target + capitalised target object name (spec §1.4) */
            char want[128];
            snprintf(want, sizeof(want), "target%c%s", f->target[0] - 'a' + 'A', f->target + 1);
            assert_string_equal(f->name, want);
        }
    }
}

static json_t *parse_or_fail(const char *where, const char *name, const char *what,
                             const char *text)
{
    json_error_t err;
    json_t *j = json_loads(text, JSON_DECODE_ANY, &err);
    if (!j)
        fail_msg("%s.%s: %s does not parse (%s): %s", where, name, what, err.text, text);
    return j;
}

static void check_field_json(const char *where, const tc_std_field *f, const regex_t *value_re)
{
    if (f->default_value)
        json_decref(parse_or_fail(where, f->name, "default", f->default_value));
    if (f->settings) {
        json_t *s = parse_or_fail(where, f->name, "settings", f->settings);
        if (!json_is_object(s))
            fail_msg("%s.%s: settings is not an object", where, f->name);
        json_decref(s);
    }
    int is_select = f->type == TC_FT_SELECT || f->type == TC_FT_MULTI_SELECT;
    if (is_select != (f->options != NULL))
        fail_msg("%s.%s: options present iff SELECT/MULTI_SELECT", where, f->name);
    if (!f->options)
        return;
    json_t *opts = parse_or_fail(where, f->name, "options", f->options);
    if (!json_is_array(opts) || json_array_size(opts) == 0)
        fail_msg("%s.%s: options is not a non-empty array", where, f->name);
    int default_found = f->default_value == NULL;
    for (size_t i = 0; i < json_array_size(opts); i++) {
        json_t *opt = json_array_get(opts, i);
        const char *value = json_string_value(json_object_get(opt, "value"));
        const char *label = json_string_value(json_object_get(opt, "label"));
        json_t *pos = json_object_get(opt, "position");
        if (!value || !label || !*label || !json_is_integer(pos) ||
            json_integer_value(pos) != (json_int_t)i)
            fail_msg("%s.%s: option %zu lacks value/label/position %zu", where, f->name, i, i);
        if (regexec(value_re, value, 0, NULL, 0) != 0 || strstr(value, "__") || strlen(value) > 63)
            fail_msg("%s.%s: option value %s is not a valid enum value", where, f->name, value);
        for (size_t j = 0; j < i; j++)
            if (strcmp(value,
                       json_string_value(json_object_get(json_array_get(opts, j), "value"))) == 0)
                fail_msg("%s.%s: option value %s twice", where, f->name, value);
        char quoted[80];
        snprintf(quoted, sizeof(quoted), "\"'%s'\"", value);
        if (f->default_value && strcmp(f->default_value, quoted) == 0)
            default_found = 1;
    }
    if (!default_found)
        fail_msg("%s.%s: default %s is not one of the options", where, f->name, f->default_value);
    json_decref(opts);
}

static void test_json(void **state)
{
    (void)state;
    regex_t value_re;
    assert_int_equal(regcomp(&value_re, "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", REG_EXTENDED | REG_NOSUB),
                     0);
    for (size_t k = 0; k < tc_std_system_fields_count; k++)
        check_field_json("(system)", &tc_std_system_fields[k], &value_re);
    for (size_t i = 0; i < tc_std_objects_count; i++) {
        const tc_std_object *o = &tc_std_objects[i];
        for (size_t k = 0; k < o->nfields; k++)
            check_field_json(o->name_singular, &o->fields[k], &value_re);
        if (o->duplicate_criteria) {
            json_t *d = parse_or_fail(o->name_singular, "(object)", "duplicateCriteria",
                                      o->duplicate_criteria);
            if (!json_is_array(d))
                fail_msg("%s: duplicateCriteria is not an array", o->name_singular);
            for (size_t g = 0; g < json_array_size(d); g++) {
                json_t *group = json_array_get(d, g);
                if (!json_is_array(group) || json_array_size(group) == 0)
                    fail_msg("%s: duplicateCriteria group %zu", o->name_singular, g);
                for (size_t c = 0; c < json_array_size(group); c++)
                    if (!json_is_string(json_array_get(group, c)))
                        fail_msg("%s: duplicateCriteria column not a string", o->name_singular);
            }
            json_decref(d);
        }
    }
    regfree(&value_re);
}

/* Spec §8's searchable types, plus UUID for the junction objects, which search their id. */
static int is_searchable_type(tc_field_type t)
{
    return t == TC_FT_UUID || t == TC_FT_TEXT || t == TC_FT_FULL_NAME || t == TC_FT_EMAILS || t == TC_FT_ADDRESS ||
           t == TC_FT_LINKS || t == TC_FT_PHONES || t == TC_FT_RICH_TEXT || t == TC_FT_RICH_TEXT_V2;
}

static void test_search_and_index_fields(void **state)
{
    (void)state;
    for (size_t i = 0; i < tc_std_objects_count; i++) {
        const tc_std_object *o = &tc_std_objects[i];
        for (const char *const *s = o->search_fields; s && *s; s++) {
            const tc_std_field *f = find_field(o, *s);
            if (!f || !is_searchable_type(f->type))
                fail_msg("%s: search field %s missing or not searchable", o->name_singular, *s);
        }
        for (const char *const *s = o->indexed_fields; s && *s; s++) {
            const tc_std_field *f = find_field(o, *s);
            if (!f || is_relation(f))
                fail_msg("%s: indexed field %s missing or a relation", o->name_singular, *s);
        }
    }

    /* spec §8, in order */
    static const struct {
        const char *object;
        const char *fields[5];
    } rows[] = {
        {"company", {"name", "domainName"}},
        {"person", {"name", "emails", "phones", "jobTitle"}},
        {"opportunity", {"name"}},
        {"task", {"title", "bodyV2"}},
        {"note", {"title", "bodyV2"}},
        {"attachment", {"name"}},
        {"timelineActivity", {"name"}},
        {"workspaceMember", {"name", "userEmail"}},
        {"taskTarget", {"id"}}, /* spec §8: junctions list id */
        {"noteTarget", {"id"}},
        {"favorite", {NULL}},
        {"favoriteFolder", {NULL}},
    };
    for (size_t r = 0; r < sizeof(rows) / sizeof(rows[0]); r++) {
        const tc_std_object *o = find_object(rows[r].object);
        assert_non_null(o);
        size_t n = 0;
        for (const char *const *s = o->search_fields; s && *s; s++, n++)
            if (!rows[r].fields[n] || strcmp(*s, rows[r].fields[n]) != 0)
                fail_msg("%s: search field %zu is %s", rows[r].object, n, *s);
        if (rows[r].fields[n])
            fail_msg("%s: search field %s missing", rows[r].object, rows[r].fields[n]);
    }
    const tc_std_object *opp = find_object("opportunity");
    assert_non_null(opp->indexed_fields);
    assert_string_equal(opp->indexed_fields[0], "stage");
    assert_null(opp->indexed_fields[1]);
}

static void test_unique_fields(void **state)
{
    (void)state;
    static const char *const rows[][2] = {
        {"company", "domainName"}, {"person", "emails"}, {"workspaceMember", "userEmail"}};
    size_t unique = 0;
    for (size_t i = 0; i < tc_std_objects_count; i++)
        for (size_t k = 0; k < tc_std_objects[i].nfields; k++)
            if (tc_std_objects[i].fields[k].flags & TC_STD_UNIQUE)
                unique++;
    assert_int_equal(unique, 3);
    for (size_t r = 0; r < 3; r++) {
        const tc_std_field *f = find_field(find_object(rows[r][0]), rows[r][1]);
        assert_non_null(f);
        assert_true(f->flags & TC_STD_UNIQUE);
    }
}

static void test_spot_checks(void **state)
{
    (void)state;
    const tc_std_object *company = find_object("company");
    assert_true(company->nfields >= 12);
    assert_string_equal(company->universal_identifier, "20202020-b374-4779-a561-80086cb2e17f");
    assert_string_equal(company->shortcut, "C");
    assert_true(company->is_searchable && company->is_audit_logged && !company->is_system);
    const tc_std_field *owner = find_field(company, "accountOwner");
    assert_int_equal(owner->relation, TC_REL_MANY_TO_ONE);
    assert_int_equal(owner->on_delete, TC_ON_DELETE_SET_NULL);
    assert_string_equal(owner->target, "workspaceMember");
    assert_string_equal(find_field(company, "idealCustomerProfile")->default_value, "false");

    const tc_std_field *stage = find_field(find_object("opportunity"), "stage");
    assert_int_equal(stage->type, TC_FT_SELECT);
    assert_true(stage->flags & TC_STD_NOT_NULL);
    assert_string_equal(stage->default_value, "\"'NEW'\"");
    json_t *opts = json_loads(stage->options, 0, NULL);
    assert_non_null(opts);
    assert_int_equal(json_array_size(opts), 5);
    static const char *const stages[] = {"NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER"};
    static const char *const colors[] = {"red", "purple", "sky", "turquoise", "yellow"};
    for (size_t i = 0; i < 5; i++) {
        json_t *o = json_array_get(opts, i);
        assert_string_equal(json_string_value(json_object_get(o, "value")), stages[i]);
        assert_string_equal(json_string_value(json_object_get(o, "color")), colors[i]);
    }
    json_decref(opts);

    const tc_std_object *tt = find_object("taskTarget");
    static const char *const members[][2] = {{"targetPerson", "person"},
                                             {"targetCompany", "company"},
                                             {"targetOpportunity", "opportunity"}};
    for (size_t i = 0; i < 3; i++) {
        const tc_std_field *f = find_field(tt, members[i][0]);
        assert_non_null(f);
        assert_int_equal(f->type, TC_FT_MORPH_RELATION);
        assert_int_equal(f->relation, TC_REL_MANY_TO_ONE);
        assert_string_equal(f->morph_id, "20202020-f636-435d-ab8d-e1168b375c71");
        assert_string_equal(f->target, members[i][1]);
        assert_string_equal(f->inverse, "taskTargets");
    }
    const tc_std_field *task = find_field(tt, "task");
    assert_int_equal(task->type, TC_FT_RELATION);
    assert_string_equal(task->inverse, "taskTargets");

    /* company.taskTargets is the ONE_TO_MANY side of the morph member */
    const tc_std_field *ct = find_field(company, "taskTargets");
    assert_int_equal(ct->type, TC_FT_RELATION);
    assert_int_equal(ct->relation, TC_REL_ONE_TO_MANY);
    assert_string_equal(ct->inverse, "targetCompany");
    assert_string_equal(find_field(company, "favorites")->inverse, "company");

    assert_string_equal(find_field(find_object("noteTarget"), "targetPerson")->morph_id,
                        "20202020-f635-435d-ab8d-e1168b375c70");
    const tc_std_object *att = find_object("attachment");
    assert_string_equal(find_field(att, "targetCompany")->morph_id,
                        "20202020-f634-435d-ab8d-e1168b375c69");
    assert_int_equal(find_field(att, "file")->type, TC_FT_FILES);
    assert_null(find_field(att, "fullPath"));
    assert_null(find_field(att, "fileCategory"));
    assert_int_equal(find_field(find_object("person"), "avatarFile")->type, TC_FT_FILES);

    const tc_std_object *tl = find_object("timelineActivity");
    assert_false(tl->is_audit_logged);
    assert_string_equal(find_field(tl, "targetNote")->morph_id,
                        "20202020-9a2b-4c3d-a4e5-f6a7b8c9d0e1");
    assert_int_equal(find_field(tl, "targetOpportunity")->on_delete, TC_ON_DELETE_SET_NULL);

    const tc_std_object *wm = find_object("workspaceMember");
    assert_string_equal(find_field(wm, "locale")->default_value, "\"'en'\"");
    assert_string_equal(find_field(wm, "calendarStartDay")->default_value, "7");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_objects_in_order),
        cmocka_unit_test(test_names_unique),
        cmocka_unit_test(test_system_fields),
        cmocka_unit_test(test_label_identifier),
        cmocka_unit_test(test_field_types),
        cmocka_unit_test(test_relations_pair),
        cmocka_unit_test(test_join_columns_free),
        cmocka_unit_test(test_morph_groups),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_search_and_index_fields),
        cmocka_unit_test(test_unique_fields),
        cmocka_unit_test(test_spot_checks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
