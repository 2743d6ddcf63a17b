/* Private to the validation module (validate*.c) and its tests: the validator's state, the
 * type information tracked along the walk (graphql-js's TypeInfo), the document's fragment and
 * variable bookkeeping (graphql-js's ValidationContext), a small arena hash map, suggestions
 * ("Did you mean ...?") and the rules, one function per rule and node kind, which validate.c's
 * walk calls in graphql-js's specifiedRules order. */
#ifndef TC_GRAPHQL_VALIDATE_INT_H
#define TC_GRAPHQL_VALIDATE_INT_H

#include "base/buf.h"
#include "graphql/validate.h"

/* ---- A hash map in an arena: names or pointers to a uintptr_t ------------------------------- */

typedef struct vmap_slot {
    const void *key; /* NULL: empty */
    size_t len;      /* name length; 0 for a pointer key */
    uint32_t hash;
    uintptr_t val;
} vmap_slot;

typedef struct vmap {
    vmap_slot *slots;
    uint32_t mask; /* slots - 1; 0 when nothing is allocated yet */
    uint32_t n;
} vmap;

/* The value slot of name k[0..len) (len > 0) or of pointer k (len == 0), or NULL. */
uintptr_t *vmap_get(const vmap *m, const void *k, size_t len);
/* The value slot, added with value 0 when absent (*added then true). */
uintptr_t *vmap_put(vmap *m, tc_arena *a, const void *k, size_t len, bool *added);

/* ---- Type information at a node (graphql-js TypeInfo) --------------------------------------- */

/* Passed by value down the walk, so leaving a node restores the parent's state, as TypeInfo's
 * stacks do. NULL stands for graphql-js's undefined. */
typedef struct vti {
    const tc_gql_type *parent_type;          /* getParentType(): composite or NULL */
    const tc_gql_typeref *type;              /* getType(): an output type */
    const tc_gql_field *field_def;           /* getFieldDef() */
    const tc_gql_directive *directive;       /* getDirective() */
    const tc_gql_input_value *argument;      /* getArgument() */
    const tc_gql_typeref *input_type;        /* getInputType() */
    const tc_gql_typeref *parent_input_type; /* getParentInputType() */
    const tc_gql_value *default_value;       /* getDefaultValue() */
} vti;

/* ---- The document's bookkeeping ------------------------------------------------------------- */

/* A variable used somewhere, with the type and default value of where it stands. */
typedef struct vusage {
    const tc_gql_ast_value *node;
    const tc_gql_typeref *type;
    const tc_gql_value *default_value;
} vusage;

/* Per definition of the document, computed on first use. */
typedef struct vdef {
    const tc_gql_ast_definition *def;
    bool spreads_done, usages_done;
    const tc_gql_ast_selection **spreads; /* getFragmentSpreads(selectionSet) */
    size_t nspreads;
    vusage *usages; /* getVariableUsages(definition) */
    size_t nusages, usages_cap;
} vdef;

typedef struct vctx {
    tc_arena *a;
    const tc_gql_schema *s;
    const tc_gql_ast_document *doc;
    size_t max_errors;
    size_t max_work;
    size_t work; /* spent so far by vwork (fragments reached from operations) */
    tc_gql_scalar_literal_fn scalar_literal;
    void *scalar_ctx;

    /* errors */
    tc_gql_validation_error *errors;
    size_t nerrors, errors_cap;
    bool aborted;
    tc_buf msg; /* the message being written */
    tc_buf tmp; /* printed values and types */
    size_t print_max;

    /* document */
    size_t noperations;
    vdef *defs;
    vmap fragments; /* name -> index of the last fragment definition of that name + 1 */
    uint32_t *marks;
    uint32_t mark_gen;
    /* getRecursivelyReferencedFragments: its stack and its result (one slot per definition +
     * 1, reused by each operation), and which fragments some operation reaches */
    uint32_t *stack;
    uint32_t *refs;
    bool *reached;
    size_t recording; /* definition index + 1 whose variable usages the walk records, or 0 */

    /* rule state */
    vmap operation_names; /* UniqueOperationNames: name -> definition index + 1 */
    vmap fragment_names;  /* UniqueFragmentNames */
    /* NoFragmentCycles, by fragment name id: visited, position + 1 on the spread path (0: not
     * on it); the frames and the path (one per definition + 1), allocated on first use */
    bool *cycle_visited;
    size_t *cycle_index;
    struct cycle_frame *cycle_frames;
    const tc_gql_ast_selection **cycle_path;

    /* OverlappingFieldsCanBeMerged */
    vmap overlap_sets;  /* selection set -> its fields and fragment names */
    vmap overlap_pairs; /* pair of name ids -> 1 + mutually exclusive */
    vmap overlap_args;  /* field -> its arguments printed sorted */
    vmap overlap_names; /* fragment name -> id for overlap_pairs */
    uint32_t overlap_nnames;
    size_t overlap_work; /* the rule's own budget, also max_work */
    unsigned overlap_depth;
    bool overlap_off; /* the rule gave up on this document */
} vctx;

/* ---- Errors --------------------------------------------------------------------------------- */

/* The message buffer, emptied; write the message into it, then call verr_report. */
tc_buf *verr_begin(vctx *v);
/* Reports the message written since verr_begin with n locations (graphql-js's nodes). Past
 * max_errors, reports the limit message instead and aborts validation. */
void verr_report(vctx *v, const tc_gql_ast_loc *locs, size_t n);
void verr_report1(vctx *v, tc_gql_ast_loc l);
void verr_report2(vctx *v, tc_gql_ast_loc l1, tc_gql_ast_loc l2);
/* Stops validation with message (no location), as the limits do. */
void verr_abort(vctx *v, const char *message);
/* Spends units of the work budget: false (and validation aborted) once it is exhausted. */
bool vwork(vctx *v, size_t units);

/* Arena strings: a type reference as graphql-js inspects it ("[Int!]!"), an AST type and an
 * AST value as print() prints them. */
const char *vstr_ref(vctx *v, const tc_gql_typeref *r);
const char *vstr_ast_type(vctx *v, const tc_gql_ast_type *t);
const char *vstr_value(vctx *v, const tc_gql_ast_value *val, size_t *len);

/* ---- Helpers -------------------------------------------------------------------------------- */

/* graphql-js typeFromAST: the reference an AST type names (wrappers in the arena), NULL when its
 * named type does not exist. */
const tc_gql_typeref *vtype_from_ast(vctx *v, const tc_gql_ast_type *t);
/* The named type of a NAMED_TYPE node, or NULL. */
const tc_gql_type *vnamed(vctx *v, const tc_gql_ast_type *t);
const tc_gql_type *vref_named(const tc_gql_typeref *r); /* NULL-safe tc_gql_ref_named */

/* ValidationContext: getFragment (the last definition of that name, as an index, or -1),
 * getFragmentSpreads of a definition's selection set, getRecursivelyReferencedFragments of an
 * operation (in *refs, valid until the next call; marks them in reached[]; costs work),
 * getVariableUsages of a definition. */
long vfragment(vctx *v, const char *name, size_t len);
vdef *vspreads(vctx *v, size_t def_index);
size_t vrefs(vctx *v, size_t def_index, const uint32_t **refs);
vdef *vusages(vctx *v, size_t def_index);
/* Appends a usage to a definition's list; the walk records the usages of each definition it
 * walks (the same walk, so the same TypeInfo), vusages computes those it has not reached yet. */
void vusage_add(vctx *v, vdef *d, vti ti, const tc_gql_ast_value *var);
/* A fresh mark generation for marks[] (one per traversal). */
uint32_t vmark_next(vctx *v);
/* For each of n names, the index of the first name equal to it (itself when none is earlier):
 * graphql-js's groupBy and "known names" maps. Uses small[0..8) when n <= 8, else the arena. */
uint32_t *vfirst_of(vctx *v, const tc_gql_ast_name *const *names, size_t n, uint32_t *small);

/* TypeInfo transitions: the state inside a node, from the state of its parent. A definition
 * starts from nothing: an operation's root type, a fragment's type condition. */
vti vti_definition(vctx *v, const tc_gql_ast_definition *def);
vti vti_selection_set(vti ti);
vti vti_field(vctx *v, vti ti, const tc_gql_ast_selection *field);
vti vti_inline_fragment(vctx *v, vti ti, const tc_gql_ast_selection *frag);
vti vti_directive(vctx *v, vti ti, const tc_gql_ast_directive *d);
vti vti_argument(vti ti, const tc_gql_ast_argument *arg);
vti vti_list(vti ti);
vti vti_object_field(vti ti, const tc_gql_ast_object_field *f);

/* graphql-js groupBy reporting: for each name given more than once (in order of first
 * appearance), one error "<prefix><name><suffix>" at every occurrence. */
void vreport_groups(vctx *v, const tc_gql_ast_name *const *names, size_t n, const char *prefix,
                    const char *suffix);

/* ---- Suggestions (validate_suggest.c) ------------------------------------------------------- */

/* graphql-js naturalCompare on ASCII names: <0, 0, >0. */
int vnatural_compare(const char *a, size_t alen, const char *b, size_t blen);
/* graphql-js suggestionList: the options close to input[0..len) (UTF-8), best first; returns
 * how many, their indexes in *out (arena). */
size_t vsuggest(vctx *v, const char *input, size_t len, const char *const *options, size_t n,
                size_t **out);
/* Appends graphql-js didYouMean(sub, names): "" or " Did you mean [sub ]"a", "b", or "c"?". */
void vdid_you_mean(tc_buf *b, const char *sub, const char *const *options, const size_t *idx,
                   size_t n);

/* ---- Rules, by family ----------------------------------------------------------------------- */

/* validate_ops.c: operations and variables */
void r_lone_anonymous_operation(vctx *v, const tc_gql_ast_definition *op);
void r_unique_operation_names(vctx *v, const tc_gql_ast_definition *op, size_t index);
void r_single_field_subscriptions(vctx *v, const tc_gql_ast_definition *op);
void r_unique_variable_names(vctx *v, const tc_gql_ast_definition *op);
void r_variables_are_input_types(vctx *v, const tc_gql_ast_variable_definition *vd,
                                 const tc_gql_typeref *t);
void r_operation_leave(vctx *v, const tc_gql_ast_definition *op, size_t index);

/* validate_fields.c: fields, arguments, directives, type names */
void r_known_type_names(vctx *v, const tc_gql_ast_type *named);
void r_scalar_leafs(vctx *v, vti ti, const tc_gql_ast_selection *field);
void r_fields_on_correct_type(vctx *v, vti ti, const tc_gql_ast_selection *field);
void r_unique_directives_per_location(vctx *v, const tc_gql_ast_directives *ds);
void r_unique_argument_names(vctx *v, const tc_gql_ast_arguments *args);
void r_known_argument_names(vctx *v, vti ti, const tc_gql_ast_argument *arg);
void r_known_directive(vctx *v, const tc_gql_ast_directive *d, tc_gql_location where);
void r_known_directive_arguments(vctx *v, const tc_gql_ast_directive *d);
void r_required_field_arguments(vctx *v, vti ti, const tc_gql_ast_selection *field);
void r_required_directive_arguments(vctx *v, const tc_gql_ast_directive *d);

/* validate_fragments.c: fragments */
void r_fragment_on_composite(vctx *v, const tc_gql_ast_type *cond, const tc_gql_ast_name *frag);
void r_unique_fragment_names(vctx *v, const tc_gql_ast_definition *frag, size_t index);
void r_known_fragment_names(vctx *v, const tc_gql_ast_selection *spread);
void r_possible_inline_fragment(vctx *v, vti parent, vti inside, const tc_gql_ast_selection *frag);
void r_possible_fragment_spread(vctx *v, vti ti, const tc_gql_ast_selection *spread);
void r_no_fragment_cycles(vctx *v, size_t index);
void r_no_unused_fragments(vctx *v);

/* validate_values.c: values and input object fields */
void r_list_value(vctx *v, vti inside, const tc_gql_ast_value *list, bool *check);
void r_object_value(vctx *v, vti ti, const tc_gql_ast_value *obj, bool *check);
void r_object_field(vctx *v, vti inside, const tc_gql_ast_value *obj, size_t i, bool check,
                    const uint32_t *first);
void r_leaf_value(vctx *v, vti ti, const tc_gql_ast_value *val);

/* validate_overlap.c */
void r_overlapping_fields(vctx *v, const tc_gql_type *parent, const tc_gql_ast_selection_set *set);

#endif
