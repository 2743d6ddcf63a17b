'use strict';
// Configuration: invalid settings stop start-up with status 2 and one line naming the variable;
// `twentyc config` shows every setting with its source and masks secrets; `--help`.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

// Nothing listens here: a test that got past configuration would fail to connect, not hang on
// someone's database.
const URL_OK = 'postgres://twentyc_app:app-pass@127.0.0.1:1/twentyc';

const SETTINGS = [
  'PG_DATABASE_URL', 'APP_SECRET', 'NODE_PORT', 'SERVER_URL', 'ACCESS_TOKEN_EXPIRES_IN',
  'REFRESH_TOKEN_EXPIRES_IN', 'LOG_LEVEL', 'TWENTYC_DATA_DIR', 'TWENTYC_HTTP_THREADS',
  'TWENTYC_DB_POOL_SIZE', 'TWENTYC_MAX_BODY_BYTES', 'TWENTYC_HTTP_TIMEOUT', 'TWENTYC_CORE_SCHEMA',
  'TWENTYC_PG_BIN_DIR',
];

const nonEmptyLines = (s) => s.split('\n').filter((l) => l.trim() !== '');

async function expectConfigError(env, variable) {
  const r = await h.runCli(['serve'], { env, timeoutMs: 15000 });
  assert.equal(h.sanitizerReport(r.stderr), '');
  assert.equal(r.timedOut, false, `serve did not stop; stderr:\n${r.stderr}`);
  assert.equal(r.code, 2, `exit ${r.code} ${r.signal || ''}; stderr:\n${r.stderr}`);
  const lines = nonEmptyLines(r.stderr);
  assert.equal(lines.length, 1, `expected one stderr line, got:\n${r.stderr}`);
  assert.ok(lines[0].includes(variable), `the line does not name ${variable}: ${lines[0]}`);
  return { ...r, line: lines[0] };
}

// The line of `twentyc config` output that is about setting name.
function settingLine(out, name) {
  return nonEmptyLines(out).find((l) => new RegExp(`(^|[^A-Z_])${name}([^A-Z_]|$)`).test(l));
}

describe('config', { timeout: 120000 }, () => {
  describe('invalid settings exit 2 with one line naming the variable', () => {
    it('NODE_PORT=abc', async () => {
      await expectConfigError({ PG_DATABASE_URL: URL_OK, APP_SECRET: 's', NODE_PORT: 'abc' }, 'NODE_PORT');
    });

    it('NODE_PORT=70000 (out of range)', async () => {
      await expectConfigError({ PG_DATABASE_URL: URL_OK, APP_SECRET: 's', NODE_PORT: '70000' }, 'NODE_PORT');
    });

    it('PG_DATABASE_URL=not-a-url', async () => {
      await expectConfigError({ PG_DATABASE_URL: 'not-a-url', APP_SECRET: 's', NODE_PORT: '3999' }, 'PG_DATABASE_URL');
    });

    it('PG_DATABASE_URL set and APP_SECRET unset', async () => {
      await expectConfigError({ PG_DATABASE_URL: URL_OK, NODE_PORT: '3999' }, 'APP_SECRET');
    });

    it('an invalid value in ./.env is reported the same way', async () => {
      const cwd = h.mkTempDir('tccfg-');
      try {
        fs.writeFileSync(path.join(cwd, '.env'), 'NODE_PORT=abc\n');
        const r = await h.runCli(['serve'], { env: { PG_DATABASE_URL: URL_OK, APP_SECRET: 's' }, cwd, timeoutMs: 15000 });
        assert.equal(r.code, 2, `exit ${r.code}; stderr:\n${r.stderr}`);
        const lines = nonEmptyLines(r.stderr);
        assert.equal(lines.length, 1, `expected one stderr line, got:\n${r.stderr}`);
        assert.ok(lines[0].includes('NODE_PORT'));
      } finally {
        h.rmTree(cwd);
      }
    });
  });

  describe('twentyc config', () => {
    const SECRET = 'super-secret-value-123';
    const PASSWORD = 's3cr3t-pw-456';
    let out;
    let r;

    it('exits 0 and prints every setting', async () => {
      const cwd = h.mkTempDir('tccfg-');
      try {
        fs.writeFileSync(path.join(cwd, '.env'), 'TWENTYC_HTTP_THREADS=3\nNODE_PORT=5555\n');
        r = await h.runCli(['config'], {
          env: {
            PG_DATABASE_URL: `postgres://twentyc_app:${PASSWORD}@127.0.0.1:5999/twentyc`,
            APP_SECRET: SECRET,
            NODE_PORT: '4321',
          },
          cwd,
        });
      } finally {
        h.rmTree(cwd);
      }
      assert.equal(h.sanitizerReport(r.stderr), '');
      assert.equal(r.code, 0, `exit ${r.code}; stderr:\n${r.stderr}`);
      out = r.stdout;
      for (const name of SETTINGS) assert.ok(settingLine(out, name), `${name} missing from:\n${out}`);
    });

    it('shows value and source: env, .env, default; env wins over .env', () => {
      assert.ok(out, 'no output (previous case failed)');
      const port = settingLine(out, 'NODE_PORT');
      assert.match(port, /\b4321\b/);
      assert.match(port, /\benv\b/);
      assert.doesNotMatch(port, /5555/);
      const threads = settingLine(out, 'TWENTYC_HTTP_THREADS');
      assert.match(threads, /\b3\b/);
      assert.match(threads, /\.env\b/);
      const access = settingLine(out, 'ACCESS_TOKEN_EXPIRES_IN');
      assert.match(access, /\b30m\b/);
      assert.match(access, /\bdefault\b/);
    });

    it('never prints APP_SECRET or the database password', () => {
      assert.ok(r, 'no output (previous case failed)');
      const all = r.stdout + r.stderr;
      assert.ok(!all.includes(SECRET), `APP_SECRET value printed:\n${all}`);
      assert.ok(!all.includes(PASSWORD), `database password printed:\n${all}`);
      assert.ok(settingLine(out, 'APP_SECRET'), 'APP_SECRET line missing');
    });
  });

  describe('command line', () => {
    it('--help exits 0 and lists the commands', async () => {
      const r = await h.runCli(['--help']);
      assert.equal(h.sanitizerReport(r.stderr), '');
      assert.equal(r.code, 0, `exit ${r.code}; stderr:\n${r.stderr}`);
      for (const cmd of ['serve', 'migrate', 'config']) {
        assert.match(r.stdout, new RegExp(`\\b${cmd}\\b`), `--help does not list ${cmd}:\n${r.stdout}`);
      }
    });

    it('an unknown command exits non-zero with a message on stderr', async () => {
      const r = await h.runCli(['no-such-command']);
      assert.equal(h.sanitizerReport(r.stderr), '');
      assert.notEqual(r.code, 0);
      assert.ok(r.stderr.trim().length > 0, 'nothing on stderr');
    });
  });
});
