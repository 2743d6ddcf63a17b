'use strict';
// Sign-up into an existing workspace (spec/twenty-api.md §6.1, Twenty's signUpInWorkspace) as
// POST /auth/signup {email, password, workspaceInviteHash?, workspaceId?, origin?, firstName?,
// lastName?} -> {loginToken: {token, expiresAt}, workspace: {id}}. The workspace is the invite
// hash's, else workspaceId's, else the origin's subdomain's. Joining needs the public invite hash
// (and isPublicInviteLinkEnabled); a member signs in; everyone else is refused. New members get
// workspace.defaultRoleId. Twenty's password rule (8-50), e-mails stored lower-case, a wrong
// password for an existing user refused and throttled like a sign-in.

const assert = require('node:assert/strict');
const http = require('node:http');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const APP_SECRET = 'signup-test-secret';
const PASSWORD = 'correct horse 3';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_Z_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const BCRYPT_RE = /^\$2b\$10\$[./A-Za-z0-9]{53}$/;
const ORIGIN = { apple: 'http://apple.localhost:3000', yc: 'http://yc.localhost:3000' };

const err = (statusCode, error, message, code) => ({ statusCode, error, messages: [message], code });
const NO_ACCESS = err(403, 'ForbiddenException', 'User does not have access to this workspace', 'FORBIDDEN_EXCEPTION');
const WRONG_PASSWORD = err(403, 'ForbiddenException', 'Wrong password', 'FORBIDDEN_EXCEPTION');
const TOO_WEAK = err(400, 'BadRequestException', 'Password too weak', 'INVALID_INPUT');
const NO_WORKSPACE = err(401, 'UnauthorizedException', 'Workspace not found', 'WORKSPACE_NOT_FOUND');

function send(port, method, path, { body, from = '127.0.0.1' } = {}) {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const req = http.request({ host: '127.0.0.1', port, method, path, localAddress: from, agent: false, timeout: 20000,
      headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try { json = JSON.parse(text); } catch (_) { json = undefined; }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in 20 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}
const show = (res) => `${res.status} ${res.text.slice(0, 1500)}`;
const jwtPayload = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

describe('sign-up', { timeout: 300000 }, () => {
  let cluster;
  let server;
  const ws = {};
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET });
  const cli = (args) => h.runCli(args, { env: env() });
  const sql = (q) => cluster.psql(q).trim();
  const json = (q) => JSON.parse(cluster.psql(q).trim() || 'null');
  const okRun = (r, what) => {
    assert.equal(h.sanitizerReport(r.stderr), '', `${what}: sanitizer report`);
    assert.equal(r.code, 0, `${what}: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  };
  const signup = (body, from) => send(server.port, 'POST', '/auth/signup', { body, from });
  const post = (path, body) => send(server.port, 'POST', path, { body });

  async function createWorkspace(name, subdomain) {
    const r = await cli(['workspace', 'create', '--name', name, '--subdomain', subdomain]);
    okRun(r, `workspace create ${name}`);
    const id = r.stdout.trim();
    return { id, schema: sql(`SELECT "databaseSchema" FROM core.workspace WHERE id = '${id}'`) };
  }

  // Asserts a 200 sign-up answer for email in workspace w; returns the login token.
  function checkSignup(res, email, w, what) {
    assert.equal(res.status, 200, `${what}: ${show(res)}`);
    const lt = res.json.loginToken;
    assert.deepEqual(res.json, { loginToken: { token: lt.token, expiresAt: lt.expiresAt }, workspace: { id: w.id } }, what);
    assert.match(lt.expiresAt, ISO_Z_RE);
    const claims = jwtPayload(lt.token);
    assert.deepEqual({ sub: claims.sub, workspaceId: claims.workspaceId, type: claims.type, authProvider: claims.authProvider },
      { sub: email, workspaceId: w.id, type: 'LOGIN', authProvider: 'password' }, `${what}: claims`);
    return lt.token;
  }
  // The memberships of email: [{workspaceId, role}], and its workspaceMember in w.
  const memberships = (email) => json(`SELECT coalesce(json_agg(json_build_object('workspaceId', uw."workspaceId", 'role', r.label) ORDER BY uw."createdAt"), '[]')
    FROM core."user" u JOIN core."userWorkspace" uw ON uw."userId" = u.id
    LEFT JOIN core."roleTarget" t ON t."userWorkspaceId" = uw.id LEFT JOIN core.role r ON r.id = t."roleId"
    WHERE u.email = '${email}'`);

  before(async () => {
    cluster = await h.startCluster();
    ws.apple = await createWorkspace('Apple', 'apple');
    ws.yc = await createWorkspace('YC', 'yc');
    sql(`UPDATE core.workspace SET "inviteHash" = 'apple-invite' WHERE id = '${ws.apple.id}'`);
    sql(`UPDATE core.workspace SET "inviteHash" = 'yc-invite' WHERE id = '${ws.yc.id}'`);
    okRun(await cli(['user', 'create', '--email', 'jessica@yc.test', '--password', PASSWORD, '--workspace', ws.yc.id, '--role', 'Admin']), 'user create');
    server = await h.startServer({ env: env() });
  });

  after(async () => {
    if (server) {
      const code = await server.stop();
      assert.equal(h.sanitizerReport(server.stderr()), '', 'server: sanitizer report');
      assert.equal(code, 0, `server exit: ${code}`);
    }
    if (cluster) cluster.destroy();
  });

  it('a new user joins with the invite hash: user, membership with the default role, workspaceMember', async () => {
    const res = await signup({ email: ' New.User@Apple.Test ', password: PASSWORD, workspaceInviteHash: 'apple-invite', firstName: 'Nina', lastName: 'New' });
    const lt = checkSignup(res, 'new.user@apple.test', ws.apple, 'sign-up');
    const user = json(`SELECT json_build_object('id', id, 'email', email, 'firstName', "firstName", 'lastName', "lastName", 'hash', "passwordHash")
      FROM core."user" WHERE email = 'new.user@apple.test'`);
    assert.match(user.id, UUID_RE);
    assert.match(user.hash, BCRYPT_RE);
    assert.deepEqual({ ...user, id: 'i', hash: 'h' }, { id: 'i', email: 'new.user@apple.test', firstName: 'Nina', lastName: 'New', hash: 'h' });
    const defaultRole = sql(`SELECT r.label FROM core.workspace w JOIN core.role r ON r.id = w."defaultRoleId" WHERE w.id = '${ws.apple.id}'`);
    assert.equal(defaultRole, 'Member');
    assert.deepEqual(memberships('new.user@apple.test'), [{ workspaceId: ws.apple.id, role: 'Member' }]);
    const member = json(`SELECT json_build_object('first', "nameFirstName", 'last', "nameLastName", 'email', "userEmail", 'userId', "userId")
      FROM "${ws.apple.schema}"."workspaceMember" WHERE "userId" = '${user.id}'`);
    assert.deepEqual(member, { first: 'Nina', last: 'New', email: 'new.user@apple.test', userId: user.id });
    // The login token signs in like /auth/login's.
    const pair = await post('/auth/tokens', { loginToken: lt, origin: ORIGIN.apple });
    assert.equal(pair.status, 200, show(pair));
    assert.equal(jwtPayload(pair.json.tokens.accessOrWorkspaceAgnosticToken.token).userId, user.id);
    // And the password logs in.
    const login = await post('/auth/login', { email: 'new.user@apple.test', password: PASSWORD, origin: ORIGIN.apple });
    assert.equal(login.status, 200, show(login));
  });

  it('the new member gets workspace.defaultRoleId, whatever it is', async () => {
    sql(`UPDATE core.workspace SET "defaultRoleId" = (SELECT id FROM core.role WHERE "workspaceId" = '${ws.yc.id}' AND label = 'Admin') WHERE id = '${ws.yc.id}'`);
    checkSignup(await signup({ email: 'paul@yc.test', password: PASSWORD, workspaceInviteHash: 'yc-invite' }), 'paul@yc.test', ws.yc, 'sign-up yc');
    assert.deepEqual(memberships('paul@yc.test'), [{ workspaceId: ws.yc.id, role: 'Admin' }]);
  });

  it('an existing e-mail: a member signs in, another workspace joins with its own password only', async () => {
    // Already a member, without the invite: by origin or by id, it is a sign-in.
    checkSignup(await signup({ email: 'jessica@yc.test', password: PASSWORD, origin: ORIGIN.yc }), 'jessica@yc.test', ws.yc, 'member by origin');
    checkSignup(await signup({ email: 'JESSICA@yc.test', password: PASSWORD, workspaceId: ws.yc.id }), 'jessica@yc.test', ws.yc, 'member by id');
    checkSignup(await signup({ email: 'jessica@yc.test', password: PASSWORD, workspaceInviteHash: 'yc-invite' }), 'jessica@yc.test', ws.yc, 'member with the invite');
    const wrong = await signup({ email: 'jessica@yc.test', password: 'not her password', origin: ORIGIN.yc });
    assert.equal(wrong.status, 403, show(wrong));
    assert.deepEqual(wrong.json, WRONG_PASSWORD);
    // Joining Apple with the invite hash: the password must be hers.
    const bad = await signup({ email: 'jessica@yc.test', password: 'not her password', workspaceInviteHash: 'apple-invite' });
    assert.deepEqual(bad.json, WRONG_PASSWORD);
    assert.deepEqual(memberships('jessica@yc.test'), [{ workspaceId: ws.yc.id, role: 'Admin' }], 'no membership after a wrong password');
    checkSignup(await signup({ email: 'jessica@yc.test', password: PASSWORD, workspaceInviteHash: 'apple-invite' }), 'jessica@yc.test', ws.apple, 'join Apple');
    assert.deepEqual(memberships('jessica@yc.test'), [{ workspaceId: ws.yc.id, role: 'Admin' }, { workspaceId: ws.apple.id, role: 'Member' }]);
    assert.equal(sql(`SELECT count(*) FROM core."user" WHERE email = 'jessica@yc.test'`), '1', 'one user, not two');
  });

  it('refuses without the invite, with a disabled link, a weak password, an unknown workspace, password auth off', async () => {
    for (const body of [
      { email: 'stranger@x.test', password: PASSWORD, origin: ORIGIN.apple },
      { email: 'stranger@x.test', password: PASSWORD, workspaceId: ws.apple.id },
      { email: 'paul@yc.test', password: PASSWORD, origin: ORIGIN.apple }, // exists, not a member
    ]) {
      const res = await signup(body);
      assert.equal(res.status, 403, show(res));
      assert.deepEqual(res.json, NO_ACCESS, JSON.stringify(body));
    }
    assert.equal(sql(`SELECT count(*) FROM core."user" WHERE email = 'stranger@x.test'`), '0');
    for (const body of [
      { email: 'stranger@x.test', password: PASSWORD, workspaceInviteHash: 'no-such-invite' },
      { email: 'stranger@x.test', password: PASSWORD, origin: 'http://nowhere.localhost:3000' },
      { email: 'stranger@x.test', password: PASSWORD },
    ]) {
      assert.deepEqual((await signup(body)).json, NO_WORKSPACE, JSON.stringify(body));
    }
    for (const password of ['short12', 'x'.repeat(51)]) {
      assert.deepEqual((await signup({ email: 'stranger@x.test', password, workspaceInviteHash: 'apple-invite' })).json, TOO_WEAK);
    }
    const fifty = await signup({ email: 'fifty@x.test', password: 'y'.repeat(50), workspaceInviteHash: 'apple-invite' });
    checkSignup(fifty, 'fifty@x.test', ws.apple, '50 characters');
    const notUuid = await signup({ email: 'stranger@x.test', password: PASSWORD, workspaceId: 'apple' });
    assert.equal(notUuid.status, 400, show(notUuid));
    const notString = await signup({ email: 42, password: PASSWORD });
    assert.equal(notString.status, 400, show(notString));

    sql(`UPDATE core.workspace SET "isPublicInviteLinkEnabled" = false WHERE id = '${ws.apple.id}'`);
    const disabled = await signup({ email: 'stranger@x.test', password: PASSWORD, workspaceInviteHash: 'apple-invite' });
    assert.deepEqual(disabled.json, err(403, 'ForbiddenException', 'Public invite link is disabled for this workspace', 'FORBIDDEN_EXCEPTION'));
    sql(`UPDATE core.workspace SET "isPublicInviteLinkEnabled" = true, "isPasswordAuthEnabled" = false WHERE id = '${ws.apple.id}'`);
    const off = await signup({ email: 'stranger@x.test', password: PASSWORD, workspaceInviteHash: 'apple-invite' });
    assert.deepEqual(off.json, err(403, 'ForbiddenException', 'password auth is not enabled for this workspace', 'OAUTH_ACCESS_DENIED'));
    sql(`UPDATE core.workspace SET "isPasswordAuthEnabled" = true WHERE id = '${ws.apple.id}'`);
    assert.equal(sql(`SELECT count(*) FROM core."user" WHERE email = 'stranger@x.test'`), '0');
  });

  it('wrong passwords for an existing e-mail are throttled as sign-ins', async () => {
    for (let i = 0; i < 5; i++) {
      assert.deepEqual((await signup({ email: 'paul@yc.test', password: `guess number ${i}`, origin: ORIGIN.yc }, '127.0.0.51')).json, WRONG_PASSWORD);
    }
    for (const res of [
      await signup({ email: 'paul@yc.test', password: PASSWORD, origin: ORIGIN.yc }, '127.0.0.52'),
      await send(server.port, 'POST', '/auth/login', { body: { email: 'paul@yc.test', password: PASSWORD }, from: '127.0.0.52' }),
    ]) {
      assert.equal(res.status, 429, show(res));
      assert.ok(Number(res.headers['retry-after']) > 0);
    }
  });
});
