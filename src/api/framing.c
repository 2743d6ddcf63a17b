/* Answers to requests libevent could not read: a malformed request line or headers (400), a
 * body or header block over the limit (413). libevent 2.1 writes these itself as HTML through
 * evhttp_send_error() and offers no hook (2.2 adds evhttp_set_errorcb), so twentyc defines
 * evhttp_send_error: the dynamic linker binds libevent's own calls to the executable's
 * definition, and these answers come out in Twenty's JSON shape. twentyc's handlers never call
 * it; they use tc_reply_error. */
#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/http_struct.h>
#include <stdio.h>

#include "api/api_int.h"
#include "base/hex.h"
#include "base/log.h"
#include "base/random.h"

void evhttp_send_error(struct evhttp_request *req, int error, const char *reason);

void evhttp_send_error(struct evhttp_request *req, int error, const char *reason)
{
    (void)reason;
    const char *message;
    switch (error) {
    case 400: message = "Malformed HTTP request"; break;
    /* The text Express's body parser gives, which is what Twenty answers. */
    case 413: message = "request entity too large"; break;
    case 417: message = "Expectation failed"; break;
    default: message = "Request not served"; break;
    }
    /* A request line that did not parse leaves no HTTP version to answer with. */
    if (!req->major) {
        req->major = 1;
        req->minor = 1;
    }
    unsigned char r[8];
    char id[2 * sizeof(r) + 1];
    tc_random_bytes(r, sizeof(r));
    tc_hex_encode(r, sizeof(r), id);
    evhttp_clear_headers(evhttp_request_get_output_headers(req));
    tc_http_common_headers(req, id, true);
    tc_buf b;
    tc_buf_init(&b, 1024);
    tc_http_error_body(&b, error, message, NULL);
    evbuffer_add(evhttp_request_get_output_buffer(req), tc_buf_cstr(&b), b.len);
    evhttp_send_reply(req, error, NULL, NULL);
    if (tc_log_enabled(TC_LOG_LOG)) {
        tc_buf_reset(&b);
        b.max = 4096;
        tc_http_access_log(&b, id, "-", "-", NULL, error, 0);
    }
    tc_buf_fini(&b);
}
