'use strict';
// Core-schema migrations: `twentyc migrate`, what it creates, idempotence, two servers racing on
// a fresh database, and refusal to run when an applied migration changed.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const appliedLines = (stderr) => h.parseLogLines(stderr).filter((l) => l.msg === 'migration applied');

// Rows of a psql -A -t result, each split on '|'.
const rows = (out) => out.split('\n').filter((l) => l !== '').map((l) => l.split('|'));

function migrationRows(cluster, db = 'twentyc') {
  return rows(cluster.psql('SELECT version, name, checksum, "appliedAt" FROM core."_migrations" ORDER BY version', { db }))
    .map(([version, name, checksum, appliedAt]) => ({ version: Number(version), name, checksum, appliedAt }));
}

describe('migrations', { timeout: 180000 }, () => {
  let cluster;
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET: 'test-secret' });

  before(async () => {
    cluster = await h.startCluster();
  });

  after(() => {
    if (cluster) cluster.destroy();
  });

  it('the test database role is an ordinary role that can not create extensions', () => {
    assert.equal(cluster.psql(`SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = '${h.APP_ROLE}'`).trim(), 'f|f|f');
    assert.throws(() => cluster.psql('CREATE EXTENSION pgcrypto', { user: h.APP_ROLE }), /may not create extensions/);
  });

  let firstRun;
  it('migrate on a fresh database applies every migration and exits 0', async () => {
    const r = await h.runCli(['migrate'], { env: env() });
    assert.equal(h.sanitizerReport(r.stderr), '');
    assert.equal(r.code, 0, `exit ${r.code} ${r.signal || ''}; stderr:\n${r.stderr}`);
    const lines = appliedLines(r.stderr);
    assert.ok(lines.length >= 1, `no "migration applied" line in:\n${r.stderr}`);
    for (const l of lines) {
      assert.ok(Number.isInteger(l.version) && l.version >= 1, `version in ${JSON.stringify(l)}`);
      assert.equal(typeof l.name, 'string');
      assert.ok(l.name.length > 0);
      assert.equal(l.level, 'log');
      assert.match(l.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    }
    const versions = lines.map((l) => l.version);
    assert.equal(versions[0], 1, 'the first migration is version 1');
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'applied in ascending order');
    assert.equal(new Set(versions).size, versions.length, 'each version applied once');

    const db = migrationRows(cluster);
    assert.deepEqual(db.map(({ version, name }) => ({ version, name })), lines.map(({ version, name }) => ({ version, name })),
      'core._migrations holds exactly the migrations logged as applied');
    for (const row of db) {
      assert.ok(row.checksum.length > 0, `empty checksum for version ${row.version}`);
      assert.ok(row.appliedAt.length > 0, `no appliedAt for version ${row.version}`);
    }
    firstRun = db;
  });

  it('core."_migrations" has version, name, checksum and "appliedAt"', () => {
    const cols = rows(cluster.psql(`SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'core' AND table_name = '_migrations' ORDER BY column_name`)).map((r) => r[0]);
    for (const c of ['appliedAt', 'checksum', 'name', 'version']) assert.ok(cols.includes(c), `column ${c} missing: ${cols}`);
  });

  it('core.workspace has Twenty\'s columns and types', () => {
    const cols = {};
    for (const [name, dataType, udt, nullable, def] of rows(cluster.psql(`SELECT column_name, data_type, udt_name, is_nullable,
        coalesce(column_default, '') FROM information_schema.columns
        WHERE table_schema = 'core' AND table_name = 'workspace'`))) {
      cols[name] = { dataType, udt, nullable, def };
    }
    const expect = {
      id: 'uuid',
      displayName: 'character varying',
      databaseSchema: 'character varying',
      metadataVersion: 'integer',
      subdomain: 'character varying',
      activationStatus: 'USER-DEFINED',
      createdAt: 'timestamp with time zone',
      updatedAt: 'timestamp with time zone',
      deletedAt: 'timestamp with time zone',
    };
    for (const [name, type] of Object.entries(expect)) {
      assert.ok(cols[name], `core.workspace."${name}" missing; columns: ${Object.keys(cols).join(', ')}`);
      assert.equal(cols[name].dataType, type, `type of "${name}"`);
    }
    assert.equal(cols.activationStatus.udt, 'workspace_activationStatus_enum');
    assert.match(cols.activationStatus.def, /INACTIVE/, 'activationStatus defaults to INACTIVE');
    assert.match(cols.metadataVersion.def, /^1\b/, 'metadataVersion defaults to 1');
    assert.match(cols.id.def, /gen_random_uuid\(\)/, 'ids default to gen_random_uuid() (no extension)');
    assert.equal(cols.subdomain.nullable, 'NO');
    assert.equal(cols.id.nullable, 'NO');
  });

  it('workspace."activationStatus" is the core enum workspace_activationStatus_enum with Twenty\'s values', () => {
    const out = cluster.psql(`SELECT n.nspname, e.enumlabel FROM pg_type t
      JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE t.typname = 'workspace_activationStatus_enum' ORDER BY e.enumsortorder`);
    const r = rows(out);
    assert.ok(r.length > 0, 'type workspace_activationStatus_enum not found');
    assert.deepEqual([...new Set(r.map((x) => x[0]))], ['core']);
    assert.deepEqual(r.map((x) => x[1]).sort(), ['ACTIVE', 'INACTIVE', 'ONGOING_CREATION', 'PENDING_CREATION', 'SUSPENDED']);
  });

  it('workspace."subdomain" is unique', () => {
    const n = cluster.psql(`SELECT count(*) FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
      WHERE n.nspname = 'core' AND t.relname = 'workspace' AND i.indisunique
        AND i.indnkeyatts = 1 AND a.attname = 'subdomain'`).trim();
    assert.ok(Number(n) >= 1, 'no unique index on core.workspace("subdomain")');
  });

  it('the core tables belong to the application role', () => {
    const owners = rows(cluster.psql(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'core'`)).map((r) => r[0]);
    assert.deepEqual(owners, [h.APP_ROLE]);
  });

  it('a second migrate applies nothing and exits 0', async () => {
    const r = await h.runCli(['migrate'], { env: env() });
    assert.equal(h.sanitizerReport(r.stderr), '');
    assert.equal(r.code, 0, `exit ${r.code}; stderr:\n${r.stderr}`);
    assert.deepEqual(appliedLines(r.stderr), []);
    assert.deepEqual(migrationRows(cluster), firstRun, 'core._migrations changed');
  });

  it('serve on a migrated database applies nothing', async () => {
    const srv = await h.startServer({ env: { PG_DATABASE_URL: cluster.url } });
    const code = await srv.stop();
    assert.deepEqual(appliedLines(srv.stderr()), []);
    assert.equal(code, 0, `exit code; stderr:\n${srv.stderr().slice(-3000)}`);
  });

  it('two servers started together on a fresh database: both healthy, each migration applied once', async () => {
    const url = cluster.createDatabase('twentyc_race');
    const results = await Promise.allSettled([
      h.startServer({ env: { PG_DATABASE_URL: url } }),
      h.startServer({ env: { PG_DATABASE_URL: url } }),
    ]);
    const servers = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    const codes = await Promise.all(servers.map((s) => s.stop()));
    const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
    assert.deepEqual(failures, [], 'both servers become healthy');
    assert.deepEqual(codes, [0, 0], 'both exit 0 on SIGTERM');
    for (const s of servers) assert.equal(h.sanitizerReport(s.stderr()), '');

    const db = migrationRows(cluster, 'twentyc_race');
    const perVersion = rows(cluster.psql('SELECT version, count(*) FROM core."_migrations" GROUP BY version ORDER BY version', { db: 'twentyc_race' }));
    assert.ok(perVersion.length > 0, 'no migration recorded');
    for (const [v, n] of perVersion) assert.equal(n, '1', `version ${v} recorded ${n} times`);
    assert.deepEqual(db.map((r) => r.version), firstRun.map((r) => r.version), 'same migrations as migrate applied');

    const logged = servers.flatMap((s) => appliedLines(s.stderr())).map((l) => l.version).sort((a, b) => a - b);
    assert.deepEqual(logged, db.map((r) => r.version), 'one "migration applied" line per version across both servers');
  });

  describe('an applied migration whose checksum changed', () => {
    before(() => {
      cluster.psql(`UPDATE core."_migrations" SET checksum = 'x' WHERE version = 1`);
    });

    it('migrate exits non-zero and says "checksum"', async () => {
      const r = await h.runCli(['migrate'], { env: env() });
      assert.equal(h.sanitizerReport(r.stderr), '');
      assert.notEqual(r.code, 0, `migrate exited 0; stderr:\n${r.stderr}`);
      assert.equal(r.timedOut, false);
      assert.match(r.stderr, /checksum/);
      assert.deepEqual(appliedLines(r.stderr), []);
    });

    it('serve exits non-zero and says "checksum"', async () => {
      const srv = await h.startServer({ env: { PG_DATABASE_URL: cluster.url }, waitHealthy: false });
      const ended = await h.within(srv.exited, 15000, null);
      if (!ended) await srv.stop('SIGKILL');
      assert.ok(ended, `serve still running 15 s later; stderr:\n${srv.stderr().slice(-2000)}`);
      assert.equal(h.sanitizerReport(srv.stderr()), '');
      assert.notEqual(ended.code, 0, `serve exited 0; stderr:\n${srv.stderr()}`);
      assert.match(srv.stderr(), /checksum/);
      await srv.stop();
    });
  });
});
