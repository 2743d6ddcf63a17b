'use strict';
// User authentication (spec/twenty-api.md §6, §1.1): `twentyc user create`, then Twenty's
// password flow over JSON — POST /auth/login (LOGIN token), /auth/tokens (ACCESS + REFRESH),
// /auth/refresh (rotation, reuse detection after the 1-minute cool-down), /auth/logout — and the
// user's access token on the metadata API. Tokens are checked against Twenty's key recipe
// hex(sha256(APP_SECRET + workspaceId|userId + type)) with HS256, so a token minted by Twenty
// works here and the other way round. Login failures answer the same for a wrong password and an
// unknown e-mail (body and timing) and are throttled per e-mail (5 in 15 minutes) and per
// address (20). Each group of requests that fails logins comes from its own loopback address
// (127.0.0.N) so the per-address limit of one group never leaks into another.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const http = require('node:http');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const APP_SECRET = 'auth-test-secret';
const PASSWORD = 'correct horse 1';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_Z_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const JWT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const BCRYPT_RE = /^\$2b\$10\$[./A-Za-z0-9]{53}$/;
// spec/twenty-dev-seed.md: the hash Twenty's seed stores (written by Node's bcrypt).
const TWENTY_SEED_HASH = '$2b$10$3LwXjJRtLsfx4hLuuXhxt.3mWgismTiZFCZSG3z9kDrSfsrBl0fT6';
const TWENTY_SEED_PASSWORD = 'tim@apple.dev';

const ORIGIN = { apple: 'http://apple.localhost:3000', yc: 'http://yc.localhost:3000' };

// ---- Twenty's bodies ------------------------------------------------------------------------

const WRONG_PASSWORD = { statusCode: 403, error: 'ForbiddenException', messages: ['Wrong password'], code: 'FORBIDDEN_EXCEPTION' };
const unauthorized = (message) => ({ statusCode: 401, error: 'UnauthorizedException', messages: [message], code: 'UNAUTHENTICATED' });
const SUSPICIOUS = {
  statusCode: 403,
  error: 'ForbiddenException',
  messages: ['Suspicious activity detected, this refresh token has been revoked. All tokens have been revoked.'],
  code: 'FORBIDDEN_EXCEPTION',
};
// The metadata API's own middleware shapes (as in metadata.test.js and roles.test.js).
const MISSING_TOKEN = { statusCode: 403, messages: ['Missing authentication token'], error: 'FORBIDDEN_EXCEPTION' };
const metaUnauthenticated = (message) => ({ statusCode: 401, messages: [message], error: 'UNAUTHENTICATED' });
const PERMISSION_DENIED = { statusCode: 403, error: 'ForbiddenException', messages: ['User does not have permission'], code: 'PERMISSION_DENIED' };

// ---- JWT (HS256, Twenty's key recipe) --------------------------------------------------------

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const nowS = () => Math.floor(Date.now() / 1000);

// The HMAC key of a Twenty token: the lower-case hex string itself is the key.
function twentyKey(body, type, secret = APP_SECRET) {
  return crypto.createHash('sha256').update(secret + body + type).digest('hex');
}

function hs256(key, signingInput) {
  return crypto.createHmac('sha256', key).update(signingInput).digest('base64url');
}

function signJwt(payload, key, header = { alg: 'HS256', typ: 'JWT' }) {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${hs256(key, input)}`;
}

// Signs as Twenty does: key body = the workspaceId claim, else userId; type = the type claim.
function twentySign(payload, secret = APP_SECRET) {
  return signJwt(payload, twentyKey(payload.workspaceId || payload.userId, payload.type, secret));
}

function decodeJwt(token) {
  assert.match(token, JWT_RE, `not a compact JWS: ${token}`);
  const [hd, pl, sig] = token.split('.');
  return { header: JSON.parse(Buffer.from(hd, 'base64url').toString('utf8')), payload: JSON.parse(Buffer.from(pl, 'base64url').toString('utf8')), sig };
}

function verifyJwt(token, key) {
  const [hd, pl, sig] = token.split('.');
  const want = Buffer.from(hs256(key, `${hd}.${pl}`));
  const got = Buffer.from(sig);
  return want.length === got.length && crypto.timingSafeEqual(want, got);
}

// Decodes token, checks the header, Twenty's signature, the type and the time claims; returns
// the payload.
function checkTwentyJwt(token, type, what) {
  const { header, payload } = decodeJwt(token);
  assert.equal(header.alg, 'HS256', `${what}: alg`);
  assert.ok(header.typ === undefined || header.typ === 'JWT', `${what}: typ ${header.typ}`);
  assert.equal(payload.type, type, `${what}: type claim`);
  const body = payload.workspaceId || payload.userId;
  assert.ok(verifyJwt(token, twentyKey(body, type)), `${what}: signature does not verify under hex(sha256(APP_SECRET + ${body} + ${type}))`);
  assert.ok(!verifyJwt(token, twentyKey(body, type, 'another-secret')), `${what}: verifies under another secret`);
  assert.equal(typeof payload.iat, 'number', `${what}: iat`);
  assert.equal(typeof payload.exp, 'number', `${what}: exp`);
  assert.ok(Math.abs(payload.iat - nowS()) <= 60, `${what}: iat ${payload.iat} is not now`);
  assert.ok(payload.exp > nowS(), `${what}: already expired`);
  return payload;
}

// An { token, expiresAt } pair: expiresAt is ISO-8601 UTC and matches the token's exp.
function checkAuthToken(authToken, type, what) {
  assert.deepEqual(Object.keys(authToken).sort(), ['expiresAt', 'token'], `${what}: keys`);
  assert.match(authToken.expiresAt, ISO_Z_RE, `${what}: expiresAt`);
  const payload = checkTwentyJwt(authToken.token, type, what);
  const drift = Math.abs(Date.parse(authToken.expiresAt) - payload.exp * 1000);
  assert.ok(drift <= 2000, `${what}: expiresAt ${authToken.expiresAt} vs exp ${new Date(payload.exp * 1000).toISOString()}`);
  return payload;
}

// ---- HTTP with a chosen source address -------------------------------------------------------

// One request over a fresh connection from local address `from`. Resolves { status, headers
// (with get()), text, json, ms }.
function send(port, method, path, { body, raw, headers = {}, from = '127.0.0.1' } = {}) {
  return new Promise((resolve, reject) => {
    let payload = null;
    const hdrs = { ...headers };
    if (raw !== undefined) payload = Buffer.from(raw);
    else if (body !== undefined) payload = Buffer.from(JSON.stringify(body));
    if (payload) {
      if (!Object.keys(hdrs).some((k) => k.toLowerCase() === 'content-type')) hdrs['content-type'] = 'application/json';
      hdrs['content-length'] = payload.length;
    }
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: hdrs, localAddress: from, agent: false, timeout: 20000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try { json = JSON.parse(text); } catch (_) { json = undefined; }
        resolve({ status: res.statusCode, headers: { get: (n) => res.headers[n.toLowerCase()] ?? null, raw: res.headers }, text, json, ms });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in 20 s`)));
    req.on('error', reject);
    req.end(payload || undefined);
  });
}

const show = (res) => `${res.status} ${res.text.slice(0, 1500)}`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

describe('authentication', { timeout: 300000 }, () => {
  let cluster;
  let server;
  const ws = {}; // apple, yc: { id, schema }
  const users = {}; // name: { id, email, password }
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET });
  const cli = (args) => h.runCli(args, { env: env() });
  const sql = (q) => cluster.psql(q).trim();
  const json = (q) => JSON.parse(cluster.psql(q).trim() || 'null');

  const okRun = (r, what) => {
    assert.equal(h.sanitizerReport(r.stderr), '', `${what}: sanitizer report`);
    assert.equal(r.code, 0, `${what}: exit ${r.code} ${r.signal || ''}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  };
  const failRun = (r, what) => {
    assert.equal(h.sanitizerReport(r.stderr), '', `${what}: sanitizer report`);
    assert.equal(r.code, 1, `${what}: exit ${r.code} ${r.signal || ''}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  };

  async function createWorkspace(name, subdomain) {
    const r = await cli(['workspace', 'create', '--name', name, '--subdomain', subdomain]);
    okRun(r, `workspace create ${name}`);
    const id = r.stdout.trim();
    assert.match(id, UUID_RE);
    return { id, schema: sql(`SELECT "databaseSchema" FROM core.workspace WHERE id = '${id}'`) };
  }

  // `user create`; returns the printed id.
  async function createUser(email, workspace, extra = [], password = PASSWORD) {
    const r = await cli(['user', 'create', '--email', email, '--password', password, '--workspace', workspace.id, ...extra]);
    okRun(r, `user create ${email}`);
    const id = r.stdout.trim();
    assert.match(id, UUID_RE, `user create prints the user id:\n${r.stdout}`);
    return id;
  }

  async function addUser(name, email, workspace, extra = [], password = PASSWORD) {
    users[name] = { id: await createUser(email, workspace, extra, password), email, password };
    return users[name];
  }

  // ---- the HTTP calls ------------------------------------------------------------------------

  const post = (path, body, opts = {}) => send(server.port, 'POST', path, { body, ...opts });
  const login = (email, password, { origin, from } = {}) =>
    post('/auth/login', origin === undefined ? { email, password } : { email, password, origin }, { from });
  const tokens = (loginToken, origin) => post('/auth/tokens', origin === undefined ? { loginToken } : { loginToken, origin });
  const refresh = (refreshToken) => post('/auth/refresh', { refreshToken });
  const logout = (refreshToken) => post('/auth/logout', { refreshToken });
  const metadata = (token, path = '/rest/metadata/objects') =>
    send(server.port, 'GET', path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  // Asserts a 200 login answer; returns { token, expiresAt, payload }.
  function checkLogin(res, what) {
    assert.equal(res.status, 200, `${what}: ${show(res)}`);
    h.assertJsonHeaders(res.headers);
    const lt = res.json && res.json.loginToken;
    assert.ok(lt && typeof lt.token === 'string', `${what}: ${show(res)}`);
    assert.deepEqual(res.json, { loginToken: { token: lt.token, expiresAt: lt.expiresAt } });
    const payload = checkAuthToken(lt, 'LOGIN', `${what} loginToken`);
    return { token: lt.token, expiresAt: lt.expiresAt, payload };
  }

  // Asserts a 200 token-pair answer (/auth/tokens and /auth/refresh); returns
  // { access, refresh, accessPayload, refreshPayload, body }.
  function checkPair(res, what) {
    assert.equal(res.status, 200, `${what}: ${show(res)}`);
    h.assertJsonHeaders(res.headers);
    const t = res.json && res.json.tokens;
    assert.ok(t && t.accessOrWorkspaceAgnosticToken && t.refreshToken, `${what}: ${show(res)}`);
    const a = t.accessOrWorkspaceAgnosticToken;
    const r = t.refreshToken;
    assert.deepEqual(res.json, { tokens: { accessOrWorkspaceAgnosticToken: { token: a.token, expiresAt: a.expiresAt }, refreshToken: { token: r.token, expiresAt: r.expiresAt } } });
    return {
      access: a.token,
      refresh: r.token,
      accessExpiresAt: a.expiresAt,
      refreshExpiresAt: r.expiresAt,
      accessPayload: checkAuthToken(a, 'ACCESS', `${what} access token`),
      refreshPayload: checkAuthToken(r, 'REFRESH', `${what} refresh token`),
    };
  }

  async function loginToken(user, origin) {
    return checkLogin(await login(user.email, user.password, { origin }), `login ${user.email}`).token;
  }
  async function session(user, origin) {
    return checkPair(await tokens(await loginToken(user, origin)), `tokens ${user.email}`);
  }

  // What the ACCESS token of user in workspace w must say.
  function expectedAccessClaims(user, w) {
    const uw = sql(`SELECT id FROM core."userWorkspace" WHERE "userId" = '${user.id}' AND "workspaceId" = '${w.id}' AND "deletedAt" IS NULL`);
    const member = sql(`SELECT id FROM "${w.schema}"."workspaceMember" WHERE "userId" = '${user.id}'`);
    assert.match(uw, UUID_RE, `userWorkspace of ${user.email} in ${w.id}`);
    assert.match(member, UUID_RE, `workspaceMember of ${user.email} in ${w.schema}`);
    return { sub: user.id, userId: user.id, workspaceId: w.id, workspaceMemberId: member, userWorkspaceId: uw, type: 'ACCESS', authProvider: 'password' };
  }
  const pick = (obj, keys) => Object.fromEntries(keys.map((k) => [k, obj[k]]));

  const refreshRow = (jti) => json(`SELECT json_build_object('type', type, 'userId', "userId", 'workspaceId', "workspaceId",
      'revoked', "revokedAt" IS NOT NULL, 'expiresAt', floor(extract(epoch FROM "expiresAt")))
    FROM core."appToken" WHERE id = '${jti}'`);

  // ---- set-up --------------------------------------------------------------------------------

  before(async () => {
    cluster = await h.startCluster();
    ws.apple = await createWorkspace('Apple', 'apple');
    ws.yc = await createWorkspace('YC', 'yc');
    await addUser('admin', 'admin@apple.test', ws.apple, ['--role', 'Admin', '--first-name', 'Ada', '--last-name', 'Admin']);
    await addUser('member', 'member@apple.test', ws.apple, ['--first-name', 'Max', '--last-name', 'Member']);
    await addUser('yc', 'jessica@yc.test', ws.yc, ['--role', 'Admin', '--first-name', 'Jessica', '--last-name', 'Livingston']);
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

  // ---- 1. the CLI ----------------------------------------------------------------------------

  describe('twentyc user create', () => {
    it('creates the user (bcrypt $2b$10$), its userWorkspace, role target and workspaceMember', () => {
      for (const [name, w, role, first, last] of [
        ['admin', ws.apple, 'Admin', 'Ada', 'Admin'],
        ['member', ws.apple, 'Member', 'Max', 'Member'],
        ['yc', ws.yc, 'Admin', 'Jessica', 'Livingston'],
      ]) {
        const u = users[name];
        const row = json(`SELECT json_build_object('email', email, 'firstName', "firstName", 'lastName', "lastName",
            'hash', "passwordHash", 'deleted', "deletedAt" IS NOT NULL) FROM core."user" WHERE id = '${u.id}'`);
        assert.ok(row, `${name}: no core."user" row ${u.id}`);
        assert.match(row.hash, BCRYPT_RE, `${name}: passwordHash`);
        assert.deepEqual({ ...row, hash: 'h' }, { email: u.email, firstName: first, lastName: last, hash: 'h', deleted: false }, name);
        const memberships = json(`SELECT json_agg(json_build_object('workspaceId', uw."workspaceId", 'role', r.label, 'targetWorkspace', t."workspaceId"))
          FROM core."userWorkspace" uw
          LEFT JOIN core."roleTarget" t ON t."userWorkspaceId" = uw.id
          LEFT JOIN core.role r ON r.id = t."roleId"
          WHERE uw."userId" = '${u.id}'`);
        assert.deepEqual(memberships, [{ workspaceId: w.id, role, targetWorkspace: w.id }], `${name}: memberships`);
        const members = json(`SELECT json_agg(json_build_object('nameFirstName', "nameFirstName", 'nameLastName', "nameLastName",
            'userEmail', "userEmail", 'userId', "userId", 'locale', locale, 'colorScheme', "colorScheme"))
          FROM "${w.schema}"."workspaceMember" WHERE "userId" = '${u.id}'`);
        assert.deepEqual(members, [{ nameFirstName: first, nameLastName: last, userEmail: u.email, userId: u.id, locale: 'en', colorScheme: 'System' }], `${name}: workspaceMember`);
      }
      // Same password, different hashes: salted.
      const hashes = json(`SELECT json_agg("passwordHash") FROM core."user" WHERE id IN ('${users.admin.id}', '${users.member.id}')`);
      assert.notEqual(hashes[0], hashes[1]);
    });

    it('the same e-mail in another workspace reuses the user after checking the password', async () => {
      const first = await addUser('multi', 'multi@both.test', ws.apple);
      const again = await createUser('multi@both.test', ws.yc, ['--role', 'Admin']);
      assert.equal(again, first.id);
      assert.equal(sql(`SELECT count(*) FROM core."user" WHERE email = 'multi@both.test'`), '1');
      const memberships = json(`SELECT json_agg(json_build_object('workspaceId', uw."workspaceId", 'role', r.label) ORDER BY uw."createdAt")
        FROM core."userWorkspace" uw JOIN core."roleTarget" t ON t."userWorkspaceId" = uw.id JOIN core.role r ON r.id = t."roleId"
        WHERE uw."userId" = '${first.id}'`);
      assert.deepEqual(memberships, [{ workspaceId: ws.apple.id, role: 'Member' }, { workspaceId: ws.yc.id, role: 'Admin' }]);
      for (const w of [ws.apple, ws.yc]) {
        assert.equal(sql(`SELECT count(*) FROM "${w.schema}"."workspaceMember" WHERE "userId" = '${first.id}' AND "userEmail" = 'multi@both.test'`), '1', w.schema);
      }

      // A wrong password for an existing e-mail adds nothing.
      const solo = await addUser('solo', 'solo@apple.test', ws.apple);
      const r = await cli(['user', 'create', '--email', 'solo@apple.test', '--password', 'not the password', '--workspace', ws.yc.id]);
      failRun(r, 'user create, existing e-mail, wrong password');
      assert.equal(sql(`SELECT count(*) FROM core."userWorkspace" WHERE "userId" = '${solo.id}'`), '1');
      assert.equal(sql(`SELECT count(*) FROM "${ws.yc.schema}"."workspaceMember" WHERE "userId" = '${solo.id}'`), '0');
    });

    it('passwords of 8 to 50 characters; shorter or longer: exit 1 "Password too weak", nothing created', async () => {
      for (const [password, ok] of [['1234567', false], ['12345678', true], ['x'.repeat(50), true], ['x'.repeat(51), false], ['', false]]) {
        const email = `len${password.length}-${ok}@apple.test`;
        const r = await cli(['user', 'create', '--email', email, '--password', password, '--workspace', ws.apple.id]);
        if (ok) {
          okRun(r, `password of ${password.length}`);
          assert.match(r.stdout.trim(), UUID_RE);
        } else {
          failRun(r, `password of ${password.length}`);
          assert.match(r.stderr, /Password too weak/, `password of ${password.length}: ${r.stderr}`);
          assert.equal(sql(`SELECT count(*) FROM core."user" WHERE email = '${email}'`), '0');
        }
      }
    });

    it('an unknown role: exit 1, nothing created', async () => {
      const r = await cli(['user', 'create', '--email', 'norole@apple.test', '--password', PASSWORD, '--workspace', ws.apple.id, '--role', 'Nope']);
      failRun(r, 'user create --role Nope');
      assert.equal(sql(`SELECT count(*) FROM core."user" WHERE email = 'norole@apple.test'`), '0');
      assert.equal(sql(`SELECT count(*) FROM "${ws.apple.schema}"."workspaceMember" WHERE "userEmail" = 'norole@apple.test'`), '0');
    });
  });

  // ---- 2. POST /auth/login -------------------------------------------------------------------

  describe('POST /auth/login', () => {
    it('answers a LOGIN token (sub = e-mail, the first workspace), signed with Twenty\'s key', async () => {
      const { payload } = checkLogin(await login(users.admin.email, PASSWORD), 'admin');
      assert.equal(payload.sub, users.admin.email);
      assert.equal(payload.workspaceId, ws.apple.id);
      assert.equal(payload.exp - payload.iat, 15 * 60, 'LOGIN_TOKEN_EXPIRES_IN is 15m');
    });

    it('the origin\'s subdomain picks the workspace; without origin the user\'s first workspace', async () => {
      const multi = users.multi;
      assert.ok(multi, 'needs the user create tests');
      const cases = [[undefined, ws.apple.id], [ORIGIN.yc, ws.yc.id], [ORIGIN.apple, ws.apple.id]];
      for (const [origin, workspaceId] of cases) {
        const { payload } = checkLogin(await login(multi.email, PASSWORD, { origin }), `multi, origin ${origin}`);
        assert.equal(payload.workspaceId, workspaceId, `origin ${origin}`);
        assert.equal(payload.sub, multi.email);
      }
      const { payload } = checkLogin(await login(users.yc.email, PASSWORD, { origin: ORIGIN.yc }), 'yc');
      assert.equal(payload.workspaceId, ws.yc.id);
    });

    it('the origin of a workspace the user is not in never yields an access token there', async () => {
      const res = await login(users.member.email, PASSWORD, { origin: ORIGIN.yc, from: '127.0.0.20' });
      if (res.status === 200) {
        const lt = res.json.loginToken.token;
        const t = await tokens(lt, ORIGIN.yc);
        if (t.status === 200) {
          const p = decodeJwt(t.json.tokens.accessOrWorkspaceAgnosticToken.token).payload;
          assert.notEqual(p.workspaceId, ws.yc.id, `member of Apple got an access token for YC: ${show(t)}`);
        }
      } else {
        assert.ok(res.status >= 400 && res.status < 500, show(res));
      }
    });

    it('wrong password and unknown e-mail: the same 403 "Wrong password"', async () => {
      const from = '127.0.0.21';
      const wrong = await login(users.admin.email, 'not the password', { from });
      const unknown = await login('nobody@apple.test', PASSWORD, { from });
      for (const res of [wrong, unknown]) {
        assert.equal(res.status, 403, show(res));
        h.assertJsonHeaders(res.headers);
        assert.deepEqual(res.json, WRONG_PASSWORD);
      }
      assert.equal(wrong.text, unknown.text);
    });

    it('wrong password and unknown e-mail take about the same time (medians of 5 differ by < 50%)', async (t) => {
      const timing = await addUser('timing', 'timing@apple.test', ws.apple);
      const from = '127.0.0.22';
      await login(users.admin.email, PASSWORD, { from }); // warm-up, a success
      const wrong = [];
      const unknown = [];
      for (let i = 0; i < 5; i++) {
        const a = await login(timing.email, 'not the password', { from });
        const b = await login(`ghost${i}@apple.test`, 'not the password', { from });
        assert.deepEqual(a.json, WRONG_PASSWORD, show(a));
        assert.deepEqual(b.json, WRONG_PASSWORD, show(b));
        wrong.push(a.ms);
        unknown.push(b.ms);
      }
      const mw = median(wrong);
      const mu = median(unknown);
      const what = `wrong password ${wrong.map((x) => x.toFixed(1)).join('/')} ms (median ${mw.toFixed(1)}), ` +
        `unknown e-mail ${unknown.map((x) => x.toFixed(1)).join('/')} ms (median ${mu.toFixed(1)})`;
      t.diagnostic(what);
      assert.ok(Math.max(mw, mu) < 1.5 * Math.min(mw, mu), what);
    });

    it('a password hash written by Twenty (Node bcrypt) logs in', async () => {
      const seeded = await addUser('seeded', 'seeded@apple.test', ws.apple);
      sql(`UPDATE core."user" SET "passwordHash" = '${TWENTY_SEED_HASH}' WHERE id = '${seeded.id}'`);
      seeded.password = TWENTY_SEED_PASSWORD;
      const { payload } = checkLogin(await login(seeded.email, TWENTY_SEED_PASSWORD), 'seeded');
      assert.equal(payload.sub, seeded.email);
    });

    it('missing fields or a body that is not a JSON object: 400', async () => {
      const bodies = [
        ['{}', 'empty object'],
        [JSON.stringify({ email: users.admin.email }), 'no password'],
        [JSON.stringify({ password: PASSWORD }), 'no email'],
        [JSON.stringify({ email: 42, password: PASSWORD }), 'email a number'],
        [JSON.stringify({ email: users.admin.email, password: null }), 'password null'],
        [JSON.stringify([users.admin.email, PASSWORD]), 'an array'],
        ['email=admin%40apple.test&password=x', 'form-encoded'],
        ['{"email":', 'truncated JSON'],
        ['', 'empty body'],
      ];
      for (const [raw, what] of bodies) {
        const res = await send(server.port, 'POST', '/auth/login', { raw, from: '127.0.0.23' });
        assert.equal(res.status, 400, `${what}: ${show(res)}`);
        h.assertJsonHeaders(res.headers);
        assert.equal(res.json.statusCode, 400, `${what}: ${show(res)}`);
        assert.equal(res.json.error, 'BadRequestException', `${what}: ${show(res)}`);
        assert.ok(Array.isArray(res.json.messages) && res.json.messages.length > 0, `${what}: ${show(res)}`);
      }
      // The other endpoints read their one field the same way.
      for (const [path, field] of [['/auth/tokens', 'loginToken'], ['/auth/refresh', 'refreshToken'], ['/auth/logout', 'refreshToken']]) {
        for (const raw of ['{}', JSON.stringify({ [field]: 42 }), 'not json']) {
          const res = await send(server.port, 'POST', path, { raw });
          assert.equal(res.status, 400, `${path} ${raw}: ${show(res)}`);
          assert.equal(res.json.statusCode, 400, `${path} ${raw}: ${show(res)}`);
          assert.equal(res.json.error, 'BadRequestException', `${path} ${raw}: ${show(res)}`);
        }
      }
    });
  });

  // ---- 3. POST /auth/tokens ------------------------------------------------------------------

  describe('POST /auth/tokens', () => {
    it('answers an ACCESS token with Twenty\'s claims and a REFRESH token backed by an appToken row', async () => {
      for (const [name, w, origin] of [['admin', ws.apple, undefined], ['member', ws.apple, ORIGIN.apple], ['yc', ws.yc, ORIGIN.yc]]) {
        const u = users[name];
        const lt = await loginToken(u, origin);
        const pair = checkPair(await tokens(lt, origin), name);
        const want = expectedAccessClaims(u, w);
        assert.deepEqual(pick(pair.accessPayload, Object.keys(want)), want, `${name}: access claims`);
        assert.equal(pair.accessPayload.exp - pair.accessPayload.iat, 30 * 60, `${name}: ACCESS_TOKEN_EXPIRES_IN default 30m`);

        const rp = pair.refreshPayload;
        assert.equal(rp.sub, u.id, `${name}: refresh sub`);
        assert.equal(rp.userId, u.id, `${name}: refresh userId`);
        assert.equal(rp.workspaceId, w.id, `${name}: refresh workspaceId`);
        assert.match(rp.jti || '', UUID_RE, `${name}: refresh jti`);
        assert.equal(rp.exp - rp.iat, 60 * 24 * 3600, `${name}: REFRESH_TOKEN_EXPIRES_IN default 60d`);
        const row = refreshRow(rp.jti);
        assert.ok(row, `${name}: no core."appToken" row ${rp.jti}`);
        assert.ok(Math.abs(row.expiresAt - rp.exp) <= 2, `${name}: appToken.expiresAt ${row.expiresAt} vs exp ${rp.exp}`);
        assert.deepEqual({ ...row, expiresAt: 0 }, { type: 'REFRESH_TOKEN', userId: u.id, workspaceId: w.id, revoked: false, expiresAt: 0 }, `${name}: appToken row`);
      }
    });

    it('ACCESS_TOKEN_EXPIRES_IN sets the access token\'s lifetime', async () => {
      const other = await h.startServer({ env: { ...env(), ACCESS_TOKEN_EXPIRES_IN: '5m' } });
      try {
        const l = await send(other.port, 'POST', '/auth/login', { body: { email: users.admin.email, password: PASSWORD } });
        const lt = checkLogin(l, 'login on the 5m server').token;
        const pair = checkPair(await send(other.port, 'POST', '/auth/tokens', { body: { loginToken: lt } }), 'tokens on the 5m server');
        assert.equal(pair.accessPayload.exp - pair.accessPayload.iat, 5 * 60);
        assert.ok(Math.abs(Date.parse(pair.accessExpiresAt) - (Date.now() + 5 * 60 * 1000)) < 60 * 1000, pair.accessExpiresAt);
      } finally {
        const code = await other.stop();
        assert.equal(h.sanitizerReport(other.stderr()), '', 'second server: sanitizer report');
        assert.equal(code, 0, `second server exit: ${code}`);
      }
    });

    it('a LOGIN token minted with Twenty\'s recipe is accepted', async () => {
      const t = nowS();
      const lt = twentySign({ sub: users.admin.email, workspaceId: ws.apple.id, authProvider: 'password', type: 'LOGIN', iat: t, exp: t + 600 });
      const pair = checkPair(await tokens(lt), 'self-minted login token');
      assert.equal(pair.accessPayload.userId, users.admin.id);
      assert.equal(pair.accessPayload.workspaceId, ws.apple.id);
    });

    it('garbage, foreign, expired login tokens: 401 "Token invalid." / "Token has expired."', async () => {
      const t = nowS();
      const claims = { sub: users.admin.email, workspaceId: ws.apple.id, authProvider: 'password', type: 'LOGIN' };
      const real = await loginToken(users.admin);
      const cases = [
        ['garbage', 'garbage', 'Token invalid.'],
        ['three garbage segments', 'a.b.c', 'Token invalid.'],
        ['another APP_SECRET', twentySign({ ...claims, iat: t, exp: t + 600 }, 'another-secret'), 'Token invalid.'],
        ['a flipped signature', real.slice(0, -2) + (real.endsWith('AA') ? 'BA' : 'AA'), 'Token invalid.'],
        ['alg none', `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, iat: t, exp: t + 600 })}.`, 'Token invalid.'],
        ['expired an hour ago', twentySign({ ...claims, iat: t - 7200, exp: t - 3600 }), 'Token has expired.'],
      ];
      for (const [what, token, message] of cases) {
        const res = await tokens(token);
        assert.equal(res.status, 401, `${what}: ${show(res)}`);
        h.assertJsonHeaders(res.headers);
        assert.deepEqual(res.json, unauthorized(message), what);
      }
    });

    it('an API_KEY, ACCESS or REFRESH token is not a login token: 401', async () => {
      const key = await cli(['apikey', 'create', '--workspace', ws.apple.id, '--name', 'not a login token']);
      okRun(key, 'apikey create');
      const apiKeyToken = key.stdout.trim().split('\n')[1];
      const pair = await session(users.admin);
      for (const [what, token] of [['API_KEY', apiKeyToken], ['ACCESS', pair.access], ['REFRESH', pair.refresh]]) {
        const res = await tokens(token);
        assert.equal(res.status, 401, `${what}: ${show(res)}`);
        h.assertJsonHeaders(res.headers);
        assert.equal(res.json.statusCode, 401, what);
        assert.equal(res.json.error, 'UnauthorizedException', what);
        assert.equal(res.json.code, 'UNAUTHENTICATED', what);
        assert.equal(res.json.messages.length, 1, what);
      }
    });
  });

  // ---- 4. POST /auth/refresh and /auth/logout ------------------------------------------------

  describe('refresh-token rotation', () => {
    it('POST /auth/refresh: a new pair, the old appToken row revoked, the new access token works', async () => {
      const first = await session(users.admin);
      const res = await refresh(first.refresh);
      const next = checkPair(res, 'refresh');
      assert.notEqual(next.refresh, first.refresh);
      assert.notEqual(next.refreshPayload.jti, first.refreshPayload.jti);
      assert.equal(refreshRow(first.refreshPayload.jti).revoked, true, 'the old row gets revokedAt');
      assert.equal(refreshRow(next.refreshPayload.jti).revoked, false, 'the new row is live');
      const want = expectedAccessClaims(users.admin, ws.apple);
      assert.deepEqual(pick(next.accessPayload, Object.keys(want)), want);
      const objects = await metadata(next.access);
      assert.equal(objects.status, 200, show(objects));
    });

    it('reuse within the cool-down gives a new pair; after it (revokedAt 2 minutes ago) 403 and every refresh token of the user revoked', async () => {
      const rotator = await addUser('rotator', 'rotator@apple.test', ws.apple, ['--role', 'Admin']);
      const s0 = await session(rotator);
      const s1 = checkPair(await refresh(s0.refresh), 'first refresh');
      const s1b = checkPair(await refresh(s0.refresh), 'the old token again within the cool-down');
      assert.notEqual(s1b.refresh, s1.refresh);
      const other = await session(rotator); // another device

      const jti0 = s0.refreshPayload.jti;
      sql(`UPDATE core."appToken" SET "revokedAt" = now() - interval '2 minutes' WHERE id = '${jti0}'`);
      const reuse = await refresh(s0.refresh);
      assert.equal(reuse.status, 403, show(reuse));
      h.assertJsonHeaders(reuse.headers);
      assert.deepEqual(reuse.json, SUSPICIOUS);
      assert.equal(sql(`SELECT count(*) FROM core."appToken" WHERE "userId" = '${rotator.id}' AND type = 'REFRESH_TOKEN' AND "revokedAt" IS NULL`), '0',
        'every refresh token of the user is revoked');

      for (const [what, token] of [['the newest', s1b.refresh], ['the first rotation', s1.refresh], ['another session', other.refresh]]) {
        const res = await refresh(token);
        assert.ok(res.status === 401 || res.status === 403, `${what} still renews after the reuse: ${show(res)}`);
      }
      // Logging in again starts a new chain.
      const fresh = await session(rotator);
      checkPair(await refresh(fresh.refresh), 'a new chain after the reuse');
    });

    it('garbage, foreign, expired and non-REFRESH tokens do not renew', async () => {
      const t = nowS();
      const s = await session(users.admin);
      const p = s.refreshPayload;
      const cases = [
        ['garbage', 'garbage', 'Token invalid.'],
        ['another APP_SECRET', twentySign({ ...p, iat: t, exp: t + 600 }, 'another-secret'), 'Token invalid.'],
        ['expired an hour ago', twentySign({ ...p, iat: t - 7200, exp: t - 3600 }), 'Token has expired.'],
      ];
      for (const [what, token, message] of cases) {
        const res = await refresh(token);
        assert.equal(res.status, 401, `${what}: ${show(res)}`);
        assert.deepEqual(res.json, unauthorized(message), what);
      }
      for (const [what, token] of [['ACCESS', s.access], ['LOGIN', await loginToken(users.admin)]]) {
        const res = await refresh(token);
        assert.ok(res.status === 401 || res.status === 403, `${what} token renewed: ${show(res)}`);
      }
      // A REFRESH token with a jti that has no row.
      const ghost = twentySign({ ...p, jti: crypto.randomUUID(), iat: t, exp: t + 600 });
      const res = await refresh(ghost);
      assert.ok(res.status === 401 || res.status === 403, `a REFRESH token without an appToken row renewed: ${show(res)}`);
    });

    it('POST /auth/logout: {"success":true}; the refresh token no longer renews', async () => {
      const s = await session(users.member);
      const res = await logout(s.refresh);
      assert.equal(res.status, 200, show(res));
      h.assertJsonHeaders(res.headers);
      assert.deepEqual(res.json, { success: true });
      assert.equal(refreshRow(s.refreshPayload.jti).revoked, true);
      const again = await refresh(s.refresh);
      assert.ok(again.status === 401 || again.status === 403, `renewed after logout: ${show(again)}`);
    });
  });

  // ---- 5. user tokens on the metadata API ----------------------------------------------------

  describe('user access tokens on the metadata API', () => {
    const ownObjects = (w) => json(`SELECT json_agg(id ORDER BY id) FROM core."objectMetadata" WHERE "workspaceId" = '${w.id}'`);

    it('Admin: 200 with exactly its workspace\'s objects; Member: 403 PERMISSION_DENIED', async () => {
      for (const [name, w, origin] of [['admin', ws.apple, undefined], ['yc', ws.yc, ORIGIN.yc], ['multi', ws.yc, ORIGIN.yc]]) {
        const s = await session(users[name], origin);
        assert.equal(s.accessPayload.workspaceId, w.id, name);
        const res = await metadata(s.access);
        assert.equal(res.status, 200, `${name}: ${show(res)}`);
        h.assertJsonHeaders(res.headers);
        const ids = res.json.data.map((o) => o.id).sort();
        assert.deepEqual(ids, ownObjects(w), `${name}: the objects of ${w.schema}`);
        assert.ok(res.json.data.every((o) => o.workspaceId === w.id), name);
      }
      for (const [name, origin] of [['member', undefined], ['multi', ORIGIN.apple]]) {
        const s = await session(users[name], origin);
        assert.equal(s.accessPayload.workspaceId, ws.apple.id, name);
        const res = await metadata(s.access);
        assert.equal(res.status, 403, `${name}: ${show(res)}`);
        assert.deepEqual(res.json, PERMISSION_DENIED, name);
      }
    });

    it('a token in the query string is ignored: 403 missing token', async () => {
      const s = await session(users.admin);
      const res = await metadata(null, `/rest/metadata/objects?token=${s.access}`);
      assert.equal(res.status, 403, show(res));
      assert.deepEqual(res.json, MISSING_TOKEN);
    });

    it('an ACCESS token minted with Twenty\'s recipe works; expired, foreign, garbage: 401', async () => {
      const t = nowS();
      const claims = expectedAccessClaims(users.admin, ws.apple);
      const ok = await metadata(twentySign({ ...claims, isImpersonating: false, iat: t, exp: t + 600 }));
      assert.equal(ok.status, 200, `self-minted access token: ${show(ok)}`);
      const member = await metadata(twentySign({ ...expectedAccessClaims(users.member, ws.apple), iat: t, exp: t + 600 }));
      assert.deepEqual(member.json, PERMISSION_DENIED, show(member));

      const cases = [
        ['expired an hour ago', twentySign({ ...claims, iat: t - 7200, exp: t - 3600 }), 'Token has expired.'],
        ['another APP_SECRET', twentySign({ ...claims, iat: t, exp: t + 600 }, 'another-secret'), 'Token invalid.'],
        ['the key of another type', signJwt({ ...claims, iat: t, exp: t + 600 }, twentyKey(ws.apple.id, 'LOGIN')), 'Token invalid.'],
        ['garbage', 'garbage', 'Token invalid.'],
        ['alg none', `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, iat: t, exp: t + 600 })}.`, 'Token invalid.'],
      ];
      for (const [what, token, message] of cases) {
        const res = await metadata(token);
        assert.equal(res.status, 401, `${what}: ${show(res)}`);
        assert.deepEqual(res.json, metaUnauthenticated(message), what);
      }
    });

    it('LOGIN and REFRESH tokens are not access tokens', async () => {
      const s = await session(users.admin);
      for (const [what, token] of [['LOGIN', await loginToken(users.admin)], ['REFRESH', s.refresh]]) {
        const res = await metadata(token);
        assert.ok(res.status === 401 || res.status === 403, `${what} token accepted: ${show(res)}`);
      }
    });

    it('an access token whose userWorkspace is gone stops working', async () => {
      const leaver = await addUser('leaver', 'leaver@apple.test', ws.apple, ['--role', 'Admin']);
      const s = await session(leaver);
      assert.equal((await metadata(s.access)).status, 200);
      sql(`DELETE FROM core."userWorkspace" WHERE "userId" = '${leaver.id}'`);
      // Principals are cached; the deletion reaches the cache by NOTIFY, within a second.
      let res;
      await h.waitFor(async () => { res = await metadata(s.access); return res.status !== 200; }, 1000, 20);
      assert.ok(res.status === 401 || res.status === 403, `still accepted: ${show(res)}`);
    });
  });

  // ---- 6. what the server writes down --------------------------------------------------------

  describe('the server log', () => {
    it('holds no password and no token', () => {
      const log = server.stderr();
      assert.ok(log.includes('/auth/login'), 'the log has the requests');
      for (const secret of [PASSWORD, 'not the password', TWENTY_SEED_PASSWORD]) {
        assert.ok(!log.includes(secret), `the log contains the password ${JSON.stringify(secret)}`);
      }
      const jwt = /eyJ[A-Za-z0-9_-]{8,}/.exec(log);
      assert.equal(jwt, null, `the log contains a token: ${jwt && log.slice(Math.max(0, jwt.index - 200), jwt.index + 100)}`);
    });
  });

  // ---- 7. throttling -------------------------------------------------------------------------

  describe('login throttling', () => {
    function checkThrottled(res, what) {
      assert.equal(res.status, 429, `${what}: ${show(res)}`);
      h.assertJsonHeaders(res.headers);
      const retry = res.headers.get('retry-after');
      assert.match(retry || '', /^[1-9][0-9]*$/, `${what}: Retry-After ${retry}`);
      assert.ok(Number(retry) <= 15 * 60, `${what}: Retry-After ${retry} beyond 15 minutes`);
      assert.deepEqual(Object.keys(res.json).sort(), ['code', 'error', 'messages', 'statusCode'], `${what}: ${show(res)}`);
      assert.equal(res.json.statusCode, 429, what);
      assert.equal(res.json.error, 'TooManyRequestsException', what);
      assert.ok(Array.isArray(res.json.messages) && res.json.messages.length === 1 && typeof res.json.messages[0] === 'string' && res.json.messages[0].length > 0, `${what}: messages`);
      assert.ok(typeof res.json.code === 'string' && res.json.code.length > 0, `${what}: code`);
      assert.equal(res.json.loginToken, undefined);
    }

    it('5 failed logins for one e-mail: the 6th (right password) gets 429 with Retry-After, from any address', async () => {
      const victim = await addUser('throttled', 'throttled@apple.test', ws.apple);
      const from = '127.0.0.30';
      for (let i = 1; i <= 5; i++) {
        const res = await login(victim.email, `wrong password ${i}`, { from });
        assert.equal(res.status, 403, `failure ${i}: ${show(res)}`);
        assert.deepEqual(res.json, WRONG_PASSWORD, `failure ${i}`);
      }
      checkThrottled(await login(victim.email, PASSWORD, { from }), '6th, right password');
      checkThrottled(await login(victim.email, PASSWORD, { from: '127.0.0.31' }), '7th, another address');
      // The address itself is not throttled: another user still logs in from it.
      checkLogin(await login(users.yc.email, PASSWORD, { from }), 'another user from the same address');
    });

    it('an unknown e-mail is throttled the same way (the 6th answer does not tell whether it exists)', async () => {
      const from = '127.0.0.32';
      for (let i = 1; i <= 5; i++) {
        const res = await login('phantom@apple.test', `wrong password ${i}`, { from });
        assert.deepEqual(res.json, WRONG_PASSWORD, `failure ${i}: ${show(res)}`);
      }
      checkThrottled(await login('phantom@apple.test', PASSWORD, { from }), '6th for an unknown e-mail');
    });

    it('20 failed logins from one address: the 21st gets 429 (X-Forwarded-For does not help); other addresses are not affected', async () => {
      const crowd = await addUser('crowd', 'crowd@apple.test', ws.apple);
      const from = '127.0.0.40';
      for (let i = 1; i <= 20; i++) {
        const res = await login(`stranger${i}@apple.test`, 'not the password', { from });
        assert.equal(res.status, 403, `failure ${i}: ${show(res)}`);
        assert.deepEqual(res.json, WRONG_PASSWORD, `failure ${i}`);
      }
      checkThrottled(await login(crowd.email, PASSWORD, { from }), '21st from the address, right password');
      const spoofed = await post('/auth/login', { email: crowd.email, password: PASSWORD }, { from, headers: { 'x-forwarded-for': '203.0.113.9' } });
      checkThrottled(spoofed, 'with X-Forwarded-For');
      checkLogin(await login(crowd.email, PASSWORD, { from: '127.0.0.41' }), 'the same user from another address');
    });
  });
});
