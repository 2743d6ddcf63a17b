/* Unit tests for URL parsing and redaction (base/url.h): the parts of settings URLs such as
 * PG_DATABASE_URL and SERVER_URL, rejected inputs, and password masking with truncation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "base/url.h"

/* want NULL: the part is absent. */
static bool part_is(tc_url_part p, const char *want)
{
    if (!want)
        return p.p == NULL;
    return p.p && p.n == strlen(want) && memcmp(p.p, want, p.n) == 0;
}

/* The header writes the grammar as "[/path]", like "[:port]" and "[?query]", which reads as the
 * path without its leading slash; RFC 3986 counts the slash as part of the path. Either is
 * accepted: want is given with the slash. Likewise an IPv6 host with or without its brackets. */
static bool path_is(tc_url_part p, const char *want)
{
    return part_is(p, want) || (want && want[0] == '/' && part_is(p, want + 1));
}

static bool host_is(tc_url_part p, const char *want)
{
    if (part_is(p, want))
        return true;
    size_t n = strlen(want);
    return want[0] == '[' && want[n - 1] == ']' && p.p && p.n == n - 2 &&
           memcmp(p.p, want + 1, n - 2) == 0;
}

static void test_parse(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *scheme, *user, *password, *host;
        int port;
        const char *path, *query, *fragment;
    } rows[] = {
        {"postgres://user:pa%40ss@localhost:5432/twenty?sslmode=disable", "postgres", "user",
         "pa%40ss", "localhost", 5432, "/twenty", "sslmode=disable", NULL},
        {"postgresql://host/db", "postgresql", NULL, NULL, "host", 0, "/db", NULL, NULL},
        {"http://localhost:3000", "http", NULL, NULL, "localhost", 3000, NULL, NULL, NULL},
        {"http://[::1]:8080/x", "http", NULL, NULL, "[::1]", 8080, "/x", NULL, NULL},
        {"https://example.com", "https", NULL, NULL, "example.com", 0, NULL, NULL, NULL},
        {"http://user@host/p", "http", "user", NULL, "host", 0, "/p", NULL, NULL},
        {"http://h:65535/a/b?q=1#frag", "http", NULL, NULL, "h", 65535, "/a/b", "q=1", "frag"},
        {"https://example.com#top", "https", NULL, NULL, "example.com", 0, NULL, NULL, "top"},
        {"http://example.com?x=1", "http", NULL, NULL, "example.com", 0, NULL, "x=1", NULL},
        {"http://127.0.0.1:1/api", "http", NULL, NULL, "127.0.0.1", 1, "/api", NULL, NULL},
        /* An '@' or ':' after the authority is not userinfo. */
        {"http://h/x?email=a@b:c", "http", NULL, NULL, "h", 0, "/x", "email=a@b:c", NULL},
        {"postgres://u:pw@[::1]:5432/db", "postgres", "u", "pw", "[::1]", 5432, "/db", NULL, NULL},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_url u;
        const char *why = NULL;
        memset(&u, 0x5a, sizeof u);
        if (tc_url_parse(rows[i].in, &u, &why) != 0)
            fail_msg("%s: rejected (%s)", rows[i].in, why ? why : "no reason");
        bool ok = part_is(u.scheme, rows[i].scheme) && part_is(u.user, rows[i].user) &&
                  part_is(u.password, rows[i].password) && host_is(u.host, rows[i].host) &&
                  u.port == rows[i].port && path_is(u.path, rows[i].path) &&
                  part_is(u.query, rows[i].query) && part_is(u.fragment, rows[i].fragment);
        if (!ok)
            fail_msg("%s: got scheme %.*s user %.*s password %.*s host %.*s port %d path %.*s "
                     "query %.*s fragment %.*s",
                     rows[i].in, (int)u.scheme.n, u.scheme.p ? u.scheme.p : "(null)", (int)u.user.n,
                     u.user.p ? u.user.p : "(null)", (int)u.password.n,
                     u.password.p ? u.password.p : "(null)", (int)u.host.n,
                     u.host.p ? u.host.p : "(null)", u.port, (int)u.path.n,
                     u.path.p ? u.path.p : "(null)", (int)u.query.n,
                     u.query.p ? u.query.p : "(null)", (int)u.fragment.n,
                     u.fragment.p ? u.fragment.p : "(null)");
        /* Parts point into the parsed string. */
        assert_true(u.scheme.p == rows[i].in);
        assert_true(u.host.p > rows[i].in && u.host.p < rows[i].in + strlen(rows[i].in));
    }
}

static void test_parse_rejects(void **state)
{
    (void)state;
    static const char *const rows[] = {
        "",
        "not a url",
        "localhost:5432",
        "localhost",
        "/just/a/path",
        "http://",
        "http:///path",
        "http://:80",
        "http://user:pw@/db",
        "http://host:99999",
        "http://host:65536",
        "http://host:abc",
        "http://host:1a",
        "http://host:-1",
        "://host",
        "http//host",
        "http:/host",
        "http://[::1",
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        tc_url u;
        const char *why = NULL;
        if (tc_url_parse(rows[i], &u, &why) != -1)
            fail_msg("\"%s\": accepted", rows[i]);
        if (!why || !why[0])
            fail_msg("\"%s\": rejected without a reason", rows[i]);
    }
}

static void test_redact(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } rows[] = {
        {"postgres://user:pa%40ss@localhost:5432/twenty?sslmode=disable",
         "postgres://user:****@localhost:5432/twenty?sslmode=disable"},
        {"postgres://user:secret@localhost:5432/twenty",
         "postgres://user:****@localhost:5432/twenty"},
        {"postgres://u:hunter2@h/db", "postgres://u:****@h/db"},
        {"postgres://u:pw@[::1]:5432/db", "postgres://u:****@[::1]:5432/db"},
        {"postgres://:pw@h/db", "postgres://:****@h/db"},
        /* No password: unchanged. */
        {"postgres://user@localhost/db", "postgres://user@localhost/db"},
        {"postgresql://host/db", "postgresql://host/db"},
        {"http://localhost:3000", "http://localhost:3000"},
        {"http://[::1]:8080/x", "http://[::1]:8080/x"},
        {"https://example.com", "https://example.com"},
        {"http://h/x?email=a@b:c", "http://h/x?email=a@b:c"},
    };
    for (size_t i = 0; i < TC_COUNT(rows); i++) {
        char out[256];
        memset(out, 'X', sizeof out);
        tc_url_redact(rows[i].in, out, sizeof out);
        if (strcmp(out, rows[i].want) != 0)
            fail_msg("redact(%s): want %s, got %.*s", rows[i].in, rows[i].want, (int)sizeof out,
                     out);
    }
}

static void test_redact_truncates(void **state)
{
    (void)state;
    /* Every output size from 1 to more than enough: a NUL-terminated prefix of the full redacted
     * form, nothing written past n, and never any of the password. */
    static const char in[] = "postgres://user:hunter2@localhost:5432/twenty";
    static const char full[] = "postgres://user:****@localhost:5432/twenty";
    for (size_t n = 1; n <= sizeof full + 4; n++) {
        char out[sizeof full + 16];
        memset(out, 'X', sizeof out);
        tc_url_redact(in, out, n);
        size_t want_len = n - 1 < strlen(full) ? n - 1 : strlen(full);
        if (memchr(out, '\0', n) == NULL)
            fail_msg("n = %zu: not NUL-terminated", n);
        if (strlen(out) != want_len || memcmp(out, full, want_len) != 0)
            fail_msg("n = %zu: want \"%.*s\", got \"%s\"", n, (int)want_len, full, out);
        assert_int_equal(out[n], 'X');
        assert_null(strstr(out, "hunter"));
        assert_null(strstr(out, "hun"));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_parse_rejects),
        cmocka_unit_test(test_redact),
        cmocka_unit_test(test_redact_truncates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
