/* Document printer with graphql-js 16's printer.js rules: two-space indented blocks, a shorthand
 * `{ ... }` for a bare query, field arguments on their own lines when the one-line form passes 80
 * UTF-16 units, printString()/printBlockString() for strings. graphql-js indents by rewriting
 * every newline of a nested block's text, block strings included; here text goes through one
 * writer that follows every newline with the current indentation, which gives the same bytes. */
#include "graphql/print.h"

#include <stdbool.h>
#include <string.h>

#define MAX_LINE_LENGTH 80 /* printer.js's MAX_LINE_LENGTH */

typedef struct printer {
    tc_buf *out;
    unsigned level; /* indentation: two spaces per level after each newline */
} printer;

static void emit(printer *pr, const char *s, size_t n)
{
    while (n) {
        const char *nl = memchr(s, '\n', n);
        size_t k = nl ? (size_t)(nl - s) + 1 : n;
        tc_buf_add(pr->out, s, k);
        if (nl) {
            for (unsigned i = 0; i < pr->level; i++)
                tc_buf_add(pr->out, "  ", 2);
        }
        s += k;
        n -= k;
    }
}

static void emits(printer *pr, const char *s)
{
    emit(pr, s, strlen(s));
}

/* UTF-16 code units of n bytes of UTF-8 (JavaScript's String length). */
static size_t utf16_length(const char *s, size_t n)
{
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80)
            u += c >= 0xF0 ? 2 : 1;
    }
    return u;
}

int tc_gql_print_string(tc_buf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    tc_buf_addc(out, '"');
    size_t from = 0; /* start of the bytes not yet written, copied as they are */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        unsigned code;
        size_t len = 1;
        if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) {
            code = c;
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9F) {
            code = (unsigned char)s[i + 1]; /* U+0080..U+009F, the C1 controls */
            len = 2;
        } else {
            continue;
        }
        tc_buf_add(out, s + from, i - from);
        const char *short_form = code == '"'    ? "\\\""
                                 : code == '\\' ? "\\\\"
                                 : code == '\b' ? "\\b"
                                 : code == '\t' ? "\\t"
                                 : code == '\n' ? "\\n"
                                 : code == '\f' ? "\\f"
                                 : code == '\r' ? "\\r"
                                                : NULL;
        if (short_form) {
            tc_buf_adds(out, short_form);
        } else {
            char u[6] = {'\\', 'u', '0', '0', hex[code >> 4], hex[code & 15]};
            tc_buf_add(out, u, sizeof(u));
        }
        i += len - 1;
        from = i + 1;
    }
    tc_buf_add(out, s + from, n - from);
    tc_buf_addc(out, '"');
    return out->failed ? -1 : 0;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t';
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* printBlockString(): the value with """ escaped, on its own lines when that reads better and
 * keeps the value (a leading blank line is added only where the dedent would not eat into it). */
int tc_gql_print_block_string(tc_buf *out, const char *s, size_t n)
{
    /* The escaped value's shape, computed on the fly: its lines (split at \r\n, \r and \n; a
     * parsed value holds only \n), whether it ends with \""", whether every line after the first
     * is empty or starts with whitespace. */
    size_t lines = 1, quotes = 0;
    bool rest_indented = true, at_line_start = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (at_line_start && c != '\n' && c != '\r' && !is_ws(c))
            rest_indented = false;
        at_line_start = false;
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
                i++;
            lines++;
            at_line_start = true;
        }
    }
    bool single_line = lines == 1;
    bool force_leading = lines > 1 && rest_indented;
    /* The escaped value ends with \""" when the value ends with a run of quotes whose length is
     * a multiple of three: the replacement takes """ groups from the left of each run. */
    for (size_t i = n; i > 0 && s[i - 1] == '"'; i--)
        quotes++;
    bool trailing_triple = quotes >= 3 && quotes % 3 == 0;
    bool trailing_quote = ends_with(s, n, "\"") && !trailing_triple;
    bool trailing_slash = ends_with(s, n, "\\");
    bool force_trailing = trailing_quote || trailing_slash;
    bool multiple_lines = !single_line || utf16_length(s, n) > 70 || force_trailing ||
                          force_leading || trailing_triple;
    bool skip_leading = single_line && n > 0 && is_ws(s[0]);

    tc_buf_adds(out, "\"\"\"");
    if ((multiple_lines && !skip_leading) || force_leading)
        tc_buf_addc(out, '\n');
    size_t from = 0;
    for (size_t i = 0; i + 3 <= n;) {
        if (memcmp(s + i, "\"\"\"", 3) == 0) {
            tc_buf_add(out, s + from, i - from);
            tc_buf_adds(out, "\\\"\"\"");
            i += 3;
            from = i;
        } else {
            i++;
        }
    }
    tc_buf_add(out, s + from, n - from);
    if (multiple_lines || force_trailing)
        tc_buf_addc(out, '\n');
    tc_buf_adds(out, "\"\"\"");
    return out->failed ? -1 : 0;
}

static void print_value(printer *pr, const tc_gql_ast_value *v);

static void print_name(printer *pr, const tc_gql_ast_name *n)
{
    emit(pr, n->s, n->len);
}

/* A block string goes through a sub-buffer so that its newlines are indented like every other
 * newline; a quoted string has none (printString escapes them). */
static void print_string_value(printer *pr, const tc_gql_ast_value *v)
{
    if (!v->u.scalar.block) {
        tc_gql_print_string(pr->out, v->u.scalar.s, v->u.scalar.len);
        return;
    }
    tc_buf tmp;
    tc_buf_init(&tmp, pr->out->max);
    if (tc_gql_print_block_string(&tmp, v->u.scalar.s, v->u.scalar.len) < 0)
        pr->out->failed = true;
    else
        emit(pr, tmp.data, tmp.len);
    tc_buf_fini(&tmp);
}

static void print_arguments(printer *pr, const tc_gql_ast_arguments *args, const char *sep)
{
    for (size_t i = 0; i < args->n; i++) {
        if (i)
            emits(pr, sep);
        print_name(pr, &args->items[i]->name);
        emits(pr, ": ");
        print_value(pr, args->items[i]->value);
    }
}

static void print_value(printer *pr, const tc_gql_ast_value *v)
{
    switch (v->kind) {
    case TC_GQL_AST_VARIABLE:
        emits(pr, "$");
        print_name(pr, &v->u.variable);
        break;
    case TC_GQL_AST_INT:
    case TC_GQL_AST_FLOAT:
    case TC_GQL_AST_ENUM: emit(pr, v->u.scalar.s, v->u.scalar.len); break;
    case TC_GQL_AST_STRING: print_string_value(pr, v); break;
    case TC_GQL_AST_BOOLEAN: emits(pr, v->u.boolean ? "true" : "false"); break;
    case TC_GQL_AST_NULL: emits(pr, "null"); break;
    case TC_GQL_AST_LIST:
        emits(pr, "[");
        for (size_t i = 0; i < v->u.list.n; i++) {
            if (i)
                emits(pr, ", ");
            print_value(pr, v->u.list.items[i]);
        }
        emits(pr, "]");
        break;
    case TC_GQL_AST_OBJECT:
        emits(pr, "{");
        for (size_t i = 0; i < v->u.object.n; i++) {
            if (i)
                emits(pr, ", ");
            print_name(pr, &v->u.object.items[i]->name);
            emits(pr, ": ");
            print_value(pr, v->u.object.items[i]->value);
        }
        emits(pr, "}");
        break;
    default: break;
    }
}

static void print_type(printer *pr, const tc_gql_ast_type *t)
{
    switch (t->kind) {
    case TC_GQL_AST_NAMED_TYPE: print_name(pr, &t->name); break;
    case TC_GQL_AST_LIST_TYPE:
        emits(pr, "[");
        print_type(pr, t->of);
        emits(pr, "]");
        break;
    case TC_GQL_AST_NON_NULL_TYPE:
        print_type(pr, t->of);
        emits(pr, "!");
        break;
    default: break;
    }
}

/* " @a @b(x: 1)" — each directive preceded by a space. */
static void print_directives(printer *pr, const tc_gql_ast_directives *ds)
{
    for (size_t i = 0; i < ds->n; i++) {
        const tc_gql_ast_directive *d = ds->items[i];
        emits(pr, i ? " @" : "@");
        print_name(pr, &d->name);
        if (d->arguments.n) {
            emits(pr, "(");
            print_arguments(pr, &d->arguments, ", ");
            emits(pr, ")");
        }
    }
}

static void print_selection_set(printer *pr, const tc_gql_ast_selection_set *set);

/* alias: name(args) @directives { ... }; the arguments go one per line when the one-line form
 * of alias, name and arguments is longer than 80 UTF-16 units. */
static void print_field(printer *pr, const tc_gql_ast_selection *f)
{
    if (f->alias.s) {
        print_name(pr, &f->alias);
        emits(pr, ": ");
    }
    print_name(pr, &f->name);
    if (f->arguments.n) {
        tc_buf line;
        tc_buf_init(&line, pr->out->max);
        printer sub = {&line, 0};
        print_arguments(&sub, &f->arguments, ", ");
        size_t width = (f->alias.s ? f->alias.len + 2 : 0) + f->name.len + 2 +
                       utf16_length(line.data ? line.data : "", line.len);
        if (line.failed) {
            pr->out->failed = true;
        } else if (width <= MAX_LINE_LENGTH) {
            emits(pr, "(");
            emit(pr, line.data, line.len);
            emits(pr, ")");
        } else {
            emits(pr, "(");
            pr->level++;
            emits(pr, "\n");
            print_arguments(pr, &f->arguments, "\n");
            pr->level--;
            emits(pr, "\n)");
        }
        tc_buf_fini(&line);
    }
    if (f->directives.n) {
        emits(pr, " ");
        print_directives(pr, &f->directives);
    }
    if (f->selection_set && f->selection_set->n) {
        emits(pr, " ");
        print_selection_set(pr, f->selection_set);
    }
}

static void print_selection(printer *pr, const tc_gql_ast_selection *s)
{
    switch (s->kind) {
    case TC_GQL_AST_FIELD: print_field(pr, s); break;
    case TC_GQL_AST_FRAGMENT_SPREAD:
        emits(pr, "...");
        print_name(pr, &s->name);
        if (s->directives.n) {
            emits(pr, " ");
            print_directives(pr, &s->directives);
        }
        break;
    case TC_GQL_AST_INLINE_FRAGMENT:
        emits(pr, "...");
        if (s->type_condition) {
            emits(pr, " on ");
            print_type(pr, s->type_condition);
        }
        if (s->directives.n) {
            emits(pr, " ");
            print_directives(pr, &s->directives);
        }
        if (s->selection_set && s->selection_set->n) {
            emits(pr, " ");
            print_selection_set(pr, s->selection_set);
        }
        break;
    default: break;
    }
}

/* {
 *   selection
 * }  — nothing at all for an empty set, as graphql-js's block() */
static void print_selection_set(printer *pr, const tc_gql_ast_selection_set *set)
{
    if (!set->n)
        return;
    emits(pr, "{");
    pr->level++;
    for (size_t i = 0; i < set->n; i++) {
        emits(pr, "\n");
        print_selection(pr, set->items[i]);
    }
    pr->level--;
    emits(pr, "\n}");
}

static void print_variable_definitions(printer *pr, const tc_gql_ast_variable_definitions *vars)
{
    if (!vars->n)
        return;
    emits(pr, "(");
    for (size_t i = 0; i < vars->n; i++) {
        const tc_gql_ast_variable_definition *vd = vars->items[i];
        if (i)
            emits(pr, ", ");
        print_value(pr, vd->variable);
        emits(pr, ": ");
        print_type(pr, vd->type);
        if (vd->default_value) {
            emits(pr, " = ");
            print_value(pr, vd->default_value);
        }
        if (vd->directives.n) {
            emits(pr, " ");
            print_directives(pr, &vd->directives);
        }
    }
    emits(pr, ")");
}

static void print_definition(printer *pr, const tc_gql_ast_definition *d)
{
    if (d->kind == TC_GQL_AST_FRAGMENT_DEFINITION) {
        emits(pr, "fragment ");
        print_name(pr, &d->name);
        emits(pr, " on ");
        print_type(pr, d->type_condition);
        emits(pr, " ");
        if (d->directives.n) {
            print_directives(pr, &d->directives);
            emits(pr, " ");
        }
        print_selection_set(pr, d->selection_set);
        return;
    }
    /* An anonymous query without variables or directives takes the shorthand form. */
    bool shorthand =
        d->operation == TC_GQL_OP_QUERY && !d->name.s && !d->variables.n && !d->directives.n;
    if (!shorthand) {
        emits(pr, tc_gql_op_name(d->operation));
        if (d->name.s || d->variables.n) {
            emits(pr, " ");
            if (d->name.s)
                print_name(pr, &d->name);
            print_variable_definitions(pr, &d->variables);
        }
        if (d->directives.n) {
            emits(pr, " ");
            print_directives(pr, &d->directives);
        }
        emits(pr, " ");
    }
    print_selection_set(pr, d->selection_set);
}

int tc_gql_print_document(tc_buf *out, const tc_gql_ast_document *doc)
{
    printer pr = {out, 0};
    for (size_t i = 0; i < doc->n; i++) {
        if (i)
            emits(&pr, "\n\n");
        print_definition(&pr, doc->items[i]);
    }
    return out->failed ? -1 : 0;
}

int tc_gql_print_ast_value(tc_buf *out, const tc_gql_ast_value *v)
{
    printer pr = {out, 0};
    print_value(&pr, v);
    return out->failed ? -1 : 0;
}

int tc_gql_print_ast_type(tc_buf *out, const tc_gql_ast_type *t)
{
    printer pr = {out, 0};
    print_type(&pr, t);
    return out->failed ? -1 : 0;
}

void tc_gql_parse_error_write(tc_json *j, const tc_gql_parse_error *e)
{
    tc_json_obj_begin(j);
    tc_json_key(j, "message");
    tc_json_strn(j, e->message, e->message_len);
    tc_json_key(j, "locations");
    tc_json_arr_begin(j);
    tc_json_obj_begin(j);
    tc_json_kv_int(j, "line", e->line);
    tc_json_kv_int(j, "column", e->column);
    tc_json_obj_end(j);
    tc_json_arr_end(j);
    tc_json_key(j, "extensions");
    tc_json_obj_begin(j);
    tc_json_kv_str(j, "code", "GRAPHQL_PARSE_FAILED");
    tc_json_obj_end(j);
    tc_json_obj_end(j);
}
