/* Clocks, timestamps and durations. */
#ifndef TC_BASE_TIME_H
#define TC_BASE_TIME_H

#include <stdint.h>

#define TC_ISO8601_LEN 24 /* 2026-11-22T11:31:46.123Z */

/* Wall-clock microseconds since the Unix epoch. */
int64_t tc_time_now_us(void);
/* Monotonic microseconds, for measuring durations. */
int64_t tc_time_mono_us(void);
/* us since the epoch as ISO 8601 UTC with milliseconds into out (TC_ISO8601_LEN + 1 bytes). */
void tc_time_iso8601(int64_t us, char *out);

/* PostgreSQL's timestamptz text in UTC ("2026-11-22 12:01:47.299263+00" or the JSON form
 * "2026-11-22T12:01:47.299263+00:00") as ISO 8601 with milliseconds and "Z", the way JavaScript
 * prints dates, into out (TC_ISO8601_LEN + 1 bytes). 0, or -1 when it is not of that form. */
int tc_time_pg_to_iso(const char *pg, char *out);

/* Parses a duration the way Twenty's settings are read (the `ms` package): a number with an
 * optional unit (ms, s, m, h, d, w, y and their long forms, e.g. "30m", "60d", "1.5 hours");
 * a bare number is milliseconds. 0 with *ms set, or -1 when malformed, negative or too large. */
int tc_duration_parse_ms(const char *s, int64_t *ms);

#endif
