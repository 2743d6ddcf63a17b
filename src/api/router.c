/* Route matching by path segments (see router.h). Tables are small; a linear scan over
 * pre-split patterns is faster than anything cleverer at this size. */
#include "api/router.h"

#include <string.h>

#include "base/hex.h"

/* Percent-decodes s[0..n) into the arena; NULL on a bad escape or an encoded NUL. */
static const char *decode(tc_arena *a, const char *s, size_t n)
{
    char *out = tc_arena_alloc(a, n + 1), *o = out;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '%') {
            *o++ = s[i];
            continue;
        }
        if (i + 2 >= n)
            return NULL;
        int hi = tc_hex_digit(s[i + 1]), lo = tc_hex_digit(s[i + 2]);
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
            return NULL;
        *o++ = (char)(hi << 4 | lo);
        i += 2;
    }
    *o = '\0';
    return out;
}

/* Matches one pattern; fills params only when the whole path fits. */
static tc_match match(const char *pattern, const char *path, tc_req *req)
{
    const char *seg_start[TC_ROUTE_MAX_PARAMS];
    size_t seg_len[TC_ROUTE_MAX_PARAMS];
    int n = 0;
    const char *p = pattern, *s = path;
    for (;;) {
        if (*p == '\0' || *s == '\0')
            break;
        if (*p != '/' || *s != '/')
            return TC_MATCH_NONE;
        p++, s++;
        size_t plen = strcspn(p, "/"), slen = strcspn(s, "/");
        if (*p == ':') {
            if (slen == 0 || n == TC_ROUTE_MAX_PARAMS)
                return TC_MATCH_NONE;
            seg_start[n] = s;
            seg_len[n++] = slen;
        } else if (plen != slen || strncmp(p, s, plen) != 0) {
            return TC_MATCH_NONE;
        }
        p += plen, s += slen;
    }
    if (*p != '\0' || *s != '\0')
        return TC_MATCH_NONE;
    for (int i = 0; i < n; i++) {
        req->params[i] = decode(req->arena, seg_start[i], seg_len[i]);
        if (!req->params[i])
            return TC_MATCH_BAD_PATH;
    }
    req->nparams = n;
    return TC_MATCH_OK;
}

tc_match tc_route_find(const tc_route *routes, size_t n, tc_method method, const char *path,
                       tc_req *req, const tc_route **route)
{
    unsigned want = method == TC_HEAD ? (TC_HEAD | TC_GET) : method;
    for (size_t i = 0; i < n; i++) {
        if (!(routes[i].methods & want))
            continue;
        tc_match m = match(routes[i].pattern, path, req);
        if (m != TC_MATCH_NONE) {
            *route = &routes[i];
            return m;
        }
    }
    return TC_MATCH_NONE;
}
