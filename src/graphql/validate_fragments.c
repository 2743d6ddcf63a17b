/* Rules on fragments: FragmentsOnCompositeTypes, UniqueFragmentNames, KnownFragmentNames,
 * PossibleFragmentSpreads, NoFragmentCycles (depth first without recursion: a chain of spreads
 * may be as long as the document) and, once the document is walked, NoUnusedFragments. A
 * fragment name is identified by the index of its last definition (graphql-js getFragment). */
#include "graphql/validate_int.h"

#include <string.h>

void r_fragment_on_composite(vctx *v, const tc_gql_ast_type *cond, const tc_gql_ast_name *frag)
{
    const tc_gql_type *t = vnamed(v, cond);
    if (!t || tc_gql_type_is_composite(t))
        return;
    tc_buf *b = verr_begin(v);
    if (frag)
        tc_buf_printf(b, "Fragment \"%s\" cannot condition on non composite type \"%s\".", frag->s,
                      cond->name.s);
    else
        tc_buf_printf(b, "Fragment cannot condition on non composite type \"%s\".", cond->name.s);
    verr_report1(v, cond->loc);
}

void r_unique_fragment_names(vctx *v, const tc_gql_ast_definition *frag, size_t index)
{
    bool added;
    uintptr_t *first = vmap_put(&v->fragment_names, v->a, frag->name.s, frag->name.len, &added);
    if (added) {
        *first = index;
        return;
    }
    tc_buf_printf(verr_begin(v), "There can be only one fragment named \"%s\".", frag->name.s);
    verr_report2(v, v->doc->items[*first]->name.loc, frag->name.loc);
}

void r_known_fragment_names(vctx *v, const tc_gql_ast_selection *spread)
{
    if (vfragment(v, spread->name.s, spread->name.len) >= 0)
        return;
    tc_buf_printf(verr_begin(v), "Unknown fragment \"%s\".", spread->name.s);
    verr_report1(v, spread->name.loc);
}

void r_possible_inline_fragment(vctx *v, vti parent, vti inside, const tc_gql_ast_selection *frag)
{
    const tc_gql_type *ft = inside.type ? inside.type->type : NULL; /* a named reference */
    const tc_gql_type *pt = parent.parent_type;
    if (!tc_gql_type_is_composite(ft) || !tc_gql_type_is_composite(pt) ||
        tc_gql_types_overlap(ft, pt))
        return;
    tc_buf_printf(verr_begin(v),
                  "Fragment cannot be spread here as objects of type \"%s\" can never be of type "
                  "\"%s\".",
                  pt->name, ft->name);
    verr_report1(v, frag->loc);
}

void r_possible_fragment_spread(vctx *v, vti ti, const tc_gql_ast_selection *spread)
{
    long f = vfragment(v, spread->name.s, spread->name.len);
    if (f < 0 || !ti.parent_type)
        return;
    const tc_gql_type *ft = vnamed(v, v->doc->items[f]->type_condition);
    if (!tc_gql_type_is_composite(ft) || tc_gql_types_overlap(ft, ti.parent_type))
        return;
    tc_buf_printf(verr_begin(v),
                  "Fragment \"%s\" cannot be spread here as objects of type \"%s\" can never be "
                  "of type \"%s\".",
                  spread->name.s, ti.parent_type->name, ft->name);
    verr_report1(v, spread->loc);
}

/* The identity of a definition's name: the index of the last definition of that name. */
static size_t name_id(vctx *v, size_t index)
{
    const tc_gql_ast_name *name = &v->doc->items[index]->name;
    return (size_t)vfragment(v, name->s, name->len);
}

static void report_cycle(vctx *v, const tc_gql_ast_selection *const *path, size_t n)
{
    tc_buf *b = verr_begin(v);
    tc_buf_printf(b, "Cannot spread fragment \"%s\" within itself", path[n - 1]->name.s);
    for (size_t i = 0; i + 1 < n; i++)
        tc_buf_printf(b, "%s\"%s\"", i == 0 ? " via " : ", ", path[i]->name.s);
    tc_buf_addc(b, '.');
    tc_gql_ast_loc *locs = tc_arena_alloc(v->a, n * sizeof(*locs));
    for (size_t i = 0; i < n; i++)
        locs[i] = path[i]->loc;
    verr_report(v, locs, n);
}

typedef struct cycle_frame {
    vdef *d;
    size_t id; /* name id of d */
    size_t i;  /* next spread */
} cycle_frame;

/* graphql-js detectCycleRecursive entered on definition index: marks it visited and, when it
 * has spreads, fills a frame for it (its position on the path recorded). */
static bool cycle_enter(vctx *v, size_t index, size_t path_len, cycle_frame *fr)
{
    size_t id = name_id(v, index);
    if (v->cycle_visited[id])
        return false;
    v->cycle_visited[id] = true;
    vdef *d = vspreads(v, index);
    if (!d->nspreads)
        return false;
    v->cycle_index[id] = path_len + 1;
    *fr = (cycle_frame){d, id, 0};
    return true;
}

void r_no_fragment_cycles(vctx *v, size_t index)
{
    if (v->aborted)
        return;
    size_t n = v->doc->n;
    if (!v->cycle_frames) {
        v->cycle_index = tc_arena_calloc(v->a, n, sizeof(*v->cycle_index));
        v->cycle_frames = tc_arena_alloc(v->a, (n + 1) * sizeof(*v->cycle_frames));
        v->cycle_path = tc_arena_alloc(v->a, (n + 1) * sizeof(*v->cycle_path));
    }
    size_t *path_index = v->cycle_index; /* back to all zero when a search ends */
    cycle_frame *frames = v->cycle_frames;
    const tc_gql_ast_selection **path = v->cycle_path;
    if (!cycle_enter(v, index, 0, &frames[0]))
        return;
    size_t nframes = 1, npath = 0;
    while (nframes) {
        cycle_frame *fr = &frames[nframes - 1];
        if (fr->i == fr->d->nspreads || v->aborted) {
            path_index[fr->id] = 0;
            nframes--;
            if (npath)
                npath--; /* the spread that led to this fragment */
            continue;
        }
        const tc_gql_ast_selection *spread = fr->d->spreads[fr->i++];
        long target = vfragment(v, spread->name.s, spread->name.len);
        size_t cycle = target >= 0 ? path_index[target] : 0;
        path[npath++] = spread;
        if (cycle) {
            report_cycle(v, path + cycle - 1, npath - (cycle - 1));
            npath--;
        } else if (target >= 0 && cycle_enter(v, (size_t)target, npath, &frames[nframes])) {
            nframes++;
        } else {
            npath--;
        }
    }
}

void r_no_unused_fragments(vctx *v)
{
    /* every operation's end marked the fragments it reaches (getRecursivelyReferencedFragments) */
    const tc_gql_ast_document *doc = v->doc;
    for (size_t i = 0; i < doc->n && !v->aborted; i++) {
        const tc_gql_ast_definition *f = doc->items[i];
        if (f->kind != TC_GQL_AST_FRAGMENT_DEFINITION || v->reached[name_id(v, i)])
            continue;
        tc_buf_printf(verr_begin(v), "Fragment \"%s\" is never used.", f->name.s);
        verr_report1(v, f->loc);
    }
}
