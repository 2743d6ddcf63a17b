'use strict';
// JWT cross-check with an independent implementation: Debian's PyJWT (python3-jwt, installed by
// scripts/deps.sh) through tests/api/pyjwt.py. Tokens twentyc signs (LOGIN, ACCESS, REFRESH, API_KEY)
// verify in PyJWT under Twenty's key hex(sha256(APP_SECRET + workspaceId|userId + type)) and not
// under a key derived any other way; tokens PyJWT signs that way (API_KEY, ACCESS) are accepted by
// a running twentyc on GET /rest/metadata/objects, and refused when the derivation is off.

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const APP_SECRET = 'pyjwt-cross-check-secret';
const PASSWORD = 'correct horse 4';
const PYTHON = '/usr/bin/python3'; // Debian's, where python3-jwt lives
const SCRIPT = path.join(__dirname, 'pyjwt.py');

function py(cmd, secret, arg, ...more) {
  const r = spawnSync(PYTHON, [SCRIPT, cmd, secret, arg, ...more], { encoding: 'utf8' });
  assert.equal(r.error, undefined, `cannot run ${PYTHON}: ${r.error}`);
  assert.equal(r.stderr, '', `pyjwt.py ${cmd}: ${r.stderr}`);
  return { code: r.status, out: r.stdout.trim() };
}
const pyVerify = (token, secret = APP_SECRET) => py('verify', secret, token);
const pySign = (payload, secret = APP_SECRET, variant = 'twenty') => {
  const r = py('sign', secret, JSON.stringify(payload), variant);
  assert.equal(r.code, 0, r.out);
  return r.out;
};
const nowS = () => Math.floor(Date.now() / 1000);

describe('JWT cross-check with PyJWT', { timeout: 300000 }, () => {
  let cluster;
  let server;
  let ws;
  let user;
  let apiKey; // { id, token }
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET });
  const cli = (args) => h.runCli(args, { env: env() });
  const okRun = (r, what) => {
    assert.equal(h.sanitizerReport(r.stderr), '', `${what}: sanitizer report`);
    assert.equal(r.code, 0, `${what}: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r.stdout.trim();
  };
  const base = () => `http://127.0.0.1:${server.port}`;
  const postJson = async (p, body) => {
    const res = await fetch(`${base()}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  };
  const objects = async (token) => {
    const res = await fetch(`${base()}/rest/metadata/objects?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, json: await res.json() };
  };

  before(async () => {
    const probe = spawnSync(PYTHON, ['-c', 'import jwt; print(jwt.__version__)'], { encoding: 'utf8' });
    assert.equal(probe.status, 0, `PyJWT is missing: run scripts/deps.sh (python3-jwt)\n${probe.stderr}`);
    cluster = await h.startCluster();
    ws = okRun(await cli(['workspace', 'create', '--name', 'Apple', '--subdomain', 'apple']), 'workspace create');
    user = okRun(await cli(['user', 'create', '--email', 'ada@apple.test', '--password', PASSWORD, '--workspace', ws, '--role', 'Admin']), 'user create');
    const [id, token] = okRun(await cli(['apikey', 'create', '--workspace', ws, '--name', 'pyjwt']), 'apikey create').split('\n');
    apiKey = { id, token };
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

  it('tokens twentyc signs verify in PyJWT under Twenty\'s key, and only under it', async () => {
    const login = await postJson('/auth/login', { email: 'ada@apple.test', password: PASSWORD });
    assert.equal(login.status, 200, JSON.stringify(login.json));
    const pair = await postJson('/auth/tokens', { loginToken: login.json.loginToken.token });
    assert.equal(pair.status, 200, JSON.stringify(pair.json));
    const tokens = {
      LOGIN: login.json.loginToken.token,
      ACCESS: pair.json.tokens.accessOrWorkspaceAgnosticToken.token,
      REFRESH: pair.json.tokens.refreshToken.token,
      API_KEY: apiKey.token,
    };
    for (const [type, token] of Object.entries(tokens)) {
      const r = pyVerify(token);
      assert.equal(r.code, 0, `${type}: PyJWT refuses twentyc's token: ${r.out}`);
      const { header, payload } = JSON.parse(r.out);
      assert.deepEqual(header, { alg: 'HS256', typ: 'JWT' }, type);
      assert.equal(payload.type, type);
      assert.equal(payload.workspaceId, ws, `${type}: workspaceId`);
      assert.ok(payload.exp > nowS(), `${type}: exp`);
      if (type === 'ACCESS' || type === 'REFRESH') assert.equal(payload.userId, user);
      if (type === 'API_KEY') assert.equal(payload.jti, apiKey.id);
      // Another APP_SECRET derives another key: PyJWT must refuse.
      const other = pyVerify(token, `${APP_SECRET}x`);
      assert.equal(other.code, 1, `${type}: verifies under another secret`);
      assert.match(other.out, /^InvalidSignatureError/);
    }
  });

  it('an API_KEY token minted by PyJWT is accepted by twentyc, a mis-keyed one is not', async () => {
    const claims = { sub: ws, workspaceId: ws, type: 'API_KEY', jti: apiKey.id, iat: nowS(), exp: nowS() + 3600 };
    const good = await objects(pySign(claims));
    assert.equal(good.status, 200, JSON.stringify(good.json));
    assert.ok(Array.isArray(good.json.data.objects) || Array.isArray(good.json.data), JSON.stringify(good.json).slice(0, 300));
    // The same claims under another secret, or with the key derived wrongly: the raw digest
    // bytes, or the hex in upper case.
    for (const token of [pySign(claims, `${APP_SECRET}x`), pySign(claims, APP_SECRET, 'digest-bytes'), pySign(claims, APP_SECRET, 'upper-hex')]) {
      const res = await objects(token);
      assert.equal(res.status, 401, JSON.stringify(res.json));
      assert.deepEqual(res.json.messages, ['Token invalid.']);
    }
    // An unknown key id: the signature is good, the row is missing.
    const unknown = await objects(pySign({ ...claims, jti: '00000000-0000-4000-8000-000000000001' }));
    assert.notEqual(unknown.status, 200);
  });

  it('an ACCESS token minted by PyJWT for the user is accepted by twentyc', async () => {
    const uw = cluster.psql(`SELECT id FROM core."userWorkspace" WHERE "userId" = '${user}'`).trim();
    const claims = { sub: user, userId: user, workspaceId: ws, userWorkspaceId: uw, type: 'ACCESS', authProvider: 'password', iat: nowS(), exp: nowS() + 600 };
    const res = await objects(pySign(claims));
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const expired = await objects(pySign({ ...claims, iat: nowS() - 7200, exp: nowS() - 3600 }));
    assert.equal(expired.status, 401);
    assert.deepEqual(expired.json.messages, ['Token has expired.']);
  });
});
