/* Fatal errors: one line on stderr, then abort() so a core dump shows where. */
#include "base/die.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void tc_die(const char *what)
{
    /* write(2) only: this may run where stdio or malloc are no longer usable. */
    static const char prefix[] = "twentyc: fatal: ";
    ssize_t r = write(STDERR_FILENO, prefix, sizeof(prefix) - 1);
    r = write(STDERR_FILENO, what, strlen(what));
    r = write(STDERR_FILENO, "\n", 1);
    (void)r;
    abort();
}

void tc_die_oom(void)
{
    tc_die("out of memory");
}
