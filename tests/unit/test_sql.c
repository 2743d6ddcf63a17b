/* The SQL builder: identifiers are always quoted (embedded quotes doubled), values only ever
 * become $n placeholders, and overflow is reported rather than truncated. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "db/sql.h"

static void test_ident_quoting(void **state)
{
    (void)state;
    static const struct {
        const char *name, *quoted;
    } rows[] = {
        {"company", "\"company\""},
        {"nameFirstName", "\"nameFirstName\""},
        {"a\"b", "\"a\"\"b\""},
        {"x\"; DROP TABLE y; --", "\"x\"\"; DROP TABLE y; --\""},
        {"", "\"\""},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        tc_buf b;
        tc_buf_init(&b, 256);
        tc_sql_quote_ident(&b, rows[i].name);
        assert_string_equal(tc_buf_cstr(&b), rows[i].quoted);
        tc_buf_fini(&b);
    }
}

static void test_literal_quoting(void **state)
{
    (void)state;
    static const struct {
        const char *value, *quoted;
    } rows[] = {
        {"NEW", "'NEW'"},
        {"", "''"},
        {"O'Reilly", "'O''Reilly'"},
        {"'; DROP SCHEMA x; --", "'''; DROP SCHEMA x; --'"},
        {"a\\b", "E'a\\\\b'"},
        {"\\'", "E'\\\\'''"},
        {"é€", "'é€'"},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        tc_buf b;
        tc_buf_init(&b, 256);
        tc_sql_quote_literal(&b, rows[i].value);
        assert_string_equal(tc_buf_cstr(&b), rows[i].quoted);
        tc_buf_fini(&b);
    }
}

static void test_statement(void **state)
{
    (void)state;
    tc_sql q;
    tc_sql_init(&q, 1024);
    tc_sql_add(&q, "SELECT ");
    tc_sql_ident(&q, "id");
    tc_sql_add(&q, " FROM ");
    tc_sql_ident(&q, "workspace_1wgvd1injqtife6y4rvfbu3h5");
    tc_sql_add(&q, ".");
    tc_sql_ident(&q, "company");
    tc_sql_add(&q, " WHERE ");
    tc_sql_ident(&q, "name");
    tc_sql_add(&q, " = ");
    tc_sql_param(&q, "O'Reilly; DROP TABLE company");
    tc_sql_add(&q, " AND ");
    tc_sql_ident(&q, "deletedAt");
    tc_sql_add(&q, " IS NOT DISTINCT FROM ");
    tc_sql_param(&q, NULL);
    assert_true(tc_sql_ok(&q));
    assert_string_equal(tc_sql_text(&q),
                        "SELECT \"id\" FROM \"workspace_1wgvd1injqtife6y4rvfbu3h5\".\"company\" "
                        "WHERE \"name\" = $1 AND \"deletedAt\" IS NOT DISTINCT FROM $2");
    assert_int_equal(q.nparams, 2);
    assert_string_equal(q.params[0], "O'Reilly; DROP TABLE company");
    assert_null(q.params[1]);
    tc_sql_fini(&q);
}

static void test_overflow(void **state)
{
    (void)state;
    tc_sql q;
    tc_sql_init(&q, 16);
    tc_sql_add(&q, "SELECT ");
    tc_sql_ident(&q, "a_rather_long_identifier");
    assert_false(tc_sql_ok(&q));
    tc_sql_fini(&q);

    tc_sql_init(&q, 1 << 20);
    for (int i = 0; i < TC_SQL_MAX_PARAMS + 1; i++)
        tc_sql_param(&q, "v");
    assert_false(tc_sql_ok(&q));
    assert_int_equal(q.nparams, TC_SQL_MAX_PARAMS);
    tc_sql_fini(&q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ident_quoting),
        cmocka_unit_test(test_literal_quoting),
        cmocka_unit_test(test_statement),
        cmocka_unit_test(test_overflow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
