/* Dotted paths to columns (see path.h). A path is [relation.]field[.sub-field]: at most one hop
 * through a to-one relation, then a field of that object, then a composite sub-field. */
#include "query/path.h"

#include <string.h>

#include "meta/field_types.h"

const tc_field *tc_path_field(const tc_object *o, const char *name, bool *join_column)
{
    *join_column = false;
    const tc_field *f = tc_object_field(o, name);
    if (f)
        return f;
    for (size_t i = 0; i < o->nfields; i++) {
        const tc_field *g = o->fields[i];
        if (g->relation == TC_REL_MANY_TO_ONE && g->join_column &&
            strcmp(g->join_column, name) == 0) {
            *join_column = true;
            return g;
        }
    }
    return NULL;
}

static bool is_relation(const tc_field *f)
{
    return f->type == TC_FT_RELATION || f->type == TC_FT_MORPH_RELATION;
}

tc_path_status tc_path_resolve(tc_arena *a, const tc_object *o, const char *s, size_t n,
                               tc_path *out, const char **bad, const tc_object **object)
{
    memset(out, 0, sizeof(*out));
    if (bad)
        *bad = NULL;
    if (object)
        *object = o;
    if (n == 0 || n > TC_PATH_MAX_LEN || memchr(s, '\0', n))
        return TC_PATH_MALFORMED;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '.')
            continue;
        if (i == start || out->nsegs == TC_PATH_MAX_SEGMENTS)
            return TC_PATH_MALFORMED;
        out->segs[out->nsegs++] = tc_arena_strndup(a, s + start, i - start);
        start = i + 1;
    }

    size_t k = 0;
    bool join = false;
    const tc_field *f = tc_path_field(o, out->segs[k], &join);
    if (!f)
        goto unknown;
    if (is_relation(f) && !join && out->nsegs > 1) {
        if (f->relation != TC_REL_MANY_TO_ONE || !f->target_object) {
            if (bad)
                *bad = out->segs[k];
            return TC_PATH_TO_MANY;
        }
        out->via = f;
        o = f->target_object;
        if (object)
            *object = o;
        k++;
        f = tc_path_field(o, out->segs[k], &join);
        if (!f)
            goto unknown;
    }
    out->object = o;
    out->field = f;
    out->join_column = join;
    const tc_field_type_info *t = tc_field_type_info_of(f->type);
    if (join) {
        if (k + 1 != out->nsegs)
            goto unknown_sub;
        out->column = f->join_column;
        out->type = TC_FT_UUID;
        return TC_PATH_OK;
    }
    if (t->kind == TC_KIND_COMPOSITE) {
        if (k + 1 == out->nsegs) {
            if (bad)
                *bad = out->segs[k];
            return TC_PATH_NEEDS_SUBFIELD;
        }
        if (k + 2 != out->nsegs)
            goto unknown_sub;
        for (size_t i = 0; i < t->nsubfields; i++) {
            if (strcmp(t->subfields[i].name, out->segs[k + 1]) == 0) {
                char col[2 * TC_NAME_BUF];
                if (tc_composite_column(f->name, t->subfields[i].name, col, sizeof(col)) != 0)
                    goto unknown_sub;
                out->sub = &t->subfields[i];
                out->column = tc_arena_strdup(a, col);
                out->type = out->sub->type;
                return TC_PATH_OK;
            }
        }
        goto unknown_sub;
    }
    if (is_relation(f)) {
        /* A relation field itself has no column (its join column is <name>Id). */
        if (bad)
            *bad = out->segs[k];
        return f->relation == TC_REL_MANY_TO_ONE ? TC_PATH_NEEDS_SUBFIELD : TC_PATH_TO_MANY;
    }
    if (k + 1 != out->nsegs)
        goto unknown_sub;
    out->column = f->name;
    out->type = f->type;
    return TC_PATH_OK;

unknown:
    if (bad)
        *bad = out->segs[k];
    return TC_PATH_UNKNOWN_FIELD;
unknown_sub:
    if (bad)
        *bad = out->segs[k + 1 < out->nsegs ? k + 1 : k];
    return TC_PATH_UNKNOWN_SUB;
}
