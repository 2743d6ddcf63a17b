/* Random bytes from getrandom(2); the kernel blocks only until its pool is first seeded. */
#include "base/random.h"

#include <errno.h>
#include <sys/random.h>

#include "base/die.h"

void tc_random_bytes(void *p, size_t n)
{
    unsigned char *out = p;
    while (n) {
        ssize_t r = getrandom(out, n, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            tc_die("getrandom failed");
        }
        out += r;
        n -= (size_t)r;
    }
}
