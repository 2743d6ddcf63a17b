/* Unit tests for the GraphQL schema model (graphql/schema.h), the SDL printer (graphql/sdl.h),
 * typed values (graphql/value.h) and the Twenty-shaped test schema (graphql/testschema.h).
 * Expected texts and error messages are graphql-js 16's for the same input (printSchema,
 * validateSchema, JavaScript's Number#toString); tests/api/graphql_schema.test.js compares the
 * whole test schema with graphql-js itself. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "graphql/schema.h"
#include "graphql/sdl.h"
#include "graphql/testschema.h"
#include "graphql/value.h"

#define BIG (1 << 22)

/* ---- Values --------------------------------------------------------------------------------- */

static void test_float_format(void **state)
{
    (void)state;
    /* ECMA-262 Number::toString; each row is what node prints for String(v). */
    static const struct {
        double v;
        const char *text;
    } rows[] = {
        {1.0, "1"},
        {-1.0, "-1"},
        {0.0, "0"},
        {-0.0, "0"},
        {0.1, "0.1"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1.25, "1.25"},
        {100.0, "100"},
        {123456.789, "123456.789"},
        {1e21, "1e+21"},
        {1e20, "100000000000000000000"},
        {123456789012345680000.0, "123456789012345680000"},
        {1.5e300, "1.5e+300"},
        {1e-6, "0.000001"},
        {1.5e-6, "0.0000015"},
        {1e-7, "1e-7"},
        {-2.5e-10, "-2.5e-10"},
        {5e-324, "5e-324"},
        {DBL_MAX, "1.7976931348623157e+308"},
        {2147483647.0, "2147483647"},
        {9007199254740993.0, "9007199254740992"},
        {NAN, "null"},
        {INFINITY, "null"},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        char text[TC_GQL_FLOAT_TEXT_MAX];
        size_t n = tc_gql_value_format_float(rows[i].v, text);
        if (strcmp(text, rows[i].text) != 0)
            print_error("row %zu: %.17g printed %s\n", i, rows[i].v, text);
        assert_string_equal(text, rows[i].text);
        assert_int_equal(n, strlen(rows[i].text));
    }
}

static const tc_gql_value *sample_value(tc_arena *a)
{
    /* {"s": "a\"b\0c", "e": RED, "l": [1, 2.5, null, true], "o": {"x": -7}} */
    tc_gql_value *list = tc_gql_value_list(a, 4);
    list->u.list.items[0] = tc_gql_value_int(a, 1);
    list->u.list.items[1] = tc_gql_value_float(a, 2.5);
    list->u.list.items[2] = tc_gql_value_null(a);
    list->u.list.items[3] = tc_gql_value_bool(a, true);
    tc_gql_value *inner = tc_gql_value_object(a, 1);
    inner->u.obj.fields[0] = (tc_gql_value_field){"x", tc_gql_value_int(a, -7)};
    tc_gql_value *o = tc_gql_value_object(a, 4);
    o->u.obj.fields[0] = (tc_gql_value_field){"s", tc_gql_value_string(a, "a\"b\0c", 5)};
    o->u.obj.fields[1] = (tc_gql_value_field){"e", tc_gql_value_enum(a, "RED", 3)};
    o->u.obj.fields[2] = (tc_gql_value_field){"l", list};
    o->u.obj.fields[3] = (tc_gql_value_field){"o", inner};
    return o;
}

static void test_value_json(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(4096);
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, BIG);
    tc_json_init(&j, &b);
    tc_gql_value_write_json(&j, sample_value(a));
    assert_true(tc_json_ok(&j));
    assert_string_equal(tc_buf_cstr(&b), "{\"s\":\"a\\\"b\\u0000c\",\"e\":\"RED\","
                                         "\"l\":[1,2.5,null,true],\"o\":{\"x\":-7}}");

    /* floats as JSON.stringify writes them; non-finite ones as null */
    tc_buf_reset(&b);
    tc_json_init(&j, &b);
    tc_gql_value *l = tc_gql_value_list(a, 4);
    l->u.list.items[0] = tc_gql_value_float(a, 0.1);
    l->u.list.items[1] = tc_gql_value_float(a, 1e21);
    l->u.list.items[2] = tc_gql_value_float(a, 3.0);
    l->u.list.items[3] = tc_gql_value_float(a, NAN);
    tc_gql_value_write_json(&j, l);
    assert_true(tc_json_ok(&j));
    assert_string_equal(tc_buf_cstr(&b), "[0.1,1e+21,3,null]");

    /* an empty list and object */
    tc_buf_reset(&b);
    tc_json_init(&j, &b);
    tc_gql_value *pair = tc_gql_value_list(a, 2);
    pair->u.list.items[0] = tc_gql_value_list(a, 0);
    pair->u.list.items[1] = tc_gql_value_object(a, 0);
    tc_gql_value_write_json(&j, pair);
    assert_string_equal(tc_buf_cstr(&b), "[[],{}]");

    tc_buf_fini(&b);
    tc_arena_free(a);
}

static void test_value_copy_equal(void **state)
{
    (void)state;
    tc_arena *a = tc_arena_new(4096);
    const tc_gql_value *v = sample_value(a);
    tc_gql_value *c = tc_gql_value_copy(a, v);
    assert_non_null(c);
    assert_ptr_not_equal(c, v);
    assert_true(tc_gql_value_equal(v, c));
    assert_int_equal(c->u.obj.fields[0].value->u.str.len, 5);
    assert_memory_equal(c->u.obj.fields[0].value->u.str.s, "a\"b\0c", 5);

    /* objects compare by field, not by order */
    tc_gql_value *x = tc_gql_value_object(a, 2), *y = tc_gql_value_object(a, 2);
    x->u.obj.fields[0] = (tc_gql_value_field){"a", tc_gql_value_int(a, 1)};
    x->u.obj.fields[1] = (tc_gql_value_field){"b", tc_gql_value_int(a, 2)};
    y->u.obj.fields[0] = (tc_gql_value_field){"b", tc_gql_value_int(a, 2)};
    y->u.obj.fields[1] = (tc_gql_value_field){"a", tc_gql_value_int(a, 1)};
    assert_true(tc_gql_value_equal(x, y));
    y->u.obj.fields[1].value = tc_gql_value_float(a, 1.0);
    assert_false(tc_gql_value_equal(x, y)); /* Int 1 is not Float 1 */
    assert_false(tc_gql_value_equal(tc_gql_value_string(a, "A", 1), tc_gql_value_enum(a, "A", 1)));

    /* lookups by (pointer, length) */
    assert_int_equal(tc_gql_value_get(x, "bc", 1)->u.i, 2);
    assert_null(tc_gql_value_get(x, "c", 1));
    assert_null(tc_gql_value_get(tc_gql_value_int(a, 1), "a", 1));

    /* nesting past the maximum: no copy, not equal to itself, and the JSON writer refuses it */
    tc_gql_value *deep = tc_gql_value_null(a);
    for (int i = 0; i < TC_GQL_VALUE_MAX_DEPTH + 2; i++) {
        tc_gql_value *wrap = tc_gql_value_list(a, 1);
        wrap->u.list.items[0] = deep;
        deep = wrap;
    }
    assert_null(tc_gql_value_copy(a, deep));
    assert_false(tc_gql_value_equal(deep, deep));
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, BIG);
    tc_json_init(&j, &b);
    tc_gql_value_write_json(&j, deep);
    assert_false(tc_json_ok(&j));
    tc_buf_fini(&b);
    tc_arena_free(a);
}

/* ---- Building and lookups ------------------------------------------------------------------- */

/* Query {node(id: ID!): Node, pet(name: String = "x"): Pet, n: Int}
 * interface Node {id: ID!}; type Cat implements Node {id: ID!, lives: Int}
 * type Dog implements Node {id: ID!, barks: Boolean}; union Pet = Cat | Dog; input In {a: Int} */
static tc_gql_schema *small_schema(void)
{
    tc_gql_builder *b = tc_gql_builder_new();
    tc_gql_type *q = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Query", NULL);
    tc_gql_field *f = tc_gql_builder_add_field(b, q, "node", "Node", NULL);
    tc_gql_builder_add_arg(b, f, "id", "ID!", NULL);
    f = tc_gql_builder_add_field(b, q, "pet", "Pet", NULL);
    tc_gql_input_value *name = tc_gql_builder_add_arg(b, f, "name", "String", NULL);
    tc_gql_builder_set_default(b, name, tc_gql_value_string(tc_gql_builder_arena(b), "x", 1));
    tc_gql_builder_add_field(b, q, "n", "Int", NULL);
    tc_gql_type *node = tc_gql_builder_add_type(b, TC_GQL_INTERFACE, "Node", NULL);
    tc_gql_builder_add_field(b, node, "id", "ID!", NULL);
    tc_gql_type *cat = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Cat", NULL);
    tc_gql_builder_add_interface(b, cat, "Node");
    tc_gql_builder_add_field(b, cat, "id", "ID!", NULL);
    tc_gql_builder_add_field(b, cat, "lives", "Int", NULL);
    tc_gql_type *dog = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Dog", NULL);
    tc_gql_builder_add_interface(b, dog, "Node");
    tc_gql_builder_add_field(b, dog, "id", "ID!", NULL);
    tc_gql_builder_add_field(b, dog, "barks", "Boolean", NULL);
    tc_gql_type *pet = tc_gql_builder_add_type(b, TC_GQL_UNION, "Pet", NULL);
    tc_gql_builder_add_member(b, pet, "Cat");
    tc_gql_builder_add_member(b, pet, "Dog");
    tc_gql_type *in = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "In", NULL);
    tc_gql_builder_add_input_field(b, in, "a", "Int", NULL);
    tc_err e;
    tc_gql_schema *s = tc_gql_builder_build(b, &e);
    if (!s)
        print_error("small schema: %s\n", e.message);
    assert_non_null(s);
    return s;
}

static void test_lookups(void **state)
{
    (void)state;
    tc_gql_schema *s = small_schema();
    const tc_gql_type *q = tc_gql_schema_type(s, "Query");
    assert_ptr_equal(q, s->query);
    assert_null(s->mutation);
    assert_null(s->subscription);
    assert_null(tc_gql_schema_type(s, "Nope"));
    assert_ptr_equal(tc_gql_schema_typen(s, "Catalog", 3), tc_gql_schema_type(s, "Cat"));

    /* graphql-js type-map order: each type, with the specified scalars it uses right after it,
     * then the directives' argument types and the introspection types */
    static const char *const order[] = {
        "Query",       "ID",          "String",
        "Int",         "Node",        "Cat",
        "Dog",         "Boolean",     "Pet",
        "In",          "__Schema",    "__Type",
        "__TypeKind",  "__Field",     "__InputValue",
        "__EnumValue", "__Directive", "__DirectiveLocation",
    };
    assert_int_equal(s->ntypes, sizeof(order) / sizeof(order[0]));
    for (size_t i = 0; i < s->ntypes; i++) {
        assert_string_equal(s->types[i]->name, order[i]);
        assert_int_equal(s->types[i]->position, i);
    }
    assert_null(tc_gql_schema_type(s, "Float")); /* no type uses it: unknown, as in graphql-js */

    /* fields, meta-fields, arguments */
    const tc_gql_field *pet = tc_gql_type_field(q, "pet");
    assert_non_null(pet);
    assert_ptr_equal(pet->parent, q);
    assert_int_equal(pet->nargs, 1);
    assert_ptr_equal(tc_gql_field_argn(pet, "names", 4), pet->args[0]);
    assert_null(tc_gql_field_argn(pet, "nam", 3));
    assert_int_equal(pet->args[0]->default_value->kind, TC_GQL_VALUE_STRING);
    assert_null(tc_gql_type_field(q, "__schema"));
    assert_ptr_equal(tc_gql_schema_field(s, q, "__schema", 8), s->schema_field);
    assert_ptr_equal(tc_gql_schema_field(s, q, "__type", 6), s->type_field);
    assert_ptr_equal(tc_gql_schema_field(s, q, "pet", 3), pet);
    const tc_gql_type *cat = tc_gql_schema_type(s, "Cat");
    const tc_gql_type *union_pet = tc_gql_schema_type(s, "Pet");
    assert_null(tc_gql_schema_field(s, cat, "__schema", 8)); /* only on the query type */
    assert_ptr_equal(tc_gql_schema_field(s, cat, "__typename", 10), s->typename_field);
    assert_ptr_equal(tc_gql_schema_field(s, union_pet, "__typename", 10), s->typename_field);
    assert_null(tc_gql_schema_field(s, union_pet, "id", 2));
    assert_null(tc_gql_schema_field(s, tc_gql_schema_type(s, "In"), "__typename", 10));
    assert_string_equal(tc_gql_ref_named(s->type_field->type)->name, "__Type");
    assert_string_equal(s->type_field->args[0]->name, "name");

    /* input fields and enum values */
    const tc_gql_type *in = tc_gql_schema_type(s, "In");
    assert_non_null(tc_gql_type_input_fieldn(in, "a", 1));
    assert_null(tc_gql_type_fieldn(in, "a", 1));
    const tc_gql_type *kind = tc_gql_schema_type(s, "__TypeKind");
    assert_int_equal(kind->nvalues, 8);
    assert_string_equal(tc_gql_type_enum_valuen(kind, "INPUT_OBJECT", 12)->name, "INPUT_OBJECT");
    assert_null(tc_gql_type_enum_valuen(kind, "INPUT", 5));

    /* directives */
    assert_int_equal(s->ndirectives, 4);
    const tc_gql_directive *dep = tc_gql_schema_directiven(s, "deprecated", 10);
    assert_non_null(dep);
    assert_true(dep->builtin);
    assert_int_equal(dep->nlocations, 4);
    assert_int_equal(dep->locations[2], TC_GQL_LOC_INPUT_FIELD_DEFINITION); /* as declared */
    assert_true(dep->location_mask & (1u << TC_GQL_LOC_ENUM_VALUE));
    assert_false(dep->location_mask & (1u << TC_GQL_LOC_FIELD));
    assert_string_equal(tc_gql_directive_argn(dep, "reason", 6)->default_value->u.str.s,
                        "No longer supported");
    assert_null(tc_gql_schema_directiven(s, "include2", 8));
    assert_string_equal(tc_gql_location_name(TC_GQL_LOC_VARIABLE_DEFINITION),
                        "VARIABLE_DEFINITION");
    assert_string_equal(tc_gql_kind_name(TC_GQL_INPUT_OBJECT), "INPUT_OBJECT");
    tc_gql_schema_free(s);
}

static void test_abstract_types(void **state)
{
    (void)state;
    tc_gql_schema *s = small_schema();
    const tc_gql_type *node = tc_gql_schema_type(s, "Node");
    const tc_gql_type *cat = tc_gql_schema_type(s, "Cat");
    const tc_gql_type *dog = tc_gql_schema_type(s, "Dog");
    const tc_gql_type *pet = tc_gql_schema_type(s, "Pet");
    const tc_gql_type *q = s->query;
    assert_int_equal(node->npossible, 2);
    assert_ptr_equal(node->possible[0], cat);
    assert_ptr_equal(node->possible[1], dog);
    assert_true(tc_gql_type_is_possible(node, cat));
    assert_true(tc_gql_type_is_possible(pet, dog));
    assert_false(tc_gql_type_is_possible(pet, q));
    assert_false(tc_gql_type_is_possible(cat, cat));
    assert_true(tc_gql_types_overlap(node, pet));
    assert_true(tc_gql_types_overlap(cat, node));
    assert_true(tc_gql_types_overlap(cat, cat));
    assert_false(tc_gql_types_overlap(cat, dog));
    assert_false(tc_gql_types_overlap(q, pet));
    assert_true(tc_gql_type_is_abstract(pet));
    assert_true(tc_gql_type_is_composite(cat));
    assert_false(tc_gql_type_is_input(cat));
    assert_true(tc_gql_type_is_leaf(tc_gql_schema_type(s, "ID")));

    /* references built at request time */
    tc_arena *a = tc_arena_new(1024);
    const tc_gql_typeref *cat_nn = tc_gql_ref_wrap(a, TC_GQL_NON_NULL, &cat->ref);
    const tc_gql_typeref *list_cat_nn = tc_gql_ref_wrap(a, TC_GQL_LIST, cat_nn);
    const tc_gql_typeref *list_node = tc_gql_ref_wrap(a, TC_GQL_LIST, &node->ref);
    assert_true(tc_gql_ref_is_subtype(list_cat_nn, list_node));
    assert_false(tc_gql_ref_is_subtype(list_node, list_cat_nn));
    assert_true(tc_gql_ref_is_subtype(cat_nn, &pet->ref));
    assert_false(tc_gql_ref_is_subtype(list_cat_nn, &node->ref));
    assert_false(tc_gql_ref_is_subtype(&cat->ref, cat_nn));
    assert_true(tc_gql_ref_equal(list_cat_nn, tc_gql_ref_wrap(a, TC_GQL_LIST, cat_nn)));
    assert_false(tc_gql_ref_equal(list_cat_nn, list_node));
    assert_ptr_equal(tc_gql_ref_named(list_cat_nn), cat);
    assert_ptr_equal(tc_gql_ref_nullable(cat_nn), &cat->ref);
    tc_buf b;
    tc_buf_init(&b, 64);
    assert_int_equal(tc_gql_ref_print(tc_gql_ref_wrap(a, TC_GQL_NON_NULL, list_cat_nn), &b), 0);
    assert_string_equal(tc_buf_cstr(&b), "[Cat!]!");
    tc_buf_fini(&b);
    tc_arena_free(a);
    tc_gql_schema_free(s);
}

/* ---- Build errors --------------------------------------------------------------------------- */

typedef void (*define_fn)(tc_gql_builder *b);

static tc_gql_type *obj(tc_gql_builder *b, const char *name, const char *field, const char *type)
{
    tc_gql_type *t = tc_gql_builder_add_type(b, TC_GQL_OBJECT, name, NULL);
    if (field)
        tc_gql_builder_add_field(b, t, field, type, NULL);
    return t;
}

static tc_gql_type *iface(tc_gql_builder *b, const char *name, const char *field, const char *type)
{
    tc_gql_type *t = tc_gql_builder_add_type(b, TC_GQL_INTERFACE, name, NULL);
    tc_gql_builder_add_field(b, t, field, type, NULL);
    return t;
}

static void d_no_query(tc_gql_builder *b)
{
    obj(b, "Foo", "a", "Int");
}
static void d_unknown_type(tc_gql_builder *b)
{
    obj(b, "Query", "a", "[Nope!]");
}
static void d_dup_type(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    obj(b, "Foo", "a", "Int");
    tc_gql_builder_add_type(b, TC_GQL_SCALAR, "Foo", NULL);
}
static void d_dup_builtin(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_builder_add_type(b, TC_GQL_SCALAR, "String", NULL);
}
static void d_dup_field(tc_gql_builder *b)
{
    tc_gql_type *q = obj(b, "Query", "a", "Int");
    tc_gql_builder_add_field(b, q, "a", "String", NULL);
}
static void d_dup_arg(tc_gql_builder *b)
{
    tc_gql_type *q = obj(b, "Query", NULL, NULL);
    tc_gql_field *f = tc_gql_builder_add_field(b, q, "a", "Int", NULL);
    tc_gql_builder_add_arg(b, f, "x", "Int", NULL);
    tc_gql_builder_add_arg(b, f, "x", "Int", NULL);
}
static void d_dup_enum_value(tc_gql_builder *b)
{
    obj(b, "Query", "a", "E");
    tc_gql_type *e = tc_gql_builder_add_type(b, TC_GQL_ENUM, "E", NULL);
    tc_gql_builder_add_enum_value(b, e, "A", NULL);
    tc_gql_builder_add_enum_value(b, e, "A", NULL);
}
static void d_reserved_enum_value(tc_gql_builder *b)
{
    obj(b, "Query", "a", "E");
    tc_gql_type *e = tc_gql_builder_add_type(b, TC_GQL_ENUM, "E", NULL);
    tc_gql_builder_add_enum_value(b, e, "null", NULL);
}
static void d_output_as_input(tc_gql_builder *b)
{
    tc_gql_type *q = obj(b, "Query", NULL, NULL);
    tc_gql_field *f = tc_gql_builder_add_field(b, q, "a", "Int", NULL);
    tc_gql_builder_add_arg(b, f, "x", "Query", NULL);
}
static void d_input_as_output(tc_gql_builder *b)
{
    obj(b, "Query", "a", "In");
    tc_gql_type *in = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "In", NULL);
    tc_gql_builder_add_input_field(b, in, "f", "Int", NULL);
}
static void d_iface_missing_field(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    iface(b, "Node", "id", "ID!");
    tc_gql_builder_add_interface(b, obj(b, "Foo", "x", "Int"), "Node");
}
static void d_iface_field_type(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    iface(b, "Node", "id", "ID!");
    tc_gql_builder_add_interface(b, obj(b, "Foo", "id", "ID"), "Node");
}
static void d_iface_arg_missing(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_type *n = tc_gql_builder_add_type(b, TC_GQL_INTERFACE, "Node", NULL);
    tc_gql_builder_add_arg(b, tc_gql_builder_add_field(b, n, "f", "Int", NULL), "x", "Int", NULL);
    tc_gql_builder_add_interface(b, obj(b, "Foo", "f", "Int"), "Node");
}
static void d_iface_arg_type(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_type *n = tc_gql_builder_add_type(b, TC_GQL_INTERFACE, "Node", NULL);
    tc_gql_builder_add_arg(b, tc_gql_builder_add_field(b, n, "f", "Int", NULL), "x", "Int", NULL);
    tc_gql_type *foo = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Foo", NULL);
    tc_gql_builder_add_arg(b, tc_gql_builder_add_field(b, foo, "f", "Int", NULL), "x", "String",
                           NULL);
    tc_gql_builder_add_interface(b, foo, "Node");
}
static void d_iface_extra_required(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    iface(b, "Node", "f", "Int");
    tc_gql_type *foo = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Foo", NULL);
    tc_gql_builder_add_arg(b, tc_gql_builder_add_field(b, foo, "f", "Int", NULL), "y", "Int!",
                           NULL);
    tc_gql_builder_add_interface(b, foo, "Node");
}
static void d_iface_transitive(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    iface(b, "Node", "id", "ID");
    tc_gql_builder_add_interface(b, iface(b, "Rec", "id", "ID"), "Node");
    tc_gql_builder_add_interface(b, obj(b, "Foo", "id", "ID"), "Rec");
}
static void d_iface_not_interface(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_builder_add_interface(b, obj(b, "Foo", "a", "Int"), "Query");
}
static void d_iface_self(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_builder_add_interface(b, iface(b, "Node", "a", "Int"), "Node");
}
static void d_iface_twice(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    iface(b, "Node", "a", "Int");
    tc_gql_type *foo = obj(b, "Foo", "a", "Int");
    tc_gql_builder_add_interface(b, foo, "Node");
    tc_gql_builder_add_interface(b, foo, "Node");
}
static void d_union_input(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_type *u = tc_gql_builder_add_type(b, TC_GQL_UNION, "U", NULL);
    tc_gql_builder_add_member(b, u, "Query");
    tc_gql_builder_add_member(b, u, "In");
    tc_gql_type *in = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "In", NULL);
    tc_gql_builder_add_input_field(b, in, "a", "Int", NULL);
}
static void d_union_twice(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_type *u = tc_gql_builder_add_type(b, TC_GQL_UNION, "U", NULL);
    tc_gql_builder_add_member(b, u, "Query");
    tc_gql_builder_add_member(b, u, "Query");
}
static void d_empty_union(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_builder_add_type(b, TC_GQL_UNION, "U", NULL);
}
static void d_empty_object(tc_gql_builder *b)
{
    obj(b, "Query", NULL, NULL);
}
static void d_empty_enum(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_builder_add_type(b, TC_GQL_ENUM, "E", NULL);
}
static void d_empty_input(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "I", NULL);
}
static void d_input_cycle(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_type *a = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "A", NULL);
    tc_gql_builder_add_input_field(b, a, "b", "B!", NULL);
    tc_gql_type *bt = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "B", NULL);
    tc_gql_builder_add_input_field(b, bt, "a", "A!", NULL);
    tc_gql_builder_add_input_field(b, bt, "c", "Int", NULL);
}
static void d_input_cycle_deep(tc_gql_builder *b)
{
    /* A -> [A] and A -> B (nullable) are fine; C -> D -> E -> C through non-null fields is not */
    obj(b, "Query", "a", "Int");
    tc_gql_type *a = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "A", NULL);
    tc_gql_builder_add_input_field(b, a, "list", "[A!]!", NULL);
    tc_gql_builder_add_input_field(b, a, "c", "C!", NULL);
    static const char *const chain[][3] = {{"C", "d", "D!"}, {"D", "e", "E!"}, {"E", "c", "C!"}};
    for (size_t i = 0; i < 3; i++) {
        tc_gql_type *t = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, chain[i][0], NULL);
        tc_gql_builder_add_input_field(b, t, "x", "A", NULL);
        tc_gql_builder_add_input_field(b, t, chain[i][1], chain[i][2], NULL);
    }
}
static void d_required_arg_deprecated(tc_gql_builder *b)
{
    tc_gql_type *q = obj(b, "Query", NULL, NULL);
    tc_gql_field *f = tc_gql_builder_add_field(b, q, "a", "Int", NULL);
    tc_gql_builder_deprecate_input(b, tc_gql_builder_add_arg(b, f, "x", "Int!", NULL), NULL);
}
static void d_required_input_deprecated(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_type *in = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "In", NULL);
    tc_gql_builder_deprecate_input(b, tc_gql_builder_add_input_field(b, in, "f", "Int!", NULL),
                                   "gone");
}
static void d_bad_default(tc_gql_builder *b)
{
    tc_gql_type *q = obj(b, "Query", NULL, NULL);
    tc_gql_field *f = tc_gql_builder_add_field(b, q, "a", "Int", NULL);
    tc_gql_input_value *x = tc_gql_builder_add_arg(b, f, "x", "[Int]", NULL);
    tc_gql_builder_set_default(b, x, tc_gql_value_string(tc_gql_builder_arena(b), "1", 1));
}
static void d_int_out_of_range(tc_gql_builder *b)
{
    tc_gql_type *q = obj(b, "Query", NULL, NULL);
    tc_gql_field *f = tc_gql_builder_add_field(b, q, "a", "Int", NULL);
    tc_gql_input_value *x = tc_gql_builder_add_arg(b, f, "x", "Int", NULL);
    tc_gql_builder_set_default(b, x, tc_gql_value_int(tc_gql_builder_arena(b), 2147483648));
}
static void d_missing_required_input_field(tc_gql_builder *b)
{
    tc_gql_type *q = obj(b, "Query", NULL, NULL);
    tc_gql_field *f = tc_gql_builder_add_field(b, q, "a", "Int", NULL);
    tc_gql_input_value *x = tc_gql_builder_add_arg(b, f, "x", "In", NULL);
    tc_gql_builder_set_default(b, x, tc_gql_value_object(tc_gql_builder_arena(b), 0));
    tc_gql_type *in = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "In", NULL);
    tc_gql_builder_add_input_field(b, in, "f", "Int!", NULL);
}
static void d_bad_name(tc_gql_builder *b)
{
    obj(b, "Query", "1a", "Int");
}
static void d_reserved_name(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    obj(b, "__Foo", "a", "Int");
}
static void d_bad_ref(tc_gql_builder *b)
{
    obj(b, "Query", "a", "[Int");
}
static void d_bad_ref_bang(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int!!");
}
static void d_dup_directive(tc_gql_builder *b)
{
    static const tc_gql_location loc[] = {TC_GQL_LOC_FIELD};
    obj(b, "Query", "a", "Int");
    tc_gql_builder_add_directive(b, "include", NULL, false, loc, 1);
}
static void d_directive_no_location(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_builder_add_directive(b, "d", NULL, false, NULL, 0);
}
static void d_directive_arg_output(tc_gql_builder *b)
{
    static const tc_gql_location loc[] = {TC_GQL_LOC_FIELD};
    obj(b, "Query", "a", "Int");
    tc_gql_directive *d = tc_gql_builder_add_directive(b, "d", NULL, false, loc, 1);
    tc_gql_builder_add_directive_arg(b, d, "x", "Query", NULL);
}
static void d_root_not_object(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_type *in = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "In", NULL);
    tc_gql_builder_add_input_field(b, in, "f", "Int", NULL);
    tc_gql_builder_set_roots(b, "Query", "In", NULL);
}
static void d_unknown_root(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_builder_set_roots(b, "Root", NULL, NULL);
}
static void d_bad_utf8(tc_gql_builder *b)
{
    tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Query", "caf\xC3");
}
static void d_field_on_input(tc_gql_builder *b)
{
    obj(b, "Query", "a", "Int");
    tc_gql_type *in = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "In", NULL);
    tc_gql_builder_add_field(b, in, "f", "Int", NULL);
}

static void test_build_errors(void **state)
{
    (void)state;
    /* Messages are graphql-js validateSchema's words for the same schema where it has one. */
    static const struct {
        define_fn define;
        const char *message;
    } rows[] = {
        {d_no_query, "Query root type must be provided."},
        {d_unknown_type, "Unknown type \"Nope\" (in Query.a)."},
        {d_dup_type, "There can be only one type named \"Foo\"."},
        {d_dup_builtin, "There can be only one type named \"String\"."},
        {d_dup_field, "Field \"Query.a\" can only be defined once."},
        {d_dup_arg, "Argument \"Query.a(x:)\" can only be defined once."},
        {d_dup_enum_value, "Enum value \"E.A\" can only be defined once."},
        {d_reserved_enum_value, "Enum type E cannot include value: null."},
        {d_output_as_input, "The type of Query.a(x:) must be Input Type but got: Query."},
        {d_input_as_output, "The type of Query.a must be Output Type but got: In."},
        {d_iface_missing_field, "Interface field Node.id expected but Foo does not provide it."},
        {d_iface_field_type, "Interface field Node.id expects type ID! but Foo.id is type ID."},
        {d_iface_arg_missing,
         "Interface field argument Node.f(x:) expected but Foo.f does not provide it."},
        {d_iface_arg_type, "Interface field argument Node.f(x:) expects type Int but Foo.f(x:) is "
                           "type String."},
        {d_iface_extra_required, "Object field Foo.f includes required argument y that is missing "
                                 "from the Interface field Node.f."},
        {d_iface_transitive, "Type Foo must implement Node because it is implemented by Rec."},
        {d_iface_not_interface,
         "Type Foo must only implement Interface types, it cannot implement Query."},
        {d_iface_self,
         "Type Node cannot implement itself because it would create a circular reference."},
        {d_iface_twice, "Type Foo can only implement Node once."},
        {d_union_input, "Union type U can only include Object types, it cannot include In."},
        {d_union_twice, "Union type U can only include type Query once."},
        {d_empty_union, "Union type U must define one or more member types."},
        {d_empty_object, "Type Query must define one or more fields."},
        {d_empty_enum, "Enum type E must define one or more values."},
        {d_empty_input, "Input Object type I must define one or more fields."},
        {d_input_cycle, "Cannot reference Input Object \"A\" within itself through a series of "
                        "non-null fields: \"b.a\"."},
        {d_input_cycle_deep, "Cannot reference Input Object \"C\" within itself through a series "
                             "of non-null fields: \"d.e.c\"."},
        {d_required_arg_deprecated, "Required argument Query.a(x:) cannot be deprecated."},
        {d_required_input_deprecated, "Required input field In.f cannot be deprecated."},
        {d_bad_default, "The default value of Query.a(x:) does not fit its type [Int]."},
        {d_int_out_of_range, "The default value of Query.a(x:) does not fit its type Int."},
        {d_missing_required_input_field,
         "The default value of Query.a(x:) does not fit its type In."},
        {d_bad_name, "Names must match /^[_a-zA-Z][_a-zA-Z0-9]*$/ but \"1a\" does not."},
        {d_reserved_name, "Name \"__Foo\" must not begin with \"__\", which is reserved by GraphQL "
                          "introspection."},
        {d_bad_ref, "A list type reference lacks its \"]\"."},
        {d_bad_ref_bang, "The type reference \"Int!!\" of a is malformed."},
        {d_dup_directive, "There can be only one directive named \"@include\"."},
        {d_directive_no_location, "Directive @d must include 1 or more locations."},
        {d_directive_arg_output, "The type of @d(x:) must be Input Type but got: Query."},
        {d_root_not_object, "Mutation root type must be Object type, it cannot be In."},
        {d_unknown_root, "Unknown type \"Root\" (the Query root type)."},
        {d_bad_utf8, "The description of Query is not valid UTF-8."},
        {d_field_on_input, "Field \"f\" is added to a type that is not an object or an interface."},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        tc_gql_builder *b = tc_gql_builder_new();
        rows[i].define(b);
        tc_err e;
        tc_err_clear(&e);
        tc_gql_schema *s = tc_gql_builder_build(b, &e);
        if (s || strcmp(e.message, rows[i].message) != 0)
            print_error("row %zu: expected \"%s\", got %s \"%s\"\n", i, rows[i].message,
                        s ? "a schema" : "error", e.message);
        assert_null(s);
        assert_int_equal(e.code, TC_E_INTERNAL);
        assert_string_equal(e.message, rows[i].message);
    }
}

static void test_builder_free_unbuilt(void **state)
{
    (void)state;
    tc_gql_builder *b = tc_gql_builder_new();
    obj(b, "Query", "a", "Int");
    tc_gql_builder_free(b); /* ASan checks that nothing leaks */
    tc_gql_builder_free(NULL);
    tc_gql_schema_free(NULL);
}

/* ---- SDL ------------------------------------------------------------------------------------ */

static void test_descriptions(void **state)
{
    (void)state;
    /* Rows printed by graphql-js printSchema for a field with that description (indent "  "). */
    static const struct {
        const char *text;
        const char *printed;
    } rows[] = {
        {"simple", "\"\"\"simple\"\"\""},
        {"", "\"\"\"\"\"\""},
        {"multi\nline", "\"\"\"\n  multi\n  line\n  \"\"\""},
        {" leading space", "\"\"\" leading space\"\"\""},
        {"say \"hi\"", "\"\"\"\n  say \"hi\"\n  \"\"\""},
        {"a \"\"\" b", "\"\"\"a \\\"\"\" b\"\"\""},
        {"ends with triple\"\"\"", "\"\"\"\n  ends with triple\\\"\"\"\n  \"\"\""},
        {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
         "\"\"\"\n  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  "
         "\"\"\""},
        {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
         "\"\"\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\"\""},
        {"a\rb", "\"a\\rb\""},
        {"\nleading newline", "\"\\nleading newline\""},
        {"trailing newline\n", "\"trailing newline\\n\""},
        {"a\n  b", "\"\"\"\n  a\n    b\n  \"\"\""},
        {"  a\n  b", "\"  a\\n  b\""},
        {"back\\", "\"\"\"\n  back\\\n  \"\"\""},
        {"tab\there", "\"\"\"tab\there\"\"\""},
        {"ctl\x01", "\"ctl\\u0001\""},
        {"caf\xC3\xA9 \xE2\x98\x95 \xF0\x9F\x98\x80",
         "\"\"\"caf\xC3\xA9 \xE2\x98\x95 \xF0\x9F\x98\x80\"\"\""},
        /* 35 emoji are 70 UTF-16 code units: one line; 36 are 72: block form */
        {"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80",
         "\"\"\"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\"\"\""},
        {"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80",
         "\"\"\"\n  \xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
         "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\n  \"\"\""},
        {"a\n\nb", "\"\"\"\n  a\n  \n  b\n  \"\"\""},
        {"a\n", "\"a\\n\""},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        tc_buf b;
        tc_buf_init(&b, BIG);
        assert_int_equal(tc_gql_sdl_print_description(rows[i].text, "  ", &b), 0);
        if (strcmp(tc_buf_cstr(&b), rows[i].printed) != 0)
            print_error("row %zu: %s\n", i, tc_buf_cstr(&b));
        assert_string_equal(tc_buf_cstr(&b), rows[i].printed);
        tc_buf_fini(&b);
    }
}

/* Every construct of the printer in one schema; the text is graphql-js printSchema's output for
 * the same schema (checked with node, Debian's node-graphql 16.6). */
static void test_sdl_small(void **state)
{
    (void)state;
    tc_gql_builder *b = tc_gql_builder_new();
    tc_arena *a = tc_gql_builder_arena(b);
    tc_gql_builder_set_description(b, "The root");
    tc_gql_builder_set_roots(b, "Root", NULL, "Events");
    static const tc_gql_location locs[] = {TC_GQL_LOC_FIELD_DEFINITION, TC_GQL_LOC_OBJECT};
    tc_gql_directive *d = tc_gql_builder_add_directive(b, "tag", "Tags things", true, locs, 2);
    tc_gql_builder_set_default(b, tc_gql_builder_add_directive_arg(b, d, "name", "String!", "Tag"),
                               tc_gql_value_string(a, "t", 1));
    tc_gql_type *root = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Root", "Entry points");
    tc_gql_field *f = tc_gql_builder_add_field(b, root, "pets", "[Pet!]!", NULL);
    tc_gql_builder_set_default(b, tc_gql_builder_add_arg(b, f, "first", "Int", NULL),
                               tc_gql_value_int(a, 10));
    tc_gql_input_value *in_arg = tc_gql_builder_add_arg(b, f, "filter", "PetFilter", NULL);
    tc_gql_value *fv = tc_gql_value_object(a, 2);
    fv->u.obj.fields[0] = (tc_gql_value_field){"names", tc_gql_value_string(a, "Rex", 3)};
    fv->u.obj.fields[1] = (tc_gql_value_field){"kind", tc_gql_value_enum(a, "DOG", 3)};
    tc_gql_builder_set_default(b, in_arg, fv);
    f = tc_gql_builder_add_field(b, root, "old", "String", "Old field");
    tc_gql_builder_deprecate_field(b, f, NULL);
    tc_gql_builder_add_arg(b, f, "x", "Float", "An x");
    tc_gql_builder_deprecate_input(b, tc_gql_builder_add_arg(b, f, "y", "ID", NULL), "Use x.");
    tc_gql_type *named = tc_gql_builder_add_type(b, TC_GQL_INTERFACE, "Named", NULL);
    tc_gql_builder_add_field(b, named, "name", "String", NULL);
    tc_gql_type *cat = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Cat", NULL);
    tc_gql_builder_add_interface(b, cat, "Named");
    tc_gql_builder_add_field(b, cat, "name", "String!", "Name");
    tc_gql_builder_add_field(b, cat, "lives", "Int", "Lives");
    tc_gql_type *dog = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Dog", NULL);
    tc_gql_builder_add_interface(b, dog, "Named");
    tc_gql_builder_add_field(b, dog, "name", "String", NULL);
    tc_gql_type *pet = tc_gql_builder_add_type(b, TC_GQL_UNION, "Pet", "A pet");
    tc_gql_builder_add_member(b, pet, "Cat");
    tc_gql_builder_add_member(b, pet, "Dog");
    tc_gql_type *kind = tc_gql_builder_add_type(b, TC_GQL_ENUM, "Kind", NULL);
    tc_gql_builder_add_enum_value(b, kind, "CAT", "Meow");
    tc_gql_builder_deprecate_value(b, tc_gql_builder_add_enum_value(b, kind, "DOG", NULL),
                                   "Dogs \"bark\"");
    tc_gql_type *filter = tc_gql_builder_add_type(b, TC_GQL_INPUT_OBJECT, "PetFilter", NULL);
    tc_gql_builder_add_input_field(b, filter, "kind", "Kind", NULL);
    tc_gql_builder_add_input_field(b, filter, "names", "[String!]", "Any of these");
    tc_gql_builder_set_default(b, tc_gql_builder_add_input_field(b, filter, "max", "Float", NULL),
                               tc_gql_value_int(a, 3));
    tc_gql_type *url = tc_gql_builder_add_type(b, TC_GQL_SCALAR, "Url", NULL);
    tc_gql_builder_set_specified_by(b, url, "https://url.spec.whatwg.org/");
    tc_gql_type *events = tc_gql_builder_add_type(b, TC_GQL_OBJECT, "Events", NULL);
    tc_gql_builder_add_field(b, events, "link", "Url", NULL);
    tc_err e;
    tc_gql_schema *s = tc_gql_builder_build(b, &e);
    if (!s)
        print_error("%s\n", e.message);
    assert_non_null(s);

    static const char expected[] =
        "\"\"\"The root\"\"\"\n"
        "schema {\n"
        "  query: Root\n"
        "  subscription: Events\n"
        "}\n"
        "\n"
        "\"\"\"Tags things\"\"\"\n"
        "directive @tag(\n"
        "  \"\"\"Tag\"\"\"\n"
        "  name: String! = \"t\"\n"
        ") repeatable on FIELD_DEFINITION | OBJECT\n"
        "\n"
        "\"\"\"Entry points\"\"\"\n"
        "type Root {\n"
        "  pets(first: Int = 10, filter: PetFilter = {kind: DOG, names: [\"Rex\"], max: 3}): "
        "[Pet!]!\n"
        "\n"
        "  \"\"\"Old field\"\"\"\n"
        "  old(\n"
        "    \"\"\"An x\"\"\"\n"
        "    x: Float\n"
        "    y: ID @deprecated(reason: \"Use x.\")\n"
        "  ): String @deprecated\n"
        "}\n"
        "\n"
        "interface Named {\n"
        "  name: String\n"
        "}\n"
        "\n"
        "type Cat implements Named {\n"
        "  \"\"\"Name\"\"\"\n"
        "  name: String!\n"
        "\n"
        "  \"\"\"Lives\"\"\"\n"
        "  lives: Int\n"
        "}\n"
        "\n"
        "type Dog implements Named {\n"
        "  name: String\n"
        "}\n"
        "\n"
        "\"\"\"A pet\"\"\"\n"
        "union Pet = Cat | Dog\n"
        "\n"
        "enum Kind {\n"
        "  \"\"\"Meow\"\"\"\n"
        "  CAT\n"
        "  DOG @deprecated(reason: \"Dogs \\\"bark\\\"\")\n"
        "}\n"
        "\n"
        "input PetFilter {\n"
        "  kind: Kind\n"
        "\n"
        "  \"\"\"Any of these\"\"\"\n"
        "  names: [String!]\n"
        "  max: Float = 3\n"
        "}\n"
        "\n"
        "scalar Url @specifiedBy(url: \"https://url.spec.whatwg.org/\")\n"
        "\n"
        "type Events {\n"
        "  link: Url\n"
        "}";
    tc_buf out;
    tc_buf_init(&out, BIG);
    assert_int_equal(tc_gql_sdl_print(s, &out), 0);
    if (strcmp(tc_buf_cstr(&out), expected) != 0)
        print_error("%s\n", tc_buf_cstr(&out));
    assert_string_equal(tc_buf_cstr(&out), expected);

    /* the default value was coerced as graphql-js stores it: fields in the type's order, the
     * single name as a list, the field default filled in, the Int for a Float a float */
    const tc_gql_value *dv = tc_gql_type_field(s->query, "pets")->args[1]->default_value;
    assert_int_equal(dv->u.obj.n, 3);
    assert_string_equal(dv->u.obj.fields[0].name, "kind");
    assert_int_equal(dv->u.obj.fields[1].value->kind, TC_GQL_VALUE_LIST);
    assert_int_equal(dv->u.obj.fields[2].value->kind, TC_GQL_VALUE_FLOAT);

    /* a full buffer is reported */
    tc_buf small;
    tc_buf_init(&small, 100);
    assert_int_equal(tc_gql_sdl_print(s, &small), -1);
    tc_buf_fini(&small);
    tc_buf_fini(&out);
    tc_gql_schema_free(s);
}

static void test_sdl_values(void **state)
{
    (void)state;
    tc_err e;
    tc_gql_schema *s = tc_gql_testschema_new(&e);
    assert_non_null(s);
    tc_arena *a = tc_arena_new(4096);
    const tc_gql_type *id = tc_gql_schema_type(s, "ID");
    const tc_gql_type *json = tc_gql_schema_type(s, "JSON");
    const tc_gql_type *flt = tc_gql_schema_type(s, "Float");
    assert_non_null(id);
    assert_non_null(json);
    tc_gql_value *obj = tc_gql_value_object(a, 2);
    obj->u.obj.fields[0] = (tc_gql_value_field){"b", tc_gql_value_enum(a, "X", 1)};
    obj->u.obj.fields[1] = (tc_gql_value_field){"a", tc_gql_value_float(a, 1e21)};
    static const char *const printed[] = {
        "-12", "\"-012\"", "7", "1e+21", "\"X\"", "{b: \"X\", a: 1e+21}", "2", "0.000001"};
    struct {
        const tc_gql_value *v;
        const tc_gql_type *t;
    } rows[] = {
        {tc_gql_value_string(a, "-12", 3), id},  /* integer-looking IDs print bare */
        {tc_gql_value_string(a, "-012", 4), id}, /* not an integer literal */
        {tc_gql_value_int(a, 7), id},
        {tc_gql_value_float(a, 1e21), json},
        {tc_gql_value_enum(a, "X", 1), json}, /* a custom scalar's enum is a string */
        {obj, json},                          /* untyped: kept in its order */
        {tc_gql_value_float(a, 2.0), flt},
        {tc_gql_value_float(a, 1e-6), flt},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        tc_buf b;
        tc_buf_init(&b, 256);
        assert_int_equal(tc_gql_sdl_print_value(rows[i].v, &rows[i].t->ref, &b), 0);
        if (strcmp(tc_buf_cstr(&b), printed[i]) != 0)
            print_error("row %zu: %s\n", i, tc_buf_cstr(&b));
        assert_string_equal(tc_buf_cstr(&b), printed[i]);
        tc_buf_fini(&b);
    }
    tc_arena_free(a);
    tc_gql_schema_free(s);
}

/* ---- The test schema ------------------------------------------------------------------------ */

static void test_testschema(void **state)
{
    (void)state;
    tc_err e;
    tc_gql_schema *s = tc_gql_testschema_new(&e);
    if (!s)
        print_error("%s\n", e.message);
    assert_non_null(s);
    assert_true(s->ntypes > 150);
    assert_string_equal(s->mutation->name, "Mutation");

    const tc_gql_field *companies = tc_gql_type_field(s->query, "companies");
    assert_non_null(companies);
    tc_buf b;
    tc_buf_init(&b, 64);
    tc_gql_ref_print(companies->type, &b);
    assert_string_equal(tc_buf_cstr(&b), "CompanyConnection!");
    tc_buf_fini(&b);
    static const char *const args[] = {"first", "last",   "offset", "before",
                                       "after", "filter", "orderBy"};
    assert_int_equal(companies->nargs, 7);
    for (size_t i = 0; i < 7; i++)
        assert_string_equal(companies->args[i]->name, args[i]);

    const tc_gql_type *company = tc_gql_schema_type(s, "Company");
    const tc_gql_field *people = tc_gql_type_field(company, "people");
    assert_ptr_equal(tc_gql_ref_named(people->type), tc_gql_schema_type(s, "PersonConnection"));
    assert_int_equal(people->nargs, 7);
    const tc_gql_type *conn = tc_gql_schema_type(s, "CompanyConnection");
    assert_non_null(tc_gql_type_field(conn, "totalCount"));
    assert_non_null(tc_gql_type_field(conn, "sumAnnualRecurringRevenueAmountMicros"));
    assert_non_null(tc_gql_type_field(conn, "countTrueIdealCustomerProfile"));
    assert_non_null(tc_gql_type_field(conn, "percentageNotEmptyDomainName"));
    assert_null(tc_gql_type_field(conn, "countEmptyPeople")); /* no aggregates of relations */
    const tc_gql_type *filter = tc_gql_schema_type(s, "PersonFilterInput");
    assert_non_null(tc_gql_type_input_fieldn(filter, "companyId", 9));
    assert_string_equal(tc_gql_ref_named(tc_gql_type_input_fieldn(filter, "name", 4)->type)->name,
                        "FullNameFilterInput");
    assert_non_null(tc_gql_type_input_fieldn(filter, "and", 3));
    const tc_gql_type *stage = tc_gql_schema_type(s, "OpportunityStageEnum");
    assert_string_equal(tc_gql_type_enum_valuen(stage, "SCREENING", 9)->deprecation_reason,
                        "No longer supported");

    /* the interfaces and the union */
    const tc_gql_type *node = tc_gql_schema_type(s, "Node");
    const tc_gql_type *record = tc_gql_schema_type(s, "Record");
    const tc_gql_type *any = tc_gql_schema_type(s, "AnyRecord");
    assert_int_equal(node->npossible, 8);
    assert_int_equal(record->npossible, 8);
    assert_int_equal(any->npossible, 8);
    assert_true(tc_gql_type_is_possible(node, record)); /* an interface implementing it */
    assert_true(tc_gql_type_is_possible(node, company));
    assert_true(tc_gql_types_overlap(node, any));
    assert_false(tc_gql_types_overlap(tc_gql_schema_type(s, "PageInfo"), any));
    assert_non_null(tc_gql_schema_directiven(s, "cacheControl", 12));
    assert_int_equal(s->ndirectives, 6);

    /* the SDL prints, and is as long as a Twenty workspace's is in the small */
    tc_buf out;
    tc_buf_init(&out, BIG);
    assert_int_equal(tc_gql_sdl_print(s, &out), 0);
    assert_true(out.len > 30000);
    assert_non_null(strstr(tc_buf_cstr(&out), "type Company implements Node & Record {\n"));
    tc_buf_fini(&out);
    tc_gql_schema_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_float_format),
        cmocka_unit_test(test_value_json),
        cmocka_unit_test(test_value_copy_equal),
        cmocka_unit_test(test_lookups),
        cmocka_unit_test(test_abstract_types),
        cmocka_unit_test(test_build_errors),
        cmocka_unit_test(test_builder_free_unbuilt),
        cmocka_unit_test(test_descriptions),
        cmocka_unit_test(test_sdl_small),
        cmocka_unit_test(test_sdl_values),
        cmocka_unit_test(test_testschema),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
