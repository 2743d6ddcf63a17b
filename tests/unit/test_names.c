/* Twenty's naming rules: schema names (spec §5.1 examples), table and enum type names, index
 * names (spec §7 computed examples), object/field name validation (spec §5.3), and the
 * field-type registry's column naming. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/compiler.h"
#include "meta/field_types.h"
#include "meta/names.h"

static void test_schema_names(void **state)
{
    (void)state;
    static const struct {
        const char *id, *schema;
    } rows[] = {
        {"20202020-1c25-4d02-bf25-6aeccf7ea419", "workspace_1wgvd1injqtife6y4rvfbu3h5"},
        {"3b8e6458-5fc1-4e63-8563-008ccddaa6db", "workspace_3ixj3i1a5avy16ptijtb3lae3"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_uuid u;
        char out[TC_NAME_BUF];
        assert_int_equal(tc_uuid_parse(rows[i].id, strlen(rows[i].id), &u), 0);
        tc_schema_name(&u, out);
        assert_string_equal(out, rows[i].schema);
    }
}

static void test_table_and_enum_names(void **state)
{
    (void)state;
    char out[TC_NAME_BUF];
    assert_int_equal(tc_table_name("company", false, out, sizeof(out)), 0);
    assert_string_equal(out, "company");
    assert_int_equal(tc_table_name("rocket", true, out, sizeof(out)), 0);
    assert_string_equal(out, "_rocket");
    static const struct {
        const char *table, *column, *name;
    } rows[] = {
        {"opportunity", "stage", "opportunity_stage_enum"},
        {"task", "status", "task_status_enum"},
        {"company", "createdBySource", "company_createdBySource_enum"},
        {"_rocket", "status", "_rocket_status_enum"},
        {"a\"b;c", "d e", "abc_de_enum"}, /* removeSqlDDLInjection */
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        assert_int_equal(tc_enum_type_name(rows[i].table, rows[i].column, out, sizeof(out)), 0);
        assert_string_equal(out, rows[i].name);
    }
    char long_name[80];
    memset(long_name, 'a', 60);
    long_name[60] = '\0';
    assert_int_equal(tc_enum_type_name(long_name, "status", out, sizeof(out)), -1);
}

static void test_index_names(void **state)
{
    (void)state;
    static const struct {
        const char *table, *token;
        bool unique;
        const char *name;
    } rows[] = {
        {"company", "searchVector", false, "IDX_fb1f4905546cfc6d70a971c76f7"},
        {"company", "accountOwnerId", false, "IDX_f719a95179070eac397ba18dc70"},
        {"company", "domainName", true, "IDX_UNIQUE_2a32339058d0b6910b0834ddf81"},
        {"person", "emails", true, "IDX_UNIQUE_87914cd3ce963115f8cb943e2ac"},
        {"person", "companyId", false, "IDX_ae09ff97967369e0644bacc0fce"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char out[TC_NAME_BUF];
        const char *tokens[] = {rows[i].token};
        tc_index_name(rows[i].table, tokens, 1, rows[i].unique, NULL, out);
        assert_string_equal(out, rows[i].name);
    }
}

static void test_name_validation(void **state)
{
    (void)state;
    static const char *const valid[] = {"a", "company", "nameFirstName", "x1", "rocketLaunch2"};
    static const char *const invalid[] = {"",           "Company", "1abc", "snake_case",
                                          "with space", "é",       "a-b",  "user",
                                          "workspace",  "fields",  "index"};
    for (size_t i = 0; i < TC_COUNT(valid); i++)
        assert_null(tc_name_invalid(valid[i]));
    for (size_t i = 0; i < TC_COUNT(invalid); i++) {
        if (!tc_name_invalid(invalid[i]))
            fail_msg("\"%s\" accepted", invalid[i]);
    }
    char long_name[70];
    memset(long_name, 'a', 64);
    long_name[64] = '\0';
    assert_non_null(tc_name_invalid(long_name));
    long_name[63] = '\0';
    assert_null(tc_name_invalid(long_name));
}

static void test_field_types(void **state)
{
    (void)state;
    /* Every FieldMetadataType of spec §1 parses, names round-trip, composites have sub-fields. */
    static const char *const names[] = {
        "ACTOR",        "ADDRESS",  "ARRAY",     "BOOLEAN",      "CURRENCY", "DATE",
        "DATE_TIME",    "EMAILS",   "FILES",     "FULL_NAME",    "LINKS",    "MORPH_RELATION",
        "MULTI_SELECT", "NUMBER",   "NUMERIC",   "PHONES",       "POSITION", "RATING",
        "RAW_JSON",     "RELATION", "RICH_TEXT", "RICH_TEXT_V2", "SELECT",   "TEXT",
        "TS_VECTOR",    "UUID"};
    assert_int_equal(TC_COUNT(names), TC_FT_COUNT);
    for (size_t i = 0; i < TC_COUNT(names); i++) {
        tc_field_type t;
        assert_int_equal(tc_field_type_parse(names[i], &t), 0);
        const tc_field_type_info *info = tc_field_type_info_of(t);
        assert_string_equal(info->name, names[i]);
        assert_int_equal(info->kind == TC_KIND_COMPOSITE, info->nsubfields > 0);
        assert_true(info->kind == TC_KIND_COMPOSITE || info->kind == TC_KIND_ENUM ||
                    info->kind == TC_KIND_ENUM_ARRAY || info->sql_type != NULL);
    }
    tc_field_type t;
    assert_int_equal(tc_field_type_parse("LINK", &t), -1);
    /* spec §1.1 column examples */
    static const struct {
        const char *field, *sub, *column;
    } cols[] = {
        {"name", "firstName", "nameFirstName"},
        {"amount", "amountMicros", "amountAmountMicros"},
        {"address", "addressCity", "addressAddressCity"},
        {"domainName", "primaryLinkUrl", "domainNamePrimaryLinkUrl"},
        {"createdBy", "source", "createdBySource"},
        {"bodyV2", "blocknote", "bodyV2Blocknote"},
    };
    for (size_t i = 0; i < TC_COUNT(cols); i++) {
        char out[TC_NAME_BUF * 2];
        assert_int_equal(tc_composite_column(cols[i].field, cols[i].sub, out, sizeof(out)), 0);
        assert_string_equal(out, cols[i].column);
    }
    const tc_field_type_info *actor = tc_field_type_info_of(TC_FT_ACTOR);
    assert_int_equal(actor->nsubfields, 4);
    assert_string_equal(actor->subfields[0].name, "source");
    assert_true(actor->subfields[0].required);
    assert_non_null(actor->subfields[0].enum_values);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_names), cmocka_unit_test(test_table_and_enum_names),
        cmocka_unit_test(test_index_names),  cmocka_unit_test(test_name_validation),
        cmocka_unit_test(test_field_types),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
