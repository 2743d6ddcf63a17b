/* The REST `order_by` parser: directions, composites, relation paths, the id tie-breaker, the
 * default order, every error and hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "query/order.h"

static tc_model *model;
static tc_arena *arena;

static int setup(void **state)
{
    (void)state;
    tc_uuid ws;
    tc_err e;
    tc_uuid_parse("20202020-1c25-4d02-bf25-6aeccf7ea419", 36, &ws);
    model = tc_model_new(&ws, "core", false);
    arena = tc_arena_new(4096);
    return tc_model_add_standard(model, &e);
}

static int teardown(void **state)
{
    (void)state;
    tc_arena_free(arena);
    tc_model_free(model);
    return 0;
}

static void render(const tc_order *o, char *out, size_t n)
{
    size_t used = 0;
    for (size_t i = 0; i < o->nkeys && used < n; i++) {
        const tc_order_key *k = &o->keys[i];
        used += (size_t)snprintf(out + used, n - used, "%s%s%s%s %s", i ? ", " : "",
                                 k->path.via ? k->path.via->name : "", k->path.via ? "." : "",
                                 k->path.column, tc_order_dir_name(k->dir));
    }
}

typedef struct row {
    const char *object, *order_by, *want;
} row;

static const row oks[] = {
    {"company", NULL, "id AscNullsFirst"},
    {"company", "", "id AscNullsFirst"},
    {"company", "name", "name AscNullsFirst, id AscNullsFirst"},
    {"company", "name[AscNullsFirst]", "name AscNullsFirst, id AscNullsFirst"},
    {"company", "name[AscNullsLast]", "name AscNullsLast, id AscNullsFirst"},
    {"company", "name[DescNullsFirst]", "name DescNullsFirst, id AscNullsFirst"},
    {"company", "name[DescNullsLast]", "name DescNullsLast, id AscNullsFirst"},
    {"company", "employees[DescNullsLast],createdAt",
     "employees DescNullsLast, createdAt AscNullsFirst, id AscNullsFirst"},
    {"company", "id[DescNullsLast],name", "id DescNullsLast, name AscNullsFirst"},
    {"company", "name,name[DescNullsLast]", "name AscNullsFirst, id AscNullsFirst"},
    {"person", "name.firstName[DescNullsLast],name.lastName",
     "nameFirstName DescNullsLast, nameLastName AscNullsFirst, id AscNullsFirst"},
    {"company", "annualRecurringRevenue.amountMicros",
     "annualRecurringRevenueAmountMicros AscNullsFirst, id AscNullsFirst"},
    {"person", "companyId", "companyId AscNullsFirst, id AscNullsFirst"},
    {"person", "company.name[DescNullsFirst]", "company.name DescNullsFirst, id AscNullsFirst"},
    {"opportunity", "stage,closeDate[AscNullsLast],position",
     "stage AscNullsFirst, closeDate AscNullsLast, position AscNullsFirst, id AscNullsFirst"},
    {"person", "company.id", "company.id AscNullsFirst, id AscNullsFirst"},
};

static void test_ok(void **state)
{
    (void)state;
    for (size_t i = 0; i < TC_COUNT(oks); i++) {
        tc_order o;
        tc_err e;
        const char *t = oks[i].order_by;
        if (tc_order_parse(arena, tc_model_object(model, oks[i].object), t, t ? strlen(t) : 0, &o,
                           &e) != 0)
            fail_msg("%s: %s", t, e.message);
        char got[512];
        render(&o, got, sizeof(got));
        if (strcmp(got, oks[i].want) != 0)
            fail_msg("%s: got \"%s\", want \"%s\"", t, got, oks[i].want);
    }
}

#define DIRS                                                                                       \
    "invalid. Allowed values are 'AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', "              \
    "'DescNullsLast'. eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3"

static const row errs[] = {
    {"company", "name[Asc]", "'order_by' direction 'Asc' " DIRS},
    {"company", "name[ascnullsfirst]", "'order_by' direction 'ascnullsfirst' " DIRS},
    {"company", "name[]", "'order_by' direction '' " DIRS},
    {"company", "name[AscNullsFirst", "'order_by' direction 'AscNullsFirst' " DIRS},
    {"company", "name[AscNullsFirst]x", "'order_by' direction 'AscNullsFirst]x' " DIRS},
    {"company", "foo", "'order_by' invalid. Object company doesn't have any \"foo\" field"},
    {"person", "company.foo", "'order_by' invalid. Object company doesn't have any \"foo\" field"},
    {"company", "people.city",
     "Cannot filter or order through people: only to-one relations are supported"},
    {"person", "name", "'order_by' invalid. 'name' has sub-fields: order by one of them"},
    {"person", "company", "'order_by' invalid. 'company' has sub-fields: order by one of them"},
    {"person", "name.x", "'order_by' invalid. 'x' is not a sub-field of 'name.x'"},
    {"company", "name,", "'order_by' invalid for ''. eg: ?order_by=field_1[AscNullsFirst]"},
    {"company", ",name", "'order_by' invalid for ''. eg: ?order_by=field_1[AscNullsFirst]"},
    {"company", "a.b.c.d",
     "'order_by' invalid for 'a.b.c.d'. eg: ?order_by=field_1[AscNullsFirst]"},
    {"company", "[AscNullsFirst]",
     "'order_by' invalid for '[AscNullsFirst]'. eg: "
     "?order_by=field_1[AscNullsFirst]"},
    {"company", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q", "'order_by' invalid. More than 16 fields"},
};

static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < TC_COUNT(errs); i++) {
        tc_order o;
        tc_err e;
        const char *t = errs[i].order_by;
        if (tc_order_parse(arena, tc_model_object(model, errs[i].object), t, strlen(t), &o, &e) ==
            0)
            fail_msg("%s: accepted", t);
        assert_int_equal(e.code, TC_E_BAD_REQUEST);
        assert_string_equal(e.reason, "INVALID_ORDER_BY_QUERY_PARAM");
        if (strcmp(e.message, errs[i].want) != 0)
            fail_msg("%s: got \"%s\", want \"%s\"", t, e.message, errs[i].want);
    }
}

static void test_hostile(void **state)
{
    (void)state;
    tc_order o;
    tc_err e;
    const tc_object *c = tc_model_object(model, "company");
    static char buf[TC_ORDER_MAX_LEN * 2];
    memset(buf, 'a', sizeof(buf));
    assert_int_equal(tc_order_parse(arena, c, buf, TC_ORDER_MAX_LEN + 1, &o, &e), -1);
    assert_string_equal(e.message, "'order_by' invalid. Longer than 2048 bytes");
    assert_int_equal(tc_order_parse(arena, c, buf, TC_ORDER_MAX_LEN, &o, &e), -1);
    assert_int_equal(e.code, TC_E_BAD_REQUEST);
    assert_int_equal(tc_order_parse(arena, c, "name\0x", 6, &o, &e), -1);
    static const char *const hostile[] = {
        "\"name\"",
        "name[[DescNullsLast]]",
        "name]",
        "]",
        "[",
        "name;DROP TABLE x",
        "name[DescNullsLast][AscNullsFirst]",
        ".",
        "..",
        "name.",
        ".name",
        "nam\xff",
        "name[\"DescNullsLast\"]",
    };
    for (size_t i = 0; i < TC_COUNT(hostile); i++) {
        if (tc_order_parse(arena, c, hostile[i], strlen(hostile[i]), &o, &e) == 0)
            fail_msg("%s: accepted", hostile[i]);
        assert_int_equal(e.code, TC_E_BAD_REQUEST);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ok),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
