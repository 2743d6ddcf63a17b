'use strict';
// Shared helpers for the black-box API tests: a throwaway PostgreSQL cluster, the real twentyc
// binary, raw-socket HTTP. Node's built-ins only (Node 18.19 and newer). Every cluster, child
// process and temp dir made here is torn down by the suite's after() hook, and again by a
// process 'exit' handler so a failed assertion never leaves a postgres running.

const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const TWENTYC_BIN = process.env.TWENTYC_BIN || path.resolve(__dirname, '../../build-asan/twentyc');

// Every setting twentyc reads (src/base/config.h), removed from the environment a child inherits
// so a developer's shell never leaks into a test.
const SETTING_NAMES = [
  'PG_DATABASE_URL', 'APP_SECRET', 'NODE_PORT', 'SERVER_URL', 'ACCESS_TOKEN_EXPIRES_IN',
  'REFRESH_TOKEN_EXPIRES_IN', 'LOG_LEVEL', 'TWENTYC_DATA_DIR', 'TWENTYC_HTTP_THREADS',
  'TWENTYC_DB_POOL_SIZE', 'TWENTYC_MAX_BODY_BYTES', 'TWENTYC_HTTP_TIMEOUT', 'TWENTYC_CORE_SCHEMA',
  'TWENTYC_PG_BIN_DIR', 'TWENTYC_SQL_LOG',
];

// TWENTYC_SQL_LOG_DIR (set by scripts/test.sh): every twentyc process started here logs the SQL it
// sends (TWENTYC_SQL_LOG) into its own file there, which tests/sqlcheck parses after the run.
const SQL_LOG_DIR = process.env.TWENTYC_SQL_LOG_DIR || '';
let sqlLogCount = 0;
function sqlLogFile() {
  const test = path.basename(process.argv[1] || 'node', '.js');
  return path.join(SQL_LOG_DIR, `${test}-${process.pid}-${++sqlLogCount}.jsonl`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Resolves with promise's value, or with onTimeout after ms (the timer is cleared either way, so
// it never keeps the process alive).
function within(promise, ms, onTimeout = null) {
  let timer;
  const t = new Promise((resolve) => { timer = setTimeout(() => resolve(onTimeout), ms); });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Teardown registry: run synchronously on process exit (and on SIGINT/SIGTERM of the test file).

const liveChildren = new Set(); // ChildProcess
const cleanups = new Set(); // () => void, synchronous; run last-registered first

function registerCleanup(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

function runExitCleanups() {
  for (const child of liveChildren) {
    try {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
    } catch (_) { /* already gone */ }
  }
  liveChildren.clear();
  // Last registered first: teardown in the reverse order of set-up.
  for (const fn of [...cleanups].reverse()) {
    try { fn(); } catch (_) { /* best effort */ }
  }
  cleanups.clear();
}

process.on('exit', runExitCleanups);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    runExitCleanups();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// Temp dirs and PostgreSQL binaries

// Short base for temp dirs: Unix socket paths are limited to about 107 bytes.
function tmpBase() {
  const t = os.tmpdir();
  return t.length <= 40 ? t : '/tmp';
}

function mkTempDir(prefix) {
  return fs.mkdtempSync(path.join(tmpBase(), prefix));
}

function rmTree(dir) {
  try { fs.rmSync(dir, { recursive: true, force: true }); } catch (_) { /* best effort */ }
}

let pgBinCache;
// The newest /usr/lib/postgresql/*/bin that has initdb; '' means "use PATH".
function pgBinDir() {
  if (pgBinCache !== undefined) return pgBinCache;
  pgBinCache = '';
  try {
    const versions = fs.readdirSync('/usr/lib/postgresql')
      .filter((v) => fs.existsSync(path.join('/usr/lib/postgresql', v, 'bin', 'initdb')))
      .sort((a, b) => parseFloat(b) - parseFloat(a));
    if (versions.length) pgBinCache = path.join('/usr/lib/postgresql', versions[0], 'bin');
  } catch (_) { /* not Debian's layout */ }
  return pgBinCache;
}

function pgBin(name) {
  const dir = pgBinDir();
  return dir ? path.join(dir, name) : name;
}

let pgUserCache;
function pgSystemUser() {
  if (pgUserCache) return pgUserCache;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('running as root but there is no postgres system user to run PostgreSQL as');
  }
  pgUserCache = { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  return pgUserCache;
}

// Runs a PostgreSQL server program, as the postgres system user when we are root (initdb and
// postgres refuse to run as root). Synchronous; returns spawnSync's result.
function runPgTool(name, args, opts = {}) {
  let cmd = pgBin(name);
  let argv = args;
  if (IS_ROOT) {
    argv = ['-u', 'postgres', '--', cmd, ...args];
    cmd = 'runuser';
  }
  return spawnSync(cmd, argv, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: opts.timeout || 60000,
    cwd: opts.cwd,
    env: { ...process.env, LC_ALL: 'C.UTF-8', ...(opts.env || {}) },
  });
}

function checkTool(res, what) {
  if (res.error || res.status !== 0) {
    throw new Error(`${what} failed (status ${res.status}${res.error ? ', ' + res.error.message : ''}):\n${res.stdout}\n${res.stderr}`);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Ports

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Resolves true when something accepts TCP connections on 127.0.0.1:port.
function portOpen(port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    const done = (v) => { s.destroy(); resolve(v); };
    s.setTimeout(timeoutMs, () => done(false));
    s.on('connect', () => done(true));
    s.on('error', () => done(false));
  });
}

// ---------------------------------------------------------------------------------------------
// Throwaway PostgreSQL cluster

const APP_ROLE = 'twentyc_app';
const APP_PASSWORD = 'app-pass';

// Database set-up run as superuser inside every database the tests give to twentyc: the app role
// can not create extensions (not even trusted ones such as pgcrypto), as on a managed service.
const NO_EXTENSIONS_SQL = `
CREATE SCHEMA tc_test_guard AUTHORIZATION postgres;
CREATE FUNCTION tc_test_guard.no_extensions() RETURNS event_trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
    RAISE EXCEPTION 'test cluster: % may not create extensions', session_user;
  END IF;
END $f$;
CREATE EVENT TRIGGER tc_test_no_extensions ON ddl_command_start
  WHEN TAG IN ('CREATE EXTENSION') EXECUTE FUNCTION tc_test_guard.no_extensions();
`;

async function startCluster() {
  const dir = mkTempDir('tcpg-');
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  let port = 0;
  let running = false;

  const pgCtl = (args, timeout) => runPgTool('pg_ctl', args, { cwd: dir, timeout });
  const immediateStop = () => {
    if (running) pgCtl(['-D', dataDir, '-m', 'immediate', '-w', 'stop'], 30000);
    running = false;
  };
  const unregister = registerCleanup(() => { immediateStop(); rmTree(dir); });

  try {
    if (IS_ROOT) {
      const { uid, gid } = pgSystemUser();
      fs.chownSync(dir, uid, gid);
    }
    fs.chmodSync(dir, 0o755);
    checkTool(runPgTool('initdb', ['-D', dataDir, '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8',
      '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync'], { cwd: dir }), 'initdb');

    const startOnce = () => pgCtl(['-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o',
      `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off`,
      'start'], 90000);
    // A free port can be taken by someone else before postgres binds it: try a few.
    let res;
    for (let attempt = 0; attempt < 3; attempt++) {
      port = await freePort();
      res = startOnce();
      if (res.status === 0) break;
    }
    checkTool(res, `pg_ctl start (log ${logFile}: ${safeRead(logFile)})`);
    running = true;

    const cluster = {
      dir,
      dataDir,
      port,
      url: `postgres://${APP_ROLE}:${APP_PASSWORD}@127.0.0.1:${port}/twentyc`,
      urlFor: (db) => `postgres://${APP_ROLE}:${APP_PASSWORD}@127.0.0.1:${port}/${db}`,
      // Runs SQL as superuser over the Unix socket; returns stdout (unaligned, tuples only,
      // '|' between columns). Throws with psql's stderr on error.
      psql(sql, { db = 'twentyc', user = 'postgres' } = {}) {
        const args = ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-p', String(port), '-U', user, '-d', db, '-c', sql];
        const env = { ...process.env, PGHOST: user === 'postgres' ? dir : '127.0.0.1', PGPASSWORD: APP_PASSWORD, PGCONNECT_TIMEOUT: '10' };
        const res = spawnSync(pgBin('psql'), args, { encoding: 'utf8', env, timeout: 30000 });
        if (res.error || res.status !== 0) {
          const err = new Error(`psql (${user}@${db}) failed: ${res.stderr || (res.error && res.error.message)}\nSQL: ${sql}`);
          err.stderr = res.stderr || '';
          throw err;
        }
        return res.stdout;
      },
      // A new database owned by the app role, with the same guard as twentyc's; returns its URL.
      createDatabase(name) {
        cluster.psql(`CREATE DATABASE "${name}" OWNER ${APP_ROLE}`, { db: 'postgres' });
        cluster.psql(NO_EXTENSIONS_SQL, { db: name });
        return cluster.urlFor(name);
      },
      // Fast shutdown: every connection is terminated, like a database server going away.
      stop() {
        checkTool(pgCtl(['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'], 90000), 'pg_ctl stop');
        running = false;
      },
      start() {
        checkTool(startOnce(), `pg_ctl start (log: ${safeRead(logFile)})`);
        running = true;
      },
      log: () => safeRead(logFile),
      destroy() {
        immediateStop();
        rmTree(dir);
        unregister();
      },
    };

    cluster.psql(`CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_PASSWORD}' NOSUPERUSER NOCREATEDB NOCREATEROLE`, { db: 'postgres' });
    cluster.createDatabase('twentyc');
    return cluster;
  } catch (err) {
    immediateStop();
    rmTree(dir);
    unregister();
    throw err;
  }
}

function safeRead(file) {
  try { return fs.readFileSync(file, 'utf8'); } catch (_) { return ''; }
}

// ---------------------------------------------------------------------------------------------
// The twentyc binary

function assertBinary() {
  if (!fs.existsSync(TWENTYC_BIN)) {
    throw new Error(`twentyc binary not found at ${TWENTYC_BIN} (set TWENTYC_BIN or run make asan)`);
  }
}

// Environment for a child: the parent's without any twentyc setting (but with a fresh
// TWENTYC_SQL_LOG file when TWENTYC_SQL_LOG_DIR is set), then the given values; a value of
// undefined removes the variable.
function childEnv(vars) {
  const env = { ...process.env };
  for (const name of SETTING_NAMES) delete env[name];
  if (SQL_LOG_DIR) env.TWENTYC_SQL_LOG = sqlLogFile();
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined || v === null) delete env[k];
    else env[k] = String(v);
  }
  return env;
}

// Splits stderr text into parsed JSON log lines; lines that are not JSON (sanitizer reports,
// stray prints) are returned as { raw: line }.
function parseLogLines(text) {
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => {
    try {
      const v = JSON.parse(l);
      return v && typeof v === 'object' ? v : { raw: l };
    } catch (_) {
      return { raw: l };
    }
  });
}

// The first lines of an AddressSanitizer / UBSan / LeakSanitizer report in text, or ''.
function sanitizerReport(text) {
  const m = /(==\d+==\s*ERROR: \w+Sanitizer|runtime error:|SUMMARY: \w+Sanitizer)/.exec(text);
  if (!m) return '';
  return text.slice(Math.max(0, m.index - 200), m.index + 3000);
}

// Spawns `twentyc <args>`; resolves { code, signal, stdout, stderr } when it exits. Kills it
// (SIGKILL) after timeoutMs and reports timedOut.
function runCli(args, { env = {}, cwd, timeoutMs = 30000 } = {}) {
  assertBinary();
  const ownCwd = cwd ? null : mkTempDir('tccwd-');
  return new Promise((resolve, reject) => {
    const child = spawn(TWENTYC_BIN, args, { env: childEnv(env), cwd: cwd || ownCwd, stdio: ['ignore', 'pipe', 'pipe'] });
    liveChildren.add(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); liveChildren.delete(child); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      if (ownCwd) rmTree(ownCwd);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

// Starts `twentyc serve` and waits until GET /healthz answers 200 (unless waitHealthy is false).
// env overrides the defaults (undefined removes a variable). Returns a handle; stop() sends a
// signal and resolves with the exit code (or the signal name if it died of one).
async function startServer({ env = {}, args = [], cwd, waitHealthy = true, timeoutMs = 15000 } = {}) {
  assertBinary();
  const fixedPort = Object.prototype.hasOwnProperty.call(env, 'NODE_PORT');
  for (let attempt = 0; ; attempt++) {
    try {
      return await startServerOnce({ env, args, cwd, waitHealthy, timeoutMs });
    } catch (err) {
      // The free port was taken between freePort() and bind(): try another one.
      if (!fixedPort && attempt < 2 && err.exitedEarly && /in use|EADDRINUSE|bind/i.test(err.message)) continue;
      throw err;
    }
  }
}

async function startServerOnce({ env, args, cwd, waitHealthy, timeoutMs }) {
  const port = env.NODE_PORT !== undefined ? Number(env.NODE_PORT) : await freePort();
  const ownDataDir = Object.prototype.hasOwnProperty.call(env, 'TWENTYC_DATA_DIR') ? null : mkTempDir('tcd-');
  const ownCwd = cwd ? null : mkTempDir('tccwd-');
  const fullEnv = childEnv({
    APP_SECRET: 'test-secret',
    NODE_PORT: port,
    TWENTYC_HTTP_THREADS: '2',
    TWENTYC_DATA_DIR: ownDataDir,
    ...env,
  });
  const proc = spawn(TWENTYC_BIN, ['serve', ...args], { env: fullEnv, cwd: cwd || ownCwd, stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(proc);
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
  proc.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
  let exitInfo = null;
  const exited = new Promise((resolve) => {
    proc.on('error', (err) => { exitInfo = { code: null, signal: null, error: err }; resolve(exitInfo); });
    proc.on('close', (code, signal) => {
      exitInfo = { code, signal };
      liveChildren.delete(proc);
      resolve(exitInfo);
    });
  });
  const cleanupDirs = () => {
    if (ownDataDir) rmTree(ownDataDir);
    if (ownCwd) rmTree(ownCwd);
  };
  const unregister = registerCleanup(cleanupDirs);
  const base = `http://127.0.0.1:${port}`;

  const handle = {
    port,
    base,
    proc,
    pid: proc.pid,
    dataDir: ownDataDir || env.TWENTYC_DATA_DIR,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    stderrLines: () => parseLogLines(stderr),
    running: () => exitInfo === null,
    // Sends signal and resolves with the exit code (or signal name). Never rejects; kills the
    // process with SIGKILL after killAfterMs and then resolves 'SIGKILL(timeout)'.
    async stop(signal = 'SIGTERM', { killAfterMs = 20000 } = {}) {
      if (exitInfo === null) {
        try { proc.kill(signal); } catch (_) { /* gone */ }
        if ((await within(exited, killAfterMs, 'timeout')) === 'timeout') {
          try { proc.kill('SIGKILL'); } catch (_) { /* gone */ }
          await exited;
          cleanupDirs();
          unregister();
          return 'SIGKILL(timeout)';
        }
      }
      cleanupDirs();
      unregister();
      return exitInfo.code !== null ? exitInfo.code : exitInfo.signal;
    },
    // Polls GET /healthz until it answers status (default 200); resolves the last response.
    waitHealth: (status = 200, ms = timeoutMs) => waitForHealth(base, status, ms, () => exitInfo),
  };

  if (waitHealthy) {
    try {
      await handle.waitHealth(200, timeoutMs);
    } catch (err) {
      const early = exitInfo !== null;
      if (!early) {
        try { proc.kill('SIGKILL'); } catch (_) { /* gone */ }
        await exited;
      }
      cleanupDirs();
      unregister();
      const e = new Error(`twentyc serve did not become healthy on port ${port}: ${err.message}\n` +
        `exit: ${JSON.stringify(exitInfo)}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`);
      e.exitedEarly = early;
      throw e;
    }
  }
  return handle;
}

async function waitForHealth(base, status, ms, exitInfoFn = () => null) {
  const deadline = Date.now() + ms;
  let last = 'no answer';
  for (;;) {
    const info = exitInfoFn();
    if (info) throw new Error(`the server exited (${JSON.stringify(info)}) while waiting for /healthz ${status}; last: ${last}`);
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      const text = await res.text();
      last = `${res.status} ${text}`;
      if (res.status === status) return { status: res.status, headers: res.headers, text };
    } catch (err) {
      last = `${err.message}${err.cause ? ' (' + (err.cause.code || err.cause.message) + ')' : ''}`;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for /healthz ${status}; last: ${last}`);
    await sleep(20);
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

// fetch + body: resolves { status, headers, text, json } (json undefined when not JSON).
async function request(base, pathAndQuery, init = {}) {
  const res = await fetch(base + pathAndQuery, { signal: AbortSignal.timeout(10000), ...init });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch (_) { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}

// Asserts the headers every JSON response carries.
function assertJsonHeaders(headers) {
  assert.equal(headers.get('content-type'), 'application/json; charset=utf-8');
  const id = headers.get('x-request-id');
  assert.ok(id && id.length > 0, `X-Request-Id header missing (got ${id})`);
}

// Opens a TCP connection, writes each chunk (strings or Buffers; a number means "sleep that many
// ms" between chunks), and collects everything until the server closes or timeoutMs pass after
// the last write. Resolves { text, closed, ms (from connect to close, or null), error }.
function rawExchange(port, chunks, { timeoutMs = 2000 } = {}) {
  const list = Array.isArray(chunks) ? chunks : [chunks];
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const parts = [];
    let closed = false;
    let error = null;
    let t0 = 0;
    let closeMs = null;
    let timer = null;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve({ text: Buffer.concat(parts).toString('latin1'), closed, ms: closeMs, error });
    };
    sock.on('data', (d) => parts.push(d));
    sock.on('error', (err) => { error = err; });
    sock.on('close', () => {
      closed = true;
      closeMs = Date.now() - t0;
      finish();
    });
    sock.on('connect', async () => {
      t0 = Date.now();
      for (const c of list) {
        if (closed) break;
        if (typeof c === 'number') await sleep(c);
        else sock.write(c);
      }
      timer = setTimeout(finish, timeoutMs);
    });
  });
}

// The full response text of a raw request (until the server closes or 2 s pass).
async function rawRequest(port, bytes, opts) {
  return (await rawExchange(port, bytes, opts)).text;
}

// Parses one HTTP/1.x response (Content-Length or chunked). Returns
// { statusLine, status, headers: {lowercase: value}, body, complete, rest }.
function parseHttpResponse(text) {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { statusLine: text.split('\r\n')[0], status: 0, headers: {}, body: '', complete: false, rest: '' };
  const lines = text.slice(0, end).split('\r\n');
  const statusLine = lines[0];
  const m = /^HTTP\/\d\.\d (\d{3})/.exec(statusLine);
  const headers = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  let rest = text.slice(end + 4);
  let body = '';
  let complete = false;
  if (headers['content-length'] !== undefined) {
    const n = Number(headers['content-length']);
    const buf = Buffer.from(rest, 'latin1');
    body = buf.subarray(0, n).toString('utf8');
    complete = buf.length >= n;
    rest = buf.subarray(n).toString('latin1');
  } else if (/chunked/i.test(headers['transfer-encoding'] || '')) {
    const out = [];
    for (;;) {
      const nl = rest.indexOf('\r\n');
      if (nl < 0) break;
      const size = parseInt(rest.slice(0, nl), 16);
      if (Number.isNaN(size)) break;
      if (size === 0) { complete = true; rest = rest.slice(nl + 4); break; }
      out.push(Buffer.from(rest.slice(nl + 2, nl + 2 + size), 'latin1'));
      rest = rest.slice(nl + 2 + size + 2);
    }
    body = Buffer.concat(out).toString('utf8');
  } else {
    body = Buffer.from(rest, 'latin1').toString('utf8');
    rest = '';
  }
  return { statusLine, status: m ? Number(m[1]) : 0, headers, body, complete, rest };
}

// ---------------------------------------------------------------------------------------------
// Processes

// [{pid, ppid, user, args}] from ps.
function listProcesses() {
  const res = spawnSync('ps', ['-eo', 'pid=,ppid=,user:32=,args='], { encoding: 'utf8' });
  return res.stdout.split('\n').filter((l) => l.trim()).map((l) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(l);
    return m ? { pid: Number(m[1]), ppid: Number(m[2]), user: m[3], args: m[4] } : null;
  }).filter(Boolean);
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  // A zombie still answers kill(0); it is gone for our purposes.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch (_) {
    return false;
  }
}

async function waitFor(cond, ms, stepMs = 50) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await cond()) return true;
    if (Date.now() > deadline) return false;
    await sleep(stepMs);
  }
}

module.exports = {
  IS_ROOT,
  TWENTYC_BIN,
  APP_ROLE,
  APP_PASSWORD,
  sleep,
  within,
  freePort,
  portOpen,
  mkTempDir,
  rmTree,
  pgBin,
  pgBinDir,
  pgSystemUser,
  runPgTool,
  registerCleanup,
  startCluster,
  startServer,
  runCli,
  childEnv,
  parseLogLines,
  sanitizerReport,
  waitForHealth,
  request,
  assertJsonHeaders,
  rawExchange,
  rawRequest,
  parseHttpResponse,
  listProcesses,
  pidAlive,
  waitFor,
};
