/* JSON log lines on stderr, one write(2) each (see log.h). */
#include "base/log.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/time.h"

static const char *const level_names[] = {"error", "warn", "log", "debug"};
static atomic_int current_level = TC_LOG_LOG;

const char *tc_log_level_name(tc_log_level level)
{
    return (unsigned)level < TC_COUNT(level_names) ? level_names[level] : "log";
}

int tc_log_level_parse(const char *s, tc_log_level *out)
{
    for (size_t i = 0; i < TC_COUNT(level_names); i++) {
        if (strcmp(s, level_names[i]) == 0) {
            *out = (tc_log_level)i;
            return 0;
        }
    }
    return -1;
}

void tc_log_set_level(tc_log_level level)
{
    atomic_store(&current_level, level);
}

bool tc_log_enabled(tc_log_level level)
{
    return (int)level <= atomic_load_explicit(&current_level, memory_order_relaxed);
}

void tc_log_open(tc_json *j, tc_buf *b, tc_log_level level)
{
    char now[TC_ISO8601_LEN + 1];
    tc_time_iso8601(tc_time_now_us(), now);
    tc_buf_reset(b);
    tc_json_init(j, b);
    tc_json_obj_begin(j);
    tc_json_key(j, "time");
    tc_json_str(j, now);
    tc_json_key(j, "level");
    tc_json_str(j, tc_log_level_name(level));
}

void tc_log_close(tc_json *j)
{
    tc_json_obj_end(j);
    tc_buf_addc(j->out, '\n');
    if (j->out->failed)
        return; /* a line too long for its buffer is dropped rather than cut into invalid JSON */
    const char *p = j->out->data;
    size_t n = j->out->len;
    while (n) {
        ssize_t w = write(STDERR_FILENO, p, n);
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
    }
}

void tc_log(tc_log_level level, const char *fmt, ...)
{
    if (!tc_log_enabled(level))
        return;
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 16384);
    tc_log_open(&j, &b, level);
    tc_json_key(&j, "msg");
    tc_json_str(&j, msg);
    tc_log_close(&j);
    tc_buf_fini(&b);
}
