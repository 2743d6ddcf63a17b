'use strict';
// The core REST API for records, write side (spec/twenty-api.md §1.2, §1.10-1.12, §7, §10):
// create one and many (upsert), update one and many, soft delete, destroy, restore one and many
// (both restore path forms), input checks with Twenty's messages, permissions per role, actors,
// and one core.event row per changed record in the same transaction (none for a failed call).

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const { APP_SECRET, APPLE, API_KEY_ID, USERS, accessToken, apiKeyToken } = require('./devseed');

describe('records REST API (write)', { timeout: 300000 }, () => {
  let cluster;
  let server;
  const schema = 'workspace_1wgvd1injqtife6y4rvfbu3h5';
  const sql = (q) => cluster.psql(q).trim();
  const events = (where = 'true') => Number(sql(`SELECT count(*) FROM core.event WHERE ${where}`));
  const call = (method, path, body, who = 'jane') => h.request(server.base, path, {
    method,
    headers: {
      Authorization: `Bearer ${who === 'key' ? apiKeyToken() : accessToken(USERS[who])}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });

  before(async () => {
    cluster = await h.startCluster();
    const env = { PG_DATABASE_URL: cluster.url, APP_SECRET, TWENTYC_MUTATION_MAX_RECORDS: '50' };
    const seed = await h.runCli(['seed', 'dev'], { env, timeoutMs: 240000 });
    assert.equal(seed.code, 0, seed.stderr);
    server = await h.startServer({ env });
  });

  after(async () => {
    if (server) await server.stop();
    if (cluster) await cluster.destroy();
  });

  it('createOne: 201, Twenty\'s envelope, composites nested, links normalised, actor from the user, position first, one created event', async () => {
    const before = events();
    const minPosition = Number(sql(`SELECT min(position) FROM ${schema}.company`));
    const res = await call('POST', '/rest/companies', {
      name: 'Acme', employees: 12, idealCustomerProfile: true,
      domainName: { primaryLinkUrl: 'https://WWW.Acme.COM/', primaryLinkLabel: 'site' },
      annualRecurringRevenue: { amountMicros: 1500000000, currencyCode: 'EUR' },
      address: { addressCity: 'Paris' },
    });
    assert.equal(res.status, 201, res.text);
    h.assertJsonHeaders(res.headers);
    const c = res.json.data.createCompany;
    assert.deepEqual(Object.keys(res.json), ['data']);
    assert.match(c.id, /^[0-9a-f-]{36}$/);
    assert.equal(c.name, 'Acme');
    assert.equal(c.employees, 12);
    assert.equal(c.idealCustomerProfile, true);
    assert.deepEqual(c.domainName, { primaryLinkLabel: 'site', primaryLinkUrl: 'https://www.acme.com', secondaryLinks: null });
    assert.deepEqual(c.annualRecurringRevenue, { amountMicros: 1500000000, currencyCode: 'EUR' });
    assert.equal(c.address.addressCity, 'Paris');
    assert.deepEqual(c.createdBy, { source: 'MANUAL', workspaceMemberId: USERS.jane.member, name: 'Jane Austen', context: {} });
    assert.deepEqual(c.updatedBy, c.createdBy);
    assert.equal(c.position, minPosition - 1);
    assert.equal(c.deletedAt, null);
    assert.match(c.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // the same record through findOne
    const one = await call('GET', `/rest/companies/${c.id}`);
    assert.deepEqual(one.json.data.company, c);
    // exactly one event, complete
    assert.equal(events(), before + 1);
    const ev = JSON.parse(sql(`SELECT json_build_object('name', name, 'action', action, 'object', "objectName", 'ws', "workspaceId",
      'user', "userId", 'uw', "userWorkspaceId", 'member', "workspaceMemberId", 'key', "apiKeyId", 'p', properties)
      FROM core.event WHERE "recordId" = '${c.id}'`));
    assert.equal(ev.name, 'company.created');
    assert.equal(ev.action, 'created');
    assert.equal(ev.object, 'company');
    assert.equal(ev.ws, APPLE);
    assert.equal(ev.user, USERS.jane.id);
    assert.equal(ev.uw, USERS.jane.uw);
    assert.equal(ev.member, USERS.jane.member);
    assert.equal(ev.key, null);
    assert.deepEqual(Object.keys(ev.p), ['after']);
    assert.equal(ev.p.after.id, c.id);
    assert.equal(ev.p.after.name, 'Acme');
    assert.equal(ev.p.after.domainName.primaryLinkUrl, 'https://www.acme.com');
  });

  it('createOne with an API key: createdBy source API with the key\'s name; a client id is kept', async () => {
    const id = crypto.randomUUID();
    const res = await call('POST', '/rest/people', { id, name: { firstName: 'Ada', lastName: 'Lovelace' },
      emails: { primaryEmail: 'ADA@Example.com', additionalEmails: ['Ada2@example.com'] }, jobTitle: 'Engineer' }, 'key');
    assert.equal(res.status, 201, res.text);
    const p = res.json.data.createPerson;
    assert.equal(p.id, id);
    assert.deepEqual(p.name, { firstName: 'Ada', lastName: 'Lovelace' });
    assert.deepEqual(p.emails, { primaryEmail: 'ada@example.com', additionalEmails: ['ada2@example.com'] });
    assert.deepEqual(p.createdBy, { source: 'API', workspaceMemberId: null, name: 'My api key', context: {} });
    assert.equal(sql(`SELECT "apiKeyId" FROM core.event WHERE "recordId" = '${id}'`), API_KEY_ID);
    // the same id again: Twenty's unique-violation message, no event, nothing changed
    const before = events();
    const again = await call('POST', '/rest/people', { id, jobTitle: 'x' }, 'key');
    assert.equal(again.status, 400, again.text);
    assert.equal(again.json.messages[0], 'A duplicate entry was detected');
    assert.ok(!again.text.includes('duplicate key value'), 'no SQL text reaches the client');
    assert.equal(events(), before);
  });

  it('createMany: 201 createCompanies in input order, one event each; over 200 refused', async () => {
    const before = events();
    const res = await call('POST', '/rest/batch/companies', [{ name: 'B1' }, { name: 'B2', employees: 3 }, { name: 'B3' }]);
    assert.equal(res.status, 201, res.text);
    const list = res.json.data.createCompanies;
    assert.deepEqual(list.map((c) => c.name), ['B1', 'B2', 'B3']);
    assert.ok(list[0].position < list[1].position && list[1].position < list[2].position, 'input order kept');
    assert.equal(events(), before + 3);
    const big = await call('POST', '/rest/batch/companies', Array.from({ length: 201 }, (_, i) => ({ name: `x${i}` })));
    assert.equal(big.status, 400);
    assert.equal(big.json.messages[0], 'Maximum number of records to upsert is 200.');
    const notArray = await call('POST', '/rest/batch/companies', { name: 'x' });
    assert.equal(notArray.status, 400);
    // one bad record: the whole batch is refused, nothing created
    const count = sql(`SELECT count(*) FROM ${schema}.company`);
    const bad = await call('POST', '/rest/batch/companies', [{ name: 'ok' }, { employees: 'many' }]);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.messages[0], 'Invalid number value \'many\' for field "employees"');
    assert.equal(sql(`SELECT count(*) FROM ${schema}.company`), count);
  });

  it('depth=1 on a mutation answers with the relations, as a read would', async () => {
    const company = (await call('POST', '/rest/companies', { name: 'Deep' })).json.data.createCompany;
    const res = await call('POST', '/rest/people?depth=1', { name: { firstName: 'D', lastName: 'One' }, companyId: company.id });
    assert.equal(res.status, 201, res.text);
    const p = res.json.data.createPerson;
    assert.equal(p.company.id, company.id);
    assert.equal(p.company.name, 'Deep');
    const read = await call('GET', `/rest/people/${p.id}?depth=1`);
    assert.deepEqual(p, read.json.data.person);
    const upd = await call('PATCH', `/rest/companies/${company.id}?depth=1`, { tagline: 'deep' });
    assert.equal(upd.status, 200, upd.text);
    assert.deepEqual(upd.json.data.updateCompany.people.map((x) => x.id), [p.id]);
    const many = await call('POST', '/rest/batch/people?depth=1', [{ companyId: company.id }, { jobTitle: 'none' }]);
    assert.equal(many.json.data.createPeople[0].company.id, company.id);
    assert.equal(many.json.data.createPeople[1].company, null);
    assert.equal((await call('POST', '/rest/people?depth=2', {})).status, 400);
  });

  it('totalCount stays exact: a write through the API shows at once, a write with SQL once its notification arrives', async () => {
    const total = async (q = '') => (await call('GET', `/rest/companies?limit=1${q}`)).json.totalCount;
    const start = await total();
    assert.equal(await total(), start, 'the same count again (served from the cache)');
    assert.equal(start, Number(sql(`SELECT count(*) FROM ${schema}.company WHERE "deletedAt" IS NULL`)));
    const made = await call('POST', '/rest/companies', { name: 'Counted' });
    assert.equal(made.status, 201);
    assert.equal(await total(), start + 1, 'read-your-writes on this instance');
    const filtered = await total('&filter=name[eq]:"Counted"');
    assert.equal(filtered, 1);
    sql(`INSERT INTO ${schema}.company (name) VALUES ('Counted')`);
    await h.waitFor(async () => (await total('&filter=name[eq]:"Counted"')) === 2, 2000);
    assert.equal(await total(), start + 2, 'a write from psql reaches the cache through NOTIFY');
    sql(`DELETE FROM ${schema}.company WHERE name = 'Counted'`);
    await h.waitFor(async () => (await total()) === start, 2000);
    assert.equal(await total('&filter=name[eq]:"Counted"'), 0);
  });

  it('upsert: a record matching by id or by a unique field is updated, others created', async () => {
    const made = await call('POST', '/rest/people', { name: { firstName: 'Up', lastName: 'Sert' }, emails: { primaryEmail: 'upsert@example.com' } });
    assert.equal(made.status, 201, made.text);
    const id = made.json.data.createPerson.id;
    const before = events();
    const res = await call('POST', '/rest/batch/people?upsert=true', [
      { emails: { primaryEmail: 'UPSERT@example.com' }, jobTitle: 'by email' },
      { id, city: 'Lyon' },
      { name: { firstName: 'New', lastName: 'One' }, emails: { primaryEmail: 'new-upsert@example.com' } },
    ]);
    assert.equal(res.status, 201, res.text);
    const [a, b, c] = res.json.data.createPeople;
    assert.equal(a.id, id);
    assert.equal(a.jobTitle, 'by email');
    assert.equal(b.id, id);
    assert.equal(b.city, 'Lyon');
    assert.equal(b.jobTitle, 'by email');
    assert.notEqual(c.id, id);
    assert.equal(sql(`SELECT string_agg(action, ',' ORDER BY seq) FROM core.event WHERE seq > (SELECT max(seq) - 3 FROM core.event)`), 'updated,updated,created');
    assert.equal(events(), before + 3);
    const one = await call('POST', '/rest/people?upsert=true', { id, jobTitle: 'single' });
    assert.equal(one.status, 201, one.text);
    assert.equal(one.json.data.createPerson.jobTitle, 'single');
  });

  it('input checks per field type: Twenty\'s messages, 400 INVALID_ARGS_DATA, nothing written', async () => {
    const cases = [
      [{ nope: 1 }, 'Object company doesn\'t have any "nope" field.'],
      [{ employees: 'x' }, 'Invalid number value \'x\' for field "employees"'],
      [{ employees: {} }, 'Invalid number value {} for field "employees"'],
      [{ idealCustomerProfile: 'yes' }, 'Invalid boolean value \'yes\' for field "idealCustomerProfile"'],
      [{ name: 1 }, 'Invalid string value 1 for text field "name"'],
      [{ accountOwnerId: 'non-uuid' }, 'Invalid UUID value \'non-uuid\' for field "accountOwnerId"'],
      [{ domainName: 'acme.com' }, 'Invalid object value \'acme.com\' for field "domainName"'],
      [{ annualRecurringRevenue: true }, 'Invalid object value true for field "annualRecurringRevenue"'],
      [{ people: [] }, 'One-to-many relation people field does not support write operations.'],
      [{ accountOwner: 'x' }, 'Relation "accountOwner" requires connect or disconnect operation'],
      [{ searchVector: 'x' }, 'Object company doesn\'t have any "searchVector" field.'],
    ];
    const count = sql(`SELECT count(*) FROM ${schema}.company`);
    const before = events();
    for (const [body, message] of cases) {
      const res = await call('POST', '/rest/companies', body);
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
      assert.deepEqual(res.json, { statusCode: 400, error: 'BadRequestException', messages: [message], code: 'INVALID_ARGS_DATA' });
    }
    const people = [
      [{ emails: { primaryEmail: 'not-an-email' } }, 'Invalid string value \'not-an-email\' for email field "emails.primaryEmail"'],
      [{ emails: { additionalEmails: ['x'] } }, 'Invalid string value \'x\' for email field "emails.additionalEmails"'],
      [{ createdAt: 'yesterday' }, 'Invalid value \'yesterday\' for date-time field "createdAt". Expected format: \'YYYY-MM-DDTHH:mm:ssZ\''],
      [{ position: 'top' }, 'Invalid position value \'top\' for field "position"'],
    ];
    for (const [body, message] of people) {
      const res = await call('POST', '/rest/people', body);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.json.messages[0], message);
    }
    const opp = [
      [{ stage: 'WON' }, 'Invalid value \'WON\' for field "stage"'],
      [{ stage: 3 }, 'Invalid string value 3 for text field "stage"'],
      [{ closeDate: '2024-02-31' }, 'Invalid value \'2024-02-31\' for date-time field "closeDate". Expected format: \'YYYY-MM-DDTHH:mm:ssZ\''],
    ];
    for (const [body, message] of opp) {
      const res = await call('POST', '/rest/opportunities', body);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.json.messages[0], message);
    }
    assert.equal(sql(`SELECT count(*) FROM ${schema}.company`), count);
    assert.equal(events(), before);
    const notJson = await call('POST', '/rest/companies', '{"name":');
    assert.equal(notJson.status, 400);
    const fk = await call('POST', '/rest/people', { companyId: crypto.randomUUID() });
    assert.equal(fk.status, 400, fk.text);
    assert.equal(fk.json.messages[0], 'Cannot create person because it violates a foreign key constraint.');
    assert.equal(events(), before);
  });

  it('hostile input: SQL in values and keys is plain data or a 400', async () => {
    const evil = 'x\'); DROP TABLE company; --';
    const res = await call('POST', '/rest/companies', { name: evil, tagline: '"\\\u00e9' });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.data.createCompany.name, evil);
    assert.equal(res.json.data.createCompany.tagline, '"\\\u00e9');
    const key = await call('POST', '/rest/companies', { 'name" = 1; --': 'x' });
    assert.equal(key.status, 400);
    const nul = await call('POST', '/rest/companies', { name: 'a\u0000b' });
    assert.equal(nul.status, 400);
    assert.ok(Number(sql(`SELECT count(*) FROM ${schema}.company`)) > 0);
  });

  it('updateOne: changed fields only, updatedBy from the caller, updated event with before/after/updatedFields/diff', async () => {
    const made = (await call('POST', '/rest/companies', { name: 'Before', employees: 1 }, 'key')).json.data.createCompany;
    const res = await call('PATCH', `/rest/companies/${made.id}`, { name: 'After', address: { addressCity: 'Rome' } });
    assert.equal(res.status, 200, res.text);
    const c = res.json.data.updateCompany;
    assert.equal(c.name, 'After');
    assert.equal(c.employees, 1);
    assert.equal(c.address.addressCity, 'Rome');
    assert.equal(c.createdBy.source, 'API');
    assert.deepEqual(c.updatedBy, { source: 'MANUAL', workspaceMemberId: USERS.jane.member, name: 'Jane Austen', context: {} });
    assert.ok(c.updatedAt > made.updatedAt);
    const p = JSON.parse(sql(`SELECT properties FROM core.event WHERE "recordId" = '${made.id}' AND action = 'updated'`));
    assert.deepEqual(p.updatedFields, ['name', 'address']);
    assert.equal(p.before.name, 'Before');
    assert.equal(p.after.name, 'After');
    assert.deepEqual(p.diff.name, { before: 'Before', after: 'After' });
    assert.deepEqual(p.diff.address.after.addressCity, 'Rome');
    assert.ok(!('employees' in p.diff) && !('updatedAt' in p.diff));
    // PUT is the same; unknown id 404; bad id 400
    const put = await call('PUT', `/rest/companies/${made.id}`, { employees: 2 });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json.data.updateCompany.employees, 2);
    const missing = await call('PATCH', `/rest/companies/${crypto.randomUUID()}`, { name: 'x' });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json.messages, ['Record not found']);
    const bad = await call('PATCH', '/rest/companies/nope', { name: 'x' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json.messages, ['\'nope\' is not a valid UUID']);
    const id = await call('PATCH', `/rest/companies/${made.id}`, { id: crypto.randomUUID() });
    assert.equal(id.status, 400);
  });

  it('updateMany: a filter is mandatory; every match updated; the cap refuses and changes nothing', async () => {
    const made = (await call('POST', '/rest/batch/companies', [{ name: 'Bulk', employees: 5 }, { name: 'Bulk', employees: 6 }])).json.data.createCompanies;
    const res = await call('PATCH', '/rest/companies?filter=name[eq]:"Bulk"', { tagline: 'bulk' });
    assert.equal(res.status, 200, res.text);
    const list = res.json.data.updateCompanies;
    assert.deepEqual(list.map((c) => c.id).sort(), made.map((c) => c.id).sort());
    assert.ok(list.every((c) => c.tagline === 'bulk'));
    const nofilter = await call('PATCH', '/rest/companies', { tagline: 'all' });
    assert.equal(nofilter.status, 400);
    const before = events();
    const over = await call('PATCH', '/rest/companies?filter=name[neq]:"zzz"', { tagline: 'too many' });
    assert.equal(over.status, 400, over.text);
    assert.equal(over.json.code, 'TOO_MANY_RECORDS_TO_UPDATE');
    assert.equal(sql(`SELECT count(*) FROM ${schema}.company WHERE tagline = 'too many'`), '0');
    assert.equal(events(), before);
  });

  it('soft delete, restore (both path forms) and destroy, one and many, with their events', async () => {
    const [a, b, c] = (await call('POST', '/rest/batch/companies', [{ name: 'Del' }, { name: 'Del' }, { name: 'Del' }])).json.data.createCompanies;
    const soft = await call('DELETE', `/rest/companies/${a.id}?soft_delete=true`);
    assert.equal(soft.status, 200, soft.text);
    assert.deepEqual(soft.json, { data: { deleteCompany: { id: a.id } } });
    assert.notEqual(sql(`SELECT "deletedAt" FROM ${schema}.company WHERE id = '${a.id}'`), '');
    assert.equal((await call('GET', `/rest/companies/${a.id}`)).status, 404);
    const del = JSON.parse(sql(`SELECT properties FROM core.event WHERE "recordId" = '${a.id}' AND action = 'deleted'`));
    assert.deepEqual(del.updatedFields, ['deletedAt']);
    assert.equal(del.before.deletedAt, null);
    assert.ok(del.after.deletedAt);
    // soft-deleting it again: not found
    assert.equal((await call('DELETE', `/rest/companies/${a.id}?soft_delete=true`)).status, 404);
    const restored = await call('PATCH', `/rest/companies/${a.id}/restore`);
    assert.equal(restored.status, 200, restored.text);
    assert.equal(restored.json.data.restoreCompany.id, a.id);
    assert.equal(restored.json.data.restoreCompany.deletedAt, null);
    assert.equal(events(`"recordId" = '${a.id}' AND action = 'restored'`), 1);
    // the older path form
    await call('DELETE', `/rest/companies/${a.id}?soft_delete=true`);
    const old = await call('PATCH', `/rest/restore/companies/${a.id}`);
    assert.equal(old.status, 200, old.text);
    assert.equal(old.json.data.restoreCompany.id, a.id);
    // many: soft delete by filter, then restore many by filter (both forms)
    const many = await call('DELETE', '/rest/companies?soft_delete=true&filter=name[eq]:"Del"');
    assert.equal(many.status, 200, many.text);
    assert.deepEqual(many.json.data.deleteCompanies.map((x) => x.id).sort(), [a.id, b.id, c.id].sort());
    const back = await call('PATCH', '/rest/companies/restore?filter=name[eq]:"Del"');
    assert.equal(back.status, 200, back.text);
    assert.equal(back.json.data.restoreCompanies.length, 3);
    await call('DELETE', '/rest/companies?soft_delete=true&filter=id[eq]:' + c.id);
    const backOld = await call('PATCH', '/rest/restore/companies?filter=name[eq]:"Del"');
    assert.equal(backOld.status, 200, backOld.text);
    assert.deepEqual(backOld.json.data.restoreCompanies.map((x) => x.id), [c.id]);
    // destroy (DELETE without soft_delete): gone from the table, destroyed event with before
    const gone = await call('DELETE', `/rest/companies/${b.id}`);
    assert.equal(gone.status, 200, gone.text);
    assert.deepEqual(gone.json, { data: { deleteCompany: { id: b.id } } });
    assert.equal(sql(`SELECT count(*) FROM ${schema}.company WHERE id = '${b.id}'`), '0');
    const d = JSON.parse(sql(`SELECT properties FROM core.event WHERE "recordId" = '${b.id}' AND action = 'destroyed'`));
    assert.deepEqual(Object.keys(d), ['before']);
    assert.equal(d.before.id, b.id);
    // bulk delete and destroy need a filter, with Twenty's messages
    const noFilter = await call('DELETE', '/rest/companies?soft_delete=true');
    assert.equal(noFilter.status, 400);
    assert.equal(noFilter.json.messages[0], 'Filters are mandatory for bulk delete operations. Please provide at least one filter to prevent accidental deletion of all records.');
    const noFilterDestroy = await call('DELETE', '/rest/companies');
    assert.equal(noFilterDestroy.json.messages[0], 'Filters are mandatory for bulk destroy operations. Please provide at least one filter to prevent accidental deletion of all records.');
    const destroyMany = await call('DELETE', '/rest/companies?filter=name[eq]:"Del"');
    assert.equal(destroyMany.status, 200, destroyMany.text);
    assert.deepEqual(destroyMany.json.data.deleteCompanies.map((x) => x.id).sort(), [a.id, c.id].sort());
  });

  it('a custom object created through the metadata API takes writes at once', async () => {
    const token = `Bearer ${accessToken(USERS.jane)}`;
    const obj = await h.request(server.base, '/rest/metadata/objects', { method: 'POST',
      headers: { Authorization: token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ nameSingular: 'gadget', namePlural: 'gadgets', labelSingular: 'Gadget', labelPlural: 'Gadgets' }) });
    assert.equal(obj.status, 201, obj.text);
    const field = await h.request(server.base, '/rest/metadata/fields', { method: 'POST',
      headers: { Authorization: token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ objectMetadataId: obj.json.id, type: 'NUMBER', name: 'weight', label: 'Weight' }) });
    assert.equal(field.status, 201, field.text);
    await h.waitFor(async () => (await call('POST', '/rest/gadgets', { name: 'probe', weight: 1 })).status === 201, 2000);
    const res = await call('POST', '/rest/gadgets', { name: 'g1', weight: 2.5 });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.data.createGadget.weight, 2.5);
    const upd = await call('PATCH', `/rest/gadgets/${res.json.data.createGadget.id}`, { weight: 3 });
    assert.equal(upd.json.data.updateGadget.weight, 3);
    assert.equal(events(`"objectName" = 'gadget'`), 3);
  });

  it('permissions: Guest cannot write (403); Object-restricted cannot touch rocket or write pet, nor a read-only field', async () => {
    const before = events();
    const guest = await call('POST', '/rest/companies', { name: 'g' }, 'phil');
    assert.equal(guest.status, 403, guest.text);
    assert.equal(guest.json.code, 'PERMISSION_DENIED');
    const company = (await call('GET', '/rest/companies?limit=1', undefined, 'jane')).json.data.companies[0];
    assert.equal((await call('PATCH', `/rest/companies/${company.id}`, { name: 'g' }, 'phil')).status, 403);
    assert.equal((await call('DELETE', `/rest/companies/${company.id}`, undefined, 'phil')).status, 403);
    // Member writes
    const member = await call('POST', '/rest/companies', { name: 'by member' }, 'jony');
    assert.equal(member.status, 201, member.text);
    assert.equal(member.json.data.createCompany.createdBy.name, 'Jony Ive');
    // Tim: rocket denied, pet read-only, person.city read-only, company.linkedinLink hidden
    assert.equal((await call('POST', '/rest/rockets', { name: 'r' }, 'tim')).status, 403);
    assert.equal((await call('POST', '/rest/pets', { name: 'p' }, 'tim')).status, 403);
    const city = await call('POST', '/rest/people', { city: 'Oslo' }, 'tim');
    assert.equal(city.status, 403, city.text);
    assert.equal(city.json.code, 'PERMISSION_DENIED');
    const ok = await call('POST', '/rest/companies', { name: 'by tim' }, 'tim');
    assert.equal(ok.status, 201, ok.text);
    assert.ok(!('linkedinLink' in ok.json.data.createCompany), 'an unreadable field is left out of the answer');
    assert.equal(events(), before + 2);
  });
});
