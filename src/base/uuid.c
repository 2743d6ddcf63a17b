/* UUID text form, v4 generation, and base 36 by long division of the 16-byte big-endian value. */
#include "base/uuid.h"

#include <string.h>

#include "base/hex.h"
#include "base/random.h"

int tc_uuid_parse(const char *s, size_t n, tc_uuid *out)
{
    if (n != TC_UUID_STR_LEN)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-')
                return -1;
            i++;
            continue;
        }
        int hi = tc_hex_digit(s[i]), lo = tc_hex_digit(s[i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        out->b[k++] = (uint8_t)(hi << 4 | lo);
        i += 2;
    }
    return 0;
}

void tc_uuid_format(const tc_uuid *u, char *out)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[u->b[i] >> 4];
        out[o++] = hex[u->b[i] & 15];
    }
    out[o] = '\0';
}

void tc_uuid_v4(tc_uuid *out)
{
    tc_random_bytes(out->b, sizeof(out->b));
    out->b[6] = (uint8_t)((out->b[6] & 0x0f) | 0x40);
    out->b[8] = (uint8_t)((out->b[8] & 0x3f) | 0x80);
}

size_t tc_uuid_base36(const tc_uuid *u, char *out)
{
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    uint8_t n[16];
    char rev[TC_UUID_BASE36_MAX];
    size_t len = 0;
    memcpy(n, u->b, sizeof(n));
    for (;;) {
        unsigned rem = 0;
        int nonzero = 0;
        for (int i = 0; i < 16; i++) {
            unsigned cur = rem << 8 | n[i];
            n[i] = (uint8_t)(cur / 36);
            rem = cur % 36;
            nonzero |= n[i];
        }
        rev[len++] = digits[rem];
        if (!nonzero)
            break;
    }
    for (size_t i = 0; i < len; i++)
        out[i] = rev[len - 1 - i];
    out[len] = '\0';
    return len;
}
