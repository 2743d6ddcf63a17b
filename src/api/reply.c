/* Answers: JSON bodies, Twenty's error shape, the headers every response carries, and the
 * access line. */
#include "api/api_int.h"

#include <event2/buffer.h>
#include <event2/http.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "base/log.h"

#define JSON_CONTENT_TYPE "application/json; charset=utf-8"

const char *tc_http_exception_name(int status)
{
    /* NestJS's built-in exceptions, as Twenty's error filter names them (spec §1.12). */
    switch (status) {
    case 400: return "BadRequestException";
    case 401: return "UnauthorizedException";
    case 402: return "PaymentRequiredException";
    case 403: return "ForbiddenException";
    case 404: return "NotFoundException";
    case 405: return "MethodNotAllowedException";
    case 408: return "RequestTimeoutException";
    case 409: return "ConflictException";
    case 410: return "GoneException";
    case 413: return "PayloadTooLargeException";
    case 416: return "RequestedRangeNotSatisfiableException";
    case 422: return "UnprocessableEntityException";
    case 429: return "TooManyRequestsException";
    case 501: return "NotImplementedException";
    case 502: return "BadGatewayException";
    case 503: return "ServiceUnavailableException";
    case 504: return "GatewayTimeoutException";
    default: return status < 500 ? "BadRequestException" : "InternalServerErrorException";
    }
}

void tc_http_error_body(tc_buf *out, int status, const char *message, const char *code)
{
    tc_json j;
    tc_json_init(&j, out);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "statusCode");
    tc_json_int(&j, status);
    tc_json_key(&j, "error");
    tc_json_str(&j, tc_http_exception_name(status));
    tc_json_key(&j, "messages");
    tc_json_arr_begin(&j);
    tc_json_str(&j, message);
    tc_json_arr_end(&j);
    if (code) {
        tc_json_key(&j, "code");
        tc_json_str(&j, code);
    }
    tc_json_obj_end(&j);
}

void tc_http_common_headers(struct evhttp_request *ev, const char *id, bool closing)
{
    struct evkeyvalq *h = evhttp_request_get_output_headers(ev);
    evhttp_add_header(h, "Content-Type", JSON_CONTENT_TYPE);
    evhttp_add_header(h, "X-Request-Id", id);
    if (closing)
        evhttp_add_header(h, "Connection", "close");
}

static void send_body(tc_req *req, int status, const char *body, size_t n)
{
    tc_http_common_headers(req->ev, req->id, req->thread->draining);
    /* HEAD gets the headers of the GET answer; libevent sends no body for it. */
    evbuffer_add(evhttp_request_get_output_buffer(req->ev), body, n);
    evhttp_send_reply(req->ev, status, NULL, NULL);
    req->status = status;
}

void tc_reply_json(tc_req *req, int status, const tc_buf *body)
{
    if (req->status) {
        tc_log_error("second answer to %s %s dropped", req->method_name, req->path);
        return;
    }
    if (body->failed) {
        tc_reply_errorf(req, TC_E_INTERNAL, "Response too large");
        return;
    }
    send_body(req, status, tc_buf_cstr(body), body->len);
}

void tc_reply_json_text(tc_req *req, int status, const char *json, size_t n)
{
    if (req->status) {
        tc_log_error("second answer to %s %s dropped", req->method_name, req->path);
        return;
    }
    send_body(req, status, json, n);
}

void tc_reply_error(tc_req *req, const tc_err *e)
{
    if (req->status) {
        tc_log_error("second answer to %s %s dropped", req->method_name, req->path);
        return;
    }
    int status = tc_err_status(e->code);
    if (e->detail[0])
        tc_log(status >= 500 ? TC_LOG_ERROR : TC_LOG_DEBUG, "request %s: %s: %s", req->id,
               e->message, e->detail);
    tc_buf b;
    tc_buf_init(&b, 4096);
    tc_http_error_body(&b, status, e->message,
                       e->reason[0] ? e->reason : tc_err_client_code(e->code));
    send_body(req, status, tc_buf_cstr(&b), b.len);
    tc_buf_fini(&b);
}

void tc_reply_errorf(tc_req *req, tc_code code, const char *fmt, ...)
{
    tc_err e;
    tc_err_clear(&e);
    e.code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof(e.message), fmt, ap);
    va_end(ap);
    tc_reply_error(req, &e);
}

void tc_http_access_log(tc_buf *scratch, const char *id, const char *method, const char *path,
                        const char *query, int status, int64_t duration_us)
{
    tc_json j;
    tc_log_open(&j, scratch, TC_LOG_LOG);
    tc_json_key(&j, "msg");
    tc_json_str(&j, "request");
    tc_json_key(&j, "reqId");
    tc_json_str(&j, id);
    tc_json_key(&j, "method");
    tc_json_str(&j, method);
    tc_json_key(&j, "path");
    if (path && query) {
        /* Values may hold secrets or personal data: keep the names, drop what follows '='. */
        char shown[2048];
        size_t o = (size_t)snprintf(shown, sizeof(shown), "%s?", path);
        bool in_value = false;
        for (const char *q = query; *q && o + 1 < sizeof(shown); q++) {
            if (*q == '&')
                in_value = false;
            if (!in_value)
                shown[o++] = *q;
            if (*q == '=')
                in_value = true;
        }
        shown[o < sizeof(shown) ? o : sizeof(shown) - 1] = '\0';
        tc_json_str(&j, shown);
    } else {
        tc_json_str(&j, path);
    }
    tc_json_key(&j, "status");
    tc_json_int(&j, status);
    tc_json_key(&j, "durationUs");
    tc_json_int(&j, duration_us);
    tc_log_close(&j);
}
