/* POST /rest/{plural}/duplicates and PATCH /rest/{plural}/merge (spec api §1.2 #2, #11): not
 * built yet. */
#include "api/handlers.h"
#include "api/rest_int.h"

void tc_rest_find_duplicates(tc_req *req)
{
    tc_reply_errorf(req, TC_E_BAD_REQUEST, "duplicates is not available yet");
}

void tc_rest_merge(tc_req *req)
{
    tc_reply_errorf(req, TC_E_BAD_REQUEST, "merge is not available yet");
}
