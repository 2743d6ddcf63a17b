'use strict';
// The principal cache (src/auth/principals.h): a token seen once is answered without a database
// query, and every change that alters what it stands for reaches every instance through
// NOTIFY twentyc_auth: a revoked key, a role taken away, a member removed. Two servers share one
// cluster, as two instances behind a load balancer would.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

describe('principal cache', () => {
  let cluster;
  let workspace;
  let servers = [];
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET: 'test-secret' });
  const sql = (q) => cluster.psql(q).trim();
  const get = (srv, token) => h.request(srv.base, '/rest/metadata/objects?limit=1',
    { headers: { Authorization: `Bearer ${token}` } });
  const newKey = async (role = 'Admin') => {
    const res = await h.runCli(['apikey', 'create', '--workspace', workspace, '--name', `k-${role}`, '--role', role], { env: env() });
    assert.equal(res.code, 0, res.stderr);
    const [id, token] = res.stdout.trim().split('\n');
    return { id, token };
  };
  // Polls every server until each answers status for token; the time it took, in ms.
  const untilStatus = async (token, status) => {
    const t0 = Date.now();
    for (const srv of servers) {
      const ok = await h.waitFor(async () => (await get(srv, token)).status === status, 5000, 20);
      assert.ok(ok, `${srv.base} never answered ${status}`);
    }
    return Date.now() - t0;
  };

  before(async () => {
    cluster = await h.startCluster();
    const ws = await h.runCli(['workspace', 'create', '--name', 'Cache'], { env: env() });
    assert.equal(ws.code, 0, ws.stderr);
    workspace = ws.stdout.trim();
    servers = [await h.startServer({ env: env() }), await h.startServer({ env: env() })];
  });

  after(async () => {
    for (const srv of servers) await srv.stop();
    if (cluster) await cluster.destroy();
  });

  it('a cached principal needs no query: answers while core."apiKey" is locked', async () => {
    const key = await newKey();
    for (const srv of servers) assert.equal((await get(srv, key.token)).status, 200);
    // Hold an exclusive lock on the key table in an open transaction: a lookup would wait.
    const locker = spawn(h.pgBin('psql'), ['-X', '-q', '-A', '-t', '-p', String(cluster.port), '-U', 'postgres', '-d', 'twentyc'],
      { env: { ...process.env, PGHOST: cluster.dir }, stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      let out = '';
      locker.stdout.on('data', (d) => { out += d; });
      locker.stdin.write('BEGIN; LOCK TABLE core."apiKey" IN ACCESS EXCLUSIVE MODE; SELECT \'locked\';\n');
      assert.ok(await h.waitFor(() => out.includes('locked'), 10000, 20), 'lock taken');
      for (const srv of servers) {
        const t0 = Date.now();
        const res = await get(srv, key.token);
        assert.equal(res.status, 200, res.text);
        assert.ok(Date.now() - t0 < 1000, 'answered from the cache, not after the lock');
      }
    } finally {
      locker.stdin.end('ROLLBACK;\n');
      await new Promise((resolve) => locker.on('close', resolve));
    }
  });

  it('revoking a key is refused by every instance within a second', async (t) => {
    const key = await newKey();
    for (const srv of servers) assert.equal((await get(srv, key.token)).status, 200);
    const revoke = await h.runCli(['apikey', 'revoke', key.id], { env: env() });
    assert.equal(revoke.code, 0, revoke.stderr);
    const ms = await untilStatus(key.token, 403);
    assert.ok(ms < 1000, `refused after ${ms} ms`);
    t.diagnostic(`revoked key refused by both instances ${ms} ms after the CLI returned`);
    const res = await get(servers[0], key.token);
    assert.deepEqual(res.json.messages, ['This API Key is revoked']);
  });

  it('a role losing DATA_MODEL, and a key moved to another role, take effect within a second', async () => {
    const key = await newKey('Member');
    for (const srv of servers) assert.equal((await get(srv, key.token)).status, 403);
    sql(`INSERT INTO core."permissionFlag" ("roleId", flag, "workspaceId")
      SELECT id, 'DATA_MODEL', "workspaceId" FROM core.role WHERE "workspaceId" = '${workspace}' AND label = 'Member'`);
    assert.ok(await untilStatus(key.token, 200) < 1000);
    sql(`DELETE FROM core."permissionFlag" WHERE "workspaceId" = '${workspace}' AND flag = 'DATA_MODEL'`);
    assert.ok(await untilStatus(key.token, 403) < 1000);
    sql(`UPDATE core."roleTarget" SET "roleId" = (SELECT id FROM core.role WHERE "workspaceId" = '${workspace}' AND label = 'Admin')
      WHERE "apiKeyId" = '${key.id}'`);
    assert.ok(await untilStatus(key.token, 200) < 1000);
  });

  it('a user removed from the workspace, or disabled, loses access within a second', async () => {
    const email = 'cache@example.com';
    const password = 'cache-pass-1';
    const u = await h.runCli(['user', 'create', '--email', email, '--password', password, '--workspace', workspace, '--role', 'Admin'], { env: env() });
    assert.equal(u.code, 0, u.stderr);
    const post = (path, body) => h.request(servers[0].base, path,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const login = await post('/auth/login', { email, password });
    assert.equal(login.status, 200, login.text);
    const pair = await post('/auth/tokens', { loginToken: login.json.loginToken.token });
    assert.equal(pair.status, 200, pair.text);
    const access = pair.json.tokens.accessOrWorkspaceAgnosticToken.token;
    assert.equal((await untilStatus(access, 200)) >= 0, true);
    sql(`UPDATE core."user" SET disabled = true WHERE email = '${email}'`);
    assert.ok(await untilStatus(access, 401) < 1000);
    sql(`UPDATE core."user" SET disabled = false WHERE email = '${email}'`);
    assert.ok(await untilStatus(access, 200) < 1000);
    sql(`UPDATE core."userWorkspace" SET "deletedAt" = now() WHERE "workspaceId" = '${workspace}'
      AND "userId" = (SELECT id FROM core."user" WHERE email = '${email}')`);
    assert.ok(await untilStatus(access, 401) < 1000);
  });

  // Tokens signed with the server's secret (Twenty's recipe) but naming a workspace the key or
  // the user does not belong to: each is refused, and nothing of workspace A is shown on B.
  it('a key or a user of workspace A never acts on workspace B', async () => {
    const b64url = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const sign = (payload) => {
      const key = crypto.createHash('sha256').update('test-secret' + payload.workspaceId + payload.type).digest('hex');
      const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
      return `${input}.${crypto.createHmac('sha256', key).update(input).digest('base64url')}`;
    };
    const other = await h.runCli(['workspace', 'create', '--name', 'Other'], { env: env() });
    assert.equal(other.code, 0, other.stderr);
    const B = other.stdout.trim();
    const now = Math.floor(Date.now() / 1000);
    const key = await newKey();
    assert.equal((await get(servers[0], key.token)).status, 200);
    const keyOnB = sign({ sub: B, workspaceId: B, type: 'API_KEY', jti: key.id, iat: now, exp: now + 600 });
    const u = await h.runCli(['user', 'create', '--email', 'a-only@example.com', '--password', 'a-only-pass', '--workspace', workspace, '--role', 'Admin'], { env: env() });
    assert.equal(u.code, 0, u.stderr);
    const userId = u.stdout.trim();
    const uw = sql(`SELECT id FROM core."userWorkspace" WHERE "userId" = '${userId}'`);
    const userOnA = sign({ sub: userId, userId, workspaceId: workspace, userWorkspaceId: uw, type: 'ACCESS', iat: now, exp: now + 600 });
    const userOnB = sign({ sub: userId, userId, workspaceId: B, userWorkspaceId: uw, type: 'ACCESS', iat: now, exp: now + 600 });
    assert.equal((await get(servers[0], userOnA)).status, 200);
    for (const [what, token] of [['key of A naming B', keyOnB], ['user of A naming B', userOnB]]) {
      const res = await get(servers[0], token);
      assert.equal(res.status, 401, `${what}: ${res.text}`);
      assert.ok(!res.text.includes(workspace), what);
    }
  });
});
