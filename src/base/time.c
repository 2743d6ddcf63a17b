/* Clocks, ISO 8601 timestamps and `ms`-style durations. */
#include "base/time.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/compiler.h"

int64_t tc_time_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int64_t tc_time_mono_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void tc_time_iso8601(int64_t us, char *out)
{
    time_t secs = (time_t)(us / 1000000);
    struct tm tm;
    gmtime_r(&secs, &tm);
    char text[64]; /* wide enough for any int fields, so the format cannot truncate */
    snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
             (int)(us % 1000000 / 1000));
    memcpy(out, text, TC_ISO8601_LEN);
    out[TC_ISO8601_LEN] = '\0';
}

int tc_time_pg_to_iso(const char *pg, char *out)
{
    /* YYYY-MM-DD[ T]HH:MM:SS[.f…](+00|+00:00|Z) */
    size_t n = strlen(pg);
    if (n < 19 || pg[4] != '-' || pg[7] != '-' || (pg[10] != ' ' && pg[10] != 'T') ||
        pg[13] != ':' || pg[16] != ':')
        return -1;
    char ms[4] = "000";
    const char *p = pg + 19;
    if (*p == '.') {
        p++;
        for (int i = 0; i < 3 && isdigit((unsigned char)*p); i++)
            ms[i] = *p++;
        while (isdigit((unsigned char)*p))
            p++;
    }
    if (strcmp(p, "+00") != 0 && strcmp(p, "+00:00") != 0 && strcmp(p, "Z") != 0)
        return -1;
    snprintf(out, TC_ISO8601_LEN + 1, "%.10sT%.8s.%sZ", pg, pg + 11, ms);
    return 0;
}

/* The unit names the `ms` package accepts, with their length in milliseconds. */
static const struct {
    const char *name;
    double ms;
} units[] = {
    {"milliseconds", 1}, {"millisecond", 1}, {"msecs", 1},        {"msec", 1},
    {"ms", 1},           {"seconds", 1e3},   {"second", 1e3},     {"secs", 1e3},
    {"sec", 1e3},        {"s", 1e3},         {"minutes", 6e4},    {"minute", 6e4},
    {"mins", 6e4},       {"min", 6e4},       {"m", 6e4},          {"hours", 36e5},
    {"hour", 36e5},      {"hrs", 36e5},      {"hr", 36e5},        {"h", 36e5},
    {"days", 864e5},     {"day", 864e5},     {"d", 864e5},        {"weeks", 6048e5},
    {"week", 6048e5},    {"w", 6048e5},      {"years", 315576e5}, {"year", 315576e5},
    {"yrs", 315576e5},   {"yr", 315576e5},   {"y", 315576e5},
};

int tc_duration_parse_ms(const char *s, int64_t *ms)
{
    const char *p = s;
    /* A number: digits with an optional fraction, or a fraction alone (".5h"). */
    size_t digits = strspn(p, "0123456789");
    const char *num_end = p + digits;
    if (*num_end == '.') {
        size_t frac = strspn(num_end + 1, "0123456789");
        if (frac == 0) /* as `ms`: "1." and "1.s" are not numbers */
            return -1;
        num_end += 1 + frac;
    } else if (digits == 0) {
        return -1;
    }
    errno = 0;
    double v = strtod(p, NULL);
    if (errno)
        return -1;
    p = num_end;
    while (*p == ' ')
        p++;
    double scale = 1;
    if (*p) {
        size_t n = strlen(p);
        size_t i;
        for (i = 0; i < TC_COUNT(units); i++) {
            if (strlen(units[i].name) == n && strncasecmp(p, units[i].name, n) == 0)
                break;
        }
        if (i == TC_COUNT(units))
            return -1;
        scale = units[i].ms;
    }
    double r = round(v * scale);
    if (!isfinite(r) || r < 0 || r > 9.2e18)
        return -1;
    *ms = (int64_t)r;
    return 0;
}
