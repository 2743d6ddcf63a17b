/* JSON writer (see json.h). Commas are placed from a per-depth "has items" flag, so callers
 * never track them; strings are escaped and UTF-8-checked in one pass. */
#include "base/json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void tc_json_init(tc_json *j, tc_buf *out)
{
    memset(j, 0, sizeof(*j));
    j->out = out;
}

bool tc_json_ok(const tc_json *j)
{
    return !j->failed && !j->out->failed && j->depth == 0 && !j->after_key;
}

/* Before any value or key: the separating comma, unless a key was just written. */
static void separate(tc_json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->has_items[j->depth])
        tc_buf_addc(j->out, ',');
    j->has_items[j->depth] = true;
}

static void open_level(tc_json *j, char c)
{
    separate(j);
    if (j->depth == TC_JSON_MAX_DEPTH) {
        j->failed = true;
        return;
    }
    tc_buf_addc(j->out, c);
    j->has_items[++j->depth] = false;
}

static void close_level(tc_json *j, char c)
{
    if (j->depth == 0 || j->after_key) {
        j->failed = true;
        return;
    }
    j->depth--;
    tc_buf_addc(j->out, c);
}

void tc_json_obj_begin(tc_json *j)
{
    open_level(j, '{');
}

void tc_json_obj_end(tc_json *j)
{
    close_level(j, '}');
}

void tc_json_arr_begin(tc_json *j)
{
    open_level(j, '[');
}

void tc_json_arr_end(tc_json *j)
{
    close_level(j, ']');
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 when it is not valid:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        len = 2, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4, min = 0x10000;
    else
        return 0;
    if (len > n)
        return 0;
    unsigned cp = c & (0x3f >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

int tc_json_escape(tc_buf *out, const char *str, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    size_t run = 0; /* start of the pending run of bytes that need no escaping */
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        const char *esc = NULL;
        char u[7];
        size_t len = 1;
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            len = utf8_len(s + i, n - i);
            if (len) {
                i += len;
                continue;
            }
            len = 1;
            esc = "\\ufffd";
        } else if (c == '"') {
            esc = "\\\"";
        } else if (c == '\\') {
            esc = "\\\\";
        } else if (c == '\n') {
            esc = "\\n";
        } else if (c == '\r') {
            esc = "\\r";
        } else if (c == '\t') {
            esc = "\\t";
        } else if (c == '\b') {
            esc = "\\b";
        } else if (c == '\f') {
            esc = "\\f";
        } else {
            memcpy(u, "\\u00", 4);
            u[4] = hex[c >> 4];
            u[5] = hex[c & 15];
            u[6] = '\0';
            esc = u;
        }
        tc_buf_add(out, s + run, i - run);
        tc_buf_adds(out, esc);
        i += len;
        run = i;
    }
    tc_buf_add(out, s + run, n - run);
    return out->failed ? -1 : 0;
}

static void write_string(tc_buf *out, const char *s, size_t n)
{
    tc_buf_addc(out, '"');
    tc_json_escape(out, s, n);
    tc_buf_addc(out, '"');
}

void tc_json_key(tc_json *j, const char *key)
{
    if (j->after_key || j->depth == 0) {
        j->failed = true;
        return;
    }
    separate(j);
    write_string(j->out, key, strlen(key));
    tc_buf_addc(j->out, ':');
    j->after_key = true;
}

void tc_json_strn(tc_json *j, const char *s, size_t n)
{
    separate(j);
    write_string(j->out, s, n);
}

void tc_json_str(tc_json *j, const char *s)
{
    if (!s) {
        tc_json_null(j);
        return;
    }
    tc_json_strn(j, s, strlen(s));
}

void tc_json_int(tc_json *j, int64_t v)
{
    separate(j);
    tc_buf_printf(j->out, "%lld", (long long)v);
}

void tc_json_double(tc_json *j, double v)
{
    if (!isfinite(v)) {
        tc_json_null(j);
        return;
    }
    separate(j);
    /* %.17g round-trips every double; JSON has no "inf" or "nan", handled above. */
    tc_buf_printf(j->out, "%.17g", v);
}

void tc_json_bool(tc_json *j, bool v)
{
    separate(j);
    tc_buf_adds(j->out, v ? "true" : "false");
}

void tc_json_null(tc_json *j)
{
    separate(j);
    tc_buf_adds(j->out, "null");
}

void tc_json_raw(tc_json *j, const char *json, size_t n)
{
    separate(j);
    tc_buf_add(j->out, json, n);
}

void tc_json_kv_str(tc_json *j, const char *key, const char *value)
{
    tc_json_key(j, key);
    tc_json_str(j, value);
}

void tc_json_kv_int(tc_json *j, const char *key, int64_t value)
{
    tc_json_key(j, key);
    tc_json_int(j, value);
}

void tc_json_kv_bool(tc_json *j, const char *key, bool value)
{
    tc_json_key(j, key);
    tc_json_bool(j, value);
}

void tc_json_kv_raw(tc_json *j, const char *key, const char *json)
{
    tc_json_key(j, key);
    if (json)
        tc_json_raw(j, json, strlen(json));
    else
        tc_json_null(j);
}
