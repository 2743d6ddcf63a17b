'use strict';
// Differential tests of twentyc's GraphQL coercion, executor and introspection
// (src/graphql/coerce.h, execute.h, introspect.h) against graphql-js 16 (Debian's node-graphql),
// over the Twenty-shaped test schema (src/graphql/testschema.c):
//  - introspection: getIntrospectionQuery() with every option, run by twentyc's execute_doc tool,
//    must equal graphql-js's own answer for buildSchema(sdl), and buildClientSchema() of it must
//    print twentyc's SDL;
//  - variables: for each (variable definitions, variables) case, getVariableValues' coerced
//    values or errors (messages and locations, exactly);
//  - execution: documents run over a JSON root value (graphql-js's default resolver) must give the
//    same response, byte for byte once twentyc's extensions codes are set aside.
// No database and no server: only the tools built next to TWENTYC_BIN.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const graphql = require('/usr/share/nodejs/graphql');

const TWENTYC_BIN = process.env.TWENTYC_BIN || path.resolve(__dirname, '../../build-asan/twentyc');
const TOOLS = path.dirname(TWENTYC_BIN);

function run(tool, input, args = []) {
  const bin = path.join(TOOLS, tool);
  assert.ok(fs.existsSync(bin), `${bin} is missing: build the ${tool} target`);
  const r = spawnSync(bin, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `${tool} failed: ${r.stderr}`);
  return r.stdout;
}

const sdl = run('print_test_schema', '');
const schema = graphql.buildSchema(sdl);

function twentyc(request) {
  return JSON.parse(run('execute_doc', JSON.stringify(request)));
}

// twentyc's errors carry extensions.code (spec/twenty-api.md §4.9); graphql-js's carry none.
function withoutExtensions(result) {
  for (const e of result.errors || []) delete e.extensions;
  return result;
}

// {"__error": "message"} in a root value stands for a thrown Error, as execute_doc reads it.
function withErrors(value) {
  if (Array.isArray(value)) return value.map(withErrors);
  if (value && typeof value === 'object') {
    if (typeof value.__error === 'string') return new Error(value.__error);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withErrors(v)]));
  }
  return value;
}

// ---- Introspection ------------------------------------------------------------------------------

const introspectionOptions = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
};

test('the full introspection query answers as graphql-js does, and prints the same SDL', () => {
  const query = graphql.getIntrospectionQuery(introspectionOptions);
  const ours = twentyc({ query });
  assert.equal(ours.errors, undefined, JSON.stringify(ours.errors));
  const theirs = graphql.graphqlSync({ schema, source: query });
  assert.equal(theirs.errors, undefined);
  assert.deepEqual(ours, JSON.parse(JSON.stringify(theirs)));

  const client = graphql.buildClientSchema(ours.data);
  const printed = graphql.printSchema(client);
  if (printed !== sdl) {
    const a = sdl.split('\n');
    const b = printed.split('\n');
    const i = a.findIndex((line, k) => line !== b[k]);
    assert.fail(`line ${i + 1}: twentyc ${JSON.stringify(a[i])}, client ${JSON.stringify(b[i])}`);
  }
  assert.equal(printed, graphql.printSchema(schema));
});

test('introspection without options and with includeDeprecated variations agrees', () => {
  const queries = [
    graphql.getIntrospectionQuery(),
    `{ __type(name: "Task") { name fields { name isDeprecated deprecationReason } } }`,
    `{ __type(name: "Task") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`,
    `{ __type(name: "TaskCreateInput") { inputFields(includeDeprecated: true) { name isDeprecated } } }`,
    `{ __type(name: "Query") { fields { name args { name defaultValue } } } }`,
    `{ __type(name: "Query") { fields { name args(includeDeprecated: true) { name defaultValue isDeprecated deprecationReason } } } }`,
    `{ __type(name: "AnyRecord") { kind possibleTypes { name } interfaces { name } fields { name } } }`,
    `{ __type(name: "Record") { kind possibleTypes { name } interfaces { name } } }`,
    `{ __type(name: "UUID") { kind specifiedByURL ofType { name } } }`,
    `{ __type(name: "Nope") { name } }`,
    `{ __schema { queryType { name } mutationType { name } subscriptionType { name } description } }`,
    `{ __schema { directives { name isRepeatable locations args { name type { kind name ofType { name } } defaultValue } } } }`,
    `{ a: __type(name: "CompanyEdge") { fields { name type { kind name ofType { kind name ofType { name } } } } } __typename }`,
  ];
  for (const query of queries) {
    const ours = twentyc({ query });
    const theirs = JSON.parse(JSON.stringify(graphql.graphqlSync({ schema, source: query })));
    assert.deepEqual(ours, theirs, query);
  }
});

// ---- Variables ----------------------------------------------------------------------------------

const variableCases = [
  ['$v: Int', { v: 1 }],
  ['$v: Int', { v: 1.0 }],
  ['$v: Int', { v: 1e3 }],
  ['$v: Int', { v: 1.5 }],
  ['$v: Int', { v: '1' }],
  ['$v: Int', { v: true }],
  ['$v: Int', { v: 2147483647 }],
  ['$v: Int', { v: 2147483648 }],
  ['$v: Int', { v: -2147483649 }],
  ['$v: Int', { v: [1] }],
  ['$v: Int', { v: { a: 1 } }],
  ['$v: Int!', {}],
  ['$v: Int!', { v: null }],
  ['$v: Int = 7', {}],
  ['$v: Int! = 7', { v: null }],
  ['$v: Int = 7', { v: null }],
  ['$v: Float', { v: 1 }],
  ['$v: Float', { v: 1.5e300 }],
  ['$v: Float', { v: '1.5' }],
  ['$v: Float', { v: false }],
  ['$v: String', { v: 'x' }],
  ['$v: String', { v: 1 }],
  ['$v: String', { v: ['a', 'b'] }],
  ['$v: String', { v: 'quote " backslash \\ newline \n tab \t control \u0001 é' }],
  ['$v: Boolean', { v: true }],
  ['$v: Boolean', { v: 1 }],
  ['$v: Boolean', { v: 'true' }],
  ['$v: ID', { v: 'abc' }],
  ['$v: ID', { v: 12 }],
  ['$v: ID', { v: 12.0 }],
  ['$v: ID', { v: 1.5 }],
  ['$v: ID', { v: true }],
  ['$v: ID', { v: 9007199254740993 }],
  ['$v: [Int]', { v: 1 }],
  ['$v: [Int]', { v: [1, null, 2] }],
  ['$v: [Int!]', { v: [1, null, 'x'] }],
  ['$v: [Int]!', { v: null }],
  ['$v: [[Int]]', { v: 1 }],
  ['$v: [[Int]]', { v: [1, [2, 'x']] }],
  ['$v: [Int]', { v: Array.from({ length: 60 }, (_, i) => `bad${i}`) }],
  ['$v: OrderByDirection', { v: 'AscNullsFirst' }],
  ['$v: OrderByDirection', { v: 'ascNullsFirst' }],
  ['$v: OrderByDirection', { v: 'Desc' }],
  ['$v: OrderByDirection', { v: 'FOO' }],
  ['$v: OrderByDirection', { v: 1 }],
  ['$v: OrderByDirection', { v: { AscNullsFirst: 1 } }],
  ['$v: [OrderByDirection!]', { v: ['DescNullsLast', 'AscNullsLast'] }],
  ['$v: UUID', { v: { any: [1, { json: 'passes' }], through: null } }],
  ['$v: RawJSONScalar', { v: [1, 2.5, 'x', true, null] }],
  ['$v: CompanyFilterInput', { v: { name: { eq: 'Acme' }, employees: { gte: 10 } } }],
  ['$v: CompanyFilterInput', { v: { nam: { eq: 1 }, employees: { gte: 'x' } } }],
  ['$v: CompanyFilterInput', { v: { and: [{ name: { ilike: '%a%' } }, { nmae: {} }] } }],
  ['$v: CompanyFilterInput', { v: { and: { name: { eq: 'single' } } } }],
  ['$v: CompanyFilterInput', { v: 'not an object' }],
  ['$v: CompanyFilterInput', { v: ['array', 'as', 'object'] }],
  ['$v: CompanyFilterInput', { v: { b: 1, 2: 2, a: { c: { d: { e: 1 } } }, 10: [1, [2, [3]]] } }],
  ['$v: CompanyConnectInput', { v: {} }],
  ['$v: CompanyConnectInput', { v: { where: null } }],
  ['$v: CompanyConnectInput', { v: { where: { id: 'x', domainName: { primaryLinkUrl: 5 } } } }],
  ['$v: [CompanyConnectInput!]!', { v: [{ where: {} }, {}, null] }],
  ['$v: Company', { v: {} }],
  ['$v: Nope', { v: 1 }],
  ['$v: [Nope!]', {}],
  ['$a: Int!, $b: String!, $c: Float = 1.5, $d: [ID] = ["x", 1], $e: OrderByDirection = AscNullsLast',
    { a: 1.5, b: null }],
  ['$a: Int, $b: StringFilter = {eq: "x", in: "y"}, $c: FloatFilter = {eq: 2}', { a: 3 }],
  ['$many: [[Int!]]', { many: Array.from({ length: 30 }, () => [null, 'x']) }],
];

test('variables coerce as graphql-js getVariableValues does, errors and all', () => {
  for (const [defs, variables] of variableCases) {
    const query = `query Q(${defs}) { __typename }`;
    const ours = twentyc({ query, variables, mode: 'variables' });
    const document = graphql.parse(query);
    const op = document.definitions[0];
    const theirs = graphql.getVariableValues(schema, op.variableDefinitions, variables,
      { maxErrors: 50 });
    const expected = theirs.errors
      ? { errors: theirs.errors.map((e) => e.toJSON()) }
      : { coerced: theirs.coerced };
    const label = `${defs} ${JSON.stringify(variables).slice(0, 200)}`;
    if (ours.errors) {
      for (const e of ours.errors) {
        assert.equal(e.extensions.code, 'BAD_USER_INPUT', label);
        delete e.extensions;
      }
    }
    assert.equal(JSON.stringify(ours), JSON.stringify(expected), label);
  }
});

// ---- Execution ----------------------------------------------------------------------------------

const company = {
  id: 'c1', name: 'Acme', employees: 12, createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-02T00:00:00Z', workPolicy: ['REMOTE_WORK', 'HYBRID'],
};
const person = {
  __typename: 'Person', id: 'p1', name: { firstName: 'Ada', lastName: 'L' }, companyId: 'c1',
  createdAt: '2024-01-03T00:00:00Z', updatedAt: '2024-01-03T00:00:00Z', company,
};

const executionCases = [
  {
    name: 'aliases, selection order, __typename and merged fields',
    query: `{ b: company(filter: {}) { name id } __typename a: company(filter: {}) { id }
              company(filter: {}) { name } company(filter: {}) { id __typename } }`,
    rootValue: { company },
  },
  {
    name: 'fragments and inline fragments, nested spreads, unused types',
    query: `query { company(filter: {}) { ...A ... on Company { employees } ... on Person { city } }
            } fragment A on Company { id ...B } fragment B on Record { createdAt ...A }`,
    rootValue: { company },
  },
  {
    name: 'union and interface fragments resolve by __typename',
    query: `{ records(ids: []) { __typename ... on Node { id } ... on Record { createdAt }
              ... on Person { name { firstName } company { name } } ... on Company { name } }
              node(id: "c1") { id ... on Company { name } } }`,
    rootValue: {
      records: [person, { ...company, __typename: 'Company' }],
      node: { ...company, __typename: 'Company' },
    },
  },
  {
    name: 'abstract types that do not resolve',
    query: `{ a: records(ids: []) { __typename } }`,
    rootValue: { records: [{ id: 'x' }] },
  },
  {
    name: 'an abstract type resolved to an interface, an unknown and an impossible type',
    query: `{ node(id: "1") { id } records(ids: []) { __typename } }`,
    rootValue: { node: { __typename: 'PageInfo' }, records: [{ __typename: 'Record' }] },
  },
  {
    name: 'an unknown runtime type name',
    query: `{ node(id: "1") { id } }`,
    rootValue: { node: { __typename: 'Nope' } },
  },
  {
    name: 'a null in a non-null field nulls the nearest nullable parent',
    query: `{ company(filter: {}) { id createdAt name } other: company(filter: {}) { name } }`,
    rootValue: { company: { id: 'x', name: 'n' } },
  },
  {
    name: 'a null bubbling to the root nulls data; later siblings do not run',
    query: `{ company(filter: {}) { name } companies { totalCount edges { cursor node { id name } } }
              person(filter: {}) { id } }`,
    rootValue: {
      company,
      companies: { totalCount: 2, edges: [{ cursor: 'a', node: company }, { cursor: 'b', node: null }] },
      person: { __error: 'never reached' },
    },
  },
  {
    name: 'errors in list items, nullable and not',
    query: `{ records(ids: []) { __typename } companyDuplicates { totalCount }
              a: companyDuplicates { edges { node { id } } } }`,
    rootValue: {
      records: [person, { __error: 'item failed' }],
      companyDuplicates: [{ totalCount: 1, edges: [] }, { __error: 'dup failed' }, null,
        { totalCount: 3, edges: [{ node: null }] }],
    },
  },
  {
    name: 'resolver errors in nullable and non-null fields',
    query: `{ company(filter: {}) { name id } people { totalCount } }`,
    rootValue: { company: { name: { __error: 'no name' }, id: { __error: 'no id' } }, people: null },
  },
  {
    name: 'leaf serialization by type',
    query: `{ companies { totalCount percentageEmptyId countEmptyId countNotEmptyId
              countUniqueValuesId percentageNotEmptyId pageInfo { hasNextPage hasPreviousPage }
              edges { cursor node { id name employees idealCustomerProfile visaSponsorship
              tagline workPolicy } } }
              person(filter: {}) { companyId city jobTitle avatarUrl performanceRating } }`,
    rootValue: {
      companies: {
        totalCount: '12', percentageEmptyId: '1.5e1', countEmptyId: 1.0, countNotEmptyId: true,
        countUniqueValuesId: ' 0x1F ', percentageNotEmptyId: '',
        pageInfo: { hasNextPage: 0, hasPreviousPage: 2.5 },
        edges: [{
          cursor: { any: ['json'] },
          node: {
            id: [1, 2], name: 12.5, employees: '  ', idealCustomerProfile: 'yes',
            visaSponsorship: false, tagline: true, workPolicy: ['REMOTE_WORK', 'Nope', 3],
          },
        }],
      },
      person: { companyId: 12, city: null, jobTitle: { a: 1 }, avatarUrl: [], performanceRating: 'RATING_3' },
    },
  },
  {
    name: 'more leaf refusals',
    query: `{ companies { totalCount countEmptyId percentageEmptyId countNotEmptyId
              pageInfo { hasNextPage } edges { cursor } } person(filter: {}) { companyId } }`,
    rootValue: {
      companies: { totalCount: 1.5, countEmptyId: 3000000000, percentageEmptyId: 'abc',
        countNotEmptyId: '3000000000', pageInfo: { hasNextPage: 'true' }, edges: 'not a list' },
      person: { companyId: 1.5 },
    },
  },
  {
    name: 'lists that are not iterable',
    query: `{ a: records(ids: []) { __typename } }`,
    rootValue: { records: { __typename: 'Person' } },
  },
  {
    name: '@skip and @include with literals and variables',
    query: `query ($yes: Boolean!, $no: Boolean = false) {
              company(filter: {}) {
                a: id @skip(if: true) b: id @include(if: false) c: id @skip(if: $no)
                d: id @include(if: $no) e: id @skip(if: $yes) @include(if: $yes)
                ... on Company @include(if: $yes) { name }
                ...F @skip(if: $yes)
                ...F @include(if: $yes)
              } }
            fragment F on Company { employees }`,
    variables: { yes: true },
    rootValue: { company },
  },
  {
    name: 'a directive argument that does not coerce',
    query: `{ company(filter: {}) { id @skip(if: "yes") } }`,
    rootValue: { company },
  },
  {
    name: 'a root directive argument that does not coerce',
    query: `{ company(filter: {}) @include(if: 1) { id } }`,
    rootValue: { company },
  },
  {
    name: 'argument errors: missing, missing variable, null, invalid literal',
    query: `query ($f: CompanyFilterInput!, $n: Int) { a: company { id } b: company(filter: $nope) { id }
              c: company(filter: null) { id } d: companies(first: "x") { totalCount }
              e: companies(first: $n) { totalCount } f: company(filter: $f) { id } }`,
    variables: { f: {} },
    rootValue: { company, companies: { totalCount: 1 } },
  },
  {
    name: 'unknown fields and fragments are left out',
    query: `{ company(filter: {}) { id nope ...Missing ... on Nope { id } } nothing }`,
    rootValue: { company },
  },
  {
    name: 'mutations run in order',
    query: `mutation M { createCompany(data: {}) { id name } deleteCompany(id: "c1") { id }
              createCompanies(data: []) { id } }`,
    rootValue: { createCompany: company, deleteCompany: null, createCompanies: [company, company] },
  },
  {
    name: 'operation chosen by name',
    query: `query A { __typename } query B { company(filter: {}) { id } }`,
    operationName: 'B',
    rootValue: { company },
  },
  { name: 'several operations and no name', query: `query A { __typename } query B { __typename }` },
  { name: 'an unknown operation name', query: `query A { __typename }`, operationName: 'C' },
  { name: 'a fragment alone', query: `fragment F on Query { __typename }` },
  { name: 'subscriptions are refused', query: `subscription S { __typename }` },
  {
    name: 'variable errors stop before execution',
    query: `query ($n: Int!, $o: OrderByDirection) { __typename }`,
    variables: { o: 'Up' },
  },
  {
    name: 'custom scalars pass JSON through; enums by name',
    query: `{ person(filter: {}) { createdAt updatedAt position performanceRating workPreference } }`,
    rootValue: {
      person: { createdAt: { deep: [1, { x: null }] }, updatedAt: 1.25, position: [true, 'x'],
        performanceRating: 'RATING_1', workPreference: ['ON_SITE', null] },
    },
  },
  {
    name: 'deep nesting through relations',
    query: `{ person(filter: {}) { company { people { edges { node { company { name
              people { totalCount } } } } } } } }`,
    rootValue: {
      person: { company: { people: { edges: [{ node: { company: { name: 'x', people: { totalCount: 5 } } } }] } } },
    },
  },
];

test('execution gives graphql-js\'s response: data, errors, paths, locations, null propagation', () => {
  for (const c of executionCases) {
    const request = { query: c.query, variables: c.variables, operationName: c.operationName,
      rootValue: c.rootValue || {} };
    const ours = withoutExtensions(twentyc(request));
    const theirs = graphql.execute({
      schema,
      document: graphql.parse(c.query),
      rootValue: withErrors(c.rootValue || {}),
      variableValues: c.variables,
      operationName: c.operationName,
    });
    assert.equal(JSON.stringify(ours), JSON.stringify(theirs), c.name);
  }
});

test('extensions codes: BAD_USER_INPUT for input, INTERNAL_SERVER_ERROR for the executor', () => {
  const bad = twentyc({ query: 'query ($n: Int!) { __typename }' });
  assert.deepEqual(bad.errors[0].extensions, { code: 'BAD_USER_INPUT' });
  assert.equal(bad.data, undefined);
  const internal = twentyc({ query: '{ company(filter: {}) { id } }', rootValue: { company: {} } });
  assert.deepEqual(internal, {
    errors: [{
      message: 'Cannot return null for non-nullable field Company.id.',
      locations: [{ line: 1, column: 25 }],
      path: ['company', 'id'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    }],
    data: { company: null },
  });
  const thrown = twentyc({ query: '{ company(filter: {}) { name } }',
    rootValue: { company: { name: { __error: 'boom' } } } });
  assert.deepEqual(thrown.errors[0], {
    message: 'boom', locations: [{ line: 1, column: 25 }], path: ['company', 'name'],
  });
});

// ---- Random documents ---------------------------------------------------------------------------

// mulberry32: a small seeded PRNG, so every run makes the same cases.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Documents over the test schema (fields with aliases and arguments, inline fragments and named
// fragments on object, interface and union types, @skip/@include with literals and variables),
// each with a root value shaped after the document: values of every leaf kind, some of the wrong
// type, nulls and thrown errors in nullable and non-null positions, abstract values with good,
// missing, unknown and impossible __typename, lists that are not lists.
function randomCases(seed, count) {
  const r = rng(seed);
  const int = (n) => Math.floor(r() * n);
  const pick = (xs) => xs[int(xs.length)];
  const chance = (p) => r() < p;
  const { isAbstractType, isCompositeType, isEnumType, isInputObjectType, isLeafType, isListType,
    isNonNullType, isObjectType, isInterfaceType, getNamedType } = graphql;

  function literal(type, depth) {
    if (isNonNullType(type)) return literal(type.ofType, depth);
    if (chance(0.05)) return 'null';
    if (isListType(type)) return chance(0.5) ? `[${literal(type.ofType, depth)}]` : literal(type.ofType, depth);
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const f = pick(fields);
      return depth > 2 || chance(0.3) ? '{}' : `{${f.name}: ${literal(f.type, depth + 1)}}`;
    }
    if (isEnumType(type)) return chance(0.9) ? pick(type.getValues()).name : 'NOPE';
    switch (type.name) {
      case 'Int': return pick(['1', '-3', '60', '$i', '2147483648', '"x"']);
      case 'Float': return pick(['1.5', '2', '$i', '"f"']);
      case 'String': return pick(['"s"', '"%a%"', '$s', '1']);
      case 'Boolean': return pick(['true', 'false', '$no', '"b"']);
      case 'ID': return pick(['"id"', '7', '$s']);
      default: return pick(['"2024-01-01"', '{a: [1, B]}', '3', '$s']);
    }
  }

  function directive() {
    return chance(0.12) ? pick([' @skip(if: true)', ' @skip(if: $no)', ' @include(if: $yes)',
      ' @include(if: false)', ' @include(if: $no)', ' @skip(if: $no) @include(if: $yes)']) : '';
  }

  function selection(type, depth, frags) {
    const items = [];
    const n = 1 + int(3);
    for (let k = 0; k < n; k++) {
      if (isAbstractType(type) || chance(0.15)) {
        if (chance(0.3)) {
          items.push(`${chance(0.2) ? 't: ' : ''}__typename${directive()}`);
          continue;
        }
        const options = isAbstractType(type) ? [...schema.getPossibleTypes(type)]
          : [type, ...type.getInterfaces()];
        if (isInterfaceType(type)) options.push(type);
        const cond = pick(options);
        const body = selection(cond, depth, frags);
        if (chance(0.5)) {
          items.push(`... on ${cond.name}${directive()} ${body}`);
        } else {
          const name = `F${frags.length}`;
          frags.push(`fragment ${name} on ${cond.name} ${body}`);
          items.push(`...${name}${directive()}`);
        }
        continue;
      }
      const f = pick(Object.values(type.getFields()));
      const alias = chance(0.2) ? `${pick(['a', 'b', 'c'])}: ` : '';
      const args = f.args.filter((a) => isNonNullType(a.type) || chance(0.15))
        .map((a) => `${a.name}: ${literal(a.type, 0)}`);
      const named = getNamedType(f.type);
      let sub = '';
      if (isCompositeType(named)) sub = depth >= 3 ? ' { __typename }' : ` ${selection(named, depth + 1, frags)}`;
      items.push(`${alias}${f.name}${args.length ? `(${args.join(', ')})` : ''}${directive()}${sub}`);
    }
    return `{ ${items.join(' ')} }`;
  }

  function leaf(type) {
    switch (type.name) {
      case 'Int': return pick([0, 7, -3, 2147483647, 2147483648, 1.5, '12', 'x', true, [1]]);
      case 'Float': return pick([1.5, 2, -0.25, 1e21, '3.5', 'abc', false, '']);
      case 'String': return pick(['s', '', 'é"\n', 12, 1.5, true, { a: 1 }]);
      case 'Boolean': return pick([true, false, 0, 2, 'true']);
      case 'ID': return pick(['id1', 42, 1.5, true]);
      default:
        if (isEnumType(type)) return chance(0.85) ? pick(type.getValues()).name : pick(['NOPE', 3]);
        return pick(['2024-01-01', 5, 1.25, { j: [1, null] }, [true]]);
    }
  }

  function fieldNodes(sets, fragments, out = new Map(), seen = new Set()) {
    for (const set of sets) {
      for (const s of set.selections) {
        if (s.kind === 'Field') {
          if (!out.has(s.name.value)) out.set(s.name.value, []);
          out.get(s.name.value).push(s);
        } else if (s.kind === 'InlineFragment') {
          fieldNodes([s.selectionSet], fragments, out, seen);
        } else if (!seen.has(s.name.value)) {
          seen.add(s.name.value);
          fieldNodes([fragments[s.name.value].selectionSet], fragments, out, seen);
        }
      }
    }
    return out;
  }

  function value(type, nodes, fragments) {
    if (isNonNullType(type)) return chance(0.05) ? null : value(type.ofType, nodes, fragments);
    const roll = r();
    if (roll < 0.05) return null;
    if (roll < 0.08) return { __error: `E${int(100)}` };
    if (isListType(type)) {
      if (chance(0.04)) return 'not a list';
      return Array.from({ length: int(4) }, () => value(type.ofType, nodes, fragments));
    }
    if (isLeafType(type)) return leaf(type);
    const obj = {};
    const types = isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
    if (isAbstractType(type)) {
      if (chance(0.06)) obj.__typename = pick(['Nope', 'PageInfo', 'Node']);
      else if (!chance(0.03)) obj.__typename = pick(types).name;
    }
    const sets = nodes.filter((n) => n.selectionSet).map((n) => n.selectionSet);
    for (const [name, fnodes] of fieldNodes(sets, fragments)) {
      const owner = types.find((t) => t.getFields()[name]);
      if (owner) obj[name] = value(owner.getFields()[name].type, fnodes, fragments);
    }
    return obj;
  }

  const cases = [];
  for (let k = 0; k < count; k++) {
    const mutation = chance(0.15);
    const root = mutation ? schema.getMutationType() : schema.getQueryType();
    const frags = [];
    const body = selection(root, 0, frags);
    const query = `${mutation ? 'mutation' : 'query'} R($yes: Boolean = true, $no: Boolean, $i: Int, $s: String) ${body} ${frags.join(' ')}`;
    const document = graphql.parse(query);
    const fragments = Object.fromEntries(document.definitions
      .filter((d) => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]));
    const rootValue = value(new graphql.GraphQLNonNull(root), [document.definitions[0]], fragments) || {};
    const variables = {};
    if (chance(0.7)) variables.no = chance(0.04) ? 'x' : pick([true, false, null]);
    if (chance(0.7)) variables.i = chance(0.04) ? 2147483648 : pick([1, 60, null]);
    if (chance(0.7)) variables.s = chance(0.04) ? 3 : pick(['s', null]);
    // root fields with every argument given a random literal half the time
    const fields = Array.from({ length: 1 + int(3) }, () => {
      const f = pick(Object.values(root.getFields()));
      const args = f.args.filter((a) => isNonNullType(a.type) ? !chance(0.05) : chance(0.5))
        .map((a) => `${a.name}: ${literal(a.type, 0)}`);
      return `${f.name}${args.length ? `(${args.join(', ')})` : ''}`;
    });
    const argsQuery = `${mutation ? 'mutation' : 'query'} A($yes: Boolean = true, $no: Boolean, $i: Int, $s: String) { ${fields.join(' ')} }`;
    cases.push({ query, variables, rootValue, argsQuery });
  }
  return cases;
}

test('random documents over the test schema execute as in graphql-js', () => {
  const cases = randomCases(Number(process.env.GQL_SEED || 20240611), Number(process.env.GQL_CASES || 400));
  const lines = run('execute_doc', JSON.stringify(cases)).trimEnd().split('\n');
  assert.equal(lines.length, cases.length);
  let errors = 0;
  cases.forEach((c, k) => {
    const ours = withoutExtensions(JSON.parse(lines[k]));
    const theirs = graphql.execute({
      schema,
      document: graphql.parse(c.query),
      rootValue: withErrors(c.rootValue),
      variableValues: c.variables,
    });
    errors += (theirs.errors || []).length;
    assert.equal(JSON.stringify(ours), JSON.stringify(theirs), `case ${k}: ${c.query}`);
  });
  assert.ok(errors > 100, `only ${errors} errors: the cases do not exercise error paths`);
});

test('arguments coerce as graphql-js getArgumentValues does, over random literals', () => {
  const cases = randomCases(Number(process.env.GQL_SEED || 20240611) + 1,
    Number(process.env.GQL_CASES || 400));
  const requests = cases.map((c) => ({ query: c.argsQuery, variables: c.variables, mode: 'arguments' }));
  const lines = run('execute_doc', JSON.stringify(requests)).trimEnd().split('\n');
  let errors = 0;
  cases.forEach((c, k) => {
    const document = graphql.parse(c.argsQuery);
    const op = document.definitions[0];
    const vars = graphql.getVariableValues(schema, op.variableDefinitions, c.variables);
    let expected;
    if (vars.errors) {
      expected = { errors: vars.errors.map((e) => e.toJSON()) };
    } else {
      const root = op.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
      expected = {
        fields: op.selectionSet.selections.map((node) => {
          const key = node.name.value;
          try {
            return { key, args: graphql.getArgumentValues(root.getFields()[key], node, vars.coerced) };
          } catch (e) {
            errors++;
            return { key, error: e.toJSON() };
          }
        }),
      };
    }
    const ours = JSON.parse(lines[k]);
    for (const e of ours.errors || []) delete e.extensions;
    for (const f of ours.fields || []) if (f.error) delete f.error.extensions;
    assert.equal(JSON.stringify(ours), JSON.stringify(expected), `case ${k}: ${c.argsQuery}`);
  });
  assert.ok(errors > 50, `only ${errors} argument errors`);
});
