/* Logging: one JSON object per line on stderr ({"time","level","msg",…}), each written with a
 * single write(2) so lines from different threads never interleave. Levels are Twenty's names.
 * Secrets must never be passed here; callers redact (tc_url_redact) before logging. */
#ifndef TC_BASE_LOG_H
#define TC_BASE_LOG_H

#include <stdbool.h>

#include "base/compiler.h"
#include "base/json.h"

typedef enum tc_log_level {
    TC_LOG_ERROR,
    TC_LOG_WARN,
    TC_LOG_LOG, /* Twenty's name for the informational level; access lines use it */
    TC_LOG_DEBUG,
} tc_log_level;

const char *tc_log_level_name(tc_log_level level);
/* Parses "error", "warn", "log" or "debug"; 0, or -1 when unknown. */
int tc_log_level_parse(const char *s, tc_log_level *out);

void tc_log_set_level(tc_log_level level);
bool tc_log_enabled(tc_log_level level);

/* One line with a formatted message. */
void tc_log(tc_log_level level, const char *fmt, ...) TC_PRINTF(2, 3);
#define tc_log_error(...) tc_log(TC_LOG_ERROR, __VA_ARGS__)
#define tc_log_warn(...) tc_log(TC_LOG_WARN, __VA_ARGS__)
#define tc_log_info(...) tc_log(TC_LOG_LOG, __VA_ARGS__)
#define tc_log_debug(...) tc_log(TC_LOG_DEBUG, __VA_ARGS__)

/* A line with fields of the caller's: tc_log_open() writes {"time":…,"level":… into b through j,
 * the caller adds members with the JSON writer, tc_log_close() ends the object and writes it.
 * b must be initialised by the caller; it is reset by tc_log_open. */
void tc_log_open(tc_json *j, tc_buf *b, tc_log_level level);
void tc_log_close(tc_json *j);

#endif
