/* UUIDs: canonical text form, random v4, and the base-36 form Twenty uses in workspace schema
 * names (spec/twenty-datamodel.md §5.1). */
#ifndef TC_BASE_UUID_H
#define TC_BASE_UUID_H

#include <stddef.h>
#include <stdint.h>

#define TC_UUID_STR_LEN 36    /* 8-4-4-4-12 hex digits */
#define TC_UUID_BASE36_MAX 25 /* 2^128 < 36^25 */

typedef struct tc_uuid {
    uint8_t b[16];
} tc_uuid;

/* Parses exactly n bytes of canonical form (hex digits in either case); 0, or -1 when malformed. */
int tc_uuid_parse(const char *s, size_t n, tc_uuid *out);
/* Lower-case canonical form into out (TC_UUID_STR_LEN + 1 bytes). */
void tc_uuid_format(const tc_uuid *u, char *out);
/* A random (version 4) UUID from the kernel's random source. */
void tc_uuid_v4(tc_uuid *out);
/* The 128-bit value in base 36 (0-9a-z, lower case, no padding, as JavaScript's
 * BigInt.toString(36)) into out (TC_UUID_BASE36_MAX + 1 bytes); returns its length. */
size_t tc_uuid_base36(const tc_uuid *u, char *out);

#endif
