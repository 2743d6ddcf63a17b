/* Reading a request: headers, query parameters, a JSON body. */
#include <sys/queue.h>

#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <jansson.h>
#include <string.h>

#include "api/api_int.h"

const char *tc_req_header(tc_req *req, const char *name)
{
    return evhttp_find_header(evhttp_request_get_input_headers(req->ev), name);
}

static void free_query(void *q)
{
    evhttp_clear_headers(q);
}

const char *tc_req_query(tc_req *req, const char *name)
{
    if (!req->query)
        return NULL;
    /* Parsed once per lookup: queries are short and few parameters are read. */
    struct evkeyvalq *q = tc_arena_calloc(req->arena, 1, sizeof(*q));
    TAILQ_INIT(q);
    if (evhttp_parse_query_str(req->query, q) < 0)
        return NULL;
    tc_arena_defer(req->arena, free_query, q);
    const char *v = evhttp_find_header(q, name);
    return v ? tc_arena_strdup(req->arena, v) : NULL;
}

static void free_json(void *j)
{
    json_decref(j);
}

json_t *tc_req_json_or_respond(tc_req *req)
{
    struct evbuffer *in = evhttp_request_get_input_buffer(req->ev);
    size_t n = evbuffer_get_length(in);
    const char *body = (const char *)evbuffer_pullup(in, -1);
    json_error_t jerr;
    json_t *j = n ? json_loadb(body, n, JSON_REJECT_DUPLICATES, &jerr) : NULL;
    if (!j) {
        tc_reply_errorf(req, TC_E_MALFORMED, "Invalid JSON body");
        return NULL;
    }
    tc_arena_defer(req->arena, free_json, j);
    return j;
}
