'use strict';
// Graceful shutdown: SIGTERM/SIGINT stop accepting, finish requests in flight (at most 10 s) and
// exit 0; idle keep-alive connections do not hold the process up.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const h = require('./harness');

const UP = {
  status: 'ok',
  info: { database: { status: 'up' } },
  error: {},
  details: { database: { status: 'up' } },
};

// A raw connection that has completed one keep-alive request and stays open. Resolves
// { sock, closed: Promise<ms since resolve> }.
function keepAliveConnection(port) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let text = '';
    let t0 = 0;
    let resolved = false;
    const closed = new Promise((res) => sock.on('close', () => res(Date.now() - t0)));
    sock.on('error', () => {});
    sock.on('connect', () => sock.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    sock.on('data', (d) => {
      text += d.toString('latin1');
      const res = h.parseHttpResponse(text);
      if (!resolved && res.complete) {
        resolved = true;
        clearTimeout(timer);
        t0 = Date.now();
        if (res.status !== 200) reject(new Error(`keep-alive request answered ${res.statusLine}`));
        else resolve({ sock, closed });
      }
    });
    const timer = setTimeout(() => { if (!resolved) reject(new Error(`no response on the keep-alive connection: ${JSON.stringify(text)}`)); }, 5000);
    closed.then(() => clearTimeout(timer));
  });
}

// Backends of the application role, after every HTTP thread has used its connection.
async function appBackends(cluster, srv) {
  await Promise.all(Array.from({ length: 8 }, () => h.request(srv.base, '/healthz')));
  return cluster.psql(`SELECT pid FROM pg_stat_activity WHERE usename = '${h.APP_ROLE}'`)
    .split('\n').filter(Boolean).map(Number);
}

function signalAll(pids, sig) {
  for (const pid of pids) {
    try { process.kill(pid, sig); } catch (_) { /* gone */ }
  }
}

// Freezes database backends (SIGSTOP); returns a function that thaws them, also run at exit so
// an interrupted test never leaves a cluster that can not shut down.
function freeze(pids) {
  const thaw = () => signalAll(pids, 'SIGCONT');
  const unregister = h.registerCleanup(thaw);
  signalAll(pids, 'SIGSTOP');
  return () => { thaw(); unregister(); };
}

describe('shutdown', { timeout: 180000 }, () => {
  let cluster;
  const serverEnv = () => ({ PG_DATABASE_URL: cluster.url });

  before(async () => {
    cluster = await h.startCluster();
  });

  after(() => {
    if (cluster) cluster.destroy();
  });

  it('SIGTERM on an idle server with open keep-alive connections exits 0 in under 3 s', async () => {
    const srv = await h.startServer({ env: serverEnv() });
    try {
      const viaFetch = await h.request(srv.base, '/healthz'); // fetch keeps its connection open
      assert.equal(viaFetch.status, 200);
      const ka = await keepAliveConnection(srv.port);
      const t0 = Date.now();
      const code = await srv.stop('SIGTERM');
      const ms = Date.now() - t0;
      assert.equal(code, 0, `exit code; stderr:\n${srv.stderr().slice(-3000)}`);
      assert.ok(ms < 3000, `took ${ms} ms to exit`);
      const closedAfter = await h.within(ka.closed, 1000, 'open');
      assert.notEqual(closedAfter, 'open', 'keep-alive connection still open after exit');
      assert.equal(h.sanitizerReport(srv.stderr()), '');
    } finally {
      await srv.stop('SIGKILL');
    }
  });

  it('SIGINT exits 0 too', async () => {
    const srv = await h.startServer({ env: serverEnv() });
    try {
      assert.equal((await h.request(srv.base, '/healthz')).status, 200);
      const t0 = Date.now();
      const code = await srv.stop('SIGINT');
      assert.equal(code, 0, `exit code; stderr:\n${srv.stderr().slice(-3000)}`);
      assert.ok(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms to exit`);
      assert.equal(h.sanitizerReport(srv.stderr()), '');
    } finally {
      await srv.stop('SIGKILL');
    }
  });

  it('a request in flight when SIGTERM arrives gets its whole response; new connections are not served', async () => {
    const srv = await h.startServer({ env: serverEnv() });
    let thaw = () => {};
    try {
      const pids = await appBackends(cluster, srv);
      assert.ok(pids.length > 0, 'the server holds no connection to PostgreSQL');
      // Freeze the server's database sessions: /healthz now waits on PostgreSQL.
      thaw = freeze(pids);
      const inflight = h.request(srv.base, '/healthz').then((r) => r, (err) => ({ error: err }));
      const early = await h.within(inflight, 400, null);
      assert.equal(early, null, `the request did not wait for the frozen database: ${JSON.stringify(early)}`);

      srv.proc.kill('SIGTERM');
      await h.sleep(400);
      assert.ok(srv.running(), 'the server exited with a request in flight');
      const fresh = await h.rawExchange(srv.port, 'GET /healthz/app HTTP/1.1\r\nHost: x\r\n\r\n', { timeoutMs: 800 });
      assert.doesNotMatch(fresh.text, /^HTTP\/1\.1 200/, 'a new connection was served during shutdown');

      thaw();
      const res = await inflight;
      assert.equal(res.error, undefined, `the in-flight request failed: ${res.error && (res.error.cause || res.error).message}`);
      assert.equal(res.status, 200);
      h.assertJsonHeaders(res.headers);
      assert.deepEqual(res.json, UP);

      const ended = await h.within(srv.exited, 5000, null);
      assert.ok(ended, 'the server did not exit within 5 s of finishing the request');
      assert.equal(ended.code, 0, `exit ${JSON.stringify(ended)}; stderr:\n${srv.stderr().slice(-3000)}`);
      assert.equal(h.sanitizerReport(srv.stderr()), '');
    } finally {
      thaw();
      await srv.stop('SIGKILL');
    }
  });

  it('a request that never finishes holds shutdown at most 10 s, then the server exits 0', async () => {
    const srv = await h.startServer({ env: serverEnv() });
    let thaw = () => {};
    try {
      const pids = await appBackends(cluster, srv);
      assert.ok(pids.length > 0, 'the server holds no connection to PostgreSQL');
      thaw = freeze(pids);
      const inflight = h.request(srv.base, '/healthz').catch((err) => ({ error: err }));
      assert.equal(await h.within(inflight, 300, null), null, 'the request did not wait for the frozen database');
      const t0 = Date.now();
      srv.proc.kill('SIGTERM');
      const ended = await h.within(srv.exited, 14000, null);
      const ms = Date.now() - t0;
      assert.ok(ended, `still running ${ms} ms after SIGTERM`);
      assert.ok(ms <= 12000, `took ${ms} ms to exit`);
      assert.equal(h.sanitizerReport(srv.stderr()), '');
      assert.equal(ended.code, 0, `exit ${JSON.stringify(ended)}; stderr:\n${srv.stderr().slice(-3000)}`);
      await inflight;
    } finally {
      thaw();
      await srv.stop('SIGKILL');
    }
  });

  it('SIGTERM under load: every response that arrives is complete, exit 0', async () => {
    const srv = await h.startServer({ env: serverEnv() });
    try {
      let complete = 0;
      let refused = 0;
      const broken = [];
      let signalled = false;
      const worker = async () => {
        for (let i = 0; i < 40 && srv.running(); i++) {
          let res;
          try {
            res = await fetch(`${srv.base}/healthz`, { signal: AbortSignal.timeout(signalled ? 3000 : 15000) });
          } catch (_) {
            refused++; // not accepted (or closed before a response): allowed after SIGTERM
            if (!signalled) broken.push('request failed before SIGTERM');
            continue;
          }
          try {
            const body = JSON.parse(await res.text());
            if (res.status !== 200) broken.push(`status ${res.status}`);
            else assert.deepEqual(body, UP);
            complete++;
          } catch (err) {
            broken.push(`incomplete or wrong response: ${err.message}`);
          }
          if (complete === 30 && !signalled) {
            signalled = true;
            srv.proc.kill('SIGTERM');
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      const code = await srv.stop('SIGTERM');
      assert.ok(signalled, 'never reached 30 responses');
      assert.deepEqual(broken, []);
      assert.ok(complete >= 30, `${complete} complete, ${refused} refused`);
      assert.equal(code, 0, `exit code; stderr:\n${srv.stderr().slice(-3000)}`);
      assert.equal(h.sanitizerReport(srv.stderr()), '');
    } finally {
      await srv.stop('SIGKILL');
    }
  });
});
