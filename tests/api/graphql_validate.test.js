'use strict';
// Differential test of twentyc's GraphQL validation (src/graphql/validate.h) against graphql-js
// 16 (Debian's node-graphql): the same documents are validated against the Twenty-shaped test
// schema by twentyc's validate_doc tool (built next to TWENTYC_BIN; its SDL comes from
// print_test_schema and is built in graphql-js with buildSchema) and by graphql-js's validate().
// For every document both must report the same errors, in the same order, at the same
// locations, with the same messages.
//
// Corpus: hand-written documents (valid Twenty queries and mutations, and every rule broken at
// least once), then documents generated at random (seeded, so a failure reproduces) from the
// schema: valid ones, and the same ones mutated (typos, missing or extra arguments, wrong value
// kinds, nulls, duplicates, unknown or misplaced directives, variables undefined, unused or
// mistyped, fragments unknown, unused, impossible or cyclic, aliases that conflict, ...).
// Documents graphql-js does not parse are left out (the parser has its own differential test).
// Last, the fuzz target's seed corpus (fuzz/corpus/graphql_validate, inputs libFuzzer found):
// same errors wherever graphql-js finishes; where it overflows its stack (a fragment cycle makes
// its OverlappingFieldsCanBeMerged recurse without end), twentyc must have given up on that rule.
// No database and no server: only the tools. GQL_VALIDATE_SEED and GQL_VALIDATE_COUNT change
// the random part.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const graphql = require('/usr/share/nodejs/graphql');

const TWENTYC_BIN = process.env.TWENTYC_BIN || path.resolve(__dirname, '../../build-asan/twentyc');
const TOOLS = path.dirname(TWENTYC_BIN);
const SEED = Number(process.env.GQL_VALIDATE_SEED || 20211026);
const COUNT = Number(process.env.GQL_VALIDATE_COUNT || 1500);

function run(tool, args, input) {
  const file = path.join(TOOLS, tool);
  assert.ok(fs.existsSync(file), `${file} is missing: build the ${tool} target`);
  const r = spawnSync(file, args, { input, encoding: 'utf8', maxBuffer: 512 << 20 });
  assert.equal(r.status, 0, `${tool} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const schema = graphql.buildSchema(run('print_test_schema', [], ''));

// twentyc's answers for many documents in one run of the tool.
function twentyc(docs) {
  const framed = docs.map((d) => `${Buffer.byteLength(d)}\n${d}`).join('');
  const lines = run('validate_doc', ['--batch'], framed).trimEnd().split('\n');
  assert.equal(lines.length, docs.length);
  return lines.map((l) => JSON.parse(l));
}

// graphql-js's answer: null when it does not parse, else the errors as GraphQL formats them. A
// rule that throws (graphql-js lets the exception out of validate()) counts as that one error;
// a stack overflow is 'overflow'.
function reference(doc) {
  let ast;
  try {
    ast = graphql.parse(doc);
  } catch {
    return null;
  }
  let errors;
  try {
    errors = graphql.validate(schema, ast);
  } catch (e) {
    if (e instanceof RangeError) return 'overflow';
    errors = [e];
  }
  return errors.map((e) => {
    const o = { message: e.message };
    if (e.locations) o.locations = e.locations.map(({ line, column }) => ({ line, column }));
    return o;
  });
}

const strip = (errors) =>
  errors.map(({ message, locations }) => (locations ? { message, locations } : { message }));
const shape = (errors) => errors.map((e) => JSON.stringify(e.locations || []));

// ---- Hand-written documents ---------------------------------------------------------------------

const HAND = [
  // valid: what Twenty's front end sends
  `query FindManyCompanies($filter: CompanyFilterInput, $orderBy: [CompanyOrderByInput], $lastCursor: String, $limit: Int) {
    companies(filter: $filter, orderBy: $orderBy, first: $limit, after: $lastCursor) {
      edges { node { __typename id name domainName { primaryLinkUrl primaryLinkLabel }
        employees address { addressCity addressCountry } accountOwner { id name { firstName lastName } }
        people(first: 10) { edges { node { id name { firstName lastName } emails { primaryEmail } } } }
        createdAt updatedAt } cursor }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`,
  `query { company(filter: {id: {eq: "20202020-3ec3-4fe3-8997-b76aa0bfa408"}}) { id name ...C } }
   fragment C on Company { tagline workPolicy createdBy { source name } }`,
  `mutation CreateOne($input: CompanyCreateInput!) { createCompany(data: $input) { id name } }`,
  `mutation { updateCompany(id: "x", data: {name: "Acme", employees: 12, domainName: {primaryLinkUrl: "https://a.b"}}) { id } }`,
  `query ($ids: [UUID!]!) { records(ids: $ids) { ... on Company { id name } ... on Person { id name { firstName } } __typename } }`,
  `query { node(id: "1") { id ... on Company { name } ... on Record { createdAt } } }`,
  `query { search(searchInput: "acme", limit: 10) { edges { node { __typename } } } }`,
  `query Q($skip: Boolean!) { companies { totalCount @skip(if: $skip) edges @include(if: true) { cursor } } }`,
  `query { __typename __schema { types { name } } __type(name: "Company") { fields { name } } }`,
  `query A { companies { totalCount } } query B { people { totalCount } }`,
  `query ($o: [CompanyOrderByInput] = [{name: AscNullsFirst}, {createdAt: DescNullsLast}]) { companies(orderBy: $o) { totalCount } }`,
  `query { companies(filter: {and: [{name: {ilike: "%a%"}}, {or: [{employees: {gte: 10}}, {idealCustomerProfile: {eq: true}}]}]}) { totalCount } }`,
  `query { a: companies { totalCount } b: companies(first: 1) { totalCount } }`,
  // ExecutableDefinitions: twentyc's parser refuses non-executable definitions (left out here)
  // UniqueOperationNames
  `query A { __typename } query A { __typename }`,
  `query A { __typename } mutation A { __typename }`,
  // LoneAnonymousOperation
  `{ __typename } { __typename }`,
  `{ __typename } query A { __typename }`,
  // KnownTypeNames
  `query ($a: Compny) { __typename }`,
  `query ($a: [StringFiltr!]) { __typename }`,
  `{ companies { edges { node { ... on Compnay { id } } } } }`,
  `fragment F on Peron { id } { ...F }`,
  // FragmentsOnCompositeTypes
  `{ companies { ... on String { id } } }`,
  `fragment F on CompanyFilterInput { id } { companies { ...F } }`,
  // VariablesAreInputTypes
  `query ($c: Company, $e: [CompanyEdge!]!) { __typename }`,
  // ScalarLeafs
  `{ companies }`,
  `{ companies { totalCount { x } } }`,
  `{ company(filter: {}) { name { first } } }`,
  // FieldsOnCorrectType
  `{ companies { edges { node { nam emploees } } } }`,
  `{ node(id: "1") { name } }`,
  `{ records(ids: []) { id } }`,
  `{ node(id: "1") { createdAt } }`,
  `mutation { createCompany(data: {}) { x } }`,
  // UniqueFragmentNames, KnownFragmentNames, NoUnusedFragments
  `{ companies { ...F } } fragment F on CompanyConnection { totalCount } fragment F on CompanyConnection { totalCount }`,
  `{ companies { ...Missing } }`,
  `{ __typename } fragment Unused on Company { id }`,
  // PossibleFragmentSpreads
  `{ companies { edges { node { ... on Person { id } } } } }`,
  `{ companies { edges { node { ...P } } } } fragment P on Person { id }`,
  `{ node(id: "1") { ... on CompanyEdge { cursor } } }`,
  `{ records(ids: []) { ... on Node { id } ... on PageInfo { hasNextPage } } }`,
  // NoFragmentCycles
  `{ companies { ...A } } fragment A on CompanyConnection { ...B } fragment B on CompanyConnection { ...A }`,
  `{ companies { ...A } } fragment A on CompanyConnection { ...A }`,
  `{ companies { ...A } } fragment A on CompanyConnection { ...B ...C } fragment B on CompanyConnection { ...C } fragment C on CompanyConnection { ...A ...B }`,
  // UniqueVariableNames
  `query ($a: Int, $a: Int, $b: String, $a: Int) { companies(first: $a, after: $b) { totalCount } }`,
  // NoUndefinedVariables
  `query Q { companies(first: $n) { totalCount } }`,
  `{ companies(first: $n) { ...F } } fragment F on CompanyConnection { edges { node { people(first: $m) { totalCount } } } }`,
  // NoUnusedVariables
  `query Q($a: Int, $b: String) { companies(first: $a) { totalCount } }`,
  `query ($a: Int) { __typename }`,
  // KnownDirectives
  `{ companies @unknown { totalCount } }`,
  `query @skip(if: true) { __typename }`,
  `{ companies { totalCount @workspace(id: "1") } }`,
  `query ($a: Int @include(if: true)) { companies(first: $a) { totalCount } }`,
  `mutation @workspace(id: "w") { deleteCompany(id: "1") { id } }`,
  // UniqueDirectivesPerLocation
  `{ companies @skip(if: false) @skip(if: true) { totalCount } }`,
  `query @workspace(id: "a") @workspace(id: "b") { __typename }`,
  // KnownArgumentNames
  `{ companies(frist: 1, filtr: {}) { totalCount } }`,
  `{ companies @skip(iff: true, if: true) { totalCount } }`,
  `{ __typename(a: 1) }`,
  // UniqueArgumentNames
  `{ companies(first: 1, first: 2) { totalCount } }`,
  `{ __typename @include(if: true, if: false) }`,
  // ValuesOfCorrectType
  `{ companies(first: "ten") { totalCount } }`,
  `{ companies(first: 1.5) { totalCount } }`,
  `{ companies(first: 2147483648) { totalCount } }`,
  `{ companies(first: -2147483648) { totalCount } }`,
  `{ companies(after: 12) { totalCount } }`,
  `{ companies(filter: {name: {eq: true}}) { totalCount } }`,
  `{ companies(orderBy: [{name: Asc}]) { totalCount } }`,
  `{ companies(orderBy: {name: "AscNullsFirst"}) { totalCount } }`,
  `{ companies(filter: {nme: {eq: "a"}, employees: {gt: "1"}}) { totalCount } }`,
  `{ companies(filter: [1, 2]) { totalCount } }`,
  `{ companies(first: [1]) { totalCount } }`,
  `{ companies(first: {a: 1}) { totalCount } }`,
  `{ company(filter: null) { id } }`,
  `{ records(ids: null) { __typename } }`,
  `{ records(ids: [null, "a"]) { __typename } }`,
  `{ records(ids: ["a"], boost: null, stage: WON, cursor: 1.5, exact: "yes") { __typename } }`,
  `{ records(ids: ["a"], stage: won) { __typename } }`,
  `{ records(ids: ["a"], stage: "NEW") { __typename } }`,
  `{ companies @skip(if: "no") { totalCount } }`,
  `mutation { createCompany(data: {name: "A", address: {addressCity: 1}}) { id } }`,
  `query ($f: Int = "x", $o: CompanyOrderByInput = {nam: AscNullsFirst}) { companies(first: $f, orderBy: [$o]) { totalCount } }`,
  `{ companies(filter: {id: {in: ["a", 1, true]}}) { totalCount } }`,
  `{ companies(filter: {name: {eq: """block"""}}) { totalCount } }`,
  `{ companies(first: """1""") { totalCount } }`,
  // ProvidedRequiredArguments
  `{ company { id } }`,
  `{ records { __typename } }`,
  `{ companies @skip { totalCount } }`,
  `mutation { updateCompany { id } }`,
  // VariablesInAllowedPosition
  `query ($n: String) { companies(first: $n) { totalCount } }`,
  `query ($f: CompanyFilterInput) { company(filter: $f) { id } }`,
  `query ($f: CompanyFilterInput = {}) { company(filter: $f) { id } }`,
  `query ($ids: [UUID]) { records(ids: $ids) { __typename } }`,
  `query ($id: UUID) { records(ids: [$id]) { __typename } }`,
  `query ($b: Float) { records(ids: [], boost: $b) { __typename } }`,
  `query ($s: Boolean) { companies @skip(if: $s) { totalCount } }`,
  `query ($n: Int!) { companies(filter: {employees: {eq: $n}}) { totalCount } }`,
  // OverlappingFieldsCanBeMerged
  `{ companies { totalCount: pageInfo { hasNextPage } totalCount } }`,
  `{ companies(first: 1) { totalCount } companies(first: 2) { totalCount } }`,
  `{ companies { edges { node { id } } } companies { edges { node: cursor } } }`,
  `{ companies { edges { node { name: tagline } } } companies { edges { node { name } } } }`,
  `{ records(ids: []) { ... on Company { name } ... on Person { name { firstName } } } }`,
  `{ records(ids: []) { ... on Company { x: name } ... on Person { x: jobTitle } } }`,
  `{ records(ids: []) { ... on Company { x: name } ... on Person { x: createdAt } } }`,
  `{ companies { ...A ...B } } fragment A on CompanyConnection { t: totalCount } fragment B on CompanyConnection { t: pageInfo { hasNextPage } }`,
  `{ companies { t: totalCount ...A } } fragment A on CompanyConnection { t: countEmptyId }`,
  `{ companies(filter: {name: {eq: "a"}, id: {eq: "b"}}) { totalCount } companies(filter: {id: {eq: "b"}, name: {eq: "a"}}) { totalCount } }`,
  `{ node(id: "1") { id ... on Company { id: name } } }`,
  // UniqueInputFieldNames
  `{ companies(filter: {name: {eq: "a", eq: "b"}, name: {neq: "c"}}) { totalCount } }`,
  // SingleFieldSubscriptions: the test schema has no subscription type
  `subscription { __typename }`,
  // several rules at once, to check the order
  `query Q($a: Int, $a: String) { companies(first: $b, frist: 1) @skip { totl edges { node { id ...X } } } }
   fragment Y on Compny { id }`,
];

// ---- Random documents ---------------------------------------------------------------------------

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const {
  isNonNullType, isListType, isEnumType, isInputObjectType, isScalarType, isCompositeType,
  isAbstractType, isObjectType, getNamedType, Kind,
} = graphql;

function generator(rand) {
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const chance = (p) => rand() < p;
  const words = ['acme', 'Ada', 'x', '', 'a b', 'é', '20202020-0000-4000-8000-000000000001'];
  let vars;
  let frags;

  function scalarLiteral(t) {
    switch (t.name) {
      case 'Int': return String(Math.floor(rand() * 200) - 50);
      case 'Float': return chance(0.5) ? String(Math.floor(rand() * 9)) : (rand() * 100).toFixed(2);
      case 'Boolean': return chance(0.5) ? 'true' : 'false';
      case 'ID': return chance(0.5) ? String(Math.floor(rand() * 99)) : JSON.stringify(pick(words));
      default: return JSON.stringify(pick(words));
    }
  }

  function value(type, depth, allowVar) {
    if (allowVar && chance(0.15)) {
      const name = `v${vars.length}`;
      vars.push(`$${name}: ${type}`);
      return `$${name}`;
    }
    if (isNonNullType(type)) return value(type.ofType, depth, false);
    if (chance(0.05)) return 'null';
    if (isListType(type)) {
      if (chance(0.3)) return value(type.ofType, depth, allowVar);
      const n = Math.floor(rand() * 3);
      return `[${Array.from({ length: n }, () => value(type.ofType, depth + 1, allowVar)).join(', ')}]`;
    }
    if (isEnumType(type)) return pick(type.getValues()).name;
    if (isScalarType(type)) return scalarLiteral(type);
    const fields = Object.values(type.getFields());
    const chosen = fields.filter((f) => (isNonNullType(f.type) && f.defaultValue === undefined)
      || (depth < 3 && chance(2 / (fields.length + 1))));
    return `{${chosen.map((f) => `${f.name}: ${value(f.type, depth + 1, allowVar)}`).join(', ')}}`;
  }

  function args(defs) {
    const out = defs
      .filter((a) => (isNonNullType(a.type) && a.defaultValue === undefined) || chance(0.25))
      .map((a) => `${a.name}: ${value(a.type, 0, true)}`);
    return out.length ? `(${out.join(', ')})` : '';
  }

  function selection(type, depth) {
    const parts = [];
    if (isObjectType(type) || graphql.isInterfaceType(type)) {
      const fields = Object.values(type.getFields());
      const n = 1 + Math.floor(rand() * Math.min(5, fields.length));
      for (let i = 0; i < n; i++) {
        const f = pick(fields);
        const named = getNamedType(f.type);
        if (isCompositeType(named) && depth >= 4) continue;
        const alias = chance(0.1) ? `a${i}: ` : '';
        let s = `${alias}${f.name}${args(f.args)}`;
        if (chance(0.05)) s += ` @include(if: ${chance(0.5)})`;
        if (isCompositeType(named)) s += ` ${selection(named, depth + 1)}`;
        parts.push(s);
      }
    }
    if (chance(0.2)) parts.push('__typename');
    if (isAbstractType(type) && chance(0.8)) {
      const t = pick(schema.getPossibleTypes(type));
      parts.push(`... on ${t.name} ${selection(t, depth + 1)}`);
    } else if (chance(0.1)) {
      parts.push(`... ${selection(type, depth + 1)}`);
    }
    if (chance(0.15) && depth < 4) {
      const name = `F${frags.length}`;
      frags.push(null);
      const i = frags.length - 1;
      frags[i] = `fragment ${name} on ${type.name} ${selection(type, depth + 1)}`;
      parts.push(`...${name}`);
    }
    if (!parts.length) parts.push('__typename');
    return `{ ${parts.join(' ')} }`;
  }

  return function document() {
    vars = [];
    frags = [];
    const root = chance(0.75) ? schema.getQueryType() : schema.getMutationType();
    const op = root === schema.getQueryType() ? 'query' : 'mutation';
    const fields = Object.values(root.getFields());
    const n = 1 + Math.floor(rand() * 3);
    const parts = [];
    for (let i = 0; i < n; i++) {
      const f = pick(fields);
      const named = getNamedType(f.type);
      let s = `${n > 1 ? `r${i}: ` : ''}${f.name}${args(f.args)}`;
      if (isCompositeType(named)) s += ` ${selection(named, 1)}`;
      parts.push(s);
    }
    const body = `{ ${parts.join(' ')} }`;
    const head = vars.length ? `${op} Q(${vars.join(', ')}) ` : chance(0.5) ? `${op} Q ` : op === 'query' ? '' : 'mutation ';
    return [head + body, ...frags].join('\n');
  };
}

// Mutations: each takes a parsed document and changes one random node of some kind.
function mutator(rand) {
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const typo = (s) => {
    if (s.length < 2) return `${s}x`;
    const i = Math.floor(rand() * s.length);
    const r = rand();
    if (r < 0.33) return s.slice(0, i) + s.slice(i + 1);
    if (r < 0.66) return s.slice(0, i) + 'q' + s.slice(i);
    return s.slice(0, i) + s[i].toUpperCase() + s.slice(i + 1);
  };
  const name = (value) => ({ kind: Kind.NAME, value });
  const nodesOf = (doc, kinds) => {
    const out = [];
    graphql.visit(doc, { enter(node) { if (kinds.includes(node.kind)) out.push(node); } });
    return out;
  };
  const literals = [
    { kind: Kind.INT, value: '7' }, { kind: Kind.INT, value: '99999999999' },
    { kind: Kind.FLOAT, value: '1.5' }, { kind: Kind.STRING, value: 'text' },
    { kind: Kind.STRING, value: 'blk', block: true }, { kind: Kind.BOOLEAN, value: true },
    { kind: Kind.NULL }, { kind: Kind.ENUM, value: 'AscNullsFirst' }, { kind: Kind.ENUM, value: 'WON' },
    { kind: Kind.LIST, values: [{ kind: Kind.INT, value: '1' }] },
    { kind: Kind.OBJECT, fields: [{ kind: Kind.OBJECT_FIELD, name: name('eq'), value: { kind: Kind.STRING, value: 'a' } }] },
    { kind: Kind.VARIABLE, name: name('undefinedVar') },
  ];
  const directives = [
    ['skip', [['if', { kind: Kind.BOOLEAN, value: true }]]], ['include', []], ['skip', [['iff', { kind: Kind.BOOLEAN, value: false }]]],
    ['unknownDir', []], ['workspace', [['id', { kind: Kind.STRING, value: 'w' }]]], ['deprecated', []],
  ].map(([n, a]) => ({ kind: Kind.DIRECTIVE, name: name(n), arguments: a.map(([k, v]) => ({ kind: Kind.ARGUMENT, name: name(k), value: v })) }));

  const ops = [
    (doc) => { const f = pick(nodesOf(doc, [Kind.FIELD])); f.name = name(typo(f.name.value)); },
    (doc) => { const f = pick(nodesOf(doc, [Kind.FIELD])); if (f.arguments.length) f.arguments = f.arguments.slice(1); },
    (doc) => { const f = pick(nodesOf(doc, [Kind.FIELD, Kind.DIRECTIVE])); f.arguments = [...(f.arguments || []), { kind: Kind.ARGUMENT, name: name(pick(['frist', 'filter', 'if', 'limit', 'zzz'])), value: pick(literals) }]; },
    (doc) => { const a = pick(nodesOf(doc, [Kind.ARGUMENT, Kind.OBJECT_FIELD])); if (a) a.value = pick(literals); },
    (doc) => { const a = pick(nodesOf(doc, [Kind.OBJECT_FIELD])); if (a) a.name = name(typo(a.name.value)); },
    (doc) => { const o = pick(nodesOf(doc, [Kind.OBJECT])); if (o && o.fields.length) o.fields = [...o.fields, o.fields[0]]; },
    (doc) => { const o = pick(nodesOf(doc, [Kind.OBJECT])); if (o) o.fields = o.fields.slice(1); },
    (doc) => { const f = pick(nodesOf(doc, [Kind.FIELD])); if (f.arguments.length) f.arguments = [...f.arguments, f.arguments[0]]; },
    (doc) => { const f = pick(nodesOf(doc, [Kind.FIELD])); f.selectionSet = f.selectionSet ? undefined : { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: name('id') }] }; },
    (doc) => { const f = pick(nodesOf(doc, [Kind.FIELD, Kind.FRAGMENT_SPREAD, Kind.INLINE_FRAGMENT, Kind.OPERATION_DEFINITION])); f.directives = [...(f.directives || []), pick(directives)]; },
    (doc) => { const s = pick(nodesOf(doc, [Kind.SELECTION_SET])); const f = pick(nodesOf(doc, [Kind.FIELD])); s.selections = [...s.selections, { ...structuredClone(f), alias: name(f.alias ? f.alias.value : pick(['id', 'name', 'totalCount', 'x'])) }]; },
    (doc) => { const s = pick(nodesOf(doc, [Kind.SELECTION_SET])); s.selections = [...s.selections, { kind: Kind.FRAGMENT_SPREAD, name: name(pick(['F0', 'F1', 'Nope'])) }]; },
    (doc) => { const s = pick(nodesOf(doc, [Kind.SELECTION_SET])); s.selections = [...s.selections, { kind: Kind.INLINE_FRAGMENT, typeCondition: { kind: Kind.NAMED_TYPE, name: name(pick(['Person', 'Company', 'PageInfo', 'String', 'Compny', 'Node', 'AnyRecord'])) }, selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: name('id') }] } }]; },
    (doc) => { const t = pick(nodesOf(doc, [Kind.NAMED_TYPE])); if (t) t.name = name(pick([typo(t.name.value), 'Company', 'String', 'Int', 'CompanyFilterInput'])); },
    (doc) => { const v = pick(nodesOf(doc, [Kind.VARIABLE])); if (v) v.name = name(typo(v.name.value)); },
    (doc) => { const o = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION); o.variableDefinitions = [...(o.variableDefinitions || []), { kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: name(pick(['v0', 'unused', 'v1'])) }, type: { kind: Kind.NAMED_TYPE, name: name(pick(['Int', 'String', 'Boolean', 'UUID'])) }, directives: [] }]; },
    (doc) => { doc.definitions = [...doc.definitions, pick(doc.definitions)]; },
    (doc) => { const d = pick(doc.definitions); if (d.kind === Kind.FRAGMENT_DEFINITION) d.selectionSet.selections = [...d.selectionSet.selections, { kind: Kind.FRAGMENT_SPREAD, name: d.name }]; },
    (doc) => { doc.definitions = [...doc.definitions, { kind: Kind.OPERATION_DEFINITION, operation: 'query', selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: name('__typename') }] } }]; },
    (doc) => { const d = doc.definitions.find((x) => x.kind === Kind.FRAGMENT_DEFINITION); if (d) doc.definitions = doc.definitions.map((x) => (x.kind === Kind.OPERATION_DEFINITION ? { ...x, selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: name('__typename') }] } } : x)); },
  ];

  return function mutate(text) {
    const doc = graphql.parse(text, { noLocation: true });
    const n = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) {
      try {
        pick(ops)(doc);
      } catch {
        // a mutation that found nothing to change
      }
    }
    return graphql.print(doc);
  };
}

function randomCorpus(seed, count) {
  const rand = prng(seed);
  const document = generator(rand);
  const mutate = mutator(rand);
  const out = [];
  for (let i = 0; i < count; i++) {
    const doc = document();
    out.push(doc);
    out.push(mutate(doc));
  }
  return out;
}

// ---- The comparison -----------------------------------------------------------------------------

const TOO_COMPLEX = /^The document is too complex to /;

function compare(docs) {
  const ours = twentyc(docs);
  const stats = { compared: 0, errors: 0, invalid: 0, sameMessages: 0, skipped: 0, overflow: 0 };
  const failures = [];
  docs.forEach((doc, i) => {
    const ref = reference(doc);
    if (ref === null) {
      stats.skipped++;
      return;
    }
    if (ref === 'overflow') {
      stats.overflow++;
      if (!ours[i].errors || !ours[i].errors.some((e) => TOO_COMPLEX.test(e.message)))
        failures.push({ doc, reason: 'graphql-js overflows its stack, twentyc did not give up', ours: ours[i] });
      return;
    }
    stats.compared++;
    if (ours[i].parse) {
      failures.push({ doc, reason: 'twentyc does not parse it', ours: ours[i].parse });
      return;
    }
    const got = strip(ours[i].errors);
    stats.errors += ref.length;
    if (ref.length) stats.invalid++;
    if (JSON.stringify(shape(got)) !== JSON.stringify(shape(ref))) {
      failures.push({ doc, reason: 'count or locations differ', ours: got, graphqljs: ref });
      return;
    }
    if (JSON.stringify(got) === JSON.stringify(ref)) stats.sameMessages++;
    else failures.push({ doc, reason: 'messages differ', ours: got, graphqljs: ref });
  });
  return { stats, failures };
}

function report(name, { stats, failures }) {
  const rate = stats.compared ? ((100 * stats.sameMessages) / stats.compared).toFixed(2) : '0';
  console.log(`# ${name}: ${stats.compared} documents compared (${stats.invalid} invalid, ` +
    `${stats.errors} errors), ${stats.skipped} not parsed by graphql-js, ${stats.overflow} ` +
    `overflowing its stack; messages identical in ${stats.sameMessages} (${rate}%)`);
  for (const f of failures.slice(0, 5))
    console.log(JSON.stringify(f, null, 1));
}

test('hand-written documents: same errors, locations and messages as graphql-js', () => {
  const r = compare(HAND);
  report('hand-written', r);
  assert.equal(r.stats.skipped, 0, 'every hand-written document parses');
  assert.ok(r.stats.invalid >= 80, "most hand-written documents are invalid");
  assert.deepEqual(r.failures, []);
});

test(`random documents (seed ${SEED}, ${COUNT} valid + ${COUNT} mutated): same errors as graphql-js`, () => {
  const docs = randomCorpus(SEED, COUNT);
  const r = compare(docs);
  report('random', r);
  assert.ok(r.stats.invalid > COUNT / 2, 'the mutations make invalid documents');
  assert.ok(r.stats.compared - r.stats.invalid > COUNT / 2, 'the generator makes valid documents');
  assert.deepEqual(r.failures, []);
});

test('the fuzz seed corpus: same errors as graphql-js wherever it finishes', () => {
  const dir = path.resolve(__dirname, '../../fuzz/corpus/graphql_validate');
  const docs = fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f)))
    .filter((b) => Buffer.from(b.toString('utf8')).equals(b)) // JavaScript strings are not bytes
    .map((b) => b.toString('utf8'));
  const r = compare(docs);
  report('fuzz corpus', r);
  assert.ok(r.stats.compared > 100);
  assert.deepEqual(r.failures, []);
});

test('the error limit: 100 errors, then graphql-js\'s abort message', () => {
  const doc = `{ ${Array.from({ length: 120 }, (_, i) => `f${i}`).join(' ')} }`;
  const [ours] = twentyc([doc]);
  const ref = reference(doc);
  assert.equal(ref.length, 101);
  assert.deepEqual(strip(ours.errors), ref);
  assert.equal(ours.errors[100].message,
    'Too many validation errors, error limit reached. Validation aborted.');
  assert.deepEqual(ours.errors[0].extensions, { code: 'GRAPHQL_VALIDATION_FAILED' });
});
