/* Demo tasks and notes of Apple, each tied to records through taskTarget/noteTarget rows (a
 * company, often a person, sometimes an opportunity), with BlockNote and Markdown bodies. Ids
 * are fixed like the other demo records (see tc_seed_id). */
#include "seed/seed_int.h"

#include <stdio.h>

#include "base/json.h"

#define NTASKS 400u
#define NNOTES 400u

static const char *const task_columns[] = {"id",
                                           "title",
                                           "bodyV2Markdown",
                                           "bodyV2Blocknote",
                                           "dueAt",
                                           "status",
                                           "assigneeId",
                                           "createdBySource",
                                           "createdByWorkspaceMemberId",
                                           "createdByName",
                                           "position",
                                           NULL};
static const char *const note_columns[] = {"id",
                                           "title",
                                           "bodyV2Markdown",
                                           "bodyV2Blocknote",
                                           "createdBySource",
                                           "createdByWorkspaceMemberId",
                                           "createdByName",
                                           "position",
                                           NULL};
static const char *const task_target_columns[] = {
    "id", "taskId", "targetCompanyId", "targetPersonId", "targetOpportunityId", NULL};
static const char *const note_target_columns[] = {
    "id", "noteId", "targetCompanyId", "targetPersonId", "targetOpportunityId", NULL};

/* body as Markdown and as a one-paragraph BlockNote document (bodyV2's two columns). */
static void body(tc_json *j, const char *block_id, const char *text)
{
    tc_buf doc;
    tc_json d;
    tc_buf_init(&doc, 4096);
    tc_json_init(&d, &doc);
    tc_json_arr_begin(&d);
    tc_json_obj_begin(&d);
    tc_json_kv_str(&d, "id", block_id);
    tc_json_kv_str(&d, "type", "paragraph");
    tc_json_kv_raw(&d, "props",
                   "{\"textColor\":\"default\",\"backgroundColor\":\"default\","
                   "\"textAlignment\":\"left\"}");
    tc_json_key(&d, "content");
    tc_json_arr_begin(&d);
    tc_json_obj_begin(&d);
    tc_json_kv_str(&d, "type", "text");
    tc_json_kv_str(&d, "text", text);
    tc_json_kv_raw(&d, "styles", "{}");
    tc_json_obj_end(&d);
    tc_json_arr_end(&d);
    tc_json_kv_raw(&d, "children", "[]");
    tc_json_obj_end(&d);
    tc_json_arr_end(&d);
    tc_json_kv_str(j, "bodyV2Markdown", text);
    tc_json_kv_str(j, "bodyV2Blocknote", tc_buf_cstr(&doc));
    tc_buf_fini(&doc);
}

static void created_by(tc_json *j, unsigned position)
{
    tc_json_kv_str(j, "createdBySource", "MANUAL");
    tc_json_kv_str(j, "createdByWorkspaceMemberId", SEED_MEMBER(SEED_TIM));
    tc_json_kv_str(j, "createdByName", "Tim Apple");
    tc_json_kv_int(j, "position", position);
}

/* One target row: the junction's id, its task or note, and one record. */
static void target(tc_json *j, unsigned *n, const char *kind, const char *owner_key,
                   const char *owner, const char *key, const char *id_kind, unsigned index)
{
    char id[TC_UUID_STR_LEN + 1], ref[TC_UUID_STR_LEN + 1];
    tc_seed_id(kind, (*n)++, id);
    tc_seed_id(id_kind, index, ref);
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "id", id);
    tc_json_kv_str(j, owner_key, owner);
    tc_json_kv_str(j, key, ref);
    tc_json_obj_end(j);
}

static int seed_tasks(tc_db *db, const tc_model *m, unsigned ncompanies, unsigned nopportunities,
                      tc_seed_report *r, tc_err *e)
{
    static const char *const statuses[] = {"TODO", "IN_PROGRESS", "DONE"};
    const tc_object *task = tc_seed_object(m, "task", e),
                    *junction = tc_seed_object(m, "taskTarget", e);
    if (!task || !junction)
        return -1;
    seed_rows rows, targets;
    tc_json j, t;
    tc_seed_rows_init(&rows, task, task_columns, &j);
    tc_seed_rows_init(&targets, junction, task_target_columns, &t);
    unsigned n = 0;
    for (unsigned i = 0; i < NTASKS; i++) {
        unsigned company = (i * 3) % ncompanies;
        seed_company_text c;
        char id[TC_UUID_STR_LEN + 1], block[TC_UUID_STR_LEN + 1], text[200];
        tc_seed_company(company, &c);
        tc_seed_id("d305", i, id);
        tc_seed_id("9305", i, block);
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "id", id);
        snprintf(text, sizeof(text), "%s %s", SEED_WORD(task_verbs, i), c.name);
        tc_json_kv_str(&j, "title", text);
        snprintf(text, sizeof(text), "%s %s before the end of the month.", SEED_WORD(task_verbs, i),
                 c.name);
        body(&j, block, text);
        snprintf(text, sizeof(text), "2026-%02u-%02uT09:00:00Z", 1 + i % 12, 1 + (i * 11) % 28);
        tc_json_kv_str(&j, "dueAt", text);
        tc_json_kv_str(&j, "status", statuses[i % 3]);
        tc_json_kv_str(&j, "assigneeId", SEED_MEMBER(i));
        created_by(&j, i + 1);
        tc_json_obj_end(&j);
        target(&t, &n, "f305", "taskId", id, "targetCompanyId", "a305", company);
        if (i % 2 == 0) /* the company's first person */
            target(&t, &n, "f305", "taskId", id, "targetPersonId", "b305", company);
        if (i % 5 == 0)
            target(&t, &n, "f305", "taskId", id, "targetOpportunityId", "c305", i % nopportunities);
    }
    tc_json_arr_end(&j);
    tc_json_arr_end(&t);
    int rc = tc_seed_insert(db, m, &rows, &r->tasks, e);
    if (rc == 0)
        rc = tc_seed_insert(db, m, &targets, &r->targets, e);
    else
        tc_buf_fini(&targets.json);
    return rc;
}

static int seed_notes(tc_db *db, const tc_model *m, unsigned ncompanies, unsigned npeople,
                      unsigned nopportunities, tc_seed_report *r, tc_err *e)
{
    const tc_object *note = tc_seed_object(m, "note", e),
                    *junction = tc_seed_object(m, "noteTarget", e);
    if (!note || !junction)
        return -1;
    seed_rows rows, targets;
    tc_json j, t;
    tc_seed_rows_init(&rows, note, note_columns, &j);
    tc_seed_rows_init(&targets, junction, note_target_columns, &t);
    unsigned n = 0;
    for (unsigned i = 0; i < NNOTES; i++) {
        unsigned person = (i * 3) % npeople, company = person % ncompanies;
        seed_company_text c;
        char id[TC_UUID_STR_LEN + 1], block[TC_UUID_STR_LEN + 1], text[200];
        tc_seed_company(company, &c);
        tc_seed_id("e305", i, id);
        tc_seed_id("8305", i, block);
        tc_json_obj_begin(&j);
        tc_json_kv_str(&j, "id", id);
        snprintf(text, sizeof(text), "%s with %s", SEED_WORD(note_topics, i), c.name);
        tc_json_kv_str(&j, "title", text);
        snprintf(text, sizeof(text), "%s with %s: next steps agreed, follow-up in two weeks.",
                 SEED_WORD(note_topics, i), c.name);
        body(&j, block, text);
        created_by(&j, i + 1);
        tc_json_obj_end(&j);
        target(&t, &n, "0305", "noteId", id, "targetPersonId", "b305", person);
        if (i % 2 == 0)
            target(&t, &n, "0305", "noteId", id, "targetCompanyId", "a305", company);
        if (i % 3 == 0)
            target(&t, &n, "0305", "noteId", id, "targetOpportunityId", "c305",
                   (i / 3) % nopportunities);
    }
    tc_json_arr_end(&j);
    tc_json_arr_end(&t);
    int rc = tc_seed_insert(db, m, &rows, &r->notes, e);
    if (rc == 0)
        rc = tc_seed_insert(db, m, &targets, &r->targets, e);
    else
        tc_buf_fini(&targets.json);
    return rc;
}

int tc_seed_activity(tc_db *db, const tc_model *m, unsigned ncompanies, unsigned npeople,
                     unsigned nopportunities, tc_seed_report *r, tc_err *e)
{
    if (seed_tasks(db, m, ncompanies, nopportunities, r, e) < 0)
        return -1;
    return seed_notes(db, m, ncompanies, npeople, nopportunities, r, e);
}
