/* depth=1 and finds by ids (query/plan, sql, relations, shape) without a database: the relations
 * a plan adds, `fields` over them, the id list's validation and literal, the SQL of the page's
 * joins and of a to-many batch, the result-column layout, and records written in id order with
 * their to-one record and to-many arrays from hand-made results. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "query/shape.h"
#include "query/sql.h"

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

static const tc_find_rel *rel_named(const tc_find *f, const char *name)
{
    for (size_t i = 0; i < f->nrels; i++) {
        if (strcmp(f->rels[i].field->name, name) == 0)
            return &f->rels[i];
    }
    return NULL;
}

static void test_relations_added(void **state)
{
    (void)state;
    tc_find f;
    tc_find_init(&f, arena, NULL, tc_model_object(model, "company"));
    assert_int_equal(f.nrels, 0);
    tc_find_add_relations(&f, arena, NULL);
    const tc_find_rel *people = rel_named(&f, "people");
    const tc_find_rel *owner = rel_named(&f, "accountOwner");
    assert_non_null(people);
    assert_true(people->to_many);
    assert_string_equal(people->join_column, "companyId");
    assert_string_equal(people->target->object->name_singular, "person");
    assert_non_null(owner);
    assert_false(owner->to_many);
    assert_string_equal(owner->join_column, "accountOwnerId");
    /* A morph relation's inverse: noteTarget.targetCompany holds the company's id. */
    const tc_find_rel *notes = rel_named(&f, "noteTargets");
    assert_non_null(notes);
    assert_string_equal(notes->join_column, "targetCompanyId");

    /* fields: relation names are fields at depth 1; unnamed relations go. */
    tc_err e;
    assert_int_equal(tc_find_pick(&f, "name,people", &e), 0);
    assert_int_equal(f.nrels, 1);
    assert_string_equal(f.rels[0].field->name, "people");
    for (size_t i = 0; i < f.ncols; i++)
        assert_true(strcmp(f.cols[i].name, "id") == 0 || strcmp(f.cols[i].name, "name") == 0);
    /* Naming a to-one relation does not select its join column. */
    tc_find g;
    tc_find_init(&g, arena, NULL, tc_model_object(model, "person"));
    tc_find_add_relations(&g, arena, NULL);
    assert_int_equal(tc_find_pick(&g, "company", &e), 0);
    assert_int_equal(g.nrels, 1);
    assert_int_equal(g.ncols, 1);
    assert_string_equal(g.cols[0].name, "id");
    /* At depth 0 a relation name is unknown. */
    tc_find h;
    tc_find_init(&h, arena, NULL, tc_model_object(model, "person"));
    assert_int_equal(tc_find_pick(&h, "company", &e), -1);
    assert_string_equal(e.reason, "INVALID_FIELDS_QUERY_PARAM");
}

static void test_ids(void **state)
{
    (void)state;
    tc_find f;
    tc_err e;
    tc_find_init(&f, arena, NULL, tc_model_object(model, "person"));
    const char *bad[] = {"20202020-b305-41e7-8c72-ba44072a4c58", "x\"}, {1"};
    assert_int_equal(tc_find_ids(&f, arena, bad, 2, &e), -1);
    assert_string_equal(e.message, "'x\"}, {1' is not a valid UUID");
    assert_null(f.ids);
    const char *ids[] = {"20202020-B305-41E7-8C72-BA44072A4C58",
                         "20202020-b305-41e7-8c72-ba44072a4c59"};
    assert_int_equal(tc_find_ids(&f, arena, ids, 2, &e), 0);
    assert_int_equal(f.nids, 2);
    assert_string_equal(f.ids[0], "20202020-b305-41e7-8c72-ba44072a4c58");
    assert_string_equal(
        f.ids_array, "{20202020-b305-41e7-8c72-ba44072a4c58,20202020-b305-41e7-8c72-ba44072a4c59}");
    assert_int_equal(tc_find_ids(&f, arena, ids, 0, &e), 0);
    assert_string_equal(f.ids_array, "{}");
}

/* The statement of a find by ids on person with its company joined. */
static void test_sql(void **state)
{
    (void)state;
    tc_find f;
    tc_err e;
    tc_find_init(&f, arena, NULL, tc_model_object(model, "person"));
    tc_find_add_relations(&f, arena, NULL);
    assert_int_equal(tc_find_pick(&f, "jobTitle,company,noteTargets", &e), 0);
    const char *ids[] = {"20202020-b305-41e7-8c72-ba44072a4c58"};
    assert_int_equal(tc_find_ids(&f, arena, ids, 1, &e), 0);
    f.with_deleted = true;
    /* Layout: id, jobTitle; company's id then its columns; the record's id. */
    const tc_find_rel *company = rel_named(&f, "company");
    assert_int_equal(tc_find_rel_col(&f, 0), 2);
    assert_int_equal(tc_find_id_col(&f), 3 + (int)company->target->ncols);
    tc_sql q;
    tc_sql_init(&q, 1 << 16);
    tc_find_sql(&f, model->schema, NULL, &q);
    assert_true(tc_sql_ok(&q));
    const char *text = tc_sql_text(&q);
    char want[512];
    assert_true(strncmp(text, "SELECT t.\"id\", t.\"jobTitle\", \"j1\".\"id\", \"j1\".", 44) == 0);
    snprintf(want, sizeof(want),
             ", t.\"id\" FROM \"%s\".\"person\" t LEFT JOIN \"%s\".\"company\" \"j1\" ON "
             "\"j1\".\"id\" = t.\"companyId\" AND \"j1\".\"deletedAt\" IS NULL WHERE true AND "
             "t.\"id\" = ANY($1::uuid[])",
             model->schema, model->schema);
    const char *tail = strstr(text, ", t.\"id\" FROM ");
    assert_non_null(tail);
    assert_string_equal(tail, want);
    assert_int_equal(q.nparams, 1);
    assert_string_equal(q.params[0], f.ids_array);
    tc_sql_fini(&q);

    /* The batch of person.noteTargets. */
    size_t k = (size_t)(rel_named(&f, "noteTargets") - f.rels);
    tc_sql_init(&q, 1 << 16);
    tc_find_children_sql(&f, k, model->schema, "{}", &q);
    text = tc_sql_text(&q);
    assert_true(strncmp(text, "SELECT * FROM (SELECT t.\"id\", ", 30) == 0);
    snprintf(want, sizeof(want),
             ", t.\"targetPersonId\" AS tc_parent, row_number() OVER (PARTITION BY "
             "t.\"targetPersonId\" ORDER BY t.\"createdAt\", t.\"id\") AS tc_rn FROM "
             "\"%s\".\"noteTarget\" t WHERE t.\"targetPersonId\" = ANY($1::uuid[]) AND "
             "t.\"deletedAt\" IS NULL) s WHERE s.tc_rn <= 60 ORDER BY s.tc_parent, s.tc_rn",
             model->schema);
    tail = strstr(text, ", t.\"targetPersonId\" AS tc_parent");
    assert_non_null(tail);
    assert_string_equal(tail, want);
    tc_sql_fini(&q);
}

static PGresult *result(int ncols, int nrows, const char *const *cells)
{
    PGresAttDesc attrs[32];
    assert_true(ncols <= 32);
    memset(attrs, 0, sizeof(attrs));
    for (int i = 0; i < ncols; i++)
        attrs[i].name = (char *)"c";
    PGresult *r = PQmakeEmptyPGresult(NULL, PGRES_TUPLES_OK);
    assert_true(PQsetResultAttrs(r, ncols, attrs));
    for (int row = 0; row < nrows; row++) {
        for (int c = 0; c < ncols; c++) {
            const char *v = cells[row * ncols + c];
            assert_true(PQsetvalue(r, row, c, (char *)v, v ? (int)strlen(v) : -1));
        }
    }
    return r;
}

#define A "00000000-0000-4000-8000-00000000000a"
#define B "00000000-0000-4000-8000-00000000000b"
#define C "00000000-0000-4000-8000-00000000000c"

/* Person records by ids, in the ids' order, with company (to-one, columns narrowed to id) and
 * noteTargets (to-many, narrowed to id) from hand-made results. */
static void test_shape_by_ids(void **state)
{
    (void)state;
    tc_find f;
    tc_err e;
    tc_find_init(&f, arena, NULL, tc_model_object(model, "person"));
    tc_find_add_relations(&f, arena, NULL);
    /* Loaded with its to-one relation only (a to-many one would need a database), the to-many
     * relation's batch made by hand afterwards: to-many relations take no result columns. */
    tc_find_rel notes = *rel_named(&f, "noteTargets");
    assert_int_equal(tc_find_pick(&f, "jobTitle,company", &e), 0);
    const char *ids[] = {"00000000-0000-4000-8000-00000000000B",
                         "00000000-0000-4000-8000-0000000000ff", A, B};
    assert_int_equal(tc_find_ids(&f, arena, ids, 4, &e), 0);
    assert_int_equal(f.nrels, 1);
    assert_string_equal(f.rels[0].field->name, "company");
    f.rels[0].target->ncols = 1; /* company: id only */
    assert_string_equal(f.rels[0].target->cols[0].name, "id");
    assert_int_equal(tc_find_id_col(&f), 4);
    /* id, jobTitle, company's id (marker), company.id, id */
    const char *cells[] = {
        A, "CEO", NULL, NULL, A, /* no company */
        B, NULL,  C,    C,    B,
    };
    PGresult *rows = result(5, 2, cells);
    tc_relations s;
    assert_int_equal(tc_relations_load(&s, NULL, arena, &f, model->schema, rows, 2, &e), 0);
    assert_int_equal(tc_relations_row_of(&s, B), 1);
    assert_int_equal(tc_relations_row_of(&s, C), -1);
    assert_int_equal(tc_find_rel_col(&f, 0), 2);

    f.rels[f.nrels++] = notes;
    notes.target->ncols = 1; /* noteTarget: id only */
    assert_string_equal(notes.target->cols[0].name, "id");
    assert_int_equal(tc_find_id_col(&f), 4);
    tc_rel_batch batches[2];
    memset(batches, 0, sizeof(batches));
    s.batches = batches;
    /* Note targets: one of A's, two of B's, grouped by parent as the batch orders them. */
    const char *children[] = {
        "n1", A, "1", "n2", B, "1", "n3", B, "2",
    };
    batches[1].rows = result(3, 3, children);
    tc_rel_group groups[] = {{.key = A, .first = 0, .n = 1}, {.key = B, .first = 1, .n = 2}};
    batches[1].groups = groups;
    batches[1].ngroups = 2;
    int first;
    assert_int_equal(tc_relations_children(&s, 1, 1, &first), 2);
    assert_int_equal(first, 1);
    assert_int_equal(tc_relations_children(&s, 0, 1, &first), 0);

    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 1 << 16);
    tc_json_init(&j, &b);
    tc_shape_records_by_ids(&j, &f, &s);
    const char *rb = "{\"id\":\"" B "\",\"jobTitle\":null,\"company\":{\"id\":\"" C
                     "\"},\"noteTargets\":[{\"id\":\"n2\"},{\"id\":\"n3\"}]}";
    const char *ra =
        "{\"id\":\"" A "\",\"jobTitle\":\"CEO\",\"company\":null,\"noteTargets\":[{\"id\":"
        "\"n1\"}]}";
    char want[1024];
    snprintf(want, sizeof(want), "[%s,%s,%s]", rb, ra, rb);
    assert_string_equal(tc_buf_cstr(&b), want);
    tc_buf_fini(&b);
    PQclear(batches[1].rows);
    PQclear(rows);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_relations_added),
        cmocka_unit_test(test_ids),
        cmocka_unit_test(test_sql),
        cmocka_unit_test(test_shape_by_ids),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
