'use strict';
// The core REST API's find-duplicates and merge routes (spec/twenty-api.md §1.2 #2 and #11,
// §1.10, §1.11, §7, §10): duplicates by data and by ids on the objects' duplicate criteria,
// Twenty's envelopes and messages; merge with conflict priority, field merging, relations
// re-pointed, the others destroyed, all in one transaction with one event per change; dry run.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const { APP_SECRET, APPLE, USERS, accessToken } = require('./devseed');

// Twenty's cursor of a record in the default order: base64 of {"id":…}.
const cursor = (id) => Buffer.from(JSON.stringify({ id })).toString('base64');
const sorted = (ids) => [...ids].sort();

describe('records REST API (duplicates and merge)', { timeout: 300000 }, () => {
  let cluster;
  let server;
  const schema = 'workspace_1wgvd1injqtife6y4rvfbu3h5';
  const sql = (q) => cluster.psql(q).trim();
  const call = (method, path, body, who = 'jane') => h.request(server.base, path, {
    method,
    headers: {
      Authorization: `Bearer ${accessToken(USERS[who])}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  const create = async (plural, record, who = 'jane') => {
    const res = await call('POST', `/rest/${plural}`, record, who);
    assert.equal(res.status, 201, res.text);
    return Object.values(res.json.data)[0];
  };
  // The events written since mark (a database timestamp), as "name recordId" lines, sorted.
  const mark = () => sql('SELECT clock_timestamp()');
  const eventsSince = (t) => {
    const text = sql(`SELECT name || ' ' || "recordId" FROM core.event WHERE "createdAt" > '${t}' ORDER BY 1`);
    return text ? text.split('\n') : [];
  };
  const duplicates = (plural, body, who) => call('POST', `/rest/${plural}/duplicates`, body, who);
  const merge = (plural, body, who) => call('PATCH', `/rest/${plural}/merge`, body, who);

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

  describe('find duplicates', () => {
    let d1; let d2; let d3; let d5; let p; let q;

    before(async () => {
      d1 = await create('companies', { name: 'Zyxdup Alpha', domainName: { primaryLinkUrl: 'https://zyxdup.com' } });
      d2 = await create('companies', { name: 'Zyxdup Alpha' });
      d3 = await create('companies', { name: 'Zyxdup Beta', domainName: { primaryLinkUrl: 'https://www.Zyxdup-beta.com/' } });
      const d4 = await create('companies', { name: 'Zyxdup Beta' });
      assert.equal((await call('DELETE', `/rest/companies/${d4.id}?soft_delete=true`)).status, 200);
      d5 = await create('companies', { name: 'Zyxdup Beta', domainName: { primaryLinkUrl: 'https://zyxdup-gamma.com' } });
      p = await create('people', { name: { firstName: 'Zyxia', lastName: 'Dupont' }, emails: { primaryEmail: 'zyxia@dup.example' } });
      q = await create('people', { name: { firstName: 'Zyxia', lastName: 'Dupont' }, jobTitle: 'twin' });
    });

    it('by data: one entry per input, matches on any criterion, live records only, Twenty\'s envelope and cursors', async () => {
      const res = await duplicates('companies', { data: [
        { name: 'Zyxdup Alpha' },
        { domainName: { primaryLinkUrl: 'https://WWW.ZYXDUP-BETA.com/' } },
        { name: 'Zyxdup Beta' },
        { name: 'Zy' },
        { name: 'Nothing Zyx like this' },
        { id: d1.id, name: 'Zyxdup Alpha' },
      ] });
      assert.equal(res.status, 200, res.text);
      h.assertJsonHeaders(res.headers);
      assert.deepEqual(Object.keys(res.json), ['data']);
      const data = res.json.data;
      assert.equal(data.length, 6);
      for (const entry of data) assert.deepEqual(Object.keys(entry), ['companyDuplicates', 'totalCount', 'pageInfo']);
      const ids = (entry) => entry.companyDuplicates.map((c) => c.id);
      // name: both Alphas, ordered by id, with cursors of the first and last
      assert.deepEqual(ids(data[0]), sorted([d1.id, d2.id]));
      assert.equal(data[0].totalCount, 2);
      assert.deepEqual(data[0].pageInfo, { hasNextPage: false, hasPreviousPage: false,
        startCursor: cursor(ids(data[0])[0]), endCursor: cursor(ids(data[0])[1]) });
      // the link is normalised as a create would store it
      assert.deepEqual(ids(data[1]), [d3.id]);
      assert.equal(data[1].totalCount, 1);
      // the soft-deleted Beta is not a duplicate
      assert.deepEqual(ids(data[2]), sorted([d3.id, d5.id]));
      // under three characters, or no match: empty, null cursors
      for (const entry of [data[3], data[4]]) {
        assert.deepEqual(entry, { companyDuplicates: [], totalCount: 0,
          pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
      }
      // an input with an id is never its own duplicate
      assert.deepEqual(ids(data[5]), [d2.id]);
      // whole records, as a read shows them
      const one = await call('GET', `/rest/companies/${d2.id}`);
      assert.deepEqual(data[0].companyDuplicates.find((c) => c.id === d2.id), one.json.data.company);
    });

    it('by ids: one entry per live record given, in the order given, the record itself left out', async () => {
      const res = await duplicates('companies', { ids: [d3.id, crypto.randomUUID(), d1.id.toUpperCase()] });
      assert.equal(res.status, 200, res.text);
      const data = res.json.data;
      assert.equal(data.length, 2);
      assert.deepEqual(data[0].companyDuplicates.map((c) => c.id), [d5.id]);
      assert.equal(data[0].totalCount, 1);
      assert.deepEqual(data[1].companyDuplicates.map((c) => c.id), [d2.id]);
      const empty = await duplicates('companies', { ids: [] });
      assert.equal(empty.status, 200, empty.text);
      assert.deepEqual(empty.json, { data: [] });
    });

    it('person: full name (both parts) or primary e-mail', async () => {
      const res = await duplicates('people', { data: [
        { name: { firstName: 'Zyxia', lastName: 'Dupont' } },
        { emails: { primaryEmail: 'Zyxia@Dup.example' } },
        { name: { firstName: 'Zyxia' } },
      ] });
      assert.equal(res.status, 200, res.text);
      const data = res.json.data;
      assert.deepEqual(data[0].personDuplicates.map((x) => x.id), sorted([p.id, q.id]));
      assert.deepEqual(data[1].personDuplicates.map((x) => x.id), [p.id]);
      assert.equal(data[1].personDuplicates[0].emails.primaryEmail, 'zyxia@dup.example');
      assert.equal(data[2].totalCount, 0);
      const byId = await duplicates('people', { ids: [q.id] });
      assert.equal(byId.status, 200, byId.text);
      assert.deepEqual(byId.json.data[0].personDuplicates.map((x) => x.id), [p.id]);
    });

    it('depth=1: the duplicates with their relations, as a read at depth=1 shows them', async () => {
      const company = await create('companies', { name: 'Zyxdup Deep Co' });
      await call('PATCH', `/rest/people/${q.id}`, { companyId: company.id });
      const res = await call('POST', '/rest/people/duplicates?depth=1', { ids: [p.id] });
      assert.equal(res.status, 200, res.text);
      const found = res.json.data[0].personDuplicates;
      assert.equal(found.length, 1);
      assert.equal(found[0].company.id, company.id);
      assert.deepEqual(found[0].noteTargets, []);
      assert.deepEqual(found[0], (await call('GET', `/rest/people/${q.id}?depth=1`)).json.data.person);
    });

    it('an object without duplicate criteria has no duplicates', async () => {
      await create('opportunities', { name: 'Zyxdup Deal' });
      const res = await duplicates('opportunities', { data: [{ name: 'Zyxdup Deal' }] });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.json, { data: [{ opportunityDuplicates: [], totalCount: 0,
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } }] });
    });

    it('bad bodies: Twenty\'s 400s', async () => {
      const cases = [
        [{}, 'You have to provide either "data" or "ids" argument'],
        [{ data: [{ name: 'Zyxdup Alpha' }], ids: [d1.id] }, 'You cannot provide both "data" and "ids" arguments'],
        [{ data: [] }, 'The "data" condition can not be empty when "ids" input not provided'],
        [{ ids: ['nope'] }, '\'nope\' is not a valid UUID'],
        [{ data: [{ nope: 1 }] }, 'Object company doesn\'t have any "nope" field.'],
        [{ data: [{ employees: 'many' }] }, 'Invalid number value \'many\' for field "employees"'],
        [{ data: { name: 'Zyxdup Alpha' } }, '"data" must be an array of records'],
        [{ data: Array.from({ length: 201 }, () => ({ name: 'Zyxdup Alpha' })) }, 'At most 200 records are accepted at once'],
        [{ ids: Array.from({ length: 201 }, () => d1.id) }, 'At most 200 ids are accepted at once'],
      ];
      for (const [body, message] of cases) {
        const res = await duplicates('companies', body);
        assert.equal(res.status, 400, `${JSON.stringify(body).slice(0, 80)}: ${res.text}`);
        assert.deepEqual(res.json.messages, [message]);
      }
      const notJson = await duplicates('companies', '{nope');
      assert.equal(notJson.status, 400);
      assert.equal((await call('POST', '/rest/companies/duplicates?depth=2', { ids: [] })).status, 400);
    });

    it('permissions: Guest can read, so it can find duplicates; a denied object is 403; hidden fields left out', async () => {
      const guest = await duplicates('companies', { data: [{ name: 'Zyxdup Alpha' }] }, 'phil');
      assert.equal(guest.status, 200, guest.text);
      assert.deepEqual(guest.json.data[0].companyDuplicates.map((c) => c.id), sorted([d1.id, d2.id]));
      const rockets = await duplicates('rockets', { data: [{ name: 'Zyx rocket' }] }, 'tim');
      assert.equal(rockets.status, 403, rockets.text);
      assert.equal(rockets.json.code, 'PERMISSION_DENIED');
      const tim = await duplicates('companies', { ids: [d1.id] }, 'tim');
      assert.equal(tim.status, 200, tim.text);
      assert.ok(!('linkedinLink' in tim.json.data[0].companyDuplicates[0]), 'an unreadable field is left out');
    });
  });

  describe('merge', () => {
    it('merges fields by priority, re-points every relation, destroys the others, one event per change', async () => {
      const a = await create('companies', { name: 'Zyx Merge Co', domainName: { primaryLinkUrl: 'https://zyx-a.example' },
        workPolicy: ['ON_SITE'], visaSponsorship: true });
      const b = await create('companies', { name: 'Zyx Merge Company', employees: 50, tagline: 'From B',
        domainName: { primaryLinkUrl: 'https://zyx-b.example', secondaryLinks: [{ url: 'https://zyx-b2.example', label: 'two' }] },
        workPolicy: ['REMOTE_WORK', 'ON_SITE'], address: { addressCity: 'Lyon' } });
      const c = await create('companies', { name: 'Zyx Merge Corp', employees: 7, tagline: 'From C',
        domainName: { primaryLinkUrl: 'https://zyx-c.example' } });
      const p1 = await create('people', { name: { firstName: 'Ann', lastName: 'Zyxa' }, companyId: a.id });
      const p2 = await create('people', { name: { firstName: 'Bob', lastName: 'Zyxb' }, companyId: b.id });
      const p3 = await create('people', { name: { firstName: 'Cid', lastName: 'Zyxc' }, companyId: c.id });
      const p4 = await create('people', { name: { firstName: 'Del', lastName: 'Zyxd' }, companyId: b.id });
      assert.equal((await call('DELETE', `/rest/people/${p4.id}?soft_delete=true`)).status, 200);
      const deal = await create('opportunities', { name: 'Zyx deal', companyId: b.id });
      const note = await create('notes', { title: 'Zyx note' });
      const noteTarget = await create('noteTargets', { noteId: note.id, targetCompanyId: c.id });
      const task = await create('tasks', { title: 'Zyx task' });
      const taskTarget = await create('taskTargets', { taskId: task.id, targetCompanyId: b.id });
      const t = mark();

      const res = await merge('companies', { ids: [a.id, b.id, c.id], conflictPriorityIndex: 0 });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(Object.keys(res.json.data), ['mergeCompany']);
      const m = res.json.data.mergeCompany;
      assert.equal(m.id, a.id);
      assert.equal(m.name, 'Zyx Merge Co', 'the winner keeps its value');
      assert.equal(m.employees, 50, 'an empty field takes the first other record\'s value');
      assert.equal(m.tagline, 'From B');
      assert.equal(m.address.addressCity, 'Lyon');
      assert.equal(m.visaSponsorship, true);
      assert.deepEqual(m.workPolicy, ['ON_SITE', 'REMOTE_WORK'], 'arrays are united');
      assert.equal(m.domainName.primaryLinkUrl, 'https://zyx-a.example');
      assert.deepEqual(m.domainName.secondaryLinks.map((l) => l.url),
        ['https://zyx-b.example', 'https://zyx-b2.example', 'https://zyx-c.example'], 'links are united');
      assert.deepEqual(m.updatedBy, { source: 'MANUAL', workspaceMemberId: USERS.jane.member, name: 'Jane Austen', context: {} });
      assert.deepEqual((await call('GET', `/rest/companies/${a.id}`)).json.data.company, m);

      // the others are gone (destroyed, as Twenty does)
      for (const x of [b, c]) assert.equal((await call('GET', `/rest/companies/${x.id}`)).status, 404);
      assert.equal(sql(`SELECT count(*) FROM ${schema}.company WHERE id IN ('${b.id}', '${c.id}')`), '0');
      // every relation re-pointed, a soft-deleted record's too
      const companyOf = (table, column, id) => sql(`SELECT "${column}" FROM ${schema}."${table}" WHERE id = '${id}'`);
      for (const x of [p1, p2, p3, p4]) assert.equal(companyOf('person', 'companyId', x.id), a.id);
      assert.equal(companyOf('opportunity', 'companyId', deal.id), a.id);
      assert.equal(companyOf('noteTarget', 'targetCompanyId', noteTarget.id), a.id);
      assert.equal(companyOf('taskTarget', 'targetCompanyId', taskTarget.id), a.id);

      // exactly one event per change
      assert.deepEqual(eventsSince(t), [
        `company.destroyed ${b.id}`, `company.destroyed ${c.id}`,
        `company.updated ${a.id}`,
        `noteTarget.updated ${noteTarget.id}`,
        `opportunity.updated ${deal.id}`,
        ...sorted([p2.id, p3.id, p4.id]).map((id) => `person.updated ${id}`),
        `taskTarget.updated ${taskTarget.id}`,
      ].sort());
      const ev = JSON.parse(sql(`SELECT properties FROM core.event WHERE "createdAt" > '${t}' AND name = 'company.updated'`));
      for (const f of ['employees', 'tagline', 'address', 'workPolicy', 'domainName']) assert.ok(ev.updatedFields.includes(f), f);
      assert.ok(!ev.updatedFields.includes('name'), 'unchanged fields are not updated');
      assert.deepEqual(ev.diff.employees, { before: null, after: 50 });
      const pe = JSON.parse(sql(`SELECT properties FROM core.event WHERE "createdAt" > '${t}' AND "recordId" = '${p2.id}'`));
      assert.deepEqual(pe.diff.companyId, { before: b.id, after: a.id });
      const gone = JSON.parse(sql(`SELECT properties FROM core.event WHERE "createdAt" > '${t}' AND "recordId" = '${b.id}'`));
      assert.equal(gone.before.name, 'Zyx Merge Company');
    });

    it('conflictPriorityIndex picks the winner', async () => {
      const x = await create('companies', { name: 'Zyx Prio X', tagline: 'X' });
      const y = await create('companies', { name: 'Zyx Prio Y', tagline: 'Y', employees: 3 });
      const res = await merge('companies', { ids: [x.id, y.id], conflictPriorityIndex: 1 });
      assert.equal(res.status, 200, res.text);
      const m = res.json.data.mergeCompany;
      assert.equal(m.id, y.id);
      assert.equal(m.name, 'Zyx Prio Y');
      assert.equal(m.tagline, 'Y');
      assert.equal((await call('GET', `/rest/companies/${x.id}`)).status, 404);
    });

    it('people: e-mails and phones are united around the winner\'s primary ones', async () => {
      const one = await create('people', { name: { firstName: 'John', lastName: 'Zyxdoe' },
        emails: { primaryEmail: 'john@zyx.example', additionalEmails: ['john.alt@zyx.example', 'shared@zyx.example'] },
        phones: { primaryPhoneNumber: '5551234567', primaryPhoneCountryCode: 'US', primaryPhoneCallingCode: '+1' } });
      const two = await create('people', { name: { firstName: 'Jane', lastName: 'Zyxdoe' }, jobTitle: 'CTO',
        emails: { primaryEmail: 'jane@zyx.example', additionalEmails: ['shared@zyx.example'] },
        phones: { primaryPhoneNumber: '4445556789', primaryPhoneCountryCode: 'US', primaryPhoneCallingCode: '+1',
          additionalPhones: [{ number: '4441112222', countryCode: 'US', callingCode: '+1' }] } });
      const res = await merge('people', { ids: [one.id, two.id], conflictPriorityIndex: 0 });
      assert.equal(res.status, 200, res.text);
      const m = res.json.data.mergePerson;
      assert.deepEqual(m.name, { firstName: 'John', lastName: 'Zyxdoe' });
      assert.equal(m.jobTitle, 'CTO');
      assert.deepEqual(m.emails, { primaryEmail: 'john@zyx.example',
        additionalEmails: ['john.alt@zyx.example', 'shared@zyx.example', 'jane@zyx.example'] });
      assert.equal(m.phones.primaryPhoneNumber, '5551234567');
      assert.deepEqual(m.phones.additionalPhones.map((x) => x.number), ['4445556789', '4441112222']);
      assert.deepEqual(m.whatsapp, one.whatsapp, 'a composite nobody filled stays as it was');
      // the loser's unique e-mail is free again
      assert.equal((await create('people', { emails: { primaryEmail: 'jane@zyx.example' } })).emails.primaryEmail, 'jane@zyx.example');
    });

    it('dryRun: answers the merged record with a new id and deletedAt, changes nothing, writes no event', async () => {
      const one = await create('people', { name: { firstName: 'Dry', lastName: 'Zyxrun' }, emails: { primaryEmail: 'dry1@zyx.example' } });
      const two = await create('people', { name: { firstName: 'Dry', lastName: 'Zyxrun' }, city: 'Oslo',
        emails: { primaryEmail: 'dry2@zyx.example' } });
      const company = await create('companies', { name: 'Zyx dry co' });
      await call('PATCH', `/rest/people/${two.id}`, { companyId: company.id });
      const rows = () => sql(`SELECT json_agg(p ORDER BY id) FROM ${schema}.person p WHERE id IN ('${one.id}', '${two.id}')`);
      const before = rows();
      const t = mark();
      const res = await merge('people', { ids: [one.id, two.id], conflictPriorityIndex: 0, dryRun: true });
      assert.equal(res.status, 200, res.text);
      const m = res.json.data.mergePerson;
      assert.match(m.id, /^[0-9a-f-]{36}$/);
      assert.ok(m.id !== one.id && m.id !== two.id, 'a new id, as Twenty answers a dry run');
      assert.match(m.deletedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal(m.city, 'Oslo');
      assert.equal(m.companyId, company.id);
      assert.deepEqual(m.emails, { primaryEmail: 'dry1@zyx.example', additionalEmails: ['dry2@zyx.example'] });
      assert.equal(rows(), before);
      assert.deepEqual(eventsSince(t), []);
      // dry run needs read only: Guest may preview
      const guest = await merge('people', { ids: [one.id, two.id], conflictPriorityIndex: 1, dryRun: true }, 'phil');
      assert.equal(guest.status, 200, guest.text);
      assert.deepEqual(guest.json.data.mergePerson.emails, { primaryEmail: 'dry2@zyx.example', additionalEmails: ['dry1@zyx.example'] });
    });

    it('depth=1: the winner with its relations; a dry run unites the records\' to-many relations', async () => {
      const x = await create('companies', { name: 'Zyx Deep X' });
      const y = await create('companies', { name: 'Zyx Deep Y' });
      const px = await create('people', { name: { firstName: 'Px', lastName: 'Zyxdeep' }, companyId: x.id });
      const py = await create('people', { name: { firstName: 'Py', lastName: 'Zyxdeep' }, companyId: y.id });
      const dry = await call('PATCH', '/rest/companies/merge?depth=1', { ids: [x.id, y.id], conflictPriorityIndex: 0, dryRun: true });
      assert.equal(dry.status, 200, dry.text);
      const preview = dry.json.data.mergeCompany;
      assert.deepEqual(preview.people.map((p) => p.id), [px.id, py.id]);
      assert.equal(sql(`SELECT "companyId" FROM ${schema}.person WHERE id = '${py.id}'`), y.id);
      const res = await call('PATCH', '/rest/companies/merge?depth=1', { ids: [x.id, y.id], conflictPriorityIndex: 0 });
      assert.equal(res.status, 200, res.text);
      const m = res.json.data.mergeCompany;
      assert.deepEqual(m.people.map((p) => p.id).sort(), sorted([px.id, py.id]));
      assert.deepEqual(m, (await call('GET', `/rest/companies/${x.id}?depth=1`)).json.data.company);
      assert.equal((await call('PATCH', '/rest/companies/merge?depth=2', { ids: [x.id, y.id], conflictPriorityIndex: 0 })).status, 400);
    });

    it('bad bodies: Twenty\'s checks and messages, nothing changed', async () => {
      const x = await create('companies', { name: 'Zyx Bad X' });
      const y = await create('companies', { name: 'Zyx Bad Y' });
      const t = mark();
      const ids = [x.id, y.id];
      const cases = [
        ['companies', { ids: [x.id], conflictPriorityIndex: 0 }, 400, 'At least 2 record IDs are required for merge'],
        ['companies', { conflictPriorityIndex: 0 }, 400, 'At least 2 record IDs are required for merge'],
        ['companies', { ids: Array.from({ length: 10 }, () => crypto.randomUUID()), conflictPriorityIndex: 0 }, 400,
          'Maximum 9 records can be merged at once'],
        ['companies', { ids, conflictPriorityIndex: 2 }, 400, 'Invalid conflict priority \'2\'. Valid options for 2 records: 0-1'],
        ['companies', { ids, conflictPriorityIndex: -1 }, 400, 'Invalid conflict priority \'-1\'. Valid options for 2 records: 0-1'],
        ['companies', { ids }, 400, 'Invalid conflict priority \'undefined\'. Valid options for 2 records: 0-1'],
        ['companies', { ids, conflictPriorityIndex: 0, dryRun: 'yes' }, 400, '"dryRun" must be a boolean'],
        ['companies', { ids: [x.id, 'nope'], conflictPriorityIndex: 0 }, 400, '\'nope\' is not a valid UUID'],
        ['opportunities', { ids, conflictPriorityIndex: 0 }, 400,
          'Merge is only available for objects with duplicate criteria. Object \'opportunity\' does not have duplicate criteria defined.'],
        ['companies', { ids: [x.id, crypto.randomUUID()], conflictPriorityIndex: 0 }, 404, 'One or more records not found'],
        ['companies', { ids: [x.id, x.id], conflictPriorityIndex: 0 }, 404, 'One or more records not found'],
      ];
      for (const [plural, body, status, message] of cases) {
        const res = await merge(plural, body);
        assert.equal(res.status, status, `${JSON.stringify(body).slice(0, 80)}: ${res.text}`);
        assert.deepEqual(res.json.messages, [message]);
      }
      const missing = await merge('companies', { ids: [x.id, crypto.randomUUID()], conflictPriorityIndex: 0 });
      assert.equal(missing.json.code, 'RECORD_NOT_FOUND');
      // a soft-deleted record cannot be merged
      await call('DELETE', `/rest/companies/${y.id}?soft_delete=true`);
      assert.equal((await merge('companies', { ids, conflictPriorityIndex: 0 })).status, 404);
      assert.equal((await call('GET', `/rest/companies/${x.id}`)).status, 200);
      assert.deepEqual(eventsSince(t).filter((e) => !e.endsWith(y.id)), []);
    });

    it('permissions: Guest cannot merge (403); a failure half-way rolls everything back', async () => {
      const x = await create('companies', { name: 'Zyx Perm X' });
      const y = await create('companies', { name: 'Zyx Perm Y', tagline: 'perm' });
      const guest = await merge('companies', { ids: [x.id, y.id], conflictPriorityIndex: 0 }, 'phil');
      assert.equal(guest.status, 403, guest.text);
      assert.equal(guest.json.code, 'PERMISSION_DENIED');

      // pets get a relation to company; Tim may read pets but not update them
      const token = `Bearer ${accessToken(USERS.jane)}`;
      const byName = (n) => ({ id: sql(`SELECT id FROM core."objectMetadata" WHERE "workspaceId" = '${APPLE}' AND "nameSingular" = '${n}'`) });
      const field = await h.request(server.base, '/rest/metadata/fields', { method: 'POST',
        headers: { Authorization: token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ objectMetadataId: byName('pet').id, type: 'RELATION', name: 'owner', label: 'Owner',
          relationCreationPayload: { targetObjectMetadataId: byName('company').id, type: 'MANY_TO_ONE',
            targetFieldLabel: 'Pets', targetFieldIcon: 'IconCat' } }) });
      assert.equal(field.status, 201, field.text);
      let pet;
      await h.waitFor(async () => {
        const res = await call('POST', '/rest/pets', { name: 'Zyx pet', ownerId: y.id });
        if (res.status === 201) pet = res.json.data.createPet;
        return res.status === 201;
      }, 2000);
      const person = await create('people', { name: { firstName: 'Perm', lastName: 'Zyxperm' }, companyId: y.id });
      const t = mark();
      const tim = await merge('companies', { ids: [x.id, y.id], conflictPriorityIndex: 0 }, 'tim');
      assert.equal(tim.status, 403, tim.text);
      assert.equal(tim.json.code, 'PERMISSION_DENIED');
      assert.equal(sql(`SELECT "companyId" FROM ${schema}.person WHERE id = '${person.id}'`), y.id, 'the person re-pointing was rolled back');
      assert.equal((await call('GET', `/rest/companies/${y.id}`)).status, 200);
      assert.equal((await call('GET', `/rest/companies/${x.id}`)).json.data.company.tagline, null);
      assert.deepEqual(eventsSince(t), []);

      // Jane may: the pet follows
      const ok = await merge('companies', { ids: [x.id, y.id], conflictPriorityIndex: 0 });
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.json.data.mergeCompany.tagline, 'perm');
      assert.equal(sql(`SELECT "ownerId" FROM ${schema}."_pet" WHERE id = '${pet.id}'`), x.id);
      assert.equal(sql(`SELECT "companyId" FROM ${schema}.person WHERE id = '${person.id}'`), x.id);
    });
  });

  it('the server stops cleanly, with no sanitizer report', async () => {
    assert.equal(await server.stop(), 0);
    assert.equal(h.sanitizerReport(server.stderr()), '');
  });
});
