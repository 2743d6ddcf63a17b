/* The schema compiler's type-to-column mapping for every field type (spec/twenty-datamodel.md §1,
 * §1.1, §1.3): column names, SQL types, enum type names and NOT NULL, and the DDL of a small
 * object. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "meta/ddl.h"

typedef struct row {
    tc_field_type type;
    const char *name;
    const char *relation; /* "M2O", "O2M" or NULL */
    bool not_null;
    const char
        *columns; /* "name:type[:NN]" separated by spaces; type is the SQL type or enum:<name> */
} row;

static const row rows[] = {
    {TC_FT_UUID, "u", NULL, false, "u:uuid"},
    {TC_FT_TEXT, "t", NULL, true, "t:text:NN"},
    {TC_FT_RICH_TEXT, "r", NULL, false, "r:text"},
    {TC_FT_RICH_TEXT_V2, "bodyV2", NULL, false, "bodyV2Blocknote:text bodyV2Markdown:text"},
    {TC_FT_NUMBER, "n", NULL, false, "n:double precision"},
    {TC_FT_NUMERIC, "n", NULL, false, "n:numeric"},
    {TC_FT_BOOLEAN, "b", NULL, true, "b:boolean:NN"},
    {TC_FT_DATE_TIME, "d", NULL, false, "d:timestamp with time zone"},
    {TC_FT_DATE, "d", NULL, false, "d:date"},
    {TC_FT_POSITION, "position", NULL, true, "position:double precision:NN"},
    {TC_FT_RAW_JSON, "j", NULL, false, "j:jsonb"},
    {TC_FT_ARRAY, "a", NULL, false, "a:text[]"},
    {TC_FT_FILES, "f", NULL, false, "f:jsonb"},
    {TC_FT_SELECT, "stage", NULL, true, "stage:enum:_rocket_stage_enum:NN"},
    {TC_FT_MULTI_SELECT, "tags", NULL, false, "tags:enum[]:_rocket_tags_enum"},
    {TC_FT_RATING, "rating", NULL, false, "rating:enum:_rocket_rating_enum"},
    {TC_FT_TS_VECTOR, "searchVector", NULL, true, "searchVector:tsvector"},
    {TC_FT_RELATION, "company", "M2O", false, "companyId:uuid"},
    {TC_FT_RELATION, "people", "O2M", false, ""},
    {TC_FT_MORPH_RELATION, "targetPerson", "M2O", false, "targetPersonId:uuid"},
    {TC_FT_LINKS, "domainName", NULL, false,
     "domainNamePrimaryLinkLabel:text domainNamePrimaryLinkUrl:text "
     "domainNameSecondaryLinks:jsonb"},
    {TC_FT_CURRENCY, "amount", NULL, false, "amountAmountMicros:numeric amountCurrencyCode:text"},
    {TC_FT_FULL_NAME, "name", NULL, false, "nameFirstName:text nameLastName:text"},
    {TC_FT_ADDRESS, "address", NULL, false,
     "addressAddressStreet1:text addressAddressStreet2:text addressAddressCity:text "
     "addressAddressPostcode:text addressAddressState:text addressAddressCountry:text "
     "addressAddressLat:numeric addressAddressLng:numeric"},
    /* ACTOR: source and name are NOT NULL when the field is (spec §1.1 nullability rule). */
    {TC_FT_ACTOR, "createdBy", NULL, true,
     "createdBySource:enum:_rocket_createdBySource_enum:NN createdByWorkspaceMemberId:uuid "
     "createdByName:text:NN createdByContext:jsonb"},
    {TC_FT_ACTOR, "updatedBy", NULL, false,
     "updatedBySource:enum:_rocket_updatedBySource_enum updatedByWorkspaceMemberId:uuid "
     "updatedByName:text updatedByContext:jsonb"},
    {TC_FT_EMAILS, "emails", NULL, false, "emailsPrimaryEmail:text emailsAdditionalEmails:jsonb"},
    {TC_FT_PHONES, "phones", NULL, false,
     "phonesPrimaryPhoneNumber:text phonesPrimaryPhoneCountryCode:text "
     "phonesPrimaryPhoneCallingCode:text phonesAdditionalPhones:jsonb"},
};

/* "name:type[:NN]" for one column, as the rows spell it. */
static int describe(const tc_column *c, char *out, size_t n)
{
    const tc_field_type_info *t = tc_field_type_info_of(c->type);
    if (c->enum_type[0])
        return snprintf(out, n, "%s:enum%s:%s%s", c->name,
                        t->kind == TC_KIND_ENUM_ARRAY ? "[]" : "", c->enum_type,
                        c->not_null ? ":NN" : "");
    return snprintf(out, n, "%s:%s%s", c->name, t->sql_type, c->not_null ? ":NN" : "");
}

static void test_every_type(void **state)
{
    (void)state;
    tc_object o;
    memset(&o, 0, sizeof(o));
    snprintf(o.table, sizeof(o.table), "_rocket");
    bool seen[TC_FT_COUNT] = {false};
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_field f;
        memset(&f, 0, sizeof(f));
        f.object = &o;
        f.name = rows[i].name;
        f.type = rows[i].type;
        f.is_nullable = !rows[i].not_null;
        char join[TC_NAME_BUF];
        if (rows[i].relation && strcmp(rows[i].relation, "M2O") == 0) {
            f.relation = TC_REL_MANY_TO_ONE;
            snprintf(join, sizeof(join), "%sId", rows[i].name);
            f.join_column = join;
        } else if (rows[i].relation) {
            f.relation = TC_REL_ONE_TO_MANY;
        }
        tc_column cols[16];
        size_t n = tc_field_columns(&o, &f, cols, TC_COUNT(cols));
        char got[1024] = "";
        size_t used = 0;
        for (size_t k = 0; k < n; k++) {
            char one[256];
            if (describe(&cols[k], one, sizeof(one)) >= (int)sizeof(one))
                fail_msg("column description too long");
            used += (size_t)snprintf(got + used, sizeof(got) - used, "%s%s", k ? " " : "", one);
        }
        if (strcmp(got, rows[i].columns) != 0)
            fail_msg("%s %s: got \"%s\", want \"%s\"", tc_field_type_info_of(rows[i].type)->name,
                     rows[i].name, got, rows[i].columns);
        seen[rows[i].type] = true;
    }
    for (int t = 0; t < TC_FT_COUNT; t++) {
        if (!seen[t])
            fail_msg("no row for %s", tc_field_type_info_of((tc_field_type)t)->name);
    }
}

static void test_create_object_ddl(void **state)
{
    (void)state;
    tc_uuid ws;
    tc_uuid_parse("20202020-1c25-4d02-bf25-6aeccf7ea419", 36, &ws);
    tc_model *m = tc_model_new(&ws, "core", false);
    tc_object *o = tc_arena_calloc(m->arena, 1, sizeof(*o));
    snprintf(o->table, sizeof(o->table), "_rocket");
    o->name_singular = "rocket";
    tc_model_add_object(m, o);
    const tc_std_field decls[] = {
        {.name = "id", .type = TC_FT_UUID, .flags = TC_STD_NOT_NULL, .default_value = "\"uuid\""},
        {.name = "stage",
         .type = TC_FT_SELECT,
         .flags = TC_STD_NOT_NULL,
         .default_value = "\"'O''NEIL'\"",
         .options = "[{\"value\":\"O'NEIL\",\"label\":\"x\"},{\"value\":\"B\",\"label\":\"y\"}]"},
        {.name = "tags",
         .type = TC_FT_MULTI_SELECT,
         .default_value = "[\"'B'\"]",
         .options = "[{\"value\":\"B\",\"label\":\"y\"}]"},
        {.name = "score", .type = TC_FT_NUMBER, .default_value = "1.5"},
        {.name = "meta", .type = TC_FT_RAW_JSON, .default_value = "{\"a\":\"it's\"}"},
    };
    tc_err e;
    for (size_t i = 0; i < TC_COUNT(decls); i++) {
        tc_field *f = tc_field_from_decl(m, o, &decls[i], &e);
        assert_non_null(f);
        tc_object_add_field(m, o, f);
    }
    tc_ddl d;
    tc_ddl_init(&d, m->arena);
    assert_int_equal(tc_ddl_create_object(&d, m, o, &e), 0);
    assert_int_equal(d.n, 4);
    const char *ws_schema = "\"workspace_1wgvd1injqtife6y4rvfbu3h5\"";
    char want[2048];
    snprintf(want, sizeof(want), "CREATE TYPE %s.\"_rocket_stage_enum\" AS ENUM ('O''NEIL', 'B')",
             ws_schema);
    assert_string_equal(d.stmts[0], want);
    snprintf(want, sizeof(want), "CREATE TYPE %s.\"_rocket_tags_enum\" AS ENUM ('B')", ws_schema);
    assert_string_equal(d.stmts[1], want);
    snprintf(want, sizeof(want),
             "CREATE TABLE %s.\"_rocket\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), "
             "\"stage\" %s.\"_rocket_stage_enum\" NOT NULL DEFAULT "
             "'O''NEIL'::%s.\"_rocket_stage_enum\", "
             "\"tags\" %s.\"_rocket_tags_enum\"[] DEFAULT ARRAY['B']::%s.\"_rocket_tags_enum\"[], "
             "\"score\" double precision DEFAULT 1.5, "
             "\"meta\" jsonb DEFAULT '{\"a\":\"it''s\"}'::jsonb, PRIMARY KEY (\"id\"))",
             ws_schema, ws_schema, ws_schema, ws_schema, ws_schema);
    assert_string_equal(d.stmts[2], want);
    snprintf(want, sizeof(want),
             "CREATE TRIGGER \"twentyc_records_changed\" AFTER INSERT OR UPDATE OR DELETE OR "
             "TRUNCATE ON %s.\"_rocket\" FOR EACH STATEMENT EXECUTE FUNCTION "
             "\"core\".\"records_changed\"()",
             ws_schema);
    assert_string_equal(d.stmts[3], want);

    /* A default that is not a quoted literal is refused before any SQL exists. */
    tc_std_field bad = {.name = "b", .type = TC_FT_TEXT, .default_value = "\"x'); DROP\""};
    tc_field *f = tc_field_from_decl(m, o, &bad, &e);
    tc_object_add_field(m, o, f);
    tc_ddl_init(&d, m->arena);
    assert_int_equal(tc_ddl_create_object(&d, m, o, &e), -1);
    tc_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_type),
        cmocka_unit_test(test_create_object_ddl),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
