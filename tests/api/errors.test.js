'use strict';
// Error shapes of the HTTP layer: unknown routes, bodies over the limit, malformed requests, and
// connections that stall.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const MAX_BODY = 2048;

const notFound = (method, path) => ({
  statusCode: 404,
  error: 'NotFoundException',
  messages: [`Cannot ${method} ${path}`],
});
const TOO_LARGE = {
  statusCode: 413,
  error: 'PayloadTooLargeException',
  messages: ['request entity too large'],
};
const MALFORMED = {
  statusCode: 400,
  error: 'BadRequestException',
  messages: ['Malformed HTTP request'],
};

function assertRawJsonHeaders(res) {
  assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
  assert.ok(res.headers['x-request-id'], `X-Request-Id missing in ${JSON.stringify(res.headers)}`);
}

function parseJsonBody(res) {
  try {
    return JSON.parse(res.body);
  } catch (_) {
    assert.fail(`body is not JSON: ${JSON.stringify(res.body)} (status line ${res.statusLine})`);
  }
}

const postWithLength = (path, n, extraHeaders = '') =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${extraHeaders}Content-Length: ${n}\r\n\r\n` + 'a'.repeat(n);

describe('errors', { timeout: 120000 }, () => {
  let cluster;
  let srv; // TWENTYC_MAX_BODY_BYTES=2048, default timeout
  let slow; // TWENTYC_HTTP_TIMEOUT=1s

  before(async () => {
    cluster = await h.startCluster();
    [srv, slow] = await Promise.all([
      h.startServer({ env: { PG_DATABASE_URL: cluster.url, TWENTYC_MAX_BODY_BYTES: String(MAX_BODY) } }),
      h.startServer({ env: { PG_DATABASE_URL: cluster.url, TWENTYC_HTTP_TIMEOUT: '1s' } }),
    ]);
  });

  after(async () => {
    try {
      const codes = await Promise.all([srv, slow].filter(Boolean).map((s) => s.stop()));
      for (const s of [srv, slow].filter(Boolean)) assert.equal(h.sanitizerReport(s.stderr()), '');
      assert.deepEqual(codes, codes.map(() => 0), 'exit codes after SIGTERM');
    } finally {
      if (cluster) cluster.destroy();
    }
  });

  describe('unknown routes', () => {
    it('GET /nope is 404 naming method and path', async () => {
      const r = await h.request(srv.base, '/nope');
      assert.equal(r.status, 404);
      h.assertJsonHeaders(r.headers);
      assert.deepEqual(r.json, notFound('GET', '/nope'));
    });

    it('POST /x is 404 naming method and path', async () => {
      const r = await h.request(srv.base, '/x', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      });
      assert.equal(r.status, 404);
      h.assertJsonHeaders(r.headers);
      assert.deepEqual(r.json, notFound('POST', '/x'));
    });

    it('a known path with another method is 404 too (POST /healthz)', async () => {
      const r = await h.request(srv.base, '/healthz', { method: 'POST', body: '' });
      assert.equal(r.status, 404);
      h.assertJsonHeaders(r.headers);
      assert.deepEqual(r.json, notFound('POST', '/healthz'));
    });

    it('a nested unknown path is 404 too', async () => {
      const r = await h.request(srv.base, '/nope/deeper/path', { method: 'DELETE' });
      assert.equal(r.status, 404);
      h.assertJsonHeaders(r.headers);
      assert.deepEqual(r.json, notFound('DELETE', '/nope/deeper/path'));
    });

    it('the access line of a 404 carries its status', async () => {
      const r = await h.request(srv.base, '/nope-logged');
      assert.equal(r.status, 404);
      let line;
      await h.waitFor(() => {
        line = srv.stderrLines().find((l) => l.msg === 'request' && l.path === '/nope-logged');
        return Boolean(line);
      }, 2000);
      assert.ok(line, `no access line for /nope-logged in:\n${srv.stderr().slice(-2000)}`);
      assert.equal(line.status, 404);
      assert.equal(line.method, 'GET');
    });
  });

  describe('request body limit (TWENTYC_MAX_BODY_BYTES=2048)', () => {
    it('a 4096-byte body is 413 and the connection is closed (raw socket)', async () => {
      const ex = await h.rawExchange(srv.port, postWithLength('/x', 4096), { timeoutMs: 3000 });
      const res = h.parseHttpResponse(ex.text);
      assert.match(res.statusLine, /^HTTP\/1\.1 413 /, `response: ${JSON.stringify(ex.text.slice(0, 500))}`);
      assertRawJsonHeaders(res);
      assert.ok(res.complete, 'incomplete body');
      assert.deepEqual(parseJsonBody(res), TOO_LARGE);
      assert.equal(ex.closed, true, 'the server kept the connection open after 413');
    });

    it('the 413 has an access line like any other response', async () => {
      const ex = await h.rawExchange(srv.port, postWithLength('/too-large-logged', 4096), { timeoutMs: 3000 });
      assert.match(ex.text, /^HTTP\/1\.1 413 /);
      const reqId = h.parseHttpResponse(ex.text).headers['x-request-id'];
      let line;
      await h.waitFor(() => {
        line = srv.stderrLines().find((l) => l.msg === 'request' && l.reqId === reqId);
        return Boolean(line);
      }, 2000);
      assert.ok(line, `no access line with reqId ${reqId} in:\n${srv.stderr().slice(-2000)}`);
      assert.equal(line.status, 413);
    });

    it('the same through fetch', async () => {
      const r = await h.request(srv.base, '/x', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'a'.repeat(4096),
      });
      assert.equal(r.status, 413);
      h.assertJsonHeaders(r.headers);
      assert.deepEqual(r.json, TOO_LARGE);
    });

    it('a chunked body over the limit is 413 too', async () => {
      const chunk = 'b'.repeat(1024);
      const head = 'POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
      const body = Array(4).fill(`400\r\n${chunk}\r\n`).join('') + '0\r\n\r\n';
      const ex = await h.rawExchange(srv.port, head + body, { timeoutMs: 3000 });
      const res = h.parseHttpResponse(ex.text);
      assert.match(res.statusLine, /^HTTP\/1\.1 413 /, `response: ${JSON.stringify(ex.text.slice(0, 500))}`);
      assertRawJsonHeaders(res);
      assert.deepEqual(parseJsonBody(res), TOO_LARGE);
      assert.equal(ex.closed, true, 'the server kept the connection open after 413');
    });

    it('a 2000-byte body to an unknown route is 404, not 413', async () => {
      const r = await h.request(srv.base, '/x', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'a'.repeat(2000),
      });
      assert.equal(r.status, 404);
      h.assertJsonHeaders(r.headers);
      assert.deepEqual(r.json, notFound('POST', '/x'));
    });

    it('exactly the limit is accepted (404 here) and one byte more is 413', async () => {
      const at = h.parseHttpResponse(await h.rawRequest(srv.port, postWithLength('/x', MAX_BODY, 'Connection: close\r\n')));
      assert.equal(at.status, 404, `at the limit: ${at.statusLine} ${at.body}`);
      assert.deepEqual(parseJsonBody(at), notFound('POST', '/x'));
      const over = h.parseHttpResponse(await h.rawRequest(srv.port, postWithLength('/x', MAX_BODY + 1)));
      assert.equal(over.status, 413, `one over the limit: ${over.statusLine} ${over.body}`);
      assert.deepEqual(parseJsonBody(over), TOO_LARGE);
    });

    it('the server is still healthy afterwards', async () => {
      const r = await h.request(srv.base, '/healthz');
      assert.equal(r.status, 200);
    });
  });

  describe('malformed requests', () => {
    for (const [name, bytes] of [
      ['a garbage request line', 'GARBAGE\r\n\r\n'],
      ['an unknown HTTP version', 'GET / HTTP/9.x\r\n\r\n'],
    ]) {
      it(`${name} is 400 Malformed HTTP request`, async () => {
        const ex = await h.rawExchange(srv.port, bytes, { timeoutMs: 3000 });
        const res = h.parseHttpResponse(ex.text);
        assert.match(res.statusLine, /^HTTP\/1\.[01] 400 /, `response: ${JSON.stringify(ex.text.slice(0, 500))}`);
        assertRawJsonHeaders(res);
        assert.deepEqual(parseJsonBody(res), MALFORMED);
      });
    }
  });

  describe('stalled connections (TWENTYC_HTTP_TIMEOUT=1s)', () => {
    it('half a request line and then silence: closed after about 1 s', async () => {
      const ex = await h.rawExchange(slow.port, 'GET /heal', { timeoutMs: 4000 });
      assert.equal(ex.closed, true, 'connection still open 4 s later');
      assert.ok(ex.ms >= 500 && ex.ms <= 3000, `closed after ${ex.ms} ms`);
      assert.doesNotMatch(ex.text, /^HTTP\/1\.1 200/);
    });

    it('complete headers of a body that never comes: closed after about 1 s', async () => {
      const ex = await h.rawExchange(slow.port, 'POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"a":', { timeoutMs: 4000 });
      assert.equal(ex.closed, true, 'connection still open 4 s later');
      assert.ok(ex.ms >= 500 && ex.ms <= 3000, `closed after ${ex.ms} ms`);
    });

    it('an idle keep-alive connection after a response: closed after about 1 s', async () => {
      const ex = await h.rawExchange(slow.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n', { timeoutMs: 4000 });
      const res = h.parseHttpResponse(ex.text);
      assert.equal(res.status, 200, `response: ${JSON.stringify(ex.text.slice(0, 300))}`);
      assert.equal(ex.closed, true, 'connection still open 4 s later');
      assert.ok(ex.ms >= 500 && ex.ms <= 3000, `closed after ${ex.ms} ms`);
    });

    it('the server is still healthy afterwards', async () => {
      const r = await h.request(slow.base, '/healthz');
      assert.equal(r.status, 200);
    });
  });
});
