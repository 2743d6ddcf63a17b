/* GET /rest/{plural}/groupBy (spec api §1.2 #4, §1.10): not built yet. */
#include "api/handlers.h"
#include "api/rest_int.h"

void tc_rest_group_by(tc_req *req)
{
    tc_reply_errorf(req, TC_E_BAD_REQUEST, "groupBy is not available yet");
}
