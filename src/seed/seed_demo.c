/* Demo records of Apple: 600 companies (well-known ones first, then generated names), 1,200
 * people spread over them, 300 opportunities and a few pets, rockets and survey results, all
 * with fixed ids derived from Twenty's first ids, inserted one statement per table in one
 * transaction. Tasks, notes and their targets follow (seed_activity.c). */
#include "seed/seed_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "db/sql.h"
#include "meta/load.h"

#define NCOMPANIES 600u
#define NPEOPLE 1200u
#define NOPPORTUNITIES 300u
#define NCUSTOM 10u
#define ROWS_MAX (16u << 20)

void tc_seed_id(const char *kind, unsigned index, char *out)
{
    unsigned long long tail = 0xba44072a4c58ULL + index;
    snprintf(out, TC_UUID_STR_LEN + 1, "20202020-%s-41e7-8c72-%012llx", kind, tail);
}

/* s lower-cased, ASCII letters and digits only, other runs as sep (none when sep is 0); the
 * French accents of the word lists become their plain letters. */
static void slug(const char *s, char sep, char *out, size_t n)
{
    size_t o = 0;
    bool gap = false;
    for (const unsigned char *p = (const unsigned char *)s; *p && o + 2 < n; p++) {
        unsigned char c = *p;
        if (c == 0xC3 && p[1]) {
            unsigned char d = *++p;
            c = (d >= 0xA8 && d <= 0xAB)   ? 'e'
                : (d >= 0xAC && d <= 0xAF) ? 'i'
                : d == 0xA7                ? 'c'
                                           : 0;
        }
        if (c && isalnum(c) && c < 0x80) {
            if (gap && sep && o)
                out[o++] = sep;
            out[o++] = (char)tolower(c);
            gap = false;
        } else {
            gap = true;
        }
    }
    out[o] = '\0';
}

void tc_seed_company(unsigned i, seed_company_text *out)
{
    if (i < tc_seed_real_companies_count) {
        const seed_company *c = &tc_seed_real_companies[i];
        snprintf(out->name, sizeof(out->name), "%s", c->name);
        snprintf(out->domain, sizeof(out->domain), "%s", c->domain);
        out->city = c->city;
        out->employees = c->employees;
    } else {
        /* (first, second) is distinct for each of the first 30 * 20 generated names. */
        unsigned g = i - (unsigned)tc_seed_real_companies_count;
        char word[48];
        snprintf(word, sizeof(word), "%s%s", SEED_WORD(company_first, g),
                 SEED_WORD(company_second, g / tc_seed_company_first_count));
        snprintf(out->name, sizeof(out->name), "%s %s", word, SEED_WORD(company_suffix, g));
        char plain[48];
        slug(word, 0, plain, sizeof(plain));
        snprintf(out->domain, sizeof(out->domain), "%s.com", plain);
        out->city = SEED_WORD(cities, g);
        out->employees = (int)(10 + (g * 7919u) % 5000u);
    }
    slug(out->name, '-', out->slug, sizeof(out->slug));
}

void tc_seed_rows_init(seed_rows *rows, const tc_object *o, const char *const *columns, tc_json *j)
{
    rows->object = o;
    rows->columns = columns;
    tc_buf_init(&rows->json, ROWS_MAX);
    tc_json_init(j, &rows->json);
    tc_json_arr_begin(j);
}

/* The createdBy/updatedBy columns and position every demo row carries: made by Tim. */
static void actor(tc_json *j, unsigned position)
{
    tc_json_kv_str(j, "createdBySource", "MANUAL");
    tc_json_kv_str(j, "createdByWorkspaceMemberId", SEED_MEMBER(SEED_TIM));
    tc_json_kv_str(j, "createdByName", "Tim Apple");
    tc_json_kv_str(j, "updatedBySource", "MANUAL");
    tc_json_kv_str(j, "updatedByWorkspaceMemberId", SEED_MEMBER(SEED_TIM));
    tc_json_kv_str(j, "updatedByName", "Tim Apple");
    tc_json_kv_int(j, "position", position);
}
#define ACTOR_COLUMNS                                                                              \
    "createdBySource", "createdByWorkspaceMemberId", "createdByName", "updatedBySource",           \
        "updatedByWorkspaceMemberId", "updatedByName", "position"

int tc_seed_insert(tc_db *db, const tc_model *m, seed_rows *rows, int *count, tc_err *e)
{
    tc_sql q;
    tc_sql_init(&q, 8192);
    tc_sql_add(&q, "INSERT INTO ");
    tc_sql_ident(&q, m->schema);
    tc_sql_add(&q, ".");
    tc_sql_ident(&q, rows->object->table);
    tc_sql_add(&q, " (");
    for (size_t i = 0; rows->columns[i]; i++) {
        tc_sql_add(&q, i ? ", " : "");
        tc_sql_ident(&q, rows->columns[i]);
    }
    tc_sql_add(&q, ") SELECT ");
    for (size_t i = 0; rows->columns[i]; i++) {
        tc_sql_add(&q, i ? ", x." : "x.");
        tc_sql_ident(&q, rows->columns[i]);
    }
    /* The table's own row type reads the JSON, so enums and enum arrays need no casts. */
    tc_sql_add(&q, " FROM jsonb_populate_recordset(NULL::");
    tc_sql_ident(&q, m->schema);
    tc_sql_add(&q, ".");
    tc_sql_ident(&q, rows->object->table);
    tc_sql_add(&q, ", ");
    tc_sql_param(&q, tc_buf_cstr(&rows->json));
    tc_sql_add(&q, "::jsonb) AS x ON CONFLICT DO NOTHING");
    int rc = tc_sql_ok(&q) < 0 ? tc_err_set(e, TC_E_INTERNAL, "seed statement too long")
                               : tc_seed_run(db, tc_sql_text(&q), q.nparams, q.params, count, e);
    tc_sql_fini(&q);
    tc_buf_fini(&rows->json);
    return rc;
}

static const char *const work_options[] = {"ON_SITE", "HYBRID", "REMOTE_WORK"};

static int seed_companies(tc_db *db, const tc_model *m, const tc_object *o, tc_seed_report *r,
                          tc_err *e)
{
    static const char *const columns[] = {"id",
                                          "name",
                                          "domainNamePrimaryLinkUrl",
                                          "addressAddressCity",
                                          "employees",
                                          "linkedinLinkPrimaryLinkUrl",
                                          "accountOwnerId",
                                          "idealCustomerProfile",
                                          "annualRecurringRevenueAmountMicros",
                                          "annualRecurringRevenueCurrencyCode",
                                          "tagline",
                                          "workPolicy",
                                          "visaSponsorship",
                                          ACTOR_COLUMNS,
                                          NULL};
    seed_rows rows;
    tc_json j;
    tc_seed_rows_init(&rows, o, columns, &j);
    for (unsigned i = 0; i < NCOMPANIES; i++) {
        seed_company_text c;
        char id[TC_UUID_STR_LEN + 1], url[128];
        tc_seed_company(i, &c);
        tc_seed_id("a305", i, id);
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "id", id);
        tc_json_kv_str(&j, "name", c.name);
        snprintf(url, sizeof(url), "https://%s", c.domain);
        tc_json_kv_str(&j, "domainNamePrimaryLinkUrl", url);
        tc_json_kv_str(&j, "addressAddressCity", c.city);
        tc_json_kv_int(&j, "employees", c.employees);
        snprintf(url, sizeof(url), "https://www.linkedin.com/company/%s", c.slug);
        tc_json_kv_str(&j, "linkedinLinkPrimaryLinkUrl", url);
        tc_json_kv_str(&j, "accountOwnerId", SEED_MEMBER(i));
        tc_json_kv_bool(&j, "idealCustomerProfile", i % 5 == 0);
        tc_json_kv_int(&j, "annualRecurringRevenueAmountMicros",
                       (int64_t)(1 + (i * 37u) % 200u) * 50000 * 1000000);
        tc_json_kv_str(&j, "annualRecurringRevenueCurrencyCode", "USD");
        tc_json_kv_str(&j, "tagline", SEED_WORD(taglines, i));
        tc_json_key(&j, "workPolicy");
        tc_json_arr_begin(&j);
        tc_json_str(&j, work_options[i % 3]);
        if (i % 4 == 0)
            tc_json_str(&j, work_options[(i + 1) % 3]);
        tc_json_arr_end(&j);
        tc_json_kv_bool(&j, "visaSponsorship", i % 3 == 0);
        actor(&j, i + 1);
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    return tc_seed_insert(db, m, &rows, &r->companies, e);
}

static int seed_people(tc_db *db, const tc_model *m, const tc_object *o, tc_seed_report *r,
                       tc_err *e)
{
    static const char *const columns[] = {"id",
                                          "nameFirstName",
                                          "nameLastName",
                                          "emailsPrimaryEmail",
                                          "city",
                                          "jobTitle",
                                          "companyId",
                                          "phonesPrimaryPhoneNumber",
                                          "phonesPrimaryPhoneCountryCode",
                                          "phonesPrimaryPhoneCallingCode",
                                          "linkedinLinkPrimaryLinkUrl",
                                          "intro",
                                          "workPreference",
                                          "performanceRating",
                                          ACTOR_COLUMNS,
                                          NULL};
    const unsigned nf = (unsigned)tc_seed_first_names_count;
    const unsigned pairs = nf * (unsigned)tc_seed_last_names_count;
    seed_rows rows;
    tc_json j;
    tc_seed_rows_init(&rows, o, columns, &j);
    for (unsigned i = 0; i < NPEOPLE; i++) {
        /* A permutation of the (first, last) pairs: names unique, neighbours unalike. */
        unsigned k = (i * 7919u) % pairs;
        const char *first = tc_seed_first_names[k % nf], *last = tc_seed_last_names[k / nf];
        seed_company_text c;
        char id[TC_UUID_STR_LEN + 1], company[TC_UUID_STR_LEN + 1], text[160], a[48], b[48];
        tc_seed_company(i % NCOMPANIES, &c);
        tc_seed_id("b305", i, id);
        tc_seed_id("a305", i % NCOMPANIES, company);
        slug(first, 0, a, sizeof(a));
        slug(last, 0, b, sizeof(b));
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "id", id);
        tc_json_kv_str(&j, "nameFirstName", first);
        tc_json_kv_str(&j, "nameLastName", last);
        snprintf(text, sizeof(text), "%s.%s@%s", a, b, c.domain);
        tc_json_kv_str(&j, "emailsPrimaryEmail", text);
        tc_json_kv_str(&j, "city", SEED_WORD(cities, i * 3));
        tc_json_kv_str(&j, "jobTitle", SEED_WORD(job_titles, i));
        tc_json_kv_str(&j, "companyId", company);
        snprintf(text, sizeof(text), "555%07u", (i * 104729u) % 10000000u);
        tc_json_kv_str(&j, "phonesPrimaryPhoneNumber", text);
        tc_json_kv_str(&j, "phonesPrimaryPhoneCountryCode", "US");
        tc_json_kv_str(&j, "phonesPrimaryPhoneCallingCode", "+1");
        snprintf(text, sizeof(text), "https://www.linkedin.com/in/%s-%s", a, b);
        tc_json_kv_str(&j, "linkedinLinkPrimaryLinkUrl", text);
        snprintf(text, sizeof(text), "%s at %s", SEED_WORD(job_titles, i), c.name);
        tc_json_kv_str(&j, "intro", text);
        tc_json_key(&j, "workPreference");
        tc_json_arr_begin(&j);
        tc_json_str(&j, work_options[(i / 2) % 3]);
        tc_json_arr_end(&j);
        snprintf(text, sizeof(text), "RATING_%u", 1 + i % 5);
        tc_json_kv_str(&j, "performanceRating", text);
        actor(&j, i + 1);
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    return tc_seed_insert(db, m, &rows, &r->people, e);
}

static int seed_opportunities(tc_db *db, const tc_model *m, const tc_object *o, tc_seed_report *r,
                              tc_err *e)
{
    static const char *const columns[] = {"id",
                                          "name",
                                          "amountAmountMicros",
                                          "amountCurrencyCode",
                                          "closeDate",
                                          "stage",
                                          "pointOfContactId",
                                          "companyId",
                                          "ownerId",
                                          ACTOR_COLUMNS,
                                          NULL};
    static const char *const stages[] = {"NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER"};
    seed_rows rows;
    tc_json j;
    tc_seed_rows_init(&rows, o, columns, &j);
    for (unsigned i = 0; i < NOPPORTUNITIES; i++) {
        /* Every other company; its point of contact is the company's first person. */
        unsigned company = (i * 2) % NCOMPANIES;
        seed_company_text c;
        char id[TC_UUID_STR_LEN + 1], ref[TC_UUID_STR_LEN + 1], text[160];
        tc_seed_company(company, &c);
        tc_seed_id("c305", i, id);
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "id", id);
        snprintf(text, sizeof(text), "%s - %s", c.name, SEED_WORD(products, i));
        tc_json_kv_str(&j, "name", text);
        tc_json_kv_int(&j, "amountAmountMicros", (int64_t)(1 + (i * 37u) % 100u) * 5000 * 1000000);
        tc_json_kv_str(&j, "amountCurrencyCode", "USD");
        snprintf(text, sizeof(text), "2026-%02u-%02uT12:00:00Z", 1 + i % 12, 1 + (i * 7) % 28);
        tc_json_kv_str(&j, "closeDate", text);
        tc_json_kv_str(&j, "stage", stages[i % 5]);
        tc_seed_id("b305", company, ref);
        tc_json_kv_str(&j, "pointOfContactId", ref);
        tc_seed_id("a305", company, ref);
        tc_json_kv_str(&j, "companyId", ref);
        tc_json_kv_str(&j, "ownerId", SEED_MEMBER(i + 1));
        actor(&j, i + 1);
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    return tc_seed_insert(db, m, &rows, &r->opportunities, e);
}

/* A few records of a custom object (they have a name and the system fields). */
static int seed_named(tc_db *db, const tc_model *m, const tc_object *o, const char *kind,
                      const char *const *names, size_t nnames, const char *label, tc_seed_report *r,
                      tc_err *e)
{
    static const char *const columns[] = {"id", "name", ACTOR_COLUMNS, NULL};
    seed_rows rows;
    tc_json j;
    tc_seed_rows_init(&rows, o, columns, &j);
    for (unsigned i = 0; i < NCUSTOM; i++) {
        char id[TC_UUID_STR_LEN + 1], name[64];
        tc_seed_id(kind, i, id);
        if (names)
            snprintf(name, sizeof(name), "%s", names[i % nnames]);
        else
            snprintf(name, sizeof(name), "%s %u", label, i + 1);
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "id", id);
        tc_json_kv_str(&j, "name", name);
        actor(&j, i + 1);
        tc_json_obj_end(&j);
    }
    tc_json_arr_end(&j);
    return tc_seed_insert(db, m, &rows, &r->custom_records, e);
}

const tc_object *tc_seed_object(const tc_model *m, const char *name, tc_err *e)
{
    const tc_object *o = tc_model_object(m, name);
    if (!o)
        tc_err_set(e, TC_E_NOT_FOUND, "Object %s not found in workspace %s", name,
                   m->workspace_id_text);
    return o;
}

int tc_seed_demo(tc_db *db, const char *core_schema, tc_seed_report *r, tc_err *e)
{
    tc_model *m = tc_model_load(db, core_schema, SEED_APPLE_ID, NULL, e);
    if (!m)
        return -1;
    const tc_object *company = tc_seed_object(m, "company", e),
                    *person = tc_seed_object(m, "person", e),
                    *opportunity = tc_seed_object(m, "opportunity", e),
                    *pet = tc_seed_object(m, "pet", e), *rocket = tc_seed_object(m, "rocket", e),
                    *survey = tc_seed_object(m, "surveyResult", e);
    int rc = -1;
    if (!company || !person || !opportunity || !pet || !rocket || !survey ||
        tc_db_exec(db, "BEGIN", e) < 0)
        goto out;
    if (seed_companies(db, m, company, r, e) < 0 || seed_people(db, m, person, r, e) < 0 ||
        seed_opportunities(db, m, opportunity, r, e) < 0 ||
        tc_seed_activity(db, m, NCOMPANIES, NPEOPLE, NOPPORTUNITIES, r, e) < 0 ||
        seed_named(db, m, pet, "1305", tc_seed_pet_names, tc_seed_pet_names_count, NULL, r, e) <
            0 ||
        seed_named(db, m, rocket, "2305", tc_seed_rocket_names, tc_seed_rocket_names_count, NULL, r,
                   e) < 0 ||
        seed_named(db, m, survey, "3305", NULL, 0, "Survey", r, e) < 0 ||
        tc_db_exec(db, "COMMIT", e) < 0) {
        tc_db_exec(db, "ROLLBACK", NULL);
        goto out;
    }
    rc = 0;
out:
    tc_model_free(m);
    return rc;
}
