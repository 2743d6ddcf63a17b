'use strict';
// Differential test of twentyc's GraphQL schema model and SDL printer (src/graphql/schema.h,
// sdl.h) against graphql-js 16 (Debian's node-graphql): the Twenty-shaped test schema
// (src/graphql/testschema.c), printed by twentyc's print_test_schema tool (built next to
// TWENTYC_BIN), must be accepted by graphql-js and printed back byte for byte.
//
// Order: twentyc prints types in the order they were added to the schema, and graphql-js's
// buildSchema keeps the order of the SDL, so printSchema(buildSchema(sdl)) is compared with sdl
// directly, without lexicographicSortSchema on either side. twentyc's type list (built-in scalars
// and introspection types included) must also equal graphql-js's getTypeMap() order.
// No database and no server: only the tool.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const graphql = require('/usr/share/nodejs/graphql');

const TWENTYC_BIN = process.env.TWENTYC_BIN || path.resolve(__dirname, '../../build-asan/twentyc');
const TOOL = path.join(path.dirname(TWENTYC_BIN), 'print_test_schema');

function tool(...args) {
  assert.ok(fs.existsSync(TOOL), `${TOOL} is missing: build the print_test_schema target`);
  const r = spawnSync(TOOL, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `print_test_schema ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const sdl = tool();
const schema = graphql.buildSchema(sdl);

test('graphql-js accepts the test schema', () => {
  assert.deepEqual(graphql.validateSchema(schema).map((e) => e.message), []);
});

test('printSchema(buildSchema(sdl)) is twentyc\'s SDL, byte for byte', () => {
  const printed = graphql.printSchema(schema);
  if (printed !== sdl) {
    // Show the first differing line rather than two 60 kB strings.
    const a = sdl.split('\n');
    const b = printed.split('\n');
    const i = a.findIndex((line, k) => line !== b[k]);
    assert.fail(`line ${i + 1}: twentyc ${JSON.stringify(a[i])}, graphql-js ${JSON.stringify(b[i])}`);
  }
});

test('the introspection types and specified directives print as printIntrospectionSchema', () => {
  assert.equal(tool('--introspection'), graphql.printIntrospectionSchema(schema));
});

test('the type list is graphql-js getTypeMap() order, unused built-in scalars left out', () => {
  const ours = tool('--types').trimEnd().split('\n');
  assert.deepEqual(ours, Object.keys(schema.getTypeMap()));
  assert.ok(ours.includes('Float') && ours.includes('__Schema'));
});

test('possible types of every abstract type agree', () => {
  const ours = tool('--possible').trimEnd().split('\n');
  const theirs = Object.values(schema.getTypeMap())
    .filter((t) => graphql.isAbstractType(t))
    .map((t) => `${t.name}:${schema.getPossibleTypes(t).map((p) => ` ${p.name}`).join('')}`);
  assert.deepEqual(ours, theirs);
});

test('an introspection round trip through graphql-js prints the same SDL', () => {
  // What GraphiQL and codegen do with a server's schema; the introspection answer itself comes
  // later from twentyc's executor, this pins the model it will be answered from.
  const client = graphql.buildClientSchema(graphql.introspectionFromSchema(schema));
  assert.equal(graphql.printSchema(client), sdl);
});

test('the schema has Twenty\'s shape (spec/twenty-api.md §4)', () => {
  const q = schema.getQueryType().getFields();
  const args = (f) => f.args.map((a) => `${a.name}: ${a.type}`);
  assert.equal(String(q.companies.type), 'CompanyConnection!');
  assert.deepEqual(args(q.companies), [
    'first: Int', 'last: Int', 'offset: Int', 'before: String', 'after: String',
    'filter: CompanyFilterInput', 'orderBy: [CompanyOrderByInput]',
  ]);
  assert.deepEqual(args(q.company), ['filter: CompanyFilterInput!']);
  assert.equal(String(q.personDuplicates.type), '[PersonConnection]');

  const m = schema.getMutationType().getFields();
  assert.deepEqual(args(m.createCompanies), ['data: [CompanyCreateInput]!', 'upsert: Boolean']);
  assert.deepEqual(args(m.updateCompany), ['id: UUID!', 'data: CompanyUpdateInput!']);
  assert.deepEqual(args(m.deleteOpportunity), ['id: UUID!']);
  assert.deepEqual(args(m.mergePeople),
    ['ids: [UUID]!', 'conflictPriorityIndex: Int!', 'dryRun: Boolean']);

  const fields = (name) => Object.keys(schema.getType(name).getFields());
  assert.deepEqual(fields('CompanyEdge'), ['node', 'cursor']);
  assert.deepEqual(fields('CompanyConnection').slice(0, 3), ['edges', 'pageInfo', 'totalCount']);
  assert.deepEqual(fields('PageInfo'), ['startCursor', 'endCursor', 'hasNextPage', 'hasPreviousPage']);
  assert.deepEqual(fields('FullName'), ['firstName', 'lastName']);
  const filter = fields('PersonFilterInput');
  assert.deepEqual(filter.slice(-3), ['and', 'or', 'not']);
  assert.ok(filter.includes('companyId') && filter.includes('emails'));
  assert.equal(String(schema.getType('PersonFilterInput').getFields().name.type), 'FullNameFilterInput');
  assert.deepEqual(schema.getType('OrderByDirection').getValues().map((v) => v.name),
    ['AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast']);
  assert.deepEqual(schema.getType('OpportunityStageEnum').getValues().map((v) => v.name),
    ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER']);
  const people = schema.getType('Company').getFields().people;
  assert.equal(String(people.type), 'PersonConnection');
  assert.equal(people.args.length, 7);
  assert.equal(String(schema.getType('Person').getFields().company.type), 'Company');
  assert.equal(String(schema.getType('Person').getFields().companyId.type), 'ID');
});

test('deprecations and defaults survive as graphql-js reads them', () => {
  const records = schema.getQueryType().getFields().records;
  const arg = (name) => records.args.find((a) => a.name === name);
  assert.equal(arg('exact').deprecationReason, 'No longer supported');
  assert.equal(arg('nothing').defaultValue, null);
  assert.deepEqual(arg('kinds').defaultValue, ['company']);
  assert.equal(arg('boost').defaultValue, 2);
  assert.equal(arg('cursor').defaultValue, '42');
  assert.deepEqual(JSON.parse(JSON.stringify(arg('companyFilter').defaultValue)),
    { name: { ilike: '%a%' }, and: [{ employees: { gte: 10 } }] });
  assert.equal(schema.getType('Task').getFields().body.deprecationReason, 'Use bodyV2 instead.');
  assert.equal(schema.getType('UUID').specifiedByURL, 'https://www.rfc-editor.org/rfc/rfc9562');
  assert.equal(schema.getDirective('cacheControl').isRepeatable, true);
});
