/* Route table matching: a route is a method set and a path pattern of literal segments and
 * :name segments (one segment each, non-empty). */
#ifndef TC_API_ROUTER_H
#define TC_API_ROUTER_H

#include <stddef.h>

#include "api/http.h"

typedef void (*tc_handler)(tc_req *req);

typedef struct tc_route {
    unsigned methods; /* tc_method bits */
    const char *pattern;
    tc_handler handler;
} tc_route;

typedef enum tc_match {
    TC_MATCH_NONE,     /* no pattern fits the path */
    TC_MATCH_OK,       /* *route set, req->params filled (decoded into req->arena) */
    TC_MATCH_BAD_PATH, /* a parameter segment does not decode (bad % escape or NUL) */
} tc_match;

/* Finds the first route whose pattern fits path and whose methods include method (HEAD is
 * served by GET routes). */
tc_match tc_route_find(const tc_route *routes, size_t n, tc_method method, const char *path,
                       tc_req *req, const tc_route **route);

/* The application's route table (routes.c). */
extern const tc_route tc_routes[];
extern const size_t tc_routes_count;

#endif
