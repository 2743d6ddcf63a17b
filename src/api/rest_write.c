/* Record mutations of the core REST API (spec api §1.2): not built yet. */
#include "api/handlers.h"
#include "api/rest_int.h"

static void not_yet(tc_req *req)
{
    tc_reply_errorf(req, TC_E_BAD_REQUEST, "mutations are not available yet");
}

void tc_rest_create_one(tc_req *req)
{
    not_yet(req);
}
void tc_rest_create_many(tc_req *req)
{
    not_yet(req);
}
void tc_rest_update_one(tc_req *req)
{
    not_yet(req);
}
void tc_rest_update_many(tc_req *req)
{
    not_yet(req);
}
void tc_rest_delete_one(tc_req *req)
{
    not_yet(req);
}
void tc_rest_delete_many(tc_req *req)
{
    not_yet(req);
}
void tc_rest_restore_one(tc_req *req)
{
    not_yet(req);
}
void tc_rest_restore_one_old(tc_req *req)
{
    not_yet(req);
}
void tc_rest_restore_many(tc_req *req)
{
    not_yet(req);
}
