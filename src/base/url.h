/* URL parsing for settings (PG_DATABASE_URL, SERVER_URL): scheme://[user[:password]@]host[:port]
 * [/path][?query][#fragment]. Parts point into the parsed string; nothing is decoded. */
#ifndef TC_BASE_URL_H
#define TC_BASE_URL_H

#include <stddef.h>

typedef struct tc_url_part {
    const char *p; /* NULL when absent */
    size_t n;
} tc_url_part;

typedef struct tc_url {
    tc_url_part scheme, user, password, host, path, query, fragment;
    int port; /* 0 when absent */
} tc_url;

/* Parses s; 0, or -1 when it is not an absolute URL with a host (why in *why, a static string). */
int tc_url_parse(const char *s, tc_url *out, const char **why);

/* Copies url into out (size n, always NUL-terminated) with any password replaced by "****". */
void tc_url_redact(const char *url, char *out, size_t n);

#endif
