/* GET /healthz and /healthz/:indicatorId in the @nestjs/terminus shape Twenty answers with
 * (spec/twenty-api.md §9): {"status","info","error","details"}, 503 when an indicator is down. */
#include <string.h>

#include "api/handlers.h"
#include "base/json.h"
#include "base/log.h"

static void indicator(tc_json *j, const char *name, bool up)
{
    tc_json_key(j, name);
    tc_json_obj_begin(j);
    tc_json_key(j, "status");
    tc_json_str(j, up ? "up" : "down");
    tc_json_obj_end(j);
}

static void reply_health(tc_req *req, const char *name, bool up)
{
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 4096);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "status");
    tc_json_str(&j, up ? "ok" : "error");
    tc_json_key(&j, "info");
    tc_json_obj_begin(&j);
    if (up)
        indicator(&j, name, true);
    tc_json_obj_end(&j);
    tc_json_key(&j, "error");
    tc_json_obj_begin(&j);
    if (!up)
        indicator(&j, name, false);
    tc_json_obj_end(&j);
    tc_json_key(&j, "details");
    tc_json_obj_begin(&j);
    indicator(&j, name, up);
    tc_json_obj_end(&j);
    tc_json_obj_end(&j);
    tc_reply_json(req, up ? 200 : 503, &b);
    tc_buf_fini(&b);
}

/* One round trip. A pooled connection that broke while idle (the database restarted) fails
 * once; the check then retries on a fresh connection before calling the database down. */
static bool database_up(tc_req *req)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        tc_err e;
        tc_db *db = tc_req_db(req, &e);
        if (!db)
            return false;
        PGresult *r = tc_db_query(db, "SELECT 1", 0, NULL, &e);
        if (r) {
            PQclear(r);
            return true;
        }
        tc_log_debug("health check query failed: %s", e.detail);
        tc_req_db_release(req);
        if (e.code != TC_E_DB_UNAVAILABLE)
            return false;
    }
    return false;
}

void tc_health(tc_req *req)
{
    reply_health(req, "database", database_up(req));
}

void tc_health_indicator(tc_req *req)
{
    const char *id = req->params[0];
    if (strcmp(id, "database") == 0)
        reply_health(req, "database", database_up(req));
    else if (strcmp(id, "app") == 0)
        reply_health(req, "app", true);
    else
        tc_reply_errorf(req, TC_E_MALFORMED, "Invalid indicatorId: %s", id);
}
