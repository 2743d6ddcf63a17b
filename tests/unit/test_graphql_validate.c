/* Unit tests for GraphQL validation (graphql/validate.h): the examples of the October 2021
 * specification's Validation section, rule by rule, against the specification's example schema
 * (Dog, Cat, Pet, Sentient, CatOrDog, Arguments, ..., with a subscription root, a Point input
 * with required fields and a repeatable @tag directive added for the rules the examples leave
 * out), plus a few rows per rule where twentyc has code paths the examples do not reach. Each row
 * is a document and the errors graphql-js 16.6 reports for it against the same schema (its SDL is
 * below; buildSchema, then validate), one per line as "line:column ... message", in graphql-js's
 * order. Then the limits (100 errors, the overlapping-fields budget),
 * the custom-scalar literal hook and the JSON shape of an error. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "graphql/parser.h"
#include "graphql/schema.h"
#include "graphql/testschema.h"
#include "graphql/validate.h"

/* The schema the rows were checked against in graphql-js, as SDL (buildSchema of this):
 *
 *   type Query { dog: Dog findDog(complex: ComplexInput): Dog
 *     booleanList(booleanListArg: [Boolean!]): Boolean human: Human pet: Pet catOrDog: CatOrDog
 *     arguments: Arguments distance(from: Point!, to: Point): Float }
 *   type Mutation { mutateDog: MutateDogResult }
 *   type MutateDogResult { id: ID }
 *   type Subscription { newMessage: Message disallowedSecondRootField: Boolean }
 *   type Message { body: String sender: String }
 *   enum DogCommand { SIT DOWN HEEL }
 *   type Dog implements Pet { name: String! nickname: String barkVolume: Int
 *     doesKnowCommand(dogCommand: DogCommand!): Boolean!
 *     isHouseTrained(atOtherHomes: Boolean): Boolean! owner: Human }
 *   interface Sentient { name: String! }
 *   interface Pet { name: String! }
 *   type Alien implements Sentient { name: String! homePlanet: String }
 *   type Human implements Sentient { name: String! pets: [Pet!] }
 *   enum CatCommand { JUMP }
 *   type Cat implements Pet { name: String! nickname: String
 *     doesKnowCommand(catCommand: CatCommand!): Boolean! meowVolume: Int }
 *   union CatOrDog = Cat | Dog
 *   union DogOrHuman = Dog | Human
 *   union HumanOrAlien = Human | Alien
 *   type Arguments { multipleRequirements(x: Int!, y: Int!): Int!
 *     booleanArgField(booleanArg: Boolean): Boolean floatArgField(floatArg: Float): Float
 *     intArgField(intArg: Int): Int
 *     nonNullBooleanArgField(nonNullBooleanArg: Boolean!): Boolean!
 *     booleanListArgField(booleanListArg: [Boolean]!): [Boolean]
 *     optionalNonNullBooleanArgField(optionalBooleanArg: Boolean! = false): Boolean!
 *     nonNullBooleanListField(nonNullBooleanListArg: [Boolean]!): [Boolean] }
 *   input ComplexInput { name: String owner: String }
 *   input Point { x: Float! y: Float! label: String = "" }
 *   directive @tag(name: String!) repeatable on FIELD | FRAGMENT_SPREAD
 */

static tc_gql_type *type(tc_gql_builder *b, tc_gql_kind k, const char *name)
{
    return tc_gql_builder_add_type(b, k, name, NULL);
}

static tc_gql_field *field(tc_gql_builder *b, tc_gql_type *t, const char *name, const char *ref)
{
    return tc_gql_builder_add_field(b, t, name, ref, NULL);
}

static tc_gql_input_value *arg(tc_gql_builder *b, tc_gql_field *f, const char *name,
                               const char *ref)
{
    return tc_gql_builder_add_arg(b, f, name, ref, NULL);
}

/* SPEC_SDL, built with the schema builder. */
static tc_gql_schema *spec_schema(void)
{
    tc_gql_builder *b = tc_gql_builder_new();
    tc_arena *a = tc_gql_builder_arena(b);
    tc_gql_type *q = type(b, TC_GQL_OBJECT, "Query");
    field(b, q, "dog", "Dog");
    arg(b, field(b, q, "findDog", "Dog"), "complex", "ComplexInput");
    arg(b, field(b, q, "booleanList", "Boolean"), "booleanListArg", "[Boolean!]");
    field(b, q, "human", "Human");
    field(b, q, "pet", "Pet");
    field(b, q, "catOrDog", "CatOrDog");
    field(b, q, "arguments", "Arguments");
    tc_gql_field *f = field(b, q, "distance", "Float");
    arg(b, f, "from", "Point!");
    arg(b, f, "to", "Point");
    field(b, type(b, TC_GQL_OBJECT, "Mutation"), "mutateDog", "MutateDogResult");
    field(b, type(b, TC_GQL_OBJECT, "MutateDogResult"), "id", "ID");
    tc_gql_type *sub = type(b, TC_GQL_OBJECT, "Subscription");
    field(b, sub, "newMessage", "Message");
    field(b, sub, "disallowedSecondRootField", "Boolean");
    tc_gql_type *msg = type(b, TC_GQL_OBJECT, "Message");
    field(b, msg, "body", "String");
    field(b, msg, "sender", "String");
    tc_gql_type *dc = type(b, TC_GQL_ENUM, "DogCommand");
    tc_gql_builder_add_enum_value(b, dc, "SIT", NULL);
    tc_gql_builder_add_enum_value(b, dc, "DOWN", NULL);
    tc_gql_builder_add_enum_value(b, dc, "HEEL", NULL);
    tc_gql_type *dog = type(b, TC_GQL_OBJECT, "Dog");
    tc_gql_builder_add_interface(b, dog, "Pet");
    field(b, dog, "name", "String!");
    field(b, dog, "nickname", "String");
    field(b, dog, "barkVolume", "Int");
    arg(b, field(b, dog, "doesKnowCommand", "Boolean!"), "dogCommand", "DogCommand!");
    arg(b, field(b, dog, "isHouseTrained", "Boolean!"), "atOtherHomes", "Boolean");
    field(b, dog, "owner", "Human");
    field(b, type(b, TC_GQL_INTERFACE, "Sentient"), "name", "String!");
    field(b, type(b, TC_GQL_INTERFACE, "Pet"), "name", "String!");
    tc_gql_type *alien = type(b, TC_GQL_OBJECT, "Alien");
    tc_gql_builder_add_interface(b, alien, "Sentient");
    field(b, alien, "name", "String!");
    field(b, alien, "homePlanet", "String");
    tc_gql_type *human = type(b, TC_GQL_OBJECT, "Human");
    tc_gql_builder_add_interface(b, human, "Sentient");
    field(b, human, "name", "String!");
    field(b, human, "pets", "[Pet!]");
    tc_gql_builder_add_enum_value(b, type(b, TC_GQL_ENUM, "CatCommand"), "JUMP", NULL);
    tc_gql_type *cat = type(b, TC_GQL_OBJECT, "Cat");
    tc_gql_builder_add_interface(b, cat, "Pet");
    field(b, cat, "name", "String!");
    field(b, cat, "nickname", "String");
    arg(b, field(b, cat, "doesKnowCommand", "Boolean!"), "catCommand", "CatCommand!");
    field(b, cat, "meowVolume", "Int");
    tc_gql_type *u = type(b, TC_GQL_UNION, "CatOrDog");
    tc_gql_builder_add_member(b, u, "Cat");
    tc_gql_builder_add_member(b, u, "Dog");
    u = type(b, TC_GQL_UNION, "DogOrHuman");
    tc_gql_builder_add_member(b, u, "Dog");
    tc_gql_builder_add_member(b, u, "Human");
    u = type(b, TC_GQL_UNION, "HumanOrAlien");
    tc_gql_builder_add_member(b, u, "Human");
    tc_gql_builder_add_member(b, u, "Alien");
    tc_gql_type *args = type(b, TC_GQL_OBJECT, "Arguments");
    f = field(b, args, "multipleRequirements", "Int!");
    arg(b, f, "x", "Int!");
    arg(b, f, "y", "Int!");
    arg(b, field(b, args, "booleanArgField", "Boolean"), "booleanArg", "Boolean");
    arg(b, field(b, args, "floatArgField", "Float"), "floatArg", "Float");
    arg(b, field(b, args, "intArgField", "Int"), "intArg", "Int");
    arg(b, field(b, args, "nonNullBooleanArgField", "Boolean!"), "nonNullBooleanArg", "Boolean!");
    arg(b, field(b, args, "booleanListArgField", "[Boolean]"), "booleanListArg", "[Boolean]!");
    tc_gql_input_value *iv = arg(b, field(b, args, "optionalNonNullBooleanArgField", "Boolean!"),
                                 "optionalBooleanArg", "Boolean!");
    tc_gql_builder_set_default(b, iv, tc_gql_value_bool(a, false));
    arg(b, field(b, args, "nonNullBooleanListField", "[Boolean]"), "nonNullBooleanListArg",
        "[Boolean]!");
    tc_gql_type *ci = type(b, TC_GQL_INPUT_OBJECT, "ComplexInput");
    tc_gql_builder_add_input_field(b, ci, "name", "String", NULL);
    tc_gql_builder_add_input_field(b, ci, "owner", "String", NULL);
    tc_gql_type *pt = type(b, TC_GQL_INPUT_OBJECT, "Point");
    tc_gql_builder_add_input_field(b, pt, "x", "Float!", NULL);
    tc_gql_builder_add_input_field(b, pt, "y", "Float!", NULL);
    iv = tc_gql_builder_add_input_field(b, pt, "label", "String", NULL);
    tc_gql_builder_set_default(b, iv, tc_gql_value_string(a, "", 0));
    static const tc_gql_location where[] = {TC_GQL_LOC_FIELD, TC_GQL_LOC_FRAGMENT_SPREAD};
    tc_gql_directive *d = tc_gql_builder_add_directive(b, "tag", NULL, true, where, 2);
    tc_gql_builder_add_directive_arg(b, d, "name", "String!", NULL);
    tc_err e;
    tc_gql_schema *s = tc_gql_builder_build(b, &e);
    if (!s)
        fail_msg("the spec schema does not build: %s", e.message);
    return s;
}

typedef struct row {
    const char *rule;
    const char *doc;
    const char *want; /* "line:column ... message\n" per error */
} row;

static const row rows[] = {
    {"UniqueOperationNames",
     "query getDogName { dog { name } }\n"
     "query getOwnerName { dog { owner { name } } }",
     ""},
    {"UniqueOperationNames",
     "query getName { dog { name } }\n"
     "query getName { dog { owner { name } } }",
     "1:7 2:7 There can be only one operation named \"getName\".\n"},
    {"UniqueOperationNames",
     "query dogOperation { dog { name } }\n"
     "mutation dogOperation { mutateDog { id } }",
     "1:7 2:10 There can be only one operation named \"dogOperation\".\n"},
    {"LoneAnonymousOperation", "{ dog { name } }", ""},
    {"LoneAnonymousOperation",
     "{ dog { name } }\n"
     "query getName { dog { owner { name } } }",
     "1:1 This anonymous operation must be the only defined operation.\n"},
    {"SingleFieldSubscriptions", "subscription sub { newMessage { body sender } }", ""},
    {"SingleFieldSubscriptions",
     "subscription sub { ...newMessageFields }\n"
     "fragment newMessageFields on Subscription { newMessage { body sender } }",
     ""},
    {"SingleFieldSubscriptions",
     "subscription sub { newMessage { body sender } disallowedSecondRootField }",
     "1:47 Subscription \"sub\" must select only one top level field.\n"},
    {"SingleFieldSubscriptions",
     "subscription sub { ...multipleSubscriptions }\n"
     "fragment multipleSubscriptions on Subscription { newMessage { body sender } "
     "disallowedSecondRootField }",
     "2:77 Subscription \"sub\" must select only one top level field.\n"},
    {"SingleFieldSubscriptions", "subscription sub { newMessage { body sender } __typename }",
     "1:47 Subscription \"sub\" must select only one top level field.\n"
     "1:47 Subscription \"sub\" must not select an introspection top level field.\n"},
    {"SingleFieldSubscriptions", "subscription { __typename }",
     "1:16 Anonymous Subscription must not select an introspection top level field.\n"},
    {"SingleFieldSubscriptions",
     "subscription { newMessage { body } disallowedSecondRootField @skip(if: true) }", ""},
    {"SingleFieldSubscriptions",
     "subscription { newMessage { body } ... on Subscription @include(if: false) { "
     "disallowedSecondRootField } }",
     ""},
    {"SingleFieldSubscriptions",
     "subscription ($s: Boolean!) { newMessage { body } x: newMessage @skip(if: $s) { body } }",
     "1:75 Argument \"if\" of required type \"Boolean!\" was provided the variable \"$s\" which "
     "was not provided a runtime value.\n"},
    {"SingleFieldSubscriptions",
     "subscription { newMessage { body } ...F @include(if: 1) }\n"
     "fragment F on Subscription { disallowedSecondRootField }",
     "1:54 Argument \"if\" has invalid value 1.\n"},
    {"FieldsOnCorrectType",
     "{ dog { ...fieldNotDefined ...aliasedLyingFieldTargetNotDefined } }\n"
     "fragment fieldNotDefined on Dog { meowVolume }\n"
     "fragment aliasedLyingFieldTargetNotDefined on Dog { barkVolume: kawVolume }",
     "2:35 Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?\n"
     "3:53 Cannot query field \"kawVolume\" on type \"Dog\". Did you mean \"barkVolume\"?\n"},
    {"FieldsOnCorrectType",
     "{ dog { ...interfaceFieldSelection } }\n"
     "fragment interfaceFieldSelection on Pet { name }",
     ""},
    {"FieldsOnCorrectType",
     "{ dog { ...definedOnImplementorsButNotInterface } }\n"
     "fragment definedOnImplementorsButNotInterface on Pet { nickname }",
     "2:56 Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment "
     "on \"Cat\" or \"Dog\"?\n"},
    {"FieldsOnCorrectType",
     "{ dog { ...inDirectFieldSelectionOnUnion } }\n"
     "fragment inDirectFieldSelectionOnUnion on CatOrDog { __typename ... on Pet { name } ... on "
     "Dog { barkVolume } }",
     ""},
    {"FieldsOnCorrectType",
     "{ dog { ...directFieldSelectionOnUnion } }\n"
     "fragment directFieldSelectionOnUnion on CatOrDog { directField }",
     "2:52 Cannot query field \"directField\" on type \"CatOrDog\".\n"},
    {"FieldsOnCorrectType", "{ catOrDog { name } human { pets { meowVolume } } }",
     "1:14 Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline "
     "fragment on \"Pet\", \"Cat\", or \"Dog\"?\n"
     "1:36 Cannot query field \"meowVolume\" on type \"Pet\". Did you mean to use an inline "
     "fragment on \"Cat\"?\n"},
    {"OverlappingFieldsCanBeMerged",
     "{ dog { ...mergeIdenticalFields ...mergeIdenticalAliasesAndFields } }\n"
     "fragment mergeIdenticalFields on Dog { name name }\n"
     "fragment mergeIdenticalAliasesAndFields on Dog { otherName: name otherName: name }",
     ""},
    {"OverlappingFieldsCanBeMerged",
     "{ dog { ...conflictingBecauseAlias } }\n"
     "fragment conflictingBecauseAlias on Dog { name: nickname name }",
     "2:43 2:58 Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. "
     "Use different aliases on the fields to fetch both if this was intentional.\n"},
    {"OverlappingFieldsCanBeMerged",
     "query ($dogCommand: DogCommand!) { dog { ...mergeIdenticalFieldsWithIdenticalArgs "
     "...mergeIdenticalFieldsWithIdenticalValues } }\n"
     "fragment mergeIdenticalFieldsWithIdenticalArgs on Dog { doesKnowCommand(dogCommand: SIT) "
     "doesKnowCommand(dogCommand: SIT) }\n"
     "fragment mergeIdenticalFieldsWithIdenticalValues on Dog { doesKnowCommand(dogCommand: "
     "$dogCommand) doesKnowCommand(dogCommand: $dogCommand) }",
     "2:57 3:59 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:57 3:100 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:90 3:59 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:90 3:100 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"},
    {"OverlappingFieldsCanBeMerged",
     "query ($dogCommand: DogCommand!, $varOne: DogCommand!, $varTwo: DogCommand!) { dog { "
     "...conflictingArgsOnValues ...conflictingArgsValueAndVar ...conflictingArgsWithVars "
     "...differingArgs } }\n"
     "fragment conflictingArgsOnValues on Dog { doesKnowCommand(dogCommand: SIT) "
     "doesKnowCommand(dogCommand: HEEL) }\n"
     "fragment conflictingArgsValueAndVar on Dog { doesKnowCommand(dogCommand: SIT) "
     "doesKnowCommand(dogCommand: $dogCommand) }\n"
     "fragment conflictingArgsWithVars on Dog { doesKnowCommand(dogCommand: $varOne) "
     "doesKnowCommand(dogCommand: $varTwo) }\n"
     "fragment differingArgs on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand }",
     "2:43 3:79 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:76 3:46 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:76 3:79 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:43 4:43 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:43 4:80 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:76 4:43 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:76 4:80 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:43 5:66 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:76 5:33 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:76 5:66 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "3:46 4:43 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "3:46 4:80 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "3:79 4:43 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "3:79 4:80 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "3:46 5:66 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "3:79 5:33 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "3:79 5:66 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "4:43 5:33 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "4:43 5:66 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "4:80 5:33 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "4:80 5:66 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "2:43 2:76 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "3:46 3:79 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "4:43 4:80 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "5:33 5:66 Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"
     "5:66 Field \"doesKnowCommand\" argument \"dogCommand\" of type \"DogCommand!\" is required, "
     "but it was not provided.\n"},
    {"OverlappingFieldsCanBeMerged",
     "{ pet { ...safeDifferingFields ...safeDifferingArgs } }\n"
     "fragment safeDifferingFields on Pet { ... on Dog { volume: barkVolume } ... on Cat { volume: "
     "meowVolume } }\n"
     "fragment safeDifferingArgs on Pet { ... on Dog { doesKnowCommand(dogCommand: SIT) } ... on "
     "Cat { doesKnowCommand(catCommand: JUMP) } }",
     ""},
    {"OverlappingFieldsCanBeMerged",
     "{ pet { ...conflictingDifferingResponses } }\n"
     "fragment conflictingDifferingResponses on Pet { ... on Dog { someValue: nickname } ... on "
     "Cat { someValue: meowVolume } }",
     "2:62 2:97 Fields \"someValue\" conflict because they return conflicting types \"String\" and "
     "\"Int\". Use different aliases on the fields to fetch both if this was intentional.\n"},
    {"OverlappingFieldsCanBeMerged",
     "{ dog { owner { name } } dog { owner { n: name name: pets { name } } } }",
     "1:3 1:9 1:17 1:26 1:32 1:48 Fields \"dog\" conflict because subfields \"owner\" conflict "
     "because subfields \"name\" conflict because \"name\" and \"pets\" are different fields. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"},
    {"OverlappingFieldsCanBeMerged",
     "{ dog { ...A } dog { ...B } }\n"
     "fragment A on Dog { x: name owner { name } }\n"
     "fragment B on Dog { x: nickname owner { name: pets { name } } }",
     "1:3 2:21 2:29 2:37 1:16 3:21 3:33 3:41 Fields \"dog\" conflict because subfields \"x\" "
     "conflict because \"name\" and \"nickname\" are different fields and subfields \"owner\" "
     "conflict because subfields \"name\" conflict because \"name\" and \"pets\" are different "
     "fields. Use different aliases on the fields to fetch both if this was intentional.\n"},
    {"OverlappingFieldsCanBeMerged",
     "{ distance(from: {x: 1, y: 2}) distance(from: {y: 2, x: 1}) d: distance(from: {x: 1, y: 2}) "
     "d: distance(from: {x: 1.0, y: 2}) }",
     "1:61 1:93 Fields \"d\" conflict because they have differing arguments. Use different aliases "
     "on the fields to fetch both if this was intentional.\n"},
    {"ScalarLeafs",
     "{ dog { ...scalarSelection } }\n"
     "fragment scalarSelection on Dog { barkVolume }",
     ""},
    {"ScalarLeafs",
     "{ dog { ...scalarSelectionsNotAllowedOnInt } }\n"
     "fragment scalarSelectionsNotAllowedOnInt on Dog { barkVolume { sinceWhen } }",
     "2:62 Field \"barkVolume\" must not have a selection since type \"Int\" has no subfields.\n"},
    {"ScalarLeafs",
     "query directQueryOnObjectWithoutSubFields { human }\n"
     "query directQueryOnInterfaceWithoutSubFields { pet }\n"
     "query directQueryOnUnionWithoutSubFields { catOrDog }",
     "1:45 Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean "
     "\"human { ... }\"?\n"
     "2:48 Field \"pet\" of type \"Pet\" must have a selection of subfields. Did you mean \"pet { "
     "... }\"?\n"
     "3:44 Field \"catOrDog\" of type \"CatOrDog\" must have a selection of subfields. Did you "
     "mean \"catOrDog { ... }\"?\n"},
    {"KnownArgumentNames",
     "{ dog { ...argOnRequiredArg ...argOnOptional } }\n"
     "fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) }\n"
     "fragment argOnOptional on Dog { isHouseTrained(atOtherHomes: true) @include(if: true) }",
     ""},
    {"KnownArgumentNames",
     "{ dog { ...invalidArgName ...invalidArgName2 } }\n"
     "fragment invalidArgName on Dog { doesKnowCommand(command: CLEAN_UP_HOUSE) }\n"
     "fragment invalidArgName2 on Dog { isHouseTrained(atOtherHomes: true) @include(unless: false) "
     "}",
     "2:50 Unknown argument \"command\" on field \"Dog.doesKnowCommand\". Did you mean "
     "\"dogCommand\"?\n"
     "2:34 Field \"doesKnowCommand\" argument \"dogCommand\" of type \"DogCommand!\" is required, "
     "but it was not provided.\n"
     "3:79 Unknown argument \"unless\" on directive \"@include\".\n"
     "3:70 Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not "
     "provided.\n"},
    {"KnownArgumentNames",
     "{ arguments { ...multipleArgs ...multipleArgsReverseOrder } }\n"
     "fragment multipleArgs on Arguments { multipleRequirements(x: 1, y: 2) }\n"
     "fragment multipleArgsReverseOrder on Arguments { multipleRequirements(y: 2, x: 1) }",
     ""},
    {"KnownArgumentNames",
     "{ dog { doesKnowCommand(dogcommand: SIT, dogCommand: SIT) name @include(If: true, if: true) "
     "} }",
     "1:25 Unknown argument \"dogcommand\" on field \"Dog.doesKnowCommand\". Did you mean "
     "\"dogCommand\"?\n"
     "1:73 Unknown argument \"If\" on directive \"@include\". Did you mean \"if\"?\n"},
    {"UniqueArgumentNames",
     "{ dog { doesKnowCommand(dogCommand: SIT, dogCommand: HEEL, dogCommand: SIT) name @skip(if: "
     "true, if: false) } }",
     "1:25 1:42 1:60 There can be only one argument named \"dogCommand\".\n"
     "1:88 1:98 There can be only one argument named \"if\".\n"},
    {"ProvidedRequiredArguments",
     "{ arguments { ...goodBooleanArg ...goodNonNullArg ...goodBooleanArgDefault } }\n"
     "fragment goodBooleanArg on Arguments { booleanArgField(booleanArg: true) }\n"
     "fragment goodNonNullArg on Arguments { nonNullBooleanArgField(nonNullBooleanArg: true) }\n"
     "fragment goodBooleanArgDefault on Arguments { booleanArgField }",
     "2:40 4:47 Fields \"booleanArgField\" conflict because they have differing arguments. Use "
     "different aliases on the fields to fetch both if this was intentional.\n"},
    {"ProvidedRequiredArguments",
     "{ arguments { ...missingRequiredArg ...missingRequiredArg2 } }\n"
     "fragment missingRequiredArg on Arguments { nonNullBooleanArgField }\n"
     "fragment missingRequiredArg2 on Arguments { nonNullBooleanArgField(nonNullBooleanArg: null) "
     "}",
     "2:44 3:45 Fields \"nonNullBooleanArgField\" conflict because they have differing arguments. "
     "Use different aliases on the fields to fetch both if this was intentional.\n"
     "2:44 Field \"nonNullBooleanArgField\" argument \"nonNullBooleanArg\" of type \"Boolean!\" is "
     "required, but it was not provided.\n"
     "3:87 Expected value of type \"Boolean!\", found null.\n"},
    {"ProvidedRequiredArguments",
     "{ arguments { multipleRequirements optionalNonNullBooleanArgField } dog { name @include name "
     "@tag } }",
     "1:15 Field \"multipleRequirements\" argument \"x\" of type \"Int!\" is required, but it was "
     "not provided.\n"
     "1:15 Field \"multipleRequirements\" argument \"y\" of type \"Int!\" is required, but it was "
     "not provided.\n"
     "1:80 Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not "
     "provided.\n"
     "1:94 Directive \"@tag\" argument \"name\" of type \"String!\" is required, but it was not "
     "provided.\n"},
    {"UniqueFragmentNames",
     "{ dog { ...fragmentOne ...fragmentTwo } }\n"
     "fragment fragmentOne on Dog { name }\n"
     "fragment fragmentTwo on Dog { owner { name } }",
     ""},
    {"UniqueFragmentNames",
     "{ dog { ...fragmentOne } }\n"
     "fragment fragmentOne on Dog { name }\n"
     "fragment fragmentOne on Dog { owner { name } }",
     "2:10 3:10 There can be only one fragment named \"fragmentOne\".\n"},
    {"KnownTypeNames",
     "{ dog { ...correctType ...inlineFragment ...inlineFragment2 } }\n"
     "fragment correctType on Dog { name }\n"
     "fragment inlineFragment on Dog { ... on Dog { name } }\n"
     "fragment inlineFragment2 on Dog { ... @include(if: true) { name } }",
     ""},
    {"KnownTypeNames",
     "{ dog { ...notOnExistingType ...inlineNotExistingType } }\n"
     "fragment notOnExistingType on NotInSchema { name }\n"
     "fragment inlineNotExistingType on Dog { ... on NotInSchema { name } }",
     "2:31 Unknown type \"NotInSchema\". Did you mean \"__Schema\"?\n"
     "3:48 Unknown type \"NotInSchema\". Did you mean \"__Schema\"?\n"},
    {"KnownTypeNames",
     "query ($a: Boolen, $b: [Strin!]!, $c: Float, $d: DogComand) { dog { name } }",
     "1:12 Unknown type \"Boolen\". Did you mean \"Boolean\"?\n"
     "1:25 Unknown type \"Strin\". Did you mean \"String\"?\n"
     "1:50 Unknown type \"DogComand\". Did you mean \"DogCommand\" or \"CatCommand\"?\n"
     "1:8 Variable \"$a\" is never used.\n"
     "1:20 Variable \"$b\" is never used.\n"
     "1:35 Variable \"$c\" is never used.\n"
     "1:46 Variable \"$d\" is never used.\n"},
    {"FragmentsOnCompositeTypes",
     "{ dog { ...fragOnObject ...fragOnInterface ...fragOnUnion } }\n"
     "fragment fragOnObject on Dog { name }\n"
     "fragment fragOnInterface on Pet { name }\n"
     "fragment fragOnUnion on CatOrDog { ... on Dog { name } }",
     ""},
    {"FragmentsOnCompositeTypes",
     "{ dog { ...fragOnScalar ...inlineFragOnScalar } }\n"
     "fragment fragOnScalar on Int { something }\n"
     "fragment inlineFragOnScalar on Dog { ... on Boolean { somethingElse } }",
     "2:26 Fragment \"fragOnScalar\" cannot condition on non composite type \"Int\".\n"
     "3:45 Fragment cannot condition on non composite type \"Boolean\".\n"},
    {"NoUnusedFragments",
     "fragment nameFragment on Dog { name }\n"
     "{ dog { name } }",
     "1:1 Fragment \"nameFragment\" is never used.\n"},
    {"KnownFragmentNames", "{ dog { ...undefinedFragment } }",
     "1:12 Unknown fragment \"undefinedFragment\".\n"},
    {"NoFragmentCycles",
     "{ dog { ...nameFragment } }\n"
     "fragment nameFragment on Dog { name ...barkVolumeFragment }\n"
     "fragment barkVolumeFragment on Dog { barkVolume ...nameFragment }",
     "2:37 3:49 Cannot spread fragment \"nameFragment\" within itself via "
     "\"barkVolumeFragment\".\n"},
    {"NoFragmentCycles",
     "{ dog { ...dogFragment } }\n"
     "fragment dogFragment on Dog { name owner { ...ownerFragment } }\n"
     "fragment ownerFragment on Human { name pets { ...dogFragment } }",
     "2:44 3:47 Cannot spread fragment \"dogFragment\" within itself via \"ownerFragment\".\n"},
    {"NoFragmentCycles",
     "{ dog { ...A } }\n"
     "fragment A on Dog { ...A ...B }\n"
     "fragment B on Dog { ...C }\n"
     "fragment C on Dog { ...A ...B }",
     "2:21 Cannot spread fragment \"A\" within itself.\n"
     "2:26 3:21 4:21 Cannot spread fragment \"A\" within itself via \"B\", \"C\".\n"
     "3:21 4:26 Cannot spread fragment \"B\" within itself via \"C\".\n"},
    {"PossibleFragmentSpreads",
     "{ dog { ...dogFragment ...catInDogFragmentInvalid } }\n"
     "fragment dogFragment on Dog { ... on Dog { barkVolume } }\n"
     "fragment catInDogFragmentInvalid on Dog { ... on Cat { meowVolume } }",
     "3:43 Fragment cannot be spread here as objects of type \"Dog\" can never be of type "
     "\"Cat\".\n"},
    {"PossibleFragmentSpreads",
     "{ dog { ...interfaceWithinObjectFragment ...unionWithObjectFragment } }\n"
     "fragment petNameFragment on Pet { name }\n"
     "fragment interfaceWithinObjectFragment on Dog { ...petNameFragment }\n"
     "fragment catOrDogNameFragment on CatOrDog { ... on Cat { meowVolume } }\n"
     "fragment unionWithObjectFragment on Dog { ...catOrDogNameFragment }",
     ""},
    {"PossibleFragmentSpreads",
     "{ pet { ...petFragment } catOrDog { ...catOrDogFragment } }\n"
     "fragment petFragment on Pet { name ... on Dog { barkVolume } }\n"
     "fragment catOrDogFragment on CatOrDog { ... on Cat { meowVolume } }",
     ""},
    {"PossibleFragmentSpreads",
     "{ human { ...sentientFragment } }\n"
     "fragment sentientFragment on Sentient { ... on Dog { barkVolume } }\n"
     "fragment humanOrAlienFragment on HumanOrAlien { ... on Cat { meowVolume } }",
     "2:41 Fragment cannot be spread here as objects of type \"Sentient\" can never be of type "
     "\"Dog\".\n"
     "3:49 Fragment cannot be spread here as objects of type \"HumanOrAlien\" can never be of type "
     "\"Cat\".\n"
     "3:1 Fragment \"humanOrAlienFragment\" is never used.\n"},
    {"PossibleFragmentSpreads",
     "{ pet { ...unionWithInterface } }\n"
     "fragment unionWithInterface on Pet { ...dogOrHumanFragment }\n"
     "fragment dogOrHumanFragment on DogOrHuman { ... on Dog { barkVolume } }",
     ""},
    {"PossibleFragmentSpreads",
     "{ pet { ...nonIntersectingInterfaces } }\n"
     "fragment nonIntersectingInterfaces on Pet { ...sentientFragment }\n"
     "fragment sentientFragment on Sentient { name }",
     "2:45 Fragment \"sentientFragment\" cannot be spread here as objects of type \"Pet\" can "
     "never be of type \"Sentient\".\n"},
    {"ValuesOfCorrectType",
     "query goodComplexDefaultValue($search: ComplexInput = { name: \"Fido\" }) { findDog(complex: "
     "$search) { name } arguments { ...goodBooleanArg ...coercedIntIntoFloatArg } }\n"
     "fragment goodBooleanArg on Arguments { booleanArgField(booleanArg: true) }\n"
     "fragment coercedIntIntoFloatArg on Arguments { floatArgField(floatArg: 123) }",
     ""},
    {"ValuesOfCorrectType",
     "query badComplexValue { findDog(complex: { name: 123 }) { name } arguments { "
     "...stringIntoInt } }\n"
     "fragment stringIntoInt on Arguments { intArgField(intArg: \"123\") }",
     "1:50 String cannot represent a non string value: 123\n"
     "2:59 Int cannot represent non-integer value: \"123\"\n"},
    {"ValuesOfCorrectType",
     "{ arguments { intArgField(intArg: 2147483648) floatArgField(floatArg: true) "
     "booleanArgField(booleanArg: \"true\") booleanListArgField(booleanListArg: [true, 1, null]) } "
     "dog { doesKnowCommand(dogCommand: \"SIT\") isHouseTrained(atOtherHomes: [true]) } }",
     "1:35 Int cannot represent non 32-bit signed integer value: 2147483648\n"
     "1:71 Float cannot represent non numeric value: true\n"
     "1:105 Boolean cannot represent a non boolean value: \"true\"\n"
     "1:156 Boolean cannot represent a non boolean value: 1\n"
     "1:202 Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the enum "
     "value \"SIT\"?\n"
     "1:238 Boolean cannot represent a non boolean value: [true]\n"},
    {"ValuesOfCorrectType",
     "{ dog { doesKnowCommand(dogCommand: sit) owner { name } } d2: dog { "
     "doesKnowCommand(dogCommand: JUMP) } findDog(complex: [{ name: \"x\" }]) { name } }",
     "1:37 Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value "
     "\"SIT\"?\n"
     "1:97 Value \"JUMP\" does not exist in \"DogCommand\" enum.\n"
     "1:122 Expected value of type \"ComplexInput\", found [{name: \"x\"}].\n"},
    {"ValuesOfCorrectType",
     "query ($a: Int = 1.5, $b: DogCommand = HEEL, $c: [Boolean!] = [true, null], $d: ComplexInput "
     "= \"x\") { dog { name } }",
     "1:18 Int cannot represent non-integer value: 1.5\n"
     "1:70 Expected value of type \"Boolean!\", found null.\n"
     "1:96 Expected value of type \"ComplexInput\", found \"x\".\n"
     "1:8 Variable \"$a\" is never used.\n"
     "1:23 Variable \"$b\" is never used.\n"
     "1:46 Variable \"$c\" is never used.\n"
     "1:77 Variable \"$d\" is never used.\n"},
    {"ValuesOfCorrectType", "{ findDog(complex: { name: \"Fido\" }) { name } }", ""},
    {"ValuesOfCorrectType", "{ findDog(complex: { favoriteCookieFlavor: \"Bacon\" }) { name } }",
     "1:22 Field \"favoriteCookieFlavor\" is not defined by type \"ComplexInput\".\n"},
    {"ValuesOfCorrectType", "{ findDog(complex: { nam: \"Fido\", Owner: \"Ada\" }) { name } }",
     "1:22 Field \"nam\" is not defined by type \"ComplexInput\". Did you mean \"name\"?\n"
     "1:35 Field \"Owner\" is not defined by type \"ComplexInput\". Did you mean \"owner\"?\n"},
    {"UniqueInputFieldNames",
     "{ findDog(complex: { name: \"A\", name: \"B\", owner: \"C\", name: \"D\" }) { name } }",
     "1:22 1:33 There can be only one input field named \"name\".\n"
     "1:22 1:56 There can be only one input field named \"name\".\n"},
    {"ValuesOfCorrectType",
     "{ a: distance(from: {x: 1}) b: distance(from: {}, to: {x: 1, y: null}) c: distance(from: {x: "
     "1, y: 2, label: null}) }",
     "1:21 Field \"Point.y\" of required type \"Float!\" was not provided.\n"
     "1:47 Field \"Point.x\" of required type \"Float!\" was not provided.\n"
     "1:47 Field \"Point.y\" of required type \"Float!\" was not provided.\n"
     "1:65 Expected value of type \"Float!\", found null.\n"},
    {"KnownDirectives", "{ dog { name @unknown barkVolume @skip(if: true) } }",
     "1:14 Unknown directive \"@unknown\".\n"},
    {"KnownDirectives", "query ($foo: Boolean = true) @skip(if: $foo) { dog { name } }",
     "1:30 Directive \"@skip\" may not be used on QUERY.\n"},
    {"KnownDirectives",
     "query ($foo: Boolean = true @include(if: true)) { dog { ...F @tag(name: \"a\") name "
     "@deprecated } }\n"
     "fragment F on Dog @tag(name: \"b\") { name }",
     "1:29 Directive \"@include\" may not be used on VARIABLE_DEFINITION.\n"
     "1:83 Directive \"@deprecated\" may not be used on FIELD.\n"
     "1:8 Variable \"$foo\" is never used.\n"
     "2:19 Directive \"@tag\" may not be used on FRAGMENT_DEFINITION.\n"},
    {"UniqueDirectivesPerLocation",
     "query ($foo: Boolean = true, $bar: Boolean = false) { dog @skip(if: $foo) @skip(if: $bar) { "
     "name } }",
     "1:59 1:75 The directive \"@skip\" can only be used once at this location.\n"},
    {"UniqueDirectivesPerLocation",
     "query ($foo: Boolean = true, $bar: Boolean = false) { dog @skip(if: $foo) { name } dog "
     "@skip(if: $bar) { nickname } }",
     ""},
    {"UniqueDirectivesPerLocation",
     "{ dog { name @tag(name: \"a\") @tag(name: \"b\") @include(if: true) @include(if: true) "
     "@include(if: true) } }",
     "1:46 1:65 The directive \"@include\" can only be used once at this location.\n"
     "1:46 1:84 The directive \"@include\" can only be used once at this location.\n"},
    {"UniqueVariableNames",
     "query houseTrainedQuery($atOtherHomes: Boolean, $atOtherHomes: Boolean) { dog { "
     "isHouseTrained(atOtherHomes: $atOtherHomes) } }",
     "1:26 1:50 There can be only one variable named \"$atOtherHomes\".\n"},
    {"UniqueVariableNames",
     "query A($atOtherHomes: Boolean) { ...HouseTrainedFragment }\n"
     "query B($atOtherHomes: Boolean) { ...HouseTrainedFragment }\n"
     "fragment HouseTrainedFragment on Query { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } "
     "}",
     ""},
    {"VariablesAreInputTypes",
     "query takesBoolean($atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: "
     "$atOtherHomes) } }\n"
     "query takesComplexInput($complexInput: ComplexInput) { findDog(complex: $complexInput) { "
     "name } }\n"
     "query TakesListOfBooleanBang($booleans: [Boolean!]) { booleanList(booleanListArg: $booleans) "
     "}",
     ""},
    {"VariablesAreInputTypes",
     "query takesCat($cat: Cat) { dog { name } }\n"
     "query takesDogBang($dog: Dog!) { dog { name } }\n"
     "query takesListOfPet($pets: [Pet]) { dog { name } }\n"
     "query takesCatOrDog($catOrDog: CatOrDog) { dog { name } }",
     "1:22 Variable \"$cat\" cannot be non-input type \"Cat\".\n"
     "1:16 Variable \"$cat\" is never used in operation \"takesCat\".\n"
     "2:26 Variable \"$dog\" cannot be non-input type \"Dog!\".\n"
     "2:20 Variable \"$dog\" is never used in operation \"takesDogBang\".\n"
     "3:29 Variable \"$pets\" cannot be non-input type \"[Pet]\".\n"
     "3:22 Variable \"$pets\" is never used in operation \"takesListOfPet\".\n"
     "4:32 Variable \"$catOrDog\" cannot be non-input type \"CatOrDog\".\n"
     "4:21 Variable \"$catOrDog\" is never used in operation \"takesCatOrDog\".\n"},
    {"NoUndefinedVariables",
     "query variableIsDefined($atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: "
     "$atOtherHomes) } }",
     ""},
    {"NoUndefinedVariables",
     "query variableIsNotDefined { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }",
     "1:65 1:1 Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefined\".\n"},
    {"NoUndefinedVariables",
     "query variableIsDefinedUsedInSingleFragment($atOtherHomes: Boolean) { dog { "
     "...isHouseTrainedFragment } }\n"
     "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
     ""},
    {"NoUndefinedVariables",
     "query variableIsNotDefinedUsedInSingleFragment { dog { ...isHouseTrainedFragment } }\n"
     "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
     "2:71 1:1 Variable \"$atOtherHomes\" is not defined by operation "
     "\"variableIsNotDefinedUsedInSingleFragment\".\n"},
    {"NoUndefinedVariables",
     "query variableIsNotDefinedUsedInNestedFragment { dog { ...outerHouseTrainedFragment } }\n"
     "fragment outerHouseTrainedFragment on Dog { ...isHouseTrainedFragment }\n"
     "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
     "3:71 1:1 Variable \"$atOtherHomes\" is not defined by operation "
     "\"variableIsNotDefinedUsedInNestedFragment\".\n"},
    {"NoUndefinedVariables",
     "query housetrainedQueryOne($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
     "query housetrainedQueryTwo($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
     "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
     ""},
    {"NoUndefinedVariables",
     "query housetrainedQueryOne($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
     "query housetrainedQueryTwoNotDefined { dog { ...isHouseTrainedFragment } }\n"
     "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
     "3:71 2:1 Variable \"$atOtherHomes\" is not defined by operation "
     "\"housetrainedQueryTwoNotDefined\".\n"},
    {"NoUndefinedVariables",
     "{ dog { isHouseTrained(atOtherHomes: $a) d: isHouseTrained(atOtherHomes: $a) name @skip(if: "
     "$b) } }",
     "1:38 1:1 Variable \"$a\" is not defined.\n"
     "1:74 1:1 Variable \"$a\" is not defined.\n"
     "1:93 1:1 Variable \"$b\" is not defined.\n"},
    {"NoUnusedVariables", "query variableUnused($atOtherHomes: Boolean) { dog { isHouseTrained } }",
     "1:22 Variable \"$atOtherHomes\" is never used in operation \"variableUnused\".\n"},
    {"NoUnusedVariables",
     "query variableUsedInFragment($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
     "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
     ""},
    {"NoUnusedVariables",
     "query variableNotUsedWithinFragment($atOtherHomes: Boolean) { dog { "
     "...isHouseTrainedWithoutVariableFragment } }\n"
     "fragment isHouseTrainedWithoutVariableFragment on Dog { isHouseTrained }",
     "1:37 Variable \"$atOtherHomes\" is never used in operation "
     "\"variableNotUsedWithinFragment\".\n"},
    {"NoUnusedVariables",
     "query queryWithUsedVar($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
     "query queryWithExtraVar($atOtherHomes: Boolean, $extra: Int) { dog { "
     "...isHouseTrainedFragment } }\n"
     "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
     "2:49 Variable \"$extra\" is never used in operation \"queryWithExtraVar\".\n"},
    {"NoUnusedVariables", "query ($a: Int, $b: Int) { dog { name } }",
     "1:8 Variable \"$a\" is never used.\n"
     "1:17 Variable \"$b\" is never used.\n"},
    {"VariablesInAllowedPosition",
     "query intCannotGoIntoBoolean($intArg: Int) { arguments { booleanArgField(booleanArg: "
     "$intArg) } }",
     "1:30 1:86 Variable \"$intArg\" of type \"Int\" used in position expecting type "
     "\"Boolean\".\n"},
    {"VariablesInAllowedPosition",
     "query booleanListCannotGoIntoBoolean($booleanListArg: [Boolean]) { arguments { "
     "booleanArgField(booleanArg: $booleanListArg) } }",
     "1:38 1:108 Variable \"$booleanListArg\" of type \"[Boolean]\" used in position expecting "
     "type \"Boolean\".\n"},
    {"VariablesInAllowedPosition",
     "query booleanArgQuery($booleanArg: Boolean) { arguments { "
     "nonNullBooleanArgField(nonNullBooleanArg: $booleanArg) } }",
     "1:23 1:101 Variable \"$booleanArg\" of type \"Boolean\" used in position expecting type "
     "\"Boolean!\".\n"},
    {"VariablesInAllowedPosition",
     "query nonNullListToList($nonNullBooleanList: [Boolean]!) { arguments { "
     "booleanListArgField(booleanListArg: $nonNullBooleanList) } }",
     ""},
    {"VariablesInAllowedPosition",
     "query listToNonNullList($booleanList: [Boolean]) { arguments { "
     "nonNullBooleanListField(nonNullBooleanListArg: $booleanList) } }",
     "1:25 1:111 Variable \"$booleanList\" of type \"[Boolean]\" used in position expecting type "
     "\"[Boolean]!\".\n"},
    {"VariablesInAllowedPosition",
     "query booleanArgQueryWithDefault($booleanArg: Boolean) { arguments { "
     "optionalNonNullBooleanArgField(optionalBooleanArg: $booleanArg) } }",
     ""},
    {"VariablesInAllowedPosition",
     "query booleanArgQueryWithDefault($booleanArg: Boolean = true) { arguments { "
     "nonNullBooleanArgField(nonNullBooleanArg: $booleanArg) } }",
     ""},
    {"VariablesInAllowedPosition",
     "query ($b: Boolean, $x: Float, $p: Point) { dog { name @include(if: $b) } distance(from: {x: "
     "$x, y: 1}, to: $p) booleanList(booleanListArg: [$b]) }",
     "1:8 1:69 Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".\n"
     "1:21 1:94 Variable \"$x\" of type \"Float\" used in position expecting type \"Float!\".\n"
     "1:8 1:142 Variable \"$b\" of type \"Boolean\" used in position expecting type "
     "\"Boolean!\".\n"},
    {"(order)",
     "query Q($a: Int, $a: DogCommand) { dog @skip { doesKnowCommand(dogCommand: $a, dogCommand: "
     "SIT, x: 1) { y } ...F } }\n"
     "fragment F on Cat { meowVolume }",
     "1:10 1:19 There can be only one variable named \"$a\".\n"
     "1:40 Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not "
     "provided.\n"
     "1:103 Field \"doesKnowCommand\" must not have a selection since type \"Boolean!\" has no "
     "subfields.\n"
     "1:64 1:80 There can be only one argument named \"dogCommand\".\n"
     "1:97 Unknown argument \"x\" on field \"Dog.doesKnowCommand\".\n"
     "1:109 Fragment \"F\" cannot be spread here as objects of type \"Dog\" can never be of type "
     "\"Cat\".\n"
     "1:18 1:76 Variable \"$a\" of type \"DogCommand\" used in position expecting type "
     "\"DogCommand!\".\n"},
};

/* The errors as "line:column ... message\n" lines. */
static void format(const tc_gql_validation *r, tc_buf *out)
{
    tc_buf_reset(out);
    for (size_t i = 0; i < r->n; i++) {
        for (size_t k = 0; k < r->errors[i].nlocations; k++)
            tc_buf_printf(out, "%u:%u ", r->errors[i].locations[k].line,
                          r->errors[i].locations[k].column);
        tc_buf_printf(out, "%s\n", r->errors[i].message);
    }
}

static tc_gql_validation validate(tc_arena *a, const tc_gql_schema *s, const char *doc,
                                  const tc_gql_validate_options *opt)
{
    tc_gql_parse_error err;
    tc_gql_ast_document *d = tc_gql_parse(a, doc, strlen(doc), NULL, &err);
    if (!d)
        fail_msg("does not parse: %s\n%s", err.message, doc);
    tc_gql_validation r;
    size_t n = tc_gql_validate(a, s, d, opt, &r);
    assert_int_equal(n, r.n);
    return r;
}

static void test_spec_examples(void **state)
{
    (void)state;
    tc_gql_schema *s = spec_schema();
    tc_buf got;
    tc_buf_init(&got, 1 << 20);
    int failed = 0;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        tc_arena *a = tc_arena_new(4096);
        tc_gql_validation r = validate(a, s, rows[i].doc, NULL);
        format(&r, &got);
        if (strcmp(tc_buf_cstr(&got), rows[i].want) != 0) {
            print_error("row %zu (%s):\n%s\nwant:\n%sgot:\n%s\n", i, rows[i].rule, rows[i].doc,
                        rows[i].want, tc_buf_cstr(&got));
            failed++;
        }
        tc_arena_free(a);
    }
    tc_buf_fini(&got);
    tc_gql_schema_free(s);
    assert_int_equal(failed, 0);
}

/* graphql-js stops at 100 errors with its abort message (no location). */
static void test_error_limit(void **state)
{
    (void)state;
    tc_gql_schema *s = spec_schema();
    tc_arena *a = tc_arena_new(4096);
    tc_buf doc;
    tc_buf_init(&doc, 1 << 16);
    tc_buf_adds(&doc, "{ dog {");
    for (int i = 0; i < 150; i++)
        tc_buf_printf(&doc, " f%d", i);
    tc_buf_adds(&doc, " } }");
    tc_gql_validation r = validate(a, s, tc_buf_cstr(&doc), NULL);
    assert_int_equal(r.n, 101);
    assert_true(r.aborted);
    assert_string_equal(r.errors[99].message, "Cannot query field \"f99\" on type \"Dog\".");
    assert_string_equal(r.errors[100].message, TC_GQL_VALIDATE_TOO_MANY);
    assert_int_equal(r.errors[100].nlocations, 0);

    tc_gql_validate_options opt = {.max_errors = 3};
    r = validate(a, s, tc_buf_cstr(&doc), &opt);
    assert_int_equal(r.n, 4);
    assert_string_equal(r.errors[3].message, TC_GQL_VALIDATE_TOO_MANY);
    tc_buf_fini(&doc);
    tc_arena_free(a);
    tc_gql_schema_free(s);
}

/* Many copies of the same field with sub-selections: every pair is compared, through every
 * level. Past its budget the overlapping-fields rule gives up on the document with twentyc's
 * message, and the other rules go on. Two chains of fragments spread side by side nest the
 * comparison once per fragment: past the depth bound the same. A fragment cycle makes graphql-js
 * recurse until its stack overflows; twentyc gives up on overlaps and still reports the cycle.
 * Repeated leaf fields cost no budget. Fragments reached per operation have their own budget,
 * past which validation stops. */
static bool has_error(const tc_gql_validation *r, const char *message)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->errors[i].message, message) == 0)
            return true;
    return false;
}

static void test_overlap_budget(void **state)
{
    (void)state;
    tc_gql_schema *s = spec_schema();
    tc_arena *a = tc_arena_new(1 << 16);
    tc_buf doc;
    tc_buf_init(&doc, 1 << 22);
    tc_buf_adds(&doc, "{");
    for (int i = 0; i < 40; i++)
        tc_buf_adds(&doc, " dog { owner { pets { name } } }");
    tc_buf_adds(&doc, " x }");
    tc_gql_validate_options opt = {.max_work = 500};
    tc_gql_validation r = validate(a, s, tc_buf_cstr(&doc), &opt);
    assert_int_equal(r.n, 2);
    assert_false(r.aborted);
    assert_string_equal(r.errors[0].message, TC_GQL_VALIDATE_TOO_COMPLEX_FIELDS);
    assert_int_equal(r.errors[0].nlocations, 0);
    assert_string_equal(r.errors[1].message, "Cannot query field \"x\" on type \"Query\".");
    r = validate(a, s, tc_buf_cstr(&doc), NULL); /* the default budget is enough */
    assert_int_equal(r.n, 1);

    tc_buf_reset(&doc);
    tc_buf_adds(&doc, "{ dog { ...F0 } dog { ...G0 } }\n");
    for (int i = 0; i < 300; i++)
        tc_buf_printf(&doc,
                      "fragment F%d on Dog { owner { pets { ...F%d } } }\n"
                      "fragment G%d on Dog { owner { pets { ...G%d } } }\n",
                      i, i + 1, i, i + 1);
    tc_buf_adds(&doc, "fragment F300 on Dog { name }\nfragment G300 on Dog { name }\n");
    r = validate(a, s, tc_buf_cstr(&doc), NULL);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.errors[0].message, TC_GQL_VALIDATE_TOO_COMPLEX_FIELDS);

    r = validate(a, s, "{ dog { ...F } } fragment F on Dog { owner { ...F name owner { ...F } } }",
                 NULL);
    assert_false(r.aborted);
    assert_true(has_error(&r, TC_GQL_VALIDATE_TOO_COMPLEX_FIELDS));
    assert_true(has_error(&r, "Cannot spread fragment \"F\" within itself."));

    /* one leaf field 5,000 times: twins are not compared pair by pair, so it stays valid */
    tc_buf_reset(&doc);
    tc_buf_adds(&doc, "{ dog {");
    for (int i = 0; i < 5000; i++)
        tc_buf_adds(&doc, " name");
    tc_buf_adds(&doc, " } }");
    r = validate(a, s, tc_buf_cstr(&doc), NULL);
    assert_int_equal(r.n, 0);

    /* operations times the fragments each reaches */
    tc_buf_reset(&doc);
    for (int i = 0; i < 50; i++)
        tc_buf_printf(&doc, "query A%d { ...F0 }\n", i);
    tc_buf_adds(&doc, "fragment F0 on Query {");
    for (int i = 1; i <= 40; i++)
        tc_buf_printf(&doc, " ...F%d", i);
    tc_buf_adds(&doc, " }\n");
    for (int i = 1; i <= 40; i++)
        tc_buf_printf(&doc, "fragment F%d on Query { dog { name } }\n", i);
    r = validate(a, s, tc_buf_cstr(&doc), NULL);
    assert_int_equal(r.n, 0);
    opt.max_work = 1000;
    r = validate(a, s, tc_buf_cstr(&doc), &opt);
    assert_true(r.aborted);
    assert_string_equal(r.errors[r.n - 1].message, TC_GQL_VALIDATE_TOO_COMPLEX);
    tc_buf_fini(&doc);
    tc_arena_free(a);
    tc_gql_schema_free(s);
}

/* Custom scalars accept any literal by default (graphql-js buildSchema); the hook refuses. */
static int only_strings(void *ctx, const tc_gql_type *scalar, const tc_gql_ast_value *lit,
                        const char **detail)
{
    int *calls = ctx;
    (*calls)++;
    if (strcmp(scalar->name, "UUID") != 0 || lit->kind == TC_GQL_AST_STRING)
        return 0;
    if (lit->kind == TC_GQL_AST_INT)
        *detail = "UUID cannot represent a number";
    return -1;
}

static void test_scalar_hook(void **state)
{
    (void)state;
    tc_err e;
    tc_gql_schema *s = tc_gql_testschema_new(&e);
    assert_non_null(s);
    tc_arena *a = tc_arena_new(4096);
    const char *doc =
        "{ a: node(id: 1) { id } b: node(id: true) { id } c: node(id: \"x\") { id } }";
    tc_gql_validation r = validate(a, s, doc, NULL);
    assert_int_equal(r.n, 0);
    int calls = 0;
    tc_gql_validate_options opt = {.scalar_literal = only_strings, .scalar_ctx = &calls};
    r = validate(a, s, doc, &opt);
    assert_int_equal(calls, 3);
    assert_int_equal(r.n, 2);
    assert_string_equal(
        r.errors[0].message,
        "Expected value of type \"UUID!\", found 1; UUID cannot represent a number");
    assert_string_equal(r.errors[1].message, "Expected value of type \"UUID!\", found true.");
    assert_int_equal(r.errors[1].locations[0].line, 1);
    assert_int_equal(r.errors[1].locations[0].column, 37);
    tc_arena_free(a);
    tc_gql_schema_free(s);
}

static void test_json(void **state)
{
    (void)state;
    tc_gql_schema *s = spec_schema();
    tc_arena *a = tc_arena_new(4096);
    tc_gql_validation r =
        validate(a, s, "{ dog { nam } }\nquery A { x } query A { dog { name } }", NULL);
    tc_buf out;
    tc_buf_init(&out, 1 << 16);
    tc_json j;
    tc_json_init(&j, &out);
    tc_gql_validation_write(&j, &r);
    assert_true(tc_json_ok(&j));
    assert_string_equal(
        tc_buf_cstr(&out),
        "[{\"message\":\"This anonymous operation must be the only defined operation.\","
        "\"locations\":[{\"line\":1,\"column\":1}],\"extensions\":{\"code\":"
        "\"GRAPHQL_VALIDATION_FAILED\"}},"
        "{\"message\":\"Cannot query field \\\"nam\\\" on type \\\"Dog\\\". Did you mean "
        "\\\"name\\\"?\",\"locations\":[{\"line\":1,\"column\":9}],\"extensions\":{\"code\":"
        "\"GRAPHQL_VALIDATION_FAILED\"}},"
        "{\"message\":\"Cannot query field \\\"x\\\" on type \\\"Query\\\".\",\"locations\":"
        "[{\"line\":2,\"column\":11}],\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}},"
        "{\"message\":\"There can be only one operation named \\\"A\\\".\",\"locations\":"
        "[{\"line\":2,\"column\":7},{\"line\":2,\"column\":21}],\"extensions\":{\"code\":"
        "\"GRAPHQL_VALIDATION_FAILED\"}}]");
    tc_buf_fini(&out);
    tc_arena_free(a);
    tc_gql_schema_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_examples),  cmocka_unit_test(test_error_limit),
        cmocka_unit_test(test_overlap_budget), cmocka_unit_test(test_scalar_hook),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
