/* GraphQL lexer (October 2021 specification, with graphql-js 16's behaviour where the two differ:
 * \u{...} escapes are accepted). Turns a UTF-8 source into tokens with exact line and column,
 * and reports lexical errors with graphql-js's messages ("Syntax Error: Unterminated string.") so
 * that twentyc's errors read like Twenty's. */
#ifndef TC_GRAPHQL_LEXER_H
#define TC_GRAPHQL_LEXER_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

/* Token kinds with graphql-js's TokenKind text, used in messages ("Expected Name, found <EOF>.").
 */
#define TC_GQL_TOKENS(X)                                                                           \
    X(SOF, "<SOF>")                                                                                \
    X(EOF, "<EOF>")                                                                                \
    X(BANG, "!")                                                                                   \
    X(DOLLAR, "$")                                                                                 \
    X(AMP, "&")                                                                                    \
    X(PAREN_L, "(")                                                                                \
    X(PAREN_R, ")")                                                                                \
    X(SPREAD, "...")                                                                               \
    X(COLON, ":")                                                                                  \
    X(EQUALS, "=")                                                                                 \
    X(AT, "@")                                                                                     \
    X(BRACKET_L, "[")                                                                              \
    X(BRACKET_R, "]")                                                                              \
    X(BRACE_L, "{")                                                                                \
    X(PIPE, "|")                                                                                   \
    X(BRACE_R, "}")                                                                                \
    X(NAME, "Name")                                                                                \
    X(INT, "Int")                                                                                  \
    X(FLOAT, "Float")                                                                              \
    X(STRING, "String")                                                                            \
    X(BLOCK_STRING, "BlockString")                                                                 \
    X(COMMENT, "Comment")

typedef enum tc_gql_token_kind {
#define TC_GQL_TOKEN_ENUM(name, text) TC_GQL_TOK_##name,
    TC_GQL_TOKENS(TC_GQL_TOKEN_ENUM)
#undef TC_GQL_TOKEN_ENUM
        TC_GQL_TOK_COUNT
} tc_gql_token_kind;

/* graphql-js's text of a token kind: "!" for punctuators, "Name", "<EOF>"; "?" outside the enum. */
const char *tc_gql_token_kind_name(tc_gql_token_kind k);

typedef struct tc_gql_token {
    tc_gql_token_kind kind;
    uint32_t start;  /* byte offset of the first byte */
    uint32_t end;    /* byte offset one past the last byte */
    uint32_t line;   /* 1-based */
    uint32_t column; /* 1-based, in UTF-16 code units (graphql-js's columns) */
    /* NAME, INT, FLOAT: the text as written; COMMENT: the text after '#'. These point into the
     * source and are not NUL-terminated. STRING, BLOCK_STRING: the value (escapes decoded, block
     * strings dedented by the spec's BlockStringValue()), NUL-terminated in the arena; it may
     * contain NUL bytes. Other kinds: NULL, 0. */
    const char *value;
    size_t len;
} tc_gql_token;

/* Which configured limit an error reports, so a caller can tell "too big" from "malformed". */
typedef enum tc_gql_parse_limit {
    TC_GQL_LIMIT_NONE,
    TC_GQL_LIMIT_BYTES,
    TC_GQL_LIMIT_TOKENS,
    TC_GQL_LIMIT_DEPTH
} tc_gql_parse_limit;

/* A syntax error in GraphQL's shape: message ("Syntax Error: ...") at one location. */
typedef struct tc_gql_parse_error {
    const char *message; /* NUL-terminated, in the arena; may contain NUL bytes quoted from the
                            source, so message_len is authoritative */
    size_t message_len;
    uint32_t line;   /* 1-based */
    uint32_t column; /* 1-based, UTF-16 code units */
    uint32_t offset; /* byte offset in the source */
    tc_gql_parse_limit limit;
} tc_gql_parse_error;

/* Lexer state. The caller keeps src alive while lexing; decoded strings go to arena. */
typedef struct tc_gql_lexer {
    const char *src;
    size_t len;
    size_t pos;         /* next byte to read */
    uint32_t line;      /* line of pos */
    size_t line_start;  /* byte offset where that line begins */
    size_t col_pos;     /* a byte offset on the current line ... */
    uint32_t col_units; /* ... and the UTF-16 units between line_start and it */
    tc_arena *arena;
} tc_gql_lexer;

/* Largest source the lexer accepts: offsets are 32-bit. The parser's byte limit is lower. */
#define TC_GQL_MAX_SOURCE ((size_t)UINT32_MAX - 16)

/* Starts lexing src[0..len) (len at most TC_GQL_MAX_SOURCE). Decoded strings go to a. */
void tc_gql_lexer_init(tc_gql_lexer *lx, const char *src, size_t len, tc_arena *a);

/* The next token, COMMENT tokens included; EOF again and again at the end. Returns 0, or -1 with
 * err (when not NULL) filled and its message in the lexer's arena. */
int tc_gql_lexer_next(tc_gql_lexer *lx, tc_gql_token *t, tc_gql_parse_error *err);

/* Fills err with "Syntax Error: " followed by the n bytes of msg at the given location, the
 * message copied into a. Returns -1. */
int tc_gql_parse_error_set(tc_gql_parse_error *err, tc_arena *a, uint32_t line, uint32_t column,
                           uint32_t offset, const char *msg, size_t n);

#endif
