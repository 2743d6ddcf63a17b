/* Counting failures per key (an e-mail address, a client address) in fixed windows, to refuse
 * sign-in attempts after too many failures. In memory, per process: a bounded table where the
 * oldest entries give way, so input cannot grow it. */
#ifndef TC_AUTH_THROTTLE_H
#define TC_AUTH_THROTTLE_H

#include <stdint.h>

typedef struct tc_throttle tc_throttle;

/* limit failures per window_s seconds, per key. */
tc_throttle *tc_throttle_new(int limit, int64_t window_s);
void tc_throttle_free(tc_throttle *t);

/* Seconds the key must wait before trying again (0: go ahead). */
int64_t tc_throttle_wait(tc_throttle *t, const char *key, int64_t now_s);
/* Records a failure for key. */
void tc_throttle_fail(tc_throttle *t, const char *key, int64_t now_s);
/* Forgets key (after a success). */
void tc_throttle_reset(tc_throttle *t, const char *key);

#endif
