/* Recursive-descent parser for executable GraphQL documents. It follows graphql-js 16's parser
 * rule for rule (its parser.js is the reference for which token an error points at and what the
 * message says), minus the type system definitions, plus limits on size, tokens and depth.
 * Every parse function returns NULL (or -1) after filling the error; nothing needs freeing,
 * since everything lives in the arena. */
#include "graphql/parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"

typedef struct parser {
    tc_gql_lexer lx;
    tc_gql_token tok;  /* the current token (never a comment) */
    uint32_t prev_end; /* end of the token consumed last: where a finished node ends */
    size_t tokens;
    size_t max_tokens;
    unsigned depth;
    unsigned max_depth;
    void **stack; /* items of the lists being parsed, innermost last */
    size_t sp;
    size_t cap;
    tc_arena *a;
    tc_gql_parse_error *err;
} parser;

/* ---- errors ---------------------------------------------------------------------------------- */

static bool is_punctuator(tc_gql_token_kind k)
{
    return k >= TC_GQL_TOK_BANG && k <= TC_GQL_TOK_BRACE_R;
}

static bool has_value(tc_gql_token_kind k)
{
    return k == TC_GQL_TOK_NAME || k == TC_GQL_TOK_INT || k == TC_GQL_TOK_FLOAT ||
           k == TC_GQL_TOK_STRING || k == TC_GQL_TOK_BLOCK_STRING;
}

/* graphql-js's getTokenKindDesc: punctuators quoted, other kinds by name. */
static void add_kind(tc_buf *b, tc_gql_token_kind k)
{
    if (is_punctuator(k))
        tc_buf_printf(b, "\"%s\"", tc_gql_token_kind_name(k));
    else
        tc_buf_adds(b, tc_gql_token_kind_name(k));
}

/* graphql-js's getTokenDesc: the kind, then the value in quotes when the token has one. */
static void add_token(tc_buf *b, const tc_gql_token *t)
{
    add_kind(b, t->kind);
    if (has_value(t->kind)) {
        tc_buf_adds(b, " \"");
        tc_buf_add(b, t->value, t->len);
        tc_buf_addc(b, '"');
    }
}

/* Fills the error with the message in b, located at token t. */
static int fail_buf(parser *p, const tc_gql_token *t, tc_buf *b)
{
    tc_gql_parse_error_set(p->err, p->a, t->line, t->column, t->start, tc_buf_cstr(b), b->len);
    tc_buf_fini(b);
    return -1;
}

static int failf(parser *p, const tc_gql_token *t, const char *fmt, ...) TC_PRINTF(3, 4);

static int failf(parser *p, const tc_gql_token *t, const char *fmt, ...)
{
    if (!p->err)
        return -1;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof(msg))
        n = (int)sizeof(msg) - 1;
    return tc_gql_parse_error_set(p->err, p->a, t->line, t->column, t->start, msg, (size_t)n);
}

/* "Unexpected <token>." at t. */
static int unexpected(parser *p, const tc_gql_token *t)
{
    if (!p->err)
        return -1;
    tc_buf b;
    tc_buf_init(&b, TC_GQL_MAX_SOURCE);
    tc_buf_adds(&b, "Unexpected ");
    add_token(&b, t);
    tc_buf_addc(&b, '.');
    return fail_buf(p, t, &b);
}

/* "Expected <what>, found <current token>." */
static int expected(parser *p, tc_gql_token_kind kind, const char *keyword)
{
    if (!p->err)
        return -1;
    tc_buf b;
    tc_buf_init(&b, TC_GQL_MAX_SOURCE);
    tc_buf_adds(&b, "Expected ");
    if (keyword)
        tc_buf_printf(&b, "\"%s\"", keyword);
    else
        add_kind(&b, kind);
    tc_buf_adds(&b, ", found ");
    add_token(&b, &p->tok);
    tc_buf_addc(&b, '.');
    return fail_buf(p, &p->tok, &b);
}

/* ---- tokens ---------------------------------------------------------------------------------- */

/* The next token that is not a comment, counted against the token limit. */
static int advance(parser *p)
{
    p->prev_end = p->tok.end;
    do {
        if (tc_gql_lexer_next(&p->lx, &p->tok, p->err) < 0)
            return -1;
    } while (p->tok.kind == TC_GQL_TOK_COMMENT);
    if (p->tok.kind != TC_GQL_TOK_EOF && ++p->tokens > p->max_tokens) {
        failf(p, &p->tok, "Document contains more than %zu tokens. Parsing aborted.",
              p->max_tokens);
        if (p->err)
            p->err->limit = TC_GQL_LIMIT_TOKENS;
        return -1;
    }
    return 0;
}

static bool peek(const parser *p, tc_gql_token_kind kind)
{
    return p->tok.kind == kind;
}

static int expect(parser *p, tc_gql_token_kind kind)
{
    if (p->tok.kind != kind)
        return expected(p, kind, NULL);
    return advance(p);
}

/* 1 when the current token was `kind` and was consumed, 0 when it is something else, -1 when
 * reading the next token failed. */
static int optional(parser *p, tc_gql_token_kind kind)
{
    if (p->tok.kind != kind)
        return 0;
    return advance(p) < 0 ? -1 : 1;
}

static bool is_keyword(const tc_gql_token *t, const char *kw)
{
    size_t n = strlen(kw);
    return t->kind == TC_GQL_TOK_NAME && t->len == n && memcmp(t->value, kw, n) == 0;
}

static int optional_keyword(parser *p, const char *kw)
{
    if (!is_keyword(&p->tok, kw))
        return 0;
    return advance(p) < 0 ? -1 : 1;
}

static int expect_keyword(parser *p, const char *kw)
{
    if (!is_keyword(&p->tok, kw))
        return expected(p, TC_GQL_TOK_NAME, kw);
    return advance(p);
}

/* Entering a nested selection set, list or object value or list type at the current token. */
static int enter(parser *p)
{
    if (++p->depth > p->max_depth) {
        failf(p, &p->tok, "Document is nested deeper than %u levels. Parsing aborted.",
              p->max_depth);
        if (p->err)
            p->err->limit = TC_GQL_LIMIT_DEPTH;
        return -1;
    }
    return 0;
}

/* ---- nodes ----------------------------------------------------------------------------------- */

static tc_gql_ast_loc loc_begin(const parser *p)
{
    tc_gql_ast_loc l = {p->tok.line, p->tok.column, p->tok.start, p->tok.end};
    return l;
}

static void loc_end(const parser *p, tc_gql_ast_loc *l)
{
    l->end = p->prev_end;
}

/* Lists: items are pushed on one stack shared by all nesting levels; a finished list is copied
 * out at its exact size. */
static void push(parser *p, void *item)
{
    tc_arena_append(p->a, &p->stack, &p->sp, &p->cap, item);
}

static void *pop_list(parser *p, size_t mark, size_t *n)
{
    *n = p->sp - mark;
    if (*n == 0)
        return NULL;
    void **items = tc_arena_alloc(p->a, *n * sizeof(void *));
    memcpy(items, p->stack + mark, *n * sizeof(void *));
    p->sp = mark;
    return items;
}

static int parse_name(parser *p, tc_gql_ast_name *name)
{
    if (!peek(p, TC_GQL_TOK_NAME))
        return expected(p, TC_GQL_TOK_NAME, NULL);
    name->s = tc_arena_strndup(p->a, p->tok.value, p->tok.len);
    name->len = p->tok.len;
    name->loc = loc_begin(p);
    return advance(p);
}

static tc_gql_ast_value *parse_value(parser *p, bool is_const);
static tc_gql_ast_selection_set *parse_selection_set(parser *p);

/* Variable : $ Name */
static tc_gql_ast_value *parse_variable(parser *p)
{
    tc_gql_ast_value *v = tc_arena_calloc(p->a, 1, sizeof(*v));
    v->kind = TC_GQL_AST_VARIABLE;
    v->loc = loc_begin(p);
    if (expect(p, TC_GQL_TOK_DOLLAR) < 0 || parse_name(p, &v->u.variable) < 0)
        return NULL;
    loc_end(p, &v->loc);
    return v;
}

/* ListValue : [ Value* ]  and  ObjectValue : { ObjectField* } */
static tc_gql_ast_value *parse_list_or_object(parser *p, bool is_const)
{
    tc_gql_ast_value *v = tc_arena_calloc(p->a, 1, sizeof(*v));
    bool list = peek(p, TC_GQL_TOK_BRACKET_L);
    v->kind = list ? TC_GQL_AST_LIST : TC_GQL_AST_OBJECT;
    v->loc = loc_begin(p);
    if (enter(p) < 0 || advance(p) < 0)
        return NULL;
    size_t mark = p->sp;
    tc_gql_token_kind close = list ? TC_GQL_TOK_BRACKET_R : TC_GQL_TOK_BRACE_R;
    for (;;) {
        int done = optional(p, close);
        if (done < 0)
            return NULL;
        if (done)
            break;
        if (list) {
            tc_gql_ast_value *item = parse_value(p, is_const);
            if (!item)
                return NULL;
            push(p, item);
            continue;
        }
        tc_gql_ast_object_field *f = tc_arena_calloc(p->a, 1, sizeof(*f));
        f->loc = loc_begin(p);
        if (parse_name(p, &f->name) < 0 || expect(p, TC_GQL_TOK_COLON) < 0 ||
            !(f->value = parse_value(p, is_const)))
            return NULL;
        loc_end(p, &f->loc);
        push(p, f);
    }
    if (list)
        v->u.list.items = pop_list(p, mark, &v->u.list.n);
    else
        v->u.object.items = pop_list(p, mark, &v->u.object.n);
    p->depth--;
    loc_end(p, &v->loc);
    return v;
}

/* Value[Const] : Variable (not in Const) | Int | Float | String | Boolean | Null | Enum | List |
 * Object */
static tc_gql_ast_value *parse_value(parser *p, bool is_const)
{
    const tc_gql_token t = p->tok;
    switch (t.kind) {
    case TC_GQL_TOK_BRACKET_L:
    case TC_GQL_TOK_BRACE_L: return parse_list_or_object(p, is_const);
    case TC_GQL_TOK_DOLLAR:
        if (!is_const)
            return parse_variable(p);
        if (advance(p) < 0)
            return NULL;
        if (peek(p, TC_GQL_TOK_NAME))
            failf(p, &t, "Unexpected variable \"$%.*s\" in constant value.", (int)p->tok.len,
                  p->tok.value);
        else
            unexpected(p, &t);
        return NULL;
    case TC_GQL_TOK_INT:
    case TC_GQL_TOK_FLOAT:
    case TC_GQL_TOK_STRING:
    case TC_GQL_TOK_BLOCK_STRING:
    case TC_GQL_TOK_NAME: break;
    default: unexpected(p, &t); return NULL;
    }
    tc_gql_ast_value *v = tc_arena_calloc(p->a, 1, sizeof(*v));
    v->loc = loc_begin(p);
    if (t.kind == TC_GQL_TOK_STRING || t.kind == TC_GQL_TOK_BLOCK_STRING) {
        v->kind = TC_GQL_AST_STRING;
        v->u.scalar.s = t.value; /* already a NUL-terminated copy in the arena */
        v->u.scalar.len = t.len;
        v->u.scalar.block = t.kind == TC_GQL_TOK_BLOCK_STRING;
    } else if (t.kind == TC_GQL_TOK_NAME && (is_keyword(&t, "true") || is_keyword(&t, "false"))) {
        v->kind = TC_GQL_AST_BOOLEAN;
        v->u.boolean = is_keyword(&t, "true");
    } else if (t.kind == TC_GQL_TOK_NAME && is_keyword(&t, "null")) {
        v->kind = TC_GQL_AST_NULL;
    } else {
        v->kind = t.kind == TC_GQL_TOK_INT     ? TC_GQL_AST_INT
                  : t.kind == TC_GQL_TOK_FLOAT ? TC_GQL_AST_FLOAT
                                               : TC_GQL_AST_ENUM;
        v->u.scalar.s = tc_arena_strndup(p->a, t.value, t.len);
        v->u.scalar.len = t.len;
    }
    if (advance(p) < 0)
        return NULL;
    loc_end(p, &v->loc);
    return v;
}

/* NamedType : Name */
static tc_gql_ast_type *parse_named_type(parser *p)
{
    tc_gql_ast_type *t = tc_arena_calloc(p->a, 1, sizeof(*t));
    t->kind = TC_GQL_AST_NAMED_TYPE;
    t->loc = loc_begin(p);
    if (parse_name(p, &t->name) < 0)
        return NULL;
    loc_end(p, &t->loc);
    return t;
}

/* Type : NamedType | [ Type ] | Type ! (a non-null type never wraps a non-null type) */
static tc_gql_ast_type *parse_type(parser *p)
{
    tc_gql_ast_loc start = loc_begin(p);
    tc_gql_ast_type *t;
    if (peek(p, TC_GQL_TOK_BRACKET_L)) {
        if (enter(p) < 0 || advance(p) < 0)
            return NULL;
        t = tc_arena_calloc(p->a, 1, sizeof(*t));
        t->kind = TC_GQL_AST_LIST_TYPE;
        t->loc = start;
        if (!(t->of = parse_type(p)) || expect(p, TC_GQL_TOK_BRACKET_R) < 0)
            return NULL;
        p->depth--;
        loc_end(p, &t->loc);
    } else if (!(t = parse_named_type(p))) {
        return NULL;
    }
    int bang = optional(p, TC_GQL_TOK_BANG);
    if (bang < 0)
        return NULL;
    if (bang) {
        tc_gql_ast_type *nn = tc_arena_calloc(p->a, 1, sizeof(*nn));
        nn->kind = TC_GQL_AST_NON_NULL_TYPE;
        nn->loc = start;
        nn->of = t;
        loc_end(p, &nn->loc);
        t = nn;
    }
    return t;
}

/* Arguments[Const] : ( Argument[?Const]+ ), optional. */
static int parse_arguments(parser *p, bool is_const, tc_gql_ast_arguments *out)
{
    int open = optional(p, TC_GQL_TOK_PAREN_L);
    if (open <= 0)
        return open;
    size_t mark = p->sp;
    for (;;) {
        tc_gql_ast_argument *arg = tc_arena_calloc(p->a, 1, sizeof(*arg));
        arg->loc = loc_begin(p);
        if (parse_name(p, &arg->name) < 0 || expect(p, TC_GQL_TOK_COLON) < 0 ||
            !(arg->value = parse_value(p, is_const)))
            return -1;
        loc_end(p, &arg->loc);
        push(p, arg);
        int close = optional(p, TC_GQL_TOK_PAREN_R);
        if (close < 0)
            return -1;
        if (close)
            break;
    }
    out->items = pop_list(p, mark, &out->n);
    return 0;
}

/* Directives[Const] : Directive[?Const]*  where  Directive : @ Name Arguments? */
static int parse_directives(parser *p, bool is_const, tc_gql_ast_directives *out)
{
    size_t mark = p->sp;
    while (peek(p, TC_GQL_TOK_AT)) {
        tc_gql_ast_directive *d = tc_arena_calloc(p->a, 1, sizeof(*d));
        d->loc = loc_begin(p);
        if (advance(p) < 0 || parse_name(p, &d->name) < 0 ||
            parse_arguments(p, is_const, &d->arguments) < 0)
            return -1;
        loc_end(p, &d->loc);
        push(p, d);
    }
    out->items = pop_list(p, mark, &out->n);
    return 0;
}

/* Field : Alias? Name Arguments? Directives? SelectionSet? */
static tc_gql_ast_selection *parse_field(parser *p)
{
    tc_gql_ast_selection *s = tc_arena_calloc(p->a, 1, sizeof(*s));
    s->kind = TC_GQL_AST_FIELD;
    s->loc = loc_begin(p);
    if (parse_name(p, &s->name) < 0)
        return NULL;
    int aliased = optional(p, TC_GQL_TOK_COLON);
    if (aliased < 0)
        return NULL;
    if (aliased) {
        s->alias = s->name;
        if (parse_name(p, &s->name) < 0)
            return NULL;
    }
    if (parse_arguments(p, false, &s->arguments) < 0 ||
        parse_directives(p, false, &s->directives) < 0)
        return NULL;
    if (peek(p, TC_GQL_TOK_BRACE_L) && !(s->selection_set = parse_selection_set(p)))
        return NULL;
    loc_end(p, &s->loc);
    return s;
}

/* graphql-js refuses `on` as a fragment name by the current token's value, whatever its kind. */
static int check_fragment_name(parser *p)
{
    if (has_value(p->tok.kind) && p->tok.len == 2 && memcmp(p->tok.value, "on", 2) == 0)
        return unexpected(p, &p->tok);
    return 0;
}

/* FragmentSpread : ... FragmentName Directives?
 * InlineFragment : ... TypeCondition? Directives? SelectionSet */
static tc_gql_ast_selection *parse_fragment(parser *p)
{
    tc_gql_ast_selection *s = tc_arena_calloc(p->a, 1, sizeof(*s));
    s->loc = loc_begin(p);
    if (expect(p, TC_GQL_TOK_SPREAD) < 0)
        return NULL;
    int on = optional_keyword(p, "on");
    if (on < 0)
        return NULL;
    if (!on && peek(p, TC_GQL_TOK_NAME)) {
        s->kind = TC_GQL_AST_FRAGMENT_SPREAD;
        if (check_fragment_name(p) < 0 || parse_name(p, &s->name) < 0 ||
            parse_directives(p, false, &s->directives) < 0)
            return NULL;
    } else {
        s->kind = TC_GQL_AST_INLINE_FRAGMENT;
        if ((on && !(s->type_condition = parse_named_type(p))) ||
            parse_directives(p, false, &s->directives) < 0 ||
            !(s->selection_set = parse_selection_set(p)))
            return NULL;
    }
    loc_end(p, &s->loc);
    return s;
}

/* SelectionSet : { Selection+ } */
static tc_gql_ast_selection_set *parse_selection_set(parser *p)
{
    tc_gql_ast_selection_set *set = tc_arena_calloc(p->a, 1, sizeof(*set));
    set->loc = loc_begin(p);
    if (!peek(p, TC_GQL_TOK_BRACE_L)) {
        expected(p, TC_GQL_TOK_BRACE_L, NULL);
        return NULL;
    }
    if (enter(p) < 0 || advance(p) < 0)
        return NULL;
    size_t mark = p->sp;
    for (;;) {
        tc_gql_ast_selection *s = peek(p, TC_GQL_TOK_SPREAD) ? parse_fragment(p) : parse_field(p);
        if (!s)
            return NULL;
        push(p, s);
        int close = optional(p, TC_GQL_TOK_BRACE_R);
        if (close < 0)
            return NULL;
        if (close)
            break;
    }
    set->items = (tc_gql_ast_selection **)pop_list(p, mark, &set->n);
    p->depth--;
    loc_end(p, &set->loc);
    return set;
}

/* VariableDefinition : Variable : Type DefaultValue? Directives[Const]? */
static tc_gql_ast_variable_definition *parse_variable_definition(parser *p)
{
    tc_gql_ast_variable_definition *vd = tc_arena_calloc(p->a, 1, sizeof(*vd));
    vd->loc = loc_begin(p);
    if (!(vd->variable = parse_variable(p)) || expect(p, TC_GQL_TOK_COLON) < 0 ||
        !(vd->type = parse_type(p)))
        return NULL;
    int def = optional(p, TC_GQL_TOK_EQUALS);
    if (def < 0 || (def && !(vd->default_value = parse_value(p, true))) ||
        parse_directives(p, true, &vd->directives) < 0)
        return NULL;
    loc_end(p, &vd->loc);
    return vd;
}

/* OperationDefinition : SelectionSet | OperationType Name? VariableDefinitions? Directives?
 * SelectionSet */
static tc_gql_ast_definition *parse_operation(parser *p)
{
    tc_gql_ast_definition *d = tc_arena_calloc(p->a, 1, sizeof(*d));
    d->kind = TC_GQL_AST_OPERATION_DEFINITION;
    d->loc = loc_begin(p);
    d->operation = TC_GQL_OP_QUERY;
    if (peek(p, TC_GQL_TOK_BRACE_L)) {
        d->shorthand = true;
    } else {
        /* parse_definition only comes here on one of the three keywords */
        d->operation = is_keyword(&p->tok, "mutation")       ? TC_GQL_OP_MUTATION
                       : is_keyword(&p->tok, "subscription") ? TC_GQL_OP_SUBSCRIPTION
                                                             : TC_GQL_OP_QUERY;
        if (advance(p) < 0 || (peek(p, TC_GQL_TOK_NAME) && parse_name(p, &d->name) < 0))
            return NULL;
        int open = optional(p, TC_GQL_TOK_PAREN_L);
        if (open < 0)
            return NULL;
        if (open) {
            size_t mark = p->sp;
            for (;;) {
                tc_gql_ast_variable_definition *vd = parse_variable_definition(p);
                if (!vd)
                    return NULL;
                push(p, vd);
                int close = optional(p, TC_GQL_TOK_PAREN_R);
                if (close < 0)
                    return NULL;
                if (close)
                    break;
            }
            d->variables.items =
                (tc_gql_ast_variable_definition **)pop_list(p, mark, &d->variables.n);
        }
        if (parse_directives(p, false, &d->directives) < 0)
            return NULL;
    }
    if (!(d->selection_set = parse_selection_set(p)))
        return NULL;
    loc_end(p, &d->loc);
    return d;
}

/* FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet */
static tc_gql_ast_definition *parse_fragment_definition(parser *p)
{
    tc_gql_ast_definition *d = tc_arena_calloc(p->a, 1, sizeof(*d));
    d->kind = TC_GQL_AST_FRAGMENT_DEFINITION;
    d->loc = loc_begin(p);
    if (expect_keyword(p, "fragment") < 0 || check_fragment_name(p) < 0 ||
        parse_name(p, &d->name) < 0 || expect_keyword(p, "on") < 0 ||
        !(d->type_condition = parse_named_type(p)) ||
        parse_directives(p, false, &d->directives) < 0 ||
        !(d->selection_set = parse_selection_set(p)))
        return NULL;
    loc_end(p, &d->loc);
    return d;
}

static bool is_type_system_keyword(const tc_gql_token *t)
{
    static const char *const kws[] = {"schema", "scalar", "type",      "interface", "union",
                                      "enum",   "input",  "directive", "extend"};
    for (size_t i = 0; i < sizeof(kws) / sizeof(kws[0]); i++) {
        if (is_keyword(t, kws[i]))
            return true;
    }
    return false;
}

/* Definition : OperationDefinition | FragmentDefinition. A type system definition is refused at
 * its keyword; a description before anything else is refused as graphql-js refuses it. */
static tc_gql_ast_definition *parse_definition(parser *p)
{
    if (peek(p, TC_GQL_TOK_BRACE_L))
        return parse_operation(p);
    bool described = peek(p, TC_GQL_TOK_STRING) || peek(p, TC_GQL_TOK_BLOCK_STRING);
    tc_gql_token kw = p->tok;
    if (described) {
        /* one token of lookahead on a copy of the lexer: every path from here is an error */
        tc_gql_lexer ahead = p->lx;
        do {
            if (tc_gql_lexer_next(&ahead, &kw, p->err) < 0)
                return NULL;
        } while (kw.kind == TC_GQL_TOK_COMMENT);
    }
    if (kw.kind == TC_GQL_TOK_NAME) {
        if (is_type_system_keyword(&kw)) {
            failf(p, &kw,
                  "Unexpected Name \"%.*s\"; twentyc parses executable definitions only "
                  "(operations and fragments).",
                  (int)kw.len, kw.value);
            return NULL;
        }
        if (described) {
            failf(p, &p->tok,
                  "Unexpected description, descriptions are supported only on "
                  "type definitions.");
            return NULL;
        }
        if (is_keyword(&kw, "query") || is_keyword(&kw, "mutation") ||
            is_keyword(&kw, "subscription"))
            return parse_operation(p);
        if (is_keyword(&kw, "fragment"))
            return parse_fragment_definition(p);
    }
    unexpected(p, &kw);
    return NULL;
}

/* ---- entry points ---------------------------------------------------------------------------- */

static int start(parser *p, tc_arena *a, const char *src, size_t len,
                 const tc_gql_parse_limits *limits, tc_gql_parse_error *err)
{
    memset(p, 0, sizeof(*p));
    p->a = a;
    p->err = err;
    size_t max_bytes = limits && limits->max_bytes ? limits->max_bytes : TC_GQL_DEFAULT_MAX_BYTES;
    p->max_tokens = limits && limits->max_tokens ? limits->max_tokens : TC_GQL_DEFAULT_MAX_TOKENS;
    p->max_depth = limits && limits->max_depth ? limits->max_depth : TC_GQL_DEFAULT_MAX_DEPTH;
    if (max_bytes > TC_GQL_MAX_SOURCE)
        max_bytes = TC_GQL_MAX_SOURCE;
    p->tok.kind = TC_GQL_TOK_SOF;
    p->tok.line = 1;
    p->tok.column = 1;
    if (len > max_bytes) {
        failf(p, &p->tok, "Document is larger than %zu bytes. Parsing aborted.", max_bytes);
        if (err)
            err->limit = TC_GQL_LIMIT_BYTES;
        return -1;
    }
    tc_gql_lexer_init(&p->lx, src ? src : "", src ? len : 0, a);
    return advance(p);
}

tc_gql_ast_document *tc_gql_parse(tc_arena *a, const char *src, size_t len,
                                  const tc_gql_parse_limits *limits, tc_gql_parse_error *err)
{
    parser p;
    if (start(&p, a, src, len, limits, err) < 0)
        return NULL;
    tc_gql_ast_document *doc = tc_arena_calloc(a, 1, sizeof(*doc));
    doc->loc.line = 1;
    doc->loc.column = 1;
    size_t mark = p.sp;
    do {
        tc_gql_ast_definition *d = parse_definition(&p);
        if (!d)
            return NULL;
        push(&p, d);
    } while (!peek(&p, TC_GQL_TOK_EOF));
    doc->items = (tc_gql_ast_definition **)pop_list(&p, mark, &doc->n);
    doc->loc.end = (uint32_t)len;
    doc->tokens = p.tokens;
    return doc;
}

tc_gql_ast_value *tc_gql_parse_value(tc_arena *a, const char *src, size_t len, bool is_const,
                                     const tc_gql_parse_limits *limits, tc_gql_parse_error *err)
{
    parser p;
    if (start(&p, a, src, len, limits, err) < 0)
        return NULL;
    tc_gql_ast_value *v = parse_value(&p, is_const);
    if (!v || expect(&p, TC_GQL_TOK_EOF) < 0)
        return NULL;
    return v;
}

tc_gql_ast_type *tc_gql_parse_type(tc_arena *a, const char *src, size_t len,
                                   const tc_gql_parse_limits *limits, tc_gql_parse_error *err)
{
    parser p;
    if (start(&p, a, src, len, limits, err) < 0)
        return NULL;
    tc_gql_ast_type *t = parse_type(&p);
    if (!t || expect(&p, TC_GQL_TOK_EOF) < 0)
        return NULL;
    return t;
}
