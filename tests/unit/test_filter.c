/* The REST `filter` parser against the standard model plus a few custom company fields: every
 * operator per type, composites, relations, nesting, every error path, hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "query/filter.h"

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
    {.name = "notes2", .type = TC_FT_RICH_TEXT_V2, .label = "Notes", .icon = "IconNotes"},
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

static int parse(const char *object, const char *text, tc_filter **f, tc_err *e)
{
    return tc_filter_parse(arena, tc_model_object(model, object), text, strlen(text), f, e);
}

/* Renders a filter as and(...)/or(...)/not(...) of column op [values]. */
static void render(const tc_filter *f, char *out, size_t n, size_t *used)
{
#define PUT(...) (*used += (size_t)snprintf(out + *used, *used < n ? n - *used : 0, __VA_ARGS__))
    if (f->kind == TC_FILTER_COND) {
        const tc_filter_cond *c = &f->cond;
        PUT("%s%s%s %s %s", c->path.via ? c->path.via->name : "", c->path.via ? "." : "",
            c->path.column, tc_filter_op_name(c->op), tc_value_kind_name(c->kind));
        if (c->op == TC_FILTER_IS)
            PUT(" %s", c->is_null ? "NULL" : "NOT_NULL");
        for (size_t i = 0; i < c->nvalues; i++)
            PUT("%s%s", i ? "|" : " ", c->values[i]);
        return;
    }
    PUT("%s(", tc_filter_kind_name(f->kind));
    for (size_t i = 0; i < f->nchildren; i++) {
        if (i)
            PUT(", ");
        render(f->children[i], out, n, used);
    }
    PUT(")");
#undef PUT
}

typedef struct ok_row {
    const char *object, *filter, *want;
} ok_row;

static const ok_row oks[] = {
    /* TEXT: every comparator a string takes */
    {"company", "name[eq]:\"Acme\"", "and(name eq text Acme)"},
    {"company", "name[neq]:'Acme'", "and(name neq text Acme)"},
    {"company", "name[gt]:A", "and(name gt text A)"},
    {"company", "name[gte]:A", "and(name gte text A)"},
    {"company", "name[lt]:A", "and(name lt text A)"},
    {"company", "name[lte]:A", "and(name lte text A)"},
    {"company", "name[in]:[\"a\",'b',c]", "and(name in text a|b|c)"},
    {"company", "name[in]:[a, b]", "and(name in text a|b)"},
    {"company", "name[startsWith]:Ac", "and(name startsWith text Ac)"},
    {"company", "name[endsWith]:me", "and(name endsWith text me)"},
    {"company", "name[like]:\"%c%\"", "and(name like text %c%)"},
    {"company", "name[ilike]:\"%C%\"", "and(name ilike text %C%)"},
    {"company", "name[is]:NULL", "and(name is none NULL)"},
    {"company", "name[is]:NOT_NULL", "and(name is none NOT_NULL)"},
    /* the value runs to the end of the item */
    {"company", "name[eq]:valStart]:[valEnd", "and(name eq text valStart]:[valEnd)"},
    {"company", "name[eq]:\"a,b\"", "and(name eq text a,b)"},
    {"company", "name[eq]:\"a(b\"", NULL}, /* unbalanced: brackets are counted everywhere */
    /* UUID and relation join columns */
    {"company", "id[eq]:20202020-1c25-4d02-bf25-6aeccf7ea419",
     "and(id eq uuid 20202020-1c25-4d02-bf25-6aeccf7ea419)"},
    {"company", "id[in]:[\"20202020-1c25-4d02-bf25-6aeccf7ea419\"]",
     "and(id in uuid 20202020-1c25-4d02-bf25-6aeccf7ea419)"},
    {"person", "companyId[is]:NULL", "and(companyId is none NULL)"},
    {"person", "companyId[neq]:20202020-1c25-4d02-bf25-6aeccf7ea419",
     "and(companyId neq uuid 20202020-1c25-4d02-bf25-6aeccf7ea419)"},
    /* numbers */
    {"company", "employees[gte]:10", "and(employees gte number 10)"},
    {"company", "employees[lt]:-1.5e3", "and(employees lt number -1.5e3)"},
    {"company", "employees[in]:[1,2,3]", "and(employees in number 1|2|3)"},
    {"company", "position[lte]:0.5", "and(position lte number 0.5)"},
    {"company", "revenue[neq]:\"12\"", "and(revenue neq number 12)"},
    /* booleans */
    {"company", "idealCustomerProfile[eq]:true", "and(idealCustomerProfile eq boolean true)"},
    {"company", "idealCustomerProfile[is]:NULL", "and(idealCustomerProfile is none NULL)"},
    /* dates */
    {"company", "createdAt[gte]:\"2024-01-01\"", "and(createdAt gte timestamp 2024-01-01)"},
    {"company", "createdAt[lt]:2024-02-29T10:00:00.123Z",
     "and(createdAt lt timestamp 2024-02-29T10:00:00.123Z)"},
    {"company", "createdAt[eq]:2024-01-01T10:00+02:00",
     "and(createdAt eq timestamp 2024-01-01T10:00+02:00)"},
    {"company", "founded[eq]:2020-12-31", "and(founded eq date 2020-12-31)"},
    {"company", "deletedAt[is]:NOT_NULL", "and(deletedAt is none NOT_NULL)"},
    /* enums */
    {"opportunity", "stage[eq]:\"NEW\"", "and(stage eq enum NEW)"},
    {"opportunity", "stage[in]:[NEW,MEETING]", "and(stage in enum NEW|MEETING)"},
    {"opportunity", "stage[gt]:NEW", "and(stage gt enum NEW)"},
    {"company", "tags[containsAny]:[VIP]", "and(tags containsAny enum VIP)"},
    {"company", "rating[eq]:RATING_1", "and(rating eq enum RATING_1)"},
    /* array, json */
    {"company", "aliases[containsAny]:[x,y]", "and(aliases containsAny text x|y)"},
    {"company", "extra[like]:\"%k%\"", "and(extra like text %k%)"},
    {"company", "extra[is]:NULL", "and(extra is none NULL)"},
    /* composites */
    {"person", "name.firstName[ilike]:\"%a%\"", "and(nameFirstName ilike text %a%)"},
    {"person", "emails.primaryEmail[eq]:foo@x.com", "and(emailsPrimaryEmail eq text foo@x.com)"},
    {"company", "domainName.primaryLinkUrl[startsWith]:https",
     "and(domainNamePrimaryLinkUrl startsWith text https)"},
    {"company", "annualRecurringRevenue.amountMicros[gt]:1000000",
     "and(annualRecurringRevenueAmountMicros gt number 1000000)"},
    {"company", "address.addressCity[eq]:Paris", "and(addressAddressCity eq text Paris)"},
    {"company", "createdBy.source[eq]:API", "and(createdBySource eq enum API)"},
    {"company", "createdBy.workspaceMemberId[is]:NULL",
     "and(createdByWorkspaceMemberId is none NULL)"},
    {"company", "notes2.markdown[ilike]:\"%x%\"", "and(notes2Markdown ilike text %x%)"},
    /* to-one relation paths */
    {"person", "company.name[ilike]:\"%acme%\"", "and(company.name ilike text %acme%)"},
    {"opportunity", "pointOfContact.name.lastName[eq]:Doe",
     "and(pointOfContact.nameLastName eq text Doe)"},
    /* conjunctions */
    {"company", "and(name[eq]:a,employees[gt]:1)", "and(name eq text a, employees gt number 1)"},
    {"company", "or(name[eq]:a,name[eq]:b)", "or(name eq text a, name eq text b)"},
    {"company", "not(name[eq]:a)", "not(name eq text a)"},
    {"company", "name[eq]:a,employees[gt]:1", "and(name eq text a, employees gt number 1)"},
    {"company", "or(createdAt[gte]:\"2024-01-01\",createdAt[lte]:\"2023-01-01\",not(id[is]:NULL))",
     "or(createdAt gte timestamp 2024-01-01, createdAt lte timestamp 2023-01-01, not(id is none "
     "NULL))"},
    {"company", "and(or(name[eq]:a,not(and(name[eq]:b,name[eq]:c))),employees[is]:NULL)",
     "and(or(name eq text a, not(and(name eq text b, name eq text c))), employees is none "
     "NULL)"},
    {"company", "and(name[eq]:a),or(name[eq]:b)", "and(and(name eq text a), or(name eq text b))"},
    {"company", "and(name[eq]:\"x)\"),name[eq]:\"(y\"",
     "and(and(name eq text x)), name eq text (y)"},
};

static void test_ok(void **state)
{
    (void)state;
    for (size_t i = 0; i < TC_COUNT(oks); i++) {
        tc_filter *f = NULL;
        tc_err e;
        int rc = parse(oks[i].object, oks[i].filter, &f, &e);
        if (!oks[i].want) {
            if (rc == 0)
                fail_msg("%s: accepted", oks[i].filter);
            continue;
        }
        if (rc != 0)
            fail_msg("%s: %s", oks[i].filter, e.message);
        char got[1024];
        size_t used = 0;
        render(f, got, sizeof(got), &used);
        if (strcmp(got, oks[i].want) != 0)
            fail_msg("%s: got \"%s\", want \"%s\"", oks[i].filter, got, oks[i].want);
    }
}

typedef struct err_row {
    const char *object, *filter, *message;
} err_row;

static const err_row errs[] = {
    {"company", "and(name[eq]:a", "'filter' invalid. 1 close bracket is missing in the query"},
    {"company", "and(or(name[eq]:a", "'filter' invalid. 2 close brackets are missing in the query"},
    {"company", "name[eq]:a)", "'filter' invalid. 1 open bracket is missing in the query"},
    {"company", "name[eq]:a))", "'filter' invalid. 2 open brackets are missing in the query"},
    {"company", "name[foo]:a",
     "'filter' invalid for 'name[foo]:a', comparator foo not in eq, neq, in, containsAny, is, "
     "gt, gte, lt, lte, startsWith, endsWith, like, ilike"},
    {"company", "name:a", "'filter' invalid for 'name:a'. eg: price[gte]:10"},
    {"company", "name[eq]", "'filter' invalid for 'name[eq]'. eg: price[gte]:10"},
    {"company", "name[eq]:", "'filter' invalid for 'name[eq]:'. eg: price[gte]:10"},
    {"company", "[eq]:a", "'filter' invalid for '[eq]:a'. eg: price[gte]:10"},
    {"company", "name[]:a", "'filter' invalid for 'name[]:a'. eg: price[gte]:10"},
    {"company", "name[eq]x:a", "'filter' invalid for 'name[eq]x:a'. eg: price[gte]:10"},
    {"company", "", "'filter' invalid for ''. eg: price[gte]:10"},
    {"company", "and()", "'filter' invalid for ''. eg: price[gte]:10"},
    {"company", "name[eq]:a,,name[eq]:b", "'filter' invalid for ''. eg: price[gte]:10"},
    {"company", "not(name[eq]:a,name[eq]:b)",
     "'filter' invalid. 'not' conjunction should contain only 1 condition. eg: "
     "not(field[eq]:1)"},
    {"company", "name[in]:a",
     "'filter' invalid for 'in' operator. Received 'a' but array value expected eg: "
     "'field[in]:[value_1,value_2]'"},
    {"company", "tags[containsAny]:VIP",
     "'filter' invalid for 'containsAny' operator. Received 'VIP' but array value expected eg: "
     "'field[containsAny]:[value_1,value_2]'"},
    {"company", "foo[eq]:a",
     "'filter' invalid for 'foo[eq]:a'. Object company doesn't have any \"foo\" field"},
    {"person", "company.foo[eq]:a",
     "'filter' invalid for 'company.foo[eq]:a'. Object company doesn't have any \"foo\" field"},
    {"company", "people.city[eq]:a",
     "Cannot filter or order through people: only to-one relations are supported"},
    {"company", "people[is]:NULL",
     "Cannot filter or order through people: only to-one relations are supported"},
    {"person", "company[eq]:20202020-1c25-4d02-bf25-6aeccf7ea419",
     "'filter' invalid for 'company[eq]:20202020-1c25-4d02-bf25-6aeccf7ea419'. 'company' has "
     "sub-fields: filter on one of them"},
    {"person", "name[eq]:a",
     "'filter' invalid for 'name[eq]:a'. 'name' has sub-fields: filter on "
     "one of them"},
    {"person", "name.middleName[eq]:a",
     "'filter' invalid for 'name.middleName[eq]:a'. 'middleName' is not a sub-field of "
     "'name.middleName'"},
    {"company", "name.x[eq]:a",
     "'filter' invalid for 'name.x[eq]:a'. 'x' is not a sub-field of 'name.x'"},
    {"company", "name..x[eq]:a", "'filter' invalid for 'name..x[eq]:a'. eg: price[gte]:10"},
    {"company", "a.b.c.d[eq]:a", "'filter' invalid for 'a.b.c.d[eq]:a'. eg: price[gte]:10"},
    {"company", "idealCustomerProfile[gt]:true",
     "'filter' invalid for 'idealCustomerProfile[gt]:true'. Operator 'gt' is not allowed on "
     "'idealCustomerProfile' (BOOLEAN)"},
    {"company", "employees[like]:1",
     "'filter' invalid for 'employees[like]:1'. Operator 'like' is not allowed on 'employees' "
     "(NUMBER)"},
    {"company", "id[ilike]:a",
     "'filter' invalid for 'id[ilike]:a'. Operator 'ilike' is not allowed on 'id' (UUID)"},
    {"company", "extra[eq]:a",
     "'filter' invalid for 'extra[eq]:a'. Operator 'eq' is not allowed on 'extra' (RAW_JSON)"},
    {"company", "aliases[eq]:a",
     "'filter' invalid for 'aliases[eq]:a'. Operator 'eq' is not allowed on 'aliases' (ARRAY)"},
    {"company", "searchVector[eq]:a",
     "'filter' invalid for 'searchVector[eq]:a'. Operator 'eq' is not allowed on 'searchVector' "
     "(TS_VECTOR)"},
    {"company", "name[containsAny]:[a]",
     "'filter' invalid for 'name[containsAny]:[a]'. Operator 'containsAny' is not allowed on "
     "'name' (TEXT)"},
    {"company", "notes2.markdown[eq]:a",
     "'filter' invalid for 'notes2.markdown[eq]:a'. Operator 'eq' is not allowed on "
     "'notes2.markdown' (TEXT)"},
    {"company", "name[is]:null",
     "'filter' invalid for 'name[is]:null'. 'is' takes NULL or NOT_NULL"},
    {"company", "name[is]:\"NULL\"",
     "'filter' invalid for 'name[is]:\"NULL\"'. 'is' takes NULL or NOT_NULL"},
    {"company", "id[eq]:1",
     "'filter' invalid for 'id[eq]:1'. '1' is not a valid uuid value for 'id'"},
    {"person", "companyId[in]:[20202020-1c25-4d02-bf25-6aeccf7ea419,x]",
     "'filter' invalid for 'companyId[in]:[20202020-1c25-4d02-bf25-6aeccf7ea419,x]'. 'x' is not "
     "a valid uuid value for 'companyId'"},
    {"company", "employees[eq]:1e",
     "'filter' invalid for 'employees[eq]:1e'. '1e' is not a valid "
     "number value for 'employees'"},
    {"company", "employees[eq]:0x10",
     "'filter' invalid for 'employees[eq]:0x10'. '0x10' is not a "
     "valid number value for 'employees'"},
    {"company", "employees[eq]:NaN",
     "'filter' invalid for 'employees[eq]:NaN'. 'NaN' is not a "
     "valid number value for 'employees'"},
    {"company", "employees[in]:[]",
     "'filter' invalid for 'employees[in]:[]'. '' is not a valid "
     "number value for 'employees'"},
    {"company", "idealCustomerProfile[eq]:yes",
     "'filter' invalid for 'idealCustomerProfile[eq]:yes'. 'yes' is not a valid boolean value for "
     "'idealCustomerProfile'"},
    {"company", "createdAt[eq]:2024-02-30",
     "'filter' invalid for 'createdAt[eq]:2024-02-30'. '2024-02-30' is not a valid timestamp "
     "value for 'createdAt'"},
    {"company", "createdAt[eq]:2024-01-01T25:00Z",
     "'filter' invalid for 'createdAt[eq]:2024-01-01T25:00Z'. '2024-01-01T25:00Z' is not a valid "
     "timestamp value for 'createdAt'"},
    {"company", "createdAt[eq]:yesterday",
     "'filter' invalid for 'createdAt[eq]:yesterday'. 'yesterday' is not a valid timestamp value "
     "for 'createdAt'"},
    {"company", "founded[eq]:2023-02-29",
     "'filter' invalid for 'founded[eq]:2023-02-29'. "
     "'2023-02-29' is not a valid date value for 'founded'"},
    {"opportunity", "stage[eq]:OLD",
     "'filter' invalid for 'stage[eq]:OLD'. 'OLD' is not an option of 'stage'"},
    {"company", "tags[containsAny]:[VIP,vip]",
     "'filter' invalid for 'tags[containsAny]:[VIP,vip]'. 'vip' is not an option of 'tags'"},
    {"company", "createdBy.source[eq]:ROBOT",
     "'filter' invalid for 'createdBy.source[eq]:ROBOT'. 'ROBOT' is not an option of "
     "'createdBy.source'"},
    {"company", "or(name[eq]:a,foo(x))", "'filter' invalid for 'foo(x)'. eg: price[gte]:10"},
};

static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < TC_COUNT(errs); i++) {
        tc_filter *f = NULL;
        tc_err e;
        if (parse(errs[i].object, errs[i].filter, &f, &e) == 0)
            fail_msg("%s: accepted", errs[i].filter);
        assert_int_equal(e.code, TC_E_BAD_REQUEST);
        assert_string_equal(e.reason, "INVALID_FILTER_QUERY_PARAM");
        if (strcmp(e.message, errs[i].message) != 0)
            fail_msg("%s: got \"%s\", want \"%s\"", errs[i].filter, e.message, errs[i].message);
    }
}

/* Bounds: length, depth, number of conditions, list length, value size, NUL bytes. */
static void test_hostile(void **state)
{
    (void)state;
    tc_filter *f;
    tc_err e;
    static char buf[TC_FILTER_MAX_LEN * 2];
    const tc_object *o = tc_model_object(model, "company");

    /* too long */
    memset(buf, 'a', sizeof(buf));
    assert_int_equal(tc_filter_parse(arena, o, buf, TC_FILTER_MAX_LEN + 1, &f, &e), -1);
    assert_string_equal(e.message, "'filter' invalid. Longer than 16384 bytes");

    /* deep nesting: at the limit it parses, one more is refused */
    for (int depth = TC_FILTER_MAX_DEPTH; depth <= TC_FILTER_MAX_DEPTH + 1; depth++) {
        size_t n = 0;
        for (int i = 0; i < depth; i++)
            n += (size_t)snprintf(buf + n, sizeof(buf) - n, "not(");
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "name[eq]:a");
        for (int i = 0; i < depth; i++)
            buf[n++] = ')';
        int rc = tc_filter_parse(arena, o, buf, n, &f, &e);
        assert_int_equal(rc, depth <= TC_FILTER_MAX_DEPTH ? 0 : -1);
    }
    assert_string_equal(e.message, "'filter' invalid. Conjunctions nest deeper than 16 levels");

    /* very deep nesting within the length limit */
    size_t n = 0;
    while (n + 12 < TC_FILTER_MAX_LEN / 2)
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "and(");
    size_t opens = n / 4;
    for (size_t i = 0; i < opens; i++)
        buf[n++] = ')';
    assert_int_equal(tc_filter_parse(arena, o, buf, n, &f, &e), -1);
    assert_int_equal(e.code, TC_E_BAD_REQUEST);

    /* too many conditions */
    n = 0;
    for (int i = 0; i <= TC_FILTER_MAX_CONDITIONS; i++)
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%sname[eq]:a", i ? "," : "");
    assert_int_equal(tc_filter_parse(arena, o, buf, n, &f, &e), -1);
    assert_string_equal(e.message, "'filter' invalid. More than 256 conditions");
    n = 0;
    for (int i = 0; i <= TC_FILTER_MAX_CONDITIONS; i++)
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%sor(name[eq]:a)", i ? "," : "");
    assert_int_equal(tc_filter_parse(arena, o, buf, n, &f, &e), -1);

    /* too long an in list */
    n = (size_t)snprintf(buf, sizeof(buf), "name[in]:[");
    for (int i = 0; i <= TC_FILTER_MAX_IN; i++)
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%sa", i ? "," : "");
    buf[n++] = ']';
    assert_int_equal(tc_filter_parse(arena, o, buf, n, &f, &e), -1);
    assert_string_equal(e.message,
                        "'filter' invalid for 'name[in]:[a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,"
                        "a,a,a,a,a,a,a,'. More than 1000 values in the list");

    /* too long a value */
    n = (size_t)snprintf(buf, sizeof(buf), "name[eq]:");
    memset(buf + n, 'x', TC_FILTER_MAX_VALUE + 1);
    n += TC_FILTER_MAX_VALUE + 1;
    assert_int_equal(tc_filter_parse(arena, o, buf, n, &f, &e), -1);

    /* a NUL byte */
    assert_int_equal(tc_filter_parse(arena, o, "name[eq]:a\0b", 12, &f, &e), -1);

    /* not NUL-terminated: parsing stays inside len */
    memcpy(buf, "name[eq]:abc", 12);
    memset(buf + 12, '[', 64);
    assert_int_equal(tc_filter_parse(arena, o, buf, 12, &f, &e), 0);
    assert_string_equal(f->children[0]->cond.values[0], "abc");

    /* quotes, brackets and SQL in values are plain data */
    static const char *const hostile[] = {
        "name[eq]:\"'; DROP TABLE company; --\"",
        "name[eq]:\"\"\"",
        "name[eq]:'",
        "name[eq]:[[[[",
        "name[in]:[\"a\",\"b]",
        "name[eq]:\"a\\\"b\"",
        "or(name[eq]:\"a,b)\",name[eq]:'(c')",
        "name[\"eq\"]:a",
        "name[eq]:a]:b[c",
        "\"name\"[eq]:a",
        "name[eq][eq]:a",
        "not(not(not(name[eq]:a)))",
        ",,,",
        "(((())))",
        "and(,)",
        "or(and(not()))",
        "]]]][[[[",
        "name[eq]:a\xff\xfe",
        "nam\xc3\xa9[eq]:a",
        "[",
        "]",
        ":",
        "a[b]:",
        "name[in]:[,,,]",
    };
    for (size_t i = 0; i < TC_COUNT(hostile); i++) {
        int rc = tc_filter_parse(arena, o, hostile[i], strlen(hostile[i]), &f, &e);
        if (rc != 0 && e.code != TC_E_BAD_REQUEST)
            fail_msg("%s: code %d", hostile[i], e.code);
    }
}

static void test_mentions(void **state)
{
    (void)state;
    tc_filter *f;
    tc_err e;
    assert_int_equal(parse("company", "or(name[eq]:a,not(deletedAt[is]:NOT_NULL))", &f, &e), 0);
    assert_true(tc_filter_mentions(f, "deletedAt"));
    assert_false(tc_filter_mentions(f, "createdAt"));
    assert_int_equal(parse("person", "company.deletedAt[is]:NULL", &f, &e), 0);
    assert_false(tc_filter_mentions(f, "deletedAt"));
    assert_ptr_equal(f->children[0]->cond.path.object, tc_model_object(model, "company"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ok),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_mentions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
