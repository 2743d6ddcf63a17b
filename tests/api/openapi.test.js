'use strict';
// The OpenAPI documents (spec api §3): public routes; a valid API key personalises them to the
// caller's workspace (every active object, one created a moment before included), no token or a
// bad one gives the base document. Every document must pass @apidevtools/swagger-parser's
// validation (tests/package.json, installed by scripts/test.sh).

const assert = require('node:assert/strict');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const SwaggerParser = require(path.join(__dirname, '..', 'node_modules', '@apidevtools', 'swagger-parser'));

// Validates a copy (the validator dereferences in place).
const validate = (doc) => SwaggerParser.validate(structuredClone(doc));

describe('OpenAPI documents', { timeout: 120000 }, () => {
  let cluster;
  let server;
  let token;
  const SERVER_URL = 'https://crm.example.com';
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET: 'test-secret', SERVER_URL });
  const get = async (p, tok) => {
    const headers = tok ? { Authorization: `Bearer ${tok}` } : {};
    const res = await h.request(server.base, p, { headers });
    assert.equal(res.status, 200, `${p}: ${res.status} ${res.text.slice(0, 500)}`);
    h.assertJsonHeaders(res.headers);
    return res.json;
  };
  const api = (method, p, body) => h.request(server.base, p, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

  before(async () => {
    cluster = await h.startCluster();
    const created = await h.runCli(['workspace', 'create', '--name', 'Docs'], { env: env() });
    assert.equal(created.code, 0, created.stderr);
    const workspace = created.stdout.trim();
    const key = await h.runCli(['apikey', 'create', '--workspace', workspace, '--name', 'k'], { env: env() });
    assert.equal(key.code, 0, key.stderr);
    token = key.stdout.trim().split('\n')[1];
    server = await h.startServer({ env: env() });
  });

  after(async () => {
    if (server) await server.stop();
    if (cluster) await cluster.destroy();
  });

  it('without a token: the base documents, valid', async () => {
    for (const [kind, base] of [['core', '/rest/'], ['metadata', '/rest/metadata']]) {
      const docs = [await get(`/open-api/${kind}`), await get(`/rest/open-api/${kind}`),
        await get(`/rest/open-api/${kind}`, 'not-a-token')];
      for (const doc of docs) {
        assert.deepEqual(docs[0], doc);
        assert.equal(doc.openapi, '3.1.1');
        assert.equal(doc.info.title, 'Twenty Api');
        assert.equal(doc.info.version, 'v0.1');
        assert.deepEqual(doc.servers, [{ url: SERVER_URL + base, description: 'Production Development' }]);
        assert.deepEqual(doc.security, [{ bearerAuth: [] }]);
        assert.deepEqual(doc.components, {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An API key or an access token' } },
        });
        assert.deepEqual(Object.keys(doc.paths), [`/open-api/${kind}`]);
      }
      await validate(docs[0]);
    }
  });

  it('with an API key: every object of the workspace, a new custom one included, valid', async () => {
    const res = await api('POST', '/rest/metadata/objects', {
      nameSingular: 'rocket', namePlural: 'rockets', labelSingular: 'Rocket', labelPlural: 'Rockets',
    });
    assert.equal(res.status, 201, res.text);
    const add = await api('POST', '/rest/metadata/fields', {
      objectMetadataId: res.json.id, type: 'SELECT', name: 'stage', label: 'Stage',
      options: [{ value: 'GROUND', label: 'Ground', position: 0, color: 'red' },
        { value: 'ORBIT', label: 'Orbit', position: 1, color: 'blue' }],
    });
    assert.equal(add.status, 201, add.text);
    const list = await h.request(server.base, '/rest/metadata/objects?limit=1000', { headers: { Authorization: `Bearer ${token}` } });
    const active = list.json.data.filter((o) => o.isActive);
    assert.ok(active.some((o) => o.nameSingular === 'rocket'));

    const doc = await get('/rest/open-api/core', token);
    assert.deepEqual(await get('/open-api/core', token), doc);
    assert.deepEqual(doc.servers, [{ url: `${SERVER_URL}/rest/`, description: 'Production Development' }]);
    const plurals = active.map((o) => o.namePlural).sort();
    assert.deepEqual(doc.tags.map((t) => t.name), plurals);
    const cap = (s) => s[0].toUpperCase() + s.slice(1);
    for (const o of active) {
      const P = o.namePlural;
      for (const p of [`/${P}`, `/batch/${P}`, `/${P}/{id}`, `/${P}/duplicates`, `/restore/${P}/{id}`,
        `/restore/${P}`, `/${P}/merge`, `/${P}/groupBy`]) {
        assert.ok(doc.paths[p], `path ${p}`);
      }
      for (const s of ['', 'ForUpdate', 'ForResponse']) {
        assert.ok(doc.components.schemas[cap(o.nameSingular) + s], `schema ${cap(o.nameSingular)}${s}`);
      }
      assert.ok(doc.webhooks[`${cap(o.nameSingular)} Created`]);
    }
    assert.equal(doc.paths['/rockets'].get.operationId, 'findManyRockets');
    assert.equal(doc.paths['/rockets'].post.operationId, 'createOneRocket');
    assert.equal(doc.paths['/rockets/{id}'].patch.operationId, 'UpdateOneRocket');
    assert.deepEqual(doc.paths['/rockets'].get.responses['200'].content['application/json'].schema.properties.data,
      { type: 'object', properties: { rockets: { type: 'array', items: { $ref: '#/components/schemas/RocketForResponse' } } } });
    assert.deepEqual(doc.components.schemas.Rocket.properties.stage, { type: 'string', enum: ['GROUND', 'ORBIT'] });
    assert.equal(doc.components.schemas.RocketForResponse.properties.createdAt.format, 'date-time');
    assert.deepEqual(doc.components.parameters.limit.schema, { type: 'integer', minimum: 0, maximum: 200, default: 60 });
    assert.deepEqual(doc.components.parameters.depth.schema, { type: 'integer', enum: [0, 1], default: 1 });
    assert.equal(doc.components.schemas.PersonForResponse.properties.name.type, 'object');
    assert.deepEqual(Object.keys(doc.components.schemas.PersonForResponse.properties.name.properties), ['firstName', 'lastName']);
    await validate(doc);

    const meta = await get('/rest/open-api/metadata', token);
    assert.deepEqual(await get('/open-api/metadata', token), meta);
    assert.deepEqual(Object.keys(meta.paths).sort(),
      ['/fields', '/fields/{id}', '/objects', '/objects/{id}', '/open-api/metadata']);
    assert.equal(meta.paths['/objects'].post.operationId, 'createOneObject');
    await validate(meta);
  });

  it('the validator refuses a broken document', async () => {
    const doc = await get('/rest/open-api/core', token);
    const broken = structuredClone(doc);
    broken.paths['/rockets'].get.responses['200'].content['application/json'].schema.properties.data.properties.rockets.items =
      { $ref: '#/components/schemas/NoSuchSchema' };
    await assert.rejects(validate(broken));
    const badParam = structuredClone(doc);
    badParam.paths['/rockets/{id}'].get.parameters = [{ name: 'id', in: 'body' }];
    await assert.rejects(validate(badParam));
  });
});
