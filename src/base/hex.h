/* Hexadecimal digits: decoding one, encoding bytes (lower case). */
#ifndef TC_BASE_HEX_H
#define TC_BASE_HEX_H

#include <stddef.h>

/* The value of hex digit c (either case), or -1. */
int tc_hex_digit(char c);
/* Writes 2 * n lower-case hex digits of p and a NUL into out (2 * n + 1 bytes). */
void tc_hex_encode(const void *p, size_t n, char *out);

#endif
