/* Shape checks for input values per field type (see value.h). Strict grammars, no locale:
 * numbers are decimal literals as JSON writes them, dates are ISO 8601 with real calendar
 * ranges. */
#include "query/value.h"

#include <jansson.h>
#include <string.h>

#include "base/uuid.h"

static const char *const kind_names[] = {
#define TC_VALUE_NAME_(name, text) text,
    TC_VALUE_KINDS(TC_VALUE_NAME_)
#undef TC_VALUE_NAME_
};

const char *tc_value_kind_name(tc_value_kind k)
{
    if ((size_t)k >= sizeof(kind_names) / sizeof(kind_names[0]))
        return "?";
    return kind_names[k];
}

tc_value_kind tc_value_kind_of(tc_field_type type)
{
    switch (type) {
    case TC_FT_UUID:
    case TC_FT_RELATION:
    case TC_FT_MORPH_RELATION: return TC_VALUE_UUID;
    case TC_FT_NUMBER:
    case TC_FT_NUMERIC:
    case TC_FT_POSITION: return TC_VALUE_NUMBER;
    case TC_FT_BOOLEAN: return TC_VALUE_BOOLEAN;
    case TC_FT_DATE_TIME: return TC_VALUE_TIMESTAMP;
    case TC_FT_DATE: return TC_VALUE_DATE;
    case TC_FT_SELECT:
    case TC_FT_MULTI_SELECT:
    case TC_FT_RATING: return TC_VALUE_ENUM;
    case TC_FT_RAW_JSON:
    case TC_FT_FILES: return TC_VALUE_JSON;
    default: return TC_VALUE_TEXT;
    }
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* -?digits[.digits][(e|E)[+-]digits], the whole of s[0..n). */
static bool valid_number(const char *s, size_t n)
{
    size_t i = 0, d;
    if (i < n && s[i] == '-')
        i++;
    for (d = i; i < n && is_digit(s[i]); i++)
        ;
    if (i == d)
        return false;
    if (i < n && s[i] == '.') {
        for (d = ++i; i < n && is_digit(s[i]); i++)
            ;
        if (i == d)
            return false;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        for (d = i; i < n && is_digit(s[i]); i++)
            ;
        if (i == d || i - d > 4)
            return false;
    }
    return i == n;
}

/* k digits at s[*i] into *v. */
static bool digits(const char *s, size_t n, size_t *i, int k, int *v)
{
    *v = 0;
    for (int j = 0; j < k; j++, (*i)++) {
        if (*i >= n || !is_digit(s[*i]))
            return false;
        *v = *v * 10 + (s[*i] - '0');
    }
    return true;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

/* YYYY-MM-DD, then optionally [T ]hh:mm[:ss[.fraction]][Z|±hh[:]mm]. */
static bool valid_iso(const char *s, size_t n, bool date_only)
{
    size_t i = 0;
    int y, mo, d, h, mi, sec, zh, zm;
    if (!digits(s, n, &i, 4, &y) || i >= n || s[i++] != '-' || !digits(s, n, &i, 2, &mo) ||
        i >= n || s[i++] != '-' || !digits(s, n, &i, 2, &d))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return false;
    if (i == n)
        return true;
    if (date_only || (s[i] != 'T' && s[i] != ' '))
        return false;
    i++;
    if (!digits(s, n, &i, 2, &h) || i >= n || s[i++] != ':' || !digits(s, n, &i, 2, &mi) ||
        h > 23 || mi > 59)
        return false;
    if (i < n && s[i] == ':') {
        i++;
        if (!digits(s, n, &i, 2, &sec) || sec > 59)
            return false;
        if (i < n && s[i] == '.') {
            size_t f = ++i;
            while (i < n && is_digit(s[i]))
                i++;
            if (i == f || i - f > 9)
                return false;
        }
    }
    if (i == n)
        return true;
    if (s[i] == 'Z')
        return i + 1 == n;
    if (s[i] != '+' && s[i] != '-')
        return false;
    i++;
    if (!digits(s, n, &i, 2, &zh) || zh > 23)
        return false;
    if (i < n && s[i] == ':')
        i++;
    if (!digits(s, n, &i, 2, &zm) || zm > 59)
        return false;
    return i == n;
}

static bool in_options(const char *s, size_t n, const char *options)
{
    json_error_t jerr;
    json_t *arr = json_loads(options, 0, &jerr);
    bool found = false;
    size_t i;
    json_t *opt;
    if (!json_is_array(arr)) {
        json_decref(arr);
        return false;
    }
    json_array_foreach(arr, i, opt)
    {
        json_t *v = json_object_get(opt, "value");
        if (json_is_string(v) && json_string_length(v) == n &&
            memcmp(json_string_value(v), s, n) == 0) {
            found = true;
            break;
        }
    }
    json_decref(arr);
    return found;
}

bool tc_value_valid(tc_value_kind kind, const char *s, size_t n, const char *const *enum_values,
                    const char *options)
{
    tc_uuid u;
    if (memchr(s, '\0', n))
        return false;
    switch (kind) {
    case TC_VALUE_NONE: return n == 0;
    case TC_VALUE_UUID: return n == TC_UUID_STR_LEN && tc_uuid_parse(s, n, &u) == 0;
    case TC_VALUE_NUMBER: return valid_number(s, n);
    case TC_VALUE_BOOLEAN:
        return (n == 4 && memcmp(s, "true", 4) == 0) || (n == 5 && memcmp(s, "false", 5) == 0);
    case TC_VALUE_TIMESTAMP: return valid_iso(s, n, false);
    case TC_VALUE_DATE: return valid_iso(s, n, false);
    case TC_VALUE_ENUM:
        if (enum_values) {
            for (size_t i = 0; enum_values[i]; i++) {
                if (strlen(enum_values[i]) == n && memcmp(enum_values[i], s, n) == 0)
                    return true;
            }
            return false;
        }
        if (options)
            return in_options(s, n, options);
        return n > 0;
    case TC_VALUE_TEXT:
    case TC_VALUE_JSON: return true;
    }
    return false;
}
