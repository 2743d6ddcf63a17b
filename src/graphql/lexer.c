/* GraphQL lexer: one token per call, graphql-js 16's rules and messages (its lexer.js is the
 * reference for every corner: number lookahead, escapes, surrogate pairs, block strings).
 * graphql-js works on UTF-16 code units; twentyc reads UTF-8 and counts columns in UTF-16 units
 * so that both report the same location. Bytes that are not UTF-8 are errors. */
#include "graphql/lexer.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/die.h"

static const char *const token_names[] = {
#define TC_GQL_TOKEN_NAME(name, text) text,
    TC_GQL_TOKENS(TC_GQL_TOKEN_NAME)
#undef TC_GQL_TOKEN_NAME
};

const char *tc_gql_token_kind_name(tc_gql_token_kind k)
{
    return (unsigned)k < TC_GQL_TOK_COUNT ? token_names[k] : "?";
}

void tc_gql_lexer_init(tc_gql_lexer *lx, const char *src, size_t len, tc_arena *a)
{
    memset(lx, 0, sizeof(*lx));
    lx->src = src;
    lx->len = len;
    lx->line = 1;
    lx->arena = a;
}

/* The byte at i, or -1 past the end (graphql-js's charCodeAt gives NaN there). */
static int at(const tc_gql_lexer *lx, size_t i)
{
    return i < lx->len ? (unsigned char)lx->src[i] : -1;
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool is_name_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_continue(int c)
{
    return is_name_start(c) || is_digit(c);
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static bool is_scalar(long cp)
{
    return (cp >= 0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0x10FFFF);
}

/* Decodes the UTF-8 sequence at s[i] into *cp and returns its length, or 0 when the bytes are
 * not UTF-8. Surrogate code points written as three bytes decode (to report them as graphql-js
 * reports a lone surrogate); overlong forms and values past U+10FFFF do not. */
static size_t decode(const char *src, size_t len, size_t i, long *cp)
{
    const unsigned char *s = (const unsigned char *)src + i;
    size_t room = len - i;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n;
    long v, min;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        n = 2, v = s[0] & 0x1F, min = 0x80;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        n = 3, v = s[0] & 0x0F, min = 0x800;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        n = 4, v = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (room < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[k] & 0x3F);
    }
    if (v < min || v > 0x10FFFF)
        return 0;
    *cp = v;
    return n;
}

/* UTF-16 code units of the bytes src[from..to): one per character, two past U+FFFF. A byte that
 * is not UTF-8 counts as one unit, as the U+FFFD a decoder would put in its place. */
static uint32_t utf16_units(const char *src, size_t from, size_t to)
{
    uint32_t u = 0;
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)src[i];
        if ((c & 0xC0) != 0x80)
            u += c >= 0xF0 ? 2 : 1;
    }
    return u;
}

/* Line and column of a byte offset, counted from the start of the source as graphql-js's
 * getLocation() does: \r\n, \r and \n each end a line. */
static void locate(const char *src, size_t len, size_t offset, uint32_t *line, uint32_t *column)
{
    uint32_t l = 1;
    size_t start = 0;
    for (size_t i = 0; i < offset; i++) {
        if (src[i] == '\r' && i + 1 < len && src[i + 1] == '\n')
            i++;
        if (src[i] == '\n' || src[i] == '\r') {
            l++;
            start = i + 1;
        }
    }
    *line = l;
    *column = 1 + (start <= offset ? utf16_units(src, start, offset) : 0);
}

int tc_gql_parse_error_set(tc_gql_parse_error *err, tc_arena *a, uint32_t line, uint32_t column,
                           uint32_t offset, const char *msg, size_t n)
{
    if (!err)
        return -1;
    static const char prefix[] = "Syntax Error: ";
    size_t plen = sizeof(prefix) - 1;
    char *m = tc_arena_alloc(a, plen + n + 1);
    memcpy(m, prefix, plen);
    if (n)
        memcpy(m + plen, msg, n);
    m[plen + n] = '\0';
    err->message = m;
    err->message_len = plen + n;
    err->line = line;
    err->column = column;
    err->offset = offset;
    err->limit = TC_GQL_LIMIT_NONE;
    return -1;
}

/* A lexical error at byte offset `offset`, message from a format (no source bytes in it). */
static int lex_error(tc_gql_lexer *lx, tc_gql_parse_error *err, size_t offset, const char *fmt, ...)
    TC_PRINTF(4, 5);

static int lex_error(tc_gql_lexer *lx, tc_gql_parse_error *err, size_t offset, const char *fmt, ...)
{
    if (!err)
        return -1;
    char msg[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof(msg))
        n = (int)sizeof(msg) - 1;
    uint32_t line, column;
    locate(lx->src, lx->len, offset, &line, &column);
    return tc_gql_parse_error_set(err, lx->arena, line, column, (uint32_t)offset, msg, (size_t)n);
}

/* A lexical error quoting the source: prefix, then the bytes covering `units` UTF-16 units from
 * `from` (graphql-js's body.slice()), then suffix. */
static int lex_error_slice(tc_gql_lexer *lx, tc_gql_parse_error *err, size_t offset,
                           const char *prefix, size_t from, size_t units, const char *suffix)
{
    if (!err)
        return -1;
    size_t to = from;
    for (size_t u = 0; u < units && to < lx->len;) {
        long cp;
        size_t n = decode(lx->src, lx->len, to, &cp);
        if (n == 0)
            n = 1;
        u += n == 4 ? 2 : 1;
        to += n;
    }
    size_t plen = strlen(prefix), slen = strlen(suffix), n = plen + (to - from) + slen;
    char *msg = tc_arena_alloc(lx->arena, n);
    memcpy(msg, prefix, plen);
    memcpy(msg + plen, lx->src + from, to - from);
    memcpy(msg + plen + (to - from), suffix, slen);
    uint32_t line, column;
    locate(lx->src, lx->len, offset, &line, &column);
    return tc_gql_parse_error_set(err, lx->arena, line, column, (uint32_t)offset, msg, n);
}

/* graphql-js's printCodePointAt(): "<EOF>", "x" for printable ASCII ('"' for the quote), else
 * U+XXXX (U+FFFD for bytes that are not UTF-8). */
static const char *print_char_at(const tc_gql_lexer *lx, size_t i, char out[16])
{
    if (i >= lx->len)
        return "<EOF>";
    long cp;
    if (decode(lx->src, lx->len, i, &cp) == 0)
        cp = 0xFFFD;
    if (cp == '"')
        snprintf(out, 16, "'\"'");
    else if (cp >= 0x20 && cp <= 0x7E)
        snprintf(out, 16, "\"%c\"", (char)cp);
    else
        snprintf(out, 16, "U+%04lX", (unsigned long)cp);
    return out;
}

/* Column of byte offset `pos` on the current line (pos >= line_start). Tokens arrive in order,
 * so the count continues from the previous one instead of restarting at the line's start. */
static uint32_t column_of(tc_gql_lexer *lx, size_t pos)
{
    if (lx->col_pos < lx->line_start || lx->col_pos > pos) {
        lx->col_pos = lx->line_start;
        lx->col_units = 0;
    }
    lx->col_units += utf16_units(lx->src, lx->col_pos, pos);
    lx->col_pos = pos;
    return 1 + lx->col_units;
}

static void new_line(tc_gql_lexer *lx, size_t start)
{
    lx->line++;
    lx->line_start = start;
}

static int token(tc_gql_lexer *lx, tc_gql_token *t, tc_gql_token_kind kind, size_t start,
                 size_t end)
{
    t->kind = kind;
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->line = lx->line;
    t->column = column_of(lx, start);
    t->value = NULL;
    t->len = 0;
    lx->pos = end;
    return 0;
}

static int token_text(tc_gql_lexer *lx, tc_gql_token *t, tc_gql_token_kind kind, size_t start,
                      size_t end, const char *value, size_t len)
{
    token(lx, t, kind, start, end);
    t->value = value;
    t->len = len;
    return 0;
}

/* Comment :: # CommentChar*  — ends at a line terminator or at a byte that is not a source
 * character (the next call reports it). */
static int read_comment(tc_gql_lexer *lx, tc_gql_token *t, size_t start)
{
    size_t i = start + 1;
    while (i < lx->len) {
        int c = at(lx, i);
        if (c == '\n' || c == '\r')
            break;
        long cp;
        size_t n = decode(lx->src, lx->len, i, &cp);
        if (n == 0 || !is_scalar(cp))
            break;
        i += n;
    }
    return token_text(lx, t, TC_GQL_TOK_COMMENT, start, i, lx->src + start + 1, i - start - 1);
}

/* Digit+ at i; returns the offset after them, or 0 (never a valid end) after an error. */
static size_t read_digits(tc_gql_lexer *lx, size_t i, tc_gql_parse_error *err)
{
    char b[16];
    if (!is_digit(at(lx, i))) {
        lex_error(lx, err, i, "Invalid number, expected digit but got: %s.",
                  print_char_at(lx, i, b));
        return 0;
    }
    while (is_digit(at(lx, i)))
        i++;
    return i;
}

/* IntValue and FloatValue, with the spec's lookahead: no Digit, '.' or NameStart may follow. */
static int read_number(tc_gql_lexer *lx, tc_gql_token *t, size_t start, tc_gql_parse_error *err)
{
    char b[16];
    size_t i = start;
    bool is_float = false;
    if (at(lx, i) == '-')
        i++;
    if (at(lx, i) == '0') {
        i++;
        if (is_digit(at(lx, i)))
            return lex_error(lx, err, i, "Invalid number, unexpected digit after 0: %s.",
                             print_char_at(lx, i, b));
    } else if ((i = read_digits(lx, i, err)) == 0) {
        return -1;
    }
    if (at(lx, i) == '.') {
        is_float = true;
        if ((i = read_digits(lx, i + 1, err)) == 0)
            return -1;
    }
    if (at(lx, i) == 'e' || at(lx, i) == 'E') {
        is_float = true;
        i++;
        if (at(lx, i) == '+' || at(lx, i) == '-')
            i++;
        if ((i = read_digits(lx, i, err)) == 0)
            return -1;
    }
    if (at(lx, i) == '.' || is_name_start(at(lx, i)))
        return lex_error(lx, err, i, "Invalid number, expected digit but got: %s.",
                         print_char_at(lx, i, b));
    return token_text(lx, t, is_float ? TC_GQL_TOK_FLOAT : TC_GQL_TOK_INT, start, i,
                      lx->src + start, i - start);
}

static size_t put_utf8(char *out, long cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Four hex digits at i as a number, or -1 when one is not a hex digit. */
static long hex4(const tc_gql_lexer *lx, size_t i)
{
    long v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = hex_value(at(lx, i + k));
        if (h < 0)
            return -1;
        v = (v << 4) | h;
    }
    return v;
}

/* The escape sequence at i (a backslash): its code point in *cp and its length in bytes, or 0
 * after an error. */
static size_t read_escape(tc_gql_lexer *lx, size_t i, long *cp, tc_gql_parse_error *err)
{
    int c = at(lx, i + 1);
    if (c == 'u' && at(lx, i + 2) == '{') {
        /* \u{HexDigit+}: at most 8 digits (graphql-js reads at most 12 characters, \u{00000000})
         * and a Unicode scalar value. */
        long point = 0;
        size_t size = 3;
        while (size < 12) {
            int d = at(lx, i + size++);
            if (d == '}') {
                if (size < 5 || !is_scalar(point))
                    break;
                *cp = point;
                return size;
            }
            int h = hex_value(d);
            /* graphql-js shifts a 32-bit signed integer: past 0x7FFFFFFF it turns negative. */
            if (h < 0 || point > 0x7FFFFFF)
                break;
            point = (point << 4) | h;
        }
        lex_error_slice(lx, err, i, "Invalid Unicode escape sequence: \"", i, size, "\".");
        return 0;
    }
    if (c == 'u') {
        long v = hex4(lx, i + 2);
        if (is_scalar(v)) {
            *cp = v;
            return 6;
        }
        /* A JSON-style surrogate pair is allowed when it forms a valid pair. */
        if (v >= 0xD800 && v <= 0xDBFF && at(lx, i + 6) == '\\' && at(lx, i + 7) == 'u') {
            long lo = hex4(lx, i + 8);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                *cp = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                return 12;
            }
        }
        lex_error_slice(lx, err, i, "Invalid Unicode escape sequence: \"", i, 6, "\".");
        return 0;
    }
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *p = c > 0 ? strchr(from, c) : NULL;
    if (p && c) {
        *cp = (unsigned char)to[p - from];
        return 2;
    }
    lex_error_slice(lx, err, i, "Invalid character escape sequence: \"", i, 2, "\".");
    return 0;
}

/* An error for the byte at i inside a string: a surrogate or bytes that are not UTF-8. */
static int string_char_error(tc_gql_lexer *lx, size_t i, size_t n, tc_gql_parse_error *err)
{
    char b[16];
    if (n == 0)
        return lex_error(lx, err, i, "Invalid UTF-8 byte within String: 0x%02X.",
                         (unsigned)(unsigned char)lx->src[i]);
    return lex_error(lx, err, i, "Invalid character within String: %s.", print_char_at(lx, i, b));
}

/* Checks that k more bytes and a NUL fit in a buffer of cap bytes holding n: always true by the
 * way buffers are sized, but an arena overrun would go unseen by ASan, so it is checked. */
static void room(size_t n, size_t k, size_t cap)
{
    if (n + k >= cap)
        tc_die("graphql lexer: string buffer too small");
}

/* "StringCharacter*": escapes decoded into the arena. */
static int read_string(tc_gql_lexer *lx, tc_gql_token *t, size_t start, tc_gql_parse_error *err)
{
    /* The value is never longer than the source it comes from: find where this string can end
     * (a quote, a line terminator or the end) to size the buffer, then decode. */
    size_t stop = start + 1;
    while (stop < lx->len && lx->src[stop] != '"' && lx->src[stop] != '\n' && lx->src[stop] != '\r')
        stop += lx->src[stop] == '\\' ? 2 : 1;
    if (stop > lx->len)
        stop = lx->len;
    size_t cap = stop - start + 1;
    char *out = tc_arena_alloc(lx->arena, cap);
    size_t n = 0, i = start + 1;
    while (i < lx->len) {
        int c = at(lx, i);
        if (c == '"') {
            out[n] = '\0';
            return token_text(lx, t, TC_GQL_TOK_STRING, start, i + 1, out, n);
        }
        if (c == '\\') {
            long cp;
            size_t size = read_escape(lx, i, &cp, err);
            if (size == 0)
                return -1;
            char utf8[4];
            size_t k = put_utf8(utf8, cp);
            room(n, k, cap);
            memcpy(out + n, utf8, k);
            n += k;
            i += size;
            continue;
        }
        if (c == '\n' || c == '\r')
            break;
        long cp;
        size_t len = decode(lx->src, lx->len, i, &cp);
        if (len == 0 || !is_scalar(cp))
            return string_char_error(lx, i, len, err);
        room(n, len, cap);
        memcpy(out + n, lx->src + i, len);
        n += len;
        i += len;
    }
    return lex_error(lx, err, i, "Unterminated string.");
}

static size_t leading_ws(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* The raw lines of a block string (\""" already turned into """) with the spec's
 * BlockStringValue(): common indentation removed from every line but the first, blank lines
 * removed at both ends, lines joined with \n. raw holds nlines lines, line k being
 * raw[starts[k] .. starts[k] + lens[k]). */
static size_t block_string_value(const char *raw, const size_t *starts, const size_t *lens,
                                 size_t nlines, char *out, size_t cap)
{
    size_t common = SIZE_MAX, first = SIZE_MAX, last = 0;
    bool any = false;
    for (size_t k = 0; k < nlines; k++) {
        size_t ind = leading_ws(raw + starts[k], lens[k]);
        if (ind == lens[k])
            continue;
        if (!any)
            first = k;
        any = true;
        last = k;
        if (k != 0 && ind < common)
            common = ind;
    }
    size_t n = 0;
    if (!any)
        return 0;
    for (size_t k = first; k <= last; k++) {
        const char *s = raw + starts[k];
        size_t len = lens[k];
        if (k != 0) {
            size_t cut = common < len ? common : len;
            s += cut;
            len -= cut;
        }
        room(n, len + (k != first), cap);
        if (k != first)
            out[n++] = '\n';
        memcpy(out + n, s, len);
        n += len;
    }
    return n;
}

/* """BlockStringCharacter*""" */
static int read_block_string(tc_gql_lexer *lx, tc_gql_token *t, size_t start,
                             tc_gql_parse_error *err)
{
    /* Pass 1: check every character and find the closing quotes, counting lines. */
    size_t i = start + 3, nlines = 1;
    bool closed = false;
    while (i < lx->len) {
        int c = at(lx, i);
        if (c == '"' && at(lx, i + 1) == '"' && at(lx, i + 2) == '"') {
            closed = true;
            break;
        }
        if (c == '\\' && at(lx, i + 1) == '"' && at(lx, i + 2) == '"' && at(lx, i + 3) == '"') {
            i += 4;
            continue;
        }
        if (c == '\n' || c == '\r') {
            i += (c == '\r' && at(lx, i + 1) == '\n') ? 2 : 1;
            nlines++;
            continue;
        }
        long cp;
        size_t len = decode(lx->src, lx->len, i, &cp);
        if (len == 0 || !is_scalar(cp))
            return string_char_error(lx, i, len, err);
        i += len;
    }
    if (!closed)
        return lex_error(lx, err, i, "Unterminated string.");
    size_t close = i;

    /* Pass 2: split into lines, unescaping \""" (the raw text only shrinks). */
    char *raw = tc_arena_alloc(lx->arena, close - start + 1);
    size_t *starts = tc_arena_calloc(lx->arena, nlines, sizeof(size_t));
    size_t *lens = tc_arena_calloc(lx->arena, nlines, sizeof(size_t));
    size_t n = 0, k = 0, last_line_start = lx->line_start;
    uint32_t line = lx->line;
    starts[0] = 0;
    for (i = start + 3; i < close;) {
        int c = at(lx, i);
        if (c == '\\' && at(lx, i + 1) == '"' && at(lx, i + 2) == '"' && at(lx, i + 3) == '"') {
            memcpy(raw + n, "\"\"\"", 3);
            n += 3;
            i += 4;
        } else if (c == '\n' || c == '\r') {
            i += (c == '\r' && at(lx, i + 1) == '\n') ? 2 : 1;
            lens[k] = n - starts[k];
            starts[++k] = n;
            line++;
            last_line_start = i;
        } else {
            raw[n++] = (char)c;
            i++;
        }
    }
    lens[k] = n - starts[k];
    char *out = tc_arena_alloc(lx->arena, n + nlines); /* lines and the \n between them, NUL */
    size_t len = block_string_value(raw, starts, lens, nlines, out, n + nlines);
    out[len] = '\0';
    token_text(lx, t, TC_GQL_TOK_BLOCK_STRING, start, close + 3, out, len);
    lx->line = line;
    lx->line_start = last_line_start;
    return 0;
}

static int read_name(tc_gql_lexer *lx, tc_gql_token *t, size_t start)
{
    size_t i = start + 1;
    while (is_name_continue(at(lx, i)))
        i++;
    return token_text(lx, t, TC_GQL_TOK_NAME, start, i, lx->src + start, i - start);
}

/* A byte that starts no token. */
static int unexpected_char(tc_gql_lexer *lx, size_t i, tc_gql_parse_error *err)
{
    char b[16];
    if (at(lx, i) == '\'')
        return lex_error(lx, err, i,
                         "Unexpected single quote character ('), did you mean to use a double "
                         "quote (\")?");
    long cp;
    size_t n = decode(lx->src, lx->len, i, &cp);
    if (n == 0)
        return lex_error(lx, err, i, "Invalid UTF-8 byte: 0x%02X.",
                         (unsigned)(unsigned char)lx->src[i]);
    if (is_scalar(cp))
        return lex_error(lx, err, i, "Unexpected character: %s.", print_char_at(lx, i, b));
    return lex_error(lx, err, i, "Invalid character: %s.", print_char_at(lx, i, b));
}

int tc_gql_lexer_next(tc_gql_lexer *lx, tc_gql_token *t, tc_gql_parse_error *err)
{
    size_t i = lx->pos;
    while (i < lx->len) {
        int c = at(lx, i);
        switch (c) {
        case '\t':
        case ' ':
        case ',': i++; continue;
        case '\n': new_line(lx, ++i); continue;
        case '\r':
            i += at(lx, i + 1) == '\n' ? 2 : 1;
            new_line(lx, i);
            continue;
        case 0xEF: /* U+FEFF, the byte order mark, is ignored anywhere */
            if (at(lx, i + 1) == 0xBB && at(lx, i + 2) == 0xBF) {
                i += 3;
                continue;
            }
            return unexpected_char(lx, i, err);
        case '#': return read_comment(lx, t, i);
        case '!': return token(lx, t, TC_GQL_TOK_BANG, i, i + 1);
        case '$': return token(lx, t, TC_GQL_TOK_DOLLAR, i, i + 1);
        case '&': return token(lx, t, TC_GQL_TOK_AMP, i, i + 1);
        case '(': return token(lx, t, TC_GQL_TOK_PAREN_L, i, i + 1);
        case ')': return token(lx, t, TC_GQL_TOK_PAREN_R, i, i + 1);
        case '.':
            if (at(lx, i + 1) == '.' && at(lx, i + 2) == '.')
                return token(lx, t, TC_GQL_TOK_SPREAD, i, i + 3);
            return unexpected_char(lx, i, err);
        case ':': return token(lx, t, TC_GQL_TOK_COLON, i, i + 1);
        case '=': return token(lx, t, TC_GQL_TOK_EQUALS, i, i + 1);
        case '@': return token(lx, t, TC_GQL_TOK_AT, i, i + 1);
        case '[': return token(lx, t, TC_GQL_TOK_BRACKET_L, i, i + 1);
        case ']': return token(lx, t, TC_GQL_TOK_BRACKET_R, i, i + 1);
        case '{': return token(lx, t, TC_GQL_TOK_BRACE_L, i, i + 1);
        case '|': return token(lx, t, TC_GQL_TOK_PIPE, i, i + 1);
        case '}': return token(lx, t, TC_GQL_TOK_BRACE_R, i, i + 1);
        case '"':
            lx->pos = i;
            if (at(lx, i + 1) == '"' && at(lx, i + 2) == '"')
                return read_block_string(lx, t, i, err);
            return read_string(lx, t, i, err);
        default: break;
        }
        lx->pos = i;
        if (is_digit(c) || c == '-')
            return read_number(lx, t, i, err);
        if (is_name_start(c))
            return read_name(lx, t, i);
        return unexpected_char(lx, i, err);
    }
    lx->pos = i;
    return token(lx, t, TC_GQL_TOK_EOF, i, i);
}
