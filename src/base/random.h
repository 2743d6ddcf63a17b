/* Cryptographically secure random bytes from the kernel (getrandom). */
#ifndef TC_BASE_RANDOM_H
#define TC_BASE_RANDOM_H

#include <stddef.h>

/* Fills p with n random bytes; aborts if the kernel cannot provide them. */
void tc_random_bytes(void *p, size_t n);

#endif
