/* What the files of the seed module share (seed_dev.c: the run, workspaces and the report;
 * seed_schema.c: custom objects and fields; seed_identity.c: roles, users, memberships, the API
 * key; seed_demo.c and seed_activity.c: demo records; seed_words.c: the word lists they are
 * made of). Not for other modules. */
#ifndef TC_SEED_SEED_INT_H
#define TC_SEED_SEED_INT_H

#include <stddef.h>

#include "base/buf.h"
#include "base/json.h"
#include "meta/model.h"
#include "seed/seed.h"

#define SEED_APPLE_ID "20202020-1c25-4d02-bf25-6aeccf7ea419"
#define SEED_YC_ID "3b8e6458-5fc1-4e63-8563-008ccddaa6db"

/* One of Twenty's four seed users and the ids of their memberships. */
typedef struct seed_user {
    const char *first, *last, *email, *id;
    const char *apple_uw, *apple_member, *apple_role; /* userWorkspace, workspaceMember, role */
    const char *yc_uw, *yc_member, *yc_role;
} seed_user;

extern const seed_user tc_seed_users[4];
enum { SEED_TIM, SEED_JONY, SEED_PHIL, SEED_JANE };

/* Runs one statement; *affected (when not NULL) receives the rows it inserted or updated.
 * 0, or -1 with e filled. */
int tc_seed_run(tc_db *db, const char *sql, int n, const char *const *p, int *affected, tc_err *e);

/* The steps, in the order tc_seed_dev runs them; each adds what it created to r. */
int tc_seed_schema(tc_db *db, const char *core_schema, tc_seed_report *r, tc_err *e);
int tc_seed_identities(tc_db *db, tc_seed_report *r, tc_err *e);
int tc_seed_demo(tc_db *db, const char *core_schema, tc_seed_report *r, tc_err *e);

/* A table of the demo: its object (from the workspace's model), the columns written and the
 * rows as a JSON array of objects keyed by those columns. */
typedef struct seed_rows {
    const tc_object *object;
    const char *const *columns; /* NULL-terminated */
    tc_buf json;
} seed_rows;

/* Starts rows of object o (their JSON array opened on j, a writer over rows->json). */
void tc_seed_rows_init(seed_rows *rows, const tc_object *o, const char *const *columns, tc_json *j);

/* The object named name in m, or NULL with e filled (TC_E_NOT_FOUND). */
const tc_object *tc_seed_object(const tc_model *m, const char *name, tc_err *e);

/* Inserts rows->json into the object's table in one statement (rows whose id, or another unique
 * key, exists are skipped), adds the number inserted to *count and frees rows->json. */
int tc_seed_insert(tc_db *db, const tc_model *m, seed_rows *rows, int *count, tc_err *e);

/* The id of the index-th demo record of a kind: Twenty's first id with index added to its last
 * 48 bits (kind "a305" gives 20202020-a305-41e7-8c72-ba44072a4c58 for index 0). out: 37 bytes. */
void tc_seed_id(const char *kind, unsigned index, char *out);

/* The index-th demo company: a well-known one, then generated names (seed_demo.c). */
typedef struct seed_company_text {
    char name[64], domain[64], slug[64];
    const char *city;
    int employees;
} seed_company_text;
void tc_seed_company(unsigned index, seed_company_text *out);

/* The workspaceMember id of seed user i in Apple. */
#define SEED_MEMBER(i) (tc_seed_users[(i) % 4].apple_member)

/* Demo records written by seed_activity.c after companies, people and opportunities exist. */
int tc_seed_activity(tc_db *db, const tc_model *m, unsigned ncompanies, unsigned npeople,
                     unsigned nopportunities, tc_seed_report *r, tc_err *e);

/* Word lists (seed_words.c); SEED_WORD(cities, i) is the i-th city, round and round. */
#define SEED_WORD(list, i) (tc_seed_##list[(i) % tc_seed_##list##_count])
typedef struct seed_company {
    const char *name, *domain, *city;
    int employees;
} seed_company;
extern const seed_company tc_seed_real_companies[];
extern const size_t tc_seed_real_companies_count;
extern const char *const tc_seed_company_first[],
    *const tc_seed_company_second[],
        *const tc_seed_company_suffix[],
            *const tc_seed_first_names[],
                *const tc_seed_last_names[],
                    *const tc_seed_cities[], *const tc_seed_job_titles[],
                                                 *const tc_seed_taglines[],
                                                     *const tc_seed_products[],
                                                         *const tc_seed_task_verbs[],
                                                             *const tc_seed_note_topics[],
                                                                 *const tc_seed_pet_names[],
                                                                     *const tc_seed_rocket_names[];
extern const size_t tc_seed_company_first_count, tc_seed_company_second_count,
    tc_seed_company_suffix_count, tc_seed_first_names_count, tc_seed_last_names_count,
    tc_seed_cities_count, tc_seed_job_titles_count, tc_seed_taglines_count, tc_seed_products_count,
    tc_seed_task_verbs_count, tc_seed_note_topics_count, tc_seed_pet_names_count,
    tc_seed_rocket_names_count;

#endif
