/* groupBy arguments (query/group.h) against the standard model plus a few custom company fields:
 * group_by, aggregate and order_by accepted and refused with Twenty's reason codes, and the
 * statement's shape: identifiers quoted, time zones and the limit as bind parameters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "query/group.h"

static tc_model *model;
static tc_arena *arena;
static const tc_object *company;

static const tc_std_field custom[] = {
    {.name = "tags",
     .type = TC_FT_MULTI_SELECT,
     .label = "Tags",
     .icon = "IconTag",
     .options = "[{\"value\":\"VIP\",\"label\":\"VIP\",\"position\":0,\"color\":\"red\"}]"},
    {.name = "founded", .type = TC_FT_DATE, .label = "Founded", .icon = "IconCalendar"},
    {.name = "aliases", .type = TC_FT_ARRAY, .label = "Aliases", .icon = "IconList"},
    {.name = "extra", .type = TC_FT_RAW_JSON, .label = "Extra", .icon = "IconJson"},
    {.name = "revenue", .type = TC_FT_NUMERIC, .label = "Revenue", .icon = "IconCoin"},
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
    company = o;
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

/* group_by (object company unless o is given): 0, or the reason of the 400. */
typedef struct by_case {
    const char *object;
    const char *text;
    const char *reason;  /* NULL: accepted */
    const char *message; /* a prefix of the expected message, or NULL */
} by_case;

static const by_case by_cases[] = {
    {NULL, "[{\"name\":true}]", NULL, NULL},
    {NULL, "[]", NULL, NULL},
    {NULL, "[{\"address\":{\"addressCity\":true}},{\"employees\":true}]", NULL, NULL},
    {NULL, "[{\"createdAt\":{\"granularity\":\"MONTH\",\"timeZone\":\"Europe/Paris\"}}]", NULL,
     NULL},
    {NULL, "[{\"createdAt\":{\"granularity\":\"DAY_OF_THE_WEEK\"}}]", NULL, NULL},
    {NULL, "[{\"createdAt\":{\"granularity\":\"NONE\"}}]", NULL, NULL},
    {NULL, "[{\"founded\":{\"granularity\":\"YEAR\"}}]", NULL, NULL},
    {NULL, "[{\"tags\":{\"unnest\":true}}]", NULL, NULL},
    {NULL, "[{\"accountOwnerId\":true}]", NULL, NULL},
    {NULL, "[{\"accountOwner\":{\"name\":{\"firstName\":true}}}]", NULL, NULL},
    {NULL, "[{\"createdBy\":{\"source\":true}}]", "INVALID_QUERY_INPUT",
     "Field \"createdBy\" is not supported in groupBy"},
    {"person", "[{\"company\":{\"createdAt\":{\"granularity\":\"YEAR\",\"timeZone\":\"UTC\"}}}]",
     NULL, NULL},
    {NULL, NULL, "INVALID_GROUP_BY_QUERY_PARAM", "Invalid group_by query parameter"},
    {NULL, "", "INVALID_GROUP_BY_QUERY_PARAM", NULL},
    {NULL, "[{\"name\":true}", "INVALID_GROUP_BY_QUERY_PARAM", NULL},
    {NULL, "{\"name\":true}", "INVALID_GROUP_BY_QUERY_PARAM", NULL},
    {NULL, "[\"name\"]", "INVALID_GROUP_BY_QUERY_PARAM", NULL},
    {NULL, "[{}]", "INVALID_GROUP_BY_QUERY_PARAM", NULL},
    {NULL,
     "[{\"a\":true},{\"a\":true},{\"a\":true},{\"a\":true},{\"a\":true},{\"a\":true},"
     "{\"a\":true},{\"a\":true},{\"a\":true}]",
     "INVALID_GROUP_BY_QUERY_PARAM", "Invalid group_by query parameter - at most 8"},
    {NULL, "[{\"nope\":true}]", "INVALID_QUERY_INPUT", "Unidentified field in groupBy: nope"},
    {NULL, "[{\"name\\\"; DROP TABLE x; --\":true}]", "INVALID_QUERY_INPUT",
     "Unidentified field in groupBy: name\"; DROP"},
    {NULL, "[{\"name\":true,\"employees\":true}]", "INVALID_QUERY_INPUT",
     "You cannot provide multiple fields"},
    {NULL, "[{\"extra\":true}]", "INVALID_QUERY_INPUT", "Field \"extra\" is not supported"},
    {NULL, "[{\"position\":true}]", "INVALID_QUERY_INPUT", NULL},
    {NULL, "[{\"id\":true}]", "INVALID_QUERY_INPUT", NULL},
    {NULL, "[{\"people\":{\"city\":true}}]", "INVALID_QUERY_INPUT", NULL},
    {NULL, "[{\"address\":true}]", "INVALID_QUERY_INPUT", "Composite field \"address\" requires"},
    {NULL, "[{\"address\":{\"addressLat\":true,\"addressLng\":true}}]", "INVALID_QUERY_INPUT",
     "You cannot provide multiple subfields"},
    {NULL, "[{\"address\":{\"nope\":true}}]", "INVALID_QUERY_INPUT",
     "Composite subfield \"nope\" is not supported in groupBy for \"address\""},
    {NULL, "[{\"address\":{\"addressCity\":1}}]", "INVALID_QUERY_INPUT",
     "Composite subfield \"addressCity\" must be set to true"},
    {NULL, "[{\"name\":{\"x\":true}}]", "INVALID_QUERY_INPUT",
     "Field \"name\" does not support nested subfields"},
    {NULL, "[{\"name\":\"yes\"}]", "INVALID_QUERY_INPUT", "Invalid groupBy definition"},
    {NULL, "[{\"name\":{\"unnest\":true}}]", "INVALID_QUERY_INPUT",
     "Field \"name\" does not support unnest"},
    {NULL, "[{\"createdAt\":{\"granularity\":\"DAY\"}}]", "MISSING_TIMEZONE_FOR_DATE_GROUP_BY",
     "Time zone should be specified"},
    {NULL, "[{\"createdAt\":{\"granularity\":\"WEEK\",\"timeZone\":\"\"}}]",
     "MISSING_TIMEZONE_FOR_DATE_GROUP_BY", NULL},
    {NULL, "[{\"createdAt\":{\"granularity\":\"DAY\",\"timeZone\":\"UTC+3\"}}]", "INVALID_TIMEZONE",
     "Invalid timezone: UTC+3"},
    {NULL, "[{\"createdAt\":{\"granularity\":\"DAY\",\"timeZone\":\"a'b\"}}]", "INVALID_TIMEZONE",
     NULL},
    {NULL, "[{\"createdAt\":{\"granularity\":\"DAY\",\"timeZone\":\"Etc/GMT+3\"}}]", NULL, NULL},
    {NULL, "[{\"createdAt\":{\"granularity\":\"DAY\",\"timeZone\":\"EST5EDT\"}}]", NULL, NULL},
    {NULL, "[{\"createdAt\":{\"granularity\":\"HOUR\",\"timeZone\":\"UTC\"}}]",
     "INVALID_QUERY_INPUT", "Invalid date granularity"},
    {NULL, "[{\"createdAt\":{\"granularity\":\"WEEK\",\"timeZone\":\"UTC\",\"weekStartDay\":1}}]",
     "INVALID_QUERY_INPUT", "Invalid weekStartDay"},
    {"person", "[{\"company\":{\"nope\":true}}]", "INVALID_QUERY_INPUT",
     "Nested field \"nope\" not found in target object \"company\""},
    {"person", "[{\"company\":{\"accountOwner\":true}}]", "INVALID_QUERY_INPUT",
     "Cannot group by a relation field of the relation field"},
    {"person", "[{\"company\":{\"name\":true,\"employees\":true}}]", "INVALID_QUERY_INPUT",
     "You cannot provide multiple nested fields"},
    {"person", "[{\"companyId\":{\"name\":true}}]", "INVALID_QUERY_INPUT", NULL},
};

static void test_group_by_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < TC_COUNT(by_cases); i++) {
        const by_case *c = &by_cases[i];
        tc_group g;
        tc_err e;
        tc_err_clear(&e);
        tc_group_init(&g, arena, NULL, c->object ? tc_model_object(model, c->object) : company);
        int rc = tc_group_parse_by(&g, c->text, &e);
        if (!c->reason) {
            if (rc != 0)
                fail_msg("case %zu (%s): %s", i, c->text, e.message);
            continue;
        }
        if (rc == 0)
            fail_msg("case %zu (%s) accepted", i, c->text);
        assert_int_equal(e.code, TC_E_BAD_REQUEST);
        if (strcmp(e.reason, c->reason) != 0)
            fail_msg("case %zu (%s): reason %s, message %s", i, c->text, e.reason, e.message);
        if (c->message && strncmp(e.message, c->message, strlen(c->message)) != 0)
            fail_msg("case %zu (%s): message %s", i, c->text, e.message);
    }
}

static void test_aggregates(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        bool known;
        tc_group_agg_op op;
        const char *field;
    } rows[] = {
        {"totalCount", true, TC_AGG_COUNT, NULL},
        {"countNotEmptyId", true, TC_AGG_COUNT_NOT_EMPTY, "id"},
        {"countEmptyName", true, TC_AGG_COUNT_EMPTY, "name"},
        {"countUniqueValuesAddress", true, TC_AGG_COUNT_UNIQUE_VALUES, "address"},
        {"percentageEmptyTags", true, TC_AGG_PERCENTAGE_EMPTY, "tags"},
        {"percentageNotEmptyFounded", true, TC_AGG_PERCENTAGE_NOT_EMPTY, "founded"},
        {"countTrueIdealCustomerProfile", true, TC_AGG_COUNT_TRUE, "idealCustomerProfile"},
        {"countFalseIdealCustomerProfile", true, TC_AGG_COUNT_FALSE, "idealCustomerProfile"},
        {"sumEmployees", true, TC_AGG_SUM, "employees"},
        {"avgEmployees", true, TC_AGG_AVG, "employees"},
        {"minFounded", true, TC_AGG_MIN, "founded"},
        {"maxCreatedAt", true, TC_AGG_MAX, "createdAt"},
        {"sumAnnualRecurringRevenueAmountMicros", true, TC_AGG_SUM, "annualRecurringRevenue"},
        {"minAnnualRecurringRevenueAmountMicros", true, TC_AGG_MIN, "annualRecurringRevenue"},
        {"sumAnnualRecurringRevenue", false, 0, NULL},
        {"sumRevenue", false, 0, NULL}, /* NUMERIC: Twenty offers sums on NUMBER only */
        {"avgFounded", false, 0, NULL},
        {"countTrueName", false, 0, NULL},
        {"countEmptyAccountOwner", false, 0, NULL}, /* relations have no aggregates */
        {"countemptyName", false, 0, NULL},
        {"countEmptyname", false, 0, NULL},
        {"totalcount", false, 0, NULL},
        {"sum", false, 0, NULL},
        {"", false, 0, NULL},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char text[128];
        snprintf(text, sizeof(text), "[\"%s\",\"%s\"]", rows[i].name, rows[i].name);
        tc_group g;
        tc_err e;
        tc_err_clear(&e);
        tc_group_init(&g, arena, NULL, company);
        int rc = tc_group_parse_aggregates(&g, text, &e);
        if (!rows[i].known) {
            if (rc == 0)
                fail_msg("%s accepted", rows[i].name);
            assert_string_equal(e.reason, "INVALID_AGGREGATE_FIELDS_QUERY_PARAM");
            continue;
        }
        if (rc != 0)
            fail_msg("%s: %s", rows[i].name, e.message);
        assert_int_equal(g.naggs, 1); /* the repeat is dropped */
        assert_int_equal(g.aggs[0].op, rows[i].op);
        if (rows[i].field)
            assert_string_equal(g.aggs[0].field->name, rows[i].field);
        else
            assert_null(g.aggs[0].field);
    }
    tc_group g;
    tc_err e;
    tc_group_init(&g, arena, NULL, company);
    assert_int_equal(tc_group_parse_aggregates(&g, NULL, &e), 0);
    assert_int_equal(g.naggs, 0);
    assert_int_equal(tc_group_parse_aggregates(&g, "[1]", &e), -1);
    assert_int_equal(tc_group_parse_aggregates(&g, "{}", &e), -1);
    assert_int_equal(tc_group_parse_aggregates(&g, "[\"totalCount\"", &e), -1);
}

static void test_order(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *message; /* NULL: accepted */
    } rows[] = {
        {"[{\"stage\":\"DescNullsLast\"}]", NULL},
        {"[{\"aggregate\":{\"sumAmountAmountMicros\":\"AscNullsFirst\"}}]", NULL},
        {"[{\"closeDate\":{\"orderBy\":\"AscNullsLast\",\"granularity\":\"MONTH\"}}]", NULL},
        {"[{\"company\":{\"name\":\"AscNullsFirst\"}}]", NULL},
        {"[{\"amount\":{\"currencyCode\":\"AscNullsFirst\"}}]", NULL},
        {"[{\"closeDate\":{\"orderBy\":\"AscNullsLast\",\"granularity\":\"DAY\"}}]",
         "Cannot order by a date granularity that is not in groupBy criteria: DAY"},
        {"[{\"name\":\"AscNullsFirst\"}]",
         "Cannot order by a field that is not an aggregate nor in groupBy criteria: name."},
        {"[{\"amount\":{\"amountMicros\":\"AscNullsFirst\"}}]",
         "Cannot order by a field that is not in groupBy or that is not an aggregate field"},
        {"[{\"stage\":\"Up\"}]", "Unknown orderBy value: Up"},
        {"[{\"stage\":\"AscNullsFirst\",\"name\":\"AscNullsFirst\"}]",
         "Please provide orderBy field criteria one by one in orderBy array"},
        {"[{\"aggregate\":{\"totalCount\":\"AscNullsFirst\",\"countEmptyName\":\"AscNullsFirst\"}}"
         "]",
         "Please provide aggregate criteria one by one in orderBy array"},
        {"[{\"aggregate\":{\"nope\":\"AscNullsFirst\"}}]", "Unknown aggregate field: nope"},
        {"[{\"nope\":\"AscNullsFirst\"}]", "Cannot orderBy unknown field: nope."},
        {"stage", "Invalid order_by query parameter - should be a valid array of objects"},
        {"[1]", "Invalid order_by query parameter - should be a valid array of objects"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_group g;
        tc_err e;
        tc_err_clear(&e);
        tc_group_init(&g, arena, NULL, tc_model_object(model, "opportunity"));
        assert_int_equal(tc_group_parse_by(&g,
                                           "[{\"stage\":true},{\"closeDate\":{\"granularity\":"
                                           "\"MONTH\",\"timeZone\":\"UTC\"}},{\"company\":{"
                                           "\"name\":true}},{\"amount\":{\"currencyCode\":true}}]",
                                           &e),
                         0);
        int rc = tc_group_parse_order(&g, rows[i].text, &e);
        if (!rows[i].message) {
            if (rc != 0)
                fail_msg("%s: %s", rows[i].text, e.message);
            continue;
        }
        if (rc == 0)
            fail_msg("%s accepted", rows[i].text);
        assert_string_equal(e.reason, "INVALID_ORDER_BY_WITH_GROUP_BY_QUERY_PARAM");
        if (strncmp(e.message, rows[i].message, strlen(rows[i].message)) != 0)
            fail_msg("%s: %s", rows[i].text, e.message);
    }
    /* Twenty's usage text is longer than tc_err.message; the whole text is given back. */
    tc_group g;
    tc_err e;
    tc_group_init(&g, arena, NULL, company);
    assert_int_equal(tc_group_parse_order(&g, "[", &e), -1);
    assert_true(strlen(tc_group_error_text(&e)) > strlen(e.message));
    assert_non_null(strstr(tc_group_error_text(&e), "\"granularity\": \"DAY\"}}]"));
}

static void test_sql(void **state)
{
    (void)state;
    tc_group g;
    tc_err e;
    tc_group_init(&g, arena, NULL, company);
    assert_int_equal(tc_group_parse_by(&g,
                                       "[{\"createdAt\":{\"granularity\":\"WEEK\",\"weekStartDay\":"
                                       "\"SUNDAY\",\"timeZone\":\"Europe/Paris\"}},{\"founded\":{"
                                       "\"granularity\":\"MONTH\"}},{\"tags\":{\"unnest\":true}},{"
                                       "\"accountOwner\":{\"name\":{\"firstName\":true}}}]",
                                       &e),
                     0);
    assert_int_equal(tc_group_parse_aggregates(&g, "[\"totalCount\",\"avgEmployees\"]", &e), 0);
    assert_int_equal(
        tc_group_parse_order(&g, "[{\"aggregate\":{\"countEmptyName\":\"DescNullsLast\"}}]", &e),
        0);
    assert_int_equal(tc_group_sample(&g, "name[DescNullsLast]", &e), 0);
    assert_string_equal(tc_group_tz(&g), "Europe/Paris");
    tc_sql q;
    tc_sql_init(&q, 1 << 20);
    tc_group_sql(&g, "workspace_x", "50", &q);
    assert_true(tc_sql_ok(&q));
    const char *s = tc_sql_text(&q);
    /* The zone and the limit are parameters, never text of the statement. */
    assert_null(strstr(s, "Europe/Paris"));
    int zones = 0, limits = 0;
    for (int i = 0; i < q.nparams; i++) {
        zones += strcmp(q.params[i], "Europe/Paris") == 0;
        limits += strcmp(q.params[i], "50") == 0;
    }
    assert_true(zones >= 2);
    assert_int_equal(limits, 1);
    assert_non_null(strstr(s, "(date_trunc('week', t.\"createdAt\" + interval '1 day', $"));
    assert_non_null(strstr(s, "date_trunc('month', t.\"founded\"::timestamp)"));
    assert_non_null(strstr(s, "LEFT JOIN LATERAL unnest(t.\"tags\") AS u2(v) ON true"));
    assert_non_null(strstr(s, "LEFT JOIN \"workspace_x\".\"workspaceMember\" j0 ON j0.\"id\" = "
                              "t.\"accountOwnerId\""));
    assert_non_null(strstr(s, "j0.\"nameFirstName\" AS \"_d3\""));
    assert_non_null(strstr(s, "GROUP BY s.\"_d0\", s.\"_d1\", s.\"_d2\", s.\"_d3\""));
    assert_non_null(strstr(s, "PARTITION BY"));
    assert_non_null(strstr(s, "\"_rn\" <= 10"));
    assert_non_null(strstr(s, "t.\"deletedAt\" IS NULL"));
    tc_sql_fini(&q);

    /* No dimension: one group of everything. */
    tc_group_init(&g, arena, NULL, company);
    assert_int_equal(tc_group_parse_by(&g, "[]", &e), 0);
    tc_sql_init(&q, 1 << 20);
    tc_group_sql(&g, "workspace_x", "50", &q);
    assert_non_null(strstr(tc_sql_text(&q), "GROUP BY ()"));
    tc_sql_fini(&q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_group_by_table),
        cmocka_unit_test(test_aggregates),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_sql),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
