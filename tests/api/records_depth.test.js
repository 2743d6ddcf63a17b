'use strict';
// depth=1 on the core REST API's reads (spec/twenty-api.md §1.8): every relation field the
// caller may read, under its name: MANY_TO_ONE as the related record (joined in the main
// statement) or null, ONE_TO_MANY as an array of at most 60 records per parent, oldest first,
// soft-deleted ones left out (one batched statement per relation, whatever the page size).
// Checked on Twenty's seed against SQL, for standard and custom objects, morph relations,
// `fields`, cursors through a relation and the "Object-restricted" role.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const { APP_SECRET, APPLE, USERS, accessToken } = require('./devseed');

const SCHEMA = 'workspace_1wgvd1injqtife6y4rvfbu3h5';
const BIG = '0dd0d0d0-0000-4000-8000-000000000001'; // a company given 65 people by the test

describe('records REST API: depth=1', { timeout: 300000 }, () => {
  let cluster;
  let server;
  const sql = (q) => cluster.psql(q).trim();
  const json = (q) => JSON.parse(sql(q) || 'null');
  const get = (path, user = 'jane') => h.request(server.base, path,
    { headers: { Authorization: `Bearer ${accessToken(USERS[user])}` } });
  const ok = async (path, user) => {
    const res = await get(path, user);
    assert.equal(res.status, 200, `${path}: ${res.text.slice(0, 2000)}`);
    return res.json;
  };
  const meta = async (method, path, body) => {
    const res = await h.request(server.base, `/rest/metadata${path}`, {
      method, headers: { Authorization: `Bearer ${accessToken(USERS.jane)}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(res.status < 300, `${method} ${path}: ${res.text}`);
    return res.json;
  };
  // A record as depth=0 shows it, for the caller: what a related record must look like.
  const plain = async (plural, singular, id, user) => (await ok(`/rest/${plural}/${id}`, user)).data[singular];
  // The ids of a to-many relation as SQL says they are: not deleted, oldest first, at most 60.
  const childIds = (table, column, parent) => json(`SELECT coalesce(json_agg(id ORDER BY "createdAt", id), '[]')
    FROM (SELECT id, "createdAt" FROM ${SCHEMA}."${table}" WHERE "${column}" = '${parent}' AND "deletedAt" IS NULL
    ORDER BY "createdAt", id LIMIT 60) x`);
  const objectId = async (name) => (await meta('GET', '/objects')).data.find((o) => o.nameSingular === name).id;

  before(async () => {
    cluster = await h.startCluster();
    const env = { PG_DATABASE_URL: cluster.url, APP_SECRET };
    const seed = await h.runCli(['seed', 'dev'], { env, timeoutMs: 240000 });
    assert.equal(seed.code, 0, seed.stderr);
    server = await h.startServer({ env });
    // One company with 65 people (created a second apart, so the oldest 60 are known), one of
    // them soft-deleted.
    sql(`INSERT INTO ${SCHEMA}.company (id, name, position) VALUES ('${BIG}', 'Big Co', -1)`);
    sql(`INSERT INTO ${SCHEMA}.person (id, "nameFirstName", "nameLastName", "companyId", "createdAt", position)
      SELECT ('0dd0d0d0-0000-4000-8001-' || lpad(i::text, 12, '0'))::uuid, 'P' || i, 'Big', '${BIG}',
        now() - make_interval(secs => 100 - i), i FROM generate_series(1, 65) i`);
    sql(`UPDATE ${SCHEMA}.person SET "deletedAt" = now() WHERE id = '0dd0d0d0-0000-4000-8001-000000000003'`);
  });

  after(async () => {
    if (server) await server.stop();
    if (cluster) await cluster.destroy();
  });

  it('people: company inline (the record depth 0 shows), null without companyId', async () => {
    const page = (await ok('/rest/people?depth=1&limit=200')).data.people;
    const flat = (await ok('/rest/people?limit=200')).data.people;
    assert.deepEqual(page.map((p) => p.id), flat.map((p) => p.id), 'the same records');
    const withCompany = page.find((p) => p.companyId);
    assert.ok(withCompany, 'some person has a company');
    assert.deepEqual(withCompany.company, await plain('companies', 'company', withCompany.companyId));
    const before = flat.find((p) => p.id === withCompany.id);
    for (const [k, v] of Object.entries(before)) assert.deepEqual(withCompany[k], v, `${k} as at depth 0`);
    const relations = json(`SELECT json_agg(f.name ORDER BY f.name) FROM core."fieldMetadata" f
      JOIN core."objectMetadata" o ON o.id = f."objectMetadataId" WHERE o."workspaceId" = '${APPLE}'
      AND o."nameSingular" = 'person' AND f.type IN ('RELATION', 'MORPH_RELATION') AND f."isActive"`);
    assert.deepEqual(Object.keys(withCompany).filter((k) => !(k in before)).sort(), relations,
      'depth 1 adds every relation of person, nothing else');
    const orphan = sql(`SELECT id FROM ${SCHEMA}.person WHERE "companyId" IS NULL AND "deletedAt" IS NULL ORDER BY id LIMIT 1`);
    sql(`UPDATE ${SCHEMA}.person SET "companyId" = NULL WHERE id = '${withCompany.id}'`);
    try {
      const one = (await ok(`/rest/people/${withCompany.id}?depth=1`)).data.person;
      assert.equal(one.companyId, null);
      assert.equal(one.company, null);
    } finally {
      sql(`UPDATE ${SCHEMA}.person SET "companyId" = '${withCompany.companyId}' WHERE id = '${withCompany.id}'`);
    }
    if (orphan) assert.equal((await ok(`/rest/people/${orphan}?depth=1`)).data.person.company, null);
    // A soft-deleted company is no company.
    sql(`UPDATE ${SCHEMA}.company SET "deletedAt" = now() WHERE id = '${withCompany.companyId}'`);
    try {
      const one = (await ok(`/rest/people/${withCompany.id}?depth=1`)).data.person;
      assert.equal(one.companyId, withCompany.companyId);
      assert.equal(one.company, null);
    } finally {
      sql(`UPDATE ${SCHEMA}.company SET "deletedAt" = NULL WHERE id = '${withCompany.companyId}'`);
    }
  });

  it('companies: every to-many relation as an array; at most 60 people, oldest first, deleted ones left out', async () => {
    const big = (await ok(`/rest/companies/${BIG}?depth=1`)).data.company;
    assert.equal(big.people.length, 60);
    assert.deepEqual(big.people.map((p) => p.id), childIds('person', 'companyId', BIG));
    assert.ok(!big.people.some((p) => p.id.endsWith('000000000003')), 'the soft-deleted person is left out');
    assert.equal(big.people[0].id, '0dd0d0d0-0000-4000-8001-000000000001');
    assert.equal(big.people[59].id, '0dd0d0d0-0000-4000-8001-000000000061');
    assert.deepEqual(big.people[5], await plain('people', 'person', big.people[5].id), 'a related record as depth 0 shows it');
    // Every relation field of company is there, with the right kind of value.
    const fields = json(`SELECT json_agg(json_build_object('name', f.name, 'kind', f.settings->>'relationType') ORDER BY f.name)
      FROM core."fieldMetadata" f JOIN core."objectMetadata" o ON o.id = f."objectMetadataId"
      WHERE o."workspaceId" = '${APPLE}' AND o."nameSingular" = 'company' AND f.type IN ('RELATION', 'MORPH_RELATION') AND f."isActive"`);
    assert.ok(fields.length >= 5, 'company has relations');
    for (const f of fields) {
      assert.ok(f.name in big, `company.${f.name} at depth 1`);
      if (f.kind === 'ONE_TO_MANY') assert.ok(Array.isArray(big[f.name]), `${f.name} is an array`);
      else assert.ok(big[f.name] === null || typeof big[f.name] === 'object', `${f.name} is a record or null`);
    }
    // A page: each company's people, noteTargets and taskTargets as SQL says.
    const page = (await ok('/rest/companies?depth=1&limit=30')).data.companies;
    assert.equal(page.length, 30);
    let some = 0;
    for (const c of page) {
      assert.deepEqual(c.people.map((p) => p.id), childIds('person', 'companyId', c.id), `${c.name} people`);
      assert.deepEqual(c.noteTargets.map((p) => p.id), childIds('noteTarget', 'targetCompanyId', c.id), `${c.name} noteTargets`);
      assert.deepEqual(c.taskTargets.map((p) => p.id), childIds('taskTarget', 'targetCompanyId', c.id), `${c.name} taskTargets`);
      assert.deepEqual(c.opportunities.map((p) => p.id), childIds('opportunity', 'companyId', c.id), `${c.name} opportunities`);
      if (c.accountOwnerId) assert.equal(c.accountOwner.id, c.accountOwnerId);
      else assert.equal(c.accountOwner, null);
      some += c.people.length + c.noteTargets.length + c.taskTargets.length;
    }
    assert.ok(some > 0, 'the page has related records');
  });

  it('findOne depth=1 is the findMany record; depth=2 and others are 400', async () => {
    const list = (await ok(`/rest/companies?depth=1&limit=1&filter=${encodeURIComponent(`id[eq]:${BIG}`)}`)).data.companies;
    const one = (await ok(`/rest/companies/${BIG}?depth=1`)).data.company;
    assert.deepEqual(one, list[0]);
    for (const path of ['/rest/companies?depth=2', `/rest/companies/${BIG}?depth=2`]) {
      const res = await get(path);
      assert.equal(res.status, 400);
      assert.deepEqual(res.json, { statusCode: 400, error: 'BadRequestException', messages: ["'depth=2' parameter invalid. Allowed values are 0, 1"], code: 'INVALID_DEPTH_QUERY_PARAM' });
    }
    const junk = await get('/rest/people?depth=x');
    assert.equal(junk.status, 400);
    assert.equal(junk.json.code, 'INVALID_DEPTH_QUERY_PARAM');
    const zero = (await ok(`/rest/companies/${BIG}?depth=0`)).data.company;
    assert.ok(!('people' in zero) && !('accountOwner' in zero), 'depth 0: no relation objects');
  });

  it('fields: relation names may be listed at depth 1, and only those relations are shown', async () => {
    const res = (await ok(`/rest/companies/${BIG}?depth=1&fields=name,people,accountOwner`)).data.company;
    assert.deepEqual(Object.keys(res).sort(), ['accountOwner', 'id', 'name', 'people']);
    assert.equal(res.people.length, 60);
    const people = (await ok('/rest/people?depth=1&limit=3&fields=company,jobTitle')).data.people;
    for (const p of people) assert.deepEqual(Object.keys(p).sort(), ['company', 'id', 'jobTitle']);
    const flat = await get('/rest/companies?fields=people');
    assert.equal(flat.status, 400, 'at depth 0 a relation is not a field of the record');
    assert.equal(flat.json.code, 'INVALID_FIELDS_QUERY_PARAM');
  });

  it('a custom object with a relation and a morph relation, created through the metadata API', async () => {
    const pad = await meta('POST', '/objects', { nameSingular: 'launchpad', namePlural: 'launchpads', labelSingular: 'Launchpad', labelPlural: 'Launchpads' });
    const company = await objectId('company');
    const person = await objectId('person');
    await meta('POST', '/fields', {
      objectMetadataId: pad.id, type: 'RELATION', name: 'owner', label: 'Owner',
      relationCreationPayload: { targetObjectMetadataId: company, targetFieldLabel: 'Launchpads', type: 'MANY_TO_ONE' },
    });
    await meta('POST', '/fields', {
      objectMetadataId: pad.id, type: 'MORPH_RELATION', name: 'operator', label: 'Operator',
      morphRelationsCreationPayload: [
        { targetObjectMetadataId: person, targetFieldLabel: 'Operated pads', type: 'MANY_TO_ONE' },
        { targetObjectMetadataId: company, targetFieldLabel: 'Operated pads', type: 'MANY_TO_ONE' },
      ],
    });
    const someone = sql(`SELECT id FROM ${SCHEMA}.person WHERE "deletedAt" IS NULL ORDER BY id LIMIT 1`);
    sql(`INSERT INTO ${SCHEMA}._launchpad (id, name, "ownerId", "operatorPersonId", "createdAt") VALUES
      ('0dd0d0d0-0000-4000-8002-000000000001', 'A', '${BIG}', '${someone}', now() - interval '2 s'),
      ('0dd0d0d0-0000-4000-8002-000000000002', 'B', '${BIG}', NULL, now() - interval '1 s'),
      ('0dd0d0d0-0000-4000-8002-000000000003', 'C', NULL, NULL, now())`);
    const pads = (await ok('/rest/launchpads?depth=1')).data.launchpads;
    assert.deepEqual(pads.map((p) => p.name), ['A', 'B', 'C']);
    const bigCo = await plain('companies', 'company', BIG);
    assert.deepEqual(pads[0].owner, bigCo);
    assert.deepEqual(pads[0].operatorPerson, await plain('people', 'person', someone));
    assert.equal(pads[0].operatorCompany, null);
    assert.equal(pads[2].owner, null);
    const co = (await ok(`/rest/companies/${BIG}?depth=1`)).data.company;
    assert.deepEqual(co.launchpads.map((p) => p.name), ['A', 'B']);
    assert.deepEqual(co.launchpads[0], (await ok('/rest/launchpads/0dd0d0d0-0000-4000-8002-000000000001')).data.launchpad);
    assert.deepEqual(co.operatedPads, []);
    const op = (await ok(`/rest/people/${someone}?depth=1`)).data.person;
    assert.deepEqual(op.operatedPads.map((p) => p.name), ['A']);
  });

  it('the "Object-restricted" role: relations to an unreadable object are left out, unreadable fields too', async () => {
    const rocket = await objectId('rocket');
    await meta('POST', '/fields', {
      objectMetadataId: rocket, type: 'RELATION', name: 'builder', label: 'Builder',
      relationCreationPayload: { targetObjectMetadataId: await objectId('company'), targetFieldLabel: 'Rockets built', type: 'MANY_TO_ONE' },
    });
    sql(`INSERT INTO ${SCHEMA}._rocket (id, name, "builderId") VALUES ('0dd0d0d0-0000-4000-8003-000000000001', 'R1', '${BIG}')`);
    const jane = (await ok(`/rest/companies/${BIG}?depth=1`, 'jane')).data.company;
    assert.deepEqual(jane.rocketsBuilt.map((r) => r.id), ['0dd0d0d0-0000-4000-8003-000000000001']);
    assert.ok('linkedinLink' in jane);
    const tim = (await ok(`/rest/companies/${BIG}?depth=1`, 'tim')).data.company;
    assert.ok(!('rocketsBuilt' in tim), 'Tim cannot read rockets: no rocketsBuilt');
    assert.ok(Array.isArray(tim.people) && tim.people.length === 60, 'other relations stay');
    assert.ok(!('linkedinLink' in tim));
    const asked = await get(`/rest/companies/${BIG}?depth=1&fields=rocketsBuilt`, 'tim');
    assert.equal(asked.status, 400, 'an unreadable relation cannot be asked for');
    // Related records leave out what Tim cannot read.
    const person = (await ok('/rest/people/0dd0d0d0-0000-4000-8001-000000000001?depth=1', 'tim')).data.person;
    assert.equal(person.company.id, BIG);
    assert.ok(!('linkedinLink' in person.company), 'company.linkedinLink is unreadable for Tim, nested too');
    assert.ok('linkedinLink' in (await ok('/rest/people/0dd0d0d0-0000-4000-8001-000000000001?depth=1')).data.person.company);
    assert.equal((await get('/rest/rockets?depth=1', 'tim')).status, 403);
  });

  it('cursors with depth=1 and an order through a relation: every record once, in order, both ways', async () => {
    const order = encodeURIComponent('company.name[DescNullsLast],name.firstName');
    const seen = [];
    let after = null;
    for (let pages = 0; pages < 30; pages++) {
      const res = await ok(`/rest/people?depth=1&limit=97&order_by=${order}${after ? `&starting_after=${encodeURIComponent(after)}` : ''}`);
      for (const p of res.data.people) {
        assert.equal(p.company ? p.company.id : null, p.companyId);
        seen.push(p.id);
      }
      if (!res.pageInfo.hasNextPage) break;
      after = res.pageInfo.endCursor;
    }
    const expected = json(`SELECT json_agg(p.id ORDER BY c.name DESC NULLS LAST, p."nameFirstName" ASC NULLS FIRST, p.id)
      FROM ${SCHEMA}.person p LEFT JOIN ${SCHEMA}.company c ON c.id = p."companyId" AND c."deletedAt" IS NULL WHERE p."deletedAt" IS NULL`);
    assert.deepEqual(seen, expected);
    const flat = await ok(`/rest/people?limit=5&order_by=${order}`);
    const deep = await ok(`/rest/people?depth=1&limit=5&order_by=${order}`);
    assert.deepEqual(deep.pageInfo, flat.pageInfo, 'the same cursors as depth 0');
    const back = await ok(`/rest/people?depth=1&limit=3&order_by=${order}&ending_before=${encodeURIComponent(deep.pageInfo.endCursor)}`);
    assert.deepEqual(back.data.people.map((p) => p.id), expected.slice(1, 4));
    assert.ok(back.data.people.every((p) => 'company' in p));
  });

  it('the number of statements does not grow with the number of records', async () => {
    // Every statement the server runs on the workspace's schema, from PostgreSQL's own log.
    sql("ALTER SYSTEM SET log_statement = 'all'");
    sql('SELECT pg_reload_conf()');
    await h.sleep(500);
    const count = async (path) => {
      const start = cluster.log().length;
      const body = await ok(path);
      await h.sleep(200);
      // The count(*) for totalCount is left out: it is cached between writes (query/count.h).
      const lines = cluster.log().slice(start).split('\n')
        .filter((l) => /LOG:\s+(execute|statement)/.test(l) && l.includes(`"${SCHEMA}"`) && !l.includes('SELECT count(*)'));
      return { n: lines.length, body };
    };
    try {
      const small = await count('/rest/companies?depth=1&limit=2');
      const large = await count('/rest/companies?depth=1&limit=150');
      assert.equal(large.body.data.companies.length, 150);
      const toMany = Object.values(large.body.data.companies[0]).filter(Array.isArray).length -
        Object.values(await plain('companies', 'company', large.body.data.companies[0].id)).filter(Array.isArray).length;
      assert.ok(toMany >= 5, `company has to-many relations (${toMany})`);
      // The page and one statement per to-many relation.
      assert.equal(small.n, toMany + 1, 'statements for 2 companies');
      assert.equal(large.n, toMany + 1, 'statements for 150 companies');
      const people = await count('/rest/people?depth=1&limit=200');
      const peopleToMany = Object.values(people.body.data.people[0]).filter(Array.isArray).length -
        Object.values(await plain('people', 'person', people.body.data.people[0].id)).filter(Array.isArray).length;
      assert.equal(people.n, peopleToMany + 1, 'to-one relations are joined in the page statement');
    } finally {
      sql('ALTER SYSTEM RESET log_statement');
      sql('SELECT pg_reload_conf()');
    }
  });
});
