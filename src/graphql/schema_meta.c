/* What every schema has without asking: the specified scalars, the introspection types with the
 * meta-fields __schema, __type and __typename, and the specified directives. Names, fields,
 * descriptions and order are graphql-js 16's (clients see them through introspection; GraphiQL
 * shows the descriptions), so printing them gives graphql-js's printIntrospectionSchema. */
#include "graphql/schema_int.h"

#include <string.h>

static void scalar(tc_gql_builder *b, const char *name, const char *description)
{
    tc_gql_builder_add_type(b, TC_GQL_SCALAR, name, description);
}

static void add_specified_scalars(tc_gql_builder *b)
{
    scalar(b, "Int",
           "The `Int` scalar type represents non-fractional signed whole numeric values. Int can "
           "represent values between -(2^31) and 2^31 - 1.");
    scalar(b, "Float",
           "The `Float` scalar type represents signed double-precision fractional values as "
           "specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).");
    scalar(b, "String",
           "The `String` scalar type represents textual data, represented as UTF-8 character "
           "sequences. The String type is most often used by GraphQL to represent free-form "
           "human-readable text.");
    scalar(b, "Boolean", "The `Boolean` scalar type represents `true` or `false`.");
    scalar(b, "ID",
           "The `ID` scalar type represents a unique identifier, often used to refetch an object "
           "or as key for a cache. The ID type appears in a JSON response as a String; however, it "
           "is not intended to be human-readable. When expected as an input type, any string (such "
           "as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.");
}

/* A field with an `includeDeprecated: Boolean = false` argument. */
static tc_gql_field *with_include_deprecated(tc_gql_builder *b, tc_gql_type *t, const char *name,
                                             const char *type)
{
    tc_gql_field *f = tc_gql_builder_add_field(b, t, name, type, NULL);
    tc_gql_input_value *arg = tc_gql_builder_add_arg(b, f, "includeDeprecated", "Boolean", NULL);
    arg->default_value = tc_gql_value_bool(b->arena, false);
    return f;
}

static void add_schema_type(tc_gql_builder *b)
{
    tc_gql_type *t = tc_gql_builder_add_type(
        b, TC_GQL_OBJECT, "__Schema",
        "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available "
        "types and directives on the server, as well as the entry points for query, mutation, and "
        "subscription operations.");
    tc_gql_builder_add_field(b, t, "description", "String", NULL);
    tc_gql_builder_add_field(b, t, "types", "[__Type!]!",
                             "A list of all types supported by this server.");
    tc_gql_builder_add_field(b, t, "queryType", "__Type!",
                             "The type that query operations will be rooted at.");
    tc_gql_builder_add_field(b, t, "mutationType", "__Type",
                             "If this server supports mutation, the type that mutation operations "
                             "will be rooted at.");
    tc_gql_builder_add_field(b, t, "subscriptionType", "__Type",
                             "If this server support subscription, the type that subscription "
                             "operations will be rooted at.");
    tc_gql_builder_add_field(b, t, "directives", "[__Directive!]!",
                             "A list of all directives supported by this server.");
}

static void add_type_type(tc_gql_builder *b)
{
    tc_gql_type *t = tc_gql_builder_add_type(
        b, TC_GQL_OBJECT, "__Type",
        "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in "
        "GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, "
        "certain fields describe information about that type. Scalar types provide no information "
        "beyond a name, description and optional `specifiedByURL`, while Enum types provide their "
        "values. Object and Interface types provide the fields they describe. Abstract types, "
        "Union and Interface, provide the Object types possible at runtime. List and NonNull types "
        "compose other types.");
    tc_gql_builder_add_field(b, t, "kind", "__TypeKind!", NULL);
    tc_gql_builder_add_field(b, t, "name", "String", NULL);
    tc_gql_builder_add_field(b, t, "description", "String", NULL);
    tc_gql_builder_add_field(b, t, "specifiedByURL", "String", NULL);
    with_include_deprecated(b, t, "fields", "[__Field!]");
    tc_gql_builder_add_field(b, t, "interfaces", "[__Type!]", NULL);
    tc_gql_builder_add_field(b, t, "possibleTypes", "[__Type!]", NULL);
    with_include_deprecated(b, t, "enumValues", "[__EnumValue!]");
    with_include_deprecated(b, t, "inputFields", "[__InputValue!]");
    tc_gql_builder_add_field(b, t, "ofType", "__Type", NULL);
}

static void add_type_kind(tc_gql_builder *b)
{
    static const char *const rows[][2] = {
        {"SCALAR", "Indicates this type is a scalar."},
        {"OBJECT", "Indicates this type is an object. `fields` and `interfaces` are valid fields."},
        {"INTERFACE", "Indicates this type is an interface. `fields`, `interfaces`, and "
                      "`possibleTypes` are valid fields."},
        {"UNION", "Indicates this type is a union. `possibleTypes` is a valid field."},
        {"ENUM", "Indicates this type is an enum. `enumValues` is a valid field."},
        {"INPUT_OBJECT", "Indicates this type is an input object. `inputFields` is a valid field."},
        {"LIST", "Indicates this type is a list. `ofType` is a valid field."},
        {"NON_NULL", "Indicates this type is a non-null. `ofType` is a valid field."},
    };
    tc_gql_type *t = tc_gql_builder_add_type(
        b, TC_GQL_ENUM, "__TypeKind", "An enum describing what kind of type a given `__Type` is.");
    for (size_t i = 0; i < TC_COUNT(rows); i++)
        tc_gql_builder_add_enum_value(b, t, rows[i][0], rows[i][1]);
}

static void add_field_type(tc_gql_builder *b)
{
    tc_gql_type *t = tc_gql_builder_add_type(
        b, TC_GQL_OBJECT, "__Field",
        "Object and Interface types are described by a list of Fields, each of which has a name, "
        "potentially a list of arguments, and a return type.");
    tc_gql_builder_add_field(b, t, "name", "String!", NULL);
    tc_gql_builder_add_field(b, t, "description", "String", NULL);
    with_include_deprecated(b, t, "args", "[__InputValue!]!");
    tc_gql_builder_add_field(b, t, "type", "__Type!", NULL);
    tc_gql_builder_add_field(b, t, "isDeprecated", "Boolean!", NULL);
    tc_gql_builder_add_field(b, t, "deprecationReason", "String", NULL);
}

static void add_input_value_type(tc_gql_builder *b)
{
    tc_gql_type *t = tc_gql_builder_add_type(
        b, TC_GQL_OBJECT, "__InputValue",
        "Arguments provided to Fields or Directives and the input fields of an InputObject are "
        "represented as Input Values which describe their type and optionally a default value.");
    tc_gql_builder_add_field(b, t, "name", "String!", NULL);
    tc_gql_builder_add_field(b, t, "description", "String", NULL);
    tc_gql_builder_add_field(b, t, "type", "__Type!", NULL);
    tc_gql_builder_add_field(
        b, t, "defaultValue", "String",
        "A GraphQL-formatted string representing the default value for this input value.");
    tc_gql_builder_add_field(b, t, "isDeprecated", "Boolean!", NULL);
    tc_gql_builder_add_field(b, t, "deprecationReason", "String", NULL);
}

static void add_enum_value_type(tc_gql_builder *b)
{
    tc_gql_type *t = tc_gql_builder_add_type(
        b, TC_GQL_OBJECT, "__EnumValue",
        "One possible value for a given Enum. Enum values are unique values, not a placeholder for "
        "a string or numeric value. However an Enum value is returned in a JSON response as a "
        "string.");
    tc_gql_builder_add_field(b, t, "name", "String!", NULL);
    tc_gql_builder_add_field(b, t, "description", "String", NULL);
    tc_gql_builder_add_field(b, t, "isDeprecated", "Boolean!", NULL);
    tc_gql_builder_add_field(b, t, "deprecationReason", "String", NULL);
}

static void add_directive_type(tc_gql_builder *b)
{
    tc_gql_type *t = tc_gql_builder_add_type(
        b, TC_GQL_OBJECT, "__Directive",
        "A Directive provides a way to describe alternate runtime execution and type validation "
        "behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter "
        "GraphQL's execution behavior in ways field arguments will not suffice, such as "
        "conditionally including or skipping a field. Directives provide this by describing "
        "additional information to the executor.");
    tc_gql_builder_add_field(b, t, "name", "String!", NULL);
    tc_gql_builder_add_field(b, t, "description", "String", NULL);
    tc_gql_builder_add_field(b, t, "isRepeatable", "Boolean!", NULL);
    tc_gql_builder_add_field(b, t, "locations", "[__DirectiveLocation!]!", NULL);
    with_include_deprecated(b, t, "args", "[__InputValue!]!");
}

static void add_directive_location(tc_gql_builder *b)
{
    /* Descriptions in __DirectiveLocation order (TC_GQL_DIRECTIVE_LOCATIONS). */
    static const char *const what[TC_GQL_LOC_COUNT] = {
        "a query operation",
        "a mutation operation",
        "a subscription operation",
        "a field",
        "a fragment definition",
        "a fragment spread",
        "an inline fragment",
        "a variable definition",
        "a schema definition",
        "a scalar definition",
        "an object type definition",
        "a field definition",
        "an argument definition",
        "an interface definition",
        "a union definition",
        "an enum definition",
        "an enum value definition",
        "an input object type definition",
        "an input object field definition",
    };
    tc_gql_type *t = tc_gql_builder_add_type(
        b, TC_GQL_ENUM, "__DirectiveLocation",
        "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation "
        "describes one such possible adjacencies.");
    for (int l = 0; l < TC_GQL_LOC_COUNT; l++) {
        char *description = tc_arena_printf(b->arena, "Location adjacent to %s.", what[l]);
        tc_gql_builder_add_enum_value(b, t, tc_gql_location_name((tc_gql_location)l), description);
    }
}

/* A meta-field: selectable as graphql-js getFieldDef says, in no type's field list. */
static tc_gql_field *meta_field(tc_gql_builder *b, const char *name, const char *type,
                                const char *description)
{
    tc_gql_field *f = tc_arena_calloc(b->arena, 1, sizeof(*f));
    f->name = name;
    f->type = tc_gql_builder_ref(b, type, name);
    f->description = description;
    return f;
}

static void add_meta_fields(tc_gql_builder *b)
{
    b->meta_fields[0] =
        meta_field(b, "__schema", "__Schema!", "Access the current type schema of this server.");
    tc_gql_field *type =
        meta_field(b, "__type", "__Type", "Request the type information of a single type.");
    tc_gql_input_value *name = tc_arena_calloc(b->arena, 1, sizeof(*name));
    name->name = "name";
    name->type = tc_gql_builder_ref(b, "String!", "__type(name:)");
    type->args = tc_arena_calloc(b->arena, 1, sizeof(*type->args));
    type->args[0] = name;
    type->nargs = 1;
    b->meta_fields[1] = type;
    b->meta_fields[2] =
        meta_field(b, "__typename", "String!", "The name of the current Object type at runtime.");
}

static void add_specified_directives(tc_gql_builder *b)
{
    static const tc_gql_location exec[] = {TC_GQL_LOC_FIELD, TC_GQL_LOC_FRAGMENT_SPREAD,
                                           TC_GQL_LOC_INLINE_FRAGMENT};
    static const tc_gql_location deprecated[] = {
        TC_GQL_LOC_FIELD_DEFINITION, TC_GQL_LOC_ARGUMENT_DEFINITION,
        TC_GQL_LOC_INPUT_FIELD_DEFINITION, TC_GQL_LOC_ENUM_VALUE};
    static const tc_gql_location scalar_only[] = {TC_GQL_LOC_SCALAR};

    tc_gql_directive *d = tc_gql_builder_add_directive(
        b, "include",
        "Directs the executor to include this field or fragment only when the `if` argument is "
        "true.",
        false, exec, TC_COUNT(exec));
    tc_gql_builder_add_directive_arg(b, d, "if", "Boolean!", "Included when true.");

    d = tc_gql_builder_add_directive(
        b, "skip",
        "Directs the executor to skip this field or fragment when the `if` argument is true.",
        false, exec, TC_COUNT(exec));
    tc_gql_builder_add_directive_arg(b, d, "if", "Boolean!", "Skipped when true.");

    d = tc_gql_builder_add_directive(b, "deprecated",
                                     "Marks an element of a GraphQL schema as no longer supported.",
                                     false, deprecated, TC_COUNT(deprecated));
    tc_gql_input_value *reason = tc_gql_builder_add_directive_arg(
        b, d, "reason", "String",
        "Explains why this element was deprecated, usually also including a suggestion for how to "
        "access supported similar data. Formatted using the Markdown syntax, as specified by "
        "[CommonMark](https://commonmark.org/).");
    reason->default_value = tc_gql_value_string(b->arena, TC_GQL_DEFAULT_DEPRECATION,
                                                strlen(TC_GQL_DEFAULT_DEPRECATION));

    d = tc_gql_builder_add_directive(b, "specifiedBy",
                                     "Exposes a URL that specifies the behavior of this scalar.",
                                     false, scalar_only, TC_COUNT(scalar_only));
    tc_gql_builder_add_directive_arg(b, d, "url", "String!",
                                     "The URL that specifies the behavior of this scalar.");
}

void tc_gql_builder_add_builtins(tc_gql_builder *b)
{
    b->builtin_mode = true;
    add_specified_scalars(b);
    add_schema_type(b);
    add_type_type(b);
    add_type_kind(b);
    add_field_type(b);
    add_input_value_type(b);
    add_enum_value_type(b);
    add_directive_type(b);
    add_directive_location(b);
    add_meta_fields(b);
    add_specified_directives(b);
    b->builtin_mode = false;
}
