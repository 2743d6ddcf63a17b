'use strict';
// The core REST API for records, read side (spec/twenty-api.md §1): GET /rest/{plural} and
// GET /rest/{plural}/{id} on Twenty's seed, for standard and custom objects, with the caller's
// permission view applied (§7): unreadable objects 403, unreadable fields left out.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const { APP_SECRET, USERS, accessToken } = require('./devseed');

const FIRST_COMPANY = '20202020-a305-41e7-8c72-ba44072a4c58';
const cursor = (id) => Buffer.from(JSON.stringify({ id })).toString('base64');

describe('records REST API (read)', { timeout: 300000 }, () => {
  let cluster;
  let server;
  const sql = (q) => cluster.psql(q).trim();
  const get = (path, user = 'jane') => h.request(server.base, path,
    { headers: user ? { Authorization: `Bearer ${accessToken(USERS[user])}` } : {} });
  const schema = 'workspace_1wgvd1injqtife6y4rvfbu3h5';

  before(async () => {
    cluster = await h.startCluster();
    const env = { PG_DATABASE_URL: cluster.url, APP_SECRET };
    const seed = await h.runCli(['seed', 'dev'], { env, timeoutMs: 240000 });
    assert.equal(seed.code, 0, seed.stderr);
    server = await h.startServer({ env });
  });

  after(async () => {
    if (server) await server.stop();
    if (cluster) await cluster.destroy();
  });

  it('findMany: Twenty\'s envelope, records ordered by id, composites nested, totalCount and cursors', async () => {
    const res = await get('/rest/companies?limit=2');
    assert.equal(res.status, 200, res.text);
    h.assertJsonHeaders(res.headers);
    assert.deepEqual(Object.keys(res.json), ['data', 'totalCount', 'pageInfo']);
    const companies = res.json.data.companies;
    assert.equal(companies.length, 2);
    assert.equal(res.json.totalCount, Number(sql(`SELECT count(*) FROM ${schema}.company WHERE "deletedAt" IS NULL`)));
    assert.equal(companies[0].id, FIRST_COMPANY);
    assert.deepEqual(res.json.pageInfo, { hasNextPage: true, hasPreviousPage: false, startCursor: cursor(companies[0].id), endCursor: cursor(companies[1].id) });
    const c = companies[0];
    const row = JSON.parse(sql(`SELECT json_build_object('name', name, 'url', "domainNamePrimaryLinkUrl", 'employees', employees,
      'amount', "annualRecurringRevenueAmountMicros", 'created', to_char("createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'source', "createdBySource", 'owner', "accountOwnerId") FROM ${schema}.company WHERE id = '${c.id}'`));
    assert.equal(c.name, row.name);
    assert.equal(c.domainName.primaryLinkUrl, row.url);
    assert.deepEqual(Object.keys(c.domainName).sort(), ['primaryLinkLabel', 'primaryLinkUrl', 'secondaryLinks']);
    assert.equal(c.employees, row.employees);
    assert.equal(c.annualRecurringRevenue.amountMicros, row.amount === null ? null : Number(row.amount));
    assert.equal(c.createdAt, row.created);
    assert.equal(c.createdBy.source, row.source);
    assert.equal(c.accountOwnerId, row.owner);
    assert.ok(!('searchVector' in c) && !('people' in c), 'no search vector, no to-many relation at depth 0');
    assert.ok('linkedinLink' in c && 'tagline' in c, 'Admin reads every field, custom ones included');
  });

  it('findOne: the same record; unknown id 404, bad id 400', async () => {
    const list = await get('/rest/companies?limit=1');
    const one = await get(`/rest/companies/${FIRST_COMPANY}`);
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.json, { data: { company: list.json.data.companies[0] } });
    const missing = await get('/rest/companies/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, { statusCode: 404, error: 'NotFoundException', messages: ['Record not found'], code: 'RECORD_NOT_FOUND' });
    const bad = await get('/rest/companies/not-a-uuid');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json.messages, ["'not-a-uuid' is not a valid UUID"]);
  });

  it('path rules: a singular name gets "Did you mean", an unknown one an example', async () => {
    const singular = await get('/rest/company');
    assert.equal(singular.status, 400);
    assert.deepEqual(singular.json.messages, ["object 'company' not found. Did you mean 'companies'?"]);
    const unknown = await get('/rest/foos');
    assert.deepEqual(unknown.json.messages, ["object 'foos' not found. eg: companies"]);
  });

  it('limit: default 60, clamped to 200, invalid 400', async () => {
    assert.equal((await get('/rest/people')).json.data.people.length, 60);
    assert.equal((await get('/rest/people?limit=1000')).json.data.people.length, 200);
    assert.equal((await get('/rest/people?limit=0')).json.data.people.length, 0);
    for (const bad of ['abc', '-1', '1.5']) {
      const res = await get(`/rest/people?limit=${bad}`);
      assert.equal(res.status, 400, bad);
      assert.deepEqual(res.json, { statusCode: 400, error: 'BadRequestException', messages: [`limit '${bad}' is invalid. Should be an integer`], code: 'INVALID_LIMIT_QUERY_PARAM' });
    }
  });

  it('permissions: no token 403; Tim cannot read rockets and does not see company.linkedinLink', async () => {
    const anonymous = await get('/rest/companies', null);
    assert.equal(anonymous.status, 403);
    assert.deepEqual(anonymous.json, { statusCode: 403, error: 'ForbiddenException', messages: ['Forbidden resource'] });
    const rockets = await get('/rest/rockets', 'tim');
    assert.equal(rockets.status, 403);
    assert.deepEqual(rockets.json, { statusCode: 403, error: 'ForbiddenException', messages: ['User does not have permission'], code: 'PERMISSION_DENIED' });
    assert.equal((await get('/rest/pets', 'tim')).status, 200, 'pet is read-only: readable');
    const company = (await get(`/rest/companies/${FIRST_COMPANY}`, 'tim')).json.data.company;
    assert.ok(!('linkedinLink' in company), 'unreadable field left out');
    assert.ok('name' in company && 'domainName' in company);
  });

  it('soft-deleted records are not shown', async () => {
    const before = (await get('/rest/companies?limit=0')).json.totalCount;
    sql(`UPDATE ${schema}.company SET "deletedAt" = now() WHERE id = '${FIRST_COMPANY}'`);
    try {
      // A write from psql reaches the totalCount cache through NOTIFY, a moment after its commit.
      await h.waitFor(async () => (await get('/rest/companies?limit=0')).json.totalCount === before - 1, 2000);
      assert.equal((await get('/rest/companies?limit=0')).json.totalCount, before - 1);
      assert.equal((await get(`/rest/companies/${FIRST_COMPANY}`)).status, 404);
    } finally {
      sql(`UPDATE ${schema}.company SET "deletedAt" = NULL WHERE id = '${FIRST_COMPANY}'`);
    }
  });

  it('a custom object created a moment before is served at once', async () => {
    const res = await h.request(server.base, '/rest/metadata/objects', {
      method: 'POST', headers: { Authorization: `Bearer ${accessToken(USERS.jane)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ nameSingular: 'spaceship', namePlural: 'spaceships', labelSingular: 'Spaceship', labelPlural: 'Spaceships' }),
    });
    assert.equal(res.status, 201, res.text);
    const list = await get('/rest/spaceships');
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.json, { data: { spaceships: [] }, totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it('filter: operators, composites, relation paths, and/or/not, checked against SQL', async () => {
    const count = (q) => Number(sql(q));
    const cases = [
      ['companies', 'name[eq]:"Google"', `SELECT count(*) FROM ${schema}.company WHERE "deletedAt" IS NULL AND name = 'Google'`],
      ['companies', 'and(employees[gte]:100,employees[lt]:5000)', `SELECT count(*) FROM ${schema}.company WHERE "deletedAt" IS NULL AND employees >= 100 AND employees < 5000`],
      ['companies', 'or(name[ilike]:"%soft%",not(employees[gt]:10))', `SELECT count(*) FROM ${schema}.company WHERE "deletedAt" IS NULL AND (name ILIKE '%soft%' OR NOT employees > 10)`],
      ['people', 'name.firstName[ilike]:"%ar%"', `SELECT count(*) FROM ${schema}.person WHERE "deletedAt" IS NULL AND "nameFirstName" ILIKE '%ar%'`],
      ['people', 'company.name[eq]:"Google"', `SELECT count(*) FROM ${schema}.person p JOIN ${schema}.company c ON c.id = p."companyId" WHERE p."deletedAt" IS NULL AND c.name = 'Google'`],
      ['people', `companyId[in]:[${FIRST_COMPANY}]`, `SELECT count(*) FROM ${schema}.person WHERE "deletedAt" IS NULL AND "companyId" = '${FIRST_COMPANY}'`],
      ['people', 'city[is]:NULL', `SELECT count(*) FROM ${schema}.person WHERE "deletedAt" IS NULL AND city IS NULL`],
    ];
    for (const [object, filter, q] of cases) {
      const res = await get(`/rest/${object}?limit=0&filter=${encodeURIComponent(filter)}`);
      assert.equal(res.status, 200, `${filter}: ${res.text}`);
      assert.equal(res.json.totalCount, count(q), filter);
    }
    const bad = await get(`/rest/companies?filter=${encodeURIComponent('name[nope]:"x"')}`);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.code, 'INVALID_FILTER_QUERY_PARAM');
    const hostile = await get(`/rest/companies?filter=${encodeURIComponent('name[eq]:"x\' OR \'1\'=\'1"')}`);
    assert.equal(hostile.status, 200, hostile.text);
    assert.equal(hostile.json.totalCount, 0, 'a quote is data');
    // Twenty counts brackets without regard to quotes: this one is a 400, like Twenty's.
    const dropped = await get(`/rest/companies?filter=${encodeURIComponent('name[eq]:"x\'); DROP TABLE company; --"')}`);
    assert.equal(dropped.status, 400, dropped.text);
    assert.ok(Number(sql(`SELECT count(*) FROM ${schema}.company`)) > 0, 'plain data, not SQL');
  });

  it('order_by and cursors: every record once, forward; a page backward; both cursors refused', async () => {
    const top = await get(`/rest/companies?limit=1&order_by=${encodeURIComponent('name[DescNullsLast]')}`);
    assert.equal(top.status, 200, top.text);
    assert.equal(top.json.data.companies[0].name, sql(`SELECT name FROM ${schema}.company WHERE "deletedAt" IS NULL ORDER BY name DESC NULLS LAST, id LIMIT 1`));
    const order = encodeURIComponent('name.lastName[AscNullsFirst]');
    const seen = [];
    let after = null;
    for (let pages = 0; pages < 20; pages++) {
      const res = await get(`/rest/people?limit=200&order_by=${order}${after ? `&starting_after=${encodeURIComponent(after)}` : ''}`);
      assert.equal(res.status, 200, res.text);
      seen.push(...res.json.data.people);
      if (!res.json.pageInfo.hasNextPage) break;
      after = res.json.pageInfo.endCursor;
    }
    const expected = sql(`SELECT string_agg(id::text, ',' ORDER BY "nameLastName" ASC NULLS FIRST, id) FROM ${schema}.person WHERE "deletedAt" IS NULL`).split(',');
    assert.deepEqual(seen.map((p) => p.id), expected, 'forward pages visit every record once, in order');
    const third = await get(`/rest/people?limit=3&order_by=${order}`);
    const back = await get(`/rest/people?limit=2&order_by=${order}&ending_before=${encodeURIComponent(third.json.pageInfo.endCursor)}`);
    assert.equal(back.status, 200, back.text);
    assert.deepEqual(back.json.data.people.map((p) => p.id), expected.slice(0, 2));
    assert.equal(back.json.pageInfo.hasNextPage, true);
    const both = await get(`/rest/people?starting_after=${encodeURIComponent(after)}&ending_before=${encodeURIComponent(after)}`);
    assert.equal(both.status, 400);
    assert.deepEqual(both.json.messages, ['Cannot provide both before and after']);
    const garbage = await get('/rest/people?starting_after=not-a-cursor');
    assert.equal(garbage.status, 400);
  });

  it('fields: id plus the fields named; unknown or unreadable ones are a 400', async () => {
    const res = await get('/rest/companies?limit=1&fields=name,domainName,accountOwnerId');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.json.data.companies[0]).sort(), ['accountOwnerId', 'domainName', 'id', 'name']);
    const one = await get(`/rest/companies/${FIRST_COMPANY}?fields=name`);
    assert.deepEqual(Object.keys(one.json.data.company).sort(), ['id', 'name']);
    const bad = await get('/rest/companies?fields=name,nope,people');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json, { statusCode: 400, error: 'BadRequestException', messages: ["'fields' parameter invalid. Unknown or unreadable fields on 'company': nope, people"], code: 'INVALID_FIELDS_QUERY_PARAM' });
    const hidden = await get('/rest/companies?fields=linkedinLink', 'tim');
    assert.equal(hidden.status, 400, 'an unreadable field cannot be asked for');
    assert.equal((await get('/rest/companies?fields=,')).status, 400);
  });

  it('depth: 0 and 1 are read (records_depth.test.js), others refused, not ignored', async () => {
    for (const q of ['depth=2', 'depth=-1', 'depth=one']) {
      const res = await get(`/rest/companies?${q}`);
      assert.equal(res.status, 400, q);
      assert.equal(res.json.code, 'INVALID_DEPTH_QUERY_PARAM', q);
    }
  });
});
