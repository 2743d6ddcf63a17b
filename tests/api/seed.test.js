'use strict';
// `twentyc seed dev` (spec/twenty-dev-seed.md): Twenty's development seed with Twenty's ids —
// the Apple and YCombinator workspaces, Tim, Jony, Phil and Jane with Twenty's bcrypt hash, their
// memberships and roles (the custom "Object-restricted" role with its object and field
// permissions), Twenty's test API key, the custom objects and fields, and demo records in
// realistic volume. A second run changes nothing (pg_dump byte-identical). Jane signs in with
// Twenty's password flow, and tokens minted with Twenty's recipe and Twenty's test APP_SECRET
// authenticate on the metadata API.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

// Twenty's integration tests run with this secret.
const APP_SECRET = 'replace_me_with_a_random_string';
const HASH = '$2b$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6';
const PASSWORD = 'tim@apple.dev';
const APPLE = { id: '20202020-1c25-4d02-bf25-6aeccf7ea419', subdomain: 'apple', inviteHash: 'apple.dev-invite-hash', schema: 'workspace_1wgvd1injqtife6y4rvfbu3h5' };
const YC = { id: '3b8e6458-5fc1-4e63-8563-008ccddaa6db', subdomain: 'yc', inviteHash: 'yc.dev-invite-hash', schema: 'workspace_3ixj3i1a5avy16ptijtb3lae3' };
const API_KEY_ID = '20202020-f401-4d8a-a731-64d007c27bad';

const USERS = {
  tim: { first: 'Tim', last: 'Apple', email: 'tim@apple.dev', id: '20202020-9e3b-46d4-a556-88b9ddc2b034', appleUw: '20202020-9e3b-46d4-a556-88b9ddc2b035', member: '20202020-0687-4c41-b707-ed1bfca972a7', appleRole: 'Object-restricted', ycUw: '20202020-e10a-4c27-a90b-b08c57b02d44', ycRole: 'Admin' },
  jony: { first: 'Jony', last: 'Ive', email: 'jony.ive@apple.dev', id: '20202020-3957-4908-9c36-2929a23f8357', appleUw: '20202020-3957-4908-9c36-2929a23f8353', member: '20202020-77d5-4cb6-b60a-f4a835a85d61', appleRole: 'Member', ycUw: '20202020-e10a-4c27-a90b-b08c57b02d45', ycRole: 'Member' },
  phil: { first: 'Phil', last: 'Schiler', email: 'phil.schiler@apple.dev', id: '20202020-7169-42cf-bc47-1cfef15264b8', appleUw: '20202020-7169-42cf-bc47-1cfef15264b1', member: '20202020-1553-45c6-a028-5a9064cce07f', appleRole: 'Guest', ycUw: '20202020-e10a-4c27-a90b-b08c57b02d46', ycRole: 'Member' },
  jane: { first: 'Jane', last: 'Austen', email: 'jane.austen@apple.dev', id: '20202020-e6b5-4680-8a32-b8209737156b', appleUw: '20202020-1e7c-43d9-a5db-685b5069d816', member: '20202020-463f-435b-828c-107e007a2711', appleRole: 'Admin', ycUw: '20202020-ae8d-41ea-9469-f74f5d4b002e', ycRole: 'Member' },
};

// ---- Twenty's token recipe: HS256 with key hex(sha256(APP_SECRET + workspaceId|userId + type)).
const b64url = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
function twentySign(payload, secret = APP_SECRET) {
  const key = crypto.createHash('sha256').update(secret + (payload.workspaceId || payload.userId) + payload.type).digest('hex');
  const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${input}.${crypto.createHmac('sha256', key).update(input).digest('base64url')}`;
}
const nowS = () => Math.floor(Date.now() / 1000);
function accessToken(user) {
  return twentySign({
    sub: user.id, userId: user.id, workspaceId: APPLE.id, workspaceMemberId: user.member,
    userWorkspaceId: user.appleUw, type: 'ACCESS', authProvider: 'password', iat: nowS(), exp: nowS() + 3600,
  });
}
const decode = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

describe('twentyc seed dev', { timeout: 300000 }, () => {
  let cluster;
  let server;
  let firstRun;
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET });
  const sql = (q) => cluster.psql(q).trim();
  const json = (q) => JSON.parse(cluster.psql(q).trim() || 'null');
  const okRun = (r, what) => {
    assert.equal(h.sanitizerReport(r.stderr), '', `${what}: sanitizer report`);
    assert.equal(r.code, 0, `${what}: exit ${r.code} ${r.signal || ''}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  };

  // The whole database as pg_dump writes it, without the random \restrict key of newer pg_dump.
  function dump() {
    const res = spawnSync(h.pgBin('pg_dump'), ['-h', cluster.dir, '-p', String(cluster.port), '-U', 'postgres', 'twentyc'],
      { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, PGCONNECT_TIMEOUT: '10' } });
    assert.equal(res.status, 0, `pg_dump: ${res.stderr}`);
    return res.stdout.split('\n').filter((l) => !/^\\(un)?restrict /.test(l)).join('\n');
  }

  const get = (token, path = '/rest/metadata/objects') =>
    h.request(server.base, path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const post = (path, body) => h.request(server.base, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  before(async () => {
    cluster = await h.startCluster();
    firstRun = await h.runCli(['seed', 'dev'], { env: env(), timeoutMs: 120000 });
  });

  after(async () => {
    if (server) {
      const code = await server.stop();
      assert.equal(h.sanitizerReport(server.stderr()), '', 'server: sanitizer report');
      assert.equal(code, 0, `server exit: ${code}`);
    }
    if (cluster) cluster.destroy();
  });

  it('--help prints the usage; a wrong sub-command is a usage error', async () => {
    const help = await h.runCli(['seed', '--help'], { env: env() });
    okRun(help, 'seed --help');
    assert.match(help.stdout, /^usage: twentyc seed dev\n/);
    const help2 = await h.runCli(['seed', 'dev', '--help'], { env: env() });
    okRun(help2, 'seed dev --help');
    assert.equal(help2.stdout, help.stdout);
    const bad = await h.runCli(['seed', 'prod'], { env: env() });
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /usage: twentyc seed dev/);
    const top = await h.runCli(['--help'], { env: env() });
    assert.match(top.stdout, /\n {2}seed dev {3}/);
  });

  it('the first run creates everything and says so', () => {
    okRun(firstRun, 'seed dev');
    assert.match(firstRun.stdout, /^seeded Apple \(20202020-1c25-4d02-bf25-6aeccf7ea419\) and YCombinator \(3b8e6458-5fc1-4e63-8563-008ccddaa6db\):\n/);
    assert.match(firstRun.stdout, /workspaces: 2, custom objects: 3, custom fields: 8\n/);
    assert.match(firstRun.stdout, /roles: 1, object\/field permissions: 4, users: 4, memberships: 8, workspace members: 8, API keys: 1\n/);
    assert.match(firstRun.stdout, /records: \d+ companies, \d+ people/);
  });

  it('workspaces: Twenty\'s ids, subdomains, invite hashes and schemas; ACTIVE; default role Member', () => {
    const rows = json(`SELECT json_agg(json_build_object('id', w.id, 'displayName', w."displayName", 'subdomain', w.subdomain,
        'inviteHash', w."inviteHash", 'schema', w."databaseSchema", 'status', w."activationStatus", 'defaultRole', r.label,
        'logo', w.logo) ORDER BY w.subdomain) FROM core.workspace w LEFT JOIN core.role r ON r.id = w."defaultRoleId"`);
    assert.deepEqual(rows, [
      { id: APPLE.id, displayName: 'Apple', subdomain: 'apple', inviteHash: APPLE.inviteHash, schema: APPLE.schema, status: 'ACTIVE', defaultRole: 'Member', logo: 'https://twentyhq.github.io/placeholder-images/workspaces/apple-logo.png' },
      { id: YC.id, displayName: 'YCombinator', subdomain: 'yc', inviteHash: YC.inviteHash, schema: YC.schema, status: 'ACTIVE', defaultRole: 'Member', logo: null },
    ]);
    for (const w of [APPLE, YC]) {
      assert.equal(sql(`SELECT count(*) FROM pg_namespace WHERE nspname = '${w.schema}'`), '1', w.schema);
    }
  });

  it('users: Twenty\'s ids and names, the bcrypt hash stored verbatim, verified, impersonation and admin panel', () => {
    const rows = json(`SELECT json_agg(json_build_object('id', id, 'email', email, 'firstName', "firstName", 'lastName', "lastName",
        'hash', "passwordHash", 'verified', "isEmailVerified", 'impersonate', "canImpersonate", 'adminPanel', "canAccessFullAdminPanel",
        'disabled', disabled, 'locale', locale) ORDER BY email) FROM core."user"`);
    const want = Object.values(USERS).map((u) => ({ id: u.id, email: u.email, firstName: u.first, lastName: u.last, hash: HASH, verified: true, impersonate: true, adminPanel: true, disabled: false, locale: 'en' }))
      .sort((a, b) => (a.email < b.email ? -1 : 1));
    assert.deepEqual(rows, want);
  });

  it('memberships: userWorkspaces with Twenty\'s ids and a role each (Tim Object-restricted in Apple, Admin in YC)', () => {
    const rows = json(`SELECT json_agg(json_build_object('id', uw.id, 'userId', uw."userId", 'workspaceId', uw."workspaceId", 'role', r.label)
        ORDER BY uw.id) FROM core."userWorkspace" uw LEFT JOIN core."roleTarget" t ON t."userWorkspaceId" = uw.id
        LEFT JOIN core.role r ON r.id = t."roleId" AND r."workspaceId" = uw."workspaceId"`);
    const want = [];
    for (const u of Object.values(USERS)) {
      want.push({ id: u.appleUw, userId: u.id, workspaceId: APPLE.id, role: u.appleRole });
      want.push({ id: u.ycUw, userId: u.id, workspaceId: YC.id, role: u.ycRole });
    }
    want.sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.deepEqual(rows, want);
  });

  it('workspaceMembers: Twenty\'s ids in Apple, one per user in YC; names, e-mail, locale en, colorScheme Light', () => {
    const members = (schema) => json(`SELECT json_agg(json_build_object('id', id, 'nameFirstName', "nameFirstName", 'nameLastName', "nameLastName",
        'userEmail', "userEmail", 'userId', "userId", 'locale', locale, 'colorScheme', "colorScheme") ORDER BY "userEmail") FROM "${schema}"."workspaceMember"`);
    const byEmail = Object.values(USERS).sort((a, b) => (a.email < b.email ? -1 : 1));
    assert.deepEqual(members(APPLE.schema), byEmail.map((u) => ({ id: u.member, nameFirstName: u.first, nameLastName: u.last, userEmail: u.email, userId: u.id, locale: 'en', colorScheme: 'Light' })));
    const yc = members(YC.schema);
    assert.deepEqual(yc.map((m) => ({ ...m, id: 'x' })), byEmail.map((u) => ({ id: 'x', nameFirstName: u.first, nameLastName: u.last, userEmail: u.email, userId: u.id, locale: 'en', colorScheme: 'Light' })));
    for (const m of yc) assert.match(m.id, /^20202020-3b8e-4c27-a90b-b08c57b02d0[1-4]$/);
  });

  it('the Object-restricted role: every permission, pet read-only, rocket unreadable, person.city and company.linkedinLink restricted', () => {
    const role = json(`SELECT json_build_object('description', description, 'icon', icon, 'settings', "canUpdateAllSettings",
        'tools', "canAccessAllTools", 'read', "canReadAllObjectRecords", 'update', "canUpdateAllObjectRecords",
        'softDelete', "canSoftDeleteAllObjectRecords", 'destroy', "canDestroyAllObjectRecords")
      FROM core.role WHERE "workspaceId" = '${APPLE.id}' AND label = 'Object-restricted'`);
    assert.deepEqual(role, { description: 'All permissions except read on Rockets and update on Pets', icon: 'custom', settings: true, tools: true, read: true, update: true, softDelete: true, destroy: true });
    assert.equal(sql(`SELECT count(*) FROM core.role WHERE "workspaceId" = '${YC.id}' AND label = 'Object-restricted'`), '0');
    const objects = json(`SELECT json_agg(json_build_object('object', o."nameSingular", 'read', p."canReadObjectRecords", 'update', p."canUpdateObjectRecords",
        'softDelete', p."canSoftDeleteObjectRecords", 'destroy', p."canDestroyObjectRecords", 'ws', p."workspaceId") ORDER BY o."nameSingular")
      FROM core."objectPermission" p JOIN core."objectMetadata" o ON o.id = p."objectMetadataId" JOIN core.role r ON r.id = p."roleId"
      WHERE r.label = 'Object-restricted'`);
    assert.deepEqual(objects, [
      { object: 'pet', read: true, update: false, softDelete: false, destroy: false, ws: APPLE.id },
      { object: 'rocket', read: false, update: false, softDelete: false, destroy: false, ws: APPLE.id },
    ]);
    const fields = json(`SELECT json_agg(json_build_object('object', o."nameSingular", 'field', f.name, 'read', p."canReadFieldValue",
        'update', p."canUpdateFieldValue") ORDER BY o."nameSingular")
      FROM core."fieldPermission" p JOIN core."fieldMetadata" f ON f.id = p."fieldMetadataId"
      JOIN core."objectMetadata" o ON o.id = p."objectMetadataId" AND o.id = f."objectMetadataId"
      JOIN core.role r ON r.id = p."roleId" WHERE r.label = 'Object-restricted'`);
    assert.deepEqual(fields, [
      { object: 'company', field: 'linkedinLink', read: false, update: false },
      { object: 'person', field: 'city', read: null, update: false },
    ]);
  });

  it('the API key: Twenty\'s id, "My api key", 100 years, role Admin', () => {
    const key = json(`SELECT json_build_object('id', k.id, 'name', k.name, 'workspaceId', k."workspaceId", 'revoked', k."revokedAt" IS NOT NULL,
        'years', round(extract(epoch FROM k."expiresAt" - now()) / (365.25 * 86400)), 'role', r.label)
      FROM core."apiKey" k JOIN core."roleTarget" t ON t."apiKeyId" = k.id JOIN core.role r ON r.id = t."roleId"`);
    assert.deepEqual(key, { id: API_KEY_ID, name: 'My api key', workspaceId: APPLE.id, revoked: false, years: 100, role: 'Admin' });
  });

  it('custom objects and fields are in the metadata and the schema, without drift', async () => {
    const objects = json(`SELECT json_agg(json_build_object('name', "nameSingular", 'plural', "namePlural", 'custom', "isCustom", 'active', "isActive") ORDER BY "nameSingular")
      FROM core."objectMetadata" WHERE "workspaceId" = '${APPLE.id}' AND "nameSingular" IN ('pet', 'rocket', 'surveyResult')`);
    assert.deepEqual(objects, [
      { name: 'pet', plural: 'pets', custom: true, active: true },
      { name: 'rocket', plural: 'rockets', custom: true, active: true },
      { name: 'surveyResult', plural: 'surveyResults', custom: true, active: true },
    ]);
    for (const t of ['_pet', '_rocket', '_surveyResult']) {
      assert.equal(sql(`SELECT count(*) FROM pg_tables WHERE schemaname = '${APPLE.schema}' AND tablename = '${t}'`), '1', t);
    }
    const fields = json(`SELECT json_agg(json_build_object('object', o."nameSingular", 'name', f.name, 'type', f.type, 'custom', f."isCustom") ORDER BY o."nameSingular", f.name)
      FROM core."fieldMetadata" f JOIN core."objectMetadata" o ON o.id = f."objectMetadataId"
      WHERE o."workspaceId" = '${APPLE.id}' AND o."nameSingular" IN ('company', 'person') AND f."isCustom"`);
    assert.deepEqual(fields, [
      { object: 'company', name: 'introVideo', type: 'LINKS', custom: true },
      { object: 'company', name: 'tagline', type: 'TEXT', custom: true },
      { object: 'company', name: 'visaSponsorship', type: 'BOOLEAN', custom: true },
      { object: 'company', name: 'workPolicy', type: 'MULTI_SELECT', custom: true },
      { object: 'person', name: 'intro', type: 'TEXT', custom: true },
      { object: 'person', name: 'performanceRating', type: 'RATING', custom: true },
      { object: 'person', name: 'whatsapp', type: 'PHONES', custom: true },
      { object: 'person', name: 'workPreference', type: 'MULTI_SELECT', custom: true },
    ]);
    const options = json(`SELECT f.options FROM core."fieldMetadata" f JOIN core."objectMetadata" o ON o.id = f."objectMetadataId"
      WHERE o."workspaceId" = '${APPLE.id}' AND o."nameSingular" = 'company' AND f.name = 'workPolicy'`);
    assert.deepEqual(options.map((o) => o.value), ['ON_SITE', 'HYBRID', 'REMOTE_WORK']);
    const doctor = await h.runCli(['doctor'], { env: env() });
    okRun(doctor, 'doctor');
    assert.match(doctor.stdout, new RegExp(`workspace ${APPLE.id} \\(${APPLE.schema}\\): no drift`));
    assert.match(doctor.stdout, new RegExp(`workspace ${YC.id} \\(${YC.schema}\\): no drift`));
  });

  it('demo records: hundreds of companies, a thousand people with companies, opportunities, tasks, notes and targets', () => {
    const s = APPLE.schema;
    const counts = json(`SELECT json_build_object(
        'companies', (SELECT count(*) FROM "${s}".company), 'domains', (SELECT count(DISTINCT "domainNamePrimaryLinkUrl") FROM "${s}".company),
        'people', (SELECT count(*) FROM "${s}".person), 'withCompany', (SELECT count(*) FROM "${s}".person p JOIN "${s}".company c ON c.id = p."companyId"),
        'emails', (SELECT count(DISTINCT "emailsPrimaryEmail") FROM "${s}".person),
        'opportunities', (SELECT count(*) FROM "${s}".opportunity), 'oppLinked', (SELECT count(*) FROM "${s}".opportunity o
           JOIN "${s}".company c ON c.id = o."companyId" JOIN "${s}".person p ON p.id = o."pointOfContactId"),
        'tasks', (SELECT count(*) FROM "${s}".task), 'notes', (SELECT count(*) FROM "${s}".note),
        'tasksWithTarget', (SELECT count(DISTINCT "taskId") FROM "${s}"."taskTarget"),
        'notesWithTarget', (SELECT count(DISTINCT "noteId") FROM "${s}"."noteTarget"),
        'pets', (SELECT count(*) FROM "${s}"."_pet"), 'rockets', (SELECT count(*) FROM "${s}"."_rocket"))`);
    assert.ok(counts.companies >= 500, `companies: ${counts.companies}`);
    assert.equal(counts.domains, counts.companies, 'domains are unique');
    assert.ok(counts.people >= 1000, `people: ${counts.people}`);
    assert.equal(counts.withCompany, counts.people, 'every person has an existing company');
    assert.equal(counts.emails, counts.people, 'e-mails are unique');
    assert.ok(counts.opportunities >= 100, `opportunities: ${counts.opportunities}`);
    assert.equal(counts.oppLinked, counts.opportunities, 'every opportunity has a company and a point of contact');
    assert.ok(counts.tasks >= 100 && counts.notes >= 100, `tasks ${counts.tasks}, notes ${counts.notes}`);
    assert.equal(counts.tasksWithTarget, counts.tasks, 'every task has a target');
    assert.equal(counts.notesWithTarget, counts.notes, 'every note has a target');
    assert.ok(counts.pets > 0 && counts.rockets > 0);

    const first = json(`SELECT json_agg(json_build_object('id', id, 'name', name, 'domain', "domainNamePrimaryLinkUrl") ORDER BY position)
      FROM (SELECT * FROM "${s}".company ORDER BY position LIMIT 2) c`);
    assert.deepEqual(first, [
      { id: '20202020-a305-41e7-8c72-ba44072a4c58', name: 'Google', domain: 'https://goo.gle' },
      { id: '20202020-a305-41e7-8c72-ba44072a4c59', name: 'Microsoft', domain: 'https://microsoft.com' },
    ]);
    const person = json(`SELECT json_build_object('first', "nameFirstName", 'last', "nameLastName", 'company', "companyId", 'whatsapp', "whatsappPrimaryPhoneCountryCode")
      FROM "${s}".person WHERE id = '20202020-b305-41e7-8c72-ba44072a4c58'`);
    assert.deepEqual(person, { first: 'Mark', last: 'Young', company: '20202020-a305-41e7-8c72-ba44072a4c58', whatsapp: 'FR' });
    // Full-text search works on the seeded names.
    assert.equal(sql(`SELECT name FROM "${s}".company WHERE "searchVector" @@ to_tsquery('simple', 'microsoft')`), 'Microsoft');
    // YCombinator gets no demo records.
    assert.equal(sql(`SELECT count(*) FROM "${YC.schema}".company`), '0');
  });

  it('a second run changes nothing: "already seeded" and a byte-identical pg_dump', async () => {
    const before = dump();
    const again = await h.runCli(['seed', 'dev'], { env: env(), timeoutMs: 120000 });
    okRun(again, 'second seed dev');
    assert.equal(again.stdout, `already seeded: Apple (${APPLE.id}) and YCombinator (${YC.id}), nothing to do\n`);
    const after = dump();
    assert.ok(before.length > 100000, 'the dump holds the data');
    assert.ok(before === after, 'pg_dump differs after the second run');
  });

  describe('signing in to the seeded server', () => {
    before(async () => {
      server = await h.startServer({ env: env() });
    });

    it('Jane signs in with tim@apple.dev on apple.localhost and her access token reads the metadata', async () => {
      const login = await post('/auth/login', { email: USERS.jane.email, password: PASSWORD, origin: 'http://apple.localhost:3000' });
      assert.equal(login.status, 200, login.text);
      const tokens = await post('/auth/tokens', { loginToken: login.json.loginToken.token });
      assert.equal(tokens.status, 200, tokens.text);
      const access = tokens.json.tokens.accessOrWorkspaceAgnosticToken.token;
      const claims = decode(access);
      assert.deepEqual({ sub: claims.sub, userId: claims.userId, workspaceId: claims.workspaceId, workspaceMemberId: claims.workspaceMemberId, userWorkspaceId: claims.userWorkspaceId, type: claims.type },
        { sub: USERS.jane.id, userId: USERS.jane.id, workspaceId: APPLE.id, workspaceMemberId: USERS.jane.member, userWorkspaceId: USERS.jane.appleUw, type: 'ACCESS' });
      const res = await get(access);
      assert.equal(res.status, 200, res.text);
      const names = res.json.data.map((o) => o.nameSingular);
      for (const n of ['company', 'person', 'pet', 'rocket', 'surveyResult']) assert.ok(names.includes(n), `${n} in ${names}`);
    });

    it('tokens minted with Twenty\'s recipe and Twenty\'s test secret authenticate', async () => {
      const jane = await get(accessToken(USERS.jane));
      assert.equal(jane.status, 200, jane.text);
      assert.ok(jane.json.data.some((o) => o.nameSingular === 'pet'));
      // Tim's Object-restricted role keeps every settings permission, so he may read the data model.
      const tim = await get(accessToken(USERS.tim));
      assert.equal(tim.status, 200, tim.text);
      // Phil is a Guest: authenticated, but not allowed to read the data model.
      const phil = await get(accessToken(USERS.phil));
      assert.equal(phil.status, 403, phil.text);
      assert.equal(phil.json.code, 'PERMISSION_DENIED');
      // Twenty's test API key.
      const key = twentySign({ sub: APPLE.id, workspaceId: APPLE.id, type: 'API_KEY', jti: API_KEY_ID, iat: nowS(), exp: nowS() + 3600 });
      const byKey = await get(key);
      assert.equal(byKey.status, 200, byKey.text);
      // The same claims under another secret do not.
      const wrong = await get(twentySign({ sub: USERS.jane.id, userId: USERS.jane.id, workspaceId: APPLE.id, type: 'ACCESS', iat: nowS(), exp: nowS() + 3600 }, 'another-secret'));
      assert.equal(wrong.status, 401, wrong.text);
    });
  });
});
