'use strict';
// Embedded mode: with PG_DATABASE_URL unset, serve runs a private PostgreSQL cluster under
// TWENTYC_DATA_DIR/pg (Unix socket only), keeps a generated APP_SECRET, shares the cluster with
// other twentyc processes on the same data dir, stops it with the last one, and survives a crash.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const UP = {
  status: 'ok',
  info: { database: { status: 'up' } },
  error: {},
  details: { database: { status: 'up' } },
};

describe('embedded PostgreSQL', { timeout: 300000 }, () => {
  let dataDir;
  let pgDir;
  const servers = new Set();
  const seenPgPids = new Set();
  let unregister;

  const env = () => ({ PG_DATABASE_URL: undefined, APP_SECRET: undefined, TWENTYC_DATA_DIR: dataDir });

  async function serve(opts = {}) {
    const srv = await h.startServer({ env: { ...env(), ...(opts.env || {}) }, timeoutMs: opts.timeoutMs || 60000 });
    servers.add(srv);
    rememberPgPids();
    return srv;
  }

  async function stop(srv, signal = 'SIGTERM') {
    const code = await srv.stop(signal);
    servers.delete(srv);
    return code;
  }

  function postmasterPid() {
    try {
      return Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch (_) {
      return null;
    }
  }

  // The postmaster and its children, as ps sees them now.
  function pgProcesses() {
    const procs = h.listProcesses();
    const pm = postmasterPid();
    return procs.filter((p) => p.args.includes(dataDir) || (pm && (p.pid === pm || p.ppid === pm)));
  }

  function rememberPgPids() {
    for (const p of pgProcesses()) seenPgPids.add(p.pid);
  }

  // Every postgres process ever seen for this data dir has exited and none mentions it.
  async function assertNoPostgresLeft(what) {
    const gone = await h.waitFor(() => [...seenPgPids].every((pid) => !h.pidAlive(pid)) &&
      !h.listProcesses().some((p) => p.args.includes(dataDir)), 2000);
    const left = h.listProcesses().filter((p) => seenPgPids.has(p.pid) || p.args.includes(dataDir));
    assert.ok(gone, `${what}: postgres processes left: ${JSON.stringify(left)}`);
    assert.equal(fs.existsSync(path.join(pgDir, 'postmaster.pid')), false, `${what}: pg/postmaster.pid still there`);
    seenPgPids.clear();
  }

  function socketPort() {
    const sock = fs.readdirSync(pgDir).find((f) => /^\.s\.PGSQL\.\d+$/.test(f));
    assert.ok(sock, `no Unix socket in ${pgDir}: ${fs.readdirSync(pgDir).join(' ')}`);
    return sock.split('.').pop();
  }

  // psql -h <data>/pg -U twentyc -d twentyc, as the current user (root can reach the socket).
  function psql(sql) {
    const res = spawnSync(h.pgBin('psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', pgDir, '-p', socketPort(),
      '-U', 'twentyc', '-d', 'twentyc', '-c', sql], { encoding: 'utf8', timeout: 20000 });
    if (res.status !== 0) throw new Error(`psql failed: ${res.stderr || (res.error && res.error.message)}`);
    return res.stdout.trim();
  }

  function killLeftovers() {
    for (const srv of servers) {
      try { srv.proc.kill('SIGKILL'); } catch (_) { /* gone */ }
    }
    if (pgDir && fs.existsSync(path.join(pgDir, 'postmaster.pid'))) {
      h.runPgTool('pg_ctl', ['-D', pgDir, '-m', 'immediate', '-w', '-t', '20', 'stop'], { cwd: '/', timeout: 30000 });
    }
    for (const pid of seenPgPids) {
      try { process.kill(pid, 'SIGKILL'); } catch (_) { /* gone */ }
    }
  }

  const dirs = [];
  function newDataDir() {
    // Short path: the Unix socket lives in <dataDir>/pg. Traversable, as a directory twentyc
    // creates itself would be, so PostgreSQL running as the postgres user can reach pg/.
    dataDir = fs.mkdtempSync('/tmp/tc-');
    fs.chmodSync(dataDir, 0o755);
    pgDir = path.join(dataDir, 'pg');
    dirs.push(dataDir);
  }

  before(() => {
    newDataDir();
    unregister = h.registerCleanup(() => { killLeftovers(); dirs.forEach(h.rmTree); });
  });

  after(async () => {
    for (const srv of [...servers]) await stop(srv, 'SIGKILL');
    killLeftovers();
    dirs.forEach(h.rmTree);
    unregister();
  });

  let secret;

  it('first start creates the cluster, keeps a generated APP_SECRET (0600) and answers /healthz', async () => {
    const srv = await serve();
    try {
      const r = await h.request(srv.base, '/healthz');
      assert.equal(r.status, 200);
      h.assertJsonHeaders(r.headers);
      assert.deepEqual(r.json, UP);

      assert.ok(fs.existsSync(path.join(pgDir, 'PG_VERSION')), 'no cluster in <data>/pg');
      const secretFile = path.join(dataDir, 'app_secret');
      const st = fs.statSync(secretFile);
      assert.equal((st.mode & 0o777).toString(8), '600', 'app_secret mode');
      secret = fs.readFileSync(secretFile, 'utf8');
      assert.ok(secret.trim().length >= 16, `app_secret too short: ${secret.length} bytes`);
      assert.ok(!srv.stderr().includes(secret.trim()), 'the generated APP_SECRET reached the log');
      assert.ok(!srv.stdout().includes(secret.trim()), 'the generated APP_SECRET was printed');

      const pm = postmasterPid();
      assert.ok(pm && h.pidAlive(pm), `postmaster not running (pid ${pm})`);
      if (h.IS_ROOT) {
        const p = h.listProcesses().find((x) => x.pid === pm);
        assert.equal(p && p.user, 'postgres', 'as root, PostgreSQL runs as the postgres user');
      }
      assert.equal(psql('SHOW listen_addresses'), '', 'the embedded cluster listens on TCP');
      psql('CREATE TABLE public.embedded_probe (x int); INSERT INTO public.embedded_probe VALUES (42)');
      rememberPgPids();
    } finally {
      const code = await stop(srv);
      assert.equal(h.sanitizerReport(srv.stderr()), '');
      assert.equal(code, 0, `exit code; stderr:\n${srv.stderr().slice(-3000)}`);
    }
  });

  it('SIGTERM stopped the cluster: no postgres left for the data dir', async () => {
    await assertNoPostgresLeft('after the only server exited');
  });

  it('a second start reuses the cluster and the APP_SECRET', async () => {
    const srv = await serve();
    try {
      assert.equal(psql('SELECT x FROM public.embedded_probe'), '42');
      assert.equal(fs.readFileSync(path.join(dataDir, 'app_secret'), 'utf8'), secret, 'app_secret changed');
      assert.equal((await h.request(srv.base, '/healthz')).status, 200);
    } finally {
      const code = await stop(srv);
      assert.equal(code, 0, `exit code; stderr:\n${srv.stderr().slice(-3000)}`);
    }
    await assertNoPostgresLeft('after the second run');
  });

  it('two servers on one data dir share the cluster; the last one to exit stops it', async () => {
    const a = await serve();
    const pm = postmasterPid();
    const b = await serve();
    try {
      assert.equal(postmasterPid(), pm, 'the second server started another postmaster');
      assert.equal((await h.request(a.base, '/healthz')).status, 200);
      assert.equal((await h.request(b.base, '/healthz')).status, 200);

      const codeA = await stop(a);
      assert.equal(codeA, 0, `first server exit code; stderr:\n${a.stderr().slice(-3000)}`);
      assert.ok(h.pidAlive(pm), 'the first server to exit stopped the cluster the second one uses');
      for (let i = 0; i < 5; i++) {
        const r = await h.request(b.base, '/healthz');
        assert.equal(r.status, 200, `second server after the first exited: ${r.status} ${r.text}`);
        assert.deepEqual(r.json, UP);
        await h.sleep(200);
      }
    } finally {
      await stop(a);
      const codeB = await stop(b);
      assert.equal(codeB, 0, `second server exit code; stderr:\n${b.stderr().slice(-3000)}`);
      for (const s of [a, b]) assert.equal(h.sanitizerReport(s.stderr()), '');
    }
    await assertNoPostgresLeft('after both servers exited');
  });

  it('after twentyc and then the postmaster are killed, the next start recovers', async () => {
    const a = await serve();
    await stop(a, 'SIGKILL');
    const pm = postmasterPid();
    assert.ok(pm && h.pidAlive(pm), 'the cluster should outlive a SIGKILLed twentyc');
    rememberPgPids();
    const children = h.listProcesses().filter((p) => p.ppid === pm).map((p) => p.pid);
    process.kill(pm, 'SIGKILL');
    const gone = await h.waitFor(() => !h.pidAlive(pm) && children.every((pid) => !h.pidAlive(pid)), 15000);
    assert.ok(gone, 'postgres children did not exit after the postmaster was killed');
    assert.ok(fs.existsSync(path.join(pgDir, 'postmaster.pid')), 'expected a stale postmaster.pid');

    const b = await serve();
    try {
      const r = await h.request(b.base, '/healthz');
      assert.equal(r.status, 200);
      assert.deepEqual(r.json, UP);
      assert.notEqual(postmasterPid(), pm);
      assert.equal(psql('SELECT x FROM public.embedded_probe'), '42');
    } finally {
      const code = await stop(b);
      assert.equal(h.sanitizerReport(b.stderr()), '');
      assert.equal(code, 0, `exit code; stderr:\n${b.stderr().slice(-3000)}`);
    }
    await assertNoPostgresLeft('after recovery and a clean exit');
  });

  it('two servers started at the same moment on a fresh data dir: one cluster, one secret, both healthy', async () => {
    newDataDir();
    const results = await Promise.allSettled([serve(), serve()]);
    const ok = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    try {
      assert.deepEqual(results.filter((r) => r.status === 'rejected').map((r) => r.reason.message), []);
      const pm = postmasterPid();
      assert.ok(pm && h.pidAlive(pm), 'no postmaster');
      for (const srv of ok) {
        const r = await h.request(srv.base, '/healthz');
        assert.equal(r.status, 200);
        assert.deepEqual(r.json, UP);
      }
      const postmasters = h.listProcesses().filter((p) => p.args.includes(pgDir) && /postgres/.test(p.args));
      assert.equal(postmasters.length, 1, `postmasters: ${JSON.stringify(postmasters)}`);
      assert.equal((fs.statSync(path.join(dataDir, 'app_secret')).mode & 0o777).toString(8), '600');
    } finally {
      const codes = [];
      for (const srv of ok) codes.push(await stop(srv));
      assert.deepEqual(codes, ok.map(() => 0), 'exit codes');
    }
    await assertNoPostgresLeft('after both simultaneous servers exited');
  });
});
