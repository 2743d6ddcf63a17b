/* The GraphQL schema model: types, fields, arguments, enum values, directives and root types, as
 * a caller builds them with a tc_gql_builder and tc_gql_builder_build() checks and freezes them.
 *
 * A built schema is immutable: every struct below is read-only from then on, nothing is computed
 * lazily, so one schema may be read from any number of threads at once (it is cached with a
 * workspace's metadata snapshot). All its memory is one arena owned by the schema, freed by
 * tc_gql_schema_free(). Pointers into a schema (types, fields, refs, default values) live as
 * long as the schema.
 *
 * What graphql-js keeps, this model keeps, so validation, coercion, execution and introspection
 * can all be answered from it: descriptions, deprecation reasons, default values (typed, see
 * value.h), specifiedByURL, directive locations and repeatability, implemented interfaces,
 * possible types of abstract types, and the introspection types themselves (__Schema, __Type, ...)
 * with the built-in scalars and directives, which every schema gets without asking. */
#ifndef TC_GRAPHQL_SCHEMA_H
#define TC_GRAPHQL_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "graphql/value.h"

/* Bounds checked by the builder: a schema is made from metadata, which the API lets users change.
 */
#define TC_GQL_NAME_MAX 255         /* bytes in a name */
#define TC_GQL_TEXT_MAX 65536       /* bytes in a description, deprecation reason or URL */
#define TC_GQL_TYPES_MAX 65536      /* types in a schema, built-in ones included */
#define TC_GQL_MEMBERS_MAX 65536    /* fields, arguments, enum values, members of one element */
#define TC_GQL_TYPEREF_MAX_DEPTH 16 /* list and non-null wrappers around one named type */

/* Kinds of named types; tc_gql_kind_name() gives the __TypeKind value ("INPUT_OBJECT"). */
typedef enum tc_gql_kind {
    TC_GQL_SCALAR,
    TC_GQL_OBJECT,
    TC_GQL_INTERFACE,
    TC_GQL_UNION,
    TC_GQL_ENUM,
    TC_GQL_INPUT_OBJECT,
} tc_gql_kind;

const char *tc_gql_kind_name(tc_gql_kind k);

/* Directive locations in the order of __DirectiveLocation. */
#define TC_GQL_DIRECTIVE_LOCATIONS(X)                                                              \
    X(QUERY)                                                                                       \
    X(MUTATION)                                                                                    \
    X(SUBSCRIPTION)                                                                                \
    X(FIELD)                                                                                       \
    X(FRAGMENT_DEFINITION)                                                                         \
    X(FRAGMENT_SPREAD)                                                                             \
    X(INLINE_FRAGMENT)                                                                             \
    X(VARIABLE_DEFINITION)                                                                         \
    X(SCHEMA)                                                                                      \
    X(SCALAR)                                                                                      \
    X(OBJECT)                                                                                      \
    X(FIELD_DEFINITION)                                                                            \
    X(ARGUMENT_DEFINITION)                                                                         \
    X(INTERFACE)                                                                                   \
    X(UNION)                                                                                       \
    X(ENUM)                                                                                        \
    X(ENUM_VALUE)                                                                                  \
    X(INPUT_OBJECT)                                                                                \
    X(INPUT_FIELD_DEFINITION)

typedef enum tc_gql_location {
#define TC_GQL_LOCATION_ENUM(name) TC_GQL_LOC_##name,
    TC_GQL_DIRECTIVE_LOCATIONS(TC_GQL_LOCATION_ENUM)
#undef TC_GQL_LOCATION_ENUM
        TC_GQL_LOC_COUNT
} tc_gql_location;

const char *tc_gql_location_name(tc_gql_location l); /* "FIELD_DEFINITION" */

/* Private to schema.c: an open-addressing name -> position table. */
typedef struct tc_gql_index {
    uint32_t *slots; /* position + 1, 0 = empty */
    uint32_t mask;   /* slots - 1 (a power of two minus one), 0 when empty */
} tc_gql_index;

typedef struct tc_gql_type tc_gql_type;

/* A type reference: a named type, or a list or non-null wrapper of another reference. */
typedef enum tc_gql_wrap { TC_GQL_NAMED, TC_GQL_LIST, TC_GQL_NON_NULL } tc_gql_wrap;

typedef struct tc_gql_typeref {
    tc_gql_wrap wrap;
    const struct tc_gql_typeref *of; /* LIST, NON_NULL: the wrapped reference */
    const tc_gql_type *type;         /* NAMED: the type (set by tc_gql_builder_build) */
    const char *name;                /* NAMED: its name */
} tc_gql_typeref;

/* Every element with a name has it as its first member (the index relies on it). */

/* An argument, an input object field or a directive argument. */
typedef struct tc_gql_input_value {
    const char *name;
    const char *description;    /* NULL: none */
    const tc_gql_typeref *type; /* an input type */
    /* NULL: no default (a null default is a NULL-kind value); coerced to type by build */
    const tc_gql_value *default_value;
    const char *deprecation_reason; /* NULL: not deprecated */
} tc_gql_input_value;

typedef struct tc_gql_field {
    const char *name;
    const char *description;
    const tc_gql_typeref *type; /* an output type */
    tc_gql_input_value **args;  /* in definition order */
    size_t nargs;
    const char *deprecation_reason;
    const tc_gql_type *parent; /* the object or interface type that has the field */
} tc_gql_field;

typedef struct tc_gql_enum_value {
    const char *name;
    const char *description;
    const char *deprecation_reason;
} tc_gql_enum_value;

struct tc_gql_type {
    const char *name;
    tc_gql_kind kind;
    const char *description;
    const char *specified_by_url; /* SCALAR: @specifiedBy(url:), or NULL */
    bool builtin;                 /* a specified scalar or an introspection type: not in SDL */
    uint32_t position;            /* index in tc_gql_schema.types */

    tc_gql_field **fields; /* OBJECT, INTERFACE: in definition order */
    size_t nfields;
    tc_gql_type **interfaces; /* OBJECT, INTERFACE: implemented interfaces, in definition order */
    size_t ninterfaces;
    /* UNION: its members in definition order. INTERFACE: the object types implementing it, in
     * schema type order (graphql-js getPossibleTypes). */
    tc_gql_type **possible;
    size_t npossible;
    tc_gql_enum_value **values; /* ENUM */
    size_t nvalues;
    tc_gql_input_value **input_fields; /* INPUT_OBJECT */
    size_t ninput_fields;

    tc_gql_typeref ref; /* a NAMED reference to this type, for callers that need one */
    tc_gql_index index; /* private: fields, enum values or input fields by name */
};

typedef struct tc_gql_directive {
    const char *name; /* without the @ */
    const char *description;
    tc_gql_input_value **args;
    size_t nargs;
    tc_gql_location *locations; /* in the order given */
    size_t nlocations;
    uint32_t location_mask; /* bit (1u << location) set for each location */
    bool repeatable;
    bool builtin; /* @include, @skip, @deprecated, @specifiedBy */
} tc_gql_directive;

typedef struct tc_gql_schema {
    tc_arena *arena; /* owns everything below */
    const char *description;
    /* Every type of the schema in graphql-js's type-map order for the same schema: each caller
     * type in definition order, with each built-in scalar right after the first type that uses
     * it, then the introspection types. Built-in scalars no type uses are left out, as graphql-js
     * does (a document naming Float in such a schema names an unknown type). */
    tc_gql_type **types;
    size_t ntypes;
    const tc_gql_type *query; /* never NULL */
    const tc_gql_type *mutation;
    const tc_gql_type *subscription;
    /* Caller directives in definition order, then @include, @skip, @deprecated, @specifiedBy. */
    tc_gql_directive **directives;
    size_t ndirectives;
    /* The meta-fields __schema and __type (on the query type) and __typename (on every
     * composite type); they are in no type's field list (see tc_gql_schema_field). */
    const tc_gql_field *schema_field;
    const tc_gql_field *type_field;
    const tc_gql_field *typename_field;
    tc_gql_index type_index; /* private */
} tc_gql_schema;

/* ---- Building ------------------------------------------------------------------------------ */

/* A builder collects definitions in any order (a field may name a type defined later); build
 * resolves names and checks the whole schema. Builder calls never fail: a misuse (a bad name,
 * a malformed type reference, a size past the bounds above) is kept as the builder's first
 * error and reported by tc_gql_builder_build. Every string is copied. */
typedef struct tc_gql_builder tc_gql_builder;

/* A new builder; aborts when out of memory. Free it with tc_gql_builder_free unless it was
 * handed to tc_gql_builder_build. */
tc_gql_builder *tc_gql_builder_new(void);
void tc_gql_builder_free(tc_gql_builder *b);

/* The arena that becomes the schema's: default values may be built here (they are copied
 * otherwise). */
tc_arena *tc_gql_builder_arena(tc_gql_builder *b);

/* The schema's description (NULL: none). */
void tc_gql_builder_set_description(tc_gql_builder *b, const char *description);

/* Names the root operation types (NULL: none). Without this call the roots are the types named
 * Query, Mutation and Subscription when they exist, as graphql-js buildSchema does. */
void tc_gql_builder_set_roots(tc_gql_builder *b, const char *query, const char *mutation,
                              const char *subscription);

/* A named type of the given kind (description NULL: none). Types print in the order they are
 * added. */
tc_gql_type *tc_gql_builder_add_type(tc_gql_builder *b, tc_gql_kind kind, const char *name,
                                     const char *description);

/* The @specifiedBy URL of a scalar type. */
void tc_gql_builder_set_specified_by(tc_gql_builder *b, tc_gql_type *scalar, const char *url);

/* A field of an object or interface type. type is a type reference in GraphQL syntax, e.g.
 * "[CompanyEdge!]!"; it may name a type added later. */
tc_gql_field *tc_gql_builder_add_field(tc_gql_builder *b, tc_gql_type *parent, const char *name,
                                       const char *type, const char *description);

/* An argument of a field. */
tc_gql_input_value *tc_gql_builder_add_arg(tc_gql_builder *b, tc_gql_field *field, const char *name,
                                           const char *type, const char *description);

/* A field of an input object type. */
tc_gql_input_value *tc_gql_builder_add_input_field(tc_gql_builder *b, tc_gql_type *input,
                                                   const char *name, const char *type,
                                                   const char *description);

/* A value of an enum type. */
tc_gql_enum_value *tc_gql_builder_add_enum_value(tc_gql_builder *b, tc_gql_type *enum_type,
                                                 const char *name, const char *description);

/* Declares that an object or interface type implements the interface named iface. */
void tc_gql_builder_add_interface(tc_gql_builder *b, tc_gql_type *type, const char *iface);

/* Adds the object type named member to a union. */
void tc_gql_builder_add_member(tc_gql_builder *b, tc_gql_type *union_type, const char *member);

/* A directive definition (name without @) valid at the given locations. */
tc_gql_directive *tc_gql_builder_add_directive(tc_gql_builder *b, const char *name,
                                               const char *description, bool repeatable,
                                               const tc_gql_location *locations, size_t nlocations);
tc_gql_input_value *tc_gql_builder_add_directive_arg(tc_gql_builder *b, tc_gql_directive *d,
                                                     const char *name, const char *type,
                                                     const char *description);

/* The default value of an argument or input field; v is copied into the schema's arena. Build
 * checks that it fits the input value's type and stores it coerced as graphql-js keeps a
 * default (valueFromAST): a single item for a list type becomes a list of one, an input object
 * gets the type's field order with its fields' own defaults filled in, an Int for a Float
 * becomes a float, an Int for an ID its decimal text. An executor uses it as it is. */
void tc_gql_builder_set_default(tc_gql_builder *b, tc_gql_input_value *iv, const tc_gql_value *v);

/* Deprecation, with a reason (NULL: graphql-js's "No longer supported"). */
void tc_gql_builder_deprecate_field(tc_gql_builder *b, tc_gql_field *f, const char *reason);
void tc_gql_builder_deprecate_input(tc_gql_builder *b, tc_gql_input_value *iv, const char *reason);
void tc_gql_builder_deprecate_value(tc_gql_builder *b, tc_gql_enum_value *v, const char *reason);

/* Resolves and checks everything, then freezes it into a schema; the builder is consumed either
 * way. The checks are graphql-js validateSchema's, plus resolution and default values: names
 * valid and unique (no caller name starts with "__"), every referenced type defined, a query
 * type that is an object type, output types for fields and input types for arguments and input
 * fields, unions of object types, non-empty fields/values/members, interfaces implemented
 * correctly (fields present with compatible types and arguments, transitive interfaces
 * declared), no input object cycle through non-null fields, required arguments and input fields
 * not deprecated, default values that fit their types. The first problem is reported in e
 * (TC_E_INTERNAL: a schema is made by twentyc, not by clients) with a message in graphql-js's
 * words, e.g. `Interface field Node.id expected but Company does not provide it.`. Returns NULL
 * then. */
tc_gql_schema *tc_gql_builder_build(tc_gql_builder *b, tc_err *e);

/* Frees the schema and everything in it. NULL is a no-op. */
void tc_gql_schema_free(tc_gql_schema *s);

/* ---- Lookups (O(1) hash lookups unless noted) ------------------------------------------------ */

/* The type named name[0..len), or NULL. */
const tc_gql_type *tc_gql_schema_typen(const tc_gql_schema *s, const char *name, size_t len);
const tc_gql_type *tc_gql_schema_type(const tc_gql_schema *s, const char *name);

/* The directive named name[0..len) (without @), or NULL. Linear: a schema has a few. */
const tc_gql_directive *tc_gql_schema_directiven(const tc_gql_schema *s, const char *name,
                                                 size_t len);

/* Field name[0..len) of an object or interface type as a document may select it: the type's own
 * field, or the meta-fields __typename (any object, interface or union type), __schema and
 * __type (the query type only), as graphql-js getFieldDef. NULL when there is none. */
const tc_gql_field *tc_gql_schema_field(const tc_gql_schema *s, const tc_gql_type *parent,
                                        const char *name, size_t len);

/* The type's own field, input field or enum value named name[0..len), or NULL (also for a type
 * of another kind). */
const tc_gql_field *tc_gql_type_fieldn(const tc_gql_type *t, const char *name, size_t len);
const tc_gql_field *tc_gql_type_field(const tc_gql_type *t, const char *name);
const tc_gql_input_value *tc_gql_type_input_fieldn(const tc_gql_type *t, const char *name,
                                                   size_t len);
const tc_gql_enum_value *tc_gql_type_enum_valuen(const tc_gql_type *t, const char *name,
                                                 size_t len);

/* Argument name[0..len) of a field or directive, or NULL. Linear: arguments are few. */
const tc_gql_input_value *tc_gql_field_argn(const tc_gql_field *f, const char *name, size_t len);
const tc_gql_input_value *tc_gql_directive_argn(const tc_gql_directive *d, const char *name,
                                                size_t len);

/* ---- Type predicates and references ---------------------------------------------------------- */

bool tc_gql_type_is_input(const tc_gql_type *t);     /* scalar, enum, input object */
bool tc_gql_type_is_output(const tc_gql_type *t);    /* scalar, enum, object, interface, union */
bool tc_gql_type_is_leaf(const tc_gql_type *t);      /* scalar, enum */
bool tc_gql_type_is_composite(const tc_gql_type *t); /* object, interface, union */
bool tc_gql_type_is_abstract(const tc_gql_type *t);  /* interface, union */

/* The named type under every wrapper. */
const tc_gql_type *tc_gql_ref_named(const tc_gql_typeref *r);
/* r without its outer non-null wrapper, if any. */
const tc_gql_typeref *tc_gql_ref_nullable(const tc_gql_typeref *r);
/* A new list or non-null wrapper of of in a (a request's arena, e.g. for a variable's type);
 * for a named reference use &type->ref. */
const tc_gql_typeref *tc_gql_ref_wrap(tc_arena *a, tc_gql_wrap wrap, const tc_gql_typeref *of);
/* Same wrappers around the same named type (graphql-js isEqualType). */
bool tc_gql_ref_equal(const tc_gql_typeref *a, const tc_gql_typeref *b);
/* Whether a value of type sub may be used where super is expected (graphql-js isTypeSubTypeOf):
 * a non-null where a nullable is expected, an object or interface where an abstract type it
 * belongs to is expected, element-wise through lists. */
bool tc_gql_ref_is_subtype(const tc_gql_typeref *sub, const tc_gql_typeref *super);
/* Appends the reference in GraphQL syntax ("[Company!]!") to out; -1 when out is full. */
int tc_gql_ref_print(const tc_gql_typeref *r, tc_buf *out);

/* Whether sub (an object or interface type) is a possible type of the abstract type: a member of
 * the union, or an implementation of the interface (graphql-js isSubType). */
bool tc_gql_type_is_possible(const tc_gql_type *abstract, const tc_gql_type *sub);
/* Whether two composite types can have an object type in common (graphql-js doTypesOverlap),
 * e.g. for a fragment spread inside another type. */
bool tc_gql_types_overlap(const tc_gql_type *a, const tc_gql_type *b);

#endif
