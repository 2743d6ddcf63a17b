'use strict';
// Differential test of twentyc's GraphQL parser and printer against graphql-js 16 (Debian's
// node-graphql, the library Twenty runs): `twentyc graphql print` must print exactly what
// graphql-js's print(parse(doc)) prints, and refuse exactly what graphql-js refuses, with the
// same message and location. Corpus: graphql-js's kitchen-sink query, the specification's
// executable examples, edge cases (tests/graphql/), graphql-js's own introspection query, and
// documents generated at random (tests/graphql/generate.js, seeded) with mutations of them.
// Documents with type system definitions, which graphql-js parses and twentyc refuses on purpose
// (src/graphql/README.md), must be refused with twentyc's message.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');
const { generator } = require('../graphql/generate');

const graphql = require(fs.existsSync('/usr/share/nodejs/graphql') ? '/usr/share/nodejs/graphql'
  : 'graphql');
const CORPUS = path.resolve(__dirname, '../graphql');
const SEED = Number(process.env.GRAPHQL_SEED || 20211026);
const RANDOM_DOCS = 400;
const MUTATED_DOCS = 600;
const TYPE_SYSTEM = /^Syntax Error: Unexpected Name "[a-z]+"; twentyc parses executable definitions only/;

// Documents of a corpus file, separated by lines "# ----".
function corpus(file) {
  return fs.readFileSync(path.join(CORPUS, file), 'utf8').split(/^# ----\n/m);
}

// twentyc graphql print on one document: { code, stdout, error (parsed stderr JSON or null) }.
function twentyc(doc) {
  return new Promise((resolve, reject) => {
    const child = spawn(h.TWENTYC_BIN, ['graphql', 'print'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      let error = null;
      if (code === 2) {
        try { error = JSON.parse(stderr); } catch (_) { error = { unparsable: stderr }; }
      }
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr, error });
    });
    child.stdin.on('error', () => {}); // an early exit closes the pipe
    child.stdin.end(Buffer.from(doc, 'utf8'));
  });
}

// graphql-js on one document: { printed, typeSystem } or { message, line, column }.
function reference(doc) {
  try {
    const ast = graphql.parse(doc);
    const typeSystem = ast.definitions.some((d) => d.kind !== 'OperationDefinition' &&
      d.kind !== 'FragmentDefinition');
    return { printed: graphql.print(ast), typeSystem };
  } catch (e) {
    if (!(e instanceof graphql.GraphQLError)) throw e;
    return { message: e.message, line: e.locations[0].line, column: e.locations[0].column };
  }
}

// Runs fn over items, `width` at a time.
async function pool(items, width, fn) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

// Compares twentyc with graphql-js on every document. Acceptance and refusal must agree for
// every document; printed output must be identical; messages and locations of refusals must be
// identical except where twentyc refuses a type system definition. Returns counts for the report.
async function compare(docs, t) {
  const stats = { docs: docs.length, accepted: 0, refused: 0, typeSystem: 0, sameError: 0 };
  const failures = [];
  await pool(docs, 3, async (doc, i) => {
    const ref = reference(doc);
    const got = await twentyc(doc);
    const where = `document ${i}: ${JSON.stringify(doc)}`;
    if (ref.printed !== undefined && !ref.typeSystem) {
      stats.accepted++;
      if (got.code !== 0 || got.stdout !== ref.printed + '\n')
        failures.push(`${where}\n  graphql-js printed ${JSON.stringify(ref.printed)}\n  twentyc ` +
          `exit ${got.code}: ${JSON.stringify(got.stdout || got.stderr)}`);
      return;
    }
    stats.refused++;
    if (got.code !== 2 || !got.error || !got.error.message) {
      failures.push(`${where}\n  graphql-js ${ref.message || 'parses a type system definition'}` +
        `\n  twentyc exit ${got.code}: ${JSON.stringify(got.stdout || got.stderr)}`);
      return;
    }
    assert.deepEqual(got.error.extensions, { code: 'GRAPHQL_PARSE_FAILED' }, where);
    assert.equal(got.error.locations.length, 1, where);
    if (TYPE_SYSTEM.test(got.error.message)) {
      stats.typeSystem++;
      return;
    }
    if (ref.typeSystem) {
      failures.push(`${where}\n  graphql-js parses a type system definition\n  twentyc ` +
        `${JSON.stringify(got.error)}`);
      return;
    }
    const same = got.error.message === ref.message && got.error.locations[0].line === ref.line &&
      got.error.locations[0].column === ref.column;
    if (same) stats.sameError++;
    else failures.push(`${where}\n  graphql-js ${ref.message} ${ref.line}:${ref.column}\n  ` +
      `twentyc    ${JSON.stringify(got.error)}`);
  });
  const comparable = stats.refused - stats.typeSystem;
  t.diagnostic(`${stats.docs} documents: ${stats.accepted} printed identically, ${stats.refused} ` +
    `refused by both (${stats.sameError}/${comparable} with graphql-js's message and location, ` +
    `${stats.typeSystem} type system definitions refused on purpose)`);
  assert.deepEqual(failures, [], failures.slice(0, 5).join('\n'));
  return stats;
}

describe('twentyc graphql print against graphql-js', { timeout: 600000 }, () => {
  it('prints the kitchen-sink query as graphql-js does', async (t) => {
    const doc = fs.readFileSync(path.join(CORPUS, 'kitchen_sink.graphql'), 'utf8');
    const got = await twentyc(doc);
    assert.equal(got.code, 0, got.stderr);
    assert.equal(got.stdout, graphql.print(graphql.parse(doc)) + '\n');
    // and printing is idempotent
    const again = await twentyc(got.stdout);
    assert.equal(again.stdout, got.stdout);
    await compare([doc], t);
  });

  it('prints every executable example of the specification as graphql-js does', async (t) => {
    const stats = await compare(corpus('spec_examples.graphql'), t);
    assert.equal(stats.refused, 0);
  });

  it('prints edge cases as graphql-js does', async (t) => {
    const docs = corpus('edge_cases.graphql');
    // bytes a text file keeps badly, and sizes at the printer's 80-unit line limit
    docs.push('\ufeff{ a }', '{\r\n  a\r\n  b(s: """\r\n    x\r\n  y\r\n  """)\r}\r',
      '\ufeff\ufeff#c\r\n{a\ufeff}');
    for (let n = 60; n <= 64; n++) docs.push(`{ f(a: "${'x'.repeat(n)}", b: 1) }`);
    for (let n = 60; n <= 64; n++) docs.push(`{ alias: f(a: "${'é'.repeat(n)}") }`);
    for (let n = 30; n <= 34; n++) docs.push(`{ f(a: "${'😀'.repeat(n)}") }`);
    docs.push(`{ f(a: """${'x'.repeat(70)}""", b: """${'x'.repeat(71)}""") }`);
    docs.push('{a'.repeat(60) + '}'.repeat(60));
    docs.push('{ f(x: ' + '['.repeat(60) + '1' + ']'.repeat(60) + ') }');
    docs.push('query ($a: ' + '['.repeat(60) + 'Int' + ']!'.repeat(60) + ') { a }');
    docs.push(graphql.getIntrospectionQuery({ descriptions: true, specifiedByUrl: true,
      directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    const stats = await compare(docs, t);
    assert.equal(stats.refused, 0);
  });

  it('refuses what graphql-js refuses, with its message and location', async (t) => {
    const docs = corpus('invalid.graphql');
    for (const doc of docs) assert.ok(reference(doc).message, `graphql-js accepts ${doc}`);
    const stats = await compare(docs, t);
    assert.equal(stats.sameError, docs.length);
  });

  it('refuses type system definitions that graphql-js parses', async (t) => {
    const docs = ['type Foo { a: Int }', '{ a }\nextend type Foo @d', 'scalar Date',
      '"""described""" input I { a: Int = 1 }', 'schema { query: Q }', 'directive @d on FIELD',
      'enum E { A B }', 'union U = A | B', 'interface I implements J { a: Int }'];
    const stats = await compare(docs, t);
    assert.equal(stats.typeSystem, docs.length);
  });

  it(`agrees on ${RANDOM_DOCS} random documents (seed ${SEED})`, async (t) => {
    const g = generator(SEED);
    const docs = [];
    for (let i = 0; i < RANDOM_DOCS; i++) docs.push(g.join(g.tokens()));
    const stats = await compare(docs, t);
    // the grammar makes valid documents, apart from type system keywords as definitions
    assert.ok(stats.accepted >= RANDOM_DOCS * 0.9, `only ${stats.accepted} accepted`);
  });

  it(`agrees on ${MUTATED_DOCS} mutated documents (seed ${SEED + 1})`, async (t) => {
    const g = generator(SEED + 1);
    const docs = [];
    for (let i = 0; i < MUTATED_DOCS; i++) docs.push(g.mutate(g.tokens()));
    const stats = await compare(docs, t);
    assert.ok(stats.refused >= MUTATED_DOCS / 2, `only ${stats.refused} refused`);
  });
});
