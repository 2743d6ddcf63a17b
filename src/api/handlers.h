/* The route handlers, one declaration per route of routes.c. */
#ifndef TC_API_HANDLERS_H
#define TC_API_HANDLERS_H

#include "api/http.h"

void tc_health(tc_req *req);           /* GET /healthz */
void tc_health_indicator(tc_req *req); /* GET /healthz/:indicatorId */

#endif
