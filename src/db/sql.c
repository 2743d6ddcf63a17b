/* SQL builder (see sql.h). */
#include "db/sql.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/die.h"

void tc_sql_init(tc_sql *q, size_t max)
{
    tc_buf_init(&q->text, max);
    q->params = NULL;
    q->nparams = q->cap = 0;
}

void tc_sql_fini(tc_sql *q)
{
    tc_buf_fini(&q->text);
    free(q->params);
    q->params = NULL;
    q->nparams = q->cap = 0;
}

void tc_sql_add(tc_sql *q, const char *fragment)
{
    tc_buf_adds(&q->text, fragment);
}

void tc_sql_quote_ident(tc_buf *out, const char *name)
{
    tc_buf_addc(out, '"');
    for (const char *p = name; *p; p++) {
        if (*p == '"')
            tc_buf_addc(out, '"');
        tc_buf_addc(out, *p);
    }
    tc_buf_addc(out, '"');
}

void tc_sql_quote_literal(tc_buf *out, const char *value)
{
    bool backslash = strchr(value, '\\') != NULL;
    if (backslash)
        tc_buf_addc(out, 'E');
    tc_buf_addc(out, '\'');
    for (const char *p = value; *p; p++) {
        if (*p == '\'' || (*p == '\\' && backslash))
            tc_buf_addc(out, *p);
        tc_buf_addc(out, *p);
    }
    tc_buf_addc(out, '\'');
}

void tc_sql_literal(tc_sql *q, const char *value)
{
    tc_sql_quote_literal(&q->text, value);
}

void tc_sql_ident(tc_sql *q, const char *name)
{
    tc_sql_quote_ident(&q->text, name);
}

void tc_sql_param(tc_sql *q, const char *value)
{
    if (q->nparams == TC_SQL_MAX_PARAMS) {
        q->text.failed = 1;
        return;
    }
    if (q->nparams == q->cap) {
        q->cap = q->cap ? q->cap * 2 : 8;
        q->params = realloc(q->params, (size_t)q->cap * sizeof(*q->params));
        if (!q->params)
            tc_die_oom();
    }
    q->params[q->nparams++] = value;
    tc_buf_printf(&q->text, "$%d", q->nparams);
}

int tc_sql_ok(const tc_sql *q)
{
    return !q->text.failed;
}

const char *tc_sql_text(const tc_sql *q)
{
    return tc_buf_cstr(&q->text);
}
