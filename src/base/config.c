/* Settings from the declarative table in config.h: lookup (environment, then .env, then the
 * default), parsing and bounds, and printing with secrets masked. */
#include "base/config.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/die.h"
#include "base/time.h"
#include "base/url.h"

typedef enum { T_STR, T_URL, T_PGURL, T_IDENT, T_INT, T_BYTES, T_DURATION, T_LEVEL } setting_type;

typedef struct setting {
    const char *name;
    setting_type type;
    const char *def;
    int64_t min, max;
    int flags;
    const char *help;
    size_t offset;
} setting;

static const setting settings[] = {
#define TC_SETTING_ROW(field, name, type, def, min, max, flags, help)                              \
    {name, T_##type, def, min, max, flags, help, offsetof(tc_config, field)},
    TC_SETTINGS(TC_SETTING_ROW)
#undef TC_SETTING_ROW
};

#define DOTENV_MAX (1 << 20)

static char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        tc_die_oom();
    return p;
}

/* The value of name in a NAME=VALUE array, or NULL. */
static const char *env_lookup(char *const *env, const char *name)
{
    size_t n = strlen(name);
    for (; env && *env; env++) {
        if (strncmp(*env, name, n) == 0 && (*env)[n] == '=')
            return *env + n + 1;
    }
    return NULL;
}

/* Finds name in .env text and copies its value into out. Lines are NAME=VALUE with optional
 * `export `, blank lines and # comments; values may be "double quoted" (with \n, \", \\),
 * 'single quoted' (literal) or bare (trailing spaces and a ` #` comment dropped). The last
 * assignment wins, as when the file is sourced by a shell. */
static int dotenv_lookup(const char *text, const char *name, tc_buf *out)
{
    int found = 0;
    size_t name_len = strlen(name);
    for (const char *line = text; line && *line;) {
        const char *eol = strchr(line, '\n');
        const char *end = eol ? eol : line + strlen(line);
        const char *next = eol ? eol + 1 : NULL;
        const char *p = line;
        while (p < end && isspace((unsigned char)*p))
            p++;
        if (end - p > 7 && strncmp(p, "export ", 7) == 0)
            p += 7;
        while (p < end && isspace((unsigned char)*p))
            p++;
        if ((size_t)(end - p) <= name_len || strncmp(p, name, name_len) != 0) {
            line = next;
            continue;
        }
        p += name_len;
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (p == end || *p != '=') {
            line = next;
            continue;
        }
        p++;
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        tc_buf_reset(out);
        if (p < end && (*p == '"' || *p == '\'')) {
            char q = *p++;
            for (; p < end && *p != q; p++) {
                if (q == '"' && *p == '\\' && p + 1 < end) {
                    p++;
                    tc_buf_addc(out, *p == 'n' ? '\n' : *p);
                } else {
                    tc_buf_addc(out, *p);
                }
            }
        } else {
            const char *v_end = end;
            for (const char *c = p; c < end; c++) {
                if (*c == '#' && c > p && isspace((unsigned char)c[-1])) {
                    v_end = c;
                    break;
                }
            }
            while (v_end > p && isspace((unsigned char)v_end[-1]))
                v_end--;
            tc_buf_add(out, p, (size_t)(v_end - p));
        }
        found = 1;
        line = next;
    }
    return found;
}

static int parse_int(const char *s, int64_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end)
        return -1;
    *out = v;
    return 0;
}

static int valid_ident(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 63 || isdigit((unsigned char)s[0]))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
            return 0;
    }
    return 1;
}

static bool scheme_is(const tc_url_part *scheme, const char *name)
{
    return scheme->n == strlen(name) && strncasecmp(scheme->p, name, scheme->n) == 0;
}

static bool scheme_fits(setting_type type, const tc_url_part *scheme)
{
    if (type == T_URL)
        return scheme_is(scheme, "http") || scheme_is(scheme, "https");
    return scheme_is(scheme, "postgres") || scheme_is(scheme, "postgresql");
}

/* Error for a value: names the variable and what it expects; secrets are not echoed. */
static int invalid(const setting *st, const char *value, tc_err *e, const char *expect)
{
    if (st->flags & TC_SECRET)
        return tc_err_set(e, TC_E_CONFIG, "%s is not valid: expected %s", st->name, expect);
    return tc_err_set(e, TC_E_CONFIG, "%s=%s is not valid: expected %s", st->name, value, expect);
}

static int parse_value(tc_config *c, const setting *st, const char *value, tc_err *e)
{
    void *field = (char *)c + st->offset;
    char expect[160];
    switch (st->type) {
    case T_STR: *(char **)field = xstrdup(value); return 0;
    case T_URL:
    case T_PGURL: {
        tc_url u;
        const char *why = NULL;
        const char *example =
            st->type == T_URL ? "http(s)://host:port" : "postgres://user:password@host:port/db";
        if (*value && tc_url_parse(value, &u, &why) == 0 && !scheme_fits(st->type, &u.scheme))
            why = st->type == T_URL ? "scheme must be http or https"
                                    : "scheme must be postgres or postgresql";
        if (*value && why) {
            snprintf(expect, sizeof(expect), "a URL such as %s (%s)", example, why);
            return invalid(st, value, e, expect);
        }
        *(char **)field = xstrdup(value);
        return 0;
    }
    case T_IDENT:
        if (!valid_ident(value))
            return invalid(st, value, e,
                           "a lower-case SQL name (letters, digits, _; not starting with a digit)");
        *(char **)field = xstrdup(value);
        return 0;
    case T_INT:
    case T_BYTES: {
        int64_t v;
        if (parse_int(value, &v) < 0 || v < st->min || v > st->max) {
            snprintf(expect, sizeof(expect), "an integer%s from %lld to %lld",
                     st->type == T_BYTES ? " number of bytes" : "", (long long)st->min,
                     (long long)st->max);
            return invalid(st, value, e, expect);
        }
        *(int64_t *)field = v;
        return 0;
    }
    case T_DURATION: {
        int64_t ms;
        if (tc_duration_parse_ms(value, &ms) < 0 || ms < st->min || ms > st->max)
            return invalid(st, value, e, "a duration such as 500ms, 30s, 30m, 12h or 60d");
        *(int64_t *)field = ms;
        return 0;
    }
    case T_LEVEL:
        if (tc_log_level_parse(value, (tc_log_level *)field) < 0)
            return invalid(st, value, e, "one of error, warn, log, debug");
        return 0;
    }
    return tc_err_set(e, TC_E_CONFIG, "%s: unknown setting type", st->name);
}

int tc_config_load(tc_config *c, char *const *env, const char *dotenv, tc_err *e)
{
    memset(c, 0, sizeof(*c));
    tc_buf dv;
    tc_buf_init(&dv, DOTENV_MAX);
    int rc = 0;
    for (size_t i = 0; i < TC_COUNT(settings) && rc == 0; i++) {
        const setting *st = &settings[i];
        const char *value = env_lookup(env, st->name);
        const char *source = "env";
        if (!value || !*value) {
            value = NULL;
            if (dotenv && dotenv_lookup(dotenv, st->name, &dv) && dv.len) {
                value = tc_buf_cstr(&dv);
                source = ".env";
            }
        }
        if (!value) {
            value = st->def;
            source = "default";
        }
        c->source[i] = source;
        c->text[i] = xstrdup(value);
        rc = parse_value(c, st, value, e);
    }
    tc_buf_fini(&dv);
    if (rc == 0 && !*c->server_url) {
        char url[64];
        snprintf(url, sizeof(url), "http://localhost:%lld", (long long)c->node_port);
        tc_config_set_str(c, TC_SET_server_url, url, "default");
    }
    if (rc < 0)
        tc_config_fini(c);
    return rc;
}

int tc_config_load_process(tc_config *c, tc_err *e)
{
    extern char **environ;
    char *text = NULL;
    FILE *f = fopen(".env", "r");
    if (f) {
        text = malloc(DOTENV_MAX + 1);
        if (!text)
            tc_die_oom();
        size_t n = fread(text, 1, DOTENV_MAX, f);
        text[n] = '\0';
        fclose(f);
    }
    int rc = tc_config_load(c, environ, text, e);
    free(text);
    return rc;
}

void tc_config_fini(tc_config *c)
{
    for (size_t i = 0; i < TC_COUNT(settings); i++) {
        setting_type t = settings[i].type;
        if (t == T_STR || t == T_URL || t == T_PGURL || t == T_IDENT) {
            char **field = (char **)((char *)c + settings[i].offset);
            free(*field);
            *field = NULL;
        }
        free(c->text[i]);
        c->text[i] = NULL;
    }
}

void tc_config_set_str(tc_config *c, tc_setting_id id, const char *value, const char *source)
{
    char **field = (char **)((char *)c + settings[id].offset);
    free(*field);
    *field = xstrdup(value);
    free(c->text[id]);
    c->text[id] = xstrdup(value);
    c->source[id] = source;
}

void tc_config_print(const tc_config *c, FILE *out)
{
    for (size_t i = 0; i < TC_COUNT(settings); i++) {
        const setting *st = &settings[i];
        const char *text = c->text[i] ? c->text[i] : "";
        char shown[512];
        if (!*text)
            snprintf(shown, sizeof(shown), "(unset)");
        else if (st->flags & TC_SECRET && st->type == T_PGURL)
            tc_url_redact(text, shown, sizeof(shown));
        else if (st->flags & TC_SECRET)
            snprintf(shown, sizeof(shown), "****");
        else
            snprintf(shown, sizeof(shown), "%s", text);
        fprintf(out, "%-26s %-44s %s\n", st->name, shown, c->source[i] ? c->source[i] : "");
    }
}

void tc_config_print_help(FILE *out)
{
    for (size_t i = 0; i < TC_COUNT(settings); i++) {
        const setting *st = &settings[i];
        fprintf(out, "  %-26s %s", st->name, st->help);
        if (*st->def)
            fprintf(out, " [default: %s]", st->def);
        fputc('\n', out);
    }
}
