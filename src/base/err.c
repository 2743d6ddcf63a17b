/* The error table's lookups and tc_err filling. */
#include "base/err.h"

#include <stdarg.h>
#include <stdio.h>

static const struct {
    const char *name;
    int status;
    const char *client;
} table[] = {[TC_OK] = {"TC_OK", 200, NULL},
#define TC_ERR_ROW(code, status, client) [code] = {#code, status, client},
             TC_ERRORS(TC_ERR_ROW)
#undef TC_ERR_ROW
};

static int known(tc_code code)
{
    return (unsigned)code < TC_COUNT(table) && table[code].name;
}

const char *tc_err_name(tc_code code)
{
    return known(code) ? table[code].name : "TC_E_UNKNOWN";
}

int tc_err_status(tc_code code)
{
    return known(code) ? table[code].status : 500;
}

const char *tc_err_client_code(tc_code code)
{
    return known(code) ? table[code].client : NULL;
}

int tc_err_set(tc_err *e, tc_code code, const char *fmt, ...)
{
    if (!e)
        return -1;
    e->code = code;
    e->sqlstate[0] = e->constraint[0] = '\0';
    e->reason[0] = '\0';
    e->detail[0] = '\0';
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof(e->message), fmt, ap);
    va_end(ap);
    return -1;
}

void tc_err_detail(tc_err *e, const char *fmt, ...)
{
    if (!e)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->detail, sizeof(e->detail), fmt, ap);
    va_end(ap);
}

void tc_err_clear(tc_err *e)
{
    if (!e)
        return;
    e->code = TC_OK;
    e->sqlstate[0] = e->reason[0] = e->message[0] = e->detail[0] = e->constraint[0] = '\0';
}
