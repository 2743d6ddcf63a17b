/* The route table: every path twentyc serves, in match order. */
#include "api/router.h"

#include "api/handlers.h"
#include "base/compiler.h"

const tc_route tc_routes[] = {
    {TC_GET, "/healthz", tc_health},
    {TC_GET, "/healthz/:indicatorId", tc_health_indicator},
};

const size_t tc_routes_count = TC_COUNT(tc_routes);
