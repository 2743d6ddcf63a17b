/* Record input (query/input.h) against the standard model plus custom company fields: each
 * field type's accepted shapes and the column text they become, and each refusal with Twenty's
 * data-arg processor message (rows from its failing-inputs snapshot). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "query/input.h"

static tc_model *model;
static tc_arena *arena;

static const tc_std_field custom[] = {
    {.name = "tags",
     .type = TC_FT_MULTI_SELECT,
     .label = "Tags",
     .icon = "IconTag",
     .options = "[{\"value\":\"VIP\",\"label\":\"VIP\",\"position\":0,\"color\":\"red\"},"
                "{\"value\":\"NEW\",\"label\":\"New\",\"position\":1,\"color\":\"blue\"}]"},
    {.name = "rating",
     .type = TC_FT_RATING,
     .label = "Rating",
     .icon = "IconStar",
     .options = "[{\"value\":\"RATING_1\",\"label\":\"1\",\"position\":0,\"color\":\"red\"}]"},
    {.name = "founded", .type = TC_FT_DATE, .label = "Founded", .icon = "IconCalendar"},
    {.name = "aliases", .type = TC_FT_ARRAY, .label = "Aliases", .icon = "IconList"},
    {.name = "extra", .type = TC_FT_RAW_JSON, .label = "Extra", .icon = "IconJson"},
    {.name = "revenue", .type = TC_FT_NUMERIC, .label = "Revenue", .icon = "IconCoin"},
    {.name = "ref", .type = TC_FT_UUID, .label = "Ref", .icon = "IconKey"},
    {.name = "code",
     .type = TC_FT_TEXT,
     .label = "Code",
     .icon = "IconKey",
     .flags = TC_STD_NOT_NULL},
};

static int setup(void **state)
{
    (void)state;
    tc_uuid ws;
    tc_err e;
    tc_uuid_parse("20202020-1c25-4d02-bf25-6aeccf7ea419", 36, &ws);
    model = tc_model_new(&ws, "core", false);
    if (tc_model_add_standard(model, &e) != 0)
        return -1;
    tc_object *o = tc_model_object(model, "company");
    for (size_t i = 0; i < TC_COUNT(custom); i++) {
        tc_field *f = tc_field_from_decl(model, o, &custom[i], &e);
        if (!f)
            return -1;
        tc_object_add_field(model, o, f);
    }
    arena = tc_arena_new(4096);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tc_arena_free(arena);
    tc_model_free(model);
    return 0;
}

static int check(const char *object, const char *json, tc_input_mode mode, tc_record_input *in,
                 tc_err *e)
{
    json_error_t jerr;
    json_t *body = json_loads(json, 0, &jerr);
    assert_non_null(body);
    tc_err_clear(e);
    int rc = tc_input_record(arena, NULL, tc_model_object(model, object), body, mode, in, e);
    json_decref(body);
    return rc;
}

/* The text in gives column, or "<unset>" / "<null>". */
static const char *column(const tc_record_input *in, const char *name)
{
    for (size_t i = 0; i < in->n; i++)
        if (strcmp(in->items[i].column, name) == 0)
            return in->items[i].value ? in->items[i].value : "<null>";
    return "<unset>";
}

static void test_accepted(void **state)
{
    (void)state;
    static const struct {
        const char *object, *json, *column, *text;
    } rows[] = {
        {"company", "{\"name\":\"Acme\"}", "name", "Acme"},
        {"company", "{\"employees\":12}", "employees", "12"},
        {"company", "{\"employees\":1.5}", "employees", "1.5"},
        {"company", "{\"employees\":null}", "employees", "<null>"},
        {"company", "{\"idealCustomerProfile\":false}", "idealCustomerProfile", "false"},
        {"company", "{\"domainName\":{\"primaryLinkUrl\":\"https://WWW.Acme.COM/\"}}",
         "domainNamePrimaryLinkUrl", "https://www.acme.com"},
        {"company", "{\"domainName\":{\"primaryLinkUrl\":\"Acme.COM/Path/\"}}",
         "domainNamePrimaryLinkUrl", "acme.com/Path"},
        {"company", "{\"domainName\":{\"secondaryLinks\":[{\"url\":\"HTTP://X.IO/\"}]}}",
         "domainNameSecondaryLinks", "[{\"url\":\"http://x.io\"}]"},
        {"company", "{\"annualRecurringRevenue\":{\"amountMicros\":\"1500000\"}}",
         "annualRecurringRevenueAmountMicros", "1500000"},
        {"company", "{\"accountOwnerId\":\"20202020-0687-4c41-b707-ed1bfca972a7\"}",
         "accountOwnerId", "20202020-0687-4c41-b707-ed1bfca972a7"},
        {"company", "{\"accountOwner\":null}", "accountOwnerId", "<null>"},
        {"company",
         "{\"accountOwner\":{\"connect\":{\"where\":{\"id\":"
         "\"20202020-0687-4c41-b707-ed1bfca972a7\"}}}}",
         "accountOwnerId", "20202020-0687-4c41-b707-ed1bfca972a7"},
        {"company", "{\"tags\":[\"VIP\",\"NEW\"]}", "tags", "{\"VIP\",\"NEW\"}"},
        {"company", "{\"rating\":\"RATING_1\"}", "rating", "RATING_1"},
        {"company", "{\"founded\":\"2024-02-29\"}", "founded", "2024-02-29"},
        {"company", "{\"aliases\":[\"a\\\"b\",\"c\\\\d\"]}", "aliases", "{\"a\\\"b\",\"c\\\\d\"}"},
        {"company", "{\"extra\":{\"k\":[1,2]}}", "extra", "{\"k\":[1,2]}"},
        {"company", "{\"extra\":\"{\\\"k\\\":1}\"}", "extra", "{\"k\":1}"},
        {"company", "{\"revenue\":\"-12.50\"}", "revenue", "-12.50"},
        {"company", "{\"position\":3}", "position", "3"},
        {"company", "{\"id\":null}", "id", "<unset>"},
        {"person", "{\"emails\":{\"primaryEmail\":\"Ada@Example.COM\"}}", "emailsPrimaryEmail",
         "ada@example.com"},
        {"person", "{\"emails\":{\"additionalEmails\":[\"B@X.io\"]}}", "emailsAdditionalEmails",
         "[\"b@x.io\"]"},
        {"person", "{\"name\":null}", "nameFirstName", "<null>"},
        {"opportunity", "{\"stage\":\"MEETING\"}", "stage", "MEETING"},
        {"opportunity", "{\"closeDate\":\"2024-01-15T10:30:00Z\"}", "closeDate",
         "2024-01-15T10:30:00Z"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_record_input in;
        tc_err e;
        int rc = check(rows[i].object, rows[i].json, TC_INPUT_CREATE, &in, &e);
        if (rc != 0)
            fail_msg("%s: %s", rows[i].json, e.message);
        assert_string_equal(column(&in, rows[i].column), rows[i].text);
    }
}

static void test_refused(void **state)
{
    (void)state;
    static const struct {
        const char *object, *json, *message;
    } rows[] = {
        {"company", "{\"nope\":1}", "Object company doesn't have any \"nope\" field."},
        {"company", "{\"searchVector\":\"x\"}",
         "Object company doesn't have any \"searchVector\" field."},
        {"company", "{\"ref\":\"non-uuid\"}", "Invalid UUID value 'non-uuid' for field \"ref\""},
        {"company", "{\"ref\":{}}", "Invalid UUID value {} for field \"ref\""},
        {"company", "{\"ref\":[]}", "Invalid UUID value [] for field \"ref\""},
        {"company", "{\"ref\":true}", "Invalid UUID value true for field \"ref\""},
        {"company", "{\"ref\":1}", "Invalid UUID value 1 for field \"ref\""},
        {"company", "{\"name\":{}}", "Invalid string value {} for text field \"name\""},
        {"company", "{\"name\":1}", "Invalid string value 1 for text field \"name\""},
        {"company", "{\"employees\":\"string\"}",
         "Invalid number value 'string' for field \"employees\""},
        {"company", "{\"employees\":[]}", "Invalid number value [] for field \"employees\""},
        {"company", "{\"revenue\":\"not-a-number\"}",
         "Invalid number value NaN for field \"revenue\""},
        {"company", "{\"idealCustomerProfile\":\"string\"}",
         "Invalid boolean value 'string' for field \"idealCustomerProfile\""},
        {"company", "{\"idealCustomerProfile\":1}",
         "Invalid boolean value 1 for field \"idealCustomerProfile\""},
        {"company", "{\"founded\":\"2024-13-01\"}",
         "Invalid value '2024-13-01' for date field \"founded\". Expected format: 'YYYY-MM-DD'"},
        {"company", "{\"founded\":\"2024-01\"}",
         "Invalid value '2024-01' for date field \"founded\". Expected format: 'YYYY-MM-DD'"},
        {"company", "{\"createdAt\":\"2024-01-15T25:30:00Z\"}",
         "Invalid value '2024-01-15T25:30:00Z' for date-time field \"createdAt\". Expected "
         "format: 'YYYY-MM-DDTHH:mm:ssZ'"},
        {"company", "{\"position\":\"not-a-position\"}",
         "Invalid position value 'not-a-position' for field \"position\""},
        {"company", "{\"position\":{}}", "Invalid position value {} for field \"position\""},
        {"company", "{\"rating\":\"not-a-rating\"}",
         "Invalid value 'not-a-rating' for field \"rating\""},
        {"company", "{\"rating\":1}", "Invalid string value 1 for text field \"rating\""},
        {"company", "{\"tags\":\"not-a-select-option\"}",
         "Invalid value 'not-a-select-option' for multi select field \"tags\""},
        {"company", "{\"tags\":true}",
         "Invalid value true for field \"tags - Array values need to be string\""},
        {"company", "{\"tags\":[\"VIP\",\"OLD\"]}",
         "Invalid value 'OLD' for multi select field \"tags\""},
        {"company", "{\"aliases\":1}",
         "Invalid value 1 for field \"aliases - Array values need to be string\""},
        {"company", "{\"extra\":\"not-a-json\"}",
         "Invalid object value 'not-a-json' for field \"extra\""},
        {"company", "{\"domainName\":\"not-a-link\"}",
         "Invalid object value 'not-a-link' for field \"domainName\""},
        {"company", "{\"address\":1}", "Invalid object value 1 for field \"address\""},
        {"company", "{\"annualRecurringRevenue\":true}",
         "Invalid object value true for field \"annualRecurringRevenue\""},
        {"company", "{\"people\":[]}",
         "One-to-many relation people field does not support write operations."},
        {"company", "{\"accountOwner\":\"x\"}",
         "Relation \"accountOwner\" requires connect or disconnect operation"},
        {"company", "{\"accountOwnerId\":\"non-uuid\"}",
         "Invalid UUID value 'non-uuid' for field \"accountOwnerId\""},
        {"company", "{\"code\":null}", "Field code is not nullable and has no default value."},
        {"person", "{\"emails\":\"not-an-email\"}",
         "Invalid object value 'not-an-email' for field \"emails\""},
        {"person", "{\"emails\":{\"primaryEmail\":\"not-an-email\"}}",
         "Invalid string value 'not-an-email' for email field \"emails.primaryEmail\""},
        {"person", "{\"emails\":{\"additionalEmails\":\"not-an-email\"}}",
         "Invalid string value 'not-an-email' for email field \"emails.additionalEmails\""},
        {"person", "{\"emails\":{\"additionalEmails\":[\"a@b.co\",\"not-an-email\"]}}",
         "Invalid string value 'not-an-email' for email field \"emails.additionalEmails\""},
        {"person", "{\"name\":\"not-a-full-name\"}",
         "Invalid object value 'not-a-full-name' for field \"name\""},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_record_input in;
        tc_err e;
        int rc = check(rows[i].object, rows[i].json, TC_INPUT_CREATE, &in, &e);
        if (rc == 0)
            fail_msg("%s was accepted", rows[i].json);
        assert_int_equal(e.code, TC_E_BAD_REQUEST);
        assert_string_equal(e.reason, "INVALID_ARGS_DATA");
        assert_string_equal(e.message, rows[i].message);
    }
}

static void test_update_mode_and_bookkeeping(void **state)
{
    (void)state;
    tc_record_input in;
    tc_err e;
    assert_int_equal(check("company", "{\"id\":\"20202020-0687-4c41-b707-ed1bfca972a7\"}",
                           TC_INPUT_UPDATE, &in, &e),
                     -1);
    assert_int_equal(check("company",
                           "{\"id\":\"20202020-0687-4c41-b707-ed1bfca972a7\",\"name\":\"x\","
                           "\"position\":1,\"createdBy\":{\"source\":\"IMPORT\",\"name\":\"csv\"}}",
                           TC_INPUT_CREATE, &in, &e),
                     0);
    assert_string_equal(in.id, "20202020-0687-4c41-b707-ed1bfca972a7");
    assert_true(in.sets_position);
    assert_true(in.sets_created_by);
    assert_int_equal(in.nfields, 4);
    assert_string_equal(in.fields[1]->name, "name");
    /* a relation given twice keeps the last value, in one column */
    assert_int_equal(check("company",
                           "{\"accountOwnerId\":\"20202020-0687-4c41-b707-ed1bfca972a7\","
                           "\"accountOwner\":null}",
                           TC_INPUT_UPDATE, &in, &e),
                     0);
    assert_int_equal(in.n, 1);
    assert_string_equal(column(&in, "accountOwnerId"), "<null>");
    /* an unknown actor source is refused */
    assert_int_equal(
        check("company", "{\"createdBy\":{\"source\":\"ROBOT\"}}", TC_INPUT_CREATE, &in, &e), -1);
    assert_string_equal(e.message, "Invalid value 'ROBOT' for field \"createdBy.source\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accepted),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_update_mode_and_bookkeeping),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
