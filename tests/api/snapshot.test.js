'use strict';
// Metadata snapshots across instances (DESIGN.md §6): two servers on one database; a change made
// through one is seen by the other within a second (NOTIFY twentyc_metadata), and each change
// bumps metadataVersion by exactly one.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

describe('metadata snapshots across instances', () => {
  let cluster;
  let a;
  let b;
  let token;
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET: 'test-secret' });
  const auth = () => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
  const objectNames = async (srv) => {
    const res = await h.request(srv.base, '/rest/metadata/objects', { headers: auth() });
    assert.equal(res.status, 200, res.text);
    return res.json.data.map((o) => o.nameSingular).sort();
  };
  const version = (id) =>
    Number(cluster.psql(`SELECT "metadataVersion" FROM core.workspace WHERE id = '${id}'`).trim());

  let workspace;
  before(async () => {
    cluster = await h.startCluster();
    const created = await h.runCli(['workspace', 'create', '--name', 'Snap'], { env: env() });
    assert.equal(created.code, 0, created.stderr);
    workspace = created.stdout.trim();
    const key = await h.runCli(['apikey', 'create', '--workspace', workspace, '--name', 'k'], { env: env() });
    assert.equal(key.code, 0, key.stderr);
    token = key.stdout.trim().split('\n')[1];
    a = await h.startServer({ env: env() });
    b = await h.startServer({ env: env() });
  });

  after(async () => {
    if (a) await a.stop();
    if (b) await b.stop();
    if (cluster) await cluster.destroy();
  });

  it('a change through one server is visible through the other within a second', async () => {
    const before1 = await objectNames(b); // b now holds a cached snapshot
    assert.ok(!before1.includes('rocket'));
    const v0 = version(workspace);
    const res = await h.request(a.base, '/rest/metadata/objects', {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ nameSingular: 'rocket', namePlural: 'rockets', labelSingular: 'Rocket', labelPlural: 'Rockets' }),
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(version(workspace), v0 + 1);
    // a answers from its own fresh snapshot at once; b learns it through NOTIFY.
    assert.ok((await objectNames(a)).includes('rocket'));
    const deadline = Date.now() + 1000;
    let seen = false;
    while (!seen && Date.now() < deadline) {
      seen = (await objectNames(b)).includes('rocket');
      if (!seen) await h.sleep(20);
    }
    assert.ok(seen, 'the other server did not see the new object within a second');
    assert.deepEqual(await objectNames(b), await objectNames(a));
  });

  it('a deleted object disappears from the other server too', async () => {
    const list = await h.request(a.base, '/rest/metadata/objects', { headers: auth() });
    const rocket = list.json.data.find((o) => o.nameSingular === 'rocket');
    const off = await h.request(a.base, `/rest/metadata/objects/${rocket.id}`, {
      method: 'PATCH', headers: auth(), body: JSON.stringify({ isActive: false }),
    });
    assert.equal(off.status, 200, off.text);
    const del = await h.request(b.base, `/rest/metadata/objects/${rocket.id}`, { method: 'DELETE', headers: auth() });
    assert.equal(del.status, 200, del.text);
    assert.equal(del.json.nameSingular, 'rocket');
    assert.equal(del.json.fields, undefined);
    const deadline = Date.now() + 1000;
    let gone = false;
    while (!gone && Date.now() < deadline) {
      gone = !(await objectNames(a)).includes('rocket');
      if (!gone) await h.sleep(20);
    }
    assert.ok(gone, 'the first server still lists the deleted object');
    const doctor = await h.runCli(['doctor'], { env: env() });
    assert.equal(doctor.code, 0, doctor.stdout + doctor.stderr);
    assert.match(doctor.stdout, /no drift/);
  });
});
