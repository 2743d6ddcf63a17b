/* A strict-enough URL parser for settings: it rejects what is not scheme://authority[...],
 * and finds the password so that it can be redacted. */
#include "base/url.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static tc_url_part part(const char *p, size_t n)
{
    tc_url_part r = {p, n};
    return r;
}

int tc_url_parse(const char *s, tc_url *u, const char **why)
{
    memset(u, 0, sizeof(*u));
    const char *p = s;
    /* scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) */
    if (!isalpha((unsigned char)*p))
        return *why = "expected scheme://host", -1;
    while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
        p++;
    if (strncmp(p, "://", 3) != 0)
        return *why = "expected scheme://host", -1;
    u->scheme = part(s, (size_t)(p - s));
    p += 3;

    const char *auth = p;
    const char *auth_end = auth + strcspn(auth, "/?#");
    for (const char *c = auth; c < auth_end; c++) {
        if ((unsigned char)*c <= ' ' || *c == '"' || *c == '<' || *c == '>' || *c == '\\')
            return *why = "invalid character in host part", -1;
    }
    const char *at = NULL;
    for (const char *c = auth; c < auth_end; c++) {
        if (*c == '@')
            at = c; /* the last '@' ends the user info */
    }
    const char *host = auth;
    if (at) {
        const char *colon = memchr(auth, ':', (size_t)(at - auth));
        if (colon) {
            u->user = part(auth, (size_t)(colon - auth));
            u->password = part(colon + 1, (size_t)(at - colon - 1));
        } else {
            u->user = part(auth, (size_t)(at - auth));
        }
        host = at + 1;
    }
    const char *host_end;
    const char *port = NULL;
    if (*host == '[') {
        const char *close = memchr(host, ']', (size_t)(auth_end - host));
        if (!close || close == host + 1)
            return *why = "unterminated IPv6 address", -1;
        host_end = close + 1;
        if (host_end < auth_end) {
            if (*host_end != ':')
                return *why = "unexpected text after IPv6 address", -1;
            port = host_end + 1;
        }
    } else {
        const char *colon = memchr(host, ':', (size_t)(auth_end - host));
        host_end = colon ? colon : auth_end;
        if (colon)
            port = colon + 1;
    }
    if (host_end == host)
        return *why = "missing host", -1;
    u->host = part(host, (size_t)(host_end - host));
    if (port) {
        long v = 0;
        if (port == auth_end)
            return *why = "empty port", -1;
        for (const char *c = port; c < auth_end; c++) {
            if (!isdigit((unsigned char)*c) || (v = v * 10 + (*c - '0')) > 65535)
                return *why = "port must be a number from 1 to 65535", -1;
        }
        if (v == 0)
            return *why = "port must be a number from 1 to 65535", -1;
        u->port = (int)v;
    }

    p = auth_end;
    const char *path_end = p + strcspn(p, "?#");
    if (path_end > p)
        u->path = part(p, (size_t)(path_end - p));
    p = path_end;
    if (*p == '?') {
        const char *q_end = p + 1 + strcspn(p + 1, "#");
        u->query = part(p + 1, (size_t)(q_end - p - 1));
        p = q_end;
    }
    if (*p == '#')
        u->fragment = part(p + 1, strlen(p + 1));
    for (const char *c = auth_end; *c; c++) {
        if ((unsigned char)*c <= ' ')
            return *why = "invalid character in URL", -1;
    }
    return 0;
}

void tc_url_redact(const char *url, char *out, size_t n)
{
    tc_url u;
    const char *why;
    if (n == 0)
        return;
    if (tc_url_parse(url, &u, &why) < 0 || !u.password.p) {
        snprintf(out, n, "%s", url);
        return;
    }
    int head = (int)(u.password.p - url);
    snprintf(out, n, "%.*s****%s", head, url, u.password.p + u.password.n);
}
