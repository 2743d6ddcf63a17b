'use strict';
// /healthz and its indicators, the headers of every JSON response, the access log line, and
// health following PostgreSQL down and back up without a restart.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const UP = {
  status: 'ok',
  info: { database: { status: 'up' } },
  error: {},
  details: { database: { status: 'up' } },
};
const DOWN = {
  status: 'error',
  info: {},
  error: { database: { status: 'down' } },
  details: { database: { status: 'down' } },
};
const APP_UP = {
  status: 'ok',
  info: { app: { status: 'up' } },
  error: {},
  details: { app: { status: 'up' } },
};

describe('health', { timeout: 120000 }, () => {
  let cluster;
  let srv;

  before(async () => {
    cluster = await h.startCluster();
    srv = await h.startServer({ env: { PG_DATABASE_URL: cluster.url } });
  });

  after(async () => {
    try {
      if (srv) {
        const code = await srv.stop();
        assert.equal(h.sanitizerReport(srv.stderr()), '');
        assert.equal(code, 0, `exit code after SIGTERM; stderr:\n${srv.stderr().slice(-3000)}`);
      }
    } finally {
      if (cluster) cluster.destroy();
    }
  });

  it('prints where it listens on stdout', () => {
    assert.match(srv.stdout(), new RegExp(`^twentyc\\b.* listening on http://localhost:${srv.port}\\b`, 'm'));
  });

  it('GET /healthz answers 200 with the whole Terminus body and JSON headers', async () => {
    const r = await h.request(srv.base, '/healthz');
    assert.equal(r.status, 200);
    h.assertJsonHeaders(r.headers);
    assert.deepEqual(r.json, UP);
  });

  it('gives each response its own X-Request-Id', async () => {
    const a = await h.request(srv.base, '/healthz');
    const b = await h.request(srv.base, '/healthz');
    assert.notEqual(a.headers.get('x-request-id'), b.headers.get('x-request-id'));
  });

  it('GET /healthz/database answers like /healthz', async () => {
    const r = await h.request(srv.base, '/healthz/database');
    assert.equal(r.status, 200);
    h.assertJsonHeaders(r.headers);
    assert.deepEqual(r.json, UP);
  });

  it('GET /healthz/app answers the app indicator', async () => {
    const r = await h.request(srv.base, '/healthz/app');
    assert.equal(r.status, 200);
    h.assertJsonHeaders(r.headers);
    assert.deepEqual(r.json, APP_UP);
  });

  it('GET /healthz/nope is 400 with the invalid indicator named', async () => {
    const r = await h.request(srv.base, '/healthz/nope');
    assert.equal(r.status, 400);
    h.assertJsonHeaders(r.headers);
    assert.deepEqual(r.json, {
      statusCode: 400,
      error: 'BadRequestException',
      messages: ['Invalid indicatorId: nope'],
    });
  });

  it('writes one access line per request, with query names kept and values dropped', async () => {
    const r = await h.request(srv.base, '/healthz?x=topsecret-value&y=2');
    assert.equal(r.status, 200);
    const reqId = r.headers.get('x-request-id');
    let lines = [];
    await h.waitFor(() => {
      lines = srv.stderrLines().filter((l) => l.msg === 'request' && typeof l.path === 'string' && l.path.startsWith('/healthz?'));
      return lines.length > 0;
    }, 2000);
    assert.equal(lines.length, 1, `access lines for /healthz?…: ${JSON.stringify(lines)}\nstderr:\n${srv.stderr().slice(-2000)}`);
    const l = lines[0];
    for (const k of ['time', 'level', 'msg', 'reqId', 'method', 'path', 'status', 'durationUs']) {
      assert.ok(Object.prototype.hasOwnProperty.call(l, k), `access line without ${k}: ${JSON.stringify(l)}`);
    }
    assert.match(l.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    assert.equal(l.level, 'log');
    assert.equal(l.method, 'GET');
    assert.equal(l.path, '/healthz?x=&y=');
    assert.equal(l.status, 200);
    assert.ok(Number.isInteger(l.durationUs) && l.durationUs >= 0, `durationUs ${l.durationUs}`);
    assert.equal(l.reqId, reqId, 'the access line reqId is the X-Request-Id sent to the client');
    assert.ok(!srv.stderr().includes('topsecret-value'), 'a query value reached the log');
  });

  it('logs every stderr line as one JSON object', () => {
    const bad = srv.stderrLines().filter((l) => l.raw !== undefined);
    assert.deepEqual(bad, []);
    for (const l of srv.stderrLines()) {
      assert.equal(typeof l.time, 'string');
      assert.equal(typeof l.level, 'string');
      assert.equal(typeof l.msg, 'string');
    }
  });

  it('answers 503 while PostgreSQL is down and 200 again once it is back, without a restart', async () => {
    assert.deepEqual((await h.request(srv.base, '/healthz')).json, UP);
    cluster.stop();
    try {
      const r = await h.request(srv.base, '/healthz');
      assert.equal(r.status, 503, `first /healthz after PostgreSQL stopped: ${r.status} ${r.text}`);
      h.assertJsonHeaders(r.headers);
      assert.deepEqual(r.json, DOWN);
      // Every thread's connection sees it, not only the first one asked.
      for (let i = 0; i < 6; i++) {
        const again = await h.request(srv.base, '/healthz');
        assert.equal(again.status, 503);
        assert.deepEqual(again.json, DOWN);
      }
      const db = await h.request(srv.base, '/healthz/database');
      assert.equal(db.status, 503);
      assert.deepEqual(db.json, DOWN);
      assert.ok(srv.running(), 'the server exited while PostgreSQL was down');
    } finally {
      cluster.start();
    }
    const back = await srv.waitHealth(200, 3000);
    assert.deepEqual(JSON.parse(back.text), UP);
    // Every connection of the pool has recovered: a run of requests, in parallel too.
    const seq = [];
    for (let i = 0; i < 6; i++) seq.push((await h.request(srv.base, '/healthz')).status);
    const par = (await Promise.all(Array.from({ length: 8 }, () => h.request(srv.base, '/healthz')))).map((r) => r.status);
    assert.deepEqual([...seq, ...par], Array(14).fill(200));
  });

  it('never prints the database password or APP_SECRET, not even while the database was down', () => {
    for (const [name, text] of [['stdout', srv.stdout()], ['stderr', srv.stderr()]]) {
      assert.ok(!text.includes(h.APP_PASSWORD), `the database password is in ${name}`);
      assert.ok(!text.includes('test-secret'), `APP_SECRET is in ${name}`);
    }
  });
});
