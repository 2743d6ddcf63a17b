'use strict';
// Permission views (src/perm/): GET /auth/permissions answers, for the caller's role, Twenty's
// currentUserWorkspace {permissionFlags, objectsPermissions}. Checked on Twenty's seed roles
// (Admin, Member, Guest and Tim's "Object-restricted": rocket not readable, pet read-only,
// person.city not updatable, company.linkedinLink not readable), then kept current: a changed
// object permission and a new object are visible within a second.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const { APP_SECRET, APPLE, USERS, accessToken } = require('./devseed');

describe('permission views', { timeout: 300000 }, () => {
  let cluster;
  let server;
  const sql = (q) => cluster.psql(q).trim();
  const objectId = (name) => sql(`SELECT id FROM core."objectMetadata" WHERE "workspaceId" = '${APPLE}' AND "nameSingular" = '${name}'`);
  const fieldId = (object, name) => sql(`SELECT f.id FROM core."fieldMetadata" f JOIN core."objectMetadata" o ON o.id = f."objectMetadataId"
    WHERE o."workspaceId" = '${APPLE}' AND o."nameSingular" = '${object}' AND f.name = '${name}'`);
  const permissions = async (user) => {
    const res = await h.request(server.base, '/auth/permissions', { headers: { Authorization: `Bearer ${accessToken(USERS[user])}` } });
    assert.equal(res.status, 200, res.text);
    return res.json;
  };
  const of = (perms, object) => perms.objectsPermissions.find((o) => o.objectMetadataId === objectId(object));
  const access = (o) => [o.canReadObjectRecords, o.canUpdateObjectRecords, o.canSoftDeleteObjectRecords, o.canDestroyObjectRecords];

  before(async () => {
    cluster = await h.startCluster();
    const env = { PG_DATABASE_URL: cluster.url, APP_SECRET };
    const seed = await h.runCli(['seed', 'dev'], { env, timeoutMs: 240000 });
    assert.equal(seed.code, 0, seed.stderr);
    server = await h.startServer({ env });
  });

  after(async () => {
    if (server) await server.stop();
    if (cluster) await cluster.destroy();
  });

  it('Admin (Jane): every object fully, every settings and tool flag', async () => {
    const p = await permissions('jane');
    const objects = Number(sql(`SELECT count(*) FROM core."objectMetadata" WHERE "workspaceId" = '${APPLE}'`));
    assert.equal(p.objectsPermissions.length, objects);
    for (const o of p.objectsPermissions) {
      assert.deepEqual(access(o), [true, true, true, true]);
      assert.deepEqual(o.restrictedFields, {});
    }
    assert.ok(p.permissionFlags.includes('DATA_MODEL') && p.permissionFlags.includes('ROLES') && p.permissionFlags.includes('SEND_EMAIL_TOOL'));
  });

  it('Member (Jony) and Guest (Phil): Twenty\'s standard record permissions, no flags', async () => {
    const member = await permissions('jony');
    const guest = await permissions('phil');
    assert.deepEqual(access(of(member, 'company')), [true, true, true, true]);
    assert.deepEqual(access(of(guest, 'company')), [true, false, false, false]);
    assert.deepEqual(member.permissionFlags, []);
    assert.deepEqual(guest.permissionFlags, []);
  });

  it('Object-restricted (Tim): rocket hidden, pet read-only, person.city read-only, company.linkedinLink hidden', async () => {
    const p = await permissions('tim');
    assert.deepEqual(access(of(p, 'rocket')), [false, false, false, false]);
    assert.deepEqual(access(of(p, 'pet')), [true, false, false, false]);
    assert.deepEqual(access(of(p, 'opportunity')), [true, true, true, true]);
    assert.deepEqual(of(p, 'person').restrictedFields, { [fieldId('person', 'city')]: { canRead: null, canUpdate: false } });
    assert.deepEqual(of(p, 'company').restrictedFields, { [fieldId('company', 'linkedinLink')]: { canRead: false, canUpdate: false } });
  });

  it('a changed object permission is seen within a second', async () => {
    const role = sql(`SELECT id FROM core.role WHERE "workspaceId" = '${APPLE}' AND label = 'Object-restricted'`);
    sql(`INSERT INTO core."objectPermission" ("roleId", "objectMetadataId", "workspaceId", "canReadObjectRecords", "canUpdateObjectRecords")
      VALUES ('${role}', '${objectId('opportunity')}', '${APPLE}', true, false)`);
    const t0 = Date.now();
    assert.ok(await h.waitFor(async () => !of(await permissions('tim'), 'opportunity').canUpdateObjectRecords, 5000, 20));
    assert.ok(Date.now() - t0 < 1000, `seen after ${Date.now() - t0} ms`);
    assert.deepEqual(access(of(await permissions('tim'), 'opportunity')), [true, false, true, true]);
  });

  it('a new object gets the role\'s defaults in the next view', async () => {
    const key = await h.runCli(['apikey', 'create', '--workspace', APPLE, '--name', 'perm'], { env: { PG_DATABASE_URL: cluster.url, APP_SECRET } });
    assert.equal(key.code, 0, key.stderr);
    const token = key.stdout.trim().split('\n')[1];
    const res = await h.request(server.base, '/rest/metadata/objects', {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ nameSingular: 'spaceship', namePlural: 'spaceships', labelSingular: 'Spaceship', labelPlural: 'Spaceships' }),
    });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(access(of(await permissions('phil'), 'spaceship')), [true, false, false, false]);
  });
});
