'use strict';
// Two-factor authentication (spec/twenty-api.md §6.6) as Twenty's mutations, over JSON:
// POST /auth/2fa/provision (initiateOTPProvisioningForAuthenticatedUser with a Bearer ACCESS
// token, initiateOTPProvisioning with {loginToken, origin}) -> {uri}; POST /auth/2fa/verify {otp}
// (verifyTwoFactorAuthenticationMethodForAuthenticatedUser); GET /auth/2fa (the methods);
// POST /auth/2fa/delete {twoFactorAuthenticationMethodId}; and the sign-in step: /auth/tokens
// refuses a login token alone once the user has a VERIFIED method (or the workspace enforces 2FA)
// and POST /auth/otp {loginToken, otp, origin?} (getAuthTokensFromOTP) gives the pair. Codes are
// computed here from the secret in the URI with RFC 6238 (HMAC-SHA1, 6 digits, 30 s), so a wrong
// secret, URI or time step fails. Wrong codes count toward the sign-in throttle.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const http = require('node:http');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const APP_SECRET = 'twofa-test-secret';
const PASSWORD = 'correct horse 2';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ORIGIN = { apple: 'http://apple.localhost:3000', yc: 'http://yc.localhost:3000' };

const err = (statusCode, error, message, code) => ({ statusCode, error, messages: [message], code });
const VERIFICATION_REQUIRED = err(401, 'UnauthorizedException', 'Two factor authentication verification required', 'TWO_FACTOR_AUTHENTICATION_VERIFICATION_REQUIRED');
const PROVISION_REQUIRED = err(401, 'UnauthorizedException', 'Two factor authentication setup required', 'TWO_FACTOR_AUTHENTICATION_PROVISION_REQUIRED');
const INVALID_OTP = err(400, 'BadRequestException', 'Invalid OTP', 'INVALID_OTP');
const ALREADY_PROVISIONED = err(403, 'ForbiddenException', 'A two factor authentication method has already been set. Please delete it and try again.', 'TWO_FACTOR_AUTHENTICATION_METHOD_ALREADY_PROVISIONED');
const METHOD_NOT_FOUND = err(403, 'ForbiddenException', 'Two Factor Authentication Method not found.', 'INVALID_CONFIGURATION');

// ---- RFC 6238 ---------------------------------------------------------------------------------

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text) {
    const v = alphabet.indexOf(ch);
    assert.ok(v >= 0, `not base32: ${text}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function totp(secret, tS = Date.now() / 1000) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(tS / 30)));
  const mac = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const off = mac[mac.length - 1] & 0xf;
  const bin = mac.readUInt32BE(off) & 0x7fffffff;
  return String(bin % 1000000).padStart(6, '0');
}

// RFC 6238 appendix B, SHA1 rows (the 20-byte ASCII secret "12345678901234567890", 8 digits there;
// the last 6 digits here).
it('the test TOTP matches RFC 6238 test vectors', () => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  for (const [t, code] of [[59, '94287082'], [1111111109, '07081804'], [1234567890, '89005924'], [2000000000, '69279037']]) {
    assert.equal(totp(secret, t), code.slice(2));
  }
});

// ---- HTTP -------------------------------------------------------------------------------------

function send(port, method, path, { body, headers = {}, from = '127.0.0.1' } = {}) {
  return new Promise((resolve, reject) => {
    const hdrs = { ...headers };
    let payload = null;
    if (body !== undefined) {
      payload = Buffer.from(JSON.stringify(body));
      hdrs['content-type'] = 'application/json';
      hdrs['content-length'] = payload.length;
    }
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: hdrs, localAddress: from, agent: false, timeout: 20000 }, (res) => {
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
    req.end(payload || undefined);
  });
}

const show = (res) => `${res.status} ${res.text.slice(0, 1500)}`;
const jwtPayload = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

describe('two-factor authentication', { timeout: 300000 }, () => {
  let cluster;
  let server;
  const ws = {};
  const users = {};
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET });
  const cli = (args) => h.runCli(args, { env: env() });
  const sql = (q) => cluster.psql(q).trim();

  const okRun = (r, what) => {
    assert.equal(h.sanitizerReport(r.stderr), '', `${what}: sanitizer report`);
    assert.equal(r.code, 0, `${what}: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  };

  async function createWorkspace(name, subdomain) {
    const r = await cli(['workspace', 'create', '--name', name, '--subdomain', subdomain]);
    okRun(r, `workspace create ${name}`);
    return { id: r.stdout.trim() };
  }
  async function addUser(name, email, w, role = 'Member') {
    const r = await cli(['user', 'create', '--email', email, '--password', PASSWORD, '--workspace', w.id, '--role', role]);
    okRun(r, `user create ${email}`);
    users[name] = { id: r.stdout.trim(), email };
    assert.match(users[name].id, UUID_RE);
  }

  const post = (path, body, opts = {}) => send(server.port, 'POST', path, { body, ...opts });
  const bearer = (token) => ({ authorization: `Bearer ${token}` });

  async function loginToken(user, origin = ORIGIN.apple) {
    const res = await post('/auth/login', { email: user.email, password: PASSWORD, origin });
    assert.equal(res.status, 200, show(res));
    return res.json.loginToken.token;
  }
  function checkPair(res, what) {
    assert.equal(res.status, 200, `${what}: ${show(res)}`);
    const t = res.json.tokens;
    assert.deepEqual(Object.keys(res.json), ['tokens']);
    assert.deepEqual(Object.keys(t).sort(), ['accessOrWorkspaceAgnosticToken', 'refreshToken']);
    assert.equal(jwtPayload(t.accessOrWorkspaceAgnosticToken.token).type, 'ACCESS');
    assert.equal(jwtPayload(t.refreshToken.token).type, 'REFRESH');
    return { access: t.accessOrWorkspaceAgnosticToken.token, refresh: t.refreshToken.token };
  }
  async function session(user, origin = ORIGIN.apple) {
    return checkPair(await post('/auth/tokens', { loginToken: await loginToken(user, origin), origin }), `tokens ${user.email}`);
  }
  const method = (user, w) => {
    const row = sql(`SELECT coalesce(json_build_object('id', m.id, 'secret', m.secret, 'status', m.status, 'strategy', m.strategy)::text, '')
      FROM core."twoFactorAuthenticationMethod" m JOIN core."userWorkspace" uw ON uw.id = m."userWorkspaceId"
      WHERE uw."userId" = '${user.id}' AND uw."workspaceId" = '${w.id}'`);
    return row ? JSON.parse(row) : null;
  };
  const secretOf = (uri) => new URL(uri).searchParams.get('secret');

  before(async () => {
    cluster = await h.startCluster();
    ws.apple = await createWorkspace('Apple', 'apple');
    ws.yc = await createWorkspace('YC', 'yc');
    await addUser('alice', 'alice@apple.test', ws.apple, 'Admin');
    await addUser('bob', 'bob@apple.test', ws.apple);
    await addUser('carol', 'carol@apple.test', ws.apple);
    await addUser('dave', 'dave@yc.test', ws.yc);
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

  it('provisions, verifies, then asks for a code at sign-in, and deletes', async () => {
    const { access } = await session(users.alice);

    // initiateOTPProvisioningForAuthenticatedUser: otplib's keyuri, issuer "Twenty - Apple".
    const res = await post('/auth/2fa/provision', undefined, { headers: bearer(access) });
    assert.equal(res.status, 200, show(res));
    assert.deepEqual(Object.keys(res.json), ['uri']);
    const secret = secretOf(res.json.uri);
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(res.json.uri, `otpauth://totp/Twenty%20-%20Apple:alice%40apple.test?secret=${secret}&period=30&digits=6&algorithm=SHA1&issuer=Twenty%20-%20Apple`);
    const row = method(users.alice, ws.apple);
    assert.deepEqual({ ...row, id: 'x' }, { id: 'x', secret, status: 'PENDING', strategy: 'TOTP' });

    // Within the hour, a second request offers the same secret.
    const again = await post('/auth/2fa/provision', undefined, { headers: bearer(access) });
    assert.deepEqual(again.json, res.json);
    const listed = await send(server.port, 'GET', '/auth/2fa', { headers: bearer(access) });
    assert.equal(listed.status, 200, show(listed));
    assert.deepEqual(listed.json, { twoFactorAuthenticationMethods: [{ twoFactorAuthenticationMethodId: row.id, status: 'PENDING', strategy: 'TOTP' }] });

    // PENDING does not change sign-in.
    await session(users.alice);

    // verifyTwoFactorAuthenticationMethodForAuthenticatedUser
    const wrongCode = totp(secret) === '000000' ? '111111' : '000000';
    let v = await post('/auth/2fa/verify', { otp: wrongCode }, { headers: bearer(access) });
    assert.equal(v.status, 400, show(v));
    assert.deepEqual(v.json, INVALID_OTP);
    v = await post('/auth/2fa/verify', { otp: totp(secret, Date.now() / 1000 - 300) }, { headers: bearer(access) });
    assert.deepEqual(v.json, INVALID_OTP, 'a code from 5 minutes ago');
    v = await post('/auth/2fa/verify', { otp: totp(secret) }, { headers: bearer(access) });
    assert.equal(v.status, 200, show(v));
    assert.deepEqual(v.json, { success: true });
    assert.equal(method(users.alice, ws.apple).status, 'VERIFIED');

    const third = await post('/auth/2fa/provision', undefined, { headers: bearer(access) });
    assert.equal(third.status, 403, show(third));
    assert.deepEqual(third.json, ALREADY_PROVISIONED);

    // Sign-in: the login token alone is refused; getAuthTokensFromOTP with a code is not.
    const lt = await loginToken(users.alice);
    const refused = await post('/auth/tokens', { loginToken: lt, origin: ORIGIN.apple });
    assert.equal(refused.status, 401, show(refused));
    assert.deepEqual(refused.json, VERIFICATION_REQUIRED);
    const bad = await post('/auth/otp', { loginToken: lt, otp: wrongCode, origin: ORIGIN.apple });
    assert.deepEqual(bad.json, INVALID_OTP);
    const missing = await post('/auth/otp', { loginToken: lt });
    assert.equal(missing.status, 400, show(missing));
    const wrongWorkspace = await post('/auth/otp', { loginToken: lt, otp: totp(secret), origin: ORIGIN.yc });
    assert.equal(wrongWorkspace.status, 403, show(wrongWorkspace));
    const pair = checkPair(await post('/auth/otp', { loginToken: lt, otp: totp(secret), origin: ORIGIN.apple }), 'otp');
    const claims = jwtPayload(pair.access);
    assert.equal(claims.userId, users.alice.id);
    assert.equal(claims.workspaceId, ws.apple.id);
    const meta = await send(server.port, 'GET', '/rest/metadata/objects?limit=1', { headers: bearer(pair.access) });
    assert.equal(meta.status, 200, `the access token from /auth/otp works: ${show(meta)}`);
    // A refresh does not ask for a code again (as in Twenty).
    checkPair(await post('/auth/refresh', { refreshToken: pair.refresh }), 'refresh');

    // deleteTwoFactorAuthenticationMethod: only one's own.
    const bobAccess = (await session(users.bob)).access;
    const notBobs = await post('/auth/2fa/delete', { twoFactorAuthenticationMethodId: row.id }, { headers: bearer(bobAccess) });
    assert.equal(notBobs.status, 403, show(notBobs));
    assert.deepEqual(notBobs.json, err(403, 'ForbiddenException', 'You can only delete your own two-factor authentication methods', 'FORBIDDEN_EXCEPTION'));
    const unknown = await post('/auth/2fa/delete', { twoFactorAuthenticationMethodId: crypto.randomUUID() }, { headers: bearer(pair.access) });
    assert.deepEqual(unknown.json, err(400, 'BadRequestException', 'Two-factor authentication method not found', 'INVALID_INPUT'));
    const del = await post('/auth/2fa/delete', { twoFactorAuthenticationMethodId: row.id }, { headers: bearer(pair.access) });
    assert.equal(del.status, 200, show(del));
    assert.deepEqual(del.json, { success: true });
    assert.equal(method(users.alice, ws.apple), null);
    await session(users.alice);
    // Without a method, /auth/otp has nothing to check against.
    const none = await post('/auth/otp', { loginToken: await loginToken(users.alice), otp: '123456' });
    assert.deepEqual(none.json, METHOD_NOT_FOUND);
  });

  it('a workspace that enforces 2FA: setup required, provisioning with the login token, then the code', async () => {
    sql(`UPDATE core.workspace SET "isTwoFactorAuthenticationEnforced" = true WHERE id = '${ws.yc.id}'`);
    const lt = await loginToken(users.dave, ORIGIN.yc);
    const refused = await post('/auth/tokens', { loginToken: lt, origin: ORIGIN.yc });
    assert.deepEqual(refused.json, PROVISION_REQUIRED);
    // initiateOTPProvisioning: the login token's workspace must be the origin's.
    const other = await post('/auth/2fa/provision', { loginToken: lt, origin: ORIGIN.apple });
    assert.equal(other.status, 403, show(other));
    const res = await post('/auth/2fa/provision', { loginToken: lt, origin: ORIGIN.yc });
    assert.equal(res.status, 200, show(res));
    const secret = secretOf(res.json.uri);
    assert.equal(res.json.uri, `otpauth://totp/Twenty%20-%20YC:dave%40yc.test?secret=${secret}&period=30&digits=6&algorithm=SHA1&issuer=Twenty%20-%20YC`);
    assert.equal(method(users.dave, ws.yc).status, 'PENDING');
    const pair = checkPair(await post('/auth/otp', { loginToken: lt, otp: totp(secret), origin: ORIGIN.yc }), 'otp');
    assert.equal(jwtPayload(pair.access).workspaceId, ws.yc.id);
    assert.equal(method(users.dave, ws.yc).status, 'VERIFIED');
    const next = await post('/auth/tokens', { loginToken: await loginToken(users.dave, ORIGIN.yc), origin: ORIGIN.yc });
    assert.deepEqual(next.json, VERIFICATION_REQUIRED);
  });

  it('wrong codes are throttled with the sign-in failures of the account', async () => {
    const { access } = await session(users.carol);
    const secret = secretOf((await post('/auth/2fa/provision', undefined, { headers: bearer(access) })).json.uri);
    assert.deepEqual((await post('/auth/2fa/verify', { otp: totp(secret) }, { headers: bearer(access) })).json, { success: true });
    const lt = await loginToken(users.carol);
    const wrong = totp(secret) === '999999' ? '888888' : '999999';
    for (let i = 0; i < 5; i++) {
      const res = await post('/auth/otp', { loginToken: lt, otp: wrong }, { from: '127.0.0.41' });
      assert.deepEqual(res.json, INVALID_OTP, `wrong code ${i + 1}`);
    }
    // The right code, and a password login, from another address: the account is throttled.
    for (const res of [
      await post('/auth/otp', { loginToken: lt, otp: totp(secret) }, { from: '127.0.0.42' }),
      await post('/auth/login', { email: users.carol.email, password: PASSWORD }, { from: '127.0.0.42' }),
    ]) {
      assert.equal(res.status, 429, show(res));
      assert.ok(Number(res.headers['retry-after']) > 0, 'Retry-After');
      assert.equal(res.json.code, 'TOO_MANY_REQUESTS');
    }
  });

  it('the authenticated routes need a user session', async () => {
    const none = await post('/auth/2fa/provision', undefined);
    assert.deepEqual(none.json, err(401, 'UnauthorizedException', 'Missing authentication token', 'UNAUTHENTICATED'));
    const bad = await post('/auth/2fa/verify', { otp: '123456' }, { headers: bearer('x.y.z') });
    assert.equal(bad.status, 401, show(bad));
    const key = await cli(['apikey', 'create', '--workspace', ws.apple.id, '--name', 'not a user']);
    okRun(key, 'apikey create');
    const token = key.stdout.trim().split('\n')[1];
    const apiKey = await post('/auth/2fa/provision', undefined, { headers: bearer(token) });
    assert.equal(apiKey.status, 403, show(apiKey));
    assert.deepEqual(apiKey.json, err(403, 'ForbiddenException', 'Forbidden resource', 'FORBIDDEN_EXCEPTION'));
    // A login token is not an access token.
    const lt = await loginToken(users.bob);
    const asBearer = await post('/auth/2fa/provision', undefined, { headers: bearer(lt) });
    assert.equal(asBearer.status, 401, show(asBearer));
  });
});
