/* Fatal errors: allocation failure and broken invariants abort (Redis zmalloc, PostgreSQL palloc).
 */
#ifndef TC_BASE_DIE_H
#define TC_BASE_DIE_H

#include "base/compiler.h"

TC_NORETURN void tc_die(const char *what);
TC_NORETURN void tc_die_oom(void);

#endif
