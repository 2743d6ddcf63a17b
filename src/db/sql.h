/* The SQL builder: the only place SQL text is assembled. It appends fixed fragments, quoted
 * identifiers and $n placeholders while collecting the parameter values, so values never enter
 * the text and identifiers are always quoted by tc_sql_ident(). */
#ifndef TC_DB_SQL_H
#define TC_DB_SQL_H

#include "base/buf.h"

#define TC_SQL_MAX_PARAMS 65535 /* the protocol's limit */

typedef struct tc_sql {
    tc_buf text;
    const char **params; /* values as given (not copied): they must outlive the statement */
    int nparams, cap;
} tc_sql;

/* An empty statement whose text may grow to max bytes. */
void tc_sql_init(tc_sql *q, size_t max);
void tc_sql_fini(tc_sql *q);

/* Appends a fixed fragment of SQL: a string constant of the caller's, never input. */
void tc_sql_add(tc_sql *q, const char *fragment);
/* Appends name as a quoted identifier ("name", with " doubled). */
void tc_sql_ident(tc_sql *q, const char *name);
/* Appends value as a string literal, for the DDL places where parameters cannot go (DEFAULT
 * expressions, enum labels): '…' with quotes doubled, as E'…' with backslashes doubled too when
 * it has any, so the result is the same whatever standard_conforming_strings says. */
void tc_sql_literal(tc_sql *q, const char *value);

/* Appends $n for value (NULL is SQL NULL) and records it as parameter n. */
void tc_sql_param(tc_sql *q, const char *value);

/* True when nothing overflowed (text size or parameter count). */
int tc_sql_ok(const tc_sql *q);
const char *tc_sql_text(const tc_sql *q);

/* Quotes name as an identifier into out; the one quoting function the builder uses. */
void tc_sql_quote_ident(tc_buf *out, const char *name);
/* Quotes value as a string literal into out (as tc_sql_literal). */
void tc_sql_quote_literal(tc_buf *out, const char *value);

#endif
