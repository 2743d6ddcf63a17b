/* Schema -> SDL exactly as graphql-js 16 printSchema prints it (utilities/printSchema.js,
 * language/blockString.js, language/printString.js, utilities/astFromValue.js): the same
 * description quoting, deprecation, default-value and layout rules, re-implemented here. String
 * literals are print's (tc_gql_print_string, tc_gql_print_block_string). */
#include "graphql/sdl.h"

#include <stdio.h>
#include <string.h>

#include "graphql/print.h"
#include "graphql/schema_int.h"

/* ---- Strings and descriptions --------------------------------------------------------------- */

/* graphql-js isPrintableAsBlockString. Byte-wise: every byte of a multi-byte character falls in
 * the "other character" case, as its UTF-16 code units do in JavaScript. */
static bool printable_as_block(const char *v)
{
    if (!*v)
        return true;
    bool empty_line = true, has_indent = false, common_indent = true, seen_non_empty = false;
    for (const char *p = v; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c <= 0x08) || c == 0x0B || c == 0x0C || c == 0x0E || c == 0x0F || c == '\r')
            return false;
        if (c == '\n') {
            if (empty_line && !seen_non_empty)
                return false; /* a leading new line */
            seen_non_empty = true;
            empty_line = true;
            has_indent = false;
        } else if (c == '\t' || c == ' ') {
            has_indent = has_indent || empty_line;
        } else {
            common_indent = common_indent && has_indent;
            empty_line = false;
        }
    }
    if (empty_line)
        return false; /* trailing empty lines */
    if (common_indent && seen_non_empty)
        return false; /* internal indent */
    return true;
}

/* Appends s[0..n), with indent after each newline. */
static void add_indented(tc_buf *out, const char *s, size_t n, const char *indent)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            tc_buf_add(out, s + from, i + 1 - from);
            tc_buf_adds(out, indent);
            from = i + 1;
        }
    }
    tc_buf_add(out, s + from, n - from);
}

int tc_gql_sdl_print_description(const char *text, const char *indent, tc_buf *out)
{
    size_t len = strlen(text);
    if (!printable_as_block(text))
        return tc_gql_print_string(out, text, len); /* no raw newline to indent */
    tc_buf block;
    tc_buf_init(&block, out->max);
    if (tc_gql_print_block_string(&block, text, len) < 0)
        out->failed = true;
    else
        add_indented(out, block.data, block.len, indent);
    tc_buf_fini(&block);
    return out->failed ? -1 : 0;
}

/* graphql-js printDescription(def, indentation, firstInBlock). */
static void description(tc_buf *out, const char *text, const char *indent, bool first)
{
    if (!text)
        return;
    if (*indent && !first)
        tc_buf_addc(out, '\n');
    tc_buf_adds(out, indent);
    tc_gql_sdl_print_description(text, indent, out);
    tc_buf_addc(out, '\n');
}

static void deprecated(tc_buf *out, const char *reason)
{
    if (!reason)
        return;
    if (strcmp(reason, TC_GQL_DEFAULT_DEPRECATION) == 0) {
        tc_buf_adds(out, " @deprecated");
        return;
    }
    tc_buf_adds(out, " @deprecated(reason: ");
    tc_gql_print_string(out, reason, strlen(reason));
    tc_buf_addc(out, ')');
}

/* ---- Values (astFromValue + print) ---------------------------------------------------------- */

static void print_number(tc_buf *out, double d)
{
    char text[TC_GQL_FLOAT_TEXT_MAX];
    size_t n = tc_gql_value_format_float(d, text);
    tc_buf_add(out, text, n);
}

/* /^-?(?:0|[1-9][0-9]*)$/ */
static bool integer_text(const char *s, size_t len)
{
    size_t i = s[0] == '-' ? 1 : 0;
    if (i >= len)
        return false;
    if (s[i] == '0')
        return i + 1 == len;
    for (; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* A literal for a value without a type to guide it (custom scalars, values that do not fit). */
static int print_untyped(const tc_gql_value *v, tc_buf *out, int depth)
{
    if (depth > TC_GQL_VALUE_MAX_DEPTH)
        return -1;
    switch (v->kind) {
    case TC_GQL_VALUE_NULL: tc_buf_adds(out, "null"); break;
    case TC_GQL_VALUE_INT: print_number(out, (double)v->u.i); break; /* a JavaScript number */
    case TC_GQL_VALUE_FLOAT: print_number(out, v->u.f); break;
    case TC_GQL_VALUE_BOOLEAN: tc_buf_adds(out, v->u.b ? "true" : "false"); break;
    /* a custom scalar's enum literal reaches graphql-js as a string, and prints as one */
    case TC_GQL_VALUE_STRING:
    case TC_GQL_VALUE_ENUM: tc_gql_print_string(out, v->u.str.s, v->u.str.len); break;
    case TC_GQL_VALUE_LIST:
        tc_buf_addc(out, '[');
        for (size_t i = 0; i < v->u.list.n; i++) {
            if (i)
                tc_buf_adds(out, ", ");
            if (print_untyped(v->u.list.items[i], out, depth + 1) < 0)
                return -1;
        }
        tc_buf_addc(out, ']');
        break;
    case TC_GQL_VALUE_OBJECT:
        tc_buf_addc(out, '{');
        for (size_t i = 0; i < v->u.obj.n; i++) {
            if (i)
                tc_buf_adds(out, ", ");
            tc_buf_adds(out, v->u.obj.fields[i].name);
            tc_buf_adds(out, ": ");
            if (print_untyped(v->u.obj.fields[i].value, out, depth + 1) < 0)
                return -1;
        }
        tc_buf_addc(out, '}');
        break;
    }
    return 0;
}

static int print_typed(const tc_gql_value *v, const tc_gql_typeref *r, tc_buf *out, int depth);

static int print_named(const tc_gql_value *v, const tc_gql_type *t, tc_buf *out, int depth)
{
    if (t->kind == TC_GQL_INPUT_OBJECT && v->kind == TC_GQL_VALUE_OBJECT) {
        /* fields in the type's order, as astFromValue walks them */
        tc_buf_addc(out, '{');
        bool first = true;
        for (size_t i = 0; i < t->ninput_fields; i++) {
            const tc_gql_input_value *f = t->input_fields[i];
            const tc_gql_value *fv = tc_gql_value_get(v, f->name, strlen(f->name));
            if (!fv || (fv->kind == TC_GQL_VALUE_NULL && f->type->wrap == TC_GQL_NON_NULL))
                continue; /* astFromValue leaves these out */
            if (!first)
                tc_buf_adds(out, ", ");
            first = false;
            tc_buf_adds(out, f->name);
            tc_buf_adds(out, ": ");
            if (print_typed(fv, f->type, out, depth + 1) < 0)
                return -1;
        }
        tc_buf_addc(out, '}');
        return 0;
    }
    if (t->kind == TC_GQL_ENUM && v->kind == TC_GQL_VALUE_ENUM) {
        tc_buf_add(out, v->u.str.s, v->u.str.len);
        return 0;
    }
    if (t->kind == TC_GQL_SCALAR && t->builtin && strcmp(t->name, "ID") == 0 &&
        v->kind == TC_GQL_VALUE_STRING && integer_text(v->u.str.s, v->u.str.len)) {
        tc_buf_add(out, v->u.str.s, v->u.str.len); /* ID values that look like Ints print bare */
        return 0;
    }
    if (v->kind == TC_GQL_VALUE_INT && t->kind == TC_GQL_SCALAR && t->builtin) {
        tc_buf_printf(out, "%lld", (long long)v->u.i);
        return 0;
    }
    return print_untyped(v, out, depth);
}

static int print_typed(const tc_gql_value *v, const tc_gql_typeref *r, tc_buf *out, int depth)
{
    if (!v || depth > TC_GQL_VALUE_MAX_DEPTH)
        return -1;
    if (r->wrap == TC_GQL_NON_NULL)
        return print_typed(v, r->of, out, depth);
    if (v->kind == TC_GQL_VALUE_NULL) {
        tc_buf_adds(out, "null");
        return 0;
    }
    if (r->wrap == TC_GQL_LIST) {
        if (v->kind != TC_GQL_VALUE_LIST)
            return print_typed(v, r->of, out, depth + 1);
        tc_buf_addc(out, '[');
        for (size_t i = 0; i < v->u.list.n; i++) {
            if (i)
                tc_buf_adds(out, ", ");
            if (print_typed(v->u.list.items[i], r->of, out, depth + 1) < 0)
                return -1;
        }
        tc_buf_addc(out, ']');
        return 0;
    }
    return print_named(v, r->type, out, depth);
}

int tc_gql_sdl_print_value(const tc_gql_value *v, const tc_gql_typeref *r, tc_buf *out)
{
    if (print_typed(v, r, out, 0) < 0)
        return -1;
    return out->failed ? -1 : 0;
}

/* ---- Definitions ---------------------------------------------------------------------------- */

static void input_value(tc_buf *out, const tc_gql_input_value *iv)
{
    tc_buf_adds(out, iv->name);
    tc_buf_adds(out, ": ");
    tc_gql_ref_print(iv->type, out);
    if (iv->default_value) {
        tc_buf_adds(out, " = ");
        if (tc_gql_sdl_print_value(iv->default_value, iv->type, out) < 0)
            out->failed = true;
    }
    deprecated(out, iv->deprecation_reason);
}

/* graphql-js printArgs: one line unless an argument has a (non-empty) description. */
static void args(tc_buf *out, tc_gql_input_value *const *a, size_t n, const char *indent)
{
    if (n == 0)
        return;
    bool described = false;
    for (size_t i = 0; i < n; i++)
        described = described || (a[i]->description && a[i]->description[0]);
    if (!described) {
        tc_buf_addc(out, '(');
        for (size_t i = 0; i < n; i++) {
            if (i)
                tc_buf_adds(out, ", ");
            input_value(out, a[i]);
        }
        tc_buf_addc(out, ')');
        return;
    }
    char inner[16];
    snprintf(inner, sizeof(inner), "  %s", indent);
    tc_buf_adds(out, "(\n");
    for (size_t i = 0; i < n; i++) {
        if (i)
            tc_buf_addc(out, '\n');
        description(out, a[i]->description, inner, i == 0);
        tc_buf_adds(out, inner);
        input_value(out, a[i]);
    }
    tc_buf_addc(out, '\n');
    tc_buf_adds(out, indent);
    tc_buf_addc(out, ')');
}

static void interfaces(tc_buf *out, const tc_gql_type *t)
{
    for (size_t i = 0; i < t->ninterfaces; i++) {
        tc_buf_adds(out, i ? " & " : " implements ");
        tc_buf_adds(out, t->interfaces[i]->name);
    }
}

static void fields(tc_buf *out, const tc_gql_type *t)
{
    if (t->nfields == 0)
        return;
    tc_buf_adds(out, " {\n");
    for (size_t i = 0; i < t->nfields; i++) {
        const tc_gql_field *f = t->fields[i];
        if (i)
            tc_buf_addc(out, '\n');
        description(out, f->description, "  ", i == 0);
        tc_buf_adds(out, "  ");
        tc_buf_adds(out, f->name);
        args(out, f->args, f->nargs, "  ");
        tc_buf_adds(out, ": ");
        tc_gql_ref_print(f->type, out);
        deprecated(out, f->deprecation_reason);
    }
    tc_buf_adds(out, "\n}");
}

int tc_gql_sdl_print_type(const tc_gql_type *t, tc_buf *out)
{
    description(out, t->description, "", true);
    switch (t->kind) {
    case TC_GQL_SCALAR:
        tc_buf_adds(out, "scalar ");
        tc_buf_adds(out, t->name);
        if (t->specified_by_url) {
            tc_buf_adds(out, " @specifiedBy(url: ");
            tc_gql_print_string(out, t->specified_by_url, strlen(t->specified_by_url));
            tc_buf_addc(out, ')');
        }
        break;
    case TC_GQL_OBJECT:
    case TC_GQL_INTERFACE:
        tc_buf_adds(out, t->kind == TC_GQL_OBJECT ? "type " : "interface ");
        tc_buf_adds(out, t->name);
        interfaces(out, t);
        fields(out, t);
        break;
    case TC_GQL_UNION:
        tc_buf_adds(out, "union ");
        tc_buf_adds(out, t->name);
        for (size_t i = 0; i < t->npossible; i++) {
            tc_buf_adds(out, i ? " | " : " = ");
            tc_buf_adds(out, t->possible[i]->name);
        }
        break;
    case TC_GQL_ENUM:
        tc_buf_adds(out, "enum ");
        tc_buf_adds(out, t->name);
        if (t->nvalues)
            tc_buf_adds(out, " {\n");
        for (size_t i = 0; i < t->nvalues; i++) {
            if (i)
                tc_buf_addc(out, '\n');
            description(out, t->values[i]->description, "  ", i == 0);
            tc_buf_adds(out, "  ");
            tc_buf_adds(out, t->values[i]->name);
            deprecated(out, t->values[i]->deprecation_reason);
        }
        if (t->nvalues)
            tc_buf_adds(out, "\n}");
        break;
    case TC_GQL_INPUT_OBJECT:
        tc_buf_adds(out, "input ");
        tc_buf_adds(out, t->name);
        if (t->ninput_fields)
            tc_buf_adds(out, " {\n");
        for (size_t i = 0; i < t->ninput_fields; i++) {
            if (i)
                tc_buf_addc(out, '\n');
            description(out, t->input_fields[i]->description, "  ", i == 0);
            tc_buf_adds(out, "  ");
            input_value(out, t->input_fields[i]);
        }
        if (t->ninput_fields)
            tc_buf_adds(out, "\n}");
        break;
    }
    return out->failed ? -1 : 0;
}

static void directive(tc_buf *out, const tc_gql_directive *d)
{
    description(out, d->description, "", true);
    tc_buf_adds(out, "directive @");
    tc_buf_adds(out, d->name);
    args(out, d->args, d->nargs, "");
    if (d->repeatable)
        tc_buf_adds(out, " repeatable");
    for (size_t i = 0; i < d->nlocations; i++) {
        tc_buf_adds(out, i ? " | " : " on ");
        tc_buf_adds(out, tc_gql_location_name(d->locations[i]));
    }
}

/* printSchemaDefinition: only for a description or uncommon root names. Returns whether it
 * printed anything. */
static bool schema_definition(tc_buf *out, const tc_gql_schema *s)
{
    static const char *const words[3] = {"query", "mutation", "subscription"};
    static const char *const common[3] = {"Query", "Mutation", "Subscription"};
    const tc_gql_type *roots[3] = {s->query, s->mutation, s->subscription};
    bool usual = s->description == NULL;
    for (int i = 0; i < 3 && usual; i++)
        usual = !roots[i] || strcmp(roots[i]->name, common[i]) == 0;
    if (usual)
        return false;
    description(out, s->description, "", true);
    tc_buf_adds(out, "schema {\n");
    bool first = true;
    for (int i = 0; i < 3; i++) {
        if (!roots[i])
            continue;
        if (!first)
            tc_buf_addc(out, '\n');
        first = false;
        tc_buf_printf(out, "  %s: %s", words[i], roots[i]->name);
    }
    tc_buf_adds(out, "\n}");
    return true;
}

static bool introspection_type(const tc_gql_type *t)
{
    return t->builtin && t->name[0] == '_' && t->name[1] == '_';
}

static int print_filtered(const tc_gql_schema *s, tc_buf *out, bool builtin)
{
    bool any = schema_definition(out, s);
    for (size_t i = 0; i < s->ndirectives; i++) {
        if (s->directives[i]->builtin != builtin)
            continue;
        if (any)
            tc_buf_adds(out, "\n\n");
        any = true;
        directive(out, s->directives[i]);
    }
    for (size_t i = 0; i < s->ntypes; i++) {
        const tc_gql_type *t = s->types[i];
        if (builtin ? !introspection_type(t) : t->builtin)
            continue;
        if (any)
            tc_buf_adds(out, "\n\n");
        any = true;
        tc_gql_sdl_print_type(t, out);
    }
    return out->failed ? -1 : 0;
}

int tc_gql_sdl_print(const tc_gql_schema *s, tc_buf *out)
{
    return print_filtered(s, out, false);
}

int tc_gql_sdl_print_introspection(const tc_gql_schema *s, tc_buf *out)
{
    return print_filtered(s, out, true);
}
