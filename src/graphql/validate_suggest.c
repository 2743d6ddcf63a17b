/* "Did you mean ...?" as graphql-js 16 writes it: suggestionList (a Damerau-Levenshtein distance
 * on lower-cased UTF-16 code units with a threshold of 40% of the input's length, best first,
 * ties in naturalCompare order) and didYouMean (at most five, quoted, "a, b, or c"). */
#include "graphql/validate_int.h"

#include <string.h>

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* charCodeAt past the end is NaN in JavaScript: never a digit, never equal. */
static int char_at(const char *s, size_t len, size_t i)
{
    return i < len ? (unsigned char)s[i] : -1;
}

int vnatural_compare(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t ai = 0, bi = 0;
    while (ai < alen && bi < blen) {
        int ac = char_at(a, alen, ai), bc = char_at(b, blen, bi);
        if (is_digit(ac) && is_digit(bc)) {
            /* A leading zero is a number of its own ("aNum > 0" in graphql-js). Numbers are
             * compared as doubles there; names are short enough that uint64 does not wrap in
             * practice, and equal digits compare equal either way. */
            uint64_t an = 0, bn = 0;
            do {
                ++ai;
                an = an * 10 + (uint64_t)(ac - '0');
                ac = char_at(a, alen, ai);
            } while (is_digit(ac) && an > 0);
            do {
                ++bi;
                bn = bn * 10 + (uint64_t)(bc - '0');
                bc = char_at(b, blen, bi);
            } while (is_digit(bc) && bn > 0);
            if (an != bn)
                return an < bn ? -1 : 1;
        } else {
            if (ac != bc)
                return ac < bc ? -1 : 1;
            ++ai;
            ++bi;
        }
    }
    return alen < blen ? -1 : alen > blen ? 1 : 0;
}

/* The input as JavaScript sees it: UTF-16 code units of input.toLowerCase(). Only ASCII letters
 * and the two characters whose lower case is ASCII (U+0130 -> "i\u0307", U+212A -> "k") matter:
 * options are ASCII names, so any other non-ASCII unit never equals one of theirs. Returns the
 * number of units of the input itself (input.length) in *orig. */
static size_t to_units(const char *s, size_t len, uint16_t *out, size_t *orig)
{
    size_t n = 0, o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t k;
        if (c < 0x80) {
            cp = c;
            k = 1;
        } else if (c >= 0xF0 && i + 3 < len) {
            cp = ((uint32_t)(c & 7) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) |
                 ((uint32_t)(s[i + 2] & 0x3F) << 6) | (uint32_t)(s[i + 3] & 0x3F);
            k = 4;
        } else if (c >= 0xE0 && i + 2 < len) {
            cp = ((uint32_t)(c & 0xF) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) |
                 (uint32_t)(s[i + 2] & 0x3F);
            k = 3;
        } else if (c >= 0xC0 && i + 1 < len) {
            cp = ((uint32_t)(c & 0x1F) << 6) | (uint32_t)(s[i + 1] & 0x3F);
            k = 2;
        } else {
            cp = 0xFFFD;
            k = 1;
        }
        i += k;
        if (cp >= 0x10000) {
            out[n++] = 0xD800;
            out[n++] = 0xDC00;
            o += 2;
            continue;
        }
        o++;
        if (cp >= 'A' && cp <= 'Z')
            out[n++] = (uint16_t)(cp + 32);
        else if (cp == 0x130) {
            out[n++] = 'i';
            out[n++] = 0x307;
        } else if (cp == 0x212A)
            out[n++] = 'k';
        else
            out[n++] = (uint16_t)cp;
    }
    *orig = o;
    return n;
}

/* LexicalDistance.measure: the distance, or -1 past the threshold. */
static long distance(const uint16_t *in, size_t inlen, const char *opt, size_t optlen,
                     size_t threshold, uint16_t *ob, size_t *rows)
{
    for (size_t i = 0; i < optlen; i++) {
        unsigned char c = (unsigned char)opt[i];
        ob[i] = (uint16_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (optlen == inlen && memcmp(ob, in, inlen * sizeof(*in)) == 0)
        return 1;
    const uint16_t *a = ob, *b = in;
    size_t alen = optlen, blen = inlen;
    if (alen < blen) {
        a = in;
        b = ob;
        alen = inlen;
        blen = optlen;
    }
    if (alen - blen > threshold)
        return -1;
    size_t w = blen + 1;
    size_t *r[3] = {rows, rows + w, rows + 2 * w};
    for (size_t j = 0; j <= blen; j++)
        r[0][j] = j;
    for (size_t i = 1; i <= alen; i++) {
        size_t *up = r[(i - 1) % 3], *cur = r[i % 3];
        size_t smallest = cur[0] = i;
        for (size_t j = 1; j <= blen; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t cell = up[j] + 1;
            if (cur[j - 1] + 1 < cell)
                cell = cur[j - 1] + 1;
            if (up[j - 1] + cost < cell)
                cell = up[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                size_t dd = r[(i - 2) % 3][j - 2] + 1;
                if (dd < cell)
                    cell = dd;
            }
            if (cell < smallest)
                smallest = cell;
            cur[j] = cell;
        }
        if (smallest > threshold)
            return -1;
    }
    size_t d = r[alen % 3][blen];
    return d <= threshold ? (long)d : -1;
}

size_t vsuggest(vctx *v, const char *input, size_t len, const char *const *options, size_t n,
                size_t **out)
{
    *out = NULL;
    if (!n)
        return 0;
    size_t maxopt = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(options[i]);
        if (l > maxopt)
            maxopt = l;
    }
    uint16_t *in = tc_arena_alloc(v->a, (2 * len + 1) * sizeof(*in));
    size_t orig;
    size_t inlen = to_units(input, len, in, &orig);
    size_t threshold = (size_t)((double)orig * 0.4) + 1;
    uint16_t *ob = tc_arena_alloc(v->a, (maxopt + 1) * sizeof(*ob));
    size_t w = (inlen > maxopt ? inlen : maxopt) + 1;
    size_t *rows = tc_arena_alloc(v->a, 3 * w * sizeof(*rows));
    size_t *idx = tc_arena_alloc(v->a, n * sizeof(*idx));
    long *dist = tc_arena_alloc(v->a, n * sizeof(*dist));
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t olen = strlen(options[i]);
        long d;
        if (olen == len && memcmp(options[i], input, len) == 0)
            d = 0;
        else if (olen > len + 2 * threshold + 2)
            d = -1; /* units of the input >= bytes / 3: too far apart either way */
        else
            d = distance(in, inlen, options[i], olen, threshold, ob, rows);
        if (d < 0)
            continue;
        /* insertion sort: stable, by distance then naturalCompare (a total order) */
        size_t j = k++;
        while (j > 0) {
            long pd = dist[j - 1];
            const char *p = options[idx[j - 1]];
            int c = pd != d ? (pd < d ? -1 : 1) : vnatural_compare(p, strlen(p), options[i], olen);
            if (c <= 0)
                break;
            idx[j] = idx[j - 1];
            dist[j] = dist[j - 1];
            j--;
        }
        idx[j] = i;
        dist[j] = d;
    }
    *out = idx;
    return k;
}

void vdid_you_mean(tc_buf *b, const char *sub, const char *const *options, const size_t *idx,
                   size_t n)
{
    if (!n)
        return;
    tc_buf_adds(b, " Did you mean ");
    if (sub) {
        tc_buf_adds(b, sub);
        tc_buf_addc(b, ' ');
    }
    if (n > 5)
        n = 5;
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            tc_buf_adds(b, n == 2 ? " or " : i == n - 1 ? ", or " : ", ");
        tc_buf_printf(b, "\"%s\"", idx ? options[idx[i]] : options[i]);
    }
    tc_buf_addc(b, '?');
}
